"""Chunk size fitted to the link: an upload measures the round trip and the rate to a real server, the next
bundle is staged with the size that link calls for, and the data manager verifies and unpacks bundles of both
sizes.  The links are made by a relay on 127.0.0.1 that holds each answer (a longer round trip) and paces the
upload (a slower uplink)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from fieldwork_app.sync.engine import UploadStats, upload_bundle
from fieldwork_app.sync.linkfit import MIN_CHUNK, LinkMeasure, MiB, choose_chunk_size
from fieldwork_app.sync.manifest import parse_manifest
from fieldwork_app.sync.storeside import unpack_store, verify_store
from tests.support.servers import CutProxy, StoreServer, SyncKit

pytestmark = pytest.mark.servers


def _port(server: StoreServer) -> int:
    if server.kind == "s3":
        return int(server.options["endpoint"].rsplit(":", 1)[1])
    return int(server.url.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)[1])


def _measure(server: StoreServer, sync_kit: SyncKit, proxy: CutProxy, bundle_id: str) -> LinkMeasure:
    data = random.Random(bundle_id).randbytes(4 * MiB)
    staged = sync_kit.stage(sync_kit.spec(bundle_id, {"M-001/S-0001/probe.bin": data}), chunk_size=MiB)
    stats = UploadStats()
    t = server.with_endpoint("127.0.0.1", proxy.port).open()
    try:
        receipt = upload_bundle(staged, t, stats=stats)
    finally:
        t.close()
    assert stats.link is not None and receipt.extra["link"] == stats.link.to_dict()
    return stats.link


@pytest.mark.parametrize("server_fixture", ["sftp_server", "rclone_webdav_server", "webdav_server", "s3_server"])
def test_a_slow_answering_link_gets_larger_chunks_and_both_unpack(
    request: pytest.FixtureRequest, server_fixture: str, sync_kit: SyncKit, cut_proxy: type[CutProxy],
    tmp_path: Path,
) -> None:  # fmt: skip
    server: StoreServer = request.getfixturevalue(server_fixture).fresh()
    near = cut_proxy(_port(server))
    near.rate = 2 * MiB  # a slow uplink a few milliseconds away: round trips cost little of each chunk
    far = cut_proxy(_port(server))
    far.delay, far.rate = 0.1, 8 * MiB  # every answer 100 ms late: round trips cost a lot of a small chunk
    near_link = _measure(server, sync_kit, near, "b-near")
    far_link = _measure(server, sync_kit, far, "b-far")
    assert far_link.rtt_s >= 0.1 > near_link.rtt_s
    near_size, far_size = choose_chunk_size(near_link), choose_chunk_size(far_link)
    if server_fixture == "webdav_server":  # no content hashes: chunks are read back, and stay at 4 MiB
        assert near_link.read_back and far_link.read_back and near_size == far_size == MIN_CHUNK
    else:
        assert not far_link.read_back
        assert near_size == MIN_CHUNK < 8 * MiB <= far_size, (near_link, far_link)

    files = {}
    for bundle_id, size in (("b-small", near_size), ("b-large", far_size)):
        data = random.Random(bundle_id).randbytes(far_size + 3 * MiB)  # at least two chunks of either size
        files[f"M-001/{bundle_id}/audio.bin"] = data
        staged = sync_kit.stage(sync_kit.spec(bundle_id, {f"M-001/{bundle_id}/audio.bin": data}), chunk_size=size)
        assert parse_manifest(staged.manifest_path.read_bytes()).chunks[0][1] > size  # ciphertext of a full chunk
        assert len(staged.chunks) >= 2
        t = server.open()
        try:
            upload_bundle(staged, t)
        finally:
            t.close()

    t = server.open()
    try:
        report = verify_store(t, sync_kit.identity, sync_kit.trusted)
        assert report.ok, report.problems
        sizes = {b.body["bundle_id"]: b.body["chunk_size"] for b in report.bundles}  # type: ignore[index]
        assert sizes["b-small"] == near_size and sizes["b-large"] == far_size
        out = tmp_path / "analysis"
        assert unpack_store(t, sync_kit.identity, out, sync_kit.trusted).ok
    finally:
        t.close()
    for path, data in files.items():
        assert (out / path).read_bytes() == data
