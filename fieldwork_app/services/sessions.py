"""Sessions: preparing an interview or focus group, its documents, plan and readiness checklist."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from fieldwork_app.domain import conditions
from fieldwork_app.domain.pack import DocumentKind, DocumentStatus, LocationKind, SessionFormat
from fieldwork_app.domain.records import LoneWorkingPlan, SessionRecord, SessionStatus, parse_when
from fieldwork_app.errors import ErrorKind, FieldworkError, InvalidInput, NotFound
from fieldwork_app.services import clock as clock_mod
from fieldwork_app.services import participants as participants_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.vault import now_iso

if TYPE_CHECKING:
    from fieldwork_app.services.ethics import GatingState

logger = logging.getLogger(__name__)

CLI_FORMATS = {
    "interview": SessionFormat.INTERVIEW,
    "focus-group": SessionFormat.FOCUS_GROUP,
    "focus_group": SessionFormat.FOCUS_GROUP,
    "joint-interview": SessionFormat.JOINT_INTERVIEW,
    "joint_interview": SessionFormat.JOINT_INTERVIEW,
}
# Compressed audio is about 0.6x of 16-bit PCM; plan for raw size to be safe.
BYTES_PER_MINUTE = 48_000 * 2 * 60


def _row(ws: Workspace, r: Any) -> SessionRecord:
    pids = tuple(
        x["participant_id"]
        for x in ws.db.execute(
            "SELECT participant_id FROM session_participants WHERE session_id = ? ORDER BY participant_id",
            (r["id"],),
        )
    )
    return SessionRecord(
        id=r["id"],
        format=r["format"],
        location_kind=r["location_kind"],
        status=SessionStatus(r["status"]),
        participant_ids=pids,
        planned_start=r["planned_start"],
        planned_minutes=r["planned_minutes"],
        guide_doc=r["guide_doc"],
        guide_version=r["guide_version"],
        plan=json.loads(r["plan_json"] or "{}"),
        created_at=r["created_at"],
        completed_at=r["completed_at"],
    )


def get(ws: Workspace, session_id: str) -> SessionRecord:
    r = ws.db.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if r is None:
        raise NotFound(f"no session '{session_id}'")
    return _row(ws, r)


def list_all(ws: Workspace) -> list[SessionRecord]:
    return [_row(ws, r) for r in ws.db.execute("SELECT * FROM sessions ORDER BY id").fetchall()]


def documents_for(ws: Workspace, session_id: str, participant_id: str) -> dict[str, str | None]:
    r = ws.db.execute(
        "SELECT * FROM session_participants WHERE session_id = ? AND participant_id = ?",
        (session_id, participant_id),
    ).fetchone()
    if r is None:
        raise NotFound(f"{participant_id} is not in session {session_id}")
    return {k: r[k] for k in ("form_doc", "form_version", "pis_doc", "pis_version")}


def new(
    ws: Workspace,
    participant_ids: Sequence[str],
    session_format: str,
    location_kind: str = "home",
    planned_start: str | None = None,
    planned_minutes: int | None = None,
) -> SessionRecord:
    """Create a planned session; picks the consent form, information sheet and topic guide in use."""
    pack = ws.pack()
    fmt = CLI_FORMATS.get(session_format)
    if fmt is None:
        try:
            fmt = SessionFormat(session_format)
        except ValueError:
            raise InvalidInput(f"unknown format '{session_format}' (interview or focus-group)") from None
    # A venue the pack defines (format 2), or a location kind.
    venue = next((v for v in pack.venues if v.id == location_kind), None)
    try:
        loc = venue.kind if venue is not None else LocationKind(location_kind.replace("-", "_"))
    except ValueError:
        named = [v.id for v in pack.venues] or [k.value for k in LocationKind]
        raise InvalidInput(f"unknown venue or location kind '{location_kind}' (one of {', '.join(named)})") from None
    if not participant_ids:
        raise InvalidInput("a session needs at least one participant")
    if len(set(participant_ids)) != len(participant_ids):
        raise InvalidInput("a participant is listed twice")
    if fmt is SessionFormat.INTERVIEW and len(participant_ids) != 1:
        raise InvalidInput("an interview has one participant; a session with several is a focus group")
    if fmt is SessionFormat.JOINT_INTERVIEW and len(participant_ids) < 2:
        raise InvalidInput("a joint interview has two or more participants; with one it is an interview")
    if planned_start:
        parse_when(planned_start, "planned start")
    if planned_minutes is not None and not 1 <= planned_minutes <= 600:
        raise InvalidInput("planned length must be 1-600 minutes")
    people = [participants_svc.get(ws, pid) for pid in participant_ids]
    docs: dict[str, tuple[Any, Any]] = {}
    guide = None
    for p in people:
        participants_svc.require_eligible(p, "session can be planned with them")
        group = pack.group(p.group_id)
        if fmt not in group.session_formats:
            raise InvalidInput(f"group '{group.id}' does not take part in {fmt.value.replace('_', ' ')}s")
        if loc not in pack.location_kinds_for(group.id) or (
            venue is not None and venue.id not in {v.id for v in pack.venues_for(group.id)}
        ):
            raise InvalidInput(f"group '{group.id}' sessions cannot be held at '{location_kind}'")
        form = pack.in_use(DocumentKind.CONSENT_FORM, p.group_id, fmt)
        pis = pack.in_use(DocumentKind.INFORMATION_SHEET, p.group_id, fmt)
        if form is None or pis is None:
            raise FieldworkError(
                f"no consent form and information sheet in use for group '{p.group_id}' ({fmt.value})",
                kind=ErrorKind.NOT_READY,
            )
        # The participant's language and easy-read versions where the pack has them (format 2).
        who = participants_svc.who(ws, p.id)
        docs[p.id] = (conditions.document_for(pack, form, who), conditions.document_for(pack, pis, who))
        g = pack.guide_for(p.group_id, fmt, venue.id if venue is not None else None)
        if guide is None:
            guide = g
    with ws.vault.transaction() as db:
        row = db.execute("SELECT COUNT(*) FROM sessions").fetchone()
        n = int(row[0]) + 1
        while db.execute("SELECT 1 FROM sessions WHERE id = ?", (f"S-{n:04d}",)).fetchone():
            n += 1
        sid = f"S-{n:04d}"
        db.execute(
            "INSERT INTO sessions (id, format, location_kind, status, planned_start, planned_minutes, guide_doc,"
            " guide_version, plan_json, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                sid,
                str(fmt),
                str(loc),
                str(SessionStatus.PLANNED),
                planned_start,
                planned_minutes,
                guide.id if guide else None,
                guide.version if guide else None,
                json.dumps({"venue": venue.id}) if venue is not None else "{}",
                now_iso(),
                ws.user,
            ),
        )
        for pid, (form, pis) in docs.items():
            db.execute(
                "INSERT INTO session_participants (session_id, participant_id, form_doc, form_version, pis_doc,"
                " pis_version) VALUES (?,?,?,?,?,?)",
                (sid, pid, form.id, form.version, pis.id, pis.version),
            )
        ws.vault.audit(
            "session.create",
            "session",
            sid,
            session_id=sid,
            detail={"format": str(fmt), "location": str(loc), "participants": list(participant_ids)},
        )
    return get(ws, sid)


BOOKABLE = ("interpreter", "witness")


def update_plan(ws: Workspace, session_id: str, changes: Mapping[str, Any]) -> SessionRecord:
    """Merge ``changes`` into the session's plan (lone-working plan, kit check results, planned time)."""
    s = get(ws, session_id)
    plan = dict(s.plan)
    for key, value in changes.items():
        if key == "lone_working":
            plan["lone_working"] = LoneWorkingPlan.from_json(value).to_json()
        elif key in ("kit", "notes"):
            plan[key] = dict(value)
        elif key == "booked":  # the people the protocol asks for at the consent, booked for this session
            unknown = sorted(set(value) - set(BOOKABLE))
            if unknown or not all(isinstance(v, bool) for v in value.values()):
                raise InvalidInput(f"only {' and '.join(BOOKABLE)} are booked for a session, yes or no")
            plan["booked"] = {**plan.get("booked", {}), **value}
        else:
            raise InvalidInput(f"unknown plan section '{key}'")
    with ws.vault.transaction() as db:
        db.execute(
            "UPDATE sessions SET plan_json = ? WHERE id = ?", (json.dumps(plan, sort_keys=True), session_id)
        )
        ws.vault.audit(
            "session.plan", "session", session_id, session_id=session_id, detail={"sections": sorted(changes)}
        )
    refresh_status(ws, session_id)
    return get(ws, session_id)


