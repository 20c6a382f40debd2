"""The data manager's commands against a hostile study store, run as they run them (the CLI), on a real folder
store and the real SFTP server: forged, back-dated, dropped, replayed, revoked, malformed and oversized bundles,
links and FIFOs, hostile path spellings, an identity bundle in the research store, formulas in CSV values and an
output folder holding their own files.  Each is a named problem and a non-zero exit, writes nothing it should not,
and leaves every genuine bundle verified and unpacked."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import logging
import os
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyrage
import pytest
import soundfile as sf

from fieldwork_app.cli.main import main
from fieldwork_app.sync.dmkeys import DataManagerKey
from fieldwork_app.sync.engine import upload_bundle
from fieldwork_app.sync.keys import DeviceKey, load_identity, load_recipient
from fieldwork_app.sync.manifest import canonical_json
from tests.support.servers import StoreServer, SyncKit

pytestmark = pytest.mark.servers

NOTES = "M-001/S-0001/notes.json"
GENUINE = {NOTES: b'{"from": "laptop A"}', "M-001/S-0001/caf\u00e9.json": b'{"nfc": true}'}
SECOND = {"M-002/S-0002/notes.json": b'{"from": "laptop A, second session"}'}


@dataclass
class DataManager:
    """A study key made with 'study keygen', laptop A trusted with 'study devices add', and a store."""

    kit: SyncKit
    root: Path | None  # the folder store's folder (None for SFTP)
    url: str
    options: list[str]
    tmp: Path
    capsys: Any

    @property
    def key(self) -> Path:
        return self.tmp / "keys" / "study.key"

    def run(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        for handler in logging.getLogger().handlers:  # the CLI's stderr handler, made by an earlier test
            if type(handler) is logging.StreamHandler:
                handler.stream = sys.stderr
        code = main(list(args))
        captured = self.capsys.readouterr()
        assert "Traceback" not in captured.err
        return code, captured.out, captured.err

    def store(self, command: str, *args: str) -> tuple[int, str, str]:
        return self.run("store", command, self.url, "--key", str(self.key), *self.options, *args)

    def verify(self) -> dict[str, Any]:
        code, out, _ = self.store("verify", "--json")
        report: dict[str, Any] = json.loads(out)
        report["code"] = code
        return report

    def unpack(self, out: str = "out", *args: str) -> dict[str, Any]:
        code, text, err = self.store("unpack", "--out", str(self.tmp / out), "--json", *args)
        report: dict[str, Any] = json.loads(text) if text.strip() else {"ok": False, "error": err}
        report["code"] = code
        return report

    def send(self, bundle_id: str, files: dict[str, bytes], device: Any = None, **spec: Any) -> None:
        """A laptop stages and uploads a bundle (laptop A unless ``device``), the real way."""
        later = {k: spec.pop(k) for k in ("created_at", "session_id", "user") if k in spec}
        s = self.kit.spec(bundle_id, files, device=device, **spec)
        for k, v in later.items():
            setattr(s, k, v)
        t = self.open()
        try:
            upload_bundle(self.kit.stage(s, device=device), t)
        finally:
            t.close()

    def open(self) -> Any:
        from fieldwork_app.sync.transports import open_transport

        if self.root is not None:
            return open_transport(self.url)
        return self._server.open()

    _server: Any = None


def codes(report: dict[str, Any]) -> dict[str, set[str]]:
    """bundle id (or object) -> the problem codes reported for it."""
    out: dict[str, set[str]] = {}
    for p in report["problems"]:
        out.setdefault(p.get("bundle_id") or p["object"], set()).add(p["code"])
    return out


def setup_dm(kit: SyncKit, tmp: Path, capsys: Any, server: StoreServer | None) -> DataManager:
    assert main(["study", "keygen", "--out", str(tmp / "keys")]) == 0
    kit.identity = load_identity(tmp / "keys/study.key")
    kit.recipient = load_recipient(tmp / "keys/study.pub")
    if server is None:
        root = tmp / "store"
        root.mkdir()
        dm = DataManager(kit, root, root.as_uri(), [], tmp, capsys)
    else:
        port = server.url.rsplit(":", 1)[1].split("/", 1)[0]
        (tmp / "known_hosts").write_text(f"[127.0.0.1]:{port} {server.options['host_key']}\n")
        opts = ["--identity", server.options["key_file"], "--known-hosts", str(tmp / "known_hosts")]
        dm = DataManager(kit, None, server.url, opts, tmp, capsys)
        dm._server = server
    code, _, _ = dm.run("study", "devices", "add", kit.device.fingerprint(), "--name", "laptop A",
                        "--key", str(dm.key))  # fmt: skip
    assert code == 0
    return dm


@pytest.fixture(params=["folder", "sftp"])
def dm(request: pytest.FixtureRequest, sync_kit: SyncKit, tmp_path: Path, capsys: Any) -> DataManager:
    server = request.getfixturevalue("sftp_server").fresh() if request.param == "sftp" else None
    return setup_dm(sync_kit, tmp_path, capsys, server)


@pytest.fixture
def folder_dm(sync_kit: SyncKit, tmp_path: Path, capsys: Any) -> DataManager:
    return setup_dm(sync_kit, tmp_path, capsys, None)


def genuine_unpacked(dm: DataManager, out: str = "out") -> None:
    for path, data in {**GENUINE, **SECOND}.items():
        assert (dm.tmp / out / path).read_bytes() == data, path


# -- forged, back-dated, dropped, replayed, revoked ------------------------------------------------------------
def test_forged_session_and_withdrawal_are_named_and_never_unpacked(dm: DataManager) -> None:
    dm.send("b-genuine", GENUINE, created_at="2026-11-02T10:00:00+00:00")
    dm.send("b-second", SECOND, participants=("M-002",))
    mallory = DeviceKey.generate()  # holds the store credential and the public study key, nothing else
    dm.send(
        "b-forged", {NOTES: b'{"from": "mallory"}'}, device=mallory, created_at="2020-01-01T00:00:00+00:00"
    )
    withdrawal = {
        "withdrawal": {"scope": "delete_data", "before_cutoff": True, "effective_date": "2026-11-30"}
    }
    dm.send("b-forged-wd", {"withdrawals/W-9.json": b"{}"}, device=mallory, kind="withdrawal",
            participants=("M-002",), records=withdrawal)  # fmt: skip
    report = dm.verify()
    assert report["code"] == 1
    named = codes(report)
    assert named["b-forged"] == {"untrusted-device"} and named["b-forged-wd"] == {"untrusted-device"}
    assert "b-genuine" not in named and "b-second" not in named
    assert any(mallory.fingerprint() in p["message"] for p in report["problems"])
    unpacked = dm.unpack()
    assert unpacked["code"] == 1 and unpacked["sessions"] == 2 and unpacked["withdrawals"] == 0
    genuine_unpacked(dm)
    assert (
        json.loads((dm.tmp / "out/withdrawals.json").read_text()) == []
    )  # the data manager's files are not on a delete list
    assert not (dm.tmp / "out/withdrawals/W-9.json").exists()


def test_a_back_dated_forgery_before_and_after_a_genuine_unpack(dm: DataManager) -> None:
    """Mallory's key is not trusted; laptop B is (a second study laptop that writes the same file)."""
    mallory, laptop_b = DeviceKey.generate(), DeviceKey.generate()
    dm.run("study", "devices", "add", laptop_b.fingerprint(), "--name", "laptop B", "--key", str(dm.key))
    dm.send("b-forged-early", {NOTES: b'{"from": "mallory"}'}, device=mallory,
            created_at="2020-01-01T00:00:00+00:00")  # fmt: skip
    dm.send("b-genuine", GENUINE, created_at="2026-11-02T10:00:00+00:00")
    dm.send("b-second", SECOND, participants=("M-002",))
    first = dm.unpack()  # the forgery is there before the first unpack: rejected, the genuine one unpacked
    assert first["code"] == 1 and codes(first)["b-forged-early"] == {"untrusted-device"}
    genuine_unpacked(dm)
    dm.send("b-forged-late", {NOTES: b'{"from": "mallory again"}'}, device=mallory,
            created_at="2019-01-01T00:00:00+00:00")  # fmt: skip
    dm.send(
        "b-laptop-b",
        {NOTES: b'{"from": "laptop B"}'},
        device=laptop_b,
        created_at="2019-01-01T00:00:00+00:00",
    )
    again = dm.unpack()  # after: neither replaces the genuine file, whatever date it claims
    named = codes(again)
    assert (
        again["code"] == 1
        and named["b-forged-late"] == {"untrusted-device"}
        and "conflict" in named["b-laptop-b"]
    )
    assert "b-genuine" in {p["bundle_id"] for p in again["problems"] if p["code"] == "conflict"}
    genuine_unpacked(dm)
    rows = {r["bundle_id"]: r for r in json.loads((dm.tmp / "out/index.json").read_text())}
    assert rows["b-genuine"]["status"].startswith("conflict") and rows["b-second"]["status"] == "unpacked"
    assert "b-laptop-b" not in rows
    # In a fresh folder, both laptops' bundles arrive together: both are held back, none decides by its date.
    fresh = dm.unpack("fresh")
    assert fresh["code"] == 1 and {"b-genuine", "b-laptop-b"} <= set(fresh["held"])
    assert not (dm.tmp / "fresh" / NOTES).exists()
    assert (dm.tmp / "fresh" / "M-002/S-0002/notes.json").read_bytes() == SECOND["M-002/S-0002/notes.json"]


