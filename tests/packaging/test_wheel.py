"""The wheel installs and runs: built from the checkout's files, installed into an empty venv, then
``fieldwork selftest`` and ``fieldwork gui --tour`` run from that venv alone.

The point is that the wheel's own files are complete (compiled forms, translations, icons, styles, every example
study pack, the REFI-QDA schema).  To keep the run short, the wheel is built without build isolation (this venv
has the build requirements) and installed with ``--no-deps``; the dependencies come from this venv through a
folder that lists every installed distribution *except* Fieldwork itself, so nothing of the project can be
imported from anywhere but the wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.audio,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the venv layout of Linux"),
    pytest.mark.timeout(900),
    # one wheel and venv for the module (its fixture), and a self-test run (tests/integration/test_selftest.py)
    pytest.mark.xdist_group("selftest"),
]

_IGNORED = ("build", "dist", ".venv", ".git", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache")


def _source_copy(dest: Path) -> Path:
    """The checkout's files as a fresh clone has them: tracked and new, never ignored build outputs."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode().split("\0")
    for rel in filter(None, listed):
        src = ROOT / rel
        if src.is_file() and not any(part in _IGNORED for part in Path(rel).parts):
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    return dest


def _dependencies_view(dest: Path) -> Path:
    """This venv's site-packages less Fieldwork (its package, metadata and editable-install hooks)."""
    site = Path(sysconfig.get_paths()["purelib"])
    dest.mkdir()
    for entry in site.iterdir():
        name = entry.name.lower()
        if name.startswith(("fieldwork", "__editable__")) or name.endswith(".pth"):
            continue
        (dest / entry.name).symlink_to(entry)
    return dest


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("wheel")
    src = _source_copy(base / "src")
    assert not list((src / "fieldwork_app" / "gui" / "forms").glob("ui_*.py")), "compiled forms were copied"
    wheels = base / "wheels"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), "."],
        cwd=src, capture_output=True, text=True, timeout=600,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (wheel,) = wheels.glob("fieldwork-*.whl")

    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    target = Path(subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip())
    (target / "fieldwork-deps.pth").write_text(str(_dependencies_view(base / "deps")) + "\n")
    # nothing of the checkout on the path (PYTHONPATH would show its fieldwork.egg-info as installed)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-deps", "--no-index", str(wheel)],
        cwd=base, env=env, capture_output=True, text=True, timeout=300,
    )
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    return {"wheel": wheel, "venv": env_dir, "py": py, "site": target, "src": src}


def _env(info: dict[str, Any], **extra: str) -> dict[str, str]:
    """This process's environment (the virtual microphone's too) without the checkout, the venv's bin first."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{info['venv'] / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return {**env, **extra}


def _run(info: dict[str, Any], *args: str, timeout: int = 300, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args), cwd=info["venv"], env=_env(info, **extra), capture_output=True, text=True, timeout=timeout
    )


def test_the_wheel_holds_the_compiled_forms_translations_and_every_resource(installed: dict[str, Any]) -> None:
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    src = installed["src"]
    for ui in (src / "ui").glob("*.ui"):
        assert f"fieldwork_app/gui/forms/ui_{ui.stem}.py" in names, ui.name
    for ts in (src / "resources/translations").glob("fieldwork_*.ts"):
        assert f"fieldwork_app/resources/translations/{ts.stem}.qm" in names, ts.name
    resources = src / "resources"
    for f in resources.rglob("*"):
        if f.is_file() and f.suffix not in (".ts", ".qm"):
            assert f"fieldwork_app/{f.relative_to(src).as_posix()}" in names, f
    packs = [p.name for p in (resources / "packs").iterdir() if p.is_dir()]
    assert "mothers-on-the-margins" in packs
    assert not any(n.endswith(".ts") or n.startswith(("tests/", "ui/", "scripts/")) for n in names)


def test_the_installed_app_imports_from_the_wheel_alone(installed: dict[str, Any]) -> None:
    code = (
        "import sys, fieldwork_app, fieldwork_app.gui.forms.ui_unlock as f\n"
        "from fieldwork_app.paths import resources_dir, packs_dir\n"
        "from fieldwork_app.gui.app import application\n"
        "from fieldwork_app.gui.resources import icon, style_sheet\n"
        "from fieldwork_app.i18n import read_qm\n"
        "app = application()\n"
        "print(fieldwork_app.__file__); print(f.__file__); print(resources_dir())\n"
        "print(sorted(p.name for p in packs_dir().iterdir()))\n"
        "assert not icon('home').isNull() and not icon('record').pixmap(32, 32).isNull()\n"
        "assert 'QPushButton' in style_sheet()\n"
        "assert read_qm((resources_dir() / 'translations' / 'fieldwork_en_XA.qm').read_bytes())\n"
    )
    proc = _run(installed, str(installed["py"]), "-c", code)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    site = str(installed["site"])
    assert all(line.startswith(site) for line in lines[:3]), lines
    src_packs = sorted(p.name for p in (installed["src"] / "resources/packs").iterdir() if p.is_dir())
    assert lines[3] == repr(src_packs)


def test_selftest_runs_from_the_installed_wheel(installed: dict[str, Any], virtual_mic: Any) -> None:
    virtual_mic.use_sine()
    proc = _run(installed, str(installed["venv"] / "bin" / "fieldwork"), "selftest", "--seconds", "1")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.splitlines()[-1] == "selftest passed"
    assert any(line.startswith("ok") and "study pack" in line for line in proc.stdout.splitlines())


def test_the_gui_tour_runs_from_the_installed_wheel(installed: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "tour"
    proc = _run(
        installed, str(installed["venv"] / "bin" / "fieldwork"), "gui", "--tour", str(out),
        timeout=600, QT_QPA_PLATFORM="offscreen",
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    shots = sorted(p.name for p in out.glob("*.png"))
    assert shots[:2] == ["01-unlock.png", "02-home.png"], shots
    assert len(shots) >= 8, shots
    from PySide6.QtGui import QImage

    home = QImage(str(out / "02-home.png"))
    assert (home.width(), home.height()) == (1366, 768)
