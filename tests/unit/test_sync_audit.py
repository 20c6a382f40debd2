"""The audit history bundles carry: what leaves the laptop, and what the data manager's verify sees in it."""

from __future__ import annotations

import copy
import json
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
    m = participants.add(ws, "mother").id
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
