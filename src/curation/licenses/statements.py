"""Which sentences apply a license to the work, and which only talk about licenses.

A license named in a text is evidence only where a sentence applies it to the work: "This
dataset is licensed under CC BY 4.0", 「本データは CC BY 4.0 で提供します」, the work by its own
name (its first heading, a card's `pretty_name`: "Prairie Almanac QA is licensed under ..."), a
`License: MIT` field, a short line under a "License" heading, a LICENSE file that holds nothing
but a name. A catalogue of licenses, a comparison, a question, a supposition ("if the dataset is
under ...") or a how-to names licenses without granting any, and yields nothing; so do a sentence
about a quantified class of other works ("Many datasets on the Hub are ...", 「多くのコーパスは…」), a Japanese sentence whose topic is the license (「MIT ライセンスは…
です」: a definition), license words in quotation marks given as an example to write (「…」のように
書きます, add a line such as "..."), and a section under a heading that announces an explanation
(種類, 比較, とは, "types of", "what is"). Each statement records its scope (code, data, docs,
model, a carve-out "except data/", a table row's component, or the whole work), its role (the
work itself, upstream material it came from, or a third-party component shipped with it), and
whether it announces custom terms (a license "based on" another, added restrictions). A remark
(custom terms, a restriction) keeps the role of its sentence: upstream or quoted terms never
change the work's own license.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from curation.licenses.choice_partners import with_choice_partners
from curation.licenses.choice_words import CHOICE_LIST_REACH, AND, AUTHOR_CHOOSES, BY_PART, DUAL, LIST_LEAD, OR
from curation.licenses.comparison import changes_terms, compares, describes_a_license, of_terms
from curation.licenses.copyright_line import copyright_license_lines, holder_or_thing
from curation.licenses.deliberation import record_kind, record_lines
from curation.licenses.findings import Remark, Statement
from curation.licenses.german import german_grant
from curation.licenses.grant_phrases import (ATTRIBUTION_ONLY, JA_SCRIPT, STRONG_OWN, _APPLIES_TO_WORK, _ATTRIBUTION, _EN_GRANT, _EN_PERMIT,
                                             _FR_GRANT, _FR_OWN, _JA_GRANT, _JA_PERMIT, _JA_WE, _OWN_EN, _OWN_JA,
                                             _OWN_JA_STRONG, _WE)
from curation.licenses.history import _JA_NEWS_REPORT, _NEWS_REPORT, _history, _not_given, _present_wins
from curation.licenses.names import NO_SUCH_VERSION, Mention, mentions, model_terms, names_exception
from curation.licenses.public_domain import PUBLIC_DOMAIN, dedication
from curation.licenses.restriction_phrases import (ADDED_TERMS, CLAUSE, COMMERCIAL_OK, CUSTOM_AFTER, NONCOMMERCIAL,
                                                   NOT_A_CONDITION)
from curation.licenses.secondary import SECONDARY
from curation.licenses.secondary import refuses_secondary as refuses
from curation.licenses.sentence_split import (CLAUSE_REACH, _FIELD, _LICENSE_HEADING, _Sentence,
                                              _THIRD_PARTY_HEADING, _UPSTREAM, sentences)
from curation.licenses.talk import (_EN_TALK, _JA_TALK, _ROW, _general_talk, _quantified_works, _talk, _terms_quoted,
                                    reported)
from curation.licenses.text import Line


# A how-to's lead to the text a reader copies into each file ("To add a license header, copy the
# following line to the top of each new file:", 「各ファイルの先頭に次のヘッダーを追加してください：」):
# the paragraph after it is that text, an example to write, not the work's own statement. Only with
# a verb of copying (`_COPY_VERB`): "The following license applies to all files:" leads a grant.
_COPY_VERB = re.compile(r"\b(?:copy|paste|add|insert|prepend|put|place|include|write)\b|追加|追記|記載|記述|貼り付け|"
                        r"コピー|入れ|付け", re.IGNORECASE)
_COPY_LEAD = re.compile(r"(?:\b(?:header|boilerplate)\b|\b(?:top|head|start)\s+of\s+(?:each|every|your|all)\b|"
                        r"\b(?:each|every|all)\s+(?:new\s+)?(?:source\s+)?files?\b|ヘッダ|各ファイル|ファイルの(?:先頭|冒頭))"
                        r"[^.。]*(?:[:：]|(?:以下|次)[^。]*ください。?)\s*$", re.IGNORECASE)


# A carve-out: "MIT, except data/, which is CC BY-NC", 「ただし data/ は…」, 「画像を除き」.
_EXCEPT = re.compile(r"\bexcept(?:ing)?\b(?!\s+(?:as|where|when|if|that|for\s+the\s+(?:limited|purpose)))|\bexcluding\b|"
                     r"\bwith\s+the\s+exception\s+of\b|\bother\s+than\b|\bapart\s+from\b|ただし|但し|を除(?:き|いて|く)|以外",
                     re.IGNORECASE)
_OWN_AGAIN = re.compile(r"\b(?:and|but)\s+(?:is|are|itself)\b|\bthis\s+(?:dataset|work|corpus|derivative)\b|"
                        r"\bour\b|\bwe\b|本データ|本データセット|本コーパス", re.IGNORECASE)
_PART = re.compile(r"^\W*(?:some|portions?|parts?|certain)\b|\b(?:some|portions?|parts?)\s+of\b|一部", re.IGNORECASE)
_PARTS = re.compile(r"\b(?:third[- ]party|portions?|parts?\s+of|some\s+of)\b|第三者|一部", re.IGNORECASE)
_SCOPES = [
    ("docs", re.compile(r"\bdocumentation\b|\bdocs\b|ドキュメント|説明書|マニュアル", re.IGNORECASE)),
    ("code", re.compile(r"\b(?:source\s+)?code\b|\bsoftware\b|\bscripts?\b|\bprograms?\b|\btools?\b|コード|プログラム|"
                        r"ソフトウェア|スクリプト|ツール", re.IGNORECASE)),
    ("model", re.compile(r"\bmodels?\b|\bweights\b|\bcheckpoints?\b|モデル|重み", re.IGNORECASE)),
    # pictures and recordings inside a dataset are a part of their own ("the texts are CC BY 4.0, the
    # photos CC BY-NC 4.0": a conjunction, not two readings of one thing)
    ("media", re.compile(r"\bimages?\b|\bphotos?\b|\bphotographs?\b|\bpictures?\b|\baudio\b|\brecordings?\b|"
                         r"\bvideos?\b|画像|写真|音声|動画|映像", re.IGNORECASE)),
    ("data", re.compile(r"\bdata(?:set)?s?\b|\bcorpus\b|\bcorpora\b|\bdocuments?\b|\btexts?\b|\bcontents?\b|"
                        r"\bannotations?\b|\barticles?\b|\brecords?\b|\btranslations?\b|\btranscripts?\b|\bcaptions?\b|"
                        r"\bsummaries\b|データ|文書|テキスト|書き起こし|"
                        r"コンテンツ|記事|コーパス|アノテーション|資料|文章", re.IGNORECASE)),
]


# A grant verb in the attributive form before a noun (連体修飾): the license is said of that noun.
_JA_ATTRIBUTIVE = re.compile(r"(?:ライセンス|ライセンス\s*\S{0,3}?)?\s*(?:で|の(?:下|もと)で|に基づいて|に従って)\s*"
                             r"(?:公開|提供|配布|頒布|リリース|ライセンス)(?:され(?:た|ている|る)|している|した)"
                             r"(?!\s*(?:こと|もの|[。、.,）)」]|$|と|ため|ので|が|ことが|場合))")

# 「CC BY-NC 4.0 の写真は…」「GPL のプログラムを…」: the license names a kind of work as its
# attribute (works under that license in general), the subject of the sentence, not this work.
_JA_LICENSED_KIND = re.compile(r"\s*(?:ライセンス)?\s*の\s*(?:写真|画像|イラスト|ソフトウェア|プログラム|ソース\s*コード|コード|"
                               r"ライブラリ|データ(?:セット)?|作品|素材|フォント|楽曲|音声|動画|文章|コンテンツ|OSS)\s*(?:は|を|が|も|に)")

# A license's name that owns a text about the license itself: its translation, original, summary,
# commentary or FAQ (「GPL の日本語訳」「MIT ライセンスの解説」).
_JA_LICENSE_DOCUMENT = re.compile(r"\s*(?:ライセンス|利用許諾書?|使用許諾書?)?\s*の\s*(?:(?:非公式|公式)な?|有志による)?\s*"
                                  r"(?:日本語|英語|中国語|韓国語)?\s*(?:訳|翻訳|和訳|訳文|原文|解説|要約|概要|"
                                  r"逐条解説|読み方|よくある質問|FAQ|歴史|成り立ち|改訂|特徴|違い|比較)")

# "We fine-tuned a model on a CC BY-NC 4.0 corpus": a license name as the adjective of another
# work the sentence mentions (an indefinite article, a work noun after), not this work's license.
_OTHER_WORK_BEFORE = re.compile(r"\b(?:on|with|using|against|over)\s+(?:a|an|another|other|some|several)\s+$", re.IGNORECASE)
_OTHER_WORK_AFTER = re.compile(r"^\s*(?:-?licen[cs]ed\s+)?(?:[\w-]+\s+)?(?:corpus|corpora|dataset|datasets|data|model|"
                               r"models|collection|benchmark|texts?|images|library|code|material|content|archive)\b",
                               re.IGNORECASE)
# "This software uses the Apache License 2.0 library tinyjson": a dependency the work uses or links,
# named by its license; a dependency's license is not the work's (one the work bundles or ships is a
# part of what is shipped, and stays a third-party part: not here)
_USES_BEFORE = re.compile(r"\b(?:uses?|used|using|depends?\s+on|relies\s+on|requires?|links?\s+(?:against|to|with)|"
                          r"calls?|imports?)\s+(?:the\s+|an?\s+|some\s+)?$", re.IGNORECASE)
_DEPENDENCY_AFTER = re.compile(r"^\s*(?:-?licen[cs]ed\s+)?(?:open[- ]source\s+)?(?:[\w-]+\s+){0,2}?(?:librar(?:y|ies)|packages?|"
                               r"modules?|components?|dependenc(?:y|ies)|frameworks?|SDKs?|crates?|gems?|plug-?ins?|"
                               r"fonts?|tools?|parsers?|engines?|runtimes?)\b", re.IGNORECASE)


# "Sign the Microsoft Developer Services Agreement before ...", "means you accept the Oracle Binary
# Code License Agreement", 「事前に当社との…契約を締結してください」: an agreement the reader enters into
# with another party (for a service, a download) is the reader's duty, not the work's license
_AGREEMENT_TO_SIGN = re.compile(r"(?:^\W*(?:please\s+)?|\b(?:you|users?)\s+(?:must\s+|need\s+to\s+|have\s+to\s+|should\s+|will\s+)?|"
                                r"\bmeans\s+(?:that\s+)?you\s+|\bto\s+|\bfirst\s+)"
                                r"(?:sign|accept|agree\s+to|enter\s+into|execute|purchase|buy|obtain|acquire)(?:ed|s)?\s+"
                                r"(?:the\s+|an?\s+|your\s+)?(?:[\w&-]+\s+){0,2}$", re.IGNORECASE)


def of_other_work(sentence: str, m: Mention) -> bool:
    """Whether mention `m` qualifies another work the sentence names: "on a CC BY-NC corpus",
    "uses the Apache License 2.0 library X" (a dependency)
    (never material the work came from: "derived from a ... corpus" is upstream), 「GPL-2.0 で公開
    されたファームウェア」 with no work of ours as subject before it, "Many datasets ... are released
    under" (`_quantified_works`)."""
    before = sentence[:m.start]
    if _quantified_works(before) or _AGREEMENT_TO_SIGN.search(before[-80:]):
        return True
    if JA_SCRIPT.search(sentence):
        return bool(_JA_ATTRIBUTIVE.match(sentence[m.end:])) and not _OWN_JA_STRONG.search(before)
    if _USES_BEFORE.search(before[-40:]) and _DEPENDENCY_AFTER.match(sentence[m.end:]):
        return True
    return bool(_OTHER_WORK_BEFORE.search(before[-40:]) and _OTHER_WORK_AFTER.match(sentence[m.end:])) \
        and not _UPSTREAM.search(before)


