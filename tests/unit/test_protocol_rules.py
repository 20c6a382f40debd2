"""The protocol's rules from a format-2 pack, on a real vault: a gating task holds the session back until
done, capacity is assessed per session where the pack asks, a witness and an interpreter are recorded with
the consent, and a participant's declined statements are honoured (quotes, future contact)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from fieldwork_app.cli.messages import checklist_detail, cli_text
from fieldwork_app.domain.pack import StatementRole
from fieldwork_app.errors import ConsentError, ErrorCode, FieldworkError, InvalidInput
from fieldwork_app.paths import DataDir
from fieldwork_app.services import consent, ethics, participants, recording, sessions, tasks, workspace
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.studypack import example_pack_path
from fieldwork_app.vault import FAST_KDF
from tests.support.people import eligible_answers
from tests.support.vaults import PASSPHRASE, USER
from tests.unit.test_studypack_validation import FORM_MOTHER, edit

GROUP_RULES = """    gating_tasks:
      - id: parent-notified
        title: Notify the parent before the session
        when:
          - {attribute: age_band, values: ["16-17"]}
    parties:
      - role: witness
        when:
          - {attribute: age_band, values: ["16-17"]}
      - role: interpreter
        agreement: interpreter-agreement
        when:
          - {attribute: interpreter, values: ["yes"]}
    capacity:
      if_lacking: reschedule
  - id: family
"""

ATTRIBUTES = """
attributes:
  - id: age_band
    label: Age band at consent
    choices:
      - {id: "16-17", label: 16 or 17}
      - {id: adult, label: 18 or over}
  - id: interpreter
    label: Needs an interpreter
    kind: yes_no
"""

AGREEMENT = """kind: consent_form
id: interpreter-agreement
version: "1.0"
date: 2024-07-01
status: in_use
approval:
  reference: 24/SC/0259
  date: 2024-08-19
title: Interpreter's confidentiality agreement
groups: [mother]
session_formats: [interview]
information_sheet: pis-mother
information_sheet_version: "1.1"
party: interpreter
modes: [paper]
statements:
  - id: "1"
    required: true
    text: I will keep everything said in the interview confidential.
