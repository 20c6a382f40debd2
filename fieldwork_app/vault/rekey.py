"""The re-key journal: how a new data key replaces the old one without a moment when the vault cannot open.

``fieldwork vault rekey`` (see :mod:`fieldwork_app.services.rekey`) prepares a complete copy of
everything the data key protects in ``<data dir>/rekey/`` (both databases exported under the new key,
every take and the log sealed again, the key-slot file with the new key sealed to every slot), each
file fsynced.  Then it writes ``rekey/journal.json``, listing the files to move into place and the
files to delete: writing the journal is the moment of commitment.

* Before the journal exists, the old vault is untouched; the half-made ``rekey/`` folder is removed at
  the next unlock (the old key still opens everything).
* Once the journal exists, the moves are finished by whoever comes next (the re-keying command
  itself, or the next unlock after a crash), each move an atomic rename, so the vault opens with the
  new key only.  Moves already made are skipped; the journal is removed last.

Everything here holds the key-slot lock, so a re-key and an unlock never interleave.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
from pathlib import Path
from typing import Any

from fieldwork_app.errors import ErrorKind, VaultError
from fieldwork_app.fsutil import fsync_dir, private_dir
from fieldwork_app.paths import DataDir
from fieldwork_app.vault.keys import slot_lock, write_json_atomic

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)

# A backup's consistent copies of both databases, under the data key of that moment, are made in a
# folder ``<data dir>/.backup-*`` that the backup holds locked while it runs.
SNAPSHOT_PREFIX = ".backup-"

JOURNAL_FORMAT = "fieldwork-rekey"
ENV_CRASH_AT = "FIELDWORK_TEST_CRASH_AT"


def stage_dir(data_dir: DataDir) -> Path:
    return data_dir.root / "rekey"


def journal_path(data_dir: DataDir) -> Path:
    return stage_dir(data_dir) / "journal.json"


def crash_point(name: str) -> None:
    """The test suite (and only it: both of its switches) can end the process here, as a power cut would."""
    if os.environ.get("FIELDWORK_TEST_SUITE") == "1" and os.environ.get(ENV_CRASH_AT) == name:
        os._exit(137)


def _safe_rel(rel: Any) -> str:
    if not isinstance(rel, str) or not rel or rel.startswith("/") or ".." in Path(rel).parts:
        raise VaultError("the re-key journal is damaged (a path is not inside the data directory)")
    return rel


def commit(data_dir: DataDir, moves: list[str], deletes: list[str], vault_id: str) -> None:
    """Write the journal (the point of no return).  The caller holds the key-slot lock."""
    write_json_atomic(
        journal_path(data_dir),
        {"format": JOURNAL_FORMAT, "vault_id": vault_id, "moves": moves, "deletes": deletes},
    )
    fsync_dir(stage_dir(data_dir))


def apply(data_dir: DataDir) -> bool:
    """Finish a committed re-key, or drop an uncommitted one.  The caller holds the key-slot lock.
    Returns True when a committed re-key was finished."""
    stage = stage_dir(data_dir)
    if not stage.exists():
        return False
    journal = journal_path(data_dir)
    if not journal.exists():
        shutil.rmtree(stage, ignore_errors=True)
        logger.info("an unfinished re-key was dropped; the vault keeps its old key")
        return False
    try:
        body = json.loads(journal.read_text(encoding="utf-8"))
        if body.get("format") != JOURNAL_FORMAT:
            raise ValueError("not a re-key journal")
        moves = [_safe_rel(r) for r in body["moves"]]
        deletes = [_safe_rel(r) for r in body["deletes"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise VaultError(
            f"{journal}: the re-key journal cannot be read ({exc}); the vault is left as it is",
            kind=ErrorKind.VAULT_CORRUPT,
        ) from None
    for n, rel in enumerate(moves):
        src, dst = stage / rel, data_dir.root / rel
        if not src.exists():
            continue  # moved before an interruption
        if dst.suffix == ".db":
            # The old database's WAL and index must never be read against the new file.
            for extra in ("-wal", "-shm", "-journal"):
                Path(str(dst) + extra).unlink(missing_ok=True)
        private_dir(dst.parent)
        os.replace(src, dst)
        fsync_dir(dst.parent)
        crash_point(f"move-{n}")
    for rel in deletes:
        (data_dir.root / rel).unlink(missing_ok=True)
    journal.unlink()
    shutil.rmtree(stage, ignore_errors=True)
    fsync_dir(data_dir.root)
    logger.info("a re-key was finished")
    return True


def finish_pending(data_dir: DataDir) -> None:
    """Called before every unlock: a re-key interrupted after its journal is finished now, and the
    database copies an interrupted backup left behind are removed."""
    remove_stale_snapshots(data_dir)
    if not stage_dir(data_dir).exists() or not data_dir.keyslots.exists():
        return
    with slot_lock(data_dir.keyslots):
        apply(data_dir)


def hold_snapshot(folder: Path) -> int:
    """Lock a backup's snapshot folder while the backup runs (returns the descriptor to close).  If a
    cleanup removed the new folder before the lock was taken, a fresh folder is made in its place."""
    while True:
        try:
            fd = os.open(folder, os.O_RDONLY)
        except FileNotFoundError:
            private_dir(folder)
            continue
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        if folder.is_dir():
            return fd
        os.close(fd)
        private_dir(folder)


def remove_stale_snapshots(data_dir: DataDir, *, all_of_them: bool = False) -> list[str]:
    """Remove the ``.backup-*`` folders no running backup holds (all of them with ``all_of_them``, for a
    caller holding the vault exclusively): they are database copies under an old data key, which a
    re-key would not reach.  Returns the names removed."""
    removed: list[str] = []
    if not data_dir.root.is_dir():
        return removed
    for folder in sorted(data_dir.root.glob(SNAPSHOT_PREFIX + "*")):
        if folder.is_symlink() or not folder.is_dir():
            folder.unlink(missing_ok=True)
            removed.append(folder.name)
            continue
        try:
            fd = os.open(folder, os.O_RDONLY)
        except FileNotFoundError:
            continue  # removed by another process meanwhile
        try:
            if fcntl is not None and not all_of_them:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue  # a backup is being made now
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
        finally:
            os.close(fd)
    if removed:
        fsync_dir(data_dir.root)
        logger.info("removed %d database copies an interrupted backup left behind", len(removed))
    return removed


def export_database(conn: Any, dst: Path, key: bytes, user_version: int) -> None:
    """A consistent copy of an open database, encrypted under ``key`` (``sqlcipher_export``)."""
    if dst.exists():
        dst.unlink()
    conn.execute("ATTACH DATABASE ? AS fw_export KEY ?", (str(dst), f"x'{key.hex()}'"))
    try:
        conn.execute("SELECT sqlcipher_export('fw_export')")
        conn.execute(f"PRAGMA fw_export.user_version = {int(user_version)}")
    finally:
        conn.execute("DETACH DATABASE fw_export")
    with open(dst, "rb+") as fh:
        os.fsync(fh.fileno())
    with contextlib.suppress(OSError):
        os.chmod(dst, 0o600)