def test_dropped_and_replayed_bundles_are_named(dm: DataManager) -> None:
    dm.send("b-1", GENUINE)
    dm.send("b-2", {"M-003/S-0003/notes.json": b"{}"}, participants=("M-003",))
    dm.send("b-3", SECOND, participants=("M-002",))
    assert dm.verify()["code"] == 0
    t = dm.open()
    try:  # the store's operator deletes bundle 2, and copies bundle 1 under another name
        for name in t.list("bundles/b-2/"):
            t.delete(name)
        for name in t.list("bundles/b-1/"):
            t.put_atomic(name.replace("b-1/", "b-copy/"), t.get(name))
    finally:
        t.close()
    report = dm.verify()
    assert report["code"] == 1
    gap = [p for p in report["problems"] if p["code"] == "gap"]
    assert len(gap) == 1 and "bundle 2 of device" in gap[0]["message"]
    assert dm.kit.device.fingerprint() in gap[0]["object"]
    assert codes(report)["b-copy"] == {"replayed-bundle"} and "bundle b-1" in str(report["problems"])
    device = report["devices"][0]
    assert device["newest"] == {"research": 3} and device["label"] == "laptop A"
    unpacked = dm.unpack()
    assert unpacked["code"] == 1
    genuine_unpacked(dm)


def test_a_number_used_twice_and_a_fork_are_named(folder_dm: DataManager) -> None:
    dm = folder_dm
    dm.send("b-1", GENUINE)
    dm.send("b-2", SECOND, participants=("M-002",))
    # The laptop's vault is restored from a backup taken after bundle 1: it numbers the next bundle 2 again.
    assert dm.root is not None
    cursor = dm.kit.cursors[(dm.kit.device.fingerprint(), "research")]
    cursor.next_seq, cursor.prev_digest = (
        2,
        hashlib.sha256((dm.root / "bundles/b-1/manifest.json").read_bytes()).hexdigest(),
    )
    dm.send("b-2-again", {"M-004/S-0004/notes.json": b"{}"}, participants=("M-004",))
    cursor.next_seq, cursor.prev_digest = 3, "0" * 64  # and one that follows a bundle the store never had
    dm.send("b-3-fork", {"M-005/S-0005/notes.json": b"{}"}, participants=("M-005",))
    report = dm.verify()
    named = codes(report)
    assert report["code"] == 1 and named["b-2"] == {"seq-reused"} and named["b-2-again"] == {"seq-reused"}
    assert "fork" in named["b-3-fork"]
    unpacked = dm.unpack()
    assert unpacked["code"] == 1 and {"b-2", "b-2-again"} <= set(unpacked["held"])
    assert (dm.tmp / "out" / NOTES).read_bytes() == GENUINE[NOTES]


