"""``fieldwork selftest`` passes on this machine with the virtual microphone, and fails clearly without one."""

from __future__ import annotations

import glob
import os
import subprocess
import sys
import tempfile
from typing import Any

import pytest

# every run of the self-test makes its scratch folder in the same place (/dev/shm): the tests that count them
# run one at a time, on one pytest-xdist worker (with the wheel's and the bundle's self-test)
pytestmark = [pytest.mark.audio, pytest.mark.xdist_group("selftest")]


def scratch_folders() -> list[str]:
    """Selftest scratch folders on this machine (in RAM where there is one, else the temp folder)."""
    return glob.glob("/dev/shm/fieldwork-selftest-*") + glob.glob(
        f"{tempfile.gettempdir()}/fieldwork-selftest-*"
    )


def test_selftest_passes_with_a_microphone(virtual_mic: Any) -> None:
    virtual_mic.use_sine()
    before = set(scratch_folders())
    proc = subprocess.run(
        [sys.executable, "-m", "fieldwork_app", "selftest", "--seconds", "1"],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    for name in ("vault", "study pack", "record", "export", "sync", "verify and unpack"):
        assert any(line.startswith("ok") and name in line for line in lines), proc.stdout
    assert lines[-1] == "selftest passed"
    leftovers = set(scratch_folders()) - before  # only this run's: others may share the machine
    assert leftovers == set(), leftovers


def test_selftest_names_a_missing_device(virtual_mic: Any) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "fieldwork_app", "selftest", "--device", "no-such-microphone"],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )
    assert proc.returncode == 1
    assert "FAIL record" in proc.stderr and "no-such-microphone" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
