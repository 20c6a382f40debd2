"""A distress stage's ``record`` list is used, and a group with its own protocol gets it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from fieldwork_app.paths import DataDir
from fieldwork_app.services import distress, participants, sessions, workspace
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services.clock import FakeClock
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.studypack import example_pack_path
from fieldwork_app.vault import FAST_KDF
from tests.support.people import with_required
from tests.support.vaults import PASSPHRASE, USER

START = datetime(2025, 3, 4, 10, 0, tzinfo=UTC)


def test_what_the_stage_asks_to_record_is_tracked_and_audited(ws: Workspace) -> None:
    clock = FakeClock(START)
    m = participants.add(ws, "mother").id
    participants.screen(ws, m, {c.id: c.eligible_answer for c in ws.pack().group("mother").eligibility})
    sid = sessions.new(ws, [m], "interview", "clinic").id
    eid = distress.open_event(ws, sid, clock=clock)
    distress.record_step(ws, eid, "stage", level=2, clock=clock)
    # Stage 2 of the example protocol: record: [distress_form, signposting_given, contact_consent, follow_up_task]
    assert distress.still_to_record(ws, eid) == ["signposting_given", "contact_consent", "follow_up_task"]
    distress.record_step(ws, eid, "signposting", entries=["samaritans"], clock=clock)
    distress.record_step(ws, eid, "gp_contact_consent", consent=False, clock=clock)
    assert distress.still_to_record(ws, eid) == ["follow_up_task"]
    distress.close_event(ws, eid, "ended_early", clock=clock)
    row = ws.db.execute("SELECT detail_json FROM audit WHERE action = 'distress.close'").fetchone()
    assert json.loads(row["detail_json"])["not_recorded"] == ["follow_up_task"]


def test_a_group_with_its_own_protocol_gets_it(tmp_path: Path) -> None:
    ws, _ = workspace.create(DataDir(tmp_path / "v"), USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs_svc.import_pack(ws, example_pack_path().parent / "caring-lives")
        attrs = with_required(ws.pack(), "young-carer", {"age_band": "18-24"})
        yc = participants.add(ws, "young-carer", attributes=attrs).id
        staff = participants.add(ws, "staff", attributes=with_required(ws.pack(), "staff")).id
        for pid, group in ((yc, "young-carer"), (staff, "staff")):
            criteria = ws.pack().group(group).eligibility
            assert participants.screen(ws, pid, {c.id: c.eligible_answer for c in criteria})
        s_young = sessions.new(ws, [yc], "interview", "youth_centre").id
        s_staff = sessions.new(ws, [staff], "interview", "school").id
        assert distress.protocol(ws, s_young).id == "young-people"
        assert distress.protocol(ws, s_staff).id is None  # the pack's main protocol
        eid = distress.open_event(ws, s_young, clock=FakeClock(START))
        distress.record_step(ws, eid, "stage", level=1, clock=FakeClock(START))
        distress.record_step(ws, eid, "sign", id="yp-quiet", clock=FakeClock(START))
        assert distress.still_to_record(ws, eid) == ["participant_choice"]
    finally:
        ws.close()
