"""Use cases as one service call each, on a real vault and without Qt: the screens' queries, completing a
session and queueing it, saving a safeguarding record, opening a distress event with the take paused."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

import pytest

from fieldwork_app.domain.records import SessionStatus
from fieldwork_app.errors import InvalidInput
from fieldwork_app.services import (
    completion,
    consent,
    distress,
    participants,
    safeguarding,
    screens,
    sessions,
    sync,
    tasks,
)
from fieldwork_app.services.clock import FakeClock
from fieldwork_app.services.workspace import Workspace
from tests.support.people import add_eligible

START = datetime(2025, 3, 4, 10, 0, tzinfo=UTC)


def _consented_session(ws: Workspace, location: str = "clinic") -> tuple[str, str]:
    p = add_eligible(ws, "mother")
    sid = sessions.new(ws, [p.id], "interview", location).id
    form = consent.form_for(ws, sid, p.id)
    consent.record(ws, sid, p.id, "paper", {s.id: True for s in form.statements})
    return sid, p.id


def _counts(ws: Workspace) -> dict[str, int]:
    research = {t: ws.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("tasks", "outbox", "audit")}
    identity = {t: ws.idb.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("safeguarding",)}
    return {**research, **identity}


def test_session_overview_is_one_frozen_record(ws: Workspace) -> None:
    sid, pid = _consented_session(ws, "home")
    info = screens.session_overview(ws, sid)
    assert info.session.id == sid and info.groups == {pid: "mother"}
    assert info.guide is not None and info.ground_rules == tuple(info.guide.ground_rules)
    assert not info.has_sealed_location and not info.has_lone_working
    assert info.open_event is None and not info.ended_early and info.closeout is None and info.takes == ()
    assert info.members and info.members[0].participant_id == pid
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.ended_early = True  # type: ignore[misc]

    sessions.save_visit_plan(
        ws,
        sid,
        {"start": "2030-03-04T10:00", "expected_end": "2030-03-04T11:00", "buddy_name": "Sam"},
        "1 Example Street",
    )
    eid = distress.open_event(ws, sid)
    info = screens.session_overview(ws, sid)
    assert info.has_sealed_location and info.has_lone_working and info.open_event == eid


def test_prepare_view_and_options(ws: Workspace) -> None:
    sid, pid = _consented_session(ws)
    gone = add_eligible(ws, "mother")
    participants.withdraw(ws, gone.id, "no_further_contact", "2025-03-04")
    options = screens.prepare_options(ws)
    assert pid in {p.id for p in options.people} and gone.id not in {p.id for p in options.people}
    assert [line.id for line in options.sessions] == [sid] and options.sessions[0].participants == (pid,)
    [person] = [p for p in options.people if p.id == pid]
    assert "interview" in person.formats and "clinic" in person.locations

    view = screens.prepare_view(ws, sid)
    assert view.id == sid and view.participants == (pid,) and view.status == "planned"
    [doc] = view.documents
    assert doc.participant == pid and doc.form.title and doc.sheet.title and doc.sheet.date
    assert view.guide is not None and view.guide.title
    assert not view.sealed and not view.ready
    assert "battery" in {item.id for item in view.checklist}
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.ready = True  # type: ignore[misc]
    sessions.set_battery_checked(ws, sid, True)
    assert screens.prepare_view(ws, sid).kit["battery_ok"] is True


def test_completing_a_session_queues_it_in_the_same_transaction(ws: Workspace) -> None:
    clock = FakeClock(START)
    sid, _pid = _consented_session(ws)
    fields: dict[str, Any] = {"wellbeing": "settled", "signposting_given": ["samaritans"]}

    saved = completion.close_out(ws, sid, fields, clock=clock)
    assert saved.bundle_id is None and saved.closeout.status == "saved"
    assert sessions.get(ws, sid).status is not SessionStatus.COMPLETED

    done = completion.close_out(ws, sid, fields, complete=True, clock=clock)
    assert done.closeout.status == "complete" and done.bundle_id
    assert sessions.get(ws, sid).status is SessionStatus.COMPLETED
    assert [r["bundle_id"] for r in sync.outbox(ws) if r["kind"] == "session"] == [done.bundle_id]


def test_a_completion_that_cannot_be_queued_changes_nothing(ws: Workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(START)
    sid, _pid = _consented_session(ws)
    before = _counts(ws)

    def refused(_ws: Workspace, _sid: str) -> str:
        raise InvalidInput("the outbox refused the bundle")

    monkeypatch.setattr(sync, "queue_session", refused)  # the last step of the three fails
    with pytest.raises(InvalidInput, match="outbox refused"):
        completion.close_out(ws, sid, {"wellbeing": "settled"}, complete=True, clock=clock)
    assert sessions.get(ws, sid).status is not SessionStatus.COMPLETED
    assert ws.db.execute("SELECT COUNT(*) FROM closeouts").fetchone()[0] == 0
    assert _counts(ws) == before


def test_a_held_back_session_is_completed_but_never_queued(ws: Workspace) -> None:
    clock = FakeClock(START)
    sid, pid = _consented_session(ws)
    participants.withdraw(ws, pid, "delete_data", "2025-03-04", delete_unsent=True)
    result = completion.close_out(ws, sid, {"wellbeing": "settled"}, complete=True, clock=clock)
    assert result.bundle_id is None and sessions.get(ws, sid).status is SessionStatus.COMPLETED
    assert not [r for r in sync.outbox(ws) if r["kind"] == "session" and r["state"] == "queued"]


def test_a_safeguarding_record_is_saved_by_one_call(ws: Workspace) -> None:
    clock = FakeClock(START)
    p = add_eligible(ws, "mother")
    sid = sessions.new(ws, [p.id], "interview", "home").id
    before = _counts(ws)

    # A refused field changes nothing: not even the record's creation or its task.
    with pytest.raises(InvalidInput, match="unknown risk category"):
        safeguarding.save_record(ws, sid, p.id, {"account": "what she said", "category": "weather"}, clock=clock)
    assert _counts(ws) == before

    # Completing a record not ready: it is saved, and why it is not complete comes back.
    first = safeguarding.save_record(
        ws, sid, p.id, {"account": "what she said", "category": "child-harm"}, complete=True, clock=clock
    )
    assert first.status != "complete" and first.missing == ("escalated_to", "decision")
    assert first.not_completed is not None and "escalated to, decision" in first.not_completed.message
    [task] = tasks.for_session(ws, sid, tasks.SAFEGUARDING)
    assert not task.done

    done = safeguarding.save_record(
        ws,
        sid,
        p.id,
        {"escalated_to": "designated safeguarding lead", "decision": "refer"},
        [
            {
                "what": "the disclosure",
                "to_whom": "children's social care",
                "when": START,
                "why": "risk of harm",
                "with_consent": True,
            }
        ],
        concern_id=first.id,
        complete=True,
        clock=clock,
    )
    assert done.id == first.id and done.status == "complete" and done.missing == () and done.not_completed is None
    assert tasks.get(ws, task.id).done
    record = safeguarding.get(ws, first.id)
    assert record.body["account"] == "what she said" and len(record.sharing) == 1

    other = sessions.new(ws, [p.id], "interview", "clinic").id
    with pytest.raises(InvalidInput, match="another session"):
        safeguarding.save_record(ws, other, p.id, {"decision": "x"}, concern_id=first.id)


def test_opening_a_distress_event_with_the_take_paused_is_one_record(ws: Workspace) -> None:
    clock = FakeClock(START)
    sid, _pid = _consented_session(ws)
    assert distress.pause_on_open(asked=True, recording=True)
    assert not distress.pause_on_open(asked=True, recording=False)
    assert not distress.pause_on_open(asked=False, recording=True)

    event = distress.open_with_recording(ws, sid, 12.5, recording_paused=True, clock=clock)
    assert event.open and [(s["kind"], s["position"]) for s in event.steps] == [("recording_paused", 12.5)]
    again = distress.open_with_recording(ws, sid, 20.0, clock=clock)  # the open event, nothing added
    assert again.id == event.id and len(again.steps) == 1

    done = sessions.new(ws, [add_eligible(ws, "mother").id], "interview", "clinic").id
    sessions.set_status(ws, done, SessionStatus.COMPLETED)
    before = _counts(ws)
    with pytest.raises(InvalidInput, match="completed"):
        distress.open_with_recording(ws, done, 1.0, recording_paused=True, clock=clock)
    assert _counts(ws) == before


def test_opening_and_closing_a_workspace_attaches_and_detaches_the_log(vault_dir) -> None:  # type: ignore[no-untyped-def]
    import logging

    from fieldwork_app import log as fwlog
    from fieldwork_app.services import workspace
    from tests.support.vaults import PASSPHRASE, USER

    ws = workspace.unlock(vault_dir, USER, PASSPHRASE)
    assert fwlog.attached_dir() == vault_dir.logs and ws.log_attached
    key = ws.vault.subkey("log")
    ws.close()
    assert fwlog.attached_dir() is None
    ws.close()  # closing again changes nothing
    logging.getLogger("fieldwork_app.test").warning("logged while the vault was locked")
    assert "logged while the vault was locked" not in "\n".join(fwlog.check_log(vault_dir.logs, key).lines)

    ws = workspace.unlock(vault_dir, USER, PASSPHRASE)  # the waiting line is written at the next unlock
    ws.close()
    lines = fwlog.check_log(vault_dir.logs, key).lines
    assert any("logged while the vault was locked" in line for line in lines)
    assert sum("the workspace was opened" in line for line in lines) >= 2
