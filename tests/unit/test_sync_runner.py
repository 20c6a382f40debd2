"""One sync runner for both faces: the same steps and the same treatment of errors whether every step runs
at once on one thread (the command line) or each is handed on and continued later (the desktop app);
retries wait through an injected waiter, so nothing here sleeps on the clock."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

from fieldwork_app.errors import Cancelled, ErrorKind, StoreError
from fieldwork_app.services import consent, sessions
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.services.sync import (
    CancellableState,
    InlinePort,
    SyncListener,
    SyncReport,
    SyncRunner,
    TaskState,
)
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.sync.engine import RetryPolicy, upload_bundle
from fieldwork_app.sync.keys import generate_study_keypair
from fieldwork_app.sync.transports import open_transport
from tests.support.people import add_eligible
from tests.support.servers import SyncKit

T = TypeVar("T")


class RecordingWaiter:
    """Waits no time: notes each delay asked for (and may cancel the job while 'waiting')."""

    def __init__(self, cancel: CancellableState | None = None) -> None:
        self.delays: list[float] = []
        self.cancel = cancel

    def wait(self, seconds: float, state: TaskState) -> None:
        self.delays.append(seconds)
        if self.cancel is not None:
            self.cancel.cancel()
        if state.cancel_requested():
            raise Cancelled("cancelled while waiting")


class Flaky:
    """A real folder store whose first ``failures`` object writes fail as an unreachable store would."""

    def __init__(self, root: Path, failures: int) -> None:
        self._t = open_transport(root.as_uri())
        self.failures = failures

    def __getattr__(self, name: str) -> Any:
        return getattr(self._t, name)

    def put(self, *args: Any, **kwargs: Any) -> None:
        if self.failures > 0:
            self.failures -= 1
            raise StoreError("store: connection reset", kind=ErrorKind.STORE_UNREACHABLE)
        self._t.put(*args, **kwargs)


def test_retries_wait_through_the_injected_waiter(sync_kit: SyncKit, tmp_path: Path) -> None:
    (tmp_path / "store").mkdir()
    staged = sync_kit.stage(sync_kit.spec("b-flaky", {"a.json": b'{"a": 1}' * 5000}))
    waiter = RecordingWaiter()
    store = Flaky(tmp_path / "store", failures=3)
    receipt = upload_bundle(staged, store, retry=RetryPolicy(attempts=5, base_delay=7.0, max_delay=20.0),
                            waiter=waiter)  # fmt: skip
    assert receipt.objects and waiter.delays == [7.0, 14.0, 20.0]  # backoff doubles up to the cap


def test_a_cancel_during_the_wait_stops_the_upload(sync_kit: SyncKit, tmp_path: Path) -> None:
    (tmp_path / "store").mkdir()
    staged = sync_kit.stage(sync_kit.spec("b-cancel", {"a.json": b"{}"}))
    state = CancellableState()
    waiter = RecordingWaiter(cancel=state)
    with pytest.raises(Cancelled):
        upload_bundle(staged, Flaky(tmp_path / "store", failures=1), state, waiter=waiter)
    assert waiter.delays == [0.5]


class LaterPort:
    """Like the desktop app: each step is only queued; the test runs them one by one, as an event loop
    would, on the same workspace."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.steps: deque[Callable[[], None]] = deque()
        self.kinds: list[str] = []

    def db(self, fn: Callable[[Workspace], T], on_done: Callable[[T], None],
           on_error: Callable[[BaseException], None]) -> None:  # fmt: skip
        self.kinds.append("db")
        self._later(lambda: fn(self.ws), on_done, on_error)

    def pool(self, fn: Callable[[], T], on_done: Callable[[T], None],
             on_error: Callable[[BaseException], None]) -> None:  # fmt: skip
        self.kinds.append("pool")
        self._later(fn, on_done, on_error)

    def _later(self, fn: Callable[[], T], on_done: Callable[[T], None],
               on_error: Callable[[BaseException], None]) -> None:  # fmt: skip
        def step() -> None:
            try:
                result = fn()
            except Exception as exc:
                on_error(exc)
            else:
                on_done(result)

        self.steps.append(step)

    def run(self) -> None:
        while self.steps:
            self.steps.popleft()()


def _ready(ws: Workspace, tmp_path: Path, sessions_count: int) -> list[str]:
    pub, _key = generate_study_keypair(tmp_path / "dm")
    packs_svc.set_study_key(ws, packs_svc.read_study_key(pub))  # the study in use gets its key
    (tmp_path / "store").mkdir()
    sync_svc.add_store(ws, "uni", (tmp_path / "store").as_uri())
    broken = tmp_path / "broken"  # refuses every object (its "bundles" is a file)
    broken.mkdir()
    (broken / "bundles").write_text("not a folder")
    sync_svc.add_store(ws, "dead", broken.as_uri(), make_default=False)
    out = []
    for _ in range(sessions_count):
        m = add_eligible(ws, "mother").id
        s = sessions.new(ws, [m], "interview", "clinic").id
        consent.record(ws, s, m, "paper", {k: True for k in consent.template(ws, s, m)})
        sync_svc.queue_session(ws, s)
        out.append(s)
    return out


