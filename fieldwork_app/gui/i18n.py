"""Translations: Qt's own base strings plus the app's ``resources/translations/fieldwork_<lang>.qm``."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from fieldwork_app.paths import resources_dir

logger = logging.getLogger(__name__)


def install(app: QApplication, language: str = "") -> list[QTranslator]:
    locale = QLocale(language) if language else QLocale.system()
    installed = []
    qt_base = QTranslator(app)
    if qt_base.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    own = QTranslator(app)
    if own.load(locale, "fieldwork", "_", str(resources_dir() / "translations")):
        app.installTranslator(own)
        installed.append(own)
    logger.info("translations installed: %d", len(installed))
    return installed
