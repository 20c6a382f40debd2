"""The ``fieldwork`` command with a format-2 pack: attributes, venues and joint interviews, as a user runs it."""

from __future__ import annotations

import json
from datetime import date, timedelta
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
    refused = run("participant", "add", "--group", "young-carer", env=env, ok=False)
    assert_one_line_error(
        refused, "give each with --attr age_band=VALUE --attr language=VALUE --attr interpreter=VALUE --attr area=VALUE"
    )
    assert "age_band (Age band at consent: 16-17, 18-24)" in refused.stderr
    assert_one_line_error(
        run("participant", "add", "--group", "young-carer", "--attr", "age_band=16-17", "--attr", "area=north",
            env=env, ok=False),
        "missing: language (Language of the session: en-GB, pl); interpreter (Needs an interpreter: yes, no): "
        "give each with --attr language=VALUE --attr interpreter=VALUE",
    )  # fmt: skip
    assert run("participant", "list", env=env).stdout.strip() == ""  # nothing was added
    yc = run(
        "participant", "add", "--group", "young-carer", "--attr", "age_band=16-17", "--attr", "area=north",
        "--attr", "language=pl", "--attr", "interpreter=no", env=env,
    ).stdout.strip()  # fmt: skip
    assert yc == "YC-001"
    shown = json.loads(run("participant", "attributes", yc, "--json", env=env).stdout)
    assert shown["attributes"] == {"age_band": "16-17", "area": "north", "language": "pl", "interpreter": "no"}
    assert shown["missing"] == []
    bad = run("participant", "attributes", yc, "--set", "age_band=12", env=env, ok=False)
    assert_one_line_error(bad, "'12' is not a value of 'age_band' (one of: 16-17, 18-24)")
    assert_one_line_error(
        run("participant", "add", "--group", "parent", env=env, ok=False),
        "linked to a participant of group 'young-carer' (Young adult carer); name that participant's id with "
        "--linked-to ID",
    )
    pa = run("participant", "add", "--group", "parent", "--linked-to", yc, "--attr", "language=pl", "--attr",
             "interpreter=no", "--attr", "area=north", env=env).stdout.strip()  # fmt: skip
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


