"""The analysis tools on a small analysis folder laid out as ``store unpack`` writes it (no model needed):
transcript text with markers at their times, what a consent refusal skips, the pseudonymisation aid's
matching and where its report may go, and the REFI-QDA export against the schema."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile

from fieldwork_app.analysis.folder import TimedItem, archive_listing, open_analysis_folder
from fieldwork_app.analysis.pseudonymise import load_identity_terms, pseudonymise_folder
from fieldwork_app.analysis.refiqda import export_qdpx
from fieldwork_app.analysis.transcribe import consent_warning, skip_reason, transcribe_folder, transcript_text
from fieldwork_app.errors import InvalidInput
from fieldwork_app.paths import resources_dir

XSD = resources_dir() / "refi-qda/Project-mrt2019.xsd"
NS = {"q": "urn:QDA-XML:project:1.0"}


def _write(root: Path, rel: str, obj: Any) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(json.dumps(obj))


def _session(root: Path, pid: str, sid: str, archiving: bool | None, folder: str | None = None) -> None:
    folder = folder or f"{pid}/{sid}"
    _write(
        root,
        f"{folder}/session.json",
        {
            "session": sid,
            "format": "interview",
            "location_kind": "home",
            "participants": [pid],
            "groups": {pid: "mother"},
            "takes": [
                {"id": f"R-{sid}", "kind": "interview", "take_no": 1, "duration": 2.0},
                {"id": f"C-{sid}", "kind": "consent", "take_no": 1, "duration": 1.0},
            ],
        },
    )
    (root / folder / "audio").mkdir(parents=True)
    soundfile.write(root / folder / "audio/interview-take-1.flac", np.zeros(32000, dtype=np.int16), 16000)
    _write(
        root,
        f"{folder}/markers.json",
        [
            {"recording_id": f"R-{sid}", "position": 0.5, "kind": "sensitive", "label": ""},
            {"recording_id": f"R-{sid}", "position": 1.2, "kind": "quote", "label": "good one"},
        ],
    )
    _write(
        root,
        f"{folder}/notes.json",
        [
            {"recording_id": f"R-{sid}", "position": 1.0, "kind": "note", "text": "pause"},
            {"recording_id": None, "position": None, "kind": "field_note", "text": "a warm room"},
        ],
    )
    _write(
        root,
        f"{folder}/guide-coverage.json",
        {
            "guide": {"id": "guide-mother", "version": "1.0"},
            "questions": [{"question_id": "q1", "state": "covered"}],
        },
    )
    statements = [{"id": "1", "text": "I agree", "required": True, "role": "participation", "answer": True}]
    if archiving is not None:
        statements.append(
            {"id": "O2", "text": "Archive", "required": False, "role": "archiving", "answer": archiving}
        )
    _write(
        root,
        f"{folder}/consent/consent-{pid}.json",
        {"form": {"id": "consent-m", "version": "1.1"}, "statements": statements},
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "analysis"
    _write(root, "index.json", [{"study_id": "a-study"}])
    _session(root, "M-001", "S-0001", archiving=True)
    _session(root, "M-002", "S-0002", archiving=False)
    _session(root, "M-003", "S-0003", archiving=None)
    return root


def test_markers_and_notes_split_a_segment_at_the_word_after_them() -> None:
    segments = [
        {
            "start": 0.0,
            "end": 4.0,
            "text": "one two three four",
            "words": [
                {"word": w, "start": float(i), "end": i + 0.8}
                for i, w in enumerate(["one", "two", "three", "four"])
            ],
        },
        {"start": 5.0, "end": 6.0, "text": "five", "words": [{"word": "five", "start": 5.0, "end": 6.0}]},
    ]
    text = transcript_text(
        segments, [TimedItem("follow_up", "ask again", 1.5, "R")], [TimedItem("note", "", 4.5, "R")]
    )
    assert text.splitlines() == [
        "[00:00:00] one two",
        "[00:00:01] <<Follow up: ask again>>",
        "[00:00:02] three four",
        "[00:00:04] <<Note>>",
        "[00:00:05] five",
    ]


def test_consent_refusals_skip_and_consent_recordings_are_not_takes(folder: Path) -> None:
    af = open_analysis_folder(folder)
    assert [t.audio_rel for t in af.takes] == [
        f"M-00{i}/S-000{i}/audio/interview-take-1.flac" for i in (1, 2, 3)
    ]
    reasons = {t.session_id: skip_reason(af, t) for t in af.takes}
    assert reasons == {
        "S-0001": None,
        "S-0002": "M-002 declined archiving (consent form consent-m 1.1)",
        "S-0003": None,
    }
    assert {t.session_id: consent_warning(af, t) for t in af.takes} == {
        "S-0001": None,
        "S-0002": None,
        "S-0003": None,
    }
    (folder / "M-003/S-0003/consent/consent-M-003.json").write_text(
        json.dumps(
            {"form": {"id": "consent-old", "version": "1.0"}, "statements": [{"id": "1", "answer": False}]}
        )
    )
    (folder / "M-002/S-0002/consent/consent-M-002.json").unlink()
    af = open_analysis_folder(folder)
    assert {t.session_id: consent_warning(af, t) for t in af.takes} == {
        "S-0001": None,
        "S-0002": "no consent record for M-002 in the folder",
        "S-0003": "M-003's consent record (consent-old 1.0) names no statement roles: check by hand",
    }


def test_a_withdrawn_take_is_neither_transcribed_nor_exported(folder: Path, tmp_path: Path) -> None:
    _write(folder, "withdrawals.json", [{"delete": ["M-001/S-0001/audio/interview-take-1.flac"]}])
    assert [t.session_id for t in open_analysis_folder(folder).takes] == ["S-0002", "S-0003"]
    export_qdpx(folder, tmp_path / "p.qdpx")
    root = ET.fromstring(zipfile.ZipFile(tmp_path / "p.qdpx").read("project.qde"))
    assert not any("S-0001" in (a.get("name") or "") for a in root.iterfind(".//q:AudioSource", NS))


def test_bad_files_are_located_errors(folder: Path, tmp_path: Path) -> None:
    (folder / "M-001/S-0001/session.json").write_text('{"session": "S-0001", "participants": "M-001"}')
    with pytest.raises(InvalidInput, match=r"M-001/S-0001/session.json: 'participants' must be a list"):
        open_analysis_folder(folder)
    (folder / "M-001/S-0001/session.json").write_text("{")
    with pytest.raises(InvalidInput, match=r"M-001/S-0001/session.json: not valid JSON"):
        open_analysis_folder(folder)
    with pytest.raises(InvalidInput, match="is not an analysis folder"):
        open_analysis_folder(tmp_path / "nowhere")
    model = tmp_path / "model"
    model.mkdir()
    (model / "model.bin").write_bytes(b"")
    (folder / "M-001/S-0001/session.json").unlink()
    with pytest.raises(InvalidInput, match="missing config.json, tokenizer.json, vocabulary.txt"):
        transcribe_folder(folder, model)


def test_identity_terms_names_and_places(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "identity/S-0001/participants/M-001.json",
        {
            "participant": "M-001",
            "name": "Amy Li",
            "preferred_name": "Ames",
            "address": "Flat 2, 14 Larkspur Road\nLeeds",
            "postcode": "LS6 2AB",
        },
    )
    terms = {(t.text, t.kind, t.participant_id) for t in load_identity_terms(tmp_path)}
    assert {
        ("Amy Li", "name", "M-001"),
        ("Amy", "name", "M-001"),
        ("Li", "name", "M-001"),
        ("Ames", "name", "M-001"),
        ("Larkspur Road", "place", "M-001"),
        ("14 Larkspur Road", "place", "M-001"),
        ("Leeds", "place", "M-001"),
        ("LS6 2AB", "place", "M-001"),
    } <= terms
    with pytest.raises(InvalidInput, match="no identity records found"):
        load_identity_terms(tmp_path / "identity/S-0001/participants")


def _draft(folder: Path, text: str) -> Path:
    base = folder / "M-001/S-0001/transcripts/interview-take-1"
    base.parent.mkdir(parents=True, exist_ok=True)
    base.with_suffix(".txt").write_text(text)
    base.with_suffix(".vtt").write_text(f"WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\n{text}\n")
    words = [{"word": w, "start": 0.0, "end": 0.1} for w in text.split()]
    base.with_suffix(".json").write_text(
        json.dumps(
            {
                "format": "fieldwork-transcript",
                "take": {},
                "segments": [{"start": 0, "end": 2, "text": text, "words": words}],
            }
        )
    )
    return base


def test_pseudonymise_whole_words_only_and_never_into_the_folder(folder: Path, tmp_path: Path) -> None:
    ident = tmp_path / "ident"
    _write(
        ident,
        "identity/S-0001/participants/M-001.json",
        {"participant": "M-001", "name": "Amy Li", "address": "14 Larkspur Road, Leeds"},
    )
    base = _draft(
        folder, "[00:00:00] amy went to larkspur  road; Amyloid in Leedsville, and Road works. AMY LI!"
    )
    with pytest.raises(InvalidInput, match="cannot go inside the analysis folder"):
        pseudonymise_folder(folder, ident, folder / "r.json")
    with pytest.raises(InvalidInput, match="must not be inside the analysis folder"):
        pseudonymise_folder(folder, folder / "M-001", tmp_path / "r.json")
    report = pseudonymise_folder(folder, ident, tmp_path / "r.json", replace=True, tag="name")
    assert [(f.kind, f.found, f.replacement) for f in report.findings] == [
        ("name", "amy", "[name]"),
        ("place", "larkspur  road", "[place]"),
        ("name", "AMY LI", "[name]"),
    ]
    assert base.with_suffix(".txt").read_text() == (
        "[00:00:00] [name] went to [place]; Amyloid in Leedsville, and Road works. [name]!"
    )
    doc = json.loads(base.with_suffix(".json").read_text())
    assert [w["word"] for w in doc["segments"][0]["words"]][:5] == [
        "[00:00:00]",
        "[redacted]",
        "went",
        "to",
        "[redacted]",
    ]
    assert "Road" in [w["word"] for w in doc["segments"][0]["words"]]  # not part of a match there
    assert "amy" not in base.with_suffix(".vtt").read_text().lower().replace("amyloid", "")
    assert doc["pseudonymised"]["replaced"] == 3 and "Amy" not in json.dumps(doc["pseudonymised"])


def test_export_without_transcripts_is_valid_and_names_every_file(folder: Path, tmp_path: Path) -> None:
    from lxml import etree

    _write(
        folder, "M-003/S-0003/notes.json", [{"kind": "field_note", "text": "tab\there \x01 <b>&amp;\ufffe"}]
    )

    report = export_qdpx(folder, tmp_path / "s.qdpx")
    assert (report.cases, report.sources, report.transcripts, report.codes) == (3, 3, 0, 2)
    assert len(report.without_transcript) == 3
    with zipfile.ZipFile(tmp_path / "s.qdpx") as z:
        qde = z.read("project.qde")
        names = set(z.namelist())
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(etree.fromstring(qde)), schema.error_log
    root = ET.fromstring(qde)
    paths = [a.get("path", "") for a in root.iterfind(".//q:AudioSource", NS)]
    assert all(p.startswith("internal://") and f"Sources/{p[11:]}" in names for p in paths)
    assert sorted(c.get("name", "") for c in root.iterfind(".//q:Code", NS)) == ["Quote", "Sensitive"]
    assert "tab\there  <b>&amp;" in [
        n.findtext("q:PlainTextContent", "", NS) for n in root.iterfind(".//q:Note", NS)
    ]
    # the same folder exported again: the same ids
    export_qdpx(folder, tmp_path / "again.qdpx")
    again = ET.fromstring(zipfile.ZipFile(tmp_path / "again.qdpx").read("project.qde"))
    assert [e.get("guid") for e in root.iter()] == [e.get("guid") for e in again.iter()]
    with pytest.raises(InvalidInput, match="ends in .qdpx"):
        export_qdpx(folder, tmp_path / "s.zip")


def test_long_takes_go_to_the_model_in_windows_cut_in_a_pause(tmp_path: Path) -> None:
    from fieldwork_app.analysis.transcribe import windows_16k

    rate = 48000
    t = np.arange(rate * 130) / rate
    voiced = (t % 7.0) < 5.5  # 5.5 s of "speech", 1.5 s of pause, over and over
    tone = (0.3 * np.sin(2 * np.pi * 440 * t) * voiced).astype(np.float32)
    soundfile.write(tmp_path / "take.flac", tone, rate, subtype="PCM_16")
    got = list(windows_16k(tmp_path / "take.flac", window=50.0))
    assert len(got) >= 3 and all(30 * 16000 <= len(pcm) <= 50 * 16000 for _, pcm in got[:-1])
    offsets = [off for off, _ in got]
    assert offsets[0] == 0.0 and all(
        not voiced[int(off * rate)] for off in offsets[1:]
    )  # each cut in a pause
    assert abs(sum(len(pcm) for _, pcm in got) - 130 * 16000) <= 3
    for (off, pcm), nxt in zip(got, [*offsets[1:], 130.0], strict=True):
        assert abs(off + len(pcm) / 16000 - nxt) < 0.001  # nothing lost or doubled between windows
    spectrum = np.abs(np.fft.rfft(got[0][1][: 16000 * 5]))
    assert abs(np.argmax(spectrum) * 16000 / (16000 * 5) - 440) < 1  # resampled, not sped up


def test_a_focus_group_is_one_source_for_every_participant_and_skipped_if_one_declined(
    folder: Path, tmp_path: Path
) -> None:
    _session(folder, "P-001", "S-0004", archiving=True, folder="focus-groups/S-0004")
    doc = json.loads((folder / "focus-groups/S-0004/session.json").read_text())
    doc["participants"] = ["P-001", "P-002"]
    doc["groups"] = {"P-001": "practitioner", "P-002": "practitioner"}
    (folder / "focus-groups/S-0004/session.json").write_text(json.dumps(doc))
    for pid, archiving in (("P-001", True), ("P-002", False)):
        statements = [
            {"id": "O2", "text": "Archive", "required": False, "role": "archiving", "answer": archiving}
        ]
        _write(
            folder,
            f"focus-groups/S-0004/consent/consent-{pid}.json",
            {"form": {"id": "consent-p", "version": "1.0"}, "statements": statements},
        )
    af = open_analysis_folder(folder)
    (take,) = [t for t in af.takes if t.session_id == "S-0004"]
    assert take.label == "P-001+P-002 S-0004 interview-take-1" and take.participant_ids == ["P-001", "P-002"]
    listing = {r["participant"]: r for r in archive_listing(af)}
    assert listing["P-001"]["may_archive"] and listing["P-001"]["held_back"] == ["focus-groups/S-0004"]
    assert listing["P-001"]["reason"] == (
        "may be archived, except the shared session folder(s) focus-groups/S-0004: another participant in them "
        "withdrew or did not agree to archiving"
    )
    assert not listing["P-002"]["may_archive"]
    assert skip_reason(af, take) == "P-002 declined archiving (consent form consent-p 1.0)"
    export_qdpx(folder, tmp_path / "fg.qdpx")
    root = ET.fromstring(zipfile.ZipFile(tmp_path / "fg.qdpx").read("project.qde"))
    (src,) = [a for a in root.iterfind(".//q:AudioSource", NS) if a.get("name") == f"{take.label}.flac"]
    cases = {c.get("name"): c for c in root.iterfind(".//q:Case", NS)}
    for pid in ("P-001", "P-002"):
        assert [r.get("targetGUID") for r in cases[pid].iterfind("q:SourceRef", NS)] == [src.get("guid")]


def test_export_marks_who_may_be_quoted_and_archived(folder: Path, tmp_path: Path) -> None:
    consent = json.loads((folder / "M-002/S-0002/consent/consent-M-002.json").read_text())
    consent["statements"].append({"id": "6", "text": "Quotes", "required": False, "role": "quotes", "answer": False})
    _write(folder, "M-002/S-0002/consent/consent-M-002.json", consent)
    consent = json.loads((folder / "M-001/S-0001/consent/consent-M-001.json").read_text())
    consent["statements"].append({"id": "6", "text": "Quotes", "required": False, "role": "quotes", "answer": True})
    _write(folder, "M-001/S-0001/consent/consent-M-001.json", consent)
    af = open_analysis_folder(folder)
    assert af.archive_status("M-001") == (True, "may be archived")
    assert af.archive_status("M-002") == (False, "not for archive: declined archiving")
    assert af.archive_status("M-003") == (
        False, "not for archive: the consent form consent-m 1.1 asks nothing about archiving"
    )  # fmt: skip
    export_qdpx(folder, tmp_path / "s.qdpx")
    root = ET.fromstring(zipfile.ZipFile(tmp_path / "s.qdpx").read("project.qde"))
    names = {v.get("guid"): v.get("name") for v in root.iterfind(".//q:Variable", NS)}
    cases = {
        c.get("name"): {
            names[vv.find("q:VariableRef", NS).get("targetGUID")]: vv.findtext("q:TextValue", None, NS)
            for vv in c.iterfind("q:VariableValue", NS)
        }
        for c in root.iterfind(".//q:Case", NS)
    }
    assert (cases["M-001"]["quotes"], cases["M-001"]["archive"]) == ("quotes allowed", "may be archived")
    assert (cases["M-002"]["quotes"], cases["M-002"]["archive"]) == ("no quotes", "not for archive: declined archiving")
    assert "quotes" not in cases["M-003"]  # the form asks nothing about quotes
    # a participant who withdrew is not for archive, whatever she agreed to
    _write(folder, "withdrawals.json", [{"participant_ids": "M-001", "scope": "no_further_data", "delete": []}])
    assert open_analysis_folder(folder).archive_status("M-001") == (False, "not for archive: withdrew")


def test_the_archive_list_from_the_command_line(folder: Path) -> None:
    from tests.integration.test_cli import assert_one_line_error, run

    _session(folder, "M-001", "S-0009", archiving=True, folder="joint-interviews/S-0009")
    doc = json.loads((folder / "joint-interviews/S-0009/session.json").read_text())
    doc["participants"], doc["format"] = ["M-001", "M-002"], "joint_interview"
    (folder / "joint-interviews/S-0009/session.json").write_text(json.dumps(doc))
    out = run("analysis", "archive", str(folder)).stdout.splitlines()
    assert out == [
        "M-001: may be archived, except the shared session folder(s) joint-interviews/S-0009: another participant "
        "in them withdrew or did not agree to archiving (M-001/S-0001, joint-interviews/S-0009)",
        "M-002: not for archive: declined archiving (M-002/S-0002, joint-interviews/S-0009)",
        "M-003: not for archive: the consent form consent-m 1.1 asks nothing about archiving (M-003/S-0003)",
        "Leave out of an archive deposit: M-002, M-003",
        "Leave out of an archive deposit (shared sessions): joint-interviews/S-0009",
    ]
    rows = json.loads(run("analysis", "archive", str(folder), "--json").stdout)
    assert [r["participant"] for r in rows if r["may_archive"]] == ["M-001"]
    assert_one_line_error(run("analysis", "archive", str(folder.parent), ok=False), "is not an analysis folder")
