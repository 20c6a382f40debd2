"""What a person sees of a window: every visible widget that lies (partly) outside it, and every
horizontal scroll bar, for the "fits a 1024x600 screen" tests.

A widget inside a scroll area may lie below the visible part (the page scrolls up and down), but never to
the right of it: the app must never need sideways scrolling.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QScrollBar, QWidget

SLACK = 1  # pixels of rounding


def _describe(w: QWidget) -> str:
    parts = []
    x: QWidget | None = w
    while x is not None and len(parts) < 4:
        parts.append(x.objectName() or type(x).__name__)
        x = x.parentWidget()
    text = getattr(w, "text", None)
    label = text() if callable(text) else ""
    return "/".join(reversed(parts)) + (f" {label[:30]!r}" if isinstance(label, str) and label else "")


def _viewport_of(w: QWidget, window: QWidget) -> QWidget | None:
    """The innermost scroll area viewport that holds ``w`` (None when none does)."""
    x = w.parentWidget()
    while x is not None and x is not window:
        parent = x.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and parent.viewport() is x:
            return x
        x = parent
    return None


def _shown(w: QWidget, window: QWidget) -> bool:
    return w.isVisibleTo(window) and w.isVisible() and w.width() > 0 and w.height() > 0


def outside(window: QWidget) -> list[str]:
    """Visible widgets not wholly inside the window (sideways also: not inside their scroll viewport)."""
    frame = window.rect()
    problems: list[str] = []
    for w in window.findChildren(QWidget):
        if not _shown(w, window) or w.isWindow():
            continue
        if isinstance(w, QScrollBar):
            if w.orientation().name == "Horizontal" and w.maximum() > 0:
                problems.append(f"horizontal scroll bar: {_describe(w.parentWidget() or w)}")
            continue
        top_left = w.mapTo(window, QPoint(0, 0))
        r = QRect(top_left, w.size())
        view = _viewport_of(w, window)
        if view is not None:
            if not _shown(view, window):
                continue
            vr = QRect(view.mapTo(window, QPoint(0, 0)), view.size())
            # only widgets in the part shown can be judged; the right edge must never pass the viewport
            if r.bottom() < vr.top() or r.top() > vr.bottom():
                continue
            if r.right() > vr.right() + SLACK or r.left() < vr.left() - SLACK:
                problems.append(f"{_describe(w)} {r.getRect()} beyond its scroll area {vr.getRect()}")
            continue
        if (
            r.left() < frame.left() - SLACK
            or r.top() < frame.top() - SLACK
            or r.right() > frame.right() + SLACK
            or r.bottom() > frame.bottom() + SLACK
        ):
            problems.append(f"{_describe(w)} {r.getRect()} outside the window {frame.getRect()}")
    return problems


def clipped_buttons(window: QWidget) -> list[str]:
    """Visible buttons narrower than their text asks for (the text is cut: "hecked in with my budd")."""
    from PySide6.QtWidgets import QAbstractButton

    problems: list[str] = []
    for b in window.findChildren(QAbstractButton):
        if not _shown(b, window) or not b.text():
            continue
        if b.sizeHint().width() > b.width() + SLACK:
            problems.append(f"{_describe(b)} is {b.width()} px wide, its text needs {b.sizeHint().width()}")
    return problems
