"""The take in progress, owned by the app (not by a screen) so it survives locking.

The recorder runs its own threads; the GUI thread only polls its level and position (which the audio
layer provides for exactly this).  Starting and finishing a take touch the database, so they run on
the database thread through :class:`~fieldwork_app.gui.qt_tasks.Tasks`.  Recorder events arrive on the
writer thread and are re-emitted on the GUI thread.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from fieldwork_app.audio import RecorderEvent, RecorderState
from fieldwork_app.services import recording
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
            return recording.start_take(
                ws, session_id, kind=kind, participant_id=participant_id, on_event=on_event, **kw
            )

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
            self._tasks.db(take.pause, owner=self)

    def resume(self) -> None:
        take = self._take
        if take is not None and take.state is RecorderState.PAUSED:
            self._tasks.db(take.resume, owner=self)

    def stop(self) -> None:
        take = self._take
        if take is None:
            return
        take.mark("stop")  # at once: the database thread may be busy
        self._poll.stop()

        def done(summary: Any) -> None:
            self._take = None
            self.stopped.emit(summary)

        self._tasks.db(take.finish, done, self.failed.emit, owner=self)

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
