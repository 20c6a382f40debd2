"""Taking consent: clause by clause, locked to the exact form and information-sheet versions used.

Rules (HRA guidance, see docs/user-guide.md): no defaults (every answer starts empty), all required
statements affirmed or nothing is recorded, each focus-group member consents individually, and the
interview recording cannot start until every participant has affirmed the recording statement.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fieldwork_app.domain import conditions
from fieldwork_app.domain.pack import (
    ConsentForm,
    ConsentParty,
    DocumentKind,
    DocumentStatus,
    PartyRule,
    StatementRole,
)
from fieldwork_app.domain.records import (
    CLI_MODES,
    ConsentModeName,
    ParticipantStatus,
    evaluate_consent,
    parse_answers,
)
from fieldwork_app.errors import ConsentError, ErrorCode, ErrorKind, FieldworkError, InvalidInput
from fieldwork_app.services import ethics as ethics_svc
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import participants as participants_svc
from fieldwork_app.services import sessions as sessions_svc
from fieldwork_app.services import tasks as tasks_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.vault import now_iso

logger = logging.getLogger(__name__)


MAX_UNSIGNED_REASON = 500


def form_for(ws: Workspace, session_id: str, participant_id: str) -> ConsentForm:
    docs = sessions_svc.documents_for(ws, session_id, participant_id)
    form = packs_svc.document(ws, str(docs["form_doc"]), str(docs["form_version"]))
    if not isinstance(form, ConsentForm):
        raise FieldworkError(
            f"document {docs['form_doc']} is not a consent form", kind=ErrorKind.INVALID_PACK
        )
    return form


def _status_now(ws: Workspace, doc_id: str, version: str) -> str:
    r = ws.db.execute(
        "SELECT status FROM documents WHERE doc_id = ? AND version = ?", (doc_id, version)
    ).fetchone()
    return str(r["status"]) if r else "missing"


def template(ws: Workspace, session_id: str, participant_id: str) -> dict[str, None]:
    """Every statement id of the participant's form, each unanswered (no defaults, ever)."""
    form = form_for(ws, session_id, participant_id)
    return {s.id: None for s in form.statements}


ANSWERS_FILE_KEYS = ("form", "version", "session", "participant", "answers")


def answers_template(ws: Workspace, session_id: str, participant_id: str) -> dict[str, Any]:
    """The answers file the command line fills in: bound to the form's id and version (and the session and
    participant it was made for), every statement unanswered."""
    form = form_for(ws, session_id, participant_id)
    return {
        "form": form.id,
        "version": form.version,
        "session": session_id,
        "participant": participant_id,
        "answers": {s.id: None for s in form.statements},
    }


def answers_from_file(
    ws: Workspace, session_id: str, participant_id: str, data: Any, *, source: str = "the answers file"
) -> dict[str, Any]:
    """The answers in an answers file, once it is shown to be made for this participant's form and version
    (:func:`answers_template`); a file for another form, version, session or participant is refused before
    any answer in it is read, so statement ids that happen to match another form are never taken."""
    form = form_for(ws, session_id, participant_id)
    if not isinstance(data, dict):
        raise InvalidInput(
            f"{source}: not a JSON object of consent answers", code=ErrorCode.ANSWERS_NOT_AN_OBJECT,
            params={"source": source},
        )
    unknown = sorted(str(k) for k in data if k not in ANSWERS_FILE_KEYS)
    if "form" not in data or "version" not in data or not isinstance(data.get("answers"), dict):
        raise InvalidInput(
            f"{source}: names no consent form and version (it needs \"form\", \"version\" and \"answers\"), so "
            f"it cannot be checked against {form.id} version {form.version}. Nothing was recorded",
            code=ErrorCode.ANSWERS_NAME_NO_FORM,
            params={"source": source, "form": form.id, "version": form.version, "session": session_id,
                    "participant": participant_id},
        )
    if unknown:
        raise InvalidInput(f"{source}: unknown key(s) {', '.join(k[:40] for k in unknown[:5])}. Nothing was recorded")
    for key, expected, what in (
        ("form", form.id, "consent form"),
        ("version", form.version, "version of the consent form"),
        ("session", session_id, "session"),
        ("participant", participant_id, "participant"),
    ):
        if key not in data:
            continue
        given = data[key]
        if not isinstance(given, str) or given != expected:
            shown = given[:64] if isinstance(given, str) else repr(given)[:64]
            raise InvalidInput(
                f"{source} was made for {what} {shown!r}, not {expected!r} (the {what} of {participant_id} in "
                f"session {session_id}): answers are never carried from one form to another. Nothing was recorded",
                code=ErrorCode.ANSWERS_FOR_ANOTHER,
                params={"source": source, "what": what, "given": repr(shown), "expected": repr(expected),
                        "participant": participant_id, "session": session_id},
            )
    return dict(data["answers"])


