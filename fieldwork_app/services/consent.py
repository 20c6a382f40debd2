"""Taking consent: clause by clause, locked to the exact form and information-sheet versions used.

Rules (HRA guidance, see docs/user-guide.md): no defaults (every answer starts empty), all required
statements affirmed or nothing is recorded, each focus-group member consents individually, and the
interview recording cannot start until every participant has affirmed the recording statement.
"""

from __future__ import annotations

import enum
import json
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fieldwork_app.domain import conditions
from fieldwork_app.domain.conditions import ConditionFacts
from fieldwork_app.domain.pack import (
    Answer,
    ConsentForm,
    ConsentParty,
    DocumentKind,
    DocumentStatus,
    PartyRule,
    StatementRole,
    StudyPack,
)
from fieldwork_app.domain.records import (
    CLI_MODES,
    ConsentModeName,
    ParticipantStatus,
    parse_day,
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


class AnswerRefused(InvalidInput):
    """A consent answer refused, as a code and facts each face words (:attr:`ErrorCode.ANSWER_DOES_NOT_APPLY`,
    :attr:`ErrorCode.ANSWER_APPLIES`, :attr:`ErrorCode.ANSWER_UNKNOWN_STATEMENT`,
    :attr:`ErrorCode.ANSWER_NOT_YES_NO`): ``conditions`` are the conditions of a statement that does not apply,
    worded in each face's language (:mod:`fieldwork_app.services.condition_words`)."""

    def __init__(
        self,
        message: str,
        *,
        code: ErrorCode,
        params: Mapping[str, object],
        conditions: tuple[ConditionFacts, ...] = (),
    ) -> None:
        super().__init__(message, code=code, params=params)
        self.conditions = conditions


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
    """Every statement id of the participant's form that applies to them (or may, once an earlier answer
    is given), each unanswered (no defaults, ever)."""
    form = form_for(ws, session_id, participant_id)
    who = participants_svc.who(ws, participant_id)
    return dict.fromkeys(conditions.applicable_statement_ids(form, who, {}))


ANSWERS_FILE_KEYS = ("form", "version", "session", "participant", "answers", "not_applicable", "asked_only_if")


def answers_template(ws: Workspace, session_id: str, participant_id: str) -> dict[str, Any]:
    """The answers file the command line fills in: bound to the form's id and version (and the session and
    participant it was made for), every statement that applies unanswered.  Statements that do not apply
    to this participant are listed apart under ``not_applicable``, and statements asked only after a given
    answer to an earlier one under ``asked_only_if``, each with its conditions as facts
    (:class:`~fieldwork_app.domain.conditions.ConditionFacts`), which the command line words before it
    writes the file; both lists are for the reader and are not read back."""
    form = form_for(ws, session_id, participant_id)
    who = participants_svc.who(ws, participant_id)
    pack = ws.pack()
    states = conditions.statement_states(form, who, {})
    return {
        "form": form.id,
        "version": form.version,
        "session": session_id,
        "participant": participant_id,
        "answers": {st.statement.id: None for st in states if st.applies is not False},
        "not_applicable": {
            st.statement.id: conditions.facts(st.statement.applies_when, pack) for st in states if st.applies is False
        },
        "asked_only_if": {
            st.statement.id: conditions.facts(st.statement.applies_when, pack) for st in states if st.applies is None
        },
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
    answers = dict(data["answers"])  # "not_applicable" and "asked_only_if" are the template's notes: not read
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
    return check_answers(form, participants_svc.who(ws, participant_id), answers, ws.pack(), source=source)


def check_answers(
    form: ConsentForm,
    who: conditions.Who,
    raw: Mapping[str, Any],
    pack: StudyPack,
    *,
    source: str = "the answers",
) -> dict[str, Any]:
    """The answers as they are recorded: ``True`` (agreed), ``False`` (declined), ``"not_applicable"`` or
    ``None`` (unanswered) for every statement of ``form``.  Refused, naming the statement: an id the form
    does not have, an answer that is not true, false or null, "not_applicable" for a statement that applies
    to this participant, and a yes or no for one that does not (it is never asked, so an answer to it is a
    mistake in the file, not the participant's)."""
    if not isinstance(raw, Mapping):
        raise InvalidInput(f"{source}: consent answers must be an object of statement id -> true/false")
    ids = [s.id for s in form.statements]
    unknown = sorted(str(k)[:40] for k in raw if k not in ids)
    if unknown:
        raise AnswerRefused(
            f"{source}: unknown statement id(s) for form {form.id} v{form.version}: {', '.join(unknown[:10])}. "
            "Nothing was recorded",
            code=ErrorCode.ANSWER_UNKNOWN_STATEMENT,
            params={"source": source, "form": form.id, "version": form.version, "statements": ", ".join(unknown[:10])},
        )
    for sid, value in raw.items():
        if value is not None and not isinstance(value, bool) and value != Answer.NOT_APPLICABLE.value:
            shown = repr(value)[:40]
            raise AnswerRefused(
                f"{source}: answers.{sid}: the answer must be true, false or null, not {shown}. Nothing was recorded",
                code=ErrorCode.ANSWER_NOT_YES_NO,
                params={"source": source, "statement": sid, "given": shown},
            )
    states = conditions.statement_states(form, who, raw)
    out: dict[str, Any] = {}
    for st in states:
        sid = st.statement.id
        given = raw.get(sid)
        if st.applies is False:
            if isinstance(given, bool):
                raise AnswerRefused(
                    f"{source}: answers.{sid}: statement {sid} does not apply to this participant; it is not "
                    "asked, so leave it null or \"not_applicable\". Nothing was recorded",
                    code=ErrorCode.ANSWER_DOES_NOT_APPLY,
                    params={"source": source, "statement": sid},
                    conditions=conditions.facts(st.statement.applies_when, pack),
                )
            out[sid] = Answer.NOT_APPLICABLE.value
            continue
        if given == Answer.NOT_APPLICABLE.value:
            raise AnswerRefused(
                f"{source}: answers.{sid}: statement {sid} applies to this participant: answer true or false "
                "(or null if it is optional and was not answered). Nothing was recorded",
                code=ErrorCode.ANSWER_APPLIES,
                params={"source": source, "statement": sid},
            )
        out[sid] = given
    return out


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
    not_applicable: tuple[str, ...] = ()  # statements recorded "not applicable" to this participant
    consent_by: str = "participant"  # or "consultee": the consultee's advice, not the participant's consent


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
    ``unsigned_reason`` is for attested consent (the participant consented but could not or would not sign on screen):
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
    basis = ethics_svc.capacity_basis(ws, session_id, participant_id, "consent")
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
    who = participants_svc.who(ws, participant_id)
    answers = check_answers(form, who, raw_answers, ws.pack())
    ev = conditions.evaluate(form, who, answers)
    if not ev.complete:
        # An explicit "no" is the participant's decision, and is audited as one: as facts (the statements
        # declined), not in any language's words (entries from before kept a "reason" in English words).
        if ev.declined_required:
            ws.vault.audit(
                "consent.refused",
                "participant",
                participant_id,
                session_id=session_id,
                detail={"form": form.id, "version": form.version, "declined": list(ev.declined_required)},
            )
        # Unanswered statements are a gap in the record, never a decline: nothing is written.
        raise ConsentError(
            "consent not recorded: " + ev.refusal_reason(),
            kind=ErrorKind.CONSENT_REFUSED,
            code=ErrorCode.STATEMENTS_REFUSED,
            params={"declined": ", ".join(ev.declined_required), "unanswered": ", ".join(ev.missing)},
        )
    if mode_v is ConsentModeName.WRITTEN:  # signed on screen: both signatures are the evidence
        if signatures is None:
            raise InvalidInput(
                "consent signed on screen needs both signatures, which the app's consent screen takes; "
                "at the command line record paper consent (signed on paper) or verbal consent"
            )
        # on the consultee route the consultee signs in the participant's place
        first = "consultee" if basis == "consultee" else "participant"
        unknown_signers = sorted(set(signatures) - {first, "researcher"})
        if unknown_signers:
            raise InvalidInput(f"unknown signer(s) for this consent: {', '.join(u[:32] for u in unknown_signers)}")
        for signer in (first, "researcher"):
            if not signatures.get(signer, {}).get("svg"):
                raise InvalidInput(f"written consent needs the {signer}'s signature")
    reason = (unsigned_reason or "").strip()
    # attested: the researcher's record of why the participant did not sign is the evidence
    if mode_v is ConsentModeName.ATTESTED:
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
    if mode_v is ConsentModeName.VERBAL:  # the consent recording is the evidence: it must be the participant's, here
        take = ws.db.execute(
            "SELECT 1 FROM recordings WHERE id = ? AND session_id = ? AND kind = 'consent' AND participant_id = ?",
            (recording_id or "", session_id, participant_id),
        ).fetchone()
        if take is None:
            raise InvalidInput(
                f"verbal consent needs {participant_id}'s consent recording in session {session_id} "
                f"({'no recording given' if not recording_id else f'{recording_id} is not it'})"
            )
    present = _check_parties(ws, participant_id, parties or {}, consultee_route=basis == "consultee")
    if basis == "consultee":
        _consultee_advice_allows(ws, session_id, participant_id, present["consultee"])
    asked = {k for k, v in answers.items() if v != Answer.NOT_APPLICABLE.value}
    times = {k: float(v) for k, v in (answer_times or {}).items() if k in asked}
    marks = {k: str(v).strip()[:8] for k, v in (initials or {}).items() if str(v).strip()}
    unknown_marks = sorted(set(marks) - set(answers))
    if unknown_marks:
        raise InvalidInput(f"initials for unknown statement(s): {', '.join(unknown_marks)}")
    na_marks = sorted(set(marks) - asked)
    if na_marks:
        raise InvalidInput(f"initials for statement(s) that do not apply to {participant_id}: {', '.join(na_marks)}")
    cid = "C-" + uuid.uuid4().hex[:12]
    taken_at = now_iso()
    with ws.vault.transaction() as db:
        db.execute(
            "INSERT INTO consent_records (id, session_id, participant_id, mode, form_doc, form_version, pis_doc,"
            " pis_version, answers_json, answer_times_json, complete, recording_id, taken_by, taken_at, parties_json,"
            " consent_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
                json.dumps(
                    {role: {k: v for k, v in d.items() if k not in IDENTITY_KEYS} for role, d in present.items()},
                    sort_keys=True,
                ),
                basis,
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
                "not_applicable": list(ev.not_applicable),
                "consent_by": basis,
                "present": sorted(present),
            },
        )
        _future_contact_task(ws, form, answers, session_id, participant_id)
    if signatures or marks or reason or present:
        with ws.vault.identity_transaction() as idb:
            for role, d in present.items():
                idb.execute(
                    "INSERT OR REPLACE INTO consent_parties (consent_id, role, name, agreement, recorded_at,"
                    " relationship) VALUES (?,?,?,?,?,?)",
                    (cid, role, d["name"], int(bool(d.get("agreement"))), taken_at, d.get("relationship")),
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
        ev.not_applicable,
        basis,
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


CONSULTEE_KINDS = ("personal", "nominated")
CONSULTEE_ADVICE = ("take_part", "not_take_part")
IDENTITY_KEYS = ("name", "relationship")  # kept in the identity store, never with the research record
MAX_RELATIONSHIP = 100


def _consultee_details(d: Mapping[str, Any], out: dict[str, Any]) -> None:
    """A consultee's advice on the consultee route (Mental Capacity Act 2005 s.32): who they are to the
    participant, personal or nominated, their advice, and the day it was given."""
    relationship = str(d.get("relationship") or "").strip()
    if not relationship:
        raise InvalidInput(
            "the consultee's relationship to the participant is missing (for a nominated consultee, their role)"
        )
    if len(relationship) > MAX_RELATIONSHIP:
        raise InvalidInput(f"the consultee's relationship is at most {MAX_RELATIONSHIP} characters")
    kind = str(d.get("kind") or "")
    if kind not in CONSULTEE_KINDS:
        raise InvalidInput(
            "say whether the consultee is personal (cares for the participant or is interested in their welfare, "
            "unpaid) or nominated (independent of the study, where there is no personal consultee)"
        )
    advice = str(d.get("advice") or "")
    if advice not in CONSULTEE_ADVICE:
        raise InvalidInput(
            "record the consultee's advice: that the participant would want to take part (take_part) or would "
            "not (not_take_part)"
        )
    advised_on = str(d.get("advised_on") or now_iso()[:10])
    day = parse_day(advised_on, "the day the consultee gave their advice")
    if day.isoformat() > now_iso()[:10]:
        raise InvalidInput("the day the consultee gave their advice is in the future")
    out.update(relationship=relationship, kind=kind, advice=advice, advised_on=day.isoformat())


def _check_parties(
    ws: Workspace, participant_id: str, given: Mapping[str, Mapping[str, Any]], *, consultee_route: bool = False
) -> dict[str, dict[str, Any]]:
    """The other people with a part in the consent, checked against the pack's party rules: every required
    guardian, consultee, witness or interpreter named; the guardian's or consultee's own form confirmed
    completed, and an interpreter's confidentiality agreement confirmed, where the pack names one.  On the
    consultee route (``consultee_route``: the capacity assessment found the participant cannot decide and
    the pack names a consultee) the consultee is required, with their relationship, kind and advice.
    Returns ``{role: {"name": ..., "present": True, "agreement": bool, ...}}``."""
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
        if role == ConsentParty.CONSULTEE.value and consultee_route:
            _consultee_details(d, out[role])
    if consultee_route and "consultee" not in out:
        rule = rules["consultee"]
        paper = f" and completes '{_paper(ws, rule.form)}'" if rule.form else ""
        raise ConsentError(
            f"consent not recorded: the capacity assessment at this session found {participant_id} cannot decide "
            f"now, so the study's protocol asks a consultee for their advice{paper}",
            kind=ErrorKind.CONSENT_REFUSED,
            code=ErrorCode.CONSULTEE_ADVICE_NEEDED,
            params={"participant": participant_id, "form": _paper(ws, rule.form) if rule.form else ""},
        )
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
                    f"{participant_id}'s consent{why}; record who it was",
                    kind=ErrorKind.CONSENT_REFUSED,
                    code=ErrorCode.PARTY_MISSING,
                    params={"role": role, "participant": participant_id,
                            "form": _paper(ws, rule.form) if rule.form and role in FORM_ROLES else "",
                            "unrecorded": ", ".join(str(u) for u in unknown)},
                )  # fmt: skip
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
        form_title = _paper(ws, str(rule.form))
        raise ConsentError(
            f"consent not recorded: {PARTY_NAMES[role]} completes '{form_title}' with {participant_id}'s consent, "
            "and it is not confirmed completed",
            kind=ErrorKind.CONSENT_REFUSED,
            code=ErrorCode.PARTY_FORM_NOT_CONFIRMED,
            params={"role": role, "participant": participant_id, "form": form_title},
        )
    return out


def _consultee_advice_allows(
    ws: Workspace, session_id: str, participant_id: str, consultee: Mapping[str, Any]
) -> None:
    """A consultee who advises that the participant would not want to take part ends it (MCA 2005 s.32(4)):
    nothing is recorded but the refusal, which is audited as the participant's decision."""
    if consultee["advice"] == "take_part":
        return
    ws.vault.audit(
        "consent.refused",
        "participant",
        participant_id,
        session_id=session_id,
        detail={"consent_by": "consultee", "advice": consultee["advice"]},  # facts, not words
    )
    raise ConsentError(
        f"consent not recorded: the consultee advises that {participant_id} would not want to take part, so "
        f"{participant_id} does not take part",
        kind=ErrorKind.CONSENT_REFUSED,
        code=ErrorCode.CONSULTEE_ADVISES_NOT_TO_TAKE_PART,
        params={"participant": participant_id},
    )


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


def outcome_of(ws: Workspace, rec: Mapping[str, Any]) -> conditions.ConsentOutcome:
    """What a stored consent record amounts to, read with the one evaluator (a record from before
    "not applicable" was recorded reads the same: every statement of a format-1 form applies)."""
    form = packs_svc.document(ws, rec["form_doc"], rec["form_version"])
    if not isinstance(form, ConsentForm):
        raise FieldworkError(f"document {rec['form_doc']} is not a consent form", kind=ErrorKind.INVALID_PACK)
    return conditions.evaluate(form, participants_svc.who(ws, str(rec["participant_id"])), rec["answers"])


class RecordingBlock(enum.StrEnum):
    """Why a participant holds a session's recording back."""

    WITHDRAWN = "withdrawn"
    NOT_ELIGIBLE = "not-eligible"  # not screened, or screened not eligible
    GATING = "gating"  # a gating task of the protocol (see ``gating``)
    CAPACITY_FIRST = "capacity-first"  # the protocol asks for a capacity assessment at this session first
    CANNOT_DECIDE = "cannot-decide"  # the assessment at this session found they cannot decide now
    NO_CONSENT = "no-consent"
    NO_CONSULTEE_ADVICE = "no-consultee-advice"  # the consultee route applies and no advice is recorded yet
    OWN_CONSENT_NEEDED = "own-consent-needed"  # assessed able to decide after a consultee's advice was recorded
    DECLINED_SINCE = "declined-since"  # declined consent after giving it
    RECORDING_NOT_AFFIRMED = "recording-not-affirmed"


@dataclass(frozen=True)
class RecordingHold:
    """One participant's reason the session cannot be recorded (each face words it)."""

    participant: str
    block: RecordingBlock
    gating: ethics_svc.GatingState | None = None  # the task, for GATING
    statement: str = ""  # the rule's own statement where it made one (a capacity assessment's outcome)

    def __str__(self) -> str:  # the core's own statement, for the log and its errors
        if self.statement:
            return self.statement
        pid = self.participant
        return {
            RecordingBlock.WITHDRAWN: f"{pid} has withdrawn",
            RecordingBlock.NOT_ELIGIBLE: f"{pid} has not been screened eligible",
            RecordingBlock.GATING: f"recording not allowed yet: {self.gating.problem if self.gating else pid}. "
            "The study's protocol asks for it first",
            RecordingBlock.CAPACITY_FIRST: f"recording not allowed yet: the protocol asks for {pid}'s capacity to "
            "be assessed at this session first",
            RecordingBlock.CANNOT_DECIDE: f"recording not allowed: the capacity assessment at this session found "
            f"{pid} cannot decide now",
            RecordingBlock.NO_CONSENT: f"{pid} has not given consent",
            RecordingBlock.NO_CONSULTEE_ADVICE: f"{pid}'s consultee has not given their advice: record it with the "
            "consent",
            RecordingBlock.OWN_CONSENT_NEEDED: f"{pid} was assessed able to decide after the consultee's advice was "
            f"recorded: take {pid}'s own consent before recording",
            RecordingBlock.DECLINED_SINCE: f"{pid} declined consent after giving it: take consent again before "
            "recording",
            RecordingBlock.RECORDING_NOT_AFFIRMED: f"{pid} has not affirmed the recording statement",
        }[self.block]


@dataclass(frozen=True)
class RecordingPermission:
    allowed: bool
    holds: list[RecordingHold]

    @property
    def reasons(self) -> list[str]:
        """The holds as the core states them (for the log and the error that refuses a recording)."""
        return [str(h) for h in self.holds]


def can_record(ws: Workspace, session_id: str) -> RecordingPermission:
    """Recording a session is allowed only when every participant affirmed its recording statement (or, on
    the consultee route, the consultee's advice recorded with the consent affirmed it)."""
    session = sessions_svc.get(ws, session_id)
    holds: list[RecordingHold] = []
    for pid in session.participant_ids:
        person = participants_svc.get(ws, pid)
        if person.withdrawn:
            holds.append(RecordingHold(pid, RecordingBlock.WITHDRAWN))
            continue
        if not person.screened_eligible:
            holds.append(RecordingHold(pid, RecordingBlock.NOT_ELIGIBLE))
            continue
        waiting = ethics_svc.holding_now(ws, pid, session_id)
        if waiting:
            holds.append(RecordingHold(pid, RecordingBlock.GATING, waiting[0]))
            continue
        try:
            basis = ethics_svc.capacity_basis(ws, session_id, pid, "recording")
        except FieldworkError as exc:
            first = exc.code is ErrorCode.CAPACITY_FIRST
            block = RecordingBlock.CAPACITY_FIRST if first else RecordingBlock.CANNOT_DECIDE
            holds.append(RecordingHold(pid, block, statement=exc.message))
            continue
        rec = latest(ws, session_id, pid)
        if rec is None:
            missing = RecordingBlock.NO_CONSENT if basis == "participant" else RecordingBlock.NO_CONSULTEE_ADVICE
            holds.append(RecordingHold(pid, missing))
            continue
        if _declined_since(ws, session_id, pid):
            holds.append(RecordingHold(pid, RecordingBlock.DECLINED_SINCE))
            continue
        if basis == "participant" and rec.get("consent_by") == "consultee":
            holds.append(RecordingHold(pid, RecordingBlock.OWN_CONSENT_NEEDED))
            continue
        if not outcome_of(ws, rec).recording_affirmed:
            holds.append(RecordingHold(pid, RecordingBlock.RECORDING_NOT_AFFIRMED))
    return RecordingPermission(not holds, holds)


def _declined_since(ws: Workspace, session_id: str, participant_id: str) -> bool:
    """Whether the participant's latest consent in this session was followed by a refusal (a required statement
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


@dataclass(frozen=True)
class ScriptLine:
    """One statement as the verbal script reads it for this participant: ``state`` is "ask", "ask_if" (asked
    only once an earlier answer is given: ``why`` says which) or "not_applicable" (not read: ``why`` says
    whom it is for).  ``why`` is the statement's conditions as facts, for each face to word."""

    statement_id: str
    text: str
    state: str
    why: tuple[ConditionFacts, ...] = ()


def script_lines(
    ws: Workspace, session_id: str, participant_id: str, answers: Mapping[str, Any] | None = None
) -> list[ScriptLine]:
    """The statements to read to this participant, in form order, as the verbal-consent script words them
    (the statement's own text where the script has no prompt for it), given the answers so far."""
    form = form_for(ws, session_id, participant_id)
    script = verbal_script(ws, session_id, participant_id)
    prompts = {pr.statement: pr.text for pr in script.prompts} if script is not None else {}
    pack = ws.pack()
    out = []
    for st in conditions.statement_states(form, participants_svc.who(ws, participant_id), answers or {}):
        state = {True: "ask", None: "ask_if", False: "not_applicable"}[st.applies]
        why = conditions.facts(st.statement.applies_when, pack) if st.applies is not True else ()
        out.append(ScriptLine(st.statement.id, prompts.get(st.statement.id, st.statement.text), state, why))
    return out
