"""Study packs: load and validate the YAML files a study's research team writes.

The format is described in ``docs/study-pack-format.md``; the models are in
:mod:`fieldwork_app.domain.pack`.
"""

from __future__ import annotations

from pathlib import Path

from fieldwork_app.paths import example_pack_dir
from fieldwork_app.studypack.issues import PackIssue, PackValidationError
from fieldwork_app.studypack.loader import (
    load_pack,
    load_pack_files,
    pack_digest,
    pack_notices,
    validate_pack,
)


def example_pack_path() -> Path:
    """The built-in example pack ("Mothers on the Margins") that the app opens on first run."""
    return example_pack_dir()


__all__ = [
    "PackIssue",
    "PackValidationError",
    "example_pack_path",
    "load_pack",
    "load_pack_files",
    "pack_digest",
    "pack_notices",
    "validate_pack",
]
