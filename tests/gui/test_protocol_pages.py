"""A format-2 protocol through the screens: a gating task marked done on the Participants page; capacity,
a witness and an interpreter recorded on the Consent page before consent can be saved."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt

from fieldwork_app.services import sessions
from fieldwork_app.services import workspace as workspace_svc
from tests.gui.conftest import unlock
from tests.gui.test_consent import _answer_all
from tests.support.vaults import PASSPHRASE, USER
from tests.unit.test_protocol_rules import person, protocol_vault


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_gating_task_capacity_witness_and_interpreter_in_the_gui(qtbot, tmp_path, make_window, size):
    vault = protocol_vault(tmp_path)
    ws = workspace_svc.unlock(vault, USER, PASSPHRASE)
    try:
        pid = person(ws, age_band="16-17", interpreter="yes")
        sid = sessions.new(ws, [pid], "interview", "clinic", "2030-01-01T10:00", 60).id
    finally:
        ws.close()
    w = make_window(vault)
    w.resize(*size)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)

    w.show_page("participants")
    pp = w.page("participants")
    qtbot.waitUntil(lambda: pp.tree.topLevelItemCount() == 1, timeout=5_000)
    pp._select(pid)
    qtbot.waitUntil(lambda: pp.tasks_box.isVisibleTo(pp) and pp.gating_list.count() == 1, timeout=5_000)
    assert pp.gating_list.item(0).text() == "Notify the parent before the session (to do)"
    qtbot.mouseClick(pp.gating_done, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "(done)" in pp.gating_list.item(0).text(), timeout=5_000)

    w.show_page("consent")
    page = w.page("consent")
    qtbot.waitUntil(lambda: page.draft is not None and page.before_box.isVisibleTo(page), timeout=5_000)
    assert page.witness_name.isVisibleTo(page) and page.interpreter_agreement.isVisibleTo(page)
    qtbot.mouseClick(page.mode_buttons["paper"], Qt.MouseButton.LeftButton)
    _answer_all(qtbot, page)
    assert not page.save_button.isEnabled()
    reasons = page.save_reason.text()
    assert "Assess capacity at this session first." in reasons and "Name the witness present." in reasons
    for box in page.capacity_checks.values():
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    qtbot.mouseClick(page.capacity_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "able to decide" in page.capacity_state.text(), timeout=5_000)
    qtbot.waitUntil(lambda: page.draft is not None and page.draft.capacity_ok, timeout=5_000)
    assert page.draft.mode == "paper"  # the answers given before the assessment stay
    qtbot.keyClicks(page.witness_name, "Wendy Witness")
    qtbot.keyClicks(page.interpreter_name, "Ivan Interpreter")
    assert "confidentiality agreement" in page.save_reason.text()
    page.interpreter_agreement.setFocus()
    qtbot.keyClick(page.interpreter_agreement, Qt.Key.Key_Space)
    qtbot.waitUntil(page.save_button.isEnabled, timeout=5_000)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Consent recorded" in page.message.text(), timeout=5_000)
    w.shutdown()
    ws = workspace_svc.unlock(vault, USER, PASSPHRASE)
    try:
        rows = ws.idb.execute("SELECT role, name, agreement FROM consent_parties ORDER BY role").fetchall()
        assert [tuple(r) for r in rows] == [
            ("interpreter", "Ivan Interpreter", 1),
            ("witness", "Wendy Witness", 0),
        ]
        assert sessions.get(ws, sid).id == sid
    finally:
        ws.close()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_the_quote_marker_warns_when_quotes_were_declined(qtbot, tmp_path, make_window, size):
    from fieldwork_app.services import consent, ethics
    from tests.unit.test_protocol_rules import ABLE

    from fieldwork_app.gui.session.page import build_screen

    vault = protocol_vault(tmp_path)
    ws = workspace_svc.unlock(vault, USER, PASSPHRASE)
    try:
        pid = person(ws)
        sid = sessions.new(ws, [pid], "interview", "clinic").id
        ethics.record_capacity(ws, sid, pid, ABLE)
        answers = {k: True for k in consent.template(ws, sid, pid)}
        consent.record(ws, sid, pid, "paper", {**answers, "6": False})  # no quotes
    finally:
        ws.close()
    w = make_window(vault, idle_ms=3_600_000)
    w.resize(*size)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    screen = build_screen(w.ctx, sid, None)
    w.push_screen(screen)
    w.activateWindow()
    qtbot.waitUntil(lambda: screen.p.info is not None, timeout=10_000)
    qtbot.mouseClick(screen.bar.marker_buttons["important"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.bar.status.text().startswith("Important "), timeout=5_000)
    assert "Careful" not in screen.bar.status.text()
    qtbot.keyClick(screen.note_edit, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # a quote
    qtbot.waitUntil(lambda: "did not agree to be quoted" in screen.bar.status.text(), timeout=5_000)
    assert screen.bar.status.text().startswith("Quote ") and pid in screen.bar.status.text()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_a_guardians_part_is_asked_for_before_consent_can_be_saved(qtbot, tmp_path, make_window, size):
    from fieldwork_app.paths import DataDir
    from fieldwork_app.services import ethics
    from fieldwork_app.services import packs as packs_svc
    from fieldwork_app.vault import FAST_KDF
    from tests.unit.test_protocol_rules import SECOND, days_ago, young_carer

    vault = DataDir(tmp_path / "vault")
    ws, _ = workspace_svc.create(vault, USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs_svc.import_pack(ws, SECOND)
        pid = young_carer(ws, "16-17")
        sessions.new(ws, [pid], "interview", "youth_centre", "2030-01-01T10:00", 60)
        ethics.mark_done(ws, pid, "parent-notified", on=days_ago(3))
    finally:
        ws.close()
    w = make_window(vault)
    w.resize(*size)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    w.show_page("consent")
    page = w.page("consent")
    qtbot.waitUntil(lambda: page.draft is not None and page.before_box.isVisibleTo(page), timeout=5_000)
    assert page.guardian_name.isVisibleTo(page) and page.guardian_form.isVisibleTo(page)
    assert not page.consultee_name.isVisibleTo(page) and not page.witness_name.isVisibleTo(page)
    qtbot.mouseClick(page.mode_buttons["paper"], Qt.MouseButton.LeftButton)
    _answer_all(qtbot, page)
    assert not page.save_button.isEnabled()
    assert page.save_reason.text() == "The protocol asks for a parent's or guardian's consent: name them."
    qtbot.keyClicks(page.guardian_name, "Gail Guardian")
    assert page.save_reason.text() == "Confirm the parent or guardian has completed their form."
    assert not page.save_button.isEnabled()
    page.guardian_form.setFocus()
    qtbot.keyClick(page.guardian_form, Qt.Key.Key_Space)
    qtbot.waitUntil(page.save_button.isEnabled, timeout=5_000)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Consent recorded" in page.message.text(), timeout=5_000)
    w.shutdown()
    ws = workspace_svc.unlock(vault, USER, PASSPHRASE)
    try:
        rows = ws.idb.execute("SELECT role, name, agreement FROM consent_parties").fetchall()
        assert [tuple(r) for r in rows] == [("guardian", "Gail Guardian", 1)]
    finally:
        ws.close()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_a_task_done_days_ago_is_recorded_on_that_day(qtbot, tmp_path, make_window, size):
    """The parent was told three days ago and the research assistant records it today: the day typed in
    "Done on" is kept, so the two days' notice the study asks for is met and the session may go ahead."""
    from datetime import date, datetime, timedelta

    from fieldwork_app.paths import DataDir
    from fieldwork_app.services import ethics, packs, participants
    from fieldwork_app.studypack import example_pack_path
    from fieldwork_app.vault import FAST_KDF
    from tests.support.people import with_required

    data = DataDir(tmp_path / "v")
    ws, _ = workspace_svc.create(data, USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs.import_pack(ws, example_pack_path().parent / "caring-lives")
        attrs = with_required(ws.pack(), "young-carer", {"age_band": "16-17"})
        pid = participants.add(ws, "young-carer", attributes=attrs).id
        criteria = ws.pack().group("young-carer").eligibility
        participants.screen(ws, pid, {c.id: c.eligible_answer for c in criteria})
        soon = (datetime.now() + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
        sid = sessions.new(ws, [pid], "interview", "youth_centre", soon, 60).id
    finally:
        ws.close()
    w = make_window(data)
    w.resize(*size)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    w.show_page("participants")
    pp = w.page("participants")
    qtbot.waitUntil(lambda: pp.tree.topLevelItemCount() == 1, timeout=5_000)
    pp._select(pid)
    qtbot.waitUntil(lambda: pp.tasks_box.isVisibleTo(pp) and pp.gating_list.count() == 1, timeout=5_000)
    assert pp.gating_on.isVisibleTo(pp) and pp.gating_on.date().toPython() == date.today()
    told = date.today() - timedelta(days=3)
    pp.gating_on.setFocus()  # its first part (the day) is selected: typing replaces it, a space moves on
    qtbot.keyClicks(pp.gating_on, told.strftime("%-d %b %Y"))
    assert pp.gating_on.date().toPython() == told
    qtbot.mouseClick(pp.gating_done, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "(done)" in pp.gating_list.item(0).text(), timeout=5_000)
    ws = workspace_svc.unlock(data, USER, PASSPHRASE)
    try:
        (state,) = ethics.gating_state(ws, pid, sid, at=datetime.now().astimezone())
        assert state.done_at == told.isoformat() and state.hold is None
    finally:
        ws.close()
