"""Pytest plugin: real study-store servers on 127.0.0.1 (SFTP, WebDAV, S3, a folder) and a cutting proxy.

Each server fixture is session-scoped and yields a :class:`StoreServer` carrying exactly what
``open_transport`` takes (url, options, secrets).  ``server.fresh()`` gives a store in a new, empty
sub-folder or prefix of the same server, so tests do not see each other's bundles.

A server whose binary is missing is skipped with a reason, unless FIELDWORK_REQUIRE_SERVERS is set
(CI sets it): then a missing server is a failure.  Every process is started in its own session and
stopped at the end (terminate, then kill), so no daemon outlives the test run.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import os
import queue
import random
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from fieldwork_app.sync.transports import open_transport
from fieldwork_app.sync.transports.base import Transport

_counter = itertools.count(1)
_procs: list[subprocess.Popen[bytes]] = []


@dataclass(frozen=True)
class Where:
    """Where a server runs: ``wrap`` prefixes its commands (``ip netns exec NAME`` for a network namespace
    behind an emulated link), it listens on ``listen`` and clients reach it at ``host``."""

    wrap: tuple[str, ...] = ()
    listen: str = "127.0.0.1"
    host: str = "127.0.0.1"


LOOPBACK = Where()


@dataclass
class StoreServer:
    kind: str
    url: str
    options: dict[str, Any] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def open(self) -> Transport:
        return open_transport(self.url, options=dict(self.options), secrets=dict(self.secrets))

    def fresh(self) -> StoreServer:
        """The same server, rooted in a new empty sub-folder (or key prefix)."""
        sub = f"t{next(_counter)}-{uuid.uuid4().hex[:6]}"
        if self.kind == "folder":
            root = Path(self.url[len("file://") :]) / sub
            root.mkdir(parents=True)
            return replace(self, url=f"file://{root}", options=dict(self.options))
        return replace(self, url=f"{self.url.rstrip('/')}/{sub}", options=dict(self.options))

    def with_endpoint(self, host: str, port: int) -> StoreServer:
        """The same store reached through another host:port (e.g. a :class:`CutProxy`)."""
        if self.kind == "s3":
            return replace(self, options={**self.options, "endpoint": f"http://{host}:{port}"})
        scheme, rest = self.url.split("://", 1)
        userinfo, _, hostpath = rest.rpartition("@")
        path = hostpath.split("/", 1)[1] if "/" in hostpath else ""
        prefix = f"{userinfo}@" if userinfo else ""
        return replace(self, url=f"{scheme}://{prefix}{host}:{port}/{path}", options=dict(self.options))


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A loopback port that refuses connections for the whole test (bound, never listening)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        yield s.getsockname()[1]


_PORT_LOCKS = Path(tempfile.gettempdir()) / "fieldwork-test-ports"
_held_ports: dict[int, int] = {}  # port -> the descriptor of its lock file, open for this process's life


def _port_range() -> range:
    """Ports below the kernel's ephemeral range, which neither a ``bind(0)`` nor an outgoing connection of any
    process is handed: a port picked here stays free until the server binds it."""
    try:
        low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        low = 32768
    low = max(low, 12000)
    return range(low - 10000, low)


def free_port() -> int:
    """A loopback port for a server this process starts.  Test processes run side by side (pytest-xdist
    workers, other checkouts on the machine), so each port is reserved with an exclusive lock on a file named
    after it, held until this process ends, and checked to be bindable."""
    _PORT_LOCKS.mkdir(mode=0o777, exist_ok=True)
    ports = _port_range()
    start = random.SystemRandom().randrange(len(ports))
    for i in range(len(ports)):
        port = ports[(start + i) % len(ports)]
        if port in _held_ports:
            continue
        try:
            fd = os.open(_PORT_LOCKS / str(port), os.O_RDWR | os.O_CREAT, 0o666)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            with socket.socket() as s:
                s.bind(("127.0.0.1", port))
        except OSError:
            os.close(fd)
            continue
        _held_ports[port] = fd
        return port
    raise RuntimeError(f"no free port in {ports}")


def _need(binary: str, what: str) -> str:
    found = shutil.which(binary) or (binary if os.path.exists(binary) else None)
    if found:
        return found
    message = f"{what}: {binary} is not installed"
    if os.environ.get("FIELDWORK_REQUIRE_SERVERS"):
        pytest.fail(message + " (FIELDWORK_REQUIRE_SERVERS is set)")
    pytest.skip(message)


@contextlib.contextmanager
def tiny_disk(path: Path, size: str = "256k") -> Iterator[Path]:
    """A small tmpfs mounted at ``path`` (a disk that fills up); needs root.  Skipped, or failed when
    FIELDWORK_REQUIRE_SERVERS is set, where mounting is not allowed."""
    path.mkdir(parents=True, exist_ok=True)
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(path)],
                         capture_output=True, text=True)  # fmt: skip
    if res.returncode != 0:
        message = f"cannot mount a small tmpfs for a full-disk test: {res.stderr.strip()}"
        if os.environ.get("FIELDWORK_REQUIRE_SERVERS"):
            pytest.fail(message + " (FIELDWORK_REQUIRE_SERVERS is set)")
        pytest.skip(message)
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


def _start(args: list[str], log: Path, env: dict[str, str] | None = None,
           where: Where = LOOPBACK) -> subprocess.Popen[bytes]:  # fmt: skip
    with open(log, "ab") as fh:
        proc = subprocess.Popen(
            [*where.wrap, *args], stdout=fh, stderr=subprocess.STDOUT, start_new_session=True, env=env
        )
    _procs.append(proc)
    return proc


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)
    if proc in _procs:
        _procs.remove(proc)


def _wait_port(port: int, proc: subprocess.Popen[bytes], log: Path, timeout: float,
               host: str = "127.0.0.1") -> None:  # fmt: skip
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server did not open port {port}:\n{log.read_text(errors='replace')[-2000:]}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    for proc in list(_procs):
        _stop(proc)


# -- folder ------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def folder_store(tmp_path_factory: pytest.TempPathFactory) -> StoreServer:
    root = tmp_path_factory.mktemp("folder-store")
    return StoreServer("folder", f"file://{root}")


# -- SFTP (OpenSSH) ----------------------------------------------------------------------------
@pytest.fixture(scope="session")
def sftp_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreServer]:
    with sftp_running(tmp_path_factory.mktemp("sshd")) as server:
        yield server


@contextlib.contextmanager
def sftp_running(
    d: Path, more_host_keys: tuple[str, ...] = (), where: Where = LOOPBACK
) -> Iterator[StoreServer]:
    """Start OpenSSH sshd (key auth only, internal-sftp) in ``d``; stop it on exit.  The server's host key
    is Ed25519 (``d/host_key``); ``more_host_keys`` adds keys of other types (``rsa``, ``ecdsa``), each in
    ``d/host_key_<type>``."""
    sshd = _need("/usr/sbin/sshd", "SFTP store")
    keygen = _need("ssh-keygen", "SFTP store")
    for name in ("host_key", "client_key", "other_key"):
        subprocess.run([keygen, "-q", "-t", "ed25519", "-N", "", "-f", str(d / name)], check=True)
    for kind in more_host_keys:
        subprocess.run([keygen, "-q", "-t", kind, "-N", "", "-f", str(d / f"host_key_{kind}")], check=True)
    more = "".join(f"HostKey {d / f'host_key_{kind}'}\n" for kind in more_host_keys)
    (d / "authorized_keys").write_text((d / "client_key.pub").read_text())
    os.chmod(d / "authorized_keys", 0o600)
    root = d / "store"
    root.mkdir()
    Path("/run/sshd").mkdir(parents=True, exist_ok=True)
    port = free_port()
    (d / "sshd_config").write_text(
        f"ListenAddress {where.listen}\nPort {port}\nHostKey {d / 'host_key'}\n{more}PidFile {d / 'sshd.pid'}\n"
        f"AuthorizedKeysFile {d / 'authorized_keys'}\nPermitRootLogin prohibit-password\n"
        "PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\n"
        "Subsystem sftp internal-sftp\nMaxStartups 100\nMaxSessions 50\nLogLevel ERROR\n"
    )
    log = d / "sshd.log"
    proc = _start([sshd, "-D", "-e", "-f", str(d / "sshd_config")], log, where=where)
    _wait_port(port, proc, log, 10, where.host)
    user = os.environ.get("USER") or __import__("pwd").getpwuid(os.getuid()).pw_name
    host_pub = (d / "host_key.pub").read_text().split()
    try:
        yield StoreServer(
            "sftp",
            f"sftp://{user}@{where.host}:{port}{root}",
            options={"key_file": str(d / "client_key"), "host_key": f"{host_pub[0]} {host_pub[1]}"},
            extra={"other_key": str(d / "other_key"), "proc": proc, "root": root},
        )
    finally:
        _stop(proc)


# -- WebDAV (wsgidav + cheroot) ----------------------------------------------------------------
def _serving_webdav(
    proc: subprocess.Popen[bytes], port: int, password: str, root: Path, host: str = "127.0.0.1"
) -> Iterator[StoreServer]:
    """The store a started WebDAV server offers (user ``fieldwork``, folder ``/store``); stops it after."""
    try:
        yield StoreServer(
            "webdav",
            f"webdav://{host}:{port}/store",
            options={"username": "fieldwork"},
            secrets={"password": password},
            extra={"proc": proc, "root": root},
        )
    finally:
        _stop(proc)


@contextlib.contextmanager
def rclone_webdav_running(d: Path, where: Where = LOOPBACK) -> Iterator[StoreServer]:
    """Start rclone's WebDAV server (basic auth, ETags = MD5 of the content) serving ``d/data``."""
    exe = _need("rclone", "WebDAV store (rclone)")
    (d / "data").mkdir()
    port = free_port()
    password = uuid.uuid4().hex
    log = d / "rclone.log"
    proc = _start(
        [
            exe,
            "serve",
            "webdav",
            str(d / "data"),
            "--addr",
            f"{where.listen}:{port}",
            "--user",
            "fieldwork",
            "--pass",
            password,
            "--etag-hash",
            "MD5",
            "--config",
            str(d / "rclone.conf"),
        ],
        log,
        where=where,
    )
    _wait_port(port, proc, log, 15, where.host)
    yield from _serving_webdav(proc, port, password, d / "data", where.host)


