"""The data manager's commands, end to end: study keygen, store verify, store unpack."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldwork_app.cli.main import main
from fieldwork_app.sync.engine import upload_bundle
from fieldwork_app.sync.keys import load_identity, load_recipient
from tests.support.servers import StoreServer, SyncKit

pytestmark = pytest.mark.servers


def test_keygen_verify_unpack_over_webdav(
    webdav_server: StoreServer, sync_kit: SyncKit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    assert main(["study", "keygen", "--out", str(tmp_path / "keys")]) == 0
    assert "age1" in capsys.readouterr().out
    assert main(["study", "keygen", "--out", str(tmp_path / "keys")]) != 0  # never overwrites
    capsys.readouterr()
    sync_kit.identity = load_identity(tmp_path / "keys/study.key")
    sync_kit.recipient = load_recipient(tmp_path / "keys/study.pub")
    store = webdav_server.fresh()
    upload_bundle(sync_kit.stage(sync_kit.spec("b-cli", {"M-001/S-0001/a.json": b'{"a": 1}'})), store.open())
    monkeypatch.setenv("FW_DAV_PW", store.secrets["password"])
    common = [store.url, "--key", str(tmp_path / "keys/study.key"), "--username", "fieldwork",
              "--secret-env", "FW_DAV_PW"]  # fmt: skip
    (tmp_path / "trusted.txt").write_text(f"{sync_kit.device.fingerprint()} laptop A\n")
    assert (
        main(["store", "verify", *common, "--trusted-devices", str(tmp_path / "trusted.txt"), "--json"]) == 0
    )
    assert json.loads(capsys.readouterr().out)["ok"] is True
    (tmp_path / "strangers.txt").write_text("0000-0000-0000-0000-0000-0000-0000-0000 someone\n")
    assert main(["store", "verify", *common, "--trusted-devices", str(tmp_path / "strangers.txt")]) == 1
    assert "unknown device" in capsys.readouterr().out
    assert main(["store", "unpack", *common, "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out/M-001/S-0001/a.json").read_bytes() == b'{"a": 1}'
    monkeypatch.setenv("FW_DAV_PW", "wrong")
    assert main(["store", "verify", *common]) != 0
    captured = capsys.readouterr()
    assert "refused the login" in captured.err and "Traceback" not in captured.err
