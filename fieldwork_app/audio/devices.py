"""Input and output device lookup over PortAudio (via ``sounddevice``).

Why ``sounddevice`` is imported lazily: PortAudio takes its device list when it initialises, so
importing it only on first use lets the app (or a test) bring up the sound server first.
:func:`refresh_devices` re-reads the list when no stream is open (e.g. after plugging a microphone).

API::

    list_input_devices() -> list[DeviceInfo]
    resolve_input_device(spec: str | int | None) -> DeviceInfo   # substring of the name, index, or default
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from fieldwork_app.errors import AudioError, ErrorKind

logger = logging.getLogger(__name__)


def sd() -> Any:
    """The ``sounddevice`` module, or AudioError(NO_DEVICE) if PortAudio is not available."""
    try:
        import sounddevice
    except OSError as exc:
        raise AudioError("the audio system (PortAudio) is not available", kind=ErrorKind.NO_DEVICE) from exc
    return sounddevice


@dataclass(frozen=True)
class DeviceInfo:
    index: int
    name: str
    hostapi: str
    max_input_channels: int
    max_output_channels: int
    default_samplerate: float
    is_default: bool


def refresh_devices() -> None:
    """Re-initialise PortAudio so newly added devices (or a restarted sound server) are seen."""
    mod = sd()
    mod._terminate()
    mod._initialize()


def _default_index(kind: int) -> int:
    mod = sd()
    try:
        dev = mod.default.device[kind]
    except (TypeError, IndexError):
        return -1
    if dev is None or dev == -1:
        try:
            info: Any = mod.query_devices(kind="input" if kind == 0 else "output")
            return int(info["index"])
        except (ValueError, mod.PortAudioError):
            return -1
    return int(dev)


def _all(kind: int) -> list[DeviceInfo]:
    mod = sd()
    apis = [str(a["name"]) for a in mod.query_hostapis()]
    default = _default_index(kind)
    out = []
    for i, d in enumerate(mod.query_devices()):
        channels = d["max_input_channels"] if kind == 0 else d["max_output_channels"]
        if channels <= 0:
            continue
        out.append(
            DeviceInfo(
                index=i,
                name=str(d["name"]),
                hostapi=apis[d["hostapi"]] if d["hostapi"] < len(apis) else "",
                max_input_channels=int(d["max_input_channels"]),
                max_output_channels=int(d["max_output_channels"]),
                default_samplerate=float(d["default_samplerate"]),
                is_default=(i == default),
            )
        )
    return out


def list_input_devices() -> list[DeviceInfo]:
    return _all(0)


def list_output_devices() -> list[DeviceInfo]:
    return _all(1)


def _resolve(spec: str | int | None, kind: int) -> DeviceInfo:
    what = "input" if kind == 0 else "output"
    devices = _all(kind)
    if not devices:
        raise AudioError(f"no {what} device found", kind=ErrorKind.NO_DEVICE)
    if spec is None:
        for d in devices:
            if d.is_default:
                return d
        return devices[0]
    if isinstance(spec, int) and not isinstance(spec, bool):
        for d in devices:
            if d.index == spec:
                return d
        raise AudioError(f"no {what} device with index {spec}", kind=ErrorKind.NO_DEVICE)
    wanted = str(spec).strip().lower()
    if not wanted:
        raise AudioError(f"empty {what} device name", kind=ErrorKind.NO_DEVICE)
    exact = [d for d in devices if d.name.lower() == wanted]
    if exact:
        return exact[0]
    partial = [d for d in devices if wanted in d.name.lower()]
    if partial:
        return partial[0]
    raise AudioError(f"no {what} device matching {spec!r}", kind=ErrorKind.NO_DEVICE)


def resolve_input_device(spec: str | int | None) -> DeviceInfo:
    """Find an input device by exact or partial (case-insensitive) name, by index, or the default."""
    return _resolve(spec, 0)


def resolve_output_device(spec: str | int | None) -> DeviceInfo:
    return _resolve(spec, 1)
