"""Every command that reads JSON the user gives (a file, or ``-`` for standard input) reads it through one
bounded reader: hostile files are refused with one line that names the option, the file and the place, and
nothing in the vault changes.  Run through the command line's main entry on a real vault, and as a process."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldwork_app.cli.main import main
from fieldwork_app.paths import DataDir
from tests.integration.test_cli import snapshot
from tests.support.people import answers_file, eligible_answers_file
from tests.support.vaults import PASSPHRASE

FW = [sys.executable, "-m", "fieldwork_app"]

# (what the file holds, what the error says, the line and column it names, or None where there is no place)
DEEP = (b'{"answers":\n' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nests more than 8 levels deep", (2, 8))
TOO_BIG = (b'{"a": "' + b"x" * (1024 * 1024) + b'"}', "is larger than 1024 KiB", None)
NOT_AN_OBJECT = (b"[true, false]", "must be a JSON object ({...}), not a list", None)
BAD_UTF8 = (b'{"a": true,\n "Ma\xffria": true}', "is not UTF-8 text", (2, 5))
NOT_JSON = (b'{"a": true,\n "b": }', "is not valid JSON", (2, 7))
LONG_NUMBER = (b'{"a": ' + b"9" * 5000 + b"}", "holds a number too long to read", None)
# Python's parser takes NaN and Infinity, which JSON has not, and keeps the last of a repeated key, silently.
NAN = (b'{"NaN or Infinity": true,\n "b": NaN}', "holds NaN, which is not a JSON number", (2, 7))
MINUS_INFINITY = (b'{"a": [1,\n  -Infinity]}', "holds -Infinity, which is not a JSON number", (2, 3))
INFINITY = (b'{"a": Infinity}', "holds Infinity, which is not a JSON number", (1, 7))
REPEATED_KEY = (b'{"a": true, "b": {"c": 1}, "a": false}', 'gives the key "a" more than once', None)
REPEATED_INNER_KEY = (b'{"a": true, "b": [{"c": 1, "c": 2}]}', 'gives the key "c" more than once', None)
HOSTILE = {
    "too-deep": DEEP,
    "too-big": TOO_BIG,
    "not-an-object": NOT_AN_OBJECT,
    "bad-utf8": BAD_UTF8,
    "not-json": NOT_JSON,
    "long-number": LONG_NUMBER,
    "nan": NAN,
    "minus-infinity": MINUS_INFINITY,
    "infinity": INFINITY,
    "repeated-key": REPEATED_KEY,
    "repeated-inner-key": REPEATED_INNER_KEY,
}


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``fieldwork ARGS`` through the command line's main entry (the passphrase from a file: the first call
    takes FIELDWORK_PASSPHRASE out of the environment, as the command does)."""
    capsys.readouterr()
    code = main(["--passphrase-file", os.environ["FW_TEST_PASSPHRASE_FILE"], *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def study(cli_env: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
          ) -> dict[str, str]:  # fmt: skip
    """A mother screened eligible, an interview session with her, a consent answers file made for it."""
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    secret.chmod(0o600)
    monkeypatch.setenv("FW_TEST_PASSPHRASE_FILE", str(secret))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, out, err = _cli(capsys, "participant", "add", "--group", "mother")
    assert code == 0, err
    m = out.strip()
    code, _, err = _cli(capsys, "participant", "screen", m, "--answers", str(eligible_answers_file(tmp_path, "mother")))
    assert code == 0, err
    code, out, err = _cli(capsys, "session", "new", "--participant", m, "--format", "interview")
    assert code == 0, err
    s = out.strip()
    code, out, _ = _cli(capsys, "consent", "template", "--session", s, "--participant", m)
    tpl = json.loads(out)
    good = answers_file(tmp_path, tpl, dict.fromkeys(tpl["answers"], True), "good")
    return {"m": m, "s": s, "good": str(good)}


def _commands(ids: dict[str, str]) -> list[tuple[str, list[str]]]:
    """Every command that reads a JSON object from the user: (the option, the command line with FILE)."""
    m, s = ids["m"], ids["s"]
    consent = ["consent", "record", "--session", s, "--participant", m, "--mode", "paper"]
    return [
        ("--answers", ["participant", "screen", m, "--answers", "FILE"]),
        ("--answers", [*consent, "--answers", "FILE"]),
        ("--names", [*consent, "--answers", ids["good"], "--names", "FILE", "--witness"]),
        ("--answers", ["consent", "script", "--session", s, "--participant", m, "--answers", "FILE"]),
        ("--voucher", ["session", "closeout", s, "--wellbeing", "fine", "--voucher", "FILE"]),
        ("--plan", ["visit", "plan", s, "--plan", "FILE"]),
        ("--file", ["safeguarding", "record", "--session", s, "--participant", m, "--file", "FILE"]),
        ("--file", ["participant", "identity", "set", m, "--file", "FILE"]),
    ]


def _assert_refused(code: int, err: str, *needles: str) -> None:
    assert code == 1, err
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    for needle in needles:
        assert needle in lines[0], err


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_file_is_refused_by_every_command_naming_option_file_and_place(
    kind: str, study: dict[str, str], cli_env: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, says, place = HOSTILE[kind]
    hostile = tmp_path / f"{kind}.json"
    hostile.write_bytes(content)
    before = snapshot(cli_env)
    for option, line in _commands(study):
        args = [str(hostile) if a == "FILE" else a for a in line]
        code, out, err = _cli(capsys, *args)
        needles = [f"{option} {hostile}", says]
        if place is not None:
            needles.append(f"line {place[0]}, column {place[1]}")
        _assert_refused(code, err, *needles)
        assert out == ""
        assert snapshot(cli_env) == before, args  # nothing was recorded, not even an unlock


def test_standard_input_hostile_and_not(
    study: dict[str, str], cli_env: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """``-`` reads standard input for every option that takes JSON; what is refused from a file is refused
    from standard input, named as such; two options cannot both read it."""
    before = snapshot(cli_env)
    for option, line in _commands(study):
        args = ["-" if a == "FILE" else a for a in line]
        for content, says, place in (DEEP, TOO_BIG, BAD_UTF8, NAN, REPEATED_KEY):
            monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(content)))
            code, _, err = _cli(capsys, *args)
            needles = [f"{option} (standard input)", says]
            if place is not None:
                needles.append(f"line {place[0]}, column {place[1]}")
            _assert_refused(code, err, *needles)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"{}")))
    consent = ["consent", "record", "--session", study["s"], "--participant", study["m"], "--mode", "paper"]
    code, _, err = _cli(capsys, *consent, "--answers", "-", "--names", "-", "--witness")
    _assert_refused(code, err, "only one of --answers, --names can read standard input")
    code, _, err = _cli(capsys, "session", "closeout", study["s"], "--voucher", "-", "--voucher", "-")
    _assert_refused(code, err, "only one of --voucher, --voucher can read standard input")
    assert snapshot(cli_env) == before

    # Good answers on standard input are taken (an answers file was only ever read from a named file).
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(Path(study["good"]).read_bytes())))
    code, out, err = _cli(capsys, *consent, "--answers", "-")
    assert code == 0, err
    assert "recording permitted" in out


def test_the_fieldwork_command_reads_answers_from_standard_input(cli_env: DataDir, tmp_path: Path) -> None:
    """The real command, as a script pipes to it: screening answers on standard input; a deep file on
    standard input is one located line and the participant stays unscreened."""
    env = {**os.environ}

    def fw(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([*FW, *args], input=stdin, capture_output=True, env=env, timeout=120)

    added = fw("participant", "add", "--group", "mother", stdin=b"")
    assert added.returncode == 0, added.stderr
    m = added.stdout.decode().strip()
    deep = fw("participant", "screen", m, "--answers", "-", stdin=DEEP[0])
    _assert_refused(deep.returncode, deep.stderr.decode(),
                    "--answers (standard input), line 2, column 8", DEEP[1])  # fmt: skip
    listing = json.loads(fw("participant", "list", "--json", stdin=b"").stdout)
    assert [p["status"] for p in listing if p["id"] == m] == ["not_screened"]
    answers = eligible_answers_file(tmp_path, "mother").read_bytes()
    screened = fw("participant", "screen", m, "--answers", "-", stdin=answers)
    assert screened.returncode == 0, screened.stderr
    assert screened.stdout.decode().strip() == "eligible"
