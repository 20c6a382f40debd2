"""Keys, staging, upload, verify and unpack against a real folder store (no daemons needed)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

import pyrage
import pytest

from fieldwork_app.errors import Cancelled, ErrorKind, FieldworkError, InvalidInput
from fieldwork_app.sync import trust
from fieldwork_app.sync.bundle import MD5_SIDECAR, StagedBundle, stage_bundle
from fieldwork_app.sync.dmkeys import DataManagerKey, generate_dm_signing_keypair
from fieldwork_app.sync.engine import RetryPolicy, UploadStats, upload_bundle
from fieldwork_app.sync.keys import DeviceKey, generate_study_keypair, load_identity
from fieldwork_app.sync.manifest import canonical_json
from fieldwork_app.sync.storeside import unpack_store, verify_store
from fieldwork_app.sync.transports import open_transport
from fieldwork_app.sync.trust import TrustedDevices
from tests.support.servers import SyncKit


def files(n_big: int = 300_000) -> dict[str, bytes]:
    return {
        "M-001/S-0001/audio.bin": os.urandom(n_big),
        "M-001/S-0001/consent-M-001.json": json.dumps({"items": [1, 2, 3], "name": "Ünïcode"}).encode(),
        "M-001/S-0001/empty.txt": b"",
    }


def tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    root.mkdir(exist_ok=True)
    return root


def test_keygen_writes_age_files_and_refuses_overwrite(tmp_path: Path) -> None:
    pub, key = generate_study_keypair(tmp_path / "k")
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert pub.read_text().startswith("age1")
    assert any(line.startswith("AGE-SECRET-KEY-1") for line in key.read_text().splitlines())
    identity = load_identity(key)
    assert str(identity.to_public()) == pub.read_text().strip()
    before = key.read_bytes()
    with pytest.raises(FieldworkError, match="already exists"):
        generate_study_keypair(tmp_path / "k")
    assert key.read_bytes() == before


def test_device_key_roundtrip_and_signed_trusted_list(tmp_path: Path) -> None:
    dk = DeviceKey.generate()
    again = DeviceKey.from_private_bytes(dk.private_bytes())
    assert again.public_bytes() == dk.public_bytes() and len(dk.public_bytes()) == 32
    fp = dk.fingerprint()
    assert len(fp) == 39 and fp.count("-") == 7 and fp not in repr(dk.private_bytes())
    _pub, key = generate_study_keypair(tmp_path / "k")
    identity = load_identity(key)
    _spub, manager_path = generate_dm_signing_keypair(tmp_path / "k")
    assert manager_path == trust.signing_key_path(key)
    assert stat.S_IMODE(manager_path.stat().st_mode) == 0o600
    manager = trust.load_signing_key(manager_path)
    listed = TrustedDevices.of((fp, "Alice's laptop"))
    f = trust.devices_path(key)
    trust.save_list(f, listed, manager, identity, 1)
    loaded, serial = trust.load_list(f, manager, identity)
    assert serial == 1 and loaded.is_trusted(fp) and loaded.label(fp) == "Alice's laptop"
    assert not loaded.is_trusted(DeviceKey.generate().fingerprint())
    # Any edit (here: a device added by hand into the signed bytes) is refused, as is another signing key.
    doc = json.loads(f.read_text())
    signed = json.loads(base64.b64decode(doc["signed"]))
    signed["devices"].append({**signed["devices"][0], "fingerprint": DeviceKey.generate().fingerprint()})
    doc["signed"] = base64.b64encode(json.dumps(signed).encode()).decode()
    f.write_text(json.dumps(doc))
    with pytest.raises(trust.TrustListError, match="altered"):
        trust.load_list(f, manager, identity)
    trust.save_list(f, listed, DataManagerKey.generate(), identity, 2)
    with pytest.raises(trust.TrustListError, match="altered"):
        trust.load_list(f, manager, identity)
    trust.save_list(f, listed, manager, pyrage.x25519.Identity.generate(), 3)
    with pytest.raises(trust.TrustListError, match="another study"):
        trust.load_list(f, manager, identity)


def test_roundtrip_folder_store_and_idempotent_unpack(sync_kit: SyncKit, tmp_path: Path) -> None:
    content = files()
    staged = sync_kit.stage(sync_kit.spec("b-0001", content))
    # The outbox holds ciphertext only: no plaintext marker appears in any staged file.
    for p in staged.directory.iterdir():
        assert (
            b"consent" not in p.read_bytes() and content["M-001/S-0001/audio.bin"][:64] not in p.read_bytes()
        )
    t = open_transport(f"file://{store(tmp_path)}")
    receipt = upload_bundle(staged, t)
    assert receipt.bundle_id == "b-0001" and receipt.objects[-1].name.endswith("manifest.json")
    assert {o.name for o in receipt.objects} == set(t.list("bundles/"))
    trusted = sync_kit.trusted
    report = verify_store(t, sync_kit.identity, trusted)
    assert report.ok, report.problems
    out = tmp_path / "analysis"
    first = unpack_store(t, sync_kit.identity, out, trusted)
    assert first.ok and first.sessions == 1
    for path, data in content.items():
        assert (out / path).read_bytes() == data
    index = json.loads((out / "index.json").read_text())
    assert index[0]["bundle_id"] == "b-0001" and index[0]["device_label"] == "laptop 1"
    snapshot = tree(out)
    second = unpack_store(t, sync_kit.identity, out, trusted)
    assert second.ok and not second.written and tree(out) == snapshot
    # A second upload of the same staged bundle sends nothing.
    stats = UploadStats()
    upload_bundle(staged, t, stats=stats)
    assert stats.bytes_attempted == 0 and stats.objects_skipped == len(staged.objects())


def test_staging_is_idempotent_and_rejects_bad_specs(sync_kit: SyncKit) -> None:
    spec = sync_kit.spec("b-0002", files(1000))
    a = sync_kit.stage(spec)
    b = sync_kit.stage(spec)
    assert a.chunks == b.chunks and a.manifest_path.read_bytes() == b.manifest_path.read_bytes()
    for bad in ("../etc/passwd", "/abs/path", "a//b", "a/./b", "C:\\x", ""):
        with pytest.raises(InvalidInput):
            sync_kit.stage(sync_kit.spec("b-bad", {bad: b"x"}))
    with pytest.raises(InvalidInput, match="fingerprint"):
        stage_bundle(spec, sync_kit.recipient, DeviceKey.generate(), sync_kit.outbox)
    with pytest.raises(InvalidInput):
        sync_kit.stage(sync_kit.spec("../escape", {"a.txt": b"x"}))
    assert not (sync_kit.outbox / "b-bad").exists()


def test_staging_records_each_chunks_md5_and_keeps_it_local(sync_kit: SyncKit, tmp_path: Path) -> None:
    staged = sync_kit.stage(sync_kit.spec("b-md5", files(300_000)), chunk_size=64 * 1024)
    assert set(staged.md5s) == {n for n, _ in staged.chunks} and len(staged.chunks) > 3
    for n, _ in staged.chunks:
        assert staged.md5s[n] == hashlib.md5(staged.chunk_path(n).read_bytes()).hexdigest()
    assert StagedBundle.load(staged.directory).md5s == staged.md5s
    first = staged.chunks[0][0]
    sidecar = staged.directory / MD5_SIDECAR
    sidecar.write_text(json.dumps({first: "not-a-digest", "0" * 64: "0" * 32}))
    assert StagedBundle.load(staged.directory).md5s == {}  # only sound entries for listed chunks
    sidecar.write_text("[")
    assert StagedBundle.load(staged.directory).md5s == {}
    sidecar.unlink()  # an outbox staged before the sidecar existed still uploads and verifies
    root = store(tmp_path)
    t = open_transport(f"file://{root}")
    upload_bundle(StagedBundle.load(staged.directory), t)
    assert verify_store(t, sync_kit.identity, sync_kit.trusted).ok
    assert not [p for p in root.rglob("*") if p.name == MD5_SIDECAR]  # never uploaded


def test_tampering_is_named(sync_kit: SyncKit, tmp_path: Path) -> None:
    root = store(tmp_path)
    t = open_transport(f"file://{root}")
    staged = sync_kit.stage(sync_kit.spec("b-good", files(200_000)))
    upload_bundle(staged, t)
    for bid in ("b-flip", "b-gone", "b-mani"):
        upload_bundle(sync_kit.stage(sync_kit.spec(bid, files(200_000))), t)
    flip = root / "bundles/b-flip" / f"{staged.chunks[0][0]}.age"
    flip = sorted((root / "bundles/b-flip").glob("*.age"))[1]
    data = bytearray(flip.read_bytes())
    data[len(data) // 2] ^= 0x01
    flip.write_bytes(bytes(data))
    gone = sorted((root / "bundles/b-gone").glob("*.age"))[0]
    gone.unlink()
    mani = root / "bundles/b-mani/manifest.json"
    outer = json.loads(mani.read_text())
    signed = bytearray(base64.b64decode(outer["signed"]))
    signed[signed.index(b'"size":') + 7] ^= 0x01  # change a chunk size digit inside the signed envelope
    outer["signed"] = base64.b64encode(bytes(signed)).decode()
    mani.write_text(json.dumps(outer))
    report = verify_store(t, sync_kit.identity, sync_kit.trusted)
    named = {(p.object, p.code) for p in report.problems}
    assert (flip.relative_to(root).as_posix(), "altered-chunk") in named
    assert (gone.relative_to(root).as_posix(), "missing-chunk") in named
    assert ("bundles/b-mani/manifest.json", "bad-manifest") in named
    assert not any(p.bundle_id == "b-good" for p in report.problems)
    assert [b.bundle_id for b in report.bundles if b.ok] == ["b-good"]
    # Unpack writes only the good bundle.
    out = tmp_path / "out"
    up = unpack_store(t, sync_kit.identity, out, sync_kit.trusted)
    assert [r["bundle_id"] for r in json.loads((out / "index.json").read_text())] == ["b-good"]
    assert not up.ok
    # The store operator (no key) still sees the altered and missing chunks.
    keyless = {(p.object, p.code) for p in verify_store(t, None).problems}
    assert (gone.relative_to(root).as_posix(), "missing-chunk") in keyless


def test_unknown_device_and_wrong_study_key_are_rejected(sync_kit: SyncKit, tmp_path: Path) -> None:
    t = open_transport(f"file://{store(tmp_path)}")
    stranger = DeviceKey.generate()
    upload_bundle(
        sync_kit.stage(sync_kit.spec("b-stranger", files(1000), device=stranger), device=stranger), t
    )
    upload_bundle(sync_kit.stage(sync_kit.spec("b-mine", files(1000))), t)
    trusted = sync_kit.trusted
    report = verify_store(t, sync_kit.identity, trusted)
    [problem] = report.problems
    assert problem.object == "bundles/b-stranger/manifest.json" and stranger.fingerprint() in problem.message
    assert problem.code == "untrusted-device" and "fieldwork study devices add" in problem.message
    other = pyrage.x25519.Identity.generate()
    assert {p.code for p in verify_store(t, other, sync_kit.trusted).problems} == {"bad-manifest"}


def test_hostile_manifest_paths_never_escape(sync_kit: SyncKit, tmp_path: Path) -> None:
    """A manifest forged with a valid signature but a '..' path is refused; nothing is written outside."""
    root = store(tmp_path)
    sync_kit.forge(root, "b-evil", {"../../evil.txt": b"pwned"})
    t = open_transport(f"file://{root}")
    out = tmp_path / "deep" / "out"
    report = unpack_store(t, sync_kit.identity, out, sync_kit.trusted)
    assert [p.code for p in report.problems] == ["bad-manifest"] and "path" in report.problems[0].message
    assert not (tmp_path / "evil.txt").exists() and not (tmp_path / "deep" / "evil.txt").exists()
    assert canonical_json({"b": 1, "a": "é"}) == b'{"a":"\\u00e9","b":1}'


def test_cancel_then_resume_resends_at_most_one_chunk(sync_kit: SyncKit, tmp_path: Path) -> None:
    staged = sync_kit.stage(sync_kit.spec("b-cancel", files(600_000)), chunk_size=64 * 1024)
    t = open_transport(f"file://{store(tmp_path)}")

    class CancelAfter:
        def __init__(self, n: int) -> None:
            self.n, self.calls, self.progress = n, 0, [(0, 0)]

        def set_progress(self, done: int, total: int, message: str) -> None:
            self.progress.append((done, total))

        def cancel_requested(self) -> bool:
            self.calls += 1
            return self.calls > self.n

    state = CancelAfter(12)
    first = UploadStats()
    with pytest.raises(Cancelled):
        upload_bundle(staged, t, state, stats=first)
    assert not t.stat("bundles/b-cancel/manifest.json")
    assert all(a <= b or b == 0 for a, b in state.progress) and state.progress[-1][1] == staged.total_bytes
    second = UploadStats()
    receipt = upload_bundle(staged, t, stats=second)
    biggest = max(s for _, s in staged.chunks)
    assert first.bytes_attempted + second.bytes_attempted <= staged.total_bytes + biggest
    assert (
        receipt.total_bytes == staged.total_bytes and verify_store(t, sync_kit.identity, sync_kit.trusted).ok
    )


def test_store_errors_are_typed_and_leave_staging_untouched(sync_kit: SyncKit, tmp_path: Path) -> None:
    staged = sync_kit.stage(sync_kit.spec("b-err", files(1000)))
    before = tree(staged.directory)
    with pytest.raises(FieldworkError) as e:
        upload_bundle(staged, open_transport(f"file://{tmp_path}/not-mounted"), retry=RetryPolicy(2, 0.01))
    assert e.value.kind is ErrorKind.STORE_UNREACHABLE and "not-mounted" in e.value.message
    ro = store(tmp_path)
    os.chmod(ro, 0o500)
    try:
        if os.geteuid() != 0:  # root ignores directory permissions
            with pytest.raises(FieldworkError) as e:
                upload_bundle(staged, open_transport(f"file://{ro}"))
            assert e.value.kind is ErrorKind.STORE_AUTH
    finally:
        os.chmod(ro, 0o700)
    assert tree(staged.directory) == before
    with pytest.raises(InvalidInput):
        open_transport("gopher://x/y")


def _withdrawal(scope: str, before_cutoff: bool) -> dict[str, Any]:
    return {"withdrawal": {"scope": scope, "before_cutoff": before_cutoff, "effective_date": "2026-11-30"}}


def test_withdrawal_is_listed_with_files_to_delete(sync_kit: SyncKit, tmp_path: Path) -> None:
    t = open_transport(f"file://{store(tmp_path)}")
    upload_bundle(sync_kit.stage(sync_kit.spec("b-s1", files(1000), participants=("M-001",))), t)
    upload_bundle(
        sync_kit.stage(sync_kit.spec("b-s2", {"M-002/S-0002/n.json": b"{}"}, participants=("M-002",))), t
    )
    group = {"focus-groups/S-0003/audio.json": b"{}"}
    upload_bundle(sync_kit.stage(sync_kit.spec("b-fg", group, participants=("M-001", "P-001"))), t)
    # a joint interview, as bundles made before its own folder name had it (under focus-groups/) and after
    for i, top in enumerate(("focus-groups/S-0004", "joint-interviews/S-0005")):
        joint = {f"{top}/{name}": b"{}" for name in (
            "audio/interview-take-1", "notes.json", "consent/consent-M-001.json", "consent/consent-M-001.pdf",
            "consent/verbal-consent-M-001-take-1", "consent/consent-F-001.json", "consent/consent-M-0011.json")}
        upload_bundle(sync_kit.stage(sync_kit.spec(f"b-j{i}", joint, participants=("M-001", "F-001"))), t)
    wd = sync_kit.spec("b-w1", {}, kind="withdrawal", records=_withdrawal("delete_data", True))
    upload_bundle(sync_kit.stage(wd), t)
    out = tmp_path / "out"
    report = unpack_store(t, sync_kit.identity, out, sync_kit.trusted)
    assert report.ok and report.withdrawals == 1 and report.sessions == 5
    [row] = json.loads((out / "withdrawals.json").read_text())
    assert row["bundle_id"] == "b-w1" and row["participant_ids"] == "M-001" and row["scope"] == "delete_data"
    own_in_joint = [f"{top}/consent/{name}" for top in ("focus-groups/S-0004", "joint-interviews/S-0005")
                    for name in ("consent-M-001.json", "consent-M-001.pdf", "verbal-consent-M-001-take-1")]
    assert row["delete"] == sorted([*files(1), *own_in_joint])  # her own sessions and consent, not M-002's
    shared = [f"{top}/{name}" for top in ("focus-groups/S-0004", "joint-interviews/S-0005")
              for name in ("audio/interview-take-1", "notes.json", "consent/consent-M-0011.json")]
    # shared with others: edit, do not delete (another's consent is not hers: F-001's named, so not shared)
    assert row["review"] == sorted(["focus-groups/S-0003/audio.json", *shared])
    assert "delete every file" in row["action"]
    assert "b-w1" in (out / "withdrawals.csv").read_text()


@pytest.mark.parametrize(
    ("scope", "before_cutoff"),
    [("delete_data", False), ("no_further_data", True), ("no_further_contact", True)],
)
def test_a_withdrawal_that_keeps_the_data_lists_nothing_to_delete(
    sync_kit: SyncKit, tmp_path: Path, scope: str, before_cutoff: bool
) -> None:
    t = open_transport(f"file://{store(tmp_path)}")
    upload_bundle(sync_kit.stage(sync_kit.spec("b-s1", files(1000), participants=("M-001",))), t)
    wd = sync_kit.spec("b-w1", {}, kind="withdrawal", records=_withdrawal(scope, before_cutoff))
    upload_bundle(sync_kit.stage(wd), t)
    report = unpack_store(t, sync_kit.identity, tmp_path / "out", sync_kit.trusted)
    assert report.ok
    [row] = json.loads((tmp_path / "out" / "withdrawals.json").read_text())
    assert row["scope"] == scope and row["delete"] == [] and row["review"] == []
    assert "keep" in row["action"] and "delete every file" not in row["action"]


def test_store_urls_that_would_expose_a_password_are_refused() -> None:
    with pytest.raises(InvalidInput) as e:
        open_transport("webdav://files.example.ac.uk/remote.php/dav/files/amara")
    assert "plain http" in e.value.message and "https://" in e.value.message
    with pytest.raises(InvalidInput) as e:
        open_transport("http://10.0.0.5/dav")
    assert "plain http" in e.value.message
    for url in (
        "https://amara:s3cret-pass@files.example.ac.uk/dav",
        "sftp://amara:s3cret-pass@sftp.example/x",
    ):
        with pytest.raises(InvalidInput) as e:
            open_transport(url)
        assert "contains a password" in e.value.message and "s3cret-pass" not in e.value.message
    for ok in ("webdavs://files.example.ac.uk/dav", "https://files.example.ac.uk/dav", "webdav://127.0.0.1:8080/x",
               "http://localhost/x", "webdav://[::1]:8080/x"):  # fmt: skip
        open_transport(ok, options={"username": "amara"}, secrets={"password": "x"}).close()


def test_a_version_1_bundle_from_an_older_laptop_still_verifies_and_unpacks(
    sync_kit: SyncKit, tmp_path: Path
) -> None:
    """Bundles already on a store from laptops before numbering (no signer field, no bundle number) are read:
    the signer is found inside the body, with the same limits, and checked before anything else is used."""
    root = store(tmp_path)
    data = b'{"old": true}'
    chunk = pyrage.encrypt(data, [sync_kit.recipient])
    name = hashlib.sha256(chunk).hexdigest()
    (root / "bundles/b-v1").mkdir(parents=True)
    (root / "bundles/b-v1" / f"{name}.age").write_bytes(chunk)

    def v1(device: DeviceKey) -> bytes:
        body = {
            "format_version": 1, "bundle_id": "b-v1", "kind": "session", "study_id": "MOTM", "pack_version": "1",
            "session_id": "S-0001", "participant_ids": ["M-001"], "created_at": "2025-01-01T00:00:00+00:00",
            "device": {"public_key": base64.b64encode(device.public_bytes()).decode(),
                       "fingerprint": device.fingerprint()},
            "user": "alice", "chunk_size": 4096, "records": {}, "audit": [], "audit_head": "", "audit_seq": 0,
            "entries": [{"path": "M-001/S-0001/old.json", "media_type": "application/json", "meta": {},
                         "size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "chunks": [name]}],
        }  # fmt: skip
        body_ct = pyrage.encrypt(canonical_json(body), [sync_kit.recipient])
        envelope = {"format": "fieldwork-bundle", "version": 1, "bundle_id": "b-v1",
                    "chunks": [{"name": name, "size": len(chunk)}],
                    "body": base64.b64encode(body_ct).decode()}  # fmt: skip
        signed = canonical_json(envelope)
        return json.dumps({"format": "fieldwork-manifest", "version": 1, "signature_alg": "ed25519",
                           "signed": base64.b64encode(signed).decode(),
                           "signature": base64.b64encode(device.sign(signed)).decode()}).encode()  # fmt: skip

    (root / "bundles/b-v1/manifest.json").write_bytes(v1(sync_kit.device))
    t = open_transport(root.as_uri())
    report = verify_store(t, sync_kit.identity, sync_kit.trusted)
    assert report.ok, report.problems
    assert report.newest == {}  # unnumbered: no gap, replay or fork checks
    out = tmp_path / "out"
    assert unpack_store(t, sync_kit.identity, out, sync_kit.trusted).ok
    assert (out / "M-001/S-0001/old.json").read_bytes() == data
    (root / "bundles/b-v1/manifest.json").write_bytes(v1(DeviceKey.generate()))  # the same, by a stranger
    assert [p.code for p in verify_store(t, sync_kit.identity, sync_kit.trusted).problems] == [
        "untrusted-device"
    ]


@pytest.mark.parametrize("relative_opens", [True, False], ids=["openat", "lstat-walk"])
def test_a_folder_store_reads_regular_files_only_and_follows_no_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relative_opens: bool
) -> None:
    """Links, FIFOs and linked folders are listed (so a reader names them) and never read; the lstat walk is
    what runs where descriptors relative to a folder are not offered (Windows)."""
    if not relative_opens:
        monkeypatch.setattr(os, "supports_dir_fd", set())
    root = store(tmp_path)
    (root / "bundles/b").mkdir(parents=True)
    (root / "bundles/b/ok").write_bytes(b"fine")
    (tmp_path / "secret").write_bytes(b"outside the store")
    os.symlink(tmp_path / "secret", root / "bundles/b/link")
    os.symlink("/dev/zero", root / "bundles/b/zero")
    os.mkfifo(root / "bundles/b/fifo")
    os.symlink(root / "bundles/b", root / "bundles/linked")
    t = open_transport(root.as_uri())
    listed = ["bundles/b/fifo", "bundles/b/link", "bundles/b/ok", "bundles/b/zero", "bundles/linked"]
    assert t.list("bundles/") == listed
    assert (
        t.get("bundles/b/ok") == b"fine" and t.stat("bundles/b/ok") == 4 and t.stat("bundles/b/none") is None
    )
    for name in ("bundles/b/link", "bundles/b/zero", "bundles/b/fifo", "bundles/linked/ok"):
        with pytest.raises(FieldworkError, match="not read") as e:
            t.get(name)
        assert e.value.kind is ErrorKind.STORE_ERROR and "outside" not in e.value.message
        with pytest.raises(FieldworkError, match="not read"):
            t.stat(name)


def test_an_entry_whose_size_is_wrong_is_not_unpacked(sync_kit: SyncKit, tmp_path: Path) -> None:
    root = store(tmp_path)
    t = open_transport(root.as_uri())
    upload_bundle(sync_kit.stage(sync_kit.spec("b-good", {"M-001/S-0001/ok.json": b"{}"})), t)

    def after(bundle_id: str) -> str:
        return hashlib.sha256((root / "bundles" / bundle_id / "manifest.json").read_bytes()).hexdigest()

    data = b'{"twelve": 1}'
    sync_kit.forge(root, "b-short", {"M-002/a.json": data}, sizes={"M-002/a.json": 5}, device_seq=2,
                   session_id="S-0002", prev_manifest_sha256=after("b-good"))  # fmt: skip
    sync_kit.forge(root, "b-long", {"M-003/a.json": data}, sizes={"M-003/a.json": 99}, device_seq=3,
                   session_id="S-0003", prev_manifest_sha256=after("b-short"))  # fmt: skip
    sync_kit.forge(root, "b-huge", {"M-004/a.json": data}, sizes={"M-004/a.json": 10**9}, device_seq=4,
                   session_id="S-0004", prev_manifest_sha256=after("b-long"))  # fmt: skip
    report = verify_store(t, sync_kit.identity, sync_kit.trusted)
    assert [(p.bundle_id, p.code) for p in report.problems] == [("b-huge", "bad-manifest")]
    assert "more than its chunks can hold" in report.problems[0].message
    out = tmp_path / "out"
    unpacked = unpack_store(t, sync_kit.identity, out, sync_kit.trusted)
    failed = {p.bundle_id for p in unpacked.problems if p.code == "entry-failed"}
    assert failed == {"b-short", "b-long"} and (out / "M-001/S-0001/ok.json").exists()
    assert not (out / "M-002/a.json").exists() and not (out / "M-003/a.json").exists()
