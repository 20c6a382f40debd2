"""Preparing a session: choices, the chosen documents, the lone-working plan, the kit check, readiness."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldwork_app.domain.pack import DocumentKind
from fieldwork_app.domain.records import LoneWorkingPlan
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import participants as participants_svc
from fieldwork_app.services import sessions as svc
from fieldwork_app.services.workspace import Workspace

from fieldwork_app.gui.formatting import date_text

POWER = Path("/sys/class/power_supply")


@dataclass(frozen=True)
class Person:
    id: str
    group_id: str
    formats: tuple[str, ...]
    locations: tuple[str, ...]


@dataclass(frozen=True)
class Options:
    people: list[Person]
    sessions: list[tuple[str, str, str]]  # (id, status, participants)


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
                tuple(str(k) for k in g.location_kinds),
            )
        )
    sessions = [(s.id, str(s.status), ", ".join(s.participant_ids)) for s in svc.list_all(ws)]
    return Options(people, sessions)


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
        s.location_kind,
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
