"""The append-only, hash-chained audit log.

Each entry's hash is SHA-256 over the previous entry's hash and the canonical JSON of the entry, so an
edited, inserted or deleted entry breaks the chain from that point on.  SQLite triggers refuse UPDATE and
DELETE on the table; the chain's head and length are also kept in ``meta`` and checked, so dropping the
last entries is detected too.  Entries name people by user name and participants by pseudonymous id
only: no identity data, no free text from an interview.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    ts: str
    actor: str
    action: str
    subject_kind: str
    subject_id: str
    session_id: str | None
    detail: dict[str, Any]
    prev_hash: str
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "ts": self.ts,
            "actor": self.actor,
            "action": self.action,
            "subject_kind": self.subject_kind,
            "subject_id": self.subject_id,
            "session_id": self.session_id,
            "detail": self.detail,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


def entry_hash(
    prev_hash: str,
    seq: int,
    ts: str,
    actor: str,
    action: str,
    subject_kind: str,
    subject_id: str,
    session_id: str | None,
    detail: dict[str, Any],
) -> str:
    body = json.dumps(
        [seq, ts, actor, action, subject_kind, subject_id, session_id, detail],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def append(
    conn: Any,
    actor: str,
    action: str,
    subject_kind: str,
    subject_id: str,
    *,
    session_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry.  Call inside the caller's transaction so the entry and the change commit together."""
    detail = detail or {}
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (int(row[0]) + 1, str(row[1])) if row else (1, GENESIS)
    ts = _now()
    digest = entry_hash(prev, seq, ts, actor, action, subject_kind, subject_id, session_id, detail)
    conn.execute(
        "INSERT INTO audit (seq, ts, actor, action, subject_kind, subject_id, session_id, detail_json,"
        " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            seq,
            ts,
            actor,
            action,
            subject_kind,
            subject_id,
            session_id,
            json.dumps(detail, sort_keys=True, ensure_ascii=False),
            prev,
            digest,
        ),
    )
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_head', ?)", (digest,))
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_count', ?)", (str(seq),))
    return AuditEntry(seq, ts, actor, action, subject_kind, subject_id, session_id, detail, prev, digest)


def _row_to_entry(row: Any) -> AuditEntry:
    return AuditEntry(
        seq=int(row["seq"]),
        ts=row["ts"],
        actor=row["actor"],
        action=row["action"],
        subject_kind=row["subject_kind"],
        subject_id=row["subject_id"],
        session_id=row["session_id"],
        detail=json.loads(row["detail_json"]),
        prev_hash=row["prev_hash"],
        hash=row["hash"],
    )


def entries(conn: Any, *, session_id: str | None = None) -> Iterator[AuditEntry]:
    if session_id is None:
        cur = conn.execute("SELECT * FROM audit ORDER BY seq")
    else:
        cur = conn.execute("SELECT * FROM audit WHERE session_id = ? ORDER BY seq", (session_id,))
    for row in cur:
        yield _row_to_entry(row)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    count: int
    head: str
    first_bad_seq: int | None = None
    problem: str = ""


def verify(conn: Any) -> ChainReport:
    prev = GENESIS
    expected_seq = 1
    count = 0
    try:
        rows = conn.execute("SELECT * FROM audit ORDER BY seq").fetchall()
        parsed = [_row_to_entry(r) for r in rows]
    except (ValueError, TypeError) as exc:
        return ChainReport(False, 0, GENESIS, None, f"an audit entry cannot be read ({exc})")
    for e in parsed:
        if e.seq != expected_seq:
            return ChainReport(False, count, prev, expected_seq, f"entry {expected_seq} is missing")
        if e.prev_hash != prev:
            return ChainReport(False, count, prev, e.seq, f"entry {e.seq} does not follow entry {e.seq - 1}")
        digest = entry_hash(
            prev, e.seq, e.ts, e.actor, e.action, e.subject_kind, e.subject_id, e.session_id, e.detail
        )
        if digest != e.hash:
            return ChainReport(False, count, prev, e.seq, f"entry {e.seq} was altered")
        prev = e.hash
        expected_seq += 1
        count += 1
    meta = dict(
        conn.execute("SELECT key, value FROM meta WHERE key IN ('audit_head','audit_count')").fetchall()
    )
    if meta and (int(meta.get("audit_count", "0")) != count or meta.get("audit_head", GENESIS) != prev):
        return ChainReport(
            False,
            count,
            prev,
            count + 1,
            f"the log ends at entry {count} but entries up to {meta.get('audit_count')} existed",
        )
    return ChainReport(True, count, prev)


def head(conn: Any) -> str:
    return head_and_seq(conn)[0]


def head_and_seq(conn: Any) -> tuple[str, int]:
    """The chain's head hash and the sequence number of the entry it belongs to (``GENESIS``, 0 if empty)."""
    row = conn.execute("SELECT hash, seq FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (str(row[0]), int(row[1])) if row else (GENESIS, 0)


def check_entry(entry: dict[str, Any]) -> bool:
    """Whether a full entry (as :meth:`AuditEntry.to_json` writes it) hashes to its own ``hash``."""
    try:
        digest = entry_hash(
            str(entry["prev_hash"]),
            int(entry["seq"]),
            str(entry["ts"]),
            str(entry["actor"]),
            str(entry["action"]),
            str(entry["subject_kind"]),
            str(entry["subject_id"]),
            entry["session_id"],
            dict(entry["detail"]),
        )
    except (KeyError, TypeError, ValueError):
        return False
    return digest == entry.get("hash")