@pytest.fixture(scope="session")
def rclone_webdav_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreServer]:
    with rclone_webdav_running(tmp_path_factory.mktemp("rclone-dav")) as server:
        yield server


@pytest.fixture(scope="session")
def webdav_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreServer]:
    with webdav_running(tmp_path_factory.mktemp("webdav")) as server:
        yield server


@contextlib.contextmanager
def webdav_running(d: Path, where: Where = LOOPBACK) -> Iterator[StoreServer]:
    """Start wsgidav on cheroot (basic auth) serving ``d/data``; stop it on exit."""
    exe = _need(str(Path(sys.executable).parent / "wsgidav"), "WebDAV store")
    (d / "data").mkdir()
    port = free_port()
    password = uuid.uuid4().hex
    (d / "wsgidav.yaml").write_text(
        f"host: {where.listen}\nport: {port}\nserver: cheroot\nverbose: 0\n"
        f'provider_mapping: {{"/": "{d / "data"}"}}\n'
        "http_authenticator: {domain_controller: null, accept_basic: true, accept_digest: false, "
        "default_to_digest: false}\n"
        f'simple_dc: {{user_mapping: {{"*": {{fieldwork: {{password: "{password}"}}}}}}}}\n'
    )
    log = d / "wsgidav.log"
    proc = _start([exe, "--config", str(d / "wsgidav.yaml")], log, where=where)
    _wait_port(port, proc, log, 15, where.host)
    yield from _serving_webdav(proc, port, password, d / "data", where.host)


