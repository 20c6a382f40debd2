"""The study home: the study, participants by group, sessions, what waits on this laptop, tasks due."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from fieldwork_app.domain.records import SessionStatus
from fieldwork_app.services import lonework as lonework_svc
from fieldwork_app.services import participants as participants_svc
from fieldwork_app.services import recording as recording_svc
from fieldwork_app.services import sessions as sessions_svc
from fieldwork_app.services import status as status_svc
from fieldwork_app.services.clock import Clock, as_utc
from fieldwork_app.services.workspace import Workspace

from fieldwork_app.gui.presenter import Done, Failed, Presenter


@dataclass(frozen=True)
class GroupRow:
    label: str
    participants: list[tuple[str, str]]  # (id, status)
    counts: dict[str, int]


@dataclass(frozen=True)
class SessionRow:
    id: str
    when: str
    participants: str
    format: str
    location: str
    status: str


@dataclass
class HomeModel:
    title: str = ""
    short_title: str = ""
    iras_id: str = ""
    pack_version: str = ""
    groups: list[GroupRow] = field(default_factory=list)
    planned: list[SessionRow] = field(default_factory=list)
    today: list[SessionRow] = field(default_factory=list)
    done: list[SessionRow] = field(default_factory=list)
    waiting: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    interrupted: int = 0
    lone_working: list[lonework_svc.LoneWorkingState] = field(default_factory=list)  # flagged now
    visits: list[lonework_svc.LoneWorkingState] = field(default_factory=list)  # begun, not yet home safe


def _day(iso: str | None) -> date | None:
    if not iso:
        return None
    try:
        return as_utc(datetime.fromisoformat(iso)).astimezone().date()  # the researcher's day, where a zone was stored
    except ValueError:
        return None


def load(ws: Workspace, today: date | None = None, clock: Clock | None = None) -> HomeModel:
    today = today or date.today()
    summary = status_svc.summary(ws)
    m = HomeModel()
    study = summary.get("study") or {}
    m.title = study.get("title", "")
    m.short_title = study.get("short_title", "")
    m.iras_id = study.get("iras_id", "")
    m.pack_version = str(study.get("pack_version", ""))
    if ws.has_pack():
        for g in ws.pack().groups:
            people = [(p.id, str(p.status)) for p in participants_svc.list_all(ws, g.id)]
            m.groups.append(GroupRow(g.label, people, dict(Counter(status for _pid, status in people))))
    for s in sessions_svc.list_all(ws):
        row = SessionRow(
            s.id,
            s.planned_start or "",
            ", ".join(s.participant_ids),
            s.format,
            s.location_kind,
            str(s.status),
        )
        if s.status is SessionStatus.COMPLETED:
            m.done.append(row)
        elif _day(s.planned_start) == today:
            m.today.append(row)
        else:
            m.planned.append(row)
    m.waiting = summary["waiting_on_laptop"]
    m.tasks = summary["tasks_due"]
    m.interrupted = recording_svc.interrupted_count(ws)
    if ws.has_pack():
        m.lone_working = lonework_svc.open_visits(ws, clock)
        m.visits = lonework_svc.unconfirmed_visits(ws, clock)
    return m


def record_lonework(ws: Workspace, session_id: str, kind: str, clock: Clock | None = None) -> None:
    """Check-out or home safe pressed on the study home (the same service call as on the session)."""
    lonework_svc.record(ws, session_id, kind, clock)


class HomePresenter(Presenter):
    """The study home's work: its overview, and check-out / home safe pressed on it."""

    def load(self, done: Done[HomeModel], failed: Failed) -> None:
        clock = getattr(self.ctx, "clock", None)
        self._db(lambda ws: load(ws, clock=clock), done, failed)

    def record_lonework(self, session_id: str, kind: str, done: Done[None], failed: Failed) -> None:
        clock = getattr(self.ctx, "clock", None)
        self._db(lambda ws: record_lonework(ws, session_id, kind, clock), done, failed)
