"""The desktop app words every coded error itself: it names what to choose in the app, never a
command-line option or command (the command line names those: tests/unit/test_error_codes.py)."""

from __future__ import annotations

import pytest

from fieldwork_app.errors import ConsentError, ErrorCode, ErrorKind, FieldworkError
from fieldwork_app.services import consent, ethics, sessions
from tests.gui.pseudo_probe import pseudo_text
from tests.gui.test_long_language_fit import pseudo_locale  # noqa: F401 - a fixture
from tests.unit.test_error_codes import CLI_WORDS, PARAMS
from tests.unit.test_protocol_rules import _yes, caring, days_ago, young_carer  # noqa: F401 - caring: a fixture

from fieldwork_app.gui.messages import describe

# Restoring a damaged vault from a backup has no screen in the app (the vault will not open): the app names
# the terminal command for it, as it did before; it still names no option.
NO_SCREEN_FOR_IT = {ErrorCode.VAULT_DAMAGED}


@pytest.mark.parametrize("code", list(ErrorCode), ids=lambda c: c.value)
def test_the_app_never_shows_a_command_line_option_for_any_code(qapp, code: ErrorCode) -> None:  # type: ignore[no-untyped-def]
    exc = FieldworkError("the core's own statement --study-key", kind=ErrorKind.INVALID_INPUT, code=code,
                         params=PARAMS)  # fmt: skip
    text = describe(exc)
    assert text and "--" not in text, text
    assert code in NO_SCREEN_FOR_IT or not CLI_WORDS.search(text), text
    assert "{" not in text, text  # every parameter filled in
    assert "the core's own statement" not in text  # the app's sentence, not the core's


def test_the_identity_store_sentence_names_the_store_and_the_button(qapp) -> None:  # type: ignore[no-untyped-def]
    exc = FieldworkError("x", code=ErrorCode.IDENTITY_STORE_MISSING, params={"name": "identity"})
    assert "named identity" in describe(exc) and "\u201cSet up the study store\u2026\u201d" in describe(exc)


def test_a_store_report_on_the_page_names_no_command_or_option(qapp) -> None:  # type: ignore[no-untyped-def]
    from fieldwork_app.cli.messages import report_words as cli_words

    from fieldwork_app.gui.messages import report_words

    words = report_words()
    texts = [words.not_checked, words.compare_device, words.any_device_verified, words.any_device_unpacked,
             *words.problem_advice.values()]  # fmt: skip
    assert all(t and "--" not in t and not CLI_WORDS.search(t) for t in texts), texts
    assert set(words.problem_advice) == set(cli_words().problem_advice)


def test_a_gating_task_holding_things_back_is_worded_by_the_app_from_its_facts(qapp) -> None:  # type: ignore[no-untyped-def]
    exc = FieldworkError(
        "the core's statement", code=ErrorCode.GATING_TASK_FIRST,
        params={"doing": "recording", "problem": "the core's own sentence", "participant": "M-001",
                "task": "parent-notified", "hold": "too-late", "title": "Notify the parent", "days": 2},
    )  # fmt: skip
    text = describe(exc)
    assert "M-001: 'Notify the parent' was done less than 2 day(s) before the session" in text
    assert "the core's own sentence" not in text


def test_a_key_file_that_is_not_one_is_named_by_kind_in_the_apps_words(qapp) -> None:  # type: ignore[no-untyped-def]
    exc = FieldworkError("x", code=ErrorCode.NOT_A_KEY_FILE,
                         params={"path": "/tmp/k", "what": "the core's words", "kind": "signing-key"})  # fmt: skip
    assert describe(exc) == "/tmp/k is not a data manager signing key file: it holds no key."


def test_why_a_consent_is_not_recorded_is_worded_by_the_app_from_the_cores_facts(  # type: ignore[no-untyped-def]
    qapp, pseudo_locale, caring  # noqa: F811
) -> None:
    """In the pseudo-locale, the party the protocol asks for (and the attribute not recorded that keeps the
    question open) and the required statements declined are the catalogue's words, the pack's own words (the
    form's title, the attribute and statement ids) as written: real refusals of the consent service."""
    ws = caring
    young = young_carer(ws, "16-17")
    with ws.vault.transaction() as db:  # added before the pack asked for the age band
        db.execute("DELETE FROM participant_attributes WHERE participant_id = ? AND attribute_id = 'age_band'",
                   (young,))  # fmt: skip
    sid = sessions.new(ws, [young], "interview", "youth_centre", "2030-01-01T10:00", 60).id
    ethics.mark_done(ws, young, "parent-notified", on=days_ago(3))
    with pytest.raises(ConsentError) as missing:
        consent.record(ws, sid, young, "paper", _yes(ws, sid, young))
    party = pseudo_text("{party} ('{form}')").format(
        party=pseudo_text("a parent or guardian"), form="Agreement of a parent or guardian (young person aged 16 or 17)"
    )
    why = pseudo_text(
        " while {participant}'s {attributes} is not recorded (record it first: the protocol may not ask for one then)"
    ).format(participant=young, attributes="age_band")
    said = pseudo_text(
        "Consent not recorded: the study's protocol asks for {party} at {participant}'s consent{why}. Name them "
        "in \u201cBefore consent\u201d."
    )
    for name, value in {"party": party, "participant": young, "why": why}.items():
        said = said.replace("{" + name + "}", value)
    assert describe(missing.value) == said

    first = next(iter(consent.template(ws, sid, young)))
    with pytest.raises(ConsentError) as declined:
        consent.record(ws, sid, young, "paper", _yes(ws, sid, young, **{first: False}),
                       parties={"guardian": {"name": "G Ardian", "agreement": True}})  # fmt: skip
    refusal = pseudo_text("required statement(s) not affirmed: {statements}").format(statements=first)
    said = pseudo_text("Consent was not recorded: every required statement must be agreed.\n{refusal}")
    assert describe(declined.value) == said.replace("{refusal}", refusal)


