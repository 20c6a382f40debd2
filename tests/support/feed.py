"""An accelerated audio feed for soak tests: ten minutes of take in well under a minute.

:class:`AcceleratedInput` takes the place of ``sounddevice.InputStream`` (same constructor and
``start``/``stop``/``close``) and calls the recorder's real callback with a 440 Hz tone ``speed`` times
faster than real time, from a thread of its own, as PortAudio would.  Everything after the callback is
the app's own: the ring, the writer thread, FLAC, the encrypted records, the database, the GUI.  The
recorder's guard against a runaway device (more audio than wall time allows) must be widened for it;
the soak test does that with ``monkeypatch``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np

SPEED = 20.0


class AcceleratedInput:
    def __init__(
        self,
        *,
        device: Any = None,
        channels: int = 1,
        samplerate: float = 48000,
        dtype: str = "int16",
        blocksize: int = 960,
        latency: Any = None,
        callback: Callable[..., None] | None = None,
        finished_callback: Callable[[], None] | None = None,
        speed: float = SPEED,
    ) -> None:
        self.samplerate = float(samplerate)
        self.blocksize = int(blocksize)
        self._callback = callback
        self._finished = finished_callback
        self._speed = speed
        t = np.arange(self.blocksize) / self.samplerate
        tone = (0.3 * 32767 * np.sin(2 * np.pi * 440.0 * t)).astype(np.int16)
        self._block = np.repeat(tone[:, None], channels, axis=1)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.blocks = 0

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="accelerated-input", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        began = time.monotonic()
        per_second = self._speed * self.samplerate / self.blocksize
        while not self._stop.is_set():
            due = int((time.monotonic() - began) * per_second)
            while self.blocks < due and not self._stop.is_set():
                if self._callback is not None:
                    self._callback(self._block, self.blocksize, None, None)
                self.blocks += 1
            time.sleep(0.004)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        if self._finished is not None:
            self._finished()

    def close(self) -> None:
        self._stop.set()
