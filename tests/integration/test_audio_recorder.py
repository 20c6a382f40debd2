"""The recorder against real PortAudio on the PulseAudio virtual microphone."""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pytest
import soundfile as sf

from fieldwork_app.audio import (
    Recorder,
    RecorderEvent,
    RecorderState,
    export,
    find_interrupted,
    mic_check,
    read_info,
    recover,
)
from fieldwork_app.audio.container import RecordType, iter_records, read_header
from fieldwork_app.cli.messages import cli_text
from fieldwork_app.errors import AudioError, ErrorCode, ErrorKind, FieldworkError
from tests.support.plaintext import readable_audio
from tests.support.pulse import VirtualMic, ncc_peak

pytestmark = pytest.mark.audio
KEY = os.urandom(32)
REPO = Path(__file__).resolve().parents[2]


def record(path: Path, seconds: float, mic: VirtualMic, **kw: object) -> Recorder:
    rec = Recorder(path, KEY, recording_id="R-0001", device=mic.device, **kw)  # type: ignore[arg-type]
    rec.start()
    time.sleep(seconds)
    return rec


def wait_for(cond: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline, "timed out waiting for audio to flow"
        time.sleep(0.02)


def dominant_hz(pcm: np.ndarray, rate: int) -> float:
    x = pcm[:, 0].astype(np.float64)
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.fft.rfftfreq(len(x), 1 / rate)[np.argmax(spectrum)])


def test_sine_records_exports_at_440_hz(virtual_mic: VirtualMic, tmp_path: Path) -> None:
    virtual_mic.use_sine()
    began = time.monotonic()
    rec = record(tmp_path / "t1.fwa", 3.2, virtual_mic)
    summary = rec.stop()
    elapsed = time.monotonic() - began
    assert summary.error is None and rec.state is RecorderState.STOPPED
    # the sine source delivers in 2 s bursts: a take holds the bursts that began while it ran
    assert 1.0 <= summary.duration_seconds <= elapsed + 2.1
    out = tmp_path / "t1.flac"
    info = export([(summary.path, KEY)], out)
    data, rate = sf.read(out, dtype="int16", always_2d=True)
    assert rate == 48000 and len(data) == summary.frames == info.frames
    assert info.sha256 == summary.pcm_sha256
    assert dominant_hz(data, rate) == pytest.approx(440, abs=2)
    assert rec.stop() is summary  # idempotent
    # format version 3: whole FLAC frames per record, never more than half a second plus one block
    assert read_header(summary.path).version == 3
    audio = [r for r in iter_records(summary.path, KEY) if r.type is RecordType.AUDIO]
    assert audio and all(0 < r.frames <= 24000 + 960 for r in audio)
    assert all(r.payload[:2] == b"\xff\xf8" for r in audio)


def test_speech_through_the_monitor_is_correlated(
    virtual_mic: VirtualMic, tmp_path: Path, speech_wav: Path
) -> None:
    virtual_mic.use_monitor()
    try:
        source, rate = sf.read(speech_wav, dtype="float64")
        rec = Recorder(tmp_path / "s.fwa", KEY, recording_id="R-0002", device=virtual_mic.device)
        rec.start()
        time.sleep(0.3)
        player = virtual_mic.play_into(speech_wav)
        player.wait(30)
        time.sleep(0.5)
        summary = rec.stop()
    finally:
        virtual_mic.use_sine()
    out = tmp_path / "s.wav"
    export([(summary.path, KEY)], out)
    got, _ = sf.read(out, dtype="float64")
    assert len(got) > len(source)
    source = source[12000:-12000]  # the speech itself, inside the padding
    peak, lag = ncc_peak(got, source)
    assert peak > 0.9, (peak, lag)
    assert ncc_peak(got, source[::-1].copy())[0] < 0.5  # the measure is not trivially high
    # size on speech: FLAC in encrypted records stays well under raw PCM
    assert summary.path.stat().st_size <= 0.6 * summary.frames * 2