def test_a_revoked_laptops_later_bundles_are_rejected(dm: DataManager) -> None:
    dm.send("b-before", GENUINE, created_at="2026-03-01T10:00:00+00:00")
    dm.send("b-after", SECOND, participants=("M-002",), created_at="2026-03-09T10:00:00+00:00")
    key = ["--key", str(dm.key)]
    code, out, _ = dm.run(
        "study", "devices", "revoke", dm.kit.device.fingerprint(), "--from", "2026-03-05", *key
    )
    assert code == 0 and "revoked" in out
    _, listed, _ = dm.run("study", "devices", "list", *key)
    assert "REVOKED from 2026-03-05" in listed
    report = dm.verify()
    assert report["code"] == 1 and codes(report)["b-after"] == {"revoked-device"}
    assert "b-before" not in codes(report)
    # A stolen laptop back-dates: the bundle number, which it cannot, is what --after-seq rejects.
    dm.send("b-backdated", {"M-009/S-0009/x.json": b"{}"}, participants=("M-009",),
            created_at="2026-01-01T10:00:00+00:00")  # fmt: skip
    assert "b-backdated" not in codes(dm.verify())
    dm.run(
        "study",
        "devices",
        "revoke",
        dm.kit.device.fingerprint(),
        "--from",
        "2026-03-05",
        "--after-seq",
        "1",
        *key,
    )
    named = codes(dm.verify())
    assert named["b-backdated"] == {"revoked-device"} and named["b-after"] == {"revoked-device"}
    unpacked = dm.unpack()
    assert unpacked["code"] == 1 and (dm.tmp / "out" / NOTES).read_bytes() == GENUINE[NOTES]
    assert not (dm.tmp / "out/M-002").exists() and not (dm.tmp / "out/M-009").exists()


def test_accept_any_device_lists_every_signer_and_marks_all_unverified(folder_dm: DataManager) -> None:
    dm = folder_dm
    dm.send("b-genuine", GENUINE)
    stranger = DeviceKey.generate()
    dm.send("b-stranger", SECOND, device=stranger, participants=("M-002",))
    (dm.tmp / "keys/trusted-devices.json").unlink()
    code, _, err = dm.store("unpack", "--out", str(dm.tmp / "out"))
    assert code == 1 and not (dm.tmp / "out").exists()
    for fp in (dm.kit.device.fingerprint(), stranger.fingerprint()):
        assert f"signer {fp}: 1 bundle(s)" in err and f"study devices add {fp}" in err
    code, out, _ = dm.store("verify", "--accept-any-device")
    assert code == 0 and stranger.fingerprint() in out and "NOT CHECKED" in out
    first = dm.unpack("first-look", "--accept-any-device")
    assert first["code"] == 0 and first["unverified"] is True
    assert {d["fingerprint"] for d in first["devices"]} == {
        dm.kit.device.fingerprint(),
        stranger.fingerprint(),
    }
    rows = json.loads((dm.tmp / "first-look/index.json").read_text())
    assert rows and all(r["trust"].startswith("UNVERIFIED") for r in rows)
    assert "UNVERIFIED" in (dm.tmp / "first-look/index.csv").read_text()
    # A first-look folder never becomes a trusted one, nor a trusted one a first look.
    dm.run("study", "devices", "add", dm.kit.device.fingerprint(), "--name", "laptop A", "--key", str(dm.key))
    refused = dm.unpack("first-look")
    assert refused["code"] == 1 and "accept-any-device" in refused["error"]
    assert dm.unpack("trusted")["code"] == 1  # the stranger is not trusted: named, the rest unpacked
    assert (dm.tmp / "trusted" / NOTES).read_bytes() == GENUINE[NOTES]
    refused = dm.unpack("trusted", "--accept-any-device")
    assert refused["code"] == 1 and "holds verified data" in refused["error"]


# -- hostile objects and manifests ---------------------------------------------------------------------------
def raw_manifest(kit: SyncKit, bundle_id: str, body: bytes | None = None, *, signed: bytes | None = None,
                 device: Any = None, chunks: list[dict[str, Any]] | None = None) -> bytes:  # fmt: skip
    """A manifest signed by ``device`` over any bytes at all: what a laptop's key, once taken, can sign."""
    dev = device or kit.device
    if signed is None:
        ct = pyrage.encrypt(body or b"{}", [kit.recipient])
        envelope = {"format": "fieldwork-bundle", "version": 2, "bundle_id": bundle_id, "chunks": chunks or [],
                    "body": base64.b64encode(ct).decode()}  # fmt: skip
        signed = canonical_json(envelope)
    outer = {
        "format": "fieldwork-manifest", "version": 2, "signature_alg": "ed25519",
        "signer": base64.b64encode(pyrage.encrypt(dev.public_bytes(), [kit.recipient])).decode(),
        "signed": base64.b64encode(signed).decode(), "signature": base64.b64encode(dev.sign(signed)).decode(),
    }  # fmt: skip
    return json.dumps(outer).encode()


def body_text(kit: SyncKit, bundle_id: str, **fields: str) -> bytes:
    """A body's JSON text with some fields' values given as raw JSON text (for what json.dumps cannot write)."""
    base = {
        "format_version": 2, "bundle_id": bundle_id, "kind": "session", "study_id": "MOTM", "pack_version": "1",
        "session_id": "S-0100", "participant_ids": ["M-100"], "created_at": "2026-01-01T00:00:00+00:00",
        "device": {"public_key": base64.b64encode(kit.device.public_bytes()).decode(),
                   "fingerprint": kit.device.fingerprint()},
        "user": "alice", "chunk_size": 4096, "entries": [], "records": {}, "audit": [], "audit_head": "",
        "audit_seq": 0, "sequence": "research", "device_seq": 1, "prev_manifest_sha256": "",
    }  # fmt: skip
    parts = [f"{json.dumps(k)}:{fields[k] if k in fields else json.dumps(v)}" for k, v in base.items()]
    return ("{" + ",".join(parts) + "}").encode("utf-8", "surrogatepass")


