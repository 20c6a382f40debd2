"""The mouse wheel scrolls the page, never the value of a field the researcher has not clicked into.

Qt lets a spin box, a date field or a drop-down take wheel turns whenever the pointer passes over it, so
scrolling down Prepare could change "Planned length" from 45 to 42 without anyone noticing.  This filter,
installed once on the application, hands such a wheel turn to the scroll area around the field instead;
a field with keyboard focus (clicked into, or reached by Tab) still takes the wheel as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

_GUARDED = (QAbstractSpinBox, QComboBox)


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, _GUARDED):
            return False
        if watched.hasFocus():
            return False
        area = _scroll_area(watched)
        if area is not None:
            QCoreApplication.sendEvent(area.viewport(), event)
        return True  # never a value change for a field without focus


def _scroll_area(w: QWidget) -> QAbstractScrollArea | None:
    parent = w.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


_installed: dict[int, WheelGuard] = {}  # held here: a filter whose Python side is collected stops filtering


def install(app: QApplication) -> None:
    """Install the guard once per application (calling again does nothing)."""
    if id(app) in _installed:
        return
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    _installed[id(app)] = guard
