"""Start the desktop app: ``run(args)`` from the ``fieldwork gui`` command."""

from __future__ import annotations

import logging
import sys
from typing import Any

from PySide6.QtWidgets import QApplication

from fieldwork_app.paths import DataDir, default_data_dir
from fieldwork_app.settings import load as load_settings

from fieldwork_app.gui import i18n, qt_compat
from fieldwork_app.gui.resources import apply_style

logger = logging.getLogger(__name__)


def application() -> QApplication:
    existing = QApplication.instance()
    if existing is None:
        app = QApplication(sys.argv[:1])
    elif isinstance(existing, QApplication):
        app = existing
    else:
        raise RuntimeError("a QCoreApplication without widgets is already running")
    app.setApplicationName("Fieldwork")
    app.setOrganizationName("Fieldwork")
    apply_style(app)
    qt_compat.install()
    return app


def run(args: Any) -> int:
    from fieldwork_app.hardening import harden_process

    harden_process()  # as the command does: no core dumps, not dumpable, umask 077
    tour_dir = getattr(args, "tour", None)
    if tour_dir:
        from fieldwork_app.gui import tour

        return tour.run(
            tour_dir,
            size=tour.parse_size(getattr(args, "size", None) or tour.DEFAULT_SIZE),
            app=application(),
            pack=getattr(args, "pack", None),
        )
    from fieldwork_app.gui.main_window import MainWindow

    root = getattr(args, "data_dir", None)
    data_dir = DataDir(root) if root else DataDir(default_data_dir())
    settings = load_settings(data_dir.settings)
    app = application()
    i18n.install(app, settings.language)
    window = MainWindow(data_dir, settings=settings)
    window.show_for_screen()
    code = app.exec()
    window.shutdown()
    return int(code)
