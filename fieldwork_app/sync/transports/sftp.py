"""SFTP store via paramiko.

Host keys: if ``options["known_hosts"]`` names a file, the server's key must be in it.  Otherwise
the key in ``options["host_key"]`` (``"<type> <base64>"``, as :attr:`SftpTransport.host_key`
reports it) is pinned.  With neither, the first key seen is accepted and exposed as
:attr:`SftpTransport.host_key` so the caller can store it as the pin ("accept and pin"); later
connections of the same transport must present the same key.

Verification: where the account may run commands, the server's own ``openssl dgst -sha256`` (or
``sha256sum`` where OpenSSL's tool is missing) hashes the stored file (that hash covers the bytes
on the server's disk); otherwise the engine reads the object back.
"""

from __future__ import annotations

import io
import logging
import posixpath
import secrets as _secrets
import shlex
import socket
import stat as _stat
import threading
from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO

import paramiko

from fieldwork_app.errors import ErrorKind, FieldworkError, StoreError
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

_NET_ERRORS = (OSError, EOFError, paramiko.SSHException, socket.timeout)
_KEY_CLASSES: tuple[type[paramiko.PKey], ...] = (paramiko.Ed25519Key, paramiko.ECDSAKey, paramiko.RSAKey)


_HEX = frozenset("0123456789abcdef")


def _hash_command(paths: list[str]) -> str:
    """A POSIX shell command printing the SHA-256 of each file, one line each.

    OpenSSL's ``dgst`` uses the CPU's SHA extensions and hashes several times faster than
    coreutils ``sha256sum`` (which many distributions build without them); on a busy server that
    is the difference between verification keeping pace with the upload or slowing it down.
    ``sha256sum`` is the fallback where OpenSSL's command-line tool is not installed.
    """
    quoted = " ".join(shlex.quote(p) for p in paths)
    return (
        f"if command -v openssl >/dev/null 2>&1; then openssl dgst -sha256 -r {quoted}; "
        f"else sha256sum -- {quoted}; fi"
    )


