"""The session screen: the recording bar always on top, and below it the interview, the distress
protocol, the safeguarding form, the support list or the close-out.

The take belongs to the app's RecordingController, not to this widget, so locking the app (or leaving
this screen for the distress panel) never stops it.  Its keys (Ctrl+D distress protocol, F8
pause/resume, F9 marker, Ctrl+1..4 marker kinds) belong to the main window, which sends them here from
any page and whatever has focus, also while typing a note (see :meth:`accepts_keys`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, TypeGuard

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldwork_app.audio import BLOCK_SECONDS, RecorderEventKind, RecorderState
from fieldwork_app.errors import ErrorKind

from fieldwork_app.gui import save_clear
from fieldwork_app.gui.messages import recording_problem
from fieldwork_app.gui.navigation import PageId
from fieldwork_app.gui.session.closeout_view import CloseOutForm
from fieldwork_app.gui.session.common import Banner, box, clock_text, only_for
from fieldwork_app.gui.session.distress_view import DistressPanel
from fieldwork_app.gui.session.guide_view import GuideView
from fieldwork_app.gui.session.lonework_view import LoneWorkPanel
from fieldwork_app.gui.session.presenter import SessionInfo, SessionPresenter
from fieldwork_app.gui.session.recording_bar import RecordingBar, fault_of
from fieldwork_app.gui.session.safeguarding_view import SafeguardingForm
from fieldwork_app.gui.session.support_view import SupportList, shared_lists
from fieldwork_app.gui.views.common import label, set_role

if TYPE_CHECKING:
    from fieldwork_app.services.clock import Clock
    from fieldwork_app.services.recording import ActiveTake

    from fieldwork_app.gui.context import AppContext

logger = logging.getLogger(__name__)

REFRESH_MS = 30_000


class _SideArea(QScrollArea):
    """A scroll area never narrower than what it holds (it scrolls only up and down).

    What it holds grows as the interview goes on (a question's state and time appear beside it), so a
    change of its layout is passed on to the splitter, which then gives this side the room it needs.
    """

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt override
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LayoutRequest and watched is self.widget():
            self.updateGeometry()
        return False

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        inner = self.widget()
        hint = super().minimumSizeHint()
        if inner is None:
            return hint
        return QSize(
            inner.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width(), hint.height()
        )


class SessionScreen(QWidget):
    def __init__(self, ctx: AppContext, session_id: str, clock: Clock | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.session_id = session_id
        self.setObjectName("sessionScreen")
        self.p = SessionPresenter(ctx, session_id, clock)
        self.p.setParent(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.bar = RecordingBar()
        self._fault = ""  # what a take's fault meant, said again once the take is stopped
        outer.addWidget(self.bar)
        self.recovery = Banner()
        self.recovery.setObjectName("recoveryBanner")
        self.recover_button = QPushButton(self.tr("Recover now"))
        self.recover_button.setObjectName("recoverNow")
        self.recover_button.setProperty("role", "primary")  # shown only when it is the thing to do first
        self.recovery.row.addWidget(self.recover_button)
        outer.addWidget(self.recovery)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setObjectName("sessionMessage")
        self.message.setWordWrap(True)
        self.message.setContentsMargins(16, 6, 16, 6)
        self.message.hide()
        outer.addWidget(self.message)

        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        self.interview = self._build_interview()
        self.distress = DistressPanel()
        self.safeguarding = SafeguardingForm()
        self._distress_whom: str | None = None  # whom the open distress event concerns, when said
        self.support = SupportList()
        self.closeout = CloseOutForm()
        self.visit = LoneWorkPanel()  # the same visit, on the close-out page
        self.visit.setObjectName("closeOutVisit")
        self.visit.hide()
        self.closeout.visit_lay.addWidget(self.visit)
        self._visit_state: Any = None
        for w in (self.interview, self.distress, self.safeguarding, self.support, self.closeout):
            self.stack.addWidget(w)
        self._message_part: QWidget | None = None
        self.stack.currentChanged.connect(self._part_changed)
        self._completed = False
        self._wire()
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        take = ctx.recorder.take
        if take is not None and take.session_id == session_id:
            self.bar.sync_with(take.state)
        self.p.load()

    # -- building ------------------------------------------------------------------------------------
    def _build_interview(self) -> QWidget:
        page = QWidget()
        page.setObjectName("interviewPage")
        row = QHBoxLayout(page)
        row.setContentsMargins(6, 6, 6, 6)
        split = QSplitter(Qt.Orientation.Horizontal)
        row.addWidget(split)
        self.title = label("", "title")
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.title)
        self.guide = GuideView()
        area = _SideArea()
        area.setWidgetResizable(True)
        area.setWidget(self.guide)
        area.setAccessibleName(self.tr("Topic guide"))
        ll.addWidget(area, 1)
        split.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 0, 0, 0)
        self.lonework = LoneWorkPanel()
        self.lonework.hide()
        rl.addWidget(self.lonework)
        self.group_box, gl = box(self.tr("Focus group"), "focusGroup")
        self.members = label("", "")
        self.members.setObjectName("members")
        self.rules = label("", "")
        self.rules.setObjectName("groundRules")
        gl.addWidget(label(self.tr("Members present"), "subtitle"))
        gl.addWidget(self.members)
        gl.addWidget(label(self.tr("Ground rules to read at the start"), "subtitle"))
        gl.addWidget(self.rules)
        self.group_box.hide()
        rl.addWidget(self.group_box)
        g, nl = box(self.tr("Notes"), "notesBox")
        self.notes = QListWidget()
        self.notes.setObjectName("notesList")
        self.notes.setAccessibleName(self.tr("Notes so far"))
        self.notes.setWordWrap(True)  # a long note wraps in the narrow side panel rather than being cut
        self.notes.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.notes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setAccessibleName(self.tr("New note"))
        self.note_edit.setPlaceholderText(self.tr("Type a note, Enter to save (timed from when you began)"))
        nl.addWidget(self.notes, 1)
        nl.addWidget(self.note_edit)
        rl.addWidget(g, 1)
        g, tl = box(self.tr("Takes"), "takesBox")
        self.takes = QListWidget()
        self.takes.setObjectName("takesList")
        self.takes.setAccessibleName(self.tr("Recording takes of this session"))
        self.takes.setMaximumHeight(90)
        tl.addWidget(self.takes)
        rl.addWidget(g)
        # The right column scrolls up and down on a low screen (a 600 px high laptop); never sideways.
        right_area = _SideArea()
        right_area.setObjectName("sessionSide")
        right_area.setWidgetResizable(True)
        right_area.setFrameShape(QScrollArea.Shape.NoFrame)
        right_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_area.setWidget(right)
        right.setMinimumHeight(rl.minimumSize().height())
        split.addWidget(right_area)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 360])
        split.setChildrenCollapsible(False)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._note_position: float | None = None
        self._note_started = False
        return page

    def _wire(self) -> None:
        p, bar, rec = self.p, self.bar, self.ctx.recorder
        bar.start_clicked.connect(p.start_recording)
        bar.pause_clicked.connect(p.pause_or_resume)
        bar.stop_clicked.connect(p.stop_recording)
        bar.marker_clicked.connect(self.marker)
        bar.distress_clicked.connect(self.open_distress)
        bar.safeguarding_clicked.connect(self.open_safeguarding)
        bar.end_clicked.connect(self.open_closeout)
        rec.started.connect(self._rec_started)
        rec.stopped.connect(self._rec_stopped)
        rec.failed.connect(self._rec_failed)
        rec.recorder_event.connect(self._rec_event)
        rec.level.connect(self._rec_level)
        rec.tick.connect(self._rec_tick)
        self.recover_button.clicked.connect(p.recover)
        self.ctx.data_changed.connect(self._data_changed)
        p.loaded.connect(self._loaded)
        p.coverage_changed.connect(self.guide.show_coverage)
        p.notes_changed.connect(self._show_notes)
        p.takes_changed.connect(self._show_takes)
        p.interrupted.connect(self._show_interrupted)
        p.recovered.connect(self._recovered)
        p.marker_added.connect(self._marker_added)
        p.marker_warning.connect(self._marker_warning)
        p.message.connect(self.show_message)
        p.lonework_changed.connect(self._lonework_changed)
        p.distress_changed.connect(self._distress_changed)
        p.distress_closed.connect(self._distress_closed)
        p.closeout_saved.connect(lambda co: self.closeout.show_saved(co.body, co.status == "complete"))
        p.completed.connect(self._on_completed)
        p.concern_saved.connect(self.safeguarding.show_saved)
        p.concern_loaded.connect(self.safeguarding.fill_record)
        self.safeguarding.reopen.connect(p.load_concern)
        self.guide.marked.connect(lambda q, s, r: p.mark_question(q, s, r or None))
        self.guide.entered.connect(p.enter_section)
        self.note_edit.textEdited.connect(self._note_typing)
        self.note_edit.returnPressed.connect(self._save_note)
        for panel in (self.lonework, self.visit):
            panel.record.connect(p.lonework)
            panel.buddy_sheet.connect(self._buddy_sheet)
            panel.unseal.connect(lambda reason, lw=panel: p.unseal_address(reason, lw.show_address_text))
        d = self.distress
        d.pause_toggled.connect(p.set_recording_paused)
        d.step.connect(lambda kind, data: p.distress_step(kind, **data))
        d.resume.connect(p.resume_interview)
        d.end_early.connect(p.end_early)
        d.show_support.connect(lambda: self.stack.setCurrentWidget(self.support))
        d.support_pdf.connect(lambda: self._support_pdf(""))
        self.support.back.connect(lambda: self.stack.setCurrentWidget(self.distress))
        self.support.save_pdf.connect(self._support_pdf)
        self.safeguarding.save.connect(p.save_concern)
        self.safeguarding.back.connect(self.show_interview)
        self.closeout.save.connect(self._save_closeout)
        self.closeout.done.connect(self.leave)

    def accepts_keys(self) -> bool:
        """Whether the window's safety keys act on this session (not once it is completed)."""
        return not self._completed and self.p.info is not None

    def focus_session(self) -> None:
        """Put the focus back where the researcher works on the part shown (after an unlock, say)."""
        current = self.stack.currentWidget()
        if current is self.interview:
            self.note_edit.setFocus()
        elif current is self.distress:
            self.distress.setFocus()
        elif current is self.closeout:
            self.closeout.wellbeing.setFocus()
        elif current is self.safeguarding:
            self.safeguarding.focus_start()
        elif current is not None:
            current.setFocus()

    def show_part(self, part: str) -> None:
        """The part a task or a row on the study home leads to; ``record`` (from "Start interview recording" on
        the consent page) also starts the interview's take when none is running."""
        if part == "record":
            self.show_interview()
            if self.ctx.recorder.take is None and not self._completed:
                self.p.start_recording()
        elif part == "closeout":
            self.stack.setCurrentWidget(self.closeout)
        elif part == "safeguarding":
            self.open_safeguarding()
            return
        self.focus_session()

    # -- loading -------------------------------------------------------------------------------------
    def _loaded(self, info: SessionInfo) -> None:
        s = info.session
        kind = self.tr("Focus group") if info.focus_group else self.tr("Interview")
        self.title.setText(f"{kind} · {s.id}")
        self.guide.set_guide(info.guide)
        self.bar.set_speakers(list(s.participant_ids) if info.focus_group else [])
        if info.focus_group:
            lines = []
            for m in info.members:
                state = self.tr("consented") if m.recording_affirmed else self.tr("consent needed")
                lines.append(f"• {m.participant_id} ({state})")
            self.members.setText("\n".join(lines))
            self.rules.setText("\n".join(f"{i}. {r}" for i, r in enumerate(info.ground_rules, 1)))
            self.group_box.show()
        support_for = only_for(info.people)  # entries for some participants only, with whom they are for
        own_lists = len(shared_lists(info.people)) > 1
        self.distress.set_protocol(info.protocol, info.signposting, support_for, own_lists)
        self.distress.set_people(info.people)
        self.support.set_entries(info.signposting, info.people)
        self.safeguarding.set_rules(info.safeguarding, info.people)
        self.closeout.set_study(info.signposting, info.vouchers, info.vouchers_by_participant, support_for)
        self.closeout.restore(info.closeout)
        self.closeout.set_ended_early(info.ended_early)
        if info.has_lone_working:
            for panel in (self.lonework, self.visit):
                panel.show()
                panel.show_address.setEnabled(info.has_sealed_location)
                panel.with_address.setEnabled(info.has_sealed_location)
            self.p.refresh_lonework()
        if info.open_event:
            self.open_distress()

    def refresh(self) -> None:
        self.p.refresh_coverage()
        if self.p.info is not None and self.p.info.has_lone_working:
            self.p.refresh_lonework()

    # -- messages ------------------------------------------------------------------------------------
    def _part_changed(self, _index: int) -> None:
        """A message belongs to the part it was given on; leaving that part clears it."""
        if self.message.text() and self.stack.currentWidget() is not self._message_part:
            self.show_message("")

    def show_message(self, text: str, role: str = "hint") -> None:
        self._message_part = self.stack.currentWidget()  # the message goes when its part is left
        self.message.setText(text)
        set_role(self.message, role)
        self.message.setVisible(bool(text))

    def _show_interrupted(self, n: int) -> None:
        if n > 0:
            self.recovery.show_text(
                self.tr(
                    "%n interrupted recording(s) found on this laptop. Recover first, then start a new take.",
                    "",
                    n,
                )
            )
            self.recover_button.setFocus()
        else:
            self.recovery.hide()
        self.bar.set_recovery_pending(n > 0)

    def _data_changed(self) -> None:
        if self.recovery.isVisible():  # recovered elsewhere (the offer at unlock): the banner goes too
            self.p.check_interrupted()

    def _recovered(self, found: list) -> None:
        failed = [r for r in found if r.problem]
        done = [r for r in found if not r.problem]
        if failed:
            self.show_message(
                self.tr(
                    "%1 take(s) could not be recovered and are left as they are: %2. Tell the data manager."
                )
                .replace("%1", str(len(failed)))
                .replace("%2", "; ".join(f"{r.recording_id} ({r.problem})" for r in failed)),
                "error",
            )
            self.p.check_interrupted()
            return
        if not done:
            self.show_message(self.tr("Nothing needed recovering."), "hint")
            return
        parts = [clock_text(r.duration_seconds) for r in done]
        self.show_message(
            self.tr("Recovered %1 take(s) (%2). You can start a new take.")
            .replace("%1", str(len(done)))
            .replace("%2", ", ".join(parts)),
            "ok",
        )

    # -- recording -----------------------------------------------------------------------------------
    def _mine(self, take: ActiveTake | None) -> TypeGuard[ActiveTake]:
        return take is not None and take.session_id == self.session_id and take.kind == "interview"

    def _rec_started(self, take: Any) -> None:
        if self._mine(take):
            self.bar.show_state("recording")
            self.show_message("", "hint")
            self.p.refresh_takes()

    def _rec_stopped(self, summary: Any) -> None:
        length = clock_text(summary.duration_seconds)
        if summary.sealed and summary.error is None:
            self.bar.show_state("stopped")
            self.bar.status.setText(self.tr("Take saved: %1 recorded.").replace("%1", length))
            if summary.dropped_blocks:
                self.show_message(
                    self.tr(
                        "The laptop was too busy to keep up for a moment: about %1 s of audio is missing from this "
                        "take. Close other programs before the next one."
                    ).replace("%1", f"{max(0.1, summary.dropped_blocks * BLOCK_SECONDS):.1f}"),
                    "warning",
                )
        elif summary.sealed:
            self.bar.show_state("failed", fault_of(summary.error))
            self.bar.status.setText(self.tr("Take ended early: %1 recorded and kept.").replace("%1", length))
        else:  # the final record could not be written: the audio is on disk, not yet sealed
            error = summary.error
            self.bar.show_state("failed", fault_of(error) if error is not None else "saving")
            if error is not None and error.kind is ErrorKind.DISK_FULL:
                words = self.tr(
                    "Take not sealed: %1 recorded and kept. Free some space on this laptop's disk, recover "
                    "the take, then start a new one."
                )
            else:  # the file could not be written for another reason: no space to free
                words = self.tr("Take not sealed: %1 recorded and kept. Recover it first, then start a new take.")
            self.bar.status.setText(words.replace("%1", length))
            # one instruction everywhere: recover first ("Recover now", shown with the count), then a new take
            problem = recording_problem(error) if error is not None else self._fault
            self.show_message(
                " ".join(
                    t for t in (problem, self.tr("What was recorded is kept: recover it first, then start a new take."))
                    if t
                ),
                "error",
            )
            self.p.check_interrupted()
        self._fault = ""
        self.p.refresh_takes()

    def _rec_failed(self, exc: BaseException) -> None:
        self.bar.show_state("failed", fault_of(exc))
        self.show_message(recording_problem(exc), "error")

    def _rec_event(self, ev: Any) -> None:
        if ev.kind is RecorderEventKind.LOW_DISK:
            self.show_message(self.tr("This laptop's disk space is getting low. The recording goes on."), "warning")
        elif ev.error is not None:
            self.bar.show_state("failed", fault_of(ev.error))
            self._fault = recording_problem(ev.error)
            # what to do next is said once the take is stopped (a take that could not be sealed needs
            # recovering first)
            self.show_message(self._fault + " " + self.tr("What was recorded is kept."), "error")
            self.p.stop_recording()  # seals the take and writes its row, so a new take can start

    def _rec_level(self, lvl: Any) -> None:
        take = self.ctx.recorder.take
        if self._mine(take):
            self.bar.meter.set_level(lvl)

    def _rec_tick(self, pos: float) -> None:
        take = self.ctx.recorder.take
        if not self._mine(take):
            return
        self.bar.set_elapsed(pos)
        state = take.state
        want = "paused" if state is RecorderState.PAUSED else "recording"
        if state in (RecorderState.RECORDING, RecorderState.PAUSED) and self.bar.current != want:
            self.bar.show_state(want)

    def marker(self, kind: str) -> None:
        self.p.add_marker(kind, speaker=self.bar.current_speaker())

    def _marker_added(self, kind: str, pos: float) -> None:
        names = {
            "marker": self.tr("Marker"),
            "important": self.tr("Important"),
            "follow_up": self.tr("Follow up"),
            "quote": self.tr("Quote"),
            "sensitive": self.tr("Sensitive"),
        }
        name = names.get(kind, kind)
        self.bar.status.setText(
            self.tr("%1 marked at %2").replace("%1", name).replace("%2", clock_text(pos))
            if pos >= 0
            else self.tr("%1 saved (no recording running)").replace("%1", name)
        )

    def _marker_warning(self, text: str) -> None:
        self.bar.status.setText(self.bar.status.text() + "\n" + self.tr("Careful: %1").replace("%1", text))

    def _show_takes(self, rows: list) -> None:
        self.takes.clear()
        words = {
            "recording": self.tr("recording"),
            "sealed": self.tr("saved"),
            "interrupted": self.tr("interrupted"),
            "recovered": self.tr("recovered"),
        }
        for r in rows:
            self.takes.addItem(
                self.tr("Take %1 · %2 · %3")
                .replace("%1", str(r["take_no"]))
                .replace("%2", clock_text(r.get("duration")) if r.get("duration") is not None else "…")
                .replace("%3", words.get(r["status"], r["status"]))
            )

    # -- notes ---------------------------------------------------------------------------------------
    def _note_typing(self, text: str) -> None:
        if not self._note_started and text:
            self._note_started = True
            self._note_position = self.p.position()
        elif not text:
            self._note_started = False

    def _save_note(self) -> None:
        text = self.note_edit.text().strip()
        if not text:
            return
        pos = self._note_position if self._note_started else self.p.position()
        self.p.add_note(text, pos, self.bar.current_speaker())
        self.note_edit.clear()
        self._note_started = False

    def _show_notes(self, notes: list) -> None:
        self.notes.clear()
        for n in notes:
            who = f" [{n.speaker}]" if n.speaker else ""
            self.notes.addItem(f"{clock_text(n.position)}{who}  {n.text}")
        self.notes.scrollToBottom()

    # -- pages ---------------------------------------------------------------------------------------
    def show_interview(self) -> None:
        self.stack.setCurrentWidget(self.interview)
        self.note_edit.setFocus()

    def open_distress(self) -> None:
        info = self.p.info
        if info is None:
            return
        if self.stack.currentWidget() is not self.distress and self.p.event_id is None:
            take = self.ctx.recorder.take
            recording = self._mine(take) and take.state is RecorderState.RECORDING
            self.distress.reset(paused=info.pause_by_default and recording)
            self.p.open_distress(pause=info.pause_by_default)
        elif self.p.event_id is not None and self.stack.currentWidget() is not self.distress:
            self.p.open_distress(pause=False)  # the open event, shown as it stands
        self.stack.setCurrentWidget(self.distress)
        self.distress.setFocus()

    def _distress_changed(self, ev: Any) -> None:
        self._distress_whom = ev.participant_id if ev.open else None
        take = self.ctx.recorder.take
        self.distress.set_paused(self._mine(take) and take.state is RecorderState.PAUSED)
        self.distress.show_event(ev)

    def _distress_closed(self, ev: Any) -> None:
        self._distress_whom = None
        self.closeout.tick_support(ev.signposting)  # support given during the protocol was given
        if ev.outcome == "ended_early":
            self.closeout.set_ended_early(True, ev.end_reason)
            self.stack.setCurrentWidget(self.closeout)
            self.closeout.wellbeing.setFocus()
        else:
            self.show_interview()
            self.show_message(self.tr("Distress event closed; the interview goes on."), "ok")

    def on_locked(self) -> None:
        """Called by the main window before it closes the workspace: save the safeguarding draft while the
        database is still open, then take everything identifying off the screen (a take goes on)."""
        self.safeguarding.flush()
        self.safeguarding.clear()
        self.timer.stop()  # nothing to look up while the vault is closed (each look would fail)
        self.show_message("")  # what was said before the lock is stale after it
        self.lonework.hide_address()
        self.visit.hide_address()
        if self.stack.currentWidget() is self.safeguarding:
            self.show_interview()

    def on_unlocked(self) -> None:
        """The vault is open again: look at the session now, then every REFRESH_MS as before."""
        self.timer.start()
        self.refresh()
        self.p.refresh_takes()  # a take stopped on the lock screen is listed as saved
        take = self.ctx.recorder.take
        if self._mine(take):
            # a pause or resume pressed on the lock screen while the distress protocol was open is one of its
            # steps, at the time it was pressed; the protocol's tick box follows the take
            for action, position, at in self.ctx.recorder.controls_while_locked(take):
                if self.p.distress_open:
                    kind = "recording_paused" if action == "pause" else "recording_resumed"
                    self.p.distress_step_at(kind, position, at)
            self.distress.set_paused(take.state is RecorderState.PAUSED)

    def open_safeguarding(self) -> None:
        # whom the open distress event concerns, when the researcher said it there, is whom a new concern is about
        self.safeguarding.suggest(self._distress_whom)
        self.stack.setCurrentWidget(self.safeguarding)
        self.safeguarding.focus_start()

    def open_closeout(self) -> None:
        if self.p.event_id is not None:
            self.open_distress()
            self.show_message(self.tr("Close the distress event first (resume or end early)."), "warning")
            return
        take = self.ctx.recorder.take
        if self._mine(take):
            self.p.stop_recording()
        self.stack.setCurrentWidget(self.closeout)
        self.closeout.wellbeing.setFocus()

    # -- lone working and completing -----------------------------------------------------------------
    def _lonework_changed(self, st: Any) -> None:
        self._visit_state = st
        self.lonework.show_state(st)
        self.visit.show_state(st)

    def _save_closeout(self, fields: dict, complete: bool) -> None:
        """Completing a home visit's session before the researcher is home safe asks first: the visit's check-out
        and home safe stay on this page and on the study home, but they should know both are still open."""
        gap = self.closeout.missing()
        if gap is not None:  # refused before any question is asked, with the focus on what is missing
            field, text = gap
            self.show_message(text, "error")
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        st = self._visit_state
        info = self.p.info
        if not complete or info is None or not info.has_lone_working or st is None or st.phase == "closed":
            self.p.save_closeout(fields, complete)
            return
        if st.checked_out_at is None and st.phase != "code_word":
            what = self.tr("You have not checked out with your buddy yet.")
        else:
            what = self.tr("You have not yet confirmed that you are home safe.")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("The home visit is still open"),
            what
            + "\n\n"
            + self.tr(
                "Complete the session anyway? Check-out and home safe stay on this page and on the study "
                "home until you confirm them."
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("completeWithVisitOpen")
        yes = box.addButton(self.tr("Complete the session"), QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("completeAnyway")
        no = box.addButton(self.tr("Not yet"), QMessageBox.ButtonRole.RejectRole)
        no.setObjectName("completeNotYet")
        box.setDefaultButton(no)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            clicked = box.clickedButton()  # compared by name: a fresh wrapper of the same button is not `yes`
            if clicked is not None and clicked.objectName() == yes.objectName():
                self.p.save_closeout(fields, True)
            else:
                self.visit.buttons["check_out" if st.checked_out_at is None else "home_safe"].setFocus()

        box.finished.connect(answered)
        box.open()
        self._visit_box = box

    def _on_completed(self, _bundle: str) -> None:
        self.bar.setEnabled(False)
        self._completed = True
        st = self._visit_state
        if st is not None and st.phase != "closed":
            self.show_message(
                self.tr(
                    "Session completed and queued for sync. The home visit is still open: check out and confirm "
                    "you are home safe here or on the study home."
                ),
                "warning",
            )
            nxt = "check_out" if st.checked_out_at is None and st.phase != "code_word" else "home_safe"
            self.visit.buttons[nxt].setFocus()

    def leave(self) -> None:
        self.timer.stop()
        self.ctx.pop(self, PageId.HOME)

    # -- files ---------------------------------------------------------------------------------------
    def _save_pdf(self, title: str, name: str, data: bytes) -> None:
        # Qt's own dialog (the same on every platform, as the other save dialogs of the app)
        dialog = QFileDialog(self, title, name, self.tr("PDF (*.pdf)"))
        dialog.setObjectName("savePdfDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.selectFile(name)
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return
        path = dialog.selectedFiles()[0]
        try:
            with open(path, "wb") as f:
                f.write(data)
        except OSError:
            self.show_message(self.tr("The PDF could not be saved there."), "error")
            return
        self.show_message(self.tr("Saved %1.").replace("%1", path), "ok")

    def _support_pdf(self, participant_id: str) -> None:
        """The support list as a PDF: a participant's own (a session of several), else the session's."""
        name = f"support-{participant_id}.pdf" if participant_id else "support.pdf"
        self.p.signposting_pdf(
            lambda data: self._save_pdf(self.tr("Save the support list"), name, data), participant_id
        )

    def _buddy_sheet(self, include_address: bool) -> None:
        what = (
            self.tr("the buddy sheet: names, phone numbers, visit times and the visit address")
            if include_address
            else self.tr("the buddy sheet: names, phone numbers and visit times")
        )
        choice = save_clear.ask(self, "buddy_sheet", what, f"buddy-{self.session_id}.pdf")
        if choice is None:
            return
        self.p.save_buddy_sheet(
            include_address,
            choice.path,
            choice.passphrase,
            lambda path: self.show_message(self.tr("Saved %1.").replace("%1", path.name), "ok"),
        )


def build_screen(ctx: AppContext, session_id: str, clock: Clock | None = None) -> SessionScreen:
    """The session screen for ``session_id``, for the main window to push."""
    return SessionScreen(ctx, session_id, clock)
