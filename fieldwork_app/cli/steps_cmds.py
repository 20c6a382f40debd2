"""The researcher's steps around a session, each a thin command over one service call: the home visit's
lone-working plan and check-in/check-out/home safe, the kit's battery, the session's date, the distress
protocol, the safeguarding record, a participant's identity details, notes, markers and topic-guide coverage.

What identifies someone (a visit address, identity details, a safeguarding account) is never taken from the
command line, where shell history and ``ps`` would keep it: it is read from a file, from standard input
(``-``) or typed at a prompt.  Identity details are printed only by ``participant identity show``, which asks
why (the reason is written to the audit log), as the desktop app does.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import TYPE_CHECKING, Any

from fieldwork_app import i18n
from fieldwork_app.cli import credentials, user_files
from fieldwork_app.cli.base import CliContext, LazyChoices, command
from fieldwork_app.domain.records import IDENTITY_FIELDS, LoneWorkingPlan
from fieldwork_app.errors import InvalidInput

if TYPE_CHECKING:
    from fieldwork_app.services.distress import DistressEvent
    from fieldwork_app.services.lonework import LoneWorkingState

# The services whose words an option takes (its choices): imported when the option is parsed or its help shown.
_DISTRESS = "fieldwork_app.services.distress"
_INTERVIEW = "fieldwork_app.services.interview"
_RECORDING = "fieldwork_app.services.recording"


def _t(text: str) -> str:
    return i18n.translate("cli", text)


def _prompt_line(label: str) -> str:
    if not sys.stdin.isatty():
        raise InvalidInput(
            _t("no {label} given: give it with a file (or - for standard input), or run in a terminal").format(
                label=label
            )
        )
    return input(f"{label}: ")


def _reason(args: argparse.Namespace) -> str:
    """Why the record is opened, as the desktop app asks before it shows one: required, never empty."""
    reason = (args.reason or "").strip()
    if not reason and sys.stdin.isatty():
        reason = input(_t("Why do you need them? (written to the audit log): ")).strip()
    if not reason:
        raise InvalidInput(_t("say why you need them (--reason TEXT); the reason is written to the audit log"))
    return reason


def _position(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--position", type=float, metavar="SECONDS", help=_t("the audio position, in seconds from the take's start")
    )


def _person(ws: Any, participant_id: str) -> str:
    """How the pack names one participant of this one's group ("the young person"), else their id."""
    from fieldwork_app.services import participants as participants_svc

    group = ws.pack().group(participants_svc.get(ws, participant_id).group_id)
    return str(group.person) if getattr(group, "person", None) else participant_id


def _session_person(ws: Any, session_id: str) -> str:
    """The pack's word for the one participant of a session ("the young person"), else a neutral one."""
    from fieldwork_app.services import participants as participants_svc
    from fieldwork_app.services import sessions as sessions_svc

    ids = sessions_svc.get(ws, session_id).participant_ids
    group = ws.pack().group(participants_svc.get(ws, ids[0]).group_id) if len(ids) == 1 else None
    return str(group.person) if group is not None and group.person else _t("the participant")


# -- registration -----------------------------------------------------------------------------------------
def register_session(sess: Any) -> None:
    """``session schedule`` and ``session battery`` (called where the ``session`` commands are made)."""
    p = sess.add_parser("schedule", help=_t("set or change the session's date and planned length"))
    p.add_argument("id")
    p.add_argument("--start", required=True, help=_t("planned start, YYYY-MM-DDTHH:MM"))
    p.add_argument("--minutes", type=int, help=_t("planned length in minutes (else the one planned stays)"))
    command(p, cmd_session_schedule)
    p = sess.add_parser("battery", help=_t("the kit check's battery line: charged or not"))
    p.add_argument("id")
    p.add_argument(
        "--charged", action=argparse.BooleanOptionalAction, required=True, help=_t("the battery is charged (or not)")
    )
    command(p, cmd_session_battery)


def register_participant(part: Any) -> None:
    """``participant identity set|show`` (called where the ``participant`` commands are made)."""
    ident = part.add_parser("identity", help=_t("a participant's identity details (kept in the identity store)"))
    isub = ident.add_subparsers(dest="identity_cmd", required=True)
    fields = ", ".join(IDENTITY_FIELDS)
    p = isub.add_parser("set", help=_t("set the identity details (they replace those kept)"))
    p.add_argument("id")
    p.add_argument(
        "--file",
        metavar="FILE",
        help=_t("a JSON object of {fields} (- reads standard input); else each is asked for").format(fields=fields),
    )
    command(p, cmd_identity_set)
    p = isub.add_parser("show", help=_t("print the identity details; asks why (the view is audited)"))
    p.add_argument("id")
    p.add_argument("--reason", help=_t("why you need them (else asked for); written to the audit log"))
    p.add_argument("--json", action="store_true")
    command(p, cmd_identity_show)


