"""Participants: pseudonymous ids, screening, identity details (kept apart), withdrawal."""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from fieldwork_app import audio
from fieldwork_app.domain import records
from fieldwork_app.domain.conditions import Who, who_for
from fieldwork_app.domain.pack import Attribute, CutoffFrom
from fieldwork_app.domain.records import (
    Participant,
    ParticipantStatus,
    WithdrawalScope,
    parse_day,
)
from fieldwork_app.errors import ErrorCode, ErrorKind, FieldworkError, InvalidInput, NotFound
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.vault import now_iso

logger = logging.getLogger(__name__)

IDENTITY_FIELDS = records.IDENTITY_FIELDS  # the identity store's fields


def _row(r: Any) -> Participant:
    return Participant(
        id=r["id"],
        group_id=r["group_id"],
        seq=int(r["seq"]),
        status=ParticipantStatus(r["status"]),
        linked_to=r["linked_to"],
        created_at=r["created_at"],
    )


def get(ws: Workspace, participant_id: str) -> Participant:
    r = ws.db.execute("SELECT * FROM participants WHERE id = ?", (participant_id,)).fetchone()
    if r is None:
        raise NotFound(f"no participant '{participant_id}'")
    return _row(r)


def list_all(ws: Workspace, group_id: str | None = None) -> list[Participant]:
    if group_id:
        rows = ws.db.execute(
            "SELECT * FROM participants WHERE group_id = ? ORDER BY group_id, seq", (group_id,)
        )
    else:
        rows = ws.db.execute("SELECT * FROM participants ORDER BY group_id, seq")
    return [_row(r) for r in rows.fetchall()]


def add(
    ws: Workspace,
    group_id: str,
    linked_to: str | None = None,
    attributes: Mapping[str, str] | None = None,
) -> Participant:
    """Add a participant of ``group_id``; the id comes from the group's pattern (M-001, M-002 ...).
    ``attributes`` are the pack's participant attributes known now (checked before anything is written)."""
    pack = ws.pack()
    group = pack.group(group_id)
    if attributes:
        _checked_attributes(ws, group_id, attributes)
    if group.linked_to and group.link_required and not linked_to:
        linked_group = pack.group(group.linked_to)
        raise InvalidInput(
            f"a participant of group '{group_id}' is linked to a participant of group "
            f"'{linked_group.id}' ({linked_group.label}); name that participant's id",
            code=ErrorCode.LINK_REQUIRED,
            params={"group": group_id, "linked_group": linked_group.id},
        )
    if linked_to:
        other = get(ws, linked_to)
        if group.linked_to and other.group_id != group.linked_to:
            raise InvalidInput(
                f"a {group.label} can only be linked to a participant of group '{group.linked_to}'"
                f" ({linked_to} is in '{other.group_id}')"
            )
        if not group.linked_to:
            raise InvalidInput(f"participants of group '{group_id}' are not linked to anyone")
    missing = [a for a in pack.attributes_for(group_id) if a.required and a.id not in (attributes or {})]
    if missing:
        raise InvalidInput(
            f"a participant of group '{group_id}' is added with the study's required attributes; missing: "
            + "; ".join(f"{a.id} ({a.label}: {', '.join(a.allowed_values)})" for a in missing),
            code=ErrorCode.ATTRIBUTES_MISSING,
            params={"group": group_id, "missing": ", ".join(a.id for a in missing)},
        )
    with ws.vault.transaction() as db:
        row = db.execute(
            "SELECT COALESCE(MAX(seq), 0) FROM participants WHERE group_id = ?", (group_id,)
        ).fetchone()
        seq = int(row[0]) + 1
        pid = group.format_id(seq)
        if db.execute("SELECT 1 FROM participants WHERE id = ?", (pid,)).fetchone():
            raise FieldworkError(f"id {pid} is already taken", kind=ErrorKind.INVALID_INPUT)
        db.execute(
            "INSERT INTO participants (id, group_id, seq, linked_to, status, created_at, created_by)"
            " VALUES (?,?,?,?,?,?,?)",
            (pid, group_id, seq, linked_to, str(ParticipantStatus.NOT_SCREENED), now_iso(), ws.user),
        )
        ws.vault.audit(
            "participant.add", "participant", pid, detail={"group": group_id, "linked_to": linked_to}
        )
        if attributes:
            set_attributes(ws, pid, attributes)
    return get(ws, pid)


