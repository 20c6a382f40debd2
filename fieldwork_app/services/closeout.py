"""Closing a session: wellbeing check, support list, thank-you voucher, notes and follow-ups.

The voucher is never conditional on finishing: a session that ended early gets one too, and the record
says so.  Vouchers are treated as cash: the full serial and any receipt go to identity.db (vouchers
table) for reconciliation; research.db keeps only the last four characters of the serial.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from fieldwork_app.domain import conditions
from fieldwork_app.domain.pack import SignpostingEntry
from fieldwork_app.domain.records import ParticipantStatus, SessionRecord, SessionStatus
from fieldwork_app.errors import InvalidInput, NotFound
from fieldwork_app.services import clock as clock_mod
from fieldwork_app.services import distress as distress_svc
from fieldwork_app.services import participants as participants_svc
from fieldwork_app.services import sessions as sessions_svc
from fieldwork_app.services import tasks as tasks_svc
from fieldwork_app.services.clock import Clock
from fieldwork_app.services.workspace import Workspace

logger = logging.getLogger(__name__)

VOUCHER_KEYS = (
    "type",
    "value",
    "currency",
    "serial",
    "given_despite_early_stop",
    "receipt",
    "participant_id",
    "voucher",  # which of the study's vouchers, where two of one type could fit
)
MAX_TEXT = 20_000


@dataclass(frozen=True)
class CloseOut:
    session_id: str
    status: str  # "saved" until complete(), then "complete"
    body: dict[str, Any]
    saved_at: str
    saved_by: str

    @property
    def voucher(self) -> dict[str, Any] | None:
        v = self.body.get("voucher")
        return dict(v) if v else None


def mask_serial(serial: str) -> str:
    """Only the last four characters; a serial of four or fewer shows none."""
    return "****" + (serial[-4:] if len(serial) > 4 else "")


def _text(name: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"'{name}' must be text")
    value = value.strip()
    if len(value) > MAX_TEXT:
        raise InvalidInput(f"'{name}' is at most {MAX_TEXT} characters")
    return value or None


def _voucher(
    ws: Workspace, session: Any, raw: Mapping[str, Any], ended_early: bool
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split a voucher into its research part (masked) and its identity part (full serial, receipt)."""
    unknown = sorted(set(raw) - set(VOUCHER_KEYS))
    if unknown:
        raise InvalidInput(f"unknown voucher field(s): {', '.join(unknown)}")
    pid = raw.get("participant_id")
    if pid is None:
        if len(session.participant_ids) != 1:
            raise InvalidInput("say which participant the voucher is for (participant_id)")
        pid = session.participant_ids[0]
    if pid not in session.participant_ids:
        raise InvalidInput(f"{pid} is not in session {session.id}")
    kind = _text("voucher type", raw.get("type"))
    pack = ws.pack()
    known = [v for v in pack.vouchers if v.type == kind]
    if kind is None or (pack.vouchers and not known):
        types = ", ".join(sorted({v.type for v in pack.vouchers})) or "any"
        raise InvalidInput(f"unknown voucher type '{raw.get('type')}' (the study's: {types})")
    # the pack's conditions: the participant's group and attributes, the session's format (as the screen offers)
    if known:
        fitting = conditions.vouchers_for(pack.vouchers, participants_svc.who(ws, pid), session.format)
        known = [v for v in fitting if v.type == kind]
        if not known:
            theirs = ", ".join(sorted({v.type for v in fitting})) or "none"
            raise InvalidInput(
                f"the study gives no '{kind}' voucher to {pid} at this {str(session.format).replace('_', ' ')}: "
                f"its conditions (group, attributes, session format) do not fit (theirs: {theirs})"
            )
        if raw.get("voucher") is not None:
            known = [v for v in known if v.id == raw.get("voucher")]
            if not known:
                raise InvalidInput(f"the study gives {pid} no '{kind}' voucher '{str(raw.get('voucher'))[:40]}'")
    try:
        value = Decimal(str(raw.get("value")))
    except InvalidOperation:
        raise InvalidInput(f"a voucher value is a number, not {raw.get('value')!r}") from None
    if not value.is_finite() or value < 0 or value > 10_000:
        raise InvalidInput("a voucher value is between 0 and 10000")
    currency = str(raw.get("currency") or (known[0].currency if known else ""))
    if len(currency) != 3 or not currency.isalpha() or not currency.isupper():
        raise InvalidInput(f"'{currency}' is not a currency code like GBP")
    serial = _text("voucher serial", raw.get("serial"))
    if serial is None:
        raise InvalidInput("the voucher serial is missing")
    despite = raw.get("given_despite_early_stop", ended_early)
    if not isinstance(despite, bool):
        raise InvalidInput("'given_despite_early_stop' must be true or false")
    research = {
        "participant_id": pid,
        # with the participant, what keys it: one of each of the study's vouchers per session
        "voucher": (known[0].id if known else None) or kind,
        "type": kind,
        "provider": known[0].provider if known else None,
        "value": str(value),
        "currency": currency,
        "masked_serial": mask_serial(serial),
        "given_despite_early_stop": despite,
    }
    identity = {**research, "serial": serial, "receipt": _text("voucher receipt", raw.get("receipt"))}
    return research, identity


