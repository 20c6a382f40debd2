"""Soak: ten minutes of take (fed twenty times faster than real time) while the researcher locks and
unlocks, pauses and resumes on the lock screen, opens and closes the distress protocol, pauses with F8
and goes to other pages and back, in a loop; then quits.  Nothing may crash, the take must be sealed and
complete, and every pause, resume, distress event and unlock must be in the audit log."""

from __future__ import annotations

import json
import time

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldwork_app import audio
from fieldwork_app.audio import RecorderState
from fieldwork_app.audio import recorder as recorder_module
from fieldwork_app.services import recording
from fieldwork_app.services import workspace as workspace_svc
from tests.gui.conftest import unlock
from tests.gui.test_fit_and_keys import (
    PAGES,
    answer_next_box,
    click,
    click_nav,
    open_app,
    open_from_home,
    press,
    start_recording,
)
from tests.gui.test_session import consented_session, run_db
from tests.support.feed import AcceleratedInput
from tests.support.vaults import PASSPHRASE, USER

# timed against the wall clock: runs alone, with no other test on the other pytest-xdist workers (its time-out
# also covers the wait for their current tests to end)
pytestmark = [pytest.mark.audio, pytest.mark.serial, pytest.mark.timeout(900)]

AUDIO_SECONDS = 600.0
WALL_LIMIT = 60.0


def test_ten_minutes_of_take_through_locks_distress_pauses_and_page_changes(  # type: ignore[no-untyped-def]
    qtbot, make_window, vault_dir, virtual_mic, monkeypatch
) -> None:
    import sounddevice

    monkeypatch.setattr(sounddevice, "InputStream", AcceleratedInput)
    # the device delivers faster than the wall clock on purpose: widen the recorder's runaway guard
    monkeypatch.setattr(recorder_module, "RUNAWAY_SLACK_SECONDS", 3600.0)
    began = time.monotonic()
    w = open_app(qtbot, make_window, vault_dir, (1024, 600))
    sid = run_db(qtbot, w, consented_session)
    screen = open_from_home(qtbot, w, sid)
    start_recording(qtbot, w, screen)
    rec = w.ctx.recorder

    def state(want: RecorderState) -> None:
        qtbot.waitUntil(lambda: rec.take is not None and rec.take.state is want, timeout=5_000)

    ui = w.unlock_page.ui
    cycles = 0
    while rec.position < AUDIO_SECONDS:
        assert time.monotonic() - began < WALL_LIMIT, (
            f"only {rec.position:.0f} s of audio after {cycles} cycles"
        )
        cycles += 1
        # lock; pause and resume on the lock screen (no passphrase); unlock: back in the session
        press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not w.unlocked, timeout=5_000)
        click(qtbot, ui.recPauseButton)
        state(RecorderState.PAUSED)
        qtbot.waitUntil(lambda: ui.recPauseButton.text() == "Resume", timeout=5_000)
        click(qtbot, ui.recPauseButton)
        state(RecorderState.RECORDING)
        unlock(qtbot, w)
        qtbot.waitUntil(lambda: w.unlocked and w.content.currentWidget() is screen, timeout=10_000)
        qtbot.waitUntil(lambda: screen.isAncestorOf(QApplication.focusWidget()), timeout=5_000)
        # the distress protocol opens (pausing the take) and the interview resumes
        press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.distress, timeout=5_000)
        state(RecorderState.PAUSED)
        qtbot.waitUntil(lambda: screen.p.event_id is not None, timeout=5_000)
        click(qtbot, screen.distress.resume_button)
        qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.interview, timeout=5_000)
        state(RecorderState.RECORDING)
        qtbot.waitUntil(lambda: screen.p.event_id is None, timeout=5_000)
        # F8 pause and resume
        press(Qt.Key.Key_F8)
        state(RecorderState.PAUSED)
        press(Qt.Key.Key_F8)
        state(RecorderState.RECORDING)
        # another page, and back through the strip
        click_nav(qtbot, w, PAGES[cycles % len(PAGES)])
        qtbot.waitUntil(w.strip.isVisible, timeout=5_000)
        click(qtbot, w.strip_button)
        qtbot.waitUntil(lambda: w.content.currentWidget() is screen, timeout=5_000)
        qtbot.wait(300)

    assert cycles >= 2
    answer_next_box(qtbot, "quitWhileRecording", "quitStop")
    press(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=20_000)
    assert time.monotonic() - began < WALL_LIMIT + 15

    ws = workspace_svc.unlock(vault_dir, USER, PASSPHRASE)
    try:
        rows = recording.list_recordings(ws, sid)
        assert [r["status"] for r in rows] == ["sealed"]
        rid = rows[0]["id"]
        info = audio.read_info(recording.take_path(ws, sid, rid), ws.vault.recording_key(rid))
        assert info.sealed and not info.interrupted and info.reason == "stopped"
        assert info.duration_seconds >= AUDIO_SECONDS
        assert abs(info.duration_seconds - rows[0]["duration"]) < 0.01
        pauses_per_cycle = 3  # on the lock screen, by the distress protocol, with F8
        assert len(info.pauses) == pauses_per_cycle * cycles
        assert all(p.resumed_at for p in info.pauses)

        def actions(name: str) -> list[dict[str, object]]:
            got = ws.db.execute("SELECT detail_json FROM audit WHERE action = ?", (name,)).fetchall()
            return [json.loads(r[0]) if r[0] else {} for r in got]

        assert len(actions("recording.pause")) == pauses_per_cycle * cycles
        assert len(actions("recording.resume")) == pauses_per_cycle * cycles
        assert sum(1 for p in actions("recording.pause") if p.get("while_locked")) == cycles
        assert len(actions("distress.open")) == cycles and len(actions("distress.close")) == cycles
        assert len(actions("vault.unlock")) >= cycles + 1
        stop = actions("recording.stop")
        assert len(stop) == 1 and stop[0]["error"] is None
        assert stop[0]["dropped_blocks"] == 0  # complete: not a block of the fed audio was lost
        assert recording.interrupted_count(ws) == 0
    finally:
        ws.close()
