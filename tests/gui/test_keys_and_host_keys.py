"""The sync page shows the study key's fingerprint and lets a researcher add one (or confirm a new one, old and
new fingerprints side by side); the store dialog shows an SFTP server's key fingerprint and saves only once the
researcher confirms it.  Driven by clicks and key presses, at 1366x768 and 1024x600."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.sync.keys import generate_study_keypair, study_key_fingerprint
from fieldwork_app.sync.transports.sftp import host_key_fingerprint
from fieldwork_app.vault import audit
from tests.gui.conftest import unlock
from tests.gui.test_session import run_db

from fieldwork_app.gui.sync.page import build_sync_page

SIZES = [(1366, 768), (1024, 600)]


def _sync_page(qtbot, make_window, vault_dir, size):  # type: ignore[no-untyped-def]
    w = make_window(vault_dir, idle_ms=3_600_000)
    w.resize(*size)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    return w


def _open(qtbot, w):  # type: ignore[no-untyped-def]
    page = build_sync_page(w.ctx)
    w.push_screen(page)
    qtbot.waitUntil(lambda: bool(page.study_key.text()), timeout=5_000)
    return page


def _dialog(qtbot, name: str):  # type: ignore[no-untyped-def]
    def shown():  # type: ignore[no-untyped-def]
        return next(
            (x for x in QApplication.topLevelWidgets() if x.objectName() == name and x.isVisible()), None
        )

    qtbot.waitUntil(lambda: shown() is not None, timeout=5_000)
    return shown()


def _actions(ws, name: str) -> list[dict]:  # type: ignore[no-untyped-def, type-arg]
    return [e.detail for e in audit.entries(ws.db) if e.action == name]


def _visible_inside(widget, window) -> bool:  # type: ignore[no-untyped-def]
    """The widget is shown and its whole rectangle lies within the main window's area (a dialog opens over
    it: on a screen of the window's size, nothing of it may be off-screen)."""
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    bottom_right = widget.mapToGlobal(widget.rect().bottomRight())
    area = window.geometry()
    return widget.isVisible() and area.contains(top_left) and area.contains(bottom_right)


def _tick(qtbot, box) -> None:  # type: ignore[no-untyped-def]
    """Click a check box on its indicator, where a person clicks it."""
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()


@pytest.mark.parametrize("size", SIZES)
def test_a_researcher_adds_the_study_key_on_the_sync_page(
    qtbot, make_window, vault_dir, tmp_path, size
) -> None:  # type: ignore[no-untyped-def]
    pub, _ = generate_study_keypair(tmp_path / "dm")
    fp = study_key_fingerprint(pub.read_text())
    w = _sync_page(qtbot, make_window, vault_dir, size)
    page = _open(qtbot, w)
    assert "no study key yet" in page.study_key.text()
    # no store either: said in the app's words
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    assert "Set up the study store first" in page.message.text() and "fieldwork " not in page.message.text()
    (tmp_path / "usb").mkdir()
    run_db(qtbot, w, lambda ws: sync_svc.add_store(ws, "usb", (tmp_path / "usb").as_uri()))
    page.refresh()
    qtbot.waitUntil(lambda: "usb" in page.store.text(), timeout=5_000)
    # nothing can go without the study key: the page says why, plainly
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "no study key yet" in page.message.text(), timeout=10_000)
    assert "--" not in page.message.text() and "fieldwork " not in page.message.text()

    assert page.study_key_button.text().startswith("Add the study key")
    qtbot.mouseClick(page.study_key_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, "studyKeyDialog")
    assert dialog.old.text() == "none yet" and not dialog.use.isEnabled()
    qtbot.keyClicks(dialog.path, str(tmp_path / "dm" / "nothing.pub"))
    assert dialog.new.text() == "No study key was found in that file." and not dialog.use.isEnabled()
    dialog.path.selectAll()
    qtbot.keyClicks(dialog.path, str(pub))
    assert dialog.new.text() == fp and dialog.use.isEnabled()
    assert (
        not dialog.checked.isVisible()
    )  # adding a key to a study with none: its fingerprint is shown, no change
    assert _visible_inside(dialog.use, w)
    qtbot.mouseClick(dialog.use, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.study_key.text() == f"Study key: {fp}", timeout=5_000)
    assert page.study_key_button.text().startswith("Change the study key")
    assert run_db(qtbot, w, lambda ws: packs_svc.study_keys(ws).study_key) == fp
    pinned = run_db(qtbot, w, lambda ws: _actions(ws, "pack.keys_pinned"))
    assert pinned and pinned[-1]["study_key"] == fp


