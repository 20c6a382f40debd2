"""Errors that say what to do next carry a code and parameters; the command line words the remedy with its
commands and options, and the core's own messages never name one (the desktop app words them itself:
tests/gui/test_error_texts.py)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import fieldwork_app
from fieldwork_app.cli.messages import advice, cli_text, wording
from fieldwork_app.errors import ErrorCode, FieldworkError

# A command-line option or a "fieldwork ..." command, as advice in a message would name them.
CLI_WORDS = re.compile(r"(?<![\w-])--[a-z]|'fieldwork [a-z]|\(fieldwork [a-z]")

# Every parameter any code carries, with a value for the wording tests.
PARAMS = {"name": "uni", "host": "dav.example.ac.uk", "store": "uni", "pack": "MOTM", "version": "1.0",
          "newest": "1.2", "new": "ab12", "old": "cd34", "folder": "/tmp/x", "file": "research.db",
          "takes": "R-1, R-2", "participant": "M-001", "sessions": "S-0001",
          "changes": "the study key would change from ab12 to cd34", "confirm": "--accept-study-key cd34",
          "text": "12ab", "path": "/tmp/dm-signing.key", "key": "ab12", "what": "study key", "language": "xx",
          "known": "en", "source": "answers.json", "form": "consent-mother", "session": "S-0001",
          "given": "'x'", "expected": "'y'", "doing": "taking consent", "problem": "a call first",
          "task": "T1", "parent": "/tmp", "found": "notes.txt", "days": "2",
          "group": "young-carer", "missing": "age_band, language", "linked_group": "young-carer",
          "agreement": "Interpreter's confidentiality agreement", "role": "guardian",
          "party": "a parent or guardian", "why": "", "statement": "O3", "statements": "X9",
          "unrecorded": "age_band", "declined": "1, 3", "unanswered": "4"}  # fmt: skip

# The modules scanned: the whole core, the data manager's store checks, unpack and reports included.
LAPTOP_CORE = ["services", "vault", "domain", "audio", "studypack", "sync", "analysis"]  # fmt: skip


def _laptop_core_files() -> list[Path]:
    root = Path(fieldwork_app.__file__).parent
    files: list[Path] = []
    for part in LAPTOP_CORE:
        p = root / part
        files += [p] if p.is_file() else sorted(p.rglob("*.py"))
    return files


def _made_errors(tree: ast.AST) -> list[ast.AST]:
    """What a module raises, every error it builds (``SomeError(...)``, ``InvalidInput(...)``) and every problem
    a store check reports (``Problem(...)``, ``.problem(...)``)."""
    out: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            out.append(node.exc)
        elif isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name.endswith(("Error", "Refused")) or name in (
                "InvalidInput", "NotFound", "Cancelled", "Problem", "problem"
            ):
                out.append(node)
    return out


def test_no_error_made_by_the_laptop_core_names_a_command_or_option() -> None:
    found = []
    for path in _laptop_core_files():
        for made in _made_errors(ast.parse(path.read_text(encoding="utf-8"))):
            for sub in ast.walk(made):
                if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and CLI_WORDS.search(sub.value):
                    found.append(f"{path.name}:{sub.lineno}: {sub.value[:70]}")
                elif isinstance(sub, ast.JoinedStr):  # an option named through a value: f"(--{role}-form)"
                    text = "".join(v.value if isinstance(v, ast.Constant) else "x" for v in sub.values)
                    if CLI_WORDS.search(text):
                        found.append(f"{path.name}:{sub.lineno}: {text[:70]}")
    assert not found, "\n".join(sorted(set(found)))


@pytest.mark.parametrize("code", list(ErrorCode), ids=lambda c: c.value)
def test_the_command_line_names_its_command_or_option_for_every_code(code: ErrorCode) -> None:
    exc = FieldworkError("what is wrong", code=code, params=PARAMS)
    text = cli_text(exc)
    assert (code in advice() and text.startswith("what is wrong")) or code in wording()
    assert CLI_WORDS.search(text), text
    assert "{" not in text  # every parameter filled in


def test_the_study_key_advice_is_said_by_the_command_line_only() -> None:
    exc = FieldworkError("the study pack has no study public key", code=ErrorCode.NO_STUDY_KEY)
    assert "--study-key study.pub" in cli_text(exc) and "--" not in exc.message
    plain = FieldworkError("a plain problem")
    assert cli_text(plain) == "a plain problem"


def test_a_store_report_names_the_command_lines_options_only_in_its_words() -> None:
    from fieldwork_app.cli.messages import report_words

    words = report_words()
    for text in (words.not_checked, words.any_device_verified, words.any_device_unpacked,
                 *words.problem_advice.values()):  # fmt: skip
        assert CLI_WORDS.search(text) or "--" in text, text
    assert set(words.problem_advice) == {"gap", "identity-in-research-store", "research-in-identity-store"}


def test_the_command_line_matches_a_laptops_bad_name_by_its_code_not_its_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldwork_app.cli.main import main
    from fieldwork_app.sync import dmstore
    from fieldwork_app.sync.keys import DeviceKey

    assert main(["study", "keygen", "--out", str(tmp_path / "keys")]) == 0
    fp = DeviceKey.generate().fingerprint()
    files = dmstore.TrustFiles(tmp_path / "keys/study.key")
    for name in ("", "x" * 81, "tab\there"):
        with pytest.raises(FieldworkError) as caught:
            dmstore.add_device(files, fp, name)
        assert caught.value.code is ErrorCode.BAD_DEVICE_NAME
    capsys.readouterr()
    assert main(["study", "devices", "add", fp, "--name", "x" * 81, "--key", str(tmp_path / "keys/study.key")]) == 1
    err = capsys.readouterr().err
    assert "--name is 1-80 printable characters" in err and "a laptop's name" not in err
    assert not files.list_path.exists()  # nothing written


def test_a_key_file_that_is_not_one_is_named_by_kind_in_the_command_lines_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    from fieldwork_app import i18n
    from fieldwork_app.paths import resources_dir
    from fieldwork_app.sync.dmkeys import load_dm_public_key, load_dm_signing_key

    bad = tmp_path / "dm-signing.key"
    bad.write_text("not a key\n")
    for load, kind in ((load_dm_signing_key, "signing-key"), (load_dm_public_key, "public-key")):
        with pytest.raises(FieldworkError) as caught:
            load(bad)
        assert caught.value.code is ErrorCode.NOT_A_KEY_FILE and caught.value.params["kind"] == kind
    assert "is this a data manager public key file" in cli_text(caught.value)
    if not (resources_dir() / "translations" / "fieldwork_en_XA.qm").is_file():
        pytest.skip("translations not compiled (python scripts/qtbuild.py build)")
    spec = importlib.util.spec_from_file_location("qtbuild", Path(__file__).parents[2] / "scripts" / "qtbuild.py")
    assert spec is not None and spec.loader is not None
    qtbuild = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(qtbuild)
    monkeypatch.setenv(i18n.ENV_LANG, "en_XA")
    said = cli_text(caught.value)
    assert qtbuild.pseudo("data manager public key") in said and "data manager public key" not in said
