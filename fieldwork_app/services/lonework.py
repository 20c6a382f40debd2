"""Lone working on home visits: check-in, check-out, home safe, code word, and what happens if not.

The laptop is offline and cannot call anyone.  It records the researcher's check-in and check-out times
and works out what is due now (a phase and its times, which each face words itself) and what their buddy
will do at this moment by the pack's rules (the buddy holds the printed or shown buddy sheet, and makes
the calls by phone).  Times come from an
injectable clock so every escalation step can be tested.  Plan times typed without a zone are local.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from fieldwork_app.domain.pack import LoneWorkingRules, StudyPack
from fieldwork_app.domain.records import LoneWorkingPlan
from fieldwork_app.errors import InvalidInput
from fieldwork_app.services import clock as clock_mod
from fieldwork_app.services import sessions as sessions_svc
from fieldwork_app.services.clock import Clock
from fieldwork_app.services.workspace import Workspace

logger = logging.getLogger(__name__)

EVENT_KINDS = ("check_in", "check_out", "home_safe", "code_word")
# What the buddy does on the code word when the pack's lone-working rules do not say (no code_word_action):
# the emergency services, by the numbers of the pack's emergency-services entries for everyone, if any; never
# a number of the app's own (a study abroad has its own).  In English, like the rest of this module's words
# (the buddy sheet's PDF included: nothing here is translated), the "or" between numbers too.
DEFAULT_CODE_WORD_ACTION = (
    "The buddy unseals the address and calls the emergency services, then the chief investigator."
)
_DEFAULT_CODE_WORD_ACTION_NUMBERS = (
    "The buddy unseals the address and calls the emergency services ({numbers}), then the chief investigator."
)


def code_word_action(pack: StudyPack) -> str:
    """What the buddy does at once when given the code word: the pack's ``code_word_action``, else the default
    worded with the numbers of the pack's emergency-services entries offered to everyone ("112 or 999")."""
    rules = pack.lone_working
    if rules.code_word_action:
        return rules.code_word_action
    phones = pack.signposting.emergency_phones_for_everyone()
    if not phones:
        return DEFAULT_CODE_WORD_ACTION
    numbers = phones[-1] if len(phones) == 1 else f"{', '.join(phones[:-1])} or {phones[-1]}"
    return _DEFAULT_CODE_WORD_ACTION_NUMBERS.format(numbers=numbers)


@dataclass(frozen=True)
class LoneWorkingEvent:
    kind: str
    at: str
    by: str


@dataclass(frozen=True)
class Escalation:
    after_minutes: int
    at: str
    action: str
    reached: bool


class LoneWorkPhase(enum.StrEnum):
    BEFORE = "before"
    CHECK_IN_DUE = "check_in_due"
    CHECK_IN_OVERDUE = "check_in_overdue"
    IN_VISIT = "in_visit"
    CHECK_OUT_DUE = "check_out_due"
    CHECK_OUT_OVERDUE = "check_out_overdue"
    TRAVELLING = "travelling"
    HOME_SAFE_OVERDUE = "home_safe_overdue"
    CLOSED = "closed"
    CODE_WORD = "code_word"


@dataclass(frozen=True)
class LoneWorkingState:
    """Where a visit stands now: its ``phase`` and times, from which each face words what to do.

    ``buddy_now`` is the study pack's step the buddy is taking at this moment (None when nothing);
    ``buddy_calling``: the buddy is calling them now because there was no check-in by ``check_in_by``.
    """

    session_id: str
    now: str
    phase: LoneWorkPhase
    buddy_now: str | None
    due: tuple[str, ...]
    overdue_minutes: int
    start: str
    check_in_by: str
    expected_end: str
    events: tuple[LoneWorkingEvent, ...]
    escalations: tuple[Escalation, ...]
    checked_in_at: str | None = None
    checked_out_at: str | None = None
    home_safe_at: str | None = None
    code_word_at: str | None = None
    buddy_calling: bool = False
    home_safe_by: str | None = None  # after the check-out: when they are due home
    code_word_action: str = ""  # what the buddy does at once on the code word (see code_word_action)

    @property
    def escalating(self) -> bool:
        return self.phase in ("check_in_overdue", "check_out_overdue", "home_safe_overdue", "code_word")


def plan_for(ws: Workspace, session_id: str) -> LoneWorkingPlan:
    session = sessions_svc.get(ws, session_id)
    raw = session.plan.get("lone_working")
    if not raw:
        raise InvalidInput(f"session {session_id} has no lone-working plan")
    plan = LoneWorkingPlan.from_json(raw)
    if not plan.start or not plan.expected_end:
        raise InvalidInput(f"the lone-working plan of session {session_id} needs a start and an expected end")
    return plan


def _times(plan: LoneWorkingPlan) -> tuple[datetime, datetime]:
    start = clock_mod.parse(plan.start, "visit start")
    end = clock_mod.parse(plan.expected_end, "expected end")
    if end <= start:
        raise InvalidInput("the expected end of the visit is not after its start")
    return start, end