def flac_bomb() -> bytes:
    """A 1 MB portable-audio stream whose one FLAC block decodes to 300 M samples (600 MB), while its
    header says one second."""
    buf = io.BytesIO()
    zeros = np.zeros((1 << 20, 1), dtype=np.int16)
    with sf.SoundFile(buf, "w", 16000, 1, subtype="PCM_16", format="FLAC") as f:
        for _ in range(300):
            f.write(zeros)
    flac = buf.getvalue()
    header = {"format": "fieldwork-portable-audio", "version": 1, "samplerate": 16000, "channels": 1,
              "frames": 16000, "records": 1}  # fmt: skip
    return json.dumps(header).encode() + b"\n" + struct.pack(">I", len(flac)) + flac + struct.pack(">I", 0)


def malformed_manifests(kit: SyncKit) -> dict[str, tuple[bytes, str]]:
    """bundle id -> (a malformed manifest, the code its problem must have): bodies nested 200,000 levels deep,
    with a 5,000-digit integer, a list for a name, an audit history of the wrong type, a lone surrogate, format 99,
    from the trusted laptop's own key (a stolen key, or a broken laptop), and the same from an untrusted key."""
    mallory = DeviceKey.generate()

    def signed_body(bundle_id: str, device: Any = None, **fields: str) -> bytes:
        return raw_manifest(kit, bundle_id, body_text(kit, bundle_id, **fields), device=device)

    return {
        "b-deep": (signed_body("b-deep", records="[" * 200_000 + "]" * 200_000), "bad-manifest"),
        "b-bigint": (signed_body("b-bigint", audit_seq="9" * 5000), "bad-manifest"),
        "b-types": (signed_body("b-types", user='["not", "a", "name"]'), "bad-manifest"),
        "b-audit-type": (signed_body("b-audit-type", audit='"a string"'), "bad-manifest"),
        "b-surrogate": (signed_body("b-surrogate", user='"\\ud800"'), "bad-manifest"),
        "b-version": (signed_body("b-version", format_version="99"), "bad-manifest"),
        "b-env-deep": (
            raw_manifest(kit, "b-env-deep", signed=b"[" * 100_000 + b"]" * 100_000),
            "bad-manifest",
        ),
        "b-m-surrogate": (signed_body("b-m-surrogate", mallory, user='"\\udc00"'), "untrusted-device"),
        "b-m-audit": (signed_body("b-m-audit", mallory, audit="{}"), "untrusted-device"),
        "b-garbage": (b"\xff\xfe not json", "bad-manifest"),
    }


def hostile_store(dm: DataManager) -> dict[str, str]:
    """Put every hostile case into the folder store beside the genuine bundles; return bundle id -> the code
    its problem must have."""
    kit, root = dm.kit, dm.root
    assert root is not None
    expected: dict[str, str] = {}
    for bundle_id, (manifest, code) in malformed_manifests(kit).items():
        (root / "bundles" / bundle_id).mkdir(parents=True)
        (root / "bundles" / bundle_id / "manifest.json").write_bytes(manifest)
        expected[bundle_id] = code
    # A manifest too large, a link to /dev/zero, a FIFO.
    (root / "bundles/b-huge").mkdir()
    with open(root / "bundles/b-huge/manifest.json", "wb") as fh:
        fh.truncate(64 * 1024 * 1024)  # sparse: 64 MB that cost nothing to make
    expected["b-huge"] = "too-large"
    (root / "bundles/b-zero").mkdir()
    os.symlink("/dev/zero", root / "bundles/b-zero/manifest.json")
    expected["b-zero"] = "unreadable"
    (root / "bundles/b-fifo").mkdir()
    os.mkfifo(root / "bundles/b-fifo/manifest.json")
    expected["b-fifo"] = "unreadable"
    # A FLAC bomb from the trusted key, signed and complete: refused while it is being written.
    bomb = dm.kit.spec("b-bomb", {"M-100/S-0100/audio/interview-take-1": flac_bomb()},
                       media_type="application/vnd.fieldwork.portable-audio", participants=("M-100",))  # fmt: skip
    bomb.session_id = "S-0100"
    t = dm.open()
    try:
        upload_bundle(dm.kit.stage(bomb, chunk_size=4 * 1024 * 1024), t)
    finally:
        t.close()
    expected["b-bomb"] = "entry-failed"
    return expected


def test_hostile_manifests_links_fifos_and_a_flac_bomb(folder_dm: DataManager) -> None:
    dm = folder_dm
    dm.send("b-genuine", GENUINE)
    dm.send("b-second", SECOND, participants=("M-002",))
    expected = hostile_store(dm)
    report = dm.verify()
    named = codes(report)
    assert report["code"] == 1
    for bundle_id, code in expected.items():
        if bundle_id != "b-bomb":  # the bomb is well formed: it fails only when decoded
            assert code in named.get(bundle_id, set()), (bundle_id, named.get(bundle_id), report["problems"])
    assert "b-genuine" not in named and "b-second" not in named
    unpacked = dm.unpack()
    named = codes(unpacked)
    assert unpacked["code"] == 1
    for bundle_id, code in expected.items():
        assert code in named.get(bundle_id, set()), (bundle_id, named.get(bundle_id))
    genuine_unpacked(dm)
    assert not (dm.tmp / "out/M-100").exists() or not list((dm.tmp / "out/M-100").rglob("*.flac"))


def test_malformed_manifests_on_the_sftp_store(dm: DataManager) -> None:
    """The same malformed manifests, uploaded to the real SFTP server (and the folder store): each is named, the
    genuine bundles are verified and unpacked."""
    dm.send("b-genuine", GENUINE)
    dm.send("b-second", SECOND, participants=("M-002",))
    cases = malformed_manifests(dm.kit)
    t = dm.open()
    try:
        for bundle_id, (manifest, _code) in cases.items():
            t.put_atomic(f"bundles/{bundle_id}/manifest.json", manifest)
    finally:
        t.close()
    report = dm.verify()
    named = codes(report)
    assert report["code"] == 1 and "b-genuine" not in named and "b-second" not in named
    for bundle_id, (_manifest, code) in cases.items():
        assert named.get(bundle_id) == {code}, (bundle_id, named.get(bundle_id))
    unpacked = dm.unpack()
    assert unpacked["code"] == 1 and unpacked["sessions"] == 2
    genuine_unpacked(dm)


