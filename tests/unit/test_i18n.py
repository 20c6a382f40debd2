"""The command line's translations: the same catalogue as the GUI, read from the compiled .qm without Qt."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from fieldwork_app import i18n
from fieldwork_app.paths import resources_dir

TRANSLATIONS = resources_dir() / "translations"


def _ts_messages(name: str) -> dict[tuple[str, str], str]:
    out = {}
    for ctx in ET.parse(TRANSLATIONS / name).getroot().iter("context"):
        context = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            assert tr is not None
            forms = tr.findall("numerusform")
            out[(context, msg.findtext("source") or "")] = forms[0].text if forms else tr.text
    return out


def test_the_qm_reader_gives_every_translation_of_the_catalogue() -> None:
    expected = _ts_messages("fieldwork_en_XA.ts")
    got = i18n.read_qm((TRANSLATIONS / "fieldwork_en_XA.qm").read_bytes())
    assert len(expected) > 500
    assert got == expected


def test_a_damaged_catalogue_is_refused() -> None:
    with pytest.raises(ValueError):
        i18n.read_qm(b"not a translation file at all")


def test_language_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("FIELDWORK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    assert i18n.language() == ""
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert i18n.language() == "de_DE"
    assert i18n.language("en") == "en"  # the settings' choice beats the environment's locale
    monkeypatch.setenv("FIELDWORK_LANG", "en_XA")
    assert i18n.language("en") == "en_XA"
    assert i18n.catalogue_names("en_XA") == ["fieldwork_en_XA.qm", "fieldwork_en.qm"]


def _cli(lang: str | None, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FIELDWORK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "C.UTF-8"
    if lang:
        env["FIELDWORK_LANG"] = lang
    return subprocess.run([sys.executable, "-m", "fieldwork_app", *args], env=env, capture_output=True, text=True,
                          timeout=60)


def test_the_command_line_speaks_the_chosen_language() -> None:
    plain = _cli(None, "--no-such-option")
    assert plain.returncode == 2
    assert "(see 'fieldwork --help')" in plain.stderr
    pseudo = _cli("en_XA", "--no-such-option")
    assert pseudo.returncode == 2
    assert "(\u27e6šéé 'fieldwork --ĥéļþ'" in pseudo.stderr  # the command's name and option stay as typed
    helped = _cli("en_XA", "--help")
    assert "\u27e6Ƒîéļđŵöŕķ: éñçŕýþţéđ" in helped.stdout
    assert "Fieldwork: encrypted" in _cli("fr_FR", "--help").stdout  # no French catalogue: British English


def test_every_message_argparse_can_say_is_marked_for_the_catalogue() -> None:
    import argparse
    import ast
    import inspect

    from fieldwork_app.cli import argparse_words

    said = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
            said.update(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
    assert len(said) > 30
    assert said <= set(argparse_words.WORDS), sorted(said - set(argparse_words.WORDS))


def test_argparse_asks_the_catalogue_once_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from fieldwork_app.cli import argparse_words

    monkeypatch.setattr(argparse, "_", argparse._)  # type: ignore[attr-defined]  # put back afterwards
    monkeypatch.setattr(argparse, "ngettext", argparse.ngettext)  # type: ignore[attr-defined]
    monkeypatch.setenv(i18n.ENV_LANG, "en_XA")
    argparse_words.install()
    parser = argparse.ArgumentParser(prog="x")
    parser.add_argument("--n", nargs=2)
    text = parser.format_help()
    assert "usage:" not in text and "show this help message and exit" not in text
    assert i18n.translate("argparse", "expected %s arguments").startswith("\u27e6")


def test_every_store_secret_has_a_label_at_the_prompt() -> None:
    from fieldwork_app.cli.sync_cmds import _secret_label
    from fieldwork_app.sync.dmstore import SECRET_KINDS

    labels = {kind: _secret_label(kind) for kind in SECRET_KINDS}
    assert all(label and label != kind for kind, label in labels.items()), labels
