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


def test_a_planted_link_is_never_written_through(pack: Path, tmp_path: Path) -> None:
    """A pack sent as an archive may carry a link named like the upgrade's working file, pointing at a file of
    the researcher's; the upgrade never writes through it, and the target keeps its bytes."""
    victim = tmp_path / "bashrc"
    victim.write_text("# mine\n")
    (pack / ".pack.yaml.upgrade").symlink_to(victim)
    upgrade_pack(pack)
    assert victim.read_text() == "# mine\n"
    assert not (pack / "pack.yaml").is_symlink() and load_pack(pack).pack_format == 2


def test_a_linked_manifest_or_folder_is_refused(pack: Path, tmp_path: Path) -> None:
    real = tmp_path / "elsewhere.yaml"
    shutil.move(pack / "pack.yaml", real)
    (pack / "pack.yaml").symlink_to(real)
    before = real.read_bytes()
    with pytest.raises(InvalidInput, match="pack.yaml is a link"):
        upgrade_pack(pack)
    assert real.read_bytes() == before
    linked = tmp_path / "linked-pack"
    linked.symlink_to(pack)
    with pytest.raises(InvalidInput, match="the pack folder is a link"):
        upgrade_pack(linked)


def test_a_named_pipe_in_the_pack_is_named(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    os.mkfifo(pack / "documents" / "pipe")
    assert main(["pack", "upgrade", str(pack)]) != 0
    err = capsys.readouterr().err
    assert "pipe: not a file or a folder" in err
    assert load_pack(pack).pack_format == 1
