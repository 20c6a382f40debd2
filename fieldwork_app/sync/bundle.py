"""Bundles: what a session (or a withdrawal) sends to the study store, and staging it as ciphertext.

Staging encrypts every entry to the study key in chunks and writes only ciphertext to the local
outbox.  Plaintext is streamed from the entry's ``produce`` callable, held in memory one chunk at
a time, and never written to disk.  Because age encryption is randomised, staging happens once per
bundle: the upload (and every resumed upload) then sends the same bytes, so objects already on the
store can be recognised by name and size.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage

from fieldwork_app.errors import InvalidInput
from fieldwork_app.sync.keys import DeviceKey
from fieldwork_app.sync.manifest import (
    BUNDLE_KINDS,
    CHUNK_SUFFIX,
    FORMAT_VERSION,
    MANIFEST_NAME,
    build_manifest,
    chain_digest,
    check_bundle_id,
    chunk_object,
    manifest_digest,
    manifest_object,
    parse_manifest,
    safe_relpath,
)
from fieldwork_app.sync.state import NullState, TaskState, check_cancel
from fieldwork_app.sync.transports.base import is_md5_hex

logger = logging.getLogger(__name__)

DEFAULT_CHUNK_SIZE = 4 * 1024 * 1024
MD5_SIDECAR = "md5sums.json"  # local only, never uploaded: see StagedBundle.md5s
CHAIN_SIDECAR = "chain.json"  # local only: the bundle's number, for the vault (see services.sync)


def sequence_of(kind: str) -> str:
    """Which of a laptop's two numbered sequences a bundle belongs to: identity bundles go to their own
    store, so they are numbered apart, and each store sees an unbroken sequence."""
    return "identity" if kind == "identity" else "research"


@dataclass
class ChainCursor:
    """The next number in one of this laptop's bundle sequences and the digest of the manifest before it.

    Shared by the jobs of one sync run (they stage one after another, on any thread): a number is taken
    only when a manifest is written, so a bundle that fails before that leaves no gap.
    """

    sequence: str
    next_seq: int = 1
    prev_digest: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


@dataclass
class BundleEntry:
    """One file of the analysis folder.  ``produce`` streams its plaintext (called once)."""

    path: str
    media_type: str
    produce: Callable[[], Iterable[bytes]]
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class BundleSpec:
    bundle_id: str
    kind: str
    study_id: str
    pack_version: str
    session_id: str | None
    participant_ids: list[str]
    created_at: str
    device_fingerprint: str
    user: str
    entries: list[BundleEntry]
    records: dict[str, Any] = field(default_factory=dict)
    audit: list[dict[str, Any]] = field(default_factory=list)
    audit_head: str = ""
    audit_seq: int = 0  # the sequence number of the entry ``audit_head`` is the hash of (0: empty chain)


@dataclass
class StagedBundle:
    """A bundle in the outbox: ciphertext chunks plus the signed manifest, ready to upload."""

    bundle_id: str
    directory: Path
    chunks: list[tuple[str, int]]
    manifest_size: int
    md5s: dict[str, str] = field(default_factory=dict)
    """Chunk name -> MD5 of its ciphertext, computed while staging.  Stores that report an MD5 (S3
    ETags, content-hash WebDAV ETags) are checked against it, so the upload never reads a chunk
    only to hash it; a chunk missing here is hashed from its file when needed."""
    chain: dict[str, Any] | None = None
    """The bundle's number: {"sequence", "seq", "prev", "manifest_sha256"} (None if not known here)."""

    @property
    def manifest_path(self) -> Path:
        return self.directory / MANIFEST_NAME

    def chunk_path(self, name: str) -> Path:
        return self.directory / f"{name}{CHUNK_SUFFIX}"

    @property
    def total_bytes(self) -> int:
        return sum(s for _, s in self.chunks) + self.manifest_size

    def objects(self) -> list[tuple[str, Path, int]]:
        """(store object name, local file, size) for every object, manifest last."""
        out = [(chunk_object(self.bundle_id, n), self.chunk_path(n), s) for n, s in self.chunks]
        out.append((manifest_object(self.bundle_id), self.manifest_path, self.manifest_size))
        return out

    @classmethod
    def load(cls, directory: Path) -> StagedBundle:
        """Re-open a fully staged bundle (its manifest exists) without any key."""
        directory = Path(directory)
        data = (directory / MANIFEST_NAME).read_bytes()
        env = parse_manifest(data)
        return cls(env.bundle_id, directory, env.chunks, len(data), _read_md5s(directory, env.chunks),
                   _read_chain(directory, data))  # fmt: skip


