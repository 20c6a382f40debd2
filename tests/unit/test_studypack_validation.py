"""Every kind of pack error is reported at the right file, line and key, and nothing crashes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from fieldwork_app.errors import ErrorKind, PackError
from fieldwork_app.studypack import (
    PackIssue,
    PackValidationError,
    example_pack_path,
    load_pack,
    validate_pack,
)

PIS_FAMILY = "documents/pis-family-1.0.yaml"
FORM_FAMILY = "documents/consent-family-interview-1.0.yaml"
FORM_MOTHER = "documents/consent-mother-interview-1.1.yaml"
GUIDE_MOTHER = "documents/guide-mother-1.0.yaml"
SCRIPT = "documents/verbal-consent-mother-1.1.yaml"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(example_pack_path(), target)
    return target


def edit(pack: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = pack / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(pack: Path, rel: str, needle: str, nth: int = 1) -> int:
    """The line of the ``nth`` line containing ``needle``."""
    for number, line in enumerate((pack / rel).read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            nth -= 1
            if nth == 0:
                return number
    raise AssertionError(f"{needle!r} not in {rel}")


def add_document(pack: Path, rel: str) -> None:
    edit(pack, "pack.yaml", "documents:\n", f"documents:\n  - {rel}\n")


def find(issues: list[PackIssue], file: str, fragment: str) -> PackIssue:
    matches = [i for i in issues if i.file == file and fragment in i.message]
    assert matches, f"no issue in {file} mentioning {fragment!r}; got:\n" + "\n".join(map(str, issues))
    return matches[0]


def test_example_pack_is_valid() -> None:
    assert validate_pack(example_pack_path()) == []
    assert validate_pack(example_pack_path() / "pack.yaml") == []


def test_yaml_syntax_error_has_its_line(pack: Path) -> None:
    edit(pack, GUIDE_MOTHER, "title: Background", "title: [Background")
    issue = find(validate_pack(pack), GUIDE_MOTHER, "YAML syntax error")
    assert issue.line is not None and issue.line >= line_of(pack, GUIDE_MOTHER, "title: [Background")


def test_unknown_key_suggests_the_intended_one(pack: Path) -> None:
    edit(pack, FORM_FAMILY, "    required: false", "    requird: false")
    issue = find(validate_pack(pack), FORM_FAMILY, "unknown key 'requird'")
    assert "did you mean 'required'" in issue.message
    assert issue.line == line_of(pack, FORM_FAMILY, "requird")
    assert issue.key_path == "statements[8].requird"


def test_unknown_key_in_pack_yaml(pack: Path) -> None:
    edit(pack, "pack.yaml", "  sponsor: King's", "  sponser: King's")
    issue = find(validate_pack(pack), "pack.yaml", "unknown key 'sponser'")
    assert "did you mean 'sponsor'" in issue.message
    assert issue.line == line_of(pack, "pack.yaml", "sponser")
    missing = find(validate_pack(pack), "pack.yaml", "required key 'sponsor' is missing")
    assert missing.key_path == "study.sponsor"
    assert missing.line == line_of(pack, "pack.yaml", "study:")


def test_missing_required_field(pack: Path) -> None:
    edit(
        pack,
        GUIDE_MOTHER,
        "    aim: Understand what mental health support she received and how it felt.\n",
        "",
    )
    issue = find(validate_pack(pack), GUIDE_MOTHER, "required key 'aim' is missing")
    assert issue.key_path == "sections[1].aim"
    assert issue.line == line_of(pack, GUIDE_MOTHER, "- id: B")


def test_wrong_type(pack: Path) -> None:
    edit(pack, GUIDE_MOTHER, "minutes: 20", "minutes: twenty")
    issue = find(validate_pack(pack), GUIDE_MOTHER, "must be a whole number")
    assert issue.line == line_of(pack, GUIDE_MOTHER, "minutes: twenty")
    assert issue.key_path == "sections[1].minutes"


def test_list_expected(pack: Path) -> None:
    edit(pack, PIS_FAMILY, "groups: [family]", "groups: family")
    issue = find(validate_pack(pack), PIS_FAMILY, "must be a list")
    assert issue.line == line_of(pack, PIS_FAMILY, "groups: family")


def test_unquoted_version_asks_for_quotes(pack: Path) -> None:
    edit(pack, PIS_FAMILY, 'version: "1.0"', "version: 1.0")
    issue = find(validate_pack(pack), PIS_FAMILY, "quotes")
    assert issue.line == line_of(pack, PIS_FAMILY, "version: 1.0")
    assert str(issue).startswith(f"{PIS_FAMILY}:{issue.line}: version: ")


def test_bad_version(pack: Path) -> None:
    edit(pack, PIS_FAMILY, 'version: "1.0"', 'version: "1.x"')
    issue = find(validate_pack(pack), PIS_FAMILY, "not a version")
    assert issue.line == line_of(pack, PIS_FAMILY, "version:")


@pytest.mark.parametrize("bad", ["2024-02-30", "31/01/2029", "yesterday"])
def test_bad_date(pack: Path, bad: str) -> None:
    edit(pack, "pack.yaml", "end_date: 2029-01-31", f"end_date: {bad}")
    issue = find(validate_pack(pack), "pack.yaml", "date")
    assert issue.key_path == "study.end_date"
    assert issue.line == line_of(pack, "pack.yaml", "end_date:")


def test_in_use_without_approval(pack: Path) -> None:
    edit(pack, PIS_FAMILY, "approval:\n  reference: 24/SC/0259\n  date: 2024-08-19\n", "")
    issue = find(validate_pack(pack), PIS_FAMILY, "needs an approval")
    assert issue.key_path == "status"
    assert issue.line == line_of(pack, PIS_FAMILY, "status: in_use")


def test_approval_needs_reference_and_date(pack: Path) -> None:
    edit(pack, PIS_FAMILY, "  reference: 24/SC/0259\n", "")
    issue = find(validate_pack(pack), PIS_FAMILY, "required key 'reference' is missing")
    assert issue.key_path == "approval.reference"


def test_two_versions_in_use(pack: Path) -> None:
    rel = "documents/pis-mother-1.0.yaml"
    edit(pack, rel, "status: superseded", "status: in_use")
    issue = find(validate_pack(pack), "documents/pis-mother-1.1.yaml", "both in use")
    assert "1.0" in issue.message and "superseded" in issue.message
    assert issue.line == line_of(pack, "documents/pis-mother-1.1.yaml", "status:")


def test_id_pattern_without_number(pack: Path) -> None:
    edit(pack, "pack.yaml", "id_pattern: P-{n:03d}", "id_pattern: P-001")
    issue = find(validate_pack(pack), "pack.yaml", "number field")
    assert issue.key_path == "groups[2].id_pattern"
    assert issue.line == line_of(pack, "pack.yaml", "id_pattern: P-001")


@pytest.mark.parametrize("pattern", ["P-{x}", "P-{n:0999999999d}", "P-{n", "P {n}"])
def test_bad_id_patterns(pack: Path, pattern: str) -> None:
    edit(pack, "pack.yaml", "id_pattern: P-{n:03d}", f'id_pattern: "{pattern}"')
    issue = find(validate_pack(pack), "pack.yaml", "id pattern")
    assert issue.key_path == "groups[2].id_pattern"


def test_consent_form_without_recording_statement(pack: Path) -> None:
    edit(pack, FORM_FAMILY, "    role: recording\n", "")
    issue = find(validate_pack(pack), FORM_FAMILY, "role 'recording'")
    assert issue.key_path == "statements"
    assert issue.line == line_of(pack, FORM_FAMILY, "statements:")


def test_group_without_audio_needs_no_recording_statement(pack: Path) -> None:
    edit(pack, FORM_FAMILY, "    role: recording\n", "")
    edit(pack, "pack.yaml", "    linked_to: mother\n", "    linked_to: mother\n    records_audio: false\n")
    assert validate_pack(pack) == []


def test_optional_recording_statement_is_not_enough(pack: Path) -> None:
    edit(
        pack,
        FORM_FAMILY,
        "    role: recording\n    required: true",
        "    role: recording\n    required: false",
    )
    find(validate_pack(pack), FORM_FAMILY, "role 'recording'")


def test_duplicate_ids(pack: Path) -> None:
    edit(pack, FORM_FAMILY, '  - id: "5"', '  - id: "4"')
    edit(pack, GUIDE_MOTHER, "      - id: B2", "      - id: A1")
    edit(pack, GUIDE_MOTHER, "  - id: C\n", "  - id: B\n")
    edit(pack, "protocols/signposting.yaml", "  - id: mind", "  - id: samaritans")
    edit(pack, "pack.yaml", "  - id: practitioner", "  - id: family")
    issues = validate_pack(pack)
    statement = find(issues, FORM_FAMILY, "duplicate statement id '4'")
    # The first use is named by its line in the same file, as a researcher looks for it.
    first = line_of(pack, FORM_FAMILY, '  - id: "4"')
    assert statement.key_path == "statements[4].id" and f"already used at line {first}" in statement.message
    assert statement.line == line_of(pack, FORM_FAMILY, '  - id: "4"', nth=2)
    question = find(issues, GUIDE_MOTHER, "duplicate question id 'A1'")
    assert question.key_path == "sections[1].questions[1].id"
    find(issues, GUIDE_MOTHER, "duplicate section id 'B'")
    entry = find(issues, "protocols/signposting.yaml", "duplicate signposting entry id 'samaritans'")
    assert entry.line == line_of(pack, "protocols/signposting.yaml", "  - id: samaritans", nth=2)
    group = find(issues, "pack.yaml", "duplicate group id 'family'")
    assert group.key_path == "groups[2].id"
    assert group.line == line_of(pack, "pack.yaml", "  - id: family", nth=2)


def test_duplicate_document_version(pack: Path) -> None:
    shutil.copy(pack / PIS_FAMILY, pack / "documents/pis-family-copy.yaml")
    add_document(pack, "documents/pis-family-copy.yaml")
    issues = validate_pack(pack)
    issue = find(issues, PIS_FAMILY, "version 1.0 is already in documents/pis-family-copy.yaml")
    assert issue.line == line_of(pack, PIS_FAMILY, "version:")
    find(issues, PIS_FAMILY, "in use")


def test_second_document_of_a_kind_in_use(pack: Path) -> None:
    shutil.copy(pack / PIS_FAMILY, pack / "documents/pis-family-other.yaml")
    edit(pack, "documents/pis-family-other.yaml", "id: pis-family", "id: pis-family-other")
    add_document(pack, "documents/pis-family-other.yaml")
    issue = find(validate_pack(pack), PIS_FAMILY, "only one may be in use")
    assert "pis-family-other" in issue.message


def test_broken_references(pack: Path) -> None:
    edit(pack, FORM_FAMILY, "information_sheet: pis-family", "information_sheet: pis-nobody")
    edit(pack, SCRIPT, "consent_form: consent-mother-interview", "consent_form: consent-gone")
    edit(pack, GUIDE_MOTHER, "groups: [mother]", "groups: [mothers]")
    edit(pack, "pack.yaml", "linked_to: mother", "linked_to: mum")
    edit(pack, "protocols/signposting.yaml", "groups: [mother, family]", "groups: [mother, famly]")
    issues = validate_pack(pack)
    sheet = find(issues, FORM_FAMILY, "no information sheet with id 'pis-nobody'")
    assert sheet.line == line_of(pack, FORM_FAMILY, "information_sheet: pis-nobody")
    script = find(issues, SCRIPT, "no consent form 'consent-gone'")
    assert script.key_path == "consent_form"
    group = find(issues, GUIDE_MOTHER, "unknown group 'mothers'")
    assert group.key_path == "groups[0]" and group.line == line_of(pack, GUIDE_MOTHER, "groups:")
    link = find(issues, "pack.yaml", "links to group 'mum'")
    assert link.line == line_of(pack, "pack.yaml", "linked_to: mum")
    find(issues, "protocols/signposting.yaml", "unknown group 'famly'")


def test_pinned_versions_must_exist(pack: Path) -> None:
    edit(pack, FORM_FAMILY, 'information_sheet_version: "1.0"', 'information_sheet_version: "9.9"')
    edit(pack, SCRIPT, 'consent_form_version: "1.1"', 'consent_form_version: "4.0"')
    issues = validate_pack(pack)
    find(issues, FORM_FAMILY, "has no version 9.9")
    find(issues, SCRIPT, "no consent form 'consent-mother-interview' version 4.0")


def test_in_use_form_with_superseded_sheet(pack: Path) -> None:
    edit(pack, FORM_MOTHER, 'information_sheet_version: "1.1"', 'information_sheet_version: "1.0"')
    find(validate_pack(pack), FORM_MOTHER, "version 1.0 is not in use")


def test_script_prompts_match_the_form(pack: Path) -> None:
    edit(pack, SCRIPT, '  - statement: "5"', '  - statement: "55"')
    issues = validate_pack(pack)
    find(issues, SCRIPT, "has no statement '55'")
    find(issues, SCRIPT, "no prompt for statement(s) 5")


def test_document_session_format_not_allowed_for_group(pack: Path) -> None:
    edit(pack, GUIDE_MOTHER, "session_formats: [interview]", "session_formats: [interview, focus_group]")
    issues = validate_pack(pack)
    find(issues, GUIDE_MOTHER, "group 'mother' does not have 'focus_group' sessions")
    find(issues, GUIDE_MOTHER, "ground_rules")


def test_unknown_document_kind(pack: Path) -> None:
    edit(pack, PIS_FAMILY, "kind: information_sheet", "kind: leaflet")
    issue = find(validate_pack(pack), PIS_FAMILY, "'kind' must be one of")
    assert issue.line == line_of(pack, PIS_FAMILY, "kind: leaflet")


def test_missing_document_file(pack: Path) -> None:
    add_document(pack, "documents/not-there.yaml")
    issue = find(validate_pack(pack), "pack.yaml", "'documents/not-there.yaml' is missing")
    assert issue.key_path == "documents[0]"
    assert issue.line == line_of(pack, "pack.yaml", "not-there.yaml")


def test_missing_protocol_file_reports_only_that(pack: Path) -> None:
    (pack / "protocols/lone-working.yaml").unlink()
    issues = validate_pack(pack)
    assert [i.key_path for i in issues] == ["lone_working"]
    assert issues[0].line == line_of(pack, "pack.yaml", "lone_working:")


def test_symlink_outside_the_pack(pack: Path, tmp_path: Path) -> None:
    secret = tmp_path / "outside.yaml"
    secret.write_text("kind: information_sheet\n", encoding="utf-8")
    os.symlink(secret, pack / "documents/evil.yaml")
    add_document(pack, "documents/evil.yaml")
    add_document(pack, "../outside.yaml")
    issues = [i for i in validate_pack(pack) if "outside the pack" in i.message]
    assert {i.key_path for i in issues} == {"documents[0]", "documents[1]"}


def test_symlink_inside_the_pack_is_fine(pack: Path) -> None:
    (pack / PIS_FAMILY).rename(pack / "documents/real.yaml")
    os.symlink(pack / "documents/real.yaml", pack / PIS_FAMILY)
    assert validate_pack(pack) == []


def test_aliases_and_anchors_are_refused(pack: Path) -> None:
    edit(pack, "pack.yaml", "  sponsor: King's College London", "  sponsor: &who King's College London")
    issue = find(validate_pack(pack), "pack.yaml", "anchors")
    assert issue.line == line_of(pack, "pack.yaml", "&who")


def test_merge_keys_are_refused(pack: Path) -> None:
    """``<<`` would fold keys into a statement past the repeated-key check (a condition slipped in beside
    ``required: true``); packs write every key where it applies."""
    edit(
        pack,
        FORM_MOTHER,
        "    text: Short anonymised quotes",
        "    <<: {required: false}\n    text: Short anonymised quotes",
    )
    issue = find(validate_pack(pack), FORM_MOTHER, "merge keys (<<)")
    assert issue.line == line_of(pack, FORM_MOTHER, "<<:")


def test_billion_laughs_is_refused_quickly(pack: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    (pack / "pack.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    issues = validate_pack(pack)
    assert len(issues) == 1 and "not allowed" in issues[0].message and issues[0].line == 1


@pytest.mark.parametrize(
    "tag", ["!!python/object/apply:os.system ['true']", "!!binary aGVsbG8=", "!custom x"]
)
def test_tags_are_refused(pack: Path, tag: str) -> None:
    edit(pack, "pack.yaml", "  short_title: Mothers on the Margins", f"  short_title: {tag}")
    issue = find(validate_pack(pack), "pack.yaml", "tags like")
    assert issue.line == line_of(pack, "pack.yaml", "short_title:")


def test_deep_nesting_is_refused(pack: Path) -> None:
    (pack / PIS_FAMILY).write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    issue = find(validate_pack(pack), PIS_FAMILY, "nested more than")
    assert issue.line == 1


def test_huge_file_is_refused(pack: Path) -> None:
    (pack / PIS_FAMILY).write_bytes(b"# " + b"x" * (3 * 1024 * 1024) + b"\n")
    find(validate_pack(pack), PIS_FAMILY, "larger than 2 MiB")


def test_non_utf8_is_refused_with_line(pack: Path) -> None:
    raw = (pack / PIS_FAMILY).read_bytes().replace(b"Who can I contact?", b"Who can I contact\xff")
    (pack / PIS_FAMILY).write_bytes(raw)
    issue = find(validate_pack(pack), PIS_FAMILY, "not UTF-8")
    assert issue.line == line_of_bytes(raw, b"\xff")


def line_of_bytes(raw: bytes, needle: bytes) -> int:
    return raw[: raw.index(needle)].count(b"\n") + 1


def test_repeated_key_is_reported(pack: Path) -> None:
    edit(pack, PIS_FAMILY, "title: Information sheet", "title: Twice\ntitle: Information sheet")
    issue = find(validate_pack(pack), PIS_FAMILY, "appears twice")
    assert issue.key_path == "title"
    assert issue.line == line_of(pack, PIS_FAMILY, "title: Information sheet")


def test_pack_yaml_that_is_not_a_mapping(pack: Path) -> None:
    (pack / "pack.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    assert [str(i) for i in validate_pack(pack)] == [
        "pack.yaml:1: pack.yaml must be a mapping of keys to values (pack_format, id, study ...)"
    ]


def test_empty_document_file(pack: Path) -> None:
    (pack / PIS_FAMILY).write_text("", encoding="utf-8")
    find(validate_pack(pack), PIS_FAMILY, "must be a mapping")


def test_every_problem_is_reported_at_once(pack: Path) -> None:
    edit(pack, PIS_FAMILY, 'version: "1.0"', "version: 1.0")
    edit(pack, FORM_FAMILY, "information_sheet: pis-family", "information_sheet: pis-nobody")
    edit(pack, GUIDE_MOTHER, "minutes: 20", "minutes: -3")
    edit(pack, "pack.yaml", "audio_warning_days: 7", "audio_warning_days: many")
    (pack / "protocols/signposting.yaml").write_text("entries: [\n", encoding="utf-8")
    issues = validate_pack(pack)
    files = {i.file for i in issues}
    assert {PIS_FAMILY, FORM_FAMILY, GUIDE_MOTHER, "pack.yaml", "protocols/signposting.yaml"} <= files
    with pytest.raises(PackValidationError) as caught:
        load_pack(pack)
    assert caught.value.issues == issues
    assert isinstance(caught.value, PackError) and caught.value.kind is ErrorKind.INVALID_PACK
    assert str(issues[0]) in str(caught.value)


def test_missing_pack(tmp_path: Path) -> None:
    issues = validate_pack(tmp_path)
    assert [str(i) for i in issues] == [
        f"{tmp_path}: this folder has no pack.yaml, so it is not a study pack"
    ]
    with pytest.raises(PackValidationError) as caught:
        load_pack(tmp_path / "nowhere")
    assert "there is no study pack here: no such folder or file" in str(caught.value)
    assert f"{tmp_path / 'nowhere'}" in str(caught.value) and "is missing" not in str(caught.value)


def test_issue_string_format() -> None:
    assert str(PackIssue("pack.yaml", 12, "groups[0].id", "bad")) == "pack.yaml:12: groups[0].id: bad"
    assert str(PackIssue("a.yaml", None, "x", "bad")) == "a.yaml: x: bad"
    assert str(PackIssue("a.yaml", 3, "", "bad")) == "a.yaml:3: bad"


def test_a_form_taken_verbally_needs_a_verbal_consent_script_in_use(pack: Path) -> None:
    edit(pack, "pack.yaml", f"  - {SCRIPT}\n", "")
    issue = find(validate_pack(pack), FORM_MOTHER, "no verbal consent script in use reads it out")
    assert issue.line == line_of(pack, FORM_MOTHER, "modes:")
    assert issue.key_path == "modes[1]"
    assert issue.message.startswith("consent form 'consent-mother-interview' version 1.1 may be taken verbally")
    # the script back, but pinned to another version of the form: still none for this one
    edit(pack, "pack.yaml", "documents:\n", f"documents:\n  - {SCRIPT}\n")
    edit(pack, SCRIPT, 'consent_form_version: "1.1"', 'consent_form_version: "1.0"')
    assert any("no verbal consent script" in i.message for i in validate_pack(pack))
    edit(pack, SCRIPT, 'consent_form_version: "1.0"', 'consent_form_version: "1.1"')
    assert validate_pack(pack) == []
    # both example packs validate: each form that lists verbal has its script
    assert validate_pack(example_pack_path().parent / "caring-lives") == []
