"""Reading an analysis folder (what ``store unpack`` wrote): sessions, their takes, markers, notes, consent.

Only files that unpack wrote after checking every signature are read, but they are still read as
untrusted input: sizes are bounded, every field is type-checked, and a bad file is a located error
(``where``: the path under the analysis folder) rather than a crash.  Nothing here writes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldwork_app.errors import ErrorCode, InvalidInput

META_DIR = "_fieldwork"
MAX_JSON_BYTES = 32 * 1024 * 1024
TRANSCRIPTS_DIR = "transcripts"
# Consent statement roles (docs/study-pack-format.md) whose refusal means a take is not transcribed.
NO_TRANSCRIPT_ROLES = ("transcription", "archiving")


def read_json(root: Path, rel: str) -> Any:
    path = root / rel
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InvalidInput(f"{rel}: missing from the analysis folder") from None
    if size > MAX_JSON_BYTES:
        raise InvalidInput(f"{rel}: {size} bytes is more than this file can be ({MAX_JSON_BYTES})")
    try:
        return json.loads(path.read_bytes())
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(f"{rel}: not valid JSON ({exc})") from None


def _str(v: Any, where: str, name: str) -> str:
    if not isinstance(v, str) or not v:
        raise InvalidInput(f"{where}: '{name}' must be a non-empty string")
    return v


def _num(v: Any) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) and v >= 0 else None


@dataclass
class TimedItem:
    """A marker or a note at a time in a take (``position`` in seconds from the take's start)."""

    kind: str
    text: str
    position: float | None
    recording_id: str | None
    speaker: str | None = None


@dataclass
class Take:
    session_id: str
    folder: str  # e.g. M-001/S-0003
    recording_id: str
    take_no: int
    duration: float
    participant_ids: list[str]
    audio_rel: str  # e.g. M-001/S-0003/audio/interview-take-1.flac
    audio_sha256: str | None  # the plaintext hash unpack recorded (None: not known)

    @property
    def stem(self) -> str:
        return self.audio_rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]

    @property
    def transcript_base(self) -> str:
        """Path (no extension) of this take's transcript files under the analysis folder."""
        return f"{self.folder}/{TRANSCRIPTS_DIR}/{self.stem}"

    @property
    def label(self) -> str:
        """Unique, readable name of the take across the study: participant(s), session, file."""
        if len(self.participant_ids) > 1:  # a focus group or joint interview: its members, not its folder
            return f"{'+'.join(self.participant_ids)} {self.session_id} {self.stem}"
        return f"{self.folder.replace('/', ' ')} {self.stem}"


@dataclass
class Consent:
    participant_id: str
    form: str
    statements: list[dict[str, Any]]
    consent_by: str = "participant"  # or "consultee": given on a consultee's advice (capacity)

    def declined_roles(self) -> list[str]:
        """The no-transcript roles whose statement the participant explicitly answered no to."""
        return sorted(
            {
                str(s.get("role"))
                for s in self.statements
                if s.get("role") in NO_TRANSCRIPT_ROLES and s.get("answer") is False
            }
        )


    def answer(self, role: str) -> Any:
        """The participant's answer to the statement with this role (True, False, "not_applicable" or None), or
        :data:`NO_STATEMENT` when their form has no such statement."""
        found = [st for st in self.statements if st.get("role") == role]
        return found[0].get("answer") if found else NO_STATEMENT


NO_STATEMENT = object()


@dataclass
class Session:
    session_id: str
    folder: str
    format: str
    venue: str
    participant_ids: list[str]
    groups: dict[str, str]
    takes: list[Take] = field(default_factory=list)
    markers: list[TimedItem] = field(default_factory=list)
    notes: list[TimedItem] = field(default_factory=list)
    coverage: dict[str, Any] = field(default_factory=dict)
    consents: dict[str, Consent] = field(default_factory=dict)
    completed_at: str | None = None

    def timed_for(self, take: Take) -> tuple[list[TimedItem], list[TimedItem]]:
        """This take's markers and timed notes, in time order."""

        def mine(items: list[TimedItem]) -> list[TimedItem]:
            got = [i for i in items if i.recording_id == take.recording_id and i.position is not None]
            return sorted(got, key=lambda i: i.position or 0.0)

        return mine(self.markers), mine(self.notes)


