"""The audit history bundles carry: what leaves the laptop, and what the data manager's verify sees in it."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import participants, safeguarding, sessions
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.sync.auditcheck import check_bundle_audit, check_device_histories
from fieldwork_app.sync.engine import upload_bundle
from fieldwork_app.sync.storeside import unpack_store, verify_store
from fieldwork_app.sync.transports import open_transport
from fieldwork_app.sync.trust import TrustedDevices
from fieldwork_app.vault.audit import GENESIS, entry_hash
from tests.support.people import add_eligible
from tests.support.servers import SyncKit


def chain(n: int, start: int = 1, prev: str = GENESIS, action: str = "note.add") -> list[dict[str, Any]]:
    out = []
    for seq in range(start, start + n):
        ts, detail = f"2026-11-0{seq % 9 + 1}T10:00:00+00:00", {"n": seq}
        e = {"seq": seq, "ts": ts, "actor": "amara", "action": action, "subject_kind": "session",
             "subject_id": "S-0001", "session_id": "S-0001", "detail": detail, "prev_hash": prev}  # fmt: skip
        e["hash"] = prev = entry_hash(prev, seq, ts, "amara", action, "session", "S-0001", "S-0001", detail)
        out.append(e)
    return out


def body(entries: list[dict[str, Any]], head: dict[str, Any], created: str, device: str = "dev-a") -> dict[str, Any]:
    return {"audit": entries, "audit_head": head["hash"], "audit_seq": head["seq"], "created_at": created,
            "device": {"fingerprint": device}}  # fmt: skip


def problems(bodies: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []

    def report(bundle_id: str, code: str, _message: str) -> None:
        found.append((bundle_id, code))

    for bundle_id, b in bodies:
        check_bundle_audit(bundle_id, b, report)
    check_device_histories(bodies, report)
    return found


def test_an_intact_history_passes_and_withheld_entries_still_link() -> None:
    history = chain(6)
    withheld = [{k: history[2][k] for k in ("seq", "prev_hash", "hash")} | {"withheld": True}]
    first = body(history[:2] + withheld, history[3], "2026-11-02")
    second = body(history[3:5], history[5], "2026-11-03")
    assert problems([("b1", first), ("b2", second)]) == []


def test_an_edited_entry_a_broken_link_and_a_wrong_head_are_named() -> None:
    history = chain(4)
    edited = copy.deepcopy(history)
    edited[1]["detail"] = {"n": 99}  # the content changed, the hash kept
    assert ("b1", "altered-audit") in problems([("b1", body(edited, edited[3], "2026-11-02"))])
    unlinked = copy.deepcopy(history)
    unlinked[2]["prev_hash"] = "f" * 64
    unlinked[2]["hash"] = entry_hash("f" * 64, 3, unlinked[2]["ts"], "amara", "note.add", "session", "S-0001",
                                     "S-0001", unlinked[2]["detail"])  # fmt: skip
    assert ("b1", "broken-audit") in problems([("b1", body(unlinked[:3], unlinked[2], "2026-11-02"))])
    wrong_head = body(history, history[3], "2026-11-02") | {"audit_head": "e" * 64}
    assert problems([("b1", wrong_head)]) == [("b1", "broken-audit")]


def test_a_history_rewritten_or_cut_short_between_bundles_is_named() -> None:
    history = chain(5)
    first = body(history[:3], history[2], "2026-11-02")
    rewritten = chain(3, action="marker.add")  # the same sequence numbers, other entries
    second = body(rewritten, rewritten[2], "2026-11-03")
    assert ("b2", "rewritten-audit") in problems([("b1", first), ("b2", second)])
    later = body(history[:5], history[4], "2026-11-03")
    cut = body(history[:2], history[1], "2026-11-04")  # the laptop's chain went back to entry 2
    assert ("b3", "truncated-audit") in problems([("b1", later), ("b3", cut)])
    other_device = body(chain(2, action="marker.add"), chain(2, action="marker.add")[1], "2026-11-05", "dev-b")
    assert problems([("b1", later), ("b4", other_device)]) == []  # each laptop has its own chain


def test_a_session_bundle_withholds_identity_and_safeguarding_entries(ws: Workspace, tmp_path: Path) -> None:
    from fieldwork_app.sync.keys import generate_study_keypair

    pub, _ = generate_study_keypair(tmp_path / "dm")
    packs_svc.import_pack(ws, example=True, study_key_file=pub)
    m = add_eligible(ws, "mother").id
    s = sessions.new(ws, [m], "interview", "home").id
    cid = safeguarding.create(ws, s, m)
    safeguarding.update(ws, cid, account="what she said, in her words")
    safeguarding.get(ws, cid, reason="checking the referral for Ms Example at 1 Example Road")
    entries = sync_svc.session_audit(ws, s)
    actions = [e.get("action") for e in entries]
    assert "session.create" in actions and not any(a and a.startswith("safeguarding.") for a in actions)
    stubs = [e for e in entries if e.get("withheld")]
    assert stubs and all(set(e) == {"seq", "prev_hash", "hash", "withheld"} for e in stubs)
    sent = json.dumps(entries)
    assert "Example Road" not in sent and "in her words" not in sent and cid not in sent
    spec = sync_svc.session_spec(ws, "b-check", s)
    found: list[str] = []
    check_bundle_audit("b-check", {"audit": spec.audit, "audit_head": spec.audit_head,
                                   "audit_seq": spec.audit_seq}, lambda _b, code, _m: found.append(code))  # fmt: skip
    assert found == []  # the real chain, with its withheld entries, verifies


def test_a_bundle_from_another_device_never_overwrites_unpacked_files(sync_kit: SyncKit, tmp_path: Path) -> None:
    from fieldwork_app.sync.keys import DeviceKey

    root = tmp_path / "store"
    root.mkdir()
    t = open_transport(root.as_uri())
    same = {"M-001/S-0001/notes.json": b'{"from": "laptop A"}'}
    first = sync_kit.spec("b-a", same)
    first.created_at = "2026-11-01T10:00:00+00:00"
    upload_bundle(sync_kit.stage(first), t)
    other = DeviceKey.generate()
    forged = sync_kit.spec("b-z", {"M-001/S-0001/notes.json": b'{"from": "someone else"}'}, device=other)
    forged.created_at = "2026-11-02T10:00:00+00:00"
    upload_bundle(sync_kit.stage(forged, device=other), t)
    both = TrustedDevices.of((sync_kit.device.fingerprint(), "laptop A"), (other.fingerprint(), "laptop B"))
    report = verify_store(t, sync_kit.identity, both)  # both laptops trusted: the clash is the unpack's to see
    assert report.ok and report.devices_checked
    assert {d["fingerprint"] for d in report.devices()} == {sync_kit.device.fingerprint(), other.fingerprint()}
    unpacked = unpack_store(t, sync_kit.identity, tmp_path / "out", both)
    assert {p.code for p in unpacked.problems} == {"conflict"} and set(unpacked.held) == {"b-a", "b-z"}
    assert not (tmp_path / "out/M-001/S-0001/notes.json").exists()  # both held back, whichever came first
    unpacked = unpack_store(t, sync_kit.identity, tmp_path / "out2", sync_kit.trusted)  # laptop B not trusted
    assert [p.code for p in unpacked.problems] == ["untrusted-device"]
    assert (tmp_path / "out2/M-001/S-0001/notes.json").read_bytes() == same["M-001/S-0001/notes.json"]
    unpacked = unpack_store(t, sync_kit.identity, tmp_path / "out2", both)  # later trusted: never replaces
    assert {p.code for p in unpacked.problems} == {"conflict"}
    assert (tmp_path / "out2/M-001/S-0001/notes.json").read_bytes() == same["M-001/S-0001/notes.json"]
    t.close()


def test_bundles_made_in_the_same_second_are_not_taken_for_a_cut_history() -> None:
    history = chain(6)
    same = "2026-11-03T10:00:00+00:00"
    first, second = body(history[:2], history[3], same), body(history[4:5], history[5], same)
    for order in ([("b1", first), ("b2", second)], [("b2", second), ("b1", first)]):
        assert problems(order) == []


# Kind names and values that must never be readable in a research bundle or the analysis folder.
SECRET_KINDS = [b"safeguarding", b"lonework", b"lone_working", b"location.", b"identity.", b"check_in",
                b"check_out", b"home_safe", b"code_word", b"task.", b"buddy"]  # fmt: skip
SECRET_VALUES = {
    "name": "Ottoline Brackenbury",
    "phone": "07700 900417",
    "address": "14 Quillfeather Lane, Dunmarsh",
    "account": "she said her partner locks the children in",
    "view_reason": "checking the referral with Mrs Brackenbury",
    "unseal_reason": "buddy needs the Quillfeather address",
    "buddy": "Zebulon Marchbanks",
    "buddy_phone": "07700 900555",
}


def _decrypt_store(root: Path, identity: Any) -> bytes:
    """Every object at the store, decrypted where it is encrypted: all the bytes the bundles carry."""
    import pyrage

    out = []
    for f in sorted(p for p in root.rglob("*") if p.is_file()):
        data = f.read_bytes()
        try:
            out.append(pyrage.decrypt(data, [identity]))
        except Exception:  # noqa: BLE001 - not encrypted (the signed manifest) or not ours
            out.append(data)
    return b"\n".join(out)


def test_research_bundles_carry_no_trace_of_safeguarding_identity_addresses_or_lone_working(
    ws: Workspace, folder_store: Any, tmp_path: Path
) -> None:
    from fieldwork_app.services import distress, lonework
    from fieldwork_app.sync.keys import generate_study_keypair, load_identity

    pub, key = generate_study_keypair(tmp_path / "dm")
    packs_svc.import_pack(ws, example=True, study_key_file=pub)
    m = add_eligible(ws, "mother").id
    participants.set_identity(ws, m, {k: SECRET_VALUES[k] for k in ("name", "phone", "address")})
    s = sessions.new(ws, [m], "interview", "home").id
    now = datetime.now(UTC)
    sessions.update_plan(ws, s, {"lone_working": {
        "buddy_name": SECRET_VALUES["buddy"], "buddy_phone": SECRET_VALUES["buddy_phone"], "backup_name": "Jo",
        "start": (now - timedelta(hours=1)).isoformat(), "expected_end": (now + timedelta(hours=1)).isoformat(),
        "travel_home_minutes": 40, "code_word_agreed": True, "risk_assessment_done": True}})  # fmt: skip
    sessions.seal_location(ws, s, SECRET_VALUES["address"], SECRET_VALUES["phone"])
    lonework.record(ws, s, "check_in")
    participants.view_identity(ws, m, reason=SECRET_VALUES["view_reason"])
    sessions.unseal_location(ws, s, SECRET_VALUES["unseal_reason"])
    event = distress.open_event(ws, s)
    distress.record_step(ws, event, "stage", level=1)
    # The protocol's steps the pack marks "withhold" (here the highest stage's safeguarding ones) stay home.
    proto = distress.protocol(ws)
    top = proto.stages[-1]
    held_sign = next(c for c in top.signs if c.withhold)
    held_action = next(c for c in top.actions if c.withhold)
    sent_action = next(c for c in top.actions if not c.withhold)
    distress.record_step(ws, event, "stage", level=top.level)
    distress.record_step(ws, event, "sign", id=held_sign.id)
    distress.record_step(ws, event, "action", id=held_action.id, done=True)
    distress.record_step(ws, event, "action", id=sent_action.id, done=True)
    cid = safeguarding.create(ws, s, m)
    safeguarding.update(ws, cid, account=SECRET_VALUES["account"])
    safeguarding.get(ws, cid, reason=SECRET_VALUES["view_reason"])
    distress.record_step(ws, event, "safeguarding_link", concern=cid)
    lonework.record(ws, s, "check_out")
    lonework.record(ws, s, "home_safe")
    sync_svc.queue_session(ws, s)
    store = folder_store.fresh()
    sync_svc.add_store(ws, "usb", store.url)
    report = sync_svc.sync_all(ws)
    assert report.ok and report.verified, report.failed

    root = Path(store.url.removeprefix("file://"))
    identity = load_identity(key)
    sent = _decrypt_store(root, identity)
    trusted = TrustedDevices.of((sync_svc.device_fingerprint(ws), "this laptop"))
    transport = open_transport(store.url)
    try:
        verified = verify_store(transport, identity, trusted)
        assert verified.ok, verified.problems
        out = tmp_path / "analysis"
        assert not unpack_store(transport, identity, out, trusted).problems
    finally:
        transport.close()
    unpacked = b"\n".join(p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file())
    assert b"distress.stage" in sent and b"distress.stage" in unpacked  # research events do go, whole
    assert sent_action.id.encode() in sent and sent_action.id.encode() in unpacked  # unflagged steps go
    assert b'"withheld": true' in sent
    for where, data in (("the decrypted bundles", sent), ("the analysis folder", unpacked)):
        lowered = data.lower()
        for word in SECRET_KINDS:
            assert word not in lowered, f"{word!r} in {where}"
        for what, value in [*SECRET_VALUES.items(), ("concern id", cid), ("withheld sign", held_sign.id),
                            ("withheld action", held_action.id)]:
            assert value.lower().encode() not in lowered, f"{what} in {where}"


def test_the_allow_list_goes_action_by_action_and_field_by_field() -> None:
    from fieldwork_app.vault.audit import AuditEntry

    def entry(action: str, detail: dict[str, Any]) -> AuditEntry:
        return AuditEntry(1, "t", "amara", action, "session", "S-0001", "S-0001", detail, GENESIS, "h")

    allows = sync_svc.research_audit_allows
    assert allows(entry("marker.add", {"kind": "quote", "position": 1.5}))
    assert not allows(entry("marker.add", {"kind": "quote", "position": 1.5, "label": "her words"}))  # a field
    assert not allows(entry("task.add", {"kind": "follow_up_call"}))  # tasks never, whatever their kind
    assert not allows(entry("distress.safeguarding_link", {"concern": "SG-1"}))
    assert not allows(entry("something.new", {}))  # an action nobody listed stays on the laptop
    held = frozenset({"call-for-help"})
    assert allows(entry("distress.action", {"id": "offer-pause", "done": True}), held)
    assert not allows(entry("distress.action", {"id": "call-for-help", "done": True}), held)  # the pack's flag
    assert not allows(entry("distress.sign", {"id": "call-for-help"}), held)
    assert not allows(entry("distress.sign", {"id": "tearful"}), None)  # the pack unreadable: none goes
