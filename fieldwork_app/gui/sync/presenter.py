"""The sync presenter: it runs a sync, reports its progress and reloads what the sync page shows.

The sync is the services' :class:`~fieldwork_app.services.sync.SyncRunner`, the same the command
line runs; this presenter gives it the app's executors as its port (database steps on the database thread,
uploads on the pool, each continued here on the GUI thread) and listens to it.  Progress comes through
the core's task state, its callback queued to the GUI thread; Cancel sets its flag, which the job checks
between chunks.  Recording can go on meanwhile: the recorder has its own threads.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from fieldwork_app.errors import FieldworkError
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.services.sync import CancellableState, SyncListener, SyncReport, SyncRunner

from fieldwork_app.gui.messages import describe
from fieldwork_app.gui.sync.query import SyncOverview, overview

if TYPE_CHECKING:
    from fieldwork_app.services.workspace import Workspace

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

    def probe_host_key(
        self,
        url: str,
        options: dict[str, Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        owner: QObject,
    ) -> None:
        """Ask an SFTP store for its host key (on the pool: it is network work), for the store dialog."""
        self.ctx.tasks.pool(lambda: sync_svc.pin_host_key(url, options), done, failed, owner=owner)

    def add_store(
        self, name: str, url: str, options: dict[str, Any], secrets: dict[str, str], done: Callable[[], None]
    ) -> None:
        """Save the study store as this laptop's default, then show it."""

        def add(ws: Workspace) -> None:
            sync_svc.add_store(ws, name, url, options, secrets, make_default=True)

        self.ctx.tasks.db(add, lambda _r: self._changed(done), self._error, owner=self)

    def set_study_key(self, recipient: str, confirmed: str | None, done: Callable[[], None]) -> None:
        """Pin the study key (``confirmed`` is the fingerprint agreed to when it replaces another)."""

        def save(ws: Workspace) -> None:
            packs_svc.set_study_key(ws, recipient, accept_fingerprint=confirmed)

        self.ctx.tasks.db(save, lambda _r: self._changed(done), self._error, owner=self)

    @staticmethod
    def read_study_key(path: Path) -> tuple[str, str]:
        """The study key in a key file and its fingerprint (a small local file, read at once)."""
        recipient = packs_svc.read_study_key(path)
        return recipient, packs_svc.fingerprint_of_study_key(recipient)

    def import_pack(
        self,
        folder: Path,
        accept: packs_svc.Accept | None,
        done: Callable[[packs_svc.ImportResult], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """Import a study pack from ``folder``; a changed signer or key is refused unless ``accept`` allows it."""

        def imported(result: packs_svc.ImportResult) -> None:
            done(result)
            self.refresh()

        self.ctx.tasks.db(
            lambda ws: packs_svc.import_pack(ws, folder, accept=accept), imported, failed, owner=self
        )

    def _changed(self, done: Callable[[], None]) -> None:
        done()
        self.refresh()

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
            # and why, in the app's words (each reason once): said as the job failed, and kept here
            why = dict.fromkeys(describe(e) for e in report.errors.values())
            self.message.emit(
                "\n".join(
                    [
                        self.tr("%1 sent and verified, %2 not sent (see the list).")
                        .replace("%1", str(verified))
                        .replace("%2", str(failed)),
                        *why,
                    ]
                ),
                "error",
            )
        else:
            self.message.emit(
                self.tr("%1 sent and verified at the study store.").replace("%1", str(verified)), "ok"
            )

    def _finish(self) -> None:
        self.state = None
        self.running.emit(False)
