"""Reading a store's bundles back: layout, manifests, signatures, device trust and chunk hashes.

Shared by ``verify`` (which stops here) and ``unpack`` (which goes on to decrypt).  Every problem
names the object it concerns, so the data manager can find it on the store.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import pyrage

from fieldwork_app.sync.auditcheck import check_bundle_audit, check_device_histories
from fieldwork_app.sync.keys import TrustedDevices
from fieldwork_app.sync.manifest import (
    BUNDLES_PREFIX,
    CHUNK_SUFFIX,
    MANIFEST_NAME,
    Envelope,
    ManifestError,
    chunk_object,
    open_body,
    parse_manifest,
)
from fieldwork_app.sync.state import NullState, TaskState, check_cancel
from fieldwork_app.sync.transports.base import Transport, sha256_stream

logger = logging.getLogger(__name__)


@dataclass
class Problem:
    """One thing wrong on the store, named precisely enough to find it."""

    object: str
    code: str
    message: str
    bundle_id: str = ""

    def __str__(self) -> str:
        return f"{self.object}: {self.message}"


@dataclass
class BundleInfo:
    bundle_id: str
    ok: bool
    body: dict[str, Any] | None = None
    envelope: Envelope | None = None
    device_label: str = ""


@dataclass
class VerifyReport:
    bundles: list[BundleInfo] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    objects_checked: int = 0
    bytes_checked: int = 0
    devices_checked: bool = (
        False  # a trusted-devices list was given (a bundle whose signer is not on it fails)
    )

    @property
    def ok(self) -> bool:
        return not self.problems

    def devices(self) -> list[dict[str, Any]]:
        """Who signed the bundles that could be opened: fingerprint, label, users and how many bundles."""
        seen: dict[str, dict[str, Any]] = {}
        for b in self.bundles:
            if b.body is None:
                continue
            fp = str(b.body["device"]["fingerprint"])
            d = seen.setdefault(fp, {"fingerprint": fp, "label": b.device_label, "users": [], "bundles": 0})
            d["bundles"] += 1
            if b.body.get("user") not in d["users"]:
                d["users"].append(b.body.get("user"))
        return [seen[k] for k in sorted(seen)]

    def summary(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "bundles": len(self.bundles),
            "bundles_ok": sum(1 for b in self.bundles if b.ok),
            "objects_checked": self.objects_checked,
            "bytes_checked": self.bytes_checked,
            "devices_checked": self.devices_checked,
            "devices": self.devices(),
            "problems": [{"object": p.object, "code": p.code, "message": p.message} for p in self.problems],
        }


def _group(names: list[str], report: VerifyReport) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = {}
    for name in names:
        parts = name[len(BUNDLES_PREFIX) :].split("/")
        if len(parts) != 2 or not parts[0] or not parts[1]:
            report.problems.append(Problem(name, "unexpected-object", "object outside any bundle layout"))
            continue
        groups.setdefault(parts[0], set()).add(parts[1])
    return groups


def inspect_store(
    transport: Transport,
    identity: pyrage.x25519.Identity | None,
    trusted_devices: TrustedDevices | None,
    *,
    check_chunks: bool,
    state: TaskState | None = None,
) -> VerifyReport:
    """Read every manifest, open and authenticate it, and (optionally) hash every chunk.

    Without ``identity`` only the checks that need no key are made (layout, manifest structure,
    chunk presence, sizes and hashes): what a store operator could run.
    """
    state = state or NullState()
    report = VerifyReport()
    groups = _group(transport.list(BUNDLES_PREFIX), report)
    for bundle_id in sorted(groups):
        check_cancel(state)
        present = groups[bundle_id]
        info = BundleInfo(bundle_id, ok=False)
        report.bundles.append(info)
        before = len(report.problems)
        where = f"{BUNDLES_PREFIX}{bundle_id}/{MANIFEST_NAME}"

        def problem(obj: str, code: str, message: str, bundle_id: str = bundle_id) -> None:
            report.problems.append(Problem(obj, code, message, bundle_id))

        if MANIFEST_NAME not in present:
            problem(where, "incomplete", "bundle has no manifest (upload unfinished, or manifest deleted)")
            continue
        try:
            env = parse_manifest(transport.get(where))
            if env.bundle_id != bundle_id:
                raise ManifestError("manifest names a different bundle than its folder")
            info.envelope = env
            if identity is not None:
                info.body = open_body(env, identity)
                fingerprint = str(info.body["device"]["fingerprint"])
                if trusted_devices is not None:
                    if not trusted_devices.is_trusted(fingerprint):
                        raise ManifestError(f"signed by unknown device {fingerprint}")
                    info.device_label = trusted_devices.label(fingerprint)
        except ManifestError as exc:
            problem(where, "bad-manifest", exc.message)
            continue
        listed = {f"{n}{CHUNK_SUFFIX}" for n, _ in env.chunks}
        for extra in sorted(present - listed - {MANIFEST_NAME}):
            problem(f"{BUNDLES_PREFIX}{bundle_id}/{extra}", "unlisted-object", "object not in the manifest")
        for chunk, size in env.chunks:
            obj = chunk_object(bundle_id, chunk)
            if f"{chunk}{CHUNK_SUFFIX}" not in present:
                problem(obj, "missing-chunk", "chunk listed in the manifest is missing")
                continue
            if not check_chunks:
                continue
            actual = transport.stat(obj)
            if actual != size:
                problem(obj, "wrong-size", f"chunk is {actual} bytes, the manifest says {size}")
                continue
            report.objects_checked += 1
            report.bytes_checked += size
            if sha256_stream(transport.iter_get(obj)) != chunk:
                problem(obj, "altered-chunk", "chunk content does not match its hash (altered or damaged)")
            state.set_progress(report.bytes_checked, 0, f"checking bundle {bundle_id}")
        info.ok = len(report.problems) == before
    _check_audit(report)
    report.devices_checked = trusted_devices is not None and identity is not None
    return report


def _check_audit(report: VerifyReport) -> None:
    """Audit-history problems are reported (verify fails) but do not hold back a bundle's data."""
    opened = [(b.bundle_id, b.body) for b in report.bundles if b.body is not None]

    def problem(bundle_id: str, code: str, message: str) -> None:
        report.problems.append(
            Problem(f"{BUNDLES_PREFIX}{bundle_id}/{MANIFEST_NAME}", code, message, bundle_id)
        )

    for bundle_id, body in opened:
        check_bundle_audit(bundle_id, body, problem)
    check_device_histories(opened, problem)