def test_guardian_at_consent_and_voucher_conditions_from_the_command_line(tmp_path: Path) -> None:
    """A 16-17-year-old's consent needs their parent's or guardian's part recorded; the close-out gives only
    a voucher whose conditions fit the participant and the session."""
    env = {"FIELDWORK_DATA_DIR": str(tmp_path / "v"), "FIELDWORK_PASSPHRASE": "a long enough passphrase",
           "FIELDWORK_USER": "rosa"}  # fmt: skip
    run("init", "--user", "rosa", env=env)
    run("pack", "import", str(SECOND), env=env)
    attrs = ("--attr", "language=en-GB", "--attr", "interpreter=no", "--attr", "area=north")
    yc = run("participant", "add", "--group", "young-carer", "--attr", "age_band=16-17", *attrs, env=env)
    pid = yc.stdout.strip()
    screening = tmp_path / "screen.json"
    criteria = load_pack(SECOND).group("young-carer").eligibility
    screening.write_text(json.dumps({c.id: c.eligible_answer for c in criteria}), encoding="utf-8")
    run("participant", "screen", pid, "--answers", str(screening), env=env)
    sid = run("session", "new", "--participant", pid, "--format", "interview", "--location", "youth-centre",
              "--start", date.today().isoformat() + "T10:00", env=env).stdout.strip()  # fmt: skip
    told = (date.today() - timedelta(days=2)).isoformat()  # the parent was told two days ago
    run("participant", "task-done", pid, "parent-notified", "--date", told, env=env)
    tpl = json.loads(run("consent", "template", "--session", sid, "--participant", pid, env=env).stdout)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({**tpl, "answers": dict.fromkeys(tpl["answers"], True)}), encoding="utf-8")
    base = ("consent", "record", "--session", sid, "--participant", pid, "--mode", "paper", "--answers",
            str(answers))  # fmt: skip
    assert_one_line_error(
        run(*base, env=env, ok=False),
        "asks for a parent or guardian ('Agreement of a parent or guardian (young person aged 16 or 17)') at "
        f"{pid}'s consent; record who it was (--guardian alone to be asked for the name, or the name in --names FILE)",
    )
    names = tmp_path / "names.json"
    names.write_text(json.dumps({"guardian": "Gail Guardian"}), encoding="utf-8")
    assert_one_line_error(
        run(*base, "--names", str(names), env=env, ok=False),
        "consent not recorded: a parent or guardian completes 'Agreement of a parent or guardian (young person aged "
        f"16 or 17)' with {pid}'s consent; confirm it is completed (--guardian-form)",
    )
    assert_one_line_error(run(*base, "--guardian-form", env=env, ok=False), "--guardian-form goes with a guardian")
    assert_one_line_error(run(*base, "--guardian", env=env, ok=False), "no terminal to ask")  # a script: no prompt
    assert "recording permitted" in run(*base, "--names", str(names), "--guardian-form", env=env).stdout
    assert "Gail" not in run("audit", "list", "--json", env=env).stdout  # the name stays in the identity store
    status = run("status", env=env).stdout
    assert f"  task: {pid} asked for a summary of the findings: send it when there is one\n" in status
    assert "(due None)" not in status  # a task with no date says none

    voucher = tmp_path / "voucher.json"
    voucher.write_text(json.dumps({"type": "travel", "value": "5", "serial": "BUS-123456"}), encoding="utf-8")
    close = ("session", "closeout", sid, "--wellbeing", "fine", "--voucher", str(voucher))
    assert_one_line_error(
        run(*close, env=env, ok=False),
        f"the study gives no 'travel' voucher to {pid} at this interview: its conditions (group, attributes, "
        "session format) do not fit (theirs: e-voucher)",
    )
    voucher.write_text(json.dumps({"type": "e-voucher", "value": "20", "serial": "EV-998877"}), encoding="utf-8")
    assert "1 voucher(s)" in run(*close, env=env).stdout
    run("session", "complete", sid, env=env)
    later = date.today().replace(year=date.today().year + 1).isoformat()
    out = run("participant", "withdraw", pid, "--scope", "delete_data", "--date", later, env=env).stdout
    assert "After the study's analysis cut-off" in out
    assert "Data already analysed is kept; no new data is collected. After two weeks the interview" in out


def test_an_interpreter_is_booked_from_the_command_line(tmp_path: Path) -> None:
    env = {"FIELDWORK_DATA_DIR": str(tmp_path / "v"), "FIELDWORK_PASSPHRASE": "a long enough passphrase",
           "FIELDWORK_USER": "rosa"}  # fmt: skip
    run("init", "--user", "rosa", env=env)
    run("pack", "import", str(SECOND), env=env)
    pid = run("participant", "add", "--group", "young-carer", "--attr", "age_band=18-24", "--attr", "language=pl",
              "--attr", "interpreter=yes", "--attr", "area=north", env=env).stdout.strip()  # fmt: skip
    screening = tmp_path / "screen.json"
    criteria = load_pack(SECOND).group("young-carer").eligibility
    screening.write_text(json.dumps({c.id: c.eligible_answer for c in criteria}), encoding="utf-8")
    run("participant", "screen", pid, "--answers", str(screening), env=env)
    sid = run("session", "new", "--participant", pid, "--format", "interview", "--location", "youth-centre",
              env=env).stdout.strip()  # fmt: skip
    before = run("session", "checklist", sid, env=env).stdout
    assert "[ ] interpreter booked  - the protocol asks for an interpreter at the consent" in before
    assert_one_line_error(run("session", "book", sid, env=env, ok=False), "say who is booked")
    assert run("session", "book", sid, "--interpreter", env=env).stdout.strip() == f"Session {sid}: interpreter booked"
    assert "[x] interpreter booked" in run("session", "checklist", sid, env=env).stdout


