"""First run and unlock: what the screens need, without widgets."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from fieldwork_app.paths import DataDir
from fieldwork_app.services import workspace
from fieldwork_app.services.workspace import Workspace

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
