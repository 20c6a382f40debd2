"""Where the CLI gets passphrases: the environment, a file, or a prompt (never an argument)."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from fieldwork_app import i18n, log
from fieldwork_app.errors import ErrorKind, FieldworkError, InvalidInput
from fieldwork_app.hardening import take_env_secret
from fieldwork_app.paths import DataDir

if TYPE_CHECKING:
    from fieldwork_app.services.workspace import Workspace


def _t(text: str) -> str:
    return i18n.translate("cli", text)

logger = logging.getLogger(__name__)

ENV_PASSPHRASE = "FIELDWORK_PASSPHRASE"
ENV_NEW_PASSPHRASE = "FIELDWORK_NEW_PASSPHRASE"
ENV_USER = "FIELDWORK_USER"
ENV_RECOVERY_KEY = "FIELDWORK_RECOVERY_KEY"

# Secrets taken from the environment during one command (then removed from the environment).
_env_cache: dict[str, str] = {}


def forget_env_secrets() -> None:
    """At the start of each command: a secret is looked for in the environment afresh."""
    _env_cache.clear()


def env_secret(name: str) -> str | None:
    """A secret from the environment: read once, then gone from the process's environment."""
    value = take_env_secret(name)
    if value is not None:
        _env_cache[name] = value
    return _env_cache.get(name) or None


def read_secret_file(path: str, what: str = "") -> str:
    """A secret file, refused when group or others may read or write it."""
    what = what or _t("passphrase")
    p = Path(path)
    try:
        mode = p.stat().st_mode
        if os.name == "posix" and mode & 0o077:
            raise InvalidInput(
                _t(
                    "{path}: the {what} file can be read by others (mode {mode:04o}); make "
                    "it private with 'chmod 600 {path}' and try again"
                ).format(path=path, what=what, mode=mode & 0o777)
            )
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(_t(
            "{path}: cannot read the {what} file ({strerror})"
        ).format(path=path, what=what, strerror=exc.strerror)) from None
    return text.rstrip("\r\n")


def _read_file(path: str) -> str:
    return read_secret_file(path)


def _prompt(label: str, confirm: bool = False) -> str:
    if not sys.stdin.isatty():
        raise InvalidInput(
            _t(
                "no {label} given: set {env_passphrase}, use --passphrase-file, or run "
                "in a terminal"
            ).format(label=label, env_passphrase=ENV_PASSPHRASE)
        )
    first = getpass.getpass(_t("{label}: ").format(label=label[:1].upper() + label[1:]))
    if confirm:
        second = getpass.getpass(_t("Repeat the {label}: ").format(label=label))
        if first != second:
            raise InvalidInput(_t("the two passphrases differ"))
    return first


def passphrase(args: argparse.Namespace, label: str = "") -> str:
    label = label or _t("passphrase")
    if getattr(args, "passphrase_file", None):
        return _read_file(args.passphrase_file)
    env = env_secret(ENV_PASSPHRASE)
    if env:
        return env
    return _prompt(label)


def new_passphrase(args: argparse.Namespace, label: str = "") -> str:
    label = label or _t("new passphrase")
    if getattr(args, "new_passphrase_file", None):
        return _read_file(args.new_passphrase_file)
    env = env_secret(ENV_NEW_PASSPHRASE)
    if env:
        return env
    return _prompt(label, confirm=True)


def data_dir(args: argparse.Namespace) -> DataDir:
    from fieldwork_app.services import workspace

    return workspace.resolve_data_dir(getattr(args, "data_dir", None))


def user(args: argparse.Namespace, dd: DataDir) -> str:
    from fieldwork_app.services import workspace

    name = getattr(args, "user", None) or os.environ.get(ENV_USER)
    if name:
        return str(name)
    users = workspace.users(dd)
    if len(users) == 1:
        return users[0]
    raise InvalidInput(
        _t(
            "this vault has several users ({users}): say which with --user or "
            "{env_user}"
        ).format(users=', '.join(users), env_user=ENV_USER)
    )


@contextlib.contextmanager
def workspace_for(args: argparse.Namespace) -> Iterator[Workspace]:
    """The unlocked workspace for one command, closed (and its WAL checkpointed) however the command ends."""
    ws = open_workspace(args)
    try:
        yield ws
    except Exception as exc:
        log_unexpected(args, exc)
        raise
    finally:
        ws.close()


def log_unexpected(args: argparse.Namespace, exc: Exception) -> None:
    """An unexpected error's traceback goes to the encrypted log while the workspace (its key) is open:
    closing it detaches the log.  Errors with a message of their own are not logged here."""
    if not isinstance(exc, (FieldworkError, OSError)):
        log.exception_once(logger, "unexpected error in command %s", getattr(args, "command", ""), exc=exc)


def open_workspace(args: argparse.Namespace) -> Workspace:
    from fieldwork_app.services import workspace

    dd = data_dir(args)
    if not dd.keyslots.exists():
        raise FieldworkError(
            _t("no vault in {root}: create one with 'fieldwork init --user NAME'").format(root=dd.root),
            kind=ErrorKind.NO_VAULT,
        )
    name = user(args, dd)
    return workspace.unlock(dd, name, passphrase(args))  # the encrypted log attached until it is closed
