"""The main window: first run / unlock / the workspace (navigation + a stack where screens are pushed).

Session screens (interview, distress, safeguarding, close-out) are pushed onto the content stack with
:meth:`MainWindow.push_screen` and removed with :meth:`pop_screen`; the navigation list stays.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from fieldwork_app.paths import DataDir
from fieldwork_app.settings import Settings
from fieldwork_app.settings import load as load_settings
from fieldwork_app.settings import save as save_settings

from fieldwork_app.gui.context import AppContext
from fieldwork_app.gui.idle import IdleWatcher
from fieldwork_app.gui.presenters import auth
from fieldwork_app.gui.resources import icon
from fieldwork_app.gui.views.auth import FirstRunPage, UnlockPage

logger = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(
        self,
        data_dir: DataDir,
        *,
        settings: Settings | None = None,
        idle_ms: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fieldwork"))
        self.resize(1180, 760)
        self.settings = settings or load_settings(data_dir.settings)
        self.ctx = AppContext(data_dir, self.settings, self)
        self.ctx.navigator = self
        self._pages: dict[str, QWidget] = {}
        self._unlocked = False

        self.root = QStackedWidget(self)
        self.setCentralWidget(self.root)
        self.first_run: FirstRunPage | None = None
        self.unlock_page = UnlockPage(self.ctx)
        self.unlock_page.unlocked.connect(self._on_unlocked)
        self.root.addWidget(self.unlock_page)

        self.work = QWidget()
        row = QHBoxLayout(self.work)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setFixedWidth(220)
        self.content = QStackedWidget()
        row.addWidget(self.nav)
        row.addWidget(self.content, 1)
        self.root.addWidget(self.work)
        self.nav.currentRowChanged.connect(self._on_nav)

        self.status_user = QLabel()
        self.status_recording = QLabel()
        self.status_recording.setProperty("role", "warning")
        self.statusBar().addWidget(self.status_user)
        self.statusBar().addPermanentWidget(self.status_recording)
        self.ctx.recorder.started.connect(self._update_status)
        self.ctx.recorder.stopped.connect(self._update_status)

        self.lock_action = QAction(icon("lock"), self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence(self.tr("Ctrl+L")))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(lambda: self.lock())
        self.switch_action = QAction(icon("user"), self.tr("&Switch user…"), self)
        self.switch_action.triggered.connect(lambda: self.lock())
        menu = self.menuBar().addMenu(self.tr("&Fieldwork"))
        menu.addAction(self.lock_action)
        menu.addAction(self.switch_action)
        self.addAction(self.lock_action)
        self._set_workspace_actions(False)

        minutes = self.settings.auto_lock_minutes
        self.idle = IdleWatcher(idle_ms if idle_ms is not None else minutes * 60_000, self)
        self.idle.idle.connect(lambda: self.lock(by_idle=True))
        app = QApplication.instance()
        if app is None:  # a widget cannot exist without one; never leave the idle lock out silently
            raise RuntimeError("the main window needs a running QApplication")
        app.installEventFilter(self.idle)

        if auth.vault_exists(data_dir):
            self.root.setCurrentWidget(self.unlock_page)
            self.unlock_page.prepare(recording=False)
        else:
            self.first_run = FirstRunPage(self.ctx)
            self.first_run.finished.connect(self._on_unlocked)
            self.root.addWidget(self.first_run)
            self.root.setCurrentWidget(self.first_run)

    # -- pages -------------------------------------------------------------------------------------
    def _build_pages(self) -> None:
        from fieldwork_app.gui.sync_view import build_sync_page
        from fieldwork_app.gui.views.analysis import AnalysisPage
        from fieldwork_app.gui.views.consent import ConsentPage
        from fieldwork_app.gui.views.home import HomePage
        from fieldwork_app.gui.views.participants import ParticipantsPage
        from fieldwork_app.gui.views.prepare import PreparePage

        for name, label, ico, cls in (
            ("home", self.tr("Study home"), "home", HomePage),
            ("participants", self.tr("Participants"), "people", ParticipantsPage),
            ("prepare", self.tr("Prepare a session"), "session", PreparePage),
            ("consent", self.tr("Take consent"), "consent", ConsentPage),
            ("sync", self.tr("Sync"), "session", build_sync_page),
            ("analysis", self.tr("Analysis (data manager)"), "session", AnalysisPage),
        ):
            page = cls(self.ctx)
            self._pages[name] = page
            self.content.addWidget(page)
            item = QListWidgetItem(icon(ico), label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.nav.addItem(item)

    def page(self, name: str) -> QWidget:
        return self._pages[name]

    def show_page(self, name: str) -> None:
        names = list(self._pages)
        page = self._pages[name]
        already = self.content.currentWidget() is page
        self.nav.setCurrentRow(names.index(name))  # shows and refreshes the page through _on_nav
        if already or self.content.currentWidget() is not page:
            self.content.setCurrentWidget(page)
            refresh = getattr(page, "refresh", None)
            if refresh is not None:
                refresh()

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        name = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
        page = self._pages[name]
        if self.content.currentWidget() is not page:
            self.content.setCurrentWidget(page)
            refresh = getattr(page, "refresh", None)
            if refresh is not None:
                refresh()

    def push_screen(self, widget: QWidget) -> None:
        """Show a screen above the navigation pages (a session screen, for instance)."""
        self.content.addWidget(widget)
        self.content.setCurrentWidget(widget)
        self.nav.clearSelection()

    def pop_screen(self, widget: QWidget, next_page: str = "consent") -> None:
        self.content.removeWidget(widget)
        widget.deleteLater()
        self.show_page(next_page)

    # -- lock / unlock -----------------------------------------------------------------------------
    def _on_unlocked(self) -> None:
        self._unlocked = True
        if self.settings.last_user != self.ctx.user:
            self.settings.last_user = self.ctx.user
            try:
                save_settings(self.ctx.data_dir.settings, self.settings)
            except OSError:
                logger.warning("could not save the settings file")
        if not self._pages:
            self._build_pages()
        self.root.setCurrentWidget(self.work)
        self._set_workspace_actions(True)
        self._update_status()
        current = self.content.currentWidget()
        if current in self._pages.values() or current is None:
            self.show_page("home")
        self.idle.start()
        self.nav.setFocus()
        self._check_interrupted()
        self._purge_due()

    # -- recovery of takes interrupted by a crash or power cut ---------------------------------------
    def _check_interrupted(self) -> None:
        from fieldwork_app.services import recording

        if self.ctx.recorder.active:
            return
        self.ctx.tasks.db(recording.interrupted_count, on_done=self._offer_recovery, owner=self)

    def _purge_due(self) -> None:
        """Takes whose 'keep for N days after the receipt' has run out are deleted now (audited)."""
        from fieldwork_app.services import sync

        self.ctx.tasks.db(
            sync.purge_due,
            on_done=lambda ids: (
                logger.info("purged %d take(s) after their receipt", len(ids)) if ids else None
            ),
            owner=self,
        )

    def _offer_recovery(self, count: int) -> None:
        from fieldwork_app.services import recording

        if not count or not self._unlocked:
            return
        # Not modal: it must never block the app (or a take being started) while it waits for an answer.
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Recover recordings"),
            self.tr(
                "%1 recording(s) were interrupted (the app or the laptop stopped while recording). "
                "Everything up to the last second is kept. Recover them now?"
            ).replace("%1", str(count)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("recoverInterrupted")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(result: int) -> None:
            # The answer may come after a take was started: recovery skips live takes anyway.
            if result == QMessageBox.StandardButton.Yes and self._unlocked:
                self.ctx.tasks.db(recording.recover_all, on_done=self._recovered, owner=self)

        box.finished.connect(answered)
        box.open()
        self._recovery_box = box

    def _recovered(self, found: list) -> None:
        lines = [
            self.tr("%1: %2 could not be recovered (%3); the file is left as it is")
            .replace("%1", r.session_id)
            .replace("%2", r.recording_id)
            .replace("%3", r.problem)
            if r.problem
            else self.tr("%1: %2 s recovered")
            .replace("%1", r.session_id)
            .replace("%2", f"{r.duration_seconds:.0f}")
            for r in found
        ]
        box = QMessageBox(
            QMessageBox.Icon.Warning if any(r.problem for r in found) else QMessageBox.Icon.Information,
            self.tr("Recordings recovered"),
            "\n".join(lines) or self.tr("Nothing to recover."),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("recoveredInterrupted")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def lock(self, by_idle: bool = False) -> None:
        """Close the workspace on the database thread; a take in progress goes on recording."""
        if not self._unlocked:
            return
        self._unlocked = False
        self.idle.stop()
        pushed = self.content.currentWidget()
        for page in [*self._pages.values(), *([pushed] if pushed not in self._pages.values() else [])]:
            on_locked = getattr(page, "on_locked", None)
            if on_locked is not None:
                on_locked()
        self.ctx.tasks.close_workspace()
        self._set_workspace_actions(False)
        self.unlock_page.prepare(recording=self.ctx.recorder.active, locked_by_idle=by_idle)
        self.root.setCurrentWidget(self.unlock_page)
        self._update_status()

    @property
    def unlocked(self) -> bool:
        return self._unlocked

    def _set_workspace_actions(self, on: bool) -> None:
        self.lock_action.setEnabled(on)
        self.switch_action.setEnabled(on)

    def _update_status(self, *_args: object) -> None:
        self.status_user.setText(
            self.tr("Signed in as %1").replace("%1", self.ctx.user) if self._unlocked else ""
        )
        self.status_recording.setText(self.tr("● Recording") if self.ctx.recorder.active else "")

    # -- closing -----------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Finish any take, close the workspace and stop the worker threads (idempotent)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        self.idle.stop()
        if self.ctx.recorder.active:
            if self._unlocked:
                self.ctx.recorder.stop()
            else:
                self.ctx.recorder.stop_now()
        self.ctx.tasks.shutdown()
        self.ctx.recorder.stop_now()
