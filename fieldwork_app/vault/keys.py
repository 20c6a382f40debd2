"""Key slots: passphrases (and a recovery key) unlock one random 256-bit data key.

Layout of ``keyslots.json`` (not secret; every field of a slot is authenticated)::

    {"format": "fieldwork-keyslots", "version": 2, "vault_id": "...",
     "slots": [{"v": 2, "id", "kind": "user"|"recovery", "user", "role", "created_at",
                "kdf": {"name": "argon2id", "salt", "iterations", "memory_kib", "lanes"},
                "box": {"alg": "X25519", "public", "nonce", "private"},
                "wrap": {"alg": "HPKE-X25519-HKDF-SHA256-AES-256-GCM", "ciphertext"}}]}

A slot (format 2) holds an X25519 key pair.  Its private half is sealed with AES-256-GCM under the
key-encryption key Argon2id(passphrase, salt, the slot's parameters).  The data key is sealed to its
public half with HPKE (RFC 9180) in base mode, suite DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
AES-256-GCM, as ``cryptography`` provides it: ``wrap.ciphertext`` is HPKE's encapsulated key followed by
the AEAD ciphertext (32 + 48 bytes).  Every other field of the slot (vault id, slot id, kind, user, role,
creation time, KDF parameters and salt, public key), in one canonical encoding, is both the associated
data of the private half's seal and HPKE's ``info``, so an edited field makes the slot refuse to open.
The public half lets ``vault rekey`` seal a new data key to every slot without anyone's passphrase.  KDF
parameters are bounded when read, so an edited file cannot make an unlock take unbounded memory or time.

Format 1 slots (the data key sealed directly under the key-encryption key, with only the vault id,
slot id, kind and user as associated data) still open, and are rewritten as format 2 the next time
their passphrase or recovery key is used.

Every read-modify-write of the file holds an exclusive ``flock`` on ``keyslots.lock``, and reads the
file afresh inside the lock, so two processes changing slots at once both land.

Sub-keys for the databases, the log and each recording are derived from the data key with HKDF-SHA256
and a purpose label, so no two uses share a key.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import json
import logging
import os
import secrets
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from fieldwork_app.errors import ErrorCode, ErrorKind, VaultError, WrongPassphrase
from fieldwork_app.fsutil import fsync_dir, private_file

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)

FORMAT = "fieldwork-keyslots"
VERSION = 2
SLOT_VERSION = 2
KEY_BYTES = 32
WRAP_ALG = "HPKE-X25519-HKDF-SHA256-AES-256-GCM"
# RFC 9180: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, base mode.
HPKE_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
HPKE_ENC_BYTES = 32  # the encapsulated key that leads an HPKE message (X25519)

# Recovery keys: 30 symbols from a 30-symbol alphabet (no I, L, O, U, 0, 1) in six groups of five:
# 30 * log2(30) = 147.2 bits.  Keys made before (25 symbols, 122.7 bits) are read the same way.
_RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
RECOVERY_SYMBOLS = 30

# The test switch: the fast KDF is honoured only when both are set (the test suite sets both).
ENV_KDF = "FIELDWORK_KDF"
ENV_TEST_SUITE = "FIELDWORK_TEST_SUITE"


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

    def cost(self) -> int:
        return self.iterations * self.memory_kib


# Only in the test suite (see fast_kdf_allowed): keeps thousands of unlocks cheap in tests.
FAST_KDF = KdfParams(iterations=1, memory_kib=8 * 1024, lanes=1)
DEFAULT_KDF = KdfParams(iterations=3, memory_kib=256 * 1024, lanes=2)
# What a slot read from disk may ask for: an edited file cannot make an unlock use more than this.
MAX_KDF = KdfParams(iterations=16, memory_kib=1024 * 1024, lanes=8)
# Below this a slot is weak and is strengthened at its next unlock (RFC 9106's second recommended
# setting, t=3 and 64 MiB, or as much work).
MIN_STRONG_MEMORY_KIB = 64 * 1024
MIN_STRONG_COST = 3 * 64 * 1024

_throwaway = False


def allow_fast_kdf_for_throwaway_vault(allowed: bool = True) -> None:
    """For the time a process makes only a throw-away vault in a temporary folder (the GUI tour); called again
    with ``False`` when that vault is gone, so nothing made afterwards in the same process is weak."""
    global _throwaway
    _throwaway = allowed


def fast_kdf_allowed() -> bool:
    """Whether the weak test KDF may be used: only with both switches of the test suite set."""
    if _throwaway:
        return True
    return os.environ.get(ENV_KDF) == "fast" and os.environ.get(ENV_TEST_SUITE) == "1"


_warned = False


def warn_if_fast_kdf_ignored() -> None:
    """Say loudly (once per process) that FIELDWORK_KDF=fast without the test suite's switch is ignored."""
    global _warned
    if not _warned and os.environ.get(ENV_KDF) == "fast" and not fast_kdf_allowed():
        _warned = True
        logger.warning(
            "%s=fast is ignored: the weak test KDF is used only by the test suite (%s=1). "
            "Key slots are made with full strength.",
            ENV_KDF,
            ENV_TEST_SUITE,
        )


