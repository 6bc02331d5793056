"""Full license texts among ScanCode's matches, as statements: the license, or custom terms.

A text that was changed (words added or removed, renamed, its last operative sections dropped) is
custom terms; a copy without its preface or trailer is not, nor one a file cuts off mid-sentence (read
in part); a copy cut so deep that ScanCode no longer reads it as the license its first lines name is
compared with that license's text word for word (`_cut_copy`, copies.py). A GNU text under a notice
that gives the or-later choice is that choice.
"""

from __future__ import annotations

import re

from curation.licenses import statements as st
from curation.licenses.restriction_phrases import NONCOMMERCIAL
from curation.licenses.closest_license import _bsd_by_clauses, _holder_neutral, _titled, _zero_clause, primary_key
from curation.licenses.copies import HEAD_LINES, TRUNCATED_TAIL_WORDS, find_copy, is_whole_body, named_in_head
from curation.licenses.detection import _short
from curation.licenses.names import names_exception
from curation.licenses.scancode_matches import RULE_KEYS, _scancode_spdx
from curation.licenses.text import Line
from curation.licenses.text_changes import (_RESTRICTING, _added_words, _dropped_edges, _renamed, _rights_removed,
                                            _softening_removed, _unlicensed_words_missing, _venue_changed)


# A sentence's end: a text that stops without one stops mid-sentence
_SENTENCE_ENDS = re.compile(r"[.;:!?)\]\"'”’。」）]\s*$")


def _cut_off_at(lines: list[Line], index_of: dict[int, int], last_no: int) -> bool:
    """Whether the text stops on line `last_no`, mid-sentence: a file cut off (a download or an
    excerpt stopped inside a license text), not a copy whose last sections were dropped on purpose."""
    after = [line.text for line in lines[index_of[last_no] + 1:] if line.text.strip()]
    # a word or two of the sentence the cut broke may follow the last words matched
    return sum(len(text.split()) for text in after) <= TRUNCATED_TAIL_WORDS and \
        not _SENTENCE_ENDS.search(lines[index_of[last_no]].text)


