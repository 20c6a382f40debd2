"""The live topic guide of a session: questions marked as they go, time per section, notes.

The guide is the exact version the session was prepared with (stored in the vault), so a pack update in
the middle of fieldwork never changes the questions of a session already planned.  Section starts are
kept as markers of kind ``section`` on the session's timeline, beside the recorder's own markers, so the
time spent per section can be read from audio positions when both ends have one, else from wall time.
Notes are research data in research.db; the audit log names a note by its row only, never its text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from fieldwork_app.domain.pack import TopicGuide
from fieldwork_app.domain.records import SessionStatus
from fieldwork_app.errors import ErrorKind, FieldworkError, InvalidInput, NotFound
from fieldwork_app.services import clock as clock_mod
from fieldwork_app.services import consent as consent_svc
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import participants as participants_svc
from fieldwork_app.services import sessions as sessions_svc
from fieldwork_app.services.clock import Clock
from fieldwork_app.services.workspace import Workspace

logger = logging.getLogger(__name__)

QUESTION_STATES = ("asked", "covered", "skipped")
NOTE_KINDS = ("note", "field_note", "reflexive")
SECTION_MARKER = "section"
MAX_NOTE = 20_000


def guide_for(ws: Workspace, session_id: str) -> TopicGuide:
    s = sessions_svc.get(ws, session_id)
    if not s.guide_doc or not s.guide_version:
        raise NotFound(f"session {session_id} has no topic guide")
    guide = packs_svc.document(ws, s.guide_doc, s.guide_version)
    if not isinstance(guide, TopicGuide):
        raise FieldworkError(f"document {s.guide_doc} is not a topic guide", kind=ErrorKind.INVALID_PACK)
    return guide


def _position(position: float | None) -> float | None:
    if position is None:
        return None
    try:
        value = float(position)
    except (TypeError, ValueError):
        raise InvalidInput(f"an audio position is a number of seconds, not {position!r}") from None
    if value < 0 or value != value:
        raise InvalidInput("an audio position cannot be negative")
    return value


# -- questions ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class QuestionProgress:
    question_id: str
    text: str
    sensitive: bool
    state: str | None = None
    reason: str | None = None
    position: float | None = None
    updated_at: str | None = None


def mark_question(
    ws: Workspace,
    session_id: str,
    question_id: str,
    state: str,
    reason: str | None = None,
    position: float | None = None,
    *,
    clock: Clock | None = None,
) -> QuestionProgress:
    """Mark a question asked, covered anyway, or skipped (with a reason); a later mark replaces it."""
    guide = guide_for(ws, session_id)
    question = next((q for sec in guide.sections for q in sec.questions if q.id == question_id), None)
    if question is None:
        raise InvalidInput(f"topic guide {guide.id} v{guide.version} has no question '{question_id}'")
    if state not in QUESTION_STATES:
        raise InvalidInput(f"unknown question state '{state}' (one of {', '.join(QUESTION_STATES)})")
    reason = (reason or "").strip() or None
    if state == "skipped" and reason is None:
        raise InvalidInput("a skipped question needs a reason")
    if reason is not None and len(reason) > 2000:
        raise InvalidInput("a reason is at most 2000 characters")
    pos = _position(position)
    now = clock_mod.iso(clock_mod.resolve(clock).now())
    with ws.vault.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO guide_progress (session_id, question_id, state, reason, position, updated_at)"
            " VALUES (?,?,?,?,?,?)",
            (session_id, question_id, state, reason, pos, now),
        )
        ws.vault.audit(
            "guide.mark",
            "session",
            session_id,
            session_id=session_id,
            detail={"question": question_id, "state": state},
        )
    return QuestionProgress(question.id, question.text, question.sensitive, state, reason, pos, now)


# -- sections and coverage -----------------------------------------------------------------------------
def enter_section(
    ws: Workspace,
    session_id: str,
    section_id: str,
    position: float | None = None,
    *,
    recording_id: str | None = None,
    clock: Clock | None = None,
) -> None:
    """Record that the interview moved on to ``section_id`` (now, and at ``position`` in the audio)."""
    guide = guide_for(ws, session_id)
    if section_id not in {s.id for s in guide.sections}:
        raise InvalidInput(f"topic guide {guide.id} v{guide.version} has no section '{section_id}'")
    pos = _position(position)
    now = clock_mod.iso(clock_mod.resolve(clock).now())
    with ws.vault.transaction() as db:
        db.execute(
            "INSERT INTO markers (session_id, recording_id, position, kind, label, speaker, created_at,"
            " created_by) VALUES (?,?,?,?,?,NULL,?,?)",
            (session_id, recording_id, pos, SECTION_MARKER, section_id, now, ws.user),
        )
        ws.vault.audit(
            "guide.section", "session", session_id, session_id=session_id, detail={"section": section_id}
        )


@dataclass(frozen=True)
class SectionCoverage:
    section_id: str
    title: str
    planned_minutes: int
    questions: tuple[QuestionProgress, ...]
    entered: bool
    spent_minutes: float

    @property
    def over_time(self) -> bool:
        return self.spent_minutes > self.planned_minutes

    @property
    def open_questions(self) -> list[str]:
        return [q.question_id for q in self.questions if q.state is None]


@dataclass(frozen=True)
class Coverage:
    session_id: str
    guide: str
    sections: tuple[SectionCoverage, ...] = field(default_factory=tuple)

    @property
    def planned_minutes(self) -> int:
        return sum(s.planned_minutes for s in self.sections)

    @property
    def spent_minutes(self) -> float:
        return sum(s.spent_minutes for s in self.sections)

    def counts(self) -> dict[str, int]:
        out = {state: 0 for state in (*QUESTION_STATES, "open")}
        for s in self.sections:
            for q in s.questions:
                out[q.state or "open"] += 1
        return out


def _spans(entries: list[Any], end: datetime) -> dict[str, float]:
    """Minutes per section from its start markers: to the next start, or to ``end`` for the last one."""
    spent: dict[str, float] = {}
    for i, e in enumerate(entries):
        nxt = entries[i + 1] if i + 1 < len(entries) else None
        minutes: float
        if (
            nxt is not None
            and e["position"] is not None
            and nxt["position"] is not None
            and e["recording_id"] == nxt["recording_id"]
            and nxt["position"] >= e["position"]
        ):
            minutes = (nxt["position"] - e["position"]) / 60
        else:
            stop = clock_mod.parse(nxt["created_at"], "marker time") if nxt is not None else end
            minutes = max(0.0, (stop - clock_mod.parse(e["created_at"], "marker time")).total_seconds() / 60)
        spent[e["label"]] = spent.get(e["label"], 0.0) + minutes
    return spent


def coverage(ws: Workspace, session_id: str, *, clock: Clock | None = None) -> Coverage:
    """Per section: each question's state, and minutes spent against the planned minutes."""
    guide = guide_for(ws, session_id)
    session = sessions_svc.get(ws, session_id)
    progress = {
        r["question_id"]: r
        for r in ws.db.execute("SELECT * FROM guide_progress WHERE session_id = ?", (session_id,)).fetchall()
    }
    entries = ws.db.execute(
        "SELECT * FROM markers WHERE session_id = ? AND kind = ? ORDER BY created_at, row_id",
        (session_id, SECTION_MARKER),
    ).fetchall()
    if session.status is SessionStatus.COMPLETED and session.completed_at:
        end = clock_mod.parse(session.completed_at, "completion time")
    else:
        end = clock_mod.resolve(clock).now()
    spent = _spans(list(entries), end)
    sections = []
    for sec in guide.sections:
        questions = []
        for q in sec.questions:
            r = progress.get(q.id)
            questions.append(
                QuestionProgress(
                    q.id,
                    q.text,
                    q.sensitive,
                    r["state"] if r else None,
                    r["reason"] if r else None,
                    r["position"] if r else None,
                    r["updated_at"] if r else None,
                )
            )
        sections.append(
            SectionCoverage(
                sec.id,
                sec.title,
                sec.minutes,
                tuple(questions),
                sec.id in spent,
                round(spent.get(sec.id, 0), 2),
            )
        )
    return Coverage(session_id, f"{guide.id} v{guide.version}", tuple(sections))


