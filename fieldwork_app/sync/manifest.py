"""The signed, encrypted bundle manifest and the store layout (see docs/bundle-format.md).

Kept apart from staging and from the store-side tools because both sides must agree on it byte for
byte: the laptop writes it, the data manager's tools read it, and another team may write a reader
from the document alone.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from typing import Any

import pyrage

from fieldwork_app.errors import ErrorKind, FieldworkError, InvalidInput
from fieldwork_app.sync.keys import DeviceKey, fingerprint_of, verify_signature

ENVELOPE_FORMAT = "fieldwork-bundle"
MANIFEST_FORMAT = "fieldwork-manifest"
FORMAT_VERSION = 1
BUNDLES_PREFIX = "bundles/"
MANIFEST_NAME = "manifest.json"
CHUNK_SUFFIX = ".age"
PORTABLE_AUDIO = "application/vnd.fieldwork.portable-audio"
BUNDLE_KINDS = ("session", "identity", "withdrawal")

_BUNDLE_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_CHUNK_NAME_RE = re.compile(r"^[0-9a-f]{64}$")
_PATH_PART_RE = re.compile(r"^[^\x00-\x1f/\\:*?\"<>|]+$")


class ManifestError(FieldworkError):
    """A manifest that cannot be read, does not verify, or does not match its bundle."""

    kind = ErrorKind.STORE_TAMPERED


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
    """Accept only a plain relative POSIX path: no '..', no absolute path, no drive, no odd characters.

    Both sides call this: the laptop refuses to stage a bad path, and the store side refuses to
    write one from a manifest it did not make (a hostile manifest must not escape the output folder).
    """
    if not isinstance(path, str) or not path or len(path) > 1024:
        raise InvalidInput(f"entry path {path!r} is empty or too long")
    parts = path.split("/")
    for part in parts:
        if part in ("", ".", "..") or not _PATH_PART_RE.match(part) or part != part.strip():
            raise InvalidInput(f"entry path {path!r} must be relative with plain names (no '..', no '/')")
    return path


def bundle_dir(bundle_id: str) -> str:
    return f"{BUNDLES_PREFIX}{check_bundle_id(bundle_id)}/"


def chunk_object(bundle_id: str, chunk_name: str) -> str:
    return f"{bundle_dir(bundle_id)}{chunk_name}{CHUNK_SUFFIX}"


def manifest_object(bundle_id: str) -> str:
    return f"{bundle_dir(bundle_id)}{MANIFEST_NAME}"


def build_manifest(
    bundle_id: str,
    chunks: list[tuple[str, int]],
    body: dict[str, Any],
    recipient: pyrage.x25519.Recipient,
    device_key: DeviceKey,
) -> bytes:
    """Encrypt ``body`` to the study key, wrap it in the plaintext envelope, and sign the envelope."""
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
        "signed": base64.b64encode(signed).decode("ascii"),
        "signature": base64.b64encode(device_key.sign(signed)).decode("ascii"),
    }
    return json.dumps(outer, indent=1, sort_keys=True).encode("ascii") + b"\n"


@dataclass
class Envelope:
    """What anyone (the store operator included) can read of a manifest: ids, chunk names and sizes."""

    bundle_id: str
    chunks: list[tuple[str, int]]
    body_ciphertext: bytes
    signed: bytes
    signature: bytes


def _b64(value: Any, what: str) -> bytes:
    if not isinstance(value, str):
        raise ManifestError(f"manifest field {what} is missing")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ManifestError(f"manifest field {what} is not base64") from None


def parse_manifest(data: bytes) -> Envelope:
    """Read a manifest object without any key.  Raises :class:`ManifestError` on anything malformed."""
    try:
        outer = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ManifestError("manifest is not JSON") from None
    if not isinstance(outer, dict) or outer.get("format") != MANIFEST_FORMAT:
        raise ManifestError("not a fieldwork manifest")
    if outer.get("version") != FORMAT_VERSION:
        raise ManifestError(f"manifest version {outer.get('version')!r} is not supported (need 1)")
    if outer.get("signature_alg") != "ed25519":
        raise ManifestError("unsupported signature algorithm")
    signed = _b64(outer.get("signed"), "signed")
    signature = _b64(outer.get("signature"), "signature")
    try:
        env = json.loads(signed)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ManifestError("manifest envelope is not JSON") from None
    if not isinstance(env, dict) or env.get("format") != ENVELOPE_FORMAT or env.get("version") != 1:
        raise ManifestError("manifest envelope has the wrong format or version")
    try:
        bundle_id = check_bundle_id(env.get("bundle_id", ""))
    except InvalidInput as exc:
        raise ManifestError(exc.message) from None
    raw_chunks = env.get("chunks")
    if not isinstance(raw_chunks, list):
        raise ManifestError("manifest envelope has no chunk list")
    chunks: list[tuple[str, int]] = []
    for item in raw_chunks:
        if not isinstance(item, dict) or not isinstance(item.get("size"), int) or item["size"] < 0:
            raise ManifestError("manifest chunk entry is malformed")
        chunks.append((check_chunk_name(item.get("name", "")), item["size"]))
    if len({n for n, _ in chunks}) != len(chunks):
        raise ManifestError("manifest lists a chunk twice")
    return Envelope(bundle_id, chunks, _b64(env.get("body"), "body"), signed, signature)


def open_body(envelope: Envelope, identity: pyrage.x25519.Identity) -> dict[str, Any]:
    """Decrypt the body, check the signature with the device key it names, and check it is consistent.

    The device public key sits inside the encrypted body (the store operator does not learn which
    laptop sent what); the signature covers the whole envelope, body ciphertext included, so it
    cannot be swapped without the signature failing.
    """
    try:
        body = json.loads(pyrage.decrypt(envelope.body_ciphertext, [identity]))
    except Exception:
        raise ManifestError("manifest body does not decrypt with this study key") from None
    if not isinstance(body, dict):
        raise ManifestError("manifest body is not an object")
    device = body.get("device")
    if not isinstance(device, dict):
        raise ManifestError("manifest body names no device")
    public = _b64(device.get("public_key"), "device.public_key")
    if len(public) != 32 or not verify_signature(public, envelope.signature, envelope.signed):
        raise ManifestError("manifest signature does not verify")
    if device.get("fingerprint") != fingerprint_of(public):
        raise ManifestError("manifest device fingerprint does not match its key")
    if body.get("bundle_id") != envelope.bundle_id:
        raise ManifestError("manifest body belongs to another bundle")
    if body.get("kind") not in BUNDLE_KINDS:
        raise ManifestError(f"unknown bundle kind {body.get('kind')!r}")
    listed = {n for n, _ in envelope.chunks}
    used: set[str] = set()
    entries = body.get("entries")
    if not isinstance(entries, list):
        raise ManifestError("manifest body has no entry list")
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("chunks"), list):
            raise ManifestError("manifest entry is malformed")
        try:
            safe_relpath(entry.get("path", ""))
        except InvalidInput as exc:
            raise ManifestError(f"hostile or invalid entry path: {exc.message}") from None
        for name in entry["chunks"]:
            if name not in listed or name in used:
                raise ManifestError(f"entry {entry['path']} refers to chunk {str(name)[:12]} wrongly")
            used.add(name)
    if used != listed:
        raise ManifestError("manifest lists chunks no entry uses")
    return body
