"""The distress protocol where a researcher under pressure needs it: Ctrl+D puts the focus where it shows (the
pause box, then the stages); a stage chosen brings its box into view right under the stage choice and its signs
and actions are the next Tab stops, the earlier stages' after them; on a joint session whom the distress concerns
is said beside "the participant" once chosen, and in "Whom it concerns" the arrow keys choose.  Keys and clicks
on what shows, at 1366x768 and 1024x600, with pictures of the screen kept for a look."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QWidget

from fieldwork_app.services import distress as distress_svc
from tests.gui.test_closeout_vouchers import _click
from tests.gui.test_fit_and_keys import SIZES, press
from tests.gui.test_joint_support import _joint, _screen
from tests.gui.test_session import run_db


def _name(w: QWidget | None) -> str:
    return w.objectName() if w is not None else ""


def _shown_whole(w: QWidget) -> bool:
    """Whether all of ``w`` shows on the screen (not scrolled out of the page, not cut by its edge)."""
    return w.isVisible() and w.visibleRegion().boundingRect().size() == w.size()


def _shot(w: QWidget, tmp_path: Path, name: str) -> None:
    w.grab().save(str(tmp_path / f"{name}.png"))


def _event(qtbot, w, sid):  # type: ignore[no-untyped-def]
    return run_db(qtbot, w, lambda ws: distress_svc.events(ws, sid)[-1])


def _open(qtbot, w, screen, sid):  # type: ignore[no-untyped-def]
    screen.note_edit.setFocus()
    press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    panel = screen.distress
    assert screen.stack.currentWidget() is panel  # at once
    qtbot.waitUntil(lambda: run_db(qtbot, w, lambda ws: distress_svc.events(ws, sid)) != [], timeout=10_000)
    return panel


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_chosen_stage_shows_under_the_choice_and_is_next_by_tab(qtbot, tmp_path, make_window, size) -> None:  # type: ignore[no-untyped-def]
    vault, _young, _parent, sid = _joint(tmp_path)
    w, screen = _screen(qtbot, make_window, vault, sid, size)
    panel = _open(qtbot, w, screen, sid)
    # the focus is on a control that shows it, the pause box, never on the invisible scroll area
    assert QApplication.focusWidget() is panel.pause and _shown_whole(panel.pause)
    _shot(w, tmp_path, "opened")
    press(Qt.Key.Key_Tab)
    assert _name(QApplication.focusWidget()) == "stage-1"
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.stage_group.checkedId() == 1, timeout=5_000)
    press(Qt.Key.Key_Right)
    press(Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: panel.stage_group.checkedId() == 3, timeout=5_000)
    three = panel.stage_boxes[3]
    stage3 = [cb for cb in three.findChildren(QCheckBox)]
    danger = next(cb for cb in stage3 if cb.text().startswith("Imminent danger"))
    qtbot.waitUntil(lambda: _shown_whole(danger), timeout=5_000)  # its actions show without scrolling
    assert _shown_whole(panel.stage_group.button(3))  # and the stage choice above it still does
    assert panel.stage_boxes[1].isVisible() and panel.stage_boxes[2].isVisible()  # the earlier stages stay
    _shot(w, tmp_path, "stage3")

    seen: list[QWidget] = []
    for _ in range(len(stage3)):  # the chosen stage's signs and actions, in the order they show
        press(Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused in stage3, _name(focused)
        assert _shown_whole(focused), _name(focused)
        seen.append(focused)
    assert danger in seen
    ys = [cb.mapTo(three, cb.rect().topLeft()).y() for cb in seen]
    assert ys == sorted(ys)
    earlier = [*panel.stage_boxes[1].findChildren(QCheckBox), *panel.stage_boxes[2].findChildren(QCheckBox)]
    press(Qt.Key.Key_Tab)  # then the earlier stages, still there to tick
    assert QApplication.focusWidget() in earlier, _name(QApplication.focusWidget())
    press(Qt.Key.Key_Space)
    ticked = _name(QApplication.focusWidget())
    qtbot.waitUntil(lambda: ticked.split("-", 1)[1] in {*_event(qtbot, w, sid).signs,
                                                        *_event(qtbot, w, sid).actions}, timeout=10_000)  # fmt: skip
    for _ in range(len(earlier)):
        press(Qt.Key.Key_Tab)
        if _name(QApplication.focusWidget()).startswith("whom-"):
            break
    assert _name(QApplication.focusWidget()).startswith("whom-")

    press(Qt.Key.Key_Backtab)  # Shift+Tab goes back the same way
    for _ in range(len(earlier) + len(stage3) + 1):
        if _name(QApplication.focusWidget()).startswith("stage-"):
            break
        press(Qt.Key.Key_Backtab)
    assert _name(QApplication.focusWidget()) == "stage-3"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_whom_it_concerns_is_said_beside_the_participant_and_arrows_choose(qtbot, tmp_path, make_window, size) -> None:  # type: ignore[no-untyped-def]
    vault, young, parent, sid = _joint(tmp_path)
    w, screen = _screen(qtbot, make_window, vault, sid, size)
    panel = _open(qtbot, w, screen, sid)
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.stage_group.checkedId() == 1, timeout=5_000)
    labels = panel.findChildren(QLabel, "distressConcerns")
    assert labels and not any(lb.isVisible() for lb in labels)  # nothing said before it is chosen

    for _ in range(20):  # down the stage's signs and actions to whom it concerns
        press(Qt.Key.Key_Tab)
        if _name(QApplication.focusWidget()).startswith("whom-"):
            break
    first = QApplication.focusWidget()
    assert _name(first).startswith("whom-") and panel.whom_group.checkedButton() is None
    press(Qt.Key.Key_Right)  # nothing chosen yet: the arrow chooses where it lands, as it does later
    landed = QApplication.focusWidget()
    assert landed is not first and landed.isChecked(), _name(landed)
    pid = _name(landed).removeprefix("whom-")
    assert pid in (young, parent)
    qtbot.waitUntil(lambda: _event(qtbot, w, sid).participant_id == pid, timeout=10_000)
    press(Qt.Key.Key_Left)
    assert first.isChecked()
    first_pid = _name(first).removeprefix("whom-")
    qtbot.waitUntil(lambda: _event(qtbot, w, sid).participant_id == first_pid, timeout=10_000)

    said = f"Concerns: {panel.whom_names[first_pid]}"
    assert panel.findChildren(QLabel, "distressConcerns")[0].text() == said  # under "check in with the participant"
    for where in (panel.stage_boxes[1], panel.choices["continue"].parentWidget(),
                  panel.findChild(QWidget, "care-contact-yes").parentWidget()):  # fmt: skip
        lb = where.findChild(QLabel, "distressConcerns")
        assert lb is not None and lb.isVisible() and lb.text() == said, where.objectName()
    assert panel.choices["continue"].accessibleDescription() == said  # a screen reader says it with the choice
    # the pack's words are left as they are
    assert all(not cb.text().endswith(said) for cb in panel.checks.values())
    choice = panel.choices["continue"].parentWidget().findChild(QLabel, "distressConcerns")
    _click(qtbot, panel.choices["continue"])
    assert _shown_whole(choice)
    _shot(w, tmp_path, "concerns")
    _click(qtbot, panel.findChild(QWidget, "care-contact-yes"))
    _shot(w, tmp_path, "concerns-contact")

    _click(qtbot, panel.stage_group.button(3))  # by a click, from down the page: stage 3's box shows
    danger = next(cb for cb in panel.stage_boxes[3].findChildren(QCheckBox) if cb.text().startswith("Imminent"))
    qtbot.waitUntil(lambda: _shown_whole(danger), timeout=5_000)
    lb = panel.stage_boxes[3].findChild(QLabel, "distressConcerns")
    assert lb.text() == said and _shown_whole(lb)  # whom it concerns above its actions
    _shot(w, tmp_path, "stage3-concerns")

    _click(qtbot, panel.whom[""])
    qtbot.waitUntil(lambda: _event(qtbot, w, sid).whole_session, timeout=10_000)
    assert all(lb.text() == "Concerns: the session as a whole" for lb in labels)

    w.close()  # reopened, the open event says whom it concerns as it stands
    w2, screen2 = _screen(qtbot, make_window, vault, sid, size)
    qtbot.waitUntil(lambda: screen2.stack.currentWidget() is screen2.distress, timeout=5_000)
    again = screen2.distress.findChildren(QLabel, "distressConcerns")
    qtbot.waitUntil(lambda: all(lb.text() == "Concerns: the session as a whole" for lb in again), timeout=10_000)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_protocol_opened_again_shows_its_focus(qtbot, make_window, vault_dir, size) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.test_fit_and_keys import open_app, open_from_home
    from tests.gui.test_session import consented_session

    w = open_app(qtbot, make_window, vault_dir, size)
    sid = run_db(qtbot, w, consented_session)
    screen = open_from_home(qtbot, w, sid)
    panel = _open(qtbot, w, screen, sid)
    assert QApplication.focusWidget() is panel.pause and _shown_whole(panel.pause)
    assert not panel.findChildren(QLabel, "distressConcerns")[0].isVisible()  # one participant: nothing to say
    _click(qtbot, panel.resume_button)  # far down the page
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.interview, timeout=10_000)
    screen.note_edit.setFocus()
    press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # a new event: the page from its top, focus shown
    assert screen.stack.currentWidget() is panel
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.pause and _shown_whole(panel.pause), timeout=5_000)
    press(Qt.Key.Key_Tab)
    assert _name(QApplication.focusWidget()) == "stage-1" and _shown_whole(QApplication.focusWidget())
