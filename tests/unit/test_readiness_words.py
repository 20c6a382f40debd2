"""The readiness checklist and what holds a recording back: the core gives ids and facts (no English sentence
from the rules), and one Qt-free table words them for both faces, each through its own translate function;
``pyside6-lupdate`` finds every string of the table for the catalogue."""

from __future__ import annotations

from pathlib import Path

from fieldwork_app import i18n
from fieldwork_app.cli.messages import checklist_line
from fieldwork_app.services import consent, ethics, readiness_words, sessions
from fieldwork_app.services.consent import RecordingBlock
from fieldwork_app.services.sessions import DocumentGap
from fieldwork_app.services.workspace import Workspace
from tests.support.wording import lupdate_strings, table_strings
from tests.unit.test_protocol_rules import ABLE, _yes, person, study  # noqa: F401  (study: a fixture)

TABLE = Path(readiness_words.__file__)


def marked(context: str, text: str) -> str:
    """A translate function that shows what went through it."""
    return f"<{context}|{text}>"


def test_the_core_gives_the_protocols_waiting_task_and_the_documents_as_facts(study: Workspace) -> None:  # noqa: F811
    ws = study
    young = person(ws, age_band="16-17")
    sid = sessions.new(ws, [young], "interview", "clinic", "2030-01-01T10:00", 60).id
    gate = next(i for i in sessions.checklist(ws, sid).items if i.id == "gating")
    (state,) = gate.waiting
    assert (state.participant, state.task.id, state.hold) == (young, "parent-notified", ethics.GatingHold.NOT_DONE)
    assert gate.missing == ()  # no sentence made by the rules
    assert readiness_words.checklist_detail(gate, marked) == (
        f"<Readiness|{young}: 'Notify the parent before the session' is not done yet>"
    )
    gaps = (DocumentGap("topic_guide", "guide-x", "1.0", "superseded"), DocumentGap("consent_form", "", "", "none"))
    words = readiness_words.checklist_detail(
        sessions.ChecklistItem("documents", False, documents=gaps), marked
    )
    assert words == (
        "<Readiness|<Readiness|topic guide> guide-x v1.0 superseded>, <Readiness|no consent form chosen>"
        "<Readiness|; plan a new session, which takes the versions in use>"
    )


def test_what_holds_the_recording_back_is_a_code_each_face_words(study: Workspace) -> None:  # noqa: F811
    ws = study
    young = person(ws, age_band="16-17")
    sid = sessions.new(ws, [young], "interview", "clinic", "2030-01-01T10:00", 60).id
    (hold,) = consent.can_record(ws, sid).holds
    assert (hold.participant, hold.block) == (young, RecordingBlock.GATING)
    assert readiness_words.recording_hold(hold, marked).startswith(
        f"<Readiness|{young}: 'Notify the parent before the session' is not done yet>"
    )
    ethics.mark_done(ws, young, "parent-notified")
    (hold,) = consent.can_record(ws, sid).holds
    assert hold.block is RecordingBlock.CAPACITY_FIRST
    ethics.record_capacity(ws, sid, young, ABLE)
    (hold,) = consent.can_record(ws, sid).holds
    assert hold.block is RecordingBlock.NO_CONSENT
    assert readiness_words.recording_hold(hold, marked) == f"<Readiness|{young} has not given consent>"
    assert consent.can_record(ws, sid).reasons == [f"{young} has not given consent"]  # the core's, for the log
    consent.record(ws, sid, young, "paper", _yes(ws, sid, young), parties={"witness": {"name": "A Witness"}})
    assert consent.can_record(ws, sid).holds == []


def test_the_command_line_words_the_checklist_from_the_same_table(study: Workspace) -> None:  # noqa: F811
    ws = study
    young = person(ws, age_band="16-17")
    sid = sessions.new(ws, [young], "interview", "clinic", "2030-01-01T10:00", 60).id
    for item in sessions.checklist(ws, sid).items:
        detail = readiness_words.checklist_detail(item, i18n.translate)
        label = readiness_words.checklist_label(item, i18n.translate)
        assert checklist_line(item) == f"[{'x' if item.done else ' '}] {label}" + (f"  - {detail}" if detail else "")
    gate = next(i for i in sessions.checklist(ws, sid).items if i.id == "gating")
    assert checklist_line(gate) == (
        f"[ ] tasks the protocol asks for first  - {young}: 'Notify the parent before the session' is not done yet"
    )


def test_lupdate_finds_every_string_of_the_table_in_its_context(tmp_path: Path) -> None:
    table = table_strings(TABLE)
    assert len(table) > 40 and {c for c, _ in table} == {"Readiness"}
    assert lupdate_strings(TABLE, tmp_path) == table


def test_the_microphone_checks_level_is_a_number_each_face_words(study: Workspace) -> None:  # noqa: F811
    ws = study
    pid = person(ws)
    sid = sessions.new(ws, [pid], "interview", "clinic").id
    sessions.record_kit(ws, sid, mic_ok=True, mic_peak_dbfs=-12.4, mic_detail="peak -12 dBFS")
    mic = next(i for i in sessions.checklist(ws, sid).items if i.id == "mic")
    assert mic.done and mic.mic_peak_dbfs == -12.4
    assert readiness_words.checklist_detail(mic, marked) == "<Readiness|peak -12 dBFS>"
    # a kit check kept before the level was kept as a number shows the core's own statement
    sessions.record_kit(ws, sid, mic_peak_dbfs=None)
    mic = next(i for i in sessions.checklist(ws, sid).items if i.id == "mic")
    assert readiness_words.checklist_detail(mic, marked) == "peak -12 dBFS"
