"""Unpacking a study store into the analysis folder (data manager side).

Output layout (all deterministic, so unpacking twice gives byte-identical files)::

    <out>/<entry path>                 every entry of every good bundle (portable audio -> .flac)
    <out>/index.csv, index.json        one row per session bundle, from the manifests' metadata
    <out>/withdrawals.csv, .json       one row per withdrawal, with the files that must be deleted
    <out>/_fieldwork/bundles/<id>.json each bundle's metadata and audit trail
    <out>/_fieldwork/state.json        which device and bundle wrote every file, kept across runs

Files are written to a temporary name, checked against the manifest's plaintext hash and size, and only
then renamed into place: a damaged entry never appears under its real name.

What is never lost or replaced (docs/threat-model.md):

* The output folder must be empty, or a folder an unpack made before with the same study key (its state
  file's MAC checks out): a user's own files are never overwritten.
* The state file says, for every file written, which device, session and bundle wrote it, and is kept
  across runs.  A bundle never writes a file that another device, or a bundle of another session, wrote
  or wants: every bundle involved is held back and reported, whatever the order they arrive in; no time
  a bundle claims for itself decides anything.  Within one device's bundles of one session the signed
  bundle number decides which is newer.
* Paths are compared as the strictest file system would: Unicode NFC, case-folded, a file and a folder of
  the same name clash.
* A file changed in the output folder since it was written is not overwritten (reported).
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import logging
import os
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage

from fieldwork_app.errors import ErrorCode, ErrorKind, FieldworkError, InvalidInput
from fieldwork_app.sync import safejson
from fieldwork_app.sync.checks import BundleInfo, Problem, inspect_store, read_bounded
from fieldwork_app.sync.manifest import (
    BUNDLES_PREFIX,
    PORTABLE_AUDIO,
    ManifestError,
    chunk_object,
    path_key,
    safe_relpath,
)
from fieldwork_app.sync.state import NullState, TaskState, check_cancel
from fieldwork_app.sync.transports.base import Transport
from fieldwork_app.sync.trust import TrustedDevices

logger = logging.getLogger(__name__)

META_DIR = "_fieldwork"
STATE_NAME = "state.json"
STATE_FORMAT = "fieldwork-unpack-state"
RESERVED = {"index.csv", "index.json", "withdrawals.csv", "withdrawals.json", META_DIR}
RESERVED_KEYS = {path_key(n) for n in RESERVED}
ROLES = ("research", "identity")
INDEX_FIELDS = [
    "bundle_id", "kind", "status", "trust", "study_id", "pack_version", "session_id", "participant_ids", "created_at",
    "user", "device_fingerprint", "device_label", "sequence", "device_seq", "entries", "bytes", "audit_head",
    "records",
]  # fmt: skip
WITHDRAWAL_FIELDS = [
    "bundle_id", "trust", "created_at", "participant_ids", "user", "scope", "action", "records", "delete",
    "review",
]  # fmt: skip
UNVERIFIED = "UNVERIFIED: device not checked (--accept-any-device)"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class UnpackReport:
    problems: list[Problem] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    sessions: int = 0
    withdrawals: int = 0
    identity: int = 0
    held: list[str] = field(default_factory=list)  # bundle ids held back (conflicts and the like)
    devices: list[dict[str, Any]] = field(default_factory=list)  # who signed the bundles (as verify lists them)

    @property
    def ok(self) -> bool:
        return not self.problems


class _EntryFailed(FieldworkError):
    pass


def output_path(entry: dict[str, Any]) -> str:
    """The file an entry becomes: its path in Unicode NFC (audio as ``.flac``), after the path rules."""
    rel = unicodedata.normalize("NFC", safe_relpath(str(entry["path"])))
    safe_relpath(rel)
    if entry.get("media_type") == PORTABLE_AUDIO:
        stem = rel.rsplit(".", 1)[0] if "." in rel.rsplit("/", 1)[-1] else rel
        rel = safe_relpath(stem + ".flac")
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


def csv_cell(value: Any) -> Any:
    """A value as a spreadsheet may safely read it: text that could start a formula gets a leading '."""
    if isinstance(value, dict | list):
        value = json.dumps(value, sort_keys=True, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv_bytes(fields: list[str], rows: list[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
    return buf.getvalue().encode("utf-8")


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    return h.hexdigest()


# -- the state file ------------------------------------------------------------------------------------
class OutputState:
    """Who wrote what in one output folder, kept across runs, with a MAC keyed by the study key (so the
    file cannot be edited, or carried to another folder's key, without the next run noticing)."""

    def __init__(self, out: Path, identity: pyrage.x25519.Identity, role: str, unverified: bool) -> None:
        self.out, self.role, self.unverified = out, role, unverified
        self._key = hashlib.sha256(b"fieldwork unpack state v1\0" + str(identity).encode("ascii")).digest()
        self.files: dict[
            str, dict[str, Any]
        ] = {}  # path key -> {path, device, scope, bundle, seq, sha256, out}
        self.bundles: dict[str, dict[str, Any]] = {}

    @property
    def path(self) -> Path:
        return self.out / META_DIR / STATE_NAME

    def _mac(self, doc: dict[str, Any]) -> str:
        data = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")
        return hmac.new(self._key, data, hashlib.sha256).hexdigest()

    def _doc(self) -> dict[str, Any]:
        return {"format": STATE_FORMAT, "version": 1, "role": self.role, "unverified": self.unverified,
                "files": self.files, "bundles": self.bundles}  # fmt: skip

    def open(self) -> None:
        """Check the folder may be written to, and load what earlier runs wrote.  Changes nothing."""
        out = self.out
        if out.exists() and not out.is_dir():
            raise InvalidInput(f"{out} is a file, not a folder", code=ErrorCode.UNPACK_OUT_IS_A_FILE,
                               params={"folder": out})  # fmt: skip
        for parent in out.resolve().parents:  # never inside another unpack folder (identity data in analysis)
            if (parent / META_DIR / STATE_NAME).is_file():
                raise InvalidInput(f"{out} is inside {parent}, a folder a store was unpacked into",
                                   code=ErrorCode.UNPACK_INSIDE_UNPACK_FOLDER,
                                   params={"folder": out, "parent": parent})  # fmt: skip
        if not out.exists() or not any(out.iterdir()):
            return
        if not self.path.is_file():
            shown = ", ".join(sorted(p.name for p in out.iterdir())[:5])
            raise InvalidInput(
                f"{out} is not empty ({shown}) and no store was unpacked into it: nothing is written there",
                code=ErrorCode.UNPACK_FOLDER_NOT_EMPTY,
                params={"folder": out, "found": shown},
            )
        try:
            doc = safejson.loads(self.path.read_bytes(), max_bytes=1 << 30, max_depth=8)
            mac = doc.pop("mac")
        except (OSError, safejson.JsonLimitError, AttributeError, KeyError):
            doc, mac = {}, ""
        if (
            not isinstance(doc, dict)
            or doc.get("format") != STATE_FORMAT
            or not hmac.compare_digest(str(mac), self._mac(doc))
        ):
            raise InvalidInput(
                f"{self.path} was altered, or the folder was unpacked with another study key: nothing is written "
                f"to {out}; unpack into a new folder"
            )
        if doc["role"] != self.role:
            raise InvalidInput(
                f"{out} holds {doc['role']} data: {self.role} data is never unpacked into it",
                code=ErrorCode.UNPACK_RESEARCH_FOLDER if self.role == "identity" else ErrorCode.UNPACK_IDENTITY_FOLDER,
                params={"folder": out},
            )
        if self.unverified and not doc["unverified"]:
            raise InvalidInput(
                f"{out} holds verified data: a first look without a trusted list goes into a new folder",
                code=ErrorCode.UNPACK_VERIFIED_FOLDER,
                params={"folder": out},
            )
        if doc["unverified"] and not self.unverified:
            raise InvalidInput(
                f"{out} was unpacked without a trusted list (unverified): unpack with the trusted list into a "
                "new folder",
                code=ErrorCode.UNPACK_UNVERIFIED_FOLDER,
                params={"folder": out},
            )
        self.unverified = bool(doc["unverified"]) or self.unverified
        self.files, self.bundles = dict(doc["files"]), dict(doc["bundles"])

    def save(self) -> None:
        doc = self._doc()
        doc["mac"] = self._mac(self._doc())
        _atomic_write(self.path, _json_bytes(doc))


# -- planning: who claims which file ---------------------------------------------------------------------
@dataclass
class _Plan:
    info: BundleInfo
    device: str
    scope: str  # the session (or, for a withdrawal, the bundle) whose files these are
    seq: int | None
    outputs: list[tuple[str, str, dict[str, Any]]]  # (path, path key, entry)

    @property
    def claimant(self) -> tuple[str, str]:
        return (self.device, self.scope)


def _scope(body: dict[str, Any], bundle_id: str) -> str:
    session = body.get("session_id")
    return f"session {session}" if session else f"{body['kind']} bundle {bundle_id}"


def _order(info: BundleInfo) -> tuple[str, str, int, int, str, str]:
    """One device's bundles in the order it made them: numbered ones by their signed number, after the
    unnumbered ones (made before numbering), which go by the time their own device signed."""
    body = info.body or {}
    seq = body.get("device_seq")
    number = seq if isinstance(seq, int) else 0
    numbered = isinstance(seq, int)
    return (info.signer, str(body.get("sequence")), int(numbered), number,
            "" if numbered else str(body.get("created_at")), info.bundle_id)  # fmt: skip


class _Checking:
    """Unpack's progress while the store is checked: every chunk is read twice (hashed, then decrypted and
    written), so until the check ends the whole is taken as twice the bytes to check."""

    def __init__(self, state: TaskState) -> None:
        self.state = state
        self.checked = 0
        self.total = 0

    def set_progress(self, done_bytes: int, total_bytes: int, message: str) -> None:
        self.checked, self.total = done_bytes, total_bytes
        self.state.set_progress(done_bytes, 2 * total_bytes, message)

    def cancel_requested(self) -> bool:
        return self.state.cancel_requested()


class _Unpacker:
    def __init__(self, transport: Transport, identity: pyrage.x25519.Identity, out: Path, state: TaskState,
                 owners: OutputState) -> None:  # fmt: skip
        self.transport, self.identity, self.out, self.state = transport, identity, out, state
        self.owners = owners
        self.report = UnpackReport()
        self.done = 0  # bytes of progress so far (the check's, then the chunks written)
        self.total = 0  # the check's bytes and the chunks to write: set once the writing starts

    def problem(self, info: BundleInfo, code: str, message: str, what: str = "") -> None:
        where = f"{BUNDLES_PREFIX}{info.bundle_id}" + (f": {what}" if what else "")
        self.report.problems.append(Problem(where, code, message, info.bundle_id))

    # planning -------------------------------------------------------------------------------------------
    def plan(self, info: BundleInfo) -> _Plan | None:
        body = info.body
        assert body is not None
        outputs: list[tuple[str, str, dict[str, Any]]] = []
        seen: dict[str, str] = {}
        for entry in body["entries"]:
            try:
                rel = output_path(entry)
            except InvalidInput as exc:
                self.problem(info, "bad-path", exc.message, str(entry.get("path"))[:80])
                return None
            key = path_key(rel)
            if key.split("/", 1)[0] in RESERVED_KEYS:
                self.problem(info, "bad-path", f"entry path {rel} uses a reserved name", rel)
                return None
            if key in seen:
                self.problem(info, "bad-path", f"entries {seen[key]} and {rel} are one file on a case-insensitive "
                             "or Unicode-normalising file system", rel)  # fmt: skip
                return None
            seen[key] = rel
            outputs.append((rel, key, entry))
        keys = set(seen)
        for _rel, key, _e in outputs:
            parts = key.split("/")
            for n in range(1, len(parts)):
                if "/".join(parts[:n]) in keys:
                    self.problem(info, "bad-path", f"{seen['/'.join(parts[:n])]} is both a file and a folder")
                    return None
        seq = body.get("device_seq")
        return _Plan(info, info.signer, _scope(body, info.bundle_id), seq if isinstance(seq, int) else None,
                     outputs)  # fmt: skip

    def conflicts(self, plans: list[_Plan]) -> set[str]:
        """Bundle ids to hold back: every bundle whose files another device, or another session's bundle,
        wrote before or wants now (a file and a folder of the same name count as the same file)."""
        claims: dict[str, set[tuple[str, str]]] = {}
        who: dict[str, set[str]] = {}  # path key -> bundle ids claiming it (this run and earlier)
        for key, owner in self.owners.files.items():
            claims.setdefault(key, set()).add((owner["device"], owner["scope"]))
            who.setdefault(key, set()).add(str(owner["bundle"]))
        for plan in plans:
            for _rel, key, _e in plan.outputs:
                claims.setdefault(key, set()).add(plan.claimant)
                who.setdefault(key, set()).add(plan.info.bundle_id)
        clashing: dict[str, set[str]] = {}  # path key -> the bundles of a clash over it
        for key, claimants in claims.items():
            if len(claimants) > 1:
                clashing[key] = who[key]
            parts = key.split("/")
            for n in range(1, len(parts)):
                parent = "/".join(parts[:n])
                if parent in claims:  # a file where another bundle puts a folder
                    clashing[key] = who[key] | who[parent]
        held: set[str] = set()
        names = {p.info.bundle_id: p for p in plans}
        for key, bundles in sorted(clashing.items()):
            shown = ", ".join(sorted(bundles))
            for bundle_id in sorted(bundles):
                if bundle_id in held:
                    continue
                held.add(bundle_id)
                found = names.get(bundle_id)
                info = found.info if found else BundleInfo(bundle_id, ok=True)
                earlier = "" if found else " (its files, written before, are kept)"
                self.problem(
                    info, "conflict",
                    f"bundles {shown} write the same file ({key}) from different devices or sessions{earlier}: "
                    "two laptops used the same ids, or a bundle was forged; these bundles are held back until "
                    "the data manager removes the wrong one from the store",
                )  # fmt: skip
        return held

    # writing --------------------------------------------------------------------------------------------
    def plaintext(self, bundle_id: str, entry: dict[str, Any], sizes: dict[str, int], digest: Any,
                  count: list[int]) -> Iterator[bytes]:  # fmt: skip
        for name in entry["chunks"]:
            check_cancel(self.state)
            obj = chunk_object(bundle_id, name)
            try:
                data = read_bounded(self.transport, obj, sizes[name])
            except ManifestError as exc:
                raise _EntryFailed(exc.message) from None
            self.done += len(data)
            self.state.set_progress(self.done, max(self.total, self.done), f"writing {entry['path']}")
            if hashlib.sha256(data).hexdigest() != name:
                raise _EntryFailed(f"{obj}: chunk content does not match its hash")
            try:
                plain = pyrage.decrypt(data, [self.identity])
            except Exception:
                raise _EntryFailed(f"{obj}: chunk does not decrypt with this study key") from None
            del data
            count[0] += len(plain)
            if count[0] > int(entry["size"]):
                raise _EntryFailed(f"{entry['path']}: more bytes than the manifest's size {entry['size']}")
            digest.update(plain)
            yield plain

    def entry(self, plan: _Plan, rel: str, key: str, entry: dict[str, Any]) -> bool:
        """Write one entry if it is new or newer; True if the file is now this bundle's."""
        info = plan.info
        owner = self.owners.files.get(key)
        target = self.out / rel
        if owner is not None:
            if owner["seq"] is not None and plan.seq is not None and owner["seq"] > plan.seq:
                return False  # an older bundle of the same session, arriving late: the newer file stays
            if target.exists() and owner["sha256"] == entry["sha256"]:
                self.report.unchanged.append(rel)
                owner.update(bundle=info.bundle_id, seq=plan.seq)
                return True
            if target.exists() and _file_sha256(target) != owner["out"]:
                self.problem(info, "modified-output", f"{rel} was changed in the output folder since it was "
                             "written; it is not replaced (move your copy away to get the bundle's)", rel)  # fmt: skip
                return False
        elif target.exists() or target.is_symlink():
            self.problem(info, "modified-output", f"{rel} is in the output folder but no bundle wrote it; "
                         "it is not replaced", rel)  # fmt: skip
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        count = [0]
        tmp = target.with_name(f".{target.stem[:40]}.unpacking{target.suffix[:12]}")
        tmp.unlink(missing_ok=True)
        sizes = dict(info.envelope.chunks) if info.envelope else {}
        try:
            blocks = self.plaintext(info.bundle_id, entry, sizes, digest, count)
            if entry.get("media_type") == PORTABLE_AUDIO:
                from fieldwork_app.audio.portable import portable_to_file

                portable_to_file(blocks, tmp)
            else:
                with open(tmp, "wb") as fh:
                    for block in blocks:
                        fh.write(block)
                    fh.flush()
                    os.fsync(fh.fileno())
            if count[0] != int(entry["size"]):
                raise _EntryFailed(f"{rel}: {count[0]} bytes, the manifest says {entry['size']}")
            if digest.hexdigest() != entry["sha256"]:
                raise _EntryFailed(f"{rel}: content does not match the manifest's hash")
            out_hash = _file_sha256(tmp)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        self.owners.files[key] = {"path": rel, "device": plan.device, "scope": plan.scope,
                                  "bundle": info.bundle_id, "seq": plan.seq, "sha256": entry["sha256"],
                                  "out": out_hash}  # fmt: skip
        self.report.written.append(rel)
        return True

    def bundle(self, plan: _Plan) -> list[str] | None:
        """Write a bundle's entries; its output files, or None if any entry failed (then it is reported)."""
        info = plan.info
        outputs: list[str] = []
        failed = False
        written_before = len(self.report.written)
        for rel, key, entry in plan.outputs:
            try:
                if self.entry(plan, rel, key, entry):
                    outputs.append(rel)
            except FieldworkError as exc:
                if exc.kind is ErrorKind.CANCELLED:
                    raise
                self.problem(info, "entry-failed", exc.message, str(entry.get("path")))
                failed = True
            except OSError as exc:
                self.problem(
                    info, "write-failed", f"cannot write {rel}: {exc.strerror or type(exc).__name__}", rel
                )
                failed = True
        assert info.body is not None
        meta = {k: v for k, v in info.body.items() if k != "entries"}
        meta["device_label"] = info.device_label
        meta["trust"] = "trusted" if info.trusted else UNVERIFIED
        meta["entries"] = [
            {k: e[k] for k in ("path", "media_type", "meta", "size", "sha256")} for e in info.body["entries"]
        ]
        try:
            self._meta(f"bundles/{info.bundle_id}.json", meta)
        except OSError as exc:
            self.problem(info, "write-failed", f"cannot write its metadata: {exc.strerror}")
            failed = True
        record = {"device": plan.device, "seq": plan.seq, "status": "failed" if failed else "unpacked"}
        if len(self.report.written) != written_before or self.owners.bundles.get(info.bundle_id) != record:
            self.owners.bundles[info.bundle_id] = record
            self.owners.save()  # at once, so a stop after this bundle still knows who wrote its files
        return None if failed else outputs

    def _meta(self, rel: str, obj: Any) -> None:
        _atomic_write(self.out / META_DIR / rel, _json_bytes(obj))


def _own_file(rel: str, participant_id: str) -> bool:
    """Whether a file of a session with several participants is this one's own: her consent record (JSON and
    PDF) and her verbal-consent recording, named with her id under ``consent/`` (in bundles of every age)."""
    folder, _, name = rel.rpartition("/")
    if not folder.endswith("consent"):
        return False
    return any(mark in name for mark in (f"-{participant_id}.", f"-{participant_id}-"))


def _withdrawal_action(body: dict[str, Any]) -> tuple[str, str, bool]:
    """(scope, what the data manager must do, whether her files are to be deleted) for a withdrawal."""
    records = body.get("records")
    w = records.get("withdrawal") if isinstance(records, dict) else None
    w = w if isinstance(w, dict) else {}
    scope = str(w.get("scope") or "")
    when = str(w.get("effective_date") or "")
    if scope == "delete_data" and w.get("before_cutoff"):
        return (
            scope,
            (
                f"delete every file under 'delete' (withdrawn {when}, before the analysis cut-off); in the "
                "shared files of a focus group or joint interview under 'review', remove the participant's "
                "contributions from transcripts and notes"
            ),
            True,
        )
    if scope == "delete_data":
        return (
            scope,
            (
                f"the participant asked for deletion on {when}, after the analysis cut-off: keep their data as "
                "the information sheet says, collect nothing new, and record the request"
            ),
            False,
        )
    if scope in ("no_further_data", "no_further_contact"):
        return (
            scope,
            f"keep the data collected before {when}; collect nothing new and do not contact them",
            False,
        )
    return scope, f"unknown withdrawal scope {scope!r}: ask the laptop's researcher before acting", False


def unpack_store(
    transport: Transport,
    identity: pyrage.x25519.Identity,
    out_dir: Path,
    trusted_devices: TrustedDevices,
    state: TaskState | None = None,
    *,
    role: str = "research",
) -> UnpackReport:
    """Write every verified bundle's entries under ``out_dir`` with an index and withdrawal list.

    ``role`` "research" unpacks session and withdrawal bundles (an identity bundle found in a research
    store is a problem, never unpacked); "identity" unpacks only identity bundles, into a folder of their
    own.  The folder is checked (empty, or made by this command with this key and role) before the store
    is read.
    """
    if role not in ROLES:
        raise InvalidInput(f"role must be one of {ROLES}")
    state = state or NullState()
    out = Path(out_dir)
    owners = OutputState(out, identity, role, unverified=trusted_devices.accept_any)
    owners.open()
    checking = _Checking(state)
    checked = inspect_store(transport, identity, trusted_devices, check_chunks=True, state=checking)
    out.mkdir(parents=True, exist_ok=True)
    unpacker = _Unpacker(transport, identity, out, state, owners)
    report = unpacker.report
    report.problems.extend(checked.problems)
    report.devices = checked.devices()
    good: list[BundleInfo] = []
    for info in checked.bundles:
        if not info.ok or info.body is None:
            if info.body is not None:
                report.held.append(info.bundle_id)
            continue
        identity_bundle = info.body["kind"] == "identity"
        if identity_bundle and role == "research":
            unpacker.problem(info, "identity-in-research-store", "an identity bundle (names, contacts, signed "
                             "consent) in a research store: not unpacked. Identity bundles are unpacked only "
                             "from the identity store")  # fmt: skip
        elif not identity_bundle and role == "identity":
            unpacker.problem(info, "research-in-identity-store", f"a {info.body['kind']} bundle in the identity "
                             "store: not unpacked here")  # fmt: skip
        else:
            good.append(info)
    good.sort(key=_order)
    plans: list[_Plan] = []
    for info in good:
        planned = unpacker.plan(info)
        if planned is not None:
            plans.append(planned)
    held = unpacker.conflicts(plans)
    report.held += sorted(held)
    # Progress from here on: the check's bytes, then every chunk of the bundles to be written.
    unpacker.done = checking.checked
    unpacker.total = checking.checked + sum(
        size for plan in plans if plan.info.bundle_id not in held and plan.info.envelope is not None
        for _name, size in plan.info.envelope.chunks
    )
    state.set_progress(unpacker.done, unpacker.total, "writing the analysis folder")

    sessions: list[dict[str, Any]] = []
    withdrawals: list[tuple[BundleInfo, dict[str, Any]]] = []
    files_by_participant: dict[str, set[str]] = {}  # her own sessions' files
    group_files: dict[str, set[str]] = {}  # files of a focus group or joint interview she shares with others
    for plan in plans:
        info = plan.info
        body = info.body
        assert body is not None
        status = "unpacked"
        if info.bundle_id in held:
            if owners.bundles.get(info.bundle_id, {}).get("status") != "unpacked":
                continue
            # Unpacked in an earlier run, now in a conflict: its files stay, and so does its row, marked.
            status = "conflict: held back, files written earlier kept"
            outputs: list[str] | None = sorted(
                str(f["path"]) for f in owners.files.values() if f["bundle"] == info.bundle_id
            )
        else:
            outputs = unpacker.bundle(plan)
        if outputs is None:
            report.held.append(info.bundle_id)
            continue  # an entry failed: the bundle is reported, not indexed as complete
        row = {
            "status": status,
            "bundle_id": info.bundle_id,
            "kind": body["kind"],
            "trust": "trusted" if info.trusted else UNVERIFIED,
            "study_id": body.get("study_id"),
            "pack_version": body.get("pack_version"),
            "session_id": body.get("session_id"),
            "participant_ids": ";".join(body.get("participant_ids", [])),
            "created_at": body.get("created_at"),
            "user": body.get("user"),
            "device_fingerprint": info.signer,
            "device_label": info.device_label,
            "sequence": body.get("sequence"),
            "device_seq": body.get("device_seq"),
            "entries": len(body["entries"]),
            "bytes": sum(int(e["size"]) for e in body["entries"]),
            "audit_head": body.get("audit_head"),
            "records": body.get("records", {}),
        }
        if body["kind"] == "withdrawal":
            withdrawals.append((info, row))
            continue
        sessions.append(row)
        members = [str(p) for p in body.get("participant_ids", [])]
        for pid in members:
            hers = outputs if len(members) == 1 else [f for f in outputs if _own_file(f, pid)]
            files_by_participant.setdefault(pid, set()).update(hers)
            if len(members) > 1:  # a focus group or a joint interview: the rest is shared
                group_files.setdefault(pid, set()).update(
                    f for f in outputs if not any(_own_file(f, m) for m in members)
                )

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
            "bundle_id": info.bundle_id, "trust": row["trust"], "created_at": row["created_at"],
            "participant_ids": row["participant_ids"], "user": row["user"], "scope": scope, "action": action,
            "records": row["records"], "delete": sorted(own) if delete else [],
            "review": sorted(shared) if delete else [],
        })  # fmt: skip
    _atomic_write(out / "index.json", _json_bytes(sessions))
    _atomic_write(out / "index.csv", _csv_bytes(INDEX_FIELDS, sessions))
    if role == "research":
        _atomic_write(out / "withdrawals.json", _json_bytes(wd_rows))
        _atomic_write(out / "withdrawals.csv", _csv_bytes(WITHDRAWAL_FIELDS, wd_rows))
    owners.save()
    state.set_progress(unpacker.total, unpacker.total, "unpacked")
    report.sessions = sum(1 for r in sessions if r["kind"] == "session")
    report.identity = sum(1 for r in sessions if r["kind"] == "identity")
    report.withdrawals = len(wd_rows)
    logger.info("unpacked %d session and %d withdrawal bundles", report.sessions, report.withdrawals)
    return report
