"""PDFs on a real vault: they parse, and the text a participant or buddy reads is really in them.

There is no PDF reader among the test dependencies, so :func:`pdf_text` reads fpdf2's output itself:
it inflates the streams, maps each font's glyph ids back to text through its ToUnicode CMap, and
decodes the strings shown by Tj/TJ.  Enough for checking our own PDFs, not a general reader.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fieldwork_app.services import consent, pdfs, sessions
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.vault import now_iso
from tests.support.people import add_eligible

SIG = (
    '<svg viewBox="0 0 300 100"><path d="M 10 80 L 40 20 L 70 80"/><path d="M 90 50 L 150 50 160 40"/></svg>'
)
_ESC = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _literal(raw: bytes) -> bytes:
    out, i = bytearray(), 0
    while i < len(raw):
        c = raw[i : i + 1]
        if c == b"\\":
            nxt = raw[i + 1 : i + 2]
            octal = re.match(rb"[0-7]{1,3}", raw[i + 1 : i + 4])
            if octal:
                out.append(int(octal.group(0), 8))
                i += 1 + len(octal.group(0))
                continue
            out += _ESC.get(nxt, nxt)
            i += 2
        else:
            out += c
            i += 1
    return bytes(out)


def _stream(body: bytes) -> bytes:
    """A stream's bytes, by its /Length: a compressed stream may itself end in a CR, which a search for the
    end-of-line before ``endstream`` would take away."""
    m = re.search(rb"stream\r?\n", body)
    if m is None:
        return b""
    length = re.search(rb"/Length (\d+)\b", body[: m.start()])
    if length is not None:
        data = body[m.end() : m.end() + int(length.group(1))]
    else:
        data = re.split(rb"\r?\nendstream", body[m.end() :], maxsplit=1)[0]
    return zlib.decompress(data) if b"/FlateDecode" in body[: m.start()] else data


def _cmap(data: bytes) -> dict[int, str]:
    out: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for a, b, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            start = int(dst, 16)
            for k, code in enumerate(range(int(a, 16), int(b, 16) + 1)):
                out[code] = chr(start + k)
    return out


def pdf_text(data: bytes) -> str:
    """The text shown in a PDF written by fpdf2, whitespace collapsed."""
    if shutil.which("pdftotext"):
        done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
        return " ".join(done.stdout.decode().split())
    objs = {int(n): body for n, body in re.findall(rb"(\d+) 0 obj(.*?)endobj", data, re.S)}
    fonts: dict[bytes, dict[int, str] | None] = {}
    for body in objs.values():
        for name, ref in re.findall(rb"/(F\d+) (\d+) 0 R", body):
            tu = re.search(rb"/ToUnicode (\d+) 0 R", objs[int(ref)])
            fonts[name] = _cmap(_stream(objs[int(tu.group(1))])) if tu else None
    parts: list[str] = []
    for body in objs.values():
        if b"stream" not in body or b"/Length1" in body:
            continue
        try:
            content = _stream(body)
        except zlib.error:
            continue
        if b" Tf" not in content:
            continue
        cmap: dict[int, str] | None = None
        for tok in re.finditer(rb"/(F\d+)\s+[\d.]+\s+Tf|\(((?:\\.|[^\\)])*)\)|ET", content, re.S):
            if tok.group(1):
                cmap = fonts.get(tok.group(1))
            elif tok.group(0) == b"ET":
                parts.append("\n")
            else:
                raw = _literal(tok.group(2))
                if cmap is None:
                    parts.append(raw.decode("latin-1"))
                else:
                    parts.append(
                        "".join(
                            cmap.get(int.from_bytes(raw[i : i + 2], "big"), "?")
                            for i in range(0, len(raw), 2)
                        )
                    )
    return " ".join("".join(parts).split())


def _flat(text: str) -> str:
    return " ".join(text.split())


def _consent(ws: Workspace, mode: str, **kwargs: object) -> tuple[str, str, str]:
    p = add_eligible(ws, "mother")
    sid = sessions.new(ws, [p.id], "interview", "clinic").id
    form = consent.form_for(ws, sid, p.id)
    answers: dict[str, bool | None] = {s.id: True for s in form.statements}
    answers["O2"] = False
    result = consent.record(ws, sid, p.id, mode, answers, **kwargs)  # type: ignore[arg-type]
    return result.consent_id, p.id, sid


def test_consent_copy_with_signatures(ws: Workspace) -> None:
    cid, pid, sid = _consent(
        ws,
        "electronic",
        signatures={
            "participant": {"svg": SIG, "name": "Zoë Ní Bhriain"},
            "researcher": {"svg": SIG, "name": "Alice Researcher"},
        },
    )
    data = pdfs.consent_copy_pdf(ws, cid)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    form = consent.form_for(ws, sid, pid)
    for s in form.statements:
        assert _flat(s.text) in text
    assert "336543" in text and pid in text and "version 1.1" in text
    assert text.count("Yes (initialled)") == 8 and "Answer: No" in text
    assert "Zoë Ní Bhriain" in text and "signed on screen" in text
    # The strokes are drawn: one polyline per stroke per signature in the page content.
    content = b"".join(
        _stream(b)
        for b in re.findall(rb"obj(.*?)endobj", data, re.S)
        if b"stream" in b and b"/Length1" not in b
    )
    assert content.count(b" l\n") + content.count(b" l ") >= 6
    audit = ws.db.execute("SELECT detail_json FROM audit WHERE action = 'consent.copy'").fetchone()
    assert audit is not None and cid in audit["detail_json"] and "Zo" not in audit["detail_json"]


def test_verbal_consent_copy_names_the_recording(ws: Workspace) -> None:
    p = add_eligible(ws, "mother")
    sid = sessions.new(ws, [p.id], "interview", "clinic").id
    with ws.vault.transaction() as db:  # the consent recording's row, as the recorder leaves it
        db.execute(
            "INSERT INTO recordings (id, session_id, kind, take_no, participant_id, file, status, started_at)"
            " VALUES ('R-consent-0001', ?, 'consent', 1, ?, 'R-consent-0001.fwa', 'sealed', ?)",
            (sid, p.id, now_iso()),
        )
    answers = {st.id: True for st in consent.form_for(ws, sid, p.id).statements}
    cid = consent.record(ws, sid, p.id, "verbal", answers, recording_id="R-consent-0001").consent_id
    text = pdf_text(pdfs.consent_copy_pdf(ws, cid))
    assert "given verbally" in text and "R-consent-0001" in text


def test_svg_parser_reads_moves_and_lines() -> None:
    strokes = pdfs.svg_strokes(SIG)
    assert strokes == [[(10, 80), (40, 20), (70, 80)], [(90, 50), (150, 50), (160, 40)]]
    assert pdfs.svg_strokes("<path d='m 1 1 l 2 0 0 2 z'/>") == [[(1, 1), (3, 1), (3, 3), (1, 1)]]
    assert pdfs.svg_strokes('<path d="M 0 0 C 1 1 2 2 3 3"/>') == []
    assert pdfs.svg_strokes("<svg/>") == []


def test_document_previews_start_empty(ws: Workspace) -> None:
    form = ws.pack().document("consent-mother-interview", "1.1")
    text = pdf_text(pdfs.document_preview_pdf(ws, "consent-mother-interview", "1.1"))
    for s in form.statements:  # type: ignore[union-attr]
        assert _flat(s.text) in text
    assert "Yes (initialled)" not in text and "initial each box" in text
    sheet = pdf_text(pdfs.document_preview_pdf(ws, "pis-mother", "1.1"))
    pis = ws.pack().document("pis-mother", "1.1")
    assert all(_flat(sec.heading) in sheet for sec in pis.sections)  # type: ignore[union-attr]
    old = pdf_text(pdfs.document_preview_pdf(ws, "consent-mother-interview", "1.0"))
    assert "superseded: not for use with participants" in old
    guide = pdf_text(pdfs.document_preview_pdf(ws, "guide-mother", "1.0"))
    assert "Tell me a bit about you and your family now." in guide


def test_signposting_handout_is_one_page(ws: Workspace) -> None:
    data = pdfs.signposting_pdf(ws, "mother")
    assert len(re.findall(rb"/Type /Page\b", data)) == 1
    text = pdf_text(data)
    assert "Samaritans" in text and "116 123" in text and "PANDAS Foundation" in text
    assert "PANDAS" not in pdf_text(pdfs.signposting_pdf(ws, "practitioner"))


def test_buddy_sheet_with_and_without_the_address(ws: Workspace) -> None:
    p = add_eligible(ws, "mother")
    sid = sessions.new(ws, [p.id], "interview", "home").id
    start = datetime(2025, 3, 4, 10, 0, tzinfo=UTC)
    plan = {
        "buddy_name": "Sam Buddy",
        "buddy_phone": "07700 900123",
        "backup_name": "Jo Backup",
        "start": start.isoformat(),
        "expected_end": (start + timedelta(minutes=90)).isoformat(),
        "travel_home_minutes": 40,
        "code_word_agreed": True,
        "risk_assessment_done": True,
    }
    sessions.update_plan(ws, sid, {"lone_working": plan})
    sessions.seal_location(ws, sid, "12 Acacia Avenue, London", "020 7946 0000")
    sealed = pdf_text(pdfs.buddy_sheet_pdf(ws, sid, include_address=False))
    assert "Sam Buddy" in sealed and "Acacia" not in sealed and "calls the police" in sealed
    assert ws.db.execute("SELECT COUNT(*) FROM audit WHERE action = 'location.unseal'").fetchone()[0] == 0
    shown = pdf_text(pdfs.buddy_sheet_pdf(ws, sid, include_address=True))
    assert "12 Acacia Avenue, London" in shown and "020 7946 0000" in shown
    assert ws.db.execute("SELECT COUNT(*) FROM audit WHERE action = 'location.unseal'").fetchone()[0] == 1
    assert (
        ws.db.execute("SELECT COUNT(*) FROM audit WHERE action = 'lonework.buddy_sheet'").fetchone()[0] == 2
    )


def test_falls_back_to_helvetica_without_dejavu(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(pdfs, "FONT_DIR", tmp_path / "no-fonts")
    cid, _, _ = _consent(ws, "paper")
    data = pdfs.consent_copy_pdf(ws, cid)
    assert data.startswith(b"%PDF") and b"Helvetica" in data
    text = pdf_text(data)
    assert "my family's support" in text and "Yes (initialled)" in text


def test_attested_consent_copy_says_why_she_did_not_sign_only_in_the_identity_copy(
    attested_vault_dir,
) -> None:  # type: ignore[no-untyped-def]
    from fieldwork_app.services import workspace
    from tests.support.vaults import PASSPHRASE, USER

    ws = workspace.unlock(attested_vault_dir, USER, PASSPHRASE)
    try:
        p = add_eligible(ws, "mother")
        sid = sessions.new(ws, [p.id], "interview", "clinic").id
        answers = {st.id: True for st in consent.form_for(ws, sid, p.id).statements}
        cid = consent.record(
            ws, sid, p.id, "attested", answers, unsigned_reason="Her hand is in a cast",
            signatures={"researcher": {"svg": SIG, "name": "Alice Researcher"}},
        ).consent_id  # fmt: skip
        text = pdf_text(pdfs.consent_copy_pdf(ws, cid))
        assert "not signed on screen" in text and "Her hand is in a cast" in text
        research = pdf_text(pdfs.consent_copy_pdf(ws, cid, include_identity=False))
        assert "Her hand is in a cast" not in research and "identity records" in research
    finally:
        ws.close()


def test_files_saved_in_the_clear_are_new_private_audited_and_can_be_encrypted(
    ws: Workspace, tmp_path: Path
) -> None:
    import json
    import os
    import stat

    import pyrage

    from fieldwork_app.errors import InvalidInput
    from fieldwork_app.services import clearfiles

    cid, _pid, sid = _consent(ws, "paper")
    out = tmp_path / "Ms Example consent.pdf"  # a path can name a person: it is never audited
    written = clearfiles.save_consent_copy(ws, cid, out)
    assert written == out and out.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    before = out.read_bytes()
    with pytest.raises(InvalidInput, match="already exists"):
        clearfiles.save_consent_copy(ws, cid, out)  # never overwritten
    assert out.read_bytes() == before
    planted = tmp_path / "planted.pdf"
    os.symlink(tmp_path / "elsewhere.pdf", planted)
    with pytest.raises(InvalidInput):
        clearfiles.save_consent_copy(ws, cid, planted)  # a planted link is not followed
    assert not (tmp_path / "elsewhere.pdf").exists()
    # encrypted to a passphrase: a standard age file
    enc = clearfiles.save_consent_copy(ws, cid, tmp_path / "copy.pdf", passphrase="correct horse battery")
    assert enc.name == "copy.pdf.age" and not (tmp_path / "copy.pdf").exists()
    assert stat.S_IMODE(enc.stat().st_mode) == 0o600
    assert enc.read_bytes().startswith(b"age-encryption.org/v1")
    assert pyrage.passphrase.decrypt(enc.read_bytes(), "correct horse battery").startswith(b"%PDF")
    with pytest.raises(InvalidInput, match="at least"):
        clearfiles.save_consent_copy(ws, cid, tmp_path / "short.pdf", passphrase="short")
    rows = ws.db.execute(
        "SELECT session_id, detail_json FROM audit WHERE action = 'file.save' ORDER BY seq"
    ).fetchall()
    assert [json.loads(r["detail_json"]) for r in rows] == [
        {"kind": "consent_copy", "encrypted": False, "format": ".pdf"},
        {"kind": "consent_copy", "encrypted": True, "format": ".pdf"},
    ]
    assert all(r["session_id"] == sid for r in rows)
    every = json.dumps([dict(r) for r in ws.db.execute("SELECT * FROM audit").fetchall()])
    assert "Ms Example" not in every and str(tmp_path) not in every
