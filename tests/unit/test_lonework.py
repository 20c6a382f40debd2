"""Lone-working state with a fake clock, from before the visit to home safe, on a real vault."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from fieldwork_app.errors import InvalidInput
from fieldwork_app.services import lonework, pdfs, sessions
from fieldwork_app.services.clock import FakeClock, local_hm
from fieldwork_app.services.workspace import Workspace
from tests.support.people import add_eligible

START = datetime(2025, 3, 4, 10, 0, tzinfo=UTC)
END = START + timedelta(minutes=90)


def _visit(ws: Workspace) -> str:
    p = add_eligible(ws, "mother")
    sid = sessions.new(ws, [p.id], "interview", "home").id
    sessions.update_plan(
        ws,
        sid,
        {
            "lone_working": {
                "buddy_name": "Sam",
                "buddy_phone": "07700 900123",
                "backup_name": "Jo",
                "start": START.isoformat(),
                "expected_end": END.isoformat(),
                "travel_home_minutes": 40,
                "code_word_agreed": True,
                "risk_assessment_done": True,
            }
        },
    )
    return sid


def test_check_in_then_check_out_escalations(ws: Workspace) -> None:
    sid = _visit(ws)
    clock = FakeClock(START - timedelta(minutes=20))
    assert lonework.state(ws, sid, clock).phase == "before"

    clock.set(START)
    st = lonework.state(ws, sid, clock)
    assert st.phase == "check_in_due" and st.due == ("check_in",) and st.buddy_now is None

    clock.advance(minutes=16)
    st = lonework.state(ws, sid, clock)
    assert st.phase == "check_in_overdue" and st.overdue_minutes == 1
    assert st.buddy_calling and st.buddy_now is None  # the app's own words say the researcher is being called

    st = lonework.record(ws, sid, "check_in", clock)
    assert st.phase == "in_visit" and st.checked_in_at == "2025-03-04T10:16:00+00:00" and st.buddy_now is None

    clock.set(END)
    st = lonework.state(ws, sid, clock)
    assert st.phase == "check_out_due" and st.due == ("check_out",)
    assert st.buddy_now == "The app prompts the researcher to check out."

    expected = {
        16: ("check_out_overdue", "The buddy calls the researcher."),
        31: ("check_out_overdue", "The buddy calls the chief investigator and unseals the address."),
        46: ("check_out_overdue", "With still no contact the buddy calls the police."),
    }
    for minutes, (phase, buddy) in expected.items():
        clock.set(END + timedelta(minutes=minutes))
        st = lonework.state(ws, sid, clock)
        assert (st.phase, st.buddy_now, st.overdue_minutes) == (phase, buddy, minutes)
        assert [e.reached for e in st.escalations].count(True) == 1 + sum(m <= minutes for m in (15, 30, 45))

    st = lonework.record(ws, sid, "check_out", clock)
    assert st.phase == "travelling" and st.due == ("home_safe",) and st.buddy_now is None
    clock.advance(minutes=56)  # 40 min travel + 16: home safe overdue, the buddy calls
    st = lonework.state(ws, sid, clock)
    assert st.phase == "home_safe_overdue" and st.buddy_now == "The buddy calls the researcher."
    st = lonework.record(ws, sid, "home_safe", clock)
    assert st.phase == "closed" and not st.escalating
    assert [e.kind for e in st.events] == ["check_in", "check_out", "home_safe"]
    actions = [r["action"] for r in ws.db.execute("SELECT action FROM audit WHERE session_id = ?", (sid,))]
    assert "lonework.check_in" in actions and "lonework.home_safe" in actions


def test_code_word_escalates_at_once(ws: Workspace) -> None:
    sid = _visit(ws)
    clock = FakeClock(START)
    lonework.record(ws, sid, "check_in", clock)
    clock.advance(minutes=20)
    st = lonework.record(ws, sid, "code_word", clock)
    assert st.phase == "code_word" and st.escalating
    assert st.buddy_now == "The buddy unseals the address, calls 999, then the chief investigator."


def test_no_check_in_and_past_the_end_uses_the_check_out_steps(ws: Workspace) -> None:
    sid = _visit(ws)
    clock = FakeClock(END + timedelta(minutes=31))
    st = lonework.state(ws, sid, clock)
    assert st.phase == "check_in_overdue"
    assert st.buddy_now == "The buddy calls the chief investigator and unseals the address."


def test_refuses_without_a_plan_or_with_an_unknown_event(ws: Workspace) -> None:
    p = add_eligible(ws, "mother")
    sid = sessions.new(ws, [p.id], "interview", "clinic").id
    with pytest.raises(InvalidInput, match="no lone-working plan"):
        lonework.state(ws, sid)
    with pytest.raises(InvalidInput, match="no lone-working plan"):
        lonework.record(ws, sid, "check_in")
    home = _visit(ws)
    with pytest.raises(InvalidInput, match="unknown lone-working event"):
        lonework.record(ws, home, "arrived")
    assert ws.db.execute("SELECT COUNT(*) FROM lone_working_events").fetchone()[0] == 0
    rows = pdfs.buddy_rows(lonework.buddy_plan(ws, home))
    assert len(rows) == 7 and "police" in rows[5][1] and rows[0][0] == local_hm(START)


def test_home_safe_only_after_leaving_and_overdue_visits_are_listed_wherever_she_is(ws: Workspace) -> None:
    sid = _visit(ws)
    clock = FakeClock(START - timedelta(minutes=20))
    assert lonework.open_visits(ws, clock) == []  # not due yet
    lonework.record(ws, sid, "check_in", clock)
    with pytest.raises(InvalidInput, match="check out"):
        lonework.record(ws, sid, "home_safe", clock)  # pressed by mistake during the visit: refused
    assert lonework.state(ws, sid, clock).phase != "closed"
    clock.set(END + timedelta(minutes=31))
    [late] = lonework.open_visits(ws, clock)  # the app is on any screen: the home page lists this
    assert late.session_id == sid and late.phase == "check_out_overdue" and late.escalating
    lonework.record(ws, sid, "check_out", clock)
    assert lonework.open_visits(ws, clock) == []  # travelling home: nothing due yet
    clock.advance(minutes=41)
    [home] = lonework.open_visits(ws, clock)
    assert home.phase == "home_safe_overdue"
    lonework.record(ws, sid, "home_safe", clock)
    assert lonework.open_visits(ws, clock) == []


def test_after_the_code_word_home_safe_closes_the_visit(ws: Workspace) -> None:
    sid = _visit(ws)
    clock = FakeClock(START)
    lonework.record(ws, sid, "check_in", clock)
    lonework.record(ws, sid, "code_word", clock)
    assert [v.phase for v in lonework.open_visits(ws, clock)] == ["code_word"]
    assert lonework.record(ws, sid, "home_safe", clock).phase == "closed"


def test_a_begun_visit_stays_reachable_until_home_safe_also_after_its_session_is_completed(
    ws: Workspace,
) -> None:
    from fieldwork_app.services import closeout

    sid = _visit(ws)
    never = _visit(ws)  # planned at the same time, never checked in
    clock = FakeClock(START - timedelta(minutes=20))
    assert lonework.unconfirmed_visits(ws, clock) == []  # nothing has begun
    clock.set(START + timedelta(minutes=5))
    lonework.record(ws, sid, "check_in", clock)
    clock.advance(minutes=30)
    assert [v.session_id for v in lonework.unconfirmed_visits(ws, clock)] == [sid, never]
    assert lonework.open_visits(ws, clock)[0].session_id == never  # in the visit: no flag, still listed
    closeout.save(ws, sid, wellbeing="settled")
    closeout.complete(ws, sid, clock=clock)
    clock.set(END + timedelta(days=3))  # days later, never checked out: still there to be closed
    assert [v.session_id for v in lonework.unconfirmed_visits(ws, clock)] == [sid]
    assert lonework.open_visits(ws, clock) == []  # the flag has run its course; the buttons have not
    lonework.record(ws, sid, "check_out", clock)
    [travelling] = lonework.unconfirmed_visits(ws, clock)
    assert travelling.phase == "travelling" and travelling.checked_out_at
    lonework.record(ws, sid, "home_safe", clock)
    assert lonework.unconfirmed_visits(ws, clock) == []
