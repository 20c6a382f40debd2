"""The data manager's signing key (Ed25519): what laptops check the data manager's own files against.

``fieldwork study keygen`` makes it beside the study key pair: ``dm-signing.key`` (PKCS#8 PEM, mode 0600,
kept with ``study.key``, never on a field laptop) and ``dm-signing.pub`` (SubjectPublicKeyInfo PEM, given
out freely).  ``fieldwork study sign-pack`` signs a study pack with it; a laptop pins the signer at its
first signed pack and refuses packs from any other.  The key is named by the same short fingerprint as a
laptop's device key (eight groups of four hex digits of SHA-256 over the raw public key), so two people
can read it out to each other.
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fieldwork_app.errors import ErrorCode, ErrorKind, FieldworkError, InvalidInput
from fieldwork_app.sync.keys import SigningKey

logger = logging.getLogger(__name__)

SIGNING_KEY_FILE = "dm-signing.key"
SIGNING_PUBLIC_FILE = "dm-signing.pub"
_MAX_KEY_FILE = 64 * 1024


class DataManagerKey(SigningKey):
    """The data manager's signing key, kept as a PEM file beside the study key."""

    def private_pem(self) -> bytes:
        return self._private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )

    def public_pem(self) -> bytes:
        return self._private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )


def generate_dm_signing_keypair(out_dir: Path) -> tuple[Path, Path]:
    """Write ``dm-signing.pub`` and ``dm-signing.key`` (mode 0600 from its first byte) into ``out_dir``.

    Refuses to overwrite either file: laptops that pinned the old key would refuse everything signed
    with a new one.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    pub_path, key_path = out_dir / SIGNING_PUBLIC_FILE, out_dir / SIGNING_KEY_FILE
    for p in (pub_path, key_path):
        if p.exists():
            raise FieldworkError(
                f"{p} already exists; move it away first (a signing key laptops have pinned is never "
                "overwritten)",
                kind=ErrorKind.INVALID_INPUT,
            )
    key = DataManagerKey.generate()
    created = _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()
    header = f"# Fieldwork data manager signing key, created {created}, fingerprint {key.fingerprint()}\n"
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(header.encode("ascii") + key.private_pem())
        fh.flush()
        os.fsync(fh.fileno())
    pub_path.write_bytes(
        header.replace("signing key", "signing public key").encode("ascii") + key.public_pem()
    )
    logger.info("data manager signing key pair written to %s", out_dir)
    return pub_path, key_path


def _pem_part(path: Path, what: str, kind: str) -> bytes:
    """The PEM part of a key file; ``kind`` (``signing-key``, ``public-key``) names it for each face."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(_MAX_KEY_FILE + 1)
    except OSError as exc:
        raise InvalidInput(f"cannot read {what} file {path} ({exc.strerror})") from None
    if len(raw) > _MAX_KEY_FILE:
        raise InvalidInput(f"{path}: too large for a {what} file")
    start = raw.find(b"-----BEGIN")
    if start < 0:
        raise InvalidInput(
            f"{path}: no PEM block found", code=ErrorCode.NOT_A_KEY_FILE,
            params={"path": path, "what": what, "kind": kind},
        )
    return raw[start:]


def load_dm_signing_key(path: Path) -> DataManagerKey:
    """Read ``dm-signing.key``."""
    pem = _pem_part(Path(path), "data manager signing key", "signing-key")
    try:
        private = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError):
        raise InvalidInput(
            f"{path}: not a readable signing key (a dm-signing.key file is expected)"
        ) from None
    if not isinstance(private, Ed25519PrivateKey):
        raise InvalidInput(f"{path}: not an Ed25519 signing key")
    return DataManagerKey(private)


def load_dm_public_key(path: Path) -> bytes:
    """The raw 32-byte public key in ``dm-signing.pub``."""
    pem = _pem_part(Path(path), "data manager public key", "public-key")
    try:
        public = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError):
        raise InvalidInput(f"{path}: not a readable public key (a dm-signing.pub file is expected)") from None
    if not isinstance(public, Ed25519PublicKey):
        raise InvalidInput(f"{path}: not an Ed25519 public key")
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
