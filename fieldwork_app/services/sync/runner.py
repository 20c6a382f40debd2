"""One sync run, the same for the command line and the desktop app.

A run is three kinds of step, each on the thread its work belongs to: gathering the outbox into jobs
(:func:`prepare_jobs`, database), staging and uploading one job (:func:`run_job`, any thread, no database),
and writing its outcome (:func:`record_receipt` / :func:`record_failure`, database).  The runner does not
know threads: it hands each step to a :class:`SyncPort` the face implements and continues in the callback.
The command line runs every step at once on its own thread (:class:`InlinePort`); the desktop app runs
database steps on its database thread and uploads on its pool, with callbacks back on its GUI thread.

How errors are treated is decided here, once: a job that fails is recorded as failed (the error kept
for the outbox) and the run goes on with the next; a cancelled job is recorded as waiting and the run
stops; an error while gathering the jobs or writing an outcome ends the run with that error.
"""

from __future__ import annotations

import errno
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from fieldwork_app.errors import ErrorKind, FieldworkError, StoreError
from fieldwork_app.services.sync.jobs import SyncJob, prepare_jobs, record_failure, record_receipt, run_job
from fieldwork_app.services.sync.outbox import job_label
from fieldwork_app.services.sync.purge import purge_due
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.sync.engine import Receipt, RetryPolicy
from fieldwork_app.sync.linkfit import LinkMeasure
from fieldwork_app.sync.state import CancellableState, ClockWaiter, NullState, TaskState, Waiter

logger = logging.getLogger(__name__)

__all__ = [
    "CancellableState",
    "ClockWaiter",
    "InlinePort",
    "RetryPolicy",
    "SyncListener",
    "SyncPort",
    "SyncReport",
    "SyncRunner",
    "TaskState",
    "Waiter",
    "sync_all",
]

T = TypeVar("T")
OnError = Callable[[BaseException], None]


class SyncPort(Protocol):
    """Where the runner's steps run: database work on the thread that owns the workspace, the rest on a
    pool.  Each call returns at once or after the work; ``on_done`` / ``on_error`` continue the run."""

    def db(self, fn: Callable[[Workspace], T], on_done: Callable[[T], None], on_error: OnError) -> None: ...

    def pool(self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: OnError) -> None: ...


class InlinePort:
    """Every step on the calling thread (the command line).  Steps started from a callback wait in a queue
    until the step in hand has returned, so a long outbox never deepens the stack."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._queue: deque[Callable[[], None]] = deque()
        self._running = False

    def db(self, fn: Callable[[Workspace], T], on_done: Callable[[T], None], on_error: OnError) -> None:
        self._run(lambda: fn(self.ws), on_done, on_error)

    def pool(self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: OnError) -> None:
        self._run(fn, on_done, on_error)

    def _run(self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: OnError) -> None:
        def step() -> None:
            try:
                result = fn()
            except Exception as exc:  # handed to the runner, which decides
                on_error(exc)
            else:
                on_done(result)

        self._queue.append(step)
        if self._running:
            return
        self._running = True
        try:
            while self._queue:
                self._queue.popleft()()
        finally:
            self._running = False
            self._queue.clear()


@dataclass
class SyncReport:
    verified: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    errors: dict[str, FieldworkError] = field(default_factory=dict)  # bundle id -> why it was not sent
    purged: list[str] = field(default_factory=list)
    stores: dict[str, str] = field(default_factory=dict)  # bundle id -> the name of the store it went to
    labels: dict[str, str] = field(default_factory=dict)  # bundle id -> "session S-0001" / "withdrawal"
    cancelled: bool = False

    def label(self, bundle_id: str) -> str:
        return self.labels.get(bundle_id, f"bundle {bundle_id}")

    @property
    def ok(self) -> bool:
        return not self.failed


class SyncListener:
    """What a face hears during a run (on the thread its port calls back on).  Every method may be left
    as it is."""

    def started(self, jobs: list[SyncJob]) -> None:
        return None

    def job_started(self, job: SyncJob) -> None:
        return None

    def job_failed(self, job: SyncJob, error: FieldworkError) -> None:
        return None

    def job_recorded(self, job: SyncJob) -> None:
        """The job's outcome (verified or failed) is written to the vault."""
        return None


