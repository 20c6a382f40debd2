"""A session from consent to the data manager's folder, on every kind of study store.

Real parts only: the PulseAudio virtual microphone through PortAudio, SQLCipher, and loopback SFTP
(OpenSSH), WebDAV (wsgidav), S3 (Ceph radosgw) servers and a plain folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile

from fieldwork_app.services import consent, participants, recording, sessions
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.sync.keys import generate_study_keypair, load_identity
from fieldwork_app.sync.storeside import unpack_store, verify_store
from fieldwork_app.sync.transports import open_transport
from fieldwork_app.sync.trust import TrustedDevices
from fieldwork_app.vault import audit
from tests.support.people import add_eligible


def audit_entries(ws: Workspace) -> list[Any]:
    return list(audit.entries(ws.db))


pytestmark = [pytest.mark.audio, pytest.mark.servers]


@pytest.fixture
def study_keys(tmp_path: Path) -> tuple[Path, Path]:
    return generate_study_keypair(tmp_path / "dm")


def _recorded_session(ws: Workspace, pub: Path | None, seconds: float = 2.5) -> str:
    """A consented session with one take; ``pub``: import the example pack with this study key first."""
    if pub is not None:
        packs_svc.import_pack(ws, example=True, study_key_file=pub)
    m = add_eligible(ws, "mother").id
    s = sessions.new(ws, [m], "interview", "clinic").id
    tpl = consent.template(ws, s, m)
    consent.record(ws, s, m, "paper", {k: True for k in tpl})
    take = recording.start_take(ws, s)
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(0.05)
    recording.add_marker(ws, s, "quote", "a marker", take.position, take.recording_id)
    summary = take.finish(ws)
    assert summary.error is None and summary.duration_seconds > 1.0
    return s


def _laptop(ws: Workspace) -> TrustedDevices:
    """The data manager's trusted list, holding this laptop."""
    return TrustedDevices.of((sync_svc.device_fingerprint(ws), "laptop 1"))


def _add_dead_store(ws: Workspace, closed_port: int) -> None:
    """A store whose every connection is refused (a port the test holds closed)."""
    sync_svc.add_store(
        ws, "dead", f"sftp://nobody@127.0.0.1:{closed_port}/none", {"timeout": 2}, {"password": "x"}
    )


def _store(server: Any) -> Any:
    return server.fresh()


