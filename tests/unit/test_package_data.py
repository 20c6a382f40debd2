"""The app's data lives in the repository's top-level resources/; the build copies it into the package as
fieldwork_app/resources/ (tests/packaging/test_wheel.py checks the wheel), and a checkout reads it in place."""

from __future__ import annotations

from pathlib import Path

from fieldwork_app.paths import example_pack_dir, packs_dir, resources_dir

ROOT = Path(__file__).resolve().parents[2]


def test_a_checkout_has_no_packaged_copy_to_drift_from_resources() -> None:
    copy = ROOT / "fieldwork_app" / "resources"
    assert not copy.exists(), (
        "fieldwork_app/resources/ is what a build makes from resources/; in a checkout it would hide the real "
        "folder from the app (remove it; edit resources/)"
    )


def test_a_checkout_reads_the_top_level_resources() -> None:
    assert resources_dir() == ROOT / "resources"
    for sub in ("icons", "styles", "translations", "packs", "refi-qda"):
        assert (resources_dir() / sub).is_dir(), sub
    assert example_pack_dir().parent == packs_dir()
    assert all((p / "pack.yaml").is_file() for p in packs_dir().iterdir() if p.is_dir())
