"""S3-compatible object storage (Ceph radosgw, MinIO, AWS, university object stores) via boto3.

An object under ``MULTIPART_MIN`` (6 MiB) is one PUT, which S3 makes atomic.  A larger one (chunks fitted to a
slow-answering link, or a bundle's last chunk) is a multipart upload of up to four equal parts (:func:`part_size`;
under 10 MiB, 5 MiB and the rest), sent on up to
``MAX_PARTS`` connections at once as long as the parts unanswered add up to no more than one object: a cut
connection loses at most the parts in flight, and the parts the server holds survive it and are found again
(``adopt``: list the upload's parts, send the rest, complete).  With :meth:`expect_next` said, the next
object's upload is begun while this one's parts go, and an object's completion is sent, on a thread of its
own, as soon as its last part is answered; the next object's parts go meanwhile, so the link waits for
neither.  An uploader told by :meth:`on_settled` checks each object once its completion is answered;
:meth:`flush` waits for every one.

Every PUT and part carries Content-MD5, so the server refuses bytes that changed on the way; a single-part
object's ETag is the MD5 of the stored bytes, a multipart object's the MD5 of its parts' MD5s, and the engine
compares either with the staged file (a checksum the server computed over what it holds).  Path-style
addressing is used by default because most on-premises endpoints have no wildcard DNS.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import posixpath
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, BinaryIO

import boto3
import botocore.exceptions
from botocore.config import Config

from fieldwork_app.errors import InvalidInput, StoreError
from fieldwork_app.sync.transports.base import (
    READ_BLOCK,
    TRANSIENT_HTTP,
    Progress,
    auth_failed,
    certificate_refused,
    check_name,
    read_blocks,
    store_error,
    store_full,
    unreachable,
    untrusted_certificate,
)

logger = logging.getLogger(__name__)

_AUTH_CODES = {"InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "InvalidToken", "403"}
_FULL_CODES = {"QuotaExceeded", "EntityTooLarge", "InsufficientStorage"}
_BUSY_CODES = {
    "InternalError",
    "SlowDown",
    "ServiceUnavailable",
    "RequestTimeout",
    "Throttling",
    "ThrottlingException",
}


MiB = 1024 * 1024
PART_MIN = 5 * MiB  # S3's smallest part (but the last)
MULTIPART_MIN = PART_MIN + MiB  # objects from this size go in parts (two at least)
MAX_PARTS = 4  # parts unanswered at most (each on a connection of its own), and never more bytes than one object


def part_size(size: int) -> int:
    """The part size of an object of ``size`` bytes: equal parts (the last a little shorter), four where each
    is at least ``PART_MIN``, else as many as fit (two at least), so that every part can be in flight at once
    without more than the object's bytes unanswered.  Under two ``PART_MIN`` the first part is ``PART_MIN``
    and the second the rest: such an object (a bundle's last chunk, mostly) then starts going while the
    object before it is still partly unanswered, instead of waiting for all of it as one PUT would."""
    count = max(2, min(MAX_PARTS, size // PART_MIN))
    return max(PART_MIN, -(-size // count))


def _parts(data: bytes) -> list[bytes]:
    step = part_size(len(data))
    return [data[i : i + step] for i in range(0, len(data), step)]


def multipart_etag(data: bytes) -> str:
    """The ETag S3 gives a multipart object of ``data`` uploaded in :func:`part_size` parts."""
    digests = b"".join(hashlib.md5(p, usedforsecurity=False).digest() for p in _parts(data))
    return f"{hashlib.md5(digests, usedforsecurity=False).hexdigest()}-{len(_parts(data))}"


class _Upload:
    """One object's multipart upload in progress: its parts' answers still to come, then its completion."""

    def __init__(self, name: str, key: str, upload_id: str) -> None:
        self.name, self.key, self.upload_id = name, key, upload_id
        self.parts: list[tuple[int, Future[str]]] = []


class _Budget:
    """The parts unanswered: at most ``MAX_PARTS``, and (but for the first) at most ``limit`` bytes together."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self.parts = self.bytes = 0
        self.limit = 0  # the largest object put in parts so far: what one cut may cost

    def take(self, size: int) -> None:
        with self._cond:
            while self.parts and (self.parts >= MAX_PARTS or self.bytes + size > self.limit):
                self._cond.wait()
            self.parts += 1
            self.bytes += size

    def give(self, size: int) -> None:
        with self._cond:
            self.parts -= 1
            self.bytes -= size
            self._cond.notify_all()


class S3Transport:
    concurrent = True  # boto3's client may be called from several threads at once

    def __init__(self, bucket: str, prefix: str, options: dict[str, Any], secrets: dict[str, str]) -> None:
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        endpoint = options.get("endpoint")
        self.name = f"s3://{bucket}/{self.prefix}" + (f" at {endpoint}" if endpoint else "")
        config = Config(
            s3={"addressing_style": options.get("addressing_style", "path")},
            retries={"total_max_attempts": 1, "mode": "standard"},  # the upload engine does the retrying
            connect_timeout=float(options.get("timeout", 15)),
            read_timeout=float(options.get("timeout", 60)),
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        )
        self._client: Any = boto3.session.Session().client(
            "s3",
            endpoint_url=endpoint,
            region_name=options.get("region", "us-east-1"),
            aws_access_key_id=options.get("access_key") or secrets.get("access_key"),
            aws_secret_access_key=secrets.get("secret_key"),
            config=config,
            verify=options.get("ca_bundle") or None,  # a private CA's PEM file, else the system's
        )
        self._etags: dict[str, str] = {}
        self._pipelined = False
        self._budget = _Budget()
        self._senders = ThreadPoolExecutor(max_workers=MAX_PARTS, thread_name_prefix="s3-part")
        self._starter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="s3-start")
        self._finisher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="s3-finish")
        self._ahead: dict[str, Future[_Upload]] = {}  # uploads begun for the objects the caller said come next
        # the ids of uploads begun ahead and not used by a put (yet): they hold nothing, whatever became of the
        # put they were begun for (a failure forgets ``_ahead``, not these), and are never taken for an
        # interrupted upload; the clearing at the end aborts them
        self._ahead_ids: set[str] = set()
        self._finishing: list[Future[None]] = []  # completions sent and not yet waited for, in order
        self._on_settled: Callable[[str], None] | None = None
        self._failure: StoreError | None = None  # the first part that failed since the last failure was met

    def _key(self, name: str) -> str:
        return self.prefix + check_name(name)

    def _map(self, exc: BaseException, what: str) -> StoreError:
        if isinstance(exc, StoreError):
            return exc
        if isinstance(exc, botocore.exceptions.ClientError):
            code = str(exc.response.get("Error", {}).get("Code", ""))
            status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)
            if code in _FULL_CODES or status == 507:
                return store_full(self.name, code)
            if code in _AUTH_CODES or status in (401, 403):
                return auth_failed(self.name, code)
            if code in ("BadDigest", "InvalidDigest"):  # the bytes changed on the way: worth another try
                return unreachable(self.name, "the bytes arrived damaged")
            if code in ("NoSuchBucket",):
                return store_error(self.name, "the bucket does not exist; check the store settings")
            busy = code in _BUSY_CODES or status in TRANSIENT_HTTP
            return store_error(self.name, f"{code or status} on {what}", transient=busy)
        if isinstance(
            exc, botocore.exceptions.NoCredentialsError | botocore.exceptions.PartialCredentialsError
        ):
            return auth_failed(self.name, "no access key configured")
        if certificate_refused(exc):
            return untrusted_certificate(self.name)
        if isinstance(exc, botocore.exceptions.BotoCoreError | OSError):
            return unreachable(self.name, f"connection failed during {what}")
        return store_error(self.name, f"{what}: {exc.__class__.__name__}")

    # -- protocol ------------------------------------------------------------------------------
    def stat(self, name: str) -> int | None:
        try:
            head = self._client.head_object(Bucket=self.bucket, Key=self._key(name))
        except botocore.exceptions.ClientError as exc:
            if str(exc.response.get("Error", {}).get("Code")) in ("404", "NoSuchKey", "NotFound"):
                return None
            raise self._map(exc, "check an object") from None
        except Exception as exc:
            raise self._map(exc, "check an object") from None
        self._etags[name] = str(head.get("ETag", "")).strip('"')
        return int(head["ContentLength"])

    def put(
        self, name: str, src: BinaryIO, size: int, progress: Progress | None = None, *, md5: str | None = None
    ) -> None:
        # Chunks are at most 32 MiB: holding one in memory lets Content-MD5 go in the request's headers.
        data = b"".join(read_blocks(src, size))
        self._raise_finished()
        if len(data) < MULTIPART_MIN:
            if not self._pipelined:
                self.flush()
            self._budget.take(len(data))  # after the parts before it: at most one object's bytes in flight
            try:
                self._put_bytes(name, data, progress, md5)
            finally:
                self._budget.give(len(data))
            return
        if progress is not None:
            progress(0)  # nothing of it handed over yet (the engine counts what a failed put attempted)
        try:
            upload = self._begun(name)
            self._budget.limit = max(self._budget.limit, len(data))
            sent = 0
            for number, part in enumerate(_parts(data), start=1):
                upload.parts.append((number, self._send_part(upload, number, part)))
                sent += len(part)
                if progress is not None:
                    progress(sent)
            self._finishing.append(self._finisher.submit(self._complete, upload))
            if not self._pipelined:
                self.flush()
            else:
                self._raise_finished()
        except BaseException:
            self._abandon()
            raise

    def expect_next(self, name: str, size: int | None = None) -> None:
        """Said by an uploader that calls :meth:`flush` before relying on its puts: from then on a put returns
        before its completion is answered, and the upload of ``name`` (when ``size`` calls for parts) is begun
        while this put's parts go."""
        self._pipelined = True
        if size is not None and size >= MULTIPART_MIN and name not in self._ahead:
            # one put still to come before it: older ones (objects the store already held, never put) are left
            # to the uploader's clearing of unfinished uploads
            for stale in list(self._ahead)[:-1]:
                del self._ahead[stale]
            self._ahead[name] = self._starter.submit(self._start, name, True)

    def on_settled(self, hook: Callable[[str], None] | None) -> None:
        """Have ``hook`` called with each object's name once it stands under that name (its PUT or its
        completion answered; on the thread that sent it); None stops it."""
        self._on_settled = hook

    def _settled(self, name: str) -> None:
        hook = self._on_settled
        if hook is not None:
            hook(name)

    def _raise_finished(self) -> None:
        """Raise what a completion already answered met (the ones still going are waited for by flush)."""
        while self._finishing and self._finishing[0].done():
            self._finishing.pop(0).result()

    def flush(self) -> None:
        """Wait until every object put so far stands under its name (raises what the server refused)."""
        try:
            while self._finishing:
                self._finishing[0].result()
                self._finishing.pop(0)
        except BaseException:
            self._abandon()
            raise

    def _complete(self, upload: _Upload) -> None:
        """On the finishing thread: once every part of ``upload`` is answered, complete it."""
        try:
            parts = [{"PartNumber": n, "ETag": f.result()} for n, f in upload.parts]
            result = self._client.complete_multipart_upload(
                Bucket=self.bucket, Key=upload.key, UploadId=upload.upload_id, MultipartUpload={"Parts": parts}
            )
        except Exception as exc:
            raise self._map(exc, "upload an object") from None
        etag = str(result.get("ETag", "")).strip('"')
        if etag:
            self._etags[upload.name] = etag
        else:  # (radosgw's answer carries none: the object's HEAD gives it when it is checked, and shows the
            # object stands under its name; the parts' own ETags would only repeat what their answers said)
            self._etags.pop(upload.name, None)
        self._settled(upload.name)

    def _begun(self, name: str) -> _Upload:
        """The upload of ``name``: the one begun ahead for it, else one begun now."""
        ahead = self._ahead.pop(name, None)
        if ahead is not None:
            try:
                upload = ahead.result()
            except StoreError:
                pass  # begun ahead in vain (e.g. the connection dropped meanwhile): begin it again now
            else:
                self._ahead_ids.discard(upload.upload_id)
                return upload
        return self._start(name)

    def _start(self, name: str, ahead: bool = False) -> _Upload:
        key = self._key(name)
        try:
            made = self._client.create_multipart_upload(Bucket=self.bucket, Key=key)
        except Exception as exc:
            raise self._map(exc, "upload an object") from None
        upload = _Upload(name, key, self._field(made, "UploadId", "upload an object"))
        if ahead:
            self._ahead_ids.add(upload.upload_id)
        return upload

    def _field(self, answer: Any, field: str, what: str) -> str:
        """A field the server's answer must carry; an answer without it (cut short) is asked again."""
        value = answer.get(field) if isinstance(answer, dict) else None
        if not value:
            raise unreachable(self.name, f"an incomplete answer during {what}")
        return str(value)

    def _send_part(self, upload: _Upload, number: int, data: bytes) -> Future[str]:
        """Send one part on a sender thread once the budget of parts in flight allows it; none once a part has
        failed (the connection is likely gone: what follows would only be counted as sent, and sent again)."""
        self._budget.take(len(data))
        if self._failure is not None:
            self._budget.give(len(data))
            raise self._failure

        def send() -> str:
            try:
                digest = hashlib.md5(data, usedforsecurity=False).digest()
                answer = self._client.upload_part(
                    Bucket=self.bucket, Key=upload.key, UploadId=upload.upload_id, PartNumber=number,
                    Body=data, ContentLength=len(data), ContentMD5=base64.b64encode(digest).decode("ascii"),
                )  # fmt: skip
                return self._field(answer, "ETag", "upload an object")
            except Exception as exc:
                error = self._map(exc, "upload an object")
                if self._failure is None:
                    self._failure = error
                raise error from None
            finally:
                self._budget.give(len(data))

        try:
            return self._senders.submit(send)
        except BaseException:
            self._budget.give(len(data))
            raise

    def _abandon(self) -> None:
        """After a failure: wait for the parts and completions still going (their outcome no longer matters);
        what the server kept is found again by :meth:`adopt`, an upload begun ahead is adopted or aborted
        like any other."""
        self._ahead = {}
        self._senders.shutdown(wait=True)
        self._failure = None
        self._finisher.shutdown(wait=True)
        self._starter.shutdown(wait=True)
        self._finishing = []
        self._senders = ThreadPoolExecutor(max_workers=MAX_PARTS, thread_name_prefix="s3-part")
        self._starter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="s3-start")
        self._finisher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="s3-finish")

    def _uploads(self, folder: str) -> list[dict[str, Any]]:
        """The multipart uploads begun and neither completed nor aborted under ``folder``."""
        found: list[dict[str, Any]] = []
        paginator = self._client.get_paginator("list_multipart_uploads")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=self.prefix + check_name(folder) + "/"):
            found += page.get("Uploads", [])
        return found

    def adopt(self, objects: Sequence[tuple[str, int, str]], sent: Progress | None = None) -> dict[str, int]:
        """Finish multipart uploads a cut interrupted: for each of ``objects`` (name, size, staged file) with an
        upload begun, the parts the server holds whose size and MD5 match the staged file's are kept, the
        rest sent, and the upload completed.  Other uploads begun for the same object are aborted.  Returns
        name -> bytes sent (the engine verifies these objects like any other)."""
        wanted = {self._key(n): (n, size, src) for n, size, src in objects if size >= MULTIPART_MIN}
        done: dict[str, int] = {}
        try:
            # uploads begun ahead by this transport hold nothing: never taken for an interrupted one (the newest
            # would be), and left for the put they were begun for or the clearing at the end
            for ahead in list(self._ahead.values()):
                try:
                    ahead.result()  # its id is known once it is begun
                except StoreError:
                    pass
            mine = self._ahead_ids.copy()
            finished: set[str] = set()  # the uploads completed here: never aborted after
            for folder in sorted({posixpath.dirname(n) for n, _s, _p in wanted.values()}):
                uploads = sorted(self._uploads(folder), key=lambda u: str(u.get("Initiated", "")), reverse=True)
                for found in uploads:
                    key, upload_id = str(found["Key"]), str(found["UploadId"])
                    if key not in wanted or wanted[key][0] in done or upload_id in mine:
                        continue
                    name, size, src = wanted[key]
                    try:
                        done[name] = self._resume(_Upload(name, key, upload_id), Path(src), size, sent)
                        finished.add(upload_id)
                    except (StoreError, botocore.exceptions.ClientError) as exc:
                        # e.g. completed meanwhile by the request the cut interrupted: the engine checks it,
                        # and the other objects are still finished here
                        self._abandon()
                        logger.warning("an interrupted upload could not be finished: %s", self._map(exc, "resume"))
                for found in uploads:  # the others begun for these objects are stale now
                    key, upload_id = str(found["Key"]), str(found["UploadId"])
                    if key in wanted and wanted[key][0] in done and upload_id not in mine | finished:
                        # (an upload just completed is never aborted: some stores drop a finished object's data)
                        self._abort(key, upload_id)
        except Exception as exc:
            self._abandon()
            raise self._map(exc, "finish an interrupted upload") from None
        return done

    def _resume(self, upload: _Upload, src: Path, size: int, sent: Progress | None) -> int:
        held: dict[int, str] = {}
        paginator = self._client.get_paginator("list_parts")
        for page in paginator.paginate(Bucket=self.bucket, Key=upload.key, UploadId=upload.upload_id):
            for part in page.get("Parts", []):
                held[int(part["PartNumber"])] = str(part["ETag"]).strip('"')
        data = src.read_bytes()
        if len(data) != size:
            raise InvalidInput(f"the staged copy of {upload.name} has changed since it was staged")
        resent = 0
        for number, part in enumerate(_parts(data), start=1):
            if held.get(number) == hashlib.md5(part, usedforsecurity=False).hexdigest():
                upload.parts.append((number, _done(held[number])))
                continue
            upload.parts.append((number, self._send_part(upload, number, part)))
            resent += len(part)
            if sent is not None:
                sent(len(part))
        self._budget.limit = max(self._budget.limit, size)
        self._finishing.append(self._finisher.submit(self._complete, upload))
        self.flush()
        return resent

    def _abort(self, key: str, upload_id: str) -> None:
        try:
            self._client.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload_id)
        except botocore.exceptions.ClientError as exc:
            if str(exc.response.get("Error", {}).get("Code")) != "NoSuchUpload":
                raise

    def clear_unfinished(self, folder: str, names: set[str]) -> int:
        """Abort the multipart uploads begun for ``names`` under ``folder`` and never completed (a cut's
        leftovers, which the server otherwise keeps, and bills, until a lifecycle rule removes them).
        Uploads for any other key are left alone.  Returns how many were aborted."""
        keys = {self._key(n) for n in names}
        aborted = 0
        try:
            for found in self._uploads(folder):
                if str(found["Key"]) in keys:
                    self._abort(str(found["Key"]), str(found["UploadId"]))
                    aborted += 1
        except Exception as exc:
            raise self._map(exc, "remove unfinished uploads") from None
        return aborted

    def multipart_etag_matches(self, name: str, path: Path) -> bool:
        """True when the stored object is a multipart object whose ETag is the one the staged file's bytes,
        in this transport's parts, give: the server's MD5 of each part it stored, combined."""
        etag = self._etags.get(name)
        if etag is None:
            self.stat(name)
            etag = self._etags.get(name)
        if not etag or "-" not in etag:
            return False
        try:
            data = path.read_bytes()
        except OSError:
            return False
        return etag == multipart_etag(data)

    def _put_bytes(self, name: str, data: bytes, progress: Progress | None, md5: str | None = None) -> None:
        digest = bytes.fromhex(md5) if md5 else hashlib.md5(data, usedforsecurity=False).digest()
        try:
            result = self._client.put_object(
                Bucket=self.bucket,
                Key=self._key(name),
                # bytes, not a file object: botocore then sends no "Expect: 100-continue" and the body
                # follows the headers at once instead of a round trip later
                Body=data,
                ContentLength=len(data),
                ContentMD5=base64.b64encode(digest).decode("ascii"),
            )
        except botocore.exceptions.ClientError as exc:
            code = str(exc.response.get("Error", {}).get("Code", ""))
            if code == "BadDigest" and md5 and hashlib.md5(data, usedforsecurity=False).hexdigest() != md5:
                raise InvalidInput(
                    f"the staged copy of {name} has changed since it was staged; stage the bundle again"
                ) from None
            raise self._map(exc, "upload an object") from None
        except Exception as exc:
            raise self._map(exc, "upload an object") from None
        self._etags[name] = str(result.get("ETag", "")).strip('"')
        if progress is not None:
            progress(len(data))
        self._settled(name)

    def put_atomic(self, name: str, data: bytes) -> None:
        self.flush()
        self._put_bytes(name, data, None)

    def get(self, name: str) -> bytes:
        return b"".join(self.iter_get(name))

    def iter_get(self, name: str) -> Iterator[bytes]:
        try:
            obj = self._client.get_object(Bucket=self.bucket, Key=self._key(name))
            body = obj["Body"]
            while block := body.read(READ_BLOCK):
                yield block
        except botocore.exceptions.ClientError as exc:
            if str(exc.response.get("Error", {}).get("Code")) in ("404", "NoSuchKey"):
                raise store_error(self.name, f"object {name} is missing") from None
            raise self._map(exc, "download an object") from None
        except Exception as exc:
            raise self._map(exc, "download an object") from None

    def list(self, prefix: str) -> list[str]:
        out: list[str] = []
        try:
            paginator = self._client.get_paginator("list_objects_v2")
            for page in paginator.paginate(Bucket=self.bucket, Prefix=self.prefix + prefix):
                for item in page.get("Contents", []):
                    out.append(str(item["Key"])[len(self.prefix) :])
        except Exception as exc:
            raise self._map(exc, "list objects") from None
        return sorted(out)

    def delete(self, name: str) -> None:
        try:
            self._client.delete_object(Bucket=self.bucket, Key=self._key(name))
        except Exception as exc:
            raise self._map(exc, "delete an object") from None

    def checksum(self, name: str) -> str | None:
        return None  # S3 offers MD5 (the ETag), not SHA-256: see :meth:`md5_etag`

    def md5_etag(self, name: str) -> str | None:
        """The server's MD5 of a single-part object (from the last PUT or HEAD), or None."""
        etag = self._etags.get(name)
        if etag is None:
            self.stat(name)
            etag = self._etags.get(name)
        if not etag or "-" in etag or len(etag) != 32:
            return None
        return etag

    def close(self) -> None:
        try:
            self.flush()
        except StoreError:
            pass
        for pool in (self._senders, self._finisher, self._starter):
            pool.shutdown(wait=True)
        self._client.close()


def _done(value: str) -> Future[str]:
    future: Future[str] = Future()
    future.set_result(value)
    return future
