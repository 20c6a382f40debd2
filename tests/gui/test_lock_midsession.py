"""The app locking itself in the middle of a session, on a small laptop: what was open over the workspace
goes with it, the lock screen's own controls are the ones in reach, and it says what the take is doing."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from fieldwork_app.audio import RecorderState
from fieldwork_app.services import participants
from tests.gui.conftest import unlock
from tests.gui.test_fit_and_keys import (
    SIZES,
    click,
    click_nav,
    open_app,
    open_from_home,
    press,
    start_recording,
)
from tests.gui.test_idle_notice import ERROR_RED
from tests.gui.test_session import consented_session, run_db
from tests.support.vaults import PASSPHRASE

pytestmark = pytest.mark.audio


def _open_dialogs() -> list[QDialog]:
    return [t for t in QApplication.topLevelWidgets() if isinstance(t, QDialog) and t.isVisible()]


def _recording(qtbot, make_window, vault_dir, virtual_mic, size):  # type: ignore[no-untyped-def]
    """The app at ``size`` on a consented session's screen, a take recording from the virtual microphone."""
    virtual_mic.use_sine()
    w = open_app(qtbot, make_window, vault_dir, size)
    sid = run_db(qtbot, w, consented_session)
    screen = open_from_home(qtbot, w, sid)
    start_recording(qtbot, w, screen)
    return w, screen


