"""Talk about licenses, which grants none.

A catalogue, a comparison, a question, a supposition, a how-to's example, a definition
(「MIT ライセンスは…です」), a quantified or indefinite class of other works ("many datasets", "a
package whose metadata says ..."), words quoted as what another says.
"""

from __future__ import annotations

import re

from curation.licenses.choice_words import DUAL
from curation.licenses.grant_phrases import JA_SCRIPT, STRONG_OWN, WORKS_OF_A_KIND, _EN_GRANT, _OWN_JA, _OWN_JA_STRONG, _WE
from curation.licenses.names import Mention
from curation.licenses.restriction_phrases import ADDED_TERMS, NONCOMMERCIAL
from curation.licenses.sentence_split import CLAUSE_REACH, _FIELD


_EN_TALK = re.compile(
    r"\?|\b(?:for\s+example|for\s+instance|e\.g|i\.e|such\s+as|compare[sd]?|comparison|comparing|versus|vs|"
    r"difference|differ|differs|means|meaning|allows?|lets|permits?|requires?|prohibits?|forbids?|if\s+you|only\s+if|"
    r"you\s+(?:could|should|must)|choose|choosing|chosen|pick|recommend(?:ed|s)?|popular|(?-i:common|commonly)|"
    r"which\s+licen[cs]e|what\s+is|whereas|unlike|(?-i:like)|compatible|compatibility|cannot|can't|not\s+allowed|"
    r"instead|avoid|asked|ask|discuss(?:ed|es|ion)?|question|explains?|overview|guide|types?\s+of|"
    r"kinds?\s+of|family|families|restrictive|consider|considered|suitable|(?-i:many|most|some|several|various)|"
    r"options?|alternatives?|e\.g\.|works\s+(?:licensed|released)|material\s+(?:licensed|released)|"
    r"content\s+(?:licensed|released)\s+under\s+(?:a|any)|any\s+(?:work|material|content)|such|"
    # a hedge says what a class of material tends to be under ("snippets ..., which are usually under CC BY-SA")
    r"usually|typically|generally|normally|mostly|often|frequently|tends?\s+to)\b",
    re.IGNORECASE)

_EN_TALK_AFTER = re.compile(r"^[\s)\]\"”]*(?:licen[cs]e\s+)?(?:(?:is|are|was)\s+(?:a|an|the\s+most|one|more|less|very|often|usually|"
                            r"commonly|popular|designed|intended|compatible|similar|not|used)|has|have|requires?|"
                            r"allows?|lets|permits?|prohibits?|"
                            r"means|and\s+CC|vs|versus|differs?|forbids?|restricts?|adds?|licenses?\s+(?:are|require|allow|restrict|forbid|prohibit|permit))\b", re.IGNORECASE)

# Cues of Japanese talk about licenses (a definition, a comparison, a how-to, a question). Some
# read otherwise after the work as topic (below), so the patterns are built from the list.
_JA_AVAILABLE = r"可能です(?:が|。)?\s*$"

_JA_TOPIC_CUES = ("について", "には", "場合に")

_JA_CHOICE_CUES = ("選ぶ", "選び", "選択し")

_JA_TALK_CUES = ("通常", "一般に", "多くの場合", "たいてい", "大抵", "例えば", "たとえば", "比較", "比べ", "相違", "差異", "とは", "違い", *_JA_CHOICE_CUES, "推奨", "一般的", "ような", "について",
                 "解説(?!文)", "説明", "意味", "ですか", "でしょうか", "種類", "であれば", "なら(?:ば)?", "には", "場合に", "求め",
                 "必要があります", _JA_AVAILABLE, "[?？]", "よく使われ", "代表的", "なければな(?:らない|りません)",
                 "(?:ると|たら)[、,]", "など(?:の|と)", "書き添え", "(?:書|記入し|記載し|明記し)て(?:ください|おき)")

def _ja_talk(*left_out: str) -> re.Pattern:
    """The talk cues but those `left_out`, as one pattern."""
    return re.compile("|".join(c for c in _JA_TALK_CUES if c not in left_out))

_JA_TALK = _ja_talk()

