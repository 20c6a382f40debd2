"""Checks that need the whole pack: duplicate ids, references between files, versions in use.

They run on the raw data read from the YAML files, not on validated models, so they still report
when some other part of the pack is broken: a researcher fixing a pack sees every problem at once.
Each helper therefore treats every value as untrusted and skips what it cannot understand (the
model validation reports that part).  Results are (key path in the assembled pack, message).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic_core import PydanticCustomError

from fieldwork_app.domain.pack import MAX_GROUPS, check_id_pattern
from fieldwork_app.studypack.issues import KeyPath

Finding = tuple[KeyPath, str]
# A message may point at a second place in the pack: "{at}" in it is replaced by that place's file and
# line, which the loader knows.  The place is carried after the marker as a JSON key path.
AT = "{at}"
_REF = "\x00ref:"


def refer(message: str, other: KeyPath) -> str:
    """``message`` with ``{at}`` to be replaced by where ``other`` is (file and line)."""
    return message + _REF + json.dumps(list(other))


def split_ref(message: str) -> tuple[str, KeyPath | None]:
    if _REF not in message:
        return message, None
    text, _sep, ref = message.partition(_REF)
    return text, tuple(json.loads(ref))

_APPROVED = {"approved", "in_use", "superseded"}
_SINGLE_ROLES = {"quotes", "future_contact", "care_team_contact", "summary", "archiving"}


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
            found.append(
                (
                    (*base, key, i, field),
                    refer(f"duplicate {what} id '{ident}' (already used at {AT})", (*base, key, first[ident])),
                )
            )
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

    def recording_optional(self, doc: dict[str, Any]) -> bool:
        """Every group of ``doc`` lets a participant decline recording (format 2 'per_participant')."""
        gids = [gid for _k, gid in _strings(doc.get("groups"))]
        return bool(gids) and all(
            self.groups.get(gid, {}).get("recording") == "per_participant" for gid in gids
        )

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
    venue_guides = {g for _i, v in _items(p.pack, "venues") if (g := _ident(v.get("guide"))) is not None}
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
        if doc.get("status") == "in_use" and not (kind == "topic_guide" and did in venue_guides):
            # Format 2: a translation, an easy-read version and another person's form are in use beside
            # the main document; only two of the same sort clash.
            sort = f"{doc.get('party', 'participant')}|{doc.get('variant', 'standard')}|{doc.get('language')}"
            for _k, gid in _strings(doc.get("groups")):
                for _m, fmt in _strings(doc.get("session_formats")):
                    in_use.setdefault((kind, f"{gid}\n{sort}", fmt), []).append(j)
    reported: set[int] = set()
    for (kind, gid_sort, fmt), js in sorted(in_use.items()):
        gid = gid_sort.split("\n", 1)[0]
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
    found += _check_statement_conditions(p, j, doc)
    if doc.get("party", "participant") == "participant" and not any(
        s.get("role") == "information_sheet" for s in statements
    ):
        found.append(
            ((*base, "statements"), "no statement has role 'information_sheet' (naming the sheet's version)")
        )
    roles_seen: dict[str, int] = {}
    for i, st in _items(doc, "statements"):
        role = st.get("role")
        if role in _SINGLE_ROLES and role in roles_seen:
            found.append(
                (
                    (*base, "statements", i, "role"),
                    f"only one statement may have role '{role}' (statement {roles_seen[role] + 1} has it)",
                )
            )
        elif isinstance(role, str):
            roles_seen.setdefault(role, i)
    participant_form = doc.get("party", "participant") == "participant"
    if participant_form and not any(
        s.get("role") == "participation" and s.get("required") is True and not s.get("applies_when")
        for s in statements
    ):
        found.append(
            (
                (*base, "statements"),
                "a participant's consent form needs a required statement with role 'participation' that "
                "applies to everyone the form is for (no 'applies_when'): without it, consent could be "
                "recorded with nothing agreed",
            )
        )
    for i, st in _items(doc, "statements"):
        if st.get("role") == "information_sheet" and st.get("applies_when"):
            found.append(
                (
                    (*base, "statements", i, "applies_when"),
                    "the statement confirming the information sheet applies to everyone: remove 'applies_when'",
                )
            )
    if (
        participant_form
        and p.records_audio(doc)
        and not any(
            s.get("role") == "recording" and (s.get("required") is True or p.recording_optional(doc))
            for s in statements
        )
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


def _check_verbal_script_exists(p: _Pack, j: int, doc: dict[str, Any]) -> list[Finding]:
    """A form in use that may be taken aloud (``verbal`` in its modes) has a verbal consent script in use that
    reads it out (this version, or any version where the script pins none)."""
    modes = doc.get("modes")
    form_id, version = _ident(doc.get("id")), doc.get("version")
    if doc.get("status") != "in_use" or not isinstance(modes, list) or "verbal" not in modes or form_id is None:
        return []
    for _k, script in p.docs:
        if (
            script.get("kind") == "verbal_consent_script"
            and script.get("status") == "in_use"
            and _ident(script.get("consent_form")) == form_id
            and script.get("consent_form_version") in (None, version)
        ):
            return []
    return [
        (
            ("documents", j, "modes", modes.index("verbal")),
            f"consent form '{form_id}' version {version} may be taken verbally, but no verbal consent script in "
            "use reads it out: add one (kind: verbal_consent_script) or remove 'verbal' from its modes",
        )
    ]


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
                    (path, refer(f"duplicate question id '{qid}' (already used at {AT})", first[qid]))
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
                        (path, refer(f"duplicate id '{ident}' (already used at {AT})", first[ident]))
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


def _ids(container: Any, key: str) -> set[str]:
    return {i for _n, item in _items(container, key) if (i := _ident(item.get("id"))) is not None}


def _value_text(value: Any) -> str | None:
    """An attribute value as the model keeps it: YAML's ``yes``/``no`` booleans become the words."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return _ident(value)


