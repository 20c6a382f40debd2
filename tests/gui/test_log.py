"""The desktop app writes its encrypted log: unlocking attaches it, locking and quitting detach it."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt

from fieldwork_app import log as fwlog
from fieldwork_app.vault import Vault
from tests.gui.conftest import unlock
from tests.support.vaults import PASSPHRASE, USER


def _log_key(vault_dir) -> bytes:  # type: ignore[no-untyped-def]
    vault = Vault.unlock(vault_dir, USER, PASSPHRASE)  # the vault alone: this must not attach the log
    try:
        return vault.subkey("log")
    finally:
        vault.close()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_unlock_work_lock_and_quit_leave_their_lines_in_the_encrypted_log(qtbot, vault_dir, make_window, size):
    w = make_window(vault_dir)
    w.resize(*size)
    log_file = vault_dir.logs / fwlog.LOG_NAME
    before = log_file.read_bytes() if log_file.exists() else b""
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    qtbot.waitUntil(lambda: fwlog.attached_dir() == vault_dir.logs, timeout=5_000)

    p = w.page("participants")
    w.show_page("participants")
    qtbot.waitUntil(lambda: p.group_combo.count() > 0, timeout=5_000)
    qtbot.mouseClick(p.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Added" in p.message.text(), timeout=5_000)

    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # lock
    assert not w.unlocked
    qtbot.waitUntil(lambda: fwlog.attached_dir() is None, timeout=5_000)  # detached on the database thread
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    qtbot.waitUntil(lambda: fwlog.attached_dir() == vault_dir.logs, timeout=5_000)
    w.shutdown()  # quitting: the workspace is closed and the log detached
    assert fwlog.attached_dir() is None

    raw = log_file.read_bytes()
    assert raw.startswith(before) and len(raw) > len(before)
    assert b"workspace" not in raw  # sealed, not plaintext
    report = fwlog.check_log(vault_dir.logs, _log_key(vault_dir))
    assert report.problems == []
    mine = [line for line in report.lines if "fieldwork_app.services.workspace" in line]
    assert [line.rsplit(": ", 1)[1] for line in mine][-4:] == [
        "the workspace was opened",
        "the workspace was closed",
        "the workspace was opened",
        "the workspace was closed",
    ]
