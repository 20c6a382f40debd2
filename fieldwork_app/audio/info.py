"""Reading a take's summary, finding interrupted takes and sealing them after a crash.

Why recovery is separate from the recorder: after ``kill -9`` or a power cut nothing of the recorder
is left; the next start of the app calls :func:`find_interrupted` on the audio directory (no key
needed: the plaintext trailer says whether a file was sealed) and :func:`recover` on each, which
cuts off a torn last record and appends a final record marked ``recovered``.  A damaged record that
is *not* the last one is never cut away: recovery refuses and changes nothing.

API::

    read_info(path: Path, key: bytes) -> TakeInfo
    find_interrupted(directory: Path) -> list[Path]
    recover(path: Path, key: bytes) -> RecoveryReport
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from fieldwork_app.audio.container import (
    FILE_MAGIC,
    TRAILER,
    TRAILER_MAGIC,
    Record,
    RecordType,
    damaged,
    derive_key,
    final_payload,
    is_live,
    is_sealed,
    iter_records,
    parse_final,
    read_header,
    seal_record,
)
from fieldwork_app.errors import ErrorKind, FieldworkError, NotFound

logger = logging.getLogger(__name__)

TAKE_SUFFIX = ".fwa"


@dataclass(frozen=True)
class Pause:
    """One pause: wall-clock times (UTC ISO) and the audio position (seconds) where it happened."""

    paused_at: str
    resumed_at: str | None
    position_seconds: float


@dataclass(frozen=True)
class TakeInfo:
    path: Path
    recording_id: str
    kind: str
    samplerate: int
    channels: int
    frames: int
    records: int
    created: str
    sealed: bool
    interrupted: bool
    recovered: bool
    reason: str | None
    pauses: list[Pause] = field(default_factory=list)

    @property
    def duration_seconds(self) -> float:
        return self.frames / self.samplerate if self.samplerate else 0.0


@dataclass(frozen=True)
class RecoveryReport:
    path: Path
    duration_seconds: float
    records: int
    dropped_bytes: int
    already_sealed: bool = False


def pauses_from(records: list[Record], samplerate: int) -> list[Pause]:
    out: list[Pause] = []
    pending: tuple[str, float] | None = None
    for rec in records:
        if rec.type not in (RecordType.PAUSE, RecordType.RESUME):
            continue
        body = json.loads(rec.payload)
        wall = str(body.get("wall", ""))
        pos = int(body.get("position_frames", 0)) / samplerate
        if rec.type is RecordType.PAUSE:
            if pending is not None:
                out.append(Pause(pending[0], None, pending[1]))
            pending = (wall, pos)
        elif pending is not None:
            out.append(Pause(pending[0], wall, pending[1]))
            pending = None
    if pending is not None:
        out.append(Pause(pending[0], None, pending[1]))
    return out


def read_info(path: Path, key: bytes) -> TakeInfo:
    """Verify the whole take and summarise it.  An interrupted take is reported, not an error."""
    path = Path(path)
    if not path.is_file():
        raise NotFound(f"{path.name}: no such recording")
    header = read_header(path)
    marks: list[Record] = []
    frames = 0
    count = 0
    final: dict[str, object] | None = None
    for rec in iter_records(path, key, allow_torn_tail=True):
        count += 1
        if rec.type is RecordType.AUDIO:
            frames += rec.frames
        elif rec.type in (RecordType.PAUSE, RecordType.RESUME):
            marks.append(rec)
        elif rec.type is RecordType.FINAL:
            final = parse_final(path, rec)
    sealed = final is not None
    return TakeInfo(
        path=path,
        recording_id=header.recording_id,
        kind=header.kind,
        samplerate=header.samplerate,
        channels=header.channels,
        frames=frames,
        records=count,
        created=header.created,
        sealed=sealed,
        interrupted=not sealed,
        recovered=bool(final.get("recovered")) if final else False,
        reason=str(final.get("reason")) if final else None,
        pauses=pauses_from(marks, header.samplerate),
    )


def find_interrupted(directory: Path) -> list[Path]:
    """Take files in ``directory`` (recursively) that were never sealed; cheap, needs no key."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    found: list[Path] = []
    for p in sorted(directory.rglob(f"*{TAKE_SUFFIX}")):
        if not p.is_file():
            continue
        try:
            with open(p, "rb") as f:
                if f.read(len(FILE_MAGIC)) != FILE_MAGIC:
                    continue
        except OSError:
            continue
        if not is_sealed(p) and not is_live(p):
            found.append(p)
    return found


def recover(path: Path, key: bytes) -> RecoveryReport:
    """Seal an interrupted take: drop a torn tail record, append a final record marked recovered."""
    path = Path(path)
    if not path.is_file():
        raise NotFound(f"{path.name}: no such recording")
    if is_live(path):
        raise FieldworkError(
            f"{path.name} is still being recorded, so it is not interrupted", kind=ErrorKind.RECORDING_BUSY
        )
    header = read_header(path)
    aead = derive_key(key, header)
    records: list[Record] = []
    frames = audio = pauses = 0
    last_end = len(header.raw)
    for rec in iter_records(path, key, allow_torn_tail=True):
        if rec.type is RecordType.FINAL:
            return RecoveryReport(path, frames / header.samplerate, rec.index + 1, 0, already_sealed=True)
        records.append(rec)
        last_end = rec.end
        if rec.type is RecordType.AUDIO:
            frames += rec.frames
            audio += 1
        elif rec.type is RecordType.PAUSE:
            pauses += 1
    size = path.stat().st_size
    dropped = size - last_end
    index = len(records)
    payload = final_payload(index + 1, frames, audio, pauses, "recovered", True)
    sealed = seal_record(aead, header, RecordType.FINAL, index, frames, 0, payload)
    try:
        with open(path, "r+b", buffering=0) as f:
            f.truncate(last_end)
            f.seek(last_end)
            f.write(sealed + TRAILER.pack(TRAILER_MAGIC, last_end))
            os.fsync(f.fileno())
    except OSError as exc:
        raise FieldworkError(
            f"{path.name}: could not seal the recovered take ({exc.strerror})", kind=ErrorKind.DISK_FULL
        ) from exc
    logger.info("recovered take %s: %d records, %d torn bytes dropped", path.name, index, dropped)
    if dropped < 0:  # pragma: no cover - defensive
        raise damaged(path, "recovery found the file shorter than its records")
    return RecoveryReport(path, frames / header.samplerate, index, dropped)