SCREENABLE = (ParticipantStatus.NOT_SCREENED, ParticipantStatus.ELIGIBLE, ParticipantStatus.NOT_ELIGIBLE)


def screen(ws: Workspace, participant_id: str, answers: Mapping[str, bool]) -> bool:
    """Record eligibility answers against the group's criteria; returns whether the participant is eligible.
    The participant's status becomes ``eligible`` or ``not_eligible``.  Screening comes before consent:
    once a participant has consented (or withdrawn) it is not asked again."""
    p = get(ws, participant_id)
    if p.status not in SCREENABLE:
        raise InvalidInput(
            f"{participant_id} is {p.status.value.replace('_', ' ')}: eligibility is screened before consent "
            "and is not asked again"
        )
    group = ws.pack().group(p.group_id)
    criteria = {c.id: c for c in group.eligibility}
    unknown = sorted(set(answers) - set(criteria))
    if unknown:
        raise InvalidInput(f"unknown eligibility criteria: {', '.join(unknown)}")
    missing = sorted(set(criteria) - set(answers))
    if missing:
        raise InvalidInput(f"eligibility not answered: {', '.join(missing)}")
    eligible = all(bool(answers[cid]) == c.eligible_answer for cid, c in criteria.items())
    with ws.vault.transaction() as db:
        db.execute(
            "INSERT INTO screenings (participant_id, answers_json, eligible, screened_at, screened_by)"
            " VALUES (?,?,?,?,?)",
            (participant_id, json.dumps(dict(answers), sort_keys=True), int(eligible), now_iso(), ws.user),
        )
        status = ParticipantStatus.ELIGIBLE if eligible else ParticipantStatus.NOT_ELIGIBLE
        db.execute("UPDATE participants SET status = ? WHERE id = ?", (str(status), participant_id))
        ws.vault.audit("participant.screen", "participant", participant_id, detail={"eligible": eligible})
    return eligible


def require_eligible(p: Participant, doing: str) -> None:
    """Refuse ``doing`` (planning a session, taking consent, recording) for a participant who has not been
    screened eligible, saying why and what to do."""
    if p.screened_eligible:
        return
    if p.withdrawn:
        raise FieldworkError(f"{p.id} has withdrawn from the study; no {doing}", kind=ErrorKind.WITHDRAWN)
    if p.status is ParticipantStatus.NOT_ELIGIBLE:
        raise FieldworkError(
            f"{p.id} was screened not eligible, so no {doing}: the study's ethics approval covers eligible "
            f"participants only. If the screening answers were wrong, screen {p.id} again",
            kind=ErrorKind.NOT_ELIGIBLE,
            code=ErrorCode.SCREENED_NOT_ELIGIBLE,
            params={"participant": p.id, "doing": doing},
        )
    raise FieldworkError(
        f"{p.id} has not been screened yet, so no {doing}: record the eligibility screening first",
        kind=ErrorKind.NOT_ELIGIBLE,
        code=ErrorCode.NOT_SCREENED,
        params={"participant": p.id, "doing": doing},
    )


def last_screening(ws: Workspace, participant_id: str) -> dict[str, Any] | None:
    r = ws.db.execute(
        "SELECT answers_json, eligible, screened_at FROM screenings WHERE participant_id = ?"
        " ORDER BY row_id DESC LIMIT 1",
        (participant_id,),
    ).fetchone()
    if r is None:
        return None
    return {"answers": json.loads(r["answers_json"]), "eligible": bool(r["eligible"]), "at": r["screened_at"]}


def set_status(ws: Workspace, participant_id: str, status: ParticipantStatus) -> None:
    with ws.vault.transaction() as db:
        db.execute("UPDATE participants SET status = ? WHERE id = ?", (str(status), participant_id))


# -- attributes the pack defines (format 2) -----------------------------------------------------------
def _checked_attributes(
    ws: Workspace, group_id: str, values: Mapping[str, str]
) -> tuple[dict[str, str], dict[str, Attribute]]:
    defined = {a.id: a for a in ws.pack().attributes_for(group_id)}
    clean: dict[str, str] = {}
    for key, raw in values.items():
        spec = defined.get(key)
        if spec is None:
            known = ", ".join(sorted(defined)) or "none"
            raise InvalidInput(
                f"'{key[:40]}' is not an attribute of group '{group_id}' (attributes: {known})"
            )
        value = str(raw).strip()
        if value not in spec.allowed_values:
            raise InvalidInput(
                f"'{value[:40]}' is not a value of '{key}' (one of: {', '.join(spec.allowed_values)})"
            )
        clean[key] = value
    return clean, defined


