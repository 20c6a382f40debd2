"""The study pack: what a study's research team wrote and its ethics committee approved.

These models are the in-memory and JSON form of a pack.  The YAML files researchers edit are read by
:mod:`fieldwork_app.studypack`, which also runs the checks that need the whole pack at once (duplicate
ids, references between documents, one version in use at a time).  The models here enforce what can be
checked on one object alone, so a pack read back from the vault's JSON is held to the same rules.

All models are frozen and refuse unknown keys: a typo in a consent form must be an error, never a
silently ignored statement.  Collections are tuples so a loaded pack cannot be changed by accident.
"""

from __future__ import annotations

import enum
import logging
import re
import string
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal, overload

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from fieldwork_app.errors import NotFound

logger = logging.getLogger(__name__)

PACK_FORMAT: Literal[2] = 2
PACK_FORMATS = (1, 2)

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
# No leading zeros: "01.1" would sort as "1.1" and so pass for a version already imported.
_VERSION_RE = re.compile(r"^(0|[1-9][0-9]{0,3})(\.(0|[1-9][0-9]{0,3})){0,3}$")
# A study has a handful of participant groups; the cap keeps whole-pack checks over groups cheap.
MAX_GROUPS = 50
_AGE_RECIPIENT_RE = re.compile(r"^age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}$")
# A number field in an id pattern: {n}, {n:d}, {n:03d} ... wider than 9 digits is refused so a hostile
# pattern cannot ask for a gigabyte of padding.
_N_SPEC_RE = re.compile(r"^(0?[1-9]?d?)$")
# An emergency-services number: digits, spaces, '-', brackets, an optional leading '+' (no words, no URL).
_EMERGENCY_NUMBER_RE = re.compile(r"^\+?[0-9][0-9 ()-]*$")


def _as_text(value: Any) -> Any:
    """Let YAML numbers stand for ids (``id: 1``) but not booleans or floats, which would change text."""
    if isinstance(value, bool):
        raise PydanticCustomError("id_type", "must be text, not true/false; put it in quotes")
    if isinstance(value, int):
        return str(value)
    return value


def _check_id(value: str) -> str:
    if not _ID_RE.match(value):
        raise PydanticCustomError(
            "bad_id",
            "'{value}' is not a valid id: use up to 64 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit",
            {"value": value[:40]},
        )
    return value


def _quoted_only(value: Any) -> Any:
    """Refuse YAML numbers where the exact text matters (versions, phone numbers)."""
    if isinstance(value, bool | int | float):
        raise PydanticCustomError(
            "needs_quotes",
            'must be text in quotes (YAML reads {value} as a number), e.g. "{value}"',
            {"value": value},
        )
    return value


def _check_version(value: str) -> str:
    if not _VERSION_RE.match(value):
        raise PydanticCustomError(
            "bad_version",
            "'{value}' is not a version: use numbers separated by dots, e.g. \"1.2\"",
            {"value": value[:40]},
        )
    return value


def _no_numbers_for_dates(value: Any) -> Any:
    if isinstance(value, bool | int | float):
        raise PydanticCustomError("bad_date", "must be a date written as YYYY-MM-DD")
    return value


Id = Annotated[str, BeforeValidator(_as_text), AfterValidator(_check_id)]
Version = Annotated[str, BeforeValidator(_quoted_only), AfterValidator(_check_version)]
Phone = Annotated[str, BeforeValidator(_quoted_only), Field(min_length=1, max_length=40)]
Code = Annotated[str, BeforeValidator(_as_text), Field(min_length=1, max_length=80)]
Text = Annotated[str, Field(min_length=1, max_length=20_000)]
Label = Annotated[str, Field(min_length=1, max_length=300)]
Day = Annotated[date, BeforeValidator(_no_numbers_for_dates)]


