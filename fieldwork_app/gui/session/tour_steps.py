"""Screenshot steps for the tour (``fieldwork gui --tour``): interview, distress, safeguarding, close-out, sync.

The tour takes a shot after each ``(name, arrange)`` pair of :data:`STEPS`, in order.  Each ``arrange(tour)``
prepares the session through the app's own database thread and pushes the screen, as a researcher would
see it.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
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
    from fieldwork_app.services import consent, ethics, sessions

    s = sessions.list_all(ws)[0]
    pid = s.participant_ids[0]
    if consent.latest(ws, s.id, pid) is None:
        # the steps the pack's protocol asks for first: its tasks done, capacity assessed, others present named
        for st in ethics.gating_state(ws, pid, s.id):
            if not st.done_at:  # made-up: done in time, as many days ago as the notice the task asks for
                told = date.today() - timedelta(days=st.task.days_before or 0)
                ethics.mark_done(ws, pid, st.task.id, on=told.isoformat())
        rule = ethics.capacity_rule(ws, pid)
        if rule is not None:
            ethics.record_capacity(ws, s.id, pid, {c.value: True for c in rule.criteria})
        needed = [r for r in consent.parties_needed(ws, pid) if r.required]
        parties = {r.role.value: {"name": "Sample name", "agreement": True} for r in needed}
        answers = {k: True for k in consent.template(ws, s.id, pid)}
        consent.record(ws, s.id, pid, "paper", answers, parties=parties)
    return s.id


NEUTRAL_NOTES = ("Talked about a typical week.", "Follow up: a service mentioned twice.")


def sample_notes(ws: Any) -> tuple[str, ...]:
    """The tour's example notes: the pack's own ``sample_notes``, else neutral ones."""
    return tuple(ws.pack().sample_notes) or NEUTRAL_NOTES


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
        for note, at in zip(sample_notes(ws), (95.0, 410.0), strict=False):
            interview.add_note(ws, sid, note, at)

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
    # The first sign and action the pack's protocol lists, whatever the pack.
    for kind in ("sign", "action"):
        key = next((k for k in screen.distress.checks if k[0] == kind), None)
        if key is not None:
            screen.distress.checks[key].setChecked(True)
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
    screen.closeout.wellbeing.setPlainText("Said they felt fine and safe; plans to see a friend later.")
    tour.settle(0.2)


def _strip(tour: Any) -> None:
    """Another page while the session is open: the strip above it leads back in one click."""
    tour.window.show_page(PageId.HOME)
    tour.settle(0.3)


def _sync(tour: Any) -> None:
    screen = _state.pop("screen", None)
    if screen is not None:
        tour.window.pop_screen(screen)
    from fieldwork_app.services import completion

    sid = _state.get("sid")
    if sid:

        def finish(ws: Any) -> None:
            completion.close_out(ws, sid, {"wellbeing": "Said they felt fine and safe."}, complete=True)

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

