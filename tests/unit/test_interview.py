"""The live topic guide on a real vault: marks, time per section, notes, focus-group helpers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from fieldwork_app.errors import InvalidInput, NotFound
from fieldwork_app.services import consent, interview, sessions
from fieldwork_app.services.clock import FakeClock
from fieldwork_app.services.workspace import Workspace
from tests.support.people import add_eligible

START = datetime(2025, 3, 4, 10, 0, tzinfo=UTC)


def _session(ws: Workspace) -> str:
    p = add_eligible(ws, "mother")
    return sessions.new(ws, [p.id], "interview", "clinic").id


def test_guide_marks_and_coverage(ws: Workspace) -> None:
    clock = FakeClock(START)
    sid = _session(ws)
    guide = interview.guide_for(ws, sid)
    assert guide.id == "guide-mother" and guide.version == "1.0"

    interview.enter_section(ws, sid, "A", position=0.0, clock=clock)
    interview.mark_question(ws, sid, "A1", "asked", position=30.0, clock=clock)
    interview.mark_question(ws, sid, "A2", "covered", clock=clock)
    clock.advance(minutes=12)
    interview.enter_section(ws, sid, "B", position=720.0, clock=clock)  # 12 min by audio
    interview.mark_question(ws, sid, "B1", "asked", clock=clock)
    interview.mark_question(ws, sid, "B2", "skipped", reason="she had already answered", clock=clock)
    clock.advance(minutes=15)  # B still running: wall time to now

    cov = interview.coverage(ws, sid, clock=clock)
    by_id = {s.section_id: s for s in cov.sections}
    assert by_id["A"].spent_minutes == 12.0 and by_id["A"].planned_minutes == 10 and by_id["A"].over_time
    assert by_id["B"].spent_minutes == 15.0 and not by_id["B"].over_time
    assert by_id["C"].entered is False and by_id["C"].spent_minutes == 0
    states = {q.question_id: (q.state, q.reason) for s in cov.sections for q in s.questions}
    assert states["B2"] == ("skipped", "she had already answered")
    assert states["A1"] == ("asked", None)
    assert states["C1"] == (None, None)
    assert cov.counts() == {"asked": 2, "covered": 1, "skipped": 1, "open": 3}
    assert by_id["C"].open_questions == ["C1", "C2"]

    # A later mark replaces the earlier one.
    interview.mark_question(ws, sid, "B2", "asked", clock=clock)
    cov = interview.coverage(ws, sid, clock=clock)
    assert {q.question_id: q.state for s in cov.sections for q in s.questions}["B2"] == "asked"
    actions = [r["action"] for r in ws.db.execute("SELECT action FROM audit WHERE session_id = ?", (sid,))]
    assert actions.count("guide.mark") == 5 and actions.count("guide.section") == 2


def test_bad_marks_are_refused(ws: Workspace) -> None:
    sid = _session(ws)
    with pytest.raises(InvalidInput, match="needs a reason"):
        interview.mark_question(ws, sid, "A1", "skipped")
    with pytest.raises(InvalidInput, match="no question"):
        interview.mark_question(ws, sid, "Q99", "asked")
    with pytest.raises(InvalidInput, match="unknown question state"):
        interview.mark_question(ws, sid, "A1", "done")
    with pytest.raises(InvalidInput, match="no section"):
        interview.enter_section(ws, sid, "Z")
    with pytest.raises(InvalidInput, match="negative"):
        interview.mark_question(ws, sid, "A1", "asked", position=-1)
    with pytest.raises(NotFound):
        interview.guide_for(ws, "S-9999")
    assert ws.db.execute("SELECT COUNT(*) FROM guide_progress").fetchone()[0] == 0


def test_notes_are_kept_and_not_audited_as_text(ws: Workspace) -> None:
    clock = FakeClock(START)
    sid = _session(ws)
    interview.add_note(ws, sid, "mentions her health visitor", position=95.5, clock=clock)
    clock.advance(minutes=50)
    interview.add_note(ws, sid, "quiet room, baby asleep", kind="field_note", clock=clock)
    interview.add_note(ws, sid, "I felt the pace was rushed", kind="reflexive", clock=clock)
    all_notes = interview.notes(ws, sid)
    assert [n.kind for n in all_notes] == ["note", "field_note", "reflexive"]
    assert all_notes[0].position == 95.5 and all_notes[0].created_at == "2025-03-04T10:00:00+00:00"
    assert [n.text for n in interview.notes(ws, sid, kind="reflexive")] == ["I felt the pace was rushed"]
    with pytest.raises(InvalidInput, match="empty"):
        interview.add_note(ws, sid, "   ")
    with pytest.raises(InvalidInput, match="unknown note kind"):
        interview.add_note(ws, sid, "x", kind="diary")
    details = " ".join(r["detail_json"] for r in ws.db.execute("SELECT detail_json FROM audit"))
    assert "health visitor" not in details and "rushed" not in details


def test_focus_group_members_and_ground_rules(ws: Workspace) -> None:
    people = [add_eligible(ws, "practitioner").id for _ in range(3)]
    sid = sessions.new(ws, people, "focus-group", "clinic").id
    rules = interview.ground_rules(ws, sid)
    assert any("do not repeat" in r for r in rules)
    form = consent.form_for(ws, sid, people[0])
    answers = {s.id: True for s in form.statements}
    consent.record(ws, sid, people[0], "paper", answers)
    members = {m.participant_id: m for m in interview.members(ws, sid)}
    assert members[people[0]].consented and members[people[0]].recording_affirmed
    assert not members[people[1]].consented and not members[people[2]].recording_affirmed
    assert all(m.group_id == "practitioner" for m in members.values())
