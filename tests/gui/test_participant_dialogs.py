"""The Participants page's dialogs say whom they are about: with several participants in the list, the
withdrawal and the identity view name the one chosen, so nobody records a withdrawal for the wrong person."""

from __future__ import annotations

from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from tests.gui.modal import when_modal
from tests.gui.test_fit_and_keys import SIZES, click, click_nav, open_app
from tests.gui.test_session import run_db
from tests.support.people import add_eligible


def _texts(d: Any) -> str:
    return " ".join([d.windowTitle()] + [lab.text() for lab in d.findChildren(QLabel) if lab.isVisible()])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_withdrawal_and_identity_dialogs_name_the_participant(  # type: ignore[no-untyped-def]
    qtbot, make_window, vault_dir, size
) -> None:
    w = open_app(qtbot, make_window, vault_dir, size)
    ids = run_db(qtbot, w, lambda ws: [add_eligible(ws, "mother").id for _ in range(3)])
    chosen = ids[1]
    click_nav(qtbot, w, "participants")
    page = w.page("participants")
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 3, timeout=5_000)
    item = next(
        page.tree.topLevelItem(i)
        for i in range(page.tree.topLevelItemCount())
        if page.tree.topLevelItem(i).text(0) == chosen
    )
    QTest.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=page.tree.visualItemRect(item).center())
    qtbot.waitUntil(lambda: page.selected_id() == chosen, timeout=5_000)

    for button, name in ((page.withdraw_button, "WithdrawDialog"), (page.identity_button, "IdentityReasonDialog")):
        seen: dict[str, str] = {}
        errors: list[BaseException] = []

        def act(d: Any, seen: dict[str, str] = seen) -> None:
            seen["text"] = _texts(d)
            box = d.findChild(QDialogButtonBox)
            QTest.mouseClick(box.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)

        when_modal(name, act, errors)
        click(qtbot, button)
        qtbot.waitUntil(lambda seen=seen: "text" in seen, timeout=5_000)
        assert not errors, errors
        assert chosen in seen["text"], (name, seen["text"])
        assert not any(other in seen["text"] for other in ids if other != chosen), seen["text"]
    assert page.tree.currentItem().text(2) != "withdrawn"  # Cancel recorded nothing


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_screening_by_keyboard_reaches_the_answers_before_save(qtbot, make_window, vault_dir, size) -> None:  # type: ignore[no-untyped-def]
    from fieldwork_app.services import participants
    from tests.support.people import eligible_answers, with_required

    w = open_app(qtbot, make_window, vault_dir, size)
    pid, answers = run_db(
        qtbot,
        w,
        lambda ws: (
            participants.add(ws, "mother", None, with_required(ws.pack(), "mother")).id,
            eligible_answers(ws.pack(), "mother"),
        ),
    )
    click_nav(qtbot, w, "participants")
    page = w.page("participants")
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 1, timeout=5_000)
    item = page.tree.topLevelItem(0)
    QTest.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=page.tree.visualItemRect(item).center())
    # the answers are built when the criteria arrive and shown at the next turn of the event loop (a layout
    # shows a widget added to it later): until then Tab passes them by, as it would for a person that fast
    qtbot.waitUntil(
        lambda: len(page._answers) == len(answers)
        and all(b.isVisible() for g in page._answers.values() for b in g.buttons()),
        timeout=5_000,
    )

    def focused() -> str:
        f = QApplication.focusWidget()
        return f.objectName() if f is not None else ""

    # Tab from the list: each question's answer comes before Save screening
    reached: list[str] = []
    for _ in range(30):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        name = focused()
        if name == "saveScreening":
            break
        if name.startswith("screen-"):
            cid = name[len("screen-") : name.rindex("-")]
            reached.append(cid)
            want = "yes" if answers[cid] else "no"
            if not name.endswith(want):  # the other answer of the pair: the arrow key moves to it
                QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert focused() == "saveScreening", focused()
    assert sorted(reached) == sorted(answers), reached
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # Save screening, from the keyboard
    qtbot.waitUntil(lambda: page.message.text() == "Eligible.", timeout=5_000)
    assert pid in page.tree.topLevelItem(0).text(0)
