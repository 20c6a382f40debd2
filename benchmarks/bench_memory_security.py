"""SQLCipher's memory security (``PRAGMA cipher_memory_security``): its cost on this machine, measured.

With it ON, SQLCipher locks its memory (mlock) and wipes every allocation on free; once ON it stays on
for the whole process, so each setting is measured in a process of its own, on the same vault, in the
same run.  The work: open both databases (with the page check run at unlock), the session overview of
``--sessions`` sessions with ``--markers`` markers, and 2,000 single-row transactions.

    .venv/bin/python benchmarks/bench_memory_security.py [--sessions 10000] [--markers 100000]

The decision it informs is written in docs/threat-model.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fieldwork_app.paths import DataDir  # noqa: E402
from fieldwork_app.services import sessions  # noqa: E402
from fieldwork_app.vault import FAST_KDF, Vault  # noqa: E402

PASS = "benchmark passphrase"


def _work(root: str, memory_security: bool) -> dict[str, float]:
    dd = DataDir(Path(root))
    from fieldwork_app.vault import db as vault_db

    vault_db._MEMORY_SECURITY = memory_security  # the vault's opener sets it on every connection
    out: dict[str, list[float]] = {"open": [], "overview": [], "writes": []}
    for _ in range(5):
        t0 = time.perf_counter()
        v = Vault.unlock(dd, "bench", PASS)
        out["open"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        sessions.overview_from(v.db)
        out["overview"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for i in range(2000):
            with v.transaction():
                v.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('bench', ?)", (str(i),))
        out["writes"].append(time.perf_counter() - t0)
        state = v.db.execute("PRAGMA cipher_memory_security").fetchone()[0]
        v.close()
    result = {k: statistics.median(v) for k, v in out.items()}
    result["state"] = float(state)
    return result


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, default=10_000)
    ap.add_argument("--markers", type=int, default=100_000)
    ap.add_argument("--child", choices=["on", "off"])
    ap.add_argument("--root")
    args = ap.parse_args()
    if args.child:
        print(json.dumps(_work(args.root, args.child == "on")))
        return 0
    from bench_vault import fill  # type: ignore[import-not-found]

    os.environ["FIELDWORK_KDF"] = "fast"
    os.environ["FIELDWORK_TEST_SUITE"] = "1"  # the KDF is not what is measured here
    with tempfile.TemporaryDirectory() as tmp:
        dd = DataDir(Path(tmp) / "vault")
        vault, _ = Vault.create(dd, "bench", PASS, kdf=FAST_KDF)
        fill(vault.db, args.sessions, args.markers)
        vault.close()
        size = dd.research_db.stat().st_size
        runs = {}
        for mode in ("off", "on"):
            proc = subprocess.run(
                [sys.executable, __file__, "--child", mode, "--root", str(dd.root)],
                capture_output=True, text=True, check=True, env=os.environ,
            )  # fmt: skip
            runs[mode] = json.loads(proc.stdout.strip().splitlines()[-1])
    off, on = runs["off"], runs["on"]
    print(f"research.db: {size / 1e6:.1f} MB ({args.sessions} sessions, {args.markers} markers)")
    print(f"memory security as set: off run {off['state']:.0f}, on run {on['state']:.0f}")
    for key, label in (("open", "unlock (page check included)"), ("overview", "session overview"),
                       ("writes", "2,000 single-row transactions")):  # fmt: skip
        ratio = on[key] / off[key]
        print(f"{label:32} OFF {off[key] * 1000:8.1f} ms   ON {on[key] * 1000:8.1f} ms   ON/OFF {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