# A Japanese grant needs a work as its subject: 本/この/当 ..., a part of the work as topic
# (「コードは」「データは」), the license field as topic (「ライセンスは」). 「X は…です」 with the
# license as its topic is a definition of that license (talk), not a grant.
# After the work as topic, には/について/場合に introduce the work's terms, not talk about licenses.
# 「当コーパスは CC BY 4.0 で利用可能です」: with the work as topic, 可能です is the grant, not a license's description.
_JA_TALK_OWN = _ja_talk(*_JA_TOPIC_CUES, _JA_AVAILABLE)

_JA_TALK_CHOICE = _ja_talk(*_JA_TOPIC_CUES, _JA_AVAILABLE, *_JA_CHOICE_CUES)

_JA_TALK_AVAILABLE = _ja_talk(_JA_AVAILABLE)

_JA_TOPIC = re.compile(r"^\s*(?:ライセンス)?\s*(?:は|とは|では|には|も|の(?:特徴|場合|条件で?は))(?!\s*(?:本|この))")

# Reported speech: license words inside quotation marks that the sentence presents as an example to
# write (a how-to) or as what someone else says. The words are not this sentence's grant.
_QUOTES = re.compile(r"「[^」]*」|『[^』]*』|\"[^\"]*\"|“[^”]*”")

_QUOTE_LEAD = re.compile(r"(?:such\s+as|for\s+example|for\s+instance|e\.g\.?|like|write|add|put|insert|paste|type|include|"
                         r"enter|use|line|sentence|notice|statement|text)\W{0,3}$", re.IGNORECASE)

_QUOTE_REPORT_LEAD = re.compile(r"(?:says?|said|states?|stated|stating|reads?|wrote|writes|notes?|according\s+to)\W{0,3}$",
                                re.IGNORECASE)

_EXAMPLE_AFTER = re.compile(r"^\s*(?:の?ように|のような|などと|といった\s*(?:一文|文|行|表記))")

_QUOTE_TAIL = re.compile(r"^\s*(?:の?ように|のような|などと?|といった|と[^。「」]{0,12}?(?:書|記|表|明|入|加|追|添|言|述))")

_QUOTE_REPORT_TAIL = re.compile(r"^\s*と(?:あり|なって|[^。「」]{0,12}?(?:書かれ|記載され|表示され|明記され|記され|うた))")

def _general_talk(sentence: str) -> bool:
    """Talk about licenses in general: a question, a note on other material, a how-to."""
    if "?" in sentence or "？" in sentence:
        return True
    talk = _JA_TALK if JA_SCRIPT.search(sentence) else _EN_TALK
    return bool(talk.search(sentence)) and not re.search(r"\bthis\b|\bthese\b|\bour\b|本|当|この(?!ライセンス)", sentence, re.I) \
        or bool(re.search(r"\b(?:CC|Creative\s+Commons)[\w\s-]*\s+(?:data|material|content|works?)\b", sentence))

# The kinds of works either generic subject below names.
_WORK_KINDS = r"software|code|works?|content|material|data|programs?|libraries|datasets?|files|images|texts?"

# "Software licensed under GPL-3.0 must ...": a class of works as the subject, not this work.
_GENERIC_SUBJECT = re.compile(
    rf"^\W*(?:any\s+|all\s+)?(?:{_WORK_KINDS}|components?|dependencies|contributions?)\s+"
    r"(?:that\s+(?:is|are)\s+|which\s+(?:is|are)\s+)?"
    r"(?:licensed|released|distributed|published|available|covered)\s+under", re.IGNORECASE)

# "Software under the GPL must ship its source": the same, with no verb, where a modal or a
# description follows the name ("Data under CC BY 4.0, code under MIT" is a grant, and stays one).
_GENERIC_UNDER = re.compile(rf"^\W*(?:any\s+|all\s+)?(?:{_WORK_KINDS}|projects)\s+under\s+(?:the\s+|an?\s+)?$",
                            re.IGNORECASE)

_MODAL_AFTER = re.compile(r"^[\s)]*(?:licen[cs]es?\s+)?(?:must|may|can|cannot|can't|should|has\s+to|have\s+to|is|are|"
                          r"requires?|needs?)\b", re.IGNORECASE)

