"""What the upload engine overlaps, against a real WebDAV server (wsgidav, whose objects are read back)."""

from __future__ import annotations

import random
import threading
from typing import Any, BinaryIO

import pytest

from fieldwork_app.sync import engine
from fieldwork_app.sync.engine import upload_bundle
from fieldwork_app.sync.transports.base import Progress
from fieldwork_app.sync.transports.webdav import WebdavTransport
from tests.support.servers import StoreServer, SyncKit

pytestmark = pytest.mark.servers


class WatchedStore(WebdavTransport):
    """The real transport, noting what is read back; a chunk's put waits (at most ``patience`` seconds) until the
    chunk two before it has been read back, as it would on a link where each chunk takes a while to send."""

    patience = 10.0

    def __init__(self, server: StoreServer) -> None:
        super().__init__(server.url.replace("webdav://", "http://"), dict(server.options), dict(server.secrets))
        self.read_back: list[str] = []
        self.puts: list[str] = []
        self.waited_in_vain: list[str] = []
        self._seen = threading.Condition()

    def iter_get(self, name: str) -> Any:
        yield from super().iter_get(name)
        with self._seen:
            self.read_back.append(name)
            self._seen.notify_all()

    def put(self, name: str, src: BinaryIO, size: int, progress: Progress | None = None, *,
            md5: str | None = None) -> None:  # fmt: skip
        if len(self.puts) >= 2:
            earlier = self.puts[-2]
            with self._seen:
                if not self._seen.wait_for(lambda: earlier in self.read_back, timeout=self.patience):
                    self.waited_in_vain.append(earlier)
        self.puts.append(name)
        super().put(name, src, size, progress, md5=md5)


def test_a_read_back_store_checks_each_chunk_while_later_ones_go(
    webdav_server: StoreServer, sync_kit: SyncKit
) -> None:
    """Every chunk but the last two is read back while later chunks are still being sent, not in batches and
    not after the upload: on a real link the read-back then costs about one chunk's time, not the bundle's."""
    store = webdav_server.fresh()
    data = random.Random(7).randbytes(6 * 64 * 1024)
    staged = sync_kit.stage(sync_kit.spec("b-overlap", {"M-001/S-0001/audio.bin": data}), chunk_size=64 * 1024)
    t = WatchedStore(store)
    try:
        receipt = upload_bundle(staged, t)
    finally:
        t.close()
    assert receipt.verify_method == "read-back"
    chunks = [name for name, _path, _size in staged.objects()[:-1]]
    assert len(chunks) >= 6
    assert t.waited_in_vain == []
    assert set(chunks) <= set(t.read_back)


def test_the_watch_notices_a_store_checked_only_at_the_end(webdav_server: StoreServer, sync_kit: SyncKit,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """The test above can fail: where chunks are checked in batches of eight, the puts wait in vain."""
    monkeypatch.setattr(WatchedStore, "patience", 0.3)
    monkeypatch.setattr(engine, "VERIFY_MIN_BATCH", 8)
    store = webdav_server.fresh()
    data = random.Random(8).randbytes(6 * 64 * 1024)
    staged = sync_kit.stage(sync_kit.spec("b-batched", {"M-001/S-0001/audio.bin": data}), chunk_size=64 * 1024)
    t = WatchedStore(store)
    try:
        upload_bundle(staged, t)
    finally:
        t.close()
    assert t.waited_in_vain != []
