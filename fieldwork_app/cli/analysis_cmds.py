"""Data-manager commands on an analysis folder: ``analysis transcribe``, ``pseudonymise`` and ``export``.

They run on the data manager's machine, offline, on the folder ``store unpack`` wrote.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from fieldwork_app import i18n
from fieldwork_app.cli.base import CliContext, command

if TYPE_CHECKING:  # the analysis modules (numpy, the recogniser) load only for the commands that use them
    from fieldwork_app.analysis.pseudonymise import PseudonymiseReport
    from fieldwork_app.analysis.transcribe import TakeProgress


def _t(text: str) -> str:
    return i18n.translate("cli", text)


class _Progress:
    """Progress on stderr, at most one line a second (and at every new take, and at the end); Ctrl-C stops
    the run.  The task state gives the overall share; each take's step comes as facts, worded here."""

    def __init__(self, err: TextIO, quiet: bool) -> None:
        self.err, self.quiet, self.last, self.last_take = err, quiet, 0.0, -1
        self.pct, self.finished = 0, False

    def __call__(self, done_bytes: int, total_bytes: int, message: str) -> None:
        self.pct = 100 * done_bytes // max(1, total_bytes)
        self.finished = done_bytes >= total_bytes

    def take(self, step: TakeProgress) -> None:
        now = time.monotonic()
        if self.quiet or (now - self.last < 1.0 and step.index == self.last_take and not self.finished):
            return
        self.last, self.last_take = now, step.index
        line = _t("{pct}% overall; take {index} of {count} ({take}): {percent}%").format(
            pct=f"{self.pct:3d}", index=step.index, count=step.count, take=step.label, percent=step.percent
        )
        self.err.write(line + "\n")
        self.err.flush()


def register(sub: Any) -> None:
    analysis = sub.add_parser("analysis", help=_t("transcript drafts and REFI-QDA export of an analysis folder"))
    asub: Any = analysis.add_subparsers(dest="analysis_cmd", required=True)
    p = asub.add_parser(
        "transcribe", help=_t("transcribe every take that has no transcript yet, offline, with a local model")
    )
    p.add_argument("folder", type=Path, help=_t("the analysis folder (from 'store unpack')"))
    p.add_argument(
        "--model", required=True, type=Path, help=_t("folder of a converted Whisper model (CTranslate2)")
    )
    p.add_argument("--threads", type=int, help=_t("CPU threads (default: the cores this process may use)"))
    p.add_argument("--language", help=_t("spoken language code, e.g. en (default: detected per take)"))
    _identity_options(p, required=False)
    p.add_argument("--json", action="store_true", help=_t("print the report as JSON"))
    command(p, _transcribe)

    p = asub.add_parser(
        "pseudonymise", help=_t("flag (or replace) identity names and places in transcript drafts")
    )
    p.add_argument("folder", type=Path, help=_t("the analysis folder"))
    _identity_options(p, required=True)
    p.add_argument("--json", action="store_true", help=_t("print the report as JSON"))
    command(p, _pseudonymise)

    p = asub.add_parser(
        "export", help=_t("write a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder")
    )
    p.add_argument("folder", type=Path, help=_t("the analysis folder"))
    p.add_argument("--out", required=True, type=Path, help=_t("the .qdpx file to write"))
    p.add_argument("--json", action="store_true", help=_t("print the report as JSON"))
    command(p, _export)

    p = asub.add_parser(
        "archive", help=_t("list what may go into an archive deposit (archiving affirmed, not withdrawn)")
    )
    p.add_argument("folder", type=Path, help=_t("the analysis folder"))
    p.add_argument("--json", action="store_true", help=_t("print the list as JSON"))
    command(p, _archive)


def _identity_options(p: argparse.ArgumentParser, required: bool) -> None:
    p.add_argument(
        "--identity",
        type=Path,
        required=required,
        help=_t("folder the identity store was unpacked into (never inside the analysis folder)"),
    )
    p.add_argument(
        "--replace",
        action="store_true",
        help=_t("replace what is found: names by the participant's study id, places by [place]"),
    )
    p.add_argument("--tag", help=_t("replace names by [TAG] instead of the study id"))
    p.add_argument(
        "--report",
        type=Path,
        help=_t("where to write what was found (default: pseudonymisation-report.json in --identity)"),
    )