def is_weak(params: KdfParams) -> bool:
    if fast_kdf_allowed():
        return False
    return params.memory_kib < MIN_STRONG_MEMORY_KIB or params.cost() < MIN_STRONG_COST


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, length: int | None = None, what: str = "a field") -> bytes:
    if not isinstance(text, str):
        raise ValueError(f"{what} is not text")
    data = base64.b64decode(text.encode("ascii"), validate=True)
    if length is not None and len(data) != length:
        raise ValueError(f"{what} has {len(data)} bytes, not {length}")
    return data


def derive_kek(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)


# The tuner's search space.  Memory is the lever that makes guessing costly on GPUs and ASICs, so it is raised
# first (one pass over up to TUNE_MAX_MEMORY_KIB) and iterations only beyond that; it never goes below the
# strength floor (RFC 9106's second recommended setting, t=3 and 64 MiB, or as much work: MIN_STRONG_*), even
# on a machine too slow to reach that within the target time.
TUNE_START_MEMORY_KIB = 256 * 1024
TUNE_MAX_MEMORY_KIB = 512 * 1024
TUNE_TOLERANCE = 0.1  # a measured time this close to the target (as a fraction of it) ends the search
TUNE_MEASUREMENTS = 4


def tune_kdf(target_seconds: float = 0.5, memory_kib: int = TUNE_START_MEMORY_KIB, lanes: int = 2) -> KdfParams:
    """Pick Argon2id memory and iterations so that one derivation takes about ``target_seconds`` here."""
    if fast_kdf_allowed():
        return FAST_KDF
    warn_if_fast_kdf_ignored()
    return _tuned(target_seconds, memory_kib, lanes)


def measure_kdf(params: KdfParams) -> float:
    """Seconds one derivation with ``params`` takes on this machine."""
    start = time.perf_counter()
    derive_kek(b"calibration", b"\0" * 16, params)
    return time.perf_counter() - start


@functools.cache
def _tuned(target_seconds: float, memory_kib: int, lanes: int) -> KdfParams:
    return plan_kdf(target_seconds, measure_kdf, start_memory_kib=memory_kib, lanes=lanes)