def set_schedule(
    ws: Workspace, session_id: str, planned_start: str | None, planned_minutes: int | None
) -> None:
    if planned_start:
        parse_when(planned_start, "planned start")
    with ws.vault.transaction() as db:
        db.execute(
            "UPDATE sessions SET planned_start = ?, planned_minutes = ? WHERE id = ?",
            (planned_start, planned_minutes, session_id),
        )
    refresh_status(ws, session_id)


@dataclass(frozen=True)
class KitCheck:
    """The kit check of a session (kept in its plan): the microphone test's outcome and the battery."""

    mic_ok: bool = False
    mic_device: str = ""
    mic_detail: str = ""  # "peak -12 dBFS", the core's own statement (kit checks before mic_peak_dbfs have only it)
    mic_checked_at: str = ""
    battery_ok: bool = False
    mic_peak_dbfs: float | None = None  # the check's loudest moment, for each face to word

    @classmethod
    def from_plan(cls, plan: Mapping[str, Any]) -> KitCheck:
        kit = plan.get("kit") or {}
        return cls(
            mic_ok=bool(kit.get("mic_ok")),
            mic_device=str(kit.get("mic_device") or ""),
            mic_detail=str(kit.get("mic_detail") or ""),
            mic_checked_at=str(kit.get("mic_checked_at") or ""),
            battery_ok=bool(kit.get("battery_ok")),
            mic_peak_dbfs=float(kit["mic_peak_dbfs"]) if isinstance(kit.get("mic_peak_dbfs"), int | float) else None,
        )


