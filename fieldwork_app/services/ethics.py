"""The protocol's conditions on a session, from the study pack (format 2): gating tasks, capacity, and what
a participant's declined statements mean elsewhere.

- A gating task (a parent notified before the session) must be marked done before the participant's
  consent is taken or the session recorded; the readiness checklist shows it.
- Where the pack asks for capacity to be assessed, each session records an assessment (understand, retain,
  weigh up, communicate) per participant before consent and recording; an assessment that finds the
  participant cannot decide now stops the session, or asks for it to be rearranged or a consultee consulted,
  as the pack says.
- A participant's declined roles (quotes, archiving, future contact ...) come from their latest consent; a
  statement that did not apply to them is neither declined nor agreed, and the app does not act on its role.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from fieldwork_app.domain import conditions
from fieldwork_app.domain.pack import (
    CapacityCriterion,
    CapacityOutcome,
    CapacityRule,
    ConsentParty,
    GatingTask,
    PartyRule,
    StatementRole,
)
from fieldwork_app.errors import ConsentError, ErrorCode, ErrorKind, InvalidInput, NotFound
from fieldwork_app.services import participants as participants_svc
from fieldwork_app.services import sessions as sessions_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.vault import now_iso

MAX_NOTE = 500


# -- gating tasks --------------------------------------------------------------------------------------
def gating_tasks(ws: Workspace, participant_id: str) -> list[GatingTask]:
    """The pack's gating tasks that apply to this participant (by group and attributes)."""
    p = participants_svc.get(ws, participant_id)
    group = ws.pack().group(p.group_id)
    return conditions.gating_tasks_for(group, participants_svc.who(ws, participant_id))


def _done(ws: Workspace, participant_id: str) -> dict[str, str]:
    rows = ws.db.execute(
        "SELECT task_id, done_at FROM gating_done WHERE participant_id = ?", (participant_id,)
    ).fetchall()
    return {str(r["task_id"]): str(r["done_at"]) for r in rows}


def mark_done(ws: Workspace, participant_id: str, task_id: str, note: str = "", on: str | None = None) -> None:
    """Record that a gating task is done for this participant (audited; the note stays short).  ``on`` is the
    day it was done (YYYY-MM-DD, today or earlier) where that was before today: a notice period counts from it."""
    tasks = {t.id: t for t in gating_tasks(ws, participant_id)}
    if task_id not in tasks:
        known = ", ".join(tasks) or "none"
        raise InvalidInput(f"{participant_id} has no gating task '{task_id[:64]}' (theirs: {known})")
    if len(note) > MAX_NOTE:
        raise InvalidInput(f"a note on a gating task is at most {MAX_NOTE} characters")
    done_at = now_iso()
    if on:
        try:
            day = date.fromisoformat(on)
        except ValueError:
            raise InvalidInput(f"the day a task was done: expected YYYY-MM-DD, got {on[:32]!r}") from None
        if day > datetime.now().date():
            raise InvalidInput(f"the day a task was done cannot be after today ({day.isoformat()})")
        if day < datetime.now().date():
            done_at = day.isoformat()  # a day, not a moment: notice periods count whole days
    with ws.vault.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO gating_done (participant_id, task_id, done_at, done_by, note) VALUES (?,?,?,?,?)",
            (participant_id, task_id, done_at, ws.user, note.strip() or None),
        )
        ws.vault.audit("gating.done", "participant", participant_id, detail={"task": task_id, "on": done_at[:10]})


class GatingHold(enum.StrEnum):
    """Why a gating task still holds a session back."""

    NOT_DONE = "not-done"
    TOO_LATE = "too-late"  # done fewer than the task's ``days_before`` days before the session
    NO_START = "no-start"  # a notice period, and no planned start to count it back from


