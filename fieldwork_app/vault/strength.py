"""How strong a new passphrase is: zxcvbn's estimate (pattern and dictionary matching), as a clear hint.

The rule stays "at least 8 characters"; below a fair estimate the CLI and the first-run and change-
passphrase forms say so, with zxcvbn's own advice, so a weak choice is made knowingly.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_LENGTH = 8
GOOD_SCORE = 3  # zxcvbn: 0 too guessable .. 4 very unguessable; 3 "safely unguessable"


@dataclass(frozen=True)
class Estimate:
    score: int  # 0..4
    crack_time: str  # at an offline, slow-hash attacker's rate, in words ("3 hours", "centuries")
    advice: str  # what would make it stronger ("" when nothing to add)

    @property
    def weak(self) -> bool:
        return self.score < GOOD_SCORE

    def hint(self) -> str:
        label = ("very weak", "weak", "fair", "strong", "very strong")[self.score]
        text = (
            f"Passphrase strength: {label} (estimated to withstand a guessing attack for {self.crack_time})"
        )
        if self.weak:
            text += ". " + (self.advice or "A few more uncommon words make it much stronger.")
        return text


def estimate(passphrase: str, user_inputs: list[str] | None = None) -> Estimate:
    """zxcvbn's estimate; ``user_inputs`` (the user's name) count as guessable words."""
    if not passphrase:
        return Estimate(0, "less than a second", "Type a passphrase of a few uncommon words.")
    # zxcvbn looks at the first 100 characters only; a longer passphrase is at least that strong.
    from zxcvbn import zxcvbn  # its word lists cost every command 20 ms: loaded only to rate a passphrase

    result = zxcvbn(passphrase[:100], user_inputs=[u for u in (user_inputs or []) if u])
    feedback = result.get("feedback") or {}
    parts = [str(feedback.get("warning") or "").strip(), *(str(s) for s in feedback.get("suggestions") or [])]
    advice = " ".join(p if p.endswith(".") else p + "." for p in parts if p)
    crack = str(result["crack_times_display"]["offline_slow_hashing_1e4_per_second"])
    return Estimate(int(result["score"]), crack, advice)
