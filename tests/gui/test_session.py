"""The session screen driven as a researcher would: a whole interview on the virtual microphone, the
distress protocol (stage 1 resumed, stage 2 ending the session), and recovery after a killed process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from typing import Any

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QPushButton, QRadioButton

from fieldwork_app.audio import RecorderState
from fieldwork_app.services import closeout, consent, distress, interview, recording, sessions
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.services import tasks as tasks_svc
from tests.gui.conftest import unlock
from tests.support.people import add_eligible
from tests.support.vaults import PASSPHRASE, USER

from fieldwork_app.gui.session.page import build_screen

pytestmark = pytest.mark.audio


def run_db(qtbot, window, fn) -> Any:  # type: ignore[no-untyped-def]
    """Run a service call on the app's database thread and wait for its result (test set-up and checks)."""
    box: dict[str, Any] = {}
    window.ctx.tasks.db(fn, lambda r: box.setdefault("r", r), lambda e: box.setdefault("e", e))
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    if "e" in box:
        raise box["e"]
    return box["r"]


def consented_session(ws, fmt: str = "interview", location: str = "clinic", n: int = 1) -> str:  # type: ignore[no-untyped-def]
    group = "mother" if fmt == "interview" else "practitioner"
    pids = [add_eligible(ws, group).id for _ in range(n)]
    sid = sessions.new(ws, pids, fmt, location).id
    for pid in pids:
        consent.record(ws, sid, pid, "paper", {k: True for k in consent.template(ws, sid, pid)})
    return sid


def open_screen(qtbot, make_window, vault_dir, setup, clock=None):  # type: ignore[no-untyped-def]
    w = make_window(vault_dir, idle_ms=3_600_000)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    sid = run_db(qtbot, w, setup)
    screen = build_screen(w.ctx, sid, clock)
    w.push_screen(screen)
    w.activateWindow()
    qtbot.waitUntil(lambda: screen.p.info is not None, timeout=10_000)
    return w, screen, sid


def click(qtbot, screen, name: str) -> None:  # type: ignore[no-untyped-def]
    b = screen.findChild(QPushButton, name) or screen.findChild(object, name)
    assert b is not None, name
    assert b.isEnabled(), name
    if isinstance(b, QCheckBox | QRadioButton):  # on the box itself: a wide check box's middle is empty
        qtbot.mouseClick(b, Qt.MouseButton.LeftButton, pos=QPoint(8, b.height() // 2))
        return
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)


def start_recording(qtbot, w, screen) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, screen, "startRecording")
    qtbot.waitUntil(lambda: screen.bar.current == "recording", timeout=10_000)
    qtbot.waitUntil(lambda: w.ctx.recorder.position > 0.5, timeout=10_000)


