"""The sync commands, end to end: the laptop's store add / list, outbox and sync, and the data manager's
study keygen, store verify and store unpack."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from fieldwork_app.cli.main import main
from fieldwork_app.paths import DataDir
from fieldwork_app.sync.engine import upload_bundle
from fieldwork_app.sync.keys import load_identity, load_recipient
from tests.integration.test_cli import run
from tests.support.people import answers_file, eligible_answers_file
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
    common = [store.url, "--key", str(tmp_path / "keys/study.key"), "--username", "fieldwork",
              "--secret-env", "FW_DAV_PW"]  # fmt: skip

    def dm(argv: list[str], password: str = store.secrets["password"]) -> int:
        # Each command takes the secret out of the environment, as a process of its own would.
        monkeypatch.setenv("FW_DAV_PW", password)
        return main(argv)

    # No trusted list yet: both commands refuse, name the signer and say how to trust it; nothing is written.
    assert dm(["store", "verify", *common]) == 1
    refused = capsys.readouterr().err
    fp = sync_kit.device.fingerprint()
    assert f"signer {fp}: 1 bundle(s)" in refused and f"fieldwork study devices add {fp}" in refused
    assert dm(["store", "unpack", *common, "--out", str(tmp_path / "out")]) == 1
    assert "no trusted-devices list" in capsys.readouterr().err and not (tmp_path / "out").exists()
    keys = ["--key", str(tmp_path / "keys/study.key")]
    assert main(["study", "devices", "add", fp, "--name", "laptop A", *keys]) == 0
    assert main(["study", "devices", "list", *keys]) == 0
    assert f"{fp}\tlaptop A" in capsys.readouterr().out
    assert dm(["store", "verify", *common, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and report["devices_checked"] is True
    assert report["devices"][0]["label"] == "laptop A" and report["devices"][0]["newest"] == {"research": 1}
    assert dm(["store", "verify", *common]) == 0
    assert (
        f"device {fp} (laptop A): 1 bundle(s) by alice; newest research bundle number 1"
        in capsys.readouterr().out
    )
    assert dm(["store", "unpack", *common, "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out/M-001/S-0001/a.json").read_bytes() == b'{"a": 1}'
    assert dm(["store", "verify", *common], "wrong") != 0
    captured = capsys.readouterr()
    assert "refused the login" in captured.err and "Traceback" not in captured.err
    # A list edited by hand (here: the laptop's revocation taken out) is refused, by both commands.
    assert main(["study", "devices", "revoke", fp, *keys]) == 0
    listed = tmp_path / "keys/trusted-devices.json"
    doc = json.loads(listed.read_text())
    signed = json.loads(base64.b64decode(doc["signed"]))
    signed["devices"][0]["revoked_at"] = None
    doc["signed"] = base64.b64encode(json.dumps(signed).encode()).decode()
    listed.write_text(json.dumps(doc))
    for cmd in (["verify"], ["unpack", "--out", str(tmp_path / "out")]):
        assert dm(["store", *cmd, *common]) == 1
        assert "was altered" in capsys.readouterr().err


@pytest.mark.parametrize("server_fixture", ["sftp_server", "s3_server"])
def test_laptop_sync_commands(
    request: pytest.FixtureRequest, server_fixture: str, cli_env: DataDir, virtual_mic: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """store add / list, outbox and sync as a researcher runs them: a refused login first, then the real store."""
    virtual_mic.use_sine()
    server: StoreServer = request.getfixturevalue(server_fixture).fresh()
    run("study", "keygen", "--out", str(tmp_path / "dm"))
    run("pack", "import", "--example", "--study-key", str(tmp_path / "dm/study.pub"))
    m = run("participant", "add", "--group", "mother").stdout.strip()
    run("participant", "screen", m, "--answers", str(eligible_answers_file(tmp_path, "mother")))
    s = run("session", "new", "--participant", m, "--format", "interview").stdout.strip()
    tpl = json.loads(run("consent", "template", "--session", s, "--participant", m).stdout)
    answers_file(tmp_path, tpl, {k: True for k in tpl["answers"]})
    run("consent", "record", "--session", s, "--participant", m, "--mode", "paper",
        "--answers", str(tmp_path / "answers.json"))  # fmt: skip
    run("record", "--session", s, "--seconds", "1")

    if server.kind == "sftp":
        port = server.url.rsplit(":", 1)[1].split("/", 1)[0]
        (tmp_path / "known_hosts").write_text(f"[127.0.0.1]:{port} {server.options['host_key']}\n")
        ssh = ["--known-hosts", str(tmp_path / "known_hosts"), "--no-secret"]
        run("store", "add", "study", server.url, "--identity", server.options["key_file"], *ssh)
        secret = Path(server.options["key_file"]).read_text().splitlines()[1]  # a line of the private key
        run("store", "add", "wrong", server.url, "--identity", server.extra["other_key"], *ssh)
    else:
        s3 = ["--endpoint", server.options["endpoint"], "--username", server.options["access_key"],
              "--secret-env", "FW_S3_SECRET"]  # fmt: skip
        secret = server.secrets["secret_key"]
        monkeypatch.setenv("FW_S3_SECRET", secret)
        run("store", "add", "study", server.url, *s3)
        monkeypatch.setenv("FW_S3_SECRET", "not-the-secret")
        run("store", "add", "wrong", server.url, *s3)
    stores = run("store", "list", "--json").stdout
    assert [x["name"] for x in json.loads(stores)] == ["study", "wrong"]
    assert secret not in stores and secret not in run("store", "list").stdout

    refused = run("sync", "--store", "wrong", "--queue", s, ok=False)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"session {s} not sent to store wrong" in refused.stderr and "refused the login" in refused.stderr
    (waiting,) = json.loads(run("outbox", "--json").stdout)
    assert waiting["session_id"] == s and waiting["state"] == "failed"
    assert waiting["audio_takes"] == 1 and waiting["audio_seconds"] >= 1.0 and waiting["audio_bytes"] > 0
    assert "audio here: 1 take(s)" in run("outbox").stdout

    done = json.loads(run("sync", "--json").stdout)  # the default store is the first one added
    assert done["ok"] is True and len(done["verified"]) == 1 and done["waiting"] == []
    assert done["purged"], "the take is purged after the verified receipt"
    (sent,) = json.loads(run("outbox", "--json").stdout)
    assert sent["state"] == "verified" and sent["audio_takes"] == 0
    assert "no audio here" in run("outbox").stdout
    assert "Nothing to send." in run("sync").stdout
    if server.kind == "sftp":
        dm = ["--identity", server.options["key_file"], "--known-hosts", str(tmp_path / "known_hosts")]
    else:
        monkeypatch.setenv("FW_S3_SECRET", server.secrets["secret_key"])
        dm = s3
    dm_key = ["--key", str(tmp_path / "dm/study.key")]
    refused = run("store", "verify", server.url, *dm_key, *dm, ok=False)
    assert refused.returncode == 1 and "no trusted-devices list" in refused.stderr
    fp = run("device").stdout.split()[0]
    assert "last research bundle number: 1" in run("device").stdout
    run("study", "devices", "add", fp, "--name", "laptop 1", *dm_key)
    report = run("store", "verify", server.url, *dm_key, *dm, "--json")
    assert json.loads(report.stdout)["ok"] is True
