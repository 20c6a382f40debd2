"""REFI-QDA project export (``.qdpx``) of an analysis folder, for NVivo, ATLAS.ti, MAXQDA and QualCoder.

A ``.qdpx`` is a ZIP holding ``project.qde`` (XML in the ``urn:QDA-XML:project:1.0`` namespace,
schema: resources/refi-qda/Project-mrt2019.xsd) and ``Sources/`` with every file the project names
as ``internal://<file>``.  What goes in:

* each participant a **case**, with variables: group, their consent answers (one variable per form and
  statement; none for a statement that did not apply to them), session format and venue, "quotes" ("no
  quotes" unless they agreed to them: declined or not applicable) and "archive" ("not for archive" unless they
  affirmed archiving and has not withdrawn); each case refers to their takes;
* each interview take an **audio source** named ``<participant> <session> <file>.flac``, with its
  transcript draft (when there is one) named ``<audio name>.txt`` and a sync point at every segment,
  so the analysis tool links text and audio;
* each marker kind used in the interviews a **code**; each marker an audio selection coded with it;
* timed notes as notes on an audio selection at their time; field and reflexive notes, and the topic
  guide's coverage, as notes on the source.

GUIDs are derived from the study and the item (UUID 5), so exporting twice gives the same ids and an
analysis tool can tell a re-export from a new project.
"""

from __future__ import annotations

import os
import re
import uuid
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fieldwork_app import __version__
from fieldwork_app.analysis.folder import (
    NO_STATEMENT,
    AnalysisFolder,
    Session,
    Take,
    TimedItem,
    hhmmss,
    humanise,
    open_analysis_folder,
    read_json,
)
from fieldwork_app.errors import InvalidInput
from fieldwork_app.sync.state import NullState, TaskState, check_cancel

NS = "urn:QDA-XML:project:1.0"
_NS_UUID = uuid.UUID("5b0f7f0e-2f43-4f5e-9a57-3c1d2c6f1e10")
MARKER_SPAN_MS = 10_000  # a marker without a transcript segment around it codes the next ten seconds
TIMED_NOTE_KINDS = ("note",)

ET.register_namespace("", NS)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_safe(root: ET.Element) -> None:
    """Drop characters XML 1.0 cannot carry (a control character typed into a note would otherwise make
    the whole project unreadable to the analysis tool)."""
    for el in root.iter():
        if el.text:
            el.text = _NOT_XML.sub("", el.text)
        for k, v in el.attrib.items():
            el.attrib[k] = _NOT_XML.sub("", v)


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


@dataclass
class ExportReport:
    out: Path
    cases: int = 0
    sources: int = 0
    transcripts: int = 0
    codes: int = 0
    selections: int = 0
    notes: int = 0
    without_transcript: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {k: (str(v) if isinstance(v, Path) else v) for k, v in self.__dict__.items()}