@dataclass(frozen=True)
class GatingState:
    """A gating task of a participant, with why it still holds the session back (``hold`` None when it does
    not); each face words the hold from the facts (the task's title is the pack's own)."""

    task: GatingTask
    done_at: str | None
    participant: str = ""
    hold: GatingHold | None = None
    done_on: str = ""  # the day it was done, for a hold of TOO_LATE

    @property
    def problem(self) -> str:
        """The core's own statement of the hold, for the log and the errors it raises ("" when none)."""
        if self.hold is GatingHold.NOT_DONE:
            return f"{self.participant}: '{self.task.title}' is not done yet"
        if self.hold is GatingHold.TOO_LATE:
            return (
                f"{self.participant}: '{self.task.title}' was done on {self.done_on}, less than "
                f"{self.task.days_before} day(s) before the session"
            )
        if self.hold is GatingHold.NO_START:
            return (
                f"{self.participant}: '{self.task.title}' must be done at least {self.task.days_before} day(s) "
                "before the session, and the session has no planned start to count them from"
            )
        return ""


def _local_day(text: str) -> date:
    """The calendar day (on this laptop's clock) of a stored moment or day."""
    when = datetime.fromisoformat(text)
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.date()


def gating_state(
    ws: Workspace, participant_id: str, session_id: str | None = None, at: datetime | None = None
) -> list[GatingState]:
    """Each gating task of this participant, with why it still holds the session back (none when done in
    time).  A task with a notice period (``days_before``) must be done at least that many days before the
    session: before its planned start, or before ``at`` (the moment consent is taken or recording starts)
    where that is earlier.  A session with no planned start cannot pass such a task."""
    done = _done(ws, participant_id)
    start = None
    if session_id is not None:
        planned = sessions_svc.get(ws, session_id).planned_start
        start = _local_day(planned) if planned else None
    ref = start
    if at is not None:
        now_day = (at.astimezone() if at.tzinfo is not None else at).date()
        ref = now_day if ref is None else min(ref, now_day)
    out = []
    for t in gating_tasks(ws, participant_id):
        at_done = done.get(t.id)
        hold = None
        done_on = ""
        if at_done is None:
            hold = GatingHold.NOT_DONE
        elif t.days_before and session_id is not None and start is None:
            hold = GatingHold.NO_START
        elif t.days_before and ref is not None:
            day = _local_day(at_done)
            if day > ref - timedelta(days=t.days_before):
                hold, done_on = GatingHold.TOO_LATE, day.isoformat()
        out.append(GatingState(t, at_done, participant_id, hold, done_on))
    return out


_GATING_CODES = {
    GatingHold.NOT_DONE: ErrorCode.GATING_TASK_FIRST,
    GatingHold.TOO_LATE: ErrorCode.GATING_TOO_LATE,
    GatingHold.NO_START: ErrorCode.GATING_NO_START,
}


def holding_now(ws: Workspace, participant_id: str, session_id: str) -> list[GatingState]:
    """The gating tasks that hold taking consent or recording back now: not done, or done within their notice
    period of the session (counted back from now where that is earlier than the planned start)."""
    states = gating_state(ws, participant_id, session_id, at=datetime.now().astimezone())
    return [st for st in states if st.hold is not None]


def require_gating_done(ws: Workspace, session_id: str, participant_id: str, doing: str) -> None:
    """Refuse ``doing`` (taking consent, recording) while a gating task holds it back (:func:`holding_now`)."""
    for st in holding_now(ws, participant_id, session_id):  # before the session or before consent: either way
        hold = st.hold or GatingHold.NOT_DONE  # (never None here)
        raise ConsentError(
            f"{doing} not allowed yet: {st.problem}. "
            + ("The study's protocol asks for it first" if hold is GatingHold.NOT_DONE
               else "The study's protocol asks for that much notice"),
            kind=ErrorKind.NOT_READY,
            code=_GATING_CODES[hold],
            params={"doing": doing, "problem": st.problem, "participant": participant_id, "task": st.task.id,
                    "hold": hold.value, "title": st.task.title, "session": session_id,
                    "days": st.task.days_before or 0, "done_on": st.done_on},
        )  # fmt: skip


