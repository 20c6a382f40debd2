"""Lossless codec: int16 PCM <-> FLAC, in memory only.

Two ways of putting audio into records:

* :class:`FlacStreamEncoder` (what the recorder uses, format version 2): one long-lived FLAC encoder per
  stretch of uninterrupted audio, whose output is handed back as whole FLAC frames and cut into records
  at frame boundaries.  Starting a new FLAC stream for every half-second record almost doubled the
  encoding time (encoder set-up, stream header and a short final frame each time); one stream avoids
  that.
* :func:`encode_flac`: one complete, self-contained FLAC stream per record (format version 1, still
  written by tests and accepted by every reader).

Either way the encoder writes into a capturing file object in memory: the plaintext never touches a
file, a temp file or a pipe.  :func:`decode_frames` decodes a record of bare frames on its own by
putting a synthesised stream header (STREAMINFO from the take's rate and channels) in front of them.
"""

from __future__ import annotations

import io
import logging
import struct
from collections.abc import Iterator

import numpy as np
import soundfile as sf

logger = logging.getLogger(__name__)

STREAM_MARKER = b"fLaC"
FIXED_SYNC = b"\xff\xf8"  # a FLAC frame header with a fixed block size
MAX_FRAME_HEADER = 16


def encode_flac(pcm: np.ndarray, samplerate: int) -> bytes:
    """Encode an ``(frames, channels)`` int16 block as one complete FLAC stream."""
    buf = io.BytesIO()
    sf.write(buf, pcm, samplerate, subtype="PCM_16", format="FLAC")
    return buf.getvalue()


def decode_flac(data: bytes) -> tuple[np.ndarray, int]:
    """Decode a complete FLAC stream to an ``(frames, channels)`` int16 array and its sample rate."""
    pcm, rate = sf.read(io.BytesIO(data), dtype="int16", always_2d=True)
    return pcm, int(rate)


def iter_flac(data: bytes, samplerate: int, channels: int, max_frames: int,
              block: int = 1 << 16) -> Iterator[np.ndarray]:  # fmt: skip
    """Decode a complete FLAC stream ``block`` frames at a time, refusing more than ``max_frames``.

    For FLAC from elsewhere (a bundle on a study store): memory stays at one block whatever the stream
    claims, so a small stream that decodes to gigabytes (a "FLAC bomb") is refused once it passes
    ``max_frames``, never held whole.  ValueError for anything that is not such a stream.
    """
    try:
        with sf.SoundFile(io.BytesIO(data)) as f:
            if f.format != "FLAC" or f.samplerate != samplerate or f.channels != channels:
                raise ValueError("not a FLAC stream of the announced rate and channels")
            total = 0
            while True:
                pcm: np.ndarray = f.read(block, dtype="int16", always_2d=True)
                if not len(pcm):
                    return
                total += len(pcm)
                if total > max_frames:
                    raise ValueError(f"holds more than the {max_frames} frames announced")
                yield pcm
    except sf.LibsndfileError as exc:
        raise ValueError("not valid FLAC") from exc


def stream_header(samplerate: int, channels: int, frames: int) -> bytes:
    """``fLaC`` and a STREAMINFO block (16-bit, ``frames`` samples, no MD5) for bare FLAC frames."""
    if not 1 <= samplerate < 1 << 20 or not 1 <= channels <= 8 or not 0 <= frames < 1 << 36:
        raise ValueError("stream parameters out of range")
    packed = (samplerate << 44) | ((channels - 1) << 41) | (15 << 36) | frames
    body = struct.pack(">HH", 16, 65535) + bytes(6) + packed.to_bytes(8, "big") + bytes(16)
    return STREAM_MARKER + bytes([0x80, 0, 0, len(body)]) + body


def decode_frames(payload: bytes, samplerate: int, channels: int, frames: int) -> np.ndarray:
    """Decode a run of whole FLAC frames holding ``frames`` samples; ValueError if it holds fewer."""
    data = stream_header(samplerate, channels, frames) + payload
    try:
        with sf.SoundFile(io.BytesIO(data)) as f:
            if f.samplerate != samplerate or f.channels != channels:
                raise ValueError("FLAC frames do not match the stream format")
            pcm: np.ndarray = f.read(frames, dtype="int16", always_2d=True)
    except sf.LibsndfileError as exc:  # a short read ends in a failed seek inside soundfile
        raise ValueError("FLAC frames hold fewer samples than announced") from exc
    if pcm.shape[0] != frames:
        raise ValueError("FLAC frames hold fewer samples than announced")
    return pcm


# --------------------------------------------------------------------------- frame headers
def _crc8_table() -> list[int]:
    table = []
    for i in range(256):
        crc = i
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
        table.append(crc)
    return table


_CRC8 = _crc8_table()