# "In April the lab released its new model under Apache 2.0": someone other than us (not a work,
# not we/I) releases their own work: news about another work, however its object is worded. A
# named actor counts in the past only ("Acme releases its corpus under ..." announces this work).
_RELEASE_ITS = (r"\s+(?:has\s+|have\s+|had\s+)?(?:released|published|open[- ]sourced|licensed|relicensed|distributed|"
                r"shared|made)\s+(?:its|their|his|her)\b")
_OTHER_ACTOR = re.compile(r"\b(?P<who>(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){0,2}?[\w-]+)(?:" + _RELEASE_ITS +
                          r"|\s+(?:releases|publishes|shares|distributes)\s+(?:its|their)\b)"
                          r"|\b(?P<named>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})" + _RELEASE_ITS)
_ACTOR_IS_WORK = re.compile(
    r"\b(?:work|dataset|data|corpus|repository|repo|project|software|code|library|package|model|toolkit|tool|site|"
    r"website|team|authors?|maintainers?|we|I|it)$", re.IGNORECASE)


# "The lab's earlier models were licensed under ...": a work owned by someone who is not a work
# (a lowercase common noun: a capitalised owner may be this work's author).
_OTHER_POSSESSOR = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?P<who>[a-z][\w-]*)['’]s\s+(?:[\w-]+\s+){0,2}?(?:models?|weights|"
                              r"datasets?|data|code|software|corpus|corpora|library|tools?|works?|checkpoints?)\b")


def _other_actor(sentence: str) -> bool:
    return any(not _ACTOR_IS_WORK.search(m["who"] or m["named"]) for m in (*_OTHER_ACTOR.finditer(sentence),
                                                                            *_OTHER_POSSESSOR.finditer(sentence)))


def _without(text: str, found: list[Mention]) -> str:
    """The sentence with the license names it holds cut out."""
    for m in reversed(found):
        text = text[:m.start] + " " + text[m.end:]
    return text


# Another party's work as the subject of a sentence that names a license without applying it:
# "Their SDK is MIT licensed", "his fork is under ..." (the subject's own head: "The photographs
# and their captions are ..." is the work).
_THEIR_WORK = re.compile(r"^\W*(?:(?:and|but|so|however|also),?\s+)?(?:their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:is|are|was|were|ships?|comes?|"
                         r"uses?)\b", re.IGNORECASE)


def set_aside(s: "_Sentence", found: list[Mention], said: str | None) -> str:
    """Why a sentence that names a license and grants none was set aside: "other_work" where it
    speaks of another party's work (a label on another thing, «Le logiciel Gamma est distribué sous
    …», "their SDK is MIT licensed"), else "mention" (a name in a sentence the reader could not
    read: a notice rule may still)."""
    before = s.text[:found[0].start]
    if said == "label" or _THEIR_WORK.search(before) or \
            _FR_GRANT.search(before) and not _FR_OWN.match(before):
        return "other_work"
    return "mention"


