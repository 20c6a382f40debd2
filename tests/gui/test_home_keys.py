"""The study home by keyboard: a home visit still open is the first thing Tab reaches on the page (its
buttons are at the top, above the sessions), so checking out with the buddy never waits behind every list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldwork_app.services import lonework, sessions
from tests.gui.test_fit_and_keys import SIZES, click_nav, open_app, press
from tests.gui.test_session import run_db
from tests.support.people import add_eligible


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_tab_reaches_an_open_visits_check_out_first(qtbot, make_window, vault_dir, size) -> None:  # type: ignore[no-untyped-def]
    now = datetime.now(UTC)

    def visit_under_way(ws):  # type: ignore[no-untyped-def]
        sid = sessions.new(ws, [add_eligible(ws, "mother").id], "interview", "home").id
        plan = {"buddy_name": "Sam", "buddy_phone": "07700 900123", "start": (now - timedelta(hours=1)).isoformat(),
                "expected_end": (now + timedelta(minutes=20)).isoformat(), "travel_home_minutes": 40,
                "code_word_agreed": True, "risk_assessment_done": True}  # fmt: skip
        sessions.update_plan(ws, sid, {"lone_working": plan})
        lonework.record(ws, sid, "check_in")
        return sid

    w = open_app(qtbot, make_window, vault_dir, size)
    sid = run_db(qtbot, w, visit_under_way)
    click_nav(qtbot, w, "participants")
    click_nav(qtbot, w, "home")  # the focus is on the navigation
    home = w.page("home")
    qtbot.waitUntil(lambda: (sid, "check_out") in home.visit_buttons, timeout=5_000)
    qtbot.waitUntil(lambda: home.visit_buttons[(sid, "check_out")].isVisible(), timeout=5_000)
    check_out = home.visit_buttons[(sid, "check_out")]
    stops = []
    for _ in range(4):
        press(Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
        if stops[-1] is check_out or stops[-1] is home.sessions:
            break
    assert QApplication.focusWidget() is check_out, [s.objectName() or type(s).__name__ for s in stops]
    press(Qt.Key.Key_Space)  # checked out, by keyboard
    qtbot.waitUntil(lambda: [e.kind for e in run_db(qtbot, w, lambda ws: lonework.events(ws, sid))]
                    == ["check_in", "check_out"], timeout=5_000)  # fmt: skip
