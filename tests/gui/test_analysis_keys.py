"""The data manager's page by keyboard alone: every underlined letter on it is its own, so Alt and the letter
presses the button (Verify, Unpack, Export) or goes to the field it names, the first time; a study key file
that is not where the form says is said plainly, before anything starts."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget

from tests.gui.test_fit_and_keys import SIZES, click_nav, open_app


def mnemonics(root: QWidget) -> dict[str, list[str]]:
    """The letters underlined on ``root`` (buttons, group boxes, labels that lead to a field), by letter."""
    found: dict[str, list[str]] = defaultdict(list)
    widgets: list[QWidget] = [*root.findChildren(QAbstractButton), *root.findChildren(QLabel)]
    widgets += root.findChildren(QGroupBox)
    for w in widgets:
        if isinstance(w, QLabel) and w.buddy() is None:
            continue
        text = w.title() if isinstance(w, QGroupBox) else w.text()  # type: ignore[attr-defined]
        m = re.search(r"&([^&])", text.replace("&&", ""))
        if m:
            found[m.group(1).lower()].append(text)
    return found


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_letter_on_the_data_managers_page_is_its_own(qtbot, make_window, vault_dir, size) -> None:  # type: ignore[no-untyped-def]
    w = open_app(qtbot, make_window, vault_dir, size)
    click_nav(qtbot, w, "analysis")
    page = w.page("analysis")
    qtbot.wait(200)
    menu = {m.lower() for a in w.menuBar().actions() if (m := (re.findall(r"&([^&])", a.text()) or [""])[0])}
    letters = mnemonics(page)
    twice = {k: v for k, v in letters.items() if len(v) > 1}
    assert not twice, twice
    # none takes the menu bar's letter, but the unpack folder's (every other letter of its name is taken)
    assert not (set(letters) & menu) - {"f"}, menu

    def alt(key: Qt.Key) -> None:
        target = QApplication.focusWidget() or w
        QTest.keyClick(target, key, Qt.KeyboardModifier.AltModifier)

    # Alt+V presses Verify at once: with nothing filled in it says what is missing
    alt(Qt.Key.Key_V)
    qtbot.waitUntil(lambda: "study key file" in page.store_message.text(), timeout=5_000)
    # Alt+K goes to the key file, Alt+X to the project file
    alt(Qt.Key.Key_K)
    assert QApplication.focusWidget() is page.key_edit
    alt(Qt.Key.Key_X)
    assert QApplication.focusWidget() is page.out_edit
    page.store_message.clear()
    alt(Qt.Key.Key_P)  # Unpack: asks for the folder too
    qtbot.waitUntil(lambda: "folder to unpack into" in page.store_message.text(), timeout=5_000)
    alt(Qt.Key.Key_E)  # Export
    qtbot.waitUntil(lambda: "Fill in the folders first." in page.message.text(), timeout=5_000)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_study_key_file_that_is_not_there_is_said_plainly(qtbot, make_window, vault_dir, tmp_path, size) -> None:  # type: ignore[no-untyped-def]
    w = open_app(qtbot, make_window, vault_dir, size)
    click_nav(qtbot, w, "analysis")
    page = w.page("analysis")
    store = tmp_path / "store"
    store.mkdir()
    missing = tmp_path / "keys" / "study.key"
    QTest.mouseClick(page.url_edit, Qt.MouseButton.LeftButton)
    QTest.keyClicks(page.url_edit, str(store))
    QTest.keyClicks(page.key_edit, str(missing))
    QTest.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: str(missing) in page.store_message.text(), timeout=10_000)
    text = page.store_message.text()
    assert "There is no study key file at" in text and "Error" not in text, text
    assert page.verify_button.isEnabled()  # nothing started: the path can be put right and Verify pressed again
