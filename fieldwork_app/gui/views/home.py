"""Study home: the study in use, participants by group, sessions, data waiting on this laptop, tasks."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QListView,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldwork_app.gui.context import AppContext
from fieldwork_app.gui.messages import describe
from fieldwork_app.gui.presenters import home
from fieldwork_app.gui.views.common import Reflow, format_text, label, location_text, scroll_page, status_text


class HomePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout, _ = scroll_page(self)
        self.title = label("", "title")
        self.title.setAccessibleName(self.tr("Study title"))
        self.details = label("", "subtitle")
        self.notice = label("", "warning")
        self.notice.hide()
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.notice)
        # Lone-working prompts must reach her wherever she is: the home page looks again every 30 s.
        self._timer = QTimer(self)
        self._timer.setInterval(30_000)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

        self.participants = QTreeWidget()
        self.participants.setHeaderLabels([self.tr("Participant"), self.tr("Status")])
        self.participants.setAccessibleName(self.tr("Participants by group"))
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
        self.sessions.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
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
        self.ctx.tasks.db(home.load, self._show, self._failed, owner=self)

    def _tick(self) -> None:
        if self.isVisible():  # hidden while locked (the unlock page is shown instead)
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.notice.setText(describe(exc))
        self.notice.show()

    def _show(self, m: home.HomeModel) -> None:
        self.title.setText(m.short_title or self.tr("No study pack imported"))
        self.details.setText(
            self.tr("%1\nIRAS ID %2 · study pack %3")
            .replace("%1", m.title)
            .replace("%2", m.iras_id)
            .replace("%3", m.pack_version)
        )
        notes = [
            self.tr("Lone working, %1: %2").replace("%1", sid).replace("%2", message)
            for sid, message, _escalating in m.lone_working
        ]
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
        self.participants.resizeColumnToContents(0)

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
                        r.when,
                        r.participants,
                        format_text(r.format),
                        location_text(r.location),
                        status_text(r.status),
                    ],
                )
                row.setData(0, Qt.ItemDataRole.UserRole, r.id)
            self.sessions.addTopLevelItem(top)
            top.setExpanded(True)
        self.sessions.resizeColumnToContents(0)

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
            due = (t.get("due") or "").replace("T", " ")
            item = QListWidgetItem(f"{due}  {t['title']}".strip())
            item.setData(Qt.ItemDataRole.UserRole, dict(t))
            self.tasks.addItem(item)
        if not m.tasks:
            self.tasks.addItem(self.tr("No tasks due."))
