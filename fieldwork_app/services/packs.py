"""Importing study packs and keeping every document version.

Importing a newer pack adds the versions it introduces and updates lifecycle statuses; a document
version that was used is never removed, and versions the new pack no longer lists become
``superseded``.  Consent records keep pointing at the exact versions they were taken with.

The first import pins what decides who can read the data this laptop sends: the study key, the
identity key and the identity store, and (for a signed pack) the data manager's signing key.  A later
pack may change a pinned key only if the pinned signer signed it or the user confirms the new key by its
fingerprint; a pack from another signer, or an unsigned pack once a signed one was imported, is refused.
Only a pack newer than every version already imported may have its key changes vouched for by the signer;
an older version is refused unless the user confirms it, and a pack whose version was already imported with
other content is refused outright (a version names one content).
A pack without a study key keeps the pinned one.  Every pin and change is audited.
"""

from __future__ import annotations

import base64
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from fieldwork_app.domain.pack import (
    Document,
    DocumentKind,
    DocumentStatus,
    StudyPack,
    canonical_dump,
    version_key,
)
from fieldwork_app.errors import ErrorCode, ErrorKind, FieldworkError, InvalidInput, NotFound
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.studypack import PackValidationError as PackValidationError  # for the faces
from fieldwork_app.studypack import example_pack_path, load_pack_files, pack_digest, pack_notices
from fieldwork_app.studypack import validate_pack as _validate_pack
from fieldwork_app.studypack.signature import PackSignatureError as PackSignatureError  # for the faces
from fieldwork_app.studypack.signature import check_signature, read_signature
from fieldwork_app.studypack.upgrade import UpgradeResult, upgrade_pack
from fieldwork_app.sync.keys import fingerprint_of, load_recipient, same_fingerprint, study_key_fingerprint
from fieldwork_app.vault import now_iso

logger = logging.getLogger(__name__)

PINS_META_KEY = "study_pins"


@dataclass(frozen=True)
class ImportResult:
    pack_id: str
    version: str
    digest: str
    new_documents: list[str]
    superseded: list[str]
    already_imported: bool
    pinned: list[str] = field(default_factory=list)  # what this import pinned or changed, for the user
    signer: str = ""  # the fingerprint of the key that signed the pack ("" unsigned)
    signer_was_pinned: bool = False  # that key was the pinned signer before this import
    notices: list[str] = field(default_factory=list)  # what the pack may have left out (pack_notices), for the user


@dataclass(frozen=True)
class Accept:
    """What the user confirmed, by fingerprint (keys, signer) or name (identity store; ``none`` for none)."""

    study_key: str | None = None
    identity_key: str | None = None
    identity_store: str | None = None
    signer: str | None = None
    older: bool = False  # make a pack no newer than every imported version the one in use


@dataclass(frozen=True)
class Pins:
    study_public_key: str
    identity_public_key: str
    identity_store: str | None
    signer: str  # base64 of the pinned signer's raw Ed25519 public key; "" while no signed pack came

    def to_json(self) -> str:
        return json.dumps(
            {"study_public_key": self.study_public_key, "identity_public_key": self.identity_public_key,
             "identity_store": self.identity_store, "signer": self.signer}, sort_keys=True
        )  # fmt: skip


@dataclass(frozen=True)
class PinChange:
    """A pinned value a pack (or the user) would change: ``what`` is ``study key``, ``identity key``,
    ``identity store`` or ``pack signer``; ``old`` and ``new`` are fingerprints (names for the store)."""

    what: str
    old: str
    new: str
    option: str  # the confirmation the command line takes for it

    def describe(self) -> str:
        return f"the {self.what} would change from {self.old or 'none'} to {self.new or 'none'}"


class PinChangeRefused(FieldworkError):
    """A pack or key would change pinned values the user has not confirmed (nothing was changed)."""

    kind = ErrorKind.INVALID_PACK

    def __init__(self, changes: list[PinChange]) -> None:
        self.changes = list(changes)
        lines = "; ".join(c.describe() for c in changes)
        confirm = " ".join(f"{c.option} {c.new or 'none'}" for c in changes)
        super().__init__(
            f"refused: {lines}. Whoever holds a new key can read everything sent from then on, and packs "
            f"travel by e-mail and USB stick",
            code=ErrorCode.PINNED_VALUE_CHANGE,
            params={"changes": lines, "confirm": confirm},
        )


