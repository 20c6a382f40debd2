"""Building bundles: what a session, its identity data or a withdrawal sends, read from the services
that own the data; what of the audit log may leave; and the numbers this laptop gives its bundles."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fieldwork_app import audio
from fieldwork_app.domain.pack import SessionFormat
from fieldwork_app.domain.records import RecordingKind
from fieldwork_app.errors import FieldworkError
from fieldwork_app.services import closeout as closeout_svc
from fieldwork_app.services import consent as consent_svc
from fieldwork_app.services import distress as distress_svc
from fieldwork_app.services import ethics
from fieldwork_app.services import interview as interview_svc
from fieldwork_app.services import packs as packs_svc
from fieldwork_app.services import participants as participants_svc
from fieldwork_app.services import pdfs as pdfs_svc
from fieldwork_app.services import recording as recording_svc
from fieldwork_app.services import safeguarding as safeguarding_svc
from fieldwork_app.services import sessions as sessions_svc
from fieldwork_app.services.sync.keys import device_fingerprint
from fieldwork_app.services.workspace import Workspace
from fieldwork_app.sync.bundle import (
    BundleEntry,
    BundleSpec,
    ChainCursor,
    StagedBundle,
)
from fieldwork_app.vault import audit, now_iso

PORTABLE_AUDIO = "application/vnd.fieldwork.portable-audio"


def _consultee_advice(c: dict[str, Any]) -> dict[str, Any] | None:
    """On the consultee route, the consultee's advice as the research record keeps it (kind, advice, day;
    their name and relationship stay in the identity store)."""
    if c.get("consent_by") != "consultee":
        return None
    got = json.loads(c.get("parties_json") or "{}").get("consultee") or {}
    return {k: got.get(k) for k in ("kind", "advice", "advised_on")}


def record_bundle_takes(ws: Workspace, spec: BundleSpec) -> None:
    """Note which takes this (re)built bundle carries: only those may be purged on its receipt."""
    ids = sorted({str(e.meta["recording_id"]) for e in spec.entries if e.meta.get("recording_id")})
    with ws.vault.transaction() as db:
        db.execute("DELETE FROM bundle_recordings WHERE bundle_id = ?", (spec.bundle_id,))
        db.executemany(
            "INSERT INTO bundle_recordings (bundle_id, recording_id) VALUES (?, ?)",
            [(spec.bundle_id, rid) for rid in ids],
        )


def _json_bytes(obj: Any) -> Callable[[], Iterable[bytes]]:
    data = json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
    return lambda: [data]


def _raw_bytes(data: bytes) -> Callable[[], Iterable[bytes]]:
    return lambda: [data]


def _csv_bytes(rows: list[dict[str, Any]], columns: list[str]) -> Callable[[], Iterable[bytes]]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow(r)
    data = buf.getvalue().encode("utf-8")
    return lambda: [data]


def _audio_entry(path_in_bundle: str, file: Path, key: bytes, meta: dict[str, Any]) -> BundleEntry:
    def produce() -> Iterator[bytes]:
        return audio.portable_chunks(file, key)

    return BundleEntry(path_in_bundle, PORTABLE_AUDIO, produce, meta)


def session_folder(session_id: str, participant_ids: list[str], session_format: str) -> str:
    """Where a session's research files go in the bundle (and the analysis folder): under the participant for
    a session with one, else by the session's format (``joint-interviews/`` or ``focus-groups/``)."""
    if len(participant_ids) == 1:
        return f"{participant_ids[0]}/{session_id}"
    if session_format == SessionFormat.JOINT_INTERVIEW:
        return f"joint-interviews/{session_id}"
    return f"focus-groups/{session_id}"


