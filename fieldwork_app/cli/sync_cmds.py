"""Data-manager commands: ``study keygen``, ``store verify`` and ``store unpack``.

These run on the data manager's machine (the only place the study's private key lives), never on
a field laptop.  Store secrets come from the environment variable ``--secret-env`` names, else a
prompt; never from an argument, so they stay out of shell history and process lists.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import urllib.parse
from pathlib import Path
from typing import Any

from fieldwork_app.cli.base import CliContext, command
from fieldwork_app.cli.sync_laptop_cmds import host_key_options, host_key_settings, with_host_key_hint
from fieldwork_app.errors import InvalidInput
from fieldwork_app.sync.checks import VerifyReport
from fieldwork_app.sync.keys import TrustedDevices, generate_study_keypair, load_identity
from fieldwork_app.sync.storeside import unpack_store, verify_store
from fieldwork_app.sync.transports import Transport, open_transport


def register_study(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    study = sub.add_parser("study", help="study-wide keys (data manager)")
    study_sub = study.add_subparsers(dest="study_command", required=True)
    p = study_sub.add_parser(
        "keygen", help="make the study key pair (study.pub for laptops, study.key kept safe)"
    )
    p.add_argument(
        "--out", required=True, type=Path,
        help="folder for study.pub and study.key, and the signing pair dm-signing.pub and dm-signing.key",
    )  # fmt: skip
    command(p, _keygen)
    p = study_sub.add_parser(
        "sign-pack", help="sign a study pack for laptops (writes pack.sig beside pack.yaml)"
    )
    p.add_argument("pack", type=Path, help="the pack folder (or its pack.yaml)")
    p.add_argument("--key", required=True, type=Path, help="the data manager's signing key (dm-signing.key)")
    command(p, _sign_pack)


def _store_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "url", help="store URL: file://, sftp://user@host:port/path, webdav://, https://, s3://bucket/prefix"
    )
    p.add_argument("--key", required=True, type=Path, help="the study's private key file (study.key)")
    p.add_argument("--trusted-devices", type=Path, help="file of '<fingerprint> <label>' lines")
    p.add_argument("--endpoint", help="S3 endpoint URL (for s3:// stores)")
    p.add_argument("--username", help="WebDAV user name, or S3 access key id")
    p.add_argument("--identity", type=Path, help="SSH private key file (for sftp:// stores)")
    host_key_options(p)  # --host-key, --known-hosts, --accept-new-host-key
    p.add_argument(
        "--ca-bundle", type=Path, help="PEM file of a private certificate authority (https stores)"
    )
    p.add_argument("--secret-env", help="environment variable holding the password / secret key")
    p.add_argument("--json", action="store_true", help="print the report as JSON")


def register_store_side(store_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = store_sub.add_parser("verify", help="check every bundle on a study store (data manager)")
    _store_options(p)
    command(p, _verify)
    p = store_sub.add_parser("unpack", help="decrypt a study store into an analysis folder (data manager)")
    _store_options(p)
    p.add_argument("--out", required=True, type=Path, help="analysis folder to write")
    command(p, _unpack)


def _secret(args: argparse.Namespace, label: str, *, optional: bool) -> str | None:
    if args.secret_env:
        value = os.environ.get(args.secret_env)
        if value is None:
            raise InvalidInput(f"environment variable {args.secret_env} is not set")
        return value
    if optional:
        return None
    if not sys.stdin.isatty():
        raise InvalidInput(f"no {label} given: use --secret-env VAR, or run in a terminal")
    return getpass.getpass(f"{label.capitalize()}: ")


def open_store(args: argparse.Namespace) -> Transport:
    scheme = urllib.parse.urlsplit(args.url).scheme.lower()
    options: dict[str, Any] = {}
    secrets: dict[str, str] = {}
    if args.ca_bundle:
        options["ca_bundle"] = str(args.ca_bundle)
    if scheme == "sftp":
        options.update(host_key_settings(args))
        if args.identity:
            options["key_file"] = str(args.identity)
            passphrase = _secret(args, "SSH key passphrase", optional=True)
            if passphrase:
                secrets["key_passphrase"] = passphrase
        else:
            secrets["password"] = _secret(args, "SFTP password", optional=False) or ""
    elif scheme in ("webdav", "webdavs", "http", "https"):
        if args.username:
            options["username"] = args.username
        secrets["password"] = _secret(args, "WebDAV password", optional=False) or ""
    elif scheme == "s3":
        if args.endpoint:
            options["endpoint"] = args.endpoint
        if not args.username:
            raise InvalidInput("an s3:// store needs --username ACCESS_KEY_ID")
        options["access_key"] = args.username
        secrets["secret_key"] = _secret(args, "S3 secret key", optional=False) or ""
    transport = open_transport(args.url, options=options, secrets=secrets)
    if scheme == "sftp":
        from fieldwork_app.sync.transports.sftp import SftpTransport, host_key_fingerprint

        assert isinstance(transport, SftpTransport)  # the host key is checked (or shown) before anything else
        try:
            key = transport.server_host_key()
        except BaseException as exc:
            transport.close()
            raise with_host_key_hint(exc) from None
        if transport.accepted_new_key:
            sys.stderr.write(f"fieldwork: trusting the SFTP server's host key {host_key_fingerprint(key)}, as "
                             "asked (--accept-new-host-key); check it with the store's administrators\n")  # fmt: skip
    return transport


def _keygen(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.sync.dmkeys import SIGNING_KEY_FILE, generate_dm_signing_keypair, load_dm_signing_key
    from fieldwork_app.sync.keys import KEY_FILE, study_key_fingerprint

    out = Path(args.out)
    have_study = (out / KEY_FILE).exists()
    have_signing = (out / SIGNING_KEY_FILE).exists()
    if have_study and have_signing:
        generate_study_keypair(out)  # refuses, naming the file (an existing key is never overwritten)
    if not have_study:
        pub, key = generate_study_keypair(out)
        recipient = pub.read_text().strip()
        ctx.say(f"public key (give to laptops): {recipient}")
        ctx.say(f"  fingerprint: {study_key_fingerprint(recipient)}")
        ctx.say(f"wrote {pub}")
        ctx.say(f"wrote {key}  <- keep this safe and off field laptops; without it nothing can be read")
    else:
        ctx.say(f"{out / KEY_FILE} exists and is kept; adding the signing key pair only")
    if not have_signing:
        spub, skey = generate_dm_signing_keypair(out)
        ctx.say(f"signing key fingerprint (laptops pin it at the first signed pack): "
                f"{load_dm_signing_key(skey).fingerprint()}")  # fmt: skip
        ctx.say(f"wrote {spub}")
        ctx.say(f"wrote {skey}  <- signs study packs (fieldwork study sign-pack); keep it with study.key")
    else:
        ctx.say(f"{out / SIGNING_KEY_FILE} exists and is kept")
    return 0


def _sign_pack(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.studypack import PackValidationError, load_pack_files
    from fieldwork_app.studypack.signature import write_signature
    from fieldwork_app.sync.dmkeys import load_dm_signing_key

    key = load_dm_signing_key(args.key)
    try:
        pack, files = load_pack_files(args.pack)  # only a valid pack is signed
    except PackValidationError as exc:
        for issue in exc.issues:
            ctx.warn(str(issue))
        ctx.warn(f"{len(exc.issues)} problem(s) found; the pack was not signed")
        return 1
    path = write_signature(args.pack, pack, files, key.public_bytes(), key.sign)
    ctx.say(f"signed pack {pack.id} {pack.version} ({len(files)} files) with key {key.fingerprint()}")
    ctx.say(f"wrote {path}; send it with the pack (a laptop refuses the pack if any file changes)")
    return 0


def _trusted(args: argparse.Namespace) -> TrustedDevices | None:
    return TrustedDevices.load(args.trusted_devices) if args.trusted_devices else None


def _verify(args: argparse.Namespace, ctx: CliContext) -> int:
    identity, trusted = load_identity(args.key), _trusted(args)
    transport = open_store(args)
    try:
        report = verify_store(transport, identity, trusted)
    finally:
        transport.close()
    if args.json:
        ctx.emit_json(report.summary())
    else:
        good = sum(1 for b in report.bundles if b.ok)
        ctx.say(f"{good} of {len(report.bundles)} bundles verified, {report.objects_checked} chunks checked")
        _say_devices(ctx, report)
        for problem in report.problems:
            ctx.say(f"PROBLEM {problem.code}: {problem}")
    return 0 if report.ok else 1


def _say_devices(ctx: CliContext, report: VerifyReport) -> None:
    for d in report.devices():
        users = ", ".join(str(u) for u in d["users"])
        label = d["label"] or "not in any trusted list"
        ctx.say(f"device {d['fingerprint']} ({label}): {d['bundles']} bundle(s) by {users}")
    if report.devices() and not report.devices_checked:
        ctx.say(
            "NOTE: devices were not checked against a trusted list, and anyone who can write to the store "
            "can sign a bundle; compare the fingerprints above with the laptops' (fieldwork device), "
            "or pass --trusted-devices FILE"
        )


def _unpack(args: argparse.Namespace, ctx: CliContext) -> int:
    identity, trusted = load_identity(args.key), _trusted(args)
    transport = open_store(args)
    try:
        report = unpack_store(transport, identity, args.out, trusted)
    finally:
        transport.close()
    if args.json:
        ctx.emit_json({
            "ok": report.ok, "sessions": report.sessions, "withdrawals": report.withdrawals,
            "written": report.written, "unchanged": len(report.unchanged),
            "problems": [{"object": p.object, "code": p.code, "message": p.message} for p in report.problems],
        })  # fmt: skip
    else:
        ctx.say(f"{report.sessions} sessions, {report.withdrawals} withdrawals; "
                f"{len(report.written)} files written, {len(report.unchanged)} unchanged, into {args.out}")  # fmt: skip
        if report.withdrawals:
            ctx.say(f"withdrawals to act on: see {Path(args.out) / 'withdrawals.csv'}")
        for problem in report.problems:
            ctx.say(f"PROBLEM {problem.code}: {problem}")
    return 0 if report.ok else 1
