"""The data manager's side of a study store, shared by the command line and the desktop app: the trusted
laptops list found beside the study key, opening a store with its credentials and SFTP host-key pins, the
signers a refusal names, and trusting a laptop.

Nothing here prompts or prints: secrets come through a callback the caller supplies (a terminal prompt, the
environment, or a password field), and results come back as values for the caller to show in its own way.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage

from fieldwork_app.errors import ErrorCode, InvalidInput
from fieldwork_app.sync import trust
from fieldwork_app.sync.dmkeys import DataManagerKey, generate_dm_signing_keypair
from fieldwork_app.sync.keys import load_identity
from fieldwork_app.sync.storeside import Problem, UnpackReport, VerifyReport, list_signers
from fieldwork_app.sync.transports import Transport, open_transport
from fieldwork_app.sync.trust import TrustedDevices

# (what is asked for, e.g. "SFTP password"; whether it may be left out) -> the secret, or None
# Asked for a store's secret by what it is (see SECRET_KINDS) and whether it may be left out; each face words it.
SecretSource = Callable[[str, bool], "str | None"]
SECRET_KINDS = ("ssh-key-passphrase", "sftp-password", "webdav-password", "s3-secret-key")


@dataclass(frozen=True)
class TrustFiles:
    """The study key and, unless given, the signed list and its signing key beside it."""

    key: Path
    devices: Path | None = None
    signing_key: Path | None = None

    @property
    def list_path(self) -> Path:
        return Path(self.devices) if self.devices else trust.devices_path(self.key)

    @property
    def signing_path(self) -> Path:
        return Path(self.signing_key) if self.signing_key else trust.signing_key_path(self.key)


def load_trusted(files: TrustFiles) -> tuple[TrustedDevices, int, DataManagerKey]:
    """The signed trusted list (empty, serial 0, when there is none yet) and the key that signs it."""
    identity = load_identity(files.key)
    signing = trust.load_signing_key(files.signing_path)
    if not files.list_path.exists():
        return TrustedDevices(), 0, signing
    devices, serial = trust.load_list(files.list_path, signing, identity)
    return devices, serial, signing


def trusted_or_none(files: TrustFiles, *, accept_any: bool = False) -> TrustedDevices | None:
    """What verify and unpack work against; None when there is no list (the caller refuses)."""
    if accept_any:
        return TrustedDevices.any_device()
    if not files.list_path.exists():
        return None
    return load_trusted(files)[0]


def add_device(files: TrustFiles, fingerprint: str, name: str) -> tuple[str, str, int, Path | None]:
    """Trust a laptop: (fingerprint, name, devices on the list, the signing key made for it or None)."""
    fp = trust.check_fingerprint(fingerprint)
    name = name.strip()
    if not name or len(name) > 80 or any(ord(c) < 32 for c in name):
        raise InvalidInput("a laptop's name is 1-80 printable characters", code=ErrorCode.BAD_DEVICE_NAME)
    identity = load_identity(files.key)
    made: Path | None = None
    if not files.signing_path.exists() and not files.signing_key:  # a key named by hand is never made up
        made, _ = generate_dm_signing_keypair(files.signing_path.parent)  # refuses if the .pub is there alone
    devices, serial, manager = load_trusted(files)
    known = devices.devices.get(fp)
    if known is not None and known.revoked:
        raise InvalidInput(f"device {fp} ({known.name}) was revoked; a revoked laptop is not trusted again")
    devices.devices[fp] = trust.Device(fp, name, trust._now())
    trust.save_list(files.list_path, devices, manager, identity, serial + 1)
    return fp, name, len(devices.devices), made


@dataclass(frozen=True)
class StoreAccess:
    """How to reach a store: its URL and the settings its scheme takes (no secret is held here)."""

    url: str
    username: str | None = None  # WebDAV user name, or S3 access key id
    endpoint: str | None = None  # S3 endpoint URL
    region: str | None = None  # S3 region
    identity_file: Path | None = None  # SSH private key (sftp)
    host_key: str | None = None  # the SFTP server's key fingerprint, SHA256:...
    known_hosts: Path | None = None
    accept_new_host_key: bool = False
    ca_bundle: Path | None = None


def open_store(access: StoreAccess, secret: SecretSource) -> tuple[Transport, str | None]:
    """The store, opened; for SFTP the host key is checked (or, if asked, taken and returned) before
    anything else is read.  Returns (transport, fingerprint of a host key taken on first sight or None)."""
    scheme = urllib.parse.urlsplit(access.url).scheme.lower()
    options: dict[str, Any] = {}
    secrets: dict[str, str] = {}
    if access.ca_bundle:
        options["ca_bundle"] = str(access.ca_bundle)
    if scheme == "sftp":
        if access.host_key and access.host_key.strip():
            options["host_key_fingerprint"] = access.host_key.strip()
        if access.known_hosts:
            options["known_hosts"] = str(access.known_hosts)
        if access.accept_new_host_key:
            options["accept_new_host_key"] = True
        if access.identity_file:
            options["key_file"] = str(access.identity_file)
            passphrase = secret("ssh-key-passphrase", True)
            if passphrase:
                secrets["key_passphrase"] = passphrase
        else:
            secrets["password"] = secret("sftp-password", False) or ""
    elif scheme in ("webdav", "webdavs", "http", "https"):
        if access.username:
            options["username"] = access.username
        secrets["password"] = secret("webdav-password", False) or ""
    elif scheme == "s3":
        if access.endpoint:
            options["endpoint"] = access.endpoint
        if access.region:
            options["region"] = access.region
        if not access.username:
            raise InvalidInput("an s3:// store needs its access key id as the user name")
        options["access_key"] = access.username
        secrets["secret_key"] = secret("s3-secret-key", False) or ""
    return checked_host_key(open_transport(access.url, options=options, secrets=secrets))


def checked_host_key(transport: Transport) -> tuple[Transport, str | None]:
    """``transport`` with, for SFTP, the server's host key checked (or, if asked, taken) before anything else
    is read: (transport, fingerprint of a host key taken on first sight or None).  Closed if refused."""
    from fieldwork_app.sync.transports.sftp import SftpTransport, host_key_fingerprint

    if not isinstance(transport, SftpTransport):
        return transport, None
    try:
        key = transport.server_host_key()
    except BaseException:
        transport.close()
        raise
    return transport, (host_key_fingerprint(key) if transport.accepted_new_key else None)


def signers(transport: Transport, identity: pyrage.x25519.Identity) -> dict[str, int]:
    """Who signed the bundles on the store (fingerprint -> bundles), read without trusting any of them."""
    report = list_signers(transport, identity)
    found: dict[str, int] = {}
    for b in report.bundles:
        if b.signer:
            found[b.signer] = found.get(b.signer, 0) + 1
    return dict(sorted(found.items()))


@dataclass(frozen=True)
class ReportWords:
    """What a store report says in each face's own terms: where the command line names its commands and
    options, the desktop app names what to use in the app.  The rest of a report is the core's."""

    not_checked: str  # a signer's label when no trusted list was used
    compare_device: str  # after a device's newest bundle numbers: where its own numbers are seen
    any_device_verified: str  # the note after a verify without a trusted list
    any_device_unpacked: str  # the note after an unpack without a trusted list
    problem_advice: Mapping[str, str]  # problem code -> what to do, appended to the problem


