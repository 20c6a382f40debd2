"""The ethics rules, one test each: only participants screened eligible get a session, consent or a
recording; consent answers are bound to the form and version they were made for; a mistake in an answers
file is never read as the participant's decline."""

from __future__ import annotations

import pytest

from fieldwork_app.cli.messages import cli_text
from fieldwork_app.domain.records import ParticipantStatus
from fieldwork_app.errors import ConsentError, ErrorKind, FieldworkError, InvalidInput
from fieldwork_app.services import consent, participants, recording, sessions, status
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.vault import audit
from tests.support.people import add_eligible, eligible_answers


@pytest.fixture
def study(ws: Workspace) -> Workspace:
    packs_svc.import_pack(ws, example=True)
    return ws


def _not_eligible(ws: Workspace, group: str = "mother") -> str:
    p = participants.add(ws, group)
    answers = eligible_answers(ws.pack(), group)
    first = next(iter(answers))
    assert not participants.screen(ws, p.id, {**answers, first: not answers[first]})
    return p.id


def _actions(ws: Workspace) -> list[str]:
    return [e.action for e in audit.entries(ws.db)]


def test_a_participant_starts_not_screened_and_screening_sets_eligible_or_not(study: Workspace) -> None:
    ws = study
    p = participants.add(ws, "mother")
    assert p.status is ParticipantStatus.NOT_SCREENED
    assert participants.screen(ws, p.id, eligible_answers(ws.pack(), "mother"))
    assert participants.get(ws, p.id).status is ParticipantStatus.ELIGIBLE
    q = _not_eligible(ws)
    assert participants.get(ws, q.strip()).status is ParticipantStatus.NOT_ELIGIBLE
    participants.add(ws, "mother")
    assert status.summary(ws)["participants"]["mother"] == {
        "eligible": 1,
        "not_eligible": 1,
        "not_screened": 1,
    }


@pytest.mark.parametrize("screened", [False, True], ids=["never screened", "screened not eligible"])
def test_no_session_for_a_participant_not_screened_eligible(study: Workspace, screened: bool) -> None:
    ws = study
    pid = _not_eligible(ws) if screened else participants.add(ws, "mother").id
    before = _actions(ws)
    with pytest.raises(FieldworkError) as err:
        sessions.new(ws, [pid], "interview", "clinic")
    assert err.value.kind is ErrorKind.NOT_ELIGIBLE
    expected = "screened not eligible" if screened else "has not been screened yet"
    assert expected in err.value.message and "fieldwork participant screen" in cli_text(err.value)
    assert sessions.list_all(ws) == [] and _actions(ws) == before
    # nor in a focus group beside eligible members
    others = [add_eligible(ws, "practitioner").id for _ in range(2)]
    with pytest.raises(FieldworkError, match="no session"):
        sessions.new(ws, [*others, _not_eligible(ws, "practitioner")], "focus-group", "clinic")


def test_no_consent_or_recording_once_screened_not_eligible(study: Workspace) -> None:
    """A session planned while eligible, then a screening corrected to not eligible: no consent, no
    consent recording, no interview recording, and ``status`` never counts the participant as consented."""
    ws = study
    pid = add_eligible(ws, "mother").id
    sid = sessions.new(ws, [pid], "interview", "clinic").id
    answers = eligible_answers(ws.pack(), "mother")
    assert not participants.screen(ws, pid, {k: not v for k, v in answers.items()})
    yes = {k: True for k in consent.template(ws, sid, pid)}
    with pytest.raises(FieldworkError, match="screened not eligible") as err:
        consent.record(ws, sid, pid, "paper", yes)
    assert err.value.kind is ErrorKind.NOT_ELIGIBLE
    with pytest.raises(FieldworkError, match="no consent recording"):
        recording.start_take(ws, sid, kind="consent", participant_id=pid)
    permission = consent.can_record(ws, sid)
    assert not permission.allowed and f"{pid} has not been screened eligible" in permission.reasons
    assert status.summary(ws)["participants"]["mother"] == {"not_eligible": 1}


def test_screening_is_not_asked_again_after_consent(study: Workspace) -> None:
    ws = study
    pid = add_eligible(ws, "mother").id
    sid = sessions.new(ws, [pid], "interview", "clinic").id
    consent.record(ws, sid, pid, "paper", {k: True for k in consent.template(ws, sid, pid)})
    with pytest.raises(InvalidInput, match="is consented: eligibility is screened before consent"):
        participants.screen(ws, pid, eligible_answers(ws.pack(), "mother"))
    assert participants.get(ws, pid).status is ParticipantStatus.CONSENTED


def test_an_answers_file_for_another_form_or_version_is_refused_before_any_answer_is_read(
    study: Workspace,
) -> None:
    ws = study
    m = add_eligible(ws, "mother").id
    p = add_eligible(ws, "practitioner").id
    s_m = sessions.new(ws, [m], "interview", "clinic").id
    s_p = sessions.new(ws, [p], "interview", "clinic").id
    mine = consent.answers_template(ws, s_m, m)
    assert (mine["form"], mine["version"]) == ("consent-mother-interview", "1.1")
    assert all(v is None for v in mine["answers"].values())
    theirs = consent.answers_template(ws, s_p, p)
    theirs["answers"] = {k: True for k in theirs["answers"]}
    # The practitioner's form shares statement ids with the mother's: never taken as hers.
    assert set(theirs["answers"]) & set(mine["answers"])
    before = _actions(ws)
    for bad, needle in (
        (
            {**theirs, "session": s_m, "participant": m},
            "made for consent form 'consent-practitioner-interview'",
        ),
        (
            {**mine, "version": "1.0", "answers": {k: True for k in mine["answers"]}},
            "version of the consent form '1.0'",
        ),
        ({**mine, "participant": p}, f"participant '{p}'"),
        ({k: True for k in mine["answers"]}, "names no consent form and version"),
        ({**mine, "extra": 1}, "unknown key(s) extra"),
    ):
        with pytest.raises(InvalidInput, match=None) as err:
            consent.answers_from_file(ws, s_m, m, bad)
        assert needle in err.value.message, err.value.message
        assert "Nothing was recorded" in err.value.message
    assert _actions(ws) == before and consent.latest(ws, s_m, m) is None
    good = {**mine, "answers": {k: True for k in mine["answers"]}}
    consent.record(ws, s_m, m, "paper", consent.answers_from_file(ws, s_m, m, good))
    assert consent.can_record(ws, s_m).allowed


def test_an_unanswered_file_is_never_read_as_a_decline_only_an_explicit_no_is(study: Workspace) -> None:
    ws = study
    m = add_eligible(ws, "mother").id
    sid = sessions.new(ws, [m], "interview", "clinic").id
    tpl = consent.template(ws, sid, m)
    consent.record(ws, sid, m, "paper", {k: True for k in tpl})
    before = _actions(ws)
    with pytest.raises(ConsentError, match="not answered"):
        consent.record(ws, sid, m, "paper", dict(tpl))  # the template as it was printed: all null
    assert _actions(ws) == before  # nothing written, nothing audited
    assert consent.can_record(ws, sid).allowed  # her consent stands
    with pytest.raises(ConsentError, match="not affirmed"):
        consent.record(ws, sid, m, "paper", {**{k: True for k in tpl}, "3": False})
    assert _actions(ws)[len(before) :] == ["consent.refused"]
    permission = consent.can_record(ws, sid)
    assert not permission.allowed and "declined consent after giving it" in permission.reasons[0]
