"""The app's pages by name, what a page offers the main window, and what a screen may ask of navigation.

The main window is the only :class:`Navigator`: it owns the navigation list and the content stack, and it
is the one place a page is switched to.  Screens ask it through ``ctx.show_page(PageId.HOME)``,
``ctx.open_session(...)``, ``ctx.push(widget)`` and ``ctx.pop(widget, PageId.CONSENT)``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class PageId(StrEnum):
    """The pages of the navigation list, in the order it shows them."""

    HOME = "home"
    PARTICIPANTS = "participants"
    PREPARE = "prepare"
    CONSENT = "consent"
    SYNC = "sync"
    ANALYSIS = "analysis"


@runtime_checkable
class Page(Protocol):
    """What the main window calls on a page (and on a pushed screen such as the session screen)."""

    def refresh(self) -> None:
        """Load what the page shows again; called each time the page is shown."""

    def on_locked(self) -> None:
        """The workspace is about to close (lock or switch user): the database is still open, so a draft can
        be saved; then everything identifying goes off the screen."""


class Navigator(Protocol):
    """What screens may ask of the main window."""

    def show_page(self, name: PageId) -> None: ...

    def open_session(self, session_id: str, part: str = "") -> None: ...

    def push_screen(self, widget: QWidget) -> None: ...

    def pop_screen(self, widget: QWidget, next_page: PageId = PageId.CONSENT) -> None: ...
