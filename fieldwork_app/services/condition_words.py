"""Whom a consent statement is for, in words: one table for both faces.

The core gives a statement's conditions as facts (:class:`fieldwork_app.domain.conditions.ConditionFacts`:
an attribute and the labels of its choices, groups, or an earlier statement and the answer to it); this module
words them.  It imports no Qt: each face passes its own translate function, ``translate(context, text)`` (the
desktop app ``QCoreApplication.translate``, the command line ``fieldwork_app.i18n.translate``).  The calls
below are written ``translate("Conditions", "...")`` so that ``pyside6-lupdate`` finds every string for the
catalogue.  The pack's own labels go in as the pack wrote them.

Facts go in with ``str.format`` (``{name}`` fields), after the translation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from fieldwork_app.domain.conditions import ConditionFacts
from fieldwork_app.errors import FieldworkError
from fieldwork_app.services.consent import AnswerRefused

Translate = Callable[[str, str], str]


def condition(fact: ConditionFacts, translate: Translate) -> str:
    """``Age band at consent is 16 or 17``, ``in the group Parents``, ``statement O2 is answered yes``."""
    either = translate("Conditions", " or ")
    if fact.attribute:
        return translate("Conditions", "{attribute} is {values}").format(
            attribute=fact.attribute, values=either.join(fact.values)
        )
    if fact.groups:
        return translate("Conditions", "in the group {groups}").format(groups=either.join(fact.groups))
    answers = {"yes": translate("Conditions", "yes"), "no": translate("Conditions", "no")}
    return translate("Conditions", "statement {statement} is answered {answer}").format(
        statement=fact.statement, answer=answers.get(fact.answer, fact.answer)
    )


def conditions(facts: Sequence[ConditionFacts], translate: Translate) -> str:
    """Every condition, each worded by :func:`condition` (all must hold); "" when there is none."""
    return translate("Conditions", "; ").join(condition(f, translate) for f in facts)


def applies_only_where(facts: Sequence[ConditionFacts], translate: Translate) -> str:
    """``applies only where ...``: why a statement is not asked of a participant."""
    return translate("Conditions", "applies only where {conditions}").format(
        conditions=conditions(facts, translate)
    )


def answer_refused(exc: FieldworkError, translate: Translate) -> dict[str, str]:
    """The parameters of a refused consent answer, with its statement's conditions worded (``why``)."""
    params = dict(exc.params)
    if isinstance(exc, AnswerRefused) and exc.conditions:
        params["why"] = conditions(exc.conditions, translate)
    return params
