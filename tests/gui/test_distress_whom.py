"""On a joint interview the distress protocol says whom the distress concerns: Ctrl+D opens the protocol at once,
its first Tab stops are the pause box and the stage as always, and "Whom it concerns" comes after the stage's
signs and actions, chosen by keyboard (Space, arrows) or a click; each choice is a timed step on the event, in
the timeline.  A session of one participant shows no such choice.  Keys and clicks, at 1366x768 and 1024x600."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QRadioButton, QWidget

from fieldwork_app.services import distress as distress_svc
from tests.gui.test_closeout_vouchers import _click
from tests.gui.test_fit_and_keys import SIZES, press
from tests.gui.test_joint_support import _joint, _screen, _timeline
from tests.gui.test_session import run_db


def _name(w: QWidget | None) -> str:
    return w.objectName() if w is not None else ""


def _event(qtbot, w, sid):  # type: ignore[no-untyped-def]
    return run_db(qtbot, w, lambda ws: distress_svc.events(ws, sid)[-1])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_whom_the_distress_concerns_is_chosen_after_the_first_step(qtbot, tmp_path, make_window, size) -> None:  # type: ignore[no-untyped-def]
    vault, young, parent, sid = _joint(tmp_path)
    w, screen = _screen(qtbot, make_window, vault, sid, size)
    screen.note_edit.setFocus()
    press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    panel = screen.distress
    assert screen.stack.currentWidget() is panel  # at once: nothing is asked before the protocol shows
    whom = panel.findChild(QGroupBox, "distressWhom")
    assert whom.isVisible() and whom.title() == "Whom it concerns"
    names = {b.objectName(): b.text() for b in panel.whom_group.buttons()}
    assert names == {f"whom-{young}": f"{young} (Young adult carer)", f"whom-{parent}": f"{parent} (Parent)",
                     "whom-session": "The session as a whole"}  # fmt: skip
    assert panel.whom_group.checkedButton() is None  # nothing said for the researcher
    qtbot.waitUntil(lambda: run_db(qtbot, w, lambda ws: distress_svc.events(ws, sid)) != [], timeout=10_000)

    for _ in range(4):  # the panel, its pause box, then the stage: the first step is where it always was
        press(Qt.Key.Key_Tab)
        if _name(QApplication.focusWidget()).startswith("stage-"):
            break
    assert _name(QApplication.focusWidget()) == "stage-1", _name(QApplication.focusWidget())
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.stage_group.checkedId() == 1, timeout=5_000)
    for _ in range(30):  # down the stage's signs and actions to whom it concerns
        press(Qt.Key.Key_Tab)
        if _name(QApplication.focusWidget()).startswith("whom-"):
            break
    focused = QApplication.focusWidget()
    assert _name(focused).startswith("whom-"), _name(focused)
    assert isinstance(focused, QRadioButton)
    press(Qt.Key.Key_Space)
    first = _name(focused).removeprefix("whom-")
    assert first in (young, parent)
    qtbot.waitUntil(lambda: _event(qtbot, w, sid).participant_id == first, timeout=10_000)
    qtbot.waitUntil(lambda: f"Concerns {names['whom-' + first]}" in _timeline(panel), timeout=10_000)

    press(Qt.Key.Key_Right)  # the arrows move to the next one beside it, and choose it
    moved = _name(QApplication.focusWidget()).removeprefix("whom-")
    assert moved != first and moved in (young, parent), moved
    qtbot.waitUntil(lambda: _event(qtbot, w, sid).participant_id == moved, timeout=10_000)

    _click(qtbot, panel.whom[""])
    qtbot.waitUntil(lambda: _event(qtbot, w, sid).whole_session, timeout=10_000)
    qtbot.waitUntil(lambda: "Concerns the session as a whole" in _timeline(panel), timeout=10_000)
    ev = _event(qtbot, w, sid)
    assert ev.highest_stage == 1 and ev.open
    kinds = [s["kind"] for s in ev.steps]
    assert kinds.index("stage") < kinds.index("participant")  # the stage came first, as it was done


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_reopening_the_protocol_shows_whom_it_concerns(qtbot, tmp_path, make_window, size) -> None:  # type: ignore[no-untyped-def]
    vault, young, _parent, sid = _joint(tmp_path)
    w, screen = _screen(qtbot, make_window, vault, sid, size)
    _click(qtbot, screen.bar.distress_button)
    panel = screen.distress
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is panel, timeout=5_000)
    qtbot.waitUntil(lambda: run_db(qtbot, w, lambda ws: distress_svc.events(ws, sid)) != [], timeout=10_000)
    _click(qtbot, panel.whom[young])
    qtbot.waitUntil(lambda: _event(qtbot, w, sid).participant_id == young, timeout=10_000)
    w.close()

    w2, screen2 = _screen(qtbot, make_window, vault, sid, size)  # the open event is shown as it stands
    qtbot.waitUntil(lambda: screen2.stack.currentWidget() is screen2.distress, timeout=5_000)
    qtbot.waitUntil(lambda: screen2.distress.whom[young].isChecked(), timeout=10_000)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_session_of_one_participant_has_no_choice_to_make(qtbot, make_window, vault_dir, size) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.test_fit_and_keys import open_app, open_from_home
    from tests.gui.test_session import consented_session

    w = open_app(qtbot, make_window, vault_dir, size)
    sid = run_db(qtbot, w, consented_session)
    screen = open_from_home(qtbot, w, sid)
    press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert screen.stack.currentWidget() is screen.distress
    assert not screen.distress.findChild(QGroupBox, "distressWhom").isVisible()
    assert screen.distress.whom_group.buttons() == []
