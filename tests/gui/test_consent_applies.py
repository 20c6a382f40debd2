"""The Consent page with the second example study (Caring Lives), used as a researcher would at 1366x768 and
1024x600: a statement that does not apply to the participant is shown greyed, "does not apply", with no answer
buttons, and is recorded "not applicable"; a statement that waits on an earlier answer appears and disappears
as that answer changes; a 16-17-year-old is asked the clause meant for them.  And the consultee route: a parent
the capacity assessment finds unable to decide goes ahead on a consultee's advice, recorded as such."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from fieldwork_app.paths import DataDir
from fieldwork_app.services import audit_log, ethics, participants, sessions
from fieldwork_app.services import consent as consent_svc
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import workspace as workspace_svc
from fieldwork_app.vault import FAST_KDF
from tests.gui.conftest import unlock
from tests.gui.pseudo_probe import pseudo_text, untranslated_part
from tests.gui.test_long_language_fit import pseudo_locale  # noqa: F401  (a fixture)
from tests.support.people import eligible_answers
from tests.support.vaults import PASSPHRASE, USER
from tests.unit.test_protocol_rules import SECOND, young_carer


def _vault(tmp_path, setup):  # type: ignore[no-untyped-def]
    vault = DataDir(tmp_path / "vault")
    ws, _ = workspace_svc.create(vault, USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs_svc.import_pack(ws, SECOND)
        made = setup(ws)
    finally:
        ws.close()
    return vault, made


def _consent_page(qtbot, make_window, vault, size, nav_text: str = "Take consent"):  # type: ignore[no-untyped-def]
    w = make_window(vault, idle_ms=3_600_000)
    w.resize(*size)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    item = next(w.nav.item(i) for i in range(w.nav.count()) if w.nav.item(i).text() == nav_text)
    qtbot.mouseClick(w.nav.viewport(), Qt.MouseButton.LeftButton, pos=w.nav.visualItemRect(item).center())
    page = w.page("consent")
    qtbot.waitUntil(lambda: page.draft is not None, timeout=10_000)
    assert (w.width(), w.height()) == size
    return w, page


def _click(qtbot, page, widget) -> None:  # type: ignore[no-untyped-def]
    """Scroll to the widget as a person would, and click it where it shows."""
    scroll = widget.parent()
    while scroll is not None and not isinstance(scroll, QScrollArea):
        scroll = scroll.parent()
    assert scroll is not None
    scroll.ensureWidgetVisible(widget)
    assert widget.isVisible() and widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _paper(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    """Choose the paper form, and wait for its statements to show."""
    _click(qtbot, page, page.mode_buttons["paper"])
    qtbot.waitUntil(lambda: bool(page.rows) and all(r.isVisibleTo(page) for r in page.rows.values()), timeout=5_000)


def _answer(qtbot, page, answers: dict[str, bool]) -> None:  # type: ignore[no-untyped-def]
    """Answer the statements shown with answer buttons: yes unless ``answers`` says otherwise."""
    for sid, row in page.rows.items():
        if not row.yes.isVisibleTo(page):
            continue
        value = answers.get(sid, True)
        _click(qtbot, page, row.yes if value else row.no)


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_an_adult_is_not_asked_the_clause_for_16_17_year_olds(qtbot, tmp_path, make_window, size) -> None:  # type: ignore[no-untyped-def]
    vault, pid = _vault(tmp_path, lambda ws: _session(ws, young_carer(ws, "18-24")))
    w, page = _consent_page(qtbot, make_window, vault, size)
    _paper(qtbot, page)
    five, o3 = page.rows["5"], page.rows["O3"]
    assert not five.yes.isVisibleTo(page) and not five.no.isVisibleTo(page)
    assert five.tag.text() == "Does not apply to this participant: not asked"
    assert five.condition.text() == "Asked only where Age band at consent is 16 or 17."
    assert not five.text.isEnabled()  # greyed
    # O3 waits on O2: asked only after a yes to it
    assert o3.yes.isVisibleTo(page) and o3.condition.text() == "Asked only where statement O2 is answered yes."
    _click(qtbot, page, page.rows["O2"].yes)
    assert o3.yes.isVisibleTo(page) and not o3.condition.isVisibleTo(page)
    _click(qtbot, page, o3.yes)
    _click(qtbot, page, page.rows["O2"].no)  # O3 no longer applies: greyed, and its answer is gone
    assert not o3.yes.isVisibleTo(page) and not o3.yes.isChecked()
    assert o3.tag.text() == "Does not apply to this participant: not asked"
    assert page.draft is not None and page.draft.answers["O3"] is None
    _answer(qtbot, page, {"O2": False})
    assert "5" not in page.save_reason.text()
    qtbot.waitUntil(page.save_button.isEnabled, timeout=5_000)
    _click(qtbot, page, page.save_button)
    qtbot.waitUntil(lambda: "Consent recorded" in page.message.text(), timeout=10_000)
    w.shutdown()
    ws = workspace_svc.unlock(vault, USER, PASSPHRASE)
    try:
        rec = consent_svc.latest(ws, sessions.list_all(ws)[0].id, pid)
        assert rec is not None
        assert (rec["answers"]["5"], rec["answers"]["O2"], rec["answers"]["O3"]) == (
            "not_applicable", False, "not_applicable")  # fmt: skip
    finally:
        ws.close()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_whom_a_statement_is_for_is_worded_in_the_apps_language(  # type: ignore[no-untyped-def]
    qtbot, tmp_path, make_window, pseudo_locale, size  # noqa: F811
) -> None:
    """In the pseudo-locale, the joining words of a statement's conditions come from the catalogue; the pack's
    own labels ("Age band at consent", "16 or 17") stay as the pack wrote them."""
    vault, _ = _vault(tmp_path, lambda ws: _session(ws, young_carer(ws, "18-24")))
    w, page = _consent_page(qtbot, make_window, vault, size, nav_text=pseudo_text("Take consent"))
    _paper(qtbot, page)
    five, o3 = page.rows["5"], page.rows["O3"]
    attribute = pseudo_text("{attribute} is {values}").format(attribute="Age band at consent", values="16 or 17")
    assert five.condition.text() == pseudo_text("Asked only where %1.").replace("%1", attribute)
    answered = pseudo_text("statement {statement} is answered {answer}").format(
        statement="O2", answer=pseudo_text("yes")
    )
    assert o3.condition.text() == pseudo_text("Asked only where %1.").replace("%1", answered)
    for row in (five, o3):
        assert row.condition.isVisibleTo(page)
        assert untranslated_part(row.condition.text()) == "", row.condition.text()


def _session(ws, pid: str) -> str:  # type: ignore[no-untyped-def]
    sessions.new(ws, [pid], "interview", "youth_centre")
    return pid


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_a_16_17_year_old_is_asked_the_clause(qtbot, tmp_path, make_window, size) -> None:  # type: ignore[no-untyped-def]
    def setup(ws):  # type: ignore[no-untyped-def]
        pid = young_carer(ws, "16-17")
        soon = (datetime.now() + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
        sessions.new(ws, [pid], "interview", "youth_centre", soon, 60)
        ethics.mark_done(ws, pid, "parent-notified", on=(date.today() - timedelta(days=3)).isoformat())
        return pid

    vault, pid = _vault(tmp_path, setup)
    w, page = _consent_page(qtbot, make_window, vault, size)
    _paper(qtbot, page)
    five = page.rows["5"]
    assert five.yes.isVisibleTo(page) and five.tag.text() == "Required" and not five.condition.isVisibleTo(page)
    _answer(qtbot, page, {"5": False} | {k: True for k in page.rows if k != "5"})
    assert "Required statements declined (consent cannot be recorded): 5" in page.save_reason.text()
    _click(qtbot, page, five.yes)
    _click(qtbot, page, page.guardian_name)
    qtbot.keyClicks(page.guardian_name, "Gail Guardian")
    page.guardian_form.setFocus()
    qtbot.keyClick(page.guardian_form, Qt.Key.Key_Space)
    qtbot.waitUntil(page.save_button.isEnabled, timeout=5_000)
    _click(qtbot, page, page.save_button)
    qtbot.waitUntil(lambda: "Consent recorded" in page.message.text(), timeout=10_000)
    w.shutdown()
    ws = workspace_svc.unlock(vault, USER, PASSPHRASE)
    try:
        rec = consent_svc.latest(ws, sessions.list_all(ws)[0].id, pid)
        assert rec is not None and rec["answers"]["5"] is True and rec["answers"]["O3"] is True
    finally:
        ws.close()


def _parent(ws) -> str:  # type: ignore[no-untyped-def]
    yc = young_carer(ws, "18-24")
    p = participants.add(ws, "parent", yc, attributes={"language": "en-GB", "interpreter": "no", "area": "north"})
    assert participants.screen(ws, p.id, eligible_answers(ws.pack(), "parent"))
    sessions.new(ws, [p.id], "interview", "home")
    return p.id


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_the_consultee_route_on_the_consent_page(qtbot, tmp_path, make_window, size) -> None:  # type: ignore[no-untyped-def]
    vault, pid = _vault(tmp_path, _parent)
    w, page = _consent_page(qtbot, make_window, vault, size)
    assert page.before_box.isVisibleTo(page)
    assert not page.consultee_name.isVisibleTo(page)  # no consultee unless the assessment calls for one
    for crit, box in page.capacity_checks.items():
        if crit != "weigh_up":  # cannot weigh the information up today
            _click(qtbot, page, box)
    _click(qtbot, page, page.capacity_button)
    qtbot.waitUntil(lambda: "consultee route" in page.capacity_state.text(), timeout=5_000)
    for widget in (page.consultee_note, page.consultee_name, page.consultee_relationship, page.consultee_kind,
                   page.consultee_yes, page.consultee_no, page.consultee_form):  # fmt: skip
        assert widget.isVisibleTo(page)
    _click(qtbot, page, page.mode_buttons["written"])  # the consultee signs in the participant's place
    assert page.sign_form.labelForField(page.participant_pad).text() == "Consultee signs"
    _paper(qtbot, page)
    _answer(qtbot, page, {})
    assert "The consultee route: name the consultee." in page.save_reason.text()
    assert not page.save_button.isEnabled()
    _click(qtbot, page, page.consultee_name)
    qtbot.keyClicks(page.consultee_name, "Cara Consultee")
    _click(qtbot, page, page.consultee_relationship)
    qtbot.keyClicks(page.consultee_relationship, "sister")
    reasons = page.save_reason.text()
    assert "Say whether the consultee is personal or nominated." in reasons
    assert "Record the consultee's advice." in reasons
    page.consultee_kind.setFocus()
    qtbot.keyClick(page.consultee_kind, Qt.Key.Key_Down)  # personal
    assert page.consultee_kind.currentData() == "personal"
    _click(qtbot, page, page.consultee_yes)
    page.consultee_form.setFocus()
    qtbot.keyClick(page.consultee_form, Qt.Key.Key_Space)
    qtbot.waitUntil(page.save_button.isEnabled, timeout=5_000)
    _click(qtbot, page, page.save_button)
    qtbot.waitUntil(lambda: "Consent recorded" in page.message.text(), timeout=10_000)
    qtbot.waitUntil(lambda: page.gate_reason.text() == "Everyone has agreed to the recording.", timeout=10_000)
    assert page.people.item(0).text() == f"{pid} · consultee's advice recorded"
    w.shutdown()
    ws = workspace_svc.unlock(vault, USER, PASSPHRASE)
    try:
        sid = sessions.list_all(ws)[0].id
        rec: Any = consent_svc.latest(ws, sid, pid)
        assert rec is not None and rec["consent_by"] == "consultee"
        row = ws.idb.execute("SELECT name, relationship FROM consent_parties WHERE consent_id = ?", (rec["id"],))
        assert tuple(row.fetchone()) == ("Cara Consultee", "sister")
        assert consent_svc.can_record(ws, sid).allowed
    finally:
        ws.close()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_a_consultee_advising_against_is_said_in_the_apps_words(qtbot, tmp_path, make_window, size) -> None:  # type: ignore[no-untyped-def]
    """The consultee route, the consultee advising that the participant would not want to take part: Save
    records nothing but the refusal, and the page says so in its own words (not that a required statement was
    not agreed, nor any command-line option); the audit log keeps the refusal as facts."""
    vault, pid = _vault(tmp_path, _parent)
    w, page = _consent_page(qtbot, make_window, vault, size)
    for crit, box in page.capacity_checks.items():
        if crit != "weigh_up":
            _click(qtbot, page, box)
    _click(qtbot, page, page.capacity_button)
    qtbot.waitUntil(lambda: "consultee route" in page.capacity_state.text(), timeout=5_000)
    _paper(qtbot, page)
    _answer(qtbot, page, {})
    _click(qtbot, page, page.consultee_name)
    qtbot.keyClicks(page.consultee_name, "Cara Consultee")
    _click(qtbot, page, page.consultee_relationship)
    qtbot.keyClicks(page.consultee_relationship, "sister")
    page.consultee_kind.setFocus()
    qtbot.keyClick(page.consultee_kind, Qt.Key.Key_Down)  # personal
    _click(qtbot, page, page.consultee_no)
    assert "Confirm the consultee has completed their declaration." in page.save_reason.text()
    page.consultee_form.setFocus()
    qtbot.keyClick(page.consultee_form, Qt.Key.Key_Space)
    qtbot.waitUntil(page.save_button.isEnabled, timeout=5_000)
    _click(qtbot, page, page.save_button)
    said = (
        f"Consent not recorded: the consultee advises that {pid} would not want to take part, so {pid} does not "
        "take part. Nothing is recorded but the refusal."
    )
    qtbot.waitUntil(lambda: page.message.text() == said, timeout=10_000)
    assert page.message.isVisible() and "--" not in page.message.text()
    w.shutdown()
    ws = workspace_svc.unlock(vault, USER, PASSPHRASE)
    try:
        sid = sessions.list_all(ws)[0].id
        assert consent_svc.latest(ws, sid, pid) is None and not consent_svc.can_record(ws, sid).allowed
        refusals = [e.detail for e in audit_log.entries(ws, sid) if e.action == "consent.refused"]
        assert refusals == [{"consent_by": "consultee", "advice": "not_take_part"}]
    finally:
        ws.close()
