"""The signed, encrypted bundle manifest and the store layout (see docs/bundle-format.md).

Kept apart from staging and from the store-side tools because both sides must agree on it byte for
byte: the laptop writes it, the data manager's tools read it, and another team may write a reader
from the document alone.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import pyrage
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from fieldwork_app.errors import ErrorKind, FieldworkError, InvalidInput
from fieldwork_app.sync import safejson
from fieldwork_app.sync.keys import DeviceKey, fingerprint_of, verify_signature

ENVELOPE_FORMAT = "fieldwork-bundle"
MANIFEST_FORMAT = "fieldwork-manifest"
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)
SEQUENCES = ("research", "identity")

# Limits a reader enforces before (and while) it parses anything from a store.
MAX_MANIFEST_BYTES = 32 * 1024 * 1024
MAX_SIGNER_BYTES = 1024
MAX_BODY_BYTES = 24 * 1024 * 1024
MAX_CHUNKS = 200_000
MAX_ENTRIES = 20_000
MAX_CHUNK_SIZE = 64 * 1024 * 1024  # plaintext bytes per chunk
MAX_CHUNK_OBJECT = MAX_CHUNK_SIZE + MAX_CHUNK_SIZE // 4096 + 4096  # age adds 16 bytes per 64 KiB and a header
MAX_PATH = 512
MAX_PATH_PART = 120
BUNDLES_PREFIX = "bundles/"
MANIFEST_NAME = "manifest.json"
CHUNK_SUFFIX = ".age"
PORTABLE_AUDIO = "application/vnd.fieldwork.portable-audio"
BUNDLE_KINDS = ("session", "identity", "withdrawal")

_BUNDLE_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_CHUNK_NAME_RE = re.compile(r"^[0-9a-f]{64}$")
_PATH_PART_RE = re.compile(r"^[^\x00-\x1f\x7f/\\:*?\"<>|]+$")
_HEX64_RE = re.compile(r"^[0-9a-f]{64}$")
# Names Windows gives to devices, with or without an extension ("nul.txt" is the device NUL).
_DEVICE_NAMES = {"con", "prn", "aux", "nul", "conin$", "conout$"} | {
    f"{d}{n}" for d in ("com", "lpt") for n in (*"123456789", "\u00b9", "\u00b2", "\u00b3")
}


class ManifestError(FieldworkError):
    """A manifest that cannot be read, does not verify, or does not match its bundle."""

    kind = ErrorKind.STORE_TAMPERED

    def __init__(self, message: str, *, code: str = "bad-manifest") -> None:
        super().__init__(message)
        self.problem = code  # the store check's problem code (see sync.checks)


def canonical_json(obj: Any) -> bytes:
    """The one JSON encoding used for signed bytes: sorted keys, no spaces, ASCII only."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def check_bundle_id(bundle_id: str) -> str:
    if not isinstance(bundle_id, str) or not _BUNDLE_ID_RE.match(bundle_id):
        raise InvalidInput(f"bundle id {bundle_id!r} must be 1-128 letters, digits, '.', '_' or '-'")
    return bundle_id


def check_chunk_name(name: str) -> str:
    if not isinstance(name, str) or not _CHUNK_NAME_RE.match(name):
        raise ManifestError(f"chunk name {name!r} is not a SHA-256 hex digest")
    return name


def safe_relpath(path: str) -> str:
    """Accept only a plain relative POSIX path that means one file on every file system.

    No '..', no absolute path, no drive, no control or reserved characters, no part ending in a dot or
    a space (Windows drops them), no Windows device name (``CON``, ``nul.txt``), parts of at most
    120 characters and paths of at most 512.  Both sides call this: the laptop refuses to stage a bad
    path, and the store side refuses to write one from a manifest it did not make.
    """
    if not isinstance(path, str) or not path or len(path) > MAX_PATH:
        raise InvalidInput(f"entry path {path[:80]!r} is empty or longer than {MAX_PATH} characters")
    for part in path.split("/"):
        if part in ("", ".", "..") or not _PATH_PART_RE.match(part) or part != part.strip():
            raise InvalidInput(f"entry path {path!r} must be relative with plain names (no '..', no '/')")
        if len(part) > MAX_PATH_PART:
            raise InvalidInput(f"entry path {path[:80]!r} has a part longer than {MAX_PATH_PART} characters")
        if part.endswith("."):
            raise InvalidInput(f"entry path {path!r} has a part ending in a dot")
        if part.split(".", 1)[0].strip().lower() in _DEVICE_NAMES:
            raise InvalidInput(f"entry path {path!r} uses a Windows device name ({part})")
    return path


