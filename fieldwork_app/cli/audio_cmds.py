"""Recording commands: record, mic-check, recording list/export, recover."""

from __future__ import annotations

import argparse
import signal
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldwork_app import i18n
from fieldwork_app.cli import clear_file, credentials
from fieldwork_app.cli.base import CliContext, command
from fieldwork_app.cli.messages import cli_text
from fieldwork_app.errors import InvalidInput

if TYPE_CHECKING:
    from fieldwork_app.audio import RecorderEvent


def _t(text: str) -> str:
    return i18n.translate("cli", text)


def register(sub: Any) -> None:
    p = sub.add_parser(
        "record",
        help=_t("record an interview take, or with --consent a verbal-consent recording (Ctrl-C stops cleanly)"),
    )
    p.add_argument("--session", required=True)
    p.add_argument(
        "--consent",
        action="store_true",
        help=_t("record one participant's verbal consent (kept apart from the interview audio); "
        "then 'fieldwork consent record --mode verbal --recording ID'"),
    )
    p.add_argument("--participant", help=_t("whose consent is recorded (with --consent)"))
    p.add_argument("--seconds", type=float, required=True, help=_t("stop after this many seconds"))
    p.add_argument("--device", help=_t("input device name (part of it) or index; default: the system default"))
    command(p, cmd_record)
    p = sub.add_parser(
        "mic-check", help=_t("record a few seconds into memory, show the level, play back, discard")
    )
    p.add_argument("--seconds", type=float, default=3.0)
    p.add_argument("--device")
    p.add_argument("--session", help=_t("note the result on this session's kit check"))
    p.add_argument("--no-playback", action="store_true")
    command(p, cmd_mic_check)
    p = sub.add_parser("devices", help=_t("list input devices"))
    command(p, cmd_devices)
    rec = sub.add_parser("recording", help=_t("recorded takes")).add_subparsers(dest="rec_cmd", required=True)
    p = rec.add_parser("list", help=_t("takes of a session"))
    p.add_argument("--session", required=True)
    p.add_argument("--json", action="store_true")
    command(p, cmd_recording_list)
    p = rec.add_parser("export", help=_t("export a take or the whole session to FLAC or WAV (decrypted)"))
    p.add_argument("--session", required=True)
    p.add_argument("--take", type=int)
    p.add_argument("--kind", choices=["interview", "consent"], default="interview")
    p.add_argument("--out", type=Path, required=True, help=_t("FILE.flac or FILE.wav (a new file, mode 0600)"))
    p.add_argument(
        "--encrypt-to-passphrase",
        action="store_true",
        help=_t("write FILE.flac.age instead, age-encrypted to a passphrase you type (open with: age -d)"),
    )
    command(p, cmd_recording_export)
    command(sub.add_parser("recover", help=_t("find, seal and report interrupted recordings")), cmd_recover)