# -- notes ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Note:
    id: int
    session_id: str
    kind: str
    text: str
    position: float | None
    speaker: str | None
    recording_id: str | None
    created_at: str
    created_by: str


def add_note(
    ws: Workspace,
    session_id: str,
    text: str,
    position: float | None = None,
    kind: str = "note",
    speaker: str | None = None,
    recording_id: str | None = None,
    *,
    clock: Clock | None = None,
) -> Note:
    """A time-stamped note, linked to the audio position when there is one."""
    sessions_svc.get(ws, session_id)
    if kind not in NOTE_KINDS:
        raise InvalidInput(f"unknown note kind '{kind}' (one of {', '.join(NOTE_KINDS)})")
    text = (text or "").strip()
    if not text:
        raise InvalidInput("the note is empty")
    if len(text) > MAX_NOTE:
        raise InvalidInput(f"a note is at most {MAX_NOTE} characters")
    if speaker is not None and (not speaker.strip() or len(speaker) > 64):
        raise InvalidInput("a speaker label is 1-64 characters")
    pos = _position(position)
    now = clock_mod.iso(clock_mod.resolve(clock).now())
    with ws.vault.transaction() as db:
        cur = db.execute(
            "INSERT INTO notes (session_id, recording_id, position, kind, text, speaker, created_at, created_by)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (session_id, recording_id, pos, kind, text, speaker, now, ws.user),
        )
        row_id = int(cur.lastrowid)
        ws.vault.audit(
            "note.add", "session", session_id, session_id=session_id, detail={"note": row_id, "kind": kind}
        )
    return Note(row_id, session_id, kind, text, pos, speaker, recording_id, now, ws.user)


