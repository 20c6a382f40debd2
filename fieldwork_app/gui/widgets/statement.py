"""One consent statement: its text, required/optional, yes/no (none chosen), initials where the form says."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldwork_app.services import condition_words

from fieldwork_app.gui.consent.presenter import StatementModel
from fieldwork_app.gui.views.common import label, set_role


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
            row.addWidget(label(self.tr("Initials:"), wrap=False))
            row.addWidget(self.initials)
        self.time = label("", "hint", wrap=False)
        row.addWidget(self.time)
        row.addStretch(1)
        lay.addLayout(row)
        self.required_tag = tag
        # Whom the statement is for (format 2): asked only where it applies, greyed where it does not.
        self.condition = label("", "hint")
        self.condition.setObjectName(f"statement-{statement.id}-applies")
        lay.addWidget(self.condition)
        self.condition.setVisible(False)
        self.applies: bool | None = True

    def set_applies(self, applies: bool | None) -> None:
        """Show whether the statement is asked of this participant: True (asked), None (asked only once an
        earlier answer is given) or False (does not apply: greyed, its answer buttons hidden, not asked)."""
        self.applies = applies
        why = condition_words.conditions(self.statement.conditions, QCoreApplication.translate)
        asked_only_where = self.tr("Asked only where %1.").replace("%1", why)
        self.yes.setVisible(applies is not False)
        self.no.setVisible(applies is not False)
        if self.initials is not None:
            self.initials.setVisible(applies is not False)
        self.text.setEnabled(applies is not False)
        if applies is False:
            self.tag.setText(self.tr("Does not apply to this participant: not asked"))
            set_role(self.tag, "hint")
            self.condition.setText(asked_only_where)
            self.clear()
        else:
            self.tag.setText(self.required_tag)
            set_role(self.tag, "warning" if self.statement.required else "hint")
            self.condition.setText(asked_only_where if applies is None else "")
        self.condition.setVisible(bool(self.condition.text()))
        self.setEnabled(True)

    def clear(self) -> None:
        """No answer chosen (a statement that stopped applying loses the answer it had)."""
        self.group.setExclusive(False)
        self.yes.setChecked(False)
        self.no.setChecked(False)
        self.group.setExclusive(True)
        self.time.setText("")
        if self.initials is not None:
            self.initials.blockSignals(True)
            self.initials.clear()
            self.initials.blockSignals(False)

    def set_time(self, seconds: float) -> None:
        m, s = divmod(int(seconds), 60)
        self.time.setText(
            self.tr("answered at %1 on the consent recording").replace("%1", f"{m:02d}:{s:02d}")
        )
