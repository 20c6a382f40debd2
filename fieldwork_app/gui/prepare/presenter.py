"""Preparing a session: choices, the chosen documents, the lone-working plan, the kit check, readiness."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldwork_app.audio import Level, MicCheckResult
from fieldwork_app.domain.records import LoneWorkingPlan, SessionRecord
from fieldwork_app.services import recording, screens
from fieldwork_app.services import sessions as svc
from fieldwork_app.services.workspace import Workspace

from fieldwork_app.gui.formatting import date_text

POWER = Path("/sys/class/power_supply")

Person = screens.Person


@dataclass(frozen=True)
class Options:
    people: list[Person]
    sessions: list[tuple[str, str, str]]  # (id, status, participants)


def options(ws: Workspace) -> Options:
    got = screens.prepare_options(ws)
    return Options(list(got.people), [(s.id, s.status, ", ".join(s.participants)) for s in got.sessions])


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
    )


def new_session(
    ws: Workspace, pids: list[str], fmt: str, loc: str, start: str | None, minutes: int | None
) -> SessionRecord:
    return svc.new(ws, pids, fmt, loc, start, minutes)


def set_schedule(ws: Workspace, session_id: str, start: str | None, minutes: int | None) -> None:
    svc.set_schedule(ws, session_id, start, minutes)


def mic_check(
    ws: Workspace, session_id: str, playback: bool, on_level: Callable[[Level], None] | None
) -> MicCheckResult:
    return recording.mic_check(ws, session_id, playback=playback, on_level=on_level)


def save_plan(ws: Workspace, session_id: str, plan: dict[str, Any], address: str) -> None:
    svc.save_visit_plan(ws, session_id, plan, address)


def set_battery(ws: Workspace, session_id: str, ok: bool) -> None:
    svc.set_battery_checked(ws, session_id, ok)


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