class OlderPackRefused(FieldworkError):
    """A pack whose version is older than one already imported for its id (an older pack sent again)
    would become the one in use."""

    kind = ErrorKind.INVALID_PACK

    def __init__(self, pack_id: str, version: str, newest: str, changes: list[str] | None = None) -> None:
        self.pack_id, self.version, self.newest = pack_id, version, newest
        self.changes = list(changes or [])
        what = (
            "It would change: " + "; ".join(self.changes) + ". "
            if self.changes
            else "It would change no document's status. "
        )
        super().__init__(
            f"refused: pack {pack_id} version {version} is older than version {newest}, already imported "
            f"(an older pack sent again?). Making it the pack in use would make version {version} current "
            f"again. {what}It could also bring back keys the data manager has replaced.",
            code=ErrorCode.OLDER_PACK,
            params={"pack": pack_id, "version": version, "newest": newest},
        )


class SameVersionRefused(FieldworkError):
    """A pack whose version was already imported for its id, with other content: a pack's version names one
    content, so a changed pack under an old number (a copy edited on its way by e-mail or USB stick, or a
    corrected pack someone forgot to renumber) is never taken, whoever signed it and whatever is confirmed."""

    kind = ErrorKind.INVALID_PACK

    def __init__(self, pack_id: str, version: str, imported: str, digest: str) -> None:
        self.pack_id, self.version, self.imported, self.digest = pack_id, version, imported, digest
        super().__init__(
            f"refused: pack {pack_id} version {version} is already imported, with other content (its digest "
            f"{imported[:16]}, this pack's {digest[:16]}). A pack's version names one content: a changed pack "
            f"must carry a higher version. This copy may have been altered on its way; ask the data manager "
            f"for the pack with a new version number. Nothing was imported."
        )


def read_study_key(path: Path) -> str:
    """The ``age1...`` public key in a file (the data manager's study.pub)."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(64 * 1024)
        text = raw.decode("utf-8")
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read the study public key ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"{path}: not a study public key file (not text)") from None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("age1") and " " not in line:
            load_recipient(line)  # a valid X25519 recipient, or a clear error
            return line
    raise InvalidInput(f"{path}: no age public key (a line starting 'age1') found")


def import_pack(
    ws: Workspace,
    path: Path | None = None,
    *,
    example: bool = False,
    study_key_file: Path | None = None,
    accept: Accept | None = None,
) -> ImportResult:
    """Validate and import a pack (all or nothing).  ``example`` imports the built-in example pack.

    A ``pack.sig`` beside ``pack.yaml`` is checked before anything else; ``accept`` holds the changes of
    pinned keys the user has confirmed.
    """
    if example:
        path = example_pack_path()
    if path is None:
        raise InvalidInput("no study pack was given", code=ErrorCode.NO_PACK_PATH)
    pack, files = load_pack_files(path)  # raises PackValidationError listing every located problem
    signature = read_signature(path)
    if signature is not None:
        check_signature(signature, pack, files)
    hand_key = False
    if study_key_file is not None:
        key = read_study_key(study_key_file)
        hand_key = key != pack.sync.study_public_key
        pack = pack.model_copy(update={"sync": pack.sync.model_copy(update={"study_public_key": key})})
    return import_loaded(
        ws,
        pack,
        signer=signature.signer if signature is not None else None,
        accept=accept,
        from_pack=True,
        hand_key=hand_key,
    )


def pins(ws: Workspace) -> Pins | None:
    """What this vault has pinned, or None before the first import.  A vault whose pack was imported
    before pinning existed pins what its pack in use holds."""
    row = ws.db.execute("SELECT value FROM meta WHERE key = ?", (PINS_META_KEY,)).fetchone()
    if row is not None:
        data = json.loads(row["value"])
        return Pins(str(data.get("study_public_key") or ""), str(data.get("identity_public_key") or ""),
                    data.get("identity_store") or None, str(data.get("signer") or ""))  # fmt: skip
    if not ws.has_pack():
        return None
    pack = ws.pack()
    return Pins(pack.sync.study_public_key, pack.sync.identity_public_key, pack.data_rules.identity_store, "")


@dataclass(frozen=True)
class StudyKeys:
    """The pinned keys' fingerprints, for the sync page and ``fieldwork pack list``."""

    study_key: str  # "" when the study has no key yet
    identity_key: str
    identity_store: str | None
    signer: str  # "" while no signed pack was imported


