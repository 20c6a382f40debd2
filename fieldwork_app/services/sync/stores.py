"""The study stores this laptop sends to: their settings (secrets kept in the vault), the default
one, and an SFTP server's host key pinned before any credential is sent."""

from __future__ import annotations

import json
import urllib.parse
from dataclasses import dataclass
from typing import Any

from fieldwork_app.errors import ErrorCode, ErrorKind, FieldworkError, InvalidInput, NotFound
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.sync.linkfit import LinkMeasure
from fieldwork_app.sync.transports import open_transport
from fieldwork_app.vault import now_iso

STORE_NAME_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")


@dataclass(frozen=True)
class StoreConfig:
    name: str
    url: str
    options: dict[str, Any]
    secrets: dict[str, str]
    is_default: bool

    @property
    def link(self) -> LinkMeasure | None:
        """The link as the last sync to this store measured it (None: never measured)."""
        return LinkMeasure.from_dict(self.options.get(LINK_OPTION))

    def public(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "url": self.url,
            "options": self.options,
            "default": self.is_default,
            "secrets": sorted(self.secrets),
        }


# The option under which the last sync's measure of the link to a store is kept (see sync.linkfit)
LINK_OPTION = "measured_link"


# Options that say how to trust an SFTP server's key the first time; once it is pinned they are dropped.
HOST_KEY_CHOICES = ("host_key_fingerprint", "known_hosts", "accept_new_host_key")


@dataclass(frozen=True)
class HostKeyPin:
    options: dict[str, Any]  # the store's options with the host key pinned
    fingerprint: str  # SHA256:... of the pinned key ("" for a store that has no host key)
    new: bool  # True when the key was taken on the user's word (accept_new_host_key), not checked


def pin_host_key(url: str, options: dict[str, Any], secrets: dict[str, str] | None = None) -> HostKeyPin:
    """Any thread (it connects): for an SFTP store, fetch the server's host key, check it against what
    ``options`` give (``host_key_fingerprint``, ``known_hosts``, or ``accept_new_host_key``) and return the
    options with the key pinned as ``host_key``.  No credential is sent.  Other stores pass unchanged."""
    options = dict(options)
    if urllib.parse.urlsplit(url).scheme.lower() != "sftp":
        return HostKeyPin(options, "", False)
    from fieldwork_app.sync.transports.sftp import SftpTransport, host_key_fingerprint

    transport = open_transport(url, options=options, secrets=dict(secrets or {}))
    assert isinstance(transport, SftpTransport)
    try:
        key = transport.server_host_key()
    finally:
        transport.close()
    pinned = {k: v for k, v in options.items() if k not in HOST_KEY_CHOICES}
    pinned["host_key"] = key
    return HostKeyPin(pinned, host_key_fingerprint(key), transport.accepted_new_key)


def add_store(
    ws: Workspace,
    name: str,
    url: str,
    options: dict[str, Any] | None = None,
    secrets: dict[str, str] | None = None,
    make_default: bool | None = None,
) -> StoreConfig:
    if not name or len(name) > 40 or not set(name) <= STORE_NAME_CHARS:
        raise InvalidInput("a store name is 1-40 letters, digits, '-', '_' or '.'")
    options, secrets = dict(options or {}), dict(secrets or {})
    open_transport(url, options=options, secrets=secrets).close()  # validates the URL; connects lazily
    identity_name = ws.pack().data_rules.identity_store if ws.has_pack() else None
    others = ws.db.execute(
        "SELECT COUNT(*) FROM stores WHERE name != ? AND name != ?", (name, identity_name or "")
    ).fetchone()[0]
    default = others == 0 if make_default is None else make_default  # the first research store is the default
    if name == identity_name:
        default = False  # the identity store is never where research data goes by default
    with ws.vault.transaction() as db:
        if default:
            db.execute("UPDATE stores SET is_default = 0")
        db.execute(
            "INSERT OR REPLACE INTO stores (name, url, options_json, secrets_json, is_default, created_at)"
            " VALUES (?,?,?,?,?,?)",
            (
                name,
                url,
                json.dumps(options, sort_keys=True),
                json.dumps(secrets, sort_keys=True),
                int(default),
                now_iso(),
            ),
        )
        detail: dict[str, Any] = {"scheme": url.split(":", 1)[0]}
        if options.get("host_key"):
            from fieldwork_app.sync.transports.sftp import host_key_fingerprint

            detail["host_key"] = host_key_fingerprint(str(options["host_key"]))
        ws.vault.audit("store.add", "store", name, detail=detail)
    return get_store(ws, name)


def _store_row(r: Any) -> StoreConfig:
    return StoreConfig(
        r["name"],
        r["url"],
        json.loads(r["options_json"]),
        json.loads(r["secrets_json"]),
        bool(r["is_default"]),
    )


def list_stores(ws: Workspace) -> list[StoreConfig]:
    return [_store_row(r) for r in ws.db.execute("SELECT * FROM stores ORDER BY name").fetchall()]


def get_store(ws: Workspace, name: str | None = None, *, not_named: str | None = None) -> StoreConfig:
    """The store called ``name``, else the default one (never the one called ``not_named``)."""
    if name:
        r = ws.db.execute("SELECT * FROM stores WHERE name = ?", (name,)).fetchone()
        if r is None:
            raise NotFound(f"no store named '{name}'", code=ErrorCode.UNKNOWN_STORE, params={"name": name})
    else:
        r = ws.db.execute(
            "SELECT * FROM stores WHERE name != ? ORDER BY is_default DESC, name LIMIT 1", (not_named or "",)
        ).fetchone()
        if r is None:
            raise FieldworkError("no study store set up", kind=ErrorKind.NOT_READY, code=ErrorCode.NO_STORE)
    return _store_row(r)


def remove_store(ws: Workspace, name: str) -> None:
    get_store(ws, name)
    with ws.vault.transaction() as db:
        db.execute("DELETE FROM stores WHERE name = ?", (name,))
        ws.vault.audit("store.remove", "store", name)


def keep_link_measure(ws: Workspace, name: str, measure: LinkMeasure) -> None:
    """Database thread: keep what a sync measured of the link to store ``name`` in its record, for the next
    sync's chunk size (a store removed meanwhile is left alone)."""
    r = ws.db.execute("SELECT options_json FROM stores WHERE name = ?", (name,)).fetchone()
    if r is None:
        return
    options = json.loads(r["options_json"])
    options[LINK_OPTION] = measure.to_dict()
    with ws.vault.transaction() as db:
        db.execute("UPDATE stores SET options_json = ? WHERE name = ?", (json.dumps(options, sort_keys=True), name))
