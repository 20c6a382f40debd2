"""Opening SQLCipher 4 databases with a raw 256-bit key.

The key is handed to SQLCipher as a raw key (``x'…'``) so that no passphrase-based KDF runs in SQLite:
the key hierarchy lives in :mod:`fieldwork_app.vault.keys`.  Settings chosen for a laptop that can be
lost: WAL journal (encrypted like the main file), temp tables in memory (no plaintext spill files),
secure delete, foreign keys.  Every connection belongs to the thread that opened it (sqlcipher3's
``check_same_thread``), which enforces the one-owner rule for the database.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlcipher3 import dbapi2

from fieldwork_app.errors import ErrorKind, VaultError

logger = logging.getLogger(__name__)

Connection = dbapi2.Connection
DatabaseError = dbapi2.DatabaseError


def open_encrypted(path: Path, key: bytes, *, create: bool = False) -> Any:
    """Open (or create) an encrypted database; raise VaultError if the key does not fit."""
    if not create and not path.exists():
        raise VaultError(f"{path.name} is missing from the data directory", kind=ErrorKind.VAULT_CORRUPT)
    conn = sqlcipher3.connect(str(path), isolation_level=None, timeout=10.0)
    try:
        # Keep SQLCipher's own "hmac check failed" noise off stderr; we report a clean error instead.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA cipher_memory_security = OFF")
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
        raise VaultError(
            f"{path.name} cannot be opened: the key does not fit or the file is damaged",
            kind=ErrorKind.VAULT_CORRUPT,
        ) from None
    conn.row_factory = dbapi2.Row
    return conn


def cipher_version(conn: Any) -> str:
    row = conn.execute("PRAGMA cipher_version").fetchone()
    return str(row[0]) if row else ""
