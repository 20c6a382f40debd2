"""The vault's keys and files through the ``fieldwork`` command, as a user runs it (real processes, real
SQLCipher): re-key and its interruptions, damage named and restored from a backup, passphrase handling,
process hardening, one-line errors, the log's chain and private file modes."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from fieldwork_app.audio import container
from fieldwork_app.paths import DataDir
from fieldwork_app.services import participants, vault_care, workspace
from fieldwork_app.services import sync as sync_svc
from fieldwork_app.vault import FAST_KDF, Vault
from fieldwork_app.vault.keys import MIN_STRONG_COST, MIN_STRONG_MEMORY_KIB
from tests.integration.test_cli import assert_one_line_error, run, snapshot
from tests.support.people import add_eligible, answers_file, eligible_answers_file
from tests.support.vaults import PASSPHRASE, USER


def _python(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


# -- item 3 ------------------------------------------------------------------------------------------------
def test_fast_kdf_without_the_test_switch_is_ignored_loudly(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "FIELDWORK_DATA_DIR": str(tmp_path / "v"),
        "FIELDWORK_PASSPHRASE": "a long enough passphrase",
    }
    env["FIELDWORK_KDF"] = "fast"
    env.pop("FIELDWORK_TEST_SUITE", None)
    proc = subprocess.run(
        [sys.executable, "-m", "fieldwork_app", "init", "--user", "rosa"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert "FIELDWORK_KDF=fast is ignored" in proc.stderr
    slots = json.loads((tmp_path / "v" / "keyslots.json").read_text())["slots"]
    # Full strength is a fresh tuning to about 0.5 s on this machine (about 256 MiB on the reference machine, less
    # while other work shares its cores), never below RFC 9106's floor; the fast test KDF is 8 MiB.
    for slot in slots:
        kdf = slot["kdf"]
        assert kdf["memory_kib"] >= MIN_STRONG_MEMORY_KIB > FAST_KDF.memory_kib, kdf
        assert kdf["iterations"] * kdf["memory_kib"] >= MIN_STRONG_COST, kdf


# -- item 7 ------------------------------------------------------------------------------------------------
def test_passphrase_leaves_the_environment_and_the_process_is_hardened(cli_env: DataDir) -> None:
    code = """
import os, resource, sys
from fieldwork_app.cli.main import main
from fieldwork_app.hardening import is_dumpable
sys.argv = ["fieldwork", "status"]
rc = main()  # as the program runs it: its own command line
environ = open("/proc/self/environ", "rb").read()
print(json_out := {
    "rc": rc,
    "env": os.environ.get("FIELDWORK_PASSPHRASE"),
    "in_proc": b"correct horse battery staple" in environ,
    "core": resource.getrlimit(resource.RLIMIT_CORE),
    "dumpable": is_dumpable(),
    "umask": os.umask(0o22),
})
"""
    proc = _python(code)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.strip().splitlines()[-1]
    assert "'rc': 0" in out and "'env': None" in out and "'in_proc': False" in out, out
    assert "'core': (0, 0)" in out and "'dumpable': False" in out and "'umask': 63" in out, out


def test_a_store_secret_from_secret_env_leaves_the_environment(cli_env: DataDir) -> None:
    secret = "store-secret-" + os.urandom(8).hex()
    code = """
import os, sys
from fieldwork_app.cli.main import main
sys.argv = ["fieldwork", "store", "add", "dav", "https://127.0.0.1:9/dav", "--username", "u",
            "--secret-env", "FW_STORE_PW"]