# -- capacity ------------------------------------------------------------------------------------------
def capacity_rule(ws: Workspace, participant_id: str) -> CapacityRule | None:
    p = participants_svc.get(ws, participant_id)
    return conditions.capacity_rule_for(ws.pack().group(p.group_id), participants_svc.who(ws, participant_id))


@dataclass(frozen=True)
class CapacityResult:
    has_capacity: bool
    outcome: str | None  # what the pack says to do when lacking: stop, reschedule, consultee
    advice: str
    consultee_route: bool = False  # lacking, and the pack offers a consultee's advice instead of consent


def consultee_rule(ws: Workspace, participant_id: str) -> PartyRule | None:
    """The pack's consultee rule for this participant's group (None: the pack defines no consultee)."""
    p = participants_svc.get(ws, participant_id)
    rules = conditions.parties_for(ws.pack().group(p.group_id), participants_svc.who(ws, participant_id))
    return next((r for r in rules if r.role is ConsentParty.CONSULTEE), None)


def consultee_route_open(ws: Workspace, participant_id: str, outcome: str | None) -> bool:
    """Whether an assessment with this outcome opens the consultee route: the pack says to consult a
    consultee when the participant cannot decide, and names one for their group."""
    return outcome == CapacityOutcome.CONSULTEE.value and consultee_rule(ws, participant_id) is not None


_ADVICE = {
    CapacityOutcome.STOP: "stop the session: no consent and no recording today",
    CapacityOutcome.RESCHEDULE: "rearrange the session for another day; no consent and no recording today",
    CapacityOutcome.CONSULTEE: "consult the person the protocol names (a consultee) before going on; no consent "
    "and no recording until then",
}
_CONSULTEE_ADVICE = (
    "the protocol's consultee route applies: the participant does not consent; ask a consultee (a personal "
    "consultee, or a nominated one where there is none) for their advice on whether the participant would want "
    "to take part, and record it with the consent. Where the consultee advises they would not want to, they do "
    "not take part"
)
_NO_CONSULTEE = (
    "the protocol asks for a consultee, but the study pack names no consultee for this group, so the session "
    "stops: no consent and no recording today"
)


def _advice(ws: Workspace, participant_id: str, outcome: str) -> str:
    if outcome == CapacityOutcome.CONSULTEE.value:
        return _CONSULTEE_ADVICE if consultee_route_open(ws, participant_id, outcome) else _NO_CONSULTEE
    return _ADVICE[CapacityOutcome(outcome)]


def record_capacity(
    ws: Workspace, session_id: str, participant_id: str, answers: Mapping[str, bool]
) -> CapacityResult:
    """Record a capacity assessment for this participant at this session: one yes/no per criterion the pack
    asks about (understand, retain, weigh up, communicate)."""
    session = sessions_svc.get(ws, session_id)
    if participant_id not in session.participant_ids:
        raise InvalidInput(f"{participant_id} is not in session {session_id}")
    rule = capacity_rule(ws, participant_id)
    if rule is None:
        raise InvalidInput(f"the study's protocol asks for no capacity assessment for {participant_id}")
    wanted = [c.value for c in rule.criteria]
    unknown = sorted(set(answers) - set(wanted))
    missing = [c for c in wanted if c not in answers]
    if unknown or missing:
        raise InvalidInput(
            "a capacity assessment answers each of " + ", ".join(wanted)
            + (f" (missing: {', '.join(missing)})" if missing else "")
            + (f" (unknown: {', '.join(u[:32] for u in unknown)})" if unknown else "")
        )  # fmt: skip
    if not all(isinstance(v, bool) for v in answers.values()):
        raise InvalidInput("each capacity criterion is answered yes or no")
    has = all(answers[c] for c in wanted)
    outcome = None if has else rule.if_lacking.value
    with ws.vault.transaction() as db:
        db.execute(
            "INSERT INTO capacity_assessments (session_id, participant_id, answers_json, has_capacity, outcome,"
            " assessed_at, assessed_by) VALUES (?,?,?,?,?,?,?)",
            (session_id, participant_id, json.dumps({c: answers[c] for c in wanted}), int(has), outcome, now_iso(),
             ws.user),
        )  # fmt: skip
        ws.vault.audit(
            "capacity.assess",
            "participant",
            participant_id,
            session_id=session_id,
            detail={"has_capacity": has, "outcome": outcome},
        )
    advice = "" if has else _advice(ws, participant_id, rule.if_lacking.value)
    return CapacityResult(has, outcome, advice, not has and consultee_route_open(ws, participant_id, outcome))


