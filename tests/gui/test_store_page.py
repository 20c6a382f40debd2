"""The data manager's study store section of the analysis page, used as they would: the store's URL and the study
key typed in, Verify, Unpack into folder, Cancel and Trust this laptop pressed, at 1366x768 and 1024x600, against
a real folder store holding genuine bundles from a trusted laptop and a bundle forged by someone who holds only
the store credential and the public study key."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea, QWidget

from fieldwork_app.cli.main import main
from fieldwork_app.sync.engine import upload_bundle
from fieldwork_app.sync.keys import DeviceKey, load_identity, load_recipient
from fieldwork_app.sync.transports import open_transport
from tests.gui.conftest import unlock
from tests.support.servers import SyncKit
from tests.unit.test_error_codes import CLI_WORDS

pytestmark = pytest.mark.servers

NOTES = "M-001/S-0001/notes.json"
GENUINE = {NOTES: b'{"from": "laptop A"}'}
SECOND = {"M-002/S-0002/notes.json": b'{"from": "laptop A, second session"}'}
LONG = {"M-003/S-0003/audio/long.bin": os.urandom(8 * 1024 * 1024)}  # many chunks: unpack takes a while


def _store(kit: SyncKit, tmp: Path, *, trusted: bool) -> tuple[Path, Path, DeviceKey]:
    """A study key made with 'study keygen', laptop A trusted with 'study devices add' (if ``trusted``), and
    a folder store holding laptop A's bundles and one forged by another key."""
    keys = tmp / "keys"
    assert main(["study", "keygen", "--out", str(keys)]) == 0
    kit.identity = load_identity(keys / "study.key")
    kit.recipient = load_recipient(keys / "study.pub")
    if trusted:
        name = ["--name", "laptop A", "--key", str(keys / "study.key")]
        assert main(["study", "devices", "add", kit.device.fingerprint(), *name]) == 0
    root = tmp / "store"
    root.mkdir()
    mallory = DeviceKey.generate()

    def send(bundle_id: str, files: dict[str, bytes], device: Any = None, **spec: Any) -> None:
        t = open_transport(root.as_uri())
        try:
            upload_bundle(kit.stage(kit.spec(bundle_id, files, device=device, **spec), 16 * 1024, device), t)
        finally:
            t.close()

    send("b-genuine", GENUINE)
    send("b-second", SECOND, participants=("M-002",))
    send("b-long", LONG, participants=("M-003",))
    send("b-forged", {NOTES: b'{"from": "mallory"}'}, device=mallory)
    return root, keys / "study.key", mallory


def _open_page(qtbot, make_window, vault_dir, size):  # type: ignore[no-untyped-def]
    w = make_window(vault_dir, idle_ms=3_600_000)
    w.resize(*size)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    item = next(
        w.nav.item(i) for i in range(w.nav.count()) if w.nav.item(i).text() == "Analysis"
    )
    qtbot.mouseClick(w.nav.viewport(), Qt.MouseButton.LeftButton, pos=w.nav.visualItemRect(item).center())
    page = w.page("analysis")
    qtbot.waitUntil(page.isVisible, timeout=5_000)
    assert (w.width(), w.height()) == size
    return w, page


def _click(qtbot, w, widget: QWidget, pos: QPoint | None = None) -> None:  # type: ignore[no-untyped-def]
    """Scroll the page to the widget as a person would, check it is on screen, and click it."""
    area = widget.parent()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parent()
    assert area is not None
    area.ensureWidgetVisible(widget)
    assert widget.isVisible() and widget.isEnabled() and widget.width() > 0
    assert widget.mapTo(w, widget.rect().bottomRight()).x() <= w.width()
    top = widget.mapTo(area.viewport(), widget.rect().center())
    assert area.viewport().rect().contains(top)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())


