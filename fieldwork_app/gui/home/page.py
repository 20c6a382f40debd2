"""Study home: the study in use, participants by group, sessions, data waiting on this laptop, tasks."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldwork_app.services.lonework import LoneWorkingState

from fieldwork_app.gui.context import AppContext
from fieldwork_app.gui.formatting import due_text, when_text
from fieldwork_app.gui.home import presenter as home
from fieldwork_app.gui.messages import describe
from fieldwork_app.gui.session.lonework_view import can_record, phase_text
from fieldwork_app.gui.views.common import (
    Reflow,
    format_text,
    label,
    location_text,
    scroll_page,
    set_role,
    status_text,
)
from fieldwork_app.gui.widgets.wrapping_tree import wrap_columns


class HomePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.p = home.HomePresenter(ctx, self)
        layout, _ = scroll_page(self)
        self.title = label("", "title")
        self.title.setAccessibleName(self.tr("Study title"))
        self.details = label("", "subtitle")
        self.notice = label("", "warning")
        self.notice.hide()
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.notice)
        # Visits begun and not yet closed by home safe: their buttons stay here until the researcher confirms,
        # also after the session was completed and its screen left.
        self.visits_box = QGroupBox(self.tr("Home visits still open"))
        self.visits_box.setObjectName("homeVisits")
        self.visits_lay = QVBoxLayout(self.visits_box)
        self.visits_box.hide()
        layout.addWidget(self.visits_box)
        self.visit_buttons: dict[tuple[str, str], QPushButton] = {}
        # Lone-working prompts must reach the researcher wherever they are: the home page looks again every 30 s.
        self._timer = QTimer(self)
        self._timer.setInterval(30_000)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        ctx.data_changed.connect(self._tick)  # e.g. takes recovered: the "can be recovered" note goes

        self.participants = QTreeWidget()
        self.participants.setHeaderLabels([self.tr("Participant"), self.tr("Status")])
        self.participants.setAccessibleName(self.tr("Participants by group"))
        # The box is narrow: the two columns share its width and a long group name or status wraps onto
        # another line rather than being cut (or needing a sideways scroll bar), in every language.
        self.participants.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        wrap_columns(self.participants)
        self.sessions = QTreeWidget()
        self.sessions.setHeaderLabels(
            [
                self.tr("Session"),
                self.tr("When"),
                self.tr("Who"),
                self.tr("Format"),
                self.tr("Where"),
                self.tr("Status"),
            ]
        )
        self.sessions.setAccessibleName(self.tr("Sessions"))
        self.sessions.setToolTip(self.tr("Double-click a session, or press Enter on it, to open it"))
        # the id and the date and time in full; the other columns share the rest and wrap a long text (many
        # participants, a long word in another language) rather than push the table sideways
        self.sessions.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (0, 1):
            self.sessions.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        wrap_columns(self.sessions)
        self.sessions.itemActivated.connect(self._open_session)
        self.waiting = QListWidget()
        self.waiting.setAccessibleName(self.tr("Waiting on this laptop"))
        self.tasks = QListWidget()
        self.tasks.setAccessibleName(self.tr("Tasks due"))
        self.tasks.setToolTip(self.tr("Double-click a task, or press Enter on it, to open its session"))
        self.tasks.itemActivated.connect(self._open_task)
        for lst in (self.waiting, self.tasks):  # long lines wrap: never a sideways scroll bar
            lst.setWordWrap(True)
            lst.setResizeMode(QListView.ResizeMode.Adjust)
            lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The sessions table gets the whole width; the rest sit side by side when there is room.
        box = QGroupBox(self.tr("Sessions"))
        QVBoxLayout(box).addWidget(self.sessions)
        layout.addWidget(box)
        grid = Reflow(columns=3, min_column=300)
        layout.addWidget(grid)
        for title, w in (
            (self.tr("Participants"), self.participants),
            (self.tr("Tasks due"), self.tasks),
            (self.tr("Waiting on this laptop"), self.waiting),
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(w)
            grid.add(box)

    def _open_session(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        sid = item.data(0, Qt.ItemDataRole.UserRole)
        if sid:
            self.ctx.open_session(str(sid))

    def _open_task(self, item: QListWidgetItem) -> None:
        task = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(task, dict) and task.get("session_id"):
            self.ctx.open_session(str(task["session_id"]), str(task.get("kind") or ""))

    def refresh(self) -> None:
        self.p.load(self._show, self._failed)

    def on_locked(self) -> None:
        """Nothing identifying is shown here (study ids only); the next unlock loads the page again."""

    def _record(self, session_id: str, kind: str) -> None:
        for b in self.visit_buttons.values():
            b.setEnabled(False)  # one press, one event: the rows come back with the refresh
        self.p.record_lonework(session_id, kind, lambda _r: self.refresh(), self._failed)

    def _show_visits(self, visits: list[LoneWorkingState]) -> None:
        focused = next((k for k, b in self.visit_buttons.items() if b.hasFocus()), None)
        while self.visits_lay.count():
            item = self.visits_lay.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self.visit_buttons = {}
        for st in visits:
            row = QWidget()
            row.setObjectName(f"visit-{st.session_id}")
            rl = QHBoxLayout(row)
            rl.setContentsMargins(0, 0, 0, 0)
            text = label(
                self.tr("%1: %2").replace("%1", st.session_id).replace("%2", phase_text(st)),
                "warning" if st.escalating else "",
            )
            rl.addWidget(text, 1)
            for kind, words in (
                ("check_in", self.tr("Checked in")),
                ("check_out", self.tr("Checked out with my buddy")),
                ("home_safe", self.tr("Home safe")),
            ):
                if kind == "check_in" and st.checked_in_at is not None:
                    continue  # done: only what is still to do is offered
                b = QPushButton(words)
                b.setObjectName(f"home-{kind}-{st.session_id}")
                b.setAccessibleName(f"{words} ({st.session_id})")
                b.setEnabled(can_record(st, kind))
                if kind in st.due:
                    set_role(b, "primary")
                b.clicked.connect(lambda _c=False, sid=st.session_id, k=kind: self._record(sid, k))
                rl.addWidget(b)
                self.visit_buttons[(st.session_id, kind)] = b
            self.visits_lay.addWidget(row)
        self.visits_box.setVisible(bool(visits))
        # Built after the page, the buttons would come last in Tab's order; they are at the top, so first
        # (right after the page's own scroll area; a group box takes no place in the order).
        area = self.findChild(QScrollArea)
        chain: list[QWidget] = [*([area] if area is not None else []), *self.visit_buttons.values()]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        if focused is not None:  # keep the keyboard where it was (the next button of the same visit)
            sid = focused[0]
            for kind in ("home_safe", "check_out"):
                again = self.visit_buttons.get((sid, kind))
                if again is not None and again.isEnabled():
                    again.setFocus()
                    break

    def _tick(self) -> None:
        if self.isVisible():  # hidden while locked (the unlock page is shown instead)
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.notice.setText(describe(exc))
        self.notice.show()

    def _show(self, m: home.HomeModel) -> None:
        self.title.setText(m.short_title or self.tr("No study pack imported"))
        self.details.setText(
            self.tr("%1\nIRAS ID %2 · study pack: %3, version %4")
            .replace("%1", m.title)
            .replace("%2", m.iras_id)
            .replace("%3", m.short_title or m.title)
            .replace("%4", m.pack_version)
            if m.pack_version
            else ""
        )
        in_box = {st.session_id for st in m.visits}  # said once, beside its buttons, not twice
        notes = [
            self.tr("Lone working, %1: %2").replace("%1", st.session_id).replace("%2", phase_text(st))
            for st in m.lone_working
            if st.session_id not in in_box
        ]
        self._show_visits(m.visits)
        if m.interrupted and not self.ctx.recorder.active:
            notes.append(self.tr("%n recording(s) were interrupted and can be recovered.", "", m.interrupted))
        over = [w for w in m.waiting if w["over_limit"]]
        if over:
            notes.append(
                self.tr(
                    "%n session(s) have been on this laptop longer than the study allows: sync soon.",
                    "",
                    len(over),
                )
            )
        self.notice.setText("\n".join(notes))
        self.notice.setVisible(bool(notes))

        self.participants.clear()
        for g in m.groups:
            counts = ", ".join(f"{n} {status_text(s)}" for s, n in sorted(g.counts.items()))
            top = QTreeWidgetItem([g.label, counts or self.tr("none yet")])
            for pid, st in g.participants:
                QTreeWidgetItem(top, [pid, status_text(st)])
            self.participants.addTopLevelItem(top)
            top.setExpanded(True)

        self.sessions.clear()
        for title, rows in (
            (self.tr("Today"), m.today),
            (self.tr("Planned"), m.planned),
            (self.tr("Done"), m.done),
        ):
            top = QTreeWidgetItem([f"{title} ({len(rows)})"])
            for r in rows:
                row = QTreeWidgetItem(
                    top,
                    [
                        r.id,
                        when_text(r.when),
                        r.participants,
                        format_text(r.format),
                        location_text(r.location),
                        status_text(r.status),
                    ],
                )
                row.setData(0, Qt.ItemDataRole.UserRole, r.id)
            self.sessions.addTopLevelItem(top)
            top.setExpanded(True)

        self.waiting.clear()
        for w in m.waiting:
            text = self.tr("%1: not yet at the study store, %2 day(s) on this laptop").replace(
                "%1", w["session"]
            )
            text = text.replace("%2", f"{w['days']:g}")
            if w["over_limit"]:
                text += " " + self.tr("(over the study's limit of %1 days)").replace(
                    "%1", str(w["limit_days"])
                )
            self.waiting.addItem(text)
        if not m.waiting:
            self.waiting.addItem(self.tr("Nothing waiting: every completed session is at the study store."))

        self.tasks.clear()
        for t in m.tasks:
            item = QListWidgetItem(f"{due_text(t.get('due'))}  {t['title']}".strip())
            item.setData(Qt.ItemDataRole.UserRole, dict(t))
            self.tasks.addItem(item)
        if not m.tasks:
            self.tasks.addItem(self.tr("No tasks due."))
