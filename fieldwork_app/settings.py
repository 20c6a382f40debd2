"""Typed, versioned, non-secret preferences (``settings.json`` in the data directory).

Nothing secret or identifying goes here: no keys, passphrases, participant ids or store credentials
(those live in the vault).  Each schema change adds a migration step (tests/unit/test_settings.py runs each).
A settings file from a newer version is left as it is (this version uses defaults and never overwrites it, so
going back to the newer version finds its settings); a damaged one gives defaults and is replaced at the next
save; neither is ever a crash.

Who reads what: ``auto_lock_minutes`` the main window's idle lock; ``last_user`` the unlock page's user field
(written at each unlock); ``language`` the GUI's translations (``FIELDWORK_LANG`` overrides it).
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

SCHEMA_VERSION = 3


@dataclass
class Settings:
    schema_version: int = SCHEMA_VERSION
    auto_lock_minutes: int = 5
    last_user: str = ""
    language: str = "en"

    def validate(self) -> None:
        self.auto_lock_minutes = min(max(int(self.auto_lock_minutes), 1), 120)
        if not isinstance(self.last_user, str) or not isinstance(self.language, str):
            raise TypeError("last_user and language are text")


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    # Version 1 stored the idle lock in seconds under "lock_after".
    seconds = int(data.pop("lock_after", 300))
    data["auto_lock_minutes"] = max(1, seconds // 60)
    return data


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    # Version 2 had three preferences nothing read: the app records from the system's default microphone (the
    # command line takes --device), the scale follows the system's (Qt's high-DPI scaling), and whether the
    # distress protocol pauses the recording is the study pack's rule (pause_recording_by_default).
    for name in ("input_device", "ui_scale", "pause_on_distress"):
        data.pop(name, None)
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2, 2: _v2_to_v3}

# Files from a newer version, read with defaults this run and never overwritten by this version.
_KEPT: set[Path] = set()


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
    try:
        version = int(data.get("schema_version", 1))
    except (TypeError, ValueError):
        logger.warning("settings file unreadable; using defaults")
        return Settings()
    if version > SCHEMA_VERSION:
        logger.warning("settings file from a newer version; using defaults and leaving the file as it is")
        _KEPT.add(path.resolve())
        return Settings()
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
        logger.warning("settings file unreadable after migration; using defaults")
        return Settings()


def save(path: Path, settings: Settings) -> None:
    """Write the settings atomically (not over a newer version's file)."""
    settings.validate()
    if path.resolve() in _KEPT:
        logger.info("settings not saved: the file is from a newer version")
        return
    tmp = path.with_name(path.name + ".tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_text(json.dumps(asdict(settings), indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)
