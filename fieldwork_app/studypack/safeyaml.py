"""Reading one pack file safely, keeping the line of every value.

Pack files come from outside the app (a USB stick, an email attachment), so reading one must never
crash and never cost unbounded memory or time.  PyYAML's safe loader is the base; on top of it this
module refuses anchors and aliases (the "billion laughs" expansion), every explicit tag, nesting deeper
than :data:`MAX_DEPTH`, files over :data:`MAX_BYTES`, text that is not UTF-8 and repeated keys (which
YAML would silently resolve to the last one, hiding an edit).

While composing, it records the 1-based line of every key and value, keyed by the path of keys and
list indexes, so validation errors can point a researcher at the line to fix.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from fieldwork_app.domain.text import describe, first_control

logger = logging.getLogger(__name__)

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 200_000


@dataclass
class NodeBudget:
    """Values left for the whole pack: every file parsed takes from one budget, so a pack of many files
    cannot cost more than one limit however its values are spread."""

    left: int
    total: int = 0

    def __post_init__(self) -> None:
        self.total = self.total or self.left


def budget_total(budget: NodeBudget) -> str:
    return f"{budget.total:,}"

KeyPath = tuple[str | int, ...]


class YamlProblem(Exception):
    """A file that cannot be read as pack YAML; ``line`` is 1-based or None."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class LineMap:
    """Lines of the values (and of the keys) in one file, by path."""

    values: dict[KeyPath, int] = field(default_factory=dict)
    keys: dict[KeyPath, int] = field(default_factory=dict)
    duplicates: list[tuple[KeyPath, int]] = field(default_factory=list)
    # The text of plain scalars YAML read as numbers (``version: 1.10`` is the float 1.1), so a message
    # can quote what the researcher wrote; and the mappings written inline as ``{...}``.
    number_text: dict[KeyPath, str] = field(default_factory=dict)
    flow_mappings: set[KeyPath] = field(default_factory=set)

    def line_of(self, path: KeyPath) -> int | None:
        """The line of ``path``'s key (or item), else of its nearest ancestor that exists."""
        probe = tuple(path)
        while True:
            if probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
            if not probe:
                return None
            probe = probe[:-1]

    def has(self, path: KeyPath) -> bool:
        return tuple(path) in self.values


class _StrictComposer(Composer):
    """Composer that refuses anchors, aliases and explicit tags, and counts depth and nodes."""

    _depth = 0
    _nodes = 0
    budget: NodeBudget | None = None

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:  # type: ignore[override]
        event = self.peek_event()  # type: ignore[attr-defined]
        line = event.start_mark.line + 1 if event.start_mark else None
        if isinstance(event, AliasEvent):
            raise YamlProblem("aliases (*name) are not allowed in study packs; write the value out", line)
        if isinstance(event, ScalarEvent | CollectionStartEvent):
            if event.anchor is not None:
                raise YamlProblem("anchors (&name) are not allowed in study packs", line)
            if event.tag not in (None, "!"):
                raise YamlProblem(f"tags like '{str(event.tag)[:40]}' are not allowed in study packs", line)
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise YamlProblem(f"the file has more than {MAX_NODES} values", line)
        if self.budget is not None:
            self.budget.left -= 1
            if self.budget.left < 0:
                raise YamlProblem(
                    f"the study pack's files have more than {budget_total(self.budget)} values between them "
                    "(the rest of the pack was not read)",
                    line,
                )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlProblem(f"values are nested more than {MAX_DEPTH} levels deep", line)
            return super().compose_node(parent, index)  # type: ignore[no-any-return]
        finally:
            self._depth -= 1


class _StrictConstructor(SafeConstructor):
    def construct_yaml_timestamp(self, node: ScalarNode) -> Any:  # type: ignore[override]
        # An impossible date such as 2024-02-30 matches YAML's timestamp pattern and then raises
        # ValueError; keep the text so validation can say which date is wrong, on its line.
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return str(node.value)


_StrictConstructor.add_constructor(  # type: ignore[type-var]
    "tag:yaml.org,2002:timestamp", _StrictConstructor.construct_yaml_timestamp
)


class _Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    _StrictComposer,  # type: ignore[misc]
    _StrictConstructor,
    yaml.resolver.Resolver,
):
    def __init__(self, text: str) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _StrictComposer.__init__(self)
        _StrictConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)


