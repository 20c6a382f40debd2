"""Sync upload time over an emulated network link: the engine against a raw transfer and the tools a user would
pick instead, on the same bytes and the same link.

Run on demand, as root (network namespaces and TUN devices)::

    .venv/bin/python benchmarks/bench_link.py --link 40ms:50mbit --mb 100
    .venv/bin/python benchmarks/bench_link.py --link broadband,campus,uplink --mb 100 --json
    .venv/bin/python benchmarks/bench_link.py --link 40ms:50mbit --mb 16 --only SFTP,S3   # a quick run

The servers (OpenSSH sshd, wsgidav, rclone's WebDAV server whose ETags are content MD5s, Ceph radosgw) run in a
network namespace joined to this host by two TUN devices and a small userspace relay (``linkemu/relay.c``:
one-way delay, rate limit, a drop-tail queue of two bandwidth-delay products, outages on demand); the kernel's
own TCP stacks talk across it, so slow start, loss and the queue are real.  ``--link RTT:RATE`` sets the round
trip and the rate each way, ``RTT:UP/DOWN`` the rates apart; the names ``broadband`` (40ms:50mbit),
``campus`` (20ms:200mbit) and ``uplink`` (60ms:10mbit/50mbit) are the profiles of docs/performance.md.

For each server it times, ``--repeat`` times (medians are reported), each contender going first in turn (the
first upload after the store was emptied may pay for the server's clean-up):

* the engine: ``upload_bundle`` of a staged bundle of ``--mb`` MiB (temporary names, verification, manifest),
  in chunks of the size the engine's sync would pick for the link as an untimed upload of ``--probe-mb`` MiB
  measured it (``--chunk-mb`` fixes the size instead);
* the raw transfer of a file of the bundle's exact size (paramiko ``putfo``; one streamed PUT; one
  ``put_object``);
* the tools: ``scp`` (SFTP), ``rclone copyto`` (WebDAV and S3), boto3 ``upload_file`` (S3, multipart with its
  default 8 MiB parts and 10 threads).  ``best_tool`` is the fastest of them.

``resent_bytes`` comes from one more engine upload during which the link drops everything for 2 s and the
client's connections are then reset: the bytes attempted beyond the bundle's size (at most one chunk is the
target), and the upload must end with a receipt.  ``--no-cut`` skips it.

``--json`` prints one object per server and profile: server, profile, engine_s, raw_s, best_tool, best_tool_s,
ratio_best (best tool time over engine time), resent_bytes and more.  Staging (encryption) is not timed.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_sync import make_bundle  # noqa: E402
from benchmarks.linkemu.link import EmulatedLink, Profile  # noqa: E402
from fieldwork_app.sync.engine import RetryPolicy, UploadStats, upload_bundle  # noqa: E402
from fieldwork_app.sync.linkfit import choose_chunk_size  # noqa: E402
from fieldwork_app.sync.transports.base import Transport  # noqa: E402
from tests.support.servers import (  # noqa: E402
    StoreServer,
    Where,
    rclone_webdav_running,
    s3_running,
    sftp_running,
    webdav_running,
)

MiB = 1024 * 1024
TARGETS = {  # profile -> server -> least ratio_best (docs/performance.md)
    "40ms:50mbit": {"SFTP": 0.95, "WebDAV-md5": 0.95, "S3": 0.95, "WebDAV": 0.8},
    "20ms:200mbit": {"SFTP": 0.9, "WebDAV-md5": 0.9, "S3": 0.9, "WebDAV": 0.75},
}


def open_store(server: StoreServer) -> Transport:
    """A transport for a store in the namespace.  WebDAV and S3 are built directly: ``open_transport`` allows
    plain http only to this machine, and the link's far end is another address (the data is encrypted
    either way; only the benchmark's throw-away password crosses it)."""
    if server.kind == "webdav":
        from fieldwork_app.sync.transports.webdav import WebdavTransport

        return WebdavTransport(server.url.replace("webdav://", "http://"), dict(server.options),
                               dict(server.secrets))  # fmt: skip
    if server.kind == "s3":
        from fieldwork_app.sync.transports.s3 import S3Transport

        bucket, _, prefix = server.url[len("s3://") :].partition("/")
        return S3Transport(bucket, prefix, dict(server.options), dict(server.secrets))
    return server.open()


def _timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _run(args: list[str], env: dict[str, str] | None = None) -> None:
    res = subprocess.run(args, capture_output=True, text=True, env=env)
    if res.returncode != 0:
        raise RuntimeError(f"{args[0]} failed: {res.stderr.strip()[-800:]}")


