"""A screen reader says which field a Browse... (or Choose...) button fills: each visible one has an accessible
name of its own naming its field, and keeps its tooltip; on the data manager's page and in the sync page's
dialogs (store, study key, study pack), at 1366x768 and 1024x600."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.gui.test_analysis_browse import _click
from tests.gui.test_fit_and_keys import SIZES, click_nav, open_app
from tests.gui.test_keys_and_host_keys import _open

from fieldwork_app.gui.sync.pack_import_dialog import PackImportDialog
from fieldwork_app.gui.sync.store_dialog import StoreDialog
from fieldwork_app.gui.sync.study_key_dialog import StudyKeyDialog


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_each_browse_button_on_the_data_managers_page_names_its_field(qtbot, make_window, vault_dir, size) -> None:  # type: ignore[no-untyped-def]
    w = open_app(qtbot, make_window, vault_dir, size)
    click_nav(qtbot, w, "analysis")
    page = w.page("analysis")
    qtbot.waitUntil(lambda: (w.width(), w.height()) == size, timeout=5_000)
    buttons = [b for b in page.findChildren(QPushButton) if b.text() == "Browse..."]
    assert len(buttons) == 9
    names = []
    for b in buttons:
        field = next(e for e, button in page.browse_buttons.items() if button is b)
        assert b.isVisible(), field.accessibleName()
        name = b.accessibleName()
        assert name not in ("", "Browse...") and field.accessibleName().lower() in name.lower(), name
        assert b.toolTip() == field.accessibleName()  # the tooltip stays: the field it fills
        names.append(name)
    assert len(set(names)) == len(names), names  # no two read the same
    assert "Browse for the study key file" in names and "Browse for the folder to unpack into" in names


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_sync_dialogs_choose_buttons_name_their_field(qtbot, make_window, vault_dir, size) -> None:  # type: ignore[no-untyped-def]
    w = open_app(qtbot, make_window, vault_dir, size)
    page = _open(qtbot, w)
    seen = {}
    for opener, attr, kind in (
        (page.store_button, "_store_dialog", StoreDialog),
        (page.study_key_button, "_study_key_dialog", StudyKeyDialog),
        (page.pack_button, "_pack_dialog", PackImportDialog),
    ):
        _click(qtbot, opener)
        qtbot.waitUntil(lambda a=attr: getattr(page, a, None) is not None, timeout=5_000)
        dialog = getattr(page, attr)
        qtbot.waitUntil(dialog.isVisible, timeout=5_000)
        assert isinstance(dialog, kind)
        shown = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
        choose = [b for b in shown if b.text().replace("&", "").startswith("Choose")]
        assert len(choose) == 1, [b.text() for b in choose]
        seen[kind.__name__] = (choose[0].accessibleName(), choose[0].toolTip())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=5_000)
    assert seen == {
        "StoreDialog": ("Choose the SSH key file", "SSH private key"),
        "StudyKeyDialog": ("Choose the study key file", "Study key file"),
        "PackImportDialog": ("Choose the study pack folder", "Study pack folder"),
    }