def _yes_no_text(value: Any) -> Any:
    """YAML reads ``yes``/``no`` as booleans; an attribute value or answer is kept as the text."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    return value


Value = Annotated[str, BeforeValidator(_yes_no_text), Field(min_length=1, max_length=80)]
FileRef = Annotated[str, Field(min_length=1, max_length=300)]


def version_key(version: str) -> tuple[int, ...]:
    """Sort key for versions, so "1.10" comes after "1.9"."""
    return tuple(int(part) for part in version.split("."))


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DocumentKind(enum.StrEnum):
    INFORMATION_SHEET = "information_sheet"
    CONSENT_FORM = "consent_form"
    VERBAL_CONSENT_SCRIPT = "verbal_consent_script"
    TOPIC_GUIDE = "topic_guide"


class DocumentStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    IN_USE = "in_use"
    SUPERSEDED = "superseded"


APPROVED_STATUSES = frozenset({DocumentStatus.APPROVED, DocumentStatus.IN_USE, DocumentStatus.SUPERSEDED})


class SessionFormat(enum.StrEnum):
    INTERVIEW = "interview"
    FOCUS_GROUP = "focus_group"
    # Format 2: an interview with two or more participants (a young person and a parent, say), each of
    # whom consents and may withdraw on their own.
    JOINT_INTERVIEW = "joint_interview"


class LocationKind(enum.StrEnum):
    HOME = "home"
    CLINIC = "clinic"
    REMOTE_VIDEO = "remote_video"
    PHONE = "phone"
    # Format 2 venue kinds.
    YOUTH_CENTRE = "youth_centre"
    SCHOOL = "school"
    COMMUNITY = "community"
    WORKPLACE = "workplace"
    OTHER = "other"


# Where the researcher is alone with the participant away from a staffed site unless a venue says otherwise.
LONE_WORKING_KINDS = frozenset({LocationKind.HOME})
REMOTE_KINDS = frozenset({LocationKind.REMOTE_VIDEO, LocationKind.PHONE})


class AnswerType(enum.StrEnum):
    INITIALS = "initials"
    YES_NO = "yes_no"


class StatementRole(enum.StrEnum):
    """What a statement means to the app, so it can act on the answer (format 1 had the first five)."""

    INFORMATION_SHEET = "information_sheet"
    RECORDING = "recording"
    PARTICIPATION = "participation"
    TRANSCRIPTION = "transcription"
    ARCHIVING = "archiving"
    # Format 2.
    QUOTES = "quotes"
    FUTURE_CONTACT = "future_contact"
    CARE_TEAM_CONTACT = "care_team_contact"
    SUMMARY = "summary"
    CONFIDENTIALITY = "confidentiality"
    DATA_ACCESS = "data_access"
    WITHDRAWAL = "withdrawal"
    ASSENT = "assent"


# Roles of which a form may have at most one statement: the app looks each up by role.
SINGLE_ROLES = frozenset(
    {
        StatementRole.QUOTES,
        StatementRole.FUTURE_CONTACT,
        StatementRole.CARE_TEAM_CONTACT,
        StatementRole.SUMMARY,
        StatementRole.ARCHIVING,
    }
)


class Answer(enum.StrEnum):
    """A recorded answer to one statement.  ``not_applicable`` is recorded for a statement whose
    conditions do not hold for this participant (format 2); it is never an affirmation."""

    YES = "yes"
    NO = "no"
    NOT_APPLICABLE = "not_applicable"


class AttributeKind(enum.StrEnum):
    CHOICE = "choice"
    YES_NO = "yes_no"
    # The language the participant's documents are given in (choices are language tags of the pack's languages).
    LANGUAGE = "language"
    # Yes/no: the participant is given the easy-read version of a document where the pack has one.
    EASY_READ = "easy_read"


class ConsentParty(enum.StrEnum):
    """Who completes a consent form: the participant, or someone with a part in their consent (format 2)."""

    PARTICIPANT = "participant"
    GUARDIAN = "guardian"
    WITNESS = "witness"
    INTERPRETER = "interpreter"
    CONSULTEE = "consultee"


class DocumentVariant(enum.StrEnum):
    STANDARD = "standard"
    EASY_READ = "easy_read"


class CapacityCriterion(enum.StrEnum):
    UNDERSTAND = "understand"
    RETAIN = "retain"
    WEIGH_UP = "weigh_up"
    COMMUNICATE = "communicate"


class CapacityOutcome(enum.StrEnum):
    """What a session does when an assessment finds the participant cannot decide now."""

    STOP = "stop"
    RESCHEDULE = "reschedule"
    CONSULTEE = "consultee"


class RecordingChoice(enum.StrEnum):
    """``always``: a group that records audio needs the recording statement affirmed to take part.
    ``per_participant``: declining it gives a notes-only session (format 2)."""

    ALWAYS = "always"
    PER_PARTICIPANT = "per_participant"


class TaskBefore(enum.StrEnum):
    SESSION = "session"
    CONSENT = "consent"


class ContactRole(enum.StrEnum):
    SAFEGUARDING_FRONT_DOOR = "safeguarding_front_door"
    CHILDRENS_SAFEGUARDING = "childrens_safeguarding"
    ADULTS_SAFEGUARDING = "adults_safeguarding"
    CRISIS_LINE = "crisis_line"
    LOCAL_LEAD = "local_lead"
    SITE_MANAGER = "site_manager"
    OTHER = "other"


class RetentionFrom(enum.StrEnum):
    STUDY_END = "study_end"
    PUBLICATION = "publication"
    LAST_CONTACT = "last_contact"


class CutoffFrom(enum.StrEnum):
    SESSION = "session"
    CONSENT = "consent"


class ConsentMode(enum.StrEnum):
    WRITTEN = "written"
    VERBAL = "verbal"
    PAPER = "paper"
    # The participant gives each answer but cannot or will not sign on screen; the researcher records why.  Added
    # within pack format 1: a form that does not list it is read exactly as before.
    ATTESTED = "attested"


class QuestionRole(enum.StrEnum):
    OPENING = "opening"
    INTRODUCTORY = "introductory"
    TRANSITION = "transition"
    KEY = "key"
    ENDING = "ending"


class ProbeType(enum.StrEnum):
    AMPLIFICATORY = "amplificatory"
    EXPLORATORY = "exploratory"
    EXPLANATORY = "explanatory"
    CLARIFICATORY = "clarificatory"


class PurgePolicy(enum.StrEnum):
    IMMEDIATELY = "immediately"
    AFTER_DAYS = "after_days"


# --- study and groups -------------------------------------------------------------------------------


class Contact(_Model):
    name: Label
    role: Label | None = None
    phone: Phone | None = None
    email: Label | None = None


class Condition(_Model):
    """One condition (format 2).  Exactly one of: ``attribute`` with ``values`` (the participant's value
    is one of them), ``groups`` (the participant is in one of them), or ``statement`` with ``answer`` (their answer to
    an earlier statement of the same form).  A list of conditions holds when every one holds."""

    attribute: Id | None = None
    values: tuple[Value, ...] = ()
    groups: tuple[Id, ...] = ()
    statement: Id | None = None
    answer: Annotated[Literal["yes", "no"], BeforeValidator(_yes_no_text)] | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Condition:
        kinds = [self.attribute is not None, bool(self.groups), self.statement is not None]
        if sum(kinds) != 1:
            raise PydanticCustomError(
                "bad_condition", "a condition names exactly one of 'attribute', 'groups' or 'statement'"
            )
        if self.attribute is not None and not self.values:
            raise PydanticCustomError("bad_condition", "an 'attribute' condition needs 'values'")
        if self.attribute is None and self.values:
            raise PydanticCustomError("bad_condition", "'values' only goes with 'attribute'")
        if (self.statement is None) != (self.answer is None):
            raise PydanticCustomError("bad_condition", "'statement' and 'answer' go together")
        return self


Conditions = tuple[Condition, ...]


class Choice(_Model):
    id: Annotated[str, BeforeValidator(_yes_no_text), AfterValidator(_check_id)]
    label: Label


class Attribute(_Model):
    """Something about a participant the protocol depends on (format 2), asked when the participant is added.

    ``identifying`` attributes (a date of birth, a home language that would single them out) are kept in
    the identity store, never in the research database; conditions can still use them on this laptop."""

    id: Id
    label: Label
    kind: AttributeKind = AttributeKind.CHOICE
    choices: tuple[Choice, ...] = ()
    identifying: bool = False
    required: bool = True
    groups: tuple[Id, ...] = ()
    question: Text | None = None
    # The value an optional attribute has while none is recorded (``reading_support: no``); without one,
    # an unrecorded attribute is unknown and conditions on it are decided on the safe side.
    default: Value | None = None
    # Its value names the participant's site (``sites``): the area whose contacts apply to them.
    names_site: bool = False

    @model_validator(mode="after")
    def _choices_fit_kind(self) -> Attribute:
        if self.kind in (AttributeKind.CHOICE, AttributeKind.LANGUAGE) and not self.choices:
            raise PydanticCustomError(
                "bad_attribute", "a '{kind}' attribute needs 'choices'", {"kind": self.kind.value}
            )
        if self.kind in (AttributeKind.YES_NO, AttributeKind.EASY_READ) and self.choices:
            raise PydanticCustomError(
                "bad_attribute", "a '{kind}' attribute has no 'choices'", {"kind": self.kind.value}
            )
        if self.default is not None and self.default not in self.allowed_values:
            raise PydanticCustomError(
                "bad_attribute", "'default' must be one of: {values}", {"values": ", ".join(self.allowed_values)}
            )
        return self

    @property
    def allowed_values(self) -> tuple[str, ...]:
        if self.kind in (AttributeKind.YES_NO, AttributeKind.EASY_READ):
            return ("yes", "no")
        return tuple(c.id for c in self.choices)

    def for_group(self, group_id: str) -> bool:
        return not self.groups or group_id in self.groups


class SiteContact(_Model):
    role: ContactRole
    name: Label
    phone: Phone | None = None
    email: Label | None = None
    hours: Label | None = None
    note: Text | None = None


class Site(_Model):
    """A site or area with its own contacts (safeguarding front door, local crisis line, local lead)."""

    id: Id
    label: Label
    area: Label | None = None
    contacts: tuple[SiteContact, ...] = Field(min_length=1)

    def contacts_for(self, role: ContactRole) -> list[SiteContact]:
        return [c for c in self.contacts if c.role is role]


class Venue(_Model):
    """Where a session can be held (format 2): its kind, whether lone-working rules apply, and which
    topic guide variant is used there."""

    id: Id
    label: Label
    kind: LocationKind
    lone_working: bool | None = None
    guide: Id | None = None
    site: Id | None = None
    groups: tuple[Id, ...] = ()
    note: Text | None = None

    @property
    def needs_lone_working(self) -> bool:
        return self.kind in LONE_WORKING_KINDS if self.lone_working is None else self.lone_working

    @property
    def remote(self) -> bool:
        return self.kind in REMOTE_KINDS

    def for_group(self, group_id: str) -> bool:
        return not self.groups or group_id in self.groups


class Study(_Model):
    title: Label
    short_title: Label
    iras_id: Code
    rec_name: Label
    rec_reference: Code
    rec_opinion_date: Day
    sponsor: Label
    chief_investigator: Contact
    end_date: Day
    funder: Label | None = None
    summary: Text | None = None


class EligibilityCriterion(_Model):
    id: Id
    question: Text
    eligible_answer: bool


def check_id_pattern(pattern: str) -> str:
    example = {"example": "M-{n:03d}", "field": "{n}"}
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError as exc:  # unbalanced braces and the like
        raise PydanticCustomError(
            "bad_id_pattern", "is not a valid id pattern: {reason}", {"reason": str(exc)}
        ) from None
    fields = []
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name != "n" or conversion is not None or not _N_SPEC_RE.match(spec or ""):
            raise PydanticCustomError(
                "bad_id_pattern",
                "the only field allowed in an id pattern is {field}, e.g. {example}",
                example,
            )
        fields.append(name)
    if not fields:
        raise PydanticCustomError(
            "bad_id_pattern", "an id pattern needs a number field {field}, e.g. {example}", example
        )
    try:
        _check_id(pattern.format(n=1))
    except PydanticCustomError:
        raise PydanticCustomError(
            "bad_id_pattern",
            "this id pattern makes ids that are not valid ids; write it like {example}",
            example,
        ) from None
    return pattern


def _not_participant(role: ConsentParty) -> ConsentParty:
    if role is ConsentParty.PARTICIPANT:
        raise PydanticCustomError(
            "bad_party", "the participant's own part is their consent form, not a party rule"
        )
    return role


class PartyRule(_Model):
    """Someone else's part in a participant's consent (format 2).

    ``guardian``: a parent's or guardian's consent beside the participant's own (then their own form is assent);
    ``witness``: a witness signs that the consent was given; ``interpreter``: an interpreter is present,
    who signs ``agreement`` (a confidentiality agreement, a consent form with party 'interpreter');
    ``consultee``: a person consulted for someone who lacks capacity.  ``form`` is the id of the consent
    form that person completes (its ``party`` must match ``role``).  ``when`` limits it to some
    participants (by attribute, group or answer); without it the rule applies to every participant."""

    role: Annotated[ConsentParty, AfterValidator(_not_participant)]
    form: Id | None = None
    agreement: Id | None = None
    when: Conditions = ()
    required: bool = True
    guidance: Text | None = None


class GatingTask(_Model):
    """A task that must be done before a participant's session (or consent) can go ahead, e.g. a
    notification sent to a parent (format 2)."""

    id: Id
    title: Label
    text: Text | None = None
    before: TaskBefore = TaskBefore.SESSION
    days_before: int = Field(default=0, ge=0, le=90)
    when: Conditions = ()


class CapacityRule(_Model):
    """Capacity is assessed at each session (format 2): understand, retain, weigh up, communicate."""

    when: Conditions = ()
    criteria: tuple[CapacityCriterion, ...] = tuple(CapacityCriterion)
    if_lacking: CapacityOutcome = CapacityOutcome.STOP
    guidance: Text | None = None


class Group(_Model):
    id: Id
    label: Label
    id_pattern: Annotated[str, Field(min_length=1, max_length=40), AfterValidator(check_id_pattern)]
    linked_to: Id | None = None
    session_formats: tuple[SessionFormat, ...] = Field(min_length=1)
    # Format 1 names location kinds; format 2 names venues (``venues``) and may leave this out.
    location_kinds: tuple[LocationKind, ...] = ()
    records_audio: bool = True
    eligibility: tuple[EligibilityCriterion, ...] = ()
    description: Text | None = None
    # Format 2.
    person: Label | None = None  # how screens name one participant: "the young person"
    link_required: bool = True
    venues: tuple[Id, ...] = ()
    joint_with: tuple[Id, ...] = ()
    recording: RecordingChoice = RecordingChoice.ALWAYS
    parties: tuple[PartyRule, ...] = ()
    gating_tasks: tuple[GatingTask, ...] = ()
    capacity: CapacityRule | None = None

    @model_validator(mode="after")
    def _somewhere_to_meet(self) -> Group:
        if not self.location_kinds and not self.venues:
            raise PydanticCustomError(
                "no_location", "a group needs 'venues' (format 2) or 'location_kinds' (format 1)"
            )
        return self

    def format_id(self, n: int) -> str:
        """The pseudonymous id of the ``n``-th participant of this group, e.g. ``M-001``."""
        if n < 1:
            raise ValueError("participant numbers start at 1")
        return self.id_pattern.format(n=n)


# --- documents --------------------------------------------------------------------------------------


class Approval(_Model):
    reference: Code
    date: Day


class _Document(_Model):
    id: Id
    version: Version
    date: Day
    status: DocumentStatus
    approval: Approval | None = None
    title: Label
    groups: tuple[Id, ...] = Field(min_length=1)
    session_formats: tuple[SessionFormat, ...] = Field(min_length=1)
    language: Code | None = None
    # Format 2: a translated or easy-read version of another document (``variant_of`` is its id); it is
    # in use beside it, for sessions held in its language or for participants who need easy read.
    variant: DocumentVariant = DocumentVariant.STANDARD
    variant_of: Id | None = None

    @model_validator(mode="after")
    def _approved_documents_name_their_approval(self) -> _Document:
        if self.status in APPROVED_STATUSES and self.approval is None:
            raise PydanticCustomError(
                "approval_missing",
                "a document with status '{status}' needs an approval with its reference and date",
                {"status": self.status.value},
            )
        return self

    @property
    def version_key(self) -> tuple[int, ...]:
        return version_key(self.version)

    def applies_to(self, group_id: str, session_format: SessionFormat | str) -> bool:
        return group_id in self.groups and SessionFormat(session_format) in self.session_formats

    @property
    def base_id(self) -> str:
        """The id of the document this one is a variant of (its own id for a main document)."""
        return self.variant_of or self.id


class TextSection(_Model):
    id: Id
    heading: Label
    text: Text


class InformationSheet(_Document):
    kind: Literal[DocumentKind.INFORMATION_SHEET] = DocumentKind.INFORMATION_SHEET
    sections: tuple[TextSection, ...] = Field(min_length=1)


class Statement(_Model):
    id: Id
    text: Text
    required: bool
    answer: AnswerType = AnswerType.INITIALS
    role: StatementRole | None = None
    # Format 2: the statement applies only where every condition holds; elsewhere its answer is
    # "not applicable", and ``required`` binds only where it applies.
    applies_when: Conditions = ()


class ConsentForm(_Document):
    kind: Literal[DocumentKind.CONSENT_FORM] = DocumentKind.CONSENT_FORM
    # The sheet the participant read; a form another person completes (an interpreter's agreement) may
    # have none.
    information_sheet: Id | None = None
    information_sheet_version: Version | None = None
    modes: tuple[ConsentMode, ...] = Field(min_length=1)
    statements: tuple[Statement, ...] = Field(min_length=1)
    # Format 2: who completes this form (a guardian's consent, an interpreter's confidentiality
    # agreement ...), and whether the participant's own form is assent (valid with a guardian's consent).
    party: ConsentParty = ConsentParty.PARTICIPANT
    assent: bool = False

    @model_validator(mode="after")
    def _participant_form_names_its_sheet(self) -> ConsentForm:
        if self.party is ConsentParty.PARTICIPANT and self.information_sheet is None:
            raise PydanticCustomError(
                "sheet_missing", "a participant's consent form names its 'information_sheet'"
            )
        if self.assent and self.party is not ConsentParty.PARTICIPANT:
            raise PydanticCustomError("bad_assent", "only a participant's own form can be assent")
        return self

    def statement(self, statement_id: str) -> Statement:
        for s in self.statements:
            if s.id == statement_id:
                return s
        raise NotFound(f"consent form {self.id} v{self.version} has no statement '{statement_id}'")

    def recording_statement_ids(self) -> list[str]:
        """Statements that must be affirmed before the recorder may start."""
        return [s.id for s in self.statements if s.role is StatementRole.RECORDING]

    def required_statement_ids(self) -> list[str]:
        return [s.id for s in self.statements if s.required]

    def statement_with_role(self, role: StatementRole) -> Statement | None:
        """The first statement with ``role`` (a valid form has at most one for the roles in SINGLE_ROLES)."""
        return next((s for s in self.statements if s.role is role), None)


class ScriptPrompt(_Model):
    statement: Id
    text: Text


class VerbalConsentScript(_Document):
    kind: Literal[DocumentKind.VERBAL_CONSENT_SCRIPT] = DocumentKind.VERBAL_CONSENT_SCRIPT
    consent_form: Id
    consent_form_version: Version | None = None
    intro: Text
    prompts: tuple[ScriptPrompt, ...] = Field(min_length=1)
    closing: Text

    def prompt_for(self, statement_id: str) -> str:
        for p in self.prompts:
            if p.statement == statement_id:
                return p.text
        raise NotFound(f"verbal consent script {self.id} has no prompt for statement '{statement_id}'")


class Probe(_Model):
    text: Text
    type: ProbeType


class Question(_Model):
    id: Id
    text: Text
    role: QuestionRole = QuestionRole.KEY
    sensitive: bool = False
    probes: tuple[Probe, ...] = ()


class GuideSection(_Model):
    id: Id
    title: Label
    aim: Text
    minutes: int = Field(ge=0, le=600)
    questions: tuple[Question, ...] = ()


class TopicGuide(_Document):
    kind: Literal[DocumentKind.TOPIC_GUIDE] = DocumentKind.TOPIC_GUIDE
    ground_rules: tuple[Text, ...] = ()
    opening_checklist: tuple[Text, ...] = ()
    sections: tuple[GuideSection, ...] = Field(min_length=1)
    closing_checklist: tuple[Text, ...] = ()

    @property
    def planned_minutes(self) -> int:
        return sum(s.minutes for s in self.sections)


AnyDocument = InformationSheet | ConsentForm | VerbalConsentScript | TopicGuide
Document = Annotated[AnyDocument, Field(discriminator="kind")]
DOCUMENT_CLASSES: dict[DocumentKind, type[_Document]] = {
    DocumentKind.INFORMATION_SHEET: InformationSheet,
    DocumentKind.CONSENT_FORM: ConsentForm,
    DocumentKind.VERBAL_CONSENT_SCRIPT: VerbalConsentScript,
    DocumentKind.TOPIC_GUIDE: TopicGuide,
}


# --- protocols and rules ----------------------------------------------------------------------------


class CodedItem(_Model):
    id: Id
    text: Text
    # A distress sign or action whose very mention says more than a research bundle may (a safeguarding
    # step, a risk to a child): it stays on the laptop, and leaves only as its place in the audit chain.
    withhold: bool = False


class DistressStage(_Model):
    level: int = Field(ge=1, le=10)
    name: Label
    signs: tuple[CodedItem, ...] = Field(min_length=1)
    actions: tuple[CodedItem, ...] = Field(min_length=1)
    record: tuple[DistressRecordItem, ...] = ()


class DistressRecordItem(enum.StrEnum):
    """What a distress stage asks the researcher to record (the ``record`` list of a stage)."""

    EVENT = "event"
    PAUSE_TIMES = "pause_times"
    PARTICIPANT_CHOICE = "participant_choice"
    DISTRESS_FORM = "distress_form"
    SIGNPOSTING_GIVEN = "signposting_given"
    CONTACT_CONSENT = "contact_consent"
    FOLLOW_UP_TASK = "follow_up_task"
    INCIDENT_REPORT = "incident_report"
    TIMELINE = "timeline"
    CONTACTS = "contacts"
    REPORTING_DECISION = "reporting_decision"
    PI_TOLD = "pi_told"
    DEBRIEF = "debrief"


class DistressProtocol(_Model):
    version: Version
    # Format 2: a protocol for some groups only (files listed under ``distress_protocols``); the main
    # ``distress_protocol`` is for every group none of those names.
    id: Id | None = None
    groups: tuple[Id, ...] = ()
    source: Text | None = None
    pause_recording_by_default: bool = True
    debrief_from_level: int | None = Field(default=2, ge=1, le=10)
    stages: tuple[DistressStage, ...] = Field(min_length=1)

    @property
    def withheld_codes(self) -> frozenset[str]:
        """The ids of the signs and actions the pack marks ``withhold`` (never sent in a research bundle)."""
        return frozenset(c.id for s in self.stages for c in (*s.signs, *s.actions) if c.withhold)

    def stage(self, level: int) -> DistressStage:
        for s in self.stages:
            if s.level == level:
                return s
        raise NotFound(f"the distress protocol has no stage {level}")


class RiskCategory(_Model):
    id: Id
    label: Label


class TimingRule(_Model):
    id: Id
    situation: Text
    action: Text


class SafeguardingRoute(_Model):
    """Which procedure applies to whom (format 2), e.g. the children's procedure for under-18s."""

    id: Id
    label: Label
    when: Conditions = ()
    procedure: Text
    contact_role: ContactRole | None = None


