"""The encrypted, append-only recording container (one file per take).

Why a container of records rather than one encrypted blob: a take must survive ``kill -9`` or a power
cut with at most a second lost, so audio is written as small, independently authenticated records
that are fsync'd as they are produced.  Every record is sealed with ChaCha20-Poly1305 under a
per-recording subkey (HKDF-SHA256 over the caller's 32-byte key, a random salt and the recording id).
The record index is part of the associated data, which also binds the SHA-256 of the file header, so
altered bytes, swapped records, a swapped header and a cut-off tail are all detected.  Nonces come from
two domains that never meet: AUDIO, PAUSE and RESUME records use their index; a FINAL record (written
when a take is sealed, or by recovery, possibly at the index of a record that was torn or cut back) uses
a random nonce of its own domain stored in its frame, so no two records of a take ever share a nonce,
however often a write fails or a recovery is repeated on a copy.  A take is *sealed* by a final record
carrying the totals, followed by a short plaintext trailer that lets :func:`is_sealed` tell sealed from
interrupted files without the key.

The container does not look inside AUDIO payloads; what they hold (a complete FLAC stream in format
version 1, whole FLAC frames of a longer stream in version 2) is the business of ``stream.py``.  New
takes are version 3 (the payloads of 2); versions 1-3 are read.  The complete byte layout is documented
in ``docs/recording-format.md``.

Public pieces: :class:`ContainerWriter` (append records), :func:`iter_records` (verify and yield),
:func:`is_sealed`, :func:`read_header`.
"""

from __future__ import annotations

import enum
import errno
import functools
import hashlib
import json
import logging
import os
import secrets
import struct
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldwork_app.errors import ErrorKind, FieldworkError, InvalidInput
from fieldwork_app.fsutil import fsync_dir

logger = logging.getLogger(__name__)

FILE_MAGIC = b"FWAUDIO1"
FRAME_MAGIC = b"FR"
TRAILER_MAGIC = b"FWSEALED"
FORMAT_VERSION = 3  # written by the recorder; see docs/recording-format.md
READABLE_VERSIONS = (1, 2, 3)
KEY_BYTES = 32
SALT_BYTES = 16
TAG_BYTES = 16
HKDF_INFO = b"fieldwork-audio-record-v1:"
MAX_HEADER_BYTES = 64 * 1024
MAX_RECORD_BYTES = 64 * 1024 * 1024
SYNC_SECONDS = 0.25  # at most this much wall time between fsyncs of audio records
NONCE_BYTES = 12
FLAG_OWN_NONCE = 0x01  # the record's 12-byte nonce follows its frame header (FINAL records only)
FINAL_NONCE_DOMAIN = b"\x01"  # first nonce byte of FINAL records; index nonces begin with zero bytes

# magic, type, flags, index, start_frame, frames, ciphertext length
FRAME = struct.Struct(">2sBBIQII")
TRAILER = struct.Struct(">8sQ")
HEADER_LEN = struct.Struct(">I")

Opener = Callable[[Path], BinaryIO]


class RecordType(enum.IntEnum):
    AUDIO = 1
    PAUSE = 2
    RESUME = 3
    FINAL = 4


@dataclass(frozen=True)
class Header:
    """The plaintext header: nothing secret, everything needed to derive the key and decode."""

    recording_id: str
    kind: str
    samplerate: int
    channels: int
    salt: bytes
    created: str
    raw: bytes  # the exact bytes on disk (magic + length + JSON), hashed into every record's AAD
    version: int = FORMAT_VERSION

    @functools.cached_property
    def digest(self) -> bytes:
        return hashlib.sha256(self.raw).digest()


@dataclass(frozen=True)
class Record:
    type: RecordType
    index: int
    start_frame: int
    frames: int
    payload: bytes
    offset: int  # file offset of the frame header
    end: int  # file offset just past the record
    header: Header | None = None  # the take's header (the format version and stream parameters)


