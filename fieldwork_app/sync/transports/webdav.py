"""WebDAV store (Nextcloud, SharePoint-style shares, Apache mod_dav, wsgidav) via webdav4 and httpx.

Uploads go to a temporary name and are then MOVEd over the final name, so a cut connection never
leaves a short object under a real name.  Basic auth over https (http only for a loopback or a
trusted network: the data is encrypted, but the password is not).
"""

from __future__ import annotations

import logging
import posixpath
import secrets as _secrets
import socket
import ssl
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, BinaryIO
from xml.etree.ElementTree import ParseError

import httpx
from webdav4.client import Client, ClientError, HTTPError, ResourceNotFound

from fieldwork_app.errors import FieldworkError, StoreError
from fieldwork_app.sync.transports.base import (
    TEMP_MARK,
    TRANSIENT_HTTP,
    Progress,
    auth_failed,
    certificate_refused,
    check_name,
    is_md5_hex,
    read_blocks,
    store_error,
    store_full,
    unreachable,
    untrusted_certificate,
)

logger = logging.getLogger(__name__)

# Sizes and types only: asking for more (allprop, getetag) makes a hashing server read every object.
_SIZES_QUERY = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<d:propfind xmlns:d="DAV:"><d:prop><d:getcontentlength/><d:resourcetype/></d:prop></d:propfind>'
)


# The receive buffer of the connections for everything but chunk bodies, which bounds what the server may send
# ahead of what is read: objects read back to verify them come down while the next chunk goes up, and a window
# left to grow (Linux lets it reach 32 MiB) fills the queue of a home router or a campus link with read-back
# data, where the upload's acknowledgements then wait or are dropped (measured on an emulated 20 ms / 200 Mbit/s
# link: uploads stalled for up to 0.3 s).  The kernel doubles the value: a window of about 2 MiB still carries
# 400 Mbit/s at 40 ms.
READ_BUFFER = 2 * 1024 * 1024
_READ_SOCKET_OPTIONS = [(socket.SOL_SOCKET, socket.SO_RCVBUF, READ_BUFFER)]