def test_unpacking_the_hostile_store_stays_under_500_mb(folder_dm: DataManager) -> None:
    """The whole hostile store, unpacked by the real command in its own process: its peak memory (max RSS)
    stays under 500 MB, it ends (no FIFO hang), and the genuine bundles are unpacked."""
    dm = folder_dm
    dm.send("b-genuine", GENUINE)
    dm.send("b-second", SECOND, participants=("M-002",))
    hostile_store(dm)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    out_path, err_path, hwm_path = dm.tmp / "unpack.out", dm.tmp / "unpack.err", dm.tmp / "unpack.hwm"
    # The child's own high-water mark after exec (VmHWM): Linux carries the parent's peak into ru_maxrss at
    # exec, so a big test process would be counted as the unpack's.
    program = (
        "import atexit, sys\n"
        "from fieldwork_app.cli import main\n"
        "def hwm():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'):\n"
        f"            open({str(hwm_path)!r}, 'w').write(line.split()[1])\n"
        "atexit.register(hwm)\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        code = subprocess.run(
            [sys.executable, "-c", program, "store", "unpack", dm.url, "--key", str(dm.key),
             "--out", str(dm.tmp / "out"), "--json"],
            stdout=out, stderr=err, env=env, timeout=300, check=False,
        ).returncode  # fmt: skip
    stdout, stderr = out_path.read_text(), err_path.read_text()
    peak_kb = int(hwm_path.read_text())
    assert code == 1 and "Traceback" not in stderr, stderr[-2000:]
    print(f"unpack of the hostile store: peak RSS {peak_kb / 1024:.0f} MB")
    assert 0 < peak_kb < 500 * 1024, f"peak {peak_kb / 1024:.0f} MB"
    assert json.loads(stdout)["sessions"] == 2
    genuine_unpacked(dm)


# -- paths, CSV, identity, the output folder ------------------------------------------------------------------
SPELLINGS = {
    "case": ({"m-001/s-0001/NOTES.json": b"{}"}, "conflict"),
    "nfd": ({"M-001/S-0001/cafe\u0301.json": b"{}"}, "conflict"),
    "file-vs-folder": ({"M-001/S-0001": b"{}"}, "conflict"),
    "trailing-dot": ({"M-001/S-0001/notes.json.": b"{}"}, "bad-manifest"),
    "trailing-space": ({"M-001/S-0001/notes.json ": b"{}"}, "bad-manifest"),
    "device-name": ({"M-001/CON/notes.json": b"{}"}, "bad-manifest"),
    "device-name-ext": ({"M-001/S-0001/nul.txt": b"{}"}, "bad-manifest"),
    "long-part": ({"M-001/" + "x" * 250: b"{}"}, "bad-manifest"),
    "clash-within": ({"M-007/S-0007": b"{}", "M-007/S-0007/x.json": b"{}"}, "bad-path"),
    "case-within": ({"M-008/a.json": b"{}", "M-008/A.JSON": b"{}"}, "bad-path"),
}


@pytest.mark.parametrize("spelling", sorted(SPELLINGS))
def test_hostile_path_spellings(folder_dm: DataManager, spelling: str) -> None:
    """A trusted second laptop (broken, or its key taken) writes paths that mean the genuine files on
    another file system, or no file at all: named, and the genuine files stay as they were."""
    dm = folder_dm
    dm.send("b-genuine", GENUINE)
    dm.send("b-second", SECOND, participants=("M-002",))
    assert dm.unpack()["code"] == 0
    laptop_b = DeviceKey.generate()
    dm.run("study", "devices", "add", laptop_b.fingerprint(), "--name", "laptop B", "--key", str(dm.key))
    files, code = SPELLINGS[spelling]
    dm.kit.forge(dm.root, "b-hostile", files, device=laptop_b, session_id="S-0099")
    before = {
        p: p.read_bytes() for p in (dm.tmp / "out").rglob("*") if p.is_file() and "_fieldwork" not in str(p)
    }
    report = dm.unpack()
    assert report["code"] == 1 and code in codes(report)["b-hostile"], report["problems"]
    genuine_unpacked(dm)
    after = {
        p: p.read_bytes() for p in (dm.tmp / "out").rglob("*") if p.is_file() and "_fieldwork" not in str(p)
    }
    assert {p: d for p, d in after.items() if p.name not in ("index.csv", "index.json")} == {
        p: d for p, d in before.items() if p.name not in ("index.csv", "index.json")
    }


def test_formulas_in_csv_values_are_escaped(folder_dm: DataManager) -> None:
    dm = folder_dm
    s = dm.kit.spec("b-formula", GENUINE)
    s.user = '=HYPERLINK("http://evil.example","click")'
    t = dm.open()
    upload_bundle(dm.kit.stage(s), t)
    t.close()
    assert dm.unpack()["code"] == 0
    text = (dm.tmp / "out/index.csv").read_text()
    assert "'=HYPERLINK" in text and ',"=HYPERLINK' not in text and ",=HYPERLINK" not in text
    assert json.loads((dm.tmp / "out/index.json").read_text())[0]["user"].startswith("=HYPERLINK")


def test_identity_bundles_only_from_the_identity_store_into_identity_out(folder_dm: DataManager) -> None:
    dm = folder_dm
    dm.send("b-genuine", GENUINE)
    dm.send("b-second", SECOND, participants=("M-002",))
    dm.send("b-identity", {"identity/S-0001/participants/M-001.json": b'{"name": "A Person"}'}, kind="identity",
            session_id="S-0001")  # fmt: skip
    report = dm.unpack()
    assert report["code"] == 1 and codes(report)["b-identity"] == {"identity-in-research-store"}
    assert not (dm.tmp / "out/identity").exists()
    genuine_unpacked(dm)
    # The identity store, unpacked with --identity-out: only identity bundles, and never into the analysis folder.
    identity_root = dm.tmp / "identity-store"
    shutil.copytree(dm.root / "bundles/b-identity", identity_root / "bundles/b-identity")  # type: ignore[operator]
    base = ["store", "unpack", identity_root.as_uri(), "--key", str(dm.key)]
    code, _, err = dm.run(*base, "--identity-out", str(dm.tmp / "out"))
    assert code == 1 and "research data" in err
    code, _, err = dm.run(*base, "--identity-out", str(dm.tmp / "out/identity"))
    assert code == 1 and "inside" in err and not (dm.tmp / "out/identity").exists()
    code, _, _ = dm.run(*base, "--identity-out", str(dm.tmp / "register"))
    assert code == 0
    assert json.loads((dm.tmp / "register/identity/S-0001/participants/M-001.json").read_text())["name"]
    code, _, err = dm.run("store", "unpack", dm.url, "--key", str(dm.key), "--out", str(dm.tmp / "register"))
    assert code == 1 and "identity data" in err


