"""Texts a person must be able to read on a small laptop: the recording badge in every state, and the
lone-working buttons of a home visit's interview screen at 1366x768 and 1024x600."""

from __future__ import annotations

from datetime import timedelta

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QStyle, QStyleOptionFrame

from fieldwork_app.services import sessions
from fieldwork_app.services.clock import FakeClock
from tests.gui.fit import clipped_buttons, outside
from tests.gui.test_safety_flows import SIZE, SMALL, START, _home_visit, _message_box
from tests.gui.test_session import click, open_screen, run_db
from tests.support.people import add_eligible


@pytest.mark.parametrize("size", [SIZE, SMALL], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_lone_working_buttons_and_the_recording_badge_are_never_cut(
    qtbot, make_window, vault_dir, size
) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(START + timedelta(minutes=2))
    w, screen, _sid = open_screen(qtbot, make_window, vault_dir, _home_visit, clock)
    w.resize(*size)
    lw = screen.lonework
    qtbot.waitUntil(lambda: "Check in with your buddy now" in lw.phase.text(), timeout=5_000)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == size, timeout=5_000)
    qtbot.wait(200)
    assert lw.buttons["check_in"].isVisible()
    assert not clipped_buttons(w), clipped_buttons(w)
    assert not outside(w), outside(w)

    bar = screen.bar
    badge = bar.state_label
    assert bar.state_label.text() == "Not recording"  # nothing was ever started
    places = {b.objectName(): b.geometry() for b in (badge, bar.start_button, bar.end_button)}
    for state, fault, text in (
        ("recording", "", "RECORDING"),
        ("paused", "", "PAUSED"),
        ("failed", "microphone", "Microphone problem"),  # a failed start (no microphone), a microphone lost
        ("failed", "disk", "Disk full"),
        ("failed", "saving", "Saving failed"),  # the take's file could not be written
        ("failed", "", "Not recording"),  # a take refused (consent missing, say): the message says why
        ("stopped", "", "Not recording"),
    ):
        bar.show_state(state, fault)
        qtbot.wait(50)
        assert text in badge.text()
        room = badge.contentsRect().width()
        words = max(badge.fontMetrics().horizontalAdvance(word) for word in badge.text().split())
        assert words <= room, f"{state}: {badge.text()!r} is cut ({words} px in {room})"
        assert badge.heightForWidth(badge.width()) <= badge.height(), f"{state}: {badge.text()!r} is cut"
        now = {b.objectName(): b.geometry() for b in (badge, bar.start_button, bar.end_button)}
        assert now == places, f"{state}: the bar moved"


def _text_room(field: QLineEdit) -> int:
    """The width a line edit draws its text (or its placeholder) in, as QLineEdit itself measures it."""
    opt = QStyleOptionFrame()
    field.initStyleOption(opt)
    r = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, opt, field)
    m = field.textMargins()
    return r.width() - m.left() - m.right() - 2 * 2  # QLineEdit's own 2 px on each side


@pytest.mark.parametrize("size", [SIZE, SMALL], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_sealed_address_reason_field_shows_its_whole_prompt(qtbot, make_window, vault_dir, size) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(START + timedelta(minutes=2))
    w, screen, _sid = open_screen(qtbot, make_window, vault_dir, _home_visit, clock)
    w.resize(*size)
    lw = screen.lonework
    qtbot.waitUntil(lambda: "Check in with your buddy now" in lw.phase.text(), timeout=5_000)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == size, timeout=5_000)
    qtbot.wait(200)
    field = lw.reason
    prompt = field.fontMetrics().horizontalAdvance(field.placeholderText())
    room = _text_room(field)
    assert prompt <= room, f"{field.placeholderText()!r} needs {prompt} px, the field shows {room}"
    assert not outside(w), outside(w)
    QTest.mouseClick(field, Qt.MouseButton.LeftButton)
    QTest.keyClicks(field, "buddy asked")
    assert field.text() == "buddy asked"
    assert not clipped_buttons(w), clipped_buttons(w)


