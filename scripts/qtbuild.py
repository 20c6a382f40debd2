"""Build steps for the Qt parts of Fieldwork: Designer forms, translations and the pseudo-locale.

Used by ``setup.py`` (the ``build_qt`` command that every wheel, sdist-built wheel and editable install runs)
and from the command line:

    python scripts/qtbuild.py build            # forms and .qm into the source tree (what `pip install -e .` does)
    python scripts/qtbuild.py update-ts        # pyside6-lupdate: refresh the .ts files, fill the pseudo-locale
    python scripts/qtbuild.py update-ts --add fr   # start a French catalogue (then translate it in Qt Linguist)
    python scripts/qtbuild.py check-ts         # fail when the .ts files are not current (CI)

* ``ui/NAME.ui`` -> ``fieldwork_app/gui/forms/ui_NAME.py`` (pyside6-uic), imported statically by the GUI.
* ``resources/translations/fieldwork_LANG.ts`` -> ``fieldwork_LANG.qm`` (pyside6-lrelease).
* The source language is British English (the strings in the code and forms).  ``en_XA`` is a pseudo-locale:
  every string accented, lengthened by about 40% and wrapped in ``⟦ ⟧``, so a test can see which visible text
  does not go through the catalogue and which text no longer fits its widget.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "fieldwork_app" / "gui" / "forms"
TS_DIR = ROOT / "resources" / "translations"
SOURCE_LANGUAGE = "en_GB"
PSEUDO_LANGUAGE = "en_XA"
PSEUDO_OPEN, PSEUDO_CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧

# Where translatable strings are: every module of the app (the GUI through tr()/translate(), the command line
# through fieldwork_app.i18n.translate) and the Designer forms.
SOURCE_GLOBS = ("fieldwork_app/**/*.py", "ui/*.ui")


def _tool(name: str) -> list[str]:
    """A PySide6 tool (``uic``, ``lrelease``, ``lupdate``) run through the PySide6 of the Python running this
    build, as its ``pyside6-NAME`` script does (``uic`` adds ``-g python``), whatever is on PATH."""
    if name not in ("uic", "lrelease", "lupdate"):
        raise ValueError(name)
    try:
        import PySide6  # noqa: F401
    except ImportError:
        raise SystemExit("qtbuild: PySide6 is not installed; PySide6-Essentials is a build requirement") from None
    return [sys.executable, "-c", f"from PySide6.scripts.pyside_tool import {name}; {name}()"]


def _run(cmd: list[str]) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"qtbuild: {' '.join(cmd)} failed:\n{done.stdout}{done.stderr}")


# --- Designer forms -----------------------------------------------------------------------------------------


def ui_sources() -> list[Path]:
    return sorted(UI_DIR.glob("*.ui"))


def compile_forms(out_dir: Path = FORMS_DIR, *, force: bool = False) -> list[Path]:
    """``ui/NAME.ui`` -> ``out_dir/ui_NAME.py`` (only the forms whose output is missing or older)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = []
    for src in ui_sources():
        out = out_dir / f"ui_{src.stem}.py"
        if force or not out.exists() or out.stat().st_mtime < src.stat().st_mtime:
            tmp = out.with_suffix(".tmp")
            _run([*_tool("uic"), "-o", str(tmp), str(src)])
            tmp.replace(out)
        outputs.append(out)
    return outputs


# --- translations -------------------------------------------------------------------------------------------


def ts_sources(ts_dir: Path = TS_DIR) -> list[Path]:
    return sorted(ts_dir.glob("fieldwork_*.ts"))


