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
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import participants as participants_svc
from fieldwork_app.services import recording as recording_svc
from fieldwork_app.services import sessions as svc
from fieldwork_app.services.workspace import Workspace

from fieldwork_app.gui.formatting import date_text
from fieldwork_app.gui.presenter import Done, Failed, Presenter

POWER = Path("/sys/class/power_supply")
#: the travel-home time offered for a first home visit (the researcher changes it to her own)
DEFAULT_TRAVEL_MINUTES = 30


@dataclass(frozen=True)
class Person:
    id: str
    group_id: str
    formats: tuple[str, ...]
    locations: tuple[str, ...]


@dataclass(frozen=True)
class VenueChoice:
    id: str
    label: str  # '' for a format-1 location kind (the view names it)
    lone_working: bool


@dataclass(frozen=True)
class Options:
    people: list[Person]
    sessions: list[tuple[str, str, str]]  # (id, status, participants)
    venues: tuple[VenueChoice, ...] = ()
    formats: tuple[str, ...] = ("interview", "focus_group")


def options(ws: Workspace) -> Options:
    pack = ws.pack()
    people = []
    for p in participants_svc.list_all(ws):
        if p.withdrawn:
            continue
        g = pack.group(p.group_id)
        people.append(
            Person(
                p.id,
                p.group_id,
                tuple(str(f) for f in g.session_formats),
                tuple(str(k) for k in pack.location_kinds_for(g.id)),
            )
        )
    sessions = [(s.id, str(s.status), ", ".join(s.participant_ids)) for s in svc.list_all(ws)]
    venues: dict[str, VenueChoice] = {}
    for g in pack.groups:
        for v in pack.venues_for(g.id):
            label = v.label if pack.venues else ""
            venues.setdefault(v.id, VenueChoice(v.id, label, v.needs_lone_working))
    formats = tuple(dict.fromkeys(str(f) for g in pack.groups for f in g.session_formats))
    return Options(people, sessions, tuple(venues.values()), formats)


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



def _travel_default(ws: Workspace, session_id: str) -> int:
    """The travel-home time of the researcher's latest other visit plan, else :data:`DEFAULT_TRAVEL_MINUTES`."""
    for s in sorted(svc.list_all(ws), key=lambda s: s.planned_start or "", reverse=True):
        minutes = LoneWorkingPlan.from_json(s.plan.get("lone_working", {})).travel_home_minutes
        if s.id != session_id and minutes > 0:
            return minutes
    return DEFAULT_TRAVEL_MINUTES


def _title(ws: Workspace, doc_id: str, version: str) -> str:
    try:
        d = packs_svc.document(ws, doc_id, version)
        return f"{d.title} (version {version}, {date_text(d.date)})"
    except Exception:  # noqa: BLE001 - shown as the bare id when the document cannot be read
        return f"{doc_id} v{version}"


def session_view(ws: Workspace, session_id: str) -> SessionView:
    s = svc.get(ws, session_id)
    docs = []
    for pid in s.participant_ids:
        d = svc.documents_for(ws, s.id, pid)
        docs.append(
            DocLine(
                pid,
                _title(ws, str(d["form_doc"]), str(d["form_version"])),
                _title(ws, str(d["pis_doc"]), str(d["pis_version"])),
            )
        )
    guide = _title(ws, s.guide_doc, str(s.guide_version)) if s.guide_doc else ""
    sealed = ws.idb.execute("SELECT 1 FROM locations WHERE session_id = ?", (s.id,)).fetchone() is not None
    cl = svc.checklist(ws, s.id)
    return SessionView(
        s.id,
        s.format,
        str(s.plan.get("venue") or s.location_kind),
        str(svc.get(ws, s.id).status),
        s.participant_ids,
        s.planned_start or "",
        s.planned_minutes or 60,
        guide,
        docs,
        LoneWorkingPlan.from_json(s.plan.get("lone_working", {})),
        sealed,
        dict(s.plan.get("kit", {})),
        list(cl.items),
        cl.ready,
        _travel_default(ws, s.id),
    )


def save_plan(ws: Workspace, session_id: str, plan: dict[str, Any], address: str) -> None:
    svc.update_plan(ws, session_id, {"lone_working": plan})
    if address.strip():
        svc.seal_location(
            ws, session_id, address, retention_days=ws.pack().lone_working.location_retention_days
        )


def set_battery(ws: Workspace, session_id: str, ok: bool) -> None:
    kit = dict(svc.get(ws, session_id).plan.get("kit", {}))
    kit["battery_ok"] = ok
    svc.update_plan(ws, session_id, {"kit": kit})


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
    s = svc.get(ws, session_id)
    d = svc.documents_for(ws, s.id, s.participant_ids[0])
    doc_id, version = (
        (d["pis_doc"], d["pis_version"])
        if kind == DocumentKind.INFORMATION_SHEET
        else (d["form_doc"], d["form_version"])
    )
    title = str(packs_svc.document(ws, str(doc_id), str(version)).title)
    name = "".join(c for c in title if c not in '/\\:*?"<>|').strip() or str(doc_id)  # a file name she recognises
    return f"{name} v{version}.pdf", pdfs.document_preview_pdf(ws, str(doc_id), str(version))


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
