"""Entry point and dispatcher for the ``fieldwork`` command."""

from __future__ import annotations

import argparse
import errno
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from fieldwork_app import __version__, i18n
from fieldwork_app import log as fwlog
from fieldwork_app.cli import (
    analysis_cmds,
    argparse_words,
    audio_cmds,
    core_cmds,
    credentials,
    sync_cmds,
    sync_laptop_cmds,
)
from fieldwork_app.cli.base import CliContext, LazyChoices
from fieldwork_app.cli.messages import cli_text
from fieldwork_app.errors import FieldworkError, InvalidInput
from fieldwork_app.hardening import harden_process
from fieldwork_app.i18n import translate


def _t(text: str) -> str:
    return i18n.translate("cli", text)

logger = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake as one line (and exit code 2)."""

    def error(self, message: str) -> NoReturn:
        see = translate("cli", "see '{command} --help'").format(command=self.prog)
        self.exit(2, f"{self.prog}: {message} ({see})\n")

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        # argparse formats a new option's choices to check its metavar; choices a service holds are given to
        # the option after that, so they are read only when the option is parsed or its command's help shown.
        choices = kwargs.pop("choices", None) if isinstance(kwargs.get("choices"), LazyChoices) else None
        action = super().add_argument(*args, **kwargs)
        if choices is not None:
            action.choices = choices
        return action


def build_parser() -> argparse.ArgumentParser:
    argparse_words.install()  # "usage:", "options", argparse's errors: in the command line's language
    parser = _Parser(
        prog="fieldwork",
        description=translate(
            "cli",
            "Fieldwork: encrypted, offline fieldwork for qualitative interviews. "
            "With no command, starts the desktop app.",
        ),
    )
    parser.add_argument(
        "--version", action="version", version=f"fieldwork {__version__}", help=_t("show the version and exit")
    )
    parser.add_argument(
        "--data-dir",
        help=_t("the vault's data directory (default: FIELDWORK_DATA_DIR or the platform data directory)"),
    )
    parser.add_argument("--user", help=_t("who is working (default: FIELDWORK_USER, or the vault's only user)"))
    parser.add_argument(
        "--passphrase-file",
        help=_t("read the passphrase from this file (else FIELDWORK_PASSPHRASE, else a prompt)"),
    )
    parser.add_argument("-v", "--verbose", action="store_true", help=_t("more detail on stderr"))
    # Typed as Any like the command modules' register(sub: Any): argparse's subparser type is invariant.
    sub: Any = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    core_cmds.register(sub)
    audio_cmds.register(sub)
    store = sub.add_parser("store", help=_t("study stores (sync targets) and the data manager's tools"))
    store_sub: Any = store.add_subparsers(dest="store_cmd", required=True, parser_class=_Parser)
    sync_laptop_cmds.register_store_laptop(store_sub)  # add, list, remove
    sync_cmds.register_store_side(store_sub)  # verify, unpack
    sync_laptop_cmds.register(sub)  # sync, outbox, device
    sync_cmds.register_study(sub)  # study keygen
    analysis_cmds.register(sub)  # analysis transcribe, pseudonymise, export
    gui = sub.add_parser("gui", help=_t("start the desktop app"))
    gui.add_argument(
        "--tour",
        metavar="OUTDIR",
        help=_t("build a throw-away vault with the example study, walk the "
        "main screens and save a PNG of each into OUTDIR"),
    )
    gui.add_argument(
        "--pack",
        metavar="PATH",
        help=_t("with --tour: tour this study pack instead of the built-in example"),
    )
    gui.add_argument(
        "--size",
        metavar="WIDTHxHEIGHT",
        default="1366x768",
        help=_t("window size for --tour screenshots (default 1366x768, a common laptop screen)"),
    )
    gui.set_defaults(func=_run_gui)
    return parser


def _forms_not_built() -> str:
    return _t("the desktop app's forms are not built; in a source checkout run: python scripts/qtbuild.py build")


def _forms_missing(exc: ImportError) -> bool:
    """A checkout that was never installed: the Designer forms are compiled at build time."""
    return (exc.name or "").startswith("fieldwork_app.gui.forms.")


def _run_gui(args: argparse.Namespace, ctx: CliContext) -> int:
    if getattr(args, "pack", None) and not getattr(args, "tour", None):
        raise InvalidInput(_t("--pack goes with --tour OUTDIR (the app itself uses the pack imported into the vault)"))
    # Imported by name so that the core never imports Qt (the import-linter contract checks this).
    try:
        app = importlib.import_module("fieldwork_app.gui.app")
    except ImportError as exc:
        message = (
            _forms_not_built()
            if _forms_missing(exc)
            else _t("the desktop app cannot start: {error}").format(error=exc)
        )
        raise FieldworkError(message) from None
    try:
        return int(app.run(args))
    except ImportError as exc:
        if _forms_missing(exc):
            raise FieldworkError(_forms_not_built()) from None
        raise


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:
        # The process's own command line (the ``fieldwork`` program, the app): no core dumps, not dumpable,
        # umask 077, before any secret is read.  A caller passing argv (a test) keeps its process as it is.
        harden_process()
    credentials.forget_env_secrets()
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    fwlog.setup(verbose=bool(getattr(args, "verbose", False)))
    if os.environ.get("FIELDWORK_KDF"):  # the check (and the vault it imports) only where the variable is set
        from fieldwork_app.services import workspace

        workspace.warn_if_fast_kdf_ignored()
    ctx = CliContext()
    func = getattr(args, "func", None)
    if func is None:
        if args.command:
            parser.parse_args([args.command, "--help"])
        func = _run_gui
        args.tour = None
    try:
        return int(func(args, ctx))
    except FieldworkError as exc:
        ctx.warn(f"fieldwork: {cli_text(exc)}")
        return 1
    except KeyboardInterrupt:
        ctx.warn("fieldwork: " + translate("cli", "interrupted"))
        return 130
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            ctx.warn(
                "fieldwork: "
                + translate("cli", "the disk is full; free some space and try again (nothing saved before was lost)")
            )
            return 1
        ctx.warn(
            f"fieldwork: {exc.strerror or type(exc).__name__}" + (f": {exc.filename}" if exc.filename else "")
        )
        return 1
    except Exception as exc:  # noqa: BLE001 - the last guard: one line, never a traceback with data in it
        if type(exc).__name__ == "DatabaseError" and "disk" not in str(exc):
            fwlog.exception_once(logger, "database error in command %s", args.command, exc=exc)
            ctx.warn(
                _t("fieldwork: the vault's database cannot be read: it may be damaged. Run 'fieldwork vault check'; "
                "restore from a backup with 'fieldwork vault restore FILE'.")
            )
            return 1
        if "disk is full" in str(exc) or "disk I/O error" in str(exc):
            ctx.warn(
                _t("fieldwork: the disk is full or failing; the change was rolled back and nothing saved before "
                "was lost. Free some space and try again.")
            )
            return 1
        # The traceback goes to the encrypted log only; stderr gets one line (the whole story with -v).
        fwlog.exception_once(logger, "unexpected error in command %s", args.command, exc=exc)
        ctx.warn(
            _t(
                "fieldwork: unexpected error ({name}); nothing was changed by this "
                "failure that was not already saved. Run with -v for details."
            ).format(name=type(exc).__name__)
        )
        if getattr(args, "verbose", False):
            raise
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
