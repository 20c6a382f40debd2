"""Audio in and out of AUDIO records: the writer path and the per-record decoder.

Why this layer: the recorder (and the benchmark, which must time the same code) hands audio to an
:class:`AudioWriter`, which runs it through one long-lived FLAC encoder and appends each batch of
finished FLAC frames as one AUDIO record (format version 2).  :func:`decode_record` turns any AUDIO
record back into samples, for both format versions.

API::

    AudioWriter(container, digest=True).write(pcm) / .flush() / .pending / .sha256
    decode_record(path, rec) -> np.ndarray        # int16 (frames, channels); RECORDING_DAMAGED if bad
    portable_block(path, rec) -> bytes            # the record as one complete FLAC stream from frame 0
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import numpy as np

from fieldwork_app.audio.codec import (
    STREAM_MARKER,
    FlacStreamEncoder,
    decode_flac,
    decode_frames,
    encode_flac,
)
from fieldwork_app.audio.container import ContainerWriter, Record, RecordType, damaged

logger = logging.getLogger(__name__)


class AudioWriter:
    """Feeds int16 audio through one FLAC stream into AUDIO records cut at frame boundaries.

    Each :meth:`write` appends one record holding every frame the encoder finished (none if it
    finished none); up to one FLAC block stays in the encoder (:attr:`pending`) until more audio
    comes or :meth:`flush` ends the stream, which must happen before any PAUSE record and before
    sealing so that records and positions agree.  :attr:`sha256` covers exactly the samples in
    records appended so far (unless ``digest=False``: then it stays the digest of nothing).
    """

    def __init__(self, container: ContainerWriter, *, digest: bool = True) -> None:
        header = container.header
        if header.version < 2:
            raise ValueError("bare FLAC frame records need recording format version 2")
        self._container = container
        self._enc = FlacStreamEncoder(header.samplerate, header.channels)
        self._held = np.zeros((0, header.channels), dtype="<i2")
        self._sha = hashlib.sha256()
        self._digest = digest
        self.frames = 0

    @property
    def pending(self) -> int:
        """Samples handed to :meth:`write` but not yet in a record."""
        return self._enc.pending

    @property
    def sha256(self) -> str:
        return self._sha.hexdigest()

    def write(self, pcm: np.ndarray) -> None:
        block = np.ascontiguousarray(pcm, dtype="<i2")
        payload, frames = self._enc.encode(block)
        if frames:
            self._container.append(RecordType.AUDIO, payload, frames)
            self.frames += frames
            frames = self._digest_held(frames)
            if self._digest:
                self._sha.update(block[:frames].data)
        # What the encoder keeps back is copied: the caller may reuse its buffer.
        tail = block[frames:]
        if len(tail):
            self._held = np.concatenate([self._held, tail]) if len(self._held) else tail.copy()

    def flush(self) -> None:
        """End the FLAC stream and append what the encoder still held."""
        payload, frames = self._enc.finish()
        if frames:
            self._container.append(RecordType.AUDIO, payload, frames)
            self.frames += frames
            if self._digest_held(frames):  # pragma: no cover - the encoder returns what it held
                raise RuntimeError("the FLAC encoder returned more samples than it held")

    def _digest_held(self, frames: int) -> int:
        """Hash up to ``frames`` held samples (oldest first); return how many of ``frames`` remain."""
        n = min(frames, len(self._held))
        if n:
            if self._digest:
                self._sha.update(self._held[:n].data)
            self._held = self._held[n:]
        return frames - n


def decode_record(path: Path, rec: Record) -> np.ndarray:
    """The samples of one verified AUDIO record (a complete FLAC stream, or bare frames in version 2)."""
    header = rec.header
    if header is None:  # pragma: no cover - records from iter_records always carry it
        raise damaged(path, f"record {rec.index} has no header")
    bare = rec.payload[: len(STREAM_MARKER)] != STREAM_MARKER
    try:
        if bare:
            if header.version < 2:
                raise ValueError("bare FLAC frames in a version 1 take")
            pcm = decode_frames(rec.payload, header.samplerate, header.channels, rec.frames)
        else:
            pcm, rate = decode_flac(rec.payload)
            if rate != header.samplerate:
                raise ValueError("sample rate differs from the header's")
    except (RuntimeError, ValueError) as exc:
        raise damaged(path, f"record {rec.index} is not valid audio") from exc
    if pcm.shape != (rec.frames, header.channels):
        raise damaged(path, f"record {rec.index} decodes to the wrong length")
    return pcm


def portable_block(path: Path, rec: Record) -> bytes:
    """One AUDIO record as a complete, standard FLAC stream (bare frames are decoded and re-encoded)."""
    if rec.payload[: len(STREAM_MARKER)] == STREAM_MARKER:
        return rec.payload
    assert rec.header is not None
    return encode_flac(decode_record(path, rec), rec.header.samplerate)