@pytest.fixture
def monitor_feed(virtual_mic: VirtualMic, tmp_path: Path) -> Iterator[VirtualMic]:
    """Record the null sink's monitor while a quiet tone plays into it (an idle monitor is silent-stopped)."""
    t = np.arange(48000 * 120) / 48000
    wav = tmp_path / "feed.wav"
    sf.write(wav, (0.1 * np.sin(2 * np.pi * 300 * t)).astype(np.float32), 48000, subtype="PCM_16")
    virtual_mic.use_monitor()
    virtual_mic.play_into(wav)
    time.sleep(0.3)
    try:
        yield virtual_mic
    finally:
        virtual_mic.stop_players()
        virtual_mic.use_sine()


CHILD = r"""
import os, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from fieldwork_app.audio import Recorder
key = bytes.fromhex(sys.stdin.readline().strip())
rec = Recorder(Path(sys.argv[1]), key, recording_id="R-KILL", device=sys.argv[2])
rec.start()
print("started", flush=True)
while True:
    time.sleep(0.05)
    print(f"{rec.position_seconds:.3f}", flush=True)
"""


def test_kill_minus_nine_loses_at_most_one_second(monitor_feed: VirtualMic, tmp_path: Path) -> None:
    virtual_mic = monitor_feed
    rnd = random.Random(1234)
    try:
        for i in range(4):
            take = tmp_path / f"kill{i}.fwa"
            child = subprocess.Popen(
                [sys.executable, "-c", CHILD, str(take), virtual_mic.device, str(REPO)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert child.stdin and child.stdout
            child.stdin.write(KEY.hex() + "\n")
            child.stdin.flush()
            assert child.stdout.readline().strip() == "started"
            reported: list[float] = []
            reader = threading.Thread(
                target=lambda out=child.stdout, got=reported: got.extend(float(ln) for ln in out),
                daemon=True,
            )
            reader.start()
            wait_for(lambda got=reported: bool(got) and got[-1] > 0)  # type: ignore[misc]
            time.sleep(rnd.uniform(0.3, 3.0))
            child.send_signal(signal.SIGKILL)
            child.wait(10)
            reader.join(5)
            last = reported[-1] if reported else 0.0
            assert last > 0
            assert take in find_interrupted(tmp_path)
            report = recover(take, KEY)
            assert report.duration_seconds >= last - 1.0, (i, report, last)
            assert read_info(take, KEY).recovered
    finally:
        virtual_mic.use_sine()


def test_no_plaintext_left_on_disk(
    virtual_mic: VirtualMic, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    virtual_mic.use_sine()
    workdir = tmp_path / "audio"
    workdir.mkdir()
    scratch = tmp_path / "tmp"  # this process's temporary files land here, not in the shared /tmp
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    rec = record(workdir / "p.fwa", 2.5, virtual_mic)
    summary = rec.stop()
    out = tmp_path / "check.wav"
    export([(summary.path, KEY)], out)
    pcm = sf.read(out, dtype="int16")[0].tobytes()
    out.unlink()
    probes = [pcm[i : i + 48] for i in range(0, len(pcm) - 48, len(pcm) // 40)]
    probes = [p for p in probes if len(set(p)) > 8]
    assert probes
    roots = [workdir, scratch, Path(os.environ["FIELDWORK_DATA_DIR"]).parent]
    files = [
        Path(d, f) for root in roots for d, _, names in os.walk(root, onerror=lambda _e: None) for f in names
    ]
    for p in files:
        try:
            if not p.is_file() or p.stat().st_size > 50_000_000 or p.stat().st_mtime < time.time() - 60:
                continue
            data = p.read_bytes()
        except OSError:
            continue
        if p.suffix in (".wav", ".flac") and p.parent != workdir:
            continue  # other tests' own generated fixtures (speech source files)
        found = readable_audio(data)
        if p.parent != workdir:  # elsewhere, other programs' WAV files (RIFF) may be about
            found = [kind for kind in found if kind != "WAV file"]
        assert found == [], p
        assert not any(probe in data for probe in probes), p


def test_pause_resume_levels_and_markers(monitor_feed: VirtualMic, tmp_path: Path) -> None:
    virtual_mic = monitor_feed  # a continuous source, so the level rate is steady
    try:
        events: list[RecorderEvent] = []
        rec = Recorder(
            tmp_path / "pr.fwa", KEY, recording_id="R-3", device=virtual_mic.device, on_event=events.append
        )
        rec.start()
        wait_for(lambda: rec.position_seconds > 0.2)
        start_pos = rec.position_seconds
        # Levels keep coming while audio flows, in order.  The queue keeps only the newest reading, so
        # a busy machine may skip some: count them against the audio that passed, not the wall clock.
        seen = []
        deadline = time.monotonic() + 15
        while rec.position_seconds - start_pos < 2.0:
            assert time.monotonic() < deadline, "levels stopped coming"
            seen.append(rec.levels.get(timeout=5.0))
        assert len(seen) >= 10
        positions = [lv.position_seconds for lv in seen]
        assert positions == sorted(positions) and positions[-1] - positions[0] >= 1.0
        rec.pause()
        assert rec.state is RecorderState.PAUSED
        at_pause = rec.position_seconds
        time.sleep(0.8)
        assert rec.position_seconds == at_pause
        resumed = time.monotonic()
        rec.resume()
        assert rec.state is RecorderState.RECORDING
        time.sleep(1.0)
        summary = rec.stop()
        recording_again = time.monotonic() - resumed
    finally:
        virtual_mic.use_sine()
    assert summary.error is None and [e.kind for e in events] == ["stopped"]
    info = read_info(summary.path, KEY)
    assert len(info.pauses) == 1 and info.pauses[0].resumed_at is not None
    assert info.pauses[0].position_seconds == pytest.approx(at_pause, abs=0.05)
    # after the resume, about as much audio as time went by (the source runs in real time)
    assert at_pause + 0.6 <= summary.duration_seconds <= at_pause + recording_again + 0.35
    assert summary.overflows == 0


def test_two_takes_export_concatenated(virtual_mic: VirtualMic, tmp_path: Path) -> None:
    virtual_mic.use_sine()
    s1 = record(tmp_path / "a.fwa", 1.0, virtual_mic).stop()
    s2 = record(tmp_path / "b.fwa", 1.0, virtual_mic).stop()
    info = export([(s1.path, KEY), (s2.path, KEY)], tmp_path / "session.flac")
    assert info.frames == s1.frames + s2.frames and info.takes == 2


def test_unknown_device_and_disk_full_create_nothing(virtual_mic: VirtualMic, tmp_path: Path) -> None:
    with pytest.raises(AudioError) as e:
        Recorder(tmp_path / "x.fwa", KEY, recording_id="R", device="no-such-microphone").start()
    assert e.value.kind is ErrorKind.NO_DEVICE
    free = shutil.disk_usage(tmp_path).free
    with pytest.raises(FieldworkError) as e2:
        Recorder(
            tmp_path / "y.fwa",
            KEY,
            recording_id="R",
            device=virtual_mic.device,
            planned_seconds=3600,
            min_free_bytes=free,
        ).start()
    assert e2.value.kind is ErrorKind.DISK_FULL
    assert list(tmp_path.iterdir()) == []


def test_low_disk_stops_and_seals(virtual_mic: VirtualMic, tmp_path: Path) -> None:
    virtual_mic.use_sine()
    events: list[RecorderEvent] = []
    rec = Recorder(
        tmp_path / "low.fwa",
        KEY,
        recording_id="R",
        device=virtual_mic.device,
        on_event=events.append,
        min_free_bytes=1,
    )
    rec.start()
    wait_for(lambda: rec.position_seconds > 0)
    rec.min_free_bytes = shutil.disk_usage(tmp_path).free + 2**30  # as if the disk had just filled up
    deadline = time.monotonic() + 8
    while rec.state is RecorderState.RECORDING and time.monotonic() < deadline:
        time.sleep(0.1)
    summary = rec.stop()
    assert summary.error is not None and summary.error.kind is ErrorKind.DISK_FULL
    assert "disk_full" in [e.kind for e in events] and summary.sealed
    assert read_info(summary.path, KEY).sealed


class EnospcFile:
    def __init__(self, f: BinaryIO, budget: int) -> None:
        self._f, self.budget = f, budget

    def write(self, data: bytes | memoryview) -> int:
        if len(data) > self.budget:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.budget -= len(data)
        return int(self._f.write(data) or 0)

    def fileno(self) -> int:
        return self._f.fileno()

    def close(self) -> None:
        self._f.close()


def test_write_error_ends_take_with_what_was_written(virtual_mic: VirtualMic, tmp_path: Path) -> None:
    virtual_mic.use_sine()
    rec = Recorder(
        tmp_path / "enospc.fwa",
        KEY,
        recording_id="R",
        device=virtual_mic.device,
        opener=lambda p: EnospcFile(open(p, "xb", buffering=0), 30_000),  # type: ignore[arg-type,return-value]  # noqa: SIM115, E501
    )
    rec.start()
    deadline = time.monotonic() + 8
    while rec.state is RecorderState.RECORDING and time.monotonic() < deadline:
        time.sleep(0.1)
    summary = rec.stop()
    assert summary.error is not None and summary.error.kind is ErrorKind.DISK_FULL
    info = read_info(summary.path, KEY)
    assert info.frames == summary.frames > 0
    assert recover(summary.path, KEY).duration_seconds == pytest.approx(summary.duration_seconds)


class FaultyFile(EnospcFile):
    """A file whose one write past ``budget`` fails with an error that is no disk's (a fault in the app)."""

    def write(self, data: bytes | memoryview) -> int:
        if self.budget >= 0 and len(data) > self.budget:
            self.budget = -1
            raise RuntimeError("internal state went wrong")
        return int(self._f.write(data) or 0) if self.budget < 0 else super().write(data)


def test_an_unexpected_fault_while_saving_is_said_as_such_not_by_its_class_name(
    virtual_mic: VirtualMic, tmp_path: Path
) -> None:
    virtual_mic.use_sine()
    events: list[RecorderEvent] = []
    rec = Recorder(
        tmp_path / "fault.fwa",
        KEY,
        recording_id="R",
        device=virtual_mic.device,
        on_event=events.append,
        opener=lambda p: FaultyFile(open(p, "xb", buffering=0), 30_000),  # type: ignore[arg-type,return-value]  # noqa: SIM115, E501
    )
    rec.start()
    deadline = time.monotonic() + 8
    while rec.state is RecorderState.RECORDING and time.monotonic() < deadline:
        time.sleep(0.1)
    summary = rec.stop()
    assert summary.error is not None and summary.error.kind is ErrorKind.DISK_ERROR
    assert summary.error.code is ErrorCode.RECORDING_FAULT and summary.error.params == {"file": "fault.fwa"}
    said = summary.error.message
    assert said == (
        "fault.fwa: saving the audio failed unexpectedly (not for want of disk space or a microphone); the take "
        "was ended"
    )
    assert "RuntimeError" not in said and "internal state" not in said
    assert cli_text(summary.error) == said + " ('fieldwork log show' has the details)"
    assert "stream_error" in [e.kind for e in events]
    info = read_info(summary.path, KEY)  # what was written before the fault is kept, and sealed
    assert info.frames == summary.frames > 0
    assert summary.sealed and info.sealed
    assert [e.kind for e in events].count("stopped") == 1


class BrokenFile(EnospcFile):
    """A file that, once ``broken`` (or past ``budget``), fails every write with an error that is no disk's."""

    broken = False
    breaks_when: Callable[[], bool] = staticmethod(lambda: False)

    def write(self, data: bytes | memoryview) -> int:
        if self.broken or len(data) > self.budget or self.breaks_when():
            self.broken = True
            raise RuntimeError("internal state went wrong")
        return super().write(data)


def _stopped_with_a_fault(rec: Recorder, events: list[RecorderEvent], file: str) -> None:
    summary = rec.stop()
    assert rec.state is RecorderState.FAILED
    stopped = [e for e in events if e.kind == "stopped"]
    assert len(stopped) == 1 and stopped[0].error is summary.error  # the recorder said it stopped
    assert summary.error is not None and summary.error.code is ErrorCode.RECORDING_FAULT
    assert summary.error.message == (
        f"{file}: saving the audio failed unexpectedly (not for want of disk space or a microphone); the take "
        "was ended"
    )
    assert "stream_error" in [e.kind for e in events]
    assert not summary.sealed  # the file refused the seal too ...
    assert read_info(summary.path, KEY).frames == summary.frames > 0  # ... but keeps every whole record
    assert recover(summary.path, KEY).duration_seconds == pytest.approx(summary.duration_seconds)


def test_a_file_that_keeps_failing_mid_take_still_ends_the_take_and_says_it_stopped(
    virtual_mic: VirtualMic, tmp_path: Path
) -> None:
    virtual_mic.use_sine()
    events: list[RecorderEvent] = []
    rec = Recorder(
        tmp_path / "broken.fwa",
        KEY,
        recording_id="R",
        device=virtual_mic.device,
        on_event=events.append,
        opener=lambda p: BrokenFile(open(p, "xb", buffering=0), 30_000),  # type: ignore[arg-type,return-value]  # noqa: SIM115, E501
    )
    rec.start()
    wait_for(lambda: any(e.kind == "stopped" for e in events))
    _stopped_with_a_fault(rec, events, "broken.fwa")


def test_a_file_that_fails_from_the_stop_on_still_ends_the_take_and_says_it_stopped(
    virtual_mic: VirtualMic, tmp_path: Path
) -> None:
    """The file fails from the moment Stop is pressed (the last records' writes), and the seal after it too."""
    virtual_mic.use_sine()
    events: list[RecorderEvent] = []
    files: list[BrokenFile] = []

    def opener(p: Path) -> BrokenFile:
        files.append(BrokenFile(open(p, "xb", buffering=0), 10**9))  # noqa: SIM115
        return files[-1]

    rec = Recorder(
        tmp_path / "atstop.fwa",
        KEY,
        recording_id="R",
        device=virtual_mic.device,
        on_event=events.append,
        opener=opener,  # type: ignore[arg-type]
    )
    rec.start()
    wait_for(lambda: rec.position_seconds > 1.5)
    files[0].breaks_when = lambda: rec._stopping  # type: ignore[method-assign]
    _stopped_with_a_fault(rec, events, "atstop.fwa")


def test_mic_check_in_memory(virtual_mic: VirtualMic, tmp_path: Path) -> None:
    virtual_mic.use_sine()
    levels: list[object] = []
    result = mic_check(1.0, device=virtual_mic.device, playback=True, on_level=levels.append)
    assert not result.silent and result.played_back
    assert 15 <= len(levels) <= 25 and result.peak_dbfs > -20


def test_server_vanishing_mid_take_seals_and_allows_new_take(
    monitor_feed: VirtualMic, tmp_path: Path
) -> None:
    virtual_mic = monitor_feed
    events: list[RecorderEvent] = []
    rec = Recorder(
        tmp_path / "lost.fwa", KEY, recording_id="R", device=virtual_mic.device, on_event=events.append
    )
    rec.start()
    wait_for(lambda: rec.position_seconds >= 1.0)
    try:
        virtual_mic.kill_server()
        deadline = time.monotonic() + 10
        while rec.state is RecorderState.RECORDING and time.monotonic() < deadline:
            time.sleep(0.1)
        summary = rec.stop()
    finally:
        virtual_mic.ensure_running()
    assert summary.error is not None and summary.error.kind is ErrorKind.DEVICE_LOST
    assert "device_lost" in [e.kind for e in events]
    info = read_info(summary.path, KEY)
    assert info.sealed and info.frames == summary.frames and summary.duration_seconds >= 1.0
    again = record(tmp_path / "again.fwa", 1.0, virtual_mic).stop()
    assert again.error is None and again.frames > 0


class SlowToClose:
    """The real PortAudio stream, but its stop takes ``delay`` seconds, as with a slow or busy sound server;
    the stream keeps delivering audio to the recorder's callback all that time."""

    def __init__(self, real: object, delay: float) -> None:
        self.real = real
        self.delay = delay

    def stop(self) -> None:
        time.sleep(self.delay)
        self.real.stop()  # type: ignore[attr-defined]

    def close(self) -> None:
        self.real.close()  # type: ignore[attr-defined]


def test_stop_and_pause_take_effect_when_asked_however_slow_the_device(
    monitor_feed: VirtualMic, tmp_path: Path
) -> None:
    rec = Recorder(tmp_path / "slow.fwa", KEY, recording_id="R-SLOW", device=monitor_feed.device)
    rec.start()
    wait_for(lambda: rec.position_seconds > 0.5)
    block = rec._block
    delivered_at_pause = rec._w * block
    rec.pause()
    time.sleep(0.8)
    rec.resume()
    time.sleep(1.5)
    rec._stream = SlowToClose(rec._stream, 2.0)
    asked = datetime.now(UTC)
    delivered_at_stop = rec._w * block
    beats = rec._beats
    summary = rec.stop()
    took = (datetime.now(UTC) - asked).total_seconds()
    assert took >= 2.0 and rec._beats - beats > 20  # the device went on delivering for two seconds
    assert summary.error is None and summary.sealed
    records = list(iter_records(summary.path, KEY))
    pause = next(r for r in records if r.type is RecordType.PAUSE)
    assert any(r.type is RecordType.RESUME for r in records)
    # everything before Pause was asked is in the take before the PAUSE record, and nothing after it
    assert delivered_at_pause <= json.loads(pause.payload)["position_frames"] <= delivered_at_pause + block
    # after Stop nothing is taken (at most the block being copied at that very moment), although the
    # device went on delivering for two more seconds
    assert delivered_at_stop - 2 * block <= summary.frames <= delivered_at_stop + block
    # the take ended when Stop was asked, not when the device closed
    final = json.loads(records[-1].payload)
    ended = datetime.fromisoformat(final["ended"])
    assert abs((ended - asked).total_seconds()) < 0.2
    assert abs((datetime.fromisoformat(summary.ended_at) - asked).total_seconds()) < 0.2
    assert read_info(summary.path, KEY).pauses[0].paused_at is not None


def test_stop_asked_before_a_busy_thread_gets_to_it_still_ends_the_take_then(
    monitor_feed: VirtualMic, tmp_path: Path
) -> None:
    """The app runs stop on its database thread; the moment the researcher pressed Stop still counts."""
    rec = Recorder(tmp_path / "busy.fwa", KEY, recording_id="R-BUSY", device=monitor_feed.device)
    rec.start()
    wait_for(lambda: rec.position_seconds > 0.5)
    asked = datetime.now(UTC)
    delivered = rec._w * rec._block
    rec.mark("stop")  # pressed now ...
    time.sleep(1.5)  # ... while the thread that will stop the take is busy
    summary = rec.stop()
    assert summary.frames <= delivered + rec._block
    assert abs((datetime.fromisoformat(summary.ended_at) - asked).total_seconds()) < 0.2
