"""PDFs rendered in memory: a participant's consent copy, document previews, the support handout, and
the buddy's sheet for a home visit.

Every function returns ``bytes``; the caller decides where they go (the GUI asks, the CLI writes to a
path it was given), so nothing identity-linked is ever left in a temp file.  Text is set in DejaVu Sans
where Debian has it (fonts-dejavu-core) so names and punctuation print as typed; without it the core
Helvetica is used and characters outside Latin-1 are replaced.  Views of identity data (signatures, the
visit address) are audited.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldwork_app.domain.pack import (
    AnswerType,
    ConsentForm,
    DocumentKind,
    DocumentStatus,
    InformationSheet,
    TopicGuide,
    VerbalConsentScript,
    emergency_phones,
)
from fieldwork_app.errors import InvalidInput, NotFound
from fieldwork_app.services import clock as clock_mod
from fieldwork_app.services import ethics
from fieldwork_app.services import lonework as lonework_svc
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import participants as participants_svc
from fieldwork_app.services import sessions as sessions_svc
from fieldwork_app.services.clock import local_hm
from fieldwork_app.services.workspace import Workspace

if TYPE_CHECKING:
    from fieldwork_app.services.pdfdoc import Pdf

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def _font_candidates() -> list[tuple[Path, Path]]:
    """Unicode TrueType fonts to try, in order: bundled with the app, Linux, Windows, macOS."""
    from fieldwork_app.paths import resources_dir

    bundled = resources_dir() / "fonts"
    windows = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
    mac = Path("/System/Library/Fonts/Supplemental")
    return [
        (bundled / "DejaVuSans.ttf", bundled / "DejaVuSans-Bold.ttf"),
        (FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"),
        (windows / "segoeui.ttf", windows / "segoeuib.ttf"),
        (windows / "arial.ttf", windows / "arialbd.ttf"),
        (mac / "Arial.ttf", mac / "Arial Bold.ttf"),
        (Path("/Library/Fonts/Arial Unicode.ttf"), Path("/Library/Fonts/Arial Unicode.ttf")),
    ]


_MODES = {
    "written": "signed on screen",
    "verbal": "given verbally and audio-recorded",
    "paper": "signed on the paper form",
    "attested": "given in person and recorded by the researcher, not signed on screen (the reason is recorded)",
}

Stroke = list[tuple[float, float]]


def _Pdf(title: str, footer: str) -> Pdf:  # noqa: N802 (made as the class it returns)
    from fieldwork_app.services.pdfdoc import Pdf

    regular, bold = next(
        ((r, b) for r, b in _font_candidates() if r.is_file()),
        (FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"),
    )
    return Pdf(title, footer, regular if regular.is_file() else None, bold)


def _study_header(pdf: Pdf, ws: Workspace) -> None:
    study = ws.pack().study
    pdf.heading(study.title, 12)
    pdf.field("IRAS ID", study.iras_id, 9)
    pdf.field("REC reference", study.rec_reference, 9)
    pdf.field("Sponsor", study.sponsor, 9)
    pdf.ln(2)


# -- signatures ------------------------------------------------------------------------------------------
_D_ATTR = re.compile(r"""\bd\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def svg_strokes(svg: str) -> list[Stroke]:
    """The polylines of an SVG signature: every path's M/L (and m/l) commands; others are skipped."""
    strokes: list[Stroke] = []
    for match in _D_ATTR.finditer(svg):
        d = match.group(1) if match.group(1) is not None else match.group(2)
        tokens = _TOKEN.findall(d)
        command, i = "", 0
        current: Stroke = []
        x = y = 0.0
        while i < len(tokens):
            tok = tokens[i]
            if tok.isalpha():
                command = tok
                i += 1
                if command in "Zz" and current:
                    current.append(current[0])
                continue
            if command not in ("M", "L", "m", "l") or i + 1 >= len(tokens) or tokens[i + 1].isalpha():
                i += 1  # numbers of a command this parser does not draw
                continue
            dx, dy = float(tok), float(tokens[i + 1])
            i += 2
            relative = command in "ml"
            x, y = (x + dx, y + dy) if relative else (dx, dy)
            if command in "Mm":
                if len(current) > 1:
                    strokes.append(current)
                current = [(x, y)]
                command = "l" if relative else "L"  # coordinates after a moveto are linetos
            else:
                current.append((x, y))
        if len(current) > 1:
            strokes.append(current)
    return strokes