def _texts(lines: list[Line], matches, threshold: float) -> tuple[list[st.Statement], list[tuple[int, int]]]:
    """Full license texts among ScanCode's matches, as statements, and their line spans."""
    out, spans = [], []
    numbers = [line.number for line in lines]
    index_of = {n: i for i, n in enumerate(numbers)}
    for m in matches:
        # a rule flagged as the license's text, or any match long enough to be one (ScanCode files
        # some whole texts, such as the SPDX copy of the MPL, as notice rules)
        if not (m.rule.is_license_text and m.len() >= 40 or m.len() >= 150):
            continue
        first, last = m.lines()
        first_no, last_no = numbers[first - 1], numbers[min(last, len(numbers)) - 1]
        spdx = _holder_neutral(_scancode_spdx(m.rule), m.rule.license_expression,
                               " ".join(line.text for line in lines[first - 1:last]))
        # Words of the license missing, plus words inserted inside it. A few differ between
        # published copies of one license (ScanCode holds most as variants): more is a change.
        inserted = m.qregion_len() - m.len()
        deleted = m.rule.length - m.len()
        changed = deleted + inserted
        # A copy without the text's preface or trailer (the CC "Using Creative Commons Public
        # Licenses" notes, the GPL's "How to Apply These Terms"), the body whole, is the license as
        # published; a cut inside the body, or of its last sections, is a change.
        deleted -= _dropped_edges(m) + _unlicensed_words_missing(m)
        # a text that runs into another full text after it (an exception appended to the GPL): the
        # words of that text are its own, not words added to this one
        into = [o.lines()[0] for o in matches if o is not m and (o.rule.is_license_text and o.len() >= 40 or
                                                                  o.len() >= 150) and first < o.lines()[0] <= last]
        added = _added_words(m, min(into) if into else None)
        renamed = _renamed(lines, index_of, first_no, RULE_KEYS.get(m.rule.identifier, m.rule.license_expression),
                           m.rule.text or "")
        text = " ".join(line.text for line in lines[first - 1:first + 1] if line.text)
        region = " ".join(line.text for line in lines[first - 1:last])
        # a non-commercial condition written into the text is a duty that must not be lost
        nc = inserted >= 3 and bool(NONCOMMERCIAL.search(region)) and not NONCOMMERCIAL.search(m.rule.text or "")
        # Published copies of one license differ by a few dozen words (ScanCode holds many as
        # variants; the SPDX copy of the GPL lacks 52 of ScanCode's 2,908), and real files insert
        # names and copyright lines (a BSD file 7 to 51 words): a change is many words removed, or
        # inserted words that restrict ("may not", "military", "commercial"), or a rename.
        weak = m.score() < threshold * 100
        # "Exception" is no restricting word where the words added name an exception SPDX lists (a
        # notice above the text: "... or any later version, with the Autoconf Configure Script Exception")
        restricting = [w for w in _RESTRICTING.findall(added)
                       if not (w.lower().startswith("exception") and names_exception(added))]
        softened = _softening_removed(m)
        narrowed = _rights_removed(m)
        venue = _venue_changed(m)
        tail = m.rule.length - (m.ispan.end + 1)
        if tail >= max(12, 0.025 * m.rule.length) and deleted - tail < max(12, 0.025 * m.rule.length) and not (
                restricting or softened or narrowed or renamed or nc or venue) and _cut_off_at(lines, index_of, last_no):
            out.append(st.Statement(spdx, "license_text", "own", None, first_no, last_no, text,
                                    f"reference text cut off at its end ({tail} words not in the file): read in part; "
                                    f"ScanCode {m.rule.identifier} {m.score():.0f}%", round(m.score() / 100, 2)))
            spans.append((first_no, last_no))
            continue
        if deleted >= max(12, 0.025 * m.rule.length) or restricting or softened or narrowed or renamed or nc or weak \
                or venue:
            why = (f"renamed: \"{renamed}\"" if renamed else f"words added: \"{_short(added, 60)}\"" if restricting
                   else f"another court or law chosen: \"{_short(' '.join(dict.fromkeys(venue)), 60)}\"" if venue
                   else f"words removed that made a duty optional: \"{' '.join(softened)}\"" if softened
                   else f"a granted right removed: \"{' '.join(narrowed)}\"" if narrowed
                   else f"{changed} words changed")
            base = _titled(lines[first - 1:first + 1], _zero_clause(_bsd_by_clauses(primary_key(spdx), region), region))
            if base and base != spdx and not nc and is_whole_body(region, base, TITLED_SLACK_WORDS):
                # the title's license, word for word: ScanCode matched a sibling's text best (the CC
                # BY-NC legal code for a CC BY-NC-ND copy without its preface)
                out.append(st.Statement(base, "license_text", "own", None, first_no, last_no, text,
                                        f"the text of the license its title names; ScanCode {m.rule.identifier} "
                                        f"{m.score():.0f}% (a sibling)", max(round(m.score() / 100, 2), threshold)))
                spans.append((first_no, last_no))
                continue
            out.append(st.Statement(st.custom_id(base, nc), "license_text", "own", None, first_no, last_no,
                                    text, f"modified license text ({why}); ScanCode {m.rule.identifier} "
                                    f"{m.score():.0f}%", max(round(m.score() / 100, 2), threshold), base))
        else:
            # "GPL-2.0-only WITH GCC-exception-2.0": the version is the license's, the exception kept
            if _GNU.match(spdx) and re.search(r"-only(?= WITH |$)", spdx) and \
                    _preamble_or_later(lines, index_of, first_no, last_no):
                spdx = re.sub(r"-only(?= WITH |$)", "-or-later", spdx, count=1)
            out.append(st.Statement(spdx, "license_text", "own", None, first_no, last_no, text,
                                    f"ScanCode {m.rule.identifier} {m.score():.0f}%"
                                    + ("; or-later as the notice above it gives it" if spdx.endswith("-or-later") else ""),
                                    round(m.score() / 100, 2)))
        spans.append((first_no, last_no))
    return out, spans


