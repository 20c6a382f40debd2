"""Which consent statements (and other pack rules) apply to one participant: pure functions, no I/O.

A format-2 pack can make a statement, a party rule, a gating task, a capacity assessment, a signposting
entry or a voucher apply only to some participants: by an attribute (age band, language, needs an
interpreter), by group, or by the participant's answer to an earlier statement of the same form.  A statement that
does not apply is answered "not applicable"; it is required only where it applies.  Format-1 packs have
no conditions, so every statement applies and these functions give exactly the format-1 answers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from fieldwork_app.domain.pack import (
    Answer,
    AnyDocument,
    AttributeKind,
    CapacityRule,
    Condition,
    ConsentForm,
    DocumentVariant,
    GatingTask,
    Group,
    PartyRule,
    SafeguardingRoute,
    SafeguardingRules,
    Signposting,
    SignpostingEntry,
    Site,
    Statement,
    StatementRole,
    StudyPack,
    Voucher,
)

D = TypeVar("D", bound=AnyDocument)


@dataclass(frozen=True)
class Who:
    """The facts conditions read: the participant's group and attribute values (``{"age_band": "16-17"}``)."""

    group_id: str
    attributes: Mapping[str, str]
    # The attributes the pack asks of the participant's group (None: not known).  One it never asks of them
    # (a young person's age band, for a parent) is no fact still to come: a condition on it does not hold.
    asked: frozenset[str] | None = None


def who_for(pack: StudyPack, group_id: str, recorded: Mapping[str, str]) -> Who:
    """The participant's facts for conditions: the attributes recorded for them, and the pack's defaults for the
    optional ones not recorded."""
    asked = pack.attributes_for(group_id)
    values = {a.id: a.default for a in asked if a.default is not None}
    values.update(recorded)
    return Who(group_id, values, frozenset(a.id for a in asked))


def document_for(pack: StudyPack, main: D, who: Who) -> D:
    """The version of ``main`` to give the participant: in their language (an attribute of kind ``language``) and easy
    read where they asked for it (kind ``easy_read``), when the pack has such a variant in use; else the
    main document."""
    language: str | None = None
    easy = False
    for a in pack.attributes_for(who.group_id):
        value = who.attributes.get(a.id)
        if a.kind is AttributeKind.LANGUAGE and value:
            language = value
        elif a.kind is AttributeKind.EASY_READ and value == "yes":
            easy = True
    if easy:
        found = pack.variant_in_use(main, language, DocumentVariant.EASY_READ)
        if found is not main:
            return found  # type: ignore[return-value]
    return pack.variant_in_use(main, language)  # type: ignore[return-value]


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
    """Whether one condition holds; None when it depends on something not known yet: an attribute not
    recorded for the participant, or an answer not given yet.  Callers treat "not known" on the safe side: a
    statement that may apply is asked, a guardian who may be needed is needed."""
    if condition.groups:
        return who.group_id in condition.groups
    if condition.attribute is not None:
        value = who.attributes.get(condition.attribute)
        if value is None:
            # not recorded yet (None: decided later), or never asked of their group (it does not hold)
            return False if who.asked is not None and condition.attribute not in who.asked else None
        return value in condition.values
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
        """Required where it applies, and where it may apply (an attribute not recorded, an answer it waits
        on not given): a "no" to it then still counts as a decline, never as an optional answer."""
        return self.statement.required and self.applies is not False


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
    """What a set of answers amounts to for one participant.

    An answer is recorded per statement as agreed (``yes``), declined (``no``), ``not_applicable`` (its
    conditions do not hold for the participant) or unanswered (an optional statement left empty).  "Not applicable"
    is never a decline and never an agreement: a role (quotes, archiving ...) whose statement did not apply
    is in ``not_applicable_roles``, in neither ``declined_roles`` nor ``agreed_roles``."""

    complete: bool  # every required statement that applies (or may) is affirmed
    declined_required: tuple[str, ...]  # required, applies (or may), answered no: the participant does not take part
    unanswered: tuple[str, ...]  # applies (or may) and has no answer yet (optional ones included)
    not_applicable: tuple[str, ...]
    declined_roles: frozenset[StatementRole]  # roles of statements the participant answered no
    answers: Mapping[str, str]  # the answers to record: yes / no / not_applicable per statement
    missing: tuple[str, ...] = ()  # required statements that apply (or may) with no answer yet
    agreed_roles: frozenset[StatementRole] = frozenset()  # roles of statements the participant answered yes
    not_applicable_roles: frozenset[StatementRole] = frozenset()
    recording_affirmed: bool = False  # every recording statement of the form answered yes

    def refusal_reason(self) -> str:
        """Why these answers are not a consent (empty when they are), for the core's own message; a face
        words the facts (``declined_required``, ``missing``) itself (services/consent_words.py), and the audit
        log keeps the facts only."""
        if self.declined_required:
            return "required statement(s) not affirmed: " + ", ".join(self.declined_required)
        if self.missing:
            return "required statement(s) not answered: " + ", ".join(self.missing)
        return ""


