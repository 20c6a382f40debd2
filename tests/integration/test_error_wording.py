"""Errors the user reads say what went wrong and what to do, not the name of a Python exception: each case made
to happen for real (a key file that is not there, a folder, a file that is not text, through the command
line's main entry; a real WebDAV server's reply replaced on the way by one that is not a WebDAV answer; an
SFTP store's address at which a server answers in another protocol, or hangs up at once; a sync whose outbox
is on a full disk; a vault whose audit log was tampered with; a Whisper model whose copy was cut short; key
files and an outbox folder that the command line, run as an account without root's rights, may not read or
write)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fieldwork_app.cli.main import main
from fieldwork_app.errors import InvalidInput, StoreError
from fieldwork_app.paths import DataDir
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import workspace
from fieldwork_app.sync.transports.sftp import SftpTransport
from tests.integration.test_cli import add_screened, run
from tests.support.people import answers_file
from tests.support.servers import CutProxy, StoreServer, tiny_disk
from tests.support.vaults import PASSPHRASE, USER


def _refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(list(args)) != 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Error" not in err, err
    return err


def test_a_study_key_file_that_cannot_be_read_is_said_plainly(
    cli_env: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "keys" / "study.key"
    err = _refused(capsys, "store", "verify", str(tmp_path), "--key", str(missing))
    assert f"there is no study key file at {missing}; check the path" in err

    folder = tmp_path / "keys"
    folder.mkdir()
    err = _refused(capsys, "store", "verify", str(tmp_path), "--key", str(folder))
    assert f"{folder} is a folder; give the study key file in it (study.key)" in err

    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0 not a key")
    err = _refused(capsys, "store", "verify", str(tmp_path), "--key", str(binary))
    assert f"{binary} is not a study key file (it is not plain text)" in err


def _multistatus(response: bytes) -> bytes:
    return b'<?xml version="1.0" encoding="UTF-8"?>\n<D:multistatus xmlns:D="DAV:">' + response + b"</D:multistatus>"


# Well-formed XML a WebDAV library reads, but no WebDAV answer: a response without its href, a size that is
# no number.
_NO_HREF = _multistatus(
    b"<D:response><D:propstat><D:prop/><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>"
)
_BAD_SIZE = _multistatus(
    b"<D:response><D:href>/store/bundles/b-x/a.bin</D:href><D:propstat><D:prop>"
    b"<D:getcontentlength>many</D:getcontentlength></D:prop><D:status>HTTP/1.1 200 OK</D:status>"
    b"</D:propstat></D:response>"
)


@pytest.mark.servers
@pytest.mark.parametrize("body", [_NO_HREF, _BAD_SIZE], ids=["no-href", "size-not-a-number"])
def test_a_webdav_reply_that_is_no_webdav_answer_is_said_plainly(
    webdav_server: StoreServer, cut_proxy: type[CutProxy], body: bytes
) -> None:
    server = webdav_server.fresh()
    port = int(server.url.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)[1])
    proxy = cut_proxy(port)
    t = server.with_endpoint("127.0.0.1", proxy.port).open()
    try:
        for ask, what in ((lambda: t.list("bundles/"), "list objects"),
                          (lambda: t._folder_sizes("bundles/b-x"), "check objects")):  # type: ignore[attr-defined]  # fmt: skip
            proxy.answer_next(1, "207 Multi-Status", body)
            with pytest.raises(StoreError) as e:
                ask()
            message = e.value.message
            assert f"({what}: the server's reply is not a WebDAV answer; check the store's address)" in message
            assert "Error" not in message and not e.value.transient
    finally:
        t.close()


@pytest.fixture
def not_ssh() -> Iterator[tuple[int, list[str]]]:
    """A TCP server on 127.0.0.1 that is no SSH server: on each connection it does what the list's first
    entry says ("http": answers as a web server would; "hang-up": closes at once)."""
    listener = socket.create_server(("127.0.0.1", 0))
    mode = ["http"]

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                if mode[0] == "http":
                    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], mode
    finally:
        listener.close()
        thread.join(timeout=5)


@pytest.mark.parametrize("mode", ["http", "hang-up"])
def test_an_sftp_address_with_no_ssh_server_is_said_plainly(not_ssh: tuple[int, list[str]], mode: str) -> None:
    port, modes = not_ssh
    modes[0] = mode
    pinned = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"
    options = {"timeout": 5, "host_key": pinned}
    t = SftpTransport("127.0.0.1", port, "fieldwork", "/store", options, {"password": "not sent"})
    try:
        with pytest.raises(StoreError) as e:
            t.list("bundles/")
    finally:
        t.close()
    message = e.value.message
    assert f"(no SSH server answered at 127.0.0.1:{port}; check the host name and port)" in message, message
    assert "banner" not in message and "Error" not in message


def test_a_sync_on_a_full_disk_says_the_disk_is_full(cli_env: DataDir, tmp_path: Path) -> None:
    """The outbox (where a session is encrypted before it is sent) on a disk that is full: the sync says so
    and what to do, and the session waits in the outbox to be sent again."""
    run("study", "keygen", "--out", str(tmp_path / "dm"))
    run("pack", "import", "--example", "--study-key", str(tmp_path / "dm/study.pub"))
    m = add_screened("mother", tmp_path)
    s = run("session", "new", "--participant", m, "--format", "interview").stdout.strip()
    tpl = json.loads(run("consent", "template", "--session", s, "--participant", m).stdout)
    answers_file(tmp_path, tpl, dict.fromkeys(tpl["answers"], True))
    run("consent", "record", "--session", s, "--participant", m, "--mode", "paper",
        "--answers", str(tmp_path / "answers.json"))  # fmt: skip
    (tmp_path / "usb").mkdir()
    run("store", "add", "usb", (tmp_path / "usb").as_uri())
    with tiny_disk(cli_env.outbox, "4k"):
        failed = run("sync", "--queue", s, ok=False)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr and "Error" not in failed.stderr
    assert (
        "the laptop's disk is full, so the upload could not be prepared; free some space and sync again"
        in failed.stderr
    ), failed.stderr
    (waiting,) = json.loads(run("outbox", "--json").stdout)
    assert waiting["session_id"] == s and waiting["state"] == "failed"


@pytest.mark.parametrize(
    ("tamper", "says"),
    [
        ("UPDATE meta SET value = 'many' WHERE key = 'audit_count'",
         "audit log: its count of entries is not a number (the database was altered)"),
        ("DROP TABLE audit", "audit log: cannot be read (no such table: audit); the database was altered or damaged"),
        (f"DROP TRIGGER audit_no_update; UPDATE audit SET detail_json = '{'[' * 5000}{']' * 5000}' WHERE seq = 1",
         "audit log: an entry's details are nested too deeply to be read (the database was altered)"),
    ],
    ids=["count-not-a-number", "table-gone", "nested-too-deeply"],
)  # fmt: skip
def test_a_vault_check_says_what_is_wrong_with_an_altered_audit_log(cli_env: DataDir, tamper: str, says: str) -> None:
    ws = workspace.unlock(cli_env, USER, PASSPHRASE)
    try:
        with ws.vault.transaction() as db:
            for sql in tamper.split("; "):  # whoever alters the file can drop the log's triggers first
                db.execute(sql)
    finally:
        ws.close()
    check = run("vault", "check", ok=False)
    assert check.returncode == 1 and "Traceback" not in check.stderr
    assert says in check.stdout + check.stderr, check.stdout + check.stderr
    assert "Error" not in check.stdout + check.stderr and "an unexpected error" not in check.stdout + check.stderr


def test_a_vault_check_says_an_audit_log_that_fails_unexpectedly_as_such_not_by_its_class_name(
    cli_env: DataDir, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A fault no altered database is known to cause (injected in the chain's check): the finding says reading
    the log failed unexpectedly, neither the exception's class nor its text; the details go to the log."""
    from fieldwork_app.services import vault_care
    from fieldwork_app.vault import audit

    def fails(conn: object) -> object:
        raise KeyError("a value from the log")

    ws = workspace.unlock(cli_env, USER, PASSPHRASE)
    try:
        key = ws.vault.data_key_for_rekey()
    finally:
        ws.close()
    monkeypatch.setattr(audit, "verify", fails)
    report = vault_care.check(cli_env, key)
    assert report.problems == [
        "audit log: cannot be read: reading it failed unexpectedly, not in a way a damaged or altered database is "
        "known to fail; the database may be damaged"
    ]
    assert "KeyError" in caplog.text  # for whoever looks after the app


