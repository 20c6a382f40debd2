"""Whom a distress event of a joint interview concerns, from the command line: ``distress open`` prints the id alone
and says on standard error how to name the participant; ``distress participant`` names one of the session's
participants or the session as a whole, a participant of another session is refused and changes nothing; ``open
--participant`` says it as the event opens; ``show`` says it; a session of one participant is never asked."""

from __future__ import annotations

import json
from pathlib import Path

from fieldwork_app.paths import DataDir
from fieldwork_app.services import distress as distress_svc
from fieldwork_app.services import workspace
from tests.integration.test_cli import assert_one_line_error, run
from tests.integration.test_cli_format2 import _cli_study, _screened


def test_whom_a_joint_interviews_distress_concerns_by_command_line(tmp_path: Path) -> None:
    env, attrs = _cli_study(tmp_path)
    yc = _screened(tmp_path, env, "young-carer", "--attr", "age_band=18-24", *attrs)
    pa = _screened(tmp_path, env, "parent", "--linked-to", yc, *attrs)
    other = _screened(tmp_path, env, "young-carer", "--attr", "age_band=18-24", *attrs)
    sid = run("session", "new", "--participant", yc, "--participant", pa, "--format", "joint-interview",
              "--location", "home", env=env).stdout.strip()  # fmt: skip

    opened = run("distress", "open", sid, "--position", "61", env=env)
    eid = opened.stdout.strip()
    assert eid.startswith("D-") and len(opened.stdout.splitlines()) == 1  # the id alone, for scripts
    assert "This session has 2 participants" in opened.stderr
    assert f"fieldwork distress participant {eid} --participant ID" in opened.stderr
    shown = run("distress", "show", eid, env=env).stdout
    assert "whom it concerns is not said" in shown

    no_choice = run("distress", "participant", eid, env=env, ok=False)
    assert no_choice.returncode != 0 and "--participant" in no_choice.stderr and "--whole-session" in no_choice.stderr
    assert_one_line_error(
        run("distress", "participant", eid, "--participant", other, env=env, ok=False),
        f"'{other}' is not a participant of session {sid}",
    )
    out = run("distress", "participant", eid, "--participant", pa, "--position", "75", env=env).stdout
    assert f"  concerns: {pa}" in out
    assert f"{pa} chose: pause" in run("distress", "choice", eid, "pause", env=env).stdout
    out = run("distress", "participant", eid, "--whole-session", env=env).stdout
    assert "  concerns: the session as a whole" in out
    run("distress", "close", eid, "resumed", env=env)

    second = run("distress", "open", sid, "--participant", yc, env=env)
    eid2 = second.stdout.strip()
    assert "This session has" not in second.stderr  # said as it opened: nothing to ask
    events = {e["id"]: e for e in json.loads(run("distress", "show", sid, "--json", env=env).stdout)}
    assert events[eid]["participant_id"] is None and events[eid]["whole_session"] is True
    assert events[eid2]["participant_id"] == yc and events[eid2]["whole_session"] is False

    alone = run("session", "new", "--participant", other, "--format", "interview", "--location", "home",
                env=env).stdout.strip()  # fmt: skip
    solo = run("distress", "open", alone, env=env)
    assert solo.stderr.strip() == ""  # one participant: no one to choose
    assert "concern" not in run("distress", "show", alone, env=env).stdout

    ws = workspace.unlock(DataDir(tmp_path / "v"), "rosa", "a long enough passphrase")
    try:
        first = distress_svc.get(ws, eid)
        whom = [(s.get("participant"), s.get("position")) for s in first.steps if s["kind"] == "participant"]
        assert whom == [(pa, 75.0), (None, None)]
        assert distress_svc.get(ws, eid2).participant_id == yc
    finally:
        ws.close()