# -- raw transfers and tools ---------------------------------------------------------------------
def prepare(server: StoreServer) -> None:
    """Untimed: make the store's folder, as a store in use has it, whichever contender goes first (scp and a raw
    SFTP put do not make folders)."""
    if server.kind != "sftp":
        return
    t = server.open()
    sftp = t._connect()  # type: ignore[attr-defined]
    root = str(t.root)  # type: ignore[attr-defined]
    path = "/" if root.startswith("/") else ""
    for part in root.strip("/").split("/"):
        path = f"{path}{part}" if path in ("", "/") else f"{path}/{part}"
        try:
            sftp.stat(path)
        except FileNotFoundError:
            sftp.mkdir(path)
    t.close()


def sftp_raw(server: StoreServer, src: Path) -> float:
    t = server.open()
    sftp = t._connect()  # type: ignore[attr-defined]
    elapsed = _timed(lambda: sftp.put(str(src), f"{t.root}/raw.bin", confirm=True))  # type: ignore[attr-defined]
    t.close()
    return elapsed


def sftp_scp(server: StoreServer, src: Path) -> float:
    user_host, _, rest = server.url[len("sftp://") :].partition(":")
    port, _, root = rest.partition("/")
    return _timed(lambda: _run([
        "scp", "-q", "-B", "-i", server.options["key_file"], "-P", port, "-o", "StrictHostKeyChecking=no",
        "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", str(src), f"{user_host}:/{root}/scp.bin",
    ]))  # fmt: skip


def webdav_raw(server: StoreServer, src: Path) -> float:
    import httpx

    base = server.url.replace("webdav://", "http://")
    with httpx.Client(auth=(server.options["username"], server.secrets["password"]), timeout=300) as client:
        client.request("MKCOL", base + "/")
        size = src.stat().st_size

        def body() -> Iterator[bytes]:
            with open(src, "rb") as fh:
                while block := fh.read(256 * 1024):
                    yield block

        def put() -> None:
            client.put(base + "/raw.bin", content=body(), headers={"Content-Length": str(size)}).raise_for_status()

        return _timed(put)


def _rclone_env(tmp: Path) -> dict[str, str]:
    conf = tmp / "rclone.conf"
    conf.touch()
    # the store is plain http inside the namespace; a CA bundle named in the environment only makes rclone's
    # S3 client refuse to start
    env = {k: v for k, v in os.environ.items() if k != "AWS_CA_BUNDLE"}
    return {**env, "RCLONE_CONFIG": str(conf)}


def webdav_rclone(server: StoreServer, src: Path, tmp: Path) -> float:
    env = _rclone_env(tmp)
    obscured = subprocess.run(["rclone", "obscure", server.secrets["password"]], capture_output=True, text=True,
                              env=env, check=True).stdout.strip()  # fmt: skip
    base = server.url.replace("webdav://", "http://")
    return _timed(lambda: _run([
        "rclone", "copyto", str(src), ":webdav:rclone.bin", f"--webdav-url={base}",
        f"--webdav-user={server.options['username']}", f"--webdav-pass={obscured}",
    ], env))  # fmt: skip


def _boto3(server: StoreServer) -> Any:
    import boto3
    from botocore.config import Config

    config = Config(s3={"addressing_style": "path"}, request_checksum_calculation="when_required")
    return boto3.client("s3", endpoint_url=server.options["endpoint"], aws_access_key_id=server.options["access_key"],
                        aws_secret_access_key=server.secrets["secret_key"], region_name="us-east-1",
                        config=config)  # fmt: skip


def s3_raw(server: StoreServer, src: Path) -> float:
    client = _boto3(server)
    bucket, _, prefix = server.url[len("s3://") :].partition("/")
    size = src.stat().st_size

    def put() -> None:
        with open(src, "rb") as fh:
            client.put_object(Bucket=bucket, Key=f"{prefix}/raw.bin", Body=fh, ContentLength=size)

    elapsed = _timed(put)
    client.close()
    return elapsed


def s3_upload_file(server: StoreServer, src: Path) -> float:
    client = _boto3(server)
    bucket, _, prefix = server.url[len("s3://") :].partition("/")
    elapsed = _timed(lambda: client.upload_file(str(src), bucket, f"{prefix}/upload-file.bin"))
    client.close()
    return elapsed


def s3_rclone(server: StoreServer, src: Path, tmp: Path) -> float:
    bucket, _, prefix = server.url[len("s3://") :].partition("/")
    return _timed(lambda: _run([
        "rclone", "copyto", str(src), f":s3:{bucket}/{prefix}/rclone.bin", "--s3-provider=Ceph",
        f"--s3-endpoint={server.options['endpoint']}", f"--s3-access-key-id={server.options['access_key']}",
        f"--s3-secret-access-key={server.secrets['secret_key']}", "--s3-force-path-style=true",
    ], _rclone_env(tmp)))  # fmt: skip


