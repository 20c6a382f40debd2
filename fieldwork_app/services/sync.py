"""The laptop side of sync: device key, stores, the outbox, bundles of a session, receipts and purge.

Work is split by thread, so that the GUI can run uploads on a pool thread while the database stays with
its one owner:

* :func:`prepare_jobs` (database thread) gathers every queued bundle into a :class:`SyncJob`: the bundle
  spec with entries that stream plaintext from the encrypted takes (the keys are captured here), and the
  store's transport settings;
* :func:`run_job` (any thread) stages the ciphertext in the outbox and uploads it, verified;
* :func:`record_receipt` / :func:`record_failure` (database thread) write the outcome and, only after a
  verified receipt, purge local audio as the study pack's policy says.

Identity data and safeguarding records are never part of a research bundle.
"""

from __future__ import annotations

import csv
import dataclasses
import enum
import io
import json
import logging
import shutil
import urllib.parse
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fieldwork_app import audio
from fieldwork_app.domain.pack import PurgePolicy
from fieldwork_app.domain.records import RecordingKind
from fieldwork_app.errors import ErrorCode, ErrorKind, FieldworkError, InvalidInput, NotFound
from fieldwork_app.services import closeout as closeout_svc
from fieldwork_app.services import consent as consent_svc
from fieldwork_app.services import distress as distress_svc
from fieldwork_app.services import interview as interview_svc
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import participants as participants_svc
from fieldwork_app.services import pdfs as pdfs_svc
from fieldwork_app.services import recording as recording_svc
from fieldwork_app.services import safeguarding as safeguarding_svc
from fieldwork_app.services import sessions as sessions_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.sync.bundle import (
    DEFAULT_CHUNK_SIZE,
    BundleEntry,
    BundleSpec,
    ChainCursor,
    StagedBundle,
    sequence_of,
    stage_bundle,
)
from fieldwork_app.sync.engine import Receipt, RetryPolicy, upload_bundle
from fieldwork_app.sync.keys import DeviceKey, load_recipient
from fieldwork_app.sync.manifest import MANIFEST_NAME
from fieldwork_app.sync.state import NullState, TaskState, Waiter
from fieldwork_app.sync.transports import open_transport
from fieldwork_app.vault import audit, now_iso

logger = logging.getLogger(__name__)

PORTABLE_AUDIO = "application/vnd.fieldwork.portable-audio"
DEVICE_KEY_SECRET = "device_signing_key"
STORE_NAME_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")


# -- device key ------------------------------------------------------------------------------------------
def device_key(ws: Workspace) -> DeviceKey:
    """This laptop vault's signing key, made on first use and kept in the encrypted vault."""
    raw = ws.vault.get_secret(DEVICE_KEY_SECRET)
    if raw is None:
        key = DeviceKey.generate()
        ws.vault.set_secret(DEVICE_KEY_SECRET, key.private_bytes())
        ws.vault.audit("device.key_created", "device", key.fingerprint())
        return key
    return DeviceKey.from_private_bytes(raw)


def device_fingerprint(ws: Workspace) -> str:
    return device_key(ws).fingerprint()


# -- stores ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StoreConfig:
    name: str
    url: str
    options: dict[str, Any]
    secrets: dict[str, str]
    is_default: bool

    def public(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "url": self.url,
            "options": self.options,
            "default": self.is_default,
            "secrets": sorted(self.secrets),
        }


# Options that say how to trust an SFTP server's key the first time; once it is pinned they are dropped.
HOST_KEY_CHOICES = ("host_key_fingerprint", "known_hosts", "accept_new_host_key")


@dataclass(frozen=True)
class HostKeyPin:
    options: dict[str, Any]  # the store's options with the host key pinned
    fingerprint: str  # SHA256:... of the pinned key ("" for a store that has no host key)
    new: bool  # True when the key was taken on the user's word (accept_new_host_key), not checked


def pin_host_key(url: str, options: dict[str, Any], secrets: dict[str, str] | None = None) -> HostKeyPin:
    """Any thread (it connects): for an SFTP store, fetch the server's host key, check it against what
    ``options`` give (``host_key_fingerprint``, ``known_hosts``, or ``accept_new_host_key``) and return the
    options with the key pinned as ``host_key``.  No credential is sent.  Other stores pass unchanged."""
    options = dict(options)
    if urllib.parse.urlsplit(url).scheme.lower() != "sftp":
        return HostKeyPin(options, "", False)
    from fieldwork_app.sync.transports.sftp import SftpTransport, host_key_fingerprint

    transport = open_transport(url, options=options, secrets=dict(secrets or {}))
    assert isinstance(transport, SftpTransport)
    try:
        key = transport.server_host_key()
    finally:
        transport.close()
    pinned = {k: v for k, v in options.items() if k not in HOST_KEY_CHOICES}
    pinned["host_key"] = key
    return HostKeyPin(pinned, host_key_fingerprint(key), transport.accepted_new_key)


