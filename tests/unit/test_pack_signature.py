"""Signed study packs and pinned keys in a real vault: a malformed or stretched signature is refused and
changes nothing; a study key given by hand is pinned, and replacing it needs the new fingerprint."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from fieldwork_app.errors import ErrorKind, FieldworkError
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.studypack import load_pack_files
from fieldwork_app.studypack.signature import PackSignatureError, read_signature, write_signature
from fieldwork_app.sync.dmkeys import DataManagerKey
from fieldwork_app.sync.keys import generate_study_keypair, study_key_fingerprint


def _signed(tmp_path: Path, key: DataManagerKey, name: str = "pack") -> Path:
    pack = tmp_path / name
    shutil.copytree(packs_svc.example_pack_path(), pack)
    loaded, files = load_pack_files(pack)
    write_signature(pack, loaded, files, key.public_bytes(), key.sign)
    return pack


def _state(ws: Workspace) -> tuple[object, ...]:
    packs = ws.db.execute("SELECT pack_id, digest, active FROM packs ORDER BY row_id").fetchall()
    audit = ws.db.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    pins = ws.db.execute("SELECT value FROM meta WHERE key = 'study_pins'").fetchone()
    return tuple(tuple(r) for r in packs), audit, tuple(pins) if pins else None


def test_the_signature_covers_every_file_the_pack_is_built_from(tmp_path: Path) -> None:
    key = DataManagerKey.generate()
    pack = _signed(tmp_path, key)
    sig = read_signature(pack)
    assert sig is not None and sig.signer == key.public_bytes()
    _, files = load_pack_files(pack)
    assert set(sig.files) == set(files) and "pack.yaml" in files
    assert any(name.startswith("documents/") for name in files) and len(files) > 5


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda s: "not json", "not a pack signature"),
        (lambda s: json.dumps({**json.loads(s), "format": "other"}), "not a pack signature of format"),
        (lambda s: json.dumps({**json.loads(s), "extra": 1}), "unknown key 'extra'"),
        (lambda s: json.dumps({**json.loads(s), "signer": "AAAA"}), "must be 32 bytes"),
        (lambda s: json.dumps({k: v for k, v in json.loads(s).items() if k != "files"}), "'files' is missing"),
        (lambda s: json.dumps({**json.loads(s), "files": {**json.loads(s)["files"], "extra.yaml": "0" * 64}}),
         "the signature does not match"),
    ],
)  # fmt: skip
def test_a_damaged_signature_is_refused_and_changes_nothing(
    ws: Workspace,
    tmp_path: Path,
    damage,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    pack = _signed(tmp_path, DataManagerKey.generate())
    sig_file = pack / "pack.sig"
    sig_file.write_text(damage(sig_file.read_text()))
    before = _state(ws)
    with pytest.raises(PackSignatureError, match=message) as e:
        packs_svc.import_pack(ws, pack)
    assert e.value.kind is ErrorKind.INVALID_PACK
    assert _state(ws) == before


def test_a_signature_listing_a_file_the_pack_does_not_use_is_refused(ws: Workspace, tmp_path: Path) -> None:
    key = DataManagerKey.generate()
    pack = tmp_path / "pack"
    shutil.copytree(packs_svc.example_pack_path(), pack)
    loaded, files = load_pack_files(pack)
    write_signature(
        pack, loaded, {**files, "documents/withdrawn.yaml": "0" * 64}, key.public_bytes(), key.sign
    )
    before = _state(ws)
    with pytest.raises(PackSignatureError, match="documents/withdrawn.yaml: signed as part of the pack"):
        packs_svc.import_pack(ws, pack)
    assert _state(ws) == before


def test_a_key_given_by_hand_is_pinned_and_replacing_it_needs_its_fingerprint(
    ws: Workspace, tmp_path: Path
) -> None:
    first, _ = generate_study_keypair(tmp_path / "a")
    second, _ = generate_study_keypair(tmp_path / "b")
    first_key, second_key = first.read_text().strip(), second.read_text().strip()
    assert packs_svc.study_keys(ws).study_key == ""  # the template vault's study has none yet
    packs_svc.set_study_key(ws, first_key)  # adding one to a study with none
    assert packs_svc.study_keys(ws).study_key == study_key_fingerprint(first_key)
    before = _state(ws)
    with pytest.raises(packs_svc.PinChangeRefused) as e:
        packs_svc.set_study_key(ws, second_key)
    (change,) = e.value.changes
    assert (change.old, change.new) == (study_key_fingerprint(first_key), study_key_fingerprint(second_key))
    with pytest.raises(packs_svc.PinChangeRefused):
        packs_svc.set_study_key(ws, second_key, accept_fingerprint=study_key_fingerprint(first_key))
    assert _state(ws) == before
    packs_svc.set_study_key(ws, second_key, accept_fingerprint=study_key_fingerprint(second_key))
    assert ws.pack().sync.study_public_key == second_key
    with pytest.raises(FieldworkError, match="not a valid age1"):
        packs_svc.set_study_key(ws, "age1notakey")


def _with_key(pack: Path, pub: Path, version: str) -> None:
    text = (pack / "pack.yaml").read_text()
    text = text.replace('study_public_key: ""', f'study_public_key: "{pub.read_text().strip()}"')
    (pack / "pack.yaml").write_text(text.replace('version: "1.1"', f'version: "{version}"', 1))


def _sign(pack: Path, key: DataManagerKey) -> None:
    loaded, files = load_pack_files(pack)
    write_signature(pack, loaded, files, key.public_bytes(), key.sign)


def test_only_a_signer_pinned_before_vouches_and_never_for_a_key_given_beside_the_pack(
    ws: Workspace, tmp_path: Path
) -> None:
    """The template vault's study was imported unsigned, with no key; a key is then given by hand."""
    first, _ = generate_study_keypair(tmp_path / "a")
    evil, _ = generate_study_keypair(tmp_path / "evil")
    packs_svc.set_study_key(ws, first.read_text().strip())
    dm = DataManagerKey.generate()

    # the first signed pack cannot itself move the pinned study key
    p1 = tmp_path / "p1"
    shutil.copytree(packs_svc.example_pack_path(), p1)
    _with_key(p1, evil, "1.2")
    _sign(p1, dm)
    with pytest.raises(packs_svc.PinChangeRefused):
        packs_svc.import_pack(ws, p1)
    p2 = tmp_path / "p2"
    shutil.copytree(packs_svc.example_pack_path(), p2)
    _with_key(p2, first, "1.2")
    _sign(p2, dm)
    with pytest.raises(packs_svc.PinChangeRefused) as refused:  # a key is pinned: a first signer is confirmed
        packs_svc.import_pack(ws, p2)
    assert [(c.what, c.new) for c in refused.value.changes] == [("pack signer", dm.fingerprint())]
    result = packs_svc.import_pack(ws, p2, accept=packs_svc.Accept(signer=dm.fingerprint()))
    assert result.signer == dm.fingerprint() and packs_svc.study_keys(ws).signer == dm.fingerprint()

    # a genuine signed pack with a forged study.pub beside it: the signature does not cover that key
    p3 = tmp_path / "p3"
    shutil.copytree(packs_svc.example_pack_path(), p3)
    _with_key(p3, first, "1.3")
    _sign(p3, dm)
    with pytest.raises(packs_svc.PinChangeRefused) as e:
        packs_svc.import_pack(ws, p3, study_key_file=evil)
    assert e.value.changes[0].new == study_key_fingerprint(evil.read_text())
    assert ws.pack().sync.study_public_key == first.read_text().strip()