def compile_translations(out_dir: Path = TS_DIR, ts_dir: Path = TS_DIR, *, force: bool = False) -> list[Path]:
    """Every ``fieldwork_LANG.ts`` -> ``out_dir/fieldwork_LANG.qm``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = []
    for ts in ts_sources(ts_dir):
        qm = out_dir / f"{ts.stem}.qm"
        if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            _run([*_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)])
        outputs.append(qm)
    return outputs


def _source_files(root: Path) -> list[Path]:
    files: set[Path] = set()
    for pattern in SOURCE_GLOBS:
        files.update(p for p in root.glob(pattern) if "__pycache__" not in p.parts)
    # the compiled forms are outputs; their strings are read from the .ui files
    return sorted(p for p in files if not (p.parent.name == "forms" and p.name.startswith("ui_")))


def _languages(ts_dir: Path, add: Iterable[str] = ()) -> list[str]:
    langs = {p.stem.removeprefix("fieldwork_") for p in ts_sources(ts_dir)} | {PSEUDO_LANGUAGE} | set(add)
    for lang in langs:
        if not re.fullmatch(r"[a-z]{2,3}(_[A-Z][A-Za-z]{1,3})?", lang):
            raise SystemExit(f"qtbuild: {lang!r} is not a language code such as fr or pt_BR")
    return sorted(langs)


def update_ts(ts_dir: Path = TS_DIR, root: Path = ROOT, add: Iterable[str] = ()) -> list[Path]:
    """Run pyside6-lupdate over the sources into each .ts (and a new one for each language in ``add``), then
    fill the pseudo-locale's translations."""
    ts_dir.mkdir(parents=True, exist_ok=True)
    sources = _source_files(root)
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as lst:
        lst.write("\n".join(str(p) for p in sources))
    written = []
    try:
        for lang in _languages(ts_dir, add):
            ts = ts_dir / f"fieldwork_{lang}.ts"
            kept = _translations(ts) if ts.exists() else {}  # lupdate drops what it cannot see itself
            _run([*_tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete", "-no-ui-lines",
                  "-source-language", SOURCE_LANGUAGE, "-target-language", lang, f"@{lst.name}", "-ts", str(ts)])
            add_wrapper_messages(ts, sources, kept)
            if lang == PSEUDO_LANGUAGE:
                fill_pseudo(ts)
            else:
                _normalise(ts)
            written.append(ts)
    finally:
        Path(lst.name).unlink(missing_ok=True)
    return written


def check_ts(ts_dir: Path = TS_DIR, root: Path = ROOT) -> list[str]:
    """The differences between the committed .ts files and what ``update-ts`` would write (empty: current)."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "translations"
        copy.mkdir()
        for ts in ts_sources(ts_dir):
            shutil.copy2(ts, copy / ts.name)
        for fresh in update_ts(copy, root):
            committed = ts_dir / fresh.name
            old = committed.read_text(encoding="utf-8").splitlines() if committed.exists() else []
            new = fresh.read_text(encoding="utf-8").splitlines()
            if old != new:
                diff = list(difflib.unified_diff(old, new, str(committed), "update-ts", lineterm="", n=1))
                problems.append("\n".join(diff[:60]))
    return problems


def _wrappers(tree: ast.Module) -> dict[str, str]:
    """Module-level ``def _t(text): return QCoreApplication.translate("Context", text)``: name -> context."""
    found = {}
    for node in tree.body:
        if not (isinstance(node, ast.FunctionDef) and len(node.args.args) == 1 and len(node.body) == 1):
            continue
        ret = node.body[0]
        call = ret.value if isinstance(ret, ast.Return) else None
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "translate"
            and len(call.args) == 2
            and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)
            and isinstance(call.args[1], ast.Name)
            and call.args[1].id == node.args.args[0].arg
        ):
            found[node.name] = call.args[0].value
    return found


def wrapper_messages(sources: Iterable[Path]) -> list[tuple[str, str]]:
    """``(context, text)`` of every ``_t("text")`` call through a one-line translate wrapper (lupdate cannot see
    these: they carry their context in the wrapper, not at the call)."""
    found: list[tuple[str, str]] = []
    for path in sources:
        if path.suffix != ".py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrappers = _wrappers(tree)
        if not wrappers:
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in wrappers
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                item = (wrappers[node.func.id], node.args[0].value)
                if item not in found:
                    found.append(item)
    return found


def _translations(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None:
                out[(ctx.findtext("name") or "", msg.findtext("source") or "")] = tr
    return out


def add_wrapper_messages(
    ts: Path, sources: Iterable[Path], kept: dict[tuple[str, str], ET.Element] | None = None
) -> None:
    """Add the wrapper calls' messages to ``ts``, with the translations they had before (``kept``)."""
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    for context, text in wrapper_messages(sources):
        ctx = contexts.get(context)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = context
            contexts[context] = ctx
        if any(m.findtext("source") == text for m in ctx.iter("message")):
            continue
        msg = ET.SubElement(ctx, "message")
        ET.SubElement(msg, "source").text = text
        before = (kept or {}).get((context, text))
        if before is not None:
            msg.append(before)
        else:
            ET.SubElement(msg, "translation", {"type": "unfinished"})
    root[:] = sorted(root, key=lambda c: c.findtext("name") or "")
    _write(tree, ts)


