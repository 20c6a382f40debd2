"""The Argon2id tuner's search, driven by a model of a machine's speed instead of real timing."""

from __future__ import annotations

import pytest

from fieldwork_app.vault import keys
from fieldwork_app.vault.keys import MIN_STRONG_COST, MIN_STRONG_MEMORY_KIB, KdfParams, plan_kdf

MiB = 1024


def machine(seconds_per_gib_pass: float, fixed: float = 0.01, noise: float = 0.0):  # type: ignore[no-untyped-def]
    """A machine on which a derivation costs ``fixed`` plus time proportional to iterations x memory (Argon2
    fills and passes over its memory once per iteration), with a little multiplicative noise per call."""
    calls: list[KdfParams] = []

    def measure(params: KdfParams) -> float:
        calls.append(params)
        wobble = 1 + noise * (1 if len(calls) % 2 else -1)
        return (fixed + seconds_per_gib_pass * params.cost() / (1024 * MiB)) * wobble

    measure.calls = calls  # type: ignore[attr-defined]
    return measure


@pytest.mark.parametrize("speed", [0.3, 0.8, 1.2, 1.6, 2.0, 2.1, 2.4])
def test_lands_within_a_fifth_of_the_target_by_tuning_memory(speed: float) -> None:
    """Where one pass over 256 MiB takes 0.38-0.52 s (this machine: 1.6-2.1 s per GiB), t=2 overshot to
    0.6-0.8 s; the tuner now adjusts memory and lands near 0.5 s."""
    measure = machine(speed, noise=0.03)
    params = plan_kdf(0.5, measure)
    took = 0.01 + speed * params.cost() / (1024 * MiB)
    assert abs(took - 0.5) <= 0.2 * 0.5, (params, took)
    assert params.memory_kib % MiB == 0 and params.memory_kib >= MIN_STRONG_MEMORY_KIB
    assert not keys.is_weak(params) or keys.fast_kdf_allowed()
    assert params.memory_kib * params.iterations >= MIN_STRONG_COST
    assert len(measure.calls) <= keys.TUNE_MEASUREMENTS  # type: ignore[attr-defined]


def test_memory_is_raised_before_iterations() -> None:
    params = plan_kdf(0.5, machine(1.2))  # one pass over 256 MiB is 0.3 s: more memory, still one pass
    assert params.iterations == 1 and params.memory_kib > 256 * MiB
    fast = plan_kdf(0.5, machine(0.3))  # faster: memory at its ceiling, then more passes
    assert fast.memory_kib > keys.TUNE_MAX_MEMORY_KIB * 0.9 and fast.iterations >= 2


def test_never_below_the_strength_floor_on_a_slow_machine() -> None:
    """A machine so slow that even the floor takes longer than the target gets the floor, not less."""
    params = plan_kdf(0.5, machine(8.0))  # the floor's 3 x 64 MiB alone takes 1.5 s
    assert params.memory_kib >= MIN_STRONG_MEMORY_KIB and params.cost() >= MIN_STRONG_COST
    assert params.cost() == MIN_STRONG_COST  # and no more than the floor


def test_lower_memory_when_one_pass_is_already_too_slow() -> None:
    """One pass over 256 MiB at 0.9 s: memory comes down (to about 140 MiB would be 0.5 s), but the floor's
    work (3 x 64 MiB) is kept."""
    params = plan_kdf(0.5, machine(3.6))
    assert params.iterations == 1 and params.memory_kib < 256 * MiB
    assert params.cost() >= MIN_STRONG_COST