class SafeguardingRules(_Model):
    version: Version
    designated_lead: Contact
    contacts: tuple[Contact, ...] = ()
    risk_categories: tuple[RiskCategory, ...] = Field(min_length=1)
    timing_rules: tuple[TimingRule, ...] = ()
    guidance: tuple[Text, ...] = Field(min_length=1)
    routes: tuple[SafeguardingRoute, ...] = ()


class EscalationStep(_Model):
    after_minutes: int = Field(ge=0, le=24 * 60)
    action: Text


class LoneWorkingRules(_Model):
    version: Version
    risk_assessment_required: bool = True
    buddy_required: bool = True
    backup_buddy_required: bool = False
    code_word_required: bool = True
    check_in_grace_minutes: int = Field(default=15, ge=0, le=240)
    check_out_escalation: tuple[EscalationStep, ...] = Field(min_length=1)
    code_word_action: Text | None = None
    location_retention_days: int = Field(default=7, ge=0, le=3650)
    guidance: tuple[Text, ...] = ()


class SignpostingEntry(_Model):
    id: Id
    name: Label
    purpose: Text
    phone: Phone | None = None
    text_message: Label | None = None
    hours: Label | None = None
    web: Label | None = None
    emergency: bool = False  # shown first (a crisis line may be); says nothing of whom to call in danger
    groups: tuple[Id, ...] = ()
    # Format 2: only for some participants (by attribute) or some sites.
    when: Conditions = ()
    sites: tuple[Id, ...] = ()
    # This entry is the emergency services (police, ambulance, fire): its phone is the number "in immediate
    # danger, call ..." names, and the one a lone researcher's buddy calls.  Any format; left out of the
    # canonical form when false, so a pack without it keeps its digest.
    emergency_services: bool = False

    def for_group(self, group_id: str) -> bool:
        return not self.groups or group_id in self.groups

    @model_validator(mode="after")
    def _emergency_services_have_a_number(self) -> SignpostingEntry:
        if not self.emergency_services:
            return self
        if self.phone is None:
            raise PydanticCustomError(
                "emergency_services_phone",
                "an entry marked 'emergency_services' needs the number to call: add 'phone', e.g. phone: \"112\"",
            )
        digits = sum(c.isdigit() for c in self.phone)
        if not _EMERGENCY_NUMBER_RE.match(self.phone) or not 2 <= digits <= 15:
            raise PydanticCustomError(
                "emergency_services_phone",
                "'{value}' is not a phone number to call in an emergency: use 2 to 15 digits, with spaces, "
                "'-', '(', ')' or a leading '+' only, e.g. \"112\"",
                {"value": self.phone[:40]},
            )
        return self


