"""The take in progress, owned by the app (not by a screen) so it survives locking.

The recorder runs its own threads; the GUI thread only polls its level and position (which the audio
layer provides for exactly this).  Starting and finishing a take touch the database, so they run on
the database thread through :class:`~fieldwork_app.gui.qt_tasks.Tasks`.  Recorder events arrive on the
writer thread and are re-emitted on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from fieldwork_app.audio import RecorderEvent, RecorderState
from fieldwork_app.services import recording
from fieldwork_app.services.clock import now_iso
from fieldwork_app.services.recording import ActiveTake
from fieldwork_app.services.workspace import Workspace

from fieldwork_app.gui.qt_tasks import Tasks

logger = logging.getLogger(__name__)


class RecordingController(QObject):
    started = Signal(object)  # ActiveTake
    stopped = Signal(object)  # TakeSummary
    failed = Signal(object)  # exception
    recorder_event = Signal(object)  # RecorderEvent (not named ``event``: that is QObject.event)
    level = Signal(object)  # audio.Level
    tick = Signal(float)  # position in seconds

    def __init__(self, tasks: Tasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._take: ActiveTake | None = None
        self._starting = False
        self._locked = False
        self._closing = False
        self._deferred: list[Callable[[Workspace], Any]] = []
        # pauses and resumes pressed on the lock screen: (take, "pause" or "resume", position, time)
        self._locked_controls: list[tuple[ActiveTake, str, float, str]] = []
        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._on_poll)

    @property
    def take(self) -> ActiveTake | None:
        return self._take

    @property
    def active(self) -> bool:
        return self._starting or (
            self._take is not None and self._take.state in (RecorderState.RECORDING, RecorderState.PAUSED)
        )

    @property
    def session_id(self) -> str:
        return self._take.session_id if self._take is not None else ""

    @property
    def paused(self) -> bool:
        return self._take is not None and self._take.state is RecorderState.PAUSED

    def set_locked(self, locked: bool) -> None:
        """The main window says when the vault closes and opens; opening runs what waited for it."""
        self._locked = locked
        if not locked and self._deferred:
            jobs, self._deferred = self._deferred, []
            for job in jobs:
                self._tasks.db(job, owner=self)

    def controls_while_locked(self, take: ActiveTake) -> list[tuple[str, float, str]]:
        """The pauses and resumes of ``take`` pressed on the lock screen since last asked: (``"pause"`` or
        ``"resume"``, position, time), for a screen that keeps its own record of them (the distress protocol)."""
        mine = [(a, pos, at) for t, a, pos, at in self._locked_controls if t is take]
        self._locked_controls = [c for c in self._locked_controls if c[0] is not take]
        return mine

    @property
    def position(self) -> float:
        return self._take.position if self._take is not None else 0.0

    def start(
        self, session_id: str, kind: str = "interview", participant_id: str | None = None, **kw: Any
    ) -> None:
        if self.active:
            return
        self._starting = True

        def on_event(ev: RecorderEvent) -> None:  # writer thread
            self._tasks.on_gui(lambda: self.recorder_event.emit(ev))

        def call(ws: Workspace) -> ActiveTake:  # database thread
            take = recording.start_take(
                ws, session_id, kind=kind, participant_id=participant_id, on_event=on_event, **kw
            )
            if self._closing:  # the app is quitting: nobody will see this take, so seal it now
                take.finish(ws)
            return take

        self._tasks.db(call, self._on_started, self._on_start_failed, owner=self)

    def _on_started(self, take: ActiveTake) -> None:
        self._starting = False
        self._take = take
        self._poll.start()
        self.started.emit(take)

    def _on_start_failed(self, exc: BaseException) -> None:
        self._starting = False
        self.failed.emit(exc)

    def pause(self) -> None:
        take = self._take
        if take is not None and take.state is RecorderState.RECORDING:
            take.mark("pause")  # at once: the database thread may be busy
            if self._locked:
                self._control_locked(take, "pause")
            else:
                self._tasks.db(take.pause, owner=self)

    def resume(self) -> None:
        take = self._take
        if take is not None and take.state is RecorderState.PAUSED:
            if self._locked:
                self._control_locked(take, "resume")
            else:
                self._tasks.db(take.resume, owner=self)

    def pause_or_resume(self) -> None:
        if self.paused:
            self.resume()
        else:
            self.pause()

    def _control_locked(self, take: ActiveTake, action: str) -> None:
        at = now_iso()

        def run() -> float:  # pool thread: the recorder's own calls are thread-safe
            (take.recorder.pause if action == "pause" else take.recorder.resume)()
            return round(take.position, 2)

        def done(position: float) -> None:
            self._deferred.append(lambda ws: take.audit_control(ws, action, position, at))
            self._locked_controls.append((take, action, position, at))

        self._tasks.pool(run, done, self.failed.emit, owner=self)

    def stop(self) -> None:
        take = self._take
        if take is None:
            return
        take.mark("stop")  # at once: the database thread may be busy
        self._poll.stop()

        def done(summary: Any) -> None:
            if self._take is take:
                self._take = None
            self.stopped.emit(summary)

        if self._locked:
            # Seal the take now; its row and audit entry are written at the next unlock.
            def stopped(summary: Any) -> None:
                self._deferred.append(take.finish)
                done(summary)

            self._tasks.pool(take.recorder.stop, stopped, self.failed.emit, owner=self)
            return
        self._tasks.db(take.finish, done, self.failed.emit, owner=self)

    def close(self) -> None:
        """The app is quitting: a take still starting on the database thread is sealed at once."""
        self._closing = True
        self._poll.stop()

    def stop_now(self) -> None:
        """Stop the audio at once without a database (app closing with the vault locked)."""
        self._poll.stop()
        if self._take is not None and self._take.summary is None:
            try:
                self._take.recorder.stop()
            except Exception:  # noqa: BLE001 - closing; recovery seals the take on next unlock
                logger.exception("the recorder did not stop cleanly")
        self._take = None

    def _on_poll(self) -> None:
        take = self._take
        if take is None:
            return
        lvl = take.recorder.latest_level()
        if lvl is not None:
            self.level.emit(lvl)
        self.tick.emit(take.position)
