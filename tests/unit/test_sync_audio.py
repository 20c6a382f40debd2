"""Portable audio travels in a bundle and comes out of unpack as a sample-exact FLAC file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import soundfile as sf

from fieldwork_app.audio.codec import encode_flac
from fieldwork_app.audio.container import ContainerWriter, RecordType, build_header
from fieldwork_app.audio.portable import portable_chunks
from fieldwork_app.sync.bundle import BundleEntry
from fieldwork_app.sync.engine import upload_bundle
from fieldwork_app.sync.manifest import PORTABLE_AUDIO
from fieldwork_app.sync.storeside import unpack_store, verify_store
from fieldwork_app.sync.transports import open_transport
from tests.support.plaintext import readable_audio
from tests.support.servers import SyncKit

RATE = 16000
KEY = bytes(range(32))


def test_portable_audio_unpacks_to_flac(sync_kit: SyncKit, tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    pcm = (rng.standard_normal((RATE * 2, 1)) * 3000).astype(np.int16)
    take = tmp_path / "take.fwa"
    writer = ContainerWriter(take, KEY, build_header("R-0001", "interview", RATE, 1))
    for i in range(0, len(pcm), RATE // 2):
        block = pcm[i : i + RATE // 2]
        writer.append(RecordType.AUDIO, encode_flac(block, RATE), len(block))
    writer.seal(reason="stopped")
    spec = sync_kit.spec("b-audio", {"M-001/S-0001/consent.json": b"{}"})
    spec.entries.append(
        BundleEntry("M-001/S-0001/interview.fwa", PORTABLE_AUDIO, lambda: portable_chunks(take, KEY))
    )
    staged = sync_kit.stage(spec, chunk_size=16 * 1024)
    for p in staged.directory.iterdir():  # the outbox holds no FLAC (plaintext audio) anywhere
        assert readable_audio(p.read_bytes()) == [], p
    store = tmp_path / "store"
    store.mkdir()
    t = open_transport(f"file://{store}")
    upload_bundle(staged, t)
    assert verify_store(t, sync_kit.identity, sync_kit.trusted).ok
    out = tmp_path / "out"
    assert unpack_store(t, sync_kit.identity, out, sync_kit.trusted).ok
    data, rate = sf.read(out / "M-001/S-0001/interview.flac", dtype="int16", always_2d=True)
    assert rate == RATE and np.array_equal(data, pcm)
    first = hashlib.sha256((out / "M-001/S-0001/interview.flac").read_bytes()).hexdigest()
    second = unpack_store(t, sync_kit.identity, out, sync_kit.trusted)
    assert second.ok and "M-001/S-0001/interview.flac" in second.unchanged
    assert hashlib.sha256((out / "M-001/S-0001/interview.flac").read_bytes()).hexdigest() == first
