"""Participants as a study team meets them: added, then screened eligible against the pack's criteria."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fieldwork_app.domain.pack import StudyPack
from fieldwork_app.domain.records import Participant
from fieldwork_app.services import participants
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.studypack import example_pack_path, load_pack_files


def eligible_answers(pack: StudyPack, group_id: str) -> dict[str, bool]:
    """The screening answers that make a participant of ``group_id`` eligible."""
    return {c.id: c.eligible_answer for c in pack.group(group_id).eligibility}


def with_required(pack: StudyPack, group_id: str, given: dict[str, str] | None = None) -> dict[str, str]:
    """``given``, with the first value of each attribute the pack requires for ``group_id`` that it lacks (a
    participant is added with them)."""
    out = dict(given or {})
    for a in pack.attributes_for(group_id):
        if a.required and a.id not in out:
            out[a.id] = a.allowed_values[0]
    return out


def add_eligible(ws: Workspace, group_id: str, linked_to: str | None = None) -> Participant:
    """Add a participant and screen them eligible (sessions, consent and recording need it)."""
    p = participants.add(ws, group_id, linked_to, with_required(ws.pack(), group_id))
    assert participants.screen(ws, p.id, eligible_answers(ws.pack(), group_id))
    return participants.get(ws, p.id)


def eligible_answers_file(folder: Path, group_id: str, pack_path: Path | None = None) -> Path:
    """A screening answers file (for ``fieldwork participant screen``) that makes ``group_id`` eligible."""
    pack, _files = load_pack_files(pack_path or example_pack_path())
    out = folder / f"eligible-{group_id}.json"
    out.write_text(json.dumps(eligible_answers(pack, group_id)), encoding="utf-8")
    return out


def answers_file(
    folder: Path, template: dict[str, Any], answers: dict[str, Any], name: str = "answers"
) -> Path:
    """An answers file made from what ``fieldwork consent template`` printed, with ``answers`` filled in."""
    out = folder / f"{name}.json"
    out.write_text(json.dumps({**template, "answers": {**template["answers"], **answers}}), encoding="utf-8")
    return out
