"""Sync jobs: gathered from the outbox on the database thread (:func:`prepare_jobs`), staged and uploaded
on any thread (:func:`run_job`), their outcome written on the database thread again
(:func:`record_receipt`, :func:`record_failure`)."""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from fieldwork_app.errors import ErrorCode, ErrorKind, FieldworkError, InvalidInput, NotFound
from fieldwork_app.services.sync.bundles import (
    chain_cursors,
    identity_spec,
    record_bundle_takes,
    record_number,
    session_spec,
    withdrawal_spec,
)
from fieldwork_app.services.sync.keys import device_key
from fieldwork_app.services.sync.outbox import new_bundle_id, queue_unsent_takes, queue_withdrawals
from fieldwork_app.services.sync.purge import purge_due
from fieldwork_app.services.sync.stores import StoreConfig, get_store, keep_link_measure
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.sync.bundle import (
    BundleSpec,
    ChainCursor,
    StagedBundle,
    sequence_of,
    stage_bundle,
)
from fieldwork_app.sync.engine import Receipt, RetryPolicy, upload_bundle
from fieldwork_app.sync.keys import DeviceKey, load_recipient
from fieldwork_app.sync.linkfit import LinkMeasure, choose_chunk_size
from fieldwork_app.sync.manifest import MANIFEST_NAME
from fieldwork_app.sync.state import NullState, TaskState, Waiter
from fieldwork_app.sync.transports import open_transport
from fieldwork_app.vault import now_iso

logger = logging.getLogger(__name__)


@dataclass
class SyncJob:
    bundle_id: str
    kind: str
    session_id: str | None
    spec: BundleSpec | None
    store: StoreConfig
    outbox_dir: Path
    recipient_text: str
    device_key: DeviceKey
    chunk_size: int | None = None  # None: fitted to the link as last measured (``link``) when staged
    staged: StagedBundle | None = None
    blocked: FieldworkError | None = None  # why this job cannot run on this laptop yet (it fails with this)
    chain: ChainCursor | None = None  # where its number comes from when it is staged (shared per sequence)
    link: LinkMeasure | None = None  # the link to ``store`` as the last sync measured it

    def staging_chunk_size(self) -> int:
        return self.chunk_size if self.chunk_size is not None else choose_chunk_size(self.link)


def prepare_jobs(
    ws: Workspace, store_name: str | None = None, chunk_size: int | None = None
) -> list[SyncJob]:
    """Database thread: one job per bundle waiting in the outbox (withdrawals are queued first)."""
    pack = ws.pack()
    if not pack.sync.study_public_key:
        raise FieldworkError(
            "the study pack has no study public key", kind=ErrorKind.NO_STUDY_KEY, code=ErrorCode.NO_STUDY_KEY
        )
    identity_name = pack.data_rules.identity_store
    store = get_store(ws, store_name, not_named=identity_name)
    if identity_name and store.name == identity_name:
        raise InvalidInput(
            f"store {store.name} is the study's identity store: research data never goes there",
            code=ErrorCode.IDENTITY_STORE_FOR_RESEARCH,
            params={"name": store.name},
        )
    identity_store, identity_missing = _identity_store(ws, identity_name)
    queue_withdrawals(ws)
    queue_unsent_takes(ws)
    key = device_key(ws)
    for row in ws.db.execute("SELECT bundle_id FROM outbox WHERE state != 'verified'").fetchall():
        try:  # a bundle staged when the app stopped before its outcome was written: keep its number
            record_number(ws, StagedBundle.load(ws.data_dir.outbox / str(row["bundle_id"])))
        except (OSError, FieldworkError, ValueError):
            pass
    cursors = chain_cursors(ws)
    jobs = []
    for row in ws.db.execute(
        "SELECT * FROM outbox WHERE state NOT IN ('verified', 'withdrawn') ORDER BY kind = 'session', queued_at"
    ).fetchall():
        bundle_id = str(row["bundle_id"])
        directory = ws.data_dir.outbox / bundle_id
        staged = None
        spec = None
        if (directory / MANIFEST_NAME).exists():
            try:
                staged = StagedBundle.load(directory)
            except (OSError, FieldworkError, ValueError):
                bundle_id = _restage(ws, bundle_id, row["session_id"])
        identity = row["kind"] == "identity"
        target, recipient = store, pack.sync.study_public_key
        if identity:
            if identity_store is None:
                jobs.append(
                    SyncJob(
                        bundle_id,
                        row["kind"],
                        row["session_id"],
                        None,
                        store,
                        ws.data_dir.outbox,
                        "",
                        key,
                        blocked=identity_missing,
                    )  # fmt: skip
                )
                continue
            target, recipient = identity_store, pack.sync.identity_public_key or pack.sync.study_public_key
        if staged is None:
            if row["kind"] == "session":
                spec = session_spec(ws, bundle_id, row["session_id"])
                record_bundle_takes(ws, spec)
            elif identity:
                spec = identity_spec(ws, bundle_id, row["session_id"])
            else:
                spec = withdrawal_spec(ws, bundle_id, row["withdrawal_id"])
        jobs.append(
            SyncJob(
                bundle_id,
                row["kind"],
                row["session_id"],
                spec,
                target,
                ws.data_dir.outbox,
                recipient,
                key,
                chunk_size,
                staged,
                chain=cursors[sequence_of(row["kind"])] if staged is None else None,
                link=target.link,
            )
        )
    return jobs


