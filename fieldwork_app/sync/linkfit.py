"""Chunk size fitted to the link a store is reached over.

Stores that acknowledge an object only as a whole (a WebDAV or S3 PUT) leave the link idle while each chunk's
answer comes back: about a round trip, more where the link's queue is full.  That idle time is a share of the
chunk's transfer time of ``IDLE_ROUND_TRIPS x round trip x rate / chunk size``; the chunk size is chosen so the
share stays near ``IDLE_SHARE``, within bounds:

* at least ``MIN_CHUNK`` (4 MiB, the former fixed size, and what a fast local link or no measure gets);
* at most ``MAX_CHUNK`` (32 MiB: staging holds a chunk about three times over, as plaintext, ciphertext and the
  buffer it is cut from, and a data manager's unpack decrypts one at a time; the format allows up to 64 MiB);
* at most what the link carries in ``RESEND_SECONDS``, so that the one chunk a cut connection may cost is sent
  again in a few seconds however slow the link is.

The measure comes from the previous sync to the same store (kept in the store's record): the round trip of a
cheap request and the rate at which chunks went up.  Chunk size changes nothing about how a chunk is encrypted,
named or listed in the signed manifest; it is a field of the manifest like before (see docs/bundle-format.md).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

MiB = 1024 * 1024
MIN_CHUNK = 4 * MiB
MAX_CHUNK = 32 * MiB
IDLE_ROUND_TRIPS = 3.0  # the answer's round trip, stretched by the queue the chunk's own data filled
IDLE_SHARE = 0.05
RESEND_SECONDS = 10.0


@dataclass(frozen=True)
class LinkMeasure:
    """What one sync measured: the round trip of a cheap request (s) and the rate chunks went up at (B/s)."""

    rtt_s: float
    rate: float

    def to_dict(self) -> dict[str, float]:
        return {"rtt_s": round(self.rtt_s, 6), "rate": round(self.rate)}

    @classmethod
    def from_dict(cls, raw: Any) -> LinkMeasure | None:
        """A measure kept in a store's record, or None when it is missing or not sound."""
        if not isinstance(raw, dict):
            return None
        rtt, rate = raw.get("rtt_s"), raw.get("rate")
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (rtt, rate)):
            return None
        assert isinstance(rtt, (int, float)) and isinstance(rate, (int, float))
        if not (math.isfinite(rtt) and math.isfinite(rate)) or rtt < 0 or rate <= 0:
            return None
        return cls(float(rtt), float(rate))


def choose_chunk_size(measure: LinkMeasure | None) -> int:
    """The chunk size (whole MiB, ``MIN_CHUNK`` to ``MAX_CHUNK``) for a link measured as ``measure``."""
    if measure is None:
        return MIN_CHUNK
    wanted = IDLE_ROUND_TRIPS * measure.rtt_s * measure.rate / IDLE_SHARE
    ceiling = min(MAX_CHUNK, max(MIN_CHUNK, measure.rate * RESEND_SECONDS))
    size = min(max(wanted, MIN_CHUNK), ceiling)
    return max(MIN_CHUNK, min(MAX_CHUNK, int(size // MiB) * MiB))
