"""Recording takes of a session: the consent rule, database rows, markers, export and recovery.

The audio itself is :mod:`fieldwork_app.audio` (callback -> ring -> writer thread -> encrypted records).
This module adds what the study requires around it:

* an interview take refuses to start unless every participant affirmed the recording statement of their
  consent; the verbal-consent recording is a separate kind (``consent``), kept apart from interview audio;
* each take has a row in ``recordings`` and its own key (HKDF of the vault's data key and the take id);
* crash recovery finds interrupted takes (no final record), seals them and reports what was recovered,
  including a take whose row never got written.

Threading: call these functions from the thread that owns the workspace.  A :class:`ActiveTake`'s
recorder runs its own threads and never touches the database; its events are handed to ``on_event``
from the writer thread, and the caller brings them back to the database thread (the CLI polls, the GUI
queues a signal).
"""

from __future__ import annotations

import dataclasses
import logging
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fieldwork_app import audio
from fieldwork_app.audio import Recorder, RecorderEvent, RecorderState, TakeSummary
from fieldwork_app.audio import (
    RecorderEventKind as RecorderEventKind,  # what a take's events are, for the faces
)
from fieldwork_app.domain.records import RecordingKind, SessionStatus, TakeStatus
from fieldwork_app.errors import ConsentError, ErrorCode, ErrorKind, FieldworkError, InvalidInput, NotFound
from fieldwork_app.fsutil import private_dir
from fieldwork_app.services import clearfiles
from fieldwork_app.services import consent as consent_svc
from fieldwork_app.services import participants as participants_svc
from fieldwork_app.services import sessions as sessions_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.vault import now_iso

logger = logging.getLogger(__name__)

KINDS = tuple(RecordingKind)
MARKER_KINDS = ("marker", "important", "follow_up", "quote", "sensitive", "distress", "break", "section")


def _take_dir(ws: Workspace, session_id: str) -> Path:
    return private_dir(ws.data_dir.audio / session_id)  # 0700, whatever the process umask


def take_path(ws: Workspace, session_id: str, recording_id: str) -> Path:
    return ws.data_dir.audio / session_id / f"{recording_id}{audio.TAKE_SUFFIX}"


_ROW_COLUMNS = frozenset(
    {"id", "session_id", "kind", "take_no", "participant_id", "file", "device", "samplerate", "channels",
     "status", "started_at", "ended_at", "duration", "error"}
)  # fmt: skip


def _insert_row(db: Any, **row: Any) -> None:
    """Insert a take's row (at its start, at its end when the start could not, or on recovery)."""
    unknown = set(row) - _ROW_COLUMNS
    assert not unknown, unknown  # column names come from this module only, never from input
    db.execute(
        f"INSERT INTO recordings ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",  # noqa: S608
        tuple(row.values()),
    )


def _ended(summary: TakeSummary) -> str:
    """The take's end as the database keeps times: the moment Stop was pressed (or the take ended by
    itself), not when the device got round to closing."""
    if not summary.ended_at:
        return now_iso()
    return datetime.fromisoformat(summary.ended_at).astimezone(UTC).isoformat(timespec="seconds")


