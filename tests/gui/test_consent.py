"""Consent: verbal on the virtual mic, written with drawn signatures, a focus group, and the recording gate."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QPoint, Qt

from fieldwork_app.services import consent, recording, sessions
from fieldwork_app.services import workspace as workspace_svc
from tests.gui.conftest import unlock
from tests.gui.modal import click_named, save_as, when_modal
from tests.support.people import add_eligible
from tests.support.vaults import PASSPHRASE, USER


def _open_consent(qtbot, make_window, vault_dir):
    w = make_window(vault_dir)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    w.show_page("consent")
    page = w.page("consent")
    qtbot.waitUntil(lambda: page.draft is not None and page.people.count() > 0, timeout=5_000)
    return w, page


def _answer_all(qtbot, page, decline=(), skip=()):
    for sid, row in page.rows.items():
        if sid in skip:
            continue
        button = row.no if (sid in decline or not row.statement.required) else row.yes
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        if row.initials is not None and button is row.yes:
            qtbot.keyClicks(row.initials, "JE")


def _sign(qtbot, pad):
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 60))
    for x in range(30, 200, 15):
        qtbot.mouseMove(pad, QPoint(x, 50 + (x % 30)))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(210, 55))


def _reopen(vault_dir):
    return workspace_svc.unlock(vault_dir, USER, PASSPHRASE)


def test_written_consent_with_drawn_signatures_opens_the_recording_gate(qtbot, vault_dir, ws, make_window):
    p = add_eligible(ws, "mother")
    s = sessions.new(ws, [p.id], "interview", "clinic", "2030-01-01T10:00", 60)
    ws.close()
    w, page = _open_consent(qtbot, make_window, vault_dir)
    assert not page.start_button.isEnabled()
    assert "has not given consent" in page.gate_reason.text()
    assert not page.save_button.isEnabled()
    qtbot.mouseClick(page.mode_buttons["written"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.rows) == 10)
    # every answer starts empty; required and optional are marked
    assert all(r.group.checkedId() == -1 for r in page.rows.values())
    assert page.rows["1"].tag.text() == "Required" and page.rows["O1"].tag.text() == "Optional"
    assert page.rows["1"].initials is not None and page.rows["O1"].initials is None
    _answer_all(qtbot, page)
    assert "Both signatures" in page.save_reason.text()
    _sign(qtbot, page.participant_pad)
    assert not page.save_button.isEnabled()
    _sign(qtbot, page.researcher_pad)
    qtbot.waitUntil(page.save_button.isEnabled)
    assert page.participant_pad.path_data().startswith("M 20.0 60.0 L ")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Consent recorded" in page.message.text(), timeout=5_000)
    qtbot.waitUntil(page.start_button.isEnabled, timeout=5_000)
    assert "agreed to the recording" in page.gate_reason.text()

    # the placeholder session screen records an interview take
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    screen = w.content.currentWidget()
    assert screen.session_id == s.id
    w.shutdown()
    ws2 = _reopen(vault_dir)
    try:
        recs = consent.records_for_session(ws2, s.id)
        assert len(recs) == 1 and recs[0]["mode"] == "written" and recs[0]["answers"]["O1"] is False
        sig = ws2.idb.execute("SELECT svg FROM signatures WHERE signer = 'participant'").fetchone()[0]
        assert '<path d="M 20.0 60.0 L' in sig
    finally:
        ws2.close()


def test_declining_the_recording_statement_is_refused_and_recording_stays_off(
    qtbot, vault_dir, ws, make_window
):
    p = add_eligible(ws, "mother")
    s = sessions.new(ws, [p.id], "interview", "clinic", "2030-01-01T10:00", 60)
    ws.close()
    w, page = _open_consent(qtbot, make_window, vault_dir)
    qtbot.mouseClick(page.mode_buttons["paper"], Qt.MouseButton.LeftButton)
    _answer_all(qtbot, page, decline=("3",))
    assert not page.save_button.isEnabled()
    assert "declined" in page.save_reason.text() and "3" in page.save_reason.text()
    assert not page.start_button.isEnabled()
    # the service refuses too, even if asked directly
    errors = []
    w.ctx.tasks.db(lambda ws: recording.start_take(ws, s.id), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    assert errors[0].kind.value == "consent-missing"


def test_focus_group_each_member_consents(qtbot, vault_dir, ws, make_window):
    ids = [add_eligible(ws, "practitioner").id for _ in range(3)]
    sessions.new(ws, ids, "focus-group", "clinic", "2030-01-01T10:00", 90)
    ws.close()
    w, page = _open_consent(qtbot, make_window, vault_dir)
    assert page.people.count() == 3
    assert not page.mode_buttons["verbal"].isEnabled()
    for n, pid in enumerate(ids):
        qtbot.waitUntil(
            lambda pid=pid: page.draft is not None and page.draft.form.participant_id == pid, timeout=5_000
        )
        assert page.rows == {} or all(r.group.checkedId() == -1 for r in page.rows.values())
        qtbot.mouseClick(page.mode_buttons["paper"], Qt.MouseButton.LeftButton)
        assert all(r.group.checkedId() == -1 for r in page.rows.values())
        _answer_all(qtbot, page)
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda n=n: sum("consent recorded" in page.people.item(i).text() for i in range(3)) == n + 1,
            timeout=5_000,
        )
        if n < 2:
            assert not page.start_button.isEnabled()
    qtbot.waitUntil(page.start_button.isEnabled, timeout=5_000)


@pytest.mark.audio
def test_verbal_consent_on_the_virtual_microphone(qtbot, vault_dir, ws, virtual_mic, make_window):
    p = add_eligible(ws, "mother")
    s = sessions.new(ws, [p.id], "interview", "phone", "2030-01-01T10:00", 60)
    ws.close()
    w, page = _open_consent(qtbot, make_window, vault_dir)
    qtbot.mouseClick(page.mode_buttons["verbal"], Qt.MouseButton.LeftButton)
    assert page.script_intro.text().startswith("Thank you")
    assert page.rows["1"].text.text().startswith("Ask: Can you confirm")
    # answers cannot be marked before the consent recording runs
    qtbot.mouseClick(page.rows["1"].yes, Qt.MouseButton.LeftButton)
    assert page.rows["1"].group.checkedId() == -1
    qtbot.mouseClick(page.consent_rec_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.ctx.recorder.take is not None, timeout=10_000)
    qtbot.waitUntil(lambda: w.ctx.recorder.position > 0.5, timeout=10_000)
    _answer_all(qtbot, page)
    assert "stop the recording" in page.save_reason.text()
    assert w.ctx.recorder.active
    qtbot.mouseClick(page.consent_rec_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.ctx.recorder.active, timeout=10_000)
    qtbot.waitUntil(page.save_button.isEnabled, timeout=5_000)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "Consent recorded" in page.message.text() or "not" in page.message.text(), timeout=5_000
    )
    assert "Consent recorded" in page.message.text(), page.message.text()
    qtbot.waitUntil(page.start_button.isEnabled, timeout=5_000)
    w.shutdown()
    ws2 = _reopen(vault_dir)
    try:
        rec = consent.records_for_session(ws2, s.id)[0]
        assert rec["mode"] == "verbal" and rec["recording_id"]
        assert set(rec["answer_times"]) == set(rec["answers"]) and rec["answer_times"]["1"] > 0
        takes = recording.list_recordings(ws2, s.id, "consent")
        assert [t["id"] for t in takes] == [rec["recording_id"]] and takes[0]["status"] == "sealed"
        assert recording.list_recordings(ws2, s.id, "interview") == []
    finally:
        ws2.close()


@pytest.mark.audio
def test_recording_goes_on_while_locked(qtbot, vault_dir, ws, virtual_mic, make_window):
    p = add_eligible(ws, "mother")
    s = sessions.new(ws, [p.id], "interview", "phone", "2030-01-01T10:00", 60)
    ws.close()
    w, page = _open_consent(qtbot, make_window, vault_dir)
    qtbot.mouseClick(page.mode_buttons["verbal"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.consent_rec_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.ctx.recorder.take is not None, timeout=10_000)
    w.lock()
    assert w.unlock_page.ui.recordingBanner.isVisibleTo(w.unlock_page)
    before = w.ctx.recorder.position
    qtbot.waitUntil(lambda: w.ctx.recorder.position > before + 0.5, timeout=5_000)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    w.ctx.recorder.stop()
    qtbot.waitUntil(lambda: not w.ctx.recorder.active, timeout=10_000)
    w.shutdown()
    ws2 = _reopen(vault_dir)
    try:
        takes = recording.list_recordings(ws2, s.id, "consent")
        assert takes[0]["status"] == "sealed" and takes[0]["duration"] > 0.5
    finally:
        ws2.close()


def test_consent_without_an_on_screen_signature_where_the_form_allows_it(
    qtbot, attested_vault_dir, make_window
):
    from tests.gui.test_safety_flows import visible_texts

    ws = _reopen(attested_vault_dir)
    try:
        p = add_eligible(ws, "mother")
        s = sessions.new(ws, [p.id], "interview", "clinic", "2030-01-01T10:00", 60)
        doc_ids = {d.id for d in ws.pack().documents}
    finally:
        ws.close()
    w, page = _open_consent(qtbot, make_window, attested_vault_dir)
    w.resize(1366, 768)
    assert page.mode_buttons["attested"].isEnabled()
    qtbot.mouseClick(page.mode_buttons["written"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.alternatives.isVisible(), timeout=2_000)
    text = page.alternatives.text()
    assert "verbal consent" in text and "without the participant's signature" in text and "paper form" in text
    qtbot.mouseClick(page.mode_buttons["attested"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.unsigned_box.isVisible(), timeout=2_000)
    assert not page.participant_pad.isVisible() and not page.participant_name.isVisible()
    assert page.researcher_pad.isVisible()
    _answer_all(qtbot, page)
    assert all(r.initials is None for r in page.rows.values())  # she writes nothing
    assert "Say why" in page.save_reason.text() and not page.save_button.isEnabled()
    qtbot.keyClicks(page.unsigned_reason, "Her hand is in a cast")
    assert "Your signature is needed" in page.save_reason.text()
    _sign(qtbot, page.researcher_pad)
    qtbot.waitUntil(page.save_button.isEnabled)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Consent recorded" in page.message.text(), timeout=5_000)
    message = page.message.text()
    assert "version 1.1" in message and "Consent form" in message
    shown = visible_texts(page)
    assert not [t for t in shown for d in doc_ids if d in t], shown  # titles, never the documents' ids
    qtbot.waitUntil(page.start_button.isEnabled, timeout=5_000)
    w.shutdown()
    ws2 = _reopen(attested_vault_dir)
    try:
        [rec] = consent.records_for_session(ws2, s.id)
        assert rec["mode"] == "attested"
        reason = ws2.idb.execute("SELECT reason FROM consent_unsigned WHERE consent_id = ?", (rec["id"],))
        assert reason.fetchone()[0] == "Her hand is in a cast"
        signers = [
            r[0] for r in ws2.idb.execute("SELECT signer FROM signatures WHERE consent_id = ?", (rec["id"],))
        ]
        assert signers == ["researcher"]
    finally:
        ws2.close()


def test_a_form_that_does_not_allow_it_offers_no_unsigned_consent(qtbot, vault_dir, ws, make_window):
    p = add_eligible(ws, "mother")
    sessions.new(ws, [p.id], "interview", "clinic", "2030-01-01T10:00", 60)
    ws.close()
    w, page = _open_consent(qtbot, make_window, vault_dir)
    assert not page.mode_buttons["attested"].isEnabled()
    assert "does not allow" in page.mode_buttons["attested"].toolTip()
    qtbot.mouseClick(page.mode_buttons["written"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.alternatives.isVisible(), timeout=2_000)
    assert "without the participant's signature" not in page.alternatives.text()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_saving_the_signed_copy_asks_and_can_encrypt(qtbot, vault_dir, ws, make_window, tmp_path, size):
    import stat

    import pyrage

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

    p = add_eligible(ws, "mother")
    sessions.new(ws, [p.id], "interview", "clinic", "2030-01-01T10:00", 60)
    ws.close()
    w, page = _open_consent(qtbot, make_window, vault_dir)
    w.resize(*size)
    qtbot.mouseClick(page.mode_buttons["written"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.rows) == 10)
    _answer_all(qtbot, page)
    _sign(qtbot, page.participant_pad)
    _sign(qtbot, page.researcher_pad)
    qtbot.waitUntil(page.save_button.isEnabled)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Consent recorded" in page.message.text(), timeout=5_000)
    qtbot.waitUntil(page.copy_button.isEnabled, timeout=5_000)

    said: list[str] = []
    errors: list[BaseException] = []

    def confirm(d) -> None:  # names what the file holds; the researcher chooses the encrypted file
        said.append(d.text())
        click_named(d, "saveEncryptedButton")

    def passphrase(d) -> None:
        for name in ("exportPassphrase", "exportPassphraseRepeat"):
            QTest.keyClicks(d.findChild(QLineEdit, name), "a long export passphrase")
        ok = d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)

    where = save_as(tmp_path / "signed-copy.pdf.age")

    when_modal("saveClearConfirm", confirm, errors)
    when_modal("exportPassphraseDialog", passphrase, errors)
    when_modal("saveClearFileDialog", where, errors)
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved" in page.message.text() or bool(errors), timeout=30_000)
    assert not errors, errors
    assert said and "signatures" in said[0] and "outside the encrypted vault" in said[0]
    enc = tmp_path / "signed-copy.pdf.age"
    assert stat.S_IMODE(enc.stat().st_mode) == 0o600
    assert pyrage.passphrase.decrypt(enc.read_bytes(), "a long export passphrase").startswith(b"%PDF")

    # saving again over the same file is refused: nothing is overwritten
    before = enc.read_bytes()
    when_modal("saveClearConfirm", confirm, errors)
    when_modal("exportPassphraseDialog", passphrase, errors)
    when_modal("saveClearFileDialog", where, errors)
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already exists" in page.message.text() or bool(errors), timeout=30_000)
    assert not errors, errors
    assert enc.read_bytes() == before
    w.shutdown()
    ws2 = _reopen(vault_dir)
    try:
        rows = ws2.db.execute("SELECT detail_json FROM audit WHERE action = 'file.save'").fetchall()
        assert len(rows) == 1 and '"encrypted": true' in rows[0][0] and str(tmp_path) not in rows[0][0]
    finally:
        ws2.close()
