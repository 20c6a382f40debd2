"""Work-arounds for faults of the Qt binding that the app cannot otherwise avoid.

``SignalInstance.emit`` in PySide6 6.12 on CPython 3.11 hands back ``True`` without the new reference
the caller owns, so every signal emitted from Python takes one reference from the ``True`` object.
While a take runs the app emits about forty signals a second (level and position), so within minutes
the count reaches zero and the interpreter aborts with ``Fatal Python error: bool_dealloc``, either
mid-take or while modules are torn down at exit.  (CPython 3.12 made ``True`` immortal, which hides
the fault there.)

:func:`install` measures the fault once, with a throw-away signal, and only if it is present wraps
``emit`` so that the missing reference is given back.  Giving ``True`` one reference too many is
harmless, so a mis-measurement can never make things worse than the fault itself.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

logger = logging.getLogger(__name__)

_PROBES = 16
_installed = False


class _Probe(QObject):
    ping = Signal()


def emit_loses_references() -> bool:
    """Whether emitting a signal from Python takes a reference from the object it returns."""
    probe = _Probe()
    try:
        before = sys.getrefcount(True)
        for _ in range(_PROBES):
            probe.ping.emit()
        lost = before - sys.getrefcount(True)
    finally:
        probe.deleteLater()
    return lost >= _PROBES


def install() -> bool:
    """Repair ``SignalInstance.emit`` when it loses references (idempotent); True when it was repaired."""
    global _installed
    if _installed:
        return True
    if not emit_loses_references():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        incref(result)  # the reference the binding should have given us
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    _installed = True
    logger.info("signal emission repaired (the Qt binding drops a reference on each emit)")
    return True
