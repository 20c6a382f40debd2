"""Logging without plaintext on disk.

Log records never carry participant data, passphrases or keys (a rule for every call site).  Even so,
the log file is encrypted: each line is sealed with AES-256-GCM under a sub-key of the vault's data key,
so a lost laptop's log shows nothing.  Until a vault is unlocked there is no key; records are kept in a
small in-memory buffer and written once a key arrives.  ``fieldwork log show`` decrypts it.
"""

from __future__ import annotations

import base64
import collections
import logging
import os
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_FMT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MAX_BYTES = 2 * 1024 * 1024


class EncryptedFileHandler(logging.Handler):
    """Appends one AES-GCM-sealed line per record to ``logs/fieldwork.log.enc`` (rotated at 2 MiB)."""

    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self._aead: AESGCM | None = None
        self._path: Path | None = None
        self._pending: collections.deque[str] = collections.deque(maxlen=500)
        self._io_lock = threading.Lock()
        self.setFormatter(logging.Formatter(_FMT))

    def attach(self, logs_dir: Path, key: bytes) -> None:
        logs_dir.mkdir(parents=True, exist_ok=True)
        with self._io_lock:
            self._aead = AESGCM(key)
            self._path = logs_dir / "fieldwork.log.enc"
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
            nonce = os.urandom(12)
            sealed = nonce + self._aead.encrypt(nonce, line.encode("utf-8"), b"fieldwork-log-v1")
            try:
                if self._path.exists() and self._path.stat().st_size > _MAX_BYTES:
                    os.replace(self._path, self._path.with_suffix(".1.enc"))
                with open(self._path, "ab") as fh:
                    fh.write(base64.b64encode(sealed) + b"\n")
            except OSError:
                pass


def read_log(logs_dir: Path, key: bytes) -> Iterator[str]:
    aead = AESGCM(key)
    for path in (logs_dir / "fieldwork.log.1.enc", logs_dir / "fieldwork.log.enc"):
        if not path.exists():
            continue
        for raw in path.read_bytes().splitlines():
            try:
                sealed = base64.b64decode(raw)
                yield aead.decrypt(sealed[:12], sealed[12:], b"fieldwork-log-v1").decode("utf-8")
            except (ValueError, InvalidTag):
                yield f"{datetime.now(UTC).isoformat()} [a damaged log line was skipped]"


_handler: EncryptedFileHandler | None = None


def setup(verbose: bool = False) -> EncryptedFileHandler:
    """Configure logging once: encrypted file (INFO) and stderr (WARNING, or DEBUG with ``verbose``)."""
    global _handler
    root = logging.getLogger()
    if _handler is None:
        _handler = EncryptedFileHandler()
        root.addHandler(_handler)
        err = logging.StreamHandler(sys.stderr)
        err.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        err.setLevel(logging.DEBUG if verbose else logging.WARNING)
        root.addHandler(err)
        root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return _handler


def attach_vault(logs_dir: Path, key: bytes) -> None:
    setup().attach(logs_dir, key)


def detach_vault() -> None:
    if _handler is not None:
        _handler.detach()