class Signposting(_Model):
    version: Version
    region: Label | None = None
    entries: tuple[SignpostingEntry, ...] = Field(min_length=1)

    def for_group(self, group_id: str) -> list[SignpostingEntry]:
        return [e for e in self.entries if e.for_group(group_id)]

    def emergency_phones_for_everyone(self) -> tuple[str, ...]:
        """The numbers of the emergency-services entries offered to every participant (no group, condition or site of
        their own): those the study's region calls in an emergency, for words not about one participant (what
        a lone researcher's buddy does)."""
        return emergency_phones(e for e in self.entries if not (e.groups or e.when or e.sites))


def emergency_phones(entries: Iterable[SignpostingEntry]) -> tuple[str, ...]:
    """The phone numbers of the emergency-services entries among ``entries`` (``emergency_services: true``),
    each once, in the order given: what "in immediate danger, call ..." names.  The pack says them; no
    number is assumed (a study abroad has its own).  An entry only marked ``emergency`` (shown first, such
    as a crisis line) is never named here."""
    return tuple(dict.fromkeys(e.phone for e in entries if e.emergency_services and e.phone))


class Purge(_Model):
    policy: PurgePolicy = PurgePolicy.IMMEDIATELY
    days: int | None = Field(default=None, ge=1, le=3650)

    @model_validator(mode="after")
    def _days_go_with_after_days(self) -> Purge:
        if self.policy is PurgePolicy.AFTER_DAYS and self.days is None:
            raise PydanticCustomError("purge_days", "policy 'after_days' needs 'days'")
        if self.policy is PurgePolicy.IMMEDIATELY and self.days is not None:
            raise PydanticCustomError("purge_days", "'days' only goes with policy 'after_days'")
        return self


