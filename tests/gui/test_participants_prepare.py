"""Participants (add, screen, identity on request, withdrawal) and preparing a home visit to ready."""

from __future__ import annotations

import re

import pytest
import shiboken6

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QDialogButtonBox, QLineEdit

from fieldwork_app.services import participants, sessions
from fieldwork_app.services import workspace as workspace_svc
from tests.gui.conftest import unlock
from tests.support.people import add_eligible
from tests.support.vaults import PASSPHRASE, USER


def _open(qtbot, make_window, vault_dir, page):
    w = make_window(vault_dir)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    w.show_page(page)
    return w


STUCK: list[str] = []


def _answer_dialog(qtbot, fill, press="ok"):  # type: ignore[no-untyped-def]
    """Fill the next modal dialog once it opens, then answer it as a person does: a click on its OK or
    Cancel button, or Enter in the field that has focus."""

    def run() -> None:
        d = next(
            (
                t
                for t in QApplication.topLevelWidgets()
                if isinstance(t, QDialog)
                and t.isVisible()
                and t.objectName() in ("IdentityReasonDialog", "WithdrawDialog")
            ),
            None,
        )
        if d is None or QApplication.activeWindow() is not d:
            # as a person would: wait for the dialog to come up and take the keyboard (on a busy machine the
            # window system may make it the active window a little after it is shown)
            QTimer.singleShot(20, run)
            return
        fill(d)
        box = d.findChild(QDialogButtonBox)
        if press == "enter":
            QTest.keyClick(QApplication.focusWidget() or d, Qt.Key.Key_Return)
        else:
            which = (
                QDialogButtonBox.StandardButton.Ok
                if press == "ok"
                else QDialogButtonBox.StandardButton.Cancel
            )
            qtbot.mouseClick(box.button(which), Qt.MouseButton.LeftButton)
        # A dialog that ignores its buttons would block the test for ever: close it so the test fails.
        QTimer.singleShot(
            3_000,
            lambda: shiboken6.isValid(d) and d.isVisible() and (STUCK.append(d.windowTitle()), d.done(2)),
        )

    QTimer.singleShot(20, run)


def _type_reason(d):  # type: ignore[no-untyped-def]
    edit = d.findChild(QLineEdit, "reasonEdit")
    edit.setFocus()
    QTest.keyClicks(edit, "arranging visit")


