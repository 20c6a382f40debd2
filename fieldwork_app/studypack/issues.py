"""Problems found in a study pack, each located at a file, line and key."""

from __future__ import annotations

from dataclasses import dataclass

from fieldwork_app.errors import PackError

KeyPath = tuple[str | int, ...]


def format_key_path(path: KeyPath) -> str:
    """``("groups", 0, "id")`` -> ``groups[0].id``: how a researcher would point at it in the file."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass(frozen=True)
class PackIssue:
    """One problem.  ``file`` is relative to the pack directory; ``line`` is 1-based or None."""

    file: str
    line: int | None
    key_path: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.key_path:
            return f"{where}: {self.key_path}: {self.message}"
        return f"{where}: {self.message}"


class PackValidationError(PackError):
    """The pack is not valid; ``issues`` lists every problem found, in file and line order."""

    def __init__(self, issues: list[PackIssue]) -> None:
        self.issues = list(issues)
        count = len(self.issues)
        first = str(self.issues[0]) if self.issues else "no details"
        more = f" (and {count - 1} more)" if count > 1 else ""
        super().__init__(f"the study pack is not valid: {first}{more}")
