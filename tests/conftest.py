"""Root conftest: shared plugins and a guard that no test touches the developer's own data."""

from __future__ import annotations

import fcntl
import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# The same examples on every run, so that a red run can be re-run and a green one means something;
# FIELDWORK_HYPOTHESIS=explore draws fresh ones when hunting for new cases.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("FIELDWORK_HYPOTHESIS", "repeatable"))

def _build_qt() -> None:
    """Compile the Designer forms and translations into the checkout when they are missing or older than their
    sources, as ``pip install -e .`` does (a checkout used through PYTHONPATH has had no install).  Before any
    test module (or the GUI tests' conftest) imports the GUI."""
    script = Path(__file__).resolve().parent.parent / "scripts" / "qtbuild.py"
    spec = importlib.util.spec_from_file_location("fieldwork_qtbuild", script)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"{script} is missing")
    qtbuild = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(qtbuild)
    qtbuild.build(script.parent.parent / "fieldwork_app", script.parent.parent / "resources")


_build_qt()


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


# -- pytest-xdist: the tests marked ``serial`` run alone ---------------------------------------------------------
# Every test holds a shared lock on a file of this run (in the temp folder all workers share) while it runs; a test
# marked ``serial`` holds it exclusively, so it waits for the other workers' current tests and they wait for it.
# A second lock, taken briefly before either, lets a waiting ``serial`` test in before the next shared one (no
# worker can starve it).  Each worker holds one of these locks at a time, so none waits on another in a cycle.
@pytest.fixture(scope="session")
def _run_locks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, int] | None]:
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        yield None  # one process: every test already runs alone
        return
    shared = tmp_path_factory.getbasetemp().parent
    fds = (os.open(shared / "serial.lock", os.O_RDWR | os.O_CREAT, 0o600),
           os.open(shared / "serial-turnstile.lock", os.O_RDWR | os.O_CREAT, 0o600))  # fmt: skip
    try:
        yield fds
    finally:
        for fd in fds:
            os.close(fd)


@pytest.fixture(autouse=True)
def _serial_tests_alone(request: pytest.FixtureRequest, _run_locks: tuple[int, int] | None) -> Iterator[None]:
    if _run_locks is None:
        yield
        return
    main, turnstile = _run_locks
    alone = request.node.get_closest_marker("serial") is not None
    fcntl.flock(turnstile, fcntl.LOCK_EX)
    try:
        fcntl.flock(main, fcntl.LOCK_EX if alone else fcntl.LOCK_SH)
    finally:
        fcntl.flock(turnstile, fcntl.LOCK_UN)
    try:
        yield
    finally:
        fcntl.flock(main, fcntl.LOCK_UN)
