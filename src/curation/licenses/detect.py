"""Finding the license a text applies to its work, with the lines that are the evidence.

A long text is read at its head and tail only (FILE_HEAD, FILE_TAIL; DOC_HEAD, DOC_TAIL for a
document), and ScanCode's approximate matching only near license vocabulary (scanned_text.py): every
input ends in bounded time. The text is made plain first (text.py: BOM, CRLF, HTML, markdown).
Then, in order:
  header        a dataset card's YAML `license:` (Hugging Face ids)
  spdx_tag      an `SPDX-License-Identifier:` tag (ScanCode splits `MIT OR Apache-2.0`; one in a
                markdown code block outside the License section is an example), a manifest's
                list of ids, a DataCite or Zenodo record's license fields, a .gemspec's or
                .podspec's `license` (records.py), the package an SPDX document describes (sbom.py)
  license_text  a full license text, matched by ScanCode's licensedcode (scancode_matches.py); a
                changed text is custom terms, a copy without its preface or trailer is not, and a
                copy cut deep is compared with the license its first lines name (full_texts.py)
  statements    sentences that apply a license to the work (statements.py), in English and
                Japanese; talk about licenses is no evidence, nor an example in a code block
                (code_blocks.py: the work's own citation is evidence)
  notice        ScanCode notice rules ("Licensed under the Apache License, Version 2.0 ...") on
                lines no statement explained, unless the line only talks about licenses (notices.py)
A sentence just after a full text that takes away what it allows makes it custom terms (riders.py).
The statements are reconciled (reconcile.py), then combined into one answer (combine.py: scopes,
conflicts, upstream and third-party licenses, custom terms). A BSD license without its clause count
is `LicenseRef-BSD-unspecified` (review, BSD-3-Clause as hint; so is ScanCode's notice for a bare
`license="BSD"`), a Creative Commons name without its version is read as its 4.0 (its NC/ND/SA
duties kept; a version stated elsewhere wins; `Detection.versionless` says so, and the policy's
`licenses.versionless` decides whether a steward confirms it), and a permission in the project's own
words whose one condition is credit is `LicenseRef-Custom-CC-BY-4.0` (unless a named license beside
it is what it sums up). Contributor agreements (ScanCode's `CLA` category) license nothing to users.
An LGPL-3.0 text that carries the GPL-3.0 text is the LGPL-3.0. An EPL-2.0 whose notice names a
Secondary License is `EPL-2.0 OR <that GPL>`; loose public-domain words yield to a dedication the
text names (CC0); a model's own terms (Llama, Gemma, RAIL) are `LicenseRef-Custom-<key>`
(names.model_terms). An exception named in the sentence after a GNU or Apache license is
`X WITH exception` (exceptions.py).
"""

from __future__ import annotations

import dataclasses
import re

import yaml
from license_expression import ExpressionError

from curation.licenses import statements as st
from curation.licenses.choice_words import DUAL
from curation.licenses.card_links import other_license
from curation.licenses.code_blocks import example_lines, read_blocks
from curation.licenses.combine import combine
from curation.licenses.conditions import with_conditions
from curation.licenses.detection import NOASSERTION, NOTHING, Detection
from curation.licenses.exceptions import with_added_exceptions, with_exception_texts
from curation.licenses.full_texts import _cut_copy, _inside, _texts
from curation.licenses.isc_permission import isc_permission
from curation.licenses.json_fields import manifest_licenses_array
from curation.licenses.names import VERSION_NOT_STATED  # noqa: F401  (evidence.py reads detect.VERSION_NOT_STATED)
from curation.licenses.notices import _notices, catalogue_mentions, with_stated_bsd_variant
from curation.licenses.own_limits import NO_DERIVATIVES, NO_REDISTRIBUTION, forbidding_lines
from curation.licenses.package_metadata import package_license
from curation.licenses.read_on import widened
from curation.licenses.reconcile import (_fold_lgpl3, _later_sentence, _named_dedication_wins, _or_later_notice,
                                         _reconcile, _reserved_font_name, _secondary_licenses, _tag_readings,
                                         _versionless_titles)
from curation.licenses.records import banner_license, record_licenses, spec_license
from curation.licenses.riders import RIDER_BODY_LINES, _riders
from curation.licenses.sbom import described_package_license, license_field_lines
from curation.licenses.scancode_matches import _matches
from curation.licenses.scancode_matches import scancode_index  # noqa: F401  (tests read detect.scancode_index)
from curation.licenses.scanned_text import LICENSE_WORDS, SCANCODE_WORDS, _scanned
from curation.licenses.spdx import normalize
from curation.licenses.text import Line, clean, plain, split_front_matter, window

