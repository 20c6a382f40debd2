"""The distress protocol panel: stages with signs and actions as a checklist, the participant's choice,
support, follow-up.

Every tick becomes one time-stamped step on the event (with the audio position when recording), so the
record builds itself as the researcher follows the protocol; escalating to a higher stage keeps the
earlier steps.  The app prompts and records; the researcher decides.

On a joint interview or a group, "Whom it concerns" (after the stages, so the protocol's first step is never
held back by it) says which participant the distress concerns, or the session as a whole; a session of one
participant has no such choice.  Once it is said, "Concerns: ..." shows beside the panel's words for the
participant (the pack's own words are left as written).

A stage chosen shows its box first, right under the stage choice and scrolled into view, and its signs and
actions are the next Tab stops; the earlier stages' boxes follow it.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldwork_app.domain.pack import DistressProtocol, SignpostingEntry
from fieldwork_app.services.distress import DistressEvent
from fieldwork_app.services.screens import ParticipantSupport

from fieldwork_app.gui.formatting import date_text, setup_date_edit, time_text
from fieldwork_app.gui.session.common import box, clock_text, for_whom_text, who_text
from fieldwork_app.gui.views.common import label, scroll_page
from fieldwork_app.gui.widgets.flow_layout import FlowLayout


def next_working_day(today: date) -> date:
    d = today + timedelta(days=1)
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


_ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)


class _ArrowChooses(QRadioButton):
    """A choice whose arrow keys choose where they land, also while nothing is chosen yet (Qt's arrows then
    only move the focus ring, which looks like a choice while none is recorded)."""

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802 - Qt override
        group = self.group()
        if group is None or group.checkedButton() is not None or e.key() not in _ARROWS:
            super().keyPressEvent(e)
            return
        super().keyPressEvent(e)  # moves the focus to the next choice that way
        landed = QApplication.focusWidget()
        target = landed if isinstance(landed, QRadioButton) and landed in group.buttons() else self
        if not target.isChecked():
            target.click()


class DistressPanel(QWidget):
    pause_toggled = Signal(bool)
    step = Signal(str, object)  # kind, data dict
    resume = Signal()
    end_early = Signal(str)
    show_support = Signal()
    support_pdf = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("distressPanel")
        self.setAccessibleName(self.tr("Distress protocol"))
        lay, body = scroll_page(self)
        area = next(a for a in self.findChildren(QScrollArea) if a.widget() is body)
        self._area = area
        # the scroll area is no Tab stop (it shows no focus); its controls are, and it follows them.  Opening
        # the protocol puts the focus on its first control, the pause box, where it shows
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        title = label(self.tr("Distress protocol"), "title")
        lay.addWidget(title)
        lay.addWidget(
            label(
                self.tr(
                    "Stop and check in with the participant. Tick what you see and do; each tick is timed. "
                    "They decide whether to go on."
                ),
                "hint",
            )
        )
        # on a session of several participants, whom the distress concerns, said beside the words for "the
        # participant" once chosen (here, in each stage's actions, the choice, contact and follow-up); the
        # pack's words are shown as they are
        self.concerns_labels: list[QLabel] = []
        lay.addWidget(self._concerns_label())
        self.pause = QCheckBox(self.tr("Recording paused while the protocol is open"))
        self.pause.setObjectName("distressPause")
        self.pause.toggled.connect(self.pause_toggled)
        lay.addWidget(self.pause)
        self.setFocusProxy(self.pause)
        self.pause.installEventFilter(self)
        self.protocol: DistressProtocol | None = None
        self.stage_group = QButtonGroup(self)
        self.stage_row = QHBoxLayout()
        lay.addLayout(self.stage_row)
        self.stage_boxes: dict[int, QWidget] = {}
        self.stage_checks: dict[int, list[QCheckBox]] = {}
        self.checks: dict[tuple[str, str], QCheckBox] = {}
        self.stages_lay = QVBoxLayout()
        lay.addLayout(self.stages_lay)

        # whom the distress concerns: filled by set_people on a session of several participants, else hidden
        self.whom_box, self.whom_lay = box(self.tr("Whom it concerns"), "distressWhom")
        self.whom_group = QButtonGroup(self)
        self.whom: dict[str, QRadioButton] = {}  # by participant id; "" for the session as a whole
        self.whom_names: dict[str, str] = {}
        self.whom_box.hide()
        lay.addWidget(self.whom_box)

        g, glay = box(self.tr("The participant's choice"))
        glay.addWidget(self._concerns_label())
        row = QHBoxLayout()
        self.choice_group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        for c, text in (
            ("continue", self.tr("Continue")),
            ("pause", self.tr("Pause for now")),
            ("stop", self.tr("Stop")),
        ):
            rb = QRadioButton(text)
            rb.setObjectName(f"choice-{c}")
            rb.clicked.connect(lambda _c=False, v=c: self.step.emit("choice", {"choice": v}))
            self.choice_group.addButton(rb)
            self.choices[c] = rb
            row.addWidget(rb)
        row.addStretch(1)
        glay.addLayout(row)
        lay.addWidget(g)

        g, self.support_lay = box(self.tr("Support list"))
        self.support_lay.addWidget(
            label(self.tr("Tick each entry as you give it to the participant; each tick is saved."), "hint")
        )
        self.support_checks: dict[str, QCheckBox] = {}
        self.support_names: dict[str, str] = {}
        row = QHBoxLayout()
        show = QPushButton(self.tr("Show support list"))
        show.setObjectName("showSupportList")
        show.clicked.connect(self.show_support)
        pdf = QPushButton(self.tr("Save support list (PDF)…"))
        pdf.setObjectName("supportPdf")
        pdf.clicked.connect(self.support_pdf)
        self._support_actions = (show, pdf)
        for b in (show, pdf):
            row.addWidget(b)
        row.addStretch(1)
        self.support_buttons = row
        lay.addWidget(g)

        g, glay = box(self.tr("Contact and follow-up"))
        glay.addWidget(self._concerns_label())
        row = QHBoxLayout()
        row.addWidget(label(self.tr("The participant consents to contact with their doctor or care team:")))
        self.gp_group = QButtonGroup(self)
        for value, text in ((True, self.tr("Yes")), (False, self.tr("No"))):
            rb = QRadioButton(text)
            rb.setObjectName("care-contact-yes" if value else "care-contact-no")
            rb.clicked.connect(lambda _c=False, v=value: self.step.emit("gp_contact_consent", {"consent": v}))
            self.gp_group.addButton(rb)
            row.addWidget(rb)
        row.addStretch(1)
        glay.addLayout(row)
        self.follow_agreed = QCheckBox(self.tr("Follow-up call agreed, due"))
        self.follow_agreed.setObjectName("followUpAgreed")
        self.follow_due = QDateEdit()
        self.follow_due.setObjectName("followUpDue")
        self.follow_due.setCalendarPopup(True)
        setup_date_edit(self.follow_due)
        self.follow_due.setAccessibleName(self.tr("Follow-up call due"))
        d = next_working_day(date.today())
        self.follow_due.setDate(QDate(d.year, d.month, d.day))
        save = QPushButton(self.tr("Record follow-up"))
        save.setObjectName("followUpSave")
        save.clicked.connect(self._follow_up)
        pi = QPushButton(self.tr("Chief investigator told now"))
        pi.setObjectName("piInformed")
        pi.clicked.connect(lambda: self.step.emit("pi_informed", {}))
        self._follow_actions = (save, pi)
        # the follow-up call and the chief investigator's button: side by side, or one under the other where a
        # long language leaves no room (the page never scrolls sideways)
        follow = QWidget()
        follow_row = QHBoxLayout(follow)
        follow_row.setContentsMargins(0, 0, 0, 0)
        for w in (self.follow_agreed, self.follow_due, save):
            follow_row.addWidget(w)
        flow = FlowLayout(spacing=6, line_spacing=4)
        flow.addWidget(follow)
        flow.addWidget(pi)
        glay.addLayout(flow)
        lay.addWidget(g)

        g, glay = box(self.tr("Timeline"))
        self.timeline = QListWidget()
        self.timeline.setObjectName("distressTimeline")
        self.timeline.setAccessibleName(self.tr("Distress event timeline"))
        self.timeline.setMinimumHeight(120)
        glay.addWidget(self.timeline)
        lay.addWidget(g)

        row = QHBoxLayout()
        self.resume_button = QPushButton(self.tr("Resume the interview"))
        self.resume_button.setObjectName("distressResume")
        self.resume_button.clicked.connect(self.resume)
        self.reason = QLineEdit()
        self.reason.setObjectName("endReason")
        self.reason.setPlaceholderText(self.tr("Reason for ending (optional)"))
        self.reason.setAccessibleName(self.tr("Reason for ending the session early"))
        self.end_button = QPushButton(self.tr("End the session early"))
        self.end_button.setObjectName("distressEnd")
        self.end_button.clicked.connect(lambda: self.end_early.emit(self.reason.text().strip()))
        row.addWidget(self.resume_button)
        row.addStretch(1)
        row.addWidget(self.reason, 1)
        row.addWidget(self.end_button)
        lay.addLayout(row)

    # -- building ------------------------------------------------------------------------------------
    def set_protocol(
        self,
        proto: DistressProtocol,
        support: tuple[SignpostingEntry, ...],
        support_for: dict[str, tuple[str, ...]] | None = None,
        own_lists: bool = False,
    ) -> None:
        """The protocol's stages and the support list; ``support_for`` the entries offered to some of the
        session's participants only, with whom each is for (said beside it).  With ``own_lists`` (participants
        offered different entries) the one-PDF button gives way to the support page, where each participant's
        list has its own."""
        self.protocol = proto
        for st in proto.stages:
            rb = QRadioButton(self.tr("Stage %1: %2").replace("%1", str(st.level)).replace("%2", st.name))
            rb.setObjectName(f"stage-{st.level}")
            rb.clicked.connect(lambda _c=False, lv=st.level: self._pick_stage(lv))
            self.stage_group.addButton(rb, st.level)
            self.stage_row.addWidget(rb)
            g, glay = box(self.tr("Stage %1: %2").replace("%1", str(st.level)).replace("%2", st.name))
            glay.addWidget(label(self.tr("Signs"), "subtitle"))
            for item in st.signs:
                glay.addWidget(self._check("sign", item.id, item.text))
            glay.addWidget(label(self.tr("Actions"), "subtitle"))
            glay.addWidget(self._concerns_label())
            for item in st.actions:
                glay.addWidget(self._check("action", item.id, item.text))
            self.stage_checks[st.level] = [
                self.checks[(kind, item.id)]
                for kind, items in (("sign", st.signs), ("action", st.actions))
                for item in items
            ]
            g.hide()
            self.stage_boxes[st.level] = g
            self.stages_lay.addWidget(g)
        self.stage_row.addStretch(1)
        for e in sorted(support, key=lambda e: not e.emergency):
            text = f"{e.name}" + (f" ({e.phone})" if e.phone else "")
            cb = QCheckBox(for_whom_text(text, (support_for or {}).get(e.id, ())))
            cb.setObjectName(f"signpost-{e.id}")
            cb.toggled.connect(
                lambda on, eid=e.id: self.step.emit("signposting", {"entries": [eid], "given": on})
            )
            self.support_checks[e.id] = cb
            self.support_names[e.id] = e.name
            self.support_lay.addWidget(cb)
        self.support_lay.addLayout(self.support_buttons)
        self._support_actions[1].setVisible(not own_lists)
        self._tab_down_the_page()

    def set_people(self, people: tuple[ParticipantSupport, ...]) -> None:
        """The session's participants, to say whom the distress concerns (several only: one needs no choice)."""
        if len(people) < 2:
            return
        row = FlowLayout(spacing=12, line_spacing=4)
        for pid, text in [*((p.participant_id, who_text(p)) for p in people), ("", self.tr("The session as a whole"))]:
            rb = _ArrowChooses(text)
            rb.setObjectName(f"whom-{pid}" if pid else "whom-session")
            rb.clicked.connect(lambda _c=False, v=pid: self._pick_whom(v))
            self.whom_group.addButton(rb)
            self.whom[pid] = rb
            self.whom_names[pid] = text
            row.addWidget(rb)
        self.whom_lay.addLayout(row)
        self.whom_box.show()
        self._tab_down_the_page()

    def _tab_down_the_page(self) -> None:
        """Tab follows the page from top to bottom: the stage first, its signs and actions, the choice, the
        support list, contact and follow-up, then resume or end.  The stages and the support list are built
        from the pack after the rest, so Qt's own order would reach them last (after "End the session")."""
        chain: list[QWidget] = [self.pause, *self.stage_group.buttons()]
        by_place = sorted(self.stage_boxes, key=lambda lv: self.stages_lay.indexOf(self.stage_boxes[lv]))
        for lv in by_place:  # the stages as shown: the one chosen first
            chain += self.stage_checks.get(lv, [])
        chain += [*self.whom_group.buttons(), *self.choice_group.buttons()]
        chain += [*self.support_checks.values(), *self._support_actions]
        chain += [*self.gp_group.buttons(), self.follow_agreed, self.follow_due, *self._follow_actions]
        chain += [self.timeline, self.resume_button, self.reason, self.end_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _check(self, kind: str, code: str, text: str) -> QCheckBox:
        cb = QCheckBox(text)
        cb.setObjectName(f"{kind}-{code}")
        if kind == "sign":

            def sign_toggled(on: bool) -> None:
                if on:
                    self.step.emit("sign", {"id": code})

            cb.toggled.connect(sign_toggled)
        else:
            cb.toggled.connect(lambda on, c=code: self.step.emit("action", {"id": c, "done": on}))
        self.checks[(kind, code)] = cb
        return cb

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.pause and event.type() == QEvent.Type.FocusIn:
            # the focus given to the panel (on opening, after an unlock) shows, wherever the page was scrolled
            self._area.ensureWidgetVisible(self.pause)
        return super().eventFilter(watched, event)

    def _concerns_label(self) -> QLabel:
        w = label("", "hint")
        w.setObjectName("distressConcerns")
        w.hide()
        self.concerns_labels.append(w)
        return w

    def _pick_whom(self, pid: str) -> None:
        self._say_concerns(pid)
        self.step.emit("participant", {"participant": pid or None})

    def _say_concerns(self, pid: str | None) -> None:
        """Whom the distress concerns beside the words for "the participant" (``None``: not said yet)."""
        if pid is None or pid not in self.whom_names:
            text = ""
        elif pid:
            text = self.tr("Concerns: %1").replace("%1", self.whom_names[pid])
        else:
            text = self.tr("Concerns: the session as a whole")
        for w in self.concerns_labels:
            w.setText(text)
            w.setVisible(bool(text))
        for b in (*self.choice_group.buttons(), *self.gp_group.buttons()):  # read out with the choice too
            b.setAccessibleDescription(text)

    def _pick_stage(self, level: int) -> None:
        self._show_stages(level)
        self.step.emit("stage", {"level": level})
        QTimer.singleShot(0, lambda: self._reveal(level))

    def _show_stages(self, level: int) -> None:
        """The stages up to ``level`` shown, the one chosen first (under the stage choice, next by Tab), the
        earlier ones after it in their order; escalating keeps what was ticked at the earlier stages."""
        chosen = self.stage_boxes.get(level)
        order = [g for lv, g in sorted(self.stage_boxes.items()) if g is not chosen]
        if chosen is not None:
            order.insert(0, chosen)
        for i, g in enumerate(order):
            if self.stages_lay.indexOf(g) != i:
                self.stages_lay.removeWidget(g)
                self.stages_lay.insertWidget(i, g)
        for lv, g in self.stage_boxes.items():
            g.setVisible(lv <= level)
        self._tab_down_the_page()

    def _reveal(self, level: int) -> None:
        """Scroll the chosen stage's box into view with the stage choice above it (its top, where the box is
        taller than the page)."""
        g = self.stage_boxes.get(level)
        first = self.stage_group.button(level)
        body = self._area.widget()
        if body is None or g is None or first is None or not g.isVisible():
            return
        top = first.mapTo(body, first.rect().topLeft()).y() - 8
        bottom = g.mapTo(body, g.rect().bottomLeft()).y() + 8
        bar = self._area.verticalScrollBar()
        height = self._area.viewport().height()
        if bottom - top > height or bar.value() > top:
            bar.setValue(top)
        elif bar.value() + height < bottom:
            bar.setValue(bottom - height)

    def _follow_up(self) -> None:
        if self.follow_agreed.isChecked():
            self.step.emit(
                "follow_up", {"agreed": True, "due": self.follow_due.date().toString("yyyy-MM-dd")}
            )
        else:
            self.step.emit("follow_up", {"agreed": False})

    # -- showing an event ----------------------------------------------------------------------------
    def reset(self, paused: bool) -> None:
        for cb in self.checks.values():
            cb.blockSignals(True)
            cb.setChecked(False)
            cb.blockSignals(False)
        for grp in (self.stage_group, self.whom_group, self.choice_group, self.gp_group):
            grp.setExclusive(False)
            for b in grp.buttons():
                b.setChecked(False)
            grp.setExclusive(True)
        for cb in self.support_checks.values():
            cb.blockSignals(True)
            cb.setChecked(False)
            cb.blockSignals(False)
        self.follow_agreed.setChecked(False)
        self._say_concerns(None)
        self.reason.clear()
        self.timeline.clear()
        self._show_stages(0)
        self.set_paused(paused)

    def set_paused(self, paused: bool) -> None:
        self.pause.blockSignals(True)
        self.pause.setChecked(paused)
        self.pause.blockSignals(False)

    def show_event(self, ev: DistressEvent) -> None:
        if ev.highest_stage:
            b = self.stage_group.button(ev.highest_stage)
            if b is not None and self.stage_group.checkedId() < ev.highest_stage:
                b.setChecked(True)
            self._show_stages(max(ev.highest_stage, self.stage_group.checkedId()))
        for (kind, code), cb in self.checks.items():
            on = code in (ev.signs if kind == "sign" else ev.actions)
            if cb.isChecked() != on:
                cb.blockSignals(True)
                cb.setChecked(on)
                cb.blockSignals(False)
        if ev.choice in self.choices:
            self.choices[ev.choice].setChecked(True)
        whom = self.whom.get(ev.participant_id or "") if ev.concerns_said else None
        if whom is not None:
            whom.setChecked(True)
            self._say_concerns(ev.participant_id or "")
        if ev.gp_contact_consent is not None:
            gp = self.findChild(QRadioButton, "care-contact-yes" if ev.gp_contact_consent else "care-contact-no")
            if gp is not None:
                gp.setChecked(True)
        if ev.follow_up_agreed is not None and self.follow_agreed.isChecked() != ev.follow_up_agreed:
            self.follow_agreed.setChecked(ev.follow_up_agreed)
        for eid, cb in self.support_checks.items():
            if cb.isChecked() != (eid in ev.signposting):
                cb.blockSignals(True)
                cb.setChecked(eid in ev.signposting)
                cb.blockSignals(False)
        self.timeline.clear()
        for s in ev.steps:
            self.timeline.addItem(self._step_text(s))
        self.timeline.scrollToBottom()

    # -- the timeline in the protocol's own words ------------------------------------------------------
    def _item_text(self, kind: str, code: object) -> str:
        """A sign's or action's text as the pack words it (the code only if the pack lacks it)."""
        if self.protocol is not None:
            for st in self.protocol.stages:
                for item in st.signs if kind == "sign" else st.actions:
                    if item.id == code:
                        return item.text
        return str(code)

    def _stage_text(self, level: object) -> str:
        name = ""
        if self.protocol is not None:
            name = next((st.name for st in self.protocol.stages if st.level == level), "")
        text = self.tr("Stage %1").replace("%1", str(level))
        return f"{text}: {name}" if name else text

    def _step_text(self, s: dict) -> str:
        when = time_text(s["at"])
        pos = s.get("position")
        where = f" · {self.tr('audio')} {clock_text(pos)}" if pos is not None else ""
        kind = s["kind"]
        choices = {
            "continue": self.tr("continue"),
            "pause": self.tr("pause for now"),
            "stop": self.tr("stop"),
        }
        outcomes = {
            "resumed": self.tr("the interview resumed"),
            "ended_early": self.tr("the session ended early"),
        }
        entries = ", ".join(self.support_names.get(e, e) for e in s.get("entries", []))
        detail = {
            "stage": lambda: self._stage_text(s.get("level")),
            "sign": lambda: self.tr("Sign seen: %1").replace("%1", self._item_text("sign", s.get("id"))),
            "action": lambda: (
                self.tr("Done: %1") if s.get("done") else self.tr("Not done after all: %1")
            ).replace("%1", self._item_text("action", s.get("id"))),
            "choice": lambda: self.tr("The participant's choice: %1").replace(
                "%1", choices.get(str(s.get("choice")), str(s.get("choice")))
            ),
            "recording_paused": lambda: self.tr("Recording paused"),
            "recording_resumed": lambda: self.tr("Recording resumed"),
            "signposting": lambda: (
                self.tr("Support given: %1")
                if s.get("given", True)
                else self.tr("Support not given after all: %1")
            ).replace("%1", entries),
            "gp_contact_consent": lambda: self.tr("Consent to contact their doctor or care team: %1").replace(
                "%1", self.tr("yes") if s.get("consent") else self.tr("no")
            ),
            "follow_up": lambda: (
                self.tr("Follow-up call due %1").replace("%1", date_text(s.get("due")))
                if s.get("agreed")
                else self.tr("No follow-up call")
            ),
            "pi_informed": lambda: self.tr("Chief investigator told"),
            "debrief": lambda: self.tr("Debrief done"),
            "safeguarding_link": lambda: self.tr("Linked to a safeguarding concern"),
            "participant": lambda: (
                self.tr("Concerns %1").replace(
                    "%1", self.whom_names.get(str(s["participant"]), str(s["participant"]))
                )
                if s.get("participant")
                else self.tr("Concerns the session as a whole")
            ),
            "close": lambda: self.tr("Closed: %1").replace(
                "%1", outcomes.get(str(s.get("outcome")), str(s.get("outcome")))
            ),
        }.get(kind, lambda: kind)()
        return f"{when}{where}  {detail}"