rc = main()  # as the program runs it: its own command line
environ = open("/proc/self/environ", "rb").read()
print({"rc": rc, "env": os.environ.get("FW_STORE_PW"), "in_proc": SECRET.encode() in environ})
""".replace("SECRET", repr(secret))  # the secret reaches the child's code through its command line only
    proc = _python(code, env={"FW_STORE_PW": secret})
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.strip().splitlines()[-1]
    assert "'rc': 0" in out and "'env': None" in out and "'in_proc': False" in out, out
    ws = workspace.unlock(cli_env, USER, PASSPHRASE)
    try:
        assert sync_svc.get_store(ws, "dav").secrets == {"password": secret}
    finally:
        ws.close()
    before = snapshot(cli_env)
    assert_one_line_error(
        run("store", "add", "other", "https://127.0.0.1:9/dav", "--secret-env", "FW_UNSET_PW", ok=False),
        "environment variable FW_UNSET_PW is not set",
    )
    assert snapshot(cli_env) == before


@pytest.mark.parametrize("verb", ["verify", "unpack"])
def test_the_data_managers_store_secret_leaves_the_environment(verb: str, tmp_path: Path) -> None:
    from fieldwork_app.sync.keys import generate_study_keypair

    _pub, key = generate_study_keypair(tmp_path / "dm")
    secret = "dm-secret-" + os.urandom(8).hex()
    extra = ["--out", str(tmp_path / "analysis")] if verb == "unpack" else []
    code = """
import os, sys
from fieldwork_app.cli.main import main
sys.argv = ["fieldwork", "store", VERB, "https://127.0.0.1:9/dav", "--key", KEY, "--username", "u",
            "--secret-env", "FW_DM_PW", *EXTRA]
rc = main()  # the store cannot be reached; the secret was read before that
environ = open("/proc/self/environ", "rb").read()
print({"rc": rc, "env": os.environ.get("FW_DM_PW"), "in_proc": SECRET.encode() in environ})
""".replace("VERB", repr(verb)).replace("KEY", repr(str(key))).replace("EXTRA", repr(extra))
    proc = _python(code.replace("SECRET", repr(secret)), env={"FW_DM_PW": secret})
    out = proc.stdout.strip().splitlines()[-1]
    assert "'rc': 0" not in out and "'env': None" in out and "'in_proc': False" in out, (out, proc.stderr)


@pytest.mark.parametrize("how", ["change", "reset"])
def test_a_passphrase_change_or_reset_offers_a_rekey_that_revokes_the_old_passphrase(
    cli_env: DataDir, recovery_key: str, how: str
) -> None:
    old_slots = cli_env.keyslots.read_bytes()
    env = {"FIELDWORK_NEW_PASSPHRASE": "a brand new passphrase 22 quill", "FIELDWORK_RECOVERY_KEY": recovery_key}
    said = run("passphrase", how, env=env).stdout
    assert "run 'fieldwork vault rekey'" in said  # without --rekey: says what an old copy still opens
    current = cli_env.keyslots.read_bytes()
    cli_env.keyslots.write_bytes(old_slots)
    run("status")  # the old key-slot file and the old passphrase: still today's data
    cli_env.keyslots.write_bytes(current)
    env = {"FIELDWORK_PASSPHRASE": "a brand new passphrase 22 quill",
           "FIELDWORK_NEW_PASSPHRASE": "yet another passphrase 33 wren", "FIELDWORK_RECOVERY_KEY": recovery_key}
    said = run("passphrase", how, "--rekey", env=env).stdout
    assert "Re-keyed the vault" in said
    run("status", env={"FIELDWORK_PASSPHRASE": "yet another passphrase 33 wren"})
    cli_env.keyslots.write_bytes(old_slots)
    old = run("status", ok=False)  # an old copy with the old passphrase opens nothing of today's
    assert_one_line_error(old, "does not belong with it")


def test_a_passphrase_file_others_can_read_is_refused(cli_env: DataDir, tmp_path: Path) -> None:
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE + "\n")
    secret.chmod(0o644)
    env = {"FIELDWORK_PASSPHRASE": ""}
    assert_one_line_error(run("--passphrase-file", str(secret), "status", env=env, ok=False), "chmod 600")
    secret.chmod(0o640)
    assert_one_line_error(run("--passphrase-file", str(secret), "status", env=env, ok=False), "mode 0640")
    secret.chmod(0o600)
    run("--passphrase-file", str(secret), "status", env=env)


def test_a_weak_passphrase_gets_a_clear_hint(cli_env: DataDir, tmp_path: Path) -> None:
    env = {
        "FIELDWORK_DATA_DIR": str(tmp_path / "v"),
        "FIELDWORK_PASSPHRASE": "password123",
        "FIELDWORK_USER": "rosa",
    }
    proc = run("init", "--user", "rosa", env=env)
    assert "Passphrase strength: very weak" in proc.stderr and "common password" in proc.stderr
    strong = run(
        "passphrase", "change", env={**env, "FIELDWORK_NEW_PASSPHRASE": "kettle orchard violet lantern"}
    )
    assert "Passphrase strength: very strong" in strong.stdout


# -- item 13 -----------------------------------------------------------------------------------------------
def test_an_unexpected_error_is_one_line_and_its_traceback_goes_to_the_encrypted_log(
    cli_env: DataDir,
) -> None:
    code = """