def damaged(path: Path, message: str) -> FieldworkError:
    return FieldworkError(f"{path.name}: {message}", kind=ErrorKind.RECORDING_DAMAGED)


def derive_key(key: bytes, header: Header) -> ChaCha20Poly1305:
    """A per-recording subkey, so one study key never encrypts two records with the same nonce."""
    if not isinstance(key, bytes | bytearray) or len(key) != KEY_BYTES:
        raise InvalidInput(f"recording key must be {KEY_BYTES} bytes")
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=header.salt,
        info=HKDF_INFO + header.recording_id.encode("utf-8"),
    )
    return ChaCha20Poly1305(hkdf.derive(bytes(key)))


def _nonce(index: int) -> bytes:
    return b"\x00\x00\x00\x00" + index.to_bytes(8, "big")


def final_nonce() -> bytes:
    """A FINAL record's nonce: its own domain (first byte 1, never an index nonce) and 88 random bits, so
    a second FINAL record at the same index (after a failed write or a repeated recovery) never repeats
    one."""
    return FINAL_NONCE_DOMAIN + secrets.token_bytes(NONCE_BYTES - 1)


def _aad(header: Header, frame: bytes) -> bytes:
    return header.digest + frame


def seal_record(
    aead: ChaCha20Poly1305,
    header: Header,
    rtype: RecordType,
    index: int,
    start_frame: int,
    frames: int,
    payload: bytes,
) -> bytes:
    """Frame header + ciphertext of one record (the frame header is authenticated as AAD).

    A FINAL record gets a fresh nonce from its own domain, written after the frame header (flag
    ``FLAG_OWN_NONCE``; also when recovery seals an older take); every other record's nonce is its index."""
    own = rtype is RecordType.FINAL
    flags = FLAG_OWN_NONCE if own else 0
    frame = FRAME.pack(FRAME_MAGIC, int(rtype), flags, index, start_frame, frames, len(payload) + TAG_BYTES)
    nonce = final_nonce() if own else _nonce(index)
    return frame + (nonce if own else b"") + aead.encrypt(nonce, payload, _aad(header, frame))


def build_header(
    recording_id: str, kind: str, samplerate: int, channels: int, *, version: int = FORMAT_VERSION
) -> Header:
    """A new take's header.  ``version=1`` exists to make old-format takes in tests."""
    if not recording_id or len(recording_id) > 200:
        raise InvalidInput("recording_id must be 1-200 characters")
    if version not in READABLE_VERSIONS:
        raise InvalidInput(f"unknown recording format version {version}")
    salt = secrets.token_bytes(SALT_BYTES)
    created = datetime.now(UTC).isoformat(timespec="milliseconds")
    body = {
        "format": "fieldwork-audio",
        "version": version,
        "recording_id": recording_id,
        "kind": kind,
        "samplerate": int(samplerate),
        "channels": int(channels),
        "sample_format": "int16",
        "codec": "flac",
        "aead": "chacha20-poly1305",
        "kdf": "hkdf-sha256",
        "salt": salt.hex(),
        "created": created,
    }
    js = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")
    raw = FILE_MAGIC + HEADER_LEN.pack(len(js)) + js
    return Header(recording_id, kind, int(samplerate), int(channels), salt, created, raw, version)