def _grant(s: _Sentence, found: list[Mention], short_file: bool, named: bool = False) -> str | None:
    """The kind of grant the sentence makes, or None when it only mentions a license. `named`: the
    sentence opens with the work's own name (`names_the_work`)."""
    before = s.text[:found[0].start]
    # "Kestrel Cams frames were taken from webcams ... and are licensed by the Trust under ...": the
    # work's name, but material it took from elsewhere
    named = named and not _UPSTREAM.search(before)
    if _FIELD.match(s.text) or re.search(r"\blicen[cs]e\s+(?:is|will\s+be)\s+(?:the\s+)?$", before, re.I) or \
            s.in_license_section and re.fullmatch(r"\W*(?:it|this|that)\s+is\s+(?:the\s+|an?\s+)?", before, re.I):
        # under a License heading, "It is the Apache License 2.0 with one added section": the license
        # just named, said to be that one
        return "field"
    ja = bool(JA_SCRIPT.search(s.text))
    said = reported(s.text, found)
    if said == "label":
        return None  # a license labelling another thing the sentence talks about
    if said == "report":
        return "quoted"  # what someone else says about their material: upstream
    if ja:
        if all(_JA_LICENSE_DOCUMENT.match(s.text[m.end:]) for m in found):
            # 「GPL 第 3 版の日本語訳」「MIT ライセンスの解説」: the license's text or a text about it is
            # the subject, not a work put under the license
            return None
        if any(_JA_ATTRIBUTIVE.match(s.text[m.end:]) or _JA_LICENSED_KIND.match(s.text[m.end:]) for m in found) \
                and not _OWN_JA_STRONG.search(before):
            # 「GPL-2.0 で公開されたファームウェア」: the license qualifies the noun after it, a work
            # the sentence reports on, not this one
            return None
        # the work may sit between two mentions (a link's address around a deed's name:
        # "(https://…/by/4.0) この作品は クリエイティブ・コモンズ 表示 4.0 (https://…) の下に提供")
        if (_JA_GRANT.search(s.text[found[0].start:]) or _JA_PERMIT.search(s.text)) and \
                (_OWN_JA.search(_without(s.text, found)) or _JA_PERMIT.search(s.text)
                 or s.in_license_section or short_file or named):
            return "grant"
    elif _FR_GRANT.search(before) and (_FR_OWN.match(before) or named) or german_grant(before):
        return "grant"
    elif _APPLIES_TO_WORK.match(s.text[found[-1].end:]):
        return "grant"  # "The MIT License applies to this repository"
    elif (_EN_GRANT.search(s.text) or _EN_PERMIT.search(s.text)) and (named or _OWN_EN.search(s.text[:found[-1].start]) or (_OWN_EN.search(_without(s.text, found)) or re.match(r"\W*(?:(?:use|copy|modify|distribute|redistribute)\W+(?:and\s+|or\s+)?)+(?:it|this\s+\w+)\b", s.text, re.I)) and
                                       (re.search(r"\bunder\b|licen[cs]ed|\buses\s+the\s+$", before, re.IGNORECASE)
                                        or re.match(r"\s*[- ]?licen[cs]ed\b", s.text[found[0].end:], re.IGNORECASE))
                                       or _EN_PERMIT.search(s.text)):
        return "grant"
    elif _EN_GRANT.search(before) and (re.search(r"\b[A-Z][a-z]+", before[1:]) or _UPSTREAM.search(before)
                                       or s.in_upstream_section or s.after_upstream):
        return "quoted"  # a named source's license ("Wikipedia text is available under ..."): upstream
    # Under a License heading, a sentence that opens with a license's name states it ("MIT, except
    # the data/ folder, which is ..."; 「MIT ライセンス（LICENSE を参照）」).
    if s.in_license_section and not before.strip(" -–—*:>•・") and not _talk(s.text, found) and \
            re.match(r"\s*(?:[,;:(（、。.]|$|except|excluding|with\s+the\s+exception|ただし|を除)", s.text[found[0].end:], re.I):
        return "heading"
    # A line that is little more than a name: under a License heading, or a LICENSE file's only words.
    rest = s.text
    for m in reversed(found):
        rest = rest[:m.start] + rest[m.end:]
    words = len(rest.split()) if not ja else len(rest) / 4
    # a label naming a part ("解説文書（docs/）：") carries no talk cue whatever its words
    cues = re.sub(r"^[^:：。.!?？]{1,40}[:：]", "", rest) if ja else rest
    if words <= 8 and not _EN_TALK.search(cues) and not _JA_TALK.search(cues):
        if s.in_license_section:
            return "heading"
        # a LICENSE file's only words name the license up front ("MIT", "Copyright 2024 Ann. MIT");
        # "The company was sued for violating the MIT License" is a short file that reports news
        if short_file and not holder_or_thing(before) and (ja or len(before.split()) <= 3 or _OWN_EN.search(before) or _EN_GRANT.search(before)
                           or _EN_PERMIT.search(before)
                           or re.search(r"(?<!\bwhich\s)(?<!\bthat\s)\b(?:as|is|are)\s+$|^\W*(?:copyright|\(c\)|©)", before, re.I)):
            return "short_file"
    if any(compares(s.text, m.start) for m in found):
        return "custom"
    return None


def _scope(clause: str) -> str | None:
    best, at = None, -1
    for name, pattern in _SCOPES:
        for m in pattern.finditer(clause):
            if m.start() > at:
                best, at = name, m.start()
    return best


# "under the same license as the original", 「元の百科事典と同じく CC BY-SA 4.0 で提供します」: the work's own
# grant, whose license happens to be its source's
_SAME_AS_BEFORE = re.compile(r"\b(?:same\s+(?:licen[cs]e\s+)?as|like|as\s+(?:with|for|on|in))\s+(?:the\s+|its\s+|our\s+)?$",
                             re.IGNORECASE)
_SAME_AS_AFTER = re.compile(r"[^、。,.]{0,15}?(?:と同じ|と同様)")


def _role(s: _Sentence, before: str) -> str:
    before = before[-CLAUSE_REACH:]
    if s.in_upstream_section and not _OWN_AGAIN.search(before):
        return "upstream"
    ups = [m.end() for m in _UPSTREAM.finditer(before) if not _PARTS.match(m.group(0))
           and not _SAME_AS_BEFORE.search(before[:m.start()]) and not _SAME_AS_AFTER.match(before[m.end():])]
    owns = [m.end() for m in _OWN_AGAIN.finditer(before)]
    if ups and (not owns or max(ups) > max(owns)):
        return "upstream"
    return "own"


# A folder of the repository as a statement's subject ("daemon/ is licensed under ..."), nested or
# named as a directory ("the src/codec/ directory:"): that part.
_FOLDER_SUBJECT = re.compile(r"(?:^|[\s(,])([\w.-]+/(?:[\w.-]+/)*)\s*(?:(?:directory|folder|tree)\s+)?(?:is|are|は|:|：)")


# A dataset's column named as the subject ("the `question` column", 「記事本文（`text` 列）は」): that part,
# so that two columns under two licenses are a conjunction, not two readings of one thing
_COLUMN_SUBJECT = re.compile(r"\b(?:the\s+)?`?([\w.-]+)`?\s+(?:column|field)\b|[（(]\s*`?([\w.-]+)`?\s*列\s*[)）]",
                             re.IGNORECASE)


def _column_scope(clause: str) -> str | None:
    found = _COLUMN_SUBJECT.findall(clause)
    return f"row {found[-1][0] or found[-1][1]}" if found else None


def _folder_scope(clause: str) -> str | None:
    """The part a folder named as the subject gives (`row daemon/`, read as a table row's part)."""
    found = _FOLDER_SUBJECT.findall(clause)
    return f"row {found[-1]}" if found else None


def third_party_lines(lines: list[Line]) -> set[int]:
    """The line numbers under a third-party, bundled or dependencies heading."""
    return {n for s in sentences(lines) if s.in_third_party_section for n in range(s.first_line, s.last_line + 1)}


_NOTICES_TITLE = re.compile(r"notices?|licen[cs]es|attributions?|acknowledge?ments?|credits|ライセンス|表記|告知",
                            re.IGNORECASE)


ACKNOWLEDGED_LEAD_LINES = 12  # a lead this near the top introduces the whole file
_COMPONENTS_FOLLOW = re.compile(
    r"\b(?:uses|makes\s+use\s+of|includes|contains|bundles|incorporates|depends\s+on|is\s+built\s+with)\s+(?:the\s+)?"
    r"following\s+(?:[\w-]+\s+){0,2}?(?:third[- ]party|open[- ]source|external)\s+(?:[\w-]+\s+)?"
    r"(?:libraries|software|components|packages|projects|code|dependencies)\b|"
    r"(?:以下|次)の(?:サードパーティ|第三者|オープンソース|外部)[^。]{0,20}?(?:を使用|を利用|を含|を同梱)",
    re.IGNORECASE)


# A Debian machine-readable copyright file's first field. One such file describes one package; a
# file that holds several is a collection of packages' copyright files (an image's notices).
_DEP5_FORMAT = re.compile(r"^\W*Format:\s*<?https?://(?:www\.)?debian\.org/doc/packaging-manuals/copyright-format/",
                          re.IGNORECASE)
