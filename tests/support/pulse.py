"""Pytest plugin: a virtual microphone on a private PulseAudio server, reached through real PortAudio.

The session fixture ``virtual_mic`` starts ``pulseaudio`` (unless one is already reachable at its runtime
dir) with a null sink ``virt`` and a 440 Hz sine source ``sine440``, makes the sine the default source and yields
a :class:`VirtualMic`.  The server's environment (XDG_RUNTIME_DIR, PULSE_SERVER) is set in
``os.environ`` for the whole process, before PortAudio is first initialised, because the root
conftest resets other variables per test.  Without ``pulseaudio`` the audio tests are skipped,
unless ``FIELDWORK_REQUIRE_AUDIO`` is set (as in CI), in which case they fail.  Under pytest-xdist each worker
process starts a server of its own in a runtime dir of its own.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

REQUIRE_ENV = "FIELDWORK_REQUIRE_AUDIO"
SINK = "virt"
SINE = "sine440"
MONITOR = "virt.monitor"
DEVICE = "pulse"


def _pactl(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["pactl", *args], capture_output=True, text=True, timeout=10, check=check)


def _server_up() -> bool:
    try:
        return _pactl("info", check=False).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


class VirtualMic:
    """Handle on the virtual devices: choose the source, play files into the sink, stop/start the server."""

    device = DEVICE

    def __init__(self, runtime_dir: Path, started: bool) -> None:
        self.runtime_dir = runtime_dir
        self.started = started
        self._players: list[subprocess.Popen[bytes]] = []

    def use_sine(self) -> None:
        _pactl("set-default-source", SINE)

    def use_monitor(self) -> None:
        _pactl("set-default-source", MONITOR)

    def play_into(self, wav_path: Path) -> subprocess.Popen[bytes]:
        """Play a file into the null sink in the background (its monitor is then the mic)."""
        proc = subprocess.Popen(["paplay", "-d", SINK, str(wav_path)])
        self._players.append(proc)
        return proc

    def kill_server(self) -> None:
        """Make the sound server vanish, as when a USB microphone is pulled out mid-take."""
        subprocess.run(["pulseaudio", "--kill"], capture_output=True, timeout=10, check=False)
        deadline = time.monotonic() + 5
        while _server_up() and time.monotonic() < deadline:
            time.sleep(0.05)

    def ensure_running(self) -> None:
        if not _server_up():
            _start_server()
            self.use_sine()
        _refresh_portaudio()

    def stop_players(self) -> None:
        for p in self._players:
            if p.poll() is None:
                p.terminate()
                p.wait(5)
        self._players.clear()


def _start_server() -> None:
    subprocess.run(
        [
            "pulseaudio",
            "-D",
            "-n",
            "--exit-idle-time=-1",
            "--load=module-native-protocol-unix",
            f"--load=module-null-sink sink_name={SINK}",
            f"--load=module-sine-source source_name={SINE} frequency=440 rate=48000",
        ],
        check=True,
        capture_output=True,
        timeout=20,
    )
    deadline = time.monotonic() + 10
    while not _server_up():
        if time.monotonic() > deadline:
            raise RuntimeError("PulseAudio did not come up")
        time.sleep(0.05)


def _refresh_portaudio() -> None:
    """If PortAudio was initialised before the server existed, make it re-read its device list."""
    if "sounddevice" in sys.modules:
        sd = sys.modules["sounddevice"]
        sd._terminate()
        sd._initialize()


@pytest.fixture(scope="session")
def virtual_mic() -> Iterator[VirtualMic]:
    if shutil.which("pulseaudio") is None or shutil.which("pactl") is None:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"{REQUIRE_ENV} is set but pulseaudio/pactl is not installed")
        pytest.skip("pulseaudio is not installed (set FIELDWORK_REQUIRE_AUDIO to make this an error)")
    # Each pytest-xdist worker is its own process with its own server: a runtime dir of its own, so that one
    # worker's test that kills its server, or switches its default source, leaves the other's alone.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    given = os.environ.get("FIELDWORK_PULSE_RUNTIME")
    if given:
        runtime = Path(given) / worker if worker else Path(given)
    else:
        runtime = Path(tempfile.mkdtemp(prefix=f"fw-pulse-{worker}-" if worker else "fw-pulse-"))
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    os.environ["PULSE_SERVER"] = f"unix:{runtime}/pulse/native"
    started = False
    if not _server_up():
        _start_server()
        started = True
    mic = VirtualMic(runtime, started)
    mic.use_sine()
    _refresh_portaudio()
    try:
        yield mic
    finally:
        mic.stop_players()
        if started:
            subprocess.run(["pulseaudio", "--kill"], capture_output=True, timeout=10, check=False)
            shutil.rmtree(runtime, ignore_errors=True)


# -- shared helpers for audio tests ---------------------------------------------------------------
def ncc_peak(got: np.ndarray, src: np.ndarray) -> tuple[float, int]:
    """Peak of the normalised cross-correlation (computed by FFT) and its lag in frames."""
    nfft = 1 << (len(got) + len(src) - 1).bit_length()
    spec = np.fft.rfft(got, nfft) * np.conj(np.fft.rfft(src, nfft))
    corr = np.fft.irfft(spec, nfft)[: len(got) - len(src) + 1]
    csum = np.concatenate([[0.0], np.cumsum(got**2)])
    window = csum[len(src) :] - csum[: len(got) - len(src) + 1]
    norm = np.sqrt(np.maximum(window, 1e-12) * np.dot(src, src))
    ratio = np.abs(corr) / norm
    lag = int(np.argmax(ratio))
    return float(ratio[lag]), lag


@pytest.fixture
def speech_wav(tmp_path: Path) -> Path:
    if shutil.which("espeak-ng") is None or shutil.which("sox") is None:
        pytest.skip("espeak-ng and sox are needed to make test speech")
    raw, out = tmp_path / "raw.wav", tmp_path / "speech.wav"
    text = "Thank you for talking with me today. You can pause or stop at any time, just tell me."
    subprocess.run(["espeak-ng", "-w", str(raw), text], check=True, capture_output=True)
    # half a second of silence each side: PulseAudio starts a monitor stream only once audio flows
    subprocess.run(
        ["sox", str(raw), "-r", "48000", "-c", "1", "-b", "16", str(out), "pad", "0.5", "0.5"], check=True
    )
    return out
