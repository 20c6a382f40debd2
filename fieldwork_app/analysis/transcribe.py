"""Offline transcript drafts of every interview take in an analysis folder.

The speech recogniser is faster-whisper (Whisper on CTranslate2), loaded from a model folder that
research IT provides (``model.bin``, ``config.json``, ``tokenizer.json``, ``vocabulary.*``): never a
name to look up, never a download (``local_files_only``, and the Hugging Face client is told it is
offline before it is imported).  Per take it writes, under ``<session>/transcripts/``:

* ``<take>.txt``  plain text, ``[hh:mm:ss]`` at each segment (the form QualCoder and others read to
  link text and audio), with the interview's markers and timed notes on their own lines at their times;
* ``<take>.vtt``  WebVTT, markers and notes as cues of their own;
* ``<take>.json`` segments with times, words and confidence; the model folder's name, size and
  checksum; the audio's SHA-256.  Written last: its presence means the take is done.

Every file goes to a temporary name and is renamed into place, so a cancelled or killed run leaves
either a whole transcript or none, and the next run does only the takes still missing.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import soundfile

from fieldwork_app.analysis.folder import (
    AnalysisFolder,
    Take,
    TimedItem,
    hhmmss,
    humanise,
    open_analysis_folder,
)
from fieldwork_app.errors import Cancelled, ErrorCode, FieldworkError, InvalidInput
from fieldwork_app.sync.state import NullState, TaskState

logger = logging.getLogger(__name__)

TRANSCRIPT_FORMAT = "fieldwork-transcript"
REQUIRED_MODEL_FILES = ("model.bin", "config.json", "tokenizer.json")


def default_threads() -> int:
    """The cores this process may use (the affinity mask, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class ModelInfo:
    name: str
    path: Path
    size: int
    sha256: str  # over every file of the folder: SHA-256 of "<name> <sha256 of file>\n" lines, sorted

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "size": self.size, "sha256": self.sha256}


def check_model_folder(model_dir: Path) -> None:
    """Refuse a folder that lacks what faster-whisper needs to load a model offline."""
    model_dir = Path(model_dir)
    if not model_dir.is_dir():
        raise InvalidInput(f"{model_dir}: no such model folder")
    missing = [n for n in REQUIRED_MODEL_FILES if not (model_dir / n).is_file()]
    if not any((model_dir / n).is_file() for n in ("vocabulary.txt", "vocabulary.json")):
        missing.append("vocabulary.txt")
    if missing:
        raise InvalidInput(
            f"{model_dir}: not a converted Whisper model for faster-whisper (missing {', '.join(missing)}); "
            "ask research IT for a CTranslate2 model folder"
        )


def model_info(model_dir: Path) -> ModelInfo:
    """Check a model folder has what faster-whisper needs offline, and fingerprint it."""
    model_dir = Path(model_dir)
    check_model_folder(model_dir)
    lines = []
    size = 0
    for path in sorted(p for p in model_dir.rglob("*") if p.is_file()):
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        size += path.stat().st_size
        lines.append(f"{path.relative_to(model_dir).as_posix()} {digest.hexdigest()}\n")
    return ModelInfo(model_dir.name, model_dir, size, hashlib.sha256("".join(lines).encode()).hexdigest())


