"""A sync whose outbox (where a session is encrypted before it is sent) is on a full disk says the disk is full
and to free space and try again, not "before recording", and the session waits in the outbox; why it was not
sent stays on the sync page after the try: the list item a sync left "not sent" says the stored reason in the
app's words, in its tooltip (the mouse resting on the row) and under the list (the row chosen with a click or
the arrow keys), also once the page is opened again, at 1366x768 and 1024x600.  The outbox on a real small
filesystem that is full (a tmpfs), so the sync fails for a reason of its own."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip

from fieldwork_app.services import sync as sync_svc
from fieldwork_app.sync.keys import generate_study_keypair
from tests.gui.test_analysis_browse import _click
from tests.gui.test_fit_and_keys import SIZES, open_app, scroll_into_view
from tests.gui.test_session import run_db
from tests.gui.test_sync_panel import _completed
from tests.support.servers import tiny_disk

from fieldwork_app.gui.sync.page import build_sync_page

WHY = "Last try failed: The disk is full: free some space, then try again. Nothing saved before was lost."


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_session_not_sent_says_why_on_its_row(  # type: ignore[no-untyped-def]
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
    (row,) = run_db(qtbot, w, sync_svc.outbox)
    assert row["session_id"] == sid and row["state"] == "failed"  # waiting to be sent again
    assert row["last_error"] and row["last_error_kind"] == "disk-full"

    # the page opened again later: what it shows comes from what was stored
    w.pop_screen(page)
    page = build_sync_page(w.ctx)
    w.push_screen(page)
    qtbot.waitUntil(
        lambda: page.tree.topLevelItemCount() == 1 and page.tree.topLevelItem(0).text(1) == "not sent",
        timeout=5_000,
    )
    item = page.tree.topLevelItem(0)
    assert item.text(0) == sid and item.text(5) == "last try failed"
    assert not page.details.isVisible()

    # the mouse rests on the row's note, then on its session: the tooltip says why
    for column in (5, 0):
        rect = page.tree.visualItemRect(item)
        x = page.tree.header().sectionViewportPosition(column) + 5
        QTest.mouseMove(page.tree.viewport(), QPoint(x, rect.center().y()))  # the mouse comes onto the row ...
        QTest.qWait(50)
        QTest.mouseMove(page.tree.viewport(), QPoint(x + 3, rect.center().y()))  # ... and rests there
        qtbot.waitUntil(lambda: QToolTip.isVisible() and _shown(QToolTip.text()) == WHY, timeout=5_000)
        QToolTip.hideText()

    # chosen with a click: the reason is written under the list, and stays there as the page refreshes
    rect = page.tree.visualItemRect(item)
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(page.details.isVisible, timeout=5_000)
    assert page.details.text() == f"{sid}: {WHY}"
    scroll_into_view(page.details)  # as a person scrolls to read it on a small screen
    qtbot.waitUntil(lambda: not page.details.visibleRegion().isEmpty(), timeout=5_000)
    page.refresh()
    qtbot.waitUntil(lambda: page.tree.currentItem() is not None, timeout=5_000)
    assert page.details.isVisible() and page.details.text() == f"{sid}: {WHY}"
    for secret in ("Errno", "ENOSPC", "No space left", str(vault_dir.outbox)):
        assert secret not in page.details.text() and secret not in _shown(page.tree.topLevelItem(0).toolTip(5))


def _shown(tip: str) -> str:
    """A tooltip's text as it reads on screen (the page escapes it and marks it up to be shown as written)."""
    doc = QTextDocument()
    doc.setHtml(tip)
    return doc.toPlainText()
