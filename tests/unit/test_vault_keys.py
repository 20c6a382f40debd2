"""Key slots on real SQLCipher vaults: every field authenticated, bounded KDF parameters, locked updates,
strength of new and old slots, format 1 files, the recovery key, and re-keying (with interruptions)."""

from __future__ import annotations

import json
import math
import multiprocessing
import os
from pathlib import Path
from typing import Any

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldwork_app.audio import container
from fieldwork_app.errors import ErrorKind, VaultError, WrongPassphrase
from fieldwork_app.paths import DataDir
from fieldwork_app.services import participants, workspace
from fieldwork_app.services import rekey as rekey_svc
from fieldwork_app.vault import FAST_KDF, Vault, keys
from fieldwork_app.vault.keys import derive_kek, normalise_recovery_key
from tests.support.people import add_eligible
from tests.support.vaults import PASSPHRASE, USER


def _slots_json(dd: DataDir) -> dict[str, Any]:
    return dict(json.loads(dd.keyslots.read_text()))


def _edit_slot(dd: DataDir, user: str | None, change: Any) -> None:
    body = _slots_json(dd)
    for s in body["slots"]:
        if s["user"] == user:
            change(s)
    dd.keyslots.write_text(json.dumps(body))


# -- item 5: every field authenticated, parameters bounded ------------------------------------------------
def test_an_edited_role_or_kdf_parameter_is_refused(vault_dir: DataDir) -> None:
    original = vault_dir.keyslots.read_text()
    _edit_slot(vault_dir, USER, lambda s: s.update(role="data_manager"))
    with pytest.raises(WrongPassphrase, match="edited"):
        Vault.unlock(vault_dir, USER, PASSPHRASE)
    vault_dir.keyslots.write_text(original)
    _edit_slot(vault_dir, USER, lambda s: s["kdf"].update(iterations=2))
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, USER, PASSPHRASE)
    vault_dir.keyslots.write_text(original)
    _edit_slot(vault_dir, USER, lambda s: s.update(created_at="2020-01-01T00:00:00+00:00"))
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, USER, PASSPHRASE)
    vault_dir.keyslots.write_text(original)
    v = Vault.unlock(vault_dir, USER, PASSPHRASE)
    assert v.role == "researcher"
    v.close()


@pytest.mark.parametrize(
    "field,value",
    [("memory_kib", 64 * 1024 * 1024), ("iterations", 10_000_000), ("lanes", 4096), ("memory_kib", 1)],
)
def test_kdf_parameters_out_of_bounds_are_refused_before_any_work(
    vault_dir: DataDir, field: str, value: int
) -> None:
    _edit_slot(vault_dir, USER, lambda s: s["kdf"].update({field: value}))
    with pytest.raises(VaultError, match="out of bounds") as err:
        Vault.unlock(vault_dir, USER, PASSPHRASE)
    assert err.value.kind is ErrorKind.VAULT_CORRUPT


def _slot_info(vault_id: str, s: dict[str, Any]) -> bytes:
    """A format 2 slot's authenticated fields as the file format defines them (built here, not by the module)."""
    body = [
        "fieldwork-keyslot-v2",
        vault_id,
        s["id"],
        s["kind"],
        s["user"],
        s["role"],
        s["created_at"],
        s["kdf"],
        s["box"]["public"],
    ]
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()


def _slot_private_key(vault_id: str, s: dict[str, Any], secret: bytes) -> X25519PrivateKey:
    kdf = s["kdf"]
    params = keys.KdfParams(kdf["iterations"], kdf["memory_kib"], kdf["lanes"])
    kek = derive_kek(secret, keys._unb64(kdf["salt"]), params)
    box = s["box"]
    raw = AESGCM(kek).decrypt(keys._unb64(box["nonce"]), keys._unb64(box["private"]), _slot_info(vault_id, s))
    return X25519PrivateKey.from_private_bytes(raw)


def test_a_slots_sealed_data_key_is_an_rfc_9180_hpke_message_bound_to_every_field(
    vault_dir: DataDir, recovery_key: str
) -> None:
    v = Vault.unlock(vault_dir, USER, PASSPHRASE)
    data_key = v.data_key_for_rekey()
    v.close()
    body = _slots_json(vault_dir)
    suite = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
    secrets = {USER: PASSPHRASE.encode(), None: normalise_recovery_key(recovery_key)}
    assert {s["user"] for s in body["slots"]} == set(secrets)
    for s in body["slots"]:
        wrap = s["wrap"]
        assert set(wrap) == {"alg", "ciphertext"} and wrap["alg"] == "HPKE-X25519-HKDF-SHA256-AES-256-GCM"
        message = keys._unb64(wrap["ciphertext"])
        assert len(message) == 32 + 32 + 16  # encapsulated X25519 key, the data key, the GCM tag
        private = _slot_private_key(body["vault_id"], s, secrets[s["user"]])
        info = _slot_info(body["vault_id"], s)
        assert suite.decrypt(message, private, info) == data_key
        for i in range(len(info)):
            changed = bytearray(info)
            changed[i] ^= 0x01
            with pytest.raises(InvalidTag):
                suite.decrypt(message, private, bytes(changed))
        with pytest.raises(InvalidTag):
            suite.decrypt(message, private, info + b" ")
        with pytest.raises(InvalidTag):
            suite.decrypt(message, private, None)


