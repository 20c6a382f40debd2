"""Distress events on a real vault: stage 1 resumed, stage 2 ending the session, escalation, bad ids."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from fieldwork_app.errors import InvalidInput, NotFound
from fieldwork_app.services import distress, sessions, tasks
from fieldwork_app.services.clock import FakeClock
from fieldwork_app.services.workspace import Workspace
from tests.support.people import add_eligible

START = datetime(2025, 3, 4, 10, 0, tzinfo=UTC)


def _session(ws: Workspace) -> str:
    p = add_eligible(ws, "mother")
    return sessions.new(ws, [p.id], "interview", "clinic").id


def test_stage_one_event_resumed(ws: Workspace) -> None:
    clock = FakeClock(START)
    sid = _session(ws)
    assert distress.should_pause_by_default(ws) is True
    eid = distress.open_event(ws, sid, position=612.5, clock=clock)
    assert distress.open_event(ws, sid, clock=clock) == eid  # one open event per session
    distress.record_step(ws, eid, "stage", level=1, position=612.5, clock=clock)
    distress.record_step(ws, eid, "sign", id="tearful", clock=clock)
    distress.record_step(ws, eid, "action", id="offer-pause", clock=clock)
    distress.record_step(ws, eid, "recording_paused", position=615.0, clock=clock)
    clock.advance(minutes=4)
    distress.record_step(ws, eid, "action", id="check-in", clock=clock)
    distress.record_step(ws, eid, "choice", choice="continue", clock=clock)
    distress.record_step(ws, eid, "recording_resumed", position=615.0, clock=clock)
    event = distress.close_event(ws, eid, "resumed", clock=clock)

    assert event.highest_stage == 1
    assert event.signs == ("tearful",)
    assert event.actions == ("offer-pause", "check-in")
    assert event.choice == "continue"
    assert event.pauses == (("2025-03-04T10:00:00+00:00", 615.0),)
    assert event.resumes == (("2025-03-04T10:04:00+00:00", 615.0),)
    assert event.outcome == "resumed" and not event.open
    assert event.position == 612.5
    assert event.steps[0]["position"] == 612.5
    # Stage 1 needs no debrief, and the session goes on: no tasks at all.
    assert event.debrief_task is None
    assert tasks.for_session(ws, sid) == []
    assert not distress.ended_early(ws, sid)
    # A new event can open once the first is closed.
    assert distress.open_event(ws, sid, clock=clock) != eid


def test_stage_two_event_ends_the_session(ws: Workspace) -> None:
    clock = FakeClock(START)
    sid = _session(ws)
    eid = distress.open_event(ws, sid, position=1800.0, clock=clock)
    distress.record_step(ws, eid, "stage", level=2, clock=clock)
    distress.record_step(ws, eid, "sign", id="sustained-crying", clock=clock)
    distress.record_step(ws, eid, "action", id="end-session", clock=clock)
    distress.record_step(ws, eid, "action", id="give-support-list", clock=clock)
    distress.record_step(ws, eid, "signposting", entries=["samaritans", "gp", "perinatal-team"], clock=clock)
    distress.record_step(ws, eid, "gp_contact_consent", consent=True, clock=clock)
    distress.record_step(ws, eid, "follow_up", agreed=True, due="2025-03-05T11:00:00+00:00", clock=clock)
    distress.close_event(ws, eid, "ended_early", "she could not continue", clock=clock)
    clock.advance(minutes=90)
    distress.record_step(ws, eid, "pi_informed", clock=clock)  # allowed after close

    event = distress.get(ws, eid)
    assert event.highest_stage == 2
    assert event.outcome == "ended_early" and event.end_reason == "she could not continue"
    assert event.signposting == ("samaritans", "gp", "perinatal-team")
    assert event.gp_contact_consent is True
    assert event.follow_up_agreed is True and event.follow_up_due == "2025-03-05T11:00:00+00:00"
    assert event.pi_informed_at == "2025-03-04T11:30:00+00:00"
    assert distress.ended_early(ws, sid)

    by_kind = {t.kind: t for t in tasks.for_session(ws, sid)}
    assert set(by_kind) == {tasks.RESEARCHER_DEBRIEF, tasks.FOLLOW_UP_CALL, tasks.CLOSEOUT}
    assert by_kind[tasks.FOLLOW_UP_CALL].due == "2025-03-05T11:00:00+00:00"
    assert by_kind[tasks.FOLLOW_UP_CALL].id == event.follow_up_task
    assert by_kind[tasks.RESEARCHER_DEBRIEF].id == event.debrief_task
    assert not event.follow_up_done and not event.debrief_done

    # The follow-up is overdue the day after its time; doing it and the debrief closes both tasks.
    later = FakeClock(datetime(2025, 3, 5, 12, 0, tzinfo=UTC))
    overdue = {t.kind: t.overdue for t in tasks.due(ws, later)}
    assert overdue[tasks.FOLLOW_UP_CALL] is True
    distress.follow_up_done(ws, eid, clock=later)
    event = distress.record_step(ws, eid, "debrief", clock=later)
    assert event.follow_up_done and event.debrief_done
    open_kinds = {t.kind for t in tasks.due(ws, later)}
    assert open_kinds == {tasks.CLOSEOUT}

    # Nothing from the free-text reason goes into the audit log.
    details = [r["detail_json"] for r in ws.db.execute("SELECT detail_json FROM audit")]
    assert not any("could not continue" in d for d in details)
    assert distress.events(ws, sid) == [event]


def test_escalation_keeps_earlier_steps(ws: Workspace) -> None:
    clock = FakeClock(START)
    sid = _session(ws)
    eid = distress.open_event(ws, sid, clock=clock)
    distress.record_step(ws, eid, "stage", level=1, clock=clock)
    distress.record_step(ws, eid, "sign", id="voice-change", clock=clock)
    distress.record_step(ws, eid, "action", id="offer-pause", clock=clock)
    clock.advance(minutes=2)
    distress.record_step(ws, eid, "stage", level=3, clock=clock)
    distress.record_step(ws, eid, "sign", id="suicidal-intent", clock=clock)
    distress.record_step(ws, eid, "action", id="phone-pi-now", clock=clock)
    distress.record_step(ws, eid, "stage", level=2, clock=clock)  # settling: highest stays 3
    event = distress.get(ws, eid)
    assert event.highest_stage == 3
    assert event.signs == ("voice-change", "suicidal-intent")
    assert event.actions == ("offer-pause", "phone-pi-now")
    assert [s["level"] for s in event.steps if s["kind"] == "stage"] == [1, 3, 2]
    # One debrief task, however many stages above the threshold.
    assert len(tasks.for_session(ws, sid, tasks.RESEARCHER_DEBRIEF)) == 1


def test_bad_steps_change_nothing(ws: Workspace) -> None:
    clock = FakeClock(START)
    sid = _session(ws)
    eid = distress.open_event(ws, sid, clock=clock)
    with pytest.raises(InvalidInput, match="record the stage"):
        distress.record_step(ws, eid, "sign", id="tearful", clock=clock)
    distress.record_step(ws, eid, "stage", level=1, clock=clock)
    with pytest.raises(InvalidInput, match="signs for stage 1 or below"):
        distress.record_step(ws, eid, "sign", id="suicidal-intent", clock=clock)  # a stage 3 sign
    with pytest.raises(InvalidInput, match="actions for stage 1"):
        distress.record_step(ws, eid, "action", id="make-tea", clock=clock)
    with pytest.raises(InvalidInput, match="no stage 7"):
        distress.record_step(ws, eid, "stage", level=7, clock=clock)
    with pytest.raises(InvalidInput, match="the participant's choice"):
        distress.record_step(ws, eid, "choice", choice="maybe", clock=clock)
    with pytest.raises(InvalidInput, match="unknown signposting"):
        distress.record_step(ws, eid, "signposting", entries=["nowhere"], clock=clock)
    with pytest.raises(InvalidInput, match="needs a due date"):
        distress.record_step(ws, eid, "follow_up", agreed=True, clock=clock)
    with pytest.raises(InvalidInput, match="unknown distress step"):
        distress.record_step(ws, eid, "hug", clock=clock)
    with pytest.raises(NotFound):
        distress.record_step(ws, eid, "safeguarding_link", concern="G-nope", clock=clock)
    with pytest.raises(InvalidInput, match="outcome"):
        distress.close_event(ws, eid, "fine", clock=clock)
    event = distress.get(ws, eid)
    assert len(event.steps) == 1 and event.open
    assert tasks.for_session(ws, sid) == []
    distress.close_event(ws, eid, "resumed", clock=clock)
    with pytest.raises(InvalidInput, match="closed"):
        distress.record_step(ws, eid, "stage", level=2, clock=clock)
    with pytest.raises(NotFound):
        distress.get(ws, "D-missing")


def test_a_step_that_repeats_the_event_is_logged_once(ws: Workspace) -> None:
    clock = FakeClock(START)
    sid = _session(ws)
    eid = distress.open_event(ws, sid, clock=clock)
    distress.record_step(ws, eid, "recording_paused", position=10.0, clock=clock)
    distress.record_step(ws, eid, "stage", level=1, clock=clock)
    distress.record_step(ws, eid, "stage", level=1, clock=clock)  # the same stage clicked again
    distress.record_step(ws, eid, "choice", choice="pause", clock=clock)
    distress.record_step(ws, eid, "choice", choice="pause", clock=clock)  # clicked twice
    distress.record_step(ws, eid, "recording_paused", position=10.0, clock=clock)  # already paused
    distress.record_step(ws, eid, "recording_resumed", position=10.0, clock=clock)
    distress.record_step(ws, eid, "recording_paused", position=30.0, clock=clock)  # paused again: a new pause
    distress.record_step(ws, eid, "gp_contact_consent", consent=True, clock=clock)
    distress.record_step(ws, eid, "gp_contact_consent", consent=True, clock=clock)
    distress.record_step(ws, eid, "choice", choice="continue", clock=clock)  # she changed her mind: logged
    event = distress.get(ws, eid)
    kinds = [s["kind"] for s in event.steps]
    assert kinds == [
        "recording_paused",
        "stage",
        "choice",
        "recording_resumed",
        "recording_paused",
        "gp_contact_consent",
        "choice",
    ]
    assert event.choice == "continue" and len(event.pauses) == 2 and len(event.resumes) == 1
    audit = [r[0] for r in ws.db.execute("SELECT action FROM audit WHERE subject_id = ?", (eid,)).fetchall()]
    assert audit.count("distress.choice") == 2 and audit.count("distress.stage") == 1


def test_support_entries_are_kept_as_they_are_ticked_and_unticked(ws: Workspace) -> None:
    clock = FakeClock(START)
    sid = _session(ws)
    eid = distress.open_event(ws, sid, clock=clock)
    distress.record_step(ws, eid, "signposting", entries=["samaritans"], clock=clock)
    distress.record_step(ws, eid, "signposting", entries=["gp"], clock=clock)
    distress.record_step(ws, eid, "signposting", entries=["samaritans"], clock=clock)  # no change
    assert distress.get(ws, eid).signposting == ("samaritans", "gp")
    event = distress.record_step(ws, eid, "signposting", entries=["samaritans"], given=False, clock=clock)
    assert event.signposting == ("gp",)
    assert [s.get("given", True) for s in event.steps] == [True, True, False]
    with pytest.raises(InvalidInput, match="'given' must be true or false"):
        distress.record_step(ws, eid, "signposting", entries=["gp"], given="no", clock=clock)
