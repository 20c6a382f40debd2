"""Preparing a session: choices, the chosen documents, the lone-working plan, the kit check, readiness."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldwork_app.audio import Level, MicCheckResult
from fieldwork_app.domain.pack import DocumentKind
from fieldwork_app.domain.records import LoneWorkingPlan, SessionRecord
from fieldwork_app.services import recording as recording_svc
from fieldwork_app.services import screens
from fieldwork_app.services import sessions as svc
from fieldwork_app.services.workspace import Workspace

from fieldwork_app.gui.formatting import date_text
from fieldwork_app.gui.presenter import Done, Failed, Presenter

POWER = Path("/sys/class/power_supply")
#: the travel-home time offered for a first home visit (the researcher changes it to their own)
DEFAULT_TRAVEL_MINUTES = 30


Person = screens.Person
VenueChoice = screens.VenueChoice


@dataclass(frozen=True)
class Options:
    people: list[Person]
    sessions: list[tuple[str, str, str]]  # (id, status, participants)
    venues: tuple[VenueChoice, ...] = ()
    formats: tuple[str, ...] = ("interview", "focus_group")


def options(ws: Workspace) -> Options:
    got = screens.prepare_options(ws)
    lines = [(s.id, s.status, ", ".join(s.participants)) for s in got.sessions]
    return Options(list(got.people), lines, got.venues, got.formats)


@dataclass(frozen=True)
class DocLine:
    participant: str
    form: str
    sheet: str


@dataclass
class SessionView:
    id: str
    format: str
    location: str
    status: str
    participants: tuple[str, ...]
    planned_start: str
    planned_minutes: int
    guide: str
    documents: list[DocLine]
    lone_working: LoneWorkingPlan
    sealed: bool
    kit: dict[str, Any]
    checklist: list[svc.ChecklistItem] = field(default_factory=list)
    ready: bool = False
    travel_default: int = DEFAULT_TRAVEL_MINUTES  # offered while the plan has no travel-home time yet


def _title(d: screens.DocTitle) -> str:
    if d.title is None:
        return f"{d.doc_id} v{d.version}"  # the bare id when the document cannot be read
    return f"{d.title} (version {d.version}, {date_text(d.date)})"


def session_view(ws: Workspace, session_id: str) -> SessionView:
    """The prepare view (one service query) with its documents' titles and dates written out."""
    v = screens.prepare_view(ws, session_id)
    return SessionView(
        v.id,
        v.format,
        v.location,
        v.status,
        v.participants,
        v.planned_start,
        v.planned_minutes,
        _title(v.guide) if v.guide else "",
        [DocLine(d.participant, _title(d.form), _title(d.sheet)) for d in v.documents],
        v.lone_working,
        v.sealed,
        v.kit,
        list(v.checklist),
        v.ready,
        v.travel_home_minutes_before or DEFAULT_TRAVEL_MINUTES,
    )


def save_plan(ws: Workspace, session_id: str, plan: dict[str, Any], address: str) -> None:
    svc.save_visit_plan(ws, session_id, plan, address)


def set_battery(ws: Workspace, session_id: str, ok: bool) -> None:
    svc.set_battery_checked(ws, session_id, ok)


def set_booked(ws: Workspace, session_id: str, role: str, ok: bool) -> None:
    svc.update_plan(ws, session_id, {"booked": {role: ok}})


def battery_reading(root: Path = POWER) -> str | None:
    """'84 % (Discharging)' from the first battery the kernel lists, or None without one."""
    if not root.is_dir():
        return None
    for bat in sorted(root.glob("BAT*")):
        try:
            cap = (bat / "capacity").read_text().strip()
            state = (bat / "status").read_text().strip() if (bat / "status").exists() else ""
        except OSError:
            continue
        return f"{cap} %" + (f" ({state})" if state else "")
    return None


def pdfs_available() -> bool:
    return importlib.util.find_spec("fieldwork_app.services.pdfs") is not None


def document_pdf(ws: Workspace, session_id: str, kind: str) -> tuple[str, bytes]:
    """The information sheet or consent form of the session's first participant, as PDF bytes."""
    pdfs = importlib.import_module("fieldwork_app.services.pdfs")
    name, data = pdfs.session_document_pdf(ws, session_id, kind)
    return str(name), bytes(data)


class PreparePresenter(Presenter):
    """The prepare page's work: sessions and their plans, the mic check, documents as PDF."""

    def options(self, done: Done[Options], failed: Failed) -> None:
        self._db(options, done, failed)

    def session_view(self, session_id: str, done: Done[SessionView], failed: Failed) -> None:
        self._db(lambda ws: session_view(ws, session_id), done, failed)

    def new_session(
        self,
        participant_ids: list[str],
        fmt: str,
        location: str,
        start: str,
        minutes: int,
        done: Done[SessionRecord],
        failed: Failed,
    ) -> None:
        self._db(lambda ws: svc.new(ws, participant_ids, fmt, location, start, minutes), done, failed)

    def set_schedule(
        self, session_id: str, start: str, minutes: int, done: Done[object], failed: Failed
    ) -> None:
        self._db(lambda ws: svc.set_schedule(ws, session_id, start, minutes), done, failed)

    def save_plan(
        self, session_id: str, plan: dict[str, Any], address: str, done: Done[None], failed: Failed
    ) -> None:
        self._db(lambda ws: save_plan(ws, session_id, plan, address), done, failed)

    def set_booked(self, session_id: str, role: str, ok: bool, done: Done[None], failed: Failed) -> None:
        self._db(lambda ws: set_booked(ws, session_id, role, ok), done, failed)

    def set_battery(self, session_id: str, ok: bool, done: Done[None], failed: Failed) -> None:
        self._db(lambda ws: set_battery(ws, session_id, ok), done, failed)

    def mic_check(
        self,
        session_id: str,
        playback: bool,
        on_level: Callable[[Level], None],
        done: Done[MicCheckResult],
        failed: Failed,
    ) -> None:
        """Three seconds from the microphone; ``on_level`` gets each reading on the GUI thread."""
        tasks = self.ctx.tasks

        def level(reading: Level) -> None:  # audio thread: hand the reading to the GUI thread
            tasks.on_gui(lambda: on_level(reading))

        self._db(
            lambda ws: recording_svc.mic_check(ws, session_id, playback=playback, on_level=level), done, failed
        )

    def document_pdf(
        self, session_id: str, kind: DocumentKind, done: Done[tuple[str, bytes]], failed: Failed
    ) -> None:
        self._db(lambda ws: document_pdf(ws, session_id, kind), done, failed)

    def write_file(self, path: Path, data: bytes, done: Done[int], failed: Failed) -> None:
        """Write ``data`` to a file the researcher chose (on the pool: file work)."""
        self._pool(lambda: path.write_bytes(data), done, failed)
