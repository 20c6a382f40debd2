"""A study abroad whose pack gives 112 as its emergency-services number: the support list shown to the participant
(opened from the distress protocol, Ctrl+D) and its PDF say 112, never 999, and the code word's button says what the
buddy does by the pack.  On a joint interview whose participants are at sites with different emergency numbers, each
participant's list says their own; a helpline marked ``emergency: true`` (shown first) is never the number to call
in danger.  Keys and clicks, at 1366x768 and 1024x600."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from fieldwork_app.paths import DataDir
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import participants, sessions
from fieldwork_app.services import workspace as workspace_svc
from fieldwork_app.sync.keys import generate_study_keypair
from fieldwork_app.vault import FAST_KDF
from tests.gui.modal import save_as, when_modal
from tests.gui.test_closeout_vouchers import _click
from tests.gui.test_fit_and_keys import press
from tests.gui.test_joint_support import SIZES, _screen
from tests.gui.test_keys_and_host_keys import _import_through_the_page, _sync_page
from tests.gui.test_keys_and_host_keys import _open as _open_sync
from tests.support.people import add_eligible, eligible_answers
from tests.support.vaults import PASSPHRASE, USER
from tests.unit.test_emergency_numbers import abroad_pack, crisis_line_pack
from tests.unit.test_pdfs import pdf_text
from tests.unit.test_protocol_rules import SECOND, young_carer

START = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=1)


def _abroad_visit(tmp_path, pack=None):  # type: ignore[no-untyped-def]
    """A home visit of one mother in a study whose pack (by default) gives 112 and leaves the code word's action
    to the app."""
    vault = DataDir(tmp_path / "vault")
    ws, _ = workspace_svc.create(vault, USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs_svc.import_pack(ws, pack or abroad_pack(tmp_path))
        pid = add_eligible(ws, "mother").id
        sid = sessions.new(ws, [pid], "interview", "home").id
        plan = {
            "buddy_name": "Sam",
            "buddy_phone": "0871 234 567",
            "backup_name": "Jo",
            "start": START.isoformat(),
            "expected_end": (START + timedelta(minutes=90)).isoformat(),
            "travel_home_minutes": 40,
            "code_word_agreed": True,
            "risk_assessment_done": True,
        }
        sessions.update_plan(ws, sid, {"lone_working": plan})
    finally:
        ws.close()
    return vault, sid


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_support_list_and_its_pdf_say_the_packs_emergency_number(
    qtbot, tmp_path, make_window, size
) -> None:  # type: ignore[no-untyped-def]
    vault, sid = _abroad_visit(tmp_path)
    w, screen = _screen(qtbot, make_window, vault, sid, size)
    code_word = screen.lonework.buttons["code_word"]
    qtbot.waitUntil(lambda: "emergency services (112)" in code_word.toolTip(), timeout=10_000)
    assert "999" not in code_word.toolTip()

    press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    panel = screen.distress
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is panel, timeout=5_000)
    _click(qtbot, panel.findChild(QPushButton, "showSupportList"))
    page = screen.support
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is page, timeout=5_000)
    danger = page.findChild(QLabel, "supportDanger")
    assert danger.isVisible()
    assert danger.text() == "If you or someone else is in immediate danger, call 112."
    shown = "\n".join(lb.text() for lb in page.findChildren(QLabel) if lb.isVisible())
    assert "999" not in shown

    target = tmp_path / "support.pdf"
    errors: list[BaseException] = []
    when_modal("savePdfDialog", save_as(target), errors)
    _click(qtbot, page.pdf_button)
    assert not errors, errors
    qtbot.waitUntil(target.exists, timeout=10_000)
    text = pdf_text(target.read_bytes())
    assert "If you or someone else is in immediate danger, call 112." in text and "999" not in text


def _joint_abroad(tmp_path):  # type: ignore[no-untyped-def]
    """The second example study across two countries: the emergency services are 112 at the north site and 113
    (illustrative) at the south site; a child helpline (116 111) shown first to young carers (``emergency: true``)
    but not the emergency services; a young carer of 16 (south) and their parent (north) interviewed together."""
    more = (
        "    sites: [north]\n"
        "  - id: emergency-south\n    name: Emergency services, south (illustrative)\n"
        "    purpose: In immediate danger.\n    phone: \"113\"\n    emergency: true\n    emergency_services: true\n"
        "    sites: [south]\n"
        "  - id: child-helpline\n    name: Child helpline (illustrative)\n"
        "    purpose: For a young person who needs to talk.\n    phone: \"116 111\"\n    emergency: true\n"
        "    groups: [young-carer]\n"
    )
    pack = abroad_pack(tmp_path, more=more, code_word_action=True, source=SECOND)
    vault = DataDir(tmp_path / "vault")
    ws, _ = workspace_svc.create(vault, USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs_svc.import_pack(ws, pack)
        young = young_carer(ws, "16-17")
        participants.set_attributes(ws, young, {"area": "south"})
        parent = participants.add(ws, "parent", young, {"language": "en-GB", "interpreter": "no", "area": "north"}).id
        assert participants.screen(ws, parent, eligible_answers(ws.pack(), "parent"))
        sid = sessions.new(ws, [young, parent], "joint_interview", "home").id
    finally:
        ws.close()
    return vault, young, parent, sid


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_each_participants_list_says_their_own_emergency_numbers(qtbot, tmp_path, make_window, size) -> None:  # type: ignore[no-untyped-def]
    vault, young, parent, sid = _joint_abroad(tmp_path)
    w, screen = _screen(qtbot, make_window, vault, sid, size)
    press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    panel = screen.distress
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is panel, timeout=5_000)
    _click(qtbot, panel.findChild(QPushButton, "showSupportList"))
    page = screen.support
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is page, timeout=5_000)
    assert not page.findChild(QLabel, "supportDanger").isVisible()  # not one line for both: each has its own
    mine = page.findChild(QLabel, f"supportDanger-{young}")
    theirs = page.findChild(QLabel, f"supportDanger-{parent}")
    assert mine.isVisible() and theirs.isVisible()
    assert mine.text() == "If you or someone else is in immediate danger, call 113."
    assert theirs.text() == "If you or someone else is in immediate danger, call 112."
    helpline = [lb for lb in page.findChildren(QLabel) if lb.isVisible() and "Child helpline" in lb.text()]
    assert helpline  # shown to the young carer (first), but not as the number to call in danger

    target = tmp_path / "parent.pdf"
    errors: list[BaseException] = []
    when_modal("savePdfDialog", save_as(target), errors)
    _click(qtbot, page.findChild(QPushButton, f"supportSavePdf-{parent}"))
    assert not errors, errors
    qtbot.waitUntil(target.exists, timeout=10_000)
    text = pdf_text(target.read_bytes())
    assert "If you or someone else is in immediate danger, call 112." in text
    assert "116 111" not in text and "113" not in text and "999" not in text


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_crisis_line_shown_first_is_not_the_number_to_call_in_danger(
    qtbot, tmp_path, make_window, size
) -> None:  # type: ignore[no-untyped-def]
    """A pack whose only ``emergency: true`` entry is Samaritans (116 123), with no emergency-services entry:
    the support list shows Samaritans first but tells the participant in danger to call the emergency services,
    with no number; its PDF and the code word's button say the same."""
    vault, _sid = _abroad_visit(tmp_path, crisis_line_pack(tmp_path))
    w, screen = _screen(qtbot, make_window, vault, _sid, size)
    code_word = screen.lonework.buttons["code_word"]
    qtbot.waitUntil(lambda: "emergency services" in code_word.toolTip(), timeout=10_000)
    assert "116" not in code_word.toolTip() and "999" not in code_word.toolTip()

    press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    panel = screen.distress
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is panel, timeout=5_000)
    _click(qtbot, panel.findChild(QPushButton, "showSupportList"))
    page = screen.support
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is page, timeout=5_000)
    danger = page.findChild(QLabel, "supportDanger")
    assert danger.isVisible()
    assert danger.text() == "If you or someone else is in immediate danger, call the emergency services."
    shown = [lb.text() for lb in page.findChildren(QLabel) if lb.isVisible()]
    assert not any("danger" in t and "116 123" in t for t in shown), shown
    names = [t for t in shown if t in ("Samaritans", "NHS 111 (option 2 for mental health)", "Mind")]
    assert names[0] == "Samaritans", names  # still shown first: what 'emergency: true' means

    target = tmp_path / "support.pdf"
    errors: list[BaseException] = []
    when_modal("savePdfDialog", save_as(target), errors)
    _click(qtbot, page.pdf_button)
    assert not errors, errors
    qtbot.waitUntil(target.exists, timeout=10_000)
    text = " ".join(pdf_text(target.read_bytes()).split())
    assert "If you or someone else is in immediate danger, call the emergency services." in text
    assert "call 116 123" not in text and "999" not in text


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_importing_a_pack_without_an_emergency_services_entry_shows_a_notice(
    qtbot, make_window, vault_dir, tmp_path, size
) -> None:  # type: ignore[no-untyped-def]
    """The data manager importing such a pack on the sync page is told (the pack is valid and is imported)."""
    pub, _ = generate_study_keypair(tmp_path / "dm")
    pack = crisis_line_pack(tmp_path)
    text = (pack / "pack.yaml").read_text()
    text = text.replace('study_public_key: ""', f'study_public_key: "{pub.read_text().strip()}"')
    (pack / "pack.yaml").write_text(text.replace('version: "1.1"', 'version: "1.2"', 1))
    w = _sync_page(qtbot, make_window, vault_dir, size)
    page = _open_sync(qtbot, w)
    _import_through_the_page(qtbot, page, pack)
    qtbot.waitUntil(lambda: "version 1.2 imported" in page.message.text(), timeout=10_000)
    assert page.message.isVisible()
    message = page.message.text()
    assert "Notice: signposting: no entry is marked 'emergency_services: true'" in message, message
    assert 'say "call the emergency services" without a number' in message
