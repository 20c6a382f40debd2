"""Qt Designer forms: ``ui/NAME.ui`` compiled by ``pyside6-uic`` into ``ui_NAME.py`` beside this file.

This package is both the compile helper and the home of its output (a module ``gui/forms.py`` could
not live beside a package ``gui/forms/``).  A form is (re)compiled when its Python is missing or older
than the ``.ui``; the output is not kept in git.  A frozen build ships the compiled modules.
"""

from __future__ import annotations

import importlib
import logging
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from fieldwork_app.paths import ui_dir

logger = logging.getLogger(__name__)

FORMS_DIR = Path(__file__).resolve().parent


def _uic() -> str:
    beside = Path(sys.executable).with_name("pyside6-uic")
    if beside.exists():
        return str(beside)
    found = shutil.which("pyside6-uic")
    if found is None:
        raise RuntimeError("pyside6-uic is not installed; it is needed to build the app's forms")
    return found


def compile_form(name: str) -> Path:
    src = ui_dir() / f"{name}.ui"
    out = FORMS_DIR / f"ui_{name}.py"
    if src.exists() and (not out.exists() or out.stat().st_mtime < src.stat().st_mtime):
        logger.info("compiling form %s", name)
        tmp = out.with_suffix(".tmp")
        subprocess.run([_uic(), "-o", str(tmp), str(src)], check=True, capture_output=True)
        tmp.replace(out)
        importlib.invalidate_caches()
        sys.modules.pop(f"fieldwork_app.gui.forms.ui_{name}", None)
    return out


def compile_all() -> list[Path]:
    return [compile_form(p.stem) for p in sorted(ui_dir().glob("*.ui"))]


def load(name: str) -> ModuleType:
    """The compiled module of form ``name`` (compiling it first when needed)."""
    if not getattr(sys, "frozen", False):
        compile_form(name)
    return importlib.import_module(f"fieldwork_app.gui.forms.ui_{name}")
