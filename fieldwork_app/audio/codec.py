"""Lossless block codec: int16 PCM <-> a small self-contained FLAC stream, in memory only.

Each record carries its own complete FLAC stream (about half a second) so any record can be
decoded on its own, and a torn tail costs only that record.  Encoding goes through ``soundfile``
into a ``BytesIO``: the plaintext never touches a file, a temp file or a pipe.
"""

from __future__ import annotations

import io
import logging

import numpy as np
import soundfile as sf

logger = logging.getLogger(__name__)


def encode_flac(pcm: np.ndarray, samplerate: int) -> bytes:
    """Encode an ``(frames, channels)`` int16 block as FLAC bytes."""
    buf = io.BytesIO()
    sf.write(buf, pcm, samplerate, subtype="PCM_16", format="FLAC")
    return buf.getvalue()


def decode_flac(data: bytes) -> tuple[np.ndarray, int]:
    """Decode FLAC bytes to an ``(frames, channels)`` int16 array and its sample rate."""
    pcm, rate = sf.read(io.BytesIO(data), dtype="int16", always_2d=True)
    return pcm, int(rate)
