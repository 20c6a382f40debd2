"""Every accessible name on the data manager's page reaches the translation catalogue: lupdate, run over the
page's source, finds each one the page sets (a name translated through a variable would never be there)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from tests.gui.test_fit_and_keys import click_nav, open_app
from tests.support.wording import lupdate_strings

ROOT = Path(__file__).resolve().parents[2]


def test_every_accessible_name_on_the_data_managers_page_is_in_the_catalogue(
    qtbot, make_window, vault_dir, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    w = open_app(qtbot, make_window, vault_dir, (1024, 600))
    click_nav(qtbot, w, "analysis")
    page = w.page("analysis")
    names = {n for c in page.findChildren(QWidget) if (n := c.accessibleName())}
    assert {"Study key file", "SFTP known_hosts file", "CA bundle file", "Folder to unpack into"} <= names
    extracted = lupdate_strings(ROOT / "fieldwork_app" / "gui" / "analysis" / "page.py", tmp_path)
    sources = {text for context, text in extracted if context == "AnalysisPage"}
    assert not names - sources, sorted(names - sources)
