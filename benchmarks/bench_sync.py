"""Upload throughput of the sync engine against a raw transfer of the same bytes, over loopback.

Run on demand::

    .venv/bin/python benchmarks/bench_sync.py            # 500 MB
    .venv/bin/python benchmarks/bench_sync.py --mb 100

Starts its own sshd, wsgidav, rclone WebDAV server (whose ETags are content MD5s) and Ceph radosgw
on 127.0.0.1 (the same helpers the tests use), stages one bundle, then for each server times (a) a
raw transfer of a file of the same size (paramiko ``putfo``; one streamed httpx PUT; one boto3
``put_object``) and (b) ``upload_bundle`` (encrypted chunks, temp+rename where the store needs it,
server-side or read-back verification).  ``--only SFTP,S3`` picks servers.
Prints the ratio raw_time / engine_time (1.0 = as fast as the raw transfer; target >= 0.8), and
the bytes re-sent after an interruption (must be at most one chunk).

Both sides move the same number of bytes up: the raw file has the bundle's exact size.  Staging
(encryption into the outbox) is timed and printed separately, not counted in the ratio: it runs
once per bundle, before any upload, and is not repeated when an upload resumes.  ``--repeat N``
alternates raw and engine runs N times and reports medians (loopback figures on a shared 2-core
machine vary by +-30 % from run to run).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fieldwork_app.errors import StoreError  # noqa: E402
from fieldwork_app.sync.bundle import BundleEntry, BundleSpec, stage_bundle  # noqa: E402
from fieldwork_app.sync.engine import RetryPolicy, UploadStats, upload_bundle  # noqa: E402
from fieldwork_app.sync.keys import DeviceKey, generate_study_keypair, load_recipient  # noqa: E402
from tests.support.servers import (  # noqa: E402
    CutProxy,
    StoreServer,
    rclone_webdav_running,
    s3_running,
    sftp_running,
    webdav_running,
)

MiB = 1024 * 1024


def make_bundle(work: Path, megabytes: int, chunk: int) -> tuple[object, float]:
    pub, _ = generate_study_keypair(work / "keys")
    device = DeviceKey.generate()
    rng = random.Random(1)

    def produce() -> Iterator[bytes]:
        left = megabytes * MiB
        while left > 0:
            n = min(MiB, left)
            left -= n
            yield rng.randbytes(n)

    spec = BundleSpec("bench", "session", "BENCH", "1", "S-1", ["P-1"], "2025-01-01T00:00:00Z",
                      device.fingerprint(), "bench", [BundleEntry("P-1/S-1/audio.bin", "application/octet-stream",
                                                                  produce)])  # fmt: skip
    t0 = time.perf_counter()
    staged = stage_bundle(spec, load_recipient(pub), device, work / "outbox", chunk_size=chunk)
    return staged, time.perf_counter() - t0


def raw_sftp(server: StoreServer, src: Path) -> float:
    t = server.open()
    sftp = t._connect()  # type: ignore[attr-defined]
    t0 = time.perf_counter()
    with open(src, "rb") as fh:
        sftp.putfo(fh, f"{t.root}/raw.bin", confirm=True)  # type: ignore[attr-defined]
    elapsed = time.perf_counter() - t0
    t.close()
    return elapsed


def raw_webdav(server: StoreServer, src: Path) -> float:
    import httpx

    base = server.url.replace("webdav://", "http://")
    with httpx.Client(auth=(server.options["username"], server.secrets["password"]), timeout=120) as client:
        client.request("MKCOL", base + "/")
        size = src.stat().st_size

        def body() -> object:
            with open(src, "rb") as fh:
                while block := fh.read(256 * 1024):
                    yield block

        t0 = time.perf_counter()
        r = client.put(base + "/raw.bin", content=body(), headers={"Content-Length": str(size)})  # type: ignore[arg-type]
        r.raise_for_status()
        return time.perf_counter() - t0


def raw_s3(server: StoreServer, src: Path) -> float:
    import boto3
    from botocore.config import Config

    config = Config(s3={"addressing_style": "path"}, request_checksum_calculation="when_required")
    client = boto3.client(
        "s3",
        endpoint_url=server.options["endpoint"],
        aws_access_key_id=server.options["access_key"],
        aws_secret_access_key=server.secrets["secret_key"],
        region_name="us-east-1",
        config=config,
    )
    bucket, _, prefix = server.url[len("s3://") :].partition("/")
    size = src.stat().st_size
    with open(src, "rb") as fh:
        t0 = time.perf_counter()
        client.put_object(Bucket=bucket, Key=f"{prefix}/raw.bin", Body=fh, ContentLength=size)
        elapsed = time.perf_counter() - t0
    client.close()
    return elapsed


def engine(server: StoreServer, staged: object) -> tuple[float, str]:
    t = server.open()
    t0 = time.perf_counter()
    receipt = upload_bundle(staged, t)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - t0
    for name in t.list(""):  # untimed: keeps the stores (in RAM where possible) from filling up
        t.delete(name)
    t.close()
    return elapsed, receipt.verify_method


def interrupted(server: StoreServer, staged: object, port: int) -> tuple[int, int]:
    """Cut the connection half-way, resume, and return (bytes attempted beyond the bundle, chunk size)."""
    proxy = CutProxy(port)
    via = server.with_endpoint("127.0.0.1", proxy.port)
    proxy.cut_at(staged.total_bytes // 2)  # type: ignore[attr-defined]
    stats = UploadStats()
    try:
        upload_bundle(staged, via.open(), retry=RetryPolicy(attempts=1), stats=stats)  # type: ignore[arg-type]
    except StoreError:
        pass
    upload_bundle(staged, via.open(), retry=RetryPolicy(attempts=1), stats=stats)  # type: ignore[arg-type]
    proxy.close()
    return stats.bytes_attempted - staged.total_bytes, max(s for _, s in staged.chunks)  # type: ignore[attr-defined]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=int, default=500, help="bundle size in MiB (default 500)")
    ap.add_argument("--chunk-mb", type=int, default=4, help="chunk size in MiB (default 4)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per figure; medians are reported")
    ap.add_argument("--only", default="SFTP,WebDAV,WebDAV-md5,S3", help="servers to run, comma-separated")
    args = ap.parse_args()
    only = set(args.only.split(","))
    # Servers and outbox in RAM where there is room, so that disk write-back (which lands on
    # whichever run comes next) does not blur the comparison; else the usual temporary folder.
    shm = Path("/dev/shm")
    need = (args.mb * MiB) * 8
    ram = shm.is_dir() and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > need
    with tempfile.TemporaryDirectory(prefix="fw-bench-", dir=shm if ram else None) as tmp:
        print(f"working in {'RAM (/dev/shm)' if ram else tmp}")
        work = Path(tmp)
        staged, stage_s = make_bundle(work, args.mb, args.chunk_mb * MiB)
        total = staged.total_bytes  # type: ignore[attr-defined]
        print(f"bundle: {total / MiB:.1f} MiB in {len(staged.chunks)} chunks; staged in {stage_s:.1f} s "  # type: ignore[attr-defined]
              f"({total / MiB / stage_s:.0f} MiB/s)")  # fmt: skip
        raw = work / "raw.bin"
        with open(raw, "wb") as fh:
            left = total
            while left > 0:
                fh.write(os.urandom(min(MiB, left)))
                left -= min(MiB, left)
        for sub in ("sshd", "dav", "rdav", "ceph"):
            (work / sub).mkdir()
        # radosgw keeps objects in RAM (memstore) and frees deleted ones only at its next garbage
        # collection: room for every raw and engine upload of the run
        memstore = (2 * max(1, args.repeat) + 2) * total + (1 << 30)
        with contextlib.ExitStack() as stack:
            starters = {
                "SFTP": (lambda: sftp_running(work / "sshd"), raw_sftp),
                "WebDAV": (lambda: webdav_running(work / "dav"), raw_webdav),
                "WebDAV-md5": (lambda: rclone_webdav_running(work / "rdav"), raw_webdav),
                "S3": (lambda: s3_running(work / "ceph", memstore_bytes=memstore), raw_s3),
            }
            servers = [(name, stack.enter_context(start()), raw_fn)
                       for name, (start, raw_fn) in starters.items() if name in only]  # fmt: skip
            for name, server, raw_fn in servers:
                raws: list[float] = []
                fws: list[float] = []
                for _ in range(max(1, args.repeat)):
                    raws.append(raw_fn(server, raw))
                    fw, method = engine(server.fresh(), staged)
                    fws.append(fw)
                raw_s, fw_s = statistics.median(raws), statistics.median(fws)
                where = server.options["endpoint"] if server.kind == "s3" else server.url
                port = int(where.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)[1])
                extra, chunk = interrupted(server.fresh(), staged, port)
                print(f"{name:10s} raw {total / MiB / raw_s:6.1f} MiB/s ({raw_s:.2f} s)  "
                      f"engine {total / MiB / fw_s:6.1f} MiB/s ({fw_s:.2f} s, verify: {method})  "
                      f"ratio {raw_s / fw_s:.2f}x  re-sent after a cut: {extra} B (chunk {chunk} B)")  # fmt: skip
                if len(fws) > 1:
                    print(
                        f"        ratios per run: {' '.join(f'{r / e:.2f}' for r, e in zip(raws, fws, strict=True))}"
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
