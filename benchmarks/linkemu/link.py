"""An emulated network link for benchmarks: servers in a network namespace, joined to this host by two TUN
devices and ``relay.c`` (delay, rate limit, drop-tail queue, outages on demand).  Needs root, ``ip`` and a C
compiler; shapes real TCP traffic (the kernel's own stacks on both ends), unlike a proxy.

    with EmulatedLink(Profile.parse("40ms:50mbit")) as link:
        ... start servers with link.where (tests.support.servers.Where) and reach them at link.server_ip
        link.outage(2.0)   # every packet dropped for 2 s, both ways
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent

_PROFILES = {
    "broadband": "40ms:50mbit",
    "campus": "20ms:200mbit",
    "uplink": "60ms:10mbit/50mbit",
}


@dataclass(frozen=True)
class Profile:
    """Round-trip time, rate up (client to server) and down, in bits per second."""

    rtt_s: float
    up_bps: float
    down_bps: float
    text: str

    @staticmethod
    def parse(text: str) -> Profile:
        """``RTT:RATE`` or ``RTT:UP/DOWN`` (``40ms:50mbit``, ``60ms:10mbit/50mbit``) or a profile name."""
        spec = _PROFILES.get(text, text)
        m = re.fullmatch(r"(\d+(?:\.\d+)?)ms:(\d+(?:\.\d+)?)([kmg]?)bit(?:/(\d+(?:\.\d+)?)([kmg]?)bit)?", spec)
        if not m:
            raise ValueError(f"link {text!r}: give RTT:RATE such as 40ms:50mbit, or RTT:UP/DOWN")
        scale = {"": 1.0, "k": 1e3, "m": 1e6, "g": 1e9}
        up = float(m.group(2)) * scale[m.group(3)]
        down = float(m.group(4)) * scale[m.group(5)] if m.group(4) else up
        return Profile(float(m.group(1)) / 1000, up, down, spec)

    def bdp_bytes(self, bps: float) -> int:
        return int(bps * self.rtt_s / 8)


def build_relay(out_dir: Path) -> Path:
    """Compile relay.c (once per output folder)."""
    exe = out_dir / "fw-link-relay"
    if not exe.exists():
        cc = shutil.which("cc") or shutil.which("gcc")
        if cc is None:
            raise RuntimeError("a C compiler (cc) is needed for the emulated link: scripts/setup.sh bench")
        subprocess.run([cc, "-O2", "-o", str(exe), str(HERE / "relay.c")], check=True)
    return exe


def _ip(*args: str) -> None:
    res = subprocess.run(["ip", *args], capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f"ip {' '.join(args)}: {res.stderr.strip()}")


class EmulatedLink:
    """A namespace reached over an emulated link; ``queue_bdp`` sizes each queue in bandwidth-delay products."""

    def __init__(self, profile: Profile, queue_bdp: float = 2.0) -> None:
        self.profile = profile
        tag = os.getpid() % 100000
        self.netns = f"fwlink{tag}"
        self.host_dev, self.ns_dev = f"fwh{tag}", f"fwn{tag}"
        subnet = 4 * (tag % 60)  # a private /30 that exists only inside the pair
        self.client_ip, self.server_ip = f"10.231.{tag % 250}.{subnet + 1}", f"10.231.{tag % 250}.{subnet + 2}"
        self._sizes(queue_bdp)
        self._tmp = tempfile.TemporaryDirectory(prefix="fw-link-")
        self._relay: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()

    def _sizes(self, queue_bdp: float) -> None:
        self.queue_up = max(64 * 1024, int(queue_bdp * self.profile.bdp_bytes(self.profile.up_bps)))
        self.queue_down = max(64 * 1024, int(queue_bdp * self.profile.bdp_bytes(self.profile.down_bps)))

    @property
    def wrap(self) -> tuple[str, ...]:
        return ("ip", "netns", "exec", self.netns)

    def __enter__(self) -> EmulatedLink:
        _ip("netns", "add", self.netns)
        try:
            _ip("-n", self.netns, "link", "set", "lo", "up")
            self._start_relay()
        except BaseException:
            self.close()
            raise
        return self

    def _start_relay(self) -> None:
        exe = build_relay(Path(self._tmp.name))
        half = int(self.profile.rtt_s / 2 * 1e6)
        with open(Path(self._tmp.name) / "relay.log", "a") as log:
            self._relay = subprocess.Popen(
                [str(exe), self.host_dev, self.ns_dev, str(half), str(int(self.profile.up_bps)), str(half),
                 str(int(self.profile.down_bps)), str(self.queue_up), str(self.queue_down)],
                stdout=subprocess.PIPE, stderr=log, text=True,
            )  # fmt: skip
        assert self._relay.stdout is not None
        if self._relay.stdout.readline().strip() != "ready":
            raise RuntimeError("the link relay did not start: " + self.relay_log())
        _ip("link", "set", self.ns_dev, "netns", self.netns)
        _ip("addr", "add", f"{self.client_ip}/30", "dev", self.host_dev)
        _ip("link", "set", self.host_dev, "mtu", "1500", "up")
        _ip("-n", self.netns, "addr", "add", f"{self.server_ip}/30", "dev", self.ns_dev)
        _ip("-n", self.netns, "link", "set", self.ns_dev, "mtu", "1500", "up")

    def _stop_relay(self) -> None:
        if self._relay is not None and self._relay.poll() is None:
            self._relay.terminate()
            try:
                self._relay.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._relay.kill()
                self._relay.wait()
        self._relay = None

    def reshape(self, profile: Profile, queue_bdp: float = 2.0) -> None:
        """Another delay and rate on the same namespace (its servers keep running; open connections break)."""
        self._stop_relay()
        self.profile = profile
        self._sizes(queue_bdp)
        self._start_relay()

    def relay_log(self) -> str:
        path = Path(self._tmp.name) / "relay.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def forget_paths(self) -> None:
        """Forget what the kernels cached of the path between the two ends (TCP metrics: slow-start threshold,
        round trip, window), so that each transfer starts as a first one does instead of inheriting what the one
        before it ended with."""
        for where, peer in (((), self.server_ip), (("-n", self.netns), self.client_ip)):
            subprocess.run(["ip", *where, "tcp_metrics", "delete", peer], capture_output=True, check=False)

    def outage(self, seconds: float, reset: bool = False) -> None:
        """Drop every packet both ways for ``seconds`` (blocking); with ``reset``, the client's TCP
        connections to the server are then reset (``ss -K``), as a NAT or Wi-Fi handover does."""
        assert self._relay is not None
        with self._lock:
            self._relay.send_signal(signal.SIGUSR1)
            time.sleep(seconds)
            if reset:
                subprocess.run(["ss", "-K", "dst", self.server_ip], capture_output=True, check=False)
            self._relay.send_signal(signal.SIGUSR2)

    def outage_later(self, after: float, seconds: float, reset: bool = False) -> threading.Thread:
        def run() -> None:
            time.sleep(after)
            self.outage(seconds, reset)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        return thread

    def close(self) -> None:
        self._stop_relay()
        subprocess.run(["ip", "netns", "del", self.netns], capture_output=True, check=False)
        self._tmp.cleanup()

    def __exit__(self, *exc: object) -> None:
        self.close()