class Withdrawal(_Model):
    """Until when a participant's data can still be taken out of the analysis (format 2)."""

    cutoff_days: int = Field(ge=0, le=3650)
    counted_from: CutoffFrom = CutoffFrom.SESSION
    after_cutoff: Text | None = None


class Archive(_Model):
    repository: Label
    access: Text | None = None
    # Only data of participants who affirmed the form's 'archiving' statement is deposited.
    needs_role: StatementRole = StatementRole.ARCHIVING


class Retention(_Model):
    consent_records_years: int = Field(ge=0, le=100)
    research_data_years: int = Field(ge=0, le=100)
    counted_from: RetentionFrom = RetentionFrom.STUDY_END
    archive: Archive | None = None


class DataRules(_Model):
    audio_warning_days: int = Field(default=7, ge=1, le=365)
    purge: Purge = Purge()
    identity_store: Id | None = None
    withdrawal: Withdrawal | None = None
    retention: Retention | None = None


def _check_recipient(value: str) -> str:
    if value and not _AGE_RECIPIENT_RE.match(value):
        raise PydanticCustomError("bad_recipient", "must be an age public key starting with 'age1', or empty")
    return value


class SyncSettings(_Model):
    study_public_key: Annotated[str, AfterValidator(_check_recipient)] = ""
    # Identity bundles (for data_rules.identity_store) are encrypted to this key, else to the study key.
    identity_public_key: Annotated[str, AfterValidator(_check_recipient)] = ""


