"""The upload engine: send a staged bundle to a store, resumably, and prove it arrived.

Order matters.  Chunks go first, each verified once the store has it in place while later ones upload; the
manifest goes last, so a manifest on the store always means "every chunk it lists was already there and
checked".  Objects already present with the right name and size are verified and skipped, which makes the
upload idempotent and lets an interrupted sync re-send at most the object that was in flight.

Verification uses a hash the server computed over the stored bytes when it offers one (SFTP
``openssl dgst -sha256`` or ``sha256sum``, S3 single-part ETag = MD5 of the stored bytes, checked
against Content-MD5 on the way in); otherwise the object is read back and hashed.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from fieldwork_app.errors import ErrorKind, InvalidInput, StoreError
from fieldwork_app.sync.bundle import StagedBundle
from fieldwork_app.sync.linkfit import LinkMeasure
from fieldwork_app.sync.manifest import CHUNK_SUFFIX
from fieldwork_app.sync.state import ClockWaiter, NullState, TaskState, Waiter, check_cancel
from fieldwork_app.sync.transports.base import TEMP_MARK, Transport, sha256_stream

logger = logging.getLogger(__name__)

T = TypeVar("T")
_TEMP_TOKEN = re.compile(r"[0-9a-f]{8}")  # what the transports put after TEMP_MARK in a temporary name
VERIFY_BATCH = 64  # objects hashed per server request (SFTP runs one command per batch)
MEASURE_MIN_BYTES = 1 << 20  # chunk bytes a call must send before its rate is kept as the link's
# The checker asks as soon as this many uploaded objects are settled (or the upload is over), taking all that
# are: one request per object while it keeps up, larger batches when it falls behind.  Waiting for more saves
# requests but leaves their verification for after the last chunk (a tail of that many objects' checks).
VERIFY_MIN_BATCH = 1


@dataclass
class RetryPolicy:
    attempts: int = 6
    base_delay: float = 0.5
    max_delay: float = 30.0


@dataclass
class UploadStats:
    """Counters for one call (also filled when the call fails): what was attempted, not just done."""

    bytes_attempted: int = 0
    objects_sent: int = 0
    objects_skipped: int = 0
    retries: int = 0
    temps_removed: int = 0  # temporary uploads (S3: unfinished multipart uploads) a cut left, removed at the end
    link: LinkMeasure | None = None  # what this call measured of the link (None: too little sent to tell)


@dataclass
class ReceiptObject:
    name: str
    size: int
    sha256: str


@dataclass
class Receipt:
    bundle_id: str
    store: str
    objects: list[ReceiptObject]
    verified_at: str
    verify_method: str
    total_bytes: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_Item = tuple[str, Path, int, str]  # store name, staged file, size, SHA-256


class _Mismatch(StoreError):
    kind = ErrorKind.STORE_UNREACHABLE  # treated as transient: the bytes were damaged on the way


def _file_hash(path: Path, algorithm: str) -> str:
    h = hashlib.new(algorithm, usedforsecurity=False) if algorithm == "md5" else hashlib.new(algorithm)
    try:
        with open(path, "rb") as fh:
            while block := fh.read(1 << 20):
                h.update(block)
    except OSError:
        raise InvalidInput(f"staged file {path.name} cannot be read; stage the bundle again") from None
    return h.hexdigest()


def _chunk_hash(name: str) -> str:
    """The SHA-256 a chunk object is named by (``bundles/<id>/<sha256>.age``)."""
    return name.rsplit("/", 1)[-1].removesuffix(CHUNK_SUFFIX)


def _expected_md5(staged_md5: str | None, path: Path) -> str:
    """The MD5 the stored object must have: as recorded at staging, else hashed from the staged file."""
    return staged_md5 or _file_hash(path, "md5")


def _verify(transport: Transport, name: str, sha: str, path: Path, md5: str | None = None) -> str:
    """Return the method used; raise :class:`_Mismatch` if the stored bytes differ.

    ``md5`` is the staged MD5 of the object when staging recorded one (else it is hashed from ``path``
    if a store reports an MD5 to compare with)."""
    expected_md5 = functools.cache(lambda: _expected_md5(md5, path))
    digest = transport.checksum(name)
    if digest is not None:
        if digest != sha:
            raise _Mismatch(f"{transport.name}: stored {name} does not match (server SHA-256)")
        return "server-sha256"
    multipart: Callable[[str, Path], bool] | None = getattr(transport, "multipart_etag_matches", None)
    if multipart is not None and multipart(name, path):
        return "server-md5"  # the server's MD5 of each part it stored (checked against each part's Content-MD5)
    md5_etag: Callable[[str], str | None] | None = getattr(transport, "md5_etag", None)
    if md5_etag is not None:
        etag = md5_etag(name)
        # S3 accepted the PUT against its Content-MD5, so a differing ETag means the ETag is not an MD5
        # (SSE-KMS and SSE-C objects have other ETags): the read-back below decides, nothing is re-sent yet.
        if etag is not None and etag == expected_md5():
            return "server-md5"
    content_md5: Callable[[str], str | None] | None = getattr(transport, "content_md5", None)
    if content_md5 is not None:
        etag = content_md5(name)
        # Only a match counts: a server whose ETag is not a content hash (or bytes that differ) falls
        # through to the read-back below, which decides.
        if etag is not None and etag == expected_md5():
            return "server-md5-etag"
    if sha256_stream(transport.iter_get(name)) != sha:
        raise _Mismatch(f"{transport.name}: stored {name} does not match (read back)")
    return "read-back"


def _with_retry(fn: Callable[[], T], policy: RetryPolicy, stats: UploadStats, state: TaskState,
                waiter: Waiter) -> T:  # fmt: skip
    delay = policy.base_delay
    for attempt in range(1, policy.attempts + 1):
        check_cancel(state)
        try:
            return fn()
        except StoreError as exc:
            if not exc.transient or attempt == policy.attempts:
                raise
            stats.retries += 1
            logger.warning("transient store error (attempt %d of %d): %s", attempt, policy.attempts, exc)
            waiter.wait(delay, state)
            delay = min(delay * 2, policy.max_delay)
    raise AssertionError("unreachable")  # pragma: no cover


class _Progress:
    """Turns per-object byte counts into bundle-wide progress with an estimate of time left."""

    def __init__(self, state: TaskState, total: int, count: int) -> None:
        self.state, self.total, self.count = state, total, count
        self.done = 0
        self.index = 0
        self.started = time.monotonic()
        self.moved = 0  # bytes actually sent in this call: the rate excludes skipped objects

    def report(self, in_flight: int = 0) -> None:
        done = self.done + in_flight
        elapsed = time.monotonic() - self.started
        moved = self.moved + in_flight
        left = ""
        if moved > 0 and elapsed > 0.5:
            seconds = (self.total - done) / (moved / elapsed)
            left = f"; about {int(seconds) + 1} s left"
        self.state.set_progress(done, self.total, f"uploading object {self.index} of {self.count}{left}")

    def callback(self) -> Callable[[int], None]:
        def on_bytes(sent: int) -> None:
            check_cancel(self.state)  # raising here aborts the transfer in progress
            self.report(sent)

        return on_bytes


_Results = list[tuple[_Item, str | None]]


class _Checker:
    """Verifies uploaded objects on a thread of its own while later ones upload.

    An object is handed over once it is up (:meth:`uploaded`); it is checked once it is also *settled*, its
    finishing request answered (a WebDAV MOVE, an S3 completion): at once where the put itself finished it,
    on the store's word where the store reports it (:meth:`settled`), else when a later put has returned
    (:meth:`settle_all`).  The thread takes whatever is settled as soon as there is ``min_batch()`` of it (or
    the upload is over), up to ``VERIFY_BATCH`` at a time, so a read-back store keeps one GET going behind the
    uploads instead of waiting for the main thread.  Outcomes are collected by the main thread
    (:meth:`take`), which sends again what differs; nothing here retries.
    """

    def __init__(self, check: Callable[[list[_Item]], _Results], min_batch: Callable[[], int]) -> None:
        self._check, self._min_batch = check, min_batch
        self._cond = threading.Condition()
        self._waiting: dict[str, _Item] = {}  # up, not settled yet (in upload order)
        self._early: set[str] = set()  # settled before the main thread handed them over
        self._ready: list[_Item] = []
        self._done: list[tuple[list[_Item], _Results | BaseException]] = []
        self._closing = self._stopped = False
        self._thread = threading.Thread(target=self._run, name="sync-verify", daemon=True)
        self._thread.start()

    def uploaded(self, item: _Item, settled: bool) -> None:
        with self._cond:
            if settled or item[0] in self._early:
                self._early.discard(item[0])
                self._ready.append(item)
                self._cond.notify_all()
            else:
                self._waiting[item[0]] = item

    def settled(self, name: str) -> None:
        """The store answered ``name``'s finishing request (called on any thread)."""
        with self._cond:
            item = self._waiting.pop(name, None)
            if item is None:
                self._early.add(name)
                return
            self._ready.append(item)
            self._cond.notify_all()

    def settle_all(self, but: str | None = None) -> None:
        """Every object handed over is settled (a later put returned, or the last was flushed), but ``but``."""
        with self._cond:
            for name in [n for n in self._waiting if n != but]:
                self._ready.append(self._waiting.pop(name))
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopped and not (
                    len(self._ready) >= self._min_batch() or (self._closing and self._ready)
                ):
                    if self._closing and not self._ready:
                        return
                    self._cond.wait()
                if self._stopped:
                    return
                batch, self._ready = self._ready[:VERIFY_BATCH], self._ready[VERIFY_BATCH:]
            outcome: _Results | BaseException
            try:
                outcome = self._check(batch)
            except BaseException as exc:  # handed to the main thread, which decides
                outcome = exc
            with self._cond:
                self._done.append((batch, outcome))
                self._cond.notify_all()

    def take(self) -> list[tuple[list[_Item], _Results | BaseException]]:
        """The outcomes collected so far (main thread)."""
        with self._cond:
            done, self._done = self._done, []
        return done

    def finish(self) -> list[tuple[list[_Item], _Results | BaseException]]:
        """Check everything handed over (settled or not: the upload is over) and return the last outcomes."""
        self.settle_all()
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        self._thread.join()
        return self.take()

    def stop(self) -> None:
        """Leave what is not checked yet (the upload failed or was cancelled); waits for the batch in hand."""
        with self._cond:
            self._stopped = True
            self._cond.notify_all()
        self._thread.join()


