"""Pack format 2: the schema's new parts, their whole-pack checks, and format 1 read exactly as before."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from fieldwork_app.domain import conditions
from fieldwork_app.domain.pack import (
    Answer,
    ConsentForm,
    DocumentKind,
    StatementRole,
    canonical_dump,
    uses_format2,
)
from fieldwork_app.studypack import example_pack_path, load_pack, pack_digest, validate_pack
from tests.unit.test_studypack_validation import FORM_MOTHER, edit, find, line_of

ATTRIBUTES = """
attributes:
  - id: age_band
    label: Age band at consent
    choices:
      - {id: "16-17", label: 16 or 17}
      - {id: adult, label: 18 or over}
  - id: interpreter
    label: Needs an interpreter
    kind: yes_no
"""


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(example_pack_path(), target)
    return target


def to_format2(pack: Path) -> None:
    edit(pack, "pack.yaml", "pack_format: 1", "pack_format: 2")
    edit(pack, "pack.yaml", "\ngroups:\n", ATTRIBUTES + "\ngroups:\n")


def test_format1_pack_keeps_its_digest_and_stored_form() -> None:
    pack = load_pack(example_pack_path())
    assert pack.pack_format == 1 and uses_format2(pack) == []
    body = json.dumps(canonical_dump(pack))
    for key in ("applies_when", "variant_of", "attributes", "venues", "parties", "gating_tasks"):
        assert f'"{key}"' not in body
    # The stored JSON reads back to the same pack with the same digest.
    again = type(pack).model_validate(canonical_dump(pack))
    assert pack_digest(again) == pack_digest(pack) and again == pack


def test_format1_pack_using_a_format2_key_is_told_to_upgrade(pack: Path) -> None:
    edit(
        pack,
        FORM_MOTHER,
        "    text: Short anonymised quotes",
        "    role: quotes\n    text: Short anonymised quotes",
    )
    issue = find(validate_pack(pack), FORM_MOTHER, "pack format 2")
    assert issue.line == line_of(pack, FORM_MOTHER, "role: quotes")


def test_statement_conditions_and_not_applicable(pack: Path) -> None:
    to_format2(pack)
    edit(
        pack,
        FORM_MOTHER,
        '  - id: "5"\n',
        '  - id: "5a"\n    required: true\n    text: My parent or guardian has agreed too.\n'
        '    applies_when:\n      - {attribute: age_band, values: ["16-17"]}\n'
        '  - id: "5"\n',
    )
    edit(
        pack,
        FORM_MOTHER,
        "    text: Short anonymised quotes",
        "    role: quotes\n    text: Short anonymised quotes",
    )
    script = "documents/verbal-consent-mother-1.1.yaml"
    edit(pack, script, "prompts:\n", "prompts:\n  - statement: 5a\n    text: Has your parent agreed too?\n")
    loaded = load_pack(pack)
    form = loaded.document("consent-mother-interview")
    assert isinstance(form, ConsentForm)
    base = {s.id: "AB" for s in form.statements if s.required and s.id != "5a"}
    adult = conditions.Who("mother", {"age_band": "adult"})
    young = conditions.Who("mother", {"age_band": "16-17"})
    out = conditions.evaluate(form, adult, {**base, "O1": False, "O2": True})
    assert out.complete and out.not_applicable == ("5a",) and out.answers["5a"] == Answer.NOT_APPLICABLE
    out = conditions.evaluate(form, young, {**base, "O1": False, "O2": True})
    assert not out.complete and out.unanswered == ("5a",)
    out = conditions.evaluate(form, young, {**base, "5a": False, "O1": False, "O2": True})
    assert out.declined_required == ("5a",)
    # "not applicable" given for a statement that applies is no answer at all.
    out = conditions.evaluate(form, young, {**base, "5a": "not_applicable", "O1": True, "O2": True})
    assert out.unanswered == ("5a",)
    assert form.statement_with_role(StatementRole.QUOTES) is not None


def test_condition_references_are_checked(pack: Path) -> None:
    to_format2(pack)
    edit(
        pack,
        FORM_MOTHER,
        "  - id: O2\n",
        "  - id: O2\n    applies_when:\n      - {attribute: age_bnd, values: [adult]}\n"
        '      - {attribute: age_band, values: ["12-15"]}\n'
        "      - {statement: O3, answer: yes}\n",
    )
    issues = validate_pack(pack)
    assert find(issues, FORM_MOTHER, "no participant attribute 'age_bnd'").line == line_of(
        pack, FORM_MOTHER, "age_bnd"
    )
    assert find(issues, FORM_MOTHER, "has no value '12-15'").line == line_of(pack, FORM_MOTHER, "12-15")
    assert find(issues, FORM_MOTHER, "'O3' is not an earlier statement").line == line_of(
        pack, FORM_MOTHER, "O3"
    )


def test_condition_needs_exactly_one_kind(pack: Path) -> None:
    to_format2(pack)
    edit(
        pack,
        FORM_MOTHER,
        "  - id: O2\n",
        "  - id: O2\n    applies_when:\n      - {attribute: age_band, values: [adult], groups: [mother]}\n",
    )
    assert find(validate_pack(pack), FORM_MOTHER, "exactly one of")


def test_two_groups_with_the_same_id_pattern_are_refused(pack: Path) -> None:
    edit(pack, "pack.yaml", "id_pattern: F-{n:03d}", "id_pattern: M-{n:03d}")
    issue = find(validate_pack(pack), "pack.yaml", "same participant ids as group 'mother'")
    assert issue.line == line_of(pack, "pack.yaml", "id_pattern: M-{n:03d}", nth=2)


def test_id_pattern_message_has_single_braces(pack: Path) -> None:
    edit(pack, "pack.yaml", "id_pattern: P-{n:03d}", "id_pattern: P-001")
    issue = find(validate_pack(pack), "pack.yaml", "number field")
    assert "{n}" in issue.message and "{{" not in issue.message


def test_single_roles_appear_once(pack: Path) -> None:
    to_format2(pack)
    edit(
        pack,
        FORM_MOTHER,
        "    text: You may contact me",
        "    role: future_contact\n    text: You may contact me",
    )
    edit(
        pack,
        FORM_MOTHER,
        "    text: My anonymised transcript",
        "    role: future_contact\n    text: My anonymised transcript",
    )
    assert find(validate_pack(pack), FORM_MOTHER, "only one statement may have role 'future_contact'")


def test_in_use_ignores_variants_and_other_parties() -> None:
    pack = load_pack(example_pack_path())
    form = pack.in_use(DocumentKind.CONSENT_FORM, "mother", "interview")
    assert form is not None and pack.variant_in_use(form, "cy-GB") is form


def test_unknown_attributes_are_treated_on_the_safe_side() -> None:
    from fieldwork_app.studypack import example_pack_path as first

    pack = load_pack(first().parent / "caring-lives")
    form = pack.in_use(DocumentKind.CONSENT_FORM, "young-carer", "interview")
    assert isinstance(form, ConsentForm)
    unknown = conditions.Who("young-carer", {})  # nothing recorded yet, not even defaults
    young = conditions.who_for(pack, "young-carer", {"age_band": "16-17", "interpreter": "no"})
    adult = conditions.who_for(pack, "young-carer", {"age_band": "18-24", "interpreter": "no"})
    assert adult.attributes["reading_support"] == "no"  # the pack's default for an optional attribute
    group = pack.group("young-carer")
    everyone = ["guardian", "interpreter", "witness"]
    assert [r.role.value for r in conditions.parties_for(group, unknown)] == everyone
    assert [r.role.value for r in conditions.parties_for(group, adult)] == []
    assert [r.role.value for r in conditions.parties_for(group, young)] == ["guardian"]
    assert [t.id for t in conditions.gating_tasks_for(group, unknown)] == ["parent-notified"]
    assert conditions.gating_tasks_for(group, adult) == []
    # Statement 5 (16-17 only) may apply: it waits for an answer rather than being marked not applicable.
    affirm = {s.id: True for s in form.statements}
    del affirm["5"]
    out = conditions.evaluate(form, unknown, affirm)
    assert "5" in out.unanswered and not out.complete
    # ... and a "no" to it, while her age band is not recorded, is a decline, never an optional answer.
    out = conditions.evaluate(form, unknown, {**affirm, "5": False})
    assert out.declined_required == ("5",) and not out.complete
    out = conditions.evaluate(form, adult, affirm)
    assert out.complete and out.not_applicable == ("5",)
    route = conditions.safeguarding_route(pack.safeguarding, unknown)
    assert route is not None and route.id == "children"
    assert conditions.safeguarding_route(pack.safeguarding, adult).id == "adults"  # type: ignore[union-attr]
    assert "childline" in [e.id for e in conditions.signposting_for(pack.signposting, unknown, "north")]
    assert "childline" not in [e.id for e in conditions.signposting_for(pack.signposting, adult, "north")]
    south = conditions.Who("young-carer", {"area": "south"})
    paid = conditions.vouchers_for(pack.vouchers, south, "interview")
    assert [v.id for v in paid] == ["young-person", "travel-south"]
    assert [v.id for v in conditions.vouchers_for(pack.vouchers, unknown, "interview")] == ["young-person"]


SECOND = "caring-lives"


@pytest.fixture
def second(tmp_path: Path) -> Path:
    target = tmp_path / "second"
    shutil.copytree(example_pack_path().parent / SECOND, target)
    return target


def test_the_second_example_pack_is_valid_and_uses_every_part_of_format2(second: Path) -> None:
    assert validate_pack(second) == []
    pack = load_pack(second)
    used = {next(p for p in reversed(path) if isinstance(p, str)) for path in uses_format2(pack)}
    for key in (
        "attributes", "venues", "sites", "distress_protocols", "languages", "sample_notes", "person",
        "joint_with", "recording", "parties", "gating_tasks", "capacity", "variant", "variant_of", "party",
        "applies_when", "routes", "when", "sites", "withdrawal", "retention", "id", "session_formats",
        "needs_approval_above",
    ):  # fmt: skip
        assert key in used, key


def test_format2_references_are_checked(second: Path) -> None:
    edit(second, "pack.yaml", "    venues: [school, video]", "    venues: [school, video, canteen]")
    edit(second, "pack.yaml", "    guide: guide-young-carer-activity", "    guide: guide-nowhere")
    edit(second, "pack.yaml", "        form: consent-guardian", "        form: consent-parent")
    edit(second, "pack.yaml", "    joint_with: [young-carer]", "    joint_with: [staff]")
    edit(second, "protocols/distress-young.yaml", "groups: [young-carer]", "groups: [young-carer, nobody]")
    pl = "documents/consent-young-carer-pl-1.0.yaml"
    edit(second, pl, '  - id: "7"', '  - id: "7b"')
    issues = validate_pack(second)
    assert find(issues, "pack.yaml", "no venue 'canteen'").line == line_of(second, "pack.yaml", "canteen")
    assert find(issues, "pack.yaml", "no topic guide 'guide-nowhere'")
    assert find(issues, "pack.yaml", "'consent-parent' is not completed by the guardian")
    assert find(issues, "pack.yaml", "group 'staff' has no 'joint_interview' sessions")
    assert find(issues, "protocols/distress-young.yaml", "unknown group 'nobody'").line == 4
    assert find(issues, pl, "the same statements (ids and order) as 'consent-young-carer'")


def test_a_party_form_is_never_the_participants_own(second: Path) -> None:
    pack = load_pack(second)
    own = pack.in_use(DocumentKind.CONSENT_FORM, "young-carer", "interview")
    assert own is not None and own.id == "consent-young-carer"
    guardian = pack.party_form("consent-guardian")
    assert guardian is not None and guardian.party.value == "guardian"
