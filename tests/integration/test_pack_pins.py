"""Study keys are pinned at the first import, and packs signed by the data manager: run as a researcher and a
data manager run the commands (a real process, a real vault)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from fieldwork_app.paths import DataDir
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.sync.keys import study_key_fingerprint
from tests.integration.test_cli import run


def _keys(tmp_path: Path, name: str) -> Path:
    """A data manager's key folder (study.pub/.key and dm-signing.pub/.key) made by the command."""
    out = run("study", "keygen", "--out", str(tmp_path / name)).stdout
    assert "signing key fingerprint" in out
    return tmp_path / name


def _pack(tmp_path: Path, name: str, study_pub: Path | None = None, version: str | None = None) -> Path:
    """A copy of the example pack, with the study key written into pack.yaml (and another version)."""
    pack = tmp_path / name
    shutil.copytree(packs_svc.example_pack_path(), pack)
    text = (pack / "pack.yaml").read_text()
    if study_pub is not None:
        key = study_pub.read_text().strip()
        text = text.replace('study_public_key: ""', f'study_public_key: "{key}"')
    if version is not None:
        text = text.replace('version: "1.1"', f'version: "{version}"', 1)
    (pack / "pack.yaml").write_text(text)
    return pack


def _audit(*actions: str) -> list[dict[str, object]]:
    entries = json.loads(run("audit", "list", "--json").stdout)
    return [e for e in entries if e["action"] in actions]


def _audit_trail() -> list[tuple[object, object, object]]:
    """Every audit entry but the unlocks (each command unlocks the vault and says so)."""
    entries = json.loads(run("audit", "list", "--json").stdout)
    return [(e["seq"], e["action"], e["detail"]) for e in entries if e["action"] != "vault.unlock"]


def _fresh_vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDWORK_DATA_DIR", str(tmp_path / "vault"))
    monkeypatch.setenv("FIELDWORK_PASSPHRASE", "a long enough passphrase")
    monkeypatch.setenv("FIELDWORK_USER", "rosa")
    run("init", "--user", "rosa")


def test_first_import_pins_and_a_swapped_study_key_needs_its_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fresh_vault(tmp_path, monkeypatch)
    dm, forger = _keys(tmp_path, "dm"), _keys(tmp_path, "forger")
    good_fp = study_key_fingerprint((dm / "study.pub").read_text())
    bad_fp = study_key_fingerprint((forger / "study.pub").read_text())
    first = run("pack", "import", str(_pack(tmp_path, "p1", dm / "study.pub"))).stdout
    assert f"Pinned the study key {good_fp}" in first
    assert f"study key: {good_fp}" in run("pack", "list").stdout
    (pinned,) = _audit("pack.keys_pinned")
    assert pinned["detail"]["study_key"] == good_fp and pinned["detail"]["first"] is True  # type: ignore[index]

    swapped = _pack(tmp_path, "p2", forger / "study.pub", version="1.2")
    before = run("pack", "list", "--json").stdout
    audit_before = _audit_trail()
    refused = run("pack", "import", str(swapped), ok=False)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"the study key would change from {good_fp} to {bad_fp}" in refused.stderr
    assert f"--accept-study-key {bad_fp}" in refused.stderr and "Nothing was imported" in refused.stderr
    assert run("pack", "list", "--json").stdout == before
    assert _audit_trail() == audit_before  # nothing audited, nothing changed

    # --study-key on the command line is held to the same rule
    again = run(
        "pack", "import", str(_pack(tmp_path, "p3")), "--study-key", str(forger / "study.pub"), ok=False
    )
    assert again.returncode == 1 and "would change" in again.stderr
    # a fingerprint that is not the new key's is no confirmation
    wrong = run("pack", "import", str(swapped), "--accept-study-key", good_fp, ok=False)
    assert wrong.returncode == 1 and run("pack", "list", "--json").stdout == before

    accepted = run("pack", "import", str(swapped), "--accept-study-key", bad_fp).stdout
    assert f"Changed the study key from {good_fp} to {bad_fp}" in accepted
    assert f"study key: {bad_fp}" in run("pack", "list").stdout
    (change,) = _audit("pack.key_changed")
    assert change["detail"] == {  # type: ignore[comparison-overlap]
        "what": "study key", "old": good_fp, "new": bad_fp, "confirmed_by": "user"
    }  # fmt: skip


