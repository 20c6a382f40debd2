"""First run (create the vault, show the recovery key once) and the unlock screen."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from fieldwork_app.errors import ErrorKind, FieldworkError
from fieldwork_app.services.workspace import Workspace

from fieldwork_app.gui.auth import presenter as auth
from fieldwork_app.gui.context import AppContext
from fieldwork_app.gui.forms.ui_first_run import Ui_FirstRunPage
from fieldwork_app.gui.forms.ui_unlock import Ui_UnlockPage
from fieldwork_app.gui.messages import describe
from fieldwork_app.gui.session.common import clock_text
from fieldwork_app.gui.views.common import set_role

logger = logging.getLogger(__name__)


class FirstRunPage(QWidget):
    """Create the vault; then the recovery key with an explicit 'stored safely' step."""

    finished = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.p = auth.AuthPresenter(ctx, self)
        self.ui = Ui_FirstRunPage()
        self.ui.setupUi(self)
        labels = {
            "researcher": self.tr("Researcher"),
            "research_assistant": self.tr("Research assistant"),
            "data_manager": self.tr("Data manager"),
        }
        for role in auth.roles():
            self.ui.roleCombo.addItem(labels.get(role, role), role)
        for edit in (self.ui.userEdit, self.ui.pass1Edit, self.ui.pass2Edit):
            edit.textChanged.connect(self._validate)
        self.ui.createButton.clicked.connect(self._create)
        self.ui.pass2Edit.returnPressed.connect(self._create)
        self.ui.storedCheck.toggled.connect(self.ui.continueButton.setEnabled)
        self.ui.continueButton.clicked.connect(self._continue)
        # Enter presses Continue once the key is marked as stored (a page, not a dialog, has no default
        # button of its own); before that, Enter does nothing, so the key cannot be skipped by accident.
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.ui.recoveryStep)
            enter.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            enter.activated.connect(self._enter_on_recovery)
        self._validate()

    def _enter_on_recovery(self) -> None:
        if self.ui.steps.currentWidget() is self.ui.recoveryStep and self.ui.continueButton.isEnabled():
            self.ui.continueButton.animateClick()

    def _validate(self) -> None:
        p1, p2 = self.ui.pass1Edit.text(), self.ui.pass2Edit.text()
        s = auth.strength(p1, self.ui.userEdit.text().strip())
        hints = {
            0: self.tr("Too short: use at least %n characters.", "", auth.MIN_PASSPHRASE),
            1: self.tr("Weak: it could be guessed in {time}. {advice}").format(
                time=s.crack_time, advice=s.advice or self.tr("Try four or more unrelated words.")
            ),
            2: self.tr("Good."),
            3: self.tr("Strong."),
        }
        self.ui.strengthLabel.setText(hints[s.score] if p1 else self.tr("A few unrelated words work well."))
        mismatch = bool(p2) and p1 != p2
        self.ui.messageLabel.setText(self.tr("The two passphrases differ.") if mismatch else "")
        ok = bool(self.ui.userEdit.text().strip()) and s.acceptable and p1 == p2
        self.ui.createButton.setEnabled(ok)

    def _create(self) -> None:
        if not self.ui.createButton.isEnabled():
            return
        self.ui.createButton.setEnabled(False)
        self.ui.messageLabel.setText(self.tr("Creating the encrypted vault…"))
        user = self.ui.userEdit.text().strip()
        role = self.ui.roleCombo.currentData()
        passphrase = self.ui.pass1Edit.text()
        self.p.create(user, role, passphrase, self._created, self._failed)

    def _created(self, out: tuple) -> None:
        ws, recovery = out
        self.ctx.user, self.ctx.role = ws.user, ws.vault.role
        self.ui.pass1Edit.clear()
        self.ui.pass2Edit.clear()
        self.ui.messageLabel.clear()
        self.ui.recoveryKeyLabel.setText(recovery)
        self.ui.steps.setCurrentWidget(self.ui.recoveryStep)
        self.ui.recoveryKeyLabel.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.ui.messageLabel.setText(describe(exc))
        self._validate()

    def _continue(self) -> None:
        # The key is shown once: wipe it from the screen before moving on.
        self.ui.recoveryKeyLabel.clear()
        self.finished.emit()


class UnlockPage(QWidget):
    unlocked = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.p = auth.AuthPresenter(ctx, self)
        self.ui = Ui_UnlockPage()
        self.ui.setupUi(self)
        self._backoff = auth.Backoff()
        self._wait = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self.ui.unlockButton.clicked.connect(self._unlock)
        self.ui.passphraseEdit.returnPressed.connect(self._unlock)
        # A take goes on while the app is locked: its time, Pause and Stop stay here, no passphrase asked.
        rec = ctx.recorder
        self.ui.recPauseButton.clicked.connect(rec.pause_or_resume)
        self.ui.recStopButton.clicked.connect(rec.stop)
        rec.tick.connect(self._show_take)
        rec.started.connect(self._show_take)
        rec.stopped.connect(self._take_stopped)

    def _show_take(self, *_args: object) -> None:
        rec = self.ctx.recorder
        take = rec.take
        if take is None or self.ui.recordingBanner.isHidden():
            return
        paused = rec.paused
        self.ui.recordingLabel.setText(
            (
                self.tr("Recording %1 is paused while the app is locked.")
                if paused
                else self.tr("Recording %1 goes on while the app is locked.")
            ).replace("%1", take.session_id)
        )
        self.ui.recordingTime.setText(clock_text(take.position))
        self.ui.recPauseButton.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.ui.recPauseButton.setToolTip(
            self.tr("Resume the recording (F8)") if paused else self.tr("Pause the recording (F8)")
        )
        self.ui.recPauseButton.setEnabled(True)
        self.ui.recStopButton.setEnabled(True)

    def _take_stopped(self, summary: object) -> None:
        if self.ui.recordingBanner.isHidden():
            return
        seconds = float(getattr(summary, "duration_seconds", 0.0) or 0.0)
        self.ui.recordingLabel.setText(
            self.tr("The recording was stopped and saved (%1 recorded).").replace("%1", clock_text(seconds))
        )
        self.ui.recPauseButton.setEnabled(False)
        self.ui.recStopButton.setEnabled(False)

    def prepare(self, recording: bool, locked_by_idle: bool = False) -> None:
        """Refresh the user list; say whether a take goes on in the background."""
        self.ui.recordingBanner.setVisible(recording)
        self.ui.recordingTime.clear()
        if recording:
            self._show_take()
        self.ui.passphraseEdit.clear()
        if locked_by_idle:
            self._say(self.tr("Locked after a period without activity."), "hint")  # a notice, not an error
        self.p.users(self._show_users, self._failed)
        self.ui.passphraseEdit.setFocus()

    def _say(self, text: str, role: str = "error") -> None:
        """The line under the passphrase: an error (red, the form's style) or a notice ("hint")."""
        set_role(self.ui.messageLabel, role)
        self.ui.messageLabel.setText(text)

    def needs_unlock(self, text: str) -> None:
        """Say what a key pressed while locked needs (the passphrase); the cursor goes where it is typed."""
        if self._wait > 0:
            return  # the countdown after a wrong passphrase keeps the line
        self._say(text, "hint")  # a notice of what to do, as the idle lock's; not an error
        self.ui.passphraseEdit.setFocus()

    def _show_users(self, users: list[str]) -> None:
        current = self.ui.userCombo.currentText() or self.ctx.user or self.ctx.settings.last_user
        self.ui.userCombo.clear()
        self.ui.userCombo.addItems(users)
        if current in users:
            self.ui.userCombo.setCurrentText(current)

    def _unlock(self) -> None:
        if not self.ui.unlockButton.isEnabled() or self._wait > 0:
            return
        user = self.ui.userCombo.currentText()
        passphrase = self.ui.passphraseEdit.text()
        if not user or not passphrase:
            self._say(self.tr("Choose your user name and type your passphrase."))
            return
        self.ui.unlockButton.setEnabled(False)
        self._say(self.tr("Unlocking…"), "hint")
        self.p.unlock(user, passphrase, self._ok, self._failed)

    def _ok(self, ws: Workspace) -> None:
        self._backoff.reset()
        self.ctx.user, self.ctx.role = ws.user, ws.vault.role
        self.ui.passphraseEdit.clear()
        self.ui.messageLabel.clear()
        self.ui.unlockButton.setEnabled(True)
        self.unlocked.emit()

    def _failed(self, exc: BaseException) -> None:
        self.ui.passphraseEdit.clear()
        if isinstance(exc, FieldworkError) and exc.kind is ErrorKind.WRONG_PASSPHRASE:
            self._wait = self._backoff.fail()
            self._show_wait()
            self._countdown.start()
            return
        self._say(describe(exc))
        self.ui.unlockButton.setEnabled(True)

    def _show_wait(self) -> None:
        self._say(
            self.tr(
                "That passphrase did not unlock the vault. You can try again in %n second(s).", "", self._wait
            )
        )

    def _tick(self) -> None:
        self._wait -= 1
        if self._wait > 0:
            self._show_wait()
            return
        self._countdown.stop()
        self._say(self.tr("That passphrase did not unlock the vault. Try again."))
        self.ui.unlockButton.setEnabled(True)
        self.ui.passphraseEdit.setFocus()
