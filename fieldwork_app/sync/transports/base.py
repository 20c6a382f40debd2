"""The transport protocol every study store implements, and the shared error helpers.

A transport moves opaque objects (the bundle's ciphertext) by name.  Names are relative,
'/'-separated paths under the store's root (``bundles/<id>/<hash>.age``).  A transport never
raises anything but :class:`~fieldwork_app.errors.StoreError` for store trouble, with a message
that names the store (never a secret) and says what to do.
"""

from __future__ import annotations

import hashlib
import logging
import ssl
from collections.abc import Callable, Iterator
from typing import BinaryIO, Protocol

from fieldwork_app.errors import ErrorCode, ErrorKind, InvalidInput, StoreError

logger = logging.getLogger(__name__)

Progress = Callable[[int], None]
"""Called with the bytes of the current object sent so far; may raise to abort the transfer."""

READ_BLOCK = 256 * 1024
TEMP_MARK = ".part-"


class Transport(Protocol):
    name: str

    def stat(self, name: str) -> int | None:
        """Size of the object, or None if it does not exist."""
        ...

    def put(
        self, name: str, src: BinaryIO, size: int, progress: Progress | None = None, *, md5: str | None = None
    ) -> None:
        """Store ``size`` bytes read from ``src`` under ``name`` (whole or not at all where possible).

        ``md5``, when the caller knows it, is the MD5 hex digest the bytes must have; a store that can
        check it on arrival (S3's Content-MD5) refuses bytes that differ.
        """
        ...

    def get(self, name: str) -> bytes: ...

    def iter_get(self, name: str) -> Iterator[bytes]:
        """Stream an object's bytes (used to hash large objects without holding them)."""
        ...

    def list(self, prefix: str) -> list[str]:
        """Every object name under ``prefix`` (recursively), sorted."""
        ...

    def delete(self, name: str) -> None: ...

    def put_atomic(self, name: str, data: bytes) -> None:
        """Replace ``name`` with ``data`` so readers see the old or the new object, never half."""
        ...

    def checksum(self, name: str) -> str | None:
        """SHA-256 hex computed by the server over the stored bytes, or None if it cannot."""
        ...

    def close(self) -> None: ...


def unlisted_folders(transport: Transport) -> list[tuple[str, str]]:
    """Folders under the prefix that ``transport``'s last :meth:`~Transport.list` could not read, as (name,
    why): a folder store or an SFTP server refuses to list a folder a store writer made unreadable, and that
    folder is then one named problem, not the end of the run.  Stores without folders have none."""
    found = getattr(transport, "unlisted", None)
    return [(str(n), str(w)) for n, w in found] if isinstance(found, list) else []


def check_name(name: str) -> str:
    parts = name.split("/")
    if not name or name.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise InvalidInput(f"object name {name!r} is not a plain relative path")
    return name


def unreachable(store: str, detail: str) -> StoreError:
    return StoreError(
        f"cannot reach the study store {store} ({detail}); check the network or VPN and try again",
        kind=ErrorKind.STORE_UNREACHABLE,
    )


def auth_failed(store: str, detail: str = "") -> StoreError:
    extra = f" ({detail})" if detail else ""
    return StoreError(
        f"the study store {store} refused the login{extra}; check the user name, password or key",
        kind=ErrorKind.STORE_AUTH,
    )


class HostKeyRefused(StoreError):
    """An SFTP server whose host key is not the pinned one, or is not pinned at all: never retried.
    ``unconfirmed`` is the fingerprint of a key nothing vouched for (no pin, no file, no fingerprint given):
    the command line then says how to give it."""

    kind = ErrorKind.STORE_HOST_KEY

    def __init__(self, message: str, *, unconfirmed: str = "") -> None:
        super().__init__(message)
        self.unconfirmed = unconfirmed


def host_key_refused(store: str, detail: str, *, unconfirmed: str = "") -> HostKeyRefused:
    return HostKeyRefused(f"the study store {store}: {detail}", unconfirmed=unconfirmed)


def certificate_refused(exc: BaseException) -> bool:
    """Whether a connection failed because the server's https certificate could not be verified."""
    seen: set[int] = set()
    node: BaseException | None = exc
    while node is not None and id(node) not in seen:
        seen.add(id(node))
        if isinstance(node, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in str(node):
            return True
        node = node.__cause__ or node.__context__
    return False


def untrusted_certificate(store: str) -> StoreError:
    """The server's certificate is signed by no authority this machine trusts: never retried."""
    return StoreError(
        f"the study store {store} has an https certificate that no trusted authority signed",
        kind=ErrorKind.STORE_HOST_KEY,
        code=ErrorCode.STORE_UNTRUSTED_CERTIFICATE,
        params={"store": store},
    )


def store_full(store: str, detail: str = "") -> StoreError:
    extra = f" ({detail})" if detail else ""
    return StoreError(
        f"the study store {store} is full{extra}; ask the data manager to free space or raise the quota",
        kind=ErrorKind.STORE_FULL,
    )


def store_error(store: str, detail: str, *, transient: bool = False) -> StoreError:
    """``transient`` for a server's "try again" (HTTP 5xx or 429, S3 SlowDown): the engine retries those."""
    return StoreError(
        f"the study store {store} reported an error ({detail}); try again later or tell the data manager",
        kind=ErrorKind.STORE_ERROR,
        transient=transient,
    )


TRANSIENT_HTTP = frozenset({429, 500, 502, 503, 504})


def is_md5_hex(value: str) -> bool:
    """True for an MD5 digest written as 32 lower-case hex digits."""
    return len(value) == 32 and all(c in "0123456789abcdef" for c in value)


def sha256_stream(blocks: Iterator[bytes]) -> str:
    h = hashlib.sha256()
    for block in blocks:
        h.update(block)
    return h.hexdigest()


def read_blocks(src: BinaryIO, size: int, block: int = READ_BLOCK) -> Iterator[bytes]:
    """Read exactly ``size`` bytes from ``src`` in blocks; a short file is a local error."""
    left = size
    while left > 0:
        data = src.read(min(block, left))
        if not data:
            raise InvalidInput("a staged file is shorter than its manifest says; stage the bundle again")
        left -= len(data)
        yield data
