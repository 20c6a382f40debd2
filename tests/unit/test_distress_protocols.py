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


def test_a_joint_interview_keeps_the_young_persons_protocol_and_its_withheld_signs(tmp_path: Path) -> None:
    """A young person interviewed with the parent they care for keeps the young people's protocol (whatever
    the participants' ids sort as), and a sign that protocol withholds never reaches a research bundle."""
    from fieldwork_app.services import sync

    ws, _ = workspace.create(DataDir(tmp_path / "v"), USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs_svc.import_pack(ws, example_pack_path().parent / "caring-lives")
        yc = participants.add(
            ws, "young-carer", attributes=with_required(ws.pack(), "young-carer", {"age_band": "18-24"})
        ).id
        pa = participants.add(ws, "parent", linked_to=yc, attributes=with_required(ws.pack(), "parent")).id
        for pid, group in ((yc, "young-carer"), (pa, "parent")):
            criteria = ws.pack().group(group).eligibility
            assert participants.screen(ws, pid, {c.id: c.eligible_answer for c in criteria})
        assert pa < yc  # "PA-001" sorts before "YC-001": the order of ids must not choose the protocol
        joint = sessions.new(ws, [yc, pa], "joint_interview", "home").id
        assert distress.protocol(ws, joint).id == "young-people"
        eid = distress.open_event(ws, joint, clock=FakeClock(START))
        distress.record_step(ws, eid, "stage", level=3, clock=FakeClock(START))
        distress.record_step(ws, eid, "sign", id="yp-unsafe-home", clock=FakeClock(START))
        withheld = sync.withheld_distress_codes(ws)
        assert withheld is not None and "yp-unsafe-home" in withheld
        audit = json.dumps(sync.session_audit(ws, joint))
        assert "yp-unsafe-home" not in audit
    finally:
        ws.close()


def test_support_for_her_area_only_is_offered_to_her_and_counted_not_named_in_research_data(
    tmp_path: Path,
) -> None:
    """Her area is identifying: its own services are offered only to her, and a research bundle counts them
    (close-out, distress steps) rather than naming them; audit entries that name them keep only their place
    in the hash chain."""
    import pytest

    from fieldwork_app.errors import InvalidInput
    from fieldwork_app.services import closeout, sync
    from fieldwork_app.sync.auditcheck import check_bundle_audit

    ws, _ = workspace.create(DataDir(tmp_path / "v"), USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs_svc.import_pack(ws, example_pack_path().parent / "caring-lives")
        given = {"age_band": "18-24", "area": "south"}
        yc = participants.add(ws, "young-carer", attributes=with_required(ws.pack(), "young-carer", given)).id
        criteria = ws.pack().group("young-carer").eligibility
        assert participants.screen(ws, yc, {c.id: c.eligible_answer for c in criteria})
        s = sessions.new(ws, [yc], "interview", "youth_centre").id
        offered = [e.id for e in closeout.offered_signposting(ws, sessions.get(ws, s))]
        assert "south-young-carers" in offered and "north-young-carers" not in offered
        assert "education-support" not in offered and "childline" not in offered  # staff's; under-18s'
        with pytest.raises(
            InvalidInput, match="not offered to this session's participants.*north-young-carers"
        ):
            closeout.save(ws, s, signposting_given=["samaritans", "north-young-carers"])
        eid = distress.open_event(ws, s, clock=FakeClock(START))
        distress.record_step(ws, eid, "signposting", entries=["south-young-carers", "samaritans"],
                             clock=FakeClock(START))  # fmt: skip
        closeout.save(ws, s, wellbeing="fine", signposting_given=["samaritans", "south-young-carers"])
        assert closeout.get(ws, s).body["signposting_given"] == [
            "samaritans",
            "south-young-carers",
        ]  # on the laptop
        spec = sync.session_spec(ws, "b-local", s)
        sent = {
            e.path.rsplit("/", 1)[-1]: b"".join(e.produce()) for e in spec.entries if e.path.endswith(".json")
        }
        body = json.loads(sent["close-out.json"])
        assert body["signposting_given"] == ["samaritans"] and body["signposting_local"] == 1
        events = json.loads(sent["distress-events.json"])
        step = next(st for st in events[0]["steps"] if st["kind"] == "signposting")
        assert step["entries"] == ["samaritans"] and step["local_entries"] == 1
        everything = b"".join(sent.values()).decode()
        assert "south" not in everything and "south" not in json.dumps(spec.audit)
        found: list[str] = []
        chain = {"audit": spec.audit, "audit_head": spec.audit_head, "audit_seq": spec.audit_seq}
        check_bundle_audit("b-local", chain, lambda _b, code, _m: found.append(code))
        assert found == []  # the chain still verifies with those entries reduced to their place
    finally:
        ws.close()