# -- S3 (Ceph radosgw on one memstore OSD) -----------------------------------------------------
_CEPH_CONF = """[global]
fsid = {fsid}
mon_host = v2:127.0.0.1:{mon_port}
mon_initial_members = a
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
ms_mon_client_mode = crc
ms_client_mode = crc
ms_cluster_mode = crc
ms_service_mode = crc
ms_mon_cluster_mode = crc
ms_mon_service_mode = crc
osd_pool_default_size = 1
osd_pool_default_min_size = 1
mon_allow_pool_size_one = true
mon_warn_on_pool_no_redundancy = false
osd_pool_default_pg_autoscale_mode = off
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
mon_max_pg_per_osd = 1000
osd_objectstore = memstore
memstore_device_bytes = {memstore}
run_dir = {d}/run
admin_socket = {d}/run/$name.asok
log_file = {d}/log/$name.log
mon_data = {d}/mon/$name
osd_data = {d}/osd/$name
keyring = {d}/keyring
public_network = 127.0.0.1/32
[client.rgw]
rgw_frontends = beast endpoint={listen}:{rgw_port}
rgw_data = {d}/rgw
"""


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreServer]:
    with s3_running(tmp_path_factory.mktemp("ceph")) as server:
        yield server


@contextlib.contextmanager
def s3_running(d: Path, memstore_bytes: int = 1 << 30, where: Where = LOOPBACK) -> Iterator[StoreServer]:
    """Start a one-OSD Ceph cluster (RAM-backed memstore of ``memstore_bytes``) and radosgw in ``d``."""
    tools = {b: _need(b, "S3 store (Ceph radosgw)") for b in
             ("ceph-mon", "ceph-osd", "radosgw", "radosgw-admin", "ceph", "monmaptool", "ceph-authtool")}  # fmt: skip
    for sub in ("run", "log", "mon", "osd/osd.0", "rgw"):
        (d / sub).mkdir(parents=True)
    fsid, mon_port, rgw_port = str(uuid.uuid4()), free_port(), free_port()
    while rgw_port == mon_port:  # two picks of a free port can coincide
        rgw_port = free_port()
    conf = d / "ceph.conf"
    conf.write_text(
        _CEPH_CONF.format(
            fsid=fsid, mon_port=mon_port, rgw_port=rgw_port, d=d, memstore=memstore_bytes, listen=where.listen
        )
    )
    c = ["-c", str(conf)]

    def run(*args: str) -> str:
        res = subprocess.run([*where.wrap, *args], capture_output=True, timeout=60)
        if res.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {res.stderr.decode(errors='replace')[-1500:]}")
        return res.stdout.decode()

    run(tools["ceph-authtool"], "--create-keyring", str(d / "keyring"), "--gen-key", "-n", "mon.",
        "--cap", "mon", "allow *")  # fmt: skip
    run(tools["monmaptool"], "--create", "--addv", "a", f"[v2:127.0.0.1:{mon_port}]", "--fsid", fsid,
        str(d / "monmap"))  # fmt: skip
    run(
        tools["ceph-mon"],
        *c,
        "--mkfs",
        "-i",
        "a",
        "--monmap",
        str(d / "monmap"),
        "--keyring",
        str(d / "keyring"),
    )
    started: list[subprocess.Popen[bytes]] = []
    try:
        started.append(_start([tools["ceph-mon"], *c, "-i", "a", "-f"], d / "log" / "mon.out", where=where))
        if not where.wrap:
            _wait_port(mon_port, started[-1], d / "log" / "mon.out", 20)
        osd_id = run(tools["ceph"], *c, "--connect-timeout", "20", "osd", "create").strip()
        run(tools["ceph-osd"], *c, "-i", osd_id, "--mkfs")
        started.append(
            _start([tools["ceph-osd"], *c, "-i", osd_id, "-f"], d / "log" / "osd.out", where=where)
        )
        started.append(_start([tools["radosgw"], *c, "-n", "client.rgw", "-f"], d / "log" / "rgw.out",
                              where=where))  # fmt: skip
        _wait_port(rgw_port, started[-1], d / "log" / "rgw.out", 90, where.host)
        access, secret = "FW" + uuid.uuid4().hex[:16].upper(), uuid.uuid4().hex
        run(tools["radosgw-admin"], *c, "user", "create", "--uid=fieldwork", "--display-name=fieldwork",
            f"--access-key={access}", f"--secret-key={secret}")  # fmt: skip
        small_access, small_secret = "FS" + uuid.uuid4().hex[:16].upper(), uuid.uuid4().hex
        run(tools["radosgw-admin"], *c, "user", "create", "--uid=small", "--display-name=small",
            f"--access-key={small_access}", f"--secret-key={small_secret}")  # fmt: skip
        run(
            tools["radosgw-admin"],
            *c,
            "quota",
            "set",
            "--quota-scope=user",
            "--uid=small",
            "--max-size=300000",
        )
        run(tools["radosgw-admin"], *c, "quota", "enable", "--quota-scope=user", "--uid=small")
        endpoint = f"http://{where.host}:{rgw_port}"
        import boto3
        from botocore.config import Config

        for ak, sk, bucket in (
            (access, secret, "fieldwork-store"),
            (small_access, small_secret, "small-store"),
        ):
            client = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id=ak, aws_secret_access_key=sk,
                                  region_name="us-east-1", config=Config(s3={"addressing_style": "path"}))  # fmt: skip
            deadline = time.monotonic() + 60
            while True:  # the first request can fail while the OSD finishes booting
                try:
                    client.create_bucket(Bucket=bucket)
                    break
                except Exception:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.5)
            # A new cluster makes a pool the first time it stores an object and another the first time a
            # multipart upload begins (about 2 s each, here): done now, as a store in use has them, so that
            # neither lands in whichever test or timed upload happens to be the first.
            client.put_object(Bucket=bucket, Key="warm-up", Body=b"")
            begun = client.create_multipart_upload(Bucket=bucket, Key="warm-up")
            client.abort_multipart_upload(Bucket=bucket, Key="warm-up", UploadId=begun["UploadId"])
            client.delete_object(Bucket=bucket, Key="warm-up")
            client.close()
        small = StoreServer("s3", "s3://small-store/q", options={"endpoint": endpoint, "access_key": small_access},
                            secrets={"secret_key": small_secret})  # fmt: skip
        yield StoreServer(
            "s3",
            "s3://fieldwork-store/study",
            options={"endpoint": endpoint, "access_key": access},
            secrets={"secret_key": secret},
            extra={"quota_store": small, "procs": started},
        )
    finally:
        for proc in reversed(started):
            _stop(proc)


