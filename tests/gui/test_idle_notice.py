"""The lock screen after an idle lock says so as a notice (the style sheet's "hint" role), not in the red
error style; a wrong passphrase typed there is still said as an error."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from tests.gui.conftest import unlock

ERROR_RED = "#9b1c1c"  # QLabel[role="error"] in resources/styles/fieldwork.qss


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_idle_lock_is_a_notice_and_a_wrong_passphrase_an_error(qtbot, vault_dir, make_window, size) -> None:  # type: ignore[no-untyped-def]
    w = make_window(vault_dir, idle_ms=1_500)
    w.resize(*size)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    qtbot.waitUntil(lambda: not w.unlocked, timeout=10_000)  # nothing pressed: locked
    ui = w.unlock_page.ui
    label = ui.messageLabel
    assert label.text() == "Locked after a period without activity." and label.isVisible()
    assert label.property("role") == "hint"
    colour = label.palette().color(QPalette.ColorRole.WindowText).name()
    assert colour != ERROR_RED, colour

    qtbot.mouseClick(ui.passphraseEdit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(ui.passphraseEdit, "not the passphrase")
    qtbot.keyClick(ui.passphraseEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "did not unlock" in label.text(), timeout=10_000)
    assert label.property("role") == "error"
    assert label.palette().color(QPalette.ColorRole.WindowText).name() == ERROR_RED
