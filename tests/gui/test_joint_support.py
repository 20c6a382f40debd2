"""A joint interview whose participants the pack gives different routes and support (the second example study,
Caring Lives): a young carer of 16 in the south of the county and their parent in the north, interviewed
together at home.  The safeguarding form shows the route and site contacts of the participant the concern is
about (the children's procedure and the south's front door for the young carer, the adults' procedure and the
north's contacts for the parent), as the researcher chooses them; the distress protocol's support list says
which entries are whose; the support page shows each participant's own list, each saved as its own PDF.
A focus group whose members are offered the same support shares one list.  Participants are named by id and
group only.  Clicks and keys, at 1366x768 and 1024x600."""

from __future__ import annotations

import pytest

from PySide6.QtWidgets import QApplication, QGroupBox, QPushButton

from fieldwork_app.paths import DataDir
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import participants, sessions
from fieldwork_app.services import workspace as workspace_svc
from fieldwork_app.vault import FAST_KDF
from tests.gui.conftest import unlock
from tests.gui.modal import save_as, when_modal
from tests.gui.test_closeout_vouchers import _choose, _click, _open, _tick
from tests.gui.test_session import run_db
from tests.support.people import eligible_answers, with_required
from tests.support.vaults import PASSPHRASE, USER
from tests.unit.test_pdfs import pdf_text
from tests.unit.test_protocol_rules import SECOND, young_carer

SIZES = [(1366, 768), (1024, 600)]


def _joint(tmp_path):  # type: ignore[no-untyped-def]
    """A joint interview at home (a venue of no site: each participant's own area's contacts apply)."""
    vault = DataDir(tmp_path / "vault")
    ws, _ = workspace_svc.create(vault, USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs_svc.import_pack(ws, SECOND)
        young = young_carer(ws, "16-17")
        participants.set_attributes(ws, young, {"area": "south"})
        parent = participants.add(ws, "parent", young, {"language": "en-GB", "interpreter": "no", "area": "north"}).id
        assert participants.screen(ws, parent, eligible_answers(ws.pack(), "parent"))
        sid = sessions.new(ws, [young, parent], "joint_interview", "home").id
    finally:
        ws.close()
    return vault, young, parent, sid


def _screen(qtbot, make_window, vault, sid, size):  # type: ignore[no-untyped-def]
    w = make_window(vault, idle_ms=3_600_000)
    w.resize(*size)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    screen = _open(qtbot, w, sid)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == size, timeout=5_000)
    return w, screen


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_safeguarding_form_follows_the_route_of_the_participant_concerned(
    qtbot, tmp_path, make_window, size
) -> None:  # type: ignore[no-untyped-def]
    vault, young, parent, sid = _joint(tmp_path)
    w, screen = _screen(qtbot, make_window, vault, sid, size)
    _click(qtbot, screen.bar.safeguarding_button)
    form = screen.safeguarding
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is form, timeout=5_000)
    combo, route = form.participant, form.route
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names[0] == "(choose whom the concern is about)" and combo.currentIndex() == 0  # no one chosen yet
    assert sorted(names[1:]) == sorted([f"{young} (Young adult carer)", f"{parent} (Parent)"])
    assert "Safeguarding route" not in form.guidance.text()  # the route is the participant's, not the session's

    _choose(qtbot, combo, f"{parent} (Parent)")
    assert route.isVisible()
    lines = route.text().splitlines()
    assert lines[0] == f"Safeguarding route for {parent} (Parent): Adults' safeguarding"
    assert lines[1].startswith("Follow the adults' procedure")
    assert lines[2] == "Adults' safeguarding: Northshire adult social care, 01000 000102 (the contact for this route)"
    assert "Local lead: Dr Priya Shah (illustrative), 01000 000104" in lines  # the north's lead
    assert "South" not in route.text()

    _choose(qtbot, combo, f"{young} (Young adult carer)")
    lines = route.text().splitlines()
    assert lines[0] == f"Safeguarding route for {young} (Young adult carer): Children's safeguarding (under 18)"
    assert lines[1].startswith("Follow the children's procedure")
    assert lines[2] == (
        "Safeguarding front door: Northshire South children's front door, 01000 000201, Mon-Fri 9-5 "
        "(the contact for this route)"
    )
    assert "Local lead: Jo Evans (illustrative), 01000 000204" in lines  # the south's lead
    assert "Priya" not in route.text() and "North children" not in route.text()

    # the concern is saved for the participant chosen, whose route was shown
    _click(qtbot, form.fields["account"])
    qtbot.keyClicks(form.fields["account"], "Said they are kept home from college to care most days.")
    _click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: "saved in the identity store" in form.status.text(), timeout=10_000)
    rows = run_db(qtbot, w, lambda ws: ws.idb.execute("SELECT participant_id FROM safeguarding").fetchall())
    assert [r["participant_id"] for r in rows] == [young]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_each_participant_has_their_own_support_list_in_the_distress_protocol(
    qtbot, tmp_path, make_window, size
) -> None:  # type: ignore[no-untyped-def]
    vault, young, parent, sid = _joint(tmp_path)
    w, screen = _screen(qtbot, make_window, vault, sid, size)
    _click(qtbot, screen.bar.distress_button)
    panel = screen.distress
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is panel, timeout=5_000)
    texts = {eid: cb.text() for eid, cb in panel.support_checks.items()}
    assert texts["samaritans"] == "Samaritans (116 123)"  # for both: nothing added
    assert texts["childline"] == f"Childline (0800 1111) · for {young}"  # the young carer is 16
    assert texts["south-young-carers"].endswith(f"· for {young}")
    assert texts["north-young-carers"].endswith(f"· for {parent}")
    assert "education-support" not in texts  # staff only
    given = {eid: cb.text() for eid, cb in screen.closeout.support.items()}  # the close-out's "support given"
    assert given["childline"] == f"Childline · for {young}" and given["samaritans"] == "Samaritans"
    # one PDF for both would hand the parent the young person's helplines: each list has its own on the page
    assert not panel.findChild(QPushButton, "supportPdf").isVisible()

    _click(qtbot, panel.findChild(QPushButton, "showSupportList"))
    page = screen.support
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is page, timeout=5_000)
    boxes = {b.objectName(): b for b in page.findChildren(QGroupBox) if b.isVisible()}
    assert set(boxes) == {f"supportFor-{young}", f"supportFor-{parent}"}
    assert boxes[f"supportFor-{young}"].title() == f"For {young} (Young adult carer)"
    assert boxes[f"supportFor-{parent}"].title() == f"For {parent} (Parent)"
    assert not page.pdf_button.isVisible()

    target = tmp_path / "young-support.pdf"
    errors: list[BaseException] = []
    when_modal("savePdfDialog", save_as(target), errors)
    button = page.findChild(QPushButton, f"supportSavePdf-{young}")
    assert button.accessibleName() == f"Save the support list for {young} (Young adult carer) as PDF"
    _click(qtbot, button)
    assert not errors, errors
    qtbot.waitUntil(target.exists, timeout=10_000)
    text = pdf_text(target.read_bytes())
    assert "Childline" in text and "Northshire South young carers" in text and "Samaritans" in text
    assert "Northshire North young carers" not in text  # the parent's local service, not theirs

    target = tmp_path / "parent-support.pdf"
    when_modal("savePdfDialog", save_as(target), errors)
    _click(qtbot, page.findChild(QPushButton, f"supportSavePdf-{parent}"))
    assert not errors, errors
    qtbot.waitUntil(target.exists, timeout=10_000)
    text = pdf_text(target.read_bytes())
    assert "Northshire North young carers" in text and "Samaritans" in text
    assert "Childline" not in text and "South" not in text

    # back in the protocol, the support given is ticked for the one it was given to (timed on the event)
    _click(qtbot, page.findChild(QPushButton, "supportBack"))
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is panel, timeout=5_000)
    childline = panel.support_checks["childline"]
    _tick(qtbot, childline)
    qtbot.waitUntil(lambda: "Support given: Childline" in _timeline(panel), timeout=10_000)
    assert QApplication.focusWidget() is childline


