"""What every screen shares: the task runner, the take in progress, the current session, navigation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from fieldwork_app.paths import DataDir
from fieldwork_app.settings import Settings

from fieldwork_app.gui import qt_compat
from fieldwork_app.gui.navigation import Navigator, PageId
from fieldwork_app.gui.qt_tasks import Tasks
from fieldwork_app.gui.recording_controller import RecordingController

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class AppContext(QObject):
    session_changed = Signal(str)
    #: emitted after a change any screen may want to show (participants, sessions, consent)
    data_changed = Signal()

    def __init__(self, data_dir: DataDir, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        qt_compat.install()  # before the first take: see qt_compat for the fault it repairs
        self.data_dir = data_dir
        self.settings = settings
        self.tasks = Tasks(self)
        self.recorder = RecordingController(self.tasks, self)
        self.user = ""
        self.role = ""
        self.session_id = ""
        self.navigator: Navigator | None = None  # the main window

    def set_session(self, session_id: str) -> None:
        if session_id != self.session_id:
            self.session_id = session_id
            self.session_changed.emit(session_id)

    def show_page(self, name: PageId) -> None:
        if self.navigator is not None:
            self.navigator.show_page(name)

    def open_session(self, session_id: str, part: str = "") -> None:
        """Show a session's screen (one at a time; the live one when a take runs)."""
        if self.navigator is not None:
            self.navigator.open_session(session_id, part)

    def push(self, widget: QWidget) -> None:
        if self.navigator is not None:
            self.navigator.push_screen(widget)

    def pop(self, widget: QWidget, next_page: PageId = PageId.CONSENT) -> None:
        if self.navigator is not None:
            self.navigator.pop_screen(widget, next_page)