def add_store(
    ws: Workspace,
    name: str,
    url: str,
    options: dict[str, Any] | None = None,
    secrets: dict[str, str] | None = None,
    make_default: bool | None = None,
) -> StoreConfig:
    if not name or len(name) > 40 or not set(name) <= STORE_NAME_CHARS:
        raise InvalidInput("a store name is 1-40 letters, digits, '-', '_' or '.'")
    options, secrets = dict(options or {}), dict(secrets or {})
    open_transport(url, options=options, secrets=secrets).close()  # validates the URL; connects lazily
    identity_name = ws.pack().data_rules.identity_store if ws.has_pack() else None
    others = ws.db.execute(
        "SELECT COUNT(*) FROM stores WHERE name != ? AND name != ?", (name, identity_name or "")
    ).fetchone()[0]
    default = others == 0 if make_default is None else make_default  # the first research store is the default
    if name == identity_name:
        default = False  # the identity store is never where research data goes by default
    with ws.vault.transaction() as db:
        if default:
            db.execute("UPDATE stores SET is_default = 0")
        db.execute(
            "INSERT OR REPLACE INTO stores (name, url, options_json, secrets_json, is_default, created_at)"
            " VALUES (?,?,?,?,?,?)",
            (
                name,
                url,
                json.dumps(options, sort_keys=True),
                json.dumps(secrets, sort_keys=True),
                int(default),
                now_iso(),
            ),
        )
        detail: dict[str, Any] = {"scheme": url.split(":", 1)[0]}
        if options.get("host_key"):
            from fieldwork_app.sync.transports.sftp import host_key_fingerprint

            detail["host_key"] = host_key_fingerprint(str(options["host_key"]))
        ws.vault.audit("store.add", "store", name, detail=detail)
    return get_store(ws, name)


def _store_row(r: Any) -> StoreConfig:
    return StoreConfig(
        r["name"],
        r["url"],
        json.loads(r["options_json"]),
        json.loads(r["secrets_json"]),
        bool(r["is_default"]),
    )


def list_stores(ws: Workspace) -> list[StoreConfig]:
    return [_store_row(r) for r in ws.db.execute("SELECT * FROM stores ORDER BY name").fetchall()]


def get_store(ws: Workspace, name: str | None = None, *, not_named: str | None = None) -> StoreConfig:
    """The store called ``name``, else the default one (never the one called ``not_named``)."""
    if name:
        r = ws.db.execute("SELECT * FROM stores WHERE name = ?", (name,)).fetchone()
        if r is None:
            raise NotFound(f"no store named '{name}'", code=ErrorCode.UNKNOWN_STORE, params={"name": name})
    else:
        r = ws.db.execute(
            "SELECT * FROM stores WHERE name != ? ORDER BY is_default DESC, name LIMIT 1", (not_named or "",)
        ).fetchone()
        if r is None:
            raise FieldworkError("no study store set up", kind=ErrorKind.NOT_READY, code=ErrorCode.NO_STORE)
    return _store_row(r)


def remove_store(ws: Workspace, name: str) -> None:
    get_store(ws, name)
    with ws.vault.transaction() as db:
        db.execute("DELETE FROM stores WHERE name = ?", (name,))
        ws.vault.audit("store.remove", "store", name)


# -- the outbox ------------------------------------------------------------------------------------------
def new_bundle_id() -> str:
    """A random bundle id: the store sees it in object names, so it must say nothing about the session."""
    return "b" + uuid.uuid4().hex


def queue_session(ws: Workspace, session_id: str) -> str:
    """Queue a session's data for sync (again, if it changed since its last bundle).

    When the study pack names an identity store, the session's identity data (names and contacts, signed
    consent copies, safeguarding records, voucher receipts) is queued too, as a separate bundle for that
    store.  Returns the research bundle's id.
    """
    sessions_svc.get(ws, session_id)
    if participants_svc.held_back(ws, session_id):
        raise InvalidInput(
            f"session {session_id} is not sent: its participant withdrew and asked for her data to be deleted"
        )
    if ws.has_pack() and ws.pack().data_rules.identity_store:
        _queue(ws, "identity", session_id)
    return _queue(ws, "session", session_id)


def _queue(ws: Workspace, kind: str, session_id: str) -> str:
    pending = ws.db.execute(
        "SELECT bundle_id FROM outbox WHERE session_id = ? AND kind = ? AND state != 'verified'",
        (session_id, kind),
    ).fetchone()
    if pending:
        return str(pending["bundle_id"])
    bundle_id = new_bundle_id()
    with ws.vault.transaction() as db:
        db.execute(
            "INSERT INTO outbox (bundle_id, kind, session_id, state, queued_at, updated_at)"
            " VALUES (?,?,?,?,?,?)",
            (bundle_id, kind, session_id, "queued", now_iso(), now_iso()),
        )
        ws.vault.audit(
            "sync.queue",
            "session",
            session_id,
            session_id=session_id,
            detail={"bundle": bundle_id, "kind": kind},
        )
    return bundle_id


def _record_bundle_takes(ws: Workspace, spec: BundleSpec) -> None:
    """Note which takes this (re)built bundle carries: only those may be purged on its receipt."""
    ids = sorted({str(e.meta["recording_id"]) for e in spec.entries if e.meta.get("recording_id")})
    with ws.vault.transaction() as db:
        db.execute("DELETE FROM bundle_recordings WHERE bundle_id = ?", (spec.bundle_id,))
        db.executemany(
            "INSERT INTO bundle_recordings (bundle_id, recording_id) VALUES (?, ?)",
            [(spec.bundle_id, rid) for rid in ids],
        )