def session_spec(ws: Workspace, bundle_id: str, session_id: str) -> BundleSpec:
    """Everything a session sends, as bundle entries (research data only: no identity, no safeguarding)."""
    s = sessions_svc.get(ws, session_id)
    folder = session_folder(s.id, list(s.participant_ids), str(s.format))
    entries: list[BundleEntry] = []
    takes = [t for t in recording_svc.takes(ws, session_id) if t.sendable]
    for t in takes:
        name = (
            f"audio/interview-take-{t.take_no}"
            if t.kind is RecordingKind.INTERVIEW
            else f"consent/verbal-consent-{t.participant_id}-take-{t.take_no}"
        )
        entries.append(
            _audio_entry(
                f"{folder}/{name}",
                recording_svc.take_path(ws, session_id, t.id),
                ws.vault.recording_key(t.id),
                {
                    "recording_id": t.id,
                    "kind": str(t.kind),
                    "take": t.take_no,
                    "duration": t.duration,
                    "started_at": t.started_at,
                },
            )
        )
    consents = consent_svc.records_for_session(ws, session_id)
    for c in consents:
        form = packs_svc.document(ws, c["form_doc"], c["form_version"])
        answers = c["answers"]
        body = {
            "consent_id": c["id"],
            "participant": c["participant_id"],
            "session": session_id,
            "mode": c["mode"],
            "form": {"id": c["form_doc"], "version": c["form_version"], "title": form.title},
            "information_sheet": {"id": c["pis_doc"], "version": c["pis_version"]},
            "statements": [
                {
                    "id": st.id,
                    "text": st.text,
                    "required": st.required,
                    "role": st.role,
                    "answer": answers.get(st.id),
                }
                for st in form.statements
            ],
            "consent_by": c.get("consent_by") or "participant",
            "consultee_advice": _consultee_advice(c),
            # who else had a part (a guardian agreed, an interpreter present) and the capacity assessment:
            # facts only, their names stay in the identity store
            **ethics.consent_facts(ws, c),
            "answer_positions_on_consent_recording": c["answer_times"],
            "consent_recording": c["recording_id"],
            "taken_by": c["taken_by"],
            "taken_at": c["taken_at"],
        }
        entries.append(
            BundleEntry(
                f"{folder}/consent/consent-{c['participant_id']}.json",
                "application/json",
                _json_bytes(body),
                {"consent_id": c["id"]},
            )
        )
        # The study-file copy: the same record without names or signatures (identity data stays here).
        pdf = pdfs_svc.consent_copy_pdf(ws, c["id"], include_identity=False)
        entries.append(
            BundleEntry(
                f"{folder}/consent/consent-{c['participant_id']}.pdf",
                "application/pdf",
                _raw_bytes(pdf),
                {"consent_id": c["id"]},
            )
        )
    notes = interview_svc.note_rows(ws, session_id)
    markers = interview_svc.marker_rows(ws, session_id)
    coverage = interview_svc.guide_progress_rows(ws, session_id)
    distress = distress_svc.event_rows(ws, session_id)
    withheld = withheld_distress_codes(ws)
    # Support entries for the participant's area only would tell the area (an identifying attribute): research data
    # counts them ("local support given"); their ids stay on the laptop with identity data.
    identifying = identifying_signposting_ids(ws)
    for d in distress:
        d["steps"] = [
            st
            for st in d["steps"]
            if st.get("kind") in RESEARCH_DISTRESS_STEPS and not _withheld_step(st, withheld)
        ]
        for st in d["steps"]:
            if st.get("kind") == "signposting":
                st["entries"], local = _local(st.get("entries"), identifying)
                if local:
                    st["local_entries"] = local
    closeout = closeout_svc.find(ws, session_id)
    closeout_body: dict[str, Any] = dict(closeout.body) if closeout is not None else {}
    if closeout is not None:
        closeout_body["signposting_given"], local = _local(closeout_body.get("signposting_given"), identifying)
        if local:
            closeout_body["signposting_local"] = local
    note_cols = list(interview_svc.NOTE_COLUMNS)
    marker_cols = list(interview_svc.MARKER_COLUMNS)
    entries += [
        BundleEntry(f"{folder}/notes.csv", "text/csv", _csv_bytes(notes, note_cols)),
        BundleEntry(f"{folder}/notes.json", "application/json", _json_bytes(notes)),
        BundleEntry(f"{folder}/markers.csv", "text/csv", _csv_bytes(markers, marker_cols)),
        BundleEntry(f"{folder}/markers.json", "application/json", _json_bytes(markers)),
        BundleEntry(
            f"{folder}/guide-coverage.json",
            "application/json",
            _json_bytes({"guide": {"id": s.guide_doc, "version": s.guide_version}, "questions": coverage}),
        ),
        BundleEntry(f"{folder}/distress-events.json", "application/json", _json_bytes(distress)),
    ]
    if closeout is not None:
        entries.append(
            BundleEntry(
                f"{folder}/close-out.json",
                "application/json",
                _json_bytes(
                    {
                        **closeout_body,
                        "completed_at": closeout.saved_at,
                        "completed_by": closeout.saved_by,
                    }
                ),
            )
        )
    session_doc = {
        "session": s.id,
        "format": s.format,
        "location_kind": s.location_kind,
        "status": str(s.status),
        "participants": list(s.participant_ids),
        "groups": {p: participants_svc.get(ws, p).group_id for p in s.participant_ids},
        "planned_start": s.planned_start,
        "planned_minutes": s.planned_minutes,
        "topic_guide": {"id": s.guide_doc, "version": s.guide_version},
        "documents": {p: sessions_svc.documents_for(ws, s.id, p) for p in s.participant_ids},
        "takes": [
            {
                k: t.row()[k]
                for k in (
                    "id",
                    "kind",
                    "take_no",
                    "duration",
                    "started_at",
                    "ended_at",
                    "status",
                    "samplerate",
                    "channels",
                )
            }
            for t in takes
        ],
        "completed_at": s.completed_at,
    }
    entries.append(BundleEntry(f"{folder}/session.json", "application/json", _json_bytes(session_doc)))
    audit_entries = session_audit(ws, session_id)
    entries.append(BundleEntry(f"{folder}/audit.json", "application/json", _json_bytes(audit_entries)))
    return _bundle(
        ws,
        "session",
        bundle_id,
        s.id,
        list(s.participant_ids),
        entries,
        audit_entries,
        {
            "session": session_doc,
            "folder": folder,
            "consents": len(consents),
            "notes": len(notes),
            "markers": len(markers),
            "distress_events": len(distress),
        },
    )