# -- the engine ----------------------------------------------------------------------------------
def engine(server: StoreServer, staged: Any) -> tuple[float, str]:
    t = open_store(server)
    t0 = time.perf_counter()
    receipt = upload_bundle(staged, t)
    elapsed = time.perf_counter() - t0
    t.close()
    return elapsed, receipt.verify_method


def timed_engine(server: StoreServer, staged: Any, methods: list[str]) -> float:
    """The engine's time; how it verified the bundle is added to ``methods``."""
    elapsed, method = engine(server, staged)
    methods.append(method)
    return elapsed


def engine_with_outage(server: StoreServer, staged: Any, link: EmulatedLink, engine_s: float) -> int:
    """Upload once more with a 2 s outage and a reset half-way; return the bytes re-sent."""
    t = open_store(server)
    stats = UploadStats()
    cut = link.outage_later(engine_s / 2, 2.0, reset=True)
    upload_bundle(staged, t, retry=RetryPolicy(attempts=8, base_delay=0.25), stats=stats)
    cut.join()
    t.close()
    return stats.bytes_attempted - int(staged.total_bytes)


def clear(server: StoreServer) -> None:
    """Untimed: empty the store so the next run starts alike (and radosgw's RAM-backed pool does not fill)."""
    t = open_store(server)
    for name in t.list(""):
        t.delete(name)
    t.close()
    if server.kind == "sftp":
        for p in Path(server.extra["root"]).glob("*.bin"):
            p.unlink()
    if server.kind == "webdav":
        for p in Path(server.extra["root"]).rglob("*.bin"):
            p.unlink()
    if server.kind == "s3":
        client = _boto3(server)
        bucket, _, prefix = server.url[len("s3://") :].partition("/")
        for key in ("raw.bin", "upload-file.bin", "rclone.bin"):
            client.delete_object(Bucket=bucket, Key=f"{prefix}/{key}")
        client.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--link", default="40ms:50mbit", help="profiles, comma-separated (RTT:RATE, RTT:UP/DOWN or a name)")
    ap.add_argument("--mb", type=int, default=100, help="bundle size in MiB (default 100)")
    ap.add_argument("--chunk-mb", type=int, default=0,
                    help="chunk size in MiB (default 0: fitted to the link, as the engine's sync does, from an "
                         "untimed upload of --probe-mb first)")
    ap.add_argument("--probe-mb", type=int, default=16, help="size of the untimed upload that measures the link")
    ap.add_argument("--repeat", type=int, default=1, help="runs per figure; medians are reported")
    ap.add_argument("--only", default="SFTP,WebDAV-md5,WebDAV,S3", help="servers to run, comma-separated")
    ap.add_argument("--no-cut", action="store_true", help="skip the upload with an outage")
    ap.add_argument("--json", action="store_true", help="one JSON object per server and profile")
    args = ap.parse_args()
    if os.geteuid() != 0:
        print("bench_link.py needs root (network namespace, TUN devices)", file=sys.stderr)
        return 2
    profiles = [Profile.parse(p) for p in args.link.split(",")]
    only = args.only.split(",")
    shm = Path("/dev/shm")
    need = args.mb * MiB * 16
    ram = shm.is_dir() and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > need
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="fw-link-bench-", dir=shm if ram else None) as tmp:
        work = Path(tmp)
        os.chmod(work, 0o755)
        bundles: dict[int, Any] = {}

        def bundle(chunk: int) -> Any:
            if chunk not in bundles:
                bundles[chunk] = make_bundle(work / f"chunk-{chunk // MiB}", args.mb, chunk)[0]
            return bundles[chunk]

        probe = make_bundle(work / "probe", args.probe_mb, 4 * MiB)[0] if not args.chunk_mb else None
        staged = bundle(args.chunk_mb * MiB if args.chunk_mb else 4 * MiB)
        total = int(staged.total_bytes)
        raw = work / "raw.bin"
        with open(raw, "wb") as fh:
            left = total
            while left > 0:
                fh.write(os.urandom(min(MiB, left)))
                left -= min(MiB, left)
        runs = max(1, args.repeat)
        memstore = (6 * runs * len(profiles) + 4) * total + (1 << 30)
        with EmulatedLink(profiles[0]) as link, contextlib.ExitStack() as stack:
            where = Where(wrap=link.wrap, listen="0.0.0.0", host=link.server_ip)
            starters: dict[str, Callable[[], contextlib.AbstractContextManager[StoreServer]]] = {
                "SFTP": lambda: sftp_running(work / "sshd", where=where),
                "WebDAV-md5": lambda: rclone_webdav_running(work / "rdav", where=where),
                "WebDAV": lambda: webdav_running(work / "dav", where=where),
                "S3": lambda: s3_running(work / "ceph", memstore_bytes=memstore, where=where),
            }
            servers: dict[str, StoreServer] = {}
            for name in only:
                (work / {"SFTP": "sshd", "WebDAV-md5": "rdav", "WebDAV": "dav", "S3": "ceph"}[name]).mkdir()
                servers[name] = stack.enter_context(starters[name]())
            for n, profile in enumerate(profiles):
                if n:
                    link.reshape(profile)
                for name, base in servers.items():
                    tools: dict[str, Callable[[StoreServer], float]] = {
                        "SFTP": {"scp": lambda s: sftp_scp(s, raw)},
                        "WebDAV-md5": {"rclone copyto": lambda s: webdav_rclone(s, raw, work)},
                        "WebDAV": {"rclone copyto": lambda s: webdav_rclone(s, raw, work)},
                        "S3": {"rclone copyto": lambda s: s3_rclone(s, raw, work),
                               "boto3 upload_file": lambda s: s3_upload_file(s, raw)},
                    }[name]  # fmt: skip
                    raw_fn = {"SFTP": sftp_raw, "WebDAV-md5": webdav_raw, "WebDAV": webdav_raw, "S3": s3_raw}[name]
                    raws: list[float] = []
                    fws: list[float] = []
                    tool_times: dict[str, list[float]] = {k: [] for k in tools}
                    methods: list[str] = []
                    measured: dict[str, float] = {}
                    probed: StoreServer | None = None
                    if probe is not None:  # what the previous sync to this store would have measured
                        server = base.fresh()
                        t = open_store(server)
                        stats = UploadStats()
                        upload_bundle(probe, t, stats=stats)
                        t.close()
                        probed = server  # emptied with the rounds' folders, after them
                        measured = stats.link.to_dict() if stats.link is not None else {}
                        staged = bundle(choose_chunk_size(stats.link))
                    rounds: list[StoreServer] = []
                    for r in range(runs):
                        server = base.fresh()
                        prepare(server)
                        rounds.append(server)
                        # Each contender goes first in turn, and nothing is deleted between rounds (each has a
                        # folder of its own): the first upload after a store's objects were deleted paid for the
                        # server's clean-up of them (radosgw: about 1.2 s at 40 ms), and it is the untimed probe
                        # that goes first after the deletions between servers and profiles.
                        contenders: list[tuple[str, Callable[[StoreServer], float]]] = [
                            ("engine", functools.partial(timed_engine, staged=staged, methods=methods)),
                            ("raw", functools.partial(raw_fn, src=raw)),
                            *tools.items(),
                        ]  # fmt: skip
                        shift = r % len(contenders)
                        for who, run in contenders[shift:] + contenders[:shift]:
                            link.forget_paths()
                            took = run(server)
                            if who == "engine":
                                fws.append(took)
                            elif who == "raw":
                                raws.append(took)
                            else:
                                tool_times[who].append(took)
                    for server in [*rounds, *([probed] if probed is not None else [])]:
                        clear(server)
                    method = "+".join(sorted(set(methods)))
                    engine_s, raw_s = statistics.median(fws), statistics.median(raws)
                    medians = {k: statistics.median(v) for k, v in tool_times.items()}
                    best_tool = min(medians, key=lambda k: medians[k])
                    resent = None
                    if not args.no_cut:
                        server = base.fresh()
                        resent = engine_with_outage(server, staged, link, engine_s)
                        clear(server)
                    row = {
                        "server": name,
                        "profile": profile.text,
                        "mib": round(total / MiB, 1),
                        "engine_s": round(engine_s, 2),
                        "raw_s": round(raw_s, 2),
                        "best_tool": best_tool,
                        "best_tool_s": round(medians[best_tool], 2),
                        "ratio_best": round(medians[best_tool] / engine_s, 3),
                        "ratio_raw": round(raw_s / engine_s, 3),
                        "tools_s": {k: round(v, 2) for k, v in medians.items()},
                        "engine_runs_s": [round(x, 2) for x in fws],
                        "resent_bytes": resent,
                        "chunk_bytes": max(s for _, s in staged.chunks),
                        "measured_link": measured,
                        "verify": method,
                        "target": TARGETS.get(profile.text, {}).get(name),
                    }
                    results.append(row)
                    if args.json:
                        print(json.dumps(row), flush=True)
                    else:
                        target = f"target {row['target']:.2f}x" if row["target"] else "no target"
                        print(f"{profile.text:18s} {name:10s} engine {engine_s:6.2f} s  raw {raw_s:6.2f} s  "
                              f"{best_tool} {medians[best_tool]:6.2f} s  ratio {row['ratio_best']:.2f}x ({target})  "
                              f"re-sent after a 2 s outage and reset: {resent} B  "
                              f"(chunk {row['chunk_bytes']} B)  verify: {method}",
                              flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