@dataclass(frozen=True)
class ConsentResult:
    consent_id: str
    complete: bool
    recording_affirmed: bool
    form: str  # "id vX.Y", for the log and the command line
    information_sheet: str
    # The documents as a person knows them: titles and versions, for the screen.
    form_title: str = ""
    form_version: str = ""
    information_sheet_title: str = ""
    information_sheet_version: str = ""


def record(
    ws: Workspace,
    session_id: str,
    participant_id: str,
    mode: str,
    raw_answers: Mapping[str, Any],
    *,
    answer_times: Mapping[str, float] | None = None,
    recording_id: str | None = None,
    signatures: Mapping[str, Mapping[str, str]] | None = None,
    initials: Mapping[str, str] | None = None,
    unsigned_reason: str | None = None,
    parties: Mapping[str, Mapping[str, Any]] | None = None,
) -> ConsentResult:
    """Record one participant's consent; refuses (records nothing) unless every required statement is affirmed.

    ``signatures`` maps "participant"/"researcher" to ``{"svg": ..., "name": ...}``; they are identity data
    and go to the identity store.  ``answer_times`` are positions (seconds) on the consent recording.
    ``unsigned_reason`` is for attested consent (she consented but could not or would not sign on screen):
    why, in the researcher's words; it is kept in the identity store with the signatures.
    """
    mode_v = CLI_MODES.get(mode)
    if mode_v is None:
        raise InvalidInput(f"unknown consent mode '{mode}' (paper, verbal, written or attested)")
    session = sessions_svc.get(ws, session_id)
    if participant_id not in session.participant_ids:
        raise InvalidInput(f"{participant_id} is not in session {session_id}")
    person = participants_svc.get(ws, participant_id)
    participants_svc.require_eligible(person, "consent can be taken")
    ethics_svc.require_gating_done(ws, session_id, participant_id, "consent")
    ethics_svc.require_capacity(ws, session_id, participant_id, "consent")
    docs = sessions_svc.documents_for(ws, session_id, participant_id)
    form = form_for(ws, session_id, participant_id)
    for doc, ver, what in (
        (docs["form_doc"], docs["form_version"], "consent form"),
        (docs["pis_doc"], docs["pis_version"], "information sheet"),
    ):
        status = _status_now(ws, str(doc), str(ver))
        if status != DocumentStatus.IN_USE:
            raise ConsentError(
                f'consent not recorded: the {what} "{document_title(ws, str(doc), str(ver))}", version {ver}, '
                f"is {status.replace('_', ' ')}, not in use; prepare the session again with the current version",
                kind=ErrorKind.CONSENT_REFUSED,
            )
    allowed = {str(m) for m in form.modes}
    if str(mode_v) not in allowed:
        raise ConsentError(
            f'consent not recorded: the consent form "{form.title}", version {form.version}, does not allow '
            f"{mode_v.value} consent (allowed: {', '.join(sorted(allowed))})",
            kind=ErrorKind.CONSENT_REFUSED,
        )
    answers = parse_answers(form, raw_answers)
    ev = evaluate_consent(form, answers)
    if not ev.complete:
        if ev.declined_required:  # an explicit "no" is the participant's decision, and is audited as one
            ws.vault.audit(
                "consent.refused",
                "participant",
                participant_id,
                session_id=session_id,
                detail={"form": form.id, "version": form.version, "reason": ev.refusal_reason()},
            )
        # Unanswered statements are a gap in the record, never a decline: nothing is written.
        raise ConsentError("consent not recorded: " + ev.refusal_reason(), kind=ErrorKind.CONSENT_REFUSED)
    if mode_v is ConsentModeName.WRITTEN:  # signed on screen: both signatures are the evidence
        if signatures is None:
            raise InvalidInput(
                "consent signed on screen needs both signatures, which the app's consent screen takes; "
                "at the command line record paper consent (signed on paper) or verbal consent"
            )
        for signer in ("participant", "researcher"):
            if not signatures.get(signer, {}).get("svg"):
                raise InvalidInput(f"written consent needs the {signer}'s signature")
    reason = (unsigned_reason or "").strip()
    if mode_v is ConsentModeName.ATTESTED:  # the researcher's record of why she did not sign is the evidence
        if not reason:
            raise InvalidInput("attested consent needs the reason the participant did not sign on screen")
        if len(reason) > MAX_UNSIGNED_REASON:
            raise InvalidInput(f"the reason the participant did not sign is at most {MAX_UNSIGNED_REASON} characters")
        if signatures is not None and signatures.get("participant", {}).get("svg"):
            raise InvalidInput(
                "attested consent is consent without the participant's signature; they signed, so record it as written"
            )
    elif reason:
        raise InvalidInput("a reason for not signing belongs to attested consent only")
    if mode_v is ConsentModeName.VERBAL:  # the consent recording is the evidence: it must be hers, here
        take = ws.db.execute(
            "SELECT 1 FROM recordings WHERE id = ? AND session_id = ? AND kind = 'consent' AND participant_id = ?",
            (recording_id or "", session_id, participant_id),
        ).fetchone()
        if take is None:
            raise InvalidInput(
                f"verbal consent needs {participant_id}'s consent recording in session {session_id} "
                f"({'no recording given' if not recording_id else f'{recording_id} is not it'})"
            )
    present = _check_parties(ws, participant_id, parties or {})
    times = {k: float(v) for k, v in (answer_times or {}).items() if k in answers}
    marks = {k: str(v).strip()[:8] for k, v in (initials or {}).items() if str(v).strip()}
    unknown_marks = sorted(set(marks) - set(answers))
    if unknown_marks:
        raise InvalidInput(f"initials for unknown statement(s): {', '.join(unknown_marks)}")
    cid = "C-" + uuid.uuid4().hex[:12]
    taken_at = now_iso()
    with ws.vault.transaction() as db:
        db.execute(
            "INSERT INTO consent_records (id, session_id, participant_id, mode, form_doc, form_version, pis_doc,"
            " pis_version, answers_json, answer_times_json, complete, recording_id, taken_by, taken_at, parties_json)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                cid,
                session_id,
                participant_id,
                str(mode_v),
                form.id,
                form.version,
                docs["pis_doc"],
                docs["pis_version"],
                json.dumps(answers, sort_keys=True),
                json.dumps(times, sort_keys=True),
                1,
                recording_id,
                ws.user,
                taken_at,
                json.dumps({role: {k: v for k, v in d.items() if k != "name"} for role, d in present.items()},
                           sort_keys=True),
            ),
        )
        if person.status is ParticipantStatus.ELIGIBLE:
            db.execute(
                "UPDATE participants SET status = ? WHERE id = ?",
                (str(ParticipantStatus.CONSENTED), participant_id),
            )
        ws.vault.audit(
            "consent.record",
            "participant",
            participant_id,
            session_id=session_id,
            detail={
                "consent": cid,
                "mode": str(mode_v),
                "form": form.id,
                "form_version": form.version,
                "pis": docs["pis_doc"],
                "pis_version": docs["pis_version"],
                "recording_affirmed": ev.recording_affirmed,
                "present": sorted(present),
            },
        )
        _future_contact_task(ws, form, answers, session_id, participant_id)
    if signatures or marks or reason or present:
        with ws.vault.identity_transaction() as idb:
            for role, d in present.items():
                idb.execute(
                    "INSERT OR REPLACE INTO consent_parties (consent_id, role, name, agreement, recorded_at)"
                    " VALUES (?,?,?,?,?)",
                    (cid, role, d["name"], int(bool(d.get("agreement"))), taken_at),
                )
            if reason:
                idb.execute(
                    "INSERT INTO consent_unsigned (consent_id, reason, recorded_by, recorded_at) VALUES (?,?,?,?)",
                    (cid, reason, ws.user, taken_at),
                )
            for sid, mark in marks.items():
                idb.execute(
                    "INSERT OR REPLACE INTO consent_initials (consent_id, statement_id, initials)"
                    " VALUES (?,?,?)",
                    (cid, sid, mark),
                )
            for signer, sig in (signatures or {}).items():
                idb.execute(
                    "INSERT OR REPLACE INTO signatures (consent_id, signer, svg, name, signed_at)"
                    " VALUES (?,?,?,?,?)",
                    (cid, signer, sig.get("svg", ""), sig.get("name", ""), taken_at),
                )
    return ConsentResult(
        cid,
        True,
        ev.recording_affirmed,
        f"{form.id} v{form.version}",
        f"{docs['pis_doc']} v{docs['pis_version']}",
        form.title,
        form.version,
        document_title(ws, str(docs["pis_doc"]), str(docs["pis_version"])),
        str(docs["pis_version"]),
    )


