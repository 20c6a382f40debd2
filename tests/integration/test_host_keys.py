"""SFTP host keys are never trusted silently, and S3 never goes over plain http to another machine: the commands
run as a researcher and a data manager run them, against a real OpenSSH server on 127.0.0.1."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from fieldwork_app.paths import DataDir
from fieldwork_app.sync.dmkeys import load_dm_public_key, load_dm_signing_key
from fieldwork_app.sync.engine import upload_bundle
from fieldwork_app.sync.transports import open_transport
from fieldwork_app.sync.transports.sftp import host_key_fingerprint
from tests.integration.test_cli import run
from tests.support.people import answers_file, eligible_answers_file
from tests.support.servers import StoreServer, SyncKit, sftp_running

pytestmark = pytest.mark.servers


def _port(server: StoreServer) -> str:
    return server.url.rsplit(":", 1)[1].split("/", 1)[0]


def _add(server: StoreServer, *extra: str, name: str = "study", ok: bool = True) -> Any:
    return run("store", "add", name, server.url, "--identity", server.options["key_file"], "--no-secret",
               *extra, ok=ok)  # fmt: skip


def _stores() -> list[dict[str, Any]]:
    return list(json.loads(run("store", "list", "--json").stdout))


def test_store_add_never_trusts_an_unknown_host_key_silently(
    cli_env: DataDir, sftp_server: StoreServer, tmp_path: Path
) -> None:
    server = sftp_server.fresh()
    fp = host_key_fingerprint(server.options["host_key"])
    refused = _add(server, ok=False)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"offers host key {fp}" in refused.stderr and f"--host-key {fp}" in refused.stderr
    assert _stores() == []

    wrong = host_key_fingerprint(f"ssh-ed25519 {'A' * 68}")
    refused = _add(server, "--host-key", wrong, ok=False)
    assert refused.returncode == 1 and f"host key is {fp}, not {wrong}" in refused.stderr
    assert _stores() == []

    out = _add(server, "--host-key", fp).stdout
    assert f"host key {fp} is checked and pinned" in out
    (store,) = _stores()
    assert store["options"]["host_key"] == server.options["host_key"]
    assert "host_key_fingerprint" not in store["options"]

    out = _add(server, "--accept-new-host-key", name="tofu").stdout
    assert f"host key is {fp}: trusted as asked" in out
    assert {s["name"]: s["options"]["host_key"] for s in _stores()}["tofu"] == server.options["host_key"]

    known = tmp_path / "known_hosts"
    known.write_text(f"[127.0.0.1]:{_port(server)} {server.options['host_key']}\n")
    _add(server, "--known-hosts", str(known), name="listed")
    listed = {s["name"]: s["options"] for s in _stores()}["listed"]
    assert listed["host_key"] == server.options["host_key"] and "known_hosts" not in listed

    other = (Path(server.extra["other_key"]).with_suffix(".pub")).read_text().split()
    known.write_text(f"[127.0.0.1]:{_port(server)} {other[0]} {other[1]}\n")
    refused = _add(server, "--known-hosts", str(known), name="changed", ok=False)
    assert refused.returncode == 1
    assert f"lists {host_key_fingerprint(' '.join(other[:2]))}, the server offers {fp}" in refused.stderr
    known.write_text("")
    refused = _add(server, "--known-hosts", str(known), name="absent", ok=False)
    assert refused.returncode == 1 and f"host key {fp} is not in {known}" in refused.stderr
    assert sorted(s["name"] for s in _stores()) == ["listed", "study", "tofu"]
    assert run("store", "list").stdout.count(f"host key {fp}") == 3
    adds = [e for e in json.loads(run("audit", "list", "--json").stdout) if e["action"] == "store.add"]
    assert [e["detail"]["host_key"] for e in adds] == [fp, fp, fp]


def test_the_fingerprint_of_any_of_the_servers_keys_is_found_and_pinned(
    cli_env: DataDir, tmp_path: Path
) -> None:
    """IT may publish the fingerprint of the server's RSA key while the server prefers its Ed25519 one."""
    (tmp_path / "multi").mkdir()
    with sftp_running(tmp_path / "multi", more_host_keys=("rsa",)) as server:
        rsa = " ".join((tmp_path / "multi/host_key_rsa.pub").read_text().split()[:2])
        _add(server, "--host-key", host_key_fingerprint(rsa))
        (store,) = _stores()
        assert store["options"]["host_key"] == rsa
        # later connections ask for the pinned type, so the server proves the key that was pinned
        t = open_transport(server.url, options={**store["options"], "key_file": server.options["key_file"]})
        try:
            assert t.list("") == []
        finally:
            t.close()
        ed25519 = host_key_fingerprint(server.options["host_key"])
        refused = _add(server, "--host-key", host_key_fingerprint(f"ssh-rsa {'C' * 68}"), name="x", ok=False)
        assert refused.returncode == 1 and f"host key is {ed25519}, not" in refused.stderr


