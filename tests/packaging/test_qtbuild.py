"""The build step's translation tools: the pseudo-locale keeps placeholders, and the CI check sees a stale .ts."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _qtbuild() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fieldwork_qtbuild", ROOT / "scripts" / "qtbuild.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pseudo_translation_keeps_placeholders_markup_and_mnemonics() -> None:
    qt = _qtbuild()
    out = qt.pseudo("Save %1 of %L2 for {name}, <b>now</b> &amp; later && &Close:")
    assert out.startswith("\u27e6") and out.endswith(":\u27e7")
    for kept in ("%1", "%L2", "{name}", "<b>", "</b>", "&amp;", "&&"):
        assert kept in out, kept
    assert "Save" not in out and "later" not in out
    plain = "Start the recording now"
    assert len(qt.pseudo(plain)) >= len(plain) * 1.4 + 2  # room for longer languages, and the brackets
    assert qt.pseudo("  ") == "  "


def test_the_currency_check_finds_a_string_missing_from_the_catalogue(tmp_path: Path) -> None:
    qt = _qtbuild()
    root = tmp_path / "src"
    (root / "fieldwork_app").mkdir(parents=True)
    (root / "ui").mkdir()
    shutil.copy2(ROOT / "ui" / "withdraw.ui", root / "ui" / "withdraw.ui")
    module = root / "fieldwork_app" / "page.py"
    module.write_text(
        "from PySide6.QtCore import QCoreApplication\n\n\n"
        "def _t(text):\n    return QCoreApplication.translate('Status', text)\n\n\n"
        "class Page:\n    def title(self):\n        return self.tr('Study home'), _t('planned')\n",
        encoding="utf-8",
    )
    ts_dir = tmp_path / "translations"
    (written,) = qt.update_ts(ts_dir, root)
    text = written.read_text(encoding="utf-8")
    assert "<source>Study home</source>" in text and "<source>planned</source>" in text  # the wrapper too
    assert "<source>Record a withdrawal</source>" in text  # from the form
    assert 'sourcelanguage="en_GB"' in text and 'type="unfinished"' not in text
    assert qt.check_ts(ts_dir, root) == []
    module.write_text(module.read_text(encoding="utf-8") + "\n\ndef more(page):\n    return page.tr('Sync now')\n")
    module.write_text(module.read_text(encoding="utf-8").replace("'Study home'", "'Study overview'"))
    problems = qt.check_ts(ts_dir, root)
    assert problems and "Study overview" in problems[0]
    assert qt.compile_translations(tmp_path / "qm", ts_dir)[0].stat().st_size > 100


def test_a_translation_of_a_wrapped_string_survives_an_update(tmp_path: Path) -> None:
    qt = _qtbuild()
    root = tmp_path / "src"
    (root / "fieldwork_app").mkdir(parents=True)
    (root / "fieldwork_app" / "words.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n\n\n"
        "def _t(text):\n    return QCoreApplication.translate('Status', text)\n\n\n"
        "WORDS = [_t('planned'), _t('ready')]\n",
        encoding="utf-8",
    )
    ts_dir = tmp_path / "translations"
    qt.update_ts(ts_dir, root, add=["fr"])
    fr = ts_dir / "fieldwork_fr.ts"
    fr.write_text(
        fr.read_text(encoding="utf-8").replace(
            '<source>planned</source>\n            <translation type="unfinished" />',
            "<source>planned</source>\n            <translation>prévue</translation>",
        ),
        encoding="utf-8",
    )
    assert "prévue" in fr.read_text(encoding="utf-8")
    qt.update_ts(ts_dir, root)
    assert "<translation>prévue</translation>" in fr.read_text(encoding="utf-8")
    assert qt.check_ts(ts_dir, root) == []


def test_every_catalogue_context_is_one_the_app_translates_in() -> None:
    """``obj.tr("...")`` called from outside obj's class gets the variable's name as its context in the catalogue
    but obj's class name at run time, so it is never translated; the contexts must be class names (or a
    wrapper's or the command line's fixed contexts: ``cli``, and ``argparse`` for argparse's own words)."""
    import re
    import xml.etree.ElementTree as ET

    ts = ROOT / "resources" / "translations" / "fieldwork_en_XA.ts"
    names = [c.findtext("name") or "" for c in ET.parse(ts).getroot().iter("context")]
    assert names and "cli" in names
    wrong = [n for n in names if n not in ("cli", "argparse") and not re.fullmatch(r"[A-Z][A-Za-z0-9]+", n)]
    assert wrong == []
