"""Characters that must not reach a terminal or hide inside a pack's text.

Pack files arrive by e-mail and on USB sticks; text in them is shown on screen and printed by the
command line.  Terminal control characters (ESC sequences, BEL, the C1 controls) could rewrite what a
terminal shows, and Unicode bidirectional overrides and isolates could make a consent statement read
differently from the text stored.  Packs refuse them; anything printed to a terminal has them removed.
"""

from __future__ import annotations

import re

# C0 and C1 controls (not tab or newline), the bidi embeddings, overrides and isolates, the line and
# paragraph separators (a line break a reader cannot see in the file) and a byte-order mark inside text (an
# invisible character that can split a word).  The bidi marks (LRM, RLM, ALM) and the zero-width joiners
# stay allowed: right-to-left and many other scripts need them in ordinary text.
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff"
CONTROL_RE = re.compile(f"[{_CONTROL}]")
# For a terminal line a carriage return can also overwrite what came before.
_TERMINAL_RE = re.compile(f"[{_CONTROL}\r]")


def first_control(text: str) -> int | None:
    """The index of the first character a pack's text must not contain, or None."""
    found = CONTROL_RE.search(text)
    return found.start() if found else None


def describe(char: str) -> str:
    """A name for a refused character a researcher can search for: ``U+001B (ESC)``."""
    names = {
        "\x1b": "ESC", "\x07": "BEL", "\x08": "backspace", "\x7f": "DEL", "\x00": "NUL",
        "\u2028": "line separator", "\u2029": "paragraph separator", "\ufeff": "byte-order mark",
    }  # fmt: skip
    code = f"U+{ord(char):04X}"
    if char in names:
        return f"{code} ({names[char]})"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return f"{code} (a bidirectional text control)"
    return f"{code} (a control character)"


def terminal_safe(text: str) -> str:
    """``text`` without the characters that could drive a terminal (newlines and tabs are kept)."""
    return _TERMINAL_RE.sub("", text)
