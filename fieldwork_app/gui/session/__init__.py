"""The session screens: interview, distress protocol, safeguarding, lone working and close-out.

``build_screen(ctx, session_id)`` is what the shell's "Start interview" action pushes (see
:mod:`fieldwork_app.gui.session_hook`); the widget calls ``ctx.pop(widget)`` when it is left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldwork_app.gui.session import tour_steps
from fieldwork_app.gui.session.page import SessionScreen

if TYPE_CHECKING:
    from fieldwork_app.services.clock import Clock

    from fieldwork_app.gui.context import AppContext

__all__ = ["SessionScreen", "build_screen"]


def build_screen(ctx: AppContext, session_id: str, clock: Clock | None = None) -> SessionScreen:
    return SessionScreen(ctx, session_id, clock)


tour_steps.register()