@dataclass
class ActiveTake:
    """A take in progress.  ``finish`` (or ``stop``) writes its row; both are idempotent."""

    recorder: Recorder
    recording_id: str
    session_id: str
    kind: RecordingKind
    take_no: int
    participant_id: str | None = None
    summary: TakeSummary | None = None
    started_at: str = ""

    @property
    def position(self) -> float:
        return self.recorder.position_seconds

    @property
    def state(self) -> RecorderState:
        return self.recorder.state

    def mark(self, what: str) -> None:
        """Stop or Pause (``what``) takes effect now, before :meth:`stop` or :meth:`pause` runs (any thread,
        no database): see :meth:`Recorder.mark`."""
        self.recorder.mark(what)

    def pause(self, ws: Workspace) -> None:
        self.recorder.pause()
        ws.vault.audit(
            "recording.pause",
            "recording",
            self.recording_id,
            session_id=self.session_id,
            detail={"position": round(self.position, 2)},
        )

    def resume(self, ws: Workspace) -> None:
        self.recorder.resume()
        ws.vault.audit(
            "recording.resume",
            "recording",
            self.recording_id,
            session_id=self.session_id,
            detail={"position": round(self.position, 2)},
        )

    def audit_control(self, ws: Workspace, action: str, position: float, at: str) -> None:
        """Record a pause or resume made on the lock screen (written once the vault is open again)."""
        if action not in ("pause", "resume"):
            raise InvalidInput(f"unknown recording control '{action}'")
        ws.vault.audit(
            f"recording.{action}",
            "recording",
            self.recording_id,
            session_id=self.session_id,
            detail={"position": position, "at": at, "while_locked": True},
        )

    def stop(self, ws: Workspace) -> TakeSummary:
        return self.finish(ws)

    def finish(self, ws: Workspace) -> TakeSummary:
        if self.summary is not None:
            return self.summary
        summary = self.recorder.stop()
        self.summary = summary
        status = TakeStatus.SEALED if summary.sealed else TakeStatus.INTERRUPTED
        error = summary.error.kind.value if summary.error is not None else None
        with ws.vault.transaction() as db:
            updated = db.execute(
                "UPDATE recordings SET status = ?, ended_at = ?, duration = ?, samplerate = ?, channels = ?,"
                " device = ?, error = ? WHERE id = ?",
                (
                    status,
                    _ended(summary),
                    summary.duration_seconds,
                    summary.samplerate,
                    summary.channels,
                    summary.device,
                    error,
                    self.recording_id,
                ),
            ).rowcount
            if not updated:  # the row could not be written at the start: write it now, or the take is lost
                _insert_row(
                    db,
                    id=self.recording_id,
                    session_id=self.session_id,
                    kind=self.kind,
                    take_no=self.take_no,
                    participant_id=self.participant_id,
                    file=summary.path.name,
                    device=summary.device,
                    samplerate=summary.samplerate,
                    channels=summary.channels,
                    status=status,
                    started_at=self.started_at or now_iso(),
                    ended_at=_ended(summary),
                    duration=summary.duration_seconds,
                    error=error,
                )
            ws.vault.audit(
                "recording.stop",
                "recording",
                self.recording_id,
                session_id=self.session_id,
                detail={
                    "duration": round(summary.duration_seconds, 2),
                    "overflows": summary.overflows,
                    "dropped_blocks": summary.dropped_blocks,
                    "error": error,
                    "kind": self.kind,
                },
            )
        return summary


def start_take(
    ws: Workspace,
    session_id: str,
    *,
    kind: str = "interview",
    participant_id: str | None = None,
    device: str | int | None = None,
    planned_seconds: float | None = None,
    on_event: Callable[[RecorderEvent], None] | None = None,
    min_free_bytes: int | None = None,
    stop_at_seconds: float | None = None,
) -> ActiveTake:
    """Start a new take.  Interview takes need every participant's recording consent first; a consent
    recording, a form that may be taken aloud.  ``stop_at_seconds``: the take keeps that much audio (to
    within one block) and then stops taking any."""
    if kind not in KINDS:
        raise InvalidInput(f"unknown recording kind '{kind}'")
    kind = RecordingKind(kind)
    session = sessions_svc.get(ws, session_id)
    if session.status is SessionStatus.COMPLETED:
        raise FieldworkError(
            f"session {session_id} is closed; it cannot be recorded again", kind=ErrorKind.NOT_READY
        )
    if kind == "interview":
        permission = consent_svc.can_record(ws, session_id)
        if not permission.allowed:
            raise ConsentError(
                "recording refused: " + "; ".join(permission.reasons), kind=ErrorKind.CONSENT_MISSING
            )
    else:
        if participant_id is None or participant_id not in session.participant_ids:
            raise InvalidInput("a consent recording is for one participant of the session")
        participants_svc.require_eligible(
            participants_svc.get(ws, participant_id), "consent recording can be made"
        )
        form = consent_svc.form_for(ws, session_id, participant_id)
        if "verbal" not in {str(m) for m in form.modes}:  # nothing to record: the form is not taken aloud
            raise ConsentError(
                f'no consent recording: the consent form "{form.title}", version {form.version}, does not allow '
                f"verbal consent (allowed: {', '.join(sorted(str(m) for m in form.modes))})",
                kind=ErrorKind.CONSENT_REFUSED,
            )
    row = ws.db.execute(
        "SELECT COUNT(*) FROM recordings WHERE session_id = ? AND kind = ?", (session_id, kind)
    ).fetchone()
    take_no = int(row[0]) + 1
    recording_id = "R-" + uuid.uuid4().hex[:16]
    path = _take_dir(ws, session_id) / f"{recording_id}{audio.TAKE_SUFFIX}"
    extra: dict[str, Any] = {}
    if min_free_bytes is not None:
        extra["min_free_bytes"] = min_free_bytes
    if stop_at_seconds is not None:
        extra["stop_at_seconds"] = stop_at_seconds
    recorder = Recorder(
        path,
        ws.vault.recording_key(recording_id),
        recording_id=recording_id,
        kind=kind,
        device=device,
        planned_seconds=planned_seconds,
        on_event=on_event,
        **extra,
    )
    recorder.start()  # raises a typed error and creates nothing when the device or the disk says no
    started_at = now_iso()
    try:
        with ws.vault.transaction() as db:
            _insert_row(
                db,
                id=recording_id,
                session_id=session_id,
                kind=kind,
                take_no=take_no,
                participant_id=participant_id,
                file=path.name,
                device=recorder.device.name if recorder.device else None,
                samplerate=recorder.samplerate,
                channels=recorder.channels,
                status=TakeStatus.RECORDING,
                started_at=started_at,
            )
            ws.vault.audit(
                "recording.start",
                "recording",
                recording_id,
                session_id=session_id,
                detail={"kind": kind, "take": take_no},
            )
        if kind == "interview" and session.status is not SessionStatus.IN_PROGRESS:
            sessions_svc.set_status(ws, session_id, SessionStatus.IN_PROGRESS)
    except Exception:
        # The audio is what matters: keep recording even if bookkeeping failed; recovery adds the row later.
        logger.exception("could not record the take's row; the take goes on and recovery will list it")
    return ActiveTake(
        recorder, recording_id, session_id, kind, take_no, participant_id, started_at=started_at
    )


