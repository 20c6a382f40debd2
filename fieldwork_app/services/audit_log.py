"""The vault's audit log and the encrypted application log, as both faces read them."""

from __future__ import annotations

from fieldwork_app import log as fwlog
from fieldwork_app.errors import ErrorCode, ErrorKind, FieldworkError
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.vault import audit
from fieldwork_app.vault.audit import AuditEntry, ChainReport
from fieldwork_app.vault.db import DatabaseError

__all__ = ["AuditEntry", "ChainReport", "application_log", "entries", "verify"]


def verify(ws: Workspace) -> ChainReport:
    """Check the audit log's hash chain; a research database that cannot be read is a located error."""
    try:
        return audit.verify(ws.db)
    except DatabaseError:
        db = ws.data_dir.research_db
        raise FieldworkError(
            f"{db.name} cannot be read, so the audit log cannot be checked: the vault is damaged",
            kind=ErrorKind.VAULT_CORRUPT,
            code=ErrorCode.VAULT_DAMAGED,
            params={"file": db.name, "folder": db.parent},
        ) from None


def entries(ws: Workspace, session_id: str | None = None) -> list[AuditEntry]:
    """The audit log's entries, oldest first (those of one session when ``session_id`` is given)."""
    return list(audit.entries(ws.db, session_id=session_id))


def application_log(ws: Workspace) -> fwlog.LogReport:
    """The encrypted application log of this vault, decrypted, with any break in its chain reported."""
    return fwlog.check_log(ws.data_dir.logs, ws.vault.subkey("log"))