class Recogniser:
    """One loaded Whisper model (CTranslate2, CPU, int8), used for every take of a run."""

    def __init__(self, model_dir: Path, threads: int | None = None, compute_type: str = "int8") -> None:
        self.info = model_info(model_dir)
        self.threads = threads or default_threads()
        self.compute_type = compute_type
        os.environ["HF_HUB_OFFLINE"] = "1"  # the Hugging Face client must never reach out
        try:
            import faster_whisper
        except ImportError:
            raise FieldworkError(
                "transcription needs faster-whisper: install Fieldwork with its 'analysis' extra "
                "(pip install 'fieldwork[analysis]')"
            ) from None
        self.engine = f"faster-whisper {getattr(faster_whisper, '__version__', '?')}"
        try:
            self.model = faster_whisper.WhisperModel(
                str(self.info.path),
                device="cpu",
                compute_type=compute_type,
                cpu_threads=self.threads,
                num_workers=1,
                local_files_only=True,
            )
        except (RuntimeError, ValueError, OSError) as exc:  # CTranslate2's own, on a file it cannot read
            raise InvalidInput(
                f"{model_dir}: the model does not load: its files are damaged (a copy cut short?) or are not a "
                f"Whisper model converted for CTranslate2 ({exc})"
            ) from None
        except Exception as exc:  # noqa: BLE001 - never a traceback: said, to be reported
            raise InvalidInput(
                f"{model_dir}: the model does not load: an unexpected error ({type(exc).__name__}: {exc})"
            ) from None

    def segments(self, audio: Path, language: str | None) -> tuple[Iterator[dict[str, Any]], float]:
        """The take's segments (dicts, times from the take's start) as the model makes them, and its
        duration.  A long take goes to the model a window at a time (cut at a quiet moment), so memory
        stays that of one window however long the interview."""
        info = soundfile.info(str(audio))
        duration = float(info.frames) / float(info.samplerate)
        return self._windows(audio, language), duration

    def _windows(self, audio: Path, language: str | None) -> Iterator[dict[str, Any]]:
        for offset, pcm in windows_16k(audio):
            segs, _ = self.model.transcribe(
                pcm,
                language=language,
                beam_size=5,
                word_timestamps=True,
                vad_filter=True,
                condition_on_previous_text=False,
            )
            for s in segs:
                yield {
                    "start": round(offset + float(s.start), 2),
                    "end": round(offset + float(s.end), 2),
                    "text": s.text.strip(),
                    "confidence": round(math.exp(float(s.avg_logprob)), 3),
                    "avg_logprob": round(float(s.avg_logprob), 3),
                    "no_speech_prob": round(float(s.no_speech_prob), 3),
                    "words": [
                        {
                            "word": w.word.strip(),
                            "start": round(offset + float(w.start), 2),
                            "end": round(offset + float(w.end), 2),
                            "probability": round(float(w.probability), 3),
                        }
                        for w in (s.words or [])
                    ],
                }


WINDOW_SECONDS = 120.0  # audio handed to the model at once (memory is that of one window)
CUT_SEARCH_SECONDS = 20.0  # a window ends at the quietest 0.1 s of its last 20 s
MODEL_RATE = 16000


def _to_16k(block: np.ndarray, rate: int) -> np.ndarray:
    """Mono float32 at 16 kHz, band-limited resampling by FFT (no aliasing from above 8 kHz).

    The block is padded with silence to whole seconds first: an FFT of a length with a large prime factor
    takes several times the memory (one 98-second window of 48 kHz audio took 1 GB instead of 0.3)."""
    mono = block.mean(axis=1) if block.ndim > 1 else block
    if rate == MODEL_RATE or len(mono) == 0:
        return mono.astype(np.float32)
    want = int(round(len(mono) * MODEL_RATE / rate))
    padded = -(-len(mono) // rate) * rate
    n_out = padded // rate * MODEL_RATE
    spectrum = np.fft.rfft(np.pad(mono, (0, padded - len(mono))))
    keep = n_out // 2 + 1
    spectrum = spectrum[:keep] if keep <= len(spectrum) else np.pad(spectrum, (0, keep - len(spectrum)))
    return (np.fft.irfft(spectrum, n_out) * (n_out / padded))[:want].astype(np.float32)


def windows_16k(audio: Path, window: float = WINDOW_SECONDS) -> Iterator[tuple[float, np.ndarray]]:
    """(offset in seconds, 16 kHz mono samples) for consecutive windows of at most ``window`` seconds, each
    but the last ending at the quietest tenth of a second near its end, so no word is cut in two."""
    with soundfile.SoundFile(str(audio)) as f:
        rate = int(f.samplerate)
        frames = int(f.frames)
        start = 0
        while start < frames:
            f.seek(start)
            block = f.read(int(window * rate), dtype="float32", always_2d=True)
            end = start + len(block)
            if end < frames and len(block) > int(2 * CUT_SEARCH_SECONDS * rate):
                hop = rate // 10
                tail = block[-int(CUT_SEARCH_SECONDS * rate) :].mean(axis=1)
                n = len(tail) // hop
                energy = (tail[: n * hop].reshape(n, hop) ** 2).mean(axis=1)
                cut = len(block) - len(tail) + int(np.argmin(energy)) * hop + hop // 2
                block, end = block[:cut], start + cut
            if len(block) == 0:
                break
            yield start / rate, _to_16k(block, rate)
            start = end


@dataclass
class TranscribeReport:
    done: list[str] = field(default_factory=list)  # analysis-folder paths of the .txt written
    already: list[str] = field(default_factory=list)  # takes done by an earlier run
    skipped: list[dict[str, str]] = field(default_factory=list)  # {"take", "reason"}
    failed: list[dict[str, str]] = field(default_factory=list)  # {"take", "error"}
    warnings: list[dict[str, str]] = field(default_factory=list)  # {"take", "warning"}: consent not checkable
    audio_seconds: float = 0.0
    seconds: float = 0.0
    model: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "done": self.done,
            "already": self.already,
            "skipped": self.skipped,
            "failed": self.failed,
            "warnings": self.warnings,
            "audio_seconds": round(self.audio_seconds, 1),
            "seconds": round(self.seconds, 1),
            "model": self.model,
        }


