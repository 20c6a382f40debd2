"""``fieldwork selftest``: prove on this machine that every part works, end to end, in a throw-away vault.

Steps: SQLCipher vault, example pack, two seconds from the default input device, export, sync to a
temporary folder store, verify and unpack with a temporary study key, and compare the samples.  Each
step reports one line; the first failure stops the run with a clear message.  Nothing is left behind.
The export and unpack steps necessarily write decrypted audio (a data manager's folder is plaintext by
design), so the scratch folder is made in RAM (``/dev/shm``) where the system has one, never kept.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldwork_app.errors import FieldworkError


@dataclass
class StepResult:
    name: str
    ok: bool
    detail: str
    seconds: float


def _ram_dir() -> str | None:
    """A RAM-backed folder where the system has one: the export and unpack steps write decrypted audio."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


@contextmanager
def _scratch() -> Iterator[Path]:
    root = Path(tempfile.mkdtemp(prefix="fieldwork-selftest-", dir=_ram_dir()))
    try:
        os.chmod(root, 0o700)
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run(report: Callable[[StepResult], None], seconds: float = 2.0, device: str | None = None) -> bool:
    """Run every step, calling ``report`` after each; returns True when all passed."""
    import numpy as np
    import soundfile

    from fieldwork_app.paths import DataDir
    from fieldwork_app.services import consent, packs, participants, recording, sessions, workspace
    from fieldwork_app.services import sync as sync_svc
    from fieldwork_app.sync.keys import generate_study_keypair, load_identity
    from fieldwork_app.sync.storeside import unpack_store, verify_store
    from fieldwork_app.sync.transports import open_transport
    from fieldwork_app.sync.trust import TrustedDevices
    from fieldwork_app.vault import FAST_KDF

    state: dict[str, Any] = {}

    def step(name: str, fn: Callable[[], str]) -> bool:
        t0 = time.perf_counter()
        try:
            detail = fn()
            ok = True
        except FieldworkError as exc:
            detail, ok = exc.message, False
        except Exception as exc:  # noqa: BLE001 - a self-test reports every failure as a line
            detail, ok = f"{type(exc).__name__}: {exc}", False
        report(StepResult(name, ok, detail, time.perf_counter() - t0))
        return ok

    with _scratch() as root:
        dd = DataDir(root / "vault")

        def make_vault() -> str:
            ws, _ = workspace.create(dd, "selftest", "self-test passphrase", "researcher", FAST_KDF)
            state["ws"] = ws
            from fieldwork_app.vault.db import cipher_version

            return f"SQLCipher {cipher_version(ws.db)}"

        def import_pack() -> str:
            pub, key = generate_study_keypair(root / "study")
            state["key"] = key
            r = packs.import_pack(state["ws"], example=True, study_key_file=pub)
            return f"{r.pack_id} {r.version}"

        def record() -> str:
            ws = state["ws"]
            group = next(g for g in ws.pack().groups if "interview" in g.session_formats)
            m = participants.add(ws, group.id).id
            participants.screen(ws, m, {c.id: c.eligible_answer for c in group.eligibility})
            where = ws.pack().location_kinds_for(group.id)[0]
            s = sessions.new(ws, [m], "interview", str(where)).id
            consent.record(ws, s, m, "paper", {k: True for k in consent.template(ws, s, m)})
            take = recording.start_take(ws, s, device=device, planned_seconds=seconds)
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                time.sleep(0.05)
            summary = take.finish(ws)
            if summary.error is not None:
                raise summary.error
            state["session"] = s
            return f"{summary.duration_seconds:.1f} s from {summary.device or 'the default input'}"

        def export() -> str:
            out = root / "export.flac"
            info = recording.export(state["ws"], state["session"], out)
            state["pcm"] = soundfile.read(out, dtype="int16")[0]
            return f"{info.duration_seconds:.1f} s FLAC"

        def sync() -> str:
            ws = state["ws"]
            store = root / "store"
            store.mkdir()
            state["store"] = store
            sync_svc.add_store(ws, "selftest", store.as_uri())
            sync_svc.queue_session(ws, state["session"])
            rep = sync_svc.sync_all(ws)
            if not rep.ok:
                raise FieldworkError("; ".join(e for _, e in rep.failed))
            return f"{len(rep.verified)} bundle verified, {len(rep.purged)} take(s) purged after the receipt"

        def verify_unpack() -> str:
            transport = open_transport(state["store"].as_uri())
            identity = load_identity(state["key"])
            trusted = TrustedDevices.of((sync_svc.device_fingerprint(state["ws"]), "this laptop"))
            try:
                v = verify_store(transport, identity, trusted)
                if not v.ok:
                    raise FieldworkError("; ".join(str(p) for p in v.problems))
                u = unpack_store(transport, identity, root / "unpacked", trusted)
            finally:
                transport.close()
            flac = next((root / "unpacked").rglob("interview-take-1.flac"))
            if not np.array_equal(soundfile.read(flac, dtype="int16")[0], state["pcm"]):
                raise FieldworkError("the unpacked audio differs from the laptop's export")
            return f"{u.sessions} session unpacked; audio identical to the export"

        steps = [
            ("vault", make_vault),
            ("study pack", import_pack),
            ("record", record),
            ("export", export),
            ("sync", sync),
            ("verify and unpack", verify_unpack),
        ]
        try:
            return all(step(name, fn) for name, fn in steps)
        finally:
            if "ws" in state:
                state["ws"].close()