def test_a_changed_host_key_after_pinning_stops_the_sync(
    cli_env: DataDir, sftp_server: StoreServer, tmp_path: Path, cut_proxy: Any
) -> None:
    """The store's address answers with another server's key (a man in the middle): refused, both named."""
    server = sftp_server.fresh()
    fp = host_key_fingerprint(server.options["host_key"])
    proxy = cut_proxy(int(_port(server)))
    via = server.with_endpoint("127.0.0.1", proxy.port)
    _add(via, "--host-key", fp)
    run("study", "keygen", "--out", str(tmp_path / "dm"))
    run("pack", "import", "--example", "--study-key", str(tmp_path / "dm/study.pub"))
    m = run("participant", "add", "--group", "mother").stdout.strip()
    run("participant", "screen", m, "--answers", str(eligible_answers_file(tmp_path, "mother")))
    s = run("session", "new", "--participant", m, "--format", "interview").stdout.strip()
    tpl = json.loads(run("consent", "template", "--session", s, "--participant", m).stdout)
    answers_file(tmp_path, tpl, {k: True for k in tpl["answers"]})
    run("consent", "record", "--session", s, "--participant", m, "--mode", "paper",
        "--answers", str(tmp_path / "answers.json"))  # fmt: skip
    (tmp_path / "impostor").mkdir()
    with sftp_running(tmp_path / "impostor") as impostor:
        proxy.target = ("127.0.0.1", int(_port(impostor)))
        other_fp = host_key_fingerprint(impostor.options["host_key"])
        assert other_fp != fp
        refused = run("sync", "--queue", s, ok=False)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"pinned {fp}, the server now offers {other_fp}" in refused.stderr
    (waiting,) = json.loads(run("outbox", "--json").stdout)
    assert waiting["state"] == "failed"
    (store,) = _stores()
    assert store["options"]["host_key"] == server.options["host_key"]  # the pin is never replaced
    proxy.target = ("127.0.0.1", int(_port(server)))
    assert json.loads(run("sync", "--json").stdout)["ok"] is True  # the real server again: it goes


def test_the_data_managers_commands_check_the_host_key(
    sftp_server: StoreServer, sync_kit: SyncKit, tmp_path: Path
) -> None:
    server = sftp_server.fresh()
    fp = host_key_fingerprint(server.options["host_key"])
    upload_bundle(sync_kit.stage(sync_kit.spec("b-dm", {"M-001/S-0001/a.json": b'{"a": 1}'})), server.open())
    study_key = str(sync_kit.key_dir / "study.key")
    added = run(
        "study", "devices", "add", sync_kit.device.fingerprint(), "--name", "laptop A", "--key", study_key
    )
    # a key folder without a signing pair gets one: the same key study sign-pack uses
    assert "made the data manager signing key" in added.stdout
    assert load_dm_signing_key(sync_kit.key_dir / "dm-signing.key").public_bytes() == load_dm_public_key(
        sync_kit.key_dir / "dm-signing.pub"
    )
    common = ["store", "verify", server.url, "--key", study_key, "--identity", server.options["key_file"]]

    refused = run(*common, ok=False)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"offers host key {fp}" in refused.stderr

    wrong = host_key_fingerprint(f"ssh-ed25519 {'B' * 68}")
    refused = run(*common, "--host-key", wrong, ok=False)
    assert refused.returncode == 1 and f"host key is {fp}, not {wrong}" in refused.stderr

    report = run(*common, "--host-key", fp, "--json")
    assert json.loads(report.stdout)["ok"] is True and "host key" not in report.stderr
    devices = json.loads(report.stdout)["devices"]
    assert [(d["fingerprint"], d["label"]) for d in devices] == [(sync_kit.device.fingerprint(), "laptop A")]

    accepted = run(*common, "--accept-new-host-key", "--json")
    assert f"trusting the SFTP server's host key {fp}, as asked" in accepted.stderr
    assert json.loads(accepted.stdout)["ok"] is True

    known = tmp_path / "dm_known_hosts"
    other_host = f"[store.example.ac.uk]:2222 {server.options['host_key']}"
    known.write_text(other_host)  # another host's entry, its last line without a newline
    run(*common, "--known-hosts", str(known), "--accept-new-host-key")  # first sight: shown and written down
    assert known.read_text() == f"{other_host}\n[127.0.0.1]:{_port(server)} {server.options['host_key']}\n"
    assert json.loads(run(*common, "--known-hosts", str(known), "--json").stdout)["ok"] is True
    other = (Path(server.extra["other_key"]).with_suffix(".pub")).read_text().split()
    known.write_text(f"[127.0.0.1]:{_port(server)} {other[0]} {other[1]}\n")
    refused = run(*common, "--known-hosts", str(known), "--accept-new-host-key", ok=False)
    assert (
        refused.returncode == 1 and f"the server offers {fp}" in refused.stderr
    )  # a change is never accepted

    out = tmp_path / "out"
    refused = run("store", "unpack", *common[2:], "--out", str(out), ok=False)
    assert refused.returncode == 1 and f"offers host key {fp}" in refused.stderr and not out.exists()
    run("store", "unpack", *common[2:], "--host-key", fp, "--out", str(out))
    assert (out / "M-001/S-0001/a.json").read_bytes() == b'{"a": 1}'


