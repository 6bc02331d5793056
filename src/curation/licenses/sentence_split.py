"""A text's paragraphs and sentences, each with the section it stands in.

The sections are License, upstream, third-party and explanations, so that a sentence is judged
with its heading.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from curation.licenses.grant_phrases import JA_SCRIPT, STRONG_OWN
from curation.licenses.names import mentions
from curation.licenses.text import Line


_FIELD = re.compile(r"^\s*(?:licen[cs]e|licensing|license\s+type|license\s+information|licen[cs]e\s+name|"
                    r"ライセンス|利用規約|利用条件|使用許諾|利用許諾|ライセンス情報)\s*(?:\([^)]*\))?\s*[:=：]",
                    re.IGNORECASE)

_LICENSE_HEADING = re.compile(r"^\W*(?:\d+[.)]?\s*)?"
                              # "Pricing and licensing", 「利用料金とライセンス」: the terms share the heading
                              r"(?:[\w-]+\s+(?:and|&)\s+|[^\s\W]{1,8}?(?:と|及び|および|・|＆)\s*)?"
                              r"(?:licen[cs]e(?!s)|licensing|copyright|copying|legal|"
                              # "Terms", "Terms of use", "Terms and conditions" (a site's "Terms of service" is its own matter)
                              # whole headings only: "Terms and definitions", "Key terms" are a glossary's
                              r"terms(?:\s+(?:and\s+conditions|of\s+use))?\s*(?:[(（][^)）]{0,40}[)）])?\W*$|conditions\s+of\s+use|usage\s+terms|使用条件|"
                              r"ライセンス|利用規約|利用条件|著作権|権利|ご?利用(?:に(?:あたって|当たって|ついて)|の条件))", re.IGNORECASE)

_UPSTREAM_HEADING = re.compile(r"source\s+data|upstream|original\s+data|origin|training\s+data|data\s+sources?|"
                               r"provenance|元データ|出典|引用元|学習データ", re.IGNORECASE)

# Components shipped with the work under their own licenses: listed, never the work's license.
_THIRD_PARTY_HEADING = re.compile(r"third[- ]party|bundled|vendored|dependenc(?:y|ies)|included\s+(?:software|libraries|"
                                  r"components|packages)|サードパーティ|第三者|同梱|依存", re.IGNORECASE)

# A heading that announces an explanation (types of licenses, a comparison, a how-to): what its
# section says about licenses is talk, unless a sentence names this work as its subject.
_TALK_HEADING = re.compile(r"種類|比較|とは|解説|一覧|違い|選び方|書き方|付け方|方法|基礎|入門|まとめ|"
                           r"\btypes?\s+of\b|\bkinds?\s+of\b|\bcompar|\bwhat\s+(?:is|are)\b|\boverview\b|\bguide\b|"
                           r"\bhow\s+to\b|\bchoos|\bexplained\b|\bversus\b|\bvs\.?\s|\bprimer\b|\bbasics\b|"
                           # which licenses combine with which: a matrix or a cheat sheet, never a grant
                           r"\bcompatib|\bcheat\s*sheet\b|互換|早見表|"
                           # questions and answers about licenses (a compliance FAQ): advice, never a grant
                           r"\bFAQs?\b|\bfrequently\s+asked\b|\bQ\s*&\s*A\b|よくある(?:ご)?質問",
                           re.IGNORECASE)


_UPSTREAM = re.compile(
    r"\b(?:derived\s+from|derivative\s+of|based\s+on|adapted\s+from|extracted\s+from|collected\s+from|taken\s+from|sourced\s+from|"
    r"scraped\s+from|crawled\s+from|comes?\s+from|originally|original|upstream|source\s+(?:data|dataset|corpus|texts?)|"
    # material taken from elsewhere: "copied from the encyclopedia, whose content is available under ..."
    r"(?:copied|reproduced|drawn|obtained|downloaded|quoted|excerpted|compiled|gathered|harvested|mirrored|"
    r"translated|sampled|selected|pulled|retrieved)\s+(?:\w+\s+)?from|"
    r"builds?\s+on|built\s+on|forked\s+from|fork\s+of|ported\s+from|"
    r"underlying|third[- ]party|portions?|parts?\s+of|some\s+of)\b|由来|元データ|元の|原典|出典|引用元|から(?:取得|収集|抽出|作成)|"
    r"を元に|をもとに|に基づいて作成|第三者|一部",
    re.IGNORECASE)


# a new sentence opens with a capital, or with a folder as its subject ("src/ is under ...")
# or with a lower-case name as its subject ("jdk-fetch itself is licensed ...", "rivet may be used ...")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(\[]|[\w.-]+/\s|[a-z][\w-]*[a-z0-9]\s+(?:itself\s+)?(?:is|are|was|may|can|has|ships|comes)\s)"
                           r"|(?<=[。！？])")

@dataclass
class _Sentence:
    text: str
    first_line: int
    last_line: int
    heading: str
    in_license_section: bool
    in_upstream_section: bool
    after_upstream: bool = False  # the sentence before said where the material came from
    in_third_party_section: bool = False  # under "Third-party", "Bundled", "Dependencies", 「同梱」
    in_talk_section: bool = False  # under "Types of licenses", 「…とは」, 「比較」: an explanation

def _name_only(heading: str) -> bool:
    """A heading that is a license's name ("## CC BY-SA 4.0"): a subsection of what is above it."""
    found = mentions(heading)
    rest = heading
    for m in reversed(found):
        rest = rest[:m.start] + rest[m.end:]
    return bool(found) and len(re.findall(r"[\w-]+", rest)) <= 2