def register(sub: Any) -> None:
    _register_visit(sub)
    _register_distress(sub)
    _register_safeguarding(sub)
    _register_notes(sub)


def _register_visit(sub: Any) -> None:
    visit = sub.add_parser("visit", help=_t("a visit's lone working: plan, check-in, check-out, home safe"))
    vsub = visit.add_subparsers(dest="visit_cmd", required=True)
    p = vsub.add_parser(
        "plan", help=_t("save the lone-working plan (it replaces the saved one) and seal the visit address")
    )
    p.add_argument("id")
    p.add_argument(
        "--plan",
        required=True,
        metavar="FILE",
        help=_t("a JSON object: {fields} (- reads standard input)").format(fields=", ".join(PLAN_FIELDS)),
    )
    p.add_argument(
        "--address-file",
        metavar="FILE",
        help=_t("the visit address (- reads standard input); sealed in the identity store"),
    )
    p.add_argument("--ask-address", action="store_true", help=_t("type the visit address at a prompt"))
    command(p, cmd_visit_plan)
    p = vsub.add_parser("show", help=_t("where the visit stands now and what the buddy does"))
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    command(p, cmd_visit_show)
    for name, kind, text in (
        ("check-in", "check_in", _t("check in with your buddy on arrival")),
        ("check-out", "check_out", _t("check out with your buddy on leaving")),
        ("home-safe", "home_safe", _t("confirm you are home safe (after the check-out)")),
        ("code-word", "code_word", _t("record that the code word was used")),
    ):
        p = vsub.add_parser(name, help=text)
        p.add_argument("id")
        p.add_argument("--json", action="store_true")
        p.set_defaults(event_kind=kind)
        command(p, cmd_visit_event)
    p = vsub.add_parser("address", help=_t("print the sealed visit address; asks why (the view is audited)"))
    p.add_argument("id")
    p.add_argument("--reason", help=_t("why you need it (else asked for); written to the audit log"))
    command(p, cmd_visit_address)


def _register_distress(sub: Any) -> None:
    dis = sub.add_parser("distress", help=_t("the distress protocol: an event, step by step"))
    dsub = dis.add_subparsers(dest="distress_cmd", required=True)
    p = dsub.add_parser("open", help=_t("open a distress event for a session (or find the open one); prints its id"))
    p.add_argument("session")
    _position(p)
    p.add_argument(
        "--recording-paused", action="store_true", help=_t("the recording was paused as the event opened")
    )
    _whom(p, required=False)
    command(p, cmd_distress_open)

    def step(name: str, text: str) -> argparse.ArgumentParser:
        sp: argparse.ArgumentParser = dsub.add_parser(name, help=text)
        sp.add_argument("event")
        _position(sp)
        command(sp, cmd_distress_step)
        return sp

    step("stage", _t("the stage of the protocol reached")).add_argument("level", type=int)
    step("sign", _t("a sign seen (its id in the protocol)")).add_argument("sign_id")
    p = step("action", _t("an action taken (its id in the protocol)"))
    p.add_argument("action_id")
    p.add_argument("--not-done", action="store_true", help=_t("take back an action recorded as done"))
    step("choice", _t("the participant's choice")).add_argument("choice", choices=LazyChoices(_DISTRESS, "CHOICES"))
    step("recording", _t("the recording paused or resumed")).add_argument("state", choices=["paused", "resumed"])
    p = step("signposting", _t("support entries given (their ids in the pack)"))
    p.add_argument("entries", nargs="+")
    p.add_argument("--not-given", action="store_true", help=_t("take back entries recorded as given"))
    step("contact-consent", _t("consent to contact their doctor or other named contact")).add_argument(
        "consent", choices=["yes", "no"]
    )
    p = step("follow-up", _t("a follow-up call agreed (with its due date) or not"))
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--due", help=_t("when the call is due, YYYY-MM-DD or YYYY-MM-DDTHH:MM"))
    group.add_argument("--none", action="store_true", help=_t("no follow-up call was agreed"))
    p = step("pi-informed", _t("the chief investigator was told"))
    p.add_argument("--when", help=_t("when, YYYY-MM-DDTHH:MM (default now)"))
    p = step("debrief", _t("the researcher's debrief took place"))
    p.add_argument("--not-done", action="store_true")
    step("link-safeguarding", _t("link the safeguarding record this event led to")).add_argument("concern")
    _whom(step("participant", _t("whom the distress concerns, on a joint interview or a group")), required=True)
    p = dsub.add_parser("follow-up-done", help=_t("the agreed follow-up call took place"))
    p.add_argument("event")
    command(p, cmd_distress_follow_up_done)
    p = dsub.add_parser("close", help=_t("close the event: the interview resumed, or ended early"))
    p.add_argument("event")
    p.add_argument("outcome", choices=LazyChoices(_DISTRESS, "OUTCOMES"))
    p.add_argument("--reason", help=_t("why the session ended (research data, no names)"))
    command(p, cmd_distress_close)
    p = dsub.add_parser("show", help=_t("a session's distress events, or one event"))
    p.add_argument("id", help=_t("a session id or an event id"))
    p.add_argument("--json", action="store_true")
    command(p, cmd_distress_show)