def _pseudo(args: argparse.Namespace) -> PseudonymiseReport:
    from fieldwork_app.analysis.pseudonymise import pseudonymise_folder

    report_path = args.report or (args.identity / "pseudonymisation-report.json")
    return pseudonymise_folder(args.folder, args.identity, report_path, replace=args.replace, tag=args.tag)


def _say_pseudo(ctx: CliContext, report: PseudonymiseReport, args: argparse.Namespace) -> None:
    done = (
        _t("pseudonymisation: {count} name(s) or place(s) replaced in {takes_checked} transcript(s); the report is "
           "{report}")
        if report.replaced
        else _t(
            "pseudonymisation: {count} name(s) or place(s) flagged (not replaced; --replace to replace) in "
            "{takes_checked} transcript(s); the report is {report}"
        )
    )
    ctx.say(
        done.format(
            count=len(report.findings),
            takes_checked=report.takes_checked,
            report=args.report or args.identity / 'pseudonymisation-report.json',
        )
    )


def _transcribe(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services.sync import CancellableState

    progress = _Progress(ctx.err, args.json)
    from fieldwork_app.analysis.transcribe import transcribe_folder

    report = transcribe_folder(
        args.folder,
        args.model,
        state=CancellableState(progress),
        threads=args.threads,
        language=args.language,
        on_take=progress.take,
    )
    pseudo = _pseudo(args) if args.identity else None
    if args.json:
        doc = report.to_json()
        if pseudo is not None:
            doc["pseudonymisation"] = {"findings": len(pseudo.findings), "replaced": pseudo.replaced}
        ctx.emit_json(doc)
        return 0 if report.ok else 1
    ctx.say(
        _t(
            "transcribed {count} take(s) ({audio_seconds:.0f} s of audio in "
            "{seconds:.0f} s); {count2} already done"
        ).format(
            count=len(report.done),
            audio_seconds=report.audio_seconds,
            seconds=report.seconds,
            count2=len(report.already),
        )
    )
    for s in report.skipped:
        ctx.say(_t("skipped {take}: {reason}").format(take=s['take'], reason=s['reason']))
    for w in report.warnings:
        ctx.warn(_t("warning {take}: {warning}").format(take=w['take'], warning=w['warning']))
    for f in report.failed:
        ctx.warn(_t("failed {take}: {error}").format(take=f['take'], error=f['error']))
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
    from fieldwork_app.analysis.refiqda import export_qdpx

    report = export_qdpx(args.folder, args.out)
    if args.json:
        ctx.emit_json(report.to_json())
        return 0
    ctx.say(
        _t(
            "wrote {out}: {cases} case(s), {sources} audio source(s), "
            "{transcripts} transcript(s), {codes} code(s), {selections} coded or "
            "noted selection(s), {notes} note(s)"
        ).format(
            out=report.out,
            cases=report.cases,
            sources=report.sources,
            transcripts=report.transcripts,
            codes=report.codes,
            selections=report.selections,
            notes=report.notes,
        )
    )
    for rel in report.without_transcript:
        ctx.say(_t("no transcript yet: {rel} (run 'fieldwork analysis transcribe')").format(rel=rel))
    return 0


def _archive(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.analysis.folder import archive_report

    rows = archive_report(args.folder)
    if args.json:
        ctx.emit_json(rows)
        return 0
    for r in rows:
        ctx.say(f"{r['participant']}: {r['reason']} ({', '.join(r['folders'])})")
    kept = [r["participant"] for r in rows if not r["may_archive"]]
    if kept:
        ctx.say(_t("Leave out of an archive deposit: {ids}").format(ids=", ".join(kept)))
    shared = sorted({f for r in rows for f in r["held_back"]})
    if shared:
        ctx.say(_t("Leave out of an archive deposit (shared sessions): {folders}").format(folders=", ".join(shared)))
    return 0
