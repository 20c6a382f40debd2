"""Sync against real servers on 127.0.0.1: OpenSSH SFTP, wsgidav WebDAV, Ceph radosgw S3, a folder."""

from __future__ import annotations

import hashlib
import json
import random
import socket
from pathlib import Path

import pytest

from fieldwork_app.errors import ErrorKind, FieldworkError, StoreError
from fieldwork_app.sync.engine import RetryPolicy, UploadStats, upload_bundle
from fieldwork_app.sync.keys import DeviceKey
from fieldwork_app.sync.storeside import unpack_store, verify_store
from tests.support.servers import CutProxy, StoreServer, SyncKit, tiny_disk

pytestmark = pytest.mark.servers
ONCE = RetryPolicy(attempts=1)
QUICK = RetryPolicy(attempts=4, base_delay=0.05)


@pytest.fixture(params=["folder", "sftp", "webdav", "s3"])
def any_store(request: pytest.FixtureRequest) -> StoreServer:
    server: StoreServer = request.getfixturevalue(f"{request.param}_server" if request.param != "folder"
                                                  else "folder_store")  # fmt: skip
    return server.fresh()


@pytest.fixture(params=["sftp", "webdav", "s3"])
def net_store(request: pytest.FixtureRequest) -> StoreServer:
    server: StoreServer = request.getfixturevalue(f"{request.param}_server")
    return server.fresh()


def content(big: int = 2_500_000) -> dict[str, bytes]:
    rng = random.Random(big)
    return {
        "M-001/S-0003/audio.bin": rng.randbytes(big),
        "M-001/S-0003/consent-M-001.json": json.dumps({"statements": list(range(50))}).encode(),
        "M-001/S-0003/notes/field-notes.txt": "Field notes — ümlaut\n".encode() * 300,
        "M-001/S-0003/markers.json": b"[]",
    }


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}  # fmt: skip


def test_roundtrip_through_each_transport(any_store: StoreServer, sync_kit: SyncKit, tmp_path: Path) -> None:
    files = content()
    staged = sync_kit.stage(sync_kit.spec("b-round", files), chunk_size=256 * 1024)
    t = any_store.open()
    try:
        receipt = upload_bundle(staged, t)
        expected = {"folder": "read-back", "sftp": "server-sha256", "webdav": "read-back", "s3": "server-md5"}
        assert receipt.verify_method == expected[any_store.kind]
        assert sorted(o.name for o in receipt.objects) == t.list("bundles/")
        report = verify_store(t, sync_kit.identity, sync_kit.trusted)
        assert report.ok, report.problems
        assert report.objects_checked == len(staged.chunks)
        out = tmp_path / "analysis"
        assert unpack_store(t, sync_kit.identity, out, sync_kit.trusted).ok
        for path, data in files.items():
            assert (out / path).read_bytes() == data
        before = tree(out)
        assert unpack_store(t, sync_kit.identity, out, sync_kit.trusted).ok and tree(out) == before
    finally:
        t.close()


def _target_port(server: StoreServer) -> int:
    if server.kind == "s3":
        return int(server.options["endpoint"].rsplit(":", 1)[1])
    return int(server.url.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)[1])


def test_cut_connections_resume_to_identical_store(net_store: StoreServer, sync_kit: SyncKit,
                                                   cut_proxy: type[CutProxy], tmp_path: Path) -> None:  # fmt: skip
    files = content(900_000)
    staged = sync_kit.stage(sync_kit.spec("b-cut", files), chunk_size=64 * 1024)
    proxy = cut_proxy(_target_port(net_store))
    via_proxy = net_store.with_endpoint("127.0.0.1", proxy.port)
    direct = net_store.open()
    rng = random.Random(7)
    biggest = max(s for _, s in staged.chunks)
    attempted = failures = 0
    receipt = None
    for _ in range(8):
        proxy.cut_at(proxy.sent + rng.randint(2_000, 250_000))
        stats = UploadStats()
        t = via_proxy.open()
        try:
            receipt = upload_bundle(staged, t, retry=ONCE, stats=stats)
        except StoreError as exc:
            assert exc.kind is ErrorKind.STORE_UNREACHABLE, exc
            failures += 1
            # No receipt, and no manifest on the store until every chunk is verified.
            assert direct.stat("bundles/b-cut/manifest.json") is None
        finally:
            attempted += stats.bytes_attempted
            t.close()
        if receipt is not None:
            break
    proxy.cut_at(None)
    if receipt is None:
        t = via_proxy.open()
        stats = UploadStats()
        receipt = upload_bundle(staged, t, retry=ONCE, stats=stats)
        attempted += stats.bytes_attempted
        t.close()
    # A cut costs at most one chunk re-sent, whether it fails the call or the transport finishes the
    # interrupted chunk from where the store's copy ends (SFTP) or the checker simply asks again.
    assert failures >= 1 and proxy.cuts >= 2 and proxy.cuts >= failures
    assert attempted <= staged.total_bytes + proxy.cuts * biggest
    assert [o.sha256 for o in receipt.objects[:-1]] == [n for n, _ in staged.chunks]
    assert verify_store(direct, sync_kit.identity, sync_kit.trusted).ok
    out = tmp_path / "out"
    assert unpack_store(direct, sync_kit.identity, out, sync_kit.trusted).ok
    assert all((out / p).read_bytes() == d for p, d in files.items())
    direct.close()


