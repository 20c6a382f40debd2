"""A plaintext, self-describing byte stream of one take, for the sync layer to encrypt to the study key.

Why it exists: the on-laptop container is bound to the laptop's key; the study store needs the audio
re-encrypted to the study's public key.  This module turns a verified take into a stream that only
ever lives in memory (the sync layer feeds it straight into its encryptor) and turns such a stream
back into a standard audio file on the store side.

Stream layout (all integers big-endian)::

    one UTF-8 JSON line ending in b"\\n":
        {"format": "fieldwork-portable-audio", "version": 1, "recording_id", "kind", "samplerate",
         "channels", "frames", "records", "created", "sealed", "recovered", "reason",
         "pauses": [{"paused_at", "resumed_at", "position_seconds"}, ...]}
    then per audio record: u32 length, that many bytes of a complete FLAC stream (int16 PCM); a
        record of bare FLAC frames (take format version 2) is re-encoded as a stream of its own
    then u32 0 (end marker; a stream without it is truncated)

API::

    portable_chunks(path: Path, key: bytes) -> Iterator[bytes]
    portable_to_file(chunks: Iterable[bytes], out: Path) -> dict
"""

from __future__ import annotations

import dataclasses
import json
import logging
import struct
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from fieldwork_app.audio.codec import iter_flac
from fieldwork_app.audio.container import RecordType, damaged, iter_records
from fieldwork_app.audio.info import read_info
from fieldwork_app.audio.sink import PcmSink, format_for
from fieldwork_app.audio.stream import portable_block
from fieldwork_app.errors import FieldworkError, InvalidInput

logger = logging.getLogger(__name__)

PORTABLE_FORMAT = "fieldwork-portable-audio"
PORTABLE_VERSION = 1
LEN = struct.Struct(">I")
MAX_BLOCK = 64 * 1024 * 1024
MAX_HEADER_LINE = 1024 * 1024
MAX_RATE = 384_000
MAX_CHANNELS = 8
MAX_TAKE_SECONDS = 12 * 3600  # a reader refuses to write more than this for one take


def portable_chunks(path: Path, key: bytes) -> Iterator[bytes]:
    """Yield the portable stream of one sealed take, verifying every record as it is read.

    Raises RECORDING_DAMAGED (naming file, record and problem) on tampering, and for an interrupted
    take (recover it first).  The check runs twice: a full pass for the header's totals, then the
    streaming pass, whose totals must agree (the file cannot change between the passes unnoticed).
    """
    path = Path(path)
    info = read_info(path, key)
    if not info.sealed:
        raise damaged(path, f"truncated: interrupted take (no final record after record {info.records - 1})")
    header = {
        "format": PORTABLE_FORMAT,
        "version": PORTABLE_VERSION,
        "recording_id": info.recording_id,
        "kind": info.kind,
        "samplerate": info.samplerate,
        "channels": info.channels,
        "frames": info.frames,
        "records": info.records,
        "created": info.created,
        "sealed": info.sealed,
        "recovered": info.recovered,
        "reason": info.reason,
        "pauses": [dataclasses.asdict(p) for p in info.pauses],
    }
    yield json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8") + b"\n"
    frames = 0
    for rec in iter_records(path, key):
        if rec.type is RecordType.AUDIO:
            frames += rec.frames
            block = portable_block(path, rec)
            yield LEN.pack(len(block)) + block
    if frames != info.frames:
        raise damaged(path, "changed while it was being read")
    yield LEN.pack(0)


class _Reader:
    """Reassembles an arbitrarily chunked byte stream."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._it = iter(chunks)
        self._buf = bytearray()

    def _fill(self, n: int) -> bool:
        while len(self._buf) < n:
            try:
                chunk = next(self._it)
            except StopIteration:
                return False
            self._buf += chunk
        return True

    def line(self) -> bytes:
        while True:
            i = self._buf.find(b"\n")
            if i >= 0:
                out = bytes(self._buf[:i])
                del self._buf[: i + 1]
                return out
            if len(self._buf) > MAX_HEADER_LINE or not self._fill(len(self._buf) + 1):
                raise _bad("the header line is missing or too long")

    def exact(self, n: int, what: str) -> bytes:
        if not self._fill(n):
            raise _bad(f"truncated in {what}")
        out = bytes(self._buf[:n])
        del self._buf[:n]
        return out

    def at_end(self) -> bool:
        return not self._fill(1)


def _bad(problem: str) -> FieldworkError:
    return damaged(Path("portable stream"), problem)


def _parse_header(line: bytes) -> dict[str, Any]:
    try:
        header = json.loads(line)
    except ValueError as exc:
        raise _bad("the header is not valid JSON") from exc
    if not isinstance(header, dict) or header.get("format") != PORTABLE_FORMAT:
        raise _bad("not a Fieldwork portable audio stream")
    if header.get("version") != PORTABLE_VERSION:
        raise _bad(f"unsupported version {header.get('version')!r}")
    for name in ("samplerate", "channels", "frames"):
        if not isinstance(header.get(name), int) or isinstance(header[name], bool) or header[name] < 0:
            raise _bad(f"header field {name!r} is missing or invalid")
    if header["samplerate"] > MAX_RATE or header["channels"] > MAX_CHANNELS:
        raise _bad("header's sample rate or channels are implausible")
    if header["frames"] > header["samplerate"] * MAX_TAKE_SECONDS:
        raise _bad(f"header announces more than {MAX_TAKE_SECONDS // 3600} hours of audio")
    return header


def portable_to_file(chunks: Iterable[bytes], out: Path) -> dict[str, Any]:
    """Write a portable stream to a standard ``.flac`` or ``.wav`` file and describe it.

    Returns the header fields plus ``path``, ``frames``, ``samplerate``, ``channels``,
    ``duration_seconds`` and ``sha256`` (of the int16 little-endian interleaved samples).  On any
    problem the partial output is deleted and RECORDING_DAMAGED / INVALID_INPUT is raised.
    """
    out = Path(out)
    format_for(out)
    reader = _Reader(chunks)
    header = _parse_header(reader.line())
    rate, channels = int(header["samplerate"]), int(header["channels"])
    if rate <= 0 or channels <= 0:
        raise _bad("header has no sample rate or channels")
    block = 0
    with PcmSink(out, rate, channels) as sink:
        while True:
            (n,) = LEN.unpack(reader.exact(LEN.size, f"the length of block {block}"))
            if n == 0:
                break
            if n > MAX_BLOCK:
                raise _bad(f"block {block} length is implausible")
            data = reader.exact(n, f"block {block}")
            try:  # decoded a bounded piece at a time: never more frames than the header announced
                for pcm in iter_flac(data, rate, channels, int(header["frames"]) - sink.frames):
                    sink.write(pcm)
            except (RuntimeError, ValueError) as exc:
                raise _bad(f"block {block}: {exc}") from exc
            del data
            block += 1
        if not reader.at_end():
            raise _bad("unexpected data after the end marker")
        if sink.frames != header["frames"]:
            raise _bad(f"frames {sink.frames} do not match the header's {header['frames']}")
    if sink.frames == 0 and not out.exists():  # pragma: no cover - defensive
        raise InvalidInput(f"{out.name}: nothing was written")
    info = dict(header)
    info.update(
        path=str(out),
        frames=sink.frames,
        samplerate=rate,
        channels=channels,
        duration_seconds=sink.frames / rate,
        sha256=sink.sha256,
        blocks=block,
    )
    logger.info("portable stream written to %s: %d frames", out.name, sink.frames)
    return info
