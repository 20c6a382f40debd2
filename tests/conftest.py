"""Root conftest: shared plugins and a guard that no test touches the developer's own data."""

from __future__ import annotations

import os

import pytest

pytest_plugins = [
    "tests.support.vaults",
    "tests.support.pulse",
    "tests.support.servers",
]


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point FIELDWORK_DATA_DIR and HOME-derived dirs at a temp dir so tests never write real user data."""
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FIELDWORK_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "share"))
    monkeypatch.delenv("FIELDWORK_PASSPHRASE", raising=False)
    monkeypatch.delenv("FIELDWORK_USER", raising=False)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
