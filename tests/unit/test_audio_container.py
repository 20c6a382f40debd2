"""The encrypted take container, recovery, export and the portable stream, without a sound card."""

from __future__ import annotations

import errno
import hashlib
import os
import struct
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pytest
import soundfile as sf

from fieldwork_app.audio import (
    export,
    find_interrupted,
    iter_samples,
    portable_chunks,
    portable_to_file,
    read_info,
    recover,
)
from fieldwork_app.audio.codec import encode_flac
from fieldwork_app.audio.container import (
    FRAME,
    ContainerWriter,
    RecordType,
    build_header,
    event_payload,
    iter_records,
)
from fieldwork_app.audio.stream import AudioWriter
from fieldwork_app.errors import ErrorKind, FieldworkError, InvalidInput
from tests.support.plaintext import readable_audio

RATE = 48000
KEY = bytes(range(32))


def speechlike(seconds: float, seed: int = 1) -> np.ndarray:
    """Band-limited noise with a syllable envelope: compresses roughly like speech, unlike a pure tone."""
    rng = np.random.default_rng(seed)
    n = int(seconds * RATE)
    noise = rng.standard_normal(n)
    kernel = np.hanning(24)
    voiced = np.convolve(noise, kernel / kernel.sum(), mode="same")
    t = np.arange(n) / RATE
    env = 0.5 * (1 + np.sin(2 * np.pi * 4 * t)) * (0.6 + 0.4 * np.sin(2 * np.pi * 0.3 * t))
    tone = 0.3 * np.sin(2 * np.pi * 180 * t * (1 + 0.05 * np.sin(2 * np.pi * 3 * t)))
    x = (voiced * 3 + tone) * env
    return (x / np.max(np.abs(x)) * 12000).astype(np.int16).reshape(-1, 1)


def write_take(
    path: Path, pcm: np.ndarray, *, seal: bool = True, pause_at: int | None = None, version: int = 2
) -> None:
    """A take as the recorder writes it (version 2: one FLAC stream cut into records at frame
    boundaries), or as version 1 did (a complete FLAC stream per half-second record).  An unsealed
    take here still has every sample in a record; see the test of an unfinished stream for that."""
    w = ContainerWriter(path, KEY, build_header("R-0001", "interview", RATE, 1, version=version))
    audio = AudioWriter(w) if version >= 2 else None
    step = RATE // 2
    for i in range(0, len(pcm), step):
        if pause_at is not None and i == pause_at:
            if audio is not None:
                audio.flush()
            w.append(RecordType.PAUSE, event_payload(w.frames))
            w.append(RecordType.RESUME, event_payload(w.frames))
        block = pcm[i : i + step]
        if audio is not None:
            audio.write(block)
        else:
            w.append(RecordType.AUDIO, encode_flac(block, RATE), len(block))
    if audio is not None:
        audio.flush()
    if seal:
        w.seal(reason="stopped")
    else:
        w.close()


def record_offsets(path: Path) -> list[tuple[int, int]]:
    data = path.read_bytes()
    (hlen,) = struct.unpack(">I", data[8:12])
    pos = 12 + hlen
    out = []
    while pos + FRAME.size <= len(data) and data[pos : pos + 2] == b"FR":
        length = FRAME.unpack(data[pos : pos + FRAME.size])[-1]
        out.append((pos, pos + FRAME.size + length))
        pos += FRAME.size + length
    return out


@pytest.mark.parametrize("version", [1, 2])
def test_roundtrip_is_sample_exact_and_compressed(tmp_path: Path, version: int) -> None:
    pcm = speechlike(4.0)
    take = tmp_path / "a.fwa"
    write_take(take, pcm, pause_at=RATE, version=version)
    info = read_info(take, KEY)
    assert info.sealed and not info.interrupted and info.frames == len(pcm)
    assert info.duration_seconds == pytest.approx(4.0)
    assert len(info.pauses) == 1 and info.pauses[0].position_seconds == pytest.approx(1.0)
    assert info.pauses[0].resumed_at is not None
    back = np.concatenate(list(iter_samples(take, KEY)))
    assert np.array_equal(back, pcm)
    assert take.stat().st_size <= 0.6 * pcm.nbytes
    tail = np.concatenate(list(iter_samples(take, KEY, start_seconds=2.25)))
    assert np.array_equal(tail, pcm[int(2.25 * RATE) :])