class Voucher(_Model):
    type: Label
    provider: Label
    value: Decimal = Field(ge=0, max_digits=8, decimal_places=2)
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    groups: tuple[Id, ...] = ()
    # Format 2: conditions on who receives it and for what.
    id: Id | None = None
    when: Conditions = ()
    session_formats: tuple[SessionFormat, ...] = ()
    per_session: bool = True
    given_if_stopped_early: bool = True
    needs_approval_above: Decimal | None = Field(default=None, ge=0, max_digits=8, decimal_places=2)


# --- the pack ---------------------------------------------------------------------------------------


class StudyPack(_Model):
    pack_format: Literal[1, 2] = 1  # a pack that does not say is format 1, read as it always was
    id: Id
    version: Version
    language: Code
    study: Study
    groups: tuple[Group, ...] = Field(min_length=1, max_length=MAX_GROUPS)
    data_rules: DataRules = DataRules()
    sync: SyncSettings = SyncSettings()
    vouchers: tuple[Voucher, ...] = ()
    documents: tuple[Document, ...] = Field(min_length=1)
    distress_protocol: DistressProtocol
    safeguarding: SafeguardingRules
    lone_working: LoneWorkingRules
    signposting: Signposting
    # Format 2.
    languages: tuple[Code, ...] = ()  # session languages besides ``language``
    attributes: tuple[Attribute, ...] = ()
    venues: tuple[Venue, ...] = ()
    sites: tuple[Site, ...] = ()
    distress_protocols: tuple[DistressProtocol, ...] = ()
    sample_notes: tuple[Text, ...] = ()  # the GUI tour's example notes

    def attribute(self, attribute_id: str) -> Attribute:
        for a in self.attributes:
            if a.id == attribute_id:
                return a
        raise NotFound(f"study pack {self.id} has no participant attribute '{attribute_id}'")

    def attributes_for(self, group_id: str) -> list[Attribute]:
        return [a for a in self.attributes if a.for_group(group_id)]

    def venues_for(self, group_id: str) -> list[Venue]:
        """Where this group's sessions can be held; a format-1 group's location kinds become venues of
        the same id (home with lone working, the others without)."""
        group = self.group(group_id)
        if group.venues:
            named = {v.id: v for v in self.venues}
            return [named[v] for v in group.venues if v in named]
        return [Venue(id=k.value, label=k.value.replace("_", " "), kind=k) for k in group.location_kinds]

    def venue(self, group_id: str, venue_id: str) -> Venue:
        for v in self.venues_for(group_id):
            if v.id == venue_id:
                return v
        raise NotFound(f"group '{group_id}' has no venue '{venue_id}'")

    def location_kinds_for(self, group_id: str) -> tuple[LocationKind, ...]:
        return tuple(dict.fromkeys(v.kind for v in self.venues_for(group_id)))

    def site(self, site_id: str) -> Site:
        for s in self.sites:
            if s.id == site_id:
                return s
        raise NotFound(f"study pack {self.id} has no site '{site_id}'")

    def identifying_signposting(self) -> frozenset[str]:
        """Support entries whose giving would tell who the participant is: those for some sites only, where a site is
        named by an identifying attribute (their area), and those whose conditions read an identifying
        attribute.  Research data counts them; their ids stay with identity data."""
        identifying = {a.id for a in self.attributes if a.identifying}
        sites_identify = any(a.names_site and a.identifying for a in self.attributes)
        return frozenset(
            e.id
            for e in self.signposting.entries
            if (e.sites and sites_identify) or any(c.attribute in identifying for c in e.when)
        )

    def distress_protocol_for(self, group_id: str) -> DistressProtocol:
        """The group's own distress protocol (format 2), else the pack's main one."""
        for p in self.distress_protocols:
            if group_id in p.groups:
                return p
        return self.distress_protocol

    @property
    def venue_guides(self) -> frozenset[str]:
        """Topic guides used only at the venues that name them (in use beside the main guide)."""
        return frozenset(v.guide for v in self.venues if v.guide is not None)

    def guide_for(
        self, group_id: str, session_format: SessionFormat | str, venue_id: str | None = None
    ) -> TopicGuide | None:
        """The topic guide for a session: the venue's own guide where it names one that is in use for
        this group and format, else the group's guide in use."""
        if venue_id is not None:
            venue = next((v for v in self.venues_for(group_id) if v.id == venue_id), None)
            if venue is not None and venue.guide is not None:
                for d in self.documents:
                    if (
                        isinstance(d, TopicGuide)
                        and d.id == venue.guide
                        and d.status is DocumentStatus.IN_USE
                        and d.applies_to(group_id, session_format)
                    ):
                        return d
        return self.in_use(DocumentKind.TOPIC_GUIDE, group_id, session_format)

    def session_languages(self) -> tuple[str, ...]:
        return (self.language, *(lang for lang in self.languages if lang != self.language))

    def group(self, group_id: str) -> Group:
        for g in self.groups:
            if g.id == group_id:
                return g
        raise NotFound(f"study pack {self.id} has no group '{group_id}'")

    def document(self, doc_id: str, version: str | None = None) -> AnyDocument:
        """One document: the exact ``version``, or when it is None the newest version in use."""
        same_id = [d for d in self.documents if d.id == doc_id]
        if version is not None:
            for d in same_id:
                if d.version == version:
                    return d
            raise NotFound(f"study pack {self.id} has no document '{doc_id}' version {version}")
        in_use = [d for d in same_id if d.status is DocumentStatus.IN_USE]
        if not in_use:
            raise NotFound(f"study pack {self.id} has no version of '{doc_id}' in use")
        return max(in_use, key=lambda d: d.version_key)

    def documents_of(self, kind: DocumentKind) -> list[AnyDocument]:
        return [d for d in self.documents if d.kind == kind]

    @overload
    def documents_in_use(
        self,
        kind: Literal[DocumentKind.INFORMATION_SHEET],
        group_id: str,
        session_format: SessionFormat | str,
    ) -> list[InformationSheet]: ...
    @overload
    def documents_in_use(
        self, kind: Literal[DocumentKind.CONSENT_FORM], group_id: str, session_format: SessionFormat | str
    ) -> list[ConsentForm]: ...
    @overload
    def documents_in_use(
        self,
        kind: Literal[DocumentKind.VERBAL_CONSENT_SCRIPT],
        group_id: str,
        session_format: SessionFormat | str,
    ) -> list[VerbalConsentScript]: ...
    @overload
    def documents_in_use(
        self, kind: Literal[DocumentKind.TOPIC_GUIDE], group_id: str, session_format: SessionFormat | str
    ) -> list[TopicGuide]: ...
    @overload
    def documents_in_use(
        self, kind: DocumentKind, group_id: str, session_format: SessionFormat | str
    ) -> list[AnyDocument]: ...
    def documents_in_use(
        self, kind: DocumentKind, group_id: str, session_format: SessionFormat | str
    ) -> Sequence[AnyDocument]:
        """The participant's own documents of ``kind`` in use for this group and session format, by id:
        main documents only (variants are found with :meth:`variant_in_use`), and for consent forms only
        those the participant completes (a guardian's form is found with :meth:`party_form`)."""
        fmt = SessionFormat(session_format)
        found = [
            d
            for d in self.documents
            if d.kind == kind
            and d.status is DocumentStatus.IN_USE
            and d.variant_of is None
            and not (isinstance(d, ConsentForm) and d.party is not ConsentParty.PARTICIPANT)
            and d.id not in self.venue_guides
            and d.applies_to(group_id, fmt)
        ]
        return sorted(found, key=lambda d: (d.id, d.version_key))

    def variant_in_use(
        self,
        main: AnyDocument,
        language: str | None = None,
        variant: DocumentVariant | str = DocumentVariant.STANDARD,
    ) -> AnyDocument:
        """The version of ``main`` to use in a session held in ``language`` for a participant who needs
        ``variant``: an in-use variant of it that matches both, else ``main`` itself."""
        want = DocumentVariant(variant)
        lang = language or self.language
        if (main.language or self.language) == lang and want is DocumentVariant.STANDARD:
            return main
        for d in self.documents:
            if (
                d.variant_of == main.id
                and d.kind == main.kind
                and d.status is DocumentStatus.IN_USE
                and (d.language or self.language) == lang
                and d.variant is want
            ):
                return d
        return main

    def party_form(self, form_id: str) -> ConsentForm | None:
        """The newest in-use version of a form another person completes (named by a party rule)."""
        forms = [
            d
            for d in self.documents
            if isinstance(d, ConsentForm) and d.id == form_id and d.status is DocumentStatus.IN_USE
        ]
        return max(forms, key=lambda d: d.version_key) if forms else None

    @overload
    def in_use(
        self,
        kind: Literal[DocumentKind.INFORMATION_SHEET],
        group_id: str,
        session_format: SessionFormat | str,
    ) -> InformationSheet | None: ...
    @overload
    def in_use(
        self, kind: Literal[DocumentKind.CONSENT_FORM], group_id: str, session_format: SessionFormat | str
    ) -> ConsentForm | None: ...
    @overload
    def in_use(
        self,
        kind: Literal[DocumentKind.VERBAL_CONSENT_SCRIPT],
        group_id: str,
        session_format: SessionFormat | str,
    ) -> VerbalConsentScript | None: ...
    @overload
    def in_use(
        self, kind: Literal[DocumentKind.TOPIC_GUIDE], group_id: str, session_format: SessionFormat | str
    ) -> TopicGuide | None: ...
    @overload
    def in_use(
        self, kind: DocumentKind, group_id: str, session_format: SessionFormat | str
    ) -> AnyDocument | None: ...
    def in_use(
        self, kind: DocumentKind, group_id: str, session_format: SessionFormat | str
    ) -> AnyDocument | None:
        """The document of ``kind`` in use for this group and format (a valid pack has at most one)."""
        found = self.documents_in_use(kind, group_id, session_format)
        if len(found) > 1:
            logger.warning("pack %s has %d %s documents in use for one format", self.id, len(found), kind)
        return found[-1] if found else None


