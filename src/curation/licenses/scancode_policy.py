"""The policy's classes for the ScanCode licenses read by name, by ScanCode's category: writes licenses.yaml's lists.

catalogue_names reads several hundred licenses the SPDX list lacks by the names ScanCode gives
them (scancode_names.py). An id no class lists is `unknown`, and denied unread; so each id that
a name can be read as is listed in the class its ScanCode category stands for: "Permissive" and
"Public Domain" in permissive (attribution kept: ScanCode's public-domain category holds notices
that still ask for credit), "Copyleft Limited" in weak_copyleft, "Copyleft" in share_alike,
"Source-available" in source_available. "Commercial" licenses are not read by name at all
(scancode_names.READ_CATEGORIES). Where ScanCode's category contradicts a license's text (the Free
Art License filed "Permissive", Prosperity "Source-available"), a hand-written pattern of the policy
classes the id instead. Custom terms (LicenseRef-Custom-*) are review_terms already, and an id a hand-written
pattern of the policy matches is left to it.

The lists sit between marker comments in policies/licenses.yaml; `python -m
curation.licenses.scancode_policy` writes them again (after `python -m
curation.licenses.catalogue_names` has read the catalogues' names anew).
"""

from __future__ import annotations

import re
from fnmatch import fnmatchcase
from pathlib import Path

import yaml

from curation.licenses import catalogue_names
from curation.licenses.scancode_terms import SCANCODE, scancode_category

POLICY = Path(__file__).resolve().parents[3] / "policies" / "licenses.yaml"
CLASS_OF_CATEGORY = {"Permissive": "permissive", "Public Domain": "permissive", "Copyleft Limited": "weak_copyleft",
                     "Copyleft": "share_alike", "Source-available": "source_available"}
_BEGIN = "# begin: ScanCode's licenses read by name"
_END = "# end: ScanCode's licenses read by name"
_BLOCK = re.compile(r"(?P<indent>[ ]*)" + re.escape(_BEGIN) + r"[^\n]*\n.*?" + re.escape(_END), re.DOTALL)


def answerable_ids() -> set[str]:
    """Every ScanCode id (not custom terms) that a name in the catalogue's index is read as."""
    return {name.spdx_id for group in catalogue_names.index().values() for name in group
            if name.spdx_id and name.spdx_id.startswith(SCANCODE)}


def classed(text: str) -> dict[str, list[str]]:
    """For each class, the answerable ids of its ScanCode categories that no hand-written pattern
    of the policy `text` lists (the generated lists themselves not counted)."""
    hand = yaml.safe_load(_BLOCK.sub("", text))
    patterns = [p.lower() for c in hand["classes"].values() for p in c.get("licenses") or []]
    out: dict[str, list[str]] = {}
    for key in sorted(answerable_ids()):
        cls = CLASS_OF_CATEGORY.get(scancode_category(key))
        if cls and not any(fnmatchcase(key.lower(), p) for p in patterns):
            out.setdefault(cls, []).append(key)
    return out


def write_policy(path: Path = POLICY, width: int = 110) -> int:
    """Writes the generated list of each class into `path` (between its markers); the ids written."""
    text = path.read_text(encoding="utf-8")
    lists = classed(text)
    blocks = list(_BLOCK.finditer(text))
    names = [re.search(r"\((\w+)\)", text[b.start():text.index("\n", b.start())]).group(1) for b in blocks]
    out, at = [], 0
    for block, cls in zip(blocks, names):
        indent = block["indent"]
        lines, line = [], ""
        for key in lists.get(cls, []):
            piece = f"{key}, "
            if len(indent) + len(line) + len(piece) > width:
                lines.append(indent + line.rstrip())
                line = ""
            line += piece
        if line:
            lines.append(indent + line.rstrip())
        if lines:
            lines[-1] = lines[-1].rstrip(",")
        head = text[block.start():text.index("\n", block.start()) + 1]
        out += [text[at:block.start()], head, *(f"{x}\n" for x in lines), indent + _END]
        at = block.end()
    path.write_text("".join(out) + text[at:], encoding="utf-8")
    return sum(len(lists.get(c, [])) for c in names)


if __name__ == "__main__":
    print(f"{write_policy()} ScanCode ids classed in {POLICY}")