DEP5_COLLECTION = 2  # this many copyright files in one text: a collection, not the work's own


def notices_file_lines(lines: list[Line]) -> set[int]:
    """Every line of a file whose title (its first line: short, not a sentence) announces
    third-party notices ("THIRD-PARTY SOFTWARE NOTICES", サードパーティライセンス表記), up to a
    heading that opens the work's own License section; every line of a collection of Debian copyright
    files (DEP5_COLLECTION or more); empty for any other file. The license texts
    such a file reproduces are its components', not the work's (the work is licensed elsewhere)."""
    first = next((line for line in lines if line.text.strip()), None)
    if first is None:
        return set()
    if sum(1 for line in lines if _DEP5_FORMAT.match(line.text)) >= DEP5_COLLECTION:
        return {line.number for line in lines}
    if len(first.text.split()) > 10 or first.text.rstrip().endswith(".") or \
            not (_THIRD_PARTY_HEADING.search(first.text) and _NOTICES_TITLE.search(first.text)):
        # or a lead near the top that says what follows is the components' ("This application makes
        # use of the following third party libraries:", 「本アプリは以下のオープンソースソフトウェアを使用しています」)
        lead = next((line for line in [line for line in lines if line.text.strip()][:ACKNOWLEDGED_LEAD_LINES]
                     if _COMPONENTS_FOLLOW.search(line.text)), None)
        if lead is None:
            return set()
        first = lead
    own = next((line.number for line in lines if line.heading and line.number > first.number and
                _LICENSE_HEADING.search(line.text) and not _THIRD_PARTY_HEADING.search(line.text)), None)
    return {line.number for line in lines if line.number >= first.number and (own is None or line.number < own)}


# "Except as changed above", 「上記以外は」: what is excepted is the terms just stated, not a part of the work
_ABOVE = re.compile(r"\b(?:above|foregoing|preceding)\b|\b(?:these|the|those)\s+(?:changes|modifications|amendments)\b|"
                    r"上記|前記|以上|前述|これら", re.IGNORECASE)
REST_OF_TERMS = "except the terms above"


def _except_scope(clause: str) -> str | None:
    """The part a carve-out names ("except the data/ folder, which is" -> "except data/"), or
    REST_OF_TERMS where it excepts the terms stated above ("Except as modified above, ...")."""
    m = _EXCEPT.search(clause)
    if not m:
        return None
    around = clause[m.end():] if m.group(0) not in ("を除き", "を除いて", "を除く", "以外") else clause[:m.start()]
    if _ABOVE.search(around) and not re.search(r"[\w.-]*/", around):
        return REST_OF_TERMS
    path = re.search(r"[\w.-]*/[\w./*-]*|\*\.[\w]+", around)
    what = path.group(0) if path else _scope(around) or _scope(clause) or "part"
    return f"except {what}"


_PRONOUN_SUBJECT = re.compile(r"^\W*(?:(?:they|these|those|it)\b|それら|これら)", re.IGNORECASE)
_ASKED = re.compile(r"^(.*)[?？]")
_LICENSE_WORD = re.compile(r"licen[cs]|\bGPL|\bCC[\s-]?BY|creative\s+commons|copyleft|ライセンス|著作権", re.IGNORECASE)
# "..., the company said.": the sentence reports what another party says
_SAID_AFTER = re.compile(r",\s*(?:[\w-]+\s+){0,4}?(?:said|says|stated|announced|reported|wrote|added)\W*$", re.IGNORECASE)
_CONTINUES = re.compile(r"\b(?:them|it)\b|^\W*(?:however|but|except\s+that|note\s+that|please\s+note)\b|"
                        r"^\W*(?:ただし|但し|なお|ただ、)", re.IGNORECASE)
_LICENSED_ADJECTIVE = re.compile(r"\b[\w.]+[- ]licen[cs]ed\s+(?:[\w-]+\s+){0,2}?[\w-]+", re.IGNORECASE)
# The first cell of a table row that names a part of this work: a path or file, or the rest of it.
_OWN_ROW = re.compile(r"/|\\|\*|\.\w{1,5}\b|^(?:this|our|the\s+rest|rest|everything|all|other|others|default|"
                      r"remaining|本|当|この|その他|それ以外|残り|全体|上記以外)"
                      # a dataset's splits are its parts ("train | CC BY 4.0", 「評価 | CC BY-NC 4.0」)
                      r"|^(?:train(?:ing)?|dev(?:elopment)?|valid(?:ation)?|test(?:ing)?|eval(?:uation)?|"
                      r"held[- ]?out|(?:\w+\s+)?splits?)\b|^(?:学習|訓練|検証|評価|テスト|開発)(?:用|データ|セット|分割)?",
                      re.IGNORECASE)
# A thing the text says is not in the work ("The base model is not part of this repository", 「元
# モデルの重みは含まれていません」): the license said of it, there or in the next sentence that
# points back to it ("it stays under its own license"), is another work's.
_NOT_SHIPPED = re.compile(
    r"\b(?:is|are)\s+(?:\w+\s+)?not\s+(?:\w+\s+)?(?:part\s+of|included|shipped|bundled|distributed|redistributed|"
    r"contained|provided)\b(?!\s+(?:under|with\s+the\s+licen))|"
    r"(?:は|が)\s*(?:この|本)?[^。]{0,20}?(?:含まれ(?:ません|ていません|ない)|同梱(?:されて)?(?:いません|しません)|"
    r"(?:配布|提供)(?:して|されて)?(?:いません|しません))", re.IGNORECASE)
_POINTS_BACK = re.compile(r"\b(?:it|its|they|their|them)\b|それ|その", re.IGNORECASE)
# Terms for what contributors will hand in ("any contribution intentionally submitted for inclusion
# in the work by you ... shall be dual licensed as above"): inbound terms, no license of the work
# to its users, no added terms of it.
_INBOUND = re.compile(
    r"\b(?:contributions?|pull\s+requests?|patches)\b[^.;]{0,160}?\b(?:submitted|submit)\s+(?:\w+\s+){0,3}?(?:for\s+inclusion|to\s+(?:this|the|our))"
    r"|\b(?:contributions?|pull\s+requests?|patches)\b[^.;]{0,200}?\b(?:shall|will)\s+be\s+(?:\w+\s+){0,2}?licen[cs]ed\b"
    r"|(?:コントリビューション|コントリビュート|プルリクエスト|寄稿|貢献)[^。]{0,60}?(?:ものとします|とみなします|とみなされます)",
    re.IGNORECASE)


# A dataset card's first heading names its dataset: "# Dataset Card for Prairie Almanac QA".
_CARD_TITLE = re.compile(r"^\W*(?:(?:dataset|model)\s+card\s+for\s+|(?:データセット|モデル)カード\s*[:：]?\s*)",
                         re.IGNORECASE)
WORK_NAME_MAX_WORDS = 6  # a longer first heading is a sentence, not a name


