"""License evidence for a document, and the decision taken from it.

Evidence is gathered in this order (the first piece names the document's license):
  metadata       the document's own license field (JSONL/CSV/Parquet/datasets record)
  spdx_tag       an `SPDX-License-Identifier:` tag in its text
  document_text  a license text or notice found in its text
  license_file   a license text or notice in a LICENSE / COPYING / README file of its folder,
                 the nearest folder first, up to the source folder
  source_yaml    the source's SOURCE.yaml `license:`
  hf_card        the `license:` of a Hugging Face dataset card (README.md YAML header)
Every piece is kept. When two pieces name different licenses the evidence conflicts and the
document goes to review (policy `licenses.conflict`) with every piece recorded. A steward's
override for the source stands above all evidence.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from license_expression import ExpressionError

from curation.documents import RawDocument, SourceInfo
from curation.licenses import detect, spdx
from curation.licenses.classes import RANK, LicenseRules, judge
from curation.licenses.names import HF_LICENSES, hf_license  # noqa: F401 (kept importable here)
from curation.sources.files import open_regular

ORDER = ("metadata", "spdx_tag", "document_text", "license_file", "source_yaml", "hf_card")
MAX_LICENSE_FILE_BYTES = 1 << 20
LICENSE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|README)([._-].*)?$", re.IGNORECASE)
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(?:\n|\Z)", re.DOTALL)

@dataclass(frozen=True)
class Evidence:
    """One piece of license evidence: its kind (see ORDER), the normalized SPDX expression (the
    raw value when it is not a valid expression), where it was found and how sure the finding is."""

    kind: str
    expression: str
    where: str
    score: float = 1.0
    valid: bool = True
    versionless: bool = False  # a Creative Commons name without its version, read as its latest

    def describe(self) -> str:
        return f"{self.where}: {self.expression}" + ("" if self.valid else " (not a valid SPDX expression)")


@dataclass(frozen=True)
class LicenseDecision:
    expression: str | None  # normalized SPDX expression, None when no evidence
    evidence: str  # "kind: where" (kind from ORDER, or override | none; where names the file, lines
    # and rule), or "conflict: kind=expr; ..." (the catalog's license_evidence, shown on the card)
    license_class: str  # allow | review | deny
    reason: str  # a machine-readable code: license_allowed, license_noncommercial, license_conflict, ...
    message: str
    pieces: tuple[Evidence, ...] = ()
    category: str | None = None  # the license class that decided: permissive, share_alike, ...


def piece(kind: str, value: str, where: str, score: float = 1.0) -> Evidence:
    try:
        return Evidence(kind, spdx.normalize(value), where, score)
    except ExpressionError:
        return Evidence(kind, value, where, score, valid=False)


def _card_license(text: str) -> str | None:
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    try:
        header = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return None
    return hf_license(header.get("license")) if isinstance(header, dict) else None


def _signature(folder: Path) -> tuple:
    """Names, sizes and mtimes of a folder's license files: the cache key of what they say."""
    try:
        # Links are not followed: a LICENSE linked to a file outside the inbox is not evidence.
        entries = sorted((e for e in os.scandir(folder)
                          if e.is_file(follow_symlinks=False) and LICENSE_FILE.match(e.name)), key=lambda e: e.name)
    except OSError:
        return ()
    return tuple((e.name, e.stat(follow_symlinks=False).st_size, e.stat(follow_symlinks=False).st_mtime_ns)
                 for e in entries)