def study_keys(ws: Workspace) -> StudyKeys:
    p = pins(ws)
    if p is None:
        return StudyKeys("", "", None, "")
    return StudyKeys(study_key_fingerprint(p.study_public_key), study_key_fingerprint(p.identity_public_key),
                     p.identity_store, _signer_fingerprint(p.signer))  # fmt: skip


def _signer_fingerprint(signer_b64: str) -> str:
    return fingerprint_of(base64.b64decode(signer_b64)) if signer_b64 else ""


def _check_pins(
    old: Pins | None,
    pack: StudyPack,
    signer: bytes | None,
    accept: Accept,
    *,
    from_pack: bool,
    hand_key: bool = False,
    newer: bool = True,
) -> tuple[StudyPack, Pins, list[PinChange], list[str]]:
    """The pack as it will be stored (pinned keys kept where it has none), the new pins, the changes
    made (each confirmed or vouched for by the pinned signer) and notes for the user.  Raises
    :class:`PinChangeRefused` (or a signature error) for anything not allowed.  ``hand_key``: the study key
    was given beside the pack (``--study-key``), so no signature vouches for it; ``newer``: the pack's version
    is higher than every version already imported for its id (only then may a signature vouch for a change)."""
    signer_b64 = base64.b64encode(signer).decode("ascii") if signer is not None else ""
    study, identity = pack.sync.study_public_key, pack.sync.identity_public_key
    store = pack.data_rules.identity_store
    notes: list[str] = []
    if old is None:  # the first import pins what it brings
        new = Pins(study, identity, store, signer_b64)
        if study:
            notes.append(f"pinned the study key {study_key_fingerprint(study)}")
        if identity:
            notes.append(f"pinned the identity key {study_key_fingerprint(identity)}")
        if store:
            notes.append(f"pinned the identity store {store}")
        if signer is not None:
            notes.append(f"pinned the pack signer {fingerprint_of(signer)}")
        return pack, new, [], notes
    changes: list[PinChange] = []
    refused: list[PinChange] = []
    vouched = False
    pinned_signer = old.signer
    if from_pack:
        if old.signer and signer is None:
            raise PackSignatureError(
                f"this study's packs are signed by the data manager (key {_signer_fingerprint(old.signer)}), "
                "and this pack has no signature (pack.sig): it may not come from the data manager. Nothing "
                "was imported; ask the data manager for the signed pack."
            )
        if signer is not None and old.signer and signer_b64 != old.signer:
            change = PinChange("pack signer", _signer_fingerprint(old.signer), fingerprint_of(signer),
                               "--accept-pack-signer")  # fmt: skip
            if accept.signer and accept.signer.strip().lower() == change.new:
                changes.append(change)
                pinned_signer = signer_b64
            else:
                raise PackSignatureError(
                    f"this pack is signed by {change.new}, not by the data manager key this laptop trusts "
                    f"({change.old}). Nothing was imported.",
                    code=ErrorCode.PACK_SIGNER_CHANGED,
                    params={"new": change.new, "old": change.old},
                )
        elif signer is not None and not old.signer:
            # Keys are pinned already (from an unsigned pack): a first signer is taken only when confirmed,
            # else any key could sign a pack and then vouch for the next one's key change.
            if old.study_public_key or old.identity_public_key or old.identity_store:
                change = PinChange("pack signer", "", fingerprint_of(signer), "--accept-pack-signer")
                if not (accept.signer and accept.signer.strip().lower() == change.new):
                    raise PinChangeRefused([change])
                changes.append(change)
            else:
                notes.append(f"pinned the pack signer {fingerprint_of(signer)}")
            pinned_signer = signer_b64
        # Only a signer pinned before this pack vouches for its key changes (not one first met, or just
        # accepted, with it), and never for a study key given by hand beside the pack.
        # An older pack, even a genuinely signed one, never vouches: it would roll a replaced key back.
        vouched = signer is not None and bool(old.signer) and signer_b64 == old.signer and newer
    for what, option, before, after, confirmed, signed in (
        ("study key", "--accept-study-key", old.study_public_key, study, accept.study_key, not hand_key),
        (
            "identity key",
            "--accept-identity-key",
            old.identity_public_key,
            identity,
            accept.identity_key,
            True,
        ),
    ):
        if not after and before:
            notes.append(f"kept the pinned {what} {study_key_fingerprint(before)} (the pack has none)")
            continue
        if after == before:
            continue
        change = PinChange(what, study_key_fingerprint(before), study_key_fingerprint(after), option)
        if not before:
            notes.append(f"pinned the {what} {change.new}")
        elif (vouched and signed) or (confirmed and same_fingerprint(confirmed, change.new)):
            changes.append(change)
        else:
            refused.append(change)
    if store != old.identity_store:
        change = PinChange("identity store", old.identity_store or "", store or "", "--accept-identity-store")
        confirmed_store = (accept.identity_store or "").strip()
        if not old.identity_store:
            notes.append(f"pinned the identity store {store}")
        elif vouched or (accept.identity_store is not None and confirmed_store == (store or "none")):
            changes.append(change)
        else:
            refused.append(change)
    if refused:
        raise PinChangeRefused(refused)
    kept_study = study or old.study_public_key
    kept_identity = identity or old.identity_public_key
    if (kept_study, kept_identity) != (study, identity):
        pack = pack.model_copy(update={"sync": pack.sync.model_copy(
            update={"study_public_key": kept_study, "identity_public_key": kept_identity})})  # fmt: skip
    new = Pins(kept_study, kept_identity, store, pinned_signer)
    notes += [f"changed the {c.what} from {c.old or 'none'} to {c.new or 'none'}" for c in changes]
    return pack, new, changes, notes