def path_key(path: str) -> str:
    """How two paths are compared for "the same file": Unicode NFC, then case-folded (macOS and Windows
    file systems treat ``M-001`` and ``m-001``, or NFC and NFD spellings, as one name)."""
    return unicodedata.normalize("NFC", path).casefold()


def bundle_dir(bundle_id: str) -> str:
    return f"{BUNDLES_PREFIX}{check_bundle_id(bundle_id)}/"


def chunk_object(bundle_id: str, chunk_name: str) -> str:
    return f"{bundle_dir(bundle_id)}{chunk_name}{CHUNK_SUFFIX}"


def manifest_object(bundle_id: str) -> str:
    return f"{bundle_dir(bundle_id)}{MANIFEST_NAME}"


def manifest_digest(data: bytes) -> str:
    """SHA-256 of a manifest object's exact stored bytes (what bundles staged before chain digests named)."""
    return hashlib.sha256(data).hexdigest()


def chain_digest(data: bytes) -> str:
    """What a laptop's next bundle names as its previous one (``prev_manifest_sha256``): SHA-256 of the bytes
    the previous manifest's signature covers (its ``signed`` field, base64-decoded).

    Not of the whole stored object: the outer object is not signed, so anyone who can write to the store can
    re-space it or re-encrypt its ``signer`` field without breaking the signature; a chain over those bytes
    would then show a genuine next bundle as a fork.  The signed bytes name the bundle, its chunks and its
    encrypted body exactly, and only the laptop's key can make another signed text."""
    return hashlib.sha256(parse_outer(data).signed).hexdigest()


def build_manifest(
    bundle_id: str,
    chunks: list[tuple[str, int]],
    body: dict[str, Any],
    recipient: pyrage.x25519.Recipient,
    device_key: DeviceKey,
) -> bytes:
    """Encrypt ``body`` to the study key, wrap it in the plaintext envelope, and sign the envelope.

    The signer's public key also travels encrypted to the study key beside the signature (``signer``),
    so a reader checks the signature and the signer's trust before it parses anything else.
    """
    body_ct = pyrage.encrypt(canonical_json(body), [recipient])
    envelope = {
        "format": ENVELOPE_FORMAT,
        "version": FORMAT_VERSION,
        "bundle_id": bundle_id,
        "chunks": [{"name": n, "size": s} for n, s in chunks],
        "body": base64.b64encode(body_ct).decode("ascii"),
    }
    signed = canonical_json(envelope)
    outer = {
        "format": MANIFEST_FORMAT,
        "version": FORMAT_VERSION,
        "signature_alg": "ed25519",
        "signer": base64.b64encode(pyrage.encrypt(device_key.public_bytes(), [recipient])).decode("ascii"),
        "signed": base64.b64encode(signed).decode("ascii"),
        "signature": base64.b64encode(device_key.sign(signed)).decode("ascii"),
    }
    return json.dumps(outer, indent=1, sort_keys=True).encode("ascii") + b"\n"


# -- reading: the schema of what is signed -------------------------------------------------------------
_Hex64 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
_Short = Annotated[str, Field(max_length=256)]


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class _ChunkRef(_Model):
    name: _Hex64
    size: Annotated[int, Field(ge=0, le=MAX_CHUNK_OBJECT)]


class _EnvelopeModel(_Model):
    format: Literal["fieldwork-bundle"]
    version: Literal[1, 2]
    bundle_id: Annotated[str, Field(max_length=128)]
    chunks: Annotated[list[_ChunkRef], Field(max_length=MAX_CHUNKS)]
    body: str


class _DeviceModel(_Model):
    public_key: Annotated[str, Field(max_length=64)]
    fingerprint: Annotated[str, Field(max_length=64)]


class _EntryModel(_Model):
    model_config = ConfigDict(strict=True, extra="ignore")
    path: Annotated[str, Field(max_length=MAX_PATH)]
    media_type: _Short
    meta: dict[str, Any]
    size: Annotated[int, Field(ge=0, le=1 << 42)]
    sha256: _Hex64
    chunks: Annotated[list[_Hex64], Field(max_length=MAX_CHUNKS)]


