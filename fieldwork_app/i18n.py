"""Translations for the command line, from the same catalogue as the desktop app, without Qt.

Both faces use one catalogue: the Qt Linguist sources ``resources/translations/fieldwork_LANG.ts`` (British
English is the source language), compiled at build time into ``fieldwork_LANG.qm``.  The GUI loads the ``.qm``
with ``QTranslator``; the command line, which must not import Qt, reads the same ``.qm`` here (its layout is
Qt's documented-by-source ``QTranslator`` format: a magic number, then tagged blocks, the messages block holding
context, source text and translation of each message).

Strings are marked with ``translate("context", "text")``, which ``pyside6-lupdate`` extracts as it does the
GUI's ``tr()`` calls (``python scripts/qtbuild.py update-ts``).  Arguments go in afterwards with ``format``.

The language: ``FIELDWORK_LANG`` (e.g. ``en_XA``, the pseudo-locale), else the caller's choice (the GUI passes
the settings' language), else the environment's ``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/``LANG`` as gettext
reads them.  A language without a catalogue shows the British English source.
"""

from __future__ import annotations

import logging
import os
from functools import cache

from fieldwork_app.paths import resources_dir

logger = logging.getLogger(__name__)

ENV_LANG = "FIELDWORK_LANG"
_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_TAG_MESSAGES = 0x69
# message record tags (QTranslator's own numbering)
_END, _SOURCE16, _TRANSLATION, _CONTEXT16, _OBSOLETE1, _SOURCE, _CONTEXT, _COMMENT = 1, 2, 3, 4, 5, 6, 7, 8


def language(preferred: str = "") -> str:
    """The language to show: FIELDWORK_LANG, else ``preferred``, else the environment's locale ("" if none)."""
    chosen = os.environ.get(ENV_LANG) or preferred
    if not chosen:
        for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
            value = os.environ.get(var, "")
            if value:
                chosen = value.split(":")[0]
                break
    return chosen.split(".")[0].split("@")[0] if chosen not in ("C", "POSIX") else ""


def catalogue_names(lang: str) -> list[str]:
    """``en_XA`` -> ``["fieldwork_en_XA.qm", "fieldwork_en.qm"]``: the most specific first."""
    parts = lang.replace("-", "_").split("_") if lang else []
    return [f"fieldwork_{'_'.join(parts[:n])}.qm" for n in range(len(parts), 0, -1)]


def read_qm(data: bytes) -> dict[tuple[str, str], str]:
    """The translations of a ``.qm`` file: ``(context, source) -> translation`` (numerus: the first form)."""
    if data[:16] != _MAGIC:
        raise ValueError("not a Qt translation file")
    pos, messages = 16, b""
    while pos + 5 <= len(data):
        tag, length = data[pos], int.from_bytes(data[pos + 1 : pos + 5], "big")
        if tag == _TAG_MESSAGES:
            messages = data[pos + 5 : pos + 5 + length]
        pos += 5 + length
    table: dict[tuple[str, str], str] = {}
    i, context, source = 0, "", ""
    translations: list[str] = []
    while i < len(messages):
        tag = messages[i]
        i += 1
        if tag == _END:
            if translations and source:
                table.setdefault((context, source), translations[0])
            context, source, translations = "", "", []
            continue
        if tag == _OBSOLETE1:
            i += 4
            continue
        if tag not in (_SOURCE16, _TRANSLATION, _CONTEXT16, _SOURCE, _CONTEXT, _COMMENT):
            raise ValueError(f"unknown record {tag:#x} in a Qt translation file")
        length = int.from_bytes(messages[i : i + 4], "big")
        i += 4
        if length == 0xFFFFFFFF:  # a null translation
            continue
        raw = messages[i : i + length]
        i += length
        if tag == _TRANSLATION:
            translations.append(raw.decode("utf-16-be"))
        elif tag == _SOURCE:
            source = raw.decode("utf-8")
        elif tag == _CONTEXT:
            context = raw.decode("utf-8")
        elif tag in (_SOURCE16, _CONTEXT16):
            text = raw.decode("utf-16-be")
            if tag == _SOURCE16:
                source = text
            else:
                context = text
    return table


@cache
def _catalogue(lang: str) -> dict[tuple[str, str], str]:
    folder = resources_dir() / "translations"
    for name in catalogue_names(lang):
        path = folder / name
        if path.is_file():
            try:
                return read_qm(path.read_bytes())
            except (OSError, ValueError):
                logger.warning("translation file %s unreadable; showing British English", name)
                return {}
    return {}


def translate(context: str, text: str) -> str:
    """``text`` in the chosen language (the source text where the catalogue has no translation)."""
    return _catalogue(language()).get((context, text), text)
