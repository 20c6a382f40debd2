"""The StudyPack model API that consent, recording and session code build on."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pydantic import ValidationError

from fieldwork_app.domain.pack import (
    ConsentForm,
    DocumentKind,
    DocumentStatus,
    Group,
    SessionFormat,
    StatementRole,
    StudyPack,
    TopicGuide,
    VerbalConsentScript,
    version_key,
)
from fieldwork_app.errors import NotFound
from fieldwork_app.studypack import example_pack_path, load_pack, pack_digest


@pytest.fixture(scope="module")
def pack() -> StudyPack:
    return load_pack(example_pack_path())


def test_study_details(pack: StudyPack) -> None:
    assert pack.id == "mothers-on-the-margins"
    assert pack.study.iras_id == "336543"
    assert pack.study.rec_reference == "24/SC/0259"
    assert pack.study.rec_opinion_date == date(2024, 8, 19)
    assert pack.study.end_date == date(2029, 1, 31)
    assert pack.study.sponsor == "King's College London"


def test_groups_and_ids(pack: StudyPack) -> None:
    assert [g.id for g in pack.groups] == ["mother", "family", "practitioner"]
    assert pack.group("mother").format_id(1) == "M-001"
    assert pack.group("family").format_id(42) == "F-042"
    assert pack.group("practitioner").format_id(1234) == "P-1234"
    assert pack.group("family").linked_to == "mother"
    assert SessionFormat.FOCUS_GROUP in pack.group("practitioner").session_formats
    with pytest.raises(NotFound):
        pack.group("nobody")
    with pytest.raises(ValueError):
        pack.group("mother").format_id(0)


def test_document_lookup_by_version(pack: StudyPack) -> None:
    latest = pack.document("pis-mother")
    assert latest.version == "1.1" and latest.status is DocumentStatus.IN_USE
    old = pack.document("pis-mother", "1.0")
    assert old.status is DocumentStatus.SUPERSEDED
    with pytest.raises(NotFound):
        pack.document("pis-mother", "7.0")
    with pytest.raises(NotFound):
        pack.document("no-such-document")


def test_in_use_consent_form_and_its_sheet(pack: StudyPack) -> None:
    form = pack.in_use(DocumentKind.CONSENT_FORM, "mother", SessionFormat.INTERVIEW)
    assert isinstance(form, ConsentForm)
    assert (form.id, form.version) == ("consent-mother-interview", "1.1")
    assert form.information_sheet == "pis-mother"
    sheet = pack.in_use(DocumentKind.INFORMATION_SHEET, "mother", "interview")
    assert sheet is not None and sheet.id == form.information_sheet
    assert sheet.version == form.information_sheet_version
    assert [s.id for s in form.statements] == ["1", "2", "3", "4", "5", "6", "7", "8", "O1", "O2"]
    assert form.recording_statement_ids() == ["3"]
    assert form.statement("1").role is StatementRole.INFORMATION_SHEET
    assert not form.statement("O1").required
    assert "O1" not in form.required_statement_ids()
    with pytest.raises(NotFound):
        form.statement("99")


def test_focus_group_documents(pack: StudyPack) -> None:
    form = pack.in_use(DocumentKind.CONSENT_FORM, "practitioner", SessionFormat.FOCUS_GROUP)
    assert isinstance(form, ConsentForm) and form.id == "consent-practitioner-focus-group"
    assert any("not repeat outside the group" in s.text for s in form.statements)
    guide = pack.in_use(DocumentKind.TOPIC_GUIDE, "practitioner", SessionFormat.FOCUS_GROUP)
    assert isinstance(guide, TopicGuide) and guide.ground_rules
    interview_form = pack.in_use(DocumentKind.CONSENT_FORM, "practitioner", SessionFormat.INTERVIEW)
    assert interview_form is not None and interview_form.id == "consent-practitioner-interview"
    assert pack.in_use(DocumentKind.CONSENT_FORM, "mother", SessionFormat.FOCUS_GROUP) is None


def test_verbal_script_matches_its_form(pack: StudyPack) -> None:
    script = pack.in_use(DocumentKind.VERBAL_CONSENT_SCRIPT, "mother", "interview")
    assert isinstance(script, VerbalConsentScript)
    form = pack.document(script.consent_form, script.consent_form_version)
    assert isinstance(form, ConsentForm)
    for statement in form.statements:
        assert script.prompt_for(statement.id)
    assert pack.documents_in_use(DocumentKind.VERBAL_CONSENT_SCRIPT, "family", "interview") == []


def test_topic_guide_structure(pack: StudyPack) -> None:
    guide = pack.in_use(DocumentKind.TOPIC_GUIDE, "mother", "interview")
    assert isinstance(guide, TopicGuide)
    assert [s.id for s in guide.sections] == ["A", "B", "C", "close"]
    assert guide.planned_minutes == 55
    sensitive = [q.id for s in guide.sections for q in s.questions if q.sensitive]
    assert sensitive == ["A2", "B2", "C1"]
    assert {p.type.value for s in guide.sections for q in s.questions for p in q.probes} == {
        "amplificatory",
        "exploratory",
        "explanatory",
        "clarificatory",
    }


def test_protocols(pack: StudyPack) -> None:
    assert [s.level for s in pack.distress_protocol.stages] == [1, 2, 3]
    assert pack.distress_protocol.pause_recording_by_default is True
    assert pack.distress_protocol.stage(3).name == "Severe"
    assert pack.lone_working.check_in_grace_minutes == 15
    assert [s.after_minutes for s in pack.lone_working.check_out_escalation] == [0, 15, 30, 45]
    phones = {e.id: e.phone for e in pack.signposting.entries}
    assert phones["samaritans"] == "116 123" and phones["emergency"] == "999"
    assert {e.id for e in pack.signposting.for_group("practitioner")} >= {"samaritans", "gp"}
    assert "perinatal-team" not in {e.id for e in pack.signposting.for_group("practitioner")}
    assert pack.data_rules.audio_warning_days == 7
    assert pack.sync.study_public_key == ""


def test_json_round_trip(pack: StudyPack) -> None:
    data = json.loads(json.dumps(pack.model_dump(mode="json")))
    again = StudyPack.model_validate(data)
    assert again == pack
    assert pack_digest(again) == pack_digest(pack)


def test_digest_changes_with_content(pack: StudyPack) -> None:
    data = pack.model_dump(mode="json")
    data["study"]["short_title"] = "Something else"
    assert pack_digest(StudyPack.model_validate(data)) != pack_digest(pack)
    assert len(pack_digest(pack)) == 64


def test_models_are_frozen_and_strict(pack: StudyPack) -> None:
    with pytest.raises(ValidationError):
        pack.study.title = "changed"  # type: ignore[misc]
    data = pack.model_dump(mode="json")
    data["surprise"] = 1
    with pytest.raises(ValidationError):
        StudyPack.model_validate(data)


def test_approved_document_needs_approval_in_the_model(pack: StudyPack) -> None:
    data = pack.model_dump(mode="json")
    data["documents"][0]["approval"] = None
    with pytest.raises(ValidationError, match="needs an approval"):
        StudyPack.model_validate(data)


def test_group_id_pattern_rules() -> None:
    base = {"id": "g", "label": "G", "session_formats": ["interview"], "location_kinds": ["home"]}
    assert Group.model_validate({**base, "id_pattern": "G{n}"}).format_id(7) == "G7"
    for bad in ["G", "G-{m}", "{n:99999d}", "G {n}", "G-{n!r}", "{{n}}"]:
        with pytest.raises(ValidationError):
            Group.model_validate({**base, "id_pattern": bad})


def test_study_public_key_must_be_an_age_recipient(pack: StudyPack) -> None:
    data = pack.model_dump(mode="json")
    data["sync"]["study_public_key"] = "ssh-ed25519 AAAA"
    with pytest.raises(ValidationError, match="age public key"):
        StudyPack.model_validate(data)
    data["sync"]["study_public_key"] = "age1" + "q" * 58
    assert StudyPack.model_validate(data).sync.study_public_key.startswith("age1")
    data["sync"]["identity_public_key"] = "not a key"
    with pytest.raises(ValidationError, match="age public key"):
        StudyPack.model_validate(data)


def test_version_key_orders_numerically() -> None:
    assert version_key("1.10") > version_key("1.9")
    assert sorted(["2", "1.10", "1.2"], key=version_key) == ["1.2", "1.10", "2"]
