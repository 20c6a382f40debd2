"""A signature pad: mouse, pen (tablet) or finger (touch); the strokes are kept as an SVG path."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(320, 110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Signature"))
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._path = QPainterPath()
        self._commands: list[str] = []
        self._drawing = False

    # -- strokes -----------------------------------------------------------------------------------
    def _begin(self, p: QPointF) -> None:
        self._drawing = True
        self._path.moveTo(p)
        self._commands.append(f"M {p.x():.1f} {p.y():.1f}")
        self.update()

    def _extend(self, p: QPointF) -> None:
        if not self._drawing:
            return
        self._path.lineTo(p)
        self._commands.append(f"L {p.x():.1f} {p.y():.1f}")
        self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, e: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if e.button() == Qt.MouseButton.LeftButton:
            self._begin(e.position())

    def mouseMoveEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        self._extend(e.position())

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        self._extend(e.position())
        self._end()

    def tabletEvent(self, e: QTabletEvent) -> None:  # noqa: N802
        t = e.type()
        if t == e.Type.TabletPress:
            self._begin(e.position())
        elif t == e.Type.TabletMove:
            self._extend(e.position())
        elif t == e.Type.TabletRelease:
            self._end()
        e.accept()

    def event(self, e: QEvent) -> bool:
        t = e.type()
        if t in (e.Type.TouchBegin, e.Type.TouchUpdate, e.Type.TouchEnd):
            points = e.points() if isinstance(e, QTouchEvent) else []
            if points:
                pos = points[0].position()
                if t == e.Type.TouchBegin:
                    self._begin(pos)
                elif t == e.Type.TouchUpdate:
                    self._extend(pos)
                else:
                    self._end()
            e.accept()
            return True
        return super().event(e)

    # -- result ------------------------------------------------------------------------------------
    @property
    def empty(self) -> bool:
        return not any(c.startswith("L") for c in self._commands)

    def path_data(self) -> str:
        return " ".join(self._commands)

    def svg(self) -> str:
        """The signature as a small SVG document with one ``<path d="M x y L x y ...">``."""
        if self.empty:
            return ""
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width()} {self.height()}">'
            f'<path d="{self.path_data()}" fill="none" stroke="black" stroke-width="2"/></svg>'
        )

    def clear(self) -> None:
        self._path = QPainterPath()
        self._commands.clear()
        self.update()
        self.changed.emit()

    def paintEvent(self, _e: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        p.setPen(
            QPen(QColor("#c76b00") if self.hasFocus() else QColor("#7d8d95"), 2 if self.hasFocus() else 1)
        )
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        base = self.height() - 24
        p.setPen(QPen(QColor("#b8c2c6"), 1, Qt.PenStyle.DashLine))
        p.drawLine(12, base, self.width() - 12, base)
        p.setPen(
            QPen(
                QColor("#111111"),
                2,
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )
        p.drawPath(self._path)
        p.end()
