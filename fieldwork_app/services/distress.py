"""Distress events, following the study pack's distress protocol step by step.

An event is a timeline of steps (stage reached, signs seen, actions done, the participant's choice, recording paused
and resumed, support list given, consents, follow-up, PI told, debrief), each time-stamped and, when
given, at an audio position.  On a joint interview or a group, a ``participant`` step says which participant the
distress concerns (their id), or that it concerns the session as a whole (no one participant); the latest such
step holds.  It is a step like the others, so it never holds the protocol back: the event opens at once and
whom it concerns is said when the researcher can (events from before it was asked simply have none).
The fields of a DistressEvent are read from that timeline, so escalating from stage 1 to 2 keeps what happened
at stage 1.  The app prompts and records; the researcher decides.
Free text (the reason a session ended) stays in research.db; the audit log carries ids and codes only.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from fieldwork_app.domain.pack import DistressProtocol, DistressRecordItem
from fieldwork_app.domain.records import SessionStatus
from fieldwork_app.errors import InvalidInput, NotFound
from fieldwork_app.services import clock as clock_mod
from fieldwork_app.services import sessions as sessions_svc
from fieldwork_app.services import tasks as tasks_svc
from fieldwork_app.services.clock import Clock
from fieldwork_app.services.workspace import Workspace

logger = logging.getLogger(__name__)

STEP_KINDS = (
    "stage",
    "sign",
    "action",
    "choice",
    "recording_paused",
    "recording_resumed",
    "signposting",
    "gp_contact_consent",
    "follow_up",
    "pi_informed",
    "debrief",
    "safeguarding_link",
    "participant",
)
# What may still be recorded after the event is closed: it happens later the same day or after (or, for whom
# the event concerns, is said once the moment has passed).
AFTER_CLOSE = frozenset(
    {"signposting", "gp_contact_consent", "follow_up", "pi_informed", "debrief", "safeguarding_link", "participant"}
)
CHOICES = ("continue", "pause", "stop")
OUTCOMES = ("resumed", "ended_early")


@dataclass(frozen=True)
class DistressEvent:
    id: str
    session_id: str
    opened_at: str
    position: float | None
    highest_stage: int
    signs: tuple[str, ...]
    actions: tuple[str, ...]
    choice: str | None
    pauses: tuple[tuple[str, float | None], ...]
    resumes: tuple[tuple[str, float | None], ...]
    signposting: tuple[str, ...]
    gp_contact_consent: bool | None
    follow_up_agreed: bool | None
    follow_up_due: str | None
    follow_up_done: bool
    follow_up_task: str | None
    pi_informed_at: str | None
    safeguarding_concern: str | None
    debrief_task: str | None
    debrief_done: bool
    outcome: str | None
    end_reason: str | None
    closed_at: str | None
    steps: tuple[dict[str, Any], ...]
    # Whom it concerns (a joint interview or a group): a participant's id; or, with ``whole_session``, no one
    # participant but the session as a whole; neither when not said (always so on events from before).
    participant_id: str | None = None
    whole_session: bool = False

    @property
    def open(self) -> bool:
        return self.closed_at is None

    @property
    def concerns_said(self) -> bool:
        """Whether the researcher has said whom the event concerns (a participant, or the session as a whole)."""
        return self.participant_id is not None or self.whole_session


def protocol(ws: Workspace, session_id: str | None = None) -> DistressProtocol:
    """The distress protocol for a session.  With one participant, the one the pack gives that participant's
    group (else the pack's main protocol).  A joint interview or group whose members' groups have protocols of
    their own uses the first of those in the pack's order (the pack lists the more protective first; a young
    person's protocol before an adult's), never the main one over a group's own: a young person interviewed
    with a parent keeps the young people's signs, actions and route."""
    pack = ws.pack()
    if session_id is not None:
        rows = ws.db.execute(
            "SELECT DISTINCT p.group_id FROM session_participants sp JOIN participants p ON p.id = sp.participant_id"
            " WHERE sp.session_id = ?",
            (session_id,),
        ).fetchall()
        groups = {str(r["group_id"]) for r in rows}
        for own in pack.distress_protocols:
            if groups & set(own.groups):
                return own
    return pack.distress_protocol


def should_pause_by_default(ws: Workspace, session_id: str | None = None) -> bool:
    """Whether the recorder pauses when a distress event opens (the pack says; the researcher may still choose)."""
    return protocol(ws, session_id).pause_recording_by_default