def test_a_pack_without_a_study_key_keeps_the_pinned_one(cli_env: DataDir, tmp_path: Path) -> None:
    dm = _keys(tmp_path, "dm")
    fp = study_key_fingerprint((dm / "study.pub").read_text())
    run(
        "pack", "import", "--example", "--study-key", str(dm / "study.pub")
    )  # adds a key to a study with none
    out = run("pack", "import", str(_pack(tmp_path, "later", version="1.2"))).stdout
    assert f"Kept the pinned study key {fp} (the pack has none)" in out
    assert f"study key: {fp}" in run("pack", "list").stdout
    keys = json.loads(run("pack", "list", "--json").stdout)["keys"]
    assert keys["study_key"] == fp


def test_a_changed_identity_store_needs_confirming(cli_env: DataDir, tmp_path: Path) -> None:
    dm = _keys(tmp_path, "dm")
    first = _pack(tmp_path, "first", dm / "study.pub", version="1.2")  # the vault holds the example 1.1
    (first / "pack.yaml").write_text(
        (first / "pack.yaml").read_text().replace("identity_store: null", "identity_store: ids")
    )
    assert "Pinned the identity store ids" in run("pack", "import", str(first)).stdout
    moved = _pack(tmp_path, "moved", dm / "study.pub", version="1.3")
    (moved / "pack.yaml").write_text(
        (moved / "pack.yaml").read_text().replace("identity_store: null", "identity_store: elsewhere")
    )
    refused = run("pack", "import", str(moved), ok=False)
    assert "the identity store would change from ids to elsewhere" in refused.stderr
    assert "--accept-identity-store elsewhere" in refused.stderr
    run("pack", "import", str(moved), "--accept-identity-store", "elsewhere")
    assert "identity store: elsewhere" in run("pack", "list").stdout