def kit_check(ws: Workspace, session_id: str) -> KitCheck:
    return KitCheck.from_plan(get(ws, session_id).plan)


def record_kit(ws: Workspace, session_id: str, **changes: object) -> KitCheck:
    """Note kit check results (``mic_ok=...``, ``battery_ok=...``) on the session; the others are kept."""
    s = get(ws, session_id)
    kit = dict(s.plan.get("kit") or {})
    known = {f for f in KitCheck.__dataclass_fields__}
    unknown = set(changes) - known
    if unknown:
        raise InvalidInput(f"unknown kit check item(s): {', '.join(sorted(unknown))}")
    kit.update(changes)
    update_plan(ws, session_id, {"kit": kit})
    return KitCheck.from_plan({"kit": kit})


@dataclass(frozen=True)
class DocumentGap:
    """A document a session uses that is not in use: its ``role`` (``topic_guide``, ``consent_form`` or
    ``information_sheet``), its id and version ("" when none is chosen) and its ``state``: ``none`` (none
    chosen), ``missing`` (not in the study pack) or the document's status (``superseded``, ``approved`` ...)."""

    role: str
    doc: str
    version: str
    state: str

    def __str__(self) -> str:  # the core's own statement, for the log
        if self.state == "none":
            return f"no {self.role.replace('_', ' ')}"
        return f"{self.role.replace('_', ' ')} {self.doc} v{self.version} {self.state.replace('_', ' ')}"