# What a stage's ``record`` list asks for, by the step that records it (the event itself, its timeline and
# pause times are recorded by the event as it happens).
RECORD_STEPS = {
    DistressRecordItem.PARTICIPANT_CHOICE: "choice",
    DistressRecordItem.SIGNPOSTING_GIVEN: "signposting",
    DistressRecordItem.CONTACT_CONSENT: "gp_contact_consent",
    DistressRecordItem.FOLLOW_UP_TASK: "follow_up",
    DistressRecordItem.PI_TOLD: "pi_informed",
    DistressRecordItem.DEBRIEF: "debrief",
}


def still_to_record(ws: Workspace, event_id: str) -> list[str]:
    """What the protocol's stages reached ask the researcher to record (their ``record`` lists) that the
    event does not hold yet, e.g. ``["signposting_given", "follow_up_task"]``."""
    r = _load(ws, event_id)
    proto = protocol(ws, str(r["session_id"]))
    steps: list[dict[str, Any]] = json.loads(r["steps_json"])
    kinds = {s.get("kind") for s in steps}
    reached = {s.get("level") for s in steps if s.get("kind") == "stage"}
    asked = [item for st in proto.stages if st.level in reached for item in st.record]
    missing = [i for i in asked if i in RECORD_STEPS and RECORD_STEPS[i] not in kinds]
    return list(dict.fromkeys(str(i) for i in missing))


def _load(ws: Workspace, event_id: str) -> Any:
    r = ws.db.execute("SELECT * FROM distress_events WHERE id = ?", (event_id,)).fetchone()
    if r is None:
        raise NotFound(f"no distress event '{event_id}'")
    return r


def _build(ws: Workspace, r: Any) -> DistressEvent:
    steps: list[dict[str, Any]] = json.loads(r["steps_json"])
    signs: list[str] = []
    actions: list[str] = []
    signposting: list[str] = []
    choice = gp = agreed = due = follow_task = pi_at = concern = debrief_task = reason = None
    participant: str | None = None
    whole_session = debrief_done = False
    pauses, resumes = [], []
    for s in steps:
        kind = s["kind"]
        if kind == "stage" and s.get("debrief_task"):
            debrief_task = s["debrief_task"]
        elif kind == "sign" and s["id"] not in signs:
            signs.append(s["id"])
        elif kind == "action":
            if s["done"] and s["id"] not in actions:
                actions.append(s["id"])
            elif not s["done"] and s["id"] in actions:
                actions.remove(s["id"])
        elif kind == "choice":
            choice = s["choice"]
        elif kind == "recording_paused":
            pauses.append((s["at"], s.get("position")))
        elif kind == "recording_resumed":
            resumes.append((s["at"], s.get("position")))
        elif kind == "signposting" and s.get("given", True):
            signposting.extend(e for e in s["entries"] if e not in signposting)
        elif kind == "signposting":  # a tick taken back: that entry was not given after all
            signposting[:] = [e for e in signposting if e not in s["entries"]]
        elif kind == "gp_contact_consent":
            gp = s["consent"]
        elif kind == "follow_up":
            agreed, due, follow_task = s["agreed"], s.get("due"), s.get("task")
        elif kind == "pi_informed":
            pi_at = s["when"]
        elif kind == "debrief":
            debrief_done = bool(s["done"])
        elif kind == "safeguarding_link":
            concern = s["concern"]
        elif kind == "participant":
            participant = s.get("participant")
            whole_session = participant is None
        elif kind == "close":
            reason = s.get("reason")
    follow_done = bool(follow_task) and tasks_svc.get(ws, str(follow_task)).done
    if debrief_task and not debrief_done:
        debrief_done = tasks_svc.get(ws, str(debrief_task)).done
    return DistressEvent(
        id=r["id"],
        session_id=r["session_id"],
        opened_at=r["opened_at"],
        position=r["position"],
        highest_stage=int(r["highest_stage"]),
        signs=tuple(signs),
        actions=tuple(actions),
        choice=choice,
        pauses=tuple(pauses),
        resumes=tuple(resumes),
        signposting=tuple(signposting),
        gp_contact_consent=gp,
        follow_up_agreed=agreed,
        follow_up_due=due,
        follow_up_done=follow_done,
        follow_up_task=follow_task,
        pi_informed_at=pi_at,
        safeguarding_concern=concern,
        debrief_task=debrief_task,
        debrief_done=debrief_done,
        outcome=r["outcome"],
        end_reason=reason,
        closed_at=r["closed_at"],
        steps=tuple(steps),
        participant_id=participant,
        whole_session=whole_session,
    )


