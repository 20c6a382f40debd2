"""Encrypted, crash-safe audio recording (no Qt).

Every take is one file of ChaCha20-Poly1305 records (``docs/recording-format.md``).  The service
layer and the GUI use only the names re-exported here::

    Recorder(path, key, *, recording_id, kind="interview", device=None, samplerate=None,
             channels=None, planned_seconds=None, on_event=None, min_free_bytes=...)
        .start() .pause() .resume() .stop() -> TakeSummary
        .state .position_seconds .overflows .latest_level() -> Level | None .levels (Queue, maxsize 1)
    list_input_devices() -> list[DeviceInfo];  resolve_input_device(spec) -> DeviceInfo
    read_info(path, key) -> TakeInfo;  find_interrupted(directory) -> list[Path]
    recover(path, key) -> RecoveryReport;  is_live(path): a recorder is still writing it
    export(takes, out) -> ExportInfo;  iter_samples(path, key, start_seconds=0.0);  play(...)
    mic_check(seconds=3.0, device=None, playback=True, on_level=None) -> MicCheckResult
    portable_chunks(path, key) / portable_to_file(chunks, out)   (for the sync layer)

Take files end in ``.fwa`` (``TAKE_SUFFIX``).

Each name is imported from its module when it is first used, so a command that only needs ``is_live`` or
``TAKE_SUFFIX`` (most of the command line) does not load NumPy, PortAudio and the recorder.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fieldwork_app.audio.container import is_live
    from fieldwork_app.audio.devices import (
        DeviceInfo,
        list_input_devices,
        refresh_devices,
        resolve_input_device,
    )
    from fieldwork_app.audio.info import (
        TAKE_SUFFIX,
        Pause,
        RecoveryReport,
        TakeInfo,
        find_interrupted,
        read_info,
        recover,
    )
    from fieldwork_app.audio.levels import Level
    from fieldwork_app.audio.miccheck import MicCheckResult, mic_check
    from fieldwork_app.audio.playback import ExportInfo, export, iter_samples, play
    from fieldwork_app.audio.portable import portable_chunks, portable_to_file
    from fieldwork_app.audio.recorder import (
        BLOCK_SECONDS,
        Recorder,
        RecorderEvent,
        RecorderEventKind,
        RecorderState,
        TakeSummary,
    )

_MODULE_OF = {
    "is_live": "container",
    **dict.fromkeys(("DeviceInfo", "list_input_devices", "refresh_devices", "resolve_input_device"), "devices"),
    **dict.fromkeys(
        ("TAKE_SUFFIX", "Pause", "RecoveryReport", "TakeInfo", "find_interrupted", "read_info", "recover"), "info"
    ),
    "Level": "levels",
    **dict.fromkeys(("MicCheckResult", "mic_check"), "miccheck"),
    **dict.fromkeys(("ExportInfo", "export", "iter_samples", "play"), "playback"),
    **dict.fromkeys(("portable_chunks", "portable_to_file"), "portable"),
    **dict.fromkeys(
        ("BLOCK_SECONDS", "Recorder", "RecorderEvent", "RecorderEventKind", "RecorderState", "TakeSummary"),
        "recorder",
    ),
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # looked up once
    return value


__all__ = [
    "BLOCK_SECONDS",
    "TAKE_SUFFIX",
    "DeviceInfo",
    "ExportInfo",
    "Level",
    "MicCheckResult",
    "Pause",
    "Recorder",
    "RecorderEvent",
    "RecorderEventKind",
    "RecorderState",
    "RecoveryReport",
    "TakeInfo",
    "TakeSummary",
    "export",
    "find_interrupted",
    "is_live",
    "iter_samples",
    "list_input_devices",
    "mic_check",
    "play",
    "portable_chunks",
    "portable_to_file",
    "read_info",
    "recover",
    "refresh_devices",
    "resolve_input_device",
]
