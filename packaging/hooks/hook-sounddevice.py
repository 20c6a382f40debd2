"""sounddevice: collect the PortAudio library the app records through.

Windows and macOS: the wheel carries PortAudio in ``_sounddevice_data/portaudio-binaries``; collect it there.
Linux: the wheel has no PortAudio, so the system's ``libportaudio.so.2`` (Debian/Ubuntu ``libportaudio2``) is
copied into the bundle's top folder.  ``rthooks/pyi_rth_fieldwork_portaudio.py`` then makes sounddevice load the
bundled copy first, so a laptop without PortAudio installed still records.
"""

from __future__ import annotations

import ctypes.util
import pathlib
import sys

from PyInstaller.utils.hooks import get_module_file_attribute, logger

binaries = []
datas = []

module_dir = pathlib.Path(get_module_file_attribute("sounddevice")).parent
data_dir = module_dir / "_sounddevice_data" / "portaudio-binaries"
if data_dir.is_dir():
    dest = str(data_dir.relative_to(module_dir))
    binaries += [(str(p), dest) for p in data_dir.glob("libportaudio*.*")]
    readme = data_dir / "README.md"
    if readme.is_file():
        datas += [(str(readme), dest)]
elif sys.platform.startswith("linux"):
    found = None
    name = ctypes.util.find_library("portaudio")  # e.g. "libportaudio.so.2"
    if name:
        for d in ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib",
                  "/lib/x86_64-linux-gnu", "/usr/local/lib"):
            candidate = pathlib.Path(d) / name
            if candidate.exists():
                found = str(candidate)
                break
    if found:
        # The soname as the file name (the copy follows the symlink), so dlopen("libportaudio.so.2") works too.
        binaries += [(found, ".")]
        logger.info("fieldwork: bundling PortAudio %s", found)

if not binaries:
    raise SystemExit(
        "fieldwork: PortAudio was not found; on Debian/Ubuntu install libportaudio2 before building "
        "(a bundle without it cannot record)"
    )