def test_retries_inside_one_call(
    net_store: StoreServer, sync_kit: SyncKit, cut_proxy: type[CutProxy]
) -> None:
    staged = sync_kit.stage(sync_kit.spec("b-retry", content(500_000)), chunk_size=64 * 1024)
    proxy = cut_proxy(_target_port(net_store))
    proxy.cut_at(150_000)
    stats = UploadStats()
    t = net_store.with_endpoint("127.0.0.1", proxy.port).open()
    receipt = upload_bundle(staged, t, retry=QUICK, stats=stats)
    t.close()
    assert proxy.cuts == 1 and stats.retries >= 1 and receipt.total_bytes == staged.total_bytes
    assert verify_store(net_store.open(), sync_kit.identity, sync_kit.trusted).ok


def test_wrong_credentials_are_store_auth(net_store: StoreServer, sync_kit: SyncKit) -> None:
    staged = sync_kit.stage(sync_kit.spec("b-auth", content(10_000)))
    before = tree(staged.directory)
    if net_store.kind == "sftp":
        bad = StoreServer(
            "sftp", net_store.url, {**net_store.options, "key_file": net_store.extra["other_key"]}
        )
    elif net_store.kind == "webdav":
        bad = StoreServer("webdav", net_store.url, net_store.options, {"password": "wrong"})
    else:
        bad = StoreServer("s3", net_store.url, net_store.options, {"secret_key": "wrong"})
    with pytest.raises(FieldworkError) as e:
        upload_bundle(staged, bad.open(), retry=ONCE)
    assert e.value.kind is ErrorKind.STORE_AUTH
    assert "wrong" not in e.value.message and tree(staged.directory) == before
    if net_store.kind == "sftp":
        pinned = StoreServer("sftp", net_store.url, {**net_store.options, "host_key": "ssh-ed25519 AAAAnope"})
        with pytest.raises(FieldworkError, match="host key changed") as e:
            upload_bundle(staged, pinned.open(), retry=ONCE)
        assert e.value.kind is ErrorKind.STORE_HOST_KEY


def test_unreachable_store(net_store: StoreServer, sync_kit: SyncKit) -> None:
    staged = sync_kit.stage(sync_kit.spec("b-down", content(10_000)))
    with socket.socket() as s:  # a port that is certainly closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        with pytest.raises(FieldworkError) as e:
            upload_bundle(
                staged, net_store.with_endpoint("127.0.0.1", port).open(), retry=RetryPolicy(2, 0.01)
            )
    assert e.value.kind is ErrorKind.STORE_UNREACHABLE and "127.0.0.1" in e.value.message


def test_full_store(s3_server: StoreServer, sync_kit: SyncKit, tmp_path: Path) -> None:
    staged = sync_kit.stage(sync_kit.spec("b-full", content(900_000)), chunk_size=128 * 1024)
    before = tree(staged.directory)
    with pytest.raises(FieldworkError) as e:
        upload_bundle(staged, s3_server.extra["quota_store"].open(), retry=ONCE)
    assert e.value.kind is ErrorKind.STORE_FULL and "full" in e.value.message
    assert tree(staged.directory) == before
    with tiny_disk(tmp_path / "tiny") as mnt:  # a folder store on a full disk
        with pytest.raises(FieldworkError) as e:
            upload_bundle(staged, StoreServer("folder", f"file://{mnt}").open(), retry=ONCE)
        assert e.value.kind is ErrorKind.STORE_FULL
    assert tree(staged.directory) == before


def test_a_full_disk_behind_sftp_is_named_full(sftp_server: StoreServer, sync_kit: SyncKit) -> None:
    """OpenSSH reports a full disk as a bare "Failure"; the transport asks the server how much room is left."""
    staged = sync_kit.stage(sync_kit.spec("b-full", content(900_000)), chunk_size=128 * 1024)
    root = sftp_server.extra["root"]
    with tiny_disk(root / "tiny"):
        full = StoreServer("sftp", f"{sftp_server.url}/tiny", sftp_server.options)
        with pytest.raises(FieldworkError) as e:
            upload_bundle(staged, full.open(), retry=ONCE)
    assert e.value.kind is ErrorKind.STORE_FULL and "full" in e.value.message and "KiB left" in e.value.message


