"""The safeguarding concern form, following the study pack's rules; kept in the identity store only.

The form shows the pack's guidance (listen, do not investigate, do not promise secrecy) and who the
designated lead is.  What is typed goes to the service; when the form is left or the app locks, what
changed is saved as a draft and the screen is cleared, and it is filled again from the stored record when
the form comes back.  Research data never holds it.  The app prompts and records; the lead decides.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, QEvent, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)

from fieldwork_app.domain.pack import SafeguardingRules
from fieldwork_app.services.screens import ParticipantSupport

from fieldwork_app.gui.formatting import setup_date_edit, to_qdatetime
from fieldwork_app.gui.session.common import box, contact_text, who_text
from fieldwork_app.gui.views.common import label, scroll_page, set_role

TEXTS = (
    ("at_risk", QT_TRANSLATE_NOOP("SafeguardingForm", "Who is at risk")),
    ("account", QT_TRANSLATE_NOOP("SafeguardingForm", "What was said (near-verbatim)")),
    ("present", QT_TRANSLATE_NOOP("SafeguardingForm", "Who was present")),
    ("actions_taken", QT_TRANSLATE_NOOP("SafeguardingForm", "Actions taken")),
    ("participant_view", QT_TRANSLATE_NOOP("SafeguardingForm", "The participant's view (if told)")),
    ("escalated_to", QT_TRANSLATE_NOOP("SafeguardingForm", "Escalated to (role)")),
    ("decision", QT_TRANSLATE_NOOP("SafeguardingForm", "Decision")),
    ("reasons", QT_TRANSLATE_NOOP("SafeguardingForm", "Reasons")),
    ("follow_up_status", QT_TRANSLATE_NOOP("SafeguardingForm", "Follow-up status")),
)
LONG = {"account", "actions_taken", "reasons"}


class SafeguardingForm(QWidget):
    save = Signal(object, str, dict, list, bool)  # concern id or None, participant, fields, sharing, complete
    back = Signal()
    reopen = Signal(str)  # concern id: the form is shown again, fill it from the stored record

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safeguardingForm")
        self.concern_id: str | None = None
        lay, _ = scroll_page(self)
        lay.addWidget(label(self.tr("Safeguarding concern"), "title"))
        self.guidance = label("", "hint")
        lay.addWidget(self.guidance)
        # What Save left is said beside the Save buttons, where the researcher is looking (see below).
        self.status = label("", "hint")
        self.status.setObjectName("safeguardingStatus")

        g, glay = box(self.tr("The record"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long label puts its field under it
        glay.addLayout(form)
        self.participant = QComboBox()
        self.participant.setObjectName("sgParticipant")
        self.participant.setAccessibleName(self.tr("The participant the concern is about"))
        form.addRow(self.tr("Participant"), self.participant)
        # On a session of several participants the box starts unchosen (a concern filed under the wrong person
        # is worse than a moment's choice); why it must be chosen, or where a choice came from, is said here.
        self.participant_note = label("", "hint")
        self.participant_note.setObjectName("sgParticipantNote")
        self.participant_note.hide()
        form.addRow(self.participant_note)
        # The route and the site's contacts of the participant chosen above: on a joint interview or a group
        # each participant's own (a young person's children's procedure, a parent's adults' one).
        self.route = label("", "hint")
        self.route.setObjectName("sgRoute")
        self.route.hide()
        form.addRow(self.route)
        self._people: dict[str, ParticipantSupport] = {}
        self.participant.currentIndexChanged.connect(self._show_route)
        self.category = QComboBox()
        self.category.setObjectName("sgCategory")
        form.addRow(self.tr("Risk category"), self.category)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        names = {k: self.tr(str(v)) for k, v in TEXTS}
        for key, _text in TEXTS:
            w: QLineEdit | QPlainTextEdit
            if key in LONG:
                w = QPlainTextEdit()
                w.setTabChangesFocus(True)
                w.setMinimumHeight(90 if key == "account" else 60)
            else:
                w = QLineEdit()
            w.setObjectName(f"sg-{key}")
            w.setAccessibleName(names[key])
            self.fields[key] = w
            form.addRow(names[key], w)
            if key == "escalated_to":
                self.escalated_at = QDateTimeEdit(QDateTime.currentDateTime())
                self.escalated_at.setObjectName("sg-escalated_at")
                self.escalated_at.setCalendarPopup(True)
                setup_date_edit(self.escalated_at)
                self.escalated_at.setAccessibleName(self.tr("Escalated at"))
                self.escalated_when = QCheckBox(self.tr("escalated at"))
                self.escalated_when.setObjectName("sg-escalated")
                row = QHBoxLayout()
                row.addWidget(self.escalated_when)
                row.addWidget(self.escalated_at)
                row.addStretch(1)
                form.addRow("", row)
        self.told = QCheckBox(self.tr("The participant was told that information will be passed on"))
        self.told.setObjectName("sg-participant_told")
        form.addRow(self.told)  # across the form: a long sentence needs no room beside a label
        self.referral: dict[str, QLineEdit] = {}
        for key, text in (
            ("agency", self.tr("Referral: agency")),
            ("reference", self.tr("Referral: reference")),
            ("method", self.tr("Referral: method")),
        ):
            e = QLineEdit()
            e.setObjectName(f"sg-referral-{key}")
            e.setAccessibleName(text)
            self.referral[key] = e
            form.addRow(text, e)
        lay.addWidget(g)

        g, glay = box(self.tr("Information sharing (including decisions not to share)"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        glay.addLayout(form)
        self.share: dict[str, QLineEdit] = {}
        for key, text in (
            ("what", self.tr("What")),
            ("to_whom", self.tr("To whom")),
            ("why", self.tr("Why")),
        ):
            e = QLineEdit()
            e.setObjectName(f"share-{key}")
            e.setAccessibleName(self.tr("Sharing: %1").replace("%1", text))
            self.share[key] = e
            form.addRow(text, e)
        self.share_when = QDateTimeEdit(QDateTime.currentDateTime())
        self.share_when.setObjectName("share-when")
        setup_date_edit(self.share_when)
        form.addRow(self.tr("When"), self.share_when)
        self.share_consent = QCheckBox(self.tr("with the participant's consent"))
        self.share_consent.setObjectName("share-consent")
        self.share_not = QCheckBox(self.tr("decided not to share"))
        self.share_not.setObjectName("share-not")
        row = QHBoxLayout()
        row.addWidget(self.share_consent)
        row.addWidget(self.share_not)
        row.addStretch(1)
        form.addRow("", row)
        self.shared_count = label("", "hint")
        glay.addWidget(self.shared_count)
        lay.addWidget(g)

        lay.addWidget(self.status)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save the record"))
        self.save_button.setObjectName("sgSave")
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(lambda: self._save_clicked(False))
        self.complete_button = QPushButton(self.tr("Record complete"))
        self.complete_button.setObjectName("sgComplete")
        self.complete_button.clicked.connect(lambda: self._save_clicked(True))
        back = QPushButton(self.tr("Back to the interview"))
        back.setObjectName("sgBack")
        back.clicked.connect(self.back)
        row.addWidget(self.save_button)
        row.addWidget(self.complete_button)
        row.addStretch(1)
        row.addWidget(back)
        lay.addLayout(row)
        # Anything typed and not yet saved is saved as a draft when the form is left (Ctrl+D to the
        # distress protocol, Back, the lock), so nothing of a disclosure is lost when the screen is cleared.
        self._dirty = False
        for w in self.fields.values():
            w.textChanged.connect(self._touched)
        for e in (*self.referral.values(), *self.share.values()):
            e.textChanged.connect(self._touched)
        self.category.currentIndexChanged.connect(self._touched)
        self.participant.currentIndexChanged.connect(self._participant_changed)
        self.told.toggled.connect(self._touched)
        self.escalated_when.toggled.connect(self._touched)

    def _touched(self, *_args: object) -> None:
        self._dirty = True

    @property
    def joint(self) -> bool:
        """Whether the session has several participants (the concern's participant must be chosen)."""
        return len(self._people) > 1

    def _participant_changed(self, *_args: object) -> None:
        self._dirty = True
        self.participant_note.clear()
        self.participant_note.hide()
        if self.concern_id is not None and self.participant.currentData():
            # a saved record said to be about someone else: saving corrects it, and the record keeps the change
            self.participant_note.setText(
                self.tr("Saving changes whom record %1 is about; the change is kept in its history.").replace(
                    "%1", self.concern_id
                )
            )
            set_role(self.participant_note, "warning")
            self.participant_note.show()

    def suggest(self, participant_id: str | None) -> None:
        """Choose ``participant_id`` (whom the open distress event concerns) for a new concern not yet said to be
        about anyone; anything else is left as it is."""
        if self.concern_id is not None or self.participant.currentData() or participant_id not in self._people:
            return
        self.participant.setCurrentIndex(self.participant.findData(participant_id))
        self.participant_note.setText(
            self.tr("Chosen as in the distress protocol's \"Whom it concerns\"; change it if the concern is"
                    " about someone else.")
        )
        set_role(self.participant_note, "hint")
        self.participant_note.show()

    def focus_start(self) -> None:
        """Put the cursor where the record starts, and show it: on a session of several participants, whom the
        concern is about; otherwise what was said."""
        first = self.participant.isEnabled() and self.joint and (
            self.concern_id is None or not self.participant.currentData()
        )
        target: QWidget = self.participant if first else self.fields["account"]
        target.setFocus()
        self._show(target)

    def _show(self, widget: QWidget) -> None:
        """Scroll the form until ``widget`` shows: now, and once the form is laid out (it may just have been
        put on screen, its size not yet known)."""
        area = self.findChild(QScrollArea)
        if area is None:
            return
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # lay out what was just shown or changed

        def show() -> None:
            # the whole widget, not only its text cursor's line (which is all ensureWidgetVisible shows of a text
            # box), with a little room around it
            body = area.widget()
            if body is None or not body.isAncestorOf(widget):
                return
            centre = widget.mapTo(body, widget.rect().center())
            area.ensureVisible(centre.x(), centre.y(), widget.width() // 2 + 12, widget.height() // 2 + 12)

        show()
        QTimer.singleShot(0, show)

    def flush(self) -> None:
        """Save what is on screen as a draft if it changed since the last save (nothing is lost on leaving)."""
        if self._dirty and (self.concern_id is not None or self._has_content()):
            self._emit(False)
        self._dirty = False

    def _has_content(self) -> bool:
        texts = [w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text() for w in self.fields.values()]
        texts += [e.text() for e in (*self.referral.values(), *self.share.values())]
        return any(t.strip() for t in texts) or bool(self.category.currentData())

    def fill_record(self, concern: Any) -> None:
        """Put a stored record (a safeguarding Concern) back on screen: whom it is about, and its fields.  Whom it
        is about can be corrected until the record is complete."""
        index = self.participant.findData(concern.participant_id or "")
        self.participant.blockSignals(True)
        self.participant.setCurrentIndex(max(index, 0))
        self.participant.blockSignals(False)
        self._show_route()
        self.participant.setEnabled(concern.status != "complete")
        self.fill(concern.body)

    def fill(self, body: dict) -> None:
        """Put the stored record back on screen (the form is shown again after it was cleared)."""
        for key, w in self.fields.items():
            value = str(body.get(key) or "")
            w.setPlainText(value) if isinstance(w, QPlainTextEdit) else w.setText(value)
        index = self.category.findData(body.get("category") or "")
        self.category.setCurrentIndex(max(index, 0))
        self.told.setChecked(bool(body.get("participant_told")))
        when = body.get("escalated_at")
        self.escalated_when.setChecked(bool(when))
        if when:
            self.escalated_at.setDateTime(to_qdatetime(str(when)))
        referral = body.get("referral") or {}
        for key, e in self.referral.items():
            e.setText(str(referral.get(key) or ""))
        self._dirty = False

    def set_rules(self, rules: SafeguardingRules, people: tuple[ParticipantSupport, ...]) -> None:
        """The pack's guidance and lead for everyone; each participant's own route and site contacts are shown
        for the participant chosen in the form (see :meth:`_show_route`)."""
        lead = rules.designated_lead
        lines = [f"• {g}" for g in rules.guidance]
        lines += [f"• {t.situation.rstrip('.')}: {t.action}" for t in rules.timing_rules]
        who = ", ".join(x for x in (lead.name, lead.role or "", lead.phone or "") if x)
        lines.append(self.tr("Designated lead: %1").replace("%1", who))
        self.guidance.setText("\n".join(lines))
        self.category.clear()
        self.category.addItem(self.tr("(choose)"), "")
        for c in rules.risk_categories:
            self.category.addItem(c.label, c.id)
        self._people = {p.participant_id: p for p in people}
        self.participant.blockSignals(True)
        self.participant.clear()
        if len(people) > 1:
            self.participant.addItem(self.tr("(choose whom the concern is about)"), "")
        for p in people:
            self.participant.addItem(who_text(p), p.participant_id)
        self.participant.blockSignals(False)
        self._show_route()

    def _show_route(self, *_args: object) -> None:
        """The chosen participant's safeguarding route (its procedure) and their site's contacts, the route's
        own contact first; on a session of several participants, said as theirs."""
        person = self._people.get(str(self.participant.currentData() or ""))
        if person is None or (person.route is None and not person.site_contacts):
            self.route.clear()
            self.route.hide()
            return
        lines = []
        route = person.route
        if route is not None:
            if len(self._people) > 1:
                head = self.tr("Safeguarding route for %1: %2").replace("%2", route.label)
                head = head.replace("%1", who_text(person))
            else:
                head = self.tr("Safeguarding route: %1").replace("%1", route.label)
            lines += [head, route.procedure]
        contacts = sorted(
            person.site_contacts, key=lambda c: route is None or c.role is not route.contact_role
        )
        for c in contacts:
            if route is not None and c.role is route.contact_role:
                lines.append(self.tr("%1 (the contact for this route)").replace("%1", contact_text(c)))
            else:
                lines.append(contact_text(c))
        self.route.setText("\n".join(lines))
        self.route.show()

    def _save_clicked(self, complete: bool) -> None:
        """Save (or complete) from the buttons: refused, with why beside the box, until the concern's participant
        is chosen on a session of several participants."""
        if self.joint and not self.participant.currentData():
            self.participant_note.setText(
                self.tr("Choose whom the concern is about before saving: this session has several participants.")
            )
            set_role(self.participant_note, "error")
            self.participant_note.show()
            self.participant.setFocus()
            self._show(self.participant)
            return
        self._emit(complete)

    def _emit(self, complete: bool) -> None:
        fields: dict = {}
        for key, w in self.fields.items():
            text = w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()
            if text.strip():
                fields[key] = text
        if self.category.currentData():
            fields["category"] = self.category.currentData()
        if self.escalated_when.isChecked():
            fields["escalated_at"] = self.escalated_at.dateTime().toString("yyyy-MM-ddTHH:mm")
        fields["participant_told"] = self.told.isChecked()
        ref = {k: e.text() for k, e in self.referral.items() if e.text().strip()}
        if ref:
            fields["referral"] = ref
        sharing = []
        if all(self.share[k].text().strip() for k in ("what", "to_whom", "why")):
            sharing.append(
                {
                    "what": self.share["what"].text(),
                    "to_whom": self.share["to_whom"].text(),
                    "why": self.share["why"].text(),
                    "when": self.share_when.dateTime().toString("yyyy-MM-ddTHH:mm"),
                    "with_consent": self.share_consent.isChecked(),
                    "shared": not self.share_not.isChecked(),
                }
            )
        self._dirty = False
        self.save.emit(self.concern_id, str(self.participant.currentData() or ""), fields, sharing, complete)

    def show_saved(self, concern_id: str, status: str, missing: list[str]) -> None:
        first = self.concern_id is None
        self.concern_id = concern_id
        # whom it is about can be corrected until the record is complete (each change kept in its history)
        self.participant.setEnabled(status != "complete")
        for e in self.share.values():
            e.clear()
        if status == "complete":
            self.status.setText(
                self.tr("Record %1 is complete and kept in the identity store.").replace("%1", concern_id)
            )
            set_role(self.status, "ok")
        else:
            text = self.tr("Record %1 saved in the identity store.").replace("%1", concern_id)
            if first:
                text += " " + self.tr("A task to finish and escalate it today is on the study home.")
            if missing:
                text += " " + self.tr("Still needed to complete: %1.").replace(
                    "%1", ", ".join(m.replace("_", " ") for m in missing)
                )
            person = self._people.get(str(self.participant.currentData() or ""))
            if self.joint and person is not None:
                text += " " + self.tr("It is about %1.").replace("%1", who_text(person))
            self.status.setText(text)
            set_role(self.status, "warning" if missing else "ok")
        self.participant_note.clear()
        self.participant_note.hide()
        if self.isVisible():
            self._show(self.status)
            self._show(self.save_button)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        # Leaving the form (for the interview, or because the app locked) saves a draft of what changed,
        # then forgets what is on screen.  A minimised window (a spontaneous hide) keeps it as it is.
        if not event.spontaneous():
            self.flush()
            self.clear()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not event.spontaneous() and self.concern_id is not None:
            self.reopen.emit(self.concern_id)

    def clear(self) -> None:
        """Forget what is on screen (leaving, locking): the record itself is in the identity store."""
        for w in self.fields.values():
            w.clear()
        for e in (*self.referral.values(), *self.share.values()):
            e.clear()
        self.told.setChecked(False)
        self.escalated_when.setChecked(False)
        self.category.setCurrentIndex(0)
        if self.concern_id is None and self.joint:
            self.participant.setCurrentIndex(0)  # a new concern's participant is chosen each time
        self.participant_note.clear()
        self.participant_note.hide()
        self.status.clear()
        self._dirty = False