def get(ws: Workspace, event_id: str) -> DistressEvent:
    return _build(ws, _load(ws, event_id))


def events(ws: Workspace, session_id: str) -> list[DistressEvent]:
    sessions_svc.get(ws, session_id)
    rows = ws.db.execute(
        "SELECT * FROM distress_events WHERE session_id = ? ORDER BY opened_at, id", (session_id,)
    ).fetchall()
    return [_build(ws, r) for r in rows]


def open_event(
    ws: Workspace, session_id: str, position: float | None = None, *, clock: Clock | None = None
) -> str:
    """Open a distress event for the session, or return the one already open."""
    session = sessions_svc.get(ws, session_id)
    if session.status is SessionStatus.COMPLETED:
        raise InvalidInput(f"session {session_id} is completed; a distress event belongs to a live session")
    existing = ws.db.execute(
        "SELECT id FROM distress_events WHERE session_id = ? AND closed_at IS NULL", (session_id,)
    ).fetchone()
    if existing is not None:
        return str(existing["id"])
    pos = _position(position)
    eid = "D-" + uuid.uuid4().hex[:12]
    now = clock_mod.iso(clock_mod.resolve(clock).now())
    with ws.vault.transaction() as db:
        db.execute(
            "INSERT INTO distress_events (id, session_id, opened_at, position, highest_stage, steps_json)"
            " VALUES (?,?,?,?,0,'[]')",
            (eid, session_id, now, pos),
        )
        ws.vault.audit("distress.open", "distress_event", eid, session_id=session_id)
    return eid


def _position(position: Any) -> float | None:
    if position is None:
        return None
    if isinstance(position, bool) or not isinstance(position, int | float) or position < 0:
        raise InvalidInput(f"an audio position is a number of seconds from 0, not {position!r}")
    return float(position)


def _flag(data: dict[str, Any], key: str, default: bool | None = None) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise InvalidInput(f"'{key}' must be true or false")
    return value


def _coded(proto: DistressProtocol, current: int, what: str, code: Any) -> int:
    """The stage a sign or action id belongs to; it must be one of the current stage or an earlier one."""
    allowed: dict[str, int] = {}
    for stage in proto.stages:
        if stage.level <= current:
            for item in stage.signs if what == "sign" else stage.actions:
                allowed.setdefault(item.id, stage.level)
    if code not in allowed:
        raise InvalidInput(
            f"'{code}' is not one of the distress protocol's {what}s for stage {current} or below "
            f"(known: {', '.join(sorted(allowed))})"
        )
    return allowed[code]


