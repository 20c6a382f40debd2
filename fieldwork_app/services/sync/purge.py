"""Purge: local audio deleted once a verified receipt holds it and the study's policy allows, and sealed
visit addresses past their retention."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fieldwork_app.domain.pack import PurgePolicy
from fieldwork_app.services import recording as recording_svc
from fieldwork_app.services import sessions as sessions_svc
from fieldwork_app.services.workspace import Workspace


def apply_purge_policy(ws: Workspace, now: datetime | None = None) -> list[str]:
    """Delete local takes that a verified bundle carries (its receipt recorded), when the policy allows.

    A take is tied to the bundles that hold it when each bundle is built; a take no bundle holds (say,
    one recovered after its session's bundle was built) is never purged here, whatever its times say.
    """
    now = now or datetime.now(UTC)
    pack = ws.pack()
    policy = pack.data_rules.purge
    days = (policy.days or 0) if policy.policy == PurgePolicy.AFTER_DAYS else 0
    # The first receipt for each take: its time and its bundle (SQLite takes a bare column from the row MIN picked).
    receipts = {
        str(r["rid"]): (str(r["verified_at"]), str(r["bundle"]))
        for r in ws.db.execute(
            "SELECT br.recording_id AS rid, MIN(rc.verified_at) AS verified_at, rc.bundle_id AS bundle"
            " FROM bundle_recordings br"
            " JOIN outbox o ON o.bundle_id = br.bundle_id AND o.state = 'verified'"
            " JOIN receipts rc ON rc.bundle_id = o.bundle_id"
            " GROUP BY br.recording_id"
        ).fetchall()
    }
    purged = []
    for t in recording_svc.unpurged_takes(ws):
        receipt = receipts.get(t.id)
        if receipt is None or not t.status.complete:
            continue
        when, bundle = receipt
        verified = datetime.fromisoformat(when)
        if verified.tzinfo is None:
            verified = verified.replace(tzinfo=UTC)
        if now - verified >= timedelta(days=days):
            recording_svc.purge_audio(ws, t.id, bundle=bundle, verified_at=when)
            purged.append(t.id)
    return purged


def purge_due(ws: Workspace) -> list[str]:
    """What the study's rules say must go now (run at unlock and after every sync): audio whose 'keep for
    N days after the receipt' has run out, and sealed visit addresses past their retention.  Returns the
    purged takes' ids."""
    if not ws.has_pack():
        return []
    sessions_svc.purge_expired_locations(ws)
    return apply_purge_policy(ws)
