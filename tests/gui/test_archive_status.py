"""The data manager's page shows, for what it unpacked, whether each participant's material may go into an
archive deposit: the consent's archiving answer (agreed, declined, not applicable, not asked) and withdrawals,
the same facts 'fieldwork analysis archive' prints.  Driven as a person would, at 1366x768 and 1024x600, on a
real folder store of bundles signed by a trusted laptop."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fieldwork_app.cli.main import main
from fieldwork_app.sync.engine import upload_bundle
from fieldwork_app.sync.keys import load_identity, load_recipient
from fieldwork_app.sync.transports import open_transport
from tests.gui.test_store_page import _click, _open_page, _type
from tests.support.servers import SyncKit

pytestmark = pytest.mark.servers

# participant -> the archiving answer in her consent record, as the laptop writes it (None: not answered)
ANSWERS: dict[str, Any] = {"YC-001": True, "YC-002": False, "YC-003": "not_applicable", "YC-004": None}


def _session(pid: str, n: int, archiving: Any) -> dict[str, bytes]:
    folder = f"{pid}/S-000{n}"
    session = {"session": f"S-000{n}", "format": "interview", "location_kind": "home", "participants": [pid],
               "groups": {pid: "young-carer"}, "takes": []}  # fmt: skip
    consent = {
        "consent_id": f"C-{n}",
        "participant": pid,
        "session": f"S-000{n}",
        "mode": "paper",
        "consent_by": "participant",
        "form": {"id": "consent-young-carer", "version": "1.0", "title": "Consent form"},
        "statements": [
            {"id": "1", "text": "I have read the sheet.", "required": True, "role": "information_sheet",
             "answer": True},
            {"id": "O6", "text": "My interview may be archived.", "required": False, "role": "archiving",
             "answer": archiving},
        ],  # fmt: skip
    }
    return {
        f"{folder}/session.json": json.dumps(session).encode(),
        f"{folder}/consent/consent-{pid}.json": json.dumps(consent).encode(),
    }


def _store(kit: SyncKit, tmp: Path) -> tuple[Path, Path]:
    keys = tmp / "keys"
    assert main(["study", "keygen", "--out", str(keys)]) == 0
    kit.identity = load_identity(keys / "study.key")
    kit.recipient = load_recipient(keys / "study.pub")
    assert main(["study", "devices", "add", kit.device.fingerprint(), "--name", "laptop A",
                 "--key", str(keys / "study.key")]) == 0  # fmt: skip
    root = tmp / "store"
    root.mkdir()
    t = open_transport(root.as_uri())
    try:
        for n, (pid, answer) in enumerate(ANSWERS.items(), 1):
            spec = kit.spec(f"b-{pid}", _session(pid, n, answer), participants=(pid,))
            upload_bundle(kit.stage(spec, 16 * 1024), t)
    finally:
        t.close()
    return root, keys / "study.key"


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_unpacking_shows_who_may_go_into_an_archive_deposit(
    qtbot, make_window, vault_dir, tmp_path, sync_kit, size, capsys
) -> None:  # type: ignore[no-untyped-def]
    root, key = _store(sync_kit, tmp_path)
    w, page = _open_page(qtbot, make_window, vault_dir, size)
    assert not page.archive_box.isVisible()  # nothing unpacked yet
    out = tmp_path / "analysis"
    _type(qtbot, w, page.url_edit, root.as_uri())
    _type(qtbot, w, page.key_edit, str(key))
    _type(qtbot, w, page.store_out_edit, str(out))
    _click(qtbot, w, page.unpack_button)
    qtbot.waitUntil(lambda: page.archive_box.isVisible(), timeout=120_000)
    table = page.archive_table
    shown = {
        table.item(r, 0).text(): tuple(table.item(r, c).text() for c in range(1, 4)) for r in range(table.rowCount())
    }
    assert shown == {
        "YC-001": ("agreed", "may be archived", "YC-001/S-0001"),
        "YC-002": ("declined", "leave out", "YC-002/S-0002"),
        "YC-003": ("not applicable", "leave out", "YC-003/S-0003"),
        "YC-004": ("not asked", "leave out", "YC-004/S-0004"),
    }
    assert page.archive_summary.text() == "Leave out of an archive deposit: YC-002, YC-003, YC-004"
    _click(qtbot, w, table)  # on screen, reachable at this size
    # the command line gives the same facts from the same call
    capsys.readouterr()
    assert main(["analysis", "archive", str(out), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["participant"]: (r["archiving"], r["may_archive"]) for r in rows} == {
        "YC-001": ("agreed", True),
        "YC-002": ("declined", False),
        "YC-003": ("not_applicable", False),
        "YC-004": ("not_asked", False),
    }
    assert main(["analysis", "archive", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "YC-003: not for archive: the archiving statement did not apply to them (YC-003/S-0003)" in lines
    assert "YC-004: not for archive: archiving was not answered (YC-004/S-0004)" in lines
