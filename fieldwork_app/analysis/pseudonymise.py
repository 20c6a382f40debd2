"""The pseudonymisation aid: names and places from the identity data that occur in transcript drafts.

Runs on the data manager's machine only.  The identity data is read from the folder the identity
store was unpacked into (``identity/<session>/participants/<participant>.json``, see
docs/bundle-format.md); it is never copied into the analysis folder.  What was found (and, when
asked, replaced) is listed in a report that names the words found, so the report is refused inside
the analysis folder and is written with mode 0600.

Replacing changes a take's ``.txt``, ``.vtt`` and ``.json`` together (segments and words), so no copy
of a replaced word is left in any of them; the ``.json`` records only how many were replaced.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fieldwork_app.analysis.folder import AnalysisFolder, open_analysis_folder, read_json
from fieldwork_app.analysis.transcribe import _atomic_text
from fieldwork_app.errors import ErrorCode, InvalidInput

NAME_FIELDS = ("name", "preferred_name")
PLACE_FIELDS = ("address", "postcode")
MIN_TERM = 2
MAX_IDENTITY_FILES = 100_000


@dataclass(frozen=True)
class Term:
    text: str
    kind: str  # "name" or "place"
    participant_id: str


def _name_terms(value: str) -> list[str]:
    parts = [p for p in re.split(r"\s+", value.strip()) if len(p.strip(".,'")) >= MIN_TERM]
    return [value.strip(), *parts] if len(parts) > 1 else parts


def _place_terms(value: str) -> list[str]:
    out: list[str] = []
    for part in re.split(r"[,\n;]+", value):
        part = part.strip()
        if len(part) < MIN_TERM:
            continue
        out.append(part)
        unnumbered = re.sub(
            r"^(flat|apartment|unit)?\s*[\d/ -]+[a-z]?\s+", "", part, flags=re.IGNORECASE
        ).strip()
        if unnumbered != part and len(unnumbered) >= MIN_TERM:
            out.append(unnumbered)  # "12 Acacia Road" is also said "Acacia Road"
    return out


def load_identity_terms(identity_dir: Path) -> list[Term]:
    """Every participant's names and places from an unpacked identity store, longest first."""
    identity_dir = Path(identity_dir)
    if not identity_dir.is_dir():
        raise InvalidInput(f"{identity_dir}: no such identity folder")
    files = sorted(p for p in identity_dir.rglob("participants/*.json") if p.is_file() and not p.is_symlink())
    if not files:
        raise InvalidInput(
            f"{identity_dir}: no identity records found (expected identity/<session>/participants/<id>.json "
            "from unpacking the identity store)"
        )
    terms: set[Term] = set()
    for path in files[:MAX_IDENTITY_FILES]:
        rel = path.relative_to(identity_dir).as_posix()
        body = read_json(identity_dir, rel)
        if not isinstance(body, dict):
            raise InvalidInput(f"{rel}: expected an object")
        pid = str(body.get("participant") or path.stem)
        for f in NAME_FIELDS:
            if isinstance(body.get(f), str):
                terms |= {Term(t, "name", pid) for t in _name_terms(body[f])}
        for f in PLACE_FIELDS:
            if isinstance(body.get(f), str):
                terms |= {Term(t, "place", pid) for t in _place_terms(body[f])}
    return sorted(terms, key=lambda t: (-len(t.text), t.text.lower(), t.participant_id, t.kind))


def _pattern(terms: list[Term]) -> re.Pattern[str] | None:
    if not terms:
        return None
    alts = "|".join(r"\s+".join(re.escape(w) for w in t.text.split()) for t in terms)
    return re.compile(rf"(?<![\w])(?:{alts})(?![\w])", re.IGNORECASE)


@dataclass
class Finding:
    take: str
    line: int
    time: str
    kind: str
    participant_id: str
    found: str
    replacement: str | None


@dataclass
class PseudonymiseReport:
    findings: list[Finding] = field(default_factory=list)
    takes_checked: int = 0
    takes_changed: list[str] = field(default_factory=list)
    replaced: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "replaced": self.replaced,
            "takes_checked": self.takes_checked,
            "takes_changed": self.takes_changed,
            "findings": [f.__dict__ for f in self.findings],
        }


def _replacement(term: Term, tag: str | None) -> str:
    if term.kind == "place":
        return "[place]"
    return f"[{tag}]" if tag else f"[{term.participant_id}]"