def queue_unsent_takes(ws: Workspace) -> list[str]:
    """Queue again every session already sent whose takes are not all in a bundle (a take recovered after
    its session's bundle was built), so no take stays on the laptop unsent."""
    sent: set[str] = set()
    pending: set[str] = set()
    for r in ws.db.execute("SELECT session_id, state FROM outbox WHERE kind = 'session'").fetchall():
        (sent if r["state"] == "verified" else pending).add(str(r["session_id"]))
    in_bundles = {str(r[0]) for r in ws.db.execute("SELECT recording_id FROM bundle_recordings").fetchall()}
    unsent = sorted(
        {
            t.session_id
            for t in recording_svc.unpurged_takes(ws, sorted(sent - pending))
            if t.status.complete and t.id not in in_bundles
        }
    )
    return [
        queue_session(ws, sid) for sid in unsent if not participants_svc.held_back(ws, sid)
    ]  # withdrawn: never sent


def queue_withdrawals(ws: Workspace) -> list[str]:
    """Queue a bundle for every withdrawal not yet sent."""
    out = []
    queued = {
        str(r[0]) for r in ws.db.execute("SELECT withdrawal_id FROM outbox WHERE withdrawal_id IS NOT NULL")
    }
    for w in participants_svc.withdrawals(ws):
        if w["id"] in queued:
            continue
        bundle_id = new_bundle_id()
        with ws.vault.transaction() as db:
            db.execute(
                "INSERT INTO outbox (bundle_id, kind, withdrawal_id, state, queued_at, updated_at)"
                " VALUES (?,?,?,?,?,?)",
                (bundle_id, "withdrawal", w["id"], "queued", now_iso(), now_iso()),
            )
            ws.vault.audit("sync.queue", "withdrawal", w["id"], detail={"bundle": bundle_id})
        out.append(bundle_id)
    return out


class OutboxState(enum.StrEnum):
    QUEUED = "queued"
    STAGED = "staged"
    UPLOADING = "uploading"
    FAILED = "failed"
    VERIFIED = "verified"
    WITHDRAWN = "withdrawn"


class BundleKind(enum.StrEnum):
    SESSION = "session"
    IDENTITY = "identity"
    WITHDRAWAL = "withdrawal"


@dataclass(frozen=True)
class OutboxItem:
    """A bundle waiting on (or sent from) this laptop, as :func:`outbox_items` builds it.

    ``audio_takes``, ``audio_seconds`` and ``audio_bytes`` count the session's takes not yet purged (the
    encrypted files' sizes on disk): what a lost laptop would hold until the store's receipt.
    """

    bundle_id: str
    kind: BundleKind
    session_id: str | None
    withdrawal_id: str | None
    state: OutboxState
    bytes_total: int
    bytes_done: int
    queued_at: str
    updated_at: str
    last_error: str | None
    store: str | None
    waiting_days: float
    audio_takes: int = 0
    audio_seconds: float = 0.0
    audio_bytes: int = 0

    def row(self) -> dict[str, Any]:
        """The item as plain values (the command line's JSON)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


def outbox(ws: Workspace) -> list[dict[str, Any]]:
    """:func:`outbox_items` as plain rows."""
    return [item.row() for item in outbox_items(ws)]


def outbox_items(ws: Workspace) -> list[OutboxItem]:
    """What waits on this laptop: each outbox row, how long it has waited, and the session's audio still here."""
    now = datetime.now(UTC)
    here: dict[str, tuple[int, float, int]] = {}
    in_outbox = [
        str(r[0])
        for r in ws.db.execute("SELECT DISTINCT session_id FROM outbox WHERE session_id IS NOT NULL").fetchall()
    ]
    for t in recording_svc.unpurged_takes(ws, in_outbox):
        path = recording_svc.take_path(ws, t.session_id, t.id)
        size = path.stat().st_size if path.exists() else 0
        takes, seconds, nbytes = here.get(t.session_id, (0, 0.0, 0))
        here[t.session_id] = (takes + 1, seconds + float(t.duration or 0.0), nbytes + size)
    items = []
    for r in ws.db.execute("SELECT * FROM outbox WHERE state != 'withdrawn' ORDER BY queued_at").fetchall():
        queued = datetime.fromisoformat(r["queued_at"])
        kind = BundleKind(r["kind"])
        takes, seconds, nbytes = (
            here.get(r["session_id"] or "", (0, 0.0, 0)) if kind is BundleKind.SESSION else (0, 0.0, 0)
        )
        items.append(
            OutboxItem(
                bundle_id=str(r["bundle_id"]),
                kind=kind,
                session_id=r["session_id"],
                withdrawal_id=r["withdrawal_id"],
                state=OutboxState(r["state"]),
                bytes_total=int(r["bytes_total"] or 0),
                bytes_done=int(r["bytes_done"] or 0),
                queued_at=str(r["queued_at"]),
                updated_at=str(r["updated_at"]),
                last_error=r["last_error"],
                store=r["store"],
                waiting_days=round((now - queued).total_seconds() / 86400, 2),
                audio_takes=takes,
                audio_seconds=round(seconds, 1),
                audio_bytes=nbytes,
            )
        )
    return items


# -- building bundles ------------------------------------------------------------------------------------
def _json_bytes(obj: Any) -> Callable[[], Iterable[bytes]]:
    data = json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
    return lambda: [data]


def _raw_bytes(data: bytes) -> Callable[[], Iterable[bytes]]:
    return lambda: [data]


def _csv_bytes(rows: list[dict[str, Any]], columns: list[str]) -> Callable[[], Iterable[bytes]]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow(r)
    data = buf.getvalue().encode("utf-8")
    return lambda: [data]


