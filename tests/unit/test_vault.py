"""The vault on real SQLCipher: keys, key slots, plaintext on disk, recovery."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlcipher3

from fieldwork_app.errors import ErrorKind, VaultError, WrongPassphrase
from fieldwork_app.paths import DataDir
from fieldwork_app.services import participants, workspace
from fieldwork_app.vault import FAST_KDF, Vault
from fieldwork_app.vault.keys import subkey
from tests.support.people import add_eligible
from tests.support.vaults import PASSPHRASE, USER


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_database_unreadable_without_key_or_with_wrong_key(vault_dir: DataDir) -> None:
    db = vault_dir.research_db
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db).execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn = sqlcipher3.connect(str(db))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA key = \"x'" + ("00" * 32) + "'\"")
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    # The identity database has its own key: the research key does not open it.
    v = Vault.unlock(vault_dir, USER, PASSPHRASE)
    research_key = v.subkey("research-db")
    v.close()
    conn = sqlcipher3.connect(str(vault_dir.identity_db))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{research_key.hex()}'\"")
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_no_plaintext_of_what_was_stored_anywhere_on_disk(vault_dir: DataDir) -> None:
    secret_name = "Zenobia Quartermaine-Fulbright"
    secret_address = "17 Larkspur Crescent, Bristol"
    ws = workspace.unlock(vault_dir, USER, PASSPHRASE)
    p = add_eligible(ws, "mother")
    participants.set_identity(ws, p.id, {"name": secret_name, "address": secret_address})
    assert participants.view_identity(ws, p.id, "test")["name"] == secret_name
    # Leave WAL files in place (no checkpoint) to check they are encrypted too.
    wal = Path(str(vault_dir.research_db) + "-wal")
    assert wal.exists(), "the test expects an open WAL file to search"
    needles = [
        secret_name.encode(),
        secret_address.encode(),
        b"Mothers on the Margins",
        b"SQLite format 3",
        PASSPHRASE.encode(),
    ]  # each long enough (14+ bytes) that ciphertext or base64 cannot hold it by chance
    for path in _files(vault_dir.root):
        data = path.read_bytes()
        for needle in needles:
            if path.name == "keyslots.json" and needle == b"mother":
                continue
            assert needle not in data, f"{needle!r} readable in {path.name}"
    ws.close()


def test_each_user_unlocks_and_removed_slot_no_longer_does(vault_dir: DataDir) -> None:
    v = Vault.unlock(vault_dir, USER, PASSPHRASE)
    v.add_user("bob", "bobs own passphrase", "research_assistant", FAST_KDF)
    v.close()
    v = Vault.unlock(vault_dir, "bob", "bobs own passphrase")
    assert v.role == "research_assistant"
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, "bob", PASSPHRASE)
    v.remove_user("bob")
    v.close()
    with pytest.raises(VaultError) as err:
        Vault.unlock(vault_dir, "bob", "bobs own passphrase")
    assert err.value.kind is ErrorKind.UNKNOWN_USER


def test_wrong_passphrase_changes_nothing(vault_dir: DataDir) -> None:
    before = {p.name: p.read_bytes() for p in _files(vault_dir.root)}
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, USER, "not the passphrase")
    after = {p.name: p.read_bytes() for p in _files(vault_dir.root)}
    assert before == after


def test_passphrase_change_rewraps_without_reencrypting(vault_dir: DataDir) -> None:
    db_before = vault_dir.research_db.read_bytes()[:4096]
    v = Vault.unlock(vault_dir, USER, PASSPHRASE)
    key_before = v.subkey("research-db")
    v.change_passphrase("a brand new passphrase", FAST_KDF)
    v.close()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, USER, PASSPHRASE)
    v = Vault.unlock(vault_dir, USER, "a brand new passphrase")
    assert v.subkey("research-db") == key_before
    v.close()
    # The first page (salt + header) is unchanged: the data was not re-encrypted.
    assert vault_dir.research_db.read_bytes()[:16] == db_before[:16]


def test_recovery_key_sets_a_new_passphrase(vault_dir: DataDir, recovery_key: str) -> None:
    with pytest.raises(WrongPassphrase):
        Vault.unlock_with_recovery(vault_dir, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", USER, "whatever new one")
    typed = recovery_key.lower().replace("-", " ")
    v = Vault.unlock_with_recovery(vault_dir, typed, USER, "reset passphrase 1")
    v.close()
    Vault.unlock(vault_dir, USER, "reset passphrase 1").close()


def test_kdf_parameters_are_stored_per_slot(vault_dir: DataDir) -> None:
    v = Vault.unlock(vault_dir, USER, PASSPHRASE)
    stronger = FAST_KDF.__class__(iterations=2, memory_kib=16 * 1024, lanes=1)
    v.add_user("carol", "carols passphrase", "researcher", stronger)
    v.close()
    import json

    slots = json.loads(vault_dir.keyslots.read_text())["slots"]
    carol = next(s for s in slots if s["user"] == "carol")
    assert carol["kdf"]["iterations"] == 2 and carol["kdf"]["memory_kib"] == 16 * 1024
    Vault.unlock(vault_dir, "carol", "carols passphrase").close()


def test_missing_or_damaged_vault_is_a_clear_error(tmp_path: Path, vault_dir: DataDir) -> None:
    with pytest.raises(VaultError) as err:
        Vault.unlock(DataDir(tmp_path / "nothing"), USER, PASSPHRASE)
    assert err.value.kind is ErrorKind.NO_VAULT
    vault_dir.keyslots.write_text("{not json")
    with pytest.raises(VaultError) as err:
        Vault.unlock(vault_dir, USER, PASSPHRASE)
    assert "damaged" in err.value.message


def test_corrupt_database_is_a_clear_error(vault_dir: DataDir) -> None:
    data = bytearray(vault_dir.research_db.read_bytes())
    for i in range(0, min(len(data), 8192)):
        data[i] ^= 0xFF
    vault_dir.research_db.write_bytes(bytes(data))
    for extra in ("-wal", "-shm"):
        Path(str(vault_dir.research_db) + extra).unlink(missing_ok=True)
    with pytest.raises(VaultError) as err:
        Vault.unlock(vault_dir, USER, PASSPHRASE)
    assert err.value.kind is ErrorKind.VAULT_CORRUPT


def test_create_refuses_existing_vault(vault_dir: DataDir) -> None:
    with pytest.raises(VaultError) as err:
        Vault.create(vault_dir, "someone", "a passphrase here", kdf=FAST_KDF)
    assert err.value.kind is ErrorKind.VAULT_EXISTS


def test_subkeys_differ_by_purpose() -> None:
    k = bytes(range(32))
    assert len({subkey(k, p) for p in ("research-db", "identity-db", "recording/a", "recording/b")}) == 4