# --- format 1 and format 2 ----------------------------------------------------------------------------

# Fields that format 2 added, by model.  A pack that leaves them at their defaults is the format-1 pack it
# was, and :func:`canonical_dump` leaves them out, so a format-1 pack keeps the digest and the stored JSON
# it always had (records and pins cite both).
FORMAT2_FIELDS: dict[type[BaseModel], frozenset[str]] = {
    StudyPack: frozenset(
        {"languages", "attributes", "venues", "sites", "distress_protocols", "sample_notes"}
    ),
    Group: frozenset(
        {
            "person",
            "link_required",
            "venues",
            "joint_with",
            "recording",
            "parties",
            "gating_tasks",
            "capacity",
        }
    ),
    InformationSheet: frozenset({"variant", "variant_of"}),
    ConsentForm: frozenset({"variant", "variant_of", "party", "assent"}),
    VerbalConsentScript: frozenset({"variant", "variant_of"}),
    TopicGuide: frozenset({"variant", "variant_of"}),
    Statement: frozenset({"applies_when"}),
    DistressProtocol: frozenset({"id", "groups"}),
    SafeguardingRules: frozenset({"routes"}),
    SignpostingEntry: frozenset({"when", "sites"}),
    DataRules: frozenset({"withdrawal", "retention"}),
    Voucher: frozenset(
        {"id", "when", "session_formats", "per_session", "given_if_stopped_early", "needs_approval_above"}
    ),
}


