"""The recorder: PortAudio callback -> preallocated ring -> writer thread -> encrypted records.

Why this shape: the PortAudio callback runs at real-time priority and its exceptions are lost, so it
only copies each block into a preallocated ring slot and counts overflow flags; it never allocates
arrays, logs, locks or touches the disk.  A writer thread drains the ring, meters levels, feeds
half a second at a time through one long-lived in-memory FLAC encoder (:class:`AudioWriter`), seals
the finished FLAC frames with ChaCha20-Poly1305 as one record and fsyncs it, so a crash loses at
most about a second.  The same thread watches the device (no callbacks for a while
means it is gone) and the disk, and on any trouble seals what it has and reports a typed error.

API::

    Recorder(path, key, *, recording_id, kind="interview", device=None, samplerate=None, channels=None,
             planned_seconds=None, on_event=None, min_free_bytes=DEFAULT_MIN_FREE_BYTES)
    .start() / .pause() / .resume() / .stop() -> TakeSummary   (stop is idempotent)
    .mark("stop" | "pause")   (any thread, at once: what is captured after it is not kept)
    .state: RecorderState   .position_seconds: float   .overflows: int   .latest_level() -> Level | None
    .levels: queue.Queue[Level] (maxsize 1, latest value wins; for a GUI timer to poll)

Events (:class:`RecorderEvent`, delivered on the writer thread): ``low_disk``, ``disk_full``,
``device_lost``, ``stream_error``, ``stopped``.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import logging
import math
import queue
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from fieldwork_app.audio.container import (
    KEY_BYTES,
    ContainerWriter,
    Opener,
    RecordType,
    build_header,
    event_payload,
)
from fieldwork_app.audio.devices import DeviceInfo, resolve_input_device, sd
from fieldwork_app.audio.info import Pause
from fieldwork_app.audio.levels import Level, LevelMeter
from fieldwork_app.audio.stream import AudioWriter
from fieldwork_app.errors import AudioError, ErrorCode, ErrorKind, FieldworkError, InvalidInput

logger = logging.getLogger(__name__)

DEFAULT_SAMPLERATE = 48000
DEFAULT_MIN_FREE_BYTES = 64 * 1024 * 1024
RECORD_SECONDS = 0.5
BLOCK_SECONDS = 0.02
RING_SECONDS = 10.0
DEVICE_TIMEOUT_SECONDS = 3.0  # some sources (PulseAudio sine) deliver in 2 s bursts
DISK_CHECK_SECONDS = 2.0
RUNAWAY_SLACK_SECONDS = 5.0
LOW_DISK_SECONDS = 15 * 60  # warn when less than this much audio (estimated) still fits
BYTES_PER_SAMPLE_ESTIMATE = 2.0  # raw PCM; FLAC is smaller, so this is a safe upper estimate


class RecorderState(enum.Enum):
    IDLE = "idle"
    RECORDING = "recording"
    PAUSED = "paused"
    STOPPED = "stopped"
    FAILED = "failed"


class RecorderEventKind(enum.StrEnum):
    """What a recorder tells its owner while it runs (from the writer thread)."""

    DEVICE_LOST = "device_lost"
    STREAM_ERROR = "stream_error"
    DISK_FULL = "disk_full"
    LOW_DISK = "low_disk"
    STOPPED = "stopped"


@dataclass(frozen=True)
class RecorderEvent:
    kind: RecorderEventKind
    message: str
    error: FieldworkError | None = None


@dataclass(frozen=True)
class TakeSummary:
    path: Path
    recording_id: str
    duration_seconds: float
    frames: int
    samplerate: int
    channels: int
    records: int
    overflows: int
    pauses: list[Pause] = field(default_factory=list)
    recovered: bool = False
    error: FieldworkError | None = None
    sealed: bool = True
    pcm_sha256: str = ""
    dropped_blocks: int = 0
    device: str = ""
    ended_at: str = ""  # UTC ISO: when Stop was asked (or the take ended by itself), as in its FINAL record


def estimate_bytes(seconds: float, samplerate: int, channels: int) -> int:
    return int(math.ceil(seconds * samplerate * channels * BYTES_PER_SAMPLE_ESTIMATE))


class Recorder:
    """One take: one encrypted file.  Create a new Recorder (and path) for each take."""

    def __init__(
        self,
        path: Path,
        key: bytes,
        *,
        recording_id: str,
        kind: str = "interview",
        device: str | int | None = None,
        samplerate: int | None = None,
        channels: int | None = None,
        planned_seconds: float | None = None,
        on_event: Callable[[RecorderEvent], None] | None = None,
        min_free_bytes: int = DEFAULT_MIN_FREE_BYTES,
        opener: Opener | None = None,
        stop_at_seconds: float | None = None,
    ) -> None:
        if not isinstance(key, bytes | bytearray) or len(key) != KEY_BYTES:
            raise InvalidInput(f"recording key must be {KEY_BYTES} bytes")
        if samplerate is not None and not 8000 <= samplerate <= 192000:
            raise InvalidInput(f"sample rate {samplerate} is out of range")
        if channels is not None and not 1 <= channels <= 8:
            raise InvalidInput(f"channel count {channels} is out of range")
        if planned_seconds is not None and planned_seconds < 0:
            raise InvalidInput("planned duration cannot be negative")
        self.path = Path(path)
        self._key = bytes(key)
        self.recording_id = recording_id
        self.kind = kind
        self._device_spec = device
        self.samplerate = samplerate or 0
        self.channels = channels or 0
        self._planned = planned_seconds
        if stop_at_seconds is not None and not stop_at_seconds > 0:
            raise InvalidInput("a take's length must be more than 0 seconds")
        # A fixed length (the command line's --seconds): the writer takes blocks until it is reached, then
        # none; ``reached`` is set then.  Counted in frames, so the take is that long to within one block.
        self._stop_at = stop_at_seconds
        self.reached = threading.Event()
        self._on_event = on_event
        self.min_free_bytes = min_free_bytes
        self._opener = opener
        self.state = RecorderState.IDLE
        self.device: DeviceInfo | None = None
        self.levels: queue.Queue[Level] = queue.Queue(maxsize=1)
        self._level: Level | None = None
        self._lock = threading.Lock()
        self._summary: TakeSummary | None = None
        self._error: FieldworkError | None = None
        self._pauses: list[Pause] = []
        self._commands: queue.Queue[tuple[str, threading.Event]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._stream: Any = None
        self._writer: ContainerWriter | None = None
        self._audio: AudioWriter | None = None
        # Shared with the callback: plain ints and flags only.
        self._w = 0
        self._r = 0
        self._beats = 0
        self._overflows = 0
        self._dropped = 0
        self._capture_paused = False
        self._stream_finished = False
        self._closing = False  # stop() is closing the stream: its end is expected
        self._stopping = False
        self._frames = 0
        # Stop and Pause take effect when asked: the ring index at that moment (blocks from there on are
        # not taken, however long the device takes to close) and the wall time (the take's end).
        self._cut: int | None = None
        self._pause_wall: str | None = None
        self.ended_at: str | None = None

    # ----------------------------------------------------------------- public properties
    @property
    def position_seconds(self) -> float:
        """Audio time captured so far (pauses excluded): the clock markers should use."""
        return self._frames / self.samplerate if self.samplerate else 0.0

    @property
    def overflows(self) -> int:
        return self._overflows

    def latest_level(self) -> Level | None:
        return self._level

    # ----------------------------------------------------------------- start
    def start(self) -> None:
        """Open the device and the file and begin; on failure nothing is created."""
        if self.state is not RecorderState.IDLE:
            raise FieldworkError("this recorder has already been started", kind=ErrorKind.RECORDING_BUSY)
        if self.path.exists():
            raise InvalidInput(f"{self.path.name}: a take with this name already exists")
        if not self.path.parent.is_dir():
            raise InvalidInput(f"{self.path.parent}: the recordings folder does not exist")
        mod = sd()
        self.device = dev = resolve_input_device(self._device_spec)
        self.channels = self.channels or 1
        self.samplerate = self.samplerate or self._pick_rate(mod, dev)
        try:
            mod.check_input_settings(
                device=dev.index, channels=self.channels, dtype="int16", samplerate=self.samplerate
            )
        except (mod.PortAudioError, ValueError) as exc:
            raise AudioError(
                f"device {dev.name!r} cannot record {self.channels} channel(s) at {self.samplerate} Hz",
                kind=ErrorKind.NO_DEVICE,
            ) from exc
        self._check_space_at_start()
        self._block = max(64, int(self.samplerate * BLOCK_SECONDS))
        self._nslots = int(RING_SECONDS / BLOCK_SECONDS)
        self._ring = np.zeros((self._nslots, self._block, self.channels), dtype=np.int16)
        self._record_frames = int(self.samplerate * RECORD_SECONDS)
        self._buf = np.zeros((self._record_frames + self._block, self.channels), dtype=np.int16)
        try:
            self._stream = mod.InputStream(
                device=dev.index,
                channels=self.channels,
                samplerate=self.samplerate,
                dtype="int16",
                blocksize=self._block,
                latency="high",
                callback=self._callback,
                finished_callback=self._finished,
            )
        except (mod.PortAudioError, ValueError) as exc:
            raise AudioError(f"could not open input device {dev.name!r}", kind=ErrorKind.NO_DEVICE) from exc
        header = build_header(self.recording_id, self.kind, self.samplerate, self.channels)
        try:
            self._writer = ContainerWriter(self.path, self._key, header, opener=self._opener)
            self._audio = AudioWriter(self._writer)
        except OSError as exc:
            self._stream.close()
            self.path.unlink(missing_ok=True)
            raise _disk_error(exc, self.path) from exc
        self.state = RecorderState.RECORDING
        self._thread = threading.Thread(target=self._run_writer, name="fieldwork-audio-writer", daemon=True)
        self._thread.start()
        try:
            self._stream.start()
        except mod.PortAudioError as exc:
            self._stopping = True
            self._thread.join()
            self._stream.close()
            self.path.unlink(missing_ok=True)
            self.state = RecorderState.FAILED
            raise AudioError(f"could not start input device {dev.name!r}", kind=ErrorKind.NO_DEVICE) from exc
        logger.info(
            "recording started on %r at %d Hz, %d channel(s)", dev.name, self.samplerate, self.channels
        )

    def _pick_rate(self, mod: Any, dev: DeviceInfo) -> int:
        try:
            mod.check_input_settings(
                device=dev.index, channels=self.channels, dtype="int16", samplerate=DEFAULT_SAMPLERATE
            )
            return DEFAULT_SAMPLERATE
        except (mod.PortAudioError, ValueError):
            return int(dev.default_samplerate)

    def _check_space_at_start(self) -> None:
        free = shutil.disk_usage(self.path.parent).free
        need = self.min_free_bytes
        if self._planned:
            need += estimate_bytes(self._planned, self.samplerate, self.channels)
        if free < need:
            raise FieldworkError(
                f"not enough free disk space: {free // 2**20} MB free, {need // 2**20} MB needed",
                kind=ErrorKind.DISK_FULL,
            )

    # ----------------------------------------------------------------- the real-time callback
    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        self._beats += 1
        if status and status.input_overflow:
            self._overflows += 1
        if self._capture_paused:
            return
        w = self._w
        if w - self._r >= self._nslots or frames != self._block:
            self._dropped += 1
            return
        self._ring[w % self._nslots] = indata
        if self._capture_paused:  # Pause or Stop came while this block was copied: it is not taken
            return
        self._w = w + 1

    def _finished(self) -> None:
        self._stream_finished = True

    def _stopping_requested(self) -> bool:
        return self.ended_at is not None

    # ----------------------------------------------------------------- control
    def pause(self) -> None:
        """Stop capturing; the writer records a pause record with the wall time and position."""
        if self.state is not RecorderState.RECORDING:
            return
        self.mark("pause")  # what came before the pause is kept; nothing after it
        self._command("pause")

    def mark(self, what: str) -> None:
        """Note, at once and from any thread, that Stop or Pause (``what``) was asked now: nothing captured
        from this moment on is kept, and the take (or the pause) is timed from it, however late the stop or
        pause itself then runs (the app runs them on its database thread, which may be busy)."""
        if what not in ("stop", "pause"):
            raise InvalidInput(f"unknown request '{what}'")
        if self.state not in (RecorderState.RECORDING, RecorderState.PAUSED):
            return
        self._capture_paused = True
        if self._cut is None:
            self._cut = self._w
        now = _now()
        if what == "stop":
            self.ended_at = self.ended_at or now
        elif self._pause_wall is None:
            self._pause_wall = now

    def resume(self) -> None:
        if self.state is not RecorderState.PAUSED:
            return
        self._command("resume")

    def _command(self, name: str) -> None:
        done = threading.Event()
        self._commands.put((name, done))
        done.wait(5.0)

    def stop(self) -> TakeSummary:
        """Stop, seal and summarise the take; safe to call more than once and after a failure."""
        with self._lock:
            if self._summary is not None:
                return self._summary
            if self.state is RecorderState.IDLE:
                raise FieldworkError("the recorder was never started", kind=ErrorKind.NOT_READY)
            # Stop takes effect now: no block delivered from here on is taken, and the take ends now,
            # however long the device then takes to close.
            self.mark("stop")
            # The stream's own end (finished_callback) must not read as a lost device from here on.
            self._closing = True
            self._close_stream()
            self._stopping = True
            if self._thread is not None:
                self._thread.join()
            self._summary = self._make_summary()
            return self._summary

    def _close_stream(self) -> None:
        stream = self._stream
        if stream is None:
            return
        self._stream = None

        def close() -> None:
            with contextlib.suppress(Exception):
                stream.stop()
            with contextlib.suppress(Exception):
                stream.close()

        # A vanished sound server can make PortAudio block; never let that hang the app.
        t = threading.Thread(target=close, name="fieldwork-audio-close", daemon=True)
        t.start()
        t.join(3.0)
        if t.is_alive():
            logger.warning("the audio device did not close in time; continuing without it")

    def _make_summary(self) -> TakeSummary:
        w = self._writer
        assert w is not None
        return TakeSummary(
            path=self.path,
            recording_id=self.recording_id,
            duration_seconds=w.frames / self.samplerate,
            frames=w.frames,
            samplerate=self.samplerate,
            channels=self.channels,
            records=w.index,
            overflows=self._overflows,
            pauses=list(self._pauses),
            recovered=False,
            error=self._error,
            sealed=self._sealed,
            pcm_sha256=self._audio.sha256 if self._audio else "",
            dropped_blocks=self._dropped,
            device=self.device.name if self.device else "",
            ended_at=self.ended_at or self._sealed_at or _now(),
        )

    # ----------------------------------------------------------------- the writer thread
    def _run_writer(self) -> None:
        self._sealed = False
        self._sealed_at: str | None = None
        self._fill = 0
        self._meter = meter = LevelMeter(self.samplerate)
        started = time.monotonic()
        last_beats, last_beat_time = -1, started
        next_disk = time.monotonic() + DISK_CHECK_SECONDS
        warned = False
        reason = "stopped"
        try:
            while True:
                self._drain(meter)
                if self._stopping:
                    self._drain(meter)
                    break
                self._handle_commands()
                now = time.monotonic()
                if self._beats != last_beats:
                    last_beats, last_beat_time = self._beats, now
                elif not self._closing and (
                    now - last_beat_time > DEVICE_TIMEOUT_SECONDS or self._stream_finished
                ):
                    name = self.device.name if self.device else "?"
                    self._fail(
                        RecorderEventKind.DEVICE_LOST,
                        AudioError(f"input device {name!r} was lost", kind=ErrorKind.DEVICE_LOST),
                    )
                    reason = "device_lost"
                    break
                if self._frames > (now - started + RUNAWAY_SLACK_SECONDS) * self.samplerate:
                    # A broken driver can call back in a tight loop; never let it fill the disk.
                    self._fail(
                        RecorderEventKind.STREAM_ERROR,
                        AudioError(
                            "the input device is delivering garbage audio", kind=ErrorKind.DEVICE_LOST
                        ),
                    )
                    reason = "stream_error"
                    break
                if now >= next_disk:
                    next_disk = now + DISK_CHECK_SECONDS
                    warned, full = self._check_disk(warned)
                    if full:
                        reason = "disk_full"
                        break
                time.sleep(0.01)
        except Exception as exc:  # the writer must never die silently with the file open
            reason = self._saving_failed(exc)
        self._finish(reason)

    def _saving_failed(self, exc: Exception) -> str:
        """Report a failed write (the first one only) and return the reason the take is sealed with."""
        if isinstance(exc, OSError):
            if self._error is None:
                self._fail(RecorderEventKind.DISK_FULL, _disk_error(exc, self.path))
            return "write_error"
        logger.error("audio writer failed", exc_info=exc)
        if self._error is None:
            self._fail(
                RecorderEventKind.STREAM_ERROR,
                FieldworkError(
                    f"{self.path.name}: saving the audio failed unexpectedly (not for want of disk space or a "
                    "microphone); the take was ended",
                    kind=ErrorKind.DISK_ERROR,
                    code=ErrorCode.RECORDING_FAULT,
                    params={"file": self.path.name},
                ),
            )
        return "error"

    def _limit(self) -> int:
        cut = self._cut
        return self._w if cut is None else min(cut, self._w)

    def _drain(self, meter: LevelMeter) -> None:
        r, w = self._r, self._limit()
        while r < w:
            if self._stop_at is not None and self._frames >= self._stop_at * self.samplerate:
                # The fixed length is reached: nothing from this block on is taken (as a Stop asked now).
                self._capture_paused = True
                self._cut = r if self._cut is None else min(self._cut, r)
                self.ended_at = self.ended_at or _now()
                self.reached.set()
                return
            block = self._ring[r % self._nslots]
            n = block.shape[0]
            self._buf[self._fill : self._fill + n] = block
            self._fill += n
            self._frames += n
            r += 1
            self._r = r
            level = meter.feed(block, self._frames)
            if level is not None:
                self._publish(level)
            # Audio not yet in a record (the buffer plus what the encoder holds back) stays
            # under RECORD_SECONDS plus one ring block, whatever the FLAC block size.
            if self._audio is not None and self._fill + self._audio.pending >= self._record_frames:
                self._flush()
            w = self._limit()

    def _flush(self, *, end_stream: bool = False) -> None:
        """Hand the buffered audio to the encoder (a record of its finished frames is appended).

        ``end_stream`` also ends the FLAC stream so every captured sample is in a record: before a
        PAUSE record and before sealing.
        """
        if self._audio is None:
            return
        if self._fill:
            pcm = self._buf[: self._fill]
            self._fill = 0
            self._audio.write(pcm)
        if end_stream:
            self._audio.flush()

    def _publish(self, level: Level) -> None:
        self._level = level
        try:
            self.levels.put_nowait(level)
        except queue.Full:
            with contextlib.suppress(queue.Empty):
                self.levels.get_nowait()
            with contextlib.suppress(queue.Full):
                self.levels.put_nowait(level)

    def _handle_commands(self) -> None:
        while True:
            try:
                name, done = self._commands.get_nowait()
            except queue.Empty:
                return
            assert self._writer is not None
            try:
                if name == "pause":
                    self._drain(self._meter)  # every block from before the pause, none after it
                    self._flush(end_stream=True)
                    wall = self._pause_wall or _now()
                    self._writer.append(RecordType.PAUSE, event_payload(self._frames, wall=wall))
                    self._pauses.append(Pause(wall, None, self.position_seconds))
                    self.state = RecorderState.PAUSED
                elif name == "resume":
                    self._r = self._w  # a block that slipped in as the pause came is not taken
                    if not self._stopping_requested():
                        self._cut = None
                    self._writer.append(RecordType.RESUME, event_payload(self._frames))
                    if self._pauses:
                        last = self._pauses[-1]
                        self._pauses[-1] = Pause(last.paused_at, _now(), last.position_seconds)
                    self.state = RecorderState.RECORDING
                    self._pause_wall = None
                    self._capture_paused = False
            finally:
                done.set()

    def _check_disk(self, warned: bool) -> tuple[bool, bool]:
        try:
            free = shutil.disk_usage(self.path.parent).free
        except OSError:
            return warned, False
        if free < self.min_free_bytes:
            self._fail(
                RecorderEventKind.DISK_FULL,
                FieldworkError(
                    "the disk is nearly full; the take was stopped and sealed", kind=ErrorKind.DISK_FULL
                ),
            )
            return warned, True
        low = self.min_free_bytes + estimate_bytes(LOW_DISK_SECONDS, self.samplerate, self.channels)
        if free < low and not warned:
            self._emit(RecorderEvent(RecorderEventKind.LOW_DISK, f"disk space is low: {free // 2**20} MB free"))
            return True, False
        return warned, False

    def _fail(self, kind: RecorderEventKind, error: FieldworkError) -> None:
        self._error = error
        self._capture_paused = True
        logger.warning("recording ended early (%s): %s", kind, error.kind.value)
        self._emit(RecorderEvent(kind, error.message, error))

    def _finish(self, reason: str) -> None:
        """Seal the take whatever happened before, and always say the recorder stopped."""
        w = self._writer
        assert w is not None
        try:
            if not w.failed:  # after a failed write only the seal may follow (what the encoder held is lost)
                try:
                    self._flush(end_stream=True)
                except Exception as exc:
                    failed_as = self._saving_failed(exc)
                    reason = failed_as if reason == "stopped" else reason  # a take ended for a reason keeps it
            self._sealed_at = self.ended_at or _now()
            try:
                w.seal(reason=reason, ended=self._sealed_at)
                self._sealed = True
            except Exception as exc:
                # The file keeps every whole record (the seal's own part is cut back); recover() seals it
                # once the file can be written again.
                self._saving_failed(exc)
                logger.warning("could not seal the take; it can be recovered later")
        finally:
            w.close()
            self.state = RecorderState.FAILED if self._error else RecorderState.STOPPED
            self._emit(RecorderEvent(RecorderEventKind.STOPPED, reason, self._error))

    def _emit(self, event: RecorderEvent) -> None:
        if self._on_event is None:
            return
        try:
            self._on_event(event)
        except Exception:
            logger.exception("recorder event handler failed")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _disk_error(exc: OSError, path: Path) -> FieldworkError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return FieldworkError(f"{path.name}: the disk is full; the take was ended", kind=ErrorKind.DISK_FULL)
    return FieldworkError(
        f"{path.name}: writing failed ({exc.strerror or 'I/O error'}); the take was ended",
        kind=ErrorKind.DISK_ERROR,
    )
