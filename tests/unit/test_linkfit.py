"""The chunk size fitted to a measured link: idle round trips a small share of each chunk's transfer, within
the bounds (4-32 MiB, and no more than a few seconds of the link's data re-sent after a cut)."""

from __future__ import annotations

import math

import pytest

from fieldwork_app.sync.linkfit import (
    IDLE_ROUND_TRIPS,
    MAX_CHUNK,
    MIN_CHUNK,
    RESEND_SECONDS,
    LinkMeasure,
    MiB,
    choose_chunk_size,
)

Mbit = 1_000_000 / 8


def test_no_measure_and_a_local_link_keep_four_mib() -> None:
    assert choose_chunk_size(None) == MIN_CHUNK == 4 * MiB
    assert choose_chunk_size(LinkMeasure(0.0003, 100 * MiB)) == MIN_CHUNK  # loopback: round trips cost nothing


@pytest.mark.parametrize(
    ("rtt", "rate", "expected_mib"),
    [
        (0.040, 46 * Mbit, 13),  # home broadband: 40 ms / 50 Mbit/s (46 Mbit/s of TCP goodput)
        (0.020, 166 * Mbit, 23),  # campus: 20 ms / 200 Mbit/s
        (0.060, 9.5 * Mbit, 4),  # a phone's uplink: 60 ms / 10 Mbit/s (round trips already a small share)
        (0.300, 8 * Mbit, 9),  # a satellite link: capped by the re-send bound (10 s of the link's data)
        (0.250, 400 * Mbit, 32),  # far and fast: the upper bound
    ],
)
def test_links_get_chunks_to_their_bandwidth_delay_product(rtt: float, rate: float, expected_mib: int) -> None:
    size = choose_chunk_size(LinkMeasure(rtt, rate))
    assert size == expected_mib * MiB
    assert size % MiB == 0 and MIN_CHUNK <= size <= MAX_CHUNK
    assert size <= max(MIN_CHUNK, rate * RESEND_SECONDS)  # one chunk re-sent takes at most a few seconds
    if size < MAX_CHUNK and size < rate * RESEND_SECONDS - MiB:
        # the idle round trips per chunk are about 5 % of its transfer time
        share = IDLE_ROUND_TRIPS * rtt / (size / rate)
        assert 0.045 <= share <= 0.06


def test_a_store_whose_chunks_are_read_back_keeps_four_mib() -> None:
    """Its read-back of the last chunk trails the upload by a whole chunk: larger chunks lengthen that tail."""
    assert choose_chunk_size(LinkMeasure(0.04, 46 * Mbit, read_back=True)) == MIN_CHUNK
    kept = LinkMeasure.from_dict(LinkMeasure(0.04, 46 * Mbit, read_back=True).to_dict())
    assert kept is not None and kept.read_back
    assert LinkMeasure.from_dict({"rtt_s": 0.04, "rate": 1e6, "read_back": "yes"}) == LinkMeasure(0.04, 1e6)


def test_the_size_grows_with_the_round_trip_and_the_rate() -> None:
    sizes = [choose_chunk_size(LinkMeasure(rtt, 25 * MiB)) for rtt in (0.001, 0.005, 0.01, 0.02, 0.04)]
    assert sizes == sorted(sizes) and sizes[0] == MIN_CHUNK and sizes[-1] == MAX_CHUNK
    sizes = [choose_chunk_size(LinkMeasure(0.04, r * Mbit)) for r in (2, 10, 50, 100, 1000)]
    assert sizes == sorted(sizes) and sizes[0] == MIN_CHUNK and sizes[-1] == MAX_CHUNK


@pytest.mark.parametrize(
    "raw",
    [None, "fast", {}, {"rtt_s": 0.04}, {"rtt_s": "0.04", "rate": 1e6}, {"rtt_s": -1, "rate": 1e6},
     {"rtt_s": 0.04, "rate": 0}, {"rtt_s": math.inf, "rate": 1e6}, {"rtt_s": 0.04, "rate": math.nan},
     {"rtt_s": True, "rate": 1e6}],
)  # fmt: skip
def test_a_kept_measure_that_is_not_sound_is_no_measure(raw: object) -> None:
    assert LinkMeasure.from_dict(raw) is None


def test_a_kept_measure_reads_back() -> None:
    measure = LinkMeasure(0.0401234567, 5_750_000.4)
    again = LinkMeasure.from_dict(measure.to_dict())
    assert again is not None and abs(again.rtt_s - measure.rtt_s) < 1e-6 and abs(again.rate - measure.rate) < 1
