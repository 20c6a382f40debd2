"""The task-state protocol long sync jobs report to, and a do-nothing default.

A job calls :meth:`TaskState.set_progress` between pieces of work and checks
:meth:`TaskState.cancel_requested` as often; the GUI adapter turns both into queued signals, tests
pass a plain object.
"""

from __future__ import annotations

from typing import Protocol

from fieldwork_app.errors import Cancelled


class TaskState(Protocol):
    def set_progress(self, done_bytes: int, total_bytes: int, message: str) -> None: ...

    def cancel_requested(self) -> bool: ...


class NullState:
    """Used when the caller passes no state: no progress shown, never cancelled."""

    def set_progress(self, done_bytes: int, total_bytes: int, message: str) -> None:
        return None

    def cancel_requested(self) -> bool:
        return False


def check_cancel(state: TaskState) -> None:
    if state.cancel_requested():
        raise Cancelled("sync cancelled; nothing already verified is lost, run it again to continue")