def set_study_key(ws: Workspace, recipient: str, *, accept_fingerprint: str | None = None) -> ImportResult:
    """Give the study in use a study key (``age1...``), or change it when ``accept_fingerprint`` confirms
    the new key.  Stored as the pack in use with that key, pinned and audited."""
    load_recipient(recipient)
    pack = ws.pack()
    keyed = pack.model_copy(
        update={"sync": pack.sync.model_copy(update={"study_public_key": recipient.strip()})}
    )
    return import_loaded(ws, keyed, accept=Accept(study_key=accept_fingerprint), from_pack=False)


def import_loaded(
    ws: Workspace,
    pack: StudyPack,
    *,
    signer: bytes | None = None,
    accept: Accept | None = None,
    from_pack: bool = True,
    hand_key: bool = False,
) -> ImportResult:
    """Store a validated pack (its signature, if any, already checked) as the pack in use.

    ``from_pack`` is False when the pack in use is stored again with a key the user gave (the signer
    pin is then neither checked nor changed); ``hand_key`` when the study key was given beside the pack.
    A pack older than a version imported for its id is refused (:class:`OlderPackRefused`) unless
    ``accept.older``, or it is the pack in use again; the signature of a pack no newer than every imported
    version never vouches for a key change.
    """
    db = ws.db
    accept = accept or Accept()
    with ws.vault.transaction():
        if from_pack:
            _refuse_other_content(ws, pack, ignore_study_key=hand_key)
        before = pins(ws)
        newest = _newest_version(ws, pack.id)
        newer = newest is None or version_key(pack.version) > version_key(newest)
        older = (
            from_pack
            and newest is not None
            and version_key(pack.version) < version_key(newest)
            and not accept.older
        )
        try:
            pack, new_pins, changes, notes = _check_pins(
                before, pack, signer, accept, from_pack=from_pack, hand_key=hand_key, newer=newer
            )
        except PinChangeRefused:
            if older and newest is not None and not _is_pack_in_use(ws, pack, ignore_study_key=hand_key):
                raise OlderPackRefused(pack.id, pack.version, newest, status_changes(ws, pack)) from None
            raise
        if older and newest is not None and not _is_pack_in_use(ws, pack, ignore_study_key=hand_key):
            raise OlderPackRefused(pack.id, pack.version, newest, status_changes(ws, pack))
        if from_pack and newest is not None and version_key(pack.version) < version_key(newest):
            # confirmed with accept.older (or the pack in use again): say what it changed
            rolled = status_changes(ws, pack)
            notes.append(
                f"made version {pack.version} the pack in use again, though version {newest} was imported"
                + (": " + "; ".join(rolled) if rolled else "")
            )
        result = _store(ws, pack)
        db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (PINS_META_KEY, new_pins.to_json())
        )
        if before is None or before != new_pins:
            ws.vault.audit(
                "pack.keys_pinned",
                "pack",
                pack.id,
                detail={
                    "study_key": study_key_fingerprint(new_pins.study_public_key),
                    "identity_key": study_key_fingerprint(new_pins.identity_public_key),
                    "identity_store": new_pins.identity_store,
                    "signer": _signer_fingerprint(new_pins.signer),
                    "first": before is None,
                },
            )
        for change in changes:
            ws.vault.audit(
                "pack.key_changed",
                "pack",
                pack.id,
                detail={"what": change.what, "old": change.old, "new": change.new,
                        "confirmed_by": "user" if accept_given(accept, change) else "signer"},
            )  # fmt: skip
    ws.forget_pack()
    logger.info("imported study pack %s version %s", pack.id, pack.version)
    return ImportResult(
        result.pack_id, result.version, result.digest, result.new_documents, result.superseded,
        result.already_imported, notes, fingerprint_of(signer) if signer is not None else "",
        signer is not None and before is not None and bool(before.signer)
        and before.signer == base64.b64encode(signer).decode("ascii"), pack_notices(pack),
    )  # fmt: skip