def _timeline(panel) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(panel.timeline.item(i).text() for i in range(panel.timeline.count()))


def _focus_group(tmp_path):  # type: ignore[no-untyped-def]
    """A focus group of three staff members of one area: the same route and the same support for each."""
    vault = DataDir(tmp_path / "vault")
    ws, _ = workspace_svc.create(vault, USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs_svc.import_pack(ws, SECOND)
        staff = []
        for _ in range(3):
            pid = participants.add(ws, "staff", attributes=with_required(ws.pack(), "staff", {"area": "north"})).id
            assert participants.screen(ws, pid, eligible_answers(ws.pack(), "staff"))
            staff.append(pid)
        sid = sessions.new(ws, staff, "focus_group", "school").id
    finally:
        ws.close()
    return vault, staff, sid


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_focus_group_offered_the_same_support_shares_one_list(qtbot, tmp_path, make_window, size) -> None:  # type: ignore[no-untyped-def]
    vault, staff, sid = _focus_group(tmp_path)
    w, screen = _screen(qtbot, make_window, vault, sid, size)
    _click(qtbot, screen.bar.distress_button)
    panel = screen.distress
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is panel, timeout=5_000)
    assert not any("· for" in cb.text() for cb in panel.support_checks.values())  # every entry is for everyone
    assert panel.findChild(QPushButton, "supportPdf").isVisible()  # one handout does for all
    _click(qtbot, panel.findChild(QPushButton, "showSupportList"))
    page = screen.support
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is page, timeout=5_000)
    assert not [b for b in page.findChildren(QGroupBox) if b.isVisible()] and page.pdf_button.isVisible()
    assert "education-support" in page.entries and "childline" not in page.entries

    _click(qtbot, page.findChild(QPushButton, "supportBack"))
    _click(qtbot, screen.bar.safeguarding_button)
    form = screen.safeguarding
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is form, timeout=5_000)
    _choose(qtbot, form.participant, f"{staff[2]} (School or college staff)")
    assert form.route.text().startswith(
        f"Safeguarding route for {staff[2]} (School or college staff): Adults' safeguarding\n"
    )
