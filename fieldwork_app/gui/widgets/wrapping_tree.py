"""A tree whose columns share its width and whose long texts wrap onto more lines instead of being cut.

``QTreeView`` draws wrapped text when word wrap is on, but it measures each row as if its columns were
unbounded (one line), and keeps that height when a column changes width: a long status in a narrow column
is then cut after its first line.  :func:`wrap_columns` gives the tree a delegate that measures each cell
at its column's width, and lays the rows out again whenever a column is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTreeView, QTreeWidget


class _CellWidthDelegate(QStyledItemDelegate):
    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        header = self._view.header()
        if header.sectionResizeMode(index.column()) is QHeaderView.ResizeMode.ResizeToContents:
            return super().sizeHint(option, index)  # a column as wide as its texts: measured on one line
        width = header.sectionSize(index.column())
        if index.column() == 0:  # the first column also holds the branch lines, one step per level
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self._view.indentation() * (depth + (1 if self._view.rootIsDecorated() else 0))
        opt = QStyleOptionViewItem(option)
        opt.rect.setRect(0, 0, max(1, width), max(1, option.rect.height()))
        return super().sizeHint(opt, index)


def wrap_columns(tree: QTreeView) -> None:
    """Long cell texts wrap at their column's width; the tree never scrolls sideways (set the columns'
    resize modes so that they share the width, e.g. ``QHeaderView.ResizeMode.Stretch``).  Call it after the
    header's titles are set: each gets a tooltip, for a column too narrow to show it whole."""
    tree.setWordWrap(True)
    tree.setUniformRowHeights(False)
    tree.setTextElideMode(Qt.TextElideMode.ElideNone)
    tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    tree.setItemDelegate(_CellWidthDelegate(tree))
    if isinstance(tree, QTreeWidget):  # a title cut short in a narrow column is shown whole on hover
        header_item = tree.headerItem()
        for column in range(header_item.columnCount()):
            header_item.setToolTip(column, header_item.text(column))
    later = QTimer(tree)
    later.setSingleShot(True)
    later.setInterval(0)
    later.timeout.connect(tree.doItemsLayout)
    tree.header().sectionResized.connect(lambda *_: later.start())
