"""Walk the app's main screens in the pseudo-locale and report untranslated and clipped text.

Run as ``FIELDWORK_LANG=en_XA python -m tests.gui.pseudo_probe OUTDIR REPORT.json [WIDTHxHEIGHT]``: the GUI tour
(``fieldwork gui --tour``) drives every main screen; after each screenshot every visible widget's text is read.

* untranslated: visible text with a word outside the pseudo-locale's ⟦ ⟧ that is not data (the study pack's
  own words, ids, names and numbers the tour entered);
* clipped: text wider than its widget (a label, button, check box or group title whose text does not fit, an
  item a list, tree or table elides, a screen that needs a wider window than the size asked for).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QTabBar,
    QTreeView,
    QTreeWidget,
    QWidget,
)

from fieldwork_app.paths import packs_dir

from fieldwork_app.gui import tour

OPEN, CLOSE = "\u27e6", "\u27e7"
_SPAN = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
# ids, times, dates, numbers, sizes, paths and URLs the tour shows as data
_DATA = re.compile(
    r"\b(?:Ctrl|Alt|Shift|Meta)(?:\+\w+)+|\bF\d{1,2}\b|[A-Z]{1,3}-\d+|\d[\d:./\-]*\s*(?:am|pm|AM|PM|kB|MB|GB|KiB|MiB|dB|s|min|h)?\b|[a-z]+://\S+|/\S+|\S+@\S+"
)
_WORD = re.compile(r"[A-Za-z]{3,}")
# the tour's own data (tour._seed, tour.USER) and names that are never translated
_SEED = ["Study buddy", "researcher1", "usb-drive", "Fieldwork", "SQLCipher", "Whisper", "NVivo", "REFI-QDA"]


def _pack_strings() -> list[str]:
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(k)
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str) and node.strip():
            for piece in [node, *node.splitlines()]:
                piece = piece.strip()
                if len(piece) >= 3:
                    found.update((piece, piece.rstrip(".")))  # shown as is, or run into a sentence

    for folder in packs_dir().iterdir():
        for f in folder.rglob("*.yaml"):
            walk(yaml.safe_load(f.read_text(encoding="utf-8")))
    return sorted(found, key=len, reverse=True)


DATA_STRINGS = sorted({*_pack_strings(), *_SEED}, key=len, reverse=True)


def _qtbuild() -> Any:
    script = Path(__file__).resolve().parents[2] / "scripts" / "qtbuild.py"
    spec = importlib.util.spec_from_file_location("fieldwork_qtbuild", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pseudo_text(text: str) -> str:
    """``text`` as the pseudo-locale's catalogue has it (the build's own pseudo-translation)."""
    return str(_qtbuild().pseudo(text))


def plain(text: str) -> str:
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _shown(text: str) -> str:
    """Text as drawn: a mnemonic's ``&`` is not shown, ``&&`` is one ``&``."""
    return re.sub(r"&(.)", r"\1", text)


def untranslated_part(text: str) -> str:
    """What is left of ``text`` once pseudo-translated spans and data are taken out ("" when all is fine)."""
    rest = plain(text).replace("&&", "&")
    while True:
        shorter = _SPAN.sub(" ", rest)
        if shorter == rest:
            break
        rest = shorter
    for data in DATA_STRINGS:
        if data in rest:
            rest = rest.replace(data, " ")
    rest = _DATA.sub(" ", rest)
    return " ".join(_WORD.findall(rest))


def _texts(w: QWidget) -> list[str]:
    if isinstance(w, QLabel):
        return [w.text()]
    if isinstance(w, QAbstractButton):
        return [w.text(), w.toolTip()]
    if isinstance(w, QGroupBox):
        return [w.title()]
    if isinstance(w, QLineEdit):
        return [w.placeholderText()] if not w.text() else []
    if isinstance(w, QComboBox):
        return [w.currentText()]
    if isinstance(w, QTabBar):
        return [w.tabText(i) for i in range(w.count())]
    if isinstance(w, QTreeWidget):
        header = w.headerItem()
        return [header.text(i) for i in range(header.columnCount())] if not w.isHeaderHidden() else []
    return []


