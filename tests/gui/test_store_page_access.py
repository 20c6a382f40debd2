"""How the data manager's page reaches a study store, used as they would at 1366x768 and 1024x600: a store saved
with 'fieldwork store add' (its SSH key kept in the vault, its host key pinned) opened by name, with unpack's
progress shown in percent; an SFTP server's key vouched for by a known_hosts file, or taken on first sight and
shown; an S3 store from its bucket, endpoint, region and access key; and a WebDAV store over https whose
certificate only the university's own CA signed.  Real servers on 127.0.0.1 (OpenSSH, Ceph radosgw, wsgidav)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from fieldwork_app.cli.main import main
from fieldwork_app.sync.engine import upload_bundle
from fieldwork_app.sync.keys import load_identity, load_recipient
from tests.gui.test_store_page import GENUINE, LONG, NOTES, SECOND, _click, _open_page, _type
from tests.support.servers import StoreServer, SyncKit

pytestmark = pytest.mark.servers

SIZES = [(1366, 768), (1024, 600)]


def _keys(kit: SyncKit, tmp: Path) -> Path:
    """'study keygen', and laptop A trusted with 'study devices add'; returns study.key."""
    keys = tmp / "keys"
    assert main(["study", "keygen", "--out", str(keys)]) == 0
    kit.identity = load_identity(keys / "study.key")
    kit.recipient = load_recipient(keys / "study.pub")
    assert main(["study", "devices", "add", kit.device.fingerprint(), "--name", "laptop A",
                 "--key", str(keys / "study.key")]) == 0  # fmt: skip
    return keys / "study.key"


def _send(kit: SyncKit, server: StoreServer, bundles: dict[str, dict[str, bytes]]) -> None:
    t = server.open()
    try:
        for i, (bundle_id, files) in enumerate(bundles.items()):
            spec = kit.spec(bundle_id, files, participants=(f"M-00{i + 1}",))
            upload_bundle(kit.stage(spec, 256 * 1024), t)
    finally:
        t.close()


@pytest.mark.parametrize("size", SIZES)
def test_a_saved_store_opens_with_its_saved_credentials_and_unpack_shows_percent(
    qtbot, make_window, vault_dir, cli_env, tmp_path, sync_kit, sftp_server, size
) -> None:  # type: ignore[no-untyped-def]
    from fieldwork_app.sync.transports.sftp import host_key_fingerprint

    server = sftp_server.fresh()
    key = _keys(sync_kit, tmp_path)
    _send(sync_kit, server, {"b-genuine": GENUINE, "b-second": SECOND, "b-long": LONG})
    fingerprint = host_key_fingerprint(server.options["host_key"])
    # Saved once, as the data manager saves a store: its SSH key goes into the vault, its host key is pinned.
    assert main(["store", "add", "uni", server.url, "--identity", server.options["key_file"],
                 "--host-key", fingerprint, "--no-secret"]) == 0  # fmt: skip

    w, page = _open_page(qtbot, make_window, vault_dir, size)
    qtbot.waitUntil(lambda: page.saved_combo.count() == 2, timeout=10_000)
    _click(qtbot, w, page.url_edit)  # the saved-store list is just above: reached with the keyboard
    QTest.keyClick(page.url_edit, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert page.saved_combo.hasFocus()
    QTest.keyClick(page.saved_combo, Qt.Key.Key_Down)
    assert page.saved_combo.currentData() == "uni"
    assert not page.url_edit.isVisible() and not page.secret_edit.isVisible()  # nothing typed again
    shown = page.saved_label.text()
    assert f"SFTP host key pinned: {fingerprint}" in shown and "secrets (SSH key)" in shown
    _type(qtbot, w, page.key_edit, str(key))
    out = tmp_path / "analysis"
    _type(qtbot, w, page.store_out_edit, str(out))

    seen: list[int] = []
    texts: list[str] = []
    page.store_bar.valueChanged.connect(seen.append)

    def note() -> bool:
        texts.append(page.store_message.text())
        return "files written" in page.store_message.text()

    _click(qtbot, w, page.unpack_button)
    qtbot.waitUntil(note, timeout=120_000)
    assert page.store_message.text().startswith("3 sessions, 0 withdrawals;"), page.store_details.toPlainText()
    for path, data in {**GENUINE, **SECOND, **LONG}.items():
        assert (out / path).read_bytes() == data, path
    between = [v for v in seen if 0 < v < 1000]
    assert between and between == sorted(between), seen  # a percentage that only goes up
    assert page.store_bar.value() == 1000 and page.store_bar.text() == "100%"
    assert any(t.split(":", 1)[0].endswith("%") for t in texts if "%" in t), texts

    # The saved store's pinned key is what is checked: verify names the laptop's bundles.
    _click(qtbot, w, page.verify_button)
    qtbot.waitUntil(lambda: "bundles verified" in page.store_message.text(), timeout=60_000)
    assert page.store_message.text().startswith("3 of 3 bundles verified")


@pytest.mark.parametrize("size", SIZES)
def test_an_sftp_key_from_known_hosts_or_taken_on_first_sight_and_shown(
    qtbot, make_window, vault_dir, tmp_path, sync_kit, sftp_server, size
) -> None:  # type: ignore[no-untyped-def]
    from fieldwork_app.sync.transports.sftp import host_key_fingerprint

    server = sftp_server.fresh()
    key = _keys(sync_kit, tmp_path)
    _send(sync_kit, server, {"b-genuine": GENUINE})
    port = server.url.rsplit(":", 1)[1].split("/", 1)[0]
    other = (Path(server.extra["other_key"]).with_suffix(".pub")).read_text().split()
    known = tmp_path / "known_hosts"
    known.write_text(f"[127.0.0.1]:{port} ssh-ed25519 {other[1]}\n")  # lists another key for this server

    w, page = _open_page(qtbot, make_window, vault_dir, size)
    _type(qtbot, w, page.url_edit, server.url)
    _type(qtbot, w, page.key_edit, str(key))
    _type(qtbot, w, page.ssh_key_edit, server.options["key_file"])
    _type(qtbot, w, page.known_hosts_edit, str(known))
    _click(qtbot, w, page.verify_button)
    qtbot.waitUntil(lambda: "host key changed" in page.store_message.text(), timeout=60_000)
    assert host_key_fingerprint(server.options["host_key"]) in page.store_message.text()

    known.write_text(f"[127.0.0.1]:{port} {server.options['host_key']}\n")  # the administrators' file
    _click(qtbot, w, page.verify_button)
    qtbot.waitUntil(lambda: "bundles verified" in page.store_message.text(), timeout=60_000)
    assert page.store_message.text().startswith("1 of 1 bundles verified")

    _click(qtbot, w, page.known_hosts_edit)
    QTest.keyClick(page.known_hosts_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(page.known_hosts_edit, Qt.Key.Key_Delete)
    _click(qtbot, w, page.accept_new_check, page.accept_new_check.rect().topLeft() + _box(page.accept_new_check))
    assert page.accept_new_check.isChecked()
    _click(qtbot, w, page.verify_button)
    qtbot.waitUntil(lambda: "bundles verified" in page.store_message.text()
                    and page.verify_button.isEnabled(), timeout=60_000)  # fmt: skip
    fingerprint = host_key_fingerprint(server.options["host_key"])
    assert f"trusting the SFTP server's host key {fingerprint}, as asked" in page.store_details.toPlainText()


def _box(check: Any) -> Any:
    from PySide6.QtCore import QPoint

    return QPoint(8, check.height() // 2)


@pytest.mark.parametrize("size", SIZES)
def test_an_s3_store_from_its_bucket_endpoint_region_and_access_key(
    qtbot, make_window, vault_dir, tmp_path, sync_kit, s3_server, size
) -> None:  # type: ignore[no-untyped-def]
    server = s3_server.fresh()
    key = _keys(sync_kit, tmp_path)
    _send(sync_kit, server, {"b-genuine": GENUINE})
    bucket = server.url[len("s3://") :]

    w, page = _open_page(qtbot, make_window, vault_dir, size)
    _type(qtbot, w, page.bucket_edit, bucket)
    _type(qtbot, w, page.endpoint_edit, server.options["endpoint"])
    _type(qtbot, w, page.region_edit, server.options.get("region", "us-east-1"))
    _type(qtbot, w, page.user_edit, server.options["access_key"])
    _type(qtbot, w, page.secret_edit, server.secrets["secret_key"])
    _type(qtbot, w, page.key_edit, str(key))
    out = tmp_path / "analysis"
    _type(qtbot, w, page.store_out_edit, str(out))
    _click(qtbot, w, page.unpack_button)
    qtbot.waitUntil(lambda: "files written" in page.store_message.text(), timeout=120_000)
    assert page.store_message.text().startswith("1 sessions, 0 withdrawals;")
    assert (out / NOTES).read_bytes() == GENUINE[NOTES]
    assert page.store_bar.text() == "100%"


@pytest.mark.parametrize("size", SIZES)
def test_an_https_store_signed_by_the_universitys_own_ca_needs_its_ca_bundle(
    qtbot, make_window, vault_dir, tmp_path, sync_kit, size
) -> None:  # type: ignore[no-untyped-def]
    from tests.integration.test_ca_bundle import _https_webdav

    key = _keys(sync_kit, tmp_path)
    (tmp_path / "dav").mkdir()
    with _https_webdav(tmp_path / "dav") as (server, ca):
        from fieldwork_app.sync.transports import open_transport

        t = open_transport(server.url, options={**server.options, "ca_bundle": str(ca)}, secrets=server.secrets)
        try:
            upload_bundle(sync_kit.stage(sync_kit.spec("b-genuine", GENUINE)), t)
        finally:
            t.close()
        w, page = _open_page(qtbot, make_window, vault_dir, size)
        _type(qtbot, w, page.url_edit, server.url)
        _type(qtbot, w, page.key_edit, str(key))
        _type(qtbot, w, page.user_edit, "fieldwork")
        _type(qtbot, w, page.secret_edit, server.secrets["password"])
        _click(qtbot, w, page.verify_button)
        qtbot.waitUntil(lambda: "no trusted authority signed" in page.store_message.text(), timeout=60_000)
        _type(qtbot, w, page.ca_edit, str(ca))
        _click(qtbot, w, page.verify_button)
        qtbot.waitUntil(lambda: "bundles verified" in page.store_message.text(), timeout=60_000)
        assert page.store_message.text().startswith("1 of 1 bundles verified")