def _audio_entry(path_in_bundle: str, file: Path, key: bytes, meta: dict[str, Any]) -> BundleEntry:
    def produce() -> Iterator[bytes]:
        return audio.portable_chunks(file, key)

    return BundleEntry(path_in_bundle, PORTABLE_AUDIO, produce, meta)


def session_spec(ws: Workspace, bundle_id: str, session_id: str) -> BundleSpec:
    """Everything a session sends, as bundle entries (research data only: no identity, no safeguarding)."""
    s = sessions_svc.get(ws, session_id)
    folder = f"{s.participant_ids[0]}/{s.id}" if len(s.participant_ids) == 1 else f"focus-groups/{s.id}"
    entries: list[BundleEntry] = []
    takes = [t for t in recording_svc.takes(ws, session_id) if t.sendable]
    for t in takes:
        name = (
            f"audio/interview-take-{t.take_no}"
            if t.kind is RecordingKind.INTERVIEW
            else f"consent/verbal-consent-{t.participant_id}-take-{t.take_no}"
        )
        entries.append(
            _audio_entry(
                f"{folder}/{name}",
                recording_svc.take_path(ws, session_id, t.id),
                ws.vault.recording_key(t.id),
                {
                    "recording_id": t.id,
                    "kind": str(t.kind),
                    "take": t.take_no,
                    "duration": t.duration,
                    "started_at": t.started_at,
                },
            )
        )
    consents = consent_svc.records_for_session(ws, session_id)
    for c in consents:
        form = packs_svc.document(ws, c["form_doc"], c["form_version"])
        answers = c["answers"]
        body = {
            "consent_id": c["id"],
            "participant": c["participant_id"],
            "session": session_id,
            "mode": c["mode"],
            "form": {"id": c["form_doc"], "version": c["form_version"], "title": form.title},
            "information_sheet": {"id": c["pis_doc"], "version": c["pis_version"]},
            "statements": [
                {"id": st.id, "text": st.text, "required": st.required, "role": st.role,
                 "answer": answers.get(st.id)}
                for st in form.statements
            ],
            "answer_positions_on_consent_recording": c["answer_times"],
            "consent_recording": c["recording_id"],
            "taken_by": c["taken_by"],
            "taken_at": c["taken_at"],
        }
        entries.append(
            BundleEntry(
                f"{folder}/consent/consent-{c['participant_id']}.json",
                "application/json",
                _json_bytes(body),
                {"consent_id": c["id"]},
            )
        )
        # The study-file copy: the same record without names or signatures (identity data stays here).
        pdf = pdfs_svc.consent_copy_pdf(ws, c["id"], include_identity=False)
        entries.append(
            BundleEntry(
                f"{folder}/consent/consent-{c['participant_id']}.pdf",
                "application/pdf",
                _raw_bytes(pdf),
                {"consent_id": c["id"]},
            )
        )
    notes = interview_svc.note_rows(ws, session_id)
    markers = interview_svc.marker_rows(ws, session_id)
    coverage = interview_svc.guide_progress_rows(ws, session_id)
    distress = distress_svc.event_rows(ws, session_id)
    withheld = withheld_distress_codes(ws)
    for d in distress:
        d["steps"] = [
            st
            for st in d["steps"]
            if st.get("kind") in RESEARCH_DISTRESS_STEPS and not _withheld_step(st, withheld)
        ]
    closeout = closeout_svc.find(ws, session_id)
    note_cols = list(interview_svc.NOTE_COLUMNS)
    marker_cols = list(interview_svc.MARKER_COLUMNS)
    entries += [
        BundleEntry(f"{folder}/notes.csv", "text/csv", _csv_bytes(notes, note_cols)),
        BundleEntry(f"{folder}/notes.json", "application/json", _json_bytes(notes)),
        BundleEntry(f"{folder}/markers.csv", "text/csv", _csv_bytes(markers, marker_cols)),
        BundleEntry(f"{folder}/markers.json", "application/json", _json_bytes(markers)),
        BundleEntry(
            f"{folder}/guide-coverage.json",
            "application/json",
            _json_bytes({"guide": {"id": s.guide_doc, "version": s.guide_version}, "questions": coverage}),
        ),
        BundleEntry(f"{folder}/distress-events.json", "application/json", _json_bytes(distress)),
    ]
    if closeout is not None:
        entries.append(
            BundleEntry(
                f"{folder}/close-out.json",
                "application/json",
                _json_bytes(
                    {
                        **closeout.body,
                        "completed_at": closeout.saved_at,
                        "completed_by": closeout.saved_by,
                    }
                ),
            )
        )
    session_doc = {
        "session": s.id,
        "format": s.format,
        "location_kind": s.location_kind,
        "status": str(s.status),
        "participants": list(s.participant_ids),
        "groups": {p: participants_svc.get(ws, p).group_id for p in s.participant_ids},
        "planned_start": s.planned_start,
        "planned_minutes": s.planned_minutes,
        "topic_guide": {"id": s.guide_doc, "version": s.guide_version},
        "documents": {p: sessions_svc.documents_for(ws, s.id, p) for p in s.participant_ids},
        "takes": [
            {
                k: t.row()[k]
                for k in (
                    "id",
                    "kind",
                    "take_no",
                    "duration",
                    "started_at",
                    "ended_at",
                    "status",
                    "samplerate",
                    "channels",
                )
            }
            for t in takes
        ],
        "completed_at": s.completed_at,
    }
    entries.append(BundleEntry(f"{folder}/session.json", "application/json", _json_bytes(session_doc)))
    audit_entries = session_audit(ws, session_id)
    entries.append(BundleEntry(f"{folder}/audit.json", "application/json", _json_bytes(audit_entries)))
    return _bundle(
        ws,
        "session",
        bundle_id,
        s.id,
        list(s.participant_ids),
        entries,
        audit_entries,
        {
            "session": session_doc,
            "folder": folder,
            "consents": len(consents),
            "notes": len(notes),
            "markers": len(markers),
            "distress_events": len(distress),
        },
    )


