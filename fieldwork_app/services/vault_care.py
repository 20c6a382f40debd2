"""Looking after the vault's files: a full check, a backup, and a restore.

``check`` opens both databases with the data key (without migrating or writing anything) and runs
SQLCipher's page check (``PRAGMA cipher_integrity_check``, every page's HMAC) and SQLite's
``PRAGMA integrity_check`` on each, verifies the audit chain, every take and the log's chain.

A backup is one tar file of the data directory as a consistent copy: both databases exported at one
moment (``sqlcipher_export`` under their own keys), the key-slot file, the takes, the log, the settings
and the staged outbox.  It is protected by the vault's own encryption: every member holding research
or identity data is already ciphertext under the vault's keys, opened only through the key slots it
carries (so the passphrases and recovery key valid when it was made).  Each file is hashed as its bytes
go into the tar; the manifest, the tar's last member, lists every file's SHA-256 and size; restore
refuses a backup that does not match it.  A take being recorded is left out (and named).

Restore never deletes: the data directory as it was is renamed aside (``<dir>.before-restore-<time>``)
and the backup's files are put in its place.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from fieldwork_app import audio
from fieldwork_app import log as fwlog
from fieldwork_app.audio import container
from fieldwork_app.errors import FieldworkError, InvalidInput, VaultError
from fieldwork_app.fsutil import fsync_dir, private_dir
from fieldwork_app.paths import DataDir
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.vault import audit, migrations
from fieldwork_app.vault import rekey as journal
from fieldwork_app.vault.db import DatabaseError, cipher_check, integrity_check, open_encrypted
from fieldwork_app.vault.keys import KeySlots, subkey
from fieldwork_app.vault.rekey import SNAPSHOT_PREFIX, hold_snapshot
from fieldwork_app.vault.vault import hold_in_use

BACKUP_FORMAT = "fieldwork-backup"
BACKUP_VERSION = 2
MANIFEST = "fieldwork-backup.json"
_TOP_LEVEL = ("keyslots.json", "research.db", "identity.db", "settings.json")
_FOLDERS = ("audio", "logs", "outbox")
_FREE_MARGIN = 64 * 1024 * 1024  # room left on the disk after a restore

logger = logging.getLogger(__name__)


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def finish_pending_rekey(data_dir: DataDir) -> None:
    """Finish a re-key interrupted after its journal (and drop an interrupted backup's copies)."""
    journal.finish_pending(data_dir)


def check_with_passphrase(data_dir: DataDir, user: str, passphrase: str) -> CheckReport:
    """:func:`check` with the data key opened by ``user``'s passphrase (the databases need not open)."""
    return check(data_dir, KeySlots.load(data_dir.keyslots).unlock_user(user, passphrase))


def check(data_dir: DataDir, data_key: bytes) -> CheckReport:
    """Every check, each reported on its own; nothing is written."""
    report = CheckReport()
    for path, purpose in ((data_dir.research_db, "research-db"), (data_dir.identity_db, "identity-db")):
        try:
            conn = open_encrypted(path, subkey(data_key, purpose))
        except VaultError as exc:
            report.problems.append(exc.message)
            continue
        try:
            pages = cipher_check(conn)
            if pages:
                report.problems.append(
                    f"{path.name}: {len(pages)} page(s) fail SQLCipher's check ({pages[0]})"
                )
            structure = integrity_check(conn)
            if structure:
                report.problems.append(f"{path.name}: SQLite's integrity check: {structure[0]}")
            if not pages and not structure:
                report.checked.append(f"{path.name}: every page and the structure are sound")
            if purpose == "research-db" and not pages:
                try:
                    chain = audit.verify(conn)
                except (ValueError, TypeError):  # the count of entries kept beside the log is not a number
                    report.problems.append("audit log: its count of entries is not a number (the database was altered)")
                except DatabaseError as exc:  # SQLite's own words: a table or column, never a value
                    report.problems.append(
                        f"audit log: cannot be read ({exc}); the database was altered or damaged"
                    )
                except RecursionError:  # the JSON reader's answer to details nested beyond any entry's
                    report.problems.append(
                        "audit log: an entry's details are nested too deeply to be read (the database was altered)"
                    )
                except Exception:  # a damaged table is a finding, not a crash
                    logger.exception("the audit log could not be read")
                    report.problems.append(
                        "audit log: cannot be read: reading it failed unexpectedly, not in a way a damaged or "
                        "altered database is known to fail; the database may be damaged"
                    )
                else:
                    if chain.ok:
                        report.checked.append(f"audit log: intact, {chain.count} entries")
                    else:
                        report.problems.append(
                            f"audit log: broken at entry {chain.first_bad_seq}: {chain.problem}"
                        )
                for name in _left_after_deletion(conn, data_dir):
                    report.problems.append(
                        f"{name}: deleted in the database (a withdrawal or a purge) but still here; "
                        "deleted at the next unlock"
                    )
        finally:
            conn.close()
    takes = sorted(data_dir.audio.rglob(f"*{audio.TAKE_SUFFIX}")) if data_dir.audio.exists() else []
    bad = 0
    for take in takes:
        if audio.is_live(take):
            continue
        try:
            header = container.read_header(take)
            key = subkey(data_key, f"recording/{header.recording_id}")
            sealed = container.is_sealed(take)
            for _rec in container.iter_records(take, key, allow_torn_tail=not sealed):
                pass
        except FieldworkError as exc:
            bad += 1
            report.problems.append(f"take {take.relative_to(data_dir.root)}: {exc.message}")
    report.checked.append(f"takes: {len(takes) - bad} of {len(takes)} read back whole")
    log_report = fwlog.check_log(data_dir.logs, subkey(data_key, "log"))
    for text in log_report.problems[:3]:
        report.problems.append(f"log: {text}")
    if len(log_report.problems) > 3:
        report.problems.append(
            f"log: {len(log_report.problems) - 3} more problem(s) (see 'fieldwork log show')"
        )
    if not log_report.problems:
        report.checked.append(f"log: {len(log_report.lines)} lines, chain unbroken")
    unexpected = _unexpected_files(data_dir)
    for name in unexpected:
        if name.startswith(SNAPSHOT_PREFIX):
            report.problems.append(
                f"{name}: database copies a backup is making now, or one left behind (removed at the next "
                "unlock when no backup holds it)"
            )
        else:
            report.problems.append(f"{name}: not a file Fieldwork makes in its data directory; look at it")
    if not unexpected:
        report.checked.append("data directory: no unexpected files")
    return report


def _left_after_deletion(conn: Any, data_dir: DataDir) -> list[str]:
    try:
        takes = conn.execute("SELECT id, session_id FROM recordings WHERE purged_at IS NOT NULL").fetchall()
        held = conn.execute("SELECT bundle_id FROM outbox WHERE state = 'withdrawn'").fetchall()
    except Exception:  # noqa: BLE001 - an unreadable table is reported by the checks above
        return []
    out = []
    for rid, sid in takes:
        f = data_dir.audio / str(sid) / f"{rid}{audio.TAKE_SUFFIX}"
        if f.exists():
            out.append(str(PurePosixPath(f.relative_to(data_dir.root))))
    for (bundle,) in held:
        f = data_dir.outbox / str(bundle)
        if str(bundle) and "/" not in str(bundle) and f.exists():
            out.append(f"outbox/{bundle}")
    return out


_EXPECTED = {"keyslots.json", "keyslots.lock", "vault.lock", "research.db", "identity.db", "settings.json",
             "audio", "logs", "outbox", "rekey"}  # fmt: skip


def _unexpected_files(data_dir: DataDir) -> list[str]:
    """Names at the top of the data directory that Fieldwork does not make (temporary files it makes
    while writing one of its own files atomically are expected)."""
    out = []
    for p in sorted(data_dir.root.iterdir()) if data_dir.root.is_dir() else []:
        name = p.name
        base = name.split(".tmp")[0].rsplit(".", 1)[0] if name.endswith(".tmp") else name
        for suffix in ("-wal", "-shm", "-journal"):
            base = base.removesuffix(suffix)
        if base not in _EXPECTED:
            out.append(name)
    return out


# -- backup ------------------------------------------------------------------------------------------------
@dataclass
class BackupResult:
    files: int
    # Takes being recorded while the backup was made (another window or command): left out, named here.
    skipped_live: list[str] = field(default_factory=list)


class _HashingReader:
    """Reads a file for the tar and hashes exactly the bytes that go into it (a file that grows meanwhile
    is copied, and hashed, up to the size the tar header gives)."""

    def __init__(self, fh: Any) -> None:
        self._fh = fh
        self.sha256 = hashlib.sha256()

    def read(self, n: int = -1) -> bytes:
        data: bytes = self._fh.read(n)
        self.sha256.update(data)
        return data


def _files(data_dir: DataDir) -> Iterator[tuple[str, Path]]:
    for name in ("keyslots.json", "settings.json"):
        p = data_dir.root / name
        if p.is_file():
            yield name, p
    for folder in _FOLDERS:
        base = data_dir.root / folder
        if base.is_dir():
            for p in sorted(base.rglob("*")):
                if p.is_file() and not p.is_symlink():
                    yield str(PurePosixPath(p.relative_to(data_dir.root))), p


def backup(ws: Workspace, out: Path) -> BackupResult:
    """Write a backup of the open vault to ``out`` (never overwritten).  Each file is hashed as its bytes
    go into the tar, and the manifest is written last, so a file that changes meanwhile (the log, a
    staged bundle) is recorded as it was copied.  A take being recorded is left out and named."""
    dd = ws.data_dir
    out = out.expanduser().absolute()
    if out.exists():
        raise InvalidInput(f"{out} already exists; a backup never overwrites a file")
    if dd.root.resolve() in out.resolve().parents:
        raise InvalidInput(f"{out} is inside the data directory; write the backup somewhere else")
    snap = Path(tempfile.mkdtemp(prefix=SNAPSHOT_PREFIX, dir=dd.root))
    snap_lock = hold_snapshot(snap)
    try:
        vault = ws.vault
        key = vault.data_key_for_rekey()
        journal.export_database(
            vault.db, snap / "research.db", subkey(key, "research-db"), migrations.current_version(vault.db)
        )
        journal.export_database(
            vault.idb, snap / "identity.db", subkey(key, "identity-db"), migrations.current_version(vault.idb)
        )
        members = [("research.db", snap / "research.db"), ("identity.db", snap / "identity.db")]
        skipped: list[str] = []
        for name, path in _files(dd):
            if path.name.endswith(audio.TAKE_SUFFIX) and audio.is_live(path):
                skipped.append(name)
            else:
                members.append((name, path))
        files: dict[str, dict[str, Any]] = {}
        tmp = out.with_name(out.name + ".part")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with (
                os.fdopen(fd, "wb") as raw,
                tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar,
            ):
                for name, path in members:
                    try:
                        fh = open(path, "rb")  # noqa: SIM115 - closed below
                    except FileNotFoundError:
                        continue  # gone meanwhile (a staged bundle sent, a log rotated)
                    with fh:
                        info = tarfile.TarInfo(name)
                        info.size = os.fstat(fh.fileno()).st_size
                        info.mode, info.mtime = 0o600, int(os.fstat(fh.fileno()).st_mtime)
                        reader = _HashingReader(fh)
                        tar.addfile(info, reader)
                    files[name] = {"sha256": reader.sha256.hexdigest(), "size": info.size}
                manifest = {
                    "format": BACKUP_FORMAT,
                    "version": BACKUP_VERSION,
                    "vault_id": vault.slots.vault_id,
                    "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "files": files,
                    "skipped_live_takes": skipped,
                }
                body = json.dumps(manifest, indent=2, sort_keys=True).encode("utf-8")
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mode = len(body), 0o600
                tar.addfile(info, io.BytesIO(body))
                tar.close()
                raw.flush()
                os.fsync(raw.fileno())
            os.link(tmp, out)  # never replaces a file that appeared meanwhile
        finally:
            tmp.unlink(missing_ok=True)
        fsync_dir(out.parent)
    finally:
        shutil.rmtree(snap, ignore_errors=True)
        os.close(snap_lock)
    vault.audit(
        "vault.backup", "vault", vault.slots.vault_id, detail={"files": len(files), "skipped": len(skipped)}
    )
    return BackupResult(len(files), skipped)


# -- restore -----------------------------------------------------------------------------------------------
def _safe_name(name: str) -> str:
    p = PurePosixPath(name)
    if p.is_absolute() or ".." in p.parts or not p.parts:
        raise InvalidInput(
            f"the backup holds a file outside the data directory ({name!r}); nothing was restored"
        )
    if len(p.parts) == 1 and name not in _TOP_LEVEL:
        raise InvalidInput(f"the backup holds an unexpected file ({name!r}); nothing was restored")
    if len(p.parts) > 1 and p.parts[0] not in _FOLDERS:
        raise InvalidInput(f"the backup holds an unexpected folder ({name!r}); nothing was restored")
    return name


def _read_manifest(tar: tarfile.TarFile, member: tarfile.TarInfo, path: Path) -> dict[str, dict[str, Any]]:
    """The manifest's list of files: for each, its SHA-256 and size."""
    if not member.isfile() or member.size > 16 * 1024 * 1024:
        raise InvalidInput(f"{path}: the backup's manifest is damaged; nothing was restored")
    fh = tar.extractfile(member)
    assert fh is not None
    try:
        manifest = json.loads(fh.read())
        if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
            raise ValueError("not a Fieldwork backup")
        if manifest.get("version") != BACKUP_VERSION:
            raise ValueError(f"a backup of format {manifest.get('version')!r}, this version reads {BACKUP_VERSION}")
        files = manifest.get("files")
        if not isinstance(files, dict):
            raise ValueError("no list of files")
        out: dict[str, dict[str, Any]] = {}
        for name, entry in files.items():
            digest, size = entry.get("sha256"), entry.get("size")
            if not isinstance(digest, str) or isinstance(size, bool) or not isinstance(size, int) or size < 0:
                raise ValueError(f"the entry for {name!r} is malformed")
            out[str(name)] = {"sha256": digest, "size": size}
    except (ValueError, AttributeError) as exc:
        raise InvalidInput(
            f"{path}: the backup's manifest is damaged ({exc}); nothing was restored"
        ) from None
    return out


def restore(backup_file: Path, data_dir: DataDir) -> Path | None:
    """Put the backup in place of the data directory; returns where the old directory was kept (if any)."""
    backup_file = backup_file.expanduser()
    if not backup_file.is_file():
        raise InvalidInput(f"{backup_file}: no such backup file")
    root = data_dir.root.absolute()
    root.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{root.name}.restoring-", dir=root.parent))
    try:
        try:
            tar = tarfile.open(backup_file, mode="r:")  # noqa: SIM115 - closed by the with below
            with tar:
                members = tar.getmembers()
        except (tarfile.TarError, OSError) as exc:
            raise InvalidInput(
                f"{backup_file}: not a Fieldwork backup ({exc}); nothing was restored"
            ) from None
        # The manifest is written last, once every file is in: a backup without it is cut short.
        if not members or members[-1].name != MANIFEST or sum(m.name == MANIFEST for m in members) != 1:
            raise InvalidInput(
                f"{backup_file}: not a whole Fieldwork backup (no manifest at its end); nothing was restored"
            )
        tar = tarfile.open(backup_file, mode="r:")  # noqa: SIM115 - closed by the with below
        with tar:
            expected = _read_manifest(tar, members[-1], backup_file)
            total = 0
            for member in members[:-1]:
                name = _safe_name(member.name)
                # Plain files only: a sparse member (GNU or PAX) would write far more than the backup holds.
                if member.type not in (tarfile.REGTYPE, tarfile.AREGTYPE) or member.issparse():
                    raise InvalidInput(f"{backup_file}: unexpected member {name!r}; nothing was restored")
                if name in expected and member.size != expected[name]["size"]:
                    raise InvalidInput(
                        f"{backup_file}: {name} is not the size the manifest gives; nothing was restored"
                    )
                total += member.size
            free = shutil.disk_usage(work).free
            if total + _FREE_MARGIN > free:
                raise InvalidInput(
                    f"{backup_file}: restoring needs {total // 2**20} MiB and {work.parent} has "
                    f"{free // 2**20} MiB free; make room first; nothing was restored"
                )
            seen: set[str] = set()
            for member in members[:-1]:
                name = member.name
                if name not in expected or name in seen:
                    raise InvalidInput(f"{backup_file}: unexpected member {name!r}; nothing was restored")
                target = work / name
                private_dir(target.parent)
                src = tar.extractfile(member)
                assert src is not None
                h = hashlib.sha256()
                with open(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as dst:
                    while chunk := src.read(1 << 20):
                        h.update(chunk)
                        dst.write(chunk)
                    dst.flush()
                    os.fsync(dst.fileno())
                if h.hexdigest() != expected[name]["sha256"]:
                    raise InvalidInput(
                        f"{backup_file}: {name} is damaged in the backup; nothing was restored"
                    )
                seen.add(name)
        missing = sorted(set(expected) - seen)
        if missing:
            raise InvalidInput(
                f"{backup_file}: the backup is cut short ({missing[0]} is missing); nothing was restored"
            )
        restored = DataDir(work)
        KeySlots.load(restored.keyslots)
        for db in (restored.research_db, restored.identity_db):
            if not db.is_file() or db.stat().st_size == 0:
                raise InvalidInput(f"{backup_file}: the backup has no {db.name}; nothing was restored")
        for folder in _FOLDERS:
            private_dir(work / folder)
        os.chmod(work, 0o700)
        kept: Path | None = None
        lock_fd = None
        if root.exists():
            if data_dir.keyslots.exists():
                lock_fd = hold_in_use(data_dir, exclusive=True)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            kept = root.with_name(f"{root.name}.before-restore-{stamp}")
            n = 1
            while kept.exists():
                n += 1
                kept = root.with_name(f"{root.name}.before-restore-{stamp}-{n}")
            os.rename(root, kept)
        try:
            os.rename(work, root)
        except OSError:
            if kept is not None:
                os.rename(kept, root)
            raise
        finally:
            if lock_fd is not None:
                os.close(lock_fd)
        fsync_dir(root.parent)
        return kept
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