def test_a_changed_identity_key_needs_its_fingerprint_and_a_missing_one_keeps_the_pinned(
    ws: Workspace, tmp_path: Path
) -> None:
    study, _ = generate_study_keypair(tmp_path / "s")
    ids_a, _ = generate_study_keypair(tmp_path / "a")
    ids_b, _ = generate_study_keypair(tmp_path / "b")

    def pack(name: str, identity: Path | None, version: str) -> Path:
        p = tmp_path / name
        shutil.copytree(packs_svc.example_pack_path(), p)
        extra = f'\n  identity_public_key: "{identity.read_text().strip()}"' if identity else ""
        text = (p / "pack.yaml").read_text().replace('study_public_key: ""', f'study_public_key: ""{extra}')
        (p / "pack.yaml").write_text(text.replace('version: "1.1"', f'version: "{version}"', 1))
        return p

    packs_svc.import_pack(ws, pack("one", ids_a, "1.2"), study_key_file=study)
    fp_a, fp_b = study_key_fingerprint(ids_a.read_text()), study_key_fingerprint(ids_b.read_text())
    assert packs_svc.study_keys(ws).identity_key == fp_a
    result = packs_svc.import_pack(ws, pack("none", None, "1.3"))  # neither key in the pack: both kept
    assert f"kept the pinned identity key {fp_a} (the pack has none)" in result.pinned
    assert ws.pack().sync.identity_public_key == ids_a.read_text().strip() and ws.pack().sync.study_public_key
    before = _state(ws)
    with pytest.raises(packs_svc.PinChangeRefused) as e:
        packs_svc.import_pack(ws, pack("two", ids_b, "1.4"))
    assert [(c.what, c.old, c.new) for c in e.value.changes] == [("identity key", fp_a, fp_b)]
    # the core says what changed; the command line names its confirming option from the parameters
    assert "--accept-identity-key" in e.value.params["confirm"] and "--" not in e.value.message
    assert _state(ws) == before
    packs_svc.import_pack(ws, tmp_path / "two", accept=packs_svc.Accept(identity_key=fp_b))
    assert packs_svc.study_keys(ws).identity_key == fp_b
