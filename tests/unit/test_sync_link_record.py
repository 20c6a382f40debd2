"""The link a sync measured is kept in the store's record and sizes the chunks of the next bundle staged for
that store (and only that store); the data manager verifies and unpacks bundles of either size."""

from __future__ import annotations

from pathlib import Path

from fieldwork_app.services import consent, sessions
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.services.sync.stores import LINK_OPTION, get_store, keep_link_measure
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.sync.keys import generate_study_keypair, load_identity
from fieldwork_app.sync.linkfit import MIN_CHUNK, LinkMeasure, MiB, choose_chunk_size
from fieldwork_app.sync.storeside import unpack_store, verify_store
from fieldwork_app.sync.transports import open_transport
from fieldwork_app.sync.trust import TrustedDevices
from tests.support.people import add_eligible


def _session(ws: Workspace) -> str:
    m = add_eligible(ws, "mother").id
    s = sessions.new(ws, [m], "interview", "clinic").id
    consent.record(ws, s, m, "paper", {k: True for k in consent.template(ws, s, m)})
    sync_svc.queue_session(ws, s)
    return s


def test_the_kept_measure_sizes_the_next_bundles_chunks(ws: Workspace, tmp_path: Path) -> None:
    pub, key = generate_study_keypair(tmp_path / "dm")
    packs_svc.import_pack(ws, example=True, study_key_file=pub)
    far, near = tmp_path / "far", tmp_path / "near"
    far.mkdir()
    near.mkdir()
    sync_svc.add_store(ws, "far", far.as_uri(), make_default=True)
    sync_svc.add_store(ws, "near", near.as_uri(), make_default=False)
    assert get_store(ws, "far").link is None
    broadband = LinkMeasure(0.04, 5_750_000)  # as a sync over 40 ms / 50 Mbit/s measures it
    keep_link_measure(ws, "far", broadband)
    assert get_store(ws, "far").link == broadband and get_store(ws, "near").link is None
    assert get_store(ws, "far").options[LINK_OPTION] == {"rtt_s": 0.04, "rate": 5_750_000, "read_back": False}
    keep_link_measure(ws, "gone", broadband)  # a store removed meanwhile: nothing happens

    _session(ws)
    jobs = sync_svc.prepare_jobs(ws, "far")
    assert [j.link for j in jobs] == [broadband] and jobs[0].staging_chunk_size() == 13 * MiB
    assert sync_svc.sync_all(ws, "far").ok
    _session(ws)
    assert sync_svc.sync_all(ws, "near").ok
    assert sync_svc.prepare_jobs(ws, "far") == []
    # a size given by the caller wins over the measure
    _session(ws)
    assert [j.staging_chunk_size() for j in sync_svc.prepare_jobs(ws, "far", chunk_size=MiB)] == [MiB]

    trusted = TrustedDevices.of((sync_svc.device_fingerprint(ws), "laptop 1"))
    for root, size in ((far, choose_chunk_size(broadband)), (near, MIN_CHUNK)):
        t = open_transport(root.as_uri())
        try:
            report = verify_store(t, load_identity(key), trusted)
            # (each store holds one of the laptop's bundles: the other number is a gap to the data manager)
            assert all(b.ok for b in report.bundles) and {p.code for p in report.problems} <= {"gap"}
            assert [b.body["chunk_size"] for b in report.bundles] == [size]  # type: ignore[index]
            unpacked = unpack_store(t, load_identity(key), tmp_path / f"out-{root.name}", trusted)
            assert unpacked.written and {p.code for p in unpacked.problems} <= {"gap"}
        finally:
            t.close()
