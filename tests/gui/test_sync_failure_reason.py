"""A sync whose outbox (where a session is encrypted before it is sent) is on a full disk says this laptop's
disk is full and to free space on it and try again, not "before recording", and the session waits in the outbox;
why it was not sent stays on the sync page after the try: the list item a sync left "not sent" says the stored
reason in the app's words, in its tooltip (the mouse resting on the row) and under the list (the row chosen with
a click or the arrow keys), also once the page is opened again, at 1366x768 and 1024x600.  The page fits the
window's width with a study key set, shows the result under Sync now and leaves the keys there.  A folder store
(a USB stick) that fills up is said to be the store's, not this laptop's.  The outbox on a real small filesystem
that is full (a tmpfs), so the sync fails for a reason of its own."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QScrollArea, QToolTip, QWidget

from fieldwork_app.services import sync as sync_svc
from fieldwork_app.sync.keys import generate_study_keypair
from tests.gui.test_analysis_browse import _click
from tests.gui.test_fit_and_keys import SIZES, open_app, scroll_into_view
from tests.gui.test_session import run_db
from tests.gui.test_sync_panel import _completed
from tests.support.servers import tiny_disk

from fieldwork_app.gui.sync.page import build_sync_page

FULL = "This laptop's disk is full: free some space on it, then try again. Nothing saved before was lost."
WHY = f"Last try failed: {FULL}"


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
    _fits_across(page)
    with tiny_disk(vault_dir.outbox, "4k"):
        _click(qtbot, page.sync_button)
        qtbot.waitUntil(lambda: "not sent (see the list)" in page.message.text(), timeout=30_000)
        qtbot.waitUntil(page.sync_button.isEnabled, timeout=30_000)
        # the result is shown where the researcher looks, without scrolling, and the keys are on Sync now
        qtbot.waitUntil(lambda: _wholly_shown(page.message), timeout=5_000)
        assert QApplication.focusWidget() is page.sync_button
        # so the key that pressed it tries again (not "Set up the study store…", the next button), also once
        # the researcher has scrolled back up to the list: the result is brought into view again
        _area(page).verticalScrollBar().setValue(0)
        if size == (1024, 600):  # the page is taller than the small screen: the result is out of view
            qtbot.waitUntil(lambda: not _wholly_shown(page.message), timeout=5_000)
        with qtbot.waitSignal(page.p.running, check_params_cb=lambda on: on is False, timeout=30_000):
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
        assert not [d for d in QApplication.topLevelWidgets() if isinstance(d, QDialog) and d.isVisible()]
        assert QApplication.focusWidget() is page.sync_button
        qtbot.waitUntil(lambda: _wholly_shown(page.message), timeout=5_000)
    _fits_across(page)
    text = page.message.text()
    assert page.message.isVisible() and page.message.property("role") == "error"
    assert text.splitlines() == [
        "0 sent and verified, 1 not sent (see the list).",
        FULL,
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


def _area(page: QWidget) -> QScrollArea:
    area = page.findChild(QScrollArea, options=Qt.FindChildOption.FindDirectChildrenOnly)
    assert area is not None
    return area


def _wholly_shown(widget: QWidget) -> bool:
    """Every pixel of the widget is inside the page's visible area (nothing cut off, no scrolling needed)."""
    region = widget.visibleRegion()
    return widget.isVisible() and region.boundingRect() == widget.rect() and region.rectCount() == 1


def _fits_across(page: QWidget) -> None:
    """The page is no wider than its window: no sideways scrolling, the study key (one long word) and both of
    its buttons shown whole, the key selectable to be copied."""
    area = _area(page)
    assert not area.horizontalScrollBar().isVisible()
    assert area.widget().width() <= area.viewport().width()
    key = page.findChild(QWidget, "studyKeyFingerprint")
    assert key.text().startswith("Study key: SHA256:") and key.textInteractionFlags() & (
        Qt.TextInteractionFlag.TextSelectableByMouse
    )
    area.verticalScrollBar().setValue(0)  # the top of the page, as it opens
    QApplication.processEvents()
    for name in ("studyKeyFingerprint", "studyKeyButton", "packImportButton"):
        assert _wholly_shown(page.findChild(QWidget, name)), name


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_full_folder_store_is_said_to_be_the_stores_not_this_laptops(  # type: ignore[no-untyped-def]
    qtbot, make_window, vault_dir, tmp_path, size
) -> None:
    """The study store a folder on a tiny disk (a USB stick that is full): the sync says the store is full, so
    the researcher clears the stick, not the laptop."""
    pub, _ = generate_study_keypair(tmp_path / "dm")
    usb = tmp_path / "usb"
    w = open_app(qtbot, make_window, vault_dir, size)
    with tiny_disk(usb, "4k"):
        run_db(qtbot, w, lambda ws: _completed(ws, pub, usb.as_uri()))
        page = build_sync_page(w.ctx)
        w.push_screen(page)
        qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 1, timeout=5_000)
        _click(qtbot, page.sync_button)
        qtbot.waitUntil(lambda: "not sent (see the list)" in page.message.text(), timeout=30_000)
        qtbot.waitUntil(page.sync_button.isEnabled, timeout=30_000)
        qtbot.waitUntil(lambda: _wholly_shown(page.message), timeout=5_000)
    store_full = (
        "The study store is full (the store, not this laptop): free some space on it, or ask the data manager "
        "to, then sync again. What was not sent waits on this laptop."
    )
    assert page.message.text().splitlines() == ["0 sent and verified, 1 not sent (see the list).", store_full]
    assert "laptop's disk" not in page.message.text()
    (row,) = run_db(qtbot, w, sync_svc.outbox)
    assert row["state"] == "failed" and row["last_error_kind"] == "store-full"
    assert QApplication.focusWidget() is page.sync_button
