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
    """The app's data: icons, styles, translations, example study packs, schemas.

    In the repository they are the top-level ``resources/`` folder; the build (``setup.py``'s ``build_qt``)
    copies them into the package as ``fieldwork_app/resources/``, where :mod:`importlib.resources` finds them
    in a wheel or a frozen build (PyInstaller lays package data out beside the package's modules).  A checkout
    (an editable install, or ``PYTHONPATH``) has no packaged copy and reads the folder beside the package.
    """
    packaged = importlib.resources.files("fieldwork_app") / "resources"
    # A zipped package has no folder on disk; Fieldwork is never installed that way (Qt loads files).
    on_disk = packaged if isinstance(packaged, Path) else Path(str(packaged))
    if on_disk.is_dir():
        return on_disk
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    raise RuntimeError(f"the app's resources are neither packaged ({packaged!r}) nor beside it ({checkout})")


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
