"""Why a consent was not recorded, in words: one table for both faces.

The core gives the facts of a refused consent as an error's parameters: for answers that are not a consent
(:data:`~fieldwork_app.errors.ErrorCode.STATEMENTS_REFUSED`) the required statements declined and those left
unanswered; for a party the protocol asks for and nobody named
(:data:`~fieldwork_app.errors.ErrorCode.PARTY_MISSING`) the party's role, the title of the form they complete,
the participant and the attributes not recorded yet; for a guardian's or consultee's own form not confirmed
completed (:data:`~fieldwork_app.errors.ErrorCode.PARTY_FORM_NOT_CONFIRMED`) the role, the participant and the
form's title; for the consultee route with no consultee named
(:data:`~fieldwork_app.errors.ErrorCode.CONSULTEE_ADVICE_NEEDED`) the participant and the title of the
consultee's form, if any.  This module words them.  It imports no Qt: each face
passes its own translate function, ``translate(context, text)`` (the desktop app ``QCoreApplication.translate``,
the command line ``fieldwork_app.i18n.translate``).  The calls below are written ``translate("Consent", "...")``
so that ``pyside6-lupdate`` finds every string for the catalogue.  The pack's own words (a form's title,
attribute ids, statement ids) go in as the pack wrote them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from fieldwork_app.errors import ErrorCode

Translate = Callable[[str, str], str]


def party(role: str, translate: Translate) -> str:
    """Who a party role is, as a sentence names them: ``a parent or guardian``; an unknown role as it is."""
    names = {
        "guardian": translate("Consent", "a parent or guardian"),
        "consultee": translate("Consent", "a consultee"),
        "witness": translate("Consent", "a witness"),
        "interpreter": translate("Consent", "an interpreter"),
    }
    return names.get(role, role)


def party_missing(params: Mapping[str, str], translate: Translate) -> dict[str, str]:
    """The parameters of a PARTY_MISSING error with its facts worded: ``party`` (who, and the form they
    complete) and ``why`` (the attributes not recorded yet, or "")."""
    out = dict(params)
    who = party(params.get("role", ""), translate)
    out["party"] = who
    form = params.get("form", "")
    if form:
        out["party"] = translate("Consent", "{party} ('{form}')").format(party=who, form=form)
    out["why"] = ""
    unrecorded = params.get("unrecorded", "")
    if unrecorded:
        out["why"] = translate(
            "Consent",
            " while {participant}'s {attributes} is not recorded (record it first: the protocol may not ask for "
            "one then)",
        ).format(participant=params.get("participant", ""), attributes=unrecorded)
    return out


def statements_refused(params: Mapping[str, str], translate: Translate) -> dict[str, str]:
    """The parameters of a STATEMENTS_REFUSED error with ``refusal`` worded: the required statements the
    participant declined, else those not answered yet."""
    out = dict(params)
    declined = params.get("declined", "")
    said = translate("Consent", "required statement(s) not answered: {statements}")
    if declined:
        said = translate("Consent", "required statement(s) not affirmed: {statements}")
    out["refusal"] = said.format(statements=declined or params.get("unanswered", ""))
    return out


def party_form(params: Mapping[str, str], translate: Translate) -> dict[str, str]:
    """The parameters of a PARTY_FORM_NOT_CONFIRMED error with ``party`` worded (who completes the form)."""
    return {**params, "party": party(params.get("role", ""), translate)}


def consultee_advice_needed(params: Mapping[str, str], translate: Translate) -> dict[str, str]:
    """The parameters of a CONSULTEE_ADVICE_NEEDED error with ``paper`` worded: the consultee's form they
    complete as well, or ""."""
    form = params.get("form", "")
    paper = translate("Consent", " and completes '{form}'").format(form=form) if form else ""
    return {**params, "paper": paper}


def worded(code: ErrorCode | None, params: Mapping[str, str], translate: Translate) -> dict[str, str]:
    """``params`` with the consent facts of ``code`` worded (any other code's parameters as they are)."""
    if code is ErrorCode.PARTY_MISSING:
        return party_missing(params, translate)
    if code is ErrorCode.PARTY_FORM_NOT_CONFIRMED:
        return party_form(params, translate)
    if code is ErrorCode.CONSULTEE_ADVICE_NEEDED:
        return consultee_advice_needed(params, translate)
    if code is ErrorCode.STATEMENTS_REFUSED:
        return statements_refused(params, translate)
    return dict(params)
