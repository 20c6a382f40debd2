"""The outbox: what waits on this laptop to be sent (a session's research data, its identity data,
a withdrawal), queued once per change, and how long it has waited."""

from __future__ import annotations

import dataclasses
import enum
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fieldwork_app.errors import InvalidInput
from fieldwork_app.services import participants as participants_svc
from fieldwork_app.services import recording as recording_svc
from fieldwork_app.services import sessions as sessions_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.vault import now_iso


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
            f"session {session_id} is not sent: its participant withdrew and asked for their data to be deleted"
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
    # what kind of problem ended the last try (an ErrorKind value, from its ``sync.failed`` audit entry), for a
    # face to word in its own language; ``last_error`` is the core's own statement of it
    last_error_kind: str | None = None

    def row(self) -> dict[str, Any]:
        """The item as plain values (the command line's JSON)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


def outbox(ws: Workspace) -> list[dict[str, Any]]:
    """:func:`outbox_items` as plain rows."""
    return [item.row() for item in outbox_items(ws)]


def _error_kind(detail_json: str) -> str | None:
    try:
        detail = json.loads(detail_json)
    except ValueError:
        return None
    kind = detail.get("error") if isinstance(detail, dict) else None
    return kind if isinstance(kind, str) else None


def outbox_items(ws: Workspace) -> list[OutboxItem]:
    """What waits on this laptop: each outbox row, how long it has waited, and the session's audio still here."""
    now = datetime.now(UTC)
    here: dict[str, tuple[int, float, int]] = {}
    in_outbox = [
        str(r[0])
        for r in ws.db.execute(
            "SELECT DISTINCT session_id FROM outbox WHERE session_id IS NOT NULL"
        ).fetchall()
    ]
    for t in recording_svc.unpurged_takes(ws, in_outbox):
        path = recording_svc.take_path(ws, t.session_id, t.id)
        size = path.stat().st_size if path.exists() else 0
        takes, seconds, nbytes = here.get(t.session_id, (0, 0.0, 0))
        here[t.session_id] = (takes + 1, seconds + float(t.duration or 0.0), nbytes + size)
    failed_kind = {  # the latest failure's kind, bundle by bundle
        str(r["subject_id"]): _error_kind(r["detail_json"])
        for r in ws.db.execute(
            "SELECT subject_id, detail_json FROM audit WHERE action = 'sync.failed' AND subject_id IN"
            " (SELECT bundle_id FROM outbox WHERE state = 'failed') ORDER BY seq"
        ).fetchall()
    }
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
                last_error_kind=failed_kind.get(str(r["bundle_id"])) if r["last_error"] else None,
            )
        )
    return items


def job_label(kind: str, session_id: str | None) -> str:
    """How a bundle is named to the researcher: "session S-0001", "identity data of session S-0001"."""
    if kind == "identity":
        return f"identity data of session {session_id}"
    return f"session {session_id}" if session_id else kind