def test_a_form_not_confirmed_and_a_consultee_not_named_name_the_consent_pages_own_fields(  # type: ignore[no-untyped-def]
    qapp, tmp_path
) -> None:
    """Real refusals of the consent service: a guardian's own form not confirmed completed, and the consultee
    route with no consultee named, are said by the app with the tick box and the section of the consent page
    to use, never the command line's option (the page's own checks keep Save from being pressed before either
    is given, so a test by its buttons cannot reach them)."""
    from tests.unit.test_consent_applies import ABLE, UNABLE, _open
    from tests.unit.test_consent_applies import _parent as parent_of

    ws = _open(tmp_path)
    try:
        young = young_carer(ws, "16-17")
        sid = sessions.new(ws, [young], "interview", "youth_centre", "2030-01-01T10:00", 60).id
        ethics.mark_done(ws, young, "parent-notified", on=days_ago(3))
        with pytest.raises(ConsentError) as unconfirmed:
            consent.record(ws, sid, young, "paper", _yes(ws, sid, young), parties={"guardian": {"name": "G Ardian"}})
        assert describe(unconfirmed.value) == (
            "Consent not recorded: a parent or guardian completes \u201cAgreement of a parent or guardian (young "
            f"person aged 16 or 17)\u201d with {young}'s consent. Once they have, tick \u201cThe parent or guardian "
            "has completed their form\u201d in \u201cBefore consent\u201d."
        )
        pid, s2 = parent_of(ws)
        ethics.record_capacity(ws, s2, pid, UNABLE)
        with pytest.raises(ConsentError) as no_consultee:
            consent.record(ws, s2, pid, "paper", _yes(ws, s2, pid))
        assert describe(no_consultee.value) == (
            f"Consent not recorded: the capacity assessment at this session found {pid} cannot decide now, so the "
            "study's protocol asks a consultee for their advice and completes 'Personal consultee declaration'. In "
            "\u201cBefore consent\u201d, name the consultee and give their relationship, the kind of consultee and "
            "their advice."
        )
        ethics.record_capacity(ws, s2, pid, ABLE)
        with pytest.raises(ConsentError) as consultee_form:  # a consultee named where the pack always asks for one
            consent.record(ws, s2, pid, "paper", _yes(ws, s2, pid), parties={"consultee": {"name": "C"}})
        assert "tick \u201cThe consultee has completed their declaration\u201d" in describe(consultee_form.value)
    finally:
        ws.close()


def test_a_consultee_advising_against_is_worded_by_the_app_through_its_catalogue(  # type: ignore[no-untyped-def]
    qapp, pseudo_locale, tmp_path  # noqa: F811
) -> None:
    """In the pseudo-locale, the consultee route refused on the consultee's advice, and with no consultee
    named, are the catalogue's words; the form's title goes in as the pack wrote it."""
    from tests.unit.test_consent_applies import CONSULTEE, UNABLE, _open
    from tests.unit.test_consent_applies import _parent as parent_of

    ws = _open(tmp_path)
    try:
        pid, sid = parent_of(ws)
        ethics.record_capacity(ws, sid, pid, UNABLE)
        with pytest.raises(ConsentError) as no_consultee:
            consent.record(ws, sid, pid, "paper", _yes(ws, sid, pid))
        paper = pseudo_text(" and completes '{form}'").format(form="Personal consultee declaration")
        said = pseudo_text(
            "Consent not recorded: the capacity assessment at this session found {participant} cannot decide now, "
            "so the study's protocol asks a consultee for their advice{paper}. In \u201cBefore consent\u201d, name "
            "the consultee and give their relationship, the kind of consultee and their advice."
        )
        assert describe(no_consultee.value) == said.replace("{participant}", pid).replace("{paper}", paper)
        with pytest.raises(ConsentError) as advised:
            consent.record(ws, sid, pid, "paper", _yes(ws, sid, pid),
                           parties={"consultee": {**CONSULTEE, "advice": "not_take_part"}})  # fmt: skip
        said = pseudo_text(
            "Consent not recorded: the consultee advises that {participant} would not want to take part, so "
            "{participant} does not take part. Nothing is recorded but the refusal."
        )
        assert describe(advised.value) == said.replace("{participant}", pid)
    finally:
        ws.close()