def _read_chain(directory: Path, manifest: bytes) -> dict[str, Any] | None:
    try:
        raw = json.loads((directory / CHAIN_SIDECAR).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    # "manifest_sha256" is the digest the next bundle names: the signed bytes' (or, for a bundle staged
    # before chain digests, the stored object's)
    if not isinstance(raw, dict) or raw.get("manifest_sha256") not in (chain_digest(manifest),
                                                                       manifest_digest(manifest)):  # fmt: skip
        return None
    return raw


def _read_md5s(directory: Path, chunks: list[tuple[str, int]]) -> dict[str, str]:
    """The staged MD5s, or as many as the sidecar soundly gives (none if it is missing or unreadable)."""
    try:
        raw = json.loads((directory / MD5_SIDECAR).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    names = {n for n, _ in chunks}
    return {k: v for k, v in raw.items() if k in names and isinstance(v, str) and is_md5_hex(v)}


def _validate(spec: BundleSpec, device_key: DeviceKey) -> None:
    check_bundle_id(spec.bundle_id)
    if spec.kind not in BUNDLE_KINDS:
        raise InvalidInput(f"bundle kind must be one of {', '.join(BUNDLE_KINDS)}, not {spec.kind!r}")
    if spec.kind in ("session", "identity") and not spec.session_id:
        raise InvalidInput(f"a {spec.kind} bundle needs a session_id")
    if spec.device_fingerprint != device_key.fingerprint():
        raise InvalidInput("the bundle's device fingerprint is not this device key's fingerprint")
    seen: set[str] = set()
    for entry in spec.entries:
        safe_relpath(entry.path)
        if entry.path in seen:
            raise InvalidInput(f"bundle {spec.bundle_id} has two entries at {entry.path}")
        seen.add(entry.path)


def _rechunk(pieces: Iterable[bytes], size: int) -> Iterator[bytes]:
    """Regroup arbitrary producer pieces into chunks of exactly ``size`` bytes (last one shorter)."""
    buf = bytearray()
    for piece in pieces:
        buf += piece
        while len(buf) >= size:
            yield bytes(buf[:size])
            del buf[:size]
    if buf:
        yield bytes(buf)


def _write_file(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def stage_bundle(
    spec: BundleSpec,
    recipient: pyrage.x25519.Recipient,
    device_key: DeviceKey,
    outbox_dir: Path,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    state: TaskState | None = None,
    chain: ChainCursor | None = None,
) -> StagedBundle:
    """Encrypt ``spec`` into ``outbox_dir/<bundle_id>/`` and return the staged bundle.

    Idempotent: a bundle whose manifest is already staged is returned as is (its entries are not
    produced again).  The manifest takes the next number of ``chain`` (a fresh sequence starting at 1
    when none is given) and names the digest of the manifest before it.  A half-staged directory (no
    manifest: staging was interrupted) is cleared and
    staged afresh, since it only ever held ciphertext that nothing refers to yet.
    """
    state = state or NullState()
    _validate(spec, device_key)
    if chunk_size < 1024:
        raise InvalidInput("chunk size must be at least 1 KiB")
    directory = Path(outbox_dir) / spec.bundle_id
    if (directory / MANIFEST_NAME).exists():
        logger.info("bundle %s already staged", spec.bundle_id)
        return StagedBundle.load(directory)
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    try:
        os.chmod(directory, 0o700)
    except OSError:
        pass

    chunks: list[tuple[str, int]] = []
    md5s: dict[str, str] = {}
    entries: list[dict[str, Any]] = []
    done = 0
    for entry in spec.entries:
        plain_hash = hashlib.sha256()
        plain_size = 0
        names: list[str] = []
        for plain in _rechunk(entry.produce(), chunk_size):
            check_cancel(state)
            plain_hash.update(plain)
            plain_size += len(plain)
            cipher = pyrage.encrypt(plain, [recipient])
            name = hashlib.sha256(cipher).hexdigest()
            md5s[name] = hashlib.md5(cipher, usedforsecurity=False).hexdigest()
            _write_file(directory / f"{name}{CHUNK_SUFFIX}", cipher)
            chunks.append((name, len(cipher)))
            names.append(name)
            done += len(plain)
            state.set_progress(done, 0, "encrypting")
        entries.append(
            {
                "path": entry.path,
                "media_type": entry.media_type,
                "meta": entry.meta,
                "size": plain_size,
                "sha256": plain_hash.hexdigest(),
                "chunks": names,
            }
        )
    body = {
        "format_version": FORMAT_VERSION,
        "bundle_id": spec.bundle_id,
        "kind": spec.kind,
        "study_id": spec.study_id,
        "pack_version": spec.pack_version,
        "session_id": spec.session_id,
        "participant_ids": list(spec.participant_ids),
        "created_at": spec.created_at,
        "device": {
            "public_key": base64.b64encode(device_key.public_bytes()).decode("ascii"),
            "fingerprint": device_key.fingerprint(),
        },
        "user": spec.user,
        "chunk_size": chunk_size,
        "entries": entries,
        "records": spec.records,
        "audit": spec.audit,
        "audit_head": spec.audit_head,
        "audit_seq": spec.audit_seq,
    }
    cursor = chain or ChainCursor(sequence_of(spec.kind))
    if cursor.sequence != sequence_of(spec.kind):
        raise InvalidInput(f"a {spec.kind} bundle is numbered in the {sequence_of(spec.kind)} sequence")
    with cursor.lock:
        body.update(
            sequence=cursor.sequence, device_seq=cursor.next_seq, prev_manifest_sha256=cursor.prev_digest
        )
        manifest = build_manifest(spec.bundle_id, chunks, body, recipient, device_key)
        digest = chain_digest(manifest)
        numbered: dict[str, Any] = {"sequence": cursor.sequence, "seq": cursor.next_seq,
                                    "prev": cursor.prev_digest, "manifest_sha256": digest}  # fmt: skip
        _write_file(directory / MD5_SIDECAR, json.dumps(md5s, sort_keys=True).encode("utf-8"))
        _write_file(directory / CHAIN_SIDECAR, json.dumps(numbered, sort_keys=True).encode("utf-8"))
        _write_file(directory / MANIFEST_NAME, manifest)  # written last: its presence marks "staged"
        cursor.next_seq += 1
        cursor.prev_digest = digest
    logger.info("staged bundle %s: %d chunks, number %d", spec.bundle_id, len(chunks), numbered["seq"])
    return StagedBundle(spec.bundle_id, directory, chunks, len(manifest), md5s, numbered)
