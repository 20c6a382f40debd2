"""Laptop-side sync commands: store add/list/remove, sync, outbox, device."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from fieldwork_app import i18n
from fieldwork_app.cli import credentials
from fieldwork_app.cli.base import CliContext, command
from fieldwork_app.cli.messages import cli_text
from fieldwork_app.errors import FieldworkError, InvalidInput
from fieldwork_app.hardening import take_env_secret


def _t(text: str) -> str:
    return i18n.translate("cli", text)


def register_store_laptop(store_sub: Any) -> None:
    p = store_sub.add_parser("add", help=_t("add a study store (file://, sftp://, webdav:// or https://, s3://)"))
    p.add_argument("name")
    p.add_argument("url")
    p.add_argument("--username", help=_t("login (SFTP, WebDAV) or access key id (S3)"))
    p.add_argument("--identity", type=Path, help=_t("SSH private key file (its text is kept in the vault)"))
    p.add_argument("--endpoint", help=_t("S3 endpoint URL, e.g. https://s3.example.ac.uk"))
    p.add_argument("--region")
    host_key_options(p)
    p.add_argument("--ca-bundle", type=Path,
                   help=_t("PEM file of the certificate authority a https store's certificate is checked against "
                   "(a university's own CA); kept by path"))  # fmt: skip
    p.add_argument(
        "--secret-env",
        metavar="VAR",
        help=_t("read the password / key passphrase / S3 secret key from "
        "this environment variable, which is then removed (else a prompt; none for a folder store)"),
    )
    p.add_argument("--no-secret", action="store_true", help=_t("the store needs no password or secret"))
    p.add_argument("--default", action="store_true", help=_t("make it the default store"))
    command(p, cmd_store_add)
    p = store_sub.add_parser("list", help=_t("stores set up on this laptop (secrets are never shown)"))
    p.add_argument("--json", action="store_true")
    command(p, cmd_store_list)
    p = store_sub.add_parser("remove", help=_t("forget a store"))
    p.add_argument("name")
    command(p, cmd_store_remove)


def host_key_options(p: Any) -> None:
    """How an SFTP server's host key is trusted: given by fingerprint, found in a known_hosts file, or
    taken on first sight after showing it (never silently)."""
    p.add_argument("--host-key", metavar="SHA256:...",
                   help=_t("the SFTP server's host key fingerprint, from the store's administrators"))  # fmt: skip
    p.add_argument("--known-hosts", type=Path, help=_t("SSH known_hosts file that lists the server's key"))
    p.add_argument("--accept-new-host-key", action="store_true",
                   help=_t("trust the SFTP server's key as it is now (its fingerprint is printed); only when "
                   "there is no other way to check it"))  # fmt: skip


def host_key_settings(args: argparse.Namespace) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if args.host_key:
        options["host_key_fingerprint"] = args.host_key.strip()
    if args.known_hosts:
        options["known_hosts"] = str(args.known_hosts)
    if args.accept_new_host_key:
        options["accept_new_host_key"] = True
    return options


def with_host_key_hint(exc: BaseException) -> BaseException:
    """A refusal of an unconfirmed SFTP host key, saying how to give it on the command line."""
    from fieldwork_app.services.datamanager import HostKeyRefused

    if isinstance(exc, HostKeyRefused) and exc.unconfirmed:
        return HostKeyRefused(
            _t(
                "{error}; then give it with --host-key {fingerprint} (or --known-hosts FILE, or "
                "--accept-new-host-key once you have checked it)"
            ).format(error=cli_text(exc), fingerprint=exc.unconfirmed),
            unconfirmed=exc.unconfirmed,
        )
    return exc


def register(sub: Any) -> None:
    p = sub.add_parser("sync", help=_t("send every waiting session to the study store, verified"))
    p.add_argument("--store", help=_t("store name (default: the default store)"))
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--queue",
        metavar="SESSION",
        action="append",
        default=[],
        help=_t("queue this session first (completed sessions are queued by close-out)"),
    )
    command(p, cmd_sync)
    p = sub.add_parser("outbox", help=_t("what waits on this laptop to be sent"))
    p.add_argument("--json", action="store_true")
    command(p, cmd_outbox)
    p = sub.add_parser(
        "device",
        help=_t("this laptop vault's signing key fingerprint and last bundle numbers (for the data manager)"),
    )
    command(p, cmd_device)


def _secret(args: argparse.Namespace, label: str) -> str | None:
    if args.no_secret:
        return None
    if args.secret_env:
        value = take_env_secret(args.secret_env)  # read once, then gone from the process's environment
        if value is None:
            raise InvalidInput(_t("environment variable {secret_env} is not set").format(secret_env=args.secret_env))
        return value
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(_t("{label} (leave empty for none): ").format(label=label)) or None


def cmd_store_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import sync as sync_svc

    scheme = args.url.split(":", 1)[0].lower()
    options: dict[str, Any] = {}
    secrets: dict[str, str] = {}
    if args.username:
        options["username" if scheme != "s3" else "access_key"] = args.username
    if args.endpoint:
        options["endpoint"] = args.endpoint
    if args.region:
        options["region"] = args.region
    if scheme == "sftp":
        options.update(host_key_settings(args))
    elif args.host_key or args.known_hosts or args.accept_new_host_key:
        raise InvalidInput(_t("--host-key, --known-hosts and --accept-new-host-key are for sftp:// stores only"))
    if args.ca_bundle:
        if scheme in ("sftp", "file"):
            raise InvalidInput(_t("--ca-bundle is for https stores (WebDAV over https, S3)"))
        options["ca_bundle"] = str(args.ca_bundle.expanduser().resolve())
    if args.identity:
        try:
            secrets["private_key"] = args.identity.read_text(encoding="utf-8")
        except OSError as exc:
            raise InvalidInput(_t(
                "{identity}: cannot read the SSH key ({strerror})"
            ).format(identity=args.identity, strerror=exc.strerror)) from None
    if scheme != "file":
        label = {
            "s3": _t("S3 secret key"),
            "sftp": _t("SSH key passphrase") if args.identity else _t("SFTP password"),
        }.get(scheme, _t("password"))
        value = _secret(args, label)
        if value:
            name = {"s3": "secret_key", "sftp": "key_passphrase" if args.identity else "password"}.get(
                scheme, "password"
            )
            secrets[name] = value
    with credentials.workspace_for(args) as ws:  # unlocked first: a wrong passphrase costs no connection
        try:
            pin = sync_svc.pin_host_key(args.url, options, secrets)
        except FieldworkError as exc:
            raise with_host_key_hint(exc) from None
        if pin.new:
            ctx.say(_t(
                "The server's host key is {fingerprint}: trusted as asked "
                "(--accept-new-host-key) and pinned for this store. Check it with the "
                "store's administrators."
            ).format(fingerprint=pin.fingerprint))  # fmt: skip
        elif pin.fingerprint:
            ctx.say(_t(
                "The server's host key {fingerprint} is checked and pinned for this "
                "store"
            ).format(fingerprint=pin.fingerprint))
        store = sync_svc.add_store(
            ws, args.name, args.url, pin.options, secrets, True if args.default else None
        )
    if store.is_default:
        ctx.say(_t("Added store {name} ({url}) as the default").format(name=store.name, url=store.url))
    else:
        ctx.say(_t("Added store {name} ({url})").format(name=store.name, url=store.url))
    return 0


def cmd_store_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import sync as sync_svc

    with credentials.workspace_for(args) as ws:
        stores = sync_svc.list_stores(ws)
    if args.json:
        ctx.emit_json([s.public() for s in stores])
        return 0
    if not stores:
        ctx.say(_t("No stores yet: fieldwork store add NAME URL"))
    for s in stores:
        pin = ""
        if s.options.get("host_key"):
            from fieldwork_app.services.datamanager import host_key_fingerprint

            fingerprint = host_key_fingerprint(str(s.options["host_key"]))
            pin = "\t" + _t("host key {fingerprint}").format(fingerprint=fingerprint)
        default = "  " + _t("(default)") if s.is_default else ""
        ctx.say(f"{s.name}\t{s.url}{default}{pin}")
    return 0


def cmd_store_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import sync as sync_svc

    with credentials.workspace_for(args) as ws:
        sync_svc.remove_store(ws, args.name)
    ctx.say(_t("Removed store {name}").format(name=args.name))
    return 0


class CliProgress:
    """Prints a job's progress in steps of ten per cent (on stderr; nothing under --json)."""

    def __init__(self, ctx: CliContext, quiet: bool) -> None:
        self.ctx, self.quiet, self.last = ctx, quiet, -1

    def __call__(self, done_bytes: int, total_bytes: int, message: str) -> None:
        pct = int(100 * done_bytes / total_bytes) if total_bytes else 100
        if not self.quiet and pct // 10 != self.last // 10:
            self.last = pct
            self.ctx.warn(f"  {pct:3d}%  {message}")