def test_s3_over_plain_http_to_another_machine_is_refused_before_connecting(
    cli_env: DataDir, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FW_S3", "secret")
    endpoint = "http://192.0.2.10:9000"  # TEST-NET-1: nothing answers; a connection attempt would hang
    started = time.monotonic()
    refused = run("store", "add", "s3", "s3://bucket/study", "--endpoint", endpoint, "--username", "AK",
                  "--secret-env", "FW_S3", ok=False)  # fmt: skip
    assert refused.returncode == 1 and "192.0.2.10 uses plain http" in refused.stderr
    assert _stores() == []
    (tmp_path / "keys").mkdir()
    run("study", "keygen", "--out", str(tmp_path / "keys"))
    refused = run("store", "verify", "s3://bucket/study", "--key", str(tmp_path / "keys/study.key"),
                  "--endpoint", endpoint, "--username", "AK", "--secret-env", "FW_S3", ok=False)  # fmt: skip
    assert refused.returncode == 1 and "uses plain http" in refused.stderr
    assert time.monotonic() - started < 30  # refused at once, never a connect timeout
    run("store", "add", "local-s3", "s3://bucket/study", "--endpoint", "http://127.0.0.1:9", "--username",
        "AK", "--secret-env", "FW_S3")  # fmt: skip
    assert [s["name"] for s in _stores()] == ["local-s3"]  # loopback (a test server) stays allowed


def test_the_data_manager_opens_a_saved_store_by_name(
    cli_env: DataDir, sftp_server: StoreServer, sync_kit: SyncKit, tmp_path: Path
) -> None:
    """`store verify NAME` and `store unpack NAME` use the store saved with `store add`: its settings and
    its pinned host key, nothing typed again; progress goes to stderr; a URL-only option with a name is
    refused, naming it."""
    server = sftp_server.fresh()
    fp = host_key_fingerprint(server.options["host_key"])
    upload_bundle(
        sync_kit.stage(sync_kit.spec("b-name", {"M-001/S-0001/a.json": b'{"a": 1}'})), server.open()
    )
    study_key = str(sync_kit.key_dir / "study.key")
    run("study", "devices", "add", sync_kit.device.fingerprint(), "--name", "laptop A", "--key", study_key)
    _add(server, "--host-key", fp, name="uni")
    verified = run("store", "verify", "uni", "--key", study_key)
    assert "%" in verified.stderr and "Traceback" not in verified.stderr
    assert json.loads(run("store", "verify", "uni", "--key", study_key, "--json").stdout)["ok"] is True
    refused = run("store", "verify", "uni", "--key", study_key, "--username", "x", ok=False)
    assert (
        refused.returncode == 1
        and "--username: a saved store is opened with the settings saved" in refused.stderr
    )
    out = tmp_path / "out"
    run("store", "unpack", "uni", "--key", study_key, "--out", str(out))
    assert (out / "M-001/S-0001/a.json").read_bytes() == b'{"a": 1}'
    missing = run("store", "verify", "nowhere", "--key", study_key, ok=False)
    assert missing.returncode == 1 and "nowhere" in missing.stderr and "Traceback" not in missing.stderr
