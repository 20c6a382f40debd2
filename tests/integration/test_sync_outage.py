"""A 2 s outage, with or without a connection reset after it, never fails a sync, on every kind of server; an
unreadable reply from a WebDAV server is asked again instead of ending the sync."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from fieldwork_app.errors import StoreError
from fieldwork_app.sync.engine import UploadStats, upload_bundle
from fieldwork_app.sync.state import ClockWaiter
from fieldwork_app.sync.storeside import verify_store
from tests.support.servers import CutProxy, StoreServer, SyncKit

pytestmark = pytest.mark.servers


def _port(server: StoreServer) -> int:
    if server.kind == "s3":
        return int(server.options["endpoint"].rsplit(":", 1)[1])
    return int(server.url.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)[1])


@pytest.mark.parametrize("reset", [False, True], ids=["held", "reset"])
@pytest.mark.parametrize("server_fixture", ["sftp_server", "webdav_server", "rclone_webdav_server", "s3_server"])
def test_a_two_second_outage_never_fails_a_sync(
    request: pytest.FixtureRequest, server_fixture: str, reset: bool, sync_kit: SyncKit,
    cut_proxy: type[CutProxy], tmp_path: Path,
) -> None:  # fmt: skip
    server: StoreServer = request.getfixturevalue(server_fixture).fresh()
    data = random.Random(17).randbytes(1_500_000)
    staged = sync_kit.stage(sync_kit.spec("b-outage", {"P-1/S-1/audio.bin": data}), chunk_size=128 * 1024)
    proxy = cut_proxy(_port(server))
    outage = proxy.outage_when(staged.total_bytes // 3, 2.0, reset=reset)
    stats = UploadStats()
    waited: list[float] = []

    def waiter(seconds: float) -> None:  # the injected waiter the engine backs off with (really waits)
        waited.append(seconds)
        time.sleep(seconds)

    t = server.with_endpoint("127.0.0.1", proxy.port).open()
    try:
        receipt = upload_bundle(staged, t, stats=stats, waiter=ClockWaiter(waiter))  # the default retry policy
    finally:
        t.close()
    outage.join(timeout=10)
    assert proxy.outages == 1
    assert receipt.total_bytes == staged.total_bytes
    if reset:
        assert stats.retries >= 1 and sum(waited) >= 0.5  # the reset was seen, waited out with the waiter
        assert max(waited) <= 0.1 + 1e-9  # in steps, so a Cancel takes effect at once
    # at most one chunk re-sent (an interrupted SFTP chunk is finished from where the store's copy ends)
    assert stats.bytes_attempted <= staged.total_bytes + max(s for _, s in staged.chunks)
    direct = server.open()
    assert verify_store(direct, sync_kit.identity, sync_kit.trusted).ok
    direct.close()


_BROKEN_MULTISTATUS = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<D:multistatus xmlns:D="DAV:"><D:response><D:href>/store/</D:href>'
    b"<D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop>"
    b"<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>\nInternal Server Error\n"
)


def test_an_unreadable_webdav_reply_is_retried(
    rclone_webdav_server: StoreServer, sync_kit: SyncKit, cut_proxy: type[CutProxy]
) -> None:
    """rclone appends "Internal Server Error" after a multistatus body while a dropped upload still holds
    a file: such a reply is a transient error (asked again), not a final 'check objects: ParseError'."""
    server = rclone_webdav_server.fresh()
    proxy = cut_proxy(_port(server))
    t = server.with_endpoint("127.0.0.1", proxy.port).open()
    try:
        proxy.answer_next(1, "207 Multi-Status", _BROKEN_MULTISTATUS)
        with pytest.raises(StoreError) as e:
            t._folder_sizes("bundles/b-x")  # type: ignore[attr-defined]  # the PROPFIND of content_md5s
        assert e.value.transient and "could not be read" in e.value.message
        proxy.answer_next(1, "207 Multi-Status", _BROKEN_MULTISTATUS)
        with pytest.raises(StoreError) as e:
            t.list("bundles/")
        assert e.value.transient
    finally:
        t.close()


@pytest.mark.parametrize("server_fixture", ["sftp_server", "webdav_server", "rclone_webdav_server"])
def test_temporary_uploads_left_by_a_cut_are_removed_by_the_next_sync(
    request: pytest.FixtureRequest, server_fixture: str, sync_kit: SyncKit, cut_proxy: type[CutProxy],
) -> None:  # fmt: skip
    """``<object>.part-<token>`` files of the bundle being synced are removed once it is verified; nothing
    else is: not another pattern, not a name this bundle does not list, not another bundle's folder."""
    server: StoreServer = request.getfixturevalue(server_fixture).fresh()
    data = random.Random(4).randbytes(1_200_000)
    staged = sync_kit.stage(sync_kit.spec("b-parts", {"P-1/S-1/audio.bin": data}), chunk_size=128 * 1024)
    folder = "bundles/b-parts"
    first, last = (f"{folder}/{n}.age" for n in (staged.chunks[0][0], staged.chunks[-1][0]))
    ours = [f"{first}.part-0123abcd", f"{last}.part-89abcdef", f"{folder}/manifest.json.part-00ff00ff"]
    others = [
        f"{first}.part-0123abcd.keep",  # not the pattern
        f"{first}.part-XYZ",
        f"{folder}/{'0' * 64}.age.part-0123abcd",  # an object this bundle does not list
        f"{folder}/notes.txt.part-0123abcd",
        f"bundles/b-other/{staged.chunks[0][0]}.age.part-0123abcd",  # another bundle's folder
    ]
    direct = server.open()
    try:
        for name in ours + others:
            direct.put_atomic(name, b"left over")
        # A cut in the middle of the upload, as well: what it leaves is removed too.
        proxy = cut_proxy(_port(server))
        proxy.cut_at(staged.total_bytes // 2)
        stats = UploadStats()
        t = server.with_endpoint("127.0.0.1", proxy.port).open()
        try:
            upload_bundle(staged, t, stats=stats, waiter=ClockWaiter(lambda s: None))
        finally:
            t.close()
        assert proxy.cuts == 1 and stats.retries >= 1
        assert stats.temps_removed >= 1  # (SFTP may first finish one as an interrupted upload: checked)
        temps = getattr(direct, "temp_objects")  # noqa: B009
        assert temps(folder) == sorted(n for n in others if n.startswith(folder + "/") and ".part-" in n)
        for name in others:
            assert direct.stat(name) == len(b"left over"), name
        assert sorted(direct.list(folder + "/")) == sorted(
            f"{folder}/{n}.age" for n, _ in staged.chunks
        ) + [f"{folder}/manifest.json"]
    finally:
        direct.close()
