"""The hash-chained audit log detects edited, deleted and truncated entries."""

from __future__ import annotations

import pytest
import sqlcipher3

from fieldwork_app.services.workspace import Workspace
from fieldwork_app.vault import audit


def _fill(ws: Workspace, n: int = 5) -> None:
    for i in range(n):
        ws.vault.audit("test.event", "thing", f"T-{i}", detail={"i": i})


def test_chain_verifies_and_append_only(ws: Workspace) -> None:
    _fill(ws)
    assert audit.verify(ws.db).ok
    with pytest.raises(sqlcipher3.IntegrityError):
        ws.db.execute("UPDATE audit SET actor = 'mallory' WHERE seq = 2")
    with pytest.raises(sqlcipher3.IntegrityError):
        ws.db.execute("DELETE FROM audit WHERE seq = 2")


def test_edited_row_detected(ws: Workspace) -> None:
    _fill(ws)
    ws.db.execute("DROP TRIGGER audit_no_update")
    ws.db.execute("UPDATE audit SET detail_json = '{\"i\": 99}' WHERE seq = 3")
    report = audit.verify(ws.db)
    assert not report.ok and report.first_bad_seq == 3 and "altered" in report.problem


def test_deleted_row_detected(ws: Workspace) -> None:
    _fill(ws)
    ws.db.execute("DROP TRIGGER audit_no_delete")
    ws.db.execute("DELETE FROM audit WHERE seq = 4")
    report = audit.verify(ws.db)
    assert not report.ok and report.first_bad_seq == 4


def test_truncated_tail_detected(ws: Workspace) -> None:
    _fill(ws)
    last = audit.head(ws.db)
    ws.db.execute("DROP TRIGGER audit_no_delete")
    ws.db.execute("DELETE FROM audit WHERE seq = (SELECT MAX(seq) FROM audit)")
    report = audit.verify(ws.db)
    assert not report.ok
    assert report.head != last