def work_names(lines: list[Line], given: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The work's own names: those `given` (a card's `pretty_name`) and the text's first line where
    it is a heading that names no license ("# Prairie Almanac QA", 「# 農業QAデータセット」)."""
    names = [g.strip() for g in given if isinstance(g, str) and g.strip()]
    first = next((line for line in lines if line.text), None)
    if first is not None and first.heading:
        title = _CARD_TITLE.sub("", first.text).strip(" #*:：")
        if title and not mentions(title) and not _LICENSE_WORD.search(title) and \
                len(title.split()) <= WORK_NAME_MAX_WORDS:
            names.append(title)
    return tuple(n for n in dict.fromkeys(names) if len(n) >= 3)


# an adverb that links a sentence to the one before ("Alternatively, netparse may be used under ...")
_LINKING_ADVERB = r"(?:alternatively|additionally|also|furthermore|moreover)\s*,?\s+"
# "..., Alternatively, it may be used under ...": the work the sentence before granted, as a pronoun
_GRANTED_WORK_AGAIN = re.compile(r"^\W*(?:" + _LINKING_ADVERB + r")?(?:it|they)\s+(?:may|can|is|are)\b", re.IGNORECASE)


def names_the_work(text: str, names: tuple[str, ...]) -> bool:
    """Whether the sentence opens with the work's own name as its subject ("Prairie Almanac QA is
    licensed under ...", "The Prairie Almanac QA dataset is ..."): this work, not a named source."""
    subject = re.sub(r"^[\W_]*(?:" + _LINKING_ADVERB + r")?(?:the\s+)?", "", text, flags=re.IGNORECASE).lower()
    return any(subject.startswith(n.lower()) and not re.match(r"[\w-]", subject[len(n):len(n) + 1]) for n in names)


@dataclass
class _Reading:
    """What reading a text's sentences gathers (statements, remarks) and carries from one sentence
    to the next (the sentence before: whether it granted, spoke of the work, reported, ...)."""

    lines: list[Line]
    names: tuple[str, ...]
    short_file: bool
    footers: dict
    statements: list[Statement] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)
    bare: list[tuple[str, int, str, str]] = field(default_factory=list)  # (heading, line, text, expression) of bare names
    unattached: list[Remark] = field(default_factory=list)  # restrictions with no subject of their own
    footers_read: set[int] = field(default_factory=set)
    previous: _Sentence | None = None
    previous_own: bool = False
    previous_excluded: bool = False
    previous_reports: bool = False  # the sentence before reports what another party announced
    previous_part: str | None = None  # the part of the work the sentence before named, where it named no license
    previous_no_secondary: bool = False  # the sentence before refused Secondary Licenses
    granted: bool = False  # this sentence granted a named license
    granted_before: bool = False  # ... the one before did
    copy_lead: _Sentence | None = None  # a how-to's lead (`_COPY_LEAD`)
    copying: _Sentence | None = None  # ... and the paragraph after it
    choice_lead: _Sentence | None = None  # a sentence offering a choice of the licenses listed after it


@dataclass
class _Context:
    """How one sentence stands: who says it, whether it speaks of the work, what came before."""

    said: str | None
    role: str
    by_part: bool
    listed_choice: bool
    own: bool
    adjacent: bool
    excluded_before: bool
    goes_on_reporting: bool
    part_before: str | None
    refuses_secondary: bool


def read(lines: list[Line], names: tuple[str, ...] = ()) -> tuple[list[Statement], list[Remark]]:
    """The statements that apply a license, and the remarks (talk, bare mentions, custom terms,
    restrictions) of these plain lines. A remark carries the role of its sentence: custom terms
    or a restriction in upstream or quoted material never change the work's own license. `names`
    are the work's own names besides its first heading (see `work_names`)."""
    names = work_names(lines, names)
    nonblank = [line for line in lines if line.text]
    size = sum(len(line.text.split()) if not JA_SCRIPT.search(line.text) else len(line.text) / 3 for line in nonblank)
    r = _Reading(lines, names, len(nonblank) <= 3 and size <= 25, copyright_license_lines(lines))
    if nonblank and (title := _title(nonblank[0])):
        r.statements.append(title)
    for s in sentences(lines):
        _read_sentence(r, s)
    statements = _other_works(r.statements, {s.first_line for s in sentences(lines) if s.in_license_section},
                              {line.number: line.text for line in lines if _ROW.match(line.text)})
    remarks = r.remarks + _asking_headings(lines)
    if any(x.role == "own" for x in statements):
        remarks += r.unattached
    statements, remarks = _bare_name_lists(statements, remarks, r.bare)
    if record_kind(lines):
        return [], _all_talk(lines, statements, remarks)
    statements, remarks = _record_discussed(lines, statements, remarks)
    statements, history = _present_wins(statements)
    statements, template = _template_license(lines, statements)
    return _rest_of_custom_terms(statements), remarks + history + template


def _read_sentence(r: _Reading, s: _Sentence) -> None:
    """One sentence read into `r`: its statements, its remarks, and what the next one needs of it."""
    if _footer(r, s):
        return
    found = _versioned(r, s, with_choice_partners(s.text, mentions(s.text), bool(DUAL.search(s.text))))
    r.copying = s if r.copy_lead and s.heading == r.copy_lead.heading and s.first_line > r.copy_lead.last_line and (
        r.copying is None or r.copying.last_line >= s.first_line - 1) else None
    r.copy_lead = s if _COPY_LEAD.search(s.text) and _COPY_VERB.search(s.text) else r.copy_lead if r.copying else None
    if r.copying and found:
        # the text a how-to says to copy into each file: an example to write
        r.remarks.append(Remark(s.first_line, s.text, "talk", last_line=s.last_line))
        return
    c = _context(r, s, found)
    if c is None:
        return
    terms = _terms(r, s, found, c)
    before_count = len(r.statements)
    try:
        if not found:
            _no_license_named(r, s, c)
            return
        found = _set_aside_named(r, s, found, c, terms)
        if found:
            _granted(r, s, found, c, before_count)
    finally:
        r.granted = any(not x.expression.startswith("LicenseRef-") for x in r.statements[before_count:])
        roles = {x.role for x in r.statements[before_count:]}
        role = "upstream" if roles and "own" not in roles else c.role
        r.remarks += [Remark(t.first_line, t.text, t.why, role, t.last_line) for t in terms]


def _footer(r: _Reading, s: _Sentence) -> bool:
    """Whether the sentence is the text's copyright footer naming a license (read once as a grant)."""
    if not (s.first_line == s.last_line and (footer := r.footers.get(s.first_line)) and not s.in_upstream_section):
        return False
    # "© 2023 Holder. Apache 2.0": the notice's line names the work's license (copyright_line.py),
    # under a guide's title too (the guide's own notice)
    if s.first_line not in r.footers_read:
        r.footers_read.add(s.first_line)
        r.statements.append(Statement(footer.expression, "grant", "third_party" if s.in_third_party_section
                                      else "own", None, s.first_line, s.last_line,
                                      next(line.text for line in r.lines if line.number == s.first_line),
                                      f"a copyright line naming a license: {footer.rule}", 0.9, footer.hint))
    return True


def _versioned(r: _Reading, s: _Sentence, found: list[Mention]) -> list[Mention]:
    """The names of `found` with a version their license had."""
    if any(m.expression == NO_SUCH_VERSION for m in found):
        # "version 2.1 of the GNU General Public License": no GPL has it; a person reads it
        closest = next((m.hint for m in found if m.expression == NO_SUCH_VERSION and m.hint), None)
        r.remarks.append(Remark(s.first_line, s.text, "no_such_version", last_line=s.last_line, hint=closest))
        found = [m for m in found if m.expression != NO_SUCH_VERSION]
    return found