@lru_cache(maxsize=1024)
def _folder_pieces(folder: str, signature: tuple, rel: str, threshold: float) -> tuple[Evidence, ...]:
    pieces = []
    for name, *_ in signature:
        try:
            with open_regular(Path(folder) / name) as fh:  # no link, no FIFO
                raw = fh.read(MAX_LICENSE_FILE_BYTES + 1)
        except OSError:
            continue
        if len(raw) > MAX_LICENSE_FILE_BYTES:  # a license or a README, not a document
            continue
        text = raw.decode("utf-8", errors="replace")
        names: tuple[str, ...] = ()
        if name.lower().startswith("readme"):
            card = _card_license(text)
            if card:
                pieces.append(piece("hf_card", card, f"{rel}{name} (dataset card license:)"))
            if header := FRONT_MATTER.match(text):
                # the card's pretty_name stays the subject of its prose ("Prairie QA is licensed under ...")
                names = detect.card_names(header.group(1))
            text = FRONT_MATTER.sub("", text, count=1)
        pieces += text_pieces("license_file", detect.detect_text(text, threshold, names=names), f"{rel}{name}")
    return tuple(pieces)


def text_pieces(kind: str, found: detect.Detection, where: str) -> list[Evidence]:
    """The pieces a detection in a text gives: one, naming its evidence lines and rules; or, when
    the text's own statements conflict, one per statement, so that the conflict is decided by the
    policy's `conflict` rule with every reading recorded."""
    if not found.found:
        # nothing found in what was read of a LICENSE/README file: a reviewer must still learn that
        # part of it was not (its license may sit in the middle), so it stays a piece (`partly_read`);
        # a long document that is no license file is not expected to carry one
        return [Evidence(kind, detect.NOASSERTION, f"{where} (no license found in the part read; {found.unread})",
                         0.0)] if found.unread and kind == "license_file" else []
    if found.conflict:
        # Lines and rule, not the statement's words: this string is stored in the catalog and the
        # card, and a license file's sentences can name people (`license detect --explain` shows them).
        return [Evidence(kind, s.expression, f"{where} {s.where()} ({s.kind}"
                         + (", upstream" if s.role == "upstream" else "")
                         + (f"; {found.unread}" if found.unread else "") + ")", s.score,
                         versionless=detect.VERSION_NOT_STATED in s.rule)
                for s in found.statements]
    lines = "; ".join(f"{s.where()} {s.kind}: {s.rule}" + (f" (scope {s.scope})" if s.scope else "")
                      + ("" if s.role == "own" else f" ({s.role.replace('_', '-')})")
                      for s in found.statements[:MAX_LISTED_STATEMENTS])
    more = len(found.statements) - MAX_LISTED_STATEMENTS
    lines += f"; {more} more statement(s)" if more > 0 else ""
    hint = f"; custom terms, closest SPDX license {found.hint}" if found.hint else ""
    return [Evidence(kind, found.expression, f"{where} ({lines}{hint}{not_counted(found)})", found.score,
                     versionless=found.versionless)]


# The card and the steward review show this string: every statement up to this many, then a count.
MAX_LISTED_STATEMENTS = 12


def not_counted(found: detect.Detection) -> str:
    """The lines that talk about licenses, are an example, a hedged public-domain claim or the
    work's past license, or change upstream terms, and were not counted, and the
    middle of a long file that was not read: line numbers only (the words can name people;
    `license detect --explain` shows them)."""
    talk = sorted({r.first_line for r in found.remarks if r.why in ("talk", "mention", "other_work")})
    upstream = sorted({r.first_line for r in found.remarks if r.role != "own" and r.why in
                       ("custom", "restriction", "commercial_ok")})
    examples = sorted({r.first_line for r in found.remarks if r.why == "example"})
    hedged = sorted({r.first_line for r in found.remarks if r.why == "hedged"})
    history = sorted({r.first_line for r in found.remarks if r.why == "history"})
    out = ""
    for lines, what in ((talk, "talk about licenses"), (examples, "an example in a code block"),
                        (hedged, "public domain said with a hedge"), (history, "a license the work had before")):
        if lines:
            shown = ", ".join(map(str, lines[:MAX_LISTED_STATEMENTS])) + (" …" if len(lines) > MAX_LISTED_STATEMENTS else "")
            out += f"; not counted, {what}: line(s) {shown}"
    if upstream:
        out += f"; not counted, terms of upstream or quoted material: line(s) {', '.join(map(str, upstream))}"
    if found.unread:
        out += f"; {found.unread}"  # a reviewer must know a long file was read only in part
    return out


