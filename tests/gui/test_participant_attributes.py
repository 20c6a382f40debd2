"""Adding a participant of a format-2 pack: the pack's attributes are asked, by keys and clicks."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from fieldwork_app.paths import DataDir
from fieldwork_app.services import packs, participants, workspace
from fieldwork_app.studypack import example_pack_path
from fieldwork_app.vault import FAST_KDF
from tests.gui.test_participants_prepare import _open
from tests.support.people import with_required
from tests.support.vaults import PASSPHRASE, USER


def _vault(tmp_path: Path) -> DataDir:
    data = DataDir(tmp_path / "vault")
    ws, _ = workspace.create(data, USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs.import_pack(ws, example_pack_path().parent / "caring-lives")
    finally:
        ws.close()
    return data


def _choose(qtbot, combo: QComboBox, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an item as a person does: focus the box and press Down until it shows ``text``."""
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def test_attributes_are_asked_and_required_ones_needed(qtbot, tmp_path, make_window):  # type: ignore[no-untyped-def]
    data = _vault(tmp_path)
    w = _open(qtbot, make_window, data, "participants")
    p = w.page("participants")
    qtbot.waitUntil(lambda: p.group_combo.count() == 3)
    _choose(qtbot, p.group_combo, "Young adult carer")
    combos = p.attribute_combos
    assert set(combos) == {"age_band", "language", "interpreter", "easy_read", "reading_support", "area"}
    qtbot.waitUntil(lambda: all(c.isVisible() for c in combos.values()), timeout=5_000)
    # Nothing chosen yet: the required ones are named, and nothing is added.
    qtbot.mouseClick(p.add_button, Qt.MouseButton.LeftButton)
    assert "Choose first" in p.message.text() and "How old is the young person today?" in p.message.text()
    assert combos["age_band"].hasFocus()
    _choose(qtbot, combos["age_band"], "16 or 17")
    _choose(qtbot, combos["language"], "Polish")
    _choose(qtbot, combos["interpreter"], "no")
    _choose(qtbot, combos["area"], "Northshire North")
    qtbot.mouseClick(p.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Added YC-001" in p.message.text(), timeout=10_000)
    w.shutdown()
    ws = workspace.unlock(data, USER, PASSPHRASE)
    try:
        assert participants.attributes(ws, "YC-001") == {
            "age_band": "16-17",
            "language": "pl",
            "interpreter": "no",
            "area": "north",
        }
    finally:
        ws.close()


def test_a_group_without_attributes_shows_none(qtbot, vault_dir, make_window):  # type: ignore[no-untyped-def]
    w = _open(qtbot, make_window, vault_dir, "participants")
    p = w.page("participants")
    qtbot.waitUntil(lambda: p.group_combo.count() == 3)
    assert p.attribute_combos == {} and not p.attributes_box.isVisible()


def test_the_attribute_fields_fit_a_small_screen(qtbot, tmp_path, make_window):  # type: ignore[no-untyped-def]
    from tests.gui.fit import clipped_buttons, outside

    data = _vault(tmp_path)
    w = _open(qtbot, make_window, data, "participants")
    p = w.page("participants")
    qtbot.waitUntil(lambda: p.group_combo.count() == 3)
    qtbot.waitUntil(lambda: all(c.isVisible() for c in p.attribute_combos.values()), timeout=5_000)
    for size in ((1366, 768), (1024, 600)):
        w.resize(*size)
        qtbot.wait(200)
        assert outside(w) == [] and clipped_buttons(w) == [], size


def test_prepare_offers_the_packs_venues_and_formats(qtbot, tmp_path, make_window):  # type: ignore[no-untyped-def]
    from tests.gui.fit import outside

    data = _vault(tmp_path)
    ws = workspace.unlock(data, USER, PASSPHRASE)
    try:
        attrs = with_required(ws.pack(), "young-carer", {"age_band": "18-24", "area": "north"})
        pid = participants.add(ws, "young-carer", attributes=attrs).id
        criteria = ws.pack().group("young-carer").eligibility
        participants.screen(ws, pid, {c.id: c.eligible_answer for c in criteria})
    finally:
        ws.close()
    w = _open(qtbot, make_window, data, "prepare")
    pg = w.page("prepare")
    qtbot.waitUntil(lambda: pg.people.count() == 1, timeout=5_000)
    venues = [pg.location_combo.itemText(i) for i in range(pg.location_combo.count())]
    assert "Young carers' service youth centre" in venues and "School or college (a private room)" in venues
    assert "joint interview" in [pg.format_combo.itemText(i) for i in range(pg.format_combo.count())]
    pg.people.item(0).setCheckState(Qt.CheckState.Checked)
    _choose(qtbot, pg.location_combo, "Family home")
    qtbot.waitUntil(lambda: pg.lone_box.isVisibleTo(pg), timeout=2_000)
    _choose(qtbot, pg.location_combo, "Young carers' service youth centre")
    qtbot.waitUntil(lambda: not pg.lone_box.isVisibleTo(pg), timeout=2_000)  # a staffed venue
    qtbot.mouseClick(pg.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "S-0001 created" in pg.message.text(), timeout=5_000)
    qtbot.waitUntil(lambda: "youth centre, activity-based" in pg.docs_label.text(), timeout=5_000)
    assert pg.location_combo.currentData() == "youth-centre"
    w.resize(1024, 600)
    qtbot.wait(200)
    assert outside(w) == []


def test_safeguarding_panel_shows_her_route_and_her_areas_contacts(qtbot, tmp_path, make_window):  # type: ignore[no-untyped-def]
    from tests.gui.test_session import click, open_screen

    data = _vault(tmp_path)

    def setup(ws):  # type: ignore[no-untyped-def]
        from fieldwork_app.services import sessions

        attrs = with_required(ws.pack(), "young-carer", {"age_band": "16-17", "area": "south"})
        pid = participants.add(ws, "young-carer", attributes=attrs).id
        criteria = ws.pack().group("young-carer").eligibility
        participants.screen(ws, pid, {c.id: c.eligible_answer for c in criteria})
        return sessions.new(ws, [pid], "interview", "video").id

    w, screen, _sid = open_screen(qtbot, make_window, data, setup)
    click(qtbot, screen, "safeguardingButton")
    text = screen.safeguarding.route.text()  # beside the participant the concern is about
    assert text.startswith("Safeguarding route: Children's safeguarding (under 18)\nFollow the children's procedure")
    assert "Safeguarding front door: Northshire South children's front door, 01000 000201" in text
    assert "Northshire North" not in text
    ids = [e.id for e in screen.p.info.signposting]
    assert "childline" in ids and "south-young-carers" in ids and "north-young-carers" not in ids


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_tab_reaches_the_attributes_between_linked_to_and_add(qtbot, tmp_path, make_window, size):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    data = _vault(tmp_path)
    w = _open(qtbot, make_window, data, "participants")
    w.resize(*size)
    p = w.page("participants")
    qtbot.waitUntil(lambda: p.group_combo.count() == 3)
    _choose(qtbot, p.group_combo, "Young adult carer")  # the focus stays on the group box
    combos = list(p.attribute_combos.values())
    qtbot.waitUntil(lambda: all(c.isVisible() for c in combos), timeout=5_000)
    reached: list[object] = []
    for _ in range(len(combos) + 4):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        f = QApplication.focusWidget()
        if f is p.add_button:
            break
        reached.append(f)
    assert QApplication.focusWidget() is p.add_button, QApplication.focusWidget()
    shown = [c for c in reached if c in combos]
    assert shown == combos, [getattr(c, "objectName", lambda: "")() for c in reached]  # each, in the order shown
