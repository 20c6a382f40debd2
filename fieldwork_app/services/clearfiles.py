"""Files the researcher saves outside the vault: the signed consent copy, the buddy sheet, audio exports.

Everything else the app writes is encrypted; these files are what the researcher asked to take out, so
each is saved the same careful way, from the GUI and the CLI alike:

* a new file only, created with mode 0600 (``O_CREAT | O_EXCL``): an existing file is never overwritten;
* or, instead of the plain file, an age file encrypted to a passphrase (scrypt; readable with the standard
  ``age`` or ``rage`` tools: ``age -d FILE.age > FILE``);
* audited: what kind of file and whether it was encrypted, never its content or its path (a path can name
  a person);
* the GUI asks first, naming what the file contains (:data:`WHAT`).

Audit entries of these saves never go to the study store whole (they are not on the research bundles'
allow-list).
"""

from __future__ import annotations

import importlib
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import pyrage

from fieldwork_app.errors import ErrorKind, FieldworkError, InvalidInput, NotFound
from fieldwork_app.services.workspace import Workspace

AGE_SUFFIX = ".age"
MIN_PASSPHRASE = 12

# What each kind of file holds, as the GUI names it before saving.
WHAT = {
    "consent_copy": "the signed consent copy: the participant's name, signatures and answers",
    "buddy_sheet": "the buddy sheet: names, phone numbers and visit times (and the visit address, if included)",
    "audio": "the recorded audio of the session, decrypted",
}


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput(f"an export passphrase needs at least {MIN_PASSPHRASE} characters")


def target(out: Path, encrypted: bool) -> Path:
    """The file that will be written: ``out``, with ``.age`` added when it is encrypted and not there yet."""
    out = Path(out)
    if encrypted and out.suffix.lower() != AGE_SUFFIX:
        out = out.with_name(out.name + AGE_SUFFIX)
    return out


def open_new(path: Path) -> BinaryIO:
    """A new file, mode 0600, never an existing one (no overwrite, no following a planted link)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise InvalidInput(f"{path.parent}: no such folder")
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:
        raise InvalidInput(
            f"{path.name} already exists: choose another name (nothing is overwritten)"
        ) from None
    except OSError as exc:
        raise FieldworkError(
            f"{path.name}: cannot be created ({exc.strerror})", kind=ErrorKind.DISK_ERROR
        ) from exc
    return os.fdopen(fd, "w+b")


def write_new(path: Path, data: bytes) -> None:
    """Write ``data`` to a new 0600 file; a failed write leaves no partial file."""
    f = open_new(path)
    try:
        with f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except OSError as exc:
        Path(path).unlink(missing_ok=True)
        raise FieldworkError(
            f"{Path(path).name}: could not be written ({exc.strerror})", kind=ErrorKind.DISK_ERROR
        ) from exc


def encrypt(data: bytes, passphrase: str) -> bytes:
    check_passphrase(passphrase)
    return bytes(pyrage.passphrase.encrypt(data, passphrase))


def audit_save(ws: Workspace, kind: str, encrypted: bool, session_id: str | None, fmt: str) -> None:
    ws.vault.audit(
        "file.save",
        "session" if session_id else "file",
        session_id or kind,
        session_id=session_id,
        detail={"kind": kind, "encrypted": encrypted, "format": fmt},
    )


def save(
    ws: Workspace,
    kind: str,
    data: bytes,
    out: Path,
    *,
    session_id: str | None = None,
    passphrase: str | None = None,
) -> Path:
    """Save ``data`` (a file of ``kind``) outside the vault, plain or encrypted to ``passphrase``; audited.
    Returns the path written."""
    if kind not in WHAT:
        raise InvalidInput(f"unknown kind of file '{kind}'")
    path = target(out, passphrase is not None)
    payload = encrypt(data, passphrase) if passphrase is not None else data
    write_new(path, payload)
    audit_save(ws, kind, passphrase is not None, session_id, Path(out).suffix.lower() or "?")
    return path


def save_encrypted_stream(out: Path, write: Callable[[BinaryIO], None], passphrase: str) -> Path:
    """An age file (``out`` plus ``.age``) of the content ``write(file)`` produces, encrypted to
    ``passphrase``; the plaintext exists only in memory (about the size of the file).  The caller audits."""
    check_passphrase(passphrase)
    path = target(out, True)
    if path.exists() or path.is_symlink():  # before the work: nothing is overwritten
        raise InvalidInput(f"{path.name} already exists: choose another name (nothing is overwritten)")
    buf = io.BytesIO()
    try:
        write(buf)
        write_new(path, encrypt(buf.getvalue(), passphrase))
    finally:
        buf.seek(0)
        buf.truncate()
    return path


def _pdfs() -> Any:
    return importlib.import_module("fieldwork_app.services.pdfs")


def save_consent_copy(ws: Workspace, consent_id: str, out: Path, *, passphrase: str | None = None) -> Path:
    """The signed consent copy (names and signatures) as a PDF outside the vault; see :func:`save`."""
    row = ws.db.execute("SELECT session_id FROM consent_records WHERE id = ?", (consent_id,)).fetchone()
    if row is None:
        raise NotFound(f"no consent record '{consent_id}'")
    data = bytes(_pdfs().consent_copy_pdf(ws, consent_id, include_identity=True))
    return save(ws, "consent_copy", data, out, session_id=str(row["session_id"]), passphrase=passphrase)


def save_buddy_sheet(
    ws: Workspace, session_id: str, include_address: bool, out: Path, *, passphrase: str | None = None
) -> Path:
    """The lone-working buddy sheet as a PDF outside the vault; see :func:`save`."""
    data = bytes(_pdfs().buddy_sheet_pdf(ws, session_id, include_address))
    return save(ws, "buddy_sheet", data, out, session_id=session_id, passphrase=passphrase)