class Heard(SyncListener):
    def __init__(self) -> None:
        self.events: list[str] = []

    def job_started(self, job: sync_svc.SyncJob) -> None:
        self.events.append(f"start {job.session_id}")

    def job_failed(self, job: sync_svc.SyncJob, error: Any) -> None:
        self.events.append(f"failed {job.session_id} {error.kind.value}")

    def job_recorded(self, job: sync_svc.SyncJob) -> None:
        self.events.append(f"recorded {job.session_id}")


def test_the_desktop_way_and_the_command_line_way_give_one_report(ws: Workspace, tmp_path: Path) -> None:
    s1, s2 = _ready(ws, tmp_path, 2)
    port, heard = LaterPort(ws), Heard()
    reports: list[SyncReport] = []
    SyncRunner(port, store_name="dead", listener=heard).start(reports.append, pytest.fail)
    assert not reports  # nothing ran yet: each step waits for the face to run it
    port.run()
    (failed,) = reports
    assert [b for b, _ in failed.failed] == list(failed.labels) and len(failed.failed) == 2
    assert heard.events == [f"start {s1}", f"failed {s1} store-error", f"recorded {s1}",
                            f"start {s2}", f"failed {s2} store-error", f"recorded {s2}"]  # fmt: skip
    # database steps and pool steps alternate as the threads' owners want them
    assert port.kinds == ["db", "pool", "db", "pool", "db", "db"]
    rows = {r["session_id"]: r for r in sync_svc.outbox(ws)}
    assert rows[s1]["state"] == "failed" and rows[s1]["last_error"]

    report = sync_svc.sync_all(ws, "uni")  # the command line's way, on this thread
    assert report.ok and sorted(report.label(b) for b in report.verified) == [
        f"session {s1}",
        f"session {s2}",
    ]
    assert {r["state"] for r in sync_svc.outbox(ws)} == {"verified"}


def test_an_unexpected_failure_in_a_job_is_recorded_and_the_run_goes_on(
    ws: Workspace, tmp_path: Path
) -> None:
    s1, s2 = _ready(ws, tmp_path, 2)

    class Breaks(InlinePort):
        first = True

        def pool(self, fn: Callable[[], T], on_done: Callable[[T], None],
                 on_error: Callable[[BaseException], None]) -> None:  # fmt: skip
            if Breaks.first:
                Breaks.first = False

                def boom() -> T:
                    raise RuntimeError("a bug")

                fn = boom
            super().pool(fn, on_done, on_error)

    reports: list[SyncReport] = []
    SyncRunner(Breaks(ws), store_name="uni").start(reports.append, pytest.fail)
    (report,) = reports
    assert len(report.verified) == 1 and len(report.failed) == 1
    bundle, message = report.failed[0]
    assert report.errors[bundle].kind is ErrorKind.STORE_ERROR and "RuntimeError" in message
    states = {r["session_id"]: r["state"] for r in sync_svc.outbox(ws)}
    assert sorted(states.values()) == ["failed", "verified"] and set(states) == {s1, s2}


def test_cancel_stops_after_the_job_in_hand_and_the_rest_waits(ws: Workspace, tmp_path: Path) -> None:
    _ready(ws, tmp_path, 2)
    state = CancellableState()

    class CancelAfterFirst(SyncListener):
        def job_recorded(self, job: sync_svc.SyncJob) -> None:
            state.cancel()

    reports: list[SyncReport] = []
    SyncRunner(InlinePort(ws), store_name="uni", state=state, listener=CancelAfterFirst()).start(
        reports.append, pytest.fail
    )
    (report,) = reports
    assert report.cancelled and len(report.verified) == 1 and not report.failed
    assert sorted(r["state"] for r in sync_svc.outbox(ws)) == ["queued", "verified"]


def test_progress_reaches_the_face_through_the_one_task_state(ws: Workspace, tmp_path: Path) -> None:
    _ready(ws, tmp_path, 1)
    seen: list[tuple[int, int]] = []
    report = sync_svc.sync_all(
        ws, "uni", CancellableState(lambda done, total, _m: seen.append((done, total)))
    )
    assert report.ok and seen and seen[-1][0] == seen[-1][1] > 0


def test_an_error_while_gathering_the_jobs_ends_the_run(ws: Workspace, tmp_path: Path) -> None:
    _ready(ws, tmp_path, 1)
    errors: list[BaseException] = []
    SyncRunner(InlinePort(ws), store_name="nowhere").start(pytest.fail, errors.append)
    assert [e.kind for e in errors] == [ErrorKind.NOT_FOUND]  # type: ignore[attr-defined]
