"""Build hook: compile the Qt Designer forms and translations into the package (metadata is in pyproject.toml).

``build_qt`` runs as a sub-command of ``build`` after ``build_py``, so every wheel carries
``fieldwork_app/gui/forms/ui_*.py`` and the repository's ``resources/`` (icons, styles, every example pack,
schemas) as ``fieldwork_app/resources/`` with ``translations/*.qm`` compiled.  In an editable install
(``pip install -e .``) setuptools sets ``editable_mode``: the forms and .qm files go into the source tree, and the
app reads ``resources/`` from the checkout.
The steps themselves are in ``scripts/qtbuild.py``.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

from setuptools import Command, setup
from setuptools.command.build import build

HERE = Path(__file__).resolve().parent


def _qtbuild():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("fieldwork_qtbuild", HERE / "scripts" / "qtbuild.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class build_qt(Command):  # noqa: N801 (setuptools command names are lower case)
    description = "compile Qt Designer forms (ui/*.ui) and translations (*.ts) into the package"
    user_options: list[tuple[str, str | None, str]] = []

    def initialize_options(self) -> None:
        self.build_lib: str | None = None
        self.editable_mode = False
        self._outputs: list[str] = []

    def finalize_options(self) -> None:
        self.set_undefined_options("build_py", ("build_lib", "build_lib"))

    def run(self) -> None:
        qt = _qtbuild()
        if self.editable_mode:
            outputs = qt.build(HERE / "fieldwork_app", HERE / "resources")
        else:
            assert self.build_lib is not None
            package = Path(self.build_lib) / "fieldwork_app"
            outputs = qt.compile_forms(package / "gui" / "forms", force=True)
            resources = package / "resources"
            if resources.exists():
                shutil.rmtree(resources)
            # the .ts sources stay out of the wheel (the app reads the compiled .qm), as do stale local builds
            shutil.copytree(HERE / "resources", resources, ignore=shutil.ignore_patterns("*.ts", "*.qm", "__pycache__"))
            outputs += [p for p in resources.rglob("*") if p.is_file()]
            outputs += qt.compile_translations(resources / "translations", force=True)
        self._outputs = [str(p) for p in outputs]

    def get_outputs(self) -> list[str]:
        return self._outputs

    def get_source_files(self) -> list[str]:
        qt = _qtbuild()
        data = [p for p in (HERE / "resources").rglob("*") if p.is_file() and p.suffix != ".qm"]
        return [str(p.relative_to(HERE)) for p in [*qt.ui_sources(), *qt.ts_sources(), *data]]

    def get_output_mapping(self) -> dict[str, str]:
        return {}


build.sub_commands = [*build.sub_commands, ("build_qt", None)]

setup(cmdclass={"build_qt": build_qt})