def evaluate(form: ConsentForm, who: Who, answers: Mapping[str, object]) -> ConsentOutcome:
    """Evaluate ``answers`` (statement id -> True/False/'yes'/'no'/'not_applicable'/initials/None) against
    ``form`` for this participant.  One evaluator for every pack: a format-1 form has no conditions, so
    every statement applies.  A required statement whose conditions cannot be decided yet (an attribute
    not recorded) is treated as applying: it must be affirmed, and a "no" to it is a decline."""
    states = statement_states(form, who, answers)
    may_apply = [st for st in states if st.applies is not False]
    declined = tuple(st.statement.id for st in may_apply if st.statement.required and st.answer == Answer.NO.value)
    missing = tuple(st.statement.id for st in may_apply if st.statement.required and st.answer is None)
    unanswered = tuple(st.statement.id for st in may_apply if st.answer is None)
    na = tuple(st.statement.id for st in states if st.applies is False)

    def roles(answer: str) -> frozenset[StatementRole]:
        return frozenset(
            st.statement.role for st in states if st.statement.role is not None and st.answer == answer
        )

    recording = [st for st in states if st.statement.role is StatementRole.RECORDING]
    recorded = {st.statement.id: st.answer for st in states if st.answer is not None}
    return ConsentOutcome(
        complete=not declined and not missing,
        declined_required=declined,
        unanswered=unanswered,
        not_applicable=na,
        declined_roles=roles(Answer.NO.value),
        answers=recorded,
        missing=missing,
        agreed_roles=roles(Answer.YES.value),
        not_applicable_roles=roles(Answer.NOT_APPLICABLE.value),
        recording_affirmed=bool(recording) and all(st.answer == Answer.YES.value for st in recording),
    )


@dataclass(frozen=True)
class ConditionFacts:
    """One condition as facts, for each face to word in its own language: which attribute and which of its
    choices (the pack's own labels), which groups (their labels), or which earlier statement and answer.
    Exactly one kind is filled in, as in the pack's :class:`Condition`."""

    attribute: str = ""  # the attribute's label, as the pack wrote it
    values: tuple[str, ...] = ()  # the labels of the attribute's choices the condition names
    groups: tuple[str, ...] = ()  # the labels of the groups the condition names
    statement: str = ""  # the id of the earlier statement of the same form
    answer: str = ""  # "yes" or "no": the answer to it the condition asks for


def facts(conditions: Sequence[Condition], pack: StudyPack) -> tuple[ConditionFacts, ...]:
    """The conditions as facts, from the pack's own labels (an id the pack does not label stays an id)."""
    out = []
    for c in conditions:
        if c.attribute is not None:
            attr = next((a for a in pack.attributes if a.id == c.attribute), None)
            labels = {ch.id: str(ch.label) for ch in attr.choices} if attr is not None else {}
            name = str(attr.label) if attr is not None else c.attribute
            out.append(ConditionFacts(attribute=name, values=tuple(labels.get(v, str(v)) for v in c.values)))
        elif c.groups:
            names = {g.id: str(g.label) for g in pack.groups}
            out.append(ConditionFacts(groups=tuple(names.get(g, g) for g in c.groups)))
        else:
            out.append(ConditionFacts(statement=str(c.statement), answer=str(c.answer)))
    return tuple(out)


def parties_for(group: Group, who: Who) -> list[PartyRule]:
    """The other people whose part this participant's consent needs (guardian, witness, interpreter ...);
    a rule whose condition cannot be decided yet (their age band not recorded) is included."""
    return [r for r in group.parties if all_hold(r.when, who) is not False]


def gating_tasks_for(group: Group, who: Who) -> list[GatingTask]:
    """The tasks that must be done before this participant's session or consent (a parent notified);
    one whose condition cannot be decided yet is included."""
    return [t for t in group.gating_tasks if all_hold(t.when, who) is not False]


def capacity_rule_for(group: Group, who: Who) -> CapacityRule | None:
    """The capacity assessment each of the participant's sessions needs (also when its condition is not known yet)."""
    rule = group.capacity
    if rule is None or all_hold(rule.when, who) is False:
        return None
    return rule


def signposting_for(signposting: Signposting, who: Who, site_id: str | None = None) -> list[SignpostingEntry]:
    """The support entries to give the participant: their group's, matching their attributes, and their site's."""
    return [
        e
        for e in signposting.entries
        if e.for_group(who.group_id)
        and all_hold(e.when, who) is not False  # when in doubt, more support rather than less
        and (not e.sites or site_id is None or site_id in e.sites)
    ]


def safeguarding_route(rules: SafeguardingRules, who: Who) -> SafeguardingRoute | None:
    """The safeguarding route for the participant: the first whose conditions hold; when one cannot be decided (their
    age band not recorded), that one, since a route listed earlier is the more protective one."""
    return next((r for r in rules.routes if all_hold(r.when, who) is not False), None)


def site_for(pack: StudyPack, who: Who, venue_id: str | None = None) -> Site | None:
    """The participant's site: the one the session's venue names, else the one their site attribute
    (``names_site``) names."""
    venue = next((v for v in pack.venues if v.id == venue_id), None) if venue_id else None
    site_id = venue.site if venue is not None else None
    if site_id is None:
        site_id = next(
            (who.attributes.get(a.id) for a in pack.attributes_for(who.group_id) if a.names_site), None
        )
    return next((s for s in pack.sites if s.id == site_id), None)


def vouchers_for(vouchers: Sequence[Voucher], who: Who, session_format: str | None = None) -> list[Voucher]:
    return [
        v
        for v in vouchers
        if (not v.groups or who.group_id in v.groups)
        and all_hold(v.when, who) is True
        and (not v.session_formats or session_format is None or session_format in v.session_formats)
    ]
