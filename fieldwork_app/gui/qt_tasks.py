"""Background work for the desktop app: one thread owns the workspace, a pool does the rest.

Why one database thread: the vault's SQLCipher connections refuse to be used from a thread other than
the one that opened them, and a single owner makes locking trivial (close the workspace there, and
every later call sees "locked").  Every service call is therefore submitted here as ``fn(ws)``; the
result (or the error) is handed back to the GUI thread through a queued signal, so the callbacks may
touch widgets and the worker never does.

The API is typed: ``db(fn: Callable[[Workspace], T], on_done: Callable[[T], None])`` and
``pool(fn: Callable[[], T], on_done: Callable[[T], None])``.  :meth:`Tasks.port` gives the same two
calls bound to a screen, in the shape the services' sync runner asks for
(:class:`~fieldwork_app.services.sync.SyncPort`).  A long job's progress and Cancel go through the
core's one task state (:class:`~fieldwork_app.services.sync.CancellableState`), whose progress
callback the screen wraps in :meth:`Tasks.on_gui`.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

import shiboken6

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from fieldwork_app.errors import ErrorKind, FieldworkError
from fieldwork_app.services.workspace import Workspace

logger = logging.getLogger(__name__)

T = TypeVar("T")
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _GuiThreadCollector(QObject):
    """Python's cycle collector runs on whichever thread happens to allocate when a threshold is crossed.
    A cycle holding a Qt object (a closed dialog and the slot that names it) collected on the database
    thread destroys that object off the GUI thread, and the app crashes.  So while any :class:`Tasks` is
    open, automatic collection is off and this timer collects on the GUI thread, by the same thresholds."""

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.collect_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
        gc.collect()  # here, on the GUI thread, while automatic collection could still pick a worker

    @staticmethod
    def collect_due() -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = -1
        for g in range(3):
            if thresholds[g] and counts[g] > thresholds[g]:
                generation = g
        if generation >= 0:
            gc.collect(generation)


_collector: _GuiThreadCollector | None = None
_open_tasks = 0


def _collector_acquire() -> None:
    global _collector, _open_tasks
    if _collector is None:
        _collector = _GuiThreadCollector()
    if _open_tasks == 0:
        _collector.start()
    _open_tasks += 1


def _collector_release() -> None:
    global _open_tasks
    _open_tasks -= 1
    if _open_tasks == 0 and _collector is not None:
        _collector.stop()


class Tasks(QObject):
    """The app's two executors.  Create one per window; call :meth:`shutdown` when it closes."""

    _deliver = Signal(object)
    #: emitted on the GUI thread while at least one database call is queued or running
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldwork-db")
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="fieldwork-pool")
        self._ws: Workspace | None = None  # read and written only on the database thread
        self._pending = 0
        self._closed = False
        self._deliver.connect(self._on_deliver, Qt.ConnectionType.QueuedConnection)
        _collector_acquire()  # made on the GUI thread: from now on cycles are collected there only

    # -- GUI-thread side ---------------------------------------------------------------------------
    def _on_deliver(self, thunk: Callable[[], None]) -> None:
        thunk()

    def _wrap(
        self,
        future: Future[T],
        on_done: Callable[[T], None] | None,
        on_error: Failed | None,
        owner: QObject | None,
        counted: bool,
    ) -> None:
        def deliver() -> None:
            if counted:
                self._pending -= 1
                if self._pending == 0:
                    self.busy_changed.emit(False)
            if owner is not None and not shiboken6.isValid(owner):
                return  # the screen that asked has gone; nobody to tell
            exc = future.exception()
            if exc is not None:
                if on_error is not None:
                    on_error(exc)
                else:
                    logger.error("background task failed: %s", type(exc).__name__)
            elif on_done is not None:
                on_done(future.result())

        def on_finished(_f: Future[Any]) -> None:
            if not self._closed:
                self._deliver.emit(deliver)

        future.add_done_callback(on_finished)

    def db(
        self,
        fn: Callable[[Workspace], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Failed | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Run ``fn(ws)`` on the database thread; ``on_done(result)`` or ``on_error(exc)`` on the GUI thread."""

        def call() -> T:
            if self._ws is None:
                raise FieldworkError("the workspace is locked", kind=ErrorKind.VAULT_LOCKED)
            return fn(self._ws)

        self._submit(self._db, call, on_done, on_error, owner, counted=True)

    def pool(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Failed | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Run ``fn()`` on the pool (file and network work that needs no database)."""
        self._submit(self._pool, fn, on_done, on_error, owner, counted=False)

    def port(self, owner: QObject) -> TasksPort:
        """:meth:`db` and :meth:`pool` for ``owner``'s work (nothing is delivered once it has gone)."""
        return TasksPort(self, owner)

    def open_workspace(
        self, factory: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> None:
        """Create or unlock a workspace on the database thread; it then owns it.

        ``factory`` returns a Workspace, or a tuple whose first item is one (creation also returns the
        recovery key); ``on_done`` receives whatever it returned.
        """

        def call() -> Any:
            if self._ws is not None:
                self._ws.close()
                self._ws = None
            out = factory()
            self._ws = out[0] if isinstance(out, tuple) else out
            return out

        self._submit(self._db, call, on_done, on_error, None, counted=True)

    def close_workspace(self, on_done: Done | None = None) -> None:
        def call() -> None:
            if self._ws is not None:
                self._ws.close()
                self._ws = None

        self._submit(self._db, call, on_done, None, None, counted=True)

    def without_workspace(
        self, fn: Callable[[], T], on_done: Callable[[T], None] | None = None, on_error: Failed | None = None
    ) -> None:
        """Run ``fn()`` on the database thread whether or not a workspace is open (e.g. list users)."""
        self._submit(self._db, fn, on_done, on_error, None, counted=True)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def shutdown(self) -> None:
        """Close the workspace and stop both executors, waiting for the work in hand."""
        if self._closed:
            return

        def close() -> None:
            if self._ws is not None:
                self._ws.close()
                self._ws = None

        self._db.submit(close)
        self._closed = True
        self._db.shutdown(wait=True)
        self._pool.shutdown(wait=True, cancel_futures=True)
        _collector_release()

    # -- internals ---------------------------------------------------------------------------------
    def _submit(
        self,
        executor: ThreadPoolExecutor,
        call: Callable[[], T],
        on_done: Callable[[T], None] | None,
        on_error: Failed | None,
        owner: QObject | None,
        counted: bool,
    ) -> None:
        if self._closed:
            return
        if counted:
            self._pending += 1
            if self._pending == 1:
                self.busy_changed.emit(True)
        future = executor.submit(call)
        self._wrap(future, on_done, on_error, owner, counted)

    def on_gui(self, fn: Callable[[], None]) -> None:
        """Queue ``fn`` to run on the GUI thread (safe to call from any thread)."""
        if not self._closed:
            self._deliver.emit(fn)


class TasksPort:
    """The app's executors as the sync runner's port: database steps on the database thread, uploads on
    the pool, each continued on the GUI thread while ``owner`` lives."""

    def __init__(self, tasks: Tasks, owner: QObject) -> None:
        self._tasks, self._owner = tasks, owner

    def db(self, fn: Callable[[Workspace], T], on_done: Callable[[T], None], on_error: Failed) -> None:
        self._tasks.db(fn, on_done, on_error, owner=self._owner)

    def pool(self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: Failed) -> None:
        self._tasks.pool(fn, on_done, on_error, owner=self._owner)
