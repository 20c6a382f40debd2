"""The ``fieldwork`` command, run as a user runs it: a real process, a real vault."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldwork_app.paths import DataDir
from tests.support.people import answers_file, eligible_answers_file
from tests.support.vaults import PASSPHRASE

FW = [sys.executable, "-m", "fieldwork_app"]


def run(*args: str, env: dict[str, str] | None = None, ok: bool = True) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run([*FW, *args], capture_output=True, text=True, env=full_env, timeout=120)
    if ok:
        assert proc.returncode == 0, f"{args}: {proc.stderr}"
    return proc


def add_screened(group: str, folder: Path, *extra: str) -> str:
    """``participant add`` then ``participant screen`` with answers that make the participant eligible."""
    pid = run("participant", "add", "--group", group, *extra).stdout.strip()
    assert run(
        "participant", "screen", pid, "--answers", str(eligible_answers_file(folder, group))
    ).stdout.strip() == ("eligible")
    return pid


def snapshot(dd: DataDir) -> dict[str, bytes]:
    return {str(p.relative_to(dd.root)): p.read_bytes() for p in dd.root.rglob("*") if p.is_file()}


def assert_one_line_error(proc: subprocess.CompletedProcess[str], needle: str) -> None:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert any(needle in ln for ln in lines), proc.stderr
    assert len(lines) <= 2, proc.stderr


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("fieldwork ")
    assert "participant" in run("--help").stdout


def test_init_prints_recovery_key_once_and_refuses_second_init(tmp_path: Path) -> None:
    env = {"FIELDWORK_DATA_DIR": str(tmp_path / "v"), "FIELDWORK_PASSPHRASE": "a long enough passphrase"}
    out = run("init", "--user", "rosa", env=env).stdout
    assert "RECOVERY KEY" in out
    assert_one_line_error(run("init", "--user", "rosa", env=env, ok=False), "already exists")
    status = json.loads(run("status", "--json", env=env).stdout)
    assert status["user"] == "rosa" and status["study"] is None


def test_full_foundation_flow(cli_env: DataDir, tmp_path: Path) -> None:
    m = run("participant", "add", "--group", "mother").stdout.strip()
    assert m == "M-001"
    status = json.loads(run("status", "--json").stdout)
    assert status["participants"]["mother"] == {"not_screened": 1}  # added, not yet screened
    assert run(
        "participant", "screen", m, "--answers", str(eligible_answers_file(tmp_path, "mother"))
    ).stdout.strip() == ("eligible")
    f = run("participant", "add", "--group", "family", "--linked-to", m).stdout.strip()
    assert f == "F-001"
    p = run("participant", "add", "--group", "practitioner").stdout.strip()
    assert p == "P-001"
    listing = json.loads(run("participant", "list", "--json").stdout)
    assert {x["id"] for x in listing} == {"M-001", "F-001", "P-001"}
    s = run("session", "new", "--participant", m, "--format", "interview").stdout.strip()
    assert s.startswith("S-")
    tpl = json.loads(run("consent", "template", "--session", s, "--participant", m).stdout)
    assert tpl["answers"] and all(v is None for v in tpl["answers"].values())
    assert (tpl["form"], tpl["version"], tpl["session"], tpl["participant"]) == (
        "consent-mother-interview",
        "1.1",
        s,
        m,
    )
    answers = answers_file(tmp_path, tpl, {k: True for k in tpl["answers"]})
    out = run(
        "consent", "record", "--session", s, "--participant", m, "--mode", "paper", "--answers", str(answers)
    )
    assert "recording permitted" in out.stdout
    status = json.loads(run("status", "--json").stdout)
    assert status["participants"]["mother"] == {"consented": 1}
    assert status["audit"]["ok"]
    assert "intact" in run("audit", "verify").stdout
    packs = json.loads(run("pack", "list", "--json").stdout)
    assert any(d["status"] == "superseded" for d in packs["documents"])


def test_consent_refusals_change_nothing(cli_env: DataDir, tmp_path: Path) -> None:
    m = add_screened("mother", tmp_path)
    s = run("session", "new", "--participant", m, "--format", "interview").stdout.strip()
    tpl = json.loads(run("consent", "template", "--session", s, "--participant", m).stdout)
    answers = {k: True for k in tpl["answers"]}
    recording_id = next(iter(tpl["answers"]))
    answers["3"] = False  # the recording statement of the mothers' form
    bad = answers_file(tmp_path, tpl, answers, "bad")
    before = json.loads(run("status", "--json").stdout)["participants"]

    def record_paper() -> subprocess.CompletedProcess[str]:
        args = ("--session", s, "--participant", m, "--mode", "paper", "--answers", str(bad))
        return run("consent", "record", *args, ok=False)

    assert_one_line_error(record_paper(), "not affirmed")
    assert json.loads(run("status", "--json").stdout)["participants"] == before
    bad.write_text(json.dumps({**tpl, "answers": {**{k: True for k in tpl["answers"]}, "nonsense": True}}))
    assert_one_line_error(record_paper(), "unknown statement")
    bad.write_text("{ not json")
    assert_one_line_error(record_paper(), "not valid JSON")
    assert recording_id


def test_errors_are_one_line_and_change_nothing(cli_env: DataDir, tmp_path: Path) -> None:
    state_before = json.loads(run("status", "--json").stdout)
    actions_before = [e["action"] for e in json.loads(run("audit", "list", "--json").stdout)]
    before = snapshot(cli_env)
    assert_one_line_error(
        run("status", env={"FIELDWORK_PASSPHRASE": "not it at all"}, ok=False), "wrong passphrase"
    )
    assert snapshot(cli_env) == {
        **before,
        **{k: v for k, v in snapshot(cli_env).items() if k.startswith("logs/")},
    }
    assert_one_line_error(run("participant", "add", "--group", "nobody", ok=False), "nobody")
    assert_one_line_error(
        run("session", "new", "--participant", "M-999", "--format", "interview", ok=False), "M-999"
    )
    assert_one_line_error(run("frobnicate", ok=False), "invalid choice")
    assert_one_line_error(
        run("status", env={"FIELDWORK_DATA_DIR": str(tmp_path / "none")}, ok=False), "no vault"
    )
    state_after = json.loads(run("status", "--json").stdout)
    for key in ("participants", "sessions", "study", "tasks_due"):
        assert state_after[key] == state_before[key]
    actions_after = [e["action"] for e in json.loads(run("audit", "list", "--json").stdout)]
    added = actions_after[len(actions_before) :]
    # Refused commands leave nothing but the audited unlocks that preceded them.
    assert actions_after[: len(actions_before)] == actions_before
    assert set(added) <= {"vault.unlock"}, added


def test_pack_validate_reports_located_errors(tmp_path: Path) -> None:
    from fieldwork_app.paths import example_pack_dir

    assert run("pack", "validate", str(example_pack_dir())).returncode == 0
    import shutil

    bad = tmp_path / "pack"
    shutil.copytree(example_pack_dir(), bad)
    text = (bad / "pack.yaml").read_text()
    (bad / "pack.yaml").write_text(text.replace("iras_id:", "iras_idd:", 1))
    proc = run("pack", "validate", str(bad), ok=False)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "pack.yaml:" in proc.stderr


def test_bad_pack_import_imports_nothing(cli_env: DataDir, tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text("pack_format: 1\nid: broken\n")
    before = json.loads(run("pack", "list", "--json").stdout)
    proc = run("pack", "import", str(tmp_path), ok=False)
    assert proc.returncode == 1 and "nothing was imported" in proc.stderr and "Traceback" not in proc.stderr
    assert json.loads(run("pack", "list", "--json").stdout) == before


def test_users_passphrase_change_and_recovery(cli_env: DataDir, tmp_path: Path, recovery_key: str) -> None:
    run(
        "user",
        "add",
        "bea",
        "--role",
        "research_assistant",
        env={"FIELDWORK_NEW_PASSPHRASE": "beas passphrase"},
    )
    assert (
        "bea"
        in run(
            "status", "--json", env={"FIELDWORK_USER": "bea", "FIELDWORK_PASSPHRASE": "beas passphrase"}
        ).stdout
    )
    run("passphrase", "change", env={"FIELDWORK_NEW_PASSPHRASE": "changed passphrase"})
    assert_one_line_error(run("status", ok=False), "wrong passphrase")
    run("status", env={"FIELDWORK_PASSPHRASE": "changed passphrase"})
    key_file = tmp_path / "rk"
    key_file.write_text(recovery_key)
    key_file.chmod(0o600)
    run(
        "passphrase",
        "reset",
        "--recovery-key-file",
        str(key_file),
        env={"FIELDWORK_NEW_PASSPHRASE": PASSPHRASE + " again"},
    )
    run("status", env={"FIELDWORK_PASSPHRASE": PASSPHRASE + " again"})


def test_withdrawal_refuses_later_sessions(cli_env: DataDir, tmp_path: Path) -> None:
    m = add_screened("mother", tmp_path)
    run("participant", "withdraw", m, "--scope", "no_further_data", "--date", "2026-11-30")
    assert_one_line_error(
        run("session", "new", "--participant", m, "--format", "interview", ok=False), "withdrawn"
    )


def test_withdrawal_that_deletes_asks_for_confirmation_and_holds_back_unsent_sessions(
    cli_env: DataDir, tmp_path: Path
) -> None:
    run("pack", "import", "--example")
    m = add_screened("mother", tmp_path)
    s = run("session", "new", "--participant", m, "--format", "interview").stdout.strip()
    refused = run("participant", "withdraw", m, "--scope", "delete_data", "--date", "2026-11-30", ok=False)
    assert_one_line_error(refused, s)
    assert "--delete-unsent" in refused.stderr
    assert json.loads(run("participant", "list", "--json").stdout)[0]["status"] != "withdrawn"
    done = run(
        "participant", "withdraw", m, "--scope", "delete_data", "--date", "2026-11-30", "--delete-unsent"
    )
    assert f"Not sent, and their data on this laptop deleted: {s}" in done.stdout
    assert_one_line_error(run("sync", "--queue", s, ok=False), "withdrew")
    # keeping what was collected: nothing to confirm, her sessions go as usual
    k = add_screened("mother", tmp_path)
    kept = run("session", "new", "--participant", k, "--format", "interview").stdout.strip()
    out = run("participant", "withdraw", k, "--scope", "no_further_contact", "--date", "2026-11-30").stdout
    assert "Not sent" not in out
    outbox = run("outbox", "--json").stdout
    assert s not in outbox
    assert kept  # never queued here; queueing it is still allowed
    assert "withdrew" not in run("sync", "--queue", kept, ok=False).stderr


def test_saving_in_the_clear_makes_new_private_files_or_age_files(cli_env: DataDir, tmp_path: Path) -> None:
    import stat

    import pyrage

    run("pack", "import", "--example")
    m = add_screened("mother", tmp_path)
    s = run("session", "new", "--participant", m, "--format", "interview").stdout.strip()
    tpl = json.loads(run("consent", "template", "--session", s, "--participant", m).stdout)
    answers = answers_file(tmp_path, tpl, {k: True for k in tpl["answers"]})
    recorded = run("consent", "record", "--session", s, "--participant", m, "--mode", "paper",
                   "--answers", str(answers)).stdout  # fmt: skip
    cid = recorded.split()[1]
    out = tmp_path / "copy.pdf"
    said = run("consent", "copy", cid, "--out", str(out)).stdout
    assert "not encrypted" in said and out.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    out.write_bytes(b"mine")
    assert_one_line_error(run("consent", "copy", cid, "--out", str(out), ok=False), "already exists")
    assert out.read_bytes() == b"mine"  # never overwritten
    env = {"FIELDWORK_EXPORT_PASSPHRASE": "a long export passphrase"}
    said = run("consent", "copy", cid, "--out", str(out), "--encrypt-to-passphrase", env=env).stdout
    enc = tmp_path / "copy.pdf.age"
    assert str(enc) in said and stat.S_IMODE(enc.stat().st_mode) == 0o600
    assert pyrage.passphrase.decrypt(enc.read_bytes(), "a long export passphrase").startswith(b"%PDF")
    again = run("consent", "copy", cid, "--out", str(out), "--encrypt-to-passphrase", env=env, ok=False)
    assert_one_line_error(again, "already exists")
    export = run("recording", "export", "--session", s, "--out", str(tmp_path / "a.flac"),
                 "--encrypt-to-passphrase", env={"FIELDWORK_EXPORT_PASSPHRASE": "short"}, ok=False)  # fmt: skip
    assert_one_line_error(export, "at least")
    audit = run("audit", "list", "--json").stdout
    assert audit.count('"file.save"') == 2 and str(tmp_path) not in audit


def test_log_is_encrypted_and_readable_through_the_cli(cli_env: DataDir) -> None:
    run("pack", "import", "--example")
    logs = list((cli_env.root / "logs").glob("*"))
    assert logs
    for p in logs:
        assert b"loaded study pack" not in p.read_bytes()
    assert "loaded study pack" in run("log", "show").stdout


@pytest.mark.parametrize(
    "args",
    [["record", "--session", "S-0001", "--seconds", "1"], ["recording", "list", "--session", "S-0404"]],
)
def test_recording_commands_report_missing_session(cli_env: DataDir, args: list[str]) -> None:
    assert_one_line_error(run(*args, ok=False), "no session")


def test_attested_consent_at_the_command_line(
    attested_vault_dir: DataDir, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from tests.support.vaults import USER

    monkeypatch.setenv("FIELDWORK_DATA_DIR", str(attested_vault_dir.root))
    monkeypatch.setenv("FIELDWORK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FIELDWORK_USER", USER)
    m = add_screened("mother", tmp_path)
    s = run("session", "new", "--participant", m, "--format", "interview").stdout.strip()
    tpl = json.loads(run("consent", "template", "--session", s, "--participant", m).stdout)
    answers = answers_file(tmp_path, tpl, {k: True for k in tpl["answers"]})
    args = (
        "consent",
        "record",
        "--session",
        s,
        "--participant",
        m,
        "--mode",
        "attested",
        "--answers",
        str(answers),
    )
    assert_one_line_error(run(*args, ok=False), "needs the reason")
    out = run(*args, "--unsigned-reason", "cannot hold a pen today").stdout
    assert "recorded" in out and "permitted" in out


def test_only_participants_screened_eligible_get_a_session(cli_env: DataDir, tmp_path: Path) -> None:
    m = run("participant", "add", "--group", "mother").stdout.strip()
    refused = run("session", "new", "--participant", m, "--format", "interview", ok=False)
    assert_one_line_error(refused, "has not been screened yet")
    assert f"fieldwork participant screen {m}" in refused.stderr
    no = tmp_path / "no.json"
    no.write_text(
        json.dumps(
            {**json.loads(eligible_answers_file(tmp_path, "mother").read_text()), "child-protection": False}
        )
    )
    assert run("participant", "screen", m, "--answers", str(no)).stdout.strip() == "not eligible"
    assert_one_line_error(
        run("session", "new", "--participant", m, "--format", "interview", ok=False), "screened not eligible"
    )
    assert json.loads(run("status", "--json").stdout)["participants"]["mother"] == {"not_eligible": 1}
    assert json.loads(run("session", "list", "--json").stdout) == []


def test_answers_files_are_bound_to_their_form_and_parsed_with_bounds(
    cli_env: DataDir, tmp_path: Path
) -> None:
    m = add_screened("mother", tmp_path)
    p = add_screened("practitioner", tmp_path)
    s = run("session", "new", "--participant", m, "--format", "interview").stdout.strip()
    s_p = run(
        "session", "new", "--participant", p, "--format", "interview", "--location", "clinic"
    ).stdout.strip()
    theirs = json.loads(run("consent", "template", "--session", s_p, "--participant", p).stdout)
    other = answers_file(
        tmp_path, {**theirs, "session": s, "participant": m}, dict.fromkeys(theirs["answers"], True)
    )
    before = json.loads(run("audit", "list", "--json").stdout)

    def record(path: Path) -> subprocess.CompletedProcess[str]:
        return run("consent", "record", "--session", s, "--participant", m, "--mode", "paper", "--answers", str(path),
                   ok=False)  # fmt: skip

    assert_one_line_error(record(other), "consent-practitioner-interview")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    assert_one_line_error(record(deep), "nests more than")
    after = json.loads(run("audit", "list", "--json").stdout)
    assert {e["action"] for e in after[len(before) :]} <= {"vault.unlock"}
    assert json.loads(run("status", "--json").stdout)["participants"]["mother"] == {"eligible": 1}


def test_a_consent_recording_is_refused_for_a_form_not_taken_verbally(cli_env: DataDir, tmp_path: Path) -> None:
    p = add_screened("practitioner", tmp_path)
    s = run("session", "new", "--participant", p, "--format", "interview", "--location", "clinic").stdout.strip()
    assert_one_line_error(
        run("record", "--session", s, "--seconds", "1", "--consent", "--participant", p, ok=False),
        "no consent recording: the consent form \"Consent form for practitioners (interview)\", version 1.0, does not "
        "allow verbal consent (allowed: paper, written)",
    )
    assert json.loads(run("recording", "list", "--session", s, "--json").stdout) == []  # nothing was recorded
    # the mode signed on screen is 'written', as packs and errors say; 'electronic' is still taken
    assert "{paper,verbal,written,attested}" in run("consent", "record", "--help").stdout
    for mode in ("written", "electronic"):
        refused = run("consent", "record", "--session", s, "--participant", p, "--mode", mode, "--answers",
                      str(tmp_path / "none.json"), ok=False)  # fmt: skip
        assert "invalid choice" not in refused.stderr and "none.json" in refused.stderr


@pytest.mark.audio
def test_a_script_takes_verbal_consent_records_closes_out_and_completes(
    cli_env: DataDir, tmp_path: Path, virtual_mic
) -> None:  # type: ignore[no-untyped-def]
    """Every step of a researcher's session from the command line, on the real (virtual) microphone."""
    m = add_screened("mother", tmp_path)
    s = run(
        "session", "new", "--participant", m, "--format", "interview", "--location", "clinic"
    ).stdout.strip()
    assert_one_line_error(
        run("record", "--session", s, "--seconds", "1", "--consent", ok=False), "--participant"
    )
    said = run("record", "--session", s, "--seconds", "1", "--consent", "--participant", m).stdout
    rid = next(w.strip("():") for w in said.split() if w.startswith("(R-"))
    assert f"--mode verbal --recording {rid}" in said
    takes = json.loads(run("recording", "list", "--session", s, "--json").stdout)
    assert [(t["kind"], t["participant_id"]) for t in takes] == [("consent", m)]
    tpl = json.loads(run("consent", "template", "--session", s, "--participant", m).stdout)
    answers = answers_file(tmp_path, tpl, dict.fromkeys(tpl["answers"], True))
    verbal = (
        "consent",
        "record",
        "--session",
        s,
        "--participant",
        m,
        "--mode",
        "verbal",
        "--answers",
        str(answers),
    )
    assert_one_line_error(run(*verbal, ok=False), "consent recording")
    assert "recording permitted" in run(*verbal, "--recording", rid).stdout
    run("record", "--session", s, "--seconds", "1.5")
    durations = [t["duration"] for t in json.loads(run("recording", "list", "--session", s, "--json").stdout)]
    assert len(durations) == 2 and all(1.0 <= d <= 1.0 + 0.021 for d in durations[:1])  # one 20 ms block
    assert 1.5 <= durations[1] <= 1.5 + 0.021, durations  # --seconds kept, not a second or two more
    assert_one_line_error(run("session", "complete", s, ok=False), "no close-out")
    out = run(
        "session", "closeout", s, "--signposting", "samaritans", "--follow-up", "Courtesy call",
        "--field-notes", "Quiet room; one pause",
    ).stdout  # fmt: skip
    assert "1 follow-up task(s)" in out and "wellbeing check is still to be recorded" in out
    assert_one_line_error(run("session", "complete", s, ok=False), "wellbeing check")
    run(
        "session",
        "closeout",
        s,
        "--wellbeing",
        "Settled; said it helped to talk",
        "--follow-up",
        "Courtesy call",
    )
    # Saving again with only the wellbeing check kept the notes, the support given and the one follow-up.
    from fieldwork_app.services import closeout
    from fieldwork_app.services import workspace as workspace_svc
    from tests.support.vaults import USER

    ws = workspace_svc.unlock(cli_env, USER, os.environ["FIELDWORK_PASSPHRASE"])
    try:
        body = closeout.get(ws, s).body
    finally:
        ws.close()
    assert body["field_notes"] == "Quiet room; one pause" and body["signposting_given"] == ["samaritans"]
    assert [f["title"] for f in body["follow_ups"]] == ["Courtesy call"]
    assert body["wellbeing"] == "Settled; said it helped to talk"
    assert f"Session {s} completed and queued" in run("session", "complete", s).stdout
    outbox = json.loads(run("outbox", "--json").stdout)
    assert [(r["kind"], r["session_id"], r["state"]) for r in outbox if r["kind"] == "session"] == [
        ("session", s, "queued")
    ]  # completing queues it, in the same transaction, as the desktop app does
    status = json.loads(run("status", "--json").stdout)
    assert status["participants"]["mother"] == {"interviewed": 1} and status["sessions"] == {"completed": 1}
    assert [t["title"] for t in status["tasks_due"]] == ["Courtesy call"]


