"""Shared plumbing for the command modules: a command registry and one-line error reporting.

Every command module exposes ``register(sub: argparse._SubParsersAction) -> None`` and sets
``func=handler`` on its parsers via :func:`command`.  A handler receives the parsed namespace and a
:class:`CliContext` and returns an exit code.  Expected failures are :class:`FieldworkError`; the
dispatcher prints them as one line on stderr and exits non-zero, never a traceback.

A command module imports the services inside its handlers, not at the top, so that building the parser (and
``fieldwork --help`` or ``--version``) imports no service, vault, pack model or audio code; choices a service
holds are given as :class:`LazyChoices`.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
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


class LazyChoices(Sequence[str]):
    """An option's ``choices`` that a service module holds, read from it the first time argparse asks (to check
    the option's value, or to show its command's help), so that building the parser imports no service."""

    def __init__(self, module: str, name: str, leave_out: tuple[str, ...] = ()) -> None:
        self._module, self._name, self._leave_out = module, name, leave_out
        self._values: tuple[str, ...] | None = None

    def _all(self) -> tuple[str, ...]:
        if self._values is None:
            held = getattr(importlib.import_module(self._module), self._name)
            self._values = tuple(str(v) for v in held if v not in self._leave_out)
        return self._values

    def __getitem__(self, index: int) -> str:  # type: ignore[override]
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __contains__(self, value: object) -> bool:
        return value in self._all()

    def __repr__(self) -> str:
        return repr(self._all())


def command(parser: argparse.ArgumentParser, handler: Handler) -> argparse.ArgumentParser:
    parser.set_defaults(func=handler)
    return parser
