"""Every path on the data manager's page has a Browse... button beside it: pressed, it opens Qt's own file
dialog in the folder the field already names (else the home folder); a path typed into the dialog's file
name and Enter fill the field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget

from tests.gui.modal import when_modal
from tests.gui.test_fit_and_keys import SIZES, click_nav, open_app, scroll_into_view


def _click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Scroll to the widget as a person would, and click it where it shows."""
    scroll_into_view(widget)
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _choose(target: Path, seen: dict[str, Any]) -> Any:
    """In the file dialog: note where it opened, type ``target`` as its file name and press Enter."""

    def act(d: Any) -> None:
        seen["folder"] = Path(d.directory().absolutePath())
        seen["native"] = not d.testOption(QFileDialog.Option.DontUseNativeDialog)
        edit = d.findChild(QLineEdit, "fileNameEdit")
        assert edit is not None and edit.isVisible()
        QTest.qWait(300)  # the dialog is up and has read its folder, as a person sees it before typing
        edit.setFocus()
        edit.selectAll()
        QTest.keyClicks(edit, str(target))
        for _ in range(50):  # Enter again if the dialog had not finished reading the folder
            QTest.keyClick(edit, Qt.Key.Key_Return)
            if not d.isVisible():
                return
            QTest.qWait(100)
        raise AssertionError(f"the dialog stayed open with {edit.text()!r} typed in")

    return act


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_each_path_is_filled_from_its_browse_button(qtbot, make_window, vault_dir, tmp_path, size) -> None:  # type: ignore[no-untyped-def]
    w = open_app(qtbot, make_window, vault_dir, size)
    click_nav(qtbot, w, "analysis")
    page = w.page("analysis")
    qtbot.waitUntil(lambda: (w.width(), w.height()) == size, timeout=5_000)
    keys = tmp_path / "keys"
    keys.mkdir()
    for name in ("study.key", "dm-signing.key", "known_hosts", "id_ed25519", "uni-ca.pem"):
        (keys / name).write_text("x\n")
    (tmp_path / "unpacked").mkdir()
    (tmp_path / "analysis").mkdir()
    (tmp_path / "models" / "small").mkdir(parents=True)
    fields = [
        (page.key_edit, keys / "study.key"),
        (page.signing_edit, keys / "dm-signing.key"),
        (page.known_hosts_edit, keys / "known_hosts"),
        (page.ssh_key_edit, keys / "id_ed25519"),
        (page.ca_edit, keys / "uni-ca.pem"),
        (page.store_out_edit, tmp_path / "unpacked"),
        (page.folder_edit, tmp_path / "analysis"),
        (page.model_edit, tmp_path / "models" / "small"),
        (page.out_edit, tmp_path / "analysis" / "project.qdpx"),  # a file still to write
    ]
    for edit, target in fields:
        button = page.browse_buttons[edit]
        assert button.text() == "Browse..." and button.parent() is edit.parent()  # beside its field
        seen: dict[str, Any] = {}
        errors: list[BaseException] = []
        when_modal("browseDialog", _choose(target, seen), errors)
        _click(qtbot, button)
        assert not errors, errors
        assert edit.text() == str(target), (edit.accessibleName(), edit.text())
        assert seen["native"] is False
        assert seen["folder"] == Path.home().resolve() or seen["folder"] == Path.home()
    # a field that names a file opens its dialog in that file's folder; one naming a folder, in it
    for edit, target in ((page.key_edit, keys / "known_hosts"), (page.store_out_edit, tmp_path / "analysis")):
        start = Path(edit.text()) if edit is page.store_out_edit else Path(edit.text()).parent
        seen = {}
        errors = []
        when_modal("browseDialog", _choose(target, seen), errors)
        _click(qtbot, page.browse_buttons[edit])
        assert not errors, errors
        assert seen["folder"] == start and edit.text() == str(target)
