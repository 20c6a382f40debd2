"""Small helpers shared by the screens: translated status words, titled labels, page scaffolding."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QStyleOptionFrame,
    QVBoxLayout,
    QWidget,
)


def _t(text: str) -> str:
    return QCoreApplication.translate("Status", text)


def status_text(status: str) -> str:
    """A status in the user's words; one this version does not know is shown as the core names it."""
    return {
        "not_screened": _t("not screened"),
        "eligible": _t("eligible"),
        "not_eligible": _t("not eligible"),
        "consented": _t("consented"),
        "interviewed": _t("interviewed"),
        "withdrawn": _t("withdrawn"),
        "planned": _t("planned"),
        "ready": _t("ready"),
        "in_progress": _t("in progress"),
        "completed": _t("completed"),
    }.get(status, status.replace("_", " "))


def format_text(fmt: str) -> str:
    return {
        "interview": _t("interview"),
        "focus_group": _t("focus group"),
        "joint_interview": _t("joint interview"),
    }.get(fmt, fmt)


def location_text(kind: str) -> str:
    return {
        "home": _t("home visit"),
        "clinic": _t("clinic or office"),
        "remote_video": _t("video call"),
        "phone": _t("phone"),
    }.get(kind, kind)


def label(text: str, role: str = "", wrap: bool = True) -> QLabel:
    """A label that shows its text exactly as given.  Pack and participant text arrives by e-mail or from a
    person: a label that guessed "rich text" would render markup (a clause in 1 px transparent type, say), so
    the screen would differ from the text stored and signed."""
    w = QLabel(text)
    w.setTextFormat(Qt.TextFormat.PlainText)
    w.setWordWrap(wrap)
    if role:
        w.setProperty("role", role)
    return w


def plain_tip(text: str) -> str:
    """A tooltip showing ``text`` as written.  Qt guesses whether a tooltip is rich text and has no switch for
    one tooltip; text from a pack, a participant or a store's error is escaped, so markup in it is shown as
    characters and never rendered."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


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


class Reflow(QWidget):
    """Boxes side by side when the page is wide enough, one under another when it is not.

    A page of two columns of group boxes needs about 1000 px; on a 1024 px screen beside the navigation
    it would scroll sideways.  This container puts its boxes in ``columns`` columns only while each
    gets at least ``min_column`` px, and its minimum width is that of its widest box, so the page never
    forces the window wider.
    """

    def __init__(self, columns: int = 2, min_column: int = 440, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._min_column = min_column
        self._items: list[QWidget] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(12)
        self._shown = 0

    def add(self, widget: QWidget) -> None:
        self._items.append(widget)
        self._place(self._fit(self.width()), force=True)

    def _fit(self, width: int) -> int:
        # a column is never narrower than what its widest box asks for (a button's text is never cut)
        column = max(
            [self._min_column]
            + [w.sizeHint().expandedTo(w.minimumSize()).width() for w in self._items if not w.isHidden()]
        )
        room = self._columns * column + (self._columns - 1) * self._grid.spacing()
        return self._columns if width >= room else 1

    def _place(self, columns: int, force: bool = False) -> None:
        if columns == self._shown and not force:
            return
        self._shown = columns
        for w in self._items:
            self._grid.removeWidget(w)
        for c in range(self._columns):
            self._grid.setColumnStretch(c, 0)
        for i, w in enumerate(self._items):
            self._grid.addWidget(w, i // columns, i % columns)
        for c in range(columns):
            self._grid.setColumnStretch(c, 1)
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._place(self._fit(event.size().width()))
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = max((w.minimumSizeHint().width() for w in self._items if not w.isHidden()), default=0)
        return QSize(width, self._grid.minimumSize().height())


def fit_placeholder(edit: QLineEdit) -> None:
    """The line edit is never narrower than its whole placeholder (the prompt that says what to type)."""
    edit.ensurePolished()  # the style sheet's padding and font count
    opt = QStyleOptionFrame()
    edit.initStyleOption(opt)
    inner = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, opt, edit)
    m = edit.textMargins()
    frame = opt.rect.width() - inner.width() + m.left() + m.right() + 2 * 2  # QLineEdit's own 2 px a side
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + frame + 1)
