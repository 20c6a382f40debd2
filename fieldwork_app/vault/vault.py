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
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fieldwork_app.errors import ErrorKind, VaultError
from fieldwork_app.paths import DataDir
from fieldwork_app.vault import audit, migrations
from fieldwork_app.vault.db import open_encrypted, quick_check
from fieldwork_app.vault.keys import (
    SLOT_VERSION,
    KdfParams,
    KeySlot,
    KeySlots,
    is_weak,
    new_data_key,
    new_recovery_key,
    slot_lock,
    strong_params,
    subkey,
)

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

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


def vault_lock_path(data_dir: DataDir) -> Path:
    return data_dir.root / "vault.lock"


def hold_in_use(data_dir: DataDir, *, exclusive: bool = False) -> int | None:
    """Mark the vault as open (a shared flock on ``vault.lock``); ``exclusive`` for rekey and restore,
    which refuse while any other process has the vault open."""
    if fcntl is None:  # pragma: no cover
        return None
    fd = os.open(vault_lock_path(data_dir), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        if exclusive:
            raise VaultError(
                "the vault is open in another Fieldwork window or command: close it first",
                kind=ErrorKind.VAULT_LOCKED,
            ) from None
        raise VaultError(
            "the vault is being re-keyed or restored by another Fieldwork command: wait for it to end",
            kind=ErrorKind.VAULT_LOCKED,
        ) from None
    return fd


class Vault:
    def __init__(self, data_dir: DataDir, slots: KeySlots, data_key: bytes, user: str, role: str) -> None:
        self.data_dir = data_dir
        self.slots = slots
        self._data_key = data_key
        self.user = user
        self.role = role
        self.db: Any = None
        self.idb: Any = None
        self._lock_fd: int | None = None

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
        params = kdf or strong_params()
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
        from fieldwork_app.vault import rekey

        rekey.finish_pending(data_dir)
        slots = KeySlots.load(data_dir.keyslots)
        slot = slots.user_slot(user)
        data_key = slots.unlock_user(user, passphrase)
        vault = cls(data_dir, slots, data_key, user, slot.role or "researcher")
        try:
            vault._open(create=False)
            if slot.version != SLOT_VERSION:
                # A format 1 slot's role is not authenticated: the vault's own users table says.
                row = vault.db.execute("SELECT role FROM users WHERE name = ?", (user,)).fetchone()
                vault.role = str(row["role"]) if row else vault.role
            vault._upgrade_slot(slot, passphrase.encode("utf-8"))
            with vault.transaction():
                vault.audit("vault.unlock", "user", user)
        except BaseException:
            vault.close()
            raise
        return vault

    @classmethod
    def unlock_with_recovery(
        cls, data_dir: DataDir, recovery_key: str, user: str, new_passphrase: str
    ) -> Vault:
        """Unlock with the recovery key and set a new passphrase for ``user``."""
        from fieldwork_app.vault import rekey
        from fieldwork_app.vault.keys import normalise_recovery_key

        _validate_passphrase(new_passphrase)
        rekey.finish_pending(data_dir)
        slots = KeySlots.load(data_dir.keyslots)
        slot = slots.user_slot(user)
        data_key = slots.unlock_recovery(recovery_key)
        vault = cls(data_dir, slots, data_key, user, slot.role or "researcher")
        try:
            vault._open(create=False)
            row = vault.db.execute("SELECT role FROM users WHERE name = ?", (user,)).fetchone()
            role = str(row["role"]) if slot.version != SLOT_VERSION and row else slot.role
            vault.role = role or "researcher"
            recovery = slots.recovery_slot()
            if recovery is not None:
                vault._upgrade_slot(recovery, normalise_recovery_key(recovery_key))
            params = strong_params(slot.kdf)
            vault.update_slots(lambda s: s.rewrap_user(data_key, user, new_passphrase, params, role))
            with vault.transaction():
                vault.audit("vault.recover", "user", user)
        except BaseException:
            vault.close()
            raise
        return vault

    def _upgrade_slot(self, slot: KeySlot, secret: bytes) -> None:
        """Rewrite a weak or format 1 slot (whose secret was just used) at full strength and format 2."""
        if slot.version == SLOT_VERSION and not is_weak(slot.kdf):
            return
        params = strong_params(slot.kdf)
        key = self._data_key
        role = self.role if slot.kind == "user" else None

        def change(fresh: KeySlots) -> None:
            current = next((s for s in fresh.slots if s.id == slot.id), None)
            if current is None or current.to_json() != slot.to_json():
                return  # changed meanwhile by another process: leave it
            new = fresh._wrap(key, secret, slot.kind, slot.user, role, params, slot.id, slot.created_at)
            fresh.slots[fresh.slots.index(current)] = new

        try:
            self.update_slots(change)
        except OSError as exc:  # a read-only data directory still opens; the slot is raised another time
            logger.warning("a weak or old-format key slot could not be rewritten (%s)", exc.strerror)
            return
        logger.info("a key slot was strengthened or upgraded to the current format")

    def update_slots(self, change: Callable[[KeySlots], object]) -> None:
        """Read-modify-write of the key-slot file under its lock, on the file as it is now."""
        with slot_lock(self.data_dir.keyslots):
            fresh = KeySlots.load(self.data_dir.keyslots)
            if fresh.vault_id != self.slots.vault_id:
                raise VaultError("the key-slot file belongs to another vault", kind=ErrorKind.VAULT_CORRUPT)
            change(fresh)
            fresh.save()
            self.slots = fresh

    def _open(self, *, create: bool) -> None:
        self._lock_fd = hold_in_use(self.data_dir)
        self.db = open_encrypted(
            self.data_dir.research_db, subkey(self._data_key, "research-db"), create=create
        )
        self.idb = open_encrypted(
            self.data_dir.identity_db, subkey(self._data_key, "identity-db"), create=create
        )
        if not create:
            # A page altered on disk is found here, at unlock, not in the middle of some later command.
            quick_check(self.db, self.data_dir.research_db)
            quick_check(self.idb, self.data_dir.identity_db)
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
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._lock_fd)
            self._lock_fd = None

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
        params = kdf or strong_params(self.slots.user_slot(self.user).kdf)
        self.update_slots(lambda s: s.add_user(self._data_key, name, passphrase, role, params))
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO users (name, role, created_at) VALUES (?,?,?)",
                (name, role, now_iso()),
            )
            self.audit("user.add", "user", name, detail={"role": role})

    def remove_user(self, name: str) -> None:
        self.update_slots(lambda s: s.remove_user(name))
        with self.transaction():
            self.audit("user.remove", "user", name)

    def change_passphrase(self, new_passphrase: str, kdf: KdfParams | None = None) -> None:
        _validate_passphrase(new_passphrase)
        params = kdf or strong_params(self.slots.user_slot(self.user).kdf)
        self.update_slots(
            lambda s: s.rewrap_user(self._data_key, self.user, new_passphrase, params, self.role)
        )
        with self.transaction():
            self.audit("user.passphrase", "user", self.user)

    def new_recovery_key(self, kdf: KdfParams | None = None) -> str:
        key = new_recovery_key()
        params = kdf or strong_params(self.slots.user_slot(self.user).kdf)
        self.update_slots(lambda s: s.set_recovery(self._data_key, key, params))
        with self.transaction():
            self.audit("vault.recovery_key", "vault", self.slots.vault_id)
        return key

    def data_key_for_rekey(self) -> bytes:
        """The data key itself: only re-keying and backups (which export the databases) ask for it."""
        if not self._data_key:
            raise VaultError("the vault is locked", kind=ErrorKind.VAULT_LOCKED)
        return self._data_key

    def take_exclusive(self) -> None:
        """Turn this vault's in-use lock exclusive: refused while another process has the vault open."""
        if fcntl is None or self._lock_fd is None:  # pragma: no cover
            return
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise VaultError(
                "the vault is open in another Fieldwork window or command: close it first",
                kind=ErrorKind.VAULT_LOCKED,
            ) from None

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