def _draw_signature(pdf: Pdf, svg: str, x: float, y: float, w: float, h: float) -> None:
    pdf.set_draw_color(160, 160, 160)
    pdf.rect(x, y, w, h)
    pdf.set_draw_color(0, 0, 0)
    strokes = svg_strokes(svg)
    points = [p for s in strokes for p in s]
    if not points:
        pdf.set_xy(x + 2, y + h / 2 - 2)
        pdf.set_font(pdf.family_name, "", 8)
        pdf.cell(w - 4, 4, pdf.t("(no signature strokes)"))
        return
    min_x, max_x = min(p[0] for p in points), max(p[0] for p in points)
    min_y, max_y = min(p[1] for p in points), max(p[1] for p in points)
    span_x, span_y = max(max_x - min_x, 1e-6), max(max_y - min_y, 1e-6)
    scale = min((w - 4) / span_x, (h - 4) / span_y)
    ox = x + 2 + ((w - 4) - span_x * scale) / 2
    oy = y + 2 + ((h - 4) - span_y * scale) / 2
    pdf.set_line_width(0.4)
    for stroke in strokes:
        pts = [(ox + (px - min_x) * scale, oy + (py - min_y) * scale) for px, py in stroke]
        pdf.polyline(pts)
    pdf.set_line_width(0.2)


def _answer(value: Any, kind: AnswerType) -> str:
    if value is None:
        return "Not answered"
    if value == "not_applicable":
        return "Not applicable to this participant (not asked)"
    if value is True:
        return "Yes (initialled)" if kind is AnswerType.INITIALS else "Yes"
    return "No"


