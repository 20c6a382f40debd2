"""The data manager's tools: verify everything on a study store, and unpack it into an analysis folder.

Both run on the data manager's machine, the only place the study's private key lives.  Verify
checks every object without writing anything; unpack writes each whole, verified entry at its path
under the output folder, plus an index of sessions and the list of withdrawals to act on.  A
bundle that fails any check is reported by name and never unpacked.
"""

from __future__ import annotations

import logging

import pyrage

from fieldwork_app.sync.checks import BundleInfo, Problem, VerifyReport, inspect_store
from fieldwork_app.sync.state import TaskState
from fieldwork_app.sync.transports.base import Transport
from fieldwork_app.sync.trust import TrustedDevices
from fieldwork_app.sync.unpack import UnpackReport, unpack_store

logger = logging.getLogger(__name__)

__all__ = [
    "BundleInfo", "Problem", "TrustedDevices", "UnpackReport", "VerifyReport", "list_signers", "unpack_store",
    "verify_store",
]  # fmt: skip


def list_signers(transport: Transport, identity: pyrage.x25519.Identity) -> VerifyReport:
    """Only who signed each bundle (nothing else in a manifest is parsed): for a refusal to name them."""
    return inspect_store(transport, identity, None, check_chunks=False, signers_only=True)


def verify_store(
    transport: Transport,
    identity: pyrage.x25519.Identity | None,
    trusted_devices: TrustedDevices | None = None,
    state: TaskState | None = None,
) -> VerifyReport:
    """Check every bundle on the store: complete, every chunk's hash, every signature, trusted devices,
    every device's numbering (gaps, numbers used twice, forks), audit histories.

    ``identity`` None runs only the checks that need no key (what the store operator could do); with it,
    a trusted list is required (``TrustedDevices.any_device()`` for an explicit first look).
    """
    report = inspect_store(transport, identity, trusted_devices, check_chunks=True, state=state)
    for p in report.problems:
        logger.warning("store problem: %s (%s)", p.object, p.code)
    return report
