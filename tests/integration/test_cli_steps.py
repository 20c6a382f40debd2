"""The researcher's steps from the command line, on the second study's pack (caring-lives), as a script runs
them: a home visit from its plan to home safe, a distress event, a safeguarding record, identity details,
notes, markers and topic-guide coverage.  Each result is checked through the services on the real vault."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from fieldwork_app.cli.main import main
from fieldwork_app.paths import DataDir
from fieldwork_app.services import audit_log, workspace
from fieldwork_app.services import distress as distress_svc
from fieldwork_app.services import interview as interview_svc
from fieldwork_app.services import lonework as lonework_svc
from fieldwork_app.services import participants as participants_svc
from fieldwork_app.services import recording as recording_svc
from fieldwork_app.services import safeguarding as safeguarding_svc
from fieldwork_app.services import sessions as sessions_svc
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.studypack import example_pack_path, load_pack
from tests.integration.test_cli import assert_one_line_error

SECOND = example_pack_path().parent / "caring-lives"
PASS = "a long enough passphrase"
FW = [sys.executable, "-m", "fieldwork_app"]


def _env(tmp_path: Path) -> dict[str, str]:
    return {"FIELDWORK_DATA_DIR": str(tmp_path / "v"), "FIELDWORK_PASSPHRASE": PASS, "FIELDWORK_USER": "rosa"}


def fw(
    *args: str, env: dict[str, str], stdin: str | None = None, ok: bool = True
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [*FW, *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )
    if ok:
        assert proc.returncode == 0, f"{args}: {proc.stderr}"
    return proc


@contextmanager
def opened(tmp_path: Path) -> Iterator[Workspace]:
    ws = workspace.unlock(DataDir(tmp_path / "v"), "rosa", PASS)
    try:
        yield ws
    finally:
        ws.close()


def _young_carer(tmp_path: Path, env: dict[str, str]) -> str:
    fw("init", "--user", "rosa", env=env)
    fw("pack", "import", str(SECOND), env=env)
    pid = fw("participant", "add", "--group", "young-carer", "--attr", "age_band=18-24", "--attr", "language=en-GB",
             "--attr", "interpreter=no", "--attr", "area=north", env=env).stdout.strip()  # fmt: skip
    screening = tmp_path / "screen.json"
    criteria = load_pack(SECOND).group("young-carer").eligibility
    screening.write_text(json.dumps({c.id: c.eligible_answer for c in criteria}), encoding="utf-8")
    assert fw("participant", "screen", pid, "--answers", str(screening), env=env).stdout.strip() == "eligible"
    return pid


def _local(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M")


def test_a_home_visit_distress_and_safeguarding_by_command_line_alone(tmp_path: Path) -> None:
    env = _env(tmp_path)
    pid = _young_carer(tmp_path, env)
    sid = fw("session", "new", "--participant", pid, "--format", "interview", "--location", "home",
             env=env).stdout.strip()  # fmt: skip
    now = datetime.now()

    # The session's date, then the battery, as the readiness checklist asks.
    start = now - timedelta(minutes=10)
    fw("session", "schedule", sid, "--start", _local(start), "--minutes", "60", env=env)
    fw("session", "battery", sid, "--charged", env=env)

    # The lone-working plan from a file; the address from standard input, never on the command line.
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({
        "buddy_name": "Sam Buddy", "buddy_phone": "07000 000000", "start": _local(start),
        "expected_end": _local(start + timedelta(minutes=60)), "travel_home_minutes": 30,
        "code_word_agreed": True, "risk_assessment_done": True,
    }), encoding="utf-8")  # fmt: skip
    bad = tmp_path / "bad-plan.json"
    bad.write_text(json.dumps({"buddy": "Sam"}), encoding="utf-8")
    assert_one_line_error(
        fw("visit", "plan", sid, "--plan", str(bad), env=env, ok=False), "unknown lone-working plan field(s) buddy"
    )
    out = fw("visit", "plan", sid, "--plan", str(plan), "--address-file", "-", env=env,
             stdin="12 Elm Row, Northtown NT1 1AA\n").stdout  # fmt: skip
    assert "address is sealed" in out

    # Check in: the visit is open and the study's status says so.
    assert "checked in at" in fw("visit", "check-in", sid, env=env).stdout
    status = fw("status", env=env).stdout
    assert f"open home visit: {sid} checked in at" in status and "not checked out" in status
    assert json.loads(fw("status", "--json", env=env).stdout)["open_visits"][0]["phase"] == "in_visit"
    assert_one_line_error(fw("visit", "home-safe", sid, env=env, ok=False), "check out with your buddy first")

    # Notes, markers and the topic guide during the interview.
    fw("note", "add", sid, "--file", "-", "--position", "12.5", env=env, stdin="Talks about school mornings.\n")
    assert fw("marker", "add", sid, "--kind", "quote", "--label", "mornings", "--position", "14", env=env).stdout
    fw("guide", "section", sid, "A", env=env)
    fw("guide", "mark", sid, "A1", "asked", env=env)
    assert_one_line_error(fw("guide", "mark", sid, "A2", "skipped", env=env, ok=False), "needs a reason")
    fw("guide", "mark", sid, "A2", "skipped", "--reason", "covered by A1", env=env)
    coverage = json.loads(fw("guide", "show", sid, "--json", env=env).stdout)
    assert coverage["counts"]["asked"] == 1 and coverage["counts"]["skipped"] == 1

    # A distress event, step by step.
    eid = fw("distress", "open", sid, "--position", "300", "--recording-paused", env=env).stdout.strip()
    assert eid.startswith("D-")
    assert_one_line_error(fw("distress", "sign", eid, "yp-upset", env=env, ok=False), "record the stage before")
    fw("distress", "stage", eid, "1", env=env)
    fw("distress", "sign", eid, "yp-tearful", env=env)
    out = fw("distress", "stage", eid, "2", env=env).stdout
    assert "still asks to record" in out and "signposting_given" in out
    fw("distress", "sign", eid, "yp-upset", env=env)
    fw("distress", "action", eid, "yp-give-list", env=env)
    assert "the young person chose: stop" in fw("distress", "choice", eid, "stop", env=env).stdout
    fw("distress", "signposting", eid, "samaritans", "carers-trust", env=env)
    fw("distress", "contact-consent", eid, "yes", env=env)
    due = (now + timedelta(days=2)).date().isoformat()
    fw("distress", "follow-up", eid, "--due", due, env=env)
    fw("distress", "pi-informed", eid, env=env)
    closed = fw("distress", "close", eid, "ended_early", "--reason", "too upset to go on", env=env)
    assert "closed (ended_early)" in closed.stdout and "closeout" in closed.stdout

    # The safeguarding record from a file on standard input, completed, and linked to the event.
    tpl = json.loads(fw("safeguarding", "template", env=env).stdout)
    assert "account" in tpl and tpl["sharing"] == []
    record = {**tpl, "account": "Said there is no food at home some days.", "category": "excessive-caring",
              "escalated_to": "Designated safeguarding lead", "decision": "Refer to the young carers' service",
              "participant_told": True,
              "sharing": [{"what": "the account", "to_whom": "young carers' service", "when": _local(now),
                           "why": "support at home", "with_consent": True}]}  # fmt: skip
    saved = fw("safeguarding", "record", "--session", sid, "--participant", pid, "--file", "-", "--complete",
               env=env, stdin=json.dumps(record)).stdout  # fmt: skip
    gid = saved.splitlines()[0].strip()
    assert gid.startswith("G-") and "complete" in saved
    fw("distress", "link-safeguarding", eid, gid, env=env)
    assert fw("safeguarding", "list", "--json", env=env).stdout.strip() == "[]"
    assert_one_line_error(fw("safeguarding", "show", gid, env=env, ok=False), "say why you need them")

    # Completing the session with the visit still open warns, and the visit stays open until home safe.
    fw("session", "closeout", sid, "--wellbeing", "settled after the break", env=env)
    done = fw("session", "complete", sid, env=env)
    assert "not checked out with your buddy yet" in done.stderr and f"visit check-out {sid}" in done.stderr
    assert "travelling" in json.dumps(json.loads(fw("visit", "check-out", sid, "--json", env=env).stdout))
    assert "checked out at" in fw("status", env=env).stdout
    assert "the visit is closed" in fw("visit", "home-safe", sid, env=env).stdout
    assert "open home visit" not in fw("status", env=env).stdout

    # Nothing identifying reached the audit log or the status.
    audit = fw("audit", "list", "--json", env=env).stdout
    for secret in ("Elm Row", "no food", "school mornings"):
        assert secret not in audit

    with opened(tmp_path) as ws:
        s = sessions_svc.get(ws, sid)
        assert s.planned_start == _local(start) and s.planned_minutes == 60
        assert sessions_svc.kit_check(ws, sid).battery_ok
        ready = {i.id: i.done for i in sessions_svc.checklist(ws, sid).items}
        assert ready["battery"] and ready["lone_working"] and ready["schedule"]
        assert lonework_svc.plan_for(ws, sid).buddy_name == "Sam Buddy"
        assert sessions_svc.unseal_location(ws, sid, "test")["address"] == "12 Elm Row, Northtown NT1 1AA"
        st = lonework_svc.state(ws, sid)
        assert str(st.phase) == "closed"
        assert [e.kind for e in st.events] == ["check_in", "check_out", "home_safe"]
        (ev,) = distress_svc.events(ws, sid)
        assert ev.id == eid and ev.highest_stage == 2 and ev.outcome == "ended_early"
        assert ev.signs == ("yp-tearful", "yp-upset") and ev.actions == ("yp-give-list",)
        assert ev.choice == "stop" and set(ev.signposting) == {"samaritans", "carers-trust"}
        assert ev.gp_contact_consent is True and ev.follow_up_agreed and ev.pi_informed_at
        assert ev.safeguarding_concern == gid and ev.pauses and ev.pauses[0][1] == 300.0
        assert ev.end_reason == "too upset to go on"
        concern = safeguarding_svc.get(ws, gid, "test")
        assert concern.status == "complete" and concern.body["category"] == "excessive-caring"
        assert concern.sharing[0]["to_whom"] == "young carers' service"
        (note,) = interview_svc.notes(ws, sid)
        assert note.text == "Talks about school mornings." and note.position == 12.5
        assert [(m["kind"], m["label"]) for m in recording_svc.markers(ws, sid) if m["kind"] != "section"] == [
            ("quote", "mornings")
        ]
        states = {q.question_id: q.state for sec in interview_svc.coverage(ws, sid).sections for q in sec.questions}
        assert states["A1"] == "asked" and states["A2"] == "skipped"


def test_identity_details_from_a_file_shown_only_with_a_reason(tmp_path: Path) -> None:
    env = _env(tmp_path)
    pid = _young_carer(tmp_path, env)
    details = {"name": "Jordan Example", "phone": "07111 111111", "postcode": "NT1 1AA"}
    out = fw("participant", "identity", "set", pid, "--file", "-", env=env, stdin=json.dumps(details)).stdout
    assert "(the young person)" in out and "Jordan" not in out
    assert_one_line_error(
        fw("participant", "identity", "set", pid, "--file", "-", env=env, stdin='{"nickname": "J"}', ok=False),
        "unknown identity field(s): nickname",
    )
    # No reason, no terminal to ask one at: refused, nothing shown.
    refused = fw("participant", "identity", "show", pid, env=env, ok=False)
    assert_one_line_error(refused, "say why you need them")
    assert "Jordan" not in refused.stdout + refused.stderr
    # Not in the participant listing, the status or the audit log.
    for cmd in (("participant", "list", "--json"), ("status", "--json"), ("audit", "list", "--json")):
        assert "Jordan" not in fw(*cmd, env=env).stdout
    shown = fw("participant", "identity", "show", pid, "--reason", "arranging the visit", env=env).stdout
    assert "name: Jordan Example" in shown and "phone: 07111 111111" in shown
    as_json = json.loads(
        fw("participant", "identity", "show", pid, "--reason", "checking", "--json", env=env).stdout
    )
    assert as_json == details
    with opened(tmp_path) as ws:
        assert participants_svc.identity_record(ws, pid) is not None
        views = [e.detail["reason"] for e in audit_log.entries(ws, None) if e.action == "identity.view"]
        assert views == ["arranging the visit", "checking"]


def test_session_date_changes_and_bad_input_changes_nothing(tmp_path: Path) -> None:
    env = _env(tmp_path)
    pid = _young_carer(tmp_path, env)
    sid = fw("session", "new", "--participant", pid, "--format", "interview", "--location", "youth-centre",
             "--start", "2030-01-02T10:00", "--minutes", "45", env=env).stdout.strip()  # fmt: skip
    fw("session", "schedule", sid, "--start", "2030-01-09T14:30", env=env)
    assert_one_line_error(
        fw("session", "schedule", sid, "--start", "next tuesday", env=env, ok=False), "YYYY-MM-DDTHH:MM"
    )
    assert_one_line_error(fw("visit", "check-in", sid, env=env, ok=False), "has no lone-working plan")
    with opened(tmp_path) as ws:
        s = sessions_svc.get(ws, sid)
        assert (s.planned_start, s.planned_minutes) == ("2030-01-09T14:30", 45)


def test_steps_in_process_refuse_what_would_leak_and_save_what_they_say(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``main([...])`` in this process (no terminal on standard input): nothing identifying is asked for at a
    prompt that cannot be answered, nothing is shown without a reason, bad files change nothing."""
    secret = tmp_path / "pass"
    secret.write_text(PASS, encoding="utf-8")
    secret.chmod(0o600)
    monkeypatch.setenv("FIELDWORK_DATA_DIR", str(tmp_path / "v"))
    monkeypatch.setenv("FIELDWORK_USER", "rosa")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))

    def cli(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--passphrase-file", str(secret), *args])
        out, err = capsys.readouterr()
        return code, out, err

    assert cli("init", "--user", "rosa", "--new-passphrase-file", str(secret))[0] == 0
    assert cli("pack", "import", str(SECOND))[0] == 0
    code, pid, _ = cli("participant", "add", "--group", "young-carer", "--attr", "age_band=18-24",
                       "--attr", "language=en-GB", "--attr", "interpreter=no", "--attr", "area=north")  # fmt: skip
    pid = pid.strip()
    screening = tmp_path / "screen.json"
    criteria = load_pack(SECOND).group("young-carer").eligibility
    screening.write_text(json.dumps({c.id: c.eligible_answer for c in criteria}), encoding="utf-8")
    assert cli("participant", "screen", pid, "--answers", str(screening))[0] == 0
    start = datetime.now() + timedelta(days=1)
    sid = cli("session", "new", "--participant", pid, "--format", "interview", "--location", "home",
              "--start", _local(start), "--minutes", "60")[1].strip()  # fmt: skip

    assert cli("session", "battery", sid, "--no-charged")[1].strip().endswith("battery not charged")

    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"buddy_name": "Sam", "travel_home_minutes": "30"}), encoding="utf-8")
    code, _, err = cli("visit", "plan", sid, "--plan", str(plan))
    assert code == 1 and "'travel_home_minutes' must be a whole number" in err
    plan.write_text(json.dumps({"buddy_name": "Sam", "buddy_phone": "0700", "start": _local(start),
                                "expected_end": _local(start + timedelta(hours=1)), "travel_home_minutes": 20,
                                "code_word_agreed": True, "risk_assessment_done": True}), encoding="utf-8")  # fmt: skip
    code, _, err = cli("visit", "plan", sid, "--plan", str(plan), "--ask-address")
    assert code == 1 and "run in a terminal" in err
    address = tmp_path / "address.txt"
    address.write_text("3 Quarry Lane\n", encoding="utf-8")
    assert cli("visit", "plan", sid, "--plan", str(plan), "--address-file", str(address))[0] == 0
    code, out, err = cli("visit", "address", sid)
    assert code == 1 and "Quarry" not in out + err and "--reason" in err
    assert cli("visit", "address", sid, "--reason", "buddy asked")[1].strip() == "3 Quarry Lane"
    code, out, _ = cli("visit", "show", sid, "--json")
    assert json.loads(out)["phase"] == "before"

    code, _, err = cli("note", "add", sid)
    assert code == 1 and "run in a terminal" in err
    note = tmp_path / "note.txt"
    note.write_text("Quiet street, parked nearby.", encoding="utf-8")
    assert cli("note", "add", sid, "--file", str(note), "--kind", "field_note")[0] == 0
    assert [n["kind"] for n in json.loads(cli("note", "list", sid, "--json")[1])] == ["field_note"]
    assert cli("marker", "add", sid, "--kind", "important", "--position", "3")[0] == 0
    assert [m["kind"] for m in json.loads(cli("marker", "list", sid, "--json")[1])] == ["important"]

    partial = tmp_path / "record.json"
    partial.write_text(json.dumps({"account": "An account.", "category": "parent-harm"}), encoding="utf-8")
    code, out, err = cli("safeguarding", "record", "--session", sid, "--participant", pid, "--file", str(partial),
                         "--complete")  # fmt: skip
    gid = out.splitlines()[0]
    assert code == 1 and "escalated to, decision" in err
    assert [r["id"] for r in json.loads(cli("safeguarding", "list", "--json")[1])] == [gid]
    code, out, err = cli("safeguarding", "show", gid)
    assert code == 1 and "An account" not in out + err
    assert json.loads(cli("safeguarding", "show", gid, "--reason", "handover")[1])["body"]["account"] == "An account."
    partial.write_text(json.dumps({"category": "no-such"}), encoding="utf-8")
    code, _, err = cli("safeguarding", "record", "--session", sid, "--participant", pid, "--file", str(partial),
                       "--concern", gid)  # fmt: skip
    assert code == 1 and "unknown risk category 'no-such'" in err
    partial.write_text(json.dumps({"escalated_to": "Lead", "decision": "Monitor"}), encoding="utf-8")
    code, out, _ = cli("safeguarding", "record", "--session", sid, "--participant", pid, "--file", str(partial),
                       "--concern", gid, "--complete")  # fmt: skip
    assert code == 0 and "complete" in out
    partial.write_text(json.dumps({"present": "Someone else"}), encoding="utf-8")
    code, _, err = cli("safeguarding", "record", "--session", sid, "--participant", "M-999", "--file", str(partial),
                       "--concern", gid)  # fmt: skip
    assert code == 1 and "complete: whom it is about can no longer be changed" in err  # and nothing changed
    assert cli("distress", "show", sid, "--json")[1].strip() == "[]"

    with opened(tmp_path) as ws:
        assert sessions_svc.kit_check(ws, sid).battery_ok is False
        ready = {i.id: i.done for i in sessions_svc.checklist(ws, sid).items}
        assert not ready["battery"] and ready["lone_working"]
        assert lonework_svc.plan_for(ws, sid).travel_home_minutes == 20
        concern = safeguarding_svc.get(ws, gid, "test")
        assert concern.status == "complete" and concern.body["category"] == "parent-harm"
        assert concern.participant_id == pid and "present" not in concern.body
        unseals = [e.detail["reason"] for e in audit_log.entries(ws, sid) if e.action == "location.unseal"]
        assert unseals == ["buddy asked"]