class _BodyModel(_Model):
    model_config = ConfigDict(strict=True, extra="ignore")  # readers ignore body fields they do not know
    format_version: Literal[1, 2]
    bundle_id: Annotated[str, Field(max_length=128)]
    kind: Literal["session", "identity", "withdrawal"]
    study_id: _Short
    pack_version: _Short
    session_id: _Short | None
    participant_ids: Annotated[list[_Short], Field(max_length=1000)]
    created_at: Annotated[str, Field(max_length=64)]
    device: _DeviceModel
    user: _Short
    chunk_size: Annotated[int, Field(ge=1024, le=MAX_CHUNK_SIZE)]
    entries: Annotated[list[_EntryModel], Field(max_length=MAX_ENTRIES)]
    records: dict[str, Any]
    audit: Annotated[list[dict[str, Any]], Field(max_length=1_000_000)]
    audit_head: Annotated[str, Field(max_length=64)]
    audit_seq: Annotated[int, Field(ge=0)]
    sequence: Literal["research", "identity"] | None = None
    device_seq: Annotated[int, Field(ge=1, le=1 << 40)] | None = None
    prev_manifest_sha256: Annotated[str, Field(pattern=r"^([0-9a-f]{64})?$")] | None = None


def _schema_error(what: str, exc: ValidationError) -> ManifestError:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ())) or what
    return ManifestError(f"{what} field {where}: {first.get('msg', 'invalid')}")


@dataclass
class Envelope:
    """What anyone (the store operator included) can read of a manifest: ids, chunk names and sizes."""

    bundle_id: str
    chunks: list[tuple[str, int]]
    body_ciphertext: bytes
    signed: bytes
    signature: bytes
    version: int = FORMAT_VERSION
    signer_ciphertext: bytes = b""
    digest: str = ""  # SHA-256 of the manifest object's bytes
    signed_digest: str = ""  # SHA-256 of the signed bytes: what the next bundle names (see chain_digest)


def _b64(value: Any, what: str, limit: int) -> bytes:
    if not isinstance(value, str):
        raise ManifestError(f"manifest field {what} is missing or not a string")
    if len(value) > limit * 4 // 3 + 8:
        raise ManifestError(f"manifest field {what} is longer than {limit} bytes")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ManifestError(f"manifest field {what} is not base64") from None


def _json(data: bytes, what: str, limit: int, depth: int) -> Any:
    try:
        return safejson.loads(data, max_bytes=limit, max_depth=depth)
    except safejson.JsonLimitError as exc:
        raise ManifestError(f"{what}: {exc}") from None


def parse_outer(data: bytes) -> Envelope:
    """The outer object only: signature, signer and the signed bytes, not yet parsed.

    Nothing inside ``signed`` is read here: that waits until the signature and its signer are checked.
    """
    outer = _json(data, "manifest", MAX_MANIFEST_BYTES, 2)
    if not isinstance(outer, dict) or outer.get("format") != MANIFEST_FORMAT:
        raise ManifestError("not a fieldwork manifest")
    version = outer.get("version")
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        raise ManifestError(f"manifest version {str(version)[:20]!r} is not supported (need 1 or 2)")
    if outer.get("signature_alg") != "ed25519":
        raise ManifestError("unsupported signature algorithm")
    signed = _b64(outer.get("signed"), "signed", MAX_MANIFEST_BYTES)
    signature = _b64(outer.get("signature"), "signature", 64)
    if len(signature) != 64:
        raise ManifestError("manifest signature is not 64 bytes")
    signer = _b64(outer.get("signer"), "signer", MAX_SIGNER_BYTES) if version >= 2 else b""
    return Envelope("", [], b"", signed, signature, int(version), signer, manifest_digest(data),
                    hashlib.sha256(signed).hexdigest())  # fmt: skip


def parse_envelope(env: Envelope, folder_id: str | None = None) -> Envelope:
    """Parse and check the signed envelope (fills ``env`` in).  Call only after the signature is checked,
    or for key-less checks (what a store operator can run)."""
    raw = _json(env.signed, "manifest envelope", MAX_MANIFEST_BYTES, 4)
    try:
        model = _EnvelopeModel.model_validate(raw)
    except ValidationError as exc:
        raise _schema_error("manifest envelope", exc) from None
    if model.version != env.version:
        raise ManifestError("manifest envelope's version differs from the manifest's")
    try:
        check_bundle_id(model.bundle_id)
    except InvalidInput as exc:
        raise ManifestError(exc.message) from None
    if folder_id is not None and model.bundle_id != folder_id:
        raise ManifestError(
            f"replayed bundle: this is the manifest of bundle {model.bundle_id}, copied under the name "
            f"{folder_id}",
            code="replayed-bundle",
        )
    chunks = [(c.name, c.size) for c in model.chunks]
    if len({n for n, _ in chunks}) != len(chunks):
        raise ManifestError("manifest lists a chunk twice")
    env.bundle_id, env.chunks = model.bundle_id, chunks
    env.body_ciphertext = _b64(model.body, "body", MAX_BODY_BYTES)
    return env