# What of the audit log may leave the laptop in a research bundle, action by action: the detail fields
# each allowed action may carry.  Everything else (identity, sealed addresses, lone working, safeguarding,
# tasks, whose kind can be "safeguarding", device names, exports in the clear, any action added later
# and not listed here) and any entry whose detail has a field not listed for its action leaves only as its
# place in the hash chain (``seq``, ``prev_hash``, ``hash``).  An entry goes whole or not at all: its hash
# covers every field, so the data manager can check what it receives.
RESEARCH_AUDIT: dict[str, frozenset[str]] = {
    action: frozenset(fields)
    for action, fields in {
        "session.create": ("format", "location", "participants"),
        "session.status": ("status",),
        "guide.mark": ("question", "state"),
        "guide.section": ("section",),
        "note.add": ("note", "kind"),
        "marker.add": ("kind", "position"),
        "recording.start": ("kind", "take"),
        "recording.pause": ("position",),
        "recording.resume": ("position",),
        "recording.stop": ("duration", "overflows", "dropped_blocks", "error", "kind"),
        "recording.recover": ("duration", "dropped_bytes"),
        "recording.purge": ("reason",),
        "consent.record": (
            "consent",
            "mode",
            "form",
            "form_version",
            "pis",
            "pis_version",
            "recording_affirmed",
        ),  # fmt: skip
        "consent.refused": ("form", "version", "reason"),
        "distress.open": (),
        "distress.stage": ("level",),
        "distress.sign": ("id",),
        "distress.action": ("id", "done"),
        "distress.choice": ("choice",),
        "distress.signposting": ("entries",),
        "distress.gp_contact_consent": ("consent",),
        "distress.follow_up": ("agreed",),
        "distress.pi_informed": (),
        "distress.debrief": ("done",),
        "distress.close": ("outcome",),
        "closeout.save": ("voucher", "vouchers", "given_despite_early_stop", "follow_ups", "signposting"),
        "closeout.complete": ("participants", "ended_early"),
        "sync.queue": ("bundle", "kind"),
        "sync.verified": ("store", "objects", "bytes"),
        "sync.failed": ("store", "error"),
        "sync.cancelled": ("store", "error"),
        "sync.restaged": ("abandoned",),
    }.items()
}

# The steps of a distress event that go in a research bundle (a link to a safeguarding concern does not).
RESEARCH_DISTRESS_STEPS = frozenset(
    {"stage", "sign", "action", "choice", "signposting", "gp_contact_consent", "follow_up", "pi_informed",
     "debrief"}
)  # fmt: skip


# Distress steps that name a sign or action of the protocol: those the pack marks ``withhold`` stay home.
_CODED_DISTRESS = {"sign": "distress.sign", "action": "distress.action"}


def withheld_distress_codes(ws: Workspace) -> frozenset[str] | None:
    """The distress sign and action ids the study pack withholds from research bundles; None when the pack
    cannot be read, and then every sign and action is withheld (deny by default)."""
    try:
        return ws.pack().distress_protocol.withheld_codes
    except FieldworkError:
        return None


def _withheld_step(step: dict[str, Any], withheld: frozenset[str] | None) -> bool:
    if step.get("kind") not in _CODED_DISTRESS:
        return False
    return withheld is None or step.get("id") in withheld


def research_audit_allows(e: audit.AuditEntry, withheld: frozenset[str] | None = frozenset()) -> bool:
    """Whether an audit entry may go whole in a research bundle (see :data:`RESEARCH_AUDIT`); a distress
    sign or action whose id is in ``withheld`` (all of them when ``withheld`` is None) does not."""
    fields = RESEARCH_AUDIT.get(e.action)
    if fields is None or not set(e.detail) <= fields:
        return False
    if e.action in _CODED_DISTRESS.values():
        return withheld is not None and e.detail.get("id") not in withheld
    return True


def session_audit(ws: Workspace, session_id: str) -> list[dict[str, Any]]:
    """The session's audit entries for its bundle: those the allow-list names whole; every other one
    reduced to ``seq``, ``prev_hash`` and ``hash`` (marked ``withheld``), so the chain still links."""
    out = []
    withheld = withheld_distress_codes(ws)
    for e in audit.entries(ws.db, session_id=session_id):
        if research_audit_allows(e, withheld):
            out.append(e.to_json())
        else:
            out.append({"seq": e.seq, "prev_hash": e.prev_hash, "hash": e.hash, "withheld": True})
    return out


def _audit_head(ws: Workspace) -> dict[str, Any]:
    head, seq = audit.head_and_seq(ws.db)
    return {"audit_head": head, "audit_seq": seq}