@pytest.mark.parametrize("size", SIZES)
def test_a_new_study_key_needs_its_fingerprint_confirmed(
    qtbot, make_window, vault_dir, tmp_path, size
) -> None:  # type: ignore[no-untyped-def]
    old_pub, _ = generate_study_keypair(tmp_path / "dm")
    new_pub, _ = generate_study_keypair(tmp_path / "other")
    old_fp, new_fp = study_key_fingerprint(old_pub.read_text()), study_key_fingerprint(new_pub.read_text())
    w = _sync_page(qtbot, make_window, vault_dir, size)
    run_db(qtbot, w, lambda ws: packs_svc.import_pack(ws, example=True, study_key_file=old_pub))
    page = _open(qtbot, w)
    qtbot.waitUntil(lambda: page.study_key.text() == f"Study key: {old_fp}", timeout=5_000)

    # Cancel: nothing changes
    qtbot.mouseClick(page.study_key_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, "studyKeyDialog")
    qtbot.keyClicks(dialog.path, str(new_pub))
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert run_db(qtbot, w, lambda ws: packs_svc.study_keys(ws).study_key) == old_fp

    qtbot.mouseClick(page.study_key_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, "studyKeyDialog")
    assert dialog.windowTitle() == "Change the study key"
    qtbot.keyClicks(dialog.path, str(new_pub))
    assert dialog.old.text() == old_fp and dialog.new.text() == new_fp  # old and new, side by side
    assert dialog.warning.isVisible() and dialog.checked.isVisible()
    assert not dialog.use.isEnabled()  # not before the researcher says they checked it
    qtbot.mouseClick(dialog.use, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert _visible_inside(dialog.checked, w) and _visible_inside(dialog.use, w)
    _tick(qtbot, dialog.checked)
    assert dialog.checked.isChecked() and dialog.use.isEnabled()
    qtbot.mouseClick(dialog.use, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.study_key.text() == f"Study key: {new_fp}", timeout=5_000)
    assert "Study key saved" in page.message.text()
    (change,) = run_db(qtbot, w, lambda ws: _actions(ws, "pack.key_changed"))
    assert change == {"what": "study key", "old": old_fp, "new": new_fp, "confirmed_by": "user"}


def test_identity_data_waiting_for_its_store_is_explained_in_the_apps_words(
    qtbot, make_window, vault_dir, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from fieldwork_app.services import closeout
    from tests.gui.test_session import consented_session

    pub, _ = generate_study_keypair(tmp_path / "dm")
    pack = tmp_path / "pack"
    shutil.copytree(packs_svc.example_pack_path(), pack)
    text = (pack / "pack.yaml").read_text().replace("identity_store: null", "identity_store: register")
    text = text.replace('version: "1.1"', 'version: "1.2"', 1)  # a changed pack carries a new version
    (pack / "pack.yaml").write_text(text)
    (tmp_path / "usb").mkdir()
    w = _sync_page(qtbot, make_window, vault_dir, SIZES[1])

    def setup(ws):  # type: ignore[no-untyped-def]
        packs_svc.import_pack(ws, pack, study_key_file=pub)
        sync_svc.add_store(ws, "usb", (tmp_path / "usb").as_uri())
        sid = consented_session(ws)
        closeout.save(ws, sid, wellbeing="fine")
        closeout.complete(ws, sid)
        sync_svc.queue_session(ws, sid)

    run_db(qtbot, w, setup)
    page = _open(qtbot, w)
    seen: list[str] = []
    page.p.message.connect(lambda text, _role: seen.append(text))
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1 sent and verified, 1 not sent" in page.message.text(), timeout=20_000)
    waiting = [t for t in seen if "Identity data waits" in t]
    assert waiting and "a store named register" in waiting[0]
    assert not any("fieldwork " in t or "--" in t for t in seen)


def _store_dialog(qtbot, page, server, name: str):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.store_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, "storeDialog")
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)  # folder -> SFTP
    assert dialog.kind.currentData() == "sftp"
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, name)
    qtbot.keyClicks(dialog.url, server.url)
    qtbot.keyClicks(dialog.key_file, server.options["key_file"])
    return dialog


