"""The frozen Linux bundle: build it, then run its self-test and desktop start with no Python around.

Slow (a PyInstaller build, about two minutes), so skipped unless FIELDWORK_TEST_BUNDLE=1.  Needs the virtual
microphone and the virtual screen tools (scripts/setup.sh test).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.xdist_group("selftest"),  # runs the self-test (tests/integration/test_selftest.py)
    pytest.mark.slow,
    pytest.mark.audio,
    pytest.mark.skipif(os.environ.get("FIELDWORK_TEST_BUNDLE") != "1", reason="set FIELDWORK_TEST_BUNDLE=1"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle"),
    pytest.mark.timeout(1800),
]


def test_build_and_check_the_linux_bundle() -> None:
    build = subprocess.run(["bash", "packaging/build-linux.sh"], cwd=ROOT, capture_output=True, text=True)
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    assert (ROOT / "dist" / "fieldwork" / "fieldwork").is_file()

    check = subprocess.run(["bash", "packaging/check-linux.sh"], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout[-4000:] + check.stderr[-4000:]
    assert "selftest passed" in check.stdout
    assert "command -v python3 fails" in check.stdout
    assert "check: all passed" in check.stdout