def withdrawal_spec(ws: Workspace, bundle_id: str, withdrawal_id: str) -> BundleSpec:
    w = participants_svc.withdrawal(ws, withdrawal_id)
    sessions = sessions_svc.sessions_of(ws, w["participant_id"])
    body = {
        "withdrawal_id": w["id"],
        "participant": w["participant_id"],
        "scope": w["scope"],
        "effective_date": w["effective_date"],
        "before_cutoff": bool(w["before_cutoff"]),
        "actions": json.loads(w["actions_json"]),
        "recorded_by": w["recorded_by"],
        "recorded_at": w["recorded_at"],
        "sessions": sessions,
    }
    entry = BundleEntry(f"withdrawals/{w['id']}.json", "application/json", _json_bytes(body))
    return _bundle(
        ws, "withdrawal", bundle_id, None, [w["participant_id"]], [entry], [], {"withdrawal": body}
    )


def identity_spec(ws: Workspace, bundle_id: str, session_id: str) -> BundleSpec:
    """A session's identity data, for the study's separate identity store (never the research store):
    the participants' identity details, the signed consent copies, safeguarding records, voucher receipts.
    Sealed visit addresses are not sent: they exist only for the lone-working plan and are deleted after."""
    s = sessions_svc.get(ws, session_id)
    folder = f"identity/{s.id}"
    entries: list[BundleEntry] = []
    for pid in s.participant_ids:
        found = participants_svc.identity_record(ws, pid)
        if found is not None:
            body = {"participant": pid, **found}
            entries.append(
                BundleEntry(f"{folder}/participants/{pid}.json", "application/json", _json_bytes(body))
            )
    consents = consent_svc.records_for_session(ws, session_id)
    for c in consents:
        pdf = pdfs_svc.consent_copy_pdf(ws, c["id"], include_identity=True)
        entries.append(
            BundleEntry(
                f"{folder}/consent/consent-{c['participant_id']}-{c['id']}-signed.pdf",
                "application/pdf",
                _raw_bytes(pdf),
            )  # fmt: skip
        )
    concerns = safeguarding_svc.record_rows(ws, session_id)
    for c in concerns:
        entries.append(
            BundleEntry(f"{folder}/safeguarding/{c['id']}.json", "application/json", _json_bytes(c))
        )
    vouchers = closeout_svc.voucher_rows(ws, session_id)
    if vouchers:
        entries.append(BundleEntry(f"{folder}/vouchers.json", "application/json", _json_bytes(vouchers)))
    ws.vault.audit(
        "identity.send",
        "session",
        session_id,
        session_id=session_id,
        detail={"bundle": bundle_id, "participants": len(s.participant_ids), "files": len(entries)},
    )
    counts = {"session": session_id, "consents": len(consents), "safeguarding": len(concerns),
              "vouchers": len(vouchers)}  # fmt: skip
    return _bundle(
        ws, "identity", bundle_id, s.id, list(s.participant_ids), entries, [], {"identity": counts}
    )


def _bundle_time() -> str:
    """When a bundle is made, to the microsecond: two bundles of one session made within a second must
    still unpack in the order they were made."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _bundle(
    ws: Workspace,
    kind: str,
    bundle_id: str,
    session_id: str | None,
    participant_ids: list[str],
    entries: list[BundleEntry],
    audit_entries: list[dict[str, Any]],
    records: dict[str, Any],
) -> BundleSpec:
    """A bundle of this laptop's (a session's research or identity data, or a withdrawal): the study,
    the time, the device and user that sign it, and the audit chain's head."""
    pack = ws.pack()
    return BundleSpec(
        bundle_id=bundle_id,
        kind=kind,
        study_id=pack.id,
        pack_version=pack.version,
        session_id=session_id,
        participant_ids=participant_ids,
        created_at=_bundle_time(),
        device_fingerprint=device_fingerprint(ws),
        user=ws.user,
        entries=entries,
        records=records,
        audit=audit_entries,
        **_audit_head(ws),
    )


# -- running sync ----------------------------------------------------------------------------------------
@dataclass
class SyncJob:
    bundle_id: str
    kind: str
    session_id: str | None
    spec: BundleSpec | None
    store: StoreConfig
    outbox_dir: Path
    recipient_text: str
    device_key: DeviceKey
    chunk_size: int = DEFAULT_CHUNK_SIZE
    staged: StagedBundle | None = None
    blocked: FieldworkError | None = None  # why this job cannot run on this laptop yet (it fails with this)
    chain: ChainCursor | None = None  # where its number comes from when it is staged (shared per sequence)


# -- bundle numbers --------------------------------------------------------------------------------------
def _record_number(ws: Workspace, staged: StagedBundle | None) -> None:
    """Keep a staged bundle's number in the vault (once): the next bundle of its sequence follows it."""
    if staged is None or not staged.chain:
        return
    c = staged.chain
    with ws.vault.transaction() as db:
        db.execute(
            "INSERT OR IGNORE INTO bundle_numbers (sequence, seq, bundle_id, manifest_sha256, staged_at)"
            " VALUES (?,?,?,?,?)",
            (str(c["sequence"]), int(c["seq"]), staged.bundle_id, str(c["manifest_sha256"]), now_iso()),
        )


def last_numbers(ws: Workspace) -> dict[str, int]:
    """The newest number this laptop gave a bundle, per sequence ("research", "identity")."""
    return {
        str(r["sequence"]): int(r["seq"])
        for r in ws.db.execute("SELECT sequence, MAX(seq) AS seq FROM bundle_numbers GROUP BY sequence")
    }


