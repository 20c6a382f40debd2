"""A simple interview page (start/stop the interview recording, live level) until the session screen exists."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from fieldwork_app.audio import TakeSummary
from fieldwork_app.services.recording import ActiveTake

from fieldwork_app.gui.context import AppContext
from fieldwork_app.gui.messages import describe
from fieldwork_app.gui.resources import icon
from fieldwork_app.gui.views.common import label, scroll_page, set_role
from fieldwork_app.gui.widgets.level_meter import LevelMeter


class InterviewPage(QWidget):
    def __init__(self, ctx: AppContext, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session_id = session_id
        layout, _ = scroll_page(self)
        layout.addWidget(label(self.tr("Interview · %1").replace("%1", session_id), "title"))
        self.state = label(self.tr("Not recording."), "hint")
        self.meter = LevelMeter()
        self.position = label("00:00", "subtitle", wrap=False)
        self.position.setAccessibleName(self.tr("Recording time"))
        row = QHBoxLayout()
        self.record_button = QPushButton(icon("record"), self.tr("Start &recording"))
        self.record_button.clicked.connect(self._toggle)
        self.back_button = QPushButton(self.tr("&Back to consent"))
        self.back_button.clicked.connect(lambda: ctx.pop(self))
        row.addWidget(self.record_button)
        row.addWidget(self.back_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.position)
        layout.addWidget(self.meter)
        layout.addWidget(self.state)
        rec = ctx.recorder
        rec.started.connect(self._started)
        rec.stopped.connect(self._stopped)
        rec.failed.connect(self._failed)
        rec.level.connect(self.meter.set_level)
        rec.tick.connect(self._tick)

    def _toggle(self) -> None:
        rec = self.ctx.recorder
        self.record_button.setEnabled(False)
        if rec.active:
            rec.stop()
        else:
            rec.start(self.session_id, kind="interview")

    def _started(self, take: ActiveTake) -> None:
        if take.kind != "interview":
            return
        self.record_button.setEnabled(True)
        self.record_button.setText(self.tr("Stop &recording"))
        self.record_button.setIcon(icon("stop"))
        self.back_button.setEnabled(False)
        self.state.setText(self.tr("Recording (encrypted as it is written)."))
        set_role(self.state, "warning")

    def _stopped(self, summary: TakeSummary) -> None:
        self.record_button.setEnabled(True)
        self.record_button.setText(self.tr("Start &recording"))
        self.record_button.setIcon(icon("record"))
        self.back_button.setEnabled(True)
        m, s = divmod(int(summary.duration_seconds), 60)
        self.state.setText(self.tr("Take saved: %1 recorded.").replace("%1", f"{m:02d}:{s:02d}"))
        set_role(self.state, "ok")

    def _failed(self, exc: BaseException) -> None:
        self.record_button.setEnabled(True)
        self.state.setText(describe(exc))
        set_role(self.state, "error")

    def _tick(self, pos: float) -> None:
        m, s = divmod(int(pos), 60)
        self.position.setText(f"{m:02d}:{s:02d}")
