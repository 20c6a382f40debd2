"""The command modules speak through the catalogue: with the pseudo-locale (``en_XA``) every help text of every
command and option, and what real commands print, comes out pseudo-translated (inside ⟦ ⟧)."""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldwork_app import i18n
from fieldwork_app.cli.main import build_parser
from fieldwork_app.paths import DataDir, resources_dir
from tests.integration.test_cli_format2 import _cli_study, _screened
from tests.integration.test_cli_format2 import run as run_in
from tests.support.people import eligible_answers_file

PSEUDO_OPEN = "\u27e6"
FW = [sys.executable, "-m", "fieldwork_app"]
ROOT = Path(__file__).resolve().parents[2]


def _pseudo_of(text: str) -> str:
    """The pseudo-locale's text for a source text, as ``qtbuild update-ts`` writes it into the catalogue."""
    spec = importlib.util.spec_from_file_location("fieldwork_qtbuild", ROOT / "scripts" / "qtbuild.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.pseudo(text))

pytestmark = pytest.mark.skipif(
    not (resources_dir() / "translations" / "fieldwork_en_XA.qm").is_file(),
    reason="translations not compiled (python scripts/qtbuild.py build)",
)


def _parsers(parser: argparse.ArgumentParser, path: str) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _parsers(child, f"{path} {name}")


# argparse's own words, as it says them in British English
ARGPARSE_ENGLISH = ("usage:", "options:", "positional arguments:", "show this help message and exit")


def _untranslated(parser: argparse.ArgumentParser, path: str) -> list[str]:
    found = []
    for action in parser._actions:
        if action.help in (None, argparse.SUPPRESS):
            continue
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:  # each subcommand's line in the list of commands
                if choice.help and not choice.help.startswith(PSEUDO_OPEN):
                    found.append(f"{path} {choice.dest}: {choice.help}")
            continue
        if not str(action.help).startswith(PSEUDO_OPEN):  # -h/--help and --version too
            found.append(f"{path} {'/'.join(action.option_strings) or action.dest}: {action.help}")
    text = parser.format_help()
    found += [f"{path}: argparse's {word!r}" for word in ARGPARSE_ENGLISH if word in text]
    return found


def test_every_command_and_option_help_is_in_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.ENV_LANG, "en_XA")
    parsers = list(_parsers(build_parser(), "fieldwork"))
    assert len(parsers) > 60  # every command and subcommand
    missing = [line for path, p in parsers for line in _untranslated(p, path)]
    assert not missing, "help texts not in the catalogue:\n" + "\n".join(missing)
    monkeypatch.delenv(i18n.ENV_LANG)
    english = dict(_parsers(build_parser(), "fieldwork"))["fieldwork participant add"]
    assert "id of the participant this one is linked to" in english.format_help()  # the source text as it was


