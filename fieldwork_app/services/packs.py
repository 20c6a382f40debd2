"""Importing study packs and keeping every document version.

Importing a newer pack adds the versions it introduces and updates lifecycle statuses; a document
version that was used is never removed, and versions the new pack no longer lists become
``superseded``.  Consent records keep pointing at the exact versions they were taken with.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from fieldwork_app.domain.pack import Document, DocumentKind, DocumentStatus, StudyPack
from fieldwork_app.errors import ErrorKind, FieldworkError, InvalidInput, NotFound
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.studypack import example_pack_path, load_pack, pack_digest
from fieldwork_app.vault import now_iso

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportResult:
    pack_id: str
    version: str
    digest: str
    new_documents: list[str]
    superseded: list[str]
    already_imported: bool


def read_study_key(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read the study public key ({exc.strerror})") from None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("age1") and " " not in line:
            return line
    raise InvalidInput(f"{path}: no age public key (a line starting 'age1') found")


def import_pack(
    ws: Workspace, path: Path | None = None, *, example: bool = False, study_key_file: Path | None = None
) -> ImportResult:
    """Validate and import a pack (all or nothing).  ``example`` imports the built-in example pack."""
    if example:
        path = example_pack_path()
    if path is None:
        raise InvalidInput("give a pack path or --example")
    pack = load_pack(path)  # raises PackValidationError listing every located problem
    if study_key_file is not None:
        key = read_study_key(study_key_file)
        pack = pack.model_copy(update={"sync": pack.sync.model_copy(update={"study_public_key": key})})
    return import_loaded(ws, pack)


def import_loaded(ws: Workspace, pack: StudyPack) -> ImportResult:
    body = pack.model_dump(mode="json")
    digest = pack_digest(pack)
    db = ws.db
    with ws.vault.transaction():
        active = db.execute("SELECT pack_id FROM packs WHERE active = 1").fetchone()
        if active is not None and active["pack_id"] != pack.id:
            raise FieldworkError(
                f"this vault holds study pack '{active['pack_id']}'; a laptop vault serves one study "
                f"(pack '{pack.id}' refused)",
                kind=ErrorKind.INVALID_PACK,
            )
        existing = db.execute(
            "SELECT row_id FROM packs WHERE pack_id = ? AND digest = ?", (pack.id, digest)
        ).fetchone()
        already = existing is not None
        if existing is not None:  # the same pack again (or an older one made current again)
            pack_row = int(existing["row_id"])
        else:
            cur = db.execute(
                "INSERT INTO packs (pack_id, version, digest, body_json, imported_at, imported_by, active)"
                " VALUES (?,?,?,?,?,?,0)",
                (pack.id, pack.version, digest, json.dumps(body, sort_keys=True), now_iso(), ws.user),
            )
            pack_row = int(cur.lastrowid)
        db.execute("UPDATE packs SET active = (row_id = ?)", (pack_row,))
        new_docs: list[str] = []
        listed: set[tuple[str, str]] = set()
        for doc in pack.documents:
            listed.add((doc.id, doc.version))
            approval = doc.approval
            row = db.execute(
                "SELECT row_id, status, body_json FROM documents WHERE doc_id = ? AND version = ?",
                (doc.id, doc.version),
            ).fetchone()
            doc_body = json.dumps(doc.model_dump(mode="json"), sort_keys=True)
            if row is not None and _text_of(row["body_json"]) != _text_of(doc_body):
                raise FieldworkError(
                    f"document {doc.id} version {doc.version} differs from the one already imported under that "
                    "version (records cite it): an approved document's text never changes; give the changed "
                    "document a new version. Nothing was imported.",
                    kind=ErrorKind.INVALID_PACK,
                )
            if row is None:
                db.execute(
                    "INSERT INTO documents (doc_id, version, kind, status, title, approval_ref, approval_date,"
                    " groups_json, formats_json, body_json, first_pack_row) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        doc.id,
                        doc.version,
                        str(doc.kind),
                        str(doc.status),
                        doc.title,
                        approval.reference if approval else None,
                        approval.date.isoformat() if approval else None,
                        json.dumps(list(doc.groups)),
                        json.dumps([str(f) for f in doc.session_formats]),
                        doc_body,
                        pack_row,
                    ),
                )
                new_docs.append(f"{doc.id} v{doc.version}")
            else:
                # The text of a version is fixed; only its lifecycle status and approval record move on.
                db.execute(
                    "UPDATE documents SET status = ?, approval_ref = ?, approval_date = ? WHERE row_id = ?",
                    (
                        str(doc.status),
                        approval.reference if approval else None,
                        approval.date.isoformat() if approval else None,
                        row["row_id"],
                    ),
                )
        superseded: list[str] = []
        for row in db.execute("SELECT row_id, doc_id, version, status FROM documents").fetchall():
            key = (row["doc_id"], row["version"])
            if key not in listed and row["status"] != DocumentStatus.SUPERSEDED:
                db.execute(
                    "UPDATE documents SET status = ? WHERE row_id = ?",
                    (str(DocumentStatus.SUPERSEDED), row["row_id"]),
                )
                superseded.append(f"{row['doc_id']} v{row['version']}")
        ws.vault.audit(
            "pack.import",
            "pack",
            pack.id,
            detail={
                "version": pack.version,
                "digest": digest,
                "new_documents": new_docs,
                "superseded": superseded,
                "again": already,
            },
        )
    ws.forget_pack()
    logger.info("imported study pack %s version %s", pack.id, pack.version)
    return ImportResult(pack.id, pack.version, digest, new_docs, superseded, already)


def _text_of(doc_body: str) -> str:
    """A stored document without its lifecycle status and approval record (what a later pack may change:
    a submitted version becomes approved, then in use, then superseded)."""
    body = json.loads(doc_body)
    body.pop("status", None)
    body.pop("approval", None)
    return json.dumps(body, sort_keys=True)


def list_packs(ws: Workspace) -> list[dict[str, Any]]:
    rows = ws.db.execute(
        "SELECT pack_id, version, digest, imported_at, imported_by, active FROM packs ORDER BY row_id"
    ).fetchall()
    return [dict(r) for r in rows]


def list_documents(ws: Workspace) -> list[dict[str, Any]]:
    rows = ws.db.execute(
        "SELECT doc_id, version, kind, status, title, approval_ref, approval_date,"
        " groups_json, formats_json FROM documents ORDER BY kind, doc_id, version"
    ).fetchall()
    out = []
    for r in rows:
        d = dict(r)
        d["groups"] = json.loads(d.pop("groups_json"))
        d["formats"] = json.loads(d.pop("formats_json"))
        out.append(d)
    return out


# Built once: making a TypeAdapter for the whole document union costs far more than validating one document.
_DOCUMENT = TypeAdapter(Document)


def document(ws: Workspace, doc_id: str, version: str) -> Any:
    """A stored document version (any status), parsed back into its pack model."""
    row = ws.db.execute(
        "SELECT body_json FROM documents WHERE doc_id = ? AND version = ?", (doc_id, version)
    ).fetchone()
    if row is None:
        raise NotFound(f"document {doc_id} v{version} is not in this vault")
    return _DOCUMENT.validate_python(json.loads(row["body_json"]))


def in_use(ws: Workspace, kind: DocumentKind, group_id: str, session_format: str) -> Any:
    return ws.pack().in_use(kind, group_id, session_format)
