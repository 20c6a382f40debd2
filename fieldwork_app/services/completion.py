"""Ending a session: the close-out saved and, when the researcher completes it, the session queued for sync.

One call and one research-db transaction: saving the close-out, completing the session and queueing its
bundle(s) all happen or none does, so a completed session is always queued ("a completed session is
queued for sync" is a rule of the core, not of a screen).  The identity store's part (a voucher's
serial and receipt) is its own database: it is written inside this transaction and saved again the same
way by a retry, so it never holds more than the research db says.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fieldwork_app.services import closeout as closeout_svc
from fieldwork_app.services import participants as participants_svc
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.services.clock import Clock
from fieldwork_app.services.workspace import Workspace

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CloseOutResult:
    closeout: closeout_svc.CloseOut
    bundle_id: str | None  # the research bundle queued when the session was completed (None: not sent)


def close_out(
    ws: Workspace,
    session_id: str,
    fields: Mapping[str, Any],
    *,
    complete: bool = False,
    clock: Clock | None = None,
) -> CloseOutResult:
    """Save the close-out (``fields`` as :func:`closeout.save` takes them); with ``complete``, also mark the
    session completed and queue it for sync, in the same transaction."""
    with ws.vault.transaction():
        saved = closeout_svc.save(ws, session_id, clock=clock, **dict(fields))
        if not complete:
            return CloseOutResult(saved, None)
        return _complete_and_queue(ws, session_id, clock)


def _complete_and_queue(ws: Workspace, session_id: str, clock: Clock | None) -> CloseOutResult:
    # A session held back (its participant withdrew and asked for deletion) is completed but never sent.
    held_back = participants_svc.held_back(ws, session_id)
    done = closeout_svc.complete(ws, session_id, clock=clock)
    bundle = None if held_back else sync_svc.queue_session(ws, session_id)
    logger.info("a session was completed (queued for sync: %s)", not held_back)
    return CloseOutResult(done, bundle)


def complete_and_queue(ws: Workspace, session_id: str, *, clock: Clock | None = None) -> CloseOutResult:
    """Complete a session whose close-out is saved, and queue it for sync: one transaction."""
    with ws.vault.transaction():
        return _complete_and_queue(ws, session_id, clock)
