"""Where "Start interview" leads: the session screen, or a simple recording page until it exists.

The session screens (interview, distress, safeguarding, close-out) live in ``fieldwork_app.gui.session``.
That package provides ``build_screen(ctx, session_id) -> QWidget``; the widget is pushed onto the main
window's content stack and calls ``ctx.pop(widget)`` when the session screen is left.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from fieldwork_app.gui.context import AppContext

logger = logging.getLogger(__name__)


def build_screen(ctx: AppContext, session_id: str) -> QWidget:
    try:
        session = importlib.import_module("fieldwork_app.gui.session")
    except ImportError:
        session = None
    factory: Callable[[AppContext, str], QWidget] | None = (
        getattr(session, "build_screen", None) if session is not None else None
    )
    if factory is not None:
        return factory(ctx, session_id)
    from fieldwork_app.gui.views.interview_placeholder import InterviewPage

    return InterviewPage(ctx, session_id)


def open_session_screen(ctx: AppContext, session_id: str) -> None:
    """Show the session's screen through the main window, which keeps one live session at a time."""
    ctx.open_session(session_id)