# A label on another thing the sentence names: 「CC0」と書かれたアイコン, a photo marked "CC BY-NC 4.0".
# The quoted license is that thing's, named to talk about it (an exercise, a question), never a grant.
_LABEL_TAIL = re.compile(r"^\s*と(?:だけ)?(?:書かれ|記載され|表示され|明記され|記され|書いてあ|付(?:け|い)られ|され)(?:た|ている)\s*"
                         r"(?![。、．，]|\s*$)")

_LABEL_LEAD = re.compile(r"\b(?:an?|the|one|any)\s+(?:[\w-]+\s+){1,3}?(?:marked|labell?ed|tagged|stamped|captioned)"
                         r"\s+(?:as\s+|with\s+)?\W{0,3}$", re.IGNORECASE)

def reported(sentence: str, found: list[Mention]) -> str | None:
    """"example" where every license named sits in quotation marks given as an example to write
    (「…」のように書きます, add a line such as "..."), "report" where they are what someone else says
    ("the site says: '...'", 「…」と書かれています), "label" where they label another thing the
    sentence names (「CC0」と書かれたアイコン, a photo marked "CC BY-NC"); None otherwise."""
    spans = [m for m in _QUOTES.finditer(sentence)]
    if _FIELD.match(sentence):
        return None  # a license field's quoted value is its value (`license = {text = "MIT"}`)
    if not spans or not all(any(q.start() <= f.start and f.end <= q.end() for q in spans) for f in found):
        return None
    kinds = set()
    for q in spans:
        if not any(q.start() <= f.start and f.end <= q.end() for f in found):
            continue
        lead, tail = sentence[max(0, q.start() - 30):q.start()], sentence[q.end():q.end() + 20]
        if _LABEL_TAIL.match(tail) or _LABEL_LEAD.search(lead):
            kinds.add("label")
        elif _QUOTE_REPORT_LEAD.search(lead) or _QUOTE_REPORT_TAIL.match(tail):
            kinds.add("report")
        elif _QUOTE_LEAD.search(lead) or _QUOTE_TAIL.match(tail):
            kinds.add("example")
        else:
            return None
    return "example" if "example" in kinds else "report" if "report" in kinds else "label"

def _terms_quoted(sentence: str) -> bool:
    """Whether the sentence's restriction or added terms sit inside a quotation it reports ("the
    forum's terms state: '...may not be used commercially'"): someone else's terms."""
    for q in _QUOTES.finditer(sentence):
        inner = q.group(0)
        if not (NONCOMMERCIAL.search(inner) or ADDED_TERMS.search(inner)):
            continue
        lead, tail = sentence[max(0, q.start() - 30):q.start()], sentence[q.end():q.end() + 20]
        # A label on another thing ("an icon marked '…'") is as much someone else's terms as a report.
        if _LABEL_TAIL.match(tail) or _LABEL_LEAD.search(lead) or \
                _QUOTE_REPORT_LEAD.search(lead) or _QUOTE_REPORT_TAIL.match(tail):
            outside = sentence[:q.start()] + sentence[q.end():]
            return not (NONCOMMERCIAL.search(outside) or ADDED_TERMS.search(outside))
    return False

def _definition(sentence: str, found: list[Mention]) -> bool:
    """「CC BY 4.0 は、…ライセンスです」: the license is the topic; no work is the subject."""
    return any(_JA_TOPIC.match(sentence[m.end:]) for m in found) and \
        not _OWN_JA.search(sentence[:found[0].start])

# After a license's name at the start of a sentence: a class of works it covers, not this work.
_CLASS_AFTER = re.compile(r"\s*(?:licen[cs]ed\s+)?(?:-?licen[cs]ed\s+)?(?:material|materials|works?|content|code|software|"
                          r"data|datasets|projects|libraries|components|images|texts)\b(?!\s*(?:[:：]|is\s+licen|in\s+this))"
                          r"|\s*(?:ライセンス)?\s*の\s*(?:コード|ソフトウェア|作品|著作物|データ|素材|ライブラリ)(?:は|を|も)",
                          re.IGNORECASE)

