"""Lone working on a home visit: what is due now, what the buddy is doing, and the three check buttons.

The laptop cannot call anyone; this panel only prompts and time-stamps.  The words are the app's own
(translated) for each phase, with the study pack's escalation step for what the buddy does now.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldwork_app.services.lonework import LoneWorkingState

from fieldwork_app.gui.formatting import moment_text
from fieldwork_app.gui.session.common import box
from fieldwork_app.gui.views.common import Reflow, fit_placeholder, label, set_role


def _hm(iso: str | None) -> str:
    return moment_text(iso)  # the time today; the day too for a visit on another day


def _t(text: str) -> str:
    return QCoreApplication.translate("LoneWorkPanel", text)


def phase_text(st: LoneWorkingState) -> str:
    """What is due now on this visit, in the app's own (translated) words; the study home says it too."""
    p = st.phase
    if p == "before":
        return _t("Check in with your buddy before you go in (the visit starts at %1).").replace(
            "%1", _hm(st.start)
        )
    if p == "check_in_due":
        return _t("Check in with your buddy now, before you go in (by %1).").replace(
            "%1", _hm(st.check_in_by)
        )
    if p == "check_in_overdue":
        return _t("Check in now: there was no check-in by %1.").replace("%1", _hm(st.check_in_by))
    if p == "in_visit":
        return (
            _t("Checked in at %1. Check out with your buddy by %2.")
            .replace("%1", _hm(st.checked_in_at))
            .replace("%2", _hm(st.expected_end))
        )
    if p == "check_out_due":
        return _t("The visit is due to end at %1: check out with your buddy now.").replace(
            "%1", _hm(st.expected_end)
        )
    if p == "check_out_overdue":
        return (
            _t("Check out with your buddy now: the visit was due to end at %1 (%2 min ago).")
            .replace("%1", _hm(st.expected_end))
            .replace("%2", str(st.overdue_minutes))
        )
    if p == "travelling":
        return _t("Checked out at %1. Confirm you are home safe when you get there.").replace(
            "%1", _hm(st.checked_out_at)
        )
    if p == "home_safe_overdue":
        return _t("Confirm you are home safe now (%1 min overdue).").replace("%1", str(st.overdue_minutes))
    if p == "code_word":
        return _t("Code word used at %1: your buddy is escalating now.").replace("%1", _hm(st.code_word_at))
    # closed
    return _t("Home safe at %1. The visit is closed.").replace("%1", _hm(st.home_safe_at))


def buddy_text(st: LoneWorkingState) -> str:
    """What the buddy is doing now: the study pack's step, or the app's words when the researcher is being called."""
    if st.buddy_now:
        return st.buddy_now
    if st.buddy_calling:
        return _t("Your buddy is calling you now, because there was no check-in by %1.").replace(
            "%1", _hm(st.check_in_by)
        )
    return ""


def can_record(st: LoneWorkingState, kind: str) -> bool:
    """Whether a check button makes sense now (home safe only after the check-out or the code word)."""
    if st.phase == "closed":
        return False
    if kind == "check_in":
        return st.checked_in_at is None
    if kind == "check_out":  # only the next step: check-out follows the check-in
        return st.checked_in_at is not None and st.checked_out_at is None
    if kind == "home_safe":
        return st.checked_out_at is not None or st.phase == "code_word"
    return st.code_word_at is None


