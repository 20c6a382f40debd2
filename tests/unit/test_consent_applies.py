"""Consent evaluated with the pack's conditions, on a real vault with the second example study (Caring Lives):
a statement meant for 16-17-year-olds is neither asked of nor required from an adult and is recorded "not
applicable"; a statement that waits on an earlier answer is asked only after that answer; an answer given for
a statement that does not apply is refused, naming it, and nothing is recorded.  And the consultee route: a
parent the capacity assessment finds unable to decide goes ahead only on a consultee's advice, recorded as such."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from fieldwork_app.domain.conditions import ConditionFacts
from fieldwork_app.errors import ConsentError, ErrorCode, InvalidInput
from fieldwork_app.paths import DataDir
from fieldwork_app.services import audit_log, consent, ethics, participants, pdfs, sessions, workspace
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services.sync import bundles
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.vault import FAST_KDF
from tests.support.people import eligible_answers
from tests.support.vaults import PASSPHRASE, USER
from tests.unit.test_pdfs import _flat, pdf_text
from tests.unit.test_protocol_rules import SECOND, young_carer
from tests.unit.test_studypack_validation import edit

ABLE = {"understand": True, "retain": True, "weigh_up": True, "communicate": True}
UNABLE = {**ABLE, "weigh_up": False}


def _open(tmp_path: Path, pack: Path = SECOND) -> Workspace:
    ws, _ = workspace.create(DataDir(tmp_path / "vault"), USER, PASSPHRASE, "researcher", FAST_KDF)
    packs_svc.import_pack(ws, pack)
    return ws


@pytest.fixture
def caring(tmp_path: Path) -> Iterator[Workspace]:
    ws = _open(tmp_path)
    try:
        yield ws
    finally:
        ws.close()


def _yes(ws: Workspace, sid: str, pid: str, **overrides: Any) -> dict[str, Any]:
    return {**dict.fromkeys(consent.template(ws, sid, pid), True), **overrides}


def _soon() -> str:
    """A planned start an hour from now (a notice period counts back from the earlier of it and now)."""
    return (datetime.now() + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")


def _days_ago(days: int) -> str:
    return (date.today() - timedelta(days=days)).isoformat()


def _refusals(ws: Workspace, pid: str) -> int:
    return int(ws.db.execute(
        "SELECT COUNT(*) FROM audit WHERE action = 'consent.refused' AND subject_id = ?", (pid,)
    ).fetchone()[0])  # fmt: skip


def test_an_adult_is_not_asked_the_clause_for_16_17_year_olds_and_it_is_recorded_not_applicable(
    caring: Workspace,
) -> None:
    ws = caring
    adult = young_carer(ws, "18-24")
    sid = sessions.new(ws, [adult], "interview", "youth_centre").id
    tpl = consent.answers_template(ws, sid, adult)
    assert "5" not in tpl["answers"] and list(tpl["answers"])[:5] == ["1", "2", "3", "4", "6"]
    # whom they are for, as facts (the pack's own labels): each face words them
    assert tpl["not_applicable"] == {"5": (ConditionFacts(attribute="Age band at consent", values=("16 or 17",)),)}
    assert tpl["asked_only_if"] == {"O3": (ConditionFacts(statement="O2", answer="yes"),)}
    # a yes or no given for it anyway is a mistake in the file: refused, located, nothing recorded
    with pytest.raises(consent.AnswerRefused) as err:
        consent.answers_from_file(ws, sid, adult, {**tpl, "answers": _yes(ws, sid, adult, **{"5": True})},
                                  source="answers.json")  # fmt: skip
    assert err.value.code is ErrorCode.ANSWER_DOES_NOT_APPLY
    assert err.value.params == {"source": "answers.json", "statement": "5"}
    assert err.value.conditions == tpl["not_applicable"]["5"]
    assert err.value.message.startswith("answers.json: answers.5: statement 5 does not apply to this participant")
    # the template filled in as it reads, read back: statement 5 recorded as not applicable
    answers = consent.answers_from_file(ws, sid, adult, {**tpl, "answers": _yes(ws, sid, adult)})
    result = consent.record(ws, sid, adult, "paper", answers)
    assert result.not_applicable == ("5",) and result.consent_by == "participant"
    rec = consent.latest(ws, sid, adult)
    assert rec is not None and rec["answers"]["5"] == "not_applicable" and rec["answers"]["O3"] is True
    assert rec["consent_by"] == "participant"
    assert consent.can_record(ws, sid).allowed
    assert _refusals(ws, adult) == 0



def test_an_answer_refused_is_a_code_with_its_facts_each_face_words(caring: Workspace) -> None:
    from fieldwork_app.cli.messages import cli_text

    ws = caring
    adult = young_carer(ws, "18-24")
    sid = sessions.new(ws, [adult], "interview", "youth_centre").id
    tpl = consent.answers_template(ws, sid, adult)
    for answers, code, params in (
        ({"X9": True}, ErrorCode.ANSWER_UNKNOWN_STATEMENT,
         {"form": tpl["form"], "version": tpl["version"], "statements": "X9"}),
        ({"1": "yes"}, ErrorCode.ANSWER_NOT_YES_NO, {"statement": "1", "given": "'yes'"}),
        ({"1": "not_applicable"}, ErrorCode.ANSWER_APPLIES, {"statement": "1"}),
    ):  # fmt: skip
        with pytest.raises(consent.AnswerRefused) as err:
            consent.answers_from_file(ws, sid, adult, {**tpl, "answers": answers}, source="a.json")
        assert err.value.code is code and err.value.params == {"source": "a.json", **params}
    assert cli_text(err.value) == (
        "a.json: answers.1: statement 1 applies to this participant: answer true or false (or null if it is "
        "optional and was not answered), as 'fieldwork consent template' lists it under \"answers\". Nothing was "
        "recorded"
    )
    assert consent.latest(ws, sid, adult) is None

def test_a_statement_asked_only_after_an_answer_follows_that_answer(caring: Workspace) -> None:
    ws = caring
    adult = young_carer(ws, "18-24")
    sid = sessions.new(ws, [adult], "interview", "youth_centre").id
    with pytest.raises(InvalidInput, match=r"answers\.O3: statement O3 does not apply") as err:
        consent.record(ws, sid, adult, "paper", _yes(ws, sid, adult, O2=False))  # O3 answered though O2 is no
    assert isinstance(err.value, consent.AnswerRefused)
    assert err.value.conditions == (ConditionFacts(statement="O2", answer="yes"),)
    assert consent.latest(ws, sid, adult) is None and _refusals(ws, adult) == 0
    consent.record(ws, sid, adult, "paper", _yes(ws, sid, adult, O2=False, O3=None))
    rec = consent.latest(ws, sid, adult)
    assert rec is not None and (rec["answers"]["O2"], rec["answers"]["O3"]) == (False, "not_applicable")
    lines = {line.statement_id: line for line in consent.script_lines(ws, sid, adult)}
    assert (lines["O3"].state, lines["O3"].why) == ("ask_if", (ConditionFacts(statement="O2", answer="yes"),))
    assert lines["5"].state == "not_applicable"
    assert consent.script_lines(ws, sid, adult, {"O2": False})[9].state == "not_applicable"  # O3, once O2 is no


def test_a_16_17_year_old_is_asked_the_clause_and_must_affirm_it(caring: Workspace) -> None:
    ws = caring
    young = young_carer(ws, "16-17")
    sid = sessions.new(ws, [young], "interview", "youth_centre", _soon(), 60).id
    ethics.mark_done(ws, young, "parent-notified", on=_days_ago(3))  # the notice given in time
    guardian = {"guardian": {"name": "G Ardian", "agreement": True}}
    assert consent.answers_template(ws, sid, young)["not_applicable"] == {}
    with pytest.raises(ConsentError, match="required statement\\(s\\) not answered: 5"):
        consent.record(ws, sid, young, "paper", _yes(ws, sid, young, **{"5": None}), parties=guardian)
    assert _refusals(ws, young) == 0  # a gap in the record is never a decline
    with pytest.raises(consent.AnswerRefused, match="answers.5: statement 5 applies to this participant"):
        consent.record(ws, sid, young, "paper", _yes(ws, sid, young, **{"5": "not_applicable"}), parties=guardian)
    with pytest.raises(ConsentError, match="required statement\\(s\\) not affirmed: 5"):
        consent.record(ws, sid, young, "paper", _yes(ws, sid, young, **{"5": False}), parties=guardian)
    assert _refusals(ws, young) == 1
    result = consent.record(ws, sid, young, "paper", _yes(ws, sid, young), parties=guardian)
    assert result.not_applicable == ()
    rec = consent.latest(ws, sid, young)
    assert rec is not None and rec["answers"]["5"] is True


def _parent(ws: Workspace) -> tuple[str, str]:
    yc = young_carer(ws, "18-24")
    p = participants.add(ws, "parent", yc, attributes={"language": "en-GB", "interpreter": "no", "area": "north"})
    assert participants.screen(ws, p.id, eligible_answers(ws.pack(), "parent"))
    return p.id, sessions.new(ws, [p.id], "interview", "home").id


CONSULTEE = {"name": "Cara Consultee", "relationship": "sister", "kind": "personal", "advice": "take_part",
             "agreement": True}  # fmt: skip


def test_the_consultee_route_where_a_parent_cannot_decide(caring: Workspace) -> None:
    ws = caring
    pid, sid = _parent(ws)
    result = ethics.record_capacity(ws, sid, pid, UNABLE)
    assert not result.has_capacity and result.consultee_route and "consultee" in result.advice
    answers = _yes(ws, sid, pid)
    needed = "asks a consultee for their advice and completes 'Personal consultee"
    with pytest.raises(ConsentError, match=needed) as no_one:
        consent.record(ws, sid, pid, "paper", answers)
    assert no_one.value.code is ErrorCode.CONSULTEE_ADVICE_NEEDED  # the facts each face words, naming its own way
    assert no_one.value.params == {"participant": pid, "form": "Personal consultee declaration"}
    assert "record who" not in no_one.value.message
    assert consent.can_record(ws, sid).reasons == [f"{pid}'s consultee has not given their advice: record it "
                                                   "with the consent"]  # fmt: skip
    for missing, words in (("relationship", "relationship"), ("kind", "personal .* or nominated"),
                           ("advice", "record the consultee's advice")):  # fmt: skip
        with pytest.raises(InvalidInput, match=words):
            consent.record(ws, sid, pid, "paper", answers,
                           parties={"consultee": {k: v for k, v in CONSULTEE.items() if k != missing}})  # fmt: skip
    with pytest.raises(ConsentError, match="completes 'Personal consultee declaration'") as unconfirmed:
        consent.record(ws, sid, pid, "paper", answers, parties={"consultee": {**CONSULTEE, "agreement": False}})
    assert unconfirmed.value.code is ErrorCode.PARTY_FORM_NOT_CONFIRMED
    assert unconfirmed.value.params == {"role": "consultee", "participant": pid,
                                        "form": "Personal consultee declaration"}  # fmt: skip
    assert "--" not in unconfirmed.value.message
    assert consent.latest(ws, sid, pid) is None and _refusals(ws, pid) == 0
    done = consent.record(ws, sid, pid, "paper", answers,
                          parties={"consultee": {**CONSULTEE, "advised_on": "2025-05-01"}})  # fmt: skip
    assert done.consent_by == "consultee"
    rec = consent.latest(ws, sid, pid)
    assert rec is not None and rec["consent_by"] == "consultee"
    assert json.loads(rec["parties_json"]) == {"consultee": {
        "advice": "take_part", "advised_on": "2025-05-01", "agreement": True, "kind": "personal", "present": True}}
    assert "Cara" not in json.dumps(rec) and "sister" not in json.dumps(rec)  # identity data stays apart
    row = ws.idb.execute("SELECT name, relationship, agreement FROM consent_parties WHERE consent_id = ?",
                         (done.consent_id,)).fetchone()  # fmt: skip
    assert tuple(row) == ("Cara Consultee", "sister", 1)
    assert consent.can_record(ws, sid).allowed  # the session goes ahead on the consultee's advice
    # assessed able to decide later in the session: their own consent is needed before recording
    ethics.record_capacity(ws, sid, pid, ABLE)
    assert "take " + pid + "'s own consent" in consent.can_record(ws, sid).reasons[0]
    consent.record(ws, sid, pid, "paper", answers)
    assert consent.can_record(ws, sid).allowed


def test_a_consultee_who_advises_against_ends_it(caring: Workspace) -> None:
    ws = caring
    pid, sid = _parent(ws)
    ethics.record_capacity(ws, sid, pid, UNABLE)
    with pytest.raises(ConsentError, match=f"advises that {pid} would not want to take part") as advised:
        consent.record(ws, sid, pid, "paper", _yes(ws, sid, pid),
                       parties={"consultee": {**CONSULTEE, "advice": "not_take_part"}})  # fmt: skip
    assert advised.value.code is ErrorCode.CONSULTEE_ADVISES_NOT_TO_TAKE_PART
    assert advised.value.params == {"participant": pid}
    assert consent.latest(ws, sid, pid) is None and _refusals(ws, pid) == 1
    assert not consent.can_record(ws, sid).allowed
    [entry] = [e for e in audit_log.entries(ws) if e.action == "consent.refused"]
    assert entry.detail == {"consent_by": "consultee", "advice": "not_take_part"}  # facts, in no language


def test_a_refusal_is_audited_as_facts_and_a_refusal_audited_in_words_before_still_verifies(
    caring: Workspace,
) -> None:
    """A required statement declined is audited as the statements declined, not as an English sentence; an
    entry an earlier version wrote with its reason in words is left as it is: the chain still verifies, the
    entry still reads, and it still goes whole in a research bundle, as the new one does."""
    ws = caring
    young = young_carer(ws, "18-24")
    sid = sessions.new(ws, [young], "interview", "youth_centre", "2030-01-01T10:00", 60).id
    old_words = {"form": "consent-young-carer", "version": "1.0",
                 "reason": "required statement(s) not affirmed: 1"}  # fmt: skip
    ws.vault.audit("consent.refused", "participant", young, session_id=sid, detail=old_words)  # as written before
    first = next(iter(consent.template(ws, sid, young)))
    with pytest.raises(ConsentError) as declined:
        consent.record(ws, sid, young, "paper", _yes(ws, sid, young, **{first: False}))
    assert declined.value.code is ErrorCode.STATEMENTS_REFUSED
    form = consent.form_for(ws, sid, young)
    refusals = [e for e in audit_log.entries(ws, sid) if e.action == "consent.refused"]
    assert [e.detail for e in refusals] == [
        old_words, {"form": form.id, "version": form.version, "declined": [first]}
    ]
    assert "not affirmed" not in json.dumps(refusals[1].detail)
    report = audit_log.verify(ws)
    assert report.ok and report.count == len(audit_log.entries(ws))
    assert all(bundles.research_audit_allows(e) for e in refusals)
    sent = bundles.session_audit(ws, sid)
    assert [e["detail"] for e in sent if e.get("action") == "consent.refused"] == [e.detail for e in refusals]


def test_without_a_consultee_route_the_session_stops(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(SECOND, pack)
    # the pack's consultee is only for parents who need an interpreter: for this parent there is no route
    edit(pack, "pack.yaml", "        required: false\n        guidance: >-\n          Only where",
         "        required: false\n        when:\n          - {attribute: interpreter, values: [yes]}\n"
         "        guidance: >-\n          Only where")  # fmt: skip
    ws = _open(tmp_path, pack)
    try:
        pid, sid = _parent(ws)
        result = ethics.record_capacity(ws, sid, pid, UNABLE)
        assert not result.consultee_route and "names no consultee" in result.advice
        with pytest.raises(ConsentError, match="names no consultee for this group, so the session stops"):
            consent.record(ws, sid, pid, "paper", _yes(ws, sid, pid), parties={"consultee": CONSULTEE})
        assert consent.latest(ws, sid, pid) is None
        assert "names no consultee" in consent.can_record(ws, sid).reasons[0]
    finally:
        ws.close()


def test_on_the_consultee_route_the_consultee_signs_in_the_participants_place(caring: Workspace) -> None:
    ws = caring
    pid, sid = _parent(ws)
    ethics.record_capacity(ws, sid, pid, UNABLE)
    sig = {"svg": "<svg/>", "name": "A Name"}
    parties = {"consultee": CONSULTEE}
    with pytest.raises(InvalidInput, match="unknown signer\\(s\\) for this consent: participant"):
        consent.record(ws, sid, pid, "written", _yes(ws, sid, pid), parties=parties,
                       signatures={"participant": sig, "researcher": sig})  # fmt: skip
    with pytest.raises(InvalidInput, match="needs the consultee's signature"):
        consent.record(ws, sid, pid, "written", _yes(ws, sid, pid), parties=parties, signatures={"researcher": sig})
    done = consent.record(ws, sid, pid, "written", _yes(ws, sid, pid), parties=parties,
                          signatures={"consultee": sig, "researcher": sig})  # fmt: skip
    rows = ws.idb.execute("SELECT signer FROM signatures WHERE consent_id = ? ORDER BY signer", (done.consent_id,))
    assert [r[0] for r in rows] == ["consultee", "researcher"]
    text = _flat(pdf_text(pdfs.consent_copy_pdf(ws, done.consent_id)))
    assert "this record rests on the advice of a personal consultee" in text and "Consultee A Name, signed" in text


def test_the_copy_says_not_applicable(caring: Workspace) -> None:
    ws = caring
    adult = young_carer(ws, "18-24")
    sid = sessions.new(ws, [adult], "interview", "youth_centre").id
    done = consent.record(ws, sid, adult, "paper", _yes(ws, sid, adult))
    text = _flat(pdf_text(pdfs.consent_copy_pdf(ws, done.consent_id)))
    assert text.count("Answer: Not applicable to this participant (not asked)") == 1