# What of the audit log may leave the laptop in a research bundle, action by action: the detail fields
# each allowed action may carry.  Everything else (identity, sealed addresses, lone working, safeguarding,
# tasks, whose kind can be "safeguarding", device names, exports in the clear, any action added later
# and not listed here) and any entry whose detail has a field not listed for its action leaves only as its
# place in the hash chain (``seq``, ``prev_hash``, ``hash``).  An entry goes whole or not at all: its hash
# covers every field, so the data manager can check what it receives.
RESEARCH_AUDIT: dict[str, frozenset[str]] = {
    action: frozenset(fields)
    for action, fields in {
        "session.create": ("format", "location", "participants"),
        "session.status": ("status",),
        "guide.mark": ("question", "state"),
        "guide.section": ("section",),
        "note.add": ("note", "kind"),
        "marker.add": ("kind", "position"),
        "recording.start": ("kind", "take"),
        "recording.pause": ("position",),
        "recording.resume": ("position",),
        "recording.stop": ("duration", "overflows", "dropped_blocks", "error", "kind"),
        "recording.recover": ("duration", "dropped_bytes"),
        "recording.purge": ("bundle", "verified_at", "reason"),  # "reason": entries written before, in words
        "consent.record": (
            "consent",
            "mode",
            "form",
            "form_version",
            "pis",
            "pis_version",
            "recording_affirmed",
        ),  # fmt: skip
        # the statements declined (ids); "reason" is how entries written before said them, in English words
        "consent.refused": ("form", "version", "declined", "reason"),
        "distress.open": (),
        "distress.stage": ("level",),
        "distress.sign": ("id",),
        "distress.action": ("id", "done"),
        "distress.choice": ("choice",),
        "distress.signposting": ("entries",),
        "distress.gp_contact_consent": ("consent",),
        "distress.follow_up": ("agreed",),
        "distress.pi_informed": (),
        "distress.debrief": ("done",),
        "distress.close": ("outcome",),
        "distress.participant": ("participant",),  # whom it concerns: a participant id, or null (the session)
        "closeout.save": ("voucher", "vouchers", "given_despite_early_stop", "follow_ups", "signposting"),
        "closeout.complete": ("participants", "ended_early"),
        "sync.queue": ("bundle", "kind"),
        "sync.verified": ("store", "objects", "bytes"),
        "sync.failed": ("store", "error"),
        "sync.cancelled": ("store", "error"),
        "sync.restaged": ("abandoned",),
    }.items()
}


# The steps of a distress event that go in a research bundle (a link to a safeguarding concern does not).
RESEARCH_DISTRESS_STEPS = frozenset(
    {"stage", "sign", "action", "choice", "signposting", "gp_contact_consent", "follow_up", "pi_informed",
     "debrief", "participant"}
)  # fmt: skip


# Distress steps that name a sign or action of the protocol: those the pack marks ``withhold`` stay home.
_CODED_DISTRESS = {"sign": "distress.sign", "action": "distress.action"}