import sys
from fieldwork_app.cli import core_cmds, credentials
def boom(args, ctx):
    with credentials.workspace_for(args):
        raise RuntimeError("unexpected in a test")
core_cmds.cmd_status = boom
from fieldwork_app.cli.main import main
sys.exit(main(sys.argv[1:]))
"""
    proc = subprocess.run([sys.executable, "-c", code, "status"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3 and "Traceback" not in proc.stderr
    assert len([ln for ln in proc.stderr.splitlines() if ln.strip()]) == 1, proc.stderr
    assert "Run with -v" in proc.stderr
    verbose = subprocess.run([sys.executable, "-c", code, "-v", "status"], capture_output=True, text=True)
    assert "Traceback" in verbose.stderr and "unexpected in a test" in verbose.stderr
    shown = run("log", "show").stdout
    assert "Traceback" in shown and "RuntimeError: unexpected in a test" in shown
    for p in (cli_env.logs).glob("*"):
        assert b"unexpected in a test" not in p.read_bytes()


# -- item 6 ------------------------------------------------------------------------------------------------
def test_log_show_reports_a_dropped_and_a_reordered_line(cli_env: DataDir) -> None:
    for _ in range(3):
        run("pack", "import", "--example")
    log = cli_env.logs / "fieldwork.log.enc"
    lines = log.read_bytes().splitlines(keepends=True)
    assert len(lines) >= 5
    assert run("log", "show").returncode == 0
    log.write_bytes(b"".join(lines[:2] + lines[3:]))
    dropped = run("log", "show", ok=False)
    assert (
        dropped.returncode == 1 and "1 log line(s) missing before line 4" in dropped.stdout + dropped.stderr
    )
    log.write_bytes(b"".join([lines[0], lines[2], lines[1], *lines[3:]]))
    moved = run("log", "show", ok=False)
    assert moved.returncode == 1 and "out of order" in moved.stderr
    log.write_bytes(b"".join([*lines, lines[1]]))
    assert "out of order or repeated" in run("log", "show", ok=False).stderr


# -- item 4 ------------------------------------------------------------------------------------------------
def test_removing_a_user_offers_rekey_and_rekey_revokes_the_old_key_slots(cli_env: DataDir) -> None:
    run("user", "add", "bea", env={"FIELDWORK_NEW_PASSPHRASE": "beas own passphrase"})
    old_slots = cli_env.keyslots.read_bytes()
    out = run("user", "remove", "bea").stdout
    assert "fieldwork vault rekey" in out and "older copy of the key-slot file" in out
    current = cli_env.keyslots.read_bytes()
    bea = {"FIELDWORK_USER": "bea", "FIELDWORK_PASSPHRASE": "beas own passphrase"}
    cli_env.keyslots.write_bytes(old_slots)
    run("status", env=bea)  # the threat: without a re-key, the old file still opens today's data
    cli_env.keyslots.write_bytes(current)
    assert "Re-keyed the vault" in run("vault", "rekey").stdout
    current = cli_env.keyslots.read_bytes()
    cli_env.keyslots.write_bytes(old_slots)
    assert_one_line_error(run("status", env=bea, ok=False), "cannot be opened")
    cli_env.keyslots.write_bytes(current)
    assert json.loads(run("status", "--json").stdout)["audit"]["ok"]
    rotated = run("vault", "recovery-key", "--rekey").stdout
    assert "NEW RECOVERY KEY" in rotated and "Re-keyed the vault" in rotated


def _take(dd: DataDir) -> tuple[Path, list[bytes]]:
    v = Vault.unlock(dd, USER, PASSPHRASE)
    path = dd.audio / "S-0009" / "R-crash.fwa"
    path.parent.mkdir(parents=True, exist_ok=True)
    w = container.ContainerWriter(
        path, v.recording_key("R-crash"), container.build_header("R-crash", "interview", 16000, 1)
    )
    payloads = [os.urandom(64) for _ in range(4)]
    for p in payloads:
        w.append(container.RecordType.AUDIO, p, 10)
    w.seal(reason="stopped")
    v.close()
    return path, payloads


STEPS = ["databases", "takes", "log", "slots", "journal", "move-0", "move-1", "move-2", "move-3", "move-4"]


@pytest.mark.parametrize("step", STEPS)
def test_a_rekey_interrupted_at_any_step_leaves_a_vault_that_opens(cli_env: DataDir, step: str) -> None:
    ws = workspace.unlock(cli_env, USER, PASSPHRASE)
    pid = add_eligible(ws, "mother").id
    participants.set_identity(ws, pid, {"name": "Kept Across A Crash"})
    old_key = ws.vault.data_key_for_rekey()
    ws.close()
    take, payloads = _take(cli_env)
    proc = run("vault", "rekey", env={"FIELDWORK_TEST_CRASH_AT": step}, ok=False)
    assert proc.returncode == 137, proc.stderr
    ws = workspace.unlock(cli_env, USER, PASSPHRASE)
    try:
        committed = STEPS.index(step) >= STEPS.index("journal")
        assert (ws.vault.data_key_for_rekey() != old_key) is committed
        assert participants.view_identity(ws, pid, "test")["name"] == "Kept Across A Crash"
        got = [r.payload for r in container.iter_records(take, ws.vault.recording_key("R-crash"))]
        assert got[:-1] == payloads
        report = vault_care.check(cli_env, ws.vault.data_key_for_rekey())
        assert report.ok, report.problems
    finally:
        ws.close()
    assert not (cli_env.root / "rekey").exists()


# -- item 12 -----------------------------------------------------------------------------------------------
def _flip_mid(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x10
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "name,damage",
    [
        ("research.db", lambda p: p.write_bytes(b"")),
        ("identity.db", lambda p: p.write_bytes(b"")),
        ("research.db", _flip_mid),
    ],
    ids=["empty-research", "empty-identity", "flipped-bit"],
)
def test_a_damaged_vault_is_named_and_restored_from_a_backup(
    cli_env: DataDir, tmp_path: Path, name: str, damage: Any
) -> None:
    pid = run("participant", "add", "--group", "mother").stdout.strip()
    backup = tmp_path / "vault.fwbackup"
    run("vault", "backup", "--out", str(backup))
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert_one_line_error(run("vault", "backup", "--out", str(backup), ok=False), "never overwrites")
    run("participant", "add", "--group", "mother")  # after the backup: lost with the damage
    for extra in ("-wal", "-shm"):
        (cli_env.root / (name + extra)).unlink(missing_ok=True)
    damage(cli_env.root / name)
    before = (cli_env.root / name).read_bytes()
    for args in (("status",), ("audit", "verify")):
        proc = run(*args, ok=False)
        assert_one_line_error(proc, name)
        assert "fieldwork vault restore" in proc.stderr
    assert (cli_env.root / name).read_bytes() == before, "a damaged file is never replaced"
    check = run("vault", "check", ok=False)
    assert check.returncode == 1 and name in check.stderr and "DAMAGED" in check.stderr
    restored = run("vault", "restore", str(backup)).stdout
    assert "kept at" in restored
    kept = next(cli_env.root.parent.glob(cli_env.root.name + ".before-restore-*"))
    assert (kept / name).read_bytes() == before
    assert "everything is sound" in run("vault", "check").stdout
    ids = [p["id"] for p in json.loads(run("participant", "list", "--json").stdout)]
    assert ids == [pid]


def test_restore_refuses_a_damaged_backup_and_changes_nothing(cli_env: DataDir, tmp_path: Path) -> None:
    backup = tmp_path / "b"
    run("vault", "backup", "--out", str(backup))
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0x01
    backup.write_bytes(bytes(data))
    before = sorted(str(p) for p in cli_env.root.rglob("*"))
    assert_one_line_error(run("vault", "restore", str(backup), ok=False), "nothing was restored")
    assert sorted(str(p) for p in cli_env.root.rglob("*")) == before


_LIVE_WRITER = """
import os, sys, time
from pathlib import Path
from fieldwork_app.audio import container
from fieldwork_app.paths import DataDir
from fieldwork_app.services import workspace
root = Path(sys.argv[1])
ws = workspace.unlock(DataDir(root), sys.argv[2], sys.argv[3])
take = root / "audio" / "S-live" / "R-live.fwa"
take.parent.mkdir(parents=True, exist_ok=True)
w = container.ContainerWriter(take, ws.vault.recording_key("R-live"),
                              container.build_header("R-live", "interview", 16000, 1))
