"""Data-manager commands: ``study keygen``, ``study sign-pack``, ``study devices``, ``store verify`` and
``store unpack``.

These run on the data manager's machine (the only place the study's private key lives), never on
a field laptop.  Store secrets come from the environment variable ``--secret-env`` names, else a
prompt; never from an argument, so they stay out of shell history and process lists.

``verify`` and ``unpack`` work only against the data manager's signed list of trusted laptops, found
beside the study key (``trusted-devices.json``, signed with ``dm-signing.key``, the same key that signs
study packs; see :mod:`fieldwork_app.sync.trust`).  Without one they refuse and name every signer on the store;
``--accept-any-device`` is the explicit first look, and marks what it unpacks as unverified.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldwork_app import i18n
from fieldwork_app.cli import credentials
from fieldwork_app.cli.base import CliContext, command
from fieldwork_app.cli.credentials import env_secret
from fieldwork_app.cli.messages import report_words
from fieldwork_app.cli.sync_laptop_cmds import (
    CliProgress,
    host_key_options,
    host_key_settings,
    with_host_key_hint,
)
from fieldwork_app.errors import InvalidInput

if TYPE_CHECKING:
    from fieldwork_app.services.datamanager import (
        DataManagerKey,
        StoreAccess,
        Transport,
        TrustedDevices,
        TrustFiles,
    )


def _t(text: str) -> str:
    return i18n.translate("cli", text)


def _check_date(text: str) -> str:
    """``--from DATE`` (argparse's type): the data manager's check, imported when the option is given."""
    from fieldwork_app.services import datamanager as dmstore

    try:
        return dmstore.check_date(text)
    except InvalidInput as exc:  # argparse's own error: one line with the usage, never a traceback
        raise argparse.ArgumentTypeError(str(exc)) from None


def register_study(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    study = sub.add_parser("study", help=_t("study-wide keys (data manager)"))
    study_sub = study.add_subparsers(dest="study_command", required=True)
    p = study_sub.add_parser(
        "keygen", help=_t("make the study key pair (study.pub for laptops, study.key kept safe) and the data "
        "manager's signing pair (signs study packs and the trusted-laptops list); never overwrites a key")
    )
    p.add_argument(
        "--out", required=True, type=Path,
        help=_t("folder for study.pub and study.key, and the signing pair dm-signing.pub and dm-signing.key"),
    )  # fmt: skip
    command(p, _keygen)
    p = study_sub.add_parser(
        "sign-pack", help=_t("sign a study pack for laptops (writes pack.sig beside pack.yaml)")
    )
    p.add_argument("pack", type=Path, help=_t("the pack folder (or its pack.yaml)"))
    p.add_argument("--key", required=True, type=Path, help=_t("the data manager's signing key (dm-signing.key)"))
    command(p, _sign_pack)
    devices = study_sub.add_parser("devices", help=_t("the trusted-laptops list verify and unpack work against"))
    dev_sub = devices.add_subparsers(dest="devices_command", required=True)
    p = dev_sub.add_parser("add", help=_t("trust a laptop (its fingerprint, as 'fieldwork device' prints it)"))
    p.add_argument("fingerprint")
    p.add_argument("--name", required=True, help=_t('what to call it, e.g. "laptop 3"'))
    _list_options(p)
    command(p, _devices_add)
    p = dev_sub.add_parser("list", help=_t("the trusted laptops, with revocations"))
    _list_options(p)
    p.add_argument("--json", action="store_true")
    command(p, _devices_list)
    p = dev_sub.add_parser("revoke", help=_t("stop trusting a laptop's bundles (lost or stolen laptop)"))
    p.add_argument("fingerprint")
    p.add_argument("--from", dest="from_date", type=_check_date, metavar="DATE",
                   help=_t("reject its bundles made on or after this date (YYYY-MM-DD); default: all of them"),
                   )  # fmt: skip
    p.add_argument("--after-seq", type=int, metavar="N",
                   help=_t("also reject every bundle it numbered after N (a date is what a bundle claims; its "
                   "number cannot be back-dated): the newest genuine number 'store verify' showed"))  # fmt: skip
    _list_options(p)
    command(p, _devices_revoke)


def _list_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--key", required=True, type=Path,
                   help=_t("the study's private key file (study.key); the list and dm-signing.key sit beside "
                   "it"))  # fmt: skip
    p.add_argument("--devices", type=Path, help=_t("the trusted-devices list (default: beside --key)"))
    _signing_key_option(p)


def _signing_key_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--signing-key", type=Path, metavar="DM_SIGNING_KEY",
                   help=_t("the data manager's signing key that signs the list (default: dm-signing.key beside "
                   "--key); give it when --key is an identity key kept in another folder"))  # fmt: skip


def _store_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "url",
        help=_t(
            "store URL (file://, sftp://user@host:port/path, webdav://, https://, s3://bucket/prefix), or the "
            "name of a store saved with 'fieldwork store add' on this machine (its saved settings, secrets and "
            "pinned host key are used; the vault's passphrase is asked for)"
        ),
    )
    p.add_argument("--key", required=True, type=Path, help=_t("the study's private key file (study.key)"))
    p.add_argument("--devices", type=Path,
                   help=_t("the signed trusted-devices list (default: trusted-devices.json beside --key)"))  # fmt: skip
    _signing_key_option(p)
    p.add_argument("--accept-any-device", action="store_true",
                   help=_t("a first look: accept bundles signed by any key, list every signer, and mark all that "
                   "is unpacked as unverified"))  # fmt: skip
    p.add_argument("--endpoint", help=_t("S3 endpoint URL (for s3:// stores)"))
    p.add_argument("--username", help=_t("WebDAV user name, or S3 access key id"))
    p.add_argument("--identity", type=Path, help=_t("SSH private key file (for sftp:// stores)"))
    host_key_options(p)  # --host-key, --known-hosts, --accept-new-host-key
    p.add_argument(
        "--ca-bundle", type=Path, help=_t("PEM file of a private certificate authority (https stores)")
    )
    p.add_argument("--secret-env", help=_t("environment variable holding the password / secret key"))
    p.add_argument("--json", action="store_true", help=_t("print the report as JSON"))


def register_store_side(store_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = store_sub.add_parser("verify", help=_t("check every bundle on a study store (data manager)"))
    _store_options(p)
    command(p, _verify)
    p = store_sub.add_parser("unpack", help=_t("decrypt a study store into an analysis folder (data manager)"))
    _store_options(p)
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, help=_t("analysis folder to write (research store): empty, or made by "
                       "this command before"))  # fmt: skip
    where.add_argument("--identity-out", type=Path, help=_t("identity folder to write: only for the study's "
                       "identity store, never the analysis folder"))  # fmt: skip
    command(p, _unpack)


def _secret_label(kind: str) -> str:
    """What a store's secret is called at the prompt (``kind``: one of dmstore.SECRET_KINDS)."""
    return {
        "ssh-key-passphrase": _t("SSH key passphrase"),
        "sftp-password": _t("SFTP password"),
        "webdav-password": _t("WebDAV password"),
        "s3-secret-key": _t("S3 secret key"),
    }.get(kind, kind)


def _secret(args: argparse.Namespace, kind: str, *, optional: bool) -> str | None:
    label = _secret_label(kind)
    if args.secret_env:
        value = env_secret(args.secret_env)  # read once, then gone from the environment
        if value is None:
            raise InvalidInput(_t("environment variable {secret_env} is not set").format(secret_env=args.secret_env))
        return value
    if optional:
        return None
    if not sys.stdin.isatty():
        raise InvalidInput(_t("no {label} given: use --secret-env VAR, or run in a terminal").format(label=label))
    return getpass.getpass(_t("{label}: ").format(label=label[:1].upper() + label[1:]))


def _access(args: argparse.Namespace) -> StoreAccess:
    from fieldwork_app.services.datamanager import StoreAccess

    settings = host_key_settings(args)
    return StoreAccess(
        args.url, username=args.username, endpoint=args.endpoint, identity_file=args.identity,
        host_key=settings.get("host_key_fingerprint"), known_hosts=args.known_hosts,
        accept_new_host_key=bool(args.accept_new_host_key), ca_bundle=args.ca_bundle,
    )  # fmt: skip


_URL_ONLY = ("endpoint", "username", "identity", "host_key", "known_hosts", "accept_new_host_key", "ca_bundle",
             "secret_env")  # fmt: skip


def _saved_name(args: argparse.Namespace) -> str | None:
    """The saved store ``args.url`` names, or None when it is a URL (or a folder path)."""
    text = str(args.url)
    if "://" in text or "/" in text or text.startswith("."):
        return None
    return text


def open_store(args: argparse.Namespace) -> Transport:
    from fieldwork_app.services import datamanager as dmstore
    from fieldwork_app.services import dm_stores as dm_stores_svc
    from fieldwork_app.services.datamanager import HostKeyRefused

    name = _saved_name(args)
    if name is not None:
        given = [f"--{o.replace('_', '-')}" for o in _URL_ONLY if getattr(args, o, None)]
        if given:
            raise InvalidInput(_t(
                "{options}: a saved store is opened with the settings saved for it; give its URL instead to "
                "set them here"
            ).format(options=", ".join(given)))  # fmt: skip
        with credentials.workspace_for(args) as ws:
            opener = dm_stores_svc.saved_store_opener(ws, name)
        try:
            transport, _taken = opener.open()  # the pinned host key is checked before anything is read
        except HostKeyRefused as exc:
            raise with_host_key_hint(exc) from None
        return transport
    try:
        transport, taken = dmstore.open_store(
            _access(args), lambda label, optional: _secret(args, label, optional=optional)
        )
    except HostKeyRefused as exc:
        raise with_host_key_hint(exc) from None
    if taken:
        sys.stderr.write(_t("fieldwork: trusting the SFTP server's host key {taken}, as "
                         "asked (--accept-new-host-key); check it with the store's administrators").format(taken=taken)
                         + "\n")  # fmt: skip
    return transport


def _keygen(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services.datamanager import (
        KEY_FILE,
        PUBLIC_FILE,
        SIGNING_KEY_FILE,
        SIGNING_PUBLIC_FILE,
        generate_dm_signing_keypair,
        generate_study_keypair,
        load_dm_signing_key,
        study_key_fingerprint,
    )

    out = Path(args.out)
    # Every check comes before the first write: a pair is either made whole or kept whole, never overwritten.
    have: dict[str, bool] = {}
    pairs = {"study key": (PUBLIC_FILE, KEY_FILE), "signing key": (SIGNING_PUBLIC_FILE, SIGNING_KEY_FILE)}
    words = {"study key": _t("study key"), "signing key": _t("signing key")}
    for what, names in pairs.items():
        present = [n for n in names if (out / n).exists()]
        if len(present) == 1:
            missing = next(n for n in names if n not in present)
            raise InvalidInput(_t(
                "{out} exists but {out2} does not: the {what} pair is incomplete; "
                "nothing was written (make new keys in a new folder)"
            ).format(out=out / present[0], out2=out / missing, what=words[what]))  # fmt: skip
        have[what] = len(present) == 2
    if have["study key"] and have["signing key"]:
        raise InvalidInput(_t(
            "{out} already exists, and so does {out2}; nothing was written (an "
            "existing key is never overwritten: make new keys in a new folder)"
        ).format(out=out / KEY_FILE, out2=out / SIGNING_KEY_FILE))  # fmt: skip
    if not have["study key"]:
        pub, key = generate_study_keypair(out)
        recipient = pub.read_text().strip()
        ctx.say(_t("public key (give to laptops): {recipient}").format(recipient=recipient))
        ctx.say(_t("  fingerprint: {fingerprint}").format(fingerprint=study_key_fingerprint(recipient)))
        ctx.say(_t("wrote {pub}").format(pub=pub))
        ctx.say(_t(
            "wrote {key}  <- keep this safe and off field laptops; without it "
            "nothing can be read"
        ).format(key=key))
    else:
        ctx.say(_t("{out} exists and is kept; adding the signing key pair only").format(out=out / KEY_FILE))
    spub, skey = generate_dm_signing_keypair(out)
    ctx.say(_t(
        "signing key fingerprint (laptops pin it at the first signed pack): "
        "{fingerprint}"
    ).format(fingerprint=load_dm_signing_key(skey).fingerprint()))  # fmt: skip
    ctx.say(_t("wrote {spub}").format(spub=spub))
    ctx.say(_t(
        "wrote {skey}  <- signs study packs (fieldwork study sign-pack) and "
        "your list of trusted laptops (fieldwork study devices); keep it with "
        "study.key"
    ).format(skey=skey))  # fmt: skip
    ctx.say(_t(
        "next: sign the study pack with 'fieldwork study sign-pack PACK --key "
        "{skey}', and trust each laptop with 'fieldwork study devices add "
        "FINGERPRINT --name NAME --key {out}' (the laptop shows its "
        "fingerprint with 'fieldwork device')"
    ).format(skey=skey, out=out / KEY_FILE))  # fmt: skip
    return 0


def _sign_pack(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import datamanager as dmstore
    from fieldwork_app.services.packs import PackValidationError

    try:
        signed = dmstore.sign_pack(args.pack, args.key)  # only a valid pack is signed
    except PackValidationError as exc:
        for issue in exc.issues:
            ctx.warn(str(issue))
        ctx.warn(_t("{count} problem(s) found; the pack was not signed").format(count=len(exc.issues)))
        return 1
    ctx.say(_t(
        "signed pack {pack_id} {version} ({files} files) with key {signer}"
    ).format(pack_id=signed.pack_id, version=signed.version, files=signed.files, signer=signed.signer))
    ctx.say(_t(
        "wrote {path}; send it with the pack (a laptop refuses the pack if any "
        "file changes)"
    ).format(path=signed.path))
    return 0


def _files(args: argparse.Namespace) -> TrustFiles:
    from fieldwork_app.services.datamanager import TrustFiles

    return TrustFiles(Path(args.key), args.devices, args.signing_key)


def _list_path(args: argparse.Namespace) -> Path:
    return _files(args).list_path


def _load_list(args: argparse.Namespace) -> tuple[TrustedDevices, int, DataManagerKey]:
    from fieldwork_app.services import datamanager as dmstore

    return dmstore.load_trusted(_files(args))


def _devices_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import datamanager as dmstore

    files = _files(args)
    fp, name, count, made = dmstore.add_device(files, args.fingerprint, args.name)
    if made is not None:
        ctx.say(_t(
            "made the data manager signing key {signing_path} and {made} (it signs "
            "the trusted list and study packs; keep it with study.key)"
        ).format(signing_path=files.signing_path, made=made))  # fmt: skip
    ctx.say(_t(
        "trusted device {fp} ({name}); list {list_path} now has {count} "
        "device(s)"
    ).format(fp=fp, name=name, list_path=files.list_path, count=count))
    return 0


def _devices_list(args: argparse.Namespace, ctx: CliContext) -> int:
    if not _list_path(args).exists():
        raise InvalidInput(_t(
            "no trusted-devices list at {path}: add a laptop with 'fieldwork "
            "study devices add FINGERPRINT --name NAME --key STUDY_KEY'"
        ).format(path=_list_path(args)))  # fmt: skip
    devices, serial, _ = _load_list(args)
    rows = [devices.devices[fp].to_json() for fp in sorted(devices.devices)]
    if args.json:
        ctx.emit_json({"serial": serial, "devices": rows})
        return 0
    for d in rows:
        state = _t("trusted")
        if d["revoked_at"] and d["after_seq"] is not None:
            state = (
                _t("REVOKED from {date}, and after bundle {seq}")
                if d["revoked_from"]
                else _t("REVOKED for all bundles, and after bundle {seq}")
            ).format(date=d["revoked_from"], seq=d["after_seq"])
        elif d["revoked_at"]:
            state = (_t("REVOKED from {date}") if d["revoked_from"] else _t("REVOKED for all bundles")).format(
                date=d["revoked_from"]
            )
        ctx.say(_t(
            "{fingerprint}\t{name}\tadded {added_at}\t{state}"
        ).format(fingerprint=d['fingerprint'], name=d['name'], added_at=d['added_at'][:10], state=state))
    return 0


def _devices_revoke(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import datamanager as dmstore

    done = dmstore.revoke_device(_files(args), args.fingerprint, args.from_date, args.after_seq)
    if args.from_date and args.after_seq is not None:
        revoked = _t(
            "revoked device {fingerprint} ({name}): made on or after {date}, and every bundle numbered after "
            "{seq} will be rejected"
        )
    elif args.from_date:
        revoked = _t("revoked device {fingerprint} ({name}): made on or after {date} will be rejected")
    elif args.after_seq is not None:
        revoked = _t(
            "revoked device {fingerprint} ({name}): all its bundles, and every bundle numbered after {seq} will "
            "be rejected"
        )
    else:
        revoked = _t("revoked device {fingerprint} ({name}): all its bundles will be rejected")
    ctx.say(revoked.format(fingerprint=done.fingerprint, name=done.name, date=args.from_date, seq=args.after_seq))
    return 0


def _trust(args: argparse.Namespace, identity: Any) -> TrustedDevices | None:
    from fieldwork_app.services import datamanager as dmstore

    return dmstore.trusted_or_none(_files(args), accept_any=args.accept_any_device)


def _refuse(args: argparse.Namespace, ctx: CliContext, identity: Any) -> int:
    """No trusted list: open nothing but the signers, name each, and say how to trust it."""
    from fieldwork_app.services import datamanager as dmstore

    transport = open_store(args)
    try:
        signers = dmstore.signers(transport, identity)
    finally:
        transport.close()
    if args.json:
        ctx.emit_json({"ok": False, "refused": "no trusted-devices list", "list": str(_list_path(args)),
                       "signers": [{"fingerprint": k, "bundles": v} for k, v in sorted(signers.items())]})  # fmt: skip
    ctx.warn(_t(
        "fieldwork: no trusted-devices list at {path}: nothing was checked or "
        "unpacked. Anyone who can write to the store can sign a bundle, so "
        "bundles are read only from laptops you trust."
    ).format(path=_list_path(args)))  # fmt: skip
    for fp, n in sorted(signers.items()):
        ctx.warn(_t(
            "  signer {fp}: {n} bundle(s). If 'fieldwork device' on one of the "
            "study's laptops shows this fingerprint, trust it with: fieldwork "
            "study devices add {fp} --name NAME --key {key}{signing_key}"
        ).format(
            fp=fp,
            n=n,
            key=args.key,
            signing_key=f' --signing-key {args.signing_key}' if args.signing_key else '',
        ))  # fmt: skip
    if not signers:
        ctx.warn(_t("  no signed bundle was found on the store"))
    ctx.warn(_t("  (or look first with --accept-any-device: everything is then marked unverified)"))
    return 1


def _verify(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import datamanager as dmstore
    from fieldwork_app.services.datamanager import load_identity, verify_store
    from fieldwork_app.services.sync import CancellableState

    identity = load_identity(args.key)
    trusted = _trust(args, identity)
    if trusted is None:
        return _refuse(args, ctx, identity)
    transport = open_store(args)
    try:
        report = verify_store(transport, identity, trusted, CancellableState(CliProgress(ctx, args.json)))
    finally:
        transport.close()
    if args.json:
        ctx.emit_json(report.summary())
    else:
        for line in dmstore.verify_lines(report, trusted, report_words()):
            ctx.say(line)
    return 0 if report.ok else 1


def _unpack(args: argparse.Namespace, ctx: CliContext) -> int:
    from fieldwork_app.services import datamanager as dmstore
    from fieldwork_app.services.datamanager import load_identity, unpack_store
    from fieldwork_app.services.sync import CancellableState

    identity = load_identity(args.key)
    trusted = _trust(args, identity)
    if trusted is None:
        return _refuse(args, ctx, identity)
    out, role = (args.out, "research") if args.out is not None else (args.identity_out, "identity")
    transport = open_store(args)
    try:
        report = unpack_store(
            transport, identity, out, trusted, CancellableState(CliProgress(ctx, args.json)), role=role
        )
    finally:
        transport.close()
    if args.json:
        ctx.emit_json({
            "ok": report.ok, "sessions": report.sessions, "withdrawals": report.withdrawals,
            "identity": report.identity, "written": report.written, "unchanged": len(report.unchanged),
            "held": report.held, "unverified": trusted.accept_any, "devices": report.devices,
            "problems": [{"object": p.object, "code": p.code, "message": p.message, "bundle_id": p.bundle_id}
                         for p in report.problems],
        })  # fmt: skip
    else:
        for line in dmstore.unpack_lines(report, trusted, Path(out), role, report_words()):
            ctx.say(line)
    return 0 if report.ok else 1
