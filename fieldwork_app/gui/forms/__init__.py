"""Qt Designer forms: ``ui/NAME.ui`` compiled by ``pyside6-uic`` into ``ui_NAME.py`` in this package.

They are compiled when the package is built (``setup.py``'s ``build_qt`` step, run by ``pip wheel``,
``pip install`` and ``pip install -e``; ``python scripts/qtbuild.py build`` in a bare checkout) and imported
statically, e.g. ``from fieldwork_app.gui.forms.ui_unlock import Ui_UnlockPage``.  The app never runs
``pyside6-uic`` itself; the compiled modules are not kept in git.
"""
