"""Taking consent: the form's statements, a draft whose answers all start empty, saving, the gate."""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldwork_app.domain import conditions
from fieldwork_app.domain.pack import AnswerType, ConsentForm
from fieldwork_app.domain.records import SessionStatus
from fieldwork_app.services import clearfiles
from fieldwork_app.services import consent as svc
from fieldwork_app.services import ethics as ethics_svc
from fieldwork_app.services import sessions as sessions_svc
from fieldwork_app.services.workspace import Workspace

from fieldwork_app.gui.presenter import Done, Failed, Presenter


@dataclass(frozen=True)
class Person:
    id: str
    consent_id: str  # '' when not yet consented in this session
    recording_affirmed: bool
    consent_by: str = "participant"  # or "consultee": recorded on a consultee's advice


@dataclass(frozen=True)
class SessionModel:
    sessions: list[tuple[str, str]]  # (id, label)
    session_id: str
    people: list[Person]
    can_record: bool
    holds: list[svc.RecordingHold]


def session_model(ws: Workspace, session_id: str) -> SessionModel:
    open_sessions = [
        (s.id, f"{s.id} · {', '.join(s.participant_ids)}")
        for s in sessions_svc.list_all(ws)
        if s.status is not SessionStatus.COMPLETED
    ]
    ids = [sid for sid, _ in open_sessions]
    if session_id not in ids:
        session_id = ids[0] if ids else ""
    people: list[Person] = []
    can, holds = False, []
    if session_id:
        for pid in sessions_svc.get(ws, session_id).participant_ids:
            rec = svc.latest(ws, session_id, pid)
            affirmed = False
            if rec is not None:
                affirmed = svc.outcome_of(ws, rec).recording_affirmed
            by = str(rec.get("consent_by") or "participant") if rec else "participant"
            people.append(Person(pid, rec["id"] if rec else "", affirmed, by))
        perm = svc.can_record(ws, session_id)
        can, holds = perm.allowed, perm.holds
    return SessionModel(open_sessions, session_id, people, can, holds)


@dataclass(frozen=True)
class StatementModel:
    id: str
    text: str
    required: bool
    initials: bool
    prompt: str
    # Format 2: whom the statement is for, as facts the page words (none when it applies to everyone): it is
    # asked only where its conditions hold, and "does not apply" elsewhere.
    conditions: tuple[conditions.ConditionFacts, ...] = ()


@dataclass(frozen=True)
class FormModel:
    participant_id: str
    title: str
    version: str
    modes: tuple[str, ...]
    statements: list[StatementModel]
    script_intro: str = ""
    script_closing: str = ""
    script_title: str = ""
    # Format 2: the capacity criteria to assess at this session (empty: none asked for) and whether this
    # session's latest assessment found the participant able to decide; the other people the protocol asks
    # for at the consent, as (role, required, needs a paper confirmed: the interpreter's agreement, or the
    # guardian's or consultee's own form).
    capacity: tuple[str, ...] = ()
    capacity_ok: bool = False
    parties: tuple[tuple[str, bool, bool], ...] = ()
    # The form and the participant's facts, so the page can tell which statements apply as answers change; and whether
    # this session's assessment opened the consultee route (the participant cannot decide; the pack names a consultee).
    consent_form: ConsentForm | None = None
    who: conditions.Who | None = None
    consultee_route: bool = False


def form_model(ws: Workspace, session_id: str, participant_id: str) -> FormModel:
    form = svc.form_for(ws, session_id, participant_id)
    script = svc.verbal_script(ws, session_id, participant_id)
    prompts = {p.statement: p.text for p in script.prompts} if script is not None else {}
    pack = ws.pack()
    statements = [
        StatementModel(
            s.id,
            s.text,
            s.required,
            s.answer == AnswerType.INITIALS,
            prompts.get(s.id, s.text),
            conditions.facts(s.applies_when, pack),
        )
        for s in form.statements
    ]
    modes = tuple(str(m) for m in form.modes)
    if script is None:
        modes = tuple(m for m in modes if m != "verbal")
    rule = ethics_svc.capacity_rule(ws, participant_id)
    last = ethics_svc.latest_capacity(ws, session_id, participant_id) if rule else None
    return FormModel(
        participant_id,
        form.title,
        form.version,
        modes,
        statements,
        script.intro if script else "",
        script.closing if script else "",
        f"{script.title} v{script.version}" if script else "",
        tuple(c.value for c in rule.criteria) if rule else (),
        bool(last and last["has_capacity"]),
        tuple((r.role.value, r.required, svc.needs_confirmation(r)) for r in svc.parties_needed(ws, participant_id)),
        form,
        svc.participants_svc.who(ws, participant_id),
        bool(
            last
            and not last["has_capacity"]
            and ethics_svc.consultee_route_open(ws, participant_id, last["outcome"])
        ),
    )


def record_capacity(
    ws: Workspace, session_id: str, participant_id: str, answers: dict[str, bool]
) -> ethics_svc.CapacityResult:
    return ethics_svc.record_capacity(ws, session_id, participant_id, answers)


