"""Vault, study pack, participant, session, consent, status and audit commands."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldwork_app import i18n
from fieldwork_app.cli import clear_file, credentials, steps_cmds, user_files
from fieldwork_app.cli.base import CliContext, LazyChoices, command
from fieldwork_app.cli.messages import checklist_line
from fieldwork_app.errors import ErrorKind, FieldworkError, InvalidInput, NotFound

if TYPE_CHECKING:
    from fieldwork_app.services.workspace import Workspace

ROLES = LazyChoices("fieldwork_app.services.workspace", "ROLES")  # read when --role is parsed or shown


def _t(text: str) -> str:
    return i18n.translate("cli", text)


def register(sub: Any) -> None:
    p = sub.add_parser("init", help=_t("create a vault on this laptop (prints the recovery key once)"))
    p.add_argument(
        "--user", dest="init_user", help=_t("the first user's name (or the global --user / FIELDWORK_USER)")
    )
    p.add_argument("--role", choices=ROLES, default="researcher")
    p.add_argument("--new-passphrase-file", help=_t("read the new passphrase from this file"))
    command(p, cmd_init)

    user = sub.add_parser("user", help=_t("users of this vault")).add_subparsers(dest="user_cmd", required=True)
    p = user.add_parser("add", help=_t("add a user with their own passphrase"))
    p.add_argument("name")
    p.add_argument("--role", choices=ROLES, default="research_assistant")
    p.add_argument("--new-passphrase-file", help=_t("read the new user's passphrase from this file"))
    command(p, cmd_user_add)
    p = user.add_parser("remove", help=_t("remove a user's key slot (with --rekey, also a new data key)"))
    p.add_argument("name")
    p.add_argument(
        "--rekey",
        action="store_true",
        help=_t("re-key the vault at once, so no older copy of the key slots opens it"),
    )
    command(p, cmd_user_remove)
    command(user.add_parser("list", help=_t("list users")), cmd_user_list)

    pp = sub.add_parser("passphrase", help=_t("passphrases")).add_subparsers(dest="pp_cmd", required=True)
    p = pp.add_parser("change", help=_t("change your passphrase (rewraps your key slot only)"))
    p.add_argument("--new-passphrase-file")
    p.add_argument(
        "--rekey", action="store_true", help=_t("re-key the vault at once, so the old passphrase opens no older copy")
    )
    command(p, cmd_passphrase_change)
    p = pp.add_parser("reset", help=_t("set a new passphrase with the recovery key"))
    p.add_argument(
        "--recovery-key-file", help=_t("file holding the recovery key (else FIELDWORK_RECOVERY_KEY or a prompt)")
    )
    p.add_argument("--new-passphrase-file")
    p.add_argument(
        "--rekey", action="store_true", help=_t("re-key the vault at once, so the old passphrase opens no older copy")
    )
    command(p, cmd_passphrase_reset)

    pack = sub.add_parser("pack", help=_t("study packs")).add_subparsers(dest="pack_cmd", required=True)
    p = pack.add_parser("validate", help=_t("check a study pack; one located error per line"))
    p.add_argument("path", type=Path)
    command(p, cmd_pack_validate)
    p = pack.add_parser("upgrade", help=_t("rewrite a format-1 study pack as format 2, keeping its comments"))
    p.add_argument("path", type=Path)
    p.add_argument("--output", type=Path, help=_t("write the upgraded pack to this new folder instead of in place"))
    command(p, cmd_pack_upgrade)
    p = pack.add_parser("import", help=_t("import a study pack (all or nothing)"))
    p.add_argument("path", type=Path, nargs="?")
    p.add_argument("--example", action="store_true", help=_t("the built-in example study"))
    p.add_argument("--study-key", type=Path, help=_t("use this age public key file (study.pub) for sync"))
    p.add_argument(
        "--accept-study-key",
        metavar="SHA256:...",
        help=_t("confirm a changed study key by its fingerprint (check it with the data manager)"),
    )
    p.add_argument(
        "--accept-identity-key",
        metavar="SHA256:...",
        help=_t("confirm a changed identity key by its fingerprint"),
    )
    p.add_argument(
        "--accept-identity-store",
        metavar="NAME",
        help=_t("confirm a changed identity store by its new name ('none' for none)"),
    )
    p.add_argument(
        "--accept-pack-signer",
        metavar="FINGERPRINT",
        help=_t("confirm packs from a new data manager signing key, by its fingerprint"),
    )
    p.add_argument(
        "--accept-older-pack",
        action="store_true",
        help=_t("make a pack no newer than one already imported the one in use (check with the data manager)"),
    )
    command(p, cmd_pack_import)
    p = pack.add_parser("list", help=_t("imported packs and document versions"))
    p.add_argument("--json", action="store_true")
    command(p, cmd_pack_list)

    part = sub.add_parser("participant", help=_t("participants")).add_subparsers(dest="part_cmd", required=True)
    p = part.add_parser("add", help=_t("add a participant; prints the new pseudonymous id"))
    p.add_argument("--group", required=True)
    p.add_argument("--linked-to", help=_t("id of the participant this one is linked to (the group's linked_to)"))
    p.add_argument(
        "--attr",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help=_t("a participant attribute the pack defines"),
    )
    command(p, cmd_participant_add)
    p = part.add_parser(
        "attributes", help=_t("show or set the pack's participant attributes (age band, language ...)")
    )
    p.add_argument("id")
    p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", dest="values")
    p.add_argument("--json", action="store_true")
    command(p, cmd_participant_attributes)
    p = part.add_parser("list", help=_t("list participants"))
    p.add_argument("--group")
    p.add_argument("--json", action="store_true")
    command(p, cmd_participant_list)
    p = part.add_parser("screen", help=_t("record eligibility answers from a JSON file {criterion: true/false}"))
    p.add_argument("id")
    p.add_argument("--answers", type=Path, required=True)
    command(p, cmd_participant_screen)
    p = part.add_parser("tasks", help=_t("the tasks the protocol asks for before a participant's session"))
    p.add_argument("id")
    command(p, cmd_participant_tasks)
    p = part.add_parser("task-done", help=_t("mark a task the protocol asks for as done (a parent notified ...)"))
    p.add_argument("id")
    p.add_argument("task")
    p.add_argument("--note", default="", help=_t("a short note (no names)"))
    p.add_argument("--date", help=_t("the day it was done, YYYY-MM-DD, if before today"))
    command(p, cmd_participant_task_done)
    p = part.add_parser("withdraw", help=_t("record a withdrawal"))
    p.add_argument("id")
    p.add_argument("--scope", required=True, choices=["no_further_contact", "no_further_data", "delete_data"])
    p.add_argument("--date", required=True, help=_t("effective date, YYYY-MM-DD"))
    p.add_argument("--after-cutoff", action="store_true", help=_t("the analysis cut-off has passed"))
    p.add_argument(
        "--delete-unsent",
        action="store_true",
        help=_t(
            "with delete_data: confirm that the participant's sessions not yet sent are deleted here and never sent"
        ),
    )
    command(p, cmd_participant_withdraw)
    steps_cmds.register_participant(part)  # participant identity set, show

    sess = sub.add_parser("session", help=_t("sessions")).add_subparsers(dest="sess_cmd", required=True)
    p = sess.add_parser("new", help=_t("plan a session; prints the new id"))
    p.add_argument("--participant", action="append", required=True, dest="participants")
    p.add_argument("--format", required=True, choices=["interview", "focus-group", "joint-interview"])
    p.add_argument(
        "--location", default=None, help=_t("a venue the pack defines, or home, clinic, remote_video, phone")
    )
    p.add_argument("--start", help=_t("planned start, YYYY-MM-DDTHH:MM"))
    p.add_argument("--minutes", type=int, help=_t("planned length in minutes"))
    command(p, cmd_session_new)
    p = sess.add_parser("list", help=_t("list sessions"))
    p.add_argument("--json", action="store_true")
    command(p, cmd_session_list)
    p = sess.add_parser("checklist", help=_t("what is still needed before the session is ready"))
    p.add_argument("id")
    command(p, cmd_session_checklist)
    clear_file.register_session(sess)  # session buddy-sheet
    steps_cmds.register_session(sess)  # session schedule, battery
    p = sess.add_parser("closeout", help=_t("save the session's close-out: wellbeing check, support list, voucher"))
    p.add_argument("id")
    p.add_argument("--wellbeing", help=_t("how the participant was at the end (the wellbeing check)"))
    p.add_argument(
        "--signposting", action="append", default=[], metavar="ENTRY", help=_t("a support entry given (repeat)")
    )
    p.add_argument(
        "--voucher",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help=_t('a JSON file {"type": ..., "value": ..., "serial": ..., "participant_id": ...} (repeat)'),
    )
    p.add_argument("--field-notes", help=_t("field notes (replaces those saved; not given: kept)"))
    p.add_argument("--reflexive-note", help=_t("a reflexive note (replaces the one saved; not given: kept)"))
    p.add_argument("--follow-up", action="append", default=[], metavar="TITLE", help=_t("a follow-up task (repeat)"))
    command(p, cmd_session_closeout)
    p = sess.add_parser("capacity", help=_t("record a capacity assessment at this session (where the pack asks)"))
    p.add_argument("id")
    p.add_argument("--participant", required=True)
    capacity_help = {
        "understand": _t("can the participant understand?"),
        "retain": _t("can the participant retain?"),
        "weigh-up": _t("can the participant weigh up?"),
        "communicate": _t("can the participant communicate?"),
    }
    for crit, crit_help in capacity_help.items():
        p.add_argument(f"--{crit}", choices=["yes", "no"], help=crit_help)
    command(p, cmd_session_capacity)
    p = sess.add_parser("book", help=_t("record that the interpreter or witness the protocol asks for is booked"))
    p.add_argument("id")
    p.add_argument(
        "--interpreter", action=argparse.BooleanOptionalAction, help=_t("the interpreter is booked (or not)")
    )
    p.add_argument("--witness", action=argparse.BooleanOptionalAction, help=_t("the witness is booked (or not)"))
    command(p, cmd_session_book)
    p = sess.add_parser("complete", help=_t("complete a session once its close-out is saved"))
    p.add_argument("id")
    command(p, cmd_session_complete)

    cons = sub.add_parser("consent", help=_t("consent")).add_subparsers(dest="consent_cmd", required=True)
    p = cons.add_parser(
        "template", help=_t("print the answers file to fill in: the form's id and version, every statement null")
    )
    p.add_argument("--session", required=True)
    p.add_argument("--participant", required=True)
    command(p, cmd_consent_template)
    p = cons.add_parser("record", help=_t("record consent answers (true/false per statement)"))
    p.add_argument("--session", required=True)
    p.add_argument("--participant", required=True)
    p.add_argument(  # "electronic", the earlier name of written (signed on screen) consent, is still taken
        "--mode", required=True, type=_consent_mode, choices=["paper", "verbal", "written", "attested"]
    )
    p.add_argument(
        "--unsigned-reason",
        help=_t("attested consent: why the participant consented but did not sign (kept in the identity store)"),
    )
    p.add_argument("--answers", type=Path, required=True)
    p.add_argument("--recording", help=_t("the consent recording id (verbal consent)"))
    p.add_argument(
        "--names",
        type=Path,
        metavar="FILE",
        help=_t(
            "a JSON object naming the others with a part in the consent (witness, interpreter, guardian, "
            "consultee: kept in the identity store); - reads standard input. Names are never taken on the "
            "command line, where shell history and the process list would keep them"
        ),
    )
    p.add_argument("--witness", nargs="?", const="", metavar="NAME",
                   help=_t("a witness was present (their name from --names, else asked)"))  # fmt: skip
    p.add_argument("--interpreter", nargs="?", const="", metavar="NAME",
                   help=_t("an interpreter was present (their name from --names, else asked)"))  # fmt: skip
    p.add_argument(
        "--interpreter-agreement",
        action="store_true",
        help=_t("the interpreter has signed the confidentiality agreement the pack names"),
    )
    p.add_argument(
        "--guardian", nargs="?", const="", metavar="NAME",
        help=_t("the parent or guardian whose part the consent needs (their name from --names, else asked)"),
    )  # fmt: skip
    p.add_argument(
        "--guardian-form", action="store_true", help=_t("the parent or guardian has completed the form the pack names")
    )
    p.add_argument(
        "--consultee", nargs="?", const="", metavar="NAME",
        help=_t("the consultee whose part the consent needs (their name from --names, else asked)"),
    )  # fmt: skip
    p.add_argument(
        "--consultee-form", action="store_true", help=_t("the consultee has completed the form the pack names")
    )
    p.add_argument(
        "--consultee-relationship",
        metavar="TEXT",
        help=_t("the consultee route: the consultee's relationship to the participant (identity store)"),
    )
    p.add_argument(
        "--consultee-kind",
        choices=["personal", "nominated"],
        help=_t("the consultee route: a personal consultee, or a nominated one where there is none"),
    )
    p.add_argument(
        "--consultee-advice",
        choices=["take-part", "not-take-part"],
        help=_t("the consultee route: whether the consultee advises the participant would want to take part"),
    )
    p.add_argument(
        "--consultee-advised-on", metavar="YYYY-MM-DD", help=_t("the consultee route: the day of the advice (today)")
    )
    command(p, cmd_consent_record)
    p = cons.add_parser(
        "script",
        help=_t("print the verbal-consent script for a participant: what to ask, and what does not apply"),
    )
    p.add_argument("--session", required=True)
    p.add_argument("--participant", required=True)
    p.add_argument("--answers", type=Path, help=_t("an answers file so far (statements that wait on an answer)"))
    command(p, cmd_consent_script)
    clear_file.register_consent(cons)  # consent copy

    p = sub.add_parser("status", help=_t("the study, participants, sessions and what waits on this laptop"))
    p.add_argument("--json", action="store_true")
    command(p, cmd_status)
    aud = sub.add_parser("audit", help=_t("the audit log")).add_subparsers(dest="audit_cmd", required=True)
    command(aud.add_parser("verify", help=_t("check the hash chain")), cmd_audit_verify)
    p = aud.add_parser("list", help=_t("print audit entries"))
    p.add_argument("--session")
    p.add_argument("--json", action="store_true")
    command(p, cmd_audit_list)
    p = sub.add_parser("selftest", help=_t("check every part on this machine in a throw-away vault"))
    p.add_argument("--seconds", type=float, default=2.0)
    p.add_argument("--device", help=_t("input device (default: the system default)"))
    command(p, cmd_selftest)
    vault = sub.add_parser("vault", help=_t("the vault's keys and files")).add_subparsers(
        dest="vault_cmd", required=True
    )
    p = vault.add_parser(
        "rekey", help=_t("a new data key for everything (revokes older copies of the key slots)")
    )
    command(p, cmd_vault_rekey)
    p = vault.add_parser("recovery-key", help=_t("make a new recovery key (the old one stops working)"))
    p.add_argument("--rekey", action="store_true", help=_t("re-key the vault at once as well"))
    command(p, cmd_vault_recovery_key)
    command(vault.add_parser("check", help=_t("check both databases page by page, the audit log, takes and log")),
            cmd_vault_check)  # fmt: skip
    p = vault.add_parser("backup", help=_t("write a backup of the data directory (encrypted as the vault is)"))
    p.add_argument("--out", type=Path, required=True, help=_t("the backup file to write (never overwritten)"))
    command(p, cmd_vault_backup)
    p = vault.add_parser(
        "restore", help=_t("put a backup in place of the data directory (the old one is kept aside)")
    )
    p.add_argument("file", type=Path)
    command(p, cmd_vault_restore)
    lg = sub.add_parser("log", help=_t("the encrypted application log")).add_subparsers(
        dest="log_cmd", required=True
    )
    command(lg.add_parser("show", help=_t("decrypt and print the log")), cmd_log_show)
    steps_cmds.register(sub)  # visit, distress, safeguarding, note, marker, guide


# -- vault ---------------------------------------------------------------------------------------------
def cmd_init(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import workspace

    dd = credentials.data_dir(args)
    if dd.keyslots.exists():
        raise FieldworkError(_t("a vault already exists in {root}").format(root=dd.root), kind=ErrorKind.VAULT_EXISTS)
    name = args.init_user or args.user or os.environ.get(credentials.ENV_USER)
    if not name:
        raise InvalidInput(_t("say who the first user is: fieldwork init --user NAME"))
    env = credentials.env_secret(credentials.ENV_PASSPHRASE)
    if args.new_passphrase_file or args.passphrase_file or not env:
        if not args.new_passphrase_file and args.passphrase_file:
            args.new_passphrase_file = args.passphrase_file
        secret = credentials.new_passphrase(args, _t("passphrase"))
    else:
        secret = env
    _strength_hint(ctx, secret, name)
    ws, recovery = workspace.create(dd, name, secret, args.role)
    ws.close()
    ctx.say(_t("Created a vault for {name} in {root}").format(name=name, root=dd.root))
    ctx.say("")
    ctx.say(_t("RECOVERY KEY (shown once; write it down and keep it apart from this laptop):"))
    ctx.say(f"    {recovery}")
    ctx.say("")
    ctx.say(_t("Next: fieldwork pack import --example   (or a study pack of your own)"))
    return 0


def _strength_hint(ctx: CliContext, passphrase: str, user: str) -> None:
    from fieldwork_app.services import workspace

    if len(passphrase) < workspace.MIN_PASSPHRASE_LENGTH:
        return  # refused with its own message
    est = workspace.passphrase_strength(passphrase, [user])
    (ctx.warn if est.weak else ctx.say)(est.hint())


def cmd_user_add(args: argparse.Namespace, ctx: CliContext) -> int:
    with credentials.workspace_for(args) as ws:
        secret = credentials.new_passphrase(args, _t("passphrase for {name}").format(name=args.name))
        _strength_hint(ctx, secret, args.name)
        ws.vault.add_user(args.name, secret, args.role)
    ctx.say(_t("Added user {name} ({role})").format(name=args.name, role=args.role))
    return 0


def _rekey(ws: Workspace, ctx: CliContext) -> None:
    from fieldwork_app.services import rekey as rekey_svc

    result = rekey_svc.rekey(ws)
    ctx.say(
        _t(
            "Re-keyed the vault: a new data key, {slots} key slot(s) sealed again, "
            "{takes} take(s) and the log encrypted again. Older copies of the "
            "key-slot file no longer open it."
        ).format(slots=result.slots, takes=result.takes)
    )
    if result.new_recovery_key:
        ctx.say("")
        ctx.say(_t("NEW RECOVERY KEY (the old one was of an older format; shown once, write it down):"))
        ctx.say(f"    {result.new_recovery_key}")


def cmd_user_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    with credentials.workspace_for(args) as ws:
        ws.vault.remove_user(args.name)
        ctx.say(_t(
            "Removed user {name}: their passphrase no longer opens this vault's "
            "key-slot file."
        ).format(name=args.name))
        if args.rekey:
            _rekey(ws, ctx)
        else:
            ctx.say(
                _t(
                    "An older copy of the key-slot file (a backup, a copy taken before) with their passphrase still "
                    "opens the data as it is now, until the vault is re-keyed: run 'fieldwork vault rekey'."
                )
            )
    return 0


def cmd_vault_rekey(args: argparse.Namespace, ctx: CliContext) -> int:
    with credentials.workspace_for(args) as ws:
        _rekey(ws, ctx)
    return 0


def cmd_vault_recovery_key(args: argparse.Namespace, ctx: CliContext) -> int:
    with credentials.workspace_for(args) as ws:
        key = ws.vault.new_recovery_key()
        ctx.say(_t("NEW RECOVERY KEY (shown once; write it down and keep it apart from this laptop):"))
        ctx.say(f"    {key}")
        ctx.say(_t("The old recovery key no longer opens this vault's key-slot file."))
        if args.rekey:
            _rekey(ws, ctx)
        else:
            ctx.say(
                _t(
                    "An older copy of the key-slot file (a backup, a copy taken before) with the old recovery key "
                    "still opens the data as it is now, until the vault is re-keyed: run 'fieldwork vault rekey'."
                )
            )
    return 0


def cmd_vault_check(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import vault_care

    dd = credentials.data_dir(args)
    if not dd.keyslots.exists():
        raise FieldworkError(_t("no vault in {root}").format(root=dd.root), kind=ErrorKind.NO_VAULT)
    vault_care.finish_pending_rekey(dd)
    name = credentials.user(args, dd)
    report = vault_care.check_with_passphrase(dd, name, credentials.passphrase(args))
    for line in report.checked:
        ctx.say(_t("ok      {line}").format(line=line))
    for line in report.problems:
        ctx.warn(_t("DAMAGED {line}").format(line=line))
    if report.ok:
        ctx.say(_t("vault check: everything is sound"))
        return 0
    ctx.warn(
        _t(
            "vault check: {count} problem(s). Restore from a backup with "
            "'fieldwork vault restore FILE' (the damaged files are kept aside), or "
            "ask your data manager."
        ).format(count=len(report.problems))
    )
    return 1


def cmd_vault_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import vault_care

    with credentials.workspace_for(args) as ws:
        result = vault_care.backup(ws, args.out)
    ctx.say(_t(
        "Backup written to {out} ({files} files; it opens with the passphrases "
        "valid today)"
    ).format(out=args.out, files=result.files))
    for name in result.skipped_live:
        ctx.warn(_t(
            "{name} is being recorded and is not in this backup: make another once "
            "it has stopped"
        ).format(name=name))
    return 0


def cmd_vault_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import vault_care

    dd = credentials.data_dir(args)
    kept = vault_care.restore(args.file, dd)
    ctx.say(_t("Restored the vault in {root} from {file}").format(root=dd.root, file=args.file))
    if kept is not None:
        ctx.say(
            _t(
                "The data directory as it was is kept at {kept}; delete it once "
                "'fieldwork vault check' is clean"
            ).format(kept=kept)
        )
    return 0


def cmd_user_list(args: argparse.Namespace, ctx: CliContext) -> int:
    with credentials.workspace_for(args) as ws:
        for s in ws.vault.slots.slots:
            if s.kind == "user":
                ctx.say(_t(
                    "{user}\t{role}\tsince {created_at}"
                ).format(user=s.user, role=s.role, created_at=s.created_at))
    return 0


def cmd_passphrase_change(args: argparse.Namespace, ctx: CliContext) -> int:
    with credentials.workspace_for(args) as ws:
        secret = credentials.new_passphrase(args)
        _strength_hint(ctx, secret, ws.user)
        ws.vault.change_passphrase(secret)
        ctx.say(_t("Passphrase changed"))
        if args.rekey:
            _rekey(ws, ctx)
        else:
            ctx.say(
                _t(
                    "An older copy of the key-slot file (a backup, a copy taken before) with your old passphrase "
                    "still opens the data as it is now, until the vault is re-keyed: run 'fieldwork vault rekey'."
                )
            )
    return 0


def cmd_passphrase_reset(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import workspace

    dd = credentials.data_dir(args)
    name = credentials.user(args, dd)
    if args.recovery_key_file:
        key = credentials.read_secret_file(args.recovery_key_file, _t("recovery key")).strip()
    else:
        key = credentials.env_secret(credentials.ENV_RECOVERY_KEY) or credentials._prompt(_t("recovery key"))
    secret = credentials.new_passphrase(args)
    _strength_hint(ctx, secret, name)
    with contextlib.closing(workspace.unlock_with_recovery(dd, key, name, secret)) as ws:
        ctx.say(_t("New passphrase set for {name}").format(name=name))
        if args.rekey:
            _rekey(ws, ctx)
        else:
            ctx.say(
                _t(
                    "An older copy of the key-slot file (a backup, a copy taken before) with the old passphrase "
                    "still opens the data as it is now, until the vault is re-keyed: run 'fieldwork vault rekey'."
                )
            )
    return 0


# -- packs ---------------------------------------------------------------------------------------------
def cmd_pack_upgrade(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import packs as packs_svc

    try:
        result = packs_svc.upgrade(args.path, args.output)
    except packs_svc.PackValidationError as exc:
        for issue in exc.issues:
            ctx.warn(str(issue))
        ctx.warn(_t(
            "{count} problem(s) found; fix them first, the pack was not changed"
        ).format(count=len(exc.issues)))
        return 1
    ctx.say(_t(
        "Upgraded study pack {pack_id} {version} to format 2: {written}"
    ).format(pack_id=result.pack_id, version=result.version, written=result.written))
    ctx.say(_t("Venues made from its location kinds: {venues}").format(venues=', '.join(result.venues)))
    ctx.say(_t("Give it a new version before importing it where this version is already imported."))
    if result.was_signed:
        ctx.say(_t("pack.sig no longer matches pack.yaml: sign the pack again before sending it."))
    return 0


def cmd_pack_validate(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import packs as packs_svc

    checked = packs_svc.check_folder(args.path)
    for issue in checked.issues:
        ctx.warn(issue)
    if not checked.ok:
        ctx.warn(_t("{count} problem(s) found; the pack was not changed").format(count=len(checked.issues)))
        return 1
    for notice in checked.notices:
        ctx.warn(_t("Notice: {notice}").format(notice=notice))
    ctx.say(
        _t("{path}: valid, signed by {signer}").format(path=args.path, signer=checked.signer)
        if checked.signer
        else _t("{path}: valid (not signed)").format(path=args.path)
    )
    return 0


def cmd_pack_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import packs as packs_svc

    if not args.example and args.path is None:
        raise InvalidInput(_t("give a pack directory, or --example for the built-in example study"))
    accept = packs_svc.Accept(
        study_key=args.accept_study_key,
        identity_key=args.accept_identity_key,
        identity_store=args.accept_identity_store,
        signer=args.accept_pack_signer,
        older=args.accept_older_pack,
    )
    with credentials.workspace_for(args) as ws:
        try:
            result = packs_svc.import_pack(
                ws, args.path, example=args.example, study_key_file=args.study_key, accept=accept
            )
        except packs_svc.PackValidationError as exc:
            for issue in exc.issues:
                ctx.warn(str(issue))
            ctx.warn(_t("{count} problem(s) found; nothing was imported").format(count=len(exc.issues)))
            return 1
    if result.signer and result.signer_was_pinned:
        ctx.say(_t("Signed by the data manager key {signer}").format(signer=result.signer))
    elif result.signer:
        ctx.say(_t("Signed by key {signer}").format(signer=result.signer))
    for note in result.pinned:
        ctx.say(note[0].upper() + note[1:])
    for notice in result.notices:
        ctx.warn(_t("Notice: {notice}").format(notice=notice))
    if result.already_imported:
        ctx.say(_t(
            "Pack {pack_id} {version} was already imported; it is the one in use"
        ).format(pack_id=result.pack_id, version=result.version))
    else:
        superseded = f": {', '.join(result.superseded)}" if result.superseded else ""
        ctx.say(
            _t(
                "Imported pack {pack_id} {version} ({count} new document version(s); "
                "{count2} superseded{superseded})"
            ).format(
                pack_id=result.pack_id,
                version=result.version,
                count=len(result.new_documents),
                count2=len(result.superseded),
                superseded=superseded,
            )
        )
    return 0


def cmd_pack_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import packs as packs_svc

    with credentials.workspace_for(args) as ws:
        packs, docs = packs_svc.list_packs(ws), packs_svc.list_documents(ws)
        keys = packs_svc.study_keys(ws)
    if args.json:
        ctx.emit_json({"packs": packs, "documents": docs, "keys": dataclasses.asdict(keys)})
        return 0
    ctx.say(_t("study key: {study_key}").format(study_key=keys.study_key or _t('none yet')))
    if keys.identity_key:
        ctx.say(_t("identity key: {identity_key}").format(identity_key=keys.identity_key))
    if keys.identity_store:
        ctx.say(_t("identity store: {identity_store}").format(identity_store=keys.identity_store))
    ctx.say(_t("pack signer: {signer}").format(signer=keys.signer or _t('none (packs so far were not signed)')))
    for p in packs:
        line = _t("{pack_id} {version}  (in use)  imported {imported_at}") if p["active"] else _t(
            "{pack_id} {version}  imported {imported_at}"
        )
        ctx.say(line.format(pack_id=p["pack_id"], version=p["version"], imported_at=p["imported_at"]))
    for d in docs:
        ctx.say(_t(
            "  {kind:<22} {doc_id:<28} v{version:<6} {status}"
        ).format(kind=d['kind'], doc_id=d['doc_id'], version=d['version'], status=d['status']))
    return 0


# -- participants --------------------------------------------------------------------------------------
def _name_values(items: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise InvalidInput(_t("'{item}' is not NAME=VALUE (e.g. age_band=16-17)").format(item=item[:60]))
        out[name.strip()] = value.strip()
    return out


def cmd_participant_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import participants as participants_svc

    values = _name_values(args.attr)
    with credentials.workspace_for(args) as ws:
        p = participants_svc.add(ws, args.group, args.linked_to, values)
    ctx.say(p.id)
    return 0


def cmd_participant_attributes(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import participants as participants_svc

    values = _name_values(args.values)
    with credentials.workspace_for(args) as ws:
        if values:
            participants_svc.set_attributes(ws, args.id, values)
        have = participants_svc.attributes(ws, args.id)
        missing = participants_svc.missing_attributes(ws, args.id)
    if args.json:
        ctx.emit_json({"attributes": have, "missing": missing})
        return 0
    for name, value in sorted(have.items()):
        ctx.say(f"{name}\t{value}")
    for name in missing:
        ctx.say(_t("{name}\t(not recorded)").format(name=name))
    return 0


def cmd_participant_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import participants as participants_svc

    with credentials.workspace_for(args) as ws:
        people = participants_svc.list_all(ws, args.group)
    if args.json:
        ctx.emit_json(
            [
                {"id": p.id, "group": p.group_id, "status": str(p.status), "linked_to": p.linked_to}
                for p in people
            ]
        )
        return 0
    for p in people:
        if p.linked_to:
            ctx.say(
                _t("{id}\t{group}\t{status}  linked to {linked_to}").format(
                    id=p.id, group=p.group_id, status=p.status, linked_to=p.linked_to
                )
            )
        else:
            ctx.say(f"{p.id}\t{p.group_id}\t{p.status}")
    return 0


def cmd_participant_screen(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import participants as participants_svc

    answers = user_files.read_json_object(args.answers, option="--answers", what=_t("screening answers"))
    if not all(isinstance(v, bool) for v in answers.values()):
        raise InvalidInput(
            _t("{answers}: expected an object of criterion id -> true/false").format(
                answers=user_files.source("--answers", args.answers)
            )
        )
    with credentials.workspace_for(args) as ws:
        eligible = participants_svc.screen(ws, args.id, answers)
    ctx.say(_t("eligible") if eligible else _t("not eligible"))
    return 0


def cmd_participant_tasks(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import ethics

    with credentials.workspace_for(args) as ws:
        states = ethics.gating_state(ws, args.id)
    if not states:
        ctx.say(_t("The protocol asks for no task before {id}'s sessions").format(id=args.id))
    for st in states:
        done = f"  (done {st.done_at})" if st.done_at else ""
        ctx.say(f"[{'x' if st.done_at else ' '}] {st.task.id}\t{st.task.title}{done}")
    return 0


def cmd_participant_task_done(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import ethics

    with credentials.workspace_for(args) as ws:
        ethics.mark_done(ws, args.id, args.task, args.note, on=args.date)
    ctx.say(_t("Marked '{task}' done for {id}").format(task=args.task, id=args.id))
    return 0


def cmd_participant_withdraw(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import participants as participants_svc

    before = not args.after_cutoff
    with credentials.workspace_for(args) as ws:
        by_pack = participants_svc.before_cutoff(ws, args.id, args.date)
        if by_pack is not None and not args.after_cutoff:
            before = by_pack  # the pack's withdrawal cut-off decides, unless the researcher says it has passed
            last = participants_svc.cutoff(ws, args.id)
            if last:
                cut = _t("Before the study's analysis cut-off (last day {last})") if before else _t(
                    "After the study's analysis cut-off (last day {last})"
                )
            else:
                cut = _t("Before the study's analysis cut-off (nothing has started its count yet)") if before else _t(
                    "After the study's analysis cut-off (nothing has started its count yet)"
                )
            ctx.say(cut.format(last=last.isoformat() if last else ""))
            rule = participants_svc.cutoff_rule(ws, args.id)
            if not before and rule is not None:  # the pack's own words on what is kept
                kept = _t("Data already analysed is kept; no new data is collected")
                ctx.say(kept + (f". {rule.after_cutoff}" if rule.after_cutoff else ""))
        held = (
            participants_svc.unsent_sessions(ws, args.id)
            if participants_svc.deletes_unsent(args.scope, before)
            else []
        )
        wid = participants_svc.withdraw(
            ws, args.id, args.scope, args.date, before_cutoff=before, delete_unsent=args.delete_unsent
        )
    ctx.say(_t(
        "Withdrawal {wid} recorded for {id}; no new sessions can be planned "
        "with them"
    ).format(wid=wid, id=args.id))
    if held:
        ctx.say(_t("Not sent, and their data on this laptop deleted: {held}").format(held=', '.join(held)))
    return 0


# -- sessions ------------------------------------------------------------------------------------------
def cmd_session_new(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import sessions as sessions_svc

    location = args.location or ("clinic" if args.format == "focus-group" else "home")
    with credentials.workspace_for(args) as ws:
        s = sessions_svc.new(ws, args.participants, args.format, location, args.start, args.minutes)
    ctx.say(s.id)
    return 0


def cmd_session_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import sessions as sessions_svc

    with credentials.workspace_for(args) as ws:
        rows = sessions_svc.overview(ws)
    if args.json:
        ctx.emit_json(
            [
                {
                    "id": s.id,
                    "format": s.format,
                    "location": s.location_kind,
                    "status": s.status,
                    "participants": list(s.participant_ids),
                    "planned_start": s.planned_start,
                    "markers": s.markers,
                    "takes": s.takes,
                }
                for s in rows
            ]
        )
        return 0
    for s in rows:
        ctx.say(f"{s.id}\t{s.format}\t{s.location_kind}\t{s.status}\t{', '.join(s.participant_ids)}")
    return 0


def cmd_session_checklist(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import sessions as sessions_svc

    with credentials.workspace_for(args) as ws:
        cl = sessions_svc.checklist(ws, args.id)
    for item in cl.items:
        ctx.say(checklist_line(item))
    ctx.say(_t("ready") if cl.ready else _t("not ready"))
    return 0


def cmd_session_book(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import sessions as sessions_svc

    booked = {role: getattr(args, role) for role in ("interpreter", "witness") if getattr(args, role) is not None}
    if not booked:
        raise InvalidInput(_t("say who is booked: --interpreter or --witness (--no-... when not)"))
    with credentials.workspace_for(args) as ws:
        sessions_svc.update_plan(ws, args.id, {"booked": booked})
    words = {
        ("interpreter", True): _t("interpreter booked"),
        ("interpreter", False): _t("interpreter not booked"),
        ("witness", True): _t("witness booked"),
        ("witness", False): _t("witness not booked"),
    }
    ctx.say(_t("Session {id}: {booked}").format(id=args.id, booked=", ".join(words[r, b] for r, b in booked.items())))
    return 0


def cmd_session_closeout(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import closeout as closeout_svc

    user_files.one_standard_input(*(("--voucher", path) for path in args.voucher))
    vouchers = [user_files.read_json_object(path, option="--voucher", what=_t("voucher")) for path in args.voucher]
    with credentials.workspace_for(args) as ws:
        # Saving again (another participant's voucher, a note added later) keeps what an option not given
        # now was saved with: a command line names only what changes.
        try:
            before = closeout_svc.get(ws, args.id).body
        except NotFound:
            before = {}
        follow_ups = [{"title": f["title"], "due": f.get("due")} for f in before.get("follow_ups") or []]
        follow_ups += [{"title": t} for t in args.follow_up if t not in {f["title"] for f in follow_ups}]
        saved = closeout_svc.save(
            ws,
            args.id,
            wellbeing=args.wellbeing if args.wellbeing is not None else before.get("wellbeing"),
            signposting_given=list(dict.fromkeys([*(before.get("signposting_given") or []), *args.signposting])),
            vouchers=vouchers,
            field_notes=args.field_notes if args.field_notes is not None else before.get("field_notes"),
            reflexive_note=args.reflexive_note if args.reflexive_note is not None else before.get("reflexive_note"),
            follow_ups=follow_ups,
        )
    ctx.say(
        _t(
            "Close-out of {id} saved ({count} voucher(s), {count2} follow-up "
            "task(s))"
        ).format(
            id=args.id,
            count=len(saved.body.get('vouchers') or {}),
            count2=len(saved.body.get('follow_ups') or []),
        )
    )
    if not saved.body.get("wellbeing"):
        ctx.say(_t("The wellbeing check is still to be recorded (--wellbeing) before the session can be completed"))
    return 0


def cmd_session_capacity(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import ethics

    given = {
        c: getattr(args, c) == "yes" for c in ethics.CRITERIA if getattr(args, c) is not None
    }
    with credentials.workspace_for(args) as ws:
        result = ethics.record_capacity(ws, args.id, args.participant, given)
    if result.has_capacity:
        ctx.say(_t(
            "Capacity assessment recorded: {participant} can decide now"
        ).format(participant=args.participant))
    else:
        ctx.say(_t(
            "Capacity assessment recorded: {participant} cannot decide now; "
            "{advice}"
        ).format(participant=args.participant, advice=result.advice))
    return 0


def cmd_session_complete(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import completion

    with credentials.workspace_for(args) as ws:
        done = completion.complete_and_queue(ws, args.id)  # as the desktop app completes a session
        visit = steps_cmds.visit_still_open(ws, args.id)
    if done.bundle_id is None:
        ctx.say(_t(
            "Session {id} completed; it is held back and never sent (its "
            "participant withdrew)"
        ).format(id=args.id))
    else:
        ctx.say(_t(
            "Session {id} completed and queued for the study store; send it with "
            "'fieldwork sync'"
        ).format(id=args.id))
    if visit is not None:
        ctx.warn(visit)
    return 0


# -- consent -------------------------------------------------------------------------------------------
def cmd_consent_template(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import condition_words
    from fieldwork_app.services import consent as consent_svc

    with credentials.workspace_for(args) as ws:
        tpl = consent_svc.answers_template(ws, args.session, args.participant)
    tpl["not_applicable"] = {
        sid: condition_words.applies_only_where(facts, i18n.translate) for sid, facts in tpl["not_applicable"].items()
    }
    tpl["asked_only_if"] = {
        sid: condition_words.conditions(facts, i18n.translate) for sid, facts in tpl["asked_only_if"].items()
    }
    ctx.out.write(json.dumps(tpl, indent=2) + "\n")
    return 0


_PARTY_ROLES = ("witness", "interpreter", "guardian", "consultee")


def _party_names(args: argparse.Namespace) -> dict[str, str]:
    """The names of the others with a part in the consent: from ``--names FILE`` or, for a role given without a
    file entry, a prompt.  A name written on the command line is refused: it would stay in the shell's history
    and show in the process list, and these names are identity data."""
    names: dict[str, str] = {}
    if args.names is not None:
        raw = user_files.read_json_object(args.names, option="--names", what=_t("names"))
        where = user_files.source("--names", args.names)
        if not all(isinstance(v, str) for v in raw.values()):
            raise InvalidInput(_t("{path}: expected a JSON object of role: name").format(path=where))
        unknown = sorted(set(raw) - set(_PARTY_ROLES))
        if unknown:
            raise InvalidInput(_t("{path}: no such role: {roles} (one of: {known})").format(
                path=where, roles=", ".join(unknown), known=", ".join(_PARTY_ROLES)))  # fmt: skip
        names = {k: v.strip() for k, v in raw.items() if v.strip()}
    for role in _PARTY_ROLES:
        given = getattr(args, role)
        if given:  # a name on the command line
            raise InvalidInput(_t(
                "--{role} NAME: names are never taken on the command line (shell history, the process list); "
                "put them in a file given with --names FILE, or give --{role} alone to be asked"
            ).format(role=role))  # fmt: skip
        if given == "" and role not in names:
            if not sys.stdin.isatty():
                raise InvalidInput(
                    _t("--{role}: no name for it in --names FILE, and no terminal to ask").format(role=role)
                )
            typed = input(_t("Name of the {role}: ").format(role=role)).strip()
            if not typed:
                raise InvalidInput(_t("--{role}: no name given; nothing was recorded").format(role=role))
            names[role] = typed
    return names


def _parties(args: argparse.Namespace) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    names = _party_names(args)
    if "witness" in names:
        out["witness"] = {"name": names["witness"]}
    if "interpreter" in names:
        out["interpreter"] = {"name": names["interpreter"], "agreement": args.interpreter_agreement}
    elif args.interpreter_agreement:
        raise InvalidInput(_t("--interpreter-agreement goes with an interpreter (--interpreter, or --names FILE)"))
    for role in ("guardian", "consultee"):
        form_done = getattr(args, f"{role}_form")
        if role in names:
            out[role] = {"name": names[role], "agreement": form_done}
        elif form_done:
            raise InvalidInput(
                _t("--{role}-form goes with a {role} (--{role}, or --names FILE)").format(role=role)
            )
    details = {
        "relationship": args.consultee_relationship,
        "kind": args.consultee_kind,
        "advice": args.consultee_advice.replace("-", "_") if args.consultee_advice else None,
        "advised_on": args.consultee_advised_on,
    }
    given = {k: v for k, v in details.items() if v}
    if given and "consultee" not in out:
        raise InvalidInput(
            _t("--consultee-relationship, -kind, -advice and -advised-on go with a consultee (--consultee, or --names "
               "FILE)")
        )  # fmt: skip
    if given:
        out["consultee"].update(given)
    return out


def _consent_mode(text: str) -> str:
    return "written" if text == "electronic" else text


def cmd_consent_record(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import consent as consent_svc

    user_files.one_standard_input(("--answers", args.answers), ("--names", args.names))
    data = user_files.read_json_object(args.answers, option="--answers", what=_t("consent answers"))
    parties = _parties(args)  # read (or asked for) before the vault is opened
    with credentials.workspace_for(args) as ws:
        answers = consent_svc.answers_from_file(
            ws, args.session, args.participant, data, source=user_files.source("--answers", args.answers)
        )
        result = consent_svc.record(
            ws,
            args.session,
            args.participant,
            args.mode,
            answers,
            recording_id=args.recording,
            unsigned_reason=args.unsigned_reason,
            parties=parties,
        )
    if result.consent_by == "consultee":
        ctx.say(_t("Recorded on the consultee's advice: {participant} did not consent themselves (capacity)").format(
            participant=args.participant))
    if result.not_applicable:
        ctx.say(_t("Not applicable to {participant}, recorded as such: {ids}").format(
            participant=args.participant, ids=", ".join(result.not_applicable)))
    recorded = (
        _t("Consent {consent_id} recorded for {participant} ({form}, {information_sheet}); recording permitted")
        if result.recording_affirmed
        else _t(
            "Consent {consent_id} recorded for {participant} ({form}, {information_sheet}); recording NOT permitted"
        )
    )
    ctx.say(
        recorded.format(
            consent_id=result.consent_id,
            participant=args.participant,
            form=result.form,
            information_sheet=result.information_sheet,
        )
    )
    return 0


def cmd_consent_script(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import condition_words
    from fieldwork_app.services import consent as consent_svc

    data = (
        user_files.read_json_object(args.answers, option="--answers", what=_t("consent answers"))
        if args.answers
        else None
    )
    with credentials.workspace_for(args) as ws:
        where = user_files.source("--answers", args.answers)
        answers = (
            consent_svc.answers_from_file(ws, args.session, args.participant, data, source=where)
            if data is not None
            else {}
        )
        script = consent_svc.verbal_script(ws, args.session, args.participant)
        lines = consent_svc.script_lines(ws, args.session, args.participant, answers)
    if script is None:
        ctx.say(_t("No verbal-consent script is in use for this participant's form: read the statements."))
    else:
        ctx.say(f"{script.title} v{script.version}")
        ctx.say(script.intro)
    for line in lines:
        why = condition_words.conditions(line.why, i18n.translate)
        if line.state == "ask":
            ctx.say(f"{line.statement_id}. {line.text}")
        elif line.state == "ask_if":
            ctx.say(
                _t("{id}. (ask only where {why}) {text}").format(id=line.statement_id, why=why, text=line.text)
            )
        else:
            ctx.say(_t("{id}. not asked: does not apply to {participant} (only where {why})").format(
                id=line.statement_id, participant=args.participant, why=why))
    if script is not None:
        ctx.say(script.closing)
    return 0


# -- status and audit ----------------------------------------------------------------------------------
def cmd_status(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import status as status_svc

    with credentials.workspace_for(args) as ws:
        info = status_svc.summary(ws)
    if args.json:
        ctx.emit_json(info)
        return 0
    study = info["study"]
    ctx.say(_t(
        "Vault: {data_dir} (user {user}, SQLCipher {sqlcipher})"
    ).format(data_dir=info['data_dir'], user=info['user'], sqlcipher=info['sqlcipher']))
    if study:
        ctx.say(
            _t(
                "Study: {title} (IRAS {iras_id}; pack {pack} {pack_version})"
            ).format(
                title=study['title'],
                iras_id=study['iras_id'],
                pack=study['pack'],
                pack_version=study['pack_version'],
            )
        )
    else:
        ctx.say(_t("Study: none imported yet"))
    for g, counts in info["participants"].items():
        detail = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in sorted(counts.items())) or "none"
        ctx.say(f"  {g}: {detail}")
    sessions = ", ".join(f"{v} {k}" for k, v in sorted(info["sessions"].items())) or _t("none")
    ctx.say(_t("Sessions: {sessions}").format(sessions=sessions))
    for w in info["waiting_on_laptop"]:
        waiting = (
            _t("  waiting on this laptop: {session} for {days} days  OVER THE STUDY'S LIMIT")
            if w["over_limit"]
            else _t("  waiting on this laptop: {session} for {days} days")
        )
        ctx.say(waiting.format(session=w["session"], days=w["days"]))
    for t in info["tasks_due"]:
        if t["due"]:
            ctx.say(_t("  task: {title} (due {due})").format(title=t['title'], due=t['due']))
        else:  # a task with no date (keep on the contact list, send a summary)
            ctx.say(_t("  task: {title}").format(title=t['title']))
    for v in info.get("open_visits", []):
        ctx.say(steps_cmds.open_visit_line(v))
    ctx.say(_t(
        "Audit log: {entries} entries, {ok}"
    ).format(entries=info['audit']['entries'], ok='intact' if info['audit']['ok'] else 'BROKEN'))
    return 0


def cmd_audit_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import audit_log

    with credentials.workspace_for(args) as ws:
        report = audit_log.verify(ws)
    if report.ok:
        ctx.say(_t(
            "audit log intact: {count} entries, head {head}"
        ).format(count=report.count, head=report.head[:16]))
        return 0
    raise FieldworkError(
        _t(
            "audit log broken at entry {first_bad_seq}: {problem}"
        ).format(first_bad_seq=report.first_bad_seq, problem=report.problem), kind=ErrorKind.AUDIT_BROKEN
    )


def cmd_audit_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import audit_log

    with credentials.workspace_for(args) as ws:
        rows = audit_log.entries(ws, args.session)
    if args.json:
        ctx.emit_json([e.to_json() for e in rows])
        return 0
    for e in rows:
        ctx.say(f"{e.seq:>5} {e.ts} {e.actor:<12} {e.action:<22} {e.subject_kind}:{e.subject_id}")
    return 0


def cmd_log_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import audit_log

    with credentials.workspace_for(args) as ws:
        report = audit_log.application_log(ws)
    for line in report.lines:
        ctx.say(line)
    if report.problems:
        ctx.warn(
            _t("fieldwork: the log's chain is broken in {count} place(s): {problems}").format(
                count=len(report.problems),
                problems="; ".join(report.problems[:3]) + ("; ..." if len(report.problems) > 3 else ""),
            )
        )
        return 1
    return 0


def cmd_selftest(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import selftest

    def report(r: selftest.StepResult) -> None:
        line = f"{'ok  ' if r.ok else 'FAIL'} {r.name:<18} {r.detail} ({r.seconds:.1f} s)"
        (ctx.say if r.ok else ctx.warn)(line)

    ok = selftest.run(report, seconds=args.seconds, device=args.device)
    ctx.say(_t("selftest passed") if ok else _t("selftest FAILED"))
    return 0 if ok else 1
