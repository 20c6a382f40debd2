"""`fieldwork pack upgrade`: a format-1 pack rewritten as format 2 keeps its comments and its meaning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fieldwork_app.cli.main import main
from fieldwork_app.domain.pack import LocationKind
from fieldwork_app.errors import InvalidInput
from fieldwork_app.studypack import PackValidationError, example_pack_path, load_pack, pack_digest
from fieldwork_app.studypack.upgrade import upgrade_pack
from tests.unit.test_studypack_validation import edit


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(example_pack_path(), target)
    return target


def test_upgrade_in_place_keeps_comments_documents_and_places(pack: Path) -> None:
    before = load_pack(pack)
    old_text = (pack / "pack.yaml").read_text(encoding="utf-8")
    result = upgrade_pack(pack)
    after = load_pack(pack)
    text = (pack / "pack.yaml").read_text(encoding="utf-8")
    assert after.pack_format == 2 and result.written == pack / "pack.yaml"
    assert "location_kinds" not in text and "pack_format: 2" in text
    comments = [ln for ln in old_text.splitlines() if ln.lstrip().startswith("#")]
    assert all(c in text for c in comments)
    assert after.documents == before.documents and after.study == before.study
    for g in before.groups:
        assert set(after.location_kinds_for(g.id)) == set(g.location_kinds)
    home = after.venue("mother", "home")
    assert home.kind is LocationKind.HOME and home.needs_lone_working
    assert not after.venue("mother", "clinic").needs_lone_working
    assert pack_digest(after) != pack_digest(before)
    with pytest.raises(InvalidInput, match="already format 2"):
        upgrade_pack(pack)


def test_block_style_lists_are_upgraded_too(pack: Path) -> None:
    edit(
        pack,
        "pack.yaml",
        "    location_kinds: [clinic, remote_video, phone]\n",
        "    location_kinds:\n      - clinic\n      # video calls from the office\n"
        "      - remote_video\n      - phone\n",
    )
    upgrade_pack(pack)
    after = load_pack(pack)
    assert after.location_kinds_for("practitioner") == (
        LocationKind.CLINIC,
        LocationKind.REMOTE_VIDEO,
        LocationKind.PHONE,
    )
    assert "# video calls from the office" in (pack / "pack.yaml").read_text(encoding="utf-8")


def test_an_invalid_pack_is_not_touched(pack: Path) -> None:
    edit(pack, "pack.yaml", "id_pattern: P-{n:03d}", "id_pattern: P-001")
    old = (pack / "pack.yaml").read_bytes()
    with pytest.raises(PackValidationError):
        upgrade_pack(pack)
    assert (pack / "pack.yaml").read_bytes() == old


def test_cli_upgrade_to_a_new_folder(pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "upgraded"
    old = (pack / "pack.yaml").read_bytes()
    assert main(["pack", "upgrade", str(pack), "--output", str(out)]) == 0
    said = capsys.readouterr().out
    assert "to format 2" in said and "home, clinic, remote-video, phone" in said
    assert (pack / "pack.yaml").read_bytes() == old  # the original stays as it was
    assert load_pack(out).pack_format == 2
    assert main(["pack", "upgrade", str(pack), "--output", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_gui_pack_needs_tour(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gui", "--pack", str(example_pack_path())]) == 1
    assert "--pack goes with --tour" in capsys.readouterr().err
