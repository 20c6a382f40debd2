"""Pack and participant text is shown exactly as written: markup in a consent statement (text in 1 px
transparent type, say) is shown as characters, never rendered, so the participant reads what is stored and
signed.  Every label the app builds shows plain text."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel

from fieldwork_app.paths import DataDir
from fieldwork_app.services import packs, sessions, workspace
from fieldwork_app.studypack import example_pack_path
from fieldwork_app.vault import FAST_KDF
from tests.gui.conftest import unlock
from tests.support.people import add_eligible
from tests.support.vaults import PASSPHRASE, USER

HIDDEN = '<span style="font-size:1px; color:transparent"> and my name may be published</span>'


def test_markup_in_a_statement_is_shown_as_written(qtbot, tmp_path: Path, make_window) -> None:  # type: ignore[no-untyped-def]
    pack = tmp_path / "pack"
    shutil.copytree(example_pack_path(), pack)
    form = pack / "documents" / "consent-mother-interview-1.1.yaml"
    text = form.read_text(encoding="utf-8")
    marked = text.replace("    text: I agree to take part.", f"    text: '<b></b>I agree to take part.{HIDDEN}'")
    form.write_text(marked, encoding="utf-8")
    data = DataDir(tmp_path / "v")
    ws, _ = workspace.create(data, USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        packs.import_pack(ws, pack)
        p = add_eligible(ws, "mother")
        sessions.new(ws, [p.id], "interview", "clinic", "2030-01-01T10:00", 60)
    finally:
        ws.close()
    w = make_window(data)
    w.resize(1366, 768)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    w.show_page("consent")
    page = w.page("consent")
    qtbot.waitUntil(lambda: page.draft is not None and page.people.count() > 0, timeout=5_000)
    qtbot.mouseClick(page.mode_buttons["written"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.rows) > 0)
    shown = [r.text for r in page.rows.values() if "I agree to take part." in r.text.text()]
    assert shown and shown[0].text() == f"<b></b>I agree to take part.{HIDDEN}"
    assert shown[0].textFormat() is Qt.TextFormat.PlainText
    # No label on the pages visited could render markup: pack and participant text is in plain-text labels,
    # and the labels left to guess (the app's own form rows) hold nothing that looks like markup.
    for name in ("home", "participants", "prepare", "consent", "sync"):
        w.show_page(name)
        qtbot.wait(50)
    guessing = [
        lab.text()[:60]
        for lab in w.findChildren(QLabel)
        if lab.textFormat() is not Qt.TextFormat.PlainText and GuiQt.mightBeRichText(lab.text())
    ]
    assert guessing == []


def test_a_tooltip_of_outside_text_shows_it_as_written(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A store's error or a pack's words in a tooltip: Qt guesses rich text for tooltips, so the text is
    escaped and its markup shown as characters."""
    from PySide6.QtGui import QTextDocument

    from fieldwork_app.gui.views.common import plain_tip

    tip = plain_tip('<a href="x">click</a> & <b>bold</b>')
    doc = QTextDocument()
    doc.setHtml(tip)
    assert doc.toPlainText() == '<a href="x">click</a> & <b>bold</b>'
    assert plain_tip("") == ""
