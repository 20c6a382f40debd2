"""Icons (SVG in ``resources/icons``) and the style sheet (QSS in ``resources/styles``)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QDir
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from fieldwork_app.paths import resources_dir


def register_search_paths() -> None:
    QDir.addSearchPath("icons", str(resources_dir() / "icons"))


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(resources_dir() / "icons" / f"{name}.svg"))


def style_sheet(name: str = "fieldwork") -> str:
    path = resources_dir() / "styles" / f"{name}.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def apply_style(app: QApplication) -> None:
    """The app's look and its calm behaviour, the same in every window (the wheel scrolls pages)."""
    from fieldwork_app.gui.widgets import wheel_guard

    register_search_paths()
    # Each is set only when it differs: setting either again re-polishes every widget the app holds.
    if app.property("fieldwork_style") != "Fusion":  # (under a style sheet, app.style() is the sheet's)
        app.setStyle("Fusion")
        app.setProperty("fieldwork_style", "Fusion")
    sheet = style_sheet()
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    wheel_guard.install(app)
