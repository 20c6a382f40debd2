"""The whole researcher's flow on both example packs: the first study (format 1) and Caring Lives
(format 2): participant, screening, consent, session, recording, close-out.

Real parts: SQLCipher vaults, the PulseAudio virtual microphone through PortAudio, the packs as shipped.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from fieldwork_app.domain import conditions
from fieldwork_app.domain.pack import ConsentForm, StudyPack
from fieldwork_app.errors import FieldworkError
from fieldwork_app.paths import DataDir
from fieldwork_app.services import closeout, consent, ethics, participants, recording, sessions, workspace
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.studypack import example_pack_path, load_pack
from fieldwork_app.vault import FAST_KDF
from tests.support.people import with_required
from tests.support.vaults import PASSPHRASE, USER

pytestmark = [pytest.mark.audio]

PACKS = example_pack_path().parent
FIRST = PACKS / "mothers-on-the-margins"
SECOND = PACKS / "caring-lives"


def fresh(tmp_path: Path, pack_dir: Path) -> Workspace:
    ws, _recovery = workspace.create(DataDir(tmp_path / "vault"), USER, PASSPHRASE, "researcher", FAST_KDF)
    packs_svc.import_pack(ws, pack_dir)
    return ws


def screened(ws: Workspace, pack: StudyPack, group_id: str, **kwargs: object) -> str:
    given = kwargs.pop("attributes", None)
    attrs = with_required(pack, group_id, given)  # type: ignore[arg-type]
    pid = participants.add(ws, group_id, attributes=attrs, **kwargs).id  # type: ignore[arg-type]
    answers = {c.id: c.eligible_answer for c in pack.group(group_id).eligibility}
    assert participants.screen(ws, pid, answers)
    return pid


def protocol_steps(ws: Workspace, sid: str, pid: str) -> dict[str, dict[str, object]]:
    """What the pack's protocol asks for before this participant's consent: its tasks marked done, capacity
    assessed at this session; returns the witness and interpreter to name with the consent."""
    for st in ethics.gating_state(ws, pid, sid):
        if st.problem:  # told in time: three days ago, before a session with its date set
            ethics.mark_done(ws, pid, st.task.id, on=(date.today() - timedelta(days=3)).isoformat())
            if sessions.get(ws, sid).planned_start is None:
                sessions.set_schedule(ws, sid, datetime.now().strftime("%Y-%m-%dT%H:%M"), 60)
    rule = ethics.capacity_rule(ws, pid)
    if rule is not None:
        assert ethics.record_capacity(ws, sid, pid, {c.value: True for c in rule.criteria}).has_capacity
    return {r.role.value: {"name": "A Person", "agreement": True} for r in consent.parties_needed(ws, pid)}


def consent_all(ws: Workspace, sid: str, pid: str, decline: tuple[str, ...] = ()) -> None:
    tpl = consent.template(ws, sid, pid)
    answers = {k: k not in decline for k in tpl}
    if ethics.gating_state(ws, pid, sid) or ethics.capacity_rule(ws, pid) is not None:
        with pytest.raises(FieldworkError):  # the protocol's steps come first
            consent.record(ws, sid, pid, "paper", answers)
    parties = protocol_steps(ws, sid, pid)
    result = consent.record(ws, sid, pid, "paper", answers, parties=parties)
    assert result.complete


def record_take(ws: Workspace, sid: str, seconds: float = 1.5) -> None:
    take = recording.start_take(ws, sid)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(0.05)
    recording.add_marker(ws, sid, "quote", "a marker", take.position, take.recording_id)
    summary = take.finish(ws)
    assert summary.error is None and summary.duration_seconds > 1.0


def close(ws: Workspace, sid: str, pack: StudyPack, group_id: str) -> None:
    entries = [e.id for e in pack.signposting.for_group(group_id)][:2]
    closeout.save(ws, sid, wellbeing="fine", signposting_given=entries, field_notes="Neutral field note.")
    done = closeout.complete(ws, sid)
    assert done.body["status"] == "complete"
    assert str(sessions.get(ws, sid).status) == "completed"


@pytest.mark.parametrize(
    ("pack_dir", "age_band"),
    [(FIRST, None), (SECOND, "16-17"), (SECOND, "18-24")],
    ids=["format1", "format2-16-17", "format2-adult"],
)
def test_one_interview_from_screening_to_close_out(
    tmp_path: Path, pack_dir: Path, age_band: str | None, virtual_mic: Any
) -> None:
    virtual_mic.use_sine()
    pack = load_pack(pack_dir)
    ws = fresh(tmp_path, pack_dir)
    try:
        group = pack.groups[0]
        attrs = (
            {"age_band": str(age_band), "language": "en-GB", "interpreter": "no", "area": "north"}
            if pack.attributes
            else None
        )
        pid = screened(ws, pack, group.id, attributes=attrs)
        venue = pack.venues_for(group.id)[1]  # not the home: no lone-working plan needed
        sid = sessions.new(ws, [pid], "interview", venue.kind.value).id
        consent_all(ws, sid, pid)
        rec = consent.latest(ws, sid, pid)
        assert rec is not None
        # the clause for 16-17-year-olds: asked of them, recorded "not applicable" for an adult
        na = [k for k, v in rec["answers"].items() if v == "not_applicable"]
        assert na == (["5"] if age_band == "18-24" else [])
        record_take(ws, sid)
        close(ws, sid, pack, group.id)
    finally:
        ws.close()


def test_format2_attributes_identifying_ones_kept_apart(tmp_path: Path) -> None:
    pack = load_pack(SECOND)
    ws = fresh(tmp_path, SECOND)
    try:
        pid = screened(
            ws, pack, "young-carer",
            attributes={"age_band": "18-24", "interpreter": "yes", "area": "south", "language": "pl"},
        )  # fmt: skip
        research = {r[0] for r in ws.db.execute("SELECT attribute_id FROM participant_attributes")}
        identity = {r[0] for r in ws.idb.execute("SELECT attribute_id FROM identity_attributes")}
        assert research == {"age_band", "interpreter", "language"} and identity == {"area"}
        with ws.vault.transaction() as db:  # recorded before the pack asked for the language
            db.execute("DELETE FROM participant_attributes WHERE attribute_id = 'language'")
        who = participants.who(ws, pid)
        recorded = {"age_band": "18-24", "interpreter": "yes", "area": "south"}
        assert participants.attributes(ws, pid) == recorded
        assert who.attributes == {**recorded, "easy_read": "no", "reading_support": "no"}  # the pack's defaults
        assert participants.missing_attributes(ws, pid) == ["language"]
        roles = [r.role.value for r in conditions.parties_for(pack.group("young-carer"), who)]
        assert roles == ["interpreter"]  # no guardian at 18-24
        assert conditions.gating_tasks_for(pack.group("young-carer"), who) == []
        with pytest.raises(Exception, match="not a value of 'age_band'"):
            participants.set_attributes(ws, pid, {"age_band": "12-15"})
        with pytest.raises(Exception, match="is not an attribute of group"):
            participants.add(ws, "young-carer", attributes={"shoe_size": "5"})
        assert [p.id for p in participants.list_all(ws)] == [pid]  # the refused add wrote nothing
    finally:
        ws.close()


def test_format2_joint_interview_each_consents_and_a_notes_only_choice(tmp_path: Path) -> None:
    pack = load_pack(SECOND)
    ws = fresh(tmp_path, SECOND)
    try:
        yc = screened(ws, pack, "young-carer", attributes={"age_band": "16-17", "area": "north"})
        with pytest.raises(Exception, match="linked to a participant of group 'young-carer'"):
            participants.add(ws, "parent")
        parent = screened(ws, pack, "parent", linked_to=yc)
        sid = sessions.new(ws, [yc, parent], "joint_interview", "home").id
        docs = sessions.documents_for(ws, sid, parent)
        assert docs["form_doc"] == "consent-parent"
        assert sessions.get(ws, sid).guide_doc == "guide-joint"
        consent_all(ws, sid, yc)
        consent_all(ws, sid, parent, decline=("3",))  # the parent declines recording
        assert not consent.can_record(ws, sid).allowed
    finally:
        ws.close()


def test_format2_documents_in_her_language_and_easy_read(tmp_path: Path) -> None:
    pack = load_pack(SECOND)
    ws = fresh(tmp_path, SECOND)
    try:
        wanted = {
            "pl": ({"language": "pl"}, "consent-young-carer-pl", "pis-young-carer-pl"),
            "easy": ({"easy_read": "yes"}, "consent-young-carer-easy-read", "pis-young-carer-easy-read"),
            "en": ({"language": "en-GB"}, "consent-young-carer", "pis-young-carer"),
        }
        for attrs, form_id, pis_id in wanted.values():
            pid = screened(ws, pack, "young-carer", attributes={"age_band": "18-24", **attrs})
            sid = sessions.new(ws, [pid], "interview", "video").id
            docs = sessions.documents_for(ws, sid, pid)
            assert (docs["form_doc"], docs["pis_doc"]) == (form_id, pis_id)
            tpl = consent.template(ws, sid, pid)
            main = pack.document("consent-young-carer")
            assert isinstance(main, ConsentForm)
            # the same statements in every version; statement 5 is for 16-17-year-olds only, so not asked here
            assert list(tpl) == [s.id for s in main.statements if s.id != "5"]
    finally:
        ws.close()


def test_format2_venues_choose_the_guide_and_lone_working(tmp_path: Path) -> None:
    pack = load_pack(SECOND)
    ws = fresh(tmp_path, SECOND)
    try:
        pid = screened(ws, pack, "young-carer", attributes={"age_band": "18-24"})
        centre = sessions.get(ws, sessions.new(ws, [pid], "interview", "youth-centre").id)
        home = sessions.get(ws, sessions.new(ws, [pid], "interview", "home").id)
        assert centre.guide_doc == "guide-young-carer-activity" and home.guide_doc == "guide-young-carer"
        assert centre.location_kind == "youth_centre" and centre.plan["venue"] == "youth-centre"
        assert not sessions.lone_working_applies(ws, centre) and sessions.lone_working_applies(ws, home)
        assert "lone_working" not in {i.id for i in sessions.checklist(ws, centre.id).items}
        assert "lone_working" in {i.id for i in sessions.checklist(ws, home.id).items}
        staff = screened(ws, pack, "staff")
        with pytest.raises(Exception, match="cannot be held at 'home'"):
            sessions.new(ws, [staff], "interview", "home")
        with pytest.raises(Exception, match="unknown venue or location kind 'garden'"):
            sessions.new(ws, [staff], "interview", "garden")
    finally:
        ws.close()


def test_format2_withdrawal_cutoff_counts_from_the_session(tmp_path: Path) -> None:
    pack = load_pack(SECOND)
    ws = fresh(tmp_path, SECOND)
    try:
        pid = screened(ws, pack, "young-carer", attributes={"age_band": "18-24"})
        assert participants.cutoff(ws, pid) is None  # no session yet: before the cut-off
        assert participants.before_cutoff(ws, pid, "2030-01-01") is True
        sid = sessions.new(ws, [pid], "interview", "video").id
        consent_all(ws, sid, pid, decline=("3",))  # notes only
        closeout.save(ws, sid, wellbeing="fine")
        closeout.complete(ws, sid)
        done = sessions.get(ws, sid).completed_at
        assert done is not None
        last = date.fromisoformat(done[:10]) + timedelta(days=14)
        assert participants.cutoff(ws, pid) == last
        assert participants.before_cutoff(ws, pid, last.isoformat()) is True
        assert participants.before_cutoff(ws, pid, (last + timedelta(days=1)).isoformat()) is False
    finally:
        ws.close()


def test_format1_pack_has_no_cutoff_rule(ws: Workspace) -> None:
    pid = participants.add(ws, "mother").id
    assert participants.cutoff(ws, pid) is None and participants.before_cutoff(ws, pid, "2030-01-01") is None
