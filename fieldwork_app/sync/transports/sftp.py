"""SFTP store via paramiko.

Host keys are never trusted silently.  The server's key is checked, before any credential is sent,
against every one of these options that is given:

* ``host_key``: the pinned key, ``"<type> <base64>"`` (as :attr:`SftpTransport.host_key` reports it);
* ``host_key_fingerprint``: ``SHA256:...``, as ``ssh-keygen -lf`` prints it;
* ``known_hosts``: an OpenSSH known_hosts file that must list the key for this host (and port).

With none of them, the key is refused (the message names its fingerprint) unless
``accept_new_host_key`` is set: then it is accepted, logged and exposed as :attr:`SftpTransport.host_key`
for the caller to pin (and, with ``known_hosts``, a host the file does not list yet is added to it).  A key
that differs from a pin or from the file's entry is always refused, naming both fingerprints.

Reading never follows a link and never opens anything but a regular file: an object is ``lstat``-ed first (a
server opening a FIFO blocks until something writes to it), a link or special file is refused as that object's
problem, and a folder or file this account may not read is that object's problem too (see
:func:`~fieldwork_app.sync.transports.base.unlisted_folders`), not the end of the run.

Verification: where the account may run commands, the server's own ``openssl dgst -sha256`` (or
``sha256sum`` where OpenSSL's tool is missing) hashes the stored file (that hash covers the bytes
on the server's disk); otherwise the engine reads the object back.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import logging
import os
import posixpath
import secrets as _secrets
import shlex
import socket
import stat as _stat
import threading
from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO

import paramiko
from paramiko.sftp import (
    CMD_CLOSE,
    CMD_EXTENDED,
    CMD_HANDLE,
    CMD_OPEN,
    CMD_REMOVE,
    CMD_STATUS,
    CMD_WRITE,
    SFTP_OK,
    int64,
)
from paramiko.sftp_attr import SFTPAttributes

from fieldwork_app.errors import ErrorKind, FieldworkError, StoreError
from fieldwork_app.sync.transports.base import (
    READ_BLOCK,
    TEMP_MARK,
    Progress,
    auth_failed,
    check_name,
    host_key_refused,
    read_blocks,
    store_error,
    store_full,
    unreachable,
)

logger = logging.getLogger(__name__)

_NET_ERRORS = (OSError, EOFError, paramiko.SSHException, socket.timeout)
_KEY_CLASSES: tuple[type[paramiko.PKey], ...] = (paramiko.Ed25519Key, paramiko.ECDSAKey, paramiko.RSAKey)


_HEX = frozenset("0123456789abcdef")
# A host key type and the signature algorithms a server proves it with.
_KEY_ALGORITHMS = {"ssh-rsa": ["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"]}
_HOST_KEY_TYPES = (
    "ssh-ed25519",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "ssh-rsa",
)


def host_key_fingerprint(key: paramiko.PKey | str) -> str:
    """``SHA256:`` and unpadded base64 of SHA-256 over the key blob, as OpenSSH prints it; ``key`` is a key or
    a ``"<type> <base64>"`` line."""
    if isinstance(key, str):
        try:
            blob = base64.b64decode(key.split()[1], validate=True)
        except (IndexError, ValueError, binascii.Error):
            return "(not a host key)"
    else:
        blob = key.asbytes()
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode("ascii").rstrip("=")


def _same_fingerprint(a: str, b: str) -> bool:
    def norm(f: str) -> str:
        f = f.strip()
        return (f[7:] if f[:7].upper() == "SHA256:" else f).rstrip("=")

    return bool(norm(a)) and norm(a) == norm(b)


_WRITE_BLOCK = 32768  # data per SFTP write request (what paramiko and OpenSSH's own client send)
_OPEN_FLAGS = 0x02 | 0x08 | 0x10  # SSH_FXF_WRITE | SSH_FXF_CREAT | SSH_FXF_TRUNC


class _Job:
    """The requests of one object's upload sent without waiting (open, writes, close, rename), and the
    server's replies to them, which paramiko hands here as they arrive."""

    def __init__(self, tmp: str, final: str, unacked: dict[int, int]) -> None:
        self.tmp, self.final = tmp, final
        self.unacked = unacked  # shared by a connection's jobs: request number -> data bytes of a write
        self.waiting: set[int] = set()
        self.handle: bytes | None = None
        self.error: str | None = None

    def _async_response(self, t: int, msg: paramiko.Message, num: int) -> None:
        self.waiting.discard(num)
        self.unacked.pop(num, None)
        if t == CMD_HANDLE:
            self.handle = msg.get_binary()
        elif t == CMD_STATUS:
            code, text = msg.get_int(), msg.get_text()
            if code != SFTP_OK and self.error is None:
                self.error = text or f"SFTP status {code}"
        elif self.error is None:
            self.error = f"unexpected SFTP reply {t}"

    def send(self, sftp: paramiko.SFTPClient, t: int, *args: Any, data: int = 0) -> None:
        num = sftp._async_request(self, t, *args)  # type: ignore[attr-defined]
        self.waiting.add(num)
        if data:
            self.unacked[num] = data

    def done(self) -> bool:
        return not self.waiting