# The cells of a table row that judge a license (yes / no / ✓ / 可 / 不可) rather than name a part
# of the work: the table compares licenses ("License | Commercial use | Share-alike").
_VERDICT_CELL = re.compile(r"(?:yes|no|y|n|true|false|required|optional|allowed|forbidden|permitted|prohibited|"
                           r"partial(?:ly)?|limited|n/?a|-+|—|–|[✓✔✗✘×○◯△◎x]|可|不可|必要|不要|あり|なし|はい|いいえ)"
                           r"(?:\s*\([^)]*\))?", re.IGNORECASE)

def _comparison_row(sentence: str) -> bool:
    """A table row that judges licenses: its cells beside the license are verdicts, in a table with
    a License column ("License (yes, no): MIT") or one with a license per row ("MIT: yes: no: yes",
    a compatibility matrix or a feature comparison)."""
    row = _ROW.match(sentence)
    if row:
        cells = [c.strip() for c in row.group(1).split(",")]
    else:
        cells = [c.strip() for c in sentence.split(": ")[1:]]
        if len(cells) < 2:
            return False
    return bool(cells) and all(_VERDICT_CELL.fullmatch(c) for c in cells if c)

_CLASS_OF_LICENSES = re.compile(r"^[^.;]{0,20}?\b(?:or|and|and/or)\s+(?:any\s+)?(?:other|similar)\s+(?:[\w-]+\s+){0,2}?licen[cs]es\b"
                                r"|^[^。]{0,10}?(?:など|等)の[^。]{0,10}?ライセンス", re.IGNORECASE)

# A quantifier over a class of works as a clause's subject ("Many datasets on the Hub are released
# under ...", "Most of the corpora we looked at ...", 「多くのデータセットは…」): a statement about other
# works, whatever its case, unless the works are this work's own ("most of our models") or the work
# is named after it ("..., but this dataset is released under ...").
_WORK_CLASS = (r"(?:datasets|projects|models|corpora|libraries|packages|repositories|repos|works|apps|applications|"
               r"programs|tools|sites|websites|papers|benchmarks|companies|organi[sz]ations|developers|authors|"
               r"researchers|people|teams|vendors|forks|distributions|collections|resources|crates|modules|LLMs|"
               r"publishers|labs|institutions|universities|agencies|governments|municipalities|cities|users|creators|"
               r"maintainers|photographers|artists|archives|museums|libraries)")

_QUANTIFIED_WORKS = re.compile(
    r"(?:^|[,;:]\s*|\b(?:but|while|whereas|and)\s+)\W*(?:many|most|some|several|various|numerous|countless|few|a\s+few|"
    r"lots\s+of|a\s+lot\s+of|plenty\s+of|a\s+(?:large\s+)?(?:number|majority)\s+of)\s+"
    r"(?:of\s+(?P<whose>\w+)\s+)?(?:[\w-]+\s+){0,3}?" + _WORK_CLASS + r"\b", re.IGNORECASE)

_OWN_QUANTIFIED = {"our", "my", "this"}  # "these" may point back to works just listed

_JA_QUANTIFIED_WORKS = re.compile(
    r"(?:多くの|ほとんどの|大半の|大多数の|いくつかの|幾つかの|様々な|さまざまな|数多くの|多数の|一般的な)[^。、]{0,12}?"
    r"(?:データセット|プロジェクト|モデル|コーパス|ライブラリ|ソフトウェア|パッケージ|リポジトリ|作品|オープンソース|OSS|"
    r"LLM|言語モデル|サイト|企業|開発者|論文|自治体|団体|機関|組織|大学|政府|省庁|官公庁|事業者|ユーザー|研究者|作者|著者|"
    r"出版社|人)")

# "Most Japanese corpora, including ours, are ...": the work is among them
_OWN_AMONG = re.compile(STRONG_OWN.pattern + r"|\bours\b|\bincluding\s+(?:this|these|our)\b", re.IGNORECASE)

