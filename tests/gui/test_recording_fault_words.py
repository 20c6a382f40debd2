"""A take whose file keeps failing in a way that is no disk's (a fault below the recorder) ends on the session
screen in recording words: the take stops, what was written is kept for recovery, and neither the screen nor the
bar sends the researcher to free disk space.  The virtual microphone and the real recorder; only the take's file
object is one that fails (the recorder's file opener), as the integration tests' files do."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from fieldwork_app.audio import container
from tests.gui.test_fit_and_keys import SIZES, click, open_app, open_from_home, start_recording
from tests.gui.test_session import consented_session, run_db
from tests.integration.test_audio_recorder import BrokenFile

pytestmark = pytest.mark.audio

FAULT = (
    "Saving the take failed unexpectedly, not for want of disk space or a microphone, so the take was ended. "
    "The app's log has the details for whoever looks after it."
)
NEXT = "What was recorded is kept: recover it first, then start a new take."  # said the same in the bar and banner


@pytest.fixture
def take_files(monkeypatch: pytest.MonkeyPatch) -> list[BrokenFile]:
    """Every take's file is a real file that can be told to fail from some moment on."""
    files: list[BrokenFile] = []
    real = container._default_opener

    def opener(path: Path) -> BrokenFile:
        files.append(BrokenFile(real(path), 10**12))  # type: ignore[arg-type]
        return files[-1]

    monkeypatch.setattr(container, "_default_opener", opener)
    return files


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_take_whose_file_keeps_failing_ends_in_recording_words(  # type: ignore[no-untyped-def]
    qtbot, make_window, vault_dir, virtual_mic, take_files, size
) -> None:
    virtual_mic.use_sine()
    w = open_app(qtbot, make_window, vault_dir, size)
    sid = run_db(qtbot, w, consented_session)
    screen = open_from_home(qtbot, w, sid)
    start_recording(qtbot, w, screen)
    qtbot.waitUntil(lambda: w.ctx.recorder.position > 1.2, timeout=10_000)
    take_files[-1].broken = True  # from now on every write fails, the seal's too
    qtbot.waitUntil(lambda: w.ctx.recorder.take is None, timeout=15_000)
    qtbot.waitUntil(lambda: screen.bar.status.text().startswith("Take not sealed"), timeout=10_000)
    assert screen.message.isVisible() and screen.message.text() == (
        FAULT + " " + NEXT
    )
    _kept_for_recovery(qtbot, screen)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_take_whose_file_fails_as_stop_is_pressed_ends_in_recording_words(  # type: ignore[no-untyped-def]
    qtbot, make_window, vault_dir, virtual_mic, take_files, size
) -> None:
    virtual_mic.use_sine()
    w = open_app(qtbot, make_window, vault_dir, size)
    sid = run_db(qtbot, w, consented_session)
    screen = open_from_home(qtbot, w, sid)
    start_recording(qtbot, w, screen)
    qtbot.waitUntil(lambda: w.ctx.recorder.position > 1.2, timeout=10_000)
    take = w.ctx.recorder.take
    take_files[-1].breaks_when = lambda: take.recorder._stopping  # type: ignore[method-assign]
    click(qtbot, screen.bar.stop_button)
    qtbot.waitUntil(lambda: w.ctx.recorder.take is None, timeout=15_000)
    qtbot.waitUntil(lambda: screen.bar.status.text().startswith("Take not sealed"), timeout=10_000)
    assert screen.message.isVisible() and screen.message.text() == (
        FAULT + " " + NEXT
    )
    _kept_for_recovery(qtbot, screen)


def _kept_for_recovery(qtbot, screen) -> None:  # type: ignore[no-untyped-def]
    """The badge says saving failed (not the microphone); the bar, the banner and the message give the one
    instruction (recover first, then a new take), with Recover now the highlighted button, holding the keys:
    pressing Space seals the take, and Start recording is the highlighted one again."""
    bar = screen.bar
    assert bar.current == "failed" and bar.state_label.text() == "Saving failed"
    status = bar.status.text()
    assert status.startswith("Take not sealed: 00:0") and status.endswith(
        " recorded and kept. Recover it first, then start a new take."
    ), status
    qtbot.waitUntil(screen.recovery.isVisible, timeout=10_000)
    assert screen.recovery.text.text() == (
        "1 interrupted recording(s) found on this laptop. Recover first, then start a new take."
    )
    for said in (screen.message.text(), status, screen.recovery.text.text()):
        assert "start a new take when ready" not in said and "before you go on" not in said
    # Start recording stays usable (the interview goes on) but is not the button the screen points to
    assert bar.start_button.isEnabled() and bar.start_button.property("role") != "primary"
    assert screen.recover_button.property("role") == "primary" and screen.recover_button.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.recover_button, timeout=5_000)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not screen.recovery.isVisible(), timeout=10_000)
    qtbot.waitUntil(
        lambda: screen.takes.count() == 1 and screen.takes.item(0).text().endswith(" · recovered"), timeout=10_000
    )
    said = screen.message.text()
    assert said.startswith("Recovered 1 take(s) (00:0") and said.endswith("). You can start a new take."), said
    assert bar.start_button.property("role") == "primary"