def test_server_errors_are_store_error(net_store: StoreServer, sync_kit: SyncKit) -> None:
    staged = sync_kit.stage(sync_kit.spec("b-srv", content(10_000)))
    if net_store.kind == "s3":
        broken = StoreServer("s3", "s3://no-such-bucket/x", net_store.options, net_store.secrets)
    else:
        # The store folder exists as a plain file: the server can only refuse.
        t = net_store.open()
        t.put_atomic("bundles", b"not a folder")
        t.close()
        broken = net_store
    with pytest.raises(FieldworkError) as e:
        upload_bundle(staged, broken.open(), retry=ONCE)
    assert e.value.kind is ErrorKind.STORE_ERROR, e.value


def test_tampering_on_the_server_is_named(any_store: StoreServer, sync_kit: SyncKit) -> None:
    t = any_store.open()
    for bid in ("b-ok", "b-flip", "b-gone", "b-forged"):
        dev = DeviceKey.generate() if bid == "b-forged" else None
        upload_bundle(sync_kit.stage(sync_kit.spec(bid, content(150_000), device=dev), device=dev), t)
    flipped = t.list("bundles/b-flip/")[0]
    data = bytearray(t.get(flipped))
    data[-5] ^= 0x20
    t.put_atomic(flipped, bytes(data))
    gone = t.list("bundles/b-gone/")[0]
    t.delete(gone)
    report = verify_store(t, sync_kit.identity, sync_kit.trusted)
    named = {(p.object, p.code) for p in report.problems}
    assert named == {
        (flipped, "altered-chunk"),
        (gone, "missing-chunk"),
        ("bundles/b-forged/manifest.json", "untrusted-device"),
    }
    assert [b.bundle_id for b in report.bundles if b.ok] == ["b-ok"]
    t.close()


def test_withdrawal_reaches_the_store(webdav_server: StoreServer, sync_kit: SyncKit, tmp_path: Path) -> None:
    store = webdav_server.fresh()
    t = store.open()
    upload_bundle(
        sync_kit.stage(sync_kit.spec("b-sess", {"M-004/S-0009/t.json": b"{}"}, participants=("M-004",))), t
    )
    records = {"withdrawal": {"scope": "delete_data", "before_cutoff": True, "effective_date": "2026-11-30"}}
    wd = sync_kit.spec("b-wd", {"withdrawals/W-1.json": b'{"scope":"delete_data"}'}, kind="withdrawal",
                       participants=("M-004",), records=records)  # fmt: skip
    upload_bundle(sync_kit.stage(wd), t)
    out = tmp_path / "out"
    report = unpack_store(t, sync_kit.identity, out, sync_kit.trusted)
    assert report.ok and report.withdrawals == 1
    [row] = json.loads((out / "withdrawals.json").read_text())
    assert row["participant_ids"] == "M-004" and row["delete"] == ["M-004/S-0009/t.json"]
    t.close()


def test_webdav_server_with_content_md5_etags_verifies_without_reading_back(
    rclone_webdav_server: StoreServer, sync_kit: SyncKit, tmp_path: Path
) -> None:
    """rclone's WebDAV server publishes the MD5 of the stored bytes as the ETag: that verifies an object."""
    store = rclone_webdav_server.fresh()
    files = content()
    staged = sync_kit.stage(sync_kit.spec("b-etag", files), chunk_size=256 * 1024)
    t = store.open()
    try:
        receipt = upload_bundle(staged, t)
        assert receipt.verify_method == "server-md5-etag"
        out = tmp_path / "analysis"
        assert unpack_store(t, sync_kit.identity, out, sync_kit.trusted).ok
        for path, data in files.items():
            assert (out / path).read_bytes() == data
    finally:
        t.close()


def test_an_etag_that_differs_falls_back_to_reading_back(webdav_server: StoreServer) -> None:
    """wsgidav's ETags are not content hashes: they never pass for one, the object is read back."""
    from fieldwork_app.sync.engine import _verify

    store = webdav_server.fresh()
    t = store.open()
    try:
        src = webdav_server.extra["root"].parent / "etag-probe.bin"
        src.write_bytes(b"fieldwork etag probe" * 100)
        with open(src, "rb") as fh:
            t.put("bundles/b-probe/x.age", fh, src.stat().st_size)
        import hashlib

        sha = hashlib.sha256(src.read_bytes()).hexdigest()
        assert _verify(t, "bundles/b-probe/x.age", sha, src) == "read-back"
    finally:
        t.close()