def _quantified_works(before: str) -> bool:
    """Whether the clause a license name ends sits in has a quantified class of works as subject."""
    before = before[-CLAUSE_REACH:]
    pattern, own = (_JA_QUANTIFIED_WORKS, _OWN_JA_STRONG) if JA_SCRIPT.search(before) else (_QUANTIFIED_WORKS, _OWN_AMONG)
    last = None
    for last in pattern.finditer(before):
        pass
    if last is None or (last.groupdict().get("whose") or "").lower() in _OWN_QUANTIFIED:
        return False
    return not own.search(before[last.start():])

# A condition: "If the dataset is under CC BY-NC or another non-commercial license, say so": a
# license the sentence supposes, not one it grants.
_SUPPOSED = re.compile(r"\b(?:if|whether|in\s+case|should)\b[^.;:]{0,60}?(?<!which )(?<!that )\b(?:is|are|was|were|be|comes?)\s+"
                       r"(?:(?:licen[cs]ed|released|distributed|published|shared|available)\s+)?under\s+(?:the\s+|an?\s+)?$",
                       re.IGNORECASE)

# A subject no reader can point to: "a package whose metadata says "MIT" ... is listed under MIT",
# "if a repository's README says ...", "Packages tagged ... are grouped under ...": any work of a
# kind (a help page, a FAQ, a changelog of a tool), never this one. Not "this is a library that ...".
_ANY_WORK = (r"(?:package|repository|repo|project|dataset|model|library|file|badge|page|work|module|crate|card|"
             r"readme|upload|entry|item|record|listing|app|tool|component|dependency)")

_INDEFINITE_SUBJECT = re.compile(
    r"(?:^|[^\w\s]\s*|\b(?:if|when|whenever|so|and|but|while|because|since|unless|where)\s+)"
    r"(?:(?:a|an|any|each|every)\s+(?:[\w-]+\s+){0,2}?" + _ANY_WORK + r"|" + WORKS_OF_A_KIND + ")"
    r"(?:['’]s\s+[\w-]+)?\s+(?:whose|that|which|with|without|tagged|marked|labell?ed|says?|reads?|declares?|states?|lists?)\b",
    re.IGNORECASE)

# The work's own files sorted by whether they carry terms of their own ("files without a license
# header are released under MIT", "every file that has no header of its own", "all other code"):
# a scope of the work's grant, not a rule about any package.
_OWN_FILES_SPLIT = re.compile(
    r"\b(?:files?|modules?|sources?|directories|folders|components?)\b[^.;]{0,40}?\b(?:without|lacking|with\s+no|ha(?:s|ve)\s+no)\s+"
    r"(?:an?\s+|their\s+|its\s+)?(?:own\s+)?(?:licen[cs]e\s+|copyright\s+|SPDX\s+)?(?:headers?|notices?|licen[cs]e\s+files?)\b"
    r"|\b(?:header|notice|LICENSE\s+file|licen[cs]e\s+file|licen[cs]e)\s+of\s+(?:its|their)\s+own\b"
    r"|\ball\s+other\s+(?:code|files|sources|modules)\b", re.IGNORECASE)

_OWN_TALK_NOUN = re.compile(r"\b(?:this|our)\s+(?:[\w-]+\s+)?(?:guide|overview|comparison|primer)\b", re.IGNORECASE)

