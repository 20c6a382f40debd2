"""Unpacking a study store into the analysis folder (data manager side).

Output layout (all deterministic, so unpacking twice gives byte-identical files)::

    <out>/<entry path>                 every entry of every good bundle (portable audio -> .flac)
    <out>/index.csv, index.json        one row per session bundle, from the manifests' metadata
    <out>/withdrawals.csv, .json       one row per withdrawal, with the files that must be deleted
    <out>/_fieldwork/bundles/<id>.json each bundle's metadata and audit trail
    <out>/_fieldwork/unpacked.json     plaintext SHA-256 per written file (lets re-runs skip work)

Files are written to a temporary name, checked against the manifest's plaintext hash, and only
then renamed into place: a damaged entry never appears under its real name.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage

from fieldwork_app.errors import FieldworkError
from fieldwork_app.sync.checks import BundleInfo, Problem, inspect_store
from fieldwork_app.sync.keys import TrustedDevices
from fieldwork_app.sync.manifest import PORTABLE_AUDIO, chunk_object, safe_relpath
from fieldwork_app.sync.state import NullState, TaskState, check_cancel
from fieldwork_app.sync.transports.base import Transport

logger = logging.getLogger(__name__)

META_DIR = "_fieldwork"
RESERVED = {"index.csv", "index.json", "withdrawals.csv", "withdrawals.json", META_DIR}
INDEX_FIELDS = [
    "bundle_id", "kind", "study_id", "pack_version", "session_id", "participant_ids", "created_at",
    "user", "device_fingerprint", "device_label", "entries", "bytes", "audit_head", "records",
]  # fmt: skip
WITHDRAWAL_FIELDS = [
    "bundle_id", "created_at", "participant_ids", "user", "scope", "action", "records", "delete", "review",
]  # fmt: skip


@dataclass
class UnpackReport:
    problems: list[Problem] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    sessions: int = 0
    withdrawals: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


class _EntryFailed(FieldworkError):
    pass


def _output_rel(entry: dict[str, Any]) -> str:
    rel = safe_relpath(str(entry["path"]))
    if entry.get("media_type") == PORTABLE_AUDIO:
        stem = rel.rsplit(".", 1)[0] if "." in rel.rsplit("/", 1)[-1] else rel
        rel = stem + ".flac"
    return rel


def _atomic_write(path: Path, data: bytes) -> bool:
    """Write only if the content differs; return True when the file changed."""
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.unpacking")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return True


def _json_bytes(obj: Any) -> bytes:
    return (json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _csv_bytes(fields: list[str], rows: list[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: (json.dumps(v, sort_keys=True) if isinstance(v, dict | list) else v)
                         for k, v in row.items()})  # fmt: skip
    return buf.getvalue().encode("utf-8")


class _Unpacker:
    def __init__(self, transport: Transport, identity: pyrage.x25519.Identity, out: Path,
                 state: TaskState) -> None:  # fmt: skip
        self.transport, self.identity, self.out, self.state = transport, identity, out, state
        self.report = UnpackReport()
        self.owners: dict[str, tuple[str, str]] = {}  # output path -> (device fingerprint, bundle id)
        state_file = out / META_DIR / "unpacked.json"
        self.hashes: dict[str, str] = json.loads(state_file.read_text()) if state_file.exists() else {}

    def plaintext(self, bundle_id: str, entry: dict[str, Any], digest: Any) -> Iterator[bytes]:
        for name in entry["chunks"]:
            check_cancel(self.state)
            obj = chunk_object(bundle_id, name)
            data = self.transport.get(obj)
            if hashlib.sha256(data).hexdigest() != name:
                raise _EntryFailed(f"{obj}: chunk content does not match its hash")
            try:
                plain = pyrage.decrypt(data, [self.identity])
            except Exception:
                raise _EntryFailed(f"{obj}: chunk does not decrypt with this study key") from None
            digest.update(plain)
            yield plain

    def entry(self, bundle_id: str, entry: dict[str, Any]) -> str | None:
        rel = _output_rel(entry)
        if rel.split("/", 1)[0] in RESERVED:
            raise _EntryFailed(f"entry path {rel} uses a reserved name")
        target = self.out / rel
        if target.exists() and self.hashes.get(rel) == entry["sha256"]:
            self.report.unchanged.append(rel)
            return rel
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        tmp = target.with_name(f".{target.stem}.unpacking{target.suffix}")
        tmp.unlink(missing_ok=True)
        try:
            if entry.get("media_type") == PORTABLE_AUDIO:
                from fieldwork_app.audio.portable import portable_to_file

                portable_to_file(self.plaintext(bundle_id, entry, digest), tmp)
            else:
                with open(tmp, "wb") as fh:
                    for block in self.plaintext(bundle_id, entry, digest):
                        fh.write(block)
                    fh.flush()
                    os.fsync(fh.fileno())
            if digest.hexdigest() != entry["sha256"]:
                raise _EntryFailed(f"{rel}: content does not match the manifest's hash")
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        self.hashes[rel] = entry["sha256"]
        self.report.written.append(rel)
        return rel

    def _conflict(self, info: BundleInfo) -> Problem | None:
        """A bundle whose files another device's bundle already wrote in this run is not unpacked."""
        assert info.body is not None
        device = str(info.body["device"]["fingerprint"])
        rels = []
        for entry in info.body["entries"]:
            try:
                rels.append(_output_rel(entry))
            except FieldworkError:
                continue  # reported when the entry is written
        for rel in rels:
            owner = self.owners.get(rel)
            if owner is not None and owner[0] != device:
                return Problem(
                    f"bundles/{info.bundle_id}",
                    "conflict",
                    f"{rel} was already written from bundle {owner[1]} of device {owner[0]}; this bundle is "
                    f"from device {device}. Two laptops used the same participant or session ids, or a bundle "
                    "was forged: it is not unpacked (check the devices against the trusted list)",
                    info.bundle_id,
                )
        for rel in rels:
            self.owners[rel] = (device, info.bundle_id)
        return None

    def bundle(self, info: BundleInfo) -> list[str]:
        assert info.body is not None
        outputs: list[str] = []
        conflict = self._conflict(info)
        if conflict is not None:
            self.report.problems.append(conflict)
            return outputs
        for entry in info.body["entries"]:
            try:
                rel = self.entry(info.bundle_id, entry)
            except FieldworkError as exc:
                if exc.kind.value == "cancelled":
                    raise
                where = f"bundles/{info.bundle_id}: {entry.get('path')}"
                self.report.problems.append(Problem(where, "entry-failed", exc.message, info.bundle_id))
                continue
            if rel is not None:
                outputs.append(rel)
        meta = {k: v for k, v in info.body.items() if k != "entries"}
        meta["device_label"] = info.device_label
        meta["entries"] = [
            {k: e[k] for k in ("path", "media_type", "meta", "size", "sha256")} for e in info.body["entries"]
        ]
        self._meta(f"bundles/{info.bundle_id}.json", meta)
        return outputs

    def _meta(self, rel: str, obj: Any) -> None:
        _atomic_write(self.out / META_DIR / rel, _json_bytes(obj))


