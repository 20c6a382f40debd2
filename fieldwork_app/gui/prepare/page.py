"""Prepare a session (the research assistant's job): who, when, where, documents, lone working, kit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldwork_app.audio import MicCheckResult
from fieldwork_app.domain.pack import DocumentKind
from fieldwork_app.domain.records import SessionRecord
from fieldwork_app.services.readiness_words import mic_level
from fieldwork_app.services.sessions import KitCheck

from fieldwork_app.gui.context import AppContext
from fieldwork_app.gui.formatting import setup_date_edit, to_qdatetime
from fieldwork_app.gui.messages import describe
from fieldwork_app.gui.navigation import PageId
from fieldwork_app.gui.prepare import presenter
from fieldwork_app.gui.resources import icon
from fieldwork_app.gui.views.common import (
    Reflow,
    format_text,
    label,
    location_text,
    scroll_page,
    set_role,
    status_text,
)
from fieldwork_app.gui.widgets.checklist import ChecklistView, item_detail
from fieldwork_app.gui.widgets.level_meter import LevelMeter

ISO = "yyyy-MM-ddTHH:mm"


def _dt_edit(name: str) -> QDateTimeEdit:
    e = QDateTimeEdit()
    e.setCalendarPopup(True)
    setup_date_edit(e)
    e.setAccessibleName(name)
    return e


class PreparePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.p = presenter.PreparePresenter(ctx, self)
        self._options: presenter.Options | None = None
        self._view: presenter.SessionView | None = None
        layout, _ = scroll_page(self)
        layout.addWidget(label(self.tr("Prepare a session"), "title"))
        top = QHBoxLayout()
        self.session_combo = QComboBox()
        self.session_combo.setAccessibleName(self.tr("Session"))
        self.session_combo.currentIndexChanged.connect(self._on_session)
        top.addWidget(label(self.tr("Session:"), wrap=False))
        top.addWidget(self.session_combo, 1)
        layout.addLayout(top)
        self.message = label("", "ok")
        layout.addWidget(self.message)
        grid = Reflow()
        layout.addWidget(grid)

        # Who and when
        who = QGroupBox(self.tr("Who, how, where and when"))
        f = QFormLayout(who)
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("Participants"))
        self.people.setMaximumHeight(130)
        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName(self.tr("Format"))
        for fmt in ("interview", "focus_group"):
            self.format_combo.addItem(format_text(fmt), fmt)
        self.location_combo = QComboBox()
        self.location_combo.setAccessibleName(self.tr("Location"))
        for loc in ("home", "clinic", "remote_video", "phone"):
            self.location_combo.addItem(location_text(loc), loc)
        self.location_combo.currentIndexChanged.connect(self._on_location)
        self.start_edit = _dt_edit(self.tr("Date and time"))
        tomorrow = QDateTime.currentDateTime().addDays(1)
        tomorrow.setTime(QTime(10, 0))
        self.start_edit.setDateTime(tomorrow)
        self.minutes = QSpinBox()
        self.minutes.setRange(10, 600)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Planned length"))
        self.create_button = QPushButton(icon("session"), self.tr("&Create session"))
        self.create_button.clicked.connect(self._create)
        self.schedule_button = QPushButton(self.tr("Save &date and time"))
        self.schedule_button.clicked.connect(self._save_schedule)
        f.addRow(self.tr("&Participants"), self.people)
        f.addRow(self.tr("F&ormat"), self.format_combo)
        f.addRow(self.tr("&Location"), self.location_combo)
        f.addRow(self.tr("Da&te and time"), self.start_edit)
        f.addRow(self.tr("Planned le&ngth"), self.minutes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.schedule_button)
        f.addRow(buttons)
        grid.add(who)

        # Documents the service picked (read-only)
        docs = QGroupBox(self.tr("Documents in use (chosen by the study pack)"))
        dl = QVBoxLayout(docs)
        self.docs_label = label(self.tr("Create the session to see its documents."), "hint")
        self.docs_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.docs_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dl.addWidget(self.docs_label)
        prints = QHBoxLayout()
        self.pis_pdf = QPushButton(icon("pdf"), self.tr("Information sheet PDF…"))
        self.form_pdf = QPushButton(icon("pdf"), self.tr("Consent form PDF…"))
        self.pis_pdf.clicked.connect(lambda: self._save_pdf(DocumentKind.INFORMATION_SHEET))
        self.form_pdf.clicked.connect(lambda: self._save_pdf(DocumentKind.CONSENT_FORM))
        prints.addWidget(self.pis_pdf)
        prints.addWidget(self.form_pdf)
        dl.addLayout(prints)
        grid.add(docs)

        # Lone working (home visits)
        self.lone_box = QGroupBox(self.tr("Lone-working plan (home visit)"))
        lf = QFormLayout(self.lone_box)
        self.buddy_name = QLineEdit()
        self.buddy_name.setAccessibleName(self.tr("Buddy name"))
        self.buddy_phone = QLineEdit()
        self.buddy_phone.setAccessibleName(self.tr("Buddy phone number"))
        self.backup_name = QLineEdit()
        self.backup_name.setAccessibleName(self.tr("Back-up buddy name"))
        self.backup_phone = QLineEdit()
        self.backup_phone.setAccessibleName(self.tr("Back-up buddy phone number"))
        self.visit_start = _dt_edit(self.tr("Visit start"))
        self.visit_end = _dt_edit(self.tr("Expected end"))
        self.visit_start.setDateTime(tomorrow)  # never Qt's 2000-01-01 00:00
        self.visit_end.setDateTime(tomorrow.addSecs(60 * self.minutes.value()))
        self.travel = QSpinBox()
        self.travel.setRange(0, 300)
        self.travel.setSuffix(self.tr(" min"))
        self.travel.setAccessibleName(self.tr("Travel-home time"))
        self.code_word = QCheckBox(self.tr("Code word agreed with the buddy"))
        self.risk = QCheckBox(self.tr("Risk assessment done"))
        self.address = QLineEdit()
        self.address.setAccessibleName(self.tr("Visit address"))
        self.address.setEchoMode(QLineEdit.EchoMode.Password)
        self.address.setPlaceholderText(self.tr("Sealed in the identity store when saved"))
        self.sealed_label = label("", "hint")
        self.plan_button = QPushButton(self.tr("Sa&ve lone-working plan"))
        self.plan_button.clicked.connect(self._save_plan)
        lf.addRow(self.tr("&Buddy name"), self.buddy_name)
        lf.addRow(self.tr("Buddy p&hone"), self.buddy_phone)
        lf.addRow(self.tr("Back-&up buddy"), self.backup_name)
        lf.addRow(self.tr("Bac&k-up buddy phone"), self.backup_phone)
        lf.addRow(self.tr("Visit &start"), self.visit_start)
        lf.addRow(self.tr("E&xpected end"), self.visit_end)
        lf.addRow(self.tr("T&ravel home"), self.travel)
        lf.addRow("", self.code_word)
        lf.addRow("", self.risk)
        lf.addRow(self.tr("Visit &address"), self.address)
        lf.addRow("", self.sealed_label)
        lf.addRow("", self.plan_button)
        grid.add(self.lone_box)

        # Kit check
        kit = QGroupBox(self.tr("Kit check"))
        kl = QVBoxLayout(kit)
        self.mic_button = QPushButton(icon("mic"), self.tr("Check the &microphone"))
        self.mic_button.clicked.connect(self._mic_check)
        self.playback = QCheckBox(self.tr("Play the check back"))
        self.playback.setChecked(True)
        self.meter = LevelMeter()
        self.mic_result = label("", "hint")
        self.disk_label = label("", "hint")
        self.battery = QCheckBox(self.tr("Battery charged (and charger packed)"))
        self.battery.toggled.connect(self._battery)
        reading = presenter.battery_reading()
        self.battery_label = label(
            self.tr("Battery now: %1").replace("%1", reading)
            if reading
            else self.tr("No battery reading here."),
            "hint",
        )
        row = QHBoxLayout()
        row.addWidget(self.mic_button)
        row.addWidget(self.playback)
        row.addStretch(1)
        kl.addLayout(row)
        kl.addWidget(self.meter)
        kl.addWidget(self.mic_result)
        kl.addWidget(self.disk_label)
        kl.addWidget(self.battery)
        kl.addWidget(self.battery_label)
        # The people the protocol asks for at the consent (an interpreter where one is needed), once booked.
        self.booked_checks = {
            "interpreter": QCheckBox(self.tr("Interpreter booked for this session")),
            "witness": QCheckBox(self.tr("Witness booked for this session")),
        }
        for role, check in self.booked_checks.items():
            check.setObjectName(f"booked-{role}")
            check.setVisible(False)
            check.toggled.connect(lambda on, r=role: self._booked(r, on))
            kl.addWidget(check)
        grid.add(kit)

        # Checklist
        box = QGroupBox(self.tr("Ready?"))
        bl = QVBoxLayout(box)
        self.checklist = ChecklistView()
        bl.addWidget(self.checklist)
        self.consent_button = QPushButton(icon("consent"), self.tr("&Go to consent"))
        self.consent_button.clicked.connect(lambda: self.ctx.show_page(PageId.CONSENT))
        bl.addWidget(self.consent_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(box)
        self._set_session_widgets(None)

    # -- loading -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.p.options(self._show_options, self._failed)

    def on_locked(self) -> None:
        """A visit address typed but not saved goes off the screen."""
        self.address.clear()

    def _show_options(self, o: presenter.Options) -> None:
        self._options = o
        # The pack's session formats and venues (a format-1 pack's venues are its location kinds).
        for combo, items in (
            (self.format_combo, [(format_text(f), f) for f in o.formats]),
            (self.location_combo, [(v.label or location_text(v.id), v.id) for v in o.venues]),
        ):
            if items and [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] != items:
                keep = combo.currentData()
                combo.blockSignals(True)
                combo.clear()
                for text, data in items:
                    combo.addItem(text, data)
                combo.setCurrentIndex(max(0, combo.findData(keep)))
                combo.blockSignals(False)
        checked = {
            self.people.item(i).data(256)
            for i in range(self.people.count())
            if self.people.item(i).checkState() == Qt.CheckState.Checked
        }
        self.people.clear()
        for p in o.people:
            item = QListWidgetItem(p.id)
            item.setData(256, p.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if p.id in checked else Qt.CheckState.Unchecked)
            self.people.addItem(item)
        want = self.ctx.session_id
        self.session_combo.blockSignals(True)
        self.session_combo.clear()
        self.session_combo.addItem(self.tr("New session…"), "")
        for sid, st, who in o.sessions:
            self.session_combo.addItem(f"{sid} · {who} · {status_text(st)}", sid)
        self.session_combo.setCurrentIndex(max(0, self.session_combo.findData(want)))
        self.session_combo.blockSignals(False)
        self._on_session()

    def _on_session(self) -> None:
        sid = self.session_combo.currentData() or ""
        self.ctx.set_session(sid)
        if not sid:
            self._set_session_widgets(None)
            return
        self.p.session_view(sid, self._show_session, self._failed)

    def _set_session_widgets(self, v: presenter.SessionView | None) -> None:
        new = v is None
        self.create_button.setVisible(new)
        self.schedule_button.setVisible(not new)
        for w in (self.people, self.format_combo, self.location_combo):
            w.setEnabled(new)
        for control in (self.mic_button, self.battery, self.plan_button, self.consent_button):
            control.setEnabled(not new)
        pdf_ok = not new and presenter.pdfs_available()
        for b in (self.pis_pdf, self.form_pdf):
            b.setEnabled(pdf_ok)
            b.setToolTip("" if pdf_ok else self.tr("Printable copies are not available in this version."))
        self._on_location()
        if new:
            self.docs_label.setText(self.tr("Create the session to see its documents."))
            self.checklist.show_items([], False)
            self.checklist.state.setText(self.tr("Create the session to see its checklist."))

    def _show_session(self, v: presenter.SessionView) -> None:
        self._view = v
        self._set_session_widgets(v)
        for i in range(self.people.count()):
            item = self.people.item(i)
            on = item.data(256) in v.participants
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.format_combo.setCurrentIndex(self.format_combo.findData(v.format))
        self.location_combo.setCurrentIndex(self.location_combo.findData(v.location))
        if v.planned_start:
            self.start_edit.setDateTime(to_qdatetime(v.planned_start, self.start_edit.dateTime()))
        self.minutes.setValue(v.planned_minutes)
        lines = [self.tr("Topic guide: %1").replace("%1", v.guide or self.tr("none"))]
        for d in v.documents:
            lines.append(
                self.tr("%1: consent form %2; information sheet %3")
                .replace("%1", d.participant)
                .replace("%2", d.form)
                .replace("%3", d.sheet)
            )
        self.docs_label.setText("\n".join(lines))
        lw = v.lone_working
        self.buddy_name.setText(lw.buddy_name)
        self.backup_name.setText(lw.backup_name)
        self.backup_phone.setText(lw.backup_phone)
        self.buddy_phone.setText(lw.buddy_phone)
        # A plan not yet saved starts from the session's own planned start and end.
        planned = self.start_edit.dateTime()
        self.visit_start.setDateTime(to_qdatetime(lw.start, planned) if lw.start else planned)
        self.visit_end.setDateTime(
            to_qdatetime(lw.expected_end, planned.addSecs(60 * v.planned_minutes))
            if lw.expected_end
            else planned.addSecs(60 * v.planned_minutes)
        )
        self.travel.setValue(lw.travel_home_minutes or v.travel_default)  # never 0 by default
        self.code_word.setChecked(lw.code_word_agreed)
        self.risk.setChecked(lw.risk_assessment_done)
        self.sealed_label.setText(
            self.tr("The visit address is sealed.") if v.sealed else self.tr("No visit address sealed yet.")
        )
        self.battery.blockSignals(True)
        self.battery.setChecked(bool(v.kit.get("battery_ok")))
        self.battery.blockSignals(False)
        if v.kit.get("mic_checked_at"):
            kit = KitCheck.from_plan({"kit": v.kit})
            self.mic_result.setText(self._mic_line(bool(v.kit.get("mic_ok")), kit.mic_peak_dbfs, kit.mic_detail))
        for role, check in self.booked_checks.items():
            booking = next((i for i in v.checklist if i.id == f"{role}_booked"), None)
            check.blockSignals(True)
            check.setChecked(bool(booking and booking.done))
            check.blockSignals(False)
            check.setVisible(booking is not None)
        disk = next((i for i in v.checklist if i.id == "disk"), None)
        self.disk_label.setText(self.tr("Disk: %1").replace("%1", item_detail(disk)) if disk else "")
        self.checklist.show_items(v.checklist, v.ready)

    def _reload_session(self, *_args: object) -> None:
        sid = self.ctx.session_id
        if sid:
            self.p.session_view(sid, self._show_session, self._failed)

    def _on_location(self) -> None:
        current = self.location_combo.currentData()
        venue = next((v for v in self._options.venues if v.id == current), None) if self._options else None
        self.lone_box.setVisible(venue.lone_working if venue is not None else current == "home")

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(describe(exc))
        set_role(self.message, "error")

    def _ok(self, text: str) -> None:
        self.message.setText(text)
        set_role(self.message, "ok")

    # -- actions -----------------------------------------------------------------------------------
    def _create(self) -> None:
        pids = [
            self.people.item(i).data(256)
            for i in range(self.people.count())
            if self.people.item(i).checkState() == Qt.CheckState.Checked
        ]
        fmt = self.format_combo.currentData()
        loc = self.location_combo.currentData()
        start = self.start_edit.dateTime().toString(ISO)
        minutes = self.minutes.value()
        self.p.new_session(pids, fmt, loc, start, minutes, self._created, self._failed)

    def _created(self, s: SessionRecord) -> None:
        self._ok(self.tr("Session %1 created.").replace("%1", s.id))
        self.ctx.set_session(s.id)
        self.ctx.data_changed.emit()
        self.refresh()

    def _save_schedule(self) -> None:
        sid = self.ctx.session_id
        start = self.start_edit.dateTime().toString(ISO)
        minutes = self.minutes.value()
        self.p.set_schedule(sid, start, minutes, self._reload_session, self._failed)

    def _save_plan(self) -> None:
        sid = self.ctx.session_id
        plan = {
            "buddy_name": self.buddy_name.text().strip(),
            "buddy_phone": self.buddy_phone.text().strip(),
            "backup_name": self.backup_name.text().strip(),
            "backup_phone": self.backup_phone.text().strip(),
            "start": self.visit_start.dateTime().toString(ISO),
            "expected_end": self.visit_end.dateTime().toString(ISO),
            "travel_home_minutes": self.travel.value(),
            "code_word_agreed": self.code_word.isChecked(),
            "risk_assessment_done": self.risk.isChecked(),
        }
        address = self.address.text()
        self.address.clear()  # never kept on screen once sealed

        def saved(_r: object) -> None:
            self._ok(self.tr("Lone-working plan saved."))
            self._reload_session()

        self.p.save_plan(sid, plan, address, saved, self._failed)

    def _booked(self, role: str, on: bool) -> None:
        sid = self.ctx.session_id
        if sid:
            self.p.set_booked(sid, role, on, self._reload_session, self._failed)

    def _battery(self, on: bool) -> None:
        sid = self.ctx.session_id
        if sid:
            self.p.set_battery(sid, on, self._reload_session, self._failed)

    def _mic_check(self) -> None:
        sid = self.ctx.session_id
        if not sid or self.ctx.recorder.active:
            if self.ctx.recorder.active:
                self._failed_text(self.tr("A recording is running; the microphone cannot be checked now."))
            return
        self.mic_button.setEnabled(False)
        self.meter.set_active(True)
        self.mic_result.setText(self.tr("Listening for three seconds… please say a few words."))
        playback = self.playback.isChecked()

        def done(result: MicCheckResult) -> None:
            self.mic_button.setEnabled(True)
            self.meter.set_active(False)
            if result.silent:
                text = self.tr("Silence: is the microphone connected and switched on?")
            elif result.clipped:
                text = self.tr("Too loud (clipping): move the microphone further away.")
            else:
                text = self._mic_line(True, result.peak_dbfs, "")
            self.mic_result.setText(text)
            self._reload_session()

        def failed(exc: BaseException) -> None:
            self.mic_button.setEnabled(True)
            self.meter.set_active(False)
            self.mic_result.setText(describe(exc))

        self.p.mic_check(sid, playback, self.meter.set_level, done, failed)

    def _mic_line(self, ok: bool, peak_dbfs: float | None, detail: str) -> str:
        """The microphone check's result, one wording whether just measured or read back from the kit check the
        session keeps (so the text does not change when the session reloads)."""
        said = self.tr("Microphone OK") if ok else self.tr("Microphone check failed")
        return said + f" ({mic_level(peak_dbfs, detail, QCoreApplication.translate)})"

    def _failed_text(self, text: str) -> None:
        self.message.setText(text)
        set_role(self.message, "error")

    def _save_pdf(self, kind: DocumentKind) -> None:
        sid = self.ctx.session_id
        self.p.document_pdf(sid, kind, self._ask_where, self._failed)

    def _ask_where(self, out: tuple[str, bytes]) -> None:
        name, data = out
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), name, self.tr("PDF (*.pdf)"))
        if path:
            self.p.write_file(Path(path), data, lambda _n: self._ok(self.tr("PDF saved.")), self._failed)