def test_a_data_key_sealed_with_other_fields_is_refused_at_unlock(vault_dir: DataDir) -> None:
    """A data key sealed to the slot's own public key, but under other fields (here another role), is refused."""
    v = Vault.unlock(vault_dir, USER, PASSPHRASE)
    data_key = v.data_key_for_rekey()
    v.close()
    suite = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)

    def reseal_for_another_role(s: dict[str, Any]) -> None:
        public = _slot_private_key(_slots_json(vault_dir)["vault_id"], s, PASSPHRASE.encode()).public_key()
        info = _slot_info(_slots_json(vault_dir)["vault_id"], {**s, "role": "data_manager"})
        s["wrap"]["ciphertext"] = keys._b64(suite.encrypt(data_key, public, info))

    _edit_slot(vault_dir, USER, reseal_for_another_role)
    with pytest.raises(VaultError, match="a sealed key is altered") as err:
        Vault.unlock(vault_dir, USER, PASSPHRASE)
    assert err.value.kind is ErrorKind.VAULT_CORRUPT


def test_another_data_key_sealed_to_a_slot_opens_nothing_and_changes_nothing(vault_dir: DataDir) -> None:
    """Anyone can seal to a slot's public half: a substituted key fails the databases' own check, named as such."""
    suite = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
    vault_id = _slots_json(vault_dir)["vault_id"]

    def substitute(s: dict[str, Any]) -> None:
        public = X25519PublicKey.from_public_bytes(keys._unb64(s["box"]["public"]))
        s["wrap"]["ciphertext"] = keys._b64(suite.encrypt(os.urandom(32), public, _slot_info(vault_id, s)))

    _edit_slot(vault_dir, USER, substitute)
    research = vault_dir.root / "research.db"
    before = research.read_bytes()
    with pytest.raises(VaultError, match="research.db") as err:
        Vault.unlock(vault_dir, USER, PASSPHRASE)
    assert err.value.kind is ErrorKind.VAULT_CORRUPT and not isinstance(err.value, WrongPassphrase)
    assert research.read_bytes() == before


def test_a_slot_with_the_old_hand_made_seal_or_a_cut_message_is_refused(vault_dir: DataDir) -> None:
    original = vault_dir.keyslots.read_text()
    _edit_slot(vault_dir, USER, lambda s: s["wrap"].update(alg="X25519-HKDF-SHA256-AES-256-GCM"))
    with pytest.raises(VaultError, match="unknown algorithm"):
        Vault.unlock(vault_dir, USER, PASSPHRASE)
    vault_dir.keyslots.write_text(original)
    _edit_slot(
        vault_dir,
        USER,
        lambda s: s["wrap"].update(ciphertext=keys._b64(keys._unb64(s["wrap"]["ciphertext"])[:-1])),
    )
    with pytest.raises(VaultError, match="damaged"):
        Vault.unlock(vault_dir, USER, PASSPHRASE)
    vault_dir.keyslots.write_text(original)
    Vault.unlock(vault_dir, USER, PASSPHRASE).close()


def _to_format_1(dd: DataDir, data_key: bytes, passphrases: dict[str | None, str]) -> None:
    """Rewrite the key-slot file as the first format wrote it (data key sealed under the KEK)."""
    body = _slots_json(dd)
    body["version"] = 1
    for s in body["slots"]:
        secret = passphrases[s["user"]]
        raw = secret.encode() if s["user"] else normalise_recovery_key(secret)
        salt, nonce = os.urandom(16), os.urandom(12)
        params = keys.KdfParams(s["kdf"]["iterations"], s["kdf"]["memory_kib"], s["kdf"]["lanes"])
        aad = json.dumps([body["vault_id"], s["id"], s["kind"], s["user"]], separators=(",", ":")).encode()
        ct = AESGCM(derive_kek(raw, salt, params)).encrypt(nonce, data_key, aad)
        s.pop("v")
        s.pop("box")
        s["kdf"]["salt"] = keys._b64(salt)
        s["wrap"] = {"alg": "AES-256-GCM", "nonce": keys._b64(nonce), "ciphertext": keys._b64(ct)}
    dd.keyslots.write_text(json.dumps(body))