def _check_conditions(
    p: _Pack,
    conditions: Any,
    base: KeyPath,
    earlier: list[str] | None = None,
    for_groups: Sequence[str] = (),
) -> list[Finding]:
    """Conditions name attributes, values, groups and (in a form) earlier statements that exist; for
    something that is only for ``for_groups``, a condition that could never be known or never hold for
    them is refused too (a required statement that never applies would let consent pass without it)."""
    found: list[Finding] = []
    mine = set(for_groups)
    attributes = {a: item for _n, item in _items(p.pack, "attributes") if (a := _ident(item.get("id")))}
    for i, cond in _items({"c": conditions}, "c"):
        here: KeyPath = (*base, i)
        attr = _ident(cond.get("attribute"))
        if attr is not None:
            spec = attributes.get(attr)
            if spec is None:
                found.append(((*here, "attribute"), f"no participant attribute '{attr}' in this pack"))
                continue
            asked_of = {g for _k, g in _strings(spec.get("groups"))}
            if mine and asked_of and not mine & asked_of:
                found.append(
                    (
                        (*here, "attribute"),
                        f"attribute '{attr}' is asked only of {', '.join(sorted(asked_of))}, never of "
                        f"{', '.join(sorted(mine))}: this condition could never be known",
                    )
                )
            if spec.get("kind") in ("yes_no", "easy_read"):
                allowed = {"yes", "no"}
            else:
                allowed = {t for _n, ch in _items(spec, "choices") if (t := _value_text(ch.get("id")))}
            values = cond.get("values")
            for k, value in enumerate(values if isinstance(values, list) else []):
                text = _value_text(value)
                if text is not None and allowed and text not in allowed:
                    found.append(
                        (
                            (*here, "values", k),
                            f"attribute '{attr}' has no value '{text}' (one of: {', '.join(sorted(allowed))})",
                        )
                    )
        for k, gid in _strings(cond.get("groups")):
            if gid not in p.groups:
                found.append(((*here, "groups", k), f"unknown group '{gid}'"))
        named = {g for _k, g in _strings(cond.get("groups"))}
        if mine and named and not mine & named:
            found.append(
                (
                    (*here, "groups"),
                    f"this is only for {', '.join(sorted(mine))}, so a condition on "
                    f"{', '.join(sorted(named))} could never hold",
                )
            )
        sid = _ident(cond.get("statement"))
        if sid is not None:
            if earlier is None:
                found.append(
                    ((*here, "statement"), "only a consent statement's condition can name a statement")
                )
            elif sid not in earlier:
                found.append(
                    ((*here, "statement"), f"statement '{sid}' is not an earlier statement of this form")
                )
    return found