def _whom(p: argparse.ArgumentParser, required: bool) -> None:
    """Whom a distress event concerns: one participant of the session, or the session as a whole."""
    whom = p.add_mutually_exclusive_group(required=required)
    whom.add_argument(
        "--participant", metavar="ID", help=_t("the participant the distress concerns (a joint interview or a group)")
    )
    whom.add_argument(
        "--whole-session",
        action="store_true",
        help=_t("the distress concerns the session as a whole, no one participant"),
    )


def _register_safeguarding(sub: Any) -> None:
    sg = sub.add_parser("safeguarding", help=_t("the safeguarding record (kept in the identity store)"))
    gsub = sg.add_subparsers(dest="safeguarding_cmd", required=True)
    command(
        gsub.add_parser("template", help=_t("print the record file to fill in: every field, empty")),
        cmd_safeguarding_template,
    )
    p = gsub.add_parser("record", help=_t("save a safeguarding record from a file (new, or --concern to add to one)"))
    p.add_argument("--session", required=True)
    p.add_argument(
        "--participant",
        required=True,
        help=_t("whom the record is about; with --concern, corrects it until the record is complete"),
    )
    p.add_argument(
        "--file",
        required=True,
        metavar="FILE",
        help=_t("a JSON object of the record's fields and a 'sharing' list (- reads standard input)"),
    )
    p.add_argument("--concern", help=_t("add to this record instead of starting one"))
    p.add_argument("--complete", action="store_true", help=_t("complete the record once it holds what it needs"))
    command(p, cmd_safeguarding_record)
    p = gsub.add_parser("list", help=_t("records not yet complete: ids and status only"))
    p.add_argument("--json", action="store_true")
    command(p, cmd_safeguarding_list)
    p = gsub.add_parser("show", help=_t("print a record; asks why (the view is audited)"))
    p.add_argument("concern")
    p.add_argument("--reason", help=_t("why you need it (else asked for); written to the audit log"))
    command(p, cmd_safeguarding_show)


def _register_notes(sub: Any) -> None:
    note = sub.add_parser("note", help=_t("a session's notes")).add_subparsers(dest="note_cmd", required=True)
    p = note.add_parser("add", help=_t("add a time-stamped note (its text from a file, standard input or a prompt)"))
    p.add_argument("session")
    p.add_argument("--kind", choices=LazyChoices(_INTERVIEW, "NOTE_KINDS"), default="note")
    p.add_argument("--file", metavar="FILE", help=_t("the note's text (- reads standard input); else asked for"))
    p.add_argument("--speaker", help=_t("the speaker label (as in the transcript)"))
    p.add_argument("--recording", help=_t("the take the position belongs to"))
    _position(p)
    command(p, cmd_note_add)
    p = note.add_parser("list", help=_t("the session's notes"))
    p.add_argument("session")
    p.add_argument("--kind", choices=LazyChoices(_INTERVIEW, "NOTE_KINDS"))
    p.add_argument("--json", action="store_true")
    command(p, cmd_note_list)

    mk = sub.add_parser("marker", help=_t("a session's markers")).add_subparsers(dest="marker_cmd", required=True)
    p = mk.add_parser("add", help=_t("set a marker on the session's timeline; prints its number"))
    p.add_argument("session")
    p.add_argument("--kind", choices=LazyChoices(_RECORDING, "MARKER_KINDS", leave_out=("section",)), default="marker")
    p.add_argument("--label", default="", help=_t("a short label (no names)"))
    p.add_argument("--speaker")
    p.add_argument("--recording", help=_t("the take the position belongs to"))
    _position(p)
    command(p, cmd_marker_add)
    p = mk.add_parser("list", help=_t("the session's markers"))
    p.add_argument("session")
    p.add_argument("--json", action="store_true")
    command(p, cmd_marker_list)

    guide = sub.add_parser("guide", help=_t("the session's topic guide: coverage, questions, sections"))
    gsub = guide.add_subparsers(dest="guide_cmd", required=True)
    p = gsub.add_parser("show", help=_t("each question's state and the time per section"))
    p.add_argument("session")
    p.add_argument("--json", action="store_true")
    command(p, cmd_guide_show)
    p = gsub.add_parser("mark", help=_t("mark a question asked, covered anyway, or skipped (with --reason)"))
    p.add_argument("session")
    p.add_argument("question")
    p.add_argument("state", choices=LazyChoices(_INTERVIEW, "QUESTION_STATES"))
    p.add_argument("--reason", help=_t("why it was skipped"))
    _position(p)
    command(p, cmd_guide_mark)
    p = gsub.add_parser("section", help=_t("the interview moved on to this section"))
    p.add_argument("session")
    p.add_argument("section")
    p.add_argument("--recording", help=_t("the take the position belongs to"))
    _position(p)
    command(p, cmd_guide_section)


