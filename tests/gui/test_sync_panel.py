"""The sync panel: a completed session sent to a folder store, progress shown, the outbox turning verified,
and a clear error for a store that cannot be reached; the window stays responsive throughout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from fieldwork_app.services import closeout
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.sync.keys import generate_study_keypair
from tests.gui.conftest import unlock
from tests.gui.test_session import consented_session, run_db

from fieldwork_app.gui.sync.page import build_sync_page


def _completed(ws, pub: Path, url: str) -> str:  # type: ignore[no-untyped-def]
    packs_svc.import_pack(ws, example=True, study_key_file=pub)
    sync_svc.add_store(ws, "usb", url)
    sid = consented_session(ws)
    closeout.save(ws, sid, wellbeing="fine")
    closeout.complete(ws, sid)
    sync_svc.queue_session(ws, sid)
    return sid


def _page_on_a_dead_store(qtbot, make_window, vault_dir, tmp_path, closed_port):  # type: ignore[no-untyped-def]
    """The sync panel of a laptop whose only store refuses every connection, with one session waiting."""
    pub, _ = generate_study_keypair(tmp_path / "dm")
    w = make_window(vault_dir, idle_ms=3_600_000)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)

    def setup(ws):  # type: ignore[no-untyped-def]
        sid = _completed(ws, pub, f"file://{tmp_path}")
        sync_svc.remove_store(ws, "usb")
        sync_svc.add_store(
            ws, "dead", f"sftp://nobody@127.0.0.1:{closed_port}/none", {"timeout": 2}, {"password": "x"}
        )
        return sid

    run_db(qtbot, w, setup)
    page = build_sync_page(w.ctx)
    w.push_screen(page)
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 1, timeout=5_000)
    return w, page


def test_sync_a_completed_session_to_a_folder_store(
    qtbot, make_window, vault_dir, folder_store, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    pub, _ = generate_study_keypair(tmp_path / "dm")
    store = folder_store.fresh()
    w = make_window(vault_dir, idle_ms=3_600_000)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    sid = run_db(qtbot, w, lambda ws: _completed(ws, pub, store.url))
    page = build_sync_page(w.ctx)
    w.push_screen(page)
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 1, timeout=5_000)
    item = page.tree.topLevelItem(0)
    assert item.text(0) == sid and item.text(1) == "waiting"
    assert item.text(2) == "none" and item.text(3) == "not packed yet"  # no takes in this session
    assert item.text(4).endswith("(just now)")
    assert "usb" in page.store.text()
    fp = run_db(qtbot, w, sync_svc.device_fingerprint)
    assert fp in page.fingerprint.text() and "Last bundle number: 0" in page.fingerprint.text()

    seen: list[tuple[int, int]] = []
    page.p.progress.connect(lambda _b, done, total, _left: seen.append((done, total)))
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    assert not page.sync_button.isEnabled() and page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: "sent and verified" in page.message.text(), timeout=20_000)
    assert seen and any(total > 0 for _d, total in seen)
    assert page.bar.value() == 1000
    qtbot.waitUntil(
        lambda: page.tree.topLevelItemCount() == 1 and page.tree.topLevelItem(0).text(1) == "verified"
    )
    assert page.sync_button.isEnabled() and not page.cancel_button.isEnabled()
    rows = run_db(qtbot, w, sync_svc.outbox)
    assert rows[0]["state"] == "verified" and rows[0]["bytes_total"] > 0
    done = page.tree.topLevelItem(0)
    assert done.text(2) == "none left here" and done.text(3).endswith(" KB") and "(" not in done.text(4)
    # the number the data manager compares with the store's newest for this laptop
    assert run_db(qtbot, w, sync_svc.last_numbers) == {"research": 1}
    qtbot.waitUntil(lambda: "Last bundle number: 1" in page.fingerprint.text(), timeout=5_000)


def test_an_unreachable_store_says_so_and_keeps_the_data(
    qtbot, make_window, vault_dir, tmp_path, closed_port
) -> None:  # type: ignore[no-untyped-def]
    w, page = _page_on_a_dead_store(qtbot, make_window, vault_dir, tmp_path, closed_port)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    # six attempts with backoff (about 16 s of waiting) before the sync gives up
    qtbot.waitUntil(lambda: "not sent" in page.message.text(), timeout=60_000)
    qtbot.waitUntil(lambda: page.tree.topLevelItem(0).text(1) == "not sent", timeout=5_000)
    rows = run_db(qtbot, w, sync_svc.outbox)
    assert rows[0]["state"] == "failed"


def test_set_up_a_folder_store_through_the_dialog(qtbot, make_window, vault_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    store_dir = tmp_path / "usb"
    store_dir.mkdir()
    w = make_window(vault_dir, idle_ms=3_600_000)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    page = build_sync_page(w.ctx)
    w.push_screen(page)
    qtbot.waitUntil(lambda: "No study store" in page.store.text(), timeout=5_000)
    qtbot.mouseClick(page.store_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(
            x.objectName() == "storeDialog" and x.isVisible() for x in QApplication.topLevelWidgets()
        ),
        timeout=5_000,
    )
    dialog = next(x for x in QApplication.topLevelWidgets() if x.objectName() == "storeDialog")
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "usb-drive")
    qtbot.keyClicks(dialog.url, str(store_dir))
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "usb-drive" in page.store.text(), timeout=5_000)
    stores = run_db(qtbot, w, sync_svc.list_stores)
    assert [s.name for s in stores] == ["usb-drive"] and stores[0].url == store_dir.as_uri()


def test_cancel_stops_a_sync_that_is_waiting_to_retry(
    qtbot, make_window, vault_dir, tmp_path, closed_port
) -> None:  # type: ignore[no-untyped-def]
    w, page = _page_on_a_dead_store(qtbot, make_window, vault_dir, tmp_path, closed_port)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Sending" in page.message.text(), timeout=10_000)
    qtbot.wait(3_800)  # four attempts have failed; the job now backs off for 4 s before the next one
    import time

    clicked = time.monotonic()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Sync cancelled" in page.message.text(), timeout=5_000)
    assert time.monotonic() - clicked < 2.0  # at once, not at the end of the back-off
    assert page.sync_button.isEnabled() and not page.cancel_button.isEnabled()
    rows = run_db(qtbot, w, sync_svc.outbox)
    assert rows[0]["state"] == "queued" and rows[0]["last_error"] is None  # it waits, as before
    qtbot.waitUntil(lambda: page.tree.topLevelItem(0).text(1) == "waiting", timeout=5_000)