def _run(*args: str, lang: str = "en_XA", ok: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update({"LANG": "C.UTF-8", i18n.ENV_LANG: lang})
    proc = subprocess.run([*FW, *args], capture_output=True, text=True, env=env, timeout=120,
                          stdin=subprocess.DEVNULL)  # no terminal: a prompt is refused with its label
    if ok:
        assert proc.returncode == 0, f"{args}: {proc.stderr}"
    return proc


def _pseudo(line: str) -> bool:
    return PSEUDO_OPEN in line


def test_help_of_a_command_shows_the_pseudo_locale() -> None:
    out = " ".join(_run("session", "--help").stdout.split())  # argparse wraps the lines
    assert " ".join(_pseudo_of("save the session's close-out: wellbeing check, support list, voucher").split()) in out
    out = " ".join(_run("session", "closeout", "--help").stdout.split())
    assert " ".join(_pseudo_of("how the participant was at the end (the wellbeing check)").split()) in out
    assert "how the participant was at the end" not in out


def test_real_commands_print_through_the_catalogue(cli_env: DataDir, tmp_path: Path) -> None:
    pid = _run("participant", "add", "--group", "mother").stdout.strip()
    assert pid == "M-001"  # data stays as it is
    screened = _run("participant", "screen", pid, "--answers", str(eligible_answers_file(tmp_path, "mother")))
    assert screened.stdout.strip() == _pseudo_of("eligible")
    session = _run("session", "new", "--participant", pid, "--format", "interview").stdout.strip()
    checklist = _run("session", "checklist", session).stdout.splitlines()
    assert checklist[-1] == _pseudo_of("not ready"), checklist
    assert _run("store", "list").stdout.strip() == _pseudo_of("No stores yet: fieldwork store add NAME URL")
    backup = tmp_path / "backup.tar"
    lines = _run("vault", "backup", "--out", str(backup)).stdout.splitlines()
    assert lines and all(_pseudo(ln) for ln in lines), lines
    assert "Backup written" not in "\n".join(lines)
    withdrawn = _run("participant", "withdraw", pid, "--scope", "no_further_contact", "--date", "2026-01-01")
    assert withdrawn.stdout.splitlines() and all(_pseudo(ln) for ln in withdrawn.stdout.splitlines()), withdrawn
    wrong = _run("participant", "attributes", pid, "--set", "no-equals-sign", ok=False)
    expected = _pseudo_of("'{value}' is not NAME=VALUE (e.g. age_band=16-17)").format(value="no-equals-sign")
    assert wrong.returncode != 0 and expected in wrong.stderr, wrong.stderr
    english = _run("participant", "attributes", pid, "--set", "no-equals-sign", lang="en", ok=False)
    assert "'no-equals-sign' is not NAME=VALUE (e.g. age_band=16-17)" in english.stderr


def test_argparse_says_its_own_words_through_the_catalogue() -> None:
    helped = _run("session", "--help").stdout
    assert not [w for w in ARGPARSE_ENGLISH if w in helped], helped
    assert _pseudo_of("usage: ") in helped and _pseudo_of("show this help message and exit")[:20] in helped
    missing = _run("participant", "add", ok=False)
    assert missing.returncode == 2
    assert _pseudo_of("the following arguments are required: %s").replace("%s", "--group") in missing.stderr
    assert "the following arguments are required" not in missing.stderr
    unknown = _run("participant", "add", "--group", "mother", "--colour", "red", ok=False)
    assert _pseudo_of("unrecognized arguments: %s").replace("%s", "--colour red") in unknown.stderr
    choice = _run("passphrase", "forget", ok=False)
    assert "invalid choice" not in choice.stderr and _pseudo_of("invalid choice: %(value)r (choose from %(choices)s)")[
        :12
    ] in choice.stderr
    english = _run("participant", "add", lang="en", ok=False)
    assert "the following arguments are required: --group" in english.stderr


def test_the_words_put_into_sentences_are_in_the_catalogue(tmp_path: Path) -> None:
    screened = _run("participant", "screen", "M-001", "--answers", str(tmp_path / "none.json"), ok=False)
    assert "screening answers" not in screened.stderr and _pseudo_of("screening answers") in screened.stderr
    reset = _run("--data-dir", str(tmp_path / "d"), "--user", "alice", "passphrase", "reset", ok=False)
    assert "recovery key" not in reset.stderr and _pseudo_of("recovery key") in reset.stderr
    keys = tmp_path / "keys"
    keys.mkdir()
    (keys / "study.pub").write_text("age1notakey\n")  # half a pair: named, nothing written
    keygen = _run("study", "keygen", "--out", str(keys), ok=False)
    assert "study key pair" not in keygen.stderr and _pseudo_of("study key") in keygen.stderr
    assert not (keys / "study.key").exists()


def test_the_transcription_progress_line_is_in_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from fieldwork_app.analysis.transcribe import TakeProgress
    from fieldwork_app.cli.analysis_cmds import _Progress

    for lang, expected in (
        ("en", "  0% overall; take 1 of 2 (M-001 S-0001 interview-take-1): 40%\n"),
        ("en_XA", _pseudo_of("{pct}% overall; take {index} of {count} ({take}): {percent}%").format(
            pct="  0", index=1, count=2, take="M-001 S-0001 interview-take-1", percent=40) + "\n"),
    ):  # fmt: skip
        monkeypatch.setenv(i18n.ENV_LANG, lang)
        err = io.StringIO()
        progress = _Progress(err, quiet=False)
        progress(0, 10, "take 1 of 2 (M-001 S-0001 interview-take-1): 40%")
        progress.take(TakeProgress(1, 2, "M-001 S-0001 interview-take-1", 40))
        assert err.getvalue() == expected


def test_whom_a_statement_is_for_is_worded_in_the_command_lines_language(tmp_path: Path) -> None:
    """In the pseudo-locale, the answers file, the verbal script and the refusal of an answer to a statement
    that does not apply join the conditions with the catalogue's words; the pack's own labels stay as written."""
    env, attrs = _cli_study(tmp_path)
    pid = _screened(tmp_path, env, "young-carer", "--attr", "age_band=18-24", *attrs)
    sid = run_in("session", "new", "--participant", pid, "--format", "interview", "--location", "video",
                 env=env).stdout.strip()  # fmt: skip
    env = {**env, i18n.ENV_LANG: "en_XA"}
    age = _pseudo_of("{attribute} is {values}").format(attribute="Age band at consent", values="16 or 17")
    o2 = _pseudo_of("statement {statement} is answered {answer}").format(statement="O2", answer=_pseudo_of("yes"))
    tpl = json.loads(run_in("consent", "template", "--session", sid, "--participant", pid, env=env).stdout)
    assert tpl["not_applicable"] == {"5": _pseudo_of("applies only where {conditions}").format(conditions=age)}
    assert tpl["asked_only_if"] == {"O3": o2}
    script = run_in("consent", "script", "--session", sid, "--participant", pid, env=env).stdout.splitlines()
    not_asked = _pseudo_of("{id}. not asked: does not apply to {participant} (only where {why})")
    assert not_asked.format(id="5", participant=pid, why=age) in script
    ask_if = _pseudo_of("{id}. (ask only where {why}) {text}").split("{text}")[0].format(id="O3", why=o2)
    assert any(line.startswith(ask_if) for line in script), script
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({**tpl, "answers": {**dict.fromkeys(tpl["answers"], True), "5": True}}))
    refused = run_in("consent", "record", "--session", sid, "--participant", pid, "--mode", "paper", "--answers",
                     str(answers), env=env, ok=False)  # fmt: skip
    said = _pseudo_of(
        "{source}: answers.{statement}: statement {statement} does not apply to this participant (it applies "
        "only where {why}); it is not asked, so leave it null or \"not_applicable\" ('fieldwork consent "
        "template' lists it under \"not_applicable\"). Nothing was recorded"
    ).format(source=f"--answers {answers}", statement="5", why=age)
    assert refused.returncode != 0 and said in refused.stderr, refused.stderr
    worded = [line for line in script if line.startswith(("5.", "O3."))]
    for text in (*tpl["not_applicable"].values(), *tpl["asked_only_if"].values(), refused.stderr, *worded):
        assert not {"only", "where", "is", "answered", "applies", "yes"} & set(text.split()), text


