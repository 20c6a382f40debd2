"""The distress protocol by keyboard alone, as a researcher under pressure uses it: after Ctrl+D, Tab goes
down the page in the order it reads (the stage, its signs and actions, the choice, the support list, contact
and follow-up, then resume or end), and Space on a stage opens its checklist, the next Tab stop."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.gui.test_fit_and_keys import SIZES, open_app, open_from_home, press
from tests.gui.test_session import consented_session, run_db


def _name(w: QWidget | None) -> str:
    return w.objectName() if w is not None else ""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_tab_goes_down_the_distress_protocol_in_the_order_it_reads(qtbot, make_window, vault_dir, size) -> None:  # type: ignore[no-untyped-def]
    w = open_app(qtbot, make_window, vault_dir, size)
    sid = run_db(qtbot, w, consented_session)
    screen = open_from_home(qtbot, w, sid)
    press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.distress, timeout=5_000)
    qtbot.waitUntil(lambda: bool(screen.distress.stage_group.buttons()), timeout=5_000)

    for _ in range(4):  # from the panel to its first control, the pause box, then the stage
        press(Qt.Key.Key_Tab)
        if _name(QApplication.focusWidget()).startswith("stage-"):
            break
    assert _name(QApplication.focusWidget()) == "stage-1", _name(QApplication.focusWidget())
    press(Qt.Key.Key_Space)  # stage 1 chosen: its signs and actions appear
    qtbot.waitUntil(lambda: screen.distress.stage_group.checkedId() == 1, timeout=5_000)
    press(Qt.Key.Key_Tab)
    assert _name(QApplication.focusWidget()).startswith("sign-"), _name(QApplication.focusWidget())

    order: list[str] = []
    for _ in range(40):
        name = _name(QApplication.focusWidget())
        if name == "distressEnd":
            break
        order.append(name)
        press(Qt.Key.Key_Tab)
    else:
        raise AssertionError(f"End the session early was never reached: {order}")

    def first(prefix: str) -> int:
        hits = [i for i, n in enumerate(order) if n.startswith(prefix)]
        assert hits, (prefix, order)
        return hits[0]

    places = [first(p) for p in ("sign-", "action-", "choice-", "signpost-", "care-contact", "followUpAgreed",
                                 "piInformed", "distressResume")]  # fmt: skip
    assert places == sorted(places), order
