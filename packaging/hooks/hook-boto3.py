"""boto3: the S3 client and its resource model only (see hook-botocore.py)."""

from __future__ import annotations

from pathlib import PurePath

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

hiddenimports = collect_submodules("boto3.s3")


def _wanted(dest: str) -> bool:
    parts = PurePath(dest).parts  # e.g. ("boto3", "data", "s3", "2006-03-01")
    if len(parts) >= 3 and parts[0] == "boto3" and parts[1] == "data":
        return parts[2] == "s3"
    return True


datas = [(src, dest) for src, dest in collect_data_files("boto3") if _wanted(dest)]
