"""Every earlier schema version upgrades to the latest, keeping its rows."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fieldwork_app.vault import migrations
from fieldwork_app.vault.db import open_encrypted

KEY = os.urandom(32)


def _tables(conn) -> set[str]:  # type: ignore[no-untyped-def]
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


EVERY_VERSION = [
    (name, start) for name in ("RESEARCH", "IDENTITY") for start in range(len(getattr(migrations, name)))
]


@pytest.mark.parametrize(("steps_name", "start"), EVERY_VERSION)
def test_upgrade_from_every_version(tmp_path: Path, steps_name: str, start: int) -> None:
    steps = getattr(migrations, steps_name)
    conn = open_encrypted(tmp_path / "db", KEY, create=True)
    migrations.migrate(conn, steps, target=start)
    assert migrations.current_version(conn) == start
    if steps_name == "RESEARCH" and start >= 1:
        conn.execute("INSERT INTO users (name, role, created_at) VALUES ('u', 'researcher', 'now')")
        conn.execute(
            "INSERT INTO participants (id, group_id, seq, status, created_at, created_by)"
            " VALUES ('M-001', 'mother', 1, 'screened', 'now', 'u')"
        )
    if steps_name == "RESEARCH" and start >= 2:
        conn.execute(
            "INSERT INTO sessions (id, format, location_kind, status, created_at, created_by)"
            " VALUES ('S-0001', 'interview', 'home', 'planned', 'now', 'u')"
        )
        conn.execute(
            "INSERT INTO markers (session_id, kind, created_at, created_by) VALUES"
            " ('S-0001', 'marker', 'now', 'u')"
        )
    if steps_name == "IDENTITY" and start >= 1:
        conn.execute(
            "INSERT INTO identities (participant_id, body_json, updated_at) VALUES ('M-001', '{}', 'now')"
        )
    conn.close()
    conn = open_encrypted(tmp_path / "db", KEY)
    assert migrations.migrate(conn, steps) == len(steps)
    if steps_name == "RESEARCH":
        assert {"audit", "recordings", "distress_events", "receipts", "bundle_numbers"} <= _tables(conn)
        assert conn.execute("SELECT COUNT(*) FROM bundle_numbers").fetchone()[0] == 0  # numbering starts at 1
        if start >= 1:
            assert conn.execute("SELECT id FROM participants").fetchone()[0] == "M-001"
            if start < 9:  # every participant used to start "screened"; one never screened is "not_screened" now
                assert conn.execute("SELECT status FROM participants").fetchone()[0] == "not_screened"
        if start >= 2:
            # Markers written before migration 5 are counted by it, and the triggers keep counting after.
            assert conn.execute("SELECT marker_count FROM sessions").fetchone()[0] == 1
            conn.execute(
                "INSERT INTO markers (session_id, kind, created_at, created_by) VALUES"
                " ('S-0001', 'marker', 'now', 'u')"
            )
            assert conn.execute("SELECT marker_count FROM sessions").fetchone()[0] == 2
    else:
        assert {"identities", "safeguarding"} <= _tables(conn)
        if start >= 1:
            assert conn.execute("SELECT count(*) FROM identities").fetchone()[0] == 1


def test_newer_schema_refused(tmp_path: Path) -> None:
    conn = open_encrypted(tmp_path / "db", KEY, create=True)
    conn.execute(f"PRAGMA user_version = {len(migrations.RESEARCH) + 1}")
    from fieldwork_app.errors import VaultError

    with pytest.raises(VaultError, match="newer"):
        migrations.migrate(conn, migrations.RESEARCH)


def test_failed_migration_rolls_back(tmp_path: Path) -> None:
    conn = open_encrypted(tmp_path / "db", KEY, create=True)
    broken = [*migrations.RESEARCH[:1], "CREATE TABLE ok_table (x INTEGER);\nTHIS IS NOT SQL;"]
    import sqlcipher3

    with pytest.raises(sqlcipher3.OperationalError):
        migrations.migrate(conn, broken)
    assert migrations.current_version(conn) == 1
    assert "ok_table" not in _tables(conn)


def test_takes_of_bundles_verified_before_migration_6_keep_their_purge(tmp_path: Path) -> None:
    conn = open_encrypted(tmp_path / "db", KEY, create=True)
    migrations.migrate(conn, migrations.RESEARCH, target=5)
    conn.execute(
        "INSERT INTO sessions (id, format, location_kind, status, created_at, created_by)"
        " VALUES ('S-0001', 'interview', 'home', 'completed', 'now', 'u')"
    )
    for rid, ended in (("R-sent", "2026-11-01T10:00:00+00:00"), ("R-later", "2026-11-03T10:00:00+00:00")):
        conn.execute(
            "INSERT INTO recordings (id, session_id, kind, take_no, file, status, started_at, ended_at)"
            " VALUES (?, 'S-0001', 'interview', 1, 'x.fwa', 'sealed', ?, ?)",
            (rid, ended, ended),
        )
    conn.execute(
        "INSERT INTO outbox (bundle_id, kind, session_id, state, queued_at, updated_at)"
        " VALUES ('b-old', 'session', 'S-0001', 'verified', '2026-11-02T10:00:00+00:00', 'now')"
    )
    migrations.migrate(conn, migrations.RESEARCH)
    rows = conn.execute("SELECT bundle_id, recording_id FROM bundle_recordings").fetchall()
    assert [tuple(r) for r in rows] == [("b-old", "R-sent")]  # the take recorded after queueing is not in it
    conn.close()