def offered_signposting(ws: Workspace, session: SessionRecord) -> list[SignpostingEntry]:
    """The support entries the pack gives this session's participants, in the pack's order: each
    participant's group's, matching their attributes and their site (the venue's, else their area's); for a
    joint interview or a group, every participant's."""
    pack = ws.pack()
    if not session.participant_ids:
        return list(pack.signposting.entries)
    venue = session.plan.get("venue")
    ids: set[str] = set()
    for pid in session.participant_ids:
        who = participants_svc.who(ws, pid)
        site = conditions.site_for(pack, who, venue if isinstance(venue, str) else None)
        ids.update(e.id for e in conditions.signposting_for(pack.signposting, who, site.id if site else None))
    return [e for e in pack.signposting.entries if e.id in ids]


def _same_voucher(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Whether a saved voucher is the one ``new`` replaces: the same participant and the same voucher of the
    study (one saved before vouchers carried their id: the same type)."""
    if old.get("participant_id") != new.get("participant_id"):
        return False
    return old.get("voucher") == new["voucher"] if old.get("voucher") else old.get("type") == new.get("type")


def _voucher_key(v: Mapping[str, Any]) -> str:
    return f"{v.get('participant_id')}/{v.get('voucher') or v.get('type')}"


def save(
    ws: Workspace,
    session_id: str,
    wellbeing: str | None = None,
    signposting_given: Sequence[str] = (),
    voucher: Mapping[str, Any] | None = None,
    field_notes: str | None = None,
    reflexive_note: str | None = None,
    follow_ups: Sequence[Mapping[str, Any]] = (),
    *,
    vouchers: Sequence[Mapping[str, Any]] = (),
    clock: Clock | None = None,
) -> CloseOut:
    """Save (or save again) the close-out; follow-ups become tasks, each created once.  ``voucher`` and
    ``vouchers`` are the vouchers given at this save: each replaces the same participant's same voucher of the
    study (a young person due an e-voucher and a travel voucher has both)."""
    session = sessions_svc.get(ws, session_id)
    if session.status is SessionStatus.COMPLETED:
        raise InvalidInput(f"session {session_id} is already completed")
    previous = _get(ws, session_id)
    known = {e.id for e in ws.pack().signposting.entries}
    if isinstance(signposting_given, str):
        raise InvalidInput("signposting_given is a list of entry ids")
    unknown = sorted(set(signposting_given) - known)
    if unknown:
        raise InvalidInput(f"unknown signposting entries: {', '.join(unknown)}")
    offered = {e.id for e in offered_signposting(ws, session)}
    other = [e for e in dict.fromkeys(signposting_given) if e not in offered]
    if other:
        raise InvalidInput(
            f"support entries not offered to this session's participants (the pack gives them to another "
            f"group, age, language or area): {', '.join(other)}"
        )
    ended_early = distress_svc.ended_early(ws, session_id)
    given = [_voucher(ws, session, v, ended_early) for v in ([voucher] if voucher else []) + list(vouchers)]
    keys = [_voucher_key(r) for r, _ in given]
    twice = sorted({k for k in keys if keys.count(k) > 1})
    if twice:
        raise InvalidInput(f"the same voucher is given twice at one save: {', '.join(twice)}")
    research_v = given[-1][0] if given else None
    clk = clock_mod.resolve(clock)
    wanted = []
    for f in follow_ups:
        title = _text("follow-up title", f.get("title"))
        if title is None or len(title) > 200:
            raise InvalidInput("a follow-up needs a title of 1-200 characters")
        due_at = clock_mod.parse_due(f.get("due"), "follow-up due")
        wanted.append((title, clock_mod.iso(due_at) if due_at else None))
    # One of each of the study's vouchers per participant: this save's replace the same ones only.  Keyed
    # "participant/voucher" (close-outs saved earlier were keyed by participant: read the same way).
    saved = list((previous.body.get("vouchers") or {}).values()) if previous else []
    if previous and previous.voucher and not saved:  # a close-out saved before per-participant vouchers
        saved = [previous.voucher]
    for r, _ in given:
        saved = [v for v in saved if not _same_voucher(v, r)] + [r]
    all_vouchers: dict[str, Any] = {_voucher_key(v): v for v in saved}
    body: dict[str, Any] = {
        "wellbeing": _text("wellbeing", wellbeing),
        "signposting_given": list(dict.fromkeys(signposting_given)),
        "voucher": research_v or (previous.voucher if previous else None),
        "vouchers": all_vouchers,
        "field_notes": _text("field notes", field_notes),
        "reflexive_note": _text("reflexive note", reflexive_note),
        "ended_early": ended_early,
        "status": "saved",
    }
    done_before = {
        (t["title"], t["due"]): t["task"] for t in (previous.body.get("follow_ups", []) if previous else [])
    }
    now = clk.now()
    with ws.vault.transaction() as db:
        created = []
        for title, due in wanted:
            task_id = done_before.get((title, due))
            if task_id is None:
                task_id = tasks_svc.add(ws, tasks_svc.FOLLOW_UP, title, due, session_id, clock=clk).id
            created.append({"title": title, "due": due, "task": task_id})
        body["follow_ups"] = created
        db.execute(
            "INSERT OR REPLACE INTO closeouts (session_id, body_json, completed_at, completed_by) VALUES (?,?,?,?)",
            (session_id, json.dumps(body, sort_keys=True), clock_mod.iso(now), ws.user),
        )
        with ws.vault.identity_transaction() as idb:
            # One of each voucher per session and participant: saving it again replaces that entry only.
            for _, identity_v in given:
                rows = idb.execute(
                    "SELECT row_id, body_json FROM vouchers WHERE session_id = ? AND participant_id = ?",
                    (session_id, identity_v["participant_id"]),
                ).fetchall()
                for row in rows:
                    if _same_voucher(json.loads(row["body_json"]), identity_v):
                        idb.execute("DELETE FROM vouchers WHERE row_id = ?", (row["row_id"],))
                idb.execute(
                    "INSERT INTO vouchers (session_id, participant_id, body_json, created_at) VALUES (?,?,?,?)",
                    (session_id, identity_v["participant_id"], json.dumps(identity_v), clock_mod.iso(now)),
                )
        ws.vault.audit(
            "closeout.save",
            "session",
            session_id,
            session_id=session_id,
            detail={
                "voucher": research_v is not None,
                "vouchers": len(all_vouchers),
                "given_despite_early_stop": any(r["given_despite_early_stop"] for r, _ in given),
                "follow_ups": len(created),
                "signposting": body["signposting_given"],
            },
        )
    return get(ws, session_id)


def _get(ws: Workspace, session_id: str) -> CloseOut | None:
    r = ws.db.execute("SELECT * FROM closeouts WHERE session_id = ?", (session_id,)).fetchone()
    if r is None:
        return None
    body = json.loads(r["body_json"])
    return CloseOut(session_id, body.get("status", "saved"), body, r["completed_at"], r["completed_by"])


def get(ws: Workspace, session_id: str) -> CloseOut:
    found = _get(ws, session_id)
    if found is None:
        raise NotFound(f"session {session_id} has no close-out yet")
    return found


def complete(ws: Workspace, session_id: str, *, clock: Clock | None = None) -> CloseOut:
    """Mark the session completed and its participants interviewed (a withdrawn one stays withdrawn)."""
    session = sessions_svc.get(ws, session_id)
    closeout = get(ws, session_id)
    if session.status is SessionStatus.COMPLETED:
        raise InvalidInput(f"session {session_id} is already completed")
    if not closeout.body.get("wellbeing"):
        raise InvalidInput("record the wellbeing check before completing the session")
    open_events = [e.id for e in distress_svc.events(ws, session_id) if e.open]
    if open_events:
        raise InvalidInput(f"close the distress event {open_events[0]} first")
    clk = clock_mod.resolve(clock)
    body = dict(closeout.body, status="complete", completed_at=clock_mod.iso(clk.now()))
    with ws.vault.transaction() as db:
        db.execute(
            "UPDATE closeouts SET body_json = ? WHERE session_id = ?",
            (json.dumps(body, sort_keys=True), session_id),
        )
        sessions_svc.set_status(ws, session_id, SessionStatus.COMPLETED)
        for pid in session.participant_ids:
            if participants_svc.get(ws, pid).status is ParticipantStatus.CONSENTED:
                participants_svc.set_status(ws, pid, ParticipantStatus.INTERVIEWED)
        for task in tasks_svc.for_session(ws, session_id, tasks_svc.CLOSEOUT):
            tasks_svc.done(ws, task.id, clock=clk)
        ws.vault.audit(
            "closeout.complete",
            "session",
            session_id,
            session_id=session_id,
            detail={
                "participants": list(session.participant_ids),
                "ended_early": bool(body.get("ended_early")),
            },
        )
    sessions_svc.purge_expired_locations(ws)  # a pack that keeps addresses 0 days: gone with the visit
    return get(ws, session_id)


def find(ws: Workspace, session_id: str) -> CloseOut | None:
    """The session's close-out, or None before one is saved."""
    return _get(ws, session_id)


def voucher_rows(ws: Workspace, session_id: str) -> list[dict[str, Any]]:
    """The session's voucher receipts (identity data), as plain rows with their ``body``."""
    out = []
    for r in ws.idb.execute("SELECT * FROM vouchers WHERE session_id = ? ORDER BY row_id", (session_id,)):
        d = dict(r)
        d["body"] = json.loads(d.pop("body_json"))
        out.append(d)
    return out