def test_a_format_1_file_opens_and_is_upgraded_in_place(vault_dir: DataDir, recovery_key: str) -> None:
    v = Vault.unlock(vault_dir, USER, PASSPHRASE)
    data_key = v.data_key_for_rekey()
    v.close()
    _to_format_1(vault_dir, data_key, {USER: PASSPHRASE, None: recovery_key})
    # In format 1 the role is not authenticated: an edit is ignored (the users table decides)...
    _edit_slot(vault_dir, USER, lambda s: s.update(role="data_manager"))
    v = Vault.unlock(vault_dir, USER, PASSPHRASE)
    assert v.role == "researcher"
    v.close()
    # ...and the slot, now of format 2, carries the right role, authenticated.
    body = _slots_json(vault_dir)
    alice = next(s for s in body["slots"] if s["user"] == USER)
    assert body["version"] == 2 and alice["v"] == 2 and alice["role"] == "researcher"
    recovery = next(s for s in body["slots"] if s["kind"] == "recovery")
    assert "v" not in recovery  # upgraded when the recovery key is next used
    v = Vault.unlock_with_recovery(vault_dir, recovery_key, USER, "a reset passphrase here")
    v.close()
    assert all(s.get("v") == 2 for s in _slots_json(vault_dir)["slots"])
    Vault.unlock(vault_dir, USER, "a reset passphrase here").close()


# -- item 5: read-modify-write under a lock (two processes) ------------------------------------------------
def _change_in_child(root: str, user: str, old: str, new: str, barrier: Any) -> None:
    os.environ["FIELDWORK_KDF"] = "fast"
    os.environ["FIELDWORK_TEST_SUITE"] = "1"
    v = Vault.unlock(DataDir(Path(root)), user, old)
    barrier.wait(timeout=60)  # both have read the key-slot file before either writes it
    v.change_passphrase(new)
    v.close()