def test_wrong_key_and_bad_key_length(tmp_path: Path) -> None:
    take = tmp_path / "a.fwa"
    write_take(take, speechlike(1.0))
    with pytest.raises(FieldworkError) as e:
        read_info(take, bytes(32))
    assert e.value.kind is ErrorKind.RECORDING_DAMAGED
    with pytest.raises(InvalidInput):
        read_info(take, b"short")


@pytest.mark.parametrize("version", [1, 2])
def test_no_plaintext_audio_on_disk(tmp_path: Path, version: int) -> None:
    pcm = speechlike(2.0)
    take = tmp_path / "a.fwa"
    write_take(take, pcm, version=version)
    data = take.read_bytes()
    assert readable_audio(data) == []
    raw = pcm.tobytes()
    for start in range(0, len(raw) - 64, len(raw) // 50):
        assert raw[start : start + 32] not in data


@pytest.mark.parametrize("version", [1, 2])
@pytest.mark.parametrize("what", ["flip", "truncate", "swap", "cut-mid-record", "flip-header"])
def test_tampering_is_detected_and_named(tmp_path: Path, what: str, version: int) -> None:
    take = tmp_path / "a.fwa"
    write_take(take, speechlike(3.0), version=version)
    data = bytearray(take.read_bytes())
    recs = record_offsets(take)
    if what == "flip":
        start, end = recs[2]
        data[start + FRAME.size + 10] ^= 0x01
        expect = "record 2 is altered"
    elif what == "truncate":
        data = data[: recs[3][0]]
        expect = "truncated"
    elif what == "cut-mid-record":
        data = data[: recs[3][0] + 40]
        expect = "truncated"
    elif what == "swap":
        (a0, a1), (b0, b1) = recs[1], recs[2]
        data = data[:a0] + data[b0:b1] + data[a0:a1] + data[b1:]
        expect = "out of order"
    else:
        data[30] ^= 0x20  # inside the header JSON: salt/recording id/rate
        expect = "take"
    take.write_bytes(bytes(data))
    out = tmp_path / "out.flac"
    with pytest.raises(FieldworkError) as e:
        export([(take, KEY)], out)
    assert e.value.kind is ErrorKind.RECORDING_DAMAGED
    assert "a.fwa" in e.value.message
    if what != "flip-header":
        assert expect in e.value.message
    assert not out.exists()


@pytest.mark.parametrize("version", [1, 2])
@pytest.mark.parametrize("tail", ["short-record", "zero-fill", "none"])
def test_recovery_drops_only_a_torn_tail(tmp_path: Path, tail: str, version: int) -> None:
    pcm = speechlike(3.0)
    take = tmp_path / "sub" / "b.fwa"
    take.parent.mkdir()
    write_take(take, pcm, seal=False, version=version)
    whole = take.stat().st_size
    torn = {
        # a record whose write was cut short: a whole frame header announcing more than is there
        "short-record": FRAME.pack(b"FR", 1, 0, len(record_offsets(take)), len(pcm), 24000, 5000)
        + b"\x55" * 10,
        # zero-filled blocks where the next record was going (delayed allocation after a power cut)
        "zero-fill": b"\x00" * 4096,
        "none": b"",
    }[tail]
    with open(take, "ab") as f:
        f.write(torn)
    assert find_interrupted(tmp_path) == [take]
    report = recover(take, KEY)
    assert report.duration_seconds == pytest.approx(3.0)
    assert report.dropped_bytes == len(torn)
    assert find_interrupted(tmp_path) == []
    info = read_info(take, KEY)
    assert info.sealed and info.recovered and info.frames == len(pcm)
    assert take.stat().st_size > whole
    assert recover(take, KEY).already_sealed


@pytest.mark.parametrize("version", [1, 2])
def test_recovery_refuses_damage_in_the_middle(tmp_path: Path, version: int) -> None:
    take = tmp_path / "c.fwa"
    write_take(take, speechlike(3.0), seal=False, version=version)
    data = bytearray(take.read_bytes())
    start, _ = record_offsets(take)[1]
    data[start + FRAME.size + 5] ^= 0xFF
    take.write_bytes(bytes(data))
    before = take.read_bytes()
    with pytest.raises(FieldworkError) as e:
        recover(take, KEY)
    assert e.value.kind is ErrorKind.RECORDING_DAMAGED and "record 1" in e.value.message
    assert take.read_bytes() == before


def test_export_two_takes_concatenated(tmp_path: Path) -> None:
    a, b = speechlike(1.5, seed=2), speechlike(2.0, seed=3)
    write_take(tmp_path / "1.fwa", a, version=1)  # an old take and a new one, exported together
    write_take(tmp_path / "2.fwa", b)
    for suffix in (".flac", ".wav"):
        out = tmp_path / f"session{suffix}"
        info = export([(tmp_path / "1.fwa", KEY), (tmp_path / "2.fwa", KEY)], out)
        data, rate = sf.read(out, dtype="int16", always_2d=True)
        assert rate == RATE and info.frames == len(a) + len(b)
        assert np.array_equal(data, np.concatenate([a, b]))
    with pytest.raises(InvalidInput):
        export([(tmp_path / "1.fwa", KEY)], tmp_path / "x.mp3")
    with pytest.raises(InvalidInput):
        export([(tmp_path / "1.fwa", KEY)], tmp_path / "session.wav")  # exists: never overwritten


@pytest.mark.parametrize("version", [1, 2])
def test_portable_stream_roundtrip_and_rechunking(tmp_path: Path, version: int) -> None:
    pcm = speechlike(2.5)
    take = tmp_path / "p.fwa"
    write_take(take, pcm, pause_at=RATE // 2 * 3, version=version)
    blob = b"".join(portable_chunks(take, KEY))
    first_line = blob.split(b"\n", 1)[0]
    assert b'"frames":120000' in first_line and b'"pauses":[{' in first_line
    rechunked = [blob[i : i + 777] for i in range(0, len(blob), 777)]
    info = portable_to_file(rechunked, tmp_path / "p.wav")
    assert info["frames"] == len(pcm) and info["samplerate"] == RATE and info["channels"] == 1
    assert info["sha256"] == hashlib.sha256(pcm.astype("<i2").tobytes()).hexdigest()
    data, _ = sf.read(tmp_path / "p.wav", dtype="int16", always_2d=True)
    assert np.array_equal(data, pcm)
    with pytest.raises(FieldworkError) as e:
        portable_to_file([blob[:-10]], tmp_path / "short.flac")
    assert e.value.kind is ErrorKind.RECORDING_DAMAGED and not (tmp_path / "short.flac").exists()


@pytest.mark.parametrize("version", [1, 2])
def test_portable_refuses_tampered_or_interrupted(tmp_path: Path, version: int) -> None:
    take = tmp_path / "t.fwa"
    write_take(take, speechlike(2.0), version=version)
    data = bytearray(take.read_bytes())
    data[record_offsets(take)[1][0] + FRAME.size + 3] ^= 4
    take.write_bytes(bytes(data))
    with pytest.raises(FieldworkError, match="record 1 is altered"):
        list(portable_chunks(take, KEY))
    open_take = tmp_path / "o.fwa"
    write_take(open_take, speechlike(1.0), seal=False, version=version)
    with pytest.raises(FieldworkError, match="interrupted"):
        list(portable_chunks(open_take, KEY))


class FailingFile:
    """An unbuffered file that fails with ENOSPC once ``budget`` bytes have been written."""

    def __init__(self, f: BinaryIO, budget: int) -> None:
        self._f = f
        self.budget = budget

    def write(self, data: bytes | memoryview) -> int:
        if len(data) > self.budget:
            self._f.write(bytes(data[: self.budget]))  # a partial write, as a full disk gives
            self.budget = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.budget -= len(data)
        return int(self._f.write(data) or 0)

    def fileno(self) -> int:
        return self._f.fileno()

    def close(self) -> None:
        self._f.close()


def test_write_error_keeps_every_whole_record(tmp_path: Path) -> None:
    pcm = speechlike(3.0)
    take = tmp_path / "full.fwa"

    def opener(p: Path) -> BinaryIO:
        return FailingFile(open(p, "xb", buffering=0), 60_000)  # type: ignore[return-value]

    w = ContainerWriter(take, KEY, build_header("R-0002", "interview", RATE, 1), opener=opener)
    written = 0
    with pytest.raises(OSError):
        for i in range(0, len(pcm), RATE // 2):
            block = pcm[i : i + RATE // 2]
            w.append(RecordType.AUDIO, encode_flac(block, RATE), len(block))
            written += len(block)
    w.close()
    assert 0 < written < len(pcm)
    info = read_info(take, KEY)
    assert info.interrupted and info.frames == written
    assert recover(take, KEY).dropped_bytes == 0
    assert np.array_equal(np.concatenate(list(iter_samples(take, KEY))), pcm[:written])


class NonceLog:
    """Stands in for ChaCha20Poly1305 and notes every (key, nonce) with the plaintext sealed under it."""

    def __init__(self) -> None:
        self.uses: dict[tuple[bytes, bytes], set[bytes]] = {}

    def factory(self, key: bytes) -> object:
        from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

        real = ChaCha20Poly1305(key)
        log = self

        class Logged:
            def encrypt(self, nonce: bytes, data: bytes, aad: bytes | None) -> bytes:
                log.uses.setdefault((bytes(key), bytes(nonce)), set()).add(hashlib.sha256(data).digest())
                return real.encrypt(nonce, data, aad)

            def decrypt(self, nonce: bytes, data: bytes, aad: bytes | None) -> bytes:
                return real.decrypt(nonce, data, aad)

        return Logged()

    def reused(self) -> list[tuple[bytes, bytes]]:
        return [k for k, plains in self.uses.items() if len(plains) > 1]


@pytest.fixture
def nonces(monkeypatch: pytest.MonkeyPatch) -> NonceLog:
    from fieldwork_app.audio import container

    log = NonceLog()
    monkeypatch.setattr(container, "ChaCha20Poly1305", log.factory)
    return log


class Killed(BaseException):
    """The process dies in the middle of a write (kill -9, power cut): nothing after it runs."""


class TornFile(FailingFile):
    """Writes part of the record that crosses ``budget`` and then the process dies."""

    def write(self, data: bytes | memoryview) -> int:
        if len(data) > self.budget:
            self._f.write(bytes(data[: self.budget]))
            raise Killed()
        self.budget -= len(data)
        return int(self._f.write(data) or 0)


def _write_until(w: ContainerWriter, pcm: np.ndarray, stop: type[BaseException]) -> int:
    audio = AudioWriter(w, digest=False)
    with pytest.raises(stop):
        for i in range(0, len(pcm), RATE // 2):
            audio.write(pcm[i : i + RATE // 2])
    return w.frames


def test_a_torn_record_and_its_recovery_never_share_a_nonce(tmp_path: Path, nonces: NonceLog) -> None:
    pcm = speechlike(4.0)
    take = tmp_path / "torn.fwa"

    def opener(p: Path) -> BinaryIO:
        return TornFile(open(p, "xb", buffering=0), 70_000)  # type: ignore[return-value]

    w = ContainerWriter(take, KEY, build_header("R-0003", "interview", RATE, 1), opener=opener)
    written = _write_until(w, pcm, Killed)
    w._f.close()  # what the kernel does when the process dies
    from fieldwork_app.audio import container

    container._LIVE.clear()
    torn_copy = tmp_path / "copy-before-recovery.fwa"  # a backup or snapshot taken before recovery
    torn_copy.write_bytes(take.read_bytes())
    report = recover(take, KEY)
    assert report.dropped_bytes > 0 and report.duration_seconds == pytest.approx(written / RATE)
    recover(torn_copy, KEY)  # the copy is recovered too: a second FINAL record at the same index
    assert nonces.uses and not nonces.reused()
    for path in (take, torn_copy):
        info = read_info(path, KEY)
        assert info.sealed and info.recovered and info.frames == written
    # the FINAL records' nonces are stored in their frames, from their own domain, and differ
    finals = [[r for r in iter_records(p, KEY) if r.type is RecordType.FINAL][0] for p in (take, torn_copy)]
    assert finals[0].index == finals[1].index
    a, b = (
        p.read_bytes()[f.offset + FRAME.size : f.offset + FRAME.size + 12]
        for p, f in zip((take, torn_copy), finals, strict=True)
    )
    assert a[:1] == b[:1] == b"\x01" and a != b


class OddFile(FailingFile):
    """Writes part of the record that crosses ``budget`` and then fails with something other than an OSError
    (a bug below the writer, a file system driver's oddity): the process goes on."""

    def write(self, data: bytes | memoryview) -> int:
        try:
            return super().write(data)
        except OSError:
            raise ValueError("an odd failure") from None


class InterruptedFile(FailingFile):
    """Writes part of the record that crosses ``budget`` and is then interrupted by something that is no error
    (a ``BaseException``, as Ctrl+C raises) which the process survives: the take is sealed after it."""

    def write(self, data: bytes | memoryview) -> int:
        try:
            return super().write(data)
        except OSError:
            raise KeyboardInterrupt from None


@pytest.mark.parametrize("failing", [FailingFile, OddFile, InterruptedFile])
def test_a_write_error_then_seal_never_reuses_a_nonce(
    tmp_path: Path, nonces: NonceLog, failing: type[FailingFile]
) -> None:
    pcm = speechlike(4.0)
    take = tmp_path / "werr.fwa"

    def opener(p: Path) -> BinaryIO:
        return failing(open(p, "xb", buffering=0), 70_000)  # type: ignore[return-value]

    w = ContainerWriter(take, KEY, build_header("R-0004", "interview", RATE, 1), opener=opener)
    stop = {FailingFile: OSError, OddFile: ValueError, InterruptedFile: KeyboardInterrupt}[failing]
    written = _write_until(w, pcm, stop)
    with pytest.raises(OSError):  # the index of the failed record is never used again
        w.append(RecordType.PAUSE, event_payload(w.frames))
    w._f.budget = 10**9  # type: ignore[attr-defined]  # room again: the take is sealed as the recorder does
    w.seal(reason="write_error")
    assert not nonces.reused()
    info = read_info(take, KEY)
    assert info.sealed and info.reason == "write_error" and info.frames == written
    assert np.array_equal(np.concatenate(list(iter_samples(take, KEY))), pcm[:written])


def _old_style_sealed(path: Path, version: int) -> None:
    """A take sealed as before FINAL records had their own nonces (index nonce, flags 0)."""
    from fieldwork_app.audio import container

    header = build_header("R-0005", "interview", RATE, 1, version=version)
    w = ContainerWriter(path, KEY, header)
    if version >= 2:
        audio = AudioWriter(w)
        audio.write(speechlike(1.0))
        audio.flush()
    else:
        w.append(RecordType.AUDIO, encode_flac(speechlike(1.0), RATE), RATE)
    totals = container.final_payload(w.index + 1, w.frames, w.audio_records, 0, "stopped", False)
    frame = FRAME.pack(b"FR", int(RecordType.FINAL), 0, w.index, w.frames, 0, len(totals) + 16)
    aead = container.derive_key(KEY, header)
    data = frame + aead.encrypt(container._nonce(w.index), totals, header.digest + frame)
    w._write(data + container.TRAILER.pack(container.TRAILER_MAGIC, w.good_end))
    w.close()


@pytest.mark.parametrize("version", [1, 2, 3])
def test_takes_sealed_before_final_nonces(tmp_path: Path, version: int) -> None:
    take = tmp_path / "old.fwa"
    _old_style_sealed(take, version)
    if version < 3:  # older takes stay readable
        info = read_info(take, KEY)
        assert info.sealed and info.frames == RATE
        assert find_interrupted(tmp_path) == []
    else:  # a version 3 FINAL record without a nonce of its own is not one the app wrote
        with pytest.raises(FieldworkError, match="altered"):
            read_info(take, KEY)
