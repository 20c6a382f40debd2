"""S3-compatible object storage (Ceph radosgw, MinIO, AWS, university object stores) via boto3.

Each object is one PUT (chunks are a few MiB), which S3 makes atomic.  Every PUT carries
Content-MD5, so the server refuses bytes that changed on the way; for single-part objects the ETag
is the MD5 of the stored bytes, which the engine compares with the staged file (a checksum the
server computed over what it holds).  Path-style addressing is used by default because most
on-premises endpoints have no wildcard DNS.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from collections.abc import Iterator
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


class S3Transport:
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
        # Chunks are a few MiB: holding one in memory lets Content-MD5 go in the request's headers.
        data = b"".join(read_blocks(src, size))
        self._put_bytes(name, data, progress, md5)

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

    def put_atomic(self, name: str, data: bytes) -> None:
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
        self._client.close()
