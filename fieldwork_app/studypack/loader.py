"""Loading a study pack directory: read every file safely, validate, and locate each problem.

A pack is ``pack.yaml`` plus the files it names (documents and the four protocol files).  The
loader assembles them into one structure shaped like :class:`~fieldwork_app.domain.pack.StudyPack`,
validates it once (pydantic reports every field error at once), runs the whole-pack rules, and
maps each problem's key path back to the file and line it came from.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from fieldwork_app.domain.pack import (
    DOCUMENT_CLASSES,
    DocumentKind,
    StudyPack,
    canonical_dump,
    uses_format2,
)
from fieldwork_app.studypack import rules
from fieldwork_app.studypack.issues import KeyPath, PackIssue, PackValidationError, format_key_path
from fieldwork_app.studypack.safeyaml import MAX_BYTES, LineMap, NodeBudget, YamlProblem, decode, parse

logger = logging.getLogger(__name__)

MANIFEST = "pack.yaml"
PROTOCOL_KEYS = ("distress_protocol", "safeguarding", "lone_working", "signposting")
LIST_KEYS = ("distress_protocols", "documents")
# Whole-pack limits, checked from the file sizes before any listed file is parsed: a hostile pack (one
# large document listed hundreds of times, say) is refused in well under a second and bounded memory.
MAX_DOCUMENTS = 300
MAX_PACK_BYTES = 4 * 1024 * 1024
MAX_PACK_NODES = 60_000
_KINDS = {k.value for k in DocumentKind}
# Errors raised for a whole object, better shown at one of its keys.
_ANCHOR_KEY = {
    "approval_missing": "status",
    "purge_days": "policy",
    "emergency_services_phone": "emergency_services",
}


@dataclass
class _Source:
    file: str
    lines: LineMap
    base: KeyPath  # where this source's root sits inside its file (inline parts of pack.yaml)


class _BadReference(YamlProblem):
    """The name of a file is the problem (missing, outside the pack), not its content."""


class _Assembler:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.real_root = root.resolve()
        self.issues: list[PackIssue] = []
        self.sources: dict[KeyPath, _Source] = {}
        self.suppressed: set[KeyPath] = set()
        self.doc_files: list[str] = []
        self.digests: dict[str, str] = {}  # every file read (as pack.yaml names it) -> SHA-256 of its bytes
        self.budget = NodeBudget(MAX_PACK_NODES)
        self.skip: set[KeyPath] = set()  # references not to read (listed twice, or over a whole-pack limit)

    def issue(self, file: str, line: int | None, path: KeyPath, message: str) -> None:
        self.issues.append(PackIssue(file, line, format_key_path(path), message))

    def resolve(self, rel: str) -> Path:
        """The real path of a file the pack names; raises _BadReference when it cannot be one."""
        if not rel.strip() or os.path.isabs(rel) or "\x00" in rel:
            raise _BadReference(f"'{rel[:80]}' is not a file name inside the pack")
        path = self.root / rel
        try:
            real = path.resolve()
        except (OSError, RuntimeError):
            raise _BadReference(f"'{rel[:80]}' cannot be opened") from None
        if not real.is_relative_to(self.real_root):
            raise _BadReference(f"'{rel[:80]}' points outside the pack directory")
        if not real.is_file():
            raise _BadReference(f"file '{rel[:80]}' is missing")
        return real

    def read(self, rel: str) -> tuple[Any, LineMap]:
        """One file of the pack; raises YamlProblem with a message for the place that names it."""
        real = self.resolve(rel)
        try:
            with open(real, "rb") as fh:
                raw = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            raise _BadReference(f"file '{rel[:80]}' cannot be read ({exc.strerror})") from None
        self.digests[rel] = hashlib.sha256(raw).hexdigest()
        return parse(decode(raw), self.budget)

    def plan(self, manifest: dict[str, Any], lines: LineMap) -> None:
        """Before any listed file is parsed: every file is listed once, there are not too many, and
        together they are not too large (sizes from the file system, so nothing is read twice)."""
        refs: list[tuple[KeyPath, str]] = [
            ((k,), manifest[k]) for k in PROTOCOL_KEYS if isinstance(manifest.get(k), str)
        ]
        for key in LIST_KEYS:
            listed = manifest.get(key)
            if isinstance(listed, list):
                refs += [((key, i), ref) for i, ref in enumerate(listed) if isinstance(ref, str)]
        docs = manifest.get("documents")
        if isinstance(docs, list) and len(docs) > MAX_DOCUMENTS:
            self.issue(
                MANIFEST,
                lines.line_of(("documents",)),
                ("documents",),
                f"the pack lists {len(docs)} documents; a study pack may have at most {MAX_DOCUMENTS}",
            )
            self.skip.update(("documents", i) for i in range(len(docs)))
            self.suppressed.add(("documents",))
        seen: dict[Path, KeyPath] = {}
        total = 0
        for ref_path, rel in refs:
            if ref_path in self.skip:
                continue
            try:
                real = self.resolve(rel)
                size = real.stat().st_size
            except (_BadReference, OSError):
                continue  # reported when it is read
            if real in seen:
                first = seen[real]
                self.issue(
                    MANIFEST,
                    lines.line_of(ref_path),
                    ref_path,
                    f"'{rel[:80]}' is already listed on line {lines.line_of(first)}; list each file once",
                )
                self.skip.add(ref_path)
                continue
            seen[real] = ref_path
            total += size
        if total > MAX_PACK_BYTES:
            self.issue(
                MANIFEST,
                1,
                (),
                f"the files this pack lists come to {total / (1024 * 1024):.1f} MiB; a study pack may be at "
                f"most {MAX_PACK_BYTES // (1024 * 1024)} MiB in all (none of them was read)",
            )
            self.skip.update(p for p, _rel in refs)
            self.suppressed.update({("documents",), ("distress_protocols",), *((k,) for k in PROTOCOL_KEYS)})

    def part(self, rel: str, ref: KeyPath, manifest_lines: LineMap) -> tuple[Any, LineMap] | None:
        """A referenced file's content; a problem is reported in that file or at its reference.  Once the
        whole pack's value budget is spent, no further file is read."""
        if self.budget.left < 0:
            return None
        try:
            return self.read(rel)
        except _BadReference as problem:
            self.issue(MANIFEST, manifest_lines.line_of(ref), ref, problem.message)
        except YamlProblem as problem:
            self.issue(rel, problem.line, (), problem.message)
        return None

    def assemble(self, manifest: dict[str, Any], lines: LineMap) -> dict[str, Any]:
        pack = dict(manifest)
        self.sources[()] = _Source(MANIFEST, lines, ())
        self.plan(manifest, lines)
        for key in PROTOCOL_KEYS:
            ref = pack.get(key)
            if isinstance(ref, str):
                loaded = None if (key,) in self.skip else self.part(ref, (key,), lines)
                if loaded is None:
                    self.suppressed.add((key,))
                else:
                    pack[key] = loaded[0]
                    self.sources[(key,)] = _Source(ref, loaded[1], ())
        protos = pack.get("distress_protocols")
        if isinstance(protos, list):
            loaded_protos: list[Any] = []
            for i, ref in enumerate(protos[:MAX_DOCUMENTS]):
                if not isinstance(ref, str):
                    loaded_protos.append(ref)  # the model says what is wrong with it
                    continue
                skipped = ("distress_protocols", i) in self.skip
                loaded = None if skipped else self.part(ref, ("distress_protocols", i), lines)
                if loaded is None:
                    self.suppressed.add(("distress_protocols", i))
                    loaded_protos.append({})
                    continue
                self.sources[("distress_protocols", i)] = _Source(ref, loaded[1], ())
                loaded_protos.append(loaded[0])
            pack["distress_protocols"] = loaded_protos
        refs = pack.get("documents")
        if isinstance(refs, list):
            docs: list[Any] = []
            for i, ref in enumerate(refs[:MAX_DOCUMENTS]):
                if ("documents", i) in self.skip:
                    continue
                if isinstance(ref, str):
                    loaded = self.part(ref, ("documents", i), lines)
                    if loaded is None:
                        continue
                    source = _Source(ref, loaded[1], ())
                    data = loaded[0]
                elif isinstance(ref, dict):
                    source, data, ref = _Source(MANIFEST, lines, ("documents", i)), ref, f"documents[{i}]"
                else:
                    self.issue(
                        MANIFEST, lines.line_of(("documents", i)), ("documents", i), "must be a file name"
                    )
                    continue
                self.sources[("documents", len(docs))] = source
                self.doc_files.append(ref)
                docs.append(data)
            pack["documents"] = docs
            if refs and not docs:
                self.suppressed.add(("documents",))
        return pack

    def locate(self, path: KeyPath) -> tuple[_Source, KeyPath]:
        for prefix_len in (2, 1):
            source = self.sources.get(path[:prefix_len])
            if source is not None and len(path) >= prefix_len:
                return source, source.base + path[prefix_len:]
        return self.sources[()], path

    def add(self, path: KeyPath, message: str, *, missing: bool = False) -> None:
        if any(path[: len(s)] == s for s in self.suppressed):
            return
        source, local = self.locate(path)
        line = source.lines.line_of(local[:-1] if missing else local)
        self.issue(source.file, line, local, message)


