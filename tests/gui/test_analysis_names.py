"""Every accessible name on the data manager's page reaches the translation catalogue: lupdate, run over the
page's source, finds each one the page sets (a name translated through a variable would never be there)."""

from __future__ import annotations

import importlib.util
import re
import shutil
from html import unescape
from pathlib import Path
from types import ModuleType

from PySide6.QtWidgets import QWidget

from tests.gui.test_fit_and_keys import click_nav, open_app

ROOT = Path(__file__).resolve().parents[2]


def _qtbuild() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fieldwork_qtbuild", ROOT / "scripts" / "qtbuild.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_accessible_name_on_the_data_managers_page_is_in_the_catalogue(
    qtbot, make_window, vault_dir, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    w = open_app(qtbot, make_window, vault_dir, (1024, 600))
    click_nav(qtbot, w, "analysis")
    page = w.page("analysis")
    names = {n for c in page.findChildren(QWidget) if (n := c.accessibleName())}
    assert {"Study key file", "SFTP known_hosts file", "CA bundle file", "Folder to unpack into"} <= names
    root = tmp_path / "src"
    (root / "fieldwork_app" / "gui" / "analysis").mkdir(parents=True)
    shutil.copy2(ROOT / "fieldwork_app" / "gui" / "analysis" / "page.py", root / "fieldwork_app" / "gui" / "analysis")
    (written,) = _qtbuild().update_ts(tmp_path / "translations", root)
    text = written.read_text(encoding="utf-8")
    context = re.search(r"<name>AnalysisPage</name>(.*?)</context>", text, re.S)
    assert context is not None
    sources = {unescape(s) for s in re.findall(r"<source>(.*?)</source>", context.group(1), re.S)}
    assert not names - sources, sorted(names - sources)