def test_two_vouchers_for_one_participant_from_the_command_line(tmp_path: Path) -> None:
    env = {"FIELDWORK_DATA_DIR": str(tmp_path / "v"), "FIELDWORK_PASSPHRASE": "a long enough passphrase",
           "FIELDWORK_USER": "rosa"}  # fmt: skip
    run("init", "--user", "rosa", env=env)
    run("pack", "import", str(SECOND), env=env)
    pid = run("participant", "add", "--group", "young-carer", "--attr", "age_band=18-24", "--attr", "language=en-GB",
              "--attr", "interpreter=no", "--attr", "area=south", env=env).stdout.strip()  # fmt: skip
    screening = tmp_path / "screen.json"
    criteria = load_pack(SECOND).group("young-carer").eligibility
    screening.write_text(json.dumps({c.id: c.eligible_answer for c in criteria}), encoding="utf-8")
    run("participant", "screen", pid, "--answers", str(screening), env=env)
    sid = run("session", "new", "--participant", pid, "--format", "interview", "--location", "youth-centre",
              env=env).stdout.strip()  # fmt: skip
    ev, tr = tmp_path / "ev.json", tmp_path / "tr.json"
    ev.write_text(json.dumps({"type": "e-voucher", "value": 20, "serial": "EV-1111"}), encoding="utf-8")
    tr.write_text(json.dumps({"type": "travel", "value": 5, "serial": "BUS-2222"}), encoding="utf-8")
    out = run("session", "closeout", sid, "--wellbeing", "ok", "--voucher", str(ev), "--voucher", str(tr), env=env)
    assert "(2 voucher(s)" in out.stdout
    out = run("session", "closeout", sid, "--wellbeing", "ok", "--voucher", str(tr), env=env)  # again: still two
    assert "(2 voucher(s)" in out.stdout


def _cli_study(tmp_path: Path) -> tuple[dict[str, str], tuple[str, ...]]:
    env = {"FIELDWORK_DATA_DIR": str(tmp_path / "v"), "FIELDWORK_PASSPHRASE": "a long enough passphrase",
           "FIELDWORK_USER": "rosa"}  # fmt: skip
    run("init", "--user", "rosa", env=env)
    run("pack", "import", str(SECOND), env=env)
    return env, ("--attr", "language=en-GB", "--attr", "interpreter=no", "--attr", "area=north")


def _screened(tmp_path: Path, env: dict[str, str], group: str, *args: str) -> str:
    pid = run("participant", "add", "--group", group, *args, env=env).stdout.strip()
    screening = tmp_path / f"screen-{group}.json"
    criteria = load_pack(SECOND).group(group).eligibility
    screening.write_text(json.dumps({c.id: c.eligible_answer for c in criteria}), encoding="utf-8")
    run("participant", "screen", pid, "--answers", str(screening), env=env)
    return pid


def test_an_adults_answers_file_lists_what_does_not_apply_and_the_script_skips_it(tmp_path: Path) -> None:
    env, attrs = _cli_study(tmp_path)
    pid = _screened(tmp_path, env, "young-carer", "--attr", "age_band=18-24", *attrs)
    sid = run("session", "new", "--participant", pid, "--format", "interview", "--location", "video",
              env=env).stdout.strip()  # fmt: skip
    tpl = json.loads(run("consent", "template", "--session", sid, "--participant", pid, env=env).stdout)
    assert "5" not in tpl["answers"]
    assert tpl["not_applicable"] == {"5": "applies only where Age band at consent is 16 or 17"}
    assert tpl["asked_only_if"] == {"O3": "statement O2 is answered yes"}
    script = run("consent", "script", "--session", sid, "--participant", pid, env=env).stdout.splitlines()
    assert script[0] == "Verbal consent script for young people (video or phone) v1.0"
    assert f"5. not asked: does not apply to {pid} (only where Age band at consent is 16 or 17)" in script
    assert not any(line.startswith("5. Do you know") for line in script)
    assert "O3. (ask only where statement O2 is answered yes) Can we ask you about a second, shorter interview in " \
           "about a year?" in script
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({**tpl, "answers": {**dict.fromkeys(tpl["answers"], True), "5": True}}))
    base = ("consent", "record", "--session", sid, "--participant", pid, "--mode", "paper", "--answers",
            str(answers))  # fmt: skip
    assert_one_line_error(
        run(*base, env=env, ok=False), f"{answers}: answers.5: statement 5 does not apply to this participant"
    )
    answers.write_text(json.dumps({**tpl, "answers": {**dict.fromkeys(tpl["answers"], True), "O2": False}}))
    assert_one_line_error(run(*base, env=env, ok=False), "answers.O3: statement O3 does not apply")
    answers.write_text(
        json.dumps({**tpl, "answers": {**dict.fromkeys(tpl["answers"], True), "O2": False, "O3": None}})
    )
    script = run("consent", "script", "--session", sid, "--participant", pid, "--answers", str(answers),
                 env=env).stdout.splitlines()  # fmt: skip
    assert f"O3. not asked: does not apply to {pid} (only where statement O2 is answered yes)" in script
    out = run(*base, env=env).stdout
    assert f"Not applicable to {pid}, recorded as such: 5, O3" in out and "recording permitted" in out