def set_attributes(ws: Workspace, participant_id: str, values: Mapping[str, str]) -> None:
    """Record attribute values (``{"age_band": "16-17"}``) checked against the pack's definitions;
    identifying attributes go to the identity database, the others to the research database.  Nothing is
    written when any value is wrong."""
    p = get(ws, participant_id)
    clean, defined = _checked_attributes(ws, p.group_id, values)
    research = {k: v for k, v in clean.items() if not defined[k].identifying}
    identifying = {k: v for k, v in clean.items() if defined[k].identifying}
    at = now_iso()
    with ws.vault.transaction() as db:
        for key, value in research.items():
            db.execute(
                "INSERT OR REPLACE INTO participant_attributes"
                " (participant_id, attribute_id, value, set_at, set_by) VALUES (?,?,?,?,?)",
                (participant_id, key, value, at, ws.user),
            )
        if identifying:
            with ws.vault.identity_transaction() as idb:
                for key, value in identifying.items():
                    idb.execute(
                        "INSERT OR REPLACE INTO identity_attributes (participant_id, attribute_id, value, set_at)"
                        " VALUES (?,?,?,?)",
                        (participant_id, key, value, at),
                    )
        ws.vault.audit(
            "participant.attributes", "participant", participant_id, detail={"attributes": sorted(clean)}
        )


def attributes(ws: Workspace, participant_id: str) -> dict[str, str]:
    """The participant's attribute values, identifying ones included (read on this laptop to apply the pack's rules)."""
    get(ws, participant_id)
    out = {
        str(r["attribute_id"]): str(r["value"])
        for r in ws.db.execute(
            "SELECT attribute_id, value FROM participant_attributes WHERE participant_id = ?",
            (participant_id,),
        )
    }
    for r in ws.idb.execute(
        "SELECT attribute_id, value FROM identity_attributes WHERE participant_id = ?", (participant_id,)
    ):
        out[str(r["attribute_id"])] = str(r["value"])
    return out


def missing_attributes(ws: Workspace, participant_id: str) -> list[str]:
    """The required attributes of the participant's group not recorded yet."""
    p = get(ws, participant_id)
    have = attributes(ws, participant_id)
    return [a.id for a in ws.pack().attributes_for(p.group_id) if a.required and a.id not in have]


def who(ws: Workspace, participant_id: str) -> Who:
    """What the pack's conditions read about the participant (group and attributes)."""
    p = get(ws, participant_id)
    return who_for(ws.pack(), p.group_id, attributes(ws, participant_id))


# -- identity (identity.db; every view is audited) --------------------------------------------------
def set_identity(ws: Workspace, participant_id: str, details: Mapping[str, str]) -> None:
    get(ws, participant_id)
    unknown = sorted(set(details) - set(IDENTITY_FIELDS))
    if unknown:
        raise InvalidInput(f"unknown identity field(s): {', '.join(unknown)}")
    clean = {k: str(v) for k, v in details.items() if str(v).strip()}
    with ws.vault.identity_transaction() as idb:
        idb.execute(
            "INSERT OR REPLACE INTO identities (participant_id, body_json, updated_at) VALUES (?,?,?)",
            (participant_id, json.dumps(clean, sort_keys=True), now_iso()),
        )
    ws.vault.audit("identity.edit", "participant", participant_id, detail={"fields": sorted(clean)})


def view_identity(ws: Workspace, participant_id: str, reason: str = "") -> dict[str, str]:
    """Return identity details; the access is written to the audit log (who, when, why)."""
    get(ws, participant_id)
    r = ws.idb.execute(
        "SELECT body_json FROM identities WHERE participant_id = ?", (participant_id,)
    ).fetchone()
    ws.vault.audit("identity.view", "participant", participant_id, detail={"reason": reason[:200]})
    return dict(json.loads(r["body_json"])) if r else {}


def has_identity(ws: Workspace, participant_id: str) -> bool:
    return (
        ws.idb.execute("SELECT 1 FROM identities WHERE participant_id = ?", (participant_id,)).fetchone()
        is not None
    )


