"""Participants screen: rows, groups, screening questions, identity (audited), withdrawal."""

from __future__ import annotations

from dataclasses import dataclass

from fieldwork_app.domain.records import WithdrawalScope
from fieldwork_app.services import participants as svc
from fieldwork_app.services.workspace import Workspace


@dataclass(frozen=True)
class Row:
    id: str
    group_id: str
    group_label: str
    status: str
    linked_to: str
    eligible: bool | None
    has_identity: bool


@dataclass(frozen=True)
class GroupChoice:
    id: str
    label: str
    linked_to: str  # the group its members are linked to ('' if none)


@dataclass(frozen=True)
class Model:
    rows: list[Row]
    groups: list[GroupChoice]


def load(ws: Workspace) -> Model:
    pack = ws.pack()
    labels = {g.id: g.label for g in pack.groups}
    rows = []
    for p in svc.list_all(ws):
        scr = svc.last_screening(ws, p.id)
        rows.append(
            Row(
                p.id,
                p.group_id,
                labels.get(p.group_id, p.group_id),
                str(p.status),
                p.linked_to or "",
                None if scr is None else bool(scr["eligible"]),
                svc.has_identity(ws, p.id),
            )
        )
    groups = [GroupChoice(g.id, g.label, g.linked_to or "") for g in pack.groups]
    return Model(rows, groups)


def criteria(ws: Workspace, participant_id: str) -> list[tuple[str, str]]:
    p = svc.get(ws, participant_id)
    return [(c.id, c.question) for c in ws.pack().group(p.group_id).eligibility]


def scopes() -> list[str]:
    return [s.value for s in WithdrawalScope]
