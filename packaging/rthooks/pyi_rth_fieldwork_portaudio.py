# Runtime hook: make sounddevice load the PortAudio library inside the bundle, never a system copy.
#
# sounddevice asks ctypes.util.find_library("portaudio") first and, on Linux, gives up when that fails; on a
# researcher's laptop there is usually no PortAudio installed.  Answer that question with the bundled file.
import ctypes.util
import os
import sys


def _fieldwork_bundled_portaudio():
    base = getattr(sys, "_MEIPASS", None)
    if not base:
        return None
    candidates = [
        os.path.join(base, "libportaudio.so.2"),
        os.path.join(base, "_sounddevice_data", "portaudio-binaries", "libportaudio.dylib"),
        os.path.join(base, "_sounddevice_data", "portaudio-binaries", "libportaudio64bit.dll"),
        os.path.join(base, "_sounddevice_data", "portaudio-binaries", "libportaudioarm64.dll"),
    ]
    for path in candidates:
        if os.path.isfile(path):
            return path
    return None


_fieldwork_portaudio = _fieldwork_bundled_portaudio()
if _fieldwork_portaudio is not None:
    _fieldwork_find_library = ctypes.util.find_library

    def _find_library(name, _orig=_fieldwork_find_library, _path=_fieldwork_portaudio):
        if name == "portaudio":
            return _path
        return _orig(name)

    ctypes.util.find_library = _find_library
