"""The laptop side of sync: device key, stores, the outbox, bundles of a session, receipts and purge.

Work is split by thread, so that the GUI can run uploads on a pool thread while the database stays with
its one owner:

* :func:`prepare_jobs` (database thread) gathers every queued bundle into a :class:`SyncJob`: the bundle
  spec with entries that stream plaintext from the encrypted takes (the keys are captured here), and the
  store's transport settings;
* :func:`run_job` (any thread) stages the ciphertext in the outbox and uploads it, verified;
* :func:`record_receipt` / :func:`record_failure` (database thread) write the outcome and, only after a
  verified receipt, purge local audio as the study pack's policy says.

Identity data and safeguarding records are never part of a research bundle.

The parts, each owning its tables and asking the service that owns any other data for it: :mod:`.keys`
(the device key), :mod:`.stores`, :mod:`.outbox`, :mod:`.bundles` (and their numbers), :mod:`.jobs`,
:mod:`.purge`; :mod:`.runner` runs the jobs for both faces.  Everything is importable from here.
"""

from __future__ import annotations

from fieldwork_app.services.sync.bundles import (
    PORTABLE_AUDIO,
    RESEARCH_AUDIT,
    RESEARCH_DISTRESS_STEPS,
    chain_cursors,
    identity_spec,
    last_numbers,
    record_bundle_takes,
    record_number,
    research_audit_allows,
    session_audit,
    session_spec,
    withdrawal_spec,
    withheld_distress_codes,
)
from fieldwork_app.services.sync.jobs import (
    SyncJob,
    prepare_jobs,
    record_failure,
    record_receipt,
    run_job,
)
from fieldwork_app.services.sync.keys import (
    DEVICE_KEY_SECRET,
    device_fingerprint,
    device_key,
)
from fieldwork_app.services.sync.outbox import (
    BundleKind,
    OutboxItem,
    OutboxState,
    job_label,
    new_bundle_id,
    outbox,
    outbox_items,
    queue_session,
    queue_unsent_takes,
    queue_withdrawals,
)
from fieldwork_app.services.sync.purge import (
    apply_purge_policy,
    purge_due,
)
from fieldwork_app.services.sync.runner import (
    CancellableState,
    ClockWaiter,
    InlinePort,
    RetryPolicy,
    SyncListener,
    SyncPort,
    SyncReport,
    SyncRunner,
    TaskState,
    Waiter,
    sync_all,
)
from fieldwork_app.services.sync.stores import (
    HOST_KEY_CHOICES,
    STORE_NAME_CHARS,
    HostKeyPin,
    StoreConfig,
    add_store,
    get_store,
    list_stores,
    pin_host_key,
    remove_store,
)

__all__ = [
    "BundleKind",
    "CancellableState",
    "ClockWaiter",
    "DEVICE_KEY_SECRET",
    "HOST_KEY_CHOICES",
    "HostKeyPin",
    "InlinePort",
    "OutboxItem",
    "OutboxState",
    "PORTABLE_AUDIO",
    "RESEARCH_AUDIT",
    "RESEARCH_DISTRESS_STEPS",
    "RetryPolicy",
    "STORE_NAME_CHARS",
    "StoreConfig",
    "SyncJob",
    "SyncListener",
    "SyncPort",
    "SyncReport",
    "SyncRunner",
    "TaskState",
    "Waiter",
    "add_store",
    "apply_purge_policy",
    "chain_cursors",
    "device_fingerprint",
    "device_key",
    "get_store",
    "identity_spec",
    "job_label",
    "last_numbers",
    "list_stores",
    "new_bundle_id",
    "outbox",
    "outbox_items",
    "pin_host_key",
    "prepare_jobs",
    "purge_due",
    "queue_session",
    "queue_unsent_takes",
    "queue_withdrawals",
    "record_bundle_takes",
    "record_failure",
    "record_number",
    "record_receipt",
    "remove_store",
    "research_audit_allows",
    "run_job",
    "session_audit",
    "session_spec",
    "sync_all",
    "withdrawal_spec",
    "withheld_distress_codes",
]
