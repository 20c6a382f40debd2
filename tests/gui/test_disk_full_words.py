"""A full disk said where it happens: a sync whose outbox (where a session is encrypted before it is sent)
is on a full disk says the disk is full and to free space and try again, not "before recording", and the
session waits in the outbox; the recorder's own problem keeps its recording words.  The sync runs on a real
small filesystem (a 4 KB tmpfs over the outbox), through the sync page's button, at 1366x768 and 1024x600."""

from __future__ import annotations

import errno

import pytest

from fieldwork_app.errors import ErrorKind, FieldworkError
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.sync.keys import generate_study_keypair
from tests.gui.test_analysis_browse import _click
from tests.gui.test_fit_and_keys import SIZES, open_app
from tests.gui.test_session import run_db
from tests.gui.test_sync_panel import _completed
from tests.support.servers import tiny_disk

from fieldwork_app.gui.messages import describe, recording_problem
from fieldwork_app.gui.sync.page import build_sync_page


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_sync_onto_a_full_disk_says_so_in_the_words_of_a_sync(  # type: ignore[no-untyped-def]
    qtbot, make_window, vault_dir, tmp_path, size
) -> None:
    pub, _ = generate_study_keypair(tmp_path / "dm")
    (tmp_path / "usb").mkdir()
    w = open_app(qtbot, make_window, vault_dir, size)
    sid = run_db(qtbot, w, lambda ws: _completed(ws, pub, (tmp_path / "usb").as_uri()))
    page = build_sync_page(w.ctx)
    w.push_screen(page)
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 1, timeout=5_000)
    with tiny_disk(vault_dir.outbox, "4k"):
        _click(qtbot, page.sync_button)
        qtbot.waitUntil(lambda: "not sent (see the list)" in page.message.text(), timeout=30_000)
        qtbot.waitUntil(page.sync_button.isEnabled, timeout=30_000)
    text = page.message.text()
    assert page.message.isVisible() and page.message.property("role") == "error"
    assert text.splitlines() == [
        "0 sent and verified, 1 not sent (see the list).",
        "The disk is full: free some space, then try again. Nothing saved before was lost.",
    ], text
    assert "record" not in text  # nothing was being recorded
    rows = run_db(qtbot, w, sync_svc.outbox)
    assert [(r["session_id"], r["state"]) for r in rows] == [(sid, "failed")]  # waiting to be sent again


def test_the_recorders_full_disk_is_said_for_the_recording_and_a_raw_one_plainly(qapp) -> None:  # type: ignore[no-untyped-def]
    """The words each place picks: the recorder's (the session and consent pages' recording messages) for a take;
    the general one for everything else, and for a full disk met while writing a file outside the vault."""
    full = FieldworkError("take.fwa: the disk is full; the take was ended", kind=ErrorKind.DISK_FULL)
    assert recording_problem(full).startswith("The disk is full, so nothing more can be recorded.")
    assert describe(full).startswith("The disk is full: free some space, then try again.")
    raw = OSError(errno.ENOSPC, "No space left on device")
    assert describe(raw) == describe(full) and recording_problem(raw) == recording_problem(full)
    other = FieldworkError("no microphone", kind=ErrorKind.NO_DEVICE)
    assert recording_problem(other) == describe(other)
