"""The emergency number is the study pack's, never one of the app's own: a study abroad whose pack gives 112
says 112 on the support handout and in what the lone researcher's buddy does on the code word; a pack giving
several says each; one giving none names the emergency services without a number."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fieldwork_app.domain import conditions
from fieldwork_app.domain.pack import canonical_dump, emergency_phones
from fieldwork_app.paths import DataDir
from fieldwork_app.services import lonework, pdfs, sessions, workspace
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services.clock import FakeClock
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.studypack import example_pack_path, load_pack, pack_digest, pack_notices, validate_pack
from fieldwork_app.vault import FAST_KDF
from tests.support.people import add_eligible
from tests.support.vaults import PASSPHRASE, USER
from tests.unit.test_pdfs import pdf_text
from tests.unit.test_protocol_rules import SECOND
from tests.unit.test_studypack_validation import edit

SIGNPOSTING = "protocols/signposting.yaml"
LONE_WORKING = "protocols/lone-working.yaml"
START = datetime(2025, 3, 4, 10, 0, tzinfo=UTC)


def abroad_pack(
    tmp_path: Path, phone: str = "112", more: str = "", code_word_action: bool = False, source: Path | None = None
) -> Path:
    """A copy of a bundled pack for a study abroad: its emergency-services entry's number ``phone`` (none:
    the pack has no emergency-services entry), ``more`` entries added after it, and (unless
    ``code_word_action``) no ``code_word_action`` in its lone-working rules, so the app's default is used."""
    pack = tmp_path / "abroad-pack"
    shutil.copytree(source or example_pack_path(), pack)
    edit(pack, SIGNPOSTING, "region: United Kingdom (England)", "region: Ireland (illustrative)")
    if phone:
        edit(pack, SIGNPOSTING, '    phone: "999"\n', f'    phone: "{phone}"\n')
    else:
        edit(pack, SIGNPOSTING, '    phone: "999"\n    hours: 24 hours\n    emergency: true\n'
             "    emergency_services: true\n", "")  # fmt: skip
    if more:
        edit(pack, SIGNPOSTING, "    emergency_services: true\n", "    emergency_services: true\n" + more)
    if not code_word_action:
        edit(pack, LONE_WORKING, "code_word_action: The buddy unseals the address, calls 999, then the chief"
             " investigator.\n", "")  # fmt: skip
    return pack


def _workspace(tmp_path: Path, pack: Path) -> Workspace:
    ws, _ = workspace.create(DataDir(tmp_path / "vault"), USER, PASSPHRASE, "researcher", FAST_KDF)
    packs_svc.import_pack(ws, pack)
    return ws


@pytest.fixture
def abroad(tmp_path: Path) -> Iterator[Workspace]:
    ws = _workspace(tmp_path, abroad_pack(tmp_path))
    try:
        yield ws
    finally:
        ws.close()


def _visit(ws: Workspace) -> str:
    p = add_eligible(ws, "mother")
    sid = sessions.new(ws, [p.id], "interview", "home").id
    sessions.update_plan(
        ws,
        sid,
        {
            "lone_working": {
                "buddy_name": "Sam",
                "buddy_phone": "0871 234 567",
                "backup_name": "Jo",
                "start": START.isoformat(),
                "expected_end": (START + timedelta(minutes=90)).isoformat(),
                "travel_home_minutes": 40,
                "code_word_agreed": True,
                "risk_assessment_done": True,
            }
        },
    )
    return sid


def test_the_support_handout_says_the_packs_emergency_number(abroad: Workspace) -> None:
    text = pdf_text(pdfs.signposting_pdf(abroad, "mother"))
    assert "If you or someone else is in immediate danger, call 112." in text
    assert "999" not in text


def test_the_code_word_default_names_the_packs_number_not_999(abroad: Workspace) -> None:
    sid = _visit(abroad)
    clock = FakeClock(START)
    lonework.record(abroad, sid, "check_in", clock)
    st = lonework.record(abroad, sid, "code_word", clock)
    expected = (
        "The buddy unseals the address and calls the emergency services (112), then the chief investigator."
    )
    assert st.buddy_now == expected and st.code_word_action == expected
    sheet = pdf_text(pdfs.buddy_sheet_pdf(abroad, sid, include_address=False))
    assert "emergency services (112)" in " ".join(sheet.split()) and "999" not in sheet


