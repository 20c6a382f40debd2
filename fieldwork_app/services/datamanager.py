"""The data manager's tools, for both faces: keys, the trusted-laptops list, signing packs, and reading a
study store (verify, unpack).

The store-side work itself lives in :mod:`fieldwork_app.sync` (``dmstore``, ``storeside``, ``trust``); this
module is what the CLI and the desktop app call, so neither reaches into the sync package.  Each function
here is one action of the data manager.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fieldwork_app.errors import ErrorCode, InvalidInput
from fieldwork_app.studypack import load_pack_files
from fieldwork_app.studypack.signature import write_signature
from fieldwork_app.sync import trust
from fieldwork_app.sync.dmkeys import (
    SIGNING_KEY_FILE,
    SIGNING_PUBLIC_FILE,
    DataManagerKey,
    generate_dm_signing_keypair,
    load_dm_signing_key,
)
from fieldwork_app.sync.dmstore import (
    ReportWords,
    StoreAccess,
    TrustFiles,
    add_device,
    load_trusted,
    open_store,
    signers,
    trusted_or_none,
    unpack_lines,
    verify_lines,
)
from fieldwork_app.sync.keys import (
    KEY_FILE,
    PUBLIC_FILE,
    generate_study_keypair,
    load_identity,
    study_key_fingerprint,
)
from fieldwork_app.sync.storeside import unpack_store, verify_store
from fieldwork_app.sync.transports import Transport
from fieldwork_app.sync.transports.base import HostKeyRefused
from fieldwork_app.sync.trust import TrustedDevices, check_date, check_fingerprint

__all__ = [
    "KEY_FILE",
    "PUBLIC_FILE",
    "SIGNING_KEY_FILE",
    "SIGNING_PUBLIC_FILE",
    "DataManagerKey",
    "HostKeyRefused",
    "ReportWords",
    "Revoked",
    "SignedPack",
    "StoreAccess",
    "Transport",
    "TrustFiles",
    "TrustedDevices",
    "add_device",
    "check_date",
    "check_fingerprint",
    "generate_dm_signing_keypair",
    "generate_study_keypair",
    "host_key_fingerprint",
    "load_dm_signing_key",
    "load_identity",
    "load_trusted",
    "open_store",
    "revoke_device",
    "sign_pack",
    "signers",
    "study_key_fingerprint",
    "trusted_or_none",
    "unpack_lines",
    "unpack_store",
    "verify_lines",
    "verify_store",
]


@dataclass(frozen=True)
class Revoked:
    fingerprint: str
    name: str


def revoke_device(
    files: TrustFiles, fingerprint: str, from_date: str | None = None, after_seq: int | None = None
) -> Revoked:
    """Revoke a laptop on the trusted list (its bundles made on or after ``from_date``, or all of them, and
    every bundle numbered after ``after_seq``); the list is signed again with the next serial."""
    fp = check_fingerprint(fingerprint)
    if after_seq is not None and after_seq < 0:
        raise InvalidInput("the last genuine bundle number is 0 or more", code=ErrorCode.BAD_AFTER_SEQ)
    devices, serial, manager = load_trusted(files)
    d = devices.devices.get(fp)
    if d is None:
        raise InvalidInput(f"device {fp} is not on the trusted list {files.list_path}")
    d.revoked_at, d.revoked_from, d.after_seq = trust._now(), from_date, after_seq
    trust.save_list(files.list_path, devices, manager, load_identity(files.key), serial + 1)
    return Revoked(fp, d.name)


@dataclass(frozen=True)
class SignedPack:
    pack_id: str
    version: str
    files: int
    signer: str
    path: Path


def sign_pack(pack_dir: Path, key_file: Path) -> SignedPack:
    """Sign a valid pack folder with the data manager's key (an invalid one raises PackValidationError,
    listing every located problem, and nothing is written)."""
    key = load_dm_signing_key(key_file)
    pack, files = load_pack_files(pack_dir)
    path = write_signature(pack_dir, pack, files, key.public_bytes(), key.sign)
    return SignedPack(pack.id, str(pack.version), len(files), key.fingerprint(), path)


def host_key_fingerprint(key: str) -> str:
    """An SFTP server's pinned host key as the fingerprint people compare (SHA256:...)."""
    from fieldwork_app.sync.transports.sftp import host_key_fingerprint as fingerprint  # paramiko: on demand

    return fingerprint(key)
