"""One consent statement: its text, required/optional, yes/no (none chosen), initials where the form says."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldwork_app.gui.consent.presenter import StatementModel
from fieldwork_app.gui.views.common import label


class StatementRow(QFrame):
    answered = Signal(str, bool)  # statement id, value
    initials_changed = Signal(str, str)

    def __init__(
        self, number: int, statement: StatementModel, mode: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.statement = statement
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"statement-{statement.id}")
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        tag = self.tr("Required") if statement.required else self.tr("Optional")
        self.tag = label(tag, "warning" if statement.required else "hint", wrap=False)
        number_label = label(f"{statement.id}.", wrap=False)
        bold = number_label.font()
        bold.setBold(True)
        number_label.setFont(bold)
        head.addWidget(number_label)
        head.addWidget(self.tag)
        head.addStretch(1)
        lay.addLayout(head)
        text = statement.prompt if mode == "verbal" else statement.text
        self.text = label((self.tr("Ask: ") + text) if mode == "verbal" else text)
        lay.addWidget(self.text)
        row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.yes = QRadioButton(self.tr("Yes"))
        self.no = QRadioButton(self.tr("No"))
        for b, v in ((self.yes, 1), (self.no, 0)):
            b.setAccessibleName(f"{statement.id} {b.text()} ({tag})")
            self.group.addButton(b, v)
            row.addWidget(b)
        self.group.idClicked.connect(lambda v: self.answered.emit(statement.id, bool(v)))
        self.initials: QLineEdit | None = None
        if mode == "written" and statement.initials:
            self.initials = QLineEdit()
            self.initials.setMaxLength(4)
            self.initials.setFixedWidth(80)
            self.initials.setPlaceholderText(self.tr("initials"))
            self.initials.setAccessibleName(self.tr("Initials for statement %1").replace("%1", statement.id))
            self.initials.textChanged.connect(lambda t: self.initials_changed.emit(statement.id, t))
            row.addWidget(QLabel(self.tr("Initials:")))
            row.addWidget(self.initials)
        self.time = label("", "hint", wrap=False)
        row.addWidget(self.time)
        row.addStretch(1)
        lay.addLayout(row)

    def set_time(self, seconds: float) -> None:
        m, s = divmod(int(seconds), 60)
        self.time.setText(
            self.tr("answered at %1 on the consent recording").replace("%1", f"{m:02d}:{s:02d}")
        )