@dataclass(frozen=True)
class ChecklistItem:
    """One item of the readiness checklist, by id (participants, schedule, documents, gating, lone_working,
    interpreter_booked, witness_booked, mic, disk, battery), with the facts each face words (see
    :mod:`fieldwork_app.services.readiness_words`): what a lone-working plan lacks (by id, see
    :meth:`LoneWorkingPlan.missing`, plus ``address_sealed``) or whom to book (``missing``), the documents
    not in use (``documents``), the protocol's tasks still waiting (``waiting``), the free and needed disk
    space, the microphone's level (``mic_peak_dbfs``; ``mic_detail`` where only that was kept)."""

    id: str
    done: bool
    missing: tuple[str, ...] = ()
    free_mib: int = 0
    need_mib: int = 0
    mic_detail: str = ""
    mic_peak_dbfs: float | None = None
    documents: tuple[DocumentGap, ...] = ()
    waiting: tuple[GatingState, ...] = ()


@dataclass(frozen=True)
class Checklist:
    items: list[ChecklistItem] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return all(i.done for i in self.items)

    def missing(self) -> list[str]:
        return [i.id for i in self.items if not i.done]


def lone_working_applies(ws: Workspace, session: SessionRecord) -> bool:
    """Whether the pack's lone-working rules apply: the session's venue says so (format 2), else it is a
    home visit."""
    venue_id = session.plan.get("venue")
    venue = next((v for v in ws.pack().venues if v.id == venue_id), None)
    if venue is not None:
        return venue.needs_lone_working
    return session.location_kind == LocationKind.HOME


