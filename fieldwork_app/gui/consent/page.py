"""Take consent: one participant at a time, statement by statement: written, verbal, paper, or (where the
form allows it) consent the researcher records without the participant's signature, with the reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldwork_app.audio import Level, TakeSummary
from fieldwork_app.errors import ErrorKind, FieldworkError
from fieldwork_app.services import readiness_words
from fieldwork_app.services.consent import ConsentResult
from fieldwork_app.services.recording import ActiveTake

from fieldwork_app.gui import save_clear
from fieldwork_app.gui.consent import presenter
from fieldwork_app.gui.context import AppContext
from fieldwork_app.gui.messages import describe, recording_problem
from fieldwork_app.gui.resources import icon
from fieldwork_app.gui.views.common import label, scroll_page, set_role
from fieldwork_app.gui.widgets.level_meter import LevelMeter
from fieldwork_app.gui.widgets.signature_pad import SignaturePad
from fieldwork_app.gui.widgets.statement import StatementRow

MODES = ("written", "verbal", "paper", "attested")


class ConsentPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.p = presenter.ConsentPresenter(ctx, self)
        self.model: presenter.SessionModel | None = None
        self.draft: presenter.Draft | None = None
        self.rows: dict[str, StatementRow] = {}
        self._consent_recording = ""
        self._last_consent = ""
        self._loading = ""  # the participant whose form is being fetched
        layout, _ = scroll_page(self)
        layout.addWidget(label(self.tr("Take consent"), "title"))
        layout.addWidget(
            label(
                self.tr(
                    "One participant at a time. Read each statement; every answer starts empty and nothing counts "
                    "until it is given. Declining an optional statement never excludes anyone."
                ),
                "hint",
            )
        )
        top = QHBoxLayout()
        self.session_combo = QComboBox()
        self.session_combo.setAccessibleName(self.tr("Session"))
        self.session_combo.currentIndexChanged.connect(self._on_session)
        top.addWidget(label(self.tr("Session:"), wrap=False))
        top.addWidget(self.session_combo, 1)
        layout.addLayout(top)

        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("Participants in this session"))
        self.people.setMaximumHeight(110)
        self.people.currentRowChanged.connect(self._on_person)
        layout.addWidget(self.people)

        mode_box = QGroupBox(self.tr("How consent is given"))
        ml = QGridLayout(mode_box)  # two a row, so the choices fit a small screen
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QRadioButton] = {}
        for i, (m, text) in enumerate(
            (
                ("written", self.tr("&Written, signed on screen")),
                ("verbal", self.tr("&Verbal, recorded (remote or phone)")),
                ("paper", self.tr("&Paper form, entered afterwards")),
                ("attested", self.tr("Consented, &not signed on screen")),
            )
        ):
            b = QRadioButton(text)
            b.setObjectName(f"mode-{m}")
            self.mode_group.addButton(b, i)
            self.mode_buttons[m] = b
            ml.addWidget(b, i // 2, i % 2)
        ml.setColumnStretch(2, 1)
        self.mode_words = {
            "written": self.tr("signing on screen"),
            "verbal": self.tr("verbal consent, recorded"),
            "paper": self.tr("the paper form"),
            "attested": self.tr("consent you record without the participant's signature, with the reason"),
        }

        def mode_clicked(i: int) -> None:
            self.message.clear()
            self._set_mode(MODES[i])

        self.mode_group.idClicked.connect(mode_clicked)
        layout.addWidget(mode_box)
        self.form_title = label("", "subtitle")
        layout.addWidget(self.form_title)

        # Format 2: what the protocol asks for before the consent (capacity, a witness, an interpreter)
        self.before_box = QGroupBox(self.tr("Before consent"))
        bf = QFormLayout(self.before_box)
        self.capacity_checks: dict[str, QCheckBox] = {}
        for crit, text in (
            ("understand", self.tr("Understands the information")),
            ("retain", self.tr("Retains it long enough to decide")),
            ("weigh_up", self.tr("Weighs it up")),
            ("communicate", self.tr("Communicates a decision")),
        ):
            box = QCheckBox(text)
            box.setObjectName(f"capacity-{crit}")
            self.capacity_checks[crit] = box
            bf.addRow(box)
        self.capacity_button = QPushButton(self.tr("Record capacit&y assessment"))
        self.capacity_button.clicked.connect(self._record_capacity)
        self.capacity_state = label("", "hint")
        bf.addRow(self.capacity_button)
        bf.addRow(self.capacity_state)
        self.witness_name = QLineEdit()
        self.witness_name.setAccessibleName(self.tr("Witness's name"))
        self.interpreter_name = QLineEdit()
        self.interpreter_name.setAccessibleName(self.tr("Interpreter's name"))
        self.interpreter_agreement = QCheckBox(self.tr("The interpreter has signed the confidentiality a&greement"))
        self.guardian_name = QLineEdit()
        self.guardian_name.setAccessibleName(self.tr("Parent's or guardian's name"))
        self.guardian_form = QCheckBox(self.tr("The parent or guardian has completed their &form"))
        self.consultee_name = QLineEdit()
        self.consultee_name.setAccessibleName(self.tr("Consultee's name"))
        self.consultee_form = QCheckBox(self.tr("The consultee has completed their dec&laration"))
        # The consultee route: the participant cannot decide now and the protocol asks a consultee's advice.
        self.consultee_note = label(
            self.tr(
                "The participant cannot decide now, so they do not consent: the study's protocol asks a consultee "
                "for their advice on whether the participant would want to take part. Read each statement with "
                "the consultee and mark their advice. The participant's wishes and feelings still count: stop if "
                "they show they do not want to go on."
            ),
            "warning",
        )
        self.consultee_note.setObjectName("consulteeRoute")
        self.consultee_relationship = QLineEdit()
        self.consultee_relationship.setMaxLength(100)
        self.consultee_relationship.setAccessibleName(self.tr("Consultee's relationship to the participant"))
        self.consultee_kind = QComboBox()
        self.consultee_kind.setAccessibleName(self.tr("Kind of consultee"))
        self.consultee_kind.addItem(self.tr("Choose…"), "")
        self.consultee_kind.addItem(
            self.tr("Personal (cares for them or is interested in their welfare, unpaid)"), "personal"
        )
        self.consultee_kind.addItem(
            self.tr("Nominated (independent of the study; no personal consultee)"), "nominated"
        )
        self.consultee_advice = QButtonGroup(self)
        self.consultee_yes = QRadioButton(self.tr("Would &want to take part"))
        self.consultee_no = QRadioButton(self.tr("Would n&ot want to take part"))
        advice_row = QWidget()
        al = QHBoxLayout(advice_row)
        al.setContentsMargins(0, 0, 0, 0)
        for i, b in enumerate((self.consultee_yes, self.consultee_no)):
            self.consultee_advice.addButton(b, i)
            al.addWidget(b)
        al.addStretch(1)
        self.consultee_advice_row = advice_row
        bf.addRow(self.tr("Parent or guar&dian"), self.guardian_name)
        bf.addRow(self.guardian_form)
        bf.addRow(self.consultee_note)
        bf.addRow(self.tr("Cons&ultee"), self.consultee_name)
        bf.addRow(self.tr("Relations&hip"), self.consultee_relationship)
        bf.addRow(self.tr("Kind of consultee"), self.consultee_kind)
        bf.addRow(self.tr("Their advice"), self.consultee_advice_row)
        bf.addRow(self.consultee_form)
        bf.addRow(self.tr("Witness presen&t"), self.witness_name)
        bf.addRow(self.tr("Interpreter pr&esent"), self.interpreter_name)
        bf.addRow(self.interpreter_agreement)
        for w in (
            self.witness_name,
            self.interpreter_name,
            self.guardian_name,
            self.consultee_name,
            self.consultee_relationship,
        ):
            w.textChanged.connect(self._update_save)
        self.consultee_kind.currentIndexChanged.connect(self._update_save)
        self.consultee_advice.idClicked.connect(self._update_save)
        for c in (self.interpreter_agreement, self.guardian_form, self.consultee_form):
            c.toggled.connect(self._update_save)
        self.before_form = bf
        self.before_box.setVisible(False)
        layout.addWidget(self.before_box)

        # verbal: intro, the consent recording, closing
        self.verbal_box = QGroupBox(self.tr("Verbal consent recording (kept apart from the interview)"))
        vl = QVBoxLayout(self.verbal_box)
        self.script_intro = label("")
        vl.addWidget(self.script_intro)
        vr = QHBoxLayout()
        self.consent_rec_button = QPushButton(icon("record"), self.tr("Start consent &recording"))
        self.consent_rec_button.clicked.connect(self._toggle_consent_recording)
        self.consent_pos = label("", "hint", wrap=False)
        vr.addWidget(self.consent_rec_button)
        vr.addWidget(self.consent_pos)
        vr.addStretch(1)
        vl.addLayout(vr)
        self.consent_meter = LevelMeter()
        vl.addWidget(self.consent_meter)
        layout.addWidget(self.verbal_box)
        self.paper_note = label(
            self.tr("Enter each answer exactly as the participant marked it on the signed paper form."),
            "hint",
        )
        layout.addWidget(self.paper_note)
        # attested: the participant gives every answer but cannot or will not sign on screen; the researcher says why
        self.unsigned_box = QGroupBox(self.tr("Why the participant is not signing on screen"))
        ul = QVBoxLayout(self.unsigned_box)
        ul.addWidget(
            label(
                self.tr(
                    "Read each statement with the participant and mark their answers. They do not sign; you "
                    "record why (for example, they cannot hold a pen, or do not want their signature kept) and sign "
                    "as the person taking consent."
                ),
                "hint",
            )
        )
        self.unsigned_reason = QLineEdit()
        self.unsigned_reason.setObjectName("unsignedReason")
        self.unsigned_reason.setMaxLength(500)
        self.unsigned_reason.setAccessibleName(self.tr("Why the participant is not signing on screen"))
        self.unsigned_reason.setPlaceholderText(self.tr("The reason, in a few words (no names)"))
        self.unsigned_reason.textChanged.connect(self._update_save)
        ul.addWidget(self.unsigned_reason)
        layout.addWidget(self.unsigned_box)

        self.statements_box = QWidget()
        self.statements_layout = QVBoxLayout(self.statements_box)
        self.statements_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.statements_box)
        self.script_closing = label("", "hint")
        layout.addWidget(self.script_closing)

        # written: both signatures
        self.sign_box = QGroupBox(self.tr("Signatures"))
        sf = QFormLayout(self.sign_box)
        self.participant_name = QLineEdit()
        self.participant_name.setAccessibleName(self.tr("Participant's name"))
        self.participant_pad = SignaturePad()
        self.participant_pad.setAccessibleName(self.tr("Participant's signature"))
        self.researcher_name = QLineEdit()
        self.researcher_name.setAccessibleName(self.tr("Researcher's name"))
        self.researcher_pad = SignaturePad()
        self.researcher_pad.setAccessibleName(self.tr("Researcher's signature"))
        clear_p = QPushButton(self.tr("Clear"))
        clear_p.setAccessibleName(self.tr("Clear the participant's signature"))
        clear_p.clicked.connect(self.participant_pad.clear)
        clear_r = QPushButton(self.tr("Clear"))
        clear_r.setAccessibleName(self.tr("Clear the researcher's signature"))
        clear_r.clicked.connect(self.researcher_pad.clear)
        self._sign_chain: list[QWidget] = [
            self.participant_name,
            self.participant_pad,
            clear_p,
            self.researcher_name,
            self.researcher_pad,
            clear_r,
        ]
        self.alternatives = label("", "hint")
        self.alternatives.setObjectName("signingAlternatives")
        sf.addRow(self.alternatives)
        sf.addRow(self.tr("Participant's na&me"), self.participant_name)
        sf.addRow(self.tr("Participant signs"), self.participant_pad)
        sf.addRow("", clear_p)
        sf.addRow(self.tr("Researcher's n&ame"), self.researcher_name)
        sf.addRow(self.tr("Researcher signs"), self.researcher_pad)
        sf.addRow("", clear_r)
        for pad in (self.participant_pad, self.researcher_pad):
            pad.changed.connect(self._update_save)
        self.sign_form = sf
        self._participant_signs = (self.participant_name, self.participant_pad, clear_p)
        layout.addWidget(self.sign_box)

        row = QHBoxLayout()
        self.save_button = QPushButton(icon("check"), self.tr("&Save consent"))
        self.save_button.clicked.connect(self._save)
        self.copy_button = QPushButton(icon("pdf"), self.tr("Save participant's &copy (PDF)…"))
        self.copy_button.clicked.connect(self._save_copy)
        self.copy_button.setEnabled(False)
        row.addWidget(self.save_button)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.save_reason = label("", "hint")
        self.message = label("", "ok")
        layout.addWidget(self.save_reason)
        layout.addWidget(self.message)

        gate = QGroupBox(self.tr("Interview recording"))
        gl = QHBoxLayout(gate)
        self.start_button = QPushButton(icon("record"), self.tr("Start &interview recording"))
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(self._start_interview)
        self.gate_reason = label("", "warning")
        gl.addWidget(self.start_button)
        gl.addWidget(self.gate_reason, 1)
        layout.addWidget(gate)

        ctx.recorder.level.connect(self._on_level)
        ctx.recorder.tick.connect(self._on_tick)
        ctx.recorder.started.connect(self._on_rec_started)
        ctx.recorder.stopped.connect(self._on_rec_stopped)
        ctx.recorder.failed.connect(self._rec_failed)
        self._set_mode("")

    # -- loading -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        sid = self.ctx.session_id
        self.p.session_model(sid, self._show_session, self._failed)

    def on_locked(self) -> None:
        self.participant_name.clear()
        self.participant_pad.clear()
        self.unsigned_reason.clear()

    def _show_session(self, m: presenter.SessionModel) -> None:
        self.model = m
        self.session_combo.blockSignals(True)
        self.session_combo.clear()
        for sid, text in m.sessions:
            self.session_combo.addItem(text, sid)
        self.session_combo.setCurrentIndex(max(0, self.session_combo.findData(m.session_id)))
        self.session_combo.blockSignals(False)
        if m.session_id:
            self.ctx.set_session(m.session_id)
        current = self.people.currentItem().data(256) if self.people.currentItem() else ""
        self.people.blockSignals(True)
        self.people.clear()
        for p in m.people:
            state = (
                self.tr("consultee's advice recorded")
                if p.consent_id and p.consent_by == "consultee"
                else self.tr("consent recorded")
                if p.consent_id
                else self.tr("consent not yet taken")
            )
            item = QListWidgetItem(icon("check" if p.consent_id else "consent"), f"{p.id} · {state}")
            item.setData(256, p.id)
            self.people.addItem(item)
        pick = next((i for i, p in enumerate(m.people) if p.id == current and self.draft is not None), None)
        if pick is None:
            pick = next((i for i, p in enumerate(m.people) if not p.consent_id), 0 if m.people else -1)
        self.people.setCurrentRow(pick)
        self.people.blockSignals(False)
        # Keep a draft in progress (refreshes happen mid-consent, e.g. when the consent recording stops).
        if pick >= 0:
            wanted = m.people[pick].id
            have = self.draft.form.participant_id if self.draft is not None else self._loading
            if have != wanted:
                self._on_person(pick)
        self.start_button.setEnabled(m.can_record and not self.ctx.recorder.active)
        if not m.session_id:
            self.gate_reason.setText(self.tr("Prepare a session first."))
        elif m.can_record:
            self.gate_reason.setText(self.tr("Everyone has agreed to the recording."))
        else:
            # one sentence: what holds each participant back, as the readiness table words it
            why = "; ".join(readiness_words.recording_hold(h, QCoreApplication.translate) for h in m.holds)
            self.gate_reason.setText(self.tr("Recording stays off: %1.").replace("%1", why))

    def _on_session(self) -> None:
        self.ctx.set_session(self.session_combo.currentData() or "")
        self.draft = None
        self.refresh()

    def _on_person(self, row: int) -> None:
        if row < 0 or self.model is None:
            return
        pid = self.people.item(row).data(256)
        sid = self.model.session_id
        self._loading = pid
        self.p.form_model(sid, pid, self._show_form, self._failed)

    def _show_form(self, f: presenter.FormModel) -> None:
        self._loading = ""
        self.draft = presenter.Draft(f)
        self._consent_recording = ""
        self.participant_name.clear()
        self.participant_pad.clear()
        self.researcher_pad.clear()
        self.unsigned_reason.clear()
        self.researcher_name.setText(self.ctx.user)
        self.form_title.setText(
            self.tr("%1: %2, version %3")
            .replace("%1", f.participant_id)
            .replace("%2", f.title)
            .replace("%3", f.version)
        )
        for m, b in self.mode_buttons.items():
            b.setEnabled(m in f.modes)
            b.setToolTip("" if m in f.modes else self.tr("This form does not allow this kind of consent."))
        others = [self.mode_words[m] for m in MODES if m != "written" and m in f.modes]
        self.alternatives.setText(
            self.tr("If the participant cannot or will not sign on screen, this form also allows: %1.").replace(
                "%1", "; ".join(others)
            )
            if others
            else self.tr("This form allows no other way than signing on screen.")
        )
        self._show_before(f)
        self.mode_group.setExclusive(False)
        for b in self.mode_buttons.values():
            b.setChecked(False)
        self.mode_group.setExclusive(True)
        self._set_mode("")

    def _show_before(self, f: presenter.FormModel) -> None:
        roles = {role: (required, agreement) for role, required, agreement in f.parties}
        for crit, box in self.capacity_checks.items():
            box.setChecked(False)
            self.before_form.setRowVisible(box, crit in f.capacity)
        for w in (self.capacity_button, self.capacity_state):
            self.before_form.setRowVisible(w, bool(f.capacity))
        self.capacity_state.setText(
            self.tr("Capacity assessed at this session: able to decide.")
            if f.capacity_ok
            else self.tr("Capacity assessed at this session: not able to decide now; the consultee route applies.")
            if f.consultee_route
            else ""
        )
        self.witness_name.clear()
        self.interpreter_name.clear()
        self.interpreter_agreement.setChecked(False)
        self.before_form.setRowVisible(self.witness_name, "witness" in roles)
        self.before_form.setRowVisible(self.interpreter_name, "interpreter" in roles)
        self.before_form.setRowVisible(self.interpreter_agreement, roles.get("interpreter", (False, False))[1])
        for role, name, paper in (
            ("guardian", self.guardian_name, self.guardian_form),
            ("consultee", self.consultee_name, self.consultee_form),
        ):
            name.clear()
            paper.setChecked(False)
            self.before_form.setRowVisible(name, role in roles)
            self.before_form.setRowVisible(paper, roles.get(role, (False, False))[1])
        self.consultee_relationship.clear()
        self.consultee_kind.setCurrentIndex(0)
        self.consultee_advice.setExclusive(False)
        for b in (self.consultee_yes, self.consultee_no):
            b.setChecked(False)
        self.consultee_advice.setExclusive(True)
        self._show_consultee(f.consultee_route)
        self.before_box.setVisible(bool(f.capacity or roles))

    def _show_consultee(self, route: bool) -> None:
        """The consultee's rows: shown where the protocol always asks for a consultee, or once this session's
        capacity assessment opened the consultee route (then with their relationship, kind and advice)."""
        parties = self.draft.form.parties if self.draft is not None else ()
        roles = {role: (required, agreement) for role, required, agreement in parties}
        wanted = "consultee" in roles and (route or roles["consultee"][0])
        self.before_form.setRowVisible(self.consultee_name, wanted)
        self.before_form.setRowVisible(self.consultee_form, wanted and roles.get("consultee", (False, False))[1])
        for w in (self.consultee_note, self.consultee_relationship, self.consultee_kind, self.consultee_advice_row):
            self.before_form.setRowVisible(w, route)

    def _record_capacity(self) -> None:
        d, m = self.draft, self.model
        if d is None or m is None:
            return
        answers = {c: self.capacity_checks[c].isChecked() for c in d.form.capacity}
        sid, pid = m.session_id, d.form.participant_id

        def done(result: object) -> None:
            ok = bool(getattr(result, "has_capacity", False))
            d.capacity_ok = ok
            d.capacity_assessed = True
            d.consultee_route = bool(getattr(result, "consultee_route", False))
            if ok:
                self.capacity_state.setText(self.tr("Capacity assessed at this session: able to decide."))
            else:
                self.capacity_state.setText(
                    self.tr("Not able to decide now: %1").replace("%1", str(getattr(result, "advice", "")))
                )
            self._show_consultee(d.consultee_route)
            self._sign_labels()
            self._update_save()  # the answers given so far stay: the form is not reloaded

        self.p.record_capacity(sid, pid, answers, done, self._failed)

    def _parties(self) -> dict[str, dict[str, object]]:
        out: dict[str, dict[str, object]] = {}
        if self.witness_name.isVisibleTo(self) and self.witness_name.text().strip():
            out["witness"] = {"name": self.witness_name.text().strip()}
        if self.interpreter_name.isVisibleTo(self) and self.interpreter_name.text().strip():
            out["interpreter"] = {
                "name": self.interpreter_name.text().strip(),
                "agreement": self.interpreter_agreement.isChecked(),
            }
        for role, name, paper in (
            ("guardian", self.guardian_name, self.guardian_form),
            ("consultee", self.consultee_name, self.consultee_form),
        ):
            if name.isVisibleTo(self) and name.text().strip():
                out[role] = {"name": name.text().strip(), "agreement": paper.isChecked()}
        if "consultee" in out and self.draft is not None and self.draft.consultee_route:
            advice = {0: "take_part", 1: "not_take_part"}.get(self.consultee_advice.checkedId(), "")
            out["consultee"].update(
                relationship=self.consultee_relationship.text().strip(),
                kind=self.consultee_kind.currentData() or "",
                advice=advice,
            )
        return out

    # -- mode and statements -----------------------------------------------------------------------
    def _set_mode(self, mode: str) -> None:
        if self.draft is not None:  # a new draft for the new way; this session's assessment stays
            old = self.draft
            self.draft = presenter.Draft(old.form, mode=mode)
            self.draft.capacity_ok = old.capacity_ok
            self.draft.consultee_route = old.consultee_route
            self.draft.capacity_assessed = old.capacity_assessed
        f = self.draft.form if self.draft else None
        self.verbal_box.setVisible(mode == "verbal")
        self.paper_note.setVisible(mode == "paper")
        self.sign_box.setVisible(mode in ("written", "attested"))
        self.alternatives.setVisible(mode == "written")
        for w in self._participant_signs:
            self.sign_form.setRowVisible(w, mode == "written")
        self._sign_labels()
        self.unsigned_box.setVisible(mode == "attested")
        self.sign_box.setTitle(self.tr("Signatures") if mode == "written" else self.tr("Your signature"))
        self.script_intro.setText(f.script_intro if f else "")
        self.script_closing.setText(f.script_closing if (f and mode == "verbal") else "")
        for r in self.rows.values():
            r.setParent(None)
            r.deleteLater()
        self.rows = {}
        if f is not None and mode:
            for n, s in enumerate(f.statements, 1):
                row = StatementRow(n, s, mode)
                row.answered.connect(self._on_answer)
                row.initials_changed.connect(self._on_initials)
                self.statements_layout.addWidget(row)
                self.rows[s.id] = row
            self._show_applies()
        self._follow_the_page()
        self._update_save()

    def _sign_labels(self) -> None:
        """On the consultee route the consultee signs in the participant's place, and the fields say so."""
        route = self.draft is not None and self.draft.consultee_route
        for w, text in (
            (self.participant_name, self.tr("Consultee's na&me") if route else self.tr("Participant's na&me")),
            (self.participant_pad, self.tr("Consultee signs") if route else self.tr("Participant signs")),
        ):
            field_label = self.sign_form.labelForField(w)
            if isinstance(field_label, QLabel):
                field_label.setText(text)

    def _follow_the_page(self) -> None:
        """Tab goes down the page: how consent is given, the recording (verbal), each statement, then the
        signatures and Save.  The statements are built after the signature fields, so Qt's own order
        would jump from the mode to the signatures and reach the statements last."""
        chain: list[QWidget] = [next(reversed(self.mode_buttons.values()))]
        if self.verbal_box.isVisible():
            chain.append(self.consent_rec_button)
        for row in self.rows.values():
            chain += [row.yes, row.no] + ([row.initials] if row.initials is not None else [])
        chain.append(self.unsigned_reason)  # shown for attested consent only (Tab skips it otherwise)
        chain += self._sign_chain
        chain += [self.save_button, self.copy_button, self.start_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _on_answer(self, statement_id: str, value: bool) -> None:
        if self.draft is None:
            return
        position = None
        if self.draft.mode == "verbal":
            take = self.ctx.recorder.take
            if take is None or take.kind != "consent":
                self.rows[statement_id].group.setExclusive(False)
                self.rows[statement_id].yes.setChecked(False)
                self.rows[statement_id].no.setChecked(False)
                self.rows[statement_id].group.setExclusive(True)
                self._failed_text(self.tr("Start the consent recording before marking answers."))
                return
            position = self.ctx.recorder.position
            self.rows[statement_id].set_time(position)
        self.draft.answer(statement_id, value, position)
        self._show_applies()
        self._update_save()

    def _show_applies(self) -> None:
        """Each statement asked, waiting on an earlier answer, or greyed as not applying to this participant;
        re-read after every answer, since a statement can depend on an earlier one."""
        if self.draft is None:
            return
        for sid, applies in self.draft.applies().items():
            row = self.rows.get(sid)
            if row is not None and row.applies is not applies:
                row.set_applies(applies)

    def _on_initials(self, statement_id: str, text: str) -> None:
        if self.draft is not None:
            self.draft.initials[statement_id] = text
            self._update_save()

    def _update_save(self) -> None:
        d = self.draft
        reasons = []
        if d is None or not d.mode:
            reasons.append(self.tr("Choose how consent is given."))
        else:
            for kind, ids in d.problems():
                text = {
                    "unanswered": self.tr("Required statements not answered yet: %1"),
                    "declined": self.tr("Required statements declined (consent cannot be recorded): %1"),
                    "initials": self.tr("Initials missing for: %1"),
                }[kind]
                reasons.append(text.replace("%1", ", ".join(ids)))
            if d.mode == "written" and (self.participant_pad.empty or self.researcher_pad.empty):
                reasons.append(self.tr("Both signatures are needed."))
            if d.mode == "attested":
                if not self.unsigned_reason.text().strip():
                    reasons.append(self.tr("Say why the participant is not signing on screen."))
                if self.researcher_pad.empty:
                    reasons.append(self.tr("Your signature is needed, as the person taking consent."))
            if d.mode == "verbal" and (self.ctx.recorder.active or not self._consent_recording):
                reasons.append(self.tr("Record the consent conversation, then stop the recording."))
            if d.form.capacity and not d.capacity_ok and not d.consultee_route:
                reasons.append(
                    self.tr("The participant cannot decide now: no consent today (see the assessment above).")
                    if d.capacity_assessed
                    else self.tr("Assess capacity at this session first.")
                )
            given = self._parties()
            if d.consultee_route:
                c = given.get("consultee")
                if c is None:
                    reasons.append(self.tr("The consultee route: name the consultee."))
                else:
                    if not c.get("relationship"):
                        reasons.append(self.tr("Give the consultee's relationship to the participant."))
                    if not c.get("kind"):
                        reasons.append(self.tr("Say whether the consultee is personal or nominated."))
                    if not c.get("advice"):
                        reasons.append(self.tr("Record the consultee's advice."))
            for role, required, agreement in d.form.parties:
                if required and role not in given:
                    reasons.append(
                        {
                            "guardian": self.tr("The protocol asks for a parent's or guardian's consent: name them."),
                            "consultee": self.tr("The protocol asks for a consultee: name them."),
                            "witness": self.tr("Name the witness present."),
                        }.get(role, self.tr("Name the interpreter present."))
                    )
                if agreement and role in given and not given[role].get("agreement"):
                    reasons.append(
                        {
                            "guardian": self.tr("Confirm the parent or guardian has completed their form."),
                            "consultee": self.tr("Confirm the consultee has completed their declaration."),
                        }.get(role, self.tr("The interpreter signs the confidentiality agreement first."))
                    )
        self.save_button.setEnabled(not reasons)
        self.save_reason.setText("\n".join(reasons))

    # -- the consent recording (verbal) ------------------------------------------------------------
    def _toggle_consent_recording(self) -> None:
        rec = self.ctx.recorder
        if rec.active:
            if rec.take is not None and rec.take.kind == "consent":
                rec.stop()
            return
        if self.draft is None or self.model is None:
            return
        self.consent_rec_button.setEnabled(False)
        rec.start(self.model.session_id, kind="consent", participant_id=self.draft.form.participant_id)

    def _on_rec_started(self, take: ActiveTake) -> None:
        self.start_button.setEnabled(False)
        if take.kind == "consent":
            self.consent_meter.set_active(True)
            self._consent_recording = take.recording_id
            self.consent_rec_button.setEnabled(True)
            self.consent_rec_button.setText(self.tr("Stop consent &recording"))
            self.consent_rec_button.setIcon(icon("stop"))
        self._update_save()

    def _on_rec_stopped(self, _summary: TakeSummary) -> None:
        self.consent_meter.set_active(False)
        self.consent_rec_button.setEnabled(True)
        self.consent_rec_button.setText(self.tr("Start consent &recording"))
        self.consent_rec_button.setIcon(icon("record"))
        self._update_save()
        self.refresh()

    def _on_level(self, level: Level) -> None:
        if self.verbal_box.isVisible():
            self.consent_meter.set_level(level)

    def _on_tick(self, pos: float) -> None:
        take = self.ctx.recorder.take
        if take is not None and take.kind == "consent":
            m, s = divmod(int(pos), 60)
            self.consent_pos.setText(self.tr("Recording consent: %1").replace("%1", f"{m:02d}:{s:02d}"))

    # -- saving ------------------------------------------------------------------------------------
    def _save(self) -> None:
        d, m = self.draft, self.model
        if d is None or m is None or not self.save_button.isEnabled():
            return
        signatures = None
        if d.mode == "written":
            signatures = {
                ("consultee" if d.consultee_route else "participant"): {
                    "svg": self.participant_pad.svg(),
                    "name": self.participant_name.text().strip(),
                },
                "researcher": {"svg": self.researcher_pad.svg(), "name": self.researcher_name.text().strip()},
            }
        unsigned = None
        if d.mode == "attested":
            signatures = {
                "researcher": {"svg": self.researcher_pad.svg(), "name": self.researcher_name.text().strip()}
            }
            unsigned = self.unsigned_reason.text().strip()
        recording_id = self._consent_recording if d.mode == "verbal" else None
        sid = m.session_id
        parties = self._parties()
        self.save_button.setEnabled(False)
        self.p.save(sid, d, recording_id, signatures, unsigned, parties, self._saved, self._save_failed)

    def _saved(self, result: ConsentResult) -> None:
        self._last_consent = result.consent_id
        self.message.setText(
            self.tr("Consent recorded (%1, version %2; information sheet: %3, version %4).")
            .replace("%1", result.form_title)
            .replace("%2", result.form_version)
            .replace("%3", result.information_sheet_title)
            .replace("%4", result.information_sheet_version)
        )
        set_role(self.message, "ok")
        self.copy_button.setEnabled(presenter.pdfs_available())
        self.participant_name.clear()
        self.participant_pad.clear()
        self.unsigned_reason.clear()
        self.draft = None
        self.ctx.data_changed.emit()
        self.refresh()

    def _save_failed(self, exc: BaseException) -> None:
        self._failed(exc)
        self._update_save()

    def _save_copy(self) -> None:
        cid = self._last_consent
        if not cid:
            return

        what = self.tr("the signed consent copy: the participant's name, signatures and answers")
        choice = save_clear.ask(self, "consent_copy", what, f"consent-{cid}.pdf")
        if choice is None:
            return

        def saved(path: Path) -> None:
            self.message.setText(self.tr("Saved %1.").replace("%1", path.name))
            set_role(self.message, "ok")

        self.p.save_copy(cid, choice.path, choice.passphrase, saved, self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, FieldworkError) and exc.kind is ErrorKind.VAULT_LOCKED:
            return  # a look that fell in a lock (a consent take stopped on the lock screen): the unlock looks again
        self._failed_text(describe(exc))

    def _rec_failed(self, exc: BaseException) -> None:
        """A consent take that could not start or stopped: said as the recorder's problem (a full disk, say)."""
        if isinstance(exc, FieldworkError) and exc.kind is ErrorKind.VAULT_LOCKED:
            return
        self._failed_text(recording_problem(exc))

    def _failed_text(self, text: str) -> None:
        self.message.setText(text)
        set_role(self.message, "error")

    # -- onwards -----------------------------------------------------------------------------------
    def _start_interview(self) -> None:
        if self.model is not None and self.model.session_id:
            self.ctx.open_session(self.model.session_id, "record")  # the button says it: recording starts
