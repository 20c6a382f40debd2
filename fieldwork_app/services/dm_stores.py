"""The study stores saved on this machine, offered to the data manager's verify and unpack.

A store is saved once, with its credentials (kept in the vault) and, for SFTP, its host key pinned, by
``fieldwork store add`` or the sync page's store dialog.  The data manager's window then opens it by name with
exactly those settings: nothing is typed again, and the pinned host key is checked before anything is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fieldwork_app.services import sync as sync_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.sync.dmstore import checked_host_key
from fieldwork_app.sync.transports import Transport, open_transport

# Settings shown beside a saved store's name (never a secret).
_SHOWN = ("username", "access_key", "endpoint", "region", "ca_bundle", "key_file")


@dataclass(frozen=True)
class SavedStore:
    """A saved store as the data manager's window lists it: no secret, only what it is and how it is reached."""

    name: str
    url: str
    is_default: bool
    host_key: str  # fingerprint of the pinned SFTP host key, "" for none
    settings: dict[str, str]  # username / access key, endpoint, region, CA bundle, SSH key file
    secrets: tuple[str, ...]  # which secrets are saved (names only: "password", "secret_key", ...)


@dataclass(frozen=True)
class SavedStoreOpener:
    """Opens one saved store with its saved settings and secrets, on any thread (no database needed)."""

    name: str
    url: str
    options: dict[str, Any] = field(repr=False)
    secrets: dict[str, str] = field(repr=False)

    def open(self) -> tuple[Transport, str | None]:
        """The store, its pinned SFTP host key checked first: (transport, None)."""
        transport = open_transport(self.url, options=dict(self.options), secrets=dict(self.secrets))
        return checked_host_key(transport)


def saved_stores(ws: Workspace) -> list[SavedStore]:
    from fieldwork_app.sync.transports.sftp import host_key_fingerprint

    out: list[SavedStore] = []
    for s in sync_svc.list_stores(ws):
        pin = s.options.get("host_key")
        shown = {k: str(s.options[k]) for k in _SHOWN if s.options.get(k)}
        out.append(SavedStore(s.name, s.url, s.is_default, host_key_fingerprint(str(pin)) if pin else "", shown,
                              tuple(sorted(s.secrets))))  # fmt: skip
    return out


def saved_store_opener(ws: Workspace, name: str) -> SavedStoreOpener:
    """What opens the saved store ``name`` (read here, on the database's thread; opened by the caller's)."""
    store = sync_svc.get_store(ws, name)
    return SavedStoreOpener(store.name, store.url, dict(store.options), dict(store.secrets))