def notes(ws: Workspace, session_id: str, kind: str | None = None) -> list[Note]:
    sessions_svc.get(ws, session_id)
    sql = "SELECT * FROM notes WHERE session_id = ?"
    args: tuple[str, ...] = (session_id,)
    if kind is not None:
        sql += " AND kind = ?"
        args += (kind,)
    rows = ws.db.execute(sql + " ORDER BY created_at, row_id", args).fetchall()
    return [
        Note(
            int(r["row_id"]),
            r["session_id"],
            r["kind"],
            r["text"],
            r["position"],
            r["speaker"],
            r["recording_id"],
            r["created_at"],
            r["created_by"],
        )
        for r in rows
    ]


# -- focus groups ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Member:
    participant_id: str
    group_id: str
    status: str
    consented: bool
    recording_affirmed: bool


def members(ws: Workspace, session_id: str) -> list[Member]:
    """The session's members and whether each has consented individually (focus groups need all)."""
    session = sessions_svc.get(ws, session_id)
    permission = consent_svc.can_record(ws, session_id)
    out = []
    for pid in session.participant_ids:
        p = participants_svc.get(ws, pid)
        rec = consent_svc.latest(ws, session_id, pid)
        blocked = any(hold.participant == pid for hold in permission.holds)
        out.append(
            Member(
                pid,
                p.group_id,
                str(p.status),
                rec is not None and not p.withdrawn,
                rec is not None and not blocked,
            )
        )
    return out


def ground_rules(ws: Workspace, session_id: str) -> list[str]:
    """The ground rules to read at the start (empty for guides without any)."""
    return list(guide_for(ws, session_id).ground_rules)


# -- what a session's research bundle carries (see services.sync) ---------------------------------------
NOTE_COLUMNS = ("row_id", "recording_id", "position", "kind", "text", "speaker", "created_at", "created_by")
MARKER_COLUMNS = ("row_id", "recording_id", "position", "kind", "label", "speaker", "created_at", "created_by")


def note_rows(ws: Workspace, session_id: str) -> list[dict[str, Any]]:
    """The session's notes as plain rows (``NOTE_COLUMNS``), in the order they were written."""
    rows = ws.db.execute(
        f"SELECT {', '.join(NOTE_COLUMNS)} FROM notes WHERE session_id = ? ORDER BY row_id",  # noqa: S608
        (session_id,),
    ).fetchall()
    return [dict(r) for r in rows]


def marker_rows(ws: Workspace, session_id: str) -> list[dict[str, Any]]:
    """The session's markers as plain rows (``MARKER_COLUMNS``), in the order they were set."""
    rows = ws.db.execute(
        f"SELECT {', '.join(MARKER_COLUMNS)} FROM markers WHERE session_id = ? ORDER BY row_id",  # noqa: S608
        (session_id,),
    ).fetchall()
    return [dict(r) for r in rows]


def guide_progress_rows(ws: Workspace, session_id: str) -> list[dict[str, Any]]:
    """How far each topic-guide question got, as plain rows, oldest change first."""
    rows = ws.db.execute(
        "SELECT question_id, state, reason, position, updated_at FROM guide_progress"
        " WHERE session_id = ? ORDER BY updated_at",
        (session_id,),
    ).fetchall()
    return [dict(r) for r in rows]