def test_a_whisper_model_cut_short_is_said_plainly(tmp_path: Path) -> None:
    """The pinned tiny.en model copied with its model.bin cut in half (a copy interrupted): the model does
    not load, said as such, with CTranslate2's words but not its exception's name."""
    from fieldwork_app.analysis.transcribe import Recogniser
    from tests.integration.test_analysis import whisper_tiny_en

    model = tmp_path / "tiny.en"
    shutil.copytree(whisper_tiny_en(), model)
    weights = (model / "model.bin").read_bytes()
    (model / "model.bin").write_bytes(weights[: len(weights) // 2])
    with pytest.raises(InvalidInput) as e:
        Recogniser(model)
    assert e.value.message.startswith(
        f"{model}: the model does not load: its files are damaged (a copy cut short?) or are not a Whisper model "
        "converted for CTranslate2 ("
    ), e.value.message
    assert "RuntimeError" not in e.value.message


# -- files this account may not read or write: the kernel refuses them (EACCES) -------------------------------
NOBODY = 65534  # an account with no rights beyond a file's mode (root reads and writes whatever the mode)
OTHER_UID = 12345  # the owner of what this account may not touch


Runner = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def unprivileged() -> Iterator[tuple[Path, Runner]]:
    """A folder every account can reach, and a runner of the real command line as an unprivileged account:
    the tests' own account when it is not root, else 'nobody', dropped to with setpriv (util-linux: no
    capabilities, no supplementary groups).  Skipped only as root without setpriv."""
    root = os.geteuid() == 0
    setpriv = shutil.which("setpriv")
    if root and setpriv is None:
        pytest.skip("running as root and setpriv (util-linux) is not installed: cannot drop privileges")
    home = Path(tempfile.mkdtemp(prefix="fw-eacces-"))  # tmp_path's parents are root's own (0700)
    os.chmod(home, 0o755)
    drop = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] if root and setpriv else []

    def run_as(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2]), "HOME": str(home)}
        done = subprocess.run([*drop, sys.executable, "-m", "fieldwork_app", *args], capture_output=True,
                              text=True, env=env, cwd=home, timeout=120, check=False)  # fmt: skip
        assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr[-2000:]
        return done

    try:
        yield home, run_as
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _give_away(home: Path, *theirs: Path) -> None:
    """Everything under ``home`` to the unprivileged account, except ``theirs``: another account's, which it
    may not read (a file, mode 000) or write (a folder, mode 555)."""
    if os.geteuid() == 0:
        for path in [home, *home.rglob("*")]:
            os.chown(path, NOBODY, NOBODY, follow_symlinks=False)
        for path in theirs:
            os.chown(path, OTHER_UID, OTHER_UID)
    elif any(path.is_dir() for path in theirs):  # the app sets its own folders' mode (0700) when it opens
        pytest.skip("not root: a folder of this account's own cannot be given to another account")
    for path in theirs:
        os.chmod(path, 0o555 if path.is_dir() else 0o000)


