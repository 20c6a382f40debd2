"""Recording commands (filled in over the audio services)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    return None