def status_changes(ws: Workspace, pack: StudyPack) -> list[str]:
    """What importing ``pack`` would do to the documents already here, one line each
    ("topic guide guide-mother v1.1: in use -> superseded"); nothing is changed."""
    listed = {(d.id, d.version): d for d in pack.documents}
    out = []
    for row in ws.db.execute("SELECT doc_id, version, kind, status FROM documents ORDER BY doc_id, version"):
        doc = listed.get((row["doc_id"], row["version"]))
        new = str(doc.status) if doc is not None else str(DocumentStatus.SUPERSEDED)
        if new != row["status"]:
            kind = str(row["kind"]).replace("_", " ")
            out.append(
                f"{kind} {row['doc_id']} v{row['version']}: {str(row['status']).replace('_', ' ')} -> "
                f"{new.replace('_', ' ')}"
            )
    return out


def _newest_version(ws: Workspace, pack_id: str) -> str | None:
    """The highest version imported so far for ``pack_id`` (None before its first import)."""
    rows = ws.db.execute("SELECT version FROM packs WHERE pack_id = ?", (pack_id,)).fetchall()
    versions = [str(r["version"]) for r in rows]
    return max(versions, key=version_key) if versions else None


def _without_study_key(body: dict[str, Any]) -> dict[str, Any]:
    body = json.loads(json.dumps(body))
    body.get("sync", {}).pop("study_public_key", None)
    return body


def _refuse_other_content(ws: Workspace, pack: StudyPack, *, ignore_study_key: bool) -> None:
    """Refuse ``pack`` when its version was imported before with other content (with ``ignore_study_key``:
    other than a study key given by hand beside it, which the pins check on their own)."""
    rows = ws.db.execute(
        "SELECT digest, body_json FROM packs WHERE pack_id = ? AND version = ?", (pack.id, pack.version)
    ).fetchall()
    digest = pack_digest(pack)
    if not rows or any(r["digest"] == digest for r in rows):
        return
    if ignore_study_key:
        ours = _without_study_key(canonical_dump(pack))  # as the pack was stored
        if any(_without_study_key(json.loads(r["body_json"])) == ours for r in rows):
            return
    raise SameVersionRefused(pack.id, pack.version, str(rows[0]["digest"]), digest)


