"""A live input level meter (RMS bar with a peak tick), fed with audio.Level readings.

The meter is live only while sound is being captured (recording, or a microphone check running); the rest
of the time it is greyed and empty, so a paused take or a finished check never looks like a live one.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from fieldwork_app.audio import Level

FLOOR = -60.0


class LevelMeter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(200, 22)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Microphone level"))
        self.rms = FLOOR
        self.peak = FLOOR
        self.readings = 0
        self.active = False
        self.setAccessibleDescription(self.tr("not capturing"))

    def set_active(self, active: bool) -> None:
        """Live (readings shown) or greyed (not capturing: paused, stopped, the check over)."""
        self.active = active
        if not active:
            self.rms = self.peak = FLOOR
            self.setAccessibleDescription(self.tr("not capturing"))
        self.update()

    def set_level(self, level: Level) -> None:
        if not self.active:
            return  # a reading that arrives after the pause or the end of a check is not shown
        self.rms = max(FLOOR, float(level.rms_dbfs))
        self.peak = max(FLOOR, float(level.peak_dbfs))
        self.readings += 1
        self.setAccessibleDescription(self.tr("%1 dB").replace("%1", f"{self.rms:.0f}"))
        self.update()

    def reset(self) -> None:
        self.rms = self.peak = FLOOR
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.setPen(QColor("#7d8d95") if self.active else QColor("#c3c9cc"))
        p.setBrush(QColor("#ffffff") if self.active else QColor("#e4e7e8"))
        p.drawRoundedRect(r, 3, 3)
        if not self.active:
            p.end()
            return

        def x(db: float) -> float:
            return r.left() + r.width() * (db - FLOOR) / -FLOOR

        colour = QColor("#2e7d4f") if self.peak < -3 else QColor("#b03a2e")
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRect(QRectF(r.left(), r.top() + 2, x(self.rms) - r.left(), r.height() - 4))
        p.setBrush(QColor("#1d3a47"))
        p.drawRect(QRectF(x(self.peak) - 1, r.top(), 2, r.height()))
        p.end()
