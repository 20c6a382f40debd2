"""Audio lost to ``kill -9``, measured exactly with a time-coded source.  Run on demand (not in CI):

    .venv/bin/python benchmarks/bench_kill.py [--kills 100] [--max-wait 4.0] [--seed 1]

A private PulseAudio server (its own runtime directory, so other users of a shared server are not
disturbed) gets a null sink at 48 kHz, 16-bit stereo.  A feeder thread plays into it, at real time
through ``pacat``, samples that encode their own time: frame *n* holds the low 16 bits of *n* on the
left channel and the high 16 bits on the right.  The sink's monitor is the microphone.  At 100 % volume
PulseAudio passes the samples through unchanged, which the benchmark checks first (every frame a
reference stream receives must be the one after the frame before it).

The reference stream (sounddevice, low latency, in this process) notes for each block it receives the
time it arrived and the counter of its last frame, so the counter the source had reached at any moment
is known to within one 10 ms block.  Each round starts the recorder (the app's own ``Recorder``, in a
child process, on the default device, stereo) and, once it has audio in its first record (its position
passes 0.6 s), kills it with SIGKILL at a random moment up to ``--max-wait`` seconds later, so the kill
falls anywhere in the recorder's half-second record cycle.  The take is recovered (``recover()``) and
decoded; the counter of its last frame is the last moment it holds.  Audio lost = (counter the source had
reached when the signal was sent - counter of the take's last frame) / 48000.  Every take is also checked
for gaps (each frame's counter one more than the one before).

Target: at most 1.0 s lost, median under 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

RATE = 48000
SINK = "fwtime"
FEED_FRAMES = 4800  # 0.1 s per write into pacat
REF_BLOCK = 480

CHILD = r"""
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from fieldwork_app.audio import Recorder
key = bytes.fromhex(sys.stdin.readline().strip())
rec = Recorder(Path(sys.argv[1]), key, recording_id="R-BENCH", device="pulse", samplerate=48000, channels=2)
rec.start()
print("started", flush=True)
while True:
    time.sleep(0.02)
    print(f"{rec.position_seconds:.3f}", flush=True)
"""


def counters(pcm: np.ndarray) -> np.ndarray:
    """Each frame's counter from its two channels (low and high 16 bits)."""
    u = pcm.astype(np.int16).view(np.uint16).astype(np.int64)
    return u[:, 0] | (u[:, 1] << 16)


def frames_from(start: int, n: int) -> np.ndarray:
    c = np.arange(start, start + n, dtype=np.int64)
    out = np.empty((n, 2), dtype=np.uint16)
    out[:, 0] = c & 0xFFFF
    out[:, 1] = (c >> 16) & 0xFFFF
    return out.view(np.int16)


class Server:
    """A private PulseAudio server with the time-coded sink; its environment is this process's."""

    def __init__(self) -> None:
        self.runtime = Path(tempfile.mkdtemp(prefix="fw-bench-pulse-"))
        os.environ["XDG_RUNTIME_DIR"] = str(self.runtime)
        os.environ["PULSE_SERVER"] = f"unix:{self.runtime}/pulse/native"
        os.environ.pop("PULSE_SOURCE", None)
        subprocess.run(
            [
                "pulseaudio",
                "-D",
                "-n",
                "--exit-idle-time=-1",
                "--load=module-native-protocol-unix",
                f"--load=module-null-sink sink_name={SINK} rate={RATE} format=s16le channels=2 "
                "channel_map=front-left,front-right",
            ],
            check=True,
            capture_output=True,
            timeout=20,
        )
        deadline = time.monotonic() + 10
        while subprocess.run(["pactl", "info"], capture_output=True, check=False).returncode != 0:
            if time.monotonic() > deadline:
                raise RuntimeError("PulseAudio did not come up")
            time.sleep(0.05)
        subprocess.run(["pactl", "set-default-source", f"{SINK}.monitor"], check=True, capture_output=True)
        subprocess.run(["pactl", "set-sink-volume", SINK, "100%"], check=True, capture_output=True)

    def close(self) -> None:
        subprocess.run(["pulseaudio", "--kill"], capture_output=True, timeout=10, check=False)
        shutil.rmtree(self.runtime, ignore_errors=True)


