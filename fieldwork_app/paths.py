"""Where Fieldwork keeps its files.

One data directory per laptop: ``--data-dir``, else ``FIELDWORK_DATA_DIR``, else the platform's user
data directory.  Everything inside it that holds research or identity data is encrypted.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Fieldwork"
ENV_DATA_DIR = "FIELDWORK_DATA_DIR"


def default_data_dir() -> Path:
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resources_dir() -> Path:
    """The ``resources/`` folder (beside the package in a checkout, inside the bundle when frozen)."""
    import sys

    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def ui_dir() -> Path:
    import sys

    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "ui"
    return Path(__file__).resolve().parent.parent / "ui"


def example_pack_dir() -> Path:
    return resources_dir() / "packs" / "mothers-on-the-margins"


class DataDir:
    """The layout of one data directory."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @property
    def keyslots(self) -> Path:
        return self.root / "keyslots.json"

    @property
    def research_db(self) -> Path:
        return self.root / "research.db"

    @property
    def identity_db(self) -> Path:
        return self.root / "identity.db"

    @property
    def audio(self) -> Path:
        return self.root / "audio"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def outbox(self) -> Path:
        return self.root / "outbox"

    def ensure(self) -> None:
        for p in (self.root, self.audio, self.logs, self.outbox):
            p.mkdir(mode=0o700, parents=True, exist_ok=True)
            try:
                os.chmod(p, 0o700)
            except OSError:
                pass