@dataclass(frozen=True)
class Take:
    """A take's row in ``recordings``; built here only (:func:`takes`, :func:`take`)."""

    id: str
    session_id: str
    kind: RecordingKind
    take_no: int
    participant_id: str | None
    file: str
    device: str | None
    samplerate: int | None
    channels: int | None
    status: TakeStatus
    started_at: str
    ended_at: str | None
    duration: float | None
    error: str | None
    purged_at: str | None

    @property
    def sendable(self) -> bool:
        """Whole, still on this laptop: it goes in the session's bundle."""
        return self.purged_at is None and self.status.complete

    def row(self) -> dict[str, Any]:
        """The row as plain values (for JSON output)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


def _take(r: Any) -> Take:
    return Take(
        id=str(r["id"]),
        session_id=str(r["session_id"]),
        kind=RecordingKind(r["kind"]),
        take_no=int(r["take_no"]),
        participant_id=r["participant_id"],
        file=str(r["file"] or ""),
        device=r["device"],
        samplerate=r["samplerate"],
        channels=r["channels"],
        status=TakeStatus(r["status"]),
        started_at=str(r["started_at"] or ""),
        ended_at=r["ended_at"],
        duration=None if r["duration"] is None else float(r["duration"]),
        error=r["error"],
        purged_at=r["purged_at"],
    )


def takes(ws: Workspace, session_id: str, kind: str | None = None) -> list[Take]:
    """A session's takes (of ``kind``, or all), by kind and number."""
    sessions_svc.get(ws, session_id)
    if kind:
        rows = ws.db.execute(
            "SELECT * FROM recordings WHERE session_id = ? AND kind = ? ORDER BY kind, take_no",
            (session_id, kind),
        )
    else:
        rows = ws.db.execute(
            "SELECT * FROM recordings WHERE session_id = ? ORDER BY kind, take_no", (session_id,)
        )
    return [_take(r) for r in rows.fetchall()]


def take(ws: Workspace, recording_id: str) -> Take:
    r = ws.db.execute("SELECT * FROM recordings WHERE id = ?", (recording_id,)).fetchone()
    if r is None:
        raise NotFound(f"no recording '{recording_id}'")
    return _take(r)


def list_recordings(ws: Workspace, session_id: str, kind: str | None = None) -> list[dict[str, Any]]:
    """:func:`takes` as plain rows."""
    return [t.row() for t in takes(ws, session_id, kind)]


def get_recording(ws: Workspace, recording_id: str) -> dict[str, Any]:
    return take(ws, recording_id).row()