def _atomic_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.writing")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def is_done(root: Path, take: Take) -> bool:
    """A take is done when its JSON exists and was made from the same audio (by its SHA-256)."""
    path = root / f"{take.transcript_base}.json"
    if not path.is_file():
        return False
    try:
        doc = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return False
    if not isinstance(doc, dict) or doc.get("format") != TRANSCRIPT_FORMAT:
        return False
    made_from = (doc.get("take") or {}).get("audio_sha256")
    return take.audio_sha256 is None or made_from == take.audio_sha256


def skip_reason(folder: AnalysisFolder, take: Take) -> str | None:
    """Why this take must not be transcribed (a participant declined it in their consent), or None."""
    session = folder.session_of(take)
    reasons = []
    for pid in take.participant_ids:
        consent = session.consents.get(pid)
        if consent is None:
            continue
        for role in consent.declined_roles():
            reasons.append(f"{pid} declined {role} (consent form {consent.form})")
    return "; ".join(reasons) or None


def consent_warning(folder: AnalysisFolder, take: Take) -> str | None:
    """What cannot be checked for this take: a participant with no consent record in the folder, or a record
    made before statements carried their pack roles (then a refusal cannot be recognised)."""
    session = folder.session_of(take)
    out = []
    for pid in take.participant_ids:
        consent = session.consents.get(pid)
        if consent is None:
            out.append(f"no consent record for {pid} in the folder")
        elif not any("role" in st for st in consent.statements):
            out.append(f"{pid}'s consent record ({consent.form}) names no statement roles: check by hand")
    return "; ".join(out) or None


def _event_line(item: TimedItem, what: str) -> str:
    text = " ".join(item.text.split())
    return f"<<{what}: {text}>>" if text else f"<<{what}>>"


def _pieces(segments: list[dict[str, Any]], cuts: list[float]) -> list[tuple[float, str]]:
    """Segments as (start, text); a segment with a marker or note inside it is split at the first word
    that starts after that time, so the event's line falls between the words it was set between."""
    out: list[tuple[float, str]] = []
    for s in segments:
        inside = sorted(t for t in cuts if s["start"] < t < s["end"])
        words = [w for w in s.get("words") or [] if w.get("word")]
        if not inside or not words:
            out.append((float(s["start"]), s["text"]))
            continue
        groups: list[tuple[float, list[str]]] = [(float(s["start"]), [])]
        k = 0
        for w in words:
            while k < len(inside) and w["start"] >= inside[k]:
                if groups[-1][1]:
                    groups.append((float(w["start"]), []))
                k += 1
            groups[-1][1].append(w["word"])
        out += [(start, " ".join(g)) for start, g in groups if g]
    return out


def transcript_text(segments: list[dict[str, Any]], markers: list[TimedItem], notes: list[TimedItem]) -> str:
    """The plain-text transcript: one ``[hh:mm:ss] text`` line per segment; markers and notes on lines of
    their own at their times (a segment they fall inside is split there, at a word boundary)."""
    timed = [*markers, *notes]
    events: list[tuple[float, int, str]] = [
        (start, 1, text) for start, text in _pieces(segments, [i.position or 0.0 for i in timed])
    ]
    for m in markers:
        events.append((m.position or 0.0, 0, _event_line(m, humanise(m.kind))))
    for n in notes:
        events.append((n.position or 0.0, 0, _event_line(n, humanise(n.kind or "note"))))
    events.sort(key=lambda e: (e[0], e[1]))
    return "".join(f"[{hhmmss(t)}] {text}\n" for t, _, text in events)


