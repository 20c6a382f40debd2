"""Close-out on a real vault: a voucher after an early stop, masked serial, follow-ups, completion."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fieldwork_app.domain.records import ParticipantStatus, SessionStatus
from fieldwork_app.errors import InvalidInput, NotFound
from fieldwork_app.paths import DataDir
from fieldwork_app.services import closeout, consent, distress, participants, sessions, tasks, workspace
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services.clock import FakeClock
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.studypack import example_pack_path
from fieldwork_app.vault import FAST_KDF
from tests.support.people import add_eligible
from tests.support.vaults import PASSPHRASE, USER
from tests.unit.test_studypack_validation import edit

START = datetime(2025, 3, 4, 10, 0, tzinfo=UTC)
SERIAL = "VCH-7781-2290-5531"


def _consented_session(ws: Workspace) -> tuple[str, str]:
    p = add_eligible(ws, "mother")
    sid = sessions.new(ws, [p.id], "interview", "clinic").id
    form = consent.form_for(ws, sid, p.id)
    consent.record(ws, sid, p.id, "paper", {s.id: True for s in form.statements})
    return sid, p.id


def test_voucher_after_an_early_stop(ws: Workspace) -> None:
    clock = FakeClock(START)
    sid, pid = _consented_session(ws)
    eid = distress.open_event(ws, sid, clock=clock)
    distress.record_step(ws, eid, "stage", level=2, clock=clock)
    distress.close_event(ws, eid, "ended_early", clock=clock)
    assert [t.kind for t in tasks.due(ws, clock)].count(tasks.CLOSEOUT) == 1

    saved = closeout.save(
        ws,
        sid,
        wellbeing="settled; going to her sister's",
        signposting_given=["samaritans", "perinatal-team"],
        voucher={
            "type": "e-voucher",
            "value": 25,
            "currency": "GBP",
            "serial": SERIAL,
            "receipt": "signed slip",
        },
        field_notes="left at 11:05",
        reflexive_note="I should have offered the break sooner",
        follow_ups=[{"title": "Send the support list by post", "due": "2025-03-06"}],
        clock=clock,
    )
    assert saved.body["ended_early"] is True
    assert saved.voucher == {
        "participant_id": pid,
        "voucher": "e-voucher",  # the pack's voucher has no id: its type names it
        "type": "e-voucher",
        "provider": "High-street shopping voucher",
        "value": "25",
        "currency": "GBP",
        "masked_serial": "****5531",
        "given_despite_early_stop": True,  # defaults to the early stop
    }
    # The full serial and receipt only in identity.db.
    research_rows = " ".join(
        str(tuple(r)) for t in ("closeouts", "audit", "tasks") for r in ws.db.execute(f"SELECT * FROM {t}")
    )
    assert (
        SERIAL not in research_rows
        and "7781-2290" not in research_rows
        and "signed slip" not in research_rows
    )
    [row] = ws.idb.execute(
        "SELECT participant_id, body_json FROM vouchers WHERE session_id = ?", (sid,)
    ).fetchall()
    assert row["participant_id"] == pid and SERIAL in row["body_json"] and "signed slip" in row["body_json"]

    # Saving again replaces the voucher and does not duplicate the follow-up task.
    closeout.save(
        ws,
        sid,
        wellbeing="settled",
        voucher={"type": "e-voucher", "value": "25.00", "currency": "GBP", "serial": SERIAL},
        follow_ups=[{"title": "Send the support list by post", "due": "2025-03-06"}],
        clock=clock,
    )
    assert ws.idb.execute("SELECT COUNT(*) FROM vouchers").fetchone()[0] == 1
    assert len(tasks.for_session(ws, sid, tasks.FOLLOW_UP)) == 1

    done = closeout.complete(ws, sid, clock=clock)
    assert done.status == "complete"
    assert sessions.get(ws, sid).status is SessionStatus.COMPLETED
    assert participants.get(ws, pid).status is ParticipantStatus.INTERVIEWED
    assert [t.kind for t in tasks.due(ws, clock)].count(tasks.CLOSEOUT) == 0
    with pytest.raises(InvalidInput, match="already completed"):
        closeout.save(ws, sid, wellbeing="x")
    actions = [r["action"] for r in ws.db.execute("SELECT action FROM audit WHERE session_id = ?", (sid,))]
    assert "closeout.complete" in actions and "session.status" in actions


def test_bad_close_outs_are_refused(ws: Workspace) -> None:
    sid, _ = _consented_session(ws)
    with pytest.raises(NotFound):
        closeout.complete(ws, sid)
    good = {"type": "e-voucher", "value": 25, "currency": "GBP", "serial": SERIAL}
    for bad, match in (
        ({**good, "type": "cash"}, "unknown voucher type"),
        ({**good, "value": "lots"}, "is a number"),
        ({**good, "currency": "pounds"}, "currency code"),
        ({**good, "serial": ""}, "serial is missing"),
        ({**good, "colour": "red"}, "unknown voucher field"),
        ({**good, "participant_id": "M-999"}, "not in session"),
    ):
        with pytest.raises(InvalidInput, match=match):
            closeout.save(ws, sid, wellbeing="fine", voucher=bad)
    with pytest.raises(InvalidInput, match="unknown signposting"):
        closeout.save(ws, sid, signposting_given=["nowhere"])
    assert ws.db.execute("SELECT COUNT(*) FROM closeouts").fetchone()[0] == 0
    assert ws.idb.execute("SELECT COUNT(*) FROM vouchers").fetchone()[0] == 0
    closeout.save(ws, sid, voucher=good)  # no early stop: the flag is false
    assert closeout.get(ws, sid).voucher["given_despite_early_stop"] is False  # type: ignore[index]
    with pytest.raises(InvalidInput, match="wellbeing"):
        closeout.complete(ws, sid)
    assert closeout.mask_serial("ABC") == "****"


@pytest.fixture
def practitioners_paid(tmp_path: Path) -> Iterator[Workspace]:
    """The example study with a voucher for practitioners too (the shipped pack gives them none)."""
    pack = tmp_path / "pack"
    shutil.copytree(example_pack_path(), pack)
    paid = "    groups: [mother, family]\n\ndocuments:"
    edit(pack, "pack.yaml", paid, paid.replace("family]", "family, practitioner]"))
    ws, _ = workspace.create(DataDir(tmp_path / "v"), USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs_svc.import_pack(ws, pack)
        yield ws
    finally:
        ws.close()


def test_each_focus_group_member_keeps_her_own_voucher(practitioners_paid: Workspace) -> None:
    ws = practitioners_paid
    pids = [add_eligible(ws, "practitioner").id for _ in range(3)]
    sid = sessions.new(ws, pids, "focus-group", "clinic").id
    for i, pid in enumerate(pids):
        closeout.save(ws, sid, wellbeing="fine", voucher={"participant_id": pid, "type": "e-voucher",
                      "value": 25, "currency": "GBP", "serial": f"SER-{i}-{SERIAL}"})  # fmt: skip
    closeout.save(ws, sid, wellbeing="fine, all three")  # saved again, no voucher given this time
    rows = ws.idb.execute("SELECT participant_id, body_json FROM vouchers WHERE session_id = ?", (sid,)).fetchall()
    assert sorted(r["participant_id"] for r in rows) == sorted(pids)  # every full serial kept
    assert all(f"SER-{i}-" in r["body_json"] for i, r in enumerate(sorted(rows, key=lambda r: r["participant_id"])))
    body = closeout.get(ws, sid).body
    assert sorted(v["participant_id"] for v in body["vouchers"].values()) == sorted(pids)
    assert all(v["masked_serial"].startswith("****") for v in body["vouchers"].values())


def test_the_sealed_address_is_deleted_when_its_retention_has_run_out(ws: Workspace) -> None:
    from datetime import timedelta

    sid, _ = _consented_session(ws)
    sessions.seal_location(ws, sid, "1 Example Road, London", "07700 900000")
    keep = ws.pack().lone_working.location_retention_days
    assert keep > 0
    closeout.save(ws, sid, wellbeing="fine")
    closeout.complete(ws, sid)
    assert ws.idb.execute("SELECT COUNT(*) FROM locations").fetchone()[0] == 1  # kept for now
    now = datetime.now(UTC)
    assert sessions.purge_expired_locations(ws, now + timedelta(days=keep) - timedelta(minutes=5)) == []
    assert sessions.purge_expired_locations(ws, now + timedelta(days=keep, minutes=5)) == [sid]
    assert ws.idb.execute("SELECT COUNT(*) FROM locations").fetchone()[0] == 0
    assert ws.db.execute("SELECT COUNT(*) FROM audit WHERE action = 'location.delete'").fetchone()[0] == 1
    with pytest.raises(NotFound):
        sessions.unseal_location(ws, sid, "checking")


def test_a_visit_address_stays_until_she_is_home_safe(ws: Workspace) -> None:
    from datetime import timedelta

    from fieldwork_app.services import lonework

    sid, _ = _consented_session(ws)
    now = datetime.now(UTC)
    plan = {"buddy_name": "Sam", "buddy_phone": "07700 900123", "start": (now - timedelta(hours=2)).isoformat(),
            "expected_end": (now - timedelta(hours=1)).isoformat(), "travel_home_minutes": 40,
            "code_word_agreed": True, "risk_assessment_done": True}  # fmt: skip
    sessions.update_plan(ws, sid, {"lone_working": plan})
    sessions.seal_location(ws, sid, "1 Example Road, London")
    closeout.save(ws, sid, wellbeing="fine")
    closeout.complete(ws, sid)  # close-out done in her home, before leaving
    later = now + timedelta(days=400)
    assert sessions.purge_expired_locations(ws, later) == []  # never confirmed home: kept
    lonework.record(ws, sid, "check_out")
    lonework.record(ws, sid, "home_safe")
    assert sessions.purge_expired_locations(ws, later) == [sid]


def test_a_voucher_the_pack_gives_to_other_groups_only_is_refused(ws: Workspace) -> None:
    pid = add_eligible(ws, "practitioner").id
    sid = sessions.new(ws, [pid], "interview", "clinic").id
    with pytest.raises(InvalidInput, match=f"the study gives no 'e-voucher' voucher to {pid} at this interview"):
        closeout.save(ws, sid, wellbeing="fine", voucher={"type": "e-voucher", "value": 25, "serial": SERIAL})
    with pytest.raises(NotFound):
        closeout.get(ws, sid)  # nothing saved


def test_a_participant_due_two_of_the_studys_vouchers_keeps_both(tmp_path: Path) -> None:
    """A young carer in the south is due the e-voucher and the travel voucher: both are kept, each saved again
    replaces itself only, and the same one twice at one save is refused."""
    from tests.unit.test_protocol_rules import SECOND, young_carer

    ws, _ = workspace.create(DataDir(tmp_path / "v2"), USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs_svc.import_pack(ws, SECOND)
        pid = young_carer(ws, "18-24")
        participants.set_attributes(ws, pid, {"area": "south"})
        sid = sessions.new(ws, [pid], "interview", "youth_centre").id
        ev = {"type": "e-voucher", "value": 20, "serial": "EV-11112222"}
        tr = {"type": "travel", "value": 5, "serial": "BUS-33334444"}
        closeout.save(ws, sid, wellbeing="fine", vouchers=[ev, tr])
        body = closeout.get(ws, sid).body
        assert sorted(body["vouchers"]) == [f"{pid}/travel-south", f"{pid}/young-person"]
        closeout.save(ws, sid, wellbeing="fine", vouchers=[{**tr, "serial": "BUS-55556666"}])  # corrected
        body = closeout.get(ws, sid).body
        assert {k: v["masked_serial"] for k, v in body["vouchers"].items()} == {
            f"{pid}/travel-south": "****6666", f"{pid}/young-person": "****2222"
        }
        rows = ws.idb.execute("SELECT body_json FROM vouchers WHERE session_id = ?", (sid,)).fetchall()
        assert sorted(json.loads(r["body_json"])["serial"] for r in rows) == ["BUS-55556666", "EV-11112222"]
        with pytest.raises(InvalidInput, match=f"the same voucher is given twice at one save: {pid}/travel-south"):
            closeout.save(ws, sid, wellbeing="fine", vouchers=[tr, tr])
        assert len(closeout.get(ws, sid).body["vouchers"]) == 2
    finally:
        ws.close()
