"""How long the ``fieldwork`` command takes to start: typical commands timed in fresh processes (median of
several runs) against two baselines measured in the same run with the same interpreter: ``python -c pass``
(the interpreter alone) and the eager import of the whole command line (every module any command imports).

    .venv/bin/python benchmarks/bench_cli_start.py [--runs 7] [--compare OTHER_CHECKOUT]

Each command runs twice over: with a bytecode cache (an installed app: a private cache folder, filled by one
run first) and without one (``PYTHONDONTWRITEBYTECODE=1`` and no cache, as the test suite runs the command:
every module is compiled from source on each start).  ``--compare`` times another checkout's command line in
the same run (for example the commit before a change).  The cases are interleaved run by run, so that both
checkouts share the machine's load, and the ratios are of CPU time (user + system of the process), which other
jobs on a shared machine disturb less than wall-clock time (both are printed).

The commands that open a vault use one made for the run with the test suite's fast key derivation, so that
what is timed is the start-up and not the passphrase's Argon2id (about 0.5 s, timed by bench_vault.py).
"""

from __future__ import annotations

import argparse
import ast
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "a long enough passphrase for the benchmark"


def cli_modules(tree: Path) -> list[str]:
    """Every module the command line's modules import, at the top or inside a handler."""
    found = set()
    for source in sorted((tree / "fieldwork_app" / "cli").glob("*.py")):
        found.add(f"fieldwork_app.cli.{source.stem}".removesuffix(".__init__"))
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("fieldwork_app"):
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    found.add(sub if (tree / (sub.replace(".", "/") + ".py")).exists() else node.module)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("fieldwork_app"))
    return sorted(m for m in found if not m.startswith("fieldwork_app.gui"))


def run_once(argv: list[str], env: dict[str, str], cwd: str) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, timeout=300)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{argv[1:]} failed: {proc.stderr.decode(errors='replace')[-400:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7, help="runs of each command (the median is printed)")
    ap.add_argument("--compare", type=Path, help="another checkout of fieldwork to time in the same run")
    args = ap.parse_args()
    trees = {"this checkout": ROOT}
    if args.compare:
        trees["compared"] = args.compare.resolve()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        # Run from an empty folder: ``-m``/``-c`` put the working folder first on the path.
        cwd = str(Path(tmp) / "cwd")
        os.mkdir(cwd)
        base_env = {k: v for k, v in os.environ.items() if not k.startswith(("FIELDWORK_", "PYTHON"))}
        base_env.update(FIELDWORK_KDF="fast", FIELDWORK_TEST_SUITE="1", FIELDWORK_USER="bench",
                        FIELDWORK_PASSPHRASE=PASSPHRASE, FIELDWORK_DATA_DIR=str(Path(tmp) / "vault"))  # fmt: skip
        setup_env = {**base_env, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
        pack = subprocess.run([py, "-c", "from fieldwork_app.studypack import example_pack_path as p; print(p())"],
                              env=setup_env, cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()
        for cmd in (["init", "--user", "bench"], ["pack", "import", pack]):
            subprocess.run([py, "-m", "fieldwork_app", *cmd], env=setup_env, cwd=cwd, capture_output=True, check=True)
        commands = {
            "fieldwork --version": ["--version"],
            "fieldwork --help": ["--help"],
            "fieldwork session list": ["session", "list"],
            "fieldwork participant list": ["participant", "list"],
            "fieldwork status": ["status"],
            "fieldwork pack validate (example pack)": ["pack", "validate", pack],
        }
        modes = {"with a bytecode cache": "cache", "no bytecode cache (as the tests run)": "none"}
        print(f"{py} ({sys.version.split()[0]}), {args.runs} runs of each, interleaved; medians of wall-clock "
              f"and CPU (user + system) time; ratios of CPU time; load average {os.getloadavg()[0]:.1f}")
        for mode_name, mode in modes.items():
            cases: dict[tuple[str, str], list[str]] = {}
            envs = {}
            for tree_name, tree in trees.items():
                env = {**base_env, "PYTHONPATH": str(tree)}
                if mode == "cache":
                    env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / ("pycache-" + tree_name.replace(" ", "-")))
                else:
                    env["PYTHONDONTWRITEBYTECODE"] = "1"
                envs[tree_name] = env
                cases[(tree_name, "python -c pass")] = [py, "-c", "pass"]
                eager = "import " + ", ".join(cli_modules(tree))
                cases[(tree_name, "eager import of the whole command line")] = [py, "-c", eager]
                for name, argv in commands.items():
                    cases[(tree_name, name)] = [py, "-m", "fieldwork_app", *argv]
                if mode == "cache":  # fill the cache first
                    for (t, _), argv in cases.items():
                        if t == tree_name:
                            run_once(argv, env, cwd)
            walls: dict[tuple[str, str], list[float]] = {key: [] for key in cases}
            cpus: dict[tuple[str, str], list[float]] = {key: [] for key in cases}
            for _ in range(args.runs):  # interleaved, so that both checkouts see the same load
                for key, argv in cases.items():
                    wall, cpu = run_once(argv, envs[key[0]], cwd)
                    walls[key].append(wall)
                    cpus[key].append(cpu)
            print(f"\n== {mode_name}")
            for tree_name, tree in trees.items():
                bare = statistics.median(cpus[(tree_name, "python -c pass")])
                whole = statistics.median(cpus[(tree_name, "eager import of the whole command line")])
                print(f"-- {tree_name} ({tree})")
                print(f"   {'':42} {'wall':>7}  {'CPU':>7}")
                for (t, name) in cases:
                    if t != tree_name:
                        continue
                    wall = statistics.median(walls[(t, name)])
                    cpu = statistics.median(cpus[(t, name)])
                    ratios = "" if name == "python -c pass" else f"   {cpu / bare:5.1f}x python"
                    if name != "python -c pass" and not name.startswith("eager"):
                        ratios += f"   {cpu / whole:5.2f}x the eager import"
                    print(f"   {name:42} {wall * 1000:5.0f} ms {cpu * 1000:5.0f} ms{ratios}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