# Fields added later that any format may use (not format 2's own).  Left at their defaults they are left out
# of the canonical form too, so a pack written before them keeps its digest and stored JSON.
LATER_FIELDS: dict[type[BaseModel], frozenset[str]] = {
    SignpostingEntry: frozenset({"emergency_services"}),
}


def _format2_exclusions(model: BaseModel) -> dict[str, Any]:
    """A pydantic ``exclude`` spec naming every format-2 (or later) field left at its default, at any depth."""
    out: dict[str, Any] = {}
    added = FORMAT2_FIELDS.get(type(model), frozenset()) | LATER_FIELDS.get(type(model), frozenset())
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if name in added and value == info.get_default(call_default_factory=True):
            out[name] = True
            continue
        if isinstance(value, BaseModel):
            inner = _format2_exclusions(value)
            if inner:
                out[name] = inner
        elif isinstance(value, tuple) and value and isinstance(value[0], BaseModel):
            items = {i: spec for i, item in enumerate(value) if (spec := _format2_exclusions(item))}
            if items:
                out[name] = items
    return out


def canonical_dump(model: BaseModel) -> dict[str, Any]:
    """The JSON form of a pack or document without the format-2 fields it leaves at their defaults."""
    return model.model_dump(mode="json", exclude=_format2_exclusions(model))


_FORMAT2_VALUES = frozenset(
    {
        *(k.value for k in LocationKind if k.value not in ("home", "clinic", "remote_video", "phone")),
        "joint_interview",
    }
)
_FORMAT1_ROLES = frozenset({"information_sheet", "recording", "participation", "transcription", "archiving"})


def uses_format2(pack: StudyPack) -> list[tuple[str | int, ...]]:
    """Key paths of the format-2 features ``pack`` uses (empty for a pack format 1 can express)."""
    found: list[tuple[str | int, ...]] = []

    def walk(model: BaseModel, path: tuple[str | int, ...]) -> None:
        added = FORMAT2_FIELDS.get(type(model), frozenset())
        for name, info in type(model).model_fields.items():
            value = getattr(model, name)
            here = (*path, name)
            if name in added and value != info.get_default(call_default_factory=True):
                found.append(here)
            elif isinstance(value, BaseModel):
                walk(value, here)
            elif isinstance(value, tuple):
                for i, item in enumerate(value):
                    if isinstance(item, BaseModel):
                        walk(item, (*here, i))
                    elif isinstance(item, enum.Enum) and item.value in _FORMAT2_VALUES:
                        found.append((*here, i))
            elif isinstance(value, StatementRole) and value.value not in _FORMAT1_ROLES:
                found.append(here)

    walk(pack, ())
    return found
