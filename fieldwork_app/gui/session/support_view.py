"""The support list to show the participant on screen (large, emergency entries first), or to save as a one-page PDF.

On a joint interview or a group whose participants are offered different entries (a young person's helpline,
a parent's local service), the list is shown for each of them in turn, under their participant id and group,
each with its own PDF; participants offered the same entries share one list.

The line on what to do in immediate danger names the numbers of the pack's emergency-services entries offered (one
line for all when every list has the same, else one in each participant's list); never a number of its own."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from fieldwork_app.domain.pack import SignpostingEntry, emergency_phones
from fieldwork_app.services.screens import ParticipantSupport

from fieldwork_app.gui.session.common import box, danger_text, who_text
from fieldwork_app.gui.views.common import label, scroll_page


def shared_lists(
    people: tuple[ParticipantSupport, ...],
) -> list[tuple[list[ParticipantSupport], tuple[str, ...]]]:
    """The session's participants grouped by the support entries they are offered, in the session's order."""
    out: dict[tuple[str, ...], list[ParticipantSupport]] = {}
    for p in people:
        out.setdefault(p.signposting, []).append(p)
    return [(persons, ids) for ids, persons in out.items()]


class SupportList(QWidget):
    back = Signal()
    save_pdf = Signal(str)  # whose list: a participant id, or "" for the session's

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supportList")
        self.lay, _ = scroll_page(self)
        self.lay.addWidget(label(self.tr("Where to get support"), "title"))
        self.danger = label("", "subtitle")  # worded from the pack's emergency-services entries (set_entries)
        self.danger.setObjectName("supportDanger")
        self.lay.addWidget(self.danger)
        row = QHBoxLayout()
        b = QPushButton(self.tr("Back to the protocol"))
        b.setObjectName("supportBack")
        b.clicked.connect(self.back)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("supportSavePdf")
        self.pdf_button.clicked.connect(lambda: self.save_pdf.emit(""))
        row.addWidget(b)
        row.addWidget(self.pdf_button)
        row.addStretch(1)
        self.buttons = row
        self.entries: list[str] = []
        self.pdf_buttons: dict[str, QPushButton] = {}  # a participant's own list's PDF button, by their id

    def set_entries(
        self, entries: tuple[SignpostingEntry, ...], people: tuple[ParticipantSupport, ...] = ()
    ) -> None:
        lists = shared_lists(people)
        self.danger.setText(danger_text(emergency_phones(entries)))
        if len(lists) < 2:  # one participant, or all offered the same: one list, as it always was
            self._add(entries)
            self.lay.addLayout(self.buttons)
            return
        known = {e.id: e for e in entries}
        own = [tuple(known[i] for i in ids if i in known) for _persons, ids in lists]
        each_own_line = len({emergency_phones(mine) for mine in own}) > 1
        self.danger.setVisible(not each_own_line)  # else each list says its own numbers
        for (persons, _ids), mine in zip(lists, own, strict=True):
            names = ", ".join(who_text(p) for p in persons)
            g, glay = box(self.tr("For %1").replace("%1", names), f"supportFor-{persons[0].participant_id}")
            if each_own_line:
                line = label(danger_text(emergency_phones(mine)), "subtitle")
                line.setObjectName(f"supportDanger-{persons[0].participant_id}")
                glay.addWidget(line)
            self._add(mine, glay)
            pdf = QPushButton(self.tr("Save this list as PDF…"))
            pdf.setObjectName(f"supportSavePdf-{persons[0].participant_id}")
            pdf.setAccessibleName(self.tr("Save the support list for %1 as PDF").replace("%1", names))
            pdf.clicked.connect(lambda _c=False, pid=persons[0].participant_id: self.save_pdf.emit(pid))
            row = QHBoxLayout()
            row.addWidget(pdf)
            row.addStretch(1)
            glay.addLayout(row)
            self.lay.addWidget(g)
            for p in persons:
                self.pdf_buttons[p.participant_id] = pdf
        self.pdf_button.hide()  # each list has its own
        self.lay.addLayout(self.buttons)

    def _add(self, entries: tuple[SignpostingEntry, ...], lay: QVBoxLayout | None = None) -> None:
        lay = lay if lay is not None else self.lay
        for e in sorted(entries, key=lambda e: not e.emergency):
            name = label(e.name, "subtitle")
            name.setStyleSheet("font-size:14pt;font-weight:600;")
            lay.addWidget(name)
            ways = [
                self.tr("Phone %1").replace("%1", e.phone) if e.phone else "",
                e.text_message or "",
                e.hours or "",
                e.web or "",
            ]
            lay.addWidget(label(e.purpose))
            line = "  ·  ".join(w for w in ways if w)
            if line:
                lay.addWidget(label(line, "hint"))
            self.entries.append(e.id)
