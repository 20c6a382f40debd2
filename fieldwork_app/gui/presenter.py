"""What every feature's presenter shares: the way work is submitted.

A page holds widgets only; it asks its presenter for data and for changes, and the presenter submits the
work (to the database thread, or to the pool for file and network work) and hands the answer back on the
GUI thread.  Answers for a page that has gone are dropped: the page is the owner of the work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from fieldwork_app.services.workspace import Workspace

    from fieldwork_app.gui.context import AppContext

T = TypeVar("T")
Done = Callable[[T], None]
Failed = Callable[[BaseException], None]


class Presenter:
    def __init__(self, ctx: AppContext, owner: QObject) -> None:
        self.ctx = ctx
        self.owner = owner

    def _db(self, fn: Callable[[Workspace], T], done: Done[T] | None, failed: Failed | None) -> None:
        """Run ``fn(ws)`` on the database thread; ``done(result)`` or ``failed(exc)`` on the GUI thread."""
        self.ctx.tasks.db(fn, done, failed, owner=self.owner)

    def _pool(self, fn: Callable[[], T], done: Done[T] | None, failed: Failed | None) -> None:
        """Run ``fn()`` on the pool (no database); ``done`` or ``failed`` on the GUI thread."""
        self.ctx.tasks.pool(fn, done, failed, owner=self.owner)

    def after_queued(self, then: Callable[[], Any]) -> None:
        """Call ``then`` once the work submitted before it has been answered (the database thread runs its
        work in order)."""
        self.ctx.tasks.db(lambda _ws: None, lambda _r: then(), owner=self.owner)
