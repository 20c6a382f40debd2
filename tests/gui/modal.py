"""Acting on a modal window as a person would, from a timer while the app waits in its exec()."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLineEdit


def when_modal(name: str, act: Callable[[Any], None], errors: list[BaseException]) -> None:
    """Once the modal window called ``name`` is up, ``act`` on it (keys and clicks); a failure closes it, so
    the test fails instead of waiting for ever, and is kept in ``errors``."""

    def run() -> None:
        d = QApplication.activeModalWidget()
        if d is None or d.objectName() != name or not d.isVisible():
            QTimer.singleShot(20, run)
            return
        try:
            act(d)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
            d.reject()

    QTimer.singleShot(20, run)


def click_named(d: Any, name: str) -> None:
    button = d.findChild(QAbstractButton, name)
    assert button is not None and button.isVisible(), name
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def save_as(target: Path) -> Callable[[Any], None]:
    """Type ``target`` into the save dialog's file name and press its Save button."""

    def act(d: Any) -> None:
        edit = d.findChild(QLineEdit, "fileNameEdit")
        edit.selectAll()
        QTest.keyClicks(edit, str(target))
        save = d.findChild(QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Save)
        # Qt's file dialog reads its folder in the background and ignores Save until it has; a person who
        # sees nothing happen presses Save again, and so does this (for up to 5 s).
        for _ in range(50):
            QTest.mouseClick(save, Qt.MouseButton.LeftButton)
            if not d.isVisible():
                return
            QTest.qWait(100)

    return act
