"""``fieldwork gui --tour OUTDIR [--size 1366x768] [--pack PATH]``: a throw-away vault with the example
study (or the pack at PATH), a PNG of each main screen, taken of a window of the given size (1366x768 by
default, a common laptop screen).

Shots are numbered in order: ``01-unlock.png``, ``02-home.png`` …  The session screens' shots follow,
from the ``(name, arrange)`` steps in :mod:`fieldwork_app.gui.session.tour_steps` (``arrange(tour)``
gets the screen ready, e.g. by pushing a session screen), numbered on from there.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from fieldwork_app.domain.pack import SessionFormat, StudyPack
from fieldwork_app.paths import DataDir
from fieldwork_app.services import packs, participants, sessions, workspace
from fieldwork_app.vault import FAST_KDF, keys

from fieldwork_app.gui.navigation import PageId

if TYPE_CHECKING:
    from fieldwork_app.gui.main_window import MainWindow

logger = logging.getLogger(__name__)

USER = "researcher1"
PASSPHRASE = "tour passphrase only for screenshots"

DEFAULT_SIZE = "1366x768"


def parse_size(text: str) -> tuple[int, int]:
    """``"1366x768"`` -> (1366, 768); a clear error for anything else."""
    from fieldwork_app.errors import InvalidInput

    parts = text.lower().replace(" ", "").split("x")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise InvalidInput(f"--size {text!r}: give it as WIDTHxHEIGHT, for example 1366x768")
    width, height = int(parts[0]), int(parts[1])
    if not (640 <= width <= 7680 and 480 <= height <= 4320):
        raise InvalidInput(f"--size {text!r}: between 640x480 and 7680x4320")
    return width, height

_Page = TypeVar("_Page", bound=QWidget)


class Tour:
    def __init__(
        self, window: MainWindow, app: QApplication, out: Path, size: tuple[int, int] = (1366, 768)
    ) -> None:
        self.window = window
        self.app = app
        self.out = out
        self.size = size
        self.count = 0

    def settle(self, seconds: float = 0.3) -> None:
        """Let queued work finish and the screen repaint."""
        deadline = time.monotonic() + 10
        while self.window.ctx.tasks.busy and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.01)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.01)

    def shot(self, name: str) -> Path:
        self.settle()
        if (self.window.width(), self.window.height()) != self.size:
            self.window.resize(*self.size)  # a screen that asked for more room is shown at the size asked
            self.settle(0.2)
        got = (self.window.width(), self.window.height())
        if got != self.size:
            raise RuntimeError(f"{name}: the window is {got[0]}x{got[1]}, not {self.size[0]}x{self.size[1]}")
        self.count += 1
        path = self.out / f"{self.count:02d}-{name}.png"
        self.window.grab().save(str(path))
        logger.info("tour: saved %s", path.name)
        return path


def _sample_attributes(pack: StudyPack, group_id: str) -> dict[str, str]:
    """Made-up attribute values for a tour participant: the first choice, and "no" for yes/no ones."""
    out = {}
    for a in pack.attributes_for(group_id):
        if a.required:
            out[a.id] = "no" if a.allowed_values == ("yes", "no") else a.allowed_values[0]
    return out


def _seed(data_dir: DataDir, pack_path: Path | None = None) -> str:
    """A throw-away vault holding ``pack_path`` (the built-in example when None) with a few made-up
    participants and a planned session; returns the first participant's id."""
    ws, _ = workspace.create(data_dir, USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        from fieldwork_app.services import sync as sync_svc

        packs.import_pack(ws, pack_path, example=pack_path is None)
        pack = ws.pack()
        store = data_dir.root.parent / "study-store"
        store.mkdir(exist_ok=True)
        sync_svc.add_store(ws, "usb-drive", store.as_uri())
        first = pack.groups[0]
        m = participants.add(ws, first.id, attributes=_sample_attributes(pack, first.id))
        participants.screen(ws, m.id, {c.id: c.eligible_answer for c in first.eligibility})
        added = {first.id: m.id}
        for g in pack.groups[1:]:
            link = added.get(g.linked_to) if g.linked_to else None
            if g.linked_to and link is None:
                continue  # linked to a group with no tour participant yet
            for _ in range(1 if g.linked_to else 3):
                p = participants.add(ws, g.id, linked_to=link, attributes=_sample_attributes(pack, g.id))
                added.setdefault(g.id, p.id)
        participants.add(ws, first.id, attributes=_sample_attributes(pack, first.id))
        fmt = "interview" if SessionFormat.INTERVIEW in first.session_formats else first.session_formats[0].value
        venues = pack.venues_for(first.id)
        venue = next((v for v in venues if v.needs_lone_working), venues[0])
        s = sessions.new(ws, [m.id], fmt, venue.kind.value, "2030-03-04T10:00", 60)
        if venue.needs_lone_working:
            sessions.update_plan(
                ws,
                s.id,
                {
                    "lone_working": {
                        "buddy_name": "Study buddy",
                        "buddy_phone": "07700 900000",
                        "backup_name": "Back-up buddy",
                        "backup_phone": "07700 900001",
                        "start": "2030-03-04T10:00",
                        "expected_end": "2030-03-04T11:30",
                        "travel_home_minutes": 45,
                        "code_word_agreed": True,
                        "risk_assessment_done": True,
                    }
                },
            )
        return m.id
    finally:
        ws.close()


def _sign(pad: QWidget) -> None:
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(30, 70))
    for x in range(40, 260, 12):
        QTest.mouseMove(pad, QPoint(x, 60 + ((x // 12) % 4) * 6))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(270, 62))


def run(
    outdir: str | os.PathLike[str],
    size: tuple[int, int] = (1366, 768),
    app: QApplication | None = None,
    pack: str | os.PathLike[str] | None = None,
) -> int:
    """Write the screenshots into ``outdir``, in the running QApplication (``app``, or the one there is);
    ``pack``: a study pack folder to tour instead of the built-in example (its own ``sample_notes`` are used
    where it has them, else neutral ones)."""
    keys.allow_fast_kdf_for_throwaway_vault()  # a throw-away vault in a temporary folder
    from fieldwork_app.gui.main_window import MainWindow
    from fieldwork_app.gui.session.tour_steps import STEPS

    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="fieldwork-tour-"))
    try:
        data_dir = DataDir(tmp / "data")
        first_id = _seed(data_dir, Path(pack) if pack is not None else None)
        running = app or QApplication.instance()
        if not isinstance(running, QApplication):
            raise RuntimeError("the tour needs a running QApplication")
        app = running
        from fieldwork_app.gui import i18n

        i18n.install(app, "en")  # British English, or FIELDWORK_LANG (e.g. the pseudo-locale en_XA)
        window = MainWindow(data_dir, idle_ms=3_600_000)
        window.resize(*size)
        window.show()
        tour = Tour(window, app, out, size)
        try:
            _walk(tour, first_id)
            for name, arrange in STEPS:
                arrange(tour)
                tour.shot(name)
        finally:
            window.shutdown()
            window.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        keys.allow_fast_kdf_for_throwaway_vault(False)
    return 0


def _page(tour: Tour, name: PageId, kind: type[_Page]) -> _Page:
    page = tour.window.page(name)
    if not isinstance(page, kind):
        raise TypeError(f"the {name} page is a {type(page).__name__}, not a {kind.__name__}")
    return page


def _walk(tour: Tour, first_id: str = "M-001") -> None:
    from fieldwork_app.gui.consent.page import ConsentPage
    from fieldwork_app.gui.participants.page import ParticipantsPage
    from fieldwork_app.gui.prepare.page import PreparePage

    w = tour.window
    page = w.unlock_page
    tour.settle()
    page.ui.userCombo.setCurrentText(USER)
    tour.shot("unlock")
    page.ui.passphraseEdit.setText(PASSPHRASE)
    page.ui.unlockButton.click()
    tour.settle()
    tour.shot("home")

    w.show_page(PageId.PARTICIPANTS)
    tour.settle()
    p = _page(tour, PageId.PARTICIPANTS, ParticipantsPage)
    p._select(first_id)
    tour.shot("participants")

    w.show_page(PageId.PREPARE)
    tour.settle()
    pg = _page(tour, PageId.PREPARE, PreparePage)
    pg.session_combo.setCurrentIndex(1)
    tour.settle()
    pg.checklist.list.scrollToTop()
    tour.shot("prepare")

    w.show_page(PageId.CONSENT)
    tour.settle()
    c = _page(tour, PageId.CONSENT, ConsentPage)
    c.mode_buttons["written"].click()
    tour.settle()
    for sid in list(c.rows)[:3]:
        c.rows[sid].yes.click()
        initials = c.rows[sid].initials
        if initials is not None:
            initials.setText("AB")
    tour.shot("consent")
    _sign(c.participant_pad)
    _sign(c.researcher_pad)
    area = c.findChild(QScrollArea)
    if area is not None:
        area.ensureWidgetVisible(c.sign_box)
    tour.shot("consent-signatures")