class SftpTransport:
    def __init__(self, host: str, port: int, user: str, root: str, options: dict[str, Any],
                 secrets: dict[str, str]) -> None:  # fmt: skip
        self.host, self.port, self.user, self.root = host, port, user, root.rstrip("/") or "/"
        self.name = f"sftp://{user}@{host}:{port}{self.root}"
        self._options = options
        self._secrets = secrets
        self.host_key: str | None = options.get("host_key")
        self._timeout = float(options.get("timeout", 15))
        self._remote_hash: bool | None = None if options.get("remote_sha256", True) else False
        self._transport: paramiko.Transport | None = None
        self._sftp: paramiko.SFTPClient | None = None
        self._made_dirs: set[str] = set()
        self._hash_ssh: paramiko.Transport | None = None
        self._hash_chan: paramiko.Channel | None = None
        self._hash_end = f"fieldwork-hash-end-{_secrets.token_hex(8)}"
        self._hash_lock = threading.Lock()

    # -- connection ----------------------------------------------------------------------------
    def _load_key(self) -> paramiko.PKey | None:
        passphrase = self._secrets.get("key_passphrase")
        text = self._secrets.get("private_key")
        path = self._options.get("key_file")
        if not text and not path:
            return None
        for cls in _KEY_CLASSES:
            try:
                if text:
                    return cls.from_private_key(io.StringIO(text), password=passphrase)
                return cls.from_private_key_file(str(path), password=passphrase)
            except paramiko.PasswordRequiredException:
                raise auth_failed(self.name, "the SSH key needs its passphrase") from None
            except (paramiko.SSHException, ValueError):
                continue
            except OSError:
                raise store_error(self.name, f"cannot read SSH key file {path}") from None
        raise auth_failed(self.name, "the SSH key could not be read (wrong passphrase or format)")

    def _check_host_key(self, key: paramiko.PKey) -> None:
        seen = f"{key.get_name()} {key.get_base64()}"
        known = self._options.get("known_hosts")
        if known:
            hk = paramiko.HostKeys()
            try:
                hk.load(str(known))
            except OSError:
                raise store_error(self.name, f"cannot read known_hosts file {known}") from None
            lookup = self.host if self.port == 22 else f"[{self.host}]:{self.port}"
            entry = hk.lookup(lookup)
            if entry is None or entry.get(key.get_name()) != key:
                raise auth_failed(self.name, "the server's host key is not in known_hosts")
            return
        if self.host_key is None:
            logger.info("accepting and pinning the host key of %s", self.name)
            self.host_key = seen
        elif self.host_key != seen:
            raise auth_failed(self.name, "the server's host key changed; do not sync, tell the data manager")

    def _open_ssh(self) -> paramiko.Transport:
        """A new authenticated SSH connection (host key checked before any credential is sent)."""
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self._timeout)
        except OSError as exc:
            raise unreachable(self.name, exc.strerror or exc.__class__.__name__) from None
        transport = paramiko.Transport(sock)
        try:
            transport.start_client(timeout=self._timeout)
            self._check_host_key(transport.get_remote_server_key())
            key = self._load_key()
            if key is not None:
                transport.auth_publickey(self.user, key)
            elif "password" in self._secrets:
                transport.auth_password(self.user, self._secrets["password"])
            else:
                raise auth_failed(self.name, "no SSH key or password configured")
        except paramiko.AuthenticationException:
            transport.close()
            raise auth_failed(self.name) from None
        except StoreError:
            transport.close()
            raise
        except _NET_ERRORS as exc:
            transport.close()
            raise unreachable(self.name, str(exc) or exc.__class__.__name__) from None
        return transport

    def _connect(self) -> paramiko.SFTPClient:
        if self._sftp is not None:
            return self._sftp
        transport = self._open_ssh()
        try:
            sftp = paramiko.SFTPClient.from_transport(transport)
            if sftp is None:
                raise store_error(self.name, "the server offers no SFTP subsystem")
            sftp.get_channel().settimeout(self._timeout)  # type: ignore[union-attr]
        except StoreError:
            transport.close()
            raise
        except _NET_ERRORS as exc:
            transport.close()
            raise unreachable(self.name, str(exc) or exc.__class__.__name__) from None
        self._transport, self._sftp = transport, sftp
        return sftp

    def _drop(self) -> None:
        if self._transport is not None:
            self._transport.close()
        self._transport = self._sftp = None
        self._made_dirs.clear()

    def _remote(self, name: str) -> str:
        return posixpath.join(self.root, check_name(name))

    def _map(self, exc: BaseException, what: str) -> StoreError:
        """Sort a paramiko failure into the store error kinds.

        A dead SSH transport means the network (or the server) went away, whatever exception
        paramiko surfaced; SFTP status errors on a live connection are the server's answer.
        """
        if isinstance(exc, StoreError):
            return exc
        alive = self._transport is not None and self._transport.is_active()
        if not alive or isinstance(exc, ConnectionError | EOFError | socket.timeout | paramiko.SSHException):
            self._drop()  # reconnect on the next call
            return unreachable(self.name, f"connection lost during {what}")
        if isinstance(exc, PermissionError):
            return auth_failed(self.name, f"no permission to {what}")
        text = str(exc).lower()
        if "no space" in text or "quota" in text:
            return store_full(self.name)
        return store_error(self.name, f"{what}: {exc}")

    def _mkdirs(self, sftp: paramiko.SFTPClient, directory: str) -> None:
        if directory in self._made_dirs or directory in ("", "/"):
            return
        try:
            if _stat.S_ISDIR(sftp.stat(directory).st_mode or 0):
                self._made_dirs.add(directory)
                return
        except FileNotFoundError:
            pass
        self._mkdirs(sftp, posixpath.dirname(directory))
        try:
            sftp.mkdir(directory, mode=0o700)
        except OSError:
            if not _stat.S_ISDIR(sftp.stat(directory).st_mode or 0):
                raise
        self._made_dirs.add(directory)

    # -- protocol ------------------------------------------------------------------------------
    def stat(self, name: str) -> int | None:
        sftp = self._connect()
        try:
            return sftp.stat(self._remote(name)).st_size
        except FileNotFoundError:
            return None
        except Exception as exc:
            raise self._map(exc, "check an object") from None

    def _write(self, name: str, blocks: Iterator[bytes], size: int, progress: Progress | None) -> None:
        sftp = self._connect()
        final = self._remote(name)
        tmp = f"{final}{TEMP_MARK}{_secrets.token_hex(4)}"
        try:
            self._mkdirs(sftp, posixpath.dirname(final))
            with sftp.open(tmp, "wb") as fh:
                fh.set_pipelined(True)
                sent = 0
                for block in blocks:
                    fh.write(block)
                    sent += len(block)
                    if progress is not None:
                        progress(sent)
                # Pipelined writes are answered later, and paramiko's close() drops a refused write (a full
                # disk answers "Failure"): ask what the server holds before the object takes its name.
                stored = fh.stat().st_size
                if stored != sent:
                    raise OSError(f"the server stored {stored} of {sent} bytes")
            sftp.posix_rename(tmp, final)
        except BaseException as exc:
            if self._sftp is not None:
                try:
                    sftp.remove(tmp)
                except Exception:
                    pass
            if isinstance(exc, Exception) and not isinstance(exc, FieldworkError):
                raise self._full_or(
                    self._map(exc, "upload an object"), posixpath.dirname(final), size
                ) from None
            raise

    def _full_or(self, error: StoreError, directory: str, size: int) -> StoreError:
        """OpenSSH answers a full disk with a bare "Failure": ask the server how much room is left."""
        if error.kind is not ErrorKind.STORE_ERROR:
            return error
        free = self.free_bytes(directory)
        return (
            store_full(self.name, f"{free // 1024} KiB left") if free is not None and free < size else error
        )

    def free_bytes(self, directory: str) -> int | None:
        """Free bytes where ``directory`` lives (``df`` on the server), or None if it cannot be asked."""
        if self._remote_hash is False:
            return None
        with self._hash_lock:
            try:
                chan = self._hash_shell()
                if chan is None:
                    return None
                path = ("./" if directory.startswith("-") else "") + (directory or ".")
                chan.sendall(
                    f"df -Pk {shlex.quote(path)} 2>/dev/null | tail -n 1; echo {self._hash_end}\n".encode()
                )
                out = self._read_until_end(chan).decode("utf-8", "replace").split()
            except Exception:
                self._close_hash()
                return None
        try:
            return int(out[3]) * 1024  # Filesystem 1024-blocks Used Available Capacity Mounted-on
        except (IndexError, ValueError):
            return None

    def put(
        self, name: str, src: BinaryIO, size: int, progress: Progress | None = None, *, md5: str | None = None
    ) -> None:
        self._write(name, read_blocks(src, size), size, progress)

    def put_atomic(self, name: str, data: bytes) -> None:
        self._write(name, iter([data]), len(data), None)

    def get(self, name: str) -> bytes:
        return b"".join(self.iter_get(name))

    def iter_get(self, name: str) -> Iterator[bytes]:
        sftp = self._connect()
        try:
            with sftp.open(self._remote(name), "rb") as fh:
                fh.prefetch()
                while block := fh.read(READ_BLOCK):
                    yield block
        except FileNotFoundError:
            raise store_error(self.name, f"object {name} is missing") from None
        except Exception as exc:
            raise self._map(exc, "download an object") from None

    def list(self, prefix: str) -> list[str]:
        sftp = self._connect()
        out: list[str] = []

        def walk(rel: str) -> None:
            path = posixpath.join(self.root, rel) if rel else self.root
            for attr in sftp.listdir_attr(path):
                child = f"{rel}/{attr.filename}" if rel else attr.filename
                if _stat.S_ISDIR(attr.st_mode or 0):
                    if prefix.startswith(child + "/") or child.startswith(prefix.rstrip("/")):
                        walk(child)
                elif TEMP_MARK not in attr.filename and child.startswith(prefix):
                    out.append(child)

        try:
            walk("")
        except FileNotFoundError:
            raise unreachable(self.name, "the store folder does not exist on the server") from None
        except Exception as exc:
            raise self._map(exc, "list objects") from None
        return sorted(out)

    def delete(self, name: str) -> None:
        sftp = self._connect()
        try:
            sftp.remove(self._remote(name))
        except FileNotFoundError:
            return
        except Exception as exc:
            raise self._map(exc, "delete an object") from None

    def checksum(self, name: str) -> str | None:
        return self.checksums([name]).get(name)

    def checksums(self, names: Sequence[str]) -> dict[str, str]:
        """Ask the server to hash files itself (``openssl dgst`` or ``sha256sum``; one command for many files).

        Returns what the server could hash; empty if the account cannot run commands (then the
        engine reads objects back instead).  The commands go to one long-lived remote shell: on
        many servers starting a command costs a login shell's start-up (its rc files), often a
        few hundred milliseconds, far more than hashing a batch of chunks.
        """
        if self._remote_hash is False or not names:
            return {}
        # A relative path starting with "-" would read as an option to openssl, which has no "--".
        by_path = {
            ("./" if p.startswith("-") else "") + p: n for n, p in ((n, self._remote(n)) for n in names)
        }
        # A connection of its own: the engine hashes on a checker thread while this transport's
        # SFTP connection keeps uploading, and paramiko's SFTP client is not shared across threads.
        with self._hash_lock:
            try:
                chan = self._hash_shell()
                if chan is None:
                    return {}
                chan.sendall(f"{_hash_command(list(by_path))} 2>/dev/null; echo {self._hash_end}\n".encode())
                out = self._read_until_end(chan)
            except StoreError:
                raise
            except Exception:
                self._close_hash()
                raise unreachable(self.name, "connection lost while hashing objects") from None
        found: dict[str, str] = {}
        for line in out.decode("utf-8", "replace").splitlines():
            # "<hex>  <path>" (sha256sum) or "<hex> *<path>" (openssl dgst -r)
            digest, path = line[:64], line[66:]
            if line[64:66] in ("  ", " *") and all(c in _HEX for c in digest) and path in by_path:
                found[by_path[path]] = digest
        if self._remote_hash is None:
            self._remote_hash = bool(found)  # no hash tool: read back from now on
        return found

    def _hash_shell(self) -> paramiko.Channel | None:
        """The remote shell that runs hash commands (started once; None if the account has none)."""
        if self._hash_chan is not None and not self._hash_chan.closed:
            return self._hash_chan
        if self._hash_ssh is None or not self._hash_ssh.is_active():
            self._hash_ssh = self._open_ssh()
        try:
            chan = self._hash_ssh.open_session(timeout=self._timeout)
            chan.exec_command("exec /bin/sh")
        except (paramiko.ChannelException, paramiko.SSHException):
            self._remote_hash = False  # commands refused (e.g. an SFTP-only account)
            return None
        # Prove the other end is a shell before relying on it: an SFTP-only account (ForceCommand
        # internal-sftp) or nologin never echoes the marker.
        chan.settimeout(min(self._timeout, 10.0))
        chan.sendall(f"echo {self._hash_end}\n".encode())
        try:
            self._read_until_end(chan)
        except (OSError, EOFError):
            chan.close()
            self._remote_hash = False
            return None
        chan.settimeout(max(self._timeout, 60.0))
        self._hash_chan = chan
        return chan

    def _read_until_end(self, chan: paramiko.Channel) -> bytes:
        """Read the shell's output up to the end marker line; EOFError if the shell went away."""
        marker = f"{self._hash_end}\n".encode()
        out = b""
        while not (out == marker or out.endswith(b"\n" + marker)):
            data = chan.recv(65536)
            if not data:
                raise EOFError("the remote shell exited")
            out += data
        return out[: -len(marker)]

    def _close_hash(self) -> None:
        if self._hash_chan is not None:
            self._hash_chan.close()
            self._hash_chan = None
        if self._hash_ssh is not None:
            self._hash_ssh.close()
            self._hash_ssh = None

    def close(self) -> None:
        self._drop()
        with self._hash_lock:
            self._close_hash()
