"""The number boxes (planned length, travel home) show their up and down arrows, and a click on the up arrow
steps the number: with the mouse wheel kept for scrolling the page, the arrows are the mouse's way to step."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyle, QStyleOptionSpinBox

from tests.gui.test_fit_and_keys import SIZES, click_nav, open_app


def _dark_pixels(box, sub: QStyle.SubControl) -> int:  # type: ignore[no-untyped-def]
    opt = QStyleOptionSpinBox()
    box.initStyleOption(opt)
    # inside the button (its own border left out): where its arrow is drawn
    rect = box.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, opt, sub, box).adjusted(3, 2, -3, -2)
    image = box.grab().toImage()
    dark = 0
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            if QColor(image.pixel(x, y)).lightness() < 110:
                dark += 1
    return dark


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_planned_length_shows_its_arrows_and_the_up_arrow_steps_it(qtbot, make_window, vault_dir, size) -> None:  # type: ignore[no-untyped-def]
    w = open_app(qtbot, make_window, vault_dir, size)
    click_nav(qtbot, w, "prepare")
    page = w.page("prepare")
    box = page.minutes
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    qtbot.wait(100)
    for sub, name in ((QStyle.SubControl.SC_SpinBoxUp, "up"), (QStyle.SubControl.SC_SpinBoxDown, "down")):
        assert _dark_pixels(box, sub) >= 6, f"no {name} arrow drawn"
    before = box.value()
    opt = QStyleOptionSpinBox()
    box.initStyleOption(opt)
    up = box.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, opt, QStyle.SubControl.SC_SpinBoxUp, box)
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(up.center()))
    assert box.value() == before + box.singleStep()
