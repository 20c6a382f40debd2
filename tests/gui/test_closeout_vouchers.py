"""The close-out's vouchers, used as a researcher would at 1366x768 and 1024x600: a young carer in the south is
due the study's e-voucher and its travel voucher (the second example study, Caring Lives); both are added to
the list, a mistyped one is replaced and another removed, and one save keeps both (the same service call as the
command line's repeated --voucher), the full serials in the identity store and only the masked ones shown."""

from __future__ import annotations

import json

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton, QWidget

from fieldwork_app.paths import DataDir
from fieldwork_app.services import closeout, participants, sessions
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import workspace as workspace_svc
from fieldwork_app.vault import FAST_KDF
from tests.gui.conftest import unlock
from tests.gui.test_fit_and_keys import scroll_into_view
from tests.gui.test_session import run_db
from tests.support.people import eligible_answers
from tests.support.vaults import PASSPHRASE, USER
from tests.unit.test_protocol_rules import SECOND, young_carer

from fieldwork_app.gui.session.page import build_screen


def _vault(tmp_path):  # type: ignore[no-untyped-def]
    vault = DataDir(tmp_path / "vault")
    ws, _ = workspace_svc.create(vault, USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs_svc.import_pack(ws, SECOND)
        pid = young_carer(ws, "18-24")
        participants.set_attributes(ws, pid, {"area": "south"})  # the travel voucher is for the south
        sid = sessions.new(ws, [pid], "interview", "youth_centre").id
    finally:
        ws.close()
    return vault, pid, sid


def _click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Scroll to the widget as a person would, and click it where it shows."""
    scroll_into_view(widget)
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _closeout(qtbot, make_window, vault, sid: str, size):  # type: ignore[no-untyped-def]
    """The app at ``size``, unlocked, on the session's screen, ended: its close-out showing."""
    w = make_window(vault, idle_ms=3_600_000)
    w.resize(*size)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    screen = _open(qtbot, w, sid)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == size, timeout=5_000)
    _click(qtbot, screen.bar.end_button)
    form = screen.closeout
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is form, timeout=5_000)
    return w, screen, form


def _open(qtbot, w, sid: str):  # type: ignore[no-untyped-def]
    """The session's screen, as the study home opens it."""
    screen = build_screen(w.ctx, sid)
    w.push_screen(screen)
    w.activateWindow()
    qtbot.waitUntil(lambda: screen.p.info is not None, timeout=10_000)
    return screen


def _tick(qtbot, box: QCheckBox) -> None:  # type: ignore[no-untyped-def]
    """Click a check box on its box (a wide check box's middle is empty)."""
    scroll_into_view(box)
    assert box.isVisible() and box.isEnabled()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _type_serial(qtbot, form, serial: str) -> None:  # type: ignore[no-untyped-def]
    _click(qtbot, form.serial)
    qtbot.keyClicks(form.serial, serial)


