"""The recording service on the virtual microphone: the consent rule, takes, markers, recovery."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from fieldwork_app.errors import ConsentError, ErrorKind
from fieldwork_app.services import consent, recording, sessions
from fieldwork_app.services.workspace import Workspace
from tests.support.people import add_eligible
from tests.support.vaults import PASSPHRASE, USER

pytestmark = pytest.mark.audio


def _session(ws: Workspace, n: int = 1) -> tuple[str, list[str]]:
    if n == 1:
        pids = [add_eligible(ws, "mother").id]
        return sessions.new(ws, pids, "interview", "clinic").id, pids
    pids = [add_eligible(ws, "practitioner").id for _ in range(n)]
    return sessions.new(ws, pids, "focus-group", "clinic").id, pids


def _consent(ws: Workspace, s: str, p: str, recording_ok: bool = True) -> None:
    form = consent.form_for(ws, s, p)
    answers: dict[str, bool] = {st.id: True for st in form.statements}
    consent.record(ws, s, p, "paper", answers)
    assert recording_ok


def _record(take: recording.ActiveTake, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(0.05)


def test_interview_take_refused_until_every_member_consented(ws: Workspace, virtual_mic: Any) -> None:
    virtual_mic.use_sine()
    s, pids = _session(ws, 3)
    _consent(ws, s, pids[0])
    _consent(ws, s, pids[1])
    with pytest.raises(ConsentError) as err:
        recording.start_take(ws, s)
    assert err.value.kind is ErrorKind.CONSENT_MISSING and pids[2] in err.value.message
    assert recording.list_recordings(ws, s) == []
    assert not list((ws.data_dir.audio / s).glob("*.fwa"))
    _consent(ws, s, pids[2])
    take = recording.start_take(ws, s)
    _record(take, 1.0)
    summary = take.finish(ws)
    assert summary.error is None
    assert [r["status"] for r in recording.list_recordings(ws, s)] == ["sealed"]


def test_verbal_consent_recording_is_a_separate_kind(ws: Workspace, virtual_mic: Any) -> None:
    virtual_mic.use_sine()
    s, (p,) = _session(ws)
    take = recording.start_take(ws, s, kind="consent", participant_id=p)  # allowed before consent exists
    _record(take, 0.8)
    take.finish(ws)
    rows = recording.list_recordings(ws, s)
    assert [r["kind"] for r in rows] == ["consent"]
    with pytest.raises(ConsentError):
        recording.start_take(ws, s)  # the interview still needs consent


def test_takes_markers_pause_and_session_export(ws: Workspace, virtual_mic: Any, tmp_path: Path) -> None:
    import soundfile

    virtual_mic.use_sine()
    s, (p,) = _session(ws)
    _consent(ws, s, p)
    first = recording.start_take(ws, s)
    _record(first, 1.0)
    recording.add_marker(ws, s, "important", "first", first.position, first.recording_id)
    first.pause(ws)
    first.resume(ws)
    _record(first, 0.5)
    a = first.finish(ws)
    second = recording.start_take(ws, s)
    _record(second, 0.8)
    b = second.finish(ws)
    assert [r["take_no"] for r in recording.list_recordings(ws, s)] == [1, 2]
    marks = recording.markers(ws, s)
    assert marks[0]["kind"] == "important" and 0 < marks[0]["position"] <= a.duration_seconds
    info = recording.export(ws, s, tmp_path / "all.wav")
    data, rate = soundfile.read(tmp_path / "all.wav", dtype="int16")
    assert info.takes == 2 and len(data) == a.frames + b.frames
    with pytest.raises(Exception, match="take 3"):
        recording.export(ws, s, tmp_path / "x.flac", take=3)
    # saved in the clear: a new file, mode 0600, never over an existing one; or age-encrypted; audited
    import io
    import stat

    import pyrage

    from fieldwork_app.errors import InvalidInput

    assert stat.S_IMODE((tmp_path / "all.wav").stat().st_mode) == 0o600
    before = (tmp_path / "all.wav").read_bytes()
    with pytest.raises(InvalidInput, match="already exists"):
        recording.export(ws, s, tmp_path / "all.wav")
    assert (tmp_path / "all.wav").read_bytes() == before
    enc = recording.export(ws, s, tmp_path / "all.flac", passphrase="a long export passphrase")
    assert enc.path == tmp_path / "all.flac.age" and not (tmp_path / "all.flac").exists()
    assert stat.S_IMODE(enc.path.stat().st_mode) == 0o600
    flac = pyrage.passphrase.decrypt(enc.path.read_bytes(), "a long export passphrase")
    decoded, _ = soundfile.read(io.BytesIO(flac), dtype="int16")
    assert np.array_equal(decoded, data) and enc.sha256 == info.sha256
    details = [json.loads(r[0]) for r in ws.db.execute(
        "SELECT detail_json FROM audit WHERE action = 'recording.export' ORDER BY seq")]  # fmt: skip
    assert [d["encrypted"] for d in details] == [False, True]
    assert str(tmp_path) not in json.dumps(details)


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


def test_recover_after_kill_including_a_take_without_a_row(ws: Workspace, virtual_mic: Any) -> None:
    virtual_mic.use_sine()
    s, (p,) = _session(ws)
    _consent(ws, s, p)
    ws.close()
    root = str(ws.data_dir.root)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, root, USER, PASSPHRASE, s],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "started"
    time.sleep(3.0)
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    from fieldwork_app.services import workspace

    ws2 = workspace.unlock(ws.data_dir, USER, PASSPHRASE)
    try:
        assert recording.interrupted_count(ws2) == 1
        # Remove the row: recovery must still find the take by its file and bring it back.
        ws2.db.execute("DELETE FROM recordings")
        found = recording.recover_all(ws2)
        assert len(found) == 1 and not found[0].had_row and found[0].duration_seconds > 0.5
        rows = recording.list_recordings(ws2, s)
        assert rows[0]["status"] == "recovered"
        assert recording.interrupted_count(ws2) == 0
        assert recording.recover_all(ws2) == []
    finally:
        ws2.close()


def test_recovery_never_touches_the_take_being_recorded(ws: Workspace, virtual_mic: Any) -> None:
    from fieldwork_app import audio

    virtual_mic.use_sine()
    s, (p,) = _session(ws)
    _consent(ws, s, p)
    take = recording.start_take(ws, s)
    _record(take, 0.8)
    path = recording.take_path(ws, s, take.recording_id)
    assert audio.is_live(path)
    # What a second window, or "fieldwork recover" in a terminal, does while the take goes on:
    assert recording.interrupted_count(ws) == 0
    assert recording.recover_all(ws) == []
    with pytest.raises(Exception) as busy:
        audio.recover(path, ws.vault.recording_key(take.recording_id))
    assert getattr(busy.value, "kind", None) is ErrorKind.RECORDING_BUSY
    other = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        from pathlib import Path
        from fieldwork_app.audio import is_live
        print(is_live(Path({str(path)!r})))
    """)], capture_output=True, text=True, timeout=60)  # fmt: skip
    assert other.stdout.strip() == "True", other.stderr  # another process sees it as live too
    _record(take, 0.8)
    summary = take.finish(ws)
    assert summary.error is None and summary.sealed and not audio.is_live(path)
    info = audio.read_info(path, ws.vault.recording_key(take.recording_id))
    assert info.sealed and abs(info.duration_seconds - summary.duration_seconds) < 0.01


def test_a_take_whose_row_was_lost_gets_one_when_it_ends(ws: Workspace, virtual_mic: Any) -> None:
    virtual_mic.use_sine()
    s, (p,) = _session(ws)
    _consent(ws, s, p)
    take = recording.start_take(ws, s)
    _record(take, 0.6)
    with ws.vault.transaction() as db:  # as when writing the row at the start failed
        db.execute("DELETE FROM recordings WHERE id = ?", (take.recording_id,))
    summary = take.finish(ws)
    [row] = recording.list_recordings(ws, s)
    assert row["id"] == take.recording_id and row["status"] == "sealed"
    assert row["duration"] == pytest.approx(summary.duration_seconds) and row["take_no"] == 1


def test_stopping_a_take_is_never_taken_for_a_lost_device(ws: Workspace, virtual_mic: Any) -> None:
    virtual_mic.use_sine()
    s, (p,) = _session(ws)
    _consent(ws, s, p)
    for _ in range(6):  # the stream's own end races the writer's check on every stop
        take = recording.start_take(ws, s)
        _record(take, 0.3)
        summary = take.finish(ws)
        assert summary.error is None and summary.sealed, summary.error
    assert {r["error"] for r in recording.list_recordings(ws, s)} == {None}