def test_signed_packs_pin_the_signer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh_vault(tmp_path, monkeypatch)
    dm, other = _keys(tmp_path, "dm"), _keys(tmp_path, "other")
    signer_fp = run(
        "study", "sign-pack", str(tmp_path / "none"), "--key", str(dm / "dm-signing.key"), ok=False
    )
    assert signer_fp.returncode == 1 and "Traceback" not in signer_fp.stderr  # no pack there: nothing signed
    p1 = _pack(tmp_path, "p1", dm / "study.pub")
    signed = run("study", "sign-pack", str(p1), "--key", str(dm / "dm-signing.key")).stdout
    fp = signed.split("with key ")[1].split()[0]
    assert (p1 / "pack.sig").is_file()
    assert f"valid, signed by {fp}" in run("pack", "validate", str(p1)).stdout
    out = run("pack", "import", str(p1)).stdout
    assert f"Signed by key {fp}" in out and f"Pinned the pack signer {fp}" in out
    assert "the data manager key" not in out  # not pinned before: nothing says whose key it is
    assert f"pack signer: {fp}" in run("pack", "list").stdout

    # a later pack signed by the pinned key may move the study key on: the signature vouches for it
    new_keys = _keys(tmp_path, "rotated")
    p2 = _pack(tmp_path, "p2", new_keys / "study.pub", version="1.2")
    run("study", "sign-pack", str(p2), "--key", str(dm / "dm-signing.key"))
    assert "Changed the study key" in run("pack", "import", str(p2)).stdout
    (change,) = _audit("pack.key_changed")
    assert change["detail"]["confirmed_by"] == "signer"  # type: ignore[index]
    before = run("pack", "list", "--json").stdout
    audit_before = _audit_trail()

    # another signer: refused, even though the pack itself is well signed
    p3 = _pack(tmp_path, "p3", new_keys / "study.pub", version="1.3")
    other_fp = run("study", "sign-pack", str(p3), "--key", str(other / "dm-signing.key")).stdout
    other_fp = other_fp.split("with key ")[1].split()[0]
    refused = run("pack", "import", str(p3), ok=False)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"signed by {other_fp}, not by the data manager key this laptop trusts ({fp})" in refused.stderr

    # unsigned after signed: refused
    p4 = _pack(tmp_path, "p4", new_keys / "study.pub", version="1.4")
    refused = run("pack", "import", str(p4), ok=False)
    assert refused.returncode == 1 and "has no signature (pack.sig)" in refused.stderr

    # tampered after signing: refused, naming the file
    p5 = _pack(tmp_path, "p5", new_keys / "study.pub", version="1.5")
    run("study", "sign-pack", str(p5), "--key", str(dm / "dm-signing.key"))
    doc = p5 / "protocols" / "signposting.yaml"
    doc.write_text(doc.read_text().replace("Samaritans", "Samaritanz", 1))
    refused = run("pack", "import", str(p5), ok=False)
    assert refused.returncode == 1 and "protocols/signposting.yaml: changed after signing" in refused.stderr
    invalid = run("pack", "validate", str(p5), ok=False)
    assert invalid.returncode == 1 and "changed after signing" in invalid.stderr
    # a forged signature over the tampered files, claiming the pinned key, is refused too
    sig = json.loads((p5 / "pack.sig").read_text())
    sig["files"]["protocols/signposting.yaml"] = __import__("hashlib").sha256(doc.read_bytes()).hexdigest()
    (p5 / "pack.sig").write_text(json.dumps(sig))
    refused = run("pack", "import", str(p5), ok=False)
    assert refused.returncode == 1 and "the signature does not match" in refused.stderr
    assert run("pack", "list", "--json").stdout == before
    assert _audit_trail() == audit_before

    # the data manager's new signing key, confirmed by its fingerprint
    ok = run("pack", "import", str(p3), "--accept-pack-signer", other_fp).stdout
    assert f"Changed the pack signer from {fp} to {other_fp}" in ok


