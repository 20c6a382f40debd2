"""Safety flows that must never be stranded, driven as a researcher would on a 1366x768 laptop: the home
visit's check-out and home safe after the session is completed, the distress timeline as it happened
(in the protocol's words, each choice once, every pause and resume), support ticks kept as ticked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QListWidget,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)

from fieldwork_app.audio import RecorderState
from fieldwork_app.services import distress, lonework, sessions
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services.clock import FakeClock
from tests.gui.test_session import click, consented_session, open_screen, run_db, start_recording
from tests.support.people import add_eligible

from fieldwork_app.gui.session.page import build_screen

START = datetime(2030, 3, 4, 10, 0, tzinfo=UTC)
END = START + timedelta(minutes=90)
SIZE = (1366, 768)
SMALL = (1024, 600)


def visible_texts(root: QWidget) -> list[str]:
    """Every text a person can see on the page: labels, buttons, list and tree rows of visible widgets."""
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root.window()) or not w.isVisible():
            continue
        if isinstance(w, QLabel | QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QListWidget):
            out.extend(w.item(i).text() for i in range(w.count()))
        elif isinstance(w, QTreeWidget):
            it = QTreeWidgetItemIterator(w)
            while it.value():
                item = it.value()
                out.extend(item.text(c) for c in range(w.columnCount()))
                it += 1
    return [t for t in out if t]


def internal_ids(ws) -> set[str]:  # type: ignore[no-untyped-def]
    """The pack's codes that are not words (sign and action codes, support entries, document ids)."""
    pack = ws.pack()
    ids = {i.id for st in pack.distress_protocol.stages for i in (*st.signs, *st.actions)}
    ids |= {e.id for e in pack.signposting.entries}
    ids |= {d.id for d in pack.documents}
    return {i for i in ids if "-" in i}


def _home_visit(ws, consented: bool = False) -> str:  # type: ignore[no-untyped-def]
    pid = add_eligible(ws, "mother").id
    sid = sessions.new(ws, [pid], "interview", "home").id
    plan = {"buddy_name": "Sam", "buddy_phone": "07700 900123", "start": START.isoformat(),
            "expected_end": END.isoformat(), "travel_home_minutes": 40, "code_word_agreed": True,
            "risk_assessment_done": True}  # fmt: skip
    sessions.update_plan(ws, sid, {"lone_working": plan})
    return sid


def _message_box(name: str) -> QMessageBox | None:
    for top in QApplication.topLevelWidgets():
        if top.objectName() == name and top.isVisible():
            return top  # type: ignore[return-value]
    return None