PARTY_ROLES = (ConsentParty.GUARDIAN, ConsentParty.CONSULTEE, ConsentParty.WITNESS, ConsentParty.INTERPRETER)
# Who each role is, as a message names them.
PARTY_NAMES = {
    "guardian": "a parent or guardian",
    "consultee": "a consultee",
    "witness": "a witness",
    "interpreter": "an interpreter",
}
# The roles whose own form (``PartyRule.form``) is confirmed completed with the consent.
FORM_ROLES = ("guardian", "consultee")
MAX_PARTY_NAME = 200


def parties_needed(ws: Workspace, participant_id: str) -> list[PartyRule]:
    """The other people the pack's party rules ask for at this participant's consent: a parent or
    guardian, a consultee, a witness, an interpreter (a rule whose condition cannot be decided yet, such
    as an age band not recorded, is included)."""
    p = participants_svc.get(ws, participant_id)
    rules = conditions.parties_for(ws.pack().group(p.group_id), participants_svc.who(ws, participant_id))
    return [r for r in rules if r.role in PARTY_ROLES]


def needs_confirmation(rule: PartyRule) -> bool:
    """Whether the person's paper is confirmed with the consent: the interpreter's confidentiality
    agreement, or the guardian's or consultee's own form."""
    if rule.role.value in FORM_ROLES:
        return rule.form is not None
    return rule.role is ConsentParty.INTERPRETER and rule.agreement is not None


