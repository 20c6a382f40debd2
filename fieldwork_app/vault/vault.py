"""The vault: one data directory, two SQLCipher databases, key slots, and the audit log.

* ``research.db`` holds research data (pseudonymous ids only) and the audit log.
* ``identity.db`` holds identity data (names, contacts, addresses, signatures, safeguarding records)
  under its own sub-key, so it can be kept, shown and deleted apart from research data and is never
  part of anything exported for analysis.

A :class:`Vault` is unlocked by one user and owned by one thread (the connections refuse other threads).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from fieldwork_app.errors import ErrorKind, VaultError
from fieldwork_app.paths import DataDir
from fieldwork_app.vault import audit, migrations
from fieldwork_app.vault.db import open_encrypted
from fieldwork_app.vault.keys import KdfParams, KeySlots, new_data_key, new_recovery_key, subkey, tune_kdf

logger = logging.getLogger(__name__)

ROLES = ("researcher", "research_assistant", "data_manager")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _validate_user(name: str) -> None:
    if not name or len(name) > 64 or not all(ch.isalnum() or ch in "._-" for ch in name):
        raise VaultError("a user name is 1-64 letters, digits, '.', '_' or '-'", kind=ErrorKind.INVALID_INPUT)


def _validate_passphrase(passphrase: str) -> None:
    if len(passphrase) < 8:
        raise VaultError("a passphrase needs at least 8 characters", kind=ErrorKind.INVALID_INPUT)


class Vault:
    def __init__(self, data_dir: DataDir, slots: KeySlots, data_key: bytes, user: str, role: str) -> None:
        self.data_dir = data_dir
        self.slots = slots
        self._data_key = data_key
        self.user = user
        self.role = role
        self.db: Any = None
        self.idb: Any = None

    # -- lifecycle ------------------------------------------------------------------------------
    @staticmethod
    def exists(data_dir: DataDir) -> bool:
        return data_dir.keyslots.exists()

    @classmethod
    def create(
        cls,
        data_dir: DataDir,
        user: str,
        passphrase: str,
        role: str = "researcher",
        kdf: KdfParams | None = None,
    ) -> tuple[Vault, str]:
        """Create a new vault; returns it (unlocked) and the recovery key, which is shown once only."""
        _validate_user(user)
        _validate_passphrase(passphrase)
        if role not in ROLES:
            raise VaultError(
                f"unknown role '{role}' (one of {', '.join(ROLES)})", kind=ErrorKind.INVALID_INPUT
            )
        if cls.exists(data_dir):
            raise VaultError(f"a vault already exists in {data_dir.root}", kind=ErrorKind.VAULT_EXISTS)
        leftovers = [p for p in (data_dir.research_db, data_dir.identity_db) if p.exists()]
        if leftovers:
            raise VaultError(
                f"{data_dir.root} holds database files without a key-slot file; move them away first",
                kind=ErrorKind.VAULT_EXISTS,
            )
        data_dir.ensure()
        params = kdf or tune_kdf()
        data_key = new_data_key()
        recovery = new_recovery_key()
        slots = KeySlots.create(data_dir.keyslots)
        slots.add_user(data_key, user, passphrase, role, params)
        slots.set_recovery(data_key, recovery, params)
        vault = cls(data_dir, slots, data_key, user, role)
        try:
            vault._open(create=True)
            with vault.transaction():
                vault.db.execute(
                    "INSERT INTO users (name, role, created_at) VALUES (?,?,?)", (user, role, now_iso())
                )
                vault.db.execute("INSERT INTO meta (key, value) VALUES ('vault_id', ?)", (slots.vault_id,))
                vault.audit("vault.create", "vault", slots.vault_id)
            # The key-slot file is written last: until it exists there is no vault, and a failed
            # creation leaves no half-made vault behind that could be mistaken for a real one.
            slots.save()
        except BaseException:
            vault.close()
            for p in data_dir.root.glob("*.db*"):
                p.unlink(missing_ok=True)
            raise
        return vault, recovery

    @classmethod
    def unlock(cls, data_dir: DataDir, user: str, passphrase: str) -> Vault:
        slots = KeySlots.load(data_dir.keyslots)
        slot = slots.user_slot(user)
        data_key = slots.unlock_user(user, passphrase)
        vault = cls(data_dir, slots, data_key, user, slot.role or "researcher")
        vault._open(create=False)
        with vault.transaction():
            vault.audit("vault.unlock", "user", user)
        return vault

    @classmethod
    def unlock_with_recovery(
        cls, data_dir: DataDir, recovery_key: str, user: str, new_passphrase: str
    ) -> Vault:
        """Unlock with the recovery key and set a new passphrase for ``user``."""
        _validate_passphrase(new_passphrase)
        slots = KeySlots.load(data_dir.keyslots)
        slot = slots.user_slot(user)
        data_key = slots.unlock_recovery(recovery_key)
        vault = cls(data_dir, slots, data_key, user, slot.role or "researcher")
        vault._open(create=False)
        slots.rewrap_user(data_key, user, new_passphrase, slot.kdf)
        slots.save()
        with vault.transaction():
            vault.audit("vault.recover", "user", user)
        return vault

    def _open(self, *, create: bool) -> None:
        self.db = open_encrypted(
            self.data_dir.research_db, subkey(self._data_key, "research-db"), create=create
        )
        self.idb = open_encrypted(
            self.data_dir.identity_db, subkey(self._data_key, "identity-db"), create=create
        )
        migrations.migrate(self.db, migrations.RESEARCH)
        migrations.migrate(self.idb, migrations.IDENTITY)
        for p in (self.data_dir.research_db, self.data_dir.identity_db):
            with contextlib.suppress(OSError):
                os.chmod(p, 0o600)

    def close(self) -> None:
        for conn in (self.db, self.idb):
            if conn is not None:
                with contextlib.suppress(Exception):
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                with contextlib.suppress(Exception):
                    conn.close()
        self.db = self.idb = None
        self._data_key = b""

    @property
    def is_open(self) -> bool:
        return self.db is not None

    # -- keys -------------------------------------------------------------------------------------
    def subkey(self, purpose: str) -> bytes:
        if not self._data_key:
            raise VaultError("the vault is locked", kind=ErrorKind.VAULT_LOCKED)
        return subkey(self._data_key, purpose)

    def recording_key(self, recording_id: str) -> bytes:
        return self.subkey(f"recording/{recording_id}")

    # -- users ------------------------------------------------------------------------------------
    def add_user(
        self, name: str, passphrase: str, role: str = "researcher", kdf: KdfParams | None = None
    ) -> None:
        _validate_user(name)
        _validate_passphrase(passphrase)
        if role not in ROLES:
            raise VaultError(
                f"unknown role '{role}' (one of {', '.join(ROLES)})", kind=ErrorKind.INVALID_INPUT
            )
        params = kdf or self.slots.user_slot(self.user).kdf
        self.slots.add_user(self._data_key, name, passphrase, role, params)
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO users (name, role, created_at) VALUES (?,?,?)",
                (name, role, now_iso()),
            )
            self.audit("user.add", "user", name, detail={"role": role})
        self.slots.save()

    def remove_user(self, name: str) -> None:
        self.slots.remove_user(name)
        self.slots.save()
        with self.transaction():
            self.audit("user.remove", "user", name)

    def change_passphrase(self, new_passphrase: str, kdf: KdfParams | None = None) -> None:
        _validate_passphrase(new_passphrase)
        params = kdf or self.slots.user_slot(self.user).kdf
        self.slots.rewrap_user(self._data_key, self.user, new_passphrase, params)
        self.slots.save()
        with self.transaction():
            self.audit("user.passphrase", "user", self.user)

    def new_recovery_key(self) -> str:
        key = new_recovery_key()
        self.slots.set_recovery(self._data_key, key, self.slots.user_slot(self.user).kdf)
        self.slots.save()
        with self.transaction():
            self.audit("vault.recovery_key", "vault", self.slots.vault_id)
        return key

    # -- transactions and audit -------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """One research-db transaction; nested use joins the outer one."""
        if self.db is None:
            raise VaultError("the vault is locked", kind=ErrorKind.VAULT_LOCKED)
        if self.db.in_transaction:
            yield self.db
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    @contextlib.contextmanager
    def identity_transaction(self) -> Iterator[Any]:
        if self.idb is None:
            raise VaultError("the vault is locked", kind=ErrorKind.VAULT_LOCKED)
        if self.idb.in_transaction:
            yield self.idb
            return
        self.idb.execute("BEGIN IMMEDIATE")
        try:
            yield self.idb
        except BaseException:
            self.idb.execute("ROLLBACK")
            raise
        else:
            self.idb.execute("COMMIT")

    def audit(
        self,
        action: str,
        subject_kind: str,
        subject_id: str,
        *,
        session_id: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> audit.AuditEntry:
        with self.transaction():
            return audit.append(
                self.db, self.user, action, subject_kind, subject_id, session_id=session_id, detail=detail
            )

    def get_secret(self, name: str) -> bytes | None:
        row = self.db.execute("SELECT value FROM secrets WHERE name = ?", (name,)).fetchone()
        return bytes(row[0]) if row else None

    def set_secret(self, name: str, value: bytes) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO secrets (name, value) VALUES (?, ?)", (name, value))