def test_keygen_adds_a_signing_key_beside_an_existing_study_key(tmp_path: Path) -> None:
    from fieldwork_app.sync.keys import generate_study_keypair

    generate_study_keypair(tmp_path / "old")
    study_key = (tmp_path / "old/study.key").read_bytes()
    out = run("study", "keygen", "--out", str(tmp_path / "old")).stdout
    assert "exists and is kept; adding the signing key pair only" in out
    assert (tmp_path / "old/study.key").read_bytes() == study_key
    assert (tmp_path / "old/dm-signing.key").stat().st_mode & 0o077 == 0
    assert "BEGIN PUBLIC KEY" in (tmp_path / "old/dm-signing.pub").read_text()
    again = run("study", "keygen", "--out", str(tmp_path / "old"), ok=False)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_keygen_never_completes_half_a_pair(tmp_path: Path) -> None:
    """A folder holding one file of a pair is refused before anything is written, whichever pair it is."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a/dm-signing.pub").write_text("a public key whose private half is elsewhere\n")
    refused = run("study", "keygen", "--out", str(tmp_path / "a"), ok=False)
    assert refused.returncode == 1 and "the signing key pair is incomplete" in refused.stderr
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["dm-signing.pub"]
    (tmp_path / "b").mkdir()
    (tmp_path / "b/study.key").write_text("# a study key kept alone\n")
    refused = run("study", "keygen", "--out", str(tmp_path / "b"), ok=False)
    assert refused.returncode == 1 and "the study key pair is incomplete" in refused.stderr
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == ["study.key"]


def test_an_older_signed_pack_never_rolls_the_study_key_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fresh_vault(tmp_path, monkeypatch)
    dm, rotated = _keys(tmp_path, "dm"), _keys(tmp_path, "rotated")
    old = _pack(tmp_path, "old", dm / "study.pub")
    new = _pack(tmp_path, "new", rotated / "study.pub", version="1.2")
    for pack in (old, new):
        run("study", "sign-pack", str(pack), "--key", str(dm / "dm-signing.key"))
    run("pack", "import", str(old))
    assert "Changed the study key" in run("pack", "import", str(new)).stdout
    new_fp = study_key_fingerprint((rotated / "study.pub").read_text().strip())
    old_fp = study_key_fingerprint((dm / "study.pub").read_text().strip())
    before, audit_before = run("pack", "list", "--json").stdout, _audit_trail()

    # the old pack, genuinely signed, sent again: refused, nothing changes
    refused = run("pack", "import", str(old), ok=False)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "version 1.1 is older than version 1.2" in refused.stderr
    assert "--accept-older-pack" in refused.stderr and "Nothing was imported" in refused.stderr
    # another pack under the version already imported, signed, bringing the old key: refused outright, even
    # with the key confirmed (a version names one content)
    same = _pack(tmp_path, "same", dm / "study.pub", version="1.2")
    run("study", "sign-pack", str(same), "--key", str(dm / "dm-signing.key"))
    for confirm in ([], ["--accept-study-key", old_fp]):
        refused = run("pack", "import", str(same), *confirm, ok=False)
        assert refused.returncode == 1 and "version 1.2 is already imported, with other content" in refused.stderr
        assert "Nothing was imported" in refused.stderr and "Traceback" not in refused.stderr
    assert run("pack", "list", "--json").stdout == before and _audit_trail() == audit_before
    assert json.loads(before)["keys"]["study_key"] == new_fp
    # the pack in use imported again is fine
    assert "already imported" in run("pack", "import", str(new)).stdout

    # confirmed as older, the signature still does not vouch for the old key: it must be confirmed too
    refused = run("pack", "import", str(old), "--accept-older-pack", ok=False)
    assert f"--accept-study-key {old_fp}" in refused.stderr
    assert json.loads(run("pack", "list", "--json").stdout)["keys"]["study_key"] == new_fp
    back = run("pack", "import", str(old), "--accept-older-pack", "--accept-study-key", old_fp).stdout
    assert f"Changed the study key from {new_fp} to {old_fp}" in back


def test_a_first_signer_after_an_unsigned_start_needs_confirming(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fresh_vault(tmp_path, monkeypatch)
    dm, evil = _keys(tmp_path, "dm"), _keys(tmp_path, "evil")
    run("pack", "import", str(_pack(tmp_path, "genuine", dm / "study.pub")))  # unsigned: the key is pinned
    e1 = _pack(tmp_path, "e1", dm / "study.pub", version="1.2")
    evil_fp = run("study", "sign-pack", str(e1), "--key", str(evil / "dm-signing.key")).stdout
    evil_fp = evil_fp.split("with key ")[1].split()[0]
    before, audit_before = run("pack", "list", "--json").stdout, _audit_trail()
    refused = run("pack", "import", str(e1), ok=False)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"--accept-pack-signer {evil_fp}" in refused.stderr and "Nothing was imported" in refused.stderr
    assert run("pack", "list", "--json").stdout == before and _audit_trail() == audit_before
    assert json.loads(before)["keys"]["signer"] == ""

    # confirmed: pinned, and said to be only "key X" (it was not pinned before)
    out = run("pack", "import", str(e1), "--accept-pack-signer", evil_fp).stdout
    assert f"Signed by key {evil_fp}" in out and f"Changed the pack signer from none to {evil_fp}" in out
    assert json.loads(run("pack", "list", "--json").stdout)["keys"]["signer"] == evil_fp
