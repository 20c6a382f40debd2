"""The upload engine: send a staged bundle to a store, resumably, and prove it arrived.

Order matters.  Chunks go first, each verified as soon as it lands; the manifest goes last, so a
manifest on the store always means "every chunk it lists was already there and checked".  Objects
already present with the right name and size are verified and skipped, which makes the upload
idempotent and lets an interrupted sync re-send at most the object that was in flight.

Verification uses a hash the server computed over the stored bytes when it offers one (SFTP
``sha256sum``, S3 single-part ETag = MD5 of the stored bytes, checked against Content-MD5 on the
way in); otherwise the object is read back and hashed.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from fieldwork_app.errors import ErrorKind, InvalidInput, StoreError
from fieldwork_app.sync.bundle import StagedBundle
from fieldwork_app.sync.state import NullState, TaskState, check_cancel
from fieldwork_app.sync.transports.base import Transport, sha256_stream

logger = logging.getLogger(__name__)

T = TypeVar("T")
_TRANSIENT = {ErrorKind.STORE_UNREACHABLE}
VERIFY_BATCH = 64  # objects hashed per server request (SFTP runs one command per batch)


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


class _Mismatch(StoreError):
    kind = ErrorKind.STORE_UNREACHABLE  # treated as transient: the bytes were damaged on the way


def _file_hashes(path: Path) -> tuple[str, str]:
    sha, md5 = hashlib.sha256(), hashlib.md5(usedforsecurity=False)
    try:
        with open(path, "rb") as fh:
            while block := fh.read(1 << 20):
                sha.update(block)
                md5.update(block)
    except OSError:
        raise InvalidInput(f"staged file {path.name} cannot be read; stage the bundle again") from None
    return sha.hexdigest(), md5.hexdigest()


def _verify(transport: Transport, name: str, sha: str, md5: str) -> str:
    """Return the method used; raise :class:`_Mismatch` if the stored bytes differ."""
    digest = transport.checksum(name)
    if digest is not None:
        if digest != sha:
            raise _Mismatch(f"{transport.name}: stored {name} does not match (server SHA-256)")
        return "server-sha256"
    md5_etag: Callable[[str], str | None] | None = getattr(transport, "md5_etag", None)
    if md5_etag is not None:
        etag = md5_etag(name)
        if etag is not None:
            if etag != md5:
                raise _Mismatch(f"{transport.name}: stored {name} does not match (server MD5)")
            return "server-md5"
    if sha256_stream(transport.iter_get(name)) != sha:
        raise _Mismatch(f"{transport.name}: stored {name} does not match (read back)")
    return "read-back"


def _with_retry(fn: Callable[[], T], policy: RetryPolicy, stats: UploadStats, state: TaskState,
                sleep: Callable[[float], None]) -> T:  # fmt: skip
    delay = policy.base_delay
    for attempt in range(1, policy.attempts + 1):
        check_cancel(state)
        try:
            return fn()
        except StoreError as exc:
            if exc.kind not in _TRANSIENT or attempt == policy.attempts:
                raise
            stats.retries += 1
            logger.warning("transient store error (attempt %d of %d): %s", attempt, policy.attempts, exc)
            sleep(delay)
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


def upload_bundle(
    staged: StagedBundle,
    transport: Transport,
    state: TaskState | None = None,
    *,
    retry: RetryPolicy | None = None,
    stats: UploadStats | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Receipt:
    """Upload ``staged`` to ``transport``; return a :class:`Receipt` once every object is verified.

    Raises :class:`~fieldwork_app.errors.StoreError` (after retrying transient failures with
    exponential backoff) or :class:`~fieldwork_app.errors.Cancelled`.  Staged files are only read.
    """
    state = state or NullState()
    policy = retry or RetryPolicy()
    stats = stats if stats is not None else UploadStats()
    objects = staged.objects()
    progress = _Progress(state, staged.total_bytes, len(objects))
    receipt_objects: list[ReceiptObject] = []
    methods: set[str] = set()
    manifest_name = objects[-1][0]

    def send(name: str, path: Path, size: int) -> None:
        stats.bytes_attempted += size
        if name == manifest_name:
            transport.put_atomic(name, path.read_bytes())
        else:
            with open(path, "rb") as fh:
                transport.put(name, fh, size, progress.callback())
        stats.objects_sent += 1
        progress.moved += size

    def verify_batch(batch: list[tuple[str, Path, int, str, str]]) -> None:
        """Verify a batch of stored objects; re-send any that differ (then verify that one alone)."""
        batch_hash: Callable[[list[str]], dict[str, str]] | None = getattr(transport, "checksums", None)
        server = batch_hash([b[0] for b in batch]) if batch_hash is not None else {}
        for name, path, size, sha, md5 in batch:
            try:
                if name in server:
                    if server[name] != sha:
                        raise _Mismatch(f"{transport.name}: stored {name} does not match (server SHA-256)")
                    methods.add("server-sha256")
                else:
                    methods.add(_verify(transport, name, sha, md5))
            except _Mismatch:
                logger.warning(
                    "an object on %s differs from the staged copy; sending it again", transport.name
                )
                transport.delete(name)
                send(name, path, size)
                methods.add(_verify(transport, name, sha, md5))
            receipt_objects.append(ReceiptObject(name, size, sha))

    batch: list[tuple[str, Path, int, str, str]] = []
    for name, path, size in objects:
        progress.index += 1
        check_cancel(state)
        sha, md5 = _file_hashes(path)
        is_manifest = name == manifest_name
        if not is_manifest and not name.endswith(f"/{sha}.age"):
            raise InvalidInput(f"staged chunk {path.name} is damaged (hash differs); stage the bundle again")
        if is_manifest and batch:
            # Every chunk is verified before the manifest goes up: a manifest on the store means
            # the whole bundle is there.
            pending, batch = batch, []
            _with_retry(functools.partial(verify_batch, pending), policy, stats, state, sleep)

        def send_if_missing(name: str = name, path: Path = path, size: int = size) -> None:
            if transport.stat(name) == size:
                stats.objects_skipped += 1
            else:
                send(name, path, size)

        _with_retry(send_if_missing, policy, stats, state, sleep)
        batch.append((name, path, size, sha, md5))
        if is_manifest or len(batch) >= VERIFY_BATCH:
            pending, batch = batch, []
            _with_retry(functools.partial(verify_batch, pending), policy, stats, state, sleep)
        progress.done += size
        progress.report()

    verified_at = _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()
    logger.info("bundle %s verified on %s", staged.bundle_id, transport.name)
    return Receipt(
        bundle_id=staged.bundle_id,
        store=transport.name,
        objects=receipt_objects,
        verified_at=verified_at,
        verify_method="+".join(sorted(methods)),
        total_bytes=staged.total_bytes,
    )