def _cursors(ws: Workspace) -> dict[str, ChainCursor]:
    out = {}
    for sequence in ("research", "identity"):
        r = ws.db.execute(
            "SELECT seq, manifest_sha256 FROM bundle_numbers WHERE sequence = ? ORDER BY seq DESC LIMIT 1",
            (sequence,),
        ).fetchone()
        out[sequence] = (
            ChainCursor(sequence, int(r["seq"]) + 1, str(r["manifest_sha256"]))
            if r
            else ChainCursor(sequence)
        )
    return out


def prepare_jobs(
    ws: Workspace, store_name: str | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE
) -> list[SyncJob]:
    """Database thread: one job per bundle waiting in the outbox (withdrawals are queued first)."""
    pack = ws.pack()
    if not pack.sync.study_public_key:
        raise FieldworkError(
            "the study pack has no study public key", kind=ErrorKind.NO_STUDY_KEY, code=ErrorCode.NO_STUDY_KEY
        )
    identity_name = pack.data_rules.identity_store
    store = get_store(ws, store_name, not_named=identity_name)
    if identity_name and store.name == identity_name:
        raise InvalidInput(
            f"store {store.name} is the study's identity store: research data never goes there",
            code=ErrorCode.IDENTITY_STORE_FOR_RESEARCH,
            params={"name": store.name},
        )
    identity_store, identity_missing = _identity_store(ws, identity_name)
    queue_withdrawals(ws)
    queue_unsent_takes(ws)
    key = device_key(ws)
    for row in ws.db.execute("SELECT bundle_id FROM outbox WHERE state != 'verified'").fetchall():
        try:  # a bundle staged when the app stopped before its outcome was written: keep its number
            _record_number(ws, StagedBundle.load(ws.data_dir.outbox / str(row["bundle_id"])))
        except (OSError, FieldworkError, ValueError):
            pass
    cursors = _cursors(ws)
    jobs = []
    for row in ws.db.execute(
        "SELECT * FROM outbox WHERE state NOT IN ('verified', 'withdrawn') ORDER BY kind = 'session', queued_at"
    ).fetchall():
        bundle_id = str(row["bundle_id"])
        directory = ws.data_dir.outbox / bundle_id
        staged = None
        spec = None
        if (directory / MANIFEST_NAME).exists():
            try:
                staged = StagedBundle.load(directory)
            except (OSError, FieldworkError, ValueError):
                bundle_id = _restage(ws, bundle_id, row["session_id"])
        identity = row["kind"] == "identity"
        target, recipient = store, pack.sync.study_public_key
        if identity:
            if identity_store is None:
                jobs.append(
                    SyncJob(
                        bundle_id,
                        row["kind"],
                        row["session_id"],
                        None,
                        store,
                        ws.data_dir.outbox,
                        "",
                        key,
                        blocked=identity_missing,
                    )  # fmt: skip
                )
                continue
            target, recipient = identity_store, pack.sync.identity_public_key or pack.sync.study_public_key
        if staged is None:
            if row["kind"] == "session":
                spec = session_spec(ws, bundle_id, row["session_id"])
                _record_bundle_takes(ws, spec)
            elif identity:
                spec = identity_spec(ws, bundle_id, row["session_id"])
            else:
                spec = withdrawal_spec(ws, bundle_id, row["withdrawal_id"])
        jobs.append(
            SyncJob(
                bundle_id,
                row["kind"],
                row["session_id"],
                spec,
                target,
                ws.data_dir.outbox,
                recipient,
                key,
                chunk_size,
                staged,
                chain=cursors[sequence_of(row["kind"])] if staged is None else None,
            )
        )
    return jobs


def _identity_store(ws: Workspace, name: str | None) -> tuple[StoreConfig | None, FieldworkError | None]:
    """The store the pack names for identity data, or None and why it cannot be used."""
    if not name:
        return None, FieldworkError("the study pack names no identity store", kind=ErrorKind.NOT_READY)
    try:
        return get_store(ws, name), None
    except NotFound:
        return None, FieldworkError(
            f"the study pack sends identity data to a store named {name}, and this laptop has none",
            kind=ErrorKind.NOT_READY,
            code=ErrorCode.IDENTITY_STORE_MISSING,
            params={"name": name},
        )


def _restage(ws: Workspace, old: str, session_id: str | None) -> str:
    """A staged bundle whose manifest cannot be read is built again under a new id (its chunks, some
    perhaps already at the store, would not match a new manifest); the old id is audited so the data
    manager can delete its unfinished folder at the store."""
    new = new_bundle_id()
    with ws.vault.transaction() as db:
        db.execute(
            "UPDATE outbox SET bundle_id = ?, updated_at = ? WHERE bundle_id = ?", (new, now_iso(), old)
        )
        db.execute("DELETE FROM bundle_recordings WHERE bundle_id = ?", (old,))
        ws.vault.audit("sync.restaged", "bundle", new, session_id=session_id, detail={"abandoned": old})
    shutil.rmtree(ws.data_dir.outbox / old, ignore_errors=True)
    logger.warning("a staged bundle could not be read; it is staged again under a new id")
    return new


