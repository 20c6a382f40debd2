"""The first-run form's passphrase hint: zxcvbn's estimate, with its advice for a weak choice."""

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