"""


def protocol_vault(tmp_path: Path) -> DataDir:
    """A new vault (locked) whose study is the example turned format 2: attributes (age band, needs an
    interpreter), a gating task and a witness for 16-17-year-olds, an interpreter with a confidentiality
    agreement where needed, capacity assessed at each session, and roles on the quotes and future-contact
    statements."""
    data = DataDir(tmp_path / "vault")
    ws, _ = workspace.create(data, USER, PASSPHRASE, "researcher", FAST_KDF)
    pack = tmp_path / "pack"
    shutil.copytree(example_pack_path(), pack)
    edit(pack, "pack.yaml", "pack_format: 1", "pack_format: 2")
    edit(pack, "pack.yaml", "\ngroups:\n", ATTRIBUTES + "\ngroups:\n")
    edit(pack, "pack.yaml", "  - id: family\n", GROUP_RULES)
    edit(
        pack,
        FORM_MOTHER,
        '  - id: "6"\n    required: true\n',
        '  - id: "6"\n    role: quotes\n    required: false\n',
    )
    edit(
        pack,
        FORM_MOTHER,
        "  - id: O1\n    required: false\n",
        "  - id: O1\n    role: future_contact\n    required: false\n",
    )
    (pack / "documents" / "interpreter-agreement-1.0.yaml").write_text(AGREEMENT)
    edit(pack, "pack.yaml", "  - documents/guide-mother-1.0.yaml\n",
         "  - documents/guide-mother-1.0.yaml\n  - documents/interpreter-agreement-1.0.yaml\n")  # fmt: skip
    try:
        packs_svc.import_pack(ws, pack)
    finally:
        ws.close()
    return data


@pytest.fixture
def study(tmp_path: Path) -> Iterator[Workspace]:
    ws = workspace.unlock(protocol_vault(tmp_path), USER, PASSPHRASE)
    try:
        yield ws
    finally:
        ws.close()


def person(ws: Workspace, **attrs: str) -> str:
    p = participants.add(ws, "mother", attributes={"age_band": "adult", "interpreter": "no", **attrs})
    assert participants.screen(ws, p.id, eligible_answers(ws.pack(), "mother"))
    return p.id


def _yes(ws: Workspace, sid: str, pid: str, **overrides: bool | None) -> dict[str, bool | None]:
    return {**{k: True for k in consent.template(ws, sid, pid)}, **overrides}


ABLE = {"understand": True, "retain": True, "weigh_up": True, "communicate": True}


def test_a_gating_task_holds_consent_and_recording_back_until_done(study: Workspace) -> None:
    ws = study
    young = person(ws, age_band="16-17")
    sid = sessions.new(ws, [young], "interview", "clinic", "2030-01-01T10:00", 60).id
    assert [t.id for t in ethics.gating_tasks(ws, young)] == ["parent-notified"]
    gate = next(i for i in sessions.checklist(ws, sid).items if i.id == "gating")
    assert not gate.done and [(st.participant, st.task.title, st.hold) for st in gate.waiting] == [
        (young, "Notify the parent before the session", ethics.GatingHold.NOT_DONE)
    ]
    assert "Notify the parent before the session' is not done yet" in checklist_detail(gate)
    ethics.record_capacity(ws, sid, young, ABLE)
    with pytest.raises(ConsentError, match="is not done yet") as err:
        consent.record(
            ws, sid, young, "paper", _yes(ws, sid, young), parties={"witness": {"name": "A Witness"}}
        )
    assert "fieldwork participant task-done" in cli_text(err.value)  # the command line says how
    facts = {k: err.value.params[k] for k in ("hold", "title", "days", "participant", "task")}
    assert facts == {"hold": "not-done", "title": "Notify the parent before the session", "days": "0",
                     "participant": young, "task": "parent-notified"}  # fmt: skip
    assert consent.latest(ws, sid, young) is None
    assert any("is not done yet" in r for r in consent.can_record(ws, sid).reasons)
    with pytest.raises(InvalidInput, match="no gating task"):
        ethics.mark_done(ws, young, "made-up")
    ethics.mark_done(ws, young, "parent-notified")
    assert next(i for i in sessions.checklist(ws, sid).items if i.id == "gating").done
    consent.record(ws, sid, young, "paper", _yes(ws, sid, young), parties={"witness": {"name": "A Witness"}})
    assert consent.can_record(ws, sid).allowed
    # an adult of the same group has no such task
    adult = person(ws)
    assert ethics.gating_tasks(ws, adult) == []
    s2 = sessions.new(ws, [adult], "interview", "clinic").id
    assert all(i.id != "gating" for i in sessions.checklist(ws, s2).items)


def test_capacity_is_assessed_at_each_session_and_can_stop_it(study: Workspace) -> None:
    ws = study
    pid = person(ws)
    sid = sessions.new(ws, [pid], "interview", "clinic").id
    with pytest.raises(ConsentError, match="capacity to be assessed at this session first"):
        consent.record(ws, sid, pid, "paper", _yes(ws, sid, pid))
    with pytest.raises(InvalidInput, match="missing: communicate"):
        ethics.record_capacity(ws, sid, pid, {k: v for k, v in ABLE.items() if k != "communicate"})
    result = ethics.record_capacity(ws, sid, pid, {**ABLE, "retain": False})
    assert not result.has_capacity and result.outcome == "reschedule" and "rearrange" in result.advice
    with pytest.raises(ConsentError, match="cannot decide now"):
        consent.record(ws, sid, pid, "paper", _yes(ws, sid, pid))
    with pytest.raises(FieldworkError, match="cannot decide now"):
        recording.start_take(ws, sid)
    ethics.record_capacity(ws, sid, pid, ABLE)  # assessed again later the same day
    consent.record(ws, sid, pid, "paper", _yes(ws, sid, pid))
    assert consent.can_record(ws, sid).allowed
    # the next session needs its own assessment
    s2 = sessions.new(ws, [pid], "interview", "clinic").id
    assert any("capacity to be assessed" in r for r in consent.can_record(ws, s2).reasons)
    with pytest.raises(ConsentError, match="capacity to be assessed"):
        consent.record(ws, s2, pid, "paper", _yes(ws, s2, pid))


def test_witness_and_interpreter_are_recorded_with_the_consent(study: Workspace) -> None:
    ws = study
    pid = person(ws, interpreter="yes")
    sid = sessions.new(ws, [pid], "interview", "clinic").id
    ethics.record_capacity(ws, sid, pid, ABLE)
    with pytest.raises(ConsentError, match="asks for an interpreter at"):
        consent.record(ws, sid, pid, "paper", _yes(ws, sid, pid))
    with pytest.raises(ConsentError) as err:
        consent.record(ws, sid, pid, "paper", _yes(ws, sid, pid), parties={"interpreter": {"name": "I Terp"}})
    assert err.value.message == (
        "consent not recorded: the interpreter signs the confidentiality agreement 'Interpreter's confidentiality "
        f"agreement' before {pid}'s consent; confirm it is signed"
    )  # the form's title, not its id
    assert cli_text(err.value).endswith("confirm it is signed (--interpreter-agreement at the command line)")
    assert consent.latest(ws, sid, pid) is None
    done = consent.record(
        ws,
        sid,
        pid,
        "paper",
        _yes(ws, sid, pid),
        parties={"interpreter": {"name": "I Terp", "agreement": True}},
    )
    rec = consent.latest(ws, sid, pid)
    assert rec is not None and json.loads(rec["parties_json"]) == {
        "interpreter": {"agreement": True, "present": True}
    }
    assert "I Terp" not in json.dumps(rec)  # the name is identity data
    row = ws.idb.execute(
        "SELECT role, name, agreement FROM consent_parties WHERE consent_id = ?", (done.consent_id,)
    ).fetchone()
    assert tuple(row) == ("interpreter", "I Terp", 1)


def test_declined_quotes_warn_the_quote_marker_and_future_contact_makes_a_task(study: Workspace) -> None:
    ws = study
    pid = person(ws)
    sid = sessions.new(ws, [pid], "interview", "clinic").id
    ethics.record_capacity(ws, sid, pid, ABLE)
    consent.record(ws, sid, pid, "paper", _yes(ws, sid, pid, **{"6": False}))
    assert StatementRole.QUOTES in ethics.declined_roles(ws, sid, pid)
    assert ethics.marker_warning(ws, sid, "quote") == (
        f"{pid} did not agree to be quoted: this moment must not be quoted in publications"
    )
    assert ethics.marker_warning(ws, sid, "important") == ""
    made = [t for t in tasks.due(ws) if t.kind == consent.FUTURE_CONTACT]
    assert [(t.participant_id, t.session_id) for t in made] == [(pid, sid)]
    consent.record(ws, sid, pid, "paper", _yes(ws, sid, pid))  # consent again: still one task
    assert len([t for t in tasks.due(ws) if t.kind == consent.FUTURE_CONTACT]) == 1
    assert ethics.marker_warning(ws, sid, "quote") == ""  # the latest consent agrees to quotes
    other = person(ws)
    s2 = sessions.new(ws, [other], "interview", "clinic").id
    ethics.record_capacity(ws, s2, other, ABLE)
    consent.record(ws, s2, other, "paper", _yes(ws, s2, other, O1=False))
    assert not [t for t in tasks.due(ws) if t.participant_id == other]


SECOND = example_pack_path().parent / "caring-lives"


@pytest.fixture
def caring(tmp_path: Path) -> Iterator[Workspace]:
    ws, _ = workspace.create(DataDir(tmp_path / "v2"), USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs_svc.import_pack(ws, SECOND)
        yield ws
    finally:
        ws.close()


def young_carer(ws: Workspace, age_band: str) -> str:
    pid = participants.add(
        ws, "young-carer", attributes={"age_band": age_band, "language": "en-GB", "interpreter": "no", "area": "north"}
    ).id
    assert participants.screen(ws, pid, eligible_answers(ws.pack(), "young-carer"))
    return pid


def days_ago(n: int) -> str:
    return (date.today() - timedelta(days=n)).isoformat()


def test_a_notice_period_counts_back_from_now_and_needs_a_planned_start(caring: Workspace) -> None:
    ws = caring
    young = young_carer(ws, "16-17")
    tomorrow = (datetime.now() + timedelta(days=1)).strftime("%Y-%m-%dT10:00")
    later = (datetime.now() + timedelta(days=10)).strftime("%Y-%m-%dT10:00")
    s_soon = sessions.new(ws, [young], "interview", "youth_centre", tomorrow, 30).id
    s_later = sessions.new(ws, [young], "interview", "youth_centre", later, 30).id
    s_undated = sessions.new(ws, [young], "interview", "phone").id
    guardian = {"guardian": {"name": "G Ardian", "agreement": True}}
    ethics.mark_done(ws, young, "parent-notified")  # told today
    for sid in (s_soon, s_later):  # the planned start is ten days off, but consent taken now is too soon
        with pytest.raises(ConsentError) as err:
            consent.record(ws, sid, young, "paper", _yes(ws, sid, young), parties=guardian)
        assert err.value.code == ErrorCode.GATING_TOO_LATE
        assert "was done on " + date.today().isoformat() + ", less than 2 day(s) before" in err.value.message
        assert "mark it done" not in cli_text(err.value) and "--date YYYY-MM-DD" in cli_text(err.value)
        assert any("less than 2 day(s)" in r for r in consent.can_record(ws, sid).reasons)
    # the readiness checklist plans: ten days off is in time, tomorrow is not, no date cannot be checked
    gate = {sid: next(i for i in sessions.checklist(ws, sid).items if i.id == "gating")
            for sid in (s_soon, s_later, s_undated)}  # fmt: skip
    assert gate[s_later].done and not gate[s_soon].done and not gate[s_undated].done
    ethics.mark_done(ws, young, "parent-notified", on=days_ago(3))  # told three days ago, recorded late
    with pytest.raises(ConsentError) as err:
        consent.record(ws, s_undated, young, "paper", _yes(ws, s_undated, young), parties=guardian)
    assert err.value.code == ErrorCode.GATING_NO_START and "has no planned start" in err.value.message
    assert "--start YYYY-MM-DDTHH:MM" in cli_text(err.value) and "mark it done" not in cli_text(err.value)
    assert consent.latest(ws, s_undated, young) is None
    assert consent.record(ws, s_soon, young, "paper", _yes(ws, s_soon, young), parties=guardian).complete
    with pytest.raises(InvalidInput, match="cannot be after today"):
        ethics.mark_done(ws, young, "parent-notified", on=(date.today() + timedelta(days=1)).isoformat())


def test_a_participant_is_added_with_the_required_attributes_and_refusals_name_one_not_recorded(
    caring: Workspace,
) -> None:
    ws = caring
    with pytest.raises(InvalidInput) as err:
        participants.add(ws, "young-carer", attributes={"age_band": "16-17"})
    assert err.value.code == ErrorCode.ATTRIBUTES_MISSING
    assert err.value.params["missing"] == "language, interpreter, area"
    assert "interpreter (Needs an interpreter: yes, no)" in err.value.message
    assert cli_text(err.value).endswith(
        ": give each with --attr language=VALUE --attr interpreter=VALUE --attr area=VALUE"
    )
    assert participants.list_all(ws) == []  # nothing was added
    # one added before the pack asked for the age band (an earlier version): the refusals name it
    young = young_carer(ws, "16-17")
    with ws.vault.transaction() as db:
        db.execute("DELETE FROM participant_attributes WHERE participant_id = ? AND attribute_id = 'age_band'",
                   (young,))  # fmt: skip
    sid = sessions.new(ws, [young], "interview", "youth_centre", "2030-01-01T10:00", 60).id
    item = next(i for i in sessions.checklist(ws, sid).items if i.id == "attributes")
    assert (item.done, item.missing) == (False, (f"{young}: age_band",))
    ethics.mark_done(ws, young, "parent-notified", on=days_ago(3))
    with pytest.raises(ConsentError, match=f"consent while {young}'s age_band is not recorded \\(record it first"):
        consent.record(ws, sid, young, "paper", _yes(ws, sid, young))
    participants.set_attributes(ws, young, {"age_band": "18-24"})
    assert all(i.id != "attributes" for i in sessions.checklist(ws, sid).items)
    assert consent.record(ws, sid, young, "paper", _yes(ws, sid, young)).complete


def test_a_guardians_consent_is_needed_where_the_pack_asks_for_it(caring: Workspace) -> None:
    ws = caring
    young = young_carer(ws, "16-17")
    sid = sessions.new(ws, [young], "interview", "youth_centre", "2030-01-01T10:00", 60).id
    ethics.mark_done(ws, young, "parent-notified", on=days_ago(3))
    with pytest.raises(ConsentError) as err:
        consent.record(ws, sid, young, "paper", _yes(ws, sid, young))
    assert err.value.message == (
        "consent not recorded: the study's protocol asks for a parent or guardian ('Agreement of a parent or "
        f"guardian (young person aged 16 or 17)') at {young}'s consent; record who it was"
    )
    with pytest.raises(ConsentError) as unconfirmed:
        consent.record(ws, sid, young, "paper", _yes(ws, sid, young), parties={"guardian": {"name": "G Ardian"}})
    assert unconfirmed.value.code is ErrorCode.PARTY_FORM_NOT_CONFIRMED
    form = "Agreement of a parent or guardian (young person aged 16 or 17)"
    assert unconfirmed.value.params == {"role": "guardian", "participant": young, "form": form}
    assert unconfirmed.value.message == (  # the core's statement names no face's way of confirming it
        "consent not recorded: a parent or guardian completes 'Agreement of a parent or guardian (young person "
        f"aged 16 or 17)' with {young}'s consent, and it is not confirmed completed"
    )
    assert consent.latest(ws, sid, young) is None
    done = consent.record(
        ws, sid, young, "paper", _yes(ws, sid, young), parties={"guardian": {"name": "G Ardian", "agreement": True}}
    )
    row = ws.idb.execute("SELECT role, name, agreement FROM consent_parties WHERE consent_id = ?", (done.consent_id,))
    assert tuple(row.fetchone()) == ("guardian", "G Ardian", 1)
    # an 18-year-old of the same group consents alone
    adult = young_carer(ws, "18-24")
    s2 = sessions.new(ws, [adult], "interview", "youth_centre").id
    assert [r.role.value for r in consent.parties_needed(ws, adult)] == []
    assert consent.record(ws, s2, adult, "paper", _yes(ws, s2, adult)).complete


def test_a_summary_asked_for_makes_a_task_and_declined_roles_make_none(caring: Workspace) -> None:
    ws = caring
    keen, quiet = young_carer(ws, "18-24"), young_carer(ws, "18-24")
    # O3 is asked only after a yes to O2: with O2 declined it is not asked, and is left unanswered.
    for pid, overrides in ((keen, {}), (quiet, {"O2": False, "O3": None, "O4": False})):
        sid = sessions.new(ws, [pid], "interview", "youth_centre").id
        consent.record(ws, sid, pid, "paper", _yes(ws, sid, pid, **overrides))
        consent.record(ws, sid, pid, "paper", _yes(ws, sid, pid, **overrides))  # again: still one task each
    made = sorted((t.participant_id, t.kind) for t in tasks.due(ws))
    assert made == [(keen, consent.FUTURE_CONTACT), (keen, consent.SEND_SUMMARY)]
    summary = next(t for t in tasks.due(ws) if t.kind == consent.SEND_SUMMARY)
    assert summary.title == f"{keen} asked for a summary of the findings: send it when there is one"


def test_an_interpreter_needed_puts_a_booking_on_the_readiness_checklist(caring: Workspace) -> None:
    ws = caring
    pid = participants.add(
        ws, "young-carer", attributes={"age_band": "18-24", "language": "pl", "interpreter": "yes", "area": "north"}
    ).id
    assert participants.screen(ws, pid, eligible_answers(ws.pack(), "young-carer"))
    sid = sessions.new(ws, [pid], "interview", "youth_centre", "2030-01-01T10:00", 60).id
    item = next(i for i in sessions.checklist(ws, sid).items if i.id == "interpreter_booked")
    assert (item.done, item.missing) == (False, ("interpreter",))
    assert "interpreter_booked" in sessions.checklist(ws, sid).missing()
    with pytest.raises(InvalidInput, match="only interpreter and witness"):
        sessions.update_plan(ws, sid, {"booked": {"caterer": True}})
    sessions.update_plan(ws, sid, {"booked": {"interpreter": True}})
    assert next(i for i in sessions.checklist(ws, sid).items if i.id == "interpreter_booked").done
    # no interpreter needed: nothing to book
    other = young_carer(ws, "18-24")
    s2 = sessions.new(ws, [other], "interview", "youth_centre").id
    assert all(not i.id.endswith("_booked") for i in sessions.checklist(ws, s2).items)


def test_a_withdrawal_keeps_what_is_kept_out_of_the_archive_deposit(caring: Workspace) -> None:
    ws = caring
    pid = young_carer(ws, "18-24")
    participants.withdraw(ws, pid, "no_further_data", "2030-01-01")
    (row,) = participants.withdrawals(ws)
    assert json.loads(row["actions_json"]) == [
        "data kept after the withdrawal is left out of the archive deposit (UK Data Service (ReShare))"
    ]


def test_a_consultee_the_pack_requires_is_named_with_the_consent(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(SECOND, pack)
    edit(pack, "pack.yaml", "        form: declaration-consultee\n        required: false\n",
         "        form: declaration-consultee\n        required: true\n")  # fmt: skip
    ws, _ = workspace.create(DataDir(tmp_path / "v3"), USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs_svc.import_pack(ws, pack)
        young = young_carer(ws, "18-24")
        parent = participants.add(
            ws, "parent", linked_to=young, attributes={"language": "en-GB", "interpreter": "no", "area": "north"}
        ).id
        assert participants.screen(ws, parent, eligible_answers(ws.pack(), "parent"))
        sid = sessions.new(ws, [parent], "interview", "video").id
        ethics.record_capacity(ws, sid, parent, ABLE)
        needed = f"asks for a consultee \\('Personal consultee declaration'\\) at {parent}'s consent"
        with pytest.raises(ConsentError, match=needed):
            consent.record(ws, sid, parent, "paper", _yes(ws, sid, parent))
        with pytest.raises(ConsentError) as unconfirmed:
            consent.record(ws, sid, parent, "paper", _yes(ws, sid, parent), parties={"consultee": {"name": "C"}})
        assert unconfirmed.value.code is ErrorCode.PARTY_FORM_NOT_CONFIRMED
        assert unconfirmed.value.params == {
            "role": "consultee", "participant": parent, "form": "Personal consultee declaration"
        }
        done = consent.record(
            ws, sid, parent, "paper", _yes(ws, sid, parent), parties={"consultee": {"name": "C", "agreement": True}}
        )
        assert done.complete
    finally:
        ws.close()


def test_a_joint_interview_is_bundled_as_one_not_as_a_focus_group(caring: Workspace) -> None:
    from fieldwork_app.services.sync import bundles

    ws = caring
    young = young_carer(ws, "18-24")
    parent = participants.add(ws, "parent", young, {"language": "en-GB", "interpreter": "no", "area": "north"}).id
    assert participants.screen(ws, parent, eligible_answers(ws.pack(), "parent"))
    sid = sessions.new(ws, [young, parent], "joint_interview", "home").id
    spec = bundles.session_spec(ws, "b-1", sid)
    assert spec.records["folder"] == f"joint-interviews/{sid}"
    assert {e.path.split("/")[0] for e in spec.entries} == {"joint-interviews"}
    assert bundles.session_folder("S-0009", ["ST-001", "ST-002"], "focus_group") == "focus-groups/S-0009"


def test_the_research_consent_copy_states_who_took_part_and_the_capacity_outcome_without_names(
    caring: Workspace,
) -> None:
    from fieldwork_app.services import pdfs
    from fieldwork_app.services.sync import bundles
    from tests.unit.test_pdfs import pdf_text

    ws = caring
    young = young_carer(ws, "16-17")
    parent = participants.add(ws, "parent", young, {"language": "pl", "interpreter": "yes", "area": "north"}).id
    assert participants.screen(ws, parent, eligible_answers(ws.pack(), "parent"))
    sid = sessions.new(ws, [young, parent], "joint_interview", "home", "2030-01-01T10:00", 60).id
    ethics.mark_done(ws, young, "parent-notified", on=days_ago(3))
    consent.record(ws, sid, young, "paper", _yes(ws, sid, young),
                   parties={"guardian": {"name": "Gail Guardian", "agreement": True}})  # fmt: skip
    ethics.record_capacity(ws, sid, parent, {**ABLE, "retain": False})
    ethics.record_capacity(ws, sid, parent, ABLE)  # assessed again: the one in force at the consent counts
    consent.record(ws, sid, parent, "paper", _yes(ws, sid, parent),
                   parties={"interpreter": {"name": "Ivo Interpreter", "agreement": True}})  # fmt: skip
    spec = bundles.session_spec(ws, "b-1", sid)
    produced = {e.path: b"".join(e.produce()) for e in spec.entries if "/consent/" in e.path}
    folder = f"joint-interviews/{sid}/consent"
    yc = json.loads(produced[f"{folder}/consent-{young}.json"])
    pa = json.loads(produced[f"{folder}/consent-{parent}.json"])
    assert yc["others_present"] == {"guardian": {"present": True, "agreed": True}} and yc["capacity"] is None
    assert pa["others_present"] == {"interpreter": {"present": True, "agreed": True}}
    assert pa["capacity"]["can_decide"] is True and pa["capacity"]["criteria"] == ABLE
    text = pdf_text(produced[f"{folder}/consent-{young}.pdf"])
    assert "A parent or guardian was present and agreed (their form completed)." in text
    text = pdf_text(produced[f"{folder}/consent-{parent}.pdf"])
    assert "An interpreter was present and signed the confidentiality agreement." in text
    assert "can decide now (understand: yes, retain: yes, weigh up: yes, communicate: yes)" in text
    everything = b" ".join(produced.values()) + json.dumps(spec.records).encode()
    assert b"Gail" not in everything and b"Ivo" not in everything  # names stay in the identity store
    assert "Gail" not in pdf_text(pdfs.consent_copy_pdf(ws, consent.latest(ws, sid, young)["id"], False))