def test_why_a_consent_is_not_recorded_is_worded_in_the_command_lines_language(tmp_path: Path) -> None:
    """In the pseudo-locale, a party the protocol asks for and nobody named, and answers that decline a required
    statement, are said with the catalogue's words from the core's facts; the pack's own words (the form's
    title, statement ids) stay as written."""
    from datetime import date, timedelta

    env, attrs = _cli_study(tmp_path)
    pid = _screened(tmp_path, env, "young-carer", "--attr", "age_band=16-17", *attrs)
    sid = run_in("session", "new", "--participant", pid, "--format", "interview", "--location", "youth-centre",
                 "--start", date.today().isoformat() + "T10:00", env=env).stdout.strip()  # fmt: skip
    run_in("participant", "task-done", pid, "parent-notified", "--date", (date.today() - timedelta(days=2)).isoformat(),
           env=env)  # fmt: skip
    env = {**env, i18n.ENV_LANG: "en_XA"}
    tpl = json.loads(run_in("consent", "template", "--session", sid, "--participant", pid, env=env).stdout)
    answers = tmp_path / "answers.json"
    record = ("consent", "record", "--session", sid, "--participant", pid, "--mode", "paper", "--answers",
              str(answers))  # fmt: skip

    answers.write_text(json.dumps({**tpl, "answers": dict.fromkeys(tpl["answers"], True)}), encoding="utf-8")
    refused = run_in(*record, env=env, ok=False)
    party = _pseudo_of("{party} ('{form}')").format(
        party=_pseudo_of("a parent or guardian"), form="Agreement of a parent or guardian (young person aged 16 or 17)"
    )
    said = _pseudo_of(
        "consent not recorded: the study's protocol asks for {party} at {participant}'s consent{why}; record "
        "who it was (--{role} alone to be asked for the name, or the name in --names FILE)"
    ).format(party=party, participant=pid, why="", role="guardian")
    assert refused.returncode != 0 and said in refused.stderr, refused.stderr
    assert refused.stderr.count("a parent or guardian") == 1 and "asks for" not in refused.stderr  # the title only

    no = {k: None if k in tpl["asked_only_if"] else False for k in tpl["answers"]}  # asked only after a yes: none
    answers.write_text(json.dumps({**tpl, "answers": no}), encoding="utf-8")
    declined = run_in(*record, env=env, ok=False)
    not_affirmed = _pseudo_of("required statement(s) not affirmed: {statements}").split("{statements}")[0]
    head = _pseudo_of(
        "consent not recorded: {refusal} (statement ids as 'fieldwork consent template' lists them)"
    ).split("{refusal}")[0]
    assert declined.returncode != 0 and head + not_affirmed in declined.stderr, declined.stderr
    assert "not affirmed" not in declined.stderr and "consent not recorded" not in declined.stderr


