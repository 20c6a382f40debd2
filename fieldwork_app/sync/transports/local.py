"""A folder store: a directory on a mounted share (SMB/NFS), a USB disk, or a local folder.

Objects are written to a temporary name in the target directory, fsynced, and renamed into place,
then the directory is fsynced, so a crash or a pulled cable leaves either no object or a whole one.

Whoever can write to the store can put anything in it, so objects are read without following a
symbolic link anywhere below the store's root (each folder is opened relative to the one before,
with ``O_NOFOLLOW``), and only regular files are read: a FIFO is opened without blocking and then
refused, as is a device or a socket.

An object or a folder this account may not read (a store writer can make one: ``chmod 000``) is that
object's problem, named by its path: reading it raises a :class:`StoreError` of kind ``STORE_ERROR``, and a
folder that cannot be listed is kept in :attr:`LocalTransport.unlisted` by :meth:`list` (see
:func:`~fieldwork_app.sync.transports.base.unlisted_folders`).  Only the store's own folder being unreadable
ends a run.
"""

from __future__ import annotations

import errno
import logging
import os
import secrets as _secrets
import stat as _stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from fieldwork_app.errors import ErrorKind, StoreError
from fieldwork_app.fsutil import fsync_dir
from fieldwork_app.sync.transports.base import (
    READ_BLOCK,
    TEMP_MARK,
    Progress,
    auth_failed,
    check_name,
    read_blocks,
    store_error,
    store_full,
    unreachable,
)

logger = logging.getLogger(__name__)