def test_several_emergency_numbers_are_each_said(tmp_path: Path) -> None:
    more = (
        "  - id: ambulance\n    name: Ambulance (illustrative)\n    purpose: A medical emergency.\n"
        '    phone: "15"\n    emergency: true\n    emergency_services: true\n'
    )
    ws = _workspace(tmp_path, abroad_pack(tmp_path, more=more))
    try:
        text = pdf_text(pdfs.signposting_pdf(ws, "mother"))
        assert "If you or someone else is in immediate danger, call 112 or 15." in text
        sid = _visit(ws)
        st = lonework.state(ws, sid, FakeClock(START))
        assert "calls the emergency services (112 or 15), then" in st.code_word_action
    finally:
        ws.close()


def test_a_pack_with_no_emergency_number_names_the_emergency_services_without_one(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, abroad_pack(tmp_path, phone=""))
    try:
        text = pdf_text(pdfs.signposting_pdf(ws, "mother"))
        assert "If you or someone else is in immediate danger, call the emergency services." in text
        assert "999" not in text and "112" not in text
        st = lonework.state(ws, _visit(ws), FakeClock(START))
        assert st.code_word_action == lonework.DEFAULT_CODE_WORD_ACTION
        assert "999" not in st.code_word_action
    finally:
        ws.close()


def test_the_packs_own_code_word_action_is_kept(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, abroad_pack(tmp_path, code_word_action=True))
    try:
        st = lonework.state(ws, _visit(ws), FakeClock(START))
        assert st.code_word_action == "The buddy unseals the address, calls 999, then the chief investigator."
    finally:
        ws.close()


def test_emergency_phones_for_everyone_leave_out_a_groups_own() -> None:
    pack = load_pack(example_pack_path())
    assert emergency_phones(pack.signposting.entries) == ("999",)
    assert pack.signposting.emergency_phones_for_everyone() == ("999",)
    own = pack.signposting.entries[0].model_copy(update={"id": "young-only", "phone": "116 111", "groups": ("mother",)})
    assert emergency_phones([own, *pack.signposting.entries]) == ("116 111", "999")
    everyone = pack.signposting.model_copy(update={"entries": (own, *pack.signposting.entries)})
    assert everyone.emergency_phones_for_everyone() == ("999",)


# -- 'emergency: true' is "shown first", never "the number to call in danger" -----------------------------
def crisis_line_pack(tmp_path: Path, source: Path | None = None) -> Path:
    """A pack whose only entry marked ``emergency: true`` is a crisis line (Samaritans, 116 123), marked so
    to be shown first, and with no emergency-services entry at all."""
    pack = abroad_pack(tmp_path, phone="", source=source)
    edit(pack, SIGNPOSTING, "    web: https://www.samaritans.org\n",
         "    web: https://www.samaritans.org\n    emergency: true\n")  # fmt: skip
    return pack


def test_a_crisis_line_shown_first_is_not_the_number_to_call_in_danger(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, crisis_line_pack(tmp_path))
    try:
        text = " ".join(pdf_text(pdfs.signposting_pdf(ws, "mother")).split())
        assert "If you or someone else is in immediate danger, call the emergency services." in text
        assert "call 116 123" not in text
        # Still shown first (its old meaning): the first entry after the danger line.
        assert text.index("Samaritans") < text.index("NHS 111") < text.index("Mind")
        st = lonework.state(ws, _visit(ws), FakeClock(START))
        assert st.code_word_action == lonework.DEFAULT_CODE_WORD_ACTION and "116" not in st.code_word_action
        sheet = " ".join(pdf_text(pdfs.buddy_sheet_pdf(ws, _visit(ws), include_address=False)).split())
        assert "116 123" not in sheet
    finally:
        ws.close()
    assert emergency_phones(load_pack(tmp_path / "abroad-pack").signposting.entries) == ()