def test_out_must_be_empty_or_made_by_unpack(folder_dm: DataManager) -> None:
    dm = folder_dm
    dm.send("b-genuine", GENUINE)
    mine = dm.tmp / "mine"
    mine.mkdir()
    (mine / "index.csv").write_text("my own analysis\n")
    report = dm.unpack("mine")
    assert report["code"] == 1 and "not empty" in report["error"]
    assert (mine / "index.csv").read_text() == "my own analysis\n" and sorted(
        p.name for p in mine.iterdir()
    ) == ["index.csv"]
    assert dm.unpack("out")["code"] == 0 and dm.unpack("out")["code"] == 0  # its own folder: again is fine
    state = dm.tmp / "out/_fieldwork/state.json"
    doc = json.loads(state.read_text())
    owner = doc["files"][NOTES.casefold()]
    assert owner["device"] == dm.kit.device.fingerprint() and owner["bundle"] == "b-genuine"
    owner["device"] = "0000-0000-0000-0000-0000-0000-0000-0000"  # edited by hand: refused
    state.write_text(json.dumps(doc))
    report = dm.unpack("out")
    assert report["code"] == 1 and "altered" in report["error"]
    # A file the data manager changed in the output folder is not replaced by a later bundle of the same session.
    state.unlink()
    shutil.rmtree(dm.tmp / "out")
    assert dm.unpack("out")["code"] == 0
    (dm.tmp / "out" / NOTES).write_text("my corrections")
    dm.send("b-genuine-2", {NOTES: b'{"from": "laptop A, corrected"}'})
    report = dm.unpack("out")
    assert report["code"] == 1 and codes(report)["b-genuine-2"] == {"modified-output"}
    assert (dm.tmp / "out" / NOTES).read_text() == "my corrections"


def test_a_corrected_bundle_of_the_same_session_replaces_the_earlier_one(folder_dm: DataManager) -> None:
    """What stays allowed: one laptop's later bundle of one session replaces its earlier files, and the earlier
    bundle, read again, does not put them back (the signed number says which is newer)."""
    dm = folder_dm
    dm.send("b-z-first", GENUINE)
    assert dm.unpack()["code"] == 0
    dm.send("b-a-corrected", {NOTES: b'{"from": "laptop A, corrected"}'})
    report = dm.unpack()
    assert report["code"] == 0, report["problems"]
    assert (dm.tmp / "out" / NOTES).read_bytes() == b'{"from": "laptop A, corrected"}'
    assert (
        dm.unpack()["code"] == 0
        and (dm.tmp / "out" / NOTES).read_bytes() == b'{"from": "laptop A, corrected"}'
    )


def test_an_os_error_writing_one_bundle_is_that_bundles_problem(folder_dm: DataManager) -> None:
    dm = folder_dm
    dm.send("b-genuine", GENUINE)
    dm.send("b-second", SECOND, participants=("M-002",))
    assert dm.unpack("out")["code"] == 0
    shutil.rmtree(dm.tmp / "out/M-002")
    (dm.tmp / "out/M-002").write_text("a file where the bundle needs a folder")
    report = dm.unpack("out")
    assert report["code"] == 1 and codes(report)["b-second"] == {"write-failed"}, report["problems"]
    assert (dm.tmp / "out" / NOTES).read_bytes() == GENUINE[NOTES]
    assert (dm.tmp / "out/M-002").read_text() == "a file where the bundle needs a folder"


def test_the_trust_list_is_required_without_any_store_read(folder_dm: DataManager) -> None:
    """A list for another study key is refused, as is a list whose data manager signing key is gone."""
    dm = folder_dm
    dm.send("b-genuine", GENUINE)
    (dm.tmp / "keys/dm-signing.key").rename(dm.tmp / "dm-signing.key.away")
    code, _, err = dm.store("verify")
    assert code == 1 and "no data manager signing key" in err


def test_a_trusted_list_kept_elsewhere_is_still_checked_with_the_signing_key(folder_dm: DataManager) -> None:
    """--devices points at a list kept away from the key (a shared team drive): it is still verified with
    dm-signing.key beside study.key, so whoever can write the drive cannot add a laptop."""
    dm = folder_dm
    dm.send("b-genuine", GENUINE)
    shared = dm.tmp / "team-drive/devices.json"
    shared.parent.mkdir()
    key = ["--key", str(dm.key), "--devices", str(shared)]
    code, _, _ = dm.run("study", "devices", "add", dm.kit.device.fingerprint(), "--name", "laptop A", *key)
    assert code == 0 and shared.exists()
    code, out, _ = dm.store("verify", "--devices", str(shared))
    assert code == 0 and "(laptop A)" in out
    # A list signed by another key (someone with the drive made their own) is refused.
    from fieldwork_app.sync import trust

    forged, _ = trust.load_list(shared, trust.load_signing_key(dm.tmp / "keys/dm-signing.key"), dm.kit.identity)
    forged.devices.update(trust.TrustedDevices.of((DeviceKey.generate().fingerprint(), "mallory")).devices)
    trust.save_list(shared, forged, DataManagerKey.generate(), dm.kit.identity, 99)
    code, _, err = dm.store("verify", "--devices", str(shared))
    assert code == 1 and "altered" in err


