"""Decrypt-on-the-fly reading: samples from a position, playback, and export to FLAC/WAV.

Why no temp files: a decrypted take is plaintext interview audio; it only ever exists in memory
here, block by block, unless the researcher explicitly exports it to a file of their choosing.
Export verifies every take completely before writing anything, so a damaged take yields a
RECORDING_DAMAGED error naming the file, record and problem, and no output file.

API::

    iter_samples(path, key, start_seconds=0.0) -> Iterator[np.ndarray]   # int16 (frames, channels)
    play(path, key, start_seconds=0.0, device=None) -> float             # seconds played
    export(takes: Sequence[tuple[Path, bytes]], out: Path) -> ExportInfo # .flac or .wav by suffix
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

from fieldwork_app.audio.container import RecordType, damaged, iter_records, read_header
from fieldwork_app.audio.devices import resolve_output_device, sd
from fieldwork_app.audio.info import TakeInfo, read_info
from fieldwork_app.audio.sink import PcmSink, format_for
from fieldwork_app.audio.stream import decode_record
from fieldwork_app.errors import AudioError, ErrorKind, InvalidInput

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportInfo:
    path: Path
    frames: int
    samplerate: int
    channels: int
    takes: int
    sha256: str

    @property
    def duration_seconds(self) -> float:
        return self.frames / self.samplerate if self.samplerate else 0.0


def iter_samples(path: Path, key: bytes, start_seconds: float = 0.0) -> Iterator[np.ndarray]:
    """Yield verified int16 blocks from ``start_seconds`` (audio time) to the end of a sealed take."""
    if start_seconds < 0:
        raise InvalidInput("start position cannot be negative")
    path = Path(path)
    skip = int(round(start_seconds * read_header(path).samplerate))
    for rec in iter_records(path, key):
        if rec.type is not RecordType.AUDIO:
            continue
        if rec.start_frame + rec.frames <= skip:
            continue  # verified by iter_records; no need to decode what is skipped
        pcm = decode_record(path, rec)
        offset = max(0, skip - rec.start_frame)
        yield pcm[offset:]


def play(path: Path, key: bytes, start_seconds: float = 0.0, device: str | int | None = None) -> float:
    """Play a take from a position on an output device (blocking); returns the seconds played."""
    info = read_info(path, key)
    mod = sd()
    dev = resolve_output_device(device)
    played = 0
    try:
        with mod.OutputStream(
            device=dev.index, samplerate=info.samplerate, channels=info.channels, dtype="int16"
        ) as stream:
            for block in iter_samples(path, key, start_seconds):
                stream.write(np.ascontiguousarray(block))
                played += block.shape[0]
    except mod.PortAudioError as exc:
        raise AudioError(f"playback on {dev.name!r} failed", kind=ErrorKind.DEVICE_LOST) from exc
    return played / info.samplerate


def export(takes: Sequence[tuple[Path, bytes]], out: Path, stream: BinaryIO | None = None) -> ExportInfo:
    """Export one take, or several concatenated in the given order, to a new file ``out`` (.flac or .wav,
    mode 0600), or into the open file ``stream`` in the format ``out`` names."""
    out = Path(out)
    format_for(out)
    if not takes:
        raise InvalidInput("nothing to export: no takes given")
    infos: list[TakeInfo] = []
    for path, key in takes:
        info = read_info(Path(path), key)
        if not info.sealed:
            raise damaged(
                Path(path), f"truncated: no final record after record {info.records - 1} (recover it first)"
            )
        infos.append(info)
    rate, channels = infos[0].samplerate, infos[0].channels
    for info in infos[1:]:
        if (info.samplerate, info.channels) != (rate, channels):
            raise InvalidInput(
                f"{info.path.name}: {info.samplerate} Hz x{info.channels} differs from the first take's "
                f"{rate} Hz x{channels}; export these takes separately"
            )
    with PcmSink(out, rate, channels, stream) as sink:
        for path, key in takes:
            for block in iter_samples(Path(path), key):
                sink.write(block)
    logger.info("exported %d take(s) to %s", len(takes), out.name)
    return ExportInfo(out, sink.frames, rate, channels, len(takes), sink.sha256)
