"""The analysis presenter: the data manager's store jobs (verify, unpack), transcript drafts and the REFI-QDA
export, run for the analysis page, which holds widgets only.

The long jobs run on a thread of their own (they need no vault, and may take an hour: the app's pool is
waited for when the window closes, this thread is not; every file they write is renamed into place whole, so
stopping one anywhere loses nothing).  Progress and the result come back through signals queued to the GUI
thread; :meth:`cancel` sets a flag the job checks between segments.  Saved stores are read on the database
thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from fieldwork_app.analysis.folder import archive_report
from fieldwork_app.analysis.refiqda import export_qdpx
from fieldwork_app.analysis.transcribe import TakeProgress, TranscribeReport, transcribe_folder
from fieldwork_app.services import datamanager as dmstore
from fieldwork_app.services import dm_stores
from fieldwork_app.services.datamanager import StoreAccess, TrustFiles
from fieldwork_app.services.sync import CancellableState

from fieldwork_app.gui.messages import report_words
from fieldwork_app.gui.presenter import Done, Failed, Presenter

if TYPE_CHECKING:
    from fieldwork_app.gui.context import AppContext

SavedStore = dm_stores.SavedStore


@dataclass(frozen=True)
class Refused:
    """No trusted list: who signed the bundles on the store, for the page to name."""

    list_path: Path
    signers: dict[str, int]


@dataclass(frozen=True)
class StoreResult:
    """A finished verify or unpack: whether all was well, the headline and the report's lines."""

    ok: bool
    lines: list[str]


@dataclass(frozen=True)
class StoreJob:
    """What a store job reads: a typed-in store (``access``) or a saved one (``saved``, by name)."""

    access: StoreAccess | None
    saved: str
    files: TrustFiles
    secret: str
    out: Path | None
    role: str


class _Bridge(QObject):
    """Lives on the GUI thread: what a job's thread emits is queued there."""

    finished = Signal(object, object)  # (callback, result or exception)
    progress = Signal(int, int, str)
    take_progress = Signal(object)  # a transcription's TakeProgress: facts the page words

    def __init__(self, owner: QObject) -> None:
        super().__init__(owner)
        self.finished.connect(self._deliver)

    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        callback(value)