def test_key_files_this_account_may_not_read_are_said_plainly(unprivileged) -> None:  # type: ignore[no-untyped-def]
    """The study key and the data manager's signing key, each owned by another account with no read
    permission: the command line says the file cannot be read and why, in one line, and nothing else."""
    home, run_as = unprivileged
    run("study", "keygen", "--out", str(home / "dm"))
    shutil.copytree(packs_svc.example_pack_path(), home / "pack")
    (home / "store").mkdir()
    study_key, signing_key = home / "dm/study.key", home / "dm/dm-signing.key"
    _give_away(home, study_key, signing_key)

    refused = run_as("store", "verify", (home / "store").as_uri(), "--key", str(study_key))
    assert refused.returncode != 0
    assert refused.stderr.strip() == (
        f"fieldwork: cannot read the study key file {study_key}: no permission to read it; ask whoever keeps it"
    ), refused.stderr

    refused = run_as("study", "sign-pack", str(home / "pack"), "--key", str(signing_key))
    assert refused.returncode != 0
    assert refused.stderr.strip() == (
        f"fieldwork: cannot read data manager signing key file {signing_key} (Permission denied)"
    ), refused.stderr
    assert not (home / "pack/pack.sig").exists()


def test_a_sync_whose_outbox_this_account_may_not_write_says_so(  # type: ignore[no-untyped-def]
    cli_env: DataDir, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unprivileged
) -> None:
    """The outbox (where a session is encrypted before it is sent) owned by another account: the sync says
    this account may not write there, names no file (it may name a participant) and no exception, and the
    session waits in the outbox to be sent again."""
    home, run_as = unprivileged
    data = DataDir(home / "vault")
    shutil.copytree(cli_env.root, data.root)
    monkeypatch.setenv("FIELDWORK_DATA_DIR", str(data.root))
    run("study", "keygen", "--out", str(home / "dm"))
    run("pack", "import", "--example", "--study-key", str(home / "dm/study.pub"))
    m = add_screened("mother", tmp_path)
    s = run("session", "new", "--participant", m, "--format", "interview").stdout.strip()
    tpl = json.loads(run("consent", "template", "--session", s, "--participant", m).stdout)
    answers_file(tmp_path, tpl, dict.fromkeys(tpl["answers"], True))
    run("consent", "record", "--session", s, "--participant", m, "--mode", "paper",
        "--answers", str(tmp_path / "answers.json"))  # fmt: skip
    (home / "usb").mkdir()
    run("store", "add", "usb", (home / "usb").as_uri())
    data.outbox.mkdir(exist_ok=True)
    _give_away(home, data.outbox)

    failed = run_as("sync", "--queue", s)
    assert failed.returncode == 1
    assert (
        "the upload could not be prepared: this account has no permission to read or write one of its files on "
        "this laptop; it stays in the outbox (tell the data manager if this goes on)"
    ) in failed.stderr, failed.stderr
    assert str(data.outbox) not in failed.stderr and "Permission" not in failed.stderr
    waiting = run_as("outbox", "--json")
    assert waiting.returncode == 0, waiting.stderr
    (entry,) = json.loads(waiting.stdout)
    assert entry["session_id"] == s and entry["state"] == "failed"
    assert not list((home / "usb").iterdir())  # nothing was sent
