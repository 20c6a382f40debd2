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

A store whose objects are verified by reading them back (a WebDAV server without content hashes) keeps
``MIN_CHUNK``: the read-back of the last chunk trails the upload by a whole chunk, which a larger chunk makes
longer by as much as it saves in answers waited for.  Measured with each chunk read back as soon as it is in
place: 8 MiB chunks reached 0.82x of the best tool at 40 ms / 50 Mbit/s and 0.74x at 20 ms / 200 Mbit/s,
4 MiB ones 0.84x and 0.73x.

The measure comes from the previous sync to the same store (kept in the store's record): the round trip of a
cheap request, the rate at which chunks went up, and whether the chunks were read back.  Chunk size changes
nothing about how a chunk is encrypted, named or listed in the signed manifest; it is a field of the manifest
like before (see docs/bundle-format.md).
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
    read_back: bool = False  # the store's objects were verified by reading them back

    def to_dict(self) -> dict[str, float | bool]:
        return {"rtt_s": round(self.rtt_s, 6), "rate": round(self.rate), "read_back": self.read_back}

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
        return cls(float(rtt), float(rate), raw.get("read_back") is True)


def choose_chunk_size(measure: LinkMeasure | None) -> int:
    """The chunk size (whole MiB, ``MIN_CHUNK`` to ``MAX_CHUNK``) for a link measured as ``measure``."""
    if measure is None or measure.read_back:
        return MIN_CHUNK
    wanted = IDLE_ROUND_TRIPS * measure.rtt_s * measure.rate / IDLE_SHARE
    ceiling = min(MAX_CHUNK, max(MIN_CHUNK, measure.rate * RESEND_SECONDS))
    size = min(max(wanted, MIN_CHUNK), ceiling)
    return max(MIN_CHUNK, min(MAX_CHUNK, int(size // MiB) * MiB))