# -- withdrawal ----------------------------------------------------------------------------------------
WITHDRAWN_STATE = "withdrawn"  # an outbox row held back for good: its session's data was deleted here


def unsent_sessions(ws: Workspace, participant_id: str) -> list[str]:
    """The participant's sessions (theirs alone) whose research data has not reached the study store: queued and not
    yet verified there, or never queued.  A withdrawal that deletes their data holds these back and deletes
    them here; a focus group, which holds others' data too, is sent as usual (the withdrawal list tells the
    data manager what to remove)."""
    rows = ws.db.execute(
        "SELECT sp.session_id FROM session_participants sp WHERE sp.participant_id = ?"
        " AND (SELECT COUNT(*) FROM session_participants o WHERE o.session_id = sp.session_id) = 1"
        " AND (EXISTS (SELECT 1 FROM outbox o WHERE o.session_id = sp.session_id AND o.kind = 'session'"
        "              AND o.state NOT IN ('verified', ?))"
        "      OR NOT EXISTS (SELECT 1 FROM outbox o WHERE o.session_id = sp.session_id AND o.kind = 'session'))"
        " ORDER BY sp.session_id",
        (participant_id, WITHDRAWN_STATE),
    ).fetchall()
    return [str(r[0]) for r in rows]


def held_back(ws: Workspace, session_id: str) -> bool:
    """Whether a session is never to be sent: its data here was deleted on a withdrawal, or its only
    participant withdrew asking for their data to be deleted (before the cut-off)."""
    return bool(
        ws.db.execute(
            "SELECT 1 FROM outbox WHERE session_id = ? AND state = ?", (session_id, WITHDRAWN_STATE)
        ).fetchone()
        or ws.db.execute(
            "SELECT 1 FROM session_participants sp JOIN withdrawals w ON w.participant_id = sp.participant_id"
            " WHERE sp.session_id = ? AND w.scope = ? AND w.before_cutoff = 1"
            " AND (SELECT COUNT(*) FROM session_participants o WHERE o.session_id = sp.session_id) = 1",
            (session_id, WithdrawalScope.DELETE_DATA.value),
        ).fetchone()
    )


def deletes_unsent(scope: str, before_cutoff: bool) -> bool:
    """Whether a withdrawal with this choice holds back and deletes the participant's unsent sessions (their
    data is to be deleted and the analysis cut-off has not passed); otherwise they are sent as usual."""
    return scope == WithdrawalScope.DELETE_DATA.value and before_cutoff


def cutoff(ws: Workspace, participant_id: str) -> date | None:
    """The last day the participant can withdraw before the analysis cut-off the pack sets (``data_rules.withdrawal``),
    counted from their latest completed session or latest consent; None when the pack sets no cut-off or
    nothing has started the count yet (they are then before it)."""
    rule = ws.pack().data_rules.withdrawal
    get(ws, participant_id)
    if rule is None:
        return None
    if rule.counted_from is CutoffFrom.CONSENT:
        row = ws.db.execute(
            "SELECT MAX(taken_at) FROM consent_records WHERE participant_id = ? AND complete = 1",
            (participant_id,),
        ).fetchone()
    else:
        row = ws.db.execute(
            "SELECT MAX(s.completed_at) FROM sessions s JOIN session_participants sp ON sp.session_id = s.id"
            " WHERE sp.participant_id = ?",
            (participant_id,),
        ).fetchone()
    if row is None or row[0] is None:
        return None
    return datetime.fromisoformat(str(row[0])).date() + timedelta(days=rule.cutoff_days)


def before_cutoff(ws: Workspace, participant_id: str, effective_date: str) -> bool | None:
    """Whether a withdrawal on ``effective_date`` comes before the pack's cut-off; None without one."""
    if ws.pack().data_rules.withdrawal is None:
        return None
    last = cutoff(ws, participant_id)
    return last is None or parse_day(effective_date, "withdrawal date") <= last


@dataclass(frozen=True)
class CutoffRule:
    """The pack's withdrawal cut-off as it stands for one participant, for the screens."""

    last_day: date | None  # None: nothing has started its count yet (a withdrawal now comes before it)
    after_cutoff: str  # the pack's words on what happens to data after the cut-off ("" when it says none)

    def before(self, day: date) -> bool:
        return self.last_day is None or day <= self.last_day


