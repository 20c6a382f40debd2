"""The one task state long jobs report to, and how they wait between tries.

A job calls :meth:`TaskState.set_progress` between pieces of work and checks
:meth:`TaskState.cancel_requested` as often.  :class:`CancellableState` is the state every face hands in:
a cancel flag any thread may set and progress passed to a callback the face gives (the CLI prints it, the
desktop app queues it to its GUI thread).  :class:`NullState` is the default when nobody watches.

A job that backs off before another try waits through a :class:`Waiter`, so the wait can be cut short by a
Cancel and tests can pass one that records the delays instead of sleeping.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Protocol

from fieldwork_app.errors import Cancelled

Progress = Callable[[int, int, str], None]  # done, total, message


class TaskState(Protocol):
    def set_progress(self, done_bytes: int, total_bytes: int, message: str) -> None: ...

    def cancel_requested(self) -> bool: ...


class NullState:
    """Used when the caller passes no state: no progress shown, never cancelled."""

    def set_progress(self, done_bytes: int, total_bytes: int, message: str) -> None:
        return None

    def cancel_requested(self) -> bool:
        return False


class CancellableState:
    """Progress out to ``on_progress``, cancel in from any thread (both thread-safe)."""

    def __init__(self, on_progress: Progress | None = None) -> None:
        self._on_progress = on_progress
        self._cancel = threading.Event()

    def set_progress(self, done_bytes: int, total_bytes: int, message: str) -> None:
        if self._on_progress is not None:
            self._on_progress(int(done_bytes), int(total_bytes), str(message))

    def cancel(self) -> None:
        self._cancel.set()

    def cancel_requested(self) -> bool:
        return self._cancel.is_set()


def check_cancel(state: TaskState) -> None:
    if state.cancel_requested():
        raise Cancelled("sync cancelled; nothing already verified is lost, run it again to continue")


class Waiter(Protocol):
    def wait(self, seconds: float, state: TaskState) -> None:
        """Wait ``seconds`` (or less, raising :class:`~fieldwork_app.errors.Cancelled` when cancelled)."""
        ...


class ClockWaiter:
    """Waits in steps of at most 0.1 s, so a Cancel during the wait takes effect at once.  The steps add up to
    the delay whatever ``sleep`` does, so a ``sleep`` that returns early never makes the loop spin or wait
    longer."""

    STEP = 0.1

    def __init__(self, sleep: Callable[[float], None] = time.sleep) -> None:
        self._sleep = sleep

    def wait(self, seconds: float, state: TaskState) -> None:
        left = seconds
        while left > 0:
            check_cancel(state)
            step = min(left, self.STEP)
            self._sleep(step)
            left -= step
        check_cancel(state)