def _scaled(params: KdfParams, elapsed: float, target: float, max_memory_kib: int) -> KdfParams:
    """The parameters whose cost (iterations x memory) takes ``target`` seconds, if time grows with cost as it
    did for ``params``; memory first, never below the strength floor."""
    want = max(float(MIN_STRONG_COST), params.cost() * target / max(elapsed, 1e-6))
    iterations = max(1, -(-int(want) // max_memory_kib))
    unit = 1024  # whole MiB, which is also a multiple of the 8 KiB x lanes Argon2 needs
    memory = int(want / iterations) // unit * unit
    memory = min(max_memory_kib, max(MIN_STRONG_MEMORY_KIB, memory))
    while iterations * memory < MIN_STRONG_COST:
        iterations += 1
    return KdfParams(min(iterations, MAX_KDF.iterations), memory, params.lanes)


def plan_kdf(
    target_seconds: float,
    measure: Callable[[KdfParams], float],
    *,
    start_memory_kib: int = TUNE_START_MEMORY_KIB,
    max_memory_kib: int = TUNE_MAX_MEMORY_KIB,
    lanes: int = 2,
) -> KdfParams:
    """Search for parameters whose derivation takes about ``target_seconds`` as ``measure`` reports it.

    One pass over ``start_memory_kib`` is measured, the cost is scaled to the target (memory first, up to
    ``max_memory_kib``, then iterations) and measured again, at most :data:`TUNE_MEASUREMENTS` times in
    all; the measured parameters closest to the target are returned.  Nothing below the strength floor
    (:func:`is_weak`) is ever returned, whatever the measurements say.
    """
    params = KdfParams(1, max(MIN_STRONG_MEMORY_KIB, start_memory_kib), lanes)
    tried: list[tuple[float, KdfParams]] = []
    for _ in range(TUNE_MEASUREMENTS):
        elapsed = measure(params)
        if params.memory_kib >= MIN_STRONG_MEMORY_KIB and params.cost() >= MIN_STRONG_COST:
            tried.append((abs(elapsed - target_seconds), params))
        if abs(elapsed - target_seconds) <= TUNE_TOLERANCE * target_seconds:
            break
        following = _scaled(params, elapsed, target_seconds, max_memory_kib)
        if following == params:
            break  # the floor or the ceiling: nothing else to try
        params = following
    if not tried:
        return _scaled(params, 1.0, 0.0, max_memory_kib)  # the floor itself
    return min(tried, key=lambda pair: pair[0])[1]


def strong_params(*existing: KdfParams) -> KdfParams:
    """At least a fresh tuning's strength, and never less than ``existing`` (bounded by MAX_KDF)."""
    fresh = tune_kdf()
    candidates = [fresh, *existing]
    return KdfParams(
        min(MAX_KDF.iterations, max(p.iterations for p in candidates)),
        min(MAX_KDF.memory_kib, max(p.memory_kib for p in candidates)),
        min(MAX_KDF.lanes, max(p.lanes for p in candidates)),
    )


def check_kdf_bounds(params: KdfParams) -> None:
    if not (
        1 <= params.iterations <= MAX_KDF.iterations
        and 1 <= params.lanes <= MAX_KDF.lanes
        and max(FAST_KDF.memory_kib, 8 * params.lanes) <= params.memory_kib <= MAX_KDF.memory_kib
    ):
        raise ValueError(
            f"KDF parameters out of bounds (iterations {params.iterations}, memory {params.memory_kib} KiB, "
            f"lanes {params.lanes}; at most {MAX_KDF.iterations}, {MAX_KDF.memory_kib} KiB, {MAX_KDF.lanes})"
        )


def subkey(data_key: bytes, purpose: str) -> bytes:
    """A 256-bit key for one purpose ("research-db", "identity-db", "recording/<id>", ...)."""
    hkdf = HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=b"fieldwork/v1/" + purpose.encode()
    )
    return hkdf.derive(data_key)


def new_recovery_key() -> str:
    chars = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(RECOVERY_SYMBOLS))
    return "-".join(chars[i : i + 5] for i in range(0, RECOVERY_SYMBOLS, 5))


def normalise_recovery_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    return cleaned.encode("ascii")


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


