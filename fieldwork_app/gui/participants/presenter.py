"""Participants screen: rows, groups, screening questions, identity (audited), withdrawal."""

from __future__ import annotations

from dataclasses import dataclass

from fieldwork_app.domain.pack import Attribute
from fieldwork_app.domain.records import Participant, WithdrawalScope
from fieldwork_app.services import ethics
from fieldwork_app.services import participants as svc
from fieldwork_app.services.workspace import Workspace

from fieldwork_app.gui.presenter import Done, Failed, Presenter

CutoffRule = svc.CutoffRule


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
class AttributeChoice:
    """A participant attribute the pack defines (format 2), asked when the participant is added."""

    id: str
    label: str
    values: tuple[tuple[str, str], ...]  # (value, label)
    required: bool


@dataclass(frozen=True)
class GroupChoice:
    id: str
    label: str
    linked_to: str  # the group its members are linked to ('' if none)
    attributes: tuple[AttributeChoice, ...] = ()


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
    groups = [
        GroupChoice(g.id, g.label, g.linked_to or "", tuple(_attribute(a) for a in pack.attributes_for(g.id)))
        for g in pack.groups
    ]
    return Model(rows, groups)


def _attribute(a: Attribute) -> AttributeChoice:
    if a.choices:
        values = tuple((c.id, c.label) for c in a.choices)
    else:
        values = (("yes", "yes"), ("no", "no"))
    return AttributeChoice(a.id, a.question or a.label, values, a.required and a.default is None)


def criteria(ws: Workspace, participant_id: str) -> list[tuple[str, str]]:
    p = svc.get(ws, participant_id)
    return [(c.id, c.question) for c in ws.pack().group(p.group_id).eligibility]


def scopes() -> list[str]:
    return [s.value for s in WithdrawalScope]


def gating(ws: Workspace, participant_id: str) -> list[tuple[str, str, str]]:
    """The tasks the protocol asks for before this participant's session: (id, title, done at or "")."""
    return [(st.task.id, st.task.title, st.done_at or "") for st in ethics.gating_state(ws, participant_id)]


#: the identity fields, in the order the page shows them
IDENTITY_FIELDS = svc.IDENTITY_FIELDS


class ParticipantsPresenter(Presenter):
    """The participants page's work: the list, adding, screening, identity details (audited), withdrawal."""

    def load(self, done: Done[Model], failed: Failed) -> None:
        self._db(load, done, failed)

    def add(
        self,
        group_id: str,
        linked_to: str | None,
        attributes: dict[str, str],
        done: Done[Participant],
        failed: Failed,
    ) -> None:
        self._db(lambda ws: svc.add(ws, group_id, linked_to, attributes), done, failed)

    def criteria(self, participant_id: str, done: Done[list[tuple[str, str]]], failed: Failed) -> None:
        self._db(lambda ws: criteria(ws, participant_id), done, failed)

    def gating(self, participant_id: str, done: Done[list[tuple[str, str, str]]], failed: Failed) -> None:
        self._db(lambda ws: gating(ws, participant_id), done, failed)

    def mark_task_done(self, participant_id: str, task_id: str, on: str, done: Done[None], failed: Failed) -> None:
        """Mark the task done on the day ``on`` (YYYY-MM-DD, today or earlier)."""
        self._db(lambda ws: ethics.mark_done(ws, participant_id, task_id, on=on), done, failed)

    def screen(self, participant_id: str, answers: dict[str, bool], done: Done[bool], failed: Failed) -> None:
        self._db(lambda ws: svc.screen(ws, participant_id, answers), done, failed)

    def view_identity(
        self, participant_id: str, reason: str, done: Done[dict[str, str]], failed: Failed
    ) -> None:
        """The participant's identity details; the view is audited with ``reason``."""
        self._db(lambda ws: svc.view_identity(ws, participant_id, reason), done, failed)

    def set_identity(
        self, participant_id: str, details: dict[str, str], done: Done[None], failed: Failed
    ) -> None:
        self._db(lambda ws: svc.set_identity(ws, participant_id, details), done, failed)

    @staticmethod
    def deletes_unsent(scope: str, before_cutoff: bool) -> bool:
        """Whether this withdrawal deletes the participant's sessions not yet sent (so the page asks first)."""
        return bool(svc.deletes_unsent(scope, before_cutoff))

    def cutoff_rule(self, participant_id: str, done: Done[svc.CutoffRule | None], failed: Failed) -> None:
        """The pack's withdrawal cut-off for this participant (None: the pack sets none)."""
        self._db(lambda ws: svc.cutoff_rule(ws, participant_id), done, failed)

    def unsent_sessions(self, participant_id: str, done: Done[list[str]], failed: Failed) -> None:
        self._db(lambda ws: svc.unsent_sessions(ws, participant_id), done, failed)

    def withdraw(
        self,
        participant_id: str,
        scope: str,
        day: str,
        *,
        before_cutoff: bool,
        delete_unsent: bool,
        done: Done[object],
        failed: Failed,
    ) -> None:
        self._db(
            lambda ws: svc.withdraw(
                ws, participant_id, scope, day, before_cutoff=before_cutoff, delete_unsent=delete_unsent
            ),
            done,
            failed,
        )
