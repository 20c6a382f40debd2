"""What a command reads from a file the user names (or from standard input, ``-``): answers, a voucher, a plan,
a record, names, a note.

One reader for every command.  It reads at most :data:`MAX_INPUT_BYTES`, decodes UTF-8, and, for JSON, checks
how deep the text nests before it is parsed, so a file nested a hundred thousand levels deep is one clear error
and never the parser's recursion.  Every refusal names the option and the file (or standard input) and, where
there is one, the line and column; it is raised before anything is opened or saved, so it changes nothing.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fieldwork_app import i18n
from fieldwork_app.errors import InvalidInput

MAX_INPUT_BYTES = 1024 * 1024  # an answers file, a plan, a record or a note is a few kilobytes
MAX_JSON_DEPTH = 8  # the deepest file a command takes (a safeguarding record's sharing list) is three levels deep
STDIN = "-"


def _t(text: str) -> str:
    return i18n.translate("cli", text)


def source(option: str, spec: str | Path) -> str:
    """How an error names what was read: the option and the file, or the option and standard input."""
    if str(spec) == STDIN:
        return _t("{option} (standard input)").format(option=option)
    return f"{option} {spec}"


def _at(where: str, line: int, column: int) -> str:
    return _t("{source}, line {line}, column {column}").format(source=where, line=line, column=column)


def read_text(spec: str | Path, *, option: str, what: str) -> str:
    """The text of ``spec``: a file, or standard input for ``-``; at most :data:`MAX_INPUT_BYTES`, UTF-8."""
    where = source(option, spec)
    try:
        if str(spec) == STDIN:
            raw = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        else:
            with open(spec, "rb") as fh:
                raw = fh.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InvalidInput(
            _t("{source}: cannot read the {what} ({strerror}); nothing was changed").format(
                source=where, what=what, strerror=exc.strerror or type(exc).__name__
            )
        ) from None
    if len(raw) > MAX_INPUT_BYTES:
        raise InvalidInput(
            _t("{source}: the {what} is larger than {kib} KiB; nothing was read or changed").format(
                source=where, what=what, kib=MAX_INPUT_BYTES // 1024
            )
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        raise InvalidInput(
            _t("{at}: the {what} is not UTF-8 text; nothing was changed").format(
                at=_at(where, line, column), what=what
            )
        ) from None


def _outside_strings(text: str) -> Iterator[tuple[int, str, int, int]]:
    """Each character of ``text`` (JSON) that stands outside a string, as (index, character, line, column)."""
    line, column, in_string, escaped = 1, 0, False, False
    for index, ch in enumerate(text):
        column += 1
        if ch == "\n":
            line, column = line + 1, 0
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        else:
            yield index, ch, line, column


def nesting_problem(text: str, limit: int) -> tuple[int, int] | None:
    """Where (line, column) ``text`` (JSON) first nests deeper than ``limit``, or None.  A scan of the
    characters, outside strings, before any parser runs."""
    depth = 0
    for _index, ch, line, column in _outside_strings(text):
        if ch in "[{":
            depth += 1
            if depth > limit:
                return line, column
        elif ch in "]}":
            depth -= 1
    return None


class _NotStrictJson(Exception):
    """Raised from inside the parser: a constant JSON does not allow, or a key an object repeats."""

    def __init__(self, constant: str | None = None, key: str | None = None) -> None:
        super().__init__(constant or key)
        self.constant = constant
        self.key = key


def _refuse_constant(name: str) -> Any:
    raise _NotStrictJson(constant=name)


def _no_repeated_key(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _NotStrictJson(key=key)
        seen[key] = value
    return seen


def constant_place(text: str, constant: str) -> tuple[int, int] | None:
    """Where (line, column) the bare word ``constant`` (``NaN``, ``Infinity``, ``-Infinity``) first stands
    outside a string in ``text``, or None."""
    for index, _ch, line, column in _outside_strings(text):
        if text.startswith(constant, index):
            return line, column
    return None


def _shown_key(key: str) -> str:
    """A repeated key as an error shows it: quoted, control characters escaped, at most 60 characters."""
    shown = json.dumps(key, ensure_ascii=False)
    return shown if len(shown) <= 60 else shown[:57] + '..."'


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return _t("a list")
    if isinstance(value, str):
        return _t("a string")
    if isinstance(value, bool):
        return _t("true or false")
    if value is None:
        return "null"
    return _t("a number")


def read_json_object(
    spec: str | Path, *, option: str, what: str, max_depth: int = MAX_JSON_DEPTH
) -> dict[str, Any]:
    """The JSON object in ``spec`` (a file, or ``-`` for standard input), read by :func:`read_text`.

    Refused, each with the option, the file and the place: text that nests deeper than ``max_depth`` (found
    before parsing), text that is not JSON, ``NaN``, ``Infinity`` or ``-Infinity`` (which Python's parser
    would take, but JSON has not), a key an object gives twice (which the parser would settle by keeping the
    last, silently), a number too long to read, and JSON that is not an object."""
    where = source(option, spec)
    text = read_text(spec, option=option, what=what)
    deep = nesting_problem(text, max_depth)
    if deep is not None:
        raise InvalidInput(
            _t("{at}: the {what} nests more than {depth} levels deep; nothing was changed").format(
                at=_at(where, *deep), what=what, depth=max_depth
            )
        )
    try:
        data = json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_no_repeated_key)
    except _NotStrictJson as exc:
        if exc.constant is not None:
            place = constant_place(text, exc.constant)
            at = _at(where, *place) if place is not None else where
            raise InvalidInput(
                _t("{at}: the {what} holds {constant}, which is not a JSON number; nothing was changed").format(
                    at=at, what=what, constant=exc.constant
                )
            ) from None
        raise InvalidInput(
            _t("{source}: the {what} gives the key {key} more than once in one object; nothing was changed").format(
                source=where, what=what, key=_shown_key(exc.key or "")
            )
        ) from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            _t("{at}: the {what} is not valid JSON ({error}); nothing was changed").format(
                at=_at(where, exc.lineno, exc.colno), what=what, error=exc.msg
            )
        ) from None
    except RecursionError:
        raise InvalidInput(
            _t("{source}: the {what} nests too deep; nothing was changed").format(source=where, what=what)
        ) from None
    except ValueError:  # a number of more digits than Python converts (int_max_str_digits)
        raise InvalidInput(
            _t("{source}: the {what} holds a number too long to read; nothing was changed").format(
                source=where, what=what
            )
        ) from None
    if not isinstance(data, dict):
        raise InvalidInput(
            _t("{source}: the {what} must be a JSON object ({{...}}), not {kind}; nothing was changed").format(
                source=where, what=what, kind=_kind(data)
            )
        )
    return data


def one_standard_input(*given: tuple[str, str | Path | None]) -> None:
    """Refuse a command line on which more than one (option, value) reads standard input (``-``): only one can."""
    taking = [option for option, spec in given if spec is not None and str(spec) == STDIN]
    if len(taking) > 1:
        raise InvalidInput(
            _t("only one of {options} can read standard input (-); nothing was changed").format(
                options=", ".join(taking)
            )
        )
