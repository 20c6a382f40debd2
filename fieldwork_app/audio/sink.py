"""Writing decrypted audio out to a standard FLAC or WAV file (export and the portable stream).

Why one helper: export and the sync layer's ``portable_to_file`` must produce identical files and
the same PCM digest, and both must leave nothing behind when the input turns out to be damaged.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from types import TracebackType

import numpy as np
import soundfile as sf

from fieldwork_app.errors import InvalidInput

logger = logging.getLogger(__name__)

FORMATS = {".flac": "FLAC", ".wav": "WAV"}


def format_for(out: Path) -> str:
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise InvalidInput(f"{out.name}: export needs a .flac or .wav file name")
    return fmt


class PcmSink:
    """A new FLAC/WAV file fed with int16 blocks; tracks frames and the SHA-256 of the samples."""

    def __init__(self, out: Path, samplerate: int, channels: int) -> None:
        self.out = Path(out)
        fmt = format_for(self.out)
        if self.out.exists():
            raise InvalidInput(f"{self.out.name}: already exists; choose another name")
        if not self.out.parent.is_dir():
            raise InvalidInput(f"{self.out.parent}: no such folder")
        self.samplerate = samplerate
        self.channels = channels
        self.frames = 0
        self._sha = hashlib.sha256()
        self._sf = sf.SoundFile(self.out, "w", samplerate, channels, "PCM_16", format=fmt)
        self._done = False

    def write(self, pcm: np.ndarray) -> None:
        if pcm.ndim != 2 or pcm.shape[1] != self.channels:
            raise InvalidInput("audio block has the wrong channel count")
        block = np.ascontiguousarray(pcm, dtype="<i2")
        self._sha.update(block.tobytes())
        self._sf.write(block)
        self.frames += block.shape[0]

    @property
    def sha256(self) -> str:
        return self._sha.hexdigest()

    def close(self) -> None:
        if not self._done:
            self._done = True
            self._sf.close()

    def abort(self) -> None:
        """Close and delete the partial output: a damaged input leaves no half-written export."""
        try:
            self.close()
        finally:
            self.out.unlink(missing_ok=True)

    def __enter__(self) -> PcmSink:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        if et is None:
            self.close()
        else:
            self.abort()


def pcm_sha256(pcm: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(pcm, dtype="<i2").tobytes()).hexdigest()