def _identity_store(ws: Workspace, name: str | None) -> tuple[StoreConfig | None, FieldworkError | None]:
    """The store the pack names for identity data, or None and why it cannot be used."""
    if not name:
        return None, FieldworkError("the study pack names no identity store", kind=ErrorKind.NOT_READY)
    try:
        return get_store(ws, name), None
    except NotFound:
        return None, FieldworkError(
            f"the study pack sends identity data to a store named {name}, and this laptop has none",
            kind=ErrorKind.NOT_READY,
            code=ErrorCode.IDENTITY_STORE_MISSING,
            params={"name": name},
        )


def _restage(ws: Workspace, old: str, session_id: str | None) -> str:
    """A staged bundle whose manifest cannot be read is built again under a new id (its chunks, some
    perhaps already at the store, would not match a new manifest); the old id is audited so the data
    manager can delete its unfinished folder at the store."""
    new = new_bundle_id()
    with ws.vault.transaction() as db:
        db.execute(
            "UPDATE outbox SET bundle_id = ?, updated_at = ? WHERE bundle_id = ?", (new, now_iso(), old)
        )
        db.execute("DELETE FROM bundle_recordings WHERE bundle_id = ?", (old,))
        ws.vault.audit("sync.restaged", "bundle", new, session_id=session_id, detail={"abandoned": old})
    shutil.rmtree(ws.data_dir.outbox / old, ignore_errors=True)
    logger.warning("a staged bundle could not be read; it is staged again under a new id")
    return new


def run_job(
    job: SyncJob,
    state: TaskState | None = None,
    *,
    retry: RetryPolicy | None = None,
    waiter: Waiter | None = None,
) -> Receipt:
    """Any thread: stage (ciphertext only) if needed, then upload and verify.  No database access.
    ``retry`` and ``waiter`` say how often and how the upload tries again after a passing failure."""
    state = state or NullState()
    if job.blocked is not None:
        raise job.blocked
    if job.staged is None:
        assert job.spec is not None
        job.staged = stage_bundle(
            job.spec,
            load_recipient(job.recipient_text),
            job.device_key,
            job.outbox_dir,
            job.staging_chunk_size(),
            state,
            job.chain,
        )
    transport = open_transport(
        job.store.url, options=dict(job.store.options), secrets=dict(job.store.secrets)
    )
    try:
        receipt = upload_bundle(job.staged, transport, state, retry=retry, waiter=waiter)
    finally:
        transport.close()
    return receipt


def record_receipt(ws: Workspace, job: SyncJob, receipt: Receipt) -> list[str]:
    """Database thread: mark the bundle verified, keep the receipt, then purge by the pack's policy."""
    record_number(ws, job.staged)
    measure = LinkMeasure.from_dict(receipt.extra.get("link"))
    if measure is not None:
        keep_link_measure(ws, job.store.name, measure)
    with ws.vault.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO receipts (bundle_id, store, body_json, verified_at) VALUES (?,?,?,?)",
            (
                job.bundle_id,
                job.store.name,
                json.dumps(receipt.to_dict(), sort_keys=True),
                receipt.verified_at,
            ),
        )
        db.execute(
            "UPDATE outbox SET state = 'verified', bytes_total = ?, bytes_done = ?, updated_at = ?,"
            " last_error = NULL, store = ? WHERE bundle_id = ?",
            (receipt.total_bytes, receipt.total_bytes, now_iso(), job.store.name, job.bundle_id),
        )
        ws.vault.audit(
            "sync.verified",
            job.kind,
            job.bundle_id,
            session_id=job.session_id,
            detail={"store": job.store.name, "objects": len(receipt.objects), "bytes": receipt.total_bytes},
        )
    if job.staged is not None:
        shutil.rmtree(job.staged.directory, ignore_errors=True)
    return purge_due(ws)


def record_failure(ws: Workspace, job: SyncJob, error: FieldworkError) -> None:
    """Database thread: keep the error (and the bundle's size, once staged) for the outbox."""
    record_number(ws, job.staged)
    total = job.staged.total_bytes if job.staged is not None else 0
    cancelled = error.kind is ErrorKind.CANCELLED  # not a failure: it waits as before
    with ws.vault.transaction() as db:
        db.execute(
            "UPDATE outbox SET state = ?, last_error = ?, updated_at = ?,"
            " bytes_total = CASE WHEN ? > 0 THEN ? ELSE bytes_total END WHERE bundle_id = ?",
            (
                "queued" if cancelled else "failed",
                None if cancelled else error.message[:300],
                now_iso(),
                total,
                total,
                job.bundle_id,
            ),
        )
        ws.vault.audit(
            "sync.cancelled" if cancelled else "sync.failed",
            job.kind,
            job.bundle_id,
            session_id=job.session_id,
            detail={"store": job.store.name, "error": error.kind.value},
        )
