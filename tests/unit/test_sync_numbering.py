"""Each laptop numbers its bundles (research and identity apart), each naming the manifest before it, kept in
the vault: a failed upload keeps its number, a bundle staged when the app stopped is counted at the next sync,
and the data manager's verify sees an unbroken sequence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldwork_app.errors import FieldworkError
from fieldwork_app.services import consent, sessions
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.sync.keys import generate_study_keypair, load_identity
from fieldwork_app.sync.manifest import chain_digest
from fieldwork_app.sync.storeside import verify_store
from fieldwork_app.sync.transports import open_transport
from fieldwork_app.sync.trust import TrustedDevices
from fieldwork_app.vault import migrations
from tests.support.people import add_eligible


def _session(ws: Workspace) -> str:
    m = add_eligible(ws, "mother").id
    s = sessions.new(ws, [m], "interview", "clinic").id
    consent.record(ws, s, m, "paper", {k: True for k in consent.template(ws, s, m)})
    sync_svc.queue_session(ws, s)
    return s


def test_bundles_are_numbered_in_order_across_failures_and_a_stop(ws: Workspace, tmp_path: Path) -> None:
    pub, key = generate_study_keypair(tmp_path / "dm")
    packs_svc.import_pack(ws, example=True, study_key_file=pub)
    store = tmp_path / "store"
    store.mkdir()
    sync_svc.add_store(ws, "uni", store.as_uri())
    broken = tmp_path / "broken"  # a store that refuses every object at once (its "bundles" is a file)
    broken.mkdir()
    (broken / "bundles").write_text("not a folder")
    sync_svc.add_store(ws, "dead", broken.as_uri())
    _session(ws)
    _session(ws)
    assert sync_svc.sync_all(ws, "uni").ok
    assert sync_svc.last_numbers(ws) == {"research": 2}
    # A failed upload: the bundle was staged with number 3, which it keeps.
    _session(ws)
    failed = sync_svc.sync_all(ws, "dead")
    assert not failed.ok and sync_svc.last_numbers(ws) == {"research": 3}
    # The app stops between staging and recording the outcome: the next sync counts the staged number.
    _session(ws)
    jobs = [j for j in sync_svc.prepare_jobs(ws, "dead") if j.staged is None]
    with pytest.raises(FieldworkError):
        sync_svc.run_job(jobs[0])
    assert jobs[0].staged is not None and sync_svc.last_numbers(ws) == {"research": 3}
    assert sync_svc.sync_all(ws, "uni").ok
    assert sync_svc.last_numbers(ws) == {"research": 4}

    trusted = TrustedDevices.of((sync_svc.device_fingerprint(ws), "laptop 1"))
    t = open_transport(store.as_uri())
    try:
        report = verify_store(t, load_identity(key), trusted)
    finally:
        t.close()
    assert report.ok, report.problems
    assert report.newest == {(sync_svc.device_fingerprint(ws), "research"): 4}
    numbered = sorted((b.body["device_seq"], b.body["prev_manifest_sha256"], b.envelope.signed_digest)  # type: ignore[index,union-attr]
                      for b in report.bundles)  # fmt: skip
    assert [n for n, _, _ in numbered] == [1, 2, 3, 4]
    assert numbered[0][1] == ""
    for (_, _, digest), (_, prev, _) in zip(numbered, numbered[1:], strict=False):
        assert prev == digest  # each names the signed bytes of the one before it
    rows = ws.db.execute("SELECT seq, manifest_sha256 FROM bundle_numbers ORDER BY seq").fetchall()
    on_store = {chain_digest(p.read_bytes()) for p in store.rglob("manifest.json")}
    assert [r["seq"] for r in rows] == [1, 2, 3, 4] and {r["manifest_sha256"] for r in rows} == on_store


def test_numbers_survive_from_a_vault_made_before_numbering(tmp_path: Path) -> None:
    """A research database at version 6 with sent bundles upgrades: nothing is renumbered, numbering starts at 1
    and goes on across later upgrades."""
    import os

    from fieldwork_app.vault.db import open_encrypted

    key = os.urandom(32)
    conn = open_encrypted(tmp_path / "db", key, create=True)
    migrations.migrate(conn, migrations.RESEARCH, target=6)
    conn.execute(
        "INSERT INTO outbox (bundle_id, kind, session_id, state, queued_at, updated_at)"
        " VALUES ('b-old', 'session', 'S-0001', 'verified', 'now', 'now')"
    )
    conn.close()
    conn = open_encrypted(tmp_path / "db", key)
    assert migrations.migrate(conn, migrations.RESEARCH) == len(migrations.RESEARCH)
    assert conn.execute("SELECT COUNT(*) FROM bundle_numbers").fetchone()[0] == 0
    conn.execute(
        "INSERT INTO bundle_numbers (sequence, seq, bundle_id, manifest_sha256, staged_at)"
        " VALUES ('research', 1, 'b-new', ?, 'now')",
        ("0" * 64,),
    )
    conn.close()
    conn = open_encrypted(tmp_path / "db", key)
    assert migrations.migrate(conn, migrations.RESEARCH) == len(migrations.RESEARCH)  # a later run keeps them
    assert conn.execute("SELECT bundle_id FROM bundle_numbers").fetchone()[0] == "b-new"
    assert json.dumps(conn.execute("SELECT bundle_id FROM outbox").fetchall()[0][0]) == '"b-old"'
    conn.close()
