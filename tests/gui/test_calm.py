"""Calm and consistent, as a person meets it on a 1366x768 laptop: the wheel scrolls the page and never an
unfocused field, Tab follows the page on written consent, Enter continues from the recovery key, one date
format, a visible focus ring on filled buttons, no clashing mnemonics."""

from __future__ import annotations

import re

import pytest

from PySide6.QtCore import QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)

from fieldwork_app.paths import DataDir
from fieldwork_app.services import sessions
from tests.gui.conftest import unlock
from tests.gui.test_safety_flows import visible_texts
from tests.support.people import add_eligible

SIZE = (1366, 768)


def _window(qtbot, make_window, vault_dir):  # type: ignore[no-untyped-def]
    w = make_window(vault_dir, idle_ms=3_600_000)
    w.resize(*SIZE)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.unlocked, timeout=10_000)
    return w


def _wheel(widget: QWidget, steps: int = -3) -> None:
    """A wheel turn over the field.  A real turn reaches the field's inner text box first, which passes
    it on to the field; a synthetic event is not passed on, so it goes to the field itself."""
    target = widget
    pos = QPointF(target.rect().center())
    event = QWheelEvent(
        pos,
        QPointF(target.mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(target, event)


def _scroll_area(w: QWidget) -> QScrollArea:
    parent = w.parentWidget()
    while not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def test_the_wheel_scrolls_the_page_and_never_changes_an_unfocused_field(
    qtbot, make_window, vault_dir, ws
) -> None:  # type: ignore[no-untyped-def]
    p = add_eligible(ws, "mother")
    sid = sessions.new(ws, [p.id], "interview", "home", "2030-01-01T10:00", 45).id
    ws.close()
    w = _window(qtbot, make_window, vault_dir)
    w.ctx.set_session(sid)
    w.show_page("prepare")
    page = w.page("prepare")
    qtbot.waitUntil(lambda: page.minutes.value() == 45, timeout=5_000)
    area = _scroll_area(page.minutes)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0  # the page is taller than the window: there is something to scroll
    before = bar.value()
    assert not page.minutes.hasFocus()
    _wheel(page.minutes)
    assert page.minutes.value() == 45  # not 42
    assert bar.value() > before  # the page moved instead
    for field in (page.travel, page.visit_start, page.location_combo, page.format_combo):
        value = field.text() if hasattr(field, "text") else field.currentText()
        _wheel(field)
        assert (field.text() if hasattr(field, "text") else field.currentText()) == value
    # Clicked into, the field takes the wheel as usual.
    page.minutes.setFocus()
    qtbot.waitUntil(page.minutes.hasFocus, timeout=2_000)
    _wheel(page.minutes, steps=1)
    assert page.minutes.value() == 46


def test_tab_on_written_consent_goes_mode_then_statements_then_signatures(
    qtbot, make_window, vault_dir, ws
) -> None:  # type: ignore[no-untyped-def]
    p = add_eligible(ws, "mother")
    sessions.new(ws, [p.id], "interview", "clinic", "2030-01-01T10:00", 60)
    ws.close()
    w = _window(qtbot, make_window, vault_dir)
    w.activateWindow()
    w.show_page("consent")
    page = w.page("consent")
    qtbot.waitUntil(lambda: page.draft is not None, timeout=5_000)
    qtbot.mouseClick(page.mode_buttons["written"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.rows) == 10)
    qtbot.waitUntil(lambda: all(r.isVisible() for r in page.rows.values()), timeout=2_000)
    page.mode_buttons["written"].setFocus()
    qtbot.waitUntil(page.mode_buttons["written"].hasFocus, timeout=2_000)
    order = []
    for _ in range(60):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
        if order[-1] is page.save_button or order[-1] is page.researcher_name:
            break
    statement_widgets = {
        wdg: n for n, row in enumerate(page.rows.values()) for wdg in (row.yes, row.no, row.initials) if wdg
    }
    seen = [statement_widgets[x] for x in order if x in statement_widgets]
    assert seen, "Tab never reached a statement"
    assert seen == sorted(seen) and set(seen) == set(range(len(page.rows)))  # every statement, in order
    first_signature = order.index(page.participant_name)
    last_statement = max(i for i, x in enumerate(order) if x in statement_widgets)
    assert last_statement < first_signature  # statements before signatures
    assert order.index(page.participant_pad) > first_signature


def test_enter_continues_from_the_recovery_key_once_it_is_stored(qtbot, tmp_path, make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window(DataDir(tmp_path / "fresh"))
    w.resize(*SIZE)
    ui = w.first_run.ui
    qtbot.keyClicks(ui.userEdit, "sam")
    qtbot.keyClicks(ui.pass1Edit, "kettle orchard violet lantern")
    qtbot.keyClicks(ui.pass2Edit, "kettle orchard violet lantern")
    QTest.keyClick(ui.pass2Edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ui.steps.currentWidget() is ui.recoveryStep, timeout=10_000)
    w.activateWindow()
    ui.storedCheck.setFocus()
    qtbot.waitUntil(ui.storedCheck.hasFocus, timeout=2_000)
    QTest.keyClick(ui.storedCheck, Qt.Key.Key_Return)  # not yet marked as stored: nothing happens
    qtbot.wait(300)
    assert w.root.currentWidget() is not w.work and ui.recoveryKeyLabel.text()
    QTest.keyClick(ui.storedCheck, Qt.Key.Key_Space)
    assert ui.continueButton.isEnabled()
    QTest.keyClick(ui.storedCheck, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.root.currentWidget() is w.work, timeout=5_000)
    assert ui.recoveryKeyLabel.text() == ""


@pytest.mark.parametrize(
    ("locale_name", "expected"),
    [("C", "7 Jan 2030 10:30"), ("en_GB", "07/01/2030 10:30"), ("de_DE", "07.01.2030 10:30")],
)
def test_the_study_home_shows_dates_in_one_format_in_the_users_locale(
    qtbot, make_window, vault_dir, ws, locale_name, expected
) -> None:  # type: ignore[no-untyped-def]
    p = add_eligible(ws, "mother")
    sessions.new(ws, [p.id], "interview", "clinic", "2030-01-07T10:30", 60)
    ws.close()
    before = QLocale()
    QLocale.setDefault(QLocale(locale_name))
    try:
        w = _window(qtbot, make_window, vault_dir)
        w.show_page("home")
        home = w.page("home")
        qtbot.waitUntil(lambda: any("2030" in t for t in visible_texts(home)), timeout=5_000)
        texts = visible_texts(home)
        assert not [t for t in texts if re.search(r"\d{4}-\d\d-\d\d|T\d\d:\d\d|\+00:00", t)]
        assert any(expected in t for t in texts), texts  # no two-digit years, whatever the locale
    finally:
        QLocale.setDefault(before)


def test_filled_buttons_show_a_focus_ring_and_prepare_has_no_clashing_mnemonics(
    qtbot, make_window, vault_dir, ws
) -> None:  # type: ignore[no-untyped-def]
    ws.close()
    w = _window(qtbot, make_window, vault_dir)
    w.show_page("prepare")
    page = w.page("prepare")
    keys: dict[str, list[str]] = {}
    for wdg in [*page.findChildren(QAbstractButton), *page.findChildren(QLabel)]:
        text = wdg.text()
        m = re.search(r"&([^&])", text.replace("&&", ""))
        if m:
            keys.setdefault(m.group(1).lower(), []).append(text)
    for action in w.menuBar().actions():
        m = re.search(r"&([^&])", action.text())
        if m:
            keys.setdefault(m.group(1).lower(), []).append(action.text())
    clashes = {k: v for k, v in keys.items() if len(v) > 1}
    assert not clashes, clashes

    # A filled (primary) button looks different with focus than without: an amber ring at its edge.
    host = QWidget()
    qtbot.addWidget(host)
    button = QPushButton("Complete session", host)
    other = QPushButton("Save", host)
    other.move(0, 60)
    button.setProperty("role", "primary")
    host.resize(300, 120)
    host.show()
    host.activateWindow()
    other.setFocus()
    qtbot.waitUntil(other.hasFocus, timeout=2_000)
    plain = button.grab().toImage()
    QTest.keyClick(other, Qt.Key.Key_Backtab)
    qtbot.waitUntil(button.hasFocus, timeout=2_000)
    ring = button.grab().toImage()
    edge = ring.pixelColor(1, ring.height() // 2)
    fill = ring.pixelColor(ring.width() // 2, 5)
    assert plain != ring
    # The ring stands out from the button's own fill (WCAG's 3:1 for a focus indicator).
    assert _contrast(edge, fill) >= 3.0, (edge.name(), fill.name())


def _contrast(a, b) -> float:  # type: ignore[no-untyped-def]
    def lum(c) -> float:  # type: ignore[no-untyped-def]
        def ch(v: int) -> float:
            x = v / 255
            return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.red()) + 0.7152 * ch(c.green()) + 0.0722 * ch(c.blue())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_a_printable_document_is_offered_under_its_title_not_its_id(
    qtbot, make_window, vault_dir, ws, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    p = add_eligible(ws, "mother")
    sid = sessions.new(ws, [p.id], "interview", "clinic", "2030-01-01T10:00", 60).id
    ws.close()
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (asked.append(a[2]), ("", ""))[1])
    )
    w = _window(qtbot, make_window, vault_dir)
    w.ctx.set_session(sid)
    w.show_page("prepare")
    page = w.page("prepare")
    qtbot.waitUntil(lambda: page.pis_pdf.isEnabled(), timeout=5_000)
    qtbot.mouseClick(page.pis_pdf, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked[0].startswith("Information sheet") and asked[0].endswith(" v1.1.pdf"), asked
    assert "pis-mother" not in asked[0]