@dataclass
class AnalysisFolder:
    root: Path
    sessions: list[Session]
    withdrawn_files: set[str]  # files a withdrawal says must be deleted: never transcribed or exported
    withdrawn_participants: set[str] = field(default_factory=set)  # whoever a withdrawal names

    def archiving(self, participant_id: str) -> tuple[str, str]:
        """The participant's answer on archiving across the consents in the folder, and why: ``agreed``
        (every consent affirmed it), ``declined`` (one answered no), ``not_applicable`` (the statement did not
        apply to them) or ``not_asked`` (no consent record, a form without an archiving statement, or no answer).
        A decline outweighs the others; "not applicable" is never an agreement."""
        consents = [s.consents[participant_id] for s in self.sessions if participant_id in s.consents]
        if not consents:
            return ARCHIVE_NOT_ASKED, "no consent record in the folder"
        found: dict[str, str] = {}
        for c in consents:
            answer = c.answer("archiving")
            if answer is False:
                found.setdefault(ARCHIVE_DECLINED, "declined archiving")
            elif answer == "not_applicable":
                found.setdefault(ARCHIVE_NOT_APPLICABLE, "the archiving statement did not apply to them")
            elif answer is NO_STATEMENT:
                found.setdefault(ARCHIVE_NOT_ASKED, f"the consent form {c.form} asks nothing about archiving")
            elif answer is not True:
                found.setdefault(ARCHIVE_NOT_ASKED, "archiving was not answered")
        for state in (ARCHIVE_DECLINED, ARCHIVE_NOT_APPLICABLE, ARCHIVE_NOT_ASKED):
            if state in found:
                return state, found[state]
        return ARCHIVE_AGREED, "agreed to archiving"

    def archive_status(self, participant_id: str) -> tuple[bool, str]:
        """Whether the participant's material may go into an archive deposit, and why not: only a
        participant who affirmed the archiving statement of every consent in the folder and has not withdrawn
        (the study pack's archive rule)."""
        if participant_id in self.withdrawn_participants:
            return False, "not for archive: withdrew"
        state, why = self.archiving(participant_id)
        if state != ARCHIVE_AGREED:
            return False, f"not for archive: {why}"
        return True, "may be archived"

    @property
    def takes(self) -> list[Take]:
        return [t for s in self.sessions for t in s.takes]

    def session_of(self, take: Take) -> Session:
        return next(s for s in self.sessions if s.session_id == take.session_id)


ARCHIVE_AGREED = "agreed"
ARCHIVE_DECLINED = "declined"
ARCHIVE_NOT_APPLICABLE = "not_applicable"
ARCHIVE_NOT_ASKED = "not_asked"


def archive_listing(folder: AnalysisFolder) -> list[dict[str, Any]]:
    """What may go into an archive deposit, per participant of the folder: ``may_archive``, the reason, their
    ``archiving`` answer (agreed, declined, not_applicable, not_asked), whether they ``withdrew``, the session
    folders holding their material, and ``held_back``: those of them shared with someone who may not be
    archived (a focus group or joint interview is deposited only if every participant in it may be)."""
    people = sorted({pid for s in folder.sessions for pid in s.participant_ids})
    status = {pid: folder.archive_status(pid) for pid in people}
    out = []
    for pid in people:
        ok, reason = status[pid]
        mine = [s for s in folder.sessions if pid in s.participant_ids]
        held = [s.folder for s in mine
                if len(s.participant_ids) > 1 and not all(status[p][0] for p in s.participant_ids)]  # fmt: skip
        if ok and held:
            reason = (f"may be archived, except the shared session folder(s) {', '.join(held)}: another "
                      "participant in them withdrew or did not agree to archiving")  # fmt: skip
        out.append(
            {
                "participant": pid,
                "may_archive": ok,
                "reason": reason,
                "archiving": folder.archiving(pid)[0],
                "withdrew": pid in folder.withdrawn_participants,
                "folders": [s.folder for s in mine],
                "held_back": held,
            }
        )
    return out


def archive_report(root: Path) -> list[dict[str, Any]]:
    """The archive-deposit listing of the analysis folder at ``root`` (what ``store unpack`` wrote): the one
    call behind ``fieldwork analysis archive`` and the data manager's page."""
    return archive_listing(open_analysis_folder(root))


def _timed(rows: Any, where: str, text_key: str) -> list[TimedItem]:
    if not isinstance(rows, list):
        raise InvalidInput(f"{where}: expected a list")
    out = []
    for i, r in enumerate(rows):
        if not isinstance(r, dict):
            raise InvalidInput(f"{where}[{i}]: expected an object")
        rec = r.get("recording_id")
        out.append(
            TimedItem(
                kind=str(r.get("kind") or ""),
                text=str(r.get(text_key) or ""),
                position=_num(r.get("position")),
                recording_id=rec if isinstance(rec, str) else None,
                speaker=r.get("speaker") if isinstance(r.get("speaker"), str) else None,
            )
        )
    return out