def _context(r: _Reading, s: _Sentence, found: list[Mention]) -> _Context | None:
    """How the sentence stands (`_Context`), the running state moved on to it; None where it is an
    inbound contribution term, read no further."""
    adjacent = bool(r.previous and r.previous.last_line >= s.first_line - 1)
    r.granted_before, r.granted = r.granted, False
    refuses_secondary = refuses(s.text, [(m.start, m.end, m.expression.startswith(("GPL-", "LGPL-", "AGPL-")))
                                         for m in found], adjacent and r.previous_no_secondary)
    r.previous_no_secondary = refuses_secondary
    said = reported(s.text, found) if found else None
    sentence_role = "upstream" if said == "report" or s.in_third_party_section or _terms_quoted(s.text) or \
        s.in_upstream_section and not _OWN_AGAIN.search(s.text) else "own"
    if _INBOUND.search(s.text):
        if found:
            r.remarks.append(Remark(s.first_line, s.text, "mention", last_line=s.last_line))
        return None
    # "either MIT or Apache 2.0 depending on the file", 「ファイルによって MIT または Apache-2.0」: each
    # license covers its own files, no choice for the licensee: both apply (AND)
    by_part = bool(BY_PART.search(s.text))
    if DUAL.search(s.text) and not by_part and not (found and _talk(s.text, found)):
        # a list of the licenses a work may be given (a registry's rule, an upload form) is talk
        # about licenses: ScanCode's "A or B" notice over it is not the work's choice
        author_list = not found and LIST_LEAD.search(s.text) and AUTHOR_CHOOSES.search(s.text)
        r.remarks.append(Remark(s.first_line, s.text, "talk" if author_list else "choice", last_line=s.last_line))
    # 「次のいずれかのライセンスを選んで利用できます。」 / "under either of the following:" then a list
    listed_choice = bool(r.choice_lead and found and s.heading == r.choice_lead.heading
                         and s.first_line <= r.choice_lead.last_line + CHOICE_LIST_REACH)
    if not found:
        r.choice_lead = s if DUAL.search(s.text) and LIST_LEAD.search(s.text) and not AUTHOR_CHOOSES.search(s.text) \
            else r.choice_lead if listed_choice else None
    # A restriction or a change of terms counts where it speaks of this work (or sits under
    # its License heading), not in a note about other people's licenses.
    # a sentence that goes on from the one before ("Selling them ... is not allowed", 「ただし、
    # 営利目的の利用はご遠慮ください」) speaks of the work the one before spoke of
    continued = bool(r.previous and r.previous.last_line >= s.first_line - 1 and r.previous_own and not found
                     and _CONTINUES.search(s.text))
    own_context = (bool(_OWN_EN.search(s.text) or _OWN_JA_STRONG.search(s.text) or s.in_license_section
                        or r.short_file or continued or names_the_work(s.text, r.names))
                   # the restriction's own words ("requires", "not allowed") are no talk cue, nor
                   # a rider's after the words that announce it ("with one added condition: you must ...")
                   and not _general_talk(NONCOMMERCIAL.sub(" ", _before_rider(s.text)))) and said != "example" \
        and not (_NEWS_REPORT.search(s.text) or _SAID_AFTER.search(s.text))
    excluded_before = bool(r.previous and r.previous.last_line >= s.first_line - 1 and r.previous_excluded)
    # "X announced that ... . Version 6 will ship under ...": the next sentence of the paragraph,
    # with no work of ours in it, goes on reporting
    ours = bool(STRONG_OWN.search(s.text) or _JA_WE.search(s.text) or _WE.search(s.text))
    goes_on_reporting = bool(r.previous and r.previous.last_line >= s.first_line - 1 and r.previous_reports) and not ours
    r.previous_reports = bool(_NEWS_REPORT.search(s.text) or _JA_NEWS_REPORT.search(s.text)) and not ours
    # "The figures in figures/ are the exception. They are released under ...": the part a
    # sentence named just before, for a sentence whose subject is a pronoun
    part_before = r.previous_part if r.previous and r.previous.last_line >= s.first_line - 1 else None
    r.previous_part = None if found else (_folder_scope(s.text) or _scope(s.text))
    r.previous, r.previous_own, r.previous_excluded = s, own_context, bool(_NOT_SHIPPED.search(s.text))
    return _Context(said, sentence_role, by_part, listed_choice, own_context, adjacent, excluded_before,
                    goes_on_reporting, part_before, refuses_secondary)


def _terms(r: _Reading, s: _Sentence, found: list[Mention], c: _Context) -> list[Remark]:
    """The sentence's restrictions and changes of terms (a restriction with no subject of its own is
    kept aside in `r.unattached`)."""
    terms: list[Remark] = []
    limit = bool(NONCOMMERCIAL.search(s.text)) and not NOT_A_CONDITION.search(s.text)
    if c.own and limit:
        terms.append(Remark(s.first_line, s.text, "restriction", last_line=s.last_line))
    elif limit and c.said != "example" and not found and c.role == "own" and \
            not s.in_upstream_section and not _UPSTREAM.search(s.text) and \
            not _general_talk(NONCOMMERCIAL.sub(" ", s.text)):
        # "Commercial use of the dataset requires a separate license", 「データセットの商用利用には
        # 別途契約が必要です」: no "this" or 本, no other work named, and no talk but the restriction's
        # own words ("requires"); it restricts the work where the text grants the work a license
        # (a news item or a FAQ alone never gets one)
        r.unattached.append(Remark(s.first_line, s.text, "restriction", last_line=s.last_line))
    if c.own and COMMERCIAL_OK.search(s.text) and not NONCOMMERCIAL.search(s.text):
        terms.append(Remark(s.first_line, s.text, "commercial_ok", last_line=s.last_line))
    # a sentence describing a named exception ("the Classpath exception lets you link ... under
    # your own license") adds permissions SPDX lists (exceptions.py), not custom terms
    if (c.own or CLAUSE.search(s.text)) and ADDED_TERMS.search(s.text) and not names_exception(s.text):
        terms.append(Remark(s.first_line, s.text, "custom", last_line=s.last_line))
    return terms


def _no_license_named(r: _Reading, s: _Sentence, c: _Context) -> None:
    """A sentence that names no license: a dedication or a permission in the author's own words, or
    words that keep ScanCode's notice rules off it (items' status, hedges, licensed adjectives, questions)."""
    loose = dedication(s.text) if c.role == "own" and not (
        s.in_upstream_section or s.in_talk_section or _UPSTREAM.search(s.text)) else None
    if loose == "dedicated" and c.own:
        r.statements.append(Statement(PUBLIC_DOMAIN, "grant", "own", _scope(s.text), s.first_line,
                                      s.last_line, s.text, "own words: put in the public domain, no "
                                      "dedication named", 0.9))
    elif loose == "hedged":
        r.remarks.append(Remark(s.first_line, s.text, "hedged", last_line=s.last_line))
    elif loose == "items":
        # the status of items the work includes or leaves out, not a dedication of the work
        r.remarks.append(Remark(s.first_line, s.text, "other_work", last_line=s.last_line))
    elif _own_words_grant(s):
        r.statements.append(Statement(ATTRIBUTION_ONLY, "own_words", "own", _scope(s.text), s.first_line,
                                      s.last_line, s.text, "own words: permission on condition of credit",
                                      0.9, "CC-BY-4.0"))
    elif _LICENSED_ADJECTIVE.search(s.text) and not JA_SCRIPT.search(s.text) and not _OWN_EN.search(s.text) \
            and not s.in_license_section and not r.short_file:
        # "Some forks keep the last Apache-licensed version alive": a license word that
        # qualifies another work, no work of ours named; no ScanCode rule reads it as a grant
        r.remarks.append(Remark(s.first_line, s.text, "other_work", last_line=s.last_line))
    elif ("?" in s.text or "？" in s.text) and _LICENSE_WORD.search(s.text):
        # a question about licenses names none the reader knows ("Can I ship GPL-licensed
        # code ...?"): still talk, so that no ScanCode notice rule reads it as a grant
        r.remarks.append(Remark(s.first_line, s.text, "talk", last_line=s.last_line))


def _set_aside_named(r: _Reading, s: _Sentence, found: list[Mention], c: _Context,
                     terms: list[Remark]) -> list[Mention]:
    """The names of `found` the sentence may grant: those refused, named as Secondary Licenses,
    said of another work, reported, compared, not given or talked about are remarked (or made
    secondary statements) and left out; `terms` is emptied where the sentence only talks."""
    refused = [m for m in found if m.expression.startswith("GPL-")] if c.refuses_secondary else []
    if refused:
        # "No Secondary Licenses: the GPL does not apply": the GPL is named to be ruled out
        r.remarks.append(Remark(s.first_line, s.text, "talk", last_line=s.last_line))
        found = [m for m in found if m not in refused]
        if not found:
            return []
    secondary = [m for m in found if m.expression.startswith("GPL-")] if SECONDARY.search(s.text) else []
    for m in secondary:
        # EPL-2.0 section 3 and Exhibit A: the notice may name a GPL as a Secondary License,
        # under which the code is also offered (detect joins it to the EPL-2.0 with OR)
        r.statements.append(Statement(m.expression, "secondary", "own", None, s.first_line, s.last_line,
                                      s.text, f"a Secondary License named under EPL-2.0: {m.rule}"))
    found = [m for m in found if m not in secondary]
    if not found:
        return []
    shipped_not = _NOT_SHIPPED.search(s.text)
    not_shipped = shipped_not and shipped_not.start() < found[0].start or \
        c.excluded_before and _POINTS_BACK.search(s.text) and not STRONG_OWN.search(s.text)
    other = found if not_shipped or _other_actor(s.text) and not STRONG_OWN.search(s.text) else \
        [m for m in found if of_other_work(s.text, m)]
    if other:
        # the names said of another work are no evidence (nor may a ScanCode notice read them
        # there); in a sentence about two works, the names said of this one still are
        r.remarks.append(Remark(s.first_line, s.text, "other_work", last_line=s.last_line))
        found = [m for m in found if m not in other]
        if not found:
            return []
    if c.goes_on_reporting:
        r.remarks.append(Remark(s.first_line, s.text, "other_work", last_line=s.last_line))
        return []
    # "the MIT License, a short license similar to the BSD license", "its scripts are based on
    # the BSD license template": a comparison said of something else than the work's terms
    described = [m for i, m in enumerate(found) if compares(s.text, m.start) and describes_a_license(
        s.text, m.start, found[i - 1].end if i else None, r.granted_before and c.adjacent)]
    if described:
        r.remarks.append(Remark(s.first_line, s.text, "mention", last_line=s.last_line))
        if any(changes_terms(s.text, m.start) for m in described):
            # "It is modified from the MIT License to require ...": the license described is
            # the work's, changed
            terms.append(Remark(s.first_line, s.text, "custom", last_line=s.last_line))
        found = [m for m in found if m not in described]
        if not found:
            return []
    if why := _not_given(s.text, found):
        r.remarks.append(Remark(s.first_line, s.text, why, last_line=s.last_line))
        terms.clear()
        return []
    if (_talk(s.text, found) or s.in_talk_section and not STRONG_OWN.search(s.text)) and \
            not (c.listed_choice and _names_only(s.text, found)):
        r.remarks.append(Remark(s.first_line, s.text, "talk", last_line=s.last_line))
        terms.clear()  # "CC BY-NC 4.0 forbids commercial use": the license's terms, not the work's
        return []
    return found


