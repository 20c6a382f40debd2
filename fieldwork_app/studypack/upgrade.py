"""Rewriting a format-1 study pack as format 2, keeping its comments and everything it means.

Format 2 reads every format-1 pack unchanged, so upgrading is needed only to use a format-2 part.  The
upgrade edits ``pack.yaml`` as text, so the research team's comments, order and wording stay: it sets
``pack_format: 2`` and turns each group's ``location_kinds`` into ``venues`` (a venue per location kind,
listed once at the top level, lone working at home as before).  Documents and protocol files are not
touched.  The result is validated and compared with the original before it is written: every group must
meet at the same kinds of place and every document must be the same.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from fieldwork_app.domain.pack import LONE_WORKING_KINDS, LocationKind, StudyPack, canonical_dump
from fieldwork_app.errors import InvalidInput
from fieldwork_app.studypack.issues import PackIssue, PackValidationError
from fieldwork_app.studypack.loader import MANIFEST, load_pack
from fieldwork_app.studypack.safeyaml import decode, parse

_LABELS = {
    LocationKind.HOME: "Participant's home",
    LocationKind.CLINIC: "Clinic or service base",
    LocationKind.REMOTE_VIDEO: "Video call",
    LocationKind.PHONE: "Phone call",
}


@dataclass(frozen=True)
class UpgradeResult:
    pack_id: str
    version: str
    written: Path  # the pack.yaml written
    venues: tuple[str, ...]
    was_signed: bool  # a pack.sig beside it no longer matches and must be made again


def _venue_block(kinds: list[LocationKind]) -> str:
    lines = ["", "# Where sessions are held (pack format 2); each group lists the venues it uses.", "venues:"]
    for kind in kinds:
        lines.append(f"  - id: {kind.value.replace('_', '-')}")
        lines.append(f"    label: {_LABELS.get(kind, kind.value.replace('_', ' ').capitalize())}")
        lines.append(f"    kind: {kind.value}")
        lines.append(f"    lone_working: {'true' if kind in LONE_WORKING_KINDS else 'false'}")
    return "\n".join(lines) + "\n"


def upgraded_text(pack_dir: Path) -> tuple[str, StudyPack, list[LocationKind]]:
    """The format-2 text of ``pack_dir``'s pack.yaml, the pack as it stands, and the venue kinds added."""
    pack = load_pack(pack_dir)  # raises PackValidationError: only a valid pack is upgraded
    if pack.pack_format != 1:
        raise InvalidInput(f"study pack {pack.id} is already format {pack.pack_format}; nothing to upgrade")
    raw = (pack_dir / MANIFEST).read_bytes()
    text = decode(raw)
    _data, lines = parse(text)
    out = text.splitlines(keepends=True)
    fmt_line = lines.keys.get(("pack_format",))
    if fmt_line is None:
        out.insert(0, "pack_format: 2\n")
        shift = 1
    else:
        out[fmt_line - 1] = "pack_format: 2\n"
        shift = 0
    kinds: list[LocationKind] = []
    for g in pack.groups:
        for k in g.location_kinds:
            if k not in kinds:
                kinds.append(k)
    # Replace each group's location_kinds (flow or block style) by its venues, last group first so the
    # line numbers of the earlier ones stay right.
    for i in reversed(range(len(pack.groups))):
        group = pack.groups[i]
        start = lines.keys.get(("groups", i, "location_kinds"))
        if start is None:
            continue
        later = [
            line
            for path, line in lines.keys.items()
            if line > start and (path[:2] == ("groups", i) and len(path) == 3 or path[:2] == ("groups", i + 1))
        ]
        top_level = [line for path, line in lines.keys.items() if len(path) == 1 and line > start]
        end = min([*later, *top_level], default=len(out) + 1 - shift)
        indent = out[start - 1 + shift][: len(out[start - 1 + shift]) - len(out[start - 1 + shift].lstrip())]
        ids = ", ".join(k.value.replace("_", "-") for k in group.location_kinds)
        # Keep comment and blank lines that sit before the next key.
        tail = [ln for ln in out[start + shift : end - 1 + shift] if ln.strip().startswith("#") or not ln.strip()]
        out[start - 1 + shift : end - 1 + shift] = [f"{indent}venues: [{ids}]\n", *tail]
    groups_line = lines.keys.get(("groups",))
    block = _venue_block(kinds)
    # The venues go just before the first top-level key after the groups.
    after_groups = sorted(
        line for path, line in lines.keys.items() if len(path) == 1 and groups_line and line > groups_line
    )
    new_text = "".join(out)
    if after_groups:
        anchor_key = next(path for path, line in lines.keys.items() if len(path) == 1 and line == after_groups[0])
        marker = f"\n{anchor_key[0]}:"
        pos = new_text.find(marker)
        # Step back over the comment lines that introduce that key.
        head = new_text[: pos + 1].splitlines(keepends=True)
        while head and head[-1].lstrip().startswith("#"):
            head.pop()
        cut = sum(len(x) for x in head)
        new_text = new_text[:cut] + block.lstrip("\n") + "\n" + new_text[cut:]
    else:
        new_text = new_text.rstrip("\n") + "\n" + block
    return new_text, pack, kinds