# -- session date and battery -------------------------------------------------------------------------------
def cmd_session_schedule(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import sessions as sessions_svc

    if args.minutes is not None and args.minutes <= 0:
        raise InvalidInput(_t("--minutes: a planned length is a number of minutes above 0"))
    with credentials.workspace_for(args) as ws:
        minutes = args.minutes if args.minutes is not None else sessions_svc.get(ws, args.id).planned_minutes
        sessions_svc.set_schedule(ws, args.id, args.start, minutes)
    ctx.say(_t("Session {id} planned for {start}").format(id=args.id, start=args.start))
    return 0


def cmd_session_battery(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import sessions as sessions_svc

    with credentials.workspace_for(args) as ws:
        sessions_svc.set_battery_checked(ws, args.id, bool(args.charged))
    ctx.say(
        (_t("Session {id}: battery charged") if args.charged else _t("Session {id}: battery not charged")).format(
            id=args.id
        )
    )
    return 0


# -- lone working -------------------------------------------------------------------------------------------
PLAN_FIELDS = tuple(f.name for f in dataclasses.fields(LoneWorkingPlan))
_PLAN_TYPES = {"travel_home_minutes": int, "code_word_agreed": bool, "risk_assessment_done": bool}


def _visit_plan(spec: str) -> dict[str, Any]:
    data = user_files.read_json_object(spec, option="--plan", what=_t("lone-working plan"))
    where = user_files.source("--plan", spec)
    unknown = sorted(set(data) - set(PLAN_FIELDS))
    if unknown:
        raise InvalidInput(
            _t("{path}: unknown lone-working plan field(s) {unknown} (known: {known}); nothing was saved").format(
                path=where, unknown=", ".join(unknown), known=", ".join(PLAN_FIELDS)
            )
        )
    for name, value in data.items():
        want = _PLAN_TYPES.get(name, str)
        if type(value) is not want:
            kind = {int: _t("a whole number"), bool: _t("true or false"), str: _t("text")}[want]
            raise InvalidInput(
                _t("{path}: '{name}' must be {kind}; nothing was saved").format(path=where, name=name, kind=kind)
            )
    return data


def cmd_visit_plan(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import sessions as sessions_svc

    if args.address_file and args.ask_address:
        raise InvalidInput(_t("give the address one way: --address-file FILE or --ask-address"))
    user_files.one_standard_input(("--plan", args.plan), ("--address-file", args.address_file))
    plan = _visit_plan(args.plan)
    address = ""
    if args.address_file:
        address = user_files.read_text(args.address_file, option="--address-file", what=_t("address")).strip()
        if not address:
            raise InvalidInput(
                _t("{path}: the address file is empty").format(
                    path=user_files.source("--address-file", args.address_file)
                )
            )
    elif args.ask_address:
        address = _prompt_line(_t("Visit address")).strip()
    with credentials.workspace_for(args) as ws:
        sessions_svc.save_visit_plan(ws, args.id, plan, address)
        sealed = sessions_svc.has_sealed_location(ws, args.id)
    ctx.say(_t("Lone-working plan of {id} saved").format(id=args.id))
    if address:
        ctx.say(_t("The visit address is sealed in the identity store"))
    elif not sealed:
        ctx.say(_t("No visit address is sealed yet (--address-file FILE or --ask-address)"))
    return 0


def _hm(iso: str | None) -> str:
    return (iso or "")[:16].replace("T", " ")


def visit_lines(st: LoneWorkingState) -> list[str]:
    phase = str(st.phase)
    text = {
        "before": _t("not started: check in when you arrive (start {start}, check in by {check_in_by})"),
        "check_in_due": _t("check in now (by {check_in_by})"),
        "check_in_overdue": _t("check-in overdue by {minutes} min: your buddy calls you now"),
        "in_visit": _t("checked in at {checked_in}; check out when you leave (expected end {end})"),
        "check_out_due": _t("check out now (expected end {end})"),
        "check_out_overdue": _t("check-out overdue by {minutes} min"),
        "travelling": _t("checked out at {checked_out}; confirm home safe by {home_by}"),
        "home_safe_overdue": _t("home safe overdue by {minutes} min"),
        "closed": _t("home safe at {home_safe}: the visit is closed"),
        "code_word": _t("the code word was used at {code_word}"),
    }[phase]
    lines = [
        _t("Visit {id}: {state}").format(
            id=st.session_id,
            state=text.format(
                start=_hm(st.start),
                check_in_by=_hm(st.check_in_by),
                minutes=st.overdue_minutes,
                checked_in=_hm(st.checked_in_at),
                end=_hm(st.expected_end),
                checked_out=_hm(st.checked_out_at),
                home_by=_hm(st.home_safe_by),
                home_safe=_hm(st.home_safe_at),
                code_word=_hm(st.code_word_at),
            ),
        )
    ]
    if st.buddy_now:
        lines.append(_t("  the buddy now: {action}").format(action=st.buddy_now))
    return lines


def visit_still_open(ws: Any, session_id: str) -> str | None:
    """After ``session complete``: what is still open of the session's home visit (None when nothing)."""
    from fieldwork_app.services import lonework as lonework_svc
    from fieldwork_app.services import sessions as sessions_svc

    if not sessions_svc.get(ws, session_id).plan.get("lone_working"):
        return None
    try:
        st = lonework_svc.state(ws, session_id)
    except InvalidInput:
        return None  # an unfinished plan (no times): there is no visit to close; the session is completed
    if st.phase in ("closed", "before"):
        return None
    if st.checked_out_at is None and st.phase != "code_word":
        return _t(
            "The home visit is still open: you have not checked out with your buddy yet "
            "(fieldwork visit check-out {id}, then fieldwork visit home-safe {id})"
        ).format(id=session_id)
    return _t(
        "The home visit is still open: you have not yet confirmed that you are home safe "
        "(fieldwork visit home-safe {id})"
    ).format(id=session_id)


def open_visit_line(v: dict[str, Any]) -> str:
    """``status``: one visit begun and not yet closed by home safe."""
    if v["checked_in_at"] and not v["checked_out_at"]:
        text = _t("  open home visit: {session} checked in at {at}, not checked out ({phase})")
    elif v["checked_out_at"]:
        text = _t("  open home visit: {session} checked out at {at}, home safe not confirmed ({phase})")
    else:
        text = _t("  open home visit: {session} not checked in ({phase})")
    return text.format(session=v["session"], at=_hm(v["checked_out_at"] or v["checked_in_at"]), phase=v["phase"])


def _emit_visit(ctx: CliContext, st: LoneWorkingState, as_json: bool) -> None:
    if as_json:
        ctx.emit_json(dataclasses.asdict(st))
        return
    for line in visit_lines(st):
        ctx.say(line)


def cmd_visit_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import lonework as lonework_svc

    with credentials.workspace_for(args) as ws:
        st = lonework_svc.state(ws, args.id)
    _emit_visit(ctx, st, args.json)
    return 0


def cmd_visit_event(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import lonework as lonework_svc

    with credentials.workspace_for(args) as ws:
        st = lonework_svc.record(ws, args.id, args.event_kind)
    _emit_visit(ctx, st, args.json)
    return 0


def cmd_visit_address(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import sessions as sessions_svc

    reason = _reason(args)
    with credentials.workspace_for(args) as ws:
        sealed = sessions_svc.unseal_location(ws, args.id, reason)
    ctx.say(sealed.get("address", ""))
    if sealed.get("phone"):
        ctx.say(sealed["phone"])
    return 0


# -- distress -----------------------------------------------------------------------------------------------
def _step_data(args: argparse.Namespace) -> tuple[str, dict[str, Any]]:
    name = args.distress_cmd
    if name == "stage":
        return "stage", {"level": args.level}
    if name == "sign":
        return "sign", {"id": args.sign_id}
    if name == "action":
        return "action", {"id": args.action_id, "done": not args.not_done}
    if name == "choice":
        return "choice", {"choice": args.choice}
    if name == "recording":
        return f"recording_{args.state}", {}
    if name == "signposting":
        return "signposting", {"entries": list(args.entries), "given": not args.not_given}
    if name == "contact-consent":
        return "gp_contact_consent", {"consent": args.consent == "yes"}
    if name == "follow-up":
        return "follow_up", ({"agreed": False} if args.none else {"agreed": True, "due": args.due})
    if name == "pi-informed":
        return "pi_informed", ({"when": args.when} if args.when else {})
    if name == "debrief":
        return "debrief", {"done": not args.not_done}
    if name == "participant":
        return "participant", {"participant": None if args.whole_session else args.participant}
    return "safeguarding_link", {"concern": args.concern}


def distress_lines(ev: DistressEvent, to_record: list[str], person: str, joint: bool = False) -> list[str]:
    """An event as the command line shows it; ``joint``: its session has several participants, so whom it
    concerns is said (or that it is not said yet, and how to say it)."""
    lines = [
        _t("Distress event {id} of {session}: stage {stage}, {state}").format(
            id=ev.id,
            session=ev.session_id,
            stage=ev.highest_stage,
            state=_t("open") if ev.open else _t("closed ({outcome})").format(outcome=ev.outcome),
        )
    ]
    if ev.participant_id is not None:
        lines.append(_t("  concerns: {participant}").format(participant=ev.participant_id))
        person = ev.participant_id  # whose choice it is
    elif ev.whole_session:
        lines.append(_t("  concerns: the session as a whole"))
    elif joint:
        lines.append(
            _t("  whom it concerns is not said (fieldwork distress participant {id} --participant ID, or "
               "--whole-session)").format(id=ev.id)
        )  # fmt: skip
    if ev.signs:
        lines.append(_t("  signs: {signs}").format(signs=", ".join(ev.signs)))
    if ev.actions:
        lines.append(_t("  actions: {actions}").format(actions=", ".join(ev.actions)))
    if ev.choice:
        lines.append(_t("  {person} chose: {choice}").format(person=person, choice=ev.choice))
    if ev.signposting:
        lines.append(_t("  support given: {entries}").format(entries=", ".join(ev.signposting)))
    if ev.follow_up_due:
        lines.append(_t("  follow-up call due {due}").format(due=_hm(ev.follow_up_due)))
    if to_record:
        lines.append(_t("  the protocol still asks to record: {items}").format(items=", ".join(to_record)))
    return lines


def _event_json(ev: DistressEvent, to_record: list[str]) -> dict[str, Any]:
    return {**dataclasses.asdict(ev), "open": ev.open, "still_to_record": to_record}


def cmd_distress_open(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import distress as distress_svc

    with credentials.workspace_for(args) as ws:
        ev = distress_svc.open_with_recording(
            ws,
            args.session,
            args.position,
            recording_paused=args.recording_paused,
            participant=args.participant,
            whole_session=args.whole_session,
        )
        ask = distress_svc.whom_to_ask(ws, ev.session_id)
    ctx.say(ev.id)  # the id alone on standard output, for scripts
    if ask and not ev.concerns_said:
        ctx.warn(
            _t("This session has {n} participants ({ids}): say whom the distress concerns with "
               "'fieldwork distress participant {id} --participant ID' (or --whole-session).").format(
                n=len(ask), ids=", ".join(ask), id=ev.id
            )
        )  # fmt: skip
    return 0


def cmd_distress_step(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import distress as distress_svc

    kind, data = _step_data(args)
    with credentials.workspace_for(args) as ws:
        ev = distress_svc.record_step(ws, args.event, kind, position=args.position, **data)
        to_record = distress_svc.still_to_record(ws, ev.id)
        person = _session_person(ws, ev.session_id)
        joint = bool(distress_svc.whom_to_ask(ws, ev.session_id))
    for line in distress_lines(ev, to_record, person, joint):
        ctx.say(line)
    return 0


def cmd_distress_follow_up_done(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import distress as distress_svc

    with credentials.workspace_for(args) as ws:
        ev = distress_svc.follow_up_done(ws, args.event)
    ctx.say(_t("Follow-up call of {id} done").format(id=ev.id))
    return 0


def cmd_distress_close(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import distress as distress_svc

    with credentials.workspace_for(args) as ws:
        to_record = distress_svc.still_to_record(ws, args.event)
        ev = distress_svc.close_event(ws, args.event, args.outcome, args.reason)
    ctx.say(_t("Distress event {id} closed ({outcome})").format(id=ev.id, outcome=ev.outcome))
    if to_record:
        ctx.warn(
            _t("The protocol also asked to record: {items} (they can still be recorded)").format(
                items=", ".join(to_record)
            )
        )
    if ev.outcome == "ended_early":
        ctx.say(_t("Save the session's close-out next: fieldwork session closeout {session}").format(
            session=ev.session_id
        ))
    return 0


def cmd_distress_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import distress as distress_svc

    with credentials.workspace_for(args) as ws:
        if args.id.startswith("D-"):
            evs = [distress_svc.get(ws, args.id)]
        else:
            evs = distress_svc.events(ws, args.id)
        shown = [(ev, distress_svc.still_to_record(ws, ev.id)) for ev in evs]
        person = _session_person(ws, evs[0].session_id) if evs else ""
        joint = bool(evs) and bool(distress_svc.whom_to_ask(ws, evs[0].session_id))
    if args.json:
        ctx.emit_json([_event_json(ev, rec) for ev, rec in shown])
        return 0
    if not shown:
        ctx.say(_t("No distress event in {id}").format(id=args.id))
    for ev, rec in shown:
        for line in distress_lines(ev, rec, person, joint):
            ctx.say(line)
    return 0


# -- safeguarding -------------------------------------------------------------------------------------------
def cmd_safeguarding_template(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import safeguarding as safeguarding_svc

    with credentials.workspace_for(args) as ws:
        categories = [c.id for c in ws.pack().safeguarding.risk_categories]
    tpl: dict[str, Any] = {f: None for f in safeguarding_svc.FIELDS if f != "referral"}
    tpl["referral"] = dict.fromkeys(safeguarding_svc.REFERRAL_KEYS)
    tpl["sharing"] = []
    ctx.out.write(json.dumps(tpl, indent=2) + "\n")
    ctx.warn(_t("category is one of: {categories}").format(categories=", ".join(categories)))
    return 0


def _record_file(spec: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    data = user_files.read_json_object(spec, option="--file", what=_t("safeguarding record"))
    sharing = data.pop("sharing", [])
    if not isinstance(sharing, list) or not all(isinstance(e, dict) for e in sharing):
        raise InvalidInput(
            _t("{path}: 'sharing' is a list of objects; nothing was saved").format(
                path=user_files.source("--file", spec)
            )
        )
    fields = {k: v for k, v in data.items() if v is not None and v != {} and v != ""}
    if isinstance(fields.get("referral"), dict):
        fields["referral"] = {k: v for k, v in fields["referral"].items() if v is not None}
        if not fields["referral"]:
            del fields["referral"]
    return fields, sharing


def cmd_safeguarding_record(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import safeguarding as safeguarding_svc

    fields, sharing = _record_file(args.file)
    with credentials.workspace_for(args) as ws:
        saved = safeguarding_svc.save_record(
            ws, args.session, args.participant, fields, sharing, concern_id=args.concern, complete=args.complete
        )
    ctx.say(saved.id)
    if saved.status == "complete":
        ctx.say(_t("Safeguarding record {id} saved and complete").format(id=saved.id))
    else:
        ctx.say(_t("Safeguarding record {id} saved ({status})").format(id=saved.id, status=saved.status))
    if saved.missing:
        ctx.warn(
            _t("To complete it, the record still needs: {missing}").format(
                missing=", ".join(m.replace("_", " ") for m in saved.missing)
            )
        )
    if saved.not_completed is not None:
        return 1
    return 0


def cmd_safeguarding_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import safeguarding as safeguarding_svc

    with credentials.workspace_for(args) as ws:
        rows = safeguarding_svc.open_concerns(ws)
    if args.json:
        ctx.emit_json([dataclasses.asdict(r) for r in rows])
        return 0
    for r in rows:
        ctx.say(f"{r.id}\t{r.status}\t{r.session_id or ''}\t{r.participant_id or ''}\t{_hm(r.created_at)}")
    return 0


def cmd_safeguarding_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import safeguarding as safeguarding_svc

    reason = _reason(args)
    with credentials.workspace_for(args) as ws:
        concern = safeguarding_svc.get(ws, args.concern, reason)
    ctx.emit_json(dataclasses.asdict(concern))
    return 0


# -- identity details ---------------------------------------------------------------------------------------
def _identity_labels() -> dict[str, str]:
    return {
        "name": _t("name"),
        "preferred_name": _t("preferred name"),
        "phone": _t("phone"),
        "email": _t("email"),
        "address": _t("address"),
        "postcode": _t("postcode"),
        "notes": _t("notes"),
    }


def cmd_identity_set(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import participants as participants_svc

    if args.file:
        data = user_files.read_json_object(args.file, option="--file", what=_t("identity details"))
        bad = sorted(k for k, v in data.items() if not isinstance(v, str))
        if bad:
            raise InvalidInput(
                _t("{path}: identity details are text ({fields}); nothing was saved").format(
                    path=user_files.source("--file", args.file), fields=", ".join(bad)
                )
            )
        details = {k: str(v) for k, v in data.items()}
    else:
        if not sys.stdin.isatty():
            raise InvalidInput(
                _t("no identity details given: use --file FILE (- for standard input), or run in a terminal")
            )
        labels = _identity_labels()
        details = {f: input(f"{labels.get(f, f)}: ") for f in participants_svc.IDENTITY_FIELDS}
    with credentials.workspace_for(args) as ws:
        participants_svc.set_identity(ws, args.id, details)
        person = _person(ws, args.id)
    ctx.say(_t("Identity details of {id} ({person}) saved in the identity store").format(id=args.id, person=person))
    return 0


def cmd_identity_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import participants as participants_svc

    reason = _reason(args)
    with credentials.workspace_for(args) as ws:
        details = participants_svc.view_identity(ws, args.id, reason)
        person = _person(ws, args.id)
    if args.json:
        ctx.emit_json(details)
        return 0
    if not details:
        ctx.say(_t("No identity details are kept for {id} ({person})").format(id=args.id, person=person))
    labels = _identity_labels()
    for f in participants_svc.IDENTITY_FIELDS:
        if details.get(f):
            ctx.say(f"{labels.get(f, f)}: {details[f]}")
    return 0


# -- notes, markers, topic guide ----------------------------------------------------------------------------
def cmd_note_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import interview as interview_svc

    if args.file:
        text = user_files.read_text(args.file, option="--file", what=_t("note"))
    else:
        text = _prompt_line(_t("Note"))
    with credentials.workspace_for(args) as ws:
        note = interview_svc.add_note(
            ws, args.session, text, args.position, args.kind, args.speaker, args.recording
        )
    ctx.say(_t("Note {n} added to {session}").format(n=note.id, session=args.session))
    return 0


def cmd_note_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import interview as interview_svc

    with credentials.workspace_for(args) as ws:
        rows = interview_svc.notes(ws, args.session, args.kind)
    if args.json:
        ctx.emit_json([dataclasses.asdict(n) for n in rows])
        return 0
    for n in rows:
        pos = f"{n.position:.1f}s" if n.position is not None else "-"
        ctx.say(f"{n.id}\t{_hm(n.created_at)}\t{pos}\t{n.kind}\t{n.text}")
    return 0


def cmd_marker_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import recording as recording_svc

    with credentials.workspace_for(args) as ws:
        n = recording_svc.add_marker(
            ws, args.session, args.kind, args.label, args.position, args.recording, args.speaker
        )
    ctx.say(str(n))
    return 0


def cmd_marker_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import recording as recording_svc

    with credentials.workspace_for(args) as ws:
        rows = recording_svc.markers(ws, args.session)
    if args.json:
        ctx.emit_json(rows)
        return 0
    for m in rows:
        pos = f"{m['position']:.1f}s" if m["position"] is not None else "-"
        ctx.say(f"{m['row_id']}\t{_hm(m['created_at'])}\t{pos}\t{m['kind']}\t{m['label'] or ''}")
    return 0


def cmd_guide_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import interview as interview_svc

    with credentials.workspace_for(args) as ws:
        cov = interview_svc.coverage(ws, args.session)
    if args.json:
        ctx.emit_json({**dataclasses.asdict(cov), "counts": cov.counts()})
        return 0
    counts = cov.counts()
    ctx.say(
        _t("{guide}: {asked} asked, {covered} covered, {skipped} skipped, {open} open").format(
            guide=cov.guide, **counts
        )
    )
    for sec in cov.sections:
        ctx.say(
            _t("{section} ({spent:.0f} of {planned} min)").format(
                section=sec.section_id, spent=sec.spent_minutes, planned=sec.planned_minutes
            )
        )
        for q in sec.questions:
            ctx.say(f"  [{q.state or 'open'}] {q.question_id}\t{q.text}" + (f" ({q.reason})" if q.reason else ""))
    return 0


def cmd_guide_mark(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import interview as interview_svc

    with credentials.workspace_for(args) as ws:
        q = interview_svc.mark_question(ws, args.session, args.question, args.state, args.reason, args.position)
    ctx.say(_t("{question}: {state}").format(question=q.question_id, state=q.state))
    return 0


def cmd_guide_section(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import interview as interview_svc

    with credentials.workspace_for(args) as ws:
        interview_svc.enter_section(ws, args.session, args.section, args.position, recording_id=args.recording)
    ctx.say(_t("{session}: now in section {section}").format(session=args.session, section=args.section))
    return 0

