"""Checks that need the whole pack: duplicate ids, references between files, versions in use.

They run on the raw data read from the YAML files, not on validated models, so they still report
when some other part of the pack is broken: a researcher fixing a pack sees every problem at once.
Each helper therefore treats every value as untrusted and skips what it cannot understand (the
model validation reports that part).  Results are (key path in the assembled pack, message).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fieldwork_app.studypack.issues import KeyPath, format_key_path

Finding = tuple[KeyPath, str]

_APPROVED = {"approved", "in_use", "superseded"}


def _ident(value: Any) -> str | None:
    """An id as the model will see it (YAML may give ``1`` for ``"1"``), or None if it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value:
        return value
    return None


def _items(container: Any, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mapping items of ``container[key]`` when it is a list; anything else yields nothing."""
    if not isinstance(container, dict):
        return
    seq = container.get(key)
    if not isinstance(seq, list):
        return
    for i, item in enumerate(seq):
        if isinstance(item, dict):
            yield i, item


def _strings(value: Any) -> Iterator[tuple[int, str]]:
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, str):
                yield i, item


def _duplicates(container: Any, key: str, base: KeyPath, what: str, field: str = "id") -> list[Finding]:
    found: list[Finding] = []
    first: dict[str, int] = {}
    for i, item in _items(container, key):
        ident = _ident(item.get(field))
        if ident is None:
            continue
        if ident in first:
            where = format_key_path((*base, key, first[ident]))
            found.append(((*base, key, i, field), f"duplicate {what} id '{ident}' (already used at {where})"))
        else:
            first[ident] = i
    return found


def _version_key(value: Any) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in str(value).split("."))
    except ValueError:
        return ()


class _Pack:
    """Indexes over the raw pack that several checks share."""

    def __init__(self, pack: dict[str, Any], doc_files: list[str]) -> None:
        self.pack = pack
        self.doc_files = doc_files
        self.groups: dict[str, dict[str, Any]] = {}
        for _i, g in _items(pack, "groups"):
            gid = _ident(g.get("id"))
            if gid is not None:
                self.groups.setdefault(gid, g)
        self.docs = list(_items(pack, "documents"))

    def docs_named(self, kind: str, doc_id: str) -> list[tuple[int, dict[str, Any]]]:
        return [(j, d) for j, d in self.docs if d.get("kind") == kind and _ident(d.get("id")) == doc_id]

    def file_of(self, j: int) -> str:
        return self.doc_files[j] if j < len(self.doc_files) else f"documents[{j}]"

    def records_audio(self, doc: dict[str, Any]) -> bool:
        for _k, gid in _strings(doc.get("groups")):
            group = self.groups.get(gid)
            if group is not None and group.get("records_audio", True) is not False:
                return True
        return False


def _check_groups(p: _Pack) -> list[Finding]:
    found = _duplicates(p.pack, "groups", (), "group")
    for i, g in _items(p.pack, "groups"):
        link = _ident(g.get("linked_to"))
        if link is not None and link not in p.groups:
            found.append((("groups", i, "linked_to"), f"links to group '{link}', which is not in this pack"))
        elif link is not None and link == _ident(g.get("id")):
            found.append((("groups", i, "linked_to"), "a group cannot be linked to itself"))
        found += _duplicates(g, "eligibility", ("groups", i), "eligibility criterion")
    return found


def _check_document_targets(p: _Pack, j: int, doc: dict[str, Any]) -> list[Finding]:
    found: list[Finding] = []
    for k, gid in _strings(doc.get("groups")):
        group = p.groups.get(gid)
        if group is None:
            found.append((("documents", j, "groups", k), f"unknown group '{gid}'"))
            continue
        allowed = group.get("session_formats")
        if not isinstance(allowed, list):
            continue
        for m, fmt in _strings(doc.get("session_formats")):
            if fmt not in allowed:
                found.append(
                    (("documents", j, "session_formats", m), f"group '{gid}' does not have '{fmt}' sessions")
                )
    return found


def _check_versions(p: _Pack) -> list[Finding]:
    found: list[Finding] = []
    seen: dict[tuple[str, str], int] = {}
    kinds: dict[str, tuple[str, int]] = {}
    in_use: dict[tuple[str, str, str], list[int]] = {}
    for j, doc in p.docs:
        did, version, kind = _ident(doc.get("id")), doc.get("version"), doc.get("kind")
        if did is None or not isinstance(kind, str):
            continue
        if did in kinds and kinds[did][0] != kind:
            other = p.file_of(kinds[did][1])
            found.append((("documents", j, "kind"), f"id '{did}' is already a {kinds[did][0]} in {other}"))
        kinds.setdefault(did, (kind, j))
        if isinstance(version, str):
            if (did, version) in seen:
                other = p.file_of(seen[(did, version)])
                found.append(
                    (("documents", j, "version"), f"document '{did}' version {version} is already in {other}")
                )
            seen.setdefault((did, version), j)
        if doc.get("status") == "in_use":
            for _k, gid in _strings(doc.get("groups")):
                for _m, fmt in _strings(doc.get("session_formats")):
                    in_use.setdefault((kind, gid, fmt), []).append(j)
    reported: set[int] = set()
    for (kind, gid, fmt), js in sorted(in_use.items()):
        for j in js[1:]:
            if j in reported:
                continue
            reported.add(j)
            first, this = dict(p.docs)[js[0]], dict(p.docs)[j]
            first_id, this_id = _ident(first.get("id")), _ident(this.get("id"))
            if first_id == this_id:
                message = (
                    f"versions {first.get('version')} and {this.get('version')} of '{this_id}' are both "
                    f"in use for group '{gid}' {fmt} sessions; mark the older one superseded"
                )
            else:
                message = (
                    f"'{first_id}' ({p.file_of(js[0])}) is already the {kind} in use for group '{gid}' "
                    f"{fmt} sessions; only one may be in use"
                )
            found.append((("documents", j, "status"), message))
    return found


def _check_consent_form(p: _Pack, j: int, doc: dict[str, Any]) -> list[Finding]:
    base: KeyPath = ("documents", j)
    found = _duplicates(doc, "statements", base, "statement")
    pis = _ident(doc.get("information_sheet"))
    if pis is not None:
        sheets = p.docs_named("information_sheet", pis)
        pinned = doc.get("information_sheet_version")
        if not sheets:
            found.append(((*base, "information_sheet"), f"no information sheet with id '{pis}' in this pack"))
        elif isinstance(pinned, str) and all(isinstance(d.get("version"), str) for _j, d in sheets):
            match = [d for _j, d in sheets if d.get("version") == pinned]
            if not match:
                found.append(
                    (
                        (*base, "information_sheet_version"),
                        f"information sheet '{pis}' has no version {pinned}",
                    )
                )
            elif doc.get("status") == "in_use" and match[0].get("status") != "in_use":
                found.append(
                    (
                        (*base, "information_sheet_version"),
                        f"information sheet '{pis}' version {pinned} is not in use",
                    )
                )
        elif doc.get("status") == "in_use" and not any(d.get("status") == "in_use" for _j, d in sheets):
            found.append(((*base, "information_sheet"), f"no version of information sheet '{pis}' is in use"))
    statements = [s for _i, s in _items(doc, "statements")]
    if not isinstance(doc.get("statements"), list):
        return found
    if not any(s.get("role") == "information_sheet" for s in statements):
        found.append(
            ((*base, "statements"), "no statement has role 'information_sheet' (naming the sheet's version)")
        )
    if p.records_audio(doc) and not any(
        s.get("role") == "recording" and s.get("required") is True for s in statements
    ):
        found.append(
            (
                (*base, "statements"),
                "sessions are audio-recorded, so a required statement with role 'recording' is needed",
            )
        )
    return found


def _form_statements(p: _Pack, script: dict[str, Any]) -> list[str] | None:
    """The statement ids of the consent form a script reads out, or None if that form is not found."""
    form_id = _ident(script.get("consent_form"))
    if form_id is None:
        return None
    forms = p.docs_named("consent_form", form_id)
    pinned = script.get("consent_form_version")
    if isinstance(pinned, str):
        forms = [(j, f) for j, f in forms if f.get("version") == pinned]
    elif forms:
        forms = [
            max(forms, key=lambda jf: (jf[1].get("status") == "in_use", _version_key(jf[1].get("version"))))
        ]
    if not forms:
        return None
    return [sid for _i, s in _items(forms[0][1], "statements") if (sid := _ident(s.get("id"))) is not None]


def _check_script(p: _Pack, j: int, doc: dict[str, Any]) -> list[Finding]:
    base: KeyPath = ("documents", j)
    found = _duplicates(doc, "prompts", base, "prompt", field="statement")
    form_id = _ident(doc.get("consent_form"))
    if form_id is None:
        return found
    if any(not isinstance(f.get("version"), str) for _j, f in p.docs_named("consent_form", form_id)):
        return found  # a form version the model rejects; matching against it would only add noise
    statements = _form_statements(p, doc)
    if statements is None:
        pinned = doc.get("consent_form_version")
        which = f"'{form_id}' version {pinned}" if isinstance(pinned, str) else f"'{form_id}'"
        key = (
            "consent_form_version"
            if isinstance(pinned, str) and p.docs_named("consent_form", form_id)
            else "consent_form"
        )
        found.append(((*base, key), f"no consent form {which} in this pack"))
        return found
    prompted: set[str] = set()
    for i, prompt in _items(doc, "prompts"):
        sid = _ident(prompt.get("statement"))
        if sid is None:
            continue
        prompted.add(sid)
        if sid not in statements:
            found.append(
                ((*base, "prompts", i, "statement"), f"consent form '{form_id}' has no statement '{sid}'")
            )
    missing = [s for s in statements if s not in prompted]
    if missing and isinstance(doc.get("prompts"), list):
        found.append(((*base, "prompts"), f"no prompt for statement(s) {', '.join(missing)} of '{form_id}'"))
    return found


def _check_guide(doc: dict[str, Any], j: int) -> list[Finding]:
    base: KeyPath = ("documents", j)
    found = _duplicates(doc, "sections", base, "section")
    first: dict[str, KeyPath] = {}
    for s, section in _items(doc, "sections"):
        for q, question in _items(section, "questions"):
            qid = _ident(question.get("id"))
            path: KeyPath = (*base, "sections", s, "questions", q, "id")
            if qid is None:
                continue
            if qid in first:
                found.append(
                    (path, f"duplicate question id '{qid}' (already used at {format_key_path(first[qid])})")
                )
            else:
                first[qid] = path[:-1]
    formats = doc.get("session_formats")
    if isinstance(formats, list) and "focus_group" in formats and not doc.get("ground_rules"):
        found.append(
            ((*base, "session_formats"), "a focus-group guide needs ground_rules to read at the start")
        )
    return found


def _check_protocols(p: _Pack) -> list[Finding]:
    found: list[Finding] = []
    distress = p.pack.get("distress_protocol")
    levels = [(i, s.get("level")) for i, s in _items(distress, "stages")]
    ints = [lvl for _i, lvl in levels if isinstance(lvl, int) and not isinstance(lvl, bool)]
    if ints and len(ints) == len(levels) and sorted(ints) != list(range(1, len(ints) + 1)):
        found.append(
            (("distress_protocol", "stages"), "stage levels must be 1, 2, 3 ... with no gaps or repeats")
        )
    for what in ("signs", "actions"):
        first: dict[str, KeyPath] = {}
        for i, stage in _items(distress, "stages"):
            for k, item in _items(stage, what):
                ident = _ident(item.get("id"))
                path: KeyPath = ("distress_protocol", "stages", i, what, k, "id")
                if ident is not None and ident in first:
                    found.append(
                        (path, f"duplicate id '{ident}' (already used at {format_key_path(first[ident])})")
                    )
                elif ident is not None:
                    first[ident] = path[:-1]
    found += _duplicates(p.pack.get("safeguarding"), "risk_categories", ("safeguarding",), "risk category")
    found += _duplicates(p.pack.get("safeguarding"), "timing_rules", ("safeguarding",), "timing rule")
    last = -1
    for i, step in _items(p.pack.get("lone_working"), "check_out_escalation"):
        minutes = step.get("after_minutes")
        if isinstance(minutes, int) and not isinstance(minutes, bool):
            if minutes <= last:
                found.append(
                    (
                        ("lone_working", "check_out_escalation", i, "after_minutes"),
                        "steps must come in increasing time order",
                    )
                )
            last = max(last, minutes)
    found += _duplicates(p.pack.get("signposting"), "entries", ("signposting",), "signposting entry")
    for base, items in (
        (("signposting",), _items(p.pack.get("signposting"), "entries")),
        ((), _items(p.pack, "vouchers")),
    ):
        key = "entries" if base else "vouchers"
        for i, entry in items:
            for k, gid in _strings(entry.get("groups")):
                if gid not in p.groups:
                    found.append(((*base, key, i, "groups", k), f"unknown group '{gid}'"))
    return found


def check(pack: dict[str, Any], doc_files: list[str]) -> list[Finding]:
    """Every whole-pack problem in ``pack`` (the assembled raw data); ``doc_files`` name its documents."""
    p = _Pack(pack, doc_files)
    found = _check_groups(p) + _check_versions(p) + _check_protocols(p)
    for j, doc in p.docs:
        found += _check_document_targets(p, j, doc)
        kind = doc.get("kind")
        if kind == "consent_form":
            found += _check_consent_form(p, j, doc)
        elif kind == "verbal_consent_script":
            found += _check_script(p, j, doc)
        elif kind == "topic_guide":
            found += _check_guide(doc, j)
        elif kind == "information_sheet":
            found += _duplicates(doc, "sections", ("documents", j), "section")
    return found