def _problem_lines(problems: list[Problem], words: ReportWords) -> list[str]:
    return [f"PROBLEM {p.code}: {p}{words.problem_advice.get(p.code, '')}" for p in problems]


def verify_lines(report: VerifyReport, trusted: TrustedDevices, words: ReportWords) -> list[str]:
    """The verify report, in the face's ``words`` where it says what to do."""
    good = sum(1 for b in report.bundles if b.ok)
    lines = [f"{good} of {len(report.bundles)} bundles verified, {report.objects_checked} chunks checked"]
    for d in report.devices():
        users = ", ".join(str(u) for u in d["users"]) or "unknown"
        label = d["label"] or (words.not_checked if trusted.accept_any else "not trusted")
        newest = "; ".join(f"newest {k} bundle number {v}" for k, v in sorted(d["newest"].items()))
        newest = f"; {newest}{words.compare_device}" if newest else ""
        lines.append(f"device {d['fingerprint']} ({label}): {d['bundles']} bundle(s) by {users}{newest}")
    if trusted.accept_any:
        lines.append(words.any_device_verified)
    lines += _problem_lines(report.problems, words)
    return lines


def unpack_lines(report: UnpackReport, trusted: TrustedDevices, out: Path, role: str, words: ReportWords) -> list[str]:
    """The unpack report, in the face's ``words`` where it says what to do."""
    what = (f"{report.identity} identity bundles" if role == "identity"
            else f"{report.sessions} sessions, {report.withdrawals} withdrawals")  # fmt: skip
    lines = [f"{what}; {len(report.written)} files written, {len(report.unchanged)} unchanged, into {out}"]
    if trusted.accept_any:
        for d in report.devices:
            lines.append(f"device {d['fingerprint']} (NOT CHECKED): {d['bundles']} bundle(s) by "
                         f"{', '.join(str(u) for u in d['users']) or 'unknown'}")  # fmt: skip
        lines.append(words.any_device_unpacked)
    if report.withdrawals:
        lines.append(f"withdrawals to act on: see {Path(out) / 'withdrawals.csv'}")
    lines += _problem_lines(report.problems, words)
    return lines
