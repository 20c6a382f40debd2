"""What a new user met on a walk through the app, checked as they see it: pages reached by clicking the
navigation, buttons pressed with the mouse or keys, at 1366x768 and 1024x600."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton

from fieldwork_app.services import participants, sessions
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.services.clock import FakeClock
from tests.gui.conftest import unlock
from tests.gui.test_session import click, consented_session, open_screen, run_db
from tests.support.people import add_eligible

from fieldwork_app.gui.navigation import PageId

SIZES = [(1366, 768), (1024, 600)]
START = datetime(2030, 3, 4, 10, 0, tzinfo=UTC)


def _open(qtbot, make_window, vault_dir, size, setup=None):  # type: ignore[no-untyped-def]
    w = make_window(vault_dir, idle_ms=3_600_000)
    w.resize(*size)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    result = run_db(qtbot, w, setup) if setup is not None else None
    return w, result


def _go(qtbot, w, page: PageId):  # type: ignore[no-untyped-def]
    """Click the page's entry in the navigation, as a person does."""
    row = list(PageId).index(page)
    rect = w.nav.visualItemRect(w.nav.item(row))
    qtbot.mouseClick(w.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    target = w.page(page)
    qtbot.waitUntil(lambda: w.content.currentWidget() is target, timeout=5_000)
    return target


def _tree_texts(tree) -> list[str]:  # type: ignore[no-untyped-def]
    out = []

    def walk(item) -> None:  # type: ignore[no-untyped-def]
        out.append(" | ".join(item.text(c) for c in range(tree.columnCount())))
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i))
    return out


@pytest.mark.parametrize("size", SIZES)
def test_the_study_home_says_not_screened_and_names_the_pack_by_its_title(
    qtbot, make_window, vault_dir, size
) -> None:  # type: ignore[no-untyped-def]
    def setup(ws):  # type: ignore[no-untyped-def]
        screened = participants.add(ws, "mother").id
        participants.screen(
            ws, screened, {"perinatal-support": True, "child-protection": True, "consent-capacity": True}
        )
        never = participants.add(ws, "mother").id
        return screened, never, ws.pack().id

    w, (screened, never, pack_id) = _open(qtbot, make_window, vault_dir, size, setup)
    _go(qtbot, w, PageId.PARTICIPANTS)
    home = _go(qtbot, w, PageId.HOME)
    qtbot.waitUntil(lambda: any(never in t for t in _tree_texts(home.participants)), timeout=5_000)
    rows = {t.split(" | ")[0].strip(): t for t in _tree_texts(home.participants)}
    assert rows[never].endswith("not screened")
    assert rows[screened].endswith("| eligible")
    assert any("1 not screened" in t and "1 eligible" in t for t in rows.values())
    details = home.details.text()
    assert pack_id not in details  # never the pack's internal id
    assert "study pack: Mothers on the Margins, version 1.1" in details

    participants_page = _go(qtbot, w, PageId.PARTICIPANTS)
    qtbot.waitUntil(lambda: participants_page.tree.topLevelItemCount() == 2, timeout=5_000)
    statuses = {
        participants_page.tree.topLevelItem(i).text(0): participants_page.tree.topLevelItem(i).text(2)
        for i in range(2)
    }
    assert statuses == {screened: "eligible", never: "not screened"}


