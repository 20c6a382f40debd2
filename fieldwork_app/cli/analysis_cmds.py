"""Data-manager commands on an analysis folder: ``analysis transcribe``, ``pseudonymise`` and ``export``.

They run on the data manager's machine, offline, on the folder ``store unpack`` wrote.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any, TextIO

from fieldwork_app.analysis.folder import archive_listing, open_analysis_folder
from fieldwork_app.analysis.pseudonymise import PseudonymiseReport, pseudonymise_folder
from fieldwork_app.analysis.refiqda import export_qdpx
from fieldwork_app.analysis.transcribe import transcribe_folder
from fieldwork_app.cli.base import CliContext, command
from fieldwork_app.services.sync import CancellableState


class _Progress:
    """Progress on stderr, at most one line a second (and at every new take, and at the end); Ctrl-C stops
    the run."""

    def __init__(self, err: TextIO, quiet: bool) -> None:
        self.err, self.quiet, self.last, self.last_take = err, quiet, 0.0, ""

    def __call__(self, done_bytes: int, total_bytes: int, message: str) -> None:
        take = message.split(":", 1)[0]
        now = time.monotonic()
        finished = done_bytes >= total_bytes
        if self.quiet or (now - self.last < 1.0 and take == self.last_take and not finished):
            return
        self.last, self.last_take = now, take
        pct = 100 * done_bytes // max(1, total_bytes)
        self.err.write(f"{pct:3d}% overall; {message}\n")
        self.err.flush()


def register(sub: Any) -> None:
    analysis = sub.add_parser("analysis", help="transcript drafts and REFI-QDA export of an analysis folder")
    asub: Any = analysis.add_subparsers(dest="analysis_cmd", required=True)
    p = asub.add_parser(
        "transcribe", help="transcribe every take that has no transcript yet, offline, with a local model"
    )
    p.add_argument("folder", type=Path, help="the analysis folder (from 'store unpack')")
    p.add_argument(
        "--model", required=True, type=Path, help="folder of a converted Whisper model (CTranslate2)"
    )
    p.add_argument("--threads", type=int, help="CPU threads (default: the cores this process may use)")
    p.add_argument("--language", help="spoken language code, e.g. en (default: detected per take)")
    _identity_options(p, required=False)
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    command(p, _transcribe)

    p = asub.add_parser(
        "pseudonymise", help="flag (or replace) identity names and places in transcript drafts"
    )
    p.add_argument("folder", type=Path, help="the analysis folder")
    _identity_options(p, required=True)
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    command(p, _pseudonymise)

    p = asub.add_parser(
        "export", help="write a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder"
    )
    p.add_argument("folder", type=Path, help="the analysis folder")
    p.add_argument("--out", required=True, type=Path, help="the .qdpx file to write")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    command(p, _export)

    p = asub.add_parser(
        "archive", help="list what may go into an archive deposit (archiving affirmed, not withdrawn)"
    )
    p.add_argument("folder", type=Path, help="the analysis folder")
    p.add_argument("--json", action="store_true", help="print the list as JSON")
    command(p, _archive)


def _identity_options(p: argparse.ArgumentParser, required: bool) -> None:
    p.add_argument(
        "--identity",
        type=Path,
        required=required,
        help="folder the identity store was unpacked into (never inside the analysis folder)",
    )
    p.add_argument(
        "--replace",
        action="store_true",
        help="replace what is found: names by the participant's study id, places by [place]",
    )
    p.add_argument("--tag", help="replace names by [TAG] instead of the study id")
    p.add_argument(
        "--report",
        type=Path,
        help="where to write what was found (default: pseudonymisation-report.json in --identity)",
    )


def _pseudo(args: argparse.Namespace) -> PseudonymiseReport:
    report_path = args.report or (args.identity / "pseudonymisation-report.json")
    return pseudonymise_folder(args.folder, args.identity, report_path, replace=args.replace, tag=args.tag)


def _say_pseudo(ctx: CliContext, report: PseudonymiseReport, args: argparse.Namespace) -> None:
    verb = "replaced" if report.replaced else "flagged (not replaced; --replace to replace)"
    ctx.say(
        f"pseudonymisation: {len(report.findings)} name(s) or place(s) {verb} in {report.takes_checked} "
        f"transcript(s); the report is {args.report or (args.identity / 'pseudonymisation-report.json')}"
    )


def _transcribe(args: argparse.Namespace, ctx: CliContext) -> int:
    report = transcribe_folder(
        args.folder,
        args.model,
        state=CancellableState(_Progress(ctx.err, args.json)),
        threads=args.threads,
        language=args.language,
    )
    pseudo = _pseudo(args) if args.identity else None
    if args.json:
        doc = report.to_json()
        if pseudo is not None:
            doc["pseudonymisation"] = {"findings": len(pseudo.findings), "replaced": pseudo.replaced}
        ctx.emit_json(doc)
        return 0 if report.ok else 1
    ctx.say(
        f"transcribed {len(report.done)} take(s) ({report.audio_seconds:.0f} s of audio in "
        f"{report.seconds:.0f} s); {len(report.already)} already done"
    )
    for s in report.skipped:
        ctx.say(f"skipped {s['take']}: {s['reason']}")
    for w in report.warnings:
        ctx.warn(f"warning {w['take']}: {w['warning']}")
    for f in report.failed:
        ctx.warn(f"failed {f['take']}: {f['error']}")
    if pseudo is not None:
        _say_pseudo(ctx, pseudo, args)
    return 0 if report.ok else 1


def _pseudonymise(args: argparse.Namespace, ctx: CliContext) -> int:
    report = _pseudo(args)
    if args.json:
        ctx.emit_json(
            {
                "findings": len(report.findings),
                "replaced": report.replaced,
                "takes_checked": report.takes_checked,
                "takes_changed": report.takes_changed,
            }
        )
    else:
        _say_pseudo(ctx, report, args)
    return 0


def _export(args: argparse.Namespace, ctx: CliContext) -> int:
    report = export_qdpx(args.folder, args.out)
    if args.json:
        ctx.emit_json(report.to_json())
        return 0
    ctx.say(
        f"wrote {report.out}: {report.cases} case(s), {report.sources} audio source(s), "
        f"{report.transcripts} transcript(s), {report.codes} code(s), {report.selections} coded or noted "
        f"selection(s), {report.notes} note(s)"
    )
    for rel in report.without_transcript:
        ctx.say(f"no transcript yet: {rel} (run 'fieldwork analysis transcribe')")
    return 0


def _archive(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = archive_listing(open_analysis_folder(args.folder))
    if args.json:
        ctx.emit_json(rows)
        return 0
    for r in rows:
        ctx.say(f"{r['participant']}: {r['reason']} ({', '.join(r['folders'])})")
    kept = [r["participant"] for r in rows if not r["may_archive"]]
    if kept:
        ctx.say(f"Leave out of an archive deposit: {', '.join(kept)}")
    return 0
