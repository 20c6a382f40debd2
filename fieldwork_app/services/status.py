"""What the study home shows: the study, participants, sessions, what waits on this laptop, tasks."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Any

from fieldwork_app.services import lonework as lonework_svc
from fieldwork_app.services import participants as participants_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.vault import audit
from fieldwork_app.vault.db import cipher_version


def _age_days(iso: str | None, now: datetime) -> float | None:
    if not iso:
        return None
    try:
        then = datetime.fromisoformat(iso)
    except ValueError:
        return None
    if then.tzinfo is None:
        then = then.replace(tzinfo=UTC)
    return (now - then).total_seconds() / 86400


WAITING_SQL = """
SELECT s.id, s.completed_at, (SELECT MIN(r.started_at) FROM recordings r WHERE r.session_id = s.id) AS first_take
FROM sessions s
WHERE s.status = 'completed'
  AND NOT EXISTS (SELECT 1 FROM outbox o JOIN receipts rc ON rc.bundle_id = o.bundle_id
                  WHERE o.session_id = s.id AND o.kind = 'session' AND o.state = 'verified')
  AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.session_id = s.id AND o.state = 'withdrawn')
ORDER BY s.id
"""


def waiting_on_laptop(ws: Workspace, now: datetime | None = None) -> list[dict[str, Any]]:
    """Completed sessions whose data has not yet been verified at the study store (one query)."""
    now = now or datetime.now(UTC)
    limit = ws.pack().data_rules.audio_warning_days if ws.has_pack() else 7
    out = []
    for sid, completed_at, first_take in ws.db.execute(WAITING_SQL).fetchall():
        since = first_take or completed_at
        days = _age_days(since, now) or 0.0
        out.append(
            {
                "session": sid,
                "since": since,
                "days": round(days, 1),
                "over_limit": days > limit,
                "limit_days": limit,
            }
        )
    return out


def tasks_due(ws: Workspace) -> list[dict[str, Any]]:
    rows = ws.db.execute("SELECT * FROM tasks WHERE done_at IS NULL ORDER BY due").fetchall()
    return [dict(r) for r in rows]


def open_visits(ws: Workspace) -> list[dict[str, Any]]:
    """Visits begun and not yet closed by home safe (checked in and not out, say), with where each stands."""
    return [
        {
            "session": st.session_id,
            "phase": str(st.phase),
            "checked_in_at": st.checked_in_at,
            "checked_out_at": st.checked_out_at,
            "expected_end": st.expected_end,
            "overdue_minutes": st.overdue_minutes,
            "due": list(st.due),
        }
        for st in lonework_svc.unconfirmed_visits(ws)
    ]


def summary(ws: Workspace) -> dict[str, Any]:
    out: dict[str, Any] = {
        "data_dir": str(ws.data_dir.root),
        "user": ws.user,
        "role": ws.vault.role,
        "users": ws.vault.slots.users(),
        "sqlcipher": cipher_version(ws.db),
    }
    if ws.has_pack():
        pack = ws.pack()
        out["study"] = {
            "title": pack.study.title,
            "short_title": pack.study.short_title,
            "iras_id": pack.study.iras_id,
            "pack": pack.id,
            "pack_version": pack.version,
        }
        groups: dict[str, dict[str, int]] = {}
        for g in pack.groups:
            counts = Counter(str(p.status) for p in participants_svc.list_all(ws, g.id))
            groups[g.id] = dict(counts)
        out["participants"] = groups
    else:
        out["study"] = None
        out["participants"] = {}
    out["sessions"] = {
        str(status): int(n)
        for status, n in ws.db.execute("SELECT status, COUNT(*) FROM sessions GROUP BY status").fetchall()
    }
    out["waiting_on_laptop"] = waiting_on_laptop(ws) if ws.has_pack() else []
    out["tasks_due"] = tasks_due(ws)
    out["open_visits"] = open_visits(ws) if ws.has_pack() else []
    chain = audit.verify(ws.db)
    out["audit"] = {"ok": chain.ok, "entries": chain.count}
    return out