# remarks on sentences the statement reader read and set aside (a "mention" it could not read)
JUDGED = ("talk", "other_work", "history", "hedged", "example", "no_such_version")
DEFAULT_THRESHOLD = 0.8  # below this score a detection is not evidence (LicensePolicy.detect_threshold)

SPDX_TAG = re.compile(r"SPDX-License-Identifier:\s*([A-Za-z0-9.+\-() ]+?)\s*(?:\*/|-->|$)", re.MULTILINE)

# A text is read at its head and tail, where license evidence sits: ScanCode's time grows with its
# input (a 123 KB file took 16 s, 1.8 MB over 4 minutes). A license file is read up to FILE_HEAD +
# FILE_TAIL characters (the longest common license files, an LGPL-3.0 with the GPL-3.0 appended or
# a GPL page in HTML, are under 45 KB); a document, which is rarely a license, less.
FILE_HEAD, FILE_TAIL = 64_000, 16_000
DOC_HEAD, DOC_TAIL = 20_000, 5_000


# A package manifest's list of license ids: composer.json's `"license": [...]`, a gemspec's
# `spec.licenses = [...]`, a Maven-free `licenses: [...]`.
_MANIFEST_LIST = re.compile(r"""^\s*["']?(?:\w+\.)?(?P<key>licen[cs]es?)["']?\s*(?:=>|[:=])\s*(?:%w)?\[(?P<items>[^\]]*)\]""",
                            re.IGNORECASE)


def manifest_licenses(raw: str, above: str = "") -> str | None:
    """The expression of a manifest's list of SPDX ids on line `raw`, or None. Composer reads its
    `"license"` array as a choice (its documentation); another list is a choice where the line or
    the comment above it says so ("pick either"), else every license applies (no duty lost)."""
    m = _MANIFEST_LIST.match(raw)
    items = re.findall(r"""["']([^"']+)["']""", m["items"]) if m else []
    if len(items) < 2:
        return None
    try:
        ids = [normalize(item) for item in items]
    except ExpressionError:
        return None
    if any(" " in i or i.startswith("LicenseRef-") for i in ids):
        return None
    composer = raw.lstrip().startswith('"') and m["key"].lower() == "license"
    choice = composer or bool(DUAL.search(raw) or DUAL.search(above))
    return normalize((" OR " if choice else " AND ").join(ids))


def spdx_tag(text: str) -> Detection | None:
    match = SPDX_TAG.search(text)
    if not match:
        return None
    try:
        return Detection(normalize(match.group(1).strip()), 1.0, "spdx_tag", (match.group(0).strip(),))
    except ExpressionError:
        return None


def _header(header: str, body: str) -> list[st.Statement]:
    from curation.licenses.names import hf_license

    try:
        data = yaml.safe_load(header)
    except yaml.YAMLError:
        return []
    if not isinstance(data, dict) or not data.get("license"):
        return []
    value = hf_license(data.get("license"), data.get("license_name"))
    rule = "dataset card YAML header `license:`"
    if str(data.get("license")).strip().lower() == "other" and (
            other := other_license(data.get("license_name"), data.get("license_link"), body)):
        value, rule = other
    if not value:
        return []
    try:
        value = normalize(value)
    except ExpressionError:
        return []
    number = 1 + next((i for i, line in enumerate(header.split("\n")) if line.lstrip().startswith("license")), 0)
    return [st.Statement(value, "header", "own", "data", number + 1, number + 1, f"license: {data.get('license')}",
                         rule)]


def card_names(header: str) -> tuple[str, ...]:
    """A dataset card's names for its dataset (`pretty_name`): the subject of its own statements."""
    try:
        data = yaml.safe_load(header)
    except yaml.YAMLError:
        return ()
    name = data.get("pretty_name") if isinstance(data, dict) else None
    return (name,) if isinstance(name, str) else ()