@dataclass
class KeySlot:
    id: str
    kind: str  # "user" | "recovery"
    user: str | None
    role: str | None
    created_at: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes  # format 1: the data-key seal's nonce (format 2: none, HPKE derives its own)
    ciphertext: bytes  # the sealed data key (format 2: an HPKE message, encapsulated key first)
    version: int = SLOT_VERSION
    public: bytes = b""  # format 2: the slot's X25519 public key
    box_nonce: bytes = b""
    box_private: bytes = b""  # format 2: the private key sealed under the key-encryption key

    def aad(self, vault_id: str) -> bytes:
        """The slot's authenticated fields, canonically encoded.

        Format 2: the associated data of the private half's seal and HPKE's ``info`` for the data key."""
        if self.version == 1:
            return json.dumps([vault_id, self.id, self.kind, self.user], separators=(",", ":")).encode()
        kdf = self.kdf.to_json()
        kdf["salt"] = _b64(self.salt)
        body = [
            "fieldwork-keyslot-v2",
            vault_id,
            self.id,
            self.kind,
            self.user,
            self.role,
            self.created_at,
            kdf,
            _b64(self.public),
        ]
        return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()

    def to_json(self) -> dict[str, Any]:
        kdf = self.kdf.to_json()
        kdf["salt"] = _b64(self.salt)
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "user": self.user,
            "role": self.role,
            "created_at": self.created_at,
            "kdf": kdf,
        }
        if self.version == 1:
            out["wrap"] = {
                "alg": "AES-256-GCM",
                "nonce": _b64(self.nonce),
                "ciphertext": _b64(self.ciphertext),
            }
            return out
        out["v"] = SLOT_VERSION
        out["box"] = {
            "alg": "X25519",
            "public": _b64(self.public),
            "nonce": _b64(self.box_nonce),
            "private": _b64(self.box_private),
        }
        out["wrap"] = {"alg": WRAP_ALG, "ciphertext": _b64(self.ciphertext)}
        return out

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> KeySlot:
        if not isinstance(obj, dict):
            raise ValueError("a slot is not an object")
        kdf = obj["kdf"]
        version = int(obj.get("v", 1))
        kind = str(obj["kind"])
        if kind not in ("user", "recovery"):
            raise ValueError(f"unknown slot kind {kind!r}")
        user, role = obj.get("user"), obj.get("role")
        if not (user is None or isinstance(user, str)) or not (role is None or isinstance(role, str)):
            raise ValueError("a slot's user or role is not text")
        if kdf.get("name") != "argon2id":
            raise VaultError("key slot uses an unknown algorithm")
        params = KdfParams(int(kdf["iterations"]), int(kdf["memory_kib"]), int(kdf["lanes"]))
        check_kdf_bounds(params)
        wrap = obj["wrap"]
        common: dict[str, Any] = {
            "id": str(obj["id"]),
            "kind": kind,
            "user": user,
            "role": role,
            "created_at": str(obj.get("created_at", "")),
            "kdf": params,
            "salt": _unb64(kdf["salt"], 16, "the salt"),
        }
        if version == 1:
            if wrap.get("alg") != "AES-256-GCM":
                raise VaultError("key slot uses an unknown algorithm")
            return cls(
                version=1,
                nonce=_unb64(wrap["nonce"], 12, "the nonce"),
                ciphertext=_unb64(wrap["ciphertext"], KEY_BYTES + 16, "the sealed key"),
                **common,
            )
        if version != SLOT_VERSION:
            raise ValueError(f"slot format {version} is from a newer Fieldwork")
        box = obj["box"]
        if wrap.get("alg") != WRAP_ALG or box.get("alg") != "X25519":
            raise VaultError("key slot uses an unknown algorithm")
        return cls(
            version=SLOT_VERSION,
            nonce=b"",
            ciphertext=_unb64(wrap["ciphertext"], HPKE_ENC_BYTES + KEY_BYTES + 16, "the sealed key"),
            public=_unb64(box["public"], 32, "the public key"),
            box_nonce=_unb64(box["nonce"], 12, "the nonce"),
            box_private=_unb64(box["private"], 32 + 16, "the sealed private key"),
            **common,
        )

    def seal_data_key(self, vault_id: str, data_key: bytes) -> None:
        """Seal ``data_key`` to this (format 2) slot's public key with HPKE; no passphrase needed."""
        if self.version != SLOT_VERSION:
            raise VaultError("a format 1 key slot cannot be resealed without its passphrase")
        public = X25519PublicKey.from_public_bytes(self.public)
        self.nonce = b""
        self.ciphertext = HPKE_SUITE.encrypt(data_key, public, self.aad(vault_id))