def run_job(
    job: SyncJob,
    state: TaskState | None = None,
    *,
    retry: RetryPolicy | None = None,
    waiter: Waiter | None = None,
) -> Receipt:
    """Any thread: stage (ciphertext only) if needed, then upload and verify.  No database access.
    ``retry`` and ``waiter`` say how often and how the upload tries again after a passing failure."""
    state = state or NullState()
    if job.blocked is not None:
        raise job.blocked
    if job.staged is None:
        assert job.spec is not None
        job.staged = stage_bundle(
            job.spec,
            load_recipient(job.recipient_text),
            job.device_key,
            job.outbox_dir,
            job.chunk_size,
            state,
            job.chain,
        )
    transport = open_transport(
        job.store.url, options=dict(job.store.options), secrets=dict(job.store.secrets)
    )
    try:
        receipt = upload_bundle(job.staged, transport, state, retry=retry, waiter=waiter)
    finally:
        transport.close()
    return receipt


def record_receipt(ws: Workspace, job: SyncJob, receipt: Receipt) -> list[str]:
    """Database thread: mark the bundle verified, keep the receipt, then purge by the pack's policy."""
    _record_number(ws, job.staged)
    with ws.vault.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO receipts (bundle_id, store, body_json, verified_at) VALUES (?,?,?,?)",
            (
                job.bundle_id,
                job.store.name,
                json.dumps(receipt.to_dict(), sort_keys=True),
                receipt.verified_at,
            ),
        )
        db.execute(
            "UPDATE outbox SET state = 'verified', bytes_total = ?, bytes_done = ?, updated_at = ?,"
            " last_error = NULL, store = ? WHERE bundle_id = ?",
            (receipt.total_bytes, receipt.total_bytes, now_iso(), job.store.name, job.bundle_id),
        )
        ws.vault.audit(
            "sync.verified",
            job.kind,
            job.bundle_id,
            session_id=job.session_id,
            detail={"store": job.store.name, "objects": len(receipt.objects), "bytes": receipt.total_bytes},
        )
    if job.staged is not None:
        shutil.rmtree(job.staged.directory, ignore_errors=True)
    return purge_due(ws)


def record_failure(ws: Workspace, job: SyncJob, error: FieldworkError) -> None:
    """Database thread: keep the error (and the bundle's size, once staged) for the outbox."""
    _record_number(ws, job.staged)
    total = job.staged.total_bytes if job.staged is not None else 0
    cancelled = error.kind is ErrorKind.CANCELLED  # not a failure: it waits as before
    with ws.vault.transaction() as db:
        db.execute(
            "UPDATE outbox SET state = ?, last_error = ?, updated_at = ?,"
            " bytes_total = CASE WHEN ? > 0 THEN ? ELSE bytes_total END WHERE bundle_id = ?",
            (
                "queued" if cancelled else "failed",
                None if cancelled else error.message[:300],
                now_iso(),
                total,
                total,
                job.bundle_id,
            ),
        )
        ws.vault.audit(
            "sync.cancelled" if cancelled else "sync.failed",
            job.kind,
            job.bundle_id,
            session_id=job.session_id,
            detail={"store": job.store.name, "error": error.kind.value},
        )


def apply_purge_policy(ws: Workspace, now: datetime | None = None) -> list[str]:
    """Delete local takes that a verified bundle carries (its receipt recorded), when the policy allows.

    A take is tied to the bundles that hold it when each bundle is built; a take no bundle holds (say,
    one recovered after its session's bundle was built) is never purged here, whatever its times say.
    """
    now = now or datetime.now(UTC)
    pack = ws.pack()
    policy = pack.data_rules.purge
    days = (policy.days or 0) if policy.policy == PurgePolicy.AFTER_DAYS else 0
    receipts = {
        str(r["rid"]): str(r["verified_at"])
        for r in ws.db.execute(
            "SELECT br.recording_id AS rid, MIN(rc.verified_at) AS verified_at FROM bundle_recordings br"
            " JOIN outbox o ON o.bundle_id = br.bundle_id AND o.state = 'verified'"
            " JOIN receipts rc ON rc.bundle_id = o.bundle_id"
            " GROUP BY br.recording_id"
        ).fetchall()
    }
    purged = []
    for t in recording_svc.unpurged_takes(ws):
        when = receipts.get(t.id)
        if when is None or not t.status.complete:
            continue
        verified = datetime.fromisoformat(when)
        if verified.tzinfo is None:
            verified = verified.replace(tzinfo=UTC)
        if now - verified >= timedelta(days=days):
            recording_svc.purge_audio(ws, t.id, f"verified at the study store on {when}")
            purged.append(t.id)
    return purged


def job_label(kind: str, session_id: str | None) -> str:
    """How a bundle is named to the researcher: "session S-0001", "identity data of session S-0001"."""
    if kind == "identity":
        return f"identity data of session {session_id}"
    return f"session {session_id}" if session_id else kind


def purge_due(ws: Workspace) -> list[str]:
    """What the study's rules say must go now (run at unlock and after every sync): audio whose 'keep for
    N days after the receipt' has run out, and sealed visit addresses past their retention.  Returns the
    purged takes' ids."""
    if not ws.has_pack():
        return []
    sessions_svc.purge_expired_locations(ws)
    return apply_purge_policy(ws)


def __getattr__(name: str) -> Any:
    """``sync_all`` and ``SyncReport`` live with the runner that both faces use."""
    if name in ("sync_all", "SyncReport"):
        from fieldwork_app.services import sync_runner

        return getattr(sync_runner, name)
    raise AttributeError(name)