def cutoff_rule(ws: Workspace, participant_id: str) -> CutoffRule | None:
    """The withdrawal cut-off for this participant, or None when the pack sets none."""
    rule = ws.pack().data_rules.withdrawal
    last = cutoff(ws, participant_id)
    if rule is None:
        return None
    return CutoffRule(last, str(rule.after_cutoff or "").strip())


ARCHIVE_ACTION = "data kept after the withdrawal is left out of the archive deposit ({repository})"


def withdraw(
    ws: Workspace,
    participant_id: str,
    scope: str,
    effective_date: str,
    before_cutoff: bool = True,
    actions: list[str] | None = None,
    *,
    delete_unsent: bool = False,
) -> str:
    """Record a withdrawal.  When the participant asks for their data to be deleted (before the analysis
    cut-off), their sessions not yet at the study store (:func:`unsent_sessions`) are never sent, and their
    local data (the takes, notes, markers and topic-guide coverage) is deleted, audited; the caller asks first
    and passes ``delete_unsent=True`` once the researcher has confirmed (without it, nothing is recorded).
    With any other choice their sessions are sent as usual."""
    p = get(ws, participant_id)
    if p.withdrawn:
        raise FieldworkError(f"{participant_id} has already withdrawn", kind=ErrorKind.WITHDRAWN)
    try:
        scope_v = WithdrawalScope(scope)
    except ValueError:
        raise InvalidInput(
            f"unknown withdrawal scope '{scope}' (one of {', '.join(s.value for s in WithdrawalScope)})"
        ) from None
    day = parse_day(effective_date, "withdrawal date")
    held = unsent_sessions(ws, participant_id) if deletes_unsent(scope_v.value, before_cutoff) else []
    if held and not delete_unsent:
        raise InvalidInput(
            f"{participant_id} asked for their data to be deleted, and their session(s) {', '.join(held)} have "
            "not been sent",
            code=ErrorCode.UNSENT_DATA_TO_DELETE,
            params={"participant": participant_id, "sessions": ", ".join(held)},
        )
    if any(r["status"] == "recording" and audio.is_live(_take_file(ws, r)) for r in _takes(ws, held)):
        raise FieldworkError(
            f"a take of session {held[0]} is being recorded; stop it first", kind=ErrorKind.RECORDING_BUSY
        )
    wid = "W-" + uuid.uuid4().hex[:10]
    files: list[Path] = []
    actions = list(actions or [])
    retention = ws.pack().data_rules.retention
    if retention is not None and retention.archive is not None:  # what is kept stays out of any deposit
        actions.append(ARCHIVE_ACTION.format(repository=retention.archive.repository))
    with ws.vault.transaction() as db:
        db.execute(
            "INSERT INTO withdrawals (id, participant_id, scope, effective_date, before_cutoff, actions_json,"
            " recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?)",
            (
                wid,
                participant_id,
                str(scope_v),
                day.isoformat(),
                int(before_cutoff),
                json.dumps(actions),
                ws.user,
                now_iso(),
            ),
        )
        db.execute(
            "UPDATE participants SET status = ? WHERE id = ?",
            (str(ParticipantStatus.WITHDRAWN), participant_id),
        )
        ws.vault.audit(
            "participant.withdraw",
            "participant",
            participant_id,
            detail={"withdrawal": wid, "scope": str(scope_v), "date": day.isoformat()},
        )
        for sid in held:
            files += _delete_session_data(ws, db, sid, wid)
    for f in files:  # after the commit (files cannot roll back): takes and staged bundles
        if f.is_dir():
            shutil.rmtree(f, ignore_errors=True)
        else:
            f.unlink(missing_ok=True)
    for sid in held:
        shutil.rmtree(ws.data_dir.audio / sid, ignore_errors=True)
    return wid


def leftover_deletions(ws: Workspace) -> list[Path]:
    """Files the database says are deleted but which are still here (a crash between a withdrawal's or a
    purge's commit and the deletion of its files): takes of purged recordings, and the staged bundles of
    sessions held back on a withdrawal."""
    out = []
    for r in ws.db.execute("SELECT id, session_id FROM recordings WHERE purged_at IS NOT NULL").fetchall():
        f = _take_file(ws, r)
        if f.exists() and not audio.is_live(f):
            out.append(f)
    for r in ws.db.execute("SELECT bundle_id FROM outbox WHERE state = ?", (WITHDRAWN_STATE,)).fetchall():
        name = str(r[0])
        f = ws.data_dir.outbox / name
        if name and "/" not in name and name not in (".", "..") and (f.exists() or f.is_symlink()):
            out.append(f)
    return out


