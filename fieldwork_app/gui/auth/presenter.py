"""First run and unlock: what the screens need, without widgets."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from fieldwork_app.errors import FieldworkError
from fieldwork_app.paths import DataDir
from fieldwork_app.services import packs, workspace
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.vault import ROLES, Vault
from fieldwork_app.vault.keys import KeySlots
from fieldwork_app.vault.strength import estimate

from fieldwork_app.gui.presenter import Done, Failed, Presenter

logger = logging.getLogger(__name__)

MIN_PASSPHRASE = 8


def vault_exists(data_dir: DataDir) -> bool:
    return Vault.exists(data_dir)


def users(data_dir: DataDir) -> list[str]:
    return KeySlots.load(data_dir.keyslots).users()


def roles() -> tuple[str, ...]:
    return ROLES


def create_with_example(data_dir: DataDir, user: str, role: str, passphrase: str) -> tuple[Workspace, str]:
    """Create the vault and import the built-in example study, so the app opens on it.

    The vault and its recovery key come first: if the example cannot be imported, the app still opens (on
    no study, with the pack import offered) and the recovery key is still shown once."""
    ws, recovery = workspace.create(data_dir, user, passphrase, role)
    try:
        packs.import_pack(ws, example=True)
    except FieldworkError as exc:
        logger.warning("the example study could not be imported: %s", exc.kind.value)
    return ws, recovery


def unlock(data_dir: DataDir, user: str, passphrase: str) -> Workspace:
    return workspace.unlock(data_dir, user, passphrase)


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (too short) .. 3 (strong)
    acceptable: bool
    advice: str = ""  # zxcvbn's advice when the passphrase is weak
    crack_time: str = ""


def strength(passphrase: str, user: str = "") -> Strength:
    """A hint, not a guarantee: zxcvbn's estimate (see fieldwork_app.vault.strength)."""
    if len(passphrase) < MIN_PASSPHRASE:
        return Strength(0, False)
    est = estimate(passphrase, [user])
    score = 1 if est.score <= 2 else est.score - 1
    return Strength(score, True, est.advice if est.weak else "", est.crack_time)


class Backoff:
    """Wrong passphrases: 1, 2, 4, 8 ... seconds before the next try (capped at a minute)."""

    def __init__(self, cap_seconds: int = 60) -> None:
        self.failures = 0
        self.cap = cap_seconds

    def fail(self) -> int:
        self.failures += 1
        return min(self.cap, 1 << (self.failures - 1))

    def reset(self) -> None:
        self.failures = 0


class AuthPresenter(Presenter):
    """First run and unlock: the workspace is created or unlocked on the database thread, which then owns it."""

    def create(
        self, user: str, role: str, passphrase: str, done: Done[tuple[Workspace, str]], failed: Failed
    ) -> None:
        data_dir = self.ctx.data_dir
        self.ctx.tasks.open_workspace(
            lambda: create_with_example(data_dir, user, role, passphrase), done, failed
        )

    def unlock(self, user: str, passphrase: str, done: Done[Workspace], failed: Failed) -> None:
        data_dir = self.ctx.data_dir
        self.ctx.tasks.open_workspace(lambda: unlock(data_dir, user, passphrase), done, failed)

    def users(self, done: Done[list[str]], failed: Failed) -> None:
        data_dir = self.ctx.data_dir
        self.ctx.tasks.without_workspace(lambda: users(data_dir), done, failed)
