"""On a joint interview (a young carer and their parent), a distress event says which participant it concerns, or
the session as a whole: a timed step like the others, recorded after the event opened (never before it),
checked against the session's participants, carried whole in the research bundle (the step and its audit
entry), and unpacked by the data manager; an event that does not say (as every event before did not) still
verifies and unpacks."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from fieldwork_app.errors import InvalidInput
from fieldwork_app.paths import DataDir
from fieldwork_app.services import distress, participants, sessions, workspace
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.services.clock import FakeClock
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.sync.auditcheck import check_bundle_audit
from fieldwork_app.vault import FAST_KDF
from fieldwork_app.vault.audit import GENESIS, AuditEntry
from tests.support.people import eligible_answers
from tests.support.vaults import PASSPHRASE, USER
from tests.unit.test_protocol_rules import SECOND, young_carer

START = datetime(2025, 3, 4, 10, 0, tzinfo=UTC)


def joint(tmp_path: Path, study_key_file: Path | None = None) -> tuple[Workspace, str, str, str]:
    ws, _ = workspace.create(DataDir(tmp_path / "v"), USER, PASSPHRASE, "researcher", FAST_KDF)
    packs_svc.import_pack(ws, SECOND, study_key_file=study_key_file)
    young = young_carer(ws, "18-24")
    parent = participants.add(ws, "parent", young, {"language": "en-GB", "interpreter": "no", "area": "north"}).id
    assert participants.screen(ws, parent, eligible_answers(ws.pack(), "parent"))
    sid = sessions.new(ws, [young, parent], "joint_interview", "home").id
    return ws, young, parent, sid


def _audit(ws: Workspace, action: str) -> list[dict[str, Any]]:
    rows = ws.db.execute("SELECT detail_json FROM audit WHERE action = ? ORDER BY seq", (action,)).fetchall()
    return [json.loads(r["detail_json"]) for r in rows]


def test_whom_an_event_concerns_is_a_timed_step_checked_against_the_session(tmp_path: Path) -> None:
    ws, young, parent, sid = joint(tmp_path)
    try:
        ids = sessions.get(ws, sid).participant_ids
        assert set(distress.whom_to_ask(ws, sid)) == {young, parent} and distress.whom_to_ask(ws, sid) == ids
        clock = FakeClock(START)
        ev = distress.open_with_recording(ws, sid, 12.0, recording_paused=True, clock=clock)
        assert not ev.concerns_said and ev.participant_id is None  # the protocol opened without asking
        steps_before = ws.db.execute("SELECT steps_json FROM distress_events").fetchone()[0]
        named = re.escape(f"not a participant of session {sid} (its participants: {', '.join(ids)})")
        with pytest.raises(InvalidInput, match=named):
            distress.record_step(ws, ev.id, "participant", participant="YC-999", clock=clock)
        with pytest.raises(InvalidInput, match="say whom the distress concerns"):
            distress.record_step(ws, ev.id, "participant", clock=clock)
        assert ws.db.execute("SELECT steps_json FROM distress_events").fetchone()[0] == steps_before
        assert _audit(ws, "distress.participant") == []

        clock.advance(minutes=1)
        ev = distress.record_step(ws, ev.id, "participant", participant=parent, position=70.0, clock=clock)
        assert ev.participant_id == parent and ev.concerns_said and not ev.whole_session
        step = ev.steps[-1]
        assert step == {"kind": "participant", "participant": parent, "at": step["at"], "position": 70.0}
        again = distress.record_step(ws, ev.id, "participant", participant=parent, clock=clock)
        assert len(again.steps) == len(ev.steps)  # said twice, logged once
        ev = distress.record_step(ws, ev.id, "participant", participant=None, clock=clock)
        assert ev.whole_session and ev.participant_id is None and ev.concerns_said
        distress.close_event(ws, ev.id, "resumed", clock=clock)
        ev = distress.record_step(ws, ev.id, "participant", participant=young, clock=clock)  # said afterwards
        assert ev.participant_id == young and not ev.whole_session
        assert _audit(ws, "distress.participant") == [{"participant": parent}, {"participant": None},
                                                      {"participant": young}]  # fmt: skip

        # as it opens (the command line): one transaction, so a bad participant opens nothing either
        with pytest.raises(InvalidInput, match="not a participant"):
            distress.open_with_recording(ws, sid, participant="YC-999", clock=clock)
        assert len(distress.events(ws, sid)) == 1
        with pytest.raises(InvalidInput, match="not both"):
            distress.open_with_recording(ws, sid, participant=young, whole_session=True, clock=clock)
        ev = distress.open_with_recording(ws, sid, whole_session=True, clock=clock)
        assert ev.whole_session and [s["kind"] for s in ev.steps] == ["participant"]
        distress.close_event(ws, ev.id, "resumed", clock=clock)

        # a second person's distress while the first's event is open never takes that event over
        first = distress.open_with_recording(ws, sid, participant=young, clock=clock)
        before = ws.db.execute("SELECT steps_json FROM distress_events WHERE id = ?", (first.id,)).fetchone()[0]
        for other in ({"participant": parent}, {"whole_session": True}):
            with pytest.raises(InvalidInput, match=f"{first.id} is still open and concerns {young}: close it"):
                distress.open_with_recording(ws, sid, clock=clock, **other)  # type: ignore[arg-type]
        after = ws.db.execute("SELECT steps_json FROM distress_events WHERE id = ?", (first.id,)).fetchone()[0]
        assert after == before and distress.get(ws, first.id).participant_id == young
        assert distress.open_with_recording(ws, sid, participant=young, clock=clock).id == first.id  # the same
    finally:
        ws.close()


def test_a_session_of_one_participant_has_no_one_to_choose(tmp_path: Path) -> None:
    ws, young, _parent, _sid = joint(tmp_path)
    try:
        alone = sessions.new(ws, [young], "interview", "home").id
        assert distress.whom_to_ask(ws, alone) == ()
        ev = distress.open_with_recording(ws, alone, clock=FakeClock(START))
        assert ev.steps == () and not ev.concerns_said
    finally:
        ws.close()


def test_whom_it_concerns_goes_in_the_research_bundle_and_older_events_still_verify_and_unpack(
    tmp_path: Path, folder_store: Any
) -> None:
    from fieldwork_app.sync.keys import generate_study_keypair, load_identity
    from fieldwork_app.sync.storeside import unpack_store, verify_store
    from fieldwork_app.sync.transports import open_transport
    from fieldwork_app.sync.trust import TrustedDevices

    pub, key = generate_study_keypair(tmp_path / "dm")
    ws, young, parent, sid = joint(tmp_path, pub)
    try:
        clock = FakeClock(START)
        older = distress.open_event(ws, sid, clock=clock)  # as every event before: whom it concerns not said
        distress.record_step(ws, older, "stage", level=1, clock=clock)
        distress.close_event(ws, older, "resumed", clock=clock)
        clock.advance(minutes=5)
        said = distress.open_with_recording(ws, sid, participant=young, clock=clock).id
        distress.record_step(ws, said, "stage", level=1, clock=clock)
        distress.close_event(ws, said, "resumed", clock=clock)

        spec = sync_svc.session_spec(ws, "b-whom", sid)
        sent = {e.path.rsplit("/", 1)[-1]: b"".join(e.produce()) for e in spec.entries if e.path.endswith(".json")}
        events = {e["id"]: e for e in json.loads(sent["distress-events.json"])}
        assert [s["kind"] for s in events[older]["steps"]] == ["stage"]
        assert [(s["kind"], s.get("participant")) for s in events[said]["steps"]] == [("participant", young),
                                                                                     ("stage", None)]  # fmt: skip
        whole = [e for e in spec.audit if e.get("action") == "distress.participant"]
        assert [e["detail"] for e in whole] == [{"participant": young}]  # the audit entry goes whole
        found: list[str] = []
        chain = {"audit": spec.audit, "audit_head": spec.audit_head, "audit_seq": spec.audit_seq}
        check_bundle_audit("b-whom", chain, lambda _b, code, _m: found.append(code))
        assert found == []

        sync_svc.queue_session(ws, sid)
        store = folder_store.fresh()
        sync_svc.add_store(ws, "usb", store.url)
        report = sync_svc.sync_all(ws)
        assert report.ok and report.verified, report.failed
        trusted = TrustedDevices.of((sync_svc.device_fingerprint(ws), "this laptop"))
    finally:
        ws.close()
    identity = load_identity(key)
    transport = open_transport(store.url)
    try:
        verified = verify_store(transport, identity, trusted)
        assert verified.ok, verified.problems
        out = tmp_path / "analysis"
        assert not unpack_store(transport, identity, out, trusted).problems
    finally:
        transport.close()
    (unpacked,) = out.rglob("distress-events.json")
    rows = {e["id"]: e for e in json.loads(unpacked.read_text(encoding="utf-8"))}
    assert not any(s["kind"] == "participant" for s in rows[older]["steps"])
    assert {"kind": "participant", "participant": young}.items() <= rows[said]["steps"][0].items()
    (audit_file,) = out.rglob("audit.json")
    assert any(e.get("action") == "distress.participant" for e in json.loads(audit_file.read_text(encoding="utf-8")))


def test_the_allow_list_takes_whom_it_concerns_and_nothing_more() -> None:
    def entry(detail: dict[str, Any]) -> AuditEntry:
        return AuditEntry(1, "t", "amara", "distress.participant", "distress_event", "D-1", "S-0001", detail,
                          GENESIS, "h")  # fmt: skip

    allows = sync_svc.research_audit_allows
    assert allows(entry({"participant": "YC-001"})) and allows(entry({"participant": None}))
    assert not allows(entry({"participant": "YC-001", "name": "Sam"}))  # a field not listed: not whole
    assert "participant" in sync_svc.RESEARCH_DISTRESS_STEPS