def test_a_whole_interview_from_consent_to_close_out(qtbot, make_window, vault_dir, virtual_mic) -> None:  # type: ignore[no-untyped-def]
    virtual_mic.use_sine()
    w, screen, sid = open_screen(qtbot, make_window, vault_dir, consented_session)
    assert screen.title.text().endswith(sid)
    assert "A1" in screen.guide.rows and not screen.group_box.isVisible()

    start_recording(qtbot, w, screen)
    assert "RECORDING" in screen.bar.state_label.text()
    qtbot.waitUntil(lambda: screen.bar.elapsed.text() != "00:00", timeout=5_000)
    assert screen.bar.meter.readings > 0

    click(qtbot, screen, "sec-A-enter")
    screen.note_edit.setFocus()
    qtbot.keyClick(screen.note_edit, Qt.Key.Key_F9)  # marker, while the note field has focus
    qtbot.waitUntil(lambda: "Marker marked" in screen.bar.status.text(), timeout=5_000)
    qtbot.keyClick(screen.note_edit, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # a quote
    qtbot.waitUntil(lambda: "Quote marked" in screen.bar.status.text(), timeout=5_000)
    qtbot.keyClicks(screen.note_edit, "Baby lives with her")
    qtbot.keyClick(screen.note_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.notes.count() == 1, timeout=5_000)
    assert "Baby lives with her" in screen.notes.item(0).text()

    click(qtbot, screen, "q-A1-asked")
    click(qtbot, screen, "q-A2-covered")
    click(qtbot, screen, "q-B1-skip")
    click(qtbot, screen, "q-B1-skipsave")  # no reason yet: asks for one, records nothing
    assert "reason" in screen.guide.rows["B1"].state.text()
    qtbot.keyClicks(screen.guide.rows["B1"].reason, "she said it was too raw")
    click(qtbot, screen, "q-B1-skipsave")
    qtbot.waitUntil(lambda: "skipped" in screen.guide.rows["B1"].state.text(), timeout=5_000)
    assert "asked" in screen.guide.rows["A1"].state.text()
    assert "of 10 min" in screen.guide.sections["A"].time.text()

    # pause and resume with F8
    qtbot.keyClick(screen.note_edit, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: screen.bar.current == "paused", timeout=5_000)
    qtbot.keyClick(screen.note_edit, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: screen.bar.current == "recording", timeout=5_000)

    # end: the take stops, close-out opens
    click(qtbot, screen, "endSession")
    qtbot.waitUntil(lambda: screen.bar.current == "stopped" and w.ctx.recorder.take is None, timeout=10_000)
    assert screen.stack.currentWidget() is screen.closeout
    qtbot.keyClicks(screen.closeout.wellbeing, "Feels fine, plans to rest")
    screen.closeout.support["samaritans"].setChecked(True)
    assert screen.closeout.voucher_given.isChecked()
    qtbot.keyClicks(screen.closeout.serial, "EV-1234-5678-9012")
    qtbot.keyClicks(screen.closeout.task_title, "Send transcript summary")
    click(qtbot, screen, "addFollowUp")
    click(qtbot, screen, "completeSession")
    qtbot.waitUntil(lambda: "completed" in screen.closeout.status.text(), timeout=10_000)
    assert "****9012" in screen.closeout.masked.text()

    def check(ws):  # type: ignore[no-untyped-def]
        return (
            recording.markers(ws, sid),
            interview.notes(ws, sid),
            interview.coverage(ws, sid),
            sessions.get(ws, sid),
            closeout.get(ws, sid),
            sync_svc.outbox(ws),
            recording.list_recordings(ws, sid),
        )

    marks, notes, cov, session, co, outbox, takes = run_db(qtbot, w, check)
    kinds = [m["kind"] for m in marks]
    assert "marker" in kinds and "quote" in kinds and "section" in kinds
    assert all(m["position"] and m["position"] > 0 for m in marks if m["kind"] != "section")
    assert notes[0].position is not None and notes[0].position > 0
    assert cov.counts()["asked"] == 1 and cov.counts()["covered"] == 1 and cov.counts()["skipped"] == 1
    assert str(session.status) == "completed"
    assert co.voucher["masked_serial"] == "****9012" and co.body["signposting_given"] == ["samaritans"]
    assert [o["session_id"] for o in outbox] == [sid]
    assert len(takes) == 1 and takes[0]["status"] == "sealed" and takes[0]["duration"] > 1

    click(qtbot, screen, "closeOutHome")
    qtbot.waitUntil(lambda: w.content.currentWidget() is w.page("home"), timeout=5_000)


def test_distress_pauses_then_stage_1_resumes_and_stage_2_ends_the_session(
    qtbot, make_window, vault_dir, virtual_mic
) -> None:  # type: ignore[no-untyped-def]
    virtual_mic.use_sine()
    w, screen, sid = open_screen(qtbot, make_window, vault_dir, consented_session)
    start_recording(qtbot, w, screen)

    # The shortcut works from anywhere in the screen, here from the note field; it pauses the take.
    screen.note_edit.setFocus()
    qtbot.keyClick(screen.note_edit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.distress, timeout=5_000)
    qtbot.waitUntil(lambda: w.ctx.recorder.take.state is RecorderState.PAUSED, timeout=5_000)
    assert screen.distress.pause.isChecked()
    d = screen.distress
    qtbot.waitUntil(lambda: d.timeline.count() == 1, timeout=5_000)  # recording paused
    click(qtbot, d, "stage-1")
    qtbot.waitUntil(lambda: d.checks[("sign", "tearful")].isVisible(), timeout=5_000)
    d.checks[("sign", "tearful")].click()
    d.checks[("action", "check-in")].click()
    click(qtbot, d, "choice-continue")
    qtbot.waitUntil(lambda: d.timeline.count() == 5, timeout=5_000)
    click(qtbot, d, "distressResume")
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.interview, timeout=5_000)
    qtbot.waitUntil(lambda: w.ctx.recorder.take.state is RecorderState.RECORDING, timeout=5_000)

    # Stage 2, from the always-visible button this time: ends the session.
    time.sleep(0.3)
    click(qtbot, screen, "distressButton")
    qtbot.waitUntil(lambda: w.ctx.recorder.take.state is RecorderState.PAUSED, timeout=5_000)
    qtbot.waitUntil(lambda: d.timeline.count() == 1, timeout=5_000)
    assert not d.checks[("sign", "tearful")].isChecked()  # a new event starts empty
    click(qtbot, d, "stage-2")
    qtbot.waitUntil(lambda: d.checks[("sign", "cannot-continue")].isVisible(), timeout=5_000)
    d.checks[("sign", "cannot-continue")].click()
    d.checks[("action", "end-session")].click()
    click(qtbot, d, "choice-stop")
    click(qtbot, d, "signpost-samaritans")  # each tick is saved as it is ticked
    click(qtbot, d, "signpost-gp")
    click(qtbot, d, "care-contact-yes")
    d.follow_agreed.setChecked(True)
    click(qtbot, d, "followUpSave")
    qtbot.waitUntil(lambda: d.timeline.count() == 9, timeout=5_000)
    qtbot.keyClicks(d.reason, "too distressed to continue")
    click(qtbot, d, "distressEnd")
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.closeout, timeout=10_000)
    assert screen.closeout.early.isVisible() and "too distressed" in screen.closeout.early.text()
    assert screen.closeout.despite.isChecked()
    assert screen.closeout.support["samaritans"].isChecked() and screen.closeout.support["gp"].isChecked()
    qtbot.waitUntil(lambda: w.ctx.recorder.take is None, timeout=10_000)

    events = run_db(qtbot, w, lambda ws: distress.events(ws, sid))
    by_outcome = {e.outcome: e for e in events}  # both opened within a second: order by outcome
    first, second = by_outcome["resumed"], by_outcome["ended_early"]
    assert first.outcome == "resumed" and first.highest_stage == 1 and first.choice == "continue"
    assert first.signs == ("tearful",) and first.actions == ("check-in",)
    assert len(first.pauses) == 1 and len(first.resumes) == 1 and first.pauses[0][1] > 0
    assert second.outcome == "ended_early" and second.highest_stage == 2
    assert second.end_reason == "too distressed to continue"
    assert second.signposting == ("samaritans", "gp") and second.gp_contact_consent is True
    assert second.follow_up_agreed and second.follow_up_task and second.debrief_task
    assert all(s.get("position") is not None for s in second.steps if s["kind"] != "close")
    due = {t.kind for t in run_db(qtbot, w, tasks_svc.due)}
    assert {"follow_up_call", "researcher_debrief", "closeout"} <= due

    # Close-out after the early end: the voucher is given anyway.
    qtbot.keyClicks(screen.closeout.wellbeing, "Settled after twenty minutes; sister came round")
    qtbot.keyClicks(screen.closeout.serial, "EV-0000-1111")
    click(qtbot, screen, "completeSession")
    qtbot.waitUntil(lambda: "completed" in screen.closeout.status.text(), timeout=10_000)
    co = run_db(qtbot, w, lambda ws: closeout.get(ws, sid))
    assert co.voucher["given_despite_early_stop"] is True and co.body["ended_early"] is True
    due = {t.kind for t in run_db(qtbot, w, tasks_svc.due)}
    assert "closeout" not in due and "follow_up_call" in due


CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from fieldwork_app.paths import DataDir
    from fieldwork_app.services import workspace, recording
    ws = workspace.unlock(DataDir(Path(sys.argv[1])), sys.argv[2], sys.argv[3])
    take = recording.start_take(ws, sys.argv[4])
    print("started", flush=True)
    while True:
        time.sleep(0.1)
    """
)


def interrupted_take(vault_dir, virtual_mic) -> str:  # type: ignore[no-untyped-def]
    """A consented session whose recording process was killed with SIGKILL two seconds into a take."""
    from fieldwork_app.services import workspace

    virtual_mic.use_sine()
    ws = workspace.unlock(vault_dir, USER, PASSPHRASE)
    try:
        sid = consented_session(ws)
    finally:
        ws.close()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(vault_dir.root), USER, PASSPHRASE, sid],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "started"
        time.sleep(2.0)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    return sid


def test_recovery_after_the_app_was_killed_mid_interview(qtbot, make_window, vault_dir, virtual_mic) -> None:  # type: ignore[no-untyped-def]
    sid = interrupted_take(vault_dir, virtual_mic)

    w, screen, _ = open_screen(qtbot, make_window, vault_dir, lambda ws: sid)
    qtbot.waitUntil(screen.recovery.isVisible, timeout=5_000)
    assert "1 interrupted recording" in screen.recovery.text.text()
    click(qtbot, screen, "recoverNow")
    qtbot.waitUntil(lambda: "Recovered 1 take" in screen.message.text(), timeout=10_000)
    assert not screen.recovery.isVisible()
    qtbot.waitUntil(lambda: screen.takes.count() == 1 and "recovered" in screen.takes.item(0).text())
    rows = run_db(qtbot, w, lambda ws: recording.list_recordings(ws, sid))
    assert rows[0]["status"] == "recovered" and rows[0]["duration"] > 0.5
    # and a new take can start
    start_recording(qtbot, w, screen)
    click(qtbot, screen, "stopRecording")
    qtbot.waitUntil(lambda: screen.takes.count() == 2, timeout=10_000)


def test_unlock_offers_to_recover_an_interrupted_take(qtbot, make_window, vault_dir, virtual_mic) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QMessageBox

    sid = interrupted_take(vault_dir, virtual_mic)

    w = make_window(vault_dir, idle_ms=3_600_000)
    unlock(qtbot, w)

    def offer() -> QMessageBox | None:
        for top in QApplication.topLevelWidgets():
            if top.objectName() == "recoverInterrupted" and top.isVisible():
                return top  # type: ignore[return-value]
        return None

    qtbot.waitUntil(lambda: offer() is not None, timeout=10_000)
    box = offer()
    assert box is not None and "1 recording(s) were interrupted" in box.text()
    qtbot.waitUntil(lambda: "can be recovered" in w.page("home").notice.text(), timeout=5_000)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    for _ in range(50):
        if run_db(qtbot, w, recording.interrupted_count) == 0:
            break
        qtbot.wait(200)
    rows = run_db(qtbot, w, lambda ws: recording.list_recordings(ws, sid))
    assert rows[0]["status"] == "recovered" and rows[0]["duration"] > 0.5
    qtbot.waitUntil(
        lambda: any(
            t.objectName() == "recoveredInterrupted" and t.isVisible() and sid in t.text()
            for t in QApplication.topLevelWidgets()
        ),
        timeout=5_000,
    )
    home = w.page("home")  # the study home's "can be recovered" note goes with the recovery
    qtbot.waitUntil(lambda: "can be recovered" not in home.notice.text(), timeout=5_000)


def test_stop_pressed_while_the_database_thread_is_busy_ends_the_take_then(  # type: ignore[no-untyped-def]
    qtbot, make_window, vault_dir, virtual_mic
) -> None:
    from datetime import UTC, datetime

    virtual_mic.use_monitor()  # the null sink's monitor: a steady stream (the sine source comes in bursts)
    player = None
    try:
        import numpy as np
        import soundfile as sf

        wav = vault_dir.root.parent / "steady.wav"
        t = np.arange(48000 * 60) / 48000
        sf.write(wav, (0.1 * np.sin(2 * np.pi * 300 * t)).astype(np.float32), 48000, subtype="PCM_16")
        player = virtual_mic.play_into(wav)
        time.sleep(0.3)
        w, screen, sid = open_screen(qtbot, make_window, vault_dir, consented_session)
        start_recording(qtbot, w, screen)
        take = w.ctx.recorder.take
        busy = {"done": False}
        w.ctx.tasks.db(lambda ws: time.sleep(2.0), lambda _r: busy.update(done=True))  # a long job runs first
        asked = datetime.now(UTC)
        at_press = take.recorder._w * take.recorder._block
        click(qtbot, screen, "stopRecording")
        qtbot.waitUntil(lambda: w.ctx.recorder.take is None, timeout=15_000)
        assert busy["done"]
        summary = take.summary
        assert summary is not None and summary.frames <= at_press + take.recorder._block
        ended = run_db(qtbot, w, lambda ws: recording.get_recording(ws, take.recording_id)["ended_at"])
        assert abs((datetime.fromisoformat(ended) - asked).total_seconds()) <= 1.0  # stored to the second
    finally:
        if player is not None:
            virtual_mic.stop_players()
        virtual_mic.use_sine()
