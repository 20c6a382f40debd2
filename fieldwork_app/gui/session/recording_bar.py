"""The strip at the top of the session screen: recording state, time, level, controls, markers, distress.

Pause, Stop, Distress and End session are always on screen, down to a 1024 px wide window; the markers
are a compact row below them, and every key (F8, F9, Ctrl+1..4, Ctrl+D) is named in a tooltip.  Where a
long language leaves too little room, the buttons keep their whole text and move onto another line
(:class:`FlowLayout`) rather than widen the window.

The state is shown in words and colour both (never colour alone) so it cannot be missed at a glance.
It follows the app's RecordingController, so it is right again after the screen is locked and unlocked
while the take goes on.
"""

from __future__ import annotations

import errno

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldwork_app.audio import RecorderState
from fieldwork_app.errors import ErrorKind, FieldworkError

from fieldwork_app.gui.resources import icon
from fieldwork_app.gui.session.common import clock_text
from fieldwork_app.gui.widgets.flow_layout import FlowLayout
from fieldwork_app.gui.widgets.level_meter import LevelMeter

STATE_STYLE = {
    "recording": "background:#9b1c1c;color:#ffffff;",
    "paused": "background:#8a5a00;color:#ffffff;",
    "stopped": "background:#e7ecee;color:#1d2b33;",
    "failed": "background:#ffffff;color:#9b1c1c;border:2px solid #9b1c1c;",
}


FAULTS = ("microphone", "disk", "saving")


def fault_of(exc: BaseException | None) -> str:
    """What failed in a take, for the badge: the microphone, the disk (full), or saving the take (the file
    could not be written for a reason that is neither); "" for a take refused for a reason of the study's
    (consent missing, say), which the message says."""
    if isinstance(exc, FieldworkError):
        if exc.kind in (ErrorKind.NO_DEVICE, ErrorKind.DEVICE_LOST):
            return "microphone"
        if exc.kind is ErrorKind.DISK_FULL:
            return "disk"
        return "saving" if exc.kind is ErrorKind.DISK_ERROR else ""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "disk"
    return "saving"


