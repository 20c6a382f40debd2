"""The unlocked workspace: a vault plus the study pack in use.

Every service takes a :class:`Workspace`.  It is owned by one thread (the vault's connections refuse
others): the CLI's main thread, or the GUI's single database worker.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from fieldwork_app.domain.pack import StudyPack
from fieldwork_app.errors import ErrorCode, ErrorKind, FieldworkError
from fieldwork_app.paths import DataDir, default_data_dir
from fieldwork_app.vault import KdfParams, Vault
from fieldwork_app.vault.db import Database

logger = logging.getLogger(__name__)


class Workspace:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self._pack: StudyPack | None = None
        self._pack_row: int | None = None

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

    def close(self) -> None:
        self.vault.close()


def resolve_data_dir(path: str | Path | None) -> DataDir:
    return DataDir(Path(path).expanduser() if path else default_data_dir())


def create(
    data_dir: DataDir, user: str, passphrase: str, role: str = "researcher", kdf: KdfParams | None = None
) -> tuple[Workspace, str]:
    vault, recovery = Vault.create(data_dir, user, passphrase, role, kdf)
    return Workspace(vault), recovery


def unlock(data_dir: DataDir, user: str, passphrase: str) -> Workspace:
    from fieldwork_app.services import participants

    ws = Workspace(Vault.unlock(data_dir, user, passphrase))
    try:
        participants.finish_deletions(ws)  # what a crash after a withdrawal's commit left behind
    except BaseException:
        ws.close()
        raise
    return ws
