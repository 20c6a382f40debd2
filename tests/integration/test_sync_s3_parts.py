"""S3 multipart where chunks are large (fitted to a slow-answering link): the parts in flight never add up to
more than one chunk, so a cut costs at most one chunk; the parts the server kept are found again after a cut;
unfinished uploads of the bundle's objects are aborted, nobody else's."""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

import pytest

from fieldwork_app.sync.engine import UploadStats, upload_bundle
from fieldwork_app.sync.linkfit import MiB
from fieldwork_app.sync.state import ClockWaiter
from fieldwork_app.sync.storeside import unpack_store, verify_store
from fieldwork_app.sync.transports.s3 import MULTIPART_MIN, part_size
from tests.support.servers import CutProxy, StoreServer, SyncKit

pytestmark = pytest.mark.servers

CHUNK = 12 * MiB


def _port(server: StoreServer) -> int:
    return int(server.options["endpoint"].rsplit(":", 1)[1])


def _client(t: Any) -> Any:
    return t._client


def _unfinished(t: Any, prefix: str) -> list[tuple[str, str]]:
    found = _client(t).list_multipart_uploads(Bucket=t.bucket, Prefix=t.prefix + prefix).get("Uploads", [])
    return sorted((u["Key"][len(t.prefix) :], u["UploadId"]) for u in found)


def _check_store(server: StoreServer, sync_kit: SyncKit, out: Path, files: dict[str, bytes]) -> None:
    t = server.open()
    try:
        report = verify_store(t, sync_kit.identity, sync_kit.trusted)
        assert report.ok, report.problems
        assert unpack_store(t, sync_kit.identity, out, sync_kit.trusted).ok
    finally:
        t.close()
    for path, data in files.items():
        assert (out / path).read_bytes() == data


def test_large_chunks_go_in_parts_and_are_verified_by_their_etags(
    s3_server: StoreServer, sync_kit: SyncKit, tmp_path: Path
) -> None:
    server = s3_server.fresh()
    files = {"M-001/S-0001/audio.bin": random.Random(1).randbytes(2 * CHUNK + 3 * MiB)}
    staged = sync_kit.stage(sync_kit.spec("b-parts", files), chunk_size=CHUNK)
    t = server.open()
    try:
        receipt = upload_bundle(staged, t)
        assert receipt.verify_method == "server-md5"  # no chunk read back
        for name, _path, size in staged.objects():
            etag = _client(t).head_object(Bucket=t.bucket, Key=t.prefix + name)["ETag"].strip('"')
            parts = -(-size // part_size(size))
            assert etag.endswith(f"-{parts}") if size >= MULTIPART_MIN else "-" not in etag
        assert _unfinished(t, "bundles/") == []
    finally:
        t.close()
    _check_store(server, sync_kit, tmp_path / "out", files)


@pytest.mark.parametrize("frac", [0.2, 0.3, 0.45, 0.8])
@pytest.mark.parametrize("how", ["cut", "outage-reset"])
def test_a_cut_costs_at_most_the_parts_in_flight_and_resumes_from_the_kept_parts(
    s3_server: StoreServer, sync_kit: SyncKit, cut_proxy: type[CutProxy], tmp_path: Path, how: str, frac: float
) -> None:
    server = s3_server.fresh()
    files = {"M-001/S-0001/audio.bin": random.Random(2).randbytes(3 * CHUNK)}
    staged = sync_kit.stage(sync_kit.spec("b-cut", files), chunk_size=CHUNK)
    proxy = cut_proxy(_port(server))
    if how == "cut":
        proxy.cut_at(int(staged.total_bytes * frac))
    else:
        outage = proxy.outage_when(int(staged.total_bytes * frac), 2.0, reset=True)
    stats = UploadStats()
    t = server.with_endpoint("127.0.0.1", proxy.port).open()
    try:
        receipt = upload_bundle(staged, t, stats=stats, waiter=ClockWaiter(time.sleep))
    finally:
        t.close()
    if how == "cut":
        assert proxy.cuts == 1
    else:
        outage.join(timeout=10)
        assert proxy.outages == 1
    assert receipt.total_bytes == staged.total_bytes and stats.retries >= 1
    biggest = max(s for _, s in staged.chunks)
    # at most the parts in flight are sent again: never more than one chunk
    assert stats.bytes_attempted - staged.total_bytes <= biggest
    direct = server.open()
    try:
        assert _unfinished(direct, "bundles/") == []
    finally:
        direct.close()
    _check_store(server, sync_kit, tmp_path / "out", files)


def test_unfinished_uploads_of_the_bundle_are_aborted_and_no_one_elses(
    s3_server: StoreServer, sync_kit: SyncKit, tmp_path: Path
) -> None:
    server = s3_server.fresh()
    files = {"M-001/S-0001/audio.bin": random.Random(3).randbytes(CHUNK + MiB)}
    staged = sync_kit.stage(sync_kit.spec("b-stale", files), chunk_size=CHUNK)
    first = f"bundles/b-stale/{staged.chunks[0][0]}.age"
    t = server.open()
    try:
        c = _client(t)
        # A stale upload of one of the bundle's chunks whose part is not the staged bytes (never adopted),
        # one of a small object of the bundle (the manifest), and one in another bundle's folder.
        for key in (first, "bundles/b-stale/manifest.json", f"bundles/b-other/{staged.chunks[0][0]}.age"):
            upload = c.create_multipart_upload(Bucket=t.bucket, Key=t.prefix + key)["UploadId"]
            c.upload_part(Bucket=t.bucket, Key=t.prefix + key, UploadId=upload, PartNumber=1, Body=b"x" * 1000)
        stats = UploadStats()
        upload_bundle(staged, t, stats=stats)
        left = _unfinished(t, "bundles/")
        assert [k for k, _ in left] == [f"bundles/b-other/{staged.chunks[0][0]}.age"]
        assert stats.temps_removed >= 1
    finally:
        t.close()
    _check_store(server, sync_kit, tmp_path / "out", files)