@pytest.mark.parametrize("size", SIZES)
def test_the_sync_page_names_the_store_and_says_where_it_is(
    qtbot, make_window, vault_dir, size, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "study-store"
    store.mkdir()
    w, _ = _open(qtbot, make_window, vault_dir, size, lambda ws: sync_svc.add_store(ws, "usb-drive", store.as_uri()))
    page = _go(qtbot, w, PageId.SYNC)
    qtbot.waitUntil(lambda: "usb-drive" in page.store.text(), timeout=5_000)
    assert page.store.text() == f"Study store: usb-drive (the folder {store})"
    assert "file:" not in page.store.text()


def test_the_selected_navigation_icon_stands_out(qtbot, make_window, vault_dir) -> None:  # type: ignore[no-untyped-def]
    w, _ = _open(qtbot, make_window, vault_dir, SIZES[0])
    _go(qtbot, w, PageId.PARTICIPANTS)
    for row in range(w.nav.count()):
        rect = w.nav.visualItemRect(w.nav.item(row))
        shot = w.nav.viewport().grab(rect).toImage()
        back = QColor(shot.pixel(2, 2))  # the item's own background, left of the icon
        light = 0
        for x in range(8, 8 + 40):
            for y in range(rect.height()):
                c = QColor(shot.pixel(x, y))
                if c.lightness() - back.lightness() > 120:
                    light += 1
        # the icon is drawn light on the dark navigation, also on the selected (highlighted) item
        assert light > 25, (w.nav.item(row).text(), row == w.nav.currentRow(), light)


def test_start_interview_recording_starts_it_with_one_press(
    qtbot, make_window, vault_dir, virtual_mic
) -> None:  # type: ignore[no-untyped-def]
    virtual_mic.use_sine()
    w, sid = _open(qtbot, make_window, vault_dir, SIZES[1], consented_session)
    w.ctx.set_session(sid)
    consent = _go(qtbot, w, PageId.CONSENT)
    qtbot.waitUntil(lambda: consent.start_button.isEnabled(), timeout=5_000)
    assert "Start" in consent.start_button.text() and "recording" in consent.start_button.text()
    qtbot.mouseClick(consent.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.live is not None and w.content.currentWidget() is w.live, timeout=5_000)
    screen = w.live
    qtbot.waitUntil(lambda: screen.bar.current == "recording", timeout=10_000)
    take = w.ctx.recorder.take
    assert take is not None and take.kind == "interview" and take.session_id == sid
    qtbot.waitUntil(lambda: w.ctx.recorder.position > 0.3, timeout=10_000)
    click(qtbot, screen, "endSession")
    qtbot.waitUntil(lambda: w.ctx.recorder.take is None, timeout=10_000)


def test_a_marker_without_a_recording_says_so_plainly(qtbot, make_window, vault_dir) -> None:  # type: ignore[no-untyped-def]
    w, screen, _sid = open_screen(qtbot, make_window, vault_dir, consented_session)
    w.resize(*SIZES[1])
    screen.note_edit.setFocus()
    qtbot.keyClick(screen.note_edit, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: bool(screen.bar.status.text()), timeout=5_000)
    assert screen.bar.status.text() == "Marker saved (no recording running)"


def test_the_recording_gate_is_one_sentence(qtbot, make_window, vault_dir) -> None:  # type: ignore[no-untyped-def]
    def setup(ws):  # type: ignore[no-untyped-def]
        pid = add_eligible(ws, "mother").id
        return pid, sessions.new(ws, [pid], "interview", "clinic").id

    w, (pid, sid) = _open(qtbot, make_window, vault_dir, SIZES[0], setup)
    w.ctx.set_session(sid)
    consent = _go(qtbot, w, PageId.CONSENT)
    qtbot.waitUntil(lambda: pid in consent.gate_reason.text(), timeout=5_000)
    assert consent.gate_reason.text() == f"Recording stays off: {pid} has not given consent."
    assert not consent.start_button.isEnabled()


def _visit(ws):  # type: ignore[no-untyped-def]
    pid = add_eligible(ws, "mother").id
    sid = sessions.new(ws, [pid], "interview", "home").id
    plan = {"buddy_name": "Sam", "buddy_phone": "07700 900123", "start": START.isoformat(),
            "expected_end": (START + timedelta(minutes=90)).isoformat(), "travel_home_minutes": 40,
            "code_word_agreed": True, "risk_assessment_done": True}  # fmt: skip
    sessions.update_plan(ws, sid, {"lone_working": plan})
    return sid


@pytest.mark.parametrize("size", SIZES)
def test_lone_working_offers_only_the_next_step_and_says_the_day(
    qtbot, make_window, vault_dir, size
) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(START - timedelta(days=1))  # the day before the visit
    w, screen, sid = open_screen(qtbot, make_window, vault_dir, _visit, clock)
    w.resize(*size)
    lw = screen.lonework
    qtbot.waitUntil(lambda: "Check in" in lw.phase.text(), timeout=5_000)
    # the visit is on another day than today: its day is said, not only the time
    assert "2030" in lw.phase.text(), lw.phase.text()
    b = lw.buttons
    assert b["check_in"].isEnabled() and not b["check_out"].isEnabled() and not b["home_safe"].isEnabled()
    clock.advance(days=1, minutes=2)
    click(qtbot, lw, "lonework-check_in")
    qtbot.waitUntil(lambda: "Checked in at" in lw.phase.text(), timeout=5_000)
    assert not b["check_in"].isEnabled() and b["check_out"].isEnabled() and not b["home_safe"].isEnabled()


@pytest.mark.parametrize("size", SIZES)
def test_a_new_home_visit_plan_offers_a_travel_home_time(
    qtbot, make_window, vault_dir, size
) -> None:  # type: ignore[no-untyped-def]
    def setup(ws):  # type: ignore[no-untyped-def]
        pid = add_eligible(ws, "mother").id
        return sessions.new(ws, [pid], "interview", "home").id

    w, sid = _open(qtbot, make_window, vault_dir, size, setup)
    w.ctx.set_session(sid)
    prepare = _go(qtbot, w, PageId.PREPARE)
    qtbot.waitUntil(lambda: prepare.lone_box.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: prepare.travel.value() > 0, timeout=5_000)
    assert prepare.travel.value() == 30  # no earlier plan: the app's default, never 0


def test_the_tour_shows_the_recording_state_it_staged(qtbot, make_window, vault_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from fieldwork_app.gui.session import tour_steps
    from fieldwork_app.gui.tour import Tour

    w, _ = _open(qtbot, make_window, vault_dir, SIZES[0], consented_session)
    tour = Tour(w, qtbot_app(), tmp_path, SIZES[0])
    tour_steps.STEPS[0][1](tour)  # the interview, as the tour stages it
    screen = w.live
    assert screen is not None and w.ctx.recorder.take is None  # the tour records nothing
    assert screen.bar.current == "stopped" and "RECORDING" not in screen.bar.state_label.text()
    assert screen.findChild(QPushButton, "startRecording").isEnabled()
    tour_steps.STEPS[4][1](tour)  # another page while the session is open: the strip says what is true
    assert w.strip.isVisible() and w.strip_text.text() == f"Session {screen.session_id} is open"


def qtbot_app():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()