def _type(qtbot, w, edit: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    _click(qtbot, w, edit)
    QTest.keyClicks(edit, text)


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_verify_names_the_forgery_and_unpack_cancels_then_writes_the_analysis_folder(
    qtbot, make_window, vault_dir, tmp_path, sync_kit, size
) -> None:  # type: ignore[no-untyped-def]
    root, key, mallory = _store(sync_kit, tmp_path, trusted=True)
    w, page = _open_page(qtbot, make_window, vault_dir, size)

    _click(qtbot, w, page.verify_button)
    assert page.store_message.text() == "Fill in the store URL and the study key file first."
    _type(qtbot, w, page.url_edit, root.as_uri())
    _type(qtbot, w, page.key_edit, str(key))
    _click(qtbot, w, page.verify_button)
    qtbot.waitUntil(lambda: "bundles verified" in page.store_message.text(), timeout=60_000)
    assert page.store_message.text().startswith("3 of 4 bundles verified")
    assert "problems found" in page.store_message.text()
    report = page.store_details.toPlainText()
    assert f"device {sync_kit.device.fingerprint()} (laptop A): 3 bundle(s)" in report
    forged = [line for line in report.splitlines() if line.startswith("PROBLEM untrusted-device")]
    assert len(forged) == 1 and "b-forged" in forged[0] and mallory.fingerprint() in forged[0]
    assert page.verify_button.isEnabled() and not page.store_cancel_button.isEnabled()

    out = tmp_path / "analysis"
    _click(qtbot, w, page.unpack_button)
    assert page.store_message.text().startswith("Fill in the store URL, the study key file and the folder")
    _type(qtbot, w, page.store_out_edit, str(out))
    _click(qtbot, w, page.unpack_button)  # Cancel at once: said so, the buttons come back
    assert not page.unpack_button.isEnabled()
    _click(qtbot, w, page.store_cancel_button)
    qtbot.waitUntil(lambda: page.store_message.text().startswith("Cancelled"), timeout=60_000)
    assert "Unpack into the same folder again" in page.store_message.text()
    assert page.unpack_button.isEnabled() and not page.store_cancel_button.isEnabled()
    assert not (out / LONG_PATH).exists()

    _click(qtbot, w, page.unpack_button)
    qtbot.waitUntil(lambda: "files written" in page.store_message.text(), timeout=120_000)
    assert page.store_message.text().startswith("3 sessions, 0 withdrawals;")
    for path, data in {**GENUINE, **SECOND, **LONG}.items():
        assert (out / path).read_bytes() == data, path
    assert (out / "index.json").exists()
    problems = [line for line in page.store_details.toPlainText().splitlines() if line.startswith("PROBLEM")]
    assert len(problems) == 1 and "untrusted-device" in problems[0] and "b-forged" in problems[0]


LONG_PATH = next(iter(LONG))


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_a_folder_unpack_may_not_write_to_is_named_with_what_to_change_on_the_page(
    qtbot, make_window, vault_dir, tmp_path, sync_kit, size
) -> None:  # type: ignore[no-untyped-def]
    root, key, _mallory = _store(sync_kit, tmp_path, trusted=True)
    w, page = _open_page(qtbot, make_window, vault_dir, size)
    busy = tmp_path / "my-notes"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine")
    _type(qtbot, w, page.url_edit, root.as_uri())
    _type(qtbot, w, page.key_edit, str(key))
    _type(qtbot, w, page.store_out_edit, str(busy))
    _click(qtbot, w, page.unpack_button)
    qtbot.waitUntil(lambda: "not empty" in page.store_message.text(), timeout=60_000)
    text = page.store_message.text()
    assert f"{busy} is not empty (notes.txt)" in text and "\u201cUnpack into folder\u201d" in text
    assert "fieldwork" not in text and not CLI_WORDS.search(text)
    assert (busy / "notes.txt").read_text() == "mine" and sorted(p.name for p in busy.iterdir()) == ["notes.txt"]
    assert page.unpack_button.isEnabled()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_without_a_trusted_list_the_page_refuses_names_the_signers_and_trusts_a_laptop(
    qtbot, make_window, vault_dir, tmp_path, sync_kit, size
) -> None:  # type: ignore[no-untyped-def]
    root, key, mallory = _store(sync_kit, tmp_path, trusted=False)
    w, page = _open_page(qtbot, make_window, vault_dir, size)
    _type(qtbot, w, page.url_edit, str(root))  # a plain folder path is a folder store
    _type(qtbot, w, page.key_edit, str(key))
    out = tmp_path / "analysis"
    _type(qtbot, w, page.store_out_edit, str(out))
    _click(qtbot, w, page.unpack_button)
    qtbot.waitUntil(lambda: page.store_message.text().startswith("No trusted-laptops list"), timeout=60_000)
    assert "nothing was checked or unpacked" in page.store_message.text()
    assert str(key.parent / "trusted-devices.json") in page.store_message.text()
    report = page.store_details.toPlainText()
    assert f"signer {sync_kit.device.fingerprint()}: 3 bundle(s)" in report
    assert f"signer {mallory.fingerprint()}: 1 bundle(s)" in report
    assert "Trust this laptop" in report and not CLI_WORDS.search(report) and "devices add" not in report
    assert not out.exists() or not any(out.iterdir())

    # Laptop A's fingerprint is picked with the keyboard, named, and trusted.
    fingerprints = [page.signer_combo.itemText(i) for i in range(page.signer_combo.count())]
    assert sorted(fingerprints) == sorted([sync_kit.device.fingerprint(), mallory.fingerprint()])
    _click(qtbot, w, page.laptop_name_edit)
    QTest.keyClick(page.laptop_name_edit, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert page.signer_combo.hasFocus()
    QTest.keyClick(page.signer_combo, Qt.Key.Key_Home)
    for _ in range(fingerprints.index(sync_kit.device.fingerprint())):
        QTest.keyClick(page.signer_combo, Qt.Key.Key_Down)
    assert page.signer_combo.currentText() == sync_kit.device.fingerprint()
    _type(qtbot, w, page.laptop_name_edit, "laptop A")
    _click(qtbot, w, page.trust_button)
    assert page.store_message.text().startswith(f"Trusted device {sync_kit.device.fingerprint()} (laptop A)")
    assert (key.parent / "trusted-devices.json").exists()

    _click(qtbot, w, page.verify_button)
    qtbot.waitUntil(lambda: "bundles verified" in page.store_message.text(), timeout=60_000)
    assert page.store_message.text().startswith("3 of 4 bundles verified")
    assert "PROBLEM untrusted-device" in page.store_details.toPlainText()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_the_identity_store_into_its_own_folder_with_a_key_kept_elsewhere(
    qtbot, make_window, vault_dir, tmp_path, sync_kit, size
) -> None:  # type: ignore[no-untyped-def]
    """An identity key in another folder: the laptop is trusted there with the one signing key named in its
    field (none is made beside the identity key), and the identity store is unpacked into its own folder."""
    keys = tmp_path / "keys"
    assert main(["study", "keygen", "--out", str(keys)]) == 0
    sync_kit.identity = load_identity(keys / "study.key")
    sync_kit.recipient = load_recipient(keys / "study.pub")
    other = tmp_path / "register-keys"
    other.mkdir()
    shutil.copy(keys / "study.key", other / "identity.key")
    root = tmp_path / "identity-store"
    root.mkdir()
    t = open_transport(root.as_uri())
    try:
        spec = sync_kit.spec("b-identity", {"identity/S-0001/participants/M-001.json": b'{"name": "A Person"}'},
                             kind="identity")  # fmt: skip
        spec.session_id = "S-0001"
        upload_bundle(sync_kit.stage(spec), t)
    finally:
        t.close()

    w, page = _open_page(qtbot, make_window, vault_dir, size)
    _type(qtbot, w, page.url_edit, root.as_uri())
    _type(qtbot, w, page.key_edit, str(other / "identity.key"))
    _type(qtbot, w, page.signing_edit, str(keys / "dm-signing.key"))
    _type(qtbot, w, page.store_out_edit, str(tmp_path / "register"))
    _click(qtbot, w, page.identity_check, QPoint(8, page.identity_check.height() // 2))  # on its box
    assert page.identity_check.isChecked()
    _click(qtbot, w, page.unpack_button)
    qtbot.waitUntil(lambda: page.store_message.text().startswith("No trusted-laptops list"), timeout=60_000)
    assert str(other / "trusted-devices.json") in page.store_message.text()
    assert page.signer_combo.currentText() == sync_kit.device.fingerprint()
    _type(qtbot, w, page.laptop_name_edit, "laptop A")
    _click(qtbot, w, page.trust_button)
    assert page.store_message.text().startswith("Trusted device")
    assert sorted(p.name for p in other.iterdir()) == ["identity.key", "trusted-devices.json"]

    _click(qtbot, w, page.unpack_button)
    qtbot.waitUntil(lambda: "files written" in page.store_message.text(), timeout=60_000)
    assert page.store_message.text().startswith("1 identity bundles;")
    assert (tmp_path / "register/identity/S-0001/participants/M-001.json").read_bytes() == b'{"name": "A Person"}'

    # Unticked, the same store is read as a research store: never into the identity folder, and its identity
    # bundle is named with what to tick, in the page's words.
    _click(qtbot, w, page.identity_check, QPoint(8, page.identity_check.height() // 2))
    assert not page.identity_check.isChecked()
    _click(qtbot, w, page.unpack_button)
    qtbot.waitUntil(lambda: "holds the identity store's data" in page.store_message.text(), timeout=60_000)
    assert "tick \u201cThis is the identity store\u201d" in page.store_message.text()
    assert not CLI_WORDS.search(page.store_message.text())
    _click(qtbot, w, page.store_out_edit)
    QTest.keyClick(page.store_out_edit, Qt.Key.Key_End)
    QTest.keyClicks(page.store_out_edit, "-research")  # a folder of its own: register-research
    _click(qtbot, w, page.unpack_button)
    qtbot.waitUntil(lambda: "files written" in page.store_message.text(), timeout=60_000)
    report = page.store_details.toPlainText()
    assert "PROBLEM identity-in-research-store" in report
    assert "with \u201cThis is the identity store\u201d ticked" in report and not CLI_WORDS.search(report), report


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_an_sftp_store_is_read_only_once_its_host_key_is_typed_in(
    qtbot, make_window, vault_dir, tmp_path, sync_kit, sftp_server, size
) -> None:  # type: ignore[no-untyped-def]
    from fieldwork_app.sync.transports.sftp import host_key_fingerprint

    server = sftp_server.fresh()
    keys = tmp_path / "keys"
    assert main(["study", "keygen", "--out", str(keys)]) == 0
    sync_kit.identity = load_identity(keys / "study.key")
    sync_kit.recipient = load_recipient(keys / "study.pub")
    name = ["--name", "laptop A", "--key", str(keys / "study.key")]
    assert main(["study", "devices", "add", sync_kit.device.fingerprint(), *name]) == 0
    mallory = DeviceKey.generate()
    t = server.open()
    try:
        upload_bundle(sync_kit.stage(sync_kit.spec("b-genuine", GENUINE)), t)
        upload_bundle(sync_kit.stage(sync_kit.spec("b-forged", {NOTES: b"{}"}, device=mallory), device=mallory), t)
    finally:
        t.close()
    fingerprint = host_key_fingerprint(server.options["host_key"])

    w, page = _open_page(qtbot, make_window, vault_dir, size)
    _type(qtbot, w, page.url_edit, server.url)
    _type(qtbot, w, page.key_edit, str(keys / "study.key"))
    _type(qtbot, w, page.ssh_key_edit, server.options["key_file"])
    _click(qtbot, w, page.verify_button)  # no host key given: refused, and its fingerprint shown
    qtbot.waitUntil(lambda: "type it into SFTP host key" in page.store_message.text(), timeout=60_000)
    assert fingerprint in page.store_message.text()
    assert page.verify_button.isEnabled()

    _type(qtbot, w, page.host_key_edit, "SHA256:" + "A" * 43)  # a wrong one is refused too
    _click(qtbot, w, page.verify_button)
    qtbot.waitUntil(lambda: "not SHA256:AAAA" in page.store_message.text(), timeout=60_000)
    _click(qtbot, w, page.host_key_edit)
    QTest.keyClick(page.host_key_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select it all
    QTest.keyClicks(page.host_key_edit, fingerprint)
    assert page.host_key_edit.text() == fingerprint
    _click(qtbot, w, page.verify_button)
    qtbot.waitUntil(lambda: "bundles verified" in page.store_message.text(), timeout=60_000)
    assert page.store_message.text().startswith("1 of 2 bundles verified")
    assert "PROBLEM untrusted-device" in page.store_details.toPlainText()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_a_webdav_store_with_its_user_name_and_password_typed_in(
    qtbot, make_window, vault_dir, tmp_path, sync_kit, webdav_server, caplog, size
) -> None:  # type: ignore[no-untyped-def]
    server = webdav_server.fresh()
    keys = tmp_path / "keys"
    assert main(["study", "keygen", "--out", str(keys)]) == 0
    sync_kit.identity = load_identity(keys / "study.key")
    sync_kit.recipient = load_recipient(keys / "study.pub")
    name = ["--name", "laptop A", "--key", str(keys / "study.key")]
    assert main(["study", "devices", "add", sync_kit.device.fingerprint(), *name]) == 0
    t = server.open()
    try:
        upload_bundle(sync_kit.stage(sync_kit.spec("b-genuine", GENUINE)), t)
    finally:
        t.close()
    password = server.secrets["password"]

    w, page = _open_page(qtbot, make_window, vault_dir, size)
    _type(qtbot, w, page.url_edit, server.url)
    _type(qtbot, w, page.key_edit, str(keys / "study.key"))
    _type(qtbot, w, page.user_edit, "fieldwork")
    _type(qtbot, w, page.secret_edit, "not-the-password")
    _click(qtbot, w, page.verify_button)
    qtbot.waitUntil(lambda: page.verify_button.isEnabled() and page.store_message.text() != "Verifying the store...",
                    timeout=60_000)  # fmt: skip
    assert "bundles verified" not in page.store_message.text() and page.store_message.text()
    assert "refused the login" in page.store_message.text()
    _click(qtbot, w, page.secret_edit)
    QTest.keyClick(page.secret_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(page.secret_edit, password)
    assert page.secret_edit.displayText() != password  # shown as dots
    out = tmp_path / "analysis"
    _type(qtbot, w, page.store_out_edit, str(out))
    _click(qtbot, w, page.unpack_button)
    qtbot.waitUntil(lambda: "files written" in page.store_message.text(), timeout=60_000)
    assert page.store_message.text().startswith("1 sessions, 0 withdrawals;")
    assert (out / NOTES).read_bytes() == GENUINE[NOTES]
    assert not any(password in r.getMessage() or "not-the-password" in r.getMessage() for r in caplog.records)