def withheld_distress_codes(ws: Workspace) -> frozenset[str] | None:
    """The distress sign and action ids the study pack withholds from research bundles, in any of its
    protocols (the main one and each group's own: an id withheld in one is withheld wherever it appears);
    None when the pack cannot be read, and then every sign and action is withheld (deny by default)."""
    try:
        pack = ws.pack()
    except FieldworkError:
        return None
    withheld: set[str] = set(pack.distress_protocol.withheld_codes)
    for own in pack.distress_protocols:
        withheld |= own.withheld_codes
    return frozenset(withheld)


def _withheld_step(step: dict[str, Any], withheld: frozenset[str] | None) -> bool:
    if step.get("kind") not in _CODED_DISTRESS:
        return False
    return withheld is None or step.get("id") in withheld


def identifying_signposting_ids(ws: Workspace) -> frozenset[str] | None:
    """The support entries whose ids would tell an identifying attribute (the participant's area's own services); None
    when the pack cannot be read, and then no entry id goes (deny by default)."""
    try:
        return ws.pack().identifying_signposting()
    except FieldworkError:
        return None


def _local(ids: Any, hidden: frozenset[str] | None) -> tuple[list[Any], int]:
    """Support entry ids split into those a research bundle may name and a count of the others."""
    given = list(ids) if isinstance(ids, list) else []
    kept = [i for i in given if hidden is not None and i not in hidden]
    return kept, len(given) - len(kept)


_SIGNPOSTING_AUDIT = {"closeout.save": "signposting", "distress.signposting": "entries"}


def research_audit_allows(
    e: audit.AuditEntry,
    withheld: frozenset[str] | None = frozenset(),
    identifying: frozenset[str] | None = frozenset(),
) -> bool:
    """Whether an audit entry may go whole in a research bundle (see :data:`RESEARCH_AUDIT`); a distress
    sign or action whose id is in ``withheld`` (all of them when ``withheld`` is None) does not, nor an entry
    naming a support entry in ``identifying`` (any, when None).  One that does not go whole still keeps its
    place in the hash chain."""
    fields = RESEARCH_AUDIT.get(e.action)
    if fields is None or not set(e.detail) <= fields:
        return False
    if e.action in _CODED_DISTRESS.values():
        return withheld is not None and e.detail.get("id") not in withheld
    if e.action in _SIGNPOSTING_AUDIT:
        return _local(e.detail.get(_SIGNPOSTING_AUDIT[e.action]), identifying)[1] == 0
    return True


def session_audit(ws: Workspace, session_id: str) -> list[dict[str, Any]]:
    """The session's audit entries for its bundle: those the allow-list names whole; every other one
    reduced to ``seq``, ``prev_hash`` and ``hash`` (marked ``withheld``), so the chain still links."""
    out = []
    withheld = withheld_distress_codes(ws)
    identifying = identifying_signposting_ids(ws)
    for e in audit.entries(ws.db, session_id=session_id):
        if research_audit_allows(e, withheld, identifying):
            out.append(e.to_json())
        else:
            out.append({"seq": e.seq, "prev_hash": e.prev_hash, "hash": e.hash, "withheld": True})
    return out


def _audit_head(ws: Workspace) -> dict[str, Any]:
    head, seq = audit.head_and_seq(ws.db)
    return {"audit_head": head, "audit_seq": seq}


def withdrawal_spec(ws: Workspace, bundle_id: str, withdrawal_id: str) -> BundleSpec:
    w = participants_svc.withdrawal(ws, withdrawal_id)
    sessions = sessions_svc.sessions_of(ws, w["participant_id"])
    body = {
        "withdrawal_id": w["id"],
        "participant": w["participant_id"],
        "scope": w["scope"],
        "effective_date": w["effective_date"],
        "before_cutoff": bool(w["before_cutoff"]),
        "actions": json.loads(w["actions_json"]),
        "recorded_by": w["recorded_by"],
        "recorded_at": w["recorded_at"],
        "sessions": sessions,
    }
    entry = BundleEntry(f"withdrawals/{w['id']}.json", "application/json", _json_bytes(body))
    return _bundle(
        ws, "withdrawal", bundle_id, None, [w["participant_id"]], [entry], [], {"withdrawal": body}
    )


