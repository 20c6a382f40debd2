"""A study pack's detached signature, ``pack.sig``, beside ``pack.yaml``.

The data manager signs a pack with ``fieldwork study sign-pack PACK --key dm-signing.key``.  The
signature covers the SHA-256 of every file the pack is built from (``pack.yaml`` and each file it
names), the pack's id and version, and the signer's public key; ``docs/study-pack-format.md`` gives the
exact bytes.  A laptop checks it before anything in the pack is used: every file it read must be listed
with the same digest, and nothing listed may be missing.  Who the signer is (and whether the laptop
trusts them) is the import's business (:mod:`fieldwork_app.services.packs`), not this module's.
"""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldwork_app.domain.pack import StudyPack
from fieldwork_app.errors import ErrorKind, FieldworkError

SIGNATURE_FILE = "pack.sig"
FORMAT = "fieldwork-pack-signature/1"
_DOMAIN = FORMAT.encode("ascii") + b"\n"
_MAX_BYTES = 256 * 1024
_SIGNED_KEYS = ("files", "format", "pack_id", "pack_version", "signed_at", "signer")


class PackSignatureError(FieldworkError):
    kind = ErrorKind.INVALID_PACK


@dataclass(frozen=True)
class PackSignature:
    pack_id: str
    pack_version: str
    files: dict[str, str]  # file name as pack.yaml gives it -> SHA-256 hex
    signed_at: str
    signer: bytes  # raw Ed25519 public key
    signature: bytes

    def body(self) -> dict[str, Any]:
        return {
            "files": dict(sorted(self.files.items())),
            "format": FORMAT,
            "pack_id": self.pack_id,
            "pack_version": self.pack_version,
            "signed_at": self.signed_at,
            "signer": base64.b64encode(self.signer).decode("ascii"),
        }

    def signed_bytes(self) -> bytes:
        return signed_bytes(self.body())


def signed_bytes(body: dict[str, Any]) -> bytes:
    """The exact bytes signed: the format line, then the body as canonical JSON (keys sorted, no spaces,
    ASCII only)."""
    return _DOMAIN + json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode(
        "ascii"
    )


def signature_path(pack_path: Path) -> Path:
    pack_path = Path(pack_path)
    return (pack_path if pack_path.is_dir() else pack_path.parent) / SIGNATURE_FILE


def write_signature(
    pack_path: Path,
    pack: StudyPack,
    files: dict[str, str],
    signer: bytes,
    sign: Callable[[bytes], bytes],
) -> Path:
    """Sign ``files`` (from :func:`~fieldwork_app.studypack.load_pack_files`) and write ``pack.sig``
    (replacing an older one: a pack is signed again after every edit)."""
    signed_at = _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()
    unsigned = PackSignature(pack.id, pack.version, dict(files), signed_at, signer, b"")
    sig = sign(unsigned.signed_bytes())
    out = {**unsigned.body(), "signature": base64.b64encode(sig).decode("ascii")}
    path = signature_path(pack_path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(out, indent=2, sort_keys=True) + "\n", encoding="ascii")
    os.replace(tmp, path)
    return path


def read_signature(pack_path: Path) -> PackSignature | None:
    """The pack's ``pack.sig``, or None when it has none.  A file that is there but not a well-formed
    signature is an error, never "unsigned"."""
    path = signature_path(pack_path)
    if not path.exists() and not path.is_symlink():
        return None
    where = f"{path.name}"
    if not path.is_file():
        raise PackSignatureError(f"{where}: not a regular file; the pack was not imported")
    try:
        with open(path, "rb") as fh:
            raw = fh.read(_MAX_BYTES + 1)
    except OSError as exc:
        raise PackSignatureError(f"{where}: cannot be read ({exc.strerror})") from None
    if len(raw) > _MAX_BYTES:
        raise PackSignatureError(f"{where}: larger than a pack signature can be ({_MAX_BYTES} bytes)")
    try:
        data = json.loads(raw.decode("ascii"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PackSignatureError(f"{where}: not a pack signature (not ASCII JSON)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PackSignatureError(f"{where}: not a pack signature of format {FORMAT}")
    for key in (*_SIGNED_KEYS, "signature"):
        if key not in data:
            raise PackSignatureError(f"{where}: key '{key}' is missing")
    extra = sorted(set(data) - {*_SIGNED_KEYS, "signature"})
    if extra:
        raise PackSignatureError(f"{where}: unknown key '{extra[0]}'")
    files = data["files"]
    if (
        not isinstance(files, dict)
        or not files
        or not all(isinstance(k, str) and isinstance(v, str) and len(v) == 64 for k, v in files.items())
    ):
        raise PackSignatureError(f"{where}: 'files' must map each file name to its SHA-256 (64 hex digits)")
    for key in ("pack_id", "pack_version", "signed_at", "signer", "signature"):
        if not isinstance(data[key], str):
            raise PackSignatureError(f"{where}: '{key}' must be text")
    try:
        signer = base64.b64decode(data["signer"], validate=True)
        signature = base64.b64decode(data["signature"], validate=True)
    except (binascii.Error, ValueError):
        raise PackSignatureError(f"{where}: 'signer' and 'signature' must be base64") from None
    if len(signer) != 32 or len(signature) != 64:
        raise PackSignatureError(f"{where}: 'signer' must be 32 bytes and 'signature' 64 bytes")
    return PackSignature(data["pack_id"], data["pack_version"], files, data["signed_at"], signer, signature)


def check_signature(sig: PackSignature, pack: StudyPack, files: dict[str, str]) -> None:
    """Raise unless ``sig`` is a valid signature by its signer over exactly ``files`` of this ``pack``."""
    try:
        Ed25519PublicKey.from_public_bytes(sig.signer).verify(sig.signature, sig.signed_bytes())
    except (InvalidSignature, ValueError):
        raise PackSignatureError(
            f"{SIGNATURE_FILE}: the signature does not match; the pack was changed after it was signed, or "
            "the signature is forged. Nothing was imported; ask the data manager for the pack again."
        ) from None
    if (sig.pack_id, sig.pack_version) != (pack.id, pack.version):
        raise PackSignatureError(
            f"{SIGNATURE_FILE}: signed for pack {sig.pack_id} {sig.pack_version}, but this is pack "
            f"{pack.id} {pack.version}. Nothing was imported."
        )
    changed = sorted(name for name, digest in files.items() if sig.files.get(name) != digest)
    missing = sorted(set(sig.files) - set(files))
    if changed:
        what = "is not covered by the signature" if changed[0] not in sig.files else "changed after signing"
        raise PackSignatureError(
            f"{changed[0]}: {what}"
            + (f" (and {len(changed) - 1} more file(s))" if len(changed) > 1 else "")
            + ". Nothing was imported; ask the data manager for the pack again."
        )
    if missing:
        raise PackSignatureError(
            f"{missing[0]}: signed as part of the pack, but the pack does not use it. Nothing was imported."
        )