class AnalysisPresenter(Presenter):
    def __init__(
        self,
        ctx: AppContext,
        owner: QObject,
        progress: Callable[[int, int, str], None],
        take_progress: Callable[[TakeProgress], None] | None = None,
    ) -> None:
        super().__init__(ctx, owner)
        self.state: CancellableState | None = None
        self.bridge = _Bridge(owner)  # goes with the page
        self.bridge.progress.connect(progress)
        if take_progress is not None:
            self.bridge.take_progress.connect(take_progress)

    # -- saved stores ---------------------------------------------------------------------------------
    def saved_stores(self, done: Done[list[SavedStore]]) -> None:
        self._db(dm_stores.saved_stores, done, lambda _exc: None)

    # -- the study store -----------------------------------------------------------------------------
    @staticmethod
    def add_device(files: TrustFiles, fingerprint: str, name: str) -> tuple[str, str, int, Path | None]:
        """Trust a laptop, as 'study devices add' does (a small file write, done at once on the GUI thread)."""
        fp, name, count, made = dmstore.add_device(files, fingerprint, name)
        return fp, name, count, made

    def verify(self, job: StoreJob, done: Done[Any], failed: Failed) -> None:
        words = report_words()  # translated here, on the GUI thread

        def work(transport: Any, identity: Any, trusted: Any, state: CancellableState) -> StoreResult:
            report = dmstore.verify_store(transport, identity, trusted, state=state)
            return StoreResult(report.ok, dmstore.verify_lines(report, trusted, words))

        self._store_job(job, work, done, failed)

    def unpack(self, job: StoreJob, done: Done[Any], failed: Failed) -> None:
        out, words = job.out, report_words()
        assert out is not None

        def work(transport: Any, identity: Any, trusted: Any, state: CancellableState) -> StoreResult:
            report = dmstore.unpack_store(transport, identity, out, trusted, state, role=job.role)
            return StoreResult(report.ok, dmstore.unpack_lines(report, trusted, out, job.role, words))

        self._store_job(job, work, done, failed)

    def _store_job(self, job: StoreJob, work: Callable[..., StoreResult], done: Done[Any], failed: Failed) -> None:
        self.state = CancellableState(self.bridge.progress.emit)  # progress queued to the GUI thread
        if not job.saved:
            self._start_store_job(job, None, work, done, failed)
            return
        name = job.saved  # the saved store's settings are read from the vault first
        self._db(
            lambda ws: dm_stores.saved_store_opener(ws, name),
            lambda opener: self._start_store_job(job, opener, work, done, failed),
            self._ended(failed, self.state),
        )

    def _start_store_job(self, job: StoreJob, opener: dm_stores.SavedStoreOpener | None,
                         work: Callable[..., StoreResult], done: Done[Any], failed: Failed) -> None:  # fmt: skip
        state = self.state
        assert state is not None
        files, secret = job.files, job.secret

        def run() -> StoreResult | Refused:
            identity = dmstore.load_identity(files.key)
            trusted = dmstore.trusted_or_none(files)
            if opener is not None:
                transport, taken = opener.open()
            else:
                assert job.access is not None
                transport, taken = dmstore.open_store(job.access, lambda _label, optional: secret or (
                    None if optional else ""))  # fmt: skip
            try:
                if trusted is None:
                    return Refused(files.list_path, dmstore.signers(transport, identity))
                result = work(transport, identity, trusted, state)
            finally:
                transport.close()
            if taken:
                result.lines.insert(1, f"trusting the SFTP server's host key {taken}, as asked; check it with the "
                                    "store's administrators")  # fmt: skip
            return result

        self._run(run, done, failed, state)

    # -- transcripts and the export -------------------------------------------------------------------
    def transcribe(self, folder: Path, model: Path, done: Done[TranscribeReport], failed: Failed) -> None:
        self.state = CancellableState(self.bridge.progress.emit)
        state = self.state
        on_take = self.bridge.take_progress.emit
        self._run(lambda: transcribe_folder(folder, model, state=state, on_take=on_take), done, failed, state)

    def export(self, folder: Path, out: Path, done: Done[Any], failed: Failed) -> None:
        self.state = CancellableState(self.bridge.progress.emit)
        state = self.state
        self._run(lambda: export_qdpx(folder, out, state), done, failed, state)

    def archive(self, folder: Path, done: Done[list[dict[str, Any]]], failed: Failed) -> None:
        """What may go into an archive deposit from an analysis folder: the call 'fieldwork analysis archive'
        makes."""
        self._run(lambda: archive_report(folder), done, failed)

    # -- running --------------------------------------------------------------------------------------
    def cancel(self) -> bool:
        """Ask the running job to stop after its current piece; False when none runs."""
        if self.state is None:
            return False
        self.state.cancel()
        return True

    def _run(
        self, job: Callable[[], Any], done: Done[Any], failed: Failed, state: CancellableState | None = None
    ) -> None:
        """Run ``job`` on a thread of its own; ``state`` is its own cancellable state, if it has one."""
        bridge = self.bridge
        on_done, on_failed = self._ended(done, state), self._ended(failed, state)

        def work() -> None:
            try:
                result: Any = job()
                callback: Callable[[Any], None] = on_done
            except Exception as exc:  # noqa: BLE001 - shown on the page
                result, callback = exc, on_failed
            try:
                bridge.finished.emit(callback, result)
            except RuntimeError:
                pass  # the page has gone (the window was closed): nobody to tell

        threading.Thread(target=work, name="fieldwork-analysis", daemon=True).start()

    def _ended(self, callback: Callable[[Any], None], state: CancellableState | None) -> Callable[[Any], None]:
        """``callback``, once a job is over: its own ``state`` is let go (nothing is left to cancel), never another
        job's, so a short job ending (the archive listing after an unpack) does not take the state of one started
        since (a verify pressed at once)."""

        def call(value: Any) -> None:
            if state is not None and self.state is state:
                self.state = None
            callback(value)

        return call
