"""Property tests: whatever a pack's files contain, validation reports issues and never crashes."""

from __future__ import annotations

import copy
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldwork_app.domain.pack import StudyPack
from fieldwork_app.studypack import (
    PackIssue,
    PackValidationError,
    example_pack_path,
    load_pack,
    validate_pack,
)

PACK_FILES = sorted(str(p.relative_to(example_pack_path())) for p in example_pack_path().rglob("*.yaml"))
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["", "in_use", "mother", "1.0", "2024-02-30", "M-{n:03d}", "recording", "../x", "{n"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=30,
)


@contextmanager
def copied_pack() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "pack"
        shutil.copytree(example_pack_path(), target)
        yield target


def check_outcome(pack: Path) -> list[PackIssue]:
    """validate_pack returns issues; load_pack agrees and raises nothing but PackValidationError."""
    issues = validate_pack(pack)
    assert all(isinstance(i, PackIssue) and i.message for i in issues)
    assert all(i.line is None or i.line >= 1 for i in issues)
    assert all(str(i) for i in issues)
    try:
        loaded = load_pack(pack)
    except PackValidationError as exc:
        assert exc.issues == issues and issues
    else:
        assert issues == []
        assert StudyPack.model_validate(loaded.model_dump(mode="json")) == loaded
    return issues


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += paths(value, (*prefix, i))
    return found


def get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


@SETTINGS
@given(document=values)
def test_random_yaml_as_pack_yaml(document: Any) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "pack.yaml").write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
        assert check_outcome(Path(tmp))


@SETTINGS
@given(name=st.sampled_from(PACK_FILES), document=values)
def test_random_yaml_replacing_one_file(name: str, document: Any) -> None:
    with copied_pack() as pack:
        (pack / name).write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
        assert check_outcome(pack)


@SETTINGS
@given(name=st.sampled_from(PACK_FILES), raw=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_random_bytes_replacing_one_file(name: str, raw: bytes) -> None:
    with copied_pack() as pack:
        (pack / name).write_bytes(raw)
        check_outcome(pack)


@SETTINGS
@given(
    name=st.sampled_from(PACK_FILES),
    choice=st.randoms(use_true_random=False),
    mutation=st.sampled_from(["drop", "replace", "duplicate", "retype"]),
    replacement=values,
)
def test_structural_mutations(name: str, choice: Any, mutation: str, replacement: Any) -> None:
    with copied_pack() as pack:
        data = yaml.safe_load((pack / name).read_text(encoding="utf-8"))
        candidates = [p for p in paths(data) if p]
        path = choice.choice(candidates)
        parent, last = get(data, path[:-1]), path[-1]
        if mutation == "drop":
            del parent[last]
        elif mutation == "replace":
            parent[last] = replacement
        elif mutation == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
        else:
            parent[last] = [parent[last]] if not isinstance(parent[last], list) else {"x": parent[last]}
        (pack / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        check_outcome(pack)


INJECTIONS = [
    "&anchor ",
    "*anchor",
    "!!python/object/apply:os.system ['echo hi'] ",
    "!!binary ",
    "{",
    "[[[[[[[[",
    "? [a, b]\n: c\n",
    "\t",
    "x" * 5000,
    "2024-13-45",
    "<<: {a: 1}\n",
    "\x00",
    "\ufeff",
    '"unterminated',
]


@SETTINGS
@given(
    name=st.sampled_from(PACK_FILES),
    choice=st.randoms(use_true_random=False),
    junk=st.sampled_from(INJECTIONS),
)
def test_text_injections(name: str, choice: Any, junk: str) -> None:
    with copied_pack() as pack:
        text = (pack / name).read_text(encoding="utf-8")
        at = choice.randrange(len(text) + 1)
        (pack / name).write_text(text[:at] + junk + text[at:], encoding="utf-8")
        check_outcome(pack)


@settings(max_examples=25, deadline=None)
@given(name=st.sampled_from(PACK_FILES), choice=st.randoms(use_true_random=False))
def test_duplicating_an_id_is_reported(name: str, choice: Any) -> None:
    """Copying a list item that has an id must always give at least one issue."""
    with copied_pack() as pack:
        data = yaml.safe_load((pack / name).read_text(encoding="utf-8"))
        lists = [
            p
            for p in paths(data)
            if isinstance(get(data, p), list)
            and get(data, p)
            and all(isinstance(item, dict) and "id" in item for item in get(data, p))
        ]
        if not lists:
            return
        target = get(data, choice.choice(lists))
        target.append(copy.deepcopy(choice.choice(target)))
        (pack / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        assert any("duplicate" in i.message for i in check_outcome(pack))
