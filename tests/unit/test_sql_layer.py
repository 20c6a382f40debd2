"""Only vault/ and services/ run SQL: every other module of the package is read (as source, by the ast
module) for a statement run on a connection, a connection reached through a workspace, or a database
driver imported; the GUI and the CLI ask a service instead."""

from __future__ import annotations

import ast
from pathlib import Path

import fieldwork_app

PACKAGE = Path(fieldwork_app.__file__).parent
ALLOWED = ("vault", "services")
RUNS_SQL = {"execute", "executemany", "executescript", "cursor", "create_function"}
CONNECTIONS = {"db", "idb", "conn", "connection"}  # a workspace's or vault's connections, however reached
DRIVERS = {"sqlite3", "sqlcipher3", "pysqlcipher3", "apsw", "fieldwork_app.vault.db"}


def _problems(source: str, name: str) -> list[str]:
    tree = ast.parse(source, filename=name)
    called = {id(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    found: list[str] = []
    for node in ast.walk(tree):
        where = f"{name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Attribute) and node.attr in RUNS_SQL:
            found.append(f"{where}: .{node.attr}")
        elif isinstance(node, ast.Attribute) and node.attr in CONNECTIONS and id(node) not in called:
            found.append(f"{where}: a connection (.{node.attr})")  # ``ctx.tasks.db(fn)`` is a call, not one
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in RUNS_SQL:
            found.append(f"{where}: {node.value!r} (getattr)")
        elif isinstance(node, ast.Import):
            found += [f"{where}: import {a.name}" for a in node.names if a.name in DRIVERS]
        elif isinstance(node, ast.ImportFrom) and (
            node.module in DRIVERS or (node.module == "fieldwork_app.vault" and any(a.name == "db" for a in node.names))
        ):
            found.append(f"{where}: from {node.module} import ...")
    return found


def _outside() -> list[Path]:
    return [
        p
        for p in sorted(PACKAGE.rglob("*.py"))
        if p.relative_to(PACKAGE).parts[0] not in ALLOWED and "forms" not in p.relative_to(PACKAGE).parts
    ]


def test_only_vault_and_services_run_sql() -> None:
    files = _outside()
    assert any(p.relative_to(PACKAGE).parts[0] == "gui" for p in files)
    assert any(p.relative_to(PACKAGE).parts[0] == "cli" for p in files)
    problems = [f for p in files for f in _problems(p.read_text("utf-8"), str(p.relative_to(PACKAGE)))]
    assert problems == [], "SQL outside vault/ and services/:\n" + "\n".join(problems)


def test_the_scan_finds_the_ways_sql_is_run() -> None:
    """The scan is not blind: each way a module could reach the database is reported."""
    cases = {
        'ws.idb.execute("SELECT 1 FROM locations").fetchone()': 2,
        'conn.executemany("INSERT INTO t VALUES (?)", rows)': 1,
        "x.vault.db.executescript(script)": 2,
        'run = getattr(ws.db, "execute")': 2,
        "c = ws.db": 1,
        "import sqlite3": 1,
        "from fieldwork_app.vault.db import connect": 1,
        "from fieldwork_app.vault import db": 1,
        "ctx.tasks.db(lambda ws: None)": 0,
    }
    for source, count in cases.items():
        assert len(_problems(source, "case.py")) == count, source
