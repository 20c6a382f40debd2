"""The main window: first run / unlock / the workspace (navigation + a stack where screens are pushed).

Session screens (interview, distress, safeguarding, close-out) are pushed onto the content stack with
:meth:`MainWindow.push_screen` and removed with :meth:`pop_screen`; the navigation list stays, narrowed
to its icons while the session screen is shown.

While a session screen is open it is the *live session*: a strip above every other page says so and
leads back to it in one click, and its safety keys (Ctrl+D distress protocol, F8 pause/resume, F9 and
Ctrl+1..4 markers) belong to the window, so they work whatever has focus and on whichever page.  After
an unlock the live session is shown again.  Quitting during a take asks first, then seals it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QColor, QIcon, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldwork_app.paths import DataDir
from fieldwork_app.settings import Settings
from fieldwork_app.settings import load as load_settings
from fieldwork_app.settings import save as save_settings

from fieldwork_app.gui.auth import presenter as auth
from fieldwork_app.gui.auth.page import FirstRunPage, UnlockPage
from fieldwork_app.gui.context import AppContext
from fieldwork_app.gui.idle import IdleWatcher
from fieldwork_app.gui.navigation import Page, PageId
from fieldwork_app.gui.resources import icon
from fieldwork_app.gui.session.common import clock_text
from fieldwork_app.gui.shell_presenter import ShellPresenter

if TYPE_CHECKING:
    from fieldwork_app.gui.session.page import SessionScreen

logger = logging.getLogger(__name__)

NAV_WIDTH = 200
NAV_COMPACT_WIDTH = 48
NAV_ICON = QSize(22, 22)
NAV_ICON_COLOUR = "#ffffff"  # the navigation's text colour (resources/styles/fieldwork.qss, QListWidget#nav)
NAV_MAX_WIDTH = 280  # a translation's longer section names widen the navigation, up to this
#: the size a window opens at on a large screen; on a smaller one it opens maximised
DEFAULT_SIZE = QSize(1180, 720)


def _on_dark(base: QIcon, size: QSize = NAV_ICON) -> QIcon:
    """The icon drawn in the navigation's text colour, the same whether its item is selected or not (Qt's
    selected-mode tint would draw a dark icon into the dark highlight)."""
    out = QIcon()
    for scale in (1, 2):  # crisp on a high-density screen too
        pm = base.pixmap(size * scale)
        painter = QPainter(pm)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pm.rect(), QColor(NAV_ICON_COLOUR))
        painter.end()
        for mode in (QIcon.Mode.Normal, QIcon.Mode.Active, QIcon.Mode.Selected):
            out.addPixmap(pm, mode)
    return out


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
        self.resize(DEFAULT_SIZE)
        self.settings = settings or load_settings(data_dir.settings)
        self.ctx = AppContext(data_dir, self.settings, self)
        self.ctx.navigator = self
        self.shell = ShellPresenter(self.ctx, self)
        self._pages: dict[PageId, Page] = {}
        self._widgets: dict[PageId, QWidget] = {}  # the same pages, as the widgets the stack shows
        self._unlocked = False
        self._shut_down = False
        self.live: SessionScreen | None = None
        self._locked_on: tuple[str, PageId] | None = None  # who locked, on which page (shown again to them)

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
        self._nav_full = NAV_WIDTH
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setIconSize(NAV_ICON)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content = QStackedWidget()
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self._build_strip())
        right.addWidget(self.content, 1)
        row.addWidget(self.nav)
        row.addLayout(right, 1)
        self.root.addWidget(self.work)
        self.nav.currentRowChanged.connect(self._on_nav)
        # A click (or Enter) on the section already current leaves a session screen for it too.
        self.nav.itemClicked.connect(lambda item: self._on_nav(self.nav.row(item)))
        self.nav.itemActivated.connect(lambda item: self._on_nav(self.nav.row(item)))
        self.content.currentChanged.connect(self._on_content_changed)

        self.status_user = QLabel()
        self.status_user.setTextFormat(Qt.TextFormat.PlainText)
        self.status_recording = QLabel()
        self.status_recording.setTextFormat(Qt.TextFormat.PlainText)
        self.status_recording.setProperty("role", "warning")
        self.statusBar().addWidget(self.status_user)
        self.statusBar().addPermanentWidget(self.status_recording)
        self.ctx.recorder.started.connect(self._update_status)
        self.ctx.recorder.stopped.connect(self._update_status)
        self.ctx.recorder.tick.connect(self._update_strip)
        self.ctx.recorder.tick.connect(self._update_status)  # a pause shows within a tick
        self.ctx.recorder.started.connect(self._update_strip)
        self.ctx.recorder.stopped.connect(self._update_strip)

        self.lock_action = QAction(icon("lock"), self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence(self.tr("Ctrl+L")))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(lambda: self.lock())
        self.switch_action = QAction(icon("user"), self.tr("&Switch user…"), self)
        self.switch_action.triggered.connect(lambda: self.lock())
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence(self.tr("Ctrl+Q")))
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.triggered.connect(self.close)
        menu = self.menuBar().addMenu(self.tr("&Fieldwork"))
        menu.addAction(self.lock_action)
        menu.addAction(self.switch_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.addAction(self.lock_action)
        self.addAction(self.quit_action)
        self._set_workspace_actions(False)
        self._safety_keys()

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
        from fieldwork_app.gui.analysis.page import AnalysisPage
        from fieldwork_app.gui.consent.page import ConsentPage
        from fieldwork_app.gui.home.page import HomePage
        from fieldwork_app.gui.participants.page import ParticipantsPage
        from fieldwork_app.gui.prepare.page import PreparePage
        from fieldwork_app.gui.sync.page import SyncPage

        pages: tuple[tuple[PageId, str, str, Callable[[AppContext], Page]], ...] = (
            (PageId.HOME, self.tr("Study home"), "home", HomePage),
            (PageId.PARTICIPANTS, self.tr("Participants"), "people", ParticipantsPage),
            (PageId.PREPARE, self.tr("Prepare a session"), "session", PreparePage),
            (PageId.CONSENT, self.tr("Take consent"), "consent", ConsentPage),
            (PageId.SYNC, self.tr("Sync"), "sync", SyncPage),
            (PageId.ANALYSIS, self.tr("Analysis"), "analysis", AnalysisPage),
        )
        for pid, label, ico, make in pages:
            page = make(self.ctx)
            if not isinstance(page, QWidget):
                raise TypeError(f"the {pid} page is not a widget")
            self._pages[pid] = page
            self._widgets[pid] = page
            self.content.addWidget(page)
            item = QListWidgetItem(_on_dark(icon(ico)), label)
            item.setData(Qt.ItemDataRole.UserRole, pid.value)
            item.setData(Qt.ItemDataRole.UserRole + 1, label)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, label)
            item.setToolTip(label)
            self.nav.addItem(item)
        self._nav_full = self._nav_width()  # measured once, with every section's name shown
        self.nav.setFixedWidth(self._nav_full)

    def page(self, name: PageId) -> QWidget:
        return self._widgets[PageId(name)]

    def show_page(self, name: PageId) -> None:
        """Show a navigation page (and load it again, also when it is already shown)."""
        self._show(PageId(name), reload=True)

    def _on_nav(self, row: int) -> None:
        if row >= 0:
            self._show(PageId(self.nav.item(row).data(Qt.ItemDataRole.UserRole)), reload=False)

    def _show(self, pid: PageId, *, reload: bool) -> None:
        """The one place a navigation page is switched to: the list marks it, the stack shows it, and the page
        loads what it shows (when it was not shown already, or when asked to)."""
        page = self._widgets[pid]
        row = list(self._widgets).index(pid)
        if self.nav.currentRow() != row:
            blocked = self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(blocked)
        elif not self.nav.currentItem().isSelected():
            self.nav.currentItem().setSelected(True)
        shown = self.content.currentWidget() is page
        if not shown:
            self._switch_to(page)
        if reload or not shown:
            self._pages[pid].refresh()

    def push_screen(self, widget: QWidget) -> None:
        """Show a screen above the navigation pages (a session screen, for instance)."""
        from fieldwork_app.gui.session.page import SessionScreen

        if isinstance(widget, SessionScreen):
            if self.live is not None and self.live is not widget:
                self._drop_live()
            self.live = widget
        widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.content.addWidget(widget)
        self._switch_to(widget)
        self.nav.clearSelection()
        self._update_strip()

    def pop_screen(self, widget: QWidget, next_page: PageId = PageId.CONSENT) -> None:
        if widget is self.live:
            self.live = None
        self.content.removeWidget(widget)
        widget.deleteLater()
        self.show_page(next_page)
        self._update_strip()

    def _drop_live(self) -> None:
        old = self.live
        self.live = None
        if old is not None:
            old.safeguarding.flush()  # a safeguarding draft is saved before its screen goes
            old.timer.stop()
            self.content.removeWidget(old)
            old.deleteLater()

    def open_session(self, session_id: str, part: str = "") -> None:
        """Show a session's screen (the live one if it is that session), at ``part``: ``closeout``,
        ``safeguarding``, ``record`` (the interview, its take started) or the interview.  While a take of another
        session runs, that one is shown."""
        from fieldwork_app.gui.session.page import build_screen

        rec = self.ctx.recorder
        if self.live is not None and self.live.session_id != session_id and rec.active:
            self.return_to_session()
            self.live.show_message(
                self.tr("Session %1 is being recorded. Stop it before you open another session.").replace(
                    "%1", self.live.session_id
                ),
                "warning",
            )
            return
        if self.live is None or self.live.session_id != session_id:
            self.push_screen(build_screen(self.ctx, session_id))
        self.return_to_session()
        if self.live is not None:
            self.live.show_part(part)

    def return_to_session(self) -> None:
        """Back to the live session screen (or, for a consent recording, to the consent page)."""
        take = self.ctx.recorder.take
        if (
            take is not None
            and take.kind == "consent"
            and (self.live is None or self.live.session_id != take.session_id)
        ):
            self.show_page(PageId.CONSENT)
        elif self.live is not None:
            self._switch_to(self.live)
            self.nav.clearSelection()
            self.live.focus_session()

    # -- the live-session strip and the narrow navigation -----------------------------------------------
    def _build_strip(self) -> QFrame:
        self.strip = QFrame()
        self.strip.setObjectName("liveStrip")
        row = QHBoxLayout(self.strip)
        row.setContentsMargins(16, 6, 12, 6)
        self.strip_text = QLabel()
        self.strip_text.setTextFormat(Qt.TextFormat.PlainText)
        self.strip_text.setObjectName("liveStripText")
        self.strip_button = QPushButton(self.tr("Return to session"))
        self.strip_button.setObjectName("returnToSession")
        self.strip_button.setToolTip(self.tr("Back to the live session screen"))
        self.strip_button.clicked.connect(self.return_to_session)
        row.addWidget(self.strip_text, 1)
        row.addWidget(self.strip_button)
        self.strip.hide()
        return self.strip

    def _update_strip(self, *_args: object) -> None:
        rec = self.ctx.recorder
        take = rec.take
        live = self.live
        on_live = live is not None and self.content.currentWidget() is live
        consent_take = take is not None and take.kind == "consent"
        show = self._unlocked and (
            (live is not None and not on_live)
            or (consent_take and self.content.currentWidget() is not self._widgets.get(PageId.CONSENT))
        )
        if show:
            sid = take.session_id if take is not None else (live.session_id if live is not None else "")
            if take is not None and rec.active:
                state = "paused" if rec.paused else "recording"
                what = self.tr("Paused") if rec.paused else self.tr("● Recording")
                text = f"{what} {sid} · {clock_text(take.position)}"
            else:
                state = "open"
                text = self.tr("Session %1 is open").replace("%1", sid)
            self.strip_text.setText(text)
            self.strip.setAccessibleName(text)
            if self.strip.property("state") != state:
                self.strip.setProperty("state", state)
                self.strip.style().unpolish(self.strip)
                self.strip.style().polish(self.strip)
        self.strip.setVisible(show)

    def _switch_to(self, target: QWidget) -> None:
        """Show ``target``; only it counts for the window's minimum size (the live session screen stays in
        the stack while another page is shown and must not hold the window wide), and the navigation
        narrows to its icons while the live session is shown.  Both are set before the switch so the
        window never grows for a moment."""
        for i in range(self.content.count()):
            page = self.content.widget(i)
            policy = QSizePolicy.Policy.Preferred if page is target else QSizePolicy.Policy.Ignored
            if page is not None:
                page.setSizePolicy(policy, policy)
        self._set_nav_compact(self.live is not None and target is self.live)
        self.content.setCurrentWidget(target)

    def _on_content_changed(self, _index: int) -> None:
        self._set_nav_compact(self.live is not None and self.content.currentWidget() is self.live)
        self._update_strip()

    def _nav_width(self) -> int:
        """NAV_WIDTH, or wider (up to NAV_MAX_WIDTH) where a section's name in the user's language needs it."""
        model = self.nav.model()
        widest = max((self.nav.sizeHintForIndex(model.index(i, 0)).width() for i in range(self.nav.count())), default=0)
        return max(NAV_WIDTH, min(NAV_MAX_WIDTH, widest + 4))  # the items span the whole width (no side border)

    def _set_nav_compact(self, compact: bool) -> None:
        """During a session the navigation shrinks to its icons (their names stay in tooltips)."""
        if self.nav.minimumWidth() == (NAV_COMPACT_WIDTH if compact else self._nav_full):
            return
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            name = item.data(Qt.ItemDataRole.UserRole + 1)
            item.setText("" if compact else name)
            item.setToolTip(name)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, name)
        self.nav.setFixedWidth(NAV_COMPACT_WIDTH if compact else self._nav_full)

    # -- the session's safety keys, whatever has focus -----------------------------------------------
    def _safety_keys(self) -> None:
        def key(seq: str, fn: Any, name: str) -> QShortcut:
            s = QShortcut(QKeySequence(seq), self)
            s.setObjectName(name)
            # Application-wide: also from a window of the app other than this one (a non-modal box)
            s.setContext(Qt.ShortcutContext.ApplicationShortcut)
            s.activated.connect(fn)
            return s

        self.distress_shortcut = key(self.tr("Ctrl+D"), self._key_distress, "distressKey")
        key("F8", self._key_pause, "pauseKey")
        key("F9", lambda: self._key_marker("marker"), "markerKey")
        for n, kind in enumerate(("important", "follow_up", "quote", "sensitive"), start=1):
            key(f"Ctrl+{n}", lambda k=kind: self._key_marker(k), f"markerKey{n}")

    def _live_open(self) -> SessionScreen | None:
        live = self.live
        return live if live is not None and live.accepts_keys() else None

    def _key_distress(self) -> None:
        live = self._live_open()
        if live is not None and not self._unlocked:
            self._key_needs_unlock(self.tr("Type your passphrase to open the distress protocol."))
            return
        if live is None:
            return
        self.return_to_session()
        live.open_distress()

    def _key_pause(self) -> None:
        """F8 pauses and resumes the take from any page, also on the lock screen (no passphrase)."""
        rec = self.ctx.recorder
        if rec.take is None:
            return
        live = self._live_open()
        if live is not None and self._unlocked:
            live.p.pause_or_resume()
        elif not self._unlocked or rec.take.kind == "consent":
            rec.pause_or_resume()

    def _key_marker(self, kind: str) -> None:
        live = self._live_open()
        if live is not None and self._unlocked:
            live.marker(kind)
        elif live is not None:
            self._key_needs_unlock(self.tr("Type your passphrase to mark this moment."))

    def _key_needs_unlock(self, text: str) -> None:
        """A session key pressed on the lock screen says it needs the passphrase, instead of doing nothing."""
        if self.ctx.recorder.active:
            text += " " + self.tr("Pause (F8) and Stop work here without it.")
        self.unlock_page.needs_unlock(text)

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
        self.ctx.recorder.set_locked(False)
        self._update_status()
        current = self.content.currentWidget()
        self.idle.start()
        back, self._locked_on = self._locked_on, None
        if self.live is not None:
            self.live.on_unlocked()
            self.return_to_session()  # a live session comes back first, with the focus in it
        else:
            if back is not None and back[0] == self.ctx.user:
                self.show_page(back[1])  # the same user: back to the page they were on, loaded again
            elif current in self._widgets.values() or current is None:
                self.show_page(PageId.HOME)  # someone else (switch user): the study home
            self.nav.setFocus()
        self._update_strip()
        self._check_interrupted()
        self._purge_due()

    # -- recovery of takes interrupted by a crash or power cut ---------------------------------------
    def _check_interrupted(self) -> None:
        if self.ctx.recorder.active:
            return
        self.shell.interrupted_count(self._offer_recovery)

    def _purge_due(self) -> None:
        """Takes whose 'keep for N days after the receipt' has run out are deleted now (audited)."""
        self.shell.purge_due(
            lambda ids: logger.info("purged %d take(s) after their receipt", len(ids)) if ids else None
        )

    def _offer_recovery(self, count: int) -> None:
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
                self.shell.recover_all(self._recovered)

        box.finished.connect(answered)
        box.open()
        self._recovery_box = box

    def _recovered(self, found: list) -> None:
        self.ctx.data_changed.emit()  # every screen saying "interrupted, can be recovered" looks again
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
        self._close_dialogs()
        pushed = self.content.currentWidget()
        shown = next((pid for pid, page in self._widgets.items() if page is pushed), None)
        self._locked_on = (self.ctx.user, shown) if shown is not None else None
        screens: list[object] = [*self._pages.values(), self.live, pushed]
        for page in dict.fromkeys(s for s in screens if s is not None):  # each once, in this order
            if isinstance(page, Page):
                page.on_locked()
        self.ctx.tasks.close_workspace()
        self.ctx.recorder.set_locked(True)
        self._set_workspace_actions(False)
        self.unlock_page.prepare(recording=self.ctx.recorder.active, locked_by_idle=by_idle)
        self.root.setCurrentWidget(self.unlock_page)
        self._update_status()

    def _close_dialogs(self) -> None:
        """A dialog or message box left open goes with the workspace, as if cancelled: it would stay above
        the lock screen (what it shows, and its buttons for anyone at the laptop) and, being modal, keep the
        lock screen's Pause and Stop out of reach.  (A drop-down list closes by itself: its page is hidden.)"""
        closed = False
        for top in QApplication.topLevelWidgets():
            if isinstance(top, QDialog) and top.isVisible():
                top.reject()
                closed = True
        if closed:
            self.activateWindow()  # the lock screen takes the keys (F8) that went to the dialog

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
        rec = self.ctx.recorder
        text = ""
        if rec.active and rec.paused:
            text = self.tr("❚❚ Paused")
        elif rec.active:
            text = self.tr("● Recording")
        if self.status_recording.text() != text:
            self.status_recording.setText(text)

    # -- opening and closing ----------------------------------------------------------------------
    def show_for_screen(self) -> None:
        """Open maximised on a small screen (a 1366x768 laptop, say), at the default size otherwise."""
        screen = self.screen() or QApplication.primaryScreen()
        room = screen.availableGeometry().size() if screen is not None else DEFAULT_SIZE
        # never larger than the screen, also when un-maximised (a 1024x600 netbook)
        self.resize(min(self.width(), room.width()), min(self.height(), room.height()))
        if room.width() < DEFAULT_SIZE.width() + 100 or room.height() < DEFAULT_SIZE.height() + 100:
            self.showMaximized()
        else:
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.ctx.recorder.active and not self._shut_down and not self._confirm_quit():
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

    def _confirm_quit(self) -> bool:
        """Quitting during a take asks first; yes stops and seals the take before the app ends."""
        rec = self.ctx.recorder
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("A recording is running"),
            self.tr(
                "Session %1 is being recorded (%2). Quit stops the recording and saves it; "
                "nothing recorded is lost."
            )
            .replace("%1", rec.session_id)
            .replace("%2", clock_text(rec.position)),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("quitWhileRecording")
        stop = box.addButton(self.tr("Stop recording and quit"), QMessageBox.ButtonRole.AcceptRole)
        stop.setObjectName("quitStop")
        keep = box.addButton(self.tr("Keep recording"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("quitKeep")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        had_focus = QApplication.focusWidget()
        box.exec()
        if box.clickedButton() is stop:
            return True
        self.activateWindow()  # back to work where the researcher was (the safety keys need the window active)
        if had_focus is not None and shiboken6.isValid(had_focus):
            had_focus.setFocus()
        return False

    def shutdown(self) -> None:
        """Finish any take, close the workspace and stop the worker threads (idempotent)."""
        self._shut_down = True
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        self.idle.stop()
        if self.live is not None:
            self.live.timer.stop()
        self.ctx.recorder.close()
        if self.ctx.recorder.active:
            if self._unlocked:
                self.ctx.recorder.stop()
            else:
                self.ctx.recorder.stop_now()
        self.ctx.tasks.shutdown()
        self.ctx.recorder.stop_now()