class BundleUpload:
    """One upload of a staged bundle to one store (see :func:`upload_bundle`).

    Chunks go up one after another; a checker thread verifies uploaded chunks (in batches where the store
    hashes many objects in one request, one by one where each is read back) while later chunks upload.  The
    manifest goes up only after every chunk is verified.  ``waiter`` backs off between retries
    (:class:`~fieldwork_app.sync.state.ClockWaiter` by default: steps of at most 0.1 s, so a Cancel takes
    effect at once).
    """

    def __init__(
        self,
        staged: StagedBundle,
        transport: Transport,
        state: TaskState | None = None,
        *,
        retry: RetryPolicy | None = None,
        stats: UploadStats | None = None,
        waiter: Waiter | None = None,
    ) -> None:
        self.staged, self.transport = staged, transport
        self.state: TaskState = state or NullState()
        self.policy = retry or RetryPolicy()
        self.stats = stats if stats is not None else UploadStats()
        self.waiter: Waiter = waiter if waiter is not None else ClockWaiter()
        self.objects = staged.objects()
        self.progress = _Progress(self.state, staged.total_bytes, len(self.objects))
        self.receipt_objects: list[ReceiptObject] = []
        self.methods: set[str] = set()
        self.manifest_name = self.objects[-1][0]
        self.batch_hash: Callable[[list[str]], dict[str, str]] | None = getattr(transport, "checksums", None)
        self.batch_md5: Callable[[list[tuple[str, int]]], dict[str, str]] | None = getattr(
            transport, "content_md5s", None
        )
        # None: not known (the listing failed), ask the store per object
        self.listed: set[str] | None = None
        self.relisted = False
        self.interrupted = False  # a put failed: the next attempt lists (and finishes interrupted uploads) first
        # A store that answers an object's last requests while the next one's data goes (SFTP): the last
        # object put is complete only after the next put, or after flush().
        self.flush: Callable[[], None] | None = getattr(transport, "flush", None)
        self.rtt: float | None = None
        self.timed: list[tuple[int, float]] = []  # (bytes, seconds) of each chunk put in this call

    # -- helpers -------------------------------------------------------------------------------
    @staticmethod
    def _min_batch() -> int:
        return VERIFY_MIN_BATCH

    def _retry(self, fn: Callable[[], T]) -> T:
        return _with_retry(fn, self.policy, self.stats, self.state, self.waiter)

    def _staged_md5(self, name: str) -> str | None:
        return self.staged.md5s.get(_chunk_hash(name))

    def _send(self, name: str, path: Path, size: int) -> None:
        if name == self.manifest_name:
            self.stats.bytes_attempted += size
            self.transport.put_atomic(name, path.read_bytes())
        else:
            # Bytes attempted are the bytes handed to the store as the transport reports them; a transport
            # that reports nothing before it fails counts the whole object.
            reported: list[int] = []
            on_bytes = self.progress.callback()

            def counted(sent: int) -> None:
                reported.append(sent)
                on_bytes(sent)

            started = time.monotonic()
            try:
                with open(path, "rb") as fh:
                    self.transport.put(name, fh, size, counted, md5=self._staged_md5(name))
                self.timed.append((size, time.monotonic() - started))
            except BaseException:
                self.stats.bytes_attempted += reported[-1] if reported else size
                self.interrupted = True
                raise
            self.stats.bytes_attempted += size
        self.stats.objects_sent += 1
        self.progress.moved += size

    def _list(self, resuming: bool = True, after_cut: bool = False) -> None:
        """One listing instead of a round trip per chunk; objects not listed are known to be missing.  When
        ``resuming`` (at the start, where the store already holds some of the bundle, or ``after_cut`` in this
        call) interrupted uploads of the missing objects are finished first where the store allows."""
        try:
            self.listed = set(self.transport.list(self.objects[0][0].rsplit("/", 1)[0] + "/"))
        except StoreError:
            self.listed = None  # e.g. the store folder does not exist yet: ask per object until it does
            return
        adopt: Callable[..., dict[str, int]] | None = getattr(self.transport, "adopt", None)
        missing = [(name, size, str(path)) for name, path, size in self.objects[:-1] if name not in self.listed]
        if resuming and (self.listed or after_cut) and missing and adopt is not None:
            # A resumed upload: a chunk cut off part-way is completed from where the store's copy ends (and its
            # rename done) instead of sent again; it is verified like every other chunk.
            def sent(n: int) -> None:
                self.stats.bytes_attempted += n

            try:
                self.listed.update(adopt(missing, sent))
            except StoreError as exc:  # what is not in place is sent again
                logger.warning("interrupted uploads on %s not finished: %s", self.transport.name, exc)

    def _after_cut(self) -> None:
        if self.interrupted and self.listed is not None:
            self.interrupted = False
            self._list(after_cut=True)

    def _flush(self) -> None:
        """Wait for the last object put (a store that finishes it while the next one goes); a failure counts as
        a cut, so the next attempt finishes what the store kept of it first."""
        assert self.flush is not None
        self._after_cut()
        try:
            self.flush()
        except BaseException:
            self.interrupted = True
            raise

    def _send_if_missing(self, name: str, path: Path, size: int) -> None:
        self._after_cut()
        if (self.listed is None or name in self.listed) and self.transport.stat(name) == size:
            self.stats.objects_skipped += 1
            return
        self._send(name, path, size)
        if self.listed is None and not self.relisted:
            self.relisted = True
            # the first object made the store's folders: one listing now spares a stat per chunk
            self._list(resuming=False)

    def _check_batch(self, items: list[_Item]) -> list[tuple[_Item, str | None]]:
        """Verify stored objects; None marks one whose stored bytes differ.  Runs on the checker thread."""
        server = self.batch_hash([it[0] for it in items]) if self.batch_hash is not None else {}
        md5s = self.batch_md5([(it[0], it[2]) for it in items]) if self.batch_md5 is not None else {}
        results: list[tuple[_Item, str | None]] = []
        for item in items:
            name, path, size, sha = item
            if name in server:
                results.append((item, "server-sha256" if server[name] == sha else None))
                continue
            if server and self.transport.stat(name) != size:
                results.append((item, None))  # not there (an upload whose rename a cut connection lost)
                continue
            if name in md5s and md5s[name] == _expected_md5(self._staged_md5(name), path):
                # The server's hash of the bytes it stored, and the object confirmed under its final name.
                # Any other outcome (an ETag that is not a content hash) is decided one by one below.
                results.append((item, "server-md5-etag"))
                continue
            try:
                results.append((item, _verify(self.transport, name, sha, path, self._staged_md5(name))))
            except _Mismatch:
                results.append((item, None))
            except StoreError:
                if self.transport.stat(name) is not None:
                    raise
                results.append((item, None))  # not on the store (a finishing step a cut lost): sent again
        return results

    def _resend(self, item: _Item) -> None:
        name, path, size, sha = item
        logger.warning("an object on %s differs from the staged copy; sending it again", self.transport.name)
        self.transport.delete(name)
        self._send(name, path, size)
        if self.flush is not None:
            self.flush()
        self._record(item, _verify(self.transport, name, sha, path, self._staged_md5(name)))

    def _record(self, item: _Item, method: str) -> None:
        self.methods.add(method)
        self.receipt_objects.append(ReceiptObject(item[0], item[2], item[3]))

    def _settle(self, results: list[tuple[_Item, str | None]]) -> None:
        for item, method in results:
            if method is None:
                self._retry(functools.partial(self._resend, item))
            else:
                self._record(item, method)

    def _check_now(self, items: list[_Item]) -> None:
        self._settle(self._retry(functools.partial(self._check_batch, items)))

    def _settle_outcomes(self, outcomes: list[tuple[list[_Item], _Results | BaseException]]) -> None:
        for batch, outcome in outcomes:
            if isinstance(outcome, StoreError):
                self._check_now(batch)  # a (possibly transient) failure on the checker: redone here, with retries
            elif isinstance(outcome, BaseException):
                raise outcome
            else:
                self._settle(outcome)

    # -- the upload ----------------------------------------------------------------------------
    def _chunks(self) -> None:
        checker = _Checker(self._check_batch, self._min_batch)
        # A store that says when each object's finishing request is answered (WebDAV's MOVE) has it checked
        # at once; otherwise an object is settled once the next put returns (or at the flush).
        on_settled: Callable[[Callable[[str], None] | None], None] | None = getattr(
            self.transport, "on_settled", None
        )
        if on_settled is not None:
            on_settled(checker.settled)
        warming: threading.Thread | None = None
        try:
            warm_up: Callable[[], None] | None = getattr(self.transport, "warm_up", None)
            expect_next: Callable[[str, int], None] | None = getattr(self.transport, "expect_next", None)
            for i, (name, path, size) in enumerate(self.objects[:-1]):
                self.progress.index += 1
                check_cancel(self.state)
                following = self.objects[i + 1][0]
                if expect_next is not None and (self.listed is None or following not in self.listed):
                    expect_next(following, self.objects[i + 1][2])
                # A chunk's name is the SHA-256 of its staged bytes (staging writes it atomically).
                sent_before = self.stats.objects_sent
                self._retry(functools.partial(self._send_if_missing, name, path, size))
                if warm_up is not None:  # e.g. log in for server-side hashing while the next chunks go
                    warming = threading.Thread(target=warm_up, name="sync-warm-up", daemon=True)
                    warming.start()
                    warm_up = None
                item = (name, path, size, _chunk_hash(name))
                # the object just put may still be finishing on the store (a put that returns before its
                # finishing request is answered); one that was already there is settled
                finishing = self.flush is not None and self.stats.objects_sent > sent_before
                checker.uploaded(item, settled=not finishing)
                if on_settled is None:
                    checker.settle_all(but=name if finishing else None)
                self._settle_outcomes(checker.take())
                self.progress.done += size
                self.progress.report()
            if self.flush is not None:
                self._retry(self._flush)
            self._settle_outcomes(checker.finish())
        finally:
            checker.stop()
            if on_settled is not None:
                on_settled(None)
            if warming is not None:
                warming.join()

    def _probe(self) -> None:
        """The round trip of the cheapest request (the first object's stat, twice: the smaller counts), once the
        chunks are up: the connection is open and the link idle.  A failure only leaves the link unmeasured."""
        for _ in range(2):
            started = time.monotonic()
            try:
                self.transport.stat(self.objects[0][0])
            except StoreError:
                return
            took = time.monotonic() - started
            self.rtt = took if self.rtt is None else min(self.rtt, took)

    def measure(self) -> LinkMeasure | None:
        """The link as this call saw it: the probe's round trip and the rate chunks went up at (the first
        chunk put left out when there are more: it pays for the connection's start).  None when fewer than
        ``MEASURE_MIN_BYTES`` were sent."""
        timed = self.timed[1:] if len(self.timed) > 1 else self.timed
        sent, seconds = sum(b for b, _ in timed), sum(t for _, t in timed)
        if self.rtt is None or sent < MEASURE_MIN_BYTES or seconds <= 0:
            return None
        return LinkMeasure(self.rtt, sent / seconds, "read-back" in self.methods)

    def _clear_unfinished(self) -> None:
        """Abort multipart uploads of this bundle's objects begun and never completed (S3: a cut's leftovers,
        and uploads begun ahead for objects the store already held).  Once every chunk is verified none is
        needed (the manifest always goes in one request).  Best effort: what cannot be removed now is tried
        again by the next sync of the bundle, if any."""
        unfinished: Callable[[str, set[str]], int] | None = getattr(self.transport, "clear_unfinished", None)
        if unfinished is None:
            return
        folder = self.manifest_name.rsplit("/", 1)[0]
        try:
            self.stats.temps_removed += unfinished(folder, {name for name, _p, _s in self.objects})
        except StoreError as exc:
            logger.warning("unfinished uploads left on %s could not be removed: %s", self.transport.name, exc)

    def _clear_temps(self) -> None:
        """Remove temporary uploads a cut connection left in this bundle's folder: ``<object>.part-<8 hex>``
        where ``<object>`` is one of this bundle's objects.  Runs once the manifest is verified (the manifest
        too may be written under a temporary name first), so every object stands under its name and none of
        these is needed any more; anything else in the folder (a name of another pattern, a temporary name of
        an object this bundle does not list) is left alone.  Best effort, like :meth:`_clear_unfinished`."""
        temps: Callable[[str], list[str]] | None = getattr(self.transport, "temp_objects", None)
        if temps is None:
            return
        ours = {name for name, _p, _s in self.objects}
        try:
            for stored in temps(self.manifest_name.rsplit("/", 1)[0]):
                base, mark, token = stored.partition(TEMP_MARK)
                if mark and base in ours and _TEMP_TOKEN.fullmatch(token):
                    self.transport.delete(stored)
                    self.stats.temps_removed += 1
        except StoreError as exc:
            logger.warning("temporary uploads left on %s could not be removed: %s", self.transport.name, exc)

    def _manifest(self) -> None:
        name, path, size = self.objects[-1]
        self.progress.index += 1
        check_cancel(self.state)
        self._retry(functools.partial(self._send_if_missing, name, path, size))
        self._check_now([(name, path, size, _file_hash(path, "sha256"))])
        self.progress.done += size
        self.progress.report()

    def run(self) -> Receipt:
        expect_next: Callable[[str, int], None] | None = getattr(self.transport, "expect_next", None)
        if expect_next is not None and len(self.objects) > 1:
            # the first chunk's upload is begun (S3: its multipart upload made) while the folder is listed
            expect_next(self.objects[0][0], self.objects[0][2])
        self._list()
        self._chunks()
        if getattr(self.transport, "concurrent", False):
            # A store whose calls may overlap (``concurrent``: S3's client is thread-safe) clears the chunks'
            # unfinished uploads and measures the link while the manifest goes: the sync ends a round trip or
            # two sooner (the manifest is a few kilobytes, so the link is as good as idle for the probe).
            aside = [threading.Thread(target=fn, name=f"sync-{what}", daemon=True)
                     for what, fn in (("clear", self._clear_unfinished), ("probe", self._probe))]  # fmt: skip
            for thread in aside:
                thread.start()
            try:
                self._manifest()
            finally:
                for thread in aside:
                    thread.join()
            self._clear_temps()
        else:
            self._manifest()
            self._clear_unfinished()
            self._clear_temps()
            self._probe()
        order = {name: i for i, (name, _p, _s) in enumerate(self.objects)}
        self.receipt_objects.sort(key=lambda o: order[o.name])
        verified_at = _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()
        logger.info("bundle %s verified on %s", self.staged.bundle_id, self.transport.name)
        self.stats.link = self.measure()
        return Receipt(
            bundle_id=self.staged.bundle_id,
            store=self.transport.name,
            objects=self.receipt_objects,
            verified_at=verified_at,
            verify_method="+".join(sorted(self.methods)),
            total_bytes=self.staged.total_bytes,
            extra={"link": self.stats.link.to_dict()} if self.stats.link is not None else {},
        )


def upload_bundle(
    staged: StagedBundle,
    transport: Transport,
    state: TaskState | None = None,
    *,
    retry: RetryPolicy | None = None,
    stats: UploadStats | None = None,
    waiter: Waiter | None = None,
) -> Receipt:
    """Upload ``staged`` to ``transport``; return a :class:`Receipt` once every object is verified.

    Raises :class:`~fieldwork_app.errors.StoreError` (after retrying transient failures with
    exponential backoff, waiting through ``waiter``) or :class:`~fieldwork_app.errors.Cancelled`.  Staged
    files are only read.
    """
    return BundleUpload(staged, transport, state, retry=retry, stats=stats, waiter=waiter).run()