@pytest.mark.parametrize("size", SIZES)
def test_the_store_dialog_shows_the_sftp_host_key_and_saves_only_once_confirmed(
    qtbot, make_window, vault_dir, sftp_server, size
) -> None:  # type: ignore[no-untyped-def]
    server = sftp_server.fresh()
    fp = host_key_fingerprint(server.options["host_key"])
    w = _sync_page(qtbot, make_window, vault_dir, size)
    page = _open(qtbot, w)
    dialog = _store_dialog(qtbot, page, server, "uni-sftp")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: fp in dialog.host_key.text(), timeout=15_000)
    assert dialog.isVisible() and dialog.host_key_ok.isVisible() and not dialog.host_key_ok.isChecked()
    assert _visible_inside(dialog.host_key_ok, w) and _visible_inside(save, w)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # not confirmed yet: it asks, and saves nothing
    assert "tick the box" in dialog.error.text() and dialog.isVisible()
    assert run_db(qtbot, w, sync_svc.list_stores) == []
    _tick(qtbot, dialog.host_key_ok)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "uni-sftp" in page.store.text(), timeout=5_000)
    (store,) = run_db(qtbot, w, sync_svc.list_stores)
    assert store.options["host_key"] == server.options["host_key"]
    assert "accept_new_host_key" not in store.options


def test_the_store_dialog_refuses_a_server_whose_key_is_not_the_one_typed_in(
    qtbot, make_window, vault_dir, sftp_server
) -> None:  # type: ignore[no-untyped-def]
    server = sftp_server.fresh()
    fp = host_key_fingerprint(server.options["host_key"])
    w = _sync_page(qtbot, make_window, vault_dir, SIZES[0])
    page = _open(qtbot, w)
    dialog = _store_dialog(qtbot, page, server, "typed")
    qtbot.keyClicks(dialog.expected, "SHA256:" + "x" * 43)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not the one you typed in" in dialog.error.text(), timeout=15_000)
    assert dialog.isVisible() and run_db(qtbot, w, sync_svc.list_stores) == []
    dialog.expected.selectAll()
    qtbot.keyClicks(dialog.expected, fp)  # the right one: the check is the confirmation
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "matches the fingerprint you typed in" in dialog.host_key.text(), timeout=15_000)
    assert dialog.host_key_ok.isChecked()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "typed" in page.store.text(), timeout=5_000)
    (store,) = run_db(qtbot, w, sync_svc.list_stores)
    assert store.options["host_key"] == server.options["host_key"]


def test_fingerprint_helpers(tmp_path: Path) -> None:
    pub, _ = generate_study_keypair(tmp_path)
    fp = study_key_fingerprint(pub.read_text())
    assert fp.startswith("SHA256:") and len(fp) == 7 + 43 and study_key_fingerprint("") == ""


def _pack_with_key(tmp_path: Path, name: str, pub: Path, version: str) -> Path:
    import shutil

    pack = tmp_path / name
    shutil.copytree(packs_svc.example_pack_path(), pack)
    text = (pack / "pack.yaml").read_text()
    text = text.replace('study_public_key: ""', f'study_public_key: "{pub.read_text().strip()}"')
    (pack / "pack.yaml").write_text(text.replace('version: "1.1"', f'version: "{version}"', 1))
    return pack


