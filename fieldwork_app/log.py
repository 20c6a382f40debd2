"""Logging without plaintext on disk.

Log records never carry participant data, passphrases or keys (a rule for every call site).  Even so,
the log file is encrypted: each line is sealed with AES-256-GCM under a sub-key of the vault's data key,
so a lost laptop's log shows nothing.  Until a vault is unlocked there is no key; records are kept in a
small in-memory buffer and written once a key arrives.  ``fieldwork log show`` decrypts it.

Lines are chained: each carries its sequence number and the SHA-256 of the line before it in the clear,
and both are part of its associated data, so a line dropped, moved, repeated or taken from elsewhere is
reported by ``log show``.  Appends hold an ``flock`` on the file, so the app and a command writing at
once keep one chain.  Lines of the first format (one constant associated data) are still read, but only
before the first chained line: one after it was inserted or replayed, and is reported.

Full tracebacks go to this log only: on stderr an error is one line, unless ``-v`` was given.
"""

from __future__ import annotations

import base64
import collections
import hashlib
import logging
import os
import struct
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldwork_app.domain.text import terminal_safe

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

_FMT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MAX_BYTES = 2 * 1024 * 1024
LOG_NAME = "fieldwork.log.enc"
OLD_LOG_NAME = "fieldwork.log.1.enc"
LOCK_NAME = "fieldwork.log.lock"  # the appenders' flock; never renamed
_V1_AAD = b"fieldwork-log-v1"
_V2_MAGIC = b"L2"
_V2_HEAD = struct.Struct(">2sQ32s")  # magic, sequence number, SHA-256 of the previous line
GENESIS = b"\0" * 32
FILE_ONLY = "fieldwork_file_only"  # logger.exception(..., extra={FILE_ONLY: True}): the encrypted log only


class EncryptedFileHandler(logging.Handler):
    """Appends one AES-GCM-sealed, chained line per record to ``logs/fieldwork.log.enc`` (rotated at 2 MiB)."""

    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self._aead: AESGCM | None = None
        self._path: Path | None = None
        self._pending: collections.deque[str] = collections.deque(maxlen=500)
        self._io_lock = threading.Lock()
        self.setFormatter(logging.Formatter(_FMT))

    @property
    def logs_dir(self) -> Path | None:
        return self._path.parent if self._path is not None else None

    def attach(self, logs_dir: Path, key: bytes) -> None:
        logs_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        with self._io_lock:
            self._aead = AESGCM(key)
            self._path = logs_dir / LOG_NAME
            pending = list(self._pending)
            self._pending.clear()
        for line in pending:
            self._write(line)

    def detach(self) -> None:
        with self._io_lock:
            self._aead = None
            self._path = None

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
        except Exception:  # pragma: no cover - formatting errors must never break the app
            return
        if self._aead is None:
            self._pending.append(line)
            return
        self._write(line)

    def _write(self, line: str) -> None:
        with self._io_lock:
            if self._aead is None or self._path is None:
                self._pending.append(line)
                return
            try:
                append_line(self._path, self._aead, line)
            except OSError:
                pass


def _open_append(path: Path) -> int:
    return os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)


def _chain_end(path: Path) -> tuple[int, bytes]:
    """The sequence number and digest of the last chained line of ``path`` (0, GENESIS if none)."""
    try:
        size = path.stat().st_size
    except OSError:
        return 0, GENESIS
    span = 8 * 1024
    while True:  # the last few lines are enough, unless a line is longer (a traceback)
        with open(path, "rb") as fh:
            start = fh.seek(max(0, size - span))
            tail = fh.read()
        if start > 0:
            tail = tail.split(b"\n", 1)[1] if b"\n" in tail else b""  # a line cut by the seek is skipped
        found = _last_chained(tail)
        if found is not None or span >= size or span >= 1024 * 1024:
            return found or (0, GENESIS)
        span *= 8


def _last_chained(tail: bytes) -> tuple[int, bytes] | None:
    for raw in reversed(tail.splitlines()):
        try:
            sealed = base64.b64decode(raw, validate=True)
        except ValueError:
            continue
        if len(sealed) > _V2_HEAD.size and sealed[:2] == _V2_MAGIC:
            _magic, seq, _prev = _V2_HEAD.unpack(sealed[: _V2_HEAD.size])
            return seq, hashlib.sha256(sealed).digest()
    return None