def _names_only(text: str, found: list[Mention]) -> bool:
    """Whether a sentence is only license names, joined by commas, "or", "and" (a list's items run
    together: "- the MIT License, / - the Apache License, Version 2.0, or / - the BSD 2-Clause License.")."""
    rest = text
    for m in reversed(found):
        rest = rest[:m.start] + " " + rest[m.end:]
    return len(found) > 1 and not re.sub(r"\b(?:the|or|and|and/or|either|licen[cs]es?)\b|または|又は|[\W_]", "", rest,
                                          flags=re.IGNORECASE)


def _granted(r: _Reading, s: _Sentence, found: list[Mention], c: _Context, before_count: int) -> None:
    """The statements of a sentence that grants the names of `found` (or the remark that it does not):
    joined by OR or AND as the sentence joins them, each with its scope and role; `before_count`:
    the statements read before the sentence."""
    rest = s.text
    for m in reversed(found):
        rest = rest[:m.start] + rest[m.end:]
    if len(found) == 1 and len(rest.split()) <= 4 and not _scope(rest):
        r.bare.append((s.heading, s.first_line, s.text, found[0].expression))
    kind = _grant(s, found, r.short_file, names_the_work(s.text, r.names) or bool(
        r.granted_before and c.adjacent and _GRANTED_WORK_AGAIN.match(s.text)))
    if kind is None and c.listed_choice and (len(rest.split()) <= 4 and len({m.expression for m in found}) == 1
                                             or _names_only(s.text, found)):
        kind = "grant"  # one side of the choice the sentence before offers, or its whole list
    if kind is None:
        r.remarks.append(Remark(s.first_line, s.text, set_aside(s, found, c.said), last_line=s.last_line))
        return
    # "licensed under X; previously it was under Y": the past license is history, not a grant
    past = [m for i, m in enumerate(found) if len(found) > 1 and _history(s.text, found, i)]
    if past and len(past) < len(found):
        r.remarks.append(Remark(s.first_line, s.text, "history", last_line=s.last_line))
        found = [m for m in found if m not in past]
    row = _ROW.match(s.text)
    offered_list = c.listed_choice and _names_only(s.text, found)
    previous_end = 0
    joined: str | None = None
    for i, m in enumerate(found):
        clause = s.text[previous_end:m.start]
        if i and offered_list:
            joined = "OR"  # the items of the list a choice opened: one of them, the licensee's pick
        elif i and OR.match(clause):
            joined = "AND" if c.by_part else "OR"
        elif i and AND.match(clause):
            joined = "AND"
        before = s.text[:m.start]
        custom = compares(s.text, m.start) and of_terms(s.text, m.start) or CUSTOM_AFTER.match(s.text[m.end:])
        expression, hint, rule = m.expression, None, f"{kind}: {m.rule}"
        if m.ambiguous:
            hint = m.hint  # the closest ("BSD" is read as BSD-3-Clause by ScanCode and common usage)
        if custom:
            expression, hint, rule = custom_id(m.expression), m.expression, f"custom terms based on: {m.rule}"
        scope = _except_scope(clause) or _column_scope(clause) or _scope(clause) or _folder_scope(clause) or \
            (c.part_before if i == 0 and _PRONOUN_SUBJECT.match(s.text) else None)
        if row and not scope:
            # a table row about one component or file: that part, not a rival reading
            scope = f"row {row.group(1).split(',')[0].strip()}"
        if i and joined and len(r.statements) > before_count:
            last = r.statements[-1]
            r.statements[-1] = Statement(f"{last.expression} {joined} {expression}", last.kind, last.role,
                                         last.scope, last.first_line, s.last_line, s.text,
                                         f"{last.rule}; {joined.lower()} {m.rule}", hint=last.hint or hint)
            joined = None
            previous_end = m.end
            continue
        joined = None
        role = "own" if kind == "custom" else "upstream" if kind == "quoted" else _role(s, before)
        if row and _OWN_ROW.search(row.group(1).split(",")[0].strip()):
            # a row whose first cell is a part of this work (a split, a folder): that part's
            # license, whatever the row says of where its material came from
            role = "own"
        if _PART.search(before):
            # "Some answers quote Stack Overflow posts, which are licensed under CC BY-SA 4.0":
            # a part of the work under its own license (a conjunction, not a conflict)
            role, scope = "own", scope or "part"
        if s.in_third_party_section and kind != "custom":
            role = "third_party"
        r.statements.append(Statement(expression, kind, role, scope, s.first_line, s.last_line,
                                      s.text, rule, 1.0 if kind in ("grant", "field") else 0.9, hint))
        previous_end = m.end


def _asking_headings(lines: list[Line]) -> list[Remark]:
    """A heading that asks ("Can I relicense MIT code under the GPL?", "MIT or GPL? What we tell
    founders") names licenses to talk about, whatever words follow its question."""
    return [Remark(line.number, line.text, "talk", last_line=line.number) for line in lines
            if line.heading and (question := _ASKED.match(line.text)) and (
                _LICENSE_WORD.search(question.group(1)) or mentions(question.group(1)))]


def _bare_name_lists(statements: list[Statement], remarks: list[Remark],
                     bare: list[tuple[str, int, str, str]]) -> tuple[list[Statement], list[Remark]]:
    """Three or more bare names under one heading, no choice offered: a list of licenses (the ones a
    team accepts, the ones a tool supports), not the work's license."""
    if any(r.why == "choice" for r in remarks):
        return statements, remarks
    for heading in {h for h, *_ in bare}:
        group = [(line, text) for h, line, text, expression in bare if h == heading]
        if len({expression for h, _, _, expression in bare if h == heading}) >= 3:
            lines_ = {line for line, _ in group}
            statements = [x for x in statements if x.first_line not in lines_ or x.scope]
            remarks = [r for r in remarks if r.first_line not in lines_] + [
                Remark(line, text, "talk") for line, text in group]
    return statements, remarks


def _record_discussed(lines: list[Line], statements: list[Statement],
                      remarks: list[Remark]) -> tuple[list[Statement], list[Remark]]:
    """A memo before the work's License section: the memo's licenses are under discussion."""
    if not (record := record_lines(lines)):
        return statements, remarks

    def inside(x: Statement | Remark) -> bool:
        return record[0] <= x.first_line <= record[1]

    remarks = [r for r in remarks if not inside(r)] + _all_talk(
        [line for line in lines if record[0] <= line.number <= record[1]],
        [x for x in statements if inside(x)], [r for r in remarks if inside(r)])
    return [x for x in statements if not inside(x)], remarks


