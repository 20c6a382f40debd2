"""First run and unlock: what the screens need, without widgets."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from fieldwork_app.paths import DataDir
from fieldwork_app.services import workspace
from fieldwork_app.services.workspace import Workspace

from fieldwork_app.gui.presenter import Done, Failed, Presenter

logger = logging.getLogger(__name__)

MIN_PASSPHRASE = 8


def vault_exists(data_dir: DataDir) -> bool:
    return workspace.exists(data_dir)


def users(data_dir: DataDir) -> list[str]:
    return workspace.users(data_dir)


def roles() -> tuple[str, ...]:
    return workspace.ROLES


def create_with_example(data_dir: DataDir, user: str, role: str, passphrase: str) -> tuple[Workspace, str]:
    return workspace.create_with_example(data_dir, user, passphrase, role)


def unlock(data_dir: DataDir, user: str, passphrase: str) -> Workspace:
    return workspace.unlock(data_dir, user, passphrase)


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (too short) .. 3 (strong)
    acceptable: bool
    advice: str = ""  # zxcvbn's advice when the passphrase is weak
    crack_time: str = ""


def strength(passphrase: str, user: str = "") -> Strength:
    """A hint, not a guarantee: zxcvbn's estimate (see services.workspace.passphrase_strength)."""
    if len(passphrase) < MIN_PASSPHRASE:
        return Strength(0, False)
    est = workspace.passphrase_strength(passphrase, [user])
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
