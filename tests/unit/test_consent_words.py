"""Why a consent was not recorded: the core gives the facts (a party's role, the title of its form, the
attributes not recorded; the required statements declined or unanswered) and one Qt-free table words them for
both faces, each through its own translate function; ``pyside6-lupdate`` finds every string of the table."""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from fieldwork_app.errors import ConsentError, ErrorCode
from fieldwork_app.services import consent, consent_words, ethics, sessions
from fieldwork_app.services.workspace import Workspace
from tests.unit.test_condition_words import marked
from tests.unit.test_protocol_rules import _yes, caring, days_ago, young_carer  # noqa: F401 - caring: a fixture

ROOT = Path(__file__).resolve().parents[2]
TABLE = Path(consent_words.__file__)
FORM = "Agreement of a parent or guardian (young person aged 16 or 17)"


def test_a_missing_party_and_declined_statements_are_facts_each_face_words(caring: Workspace) -> None:  # noqa: F811
    ws = caring
    young = young_carer(ws, "16-17")
    with ws.vault.transaction() as db:  # added before the pack asked for the age band
        db.execute("DELETE FROM participant_attributes WHERE participant_id = ? AND attribute_id = 'age_band'",
                   (young,))  # fmt: skip
    sid = sessions.new(ws, [young], "interview", "youth_centre", "2030-01-01T10:00", 60).id
    ethics.mark_done(ws, young, "parent-notified", on=days_ago(3))
    with pytest.raises(ConsentError) as missing:
        consent.record(ws, sid, young, "paper", _yes(ws, sid, young))
    assert missing.value.code is ErrorCode.PARTY_MISSING
    assert missing.value.params == {"role": "guardian", "participant": young, "form": FORM, "unrecorded": "age_band"}
    worded = consent_words.worded(missing.value.code, missing.value.params, marked)
    assert worded["party"] == f"<Consent|<Consent|a parent or guardian> ('{FORM}')>"
    assert worded["why"] == (
        f"<Consent| while {young}'s age_band is not recorded (record it first: the protocol may not ask for one "
        "then)>"
    )

    statements = list(consent.template(ws, sid, young))
    with pytest.raises(ConsentError) as declined:
        consent.record(ws, sid, young, "paper", _yes(ws, sid, young, **{statements[0]: False}),
                       parties={"guardian": {"name": "G Ardian", "agreement": True}})  # fmt: skip
    assert declined.value.code is ErrorCode.STATEMENTS_REFUSED
    assert declined.value.params == {"declined": statements[0], "unanswered": ""}
    refusal = consent_words.worded(declined.value.code, declined.value.params, marked)["refusal"]
    assert refusal == f"<Consent|required statement(s) not affirmed: {statements[0]}>"
    with pytest.raises(ConsentError) as unanswered:
        consent.record(ws, sid, young, "paper", _yes(ws, sid, young, **{statements[0]: None}),
                       parties={"guardian": {"name": "G Ardian", "agreement": True}})  # fmt: skip
    refusal = consent_words.worded(unanswered.value.code, unanswered.value.params, marked)["refusal"]
    assert refusal == f"<Consent|required statement(s) not answered: {statements[0]}>"
    assert consent.latest(ws, sid, young) is None


def test_a_party_with_no_form_and_nothing_unrecorded_is_named_alone() -> None:
    params = {"role": "witness", "participant": "M-001", "form": "", "unrecorded": ""}
    assert consent_words.party_missing(params, marked) == {**params, "party": "<Consent|a witness>", "why": ""}


def _table_strings() -> set[tuple[str, str]]:
    found = set()
    for node in ast.walk(ast.parse(TABLE.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "translate":
            context, text = node.args
            assert isinstance(context, ast.Constant) and isinstance(text, ast.Constant), ast.unparse(node)
            found.add((str(context.value), str(text.value)))
    return found


def test_lupdate_finds_every_string_of_the_table_in_its_context(tmp_path: Path) -> None:
    ts = tmp_path / "table.ts"
    lupdate = [sys.executable, "-c", "from PySide6.scripts.pyside_tool import lupdate; lupdate()"]
    subprocess.run([*lupdate, "-silent", str(TABLE), "-ts", str(ts)], check=True, cwd=ROOT)
    extracted = {
        (ctx.findtext("name") or "", msg.findtext("source") or "")
        for ctx in ET.parse(ts).getroot().iter("context")
        for msg in ctx.iter("message")
    }
    table = _table_strings()
    assert len(table) == 9 and {c for c, _ in table} == {"Consent"}
    assert extracted == table
