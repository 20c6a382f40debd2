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
from fieldwork_app.sync.transports.s3 import MULTIPART_MIN, PART_MIN, part_size
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
    # chunks of 12, 12 and 8 MiB (two equal parts each, then 5 MiB and the rest) and one of 1 MiB (one PUT)
    files = {"M-001/S-0001/audio.bin": random.Random(1).randbytes(2 * CHUNK + 8 * MiB),
             "M-001/S-0001/notes.bin": random.Random(5).randbytes(MiB)}  # fmt: skip
    staged = sync_kit.stage(sync_kit.spec("b-parts", files), chunk_size=CHUNK)
    t = server.open()
    try:
        receipt = upload_bundle(staged, t)
        assert receipt.verify_method == "server-md5"  # no chunk read back
        for name, _path, size in staged.objects():
            etag = _client(t).head_object(Bucket=t.bucket, Key=t.prefix + name)["ETag"].strip('"')
            parts = -(-size // part_size(size))
            assert etag.endswith(f"-{parts}") if size >= MULTIPART_MIN else "-" not in etag
        sizes = sorted(s for _n, s in staged.chunks)
        assert sizes[0] < MULTIPART_MIN <= sizes[1] < 2 * PART_MIN and part_size(sizes[1]) == PART_MIN
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


def test_a_later_sync_resumes_the_first_chunk_from_its_kept_part_not_the_upload_begun_ahead(
    s3_server: StoreServer, sync_kit: SyncKit, tmp_path: Path
) -> None:
    """An earlier sync was cut off with the first chunk's first part on the store and the last chunk in place.
    The next sync begins the first chunk's upload while it lists the folder; that new, empty upload is the
    newest, and must not be the one the kept part is looked for in."""
    server = s3_server.fresh()
    files = {"M-001/S-0001/audio.bin": random.Random(4).randbytes(3 * CHUNK)}
    staged = sync_kit.stage(sync_kit.spec("b-later", files), chunk_size=CHUNK)
    objects = staged.objects()
    (first, first_path, first_size), (last, last_path, last_size) = objects[0], objects[-2]
    first_part = first_path.read_bytes()[: part_size(first_size)]
    t = server.open()
    try:
        c = _client(t)
        key = t.prefix + first
        upload = c.create_multipart_upload(Bucket=t.bucket, Key=key)["UploadId"]
        c.upload_part(Bucket=t.bucket, Key=key, UploadId=upload, PartNumber=1, Body=first_part)
        with open(last_path, "rb") as fh:
            t.put(last, fh, last_size)
        time.sleep(1.1)  # S3 orders uploads by their start, to the second
    finally:
        t.close()
    stats = UploadStats()
    t = server.open()
    try:
        upload_bundle(staged, t, stats=stats)
        assert _unfinished(t, "bundles/") == []  # the kept upload completed, the one begun ahead aborted
    finally:
        t.close()
    assert stats.objects_skipped == 2  # the first chunk (finished from its kept part) and the last
    assert stats.temps_removed == 1  # the upload begun ahead for the first chunk
    assert stats.bytes_attempted == staged.total_bytes - last_size - len(first_part)
    _check_store(server, sync_kit, tmp_path / "out", files)


def test_a_multipart_chunk_the_store_loses_after_completing_it_is_found_missing_and_sent_again(
    s3_server: StoreServer, sync_kit: SyncKit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """radosgw answers a completion without an ETag; the chunk is then checked by what the store holds under its
    name (a HEAD), never by the parts' answers alone: here the store loses the first chunk right after answering
    its completion, and the sync sends it again instead of issuing a receipt for it."""
    from fieldwork_app.sync.transports.s3 import S3Transport

    server = s3_server.fresh()
    files = {"M-001/S-0001/audio.bin": random.Random(6).randbytes(2 * CHUNK)}
    staged = sync_kit.stage(sync_kit.spec("b-lost", files), chunk_size=CHUNK)
    first = staged.objects()[0][0]
    lost: list[str] = []
    settled = S3Transport._settled

    def losing(self: Any, name: str) -> None:
        if name == first and not lost:
            lost.append(name)
            _client(self).delete_object(Bucket=self.bucket, Key=self._key(name))
        settled(self, name)

    monkeypatch.setattr(S3Transport, "_settled", losing)
    stats = UploadStats()
    t = server.open()
    try:
        upload_bundle(staged, t, stats=stats)
        assert lost == [first]
        assert stats.bytes_attempted >= staged.total_bytes + staged.objects()[0][2]  # the first chunk sent again
        for name, _path, size in staged.objects():
            assert _client(t).head_object(Bucket=t.bucket, Key=t.prefix + name)["ContentLength"] == size
    finally:
        t.close()
    _check_store(server, sync_kit, tmp_path / "out", files)