@pytest.mark.parametrize("size", [SIZE, SMALL])
def test_check_out_and_home_safe_stay_reachable_after_the_session_is_completed(
    qtbot, make_window, vault_dir, size
) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(START + timedelta(minutes=2))
    w, screen, sid = open_screen(qtbot, make_window, vault_dir, _home_visit, clock)
    w.resize(*size)
    w.ctx.clock = clock  # the study home reads the same clock as the session screen
    lw = screen.lonework
    qtbot.waitUntil(lambda: "Check in with your buddy now" in lw.phase.text(), timeout=5_000)
    click(qtbot, lw, "lonework-check_in")
    qtbot.waitUntil(lambda: "Checked in at" in lw.phase.text(), timeout=5_000)
    clock.advance(minutes=85)

    click(qtbot, screen, "endSession")
    assert screen.stack.currentWidget() is screen.closeout
    visit = screen.visit
    qtbot.waitUntil(lambda: visit.isVisible() and visit.buttons["check_out"].isEnabled(), timeout=5_000)
    qtbot.keyClicks(screen.closeout.wellbeing, "Calm, plans to see her sister")
    qtbot.keyClicks(screen.closeout.serial, "EV-2222-3333")

    # Completing with the visit open asks first; "Not yet" completes nothing.
    click(qtbot, screen, "completeSession")
    qtbot.waitUntil(lambda: _message_box("completeWithVisitOpen") is not None, timeout=5_000)
    box = _message_box("completeWithVisitOpen")
    assert box is not None and "not checked out" in box.text()
    qtbot.mouseClick(box.findChild(QAbstractButton, "completeNotYet"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _message_box("completeWithVisitOpen") is None, timeout=5_000)
    qtbot.wait(200)
    assert str(run_db(qtbot, w, lambda ws: sessions.get(ws, sid)).status) != "completed"

    click(qtbot, screen, "completeSession")
    qtbot.waitUntil(lambda: _message_box("completeWithVisitOpen") is not None, timeout=5_000)
    box = _message_box("completeWithVisitOpen")
    assert box is not None
    qtbot.mouseClick(box.findChild(QAbstractButton, "completeAnyway"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "completed" in screen.closeout.status.text(), timeout=10_000)
    assert str(run_db(qtbot, w, lambda ws: sessions.get(ws, sid)).status) == "completed"

    # On the completed session: the check-out is still there and works.
    assert visit.isVisible()
    click(qtbot, visit, "lonework-check_out")
    qtbot.waitUntil(lambda: "Confirm you are home safe" in visit.phase.text(), timeout=5_000)
    assert visit.buttons["home_safe"].isEnabled()

    # Back on the study home, the visit waits for home safe.
    click(qtbot, screen, "closeOutHome")
    home = w.page("home")
    qtbot.waitUntil(lambda: w.content.currentWidget() is home, timeout=5_000)
    qtbot.waitUntil(lambda: home.visits_box.isVisible(), timeout=5_000)
    assert not home.visit_buttons[(sid, "check_out")].isEnabled()
    clock.advance(minutes=30)
    click(qtbot, home, f"home-home_safe-{sid}")
    qtbot.waitUntil(lambda: not home.visits_box.isVisible(), timeout=5_000)
    events = run_db(qtbot, w, lambda ws: lonework.events(ws, sid))
    assert [e.kind for e in events] == ["check_in", "check_out", "home_safe"]


@pytest.mark.parametrize("size", [SIZE, SMALL])
def test_the_study_home_offers_check_out_for_a_visit_whose_session_was_completed_elsewhere(
    qtbot, make_window, vault_dir, size
) -> None:  # type: ignore[no-untyped-def]
    from fieldwork_app.services import closeout
    from tests.gui.conftest import unlock

    now = datetime.now(UTC)

    def completed_visit(ws):  # type: ignore[no-untyped-def]
        sid = sessions.new(ws, [add_eligible(ws, "mother").id], "interview", "home").id
        plan = {"buddy_name": "Sam", "buddy_phone": "07700 900123", "start": (now - timedelta(hours=2)).isoformat(),
                "expected_end": (now + timedelta(minutes=20)).isoformat(), "travel_home_minutes": 40,
                "code_word_agreed": True, "risk_assessment_done": True}  # fmt: skip
        sessions.update_plan(ws, sid, {"lone_working": plan})
        lonework.record(ws, sid, "check_in")
        closeout.save(ws, sid, wellbeing="fine")
        closeout.complete(ws, sid)  # at the command line: no question asked there
        return sid

    w = make_window(vault_dir, idle_ms=3_600_000)
    w.resize(*size)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    sid = run_db(qtbot, w, completed_visit)
    w.show_page("home")
    home = w.page("home")
    home.refresh()
    qtbot.waitUntil(lambda: (sid, "check_out") in home.visit_buttons, timeout=5_000)
    assert home.visits_box.isVisible()
    if w.width() <= size[0]:  # the study home itself fits: the visit's buttons are inside the window
        for b in home.visit_buttons.values():
            right = b.mapTo(w, b.rect().topRight()).x()
            assert right <= w.width(), (b.text(), right, w.width())
    assert not home.visit_buttons[(sid, "home_safe")].isEnabled()  # only after the check-out
    # By keyboard: Tab reaches the button, Space presses it.
    button = home.visit_buttons[(sid, "check_out")]
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: home.visit_buttons.get((sid, "home_safe")) is not None
                    and home.visit_buttons[(sid, "home_safe")].isEnabled(), timeout=5_000)  # fmt: skip
    # the refreshed row is shown by the layout on the next turn of the event loop, not with its buttons
    qtbot.waitUntil(lambda: any("Checked out at" in t for t in visible_texts(home.visits_box))
                    and home.visit_buttons[(sid, "home_safe")].isVisible(), timeout=5_000)  # fmt: skip
    qtbot.mouseClick(home.visit_buttons[(sid, "home_safe")], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not home.visits_box.isVisible(), timeout=5_000)
    kinds = [e.kind for e in run_db(qtbot, w, lambda ws: lonework.events(ws, sid))]
    assert kinds == ["check_in", "check_out", "home_safe"]


def _example(ws):  # type: ignore[no-untyped-def]
    packs_svc.import_pack(ws, example=True)
    return consented_session(ws)


def test_choices_are_logged_once_and_the_timeline_speaks_the_protocols_words(
    qtbot, make_window, vault_dir
) -> None:  # type: ignore[no-untyped-def]
    w, screen, sid = open_screen(qtbot, make_window, vault_dir, _example)
    w.resize(*SIZE)
    screen.note_edit.setFocus()
    QTest.keyClick(screen.note_edit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    d = screen.distress
    qtbot.waitUntil(
        lambda: screen.stack.currentWidget() is d and screen.p.event_id is not None, timeout=5_000
    )
    click(qtbot, d, "stage-1")
    click(qtbot, d, "stage-1")  # the same stage twice
    qtbot.waitUntil(lambda: d.timeline.count() == 1, timeout=5_000)
    click(qtbot, d, "sign-tearful")
    click(qtbot, d, "action-check-in")
    click(qtbot, d, "choice-pause")
    qtbot.waitUntil(lambda: d.timeline.count() == 4, timeout=5_000)
    click(qtbot, d, "choice-pause")  # clicked again: nothing new
    qtbot.mouseDClick(d.choices["pause"], Qt.MouseButton.LeftButton)  # and a double click
    click(qtbot, d, "signpost-samaritans")
    qtbot.waitUntil(lambda: d.timeline.count() == 5, timeout=5_000)
    qtbot.wait(300)
    assert d.timeline.count() == 5
    event = run_db(qtbot, w, lambda ws: distress.get(ws, screen.p.event_id))
    assert [s["kind"] for s in event.steps].count("choice") == 1

    texts = [d.timeline.item(i).text() for i in range(d.timeline.count())]
    assert "Stage 1: Mild" in texts[0]
    assert "Sign seen: Tearful but composed" in texts[1]
    assert "Done: Check in: what are you feeling now" in texts[2]
    assert "The participant's choice: pause for now" in texts[3]
    assert "Support given: Samaritans" in texts[4]
    ids = run_db(qtbot, w, internal_ids)
    shown = visible_texts(d)
    leaked = sorted({i for i in ids for t in shown if i in t})
    assert not leaked, leaked


def test_support_ticks_are_saved_as_they_are_ticked_and_come_back(qtbot, make_window, vault_dir) -> None:  # type: ignore[no-untyped-def]
    w, screen, sid = open_screen(qtbot, make_window, vault_dir, _example)
    w.resize(*SIZE)
    click(qtbot, screen, "distressButton")
    d = screen.distress
    qtbot.waitUntil(lambda: screen.p.event_id is not None, timeout=5_000)
    assert d.findChild(QAbstractButton, "signpostingGiven") is None  # no separate button to forget
    click(qtbot, d, "signpost-samaritans")
    click(qtbot, d, "signpost-gp")
    click(qtbot, d, "signpost-samaritans")  # taken back
    eid = screen.p.event_id
    qtbot.waitUntil(
        lambda: run_db(qtbot, w, lambda ws: distress.get(ws, eid).signposting) == ("gp",), timeout=5_000
    )
    # Leave the session screen and come back to it: the ticks are as they were left.
    w.pop_screen(screen, "home")
    again = build_screen(w.ctx, sid)
    w.push_screen(again)
    qtbot.waitUntil(lambda: again.stack.currentWidget() is again.distress, timeout=5_000)
    qtbot.waitUntil(lambda: again.distress.support_checks["gp"].isChecked(), timeout=5_000)
    assert not again.distress.support_checks["samaritans"].isChecked()
    assert again.distress.timeline.count() == 3


@pytest.mark.audio
def test_f8_inside_the_protocol_pauses_and_resumes_and_both_are_in_the_timeline(
    qtbot, make_window, vault_dir, virtual_mic
) -> None:  # type: ignore[no-untyped-def]
    virtual_mic.use_sine()
    w, screen, sid = open_screen(qtbot, make_window, vault_dir, consented_session)
    w.resize(*SIZE)
    start_recording(qtbot, w, screen)
    QTest.keyClick(screen.note_edit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    d = screen.distress
    qtbot.waitUntil(lambda: w.ctx.recorder.take.state is RecorderState.PAUSED, timeout=5_000)
    qtbot.waitUntil(lambda: d.timeline.count() == 1, timeout=5_000)  # recording paused
    QTest.keyClick(d.timeline, Qt.Key.Key_F8)  # resume, from inside the protocol
    qtbot.waitUntil(lambda: w.ctx.recorder.take.state is RecorderState.RECORDING, timeout=5_000)
    qtbot.waitUntil(lambda: d.timeline.count() == 2, timeout=5_000)
    assert not d.pause.isChecked()
    qtbot.waitUntil(lambda: screen.bar.meter.active, timeout=5_000)  # capturing again: the meter is live
    QTest.keyClick(d.timeline, Qt.Key.Key_F8)  # and pause again
    qtbot.waitUntil(lambda: w.ctx.recorder.take.state is RecorderState.PAUSED, timeout=5_000)
    qtbot.waitUntil(lambda: d.timeline.count() == 3, timeout=5_000)
    assert d.pause.isChecked()
    qtbot.waitUntil(lambda: not screen.bar.meter.active, timeout=5_000)  # paused: greyed, empty
    readings = screen.bar.meter.readings
    qtbot.wait(400)
    assert screen.bar.meter.readings == readings and screen.bar.meter.rms == -60.0
    texts = [d.timeline.item(i).text() for i in range(3)]
    assert texts[1].endswith("Recording resumed") and texts[2].endswith("Recording paused")
    click(qtbot, d, "signpost-samaritans")
    click(qtbot, d, "distressResume")
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.interview, timeout=5_000)
    assert screen.closeout.support["samaritans"].isChecked()  # given during the protocol: ticked at close-out
    [event] = run_db(qtbot, w, lambda ws: distress.events(ws, sid))
    assert len(event.pauses) == 2 and len(event.resumes) == 2  # the last resume came with "Resume"
    click(qtbot, screen, "stopRecording")
    qtbot.waitUntil(lambda: w.ctx.recorder.take is None, timeout=10_000)


@pytest.mark.audio
def test_the_session_screens_recovery_banner_goes_when_takes_are_recovered_from_the_unlock_offer(
    qtbot, make_window, vault_dir, virtual_mic
) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.test_session import interrupted_take

    sid = interrupted_take(vault_dir, virtual_mic)
    w, screen, _ = open_screen(qtbot, make_window, vault_dir, lambda ws: sid)
    w.resize(*SIZE)
    qtbot.waitUntil(screen.recovery.isVisible, timeout=5_000)
    qtbot.waitUntil(lambda: _message_box("recoverInterrupted") is not None, timeout=10_000)
    box = _message_box("recoverInterrupted")
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.recovery.isVisible(), timeout=10_000)  # not left saying "recover"
