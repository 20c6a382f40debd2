"""Checks shared by the tests of the Qt-free wording tables (``fieldwork_app/services/*_words.py``)."""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def table_strings(table: Path) -> set[tuple[str, str]]:
    """Every ``translate(context, text)`` call of a wording table, as (context, text); each must be literal."""
    found = set()
    for node in ast.walk(ast.parse(table.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "translate":
            context, text = node.args
            assert isinstance(context, ast.Constant) and isinstance(text, ast.Constant), ast.unparse(node)
            found.add((context.value, text.value))
    return found


def lupdate_strings(table: Path, work: Path) -> set[tuple[str, str]]:
    """What pyside6-lupdate extracts from ``table``, as (context, source); run in a process of its own, as
    scripts/qtbuild.py runs it (a unit test's process may have no Qt)."""
    ts = work / "table.ts"
    lupdate = [sys.executable, "-c", "from PySide6.scripts.pyside_tool import lupdate; lupdate()"]
    subprocess.run([*lupdate, "-silent", str(table), "-ts", str(ts)], check=True, cwd=ROOT)
    return {
        (ctx.findtext("name") or "", msg.findtext("source") or "")
        for ctx in ET.parse(ts).getroot().iter("context")
        for msg in ctx.iter("message")
    }