def latest_capacity(ws: Workspace, session_id: str, participant_id: str) -> dict[str, Any] | None:
    r = ws.db.execute(
        "SELECT * FROM capacity_assessments WHERE session_id = ? AND participant_id = ? ORDER BY row_id DESC LIMIT 1",
        (session_id, participant_id),
    ).fetchone()
    if r is None:
        return None
    return {"answers": json.loads(r["answers_json"]), "has_capacity": bool(r["has_capacity"]),
            "outcome": r["outcome"], "at": r["assessed_at"]}  # fmt: skip


def capacity_at(ws: Workspace, session_id: str, participant_id: str, at: str) -> dict[str, Any] | None:
    """The capacity assessment in force at ``at`` (a consent's time): the latest one of this session made
    then or before, or None."""
    r = ws.db.execute(
        "SELECT * FROM capacity_assessments WHERE session_id = ? AND participant_id = ? AND assessed_at <= ?"
        " ORDER BY row_id DESC LIMIT 1",
        (session_id, participant_id, at),
    ).fetchone()
    if r is None:
        return None
    return {"answers": json.loads(r["answers_json"]), "has_capacity": bool(r["has_capacity"]),
            "outcome": r["outcome"], "at": r["assessed_at"]}  # fmt: skip


# What a consent record's copy says of the others with a part in it, as facts (their names are identity data).
PARTY_FACTS = {
    "guardian": ("A parent or guardian was present", "and agreed (their form completed)"),
    "consultee": ("A consultee was consulted", "and gave their view (their declaration completed)"),
    "witness": ("A witness was present", "and signed their statement"),
    "interpreter": ("An interpreter was present", "and signed the confidentiality agreement"),
}


def consent_facts(ws: Workspace, consent: Mapping[str, Any]) -> dict[str, Any]:
    """The facts a consent record's research copy states beside the answers, without any name: who else had a
    part (a guardian agreed, a witness or interpreter present) and the capacity assessment in force when it
    was taken (where the protocol asks for one)."""
    parties = json.loads(consent.get("parties_json") or "{}")
    others = {
        str(role): {"present": bool(d.get("present", True)), "agreed": bool(d.get("agreement"))}
        for role, d in (parties.items() if isinstance(parties, dict) else ())
        if isinstance(d, dict)
    }
    cap = capacity_at(ws, str(consent["session_id"]), str(consent["participant_id"]), str(consent["taken_at"]))
    capacity = None
    if cap is not None:
        capacity = {"assessed_at": cap["at"], "can_decide": cap["has_capacity"], "criteria": cap["answers"],
                    "if_not": cap["outcome"]}  # fmt: skip
    return {"others_present": others, "capacity": capacity}


def consent_fact_lines(facts: Mapping[str, Any]) -> list[str]:
    """:func:`consent_facts` as sentences for the consent copy."""
    lines = []
    for role, d in facts["others_present"].items():
        said, agreed = PARTY_FACTS.get(role, (f"Present: {role}", "with their paper confirmed"))
        lines.append(f"{said} {agreed}." if d["agreed"] else f"{said}.")
    cap = facts["capacity"]
    if cap is not None:
        criteria = ", ".join(f"{k.replace('_', ' ')}: {'yes' if v else 'no'}" for k, v in cap["criteria"].items())
        outcome = "can decide now" if cap["can_decide"] else "cannot decide now"
        lines.append(f"Capacity assessed {cap['assessed_at'][:16].replace('T', ' ')} UTC: {outcome} ({criteria}).")
    return lines