def _same_meaning(old: StudyPack, new: StudyPack) -> list[str]:
    """What differs between the format-1 pack and its upgrade, beyond the format itself (nothing may)."""
    problems = []
    for g in old.groups:
        if set(old.location_kinds_for(g.id)) != set(new.location_kinds_for(g.id)):
            problems.append(f"group '{g.id}' would meet at other places")
        for v in new.venues_for(g.id):
            if v.needs_lone_working != (v.kind in LONE_WORKING_KINDS):
                problems.append(f"venue '{v.id}' would change lone working")
    keep = ("documents", "distress_protocol", "safeguarding", "lone_working", "signposting", "study", "data_rules")
    a, b = canonical_dump(old), canonical_dump(new)
    problems += [f"'{key}' would change" for key in keep if a.get(key) != b.get(key)]
    return problems


def _refuse_odd_entries(pack_dir: Path) -> None:
    """A pack folder arrives by e-mail: the folder and its pack.yaml must be what they say (no link to
    somewhere else), and it holds only folders, files and links (which the loader checks stay inside)."""
    manifest = pack_dir / MANIFEST
    for path, what in ((pack_dir, "the pack folder"), (manifest, MANIFEST)):
        if path.is_symlink():
            raise InvalidInput(f"{path}: {what} is a link; upgrade a copy of the real folder")
    for root, dirs, files in os.walk(pack_dir):
        for name in (*dirs, *files):
            mode = os.lstat(os.path.join(root, name)).st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode)):
                raise InvalidInput(
                    f"{os.path.join(root, name)}: not a file or a folder; a study pack holds only files"
                )


def _replace_manifest(pack_dir: Path, text: str) -> None:
    """Write pack.yaml's new text to a file of our own making (never an existing name, which a sender could
    have made a link to a file elsewhere), then put it in place in one step."""
    fd, staged = tempfile.mkstemp(dir=pack_dir, prefix=f".{MANIFEST}.", suffix=".upgrade")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(staged, pack_dir / MANIFEST)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(staged)
        raise


def upgrade_pack(pack_dir: Path, output: Path | None = None) -> UpgradeResult:
    """Rewrite the format-1 pack at ``pack_dir`` as format 2: in place, or as a copy at ``output`` (a
    folder that must not exist yet).  Nothing is written unless the result is valid and means the same."""
    pack_dir = Path(pack_dir)
    if pack_dir.name == MANIFEST:
        pack_dir = pack_dir.parent
    _refuse_odd_entries(pack_dir)
    new_text, old, kinds = upgraded_text(pack_dir)
    if output is not None and output.exists():
        raise InvalidInput(f"{output} already exists; give a new folder for the upgraded pack")
    with tempfile.TemporaryDirectory(prefix="pack-upgrade-") as tmp:
        trial = Path(tmp) / "pack"
        shutil.copytree(pack_dir, trial, symlinks=True)
        (trial / MANIFEST).write_text(new_text, encoding="utf-8")
        try:
            new = load_pack(trial)
        except PackValidationError as exc:  # a bug in the upgrade, never the researcher's pack
            raise PackValidationError(
                [PackIssue(MANIFEST, None, "", "the upgrade could not be made safely; the pack was not changed"),
                 *exc.issues]
            ) from None
        problems = _same_meaning(old, new)
        if problems:
            raise InvalidInput("the upgrade would change the pack (" + "; ".join(problems) + "); nothing written")
        if output is not None:
            shutil.copytree(trial, output, symlinks=True)
            target = output / MANIFEST
        else:
            target = pack_dir / MANIFEST
            _replace_manifest(pack_dir, new_text)
    return UpgradeResult(
        pack_id=new.id,
        version=new.version,
        written=target,
        venues=tuple(k.value.replace("_", "-") for k in kinds),
        was_signed=(pack_dir / "pack.sig").exists(),
    )
