"""Safeguarding concerns on a real vault: identity.db only, a task that appears and closes, audited views."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from fieldwork_app.errors import InvalidInput, NotFound
from fieldwork_app.services import distress, safeguarding, sessions, tasks
from fieldwork_app.services.clock import FakeClock, end_of_day, iso
from fieldwork_app.services.workspace import Workspace
from tests.support.people import add_eligible

START = datetime(2025, 3, 4, 10, 0, tzinfo=UTC)
ACCOUNT = "She said her partner locks the baby in the bedroom when he is drunk"


def _all_text(conn: Any) -> str:
    """Every value of every row of every table, as one string (to prove a text is absent)."""
    parts: list[str] = []
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for t in tables:
        for row in conn.execute(f"SELECT * FROM {t}"):
            parts.extend(str(v) for v in tuple(row))
    return "\n".join(parts)


def test_concern_lives_only_in_identity_db(ws: Workspace) -> None:
    clock = FakeClock(START)
    p = add_eligible(ws, "mother")
    sid = sessions.new(ws, [p.id], "interview", "home").id
    cid = safeguarding.create(ws, sid, p.id, clock=clock)

    # A task "today", with no details in its title.
    [task] = tasks.for_session(ws, sid, tasks.SAFEGUARDING)
    assert task.due == iso(end_of_day(START)) and not task.done
    assert task.id in {t.id for t in tasks.due(ws, clock)}

    safeguarding.update(
        ws,
        cid,
        at_risk="the baby",
        category="child-harm",
        account=ACCOUNT,
        present="researcher and participant",
        actions_taken="listened; did not promise secrecy; explained I must tell the study lead",
        participant_told=True,
        participant_view="She agreed the lead should know",
        clock=clock,
    )
    with pytest.raises(InvalidInput, match="still needs: escalated to, decision"):
        safeguarding.complete(ws, cid, clock=clock)
    clock.advance(minutes=30)
    safeguarding.update(
        ws,
        cid,
        escalated_to="designated safeguarding lead",
        escalated_at=clock.now(),
        decision="refer to children's social care",
        reasons="new information, risk of harm",
        referral={
            "agency": "children's social care",
            "reference": "CSC-1234",
            "method": "phone",
            "time": clock.now(),
        },
        clock=clock,
    )
    safeguarding.add_sharing(
        ws,
        cid,
        "the disclosure",
        "children's social care",
        clock.now(),
        "risk of harm to a child",
        True,
        clock=clock,
    )
    safeguarding.add_sharing(
        ws,
        cid,
        "the disclosure",
        "her GP",
        clock.now(),
        "social care will inform",
        False,
        shared=False,
        clock=clock,
    )
    assert [c.id for c in safeguarding.open_concerns(ws)] == [cid]
    done = safeguarding.complete(ws, cid, clock=clock)
    assert done.status == "complete" and safeguarding.open_concerns(ws) == []
    assert tasks.get(ws, task.id).done
    assert task.id not in {t.id for t in tasks.due(ws, clock)}

    # Linking the concern from a distress event stores only its id in research.db.
    eid = distress.open_event(ws, sid, clock=clock)
    distress.record_step(ws, eid, "safeguarding_link", concern=cid, clock=clock)
    assert distress.get(ws, eid).safeguarding_concern == cid

    research = _all_text(ws.db)
    for secret in ("locks the baby", "CSC-1234", "She agreed", "refer to children", "drunk"):
        assert secret not in research
    identity = _all_text(ws.idb)
    assert "locks the baby" in identity and "CSC-1234" in identity

    concern = safeguarding.get(ws, cid, reason="PI review")
    assert concern.body["account"] == ACCOUNT
    assert concern.body["participant_told"] is True
    assert [e["shared"] for e in concern.sharing] == [True, False]
    assert concern.body["referral"]["reference"] == "CSC-1234"
    assert [h["fields"] for h in concern.body["history"]][0][0] == "account"
    actions = [
        r["action"]
        for r in ws.db.execute("SELECT action FROM audit WHERE subject_id = ? ORDER BY seq", (cid,))
    ]
    assert actions[0] == "safeguarding.create" and "safeguarding.view" in actions
    assert actions.count("safeguarding.share") == 2 and "safeguarding.complete" in actions


def test_bad_fields_change_nothing(ws: Workspace) -> None:
    p = add_eligible(ws, "mother")
    other = add_eligible(ws, "practitioner")
    sid = sessions.new(ws, [p.id], "interview", "clinic").id
    with pytest.raises(InvalidInput, match="not in session"):
        safeguarding.create(ws, sid, other.id)
    cid = safeguarding.create(ws, sid, p.id)
    before = ws.idb.execute("SELECT body_json FROM safeguarding WHERE id = ?", (cid,)).fetchone()[0]
    with pytest.raises(InvalidInput, match="unknown risk category"):
        safeguarding.update(ws, cid, account="x", category="weather")
    with pytest.raises(InvalidInput, match="unknown safeguarding field"):
        safeguarding.update(ws, cid, mood="low")
    with pytest.raises(InvalidInput, match="true or false"):
        safeguarding.update(ws, cid, participant_told="yes")
    with pytest.raises(InvalidInput, match="unknown referral field"):
        safeguarding.update(ws, cid, referral={"agency": "x", "colour": "red"})
    with pytest.raises(InvalidInput, match="date and time"):
        safeguarding.update(ws, cid, escalated_at="soon")
    after = ws.idb.execute("SELECT body_json FROM safeguarding WHERE id = ?", (cid,)).fetchone()[0]
    assert after == before
    with pytest.raises(NotFound):
        safeguarding.get(ws, "G-missing")


def test_whom_a_record_is_about_is_said_later_or_corrected_until_it_is_complete(ws: Workspace) -> None:
    clock = FakeClock(START)
    a, b = add_eligible(ws, "practitioner"), add_eligible(ws, "practitioner")
    other = add_eligible(ws, "practitioner")
    sid = sessions.new(ws, [a.id, b.id], "focus_group", "clinic").id
    # a draft left before whom it is about was chosen is kept, and cannot be completed until it is said
    saved = safeguarding.save_record(ws, sid, None, {"account": ACCOUNT}, clock=clock)
    assert safeguarding.get(ws, saved.id).participant_id is None and saved.missing[0] == "participant"
    fields = {"category": "child-harm", "escalated_to": "designated lead", "decision": "refer"}
    not_done = safeguarding.save_record(ws, sid, None, fields, concern_id=saved.id, complete=True, clock=clock)
    assert not_done.status == "open" and not_done.not_completed is not None
    assert "participant" in str(not_done.not_completed)

    clock.advance(minutes=5)
    safeguarding.save_record(ws, sid, a.id, {}, concern_id=saved.id, clock=clock)
    clock.advance(minutes=5)
    safeguarding.save_record(ws, sid, b.id, {}, concern_id=saved.id, clock=clock)  # the wrong one corrected
    with pytest.raises(InvalidInput, match="is not in session"):
        safeguarding.set_participant(ws, saved.id, other.id, clock=clock)
    concern = safeguarding.get(ws, saved.id)
    assert concern.participant_id == b.id
    changes = [(h["by"], h["participant"]) for h in concern.body["history"] if "participant" in h]
    assert changes == [(ws.user, {"from": None, "to": a.id}), (ws.user, {"from": a.id, "to": b.id})]

    done = safeguarding.save_record(ws, sid, b.id, {}, concern_id=saved.id, complete=True, clock=clock)
    assert done.status == "complete"
    with pytest.raises(InvalidInput, match="can no longer be changed"):
        safeguarding.save_record(ws, sid, a.id, {}, concern_id=saved.id, clock=clock)
    assert safeguarding.get(ws, saved.id).participant_id == b.id  # nothing changed