def test_protocol_steps_at_the_command_line(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A format-2 protocol from a script: a gating task, a capacity assessment, a witness and an interpreter."""
    from tests.support.vaults import USER
    from tests.unit.test_protocol_rules import protocol_vault

    vault = protocol_vault(tmp_path)
    monkeypatch.setenv("FIELDWORK_DATA_DIR", str(vault.root))
    monkeypatch.setenv("FIELDWORK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FIELDWORK_USER", USER)
    m = add_screened("mother", tmp_path, "--attr", "age_band=16-17", "--attr", "interpreter=yes")
    s = run(
        "session", "new", "--participant", m, "--format", "interview", "--location", "clinic"
    ).stdout.strip()
    assert "[ ] parent-notified" in run("participant", "tasks", m).stdout
    tpl = json.loads(run("consent", "template", "--session", s, "--participant", m).stdout)
    answers = answers_file(tmp_path, tpl, dict.fromkeys(tpl["answers"], True))
    base = (
        "consent",
        "record",
        "--session",
        s,
        "--participant",
        m,
        "--mode",
        "paper",
        "--answers",
        str(answers),
    )
    assert_one_line_error(run(*base, ok=False), f"task-done {m} parent-notified")
    assert "Marked 'parent-notified' done" in run("participant", "task-done", m, "parent-notified").stdout
    assert_one_line_error(run(*base, ok=False), f"session capacity {s}")
    cap = (
        "session",
        "capacity",
        s,
        "--participant",
        m,
        "--understand",
        "yes",
        "--retain",
        "yes",
        "--weigh-up",
    )
    out = run(*cap, "no", "--communicate", "yes").stdout
    assert "cannot decide now; rearrange the session" in out
    assert_one_line_error(run(*base, ok=False), "cannot decide now")
    assert "can decide now" in run(*cap, "yes", "--communicate", "yes").stdout
    assert_one_line_error(run(*base, ok=False), "asks for a witness")
    # names on the command line would stay in shell history and the process list: refused, nothing recorded
    assert_one_line_error(run(*base, "--witness", "Wendy Witness", ok=False), "never taken on the command line")
    names = tmp_path / "names.json"
    names.write_text(json.dumps({"witness": "Wendy Witness", "interpreter": "Ivan Interpreter"}))
    with_people = (*base, "--names", str(names))
    assert_one_line_error(run(*with_people, ok=False), "confidentiality agreement")
    assert "recording permitted" in run(*with_people, "--interpreter-agreement").stdout
    audit = run("audit", "list", "--json").stdout
    assert "Wendy" not in audit and "Ivan" not in audit  # names stay in the identity store