def test_a_key_in_another_folder_uses_the_one_signing_key_when_named(folder_dm: DataManager) -> None:
    """An identity key kept in another folder (here a copy of the study key) has its own list there, signed
    with the same dm-signing.key given by --signing-key; no second signing key is made, and a signing key
    named by hand is never made up."""
    dm = folder_dm
    dm.send("b-genuine", GENUINE)
    other = dm.tmp / "register-keys"
    other.mkdir()
    shutil.copy(dm.key, other / "study.key")
    signing = ["--signing-key", str(dm.tmp / "keys/dm-signing.key")]
    fp = dm.kit.device.fingerprint()
    missing = ["--signing-key", str(dm.tmp / "nowhere/dm-signing.key")]
    code, _, err = dm.run("study", "devices", "add", fp, "--name", "laptop A", "--key", str(other / "study.key"),
                          *missing)  # fmt: skip
    assert code == 1 and "no data manager signing key" in err and sorted(p.name for p in other.iterdir()) == [
        "study.key"
    ]
    assert not (dm.tmp / "nowhere").exists()
    code, out, _ = dm.run("study", "devices", "add", fp, "--name", "laptop A", "--key", str(other / "study.key"),
                          *signing)  # fmt: skip
    assert code == 0 and "made the data manager signing key" not in out
    assert sorted(p.name for p in other.iterdir()) == ["study.key", "trusted-devices.json"]
    base = ["store", "verify", dm.url, "--key", str(other / "study.key"), "--json"]
    code, out, _ = dm.run(*base, *signing)
    assert code == 0 and json.loads(out)["ok"] is True
    code, _, err = dm.run(*base)  # the folder has no signing key: the list cannot be checked
    assert code == 1 and "no data manager signing key" in err
    # The list there is refused with another signing key (one made for the purpose in a third folder).
    assert main(["study", "keygen", "--out", str(dm.tmp / "third")]) == 0
    code, _, err = dm.run(*base, "--signing-key", str(dm.tmp / "third/dm-signing.key"))
    assert code == 1 and "altered or is not signed by this data manager signing key" in err


# -- objects the data manager's account may not read; links and FIFOs on an SFTP server -------------------------
DATA_MANAGER_UID = 65534  # 'nobody': the data manager is not root (root reads every file whatever its mode)
STORE_WRITER_UID = 12345  # another account with write access to the store
CLI = "import sys; from fieldwork_app.cli.main import main; sys.exit(main(sys.argv[1:]))"


def test_an_unreadable_object_or_folder_is_that_bundles_problem(folder_dm: DataManager) -> None:
    """A store writer makes one bundle's manifest, and another bundle's whole folder, unreadable to the data
    manager's account (owned by another user, mode 000/700).  The commands run as they run them, as an
    unprivileged user, so the kernel refuses those reads (EACCES): each is that bundle's named problem, and the
    genuine bundles are still verified and unpacked."""
    import tempfile

    setpriv = shutil.which("setpriv")  # util-linux: run a command as another user, with no capabilities
    if setpriv is None:
        pytest.skip("setpriv (util-linux) is not installed")
    dm = folder_dm
    dm.send("b-genuine", GENUINE)
    dm.send("b-second", SECOND, participants=("M-002",))
    mallory = DeviceKey.generate()
    dm.send("b-locked", {"M-009/S-0009/x.json": b"{}"}, device=mallory)
    dm.send("b-locked-dir", {"M-008/S-0008/x.json": b"{}"}, device=mallory)
    assert dm.root is not None
    home = Path(tempfile.mkdtemp(prefix="fw-dm-"))  # tmp_path's parents are root's own (0700)
    try:
        shutil.copytree(dm.tmp / "keys", home / "keys")
        shutil.copytree(dm.root, home / "store")
        for path in [home, *home.rglob("*")]:
            os.chown(path, DATA_MANAGER_UID, DATA_MANAGER_UID, follow_symlinks=False)
        os.chmod(home, 0o755)
        locked = home / "store/bundles/b-locked/manifest.json"
        os.chown(locked, STORE_WRITER_UID, STORE_WRITER_UID)
        os.chmod(locked, 0o000)
        locked_dir = home / "store/bundles/b-locked-dir"
        os.chown(locked_dir, STORE_WRITER_UID, STORE_WRITER_UID)
        os.chmod(locked_dir, 0o700)
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2]), "HOME": str(home)}

        def run(*args: str) -> tuple[int, dict[str, Any], str]:
            done = subprocess.run(
                [setpriv, f"--reuid={DATA_MANAGER_UID}", f"--regid={DATA_MANAGER_UID}", "--clear-groups",
                 sys.executable, "-c", CLI, "store", *args, (home / "store").as_uri(),
                 "--key", str(home / "keys/study.key"), "--json"],
                capture_output=True, text=True, env=env, cwd=home, timeout=300, check=False,
            )  # fmt: skip
            assert "Traceback" not in done.stderr, done.stderr[-2000:]
            return done.returncode, (json.loads(done.stdout) if done.stdout.strip() else {}), done.stderr

        code, report, err = run("verify")
        assert code == 1 and report, err
        named = codes(report)
        assert named.get("b-locked") == {"unreadable"} and named.get("b-locked-dir") == {"unreadable"}, named
        shown = {p["bundle_id"]: p["object"] for p in report["problems"]}
        assert shown["b-locked"] == "bundles/b-locked/manifest.json" and shown["b-locked-dir"] == (
            "bundles/b-locked-dir/"
        )
        assert "b-genuine" not in named and "b-second" not in named
        code, report, err = run("unpack", "--out", str(home / "out"))
        assert code == 1 and report.get("sessions") == 2, err
        assert codes(report).get("b-locked") == {"unreadable"}
        for path, data in {**GENUINE, **SECOND}.items():
            assert (home / "out" / path).read_bytes() == data, path
    finally:
        shutil.rmtree(home, ignore_errors=True)


