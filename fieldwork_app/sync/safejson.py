"""JSON read from a store or a bundle, with limits: size, nesting depth, integer digits, string length.

The standard parser has no depth limit of its own (a manifest nested 200,000 levels ends in a
``RecursionError``), accepts integers of thousands of digits (``ValueError`` past 4,300), ``NaN``,
duplicate keys and lone surrogates (which later fail to encode).  :func:`loads` refuses all of these
with :class:`JsonLimitError` before anything else sees the value.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 32
MAX_INT_DIGITS = 20
MAX_STRING = 16 * 1024 * 1024

# A JSON string (skipped whole, possessively: linear time) or one bracket.
_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}]', re.DOTALL)
_SURROGATE = re.compile("[\ud800-\udfff]")


class JsonLimitError(ValueError):
    """The bytes are not JSON, or break one of the limits; the message says which (never the content)."""


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise JsonLimitError(f"an integer has more than {MAX_INT_DIGITS} digits")
    return int(text)


def _float(text: str) -> float:
    if len(text) > 40:
        raise JsonLimitError("a number is too long")
    return float(text)


def _constant(name: str) -> Any:
    raise JsonLimitError(f"{name} is not allowed")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise JsonLimitError(f"key {key[:40]!r} appears twice in one object")
        out[key] = value
    return out


def _check_depth(text: str, max_depth: int) -> None:
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > max_depth:
                raise JsonLimitError(f"nested deeper than {max_depth} levels")
        elif token in "]}":
            depth -= 1


def _check_strings(value: Any, max_string: int) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if len(item) > max_string:
                raise JsonLimitError(f"a string is longer than {max_string} characters")
            if _SURROGATE.search(item):
                raise JsonLimitError("a string holds a lone surrogate (not valid Unicode)")
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def loads(
    data: bytes,
    *,
    max_bytes: int,
    max_depth: int = MAX_DEPTH,
    max_string: int = MAX_STRING,
) -> Any:
    """Parse ``data`` (UTF-8 JSON) within the limits, or raise :class:`JsonLimitError`."""
    if len(data) > max_bytes:
        raise JsonLimitError(f"{len(data)} bytes, more than the limit of {max_bytes}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise JsonLimitError("not UTF-8") from None
    _check_depth(text, max_depth)
    try:
        value = json.loads(
            text, parse_int=_int, parse_float=_float, parse_constant=_constant, object_pairs_hook=_pairs
        )
    except JsonLimitError:
        raise
    except (ValueError, RecursionError):
        raise JsonLimitError("not valid JSON") from None
    _check_strings(value, max_string)
    return value
