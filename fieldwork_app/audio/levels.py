"""Level maths for the meter: RMS and peak of int16 audio in dBFS, about 20 readings a second."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

FLOOR_DBFS = -120.0
FULL_SCALE = 32768.0


@dataclass(frozen=True)
class Level:
    rms_dbfs: float
    peak_dbfs: float
    position_seconds: float


def to_dbfs(value: float) -> float:
    """Full scale = 0 dBFS; silence is clamped to FLOOR_DBFS rather than minus infinity."""
    if value <= 0.0:
        return FLOOR_DBFS
    return max(FLOOR_DBFS, 20.0 * math.log10(value / FULL_SCALE))


class LevelMeter:
    """Accumulates blocks and yields a :class:`Level` every ``samplerate / rate`` frames.

    Why accumulate rather than measure each PortAudio block: block sizes vary by device, and the
    meter should tick at a steady ~20 Hz whatever they are.
    """

    def __init__(self, samplerate: int, per_second: int = 20) -> None:
        self.samplerate = samplerate
        self.window = max(1, samplerate // per_second)
        self._sumsq = 0.0
        self._peak = 0
        self._count = 0

    def feed(self, block: np.ndarray, position_frames: int) -> Level | None:
        """Add one block (any shape, int16); return a Level when a window has filled."""
        flat = block.reshape(-1).astype(np.float64)
        self._sumsq += float(np.dot(flat, flat))
        if flat.size:
            self._peak = max(self._peak, int(np.max(np.abs(flat))))
        self._count += block.shape[0]
        if self._count < self.window:
            return None
        channels = block.shape[1] if block.ndim == 2 else 1
        rms = math.sqrt(self._sumsq / max(1, self._count * channels))
        level = Level(to_dbfs(rms), to_dbfs(float(self._peak)), position_frames / self.samplerate)
        self._sumsq, self._peak, self._count = 0.0, 0, 0
        return level
