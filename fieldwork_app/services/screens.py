"""What a screen shows, each in one query: the session screen's overview and the prepare view.

Both faces ask these (the GUI through its presenters, on its database thread), so a screen is one
service call and never assembles its own from several services or reads a table itself.  They return
frozen dataclasses and import no Qt; the face formats them (dates, titles) for the person reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fieldwork_app.domain import conditions
from fieldwork_app.domain.pack import (
    DistressProtocol,
    SafeguardingRoute,
    SafeguardingRules,
    SignpostingEntry,
    SiteContact,
    TopicGuide,
    Voucher,
)
from fieldwork_app.domain.records import LoneWorkingPlan, SessionRecord
from fieldwork_app.errors import FieldworkError, InvalidInput
from fieldwork_app.services import closeout as closeout_svc
from fieldwork_app.services import distress as distress_svc
from fieldwork_app.services import interview as interview_svc
from fieldwork_app.services import lonework as lonework_svc
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import participants as participants_svc
from fieldwork_app.services import recording as recording_svc
from fieldwork_app.services import sessions as sessions_svc
from fieldwork_app.services.workspace import Workspace


# -- the session screen ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ParticipantSupport:
    """One participant's own safeguarding route and support, as the pack gives them (their group, attributes and
    site): on a joint interview or a group each participant may have another route, other site contacts and
    other support entries.  Named by participant id and group only; nothing of their identity."""

    participant_id: str
    group_id: str
    group_label: str
    route: SafeguardingRoute | None  # the first route whose conditions hold (or may) for them
    site_contacts: tuple[SiteContact, ...]  # their site's contacts (the venue's site, else their area's)
    signposting: tuple[str, ...]  # the ids of the support entries for them, in the pack's order


@dataclass(frozen=True)
class SessionInfo:
    """What the session screen needs once: the session, its guide version and the study's protocols."""

    session: SessionRecord
    groups: dict[str, str]  # participant id -> group id (no names)
    guide: TopicGuide | None
    members: tuple[interview_svc.Member, ...]
    ground_rules: tuple[str, ...]
    protocol: DistressProtocol
    pause_by_default: bool
    signposting: tuple[SignpostingEntry, ...]
    safeguarding: SafeguardingRules
    vouchers: tuple[Voucher, ...]
    has_lone_working: bool
    has_sealed_location: bool
    ended_early: bool
    open_event: str | None
    closeout: dict[str, Any] | None = None
    takes: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    # Each participant's own route, site contacts and support entries, in the session's order.
    people: tuple[ParticipantSupport, ...] = ()
    # The study's vouchers each participant is due at this session (their group, attributes, the format).
    vouchers_by_participant: dict[str, tuple[Voucher, ...]] = field(default_factory=dict)

    @property
    def focus_group(self) -> bool:
        return self.session.format == "focus_group"


def session_overview(ws: Workspace, session_id: str) -> SessionInfo:
    """Everything the session screen shows when it opens (no participant's name or address)."""
    session = sessions_svc.get(ws, session_id)
    pack = ws.pack()
    try:
        guide: TopicGuide | None = interview_svc.guide_for(ws, session_id)
    except FieldworkError:
        guide = None
    groups = {pid: participants_svc.get(ws, pid).group_id for pid in session.participant_ids}
    try:
        lonework_svc.plan_for(ws, session_id)
        has_plan = sessions_svc.lone_working_applies(ws, session)
    except InvalidInput:
        has_plan = False
    events = distress_svc.events(ws, session_id)
    # Each participant's route, site and support: their group, attributes, and the venue's site (else their area's).
    venue = next((v for v in pack.venues if v.id == session.plan.get("venue")), None)
    people = []
    for pid in session.participant_ids:
        someone = participants_svc.who(ws, pid)
        site = conditions.site_for(pack, someone, venue.id if venue else None)
        entries = conditions.signposting_for(pack.signposting, someone, site.id if site else None)
        people.append(
            ParticipantSupport(
                participant_id=pid,
                group_id=someone.group_id,
                group_label=str(pack.group(someone.group_id).label),
                route=conditions.safeguarding_route(pack.safeguarding, someone),
                site_contacts=tuple(site.contacts) if site else (),
                signposting=tuple(e.id for e in entries),
            )
        )
    # The vouchers of a session with one participant (with more, ``vouchers_by_participant`` says whose).
    who = participants_svc.who(ws, session.participant_ids[0]) if session.participant_ids else None
    try:
        co: dict[str, Any] | None = closeout_svc.get(ws, session_id).body
    except FieldworkError:
        co = None
    return SessionInfo(
        session=session,
        groups=groups,
        guide=guide,
        members=tuple(interview_svc.members(ws, session_id)),
        ground_rules=tuple(guide.ground_rules) if guide else (),
        protocol=distress_svc.protocol(ws, session_id),
        pause_by_default=distress_svc.should_pause_by_default(ws, session_id),
        signposting=tuple(closeout_svc.offered_signposting(ws, session)),
        safeguarding=pack.safeguarding,
        vouchers=tuple(conditions.vouchers_for(pack.vouchers, who, session.format) if who else pack.vouchers),
        people=tuple(people),
        has_lone_working=has_plan,
        has_sealed_location=sessions_svc.has_sealed_location(ws, session_id),
        ended_early=any(e.outcome == "ended_early" for e in events),
        open_event=next((e.id for e in events if e.open), None),
        closeout=co,
        takes=tuple(recording_svc.list_recordings(ws, session_id, "interview")),
        vouchers_by_participant={
            pid: tuple(conditions.vouchers_for(pack.vouchers, participants_svc.who(ws, pid), session.format))
            for pid in session.participant_ids
        },
    )


