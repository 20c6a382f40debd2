"""Research records: participants, sessions, consent, withdrawal.  Pure Python, validated, no I/O.

The study pack (:mod:`fieldwork_app.domain.pack`) says what a study allows; these types are what
happens in it.  Validation that needs only the record and the pack lives here so the CLI, the GUI and
the tests share one rule book.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from fieldwork_app.errors import InvalidInput


class ParticipantStatus(enum.StrEnum):
    NOT_SCREENED = "not_screened"  # added, eligibility not yet asked
    ELIGIBLE = "eligible"  # screened eligible: sessions, consent and recording may follow
    NOT_ELIGIBLE = "not_eligible"  # screened not eligible: no session, consent or recording
    CONSENTED = "consented"
    INTERVIEWED = "interviewed"
    WITHDRAWN = "withdrawn"


class SessionStatus(enum.StrEnum):
    PLANNED = "planned"
    READY = "ready"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


class RecordingKind(enum.StrEnum):
    INTERVIEW = "interview"
    CONSENT = "consent"  # a participant's verbal consent, kept apart from interview audio


class TakeStatus(enum.StrEnum):
    RECORDING = "recording"  # started, not yet stopped (or the app stopped while it ran)
    SEALED = "sealed"  # stopped, its final record written
    INTERRUPTED = "interrupted"  # ended without its final record: waits for recovery
    RECOVERED = "recovered"  # sealed by recovery

    @property
    def complete(self) -> bool:
        """The take's audio is whole and may be sent (sealed or recovered)."""
        return self in (TakeStatus.SEALED, TakeStatus.RECOVERED)


class ConsentModeName(enum.StrEnum):
    WRITTEN = "written"  # signed on screen (the CLI took "electronic" for it before, and still does)
    VERBAL = "verbal"
    PAPER = "paper"
    ATTESTED = "attested"  # consented, not signed on screen: the researcher records the reason


CLI_MODES = {
    "electronic": ConsentModeName.WRITTEN,
    "written": ConsentModeName.WRITTEN,
    "verbal": ConsentModeName.VERBAL,
    "paper": ConsentModeName.PAPER,
    "attested": ConsentModeName.ATTESTED,
}


class WithdrawalScope(enum.StrEnum):
    NO_FURTHER_CONTACT = "no_further_contact"  # keep data collected so far, collect nothing new
    NO_FURTHER_DATA = "no_further_data"
    DELETE_DATA = "delete_data"  # delete what was collected (when before the analysis cut-off)


PARTICIPANT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")
SESSION_ID = re.compile(r"^S-\d{4,}$")


# What the identity store may hold about a participant (each is text; the form and the command line ask for these).
IDENTITY_FIELDS = ("name", "preferred_name", "phone", "email", "address", "postcode", "notes")


@dataclass(frozen=True)
class Participant:
    id: str
    group_id: str
    seq: int
    status: ParticipantStatus
    linked_to: str | None = None
    created_at: str = ""

    @property
    def withdrawn(self) -> bool:
        return self.status is ParticipantStatus.WITHDRAWN

    @property
    def screened_eligible(self) -> bool:
        """Screened eligible (and since consented or interviewed): the only participants a session,
        consent or recording may be made for."""
        return self.status in (
            ParticipantStatus.ELIGIBLE,
            ParticipantStatus.CONSENTED,
            ParticipantStatus.INTERVIEWED,
        )


@dataclass(frozen=True)
class SessionRecord:
    id: str
    format: str
    location_kind: str
    status: SessionStatus
    participant_ids: tuple[str, ...]
    planned_start: str | None = None
    planned_minutes: int | None = None
    guide_doc: str | None = None
    guide_version: str | None = None
    plan: Mapping[str, Any] = field(default_factory=dict)
    created_at: str = ""
    completed_at: str | None = None


def parse_day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        raise InvalidInput(f"{what}: expected a date as YYYY-MM-DD, got {text!r}") from None


def parse_when(text: str, what: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except (TypeError, ValueError):
        raise InvalidInput(f"{what}: expected a date and time as YYYY-MM-DDTHH:MM, got {text!r}") from None


@dataclass(frozen=True)
class LoneWorkingPlan:
    """A home visit's safety plan.  The address and phone number live in the identity store, sealed."""

    buddy_name: str = ""
    buddy_phone: str = ""
    backup_name: str = ""
    backup_phone: str = ""
    start: str = ""
    expected_end: str = ""
    travel_home_minutes: int = 0
    code_word_agreed: bool = False
    risk_assessment_done: bool = False

    def missing(self, *, buddy: bool = True, backup_buddy: bool = False) -> list[str]:
        """What the plan still lacks, by id (each face words them): buddy_name, buddy_phone, backup_buddy_name,
        backup_buddy_phone, start_time, expected_end, travel_home_time, code_word, risk_assessment,
        end_after_start, valid_times.  ``buddy`` and ``backup_buddy`` say whether the study's lone-working
        rules ask for a buddy and for a back-up buddy."""
        out = []
        if buddy and not self.buddy_name.strip():
            out.append("buddy_name")
        if buddy and not self.buddy_phone.strip():
            out.append("buddy_phone")
        if backup_buddy and not self.backup_name.strip():
            out.append("backup_buddy_name")
        if backup_buddy and not self.backup_phone.strip():
            out.append("backup_buddy_phone")
        if not self.start:
            out.append("start_time")
        if not self.expected_end:
            out.append("expected_end")
        if self.travel_home_minutes <= 0:
            out.append("travel_home_time")
        if not self.code_word_agreed:
            out.append("code_word")
        if not self.risk_assessment_done:
            out.append("risk_assessment")
        if self.start and self.expected_end:
            try:
                if datetime.fromisoformat(self.expected_end) <= datetime.fromisoformat(self.start):
                    out.append("end_after_start")
            except ValueError:
                out.append("valid_times")
        return out

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> LoneWorkingPlan:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in obj.items() if k in known})

    def to_json(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in self.__dataclass_fields__}
