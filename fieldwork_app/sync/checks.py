"""Reading a store's bundles back: layout, manifests, signatures, device trust, numbering, chunk hashes.

Shared by ``verify`` (which stops here) and ``unpack`` (which goes on to decrypt).  Every problem
names the object it concerns, so the data manager can find it on the store.

The order of checks is the defence (docs/threat-model.md): a manifest is read with a size limit; its
outer object is parsed with tight limits; the signature is checked with the signer's key, and the
signer against the trusted list, before the signed envelope or the body is parsed at all; the body
is then parsed with limits and validated against its schema.  A bundle that fails anything is one
named problem, and the others are still checked.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import pyrage

from fieldwork_app.errors import ErrorKind, InvalidInput, StoreError
from fieldwork_app.sync.auditcheck import check_bundle_audit, check_device_histories
from fieldwork_app.sync.keys import fingerprint_of
from fieldwork_app.sync.manifest import (
    BUNDLES_PREFIX,
    CHUNK_SUFFIX,
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    Envelope,
    ManifestError,
    chunk_object,
    open_body,
    parse_envelope,
    parse_outer,
    signer_key,
)
from fieldwork_app.sync.state import NullState, TaskState, check_cancel
from fieldwork_app.sync.transports.base import Transport, check_name, sha256_stream, unlisted_folders
from fieldwork_app.sync.trust import TrustedDevices

logger = logging.getLogger(__name__)

# Store trouble that is about the whole store, not one object: it ends the run.
_WHOLE_STORE = (ErrorKind.STORE_UNREACHABLE, ErrorKind.STORE_AUTH)


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
    signer: str = ""  # fingerprint of the key whose signature verified (trusted or not)
    trusted: bool = False  # the signer is on the trusted list (False under --accept-any-device)


@dataclass
class VerifyReport:
    bundles: list[BundleInfo] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    objects_checked: int = 0
    bytes_checked: int = 0
    devices_checked: bool = False  # a trusted list was used (False for key-less and --accept-any-device)
    newest: dict[tuple[str, str], int] = field(default_factory=dict)  # (device, sequence) -> newest number

    @property
    def ok(self) -> bool:
        return not self.problems

    def devices(self) -> list[dict[str, Any]]:
        """Who signed the bundles: fingerprint, label, trusted or not, users, bundles, newest numbers."""
        seen: dict[str, dict[str, Any]] = {}
        for b in self.bundles:
            if not b.signer:
                continue
            d = seen.setdefault(b.signer, {"fingerprint": b.signer, "label": b.device_label, "trusted": b.trusted,
                                           "users": [], "bundles": 0, "newest": {}})  # fmt: skip
            d["bundles"] += 1
            user = b.body.get("user") if b.body else None
            if user is not None and user not in d["users"]:
                d["users"].append(user)
        for (fp, sequence), seq in self.newest.items():
            if fp in seen:
                seen[fp]["newest"][sequence] = seq
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
            "problems": [
                {"object": p.object, "code": p.code, "message": p.message, "bundle_id": p.bundle_id}
                for p in self.problems
            ],
        }


def read_bounded(transport: Transport, name: str, limit: int) -> bytes:
    """An object's bytes, refused (never read on) once it is longer than ``limit``."""
    size = transport.stat(name)
    if size is None:
        raise ManifestError(f"{name} is missing", code="incomplete")
    if size > limit:
        raise ManifestError(f"{name} is {size} bytes, more than the limit of {limit}", code="too-large")
    buf = bytearray()
    for block in transport.iter_get(name):
        buf += block
        if len(buf) > limit:
            raise ManifestError(f"{name} is longer than the limit of {limit} bytes", code="too-large")
    return bytes(buf)


def _unlisted(transport: Transport, report: VerifyReport) -> dict[str, str]:
    """Bundle folders the store would not list (bundle id -> why); any other unreadable folder is a problem."""
    found: dict[str, str] = {}
    for folder, why in unlisted_folders(transport):
        parts = folder[len(BUNDLES_PREFIX) :].split("/") if folder.startswith(BUNDLES_PREFIX) else []
        if len(parts) == 1 and parts[0]:
            found[parts[0]] = why
        else:
            report.problems.append(Problem(f"{folder}/", "unreadable", f"folder cannot be read ({why})"))
    return found


def _group(names: list[str], report: VerifyReport) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = {}
    for name in names:
        parts = name[len(BUNDLES_PREFIX) :].split("/")
        try:
            check_name(name)  # a listing is the server's word: '..' and the like name no bundle
        except InvalidInput:
            report.problems.append(Problem(name, "unexpected-object", "object name is not a plain relative path"))
            continue
        if len(parts) != 2 or not parts[0] or not parts[1]:
            report.problems.append(Problem(name, "unexpected-object", "object outside any bundle layout"))
            continue
        groups.setdefault(parts[0], set()).add(parts[1])
    return groups


