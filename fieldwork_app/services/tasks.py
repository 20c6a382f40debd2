"""Tasks: what the researcher must still do (a follow-up call, a debrief, a safeguarding record).

Other services create tasks as a side effect (a distress event at stage 2 creates a debrief task); the
home screen lists :func:`due`.  A task's title is shown on screen and stored in research.db, so it never
carries details of a concern or anything a participant said: only what to do and by when.
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from fieldwork_app.errors import InvalidInput, NotFound
from fieldwork_app.services import clock as clock_mod
from fieldwork_app.services.clock import Clock
from fieldwork_app.services.workspace import Workspace

logger = logging.getLogger(__name__)

_KIND_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")

FOLLOW_UP_CALL = "follow_up_call"
RESEARCHER_DEBRIEF = "researcher_debrief"
SAFEGUARDING = "safeguarding"
CLOSEOUT = "closeout"
FOLLOW_UP = "follow_up"


@dataclass(frozen=True)
class Task:
    id: str
    kind: str
    title: str
    due: str | None
    session_id: str | None
    participant_id: str | None
    created_at: str
    done_at: str | None = None
    overdue: bool = False

    @property
    def done(self) -> bool:
        return self.done_at is not None


def _row(r: Any, now: datetime | None = None) -> Task:
    overdue = False
    if now is not None and r["done_at"] is None and r["due"]:
        overdue = clock_mod.parse(r["due"], "due") < now
    return Task(
        id=r["id"],
        kind=r["kind"],
        title=r["title"],
        due=r["due"],
        session_id=r["session_id"],
        participant_id=r["participant_id"],
        created_at=r["created_at"],
        done_at=r["done_at"],
        overdue=overdue,
    )


def add(
    ws: Workspace,
    kind: str,
    title: str,
    due: str | date | datetime | None,
    session_id: str | None = None,
    participant_id: str | None = None,
    *,
    clock: Clock | None = None,
) -> Task:
    """Add an open task.  ``due`` may be a datetime, ISO text, or a date (due by the end of that day)."""
    if not _KIND_RE.match(kind or ""):
        raise InvalidInput(f"task kind '{kind}' is not valid: lower-case letters, digits and '_'")
    title = (title or "").strip()
    if not title or len(title) > 200:
        raise InvalidInput("a task needs a title of 1-200 characters")
    due_at = clock_mod.parse_due(due, "task due")
    if (
        session_id is not None
        and not ws.db.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone()
    ):
        raise NotFound(f"no session '{session_id}'")
    if (
        participant_id is not None
        and not ws.db.execute("SELECT 1 FROM participants WHERE id = ?", (participant_id,)).fetchone()
    ):
        raise NotFound(f"no participant '{participant_id}'")
    tid = "T-" + uuid.uuid4().hex[:12]
    now = clock_mod.resolve(clock).now()
    with ws.vault.transaction() as db:
        db.execute(
            "INSERT INTO tasks (id, kind, session_id, participant_id, title, due, done_at, created_at)"
            " VALUES (?,?,?,?,?,?,NULL,?)",
            (
                tid,
                kind,
                session_id,
                participant_id,
                title,
                clock_mod.iso(due_at) if due_at else None,
                clock_mod.iso(now),
            ),
        )
        ws.vault.audit("task.add", "task", tid, session_id=session_id, detail={"kind": kind})
    return get(ws, tid)


def get(ws: Workspace, task_id: str) -> Task:
    r = ws.db.execute("SELECT * FROM tasks WHERE id = ?", (task_id,)).fetchone()
    if r is None:
        raise NotFound(f"no task '{task_id}'")
    return _row(r)


def done(ws: Workspace, task_id: str, *, clock: Clock | None = None) -> Task:
    """Mark a task done; marking it again keeps the first time."""
    task = get(ws, task_id)
    if task.done:
        return task
    now = clock_mod.resolve(clock).now()
    with ws.vault.transaction() as db:
        db.execute("UPDATE tasks SET done_at = ? WHERE id = ?", (clock_mod.iso(now), task_id))
        ws.vault.audit("task.done", "task", task_id, session_id=task.session_id, detail={"kind": task.kind})
    return get(ws, task_id)


def due(ws: Workspace, clock: Clock | None = None) -> list[Task]:
    """Open tasks, soonest first (those without a due time last), each flagged when overdue."""
    now = clock_mod.resolve(clock).now()
    rows = ws.db.execute("SELECT * FROM tasks WHERE done_at IS NULL").fetchall()
    tasks = [_row(r, now) for r in rows]
    return sorted(tasks, key=lambda t: (t.due is None, t.due or "", t.created_at, t.id))


def for_session(ws: Workspace, session_id: str, kind: str | None = None) -> list[Task]:
    """Every task of a session, open or done, oldest first."""
    sql = "SELECT * FROM tasks WHERE session_id = ?"
    args: tuple[str, ...] = (session_id,)
    if kind is not None:
        sql += " AND kind = ?"
        args += (kind,)
    return [_row(r) for r in ws.db.execute(sql + " ORDER BY created_at, id", args).fetchall()]