def finish_deletions(ws: Workspace) -> int:
    """Delete what :func:`leftover_deletions` finds (run at every unlock; doing it twice changes nothing).
    Returns how many files or folders were deleted."""
    done = 0
    for f in leftover_deletions(ws):
        if f.is_dir() and not f.is_symlink():
            shutil.rmtree(f, ignore_errors=True)
        else:
            f.unlink(missing_ok=True)
        done += 1
        if f.parent.parent == ws.data_dir.audio:
            with contextlib.suppress(OSError):
                f.parent.rmdir()  # the session's audio folder, once empty
    if done:
        logger.info("finished deleting %d file(s) a withdrawal or purge had left", done)
    return done


def _takes(ws: Workspace, session_ids: list[str]) -> list[Any]:
    return [
        r
        for sid in session_ids
        for r in ws.db.execute("SELECT * FROM recordings WHERE session_id = ?", (sid,)).fetchall()
    ]


def _take_file(ws: Workspace, r: Any) -> Path:
    return ws.data_dir.audio / str(r["session_id"]) / f"{r['id']}{audio.TAKE_SUFFIX}"


def _delete_session_data(ws: Workspace, db: Any, session_id: str, withdrawal_id: str) -> list[Path]:
    """Inside the withdrawal's transaction: hold the session back from sync for good and delete its research
    data here; returns the files to delete once the transaction has committed."""
    takes = _takes(ws, [session_id])
    now = now_iso()
    db.execute(
        "UPDATE recordings SET purged_at = ? WHERE session_id = ? AND purged_at IS NULL", (now, session_id)
    )
    counts = {"takes": len(takes)}
    for table, key in (("notes", "notes"), ("markers", "markers"), ("guide_progress", "coverage")):
        counts[key] = db.execute(f"DELETE FROM {table} WHERE session_id = ?", (session_id,)).rowcount  # noqa: S608
    staged = [str(r[0]) for r in db.execute(
        "SELECT bundle_id FROM outbox WHERE session_id = ? AND state != 'verified'", (session_id,))]  # fmt: skip
    db.execute(
        "UPDATE outbox SET state = ?, updated_at = ?, last_error = NULL WHERE session_id = ? AND state != 'verified'",
        (WITHDRAWN_STATE, now, session_id),
    )
    if not db.execute(
        "SELECT 1 FROM outbox WHERE session_id = ? AND kind = 'session'", (session_id,)
    ).fetchone():  # never queued: a row that says it never will be
        db.execute(
            "INSERT INTO outbox (bundle_id, kind, session_id, state, queued_at, updated_at) VALUES (?,?,?,?,?,?)",
            ("b" + uuid.uuid4().hex, "session", session_id, WITHDRAWN_STATE, now, now),
        )
    ws.vault.audit(
        "withdrawal.delete_local",
        "session",
        session_id,
        session_id=session_id,
        detail={"withdrawal": withdrawal_id, **counts, "held_bundles": len(staged)},
    )
    return [_take_file(ws, r) for r in takes] + [ws.data_dir.outbox / b for b in staged]


def withdrawals(ws: Workspace) -> list[dict[str, Any]]:
    rows = ws.db.execute("SELECT * FROM withdrawals ORDER BY recorded_at").fetchall()
    return [dict(r) for r in rows]


def withdrawal(ws: Workspace, withdrawal_id: str) -> dict[str, Any]:
    r = ws.db.execute("SELECT * FROM withdrawals WHERE id = ?", (withdrawal_id,)).fetchone()
    if r is None:
        raise NotFound(f"no withdrawal {withdrawal_id}")
    return dict(r)


def identity_record(ws: Workspace, participant_id: str) -> dict[str, Any] | None:
    """A participant's identity details with their ``updated_at``, for the study's identity store (not
    audited as a view: the caller audits what it sends); None when none are kept."""
    r = ws.idb.execute(
        "SELECT body_json, updated_at FROM identities WHERE participant_id = ?", (participant_id,)
    ).fetchone()
    if r is None:
        return None
    return {**json.loads(r["body_json"]), "updated_at": r["updated_at"]}
