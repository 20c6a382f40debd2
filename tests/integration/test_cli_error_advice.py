"""The command line says what to do next in its own terms: the option or command, taken from the error's code
(the core's message names none of them; the desktop app says what to choose instead)."""

from __future__ import annotations

from fieldwork_app.paths import DataDir
from tests.integration.test_cli import assert_one_line_error, run


def test_sync_without_a_study_key_names_the_option(cli_env: DataDir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "usb").mkdir()
    run("store", "add", "usb", (tmp_path / "usb").as_uri())
    refused = run("sync", ok=False)
    assert_one_line_error(refused, "the study pack has no study public key: import it with --study-key study.pub")


def test_an_unknown_store_names_the_command_that_lists_them(cli_env: DataDir) -> None:
    refused = run("store", "remove", "nowhere", ok=False)
    assert_one_line_error(refused, "no store named 'nowhere' (see 'fieldwork store list')")
