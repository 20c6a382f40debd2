"""settings.json: every version migrates to the current one, bad files give defaults, a newer file is kept."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest

from fieldwork_app import settings as st


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_every_field_is_one_the_app_reads() -> None:
    assert {f.name for f in fields(st.Settings)} == {"schema_version", "auto_lock_minutes", "last_user", "language"}
    assert set(st.MIGRATIONS) == set(range(1, st.SCHEMA_VERSION))  # one step from each older version


def test_version_1_idle_lock_in_seconds_becomes_minutes(tmp_path: Path) -> None:
    s = st.load(_write(tmp_path / "settings.json", {"lock_after": 600, "last_user": "amara"}))
    assert (s.schema_version, s.auto_lock_minutes, s.last_user, s.language) == (3, 10, "amara", "en")
    assert st.load(_write(tmp_path / "s1.json", {"lock_after": 30})).auto_lock_minutes == 1


def test_version_2_loses_the_preferences_nothing_read(tmp_path: Path) -> None:
    v2 = {"schema_version": 2, "auto_lock_minutes": 7, "last_user": "amara", "input_device": "USB mic",
          "ui_scale": 1.5, "language": "en_XA", "pause_on_distress": False}
    path = _write(tmp_path / "settings.json", v2)
    s = st.load(path)
    assert (s.auto_lock_minutes, s.last_user, s.language) == (7, "amara", "en_XA")
    st.save(path, s)
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "schema_version": 3, "auto_lock_minutes": 7, "last_user": "amara", "language": "en_XA"}


def test_round_trip_and_limits(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    st.save(path, st.Settings(auto_lock_minutes=500, last_user="b", language="en"))
    assert st.load(path) == st.Settings(auto_lock_minutes=120, last_user="b", language="en")
    assert st.load(_write(path, {"schema_version": 3, "auto_lock_minutes": 0})).auto_lock_minutes == 1
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize(
    "content",
    ["{not json", "[1, 2]", json.dumps({"schema_version": "three"}), json.dumps({"schema_version": 3,
     "auto_lock_minutes": "soon"}), json.dumps({"schema_version": 3, "last_user": 7})],
)
def test_a_damaged_file_gives_defaults_and_is_replaced_at_the_next_save(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    assert st.load(path) == st.Settings()
    st.save(path, st.Settings(last_user="amara"))
    assert st.load(path).last_user == "amara"


def test_a_newer_file_gives_defaults_and_is_never_overwritten(tmp_path: Path) -> None:
    path = _write(tmp_path / "settings.json", {"schema_version": 99, "auto_lock_minutes": 9, "theme": "dark"})
    before = path.read_bytes()
    assert st.load(path) == st.Settings()
    st.save(path, st.Settings(last_user="amara"))
    assert path.read_bytes() == before


def test_a_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert st.load(tmp_path / "nothing.json") == st.Settings()