_PART_SUBJECT = re.compile(r"^\W*(?P<subject>[^.;:?]{1,100}?)\s+(?:is|are)\s+(?:(?:also|now)\s+)?(?:licen[cs]ed|shared|"
                           r"released|distributed|provided|published|made\s+available|available)\s+under\s+(?:the\s+)?"
                           r"(?:terms\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)
_PART_WORDS = re.compile(r"(?:^|[\s(`])[\w.-]+/(?:[\w.-]+/)*`?(?=[\s,)`]|$)|\b(?:column|field|split)s?\b", re.IGNORECASE)

# the clause that gives the license, its subject the work: "it is distributed under the"
_OWN_CLAUSE_END = re.compile(r"\b(?:it|this\s+[\w-]+|these\s+[\w-]+)\s+(?:is|are)\s+(?:also\s+)?(?:licen[cs]ed|released|"
                             r"distributed|available|provided|published|made\s+available)\s+(?:\w+\s+){0,2}?under\s+"
                             r"(?:the\s+)?(?:terms\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)

def _talk(sentence: str, found: list[Mention]) -> bool:
    before = sentence[:found[0].start]
    if _SUPPOSED.search(before):
        return True
    if _comparison_row(sentence):
        return True
    if _GENERIC_SUBJECT.search(before) or _GENERIC_UNDER.match(before) and _MODAL_AFTER.match(sentence[found[0].end:]):
        return True
    if _INDEFINITE_SUBJECT.search(before[-CLAUSE_REACH:]) and not STRONG_OWN.search(before) and \
            not _OWN_FILES_SPLIT.search(sentence):
        return True
    if not before.strip(" -*•・>\"'“「") and _CLASS_AFTER.match(sentence[found[0].end:]) and \
            not (STRONG_OWN.search(sentence) or re.search(r"\b(?:our|we)\b", sentence, re.IGNORECASE)):
        return True
    if reported(sentence, found) == "example" or any(_EXAMPLE_AFTER.match(sentence[m.end:]) for m in found):
        return True
    if JA_SCRIPT.search(sentence) and _definition(sentence, found):
        return True
    talk = _JA_TALK if JA_SCRIPT.search(sentence) else _EN_TALK
    # 「MIT または Apache-2.0 のいずれかを選択してご利用いただけます」: a sentence that opens with the
    # licenses it offers as a choice offers them to the licensee, as one with the work as subject does
    offered = bool(JA_SCRIPT.search(sentence) and DUAL.search(sentence) and not before.strip(" -*•・>\"'“「"))
    if JA_SCRIPT.search(sentence) and (STRONG_OWN.search(before) or offered):
        # 「本データセットには…適用されます」「本サイトのコンテンツについては…」: the work is the topic;
        # 「本クレートは A または B のいずれかを選択して」: a choice offered to the licensee, not advice
        talk = _JA_TALK_CHOICE if DUAL.search(sentence) else _JA_TALK_OWN
        # 「ウィキペディアの記事とは異なり、本データは CC0 で提供します」: a cue before the work as
        # subject belongs to the clause about that other thing
        before = before[STRONG_OWN.search(before).start():] if STRONG_OWN.search(before) else before
    elif (own_clause := _OWN_CLAUSE_END.search(before)) and _WE.search(before):
        # "..., and like most of our lab's software it is distributed under the": the cue belongs to
        # the clause before the one whose subject (the work) the license is given to
        before = before[own_clause.start():]
    # 「解説文書（docs/）：CC BY 4.0」: a label naming a part of the work, whatever words its name has
    labelled = JA_SCRIPT.search(before) and re.fullmatch(r"[^:：。.!?？]{1,40}[:：]\s*", before)
    # "This guide is licensed under ...": a talk noun that names this work is the work, not a cue
    before = _OWN_TALK_NOUN.sub(" ", before)
    # "The user guide under docs/ is licensed under", "The `question` column is shared under": a part
    # of this repository or data set as the subject; its words ("guide", "question") name that part
    if (part := _PART_SUBJECT.match(before)) and _PART_WORDS.search(part.group("subject")):
        before = before[part.end("subject"):]
    if not labelled and talk.search(before) or "?" in sentence or "？" in sentence:
        return True
    if JA_SCRIPT.search(sentence) and (_JA_TALK_CHOICE if DUAL.search(sentence) and (STRONG_OWN.search(before) or offered)
                                 else _JA_TALK_AVAILABLE if STRONG_OWN.search(before)
                                 else _JA_TALK).search(sentence[found[-1].end:]):
        return True
    if _CLASS_OF_LICENSES.search(sentence[found[-1].end:]):
        return True  # "the GPL, AGPL or other copyleft licenses": a kind of license, named by examples
    if len({m.expression for m in found}) >= 3 and not DUAL.search(sentence):
        return True  # a list of three or more licenses is a catalogue, not a grant
    return bool(_EN_TALK_AFTER.search(sentence[found[0].end:])) and not _EN_GRANT.search(before)

_ROW = re.compile(r"^\s*licen[cs]e\s*\(([^)]*)\)\s*:", re.IGNORECASE)