growing = open(root / "outbox" / "growing.part", "ab")
print("recording", flush=True)
while True:
    w.append(container.RecordType.AUDIO, os.urandom(4000), 10)
    growing.write(os.urandom(4000)); growing.flush()
    time.sleep(0.002)
"""


def test_a_backup_made_while_another_process_records_restores(cli_env: DataDir, tmp_path: Path) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", _LIVE_WRITER, str(cli_env.root), USER, PASSPHRASE],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "recording"
        backup = tmp_path / "live.fwbackup"
        made = run("vault", "backup", "--out", str(backup))
    finally:
        writer.kill()
        writer.wait()
    assert "audio/S-live/R-live.fwa is being recorded and is not in this backup" in made.stderr
    target = tmp_path / "restored"
    run("vault", "restore", str(backup), env={"FIELDWORK_DATA_DIR": str(target)})
    assert not (target / "audio" / "S-live" / "R-live.fwa").exists()
    assert (target / "outbox" / "growing.part").stat().st_size > 0  # copied as it was at that moment
    assert "everything is sound" in run("vault", "check", env={"FIELDWORK_DATA_DIR": str(target)}).stdout


_SLOW_BACKUP = """
import sys, tarfile, time
from pathlib import Path
from fieldwork_app.cli.main import main
add = tarfile.TarFile.addfile
def slow(self, *a, **k):
    r = add(self, *a, **k); print("member written", flush=True); time.sleep(120); return r
