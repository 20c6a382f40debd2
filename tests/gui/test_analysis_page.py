"""The data manager's analysis page: chosen from the navigation, folders typed in, Transcribe, Cancel and
Export pressed as a person would, at 1366x768 and 1024x600, with the real Whisper tiny.en model."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from pathlib import Path

import numpy as np
import pytest
import soundfile

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from fieldwork_app.analysis.refiqda import check_qdpx
from tests.gui.conftest import unlock
from tests.integration.test_analysis import whisper_tiny_en


def _folder(tmp_path: Path) -> Path:
    """An analysis folder as unpack writes it, with one take of speech (espeak-ng) of about 40 seconds."""
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is needed to make test speech")
    root = tmp_path / "analysis"
    s = root / "M-001/S-0001"
    (s / "audio").mkdir(parents=True)
    (root / "index.json").write_text(json.dumps([{"study_id": "a-study"}]))
    raw = tmp_path / "s.wav"
    text = "Thank you for talking with me today. Can you tell me about the help you had after the birth? " * 4
    subprocess.run(["espeak-ng", "-w", str(raw), text], check=True, capture_output=True)
    data, rate = soundfile.read(raw, dtype="float32")
    soundfile.write(
        s / "audio/interview-take-1.flac", np.concatenate([data, np.zeros(rate, np.float32)]), rate
    )
    (s / "session.json").write_text(json.dumps({
        "session": "S-0001", "format": "interview", "location_kind": "clinic", "participants": ["M-001"],
        "groups": {"M-001": "mother"}, "takes": [{"id": "R-1", "kind": "interview", "take_no": 1, "duration": 1.0}],
    }))  # fmt: skip
    (s / "markers.json").write_text(json.dumps([{"recording_id": "R-1", "position": 2.0, "kind": "quote"}]))
    return root


@pytest.fixture(scope="module")
def tiny_en() -> Path:
    return whisper_tiny_en()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_transcribe_cancel_and_export_from_the_page(
    qtbot,
    make_window,
    vault_dir,
    tmp_path,
    tiny_en,
    size,  # noqa: F811
) -> None:  # type: ignore[no-untyped-def]
    folder = _folder(tmp_path)
    w = make_window(vault_dir, idle_ms=3_600_000)
    w.resize(*size)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    item = next(
        w.nav.item(i) for i in range(w.nav.count()) if w.nav.item(i).text() == "Analysis"
    )
    qtbot.mouseClick(w.nav.viewport(), Qt.MouseButton.LeftButton, pos=w.nav.visualItemRect(item).center())
    page = w.page("analysis")
    qtbot.waitUntil(page.isVisible, timeout=5_000)
    assert (w.width(), w.height()) == size
    for widget in (page.folder_edit, page.model_edit, page.out_edit, page.transcribe_button, page.export_button,
                   page.cancel_button):  # fmt: skip
        assert widget.isVisible() and widget.width() > 0
        assert widget.mapTo(w, widget.rect().bottomRight()).x() <= w.width()

    qtbot.mouseClick(page.transcribe_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "Fill in the folders first."
    qtbot.mouseClick(page.folder_edit, Qt.MouseButton.LeftButton)
    QTest.keyClicks(page.folder_edit, str(folder))
    QTest.keyClick(page.folder_edit, Qt.Key.Key_Tab)
    QTest.keyClicks(page.model_edit, str(tiny_en))

    # Cancel at once: nothing written, said so, and the buttons come back.
    qtbot.mouseClick(page.transcribe_button, Qt.MouseButton.LeftButton)
    assert page.cancel_button.isEnabled() and not page.transcribe_button.isEnabled()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text().startswith("Cancelled"), timeout=60_000)
    assert page.transcribe_button.isEnabled() and not page.cancel_button.isEnabled()
    draft = folder / "M-001/S-0001/transcripts/interview-take-1"
    assert not draft.with_suffix(".json").exists()

    seen: list[int] = []
    bridge = page.presenter.bridge
    bridge.progress.connect(lambda done, total, _m: seen.append(done))
    threads: list[str] = []
    real_deliver = bridge._deliver

    def deliver(callback, value):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)  # the result reaches the widgets on the GUI thread
        real_deliver(callback, value)

    bridge.finished.disconnect(bridge._deliver)
    bridge.finished.connect(deliver)
    qtbot.mouseClick(page.transcribe_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text().startswith("Transcribed"), timeout=120_000)
    assert page.message.text() == "Transcribed 1 take(s); 0 already done; 0 skipped; 0 failed."
    assert page.bar.value() == 1000 and seen and seen == sorted(seen)
    assert threads == [threading.main_thread().name]
    assert page.take_label.text() == "Take 1 of 1 (M-001 S-0001 interview-take-1): 100%"  # worded by the page
    text = draft.with_suffix(".txt").read_text()
    assert "thank you for talking with me today" in text.lower() and "[00:00:02] <<Quote>>" in text

    QTest.keyClicks(page.out_edit, str(tmp_path / "study.qdpx"))
    exported: list[tuple[int, int, str]] = []
    bridge.progress.connect(lambda done, total, m: exported.append((done, total, m)))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text().startswith("Wrote"), timeout=30_000)
    assert "1 case(s), 1 audio source(s), 1 transcript(s), 1 code(s)" in page.message.text()
    # Export's progress: over the bytes of the files put into the project, ending whole.
    assert exported and exported[-1][0] == exported[-1][1] > 0 and page.bar.value() == 1000, exported
    assert any(m.endswith(".flac") for _d, _t, m in exported)
    check_qdpx(tmp_path / "study.qdpx")

    page.out_edit.clear()
    QTest.keyClicks(page.out_edit, str(tmp_path / "study.zip"))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ends in .qdpx" in page.message.text(), timeout=10_000)
