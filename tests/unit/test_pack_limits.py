"""Whole-pack limits, control characters and the YAML hints: a hostile or mistyped pack is refused
quickly, at its file and line, and nothing from it reaches a terminal raw."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from fieldwork_app.cli.base import CliContext
from fieldwork_app.domain.text import terminal_safe
from fieldwork_app.studypack import example_pack_path, validate_pack
from fieldwork_app.studypack.loader import MAX_PACK_BYTES, _collect
from tests.unit.test_studypack_validation import FORM_MOTHER, edit, find, line_of

DISTRESS = "protocols/distress.yaml"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(example_pack_path(), target)
    return target


def big_document(path: Path, size: int) -> None:
    """A document file of ``size`` bytes (YAML comments, so parsing it would be slow, not wrong)."""
    line = "# " + "x" * 98 + "\n"
    path.write_text("kind: information_sheet\n" + line * (size // len(line)), encoding="utf-8")


def test_one_large_document_listed_hundreds_of_times_is_read_once_at_most(pack: Path) -> None:
    big_document(pack / "documents/big.yaml", 2 * 1024 * 1024 - 200)
    edit(pack, "pack.yaml", "documents:\n", "documents:\n" + "  - documents/big.yaml\n" * 250)
    _pack, issues, digests = _collect(pack)
    twice = [i for i in issues if "is already listed on line" in i.message]
    assert len(twice) == 249 and twice[0].file == "pack.yaml"
    assert twice[0].line == line_of(pack, "pack.yaml", "documents/big.yaml", nth=2)
    assert "documents/big.yaml" in digests  # read (and hashed) once, the other 498 never


def test_listed_files_over_the_whole_pack_limit_are_never_read(pack: Path) -> None:
    names = []
    for n in range(MAX_PACK_BYTES // (2 * 1024 * 1024) + 1):
        big_document(pack / f"documents/big-{n}.yaml", 2 * 1024 * 1024 - 200)
        names.append(f"  - documents/big-{n}.yaml\n")
    edit(pack, "pack.yaml", "documents:\n", "documents:\n" + "".join(names))
    _pack, issues, digests = _collect(pack)
    issue = find(issues, "pack.yaml", "a study pack may be at most 4 MiB in all")
    assert issue.line == 1 and "none of them was read" in issue.message
    assert list(digests) == ["pack.yaml"]


def test_too_many_documents_are_refused_before_reading(pack: Path) -> None:
    # The pack that listed one 2 MiB document 499 times: refused from its list alone.
    big_document(pack / "documents/big.yaml", 2 * 1024 * 1024 - 200)
    edit(pack, "pack.yaml", "documents:\n", "documents:\n" + "  - documents/big.yaml\n" * 499)
    _pack, issues, digests = _collect(pack)
    find(issues, "pack.yaml", "a study pack may have at most 300")
    assert not any(name.startswith("documents/") for name in digests)


def test_values_are_counted_across_all_files(pack: Path) -> None:
    for n in range(5):
        (pack / f"documents/list-{n}.yaml").write_text("- 1\n" * 15_000, encoding="utf-8")
        edit(pack, "pack.yaml", "documents:\n", f"documents:\n  - documents/list-{n}.yaml\n")
    issues = validate_pack(pack)
    assert len(issues) == 1, issues  # one problem, in the file that went over; nothing after it is read
    assert "more than 60,000 values between them" in issues[0].message
    assert issues[0].file.startswith("documents/list-")


@pytest.mark.parametrize(
    ("written", "named"),
    [('"I agree\\e[2J to take part."', "U+001B (ESC)"), ('"Bell\\a here"', "U+0007 (BEL)"),
     ("I agree \u202e.trap etadpu", "U+202E (a bidirectional text control)"),
     ('"I agree\\Lto take part."', "U+2028 (line separator)"), ('"I ag\\uFEFFree"', "U+FEFF (byte-order mark)")],
)  # fmt: skip
def test_control_characters_in_pack_text_are_refused_at_their_line(
    pack: Path, written: str, named: str
) -> None:
    edit(pack, FORM_MOTHER, "    text: I agree to take part.", f"    text: {written}")
    issue = find(validate_pack(pack), FORM_MOTHER, named)
    assert issue.line == line_of(pack, FORM_MOTHER, "text: " + written[:6])


def test_the_first_refused_character_in_the_file_is_reported(pack: Path) -> None:
    edit(pack, FORM_MOTHER, "    text: I agree to take part.", '    text: "first\\a"')
    earlier = '    text: "earlier\\e"\n    x: People from the sponsor'
    edit(pack, FORM_MOTHER, "    text: People from the sponsor", earlier)
    issues = [i for i in validate_pack(pack) if "U+00" in i.message]
    assert len(issues) == 1 and "U+001B (ESC)" in issues[0].message


def test_terminal_output_is_stripped_of_controls() -> None:
    out, err = io.StringIO(), io.StringIO()
    ctx = CliContext(out=out, err=err)
    ctx.say("M-001\tscreened \x1b[31mred\x1b[0m\a \u202eevil\rX")
    ctx.warn("fieldwork: \x9b2J bad")
    assert out.getvalue() == "M-001\tscreened [31mred[0m evilX\n"
    assert err.getvalue() == "fieldwork: 2J bad\n"
    assert terminal_safe("line one\nline two") == "line one\nline two"


def test_version_written_as_a_number_is_quoted_as_written(pack: Path) -> None:
    edit(pack, FORM_MOTHER, 'version: "1.1"', "version: 1.10")
    issue = find(validate_pack(pack), FORM_MOTHER, "must be text in quotes")
    assert 'write "1.10"' in issue.message and '"1.1"' not in issue.message


def test_unquoted_comma_inside_braces_gives_one_hint(pack: Path) -> None:
    edit(
        pack,
        DISTRESS,
        "{id: tearful, text: Tearful but composed}",
        "{id: tearful, text: Tearful, but composed}",
    )
    issues = [i for i in validate_pack(pack) if i.file == DISTRESS]
    assert len(issues) == 1, issues
    assert "comma" in issues[0].message and "quotes" in issues[0].message
    assert issues[0].line == line_of(pack, DISTRESS, "Tearful, but composed")


def test_log_lines_on_stderr_are_stripped_of_controls() -> None:
    import logging

    from fieldwork_app.log import _OneLine, _TerminalSafe

    record = logging.LogRecord(
        "x", logging.WARNING, __file__, 1, "pack \x1b]0;owned\x07 %s", ("\u202eok",), None
    )
    for fmt in (_OneLine("%(message)s"), _TerminalSafe("%(message)s")):
        assert fmt.format(record) == "pack ]0;owned ok"


def test_right_to_left_marks_stay_allowed(pack: Path) -> None:
    """Arabic, Hebrew or Persian text needs the bidi marks and the zero-width joiners; only controls that
    reorder or hide text are refused."""
    edit(
        pack,
        FORM_MOTHER,
        "    text: I agree to take part.",
        '    text: "\u0623\u0648\u0627\u0641\u0642\u200f (1)\u200c"',
    )
    assert validate_pack(pack) == []


def test_a_version_with_leading_zeros_is_refused(pack: Path) -> None:
    edit(pack, "pack.yaml", 'version: "1.1"', 'version: "01.1"')
    issue = find(validate_pack(pack), "pack.yaml", "'01.1' is not a version")
    assert issue.line == line_of(pack, "pack.yaml", '"01.1"')


def test_too_many_groups_are_refused_quickly(pack: Path) -> None:
    text = (pack / "pack.yaml").read_text(encoding="utf-8")
    extra = "".join(
        f"  - id: g{n}\n    label: Group {n}\n    id_pattern: G{n}-{{n:03d}}\n"
        "    session_formats: [interview]\n    location_kinds: [clinic]\n"
        for n in range(60)
    )
    (pack / "pack.yaml").write_text(text.replace("groups:\n", "groups:\n" + extra, 1), encoding="utf-8")
    issues = validate_pack(pack)
    assert any("at most 50" in i.message and i.file == "pack.yaml" for i in issues), issues