def test_a_staged_chunk_changed_after_staging_is_refused_by_s3(
    s3_server: StoreServer, sync_kit: SyncKit
) -> None:
    """S3 checks each chunk against the MD5 taken at staging: a damaged outbox file never lands."""
    store = s3_server.fresh()
    staged = sync_kit.stage(sync_kit.spec("b-rot", content()), chunk_size=256 * 1024)
    victim = staged.chunk_path(staged.chunks[1][0])
    data = bytearray(victim.read_bytes())
    data[100] ^= 0x01
    victim.write_bytes(bytes(data))
    t = store.open()
    try:
        with pytest.raises(FieldworkError, match="changed since it was staged"):
            upload_bundle(staged, t, retry=QUICK)
        assert not [n for n in t.list("") if n.endswith("manifest.json")]  # no manifest: nothing to trust
    finally:
        t.close()


def test_put_time_etags_vouch_only_for_objects_still_in_place(rclone_webdav_server: StoreServer) -> None:
    """The ETag a PUT returned counts only while the object stands under its name with the size sent."""
    store = rclone_webdav_server.fresh()
    t = store.open()
    try:
        src = rclone_webdav_server.extra["root"].parent / "probe.bin"
        src.write_bytes(b"fieldwork etag probe" * 1000)
        names = ["bundles/b-probe/a.age", "bundles/b-probe/b.age"]
        for name in names:
            with open(src, "rb") as fh:
                t.put(name, fh, src.stat().st_size)
        size = src.stat().st_size
        md5 = hashlib.md5(src.read_bytes()).hexdigest()
        assert t.content_md5s([(n, size) for n in names]) == {n: md5 for n in names}  # type: ignore[attr-defined]
        other = store.open()  # another writer replaces one object behind this transport's back
        with open(src, "rb") as fh:
            other.put(names[1], fh, 100)
        other.close()
        assert t.content_md5s([(n, size) for n in names]) == {names[0]: md5}  # type: ignore[attr-defined]
        t.delete(names[0])
        assert t.content_md5s([(n, size) for n in names]) == {}  # type: ignore[attr-defined]
    finally:
        t.close()


@pytest.mark.parametrize("server_fixture", ["webdav_server", "s3_server"])
def test_a_server_that_says_try_again_is_retried(
    request: pytest.FixtureRequest, server_fixture: str, sync_kit: SyncKit, cut_proxy: type[CutProxy]
) -> None:
    server: StoreServer = request.getfixturevalue(server_fixture).fresh()
    staged = sync_kit.stage(sync_kit.spec("b-busy", content(200_000)), chunk_size=64 * 1024)
    proxy = cut_proxy(_target_port(server))
    proxy.answer_next(2, "503 Service Unavailable")
    stats = UploadStats()
    t = server.with_endpoint("127.0.0.1", proxy.port).open()
    receipt = upload_bundle(staged, t, retry=QUICK, stats=stats)
    t.close()
    # (a refused first listing only makes the engine ask object by object; the next refusal is retried)
    assert proxy.refused == 2 and stats.retries >= 1 and receipt.total_bytes == staged.total_bytes
    proxy.answer_next(2, "500 Internal Server Error")  # the listing, then the first object's check
    again = server.with_endpoint("127.0.0.1", proxy.port).open()
    with pytest.raises(FieldworkError) as e:  # one attempt only: the error is named, nothing is lost
        upload_bundle(sync_kit.stage(sync_kit.spec("b-busy2", content(10_000))), again, retry=ONCE)
    again.close()
    assert e.value.kind is ErrorKind.STORE_ERROR and "500" in e.value.message


def test_an_s3_key_with_dot_dot_is_one_unexpected_object(
    s3_server: StoreServer, sync_kit: SyncKit, tmp_path: Path
) -> None:
    """Any key is allowed on S3, and its listing is the server's word: a key naming '..' is reported as one
    unexpected object while the genuine bundle beside it verifies and unpacks."""
    store = s3_server.fresh()
    t = store.open()
    try:
        upload_bundle(sync_kit.stage(sync_kit.spec("b-good", content(5_000))), t)
        t._client.put_object(Bucket=t.bucket, Key=t.prefix + "bundles/../manifest.json", Body=b"{}")
        assert "bundles/../manifest.json" in t.list("bundles/")
        report = verify_store(t, sync_kit.identity, sync_kit.trusted)
        assert [(p.object, p.code) for p in report.problems] == [("bundles/../manifest.json", "unexpected-object")]
        assert [b.bundle_id for b in report.bundles if b.ok] == ["b-good"]
        unpacked = unpack_store(t, sync_kit.identity, tmp_path / "out", sync_kit.trusted)
        assert any(p.code == "unexpected-object" for p in unpacked.problems)
    finally:
        t.close()
