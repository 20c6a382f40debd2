"""``fieldwork record`` when the take's file keeps failing in a way that is no disk's: the command says the take
is kept but not sealed and how to seal it, not "Saved take", and exits non-zero; ``fieldwork recover`` then seals
it with what was recorded.  ``record`` runs in this process (so the take's file opener can be one that fails), on
the real recorder and the virtual microphone; ``recover`` in a process of its own."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fieldwork_app.audio import container
from fieldwork_app.cli.main import main
from fieldwork_app.paths import DataDir
from tests.integration.test_audio_recorder import BrokenFile
from tests.integration.test_cli import add_screened, run
from tests.support.vaults import PASSPHRASE

pytestmark = pytest.mark.audio


def test_a_take_whose_file_keeps_failing_is_said_kept_unsealed_and_recover_seals_it(
    cli_env: DataDir, tmp_path: Path, virtual_mic, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    virtual_mic.use_sine()
    m = add_screened("mother", tmp_path)
    s = run("session", "new", "--participant", m, "--format", "interview", "--location", "clinic").stdout.strip()
    real = container._default_opener
    files: list[BrokenFile] = []

    def opener(path: Path) -> BrokenFile:
        files.append(BrokenFile(real(path), 120_000))  # about a second of audio, then every write fails
        return files[-1]

    monkeypatch.setattr(container, "_default_opener", opener)
    capsys.readouterr()
    assert main(["record", "--session", s, "--seconds", "6", "--consent", "--participant", m]) == 1
    out, err = capsys.readouterr()
    assert files and files[-1].broken
    assert "Saved take" not in out and "Next:" not in out
    said = re.search(r"Kept take 1 \((R-[^)]+)\) unsealed: ([\d.]+) s, 0 overflow\(s\); 'fieldwork recover' seals it "
                     r"\(run it before the next take\)", out)  # fmt: skip
    assert said is not None, out
    assert "saving the audio failed unexpectedly" in err and "RuntimeError" not in err
    monkeypatch.setenv("FIELDWORK_PASSPHRASE", PASSPHRASE)  # the command took it out of the environment
    out = run("recover").stdout  # as the researcher then does, in a process of its own
    assert f"Recovered {s} {said.group(1)}:" in out
    takes = json.loads(run("recording", "list", "--session", s, "--json").stdout)
    assert [t["id"] for t in takes] == [said.group(1)] and takes[0]["duration"] > 0.5