def parse_manifest(data: bytes) -> Envelope:
    """Read a manifest object without any key.  Raises :class:`ManifestError` on anything malformed."""
    return parse_envelope(parse_outer(data))


def _decrypt(ciphertext: bytes, identity: pyrage.x25519.Identity, what: str) -> bytes:
    try:
        return bytes(pyrage.decrypt(ciphertext, [identity]))
    except Exception:
        raise ManifestError(f"manifest {what} does not decrypt with this study key") from None


def _body_json(env: Envelope, identity: pyrage.x25519.Identity) -> Any:
    return _json(_decrypt(env.body_ciphertext, identity, "body"), "manifest body", MAX_BODY_BYTES, 32)


def signer_key(env: Envelope, identity: pyrage.x25519.Identity) -> bytes:
    """The public key whose signature the manifest carries, checked against that signature.

    Version 2 carries the key encrypted beside the signature (decrypted here: 32 bytes, nothing to
    parse).  Version 1 (laptops before the signer field) names it only inside the body, which is then
    decrypted and parsed with the same limits, before the signature is checked, only to find the key.
    """
    if env.version >= 2:
        public = _decrypt(env.signer_ciphertext, identity, "signer")
    else:
        parse_envelope(env)
        body = _body_json(env, identity)
        device = body.get("device") if isinstance(body, dict) else None
        public = _b64(device.get("public_key") if isinstance(device, dict) else None, "device.public_key", 32)
    if len(public) != 32 or not verify_signature(public, env.signature, env.signed):
        raise ManifestError("manifest signature does not verify")
    return public


def open_body(envelope: Envelope, identity: pyrage.x25519.Identity, signer: bytes | None = None,
              folder_id: str | None = None) -> dict[str, Any]:  # fmt: skip
    """Parse the envelope, decrypt and validate the body, and check it is consistent with the signer.

    ``signer`` is the key :func:`signer_key` checked (found again here when not given).  The signature
    covers the whole envelope, body ciphertext included, so nothing in it can be swapped.
    """
    if signer is None:
        signer = signer_key(envelope, identity)
    parse_envelope(envelope, folder_id)
    raw = _body_json(envelope, identity)
    try:
        model = _BodyModel.model_validate(raw)
    except ValidationError as exc:
        raise _schema_error("manifest body", exc) from None
    body: dict[str, Any] = raw
    if model.format_version != envelope.version:
        raise ManifestError(
            f"manifest body format_version {model.format_version} differs from the manifest's"
        )
    public = _b64(model.device.public_key, "device.public_key", 32)
    if public != signer:
        raise ManifestError("manifest body names another device than the one that signed it")
    if model.device.fingerprint != fingerprint_of(public):
        raise ManifestError("manifest device fingerprint does not match its key")
    if model.bundle_id != envelope.bundle_id:
        raise ManifestError("manifest body belongs to another bundle")
    if model.format_version >= 2 and (model.device_seq is None or model.prev_manifest_sha256 is None
                                      or model.sequence is None):  # fmt: skip
        raise ManifestError("manifest body has no bundle number (device_seq, prev_manifest_sha256, sequence)")
    listed = {n for n, _ in envelope.chunks}
    used: set[str] = set()
    for entry in model.entries:
        try:
            safe_relpath(entry.path)
        except InvalidInput as exc:
            raise ManifestError(f"hostile or invalid entry path: {exc.message}") from None
        for name in entry.chunks:
            if name not in listed or name in used:
                raise ManifestError(f"entry {entry.path} refers to chunk {name[:12]} wrongly")
            used.add(name)
        if entry.size > len(entry.chunks) * model.chunk_size:
            raise ManifestError(f"entry {entry.path} says {entry.size} bytes, more than its chunks can hold")
    if used != listed:
        raise ManifestError("manifest lists chunks no entry uses")
    return body
