"""WebDAV store (Nextcloud, SharePoint-style shares, Apache mod_dav, wsgidav) via webdav4 and httpx.

Uploads go to a temporary name and are then MOVEd over the final name, so a cut connection never
leaves a short object under a real name.  Basic auth over https (http only for a loopback or a
trusted network: the data is encrypted, but the password is not).
"""

from __future__ import annotations

import logging
import posixpath
import secrets as _secrets
import urllib.parse
from collections.abc import Iterator
from typing import Any, BinaryIO

import httpx
from webdav4.client import Client, ClientError, HTTPError, ResourceNotFound

from fieldwork_app.errors import FieldworkError, StoreError
from fieldwork_app.sync.transports.base import (
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


class WebdavTransport:
    def __init__(self, base_url: str, options: dict[str, Any], secrets: dict[str, str]) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.name = f"WebDAV {self.base_url}"
        user = options.get("username")
        auth = (user, secrets.get("password", "")) if user else None
        timeout = httpx.Timeout(float(options.get("timeout", 30)))
        self._client = Client(self.base_url, auth=auth, retry=False, timeout=timeout)
        self._http: httpx.Client = self._client.http
        self._made_dirs: set[str] = set()

    def _url(self, name: str) -> str:
        return self.base_url + check_name(name)

    def _status_error(self, status: int, what: str) -> StoreError:
        if status in (401, 403):
            return auth_failed(self.name, f"HTTP {status} on {what}")
        if status in (413, 507):
            return store_full(self.name, f"HTTP {status}")
        return store_error(self.name, f"HTTP {status} on {what}")

    def _map(self, exc: BaseException, what: str) -> StoreError:
        if isinstance(exc, StoreError):
            return exc
        if isinstance(exc, HTTPError) and exc.response is not None:
            return self._status_error(exc.response.status_code, what)
        if isinstance(exc, httpx.HTTPStatusError):
            return self._status_error(exc.response.status_code, what)
        if isinstance(exc, httpx.TransportError | OSError):
            return unreachable(self.name, f"connection failed during {what}")
        return store_error(self.name, f"{what}: {exc.__class__.__name__}")

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

    def _write(self, name: str, blocks: Iterator[bytes], size: int, progress: Progress | None) -> None:
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
            response = self._http.put(self._url(tmp), content=body(), headers={"Content-Length": str(size)})
            self._check(response, "upload an object")
            response = self._http.request(
                "MOVE", self._url(tmp), headers={"Destination": self._url(name), "Overwrite": "T"}
            )
            self._check(response, "finish an upload")
        except BaseException as exc:
            try:
                self._http.delete(self._url(tmp))
            except Exception:
                pass
            if isinstance(exc, Exception) and not isinstance(exc, FieldworkError):
                raise self._map(exc, "upload an object") from None
            raise

    def put(self, name: str, src: BinaryIO, size: int, progress: Progress | None = None) -> None:
        self._write(name, read_blocks(src, size), size, progress)

    def put_atomic(self, name: str, data: bytes) -> None:
        self._write(name, iter([data]), len(data), None)

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
        except (ClientError, httpx.HTTPError, OSError) as exc:
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
        try:
            response = self._http.head(self._url(name))
        except Exception as exc:
            raise self._map(exc, "check an object") from None
        if response.status_code >= 400:
            return None
        etag = response.headers.get("etag", "").strip()
        if etag.startswith("W/"):
            return None  # a weak ETag says nothing about the bytes
        etag = etag.strip('"').lower()
        return etag if len(etag) == 32 and all(c in "0123456789abcdef" for c in etag) else None

    def close(self) -> None:
        self._http.close()