@contextlib.contextmanager
def slot_lock(path: Path) -> Iterator[None]:
    """An exclusive lock around a read-modify-write of the key-slot file at ``path``."""
    lock = path.with_name(path.stem + ".lock")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


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
            raise VaultError(
                f"no vault at {path.parent}", kind=ErrorKind.NO_VAULT, code=ErrorCode.NO_VAULT,
                params={"folder": path.parent},
            )
        try:
            if path.stat().st_size > 1024 * 1024:
                raise ValueError("the file is too large")
            obj = json.loads(path.read_text(encoding="utf-8"))
            if obj.get("format") != FORMAT:
                raise ValueError("not a key-slot file")
            if int(obj.get("version", 0)) > VERSION:
                raise ValueError("key-slot file is from a newer Fieldwork")
            slots = [KeySlot.from_json(s) for s in obj["slots"]]
            return cls(path, str(obj["vault_id"]), slots)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise VaultError(f"{path}: the key-slot file is damaged ({exc})") from None

    def save(self) -> None:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "slots": [s.to_json() for s in self.slots],
        }
        write_json_atomic(self.path, data)

    # -- slots --------------------------------------------------------------------------------
    def users(self) -> list[str]:
        return [s.user for s in self.slots if s.kind == "user" and s.user]

    def user_slot(self, user: str) -> KeySlot:
        for s in self.slots:
            if s.kind == "user" and s.user == user:
                return s
        raise VaultError(f"no user '{user}' in this vault", kind=ErrorKind.UNKNOWN_USER)

    def recovery_slot(self) -> KeySlot | None:
        return next((s for s in self.slots if s.kind == "recovery"), None)

    def _wrap(
        self,
        data_key: bytes,
        secret: bytes,
        kind: str,
        user: str | None,
        role: str | None,
        params: KdfParams,
        slot_id: str | None = None,
        created_at: str | None = None,
    ) -> KeySlot:
        private = X25519PrivateKey.generate()
        slot = KeySlot(
            id=slot_id or str(uuid.uuid4()),
            kind=kind,
            user=user,
            role=role,
            created_at=created_at or datetime.now(UTC).isoformat(timespec="seconds"),
            kdf=params,
            salt=os.urandom(16),
            nonce=b"",
            ciphertext=b"",
            public=_raw_public(private.public_key()),
            box_nonce=os.urandom(12),
        )
        kek = derive_kek(secret, slot.salt, params)
        raw_private = private.private_bytes_raw()
        slot.box_private = AESGCM(kek).encrypt(slot.box_nonce, raw_private, slot.aad(self.vault_id))
        slot.seal_data_key(self.vault_id, data_key)
        return slot

    def add_user(self, data_key: bytes, user: str, passphrase: str, role: str, params: KdfParams) -> KeySlot:
        if user in self.users():
            raise VaultError(f"user '{user}' already exists", kind=ErrorKind.USER_EXISTS)
        slot = self._wrap(data_key, passphrase.encode("utf-8"), "user", user, role, params)
        self.slots.append(slot)
        return slot

    def set_recovery(self, data_key: bytes, recovery_key: str, params: KdfParams) -> KeySlot:
        old = self.recovery_slot()
        slot = self._wrap(data_key, normalise_recovery_key(recovery_key), "recovery", None, None, params)
        if old is not None:
            self.slots[self.slots.index(old)] = slot
            self.slots = [s for s in self.slots if s.kind != "recovery" or s is slot]
        else:
            self.slots.append(slot)
        return slot

    def remove_user(self, user: str) -> None:
        slot = self.user_slot(user)
        if len(self.users()) <= 1:
            raise VaultError("cannot remove the last user of a vault", kind=ErrorKind.INVALID_INPUT)
        self.slots.remove(slot)

    def rewrap_user(
        self, data_key: bytes, user: str, new_passphrase: str, params: KdfParams, role: str | None = None
    ) -> None:
        old = self.user_slot(user)
        new = self._wrap(
            data_key, new_passphrase.encode("utf-8"), "user", user, role or old.role, params, old.id
        )
        self.slots[self.slots.index(old)] = new

    def reseal_all(self, data_key: bytes) -> list[KeySlot]:
        """Seal a new data key to every format 2 slot; returns the format 1 slots left as they were."""
        old_format = []
        for slot in self.slots:
            if slot.version == SLOT_VERSION:
                slot.seal_data_key(self.vault_id, data_key)
            else:
                old_format.append(slot)
        return old_format

    def _unwrap(self, slot: KeySlot, secret: bytes) -> bytes:
        kek = derive_kek(secret, slot.salt, slot.kdf)
        aad = slot.aad(self.vault_id)
        if slot.version == 1:
            try:
                return AESGCM(kek).decrypt(slot.nonce, slot.ciphertext, aad)
            except InvalidTag:
                raise WrongPassphrase("wrong passphrase") from None
        try:
            raw_private = AESGCM(kek).decrypt(slot.box_nonce, slot.box_private, aad)
        except InvalidTag:
            # An edited field (role, KDF parameters, ...) fails here just like a wrong passphrase.
            raise WrongPassphrase("wrong passphrase (or the key-slot file was edited)") from None
        private = X25519PrivateKey.from_private_bytes(raw_private)
        if _raw_public(private.public_key()) != slot.public:
            raise VaultError(f"{self.path}: the key-slot file is damaged (a key pair does not match)")
        try:
            data_key = HPKE_SUITE.decrypt(slot.ciphertext, private, aad)
        except (InvalidTag, ValueError):
            raise VaultError(f"{self.path}: the key-slot file is damaged (a sealed key is altered)") from None
        if len(data_key) != KEY_BYTES:
            raise VaultError(f"{self.path}: the key-slot file is damaged (a sealed key is altered)")
        return data_key

    def unlock_user(self, user: str, passphrase: str) -> bytes:
        return self._unwrap(self.user_slot(user), passphrase.encode("utf-8"))

    def unlock_recovery(self, recovery_key: str) -> bytes:
        slot = self.recovery_slot()
        if slot is None:
            raise VaultError("this vault has no recovery key", kind=ErrorKind.UNKNOWN_USER)
        try:
            return self._unwrap(slot, normalise_recovery_key(recovery_key))
        except WrongPassphrase:
            raise WrongPassphrase("wrong recovery key") from None


def write_json_atomic(path: Path, data: Any) -> None:
    """Write ``data`` as JSON to ``path`` (0600) through a temporary file of its own, fsynced, renamed."""
    # A temporary name of its own, so two processes saving at once never write into one file.
    fd, name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        private_file(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)
