"""The emergency number is the study pack's, never one of the app's own: a study abroad whose pack gives 112
says 112 on the support handout and in what the lone researcher's buddy does on the code word; a pack giving
several says each; one giving none names the emergency services without a number."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fieldwork_app.domain.pack import emergency_phones
from fieldwork_app.paths import DataDir
from fieldwork_app.services import lonework, pdfs, sessions, workspace
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services.clock import FakeClock
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.studypack import example_pack_path, load_pack
from fieldwork_app.vault import FAST_KDF
from tests.support.people import add_eligible
from tests.support.vaults import PASSPHRASE, USER
from tests.unit.test_pdfs import pdf_text
from tests.unit.test_studypack_validation import edit

SIGNPOSTING = "protocols/signposting.yaml"
LONE_WORKING = "protocols/lone-working.yaml"
START = datetime(2025, 3, 4, 10, 0, tzinfo=UTC)


def abroad_pack(
    tmp_path: Path, phone: str = "112", more: str = "", code_word_action: bool = False, source: Path | None = None
) -> Path:
    """A copy of a bundled pack for a study abroad: its emergency entry's number ``phone`` (none: the entry
    is not marked an emergency), ``more`` entries added after it, and (unless ``code_word_action``) no
    ``code_word_action`` in its lone-working rules, so the app's default is used."""
    pack = tmp_path / "abroad-pack"
    shutil.copytree(source or example_pack_path(), pack)
    edit(pack, SIGNPOSTING, "region: United Kingdom (England)", "region: Ireland (illustrative)")
    if phone:
        edit(pack, SIGNPOSTING, '    phone: "999"\n', f'    phone: "{phone}"\n')
    else:
        edit(pack, SIGNPOSTING, '    phone: "999"\n    hours: 24 hours\n    emergency: true\n', "")
    if more:
        edit(pack, SIGNPOSTING, "    emergency: true\n", "    emergency: true\n" + more)
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
        '    phone: "15"\n    emergency: true\n'
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