def detect_text(text: str, threshold: float = DEFAULT_THRESHOLD, *, document: bool = False,
                names: tuple[str, ...] = ()) -> Detection:
    """The license a text applies to its work, with its evidence (see the module docstring).
    `names` are the work's own names where the text no longer carries them (a card's `pretty_name`
    when its YAML header was read apart).

    Only the first FILE_HEAD and last FILE_TAIL characters of a long text are read (the time of
    every step stays bounded), widened over a license text that runs across a cut (read_on.py);
    `Detection.unread` says what was left out. With `document=True` the
    text is a document rather than a license file: only its head and tail (DOC_HEAD, DOC_TAIL) are
    read, ScanCode matches exactly and finds no full license texts. Statements scored below
    `threshold` are not evidence; with none left the answer is NOASSERTION.
    """
    # a license text that runs across a cut is read whole, never as a copy with words removed
    head, tail = (DOC_HEAD, DOC_TAIL) if document else widened(text, FILE_HEAD, FILE_TAIL)
    text, unread = window(text, head, tail)
    found = _detect(text, threshold, document, names)
    return dataclasses.replace(found, unread=unread.explain(head, tail)) if unread else found


def _detect(text: str, threshold: float, document: bool, names: tuple[str, ...]) -> Detection:
    if not text.strip():
        return NOTHING
    if document and not LICENSE_WORDS.search(text):
        # No license vocabulary at all: no grant to find. Most business documents stop here, so
        # an ingest never loads ScanCode's index (1.4 GB, 6-20 s) unless some text needs it.
        return NOTHING
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    header, body, header_lines = split_front_matter(text)
    statements = _header(header, body) if header else []
    card = bool(statements)
    lines = clean(body, first_line=header_lines + 1)
    tag_lines = set()
    example_tags = example_lines(lines)
    for offset, raw in enumerate(body.split("\n")):
        number = header_lines + 1 + offset
        # read before markdown is removed: a tag sits in a comment (`/* ... */`, `<!-- ... -->`);
        # one in a markdown code block is an example header, read (and remarked) by read_blocks
        if number not in example_tags and (m := SPDX_TAG.search(raw)) and (tag := spdx_tag(raw)):
            statements.append(st.Statement(tag.expression, "spdx_tag", "own", None, number, number,
                                           m.group(0).strip(), "SPDX-License-Identifier tag"))
            tag_lines.add(number)
    raws = body.split("\n")
    for offset, raw in enumerate(raws):
        if (listed := manifest_licenses(raw, raws[offset - 1] if offset else "")) is not None:
            number = header_lines + 1 + offset
            statements.append(st.Statement(listed, "spdx_tag", "own", None, number, number, raw.strip(),
                                           "a package manifest's list of licenses"))
            tag_lines.add(number)
    if (listed := manifest_licenses_array(body)) is not None:
        number = header_lines + 1 + next((i for i, raw in enumerate(raws) if '"licenses"' in raw), 0)
        statements.append(st.Statement(listed, "spdx_tag", "own", None, number, number, '"licenses": [...]',
                                       "a JSON manifest's licenses array (package.json, datapackage.json)"))
        tag_lines.add(number)
    for record in record_licenses(body):
        number = header_lines + record.line
        statements.append(st.Statement(record.expression, "spdx_tag", "own", None, number, number, record.text,
                                       "a metadata record's license field (DataCite, Zenodo, CodeMeta, nuspec)"))
        tag_lines.add(number)
    if spec := spec_license(body):
        number = header_lines + spec.line
        statements.append(st.Statement(spec.expression, "spdx_tag", "own", None, number, number, spec.text,
                                       "a package spec's license field (.gemspec, .podspec)"))
        tag_lines.add(number)
    # (a meson list of ids is read above as a manifest's list)
    if (package := package_license(body)) and header_lines + package.line not in tag_lines:
        number = header_lines + package.line
        statements.append(st.Statement(package.expression, "spdx_tag", "own", None, number, number, package.text,
                                       f"a package description's license field ({package.format})"))
        tag_lines.add(number)
    # an SPDX document's license fields are its metadata's and its dependencies'; the package it
    # describes carries the work's
    tag_lines.update(header_lines + number for number in license_field_lines(body))
    if package := described_package_license(body):
        number = header_lines + package.line
        statements.append(st.Statement(package.expression, "spdx_tag", "own", None, number, number, package.text,
                                       "the license declared for the package an SPDX document describes"))
    if banner := banner_license(body):
        number = header_lines + 1 + banner.line
        statements.append(st.Statement(banner.expression, "spdx_tag", "own", None, number, number, banner.text,
                                       "a minified file's preserved /*! banner */"))
        # the line whose field was read is not read again; the banner's other lines are, since
        # one may grant a part otherwise ("Except the bundled font, which remains under GPL-3.0")
        tag_lines.add(number)
    lines = [dataclasses.replace(line, text="") if line.number in tag_lines else line for line in lines]
    spans: list[tuple[int, int]] = []
    matches = []
    if SCANCODE_WORDS.search(plain(lines)):
        matches = _matches(plain(lines) if document else _scanned(lines), threshold, approximate=not document)
    if not document:
        texts, spans = _texts(lines, matches, threshold)
        texts, spans = _cut_copy(lines, texts, spans)
        texts = with_conditions(texts)
        # ISC's permission with its disclaimer replaced: ScanCode's closest rule scores too low
        permission = isc_permission(lines, spans)
        spans += [(x.first_line, x.last_line) for x in permission]
        statements += texts + permission
    work = tuple(names) + (card_names(header) if header else ())
    reading, examples = read_blocks([line if not _inside(line.number, spans) else Line(line.number, "", line.heading)
                                     for line in lines], work)
    found, remarks = st.read(reading, work)
    remarks += examples
    # Lines just outside a full text that add terms make it custom; talk inside it does not count.
    found = [s for s in found if s.score >= threshold]
    # ScanCode's notice rules read lines the reader could not (a GNU notice names its version far
    # from the license's name), but never a line the reader judged: talk, another work's license,
    # the work's past license
    talk = {n for r in remarks if r.why in JUDGED for n in range(r.first_line, max(r.last_line, r.first_line) + 1)}
    talk |= catalogue_mentions(remarks)
    # a notice quoted from someone ("> Permission to use, ...") or shown as a template to paste is
    # not this text's
    talk |= example_lines(lines) | {line.number for line in lines if line.quoted}
    notices = with_stated_bsd_variant([s for s in _notices(lines, matches, spans, talk, threshold)
                                       if s.score >= threshold], found)
    # a rider follows a full text or a license's whole permission notice (ScanCode files the MIT
    # grant without its disclaimer as a notice rule)
    bodies = spans + [(s.first_line, s.last_line) for s in notices if s.last_line - s.first_line >= RIDER_BODY_LINES]
    if bodies:
        outside = [line if not _inside(line.number, bodies) else Line(line.number, "", line.heading) for line in lines]
        known = {r.first_line for r in remarks if r.why == "custom"}
        remarks += [r for r in _riders(outside, bodies) if r.first_line not in known]
    # a notice in a third-party section ("zlib | 1.3 | Zlib") is that component's, not the work's
    notices_file = st.notices_file_lines(lines)
    third = st.third_party_lines(lines) | notices_file
    notices = [dataclasses.replace(s, role="third_party") if s.first_line in third else s for s in notices]
    # so is a full text in a third-party notices file; one under a third-party section of the work's
    # own license file is left to combine (it names a component only where that adds a duty)
    statements = [dataclasses.replace(s, role="third_party") if s.kind == "license_text" and s.first_line in notices_file
                  else s for s in statements]
    # and a grant there ("Licensed under the Apache License ...") is a component's
    found = [dataclasses.replace(s, role="third_party") if s.first_line in notices_file else s for s in found]
    statements = _or_later_notice(_fold_lgpl3(statements + _reconcile(found, notices)))
    statements = _tag_readings(_secondary_licenses(_named_dedication_wins(statements)))
    statements = _later_sentence(lines, spans, statements)
    statements = _versionless_titles(_reserved_font_name(lines, statements))
    statements = with_exception_texts(with_added_exceptions(lines, statements))
    # ScanCode's generic "proprietary" notice over "may not be redistributed or resold" beside an own
    # non-commercial limit yields to that limit (combine.py): the forbidding sentence must still count,
    # or the reviewer never sees its no-redistribution duty
    nc_limit = any(r.why == "restriction" and r.role == "own" for r in remarks)
    if not any(s.role == "own" and not (nc_limit and s.kind == "notice" and s.expression.startswith(
            "LicenseRef-scancode-proprietary")) for s in statements) and (forbids := forbidding_lines(reading)):
        # own terms that name no license and forbid handing the work on (changed, or as such): custom
        # no redistribution at all first: it forbids handing on changed versions too
        limit, said = min(forbids, key=lambda f: f[0] != NO_REDISTRIBUTION)
        statements.append(st.Statement(limit, "grant", "own", None, said.first_line, said.last_line, said.text,
                                       "custom terms without a named license: " + (
                                           "modified versions may not be distributed" if limit == NO_DERIVATIVES
                                           else "the work itself may not be redistributed or sold"), 0.9))
    result = combine(statements, remarks, card)
    if result.found and result.score < threshold:
        return Detection(NOASSERTION, result.score, "none", remarks=result.remarks)
    return result