@pytest.mark.parametrize("size", [SIZE, SMALL], ids=lambda s: f"{s[0]}x{s[1]}")
def test_complete_session_names_a_missing_serial_before_asking_about_the_visit(
    qtbot, make_window, vault_dir, size
) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(START + timedelta(minutes=2))
    w, screen, sid = open_screen(qtbot, make_window, vault_dir, _home_visit, clock)
    w.resize(*size)
    click(qtbot, screen, "endSession")
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.closeout, timeout=5_000)
    qtbot.keyClicks(screen.closeout.wellbeing, "Calm")
    assert screen.closeout.voucher_given.isChecked()  # the study gives vouchers; no serial typed yet
    screen.closeout.complete_button.setFocus()
    QTest.keyClick(screen.closeout.complete_button, Qt.Key.Key_Space)  # "Complete session" by keyboard
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=5_000)
    assert "serial" in screen.message.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.closeout.serial, timeout=5_000)
    qtbot.wait(200)
    assert _message_box("completeWithVisitOpen") is None  # no lone-working question for a form it refuses
    assert str(run_db(qtbot, w, lambda ws: sessions.get(ws, sid)).status) != "completed"

    qtbot.keyClicks(screen.closeout.serial, "EV-2222-3333")  # now it asks about the open visit
    click(qtbot, screen, "completeSession")
    qtbot.waitUntil(lambda: _message_box("completeWithVisitOpen") is not None, timeout=5_000)
    box = _message_box("completeWithVisitOpen")
    assert box is not None
    qtbot.mouseClick(box.findChild(QAbstractButton, "completeNotYet"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _message_box("completeWithVisitOpen") is None, timeout=5_000)


@pytest.mark.parametrize("size", [SIZE, SMALL], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_section_in_the_navigation_shows_its_whole_name_and_its_own_icon(
    qtbot, make_window, vault_dir, size
) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.test_fit_and_keys import click_nav, open_app

    w = open_app(qtbot, make_window, vault_dir, size)
    click_nav(qtbot, w, "sync")  # as a mouse picks a section
    nav = w.nav
    room = nav.viewport().width()
    icons = []
    for i in range(nav.count()):
        item = nav.item(i)
        needed = nav.iconSize().width() + nav.fontMetrics().horizontalAdvance(item.text()) + 16
        assert needed <= room, f"{item.text()!r} needs {needed} px, the navigation has {room}"
        icons.append(item.icon().pixmap(24, 24).toImage())
    same = [
        (nav.item(i).text(), nav.item(j).text())
        for i in range(len(icons))
        for j in range(i + 1, len(icons))
        if icons[i] == icons[j]
    ]
    assert not same, f"sections with the same icon: {same}"


@pytest.mark.parametrize("size", [SIZE, SMALL], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_lock_screens_fields_are_full_height(qtbot, make_window, vault_dir, size) -> None:  # type: ignore[no-untyped-def]
    w = make_window(vault_dir, idle_ms=3_600_000)
    w.resize(*size)
    ui = w.unlock_page.ui
    qtbot.waitUntil(lambda: ui.userCombo.count() > 0 and ui.passphraseEdit.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == size, timeout=5_000)
    qtbot.wait(100)
    for field in (ui.userCombo, ui.passphraseEdit):
        text = field.fontMetrics().height()
        # (2 px: the focus ring is 1 px wider than the plain border on each side)
        assert field.height() >= field.sizeHint().height() - 2, (field.objectName(), field.size(), field.sizeHint())
        assert field.height() >= text + 10, f"{field.objectName()} is {field.height()} px tall for {text} px text"
    QTest.keyClicks(ui.passphraseEdit, "typed")  # the field takes the passphrase where it is shown
    assert ui.passphraseEdit.text() == "typed"


def test_a_message_goes_when_its_part_of_the_session_is_left_and_on_lock(
    qtbot, make_window, vault_dir
) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.conftest import unlock
    from tests.gui.test_fit_and_keys import open_app, open_from_home, press
    from tests.gui.test_session import consented_session

    w = open_app(qtbot, make_window, vault_dir, SMALL)
    sid = run_db(qtbot, w, consented_session)
    screen = open_from_home(qtbot, w, sid)
    closed = "Distress event closed"

    def distress_and_back() -> None:
        qtbot.mouseClick(screen.bar.distress_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.distress, timeout=5_000)
        qtbot.waitUntil(screen.distress.resume_button.isVisible, timeout=5_000)
        qtbot.mouseClick(screen.distress.resume_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.interview, timeout=5_000)
        qtbot.waitUntil(lambda: screen.message.isVisible() and closed in screen.message.text(), timeout=5_000)

    distress_and_back()
    press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # lock, then unlock
    qtbot.waitUntil(lambda: not w.unlocked, timeout=5_000)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    qtbot.waitUntil(lambda: w.content.currentWidget() is screen, timeout=5_000)
    assert not screen.message.isVisible(), screen.message.text()

    distress_and_back()
    qtbot.mouseClick(screen.bar.end_button, Qt.MouseButton.LeftButton)  # on to the close-out
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.closeout, timeout=5_000)
    assert not screen.message.isVisible(), screen.message.text()


@pytest.mark.parametrize("size", [SIZE, SMALL], ids=lambda s: f"{s[0]}x{s[1]}")
def test_prepares_ready_checklist_wraps_instead_of_scrolling_sideways(
    qtbot, make_window, vault_dir, ws, size
) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.test_fit_and_keys import click_nav, open_app

    add_eligible(ws, "mother")
    ws.close()
    w = open_app(qtbot, make_window, vault_dir, size)
    click_nav(qtbot, w, "prepare")
    pg = w.page("prepare")
    qtbot.waitUntil(lambda: pg.people.count() == 1, timeout=5_000)
    pg.people.item(0).setCheckState(Qt.CheckState.Checked)
    pg.location_combo.setCurrentIndex(pg.location_combo.findData("home"))
    pg.create_button.setFocus()
    QTest.keyClick(pg.create_button, Qt.Key.Key_Space)  # "Create session" by keyboard
    lst = pg.checklist.list
    qtbot.waitUntil(lambda: lst.count() > 3, timeout=5_000)
    qtbot.waitUntil(lst.isVisible, timeout=5_000)
    qtbot.wait(200)
    room = lst.viewport().width()
    assert lst.horizontalScrollBar().maximum() == 0
    for i in range(lst.count()):
        rect = lst.visualItemRect(lst.item(i))
        assert rect.width() <= room, f"{lst.item(i).text()!r} is {rect.width()} px in a {room} px list"
