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