def _lock(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+L, as a researcher stepping away does."""
    press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not w.unlocked, timeout=5_000)


def _unlock(qtbot, w, *who: str) -> None:  # type: ignore[no-untyped-def]
    unlock(qtbot, w, *who)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_an_idle_lock_closes_a_dialog_left_open_and_the_lock_screen_stops_the_take(  # type: ignore[no-untyped-def]
    qtbot, make_window, vault_dir, virtual_mic, size
) -> None:
    virtual_mic.use_sine()
    w = open_app(qtbot, make_window, vault_dir, size)
    sid = run_db(qtbot, w, consented_session)
    pid = run_db(qtbot, w, lambda ws: ws.db.execute("SELECT participant_id FROM session_participants").fetchone()[0])
    screen = open_from_home(qtbot, w, sid)
    start_recording(qtbot, w, screen)

    # From the strip's page, the researcher starts recording a withdrawal and leaves the laptop with the dialog open.
    click_nav(qtbot, w, "participants")
    page = w.page("participants")
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() > 0, timeout=5_000)
    item = next(
        page.tree.topLevelItem(i)
        for i in range(page.tree.topLevelItemCount())
        if page.tree.topLevelItem(i).text(0) == pid
    )
    QTest.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=page.tree.visualItemRect(item).center())
    qtbot.waitUntil(lambda: page.withdraw_button.isEnabled(), timeout=5_000)
    seen: dict[str, object] = {}

    def watch() -> None:  # runs inside the dialog's own event loop
        shown = _open_dialogs()
        if shown and "dialog" not in seen:
            seen["dialog"] = shown[0].objectName()
            w.idle.set_interval(1_000)  # the auto-lock, a second without input from now
            w.idle.start()
        if not w.unlocked and "locked" not in seen:
            seen["locked"] = True
            # still there a moment after the lock: the test has failed; close it so the test ends
            QTimer.singleShot(1_500, lambda: [d.reject() for d in _open_dialogs() if seen.setdefault("left", True)])
        if "left" not in seen:
            QTimer.singleShot(50, watch)

    QTimer.singleShot(50, watch)
    click(qtbot, page.withdraw_button)  # returns once the dialog is closed
    qtbot.waitUntil(lambda: not w.unlocked, timeout=10_000)
    w.idle.set_interval(3_600_000)
    assert seen.get("dialog") == "WithdrawDialog"
    assert "left" not in seen, "the dialog stayed open over the lock screen"
    assert not _open_dialogs()
    assert w.root.currentWidget() is w.unlock_page

    # The lock screen's Stop is what is in reach: the take ends and is sealed, nothing asked.
    ui = w.unlock_page.ui
    assert ui.recordingBanner.isVisible()
    click(qtbot, ui.recStopButton)
    qtbot.waitUntil(lambda: w.ctx.recorder.take is None, timeout=10_000)

    _unlock(qtbot, w)
    assert not _open_dialogs()
    assert w.content.currentWidget() is screen  # the session comes back first
    assert run_db(qtbot, w, lambda ws: participants.get(ws, pid)).status.value != "withdrawn"  # nothing recorded
    press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # the distress key works after it
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.distress, timeout=5_000)
    assert w.ctx.recorder.take is None or w.ctx.recorder.take.state is not RecorderState.RECORDING


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_lock_screen_shows_the_whole_recording_message_and_says_paused_when_paused(  # type: ignore[no-untyped-def]
    qtbot, make_window, vault_dir, virtual_mic, size
) -> None:
    w, screen = _recording(qtbot, make_window, vault_dir, virtual_mic, size)
    assert w.status_recording.text() == "● Recording"
    press(Qt.Key.Key_F8)  # pause
    qtbot.waitUntil(lambda: w.ctx.recorder.take.state is RecorderState.PAUSED, timeout=5_000)
    qtbot.waitUntil(lambda: w.status_recording.text() == "❚❚ Paused", timeout=5_000)

    _lock(qtbot, w)
    ui = w.unlock_page.ui
    qtbot.waitUntil(lambda: "paused" in ui.recordingLabel.text(), timeout=5_000)
    qtbot.wait(200)
    assert w.status_recording.text() == "❚❚ Paused"  # the status line agrees with the lock screen

    def whole(label) -> bool:  # type: ignore[no-untyped-def]
        return label.height() >= label.heightForWidth(label.width()) and label.geometry().top() >= 0

    for label in (ui.recordingLabel, ui.recordingTime):
        assert whole(label), (label.objectName(), label.height(), label.heightForWidth(label.width()))
    # the banner's parts do not overlap one another
    parts = [ui.recordingLabel, ui.recordingTime, ui.recPauseButton]
    tops = [p.mapTo(w, p.rect().topLeft()).y() for p in parts]
    bottoms = [p.mapTo(w, p.rect().bottomLeft()).y() for p in parts]
    assert all(bottoms[i] < tops[i + 1] for i in range(len(parts) - 1)), (tops, bottoms)

    press(Qt.Key.Key_F8)  # resume, from the lock screen
    qtbot.waitUntil(lambda: w.ctx.recorder.take.state is RecorderState.RECORDING, timeout=5_000)
    qtbot.waitUntil(lambda: w.status_recording.text() == "● Recording", timeout=5_000)
    qtbot.waitUntil(lambda: "goes on" in ui.recordingLabel.text(), timeout=5_000)
    assert whole(ui.recordingLabel)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_after_an_unlock_the_same_user_is_back_on_the_page_they_left_and_another_user_on_the_home(  # type: ignore[no-untyped-def]
    qtbot, make_window, vault_dir, size
) -> None:
    w = open_app(qtbot, make_window, vault_dir, size)
    run_db(qtbot, w, lambda ws: ws.vault.add_user("bob", "another long passphrase", "researcher"))
    click_nav(qtbot, w, "analysis")
    page = w.page("analysis")
    QTest.mouseClick(page.url_edit, Qt.MouseButton.LeftButton)
    QTest.keyClicks(page.url_edit, "sftp://dm@store.example:22/study")
    _lock(qtbot, w)
    _unlock(qtbot, w)
    assert w.content.currentWidget() is page  # where the data manager was, with what was typed
    assert w.nav.currentItem().data(Qt.ItemDataRole.UserRole) == "analysis"
    assert page.url_edit.text() == "sftp://dm@store.example:22/study"

    click_nav(qtbot, w, "participants")
    _lock(qtbot, w)
    unlock(qtbot, w, "another long passphrase", "bob")  # someone else signs in
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    assert w.content.currentWidget() is w.page("home")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_distress_key_on_the_lock_screen_says_it_needs_the_passphrase_then_works_after_unlock(  # type: ignore[no-untyped-def]
    qtbot, make_window, vault_dir, virtual_mic, size
) -> None:
    w, screen = _recording(qtbot, make_window, vault_dir, virtual_mic, size)
    _lock(qtbot, w)
    ui = w.unlock_page.ui
    QTest.mouseClick(ui.userCombo, Qt.MouseButton.LeftButton)  # the focus somewhere else on the lock screen
    QTest.keyClick(ui.userCombo, Qt.Key.Key_Escape)
    press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "passphrase to open the distress protocol" in ui.messageLabel.text()
    assert "Pause (F8) and Stop work here" in ui.messageLabel.text()
    # a notice of what to do, in the style of the idle lock's notice, not the red of a refused passphrase
    assert ui.messageLabel.property("role") == "hint"
    assert ui.messageLabel.palette().color(QPalette.ColorRole.WindowText).name() != ERROR_RED
    assert QApplication.focusWidget() is ui.passphraseEdit  # typed straight away
    press(Qt.Key.Key_F9)
    assert "passphrase to mark this moment" in ui.messageLabel.text()
    assert w.ctx.recorder.take.state is RecorderState.RECORDING  # the take goes on meanwhile

    QTest.keyClicks(ui.passphraseEdit, PASSPHRASE)
    QTest.keyClick(ui.passphraseEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    qtbot.waitUntil(lambda: screen.isAncestorOf(QApplication.focusWidget()), timeout=5_000)
    press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.distress, timeout=5_000)
    assert w.ctx.recorder.take is not None and w.ctx.recorder.position > 0.3


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_home_visit_screen_left_locked_a_while_comes_back_without_a_stale_error(  # type: ignore[no-untyped-def]
    qtbot, make_window, vault_dir, size
) -> None:
    from datetime import timedelta

    from fieldwork_app.services.clock import FakeClock
    from tests.gui.test_safety_flows import START, _home_visit
    from tests.gui.test_session import open_screen

    w, screen, _sid = open_screen(qtbot, make_window, vault_dir, _home_visit, FakeClock(START + timedelta(minutes=2)))
    w.resize(*size)
    qtbot.waitUntil(lambda: "Check in with your buddy now" in screen.lonework.phase.text(), timeout=5_000)
    screen.timer.setInterval(300)  # the screen's own refresh (every 30 s), sooner: the lock lasts a moment here
    screen.timer.start()
    _lock(qtbot, w)
    qtbot.wait(1_200)  # several refreshes fall while locked
    _unlock(qtbot, w)
    qtbot.wait(500)
    assert w.content.currentWidget() is screen
    assert not screen.message.isVisible(), screen.message.text()  # no "The vault is locked" after unlocking
    assert "Check in with your buddy now" in screen.lonework.phase.text()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_take_stopped_on_the_lock_screen_shows_as_saved_after_the_unlock_without_an_error(  # type: ignore[no-untyped-def]
    qtbot, make_window, vault_dir, virtual_mic, size
) -> None:
    w, screen = _recording(qtbot, make_window, vault_dir, virtual_mic, size)
    _lock(qtbot, w)
    click(qtbot, w.unlock_page.ui.recStopButton)
    qtbot.waitUntil(lambda: w.ctx.recorder.take is None, timeout=10_000)
    qtbot.wait(300)
    _unlock(qtbot, w)
    # the list says what the lock screen did
    qtbot.waitUntil(lambda: screen.takes.count() == 1 and "saved" in screen.takes.item(0).text(), timeout=5_000)
    assert "Take saved" in screen.bar.status.text()
    qtbot.wait(300)
    assert not screen.message.isVisible(), screen.message.text()  # no "The vault is locked" left over


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_consent_recording_stopped_on_the_lock_screen_leaves_no_error_on_the_consent_page(  # type: ignore[no-untyped-def]
    qtbot, make_window, vault_dir, virtual_mic, size
) -> None:
    from fieldwork_app.services import sessions
    from tests.support.people import add_eligible

    virtual_mic.use_sine()
    w = open_app(qtbot, make_window, vault_dir, size)
    run_db(qtbot, w, lambda ws: sessions.new(ws, [add_eligible(ws, "mother").id], "interview", "phone").id)
    click_nav(qtbot, w, "consent")
    page = w.page("consent")
    qtbot.waitUntil(lambda: page.draft is not None and page.people.count() > 0, timeout=5_000)
    click(qtbot, page.mode_buttons["verbal"])
    click(qtbot, page.consent_rec_button)
    qtbot.waitUntil(lambda: w.ctx.recorder.take is not None and w.ctx.recorder.position > 0.5, timeout=10_000)
    _lock(qtbot, w)
    click(qtbot, w.unlock_page.ui.recStopButton)
    qtbot.waitUntil(lambda: w.ctx.recorder.take is None, timeout=10_000)
    qtbot.wait(300)
    _unlock(qtbot, w)
    assert w.content.currentWidget() is page  # back where consent was being taken
    qtbot.waitUntil(lambda: "Start consent" in page.consent_rec_button.text(), timeout=5_000)
    qtbot.wait(300)
    assert "locked" not in page.message.text(), page.message.text()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_f8_on_the_lock_screen_during_the_distress_protocol_is_one_of_its_steps(  # type: ignore[no-untyped-def]
    qtbot, make_window, vault_dir, virtual_mic, size
) -> None:
    from fieldwork_app.services import distress

    w, screen = _recording(qtbot, make_window, vault_dir, virtual_mic, size)
    press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # the protocol pauses the take
    qtbot.waitUntil(lambda: w.ctx.recorder.take.state is RecorderState.PAUSED, timeout=5_000)
    qtbot.waitUntil(lambda: screen.distress.pause.isChecked() and screen.p.event_id is not None, timeout=5_000)
    _lock(qtbot, w)
    press(Qt.Key.Key_F8)  # she is settled and wants to go on: resumed on the lock screen
    qtbot.waitUntil(lambda: w.ctx.recorder.take.state is RecorderState.RECORDING, timeout=5_000)
    qtbot.wait(300)
    _unlock(qtbot, w)
    assert screen.stack.currentWidget() is screen.distress  # back where the researcher was
    qtbot.waitUntil(lambda: not screen.distress.pause.isChecked(), timeout=5_000)  # the box says what the take does

    def steps() -> list[str]:
        event = run_db(qtbot, w, lambda ws: distress.get(ws, screen.p.event_id))
        return [s["kind"] for s in event.steps]

    qtbot.waitUntil(lambda: steps()[-1:] == ["recording_resumed"], timeout=5_000)
    assert "recording_paused" in steps()
    lines = [screen.distress.timeline.item(i).text() for i in range(screen.distress.timeline.count())]
    assert any("resumed" in line.lower() for line in lines), lines
