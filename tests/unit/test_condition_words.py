"""Whom a consent statement is for: the core gives the conditions as facts (the pack's own labels, no English
sentence), and one Qt-free table words them for both faces, each through its own translate function;
``pyside6-lupdate`` finds every string of the table for the catalogue."""

from __future__ import annotations

from pathlib import Path

from fieldwork_app.domain.conditions import ConditionFacts, facts
from fieldwork_app.domain.pack import Condition
from fieldwork_app.errors import ErrorCode
from fieldwork_app.services import condition_words
from fieldwork_app.services.consent import AnswerRefused
from fieldwork_app.studypack import load_pack
from tests.support.wording import lupdate_strings, table_strings
from tests.unit.test_protocol_rules import SECOND

TABLE = Path(condition_words.__file__)


def marked(context: str, text: str) -> str:
    """A translate function that shows what went through it."""
    return f"<{context}|{text}>"


def test_the_core_gives_the_conditions_as_facts_in_the_packs_own_labels() -> None:
    pack = load_pack(SECOND)
    given = facts(
        (
            Condition(attribute="age_band", values=("16-17", "18-24")),
            Condition(groups=("young-carer",)),
            Condition(statement="O2", answer="yes"),
        ),
        pack,
    )
    group = str(pack.group("young-carer").label)
    assert given == (
        ConditionFacts(attribute="Age band at consent", values=("16 or 17", "18 to 24")),
        ConditionFacts(groups=(group,)),
        ConditionFacts(statement="O2", answer="yes"),
    )
    assert condition_words.conditions(given, marked) == (
        "<Conditions|Age band at consent is 16 or 17<Conditions| or >18 to 24><Conditions|; >"
        f"<Conditions|in the group {group}><Conditions|; >"
        "<Conditions|statement O2 is answered <Conditions|yes>>"
    )
    assert condition_words.applies_only_where(given[2:], marked) == (
        "<Conditions|applies only where <Conditions|statement O2 is answered <Conditions|yes>>>"
    )


def test_a_refused_answer_carries_the_facts_each_face_words() -> None:
    exc = AnswerRefused(
        "x", code=ErrorCode.ANSWER_DOES_NOT_APPLY, params={"source": "a.json", "statement": "O3"},
        conditions=(ConditionFacts(statement="O2", answer="no"),),
    )  # fmt: skip
    assert condition_words.answer_refused(exc, marked) == {
        "source": "a.json", "statement": "O3", "why": "<Conditions|statement O2 is answered <Conditions|no>>"
    }  # fmt: skip


def test_lupdate_finds_every_string_of_the_table_in_its_context(tmp_path: Path) -> None:
    table = table_strings(TABLE)
    assert len(table) >= 8 and {c for c, _ in table} == {"Conditions"}
    assert lupdate_strings(TABLE, tmp_path) == table
