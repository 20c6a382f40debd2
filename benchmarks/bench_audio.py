"""Audio benchmarks, run on demand: ``.venv/bin/python benchmarks/bench_audio.py [--minutes N] [--hours H]``.

Each figure is printed beside a baseline measured in the same run:
1. encrypted write throughput vs a plain ``soundfile`` FLAC write of the same audio (target >= 0.8x):
   the recorder's own writer path (:class:`AudioWriter` over :class:`ContainerWriter`: FLAC, ChaCha20-
   Poly1305, unbuffered writes, fsync) against ``soundfile.SoundFile`` writing a ``.flac`` file, both fed
   the same 120 s of audio in the same half-second blocks, after one untimed warm-up of each, alternated
   ``--repeat`` times; the figure is the median of the per-run ratios (the machine may be shared, so
   the spread is printed too).  Printed twice: the writer path alone (FLAC, encryption, writes, fsync:
   what this figure has always measured), and with the SHA-256 of the samples that the recorder also
   computes for its summary (the baseline computes none);
2. RSS growth over a long recording fed through the writer path faster than real time (< 5 MB);
3. recovery time for an interrupted recording of that length (< 2 s);
4. real-time capture on the virtual device with a CPU hog beside it (0 overflows).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile as sf

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fieldwork_app.audio import Recorder, recover  # noqa: E402
from fieldwork_app.audio.container import ContainerWriter, build_header  # noqa: E402
from fieldwork_app.audio.stream import AudioWriter  # noqa: E402

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


def write_plain(path: Path, pcm: np.ndarray) -> None:
    with sf.SoundFile(path, "w", RATE, 1, "PCM_16", format="FLAC") as f:
        for i in range(0, len(pcm), REC):
            f.write(pcm[i : i + REC])


def write_encrypted(path: Path, pcm: np.ndarray, digest: bool = False) -> None:
    w = ContainerWriter(path, KEY, build_header("B", "bench", RATE, 1))
    audio = AudioWriter(w, digest=digest)
    for i in range(0, len(pcm), REC):
        audio.write(pcm[i : i + REC])
    audio.flush()
    w.seal(reason="stopped")


def bench_throughput(tmp: Path, repeat: int) -> None:
    seconds = 120
    pcm = speechlike(seconds)
    plain_t: list[float] = []
    enc_t: list[float] = []
    dig_t: list[float] = []
    write_plain(tmp / "warm.flac", pcm)
    write_encrypted(tmp / "warm.fwa", pcm, digest=True)
    for r in range(repeat):
        plain, enc, dig = tmp / f"plain{r}.flac", tmp / f"enc{r}.fwa", tmp / f"dig{r}.fwa"
        t0 = time.perf_counter()
        write_plain(plain, pcm)
        plain_t.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        write_encrypted(enc, pcm)
        enc_t.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        write_encrypted(dig, pcm, digest=True)
        dig_t.append(time.perf_counter() - t0)
        sizes = plain.stat().st_size / pcm.nbytes, enc.stat().st_size / pcm.nbytes
        for f in (plain, enc, dig):
            f.unlink()
    p = statistics.median(plain_t)
    print(
        f"throughput ({repeat} alternated runs): plain FLAC {seconds / p:.0f}x real time; size "
        f"{sizes[1]:.2f}x raw PCM (plain FLAC {sizes[0]:.2f}x)"
    )
    for label, times in (("writer path", enc_t), ("writer path + SHA-256 of samples", dig_t)):
        ratios = sorted(p_ / e_ for p_, e_ in zip(plain_t, times, strict=True))
        print(
            f"  {label}: {seconds / statistics.median(times):.0f}x real time; ratio "
            f"{statistics.median(ratios):.2f}x (median of runs; target >= 0.8; range "
            f"{ratios[0]:.2f}-{ratios[-1]:.2f})"
        )


def bench_long(tmp: Path, hours: float) -> None:
    chunk = speechlike(60, seed=5)
    path = tmp / "long.fwa"
    w = ContainerWriter(path, KEY, build_header("L", "bench", RATE, 1))
    audio = AudioWriter(w)
    base = None
    t0 = time.perf_counter()
    minutes = int(hours * 60)
    for m in range(minutes):
        for i in range(0, len(chunk), REC):
            audio.write(chunk[i : i + REC])
        if m == 1:
            base = rss_mb()
    w.close()  # interrupted: no final record, and the FLAC stream is left unfinished
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
    ap.add_argument("--repeat", type=int, default=15, help="alternated runs of the throughput comparison")
    ap.add_argument("--skip-realtime", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="fw-bench-") as d:
        tmp = Path(d)
        bench_throughput(tmp, args.repeat)
        bench_long(tmp, args.hours)
        if not args.skip_realtime:
            bench_realtime(tmp, args.minutes, args.device)


if __name__ == "__main__":
    main()