def _is_pack_in_use(ws: Workspace, pack: StudyPack, *, ignore_study_key: bool) -> bool:
    """Whether ``pack`` is the pack in use again (with ``ignore_study_key``: but for a study key given by
    hand beside it, which the pins check on their own)."""
    active = ws.db.execute(
        "SELECT digest, body_json FROM packs WHERE active = 1 AND pack_id = ?", (pack.id,)
    ).fetchone()
    if active is None:
        return False
    if active["digest"] == pack_digest(pack):
        return True
    if not ignore_study_key:
        return False
    body, ours = json.loads(active["body_json"]), canonical_dump(pack)
    for b in (body, ours):
        b.get("sync", {}).pop("study_public_key", None)
    return bool(body == ours)


def accept_given(accept: Accept | None, change: PinChange) -> bool:
    """Whether the user confirmed ``change`` (rather than the pinned signer vouching for it)."""
    if accept is None:
        return False
    given = {"study key": accept.study_key, "identity key": accept.identity_key,
             "identity store": accept.identity_store, "pack signer": accept.signer}.get(change.what)  # fmt: skip
    return given is not None


def _store(ws: Workspace, pack: StudyPack) -> ImportResult:
    body = canonical_dump(pack)
    digest = pack_digest(pack)
    db = ws.db
    with ws.vault.transaction():  # joins the caller's
        active = db.execute("SELECT pack_id FROM packs WHERE active = 1").fetchone()
        if active is not None and active["pack_id"] != pack.id:
            raise FieldworkError(
                f"this vault holds study pack '{active['pack_id']}'; a laptop vault serves one study "
                f"(pack '{pack.id}' refused)",
                kind=ErrorKind.INVALID_PACK,
            )
        existing = db.execute(
            "SELECT row_id FROM packs WHERE pack_id = ? AND digest = ?", (pack.id, digest)
        ).fetchone()
        already = existing is not None
        if existing is not None:  # the same pack again (or an older one made current again)
            pack_row = int(existing["row_id"])
        else:
            cur = db.execute(
                "INSERT INTO packs (pack_id, version, digest, body_json, imported_at, imported_by, active)"
                " VALUES (?,?,?,?,?,?,0)",
                (pack.id, pack.version, digest, json.dumps(body, sort_keys=True), now_iso(), ws.user),
            )
            pack_row = int(cur.lastrowid)
        db.execute("UPDATE packs SET active = (row_id = ?)", (pack_row,))
        new_docs: list[str] = []
        superseded: list[str] = []
        listed: set[tuple[str, str]] = set()
        for doc in pack.documents:
            listed.add((doc.id, doc.version))
            approval = doc.approval
            row = db.execute(
                "SELECT row_id, status, body_json FROM documents WHERE doc_id = ? AND version = ?",
                (doc.id, doc.version),
            ).fetchone()
            doc_body = json.dumps(canonical_dump(doc), sort_keys=True)
            if row is not None and _text_of(row["body_json"]) != _text_of(doc_body):
                raise FieldworkError(
                    f"document {doc.id} version {doc.version} differs from the one already imported under that "
                    "version (records cite it): an approved document's text never changes; give the changed "
                    "document a new version. Nothing was imported.",
                    kind=ErrorKind.INVALID_PACK,
                )
            if row is None:
                db.execute(
                    "INSERT INTO documents (doc_id, version, kind, status, title, approval_ref, approval_date,"
                    " groups_json, formats_json, body_json, first_pack_row) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        doc.id,
                        doc.version,
                        str(doc.kind),
                        str(doc.status),
                        doc.title,
                        approval.reference if approval else None,
                        approval.date.isoformat() if approval else None,
                        json.dumps(list(doc.groups)),
                        json.dumps([str(f) for f in doc.session_formats]),
                        doc_body,
                        pack_row,
                    ),
                )
                new_docs.append(f"{doc.id} v{doc.version}")
            else:
                if row["status"] != DocumentStatus.SUPERSEDED and doc.status is DocumentStatus.SUPERSEDED:
                    superseded.append(f"{doc.id} v{doc.version}")  # the amended pack says so itself
                # The text of a version is fixed; only its lifecycle status and approval record move on.
                db.execute(
                    "UPDATE documents SET status = ?, approval_ref = ?, approval_date = ? WHERE row_id = ?",
                    (
                        str(doc.status),
                        approval.reference if approval else None,
                        approval.date.isoformat() if approval else None,
                        row["row_id"],
                    ),
                )
        for row in db.execute("SELECT row_id, doc_id, version, status FROM documents").fetchall():
            key = (row["doc_id"], row["version"])
            if key not in listed and row["status"] != DocumentStatus.SUPERSEDED:
                db.execute(
                    "UPDATE documents SET status = ? WHERE row_id = ?",
                    (str(DocumentStatus.SUPERSEDED), row["row_id"]),
                )
                superseded.append(f"{row['doc_id']} v{row['version']}")
        ws.vault.audit(
            "pack.import",
            "pack",
            pack.id,
            detail={
                "version": pack.version,
                "digest": digest,
                "new_documents": new_docs,
                "superseded": superseded,
                "again": already,
            },
        )
    return ImportResult(pack.id, pack.version, digest, new_docs, superseded, already)