def _lines(form) -> list[str]:  # type: ignore[no-untyped-def]
    return [form.voucher_list.item(i).text() for i in range(form.voucher_list.count())]


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_two_vouchers_are_added_to_the_list_and_kept_by_one_save(qtbot, tmp_path, make_window, size) -> None:  # type: ignore[no-untyped-def]
    vault, pid, sid = _vault(tmp_path)
    w, screen, form = _closeout(qtbot, make_window, vault, sid, size)
    qtbot.keyClicks(form.wellbeing, "Fine, heading to college")
    assert form.voucher_given.isChecked() and form.voucher_type.count() == 2
    assert form.voucher_type.currentData() == "e-voucher" and form.voucher_value.value() == 20

    _click(qtbot, form.add_voucher_button)  # no serial yet: nothing is added, the serial field is asked for
    assert _lines(form) == [] and QApplication.focusWidget() is form.serial
    qtbot.keyClicks(form.serial, "EV-11112222")
    _click(qtbot, form.add_voucher_button)
    assert _lines(form) == ["e-voucher (High-street shopping voucher) · 20.00 · ****2222"]
    # the next of the study's vouchers is offered, with its own value, for its serial
    assert form.serial.text() == "" and QApplication.focusWidget() is form.serial
    assert form.voucher_type.currentData() == "travel" and form.voucher_value.value() == 5
    qtbot.keyClicks(form.serial, "BUS-99990000")  # a mistyped serial
    _click(qtbot, form.add_voucher_button)
    assert _lines(form)[1] == "travel (Bus fare refund) · 5.00 · ****0000"
    _type_serial(qtbot, form, "BUS-33334444")  # the travel voucher again: it replaces the one listed
    _click(qtbot, form.add_voucher_button)
    assert _lines(form) == [
        "e-voucher (High-street shopping voucher) · 20.00 · ****2222",
        "travel (Bus fare refund) · 5.00 · ****4444",
    ]
    # one added by mistake is taken off the list
    assert not form.remove_voucher_button.isEnabled()
    item = form.voucher_list.item(0)
    form.voucher_list.scrollToItem(item)
    qtbot.mouseClick(
        form.voucher_list.viewport(), Qt.MouseButton.LeftButton, pos=form.voucher_list.visualItemRect(item).center()
    )
    _click(qtbot, form.remove_voucher_button)
    assert _lines(form) == ["travel (Bus fare refund) · 5.00 · ****4444"]
    form.voucher_type.setFocus()
    qtbot.keyClick(form.voucher_type, Qt.Key.Key_Up)  # back to the e-voucher, with its value
    assert form.voucher_type.currentData() == "e-voucher" and form.voucher_value.value() == 20
    _type_serial(qtbot, form, "EV-11112222")  # typed in and not added: saved with the listed ones

    support_id, support = next(iter(form.support.items()))
    _tick(qtbot, support)
    qtbot.keyClicks(form.task_title, "Send the bus fare form")
    _click(qtbot, form.findChild(QPushButton, "addFollowUp"))
    _click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: "saved" in form.status.text(), timeout=10_000)
    assert form.masked.text() == "Stored as ****4444, ****2222"
    assert _lines(form) == [] and form.serial.text() == ""  # saved: nothing left to save
    body = run_db(qtbot, w, lambda ws: closeout.get(ws, sid).body)
    assert sorted(body["vouchers"]) == [f"{pid}/travel-south", f"{pid}/young-person"]
    assert {v["masked_serial"] for v in body["vouchers"].values()} == {"****2222", "****4444"}
    rows = run_db(qtbot, w, lambda ws: ws.idb.execute(
        "SELECT body_json FROM vouchers WHERE session_id = ?", (sid,)).fetchall())  # fmt: skip
    assert sorted(json.loads(r["body_json"])["serial"] for r in rows) == ["BUS-33334444", "EV-11112222"]

    # saved again with nothing new listed (a field note added): both stay
    qtbot.keyClicks(form.field_notes, "Quiet room at the centre")
    _click(qtbot, form.save_button)
    qtbot.waitUntil(
        lambda: run_db(qtbot, w, lambda ws: closeout.get(ws, sid).body)["field_notes"] == "Quiet room at the centre",
        timeout=10_000,
    )
    assert len(run_db(qtbot, w, lambda ws: closeout.get(ws, sid).body)["vouchers"]) == 2

    # the session opened again: the close-out shows what was saved, the stored vouchers by their masked
    # serials, and saving again (no serial typed in) keeps all of it
    again = _open(qtbot, w, sid)
    _click(qtbot, again.bar.end_button)
    form = again.closeout
    qtbot.waitUntil(lambda: again.stack.currentWidget() is form, timeout=5_000)
    assert form.masked.text() == "Stored as ****4444, ****2222" and _lines(form) == []
    assert form.wellbeing.toPlainText() == "Fine, heading to college"
    assert form.field_notes.toPlainText() == "Quiet room at the centre"
    qtbot.keyClicks(form.reflexive, "Noticed I rushed the ending")
    _click(qtbot, form.save_button)
    qtbot.waitUntil(
        lambda: run_db(qtbot, w, lambda ws: closeout.get(ws, sid).body)["reflexive_note"]
        == "Noticed I rushed the ending",
        timeout=10_000,
    )
    assert form.support[support_id].isChecked() and form.tasks.count() == 1
    task = body["follow_ups"][0]["task"]
    body = run_db(qtbot, w, lambda ws: closeout.get(ws, sid).body)
    assert len(body["vouchers"]) == 2
    assert (body["wellbeing"], body["field_notes"]) == ("Fine, heading to college", "Quiet room at the centre")
    assert body["signposting_given"] == [support_id]
    assert [(f["title"], f["task"]) for f in body["follow_ups"]] == [("Send the bus fare form", task)]