def consent_copy_pdf(ws: Workspace, consent_id: str, include_identity: bool = True) -> bytes:
    """The participant's copy of their consent: every statement with their answer, and the signatures.

    ``include_identity=False`` gives the study-file copy that travels with research data: the same record
    without names or signatures, which stay in the laptop's identity store.
    """
    r = ws.db.execute("SELECT * FROM consent_records WHERE id = ?", (consent_id,)).fetchone()
    if r is None:
        raise NotFound(f"no consent record '{consent_id}'")
    form = packs_svc.document(ws, r["form_doc"], r["form_version"])
    if not isinstance(form, ConsentForm):
        raise InvalidInput(f"document {r['form_doc']} is not a consent form")
    pis = packs_svc.document(ws, r["pis_doc"], r["pis_version"])
    person = participants_svc.get(ws, r["participant_id"])
    answers = json.loads(r["answers_json"])
    signatures = ws.idb.execute(
        "SELECT signer, svg, name, signed_at FROM signatures WHERE consent_id = ? ORDER BY signer",
        (consent_id,),
    ).fetchall()
    signed = len(signatures)
    if not include_identity:
        signatures = []
    ws.vault.audit(
        "consent.copy",
        "participant",
        person.id,
        session_id=r["session_id"],
        detail={"consent": consent_id, "signatures": len(signatures), "identity": include_identity},
    )
    pdf = _Pdf(f"Consent copy {consent_id}", f"{ws.pack().study.short_title} - consent {consent_id}")
    _study_header(pdf, ws)
    pdf.heading(form.title)
    pdf.field("Participant ID", person.id)
    pdf.field("Group", ws.pack().group(person.group_id).label)
    pdf.field("Consent form", f"version {form.version}, dated {form.date.isoformat()}")
    pdf.field("Information sheet", f"{pis.title}, version {pis.version}, dated {pis.date.isoformat()}")
    pdf.ln(3)
    for s in form.statements:
        pdf.set_font(pdf.family_name, "B", 10)
        pdf.cell(10, 5, pdf.t(s.id))
        pdf.set_font(pdf.family_name, "", 10)
        optional = "" if s.required else "  (optional)"
        pdf.multi_cell(0, 5, pdf.t(s.text + optional), new_x="LMARGIN", new_y="NEXT")
        pdf.set_x(pdf.l_margin + 10)
        pdf.set_font(pdf.family_name, "B", 10)
        pdf.cell(
            0, 5, pdf.t("Answer: " + _answer(answers.get(s.id), s.answer)), new_x="LMARGIN", new_y="NEXT"
        )
        pdf.ln(1.5)
    pdf.ln(2)
    pdf.field("Consent", _MODES.get(r["mode"], r["mode"]))
    if r["consent_by"] == "consultee":
        advice = json.loads(r["parties_json"] or "{}").get("consultee", {})
        pdf.para(
            "The participant could not decide at this session (capacity assessment), so did not consent: "
            f"this record rests on the advice of a {advice.get('kind', '')} consultee, given "
            f"{advice.get('advised_on', '')}, that the participant would want to take part.",
            9,
        )
    pdf.field("Date", r["taken_at"][:16].replace("T", " ") + " UTC")
    pdf.field("Consent taken by", r["taken_by"])
    facts = ethics.consent_fact_lines(ethics.consent_facts(ws, dict(r)))
    if facts:
        pdf.ln(2)
        pdf.para(" ".join(facts), 9)
    if r["mode"] == "verbal":
        pdf.ln(2)
        pdf.para(
            "Consent was given verbally: the researcher read each statement aloud on a recording and noted "
            "each answer here.  Consent recording id: " + (r["recording_id"] or "none given"),
            9,
        )
    if r["mode"] == "attested":
        unsigned = ws.idb.execute(
            "SELECT reason FROM consent_unsigned WHERE consent_id = ?", (consent_id,)
        ).fetchone()
        pdf.ln(2)
        if include_identity and unsigned is not None:
            pdf.field("Not signed because", unsigned["reason"])
        else:
            pdf.para("The reason the participant did not sign is held in the study's identity records.", 9)
    if r["copy_sent_at"]:
        pdf.field("Copy sent", r["copy_sent_at"][:10])
    if signed and not include_identity:
        pdf.ln(2)
        pdf.para(
            f"Signed on screen by {signed} signatories; names and signatures are held in the study's "
            "identity records, apart from research data.",
            9,
        )
    for sig in signatures:
        if pdf.get_y() > pdf.h - 60:
            pdf.add_page()
        pdf.ln(4)
        who = {"participant": "Participant", "consultee": "Consultee"}.get(sig["signer"], "Person taking consent")
        pdf.field(
            who, f"{sig['name'] or '(name not given)'}, signed {sig['signed_at'][:16].replace('T', ' ')} UTC"
        )
        y = pdf.get_y() + 1
        _draw_signature(pdf, sig["svg"], pdf.l_margin, y, 80, 28)
        pdf.set_y(y + 30)
    return pdf.render()