class LoneWorkPanel(QWidget):
    record = Signal(str)  # check_in / check_out / home_safe / code_word
    buddy_sheet = Signal(bool)  # include the address
    unseal = Signal(str)  # reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group, lay = box(self.tr("Lone working"), "loneWorking")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.group)
        self.phase = label("", "subtitle")
        self.phase.setObjectName("loneWorkPhase")
        self.buddy = label("", "warning")
        self.buddy.setObjectName("loneWorkBuddy")
        self.times = label("", "hint")
        lay.addWidget(self.phase)
        lay.addWidget(self.buddy)
        lay.addWidget(self.times)
        # two by two when there is room, one under another on a narrow screen (the panel scrolls)
        grid = Reflow(columns=2, min_column=200)
        self.buttons: dict[str, QPushButton] = {}
        for kind, text in (
            ("check_in", self.tr("Checked in with my buddy")),
            ("check_out", self.tr("Checked out with my buddy")),
            ("home_safe", self.tr("Home safe")),
            ("code_word", self.tr("I used the code word")),
        ):
            b = QPushButton(text)
            b.setObjectName(f"lonework-{kind}")
            b.clicked.connect(lambda _c=False, k=kind: self.record.emit(k))
            self.buttons[kind] = b
            grid.add(b)
        lay.addWidget(grid)
        row2 = QVBoxLayout()
        self.sheet = QPushButton(self.tr("Save buddy sheet (PDF)…"))
        self.sheet.setObjectName("buddySheet")
        self.with_address = QCheckBox(self.tr("include the address (logged)"))
        self.with_address.setObjectName("buddySheetAddress")
        self.sheet.clicked.connect(lambda: self.buddy_sheet.emit(self.with_address.isChecked()))
        row2.addWidget(self.sheet, 0, Qt.AlignmentFlag.AlignLeft)
        row2.addWidget(self.with_address)
        lay.addLayout(row2)
        # side by side when there is room for the whole prompt, one under the other on a narrow screen
        row3 = Reflow(columns=2, min_column=160)
        lay.addWidget(row3)
        self.reason = QLineEdit()
        self.reason.setObjectName("unsealReason")
        self.reason.setPlaceholderText(self.tr("Why the address is needed"))
        fit_placeholder(self.reason)
        self.reason.setAccessibleName(self.tr("Reason to show the sealed address"))
        self.show_address = QPushButton(self.tr("Show sealed address"))
        self.show_address.setObjectName("unsealAddress")
        self.show_address.clicked.connect(self._unseal)
        self.address = QLabel()
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setObjectName("sealedAddress")
        self.address.setWordWrap(True)
        row3.add(self.reason)
        row3.add(self.show_address)
        lay.addWidget(self.address)

    def _unseal(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.address.setText(self.tr("Say why the address is needed; the view is logged."))
            set_role(self.address, "warning")
            self.reason.setFocus()
            return
        self.unseal.emit(reason)

    def show_address_text(self, details: dict[str, str]) -> None:
        text = details.get("address", "")
        if details.get("phone"):
            text += "\n" + self.tr("Phone: %1").replace("%1", details["phone"])
        self.address.setText(text)
        set_role(self.address, "")

    def hide_address(self) -> None:
        self.address.clear()
        self.reason.clear()

    def message_for(self, st: LoneWorkingState) -> str:
        return phase_text(st)

    def show_state(self, st: LoneWorkingState) -> None:
        self.phase.setText(self.message_for(st))
        set_role(self.phase, "warning" if st.escalating or st.due else "subtitle")
        buddy = buddy_text(st)
        self.buddy.setText(self.tr("Your buddy now: %1").replace("%1", buddy) if buddy else "")
        self.buddy.setVisible(bool(buddy))
        done = [
            (self.tr("checked in"), st.checked_in_at),
            (self.tr("checked out"), st.checked_out_at),
            (self.tr("home safe"), st.home_safe_at),
        ]
        self.times.setText("  ·  ".join(f"{w} {_hm(t)}" for w, t in done if t))
        for kind, b in self.buttons.items():
            b.setEnabled(can_record(st, kind))
        self.buttons["code_word"].setToolTip(
            self.tr("Record that you gave your buddy the code word: they escalate at once. %1").replace(
                "%1", st.code_word_action
            )
        )
        for kind, b in self.buttons.items():
            b.setProperty("role", "primary" if kind in st.due else "")
            b.style().unpolish(b)
            b.style().polish(b)
