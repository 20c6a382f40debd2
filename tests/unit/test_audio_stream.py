"""The version 2 writer path: one FLAC stream cut into records at frame boundaries, read back exactly."""

from __future__ import annotations

import hashlib
import io
import json
import struct
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from fieldwork_app.audio import export, iter_samples, portable_chunks, read_info, recover
from fieldwork_app.audio.codec import (
    FlacStreamEncoder,
    decode_frames,
    encode_flac,
    parse_frame_header,
    stream_header,
)
from fieldwork_app.audio.container import (
    FORMAT_VERSION,
    ContainerWriter,
    RecordType,
    build_header,
    iter_records,
    read_header,
)
from fieldwork_app.audio.stream import AudioWriter, decode_record
from fieldwork_app.errors import ErrorKind, FieldworkError, InvalidInput

KEY = bytes(range(32))


def noise(seconds: float, rate: int = 48000, channels: int = 1, seed: int = 7) -> np.ndarray:
    rng = np.random.default_rng(seed)
    n = int(seconds * rate)
    x = np.convolve(rng.standard_normal(n * channels), np.hanning(16) / 8, mode="same")
    return (x * 3000).astype(np.int16).reshape(n, channels)


def sha(pcm: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(pcm, dtype="<i2").tobytes()).hexdigest()


def write_v2(path: Path, pcm: np.ndarray, rate: int, step: int, *, finish: bool = True) -> AudioWriter:
    w = ContainerWriter(path, KEY, build_header("R-0009", "interview", rate, pcm.shape[1]))
    audio = AudioWriter(w)
    for i in range(0, len(pcm), step):
        audio.write(pcm[i : i + step])
        assert audio.pending <= 4097  # never more than one FLAC block waits in the encoder
    if finish:
        audio.flush()
        w.seal(reason="stopped")
    else:
        w.close()
    return audio