def unpurged_takes(ws: Workspace, session_ids: list[str] | None = None) -> list[Take]:
    """Takes still on this laptop (of these sessions, or all), for the outbox and purge."""
    rows = ws.db.execute("SELECT * FROM recordings WHERE purged_at IS NULL ORDER BY session_id, kind, take_no")
    wanted = None if session_ids is None else set(session_ids)
    return [t for t in map(_take, rows.fetchall()) if wanted is None or t.session_id in wanted]


def export(
    ws: Workspace,
    session_id: str,
    out: Path,
    take: int | None = None,
    kind: str = "interview",
    *,
    passphrase: str | None = None,
) -> audio.ExportInfo:
    """Export one take (``take``) or the whole session, takes in order, to a standard FLAC or WAV: a new
    file, mode 0600, never over an existing one; with ``passphrase`` an age file encrypted to it instead
    (``out`` plus ``.age``).  Audited (what, not where)."""
    out = Path(out)
    inner = out.with_suffix("") if out.suffix.lower() == clearfiles.AGE_SUFFIX else out
    rows = [t for t in takes(ws, session_id, kind) if t.purged_at is None]
    if take is not None:
        rows = [t for t in rows if t.take_no == take]
        if not rows:
            raise NotFound(f"session {session_id} has no {kind} take {take}")
    if not rows:
        raise NotFound(f"session {session_id} has no {kind} recording to export")
    pending = [t.id for t in rows if not t.status.complete]
    if pending:
        raise FieldworkError(
            f"take(s) {', '.join(pending)} were interrupted",
            kind=ErrorKind.RECORDING_DAMAGED,
            code=ErrorCode.TAKES_INTERRUPTED,
            params={"takes": ", ".join(pending)},
        )
    files = [(take_path(ws, session_id, t.id), ws.vault.recording_key(t.id)) for t in rows]
    done: list[audio.ExportInfo] = []
    if passphrase is None:
        done.append(audio.export(files, inner))
    else:
        written = clearfiles.save_encrypted_stream(
            inner, lambda f: done.append(audio.export(files, inner, f)), passphrase
        )
        done[0] = dataclasses.replace(done[0], path=written)
    ws.vault.audit(
        "recording.export",
        "session",
        session_id,
        session_id=session_id,
        detail={
            "takes": [t.take_no for t in rows],
            "kind": kind,
            "format": inner.suffix.lower(),
            "encrypted": passphrase is not None,
        },
    )
    return done[0]


def add_marker(
    ws: Workspace,
    session_id: str,
    kind: str = "marker",
    label: str = "",
    position: float | None = None,
    recording_id: str | None = None,
    speaker: str | None = None,
) -> int:
    if kind not in MARKER_KINDS:
        raise InvalidInput(f"unknown marker kind '{kind}' (one of {', '.join(MARKER_KINDS)})")
    if len(label) > 200:
        raise InvalidInput("a marker label is at most 200 characters")
    sessions_svc.get(ws, session_id)
    with ws.vault.transaction() as db:
        cur = db.execute(
            "INSERT INTO markers (session_id, recording_id, position, kind, label, speaker, created_at, created_by)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (session_id, recording_id, position, kind, label, speaker, now_iso(), ws.user),
        )
        ws.vault.audit(
            "marker.add",
            "session",
            session_id,
            session_id=session_id,
            detail={"kind": kind, "position": position},
        )
    return int(cur.lastrowid)


def markers(ws: Workspace, session_id: str) -> list[dict[str, Any]]:
    rows = ws.db.execute(
        "SELECT * FROM markers WHERE session_id = ? ORDER BY recording_id, position, row_id", (session_id,)
    ).fetchall()
    return [dict(r) for r in rows]


@dataclass(frozen=True)
class Recovered:
    recording_id: str
    session_id: str
    duration_seconds: float
    dropped_bytes: int
    had_row: bool
    problem: str = ""  # why it could not be recovered (the file is left as it is); "" when it was


