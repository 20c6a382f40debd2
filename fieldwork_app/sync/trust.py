"""The data manager's list of trusted laptops, signed by her own key (docs/threat-model.md).

Where it lives: beside the study's private key.  ``study keygen --out DIR`` writes ``DIR/study.key``
(age), ``DIR/study.pub`` and the data manager's signing pair ``DIR/dm-signing.key`` /
``DIR/dm-signing.pub`` (Ed25519, :mod:`fieldwork_app.sync.dmkeys`; the same key signs study packs);
the ``study devices`` commands keep ``DIR/trusted-devices.json`` and sign it with ``dm-signing.key``.
``store verify`` and ``store unpack`` are given ``--key DIR/study.key`` and find the list and the
signing key beside it (or the one ``--signing-key`` names: a separate identity key kept elsewhere has its
list signed by the same key).  The list also names the study key it belongs to, so a list cannot be
carried from one study to another, and its signature covers everything in it, so an edited list (a
device added, a revocation removed) is refused.

A device on the list is trusted for every bundle it signs, unless it is revoked: then every bundle
it made on or after the revocation date, or numbered after ``after_seq`` when that is given, is
rejected.  A date is what the bundle claims for itself (a stolen laptop can back-date), so a
revocation should also give the last bundle number known to be genuine (``--after-seq``).
"""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage

from fieldwork_app.errors import ErrorCode, ErrorKind, FieldworkError, InvalidInput
from fieldwork_app.sync import safejson
from fieldwork_app.sync.dmkeys import SIGNING_KEY_FILE, DataManagerKey, load_dm_signing_key
from fieldwork_app.sync.keys import fingerprint_of, verify_signature

DEVICES_FILE = "trusted-devices.json"
LIST_FORMAT = "fieldwork-trusted-devices"
FINGERPRINT_RE = re.compile(r"^[0-9a-f]{4}(-[0-9a-f]{4}){7}$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_LIST_BYTES = 4 * 1024 * 1024


class TrustListError(FieldworkError):
    kind = ErrorKind.INVALID_INPUT


def check_fingerprint(text: str) -> str:
    fp = text.strip().lower()
    if not FINGERPRINT_RE.match(fp):
        raise InvalidInput(
            f"{text!r} is not a device fingerprint", code=ErrorCode.NOT_A_FINGERPRINT, params={"text": text}
        )
    return fp


@dataclass
class Device:
    fingerprint: str
    name: str
    added_at: str
    revoked_from: str | None = None  # a date (YYYY-MM-DD): bundles made on or after it are rejected
    after_seq: int | None = None  # with a revocation: bundles numbered above this are rejected
    revoked_at: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "name": self.name,
            "added_at": self.added_at,
            "revoked_from": self.revoked_from,
            "after_seq": self.after_seq,
            "revoked_at": self.revoked_at,
        }

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


@dataclass
class TrustedDevices:
    """Which devices' bundles are accepted.  ``accept_any`` (the explicit first look) accepts every
    signer, and everything it lets through is marked unverified."""

    devices: dict[str, Device] = field(default_factory=dict)
    accept_any: bool = False

    @classmethod
    def of(cls, *pairs: tuple[str, str]) -> TrustedDevices:
        """An in-memory list of (fingerprint, name): for code that builds its trust itself."""
        now = _now()
        return cls({check_fingerprint(fp): Device(check_fingerprint(fp), name, now) for fp, name in pairs})

    @classmethod
    def any_device(cls) -> TrustedDevices:
        return cls({}, accept_any=True)

    def label(self, fingerprint: str) -> str:
        d = self.devices.get(fingerprint.lower())
        return d.name if d else ""

    def is_trusted(self, fingerprint: str) -> bool:
        return self.accept_any or fingerprint.lower() in self.devices

    def refusal(self, fingerprint: str, created_at: str, seq: int | None) -> str | None:
        """Why a bundle by this signer, made at ``created_at`` with number ``seq``, is not accepted."""
        if self.accept_any:
            return None
        d = self.devices.get(fingerprint.lower())
        if d is None:
            return (
                f"signed by device {fingerprint}, which is not on the trusted list; if it is one of the study's "
                f"laptops (compare with 'fieldwork device' on it), trust it with "
                f"'fieldwork study devices add {fingerprint} --name NAME --key STUDY_KEY'"
            )
        if not d.revoked:
            return None
        if d.after_seq is not None and (seq is None or seq > d.after_seq):
            return (
                f"device {fingerprint} ({d.name}) is revoked after its bundle {d.after_seq}; this bundle is "
                f"{'unnumbered' if seq is None else f'number {seq}'}"
            )
        if (d.revoked_from is None and d.after_seq is None) or (
            d.revoked_from is not None and created_at[:10] >= d.revoked_from
        ):
            when = f"from {d.revoked_from}" if d.revoked_from else "for all its bundles"
            return f"device {fingerprint} ({d.name}) is revoked {when}; this bundle says it was made {created_at}"
        return None


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