def _paper(ws: Workspace, doc_id: str) -> str:
    """A party's form as a person knows it: its title (the id when the pack does not hold it)."""
    doc = next((d for d in ws.pack().documents if d.id == doc_id), None)
    return str(doc.title) if doc is not None else doc_id


def _check_parties(
    ws: Workspace, participant_id: str, given: Mapping[str, Mapping[str, Any]]
) -> dict[str, dict[str, Any]]:
    """The other people with a part in the consent, checked against the pack's party rules: every required
    guardian, consultee, witness or interpreter named; the guardian's or consultee's own form confirmed
    completed, and an interpreter's confidentiality agreement confirmed, where the pack names one.
    Returns ``{role: {"name": ..., "present": True, "agreement": bool}}``."""
    rules = {r.role.value: r for r in parties_needed(ws, participant_id)}
    unknown = sorted(set(given) - {r.value for r in PARTY_ROLES})
    if unknown:
        roles = ", ".join(u[:32] for u in unknown)
        raise InvalidInput(f"unknown consent party role(s): {roles} ({', '.join(r.value for r in PARTY_ROLES)})")
    out: dict[str, dict[str, Any]] = {}
    for role, d in given.items():
        name = str(d.get("name") or "").strip()
        if not name:
            raise InvalidInput(f"the {role}'s name is missing")
        if len(name) > MAX_PARTY_NAME:
            raise InvalidInput(f"the {role}'s name is at most {MAX_PARTY_NAME} characters")
        out[role] = {"name": name, "present": True, "agreement": bool(d.get("agreement"))}
    for role, rule in rules.items():
        if role not in out:
            if rule.required:
                paper = f" ('{_paper(ws, rule.form)}')" if rule.form and role in FORM_ROLES else ""
                unknown = [c.attribute for c in rule.when if c.attribute in participants_svc.missing_attributes(
                    ws, participant_id)]  # fmt: skip
                why = (f" while {participant_id}'s {', '.join(str(u) for u in unknown)} is not recorded (record it "
                       "first: the protocol may not ask for one then)") if unknown else ""  # fmt: skip
                raise ConsentError(
                    f"consent not recorded: the study's protocol asks for {PARTY_NAMES[role]}{paper} at "
                    f"{participant_id}'s consent{why}; "
                    f"record who it was (--{role} NAME at the command line)",
                    kind=ErrorKind.CONSENT_REFUSED,
                )
            continue
        if not needs_confirmation(rule) or out[role]["agreement"]:
            continue
        if role == ConsentParty.INTERPRETER.value:
            title = _paper(ws, str(rule.agreement))
            raise ConsentError(
                f"consent not recorded: the interpreter signs the confidentiality agreement '{title}' before "
                f"{participant_id}'s consent; confirm it is signed",
                kind=ErrorKind.CONSENT_REFUSED,
                code=ErrorCode.INTERPRETER_AGREEMENT_FIRST,
                params={"participant": participant_id, "agreement": title},
            )
        raise ConsentError(
            f"consent not recorded: {PARTY_NAMES[role]} completes '{_paper(ws, str(rule.form))}' with "
            f"{participant_id}'s consent; confirm it is completed (--{role}-form at the command line)",
            kind=ErrorKind.CONSENT_REFUSED,
        )
    return out