def test_two_processes_changing_passphrases_at_once_both_land(vault_dir: DataDir) -> None:
    v = Vault.unlock(vault_dir, USER, PASSPHRASE)
    v.add_user("bob", "bobs own passphrase", "research_assistant")
    v.close()
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    root = str(vault_dir.root)
    procs = [
        ctx.Process(target=_change_in_child, args=(root, USER, PASSPHRASE, "alice new one", barrier)),
        ctx.Process(
            target=_change_in_child, args=(root, "bob", "bobs own passphrase", "bob new one", barrier)
        ),
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
        assert p.exitcode == 0
    Vault.unlock(vault_dir, USER, "alice new one").close()
    Vault.unlock(vault_dir, "bob", "bob new one").close()


# -- item 3: the fast KDF only in tests; new slots at full strength; weak slots strengthened -------------
def test_fast_kdf_needs_the_test_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDWORK_KDF", "fast")
    assert keys.fast_kdf_allowed()
    monkeypatch.delenv("FIELDWORK_TEST_SUITE")
    assert not keys.fast_kdf_allowed()
    assert keys.is_weak(FAST_KDF)


def test_weak_slots_are_strengthened_and_new_ones_never_copy_them(
    vault_dir: DataDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Out of test mode (a real tuning here), the template's fast slot is raised at unlock; new slots too."""
    monkeypatch.delenv("FIELDWORK_TEST_SUITE")
    tuned = keys.tune_kdf()
    assert not keys.is_weak(tuned) and tuned.memory_kib >= keys.MIN_STRONG_MEMORY_KIB
    v = Vault.unlock(vault_dir, USER, PASSPHRASE)
    v.add_user("bob", "bobs own passphrase", "research_assistant")
    v.change_passphrase("alices changed passphrase")
    v.close()
    for s in _slots_json(vault_dir)["slots"]:
        if s["kind"] == "user":
            params = keys.KdfParams(s["kdf"]["iterations"], s["kdf"]["memory_kib"], s["kdf"]["lanes"])
            assert not keys.is_weak(params), s["user"]
            assert params.cost() >= tuned.cost()


# -- item 11: the recovery key --------------------------------------------------------------------------
def test_recovery_keys_have_at_least_128_bits_and_old_short_ones_still_work(vault_dir: DataDir) -> None:
    key = keys.new_recovery_key()
    symbols = len(normalise_recovery_key(key))
    assert symbols * math.log2(30) >= 128 and symbols == 30
    old_style = "ABCDE-FGHJK-MNPQR-STVWX-YZ234"  # 25 symbols, as vaults made before have
    v = Vault.unlock(vault_dir, USER, PASSPHRASE)
    v.update_slots(lambda s: s.set_recovery(v.data_key_for_rekey(), old_style, FAST_KDF))
    v.close()
    Vault.unlock_with_recovery(vault_dir, old_style.lower(), USER, "after an old recovery key").close()


# -- item 4: re-key ------------------------------------------------------------------------------------
def _write_take(v: Vault, dd: DataDir, rid: str) -> tuple[Path, list[bytes]]:
    path = dd.audio / "S-0001" / f"{rid}.fwa"
    path.parent.mkdir(parents=True, exist_ok=True)
    header = container.build_header(rid, "interview", 16000, 1)
    w = container.ContainerWriter(path, v.recording_key(rid), header)
    payloads = [os.urandom(200) for _ in range(3)]
    for p in payloads:
        w.append(container.RecordType.AUDIO, p, 100)
    w.seal(reason="stopped")
    return path, payloads


def _payloads(path: Path, key: bytes) -> list[bytes]:
    return [r.payload for r in container.iter_records(path, key) if r.type is container.RecordType.AUDIO]


def test_rekey_revokes_an_old_key_slot_file_and_keeps_every_thing(vault_dir: DataDir) -> None:
    ws = workspace.unlock(vault_dir, USER, PASSPHRASE)
    pid = add_eligible(ws, "mother").id
    participants.set_identity(ws, pid, {"name": "Name Kept Through Rekey"})
    ws.vault.add_user("bob", "bobs own passphrase", "research_assistant")
    take, payloads = _write_take(ws.vault, vault_dir, "R-rekey")
    old_take_key = ws.vault.recording_key("R-rekey")
    old_slots = vault_dir.keyslots.read_bytes()
    ws.vault.remove_user("bob")
    rekey_svc.rekey(ws)
    assert not ws.vault.is_open
    # The removed user's passphrase with the old key-slot file no longer opens the current databases.
    saved = vault_dir.keyslots.read_bytes()
    vault_dir.keyslots.write_bytes(old_slots)
    with pytest.raises(VaultError) as err:
        Vault.unlock(vault_dir, "bob", "bobs own passphrase")
    assert err.value.kind is ErrorKind.VAULT_CORRUPT
    vault_dir.keyslots.write_bytes(saved)
    ws = workspace.unlock(vault_dir, USER, PASSPHRASE)
    try:
        assert participants.view_identity(ws, pid, "test")["name"] == "Name Kept Through Rekey"
        assert _payloads(take, ws.vault.recording_key("R-rekey")) == payloads
        with pytest.raises(Exception, match="authentication failed"):
            _payloads(take, old_take_key)
        actions = [r["action"] for r in ws.db.execute("SELECT action FROM audit ORDER BY seq")]
        assert actions.index("vault.rekey") == actions.index("user.remove") + 1
    finally:
        ws.close()
    assert not (vault_dir.root / "rekey").exists()


def test_rekey_refuses_while_another_process_has_the_vault_open(vault_dir: DataDir) -> None:
    ws = workspace.unlock(vault_dir, USER, PASSPHRASE)
    other = Vault.unlock(vault_dir, USER, PASSPHRASE)  # another open vault holds the in-use lock too
    try:
        with pytest.raises(VaultError, match="close it first"):
            rekey_svc.rekey(ws)
    finally:
        other.close()
        ws.close()
    Vault.unlock(vault_dir, USER, PASSPHRASE).close()


def test_a_half_made_rekey_without_journal_is_dropped(vault_dir: DataDir) -> None:
    stage = vault_dir.root / "rekey"
    stage.mkdir()
    (stage / "research.db").write_bytes(b"half made")
    Vault.unlock(vault_dir, USER, PASSPHRASE).close()
    assert not stage.exists()


def test_rekey_refuses_old_format_user_slots_and_replaces_an_old_recovery_key(
    vault_dir: DataDir, recovery_key: str
) -> None:
    v = Vault.unlock(vault_dir, USER, PASSPHRASE)
    v.add_user("bob", "bobs own passphrase", "research_assistant")
    data_key = v.data_key_for_rekey()
    v.close()
    _to_format_1(vault_dir, data_key, {USER: PASSPHRASE, "bob": "bobs own passphrase", None: recovery_key})
    ws = workspace.unlock(vault_dir, USER, PASSPHRASE)  # alice's slot is brought up to date; bob's is not
    with pytest.raises(VaultError, match="bob") as err:
        rekey_svc.rekey(ws)
    assert err.value.kind is ErrorKind.NOT_READY
    ws.close()
    Vault.unlock(vault_dir, "bob", "bobs own passphrase").close()  # now both are of the current format
    ws = workspace.unlock(vault_dir, USER, PASSPHRASE)
    result = rekey_svc.rekey(ws)
    assert result.new_recovery_key is not None  # the old recovery slot could not be carried over
    Vault.unlock_with_recovery(vault_dir, result.new_recovery_key, USER, "after the re-key").close()
    with pytest.raises(WrongPassphrase):
        Vault.unlock_with_recovery(vault_dir, recovery_key, USER, "old key refused")
    Vault.unlock(vault_dir, "bob", "bobs own passphrase").close()
