"""Key slots: passphrases (and a recovery key) unwrap one random 256-bit data key.

Layout of ``keyslots.json`` (not secret, but integrity-protected slot by slot)::

    {"format": "fieldwork-keyslots", "version": 1, "vault_id": "...",
     "slots": [{"id", "kind": "user"|"recovery", "user", "role", "created_at",
                "kdf": {"name": "argon2id", "salt", "iterations", "memory_kib", "lanes"},
                "wrap": {"alg": "AES-256-GCM", "nonce", "ciphertext"}}]}

Each slot's key-encryption key is Argon2id(passphrase, salt, params stored in the slot) so that the
parameters can be raised later slot by slot.  The data key is wrapped with AES-256-GCM; the slot's id,
kind and user are the associated data, so a slot cannot be relabelled to another user.  Changing a
passphrase rewraps one slot; the data itself is never re-encrypted.

Sub-keys for the databases and each recording are derived from the data key with HKDF-SHA256 and a
purpose label, so no two uses share a key.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldwork_app.errors import ErrorKind, VaultError, WrongPassphrase
from fieldwork_app.fsutil import fsync_dir

FORMAT = "fieldwork-keyslots"
VERSION = 1
KEY_BYTES = 32

# Recovery keys: 25 characters of Crockford-style base32 in groups of five (125 bits), easy to write down.
_RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"


@dataclass(frozen=True)
class KdfParams:
    iterations: int
    memory_kib: int
    lanes: int

    def to_json(self) -> dict[str, Any]:
        return {
            "name": "argon2id",
            "iterations": self.iterations,
            "memory_kib": self.memory_kib,
            "lanes": self.lanes,
        }


# Used only when FIELDWORK_KDF=fast (the test suite): keeps thousands of unlocks cheap in tests.
FAST_KDF = KdfParams(iterations=1, memory_kib=8 * 1024, lanes=1)
DEFAULT_KDF = KdfParams(iterations=3, memory_kib=256 * 1024, lanes=2)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def derive_kek(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)


def tune_kdf(target_seconds: float = 0.5, memory_kib: int = 256 * 1024, lanes: int = 2) -> KdfParams:
    """Pick Argon2id iterations so that one derivation takes about ``target_seconds`` here."""
    if os.environ.get("FIELDWORK_KDF") == "fast":
        return FAST_KDF
    salt = b"\0" * 16
    iterations = 1
    while True:
        params = KdfParams(iterations, memory_kib, lanes)
        start = time.perf_counter()
        derive_kek(b"calibration", salt, params)
        elapsed = time.perf_counter() - start
        if elapsed >= target_seconds * 0.8 or iterations >= 12:
            return params
        # Scale iterations by the measured ratio (at least +1), so tuning costs about two derivations.
        iterations = max(iterations + 1, int(iterations * target_seconds / max(elapsed, 1e-3)))


def subkey(data_key: bytes, purpose: str) -> bytes:
    """A 256-bit key for one purpose ("research-db", "identity-db", "recording/<id>", ...)."""
    hkdf = HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=b"fieldwork/v1/" + purpose.encode()
    )
    return hkdf.derive(data_key)


def new_recovery_key() -> str:
    chars = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(25))
    return "-".join(chars[i : i + 5] for i in range(0, 25, 5))


def normalise_recovery_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    return cleaned.encode("ascii")


@dataclass
class KeySlot:
    id: str
    kind: str  # "user" | "recovery"
    user: str | None
    role: str | None
    created_at: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    ciphertext: bytes

    def aad(self, vault_id: str) -> bytes:
        return json.dumps([vault_id, self.id, self.kind, self.user], separators=(",", ":")).encode()

    def to_json(self) -> dict[str, Any]:
        kdf = self.kdf.to_json()
        kdf["salt"] = _b64(self.salt)
        return {
            "id": self.id,
            "kind": self.kind,
            "user": self.user,
            "role": self.role,
            "created_at": self.created_at,
            "kdf": kdf,
            "wrap": {"alg": "AES-256-GCM", "nonce": _b64(self.nonce), "ciphertext": _b64(self.ciphertext)},
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> KeySlot:
        kdf = obj["kdf"]
        if kdf.get("name") != "argon2id" or obj["wrap"].get("alg") != "AES-256-GCM":
            raise VaultError("key slot uses an unknown algorithm")
        return cls(
            id=str(obj["id"]),
            kind=str(obj["kind"]),
            user=obj.get("user"),
            role=obj.get("role"),
            created_at=str(obj.get("created_at", "")),
            kdf=KdfParams(int(kdf["iterations"]), int(kdf["memory_kib"]), int(kdf["lanes"])),
            salt=_unb64(kdf["salt"]),
            nonce=_unb64(obj["wrap"]["nonce"]),
            ciphertext=_unb64(obj["wrap"]["ciphertext"]),
        )


class KeySlots:
    """The key-slot file of one vault.  Loaded, changed in memory, saved atomically."""

    def __init__(self, path: Path, vault_id: str, slots: list[KeySlot]) -> None:
        self.path = path
        self.vault_id = vault_id
        self.slots = slots

    # -- file ---------------------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path) -> KeySlots:
        return cls(path, str(uuid.uuid4()), [])

    @classmethod
    def load(cls, path: Path) -> KeySlots:
        if not path.exists():
            raise VaultError(f"no vault at {path.parent}: run 'fieldwork init'", kind=ErrorKind.NO_VAULT)
        try:
            obj = json.loads(path.read_text(encoding="utf-8"))
            if obj.get("format") != FORMAT:
                raise ValueError("not a key-slot file")
            if int(obj.get("version", 0)) > VERSION:
                raise ValueError("key-slot file is from a newer Fieldwork")
            slots = [KeySlot.from_json(s) for s in obj["slots"]]
            return cls(path, str(obj["vault_id"]), slots)
        except (ValueError, KeyError, TypeError) as exc:
            raise VaultError(f"{path}: the key-slot file is damaged ({exc})") from None

    def save(self) -> None:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "slots": [s.to_json() for s in self.slots],
        }
        # A temporary name of its own, so two processes saving at once never write into one file.
        fd, name = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp", dir=self.path.parent)
        tmp = Path(name)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, indent=2)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        fsync_dir(self.path.parent)

    # -- slots --------------------------------------------------------------------------------
    def users(self) -> list[str]:
        return [s.user for s in self.slots if s.kind == "user" and s.user]

    def user_slot(self, user: str) -> KeySlot:
        for s in self.slots:
            if s.kind == "user" and s.user == user:
                return s
        raise VaultError(f"no user '{user}' in this vault", kind=ErrorKind.UNKNOWN_USER)

    def _wrap(
        self,
        data_key: bytes,
        secret: bytes,
        kind: str,
        user: str | None,
        role: str | None,
        params: KdfParams,
        slot_id: str | None = None,
    ) -> KeySlot:
        slot = KeySlot(
            id=slot_id or str(uuid.uuid4()),
            kind=kind,
            user=user,
            role=role,
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            kdf=params,
            salt=os.urandom(16),
            nonce=os.urandom(12),
            ciphertext=b"",
        )
        kek = derive_kek(secret, slot.salt, params)
        slot.ciphertext = AESGCM(kek).encrypt(slot.nonce, data_key, slot.aad(self.vault_id))
        return slot

    def add_user(self, data_key: bytes, user: str, passphrase: str, role: str, params: KdfParams) -> KeySlot:
        if user in self.users():
            raise VaultError(f"user '{user}' already exists", kind=ErrorKind.USER_EXISTS)
        slot = self._wrap(data_key, passphrase.encode("utf-8"), "user", user, role, params)
        self.slots.append(slot)
        return slot

    def set_recovery(self, data_key: bytes, recovery_key: str, params: KdfParams) -> KeySlot:
        self.slots = [s for s in self.slots if s.kind != "recovery"]
        slot = self._wrap(data_key, normalise_recovery_key(recovery_key), "recovery", None, None, params)
        self.slots.append(slot)
        return slot

    def remove_user(self, user: str) -> None:
        slot = self.user_slot(user)
        if len(self.users()) <= 1:
            raise VaultError("cannot remove the last user of a vault", kind=ErrorKind.INVALID_INPUT)
        self.slots.remove(slot)

    def rewrap_user(self, data_key: bytes, user: str, new_passphrase: str, params: KdfParams) -> None:
        old = self.user_slot(user)
        new = self._wrap(data_key, new_passphrase.encode("utf-8"), "user", user, old.role, params, old.id)
        self.slots[self.slots.index(old)] = new

    def _unwrap(self, slot: KeySlot, secret: bytes) -> bytes:
        kek = derive_kek(secret, slot.salt, slot.kdf)
        try:
            return AESGCM(kek).decrypt(slot.nonce, slot.ciphertext, slot.aad(self.vault_id))
        except InvalidTag:
            raise WrongPassphrase("wrong passphrase") from None

    def unlock_user(self, user: str, passphrase: str) -> bytes:
        return self._unwrap(self.user_slot(user), passphrase.encode("utf-8"))

    def unlock_recovery(self, recovery_key: str) -> bytes:
        for s in self.slots:
            if s.kind == "recovery":
                try:
                    return self._unwrap(s, normalise_recovery_key(recovery_key))
                except WrongPassphrase:
                    raise WrongPassphrase("wrong recovery key") from None
        raise VaultError("this vault has no recovery key", kind=ErrorKind.UNKNOWN_USER)


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)