def _base(expression: str | None) -> str:
    return re.sub(r"-(?:only|or-later)$", "", expression or "")


def _cut_copy(lines: list[Line], texts: list[st.Statement], spans: list[tuple[int, int]]):
    """The texts and spans with a copy of the license the first lines name that ScanCode did not
    read as that license (copies.py): one statement for the copy, the license or custom terms,
    in place of the pieces ScanCode matched inside it as other licenses."""
    named = named_in_head(lines)
    if not named or any(_base(s.expression) in map(_base, named) or _base(s.hint) in map(_base, named)
                        for s in texts):
        return texts, spans
    copy = find_copy(lines)
    if copy is None:
        return texts, spans
    # ScanCode's reading of the same text with its title above it, as another license, is that text too
    within = [s for s in texts if copy.first - 2 * HEAD_LINES <= s.first_line and s.last_line <= copy.last]
    head = next((line.text for line in lines if line.text), "")
    read_in_part = copy.truncated and _cut_off_at(lines, {line.number: i for i, line in enumerate(lines)}, copy.last)
    if copy.changed and not read_in_part:
        statement = st.Statement(st.custom_id(copy.license_id), "license_text", "own", None, copy.first, copy.last,
                                 head, f"modified license text ({copy.cut} words of its body missing, {copy.added} added; "
                                 f"{copy.share:.0%} of the reference text word for word)", 0.9, copy.license_id)
    elif read_in_part:
        # the file stops inside the text: a copy read in part, not terms changed; a person reads the rest
        statement = st.Statement(copy.license_id, "license_text", "own", None, copy.first, copy.last, head,
                                 f"reference text cut off at its end ({copy.cut} words of its body not in the "
                                 f"file; {copy.share:.0%} word for word): read in part", 0.9)
    else:
        statement = st.Statement(copy.license_id, "license_text", "own", None, copy.first, copy.last, head,
                                 f"reference text, {copy.share:.0%} word for word", 0.9)
    return [s for s in texts if s not in within] + [statement], \
        [sp for sp in spans if not (copy.first <= sp[0] and sp[1] <= copy.last)] + [(copy.first, copy.last)]
# words a copy of the license its title names may add or miss inside, against the reference text
TITLED_SLACK_WORDS = 12


def _inside(line: int, spans) -> bool:
    return any(a <= line <= b for a, b in spans)


_GNU = re.compile(r"^(?:L|A)?GPL-")


# A project's notice above a GNU text: "either version 2 of the License, or (at your option) any
# later version", 「バージョン 2 以降」. The text the notice points to says "-only" by itself.
_GNU_TITLE = re.compile(r"^\W*GNU\s+(?:(?:LESSER|LIBRARY|AFFERO)\s+)?GENERAL\s+PUBLIC\s+LICEN[CS]E\b", re.IGNORECASE)
_OR_LATER = re.compile(r"\bor\s*,?\s+(?:\(?at\s+your\s+(?:option|choice|discretion)\)?\s*,?\s+)?any\s+later\s+version\b|\bor\s+later\b|以降", re.IGNORECASE)


_TERMS_START = re.compile(r"^\W*(?:TERMS\s+AND\s+CONDITIONS|0\.\s+Definitions\b)", re.IGNORECASE)


def _preamble_or_later(lines: list[Line], index_of: dict[int, int], first_no: int, last_no: int) -> bool:
    """Whether the lines a GNU text's match took in before the license's own title (a project's
    notice that ScanCode's "notice + attached license" rules swallow) give the or-later choice."""
    start, end = index_of.get(first_no, 0), index_of.get(last_no, len(lines) - 1)
    # the title stands before the terms: a line that opens with the license's name inside them
    # (GPL-3.0 section 14 on revised versions) is no title, and a match that starts at the terms
    # took in no notice
    terms = next((i for i in range(start, end + 1) if _TERMS_START.match(lines[i].text)), end + 1)
    title = next((i for i in range(start, terms) if _GNU_TITLE.match(lines[i].text)), start)
    return bool(_OR_LATER.search(" ".join(line.text for line in lines[start:title])))