def _session(root: Path, rel: str, hashes: dict[str, str]) -> Session:
    folder = rel.rsplit("/", 1)[0]
    doc = read_json(root, rel)
    if not isinstance(doc, dict):
        raise InvalidInput(f"{rel}: expected an object")
    sid = _str(doc.get("session"), rel, "session")
    pids = doc.get("participants")
    if not isinstance(pids, list) or not pids or not all(isinstance(p, str) and p for p in pids):
        raise InvalidInput(f"{rel}: 'participants' must be a list of participant ids")
    groups = doc.get("groups") if isinstance(doc.get("groups"), dict) else {}
    s = Session(
        session_id=sid,
        folder=folder,
        format=str(doc.get("format") or ""),
        venue=str(doc.get("location_kind") or ""),
        participant_ids=list(pids),
        groups={str(k): str(v) for k, v in (groups or {}).items()},
        completed_at=doc.get("completed_at") if isinstance(doc.get("completed_at"), str) else None,
    )
    takes = doc.get("takes") or []
    if not isinstance(takes, list):
        raise InvalidInput(f"{rel}: 'takes' must be a list")
    for i, t in enumerate(takes):
        where = f"{rel}: takes[{i}]"
        if not isinstance(t, dict):
            raise InvalidInput(f"{where}: expected an object")
        if t.get("kind") != "interview":
            continue  # verbal-consent recordings are the consent record, not interview data
        no = t.get("take_no")
        if not isinstance(no, int) or isinstance(no, bool) or no < 1:
            raise InvalidInput(f"{where}: 'take_no' must be a positive whole number")
        audio_rel = f"{folder}/audio/interview-take-{no}.flac"
        if not (root / audio_rel).is_file():
            continue  # not unpacked (a failed bundle) or deleted after a withdrawal
        s.takes.append(
            Take(
                session_id=sid,
                folder=folder,
                recording_id=_str(t.get("id"), where, "id"),
                take_no=no,
                duration=_num(t.get("duration")) or 0.0,
                participant_ids=list(pids),
                audio_rel=audio_rel,
                audio_sha256=hashes.get(audio_rel),
            )
        )
    s.takes.sort(key=lambda t: t.take_no)
    if (root / folder / "markers.json").is_file():
        s.markers = _timed(read_json(root, f"{folder}/markers.json"), f"{folder}/markers.json", "label")
    if (root / folder / "notes.json").is_file():
        s.notes = _timed(read_json(root, f"{folder}/notes.json"), f"{folder}/notes.json", "text")
    if (root / folder / "guide-coverage.json").is_file():
        cov = read_json(root, f"{folder}/guide-coverage.json")
        s.coverage = cov if isinstance(cov, dict) else {}
    for pid in pids:
        crel = f"{folder}/consent/consent-{pid}.json"
        if not (root / crel).is_file():
            continue
        c = read_json(root, crel)
        if not isinstance(c, dict) or not isinstance(c.get("statements"), list):
            raise InvalidInput(f"{crel}: expected a consent record with 'statements'")
        form = c.get("form") if isinstance(c.get("form"), dict) else {}
        s.consents[pid] = Consent(
            participant_id=pid,
            form=f"{(form or {}).get('id', '')} {(form or {}).get('version', '')}".strip(),
            statements=[st for st in c["statements"] if isinstance(st, dict)],
            consent_by="consultee" if c.get("consent_by") == "consultee" else "participant",
        )
    return s


def open_analysis_folder(root: Path) -> AnalysisFolder:
    """Read every session of an analysis folder; raise a located :class:`InvalidInput` on a bad file."""
    root = Path(root)
    if not (root / "index.json").is_file():
        raise InvalidInput(
            f"{root} is not an analysis folder (no index.json)",
            code=ErrorCode.NOT_AN_ANALYSIS_FOLDER,
            params={"folder": root},
        )
    hashes_obj = (
        read_json(root, f"{META_DIR}/unpacked.json") if (root / META_DIR / "unpacked.json").is_file() else {}
    )
    hashes = {str(k): str(v) for k, v in hashes_obj.items()} if isinstance(hashes_obj, dict) else {}
    sessions = []
    for path in sorted(root.rglob("session.json")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(META_DIR + "/") or path.is_symlink():
            continue
        sessions.append(_session(root, rel, hashes))
    sessions.sort(key=lambda s: (s.folder, s.session_id))
    withdrawn: set[str] = set()
    people: set[str] = set()
    if (root / "withdrawals.json").is_file():
        rows = read_json(root, "withdrawals.json")
        for row in rows if isinstance(rows, list) else []:
            if isinstance(row, dict) and isinstance(row.get("delete"), list):
                withdrawn |= {str(p) for p in row["delete"]}
            if isinstance(row, dict) and isinstance(row.get("participant_ids"), str):
                people |= {p for p in row["participant_ids"].split(";") if p}
    for s in sessions:
        s.takes = [t for t in s.takes if t.audio_rel not in withdrawn]
    return AnalysisFolder(root, sessions, withdrawn, people)


def hhmmss(seconds: float) -> str:
    total = max(0, int(seconds))
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"


def humanise(kind: str) -> str:
    """A marker or note kind as words: ``follow_up`` -> ``Follow up``."""
    words = kind.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else "Marker"
