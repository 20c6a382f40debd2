"""The readiness checklist, shown live: each item ticked or not, with what is missing."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from fieldwork_app.services.sessions import ChecklistItem

from fieldwork_app.gui.resources import icon
from fieldwork_app.gui.views.common import set_role


def _t(text: str) -> str:
    return QCoreApplication.translate("Checklist", text)


def item_label(item: ChecklistItem) -> str:
    labels = {
        "participants": _t("participants chosen"),
        "schedule": _t("date and time set"),
        "documents": _t("consent form, information sheet and topic guide in use"),
        "gating": _t("tasks the protocol asks for first"),
        "attributes": _t("participant details the study asks for recorded"),
        "lone_working": _t("lone-working plan"),
        "mic": _t("microphone checked"),
        "disk": _t("free disk for the planned length"),
        "battery": _t("battery charged"),
        "interpreter_booked": _t("interpreter booked"),
        "witness_booked": _t("witness booked"),
    }
    return labels.get(item.id, item.id)


def item_detail(item: ChecklistItem) -> str:
    """What the item's facts say, in the app's words (what a plan lacks, the disk space, the mic level)."""
    if item.id == "lone_working":
        parts = {
            "buddy_name": _t("buddy name"),
            "buddy_phone": _t("buddy phone"),
            "backup_buddy_name": _t("back-up buddy name"),
            "backup_buddy_phone": _t("back-up buddy phone"),
            "start_time": _t("start time"),
            "expected_end": _t("expected end"),
            "travel_home_time": _t("travel-home time"),
            "code_word": _t("code word agreed"),
            "risk_assessment": _t("risk assessment"),
            "end_after_start": _t("expected end after start"),
            "valid_times": _t("valid start and end times"),
            "address_sealed": _t("visit address sealed"),
        }
        return ", ".join(parts.get(m, m) for m in item.missing)
    if item.id == "documents" and item.missing:
        return ", ".join(item.missing) + _t("; plan a new session, which takes the versions in use")
    if item.id in ("gating", "attributes"):
        return "; ".join(item.missing)
    if item.id == "interpreter_booked" and item.missing:
        return _t("the protocol asks for an interpreter at the consent")
    if item.id == "witness_booked" and item.missing:
        return _t("the protocol asks for a witness at the consent")
    if item.id == "disk":
        return (
            _t("%1 MiB free, %2 MiB needed").replace("%1", str(item.free_mib)).replace("%2", str(item.need_mib))
        )
    if item.id == "mic":
        return item.mic_detail
    return ""


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
            row.setToolTip(detail)
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