def cmd_record(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import recording as recording_svc
    from fieldwork_app.services.recording import RecorderEventKind as Event

    if not 0 < args.seconds <= 6 * 3600:
        raise InvalidInput(_t("--seconds must be between 0 and 21600"))
    if args.consent and not args.participant:
        raise InvalidInput(_t("--consent records one participant's consent: say whose with --participant ID"))
    if args.participant and not args.consent:
        raise InvalidInput(_t("--participant goes with --consent (an interview take records the whole session)"))
    ws = credentials.open_workspace(args)
    stop = threading.Event()
    events: list[RecorderEvent] = []

    def on_event(ev: RecorderEvent) -> None:  # writer thread: only note it
        events.append(ev)
        if ev.kind in (Event.DISK_FULL, Event.DEVICE_LOST, Event.STREAM_ERROR, Event.STOPPED):
            stop.set()

    previous = signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        take = recording_svc.start_take(
            ws,
            args.session,
            kind="consent" if args.consent else "interview",
            participant_id=args.participant,
            device=args.device,
            planned_seconds=args.seconds,
            on_event=on_event,
            stop_at_seconds=args.seconds,  # the recorder counts the length in frames: --seconds, not more
        )
        device = take.recorder.device.name if take.recorder.device else _t("the default input")
        recording = (
            _t("Recording {participant}'s consent take {take_no} on {device} (Ctrl-C to stop)")
            if args.consent
            else _t("Recording {session} take {take_no} on {device} (Ctrl-C to stop)")
        )
        ctx.say(
            recording.format(participant=args.participant, session=args.session, take_no=take.take_no, device=device)
        )
        # until the recorder has kept --seconds of audio (or a device that stalls: the clock, with slack)
        deadline = time.monotonic() + args.seconds + 30
        while not stop.is_set() and not take.recorder.reached.is_set() and time.monotonic() < deadline:
            stop.wait(0.05)
        summary = take.finish(ws)
    except Exception as exc:
        credentials.log_unexpected(args, exc)
        raise
    finally:
        signal.signal(signal.SIGINT, previous)
        ws.close()
    for ev in events:
        if ev.kind is Event.LOW_DISK:
            ctx.warn(_t("warning: {message}").format(message=ev.message))
    saved = (
        _t("Saved take {take_no} ({recording_id}): {duration_seconds:.1f} s, {overflows} overflow(s)")
        if summary.sealed
        # what was written is kept, whole records only, but the take could not be closed: recovery seals it
        else _t(
            "Kept take {take_no} ({recording_id}) unsealed: {duration_seconds:.1f} s, {overflows} overflow(s); "
            "'fieldwork recover' seals it (run it before the next take)"
        )
    )
    ctx.say(
        saved.format(
            take_no=take.take_no,
            recording_id=take.recording_id,
            duration_seconds=summary.duration_seconds,
            overflows=summary.overflows,
        )
    )
    if args.consent and summary.sealed:
        ctx.say(
            _t(
                "Next: fieldwork consent record --session {session} --participant "
                "{participant} --mode verbal --recording {recording_id} --answers FILE"
            ).format(session=args.session, participant=args.participant, recording_id=take.recording_id)
        )
    if summary.error is not None:
        ctx.warn(_t(
            "fieldwork: the take ended early: {message} (everything up to then is "
            "kept)"
        ).format(message=cli_text(summary.error)))
        return 1
    return 0


def cmd_mic_check(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import recording as recording_svc

    ws = credentials.open_workspace(args) if args.session else None
    try:
        if ws is not None:
            result = recording_svc.mic_check(
                ws, args.session, seconds=args.seconds, device=args.device, playback=not args.no_playback
            )
        else:
            from fieldwork_app.audio import mic_check

            result = mic_check(seconds=args.seconds, device=args.device, playback=not args.no_playback)
    except Exception as exc:
        credentials.log_unexpected(args, exc)
        raise
    finally:
        if ws is not None:
            ws.close()
    verdict = (
        _t("silent: check the microphone")
        if result.silent
        else (_t("too loud (clipping)") if result.clipped else _t("ok"))
    )
    ctx.say(_t(
        "{device}: level {rms_dbfs:.0f} dBFS, peak {peak_dbfs:.0f} dBFS: "
        "{verdict}"
    ).format(device=result.device, rms_dbfs=result.rms_dbfs, peak_dbfs=result.peak_dbfs, verdict=verdict))
    ctx.say(_t("The check was recorded into memory only and has been discarded."))
    return 0 if not result.silent else 1


def cmd_devices(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.audio import list_input_devices

    devices = list_input_devices()
    if not devices:
        ctx.say(_t("no input devices"))
        return 1
    for d in devices:
        ctx.say(f"{d.index}\t{d.name}{'  (default)' if getattr(d, 'is_default', False) else ''}")
    return 0


def cmd_recording_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import recording as recording_svc

    with credentials.workspace_for(args) as ws:
        rows = recording_svc.list_recordings(ws, args.session)
    if args.json:
        ctx.emit_json(rows)
        return 0
    for r in rows:
        dur = f"{r['duration']:.1f} s" if r["duration"] is not None else "?"
        purged = "  " + _t("(purged from this laptop)") if r["purged_at"] else ""
        ctx.say(_t(
            "{kind:<10} take {take_no:<3} {id}  {dur:<10} {status}{purged}"
        ).format(
            kind=r['kind'],
            take_no=r['take_no'],
            id=r['id'],
            dur=dur,
            status=r['status'],
            purged=purged,
        ))
    return 0


def cmd_recording_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import recording as recording_svc

    if args.out.suffix.lower() not in (".flac", ".wav"):
        raise InvalidInput(_t("{out}: the output must end in .flac or .wav").format(out=args.out))
    clear_file.refuse_existing(args.out, args.encrypt_to_passphrase)
    passphrase = clear_file.export_passphrase() if args.encrypt_to_passphrase else None
    with credentials.workspace_for(args) as ws:
        info = recording_svc.export(ws, args.session, args.out, args.take, args.kind, passphrase=passphrase)
    exported = (
        _t("Exported {takes} take(s), {duration_seconds:.1f} s, to {path} (encrypted to your passphrase)")
        if passphrase
        else _t("Exported {takes} take(s), {duration_seconds:.1f} s, to {path} (decrypted, mode 0600: keep it safe)")
    )
    ctx.say(exported.format(takes=info.takes, duration_seconds=info.duration_seconds, path=info.path))
    return 0


def cmd_recover(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import recording as recording_svc

    with credentials.workspace_for(args) as ws:
        found = recording_svc.recover_all(ws)
    if not found:
        ctx.say(_t("No interrupted recordings."))
    for r in found:
        if r.problem:
            ctx.warn(_t(
                "fieldwork: {session_id} {recording_id} could not be recovered: "
                "{problem}"
            ).format(session_id=r.session_id, recording_id=r.recording_id, problem=r.problem))
        else:
            ctx.say(_t(
                "Recovered {session_id} {recording_id}: {duration_seconds:.1f} s"
            ).format(
                session_id=r.session_id,
                recording_id=r.recording_id,
                duration_seconds=r.duration_seconds,
            ))
    return 1 if any(r.problem for r in found) else 0
