"""Translations: Qt's own base strings plus the app's ``resources/translations/fieldwork_<lang>.qm``.

The language is chosen as for the command line (:func:`fieldwork_app.i18n.language`): ``FIELDWORK_LANG``,
else the settings' language.  ``en_XA`` is the pseudo-locale the translation tests run in.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from fieldwork_app.i18n import catalogue_names
from fieldwork_app.i18n import language as choose_language
from fieldwork_app.paths import resources_dir

logger = logging.getLogger(__name__)


def install(app: QApplication, language: str = "") -> list[QTranslator]:
    language = choose_language(language)
    locale = QLocale(language) if language else QLocale.system()
    installed = []
    qt_base = QTranslator(app)
    if qt_base.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    folder = resources_dir() / "translations"
    own = QTranslator(app)
    # by file name first: a pseudo-locale such as en_XA is no territory QLocale knows
    names = [n for n in catalogue_names(language) if (folder / n).is_file()]
    if (names and own.load(str(folder / names[0]))) or own.load(locale, "fieldwork", "_", str(folder)):
        app.installTranslator(own)
        installed.append(own)
    logger.info("translations installed: %d", len(installed))
    return installed