# -- a TCP proxy that cuts connections ---------------------------------------------------------
class CutProxy:
    """Forwards 127.0.0.1:port to a target; :meth:`cut_at` drops the connection at a byte count.

    The count is of client-to-server bytes over the proxy's whole life, so "cut at byte N of the
    upload" is meaningful even across reconnects.  A cut fires once and then disarms.
    """

    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self.sent = 0
        self.cuts = 0
        self._cut_at: int | None = None
        self._refuse: list[bytes] = []  # HTTP replies for the next connections instead of forwarding them
        self.refused = 0
        self._lock = threading.Lock()
        self._conns: list[socket.socket] = []
        self._closed = False
        self._flowing = threading.Event()  # cleared during an outage: nothing is forwarded, nobody connects
        self._flowing.set()
        self.outages = 0
        self.delay = 0.0  # seconds each server-to-client piece is held: a longer round trip
        self.rate = 0.0  # client-to-server bytes per second when set: a slower uplink
        threading.Thread(target=self._accept, daemon=True).start()

    def cut_at(self, total_bytes: int | None) -> None:
        with self._lock:
            self._cut_at = total_bytes

    def outage(self, seconds: float, reset: bool = False) -> None:
        """Forward nothing either way for ``seconds`` (connections stay open, new ones wait: packets lost on
        the way, as far as both ends can tell); with ``reset``, every open connection is then reset (RST), as
        a NAT box or a Wi-Fi handover does after an outage."""
        self._flowing.clear()
        self.outages += 1
        try:
            time.sleep(seconds)
            if reset:
                with self._lock:
                    conns, self._conns = self._conns, []
                for conn in conns:  # linger 0: close() sends RST; SHUT_RD wakes the pump without a FIN
                    with contextlib.suppress(OSError):
                        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                        conn.shutdown(socket.SHUT_RD)
                    conn.close()
        finally:
            self._flowing.set()

    def outage_when(self, sent: int, seconds: float, reset: bool = False) -> threading.Thread:
        """Start :meth:`outage` (on a thread) once ``sent`` client-to-server bytes have passed."""

        def run() -> None:
            while self.sent < sent and not self._closed:
                time.sleep(0.005)
            self.outage(seconds, reset)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        return thread

    def answer_next(self, count: int, status: str = "503 Service Unavailable", body: bytes = b"") -> None:
        """Answer the next ``count`` connections' first HTTP request with ``status`` (and ``body``) and close
        them (a server having a bad moment), instead of forwarding them."""
        reply = (
            f"HTTP/1.1 {status}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n"
            + ("Content-Type: application/xml\r\n" if body else "")
            + "\r\n"
        ).encode() + body
        with self._lock:
            self._refuse = [reply] * count

    def _answer(self, client: socket.socket, reply: bytes) -> None:
        head = b""
        try:
            while b"\r\n\r\n" not in head and (data := client.recv(65536)):
                head += data
            client.sendall(reply)
        except OSError:
            pass
        self._kill(client)

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                reply = self._refuse.pop() if self._refuse else None
                self.refused += reply is not None
            if reply is not None:
                threading.Thread(target=self._answer, args=(client, reply), daemon=True).start()
                continue
            threading.Thread(target=self._connect, args=(client,), daemon=True).start()

    def _connect(self, client: socket.socket) -> None:
        self._flowing.wait()
        try:
            upstream = socket.create_connection(self.target, timeout=10)
        except OSError:
            client.close()
            return
        upstream.settimeout(None)
        with self._lock:
            self._conns += [client, upstream]
        threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
        threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _kill(self, *socks: socket.socket) -> None:
        for s in socks:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def _pump(self, src: socket.socket, dst: socket.socket, counted: bool) -> None:
        late: queue.Queue[tuple[float, bytes]] = queue.Queue()  # answers held for ``delay``, in order

        def deliver() -> None:
            while (item := late.get())[1]:
                time.sleep(max(0.0, item[0] - time.monotonic()))
                with contextlib.suppress(OSError):
                    dst.sendall(item[1])

        if not counted and self.delay:
            threading.Thread(target=deliver, daemon=True).start()
        try:
            while data := src.recv(65536):
                self._flowing.wait()
                if counted:
                    with self._lock:
                        cut = self._cut_at is not None and self.sent + len(data) >= self._cut_at
                        if cut:
                            data = data[: max(0, (self._cut_at or 0) - self.sent)]
                            self._cut_at = None
                            self.cuts += 1
                        self.sent += len(data)
                    if cut:
                        if data:
                            dst.sendall(data)
                        self._kill(src, dst)
                        return
                    if self.rate:
                        time.sleep(len(data) / self.rate)
                elif self.delay:
                    late.put((time.monotonic() + self.delay, data))
                    continue
                dst.sendall(data)
        except OSError:
            pass
        if not counted and self.delay:
            late.put((time.monotonic() + self.delay, b""))
            time.sleep(self.delay)
        self._kill(src, dst)

    def close(self) -> None:
        self._closed = True
        self._listener.close()
        with self._lock:
            conns, self._conns = self._conns, []
        self._kill(*conns)