def _future_contact_task(
    ws: Workspace, form: ConsentForm, answers: Mapping[str, Any], session_id: str, participant_id: str
) -> None:
    """A participant who agreed to future contact, or to be sent a summary of the findings, gets a task for
    each, once: the team must not lose track of them.  A statement declined (or not applicable) makes none."""
    for role, kind, title in (
        (StatementRole.FUTURE_CONTACT, FUTURE_CONTACT, "agreed to future contact: keep them on the contact list"),
        (StatementRole.SUMMARY, SEND_SUMMARY, "asked for a summary of the findings: send it when there is one"),
    ):
        s = form.statement_with_role(role)
        if s is None or answers.get(s.id) is not True:
            continue
        open_ = [t for t in tasks_svc.due(ws) if t.kind == kind and t.participant_id == participant_id]
        if not open_:
            tasks_svc.add(ws, kind, f"{participant_id} {title}", None, session_id, participant_id)


FUTURE_CONTACT = "future_contact"
SEND_SUMMARY = "send_summary"


def document_title(ws: Workspace, doc_id: str, version: str) -> str:
    """How a document is named to a person: its title (the bare id only for a document the pack no
    longer holds)."""
    try:
        return str(packs_svc.document(ws, doc_id, version).title)
    except FieldworkError:
        return doc_id


def records_for_session(ws: Workspace, session_id: str) -> list[dict[str, Any]]:
    rows = ws.db.execute(  # in the order they were taken (rowid): a clock set back cannot reorder them
        "SELECT * FROM consent_records WHERE session_id = ? ORDER BY rowid", (session_id,)
    ).fetchall()
    out = []
    for r in rows:
        d = dict(r)
        d["answers"] = json.loads(d.pop("answers_json"))
        d["answer_times"] = json.loads(d.pop("answer_times_json"))
        out.append(d)
    return out


def latest(ws: Workspace, session_id: str, participant_id: str) -> dict[str, Any] | None:
    recs = [r for r in records_for_session(ws, session_id) if r["participant_id"] == participant_id]
    return recs[-1] if recs else None


@dataclass(frozen=True)
class RecordingPermission:
    allowed: bool
    reasons: list[str]


def can_record(ws: Workspace, session_id: str) -> RecordingPermission:
    """Recording a session is allowed only when every participant affirmed its recording statement."""
    session = sessions_svc.get(ws, session_id)
    reasons = []
    for pid in session.participant_ids:
        person = participants_svc.get(ws, pid)
        if person.withdrawn:
            reasons.append(f"{pid} has withdrawn")
            continue
        if not person.screened_eligible:
            reasons.append(f"{pid} has not been screened eligible")
            continue
        try:
            ethics_svc.require_gating_done(ws, session_id, pid, "recording")
            ethics_svc.require_capacity(ws, session_id, pid, "recording")
        except FieldworkError as exc:
            reasons.append(exc.message)
            continue
        rec = latest(ws, session_id, pid)
        if rec is None:
            reasons.append(f"{pid} has not given consent")
            continue
        if _declined_since(ws, session_id, pid):
            reasons.append(f"{pid} declined consent after giving it: take consent again before recording")
            continue
        form = packs_svc.document(ws, rec["form_doc"], rec["form_version"])
        ev = evaluate_consent(form, rec["answers"])
        if not ev.recording_affirmed:
            reasons.append(f"{pid} has not affirmed the recording statement")
    return RecordingPermission(not reasons, reasons)


def _declined_since(ws: Workspace, session_id: str, participant_id: str) -> bool:
    """Whether her latest consent in this session was followed by a refusal (a required statement
    declined, which saves no record but is audited): a later "no" outweighs an earlier "yes"."""
    row = ws.db.execute(
        "SELECT MAX(CASE WHEN action = 'consent.record' THEN seq END),"
        " MAX(CASE WHEN action = 'consent.refused' THEN seq END) FROM audit"
        " WHERE subject_kind = 'participant' AND subject_id = ? AND session_id = ?",
        (participant_id, session_id),
    ).fetchone()
    given, refused = row[0], row[1]
    return refused is not None and (given is None or refused > given)


def verbal_script(ws: Workspace, session_id: str, participant_id: str) -> Any:
    """The verbal-consent script in use for this participant's form, if any."""
    form = form_for(ws, session_id, participant_id)
    p = participants_svc.get(ws, participant_id)
    session = sessions_svc.get(ws, session_id)
    script = ws.pack().in_use(DocumentKind.VERBAL_CONSENT_SCRIPT, p.group_id, session.format)
    if script is not None and script.consent_form == form.id:
        return script
    return None