def folder_evidence(doc: RawDocument, source: SourceInfo, threshold: float) -> list[Evidence]:
    """license_file and hf_card pieces from the document's folder up to its source folder; for
    each kind only the nearest folder that has one counts (a subfolder's LICENSE governs it)."""
    if not source.folder:
        return []
    root = Path(source.folder)
    path = root.parent / doc.path
    folder = path if path.is_dir() else path.parent  # a datasets.save_to_disk folder is the unit
    chain = []
    while True:
        chain.append(folder)
        if folder == root or root not in folder.parents:
            break
        folder = folder.parent
    found: dict[str, list[Evidence]] = {}
    for folder in chain:
        rel = folder.relative_to(root.parent).as_posix() + "/"
        here: dict[str, list[Evidence]] = {}
        for piece in _folder_pieces(str(folder), _signature(folder), rel, threshold):
            here.setdefault(piece.kind, []).append(piece)
        for kind, pieces in here.items():
            found.setdefault(kind, pieces)  # every piece of the nearest folder (a conflict has several)
    return [p for k in ("license_file", "hf_card") for p in found.get(k, [])]


def gather(doc: RawDocument, source: SourceInfo, threshold: float) -> list[Evidence]:
    """Every piece of evidence for `doc`, in ORDER."""
    pieces: list[Evidence] = []
    value = doc.metadata.get("license")
    if isinstance(value, str) and value.strip():
        pieces.append(piece("metadata", value.strip(), f"metadata field '{source.license_field or 'license'}'"))
    if tag := detect.spdx_tag(doc.text):
        pieces.append(Evidence("spdx_tag", tag.expression, "SPDX-License-Identifier tag"))
    else:
        # A tag that is not a valid expression is still a claim: record it as invalid.
        if match := detect.SPDX_TAG.search(doc.text):
            pieces.append(piece("spdx_tag", match.group(1).strip(), "SPDX-License-Identifier tag"))
    # The tag is evidence of its own: look for a notice in the rest of the text.
    found = detect.detect_text(detect.SPDX_TAG.sub("", doc.text), threshold, document=True)
    pieces += text_pieces("document_text", found, "license notice in the text")
    folder = folder_evidence(doc, source, threshold)
    pieces += [p for p in folder if p.kind == "license_file"]
    if source.license and source.license.strip():
        pieces.append(piece("source_yaml", source.license.strip(), "SOURCE.yaml license"))
    pieces += [p for p in folder if p.kind == "hf_card"]
    return pieces


def partly_read(piece: Evidence) -> bool:
    """Whether the piece is a file read in part that named no license in what was read (text_pieces'
    own piece: a license file's; a metadata field that says "NOASSERTION" is that field's value)."""
    return piece.kind == "license_file" and piece.expression == detect.NOASSERTION


def decide_pieces(pieces: list[Evidence], rules: LicenseRules) -> LicenseDecision:
    """The decision for a document with these pieces of evidence (in ORDER). A file read in part
    with no license found names none; it sends an allowed decision to review, and where nothing
    else names a license it is recorded beside the missing license."""
    unread = [p for p in pieces if partly_read(p)]
    decision = _decide([p for p in pieces if not partly_read(p)], rules)
    if not unread:
        return decision
    note = "; ".join(p.where for p in unread)
    action, reason = decision.license_class, decision.reason
    if RANK[action] < RANK["review"]:
        action, reason = "review", "license_partly_read"
    evidence = decision.evidence if decision.evidence != "none" else f"{unread[0].kind}: {unread[0].where}"
    return LicenseDecision(decision.expression, evidence, action, reason,
                           f"{decision.message}; read in part, no license found: {note}",
                           decision.pieces + tuple(unread), decision.category)


