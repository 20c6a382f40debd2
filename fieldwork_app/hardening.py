"""Process hardening, the same for both faces (the command and the desktop app).

* No core dumps (``RLIMIT_CORE`` 0): a crash must not write the data key or decrypted audio to disk.
* On Linux, the process is not dumpable (``prctl(PR_SET_DUMPABLE, 0)``): other processes of the same
  user cannot attach a debugger or read its memory through ``/proc``, and no core is written even
  when a system core handler is installed.
* A process umask of 077: whatever is created (data directory, log, outbox, audio folders, exports)
  is private to the user.
* Secrets read from the environment are removed from it once read, their bytes overwritten in the
  process's original environment block (which ``/proc/<pid>/environ`` shows) where the C library
  still keeps them.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import sys

from fieldwork_app.fsutil import private_umask

logger = logging.getLogger(__name__)

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def harden_process() -> None:
    private_umask()
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not POSIX
        logger.warning("core dumps could not be switched off on this system")
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl")
        except (OSError, AttributeError):
            logger.warning("the process could not be made non-dumpable")


def is_dumpable() -> bool | None:
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(None)
    return bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))


def take_env_secret(name: str) -> str | None:
    """Read a secret from the environment and remove it (value bytes overwritten where possible)."""
    value = os.environ.get(name)
    if value is None:
        return None
    _wipe_c_environ(name)
    os.environ.pop(name, None)
    return value


def _wipe_c_environ(name: str) -> None:
    if os.name != "posix":  # pragma: no cover
        return
    with contextlib.suppress(OSError, ValueError, AttributeError):
        libc = ctypes.CDLL(None)
        environ = ctypes.POINTER(ctypes.c_void_p).in_dll(libc, "environ")
        prefix = name.encode() + b"="
        i = 0
        while environ[i]:
            addr = environ[i]
            assert addr is not None
            entry = ctypes.string_at(addr)
            if entry.startswith(prefix):
                # Overwrite the value in place; unsetenv (os.environ.pop) then drops the entry.
                ctypes.memset(addr + len(prefix), 0, len(entry) - len(prefix))
            i += 1