# -- preparing a session ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Person:
    """A participant who can be given a session: their group and what the group allows."""

    id: str
    group_id: str
    formats: tuple[str, ...]
    locations: tuple[str, ...]


@dataclass(frozen=True)
class SessionLine:
    id: str
    status: str
    participants: tuple[str, ...]


@dataclass(frozen=True)
class VenueChoice:
    id: str
    label: str  # '' for a format-1 location kind (the face names it)
    lone_working: bool


@dataclass(frozen=True)
class PrepareOptions:
    people: tuple[Person, ...]
    sessions: tuple[SessionLine, ...]
    venues: tuple[VenueChoice, ...] = ()
    formats: tuple[str, ...] = ("interview", "focus_group")


def prepare_options(ws: Workspace) -> PrepareOptions:
    """The participants a session can be made for (withdrawn ones left out) and the sessions so far."""
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
    lines = tuple(SessionLine(s.id, str(s.status), s.participant_ids) for s in sessions_svc.list_all(ws))
    venues: dict[str, VenueChoice] = {}
    for g in pack.groups:
        for v in pack.venues_for(g.id):
            label = v.label if pack.venues else ""
            venues.setdefault(v.id, VenueChoice(v.id, label, v.needs_lone_working))
    formats = tuple(dict.fromkeys(str(f) for g in pack.groups for f in g.session_formats))
    return PrepareOptions(tuple(people), lines, tuple(venues.values()), formats)


@dataclass(frozen=True)
class DocTitle:
    """A document of the pack in use: its title and date, or None when it cannot be read."""

    doc_id: str
    version: str
    title: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class DocLine:
    participant: str
    form: DocTitle
    sheet: DocTitle


@dataclass(frozen=True)
class PrepareView:
    id: str
    format: str
    location: str
    status: str
    participants: tuple[str, ...]
    planned_start: str
    planned_minutes: int
    guide: DocTitle | None
    documents: tuple[DocLine, ...]
    lone_working: LoneWorkingPlan
    sealed: bool
    kit: dict[str, Any]
    checklist: tuple[sessions_svc.ChecklistItem, ...]
    ready: bool
    travel_home_minutes_before: int | None = None  # of the latest other visit plan that has one


def _travel_home_before(ws: Workspace, session_id: str) -> int | None:
    for s in sorted(sessions_svc.list_all(ws), key=lambda s: s.planned_start or "", reverse=True):
        minutes = LoneWorkingPlan.from_json(s.plan.get("lone_working", {})).travel_home_minutes
        if s.id != session_id and minutes > 0:
            return minutes
    return None


def _doc(ws: Workspace, doc_id: str, version: str) -> DocTitle:
    try:
        d = packs_svc.document(ws, doc_id, version)
    except Exception:  # noqa: BLE001 - shown as the bare id when the document cannot be read
        return DocTitle(doc_id, version)
    return DocTitle(doc_id, version, str(d.title), str(d.date) if d.date else None)


def prepare_view(ws: Workspace, session_id: str) -> PrepareView:
    """One session as the prepare screen shows it: its documents, plan, kit and checklist."""
    s = sessions_svc.get(ws, session_id)
    docs = []
    for pid in s.participant_ids:
        d = sessions_svc.documents_for(ws, s.id, pid)
        docs.append(
            DocLine(
                pid,
                _doc(ws, str(d["form_doc"]), str(d["form_version"])),
                _doc(ws, str(d["pis_doc"]), str(d["pis_version"])),
            )
        )
    guide = _doc(ws, s.guide_doc, str(s.guide_version)) if s.guide_doc else None
    cl = sessions_svc.checklist(ws, s.id)
    return PrepareView(
        s.id,
        s.format,
        str(s.plan.get("venue") or s.location_kind),  # a format-2 venue, else the format-1 location kind
        str(s.status),
        s.participant_ids,
        s.planned_start or "",
        s.planned_minutes or 60,
        guide,
        tuple(docs),
        LoneWorkingPlan.from_json(s.plan.get("lone_working", {})),
        sessions_svc.has_sealed_location(ws, s.id),
        dict(s.plan.get("kit", {})),
        tuple(cl.items),
        cl.ready,
        _travel_home_before(ws, s.id),
    )