def _import_through_the_page(qtbot, page, pack: Path):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.pack_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, "packImportDialog")
    assert not dialog.import_button.isEnabled()
    qtbot.keyClicks(dialog.path, str(pack))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("size", SIZES)
def test_a_pack_that_swaps_the_study_key_needs_the_new_fingerprint_confirmed(
    qtbot, make_window, vault_dir, tmp_path, size
) -> None:  # type: ignore[no-untyped-def]
    old_pub, _ = generate_study_keypair(tmp_path / "dm")
    new_pub, _ = generate_study_keypair(tmp_path / "forger")
    old_fp, new_fp = study_key_fingerprint(old_pub.read_text()), study_key_fingerprint(new_pub.read_text())
    w = _sync_page(qtbot, make_window, vault_dir, size)
    run_db(qtbot, w, lambda ws: packs_svc.import_pack(ws, example=True, study_key_file=old_pub))
    page = _open(qtbot, w)
    qtbot.waitUntil(lambda: page.study_key.text() == f"Study key: {old_fp}", timeout=5_000)
    swapped = _pack_with_key(tmp_path, "swapped", new_pub, "1.2")

    def state(ws):  # type: ignore[no-untyped-def]
        return packs_svc.list_packs(ws), [(e.seq, e.action) for e in audit.entries(ws.db)]

    before = run_db(qtbot, w, state)
    _import_through_the_page(qtbot, page, swapped)
    dialog = _dialog(qtbot, "keyChangeDialog")
    (old, new) = dialog.rows[0]
    assert (old.text(), new.text()) == (old_fp, new_fp)  # old and new fingerprints side by side
    assert _visible_inside(dialog.confirm, w) and _visible_inside(dialog.checked, w)
    assert not dialog.confirm.isEnabled()
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "nothing changed" in page.message.text(), timeout=5_000)
    assert run_db(qtbot, w, state) == before  # refused: nothing imported, nothing audited

    _import_through_the_page(qtbot, page, swapped)
    dialog = _dialog(qtbot, "keyChangeDialog")
    _tick(qtbot, dialog.checked)
    assert dialog.confirm.isEnabled()
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.study_key.text() == f"Study key: {new_fp}", timeout=5_000)
    assert "version 1.2 imported" in page.message.text()
    (change,) = run_db(qtbot, w, lambda ws: _actions(ws, "pack.key_changed"))
    assert change == {"what": "study key", "old": old_fp, "new": new_fp, "confirmed_by": "user"}


def test_an_unsigned_pack_after_a_signed_one_is_refused_in_plain_words(
    qtbot, make_window, vault_dir, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from fieldwork_app.studypack import load_pack_files
    from fieldwork_app.studypack.signature import write_signature
    from fieldwork_app.sync.dmkeys import DataManagerKey

    pub, _ = generate_study_keypair(tmp_path / "dm")
    signed = _pack_with_key(tmp_path, "signed", pub, "1.2")
    key = DataManagerKey.generate()
    loaded, files = load_pack_files(signed)
    write_signature(signed, loaded, files, key.public_bytes(), key.sign)
    unsigned = _pack_with_key(tmp_path, "unsigned", pub, "1.3")
    w = _sync_page(qtbot, make_window, vault_dir, SIZES[1])
    page = _open(qtbot, w)
    _import_through_the_page(qtbot, page, signed)
    qtbot.waitUntil(lambda: "version 1.2 imported" in page.message.text(), timeout=5_000)
    assert key.fingerprint() in page.message.text()  # the signer it pinned
    _import_through_the_page(qtbot, page, unsigned)
    qtbot.waitUntil(lambda: "was not imported" in page.message.text(), timeout=5_000)
    assert "signature" in page.message.text() and "--" not in page.message.text()
    assert run_db(qtbot, w, lambda ws: ws.pack().version) == "1.2"
