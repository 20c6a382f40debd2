"""The unlocked workspace: a vault plus the study pack in use.

Every service takes a :class:`Workspace`.  It is owned by one thread (the vault's connections refuse
others): the CLI's main thread, or the GUI's single database worker.

Opening a workspace (:func:`create`, :func:`unlock`, :func:`unlock_with_recovery`) attaches the encrypted
application log to the vault's key, and :meth:`Workspace.close` detaches it, for both faces alike: lines
logged while no vault is open wait in a small in-memory buffer and are written at the next unlock.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from fieldwork_app import log as fwlog
from fieldwork_app.domain.pack import StudyPack
from fieldwork_app.errors import ErrorCode, ErrorKind, FieldworkError
from fieldwork_app.paths import DataDir, default_data_dir
from fieldwork_app.vault import FAST_KDF, ROLES, KdfParams, Vault
from fieldwork_app.vault import keys as _keys
from fieldwork_app.vault.db import Database
from fieldwork_app.vault.keys import KeySlots
from fieldwork_app.vault.strength import MIN_LENGTH as MIN_PASSPHRASE_LENGTH
from fieldwork_app.vault.strength import Estimate
from fieldwork_app.vault.strength import estimate as _estimate

__all__ = [
    "FAST_KDF",
    "MIN_PASSPHRASE_LENGTH",
    "ROLES",
    "Estimate",
    "Workspace",
    "allow_fast_kdf_for_throwaway_vault",
    "create",
    "create_with_example",
    "exists",
    "passphrase_strength",
    "resolve_data_dir",
    "unlock",
    "unlock_with_recovery",
    "users",
    "warn_if_fast_kdf_ignored",
]

logger = logging.getLogger(__name__)


class Workspace:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self._pack: StudyPack | None = None
        self._pack_row: int | None = None
        self._log_attached = False

    @property
    def data_dir(self) -> DataDir:
        return self.vault.data_dir

    @property
    def user(self) -> str:
        return self.vault.user

    @property
    def db(self) -> Database:
        """The research database (only on the thread that owns the workspace)."""
        return self.vault.db  # type: ignore[no-any-return]

    @property
    def idb(self) -> Database:
        """The identity database (only on the thread that owns the workspace)."""
        return self.vault.idb  # type: ignore[no-any-return]

    # -- the pack in use ---------------------------------------------------------------------------
    def pack(self) -> StudyPack:
        if self._pack is None:
            row = self.db.execute("SELECT row_id, body_json FROM packs WHERE active = 1").fetchone()
            if row is None:
                raise FieldworkError(
                    "no study pack imported yet", kind=ErrorKind.NO_PACK, code=ErrorCode.NO_PACK
                )
            self._pack = StudyPack.model_validate(json.loads(row["body_json"]))
            self._pack_row = int(row["row_id"])
        return self._pack

    def has_pack(self) -> bool:
        return self.db.execute("SELECT 1 FROM packs WHERE active = 1").fetchone() is not None

    def forget_pack(self) -> None:
        self._pack = None
        self._pack_row = None

    # -- the encrypted log --------------------------------------------------------------------------
    def attach_log(self) -> None:
        """Write the application log, sealed under this vault's log key, into its ``logs/`` folder."""
        fwlog.attach_vault(self.data_dir.logs, self.vault.subkey("log"))
        self._log_attached = True
        logger.info("the workspace was opened")

    @property
    def log_attached(self) -> bool:
        return self._log_attached and fwlog.attached_dir() == self.data_dir.logs

    def close(self) -> None:
        """Close the vault (its WAL checkpointed) and detach the log this workspace attached (idempotent).

        The log is detached only while it is still this vault's: a re-key re-attaches it under the new key,
        and another workspace opened since may have attached its own."""
        if self.vault.is_open and self.log_attached:
            logger.info("the workspace was closed")
        self.vault.close()
        if self.log_attached:
            fwlog.detach_vault()
        self._log_attached = False


def resolve_data_dir(path: str | Path | None) -> DataDir:
    return DataDir(Path(path).expanduser() if path else default_data_dir())


def create(
    data_dir: DataDir,
    user: str,
    passphrase: str,
    role: str = "researcher",
    kdf: KdfParams | None = None,
    *,
    attach_log: bool = True,
) -> tuple[Workspace, str]:
    """Create a vault and open it.  ``attach_log=False`` for a throw-away vault (the self-test's), whose
    log must not take the place of the one in use."""
    vault, recovery = Vault.create(data_dir, user, passphrase, role, kdf)
    ws = Workspace(vault)
    if attach_log:
        ws.attach_log()
    return ws, recovery


def create_with_example(
    data_dir: DataDir, user: str, passphrase: str, role: str = "researcher"
) -> tuple[Workspace, str]:
    """Create the vault and import the built-in example study, so the app opens on it (the first run).

    The vault and its recovery key come first: if the example cannot be imported, the vault still opens (on
    no study, with the pack import offered) and the recovery key is still shown once."""
    from fieldwork_app.services import packs

    ws, recovery = create(data_dir, user, passphrase, role)
    try:
        packs.import_pack(ws, example=True)
    except FieldworkError as exc:
        logger.warning("the example study could not be imported: %s", exc.kind.value)
    return ws, recovery


def unlock(data_dir: DataDir, user: str, passphrase: str) -> Workspace:
    """Unlock with a passphrase: the workspace both faces open (the log attached)."""
    return _opened(Vault.unlock(data_dir, user, passphrase))


def unlock_with_recovery(data_dir: DataDir, recovery_key: str, user: str, new_passphrase: str) -> Workspace:
    """Unlock with the recovery key, setting ``user``'s new passphrase."""
    return _opened(Vault.unlock_with_recovery(data_dir, recovery_key, user, new_passphrase))


def _opened(vault: Vault) -> Workspace:
    from fieldwork_app.services import participants

    ws = Workspace(vault)
    try:
        ws.attach_log()
        participants.finish_deletions(ws)  # what a crash after a withdrawal's commit left behind
    except BaseException:
        ws.close()
        raise
    return ws


# -- before a workspace is open: what the unlock screens and commands ask ---------------------------------
def exists(data_dir: DataDir) -> bool:
    """Whether ``data_dir`` holds a vault."""
    return Vault.exists(data_dir)


def users(data_dir: DataDir) -> list[str]:
    """The users who can unlock the vault of ``data_dir`` (from its key slots; no key is needed)."""
    return KeySlots.load(data_dir.keyslots).users()


def passphrase_strength(passphrase: str, user_inputs: list[str] | None = None) -> Estimate:
    """A hint, not a guarantee: zxcvbn's estimate (words such as the user's name count against it)."""
    return _estimate(passphrase, user_inputs)


def warn_if_fast_kdf_ignored() -> None:
    """Say once that FIELDWORK_KDF=fast without the test suite's switch is ignored."""
    _keys.warn_if_fast_kdf_ignored()


def allow_fast_kdf_for_throwaway_vault(allow: bool = True) -> None:
    """The weak test KDF for a throw-away vault in a temporary folder (the tour's); False ends it."""
    _keys.allow_fast_kdf_for_throwaway_vault(allow)
