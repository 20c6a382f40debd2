"""The sync presenter: it runs a sync, reports its progress and reloads what the sync page shows.

A sync runs in three hops, each on the thread the work belongs to: ``prepare_jobs`` on the database
thread (it reads the vault and captures the keys), ``run_job`` on the pool (staging and upload, no
database), then ``record_receipt`` / ``record_failure`` on the database thread again.  Progress comes
back through a small TaskState adapter whose calls are queued to the GUI thread; Cancel sets a flag the
job checks between chunks.  Recording can go on meanwhile: the recorder has its own threads.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from fieldwork_app.errors import ErrorKind, FieldworkError
from fieldwork_app.services import sync as sync_svc

from fieldwork_app.gui.messages import describe
from fieldwork_app.gui.sync.query import SyncOverview, overview

if TYPE_CHECKING:
    from fieldwork_app.services.workspace import Workspace

    from fieldwork_app.gui.context import AppContext


class QtTaskState:
    """The sync job's task state: progress queued to the GUI thread, cancel from it (thread-safe)."""

    def __init__(self, ctx: AppContext, emit: Any) -> None:
        self._ctx = ctx
        self._emit = emit
        self._cancel = threading.Event()

    def set_progress(self, done_bytes: int, total_bytes: int, message: str) -> None:
        self._ctx.tasks.on_gui(lambda: self._emit(int(done_bytes), int(total_bytes), str(message)))

    def cancel(self) -> None:
        self._cancel.set()

    def cancel_requested(self) -> bool:
        return self._cancel.is_set()


class SyncPresenter(QObject):
    refreshed = Signal(object)  # SyncOverview
    progress = Signal(str, int, int, float)  # bundle id, done, total, seconds left (-1 unknown)
    running = Signal(bool)
    message = Signal(str, str)  # text, role

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.state: QtTaskState | None = None
        self._jobs: list[sync_svc.SyncJob] = []
        self._verified = 0
        self._failed = 0
        self._current = ""
        self._started = 0.0
        self._last: SyncOverview | None = None

    def refresh(self) -> None:
        self.ctx.tasks.db(overview, self._refreshed, self._error, owner=self)

    def _refreshed(self, ov: SyncOverview) -> None:
        self._last = ov
        self.refreshed.emit(ov)

    def _error(self, exc: BaseException) -> None:
        self.message.emit(describe(exc), "error")

    def sync(self) -> None:
        if self.state is not None:
            return
        if self._last is not None and self._last.store is None:  # said here, in the app's words
            self.message.emit(
                self.tr(
                    "Set up the study store first: choose \u201cSet up the study store\u2026\u201d below."
                ),
                "error",
            )
            return
        self.state = QtTaskState(self.ctx, self._on_progress)
        self._verified = self._failed = 0
        self.running.emit(True)
        self.message.emit(self.tr("Preparing…"), "hint")

        def failed(exc: BaseException) -> None:
            self._finish()
            self._error(exc)

        self.ctx.tasks.db(lambda ws: sync_svc.prepare_jobs(ws), self._got_jobs, failed, owner=self)

    def cancel(self) -> None:
        if self.state is not None:
            self.state.cancel()
            self.message.emit(self.tr("Cancelling after the current piece…"), "hint")

    def _got_jobs(self, jobs: list[sync_svc.SyncJob]) -> None:
        self._jobs = list(jobs)
        if not jobs:
            self._finish()
            self.message.emit(self.tr("Nothing is waiting to be sent."), "ok")
            return
        self._next()

    def _next(self) -> None:
        state = self.state
        if not self._jobs or state is None:
            self._done()
            return
        if state.cancel_requested():
            self._done(cancelled=True)
            return
        job = self._jobs.pop(0)
        self._current = job.bundle_id
        self._started = time.monotonic()
        self.message.emit(
            self.tr("Sending %1…").replace("%1", job.session_id or self.tr("withdrawal")), "hint"
        )

        def ran(receipt: Any) -> None:
            self._verified += 1
            self.ctx.tasks.db(
                lambda ws: sync_svc.record_receipt(ws, job, receipt), self._after, self._after_err
            )

        def broke(exc: BaseException) -> None:
            self._failed += 1
            error = (
                exc
                if isinstance(exc, FieldworkError)
                else FieldworkError(type(exc).__name__, kind=ErrorKind.STORE_ERROR)
            )
            if job.blocked and self._last is not None and self._last.identity_store:
                self.message.emit(
                    self.tr(
                        "Identity data waits on this laptop: the study sends it to a store named %1, which is "
                        "not set up here. Set it up under that name with \u201cSet up the study store\u2026\u201d "
                        "(research data is sent as usual)."
                    ).replace("%1", self._last.identity_store),
                    "error",
                )
            else:
                self.message.emit(describe(error), "error")

            def record(ws: Workspace) -> None:
                sync_svc.record_failure(ws, job, error)

            cancelled = error.kind is ErrorKind.CANCELLED
            self.ctx.tasks.db(
                record,
                lambda _r: self._done(cancelled=True) if cancelled else self._after(None),
                self._after_err,
            )

        self.ctx.tasks.pool(lambda: sync_svc.run_job(job, state), ran, broke, owner=self)

    def _after(self, _result: Any) -> None:
        self.refresh()
        self._next()

    def _after_err(self, exc: BaseException) -> None:
        self._error(exc)
        self._next()

    def _on_progress(self, done: int, total: int, _message: str) -> None:
        left = -1.0
        elapsed = time.monotonic() - self._started
        if total > 0 and done > 0 and elapsed > 0.5:
            left = (total - done) / (done / elapsed)
        self.progress.emit(self._current, done, total, left)

    def _done(self, cancelled: bool = False) -> None:
        verified, failed = self._verified, self._failed
        self._finish()
        self.refresh()
        if cancelled:
            self.message.emit(self.tr("Sync cancelled. Nothing already verified is lost."), "warning")
        elif failed:
            self.message.emit(
                self.tr("%1 sent and verified, %2 not sent (see the list).")
                .replace("%1", str(verified))
                .replace("%2", str(failed)),
                "error",
            )
        else:
            self.message.emit(
                self.tr("%1 sent and verified at the study store.").replace("%1", str(verified)), "ok"
            )

    def _finish(self) -> None:
        self.state = None
        self._jobs = []
        self.running.emit(False)