tarfile.TarFile.addfile = slow  # the backup stays mid-way until the test ends it
sys.argv = ["fieldwork", "vault", "backup", "--out", sys.argv[1]]
main()
"""


def _backup_mid_way(out: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", _SLOW_BACKUP, str(out)], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "member written"
    return child


def test_database_copies_an_interrupted_backup_left_are_removed_at_unlock(
    cli_env: DataDir, tmp_path: Path
) -> None:
    running = _backup_mid_way(tmp_path / "a.fwbackup")
    try:
        held = list(cli_env.root.glob(".backup-*"))
        assert len(held) == 1 and (held[0] / "identity.db").exists()
        run("status")  # another process unlocks meanwhile: a running backup's copies are left alone
        assert held[0].exists()
        check = run("vault", "check", ok=False)
        assert held[0].name in check.stderr
    finally:
        running.kill()  # as a power cut would end it
        running.wait()
    assert held[0].exists()
    run("status")
    assert not list(cli_env.root.glob(".backup-*")), "old-key database copies outlive the backup"
    assert "everything is sound" in run("vault", "check").stdout
    (cli_env.root / "stray.txt").write_text("x")
    assert "stray.txt" in run("vault", "check", ok=False).stderr


def test_a_rekey_removes_database_copies_an_interrupted_backup_left(cli_env: DataDir, tmp_path: Path) -> None:
    stale = cli_env.root / ".backup-left"
    stale.mkdir(mode=0o700)
    (stale / "identity.db").write_bytes(b"old-key copy")
    ws = workspace.unlock(cli_env, USER, PASSPHRASE)  # the folder is not held: removed at unlock already
    ws.close()
    assert not stale.exists()
    from fieldwork_app.services import rekey as rekey_svc
    from fieldwork_app.vault import rekey as journal

    ws = workspace.unlock(cli_env, USER, PASSPHRASE)
    stale.mkdir(mode=0o700)  # made while the vault is open: a re-key removes it
    (stale / "identity.db").write_bytes(b"old-key copy")
    stale2 = cli_env.root / ".backup-made-while-open"
    stale2.mkdir(mode=0o700)
    fd = journal.hold_snapshot(stale2)  # even one held open by this very process
    try:
        rekey_svc.rekey(ws)
    finally:
        os.close(fd)
    assert not stale.exists() and not stale2.exists()


_WITHDRAW_CUT = """
import os, sys
from pathlib import Path
from fieldwork_app.paths import DataDir
from fieldwork_app.services import participants, workspace
ws = workspace.unlock(DataDir(Path(sys.argv[1])), sys.argv[2], sys.argv[3])
unlink = Path.unlink
def cut(self, *a, **k):
    if self.suffix == ".fwa":
        os._exit(137)  # a power cut right after the withdrawal's commit, before her take is deleted
    return unlink(self, *a, **k)
