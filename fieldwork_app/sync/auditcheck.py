"""Store-side checks of the audit history that bundles carry (docs/bundle-format.md, "Audit history").

Each laptop keeps one hash chain: entry *n*'s hash covers entry *n-1*'s hash and entry *n*'s content.
A bundle carries its session's entries (identity and safeguarding entries only as ``seq``, ``prev_hash``
and ``hash``) and the chain's head (``audit_head``, ``audit_seq``) when it was made, all under the
device's signature.  From these the data manager can see:

* an entry whose content was changed (its hash no longer matches);
* entries that do not link (``prev_hash`` of *n+1* is not the hash of *n*);
* a history rewritten between two bundles (the same ``seq`` with two different hashes);
* a history cut short (a later bundle's head is older than an earlier bundle's).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fieldwork_app.vault.audit import check_entry

Report = Callable[[str, str, str], None]  # (bundle id, code, message)


def check_bundle_audit(bundle_id: str, body: dict[str, Any], report: Report) -> None:
    """Entries of one bundle: each well formed, its hash right, in order, linked where consecutive."""
    entries = body.get("audit")
    head_seq = body.get("audit_seq")
    if not isinstance(entries, list):
        report(bundle_id, "bad-audit", "the bundle's audit history is not a list")
        return
    previous: dict[str, Any] | None = None
    for e in entries:
        if not isinstance(e, dict) or not isinstance(e.get("seq"), int) or not isinstance(e.get("hash"), str):
            report(bundle_id, "bad-audit", "an audit entry has no sequence number or hash")
            return
        seq = e["seq"]
        if not e.get("withheld") and not check_entry(e):
            report(bundle_id, "altered-audit", f"audit entry {seq} does not match its hash (it was changed)")
        if previous is not None:
            if seq <= previous["seq"]:
                report(bundle_id, "bad-audit", f"audit entry {seq} comes after entry {previous['seq']}")
            elif seq == previous["seq"] + 1 and e.get("prev_hash") != previous["hash"]:
                report(bundle_id, "broken-audit", f"audit entry {seq} does not link to entry {seq - 1}")
        if isinstance(head_seq, int) and seq > head_seq:
            report(bundle_id, "bad-audit", f"audit entry {seq} is newer than the bundle's head ({head_seq})")
        if seq == head_seq and e["hash"] != body.get("audit_head"):
            report(bundle_id, "broken-audit", f"audit entry {seq} is the head but its hash is not audit_head")
        previous = e


def check_device_histories(bodies: list[tuple[str, dict[str, Any]]], report: Report) -> None:
    """Across one store: per device, one hash per sequence number, and heads that never go back."""
    by_device: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for bundle_id, body in bodies:
        device = body.get("device")
        fingerprint = device.get("fingerprint") if isinstance(device, dict) else None
        if isinstance(fingerprint, str):
            by_device.setdefault(fingerprint, []).append((bundle_id, body))
    for fingerprint, items in by_device.items():
        _one_hash_per_seq(fingerprint, items, report)
        for sequence in sorted(
            {str(body.get("sequence")) for _, body in items}
        ):  # numbers compare within one
            _heads_never_go_back(
                fingerprint, [i for i in items if str(i[1].get("sequence")) == sequence], report
            )


def _one_hash_per_seq(fingerprint: str, items: list[tuple[str, dict[str, Any]]], report: Report) -> None:
    seen: dict[int, tuple[str, str]] = {}  # seq -> (hash, the bundle that carried it first)
    for bundle_id, body in items:
        pairs = [(e.get("seq"), e.get("hash")) for e in body.get("audit") or [] if isinstance(e, dict)]
        pairs.append((body.get("audit_seq"), body.get("audit_head")))
        for seq, digest in pairs:
            if not isinstance(seq, int) or not isinstance(digest, str) or seq <= 0:
                continue
            known = seen.setdefault(seq, (digest, bundle_id))
            if known[0] != digest and known[1] != bundle_id:  # within one bundle: check_bundle_audit's part
                report(
                    bundle_id,
                    "rewritten-audit",
                    f"audit entry {seq} of device {fingerprint} differs from the one in bundle {known[1]}: "
                    "the laptop's history was changed between the two bundles",
                )


def _heads_never_go_back(fingerprint: str, items: list[tuple[str, dict[str, Any]]], report: Report) -> None:
    """A bundle made after another must not carry a shorter history.  Numbered bundles are ordered by their
    signed number (after every unnumbered one); unnumbered ones, made before numbering, by their time, and
    those made within the same time stamp are not compared: their order is not known."""

    def when(item: tuple[str, dict[str, Any]]) -> tuple[int, int, str]:
        seq = item[1].get("device_seq")
        if isinstance(seq, int) and not isinstance(seq, bool):
            return (1, seq, "")
        return (0, 0, str(item[1].get("created_at") or ""))

    latest: tuple[int, str, tuple[int, int, str]] | None = (
        None  # the longest history so far, its bundle, when
    )
    for bundle_id, body in sorted(items, key=lambda item: (when(item), item[1].get("audit_seq") or 0)):
        head_seq = body.get("audit_seq")
        if not isinstance(head_seq, int):
            continue
        if latest is not None and head_seq < latest[0] and when((bundle_id, body)) > latest[2]:
            report(
                bundle_id,
                "truncated-audit",
                f"the audit history of device {fingerprint} is shorter in this bundle ({head_seq} entries) "
                f"than in the earlier bundle {latest[1]} ({latest[0]}): entries were removed from the laptop",
            )
        elif latest is None or head_seq >= latest[0]:
            latest = (head_seq, bundle_id, when((bundle_id, body)))