def _vtt_time(seconds: float) -> str:
    ms = int(round(max(0.0, seconds) * 1000))
    return f"{ms // 3600000:02d}:{ms % 3600000 // 60000:02d}:{ms % 60000 // 1000:02d}.{ms % 1000:03d}"


def _vtt_escape(text: str) -> str:
    return " ".join(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").split())


def transcript_vtt(
    segments: list[dict[str, Any]], markers: list[TimedItem], notes: list[TimedItem], model: ModelInfo
) -> str:
    cues: list[tuple[float, float, str]] = [(s["start"], s["end"], _vtt_escape(s["text"])) for s in segments]
    for item in [*markers, *notes]:
        at = item.position or 0.0
        label = humanise(item.kind or "note")
        cues.append((at, at + 1.0, _vtt_escape(f"[{label}: {item.text}]" if item.text else f"[{label}]")))
    cues.sort(key=lambda c: c[0])
    out = ["WEBVTT", "", f"NOTE draft transcript, model {_vtt_escape(model.name)} sha256 {model.sha256}", ""]
    for i, (start, end, text) in enumerate(cues, 1):
        out += [str(i), f"{_vtt_time(start)} --> {_vtt_time(max(end, start + 0.001))}", text or "...", ""]
    return "\n".join(out)


def _timed_json(items: list[TimedItem]) -> list[dict[str, Any]]:
    return [{"kind": i.kind, "text": i.text, "position": i.position, "speaker": i.speaker} for i in items]


def transcribe_take(
    folder: AnalysisFolder,
    take: Take,
    recogniser: Recogniser,
    state: TaskState,
    progress: Callable[[float], None],
    language: str | None = None,
) -> str:
    """Transcribe one take and write its three files; return the .txt path under the analysis folder."""
    root = folder.root
    audio = root / take.audio_rel
    started = time.monotonic()
    try:
        segs, duration = recogniser.segments(audio, language)
        segments: list[dict[str, Any]] = []
        for seg in segs:  # lazy: the model decodes as this loop asks
            if state.cancel_requested():
                raise Cancelled(
                    "transcription cancelled; takes already done are kept, run it again to continue"
                )
            segments.append(seg)
            progress(seg["end"] / duration if duration else 1.0)
    except FieldworkError:
        raise
    except (RuntimeError, ValueError, OSError) as exc:  # the decoder's own: a damaged file, named; the run
        # goes on with the others
        raise InvalidInput(
            f"{take.audio_rel}: could not be transcribed: the audio file is damaged or is not audio ({exc}); "
            "unpack it again from the study store"
        ) from None
    except Exception as exc:  # noqa: BLE001 - never a traceback: said, to be reported
        raise InvalidInput(
            f"{take.audio_rel}: could not be transcribed: an unexpected error ({type(exc).__name__}: {exc})"
        ) from None
    markers, notes = folder.session_of(take).timed_for(take)
    base = root / take.transcript_base
    doc = {
        "format": TRANSCRIPT_FORMAT,
        "version": 1,
        "draft": True,
        "take": {
            "session": take.session_id,
            "recording_id": take.recording_id,
            "take_no": take.take_no,
            "audio": take.audio_rel,
            "audio_sha256": take.audio_sha256,
            "duration": round(duration, 2),
            "participants": take.participant_ids,
        },
        "model": {
            **recogniser.info.to_json(),
            "engine": recogniser.engine,
            "compute_type": recogniser.compute_type,
        },
        "language": language,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(time.monotonic() - started, 2),
        "segments": segments,
        "markers": _timed_json(markers),
        "notes": _timed_json(notes),
    }
    keep_edited(base)
    _atomic_text(base.with_suffix(".txt"), transcript_text(segments, markers, notes))
    _atomic_text(base.with_suffix(".vtt"), transcript_vtt(segments, markers, notes, recogniser.info))
    _atomic_text(base.with_suffix(".json"), json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    return f"{take.transcript_base}.txt"


def keep_edited(base: Path) -> Path | None:
    """A transcript corrected by hand is never overwritten: when the ``.txt`` is newer than its ``.json``
    (or has none), it is kept as ``<take>.edited-<UTC time>.txt`` before a new draft is written."""
    txt, js = base.with_suffix(".txt"), base.with_suffix(".json")
    if not txt.is_file() or (js.is_file() and js.stat().st_mtime_ns >= txt.stat().st_mtime_ns):
        return None
    kept = base.with_name(f"{base.name}.edited-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}.txt")
    os.replace(txt, kept)
    logger.info("a transcript corrected by hand was kept beside the new draft")
    return kept


@dataclass(frozen=True)
class TakeProgress:
    """How far a run has got, as facts each face words: take ``index`` of ``count`` (its label), ``percent``
    of that take done."""

    index: int
    count: int
    label: str
    percent: int

    def __str__(self) -> str:  # the core's own statement (the task state's message, the log)
        return f"take {self.index} of {self.count} ({self.label}): {self.percent}%"


def transcribe_folder(
    root: Path,
    model_dir: Path,
    state: TaskState | None = None,
    threads: int | None = None,
    language: str | None = None,
    on_take: Callable[[TakeProgress], None] | None = None,
) -> TranscribeReport:
    """Transcribe every interview take of the analysis folder that has no transcript yet.

    Takes a participant declined transcription or archiving for are skipped and listed; a take that
    fails is listed and the others go on; cancelling (``state``) stops between segments and keeps
    every take already written.  ``on_take`` hears each step as facts (after ``state`` has its progress).
    """
    state = state or NullState()
    started = time.monotonic()
    folder = open_analysis_folder(root)
    check_model_folder(model_dir)
    report = TranscribeReport()
    todo: list[Take] = []
    for take in folder.takes:
        warning = consent_warning(folder, take)
        if warning is not None:
            report.warnings.append({"take": take.audio_rel, "warning": warning})
        reason = skip_reason(folder, take)
        if reason is not None:
            report.skipped.append({"take": take.audio_rel, "reason": reason})
        elif is_done(folder.root, take):
            report.already.append(take.audio_rel)
        else:
            todo.append(take)
    if not todo:
        report.seconds = time.monotonic() - started
        return report
    if threads is not None and threads < 1:
        raise InvalidInput("at least 1 thread", code=ErrorCode.BAD_THREADS)
    recogniser = Recogniser(model_dir, threads)
    supported = list(getattr(recogniser.model, "supported_languages", []) or [])
    if language is not None and supported and language not in supported:
        raise InvalidInput(
            f"this model knows {', '.join(supported)}, not {language}",
            code=ErrorCode.UNKNOWN_LANGUAGE,
            params={"language": language, "known": ", ".join(supported)},
        )
    report.model = recogniser.info.to_json()
    lengths: dict[str, float] = {}
    for t in todo:  # the audio's own length (the session file's figure is only what the laptop said)
        try:
            info = soundfile.info(str(folder.root / t.audio_rel))
            lengths[t.audio_rel] = max(0.001, info.frames / info.samplerate)
        except (RuntimeError, OSError, ZeroDivisionError):
            lengths[t.audio_rel] = max(0.001, t.duration)  # unreadable: reported when it is transcribed
    total_ms = max(1, int(sum(lengths.values()) * 1000))
    done_ms = 0
    for i, take in enumerate(todo, 1):
        if state.cancel_requested():
            raise Cancelled("transcription cancelled; takes already done are kept, run it again to continue")
        span = int(lengths[take.audio_rel] * 1000)
        base_ms = done_ms

        def progress(
            fraction: float, i: int = i, take: Take = take, base_ms: int = base_ms, span: int = span
        ) -> None:
            fraction = min(1.0, max(0.0, fraction))
            step = TakeProgress(i, len(todo), take.label, int(fraction * 100))
            state.set_progress(base_ms + int(span * fraction), total_ms, str(step))
            if on_take is not None:
                on_take(step)

        progress(0.0)
        try:
            report.done.append(transcribe_take(folder, take, recogniser, state, progress, language))
        except Cancelled:
            raise
        except FieldworkError as exc:
            report.failed.append({"take": take.audio_rel, "error": exc.message})
            logger.warning("a take could not be transcribed")
        done_ms += span
        report.audio_seconds += lengths[take.audio_rel]
        progress(1.0)
    report.seconds = time.monotonic() - started
    logger.info("transcribed %d take(s), %.0f s of audio", len(report.done), report.audio_seconds)
    return report
