"""Close-out: wellbeing check, support given, the thank-you vouchers, field and reflexive notes, follow-ups.

A voucher is given whether or not the session ended early (the form says so when it did).  A participant
due more than one of the study's vouchers (an e-voucher and a travel voucher) has each added to the list
and all are saved at once, as the command line's repeated ``--voucher`` does.  On a session with more than
one participant (a joint interview, a focus group) each voucher says whom it is for: the "For" list offers
the session's participants, and the type list that participant's vouchers.  Only the masked serial is
shown back; the full serial goes to the identity store through the service.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldwork_app.domain.pack import SignpostingEntry, Voucher

from fieldwork_app.gui.formatting import date_text, setup_date_edit
from fieldwork_app.gui.session.common import box, for_whom_text
from fieldwork_app.gui.views.common import label, scroll_page, set_role


class CloseOutForm(QWidget):
    save = Signal(dict, bool)  # fields for closeout.save, complete
    done = Signal()  # back to the study home

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closeOutForm")
        lay, _ = scroll_page(self)
        lay.addWidget(label(self.tr("Close-out"), "title"))
        self.early = label("", "warning")
        self.early.setObjectName("endedEarly")
        self.early.hide()
        lay.addWidget(self.early)
        # A home visit's check-out and home safe stay here, also once the session is completed.
        self.visit_lay = QVBoxLayout()
        lay.addLayout(self.visit_lay)

        g, glay = box(self.tr("Wellbeing check"))
        self.wellbeing = QPlainTextEdit()
        self.wellbeing.setObjectName("wellbeing")
        self.wellbeing.setAccessibleName(self.tr("Wellbeing check"))
        self.wellbeing.setTabChangesFocus(True)
        self.wellbeing.setPlaceholderText(self.tr("How is the participant feeling now? Do they feel safe?"))
        self.wellbeing.setMaximumHeight(90)
        glay.addWidget(self.wellbeing)
        lay.addWidget(g)

        g, self.support_lay = box(self.tr("Support list given"))
        self.support: dict[str, QCheckBox] = {}
        lay.addWidget(g)

        g, glay = box(self.tr("Thank-you voucher"))
        form = QFormLayout()
        glay.addLayout(form)
        self.voucher_given = QCheckBox(self.tr("Voucher given"))
        self.voucher_given.setObjectName("voucherGiven")
        form.addRow("", self.voucher_given)
        # A session with more than one participant: whom the voucher is for (hidden for one participant).
        self.voucher_for = QComboBox()
        self.voucher_for.setObjectName("voucherFor")
        self.voucher_for.setAccessibleName(self.tr("Voucher for"))
        self.voucher_for_label = QLabel(self.tr("For"))
        self.voucher_for_label.setBuddy(self.voucher_for)
        form.addRow(self.voucher_for_label, self.voucher_for)
        self.voucher_for_label.hide()
        self.voucher_for.hide()
        self.voucher_type = QComboBox()
        self.voucher_type.setObjectName("voucherType")
        form.addRow(self.tr("Type"), self.voucher_type)
        self.voucher_value = QDoubleSpinBox()
        self.voucher_value.setObjectName("voucherValue")
        self.voucher_value.setRange(0, 10_000)
        self.voucher_value.setDecimals(2)
        form.addRow(self.tr("Value"), self.voucher_value)
        self.serial = QLineEdit()
        self.serial.setObjectName("voucherSerial")
        self.serial.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.serial.setAccessibleName(self.tr("Voucher serial"))
        form.addRow(self.tr("Serial"), self.serial)
        self.masked = label("", "hint")
        self.masked.setObjectName("voucherMasked")
        form.addRow("", self.masked)
        self.despite = QCheckBox(self.tr("Given although the session ended early"))
        self.despite.setObjectName("voucherDespite")
        form.addRow("", self.despite)
        self.voucher_type.currentIndexChanged.connect(self._voucher_default)
        self._vouchers: list[Voucher] = []
        self._by_participant: dict[str, tuple[Voucher, ...]] = {}
        self.voucher_for.currentIndexChanged.connect(self._participant_chosen)
        # The vouchers to save: each added one, then the one whose serial is typed in but not added yet.
        row = QHBoxLayout()
        self.add_voucher_button = QPushButton(self.tr("Add voucher"))
        self.add_voucher_button.setObjectName("addVoucher")
        self.add_voucher_button.setToolTip(self.tr("Add this voucher to the list and enter another"))
        self.add_voucher_button.clicked.connect(self._add_voucher)
        self.remove_voucher_button = QPushButton(self.tr("Remove voucher"))
        self.remove_voucher_button.setObjectName("removeVoucher")
        self.remove_voucher_button.setEnabled(False)
        self.remove_voucher_button.clicked.connect(self._remove_voucher)
        row.addWidget(self.add_voucher_button)
        row.addWidget(self.remove_voucher_button)
        row.addStretch(1)
        glay.addLayout(row)
        self.voucher_list = QListWidget()
        self.voucher_list.setObjectName("vouchersToGive")
        self.voucher_list.setAccessibleName(self.tr("Vouchers to save"))
        self.voucher_list.setMaximumHeight(70)
        self.voucher_list.currentRowChanged.connect(lambda r: self.remove_voucher_button.setEnabled(r >= 0))
        glay.addWidget(self.voucher_list)
        self._given: list[dict[str, Any]] = []
        self._stored = 0  # vouchers already saved for this session
        lay.addWidget(g)

        g, glay = box(self.tr("Notes"))
        self.field_notes = QPlainTextEdit()
        self.field_notes.setObjectName("fieldNotes")
        self.field_notes.setAccessibleName(self.tr("Field notes"))
        self.field_notes.setPlaceholderText(self.tr("Field notes: setting, interruptions, what stood out"))
        self.reflexive = QPlainTextEdit()
        self.reflexive.setObjectName("reflexiveNote")
        self.reflexive.setAccessibleName(self.tr("Reflexive note"))
        self.reflexive.setPlaceholderText(self.tr("Reflexive note: your own reactions and assumptions"))
        for w in (self.field_notes, self.reflexive):
            w.setTabChangesFocus(True)
            w.setMaximumHeight(90)
            glay.addWidget(w)
        lay.addWidget(g)

        g, glay = box(self.tr("Follow-up tasks"))
        row = QHBoxLayout()
        self.task_title = QLineEdit()
        self.task_title.setObjectName("followUpTitle")
        self.task_title.setPlaceholderText(self.tr("What to do (no personal details)"))
        self.task_title.setAccessibleName(self.tr("Follow-up task"))
        self.task_due = QDateEdit(QDate.currentDate().addDays(1))
        self.task_due.setObjectName("followUpTaskDue")
        self.task_due.setCalendarPopup(True)
        setup_date_edit(self.task_due)
        self.task_due.setAccessibleName(self.tr("Follow-up task due"))
        add = QPushButton(self.tr("Add task"))
        add.setObjectName("addFollowUp")
        add.clicked.connect(self._add_task)
        row.addWidget(self.task_title, 1)
        row.addWidget(self.task_due)
        row.addWidget(add)
        glay.addLayout(row)
        self.tasks = QListWidget()
        self.tasks.setObjectName("followUps")
        self.tasks.setMaximumHeight(90)
        glay.addWidget(self.tasks)
        self._follow_ups: list[dict[str, Any]] = []
        lay.addWidget(g)

        self.status = label("", "hint")
        self.status.setObjectName("closeOutStatus")
        lay.addWidget(self.status)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("closeOutSave")
        self.save_button.clicked.connect(lambda: self.save.emit(self.fields(), False))
        self.complete_button = QPushButton(self.tr("Complete session"))
        self.complete_button.setObjectName("completeSession")
        self.complete_button.setProperty("role", "primary")
        self.complete_button.clicked.connect(lambda: self.save.emit(self.fields(), True))
        self.home_button = QPushButton(self.tr("Back to the study home"))
        self.home_button.setObjectName("closeOutHome")
        self.home_button.clicked.connect(self.done)
        self.home_button.hide()
        row.addWidget(self.save_button)
        row.addWidget(self.complete_button)
        row.addStretch(1)
        row.addWidget(self.home_button)
        lay.addLayout(row)

    def set_study(
        self,
        support: tuple[SignpostingEntry, ...],
        vouchers: tuple[Voucher, ...],
        by_participant: dict[str, tuple[Voucher, ...]] | None = None,
        support_for: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        """The support list and the vouchers offered; ``by_participant`` (more than one participant) the
        vouchers each participant of the session is due, chosen in the "For" list; ``support_for`` the
        support entries offered to some of them only, with whom each is for (said beside it)."""
        for e in sorted(support, key=lambda e: not e.emergency):
            cb = QCheckBox(for_whom_text(e.name, (support_for or {}).get(e.id, ())))
            cb.setObjectName(f"given-{e.id}")
            self.support[e.id] = cb
            self.support_lay.addWidget(cb)
        self._by_participant = dict(by_participant or {}) if len(by_participant or {}) > 1 else {}
        if self._by_participant:
            self.voucher_for.blockSignals(True)
            for pid in self._by_participant:
                self.voucher_for.addItem(pid, pid)
            self.voucher_for.blockSignals(False)
            self.voucher_for.show()
            self.voucher_for_label.show()
            self._set_vouchers(self._by_participant[self.voucher_for.currentData()])
            self.voucher_given.setChecked(any(self._by_participant.values()))
        else:
            self._set_vouchers(tuple(vouchers))
            self.voucher_given.setChecked(bool(vouchers))

    def _set_vouchers(self, vouchers: tuple[Voucher, ...]) -> None:
        self._vouchers = list(vouchers)
        self.voucher_type.blockSignals(True)
        self.voucher_type.clear()
        for v in vouchers:
            self.voucher_type.addItem(f"{v.type} ({v.provider})", v.type)
        self.voucher_type.blockSignals(False)
        self._voucher_default(self.voucher_type.currentIndex())

    def _participant_chosen(self, index: int) -> None:
        pid = self.voucher_for.itemData(index)
        if pid in self._by_participant:
            self._set_vouchers(self._by_participant[pid])
            self._next_unlisted()

    def _voucher_default(self, index: int) -> None:
        if 0 <= index < len(self._vouchers):
            self.voucher_value.setValue(float(self._vouchers[index].value))

    def _typed_voucher(self) -> dict[str, Any] | None:
        """The voucher as the fields show it, when its serial is typed in."""
        if not self.voucher_type.count() or not self.serial.text().strip():
            return None
        v: dict[str, Any] = {
            "type": self.voucher_type.currentData(),
            "value": str(Decimal(str(round(self.voucher_value.value(), 2)))),
            "serial": self.serial.text(),
            "given_despite_early_stop": self.despite.isChecked(),
        }
        if self._by_participant:
            v["participant_id"] = self.voucher_for.currentData()
            index = self.voucher_type.currentIndex()
            if 0 <= index < len(self._vouchers):
                v["voucher"] = self._vouchers[index].id
        return v

    def _voucher_line(self, v: dict[str, Any]) -> str:
        vouchers = self._by_participant.get(v.get("participant_id", ""), tuple(self._vouchers))
        known = next((k for k in vouchers if k.type == v["type"]), None)
        name = f"{known.type} ({known.provider})" if known else str(v["type"])
        serial = str(v["serial"]).strip()
        masked = "****" + (serial[-4:] if len(serial) > 4 else "")
        line = f"{name} · {self.voucher_value.textFromValue(float(v['value']))} · {masked}"
        if self._by_participant:
            line = self.tr("%1: %2").replace("%1", str(v.get("participant_id"))).replace("%2", line)
        return line

    def _with(self, given: list[dict[str, Any]], v: dict[str, Any]) -> list[dict[str, Any]]:
        """``given`` with ``v`` in it: one of each type for each participant (the same type for the same
        participant again replaces the one listed)."""

        def same(g: dict[str, Any]) -> bool:
            return bool(g["type"] == v["type"] and g.get("participant_id") == v.get("participant_id"))

        return [g for g in given if not same(g)] + [v]

    def _next_unlisted(self) -> bool:
        """Offer the chosen participant's next voucher not on the list (False when all are listed)."""
        pid = self.voucher_for.currentData() if self._by_participant else None
        listed = {g["type"] for g in self._given if g.get("participant_id") == pid}
        nxt = next((i for i in range(self.voucher_type.count()) if self.voucher_type.itemData(i) not in listed), -1)
        if nxt >= 0:
            self.voucher_type.setCurrentIndex(nxt)
        return nxt >= 0

    def _add_voucher(self) -> None:
        v = self._typed_voucher()
        if v is None:
            self.serial.setFocus()
            return
        self._given = self._with(self._given, v)
        self._show_given()
        self.serial.clear()
        if not self._next_unlisted() and self._by_participant:
            # this participant's vouchers are all listed: the next participant still due one
            for i in range(self.voucher_for.count()):
                pid = self.voucher_for.itemData(i)
                listed = {g["type"] for g in self._given if g.get("participant_id") == pid}
                if any(k.type not in listed for k in self._by_participant[pid]):
                    self.voucher_for.setCurrentIndex(i)
                    break
        self.serial.setFocus()

    def _remove_voucher(self) -> None:
        row = self.voucher_list.currentRow()
        if 0 <= row < len(self._given):
            del self._given[row]
            self._show_given()
        self.voucher_list.setFocus()

    def _show_given(self) -> None:
        self.voucher_list.clear()
        for v in self._given:
            self.voucher_list.addItem(self._voucher_line(v))
        self.remove_voucher_button.setEnabled(self.voucher_list.currentRow() >= 0)

    def set_ended_early(self, early: bool, reason: str | None = None) -> None:
        self.despite.setChecked(early)
        self.despite.setVisible(early)
        if early:
            text = self.tr("The session ended early. The voucher is still given.")
            if reason:
                text += " " + self.tr("Reason recorded: %1").replace("%1", reason)
            self.early.setText(text)
        self.early.setVisible(early)

    def tick_support(self, entries: tuple[str, ...]) -> None:
        for eid in entries:
            if eid in self.support:
                self.support[eid].setChecked(True)

    def _add_task(self) -> None:
        title = self.task_title.text().strip()
        if not title:
            self.task_title.setFocus()
            return
        due = self.task_due.date().toString("yyyy-MM-dd")
        self._follow_ups.append({"title": title, "due": due})
        self.tasks.addItem(f"{date_text(due)}  {title}")
        self.task_title.clear()

    def missing(self) -> tuple[QWidget, str] | None:
        """The first required field left empty, with what to say about it (None when all are filled)."""
        if (
            self.voucher_given.isChecked()
            and self.voucher_type.count()
            and not self.serial.text().strip()
            and not self._given
            and not self._stored
        ):
            return self.serial, self.tr("Enter the voucher's serial, or untick \"Voucher given\".")
        return None

    def fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "wellbeing": self.wellbeing.toPlainText(),
            "signposting_given": [eid for eid, cb in self.support.items() if cb.isChecked()],
            "field_notes": self.field_notes.toPlainText(),
            "reflexive_note": self.reflexive.toPlainText(),
            "follow_ups": list(self._follow_ups),
        }
        if self.voucher_given.isChecked() and self.voucher_type.count():
            vouchers = list(self._given)
            typed = self._typed_voucher()
            if typed is not None:
                vouchers = self._with(vouchers, typed)
            if vouchers:
                out["vouchers"] = vouchers
        return out

    def restore(self, body: dict[str, Any] | None) -> None:
        """A close-out saved before the session was opened again, shown as it was saved: the wellbeing check,
        the support ticked, the notes and the follow-ups (so that saving again keeps them), and the stored
        vouchers by their masked serials."""
        if not body:
            return
        self.wellbeing.setPlainText(str(body.get("wellbeing") or ""))
        self.field_notes.setPlainText(str(body.get("field_notes") or ""))
        self.reflexive.setPlainText(str(body.get("reflexive_note") or ""))
        self.tick_support(tuple(body.get("signposting_given") or ()))
        self._follow_ups = [{"title": f["title"], "due": f.get("due")} for f in body.get("follow_ups") or []]
        self.tasks.clear()
        for f in self._follow_ups:
            self.tasks.addItem(f"{date_text(f['due'])}  {f['title']}")
        self.show_stored(body)

    def show_stored(self, body: dict[str, Any] | None) -> None:
        """The vouchers the saved close-out holds, by their masked serials: with one stored, saving again
        needs no serial typed in."""
        body = body or {}
        stored = list((body.get("vouchers") or {}).values()) or ([body["voucher"]] if body.get("voucher") else [])
        if stored:
            serials = ", ".join(self._stored_line(v) for v in stored)
            self.masked.setText(self.tr("Stored as %1").replace("%1", serials))
        self._stored = len(stored)

    def _stored_line(self, v: dict[str, Any]) -> str:
        if not self._by_participant:
            return str(v.get("masked_serial", ""))
        masked = str(v.get("masked_serial", ""))
        return self.tr("%1: %2").replace("%1", str(v.get("participant_id"))).replace("%2", masked)

    def show_saved(self, body: dict[str, Any], completed: bool) -> None:
        self.show_stored(body)
        self._given = []  # saved: what is listed now is what is still to save
        self._show_given()
        self.serial.clear()
        if completed:
            self.status.setText(self.tr("Session completed and queued for sync."))
            set_role(self.status, "ok")
            for w in (self.save_button, self.complete_button):
                w.setEnabled(False)
            self.home_button.show()
            self.home_button.setFocus()
        else:
            self.status.setText(self.tr("Close-out saved."))
            set_role(self.status, "ok")
