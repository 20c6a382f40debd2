"""The topic guide of the session's version: sections (aim, planned minutes), questions and probes.

Each question is marked asked, covered anyway, or skipped with a reason.  Time per section is shown
plainly beside the plan ("12 of 20 min"); going over is said in the same calm hint style, never a popup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from fieldwork_app.domain.pack import GuideSection, Question, TopicGuide
from fieldwork_app.services.interview import Coverage, QuestionProgress

from fieldwork_app.gui.session.common import box, clock_text
from fieldwork_app.gui.views.common import label, set_role
from fieldwork_app.gui.widgets.flow_layout import FlowLayout


class QuestionRow(QWidget):
    marked = Signal(str, str, str)  # question id, state, reason

    def __init__(self, q: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qid = q.id
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 8)
        lay.setSpacing(4)
        text = f"{q.id}. {q.text}"
        head = label(text)
        head.setStyleSheet("font-weight:600;")
        lay.addWidget(head)
        if q.sensitive:
            lay.addWidget(label(self.tr("Sensitive question: remind the participant they can skip it."), "hint"))
        for p in q.probes:
            lay.addWidget(label(f"   • {p.text}  ({self._probe(str(p.type))})", "hint"))
        # the buttons, the reason for a skip and the state: each group goes on to another line where a long
        # language leaves no room for them side by side (the guide never forces the window wider)
        buttons = QWidget()
        buttons_row = QHBoxLayout(buttons)
        buttons_row.setContentsMargins(0, 0, 0, 0)
        self.asked = QPushButton(self.tr("Asked"))
        self.covered = QPushButton(self.tr("Covered anyway"))
        self.skip = QPushButton(self.tr("Skip…"))
        for b, name in ((self.asked, "asked"), (self.covered, "covered"), (self.skip, "skip")):
            b.setObjectName(f"q-{q.id}-{name}")
            b.setAccessibleName(f"{b.text()} {q.id}")
            buttons_row.addWidget(b)
        self.asked.clicked.connect(lambda: self.marked.emit(self.qid, "asked", ""))
        self.covered.clicked.connect(lambda: self.marked.emit(self.qid, "covered", ""))
        self.skip.clicked.connect(self._ask_reason)
        self.reason = QLineEdit()
        self.reason.setObjectName(f"q-{q.id}-reason")
        self.reason.setPlaceholderText(self.tr("Why it was skipped"))
        self.reason.setAccessibleName(self.tr("Reason for skipping %1").replace("%1", q.id))
        self.reason.returnPressed.connect(self._skip)
        self.skip_save = QPushButton(self.tr("Skip with this reason"))
        self.skip_save.setObjectName(f"q-{q.id}-skipsave")
        self.skip_save.clicked.connect(self._skip)
        self._skipping = QWidget()
        skip_row = QHBoxLayout(self._skipping)
        skip_row.setContentsMargins(0, 0, 0, 0)
        skip_row.addWidget(self.reason, 1)
        skip_row.addWidget(self.skip_save)
        self._skipping.hide()
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setObjectName(f"q-{q.id}-state")
        row = FlowLayout(spacing=6, line_spacing=4, spread=True)
        row.addWidget(buttons)
        row.addWidget(self._skipping)
        row.addWidget(self.state)
        lay.addLayout(row)

    def _probe(self, kind: str) -> str:
        return {
            "amplificatory": self.tr("amplificatory"),
            "exploratory": self.tr("exploratory"),
            "explanatory": self.tr("explanatory"),
            "clarificatory": self.tr("clarificatory"),
        }.get(kind, kind)

    def _ask_reason(self) -> None:
        self._skipping.show()
        self.reason.setFocus()

    def _skip(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.state.setText(self.tr("Type a reason to skip."))
            set_role(self.state, "warning")
            self.reason.setFocus()
            return
        self.marked.emit(self.qid, "skipped", reason)
        self._skipping.hide()

    def show_progress(self, p: QuestionProgress) -> None:
        words = {
            "asked": self.tr("asked"),
            "covered": self.tr("covered anyway"),
            "skipped": self.tr("skipped"),
        }
        if p.state is None:
            self.state.setText(self.tr("not yet"))
            set_role(self.state, "hint")
            return
        text = "✓ " + words.get(p.state, p.state)
        if p.position is not None:
            text += f" · {clock_text(p.position)}"
        if p.state == "skipped" and p.reason:
            text += f" ({p.reason})"
        self.state.setText(text)
        set_role(self.state, "ok" if p.state != "skipped" else "hint")


class SectionBox(QWidget):
    entered = Signal(str)

    def __init__(self, sec: GuideSection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sid = sec.id
        self.planned = sec.minutes
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        g, lay = box(
            self.tr("%1. %2 · about %3 min")
            .replace("%1", sec.id)
            .replace("%2", sec.title)
            .replace("%3", str(sec.minutes)),
            f"sec-{sec.id}",
        )
        top = QHBoxLayout()
        top.addWidget(label(self.tr("Aim: %1").replace("%1", sec.aim), "hint"), 1)
        self.time = QLabel(self.tr("not started"))
        self.time.setTextFormat(Qt.TextFormat.PlainText)
        self.time.setObjectName(f"sec-{sec.id}-time")
        self.time.setProperty("role", "hint")
        top.addWidget(self.time)
        self.enter = QPushButton(self.tr("Start this section"))
        self.enter.setObjectName(f"sec-{sec.id}-enter")
        self.enter.setAccessibleName(self.tr("Start section %1").replace("%1", sec.id))
        self.enter.clicked.connect(lambda: self.entered.emit(self.sid))
        top.addWidget(self.enter)
        lay.addLayout(top)
        self.rows: dict[str, QuestionRow] = {}
        for q in sec.questions:
            r = QuestionRow(q)
            self.rows[q.id] = r
            lay.addWidget(r)
        outer.addWidget(g)

    def show_time(self, entered: bool, spent: float) -> None:
        if not entered:
            self.time.setText(self.tr("not started"))
            return
        mins = int(round(spent))
        if spent > self.planned:
            self.time.setText(
                self.tr("%1 min (plan %2; %3 over)")
                .replace("%1", str(mins))
                .replace("%2", str(self.planned))
                .replace("%3", str(mins - self.planned))
            )
        else:
            self.time.setText(
                self.tr("%1 of %2 min").replace("%1", str(mins)).replace("%2", str(self.planned))
            )


class GuideView(QWidget):
    marked = Signal(str, str, str)
    entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.summary = label("", "subtitle")
        self.summary.setObjectName("guideSummary")
        self.lay.addWidget(self.summary)
        self.sections: dict[str, SectionBox] = {}
        self.rows: dict[str, QuestionRow] = {}

    def set_guide(self, guide: TopicGuide | None) -> None:
        if guide is None:
            self.summary.setText(self.tr("This session has no topic guide."))
            return
        self.summary.setText(
            self.tr("%1 (version %2)").replace("%1", guide.title).replace("%2", guide.version)
        )
        if guide.opening_checklist:
            g, lay = box(self.tr("Opening"))
            for item in guide.opening_checklist:
                lay.addWidget(label("• " + item))
            self.lay.addWidget(g)
        for sec in guide.sections:
            s = SectionBox(sec)
            s.entered.connect(self.entered)
            for r in s.rows.values():
                r.marked.connect(self.marked)
            self.sections[sec.id] = s
            self.rows.update(s.rows)
            self.lay.addWidget(s)
        if guide.closing_checklist:
            g, lay = box(self.tr("Closing"))
            for item in guide.closing_checklist:
                lay.addWidget(label("• " + item))
            self.lay.addWidget(g)

    def show_coverage(self, cov: Coverage) -> None:
        counts = cov.counts()
        for sec in cov.sections:
            s = self.sections.get(sec.section_id)
            if s is None:
                continue
            s.show_time(sec.entered, sec.spent_minutes)
            for q in sec.questions:
                if q.question_id in s.rows:
                    s.rows[q.question_id].show_progress(q)
        self.summary.setToolTip(
            self.tr("%1 asked, %2 covered, %3 skipped, %4 open")
            .replace("%1", str(counts["asked"]))
            .replace("%2", str(counts["covered"]))
            .replace("%3", str(counts["skipped"]))
            .replace("%4", str(counts["open"]))
        )
