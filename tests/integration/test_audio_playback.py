"""Playback decrypts on the fly from a position: a take played into the virtual sink comes back through
its monitor matching the take's own samples from that position on."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from fieldwork_app.audio import Recorder, export, iter_samples, play
from tests.integration.test_audio_recorder import KEY
from tests.support.pulse import VirtualMic, ncc_peak

pytestmark = pytest.mark.audio


def test_play_from_a_position_into_the_sink(
    virtual_mic: VirtualMic, tmp_path: Path, speech_wav: Path
) -> None:  # noqa: F811
    virtual_mic.use_monitor()
    try:
        first = Recorder(tmp_path / "a.fwa", KEY, recording_id="R-play-a", device=virtual_mic.device)
        first.start()
        time.sleep(0.3)
        virtual_mic.play_into(speech_wav).wait(30)
        time.sleep(0.5)
        take = first.stop()
        original = np.concatenate([b[:, 0] if b.ndim == 2 else b for b in iter_samples(take.path, KEY)])
        start = 1.0
        # Listen on the monitor while the take is played back (decrypted in memory) into the sink.
        second = Recorder(tmp_path / "b.fwa", KEY, recording_id="R-play-b", device=virtual_mic.device)
        second.start()
        time.sleep(0.3)
        played: list[float] = []
        player = threading.Thread(target=lambda: played.append(play(take.path, KEY, start_seconds=start)))
        player.start()
        player.join(60)
        time.sleep(0.5)
        heard = second.stop()
    finally:
        virtual_mic.use_sine()
    assert played and abs(played[0] - (take.duration_seconds - start)) < 0.1
    out = tmp_path / "b.wav"
    export([(heard.path, KEY)], out)
    got, _ = sf.read(out, dtype="float64")
    tail = original[int(start * take.samplerate) :].astype(np.float64) / 32768.0
    # The monitor of an idle sink only starts delivering a moment after audio flows, so match a stretch
    # from the middle of what was played rather than its very beginning.
    rate = take.samplerate
    probe = tail[int(1.5 * rate) : int(3.5 * rate)]
    assert np.abs(probe).max() > 0.01, "the part played back should not be silence"
    peak, _lag = ncc_peak(got, probe)
    assert peak > 0.8, peak
    # What was before the start position was not played: the first second does not appear as such.
    head = original[: int(start * take.samplerate)].astype(np.float64) / 32768.0
    if np.abs(head).max() > 0.01:
        assert ncc_peak(got, head)[0] < peak