def _open(info: BundleInfo, env: Envelope, identity: pyrage.x25519.Identity, trusted: TrustedDevices | None,
          report_signer_only: bool) -> None:  # fmt: skip
    """Signature, then signer trust, then (only for a trusted signer) the envelope and the body."""
    signer = signer_key(env, identity)
    info.signer = fingerprint_of(signer)
    if report_signer_only:
        return
    assert trusted is not None
    if not trusted.is_trusted(info.signer):
        raise ManifestError(str(trusted.refusal(info.signer, "", None)), code="untrusted-device")
    body = open_body(env, identity, signer, info.bundle_id)
    seq = body.get("device_seq")
    refusal = trusted.refusal(info.signer, str(body["created_at"]), seq if isinstance(seq, int) else None)
    if refusal is not None:
        raise ManifestError(refusal, code="revoked-device")
    info.body = body
    info.trusted = not trusted.accept_any
    info.device_label = trusted.label(info.signer)


def inspect_store(
    transport: Transport,
    identity: pyrage.x25519.Identity | None,
    trusted_devices: TrustedDevices | None,
    *,
    check_chunks: bool,
    state: TaskState | None = None,
    signers_only: bool = False,
) -> VerifyReport:
    """Read every manifest, authenticate it, check its signer, and (optionally) hash every chunk.

    Without ``identity`` only the checks that need no key are made (layout, manifest structure, chunk
    presence, sizes and hashes): what a store operator could run.  With it, ``trusted_devices`` is
    required (:meth:`TrustedDevices.any_device` is the explicit first look), unless ``signers_only``:
    then only each manifest's signer is found (nothing else is parsed), for a refusal to name them.
    """
    if identity is not None and trusted_devices is None and not signers_only:
        raise InvalidInput("a trusted-devices list is required to open bundles")
    state = state or NullState()
    report = VerifyReport()
    groups = _group(transport.list(BUNDLES_PREFIX), report)
    unlisted = _unlisted(transport, report)
    bad: set[str] = set()

    def problem(obj: str, code: str, message: str, bundle_id: str) -> None:
        report.problems.append(Problem(obj, code, message, bundle_id))
        bad.add(bundle_id)

    # First every manifest (small), so the chunk bytes to check are known before the first is read.
    opened: list[tuple[BundleInfo, Envelope, set[str]]] = []
    for bundle_id in sorted(set(groups) | set(unlisted)):
        check_cancel(state)
        present = groups.get(bundle_id, set())
        info = BundleInfo(bundle_id, ok=False)
        report.bundles.append(info)
        where = f"{BUNDLES_PREFIX}{bundle_id}/{MANIFEST_NAME}"
        if bundle_id in unlisted:
            problem(f"{BUNDLES_PREFIX}{bundle_id}/", "unreadable", f"the bundle's folder cannot be read "
                    f"({unlisted[bundle_id]}): nothing in it was checked", bundle_id)  # fmt: skip
            continue
        if MANIFEST_NAME not in present:
            problem(where, "incomplete", "bundle has no manifest (upload unfinished, or manifest deleted)",
                    bundle_id)  # fmt: skip
            continue
        try:
            env = parse_outer(read_bounded(transport, where, MAX_MANIFEST_BYTES))
            if identity is None:
                parse_envelope(env, bundle_id)
            else:
                _open(info, env, identity, trusted_devices, signers_only)
            info.envelope = env
        except ManifestError as exc:
            problem(where, exc.problem, exc.message, bundle_id)
            continue
        except StoreError as exc:
            if exc.kind in _WHOLE_STORE:
                raise
            problem(where, "unreadable", exc.message, bundle_id)
            continue
        except InvalidInput as exc:  # a name the transport refuses: this bundle only
            problem(where, "unexpected-object", str(exc), bundle_id)
            continue
        if not signers_only:
            opened.append((info, env, present))
        state.set_progress(0, 0, f"reading manifest of bundle {bundle_id}")
    # Then the chunks, with progress over their bytes.
    total = sum(size for _, env, present in opened for chunk, size in env.chunks
                if f"{chunk}{CHUNK_SUFFIX}" in present) if check_chunks else 0  # fmt: skip
    for info, env, present in opened:
        bundle_id = info.bundle_id
        listed = {f"{n}{CHUNK_SUFFIX}" for n, _ in env.chunks}
        for extra in sorted(present - listed - {MANIFEST_NAME}):
            problem(f"{BUNDLES_PREFIX}{bundle_id}/{extra}", "unlisted-object", "object not in the manifest",
                    bundle_id)  # fmt: skip
        for chunk, size in env.chunks:
            check_cancel(state)
            obj = chunk_object(bundle_id, chunk)
            if f"{chunk}{CHUNK_SUFFIX}" not in present:
                problem(obj, "missing-chunk", "chunk listed in the manifest is missing", bundle_id)
                continue
            if not check_chunks:
                continue
            try:
                actual = transport.stat(obj)
                if actual != size:
                    problem(obj, "wrong-size", f"chunk is {actual} bytes, the manifest says {size}", bundle_id)
                    continue
                report.objects_checked += 1
                report.bytes_checked += size
                if sha256_stream(_limited(transport, obj, size)) != chunk:
                    problem(obj, "altered-chunk", "chunk content does not match its hash (altered or damaged)",
                            bundle_id)  # fmt: skip
            except ManifestError as exc:
                problem(obj, exc.problem, exc.message, bundle_id)
            except StoreError as exc:
                if exc.kind in _WHOLE_STORE:
                    raise
                problem(obj, "unreadable", exc.message, bundle_id)
            state.set_progress(report.bytes_checked, total, f"checking bundle {bundle_id}")
    for info in report.bundles:
        info.ok = info.bundle_id not in bad and info.envelope is not None and not signers_only
    if identity is not None and not signers_only:
        _check_sequences(report)
        _check_audit(report)
    report.devices_checked = (
        identity is not None and trusted_devices is not None and not trusted_devices.accept_any
    )
    return report


