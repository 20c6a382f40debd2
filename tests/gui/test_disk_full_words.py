"""A full disk said where it happens: the recorder's own problem (a take refused at the start, or ended as the
disk fills) is said in recording words (a sync's full disk, in a sync's words: tests/gui/test_sync_failure_reason.py).
Each runs on a real small filesystem (a tmpfs over the audio folder), through the page's own buttons, at 1366x768
and 1024x600."""

from __future__ import annotations

import errno

import pytest

from fieldwork_app.errors import ErrorKind, FieldworkError
from tests.gui.test_fit_and_keys import SIZES, click, open_app, open_from_home, start_recording
from tests.gui.test_session import consented_session, run_db
from tests.support.servers import tiny_disk

from fieldwork_app.gui.messages import describe, recording_problem


def test_the_recorders_full_disk_is_said_for_the_recording_and_a_raw_one_plainly(qapp) -> None:  # type: ignore[no-untyped-def]
    """The words each place picks: the recorder's (the session and consent pages' recording messages) for a take;
    the general one for everything else, and for a full disk met while writing a file outside the vault."""
    full = FieldworkError("take.fwa: the disk is full; the take was ended", kind=ErrorKind.DISK_FULL)
    assert recording_problem(full).startswith("This laptop's disk is full, so nothing more can be recorded.")
    assert describe(full).startswith("This laptop's disk is full: free some space on it, then try again.")
    # the core's DISK_FULL is this laptop's own disk; a file written to a folder the researcher chose may be
    # on any disk (a USB stick), so that one is not said to be this laptop's
    raw = OSError(errno.ENOSPC, "No space left on device")
    assert describe(raw).startswith("The disk the file was being saved to is full: free some space on it")
    assert recording_problem(raw) == recording_problem(full)  # the recorder writes only to this laptop
    store = FieldworkError("usb: the store is full", kind=ErrorKind.STORE_FULL)
    assert describe(store).startswith("The study store is full (the store, not this laptop)")
    other = FieldworkError("no microphone", kind=ErrorKind.NO_DEVICE)
    assert recording_problem(other) == describe(other)


@pytest.mark.audio
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_take_on_a_full_disk_is_said_in_the_words_of_a_recording(  # type: ignore[no-untyped-def]
    qtbot, make_window, vault_dir, virtual_mic, size
) -> None:
    """The audio folder on a 16 MB disk (less than the recorder keeps free): Start recording is refused, and
    the session screen says what that means for the recording."""
    virtual_mic.use_sine()
    w = open_app(qtbot, make_window, vault_dir, size)
    sid = run_db(qtbot, w, consented_session)
    screen = open_from_home(qtbot, w, sid)
    with tiny_disk(vault_dir.audio, "16m"):
        click(qtbot, screen.bar.start_button)
        qtbot.waitUntil(screen.message.isVisible, timeout=10_000)
    assert screen.message.text() == (
        "This laptop's disk is full, so nothing more can be recorded. Free some space on it before the next take."
    )
    assert screen.bar.current == "failed" and w.ctx.recorder.take is None
    assert screen.bar.state_label.text() == "Disk full"


@pytest.mark.audio
def test_a_disk_filling_during_a_take_ends_it_in_the_words_of_a_recording(  # type: ignore[no-untyped-def]
    qtbot, make_window, vault_dir, virtual_mic
) -> None:
    """The audio folder on an 80 MB disk: the take starts (with a low-space warning), then the disk fills up
    while it records (another file takes the space): the take ends, kept, and the screen says why."""
    virtual_mic.use_sine()
    w = open_app(qtbot, make_window, vault_dir, (1024, 600))
    sid = run_db(qtbot, w, consented_session)
    screen = open_from_home(qtbot, w, sid)
    with tiny_disk(vault_dir.audio, "80m") as disk:
        start_recording(qtbot, w, screen)
        with open(disk / "filler", "wb") as fh:
            fh.write(b"\0" * (40 * 2**20))
        qtbot.waitUntil(lambda: "nothing more can be recorded" in screen.message.text(), timeout=20_000)
        qtbot.waitUntil(lambda: w.ctx.recorder.take is None, timeout=10_000)
        (disk / "filler").unlink()
    assert screen.message.text() == (
        "This laptop's disk is full, so nothing more can be recorded. Free some space on it before the next take. "
        "What was recorded is kept."
    )
    assert screen.bar.state_label.text() == "Disk full"
    # the take is listed while it records; what was recorded is kept, sealed, once the stop's refresh comes
    qtbot.waitUntil(
        lambda: screen.takes.count() == 1 and screen.takes.item(0).text().endswith("· saved"), timeout=10_000
    )
