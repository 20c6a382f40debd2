"""Where Fieldwork keeps its files.

One data directory per laptop: ``--data-dir``, else ``FIELDWORK_DATA_DIR``, else the platform's user
data directory.  Everything inside it that holds research or identity data is encrypted.
"""

from __future__ import annotations

import importlib.resources
import os
from functools import cache
from pathlib import Path

import platformdirs

APP_NAME = "Fieldwork"
ENV_DATA_DIR = "FIELDWORK_DATA_DIR"


def default_data_dir() -> Path:
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@cache
def resources_dir() -> Path:
    """The package's ``resources/`` data: icons, styles, translations, example study packs, schemas.

    Read through :mod:`importlib.resources`, so it is the same whether the package runs from a wheel, an
    editable install or a frozen build (PyInstaller lays package data out beside the package's modules).
    """
    root = importlib.resources.files("fieldwork_app") / "resources"
    if isinstance(root, Path):
        return root
    # Another loader's traversable that still names a folder on disk; a zipped package has none, and Fieldwork
    # is never installed that way (Qt loads icons and translations from files).
    on_disk = Path(str(root))
    if on_disk.is_dir():
        return on_disk
    raise RuntimeError(f"the app's resources are not on the file system ({root!r})")


def packs_dir() -> Path:
    """The example study packs shipped with the app, one folder each."""
    return resources_dir() / "packs"


def example_pack_dir() -> Path:
    return packs_dir() / "mothers-on-the-margins"


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