@pytest.fixture
def cut_proxy() -> Iterator[type[CutProxy]]:
    """A factory: ``cut_proxy(target_port)`` -> :class:`CutProxy`; all are closed after the test."""
    made: list[CutProxy] = []

    class _Factory(CutProxy):
        def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
            super().__init__(target_port, target_host)
            made.append(self)

    yield _Factory
    for proxy in made:
        proxy.close()


# -- keys and bundles for sync tests -----------------------------------------------------------
@dataclass
class SyncKit:
    """A study key pair, a device key and an outbox: what a laptop and a data manager each hold."""

    key_dir: Path
    outbox: Path
    identity: Any
    recipient: Any
    device: Any
    cursors: dict[tuple[str, str], Any] = field(default_factory=dict)  # each device numbers its bundles

    @property
    def trusted(self) -> Any:
        """The data manager's trusted list holding this kit's device (as 'laptop 1')."""
        from fieldwork_app.sync.trust import TrustedDevices

        return TrustedDevices.of((self.device.fingerprint(), "laptop 1"))

    def spec(self, bundle_id: str, files: dict[str, bytes], *, kind: str = "session",
             participants: tuple[str, ...] = ("M-001",), media_type: str = "application/octet-stream",
             records: dict[str, Any] | None = None, device: Any = None) -> Any:  # fmt: skip
        from fieldwork_app.sync.bundle import BundleEntry, BundleSpec

        def producer(data: bytes) -> Any:
            return lambda: (data[i : i + 10_000] for i in range(0, len(data), 10_000))

        dev = device or self.device
        return BundleSpec(
            bundle_id=bundle_id, kind=kind, study_id="MOTM", pack_version="1.0",
            session_id="S-0001" if kind == "session" else None, participant_ids=list(participants),
            created_at=f"2025-03-0{next(_counter) % 9 + 1}T10:00:00+00:00", device_fingerprint=dev.fingerprint(),
            user="alice", records=records or {"consent": "affirmed"}, audit=[], audit_head="0" * 64, audit_seq=0,
            entries=[BundleEntry(p, "application/json" if p.endswith(".json") else media_type, producer(d),
                                 {"n": i}) for i, (p, d) in enumerate(files.items())],
        )  # fmt: skip

    def stage(self, spec: Any, chunk_size: int = 64 * 1024, device: Any = None) -> Any:
        from fieldwork_app.sync.bundle import ChainCursor, sequence_of, stage_bundle

        dev = device or self.device
        lane = sequence_of(spec.kind)
        cursor = self.cursors.setdefault((dev.fingerprint(), lane), ChainCursor(lane))
        return stage_bundle(spec, self.recipient, dev, self.outbox, chunk_size=chunk_size, chain=cursor)

    def forge(self, root: Path, bundle_id: str, files: dict[str, bytes], *, device: Any = None,
              folder: str | None = None, sizes: dict[str, int] | None = None, **body: Any) -> Path:  # fmt: skip
        """Write a bundle straight into a folder store, signed by ``device``, with any body fields
        overridden (``body``): what anyone holding the public study key and some signing key can do."""
        import base64
        import hashlib

        from fieldwork_app.sync.manifest import build_manifest

        dev = device or self.device
        where = Path(root) / "bundles" / (folder or bundle_id)
        where.mkdir(parents=True, exist_ok=True)
        chunks, entries = [], []
        for path, data in files.items():
            ct = pyrage_encrypt(data, self.recipient)
            name = hashlib.sha256(ct).hexdigest()
            (where / f"{name}.age").write_bytes(ct)
            chunks.append((name, len(ct)))
            entries.append({"path": path, "media_type": "application/octet-stream", "meta": {},
                            "size": (sizes or {}).get(path, len(data)),
                            "sha256": hashlib.sha256(data).hexdigest(), "chunks": [name]})  # fmt: skip
        doc = {
            "format_version": 2, "bundle_id": bundle_id, "kind": "session", "study_id": "MOTM",
            "pack_version": "1.0", "session_id": "S-0001", "participant_ids": ["M-001"],
            "created_at": "2025-03-01T10:00:00+00:00",
            "device": {"public_key": base64.b64encode(dev.public_bytes()).decode(), "fingerprint": dev.fingerprint()},
            "user": "mallory", "chunk_size": 4 * 1024 * 1024, "entries": entries, "records": {}, "audit": [],
            "audit_head": "", "audit_seq": 0, "sequence": "research", "device_seq": 1, "prev_manifest_sha256": "",
        }  # fmt: skip
        doc.update(body)
        (where / "manifest.json").write_bytes(build_manifest(bundle_id, chunks, doc, self.recipient, dev))
        return where


def pyrage_encrypt(data: bytes, recipient: Any) -> bytes:
    import pyrage

    return bytes(pyrage.encrypt(data, [recipient]))


@pytest.fixture
def sync_kit(tmp_path: Path) -> SyncKit:
    from fieldwork_app.sync.keys import DeviceKey, generate_study_keypair, load_identity, load_recipient

    pub, key = generate_study_keypair(tmp_path / "study-keys")
    return SyncKit(tmp_path / "study-keys", tmp_path / "outbox", load_identity(key), load_recipient(pub),
                   DeviceKey.generate())  # fmt: skip
