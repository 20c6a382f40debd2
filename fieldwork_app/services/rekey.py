"""``fieldwork vault rekey``: a new data key for everything, so that old key-slot files stop working.

Removing a user (or rotating the recovery key) takes their slot out of ``keyslots.json``, but the data
key stays the same: a copy of the old key-slot file (a backup, a stolen copy) with the removed
passphrase would still open the current databases.  A re-key draws a new data key and:

* exports both SQLCipher databases under their new sub-keys (``sqlcipher_export``, one consistent copy);
* writes every take again under the new key, record by record, through the audio container's own
  reading and writing API (an interrupted take stays interrupted and is recovered as before);
* seals the encrypted log again as one new chain;
* seals the new data key to every key slot's public key (no one's passphrase is needed).

Staged outbox bundles are not touched: their chunks are encrypted to the study's public key and their
manifests signed with the device key, which lives inside the research database; nothing in them
depends on the data key.

All of it is prepared in ``rekey/`` and switched in through the journal of
:mod:`fieldwork_app.vault.rekey`, so a crash at any moment leaves a vault that opens, with the old key
(before the journal is written) or the new one (after).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from fieldwork_app import audio
from fieldwork_app import log as fwlog
from fieldwork_app.audio import container
from fieldwork_app.errors import ErrorKind, FieldworkError, VaultError
from fieldwork_app.fsutil import fsync_dir, private_dir
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.vault import audit, migrations
from fieldwork_app.vault import rekey as journal
from fieldwork_app.vault.keys import (
    SLOT_VERSION,
    KeySlots,
    new_data_key,
    new_recovery_key,
    slot_lock,
    strong_params,
    subkey,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RekeyResult:
    slots: int
    takes: int
    new_recovery_key: str | None  # set when the old recovery slot could not be carried over


def _takes(audio_dir: Path) -> list[Path]:
    return sorted(p for p in audio_dir.rglob(f"*{audio.TAKE_SUFFIX}") if p.is_file())


def _reencrypt_take(src: Path, dst: Path, old_key: bytes, new_key: bytes) -> None:
    header = container.read_header(src)
    sealed = container.is_sealed(src)
    rid = header.recording_id
    fresh = container.build_header(
        rid, header.kind, header.samplerate, header.channels, version=header.version
    )
    private_dir(dst.parent)
    writer = container.ContainerWriter(dst, subkey(new_key, f"recording/{rid}"), fresh)
    final: dict[str, object] | None = None
    try:
        for rec in container.iter_records(
            src, subkey(old_key, f"recording/{rid}"), allow_torn_tail=not sealed
        ):
            if rec.type is container.RecordType.FINAL:
                final = container.parse_final(src, rec)
                continue
            writer.append(rec.type, rec.payload, rec.frames)
        if final is not None:
            writer.seal(reason=str(final.get("reason", "")), recovered=bool(final.get("recovered", False)))
    finally:
        writer.close()


def _stamp_audit(db_path: Path, key: bytes, user: str, detail: dict[str, object]) -> None:
    """The re-key's own audit entry, in the new research database (it exists only if the re-key lands)."""
    conn = sqlcipher3.connect(str(db_path), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("BEGIN IMMEDIATE")
        audit.append(conn, user, "vault.rekey", "vault", str(detail.get("vault_id", "")), detail=detail)
        conn.execute("COMMIT")
    finally:
        conn.close()
    with open(db_path, "rb+") as fh:
        os.fsync(fh.fileno())


def rekey(ws: Workspace) -> RekeyResult:
    """Re-key the open vault of ``ws``; the workspace is closed when this returns (unlock again)."""
    vault = ws.vault
    dd = vault.data_dir
    vault.take_exclusive()
    live = [p for p in _takes(dd.audio) if audio.is_live(p)]
    if live:
        raise FieldworkError(
            f"{live[0].name} is being recorded: stop the recording before re-keying",
            kind=ErrorKind.RECORDING_BUSY,
        )
    stage = journal.stage_dir(dd)
    old_key = vault.data_key_for_rekey()
    new_key = new_data_key()
    logs_attached = fwlog.attached_dir() == dd.logs
    with slot_lock(dd.keyslots):
        journal.apply(dd)  # a half-made earlier attempt is dropped
        journal.remove_stale_snapshots(dd, all_of_them=True)  # old-key database copies of a backup
        slots = KeySlots.load(dd.keyslots)
        stale = [s.user for s in slots.slots if s.kind == "user" and s.version != SLOT_VERSION]
        if stale:
            raise VaultError(
                "these users' key slots are of the old format and cannot be carried over without their "
                f"passphrase: {', '.join(str(u) for u in stale)}. Each signs in once (which updates the slot), "
                "or is removed, before the vault is re-keyed; nothing was changed",
                kind=ErrorKind.NOT_READY,
            )
        private_dir(stage)
        try:
            journal.export_database(
                vault.db, stage / dd.research_db.name, subkey(new_key, "research-db"),
                migrations.current_version(vault.db),
            )  # fmt: skip
            journal.export_database(
                vault.idb, stage / dd.identity_db.name, subkey(new_key, "identity-db"),
                migrations.current_version(vault.idb),
            )  # fmt: skip
            journal.crash_point("databases")
            takes = _takes(dd.audio)
            for src in takes:
                _reencrypt_take(src, stage / src.relative_to(dd.root), old_key, new_key)
            fsync_dir(stage)
            journal.crash_point("takes")
            if logs_attached:
                fwlog.detach_vault()  # lines logged from here on wait in memory for the new key
            fwlog.reseal(dd.logs, subkey(old_key, "log"), stage / dd.logs.name, subkey(new_key, "log"))
            journal.crash_point("log")
            recovery = None
            recovery_slot = slots.recovery_slot()
            slots.reseal_all(new_key)
            if recovery_slot is not None and recovery_slot.version != SLOT_VERSION:
                recovery = new_recovery_key()
                slots.set_recovery(new_key, recovery, strong_params(recovery_slot.kdf))
            slots.path = stage / dd.keyslots.name
            slots.save()
            journal.crash_point("slots")
            _stamp_audit(
                stage / dd.research_db.name,
                subkey(new_key, "research-db"),
                vault.user,
                {"vault_id": slots.vault_id, "slots": len(slots.slots), "takes": len(takes)},
            )
            moves = [dd.research_db.name, dd.identity_db.name]
            moves += [str(p.relative_to(dd.root)) for p in takes]
            moves += [f"{dd.logs.name}/{fwlog.LOG_NAME}", dd.keyslots.name]
            deletes = [f"{dd.logs.name}/{fwlog.OLD_LOG_NAME}"]
            journal.commit(dd, moves, deletes, slots.vault_id)
        except BaseException:
            if not journal.journal_path(dd).exists():
                with contextlib.suppress(OSError):
                    shutil.rmtree(stage, ignore_errors=True)
                if logs_attached:
                    fwlog.attach_vault(dd.logs, subkey(old_key, "log"))
            raise
        journal.crash_point("journal")
        ws.close()  # the old connections end before their files are replaced
        journal.apply(dd)
    if logs_attached:
        fwlog.attach_vault(dd.logs, subkey(new_key, "log"))
    logger.info("the vault was re-keyed")
    return RekeyResult(len(slots.slots), len(takes), recovery)