def _seq(body: dict[str, Any] | None) -> int:
    seq = (body or {}).get("audit_seq")
    return seq if isinstance(seq, int) else 0


def _withdrawal_action(body: dict[str, Any]) -> tuple[str, str, bool]:
    """(scope, what the data manager must do, whether her files are to be deleted) for a withdrawal."""
    w = body.get("records", {}).get("withdrawal", {})
    scope = str(w.get("scope") or "")
    when = str(w.get("effective_date") or "")
    if scope == "delete_data" and w.get("before_cutoff"):
        return (
            scope,
            (
                f"delete every file under 'delete' (withdrawn {when}, before the analysis cut-off); in the "
                "focus-group files under 'review', remove her contributions from transcripts and notes"
            ),
            True,
        )
    if scope == "delete_data":
        return (
            scope,
            (
                f"she asked for deletion on {when}, after the analysis cut-off: keep her data as the information "
                "sheet says, collect nothing new, and record the request"
            ),
            False,
        )
    if scope in ("no_further_data", "no_further_contact"):
        return (
            scope,
            f"keep the data collected before {when}; collect nothing new and do not contact her",
            False,
        )
    return scope, f"unknown withdrawal scope {scope!r}: ask the laptop's researcher before acting", False


def unpack_store(
    transport: Transport,
    identity: pyrage.x25519.Identity,
    out_dir: Path,
    trusted_devices: TrustedDevices | None = None,
    state: TaskState | None = None,
) -> UnpackReport:
    """Write every verified bundle's entries under ``out_dir`` with an index and withdrawal list."""
    state = state or NullState()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    checked = inspect_store(transport, identity, trusted_devices, check_chunks=True, state=state)
    unpacker = _Unpacker(transport, identity, out, state)
    unpacker.report.problems.extend(checked.problems)
    good = [b for b in checked.bundles if b.ok and b.body is not None]
    # In the order they were made: by time, then (one laptop's bundles) by the length of its audit history.
    good.sort(key=lambda b: (str(b.body["created_at"]) if b.body else "", _seq(b.body), b.bundle_id))

    sessions: list[dict[str, Any]] = []
    withdrawals: list[tuple[BundleInfo, dict[str, Any]]] = []
    files_by_participant: dict[str, set[str]] = {}  # her own sessions' files
    group_files: dict[str, set[str]] = {}  # focus-group files she is part of (shared with others)
    for info in good:
        body = info.body
        assert body is not None
        problems_before = len(unpacker.report.problems)
        outputs = unpacker.bundle(info)
        if len(unpacker.report.problems) != problems_before:
            continue  # an entry failed: the bundle is reported, not indexed as complete
        row = {
            "bundle_id": info.bundle_id,
            "kind": body["kind"],
            "study_id": body.get("study_id"),
            "pack_version": body.get("pack_version"),
            "session_id": body.get("session_id"),
            "participant_ids": ";".join(body.get("participant_ids", [])),
            "created_at": body.get("created_at"),
            "user": body.get("user"),
            "device_fingerprint": body["device"]["fingerprint"],
            "device_label": info.device_label,
            "entries": len(body["entries"]),
            "bytes": sum(int(e["size"]) for e in body["entries"]),
            "audit_head": body.get("audit_head"),
            "records": body.get("records", {}),
        }
        if body["kind"] == "withdrawal":
            withdrawals.append((info, row))
            continue
        sessions.append(row)
        group = len(body.get("participant_ids", [])) > 1
        for pid in body.get("participant_ids", []):
            (group_files if group else files_by_participant).setdefault(pid, set()).update(outputs)

    wd_rows: list[dict[str, Any]] = []
    for info, row in withdrawals:
        assert info.body is not None
        own: set[str] = set()
        shared: set[str] = set()
        for pid in info.body.get("participant_ids", []):
            own |= files_by_participant.get(pid, set())
            shared |= group_files.get(pid, set())
        scope, action, delete = _withdrawal_action(info.body)
        wd_rows.append({
            "bundle_id": info.bundle_id, "created_at": row["created_at"], "participant_ids": row["participant_ids"],
            "user": row["user"], "scope": scope, "action": action, "records": row["records"],
            "delete": sorted(own) if delete else [], "review": sorted(shared) if delete else [],
        })  # fmt: skip
    _atomic_write(out / "index.json", _json_bytes(sessions))
    _atomic_write(out / "index.csv", _csv_bytes(INDEX_FIELDS, sessions))
    _atomic_write(out / "withdrawals.json", _json_bytes(wd_rows))
    _atomic_write(out / "withdrawals.csv", _csv_bytes(WITHDRAWAL_FIELDS, wd_rows))
    unpacker._meta("unpacked.json", dict(sorted(unpacker.hashes.items())))
    report = unpacker.report
    report.sessions, report.withdrawals = len(sessions), len(wd_rows)
    logger.info("unpacked %d session and %d withdrawal bundles", report.sessions, report.withdrawals)
    return report