# -- document previews -----------------------------------------------------------------------------------
def document_preview_pdf(ws: Workspace, doc_id: str, version: str) -> bytes:
    """An information sheet, consent form (every box empty), verbal script or topic guide, as approved."""
    doc = packs_svc.document(ws, doc_id, version)
    pdf = _Pdf(f"{doc.title} v{doc.version}", f"{doc.id} version {doc.version}, dated {doc.date.isoformat()}")
    _study_header(pdf, ws)
    pdf.heading(doc.title)
    pdf.field("Version", f"{doc.version}, dated {doc.date.isoformat()}")
    if doc.status not in (DocumentStatus.APPROVED, DocumentStatus.IN_USE):
        pdf.field("Status", f"{doc.status.value.replace('_', ' ')}: not for use with participants")
    pdf.ln(3)
    if isinstance(doc, InformationSheet):
        for text_section in doc.sections:
            pdf.heading(text_section.heading, 11)
            pdf.para(text_section.text)
            pdf.ln(2)
    elif isinstance(doc, ConsentForm):
        pdf.field("Participant ID", "")
        pdf.ln(2)
        pdf.para("Please initial each box.", 9)
        pdf.ln(2)
        width = pdf.w - pdf.l_margin - pdf.r_margin
        for s in doc.statements:
            y = pdf.get_y()
            pdf.set_font(pdf.family_name, "B", 10)
            pdf.cell(10, 5, pdf.t(s.id))
            pdf.set_font(pdf.family_name, "", 10)
            pdf.multi_cell(width - 45, 5, pdf.t(s.text + ("" if s.required else "  (optional)")))
            end = pdf.get_y()
            if s.answer is AnswerType.YES_NO:
                right = pdf.l_margin + width - 30
                pdf.set_xy(right, y)
                pdf.cell(8, 5, pdf.t("Yes"))
                pdf.box(right + 8, y)
                pdf.set_xy(right + 15, y)
                pdf.cell(7, 5, pdf.t("No"))
                pdf.box(right + 23, y)
            else:
                pdf.box(pdf.l_margin + width - 12, y, 10)
            pdf.set_xy(pdf.l_margin, max(end, y + 11) + 1)
        pdf.ln(4)
        for who in ("Name of participant", "Name of person taking consent"):
            pdf.set_font(pdf.family_name, "", 9)
            line = "_" * 30
            pdf.cell(
                0,
                8,
                pdf.t(f"{who}: {line}   Signature: {line}   Date: ________"),
                new_x="LMARGIN",
                new_y="NEXT",
            )
    elif isinstance(doc, VerbalConsentScript):
        pdf.para(doc.intro)
        pdf.ln(2)
        for p in doc.prompts:
            pdf.para(f"Statement {p.statement}", 10, bold=True)
            pdf.para(p.text)
            pdf.ln(1)
        pdf.ln(2)
        pdf.para(doc.closing)
    elif isinstance(doc, TopicGuide):
        for rule in doc.ground_rules:
            pdf.para("- " + rule, 9)
        for sec in doc.sections:
            pdf.ln(2)
            pdf.heading(f"{sec.id}. {sec.title} (about {sec.minutes} min)", 11)
            pdf.para(sec.aim, 9)
            for q in sec.questions:
                pdf.para(f"{q.id}  {q.text}", 10, bold=True)
                for probe in q.probes:
                    pdf.para(f"     {probe.text} ({probe.type.value})", 9)
    return pdf.render()


# -- support handout -------------------------------------------------------------------------------------
def danger_line(phones: Sequence[str]) -> str:
    """What to do in immediate danger, with the numbers of the pack's emergency-services entries on the
    handout ("call 112 or 999"); with none, the emergency services without a number (never one the pack
    does not give).  In English, like every PDF this module writes (none is translated), "or" included."""
    if not phones:
        return "If you or someone else is in immediate danger, call the emergency services."
    numbers = phones[-1] if len(phones) == 1 else f"{', '.join(phones[:-1])} or {phones[-1]}"
    return f"If you or someone else is in immediate danger, call {numbers}."


def signposting_pdf(
    ws: Workspace, group_id: str | None = None, entry_ids: Sequence[str] | None = None
) -> bytes:
    """A one-page list of where to get support (emergency entries first), small enough to hand over: the
    entries named by ``entry_ids`` (one participant's, as the session screen gives them), else the group's,
    else every entry."""
    pack = ws.pack()
    if entry_ids is not None:
        entries = [e for e in pack.signposting.entries if e.id in set(entry_ids)]
    else:
        entries = pack.signposting.for_group(group_id) if group_id else list(pack.signposting.entries)
    entries = sorted(entries, key=lambda e: not e.emergency)
    danger = danger_line(emergency_phones(entries))
    data = b""
    for size in (11.0, 10.0, 9.0, 8.0, 7.0, 6.0):
        pdf = _Pdf(
            "Where to get support", f"{pack.study.short_title} - support list v{pack.signposting.version}"
        )
        pdf.heading("Where to get support", size + 5)
        pdf.para(f"{pack.study.short_title}. {danger}", size)
        pdf.ln(2)
        for e in entries:
            pdf.para(e.name, size, bold=True)
            pdf.para(e.purpose, size)
            ways = [
                f"Phone {e.phone}" if e.phone else "",
                e.text_message or "",
                e.hours or "",
                e.web or "",
            ]
            line = "  |  ".join(w for w in ways if w)
            if line:
                pdf.para(line, size - 1)
            pdf.ln(1.5)
        data = pdf.render()
        if pdf.page_no() == 1:
            break
    return data