def test_a_guardians_form_not_confirmed_is_worded_in_the_command_lines_language(tmp_path: Path) -> None:
    """In the pseudo-locale, the guardian's own form not confirmed completed is said with the catalogue's words
    from the core's facts (who completes it, its title, the participant), naming the command line's option."""
    from datetime import date, timedelta

    env, attrs = _cli_study(tmp_path)
    pid = _screened(tmp_path, env, "young-carer", "--attr", "age_band=16-17", *attrs)
    sid = run_in("session", "new", "--participant", pid, "--format", "interview", "--location", "youth-centre",
                 "--start", date.today().isoformat() + "T10:00", env=env).stdout.strip()  # fmt: skip
    run_in("participant", "task-done", pid, "parent-notified", "--date", (date.today() - timedelta(days=2)).isoformat(),
           env=env)  # fmt: skip
    env = {**env, i18n.ENV_LANG: "en_XA"}
    tpl = json.loads(run_in("consent", "template", "--session", sid, "--participant", pid, env=env).stdout)
    answers, names = tmp_path / "answers.json", tmp_path / "names.json"
    answers.write_text(json.dumps({**tpl, "answers": dict.fromkeys(tpl["answers"], True)}), encoding="utf-8")
    names.write_text(json.dumps({"guardian": "Gail Guardian"}), encoding="utf-8")
    refused = run_in("consent", "record", "--session", sid, "--participant", pid, "--mode", "paper", "--answers",
                     str(answers), "--names", str(names), env=env, ok=False)  # fmt: skip
    said = _pseudo_of(
        "consent not recorded: {party} completes '{form}' with {participant}'s consent; confirm it is completed "
        "(--{role}-form)"
    ).format(party=_pseudo_of("a parent or guardian"), participant=pid, role="guardian",
             form="Agreement of a parent or guardian (young person aged 16 or 17)")  # fmt: skip
    assert refused.returncode != 0 and said in refused.stderr, refused.stderr
    assert "confirm it is completed" not in refused.stderr and "Gail" not in refused.stderr
