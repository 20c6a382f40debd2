"""GUI tests: offscreen, one QApplication, the app's style; no test may leave a thread running."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("FIELDWORK_KDF", "fast")
os.environ.setdefault("FIELDWORK_TEST_SUITE", "1")

import pytest  # noqa: E402
import shiboken6  # noqa: E402

from PySide6.QtCore import QThread  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from fieldwork_app.paths import DataDir  # noqa: E402
from tests.support.vaults import PASSPHRASE, USER  # noqa: E402

from fieldwork_app.gui.main_window import MainWindow  # noqa: E402
from fieldwork_app.gui.resources import apply_style  # noqa: E402

pytestmark = pytest.mark.gui


def _our_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(("fieldwork-db", "fieldwork-pool"))]


@pytest.fixture(autouse=True)
def _no_dangling_threads(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a QThread or one of the app's worker threads running."""
    before = {id(t) for t in _our_threads()}
    yield
    leftovers = [t for t in _our_threads() if id(t) not in before and t.is_alive()]
    for t in leftovers:
        t.join(5)
    still = [t.name for t in leftovers if t.is_alive()]
    assert not still, f"threads left running: {still}"
    for obj in qapp.findChildren(QThread):
        assert not obj.isRunning(), "a QThread was left running"


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["fieldwork-tests"]


@pytest.fixture(autouse=True)
def _styled(qapp: QApplication) -> None:
    apply_style(qapp)


@pytest.fixture
def make_window(qtbot):  # type: ignore[no-untyped-def]
    """Build main windows and shut each down (threads stopped) at the end of the test."""
    made: list[MainWindow] = []

    def make(data_dir: DataDir, **kw) -> MainWindow:  # type: ignore[no-untyped-def]
        w = MainWindow(data_dir, **kw)
        w.show()
        made.append(w)
        return w

    yield make
    # Shut down first (a take still running is sealed), then close: closing a window with a take running
    # would ask the person at the keyboard, and there is none at teardown.
    for w in made:
        w.shutdown()
        if shiboken6.isValid(w):
            w.close()
            w.deleteLater()


def unlock(qtbot, window: MainWindow, passphrase: str = PASSPHRASE, user: str = USER) -> None:  # type: ignore[no-untyped-def]
    page = window.unlock_page
    qtbot.waitUntil(lambda: page.ui.userCombo.count() > 0)
    page.ui.userCombo.setCurrentText(user)
    qtbot.keyClicks(page.ui.passphraseEdit, passphrase)
    qtbot.mouseClick(page.ui.unlockButton, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
