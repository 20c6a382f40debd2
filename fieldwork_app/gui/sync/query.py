"""What the sync page shows: the outbox, the default study store, this laptop's and the study's keys.

``overview`` runs on the database thread and returns plain data for the page.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import sync as sync_svc

if TYPE_CHECKING:
    from fieldwork_app.services.workspace import Workspace


@dataclass(frozen=True)
class SyncOverview:
    rows: list[sync_svc.OutboxItem]
    store: str | None  # the default store's name, or None when none is set up
    fingerprint: str
    limit_days: int
    study_key: str = ""  # the pinned study key's fingerprint; "" when the study has none yet
    has_pack: bool = False
    identity_store: str | None = None  # the store the study sends identity data to
    last_numbers: dict[str, int] | None = None  # this laptop's newest bundle number per sequence
    store_kind: str = ""  # how the default store is reached: file, sftp, webdav, s3
    store_where: str = ""  # where it is: a folder, or a server (never a user name or a secret)


def place(url: str) -> tuple[str, str]:
    """How and where a store is, from its URL, for people: ("file", "/media/usb/study-store"),
    ("sftp", "files.example.ac.uk"), ("webdav", "dav.example.ac.uk"), ("s3", "bucket on s3.example.com")."""
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "file":
        return "file", urllib.parse.unquote(parts.path)
    host = parts.hostname or ""
    if scheme in ("http", "https", "webdav", "webdavs"):
        return "webdav", host
    if scheme == "s3":
        return "s3", host  # the bucket
    return scheme, host


def overview(ws: Workspace) -> SyncOverview:
    stores = sync_svc.list_stores(ws)
    default = next((s for s in stores if s.is_default), stores[0] if stores else None)
    limit = ws.pack().data_rules.audio_warning_days if ws.has_pack() else 7
    keys = packs_svc.study_keys(ws)
    kind, where = place(default.url) if default else ("", "")
    return SyncOverview(
        sync_svc.outbox_items(ws),
        default.name if default else None,
        sync_svc.device_fingerprint(ws),
        limit,
        keys.study_key,
        ws.has_pack(),
        keys.identity_store,
        sync_svc.last_numbers(ws),
        kind,
        where,
    )
