"""The screenshot tour runs end to end and writes one PNG per main screen, at the size asked for."""

from __future__ import annotations

import pytest

from PySide6.QtGui import QImage

from fieldwork_app.errors import InvalidInput

from fieldwork_app.gui import tour


def test_tour_writes_numbered_screenshots_at_1366x768_by_default(qapp, tmp_path):
    assert tour.run(tmp_path / "shots") == 0
    shots = sorted((tmp_path / "shots").glob("*.png"))
    assert [p.name for p in shots][:5] == [
        "01-unlock.png",
        "02-home.png",
        "03-participants.png",
        "04-prepare.png",
        "05-consent.png",
    ]
    assert "07-interview.png" in {p.name for p in shots}
    for p in shots:
        img = QImage(str(p))
        assert (img.width(), img.height()) == (1366, 768), p.name


def test_tour_at_1024x600(qapp, tmp_path):
    assert tour.run(tmp_path / "small", size=tour.parse_size("1024x600")) == 0
    shots = sorted((tmp_path / "small").glob("*.png"))
    assert len(shots) >= 10
    for p in shots:
        img = QImage(str(p))
        assert (img.width(), img.height()) == (1024, 600), p.name


@pytest.mark.parametrize("bad", ["1024", "1024x", "axb", "100x100", "1024x600x2"])
def test_tour_size_must_be_width_x_height(bad):
    with pytest.raises(InvalidInput, match="--size"):
        tour.parse_size(bad)


def test_tour_of_another_pack_from_the_command_line(qapp, tmp_path):
    from fieldwork_app.cli.main import main
    from fieldwork_app.studypack import example_pack_path

    second = example_pack_path().parent / "caring-lives"
    out = tmp_path / "second"
    assert main(["gui", "--tour", str(out), "--pack", str(second), "--size", "1024x600"]) == 0
    shots = {p.name for p in out.glob("*.png")}
    assert {"03-participants.png", "05-consent.png", "07-interview.png"} <= shots
    assert any(name.endswith("-distress.png") for name in shots)
    for p in out.glob("*.png"):
        img = QImage(str(p))
        assert (img.width(), img.height()) == (1024, 600), p.name


def test_tour_notes_come_from_the_pack_or_are_neutral(ws):
    from fieldwork_app.gui.session.tour_steps import NEUTRAL_NOTES, sample_notes

    assert ws.pack().sample_notes == () and sample_notes(ws) == NEUTRAL_NOTES
    for note in NEUTRAL_NOTES:
        assert not any(word in note.lower() for word in ("she", "her", "baby", "mother"))
