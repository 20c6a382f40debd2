"""Safeguarding concerns: the written record the pack's rules ask for, kept in identity.db only.

A concern is identity-linked and never research data: its body lives in the identity store, under its
own key, apart from transcripts and never in an analysis export.  research.db holds only a task (a title
with no details, so the home screen can nag about it) and audit entries naming the concern by id.
Every read of a concern is audited.  The app prompts and records; the designated lead decides.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fieldwork_app.errors import InvalidInput, NotFound
from fieldwork_app.services import clock as clock_mod
from fieldwork_app.services import sessions as sessions_svc
from fieldwork_app.services import tasks as tasks_svc
from fieldwork_app.services.clock import Clock
from fieldwork_app.services.workspace import Workspace

logger = logging.getLogger(__name__)

TEXT_FIELDS = (
    "at_risk",
    "account",
    "present",
    "actions_taken",
    "participant_view",
    "escalated_to",
    "decision",
    "reasons",
    "follow_up_status",
)
TIME_FIELDS = ("escalated_at",)
REFERRAL_KEYS = ("agency", "reference", "method", "time")
FIELDS = (*TEXT_FIELDS, *TIME_FIELDS, "category", "participant_told", "referral")
REQUIRED_TO_COMPLETE = ("account", "category", "escalated_to", "decision")
TASK_TITLE = "Finish and escalate the safeguarding record today"
MAX_TEXT = 20_000


@dataclass(frozen=True)
class Concern:
    id: str
    participant_id: str | None
    session_id: str | None
    status: str
    created_at: str
    updated_at: str
    body: dict[str, Any]

    def missing(self) -> list[str]:
        """What :func:`complete` still needs (whom it is about first, for a draft not yet said to be anyone's)."""
        whom = ["participant"] if self.participant_id is None else []
        return whom + [f for f in REQUIRED_TO_COMPLETE if self.body.get(f) in (None, "")]

    @property
    def sharing(self) -> list[dict[str, Any]]:
        return list(self.body.get("sharing", []))


@dataclass(frozen=True)
class ConcernSummary:
    """What the home screen shows of an open concern: ids and status, none of its content."""

    id: str
    participant_id: str | None
    session_id: str | None
    status: str
    created_at: str
    task_id: str | None


def _load(ws: Workspace, concern_id: str) -> Any:
    r = ws.idb.execute("SELECT * FROM safeguarding WHERE id = ?", (concern_id,)).fetchone()
    if r is None:
        raise NotFound(f"no safeguarding concern '{concern_id}'")
    return r


def _concern(r: Any) -> Concern:
    return Concern(
        r["id"],
        r["participant_id"],
        r["session_id"],
        r["status"],
        r["created_at"],
        r["updated_at"],
        json.loads(r["body_json"]),
    )


def create(ws: Workspace, session_id: str, participant_id: str | None, *, clock: Clock | None = None) -> str:
    """Start a concern record for a participant of a session, with a task due by the end of today.

    With ``participant_id`` None the record is a draft not yet said to be about anyone (a joint session's form
    left before its participant was chosen: what was typed is kept); it cannot be completed until it is."""
    session = sessions_svc.get(ws, session_id)
    if participant_id is not None and participant_id not in session.participant_ids:
        raise InvalidInput(f"{participant_id} is not in session {session_id}")
    clk = clock_mod.resolve(clock)
    now = clk.now()
    cid = "G-" + uuid.uuid4().hex[:12]
    # The task goes first: if the research db refuses it, no identity record is left without its reminder.
    task = tasks_svc.add(
        ws, tasks_svc.SAFEGUARDING, TASK_TITLE, clock_mod.end_of_day(now), session_id, clock=clk
    )
    body = {
        "created_by": ws.user,
        "task": task.id,
        "rules_version": ws.pack().safeguarding.version,
        "sharing": [],
        "history": [],
    }
    with ws.vault.identity_transaction() as idb:
        idb.execute(
            "INSERT INTO safeguarding (id, participant_id, session_id, body_json, status, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?)",
            (
                cid,
                participant_id,
                session_id,
                json.dumps(body),
                "open",
                clock_mod.iso(now),
                clock_mod.iso(now),
            ),
        )
    ws.vault.audit(
        "safeguarding.create", "safeguarding", cid, session_id=session_id, detail={"task": task.id}
    )
    return cid


def _text(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(f"'{name}' must be text")
    if len(value) > MAX_TEXT:
        raise InvalidInput(f"'{name}' is at most {MAX_TEXT} characters")
    return value.strip()


def _clean(ws: Workspace, fields: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise InvalidInput(
            f"unknown safeguarding field(s): {', '.join(unknown)} (known: {', '.join(FIELDS)})"
        )
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name in TEXT_FIELDS:
            out[name] = _text(name, value)
        elif name in TIME_FIELDS:
            out[name] = clock_mod.iso(clock_mod.parse(value, name.replace("_", " ")))
        elif name == "category":
            known = [c.id for c in ws.pack().safeguarding.risk_categories]
            if value not in known:
                raise InvalidInput(f"unknown risk category '{value}' (one of {', '.join(known)})")
            out[name] = value
        elif name == "participant_told":
            if not isinstance(value, bool):
                raise InvalidInput("'participant_told' must be true or false")
            out[name] = value
        elif name == "referral":
            if not isinstance(value, dict):
                raise InvalidInput("'referral' is an object with agency, reference, method and time")
            bad = sorted(set(value) - set(REFERRAL_KEYS))
            if bad:
                raise InvalidInput(f"unknown referral field(s): {', '.join(bad)}")
            ref = {k: _text(f"referral {k}", v) for k, v in value.items() if k != "time"}
            if "time" in value:
                ref["time"] = clock_mod.iso(clock_mod.parse(value["time"], "referral time"))
            out[name] = ref
    return out


def _save(ws: Workspace, concern_id: str, body: dict[str, Any], status: str, now: datetime) -> None:
    with ws.vault.identity_transaction() as idb:
        idb.execute(
            "UPDATE safeguarding SET body_json = ?, status = ?, updated_at = ? WHERE id = ?",
            (json.dumps(body), status, clock_mod.iso(now), concern_id),
        )


def update(ws: Workspace, concern_id: str, *, clock: Clock | None = None, **fields: Any) -> None:
    """Set fields of the record; each change is kept in its history (who, when, which fields)."""
    r = _load(ws, concern_id)
    if not fields:
        raise InvalidInput("nothing to update")
    clean = _clean(ws, fields)
    now = clock_mod.resolve(clock).now()
    body = json.loads(r["body_json"])
    body.update(clean)
    body.setdefault("history", []).append({"at": clock_mod.iso(now), "by": ws.user, "fields": sorted(clean)})
    _save(ws, concern_id, body, r["status"], now)
    ws.vault.audit(
        "safeguarding.update",
        "safeguarding",
        concern_id,
        session_id=r["session_id"],
        detail={"fields": sorted(clean)},
    )


def add_sharing(
    ws: Workspace,
    concern_id: str,
    what: str,
    to_whom: str,
    when: str | datetime,
    why: str,
    with_consent: bool,
    shared: bool = True,
    *,
    clock: Clock | None = None,
) -> int:
    """Add an information-sharing entry; ``shared=False`` records a decision not to share, with why."""
    r = _load(ws, concern_id)
    if not isinstance(with_consent, bool) or not isinstance(shared, bool):
        raise InvalidInput("'with_consent' and 'shared' must be true or false")
    entry = {
        "what": _text("what", what),
        "to_whom": _text("to_whom", to_whom),
        "when": clock_mod.iso(clock_mod.parse(when, "when")),
        "why": _text("why", why),
        "with_consent": with_consent,
        "shared": shared,
        "recorded_by": ws.user,
    }
    now = clock_mod.resolve(clock).now()
    body = json.loads(r["body_json"])
    body.setdefault("sharing", []).append(entry)
    _save(ws, concern_id, body, r["status"], now)
    ws.vault.audit(
        "safeguarding.share",
        "safeguarding",
        concern_id,
        session_id=r["session_id"],
        detail={"entry": len(body["sharing"]), "shared": shared, "with_consent": with_consent},
    )
    return len(body["sharing"])


def complete(ws: Workspace, concern_id: str, *, clock: Clock | None = None) -> Concern:
    """Close the record once it holds the account, category, who it was escalated to and the decision."""
    r = _load(ws, concern_id)
    concern = _concern(r)
    if concern.status == "complete":
        raise InvalidInput(f"safeguarding concern {concern_id} is already complete")
    missing = concern.missing()
    if missing:
        raise InvalidInput(
            "the safeguarding record still needs: " + ", ".join(m.replace("_", " ") for m in missing)
        )
    clk = clock_mod.resolve(clock)
    now = clk.now()
    body = dict(concern.body)
    body["completed_at"] = clock_mod.iso(now)
    body["completed_by"] = ws.user
    _save(ws, concern_id, body, "complete", now)
    if body.get("task"):
        tasks_svc.done(ws, body["task"], clock=clk)
    ws.vault.audit("safeguarding.complete", "safeguarding", concern_id, session_id=r["session_id"])
    return _concern(_load(ws, concern_id))


def set_participant(ws: Workspace, concern_id: str, participant_id: str, *, clock: Clock | None = None) -> None:
    """Say, or correct, whom the record is about (one of its session's participants), until it is complete.

    The change is kept in the record's history (from whom, to whom, who changed it and when); the audit log
    says only that it changed."""
    r = _load(ws, concern_id)
    if participant_id == r["participant_id"]:
        return
    if r["status"] == "complete":
        raise InvalidInput(
            f"safeguarding concern {concern_id} is complete: whom it is about can no longer be changed"
        )
    session = sessions_svc.get(ws, r["session_id"])
    if participant_id not in session.participant_ids:
        raise InvalidInput(f"{participant_id} is not in session {r['session_id']}")
    now = clock_mod.resolve(clock).now()
    body = json.loads(r["body_json"])
    body.setdefault("history", []).append(
        {"at": clock_mod.iso(now), "by": ws.user, "participant": {"from": r["participant_id"], "to": participant_id}}
    )
    with ws.vault.identity_transaction() as idb:
        idb.execute(
            "UPDATE safeguarding SET participant_id = ?, body_json = ?, updated_at = ? WHERE id = ?",
            (participant_id, json.dumps(body), clock_mod.iso(now), concern_id),
        )
    ws.vault.audit(
        "safeguarding.update",
        "safeguarding",
        concern_id,
        session_id=r["session_id"],
        detail={"fields": ["participant"]},
    )


complete_record = complete  # save_record's ``complete`` flag shadows the function's name there


def get(ws: Workspace, concern_id: str, reason: str = "") -> Concern:
    """The whole record; the view is written to the audit log (who, when, and the reason's first words)."""
    concern = _concern(_load(ws, concern_id))
    ws.vault.audit(
        "safeguarding.view",
        "safeguarding",
        concern_id,
        session_id=concern.session_id,
        detail={"reason": reason[:200]} if reason else None,
    )
    return concern


def open_concerns(ws: Workspace) -> list[ConcernSummary]:
    """Concerns not yet complete, oldest first: ids and status only (the listing is audited too)."""
    rows = ws.idb.execute(
        "SELECT id, participant_id, session_id, status, created_at, body_json FROM safeguarding"
        " WHERE status != 'complete' ORDER BY created_at, id"
    ).fetchall()
    out = [
        ConcernSummary(
            r["id"],
            r["participant_id"],
            r["session_id"],
            r["status"],
            r["created_at"],
            json.loads(r["body_json"]).get("task"),
        )
        for r in rows
    ]
    ws.vault.audit("safeguarding.list", "safeguarding", "*", detail={"open": len(out)})
    return out


def record_rows(ws: Workspace, session_id: str) -> list[dict[str, Any]]:
    """The session's safeguarding records as plain rows with their ``body`` (identity data: they go only to
    the study's identity store), oldest first.  Not audited as a view: the caller audits what it sends."""
    out = []
    for r in ws.idb.execute(
        "SELECT * FROM safeguarding WHERE session_id = ? ORDER BY created_at", (session_id,)
    ).fetchall():
        d = dict(r)
        d["body"] = json.loads(d.pop("body_json"))
        out.append(d)
    return out


@dataclass(frozen=True)
class SavedRecord:
    """What saving a record from the form left: its id and status, what completing it still needs, and,
    when completion was asked for but the record is not ready, why (the record itself was saved)."""

    id: str
    status: str
    missing: tuple[str, ...]
    not_completed: InvalidInput | None = None


def save_record(
    ws: Workspace,
    session_id: str,
    participant_id: str | None,
    fields: Mapping[str, Any],
    sharing: Sequence[Mapping[str, Any]] = (),
    *,
    concern_id: str | None = None,
    complete: bool = False,
    clock: Clock | None = None,
) -> SavedRecord:
    """Save the record as the form holds it: create it (with its same-day task) when ``concern_id`` is
    None, or else say or correct whom it is about (see :func:`set_participant`); set ``fields``, add the
    ``sharing`` entries and, with ``complete``, close it.

    One transaction: a field or entry that is refused changes nothing (not even the record's creation).
    A record not yet ready to complete is still saved, and the refusal is returned, not raised."""
    not_completed: InvalidInput | None = None
    with ws.vault.transaction(), ws.vault.identity_transaction():
        cid = concern_id or create(ws, session_id, participant_id, clock=clock)
        if _load(ws, cid)["session_id"] != session_id:
            raise InvalidInput(f"safeguarding concern {cid} belongs to another session")
        if concern_id is not None and participant_id is not None:
            set_participant(ws, cid, participant_id, clock=clock)
        if fields:
            update(ws, cid, clock=clock, **dict(fields))
        for entry in sharing:
            add_sharing(ws, cid, clock=clock, **dict(entry))
        if complete:
            missing = _concern(_load(ws, cid)).missing()
            if missing:
                not_completed = InvalidInput(
                    "the safeguarding record still needs: " + ", ".join(m.replace("_", " ") for m in missing)
                )
            else:
                complete_record(ws, cid, clock=clock)
    concern = get(ws, cid, reason="saving the record")
    return SavedRecord(cid, concern.status, tuple(concern.missing()), not_completed)