def test_the_consultee_route_from_the_command_line(tmp_path: Path) -> None:
    env, attrs = _cli_study(tmp_path)
    yc = _screened(tmp_path, env, "young-carer", "--attr", "age_band=18-24", *attrs)
    pa = _screened(tmp_path, env, "parent", "--linked-to", yc, *attrs)
    sid = run("session", "new", "--participant", pa, "--format", "interview", "--location", "home",
              env=env).stdout.strip()  # fmt: skip
    out = run("session", "capacity", sid, "--participant", pa, "--understand", "yes", "--retain", "yes",
              "--weigh-up", "no", "--communicate", "yes", env=env).stdout  # fmt: skip
    assert "consultee" in out
    tpl = json.loads(run("consent", "template", "--session", sid, "--participant", pa, env=env).stdout)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({**tpl, "answers": dict.fromkeys(tpl["answers"], True)}), encoding="utf-8")
    base = ("consent", "record", "--session", sid, "--participant", pa, "--mode", "paper", "--answers",
            str(answers))  # fmt: skip
    assert_one_line_error(
        run(*base, env=env, ok=False),
        f"consent not recorded: the capacity assessment at this session found {pa} cannot decide now, so the "
        "study's protocol asks a consultee for their advice and completes 'Personal consultee declaration'; record "
        "who they are (--consultee alone to be asked for the name, or the name in --names FILE), their relationship "
        "to the participant (--consultee-relationship), whether they are a personal or nominated consultee "
        "(--consultee-kind) and their advice (--consultee-advice)",
    )
    assert_one_line_error(
        run(*base, "--consultee-kind", "personal", env=env, ok=False), "go with a consultee"
    )
    named = tmp_path / "consultee.json"
    named.write_text(json.dumps({"consultee": "Cara Consultee"}), encoding="utf-8")
    consultee = ("--names", str(named), "--consultee-relationship", "sister", "--consultee-kind",
                 "personal", "--consultee-form")  # fmt: skip
    assert_one_line_error(run(*base, *consultee, env=env, ok=False), "record the consultee's advice")
    refused = run(*base, *consultee, "--consultee-advice", "not-take-part", env=env, ok=False)
    assert_one_line_error(
        refused,
        f"consent not recorded: the consultee advises that {pa} would not want to take part, so {pa} does not take "
        "part; nothing is recorded but the refusal ('fieldwork audit list')",
    )
    refusals = [e for e in json.loads(run("audit", "list", "--json", env=env).stdout)
                if e["action"] == "consent.refused"]  # fmt: skip
    assert [e["detail"] for e in refusals] == [{"consent_by": "consultee", "advice": "not_take_part"}]
    # a fresh session, the consultee advising they would want to take part
    s2 = run("session", "new", "--participant", pa, "--format", "interview", "--location", "home",
             env=env).stdout.strip()  # fmt: skip
    run("session", "capacity", s2, "--participant", pa, "--understand", "yes", "--retain", "no",
        "--weigh-up", "yes", "--communicate", "yes", env=env)  # fmt: skip
    tpl = json.loads(run("consent", "template", "--session", s2, "--participant", pa, env=env).stdout)
    answers.write_text(json.dumps({**tpl, "answers": dict.fromkeys(tpl["answers"], True)}), encoding="utf-8")
    out = run("consent", "record", "--session", s2, "--participant", pa, "--mode", "paper", "--answers",
              str(answers), *consultee, "--consultee-advice", "take-part", "--consultee-advised-on",
              date.today().isoformat(), env=env).stdout  # fmt: skip
    assert f"Recorded on the consultee's advice: {pa} did not consent themselves" in out
    assert "recording permitted" in out
    audit = run("audit", "list", "--json", env=env).stdout
    assert "Cara" not in audit and "sister" not in audit