class _Builder:
    def __init__(self, folder: AnalysisFolder, study: str) -> None:
        self.folder, self.study = folder, study
        self.now = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        self.files: dict[str, Path] = {}  # name in Sources/ -> file on disk
        self.user = self.guid("user", "export")
        self.project = ET.Element(
            _q("Project"),
            {
                "name": study,
                "origin": f"Fieldwork {__version__}",
                "creatingUserGUID": self.user,
                "creationDateTime": self.now,
            },
        )
        self.codes: dict[str, str] = {}  # marker kind -> code guid
        self.variables: dict[str, tuple[str, str, str]] = {}  # name -> (guid, type, description)
        self.case_values: dict[str, dict[str, Any]] = {}  # participant -> variable name -> value
        self.case_sources: dict[str, list[str]] = {}
        self.notes: list[ET.Element] = []

    def guid(self, *parts: str) -> str:
        return str(uuid.uuid5(_NS_UUID, "\x1f".join((self.study, *parts))))

    def variable(self, name: str, kind: str, description: str = "") -> str:
        if name not in self.variables:
            self.variables[name] = (self.guid("variable", name), kind, description)
        return self.variables[name][0]

    def note(self, key: str, name: str, text: str) -> str:
        g = self.guid("note", key)
        el = ET.Element(
            _q("Note"), {"guid": g, "name": name, "creatingUser": self.user, "creationDateTime": self.now}
        )
        ET.SubElement(el, _q("PlainTextContent")).text = text
        self.notes.append(el)
        return g

    def value(self, parent: ET.Element, var_name: str, value: Any) -> None:
        vv = ET.SubElement(parent, _q("VariableValue"))
        ET.SubElement(vv, _q("VariableRef"), {"targetGUID": self.variables[var_name][0]})
        if isinstance(value, bool):
            ET.SubElement(vv, _q("BooleanValue")).text = "true" if value else "false"
        else:
            ET.SubElement(vv, _q("TextValue")).text = str(value)

    # -- per session / take -----------------------------------------------------------------
    def session(self, s: Session) -> list[ET.Element]:
        self.variable("session format", "Text", "interview or focus group")
        self.variable("venue", "Text", "where the session took place (kind of place, never an address)")
        for pid in s.participant_ids:
            vals = self.case_values.setdefault(pid, {})
            if s.groups.get(pid):
                self.variable("group", "Text", "the participant group in the study pack")
                vals["group"] = s.groups[pid]
            for key, v in (("session format", s.format), ("venue", s.venue)):
                if v:
                    vals.setdefault(key, [])
                    if v not in vals[key]:
                        vals[key].append(v)
            consent = s.consents.get(pid)
            if consent is not None and consent.answer("quotes") is not NO_STATEMENT:
                self.variable("quotes", "Text", "whether short quotes may be used in publications (consent)")
                allowed = consent.answer("quotes") is True and vals.get("quotes") != "no quotes"
                vals["quotes"] = "quotes allowed" if allowed else "no quotes"
            if consent is not None:
                self.variable("archive", "Text", "whether the material may go into an archive deposit")
                vals["archive"] = self.folder.archive_status(pid)[1]
                for st in consent.statements:
                    answer = st.get("answer")
                    if not isinstance(answer, bool | str) or answer in ("", "not_applicable"):
                        continue  # a statement that did not apply to them has no value (never a yes or a no)
                    name = f"consent {consent.form.split(' ')[0]} {st.get('id')}".strip()
                    self.variable(
                        name, "Boolean" if isinstance(answer, bool) else "Text", str(st.get("text", ""))
                    )
                    vals[name] = answer
        session_notes = [
            self._session_note(s, n, i)
            for i, n in enumerate(s.notes)
            if n.position is None or n.recording_id is None or n.kind not in TIMED_NOTE_KINDS
        ]
        coverage = self._coverage_note(s)
        return [self.take(s, t, [*session_notes, *([coverage] if coverage else [])]) for t in s.takes]

    def _session_note(self, s: Session, n: TimedItem, i: int) -> str:
        when = f" at {hhmmss(n.position)}" if n.position is not None else ""
        return self.note(
            f"{s.session_id}:note:{i}", f"{s.session_id} {humanise(n.kind or 'note')}{when}", n.text
        )

    def _coverage_note(self, s: Session) -> str | None:
        rows: list[Any] = s.coverage.get("questions") or []
        guide: dict[str, Any] = s.coverage.get("guide") or {}
        if not isinstance(rows, list) or not isinstance(guide, dict):
            rows, guide = [], {}
        if not rows and not guide:
            return None
        lines = [
            f"Topic guide {guide.get('id', '?')} version {guide.get('version', '?')}, session {s.session_id}"
        ]
        for r in rows or []:
            if isinstance(r, dict):
                at = f" at {hhmmss(r['position'])}" if isinstance(r.get("position"), int | float) else ""
                why = f" ({r['reason']})" if r.get("reason") else ""
                lines.append(f"{r.get('question_id')}: {r.get('state')}{why}{at}")
        return self.note(f"{s.session_id}:coverage", f"{s.session_id} topic guide coverage", "\n".join(lines))

    def take(self, s: Session, t: Take, note_refs: list[str]) -> ET.Element:
        audio_name = f"{t.label}.flac"
        g = self.guid("audio", t.audio_rel)
        internal = f"{g}.flac"
        self.files[internal] = self.folder.root / t.audio_rel
        src = ET.Element(
            _q("AudioSource"),
            {
                "guid": g,
                "name": audio_name,
                "path": f"internal://{internal}",
                "creatingUser": self.user,
                "creationDateTime": self.now,
            },
        )
        ET.SubElement(src, _q("Description")).text = (
            f"Session {s.session_id}, take {t.take_no}, participant(s) {', '.join(t.participant_ids)}; "
            f"{round(t.duration)} s"
        )
        segments = self._transcript(src, t, audio_name)
        duration_ms = int(t.duration * 1000)
        markers, notes = s.timed_for(t)
        for i, m in enumerate(markers):
            begin = int((m.position or 0.0) * 1000)
            end = self._span_end(begin, segments, duration_ms)
            sel = ET.SubElement(
                src,
                _q("AudioSelection"),
                {
                    "guid": self.guid("marker", t.audio_rel, str(i)),
                    "name": f"{humanise(m.kind)}: {m.text}" if m.text else humanise(m.kind),
                    "begin": str(begin),
                    "end": str(end),
                    "creatingUser": self.user,
                    "creationDateTime": self.now,
                },
            )
            coding = ET.SubElement(
                sel,
                _q("Coding"),
                {
                    "guid": self.guid("coding", t.audio_rel, str(i)),
                    "creatingUser": self.user,
                    "creationDateTime": self.now,
                },
            )
            ET.SubElement(coding, _q("CodeRef"), {"targetGUID": self.code(m.kind)})
        for i, n in enumerate(x for x in notes if x.kind in TIMED_NOTE_KINDS):
            begin = int((n.position or 0.0) * 1000)
            sel = ET.SubElement(
                src,
                _q("AudioSelection"),
                {
                    "guid": self.guid("timed-note", t.audio_rel, str(i)),
                    "name": f"Note at {hhmmss(begin / 1000)}",
                    "begin": str(begin),
                    "end": str(self._span_end(begin, segments, duration_ms)),
                    "creatingUser": self.user,
                    "creationDateTime": self.now,
                },
            )
            ref = self.note(
                f"{t.audio_rel}:timed-note:{i}", f"{t.label} note at {hhmmss(begin / 1000)}", n.text
            )
            ET.SubElement(sel, _q("NoteRef"), {"targetGUID": ref})
        for ref in note_refs:
            ET.SubElement(src, _q("NoteRef"), {"targetGUID": ref})
        for key, v in (("session format", s.format), ("venue", s.venue)):
            if v:
                self.value(src, key, v)
        for pid in t.participant_ids:
            self.case_sources.setdefault(pid, []).append(g)
        return src

    @staticmethod
    def _span_end(begin: int, segments: list[tuple[int, int]], duration_ms: int) -> int:
        end = next((e for s, e in segments if s <= begin < e), None)
        if end is None:
            end = next((e for s, e in segments if s > begin), begin + MARKER_SPAN_MS)
        if duration_ms > begin:
            end = min(end, duration_ms)
        return max(end, begin + 1)

    def _transcript(self, src: ET.Element, t: Take, audio_name: str) -> list[tuple[int, int]]:
        txt = self.folder.root / f"{t.transcript_base}.txt"
        if not txt.is_file():
            return []
        g = self.guid("transcript", t.audio_rel)
        internal = f"{g}.txt"
        self.files[internal] = txt
        text = txt.read_text(encoding="utf-8")
        js = f"{t.transcript_base}.json"
        doc = read_json(self.folder.root, js) if (self.folder.root / js).is_file() else {}
        segs = [
            s for s in (doc.get("segments") if isinstance(doc, dict) else None) or [] if isinstance(s, dict)
        ]
        spans = [
            (int(float(s["start"]) * 1000), int(float(s["end"]) * 1000))
            for s in segs
            if isinstance(s.get("start"), int | float) and isinstance(s.get("end"), int | float)
        ]
        tr = ET.SubElement(
            src,
            _q("Transcript"),
            {
                "guid": g,
                "name": f"{audio_name}.txt",
                "plainTextPath": f"internal://{internal}",
                "creatingUser": self.user,
                "creationDateTime": self.now,
            },
        )
        # The line stamps are whole seconds; the JSON has each segment's and word's start to the
        # hundredth: a speech line's sync point takes the first of those in its second, in order.
        precise = sorted(
            {
                int(float(w["start"]) * 1000)
                for sg in segs
                for w in sg.get("words") or []
                if isinstance(w, dict) and isinstance(w.get("start"), int | float)
            }
            | {start for start, _ in spans}
        )
        offset = 0
        last = -1
        for n, line in enumerate(text.splitlines(keepends=True)):
            m = re.match(r"\[(\d\d):(\d\d):(\d\d)\] ", line)
            if m:
                stamp_ms = (int(m[1]) * 3600 + int(m[2]) * 60 + int(m[3])) * 1000
                if not line[m.end() :].startswith("<<"):
                    stamp_ms = next(
                        (t for t in precise if stamp_ms <= t < stamp_ms + 1000 and t > last), stamp_ms
                    )
                    last = stamp_ms
                ET.SubElement(
                    tr,
                    _q("SyncPoint"),
                    {
                        "guid": self.guid("sync", t.audio_rel, str(n)),
                        "timeStamp": str(stamp_ms),
                        "position": str(offset),
                    },
                )
            offset += len(line)
        return spans

    def code(self, kind: str) -> str:
        if kind not in self.codes:
            self.codes[kind] = self.guid("code", kind)
        return self.codes[kind]

    # -- the whole project --------------------------------------------------------------------
    def build(self) -> ET.Element:
        sources = [src for s in self.folder.sessions for src in self.session(s)]
        users = ET.SubElement(self.project, _q("Users"))
        ET.SubElement(users, _q("User"), {"guid": self.user, "name": "Fieldwork export"})
        if self.codes:
            codes = ET.SubElement(ET.SubElement(self.project, _q("CodeBook")), _q("Codes"))
            for kind, g in self.codes.items():
                c = ET.SubElement(codes, _q("Code"), {"guid": g, "name": humanise(kind), "isCodable": "true"})
                ET.SubElement(
                    c, _q("Description")
                ).text = f"Interview marker '{kind}', set during the interview"
        if self.variables:
            vs = ET.SubElement(self.project, _q("Variables"))
            for name, (g, kind, desc) in self.variables.items():
                v = ET.SubElement(vs, _q("Variable"), {"guid": g, "name": name, "typeOfVariable": kind})
                if desc:
                    ET.SubElement(v, _q("Description")).text = desc
        if self.case_values:
            cases = ET.SubElement(self.project, _q("Cases"))
            for pid in sorted(self.case_values):
                case = ET.SubElement(cases, _q("Case"), {"guid": self.guid("case", pid), "name": pid})
                for name, value in self.case_values[pid].items():
                    self.value(case, name, "; ".join(value) if isinstance(value, list) else value)
                for g in self.case_sources.get(pid, []):
                    ET.SubElement(case, _q("SourceRef"), {"targetGUID": g})
        if sources:
            self.project.append(ET.Element(_q("Sources")))
            self.project[-1].extend(sources)
        if self.notes:
            ET.SubElement(self.project, _q("Notes")).extend(self.notes)
        ET.SubElement(self.project, _q("Description")).text = (
            f"Exported by Fieldwork {__version__} from the analysis folder of study {self.study}. Transcripts are "
            "machine drafts: check them against the audio."
        )
        _xml_safe(self.project)
        return self.project


