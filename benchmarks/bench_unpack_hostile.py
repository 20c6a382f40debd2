"""Peak memory of ``fieldwork store unpack`` on a hostile study store, against the same store without the hostile
cases.

Run on demand::

    .venv/bin/python benchmarks/bench_unpack_hostile.py

Builds a folder store with two genuine bundles of a trusted laptop, unpacks it with the real command in a child
process (the baseline), then adds every hostile case of ``tests/integration/test_store_hostile.py`` (a 1 MB FLAC
block that decodes to 300 M samples, a manifest linked to /dev/zero, a FIFO manifest, a 64 MB manifest, manifests
nested 200,000 levels deep, with a 5,000-digit integer, wrong types, a lone surrogate, from the trusted key and
from an untrusted one) and unpacks again into a new folder.  Prints each child's peak RSS (``ru_maxrss``), the
ratio, and whether the genuine bundles were unpacked; target: under 500 MB.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fieldwork_app.cli.main import main  # noqa: E402
from fieldwork_app.sync.keys import DeviceKey, load_identity, load_recipient  # noqa: E402
from tests.integration.test_store_hostile import GENUINE, SECOND, DataManager, hostile_store  # noqa: E402
from tests.support.servers import SyncKit  # noqa: E402

LIMIT_MB = 500


def unpack(dm: DataManager, out: Path) -> tuple[float, dict[str, object]]:
    """Peak RSS (MB) of one ``store unpack`` in a child process, and its JSON report."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    pid = os.fork()
    if pid == 0:  # a child of our own, so that RUSAGE_CHILDREN holds this run alone
        done = subprocess.run(
            [sys.executable, "-m", "fieldwork_app", "store", "unpack", dm.url, "--key", str(dm.key), "--out",
             str(out), "--json"],
            capture_output=True, text=True, timeout=600, env=env, check=False,
        )  # fmt: skip
        (out.parent / f"{out.name}.json").write_text(done.stdout or "{}")
        (out.parent / f"{out.name}.rss").write_text(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
        os._exit(0)
    os.waitpid(pid, 0)
    return int((out.parent / f"{out.name}.rss").read_text()) / 1024, json.loads(
        (out.parent / f"{out.name}.json").read_text()
    )


def main_() -> int:
    with tempfile.TemporaryDirectory(prefix="fw-bench-hostile-") as tmp_name:
        tmp = Path(tmp_name)
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["study", "keygen", "--out", str(tmp / "keys")]) == 0
        kit = SyncKit(tmp / "keys", tmp / "outbox", load_identity(tmp / "keys/study.key"),
                      load_recipient(tmp / "keys/study.pub"), DeviceKey.generate())  # fmt: skip
        with contextlib.redirect_stdout(io.StringIO()):
            main(["study", "devices", "add", kit.device.fingerprint(), "--name", "laptop A", "--key",
                  str(tmp / "keys/study.key")])  # fmt: skip
        (tmp / "store").mkdir()
        dm = DataManager(kit, tmp / "store", (tmp / "store").as_uri(), [], tmp, None)
        dm.send("b-genuine", GENUINE)
        dm.send("b-second", SECOND, participants=("M-002",))
        base_mb, base = unpack(dm, tmp / "baseline")
        hostile_store(dm)
        peak_mb, report = unpack(dm, tmp / "hostile")
        genuine = all((tmp / "hostile" / p).read_bytes() == d for p, d in {**GENUINE, **SECOND}.items())
        problems = sorted({str(p["code"]) for p in list(report.get("problems") or [])})  # type: ignore[call-overload]
    print(f"baseline (2 genuine bundles): peak RSS {base_mb:.0f} MB, sessions {base.get('sessions')}")
    print(f"hostile store: peak RSS {peak_mb:.0f} MB, sessions {report.get('sessions')}, problems {problems}")
    print(f"ratio hostile / baseline: {peak_mb / base_mb:.2f}x   target: under {LIMIT_MB} MB")
    print(f"genuine bundles unpacked: {genuine}")
    ok = peak_mb < LIMIT_MB and genuine
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main_())
