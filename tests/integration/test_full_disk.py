"""A full disk under the vault: a clear one-line error, the change rolled back, nothing lost."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldwork_app.paths import DataDir
from tests.support.vaults import PASSPHRASE, USER


@pytest.fixture
def tiny_fs(tmp_path: Path) -> Iterator[Path]:
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mnt)], capture_output=True)
    if done.returncode != 0:
        if os.environ.get("FIELDWORK_REQUIRE_SERVERS"):
            pytest.fail(f"cannot mount a small tmpfs here: {done.stderr.decode().strip()}")
        pytest.skip("mounting a small filesystem needs root")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _fw(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldwork_app", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )


def test_full_disk_gives_one_line_and_loses_nothing(vault_dir: DataDir, tiny_fs: Path) -> None:
    root = tiny_fs / "vault"
    shutil.copytree(vault_dir.root, root)
    env = {"FIELDWORK_DATA_DIR": str(root), "FIELDWORK_PASSPHRASE": PASSPHRASE, "FIELDWORK_USER": USER}
    assert _fw(env, "participant", "add", "--group", "mother").stdout.strip() == "M-001"
    filler = tiny_fs / "filler"
    with open(filler, "wb") as fh:  # fill every free byte
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass
    failures = 0
    for _ in range(40):
        proc = _fw(env, "participant", "add", "--group", "mother")
        assert "Traceback" not in proc.stderr
        if proc.returncode != 0:
            failures += 1
            assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
            assert "disk" in proc.stderr
            break
    assert failures == 1, "the disk never filled up"
    filler.unlink()
    listing = json.loads(_fw(env, "participant", "list", "--json").stdout)
    ids = [p["id"] for p in listing]
    assert ids[0] == "M-001" and ids == [f"M-{i:03d}" for i in range(1, len(ids) + 1)]
    verify = _fw(env, "audit", "verify")
    assert verify.returncode == 0, verify.stderr
