"""Whom a safeguarding concern is about on a joint interview (a young carer and their parent), and the form at
1366x768 and 1024x600: the participant box starts unchosen with the cursor on it, Save is refused beside it until
someone is chosen, whom the distress protocol said the distress concerns is chosen for the researcher, whom a
record is about can be corrected until it is complete, and the cursor and the result of Save show on screen.
Keys and clicks on visible buttons; what was saved is read back from the vault."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from fieldwork_app.paths import DataDir
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import safeguarding, sessions
from fieldwork_app.services import workspace as workspace_svc
from fieldwork_app.vault import FAST_KDF
from tests.gui.conftest import unlock
from tests.gui.test_closeout_vouchers import _choose, _click, _open
from tests.gui.test_fit_and_keys import press
from tests.gui.test_joint_support import _joint, _screen
from tests.gui.test_session import consented_session, run_db
from tests.support.vaults import PASSPHRASE, USER

SIZES = [(1366, 768), (1024, 600)]
SHOTS = Path("/tmp/safeguard5-shots")
YOUNG = "(Young adult carer)"
PARENT = "(Parent)"


def _shot(w: QWidget, name: str, size: tuple[int, int]) -> None:
    SHOTS.mkdir(exist_ok=True)
    w.grab().save(str(SHOTS / f"{size[0]}x{size[1]}-{name}.png"))


def _in_view(widget: QWidget, whole: bool = True) -> bool:
    """Whether the whole of ``widget`` (or, not ``whole``, its first 40 px: a text box's first line) shows in
    its scrolling page's visible area."""
    area = widget.parent()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parent()
    assert isinstance(area, QScrollArea)
    port = area.viewport()
    top_left = widget.mapTo(port, QPoint(0, 0))
    height = widget.height() if whole else min(40, widget.height())
    return widget.isVisible() and port.rect().contains(QRect(top_left.x(), top_left.y(), widget.width(), height))


def _rows(qtbot, w):  # type: ignore[no-untyped-def]
    return run_db(
        qtbot, w, lambda ws: [dict(r) for r in ws.idb.execute("SELECT id, participant_id FROM safeguarding")]
    )


def _open_form(qtbot, screen):  # type: ignore[no-untyped-def]
    _click(qtbot, screen.bar.safeguarding_button)
    form = screen.safeguarding
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is form, timeout=5_000)
    qtbot.wait(50)  # the form is laid out and scrolled on the next turn of the loop
    return form


def _tab_to(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    for _ in range(10):
        if QApplication.focusWidget() is widget:
            return
        press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is widget, QApplication.focusWidget()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_on_a_joint_session_the_concern_is_filed_under_the_participant_chosen(
    qtbot, tmp_path, make_window, size
) -> None:  # type: ignore[no-untyped-def]
    vault, young, parent, sid = _joint(tmp_path)
    w, screen = _screen(qtbot, make_window, vault, sid, size)
    form = _open_form(qtbot, screen)
    combo = form.participant
    # no one is chosen, and the cursor is on the box, in view
    assert combo.currentData() == "" and combo.currentText() == "(choose whom the concern is about)"
    assert QApplication.focusWidget() is combo and _in_view(combo)
    _shot(w, "01-joint-open", size)

    # typed straight after tabbing on, then Save: refused beside the box, nothing filed
    _tab_to(qtbot, form.fields["account"])
    qtbot.keyClicks(QApplication.focusWidget(), "Said his dad hits him when he has been drinking.")
    _click(qtbot, form.save_button)
    note = form.participant_note
    qtbot.waitUntil(lambda: note.isVisible() and _in_view(note), timeout=5_000)
    assert note.text().startswith("Choose whom the concern is about before saving")
    assert QApplication.focusWidget() is combo and _in_view(combo)
    assert _rows(qtbot, w) == [] and form.concern_id is None
    _shot(w, "02-joint-refused", size)
    _click(qtbot, form.complete_button)  # completing is refused the same way
    qtbot.wait(200)
    assert _rows(qtbot, w) == []

    _choose(qtbot, combo, f"{young} {YOUNG}")
    assert not note.isVisible()
    _click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: "saved in the identity store" in form.status.text(), timeout=10_000)
    qtbot.waitUntil(lambda: _in_view(form.status) and _in_view(form.save_button), timeout=5_000)
    rows = _rows(qtbot, w)
    assert [r["participant_id"] for r in rows] == [young]
    assert f"It is about {young} {YOUNG}." in form.status.text()
    assert form.fields["account"].toPlainText().startswith("Said his dad")
    _shot(w, "03-joint-saved", size)

    # chosen wrongly? corrected before the record is complete, the change kept in its history
    assert combo.isEnabled()
    _choose(qtbot, combo, f"{parent} {PARENT}")
    assert note.isVisible() and note.text().startswith(f"Saving changes whom record {rows[0]['id']} is about")
    _shot(w, "03b-joint-correcting", size)
    _click(qtbot, form.save_button)
    cid = rows[0]["id"]
    qtbot.waitUntil(lambda: _rows(qtbot, w)[0]["participant_id"] == parent, timeout=10_000)
    concern = run_db(qtbot, w, lambda ws: safeguarding.get(ws, cid))
    changes = [h["participant"] for h in concern.body["history"] if "participant" in h]
    assert changes == [{"from": young, "to": parent}]
    assert len(_rows(qtbot, w)) == 1  # the same record, not a second one
    qtbot.waitUntil(lambda: f"It is about {parent} {PARENT}." in form.status.text(), timeout=5_000)
    assert not note.isVisible()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_whom_the_distress_concerns_is_chosen_for_the_concern(qtbot, tmp_path, make_window, size) -> None:  # type: ignore[no-untyped-def]
    vault, young, parent, sid = _joint(tmp_path)
    w, screen = _screen(qtbot, make_window, vault, sid, size)
    screen.note_edit.setFocus()
    press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    panel = screen.distress
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is panel, timeout=5_000)
    qtbot.waitUntil(lambda: screen.p.event_id is not None, timeout=5_000)
    _click(qtbot, panel.whom[young])
    qtbot.waitUntil(lambda: screen._distress_whom == young, timeout=5_000)

    form = _open_form(qtbot, screen)
    combo = form.participant
    assert combo.currentData() == young
    assert "Whom it concerns" in form.participant_note.text() and _in_view(form.participant_note)
    assert QApplication.focusWidget() is combo and _in_view(combo)
    _shot(w, "04-joint-from-distress", size)
    _tab_to(qtbot, form.fields["account"])
    assert _in_view(form.fields["account"], whole=False)  # where the typing goes shows
    qtbot.keyClicks(QApplication.focusWidget(), "Says he is scared to go home.")
    _click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: "saved in the identity store" in form.status.text(), timeout=10_000)
    assert [r["participant_id"] for r in _rows(qtbot, w)] == [young]


