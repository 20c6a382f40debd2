"""The session screen in a long language (the pseudo-locale, en_XA: every catalogue string about 40% longer)
at 1366x768 and 1024x600: the recording bar keeps every button's whole text and still fits the window (its
buttons move onto another line), every control of the bar can be seen and clicked, and the keys still work;
the study home's participants tree shows each status whole.

The pseudo-locale's translator is installed for this test only and taken out at its end.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import pytest

from PySide6.QtCore import QPoint, QRect, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QHeaderView, QTreeWidget, QWidget

from fieldwork_app.paths import resources_dir
from tests.gui.fit import clipped_buttons, outside
from tests.gui.pseudo_probe import _clipped_items
from tests.gui.test_fit_and_keys import click, click_nav, open_app, open_from_home, press
from tests.gui.test_session import consented_session, run_db

OPEN = "\u27e6"
pytestmark = pytest.mark.gui


@pytest.fixture
def pseudo_locale(qapp: QApplication) -> Iterator[None]:
    qm = resources_dir() / "translations" / "fieldwork_en_XA.qm"
    translator = QTranslator()
    assert translator.load(str(qm)), qm
    qapp.installTranslator(translator)
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


def _cut_cells(tree: QTreeWidget) -> list[str]:
    """Cells whose text, wrapped at the column's width, needs more lines than its row shows."""
    cut = []
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for depth, item in [(1, top), *((2, top.child(j)) for j in range(top.childCount()))]:
            for column in range(tree.columnCount()):
                if tree.header().sectionResizeMode(column) is QHeaderView.ResizeMode.ResizeToContents:
                    continue  # as wide as its longest text, by the view's own measure
                rect = tree.visualItemRect(item)
                cell = tree.header().sectionSize(column) - (depth * tree.indentation() if column == 0 else 0) - 8
                needed = tree.fontMetrics().boundingRect(
                    QRect(0, 0, cell, 10_000), int(Qt.TextFlag.TextWordWrap), item.text(column)
                )
                if item.text(column) and needed.height() > rect.height() + 2:
                    cut.append(f"{item.text(column)!r}: {needed.height()} px in a row of {rect.height()}")
    return cut


def _on_screen(w: QWidget, window: QWidget) -> bool:
    return w.isVisible() and window.rect().contains(QRect(w.mapTo(window, QPoint(0, 0)), w.size()))


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_recording_bar_fits_in_a_long_language(qtbot, make_window, vault_dir, pseudo_locale, size) -> None:  # type: ignore[no-untyped-def]
    w = open_app(qtbot, make_window, vault_dir, size)
    sid = run_db(qtbot, w, partial(consented_session, fmt="focus-group", n=2))
    screen = open_from_home(qtbot, w, sid)
    bar = screen.bar
    qtbot.waitUntil(lambda: (w.width(), w.height()) == size, timeout=5_000)
    qtbot.wait(200)
    assert bar.start_button.text().startswith(OPEN)  # the long language is on
    assert not outside(w), outside(w)
    assert not clipped_buttons(w), clipped_buttons(w)
    buttons = [bar.start_button, bar.pause_button, bar.stop_button, bar.distress_button, bar.safeguarding_button,
               bar.end_button, *bar.marker_buttons.values()]  # fmt: skip
    assert all(_on_screen(b, w) for b in buttons), [b.objectName() for b in buttons if not _on_screen(b, w)]
    assert _on_screen(bar.speaker, w) and _on_screen(bar.state_label, w)
    assert all(b.text() or b.accessibleName() for b in buttons)

    click(qtbot, bar.marker_buttons["quote"])  # a click on a marker the person can see ...
    qtbot.waitUntil(lambda: bar.status.text().startswith(OPEN), timeout=5_000)
    said = bar.status.text()
    press(Qt.Key.Key_F9)  # ... and its key
    qtbot.waitUntil(lambda: bar.status.text() != said, timeout=5_000)
    assert not outside(w), outside(w)
    click(qtbot, bar.distress_button)
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.distress, timeout=5_000)
    qtbot.wait(150)
    assert (w.width(), w.height()) == size and not outside(w), outside(w)
    click(qtbot, screen.distress.resume_button)
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.interview, timeout=5_000)
    click(qtbot, bar.end_button)
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.closeout, timeout=5_000)
    qtbot.wait(150)
    assert (w.width(), w.height()) == size and not outside(w), outside(w)
    assert not clipped_buttons(w), clipped_buttons(w)


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_study_homes_participants_show_their_whole_status(  # type: ignore[no-untyped-def]
    qtbot, make_window, vault_dir, pseudo_locale, size
) -> None:
    w = open_app(qtbot, make_window, vault_dir, size)
    run_db(qtbot, w, partial(consented_session, fmt="focus-group", n=3))
    click_nav(qtbot, w, "home")
    home = w.page("home")
    home.refresh()
    tree = home.participants
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0, timeout=5_000)
    qtbot.wait(200)
    assert tree.headerItem().text(1).startswith(OPEN)
    statuses = [tree.topLevelItem(i).child(j).text(1) for i in range(tree.topLevelItemCount())
                for j in range(tree.topLevelItem(i).childCount())]  # fmt: skip
    assert statuses and all(s.startswith(OPEN) for s in statuses), statuses
    assert not _clipped_items(tree), _clipped_items(tree)
    assert not outside(w), outside(w)
    # each text is drawn whole: its row is as tall as the text needs at its column's width
    for view in (tree, home.sessions):
        assert not _cut_cells(view), _cut_cells(view)
        header = view.headerItem()  # a title too long for its column is whole in its tooltip
        cut = [header.text(c) for c in range(view.columnCount())
               if view.header().fontMetrics().horizontalAdvance(header.text(c)) > view.header().sectionSize(c)]
        assert all(header.toolTip(c) == header.text(c) for c in range(view.columnCount())), cut
