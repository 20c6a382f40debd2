"""Shared code speaks of any study's participants: no word written for the first study ("she", "her",
"mother", "GP", "M-001" ...) in a string the app shows or prints.  A pack may name its participants; the
code uses the pack's words or neutral ones.  Comments and docstrings are not shown, so not checked."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIRST_STUDY = re.compile(
    r"\b(she|her|hers|herself|mothers?|mums?|partners?|GP|GPs|baby|babies|perinatal|M-001|F-001)\b", re.IGNORECASE
)
# Where the first study is named on purpose: the built-in example pack's folder name, and the guided tour's
# default first participant (the built-in example's M-001).
ALLOWED = {
    Path("fieldwork_app/paths.py"),
    Path("fieldwork_app/gui/tour.py"),
}


def _shown_strings(source: str) -> list[tuple[int, str]]:
    tree = ast.parse(source)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_no_first_study_words_in_shared_code() -> None:
    found = []
    files = sorted((ROOT / "fieldwork_app").rglob("*.py"))
    assert len(files) > 50
    for f in files:
        rel = f.relative_to(ROOT)
        if rel in ALLOWED:
            continue
        for line, text in _shown_strings(f.read_text(encoding="utf-8")):
            m = FIRST_STUDY.search(text)
            if m:
                found.append(f"{rel}:{line}: {m.group(0)!r} in {text[:80]!r}")
    for f in sorted((ROOT / "ui").glob("*.ui")):
        for n, text in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            for s in re.findall(r"<string[^>]*>([^<]*)</string>", text):
                m = FIRST_STUDY.search(s)
                if m:
                    found.append(f"{f.relative_to(ROOT)}:{n}: {m.group(0)!r} in {s[:80]!r}")
    assert not found, "first-study words in shared code:\n" + "\n".join(found)


def test_the_check_finds_what_it_looks_for() -> None:
    strings = [t for _, t in _shown_strings('"""Her docstring."""\nx = "Her choice"\ny = "their choice"\n')]
    assert [t for t in strings if FIRST_STUDY.search(t)] == ["Her choice"]
