"""The sync presenter: it runs a sync, reports its progress and reloads what the sync page shows.

The sync is the services' :class:`~fieldwork_app.services.sync_runner.SyncRunner`, the same the command
line runs; this presenter gives it the app's executors as its port (database steps on the database thread,
uploads on the pool, each continued here on the GUI thread) and listens to it.  Progress comes through
the core's task state, its callback queued to the GUI thread; Cancel sets its flag, which the job checks
between chunks.  Recording can go on meanwhile: the recorder has its own threads.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from fieldwork_app.errors import FieldworkError
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.services.sync_runner import CancellableState, SyncListener, SyncReport, SyncRunner

from fieldwork_app.gui.messages import describe
from fieldwork_app.gui.sync.query import SyncOverview, overview

if TYPE_CHECKING:
    from fieldwork_app.gui.context import AppContext


class _Listener(SyncListener):
    """What the page hears of a run (on the GUI thread)."""

    def __init__(self, presenter: SyncPresenter) -> None:
        self.p = presenter

    def job_started(self, job: sync_svc.SyncJob) -> None:
        self.p.job_started(job)

    def job_failed(self, job: sync_svc.SyncJob, error: FieldworkError) -> None:
        self.p.message.emit(describe(error), "error")

    def job_recorded(self, job: sync_svc.SyncJob) -> None:
        self.p.refresh()


class SyncPresenter(QObject):
    refreshed = Signal(object)  # SyncOverview
    progress = Signal(str, int, int, float)  # bundle id, done, total, seconds left (-1 unknown)
    running = Signal(bool)
    message = Signal(str, str)  # text, role

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.state: CancellableState | None = None
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
        tasks = self.ctx.tasks

        def progress(done: int, total: int, _message: str) -> None:  # a pool thread: queued to the GUI
            tasks.on_gui(lambda: self._on_progress(done, total))

        self.state = CancellableState(progress)
        self.running.emit(True)
        self.message.emit(self.tr("Preparing…"), "hint")
        runner = SyncRunner(tasks.port(self), state=self.state, listener=_Listener(self))
        runner.start(self._done, self._failed)

    def cancel(self) -> None:
        if self.state is not None:
            self.state.cancel()
            self.message.emit(self.tr("Cancelling after the current piece…"), "hint")

    def job_started(self, job: sync_svc.SyncJob) -> None:
        self._current = job.bundle_id
        self._started = time.monotonic()
        self.message.emit(
            self.tr("Sending %1…").replace("%1", job.session_id or self.tr("withdrawal")), "hint"
        )

    def _on_progress(self, done: int, total: int) -> None:
        left = -1.0
        elapsed = time.monotonic() - self._started
        if total > 0 and done > 0 and elapsed > 0.5:
            left = (total - done) / (done / elapsed)
        self.progress.emit(self._current, done, total, left)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.refresh()
        self._error(exc)

    def _done(self, report: SyncReport) -> None:
        verified, failed = len(report.verified), len(report.failed)
        self._finish()
        self.refresh()
        if report.cancelled:
            self.message.emit(self.tr("Sync cancelled. Nothing already verified is lost."), "warning")
        elif not verified and not failed:
            self.message.emit(self.tr("Nothing is waiting to be sent."), "ok")
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
        self.running.emit(False)