class RecordingBar(QFrame):
    start_clicked = Signal()
    pause_clicked = Signal()
    stop_clicked = Signal()
    marker_clicked = Signal(str)  # marker kind
    distress_clicked = Signal()
    safeguarding_clicked = Signal()
    end_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordingBar")
        self.setStyleSheet("QFrame#recordingBar{background:#ffffff;border-bottom:1px solid #c9cfd2;}")
        # Two rows that fit 1024 px beside the narrowed navigation: the state and time on the left; the
        # take's controls and the session's safety buttons (never hidden) above; markers below.
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)

        self.state_label = QLabel()
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.state_label.setObjectName("recordingState")
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state_label.setAccessibleName(self.tr("Recording state"))
        self.elapsed = QLabel("00:00")
        self.elapsed.setTextFormat(Qt.TextFormat.PlainText)
        self.elapsed.setObjectName("elapsed")
        self.elapsed.setStyleSheet("font-size:16pt;font-weight:600;font-family:'DejaVu Sans Mono',monospace;")
        self.elapsed.setAccessibleName(self.tr("Recording time"))
        self.meter = LevelMeter()
        self.meter.setMinimumWidth(70)
        self.meter.setFixedHeight(12)

        self.start_button = QPushButton(icon("record"), self.tr("Start recording"))
        self.start_button.setObjectName("startRecording")
        self.start_button.setProperty("role", "primary")
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setObjectName("pauseRecording")
        self.stop_button = QPushButton(icon("stop"), self.tr("Stop"))
        self.stop_button.setObjectName("stopRecording")
        self.stop_button.setProperty("role", "stop")
        self.stop_button.setToolTip(self.tr("Stop and save this take (a new take can follow)"))
        self.stop_button.setAccessibleName(self.tr("Stop recording"))
        self.start_button.clicked.connect(self.start_clicked)
        self.pause_button.clicked.connect(self.pause_clicked)
        self.stop_button.clicked.connect(self.stop_clicked)

        self.distress_button = QPushButton(icon("warning"), self.tr("Distress"))
        self.distress_button.setObjectName("distressButton")
        self.distress_button.setAccessibleName(self.tr("Distress protocol"))
        self.distress_button.setToolTip(self.tr("Distress protocol (Ctrl+D, from any page)"))
        self.distress_button.setStyleSheet(
            "QPushButton{background:#f6e3df;border:1px solid #a8483a;color:#6e1f14;font-weight:600;}"
            "QPushButton:focus{border:2px solid #c76b00;}"
        )
        self.distress_button.clicked.connect(self.distress_clicked)
        self.safeguarding_button = QPushButton(self.tr("Safeguarding…"))
        self.safeguarding_button.setObjectName("safeguardingButton")
        self.safeguarding_button.setAccessibleName(self.tr("Safeguarding concern"))
        self.safeguarding_button.setToolTip(
            self.tr("Record a safeguarding concern (kept in the identity store)")
        )
        self.safeguarding_button.clicked.connect(self.safeguarding_clicked)
        self.end_button = QPushButton(self.tr("End session…"))
        self.end_button.setObjectName("endSession")
        self.end_button.setToolTip(self.tr("Stop the recording and go to the close-out"))
        self.end_button.clicked.connect(self.end_clicked)

        # The take's controls, with Stop set apart from Pause (a gap and a rule) so that one cannot be
        # pressed for the other; the session's safety buttons, never hidden, at the right.  Where a long
        # language leaves no room for both on one line, the safety buttons move under the controls.
        take = QWidget()
        take.setObjectName("takeControls")
        take_row = QHBoxLayout(take)
        take_row.setContentsMargins(0, 0, 0, 0)
        take_row.setSpacing(6)
        take_row.addWidget(self.start_button)
        take_row.addWidget(self.pause_button)
        take_row.addSpacing(8)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.VLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        take_row.addWidget(rule)
        take_row.addSpacing(8)
        take_row.addWidget(self.stop_button)
        safety = QWidget()
        safety.setObjectName("safetyControls")
        safety_row = QHBoxLayout(safety)
        safety_row.setContentsMargins(0, 0, 0, 0)
        safety_row.setSpacing(6)
        safety_row.addWidget(self.distress_button)
        safety_row.addWidget(self.safeguarding_button)
        safety_row.addWidget(self.end_button)
        row1 = FlowLayout(spacing=6, line_spacing=4, spread=True)
        row1.addWidget(take)
        row1.addWidget(safety)

        # The markers, then the speaker (focus groups) and the last marker or take saved; they go on to
        # another line rather than cut a word.
        row2 = FlowLayout(spacing=4, line_spacing=4)
        self.markers_label = QLabel(self.tr("Mark:"))
        self.markers_label.setTextFormat(Qt.TextFormat.PlainText)
        self.markers_label.setProperty("role", "hint")
        row2.addWidget(self.markers_label)
        self.marker_buttons: dict[str, QPushButton] = {}
        for kind, text, key, tip in (
            ("marker", self.tr("Marker"), "F9", self.tr("A plain marker")),
            ("important", self.tr("Important"), "Ctrl+1", self.tr("Something important was said")),
            ("follow_up", self.tr("Follow up"), "Ctrl+2", self.tr("Come back to this later")),
            ("quote", self.tr("Quote"), "Ctrl+3", self.tr("A quotable moment")),
            ("sensitive", self.tr("Sensitive"), "Ctrl+4", self.tr("Sensitive talk: handle with care")),
        ):
            b = QPushButton(text)
            b.setObjectName(f"marker-{kind}")
            b.setProperty("compact", True)
            b.setStyleSheet("QPushButton{padding:2px 8px;min-height:18px;}")
            b.setToolTip(f"{tip} ({key})")
            b.setAccessibleName(self.tr("Marker: %1").replace("%1", text))
            b.clicked.connect(lambda _c=False, k=kind: self.marker_clicked.emit(k))
            self.marker_buttons[kind] = b
            row2.addWidget(b)
        self.speaker = QComboBox()
        self.speaker.setObjectName("speaker")
        self.speaker.setAccessibleName(self.tr("Speaker"))
        self.speaker_label = QLabel(self.tr("Speaker:"))
        self.speaker_label.setTextFormat(Qt.TextFormat.PlainText)
        self.speaker_label.setBuddy(self.speaker)
        speaker = QWidget()
        speaker_row = QHBoxLayout(speaker)
        speaker_row.setContentsMargins(8, 0, 0, 0)
        speaker_row.setSpacing(4)
        speaker_row.addWidget(self.speaker_label)
        speaker_row.addWidget(self.speaker)
        self._speaker_box = speaker
        row2.addWidget(speaker)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setObjectName("recordingStatus")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "hint")
        self.status.setContentsMargins(8, 0, 0, 0)
        self.status.setMinimumWidth(160)  # the rest of the line, or a line of its own
        self.status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row2.addWidget(self.status)

        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(self.state_label)
        time_row = QHBoxLayout()
        time_row.addWidget(self.elapsed)
        time_row.addWidget(self.meter, 1)
        left.addLayout(time_row)
        left.addStretch(1)
        grid.addLayout(left, 0, 0, 2, 1)
        grid.addLayout(row1, 0, 1)
        grid.addLayout(row2, 1, 1)
        grid.setColumnStretch(1, 1)
        self.set_speakers([])
        # One size for every state, so the badge is never cut and the bar never shifts as it changes: as
        # wide as the longest one-line state, as tall as the tallest (a long message wraps onto two lines).
        widest = 0
        for state in STATE_STYLE:
            if state != "failed":
                self.show_state(state)
                self.state_label.ensurePolished()
                widest = max(widest, self.state_label.sizeHint().width())
        self.state_label.setWordWrap(True)
        tallest = 0
        for state, fault in [(s, "") for s in STATE_STYLE] + [("failed", f) for f in FAULTS]:
            self.show_state(state, fault)
            self.state_label.ensurePolished()
            tallest = max(tallest, self.state_label.heightForWidth(widest), self.state_label.sizeHint().height())
        self.state_label.setFixedSize(widest, tallest)
        self.show_state("stopped")

    def set_speakers(self, ids: list[str]) -> None:
        """Focus groups tag notes and markers with who spoke; interviews need no tag."""
        self.speaker.clear()
        self.speaker.addItem(self.tr("(no tag)"), "")
        self.speaker.addItem(self.tr("Facilitator"), "facilitator")
        for pid in ids:
            self.speaker.addItem(pid, pid)
        self._speaker_box.setVisible(bool(ids))

    def current_speaker(self) -> str:
        return str(self.speaker.currentData() or "") if self.speaker.isVisible() else ""

    def show_state(self, state: str, fault: str = "") -> None:
        """``fault`` (for "failed"): what failed, as :func:`fault_of` names it; the badge says that."""
        self.current = state
        faults = {
            "microphone": self.tr("Microphone problem"),
            "disk": self.tr("Disk full"),
            "saving": self.tr("Saving failed"),
        }
        text = {
            "recording": self.tr("● RECORDING"),
            "paused": self.tr("❚❚ PAUSED"),
            "stopped": self.tr("Not recording"),
            "failed": faults.get(fault, self.tr("Not recording")),
        }[state]
        self.state_label.setText(text)
        # the same padding and border in every state, so the badge keeps its size
        border = "" if "border" in STATE_STYLE[state] else "border:2px solid transparent;"
        self.state_label.setStyleSheet(
            STATE_STYLE[state] + border + "font-size:12pt;font-weight:700;padding:4px 10px;border-radius:6px;"
        )
        self.state_label.setAccessibleDescription(text)
        self.start_button.setEnabled(state in ("stopped", "failed"))
        self.pause_button.setEnabled(state in ("recording", "paused"))
        self.pause_button.setText(self.tr("Resume") if state == "paused" else self.tr("Pause"))
        self.pause_button.setToolTip(
            self.tr("Resume the recording (F8, from any page)")
            if state == "paused"
            else self.tr("Pause the recording (F8, from any page)")
        )
        self.stop_button.setEnabled(state in ("recording", "paused"))
        self.meter.set_active(state == "recording")  # greyed while paused or stopped

    def set_recovery_pending(self, pending: bool) -> None:
        """While a take waits to be recovered, "Recover now" is the button to press: Start recording stays
        usable (an interview goes on) but is no longer the highlighted one."""
        self.start_button.setProperty("role", "" if pending else "primary")
        self.start_button.style().unpolish(self.start_button)
        self.start_button.style().polish(self.start_button)

    def sync_with(self, recorder_state: RecorderState | None) -> None:
        if recorder_state is RecorderState.RECORDING:
            self.show_state("recording")
        elif recorder_state is RecorderState.PAUSED:
            self.show_state("paused")
        else:
            self.show_state("stopped")

    def set_elapsed(self, seconds: float) -> None:
        self.elapsed.setText(clock_text(seconds))
