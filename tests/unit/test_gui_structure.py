"""The GUI's shape, read from its source (nothing is imported, so no Qt is needed): no import cycle among
its modules, and only presenters submit work or call the services."""

from __future__ import annotations

import ast
from pathlib import Path

import grimp

GUI = Path(__file__).resolve().parents[2] / "fieldwork_app" / "gui"

#: the ways work is handed to the database thread or the pool (``ctx.tasks.<name>``)
SUBMIT = {"db", "pool", "on_gui", "open_workspace", "without_workspace"}

#: modules that may submit work or call the services: presenters and the queries they run, the task runner
#: itself, the take's controller, and the tour (which drives the app to take its screenshots)
MAY_SUBMIT = {
    "presenter.py",
    "query.py",
    "shell_presenter.py",
    "qt_tasks.py",
    "recording_controller.py",
    "tour.py",
    "session/tour_steps.py",
}


def _cycles() -> list[list[str]]:
    """Strongly connected groups of more than one GUI module (Tarjan), counting every import: at the top,
    inside functions and under TYPE_CHECKING."""
    graph = grimp.build_graph("fieldwork_app", cache_dir=None)
    mods = sorted(m for m in graph.modules if m.startswith("fieldwork_app.gui"))
    edges = {
        m: sorted(i for i in graph.find_modules_directly_imported_by(m) if i.startswith("fieldwork_app.gui"))
        for m in mods
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for m in mods:
        if m not in index:
            visit(m)
    return found


def test_no_import_cycle_among_gui_modules() -> None:
    assert len([m for m in grimp.build_graph("fieldwork_app", cache_dir=None).modules if ".gui." in m]) > 40
    assert _cycles() == []


# Qt-free wording tables both faces share: pure functions of facts and a translate function, no work and no
# database, so any widget may call them.
WORDING = {"readiness_words", "condition_words", "consent_words"}


def _service_modules(tree: ast.Module) -> set[str]:
    """Names a module binds to a services module (``from fieldwork_app.services import x as y``), wording
    tables aside."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "fieldwork_app.services":
            names |= {a.asname or a.name for a in node.names if a.name not in WORDING}
        elif isinstance(node, ast.Import):
            names |= {
                a.asname
                for a in node.names
                if a.name.startswith("fieldwork_app.services.")
                and a.asname
                and a.name.rsplit(".", 1)[1] not in WORDING
            }
    return names


def _offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    services = _service_modules(tree)
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr in SUBMIT
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "tasks"
        ):
            found.append(f"line {node.lineno}: submits work (tasks.{node.attr})")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in services
        ):
            found.append(f"line {node.lineno}: calls the services ({node.func.value.id}.{node.func.attr})")
    return found


def test_only_presenters_submit_work_or_call_the_services() -> None:
    checked = 0
    offenders = {}
    for path in sorted(GUI.rglob("*.py")):
        rel = path.relative_to(GUI).as_posix()
        if rel.startswith("forms/") or rel in MAY_SUBMIT or path.name in MAY_SUBMIT:
            continue
        checked += 1
        found = _offences(path)
        if found:
            offenders[rel] = found
    assert checked > 30  # the pages, views, dialogs, widgets and the main window are all read
    assert offenders == {}


def test_the_check_sees_a_page_that_submits_work(tmp_path: Path) -> None:
    page = tmp_path / "page.py"
    page.write_text(
        "from fieldwork_app.services import participants as svc\n"
        "class P:\n"
        "    def refresh(self):\n"
        "        self.ctx.tasks.db(lambda ws: None)\n"
        "        svc.add(None, 'mother', None)\n",
        encoding="utf-8",
    )
    assert sorted(_offences(page)) == [
        "line 4: submits work (tasks.db)",
        "line 5: calls the services (svc.add)",
    ]