def _check_statement_conditions(p: _Pack, j: int, doc: dict[str, Any]) -> list[Finding]:
    found: list[Finding] = []
    earlier: list[str] = []
    for i, st in _items(doc, "statements"):
        found += _check_conditions(
            p,
            st.get("applies_when"),
            ("documents", j, "statements", i, "applies_when"),
            earlier,
            [g for _k, g in _strings(doc.get("groups"))],
        )
        sid = _ident(st.get("id"))
        if sid is not None:
            earlier.append(sid)
    return found


def _check_id_patterns(p: _Pack) -> list[Finding]:
    """Two groups whose patterns can make the same id would clash only at ``participant add``."""
    found: list[Finding] = []
    made: dict[str, int] = {}
    for i, g in _items(p.pack, "groups"):
        if i >= MAX_GROUPS:
            break  # the model refuses more groups than this
        pattern = g.get("id_pattern")
        if not isinstance(pattern, str) or len(pattern) > 40:
            continue
        try:
            check_id_pattern(pattern)  # a hostile pattern (huge padding) is never formatted here
        except (ValueError, PydanticCustomError):
            continue  # the model reports it
        ids = {pattern.format(n=n) for n in range(1, 1001)}
        clash = next((made[x] for x in sorted(ids) if x in made and made[x] != i), None)
        if clash is not None:
            other = _ident(dict(_items(p.pack, "groups"))[clash].get("id"))
            found.append(
                (
                    ("groups", i, "id_pattern"),
                    f"makes the same participant ids as group '{other}' (e.g. {pattern.format(n=1)}); "
                    "give each group its own prefix",
                )
            )
            continue
        for x in ids:
            made.setdefault(x, i)
    return found


# What a translated or easy-read consent form may not change: only its words differ from the main form's.
_VARIANT_SAME_STATEMENT = ("required", "role", "answer", "applies_when")
_VARIANT_SAME_FORM = ("party", "assent")
_VARIANT_WITHIN_FORM = ("groups", "session_formats", "modes")


def _check_variant_rules(j: int, doc: dict[str, Any], main_id: str, main: dict[str, Any]) -> list[Finding]:
    """A variant asks what its main form asks, with the same weight: a participant reading the Polish or the
    easy-read form must not be able to consent to less, or be held to more, than one reading the main one."""
    found: list[Finding] = []
    for key in _VARIANT_SAME_FORM:
        if doc.get(key) != main.get(key):
            found.append((("documents", j, key), f"a variant keeps '{key}' as '{main_id}' has it"))
    for key in _VARIANT_WITHIN_FORM:
        ours, theirs = doc.get(key), main.get(key)
        if isinstance(ours, list) and isinstance(theirs, list) and not {str(x) for x in ours} <= {
            str(x) for x in theirs
        }:
            found.append((("documents", j, key), f"a variant's '{key}' are among those of '{main_id}'"))
    for (i, st), (_k, main_st) in zip(_items(doc, "statements"), _items(main, "statements"), strict=False):
        for key in _VARIANT_SAME_STATEMENT:
            if st.get(key) != main_st.get(key):
                found.append(
                    (
                        ("documents", j, "statements", i, key) if key in st else ("documents", j, "statements", i),
                        f"statement '{_ident(st.get('id'))}' keeps '{key}' as '{main_id}' has it",
                    )
                )
    return found


