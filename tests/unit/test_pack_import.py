"""Importing study packs into a real vault: an approved version's text is fixed, and making an older pack
current again brings its documents' statuses back with it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fieldwork_app.errors import ErrorKind, FieldworkError
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services.workspace import Workspace


def _copy(tmp_path: Path, name: str, version: str | None = None) -> Path:
    pack = tmp_path / name
    shutil.copytree(packs_svc.example_pack_path(), pack)
    if version is not None:  # the pack's own version (not a document's)
        text = (pack / "pack.yaml").read_text()
        (pack / "pack.yaml").write_text(text.replace('version: "1.1"', f'version: "{version}"', 1))
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
    pack = _copy(tmp_path, "edited", version="1.2")
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
    pack = _copy(tmp_path, "approved-again", version="1.2")
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


def test_other_content_under_an_imported_pack_version_is_refused_outright(ws: Workspace, tmp_path: Path) -> None:
    """A pack whose version was imported before, with any other content (here only an approval reference), is
    refused with a message naming both digests and what to do, and nothing changes; the same pack again is
    still taken, and the changed pack under a new version is."""
    first = packs_svc.import_pack(ws, example=True)
    before_docs, before_pack = _documents(ws), packs_svc.list_packs(ws)
    audit_before = ws.db.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    pack = _copy(tmp_path, "same-version")
    doc = pack / "documents" / "pis-mother-1.1.yaml"
    doc.write_text(doc.read_text().replace("reference:", "reference: X", 1))
    with pytest.raises(packs_svc.SameVersionRefused) as e:
        packs_svc.import_pack(ws, pack)
    assert e.value.kind is ErrorKind.INVALID_PACK
    message = e.value.message
    assert "version 1.1 is already imported, with other content" in message and first.digest[:16] in message
    assert "higher version" in message and "Nothing was imported" in message
    assert _documents(ws) == before_docs and packs_svc.list_packs(ws) == before_pack
    assert ws.db.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == audit_before
    assert packs_svc.import_pack(ws, example=True).already_imported
