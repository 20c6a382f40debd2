"""Study-store transports and :func:`open_transport`, which picks one from a store URL.

URL forms::

    file:///srv/share/study            a folder or mounted share
    sftp://user@host:port/path         SFTP (``/~/path`` for a path under the login's home)
    webdavs://host:port/path           WebDAV over https (https:// too)
    webdav://host:port/path            WebDAV over plain http (http:// too): only to this machine
                                       (127.0.0.1, ::1, localhost), since the password would travel in clear
    s3://bucket/prefix                 S3-compatible; ``options["endpoint"]`` gives the server URL

A URL never carries a password (it would be kept and shown with the URL): secrets go in ``secrets``.

An S3 endpoint must be https, except to this machine.  ``options["ca_bundle"]`` names a PEM file of the
certificate authorities a https store (WebDAV, S3) is checked against instead of the system's: a
university's private CA.

``options`` holds settings that are not secret (username, endpoint, key_file, known_hosts, host_key,
host_key_fingerprint, accept_new_host_key, ca_bundle, region, timeout); ``secrets`` holds passwords, key
passphrases, private key text and S3 secret keys.  Neither is ever logged.
"""

from __future__ import annotations

import ipaddress
import urllib.parse
from pathlib import Path
from typing import Any

from fieldwork_app.errors import ErrorCode, InvalidInput
from fieldwork_app.sync.transports.base import Transport

__all__ = ["Transport", "open_transport"]


def open_transport(url: str, *, options: dict[str, Any] | None = None,
                   secrets: dict[str, str] | None = None) -> Transport:  # fmt: skip
    """Build the transport for ``url``.  Connections are opened lazily, on first use."""
    options = dict(options or {})
    secrets = dict(secrets or {})
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    if parts.password is not None:
        host = parts.hostname or "the store"
        raise InvalidInput(
            f"store URL for {host} contains a password: leave it out of the URL",
            code=ErrorCode.STORE_URL_PASSWORD,
            params={"host": host},
        )
    if scheme == "file":
        from fieldwork_app.sync.transports.local import LocalTransport

        path = urllib.parse.unquote(parts.path)
        if not path:
            raise InvalidInput(f"store URL {url!r} has no folder path")
        return LocalTransport(Path(path))
    if scheme == "sftp":
        from fieldwork_app.sync.transports.sftp import SftpTransport

        user = urllib.parse.unquote(parts.username or "") or options.get("username")
        if not parts.hostname or not user:
            raise InvalidInput(f"store URL {url!r} needs the form sftp://user@host:port/path")
        path = urllib.parse.unquote(parts.path) or "/"
        if path.startswith("/~/") or path == "/~":
            path = path[3:] or "."
        return SftpTransport(parts.hostname, parts.port or 22, user, path, options, secrets)
    if scheme in ("webdav", "webdavs", "http", "https"):
        from fieldwork_app.sync.transports.webdav import WebdavTransport

        if not parts.hostname:
            raise InvalidInput(f"store URL {url!r} has no host")
        http_scheme = {"webdav": "http", "webdavs": "https"}.get(scheme, scheme)
        if http_scheme == "http" and not _is_loopback(parts.hostname):
            raise InvalidInput(
                f"WebDAV store {parts.hostname} uses plain http, so its password would cross the network "
                "unencrypted: use https:// (or webdavs://)"
            )
        if parts.username and "username" not in options:
            options["username"] = urllib.parse.unquote(parts.username)
        host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname  # an IPv6 literal
        netloc = host + (f":{parts.port}" if parts.port else "")
        base = urllib.parse.urlunsplit((http_scheme, netloc, parts.path or "/", "", ""))
        _check_ca_bundle(options)
        return WebdavTransport(base, options, secrets)
    if scheme == "s3":
        from fieldwork_app.sync.transports.s3 import S3Transport

        if not parts.hostname:
            raise InvalidInput(f"store URL {url!r} needs the form s3://bucket/prefix")
        endpoint = options.get("endpoint")
        if endpoint:
            ep = urllib.parse.urlsplit(str(endpoint))
            if ep.scheme.lower() not in ("http", "https") or not ep.hostname:
                raise InvalidInput(f"S3 endpoint {endpoint!r}: give its full address, https://host[:port]")
            if ep.scheme.lower() == "http" and not _is_loopback(ep.hostname):
                raise InvalidInput(
                    f"S3 endpoint {ep.hostname} uses plain http, so the access key's signatures and every "
                    "request would cross the network unencrypted and unauthenticated: use https://"
                )
        _check_ca_bundle(options)
        return S3Transport(parts.netloc, urllib.parse.unquote(parts.path), options, secrets)
    raise InvalidInput(f"store URL {url!r}: use file://, sftp://, webdav://, https:// or s3://")


def _check_ca_bundle(options: dict[str, Any]) -> None:
    """``options["ca_bundle"]``, when given, must be a readable PEM file of certificates."""
    path = options.get("ca_bundle")
    if not path:
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(1 << 20)
    except OSError as exc:
        raise InvalidInput(f"CA bundle {path}: cannot be read ({exc.strerror})") from None
    if b"-----BEGIN CERTIFICATE-----" not in head:
        raise InvalidInput(f"CA bundle {path}: no PEM certificate ('-----BEGIN CERTIFICATE-----') in it")


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
