"""Records that cross layers are typed, built once by the module that owns their table: an outbox item,
a kit check, the enums of a take."""

from __future__ import annotations

import pytest

from fieldwork_app.domain.records import RecordingKind, TakeStatus
from fieldwork_app.errors import InvalidInput
from fieldwork_app.services import consent, sessions
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.services.workspace import Workspace
from tests.support.people import add_eligible


def _session(ws: Workspace) -> str:
    m = add_eligible(ws, "mother").id
    s = sessions.new(ws, [m], "interview", "clinic").id
    consent.record(ws, s, m, "paper", {k: True for k in consent.template(ws, s, m)})
    return s


def test_an_outbox_item_is_a_frozen_record_with_its_state_and_kind(ws: Workspace) -> None:
    s = _session(ws)
    bundle = sync_svc.queue_session(ws, s)
    [item] = sync_svc.outbox_items(ws)
    assert item.bundle_id == bundle and item.session_id == s
    assert item.kind is sync_svc.BundleKind.SESSION and item.state is sync_svc.OutboxState.QUEUED
    assert item.audio_takes == 0 and item.waiting_days >= 0
    with pytest.raises(AttributeError):
        item.state = sync_svc.OutboxState.VERIFIED  # type: ignore[misc]
    assert sync_svc.outbox(ws) == [item.row()]  # the command line's rows are the same record


def test_the_kit_check_is_kept_on_the_session_and_read_by_the_checklist(ws: Workspace) -> None:
    s = _session(ws)
    assert sessions.kit_check(ws, s) == sessions.KitCheck()
    kit = sessions.record_kit(ws, s, battery_ok=True)
    assert kit.battery_ok and not kit.mic_ok and sessions.kit_check(ws, s) == kit
    battery = next(i for i in sessions.checklist(ws, s).items if i.id == "battery")
    assert battery.done
    sessions.record_kit(ws, s, mic_ok=True, mic_detail="peak -12 dBFS")
    assert sessions.kit_check(ws, s).battery_ok  # kept
    with pytest.raises(InvalidInput):
        sessions.record_kit(ws, s, kettle_ok=True)


def test_take_status_says_which_takes_are_whole() -> None:
    assert {s for s in TakeStatus if s.complete} == {TakeStatus.SEALED, TakeStatus.RECOVERED}
    assert RecordingKind("consent") is RecordingKind.CONSENT and TakeStatus.SEALED == "sealed"


def test_the_checklist_gives_facts_and_the_command_line_words_them(ws: Workspace) -> None:
    from fieldwork_app.cli.messages import checklist_line

    m = add_eligible(ws, "mother").id
    s = sessions.new(ws, [m], "interview", "home").id
    items = {i.id: i for i in sessions.checklist(ws, s).items}
    plan = items["lone_working"]
    assert not plan.done and "buddy_name" in plan.missing and "address_sealed" in plan.missing
    line = checklist_line(plan)
    assert line.startswith("[ ] lone-working plan  - buddy name, buddy phone") and "visit address sealed" in line
    disk = items["disk"]
    assert disk.free_mib > 0 and checklist_line(disk).endswith(f"{disk.free_mib} MiB free, {disk.need_mib} MiB needed")
    assert checklist_line(items["participants"]) == "[x] participants chosen"