def _study_name(folder: AnalysisFolder) -> str:
    rows = read_json(folder.root, "index.json")
    ids = (
        sorted({str(r.get("study_id")) for r in rows if isinstance(r, dict) and r.get("study_id")})
        if isinstance(rows, list)
        else []
    )
    return ", ".join(ids) or folder.root.name


def export_qdpx(root: Path, out: Path, state: TaskState | None = None) -> ExportReport:
    """Write the analysis folder as a REFI-QDA project to ``out`` (a ``.qdpx`` file), atomically.

    ``state`` gets progress over the bytes of the files put into the project, and may cancel between files
    (then ``out`` is left as it was)."""
    state = state or NullState()
    folder = open_analysis_folder(root)
    out = Path(out)
    if out.suffix.lower() != ".qdpx":
        raise InvalidInput(f"{out}: a REFI-QDA project file ends in .qdpx")
    if not folder.takes:
        raise InvalidInput(f"{root}: no interview takes to export")
    b = _Builder(folder, _study_name(folder))
    project = b.build()
    ET.indent(project)
    xml = ET.tostring(project, encoding="utf-8", xml_declaration=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.writing")
    try:
        with zipfile.ZipFile(tmp, "w") as z:
            z.writestr("project.qde", xml, compress_type=zipfile.ZIP_DEFLATED)
            files = sorted(b.files.items())
            total, done = sum(path.stat().st_size for _, path in files), 0
            for name, path in files:
                check_cancel(state)
                kind = zipfile.ZIP_STORED if name.endswith(".flac") else zipfile.ZIP_DEFLATED
                z.write(path, f"Sources/{name}", compress_type=kind)
                done += path.stat().st_size
                state.set_progress(done, total, name)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        check_qdpx(tmp)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    sources = project.find(_q("Sources"))
    return ExportReport(
        out=out,
        cases=len(b.case_values),
        sources=len(sources) if sources is not None else 0,
        transcripts=len(project.findall(f".//{_q('Transcript')}")),
        codes=len(b.codes),
        selections=len(project.findall(f".//{_q('AudioSelection')}")),
        notes=len(b.notes),
        without_transcript=[
            t.audio_rel for t in folder.takes if not (folder.root / f"{t.transcript_base}.txt").is_file()
        ],
    )


def check_qdpx(path: Path) -> None:
    """Every ``internal://`` file the project names is in ``Sources/``; every GUID reference resolves."""
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        root = ET.fromstring(z.read("project.qde"))
    guids = {el.get("guid") for el in root.iter() if el.get("guid")}
    for el in root.iter():
        for attr in ("path", "plainTextPath", "richTextPath"):
            ref = el.get(attr)
            if ref and ref.startswith("internal://") and f"Sources/{ref[len('internal://') :]}" not in names:
                raise InvalidInput(f"{path}: {ref} is named in the project but missing from Sources/")
        target = el.get("targetGUID")
        if target and target not in guids:
            raise InvalidInput(f"{path}: a reference to {target} that nothing in the project has")
