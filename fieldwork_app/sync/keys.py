"""Study encryption keys (age X25519) and device signing keys (Ed25519).

The study key pair is made once by the data manager.  Laptops only ever hold the public recipient
(``age1...``); the private identity stays with the data manager, in the standard age identity file
format so the ``age`` command-line tool can read it too.

Each laptop has its own Ed25519 signing key.  It signs every bundle manifest so the data manager can
tell which device produced a bundle and that nobody altered it on the store.  A device is named by a
short fingerprint of its public key that two people can read out to each other.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import logging
import os
from pathlib import Path
from typing import Self

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fieldwork_app.errors import ErrorKind, FieldworkError, InvalidInput

logger = logging.getLogger(__name__)

PUBLIC_FILE = "study.pub"
KEY_FILE = "study.key"


def generate_study_keypair(out_dir: Path) -> tuple[Path, Path]:
    """Write ``study.pub`` and ``study.key`` (mode 0600) into ``out_dir``.

    Refuses to overwrite an existing key: losing the study key means losing every bundle ever
    encrypted to it.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    pub_path, key_path = out_dir / PUBLIC_FILE, out_dir / KEY_FILE
    for p in (pub_path, key_path):
        if p.exists():
            raise FieldworkError(
                f"{p} already exists; move it away first (an existing study key is never overwritten)",
                kind=ErrorKind.INVALID_INPUT,
            )
    identity = pyrage.x25519.Identity.generate()
    recipient = str(identity.to_public())
    created = _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()
    body = f"# created: {created}\n# public key: {recipient}\n{identity}\n"
    # O_EXCL + 0600 from the first byte: the secret never exists in a world-readable file.
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(body)
        fh.flush()
        os.fsync(fh.fileno())
    pub_path.write_text(recipient + "\n", encoding="ascii")
    logger.info("study key pair written to %s", out_dir)
    return pub_path, key_path


def load_identity(path: Path) -> pyrage.x25519.Identity:
    """Read an age identity file (comments and blank lines allowed)."""
    try:
        text = Path(path).read_text(encoding="ascii")
    except FileNotFoundError:
        raise InvalidInput(f"there is no study key file at {path}; check the path") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} is a folder; give the study key file in it (study.key)") from None
    except PermissionError:
        raise InvalidInput(
            f"cannot read the study key file {path}: no permission to read it; ask whoever keeps it"
        ) from None
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is not a study key file (it is not plain text)") from None
    except OSError as exc:
        why = exc.strerror or f"an unexpected error ({exc.__class__.__name__})"
        raise InvalidInput(f"cannot read the study key file {path}: {why}") from None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("AGE-SECRET-KEY-"):
            try:
                return pyrage.x25519.Identity.from_str(line)
            except Exception:
                raise InvalidInput(f"{path}: the AGE-SECRET-KEY line is not a valid age key") from None
    raise InvalidInput(f"{path}: no AGE-SECRET-KEY line found; is this a study key file?")


def load_recipient(text_or_path: str | Path) -> pyrage.x25519.Recipient:
    """Parse an ``age1...`` recipient given directly or as a file holding one."""
    text = str(text_or_path).strip()
    if not text.startswith("age1"):
        try:
            text = Path(text_or_path).read_text(encoding="ascii").strip().splitlines()[-1].strip()
        except (OSError, IndexError, UnicodeDecodeError):
            raise InvalidInput(f"{text_or_path}: not an age public key or a file holding one") from None
    try:
        return pyrage.x25519.Recipient.from_str(text)
    except Exception:
        raise InvalidInput("the study public key is not a valid age1... recipient") from None


def study_key_fingerprint(recipient: str) -> str:
    """``SHA256:`` and the unpadded base64 of SHA-256 over an ``age1...`` public key's text (as OpenSSH
    writes host key fingerprints): what a researcher compares with the data manager's before trusting a
    study key.  The empty key has no fingerprint (``""``)."""
    text = recipient.strip()
    if not text:
        return ""
    digest = hashlib.sha256(text.encode("ascii", "replace")).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


def same_fingerprint(a: str, b: str) -> bool:
    """Two ``SHA256:...`` fingerprints are the same (the prefix's case and base64 padding do not count)."""

    def norm(f: str) -> str:
        f = f.strip()
        if f[:7].upper() == "SHA256:":
            f = f[7:]
        return f.rstrip("=")

    return bool(norm(a)) and norm(a) == norm(b)


def fingerprint_of(public_bytes: bytes) -> str:
    """Eight groups of four hex digits of SHA-256(public key): short enough to read aloud."""
    digest = hashlib.sha256(public_bytes).hexdigest()[:32]
    return "-".join(digest[i : i + 4] for i in range(0, 32, 4))


class SigningKey:
    """An Ed25519 signing key named by its :func:`fingerprint_of`.  Its repr never shows key material."""

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private

    @classmethod
    def generate(cls) -> Self:
        return cls(Ed25519PrivateKey.generate())

    def public_bytes(self) -> bytes:
        return self._private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    def fingerprint(self) -> str:
        return fingerprint_of(self.public_bytes())

    def sign(self, data: bytes) -> bytes:
        return self._private.sign(data)

    def __repr__(self) -> str:  # never show key material
        return f"{type(self).__name__}({self.fingerprint()})"


class DeviceKey(SigningKey):
    """A laptop's signing key.  The vault keeps :meth:`private_bytes` encrypted."""

    @classmethod
    def from_private_bytes(cls, raw: bytes) -> DeviceKey:
        if len(raw) != 32:
            raise InvalidInput("a device key is 32 bytes")
        return cls(Ed25519PrivateKey.from_private_bytes(raw))

    def private_bytes(self) -> bytes:
        return self._private.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        )


def verify_signature(public_bytes: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_bytes).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True
