"""Validating hostile study packs, run on demand: ``.venv/bin/python benchmarks/bench_pack_limits.py``.

Packs arrive by e-mail, so ``fieldwork pack validate`` must end quickly and in bounded memory whatever a
pack holds.  Each case is the example pack with one hostile change, validated in a child process of its
own (wall time and the child's peak RSS); the baseline is the example pack as shipped, in the same run.

Cases: one 2 MiB document listed 499 times (the pack that once validated for over 400 s at 2.5 GB); the
same document listed 250 times (under the document limit: read once, the rest refused as listed twice);
three different 2 MiB documents (over the whole-pack size: none read); 2 MiB of one-value lines (a file
of 500,000 values: the whole-pack value budget stops it); values spread over many files; a document of
text full of terminal controls.  Target: each under 10 s and 300 MB.
"""

from __future__ import annotations

import multiprocessing
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fieldwork_app.studypack import example_pack_path, validate_pack  # noqa: E402

MiB = 1024 * 1024


def _list(pack: Path, names: list[str]) -> None:
    manifest = pack / "pack.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text.replace("documents:\n", "documents:\n" + "".join(f"  - {n}\n" for n in names), 1), encoding="utf-8"
    )


def _comments(path: Path, size: int) -> None:
    line = "# " + "x" * 98 + "\n"
    path.write_text("kind: information_sheet\n" + line * (size // len(line)), encoding="utf-8")


def listed_499(pack: Path) -> None:
    _comments(pack / "documents/big.yaml", 2 * MiB - 200)
    _list(pack, ["documents/big.yaml"] * 499)


def listed_250(pack: Path) -> None:
    _comments(pack / "documents/big.yaml", 2 * MiB - 200)
    _list(pack, ["documents/big.yaml"] * 250)


def three_large(pack: Path) -> None:
    for n in range(3):
        _comments(pack / f"documents/big-{n}.yaml", 2 * MiB - 200)
    _list(pack, [f"documents/big-{n}.yaml" for n in range(3)])


def dense_values(pack: Path) -> None:
    (pack / "documents/dense.yaml").write_text("- 1\n" * (2 * MiB // 4 - 10), encoding="utf-8")
    _list(pack, ["documents/dense.yaml"])


def spread_values(pack: Path) -> None:
    names = []
    for n in range(40):
        (pack / f"documents/list-{n}.yaml").write_text("- 1\n" * 2_000, encoding="utf-8")
        names.append(f"documents/list-{n}.yaml")
    _list(pack, names)


def controls(pack: Path) -> None:
    body = "".join(f'  - {{id: s{n}, heading: h, text: "x\\e[2J\\a y"}}\n' for n in range(2_000))
    (pack / "documents/ctl.yaml").write_text(
        "kind: information_sheet\nid: ctl\nversion: \"1\"\nsections:\n" + body, encoding="utf-8"
    )
    _list(pack, ["documents/ctl.yaml"])


def baseline(pack: Path) -> None:
    return None


CASES: list[tuple[str, Callable[[Path], None]]] = [
    ("example pack (baseline)", baseline),
    ("one 2 MiB document listed 499 times", listed_499),
    ("one 2 MiB document listed 250 times", listed_250),
    ("three different 2 MiB documents", three_large),
    ("2 MiB of one-value lines", dense_values),
    ("80,000 values over 40 files", spread_values),
    ("2,000 texts with terminal controls", controls),
]


def _child(pack: str, out: multiprocessing.SimpleQueue) -> None:  # type: ignore[type-arg]
    start = time.monotonic()
    issues = validate_pack(Path(pack))
    elapsed = time.monotonic() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.put((elapsed, peak_mb, len(issues), str(issues[0]) if issues else ""))


def main() -> int:
    ctx = multiprocessing.get_context("spawn")  # a fresh child: its peak is its own
    ok = True
    base_time = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in CASES:
            pack = Path(tmp) / name.replace(" ", "-").replace(",", "")
            shutil.copytree(example_pack_path(), pack)
            make(pack)
            out: multiprocessing.SimpleQueue = ctx.SimpleQueue()  # type: ignore[type-arg]
            proc = ctx.Process(target=_child, args=(str(pack), out))
            proc.start()
            proc.join(300)
            if proc.is_alive():
                proc.kill()
                print(f"{name}: still running after 300 s  FAIL")
                ok = False
                continue
            elapsed, peak, count, first = out.get()
            base_time = base_time or elapsed
            met = elapsed < 10 and peak < 300
            ok = ok and met
            print(
                f"{name}: {elapsed:.2f} s ({elapsed / base_time:.1f}x the example pack), peak RSS {peak:.0f} MB, "
                f"{count} problem(s){'  first: ' + first[:110] if first else ''}"
            )
    print("target: each under 10 s and 300 MB")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
