"""Vault benchmarks (run on demand): unlock time, listing 10,000 sessions with 100,000 markers, and the
cost of SQLCipher against plain SQLite running the same schema and queries in the same run.

    .venv/bin/python benchmarks/bench_vault.py [--sessions 10000] [--markers 100000]

Targets: unlock ~0.5 s with the tuned KDF; the session overview < 100 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fieldwork_app.paths import DataDir  # noqa: E402
from fieldwork_app.services import sessions  # noqa: E402
from fieldwork_app.vault import Vault, migrations  # noqa: E402
from fieldwork_app.vault.keys import derive_kek, tune_kdf  # noqa: E402


def fill(conn, n_sessions: int, n_markers: int) -> None:  # type: ignore[no-untyped-def]
    rnd = random.Random(7)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO participants (id, group_id, seq, status, created_at, created_by) VALUES (?,?,?,?,?,?)",
        [(f"M-{i:05d}", "mother", i, "consented", "2026-01-01", "bench") for i in range(1, n_sessions + 1)],
    )
    conn.executemany(
        "INSERT INTO sessions (id, format, location_kind, status, planned_start, created_at, created_by)"
        " VALUES (?,?,?,?,?,?,?)",
        [
            (f"S-{i:05d}", "interview", "home", "completed", "2026-01-01T10:00", "2026-01-01", "bench")
            for i in range(1, n_sessions + 1)
        ],
    )
    conn.executemany(
        "INSERT INTO session_participants (session_id, participant_id) VALUES (?,?)",
        [(f"S-{i:05d}", f"M-{i:05d}") for i in range(1, n_sessions + 1)],
    )
    conn.executemany(
        "INSERT INTO markers (session_id, position, kind, label, created_at, created_by) VALUES (?,?,?,?,?,?)",
        [
            (f"S-{rnd.randint(1, n_sessions):05d}", rnd.random() * 3600, "marker", "", "2026-01-01", "bench")
            for _ in range(n_markers)
        ],
    )
    conn.execute("COMMIT")


def timed(fn, repeat: int = 7) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, default=10_000)
    ap.add_argument("--markers", type=int, default=100_000)
    args = ap.parse_args()
    os.environ.pop("FIELDWORK_KDF", None)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        params = tune_kdf()
        tuning = time.perf_counter() - t0
        dd = DataDir(Path(tmp) / "vault")
        vault, _ = Vault.create(dd, "bench", "benchmark passphrase", kdf=params)
        fill(vault.db, args.sessions, args.markers)
        vault.close()
        kdf_time = timed(lambda: derive_kek(b"benchmark passphrase", b"\0" * 16, params), repeat=3)
        unlock = timed(lambda: Vault.unlock(dd, "bench", "benchmark passphrase").close(), repeat=3)
        vault = Vault.unlock(dd, "bench", "benchmark passphrase")
        enc = timed(lambda: sessions.overview_from(vault.db))
        count = len(sessions.overview_from(vault.db))

        plain_path = Path(tmp) / "plain.db"
        plain = sqlite3.connect(plain_path, isolation_level=None)
        plain.execute("PRAGMA journal_mode = WAL")
        migrations.migrate(plain, migrations.RESEARCH)
        fill(plain, args.sessions, args.markers)
        base = timed(lambda: sessions.overview_from(plain))
        vault.close()
    print(
        f"KDF: argon2id t={params.iterations} m={params.memory_kib // 1024} MiB p={params.lanes} "
        f"(tuned in {tuning:.2f} s)"
    )
    print(f"KDF alone: {kdf_time * 1000:.0f} ms   target ~500 ms   ratio to target {kdf_time / 0.5:.2f}")
    print(
        f"unlock (KDF, open both databases, audit entry): {unlock * 1000:.0f} ms   "
        f"ratio to the KDF alone {unlock / kdf_time:.2f}"
    )
    print(
        f"overview of {count} sessions / {args.markers} markers: SQLCipher {enc * 1000:.1f} ms, "
        f"plain SQLite {base * 1000:.1f} ms   target < 100 ms"
    )
    print(f"SQLCipher / plain SQLite on the same query: {enc / base:.2f}x")
    ok = enc < 0.100
    print("PASS" if ok else "FAIL: the overview is over 100 ms")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
