"""The readiness checklist, shown live: each item ticked or not, with what is missing."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from fieldwork_app.services import readiness_words
from fieldwork_app.services.sessions import ChecklistItem

from fieldwork_app.gui.resources import icon
from fieldwork_app.gui.views.common import plain_tip, set_role


def item_label(item: ChecklistItem) -> str:
    return readiness_words.checklist_label(item, QCoreApplication.translate)


def item_detail(item: ChecklistItem) -> str:
    """What the item's facts say, in the app's words (what a plan lacks, the disk space, the mic level)."""
    return readiness_words.checklist_detail(item, QCoreApplication.translate)


class ChecklistView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Readiness checklist"))
        self.list.setMinimumHeight(170)
        # long items wrap onto more lines: the list never scrolls sideways on a narrow screen
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        lay.addWidget(self.list)
        lay.addWidget(self.state)
        self.ready = False

    def show_items(self, items: Sequence[ChecklistItem], ready: bool) -> None:
        self.list.clear()
        for it in items:
            detail = item_detail(it)
            text = item_label(it) + (f": {detail}" if detail and not it.done else "")
            row = QListWidgetItem(icon("check" if it.done else "warning"), text)
            row.setToolTip(plain_tip(detail))
            row.setData(256, it.id)
            self.list.addItem(row)
        self.ready = ready
        if ready:
            self.state.setText(self.tr("Ready: everything on the checklist is done."))
            set_role(self.state, "ok")
        else:
            missing = sum(1 for it in items if not it.done)
            self.state.setText(self.tr("Not ready yet: %n item(s) to do.", "", missing))
            set_role(self.state, "warning")
