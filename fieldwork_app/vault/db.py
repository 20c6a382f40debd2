"""Opening SQLCipher 4 databases with a raw 256-bit key.

The key is handed to SQLCipher as a raw key (``x'…'``) so that no passphrase-based KDF runs in SQLite:
the key hierarchy lives in :mod:`fieldwork_app.vault.keys`.  Settings chosen for a laptop that can be
lost: WAL journal (encrypted like the main file), temp tables in memory (no plaintext spill files),
secure delete, foreign keys.  Every connection belongs to the thread that opened it (sqlcipher3's
``check_same_thread``), which enforces the one-owner rule for the database.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import sqlcipher3
from sqlcipher3 import dbapi2

from fieldwork_app.errors import ErrorCode, ErrorKind, VaultError

logger = logging.getLogger(__name__)

# SQLCipher's memory security (mlock and wipe on free): off, measured and decided in docs/threat-model.md.
_MEMORY_SECURITY = False

class Cursor(Protocol):
    """What a query returns: rows read by column name (``row["id"]``) or position."""

    rowcount: int
    lastrowid: int  # after an INSERT

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Database(Protocol):
    """An open encrypted database, as the services use it (one thread only)."""

    in_transaction: bool

    def execute(self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor: ...


Connection = dbapi2.Connection
DatabaseError = dbapi2.DatabaseError


def damaged(path: Path, what: str) -> VaultError:
    """The vault is damaged: nothing was changed (each face says how to restore it from a backup)."""
    return VaultError(
        f"{path.name} in {path.parent} {what}: the vault is damaged; nothing was changed",
        kind=ErrorKind.VAULT_CORRUPT,
        code=ErrorCode.VAULT_DAMAGED,
        params={"file": path.name, "folder": path.parent},
    )


def open_encrypted(path: Path, key: bytes, *, create: bool = False) -> Any:
    """Open (or create) an encrypted database; raise VaultError if the key does not fit.

    An existing file is never replaced: a missing or empty one (which SQLite would silently treat as a
    new, empty database) stops here with the way to restore from a backup."""
    if not create:
        if not path.exists():
            raise damaged(path, "is missing")
        if path.stat().st_size == 0:
            raise damaged(path, "is empty (0 bytes)")
    elif path.exists() and path.stat().st_size > 0:
        raise VaultError(f"{path} already exists; it is never overwritten", kind=ErrorKind.VAULT_EXISTS)
    conn = sqlcipher3.connect(str(path), isolation_level=None, timeout=10.0)
    try:
        # Keep SQLCipher's own "hmac check failed" noise off stderr; we report a clean error instead.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute(f"PRAGMA cipher_memory_security = {'ON' if _MEMORY_SECURITY else 'OFF'}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA secure_delete = ON")
    except DatabaseError as exc:
        conn.close()
        text = str(exc).lower()
        if "disk is full" in text or "disk i/o" in text or "unable to open" in text or "readonly" in text:
            raise VaultError(
                f"{path.name} cannot be opened: the disk is full or not writable ({exc}); free some space, "
                "nothing in the vault was changed",
                kind=ErrorKind.DISK_FULL,
            ) from None
        raise damaged(
            path,
            "cannot be opened: the file is damaged, or the key-slot file does not belong with it (a copy from "
            "before a re-key)",
        ) from None
    conn.row_factory = dbapi2.Row
    return conn


def quick_check(conn: Any, path: Path) -> None:
    """Every page's HMAC (``PRAGMA cipher_integrity_check``): a changed bit anywhere names the file."""
    problems = cipher_check(conn)
    if problems:
        raise damaged(path, f"has pages that fail their check ({problems[0]})")


def cipher_check(conn: Any) -> list[str]:
    """SQLCipher's page check: one line per page whose HMAC fails (empty when all are sound)."""
    try:
        return [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    except DatabaseError as exc:
        return [str(exc)]


def integrity_check(conn: Any) -> list[str]:
    """SQLite's structural check; empty when it says "ok"."""
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
    except DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def cipher_version(conn: Any) -> str:
    row = conn.execute("PRAGMA cipher_version").fetchone()
    return str(row[0]) if row else ""
