"""A layout that places its items left to right and goes on to the next line when the width runs out.

The session screen's recording bar uses it so that its buttons keep their whole text in a long language
(or at a large font) on a 1024 px screen: a group of buttons that no longer fits beside the others moves
under them, and the bar grows a line, instead of widening the window or cutting a word.

``spread``: the spare room of a line goes between its items (two groups on one line: the second sits at the
right edge; alone on a later line, it stays at the right).  An item whose widget's horizontal size policy
expands (a status line) takes the rest of its line, or the whole of the next one when less than its minimum
width is left, and is as tall as its text asks for at that width.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(
        self, parent: QWidget | None = None, *, spacing: int = 6, line_spacing: int = 4, spread: bool = False
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = line_spacing
        self._spread = spread
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout's item list ------------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes ----------------------------------------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Everything on one line."""
        shown = self._shown()
        m = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in shown) + self._spacing * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        """As narrow as the widest item: every other one can go onto a line of its own."""
        m = self.contentsMargins()
        width = max((self._least_width(i) for i in self._shown()), default=0)
        height = max((i.minimumSize().height() for i in self._shown()), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    # -- placing ------------------------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    @staticmethod
    def _fills(item: QLayoutItem) -> bool:
        w = item.widget()
        return w is not None and bool(w.sizePolicy().expandingDirections() & Qt.Orientation.Horizontal)

    def _least_width(self, item: QLayoutItem) -> int:
        return item.minimumSize().width() if self._fills(item) else item.sizeHint().width()

    def _height(self, item: QLayoutItem, width: int) -> int:
        if item.hasHeightForWidth():
            return max(item.heightForWidth(width), item.minimumSize().height())
        return item.sizeHint().height()

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        room = max(1, area.width())
        lines: list[list[tuple[QLayoutItem, int]]] = []
        line: list[tuple[QLayoutItem, int]] = []
        used = 0
        for item in self._shown():
            start = used + (self._spacing if line else 0)
            need = self._least_width(item)
            if line and start + need > room:
                lines.append(line)
                line, start = [], 0
            width = max(need, room - start) if self._fills(item) else min(item.sizeHint().width(), room)
            line.append((item, min(width, room)))
            used = start + min(width, room)
        if line:
            lines.append(line)
        y = area.y()
        for line in lines:
            height = max(self._height(item, width) for item, width in line)
            spare = room - sum(width for _, width in line) - self._spacing * (len(line) - 1)
            gap = self._spacing + (spare // (len(line) - 1) if self._spread and len(line) > 1 and spare > 0 else 0)
            x = area.x()
            if self._spread and len(line) == 1 and line is not lines[0] and spare > 0:
                x += spare  # a group alone on a later line keeps to the right, where it was
            for item, width in line:
                h = self._height(item, width) if self._fills(item) else min(item.sizeHint().height(), height)
                if apply:
                    item.setGeometry(QRect(QPoint(x, y + (height - h) // 2), QSize(width, h)))
                x += width + gap
            y += height + self._line_spacing
        if lines:
            y -= self._line_spacing
        return y - rect.y() + m.bottom()