def test_links_and_fifos_on_the_sftp_server_are_refused_unopened(sftp_server: StoreServer, sync_kit: SyncKit,
                                                                 tmp_path: Path, capsys: Any) -> None:  # fmt: skip
    """Over SFTP a store writer makes a manifest a symbolic link to a FIFO elsewhere on the server (opening it
    would block the server until someone writes to it), another a FIFO itself, and a third a link to a genuine
    manifest.  Each is named (never followed, never opened), and the genuine bundles are verified and
    unpacked; nothing hangs."""
    server = sftp_server.fresh()
    dm = setup_dm(sync_kit, tmp_path, capsys, server)
    dm.send("b-genuine", GENUINE)
    dm.send("b-second", SECOND, participants=("M-002",))
    root = "/" + server.url.split("/", 3)[3]  # sftp://user@127.0.0.1:port/abs/path
    fifo = tmp_path / "elsewhere-fifo"
    os.mkfifo(fifo)
    t = dm.open()
    sftp = t._connect()  # the store writer's own login can do all of this
    try:
        for name in ("b-link-fifo", "b-fifo", "b-link"):
            sftp.mkdir(f"{root}/bundles/{name}")
        sftp.symlink(str(fifo), f"{root}/bundles/b-link-fifo/manifest.json")
        sftp.symlink(f"{root}/bundles/b-genuine/manifest.json", f"{root}/bundles/b-link/manifest.json")
        os.mkfifo(f"{root}/bundles/b-fifo/manifest.json")
        sftp.symlink(f"{root}/bundles/b-genuine", f"{root}/bundles/b-dirlink")  # a linked bundle folder
    finally:
        t.close()
    try:
        report = dm.verify()
        named = codes(report)
        assert report["code"] == 1
        for name in ("b-link-fifo", "b-fifo", "b-link"):
            assert named.get(name) == {"unreadable"}, (name, named.get(name), report["problems"])
        assert named.get("bundles/b-dirlink") == {"unexpected-object"}  # listed, never followed
        assert "b-genuine" not in named and "b-second" not in named
        unpacked = dm.unpack()
        assert unpacked["code"] == 1 and unpacked["sessions"] == 2
        genuine_unpacked(dm)
    finally:
        for path in (fifo, Path(f"{root}/bundles/b-fifo/manifest.json")):  # free a server blocked on one
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass


def test_a_respaced_or_resealed_manifest_is_no_fork(folder_dm: DataManager) -> None:
    """The outer manifest object is not signed: a store writer re-spaces bundle 1's (same content, other spacing)
    and re-encrypts its signer field (age encryption is randomised), and the signature still verifies.  Bundles
    chain on the signed bytes, so the genuine bundle 2 still follows bundle 1: no fork, everything unpacked.  A
    bundle numbered the older way (naming the stored object's SHA-256) is still read as following."""
    dm = folder_dm
    dm.send("b-1", GENUINE)
    dm.send("b-2", SECOND, participants=("M-002",))
    assert dm.root is not None
    manifest = dm.root / "bundles/b-1/manifest.json"
    outer = json.loads(manifest.read_bytes())
    signer = pyrage.decrypt(base64.b64decode(outer["signer"]), [dm.kit.identity])
    outer["signer"] = base64.b64encode(pyrage.encrypt(signer, [dm.kit.recipient])).decode("ascii")
    manifest.write_bytes(json.dumps(outer, separators=(", ", ": ")).encode("ascii"))
    report = dm.verify()
    assert report["code"] == 0 and report["problems"] == [], report["problems"]
    # A laptop that numbered its bundle before chain digests named the stored object's bytes.
    cursor = dm.kit.cursors[(dm.kit.device.fingerprint(), "research")]
    cursor.prev_digest = hashlib.sha256((dm.root / "bundles/b-2/manifest.json").read_bytes()).hexdigest()
    dm.send("b-3", {"M-003/S-0003/notes.json": b"{}"}, participants=("M-003",))
    report = dm.verify()
    assert report["code"] == 0 and report["problems"] == [], report["problems"]
    unpacked = dm.unpack()
    assert unpacked["code"] == 0 and unpacked["sessions"] == 3
    genuine_unpacked(dm)


def test_an_unreadable_object_or_folder_on_the_sftp_store_is_that_bundles_problem(
    sync_kit: SyncKit, tmp_path: Path, capsys: Any
) -> None:
    """The same over SFTP, where the store's account on the server is an unprivileged one (the server's
    sftp-server then runs as that user, and its kernel refuses the reads): a manifest and a bundle folder made
    unreadable by another account are each that bundle's named problem; the rest is verified and unpacked."""
    import dataclasses
    import tempfile

    from tests.support.servers import sftp_running

    home = Path(tempfile.mkdtemp(prefix="fw-sshd-"))  # tmp_path's parents are root's own (0700)
    try:
        os.chmod(home, 0o755)
        (home / "sshd").mkdir()
        os.chmod(home / "sshd", 0o755)  # whatever the umask: sshd reads authorized_keys there as them
        with sftp_running(home / "sshd") as server:
            os.chown(home / "sshd/authorized_keys", DATA_MANAGER_UID, DATA_MANAGER_UID)  # sshd reads it as them
            root = home / "store"
            root.mkdir()
            os.chown(root, DATA_MANAGER_UID, DATA_MANAGER_UID)
            url = server.url.split("@", 1)[1].split("/", 1)[0]
            server = dataclasses.replace(server, url=f"sftp://nobody@{url}{root}")
            dm = setup_dm(sync_kit, tmp_path, capsys, server)
            dm.send("b-genuine", GENUINE)
            dm.send("b-second", SECOND, participants=("M-002",))
            mallory = DeviceKey.generate()
            dm.send("b-locked", {"M-009/S-0009/x.json": b"{}"}, device=mallory)
            dm.send("b-locked-dir", {"M-008/S-0008/x.json": b"{}"}, device=mallory)
            locked = root / "bundles/b-locked/manifest.json"
            os.chown(locked, STORE_WRITER_UID, STORE_WRITER_UID)
            os.chmod(locked, 0o000)
            os.chown(root / "bundles/b-locked-dir", STORE_WRITER_UID, STORE_WRITER_UID)
            os.chmod(root / "bundles/b-locked-dir", 0o700)
            report = dm.verify()
            named = codes(report)
            assert report["code"] == 1
            assert named.get("b-locked") == {"unreadable"} and named.get("b-locked-dir") == {"unreadable"}, named
            shown = {p["bundle_id"]: p["object"] for p in report["problems"]}
            assert shown["b-locked-dir"] == "bundles/b-locked-dir/"
            assert "b-genuine" not in named and "b-second" not in named
            unpacked = dm.unpack()
            assert unpacked["code"] == 1 and unpacked["sessions"] == 2
            genuine_unpacked(dm)
    finally:
        shutil.rmtree(home, ignore_errors=True)