def test_add_screen_identity_and_withdraw(qtbot, vault_dir, make_window):
    w = _open(qtbot, make_window, vault_dir, "participants")
    p = w.page("participants")
    qtbot.waitUntil(lambda: p.group_combo.count() == 3)
    assert not p.identity_box.isVisible()
    qtbot.mouseClick(p.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Added M-001" in p.message.text(), timeout=5_000)
    qtbot.waitUntil(lambda: p.selected_id() == "M-001", timeout=5_000)
    # a family member linked to her
    p.group_combo.setCurrentIndex(p.group_combo.findData("family"))
    assert p.linked_combo.isEnabled() and p.linked_combo.currentText() == "M-001"
    qtbot.mouseClick(p.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Added F-001" in p.message.text(), timeout=5_000)
    qtbot.waitUntil(lambda: p.tree.topLevelItemCount() == 2)
    rows = {p.tree.topLevelItem(i).text(0): p.tree.topLevelItem(i) for i in range(2)}
    assert rows["F-001"].text(3) == "M-001" and rows["M-001"].text(3) == ""
    assert rows["M-001"].text(2) == "not screened"  # nobody starts "screened"

    # screening: nothing is preselected; all "yes" makes her eligible
    p._select("M-001")
    qtbot.waitUntil(lambda: len(p._answers) == 3, timeout=5_000)
    qtbot.mouseClick(p.screen_button, Qt.MouseButton.LeftButton)
    assert "every screening question" in p.message.text()
    for cid in p._answers:
        p.screen_questions.findChild(type(p._answers[cid].button(1)), f"screen-{cid}-yes").click()
    qtbot.mouseClick(p.screen_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: p.message.text() == "Eligible.", timeout=5_000)
    qtbot.waitUntil(
        lambda: {p.tree.topLevelItem(i).text(0): p.tree.topLevelItem(i).text(2) for i in range(2)}["M-001"]
        == "eligible",
        timeout=5_000,
    )

    # identity: asks for a reason, the view is audited, hidden again on lock
    _answer_dialog(qtbot, _type_reason, "ok")
    qtbot.mouseClick(p.identity_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(p.identity_box.isVisible, timeout=5_000)
    qtbot.keyClicks(p.identity_edits["name"], "Jane Example")
    qtbot.mouseClick(p.identity_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "saved" in p.message.text(), timeout=5_000)
    qtbot.mouseClick(p.identity_hide, Qt.MouseButton.LeftButton)
    assert not p.identity_box.isVisible() and p.identity_edits["name"].text() == ""
    # an answer asked for before a lock, arriving after it, is never put on the screen
    asked = p._locks
    p.on_locked()
    p._show_identity({"name": "Jane Example"}, asked)
    assert not p.identity_box.isVisible() and p.identity_edits["name"].text() == ""

    # withdrawal: Cancel records nothing, Enter confirms
    answered: list[bool] = []
    _answer_dialog(qtbot, lambda d: answered.append(True), "cancel")
    qtbot.mouseClick(p.withdraw_button, Qt.MouseButton.LeftButton)  # the dialog opens once the cut-off is read
    qtbot.waitUntil(lambda: bool(answered) and QApplication.activeModalWidget() is None, timeout=5_000)
    assert p.tree.currentItem().text(2) != "withdrawn"
    _answer_dialog(qtbot, lambda d: d.findChild(QComboBox, "scopeCombo").setFocus(), "enter")
    qtbot.mouseClick(p.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Withdrawal recorded" in p.message.text(), timeout=20_000)
    assert not STUCK
    qtbot.waitUntil(lambda: p.tree.currentItem().text(2) == "withdrawn", timeout=5_000)
    w.shutdown()
    ws = workspace_svc.unlock(vault_dir, USER, PASSPHRASE)
    try:
        assert participants.last_screening(ws, "M-001")["eligible"] is True
        actions = [r["action"] for r in ws.db.execute("SELECT action FROM audit").fetchall()]
        assert "identity.view" in actions
        with pytest.raises(Exception, match="withdrawn"):
            sessions.new(ws, ["M-001"], "interview", "home")
    finally:
        ws.close()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_prepare_explains_why_a_participant_not_screened_gets_no_session(qtbot, vault_dir, ws, make_window, size):
    participants.add(ws, "mother")
    ws.close()
    w = _open(qtbot, make_window, vault_dir, "prepare")
    w.resize(*size)
    pg = w.page("prepare")
    qtbot.waitUntil(lambda: pg.people.count() == 1, timeout=5_000)
    pg.people.setFocus()
    pg.people.setCurrentRow(0)
    QTest.keyClick(pg.people, Qt.Key.Key_Space)  # tick M-001
    assert pg.people.item(0).checkState() == Qt.CheckState.Checked
    qtbot.mouseClick(pg.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "screened eligible" in pg.message.text(), timeout=5_000)
    text = pg.message.text()
    assert "Screen them on the Participants page first" in text  # why, and what to do
    assert "M-001 has not been screened yet" in text
    w.shutdown()
    ws2 = workspace_svc.unlock(vault_dir, USER, PASSPHRASE)
    try:
        assert sessions.list_all(ws2) == []
    finally:
        ws2.close()


@pytest.mark.audio
def test_prepare_home_visit_to_ready(qtbot, vault_dir, ws, virtual_mic, make_window):
    add_eligible(ws, "mother")
    ws.close()
    w = _open(qtbot, make_window, vault_dir, "prepare")
    pg = w.page("prepare")
    qtbot.waitUntil(lambda: pg.people.count() == 1, timeout=5_000)
    pg.people.item(0).setCheckState(Qt.CheckState.Checked)
    pg.location_combo.setCurrentIndex(pg.location_combo.findData("home"))
    assert pg.lone_box.isVisibleTo(pg)
    qtbot.mouseClick(pg.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "S-0001 created" in pg.message.text(), timeout=5_000)
    qtbot.waitUntil(lambda: "Consent form for mothers" in pg.docs_label.text(), timeout=5_000)
    assert "version 1.1" in pg.docs_label.text() and "Topic guide" in pg.docs_label.text()
    assert not re.search(r"\d{4}-\d\d-\d\d", pg.docs_label.text())  # dates in the app's one format
    # The visit's times start from the session's planned start and end, never Qt's 2000-01-01.
    assert pg.visit_start.dateTime() == pg.start_edit.dateTime()
    assert pg.visit_end.dateTime() == pg.start_edit.dateTime().addSecs(60 * pg.minutes.value())
    assert not pg.checklist.ready
    qtbot.keyClicks(pg.buddy_name, "Sam")
    qtbot.keyClicks(pg.buddy_phone, "07700 900123")
    qtbot.keyClicks(pg.backup_name, "Alex")  # the example pack asks for a back-up buddy
    qtbot.keyClicks(pg.backup_phone, "07700 900456")
    pg.travel.setValue(40)
    pg.code_word.setChecked(True)
    pg.risk.setChecked(True)
    qtbot.keyClicks(pg.address, "1 Example Street")
    qtbot.mouseClick(pg.plan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "sealed." in pg.sealed_label.text(), timeout=5_000)
    assert pg.address.text() == ""
    assert not pg.checklist.ready
    pg.playback.setChecked(False)
    qtbot.mouseClick(pg.mic_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Microphone OK" in pg.mic_result.text(), timeout=15_000)
    assert pg.mic_result.text().endswith(" dBFS)") and "(peak " in pg.mic_result.text()  # the level, worded here
    assert pg.meter.readings > 10
    assert not pg.meter.active and pg.meter.rms == -60.0  # the check is over: greyed, not full
    pg.battery.click()
    qtbot.waitUntil(lambda: pg.checklist.ready, timeout=5_000)
    assert pg.checklist.state.text().startswith("Ready")
    assert "ready" in pg.session_combo.itemText(1) or True


def _press_in_modal(kind, name_of_button, check=None, errors=None):
    """Once a modal of ``kind`` opens: check it, then click its button (found by object name, else as a
    standard button) with a real mouse event, as a person would.  A failure closes the modal (so the test
    fails instead of waiting for ever) and is kept in ``errors``."""
    from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QMessageBox

    def run() -> None:
        d = QApplication.activeModalWidget()
        if not isinstance(d, kind) or not d.isVisible():
            QTimer.singleShot(20, run)
            return
        try:
            if check is not None:
                check(d)
            if isinstance(name_of_button, str):
                button = d.findChild(QAbstractButton, name_of_button)
            elif isinstance(d, QMessageBox):
                button = d.button(name_of_button)
            else:
                button = d.findChild(QDialogButtonBox).button(name_of_button)
            assert button is not None and button.isVisible(), name_of_button
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            if errors is not None:
                errors.append(exc)
            d.reject()
            return
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # a real mouse event on the visible button

    QTimer.singleShot(20, run)


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_withdrawal_that_deletes_asks_before_holding_back_unsent_sessions(qtbot, vault_dir, ws, make_window, size):
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    from fieldwork_app.services import packs as packs_svc

    packs_svc.import_pack(ws, example=True)
    m = add_eligible(ws, "mother").id
    s = sessions.new(ws, [m], "interview", "home").id
    ws.close()
    w = _open(qtbot, make_window, vault_dir, "participants")
    w.resize(*size)
    p = w.page("participants")
    qtbot.waitUntil(lambda: p.tree.topLevelItemCount() == 1, timeout=5_000)
    item = p.tree.topLevelItem(0)
    p.tree.scrollToItem(item)
    qtbot.mouseClick(p.tree.viewport(), Qt.MouseButton.LeftButton, pos=p.tree.visualItemRect(item).center())
    qtbot.waitUntil(lambda: p.selected_id() == m and p.withdraw_button.isEnabled(), timeout=5_000)

    def choose_delete(d) -> None:
        combo = d.findChild(QComboBox, "scopeCombo")
        combo.setCurrentIndex(combo.findData("delete_data"))

    seen: list[str] = []
    errors: list[BaseException] = []
    # first time: the researcher reads which sessions would go, and cancels: nothing is recorded
    _press_in_modal(QDialog, QDialogButtonBox.StandardButton.Ok, choose_delete, errors)
    _press_in_modal(QMessageBox, QMessageBox.StandardButton.Cancel, lambda d: seen.append(d.text()), errors)
    qtbot.mouseClick(p.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Nothing recorded" in p.message.text() or bool(errors), timeout=10_000)
    assert not errors, errors
    assert seen and s in seen[0] and "never be sent" in seen[0]
    assert item.text(2) != "withdrawn"
    # then she confirms: the withdrawal is recorded and the session held back and deleted
    _press_in_modal(QDialog, QDialogButtonBox.StandardButton.Ok, choose_delete, errors)
    _press_in_modal(QMessageBox, "deleteUnsentButton", None, errors)
    qtbot.mouseClick(p.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Withdrawal recorded" in p.message.text() or bool(errors), timeout=10_000)
    assert not errors, errors
    w.shutdown()
    again = workspace_svc.unlock(vault_dir, USER, PASSPHRASE)
    try:
        assert participants.get(again, m).withdrawn
        assert participants.unsent_sessions(again, m) == []
        actions = [r["action"] for r in again.db.execute("SELECT action FROM audit").fetchall()]
        assert "withdrawal.delete_local" in actions
    finally:
        again.close()


def test_identity_by_enter_and_withdrawal_by_ok(qtbot, vault_dir, make_window):
    w = _open(qtbot, make_window, vault_dir, "participants")
    p = w.page("participants")
    qtbot.waitUntil(lambda: p.group_combo.count() == 3)
    qtbot.mouseClick(p.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: p.selected_id() == "M-001", timeout=5_000)
    _answer_dialog(qtbot, _type_reason, "enter")  # Enter in the reason field presses OK
    qtbot.mouseClick(p.identity_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(p.identity_box.isVisible, timeout=5_000)
    _answer_dialog(qtbot, lambda d: None, "ok")
    qtbot.mouseClick(p.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Withdrawal recorded" in p.message.text(), timeout=20_000)
    assert not STUCK


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_withdrawal_after_the_packs_cutoff_says_what_is_kept(qtbot, tmp_path, make_window, size):
    """Caring Lives sets a cut-off two weeks after the session: a withdrawal later than that is after it,
    shown in the dialog with the pack's words, and recorded as such (nothing deleted)."""
    from datetime import date, timedelta

    from PySide6.QtWidgets import QCheckBox, QDateEdit, QLabel

    from fieldwork_app.paths import DataDir
    from fieldwork_app.services import closeout, consent
    from fieldwork_app.services import packs as packs_svc
    from fieldwork_app.vault import FAST_KDF
    from tests.unit.test_protocol_rules import SECOND, young_carer

    vault = DataDir(tmp_path / "vault")
    ws, _ = workspace_svc.create(vault, USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs_svc.import_pack(ws, SECOND)
        pid = young_carer(ws, "18-24")
        sid = sessions.new(ws, [pid], "interview", "video").id
        consent.record(ws, sid, pid, "paper", {k: k != "3" for k in consent.template(ws, sid, pid)})
        closeout.save(ws, sid, wellbeing="fine")
        closeout.complete(ws, sid)
        last = participants.cutoff(ws, pid)
        assert last == date.today() + timedelta(days=14)
    finally:
        ws.close()
    w = _open(qtbot, make_window, vault, "participants")
    w.resize(*size)
    p = w.page("participants")
    qtbot.waitUntil(lambda: p.tree.topLevelItemCount() == 1, timeout=5_000)
    item = p.tree.topLevelItem(0)
    p.tree.scrollToItem(item)
    qtbot.mouseClick(p.tree.viewport(), Qt.MouseButton.LeftButton, pos=p.tree.visualItemRect(item).center())
    qtbot.waitUntil(lambda: p.selected_id() == pid and p.withdraw_button.isEnabled(), timeout=5_000)

    seen: list[tuple[str, bool, bool]] = []
    errors: list[BaseException] = []

    def read(d) -> None:
        combo = d.findChild(QComboBox, "scopeCombo")
        combo.setCurrentIndex(combo.findData("delete_data"))
        note, box = d.findChild(QLabel, "cutoffNote"), d.findChild(QCheckBox, "beforeCutoffCheck")
        assert note.isVisible()
        seen.append((note.text(), box.isChecked(), box.isEnabled()))  # today: before the cut-off
        when = d.findChild(QDateEdit, "dateEdit")
        when.setFocus()
        QTest.keyClick(when, Qt.Key.Key_End)  # the year, last in the date format
        QTest.keyClick(when, Qt.Key.Key_Up)  # a year later: after it
        assert when.date().toPython() == date.today().replace(year=date.today().year + 1)
        seen.append((note.text(), box.isChecked(), box.isEnabled()))

    _press_in_modal(QDialog, QDialogButtonBox.StandardButton.Ok, read, errors)
    qtbot.mouseClick(p.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Withdrawal recorded" in p.message.text() or bool(errors), timeout=10_000)
    assert not errors, errors
    assert seen[0] == (f"The study's analysis cut-off: last day {last}. This date comes before it.", True, True)
    text, checked, enabled = seen[1]
    assert text.startswith(
        f"After the study's analysis cut-off (last day {last}): data already analysed is kept; no new data "
        "is collected. After two weeks the interview may already be part of the analysis"
    )
    assert not checked and not enabled
    w.shutdown()
    again = workspace_svc.unlock(vault, USER, PASSPHRASE)
    try:
        row = again.db.execute("SELECT scope, before_cutoff FROM withdrawals").fetchone()
        assert tuple(row) == ("delete_data", 0)
    finally:
        again.close()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_an_interpreter_needed_is_booked_on_the_prepare_page(qtbot, tmp_path, make_window, size):
    from fieldwork_app.paths import DataDir
    from fieldwork_app.services import packs as packs_svc
    from fieldwork_app.vault import FAST_KDF
    from tests.support.people import eligible_answers
    from tests.unit.test_protocol_rules import SECOND

    vault = DataDir(tmp_path / "vault")
    ws, _ = workspace_svc.create(vault, USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs_svc.import_pack(ws, SECOND)
        attrs = {"age_band": "18-24", "language": "pl", "interpreter": "yes", "area": "north"}
        pid = participants.add(ws, "young-carer", attributes=attrs).id
        assert participants.screen(ws, pid, eligible_answers(ws.pack(), "young-carer"))
    finally:
        ws.close()
    w = _open(qtbot, make_window, vault, "prepare")
    w.resize(*size)
    pg = w.page("prepare")
    qtbot.waitUntil(lambda: pg.people.count() == 1, timeout=5_000)
    pg.people.item(0).setCheckState(Qt.CheckState.Checked)
    pg.location_combo.setCurrentIndex(pg.location_combo.findData("youth-centre"))
    qtbot.mouseClick(pg.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "S-0001 created" in pg.message.text(), timeout=5_000)
    box = pg.booked_checks["interpreter"]
    qtbot.waitUntil(lambda: box.isVisibleTo(pg), timeout=5_000)
    assert not box.isChecked() and not pg.booked_checks["witness"].isVisibleTo(pg)

    def booked() -> bool | None:
        rows = [pg.checklist.list.item(i) for i in range(pg.checklist.list.count())]
        row = next((r for r in rows if r.data(256) == "interpreter_booked"), None)
        return None if row is None else row.text() == "interpreter booked"  # done: no detail shown

    assert booked() is False
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: booked() is True, timeout=5_000)
    w.shutdown()
    again = workspace_svc.unlock(vault, USER, PASSPHRASE)
    try:
        item = next(i for i in sessions.checklist(again, "S-0001").items if i.id == "interpreter_booked")
        assert item.done
    finally:
        again.close()
