"""Saving files in the clear from the CLI: the signed consent copy, the buddy sheet (and the audio export's
passphrase).  A new file only, mode 0600, never over an existing one; or age-encrypted to a passphrase
typed twice at the terminal (or given once in ``FIELDWORK_EXPORT_PASSPHRASE``, which is then removed from
the environment).  Saving is audited by the service (what kind of file, not its path)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from fieldwork_app import i18n
from fieldwork_app.cli import credentials
from fieldwork_app.cli.base import CliContext, command
from fieldwork_app.errors import InvalidInput


def _t(text: str) -> str:
    return i18n.translate("cli", text)


ENV_EXPORT_PASSPHRASE = "FIELDWORK_EXPORT_PASSPHRASE"


def refuse_existing(out: Path, encrypted: bool) -> None:
    """Before any passphrase is asked: the file to be written must not exist (nothing is overwritten)."""
    from fieldwork_app.services import clearfiles

    path = clearfiles.target(out, encrypted)
    if path.exists() or path.is_symlink():
        raise InvalidInput(_t("{path} already exists: choose another name (nothing is overwritten)").format(path=path))


def export_passphrase() -> str:
    from fieldwork_app.services import clearfiles

    value = os.environ.pop(ENV_EXPORT_PASSPHRASE, None)
    if value is None:
        if not sys.stdin.isatty():
            raise InvalidInput(_t(
                "no export passphrase: set {env_export_passphrase} or run in a terminal"
            ).format(env_export_passphrase=ENV_EXPORT_PASSPHRASE))
        value = getpass.getpass(_t("Passphrase for the encrypted file: "))
        if getpass.getpass(_t("Repeat it: ")) != value:
            raise InvalidInput(_t("the two passphrases differ"))
    clearfiles.check_passphrase(value)
    return value


def _out_args(p: argparse.ArgumentParser, out_help: str) -> None:
    p.add_argument("--out", type=Path, required=True, help=out_help)
    p.add_argument(
        "--encrypt-to-passphrase",
        action="store_true",
        help=_t("write FILE.age instead, age-encrypted to a passphrase you type (open it with: age -d FILE.age)"),
    )


def register_consent(cons: Any) -> None:
    p = cons.add_parser("copy", help=_t("save the signed consent copy (names and signatures) as a PDF"))
    p.add_argument("consent_id")
    _out_args(p, _t("FILE.pdf: the participant's name, signatures and answers (a new file, mode 0600)"))
    command(p, cmd_consent_copy)


def register_session(sess: Any) -> None:
    p = sess.add_parser("buddy-sheet", help=_t("save the lone-working buddy sheet as a PDF"))
    p.add_argument("id")
    p.add_argument("--with-address", action="store_true", help=_t("include the sealed visit address"))
    _out_args(
        p, _t("FILE.pdf: names, phone numbers, times (and the address with --with-address) (a new file, mode 0600)")
    )
    command(p, cmd_buddy_sheet)


def _save(args: argparse.Namespace, ctx: CliContext, save: Any) -> int:
    if args.out.suffix.lower() != ".pdf":
        raise InvalidInput(_t("{out}: the output must end in .pdf").format(out=args.out))
    refuse_existing(args.out, args.encrypt_to_passphrase)
    passphrase = export_passphrase() if args.encrypt_to_passphrase else None
    with credentials.workspace_for(args) as ws:
        path = save(ws, passphrase)
    saved = (
        _t("Saved {path} (encrypted to your passphrase)")
        if passphrase
        else _t("Saved {path} (not encrypted, mode 0600: keep it safe)")
    )
    ctx.say(saved.format(path=path))
    return 0


def cmd_consent_copy(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import clearfiles

    return _save(
        args, ctx, lambda ws, pw: clearfiles.save_consent_copy(ws, args.consent_id, args.out, passphrase=pw)
    )


def cmd_buddy_sheet(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import clearfiles

    return _save(
        args,
        ctx,
        lambda ws, pw: clearfiles.save_buddy_sheet(ws, args.id, args.with_address, args.out, passphrase=pw),
    )