# a line that ends inside a license's name goes on in the next (「GNU 一般公衆」/「利用許諾書 第3版」)
_NAME_GOES_ON = re.compile(r"(?:\bGNU(?:\s+(?:Affero|Lesser|Library))?(?:\s+General)?(?:\s+Public)?|\bCreative(?:\s+Commons)?|"
                           r"一般公衆|劣等(?:\s*一般公衆)?|クリエイティブ\s*[・･]?\s*(?:コモンズ)?)\s*$", re.IGNORECASE)

_KEY_VALUE = re.compile(r"^\s*[-*]?\s*[\w.@-]+\s*[:=]\s*\S")

_LABEL = re.compile(r"^(?![a-z])[^:：。.!?]{1,60}[:：]\s*\S")

def _paragraphs(lines: list[Line]):
    """(text, [(offset, line number)], heading, talk section) per paragraph; a heading ends one.
    A talk heading ("Types of licenses", 「…とは」) marks its section, and the subsections named
    after a license under it, as explanatory."""
    heading, buf, marks, talk = "", [], [], False
    offset = 0  # of the next line in the paragraph's text (kept, not summed again: linear)
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else None
        if line.heading or not line.text:
            if buf:
                yield " ".join(buf), marks, heading, talk
            buf, marks, offset = [], [], 0
            if line.heading:
                heading = line.text
                talk = bool(_TALK_HEADING.search(heading)) and not STRONG_OWN.search(heading) \
                    or talk and _name_only(heading)
            continue
        marks.append((offset, line.number))
        buf.append(line.text)
        offset += len(line.text) + 1
        continues = bool(following and following.text and not following.heading and not line.text.endswith(
            (".", "!", "?", ":", "。", "：", ";")) and (re.match(r"[a-z\"“「(]", following.text) or _NAME_GOES_ON.search(line.text))
            # a manifest's "key: value" lines (CITATION.cff, DESCRIPTION, setup.cfg) each stand alone
            and not (_KEY_VALUE.match(line.text) and _KEY_VALUE.match(following.text)))
        # a list of "part: license" lines (「プログラム（src/）：Apache License 2.0」): each item alone
        labelled = bool(_LICENSE_HEADING.search(heading) and _LABEL.match(line.text)) and any(
            other is not None and other.text and not other.heading and _LABEL.match(other.text)
            for other in (following, lines[i - 1] if i else None))
        if _FIELD.match(line.text) or labelled or len(line.text) < 40 and not line.text.endswith((",", "、")) and not continues:
            # a field or a short line (a table row, a list item) stands alone, unless the sentence
            # goes on in the next line ("add for instance" / "\"This corpus is ...\"")
            yield " ".join(buf), marks, heading, talk
            buf, marks, offset = [], [], 0
    if buf:
        yield " ".join(buf), marks, heading, talk