def test_an_older_pack_without_the_key_loads_keeps_its_digest_and_gets_a_notice(tmp_path: Path) -> None:
    """A pack written before ``emergency_services`` (its 999 entry only marked ``emergency``) still loads,
    with the digest and stored form it always had, names no number, and the data manager is told why."""
    pack = tmp_path / "older"
    shutil.copytree(example_pack_path(), pack)
    edit(pack, SIGNPOSTING, "    emergency_services: true\n", "")
    loaded = load_pack(pack)
    assert all(not e.emergency_services for e in loaded.signposting.entries)
    assert all("emergency_services" not in e for e in canonical_dump(loaded)["signposting"]["entries"])
    marked = load_pack(example_pack_path())
    assert pack_digest(loaded) != pack_digest(marked)
    assert canonical_dump(marked)["signposting"]["entries"][0]["emergency_services"] is True
    assert emergency_phones(loaded.signposting.entries) == ()

    checked = packs_svc.check_folder(pack)
    assert checked.ok and len(checked.notices) == 1
    assert "no entry is marked 'emergency_services: true'" in checked.notices[0]
    assert "without a number" in checked.notices[0]
    assert packs_svc.check_folder(example_pack_path()).notices == ()
    ws, _ = workspace.create(DataDir(tmp_path / "vault"), USER, PASSPHRASE, "researcher", FAST_KDF)
    try:
        assert packs_svc.import_pack(ws, pack).notices == list(checked.notices)
        assert "call the emergency services." in pdf_text(pdfs.signposting_pdf(ws, "mother"))
    finally:
        ws.close()


def test_a_group_without_an_emergency_services_entry_is_noticed(tmp_path: Path) -> None:
    pack = abroad_pack(tmp_path)
    edit(pack, SIGNPOSTING, "    emergency_services: true\n", "    emergency_services: true\n    groups: [mother]\n")
    notices = pack_notices(load_pack(pack))
    assert len(notices) == 1 and "is for group family, practitioner:" in notices[0], notices


@pytest.mark.parametrize(
    ("entry", "fragment"),
    [
        ("    emergency_services: true\n", "needs the number to call: add 'phone'"),
        ('    phone: "call the police"\n    emergency_services: true\n', "'call the police' is not a phone number"),
        ('    phone: "1"\n    emergency_services: true\n', "use 2 to 15 digits"),
        ('    phone: "+44 1234 567 890 1234"\n    emergency_services: true\n', "use 2 to 15 digits"),
        ('    phone: "112, or 999"\n    emergency_services: true\n', "is not a phone number"),
    ],
)
def test_an_emergency_services_entry_needs_a_phone_number(tmp_path: Path, entry: str, fragment: str) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(example_pack_path(), pack)
    edit(pack, SIGNPOSTING, "    name: Your GP\n", "    name: Your GP\n" + entry)
    issues = validate_pack(pack)
    assert len(issues) == 1, issues
    issue = issues[0]
    assert issue.file == SIGNPOSTING and issue.key_path == "entries[4].emergency_services"
    lines = (pack / SIGNPOSTING).read_text().splitlines()
    assert issue.line is not None and lines[issue.line - 1].strip() == "emergency_services: true"
    assert fragment in issue.message, issue.message


def test_each_site_gets_its_own_emergency_number(tmp_path: Path) -> None:
    """A study across two countries: each site's emergency services, for the participants at that site."""
    pack = tmp_path / "pack"
    shutil.copytree(SECOND, pack)
    marked = '    phone: "999"\n    hours: 24 hours\n    emergency: true\n    emergency_services: true\n'
    edit(pack, SIGNPOSTING, marked, marked +
         "    sites: [north]\n  - id: emergency-south\n    name: Emergency services (south)\n"
         '    purpose: In immediate danger.\n    phone: "112"\n    emergency: true\n    emergency_services: true\n'
         "    sites: [south]\n")  # fmt: skip
    loaded = load_pack(pack)
    parent = conditions.who_for(loaded, "parent", {"language": "en-GB", "interpreter": "no", "area": "north"})
    north = conditions.signposting_for(loaded.signposting, parent, "north")
    south = conditions.signposting_for(loaded.signposting, parent, "south")
    assert emergency_phones(north) == ("999",) and emergency_phones(south) == ("112",)
    assert pdfs.danger_line(emergency_phones(south)) == "If you or someone else is in immediate danger, call 112."
    assert pack_notices(loaded) == []


def test_pack_validate_on_the_command_line_shows_the_notice(tmp_path: Path) -> None:
    from tests.integration.test_cli import run

    proc = run("pack", "validate", str(crisis_line_pack(tmp_path)))
    assert "valid" in proc.stdout
    assert "Notice: signposting: no entry is marked 'emergency_services: true'" in proc.stderr, proc.stderr
    assert "Notice" not in run("pack", "validate", str(example_pack_path())).stderr