@dataclass
class Draft:
    """One participant's answers as they are being given.  Nothing is pre-filled, ever."""

    form: FormModel
    mode: str = ""
    answers: dict[str, bool | None] = field(default_factory=dict)
    times: dict[str, float] = field(default_factory=dict)
    initials: dict[str, str] = field(default_factory=dict)
    capacity_ok: bool = False
    consultee_route: bool = False
    capacity_assessed: bool = False

    def __post_init__(self) -> None:
        self.answers = {s.id: None for s in self.form.statements}
        self.capacity_ok = self.form.capacity_ok
        self.consultee_route = self.form.consultee_route

    def applies(self) -> dict[str, bool | None]:
        """Per statement, whether it applies to this participant given the answers so far: True, False
        (not applicable: not asked) or None (waits on an earlier answer)."""
        f = self.form
        if f.consent_form is None or f.who is None:
            return {s.id: True for s in f.statements}
        return {st.statement.id: st.applies for st in conditions.statement_states(f.consent_form, f.who, self.answers)}

    def answer(self, statement_id: str, value: bool, position: float | None = None) -> list[str]:
        """Give one answer; returns the statements that stopped applying because of it (their answers,
        times and initials are cleared: a statement that does not apply is never answered)."""
        self.answers[statement_id] = value
        if position is not None:
            self.times[statement_id] = round(position, 2)
        dropped = []
        for sid, applies in self.applies().items():
            if applies is False and (self.answers.get(sid) is not None or sid in self.initials):
                self.answers[sid] = None
                self.times.pop(sid, None)
                self.initials.pop(sid, None)
                dropped.append(sid)
        return dropped

    def problems(self) -> list[tuple[str, list[str]]]:
        """Why the draft cannot be saved yet, as statement ids per kind of gap (empty: savable)."""
        out: list[tuple[str, list[str]]] = []
        applies = self.applies()
        asked = [s for s in self.form.statements if applies.get(s.id) is not False]
        missing = [s.id for s in asked if s.required and self.answers.get(s.id) is None]
        declined = [s.id for s in asked if s.required and self.answers.get(s.id) is False]
        if missing:
            out.append(("unanswered", missing))
        if declined:
            out.append(("declined", declined))
        if self.mode == "written":
            no_initials = [
                s.id
                for s in asked
                if s.initials and self.answers.get(s.id) is True and not self.initials.get(s.id, "").strip()
            ]
            if no_initials:
                out.append(("initials", no_initials))
        return out


def save(
    ws: Workspace,
    session_id: str,
    draft: Draft,
    recording_id: str | None,
    signatures: dict[str, dict[str, str]] | None,
    unsigned_reason: str | None = None,
    parties: dict[str, dict[str, Any]] | None = None,
) -> svc.ConsentResult:
    return svc.record(
        ws,
        session_id,
        draft.form.participant_id,
        draft.mode,
        dict(draft.answers),
        answer_times=dict(draft.times) or None,
        recording_id=recording_id,
        signatures=signatures,
        initials=dict(draft.initials) or None,
        unsigned_reason=unsigned_reason,
        parties=parties or None,
    )


def pdfs_available() -> bool:
    return importlib.util.find_spec("fieldwork_app.services.pdfs") is not None


def copy_pdf(ws: Workspace, consent_id: str) -> bytes:
    pdfs: Any = importlib.import_module("fieldwork_app.services.pdfs")
    return bytes(pdfs.consent_copy_pdf(ws, consent_id))


class ConsentPresenter(Presenter):
    """The consent page's work: the session and its form, recording the consent, the signed copy."""

    def session_model(self, session_id: str, done: Done[SessionModel], failed: Failed) -> None:
        self._db(lambda ws: session_model(ws, session_id), done, failed)

    def form_model(self, session_id: str, participant_id: str, done: Done[FormModel], failed: Failed) -> None:
        self._db(lambda ws: form_model(ws, session_id, participant_id), done, failed)

    def save(
        self,
        session_id: str,
        draft: Draft,
        recording_id: str | None,
        signatures: dict[str, dict[str, str]] | None,
        unsigned_reason: str | None,
        parties: dict[str, dict[str, Any]] | None,
        done: Done[svc.ConsentResult],
        failed: Failed,
    ) -> None:
        self._db(
            lambda ws: save(ws, session_id, draft, recording_id, signatures, unsigned_reason, parties), done, failed
        )

    def record_capacity(
        self,
        session_id: str,
        participant_id: str,
        answers: dict[str, bool],
        done: Done[ethics_svc.CapacityResult],
        failed: Failed,
    ) -> None:
        self._db(lambda ws: record_capacity(ws, session_id, participant_id, answers), done, failed)

    def save_copy(
        self, consent_id: str, out: Path, passphrase: str | None, done: Done[Path], failed: Failed
    ) -> None:
        """The signed copy as a PDF outside the vault (encrypted when ``passphrase`` is given)."""
        self._db(
            lambda ws: clearfiles.save_consent_copy(ws, consent_id, out, passphrase=passphrase), done, failed
        )