# -- buddy sheet -----------------------------------------------------------------------------------------
def buddy_rows(plan: lonework_svc.BuddyPlan) -> list[tuple[str, str]]:
    """The sheet's "Times": (local time "14:05" or "", what happens), in the sheet's words."""
    kinds = lonework_svc.BuddyStepKind
    words = {
        kinds.VISIT_STARTS: "Visit starts. The researcher checks in with you before going in.",
        kinds.NO_CHECK_IN: "No check-in by now: call the researcher.",
        kinds.VISIT_ENDS: "Visit due to end. The researcher checks out with you.",
    }
    rows = []
    for step in plan.steps:
        if step.kind is kinds.NO_CHECK_OUT:
            what = f"No check-out yet: {step.action}"
        elif step.kind is kinds.HOME_SAFE_WITHIN:
            what = f"After check-out the researcher confirms they are home safe within {step.minutes} min."
        else:
            what = words[step.kind]
        rows.append((local_hm(clock_mod.parse(step.at, "step time")) if step.at else "", what))
    return rows


def buddy_sheet_pdf(ws: Workspace, session_id: str, include_address: bool) -> bytes:
    """The buddy's copy of a home visit's plan; the address only when asked (an audited unseal)."""
    plan = lonework_svc.buddy_plan(ws, session_id)
    pack = ws.pack()
    location: dict[str, str] = {}
    if include_address:
        location = sessions_svc.unseal_location(ws, session_id, "buddy sheet")
    ws.vault.audit(
        "lonework.buddy_sheet",
        "session",
        session_id,
        session_id=session_id,
        detail={"address": include_address},
    )
    pdf = _Pdf(f"Buddy sheet {session_id}", f"{pack.study.short_title} - buddy sheet {session_id}")
    pdf.heading(f"Buddy sheet: home visit {session_id}")
    pdf.para(
        "The researcher's laptop cannot call anyone. You make the calls below by phone, at the times shown.",
        9,
    )
    pdf.ln(2)
    pdf.field("Buddy", f"{plan.buddy_name} ({plan.buddy_phone})")
    if plan.backup_name:
        phone = f" ({plan.backup_phone})" if plan.backup_phone else ""
        pdf.field("Back-up buddy", plan.backup_name + phone)
    ci = pack.study.chief_investigator
    pdf.field("Chief investigator", ", ".join(x for x in (ci.name, ci.phone or "", ci.email or "") if x))
    lead = pack.safeguarding.designated_lead
    pdf.field("Safeguarding lead", ", ".join(x for x in (lead.name, lead.phone or "", lead.email or "") if x))
    if include_address:
        pdf.field("Visit address", location.get("address", ""))
        if location.get("phone"):
            pdf.field("Phone at the visit", location["phone"])
    else:
        pdf.field("Visit address", "sealed on the researcher's laptop; unsealed only when escalating")
    pdf.ln(3)
    pdf.heading("Times", 11)
    for when, what in buddy_rows(plan):
        pdf.field(when or "-", what)
    pdf.ln(2)
    pdf.heading("If the researcher uses the code word", 11)
    pdf.para(plan.code_word_action)
    if plan.guidance:
        pdf.ln(2)
        pdf.heading("Guidance", 11)
        for g in plan.guidance:
            pdf.para("- " + g, 9)
    return pdf.render()


def session_document_pdf(ws: Workspace, session_id: str, kind: str) -> tuple[str, bytes]:
    """The information sheet (``kind`` "information_sheet") or consent form of the session's first
    participant as PDF bytes, with a file name they recognise (the document's title and version)."""
    s = sessions_svc.get(ws, session_id)
    d = sessions_svc.documents_for(ws, s.id, s.participant_ids[0])
    doc_id, version = (
        (d["pis_doc"], d["pis_version"])
        if kind == DocumentKind.INFORMATION_SHEET
        else (d["form_doc"], d["form_version"])
    )
    title = str(packs_svc.document(ws, str(doc_id), str(version)).title)
    name = "".join(c for c in title if c not in '/\\:*?"<>|').strip() or str(doc_id)
    return f"{name} v{version}.pdf", document_preview_pdf(ws, str(doc_id), str(version))