def _step(
    ws: Workspace, r: Any, kind: str, data: dict[str, Any], now: datetime
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Validate one step; returns the stored step and the audit detail (codes only)."""
    proto = protocol(ws, str(r["session_id"]))
    current = _current_stage(json.loads(r["steps_json"]))
    step: dict[str, Any] = {}
    audit: dict[str, Any] = {}
    if kind == "stage":
        level = data.get("level")
        if isinstance(level, bool) or not isinstance(level, int):
            raise InvalidInput("a stage step needs level=<stage number>")
        if level not in {s.level for s in proto.stages}:
            raise InvalidInput(
                f"the distress protocol has no stage {level} "
                f"(stages: {', '.join(str(s.level) for s in proto.stages)})"
            )
        step["level"] = audit["level"] = level
    elif kind in ("sign", "action"):
        if current == 0:
            raise InvalidInput(f"record the stage before a {kind}")
        code = data.get("id")
        step["id"] = audit["id"] = code
        step["stage"] = _coded(proto, current, kind, code)
        if kind == "action":
            step["done"] = audit["done"] = _flag(data, "done", True)
    elif kind == "choice":
        if data.get("choice") not in CHOICES:
            raise InvalidInput(f"the participant's choice is one of {', '.join(CHOICES)}")
        step["choice"] = audit["choice"] = data["choice"]
    elif kind == "signposting":
        entries = data.get("entries")
        if isinstance(entries, str) or not entries:
            raise InvalidInput("signposting needs entries=[entry ids]")
        known = {e.id for e in ws.pack().signposting.entries}
        unknown = sorted(set(entries) - known)
        if unknown:
            raise InvalidInput(f"unknown signposting entries: {', '.join(map(str, unknown))}")
        step["entries"] = audit["entries"] = list(dict.fromkeys(entries))
        if not _flag(data, "given", True):
            step["given"] = audit["given"] = False
    elif kind == "gp_contact_consent":
        step["consent"] = audit["consent"] = _flag(data, "consent")
    elif kind == "follow_up":
        agreed = _flag(data, "agreed")
        step["agreed"] = audit["agreed"] = agreed
        if agreed:
            due = clock_mod.parse_due(data.get("due"), "follow-up due")
            if due is None:
                raise InvalidInput("an agreed follow-up call needs a due date")
            step["due"] = clock_mod.iso(due)
    elif kind == "pi_informed":
        when = data.get("when")
        step["when"] = clock_mod.iso(clock_mod.parse(when, "time the PI was told") if when else now)
    elif kind == "debrief":
        step["done"] = audit["done"] = _flag(data, "done", True)
    elif kind == "safeguarding_link":
        concern = data.get("concern")
        if (
            not isinstance(concern, str)
            or not ws.idb.execute("SELECT 1 FROM safeguarding WHERE id = ?", (concern,)).fetchone()
        ):
            raise NotFound(f"no safeguarding concern '{concern}'")
        step["concern"] = audit["concern"] = concern
    elif kind == "participant":
        step["participant"] = audit["participant"] = _participant(ws, str(r["session_id"]), data)
    allowed_keys = {
        "stage": {"level"},
        "sign": {"id"},
        "action": {"id", "done"},
        "choice": {"choice"},
        "signposting": {"entries", "given"},
        "gp_contact_consent": {"consent"},
        "follow_up": {"agreed", "due"},
        "pi_informed": {"when"},
        "debrief": {"done"},
        "safeguarding_link": {"concern"},
        "participant": {"participant"},
    }.get(kind, set())
    extra = sorted(set(data) - allowed_keys)
    if extra:
        raise InvalidInput(f"a {kind} step does not take: {', '.join(extra)}")
    return step, audit


def _participant(ws: Workspace, session_id: str, data: dict[str, Any]) -> str | None:
    """The participant an event concerns: one of the session's (by id), or None for the session as a whole."""
    if "participant" not in data:
        raise InvalidInput("say whom the distress concerns: participant=<participant id>, or None for the session")
    pid = data["participant"]
    if pid is None:
        return None
    ids = sessions_svc.get(ws, session_id).participant_ids
    if not isinstance(pid, str) or pid not in ids:
        raise InvalidInput(
            f"{pid!r} is not a participant of session {session_id} (its participants: {', '.join(ids)})"
        )
    return pid


def _changes_nothing(event: DistressEvent, kind: str, step: dict[str, Any]) -> bool:
    """Whether a step only repeats what the event already says (a choice clicked twice, a support entry
    ticked again, a second pause while paused): such a step is not logged, so the timeline shows each
    thing once, in the order it happened."""
    if kind == "stage":
        levels = [s["level"] for s in event.steps if s["kind"] == "stage"]
        return bool(levels) and levels[-1] == step["level"]
    if kind == "sign":
        return step["id"] in event.signs
    if kind == "action":
        return (step["id"] in event.actions) is bool(step["done"])
    if kind == "choice":
        return bool(event.choice == step["choice"])
    if kind == "gp_contact_consent":
        return event.gp_contact_consent is step["consent"]
    if kind == "signposting":
        given = set(event.signposting)
        return set(step["entries"]) <= given if step.get("given", True) else not given & set(step["entries"])
    if kind in ("recording_paused", "recording_resumed"):
        last = [s["kind"] for s in event.steps if s["kind"] in ("recording_paused", "recording_resumed")]
        return bool(last) and last[-1] == kind
    if kind == "follow_up":
        if event.follow_up_agreed is None or event.follow_up_agreed is not step["agreed"]:
            return False
        return not step["agreed"] or event.follow_up_due == step.get("due")
    if kind == "debrief":
        return event.debrief_done is step["done"]
    if kind == "participant":
        return event.concerns_said and event.participant_id == step["participant"]
    return False


def _current_stage(steps: list[dict[str, Any]]) -> int:
    levels = [int(s["level"]) for s in steps if s["kind"] == "stage"]
    return max(levels, default=0)


def record_step(
    ws: Workspace,
    event_id: str,
    kind: str,
    *,
    position: float | None = None,
    clock: Clock | None = None,
    **data: Any,
) -> DistressEvent:
    """Add one time-stamped step to an event; bad input raises InvalidInput and records nothing.

    A step that only repeats what the event already says (the same choice clicked again, say) is not
    logged a second time; the event is returned as it stands.

    kinds and their data: stage (level), sign (id), action (id, done=True), choice (choice),
    recording_paused, recording_resumed, signposting (entries, given=True: False takes a tick back),
    gp_contact_consent (consent),
    follow_up (agreed, due: creates a follow-up call task), pi_informed (when, default now),
    debrief (done=True), safeguarding_link (concern), participant (participant: a participant id of the
    session, or None for the session as a whole).
    """
    r = _load(ws, event_id)
    if kind not in STEP_KINDS:
        raise InvalidInput(f"unknown distress step '{kind}' (one of {', '.join(STEP_KINDS)})")
    if r["closed_at"] is not None and kind not in AFTER_CLOSE:
        raise InvalidInput(f"distress event {event_id} is closed; '{kind}' can no longer be recorded")
    clk = clock_mod.resolve(clock)
    now = clk.now()
    body, audit = _step(ws, r, kind, dict(data), now)
    step = {"kind": kind, "at": clock_mod.iso(now), "position": _position(position), **body}
    current = _build(ws, r)
    if _changes_nothing(current, kind, body):
        return current
    steps: list[dict[str, Any]] = json.loads(r["steps_json"])
    session_id = str(r["session_id"])
    highest = int(r["highest_stage"])
    with ws.vault.transaction() as db:
        if kind == "stage":
            proto = protocol(ws, session_id)
            highest = max(highest, int(body["level"]))
            already = any(s.get("debrief_task") for s in steps)
            if (
                proto.debrief_from_level is not None
                and body["level"] >= proto.debrief_from_level
                and not already
            ):
                task = tasks_svc.add(
                    ws,
                    tasks_svc.RESEARCHER_DEBRIEF,
                    "Researcher debrief after a distress event",
                    now + timedelta(days=1),
                    session_id,
                    clock=clk,
                )
                step["debrief_task"] = task.id
        elif kind == "follow_up" and body["agreed"]:
            _close_open_follow_up(ws, steps, clk)
            task = tasks_svc.add(
                ws, tasks_svc.FOLLOW_UP_CALL, "Follow-up call", body["due"], session_id, clock=clk
            )
            step["task"] = task.id
        elif kind == "follow_up":
            _close_open_follow_up(ws, steps, clk)
        elif kind == "debrief" and body["done"]:
            for s in steps:
                if s.get("debrief_task"):
                    tasks_svc.done(ws, s["debrief_task"], clock=clk)
        steps.append(step)
        db.execute(
            "UPDATE distress_events SET steps_json = ?, highest_stage = ? WHERE id = ?",
            (json.dumps(steps, sort_keys=True), highest, event_id),
        )
        ws.vault.audit(
            f"distress.{kind}", "distress_event", event_id, session_id=session_id, detail=audit or None
        )
    return get(ws, event_id)


def _close_open_follow_up(ws: Workspace, steps: list[dict[str, Any]], clk: Clock) -> None:
    """A changed follow-up replaces the earlier one, so the home screen never shows two calls."""
    for s in steps:
        if s["kind"] == "follow_up" and s.get("task") and not tasks_svc.get(ws, s["task"]).done:
            tasks_svc.done(ws, s["task"], clock=clk)


def follow_up_done(ws: Workspace, event_id: str, *, clock: Clock | None = None) -> DistressEvent:
    """The follow-up call took place."""
    event = get(ws, event_id)
    if not event.follow_up_task:
        raise InvalidInput(f"distress event {event_id} has no follow-up call agreed")
    tasks_svc.done(ws, event.follow_up_task, clock=clock)
    return get(ws, event_id)


def close_event(
    ws: Workspace,
    event_id: str,
    outcome: str,
    reason: str | None = None,
    *,
    clock: Clock | None = None,
) -> DistressEvent:
    """Close the event: the interview resumed, or ended early (then the session needs its close-out)."""
    r = _load(ws, event_id)
    if r["closed_at"] is not None:
        raise InvalidInput(f"distress event {event_id} is already closed")
    if outcome not in OUTCOMES:
        raise InvalidInput(f"the outcome is one of {', '.join(OUTCOMES)}")
    reason = (reason or "").strip() or None
    if reason is not None and len(reason) > 2000:
        raise InvalidInput("a reason is at most 2000 characters")
    if outcome == "ended_early" and reason is None:
        reason = f"ended because of distress (stage {int(r['highest_stage'])})"
    not_recorded = still_to_record(ws, event_id)
    clk = clock_mod.resolve(clock)
    now = clk.now()
    steps: list[dict[str, Any]] = json.loads(r["steps_json"])
    steps.append(
        {"kind": "close", "at": clock_mod.iso(now), "position": None, "outcome": outcome, "reason": reason}
    )
    session_id = str(r["session_id"])
    with ws.vault.transaction() as db:
        db.execute(
            "UPDATE distress_events SET steps_json = ?, outcome = ?, closed_at = ? WHERE id = ?",
            (json.dumps(steps, sort_keys=True), outcome, clock_mod.iso(now), event_id),
        )
        if outcome == "ended_early" and not tasks_svc.for_session(ws, session_id, tasks_svc.CLOSEOUT):
            tasks_svc.add(
                ws,
                tasks_svc.CLOSEOUT,
                "Complete the close-out (the session ended early)",
                clock_mod.end_of_day(now),
                session_id,
                clock=clk,
            )
        ws.vault.audit(
            "distress.close",
            "distress_event",
            event_id,
            session_id=session_id,
            detail={"outcome": outcome, "not_recorded": not_recorded},
        )
    return get(ws, event_id)


def ended_early(ws: Workspace, session_id: str) -> bool:
    """Whether a distress event ended this session early (the close-out then says so)."""
    return any(e.outcome == "ended_early" for e in events(ws, session_id))


def event_rows(ws: Workspace, session_id: str) -> list[dict[str, Any]]:
    """The session's distress events as plain rows, each with its ``steps`` (for the session's bundle,
    which chooses the steps that may go)."""
    rows = ws.db.execute(
        "SELECT * FROM distress_events WHERE session_id = ? ORDER BY opened_at", (session_id,)
    ).fetchall()
    out = []
    for r in rows:
        d = dict(r)
        d["steps"] = json.loads(d.pop("steps_json") or "[]")
        out.append(d)
    return out


# -- opening an event with the recording paused ----------------------------------------------------------
# The take is paused by the face that owns the recorder (the desktop app's recording controller, on the GUI
# thread), at the moment the researcher opens the protocol: not a moment later, when the database thread gets to it.
# So the use case is two halves that the face calls in order: ``pause_on_open`` (no database: what to do
# with the recorder now) and ``open_with_recording`` (the event and the pause as one record).  A recorder
# port passed into the service was not chosen: the service runs on the database thread, and the recorder
# and its widgets may be touched by the GUI thread only.
def pause_on_open(asked: bool, recording: bool) -> bool:
    """Whether the face pauses its take now: the researcher asked for it (the pack's default, or their choice) and a
    take of this session is running (a paused one stays paused; no take, nothing to pause)."""
    return asked and recording


def open_with_recording(
    ws: Workspace,
    session_id: str,
    position: float | None = None,
    *,
    recording_paused: bool = False,
    participant: str | None = None,
    whole_session: bool = False,
    clock: Clock | None = None,
) -> DistressEvent:
    """Open (or find the open) distress event and, when the face paused the take as it opened, record that
    pause at the same audio position; with ``participant`` (or ``whole_session``), also whom it concerns, when
    that is known as it opens (the command line): one transaction, so a bad participant records nothing."""
    if participant is not None and whole_session:
        raise InvalidInput("the distress concerns one participant or the session as a whole, not both")
    with ws.vault.transaction():
        eid = open_event(ws, session_id, position, clock=clock)
        event = get(ws, eid)
        if (participant is not None or whole_session) and event.concerns_said and (
            event.participant_id != participant or event.whole_session != whole_session
        ):
            # The open event is someone else's (or the whole session's): what was seen and done in it stays theirs,
            # never taken over by a second person's distress; the researcher closes it first, or says otherwise.
            said = event.participant_id or "the session as a whole"
            wanted = participant or "the session as a whole"
            raise InvalidInput(
                f"distress event {eid} is still open and concerns {said}: close it before one is opened for "
                f"{wanted}, or say on that event whom it concerns"
            )
        if recording_paused:
            event = record_step(ws, eid, "recording_paused", position=position, clock=clock)
        if participant is not None or whole_session:
            event = record_step(ws, eid, "participant", position=position, clock=clock, participant=participant)
        return event


def whom_to_ask(ws: Workspace, session_id: str) -> tuple[str, ...]:
    """The participants a distress event of the session may concern, when there is a choice to make (a joint
    interview or a group); none for a session of one participant, whose events need no choice."""
    ids = sessions_svc.get(ws, session_id).participant_ids
    return tuple(ids) if len(ids) > 1 else ()