class Feeder:
    """Plays the running counter into the sink at real time (pacat blocks when its buffer is full)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            ["pacat", "--playback", "-d", SINK, "--rate", str(RATE), "--channels", "2",
             "--format", "s16le", "--latency-msec", "400", "--volume", "65536"],
            stdin=subprocess.PIPE,
        )  # fmt: skip
        self.stopping = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        n = 0
        assert self.proc.stdin is not None
        try:
            while not self.stopping:
                self.proc.stdin.write(frames_from(n, FEED_FRAMES).tobytes())
                n += FEED_FRAMES
        except (BrokenPipeError, OSError):
            pass

    def close(self) -> None:
        self.stopping = True
        self.proc.terminate()
        self.proc.wait(5)


class Reference:
    """Where the source is now: (arrival time, counter of the last frame) of every block received."""

    def __init__(self) -> None:
        import sounddevice as sd

        self.seen: deque[tuple[float, int]] = deque(maxlen=20000)
        self.gaps = 0
        self.blocks = 0
        self._last = -1
        self.stream = sd.InputStream(
            device="pulse", channels=2, samplerate=RATE, dtype="int16", blocksize=REF_BLOCK,
            latency="low", callback=self._callback,
        )  # fmt: skip
        self.stream.start()

    def _callback(self, indata: np.ndarray, frames: int, time_info: object, status: object) -> None:
        now = time.monotonic()
        c = counters(indata)
        if self._last >= 0 and (c[0] != self._last + 1 or np.any(np.diff(c) != 1)):
            self.gaps += 1
        self._last = int(c[-1])
        self.blocks += 1
        self.seen.append((now, int(c[-1])))

    def at(self, t: float) -> int:
        """The counter the source had reached at monotonic time ``t``."""
        best = None
        for when, c in reversed(self.seen):
            if when <= t:
                best = (when, c)
                break
        if best is None:
            raise RuntimeError("the reference stream had no audio at that moment")
        return best[1] + int((t - best[0]) * RATE)

    def close(self) -> None:
        self.stream.stop()
        self.stream.close()


def one_kill(tmp: Path, i: int, key: bytes, ref: Reference, wait: float) -> tuple[float, int, float]:
    from fieldwork_app.audio import iter_samples, recover

    take = tmp / f"kill{i}.fwa"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(take), str(REPO)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin and child.stdout
    child.stdin.write(key.hex() + "\n")
    child.stdin.flush()
    if child.stdout.readline().strip() != "started":
        raise RuntimeError("the recorder did not start")
    for line in child.stdout:
        if float(line) > 0.6:
            break
    time.sleep(wait)
    t_kill = time.monotonic()
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    at_kill = ref.at(t_kill)
    recover(take, key)
    pcm = np.concatenate(list(iter_samples(take, key)))
    c = counters(pcm)
    steps = np.diff(c)
    gaps = int(np.count_nonzero(steps != 1))
    # the last frame that follows on from the one before it (a dropout in the source, which PulseAudio fills
    # with silence, must not be read as a time)
    ok = np.flatnonzero(steps == 1)
    last = int(c[ok[-1] + 1]) if len(ok) else int(c[-1])
    take.unlink()
    return (at_kill - last) / RATE, gaps, len(c) / RATE


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=100)
    ap.add_argument("--max-wait", type=float, default=4.0, help="kill up to this long after the first record")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if not shutil.which("pulseaudio") or not shutil.which("pacat"):
        sys.exit("bench_kill: pulseaudio and pacat are needed")
    server = Server()
    feeder = ref = None
    try:
        feeder = Feeder()
        time.sleep(0.5)
        ref = Reference()
        time.sleep(2.0)
        if ref.blocks < 50 or ref.gaps:
            sys.exit(f"bench_kill: the source is not bit-exact ({ref.blocks} blocks, {ref.gaps} with gaps)")
        print(f"time-coded source checked: {ref.blocks} blocks, every frame the one after the last")
        rnd = random.Random(args.seed)
        key = os.urandom(32)
        lost: list[float] = []
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="fw-bench-kill-") as d:
            for i in range(args.kills):
                wait = rnd.uniform(0.0, args.max_wait)
                seconds, gaps, length = one_kill(Path(d), i, key, ref, wait)
                lost.append(seconds)
                if gaps:
                    print(f"  kill {i}: {gaps} gap(s) inside the recovered take")
                if (i + 1) % 10 == 0:
                    print(f"  {i + 1} kills, last: {seconds:.3f} s lost of a {length:.2f} s take", flush=True)
        took = time.monotonic() - started
        s = sorted(lost)
        p95 = s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]
        print(
            f"kill -9 at {len(s)} random moments ({took:.0f} s): audio lost median {statistics.median(s):.3f} s, "
            f"95th percentile {p95:.3f} s, max {s[-1]:.3f} s, min {s[0]:.3f} s "
            "(target: max <= 1.0 s, median < 0.5 s)"
        )
        print(f"reference stream: {ref.gaps} block(s) with gaps over the run (dropouts of the source)")
        bands = [(0.0, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 1.0), (1.0, float("inf"))]
        print("  " + ", ".join(f"{lo:.2f}-{hi:.2f} s: {sum(lo <= x < hi for x in s)}" for lo, hi in bands))
        ok = s[-1] <= 1.0 and statistics.median(s) < 0.5
        print("PASS" if ok else "MISSED")
    finally:
        if ref is not None:
            ref.close()
        if feeder is not None:
            feeder.close()
        server.close()


if __name__ == "__main__":
    main()
