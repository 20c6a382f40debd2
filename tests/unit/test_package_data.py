"""Everything the app reads at run time is package data under fieldwork_app/resources/, found through
importlib.resources, so a wheel carries it."""

from __future__ import annotations

from pathlib import Path

from fieldwork_app.paths import example_pack_dir, packs_dir, resources_dir

ROOT = Path(__file__).resolve().parents[2]


def test_no_resources_outside_the_package() -> None:
    stray = ROOT / "resources"
    left = sorted(str(p.relative_to(ROOT)) for p in stray.rglob("*") if p.is_file()) if stray.exists() else []
    assert not left, (
        "files under the top-level resources/ are not packaged and the app never reads them; "
        f"move them under fieldwork_app/resources/ (git mv resources/X fieldwork_app/resources/X): {left[:10]}"
    )


def test_resources_are_the_packages_own() -> None:
    assert resources_dir() == ROOT / "fieldwork_app" / "resources"
    for sub in ("icons", "styles", "translations", "packs", "refi-qda"):
        assert (resources_dir() / sub).is_dir(), sub
    assert example_pack_dir().parent == packs_dir()
    assert all((p / "pack.yaml").is_file() for p in packs_dir().iterdir() if p.is_dir())
