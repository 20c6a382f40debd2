"""Importing study packs into a real vault: an approved version's text is fixed, and making an older pack
current again brings its documents' statuses back with it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fieldwork_app.errors import ErrorKind, FieldworkError
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services.workspace import Workspace


def _copy(tmp_path: Path, name: str) -> Path:
    pack = tmp_path / name
    shutil.copytree(packs_svc.example_pack_path(), pack)
    return pack


def _documents(ws: Workspace) -> list[tuple[str, str, str, str]]:
    rows = ws.db.execute("SELECT doc_id, version, status, body_json FROM documents ORDER BY doc_id, version")
    return [tuple(r) for r in rows.fetchall()]


def test_changed_text_under_an_approved_version_is_refused_and_changes_nothing(
    ws: Workspace, tmp_path: Path
) -> None:
    packs_svc.import_pack(ws, example=True)
    before_docs = _documents(ws)
    before_pack = packs_svc.list_packs(ws)
    audit_before = ws.db.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    pack = _copy(tmp_path, "edited")
    doc = pack / "documents" / "pis-mother-1.1.yaml"
    doc.write_text(doc.read_text().replace("title: Information sheet for mothers", "title: Information sheet"))
    with pytest.raises(FieldworkError) as e:
        packs_svc.import_pack(ws, pack)
    assert e.value.kind is ErrorKind.INVALID_PACK
    assert "pis-mother" in e.value.message and "new version" in e.value.message
    assert _documents(ws) == before_docs and packs_svc.list_packs(ws) == before_pack
    assert ws.db.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == audit_before


def test_the_same_pack_again_only_makes_it_current(ws: Workspace) -> None:
    first = packs_svc.import_pack(ws, example=True)
    docs = _documents(ws)
    again = packs_svc.import_pack(ws, example=True)
    assert again.already_imported and again.digest == first.digest and _documents(ws) == docs


def test_a_later_approval_of_the_same_version_is_taken(ws: Workspace, tmp_path: Path) -> None:
    packs_svc.import_pack(ws, example=True)
    pack = _copy(tmp_path, "approved-again")
    doc = pack / "documents" / "pis-mother-1.1.yaml"
    text = doc.read_text()
    assert "reference:" in text
    lines = [ln if "reference:" not in ln else ln.split("reference:")[0] + "reference: REC-2026-NEW" for ln in
             text.splitlines()]  # fmt: skip
    doc.write_text("\n".join(lines) + "\n")
    packs_svc.import_pack(ws, pack)  # the same text under the same version: only its approval record moved on
    ref = ws.db.execute(
        "SELECT approval_ref FROM documents WHERE doc_id = 'pis-mother' AND version = '1.1'"
    ).fetchone()[0]
    assert ref == "REC-2026-NEW"
