"""Small shared helpers of the session screens: audio positions as text, a titled box, a banner."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldwork_app.domain.pack import ContactRole, SiteContact
from fieldwork_app.services.screens import ParticipantSupport


def _t(text: str) -> str:
    return QCoreApplication.translate("SessionWords", text)


def who_text(person: ParticipantSupport) -> str:
    """A participant as the session screens name them: their id and their group's label, never a name."""
    return _t("%1 (%2)").replace("%1", person.participant_id).replace("%2", person.group_label)


def contact_role_text(role: ContactRole) -> str:
    """What a site contact is for, in the app's words (the pack gives only the role's code)."""
    words = {
        ContactRole.SAFEGUARDING_FRONT_DOOR: _t("Safeguarding front door"),
        ContactRole.CHILDRENS_SAFEGUARDING: _t("Children's safeguarding"),
        ContactRole.ADULTS_SAFEGUARDING: _t("Adults' safeguarding"),
        ContactRole.CRISIS_LINE: _t("Crisis line"),
        ContactRole.LOCAL_LEAD: _t("Local lead"),
        ContactRole.SITE_MANAGER: _t("Site manager"),
        ContactRole.OTHER: _t("Other contact"),
    }
    return words.get(role, str(role))


def contact_text(c: SiteContact) -> str:
    """One site contact on a line: what it is for, then its name, phone and hours as the pack gives them."""
    return _t("%1: %2").replace("%1", contact_role_text(c.role)).replace(
        "%2", ", ".join(x for x in (c.name, c.phone or "", c.hours or "") if x)
    )


def only_for(people: Sequence[ParticipantSupport]) -> dict[str, tuple[str, ...]]:
    """On a session of several participants, the support entries offered to some of them only: entry id ->
    the ids of those it is for (an entry for everyone is not listed)."""
    if len(people) < 2:
        return {}
    out: dict[str, list[str]] = {}
    for p in people:
        for eid in p.signposting:
            out.setdefault(eid, []).append(p.participant_id)
    return {eid: tuple(pids) for eid, pids in out.items() if len(pids) < len(people)}


def danger_text(phones: Sequence[str]) -> str:
    """What to do in immediate danger, with the numbers of the pack's emergency-services entries
    (``emergency_services``; several: "112 or 999"); with none, the emergency services are named without a
    number rather than the line left out: the participant must still be told, and a number the pack does not
    give may be wrong where they are."""
    if not phones:
        return _t("If you or someone else is in immediate danger, call the emergency services.")
    numbers = phones[0]
    for i, phone in enumerate(phones[1:], start=2):
        words = _t("%1 or %2") if i == len(phones) else _t("%1, %2")
        parts = {"%1": numbers, "%2": phone}  # both at once: a number never read as a place to fill
        numbers = re.sub("%[12]", lambda m: parts[m[0]], words)  # noqa: B023 - used at once
    return _t("If you or someone else is in immediate danger, call %1.").replace("%1", numbers)


def for_whom_text(text: str, pids: Sequence[str]) -> str:
    """``text`` (a support entry) with whom it is for, when it is for some of the session's participants only."""
    if not pids:
        return text
    return _t("%1 · for %2").replace("%1", text).replace("%2", ", ".join(pids))


def clock_text(seconds: float | None) -> str:
    """An audio position as the researcher reads it: 04:07, or 1:04:07 past an hour; '-' for none."""
    if seconds is None or seconds < 0:
        return "-"
    s = int(seconds)
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m:02d}:{sec:02d}"


def box(title: str, name: str = "") -> tuple[QGroupBox, QVBoxLayout]:
    g = QGroupBox(title)
    if name:
        g.setObjectName(name)
    g.setAccessibleName(title)
    lay = QVBoxLayout(g)
    lay.setSpacing(8)
    return g, lay


class Banner(QFrame):
    """A calm, always-readable strip (the app's ``#banner`` style) with a message and optional buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(12, 8, 12, 8)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.row.addWidget(self.text, 1)
        self.hide()

    def show_text(self, text: str) -> None:
        self.text.setText(text)
        self.setAccessibleName(text)
        self.show()
