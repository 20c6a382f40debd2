"""Typed, versioned, non-secret preferences (``settings.json`` in the data directory).

Nothing secret or identifying goes here: no keys, passphrases, participant ids or store credentials
(those live in the vault).  Each schema change adds a migration step; a settings file from a newer
version, or a damaged one, is set aside and defaults are used, never a crash.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 2


@dataclass
class Settings:
    schema_version: int = SCHEMA_VERSION
    auto_lock_minutes: int = 5
    last_user: str = ""
    input_device: str = ""
    ui_scale: float = 1.0
    language: str = "en"
    pause_on_distress: bool | None = None  # None: the study pack decides

    def validate(self) -> None:
        self.auto_lock_minutes = min(max(int(self.auto_lock_minutes), 1), 120)
        self.ui_scale = min(max(float(self.ui_scale), 0.75), 3.0)


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    # Version 1 stored the idle lock in seconds under "lock_after".
    seconds = int(data.pop("lock_after", 300))
    data["auto_lock_minutes"] = max(1, seconds // 60)
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def load(path: Path) -> Settings:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError):
        logger.warning("settings file unreadable; using defaults")
        return Settings()
    version = int(data.get("schema_version", 1))
    if version > SCHEMA_VERSION:
        logger.warning("settings file from a newer version; using defaults")
        return Settings()
    original = dict(data)
    try:
        while version < SCHEMA_VERSION:
            data = MIGRATIONS[version](data)
            version += 1
        data["schema_version"] = SCHEMA_VERSION
        known = {f.name for f in fields(Settings)}
        s = Settings(**{k: v for k, v in data.items() if k in known})
        s.validate()
        return s
    except (KeyError, TypeError, ValueError):
        logger.warning("settings migration failed; keeping the old file and using defaults")
        del original
        return Settings()


def save(path: Path, settings: Settings) -> None:
    settings.validate()
    tmp = path.with_name(path.name + ".tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_text(json.dumps(asdict(settings), indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)
