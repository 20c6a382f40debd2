"""Shared plumbing for the command modules: a command registry and one-line error reporting.

Every command module exposes ``register(sub: argparse._SubParsersAction) -> None`` and sets
``func=handler`` on its parsers via :func:`command`.  A handler receives the parsed namespace and a
:class:`CliContext` and returns an exit code.  Expected failures are :class:`FieldworkError`; the
dispatcher prints them as one line on stderr and exits non-zero, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from fieldwork_app.domain.text import terminal_safe

Handler = Callable[[argparse.Namespace, "CliContext"], int]


@dataclass
class CliContext:
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)

    def say(self, text: str = "") -> None:
        # Text from a pack or a store may carry terminal controls; none reaches the terminal.
        self.out.write(terminal_safe(text) + "\n")

    def warn(self, text: str) -> None:
        self.err.write(terminal_safe(text) + "\n")

    def emit_json(self, obj: Any) -> None:
        self.out.write(json.dumps(obj, indent=2, sort_keys=True, default=str) + "\n")


def command(parser: argparse.ArgumentParser, handler: Handler) -> argparse.ArgumentParser:
    parser.set_defaults(func=handler)
    return parser
