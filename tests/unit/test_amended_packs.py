"""An amended pack in a real vault: the import counts what it superseded, an older version says what it
would change, the study key is kept, the readiness checklist follows the documents' statuses, and the
pack's lone-working rules decide which buddies a home visit needs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fieldwork_app.cli.messages import checklist_detail
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import sessions
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.sync.keys import generate_study_keypair, study_key_fingerprint
from tests.support.people import add_eligible


def _amended(tmp_path: Path, version: str = "1.2") -> Path:
    """The example pack with the mothers' topic guide amended: 1.0 superseded, 1.1 in use."""
    pack = tmp_path / f"amended-{version}"
    shutil.copytree(packs_svc.example_pack_path(), pack)
    docs = pack / "documents"
    old = (docs / "guide-mother-1.0.yaml").read_text()
    (docs / "guide-mother-1.1.yaml").write_text(
        old.replace('version: "1.0"', 'version: "1.1"').replace("date: 2024-07-01", "date: 2025-01-10", 1)
    )
    (docs / "guide-mother-1.0.yaml").write_text(old.replace("status: in_use", "status: superseded", 1))
    text = (pack / "pack.yaml").read_text().replace('version: "1.1"', f'version: "{version}"', 1)
    text = text.replace(
        "  - documents/guide-mother-1.0.yaml\n",
        "  - documents/guide-mother-1.0.yaml\n  - documents/guide-mother-1.1.yaml\n",
    )
    (pack / "pack.yaml").write_text(text)
    return pack


def test_an_amended_guide_is_counted_superseded_and_unticks_the_checklist(
    ws: Workspace, tmp_path: Path
) -> None:
    packs_svc.import_pack(ws, example=True)
    m = add_eligible(ws, "mother").id
    sid = sessions.new(ws, [m], "interview", "clinic").id
    item = next(i for i in sessions.checklist(ws, sid).items if i.id == "documents")
    assert item.done
    result = packs_svc.import_pack(ws, _amended(tmp_path))
    assert result.superseded == ["guide-mother v1.0"]  # the amended pack lists it as superseded itself
    item = next(i for i in sessions.checklist(ws, sid).items if i.id == "documents")
    assert not item.done
    assert "topic guide guide-mother v1.0 superseded" in checklist_detail(item)
    assert not sessions.checklist(ws, sid).ready
    fresh = sessions.new(ws, [m], "interview", "clinic")
    assert fresh.guide_version == "1.1"
    assert next(i for i in sessions.checklist(ws, fresh.id).items if i.id == "documents").done


def test_an_older_pack_says_what_it_would_change_and_changes_nothing(ws: Workspace, tmp_path: Path) -> None:
    packs_svc.import_pack(ws, _amended(tmp_path))
    docs = packs_svc.list_documents(ws)
    with pytest.raises(packs_svc.OlderPackRefused) as err:
        packs_svc.import_pack(ws, example=True)
    assert err.value.changes == [
        "topic guide guide-mother v1.0: superseded -> in use",
        "topic guide guide-mother v1.1: in use -> superseded",
    ]
    assert "It would change: topic guide guide-mother v1.0: superseded -> in use" in err.value.message
    assert packs_svc.list_documents(ws) == docs
    done = packs_svc.import_pack(ws, example=True, accept=packs_svc.Accept(older=True))
    assert any(n.startswith("made version 1.1 the pack in use again") and "v1.1: in use -> superseded" in n
               for n in done.pinned)  # fmt: skip


def test_an_amended_pack_without_a_study_key_keeps_the_pinned_one(ws: Workspace, tmp_path: Path) -> None:
    pub, _key = generate_study_keypair(tmp_path / "dm")
    packs_svc.import_pack(ws, example=True, study_key_file=pub)
    pinned = packs_svc.study_keys(ws).study_key
    assert pinned
    amended = _amended(tmp_path)
    assert 'study_public_key: ""' in (amended / "pack.yaml").read_text()  # no key in the amended pack
    result = packs_svc.import_pack(ws, amended)
    assert f"kept the pinned study key {pinned} (the pack has none)" in result.pinned
    assert packs_svc.study_keys(ws).study_key == pinned
    assert study_key_fingerprint(ws.pack().sync.study_public_key) == pinned


def _lone_working(tmp_path: Path, **rules: bool) -> Path:
    pack = tmp_path / "lone"
    shutil.copytree(packs_svc.example_pack_path(), pack)
    f = pack / "protocols" / "lone-working.yaml"
    text = f.read_text()
    for key, value in rules.items():
        text = "\n".join(
            f"{key}: {'true' if value else 'false'}" if ln.startswith(f"{key}:") else ln
            for ln in text.splitlines()
        )
    f.write_text(text + "\n")
    manifest = pack / "pack.yaml"  # changed content needs a version of its own
    manifest.write_text(manifest.read_text().replace('version: "1.1"', 'version: "1.2"', 1))
    return pack


def _plan(**extra: str) -> dict[str, object]:
    return {
        "start": "2030-01-01T10:00",
        "expected_end": "2030-01-01T11:00",
        "travel_home_minutes": 30,
        "code_word_agreed": True,
        "risk_assessment_done": True,
        **extra,
    }


def _lone_item(ws: Workspace, sid: str) -> str:
    item = next(i for i in sessions.checklist(ws, sid).items if i.id == "lone_working")
    return "" if item.done else checklist_detail(item)


def test_buddies_are_asked_for_as_the_pack_says(ws: Workspace, tmp_path: Path) -> None:
    packs_svc.import_pack(ws, _lone_working(tmp_path, buddy_required=False, backup_buddy_required=False))
    sid = sessions.new(ws, [add_eligible(ws, "mother").id], "interview", "home").id
    sessions.seal_location(ws, sid, "1 Example Street")
    sessions.update_plan(ws, sid, {"lone_working": _plan()})
    assert _lone_item(ws, sid) == ""  # buddy_required: false is honoured


def test_a_backup_buddy_is_asked_for_when_the_pack_requires_one(ws: Workspace) -> None:
    packs_svc.import_pack(ws, example=True)  # buddy_required and backup_buddy_required: true
    assert ws.pack().lone_working.backup_buddy_required
    sid = sessions.new(ws, [add_eligible(ws, "mother").id], "interview", "home").id
    sessions.seal_location(ws, sid, "1 Example Street")
    sessions.update_plan(ws, sid, {"lone_working": _plan(buddy_name="Sam", buddy_phone="07700 900123")})
    assert _lone_item(ws, sid) == "back-up buddy name, back-up buddy phone"
    sessions.update_plan(
        ws,
        sid,
        {"lone_working": _plan(buddy_name="Sam", buddy_phone="07700 900123", backup_name="Alex",
                               backup_phone="07700 900456")},
    )  # fmt: skip
    assert _lone_item(ws, sid) == ""
    sessions.update_plan(ws, sid, {"lone_working": _plan(backup_name="Alex", backup_phone="07700 900456")})
    assert _lone_item(ws, sid) == "buddy name, buddy phone"
