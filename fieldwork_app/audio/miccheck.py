"""A microphone check before the interview: record a few seconds into memory, meter, play back.

Why memory only: the check usually captures the participant saying hello; it must leave nothing on
disk, so the samples live in one preallocated array that is zeroed before returning.

API::

    mic_check(seconds=3.0, device=None, playback=True, on_level=None) -> MicCheckResult
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from fieldwork_app.audio.devices import resolve_input_device, resolve_output_device, sd
from fieldwork_app.audio.levels import FLOOR_DBFS, Level, LevelMeter, to_dbfs
from fieldwork_app.errors import AudioError, ErrorKind, InvalidInput

logger = logging.getLogger(__name__)

SILENT_DBFS = -60.0
CLIP_DBFS = -0.1


@dataclass(frozen=True)
class MicCheckResult:
    device: str
    seconds: float
    samplerate: int
    rms_dbfs: float
    peak_dbfs: float
    silent: bool
    clipped: bool
    played_back: bool
    levels: int


def mic_check(
    seconds: float = 3.0,
    device: str | int | None = None,
    playback: bool = True,
    on_level: Callable[[Level], None] | None = None,
    samplerate: int = 48000,
) -> MicCheckResult:
    if not 0.2 <= seconds <= 30:
        raise InvalidInput("a microphone check lasts 0.2 to 30 seconds")
    mod = sd()
    dev = resolve_input_device(device)
    frames = int(seconds * samplerate)
    buf = np.zeros((frames, 1), dtype=np.int16)
    meter = LevelMeter(samplerate)
    count = 0
    try:
        try:
            with mod.InputStream(
                device=dev.index, channels=1, samplerate=samplerate, dtype="int16", blocksize=960
            ) as stream:
                pos = 0
                deadline = time.monotonic() + seconds + 5.0
                while pos < frames:
                    if time.monotonic() > deadline:
                        raise AudioError(
                            f"input device {dev.name!r} stopped delivering audio", kind=ErrorKind.DEVICE_LOST
                        )
                    n = min(960, frames - pos)
                    block, _overflow = stream.read(n)
                    buf[pos : pos + n] = block
                    pos += n
                    level = meter.feed(block, pos)
                    if level is not None:
                        count += 1
                        if on_level is not None:
                            on_level(level)
        except mod.PortAudioError as exc:
            raise AudioError(f"could not record from {dev.name!r}", kind=ErrorKind.NO_DEVICE) from exc
        flat = buf.reshape(-1).astype(np.float64)
        rms = to_dbfs(math.sqrt(float(np.dot(flat, flat)) / max(1, flat.size)))
        peak = to_dbfs(float(np.max(np.abs(flat)))) if flat.size else FLOOR_DBFS
        del flat
        played = False
        if playback:
            out = resolve_output_device(None)
            try:
                mod.play(buf, samplerate, device=out.index, blocking=True)
                played = True
            except mod.PortAudioError:
                logger.warning("microphone check playback failed")
        return MicCheckResult(
            dev.name, seconds, samplerate, rms, peak, rms < SILENT_DBFS, peak >= CLIP_DBFS, played, count
        )
    finally:
        buf.fill(0)