def _ends_torn(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            size = fh.seek(0, os.SEEK_END)
            if size == 0:
                return False
            fh.seek(size - 1)
            return fh.read(1) != b"\n"
    except OSError:
        return False


def seal_line(aead: AESGCM, seq: int, prev: bytes, text: str) -> bytes:
    head = _V2_HEAD.pack(_V2_MAGIC, seq, prev)
    nonce = os.urandom(12)
    return head + nonce + aead.encrypt(nonce, text.encode("utf-8"), head)


def append_line(path: Path, aead: AESGCM, text: str) -> None:
    """Append one chained line, holding an flock so that two processes keep one chain.  The lock is on a
    file of its own that is never renamed: the log file itself is opened only once the lock is held, so a
    writer that waited while another rotated the log writes into the new file, never the rotated one."""
    lock_fd = os.open(path.with_name(LOCK_NAME), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if fcntl is not None:
            fcntl.flock(lock_fd, fcntl.LOCK_EX)
        seq, prev = _chain_end(path)
        if seq == 0 and (not path.exists() or path.stat().st_size == 0):
            seq, prev = _chain_end(path.with_name(OLD_LOG_NAME))
        if path.exists() and path.stat().st_size > _MAX_BYTES:
            os.replace(path, path.with_name(OLD_LOG_NAME))
        sealed = seal_line(aead, seq + 1, prev, text)
        out = base64.b64encode(sealed) + b"\n"
        if _ends_torn(path):
            out = (
                b"\n" + out
            )  # a line cut short by a crash stays a line of its own (reported), not this one's start
        fd = _open_append(path)
        try:
            os.write(fd, out)
        finally:
            os.close(fd)
    finally:
        os.close(lock_fd)


@dataclass
class LogReport:
    lines: list[str]
    problems: list[str]


def read_log(logs_dir: Path, key: bytes) -> Iterator[str]:
    yield from check_log(logs_dir, key).lines


def check_log(logs_dir: Path, key: bytes) -> LogReport:
    """Decrypt the log and check its chain: gaps, lines out of order or repeated, replaced lines."""
    aead = AESGCM(key)
    lines: list[str] = []
    problems: list[str] = []

    def problem(text: str) -> None:
        problems.append(text)
        lines.append(f"[{text}]")

    expected: int | None = None
    prev = GENESIS
    for path in (logs_dir / OLD_LOG_NAME, logs_dir / LOG_NAME):
        rotated = path.name == OLD_LOG_NAME
        if not path.exists():
            continue
        for raw in path.read_bytes().splitlines():
            try:
                sealed = base64.b64decode(raw, validate=True)
            except ValueError:
                problem("a damaged log line was skipped")
                continue
            if len(sealed) <= _V2_HEAD.size or sealed[:2] != _V2_MAGIC:
                try:  # a line of the first format, before lines were chained
                    text = aead.decrypt(sealed[:12], sealed[12:], _V1_AAD).decode("utf-8")
                except (ValueError, InvalidTag):
                    problem("a damaged log line was skipped")
                    continue
                if expected is not None:  # first-format lines were all written before the first chained one
                    problem("a line of the first format after chained lines (inserted or replayed) was skipped")
                else:
                    lines.append(text)
                continue
            head = sealed[: _V2_HEAD.size]
            _magic, seq, line_prev = _V2_HEAD.unpack(head)
            nonce, ct = sealed[_V2_HEAD.size : _V2_HEAD.size + 12], sealed[_V2_HEAD.size + 12 :]
            try:
                text = aead.decrypt(nonce, ct, head).decode("utf-8")
            except (ValueError, InvalidTag):
                problem("a damaged log line was skipped")
                continue
            if expected is None:
                if seq != 1 and rotated:
                    lines.append(f"[the log starts at line {seq}: older lines were rotated away]")
                elif seq != 1:
                    problem(f"{seq - 1} log line(s) missing before line {seq}")
            elif seq > expected:
                problem(f"{seq - expected} log line(s) missing before line {seq}")
            elif seq < expected:
                problem(f"log line {seq} is out of order or repeated (line {expected} was expected)")
            elif line_prev != prev:
                problem(f"log line {seq} does not follow the line before it (lines were replaced)")
            lines.append(text)
            prev = hashlib.sha256(sealed).digest()
            expected = seq + 1 if expected is None else max(expected, seq + 1)
    return LogReport(lines, problems)


def reseal(src_dir: Path, old_key: bytes, dst_dir: Path, new_key: bytes) -> None:
    """Write the whole log (both files) as one new chain under ``new_key`` into ``dst_dir`` (re-key)."""
    report = check_log(src_dir, old_key)
    aead = AESGCM(new_key)
    dst_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    out = dst_dir / LOG_NAME
    prev = GENESIS
    with open(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as fh:
        for seq, text in enumerate(report.lines, start=1):
            sealed = seal_line(aead, seq, prev, text)
            fh.write(base64.b64encode(sealed) + b"\n")
            prev = hashlib.sha256(sealed).digest()
        fh.flush()
        os.fsync(fh.fileno())


class _TerminalSafe(logging.Formatter):
    """stderr is a terminal: no control character or bidi override in a message reaches it."""

    def format(self, record: logging.LogRecord) -> str:
        return terminal_safe(super().format(record))


class _OneLine(_TerminalSafe):
    """stderr without -v: the message only, never a traceback (that goes to the encrypted log)."""

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        try:
            return super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved


_handler: EncryptedFileHandler | None = None


def setup(verbose: bool = False) -> EncryptedFileHandler:
    """Configure logging once: encrypted file (INFO) and stderr (WARNING, or DEBUG with ``verbose``)."""
    global _handler
    root = logging.getLogger()
    if _handler is None:
        _handler = EncryptedFileHandler()
        root.addHandler(_handler)
        err = logging.StreamHandler(sys.stderr)
        fmt = "%(levelname)s %(name)s: %(message)s"
        err.setFormatter(_TerminalSafe(fmt) if verbose else _OneLine(fmt))
        err.setLevel(logging.DEBUG if verbose else logging.WARNING)
        err.addFilter(lambda record: not getattr(record, FILE_ONLY, False))
        root.addHandler(err)
        root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return _handler


def attach_vault(logs_dir: Path, key: bytes) -> None:
    setup().attach(logs_dir, key)


def detach_vault() -> None:
    if _handler is not None:
        _handler.detach()


def attached_dir() -> Path | None:
    return _handler.logs_dir if _handler is not None else None
