"""Small shared helpers of the session screens: audio positions as text, a titled box, a banner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget


def clock_text(seconds: float | None) -> str:
    """An audio position as the researcher reads it: 04:07, or 1:04:07 past an hour; '-' for none."""
    if seconds is None or seconds < 0:
        return "-"
    s = int(seconds)
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m:02d}:{sec:02d}"


def box(title: str, name: str = "") -> tuple[QGroupBox, QVBoxLayout]:
    g = QGroupBox(title)
    if name:
        g.setObjectName(name)
    g.setAccessibleName(title)
    lay = QVBoxLayout(g)
    lay.setSpacing(8)
    return g, lay


class Banner(QFrame):
    """A calm, always-readable strip (the app's ``#banner`` style) with a message and optional buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(12, 8, 12, 8)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.row.addWidget(self.text, 1)
        self.hide()

    def show_text(self, text: str) -> None:
        self.text.setText(text)
        self.setAccessibleName(text)
        self.show()