def _limited(transport: Transport, name: str, size: int) -> Any:
    """Stream an object, stopping once it is longer than the manifest said (it may grow after a stat)."""
    done = 0
    for block in transport.iter_get(name):
        done += len(block)
        if done > size:
            raise ManifestError(f"{name} is longer than the manifest says", code="wrong-size")
        yield block


def _check_sequences(report: VerifyReport) -> None:
    """Per trusted device and sequence: every number from 1 to the newest is there once, and each bundle
    names the manifest of the one numbered before it.  Reports gaps (dropped bundles), numbers used twice
    (a replay, or a laptop whose vault was restored or copied) and forks (a bundle that follows another
    bundle than the one on the store)."""
    lanes: dict[tuple[str, str], dict[int, list[BundleInfo]]] = {}
    for b in report.bundles:
        body = b.body
        if body is None or not isinstance(body.get("device_seq"), int):
            continue
        key = (b.signer, str(body.get("sequence")))
        lanes.setdefault(key, {}).setdefault(int(body["device_seq"]), []).append(b)
    for (fp, sequence), by_seq in sorted(lanes.items()):
        newest = max(by_seq)
        report.newest[(fp, sequence)] = newest
        who = f"device {fp}"
        missing = [n for n in range(1, newest + 1) if n not in by_seq]
        for start, end in _runs(missing):
            span = f"bundle {start}" if start == end else f"bundles {start}-{end}"
            report.problems.append(Problem(
                f"{who} ({sequence} sequence)", "gap",
                f"{span} of {who}'s {sequence} sequence (newest here: {newest}) are not on the store: deleted, "
                "or not yet sent",
            ))  # fmt: skip
        for seq, infos in sorted(by_seq.items()):
            if len(infos) > 1:
                names = ", ".join(i.bundle_id for i in infos)
                for i in infos:
                    i.ok = False
                    report.problems.append(Problem(
                        f"{BUNDLES_PREFIX}{i.bundle_id}/{MANIFEST_NAME}", "seq-reused",
                        f"bundles {names} all say they are number {seq} of {who}'s {sequence} sequence: a number "
                        "used twice (a replay, or the laptop's vault was restored from a backup or copied); "
                        "none of them is unpacked until the others are removed",
                        i.bundle_id,
                    ))  # fmt: skip
            before = by_seq.get(seq - 1)
            if not before:
                continue  # a gap, reported above
            # The signed bytes' digest; bundles staged before chain digests named the stored object's.
            digests = {d for b in before if b.envelope is not None
                       for d in (b.envelope.signed_digest, b.envelope.digest)}  # fmt: skip
            for i in infos:
                if (i.body or {}).get("prev_manifest_sha256") not in digests:
                    shown = ", ".join(b.bundle_id for b in before)
                    report.problems.append(Problem(
                        f"{BUNDLES_PREFIX}{i.bundle_id}/{MANIFEST_NAME}", "fork",
                        f"bundle {i.bundle_id} (number {seq} of {who}) does not follow the number {seq - 1} on the "
                        f"store ({shown}): the laptop's history forked, or a bundle was replaced",
                        i.bundle_id,
                    ))  # fmt: skip
        first = by_seq.get(1)
        if first and len(first) == 1 and (first[0].body or {}).get("prev_manifest_sha256") not in ("", None):
            report.problems.append(Problem(
                f"{BUNDLES_PREFIX}{first[0].bundle_id}/{MANIFEST_NAME}", "fork",
                f"bundle {first[0].bundle_id} is number 1 of {who} but names a bundle before it", first[0].bundle_id,
            ))  # fmt: skip


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def _check_audit(report: VerifyReport) -> None:
    """Audit-history problems are reported (verify fails) but do not hold back a bundle's data.  Only
    bundles of trusted signers take part: an untrusted bundle's history proves nothing and must not
    make a genuine one look rewritten."""
    opened = [(b.bundle_id, b.body) for b in report.bundles if b.body is not None]

    def problem(bundle_id: str, code: str, message: str) -> None:
        report.problems.append(
            Problem(f"{BUNDLES_PREFIX}{bundle_id}/{MANIFEST_NAME}", code, message, bundle_id)
        )

    for bundle_id, body in opened:
        check_bundle_audit(bundle_id, body, problem)
    check_device_histories(opened, problem)