def read_header(path: Path, f: BinaryIO | None = None) -> Header:
    """Parse the plaintext header (no key needed); raise RECORDING_DAMAGED naming the problem."""
    own = f is None
    fh = open(path, "rb") if f is None else f  # noqa: SIM115 - closed below when owned
    try:
        fh.seek(0)
        start = fh.read(len(FILE_MAGIC) + HEADER_LEN.size)
        if len(start) < len(FILE_MAGIC) + HEADER_LEN.size or start[: len(FILE_MAGIC)] != FILE_MAGIC:
            raise damaged(path, "not a Fieldwork recording (bad or missing header)")
        (n,) = HEADER_LEN.unpack(start[len(FILE_MAGIC) :])
        if n > MAX_HEADER_BYTES:
            raise damaged(path, "header length is implausible")
        js = fh.read(n)
        if len(js) != n:
            raise damaged(path, "truncated inside the header")
        try:
            body = json.loads(js)
            version = int(body["version"])
            header = Header(
                recording_id=str(body["recording_id"]),
                kind=str(body["kind"]),
                samplerate=int(body["samplerate"]),
                channels=int(body["channels"]),
                salt=bytes.fromhex(body["salt"]),
                created=str(body["created"]),
                raw=start + js,
                version=version,
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise damaged(path, "header is not valid") from exc
        if version not in READABLE_VERSIONS:
            raise damaged(path, f"unsupported format version {version}")
        return header
    finally:
        if own:
            fh.close()


try:  # POSIX: an advisory lock marks a take as live to every process (the app and the CLI alike)
    import fcntl
except ImportError:  # pragma: no cover - Windows: the in-process registry below still applies
    fcntl = None  # type: ignore[assignment]

_LIVE: set[str] = set()  # take files this process is writing now


def is_live(path: Path) -> bool:
    """Whether a recorder (in this process or another) is still writing ``path``: never recover it."""
    if str(Path(path).resolve()) in _LIVE:
        return True
    if fcntl is None:  # pragma: no cover
        return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def _default_opener(path: Path) -> BinaryIO:
    # Exclusive create: an existing recording is never overwritten.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    return os.fdopen(fd, "wb", buffering=0)


class ContainerWriter:
    """Appends sealed records to a new take file and fsyncs each one.

    ``opener`` exists so tests can substitute a file object that fails like a full disk; it must
    return an unbuffered binary file with a real ``fileno()``.
    """

    def __init__(self, path: Path, key: bytes, header: Header, *, opener: Opener | None = None) -> None:
        self.path = path
        self.header = header
        self._aead = derive_key(key, header)
        self._f = (opener or _default_opener)(path)
        self._live = str(Path(path).resolve())
        _LIVE.add(self._live)
        if fcntl is not None:
            try:
                fcntl.flock(self._f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                logger.warning("could not lock a new take file; this process still treats it as live")
        self.index = 0
        self.frames = 0
        self.audio_records = 0
        self.pauses = 0
        self.good_end = 0
        self.closed = False
        self.failed = False  # a write failed: the file was cut back, and only seal() may follow
        self._last_sync = 0.0
        try:
            self._write(header.raw)
            self.good_end = len(header.raw)
        except BaseException:
            _LIVE.discard(self._live)
            self._f.close()
            raise
        fsync_dir(path.parent)

    def _write(self, data: bytes, *, force_sync: bool = True) -> None:
        view = memoryview(data)
        while view:
            n = self._f.write(view)
            if n is None or n <= 0:
                raise OSError("short write")
            view = view[n:]
        # Each write reaches the kernel at once (unbuffered), so kill -9 loses nothing written;
        # fsync bounds what a power cut can lose to SYNC_SECONDS of wall time.
        now = time.monotonic()
        if force_sync or now - self._last_sync >= SYNC_SECONDS:
            os.fsync(self._f.fileno())
            self._last_sync = now

    def append(self, rtype: RecordType, payload: bytes, frames: int = 0) -> None:
        """Seal and append one record; on a failed write (an OSError, or anything else raised while writing)
        the file is cut back to the last whole record.

        After a failed write no further record may be appended (its index nonce was used by the record
        that failed, and part of it may have reached the disk); only :meth:`seal` may follow, whose FINAL
        record has a nonce of its own domain."""
        if self.failed:
            raise OSError(errno.EIO, "a write to this take failed earlier; it can only be sealed now")
        if rtype is RecordType.FINAL:
            raise InvalidInput("a take is sealed with seal(), not append()")
        data = seal_record(self._aead, self.header, rtype, self.index, self.frames, frames, payload)
        try:
            self._write(data, force_sync=rtype is not RecordType.AUDIO)
        except BaseException as exc:
            self.failed = True
            if isinstance(exc, Exception):  # the process goes on (a dying one leaves a torn tail to recover)
                self._cut_back()
            raise
        self.good_end += len(data)
        self.index += 1
        if rtype is RecordType.AUDIO:
            self.frames += frames
            self.audio_records += 1
        elif rtype is RecordType.PAUSE:
            self.pauses += 1

    def _cut_back(self) -> None:
        try:
            os.ftruncate(self._f.fileno(), self.good_end)
            os.lseek(self._f.fileno(), self.good_end, os.SEEK_SET)  # a partial write moved the offset on
            os.fsync(self._f.fileno())
        except OSError:
            logger.warning("could not cut a failed write back to the last whole record")

    def seal(self, *, reason: str, recovered: bool = False, ended: str | None = None) -> None:
        """Append the final record (with totals) and the plaintext trailer, then close.

        ``ended`` (UTC ISO) is the moment the take ended, when that was before this call (a Stop pressed
        while the device took its time to close); by default, now."""
        totals = final_payload(
            self.index + 1, self.frames, self.audio_records, self.pauses, reason, recovered, ended
        )
        if self.failed:  # whatever stopped the failed write, the final record follows the last whole one
            self._cut_back()
        start = self.good_end
        data = seal_record(self._aead, self.header, RecordType.FINAL, self.index, self.frames, 0, totals)
        try:
            # The final record and the trailer go out in one write and one fsync.
            self._write(data + TRAILER.pack(TRAILER_MAGIC, start))
        except Exception:  # whatever the failure, no part of a final record is left behind
            self._cut_back()
            raise
        self.good_end += len(data) + TRAILER.size
        self.index += 1
        self.close()

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            try:
                self._f.close()  # releases the lock
            except OSError:
                logger.warning("closing a take file failed")
            _LIVE.discard(self._live)


def final_payload(
    records: int, frames: int, audio: int, pauses: int, reason: str, recovered: bool, ended: str | None = None
) -> bytes:
    body = {
        "records": records,
        "frames": frames,
        "audio_records": audio,
        "pauses": pauses,
        "reason": reason,
        "recovered": recovered,
        "ended": ended or datetime.now(UTC).isoformat(timespec="milliseconds"),
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")


def is_sealed(path: Path) -> bool:
    """True when the file ends with a trailer pointing at a final record frame (no key needed)."""
    try:
        with open(path, "rb") as f:
            size = f.seek(0, os.SEEK_END)
            if size < TRAILER.size + FRAME.size:
                return False
            f.seek(size - TRAILER.size)
            magic, offset = TRAILER.unpack(f.read(TRAILER.size))
            if magic != TRAILER_MAGIC or offset + FRAME.size > size - TRAILER.size:
                return False
            f.seek(offset)
            fm, rtype, flags, _i, _s, _n, length = FRAME.unpack(f.read(FRAME.size))
            extra = NONCE_BYTES if flags & FLAG_OWN_NONCE else 0
            return bool(
                fm == FRAME_MAGIC
                and rtype == RecordType.FINAL
                and offset + FRAME.size + extra + length == size - TRAILER.size
            )
    except OSError:
        return False


def iter_records(path: Path, key: bytes, *, allow_torn_tail: bool = False) -> Iterator[Record]:
    """Verify and yield every record in order, raising RECORDING_DAMAGED at the first problem.

    With ``allow_torn_tail`` (recovery only) an incomplete or unauthentic *last* record ends the
    iteration quietly instead, and a missing final record is not an error.
    """
    with open(path, "rb") as f:
        header = read_header(path, f)
        yield from _iter_open(path, f, header, derive_key(key, header), allow_torn_tail)


def _iter_open(
    path: Path, f: BinaryIO, header: Header, aead: ChaCha20Poly1305, allow_torn_tail: bool
) -> Iterator[Record]:
    size = f.seek(0, os.SEEK_END)
    pos = len(header.raw)
    f.seek(pos)
    expected = 0
    frames = 0
    final_seen = False
    while True:
        if final_seen:
            rest = f.read(TRAILER.size + 1)
            if len(rest) != TRAILER.size or TRAILER.unpack(rest)[0] != TRAILER_MAGIC:
                raise damaged(path, f"unexpected data after the final record (record {expected - 1})")
            return
        raw = f.read(FRAME.size)
        if not raw:
            if allow_torn_tail:
                return
            raise damaged(path, f"truncated: no final record after record {expected - 1} (interrupted take)")
        if len(raw) < FRAME.size:
            if allow_torn_tail:
                return
            raise damaged(path, f"truncated: record {expected} is incomplete")
        fm, rtype, flags, index, start_frame, nframes, length = FRAME.unpack(raw)
        own = bool(flags & FLAG_OWN_NONCE)
        # Only a FINAL record has a nonce of its own, and from version 3 on it always has one.
        must_own = rtype == RecordType.FINAL and header.version >= 3
        if (
            fm != FRAME_MAGIC
            or length < TAG_BYTES
            or length > MAX_RECORD_BYTES
            or flags & ~FLAG_OWN_NONCE
            or (own and rtype != RecordType.FINAL)
            or (must_own and not own)
        ):
            if allow_torn_tail and _rest_is_zero(f, pos, size):
                return  # a power cut can leave zero-filled blocks where the last record was going
            raise damaged(path, f"record {expected} is altered (bad frame header)")
        if index != expected:
            raise damaged(path, f"records out of order: expected record {expected}, found record {index}")
        extra = NONCE_BYTES if own else 0
        nonce = f.read(extra) if own else _nonce(index)
        ct = f.read(length)
        if len(nonce) < NONCE_BYTES or len(ct) < length:
            if allow_torn_tail:
                return
            raise damaged(path, f"truncated: record {expected} is incomplete")
        if own and nonce[:1] != FINAL_NONCE_DOMAIN:
            raise damaged(
                path, f"record {expected} is altered (its nonce is outside the final records' domain)"
            )
        try:
            payload = aead.decrypt(nonce, ct, _aad(header, raw))
            rt = RecordType(rtype)
        except (InvalidTag, ValueError) as exc:
            if allow_torn_tail and pos + FRAME.size + extra + length == size:
                return
            raise damaged(path, f"record {expected} is altered (authentication failed)") from exc
        if start_frame != frames:
            raise damaged(path, f"record {expected} is out of place (frame {start_frame}, expected {frames})")
        end = pos + FRAME.size + extra + length
        rec = Record(rt, index, start_frame, nframes, payload, pos, end, header)
        if rt is RecordType.AUDIO:
            frames += nframes
        elif rt is RecordType.FINAL:
            totals = parse_final(path, rec)
            if totals.get("records") != index + 1 or totals.get("frames") != frames:
                raise damaged(path, f"final record {index} totals do not match the records")
            final_seen = True
        yield rec
        pos = end
        expected += 1


def _rest_is_zero(f: BinaryIO, pos: int, size: int) -> bool:
    f.seek(pos)
    while True:
        chunk = f.read(1 << 20)
        if not chunk:
            return True
        if chunk.count(0) != len(chunk):
            return False


def parse_final(path: Path, rec: Record) -> dict[str, Any]:
    try:
        body = json.loads(rec.payload)
    except ValueError as exc:
        raise damaged(path, f"final record {rec.index} is not valid") from exc
    if not isinstance(body, dict):
        raise damaged(path, f"final record {rec.index} is not valid")
    return body


def event_payload(position_frames: int, note: str = "", *, wall: str | None = None) -> bytes:
    """A PAUSE or RESUME record's payload; ``wall`` is when it happened (by default, now)."""
    body = {
        "wall": wall or datetime.now(UTC).isoformat(timespec="milliseconds"),
        "position_frames": position_frames,
    }
    if note:
        body["note"] = note
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")
