"""Writing decrypted audio out to a standard FLAC or WAV file (export and the portable stream).

Why one helper: export and the sync layer's ``portable_to_file`` must produce identical files and
the same PCM digest, and both must leave nothing behind when the input turns out to be damaged.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

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
    """A new FLAC/WAV file fed with int16 blocks; tracks frames and the SHA-256 of the samples.

    The file is created with mode 0600 and never over an existing one.  With ``stream`` the audio goes
    to that open file instead (``out`` then only names the format); the caller owns it."""

    def __init__(self, out: Path, samplerate: int, channels: int, stream: BinaryIO | None = None) -> None:
        self.out = Path(out)
        fmt = format_for(self.out)
        self._own = stream is None
        if stream is None:
            if not self.out.parent.is_dir():
                raise InvalidInput(f"{self.out.parent}: no such folder")
            try:
                fd = os.open(
                    self.out, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600
                )
            except FileExistsError:
                raise InvalidInput(f"{self.out.name}: already exists; choose another name") from None
            stream = os.fdopen(fd, "w+b")
        self._stream = stream
        self.samplerate = samplerate
        self.channels = channels
        self.frames = 0
        self._sha = hashlib.sha256()
        try:
            self._sf = sf.SoundFile(stream, "w", samplerate, channels, "PCM_16", format=fmt)
        except BaseException:
            if self._own:
                stream.close()
                self.out.unlink(missing_ok=True)
            raise
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
            try:
                self._sf.close()
            finally:
                if self._own:
                    self._stream.close()

    def abort(self) -> None:
        """Close and delete the partial output: a damaged input leaves no half-written export."""
        try:
            self.close()
        finally:
            if self._own:
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
