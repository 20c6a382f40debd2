"""The encrypted log's chain: lines keep one chain across rotation and across processes; dropped, moved,
repeated and replaced lines are reported; lines of the first format are still read."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldwork_app import log

KEY = bytes(range(32))


def _write(d: Path, texts: list[str]) -> None:
    for t in texts:
        log.append_line(d / log.LOG_NAME, AESGCM(KEY), t)


def test_an_unbroken_chain_across_rotation_reads_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(log, "_MAX_BYTES", 2000)
    texts = [f"line {i} " + "x" * 100 for i in range(60)]
    _write(tmp_path, texts)
    assert (tmp_path / log.OLD_LOG_NAME).exists()
    report = log.check_log(tmp_path, KEY)
    assert report.problems == []
    kept = [ln for ln in report.lines if not ln.startswith("[")]
    assert kept == texts[-len(kept) :] and len(kept) < len(texts)
    assert report.lines[0].startswith("[the log starts at line")


def test_dropped_moved_repeated_and_replaced_lines_are_reported(tmp_path: Path) -> None:
    _write(tmp_path, [f"line {i}" for i in range(1, 7)])
    path = tmp_path / log.LOG_NAME
    lines = path.read_bytes().splitlines(keepends=True)

    def problems(order: list[bytes]) -> list[str]:
        path.write_bytes(b"".join(order))
        return log.check_log(tmp_path, KEY).problems

    assert problems(lines) == []
    assert problems(lines[:2] + lines[3:]) == ["1 log line(s) missing before line 4"]
    assert problems(lines[1:]) == ["1 log line(s) missing before line 2"]
    assert any("out of order" in p for p in problems([lines[0], lines[2], lines[1], *lines[3:]]))
    assert any("repeated" in p for p in problems([*lines, lines[2]]))
    # A line from another log under the same key, put in place of line 3: its chain does not fit.
    other = tmp_path / "other"
    other.mkdir()
    _write(other, ["a", "b", "c"])
    foreign = (other / log.LOG_NAME).read_bytes().splitlines(keepends=True)[2]
    assert any("does not follow" in p for p in problems([*lines[:2], foreign, *lines[3:]]))
    assert problems([*lines[:2], b"bm90IGEgbGluZQ==\n", *lines[2:]]) == ["a damaged log line was skipped"]


def test_first_format_lines_are_still_read_and_the_chain_starts_after_them(tmp_path: Path) -> None:
    nonce = os.urandom(12)
    old = nonce + AESGCM(KEY).encrypt(nonce, b"an old line", b"fieldwork-log-v1")
    (tmp_path / log.LOG_NAME).write_bytes(base64.b64encode(old) + b"\n")
    _write(tmp_path, ["a new line"])
    report = log.check_log(tmp_path, KEY)
    assert report.lines == ["an old line", "a new line"] and report.problems == []


def test_first_format_lines_after_the_chain_began_are_reported(tmp_path: Path) -> None:
    def v1(text: str) -> bytes:
        nonce = os.urandom(12)
        return base64.b64encode(nonce + AESGCM(KEY).encrypt(nonce, text.encode(), b"fieldwork-log-v1")) + b"\n"

    path = tmp_path / log.LOG_NAME
    old = [v1("old line A"), v1("old line B")]
    path.write_bytes(b"".join(old))
    _write(tmp_path, ["chained 1", "chained 2", "chained 3"])
    lines = path.read_bytes().splitlines(keepends=True)
    assert log.check_log(tmp_path, KEY).problems == []
    # An old copy's first-format lines, replayed after chained lines and repeated in the middle.
    path.write_bytes(b"".join([*lines[:3], old[1], *lines[3:], *old]))
    report = log.check_log(tmp_path, KEY)
    assert len(report.problems) == 3 and all("first format after chained lines" in p for p in report.problems)
    assert [ln for ln in report.lines if not ln.startswith("[")] == [
        "old line A", "old line B", "chained 1", "chained 2", "chained 3"]  # fmt: skip


def _append_many(d: Path, tag: str, n: int) -> None:
    aead = AESGCM(KEY)
    for i in range(n):
        log.append_line(d / log.LOG_NAME, aead, f"{tag} {i} " + "x" * 200)


def test_processes_writing_while_the_log_rotates_keep_one_chain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    monkeypatch.setattr(log, "_MAX_BYTES", 6000)  # many rotations (the children are forked with it)
    ctx = multiprocessing.get_context("fork")
    for trial in range(3):
        d = tmp_path / str(trial)
        d.mkdir()
        procs = [ctx.Process(target=_append_many, args=(d, tag, 150)) for tag in "ABC"]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
            assert p.exitcode == 0
        report = log.check_log(d, KEY)
        assert report.problems == [], (trial, report.problems[:3])
        assert stat_mode(d / log.LOCK_NAME) == 0o600


def stat_mode(p: Path) -> int:
    return p.stat().st_mode & 0o777


def test_reseal_writes_one_chain_under_the_new_key(tmp_path: Path) -> None:
    _write(tmp_path, ["one", "two"])
    new_key = os.urandom(32)
    out = tmp_path / "new"
    log.reseal(tmp_path, KEY, out, new_key)
    assert log.check_log(out, new_key).lines == ["one", "two"]
    assert log.check_log(out, KEY).problems  # not readable under the old key


def test_a_line_cut_short_by_a_crash_does_not_swallow_the_next_one(tmp_path: Path) -> None:
    _write(tmp_path, ["one", "two"])
    path = tmp_path / log.LOG_NAME
    path.write_bytes(path.read_bytes()[:-20])  # the last line torn, no newline
    _write(tmp_path, ["three"])
    report = log.check_log(tmp_path, KEY)
    assert report.lines[0] == "one" and report.lines[-1] == "three"
    assert report.problems == ["a damaged log line was skipped"]
