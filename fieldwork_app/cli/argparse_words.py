"""argparse's own words ("usage:", "options", "show this help message and exit", "the following arguments are
required: ...") through the app's catalogue, in the command line's language.

argparse looks each of its messages up through the module-level names ``_`` and ``ngettext`` it takes from
:mod:`gettext`, at the moment it says them.  GNU gettext would need ``.mo`` files of its own; Fieldwork has one
catalogue for both faces (Qt's), so :func:`install` points those two names at :func:`fieldwork_app.i18n.translate`
(context ``argparse``).  A message missing from the catalogue is shown as argparse wrote it.

:data:`WORDS` lists every message argparse can say, so that ``pyside6-lupdate`` puts them into the catalogue
(``QT_TRANSLATE_NOOP`` is the marker lupdate knows); a test checks the list against the running Python's
argparse.
"""

from __future__ import annotations

import argparse

from fieldwork_app import i18n

CONTEXT = "argparse"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the marker pyside6-lupdate knows
    """Marks ``text`` for the catalogue; translated later, when it is said."""
    return text


WORDS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "can't open '%(filename)s': %(error)s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "unexpected option string: %s"),
    QT_TRANSLATE_NOOP("argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "argument \"-\" with mode %r"),
    # said only to whoever writes a parser wrongly, never to someone using the command
    QT_TRANSLATE_NOOP("argparse", ".__call__() not defined"),
    QT_TRANSLATE_NOOP("argparse", "'required' is an invalid argument for positionals"),
    QT_TRANSLATE_NOOP("argparse", "mutually exclusive arguments must be optional"),
    QT_TRANSLATE_NOOP("argparse", "%r is not callable"),
    QT_TRANSLATE_NOOP("argparse", "cannot merge actions - two groups are named %r"),
    QT_TRANSLATE_NOOP("argparse", "invalid option string %(option)r: must start with a character %(prefix_chars)r"),
    QT_TRANSLATE_NOOP("argparse", "dest= is required for options like %r"),
    QT_TRANSLATE_NOOP("argparse", "invalid conflict_resolution value: %r"),
    QT_TRANSLATE_NOOP("argparse", "cannot have multiple subparser arguments"),
    QT_TRANSLATE_NOOP("argparse", "conflicting subparser: %s"),
    QT_TRANSLATE_NOOP("argparse", "conflicting subparser alias: %s"),
    QT_TRANSLATE_NOOP("argparse", "conflicting option string: %s"),
    QT_TRANSLATE_NOOP("argparse", "conflicting option strings: %s"),
)


def gettext(message: str) -> str:
    return i18n.translate(CONTEXT, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return i18n.translate(CONTEXT, singular if n == 1 else plural)


def install() -> None:
    """argparse says its words through the catalogue from now on (in this process)."""
    setattr(argparse, "_", gettext)  # noqa: B010 - argparse's module globals, as gettext set them
    setattr(argparse, "ngettext", ngettext)  # noqa: B010
