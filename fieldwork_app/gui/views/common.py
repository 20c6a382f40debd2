"""Small helpers shared by the screens: translated status words, titled labels, page scaffolding."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget


def _t(text: str) -> str:
    return QCoreApplication.translate("Status", text)


def status_text(status: str) -> str:
    return {
        "screened": _t("screened"),
        "consented": _t("consented"),
        "interviewed": _t("interviewed"),
        "withdrawn": _t("withdrawn"),
        "planned": _t("planned"),
        "ready": _t("ready"),
        "in_progress": _t("in progress"),
        "completed": _t("completed"),
    }.get(status, status)


def format_text(fmt: str) -> str:
    return {"interview": _t("interview"), "focus_group": _t("focus group")}.get(fmt, fmt)


def location_text(kind: str) -> str:
    return {
        "home": _t("home visit"),
        "clinic": _t("clinic or office"),
        "remote_video": _t("video call"),
        "phone": _t("phone"),
    }.get(kind, kind)


def label(text: str, role: str = "", wrap: bool = True) -> QLabel:
    w = QLabel(text)
    w.setWordWrap(wrap)
    if role:
        w.setProperty("role", role)
    return w


def set_role(w: QWidget, role: str) -> None:
    """Change a styled role (ok / warning / error ...) and re-polish so the style sheet applies."""
    w.setProperty("role", role)
    w.style().unpolish(w)
    w.style().polish(w)


def scroll_page(parent: QWidget) -> tuple[QVBoxLayout, QWidget]:
    """A page whose body scrolls (readable at 150 % scaling on a small laptop)."""
    outer = QVBoxLayout(parent)
    outer.setContentsMargins(0, 0, 0, 0)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.setContentsMargins(24, 18, 24, 18)
    layout.setSpacing(12)
    layout.setAlignment(Qt.AlignmentFlag.AlignTop)
    area.setWidget(body)
    outer.addWidget(area)
    return layout, body
