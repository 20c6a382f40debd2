"""A study pack that names an identity store: identity data goes there, in its own bundles, and never with
the research data; without that store on the laptop, research data is still sent and the identity bundle
waits with a message that says what to add."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from fieldwork_app.cli.messages import cli_text
from fieldwork_app.errors import ErrorCode, FieldworkError, InvalidInput
from fieldwork_app.services import consent, participants, safeguarding, sessions
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.sync.keys import generate_study_keypair, load_identity
from fieldwork_app.sync.storeside import unpack_store, verify_store
from fieldwork_app.sync.transports import open_transport
from fieldwork_app.sync.trust import TrustedDevices
from tests.support.people import add_eligible
from tests.unit.test_pdfs import SIG, pdf_text

NAME, PHONE = "Amara Example-Okafor", "07700 900123"


def _identity_pack(ws: Workspace, tmp_path: Path, identity_key: str = "") -> Path:
    """The example study with ``identity_store: identity`` (and an identity key); returns study.key."""
    pub, key = generate_study_keypair(tmp_path / "dm")
    pack = tmp_path / "pack"
    shutil.copytree(packs_svc.example_pack_path(), pack)
    text = (pack / "pack.yaml").read_text()
    assert "identity_store: null" in text and 'study_public_key: ""' in text
    text = text.replace("identity_store: null", "identity_store: identity")
    text = text.replace('version: "1.1"', 'version: "1.2"', 1)  # a changed pack carries a new version
    text = text.replace('study_public_key: ""', f'study_public_key: ""\n  identity_public_key: "{identity_key}"')
    (pack / "pack.yaml").write_text(text)
    packs_svc.import_pack(ws, pack, study_key_file=pub)
    return key


def _session(ws: Workspace) -> str:
    """A consented session with identity details, a signed consent and a safeguarding record."""
    m = add_eligible(ws, "mother").id
    participants.set_identity(ws, m, {"name": NAME, "phone": PHONE})
    s = sessions.new(ws, [m], "interview", "home").id
    answers = {k: True for k in consent.template(ws, s, m)}
    signatures = {"participant": {"svg": SIG, "name": NAME}, "researcher": {"svg": SIG, "name": "Ruth Researcher"}}
    consent.record(ws, s, m, "electronic", answers, signatures=signatures)
    cid = safeguarding.create(ws, s, m)
    safeguarding.update(ws, cid, account="what she said, in her own words")
    return s


@pytest.fixture
def identity_study(ws: Workspace, tmp_path: Path) -> tuple[str, Path]:
    """(session id, study.key) in the example study with ``identity_store: identity``."""
    key = _identity_pack(ws, tmp_path)
    return _session(ws), key


def _store(tmp_path: Path, name: str) -> str:
    (tmp_path / name).mkdir()
    return (tmp_path / name).as_uri()


def _unpack(ws: Workspace, url: str, key: Path, out: Path, role: str = "research") -> None:
    """What the data manager runs, trusting this laptop: verify, then unpack the store its role says."""
    trusted = TrustedDevices.of((sync_svc.device_fingerprint(ws), "laptop 1"))
    t = open_transport(url)
    try:
        assert verify_store(t, load_identity(key), trusted).ok
        assert not unpack_store(t, load_identity(key), out, trusted, role=role).problems
    finally:
        t.close()


def test_identity_data_goes_only_to_the_identity_store(
    ws: Workspace, identity_study: tuple[str, Path], tmp_path: Path
) -> None:
    s, key = identity_study
    research, identity = _store(tmp_path, "research"), _store(tmp_path, "identity-share")
    sync_svc.add_store(ws, "uni", research)  # the first store: the default
    sync_svc.add_store(ws, "identity", identity)
    sync_svc.queue_session(ws, s)
    assert sorted(r["kind"] for r in sync_svc.outbox(ws)) == ["identity", "session"]
    report = sync_svc.sync_all(ws)
    assert report.ok and len(report.verified) == 2
    assert sorted(report.stores.values()) == ["identity", "uni"]

    _unpack(ws, research, key, tmp_path / "analysis")
    files = [p for p in (tmp_path / "analysis").rglob("*") if p.is_file()]
    assert files and not (tmp_path / "analysis" / "identity").exists()
    for p in files:  # no name or phone number anywhere in the research data, PDFs included
        text = pdf_text(p.read_bytes()) if p.suffix == ".pdf" else p.read_text(errors="replace")
        assert NAME not in text and PHONE not in text, p

    _unpack(ws, identity, key, tmp_path / "identity", "identity")
    base = tmp_path / "identity" / "identity" / s
    details = json.loads(next(base.glob("participants/*.json")).read_text())
    assert details["name"] == NAME and details["phone"] == PHONE
    signed = next(base.glob("consent/*-signed.pdf"))
    assert NAME in pdf_text(signed.read_bytes())
    concern = json.loads(next(base.glob("safeguarding/*.json")).read_text())
    assert concern["body"]["account"] == "what she said, in her own words"
    assert not list((tmp_path / "identity").rglob("*.flac"))


def test_without_the_identity_store_research_data_still_goes_and_the_rest_waits(
    ws: Workspace, identity_study: tuple[str, Path], tmp_path: Path
) -> None:
    s, _ = identity_study
    sync_svc.add_store(ws, "uni", _store(tmp_path, "research"))
    sync_svc.queue_session(ws, s)
    report = sync_svc.sync_all(ws)
    assert len(report.verified) == 1 and report.labels[report.verified[0]] == f"session {s}"
    [(bundle, message)] = report.failed
    assert report.label(bundle) == f"identity data of session {s}"
    error = report.errors[bundle]  # the command line says how to add the store; the core names it only
    assert error.code is ErrorCode.IDENTITY_STORE_MISSING and error.params == {"name": "identity"}
    assert "store named identity" in message and "fieldwork store add identity URL" in cli_text(error)
    waiting = [r for r in sync_svc.outbox(ws) if r["state"] != "verified"]
    assert [r["kind"] for r in waiting] == ["identity"]


def test_research_data_is_never_sent_to_the_identity_store(
    ws: Workspace, identity_study: tuple[str, Path], tmp_path: Path
) -> None:
    s, _ = identity_study
    sync_svc.add_store(ws, "identity", _store(tmp_path, "identity-share"), make_default=True)
    assert not sync_svc.get_store(ws, "identity").is_default  # never the default, even when asked
    sync_svc.queue_session(ws, s)
    with pytest.raises(FieldworkError, match="no study store set up"):
        sync_svc.sync_all(ws)  # the identity store is the only one: research data has nowhere to go
    with pytest.raises(InvalidInput, match="identity store"):
        sync_svc.sync_all(ws, "identity")
    assert not list((tmp_path / "identity-share").rglob("*"))
    sync_svc.add_store(ws, "uni", _store(tmp_path, "research"))
    assert sync_svc.sync_all(ws).ok  # now each part goes to its own store


def test_identity_bundles_use_the_packs_identity_key(ws: Workspace, tmp_path: Path) -> None:
    ipub, ikey = generate_study_keypair(tmp_path / "register")
    key = _identity_pack(ws, tmp_path, ipub.read_text().strip())
    s = _session(ws)
    research, identity = _store(tmp_path, "research"), _store(tmp_path, "identity-share")
    sync_svc.add_store(ws, "uni", research)
    sync_svc.add_store(ws, "identity", identity)
    sync_svc.queue_session(ws, s)
    assert sync_svc.sync_all(ws).ok
    _unpack(ws, identity, ikey, tmp_path / "register-out", "identity")  # the identity key opens the identity store
    t = open_transport(identity)
    try:  # and the study key does not
        trusted = TrustedDevices.of((sync_svc.device_fingerprint(ws), "laptop 1"))
        assert not verify_store(t, load_identity(key), trusted).ok
    finally:
        t.close()
    _unpack(ws, research, key, tmp_path / "analysis")


def test_a_session_is_waiting_until_its_research_bundle_is_verified(
    ws: Workspace, identity_study: tuple[str, Path], tmp_path: Path
) -> None:
    from fieldwork_app.services import closeout, status

    s, _ = identity_study
    sync_svc.add_store(ws, "identity", _store(tmp_path, "identity-share"))
    not_a_folder = tmp_path / "research-is-a-file"
    not_a_folder.write_text("")
    sync_svc.add_store(ws, "uni", not_a_folder.as_uri())  # added second, still the research default
    assert sync_svc.get_store(ws).name == "uni"
    closeout.save(ws, s, wellbeing="fine")
    closeout.complete(ws, s)
    sync_svc.queue_session(ws, s)
    # two quick attempts at the broken store, not the default six with back-off (16 s of waiting)
    report = sync_svc.sync_all(ws, retry=sync_svc.RetryPolicy(attempts=2, base_delay=0.01))
    assert [report.label(b) for b in report.verified] == [f"identity data of session {s}"]
    assert [report.label(b) for b, _ in report.failed] == [f"session {s}"]
    assert [w["session"] for w in status.waiting_on_laptop(ws)] == [s]  # its audio is still only here