def _decide(pieces: list[Evidence], rules: LicenseRules) -> LicenseDecision:
    policy = rules.policy
    if not pieces:
        return LicenseDecision(None, "none", policy.missing, "license_missing",
                               "no license evidence (no metadata field, SPDX tag, license text or notice, "
                               "LICENSE/COPYING/README file, SOURCE.yaml license or dataset card license)")
    first = pieces[0]
    others = "; ".join(p.describe() for p in pieces[1:])
    also = f" (also: {others})" if others else ""
    if not first.valid:
        return LicenseDecision(first.expression, first.kind, "deny", "license_invalid",
                               f"'{first.expression}' from {first.where} is not a valid SPDX expression{also}",
                               tuple(pieces))
    judged = {p.expression: judge(p.expression, rules) for p in pieces if p.valid}
    distinct = list(dict.fromkeys(p.expression for p in pieces if p.valid))
    if len(distinct) > 1 or any(not p.valid for p in pieces):
        # Conflicting evidence: a steward decides, unless every reading is stricter still.
        most_permissive = min((judged[e].action for e in distinct), key=RANK.get)
        action = max(policy.conflict, most_permissive, key=RANK.get)
        listed = "; ".join(f"{p.kind}={p.expression}" for p in pieces)
        detail = "; ".join(f"{p.describe()} ({judged[p.expression].action if p.valid else 'invalid'})"
                           for p in pieces)
        return LicenseDecision(first.expression, f"conflict: {listed}", action, "license_conflict",
                               f"license evidence conflicts: {detail}", tuple(pieces),
                               judged[first.expression].license_class)
    j = judged[first.expression]
    because = "the policy's own list" if j.license_class == "listed" else f"class {j.license_class}"
    action, reason, version = j.action, j.reason, ""
    if first.versionless:
        # the duties of the name are kept either way; which version applies is the steward's call
        # unless the policy reads a version-less name as the latest version
        version = f"; the version is not stated, read as the latest (licenses.versionless: {policy.versionless})"
        if policy.versionless == "review" and j.action != "deny":
            action, reason = "review", "license_version_not_stated"
    # The kind first (reports key on it), then where: the file, its evidence lines and the rule.
    return LicenseDecision(first.expression, f"{first.kind}: {first.where}", action, reason,
                           f"{first.expression} (from {first.where}) is classed '{action}' "
                           f"({because}, {rules.policy.intended_use} use) because of {j.key}{version}{also}",
                           tuple(pieces), j.license_class)


def override_decision(override, pieces: list[Evidence], rules: LicenseRules) -> LicenseDecision:
    """A steward's override names the source's license. A license the class table knows keeps its
    class (an override corrects evidence, it does not waive the policy); one it cannot know (a
    contract, a LicenseRef- of the steward's) is taken as the steward's reviewed decision: allow."""
    given = piece("override", override.expression, f"steward override by {override.reviewer}")
    others = "; ".join(p.describe() for p in pieces)
    note = f"; other evidence: {others}" if others else ""
    if not given.valid:
        return LicenseDecision(override.expression, "override", "deny", "license_invalid",
                               f"override '{override.expression}' is not a valid SPDX expression", (given, *pieces))
    j = judge(given.expression, rules)
    action, reason = j.action, j.reason
    if j.license_class == "unknown":
        action, reason = "allow", "license_override"
    return LicenseDecision(given.expression, "override", action, reason,
                           f"{given.expression} by steward override ({override.reviewer}: {override.reason}) "
                           f"is classed '{action}'{note}", (given, *pieces), j.license_class)


def decide(doc: RawDocument, source: SourceInfo, rules: LicenseRules) -> LicenseDecision:
    """The license decision for one document of `source` (see the module docstring)."""
    pieces = gather(doc, source, rules.policy.detect_threshold)
    override = rules.overrides.get(source.name)
    if override is not None:
        return override_decision(override, pieces, rules)
    return decide_pieces(pieces, rules)