def _crc8(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc = _CRC8[crc ^ byte]
    return crc


def parse_frame_header(data: bytes | bytearray | memoryview) -> tuple[int, int] | None:
    """``(frame number, block size)`` of a fixed-block-size FLAC frame header at ``data[0]``, else None.

    The header's CRC-8 is checked, so stray bytes are not mistaken for a header.
    """
    head = bytes(data[:MAX_FRAME_HEADER])
    if len(head) < 6 or head[:2] != FIXED_SYNC:
        return None
    bs_code, sr_code = head[2] >> 4, head[2] & 0x0F
    if bs_code == 0 or sr_code == 15 or head[3] & 0x01:
        return None
    first = head[4]
    if first < 0x80:
        number, extra = first, 0
    elif 0xC0 <= first < 0xE0:
        number, extra = first & 0x1F, 1
    elif 0xE0 <= first < 0xF0:
        number, extra = first & 0x0F, 2
    elif 0xF0 <= first < 0xF8:
        number, extra = first & 0x07, 3
    elif 0xF8 <= first < 0xFC:
        number, extra = first & 0x03, 4
    elif 0xFC <= first < 0xFE:
        number, extra = first & 0x01, 5
    else:
        return None
    pos = 5
    for _ in range(extra):
        if pos >= len(head) or head[pos] & 0xC0 != 0x80:
            return None
        number = (number << 6) | (head[pos] & 0x3F)
        pos += 1
    if bs_code == 1:
        blocksize = 192
    elif bs_code <= 5:
        blocksize = 576 << (bs_code - 2)
    elif bs_code == 6:
        blocksize, pos = (head[pos] + 1 if pos < len(head) else 0), pos + 1
    elif bs_code == 7:
        blocksize, pos = int.from_bytes(head[pos : pos + 2], "big") + 1, pos + 2
    else:
        blocksize = 256 << (bs_code - 8)
    pos += {12: 1, 13: 2, 14: 2}.get(sr_code, 0)
    if pos >= len(head) or blocksize == 0 or _crc8(head[:pos]) != head[pos]:
        return None
    return number, blocksize


class _Capture:
    """The encoder's output file, in memory: keeps appended bytes until taken, ignores rewrites.

    libFLAC writes each frame with one call at the end of the stream; at the end of a stream it seeks
    back to patch STREAMINFO, which (like the stream header itself) is not kept.
    """

    def __init__(self) -> None:
        self.pos = 0
        self.end = 0
        self.data = bytearray()
        self.starts: list[int] = []  # offsets in ``data`` where a write began

    def write(self, data: bytes) -> int:
        n = len(data)
        if self.pos == self.end:
            self.starts.append(len(self.data))
            self.data += data
            self.end += n
        elif self.pos + n > self.end:  # pragma: no cover - libFLAC never does this
            raise OSError("FLAC encoder overwrote the end of its stream")
        self.pos += n
        return n

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self.pos, 2: self.end}[whence]
        self.pos = base + offset
        return self.pos

    def tell(self) -> int:
        return self.pos

    def read(self, n: int = -1) -> bytes:  # pragma: no cover - the encoder never reads back
        return b""


class FlacStreamEncoder:
    """One long-lived FLAC encoder (16-bit PCM) whose output comes back as whole frames.

    :meth:`encode` feeds samples and returns the FLAC frames completed so far and how many samples
    they hold; the encoder keeps back up to one block (4096 samples with libsndfile's settings) until
    more audio or :meth:`finish` arrives.  :meth:`finish` ends the stream (its last frame may be
    short); the next :meth:`encode` begins a new one.  Nothing is written anywhere but memory.
    """

    def __init__(self, samplerate: int, channels: int) -> None:
        self.samplerate = int(samplerate)
        self.channels = int(channels)
        self._sf: sf.SoundFile | None = None
        self._cap = _Capture()
        self._meta_end = -1  # offset in the capture where the frames begin, once known
        self._next_frame = 0
        self._fed = 0
        self._emitted = 0

    @property
    def pending(self) -> int:
        """Samples fed but not yet returned inside a frame."""
        return self._fed - self._emitted

    def encode(self, pcm: np.ndarray) -> tuple[bytes, int]:
        if pcm.ndim != 2 or pcm.shape[1] != self.channels:
            raise ValueError("audio block has the wrong channel count")
        if self._sf is None:
            self._cap = _Capture()
            self._meta_end, self._next_frame = -1, 0
            self._sf = sf.SoundFile(self._cap, "w", self.samplerate, self.channels, "PCM_16", format="FLAC")
        self._sf.write(np.ascontiguousarray(pcm, dtype=np.int16))
        self._fed += pcm.shape[0]
        return self._take()

    def finish(self) -> tuple[bytes, int]:
        """End the current stream and return its remaining frames (``(b"", 0)`` if none is open)."""
        if self._sf is None:
            return b"", 0
        f, self._sf = self._sf, None
        f.close()
        out = self._take()
        if self.pending:
            raise RuntimeError(f"the FLAC encoder kept {self.pending} samples at the end of a stream")
        return out

    def _take(self) -> tuple[bytes, int]:
        cap = self._cap
        if self._meta_end < 0:
            self._meta_end = _metadata_end(cap.data)
            if self._meta_end < 0:
                return b"", 0
        start = self._meta_end
        data = cap.data
        samples = 0
        for s in cap.starts:
            if s < start:
                continue
            parsed = parse_frame_header(memoryview(data)[s : s + MAX_FRAME_HEADER])
            if parsed is None or parsed[0] != self._next_frame:
                if s == start:
                    raise RuntimeError("unexpected FLAC encoder output (no frame header)")
                continue  # a frame handed over in more than one write
            self._next_frame += 1
            samples += parsed[1]
        out = bytes(data[start:])
        # Only the bytes not yet handed out are kept; offsets restart at 0.
        cap.data = bytearray()
        cap.starts = []
        self._meta_end = 0
        self._emitted += samples
        if self._emitted > self._fed:
            raise RuntimeError("FLAC frames hold more samples than were fed")
        return out, samples


def _metadata_end(data: bytearray) -> int:
    """Offset just past the stream marker and metadata blocks, or -1 while they are incomplete."""
    if len(data) < 4:
        return -1
    if data[:4] != STREAM_MARKER:
        raise RuntimeError("unexpected FLAC encoder output (no stream marker)")
    pos = 4
    while pos + 4 <= len(data):
        last = data[pos] & 0x80
        length = int.from_bytes(data[pos + 1 : pos + 4], "big")
        pos += 4 + length
        if last:
            return pos if pos <= len(data) else -1
    return -1