def test_completing_a_session_whose_visit_plan_has_no_times_is_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "pass"
    secret.write_text(PASS, encoding="utf-8")
    secret.chmod(0o600)
    monkeypatch.setenv("FIELDWORK_DATA_DIR", str(tmp_path / "v"))
    monkeypatch.setenv("FIELDWORK_USER", "rosa")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))

    def cli(*args: str) -> int:
        return main(["--passphrase-file", str(secret), *args])

    assert cli("init", "--user", "rosa", "--new-passphrase-file", str(secret)) == 0
    assert cli("pack", "import", str(SECOND)) == 0
    capsys.readouterr()
    assert cli("participant", "add", "--group", "staff", "--attr", "area=north") == 0
    pid = capsys.readouterr().out.strip()
    screening = tmp_path / "screen.json"
    criteria = load_pack(SECOND).group("staff").eligibility
    screening.write_text(json.dumps({c.id: c.eligible_answer for c in criteria}), encoding="utf-8")
    assert cli("participant", "screen", pid, "--answers", str(screening)) == 0
    capsys.readouterr()
    assert cli("session", "new", "--participant", pid, "--format", "interview", "--location", "school") == 0
    sid = capsys.readouterr().out.strip()
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"buddy_name": "Sam"}), encoding="utf-8")
    assert cli("visit", "plan", sid, "--plan", str(plan)) == 0
    assert cli("session", "closeout", sid, "--wellbeing", "fine") == 0
    capsys.readouterr()
    assert cli("session", "complete", sid) == 0
    out, err = capsys.readouterr()
    assert "completed" in out and "home visit" not in err
    with opened(tmp_path) as ws:
        assert str(sessions_svc.get(ws, sid).status) == "completed"