class LocalTransport:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.name = f"folder {self.root}"
        self.unlisted: list[tuple[str, str]] = []  # folders the last list() could not read: (name, why)

    # -- helpers -------------------------------------------------------------------------------
    def _path(self, name: str) -> Path:
        return self.root / check_name(name)

    def _refused(self, what: str) -> StoreError:
        """An object a reader must not open: named, with no advice to try again (it will not change)."""
        return StoreError(f"{what} in the study store {self.name}: not read (only regular files are read)",
                          kind=ErrorKind.STORE_ERROR)  # fmt: skip

    def _open_regular(self, name: str) -> int:
        """A read-only descriptor of the regular file ``name``, reached without following any link."""
        parts = check_name(name).split("/")
        if os.open not in os.supports_dir_fd or not hasattr(os, "O_NOFOLLOW"):
            return self._open_regular_by_lstat(name, parts)
        nofollow = os.O_NOFOLLOW
        fd = os.open(self.root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            for part in parts[:-1]:
                nfd = os.open(part, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | nofollow, dir_fd=fd)
                os.close(fd)
                fd = nfd
            try:
                out = os.open(parts[-1], os.O_RDONLY | nofollow | getattr(os, "O_NONBLOCK", 0), dir_fd=fd)
            except OSError as exc:
                if exc.errno in (errno.ELOOP, errno.EMLINK):
                    raise self._refused(f"object {name} is a symbolic link") from None
                raise
        except NotADirectoryError:
            raise self._refused(f"a folder on the way to {name} is a link or a file") from None
        finally:
            os.close(fd)
        if not _stat.S_ISREG(os.fstat(out).st_mode):
            os.close(out)
            raise self._refused(f"object {name} is not a regular file (a FIFO, device or link)")
        return out

    def _open_regular_by_lstat(self, name: str, parts: list[str]) -> int:
        """Where descriptors relative to a folder are not offered (Windows): every step is checked with
        ``lstat`` (no link, no junction, folders then a regular file) before the file is opened."""
        path = self.root
        for i, part in enumerate(parts):
            path = path / part
            st = os.lstat(path)
            last = i == len(parts) - 1
            if _stat.S_ISLNK(st.st_mode) or bool(getattr(st, "st_reparse_tag", 0)):
                raise self._refused(f"{'object' if last else 'a folder on the way to'} {name} is a link")
            if not last and not _stat.S_ISDIR(st.st_mode):
                raise self._refused(f"a folder on the way to {name} is a file")
            if last and not _stat.S_ISREG(st.st_mode):
                raise self._refused(f"object {name} is not a regular file")
        return os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))

    def _ensure_root(self) -> None:
        if not self.root.is_dir():
            raise unreachable(self.name, "the folder does not exist; is the share mounted?")

    def _map(self, exc: OSError) -> StoreError:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return store_full(self.name, os.strerror(exc.errno))
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return auth_failed(self.name, "no permission to write to the folder")
        if exc.errno in (errno.ENOENT, errno.ESTALE, errno.ENOTCONN, errno.EHOSTDOWN, errno.EIO):
            return unreachable(self.name, exc.strerror or "I/O error")
        return store_error(self.name, exc.strerror or exc.__class__.__name__)

    def _map_read(self, exc: OSError, name: str) -> StoreError:
        """A read refused for one object (no permission, a link loop) is that object's problem, not the store's."""
        if exc.errno in (errno.EACCES, errno.EPERM, errno.ELOOP):
            why = "permission denied" if exc.errno != errno.ELOOP else "a symbolic link on the way"
            return StoreError(f"object {name} in the study store {self.name} cannot be read ({why}); it is "
                              "not read, the rest of the store is", kind=ErrorKind.STORE_ERROR)  # fmt: skip
        return self._map(exc)

    def _write(self, name: str, blocks: Iterator[bytes], progress: Progress | None) -> None:
        self._ensure_root()
        final = self._path(name)
        tmp = final.with_name(f"{final.name}{TEMP_MARK}{_secrets.token_hex(4)}")
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            sent = 0
            with open(tmp, "wb") as fh:
                for block in blocks:
                    fh.write(block)
                    sent += len(block)
                    if progress is not None:
                        progress(sent)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, final)
            fsync_dir(final.parent)
        except OSError as exc:
            raise self._map(exc) from None
        finally:
            if tmp.exists():
                try:
                    tmp.unlink()
                except OSError:
                    pass

    # -- protocol ------------------------------------------------------------------------------
    def stat(self, name: str) -> int | None:
        self._ensure_root()
        try:
            fd = self._open_regular(name)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise self._map_read(exc, name) from None
        try:
            return os.fstat(fd).st_size
        finally:
            os.close(fd)

    def put(
        self, name: str, src: BinaryIO, size: int, progress: Progress | None = None, *, md5: str | None = None
    ) -> None:
        self._write(name, read_blocks(src, size), progress)

    def put_atomic(self, name: str, data: bytes) -> None:
        self._write(name, iter([data]), None)

    def get(self, name: str) -> bytes:
        return b"".join(self.iter_get(name))

    def iter_get(self, name: str) -> Iterator[bytes]:
        self._ensure_root()
        try:
            with os.fdopen(self._open_regular(name), "rb") as fh:
                while block := fh.read(READ_BLOCK):
                    yield block
        except FileNotFoundError:
            raise store_error(self.name, f"object {name} is missing") from None
        except OSError as exc:
            raise self._map_read(exc, name) from None

    def list(self, prefix: str) -> list[str]:
        self._ensure_root()
        out: list[str] = []
        unlisted: list[tuple[str, str]] = []

        def refused(exc: OSError) -> None:
            where = Path(exc.filename or self.root)
            if where == self.root:
                raise exc  # the store's own folder: the whole store is unreadable
            rel = where.relative_to(self.root).as_posix()
            if rel.startswith(prefix) or prefix.startswith(rel + "/"):
                unlisted.append((rel, exc.strerror or type(exc).__name__))

        try:
            for dirpath, dirs, files in os.walk(self.root, onerror=refused):  # never follows a linked folder
                linked = [d for d in dirs if os.path.islink(os.path.join(dirpath, d))]
                for fname in files + linked:  # listed so a reader names them; reading them is refused
                    if TEMP_MARK in fname:
                        continue
                    rel = Path(dirpath, fname).relative_to(self.root).as_posix()
                    if rel.startswith(prefix):
                        out.append(rel)
        except OSError as exc:
            raise self._map(exc) from None
        self.unlisted = sorted(unlisted)
        return sorted(out)

    def delete(self, name: str) -> None:
        try:
            self._path(name).unlink(missing_ok=True)
        except OSError as exc:
            raise self._map(exc) from None

    def checksum(self, name: str) -> str | None:
        return None  # reading the file back is exactly what a "server" checksum would do here

    def close(self) -> None:
        return None
