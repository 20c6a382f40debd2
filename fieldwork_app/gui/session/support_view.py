"""The support list to show the participant on screen (large, emergency entries first), or to save as a one-page PDF."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from fieldwork_app.domain.pack import SignpostingEntry

from fieldwork_app.gui.views.common import label, scroll_page


class SupportList(QWidget):
    back = Signal()
    save_pdf = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supportList")
        self.lay, _ = scroll_page(self)
        self.lay.addWidget(label(self.tr("Where to get support"), "title"))
        self.lay.addWidget(
            label(self.tr("If you or someone else is in immediate danger, call 999."), "subtitle")
        )
        row = QHBoxLayout()
        b = QPushButton(self.tr("Back to the protocol"))
        b.setObjectName("supportBack")
        b.clicked.connect(self.back)
        pdf = QPushButton(self.tr("Save as PDF…"))
        pdf.setObjectName("supportSavePdf")
        pdf.clicked.connect(self.save_pdf)
        row.addWidget(b)
        row.addWidget(pdf)
        row.addStretch(1)
        self.buttons = row
        self.entries: list[str] = []

    def set_entries(self, entries: tuple[SignpostingEntry, ...]) -> None:
        for e in sorted(entries, key=lambda e: not e.emergency):
            name = label(e.name, "subtitle")
            name.setStyleSheet("font-size:14pt;font-weight:600;")
            self.lay.addWidget(name)
            ways = [
                self.tr("Phone %1").replace("%1", e.phone) if e.phone else "",
                e.text_message or "",
                e.hours or "",
                e.web or "",
            ]
            self.lay.addWidget(label(e.purpose))
            line = "  ·  ".join(w for w in ways if w)
            if line:
                self.lay.addWidget(label(line, "hint"))
            self.entries.append(e.id)
        self.lay.addLayout(self.buttons)