def _read_one(sftp: paramiko.SFTPClient) -> None:
    """Wait for the server's next reply and hand it to the request's :class:`_Job`."""
    sftp._read_response()  # type: ignore[attr-defined]


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
        self.host_key: str | None = options.get("host_key") or None
        self.accepted_new_key = False  # set when accept_new_host_key let an unpinned key in
        self._timeout = float(options.get("timeout", 15))
        self._remote_hash: bool | None = None if options.get("remote_sha256", True) else False
        self._transport: paramiko.Transport | None = None
        self._sftp: paramiko.SFTPClient | None = None
        self._made_dirs: set[str] = set()
        self.unlisted: list[tuple[str, str]] = []  # folders the last list() could not read: (name, why)
        self._hash_ssh: paramiko.Transport | None = None
        self._hash_chan: paramiko.Channel | None = None
        self._hash_end = f"fieldwork-hash-end-{_secrets.token_hex(8)}"
        self._hash_lock = threading.Lock()
        self._spare: _Job | None = None  # a temporary file opened ahead for the next object
        self._next = ""  # the name the next put will have, when the caller said (expect_next)
        self._unacked: dict[int, int] = {}  # write requests not answered yet: number -> data bytes
        self._unsettled: _Job | None = None  # the last object put, whose close and rename are not answered yet

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

    def _known_hosts_name(self) -> str:
        return self.host if self.port == 22 else f"[{self.host}]:{self.port}"

    def _known_hosts(self) -> paramiko.HostKeys | None:
        known = self._options.get("known_hosts")
        if not known:
            return None
        hk = paramiko.HostKeys()
        if os.path.exists(str(known)) or not self._options.get("accept_new_host_key"):
            try:
                hk.load(str(known))
            except (OSError, paramiko.SSHException, ValueError):
                raise store_error(self.name, f"cannot read known_hosts file {known}") from None
        return hk

    def _pinned_types(self) -> list[str]:
        """The host key types a pin or the known_hosts file names for this server (none: any)."""
        types: list[str] = []
        if self.host_key:
            types.append(self.host_key.split()[0])
        hk = self._known_hosts()
        entry = hk.lookup(self._known_hosts_name()) if hk is not None else None
        if entry is not None and not self.host_key:
            types += list(entry.keys())
        return types

    def _check_host_key(self, key: paramiko.PKey) -> None:
        seen = f"{key.get_name()} {key.get_base64()}"
        seen_fp = host_key_fingerprint(key)
        vouched = False
        if self.host_key:
            if self.host_key != seen:
                raise host_key_refused(self.name, (
                    f"the server's host key changed: pinned {host_key_fingerprint(self.host_key)}, the server "
                    f"now offers {seen_fp}. Do not sync; tell the data manager (someone may be between this "
                    "laptop and the store)"
                ))  # fmt: skip
            vouched = True
        expected = self._options.get("host_key_fingerprint")
        if expected:
            if not _same_fingerprint(str(expected), seen_fp):
                raise host_key_refused(
                    self.name,
                    f"the server's host key is {seen_fp}, not {expected} as given; do not connect, and check "
                    "the fingerprint with the store's administrators",
                )
            vouched = True
        hk = self._known_hosts()
        if hk is not None:
            entry = hk.lookup(self._known_hosts_name())
            listed = entry.get(key.get_name()) if entry is not None else None
            if listed is not None and listed != key:
                raise host_key_refused(self.name, (
                    f"the server's host key changed: {self._options['known_hosts']} lists "
                    f"{host_key_fingerprint(listed)}, the server offers {seen_fp}. Do not connect; check with "
                    "the store's administrators"
                ))  # fmt: skip
            if listed is not None:
                vouched = True
            elif self._options.get("accept_new_host_key") and not vouched:
                self._add_known_host(key)
                vouched = True
            elif not vouched:
                raise host_key_refused(
                    self.name,
                    f"the server's host key {seen_fp} is not in {self._options['known_hosts']}; check it "
                    "with the store's administrators",
                )
        if not vouched:
            if not self._options.get("accept_new_host_key"):
                raise host_key_refused(
                    self.name,
                    f"the server offers host key {seen_fp}, and nothing says it is the right one (it is not "
                    "pinned for this store); check the fingerprint with the store's administrators",
                    unconfirmed=seen_fp,
                )
            logger.warning("accepting the new host key %s of %s, as asked", seen_fp, self.name)
            self.accepted_new_key = True
        self.host_key = seen

    def _add_known_host(self, key: paramiko.PKey) -> None:
        """Append ``key`` for this host to the known_hosts file (``--accept-new-host-key``)."""
        path = str(self._options["known_hosts"])
        line = f"{self._known_hosts_name()} {key.get_name()} {key.get_base64()}\n"
        fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "a+b") as fh:
            size = fh.seek(0, os.SEEK_END)
            if size:
                fh.seek(size - 1)
                if fh.read(1) != b"\n":
                    line = "\n" + line  # never glue the new entry onto a last line without its newline
            fh.write(line.encode("ascii"))
        logger.warning(
            "added the host key %s of %s to %s, as asked", host_key_fingerprint(key), self.name, path
        )
        self.accepted_new_key = True

    def server_host_key(self) -> str:
        """Connect, check the server's host key as configured (no credential is sent) and return it as
        ``"<type> <base64>"``: the pin to save with a store.

        A server has a key of each type (Ed25519, ECDSA, RSA) and offers its preferred one; a fingerprint
        given for another of its keys is looked for by asking for each type in turn."""
        try:
            return self._fetch_host_key(None)
        except StoreError as first:
            expected = self._options.get("host_key_fingerprint")
            if first.kind is not ErrorKind.STORE_HOST_KEY or not expected or self.host_key:
                raise
            for key_type in _HOST_KEY_TYPES:
                try:
                    return self._fetch_host_key(key_type)
                except StoreError as again:
                    if again.kind is not ErrorKind.STORE_HOST_KEY:
                        continue  # the server has no key of this type
            raise first from None

    def _fetch_host_key(self, key_type: str | None) -> str:
        transport = self._start(key_type)
        try:
            self._check_host_key(transport.get_remote_server_key())
        except StoreError:
            raise
        except _NET_ERRORS as exc:
            raise unreachable(self.name, self._why(exc)) from None
        finally:
            transport.close()
        assert self.host_key is not None
        return self.host_key

    def _start(self, key_type: str | None = None) -> paramiko.Transport:
        """A connected SSH transport after key exchange, before authentication (asking for a host key of
        ``key_type``, else of a pinned type, else the server's choice)."""
        types = [key_type] if key_type else self._pinned_types()
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self._timeout)
        except OSError as exc:
            raise unreachable(self.name, self._why(exc)) from None
        transport = paramiko.Transport(sock)
        if types:  # ask for the pinned type, so a server with several keys offers the one we know
            algorithms = [a for t in types for a in _KEY_ALGORITHMS.get(t, [t])]
            options = transport.get_security_options()
            wanted = [a for a in algorithms if a in options.key_types]
            if wanted:
                options.key_types = tuple(wanted)
        try:
            transport.start_client(timeout=self._timeout)
        except _NET_ERRORS as exc:
            transport.close()
            raise unreachable(self.name, self._why(exc)) from None
        return transport

    def _open_ssh(self) -> paramiko.Transport:
        """A new authenticated SSH connection (host key checked before any credential is sent)."""
        transport = self._start()
        try:
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
            raise unreachable(self.name, self._why(exc)) from None
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
            raise unreachable(self.name, self._why(exc)) from None
        self._transport, self._sftp = transport, sftp
        return sftp

    def _drop(self) -> None:
        self._spare = self._unsettled = None
        self._unacked.clear()
        if self._transport is not None:
            self._transport.close()
        self._transport = self._sftp = None
        self._made_dirs.clear()

    def _remote(self, name: str) -> str:
        return posixpath.join(self.root, check_name(name))

    def _why(self, exc: BaseException) -> str:
        """What a failure to connect says: no SSH server at the address (paramiko found no SSH banner: the
        server closed at once or answered in another protocol), the system's words for a network failure, or,
        for the unforeseen, the exception's type, to be reported."""
        text = str(exc)
        if isinstance(exc, paramiko.SSHException) and "protocol banner" in text:
            return f"no SSH server answered at {self.host}:{self.port}; check the host name and port"
        if isinstance(exc, TimeoutError | socket.timeout):
            return "no answer in time"
        if isinstance(exc, EOFError):
            return "the server closed the connection"
        if isinstance(exc, OSError) and exc.strerror:
            return exc.strerror
        return text or f"an unexpected error ({exc.__class__.__name__})"

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
    def _refused(self, name: str, what: str, why: str = "only regular files are read") -> StoreError:
        """One object a reader must not open (a link, a FIFO, a device, or one this account may not read):
        named, and that object's problem only."""
        return StoreError(f"object {name} in the study store {self.name} {what}: not read ({why})",
                          kind=ErrorKind.STORE_ERROR)  # fmt: skip

    def _regular(self, sftp: paramiko.SFTPClient, name: str) -> paramiko.SFTPAttributes:
        """The object's own attributes (``lstat``: a link is never followed), refused unless a regular file.
        A server opening a FIFO blocks until someone writes to it, so nothing is opened before this."""
        attrs = sftp.lstat(self._remote(name))
        mode = attrs.st_mode or 0
        if _stat.S_ISLNK(mode):
            raise self._refused(name, "is a symbolic link")
        if not _stat.S_ISREG(mode):
            raise self._refused(name, "is not a regular file (a FIFO, device, socket or folder)")
        return attrs

    def _read_error(self, exc: BaseException, name: str, what: str) -> StoreError:
        if isinstance(exc, PermissionError) and self._transport is not None and self._transport.is_active():
            return self._refused(name, "cannot be read (permission denied)", "the rest of the store is")
        return self._map(exc, what)

    def stat(self, name: str) -> int | None:
        sftp = self._connect()
        try:
            return self._regular(sftp, name).st_size
        except FileNotFoundError:
            return None
        except Exception as exc:
            raise self._read_error(exc, name, "check an object") from None

    def _write(
        self, name: str, blocks: Iterator[bytes], size: int, progress: Progress | None, ahead: bool = True
    ) -> None:
        """Upload to a temporary name and rename it over ``name``, without waiting for the server between
        requests: the data of this object follows its open at once, and its close and rename are answered
        while the next object's data goes (:meth:`flush` waits for them).  Every reply is checked, so a
        refused write (a full disk answers "Failure") is seen; an object whose rename was never answered
        because the connection dropped is found missing (or short) by the engine's verification and sent again.
        """
        sftp = self._connect()
        final = self._remote(name)
        directory = posixpath.dirname(final)
        job: _Job | None = None
        if progress is not None:
            progress(0)  # nothing handed over yet: from here on it is counted as it goes
        try:
            self._mkdirs(sftp, directory)
            spare, self._spare = self._spare, None
            if spare is not None and spare.final == final and spare.error is None:
                job = spare  # opened while the previous object's data went
            else:
                if spare is not None:
                    self._discard(sftp, spare)
                job = self._open(sftp, f"{final}{TEMP_MARK}{_secrets.token_hex(4)}", final)
            while job.handle is None and job.error is None:
                _read_one(sftp)
            self._raise(job)
            assert job.handle is not None
            sent = 0
            for block in blocks:
                for at in range(0, len(block), _WRITE_BLOCK):
                    piece = block[at : at + _WRITE_BLOCK]
                    # No more than one object's size unanswered: what a cut connection loses (the server
                    # drops requests it has not handled) is then at most one object's worth, and everything
                    # answered is on the server's disk, where adopt() resumes from.
                    while self._unacked and sum(self._unacked.values()) + len(piece) > max(size, _WRITE_BLOCK):
                        _read_one(sftp)
                    job.send(sftp, CMD_WRITE, job.handle, int64(sent), piece, data=len(piece))
                    sent += len(piece)
                    self._take_replies(sftp)
                if ahead and self._spare is None and self._next and self._next != name:
                    # the next object's temporary file, opened now so its data can follow this object's at once
                    following = self._remote(self._next)
                    self._spare = self._open(sftp, f"{following}{TEMP_MARK}{_secrets.token_hex(4)}", following)
                if progress is not None:
                    progress(sent)
                self._raise(job)
            if sent != size:
                raise OSError(f"{sent} bytes read for an object of {size}")
            job.send(sftp, CMD_CLOSE, job.handle)
            job.send(sftp, CMD_EXTENDED, "posix-rename@openssh.com", job.tmp, final)
            previous, self._unsettled = self._unsettled, job
            if previous is not None:
                self._settle(sftp, previous)
            if not ahead or not self._next:  # a caller that never said expect_next() relies on each put at once
                self._settle(sftp, job)
                self._unsettled = None
        except BaseException as exc:
            self._unsettled = None
            if job is not None and self._sftp is not None:
                try:
                    if job.handle is not None:
                        job.send(sftp, CMD_CLOSE, job.handle)
                    sftp.remove(job.tmp)
                except Exception:
                    pass
            if isinstance(exc, Exception) and not isinstance(exc, FieldworkError):
                raise self._full_or(self._map(exc, "upload an object"), directory, size) from None
            raise

    def _open(self, sftp: paramiko.SFTPClient, tmp: str, final: str = "") -> _Job:
        job = _Job(tmp, final, self._unacked)
        job.send(sftp, CMD_OPEN, tmp, _OPEN_FLAGS, SFTPAttributes())
        return job

    def _discard(self, sftp: paramiko.SFTPClient, job: _Job, wait: bool = False) -> None:
        """Close and remove a temporary file opened ahead for an object that went elsewhere (or never came);
        the replies do not matter, ``wait`` only makes sure the server has handled them."""
        while job.handle is None and job.error is None:
            _read_one(sftp)
        if job.handle is not None:
            job.send(sftp, CMD_CLOSE, job.handle)
        job.send(sftp, CMD_REMOVE, job.tmp)
        while wait and not job.done():
            _read_one(sftp)

    @staticmethod
    def _take_replies(sftp: paramiko.SFTPClient) -> None:
        """Hand over the replies that have arrived, without waiting for more."""
        channel = sftp.sock
        while channel.recv_ready():  # type: ignore[union-attr]
            _read_one(sftp)

    @staticmethod
    def _raise(job: _Job) -> None:
        if job.error is not None:
            raise OSError(job.error)

    def _settle(self, sftp: paramiko.SFTPClient, job: _Job) -> None:
        while not job.done():
            _read_one(sftp)
        self._raise(job)

    def expect_next(self, name: str, size: int | None = None) -> None:
        """The name of the object the next :meth:`put` will send, so its temporary file can be opened while
        this one's data goes."""
        self._next = name

    def adopt(self, objects: Sequence[tuple[str, int, str]], sent: Progress | None = None) -> dict[str, int]:
        """Finish uploads a dropped connection interrupted: for each of ``objects`` (name, size, staged file)
        not in place, the longest temporary file left for it is completed from the staged file (a server
        handles one connection's writes in order, so what it holds is a prefix of the object) and renamed
        into place.  Returns name -> bytes sent to complete it (the engine verifies the content of these
        like any other object's, so a wrong prefix is found and the object sent again).  ``sent`` is called
        with the size of each block handed to the server."""
        sftp = self._connect()
        wanted = {self._remote(n): (n, size, src) for n, size, src in objects}
        done: dict[str, int] = {}
        try:
            for folder in sorted({posixpath.dirname(p) for p in wanted}):
                try:
                    entries = sftp.listdir_attr(folder)
                except FileNotFoundError:
                    continue
                temps: dict[str, list[tuple[int, str]]] = {}
                for attr in entries:
                    base, mark, _token = attr.filename.partition(TEMP_MARK)
                    target = posixpath.join(folder, base)
                    if mark and target in wanted and _stat.S_ISREG(attr.st_mode or 0):
                        temps.setdefault(target, []).append((attr.st_size or 0, attr.filename))
                for target, found in temps.items():
                    name, size, src = wanted[target]
                    found.sort(reverse=True)
                    for _held, other in found[1:]:
                        sftp.remove(posixpath.join(folder, other))
                    held, tmp = found[0]
                    tmp = posixpath.join(folder, tmp)
                    if held > size:
                        sftp.remove(tmp)
                        continue
                    with sftp.open(tmp, "r+") as fh, open(src, "rb") as local:
                        fh.set_pipelined(True)
                        fh.seek(held)
                        local.seek(held)
                        for block in read_blocks(local, size - held):  # type: ignore[arg-type]
                            fh.write(block)
                            if sent is not None:
                                sent(len(block))
                        if fh.stat().st_size != size:
                            raise OSError("the server did not store the rest of an interrupted upload")
                    sftp.posix_rename(tmp, target)
                    done[name] = size - held
        except Exception as exc:
            raise self._map(exc, "finish an interrupted upload") from None
        return done

    def flush(self) -> None:
        """Wait until every object put so far stands under its name (raises what the server refused)."""
        job = self._unsettled
        if job is None or self._sftp is None:
            return
        directory = posixpath.dirname(job.final)
        try:
            self._settle(self._sftp, job)
        except Exception as exc:
            self._unsettled = None
            raise self._full_or(self._map(exc, "upload an object"), directory, 0) from None
        self._unsettled = None

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
        self._write(name, iter([data]), len(data), None, ahead=False)
        self.flush()
        self._drop_spare()

    def _drop_spare(self) -> None:
        spare, self._spare = self._spare, None
        if spare is not None and self._sftp is not None:
            try:
                self._discard(self._sftp, spare, wait=True)
            except Exception:
                self._drop()

    def get(self, name: str) -> bytes:
        return b"".join(self.iter_get(name))

    def iter_get(self, name: str) -> Iterator[bytes]:
        sftp = self._connect()
        try:
            self._regular(sftp, name)
            with sftp.open(self._remote(name), "rb") as fh:
                if not _stat.S_ISREG(fh.stat().st_mode or 0):  # replaced between the lstat and the open
                    raise self._refused(name, "is not a regular file")
                fh.prefetch()
                while block := fh.read(READ_BLOCK):
                    yield block
        except FileNotFoundError:
            raise store_error(self.name, f"object {name} is missing") from None
        except Exception as exc:
            raise self._read_error(exc, name, "download an object") from None

    def list(self, prefix: str) -> list[str]:
        sftp = self._connect()
        out: list[str] = []
        unlisted: list[tuple[str, str]] = []

        def walk(rel: str) -> None:
            path = posixpath.join(self.root, rel) if rel else self.root
            try:
                listing = sftp.listdir_attr(path)
            except PermissionError as exc:
                if not rel or not self._transport or not self._transport.is_active():
                    raise  # the store's own folder: the whole store is unreadable
                unlisted.append((rel, exc.strerror or "permission denied"))
                return
            for attr in listing:  # the server's lstat: a link is listed (and refused when read), never followed
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
        self.unlisted = sorted(unlisted)
        return sorted(out)

    def temp_objects(self, folder: str) -> Sequence[str]:
        """The temporary uploads (``<name>.part-<token>``, regular files) directly inside ``folder``."""
        sftp = self._connect()
        try:
            entries = sftp.listdir_attr(self._remote(folder))
        except FileNotFoundError:
            return []
        except Exception as exc:
            raise self._map(exc, "list objects") from None
        return sorted(
            f"{folder}/{a.filename}"
            for a in entries
            if TEMP_MARK in a.filename and _stat.S_ISREG(a.st_mode or 0)
        )

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

    def warm_up(self) -> None:
        """Open the hashing connection now (the engine calls this on its checker thread as the upload
        starts), so the first batch to verify does not wait for an SSH login."""
        if self._remote_hash is False:
            return
        with self._hash_lock:
            try:
                self._hash_shell()
            except Exception:
                self._close_hash()  # the first real request reports what is wrong

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
        self._drop_spare()
        self._drop()
        with self._hash_lock:
            self._close_hash()
