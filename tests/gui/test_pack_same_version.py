"""A study pack under the version already imported, with other content (here: another study key), imported
through the sync page as a researcher does, at 1366x768 and 1024x600: refused in plain words, no key-change
dialog offered, nothing changed."""

from __future__ import annotations

import pytest

from fieldwork_app.services import packs as packs_svc
from fieldwork_app.sync.keys import generate_study_keypair, study_key_fingerprint
from fieldwork_app.vault import audit
from tests.gui.test_keys_and_host_keys import (
    SIZES,
    _import_through_the_page,
    _open,
    _pack_with_key,
    _sync_page,
)
from tests.gui.test_session import run_db


@pytest.mark.parametrize("size", SIZES)
def test_another_pack_under_the_imported_version_is_refused_in_plain_words(
    qtbot, make_window, vault_dir, tmp_path, size
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    old_pub, _ = generate_study_keypair(tmp_path / "dm")
    new_pub, _ = generate_study_keypair(tmp_path / "forger")
    old_fp = study_key_fingerprint(old_pub.read_text())
    w = _sync_page(qtbot, make_window, vault_dir, size)
    run_db(qtbot, w, lambda ws: packs_svc.import_pack(ws, example=True, study_key_file=old_pub))
    page = _open(qtbot, w)
    qtbot.waitUntil(lambda: page.study_key.text() == f"Study key: {old_fp}", timeout=5_000)

    def state(ws):  # type: ignore[no-untyped-def]
        return packs_svc.list_packs(ws), [(e.seq, e.action) for e in audit.entries(ws.db)]

    before = run_db(qtbot, w, state)
    same = _pack_with_key(tmp_path, "same-version", new_pub, "1.1")  # the version in use, another key
    _import_through_the_page(qtbot, page, same)
    qtbot.waitUntil(lambda: "was not imported" in page.message.text(), timeout=5_000)
    text = page.message.text()
    assert "version 1.1 is already imported, with other content" in text and "new version number" in text
    assert "--" not in text
    assert not [d for d in QApplication.topLevelWidgets() if d.objectName() == "keyChangeDialog" and d.isVisible()]
    assert run_db(qtbot, w, state) == before and page.study_key.text() == f"Study key: {old_fp}"