# -- the data manager's signing key (dm-signing.key, shared with study sign-pack) -------------------
def signing_key_path(study_key: Path) -> Path:
    """``dm-signing.key`` beside the study's private key."""
    return Path(study_key).parent / SIGNING_KEY_FILE


def devices_path(study_key: Path) -> Path:
    return Path(study_key).parent / DEVICES_FILE


def load_signing_key(path: Path) -> DataManagerKey:
    """The data manager's signing key that signs (and checks) the trusted list."""
    if not Path(path).exists():
        raise TrustListError(
            f"no data manager signing key at {path}: without it the trusted list cannot be checked",
            code=ErrorCode.NO_SIGNING_KEY,
            params={"path": path},
        )
    return load_dm_signing_key(path)


# -- the signed list ----------------------------------------------------------------------------------
def _study_recipient(identity: pyrage.x25519.Identity) -> str:
    return str(identity.to_public())


def save_list(path: Path, devices: TrustedDevices, key: DataManagerKey, identity: pyrage.x25519.Identity,
              serial: int) -> None:  # fmt: skip
    body = {
        "study_key": _study_recipient(identity),
        "serial": serial,
        "devices": [devices.devices[fp].to_json() for fp in sorted(devices.devices)],
    }
    signed = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")
    doc = {
        "format": LIST_FORMAT,
        "version": 1,
        "signer": base64.b64encode(key.public_bytes()).decode("ascii"),
        "signed": base64.b64encode(signed).decode("ascii"),
        "signature": base64.b64encode(key.sign(signed)).decode("ascii"),
    }
    path = Path(path)
    tmp = path.with_name(f".{path.name}.new")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(json.dumps(doc, indent=1, sort_keys=True) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def load_list(
    path: Path, signing_key: DataManagerKey, identity: pyrage.x25519.Identity
) -> tuple[TrustedDevices, int]:
    """The signed list at ``path`` and its serial number; refused if altered or made for another study."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise TrustListError(f"no trusted-devices list at {path}") from None
    except OSError as exc:
        raise TrustListError(f"cannot read the trusted-devices list {path}: {exc.strerror}") from None
    bad = TrustListError(
        f"the trusted-devices list {path} was altered or is not signed by this data manager signing key "
        f"({signing_key.fingerprint()}): nothing was read with it",
        code=ErrorCode.TRUST_LIST_ALTERED,
        params={"path": path, "key": signing_key.fingerprint()},
    )
    try:
        doc = safejson.loads(data, max_bytes=MAX_LIST_BYTES, max_depth=4)
        if not isinstance(doc, dict) or doc.get("format") != LIST_FORMAT or doc.get("version") != 1:
            raise bad
        signed = base64.b64decode(str(doc["signed"]), validate=True)
        signature = base64.b64decode(str(doc["signature"]), validate=True)
    except (safejson.JsonLimitError, KeyError, binascii.Error, ValueError):
        raise bad from None
    if not verify_signature(signing_key.public_bytes(), signature, signed):
        raise bad
    body = safejson.loads(signed, max_bytes=MAX_LIST_BYTES, max_depth=4)
    if body.get("study_key") != _study_recipient(identity):
        raise TrustListError(f"the trusted-devices list {path} belongs to another study key")
    out = TrustedDevices()
    for d in body["devices"]:
        out.devices[d["fingerprint"]] = Device(
            d["fingerprint"], d["name"], d["added_at"], d.get("revoked_from"), d.get("after_seq"),
            d.get("revoked_at"),
        )  # fmt: skip
    return out, int(body["serial"])


def check_date(text: str) -> str:
    if not _DATE_RE.match(text):
        raise InvalidInput(f"{text!r} is not a date (YYYY-MM-DD)")
    try:
        _dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{text!r} is not a date (YYYY-MM-DD)") from None
    return text


def fingerprint_of_key(public: bytes) -> str:
    return fingerprint_of(public)