def _clipped(w: QWidget) -> bool:
    if isinstance(w, QLabel) and w.text():
        text = _shown(plain(w.text())) if w.buddy() is not None or "&" in w.text() else plain(w.text())
        room = w.contentsRect().width() - 2 * w.margin() - max(w.indent(), 0)
        if w.wordWrap():
            return w.heightForWidth(w.width()) > w.height() + 1
        widest = max((w.fontMetrics().horizontalAdvance(line) for line in text.splitlines()), default=0)
        return widest > room + 1
    if isinstance(w, (QAbstractButton, QGroupBox)):
        hint = w.minimumSizeHint()
        return hint.width() > w.width() + 1
    return False


def _clipped_items(view: QAbstractItemView) -> list[str]:
    """Items of a list, tree or table whose text the view elides (its column or row is narrower than the text)."""
    model = view.model()
    wraps = bool(getattr(view, "wordWrap", lambda: False)())
    if model is None or wraps:  # a view that wraps its items' text shows all of it
        return []
    out = []
    viewport = view.viewport().rect()

    def walk(parent: QModelIndex) -> None:
        try:
            columns = model.columnCount(parent)
        except TypeError:  # a list model keeps columnCount private: one column
            columns = 1
        for row in range(min(model.rowCount(parent), 200)):
            for col in range(columns):
                index = model.index(row, col, parent)
                text = index.data(Qt.ItemDataRole.DisplayRole)
                rect = view.visualRect(index)
                if not isinstance(text, str) or not text.strip() or not rect.intersects(viewport):
                    continue
                # a list lays each item out at its own size: what it has is the viewport's width
                room = viewport.width() - rect.left() if isinstance(view, QListView) else rect.width()
                if view.sizeHintForIndex(index).width() > room + 1:
                    out.append(text)
            first = model.index(row, 0, parent)
            if isinstance(view, QTreeView) and view.isExpanded(first) and model.rowCount(first) > 0:
                walk(first)

    walk(QModelIndex())
    return out


def inspect(window: QWidget, screen: str) -> list[dict[str, str]]:
    found = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.window() is not window:
            continue
        for text in _texts(w):
            if not text or not text.strip():
                continue
            left = untranslated_part(text)
            if left:
                found.append({"screen": screen, "kind": "untranslated", "widget": type(w).__name__,
                              "name": w.objectName(), "text": plain(text)[:200], "words": left[:120]})
        if isinstance(w, QAbstractItemView):
            for text in _clipped_items(w):
                found.append({"screen": screen, "kind": "clipped", "widget": type(w).__name__ + " item",
                              "name": w.objectName(), "text": plain(text)[:200], "words": text[:60]})
        if _clipped(w):
            found.append({"screen": screen, "kind": "clipped", "widget": type(w).__name__,
                          "name": w.objectName(), "text": plain(_texts(w)[0] if _texts(w) else "")[:200],
                          "words": f"{w.width()}x{w.height()}"})
    title = window.windowTitle()
    if title and untranslated_part(title):
        found.append({"screen": screen, "kind": "untranslated", "widget": "window title", "name": "",
                      "text": title, "words": untranslated_part(title)})
    return found


def main(argv: list[str]) -> int:
    out, report = Path(argv[0]), Path(argv[1])
    size = tour.parse_size(argv[2]) if len(argv) > 2 else (1366, 768)
    findings: list[dict[str, str]] = []
    screens: list[str] = []
    take = tour.Tour.shot

    def shot(self: tour.Tour, name: str) -> Path:
        try:
            path = take(self, name)
        except RuntimeError as exc:  # the screen asked for a window wider or taller than the size
            findings.append({"screen": name, "kind": "clipped", "widget": "window", "name": "",
                             "text": str(exc), "words": ""})
            path = out / f"{name}.png"
        screens.append(name)
        findings.extend(inspect(self.window, name))
        return path

    tour.Tour.shot = shot  # type: ignore[method-assign]
    from fieldwork_app.gui.app import application

    code = tour.run(out, size, app=application())
    report.write_text(json.dumps({"screens": screens, "findings": findings}, indent=1, ensure_ascii=False))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