@pytest.mark.parametrize(("rate", "channels"), [(48000, 1), (44100, 2), (16000, 1), (8000, 1)])
def test_records_decode_alone_and_together(tmp_path: Path, rate: int, channels: int) -> None:
    pcm = noise(3.3, rate, channels)
    take = tmp_path / "s.fwa"
    audio = write_v2(take, pcm, rate, rate // 2)
    assert read_header(take).version == FORMAT_VERSION == 3
    assert audio.frames == len(pcm) and audio.sha256 == sha(pcm)
    recs = [r for r in iter_records(take, KEY) if r.type is RecordType.AUDIO]
    assert len(recs) >= 6
    for rec in recs:  # bare frames, each record decodable on its own
        assert rec.payload[:4] != b"fLaC" and parse_frame_header(rec.payload) is not None
        got = decode_record(take, rec)
        assert np.array_equal(got, pcm[rec.start_frame : rec.start_frame + rec.frames])
    assert np.array_equal(np.concatenate(list(iter_samples(take, KEY))), pcm)
    out = tmp_path / "s.flac"
    info = export([(take, KEY)], out)
    assert info.sha256 == sha(pcm) and np.array_equal(sf.read(out, dtype="int16", always_2d=True)[0], pcm)


def test_small_and_uneven_writes(tmp_path: Path) -> None:
    pcm = noise(2.0)
    take = tmp_path / "u.fwa"
    w = ContainerWriter(take, KEY, build_header("R", "interview", 48000, 1))
    audio = AudioWriter(w)
    buf = np.zeros((5000, 1), dtype=np.int16)  # reused, as the recorder reuses its buffer
    i = 0
    for n in [1, 960, 4095, 4096, 4097, 17, 5000, 3] * 20:
        chunk = pcm[i : i + n]
        if not len(chunk):
            break
        buf[: len(chunk)] = chunk
        audio.write(buf[: len(chunk)])
        buf[:] = 12345  # the writer must have copied what it still needs
        i += len(chunk)
    audio.flush()
    w.seal(reason="stopped")
    assert audio.sha256 == sha(pcm[:i])
    assert np.array_equal(np.concatenate(list(iter_samples(take, KEY))), pcm[:i])


def test_streams_restart_after_flush_and_frame_numbers_grow(tmp_path: Path) -> None:
    # ~2100 frames: frame numbers need 3-byte UTF-8 coding in the later records
    pcm = (noise(185.0, 48000) // 64).astype(np.int16)
    take = tmp_path / "long.fwa"
    w = ContainerWriter(take, KEY, build_header("R", "interview", 48000, 1))
    audio = AudioWriter(w)
    half = len(pcm) // 2
    for i in range(0, half, 48000):
        audio.write(pcm[i : min(i + 48000, half)])
    audio.flush()  # as before a pause: the stream ends, every sample is in a record
    assert audio.frames == half and audio.pending == 0
    for i in range(half, len(pcm), 48000):
        audio.write(pcm[i : i + 48000])
    audio.flush()
    w.seal(reason="stopped")
    numbers = [parse_frame_header(r.payload) for r in iter_records(take, KEY) if r.type is RecordType.AUDIO]
    assert numbers[0] is not None and numbers[0][0] == 0
    assert max(n[0] for n in numbers if n) > 1000
    assert np.array_equal(
        np.concatenate(list(iter_samples(take, KEY, start_seconds=170.0))), pcm[170 * 48000 :]
    )


def test_unfinished_stream_loses_only_what_the_encoder_held(tmp_path: Path) -> None:
    """kill -9 mid-take: the records hold all but the last < 1 FLAC block of what was written."""
    pcm = noise(3.0)
    take = tmp_path / "k.fwa"
    audio = write_v2(take, pcm, 48000, 24000, finish=False)
    assert 0 < len(pcm) - audio.frames <= 4097
    report = recover(take, KEY)
    assert report.dropped_bytes == 0 and report.duration_seconds == pytest.approx(audio.frames / 48000)
    info = read_info(take, KEY)
    assert info.sealed and info.recovered
    assert np.array_equal(np.concatenate(list(iter_samples(take, KEY))), pcm[: audio.frames])


def test_portable_blocks_are_standard_streams(tmp_path: Path) -> None:
    pcm = noise(2.2)
    take = tmp_path / "p.fwa"
    write_v2(take, pcm, 48000, 24000)
    blob = b"".join(portable_chunks(take, KEY))
    header, rest = blob.split(b"\n", 1)
    assert json.loads(header)["frames"] == len(pcm)
    got, pos = [], 0
    while True:
        (n,) = struct.unpack(">I", rest[pos : pos + 4])
        pos += 4
        if n == 0:
            break
        block = rest[pos : pos + n]
        pos += n
        assert block[:4] == b"fLaC"
        data, rate = sf.read(io.BytesIO(block), dtype="int16", always_2d=True)  # seeks to 0: a plain stream
        assert rate == 48000
        got.append(data)
    assert np.array_equal(np.concatenate(got), pcm)


def test_bare_frames_are_refused_in_a_version_1_take(tmp_path: Path) -> None:
    pcm = noise(1.0)
    enc = FlacStreamEncoder(48000, 1)
    payload, n = enc.encode(pcm)
    take = tmp_path / "old.fwa"
    w = ContainerWriter(take, KEY, build_header("R", "interview", 48000, 1, version=1))
    w.append(RecordType.AUDIO, payload, n)
    w.seal(reason="stopped")
    with pytest.raises(FieldworkError) as e:
        list(iter_samples(take, KEY))
    assert e.value.kind is ErrorKind.RECORDING_DAMAGED and "record 0 is not valid audio" in e.value.message
    with pytest.raises(ValueError):
        AudioWriter(ContainerWriter(tmp_path / "x.fwa", KEY, build_header("R", "i", 48000, 1, version=1)))
    with pytest.raises(InvalidInput):
        build_header("R", "interview", 48000, 1, version=4)


def test_a_record_announcing_more_samples_than_it_holds_is_damaged(tmp_path: Path) -> None:
    enc = FlacStreamEncoder(48000, 1)
    payload, n = enc.encode(noise(1.0))
    with pytest.raises(ValueError):
        decode_frames(payload, 48000, 1, n + 1)
    take = tmp_path / "lie.fwa"
    w = ContainerWriter(take, KEY, build_header("R", "interview", 48000, 1))
    w.append(RecordType.AUDIO, payload, n + 100)  # authentic, but the writer lied about its length
    w.seal(reason="stopped")
    with pytest.raises(FieldworkError) as e:
        export([(take, KEY)], tmp_path / "lie.wav")
    assert e.value.kind is ErrorKind.RECORDING_DAMAGED and "record 0" in e.value.message
    assert not (tmp_path / "lie.wav").exists()


def test_version_1_payloads_in_a_version_2_take_still_read(tmp_path: Path) -> None:
    pcm = noise(1.5)
    take = tmp_path / "mixed.fwa"
    w = ContainerWriter(take, KEY, build_header("R", "interview", 48000, 1))
    w.append(RecordType.AUDIO, encode_flac(pcm[:24000], 48000), 24000)
    audio = AudioWriter(w)
    audio.write(pcm[24000:])
    audio.flush()
    w.seal(reason="stopped")
    assert np.array_equal(np.concatenate(list(iter_samples(take, KEY))), pcm)


def test_frame_header_parser_checks_its_crc() -> None:
    payload, _ = FlacStreamEncoder(48000, 1).encode(noise(0.5))
    assert parse_frame_header(payload) == (0, 4096)
    bad = bytearray(payload[:16])
    bad[4] ^= 0x01  # frame number changed, CRC-8 no longer matches
    assert parse_frame_header(bytes(bad)) is None
    assert parse_frame_header(b"\xff\xf8") is None and parse_frame_header(b"fLaC" + bytes(40)) is None
    assert stream_header(48000, 2, 10)[:4] == b"fLaC" and len(stream_header(48000, 2, 10)) == 42