# A title's or a Latin abbreviation ends no sentence ("e.g. MIT", "Dr. Smith")
_ABBREVIATION = re.compile(r"(?:^|\W)(?:e\.g|i\.e|cf|vs|etc|incl|resp|approx|viz|(?-i:Mr|Mrs|Ms|Dr))\.$", re.IGNORECASE)

# A country's ends one only where it is a place ("made in the U.S.", "data from the E.U.") and the next
# words do not go on with its name: "the U.K. Open Government Licence", "the U.S. Government" are one
# name; "we read the U.S. Apache License guide" a country before a noun, which goes on. Else "Made in
# the U.S. Apache License 2.0 applies." would be one sentence in which the license is only mentioned.
_COUNTRY_ABBREVIATION = re.compile(r"(?:^|\W)(?:U\.K|U\.S|U\.S\.A|E\.U)\.$")

_COUNTRY_AS_PLACE = re.compile(r"\b(?:in|from|within|across|outside|throughout|inside)\s+the\s+(?:U\.K|U\.S|U\.S\.A|E\.U)\.$",
                               re.IGNORECASE)

_COUNTRY_NAME_GOES_ON = re.compile(r"(?:Open\s+Government|Government|Federal|Department|National|Census|Geological|"
                                   r"Copyright|Patent|Crown|Parliament|Congress|Commission|Agency|Office)\b")

_QUOTE_MARKS = '"“”「」『』'

# An open quote holds a sentence open this far at most: a quote mark never closed (a stray `"`,
# an unclosed 「) must not make the rest of a paragraph one sentence, which every mention in it
# reads again from its start (`_role`, `_quantified_works`).
QUOTE_REACH = 2_000

# What a mention's clause reads before it (the subject, the words that say upstream): in a
# sentence with no end (80 KB of one line) each mention reads this much, not the whole start.
CLAUSE_REACH = 1_000

def _split(text: str) -> list[str]:
    """The sentences of a paragraph: a sentence end inside open quotes or after an abbreviation
    is none. Linear: a sentence's quote marks are counted as it grows, never again from its start."""
    pieces: list[list[str]] = []
    marks = dict.fromkeys(_QUOTE_MARKS, 0)
    length = 0  # of the sentence being built
    for piece in _SENTENCE_END.split(text):
        open_quote = (marks['"'] % 2 == 1 or marks["“"] > marks["”"] or marks["「"] > marks["」"]
                      or marks["『"] > marks["』"]) and length < QUOTE_REACH
        # an abbreviation is a few letters: the sentence's last characters are enough to see it
        tail = pieces[-1][-1][-24:] if pieces else ""
        if pieces and (open_quote or _ABBREVIATION.search(tail)
                       or _COUNTRY_ABBREVIATION.search(tail)
                       and (not _COUNTRY_AS_PLACE.search(tail) or _COUNTRY_NAME_GOES_ON.match(piece))):
            pieces[-1].append((" " if not pieces[-1][-1].endswith(("。", "！", "？")) else "") + piece)
            length += len(piece) + 1
        else:
            pieces.append([piece])
            marks = dict.fromkeys(_QUOTE_MARKS, 0)
            length = len(piece)
        for mark in _QUOTE_MARKS:
            marks[mark] += piece.count(mark)
    return ["".join(parts) for parts in pieces]

def sentences(lines: list[Line]) -> list[_Sentence]:
    out: list[_Sentence] = []
    for text, marks, heading, talk in _paragraphs(lines):
        starts = [o for o, _ in marks]
        start = 0
        for piece in _split(text):
            offset = text.find(piece.split(" ", 1)[0], start)
            start = offset + len(piece)
            if not piece.strip():
                continue
            # marks are in order of offset and of line: the last mark at or before a position
            at = bisect.bisect_right(starts, offset)
            first = marks[at - 1][1] if at else marks[0][1]
            end = bisect.bisect_right(starts, offset + len(piece) - 1)
            last = marks[end - 1][1] if end else first
            after = bool(out) and bool(_UPSTREAM.search(out[-1].text)) and out[-1].last_line >= first - 2
            out.append(_Sentence(piece.strip(), first, last, heading, bool(_LICENSE_HEADING.search(heading)),
                                 bool(_UPSTREAM_HEADING.search(heading)), after,
                                 bool(_THIRD_PARTY_HEADING.search(heading)), talk))
    return out