def identity_spec(ws: Workspace, bundle_id: str, session_id: str) -> BundleSpec:
    """A session's identity data, for the study's separate identity store (never the research store):
    the participants' identity details, the signed consent copies, safeguarding records, voucher receipts.
    Sealed visit addresses are not sent: they exist only for the lone-working plan and are deleted after."""
    s = sessions_svc.get(ws, session_id)
    folder = f"identity/{s.id}"
    entries: list[BundleEntry] = []
    for pid in s.participant_ids:
        found = participants_svc.identity_record(ws, pid)
        if found is not None:
            body = {"participant": pid, **found}
            entries.append(
                BundleEntry(f"{folder}/participants/{pid}.json", "application/json", _json_bytes(body))
            )
    consents = consent_svc.records_for_session(ws, session_id)
    for c in consents:
        pdf = pdfs_svc.consent_copy_pdf(ws, c["id"], include_identity=True)
        entries.append(
            BundleEntry(
                f"{folder}/consent/consent-{c['participant_id']}-{c['id']}-signed.pdf",
                "application/pdf",
                _raw_bytes(pdf),
            )  # fmt: skip
        )
    concerns = safeguarding_svc.record_rows(ws, session_id)
    for c in concerns:
        entries.append(
            BundleEntry(f"{folder}/safeguarding/{c['id']}.json", "application/json", _json_bytes(c))
        )
    vouchers = closeout_svc.voucher_rows(ws, session_id)
    if vouchers:
        entries.append(BundleEntry(f"{folder}/vouchers.json", "application/json", _json_bytes(vouchers)))
    ws.vault.audit(
        "identity.send",
        "session",
        session_id,
        session_id=session_id,
        detail={"bundle": bundle_id, "participants": len(s.participant_ids), "files": len(entries)},
    )
    counts = {"session": session_id, "consents": len(consents), "safeguarding": len(concerns),
              "vouchers": len(vouchers)}  # fmt: skip
    return _bundle(
        ws, "identity", bundle_id, s.id, list(s.participant_ids), entries, [], {"identity": counts}
    )


def _bundle_time() -> str:
    """When a bundle is made, to the microsecond: two bundles of one session made within a second must
    still unpack in the order they were made."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _bundle(
    ws: Workspace,
    kind: str,
    bundle_id: str,
    session_id: str | None,
    participant_ids: list[str],
    entries: list[BundleEntry],
    audit_entries: list[dict[str, Any]],
    records: dict[str, Any],
) -> BundleSpec:
    """A bundle of this laptop's (a session's research or identity data, or a withdrawal): the study,
    the time, the device and user that sign it, and the audit chain's head."""
    pack = ws.pack()
    return BundleSpec(
        bundle_id=bundle_id,
        kind=kind,
        study_id=pack.id,
        pack_version=pack.version,
        session_id=session_id,
        participant_ids=participant_ids,
        created_at=_bundle_time(),
        device_fingerprint=device_fingerprint(ws),
        user=ws.user,
        entries=entries,
        records=records,
        audit=audit_entries,
        **_audit_head(ws),
    )


def record_number(ws: Workspace, staged: StagedBundle | None) -> None:
    """Keep a staged bundle's number in the vault (once): the next bundle of its sequence follows it."""
    if staged is None or not staged.chain:
        return
    c = staged.chain
    with ws.vault.transaction() as db:
        db.execute(
            "INSERT OR IGNORE INTO bundle_numbers (sequence, seq, bundle_id, manifest_sha256, staged_at)"
            " VALUES (?,?,?,?,?)",
            (str(c["sequence"]), int(c["seq"]), staged.bundle_id, str(c["manifest_sha256"]), now_iso()),
        )


def last_numbers(ws: Workspace) -> dict[str, int]:
    """The newest number this laptop gave a bundle, per sequence ("research", "identity")."""
    return {
        str(r["sequence"]): int(r["seq"])
        for r in ws.db.execute("SELECT sequence, MAX(seq) AS seq FROM bundle_numbers GROUP BY sequence")
    }


def chain_cursors(ws: Workspace) -> dict[str, ChainCursor]:
    out = {}
    for sequence in ("research", "identity"):
        r = ws.db.execute(
            "SELECT seq, manifest_sha256 FROM bundle_numbers WHERE sequence = ? ORDER BY seq DESC LIMIT 1",
            (sequence,),
        ).fetchone()
        out[sequence] = (
            ChainCursor(sequence, int(r["seq"]) + 1, str(r["manifest_sha256"]))
            if r
            else ChainCursor(sequence)
        )
    return out