def _text_of(doc_body: str) -> str:
    """A stored document without its lifecycle status and approval record (what a later pack may change:
    a submitted version becomes approved, then in use, then superseded)."""
    body = json.loads(doc_body)
    body.pop("status", None)
    body.pop("approval", None)
    return json.dumps(body, sort_keys=True)


def list_packs(ws: Workspace) -> list[dict[str, Any]]:
    rows = ws.db.execute(
        "SELECT pack_id, version, digest, imported_at, imported_by, active FROM packs ORDER BY row_id"
    ).fetchall()
    return [dict(r) for r in rows]


def list_documents(ws: Workspace) -> list[dict[str, Any]]:
    rows = ws.db.execute(
        "SELECT doc_id, version, kind, status, title, approval_ref, approval_date,"
        " groups_json, formats_json FROM documents ORDER BY kind, doc_id, version"
    ).fetchall()
    out = []
    for r in rows:
        d = dict(r)
        d["groups"] = json.loads(d.pop("groups_json"))
        d["formats"] = json.loads(d.pop("formats_json"))
        out.append(d)
    return out


# Built once: making a TypeAdapter for the whole document union costs far more than validating one document.
_DOCUMENT = TypeAdapter(Document)


def document(ws: Workspace, doc_id: str, version: str) -> Any:
    """A stored document version (any status), parsed back into its pack model."""
    row = ws.db.execute(
        "SELECT body_json FROM documents WHERE doc_id = ? AND version = ?", (doc_id, version)
    ).fetchone()
    if row is None:
        raise NotFound(f"document {doc_id} v{version} is not in this vault")
    return _DOCUMENT.validate_python(json.loads(row["body_json"]))


def in_use(ws: Workspace, kind: DocumentKind, group_id: str, session_format: str) -> Any:
    return ws.pack().in_use(kind, group_id, session_format)


def upgrade(path: Path, output: Path | None = None) -> UpgradeResult:
    """Rewrite a format-1 study pack as format 2 (in place, or as a copy at ``output``); see
    :mod:`fieldwork_app.studypack.upgrade`.  Needs no vault: it edits the research team's files."""
    return upgrade_pack(path, output)


# -- a pack folder, before it is imported (the faces never read a pack themselves) -----------------------
@dataclass(frozen=True)
class FolderCheck:
    """A pack folder checked without importing it: every located problem, and who signed it (or "")."""

    issues: tuple[str, ...]
    signer: str = ""
    notices: tuple[str, ...] = ()  # not problems: what a valid pack may have left out (pack_notices)

    @property
    def ok(self) -> bool:
        return not self.issues


def check_folder(path: Path) -> FolderCheck:
    """Validate a pack folder and, when it is valid and signed, check its signature (a malformed pack.sig
    is an error, never "unsigned")."""
    issues = _validate_pack(path)
    if issues:
        return FolderCheck(tuple(str(i) for i in issues))
    signature = read_signature(path)
    pack, digests = load_pack_files(path)
    notices = tuple(pack_notices(pack))
    if signature is None:
        return FolderCheck((), notices=notices)
    check_signature(signature, pack, digests)
    return FolderCheck((), fingerprint_of(signature.signer), notices)


def fingerprint_of_study_key(recipient: str) -> str:
    """The short fingerprint a person compares for a study (age) public key."""
    return study_key_fingerprint(recipient)