def _lookup(terms: list[Term], found: str) -> Term:
    key = " ".join(found.split()).lower()
    return next(t for t in terms if " ".join(t.text.split()).lower() == key)


def _bare(word: str) -> str:
    return word.strip().strip(".,;:!?'\"").lower()


def _redact(text: str, pattern: re.Pattern[str], terms: list[Term], tag: str | None) -> str:
    return pattern.sub(lambda m: _replacement(_lookup(terms, m.group(0)), tag), text)


def pseudonymise_folder(
    root: Path,
    identity_dir: Path,
    report_path: Path,
    replace: bool = False,
    tag: str | None = None,
) -> PseudonymiseReport:
    """Flag (and with ``replace``, replace) identity names and places in every transcript draft.

    Names become the participant's study id (``[M-001]``), or ``[tag]`` when ``tag`` is given; places
    become ``[place]``.  The report (what was found where) is written to ``report_path``, which must
    lie outside the analysis folder.
    """
    folder: AnalysisFolder = open_analysis_folder(root)
    report_path = Path(report_path)
    if report_path.resolve().is_relative_to(folder.root.resolve()):
        raise InvalidInput(
            f"{report_path}: the report names identity data, so it cannot go inside the analysis folder; "
            "put it beside the identity data"
        )
    if Path(identity_dir).resolve().is_relative_to(folder.root.resolve()):
        raise InvalidInput(f"{identity_dir}: identity data must not be inside the analysis folder")
    if tag is not None and not re.fullmatch(r"[\w -]{1,40}", tag):
        raise InvalidInput("a tag is 1-40 letters, digits, spaces, '-' or '_'", code=ErrorCode.BAD_TAG)
    terms = load_identity_terms(identity_dir)
    pattern = _pattern(terms)
    report = PseudonymiseReport(replaced=replace)
    for take in folder.takes:
        txt = folder.root / f"{take.transcript_base}.txt"
        if not txt.is_file() or pattern is None:
            continue
        report.takes_checked += 1
        text = txt.read_text(encoding="utf-8")
        hits = 0
        for n, line in enumerate(text.splitlines(), 1):
            stamp = line[1:9] if line.startswith("[") and line[9:10] == "]" else ""
            for m in pattern.finditer(line):
                term = _lookup(terms, m.group(0))
                hits += 1
                report.findings.append(
                    Finding(
                        txt.relative_to(folder.root).as_posix(),
                        n,
                        stamp,
                        term.kind,
                        term.participant_id,
                        m.group(0),
                        _replacement(term, tag) if replace else None,
                    )
                )
        if not replace or not hits:
            continue
        vtt = txt.with_suffix(".vtt")
        js = txt.with_suffix(".json")
        doc = json.loads(js.read_bytes()) if js.is_file() else None
        if isinstance(doc, dict):
            for seg in doc.get("segments", []):
                said = seg.get("text", "")
                spans = [m.span() for m in pattern.finditer(said)]
                seg["text"] = _redact(said, pattern, terms, tag)
                cursor = 0
                for w in seg.get("words", []):
                    # each word found in order in the segment's text: redacted where a match covers it
                    word = str(w.get("word", "")).strip()
                    at = said.lower().find(word.lower(), cursor) if word else -1
                    if at < 0:
                        hit = _bare(word) in {_bare(x) for a, b in spans for x in said[a:b].split()}
                    else:
                        cursor = at + len(word)
                        hit = any(a < at + len(word) and at < b for a, b in spans)
                    if hit:
                        w["word"] = "[redacted]"
            for item in [*doc.get("markers", []), *doc.get("notes", [])]:
                item["text"] = _redact(item.get("text", ""), pattern, terms, tag)
            doc["pseudonymised"] = {"replaced": hits, "at": datetime.now(UTC).isoformat(timespec="seconds")}
        _atomic_text(txt, _redact(text, pattern, terms, tag))
        if vtt.is_file():
            _atomic_text(vtt, _redact(vtt.read_text(encoding="utf-8"), pattern, terms, tag))
        if isinstance(doc, dict):
            _atomic_text(js, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        report.takes_changed.append(txt.relative_to(folder.root).as_posix())
    report_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = report_path.with_name(f".{report_path.name}.writing")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(report.to_json(), fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    os.replace(tmp, report_path)
    return report
