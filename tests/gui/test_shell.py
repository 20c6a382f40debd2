"""First run, unlock (wrong passphrase then right), lock on demand and when idle."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldwork_app.paths import DataDir
from fieldwork_app.services import participants, workspace
from tests.gui.conftest import unlock
from tests.support.vaults import PASSPHRASE, USER


def test_first_run_creates_vault_shows_recovery_key_and_opens_example_study(qtbot, tmp_path, make_window):
    data_dir = DataDir(tmp_path / "fresh")
    w = make_window(data_dir)
    page = w.first_run
    assert page is not None and w.root.currentWidget() is page
    ui = page.ui
    qtbot.keyClicks(ui.userEdit, "sam")
    qtbot.keyClicks(ui.pass1Edit, "short")
    assert "Too short" in ui.strengthLabel.text()
    assert not ui.createButton.isEnabled()
    ui.pass1Edit.clear()
    qtbot.keyClicks(ui.pass1Edit, "kettle orchard violet lantern")
    qtbot.keyClicks(ui.pass2Edit, "kettle orchard violet lanter")
    assert "differ" in ui.messageLabel.text()
    assert not ui.createButton.isEnabled()
    qtbot.keyClicks(ui.pass2Edit, "n")
    assert ui.createButton.isEnabled()
    qtbot.mouseClick(ui.createButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ui.steps.currentWidget() is ui.recoveryStep, timeout=10_000)
    key = ui.recoveryKeyLabel.text()
    assert len(key) > 20
    assert not ui.continueButton.isEnabled()
    ui.storedCheck.click()
    assert ui.continueButton.isEnabled()
    qtbot.mouseClick(ui.continueButton, Qt.MouseButton.LeftButton)
    assert ui.recoveryKeyLabel.text() == ""
    assert w.root.currentWidget() is w.work
    home = w.page("home")
    qtbot.waitUntil(lambda: home.title.text() == "Mothers on the Margins", timeout=10_000)
    assert "336543" in home.details.text()
    w.shutdown()
    ws = workspace.unlock(data_dir, "sam", "kettle orchard violet lantern")
    try:
        assert ws.has_pack()
    finally:
        ws.close()


def test_wrong_passphrase_then_right(qtbot, vault_dir, make_window):
    w = make_window(vault_dir)
    page = w.unlock_page
    unlock(qtbot, w, passphrase="not the passphrase")
    qtbot.waitUntil(lambda: "try again in" in page.ui.messageLabel.text(), timeout=10_000)
    assert not page.ui.unlockButton.isEnabled()
    assert w.root.currentWidget() is page
    qtbot.waitUntil(page.ui.unlockButton.isEnabled, timeout=3_000)
    unlock(qtbot, w, passphrase="still wrong")
    qtbot.waitUntil(lambda: "2 second" in page.ui.messageLabel.text(), timeout=10_000)
    qtbot.waitUntil(page.ui.unlockButton.isEnabled, timeout=4_000)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    assert w.root.currentWidget() is w.work
    qtbot.waitUntil(lambda: w.page("home").title.text() == "Mothers on the Margins", timeout=10_000)


def test_lock_on_demand_and_switch_user(qtbot, vault_dir, ws, make_window):
    ws.vault.add_user("bob", "another long passphrase", "research_assistant")
    ws.close()
    w = make_window(vault_dir)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not w.unlocked
    assert w.root.currentWidget() is w.unlock_page
    assert not w.unlock_page.ui.recordingBanner.isVisible()
    qtbot.waitUntil(lambda: w.unlock_page.ui.userCombo.count() == 2)
    unlock(qtbot, w, passphrase="another long passphrase", user="bob")
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    assert "bob" in w.status_user.text()


def test_auto_lock_when_idle(qtbot, vault_dir, make_window):
    w = make_window(vault_dir, idle_ms=1_500)  # long enough that a busy machine sees the unlocked state
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    qtbot.waitUntil(lambda: not w.unlocked, timeout=10_000)
    assert w.root.currentWidget() is w.unlock_page
    assert "without activity" in w.unlock_page.ui.messageLabel.text()
    # Nothing can reach the database while locked.
    errors = []
    w.ctx.tasks.db(lambda ws: participants.list_all(ws), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert errors[0].kind.value == "vault-locked"
    assert USER and PASSPHRASE


def test_first_run_keeps_the_recovery_key_when_the_example_study_cannot_be_imported(
    tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from fieldwork_app.paths import DataDir
    from fieldwork_app.services import packs

    from fieldwork_app.gui.auth import presenter as auth

    monkeypatch.setattr(packs, "example_pack_path", lambda: tmp_path / "no-such-pack")
    dd = DataDir(tmp_path / "data")
    ws, recovery = auth.create_with_example(dd, "amara", "researcher", "a long enough passphrase")
    try:
        assert recovery and not ws.has_pack()  # the vault exists, the key is there to show
    finally:
        ws.close()
    assert auth.vault_exists(dd) and auth.users(dd) == ["amara"]
