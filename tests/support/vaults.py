"""Pytest plugin: real SQLCipher vaults for tests.

A template vault (fast KDF parameters, example pack imported) is built once per test session and copied
for each test that wants one, as Anki's tests do with a template collection.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldwork_app.paths import DataDir
from fieldwork_app.services import workspace
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.vault import FAST_KDF

# The weak test KDF needs both switches: a user setting FIELDWORK_KDF=fast alone gets full strength.
os.environ["FIELDWORK_KDF"] = "fast"
os.environ["FIELDWORK_TEST_SUITE"] = "1"

USER = "alice"
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="session")
def _template_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    from fieldwork_app.services import packs

    root = tmp_path_factory.mktemp("template") / "data"
    ws, recovery = workspace.create(DataDir(root), USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs.import_pack(ws, example=True)
    finally:
        ws.close()
    return root, recovery


@pytest.fixture
def vault_dir(_template_vault: tuple[Path, str], tmp_path: Path) -> DataDir:
    """A fresh copy of the template vault (user alice, example pack imported), locked."""
    src, _ = _template_vault
    dst = tmp_path / "vault"
    shutil.copytree(src, dst)
    return DataDir(dst)


@pytest.fixture
def recovery_key(_template_vault: tuple[Path, str]) -> str:
    return _template_vault[1]


@pytest.fixture
def ws(vault_dir: DataDir) -> Iterator[Workspace]:
    """An unlocked workspace on a fresh copy of the template vault."""
    w = workspace.unlock(vault_dir, USER, PASSPHRASE)
    yield w
    w.close()


@pytest.fixture
def cli_env(vault_dir: DataDir, monkeypatch: pytest.MonkeyPatch) -> DataDir:
    """Environment for running ``fieldwork`` commands against a copy of the template vault."""
    monkeypatch.setenv("FIELDWORK_DATA_DIR", str(vault_dir.root))
    monkeypatch.setenv("FIELDWORK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FIELDWORK_USER", USER)
    return vault_dir


@pytest.fixture
def attested_vault_dir(tmp_path: Path) -> DataDir:
    """A vault (user alice, locked) whose study pack is the example with its mothers' interview consent
    form 1.1 also allowing attested consent (given in person, not signed on screen, reason recorded)."""
    from fieldwork_app.services import packs

    pack = tmp_path / "pack"
    shutil.copytree(packs.example_pack_path(), pack)
    form = pack / "documents" / "consent-mother-interview-1.1.yaml"
    text = form.read_text()
    assert "modes: [written, verbal, paper]" in text
    form.write_text(
        text.replace("modes: [written, verbal, paper]", "modes: [written, verbal, paper, attested]")
    )
    data = DataDir(tmp_path / "attested")
    ws, _ = workspace.create(data, USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs.import_pack(ws, pack)
    finally:
        ws.close()
    return data
