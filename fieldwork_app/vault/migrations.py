"""Numbered schema migrations for the research and identity databases.

``PRAGMA user_version`` holds the number of the last migration applied.  Migrations only ever append:
a released migration is never edited.  Each runs in one transaction, so a failure leaves the database at
the previous version.  ``tests/unit/test_migrations.py`` builds a database at every earlier version,
fills it, and upgrades it to the latest.
"""

from __future__ import annotations

from typing import Any

from fieldwork_app.errors import ErrorKind, VaultError

RESEARCH: list[str] = [
    # 1: users, packs, documents, participants, sessions, consent, audit
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE users (
        name TEXT PRIMARY KEY, role TEXT NOT NULL, created_at TEXT NOT NULL);
    CREATE TABLE packs (
        row_id INTEGER PRIMARY KEY, pack_id TEXT NOT NULL, version TEXT NOT NULL, digest TEXT NOT NULL,
        body_json TEXT NOT NULL, imported_at TEXT NOT NULL, imported_by TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 0, UNIQUE (pack_id, digest));
    CREATE TABLE documents (
        row_id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, version TEXT NOT NULL, kind TEXT NOT NULL,
        status TEXT NOT NULL, title TEXT NOT NULL, approval_ref TEXT, approval_date TEXT,
        groups_json TEXT NOT NULL, formats_json TEXT NOT NULL, body_json TEXT NOT NULL,
        first_pack_row INTEGER NOT NULL REFERENCES packs(row_id), UNIQUE (doc_id, version));
    CREATE TABLE participants (
        id TEXT PRIMARY KEY, group_id TEXT NOT NULL, seq INTEGER NOT NULL,
        linked_to TEXT REFERENCES participants(id), status TEXT NOT NULL,
        created_at TEXT NOT NULL, created_by TEXT NOT NULL, UNIQUE (group_id, seq));
    CREATE TABLE screenings (
        row_id INTEGER PRIMARY KEY, participant_id TEXT NOT NULL REFERENCES participants(id),
        answers_json TEXT NOT NULL, eligible INTEGER NOT NULL, screened_at TEXT NOT NULL,
        screened_by TEXT NOT NULL);
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY, format TEXT NOT NULL, location_kind TEXT NOT NULL, status TEXT NOT NULL,
        planned_start TEXT, planned_minutes INTEGER, guide_doc TEXT, guide_version TEXT,
        plan_json TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL, created_by TEXT NOT NULL,
        started_at TEXT, completed_at TEXT);
    CREATE TABLE session_participants (
        session_id TEXT NOT NULL REFERENCES sessions(id), participant_id TEXT NOT NULL REFERENCES participants(id),
        form_doc TEXT, form_version TEXT, pis_doc TEXT, pis_version TEXT,
        PRIMARY KEY (session_id, participant_id));
    CREATE TABLE consent_records (
        id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id),
        participant_id TEXT NOT NULL REFERENCES participants(id), mode TEXT NOT NULL,
        form_doc TEXT NOT NULL, form_version TEXT NOT NULL, pis_doc TEXT NOT NULL, pis_version TEXT NOT NULL,
        answers_json TEXT NOT NULL, answer_times_json TEXT NOT NULL DEFAULT '{}', complete INTEGER NOT NULL,
        recording_id TEXT, taken_by TEXT NOT NULL, taken_at TEXT NOT NULL, copy_sent_at TEXT);
    CREATE TABLE withdrawals (
        id TEXT PRIMARY KEY, participant_id TEXT NOT NULL REFERENCES participants(id), scope TEXT NOT NULL,
        effective_date TEXT NOT NULL, before_cutoff INTEGER NOT NULL, actions_json TEXT NOT NULL DEFAULT '[]',
        recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL);
    CREATE TABLE audit (
        seq INTEGER PRIMARY KEY, ts TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
        subject_kind TEXT NOT NULL, subject_id TEXT NOT NULL, session_id TEXT, detail_json TEXT NOT NULL,
        prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE INDEX audit_session ON audit(session_id);
    """,
    # 2: recordings, markers, notes, topic-guide coverage
    """
    CREATE TABLE recordings (
        id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id), kind TEXT NOT NULL,
        take_no INTEGER NOT NULL, participant_id TEXT, file TEXT NOT NULL, device TEXT,
        samplerate INTEGER, channels INTEGER, status TEXT NOT NULL, started_at TEXT NOT NULL,
        ended_at TEXT, duration REAL, error TEXT, purged_at TEXT);
    CREATE INDEX recordings_session ON recordings(session_id);
    CREATE TABLE markers (
        row_id INTEGER PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id), recording_id TEXT,
        position REAL, kind TEXT NOT NULL, label TEXT NOT NULL DEFAULT '', speaker TEXT,
        created_at TEXT NOT NULL, created_by TEXT NOT NULL);
    CREATE INDEX markers_session ON markers(session_id);
    CREATE TABLE notes (
        row_id INTEGER PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id), recording_id TEXT,
        position REAL, kind TEXT NOT NULL, text TEXT NOT NULL, speaker TEXT, created_at TEXT NOT NULL,
        created_by TEXT NOT NULL);
    CREATE INDEX notes_session ON notes(session_id);
    CREATE TABLE guide_progress (
        session_id TEXT NOT NULL REFERENCES sessions(id), question_id TEXT NOT NULL, state TEXT NOT NULL,
        reason TEXT, position REAL, updated_at TEXT NOT NULL, PRIMARY KEY (session_id, question_id));
    """,
    # 3: distress events, close-out, tasks, lone-working events
    """
    CREATE TABLE distress_events (
        id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id), opened_at TEXT NOT NULL,
        position REAL, highest_stage INTEGER NOT NULL DEFAULT 0, steps_json TEXT NOT NULL DEFAULT '[]',
        outcome TEXT, closed_at TEXT);
    CREATE TABLE closeouts (
        session_id TEXT PRIMARY KEY REFERENCES sessions(id), body_json TEXT NOT NULL, completed_at TEXT NOT NULL,
        completed_by TEXT NOT NULL);
    CREATE TABLE tasks (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, session_id TEXT, participant_id TEXT, title TEXT NOT NULL,
        due TEXT, done_at TEXT, created_at TEXT NOT NULL);
    CREATE TABLE lone_working_events (
        row_id INTEGER PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id), kind TEXT NOT NULL,
        at TEXT NOT NULL, by_user TEXT NOT NULL);
    """,
    # 4: device key, stores, outbox and receipts for sync
    """
    CREATE TABLE secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);
    CREATE TABLE stores (
        name TEXT PRIMARY KEY, url TEXT NOT NULL, options_json TEXT NOT NULL DEFAULT '{}',
        secrets_json TEXT NOT NULL DEFAULT '{}', is_default INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);
    CREATE TABLE outbox (
        bundle_id TEXT PRIMARY KEY, kind TEXT NOT NULL, session_id TEXT, withdrawal_id TEXT,
        state TEXT NOT NULL, bytes_total INTEGER NOT NULL DEFAULT 0, bytes_done INTEGER NOT NULL DEFAULT 0,
        queued_at TEXT NOT NULL, updated_at TEXT NOT NULL, last_error TEXT, store TEXT);
    CREATE TABLE receipts (
        bundle_id TEXT NOT NULL, store TEXT NOT NULL, body_json TEXT NOT NULL, verified_at TEXT NOT NULL,
        PRIMARY KEY (bundle_id, store));
    """,
    # 5: marker counts kept on the session by triggers, so listing 10,000 sessions never scans the markers
    """
    ALTER TABLE sessions ADD COLUMN marker_count INTEGER NOT NULL DEFAULT 0;
    UPDATE sessions SET marker_count = (SELECT COUNT(*) FROM markers m WHERE m.session_id = sessions.id);
    CREATE TRIGGER markers_count_insert AFTER INSERT ON markers
        BEGIN UPDATE sessions SET marker_count = marker_count + 1 WHERE id = NEW.session_id; END;
    CREATE TRIGGER markers_count_delete AFTER DELETE ON markers
        BEGIN UPDATE sessions SET marker_count = marker_count - 1 WHERE id = OLD.session_id; END;
    """,
    # 6: which takes each session bundle carries, so audio is purged only once a verified bundle holds it
    """
    CREATE TABLE bundle_recordings (
        bundle_id TEXT NOT NULL, recording_id TEXT NOT NULL, PRIMARY KEY (bundle_id, recording_id));
    CREATE INDEX bundle_recordings_recording ON bundle_recordings(recording_id);
    INSERT OR IGNORE INTO bundle_recordings (bundle_id, recording_id)
        SELECT o.bundle_id, r.id FROM recordings r JOIN outbox o ON o.session_id = r.session_id
        WHERE o.state = 'verified' AND o.kind = 'session' AND r.status IN ('sealed', 'recovered')
          AND r.ended_at <= o.queued_at;
    """,
    # 7: every bundle this laptop numbered (one sequence for research stores, one for the identity store), so
    #    the next bundle takes the next number and names the manifest before it; bundles made before this
    #    migration are unnumbered, and numbering starts at 1
    """
    CREATE TABLE bundle_numbers (
        sequence TEXT NOT NULL, seq INTEGER NOT NULL, bundle_id TEXT NOT NULL UNIQUE,
        manifest_sha256 TEXT NOT NULL, staged_at TEXT NOT NULL, PRIMARY KEY (sequence, seq));
    """,
    # 8: participant attributes the study pack defines (age band, language, needs an interpreter ...);
    #    identifying ones are kept in the identity database instead (identity migration 5)
    """
    CREATE TABLE participant_attributes (
        participant_id TEXT NOT NULL REFERENCES participants(id), attribute_id TEXT NOT NULL,
        value TEXT NOT NULL, set_at TEXT NOT NULL, set_by TEXT NOT NULL,
        PRIMARY KEY (participant_id, attribute_id));
    """,
    # 9: a participant starts "not_screened"; screening makes them "eligible" or "not_eligible" (before, every
    #    participant started "screened", screened or not)
    """
    UPDATE participants SET status = 'not_screened' WHERE status = 'screened'
        AND NOT EXISTS (SELECT 1 FROM screenings s WHERE s.participant_id = participants.id);
    UPDATE participants SET status = 'not_eligible' WHERE status = 'screened'
        AND (SELECT s.eligible FROM screenings s WHERE s.participant_id = participants.id
             ORDER BY s.row_id DESC LIMIT 1) = 0;
    UPDATE participants SET status = 'eligible' WHERE status = 'screened';
    """,
    # 10: the pack's gating tasks done per participant (a parent notified before the session), capacity
    #     assessed per session, and the other people present at a consent (roles only; names are identity data)
    """
    CREATE TABLE gating_done (
        participant_id TEXT NOT NULL REFERENCES participants(id), task_id TEXT NOT NULL, done_at TEXT NOT NULL,
        done_by TEXT NOT NULL, note TEXT, PRIMARY KEY (participant_id, task_id));
    CREATE TABLE capacity_assessments (
        row_id INTEGER PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id),
        participant_id TEXT NOT NULL REFERENCES participants(id), answers_json TEXT NOT NULL,
        has_capacity INTEGER NOT NULL, outcome TEXT, assessed_at TEXT NOT NULL, assessed_by TEXT NOT NULL);
    ALTER TABLE consent_records ADD COLUMN parties_json TEXT NOT NULL DEFAULT '{}';
    """,
    # 11: on whose decision a consent rests: the participant's own, or a consultee's advice where the capacity
    #     assessment found the participant cannot decide and the pack offers a consultee route
    """
    ALTER TABLE consent_records ADD COLUMN consent_by TEXT NOT NULL DEFAULT 'participant';
    """,
]

IDENTITY: list[str] = [
    # 1: identity details, sealed locations, signatures
    """
    CREATE TABLE identities (
        participant_id TEXT PRIMARY KEY, body_json TEXT NOT NULL, updated_at TEXT NOT NULL);
    CREATE TABLE locations (
        session_id TEXT PRIMARY KEY, body_json TEXT NOT NULL, created_at TEXT NOT NULL, delete_after TEXT);
    CREATE TABLE signatures (
        consent_id TEXT NOT NULL, signer TEXT NOT NULL, svg TEXT NOT NULL, name TEXT NOT NULL DEFAULT '',
        signed_at TEXT NOT NULL, PRIMARY KEY (consent_id, signer));
    """,
    # 2: safeguarding concerns and payment receipts (identity-linked, never research data)
    """
    CREATE TABLE safeguarding (
        id TEXT PRIMARY KEY, participant_id TEXT, session_id TEXT, body_json TEXT NOT NULL,
        status TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
    CREATE TABLE vouchers (
        row_id INTEGER PRIMARY KEY, session_id TEXT NOT NULL, participant_id TEXT NOT NULL,
        body_json TEXT NOT NULL, created_at TEXT NOT NULL);
    """,
    # 3: initials given per consent statement (identifying handwriting stand-in; kept with signatures)
    """
    CREATE TABLE consent_initials (
        consent_id TEXT NOT NULL, statement_id TEXT NOT NULL, initials TEXT NOT NULL,
        PRIMARY KEY (consent_id, statement_id));
    """,
    # 4: why a participant who consented did not sign on screen (attested consent; kept with signatures)
    """
    CREATE TABLE consent_unsigned (
        consent_id TEXT PRIMARY KEY, reason TEXT NOT NULL, recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL);
    """,
    # 5: participant attributes the study pack marks identifying (kept apart from research data)
    """
    CREATE TABLE identity_attributes (
        participant_id TEXT NOT NULL, attribute_id TEXT NOT NULL, value TEXT NOT NULL, set_at TEXT NOT NULL,
        PRIMARY KEY (participant_id, attribute_id));
    """,
    # 6: the names of the other people at a consent (witness, interpreter), kept apart from research data
    """
    CREATE TABLE consent_parties (
        consent_id TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL, agreement INTEGER NOT NULL DEFAULT 0,
        recorded_at TEXT NOT NULL, PRIMARY KEY (consent_id, role));
    """,
    # 7: a consultee's relationship to the participant (identity data, kept with the consultee's name)
    """
    ALTER TABLE consent_parties ADD COLUMN relationship TEXT;
    """,
]


def current_version(conn: Any) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Any, steps: list[str], *, target: int | None = None) -> int:
    """Apply the pending migrations up to ``target`` (default: all).  Returns the new version."""
    target = len(steps) if target is None else target
    version = current_version(conn)
    if version > len(steps):
        raise VaultError(
            f"this vault was written by a newer Fieldwork (schema {version}, this one knows {len(steps)})",
            kind=ErrorKind.VAULT_CORRUPT,
        )
    for number in range(version + 1, target + 1):
        script = steps[number - 1]
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _split(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
    return current_version(conn)


def _split(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (BEGIN ... END;) whole."""
    statements: list[str] = []
    buf: list[str] = []
    in_trigger = False
    for line in script.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        buf.append(line)
        upper = stripped.upper()
        if upper.startswith("CREATE TRIGGER"):
            in_trigger = True
        if in_trigger:
            if upper.endswith("END;"):
                statements.append("\n".join(buf))
                buf, in_trigger = [], False
        elif stripped.endswith(";"):
            statements.append("\n".join(buf))
            buf = []
    if buf:
        statements.append("\n".join(buf))
    return statements
