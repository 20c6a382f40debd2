"""Small file-system helpers shared by the vault, the recorder and the folder store.

Everything Fieldwork writes inside its data directory is private to the user: folders 0700, files
0600.  Both faces set a process umask of 077 at start (:func:`private_umask`); the helpers here also
set modes explicitly, so a file made by code running under another umask (a test, a library) is
private too.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def private_umask() -> None:
    """New files and folders are private to the user (0600/0700) for the rest of the process."""
    os.umask(0o077)


def private_dir(path: Path) -> Path:
    """Make ``path`` (and missing parents) a folder, mode 0700."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.chmod(path, FILE_MODE)


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (best effort: some file systems refuse)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