class WebdavTransport:
    def __init__(self, base_url: str, options: dict[str, Any], secrets: dict[str, str]) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.name = f"WebDAV {self.base_url}"
        user = options.get("username")
        auth = (user, secrets.get("password", "")) if user else None
        timeout = httpx.Timeout(float(options.get("timeout", 30)))
        ca_bundle = options.get("ca_bundle")
        verify: ssl.SSLContext | bool = ssl.create_default_context(cafile=ca_bundle) if ca_bundle else True
        reads = httpx.HTTPTransport(verify=verify, socket_options=_READ_SOCKET_OPTIONS)
        self._client = Client(self.base_url, auth=auth, retry=False, timeout=timeout, transport=reads)
        self._http: httpx.Client = self._client.http
        # Chunk bodies go on connections of their own, kept warm from one PUT to the next: a connection that last
        # carried a MOVE, a listing or a read-back (sent on other threads while the next chunk goes) has no
        # sending window built up, and a PUT that took it would start slowly.
        self._sender = httpx.Client(auth=auth, timeout=timeout, verify=verify)
        self._made_dirs: set[str] = set()
        self._put_etags: dict[str, str] = {}  # final name -> content-hash ETag its PUT returned
        # Whether this server's PUT replies carry content-hash ETags (None: no PUT seen yet).  A server
        # whose PUTs do not is not asked again with a HEAD per object: its objects are read back.
        self._md5_etags: bool | None = None
        self._mover = ThreadPoolExecutor(max_workers=1, thread_name_prefix="webdav-move")
        self._moving: Future[None] | None = None  # the MOVE of the last object put
        self._pipelined = False  # set by expect_next(): the caller waits with flush() before relying on a put
        self._on_settled: Callable[[str], None] | None = None  # told each name whose MOVE was answered

    def _url(self, name: str) -> str:
        return self.base_url + check_name(name)

    def _status_error(self, status: int, what: str) -> StoreError:
        if status in (401, 403):
            return auth_failed(self.name, f"HTTP {status} on {what}")
        if status in (413, 507):
            return store_full(self.name, f"HTTP {status}")
        return store_error(self.name, f"HTTP {status} on {what}", transient=status in TRANSIENT_HTTP)

    def _map(self, exc: BaseException, what: str) -> StoreError:
        if isinstance(exc, StoreError):
            return exc
        if isinstance(exc, HTTPError) and exc.response is not None:
            return self._status_error(exc.response.status_code, what)
        if isinstance(exc, httpx.HTTPStatusError):
            return self._status_error(exc.response.status_code, what)
        if certificate_refused(exc):
            return untrusted_certificate(self.name)
        if isinstance(exc, httpx.TransportError | OSError):
            return unreachable(self.name, f"connection failed during {what}")
        if isinstance(exc, ParseError | UnicodeDecodeError):
            # A reply cut short or with text after its XML (rclone appends an error page to a multistatus
            # body while a half-finished upload of a dropped connection still holds a file): ask again.
            return store_error(self.name, f"{what}: the server's reply could not be read", transient=True)
        if isinstance(exc, ValueError | KeyError | TypeError | AssertionError):
            # Well-formed XML that is not a WebDAV answer (no href, a size that is not a number): a server
            # that is not the WebDAV store the address should name, or one that is broken; asking again
            # would get the same.
            return store_error(
                self.name, f"{what}: the server's reply is not a WebDAV answer; check the store's address"
            )
        return store_error(self.name, f"{what}: an unexpected error ({exc.__class__.__name__})")

    def _check(self, response: httpx.Response, what: str) -> None:
        if response.status_code >= 400:
            raise self._status_error(response.status_code, what)

    def _mkdirs(self, directory: str) -> None:
        if not directory or directory in self._made_dirs:
            return
        self._mkdirs(posixpath.dirname(directory))
        try:
            response = self._http.request("MKCOL", self.base_url + directory + "/")
        except Exception as exc:
            raise self._map(exc, "create a folder") from None
        # 405: already exists (collection or resource); anything else >= 400 is a real refusal.
        if response.status_code >= 400 and response.status_code != 405:
            raise self._status_error(response.status_code, "create a folder")
        self._made_dirs.add(directory)

    def _ensure_base(self) -> None:
        """Create the store folder and its parents once (MKCOL level by level; 405 = exists)."""
        if "" in self._made_dirs:
            return
        split = urllib.parse.urlsplit(self.base_url)
        segments = [s for s in split.path.split("/") if s]
        for i in range(1, len(segments) + 1):
            url = urllib.parse.urlunsplit(
                (split.scheme, split.netloc, "/" + "/".join(segments[:i]) + "/", "", "")
            )
            try:
                response = self._http.request("MKCOL", url)
            except Exception as exc:
                raise self._map(exc, "open the store") from None
            last = i == len(segments)
            if response.status_code in (401,) or (
                last and response.status_code >= 400 and response.status_code != 405
            ):
                raise self._status_error(response.status_code, "open the store")
        self._made_dirs.add("")

    # -- protocol ------------------------------------------------------------------------------
    def stat(self, name: str) -> int | None:
        try:
            response = self._http.head(self._url(name))
        except Exception as exc:
            raise self._map(exc, "check an object") from None
        if response.status_code == 404:
            return None
        self._check(response, "check an object")
        return int(response.headers.get("content-length", "0"))

    def _write(
        self, name: str, blocks: Iterator[bytes], size: int, progress: Progress | None, ahead: bool = True
    ) -> None:
        """PUT to a temporary name, then MOVE it over ``name``.  With ``ahead`` the MOVE is sent on a second
        connection while the caller goes on with the next object's data; the next :meth:`_write` (or
        :meth:`flush`) waits for it, so once a put returns every earlier one stands under its name."""
        self._ensure_base()
        self._mkdirs(posixpath.dirname(check_name(name)))
        tmp = f"{name}{TEMP_MARK}{_secrets.token_hex(4)}"

        def body() -> Iterator[bytes]:
            sent = 0
            for block in blocks:
                yield block
                sent += len(block)
                if progress is not None:
                    progress(sent)

        try:
            self._put_etags.pop(name, None)
            response = self._sender.put(self._url(tmp), content=body(), headers={"Content-Length": str(size)})
            self._check(response, "upload an object")
            etag = _md5_shaped(response.headers.get("etag", ""))
            self._md5_etags = etag is not None
        except BaseException as exc:
            self._forget(tmp)
            if isinstance(exc, Exception) and not isinstance(exc, FieldworkError):
                raise self._map(exc, "upload an object") from None
            raise
        previous, self._moving = self._moving, None
        if ahead:
            self._moving = self._mover.submit(self._move, tmp, name, etag)
        if previous is not None:
            previous.result()  # raises what the earlier MOVE met
        if not ahead:
            self._move(tmp, name, etag)

    def _move(self, tmp: str, name: str, etag: str | None) -> None:
        try:
            response = self._http.request(
                "MOVE", self._url(tmp), headers={"Destination": self._url(name), "Overwrite": "T"}
            )
            self._check(response, "finish an upload")
        except Exception as exc:
            # the whole object is under its temporary name: left there for adopt() on the next attempt
            raise self._map(exc, "finish an upload") from None
        if etag is not None:
            self._put_etags[name] = etag
        hook = self._on_settled
        if hook is not None:
            hook(name)

    def _forget(self, tmp: str) -> None:
        try:
            self._http.delete(self._url(tmp))
        except Exception:
            pass

    def expect_next(self, name: str, size: int | None = None) -> None:
        """Said by an uploader that calls :meth:`flush` before relying on its last put: from then on a put
        returns before its MOVE is answered (the next put or flush waits for it)."""
        self._pipelined = True

    def on_settled(self, hook: Callable[[str], None] | None) -> None:
        """Have ``hook`` called with each object's name once it stands under that name (its MOVE answered; on
        the thread that sent the MOVE), so an uploader can check it at once; None stops it."""
        self._on_settled = hook

    def flush(self) -> None:
        """Wait until every object put so far stands under its name (raises what the server refused)."""
        moving, self._moving = self._moving, None
        if moving is not None:
            moving.result()

    def adopt(self, objects: Sequence[tuple[str, int, str]], sent: Progress | None = None) -> dict[str, int]:
        """MOVE complete temporary uploads of ``objects`` (name, size, staged file) into place: an upload
        whose bytes all arrived but whose MOVE a dropped connection lost.  Returns name -> bytes sent (none:
        a short temporary object cannot be completed over WebDAV and is left for the engine to send again)."""
        wanted = {n: size for n, size, _src in objects}
        done: dict[str, int] = {}
        for folder in sorted({posixpath.dirname(check_name(n)) for n in wanted}):
            for stored, size in self._folder_sizes(folder).items():
                base, mark, _token = stored.partition(TEMP_MARK)
                if mark and wanted.get(base) == size and base not in done:
                    # rel. to the store: _folder_sizes names objects by their path under the base URL
                    self._move(stored, base, None)
                    done[base] = 0
        return done

    def temp_objects(self, folder: str) -> list[str]:
        """The temporary uploads (``<name>.part-<token>``) directly inside ``folder``."""
        return sorted(n for n in self._folder_sizes(check_name(folder)) if TEMP_MARK in posixpath.basename(n))

    def put(
        self, name: str, src: BinaryIO, size: int, progress: Progress | None = None, *, md5: str | None = None
    ) -> None:
        self._write(name, read_blocks(src, size), size, progress, ahead=self._pipelined)

    def put_atomic(self, name: str, data: bytes) -> None:
        self.flush()
        self._write(name, iter([data]), len(data), None, ahead=False)

    def get(self, name: str) -> bytes:
        return b"".join(self.iter_get(name))

    def iter_get(self, name: str) -> Iterator[bytes]:
        try:
            with self._http.stream("GET", self._url(name)) as response:
                if response.status_code == 404:
                    raise store_error(self.name, f"object {name} is missing")
                self._check(response, "download an object")
                yield from response.iter_bytes()  # as received: no re-buffering into fixed blocks
        except Exception as exc:
            raise self._map(exc, "download an object") from None

    def list(self, prefix: str) -> list[str]:
        out: list[str] = []

        def walk(rel: str) -> None:
            for item in self._client.ls(rel, detail=True):
                assert isinstance(item, dict)
                child = str(item["name"]).strip("/")
                if item.get("type") == "directory":
                    if prefix.startswith(child + "/") or child.startswith(prefix.rstrip("/")):
                        walk(child)
                elif TEMP_MARK not in child and child.startswith(prefix):
                    out.append(child)

        try:
            walk("")
        except ResourceNotFound:
            return []
        except (ClientError, httpx.HTTPError, OSError, ParseError, UnicodeDecodeError, ValueError, KeyError,
                TypeError, AssertionError) as exc:  # fmt: skip
            raise self._map(exc, "list objects") from None
        return sorted(out)

    def delete(self, name: str) -> None:
        try:
            response = self._http.delete(self._url(name))
        except Exception as exc:
            raise self._map(exc, "delete an object") from None
        if response.status_code != 404:
            self._check(response, "delete an object")

    def checksum(self, name: str) -> str | None:
        return None  # plain WebDAV has no standard content hash: see content_md5

    def content_md5(self, name: str) -> str | None:
        """The object's ETag when it has the shape of an MD5 digest, else None.

        Some servers publish the MD5 of the stored bytes as the ETag (rclone with ``--etag-hash MD5``,
        several object-store gateways); most make it from the path, size and time.  The engine counts an
        object as verified by the server only when this equals the MD5 of what it sent, and reads the object
        back in every other case, so an ETag that is not a content hash can never pass for one.
        """
        if self._md5_etags is False:
            return None  # this server's PUTs return no content hash: a HEAD would not either
        try:
            response = self._http.head(self._url(name))
        except Exception as exc:
            raise self._map(exc, "check an object") from None
        if response.status_code >= 400:
            return None
        return _md5_shaped(response.headers.get("etag", ""))

    def content_md5s(self, objects: Sequence[tuple[str, int]]) -> dict[str, str]:
        """Content-hash ETags for a batch of uploaded objects, without asking the server to hash again.

        The ETag comes from each object's own PUT response (the server's hash of the bytes it stored
        under the temporary name).  One PROPFIND per folder, asking only for sizes, then confirms that
        each object stands under its final name with the expected size.  Objects this call cannot vouch
        for (no ETag from their PUT, missing, or a different size) are left out; the engine checks those
        one by one.
        """
        wanted = {name: size for name, size in objects if name in self._put_etags}
        out: dict[str, str] = {}
        for folder in sorted({posixpath.dirname(check_name(n)) for n in wanted}):
            for name, size in self._folder_sizes(folder).items():
                if wanted.get(name) == size:
                    out[name] = self._put_etags[name]
        return out

    def _folder_sizes(self, folder: str) -> dict[str, int]:
        """Name -> size of the plain objects directly inside ``folder`` (one Depth: 1 PROPFIND)."""
        try:
            result = self._client.propfind(
                folder + "/" if folder else "",
                data=_SIZES_QUERY,
                headers={"Depth": "1", "Content-Type": "application/xml"},
            )
        except ResourceNotFound:
            return {}
        except Exception as exc:
            raise self._map(exc, "check objects") from None
        sizes: dict[str, int] = {}
        for response in result.responses.values():
            props = response.properties
            if props.resource_type == "directory" or props.content_length is None:
                continue
            sizes[response.path_relative_to(self._client.base_url).strip("/")] = int(props.content_length)
        return sizes

    def close(self) -> None:
        try:
            self.flush()
        except StoreError:
            pass
        self._mover.shutdown(wait=True)
        self._http.close()
        self._sender.close()


def _md5_shaped(etag: str) -> str | None:
    """A strong ETag that looks like an MD5 hex digest, lower-cased; None for anything else."""
    etag = etag.strip()
    if etag.startswith("W/"):
        return None  # a weak ETag says nothing about the bytes
    etag = etag.strip('"').lower()
    return etag if is_md5_hex(etag) else None
