"""The first-run form's passphrase hint (zxcvbn's estimate and advice); a damaged vault named at unlock."""

from __future__ import annotations

from fieldwork_app.paths import DataDir


def test_first_run_hint_names_a_weak_passphrase_and_its_fix(qtbot, tmp_path, make_window):  # type: ignore[no-untyped-def]
    w = make_window(DataDir(tmp_path / "fresh"))
    w.resize(1024, 600)
    ui = w.first_run.ui
    qtbot.keyClicks(ui.userEdit, "sam")
    qtbot.keyClicks(ui.pass1Edit, "password123")
    text = ui.strengthLabel.text()
    assert text.startswith("Weak: it could be guessed in") and "common password" in text
    assert ui.strengthLabel.isVisible()
    ui.pass1Edit.clear()
    qtbot.keyClicks(ui.pass1Edit, "kettle orchard violet lantern")
    assert ui.strengthLabel.text() == "Strong."


def test_unlocking_a_damaged_vault_names_the_damage_and_the_way_back(qtbot, vault_dir, make_window):  # type: ignore[no-untyped-def]
    from tests.gui.conftest import unlock

    data = bytearray(vault_dir.research_db.read_bytes())
    data[len(data) // 2] ^= 0x04  # one bit in the middle of the file: found by the page check at unlock
    vault_dir.research_db.write_bytes(bytes(data))
    before = vault_dir.research_db.read_bytes()
    w = make_window(vault_dir)
    unlock(qtbot, w)
    page = w.unlock_page
    qtbot.waitUntil(lambda: "damaged" in page.ui.messageLabel.text(), timeout=10_000)
    assert "fieldwork vault restore" in page.ui.messageLabel.text()
    assert w.root.currentWidget() is not w.work
    assert vault_dir.research_db.read_bytes() == before
