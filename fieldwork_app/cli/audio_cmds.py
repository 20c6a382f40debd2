"""Recording commands: record, mic-check, recording list/export, recover."""

from __future__ import annotations

import argparse
import signal
import threading
import time
from pathlib import Path
from typing import Any

from fieldwork_app.audio import RecorderEvent, list_input_devices
from fieldwork_app.cli import clear_file, credentials
from fieldwork_app.cli.base import CliContext, command
from fieldwork_app.errors import InvalidInput
from fieldwork_app.services import recording as recording_svc
from fieldwork_app.services.recording import RecorderEventKind as Event


def register(sub: Any) -> None:
    p = sub.add_parser(
        "record", help="record an interview take, or with --consent a verbal-consent recording (Ctrl-C stops cleanly)"
    )
    p.add_argument("--session", required=True)
    p.add_argument(
        "--consent",
        action="store_true",
        help="record one participant's verbal consent (kept apart from the interview audio); "
        "then 'fieldwork consent record --mode verbal --recording ID'",
    )
    p.add_argument("--participant", help="whose consent is recorded (with --consent)")
    p.add_argument("--seconds", type=float, required=True, help="stop after this many seconds")
    p.add_argument("--device", help="input device name (part of it) or index; default: the system default")
    command(p, cmd_record)
    p = sub.add_parser(
        "mic-check", help="record a few seconds into memory, show the level, play back, discard"
    )
    p.add_argument("--seconds", type=float, default=3.0)
    p.add_argument("--device")
    p.add_argument("--session", help="note the result on this session's kit check")
    p.add_argument("--no-playback", action="store_true")
    command(p, cmd_mic_check)
    p = sub.add_parser("devices", help="list input devices")
    command(p, cmd_devices)
    rec = sub.add_parser("recording", help="recorded takes").add_subparsers(dest="rec_cmd", required=True)
    p = rec.add_parser("list", help="takes of a session")
    p.add_argument("--session", required=True)
    p.add_argument("--json", action="store_true")
    command(p, cmd_recording_list)
    p = rec.add_parser("export", help="export a take or the whole session to FLAC or WAV (decrypted)")
    p.add_argument("--session", required=True)
    p.add_argument("--take", type=int)
    p.add_argument("--kind", choices=["interview", "consent"], default="interview")
    p.add_argument("--out", type=Path, required=True, help="FILE.flac or FILE.wav (a new file, mode 0600)")
    p.add_argument(
        "--encrypt-to-passphrase",
        action="store_true",
        help="write FILE.flac.age instead, age-encrypted to a passphrase you type (open with: age -d)",
    )
    command(p, cmd_recording_export)
    command(sub.add_parser("recover", help="find, seal and report interrupted recordings"), cmd_recover)


def cmd_record(args: argparse.Namespace, ctx: CliContext) -> int:
    if not 0 < args.seconds <= 6 * 3600:
        raise InvalidInput("--seconds must be between 0 and 21600")
    if args.consent and not args.participant:
        raise InvalidInput("--consent records one participant's consent: say whose with --participant ID")
    if args.participant and not args.consent:
        raise InvalidInput("--participant goes with --consent (an interview take records the whole session)")
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
        )
        device = take.recorder.device.name if take.recorder.device else "the default input"
        what = f"{args.participant}'s consent" if args.consent else args.session
        ctx.say(f"Recording {what} take {take.take_no} on {device} (Ctrl-C to stop)")
        deadline = time.monotonic() + args.seconds
        while not stop.is_set() and time.monotonic() < deadline:
            stop.wait(0.1)
        summary = take.finish(ws)
    except Exception as exc:
        credentials.log_unexpected(args, exc)
        raise
    finally:
        signal.signal(signal.SIGINT, previous)
        ws.close()
    for ev in events:
        if ev.kind is Event.LOW_DISK:
            ctx.warn(f"warning: {ev.message}")
    ctx.say(
        f"Saved take {take.take_no} ({take.recording_id}): {summary.duration_seconds:.1f} s, "
        f"{summary.overflows} overflow(s)"
    )
    if args.consent:
        ctx.say(
            f"Next: fieldwork consent record --session {args.session} --participant {args.participant} "
            f"--mode verbal --recording {take.recording_id} --answers FILE"
        )
    if summary.error is not None:
        ctx.warn(f"fieldwork: the take ended early: {summary.error.message} (everything up to then is kept)")
        return 1
    return 0


def cmd_mic_check(args: argparse.Namespace, ctx: CliContext) -> int:
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
        "silent: check the microphone"
        if result.silent
        else ("too loud (clipping)" if result.clipped else "ok")
    )
    ctx.say(f"{result.device}: level {result.rms_dbfs:.0f} dBFS, peak {result.peak_dbfs:.0f} dBFS: {verdict}")
    ctx.say("The check was recorded into memory only and has been discarded.")
    return 0 if not result.silent else 1


def cmd_devices(args: argparse.Namespace, ctx: CliContext) -> int:
    devices = list_input_devices()
    if not devices:
        ctx.say("no input devices")
        return 1
    for d in devices:
        ctx.say(f"{d.index}\t{d.name}{'  (default)' if getattr(d, 'is_default', False) else ''}")
    return 0


def cmd_recording_list(args: argparse.Namespace, ctx: CliContext) -> int:
    with credentials.workspace_for(args) as ws:
        rows = recording_svc.list_recordings(ws, args.session)
    if args.json:
        ctx.emit_json(rows)
        return 0
    for r in rows:
        dur = f"{r['duration']:.1f} s" if r["duration"] is not None else "?"
        purged = "  (purged from this laptop)" if r["purged_at"] else ""
        ctx.say(f"{r['kind']:<10} take {r['take_no']:<3} {r['id']}  {dur:<10} {r['status']}{purged}")
    return 0


def cmd_recording_export(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.out.suffix.lower() not in (".flac", ".wav"):
        raise InvalidInput(f"{args.out}: the output must end in .flac or .wav")
    clear_file.refuse_existing(args.out, args.encrypt_to_passphrase)
    passphrase = clear_file.export_passphrase() if args.encrypt_to_passphrase else None
    with credentials.workspace_for(args) as ws:
        info = recording_svc.export(ws, args.session, args.out, args.take, args.kind, passphrase=passphrase)
    how = "encrypted to your passphrase" if passphrase else "decrypted, mode 0600: keep it safe"
    ctx.say(f"Exported {info.takes} take(s), {info.duration_seconds:.1f} s, to {info.path} ({how})")
    return 0


def cmd_recover(args: argparse.Namespace, ctx: CliContext) -> int:
    with credentials.workspace_for(args) as ws:
        found = recording_svc.recover_all(ws)
    if not found:
        ctx.say("No interrupted recordings.")
    for r in found:
        if r.problem:
            ctx.warn(f"fieldwork: {r.session_id} {r.recording_id} could not be recovered: {r.problem}")
        else:
            ctx.say(f"Recovered {r.session_id} {r.recording_id}: {r.duration_seconds:.1f} s")
    return 1 if any(r.problem for r in found) else 0
