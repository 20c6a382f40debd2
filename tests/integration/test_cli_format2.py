"""The ``fieldwork`` command with a format-2 pack: attributes, venues and joint interviews, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

from fieldwork_app.studypack import example_pack_path, load_pack
from tests.integration.test_cli import assert_one_line_error, run

SECOND = example_pack_path().parent / "caring-lives"


def test_format2_pack_from_the_command_line(tmp_path: Path) -> None:
    env = {"FIELDWORK_DATA_DIR": str(tmp_path / "v"), "FIELDWORK_PASSPHRASE": "a long enough passphrase",
           "FIELDWORK_USER": "rosa"}  # fmt: skip
    assert run("pack", "validate", str(SECOND), env=env).returncode == 0
    run("init", "--user", "rosa", env=env)
    run("pack", "import", str(SECOND), env=env)
    yc = run(
        "participant", "add", "--group", "young-carer", "--attr", "age_band=16-17", "--attr", "area=north",
        env=env,
    ).stdout.strip()  # fmt: skip
    assert yc == "YC-001"
    shown = json.loads(run("participant", "attributes", yc, "--json", env=env).stdout)
    assert shown["attributes"] == {"age_band": "16-17", "area": "north"}
    assert shown["missing"] == ["language", "interpreter"]
    run("participant", "attributes", yc, "--set", "language=pl", "--set", "interpreter=no", env=env)
    assert json.loads(run("participant", "attributes", yc, "--json", env=env).stdout)["missing"] == []
    bad = run("participant", "attributes", yc, "--set", "age_band=12", env=env, ok=False)
    assert_one_line_error(bad, "'12' is not a value of 'age_band' (one of: 16-17, 18-24)")
    assert_one_line_error(
        run("participant", "add", "--group", "parent", env=env, ok=False), "linked to a participant of group"
    )
    pa = run("participant", "add", "--group", "parent", "--linked-to", yc, env=env).stdout.strip()
    for pid, group in ((yc, "young-carer"), (pa, "parent")):
        answers = tmp_path / f"{pid}.json"
        criteria = load_pack(SECOND).group(group).eligibility
        answers.write_text(json.dumps({c.id: c.eligible_answer for c in criteria}), encoding="utf-8")
        assert run("participant", "screen", pid, "--answers", str(answers), env=env).stdout.strip() == "eligible"
    sid = run(
        "session", "new", "--participant", yc, "--participant", pa, "--format", "joint-interview",
        "--location", "home", env=env,
    ).stdout.strip()  # fmt: skip
    assert sid == "S-0001"
    s2 = run("session", "new", "--participant", yc, "--format", "interview", "--location", "youth-centre", env=env)
    assert s2.stdout.strip() == "S-0002"
    assert_one_line_error(
        run("session", "new", "--participant", yc, "--format", "interview", "--location", "school", env=env,
            ok=False),
        "cannot be held at 'school'",
    )  # fmt: skip