# A project's policy document by its title: a code of conduct, a contributing guide, a security
# policy (「行動規範」「コントリビューションガイド」). Such a document is often adapted from a template
# (the Contributor Covenant) whose license its attribution names.
_POLICY_TITLE = re.compile(r"^\W*(?:[\w.-]+\s+)?(?:code\s+of\s+conduct|contribut(?:ing|ion|or)s?(?:\s+guide(?:lines)?)?|"
                           r"security(?:\s+policy)?|governance)\W*$|行動規範|コントリビューション\s*ガイド|貢献ガイド|"
                           r"セキュリティ\s*ポリシー", re.IGNORECASE)


def _template_license(lines: list[Line], statements: list[Statement]) -> tuple[list[Statement], list[Remark]]:
    """In a policy document (`_POLICY_TITLE`) that states no license of its own, the license of
    the material it was adapted from is the template's: no grant of the project's (each becomes an
    "other_work" remark)."""
    first = next((line for line in lines if line.text), None)
    if not (first and first.heading and _POLICY_TITLE.search(first.text)) or any(x.role == "own" for x in statements):
        return statements, []
    upstream = [x for x in statements if x.role == "upstream"]
    return ([x for x in statements if x not in upstream],
            [Remark(x.first_line, x.text, "other_work", last_line=x.last_line) for x in upstream])


def _rest_of_custom_terms(statements: list[Statement]) -> list[Statement]:
    """The statements that name, for the terms not changed above, the license the work's (custom)
    terms are based on ("Apache License 2.0 with section 3 removed. Otherwise the Apache License
    2.0 applies."), read as the rest of those terms: the statement above reaches over them, no
    second license."""
    out = list(statements)
    for rest in [x for x in statements if x.scope == REST_OF_TERMS]:
        # the custom terms may still be the license's name with a `custom` remark (combine reads them)
        above = next((i for i, x in enumerate(out) if x.role == "own" and x.scope != REST_OF_TERMS
                      and x.first_line < rest.first_line and rest.expression in (x.expression, x.hint)), None)
        if above is not None:
            out[above] = replace(out[above], last_line=max(out[above].last_line, rest.last_line))
            out.remove(rest)
    return out


def _all_talk(lines: list[Line], statements: list[Statement], remarks: list[Remark]) -> list[Remark]:
    """A mail thread's or a memo's licenses are under discussion (deliberation.py): every line that
    names one is talk, so that no ScanCode notice rule reads a grant there either."""
    said = {(x.first_line, max(x.last_line, x.first_line)): x.text for x in [*statements, *remarks]}
    covered = {n for first, last in said for n in range(first, last + 1)}
    said.update({(line.number, line.number): line.text for line in lines
                 if line.number not in covered and _LICENSE_WORD.search(line.text)})
    return [Remark(first, text, "talk", last_line=last) for (first, last), text in sorted(said.items())]


def _before_rider(sentence: str) -> str:
    """The sentence up to the words that announce added terms, where it has them."""
    rider = ADDED_TERMS.search(sentence)
    return sentence[:rider.start()] if rider else sentence


def _own_words_grant(s: _Sentence) -> bool:
    """A permission over this work, in the project's own words, whose one condition is credit."""
    if s.in_third_party_section or s.in_upstream_section or s.in_talk_section or _general_talk(s.text):
        return False
    ja = bool(JA_SCRIPT.search(s.text))
    permit = _JA_PERMIT.search(s.text) if ja else _EN_PERMIT.search(s.text)
    # in the work's own License or terms section (「利用条件」) the work is the subject unsaid
    own = (_OWN_JA_STRONG if ja else _OWN_EN).search(s.text) or s.in_license_section
    # the source to credit (出典, "cite the source") is the condition, not material taken from elsewhere
    return bool(permit and own and _ATTRIBUTION.search(s.text)) and not _UPSTREAM.search(_ATTRIBUTION.sub(" ", s.text))


def _other_works(statements: list[Statement], license_section: set[int], table_rows: dict[int, str]) -> list[Statement]:
    """A table whose rows all name something that is no part of this work (no path, file, part word
    or "the rest"): the benchmarks a model was evaluated on, the libraries a tool uses. Their
    licenses are listed components, not this work's license (one row naming a part keeps them all).
    A table that is the work's License section, where nothing else states the work's license, names
    the work's own components, whatever their names ("Tokenizer", "Annotator UI"). `table_rows`: the
    text of each table row with a License cell, by line: a table is judged by all its rows, also
    those whose license no rule reads ("research only", "own terms")."""
    stated_elsewhere = any(x.role == "own" and not _ROW.match(x.text) for x in statements)
    tables: list[list[int]] = []
    for number in sorted(table_rows):
        if tables and number - tables[-1][-1] <= 1:
            tables[-1].append(number)
        else:
            tables.append([number])
    others = set()
    for table in tables:
        rows = [x for x in statements if x.first_line in table and _ROW.match(x.text) and x.role == "own"]
        components = [_ROW.match(table_rows[n]).group(1).split(",")[0].strip() for n in table]
        own_section = not stated_elsewhere and all(x.first_line in license_section for x in rows)
        # a part word heads a short cell ("Model weights", "Code"); in a longer one it ends a name
        # ("livedoor news corpus", "Penn Treebank corpus")
        parts = [c for c in components if _scope(c) and (len(c.split()) <= 2 or JA_SCRIPT.search(c)) or _OWN_ROW.search(c)]
        if len(table) >= 2 and not own_section and not parts:
            others |= {id(x) for x in rows}
    return [replace(x, role="third_party") if id(x) in others else x for x in statements]


_TITLE_REST = re.compile(r"^(?:the|a|licen[cs]e[ds]?|version|v|international|public|legal|code|deed|full|text|of|"
                         r"copy|copying|terms|and|conditions|summary|human-readable|ライセンス|全文|利用許諾|条件|"
                         # a BSD's nickname in its title ('BSD 2-Clause "Simplified" License')
                         r"simplified|new|revised|modified|freebsd)$", re.I)


def _title(line: Line) -> Statement | None:
    """A file whose first line is a license's name ("# Creative Commons Attribution-NonCommercial
    4.0 International", "MIT License") is that license's text or deed: weaker than a grant, and
    dropped where the rest only talks about licenses (combine)."""
    found = mentions(line.text)
    if len(found) != 1 or found[0].expression == NO_SUCH_VERSION or holder_or_thing(line.text[:found[0].start]):
        return None  # ("© 2021 MIT": the holder)
    rest = (line.text[:found[0].start] + " " + line.text[found[0].end:]).replace("(", " ").replace(")", " ")
    words = re.findall(r"[\w-]+", rest)
    if len(words) > 5 or not all(_TITLE_REST.match(w) or re.fullmatch(r"[\d.]+", w) for w in words):
        return None
    return Statement(found[0].expression, "title", "own", None, line.number, line.number, line.text,
                     f"title: {found[0].rule}", 0.9)


def custom_id(base: str | None, noncommercial: bool = False) -> str:
    """The LicenseRef- of terms based on `base` (an SPDX id) that are not `base` itself."""
    if base and " " in base:
        # one id, never an expression: the first license an expression names is the hint
        base = next((k for k in re.findall(r"[A-Za-z0-9.+\-]+", base) if k not in ("AND", "OR", "WITH")), None)
    if base and base.startswith("LicenseRef-"):
        base = base[len("LicenseRef-"):]  # a ScanCode-only license: its key is the hint
    if base and base.startswith("Custom"):
        base = base[len("Custom"):].lstrip("-")  # custom terms already (a model's own terms), changed
    name = "LicenseRef-Custom" + (f"-{base}" if base else "")
    if noncommercial and "-NC" not in (base or ""):
        name += "-NonCommercial"
    return re.sub(r"[^A-Za-z0-9.\-]", "-", name)


def base_of(key: str) -> str | None:
    """The SPDX license a `LicenseRef-Custom-...` id is based on, if it names one."""
    if not key.startswith("LicenseRef-Custom-"):
        return None
    rest = key[len("LicenseRef-Custom-"):]
    rest = rest[:-len("-NonCommercial")] if rest.endswith("-NonCommercial") else rest
    if rest.startswith("scancode-") or model_terms("LicenseRef-" + rest) != "LicenseRef-" + rest:
        return "LicenseRef-" + rest  # a ScanCode-only license or a model's own terms: their own id
    return rest or None