def cmd_sync(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import sync as sync_svc
    from fieldwork_app.services.sync import CancellableState

    with credentials.workspace_for(args) as ws:
        for sid in args.queue:
            sync_svc.queue_session(ws, sid)
        report = sync_svc.sync_all(ws, args.store, CancellableState(CliProgress(ctx, args.json)))
        waiting = [o for o in sync_svc.outbox(ws) if o["state"] != "verified"]
    if args.json:
        ctx.emit_json(
            {
                "ok": report.ok,
                "verified": report.verified,
                "purged": report.purged,
                "failed": [{"bundle": b, "error": cli_text(report.errors[b])} for b, _e in report.failed],
                "waiting": [o["bundle_id"] for o in waiting],
            }
        )
    else:
        for b in report.verified:
            ctx.say(_t(
                "{bundle}: sent to store {store} and verified there"
            ).format(bundle=report.label(b), store=report.stores.get(b)))
        for rid in report.purged:
            ctx.say(_t("purged from this laptop after the verified receipt: {rid}").format(rid=rid))
        for b, _e in report.failed:
            ctx.warn(
                _t(
                    "fieldwork: {bundle} not sent to store {store}: {error}"
                ).format(bundle=report.label(b), store=report.stores.get(b), error=cli_text(report.errors[b]))
            )
        if not report.verified and not report.failed:
            ctx.say(_t("Nothing to send."))
    return 0 if report.ok and not waiting else 1


def cmd_outbox(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import sync as sync_svc

    with credentials.workspace_for(args) as ws:
        rows = sync_svc.outbox(ws)
    if args.json:
        ctx.emit_json(rows)
        return 0
    for r in rows:
        err = f"  ({r['last_error']})" if r["last_error"] else ""
        here = ""
        if r["kind"] == "session":
            here = (
                "\t"
                + _t("audio here: {takes} take(s), {minutes:.1f} min").format(
                    takes=r["audio_takes"], minutes=r["audio_seconds"] / 60
                )
                if r["audio_takes"]
                else "\t" + _t("no audio here")
            )
        what = sync_svc.job_label(r["kind"], r["session_id"])
        ctx.say(_t(
            "{bundle_id}\t{what}\t{state}\twaiting {waiting_days} days{here}{err}"
        ).format(
            bundle_id=r['bundle_id'],
            what=what,
            state=r['state'],
            waiting_days=r['waiting_days'],
            here=here,
            err=err,
        ))
    return 0


def cmd_device(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import sync as sync_svc

    with credentials.workspace_for(args) as ws:
        fp = sync_svc.device_fingerprint(ws)
        numbers = sync_svc.last_numbers(ws)
    ctx.say(f"{fp}\t{ws.user}@{os.uname().nodename if hasattr(os, 'uname') else 'laptop'}")
    ctx.say(_t("last research bundle number: {research}").format(research=numbers.get('research', 0)))
    if "identity" in numbers:
        ctx.say(_t("last identity bundle number: {identity}").format(identity=numbers['identity']))
    return 0