@pytest.mark.parametrize("server_fixture", ["folder_store", "sftp_server", "webdav_server", "s3_server"])
def test_record_sync_verify_unpack_bit_for_bit(
    request: pytest.FixtureRequest,
    server_fixture: str,
    ws: Workspace,
    virtual_mic: Any,
    study_keys: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    virtual_mic.use_sine()
    pub, key = study_keys
    server = _store(request.getfixturevalue(server_fixture))
    s = _recorded_session(ws, pub)
    laptop_export = tmp_path / "laptop.flac"
    recording.export(ws, s, laptop_export)
    laptop_pcm, rate = soundfile.read(laptop_export, dtype="int16")

    sync_svc.add_store(ws, "study", server.url, server.options, server.secrets)
    sync_svc.queue_session(ws, s)
    waiting = sync_svc.outbox(ws)[0]
    takes = recording.list_recordings(ws, s)
    assert waiting["audio_takes"] == len(takes) > 0
    assert waiting["audio_seconds"] == round(sum(t["duration"] for t in takes), 1) > 0
    assert waiting["audio_bytes"] == sum(p.stat().st_size for p in (ws.data_dir.audio / s).glob("*.fwa"))
    report = sync_svc.sync_all(ws, chunk_size=64 * 1024)
    assert report.ok and len(report.verified) == 1, report.failed
    assert sync_svc.outbox(ws)[0]["audio_takes"] == 0  # nothing of it left on the laptop
    # Purged only after the verified receipt: the take is gone from the laptop, its row remains.
    rows = recording.list_recordings(ws, s)
    assert rows and all(r["purged_at"] for r in rows)
    assert not list((ws.data_dir.audio / s).glob("*.fwa"))
    assert ws.db.execute("SELECT COUNT(*) FROM receipts").fetchone()[0] == 1

    transport = open_transport(server.url, options=dict(server.options), secrets=dict(server.secrets))
    identity = load_identity(key)
    try:
        trusted = TrustedDevices.of((sync_svc.device_fingerprint(ws), "laptop 1"))
        verified = verify_store(transport, identity, trusted)
        assert verified.ok, verified.problems
        out = tmp_path / "unpacked"
        first = unpack_store(transport, identity, out, trusted)
        assert not first.problems
        again = unpack_store(transport, identity, out, trusted)
        assert not again.written  # unpacking twice gives the same result
    finally:
        transport.close()
    flacs = list(out.rglob("interview-take-1.flac"))
    assert len(flacs) == 1 and flacs[0].parent.parent.name == s
    store_pcm, store_rate = soundfile.read(flacs[0], dtype="int16")
    assert store_rate == rate
    assert np.array_equal(store_pcm, laptop_pcm)
    consent_json = json.loads(next(out.rglob("consent-M-001.json")).read_text())
    assert consent_json["form"]["version"] and all(
        st["answer"] for st in consent_json["statements"] if st["required"]
    )
    index = json.loads((out / "index.json").read_text())
    assert any(
        row.get("session") == s or row.get("session_id") == s
        for row in (index if isinstance(index, list) else index.get("sessions", []))
    )


def test_nothing_purged_when_the_store_fails(
    ws: Workspace, virtual_mic: Any, study_keys: tuple[Path, Path], tmp_path: Path, closed_port: int
) -> None:
    virtual_mic.use_sine()
    pub, _ = study_keys
    s = _recorded_session(ws, pub, seconds=1.5)
    _add_dead_store(ws, closed_port)
    sync_svc.queue_session(ws, s)
    report = sync_svc.sync_all(ws)
    assert not report.ok
    assert "127.0.0.1" in report.failed[0][1]
    rows = recording.list_recordings(ws, s)
    assert rows and not any(r["purged_at"] for r in rows)
    assert list((ws.data_dir.audio / s).glob("*.fwa"))
    out = sync_svc.outbox(ws)
    assert out[0]["state"] == "failed" and out[0]["last_error"]
    staged = ws.data_dir.outbox / out[0]["bundle_id"]
    assert (
        out[0]["bytes_total"]
        == sum(p.stat().st_size for p in staged.iterdir() if p.suffix != ".json")
        + (staged / "manifest.json").stat().st_size
    )
    assert out[0]["audio_takes"] == len(rows) and out[0]["audio_bytes"] > 0


def test_an_unreadable_staged_bundle_is_staged_again_under_a_new_id(
    ws: Workspace, virtual_mic: Any, study_keys: tuple[Path, Path], folder_store: Any, closed_port: int
) -> None:
    virtual_mic.use_sine()
    pub, _ = study_keys
    s = _recorded_session(ws, pub, seconds=1.2)
    _add_dead_store(ws, closed_port)
    old = sync_svc.queue_session(ws, s)
    assert not sync_svc.sync_all(ws, "dead").ok  # staged, not sent
    manifest = ws.data_dir.outbox / old / "manifest.json"
    manifest.write_bytes(manifest.read_bytes()[:-40])  # damaged on the laptop's disk
    store = folder_store.fresh()
    sync_svc.add_store(ws, "usb", store.url)
    report = sync_svc.sync_all(ws, "usb")
    assert report.ok and len(report.verified) == 1 and report.verified[0] != old
    assert not (ws.data_dir.outbox / old).exists()
    assert all(r["purged_at"] for r in recording.list_recordings(ws, s))
    restaged = [e for e in audit_entries(ws) if e.action == "sync.restaged"]
    assert restaged and restaged[0].detail == {"abandoned": old}


def test_withdrawal_reaches_the_store(
    ws: Workspace, study_keys: tuple[Path, Path], folder_store: Any, tmp_path: Path
) -> None:
    pub, key = study_keys
    packs_svc.import_pack(ws, example=True, study_key_file=pub)
    m = add_eligible(ws, "mother").id
    participants.withdraw(ws, m, "delete_data", "2026-11-30")
    store = folder_store.fresh()
    sync_svc.add_store(ws, "usb", store.url)
    report = sync_svc.sync_all(ws)
    assert report.ok and len(report.verified) == 1
    transport = open_transport(store.url)
    try:
        unpacked = unpack_store(transport, load_identity(key), tmp_path / "out", _laptop(ws))
    finally:
        transport.close()
    assert unpacked.withdrawals == 1
    listed = json.loads((tmp_path / "out" / "withdrawals.json").read_text())
    text = json.dumps(listed)
    assert m in text and "delete_data" in text


def test_a_take_no_bundle_holds_is_never_purged_and_goes_with_the_next_sync(
    ws: Workspace, virtual_mic: Any, study_keys: tuple[Path, Path], folder_store: Any, tmp_path: Path
) -> None:
    virtual_mic.use_sine()
    pub, key = study_keys
    s = _recorded_session(ws, pub, seconds=1.5)
    second = recording.start_take(ws, s)
    import time

    time.sleep(1.2)
    assert second.finish(ws).error is None
    with ws.vault.transaction() as db:  # as the recorder leaves a take it could not seal (a full disk)
        db.execute("UPDATE recordings SET status = 'interrupted' WHERE id = ?", (second.recording_id,))
    store = folder_store.fresh()
    sync_svc.add_store(ws, "usb", store.url)
    sync_svc.queue_session(ws, s)
    first = sync_svc.sync_all(ws)
    assert first.ok and len(first.verified) == 1
    purged = {r["take_no"]: r["purged_at"] for r in recording.list_recordings(ws, s)}
    assert purged[1] and purged[2] is None  # the bundle carried take 1 only

    first_take = next(r["id"] for r in recording.list_recordings(ws, s) if r["take_no"] == 1)
    [(verified_at, first_bundle)] = ws.db.execute("SELECT verified_at, bundle_id FROM receipts").fetchall()
    # as an earlier version said a purge, in words: it still verifies and goes whole in the next bundle
    old_words = {"reason": "verified at the study store on 2026-01-01T10:00:00+00:00"}
    ws.vault.audit("recording.purge", "recording", "R-earlier", session_id=s, detail=old_words)

    assert [r.recording_id for r in recording.recover_all(ws)] == [second.recording_id]
    # recovered, it is older than the verified bundle but not in it: the purge must leave it alone
    assert sync_svc.apply_purge_policy(ws) == []
    assert (ws.data_dir.audio / s / f"{second.recording_id}.fwa").exists()

    again = sync_svc.sync_all(ws)  # the session is queued again by itself, with the recovered take
    assert again.ok and len(again.verified) == 1 and again.verified != first.verified
    assert second.recording_id in again.purged
    assert all(r["purged_at"] for r in recording.list_recordings(ws, s))
    transport = open_transport(store.url)
    try:
        unpacked = unpack_store(transport, load_identity(key), tmp_path / "out", _laptop(ws))
    finally:
        transport.close()
    assert not unpacked.problems
    assert {p.name for p in (tmp_path / "out").rglob("interview-take-*.flac")} == {
        "interview-take-1.flac",
        "interview-take-2.flac",
    }
    carried = [e for f in (tmp_path / "out").rglob("audit.json") for e in json.loads(f.read_text())]
    purges = {e["subject_id"]: e["detail"] for e in carried if e.get("action") == "recording.purge"}
    assert purges == {
        first_take: {"bundle": first_bundle, "verified_at": verified_at},  # whole, as facts (no store name)
        "R-earlier": old_words,  # whole, as written before
    }, purges
    assert all(audit.check_entry(e) for e in carried if not e.get("withheld"))


def test_a_sync_while_another_session_records_leaves_the_recording_whole(
    ws: Workspace, virtual_mic: Any, study_keys: tuple[Path, Path], sftp_server: Any
) -> None:
    virtual_mic.use_sine()
    pub, _ = study_keys
    sent = _recorded_session(ws, pub, seconds=2.5)
    m = add_eligible(ws, "mother").id
    live = sessions.new(ws, [m], "interview", "clinic").id
    tpl = consent.template(ws, live, m)
    consent.record(ws, live, m, "paper", {k: True for k in tpl})
    server = sftp_server.fresh()
    sync_svc.add_store(ws, "study", server.url, server.options, server.secrets)
    sync_svc.queue_session(ws, sent)
    import time

    take = recording.start_take(ws, live)
    started = time.monotonic()
    report = sync_svc.sync_all(ws, chunk_size=64 * 1024)  # on this thread, while the recorder runs on its own
    time.sleep(max(0.0, 1.0 - (time.monotonic() - started)))
    elapsed = time.monotonic() - started
    summary = take.finish(ws)
    assert report.ok and len(report.verified) == 1
    assert summary.error is None and summary.sealed
    assert summary.overflows == 0 and summary.dropped_blocks == 0
    assert summary.duration_seconds >= 0.8 * elapsed - 2.0  # PulseAudio's sine source delivers in bursts
    live_takes = recording.list_recordings(ws, live)
    assert len(live_takes) == 1 and live_takes[0]["purged_at"] is None  # not in any bundle, not purged
    assert (ws.data_dir.audio / live / f"{take.recording_id}.fwa").exists()
    assert all(r["purged_at"] for r in recording.list_recordings(ws, sent))


def test_keep_for_n_days_purges_only_once_the_days_have_passed(
    ws: Workspace, virtual_mic: Any, study_keys: tuple[Path, Path], folder_store: Any, tmp_path: Path
) -> None:
    import shutil
    from datetime import UTC, datetime, timedelta

    virtual_mic.use_sine()
    pub, _ = study_keys
    pack = tmp_path / "pack"
    shutil.copytree(packs_svc.example_pack_path(), pack)
    text = (pack / "pack.yaml").read_text()
    text = text.replace('version: "1.1"', 'version: "1.2"', 1)  # a changed pack carries a new version
    (pack / "pack.yaml").write_text(text.replace("policy: immediately", "policy: after_days\n    days: 14"))
    packs_svc.import_pack(ws, pack, study_key_file=pub)
    assert ws.pack().data_rules.purge.days == 14
    s = _recorded_session(ws, None, seconds=1.2)
    sync_svc.add_store(ws, "usb", folder_store.fresh().url)
    sync_svc.queue_session(ws, s)
    report = sync_svc.sync_all(ws)
    assert report.ok and report.purged == []  # verified, but kept for 14 days
    now = datetime.now(UTC)
    assert sync_svc.apply_purge_policy(ws, now + timedelta(days=13)) == []
    assert all(r["purged_at"] is None for r in recording.list_recordings(ws, s))
    purged = sync_svc.apply_purge_policy(ws, now + timedelta(days=14, minutes=1))
    assert purged == [r["id"] for r in recording.list_recordings(ws, s)]
    assert not list((ws.data_dir.audio / s).glob("*.fwa"))
    [receipt] = ws.db.execute("SELECT bundle_id, verified_at FROM receipts").fetchall()
    details = [e.detail for e in audit_entries(ws) if e.action == "recording.purge"]
    assert len(details) == len(purged)  # facts, in no language: the bundle and when its receipt was verified
    assert all(d == {"bundle": receipt["bundle_id"], "verified_at": receipt["verified_at"]} for d in details), details


def test_a_withdrawal_before_sync_holds_back_her_sessions_as_she_chose(
    ws: Workspace, virtual_mic: Any, study_keys: tuple[Path, Path], folder_store: Any, tmp_path: Path
) -> None:
    from fieldwork_app.errors import InvalidInput
    from fieldwork_app.services import interview
    from fieldwork_app.services import status as status_svc

    virtual_mic.use_sine()
    pub, key = study_keys
    deleted = _recorded_session(ws, pub)  # she asks for her data to be deleted
    m = sessions.get(ws, deleted).participant_ids[0]
    interview.add_note(ws, deleted, "what she said about her son")
    sync_svc.queue_session(ws, deleted)
    kept = _recorded_session(ws, None)  # she keeps the data collected so far
    k = sessions.get(ws, kept).participant_ids[0]
    sync_svc.queue_session(ws, kept)
    takes = list((ws.data_dir.audio / deleted).glob("*.fwa"))
    assert takes and participants.unsent_sessions(ws, m) == [deleted]

    with pytest.raises(InvalidInput, match=deleted):  # not without the researcher's confirmation
        participants.withdraw(ws, m, "delete_data", "2026-11-30")
    assert not participants.get(ws, m).withdrawn and all(t.exists() for t in takes)

    participants.withdraw(ws, m, "delete_data", "2026-11-30", delete_unsent=True)
    participants.withdraw(ws, k, "no_further_contact", "2026-11-30")
    assert not any(t.exists() for t in takes) and not (ws.data_dir.audio / deleted).exists()
    assert interview.notes(ws, deleted) == [] and not recording.markers(ws, deleted)
    assert all(r["purged_at"] for r in recording.list_recordings(ws, deleted))
    logged = [e for e in audit_entries(ws) if e.action == "withdrawal.delete_local"]
    assert [e.session_id for e in logged] == [deleted] and logged[0].detail["takes"] == len(takes)
    assert deleted not in {o["session_id"] for o in sync_svc.outbox(ws)}
    assert deleted not in {w["session"] for w in status_svc.waiting_on_laptop(ws)}
    with pytest.raises(InvalidInput, match="withdrew"):
        sync_svc.queue_session(ws, deleted)

    store = folder_store.fresh()
    sync_svc.add_store(ws, "usb", store.url)
    report = sync_svc.sync_all(ws)
    assert report.ok, report.failed
    assert sorted(report.labels[b] for b in report.verified) == ["session " + kept, "withdrawal", "withdrawal"]
    transport = open_transport(store.url)
    try:
        unpacked = unpack_store(transport, load_identity(key), tmp_path / "out", _laptop(ws))
    finally:
        transport.close()
    assert not unpacked.problems and unpacked.withdrawals == 2
    out = tmp_path / "out"
    assert (out / k / kept).is_dir() and list((out / k / kept).rglob("interview-take-1.flac"))
    assert not (out / m).exists()  # nothing of the session she withdrew reached the store
    assert participants.held_back(ws, deleted) and not participants.held_back(ws, kept)
    assert sync_svc.queue_unsent_takes(ws) == []
