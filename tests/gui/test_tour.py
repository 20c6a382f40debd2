"""The screenshot tour runs end to end and writes one PNG per main screen."""

from __future__ import annotations

from fieldwork_app.gui import tour


def test_tour_writes_numbered_screenshots(qapp, tmp_path):
    assert tour.run(tmp_path / "shots") == 0
    names = sorted(p.name for p in (tmp_path / "shots").glob("*.png"))
    assert names[:5] == [
        "01-unlock.png",
        "02-home.png",
        "03-participants.png",
        "04-prepare.png",
        "05-consent.png",
    ]
