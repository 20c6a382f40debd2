"""Which consent statements (and other pack rules) apply to one participant: pure functions, no I/O.

A format-2 pack can make a statement, a party rule, a gating task, a capacity assessment, a signposting
entry or a voucher apply only to some participants: by an attribute (age band, language, needs an
interpreter), by group, or by her answer to an earlier statement of the same form.  A statement that
does not apply is answered "not applicable"; it is required only where it applies.  Format-1 packs have
no conditions, so every statement applies and these functions give exactly the format-1 answers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from fieldwork_app.domain.pack import (
    Answer,
    CapacityRule,
    Condition,
    ConsentForm,
    GatingTask,
    Group,
    PartyRule,
    SafeguardingRoute,
    SafeguardingRules,
    Signposting,
    SignpostingEntry,
    Statement,
    StatementRole,
    Voucher,
)


@dataclass(frozen=True)
class Who:
    """The facts conditions read: her group and attribute values (``{"age_band": "16-17"}``)."""

    group_id: str
    attributes: Mapping[str, str]


def _norm(answer: object) -> str | None:
    """An answer as 'yes', 'no', 'not_applicable' or None (unanswered): True/initials count as yes."""
    if answer is None:
        return None
    if isinstance(answer, Answer):
        return answer.value
    if answer is True:
        return Answer.YES.value
    if answer is False:
        return Answer.NO.value
    if isinstance(answer, str):
        text = answer.strip()
        if not text:
            return None
        if text.lower() in ("yes", "no", "not_applicable"):
            return text.lower()
        return Answer.YES.value  # initials
    return None


def holds(condition: Condition, who: Who, answers: Mapping[str, object] | None = None) -> bool | None:
    """Whether one condition holds; None when it depends on an answer not given yet."""
    if condition.groups:
        return who.group_id in condition.groups
    if condition.attribute is not None:
        value = who.attributes.get(condition.attribute)
        return value is not None and value in condition.values
    given = _norm((answers or {}).get(condition.statement or ""))
    if given is None:
        return None
    return given == condition.answer


def all_hold(
    conditions: Sequence[Condition], who: Who, answers: Mapping[str, object] | None = None
) -> bool | None:
    """Every condition holds (True), one fails (False), or the outcome still waits on an answer (None)."""
    pending = False
    for c in conditions:
        result = holds(c, who, answers)
        if result is False:
            return False
        if result is None:
            pending = True
    return None if pending else True


@dataclass(frozen=True)
class StatementState:
    statement: Statement
    applies: bool | None  # None: depends on an answer not given yet
    answer: str | None  # 'yes', 'no', 'not_applicable' or None

    @property
    def required(self) -> bool:
        return self.statement.required and self.applies is True


def statement_states(form: ConsentForm, who: Who, answers: Mapping[str, object]) -> list[StatementState]:
    """Each statement of ``form`` for this participant, in form order, with the answer as it counts:
    a statement that does not apply is "not applicable" whatever was given for it."""
    out: list[StatementState] = []
    for s in form.statements:
        applies = all_hold(s.applies_when, who, answers) if s.applies_when else True
        given = _norm(answers.get(s.id))
        if applies is False:
            given = Answer.NOT_APPLICABLE.value
        elif given == Answer.NOT_APPLICABLE.value:
            given = None  # "not applicable" for a statement that applies is no answer
        out.append(StatementState(s, applies, given))
    return out


def applicable_statement_ids(form: ConsentForm, who: Who, answers: Mapping[str, object]) -> list[str]:
    return [st.statement.id for st in statement_states(form, who, answers) if st.applies is not False]


def not_applicable_ids(form: ConsentForm, who: Who, answers: Mapping[str, object]) -> list[str]:
    return [st.statement.id for st in statement_states(form, who, answers) if st.applies is False]


@dataclass(frozen=True)
class ConsentOutcome:
    """What a set of answers amounts to for one participant."""

    complete: bool  # every required statement that applies is affirmed; nothing applicable unanswered
    declined_required: tuple[str, ...]  # required, applies, answered no: she does not take part
    unanswered: tuple[str, ...]  # applies (or may) and has no answer yet
    not_applicable: tuple[str, ...]
    declined_roles: frozenset[StatementRole]  # roles of optional statements she answered no
    answers: Mapping[str, str]  # the answers to record: yes / no / not_applicable per statement


def evaluate(form: ConsentForm, who: Who, answers: Mapping[str, object]) -> ConsentOutcome:
    """Evaluate ``answers`` (statement id -> True/False/'yes'/'no'/initials/None) against ``form``."""
    states = statement_states(form, who, answers)
    declined = tuple(st.statement.id for st in states if st.required and st.answer == Answer.NO.value)
    unanswered = tuple(st.statement.id for st in states if st.applies is not False and st.answer is None)
    na = tuple(st.statement.id for st in states if st.applies is False)
    roles = frozenset(
        st.statement.role
        for st in states
        if st.statement.role is not None and st.answer in (Answer.NO.value, Answer.NOT_APPLICABLE.value)
    )
    recorded = {st.statement.id: st.answer for st in states if st.answer is not None}
    return ConsentOutcome(
        complete=not declined and not unanswered,
        declined_required=declined,
        unanswered=unanswered,
        not_applicable=na,
        declined_roles=roles,
        answers=recorded,
    )


def parties_for(group: Group, who: Who) -> list[PartyRule]:
    """The other people whose part this participant's consent needs (guardian, witness, interpreter ...)."""
    return [r for r in group.parties if all_hold(r.when, who) is True]


def gating_tasks_for(group: Group, who: Who) -> list[GatingTask]:
    """The tasks that must be done before this participant's session or consent (a parent notified)."""
    return [t for t in group.gating_tasks if all_hold(t.when, who) is True]


def capacity_rule_for(group: Group, who: Who) -> CapacityRule | None:
    """The capacity assessment each of her sessions needs, or None."""
    rule = group.capacity
    if rule is None or all_hold(rule.when, who) is not True:
        return None
    return rule


def signposting_for(signposting: Signposting, who: Who, site_id: str | None = None) -> list[SignpostingEntry]:
    """The support entries to give her: her group's, matching her attributes, and her site's."""
    return [
        e
        for e in signposting.entries
        if e.for_group(who.group_id)
        and all_hold(e.when, who) is True
        and (not e.sites or site_id is None or site_id in e.sites)
    ]


def safeguarding_route(rules: SafeguardingRules, who: Who) -> SafeguardingRoute | None:
    """The first safeguarding route whose conditions hold (the children's or adults' procedure)."""
    return next((r for r in rules.routes if all_hold(r.when, who) is True), None)


def vouchers_for(vouchers: Sequence[Voucher], who: Who, session_format: str | None = None) -> list[Voucher]:
    return [
        v
        for v in vouchers
        if (not v.groups or who.group_id in v.groups)
        and all_hold(v.when, who) is True
        and (not v.session_formats or session_format is None or session_format in v.session_formats)
    ]
