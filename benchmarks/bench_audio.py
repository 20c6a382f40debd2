"""Audio benchmarks, run on demand: ``.venv/bin/python benchmarks/bench_audio.py [--minutes N] [--hours H]``.

Each figure is printed beside a baseline measured in the same run:
1. encrypted write throughput vs a plain ``soundfile`` FLAC write of the same audio (target >= 0.8x);
2. RSS growth over a long recording fed through the writer path faster than real time (< 5 MB);
3. recovery time for an interrupted recording of that length (< 2 s);
4. real-time capture on the virtual device with a CPU hog beside it (0 overflows).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile as sf

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fieldwork_app.audio import Recorder, recover  # noqa: E402
from fieldwork_app.audio.codec import encode_flac  # noqa: E402
from fieldwork_app.audio.container import ContainerWriter, RecordType, build_header  # noqa: E402

RATE = 48000
KEY = os.urandom(32)
REC = RATE // 2


def speechlike(seconds: float, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    n = int(seconds * RATE)
    t = np.arange(n) / RATE
    voiced = np.convolve(rng.standard_normal(n), np.hanning(24) / 12, mode="same")
    env = 0.5 * (1 + np.sin(2 * np.pi * 4 * t))
    x = (voiced * 3 + 0.3 * np.sin(2 * np.pi * 180 * t)) * env
    return (x / np.max(np.abs(x)) * 12000).astype(np.int16).reshape(-1, 1)


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_throughput(tmp: Path) -> None:
    pcm = speechlike(120)
    t0 = time.perf_counter()
    with sf.SoundFile(tmp / "plain.flac", "w", RATE, 1, "PCM_16", format="FLAC") as f:
        for i in range(0, len(pcm), REC):
            f.write(pcm[i : i + REC])
    plain = time.perf_counter() - t0
    t0 = time.perf_counter()
    w = ContainerWriter(tmp / "enc.fwa", KEY, build_header("B", "bench", RATE, 1))
    for i in range(0, len(pcm), REC):
        block = pcm[i : i + REC]
        w.append(RecordType.AUDIO, encode_flac(block, RATE), len(block))
    w.seal(reason="stopped")
    enc = time.perf_counter() - t0
    ratio = (tmp / "enc.fwa").stat().st_size / pcm.nbytes
    print(
        f"throughput: plain FLAC {120 / plain:.0f}x real time, encrypted {120 / enc:.0f}x real time, "
        f"ratio {plain / enc:.2f}x (target >= 0.8); size {ratio:.2f}x raw PCM (plain FLAC "
        f"{(tmp / 'plain.flac').stat().st_size / pcm.nbytes:.2f}x)"
    )


def bench_long(tmp: Path, hours: float) -> None:
    chunk = speechlike(60, seed=5)
    path = tmp / "long.fwa"
    w = ContainerWriter(path, KEY, build_header("L", "bench", RATE, 1))
    base = None
    t0 = time.perf_counter()
    minutes = int(hours * 60)
    for m in range(minutes):
        for i in range(0, len(chunk), REC):
            block = chunk[i : i + REC]
            w.append(RecordType.AUDIO, encode_flac(block, RATE), len(block))
        if m == 1:
            base = rss_mb()
    w.close()  # interrupted: no final record
    took = time.perf_counter() - t0
    growth = rss_mb() - (base or rss_mb())
    print(
        f"memory: {minutes} min written in {took:.0f} s ({minutes * 60 / took:.0f}x real time); "
        f"RSS growth after minute 2: {growth:.1f} MB (target < 5); file {path.stat().st_size / 2**20:.0f} MB"
    )
    fd = os.open(path, os.O_RDONLY)
    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)  # time recovery from disk, not the page cache
    os.close(fd)
    t0 = time.perf_counter()
    report = recover(path, KEY)
    took = time.perf_counter() - t0
    print(
        f"recovery: {report.duration_seconds / 60:.0f} min, {report.records} records in {took:.2f} s "
        f"(target < 2 s)"
    )


def _hog(stop: multiprocessing.synchronize.Event) -> None:  # type: ignore[name-defined]
    x = 0
    while not stop.is_set():
        x = (x * 31 + 7) % 1000003


def bench_realtime(tmp: Path, minutes: float, device: str) -> None:
    stop = multiprocessing.Event()
    hogs = [multiprocessing.Process(target=_hog, args=(stop,)) for _ in range(os.cpu_count() or 2)]
    for h in hogs:
        h.start()
    try:
        rec = Recorder(tmp / "rt.fwa", KEY, recording_id="RT", device=device)
        rec.start()
        time.sleep(minutes * 60)
        s = rec.stop()
    finally:
        stop.set()
        for h in hogs:
            h.join()
    print(
        f"real time: {s.duration_seconds:.0f} s captured beside {len(hogs)} CPU hogs: overflows "
        f"{s.overflows}, dropped blocks {s.dropped_blocks} (target 0), error {s.error}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=10.0, help="real-time capture length")
    ap.add_argument("--hours", type=float, default=2.0, help="length of the long recording")
    ap.add_argument("--device", default="pulse")
    ap.add_argument("--skip-realtime", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="fw-bench-") as d:
        tmp = Path(d)
        bench_throughput(tmp)
        bench_long(tmp, args.hours)
        if not args.skip_realtime:
            bench_realtime(tmp, args.minutes, args.device)


if __name__ == "__main__":
    main()