def _strip_tags(loc: tuple[str | int, ...], data: Any) -> KeyPath:
    """Drop the union tags pydantic puts in locations (``documents.0.consent_form.id``)."""
    out: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part not in node and part in _KINDS and node.get("kind") == part:
            continue
        out.append(part)
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            node = None
    return tuple(out)


def _model_at(path: KeyPath, data: dict[str, Any]) -> type[BaseModel] | None:
    """The model class for the mapping at ``path``, to suggest the key a typo meant."""
    model: Any = StudyPack
    if path[:1] == ("documents",) and len(path) >= 2 and isinstance(data.get("documents"), list):
        docs = data["documents"]
        doc = docs[path[1]] if isinstance(path[1], int) and 0 <= path[1] < len(docs) else None
        kind_name = doc.get("kind") if isinstance(doc, dict) else None
        if kind_name not in _KINDS:
            return None
        model, path = DOCUMENT_CLASSES[DocumentKind(kind_name)], path[2:]
    for part in path:
        if isinstance(part, int):
            continue
        field = (
            model.model_fields.get(part) if isinstance(model, type) and issubclass(model, BaseModel) else None
        )
        if field is None:
            return None
        model = _inner_model(field.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    args = getattr(annotation, "__args__", None)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in args or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _message(err: ErrorDetails, path: KeyPath, data: dict[str, Any]) -> str:
    kind, value = err["type"], err.get("input")
    last = path[-1] if path else ""
    if kind == "missing":
        return f"required key '{last}' is missing"
    if kind == "extra_forbidden":
        model = _model_at(path[:-1], data)
        hint = difflib.get_close_matches(str(last), list(model.model_fields), n=1) if model else []
        return f"unknown key '{last}'" + (f"; did you mean '{hint[0]}'?" if hint else "")
    if kind in ("union_tag_not_found", "union_tag_invalid"):
        return "'kind' must be one of: " + ", ".join(sorted(_KINDS))
    if kind == "string_type" and isinstance(value, int | float) and not isinstance(value, bool):
        return f'must be text in quotes (YAML reads {value} as a number), e.g. "{value}"'
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "must be a mapping of keys to values"
    if kind in ("tuple_type", "list_type"):
        return "must be a list (one '- ' item per line)"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "must be a whole number"
    if kind == "too_short":
        return "must not be empty"
    if kind in ("bool_type", "bool_parsing"):
        return "must be true or false"
    if kind in ("date_from_datetime_inexact", "date_from_datetime_parsing", "date_parsing", "date_type"):
        return "must be a date written as YYYY-MM-DD (a real calendar date)"
    message = err["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return message.replace("Input should be", "must be").replace("String should", "must")


def _has_item_errors(err: ErrorDetails, errors: list[ErrorDetails]) -> bool:
    loc = tuple(err["loc"])
    return any(len(other["loc"]) > len(loc) and tuple(other["loc"][: len(loc)]) == loc for other in errors)


def _collect(path: Path) -> tuple[StudyPack | None, list[PackIssue], dict[str, str]]:
    path = Path(path)
    root = path if path.is_dir() else path.parent
    asm = _Assembler(root)
    if not path.exists():
        asm.issue(str(path)[:300], None, (), "there is no study pack here: no such folder or file")
        return None, asm.issues, asm.digests
    if path.is_dir() and not (path / MANIFEST).is_file():
        asm.issue(str(path)[:300], None, (), f"this folder has no {MANIFEST}, so it is not a study pack")
        return None, asm.issues, asm.digests
    try:
        manifest, lines = asm.read(MANIFEST if path.is_dir() else path.name)
    except YamlProblem as problem:
        asm.issue(MANIFEST if path.is_dir() else path.name, problem.line, (), problem.message)
        return None, asm.issues, asm.digests
    if not isinstance(manifest, dict):
        asm.issue(
            MANIFEST, 1, (), "pack.yaml must be a mapping of keys to values (pack_format, id, study ...)"
        )
        return None, asm.issues, asm.digests
    data = asm.assemble(manifest, lines)
    if asm.budget.left < 0:  # the pack is too large to check further; that one problem says so
        return None, sorted(set(asm.issues), key=lambda i: (i.file, i.line or 0)), asm.digests
    seen_files: set[str] = set()
    for source in asm.sources.values():
        if source.file in seen_files:
            continue
        seen_files.add(source.file)
        for dup_path, line in source.lines.duplicates:
            asm.issue(source.file, line, dup_path, "this key appears twice in the same mapping")
    pack: StudyPack | None = None
    try:
        pack = StudyPack.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        flow_hinted: set[tuple[str, KeyPath]] = set()
        for err in errors:
            if err["type"] == "too_short" and _has_item_errors(err, errors):
                continue  # pydantic counts the items that failed as absent; their own errors say more
            loc = _strip_tags(tuple(err["loc"]), data)
            anchor = _ANCHOR_KEY.get(err["type"])
            if anchor is not None:
                loc = (*loc, anchor)
            message = _message(err, loc, data)
            source, local = asm.locate(loc)
            raw = source.lines.number_text.get(local)
            if raw is not None and err["type"] in ("string_type", "needs_quotes"):
                message = f'must be text in quotes: write "{raw}" (without quotes YAML reads {raw} as a number)'
            if err["type"] == "extra_forbidden" and local[:-1] in source.lines.flow_mappings:
                if (source.file, local[:-1]) in flow_hinted:
                    continue
                flow_hinted.add((source.file, local[:-1]))
                message += (
                    "; in a {...} mapping a comma starts a new key, so text with a comma must be in quotes,"
                    ' e.g. {id: a, text: "one, two"}'
                )
            asm.add(loc, message, missing=err["type"] == "missing")
    for loc, message in rules.check(data, asm.doc_files):
        text, ref = rules.split_ref(message)
        if ref is not None:
            here, _local = asm.locate(loc)
            there, there_local = asm.locate(ref)
            ref_line = there.lines.line_of(there_local)
            where = f"line {ref_line}" if there.file == here.file else f"{there.file}:{ref_line}"
            text = text.replace(rules.AT, where)
        asm.add(loc, text)
    if pack is not None and pack.pack_format == 1:
        for loc in uses_format2(pack):
            asm.add(loc, "is part of pack format 2; set 'pack_format: 2' (fieldwork pack upgrade does it)")
    issues = sorted(
        set(asm.issues), key=lambda i: (i.file != MANIFEST, i.file, i.line or 0, i.key_path, i.message)
    )
    return (pack if not issues else None), issues, asm.digests


def validate_pack(path: Path) -> list[PackIssue]:
    """Every problem in the pack at ``path`` (a directory or its pack.yaml); empty when it is valid."""
    return _collect(Path(path))[1]


def load_pack(path: Path) -> StudyPack:
    """The pack at ``path``; raises :class:`PackValidationError` listing every problem."""
    return load_pack_files(path)[0]


def load_pack_files(path: Path) -> tuple[StudyPack, dict[str, str]]:
    """The pack at ``path`` and the SHA-256 of every file it was built from, keyed by the name pack.yaml
    gives it (``pack.yaml`` itself included): the bytes hashed are the bytes parsed, so a signature over
    these digests covers exactly what was imported."""
    pack, issues, digests = _collect(Path(path))
    if pack is None:
        raise PackValidationError(issues or [PackIssue(MANIFEST, None, "", "the pack could not be read")])
    logger.info("loaded study pack %s version %s (%d documents)", pack.id, pack.version, len(pack.documents))
    return pack, dict(digests)


def pack_digest(pack: StudyPack) -> str:
    """SHA-256 of the pack's canonical JSON: the same content always gives the same digest."""
    canonical = json.dumps(canonical_dump(pack), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def pack_notices(pack: StudyPack) -> list[str]:
    """What a valid pack may have left out by mistake, for the person checking or importing it: not errors
    (the pack works), but what participants will be told differs from what the pack's authors may expect.

    A pack with no entry marked ``emergency_services`` for a group makes "in immediate danger, call ..."
    name no number for that group (and the code word's default name none): an entry only marked
    ``emergency`` is shown first but never named as the number to call."""
    marked = [e for e in pack.signposting.entries if e.emergency_services]
    action = (
        'the support list and its handout will say "call the emergency services" without a number (and '
        "so will the code word's default action); "
        "mark the emergency services' entry (with its phone, e.g. \"112\") 'emergency_services: true' "
        "('emergency: true' only shows an entry first)"
    )
    if not marked:
        return [f"signposting: no entry is marked 'emergency_services: true': {action}"]
    without = [g.id for g in pack.groups if not any(e.for_group(g.id) for e in marked)]
    if not without:
        return []
    return [f"signposting: no entry marked 'emergency_services: true' is for group {', '.join(without)}: {action}"]