def recover_all(ws: Workspace) -> list[Recovered]:
    """Seal every interrupted take on this laptop and bring its row up to date."""
    out: list[Recovered] = []
    root = ws.data_dir.audio
    if not root.exists():
        return out
    candidates = set(audio.find_interrupted(root))
    for r in ws.db.execute(
        "SELECT id, session_id FROM recordings WHERE status IN ('recording', 'interrupted')"
    ):
        p = take_path(ws, r["session_id"], r["id"])
        if p.exists():
            candidates.add(p)
    for path in sorted(candidates):
        if audio.is_live(path):
            continue  # a take still being recorded (here or by another process) is not interrupted
        recording_id, session_id = path.stem, path.parent.name
        row = ws.db.execute("SELECT * FROM recordings WHERE id = ?", (recording_id,)).fetchone()
        try:
            report = audio.recover(path, ws.vault.recording_key(recording_id))
            info = audio.read_info(path, ws.vault.recording_key(recording_id))
        except FieldworkError as exc:
            logger.warning("a take could not be recovered: %s", exc.kind.value)
            out.append(Recovered(recording_id, session_id, 0.0, 0, row is not None, problem=exc.message))
            continue
        with ws.vault.transaction() as db:
            if row is None:
                known = db.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone()
                if known is None:
                    continue
                n = (
                    int(
                        db.execute(
                            "SELECT COUNT(*) FROM recordings WHERE session_id = ? AND kind = ?",
                            (session_id, info.kind),
                        ).fetchone()[0]
                    )
                    + 1
                )
                _insert_row(
                    db,
                    id=recording_id,
                    session_id=session_id,
                    kind=info.kind if info.kind in KINDS else "interview",
                    take_no=n,
                    file=path.name,
                    samplerate=info.samplerate,
                    channels=info.channels,
                    status=TakeStatus.RECOVERED,
                    started_at=info.created or now_iso(),
                    ended_at=now_iso(),
                    duration=report.duration_seconds,
                )
            else:
                db.execute(
                    "UPDATE recordings SET status = 'recovered', ended_at = COALESCE(ended_at, ?),"
                    " duration = ? WHERE id = ?",
                    (now_iso(), report.duration_seconds, recording_id),
                )
            ws.vault.audit(
                "recording.recover",
                "recording",
                recording_id,
                session_id=session_id,
                detail={"duration": round(report.duration_seconds, 2), "dropped_bytes": report.dropped_bytes},
            )
        out.append(
            Recovered(
                recording_id, session_id, report.duration_seconds, report.dropped_bytes, row is not None
            )
        )
    return out


def interrupted_count(ws: Workspace) -> int:
    """How many takes wait for recovery (cheap: no decryption)."""
    root = ws.data_dir.audio
    return len(audio.find_interrupted(root)) if root.exists() else 0


def mic_check(
    ws: Workspace,
    session_id: str | None = None,
    *,
    seconds: float = 3.0,
    device: str | int | None = None,
    playback: bool = True,
    on_level: Callable[[audio.Level], None] | None = None,
) -> audio.MicCheckResult:
    """Record a few seconds into memory, report the level, play back, discard; note the result on the session."""
    result = audio.mic_check(seconds=seconds, device=device, playback=playback, on_level=on_level)
    if session_id is not None:
        sessions_svc.record_kit(
            ws,
            session_id,
            mic_ok=not result.silent and not result.clipped,
            mic_device=result.device,
            mic_detail=f"peak {result.peak_dbfs:.0f} dBFS",
            mic_peak_dbfs=round(float(result.peak_dbfs), 1),
            mic_checked_at=now_iso(),
        )
    ws.vault.audit(
        "recording.mic_check",
        "device",
        result.device,
        session_id=session_id,
        detail={"silent": result.silent, "clipped": result.clipped},
    )
    return result


def purge_audio(ws: Workspace, recording_id: str, *, bundle: str, verified_at: str) -> None:
    """Delete a take's encrypted file from this laptop (after a verified receipt); audited with the facts: the
    bundle whose verified receipt holds it (an id: never a store's name, which the researcher typed) and when that
    receipt was verified (entries written before said it in words, as ``reason``)."""
    t = take(ws, recording_id)
    path = take_path(ws, t.session_id, recording_id)
    if path.exists():
        path.unlink()
    with ws.vault.transaction() as db:
        db.execute("UPDATE recordings SET purged_at = ? WHERE id = ?", (now_iso(), recording_id))
        ws.vault.audit(
            "recording.purge",
            "recording",
            recording_id,
            session_id=t.session_id,
            detail={"bundle": bundle, "verified_at": verified_at},
        )


def free_disk_bytes(ws: Workspace) -> int:
    return shutil.disk_usage(ws.data_dir.root).free