def _check_format2(p: _Pack) -> list[Finding]:
    """References of the format-2 parts: attributes, venues, sites, parties, variants, joint sessions."""
    found: list[Finding] = []
    pack = p.pack
    for key, what in (("attributes", "attribute"), ("venues", "venue"), ("sites", "site")):
        found += _duplicates(pack, key, (), what)
    venues = {v: item for _n, item in _items(pack, "venues") if (v := _ident(item.get("id")))}
    sites = _ids(pack, "sites")
    guides = {_ident(d.get("id")) for _j, d in p.docs if d.get("kind") == "topic_guide"}
    languages = {pack.get("language"), *[x for _k, x in _strings(pack.get("languages"))]}
    for i, a in _items(pack, "attributes"):
        for k, gid in _strings(a.get("groups")):
            if gid not in p.groups:
                found.append((("attributes", i, "groups", k), f"unknown group '{gid}'"))
        if a.get("names_site") is True:
            for k, choice in _items(a, "choices"):
                site = _value_text(choice.get("id"))
                if site is not None and site not in sites:
                    found.append((("attributes", i, "choices", k, "id"), f"no site '{site}' in this pack"))
        found += _duplicates(a, "choices", ("attributes", i), "choice")
    for i, venue in _items(pack, "venues"):
        guide = _ident(venue.get("guide"))
        if guide is not None and guide not in guides:
            found.append((("venues", i, "guide"), f"no topic guide '{guide}' in this pack"))
        site = _ident(venue.get("site"))
        if site is not None and site not in sites:
            found.append((("venues", i, "site"), f"no site '{site}' in this pack"))
        for k, vgid in _strings(venue.get("groups")):
            if vgid not in p.groups:
                found.append((("venues", i, "groups", k), f"unknown group '{vgid}'"))
    for i, g in _items(pack, "groups"):
        base: KeyPath = ("groups", i)
        own_id = _ident(g.get("id"))
        own = [own_id] if own_id is not None else []
        for k, vid in _strings(g.get("venues")):
            if vid not in venues:
                found.append(((*base, "venues", k), f"no venue '{vid}' in this pack"))
        for k, other in _strings(g.get("joint_with")):
            target = p.groups.get(other)
            if target is None:
                found.append(((*base, "joint_with", k), f"unknown group '{other}'"))
            elif "joint_interview" not in (target.get("session_formats") or []):
                found.append(((*base, "joint_with", k), f"group '{other}' has no 'joint_interview' sessions"))
        if g.get("joint_with") and "joint_interview" not in (g.get("session_formats") or []):
            found.append(((*base, "joint_with"), "add 'joint_interview' to this group's session_formats"))
        for k, rule in _items(g, "parties"):
            here: KeyPath = (*base, "parties", k)
            found += _check_conditions(p, rule.get("when"), (*here, "when"), None, own)
            for field, party in (("form", rule.get("role")), ("agreement", "interpreter")):
                fid = _ident(rule.get(field))
                if fid is None:
                    continue
                forms = p.docs_named("consent_form", fid)
                if not forms:
                    found.append(((*here, field), f"no consent form '{fid}' in this pack"))
                elif any(f.get("party", "participant") != party for _j, f in forms):
                    found.append(((*here, field), f"consent form '{fid}' is not completed by the {party}"))
                elif own_id is not None and not any(own_id in (f.get("groups") or []) for _j, f in forms):
                    found.append(((*here, field), f"consent form '{fid}' is not for group '{own_id}'"))
        found += _duplicates(g, "gating_tasks", base, "gating task")
        for k, task in _items(g, "gating_tasks"):
            found += _check_conditions(p, task.get("when"), (*base, "gating_tasks", k, "when"), None, own)
        capacity = g.get("capacity")
        if isinstance(capacity, dict):
            found += _check_conditions(p, capacity.get("when"), (*base, "capacity", "when"), None, own)
            if capacity.get("if_lacking") == "consultee" and not any(
                r.get("role") == "consultee" for _k, r in _items(g, "parties")
            ):
                found.append(
                    (
                        (*base, "capacity", "if_lacking"),
                        "'consultee' needs a party rule with role 'consultee'",
                    )
                )
    for j, doc in p.docs:
        lang = doc.get("language")
        if isinstance(lang, str) and pack.get("pack_format") == 2 and lang not in languages:
            found.append((("documents", j, "language"), f"'{lang}' is not one of the pack's languages"))
        main_id = _ident(doc.get("variant_of"))
        if main_id is None:
            continue
        mains = [(m, d) for m, d in p.docs if _ident(d.get("id")) == main_id and d.get("variant_of") is None]
        if not mains:
            found.append((("documents", j, "variant_of"), f"no main document '{main_id}' in this pack"))
            continue
        if any(d.get("kind") != doc.get("kind") for _m, d in mains):
            found.append((("documents", j, "variant_of"), f"'{main_id}' is not a {doc.get('kind')}"))
            continue
        if doc.get("variant", "standard") == "standard" and all(
            (d.get("language") or pack.get("language")) == (lang or pack.get("language")) for _m, d in mains
        ):
            found.append(
                (
                    ("documents", j, "variant_of"),
                    "a variant differs from its main document by language or variant",
                )
            )
        if doc.get("kind") == "consent_form":
            ours = [_ident(s.get("id")) for _i, s in _items(doc, "statements")]
            theirs = [_ident(s.get("id")) for _i, s in _items(mains[-1][1], "statements")]
            if ours != theirs:
                found.append(
                    (
                        ("documents", j, "statements"),
                        f"a variant has the same statements (ids and order) as '{main_id}': "
                        f"{', '.join(str(x) for x in theirs)}",
                    )
                )
            else:
                found += _check_variant_rules(j, doc, main_id, mains[-1][1])
    for k, entry in _items(pack.get("signposting"), "entries"):
        found += _check_conditions(p, entry.get("when"), ("signposting", "entries", k, "when"))
        for m, site in _strings(entry.get("sites")):
            if site not in sites:
                found.append((("signposting", "entries", k, "sites", m), f"no site '{site}' in this pack"))
    for k, route in _items(pack.get("safeguarding"), "routes"):
        found += _check_conditions(p, route.get("when"), ("safeguarding", "routes", k, "when"))
    found += _duplicates(pack.get("safeguarding"), "routes", ("safeguarding",), "safeguarding route")
    for k, voucher in _items(pack, "vouchers"):
        found += _check_conditions(p, voucher.get("when"), ("vouchers", k, "when"))
    claimed: dict[str, int] = {}
    for k, proto in _items(pack, "distress_protocols"):
        if not proto.get("groups"):
            found.append((("distress_protocols", k), "a group's distress protocol names its 'groups'"))
        for m, gid in _strings(proto.get("groups")):
            if gid not in p.groups:
                found.append((("distress_protocols", k, "groups", m), f"unknown group '{gid}'"))
            elif gid in claimed:
                found.append(
                    (("distress_protocols", k, "groups", m), f"group '{gid}' already has a distress protocol")
                )
            claimed.setdefault(gid, k)
    return found


def check(pack: dict[str, Any], doc_files: list[str]) -> list[Finding]:
    """Every whole-pack problem in ``pack`` (the assembled raw data); ``doc_files`` name its documents."""
    p = _Pack(pack, doc_files)
    found = _check_groups(p) + _check_versions(p) + _check_protocols(p) + _check_id_patterns(p)
    found += _check_format2(p)
    for j, doc in p.docs:
        found += _check_document_targets(p, j, doc)
        kind = doc.get("kind")
        if kind == "consent_form":
            found += _check_consent_form(p, j, doc)
            found += _check_verbal_script_exists(p, j, doc)
        elif kind == "verbal_consent_script":
            found += _check_script(p, j, doc)
        elif kind == "topic_guide":
            found += _check_guide(doc, j)
        elif kind == "information_sheet":
            found += _duplicates(doc, "sections", ("documents", j), "section")
    return found
