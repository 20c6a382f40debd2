"""Participants: add (pseudonymous id), screen eligibility, identity details on request, withdrawal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldwork_app.domain.records import Participant

from fieldwork_app.gui.context import AppContext
from fieldwork_app.gui.formatting import setup_date_edit
from fieldwork_app.gui.forms.ui_identity_reason import Ui_IdentityReasonDialog
from fieldwork_app.gui.forms.ui_withdraw import Ui_WithdrawDialog
from fieldwork_app.gui.messages import describe
from fieldwork_app.gui.participants import presenter
from fieldwork_app.gui.resources import icon
from fieldwork_app.gui.views.common import Reflow, label, scroll_page, set_role, status_text


class ParticipantsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.p = presenter.ParticipantsPresenter(ctx, self)
        self._model: presenter.Model | None = None
        layout, _ = scroll_page(self)
        layout.addWidget(label(self.tr("Participants"), "title"))
        layout.addWidget(
            label(
                self.tr(
                    "Participants are known here by their study id only. Names and contact details are kept "
                    "apart and shown only when you ask, with the reason recorded."
                ),
                "hint",
            )
        )
        self.message = label("", "ok")
        layout.addWidget(self.message)

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Participants"))
        self.tree.setHeaderLabels(
            [self.tr("Id"), self.tr("Group"), self.tr("Status"), self.tr("Linked to"), self.tr("Eligible")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setMinimumHeight(220)
        self.tree.currentItemChanged.connect(self._on_select)
        layout.addWidget(self.tree)

        grid = Reflow()
        layout.addWidget(grid)

        add_box = QGroupBox(self.tr("Add a participant"))
        form = QFormLayout(add_box)
        self.group_combo = QComboBox()
        self.group_combo.setAccessibleName(self.tr("Group"))
        self.linked_combo = QComboBox()
        self.linked_combo.setAccessibleName(self.tr("Linked family member"))
        self.add_button = QPushButton(icon("people"), self.tr("&Add participant"))
        form.addRow(self.tr("&Group"), self.group_combo)
        form.addRow(self.tr("Lin&ked to"), self.linked_combo)
        # The pack's participant attributes for the chosen group (age band, language ...), if it has any.
        self.attributes_box = QWidget()
        self.attributes_form = QFormLayout(self.attributes_box)
        self.attributes_form.setContentsMargins(0, 0, 0, 0)
        self.attribute_combos: dict[str, QComboBox] = {}
        form.addRow(self.attributes_box)
        form.addRow("", self.add_button)
        form.addRow("", label(self.tr("The study id is generated from the group's id pattern."), "hint"))
        self.group_combo.currentIndexChanged.connect(self._on_group)
        self.add_button.clicked.connect(self._add)
        grid.add(add_box)

        self.screen_box = QGroupBox(self.tr("Eligibility screening"))
        self.screen_layout = QVBoxLayout(self.screen_box)
        self.screen_questions = QWidget()
        self.screen_layout.addWidget(self.screen_questions)
        self.screen_button = QPushButton(self.tr("Save &screening"))
        self.screen_button.setObjectName("saveScreening")
        self.screen_button.clicked.connect(self._save_screening)
        self.screen_layout.addWidget(self.screen_button)
        self._answers: dict[str, QButtonGroup] = {}
        grid.add(self.screen_box)

        # Tasks the study's protocol asks for before a session (a parent notified ...), where it has any.
        self.tasks_box = QGroupBox(self.tr("Before the session"))
        tl = QVBoxLayout(self.tasks_box)
        self.gating_list = QListWidget()
        self.gating_list.setAccessibleName(self.tr("Tasks the protocol asks for before the session"))
        self.gating_done = QPushButton(self.tr("Mark the task &done"))
        self.gating_done.clicked.connect(self._mark_task_done)
        # The day it was done: a notice period counts from it, so a parent told on Monday and recorded on
        # Wednesday keeps Monday.
        self.gating_on = QDateEdit(QDate.currentDate())
        self.gating_on.setObjectName("gatingDoneOn")
        self.gating_on.setCalendarPopup(True)
        self.gating_on.setDisplayFormat("d MMM yyyy")
        self.gating_on.setMaximumDate(QDate.currentDate())
        self.gating_on.setAccessibleName(self.tr("Day the task was done"))
        on_label = label(self.tr("D&one on"), wrap=False)
        on_label.setBuddy(self.gating_on)
        done_row = QHBoxLayout()
        done_row.addWidget(on_label)
        done_row.addWidget(self.gating_on)
        done_row.addWidget(self.gating_done)
        done_row.addStretch(1)
        tl.addWidget(self.gating_list)
        tl.addLayout(done_row)
        self.tasks_box.setVisible(False)
        grid.add(self.tasks_box)

        actions = QHBoxLayout()
        self.identity_button = QPushButton(icon("eye"), self.tr("Show &identity details…"))
        self.withdraw_button = QPushButton(self.tr("Record &withdrawal…"))
        self.identity_button.clicked.connect(self._ask_identity)
        self.withdraw_button.clicked.connect(self._withdraw)
        actions.addWidget(self.identity_button)
        actions.addWidget(self.withdraw_button)
        actions.addStretch(1)
        layout.addLayout(actions)

        # Identity details: a separate panel, hidden by default, filled only after an audited request.
        self.identity_box = QGroupBox(self.tr("Identity details (kept apart from research data)"))
        self.identity_box.hide()
        iform = QFormLayout(self.identity_box)
        self.identity_edits: dict[str, QLineEdit] = {}
        self._locks = 0  # how many times the app locked: an identity answer asked for before is dropped
        names = {
            "name": self.tr("Name"),
            "preferred_name": self.tr("Preferred name"),
            "phone": self.tr("Phone"),
            "email": self.tr("Email"),
            "address": self.tr("Address"),
            "postcode": self.tr("Postcode"),
            "notes": self.tr("Notes"),
        }
        for f in presenter.IDENTITY_FIELDS:
            e = QLineEdit()
            e.setAccessibleName(names.get(f, f))
            self.identity_edits[f] = e
            iform.addRow(names.get(f, f), e)
        row = QHBoxLayout()
        self.identity_save = QPushButton(self.tr("Save identity details"))
        self.identity_hide = QPushButton(self.tr("&Hide"))
        self.identity_save.clicked.connect(self._save_identity)
        self.identity_hide.clicked.connect(self.hide_identity)
        row.addWidget(self.identity_save)
        row.addWidget(self.identity_hide)
        row.addStretch(1)
        iform.addRow(row)
        layout.addWidget(self.identity_box)
        self._update_actions()

    # -- data ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.p.load(self._show, self._failed)

    def on_locked(self) -> None:
        self._locks += 1
        self.hide_identity()

    def _show(self, m: presenter.Model) -> None:
        self._model = m
        selected = self.selected_id()
        self.tree.clear()
        for r in m.rows:
            eligible = {None: self.tr("not screened"), True: self.tr("yes"), False: self.tr("no")}[r.eligible]
            item = QTreeWidgetItem([r.id, r.group_label, status_text(r.status), r.linked_to, eligible])
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            self.tree.addTopLevelItem(item)
            if r.id == selected:
                self.tree.setCurrentItem(item)
        for c in range(5):
            self.tree.resizeColumnToContents(c)
        current = self.group_combo.currentData()
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        for g in m.groups:
            self.group_combo.addItem(g.label, g.id)
        if current:
            self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(current)))
        self.group_combo.blockSignals(False)
        self._on_group()
        self._update_actions()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(describe(exc))
        set_role(self.message, "error")

    def _ok(self, text: str) -> None:
        self.message.setText(text)
        set_role(self.message, "ok")

    def selected_id(self) -> str:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else ""

    def _show_attributes(self, group: presenter.GroupChoice | None) -> None:
        while self.attributes_form.rowCount():
            self.attributes_form.removeRow(0)
        self.attribute_combos = {}
        for a in group.attributes if group is not None else ():
            combo = QComboBox()
            combo.setObjectName(f"attribute-{a.id}")
            combo.setAccessibleName(a.label)
            combo.addItem(self.tr("(choose)") if a.required else self.tr("(not recorded)"), "")
            for value, text in a.values:
                combo.addItem(text, value)
            self.attribute_combos[a.id] = combo
            name = label(a.label, wrap=False)  # the pack's words: plain text
            name.setBuddy(combo)
            self.attributes_form.addRow(name, combo)
        self.attributes_box.setVisible(bool(self.attribute_combos))
        # built for each group: Tab would reach them last; they come between "Linked to" and Add
        self._tab_between(self.linked_combo, list(self.attribute_combos.values()), self.add_button)

    def _on_group(self) -> None:
        self.linked_combo.clear()
        m = self._model
        gid = self.group_combo.currentData()
        group = next((g for g in m.groups if g.id == gid), None) if m else None
        self._show_attributes(group)
        if m is None or group is None or not group.linked_to:
            self.linked_combo.addItem(self.tr("(not linked)"), "")
            self.linked_combo.setEnabled(False)
            return
        self.linked_combo.setEnabled(True)
        for r in m.rows:
            if r.group_id == group.linked_to and r.status != "withdrawn":
                self.linked_combo.addItem(r.id, r.id)

    def _update_actions(self) -> None:
        pid = self.selected_id()
        row = next((r for r in self._model.rows if r.id == pid), None) if self._model else None
        self.identity_button.setEnabled(row is not None)
        self.withdraw_button.setEnabled(row is not None and row.status != "withdrawn")
        self.screen_box.setEnabled(row is not None and row.status != "withdrawn")

    # -- add ---------------------------------------------------------------------------------------
    def _add(self) -> None:
        gid = self.group_combo.currentData()
        linked = self.linked_combo.currentData() or None
        if not gid:
            return
        m = self._model
        group = next((g for g in m.groups if g.id == gid), None) if m else None
        missing = [
            a
            for a in (group.attributes if group else ())
            if a.required and not self.attribute_combos[a.id].currentData()
        ]
        if missing:
            self._failed_text(self.tr("Choose first: %1").replace("%1", "; ".join(a.label for a in missing)))
            self.attribute_combos[missing[0].id].setFocus()
            return
        values = {k: str(c.currentData()) for k, c in self.attribute_combos.items() if c.currentData()}
        self.p.add(gid, linked, values, self._added, self._failed)

    def _added(self, p: Participant) -> None:
        self._ok(self.tr("Added %1. Screen eligibility next.").replace("%1", p.id))
        self.ctx.data_changed.emit()
        self.refresh()
        self.p.after_queued(lambda: self._select(p.id))

    def _select(self, pid: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == pid:
                self.tree.setCurrentItem(item)

    # -- screening ---------------------------------------------------------------------------------
    def _on_select(self, *_args: object) -> None:
        self.hide_identity()
        self._update_actions()
        pid = self.selected_id()
        if pid:
            self.p.criteria(pid, self._show_criteria, self._failed)
            self.p.gating(pid, self._show_gating, self._failed)

    def _show_gating(self, tasks: list[tuple[str, str, str]]) -> None:
        self.gating_list.clear()
        for task_id, title, done_at in tasks:
            text = (
                self.tr("%1 (done)").replace("%1", title) if done_at else self.tr("%1 (to do)").replace("%1", title)
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, task_id)
            self.gating_list.addItem(item)
        self.tasks_box.setVisible(bool(tasks))
        if tasks:
            self.gating_list.setCurrentRow(0)

    def _mark_task_done(self) -> None:
        pid, item = self.selected_id(), self.gating_list.currentItem()
        if not pid or item is None:
            return
        task_id = str(item.data(Qt.ItemDataRole.UserRole))

        def done(_r: object) -> None:
            self._ok(self.tr("Task marked done."))
            self._on_select()

        on = self.gating_on.date().toString("yyyy-MM-dd")
        self.p.mark_task_done(pid, task_id, on, done, self._failed)

    def _show_criteria(self, questions: list[tuple[str, str]]) -> None:
        old = self.screen_questions
        self.screen_questions = QWidget()
        lay = QVBoxLayout(self.screen_questions)
        lay.setContentsMargins(0, 0, 0, 0)
        self._answers = {}
        for cid, question in questions:
            lay.addWidget(label(question))
            row = QHBoxLayout()
            group = QButtonGroup(self.screen_questions)
            for text, value in ((self.tr("Yes"), 1), (self.tr("No"), 0)):
                b = QRadioButton(text)
                b.setAccessibleName(f"{question} {text}")
                b.setObjectName(f"screen-{cid}-{'yes' if value else 'no'}")
                group.addButton(b, value)
                row.addWidget(b)
            row.addStretch(1)
            lay.addLayout(row)
            self._answers[cid] = group
        self.screen_layout.replaceWidget(old, self.screen_questions)
        old.deleteLater()
        # built for each participant: Tab would reach the answers after Save screening (and the withdrawal)
        answers: list[QWidget] = [b for g in self._answers.values() for b in g.buttons()]
        self._tab_between(self.add_button, answers, self.screen_button)

    @staticmethod
    def _tab_between(before: QWidget, widgets: list[QWidget], after: QWidget) -> None:
        """Tab goes ``before`` -> each of ``widgets`` -> ``after``, in the order they are shown."""
        chain = [before, *widgets, after]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _save_screening(self) -> None:
        pid = self.selected_id()
        if not pid:
            return
        if any(g.checkedId() < 0 for g in self._answers.values()):
            self._failed_text(self.tr("Answer every screening question first."))
            return
        answers = {cid: bool(g.checkedId()) for cid, g in self._answers.items()}
        self.p.screen(pid, answers, self._screened, self._failed)

    def _screened(self, eligible: bool) -> None:
        self._ok(self.tr("Eligible.") if eligible else self.tr("Not eligible on these answers."))
        self.refresh()

    def _failed_text(self, text: str) -> None:
        self.message.setText(text)
        set_role(self.message, "error")

    # -- identity ----------------------------------------------------------------------------------
    def _ask_identity(self) -> None:
        pid = self.selected_id()
        if not pid:
            return
        dialog = QDialog(self)
        ui = Ui_IdentityReasonDialog()
        ui.setupUi(dialog)
        self._name_participant(dialog, ui.layout, pid)
        ok = ui.buttonBox.button(ui.buttonBox.StandardButton.Ok)
        ok.setEnabled(False)
        ui.reasonEdit.textChanged.connect(lambda t: ok.setEnabled(bool(t.strip())))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        reason = ui.reasonEdit.text().strip()
        asked = self._locks
        self.p.view_identity(pid, reason, lambda details: self._show_identity(details, asked), self._failed)

    def _show_identity(self, details: dict[str, str], asked: int = 0) -> None:
        if asked != self._locks:
            return  # the app locked while the answer was on its way: it is not shown
        for f, e in self.identity_edits.items():
            e.setText(details.get(f, ""))
        self.identity_box.show()
        self.identity_edits["name"].setFocus()

    def _name_participant(self, dialog: QDialog, layout: QVBoxLayout, pid: str) -> None:
        """A dialog about one participant says which, in its title and at its top (the list holds many)."""
        dialog.setWindowTitle(dialog.windowTitle() + " · " + pid)
        who = label(self.tr("Participant %1").replace("%1", pid), "subtitle")
        who.setObjectName("dialogParticipant")
        layout.insertWidget(0, who)

    def hide_identity(self) -> None:
        for e in self.identity_edits.values():
            e.clear()
        self.identity_box.hide()

    def _save_identity(self) -> None:
        pid = self.selected_id()
        details = {f: e.text() for f, e in self.identity_edits.items()}
        self.p.set_identity(
            pid, details, lambda _r: self._ok(self.tr("Identity details saved.")), self._failed
        )

    # -- withdrawal --------------------------------------------------------------------------------
    def _withdraw(self) -> None:
        pid = self.selected_id()
        if not pid:
            return
        self.p.cutoff_rule(pid, lambda rule: self._withdraw_dialog(pid, rule), self._failed)

    def _show_cutoff(self, ui: Ui_WithdrawDialog, note: QLabel, rule: presenter.CutoffRule | None) -> None:
        """The pack's cut-off against the date chosen: before it the researcher may still say it has passed
        (the box unticked); after it, data already analysed is kept and the box says so."""
        if rule is None:
            note.setVisible(False)
            return
        chosen = ui.dateEdit.date()
        day = date(chosen.year(), chosen.month(), chosen.day())
        before = rule.before(day)
        shown = rule.last_day.isoformat() if rule.last_day else ""
        if before:
            text = (
                self.tr("The study's analysis cut-off: last day %1. This date comes before it.").replace("%1", shown)
                if shown
                else self.tr("The study's analysis cut-off has not started its count yet: this date comes before it.")
            )
        else:
            text = self.tr(
                "After the study's analysis cut-off (last day %1): data already analysed is kept; no new data "
                "is collected."
            ).replace("%1", shown)
            if rule.after_cutoff:
                text += " " + rule.after_cutoff
        note.setText(text)
        note.setVisible(True)
        ui.beforeCutoffCheck.setChecked(before)
        ui.beforeCutoffCheck.setEnabled(before)  # after the cut-off it cannot be claimed to come before it

    def _withdraw_dialog(self, pid: str, rule: presenter.CutoffRule | None) -> None:
        if pid != self.selected_id():
            return
        dialog = QDialog(self)
        ui = Ui_WithdrawDialog()
        ui.setupUi(dialog)
        self._name_participant(dialog, ui.layout, pid)
        names = {
            "no_further_contact": self.tr("No further contact (keep what was collected)"),
            "no_further_data": self.tr("No further data collection"),
            "delete_data": self.tr("Delete the data collected"),
        }
        for s in presenter.scopes():
            ui.scopeCombo.addItem(names.get(s, s), s)
        ui.dateEdit.setDate(QDate.currentDate())
        setup_date_edit(ui.dateEdit)
        note = label("", "hint")
        note.setObjectName("cutoffNote")
        ui.form.addRow(note)
        ui.dateEdit.dateChanged.connect(lambda _d: self._show_cutoff(ui, note, rule))
        self._show_cutoff(ui, note, rule)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        scope = ui.scopeCombo.currentData()
        day = ui.dateEdit.date().toString("yyyy-MM-dd")
        before = ui.beforeCutoffCheck.isChecked()

        def withdrawn(_w: object) -> None:
            self._ok(self.tr("Withdrawal recorded for %1.").replace("%1", pid))
            self.refresh()

        def record(delete_unsent: bool) -> None:
            self.p.withdraw(
                pid,
                scope,
                day,
                before_cutoff=before,
                delete_unsent=delete_unsent,
                done=withdrawn,
                failed=self._failed,
            )

        if not self.p.deletes_unsent(scope, before):
            record(False)  # their sessions are sent as usual
            return
        self.p.unsent_sessions(pid, lambda held: self._confirm_delete_unsent(pid, held, record), self._failed)

    def _confirm_delete_unsent(self, pid: str, held: list[str], record: Callable[[bool], None]) -> None:
        """The participant's data is to be deleted: sessions not yet sent are held back and deleted here, once
        confirmed."""
        if not held:
            record(False)
            return
        box = QMessageBox(self)
        box.setObjectName("withdrawDeleteConfirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete sessions not yet sent"))
        box.setText(
            self.tr(
                "%1 asked for their data to be deleted. These sessions have not been sent to the study store: "
                "%2.\n\nThey will never be sent, and their recordings, notes, markers and topic-guide coverage "
                "on this laptop will be deleted now. This cannot be undone."
            )
            .replace("%1", pid)
            .replace("%2", ", ".join(held))
        )
        delete = box.addButton(
            self.tr("&Delete and record the withdrawal"), QMessageBox.ButtonRole.DestructiveRole
        )
        delete.setObjectName("deleteUnsentButton")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        if box.clickedButton() is delete:
            record(True)
        else:
            self._ok(self.tr("Nothing recorded: the withdrawal was not confirmed."))
