"""Screenshot steps for the tour (``fieldwork gui --tour``): interview, distress, safeguarding, close-out, sync.

The tour takes a shot after each ``(name, arrange)`` pair of :data:`STEPS`, in order.  Each ``arrange(tour)``
prepares the session through the app's own database thread and pushes the screen, as a researcher would
see it.
"""

from __future__ import annotations

import logging
from typing import Any

from fieldwork_app.gui.navigation import PageId

logger = logging.getLogger(__name__)

_state: dict[str, Any] = {}


def _db(tour: Any, fn: Any) -> Any:
    box: dict[str, Any] = {}
    tour.window.ctx.tasks.db(fn, lambda r: box.setdefault("r", r), lambda e: box.setdefault("e", e))
    tour.settle(0.1)
    if "e" in box:
        raise box["e"]
    return box.get("r")


def _prepare(ws: Any) -> str:
    from fieldwork_app.services import consent, sessions

    s = sessions.list_all(ws)[0]
    pid = s.participant_ids[0]
    if consent.latest(ws, s.id, pid) is None:
        consent.record(ws, s.id, pid, "paper", {k: True for k in consent.template(ws, s.id, pid)})
    return s.id


def _interview(tour: Any) -> None:
    from fieldwork_app.services import interview

    from fieldwork_app.gui.session.page import build_screen

    sid = _db(tour, _prepare)
    _state["sid"] = sid

    def progress(ws: Any) -> None:
        guide = interview.guide_for(ws, sid)
        interview.enter_section(ws, sid, guide.sections[0].id, 0.0)
        q = guide.sections[0].questions
        interview.mark_question(ws, sid, q[0].id, "asked", position=62.0)
        if len(q) > 1:
            interview.mark_question(ws, sid, q[1].id, "covered", position=300.0)
        interview.add_note(ws, sid, "Baby lives with her; partner at work.", 95.0)
        interview.add_note(ws, sid, "Follow up: health visitor mentioned twice.", 410.0)

    _db(tour, progress)
    screen = build_screen(tour.window.ctx, sid)
    tour.window.push_screen(screen)
    _state["screen"] = screen
    tour.settle(0.5)  # shown as it is: the tour records nothing, so the bar says the take has not started


def _distress(tour: Any) -> None:
    screen = _state["screen"]
    screen.open_distress()
    tour.settle(0.3)
    screen.distress.stage_group.button(1).click()
    tour.settle(0.3)
    screen.distress.checks[("sign", "tearful")].setChecked(True)
    screen.distress.checks[("action", "offer-pause")].setChecked(True)
    tour.settle(0.3)


def _safeguarding(tour: Any) -> None:
    screen = _state["screen"]
    screen.open_safeguarding()
    tour.settle(0.2)


def _closeout(tour: Any) -> None:
    screen = _state["screen"]
    screen.distress.resume_button.click()
    tour.settle(0.3)
    screen.stack.setCurrentWidget(screen.closeout)
    screen.closeout.wellbeing.setPlainText("Said she felt fine and safe; plans to see her sister later.")
    tour.settle(0.2)


def _strip(tour: Any) -> None:
    """Another page while the session is open: the strip above it leads back in one click."""
    tour.window.show_page(PageId.HOME)
    tour.settle(0.3)


def _sync(tour: Any) -> None:
    screen = _state.pop("screen", None)
    if screen is not None:
        tour.window.pop_screen(screen)
    from fieldwork_app.services import closeout, sync

    sid = _state.get("sid")
    if sid:

        def finish(ws: Any) -> None:
            closeout.save(ws, sid, wellbeing="Said she felt fine and safe.")
            closeout.complete(ws, sid)
            sync.queue_session(ws, sid)

        _db(tour, finish)
    tour.window.show_page(PageId.SYNC)  # through the navigation, as a researcher gets there
    tour.settle(0.5)


STEPS = (
    ("interview", _interview),
    ("distress", _distress),
    ("safeguarding", _safeguarding),
    ("close-out", _closeout),
    ("home-live-session", _strip),
    ("sync", _sync),
)