def as_sync_error(exc: BaseException) -> FieldworkError:
    """What a job's failure is recorded as: the core's own error; a file on this laptop that could not be
    read or written while the bundle was encrypted into the outbox, said as what went wrong (a full disk, a
    file not there, no permission), never with the file's name (it may hold a participant's); else an
    unexpected error naming only the type, for the user to report."""
    if isinstance(exc, FieldworkError):
        return exc
    if isinstance(exc, OSError):
        logger.info("a sync job could not read or write a file: %s (errno %s)", type(exc).__name__, exc.errno)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return FieldworkError(
                "the laptop's disk is full, so the upload could not be prepared; free some space and sync again",
                kind=ErrorKind.DISK_FULL,
            )
        if isinstance(exc, FileNotFoundError):
            why = "a file it needs is no longer on this laptop"
        elif isinstance(exc, PermissionError):
            why = "this account has no permission to read or write one of its files on this laptop"
        else:
            why = f"a file on this laptop could not be read or written ({exc.strerror or 'input/output error'})"
        return FieldworkError(
            f"the upload could not be prepared: {why}; it stays in the outbox (tell the data manager if this goes on)",
            kind=ErrorKind.DISK_ERROR,
        )
    logger.error("a sync job failed unexpectedly: %s", type(exc).__name__)
    return StoreError(
        f"the upload stopped: an unexpected error ({type(exc).__name__}); it stays in the outbox: please report this",
        kind=ErrorKind.STORE_ERROR,
    )


class SyncRunner:
    """Runs every waiting bundle to a verified receipt, one job after the other, through ``port``."""

    def __init__(
        self,
        port: SyncPort,
        *,
        store_name: str | None = None,
        state: TaskState | None = None,
        chunk_size: int | None = None,
        retry: RetryPolicy | None = None,
        waiter: Waiter | None = None,
        listener: SyncListener | None = None,
    ) -> None:
        self.port = port
        self.store_name = store_name
        self.state: TaskState = state if state is not None else NullState()
        self.chunk_size = chunk_size
        self.retry = retry
        self.waiter = waiter
        self.listener = listener or SyncListener()
        self.report = SyncReport()
        self._jobs: deque[SyncJob] = deque()
        self._on_done: Callable[[SyncReport], None] = lambda _r: None
        self._on_error: OnError = lambda _e: None

    def start(self, on_done: Callable[[SyncReport], None], on_error: OnError) -> None:
        self._on_done, self._on_error = on_done, on_error
        store, size = self.store_name, self.chunk_size
        self.port.db(lambda ws: prepare_jobs(ws, store, size), self._prepared, self._on_error)

    def _prepared(self, jobs: list[SyncJob]) -> None:
        for job in jobs:
            self.report.stores[job.bundle_id] = job.store.name
            self.report.labels[job.bundle_id] = job_label(job.kind, job.session_id)
        self._jobs = deque(jobs)
        self.listener.started(list(jobs))
        self._next()

    def _next(self) -> None:
        if not self._jobs:
            self.port.db(purge_due, self._purged, self._on_error)
            return
        if self.state.cancel_requested():
            self.report.cancelled = True
            self._on_done(self.report)
            return
        job = self._jobs.popleft()
        self.listener.job_started(job)
        state, retry, waiter = self.state, self.retry, self.waiter
        self.port.pool(
            lambda: run_job(job, state, retry=retry, waiter=waiter),
            lambda receipt: self._sent(job, receipt),
            lambda exc: self._failed(job, as_sync_error(exc)),
        )

    def _sent(self, job: SyncJob, receipt: Receipt) -> None:
        measure = LinkMeasure.from_dict(receipt.extra.get("link"))
        if measure is not None:  # the bundles still to stage for this store fit the link as just measured
            for waiting in self._jobs:
                if waiting.store.name == job.store.name:
                    waiting.link = measure

        def recorded(purged: list[str]) -> None:
            self.report.verified.append(job.bundle_id)
            self.report.purged += purged
            self.listener.job_recorded(job)
            self._next()

        self.port.db(lambda ws: record_receipt(ws, job, receipt), recorded, self._on_error)

    def _failed(self, job: SyncJob, error: FieldworkError) -> None:
        self.report.failed.append((job.bundle_id, error.message))
        self.report.errors[job.bundle_id] = error
        self.listener.job_failed(job, error)
        cancelled = error.kind is ErrorKind.CANCELLED

        def recorded(_none: None) -> None:
            self.listener.job_recorded(job)
            if cancelled:
                self.report.cancelled = True
                self._on_done(self.report)
            else:
                self._next()

        self.port.db(lambda ws: record_failure(ws, job, error), recorded, self._on_error)

    def _purged(self, purged: list[str]) -> None:
        self.report.purged += purged
        self._on_done(self.report)


def sync_all(
    ws: Workspace,
    store_name: str | None = None,
    state: TaskState | None = None,
    chunk_size: int | None = None,
    *,
    retry: RetryPolicy | None = None,
    waiter: Waiter | None = None,
) -> SyncReport:
    """Run every waiting bundle to a verified receipt on this thread (the command line's way)."""
    reports: list[SyncReport] = []
    errors: list[BaseException] = []
    runner = SyncRunner(
        InlinePort(ws), store_name=store_name, state=state, chunk_size=chunk_size, retry=retry, waiter=waiter
    )
    runner.start(reports.append, errors.append)
    if errors:
        raise errors[0]
    return reports[0]