def capacity_basis(ws: Workspace, session_id: str, participant_id: str, doing: str) -> str:
    """On whose decision ``doing`` (consent, recording) rests at this session: "participant" (no capacity
    assessment asked for, or the latest one found the participant can decide now) or "consultee" (it found they cannot,
    and the pack's consultee route applies).  Refused where the pack asks for an assessment and this
    session has none, or where the participant cannot decide and the pack offers no consultee route."""
    rule = capacity_rule(ws, participant_id)
    if rule is None:
        return "participant"
    last = latest_capacity(ws, session_id, participant_id)
    if last is None:
        raise ConsentError(
            f"{doing} not allowed yet: the protocol asks for {participant_id}'s capacity to be assessed at this "
            f"session first",
            kind=ErrorKind.NOT_READY,
            code=ErrorCode.CAPACITY_FIRST,
            params={"doing": doing, "participant": participant_id, "session": session_id},
        )
    if last["has_capacity"]:
        return "participant"
    if consultee_route_open(ws, participant_id, last["outcome"]):
        return "consultee"
    raise ConsentError(
        f"{doing} not allowed: the capacity assessment at this session found {participant_id} cannot decide "
        f"now; the protocol says: {_advice(ws, participant_id, str(last['outcome']))}",
        kind=ErrorKind.CONSENT_REFUSED,
    )


def require_capacity(ws: Workspace, session_id: str, participant_id: str, doing: str) -> None:
    """Refuse ``doing`` where the pack asks for a capacity assessment and this session has none showing the
    participant can decide now, or a consultee route to go ahead on (see :func:`capacity_basis`)."""
    capacity_basis(ws, session_id, participant_id, doing)


CRITERIA = tuple(c.value for c in CapacityCriterion)


# -- declined roles ------------------------------------------------------------------------------------
def _latest_outcome(ws: Workspace, session_id: str, participant_id: str) -> conditions.ConsentOutcome | None:
    from fieldwork_app.services import consent as consent_svc  # consent imports this module

    rec = consent_svc.latest(ws, session_id, participant_id)
    if rec is None:
        return None
    try:
        return consent_svc.outcome_of(ws, rec)
    except NotFound:
        return None


def declined_roles(ws: Workspace, session_id: str, participant_id: str) -> frozenset[StatementRole]:
    """The roles of the statements the participant answered no to in their latest consent in this session
    (a statement that did not apply to them is not declined); empty before any consent."""
    out = _latest_outcome(ws, session_id, participant_id)
    return out.declined_roles if out is not None else frozenset()


def not_agreed_roles(ws: Workspace, session_id: str, participant_id: str) -> frozenset[StatementRole]:
    """The roles the app may not act on for this participant: declined, or not applicable to them ("not
    applicable" is never an agreement).  Before any consent: none known."""
    out = _latest_outcome(ws, session_id, participant_id)
    return out.declined_roles | out.not_applicable_roles if out is not None else frozenset()


def declined_in_session(ws: Workspace, session_id: str, role: StatementRole) -> list[str]:
    """The participants of a session whose latest consent did not agree to ``role`` (declined it, or it did
    not apply to them)."""
    s = sessions_svc.get(ws, session_id)
    return [pid for pid in s.participant_ids if role in not_agreed_roles(ws, session_id, pid)]


def marker_warning(ws: Workspace, session_id: str, kind: str) -> str:
    """What the researcher should know about a marker just added: a quote marker where a participant declined
    to be quoted."""
    if kind != "quote":
        return ""
    declined = declined_in_session(ws, session_id, StatementRole.QUOTES)
    if not declined:
        return ""
    return f"{', '.join(declined)} did not agree to be quoted: this moment must not be quoted in publications"