def _schedule(rules: LoneWorkingRules, base: datetime, now: datetime, skip_zero: bool) -> list[Escalation]:
    steps = sorted(rules.check_out_escalation, key=lambda s: s.after_minutes)
    return [
        Escalation(
            s.after_minutes,
            clock_mod.iso(base + timedelta(minutes=s.after_minutes)),
            s.action,
            now >= base + timedelta(minutes=s.after_minutes),
        )
        for s in steps
        if not (skip_zero and s.after_minutes == 0)
    ]


def events(ws: Workspace, session_id: str) -> list[LoneWorkingEvent]:
    rows = ws.db.execute(
        "SELECT kind, at, by_user FROM lone_working_events WHERE session_id = ? ORDER BY at, row_id",
        (session_id,),
    ).fetchall()
    return [LoneWorkingEvent(r["kind"], r["at"], r["by_user"]) for r in rows]


def state(ws: Workspace, session_id: str, clock: Clock | None = None) -> LoneWorkingState:
    plan = plan_for(ws, session_id)
    rules = ws.pack().lone_working
    start, end = _times(plan)
    now = clock_mod.resolve(clock).now()
    evs = events(ws, session_id)
    last: dict[str, datetime] = {}
    for e in evs:
        last[e.kind] = clock_mod.parse(e.at, "event time")
    check_in_by = start + timedelta(minutes=rules.check_in_grace_minutes)
    escalations: tuple[Escalation, ...] = tuple(_schedule(rules, end, now, skip_zero=False))
    due: tuple[str, ...] = ()
    buddy: str | None = None
    overdue = 0

    def minutes_since(t: datetime) -> int:
        return max(0, int((now - t).total_seconds() // 60))

    ci, co, hs, cw = (last.get(k) for k in EVENT_KINDS)
    calling = False
    home_by: datetime | None = None
    if cw is not None and (hs is None or hs < cw):
        phase = LoneWorkPhase.CODE_WORD
        buddy = code_word_action(ws.pack())
        due = ("home_safe",)
    elif hs is not None:
        phase = LoneWorkPhase.CLOSED
        escalations = ()
    elif co is not None:
        home_by = co + timedelta(minutes=plan.travel_home_minutes)
        due = ("home_safe",)
        if now < home_by:
            phase = LoneWorkPhase.TRAVELLING
            escalations = ()
        else:
            escalations = tuple(_schedule(rules, home_by, now, skip_zero=True))
            overdue = minutes_since(home_by)
            reached = [s for s in escalations if s.reached]
            phase = LoneWorkPhase.HOME_SAFE_OVERDUE
            buddy = reached[-1].action if reached else None
    elif now < end or ci is None:
        if ci is not None:
            phase = LoneWorkPhase.IN_VISIT
        elif now < start:
            phase = LoneWorkPhase.BEFORE
        elif now < check_in_by:
            phase, due = LoneWorkPhase.CHECK_IN_DUE, ("check_in",)
        else:
            phase, due = LoneWorkPhase.CHECK_IN_OVERDUE, ("check_in",)
            overdue = minutes_since(check_in_by)
            calling = True
            reached = [s for s in escalations if s.reached and s.after_minutes > 0]
            if reached:  # past the end with no contact at all: the check-out steps apply too
                buddy, calling = reached[-1].action, False
    else:
        due = ("check_out",)
        overdue = minutes_since(end)
        reached = [s for s in escalations if s.reached]
        buddy = reached[-1].action if reached else None
        positive = [s for s in reached if s.after_minutes > 0]
        phase = LoneWorkPhase.CHECK_OUT_OVERDUE if positive else LoneWorkPhase.CHECK_OUT_DUE
    return LoneWorkingState(
        session_id=session_id,
        now=clock_mod.iso(now),
        phase=phase,
        buddy_now=buddy,
        due=due,
        overdue_minutes=overdue,
        start=clock_mod.iso(start),
        check_in_by=clock_mod.iso(check_in_by),
        expected_end=clock_mod.iso(end),
        events=tuple(evs),
        escalations=tuple(escalations),
        checked_in_at=clock_mod.iso(ci) if ci else None,
        checked_out_at=clock_mod.iso(co) if co else None,
        home_safe_at=clock_mod.iso(hs) if hs else None,
        code_word_at=clock_mod.iso(cw) if cw else None,
        buddy_calling=calling,
        home_safe_by=clock_mod.iso(home_by) if home_by else None,
        code_word_action=code_word_action(ws.pack()),
    )


OPEN_VISIT_HORIZON = timedelta(hours=24)  # how long after its expected end a visit is still flagged


def open_visits(ws: Workspace, clock: Clock | None = None) -> list[LoneWorkingState]:
    """Every visit with a lone-working plan that is not closed and needs the researcher now (a check-in,
    check-out or home-safe due or overdue, or the code word used), wherever they are in the app."""
    out = []
    now = clock_mod.resolve(clock).now()
    for s in sessions_svc.list_all(ws):
        if not s.plan.get("lone_working"):
            continue
        try:
            st = state(ws, s.id, clock)
        except InvalidInput:
            continue  # an unfinished plan: the session's checklist says what is missing
        if now - clock_mod.parse(st.expected_end, "expected end") > OPEN_VISIT_HORIZON:
            continue  # a day after the visit the buddy's steps have long run their course
        if st.phase not in ("before", "in_visit", "travelling", "closed"):
            out.append(st)
    return out


def unconfirmed_visits(ws: Workspace, clock: Clock | None = None) -> list[LoneWorkingState]:
    """Every visit that has begun and is not yet closed by home safe, so its check-out and home safe can
    be pressed from the study home, also after its session was completed.

    A visit that was never checked in drops off a day after its end (as in :func:`open_visits`); one
    that was checked in (or where the code word was used) stays until the researcher confirms they are home safe.
    """
    out = []
    now = clock_mod.resolve(clock).now()
    for s in sessions_svc.list_all(ws):
        if not s.plan.get("lone_working"):
            continue
        try:
            st = state(ws, s.id, clock)
        except InvalidInput:
            continue
        if st.phase in ("before", "closed"):
            continue
        begun = st.checked_in_at or st.checked_out_at or st.code_word_at
        if not begun and now - clock_mod.parse(st.expected_end, "expected end") > OPEN_VISIT_HORIZON:
            continue
        out.append(st)
    return out


def record(ws: Workspace, session_id: str, kind: str, clock: Clock | None = None) -> LoneWorkingState:
    """Time-stamp a check-in, check-out, home-safe or code-word event.

    Home safe closes the visit, so it comes only after the check-out (or the code word): a mistaken press
    before the researcher has even left cannot silence the buddy's escalation."""
    if kind not in EVENT_KINDS:
        raise InvalidInput(f"unknown lone-working event '{kind}' (one of {', '.join(EVENT_KINDS)})")
    _times(plan_for(ws, session_id))
    if kind == "home_safe":
        current = state(ws, session_id, clock)
        if current.checked_out_at is None and current.phase != "code_word":
            raise InvalidInput(
                "check out with your buddy first (when you leave); then confirm you are home safe"
            )
    clk = clock_mod.resolve(clock)
    at = clock_mod.iso(clk.now())
    with ws.vault.transaction() as db:
        db.execute(
            "INSERT INTO lone_working_events (session_id, kind, at, by_user) VALUES (?,?,?,?)",
            (session_id, kind, at, ws.user),
        )
        ws.vault.audit(f"lonework.{kind}", "session", session_id, session_id=session_id)
    return state(ws, session_id, clk)


class BuddyStepKind(enum.StrEnum):
    VISIT_STARTS = "visit_starts"  # the researcher checks in before going in
    NO_CHECK_IN = "no_check_in"  # call the researcher
    VISIT_ENDS = "visit_ends"  # the researcher checks out
    NO_CHECK_OUT = "no_check_out"  # the pack's escalation step (``action``)
    HOME_SAFE_WITHIN = "home_safe_within"  # after the check-out, home safe within ``minutes``


@dataclass(frozen=True)
class BuddyStep:
    kind: BuddyStepKind
    at: str = ""  # ISO time; "" for a step with no fixed time
    action: str = ""  # the study pack's words for what the buddy does (NO_CHECK_OUT)
    minutes: int = 0  # HOME_SAFE_WITHIN


@dataclass(frozen=True)
class BuddyPlan:
    """What the buddy's sheet lists: names, the steps with their times, what to do when (worded by the
    sheet itself)."""

    session_id: str
    buddy_name: str
    buddy_phone: str
    backup_name: str
    steps: tuple[BuddyStep, ...]
    code_word_action: str
    guidance: tuple[str, ...]
    backup_phone: str = ""


def buddy_plan(ws: Workspace, session_id: str) -> BuddyPlan:
    plan = plan_for(ws, session_id)
    rules = ws.pack().lone_working
    start, end = _times(plan)
    check_in_by = start + timedelta(minutes=rules.check_in_grace_minutes)
    iso = clock_mod.iso
    steps: list[BuddyStep] = [
        BuddyStep(BuddyStepKind.VISIT_STARTS, iso(start)),
        BuddyStep(BuddyStepKind.NO_CHECK_IN, iso(check_in_by)),
        BuddyStep(BuddyStepKind.VISIT_ENDS, iso(end)),
    ]
    for s in sorted(rules.check_out_escalation, key=lambda s: s.after_minutes):
        if s.after_minutes > 0:
            steps.append(
                BuddyStep(BuddyStepKind.NO_CHECK_OUT, iso(end + timedelta(minutes=s.after_minutes)), s.action)
            )
    if plan.travel_home_minutes > 0:
        steps.append(BuddyStep(BuddyStepKind.HOME_SAFE_WITHIN, minutes=plan.travel_home_minutes))
    return BuddyPlan(
        session_id,
        plan.buddy_name,
        plan.buddy_phone,
        plan.backup_name,
        tuple(steps),
        code_word_action(ws.pack()),
        tuple(rules.guidance),
        plan.backup_phone,
    )
