"""botocore: collect only the service models the S3 transport needs.

The stock hook collects every AWS service model (about 28 MB).  Fieldwork talks to one S3-compatible store, so
the bundle keeps botocore's top-level data (endpoints, partitions, retry and default configuration, CA bundle)
and the models of S3 and of the credential services boto3 may consult (STS, SSO).
"""

from __future__ import annotations

from pathlib import PurePath

from PyInstaller.utils.hooks import collect_data_files

hiddenimports = ["html.parser"]

KEEP_SERVICES = {"s3", "sts", "sso", "sso-oidc"}


def _wanted(dest: str) -> bool:
    parts = PurePath(dest).parts  # e.g. ("botocore", "data", "s3", "2006-03-01")
    if len(parts) >= 3 and parts[0] == "botocore" and parts[1] == "data":
        return parts[2] in KEEP_SERVICES
    return True


datas = [(src, dest) for src, dest in collect_data_files("botocore") if _wanted(dest)]
