"""The ``fieldwork`` command starts without importing what its command does not need: the parser, ``--help``
and ``--version`` import no service, vault, pack model or audio code (numpy); a command imports its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

HEAVY = ("fieldwork_app.services", "fieldwork_app.vault", "fieldwork_app.studypack", "fieldwork_app.domain.pack",
         "fieldwork_app.audio", "fieldwork_app.sync", "fieldwork_app.analysis", "numpy", "pydantic")  # fmt: skip

PROBE = """
import json, sys
from fieldwork_app.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""


def _loaded(*argv: str) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FIELDWORK_")}
    proc = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    modules: list[str] = json.loads(proc.stdout.strip().splitlines()[-1])
    return modules


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["consent", "--help"], ["store", "--help"]])
def test_help_and_version_import_nothing_heavy(argv: list[str]) -> None:
    heavy = [m for m in _loaded(*argv) if m.startswith(HEAVY)]
    assert heavy == [], heavy


def test_a_command_imports_what_it_needs() -> None:
    """The choices a service holds are read where an option is checked; the store's and analysis code is not
    imported by a command that does not use it."""
    modules = _loaded("note", "add", "S-0001", "--kind", "nonsense")
    assert "fieldwork_app.services.interview" in modules
    assert not [m for m in modules if m.startswith(("fieldwork_app.services.sync", "fieldwork_app.analysis"))]


def test_a_date_the_data_manager_checks_is_a_usage_error_not_a_traceback() -> None:
    """``--from DATE`` is checked by the data manager's service, imported as the option is read."""
    proc = subprocess.run([sys.executable, "-m", "fieldwork_app", "study", "devices", "revoke", "ab12", "--from",
                           "next week"], capture_output=True, text=True, timeout=120)  # fmt: skip
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [
        "fieldwork study devices revoke: argument --from: 'next week' is not a date (YYYY-MM-DD) "
        "(see 'fieldwork study devices revoke --help')"
    ]