Path.unlink = cut
participants.withdraw(ws, sys.argv[4], "delete_data", "2026-12-06", True, delete_unsent=True)
"""


def test_a_crash_after_a_withdrawals_commit_still_deletes_her_take_and_bundle(
    cli_env: DataDir, tmp_path: Path
) -> None:
    from fieldwork_app.services import packs, sessions
    from fieldwork_app.sync.keys import generate_study_keypair

    pub, _key = generate_study_keypair(tmp_path / "dm")
    ws = workspace.unlock(cli_env, USER, PASSPHRASE)
    try:
        packs.import_pack(ws, example=True, study_key_file=pub)
        m = add_eligible(ws, "mother").id
        s = sessions.new(ws, [m], "interview", "home").id
        take = cli_env.audio / s / "R-w1.fwa"
        take.parent.mkdir(parents=True, exist_ok=True)
        w = container.ContainerWriter(take, ws.vault.recording_key("R-w1"),
                                      container.build_header("R-w1", "interview", 16000, 1))  # fmt: skip
        w.append(container.RecordType.AUDIO, b"her words", 10)
        w.seal(reason="stopped")
        with ws.vault.transaction() as db:
            db.execute(
                "INSERT INTO recordings (id, session_id, kind, take_no, participant_id, file, samplerate, channels,"
                " status, started_at, ended_at, duration) VALUES ('R-w1', ?, 'interview', 1, ?, ?, 16000, 1,"
                " 'sealed', '2026-12-06T10:00:00+00:00', '2026-12-06T10:01:00+00:00', 60)",
                (s, m, str(take)),
            )
        bundle = sync_svc.queue_session(ws, s)
        staged = [cli_env.outbox / bundle]  # as a sync that staged it and could not reach the store leaves it
        staged[0].mkdir(mode=0o700)
        (staged[0] / "000001.age").write_bytes(b"her session, encrypted")
    finally:
        ws.close()
    proc = subprocess.run([sys.executable, "-c", _WITHDRAW_CUT, str(cli_env.root), USER, PASSPHRASE, m], timeout=120)
    assert proc.returncode == 137
    assert take.exists()  # the commit happened, the deletion did not
    check = run("vault", "check", ok=False)  # names what is left (it writes nothing)
    assert "audio/" + s + "/R-w1.fwa: deleted in the database" in check.stderr
    run("status")  # the next unlock finishes the deletion
    assert not take.exists() and not take.parent.exists()
    assert not any(p.exists() for p in staged)
    assert "everything is sound" in run("vault", "check").stdout
    run("status")  # and a second unlock changes nothing


def test_restore_refuses_a_sparse_member_that_would_write_far_more_than_the_backup_holds(
    cli_env: DataDir, tmp_path: Path
) -> None:
    import hashlib
    import tarfile

    real = tmp_path / "real.fwbackup"
    run("vault", "backup", "--out", str(real))
    src = tmp_path / "src"
    with tarfile.open(real) as t:
        t.extractall(src, filter="data")
    big = src / "audio" / "S-9" / "big.fwa"
    big.parent.mkdir(parents=True)
    with open(big, "wb") as fh:
        fh.truncate(1 << 30)  # 1 GiB of hole: a few blocks in a sparse tar
    manifest = json.loads((src / "fieldwork-backup.json").read_text())
    h = hashlib.sha256()
    for _ in range(1024):
        h.update(b"\0" * (1 << 20))
    manifest["files"]["audio/S-9/big.fwa"] = {"sha256": h.hexdigest(), "size": 1 << 30}
    (src / "fieldwork-backup.json").write_text(json.dumps(manifest))
    crafted = tmp_path / "crafted.fwbackup"
    names = [*sorted(manifest["files"]), "fieldwork-backup.json"]
    subprocess.run(["tar", "--format=gnu", "--sparse", "-cf", str(crafted), "-C", str(src), *names], check=True)
    assert crafted.stat().st_size < 10 * 2**20
    target = tmp_path / "restored"
    proc = run("vault", "restore", str(crafted), env={"FIELDWORK_DATA_DIR": str(target)}, ok=False)
    assert_one_line_error(proc, "unexpected member 'audio/S-9/big.fwa'; nothing was restored")
    assert not target.exists() and not list(tmp_path.glob(".restored.restoring-*"))


@pytest.mark.parametrize("kind", ["dotdot", "absolute", "symlink", "hardlink", "unknown-top"])
def test_restore_refuses_members_outside_or_not_plain_files(tmp_path: Path, kind: str) -> None:
    import hashlib
    import io
    import tarfile

    member = {
        "dotdot": tarfile.TarInfo("audio/../../escape"),
        "absolute": tarfile.TarInfo(str(tmp_path / "abs")),
        "symlink": tarfile.TarInfo("audio/link"),
        "hardlink": tarfile.TarInfo("audio/hard"),
        "unknown-top": tarfile.TarInfo("evil.sh"),
    }[kind]
    if kind == "symlink":
        member.type, member.linkname = tarfile.SYMTYPE, "/etc/passwd"
    if kind == "hardlink":
        member.type, member.linkname = tarfile.LNKTYPE, "keyslots.json"
    body = b"x"
    manifest = {"format": "fieldwork-backup", "version": 2,
                "files": {member.name: {"sha256": hashlib.sha256(body).hexdigest(), "size": 1}}}  # fmt: skip
    crafted = tmp_path / "crafted.fwbackup"
    with tarfile.open(crafted, "w") as t:
        if member.isfile():
            member.size = 1
            t.addfile(member, io.BytesIO(body))
        else:
            t.addfile(member)
        data = json.dumps(manifest).encode()
        info = tarfile.TarInfo("fieldwork-backup.json")
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))  # the manifest last, as a real backup has it
    target = tmp_path / "dd"
    proc = run("vault", "restore", str(crafted), env={"FIELDWORK_DATA_DIR": str(target)}, ok=False)
    assert_one_line_error(proc, "nothing was restored")
    assert not target.exists() and not (tmp_path / "abs").exists() and not (tmp_path / "escape").exists()


# -- item 13: modes ------------------------------------------------------------------------------------------
def _modes(root: Path) -> list[str]:
    wrong = []
    for p in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(p.lstat().st_mode)
        want = 0o700 if p.is_dir() else 0o600
        if mode != want:
            wrong.append(f"{p.relative_to(root)}: {mode:04o}")
    return wrong


@pytest.mark.servers
def test_every_file_and_folder_in_the_data_directory_is_private(
    cli_env: DataDir, virtual_mic: Any, tmp_path: Path
) -> None:
    virtual_mic.use_sine()
    run("study", "keygen", "--out", str(tmp_path / "dm"))
    run("pack", "import", "--example", "--study-key", str(tmp_path / "dm/study.pub"))
    m = run("participant", "add", "--group", "mother").stdout.strip()
    run("participant", "screen", m, "--answers", str(eligible_answers_file(tmp_path, "mother")))
    s = run("session", "new", "--participant", m, "--format", "interview").stdout.strip()
    tpl = json.loads(run("consent", "template", "--session", s, "--participant", m).stdout)
    answers_file(tmp_path, tpl, {k: True for k in tpl["answers"]})
    run("consent", "record", "--session", s, "--participant", m, "--mode", "paper",
        "--answers", str(tmp_path / "answers.json"))  # fmt: skip
    run("record", "--session", s, "--seconds", "1")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the store's folder should be")
    run("store", "add", "usb", f"file://{blocker}/store")
    run("sync", "--queue", s, ok=False)  # staged in the outbox, then the store fails
    assert any((cli_env.outbox).iterdir()), "the bundle is staged"
    assert list(cli_env.audio.rglob("*.fwa"))
    run("vault", "backup", "--out", str(tmp_path / "backup"))
    assert _modes(cli_env.root) == []
