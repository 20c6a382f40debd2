"""Pytest plugin: make PySide6 unimportable, to prove the core and its tests run without Qt.

Used as ``pytest tests/unit -p no:pytest-qt -p tests.support.noqt``, the only run of the unit tests in
scripts/test.sh.  The import fails with an ImportError (not ModuleNotFoundError), so ``pytest.importorskip`` of
PySide6 in a unit test is an error here, not a skip: a unit test that needs Qt cannot silently run nowhere.
"""

from __future__ import annotations

import importlib.abc
import sys


class _NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):  # type: ignore[no-untyped-def]
        if fullname.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"{fullname} is blocked: the core must run without Qt")
        return None


for name in list(sys.modules):
    if name.split(".")[0] in ("PySide6", "shiboken6"):
        raise RuntimeError("PySide6 was imported before the no-Qt guard")
sys.meta_path.insert(0, _NoQt())