def checklist(ws: Workspace, session_id: str) -> Checklist:
    """What a research assistant must complete before the session is ready."""
    s = get(ws, session_id)
    pack = ws.pack()
    items = [
        ChecklistItem("participants", bool(s.participant_ids)),
        ChecklistItem("schedule", bool(s.planned_start and s.planned_minutes)),
    ]
    stale = _documents_not_in_use(ws, s)
    items.append(ChecklistItem("documents", not stale, documents=tuple(stale)))
    from fieldwork_app.services import ethics  # ethics reads sessions
    from fieldwork_app.services import participants as participants_svc

    unrecorded = [
        f"{pid}: {', '.join(m)}" for pid in s.participant_ids if (m := participants_svc.missing_attributes(ws, pid))
    ]
    if unrecorded:  # the protocol's rules read them: who must be present, which tasks come first
        items.append(ChecklistItem("attributes", False, missing=tuple(unrecorded)))
    gating = [st for pid in s.participant_ids for st in ethics.gating_state(ws, pid, s.id)]
    if gating:
        waiting = tuple(st for st in gating if st.hold is not None)
        items.append(ChecklistItem("gating", not waiting, waiting=waiting))
    from fieldwork_app.services import consent  # consent reads sessions

    needed = {r.role.value for pid in s.participant_ids for r in consent.parties_needed(ws, pid) if r.required}
    for role in BOOKABLE:
        if role in needed:  # the participant's attributes ask for one (an interpreter needed, say)
            booked = bool(s.plan.get("booked", {}).get(role))
            items.append(ChecklistItem(f"{role}_booked", booked, missing=() if booked else (role,)))
    if lone_working_applies(ws, s):
        plan = LoneWorkingPlan.from_json(s.plan.get("lone_working", {}))
        rules = pack.lone_working
        missing = plan.missing(buddy=rules.buddy_required, backup_buddy=rules.backup_buddy_required)
        if not rules.risk_assessment_required:
            missing = [m for m in missing if m != "risk_assessment"]
        if not rules.code_word_required:
            missing = [m for m in missing if m != "code_word"]
        if not has_sealed_location(ws, s.id):
            missing.append("address_sealed")
        items.append(ChecklistItem("lone_working", not missing, missing=tuple(missing)))
    kit = KitCheck.from_plan(s.plan)
    items.append(ChecklistItem("mic", kit.mic_ok, mic_detail=kit.mic_detail, mic_peak_dbfs=kit.mic_peak_dbfs))
    need = (s.planned_minutes or 60) * BYTES_PER_MINUTE
    free = shutil.disk_usage(ws.data_dir.root).free
    items.append(
        ChecklistItem("disk", free > need * 2, free_mib=free // 2**20, need_mib=need // 2**20)
    )
    items.append(ChecklistItem("battery", kit.battery_ok))
    return Checklist(items)


def _documents_not_in_use(ws: Workspace, s: SessionRecord) -> list[DocumentGap]:
    """The session's documents that are missing or no longer in use (superseded by an amended pack, say)."""
    wanted: list[tuple[str, str | None, str | None]] = [("topic_guide", s.guide_doc, s.guide_version)]
    for pid in s.participant_ids:
        d = documents_for(ws, s.id, pid)
        wanted += [("consent_form", d["form_doc"], d["form_version"]),
                   ("information_sheet", d["pis_doc"], d["pis_version"])]  # fmt: skip
    out = []
    for role, doc, version in dict.fromkeys(wanted):
        if not doc or not version:
            out.append(DocumentGap(role, "", "", "none"))
            continue
        r = ws.db.execute(
            "SELECT status FROM documents WHERE doc_id = ? AND version = ?", (doc, version)
        ).fetchone()
        state = str(r["status"]) if r else "missing"
        if state != DocumentStatus.IN_USE:
            out.append(DocumentGap(role, doc, version, state))
    return out


def refresh_status(ws: Workspace, session_id: str) -> SessionStatus:
    s = get(ws, session_id)
    if s.status not in (SessionStatus.PLANNED, SessionStatus.READY):
        return s.status
    new_status = SessionStatus.READY if checklist(ws, session_id).ready else SessionStatus.PLANNED
    if new_status != s.status:
        with ws.vault.transaction() as db:
            db.execute("UPDATE sessions SET status = ? WHERE id = ?", (str(new_status), session_id))
            ws.vault.audit(
                "session.status",
                "session",
                session_id,
                session_id=session_id,
                detail={"status": str(new_status)},
            )
    return new_status


def seal_location(
    ws: Workspace,
    session_id: str,
    address: str,
    phone: str = "",
    retention_days: int | None = None,
) -> None:
    """Keep the visit address in the identity store; shown only on request, with the access logged."""
    get(ws, session_id)
    if not address.strip():
        raise InvalidInput("the visit address is empty")
    with ws.vault.identity_transaction() as idb:
        idb.execute(
            "INSERT OR REPLACE INTO locations (session_id, body_json, created_at, delete_after)"
            " VALUES (?,?,?,NULL)",
            (session_id, json.dumps({"address": address, "phone": phone}), now_iso()),
        )
    ws.vault.audit("location.seal", "session", session_id, session_id=session_id)
    refresh_status(ws, session_id)


def purge_expired_locations(ws: Workspace, now: datetime | None = None) -> list[str]:
    """Delete sealed visit addresses the pack's ``location_retention_days`` after their visit closed: the
    session completed and, for a lone-working visit, home safe confirmed (the later of the two); audited.
    Returns the sessions whose address was deleted."""
    if not ws.has_pack():
        return []
    keep = timedelta(days=ws.pack().lone_working.location_retention_days)
    now = now or datetime.now(UTC)
    sealed = [r["session_id"] for r in ws.idb.execute("SELECT session_id FROM locations").fetchall()]
    gone = []
    for sid in sealed:
        r = ws.db.execute("SELECT completed_at FROM sessions WHERE id = ?", (sid,)).fetchone()
        if r is None or not r["completed_at"]:
            continue
        closed = clock_mod.parse(r["completed_at"], "completed at")
        if get(ws, sid).plan.get("lone_working"):
            home = ws.db.execute(
                "SELECT MAX(at) FROM lone_working_events WHERE session_id = ? AND kind = 'home_safe'", (sid,)
            ).fetchone()[0]
            if home is None:
                continue  # the researcher has not confirmed they are home: the address may still be needed
            closed = max(closed, clock_mod.parse(home, "home safe"))
        if now - closed >= keep:
            with ws.vault.identity_transaction() as idb:
                idb.execute("DELETE FROM locations WHERE session_id = ?", (sid,))
            ws.vault.audit(
                "location.delete", "session", sid, session_id=sid, detail={"after_days": keep.days}
            )
            gone.append(sid)
    return gone


def has_sealed_location(ws: Workspace, session_id: str) -> bool:
    """Whether the session's visit address is sealed in identity.db (nothing of it is read)."""
    return ws.idb.execute("SELECT 1 FROM locations WHERE session_id = ?", (session_id,)).fetchone() is not None


def unseal_location(ws: Workspace, session_id: str, reason: str) -> dict[str, str]:
    r = ws.idb.execute("SELECT body_json FROM locations WHERE session_id = ?", (session_id,)).fetchone()
    if r is None:
        raise NotFound(f"no sealed location for session {session_id}")
    ws.vault.audit(
        "location.unseal", "session", session_id, session_id=session_id, detail={"reason": reason[:200]}
    )
    return dict(json.loads(r["body_json"]))


def set_status(ws: Workspace, session_id: str, status: SessionStatus) -> None:
    with ws.vault.transaction() as db:
        extra = (
            ", completed_at = ?"
            if status is SessionStatus.COMPLETED
            else ", started_at = COALESCE(started_at, ?)"
        )
        db.execute(
            f"UPDATE sessions SET status = ?{extra} WHERE id = ?", (str(status), now_iso(), session_id)
        )
        ws.vault.audit(
            "session.status", "session", session_id, session_id=session_id, detail={"status": str(status)}
        )


@dataclass(frozen=True)
class SessionOverview:
    id: str
    format: str
    location_kind: str
    status: str
    planned_start: str | None
    participant_ids: tuple[str, ...]
    markers: int
    takes: int


OVERVIEW_SQL = """
SELECT s.id, s.format, s.location_kind, s.status, s.planned_start, p.ids, s.marker_count, COALESCE(r.n, 0)
FROM sessions s
LEFT JOIN (SELECT session_id, GROUP_CONCAT(participant_id, ',') AS ids FROM session_participants
           GROUP BY session_id) p ON p.session_id = s.id
LEFT JOIN (SELECT session_id, COUNT(*) AS n FROM recordings WHERE kind = 'interview' GROUP BY session_id) r
       ON r.session_id = s.id
ORDER BY s.id
"""


def overview(ws: Workspace) -> list[SessionOverview]:
    """Every session with its participants and counts, in one query (the home screen's list)."""
    return overview_from(ws.db)


def overview_from(conn: Any) -> list[SessionOverview]:
    out = []
    for r in conn.execute(OVERVIEW_SQL):
        pids = tuple(sorted(r[5].split(","))) if r[5] else ()
        out.append(SessionOverview(r[0], r[1], r[2], r[3], r[4], pids, int(r[6]), int(r[7])))
    return out


def sessions_of(ws: Workspace, participant_id: str) -> list[str]:
    """The sessions a participant is (or was) in."""
    return [
        str(r["session_id"])
        for r in ws.db.execute(
            "SELECT DISTINCT session_id FROM session_participants WHERE participant_id = ?", (participant_id,)
        )
    ]


def save_visit_plan(ws: Workspace, session_id: str, lone_working: Mapping[str, Any], address: str) -> None:
    """Save the lone-working plan and, when given, seal the visit address: one transaction."""
    with ws.vault.transaction():
        update_plan(ws, session_id, {"lone_working": dict(lone_working)})
        if address.strip():
            seal_location(
                ws, session_id, address, retention_days=ws.pack().lone_working.location_retention_days
            )


def set_battery_checked(ws: Workspace, session_id: str, ok: bool) -> SessionRecord:
    """The kit check's battery line: charged or not."""
    with ws.vault.transaction():
        kit = dict(get(ws, session_id).plan.get("kit", {}))
        kit["battery_ok"] = ok
        return update_plan(ws, session_id, {"kit": kit})
