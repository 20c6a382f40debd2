"""Whole-pack rules that keep consent meaningful whatever a pack's author writes: a translated or easy-read
form asks what its main form asks, every participant's form has an agreement to take part that applies to
everyone, and a condition that could never hold or never be known is refused where it is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fieldwork_app.paths import resources_dir
from fieldwork_app.studypack import validate_pack
from tests.unit.test_studypack_validation import edit, find, line_of

YC = "documents/consent-young-carer-1.0.yaml"
PL = "documents/consent-young-carer-pl-1.0.yaml"
PARENT = "documents/consent-parent-1.0.yaml"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    target = tmp_path / "caring-lives"
    shutil.copytree(resources_dir() / "packs" / "caring-lives", target)
    assert validate_pack(target) == []
    return target


def test_a_variant_cannot_make_required_statements_optional(pack: Path) -> None:
    text = (pack / PL).read_text(encoding="utf-8")
    (pack / PL).write_text(text.replace("required: true", "required: false"), encoding="utf-8")
    issues = validate_pack(pack)
    issue = find(issues, PL, "statement '2' keeps 'required'")
    assert issue.line == line_of(pack, PL, "required: false", nth=2)


def test_a_variant_keeps_conditions_roles_and_answers(pack: Path) -> None:
    edit(pack, PL, "    role: recording\n", "    role: quotes\n")
    edit(pack, PL, 'values: ["16-17"]', 'values: ["18-24"]')
    issues = validate_pack(pack)
    find(issues, PL, "statement '3' keeps 'role'")
    find(issues, PL, "statement '5' keeps 'applies_when'")


def test_a_variant_cannot_reach_more_groups_or_modes(pack: Path) -> None:
    edit(pack, PL, "modes: [written, paper, attested]", "modes: [written, paper, attested, recorded]")
    edit(pack, PL, "groups: [young-carer]", "groups: [young-carer, parent]")
    issues = validate_pack(pack)
    assert find(issues, PL, "'modes' are among those").line == line_of(pack, PL, "modes:")
    find(issues, PL, "'groups' are among those")


def test_a_form_needs_an_agreement_to_take_part_for_everyone(pack: Path) -> None:
    text = (pack / PARENT).read_text(encoding="utf-8")
    (pack / PARENT).write_text(text.replace("required: true", "required: false"), encoding="utf-8")
    find(validate_pack(pack), PARENT, "needs a required statement with role 'participation'")


def test_a_condition_that_could_never_hold_is_refused(pack: Path) -> None:
    edit(pack, YC, 'values: ["16-17"]}', 'values: ["16-17"]}\n      - {groups: [staff]}')
    issue = find(validate_pack(pack), YC, "could never hold")
    assert issue.line == line_of(pack, YC, "groups: [staff]")


def test_a_condition_on_an_attribute_never_asked_is_refused(pack: Path) -> None:
    edit(
        pack,
        PARENT,
        "    role: quotes\n",
        '    role: quotes\n    applies_when:\n      - {attribute: age_band, values: ["16-17"]}\n',
    )
    issue = find(validate_pack(pack), PARENT, "could never be known")
    assert issue.line == line_of(pack, PARENT, "attribute: age_band")


def test_the_information_sheet_statement_applies_to_everyone(pack: Path) -> None:
    edit(
        pack,
        YC,
        "    role: information_sheet\n",
        '    role: information_sheet\n    applies_when:\n      - {attribute: age_band, values: ["16-17"]}\n',
    )
    find(validate_pack(pack), YC, "confirming the information sheet applies to everyone")
