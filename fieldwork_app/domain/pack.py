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
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal, overload

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from fieldwork_app.errors import NotFound

logger = logging.getLogger(__name__)

PACK_FORMAT: Literal[1] = 1

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_VERSION_RE = re.compile(r"^[0-9]{1,4}(\.[0-9]{1,4}){0,3}$")
_AGE_RECIPIENT_RE = re.compile(r"^age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}$")
# A number field in an id pattern: {n}, {n:d}, {n:03d} ... wider than 9 digits is refused so a hostile
# pattern cannot ask for a gigabyte of padding.
_N_SPEC_RE = re.compile(r"^(0?[1-9]?d?)$")


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


class LocationKind(enum.StrEnum):
    HOME = "home"
    CLINIC = "clinic"
    REMOTE_VIDEO = "remote_video"
    PHONE = "phone"


class AnswerType(enum.StrEnum):
    INITIALS = "initials"
    YES_NO = "yes_no"


class StatementRole(enum.StrEnum):
    INFORMATION_SHEET = "information_sheet"
    RECORDING = "recording"
    PARTICIPATION = "participation"
    TRANSCRIPTION = "transcription"
    ARCHIVING = "archiving"


class ConsentMode(enum.StrEnum):
    WRITTEN = "written"
    VERBAL = "verbal"
    PAPER = "paper"
    # She gives each answer but cannot or will not sign on screen; the researcher records why.  Added
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


def _check_id_pattern(pattern: str) -> str:
    fields = []
    try:
        for _literal, name, spec, conversion in string.Formatter().parse(pattern):
            if name is None:
                continue
            if name != "n" or conversion is not None or not _N_SPEC_RE.match(spec or ""):
                raise PydanticCustomError(
                    "bad_id_pattern", "the only field allowed in an id pattern is {{n}}, e.g. M-{{n:03d}}"
                )
            fields.append(name)
        if not fields:
            raise PydanticCustomError(
                "bad_id_pattern", "an id pattern needs a number field {{n}}, e.g. M-{{n:03d}}"
            )
        _check_id(pattern.format(n=1))
    except ValueError as exc:  # unbalanced braces and the like
        raise PydanticCustomError(
            "bad_id_pattern", "is not a valid id pattern: {reason}", {"reason": str(exc)}
        ) from None
    except PydanticCustomError as exc:
        if exc.type == "bad_id":
            raise PydanticCustomError("bad_id_pattern", "makes ids that are not valid ids") from None
        raise
    return pattern


class Group(_Model):
    id: Id
    label: Label
    id_pattern: Annotated[str, Field(min_length=1, max_length=40), AfterValidator(_check_id_pattern)]
    linked_to: Id | None = None
    session_formats: tuple[SessionFormat, ...] = Field(min_length=1)
    location_kinds: tuple[LocationKind, ...] = Field(min_length=1)
    records_audio: bool = True
    eligibility: tuple[EligibilityCriterion, ...] = ()
    description: Text | None = None

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


class ConsentForm(_Document):
    kind: Literal[DocumentKind.CONSENT_FORM] = DocumentKind.CONSENT_FORM
    information_sheet: Id
    information_sheet_version: Version | None = None
    modes: tuple[ConsentMode, ...] = Field(min_length=1)
    statements: tuple[Statement, ...] = Field(min_length=1)

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
    record: tuple[Id, ...] = ()


class DistressProtocol(_Model):
    version: Version
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


class SafeguardingRules(_Model):
    version: Version
    designated_lead: Contact
    contacts: tuple[Contact, ...] = ()
    risk_categories: tuple[RiskCategory, ...] = Field(min_length=1)
    timing_rules: tuple[TimingRule, ...] = ()
    guidance: tuple[Text, ...] = Field(min_length=1)


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
    emergency: bool = False
    groups: tuple[Id, ...] = ()

    def for_group(self, group_id: str) -> bool:
        return not self.groups or group_id in self.groups


class Signposting(_Model):
    version: Version
    region: Label | None = None
    entries: tuple[SignpostingEntry, ...] = Field(min_length=1)

    def for_group(self, group_id: str) -> list[SignpostingEntry]:
        return [e for e in self.entries if e.for_group(group_id)]


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


class DataRules(_Model):
    audio_warning_days: int = Field(default=7, ge=1, le=365)
    purge: Purge = Purge()
    identity_store: Id | None = None


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


# --- the pack ---------------------------------------------------------------------------------------


class StudyPack(_Model):
    pack_format: Literal[1] = PACK_FORMAT
    id: Id
    version: Version
    language: Code
    study: Study
    groups: tuple[Group, ...] = Field(min_length=1)
    data_rules: DataRules = DataRules()
    sync: SyncSettings = SyncSettings()
    vouchers: tuple[Voucher, ...] = ()
    documents: tuple[Document, ...] = Field(min_length=1)
    distress_protocol: DistressProtocol
    safeguarding: SafeguardingRules
    lone_working: LoneWorkingRules
    signposting: Signposting

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
        """Documents of ``kind`` in use for this group and session format, by id."""
        fmt = SessionFormat(session_format)
        found = [
            d
            for d in self.documents
            if d.kind == kind and d.status is DocumentStatus.IN_USE and d.applies_to(group_id, fmt)
        ]
        return sorted(found, key=lambda d: (d.id, d.version_key))

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
