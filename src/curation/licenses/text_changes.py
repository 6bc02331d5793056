"""How a copy of a license's text differs from ScanCode's reference text of it.

Words a published copy may lack at its edges (a preface, a trailer: `_dropped_edges`), words
inserted that restrict (`_RESTRICTING`, `_added_words`) or that choose another court or law
(`_venue_changed`), words removed that made a duty optional
(`_softening_removed`) or that granted a right (`_rights_removed`), a notice's numbers and copyright words (`_unlicensed_words_missing`), and a
title that renames the license (`_renamed`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from curation.licenses.copies import TRAILERS, find_markers
from curation.licenses.scancode_matches import _license_name_words, scancode_index
from curation.licenses.text import Line


# The first lines of a license text name it; a name the matched license does not have means the
# text was taken over under another name (custom terms).
_TITLE = re.compile(r"\b(?:licen[cs]e|agreement|terms)\b", re.IGNORECASE)
_TITLE_WORDS = {"the", "license", "licence", "version", "public", "general", "and", "terms", "conditions",
                "of", "for", "agreement", "v", "software", "open", "source", "international", "gnu", "legal", "code",
                "full", "text", "copy", "copying", "a", "an", "this", "is", "under", "de", "la", "le", "deed",
                "creative", "commons", "attribution", "only", "or", "later", "any", "january", "february",
                "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
                "copyright", "c", "all", "rights", "reserved", "use", "distribution", "modification",
                "reproduction", "redistribution", "eupl", "european", "union", "standard", "english"}


def _renamed(lines: list[Line], index_of: dict[int, int], start_line: int, key: str, rule_text: str) -> str | None:
    """A title just above or at the start of a matched text that keeps the license's name but for
    its distinctive word ("ACME Public License Version 2.0" over the MPL's text). A project's own
    title over an unchanged text ("FooLib License" over the MIT text) is not a rename."""
    name = _license_name_words(key)
    distinctive = name - _TITLE_WORDS - {"license", "licence"}
    known = name | _TITLE_WORDS | set(re.findall(r"[a-z]+", rule_text.lower()))
    for line in lines[max(0, index_of.get(start_line, 0) - 3): index_of.get(start_line, 0) + 2]:
        if not (line.text and _TITLE.search(line.text) and len(line.text.split()) <= 10):
            continue
        words = {w.lower() for w in re.findall(r"[A-Za-z]{2,}", line.text)}
        odd = [w for w in re.findall(r"[A-Za-z]{3,}", line.text) if w.lower() not in known]
        shared = words & name - {"license", "licence", "the", "version", "v"}
        if odd and shared and not words & distinctive:
            return line.text
    return None


# The most of a license's reference text that may be missing at its start and still be the license
# unchanged: a CC 4.0 preface ("Using Creative Commons Public Licenses") is 16% of its text.
EDGE_CUT_MAX_SHARE = 0.2
# Missing words at the end of a text count as a change unless they all lie after one of
# copies.TRAILERS (what follows a license's terms); a copy that stops before its limitation of
# liability or termination section is changed terms.
def _trailer_start(rule) -> int:
    """The position (in the rule's tokens) where the rule's trailer begins; its length if none."""
    return _marker_start(rule.identifier, TRAILERS, at_end=True)


@lru_cache(maxsize=512)
def _marker_start(identifier: str, markers: tuple[str, ...], at_end: bool) -> int:
    """The position (in the rule's tokens) of the first of `markers`; its end or start if none."""
    rule = next(r for r in scancode_index().rules_by_rid if r.identifier == identifier)
    tokens = list(rule.tokens())
    text = " ".join(tokens)
    starts = [len(text[:i].split()) for i in find_markers(text, markers)]
    return min(starts, default=len(tokens) if at_end else 0)


# Where a license's terms begin: words before these are its title and preface ("This license has
# been certified as open source", the ZPL's second line), which a copy may drop.
_OPERATIVE = ("redistribution and use", "permission is hereby granted", "permission to use", "terms and conditions",
              "subject to the terms", "hereby grants", "you are free to", "licensor grants", "licence is granted",
              "license is granted", "in order to receive this license")


def _dropped_edges(m) -> int:
    """Words of the license missing at its edges that a published copy may lack: a preface at the
    start or between its title and its terms (up to EDGE_CUT_MAX_SHARE of the text), and at the end
    only what lies in the trailer."""
    cut = EDGE_CUT_MAX_SHARE * m.rule.length
    head = m.ispan.start if m.ispan.start <= cut else 0
    preface = range(min(_marker_start(m.rule.identifier, _OPERATIVE, at_end=False), int(cut)))
    head = max(head, sum(1 for p in preface if p not in m.ispan))
    tail = m.rule.length - max(m.ispan.end + 1, _trailer_start(m.rule))
    return head + max(tail, 0)


# Words that, inserted into a license's text, change what it allows.
_RESTRICTING = re.compile(r"\b(?:not|no|never|neither|nor|prohibit\w*|restrict\w*|forbid\w*|commercial\w*|military|weapons?|"
                          r"except(?!\s+(?:when|where|as|if)\s+otherwise)\w*|unless|only|solely|shall|must|consent|approval|"
                          r"permission|fees?|royalt\w*|requir\w*|paid|"
                          r"terminat\w*|revoc\w*|revok\w*|"
                          # an added duty to credit the author where users see it ("shows the line
                          # 'Uses X by Y' on its About screen", "display an acknowledgement"): a new condition
                          r"shows?|display\w*|credit\w*|acknowledg\w*|notif\w*|screens?)\b", re.IGNORECASE)


# words of a license's text whose removal from inside it turns an option into a duty ("an
# acknowledgment ... would be appreciated but is not required" -> "an acknowledgment ... is required")
# (a lone "may" or "not" missing is a published variant's wording; "not" counts before a duty word)
_SOFTENING = frozenset({"appreciated", "optional", "optionally", "encouraged", "welcome"})
_DUTY_WORDS = frozenset({"required", "necessary", "obligatory", "mandatory", "needed"})


def _softening_removed(m) -> list[str]:
    """The words that soften a duty which the license's text has and the copy lacks, inside the
    match (the text's own preface or trailer left out is no change)."""
    from licensedcode.tokenize import index_tokenizer

    tokens = list(index_tokenizer(m.rule.text or ""))
    if len(tokens) != m.rule.length:
        return []  # tokens that do not line up with the match's positions say nothing
    inside = range(m.ispan.start, m.ispan.end + 1)
    # a gap ends before the match's last position: tokens[i + 1] is there
    return [tokens[i] for i in inside if i not in m.ispan
            and (tokens[i] in _SOFTENING or tokens[i] == "not" and tokens[i + 1] in _DUTY_WORDS)]


# The rights a license's grant lists ("use, copy, modify, merge, publish, distribute, sublicense,
# and/or sell"; "reproduce, prepare Derivative Works of, publicly display, publicly perform"): one
# taken out of such a list narrows what is granted, however few words it is.
_RIGHTS = frozenset({"use", "copy", "modify", "merge", "publish", "distribute", "redistribute", "sublicense",
                     "sell", "reproduce", "display", "perform", "translate", "adapt", "share", "lend", "rent",
                     "lease", "import"})
_GAP_MAX = 4  # "and/or sell": the most words a removed right takes with it
_LIST_REACH = 5  # tokens either side ("and/or" between) in which other rights make the place a list of rights


def _rights_removed(m) -> list[str]:
    """The rights in a list of granted rights that the license's text has and the copy lacks,
    inside the match (a published variant that words its grant otherwise matches its own rule)."""
    from licensedcode.tokenize import index_tokenizer

    tokens = list(index_tokenizer(m.rule.text or ""))
    if len(tokens) != m.rule.length:
        return []
    def gap(i: int) -> int:  # the run of the text's words missing around position i
        start, end = i, i
        while start - 1 >= m.ispan.start and start - 1 not in m.ispan:
            start -= 1
        while end + 1 <= m.ispan.end and end + 1 not in m.ispan:
            end += 1
        return end - start + 1

    inside = range(m.ispan.start, m.ispan.end + 1)
    # a word or two taken out of a list whose other rights the copy keeps; a longer passage
    # missing is a variant's wording (ScanCode's Qt variant of the LGPL) or a cut, counted apart
    removed = [tokens[i] for i in inside if i not in m.ispan and tokens[i] in _RIGHTS and gap(i) <= _GAP_MAX and sum(
        1 for j in range(max(0, i - _LIST_REACH), min(len(tokens), i + _LIST_REACH + 1))
        if j in m.ispan and tokens[j] in _RIGHTS) >= 2]
    if not removed:
        return []
    # A right hyphenated across a line end ("dis-\ntribute", "distri‐\nbute") is two words to the
    # tokenizer, neither the right: the copy's unmatched words that join, hyphen and line break
    # removed, to a right still grant it. (Read over the match, not at the right's place: a copy
    # that drops a right and hyphenates that same right elsewhere in the match is not a case.)
    try:
        shown = m.matched_text(whole_lines=False, highlight=True, highlight_matched="{}", highlight_not_matched="[{}]")
    except Exception:  # ScanCode's text rendering is a convenience; without it nothing is joined
        shown = ""
    joined = {(a + b).lower() for a, b in re.findall(r"\[(\w+)\][-\u2010\u2011\u00ad]\s*\[(\w+)\]", shown)}
    return [right for right in removed if right not in joined]


def _unlicensed_words_missing(m) -> int:
    """How many of the words a notice rule has and the copy lacks are no terms: numbers (a tool's
    version, a year) and the words of the copyright line the rule holds (its `ignorable_copyrights`):
    a generated file's header with another version and years is the same notice."""
    from licensedcode.tokenize import index_tokenizer

    if not m.rule.is_license_notice:
        return 0
    tokens = list(index_tokenizer(m.rule.text or ""))
    if len(tokens) != m.rule.length:
        return 0
    copyright_words = {w for line in (m.rule.ignorable_copyrights or ()) for w in index_tokenizer(line)}
    return sum(1 for i in range(len(tokens)) if i not in m.ispan and (tokens[i].isdigit() or tokens[i] in copyright_words))


def _added_words(m, until: int | None = None) -> str:
    """The words of the query inside a match that the license's text does not have, on the match's
    lines before line `until` (where another full text starts that the match runs into)."""
    try:
        text = m.matched_text(whole_lines=False, highlight=True, highlight_matched="{}", highlight_not_matched="[{}]")
    except Exception:  # ScanCode's text rendering is a convenience; no words is no evidence
        return ""
    if until is not None:
        text = "\n".join(text.split("\n")[:until - m.lines()[0]])  # the rendering keeps the match's lines
    return " ".join(re.findall(r"\[([^\]]*)\]", text))


# The sentence of a license that says where disputes go and which law applies ("may be brought only
# in the courts of a jurisdiction where the defendant maintains its principal place of business").
_VENUE = re.compile(r"\b(?:courts?|jurisdictions?|venue|litigation|arbitration|governed\s+by|laws?\s+of)\b", re.IGNORECASE)
VENUE_REACH = 60  # characters either side of an added word in which a venue sentence's words count
_FILLER = frozenset({"the", "a", "an", "of", "and", "or", "in", "to", "its", "any"})


def _venue_changed(m) -> list[str]:
    """The words a copy adds inside its license's venue or governing-law sentence ("the Osaka
    District Court, Japan" for "the courts of a jurisdiction where the defendant ..."): disputes
    bound to one court and one country's law are changed terms, however few words it takes."""
    try:
        shown = m.matched_text(whole_lines=False, highlight=True, highlight_matched="{}", highlight_not_matched="[{}]")
    except Exception:  # ScanCode's text rendering is a convenience; no words is no evidence
        return []
    return [w.group(1) for w in re.finditer(r"\[([^\]]*)\]", shown)
            if w.group(1).lower() not in _FILLER and not w.group(1).isdigit()
            and _VENUE.search(shown[max(0, w.start() - VENUE_REACH):w.end() + VENUE_REACH])]