def _joint(tmp_path):  # type: ignore[no-untyped-def]
    """A joint interview at home: a young carer and their parent, each due the study's e-voucher."""
    vault = DataDir(tmp_path / "vault")
    ws, _ = workspace_svc.create(vault, USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs_svc.import_pack(ws, SECOND)
        young = young_carer(ws, "18-24")
        parent = participants.add(ws, "parent", young, {"language": "en-GB", "interpreter": "no", "area": "north"}).id
        assert participants.screen(ws, parent, eligible_answers(ws.pack(), "parent"))
        sid = sessions.new(ws, [young, parent], "joint_interview", "home").id
    finally:
        ws.close()
    return vault, young, parent, sid


def _choose(qtbot, combo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Step a drop-down list with the arrow keys to the entry showing ``text``."""
    _click(qtbot, combo)
    popup = combo.view()
    qtbot.waitUntil(popup.isVisible, timeout=5_000)
    target = combo.findText(text)
    assert target >= 0, text
    while popup.currentIndex().row() != target:
        key = Qt.Key.Key_Down if popup.currentIndex().row() < target else Qt.Key.Key_Up
        qtbot.keyClick(popup, key)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=5_000)
    assert combo.currentText() == text


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_joint_sessions_vouchers_each_say_which_participant_they_are_for(
    qtbot, tmp_path, make_window, size
) -> None:  # type: ignore[no-untyped-def]
    vault, young, parent, sid = _joint(tmp_path)
    w, screen, form = _closeout(qtbot, make_window, vault, sid, size)
    qtbot.keyClicks(form.wellbeing, "Both fine")
    # whom the voucher is for: the session's participants, the first chosen
    assert form.voucher_for.isVisible()
    assert [form.voucher_for.itemText(i) for i in range(form.voucher_for.count())] == [parent, young]
    _choose(qtbot, form.voucher_for, young)
    assert form.voucher_type.currentData() == "e-voucher" and form.voucher_value.value() == 20
    _type_serial(qtbot, form, "EV-11112222")
    _click(qtbot, form.add_voucher_button)
    assert _lines(form) == [f"{young}: e-voucher (High-street shopping voucher) · 20.00 · ****2222"]
    # the young carer's only voucher is listed: the parent, still due theirs, is offered next
    assert form.voucher_for.currentText() == parent and QApplication.focusWidget() is form.serial
    _choose(qtbot, form.voucher_for, young)  # a mistyped serial for the young carer: it replaces the listed one
    _type_serial(qtbot, form, "EV-55556666")
    _click(qtbot, form.add_voucher_button)
    assert _lines(form) == [f"{young}: e-voucher (High-street shopping voucher) · 20.00 · ****6666"]
    _choose(qtbot, form.voucher_for, parent)
    _type_serial(qtbot, form, "EV-33334444")
    _click(qtbot, form.add_voucher_button)
    assert _lines(form) == [
        f"{young}: e-voucher (High-street shopping voucher) · 20.00 · ****6666",
        f"{parent}: e-voucher (High-street shopping voucher) · 20.00 · ****4444",
    ]
    _click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: "saved" in form.status.text(), timeout=10_000)
    assert form.masked.text() == f"Stored as {parent}: ****4444, {young}: ****6666"
    body = run_db(qtbot, w, lambda ws: closeout.get(ws, sid).body)
    assert sorted(body["vouchers"]) == sorted([f"{young}/young-person", f"{parent}/parent"])
    assert {v["participant_id"]: v["masked_serial"] for v in body["vouchers"].values()} == {
        young: "****6666",
        parent: "****4444",
    }
    rows = run_db(qtbot, w, lambda ws: ws.idb.execute(
        "SELECT participant_id, body_json FROM vouchers WHERE session_id = ?", (sid,)).fetchall())  # fmt: skip
    assert {r["participant_id"]: json.loads(r["body_json"])["serial"] for r in rows} == {
        young: "EV-55556666",
        parent: "EV-33334444",
    }


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_single_participants_close_out_asks_no_one_to_choose(qtbot, tmp_path, make_window, size) -> None:  # type: ignore[no-untyped-def]
    vault, pid, sid = _vault(tmp_path)
    w = make_window(vault, idle_ms=3_600_000)
    w.resize(*size)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    screen = _open(qtbot, w, sid)
    _click(qtbot, screen.bar.end_button)
    form = screen.closeout
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is form, timeout=5_000)
    assert not form.voucher_for.isVisible()