def test_leaving_a_joint_form_before_choosing_keeps_what_was_typed(qtbot, tmp_path, make_window) -> None:  # type: ignore[no-untyped-def]
    size = (1024, 600)
    vault, young, parent, sid = _joint(tmp_path)
    w, screen = _screen(qtbot, make_window, vault, sid, size)
    form = _open_form(qtbot, screen)
    _tab_to(qtbot, form.fields["account"])
    qtbot.keyClicks(QApplication.focusWidget(), "Mentioned a bruise on her arm.")
    press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # to the distress protocol, no one chosen yet
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.distress, timeout=5_000)
    qtbot.waitUntil(lambda: form.concern_id is not None, timeout=5_000)
    assert [r["participant_id"] for r in _rows(qtbot, w)] == [None]  # kept, as not yet anyone's
    cid = form.concern_id
    assert run_db(qtbot, w, lambda ws: safeguarding.get(ws, cid)).missing()[0] == "participant"

    form = _open_form(qtbot, screen)
    qtbot.waitUntil(lambda: form.fields["account"].toPlainText() == "Mentioned a bruise on her arm.", timeout=5_000)
    assert form.participant.currentData() == "" and form.participant.isEnabled()
    _choose(qtbot, form.participant, f"{parent} {PARENT}")
    _click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: _rows(qtbot, w)[0]["participant_id"] == parent, timeout=10_000)
    assert len(_rows(qtbot, w)) == 1


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_one_participant_starts_in_what_was_said_in_view_and_save_says_so_beside_the_buttons(
    qtbot, tmp_path, make_window, size
) -> None:  # type: ignore[no-untyped-def]
    vault = DataDir(tmp_path / "vault")
    ws, _ = workspace_svc.create(vault, USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs_svc.import_pack(ws, example=True)
        sid = consented_session(ws)
        (pid,) = sessions.get(ws, sid).participant_ids
    finally:
        ws.close()
    w = make_window(vault, idle_ms=3_600_000)
    w.resize(*size)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    screen = _open(qtbot, w, sid)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == size, timeout=5_000)
    form = _open_form(qtbot, screen)
    assert form.participant.count() == 1 and form.participant.currentData()  # the one participant, as before
    account = form.fields["account"]
    assert QApplication.focusWidget() is account and _in_view(account)
    qtbot.keyClicks(account, "Said the baby is left alone at night.")
    _shot(w, "05-one-typed", size)
    _click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: "Still needed to complete" in form.status.text(), timeout=10_000)
    qtbot.waitUntil(lambda: _in_view(form.status) and _in_view(form.save_button), timeout=5_000)
    _shot(w, "06-one-saved", size)
    assert [r["participant_id"] for r in _rows(qtbot, w)] == [pid] == [form.participant.currentData()]