_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_MERGE_TAG = "tag:yaml.org,2002:merge"


def _refuse_controls(node: ScalarNode) -> None:
    """Pack text never carries terminal controls or bidi overrides (a YAML escape such as "\\e" makes one)."""
    text = str(node.value)
    at = first_control(text)
    if at is not None:
        line = node.start_mark.line + 1 + (text[:at].count("\n") if node.style in ("|", ">") else 0)
        raise YamlProblem(
            f"the text contains {describe(text[at])}, which study packs do not allow; remove it", line
        )


def _walk(node: Node, lines: LineMap) -> None:
    """Record the line of every node and report repeated keys (iterative: depth is already capped).
    Nodes are visited in file order, so the first refused character reported is the first in the file."""
    stack: list[tuple[Node, KeyPath]] = [(node, ())]
    while stack:
        current, path = stack.pop()
        children: list[tuple[Node, KeyPath]] = []
        lines.values.setdefault(path, current.start_mark.line + 1)
        if isinstance(current, ScalarNode):
            _refuse_controls(current)
            if current.style is None and current.tag in (_INT_TAG, _FLOAT_TAG):
                lines.number_text[path] = str(current.value)[:40]
        if isinstance(current, MappingNode):
            if current.flow_style:
                lines.flow_mappings.add(path)
            seen: set[Hashable] = set()
            for key_node, value_node in current.value:
                if isinstance(key_node, ScalarNode):
                    _refuse_controls(key_node)
                    if key_node.tag == _MERGE_TAG:
                        # "<<" would quietly fold another mapping's keys into this one, past the check
                        # for repeated keys: every value in a pack is written where it applies.
                        raise YamlProblem(
                            "merge keys (<<) are not allowed in study packs; write the keys out",
                            key_node.start_mark.line + 1,
                        )
                key: str | int = str(key_node.value) if isinstance(key_node, ScalarNode) else "?"
                child = (*path, key)
                if key in seen:
                    lines.duplicates.append((child, key_node.start_mark.line + 1))
                seen.add(key)
                lines.keys.setdefault(child, key_node.start_mark.line + 1)
                children.append((value_node, child))
        elif isinstance(current, SequenceNode):
            for i, item in enumerate(current.value):
                child = (*path, i)
                lines.keys.setdefault(child, item.start_mark.line + 1)
                children.append((item, child))
        stack.extend(reversed(children))


def decode(raw: bytes) -> str:
    if len(raw) > MAX_BYTES:
        raise YamlProblem(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem("the file is not UTF-8 text; save it as UTF-8", line) from None
    if "\x00" in text:
        raise YamlProblem("the file contains a NUL character; it is not a text file")
    return text


_HINTS = {
    "mapping values are not allowed here": (
        "; text that contains ': ' must be in quotes, e.g. title: \"Topic guide: parents\""
    ),
    "found character '\\t' that cannot start any token": "; indent with spaces, not tabs",
    "found undefined alias": "; text that starts with '*' must be in quotes",
    "expected ',' or '}', but got '<scalar>'": "; text inside {...} that contains a comma or colon must be in quotes",
}


def _hint(problem: str) -> str:
    """A hint for the YAML mistakes researchers make most."""
    for start, hint in _HINTS.items():
        if problem.startswith(start):
            return hint
    return ""


def parse(text: str, budget: NodeBudget | None = None) -> tuple[Any, LineMap]:
    """Parse one YAML document; raise :class:`YamlProblem` for anything a pack file must not be.
    ``budget`` counts the values of every file of one pack together."""
    lines = LineMap()
    try:
        loader = _Loader(text)
        loader.budget = budget
    except yaml.reader.ReaderError as exc:
        line = text[: max(exc.position, 0)].count("\n") + 1
        raise YamlProblem("the file contains a control character that YAML does not allow", line) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return None, lines
        _walk(node, lines)
        data = loader.construct_document(node)
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlProblem(f"YAML syntax error: {problem}{_hint(problem)}", mark.line + 1 if mark else None) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        # TypeError: an unhashable key such as "? [a, b]"; ValueError/OverflowError: odd numbers.
        raise YamlProblem(f"YAML could not be read: {type(exc).__name__}") from None
    finally:
        loader.dispose()
    return data, lines