# --- the pseudo-locale --------------------------------------------------------------------------------------

_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# Kept as they are: Qt's %1/%L1/%n, Python's {name} and %(name)s/%s/%d/%r, HTML tags and entities, "&&".
_KEEP = re.compile(r"%L?\d+|%n|\{[^{}]*\}|%\([a-z_]+\)[sdifr]|%[sdifr%]|<[^>]*>|&[a-z]+;|&#\d+;|&&")
_PAD = "ŵîðé"  # padding words, spaced so that wrapped text can still wrap


def pseudo(text: str) -> str:
    """British English -> the pseudo-locale: accented, about 40% longer, inside ⟦ ⟧; placeholders intact."""
    if not text.strip():
        return text
    parts, pos = [], 0
    for m in _KEEP.finditer(text):
        parts.append(text[pos : m.start()].translate(_ACCENTS))
        parts.append(m.group(0))
        pos = m.end()
    parts.append(text[pos:].translate(_ACCENTS))
    visible = len(_KEEP.sub("", text))
    extra = max(2, round(visible * 0.4))
    pad = ((_PAD + " ") * (extra // (len(_PAD) + 1) + 1))[:extra].strip()
    body = "".join(parts)
    # a trailing colon or ellipsis stays at the end, where layouts expect it
    tail = ""
    for ending in ("...", "\u2026", ":"):
        if body.endswith(ending):
            body, tail = body[: -len(ending)], ending
            break
    return f"{PSEUDO_OPEN}{body} {pad}{tail}{PSEUDO_CLOSE}"


def _messages(tree: ET.ElementTree) -> Iterable[ET.Element]:
    yield from tree.getroot().iter("message")


def fill_pseudo(ts: Path) -> None:
    tree = ET.parse(ts)
    for msg in _messages(tree):
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        if tr is None:
            tr = ET.SubElement(msg, "translation")
        tr.attrib.pop("type", None)
        forms = tr.findall("numerusform")
        if msg.get("numerus") == "yes":
            for f in forms:
                f.text = pseudo(source)
        else:
            tr.text = pseudo(source)
    _write(tree, ts)


def _normalise(ts: Path) -> None:
    _write(ET.parse(ts), ts)


def _write(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


# --- the whole build ----------------------------------------------------------------------------------------


def build(package_root: Path = ROOT / "fieldwork_app", resources_root: Path = ROOT / "resources") -> list[Path]:
    """Forms into ``package_root`` (the ``fieldwork_app`` folder of a build or of the checkout) and .qm files
    into ``resources_root`` (the checkout's ``resources/``, or the build's packaged copy)."""
    forms = compile_forms(package_root / "gui" / "forms")
    qms = compile_translations(resources_root / "translations")
    if not forms:
        raise SystemExit(f"qtbuild: no Designer forms in {UI_DIR}")
    return forms + qms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="qtbuild", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("build", help="compile the forms and translations into the source tree")
    update = sub.add_parser("update-ts", help="refresh the .ts files from the sources and fill the pseudo-locale")
    update.add_argument("--add", metavar="LANG", action="append", default=[],
                        help="start a catalogue for a new language (e.g. fr, pt_BR), for Qt Linguist")
    sub.add_parser("check-ts", help="exit 1 when the .ts files are not current")
    args = parser.parse_args(argv)
    if args.cmd == "build":
        for path in build(ROOT / "fieldwork_app"):
            print(path.relative_to(ROOT))
        return 0
    if args.cmd == "update-ts":
        for path in update_ts(add=args.add):
            print(path.relative_to(ROOT))
        return 0
    problems = check_ts()
    if problems:
        print("The translation sources are not current; run: python scripts/qtbuild.py update-ts")
        print("\n".join(problems))
        return 1
    print("translation sources are current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
