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

import bisect
import re
from dataclasses import dataclass, replace

from curation.licenses.choice_partners import with_choice_partners
from curation.licenses.comparison import changes_terms, compares, describes_a_license, of_terms
from curation.licenses.copyright_line import copyright_license_lines
from curation.licenses.deliberation import record_kind, record_lines
from curation.licenses.german import german_grant
from curation.licenses.names import NO_SUCH_VERSION, Mention, mentions, model_terms, names_exception
from curation.licenses.public_domain import PUBLIC_DOMAIN, dedication
from curation.licenses.secondary import SECONDARY
from curation.licenses.secondary import refuses_secondary as refuses
from curation.licenses.text import Line


@dataclass(frozen=True)
class Statement:
    """One piece of evidence inside a text.

    kind: header | spdx_tag | license_text | notice | grant | field | heading | short_file;
    role: own (the work) | upstream (material the work came from);
    scope: code | data | docs | model | None (the whole work);
    rule: the pattern or ScanCode rule behind it; hint: for a LicenseRef-Custom-, the SPDX
    license the terms are based on."""

    expression: str
    kind: str
    role: str
    scope: str | None
    first_line: int
    last_line: int
    text: str
    rule: str
    score: float = 1.0
    hint: str | None = None

    def where(self) -> str:
        return f"line {self.first_line}" + (f"-{self.last_line}" if self.last_line != self.first_line else "")


@dataclass(frozen=True)
class Remark:
    """A sentence that names a license and was not counted, or that changes the terms."""

    first_line: int
    text: str
    why: str  # talk | mention | other_work | history | custom | restriction | choice | commercial_ok | third_party
    role: str = "own"  # own | upstream: a remark in upstream or quoted material never changes the work's terms
    last_line: int = 0
    hint: str | None = None  # no_such_version: the one version the list holds, for the reviewer


_EN_GRANT = re.compile(
    r"\b(?:licen[cs]ed|re-?licen[cs]ed|released|distributed|available|provided|published|offered|shared|"
    r"made\s+available|dedicated|placed|covered|governed|copyrighted|open[- ]sourced)\b[^.;]{0,60}?\b(?:under|to|by|with)\b"
    r"|\bunder\s+(?:the\s+)?(?:terms|conditions)\s+of\b|\bsubject\s+to\s+the\b|\b[\w.-]+[- ]licen[cs]ed\b"
    r"|\b(?:we|I)\s+(?:release|license|distribute|provide|publish|share|dedicate|make)\b"
    r"|\buse[sd]?\s+the\b[^.]{0,40}\blicen[cs]e\b|\blicen[cs]e\s*(?:is|:)|\bunder\s+(?:an?\s+|the\s+)?\S"
    r"|\b(?:as\s+)?permitted\s+by\b|\bin\s+accordance\s+with\b"
    r"|\b(?:keep|retain|include|preserve)\b[^.]{0,80}\blicen[cs]e\s+(?:text|notice|file)\b"
    # parts under their own terms: "images ... carry their own CC BY-NC licenses", "remain under"
    r"|\b(?:carr(?:y|ies)|keeps?|retains?)\s+(?:their|its)\s+(?:own\s+|original\s+|upstream\s+)*\S|\bremains?\s+under\b",
    re.IGNORECASE)
# "You may use, copy, modify and distribute it under the MIT License": permission given to the
# reader over the work (its object), tied to a named license. Not "you can use the MIT license".
_ACTS = r"(?:use|copying|modification|redistribution|distribution|reuse)"
_EN_PERMIT = re.compile(
    r"\b(?:you|anyone|everyone|users?|others)\s+(?:are\s+|is\s+)?(?:(?:free|welcome|allowed|permitted)\s+to|may|can)"
    # "you can take X under either ...": receiving the work is being granted it
    r"\s+(?:freely\s+)?(?:use|copy|modify|change|share|distribute|redistribute|adapt|reuse|take|obtain|receive)\b(?!\s+(?:the|a|any)\s+[^.]{0,30}licen)"
    # the object is this work, not a class of works ("users can use software under the GPL")
    r"(?![\w\s,]*?\b(?:and|or)?\s*(?:any\s+|all\s+|other\s+)?(?:software|works|content|material|programs|libraries|"
    r"projects|anything|code\s+(?:licensed|released))\b\s+(?:under|licensed|released|that|which))"
    r"|\bfeel\s+free\s+to\s+(?:use|copy|modify|change|share|distribute|redistribute|adapt|reuse)\b"
    # the act as the subject: "Redistribution is permitted under ...", "Use and redistribution are
    # allowed under ..."; the work as a pronoun: "It may be redistributed under ..."
    r"|^\W*" + _ACTS + r"(?:(?:\s*,\s*|\s+and/or\s+|\s+and\s+|\s+or\s+)" + _ACTS + r")*\s+"
    r"(?:in\s+source\s+and\s+binary\s+forms?\s+)?(?:of\s+(?:this|these|the)\s+[\w-]+\s+)?(?:is|are)\s+(?:hereby\s+)?"
    r"(?:permitted|allowed|granted)\s+under\b"
    r"|^\W*(?:it|they)\s+may\s+(?:freely\s+)?be\s+(?:freely\s+)?(?:used|copied|modified|shared|distributed|redistributed)\b"
    # "you get the same freedom through CC0": the freedom just given, by another route
    r"|\b(?:you|anyone|everyone|users?)\s+(?:get|gets|receive|receives|have|has|keep|keeps)\s+the\s+same\s+"
    r"(?:freedoms?|rights?|permissions?)\b", re.IGNORECASE)
_JA_PERMIT = re.compile(r"(?:利用|使用|使い|複製|改変|再配布|配布|商用利用|再利用)(?:\s*[・、,]\s*(?:利用|使用|複製|改変|再配布|配布|商用利用|再利用))*"
                        r"\s*(?:する(?:こと)?が)?(?:でき|可能|していただけ|いただけ|して(?:も)?(?:構い|かまい|いただ|ください))")
_JA_GRANT = re.compile(r"提供|公開|配布|頒布|許諾|適用|準拠|従(?:い|って|う)|基づ|ライセンスされ|ライセンスします|"
                       r"利用(?:でき|可能|いただけ|が可能)|使用(?:でき|可能)|の(?:下|もと)|で(?:す|あり)|とします")
# The one condition of a permission given in the project's own words: credit the source. "You may
# reuse these notes for any purpose as long as you credit the author", 「出典を記載すれば自由に
# お使いいただけます」: a license with no name, closest to CC BY 4.0, that a person reads.
_ATTRIBUTION = re.compile(r"\b(?:credit(?:s|ed|ing)?|attribut(?:e|ed|es|ing|ion)|cit(?:e|ed|ing)|acknowledg(?:e|es|ed|ing|ement))\b|"
                          r"(?:出典|出所|クレジット|著作者名?|作者名?|氏名|帰属|著作権者)[^。]{0,20}?(?:記載|表示|明記|明示|記し)",
                          re.IGNORECASE)
ATTRIBUTION_ONLY = "LicenseRef-Custom-CC-BY-4.0"
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
# A how-to's lead to the text a reader copies into each file ("To add a license header, copy the
# following line to the top of each new file:", 「各ファイルの先頭に次のヘッダーを追加してください：」):
# the paragraph after it is that text, an example to write, not the work's own statement. Only with
# a verb of copying (`_COPY_VERB`): "The following license applies to all files:" leads a grant.
_COPY_VERB = re.compile(r"\b(?:copy|paste|add|insert|prepend|put|place|include|write)\b|追加|追記|記載|記述|貼り付け|"
                        r"コピー|入れ|付け", re.IGNORECASE)
_COPY_LEAD = re.compile(r"(?:\b(?:header|boilerplate)\b|\b(?:top|head|start)\s+of\s+(?:each|every|your|all)\b|"
                        r"\b(?:each|every|all)\s+(?:new\s+)?(?:source\s+)?files?\b|ヘッダ|各ファイル|ファイルの(?:先頭|冒頭))"
                        r"[^.。]*(?:[:：]|(?:以下|次)[^。]*ください。?)\s*$", re.IGNORECASE)
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
_STRONG_OWN = re.compile(
    r"\b(?:this|these|our)\s+(?!licen)(?:[\w-]+\s+){0,2}?(?:dataset|data|corpus|repository|repo|project|software|code|"
    r"library|package|model|weights|work|site|website|tool|documentation|guide|handbook|book)\b|\bwe\s+(?:\w+\s+)?(?:release|license|"
    r"distribute|provide|publish|share)|(?<!日)(?<!資)(?<!基)(?<!見)(?<!絵)(?<!原)本(?!文|来|当|格|物|人|日|体|気|質|番|名|社員)|当(?!該)|この(?!ライセンス)|これら|弊社|当社|私たち|我々", re.IGNORECASE)

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
_OWN_EN = re.compile(
    # a possessive may stand in the subject ("the toolkit's source code")
    r"\b(?:this|these|our|its|the|all(?:\s+the)?)\s+(?:[\w'’-]+\s+){0,3}?(?:work|works|dataset|datasets|data|corpus|"
    r"corpora|repository|repo|project|software|code|library|package|model|models|weights|documentation|docs|documents?|"
    r"contents?|site|website|page|text|texts|materials?|files?|annotations?|images?|translations?|collection|"
    r"benchmark|resources?|release|program|book|articles?|records|notes|card|scripts?|examples|source)\b"
    r"|\b(?:this|these|our)\s+(?!licen[cs]e)[\w-]+"
    r"|\b(?:we|I)\s+(?:\w+\s+)?(?:release|license|distribute|provide|publish|share|dedicate|make|offer|keep)\b"
    r"|\b(?:it|everything(?:\s+(?:here|else))?|all)\s+(?:is|are)\b|^\s*(?:dual(?:ly)?[- ])?(?:licen[cs]ed|released|distributed|available|provided|published|"
    r"made\s+available|copyright|dedicated|shared)\b|^\s*(?:the\s+)?[\w.-]+\s+(?:is|are)\s+(?:licen[cs]ed|released|"
    r"distributed|available|provided|published|dual[- ]licensed)\b|\bunless\s+otherwise\s+(?:noted|stated)"
    # "rivet may be used under ...": the work by its name, permitted uses as the predicate
    r"|^\s*(?:the\s+)?[\w.-]+\s+uses\s+the\s+(?:[\w.-]+\s+){0,3}?licen[cs]e\b"
    r"|^\s*(?:the\s+)?[\w.-]+\s+(?:may|can)\s+(?:freely\s+)?be\s+(?:freely\s+)?(?:used|copied|modified|distributed|redistributed|shared)\b"
    # the bulk of the work, the rest carved out after: "Most of Pipewren is under the BSD 3-Clause license"
    r"|^\W*(?:most|much|the\s+(?:rest|bulk|majority))\s+of\s+(?:the\s+)?[\w.-]+\s+(?:is|are)\b"
    # a relicensing's present: "Starting with Lumen 4.0, released today, Lumen is licensed under ..."
    r"|^\W*(?:starting|beginning)\s+(?:with|from)\s+[^,]{1,40},\s*(?:[^,]{1,30},\s*)?(?:the\s+)?[\w.-]+\s+(?:is|are)\s+"
    r"(?:now\s+)?(?:licen[cs]ed|released|distributed|available|provided|published)\b"
    # a folder of this repository named as the subject ("The fonts (font/, svg/) are under ...",
    # "the src/codec/ directory")
    r"|(?:^|[\s(,])[\w.-]+/(?:[\w.-]+/)*(?=[\s,)]|$)",
    re.IGNORECASE)
# A Japanese grant needs a work as its subject: 本/この/当 ..., a part of the work as topic
# (「コードは」「データは」), the license field as topic (「ライセンスは」). 「X は…です」 with the
# license as its topic is a definition of that license (talk), not a grant.
# After the work as topic, には/について/場合に introduce the work's terms, not talk about licenses.
# 「当コーパスは CC BY 4.0 で利用可能です」: with the work as topic, 可能です is the grant, not a license's description.
_JA_TALK_OWN = _ja_talk(*_JA_TOPIC_CUES, _JA_AVAILABLE)
_JA_TALK_CHOICE = _ja_talk(*_JA_TOPIC_CUES, _JA_AVAILABLE, *_JA_CHOICE_CUES)
_JA_TALK_AVAILABLE = _ja_talk(_JA_AVAILABLE)
_OWN_JA = re.compile(r"(?<!日)(?<!資)(?<!基)(?<!見)(?<!絵)(?<!原)本(?!文|来|当|格|物|人|日|体|気|質|番|名|社員)|当(?!該)|この(?!ライセンス)|これら|こちら|弊社|当社|私たち|我々|以下の|すべての|全ての|"
                     r"(?:ライセンス|利用条件|利用規約)\s*(?:は|[:：])|"
                     r"(?:コード|プログラム|ソフトウェア|スクリプト|ツール|データ(?:セット)?|ドキュメント|モデル|重み|画像|"
                     r"ファイル|コンテンツ|テキスト|コーパス|リポジトリ|プロジェクト|ライブラリ|記事|本文|音声|写真)"
                     r"(?:\s*[（(][^)）]*[)）])?\s*(?:は|も|を|について)")
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
# A carve-out: "MIT, except data/, which is CC BY-NC", 「ただし data/ は…」, 「画像を除き」.
_EXCEPT = re.compile(r"\bexcept(?:ing)?\b(?!\s+(?:as|where|when|if|that|for\s+the\s+(?:limited|purpose)))|\bexcluding\b|"
                     r"\bwith\s+the\s+exception\s+of\b|\bother\s+than\b|\bapart\s+from\b|ただし|但し|を除(?:き|いて|く)|以外",
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
_OWN_AGAIN = re.compile(r"\b(?:and|but)\s+(?:is|are|itself)\b|\bthis\s+(?:dataset|work|corpus|derivative)\b|"
                        r"\bour\b|\bwe\b|本データ|本データセット|本コーパス", re.IGNORECASE)
_PART = re.compile(r"^\W*(?:some|portions?|parts?|certain)\b|\b(?:some|portions?|parts?)\s+of\b|一部", re.IGNORECASE)
_PARTS = re.compile(r"\b(?:third[- ]party|portions?|parts?\s+of|some\s+of)\b|第三者|一部", re.IGNORECASE)
# After a name, terms said to be like the license, not the license ("CC0 相当", 「CC BY 互換の利用規約」):
# the author's own terms, whose closest license is the one named.
_CUSTOM_AFTER = re.compile(r"^\s*(?:ライセンス)?\s*(?:相当|互換|ライク|並み|-?like\b|-?equivalent\b)", re.IGNORECASE)
_ADDED_TERMS = re.compile(
    r"\bwith\s+the\s+following\s+(?:exceptions?|modifications?|additional|additions?|restrictions?|changes?|amendments?)"
    r"|\badditional\s+(?:terms|restrictions?|conditions?|clauses?)\b|\bexcept\s+that\b|\bCommons\s+Clause\b"
    r"|\bmodified\s+(?:version\s+of\s+)?(?:the|this|our)\s+(?:licen[cs]e|terms)\b|\bwith\s+(?:an?\s+|one\s+|two\s+|\d+\s+)?(?:added|additional|extra|new)\s+(?:restrictions?|clauses?|conditions?|sections?|terms)\b"
    # 「そのアプリケーション独自のライセンス」 is another thing's own license (an LGPL's linking permission);
    # 「本プロジェクト独自のライセンス」「独自ライセンス」 the work's own terms
    r"|追加(?:の)?(?:条項|条件|制限)|(?:以下|次)の(?:変更|制限|条件|条項)を(?:加え|追加)|(?<![ァ-ヶー])独自(?:の)?(?:ライセンス|利用規約|規約)|(?:本|当|弊社|当社)[^。、]{0,12}?独自(?:の)?(?:ライセンス|利用規約|規約)|改変した(?:ライセンス|規約)",
    re.IGNORECASE)
_COMMERCIAL_OK = re.compile(
    r"\bfree\s+for\s+commercial\s+use\b|\bcommercial\s+use\s+(?:is\s+)?(?:permitted|allowed|ok)\b|"
    r"\bmay\s+be\s+used\s+commercially\b|商用利用(?:も|は)?(?:可|可能|できます|OK)|商用可", re.IGNORECASE)
# Riders that exist to change a license whatever the sentence around them says.
_CLAUSE = re.compile(r"\bCommons\s+Clause\b", re.IGNORECASE)
_NONCOMMERCIAL = re.compile(
    r"\bnon[- ]?commercial\s+(?:use|purposes?|research)\s+only\b|\bfor\s+(?:any\s+|a\s+)?non[- ]?commercial\s+"
    r"(?:(?:scientific|academic|scholarly|personal|private|internal)\s+)?(?:use|purposes?|research|"
    r"research\s+and\s+\w+|teaching|education|study|studies)\b|"
    # "any commercial use, including ..., is not allowed": the verdict may come after a long subject
    r"\b(?:any|all)\s+commercial\s+(?:use|usage|purposes?|exploitation)\b[^.;]{0,100}?\b(?:is|are)\s+(?:not\s+(?:permitted|"
    r"allowed)|prohibited|forbidden)\b|"
    r"\bnot\s+(?:be\s+used\s+)?for\s+commercial\b|\bno\s+commercial\s+use\b|"
    # selling it is commerce: "Selling them, or bundling them into a paid app, is not allowed" (a
    # rider "shall not be resold as part of a paid service" restricts one use: custom terms, no NC)
    r"\b(?:sell(?:ing)?|resell(?:ing)?|monetiz(?:e|ing)|paid\s+(?:products?|apps?|services?))\b[^.;]{0,100}?"
    r"\b(?:is|are)\s+(?:not\s+(?:permitted|allowed)|prohibited|forbidden)\b|"
    r"(?:営利|商用)(?:を)?目的と(?:した|する)(?:利用|使用)(?:\s*[（(][^)）]{0,80}[)）])?\s*(?:は|を)?(?:禁止|できません|不可|禁じ|お断り|ご遠慮)|"
    r"(?:営利|商用)(?:目的)?(?:利用|使用)?\s*(?:不可|禁止)|"
    r"\b(?:do\s+not|don't|never)\s+use\b[^.;]{0,60}?\bcommercial(?:ly)?\b|"
    r"\bcommercial\s+(?:use|purposes?)\s+(?:is|are)\s+(?:not\s+(?:permitted|allowed)|prohibited|forbidden)|"
    r"\b(?:may|must|shall)\s+not\s+(?:be\s+)?use[d]?\s+[^.]{0,90}commercial|"
    # "may not be sold, rented, or used in any commercial activity": a list of uses, commerce among them
    r"\b(?:may|must|shall)\s+not\s+be\s+(?:sold|resold|rented|leased|licensed)\b[^.;]{0,100}?"
    r"\bcommercial\s+(?:activit(?:y|ies)|use|purposes?|settings?|products?|services?)\b|\b(?:academic|research)\s+(?:use|purposes?)\s+only\b|"
    # "for academic research only", "for research and teaching purposes only": a purpose that leaves commerce out
    r"\bfor\s+(?:academic|research|scholarly|educational|teaching|study|non[- ]?profit)\b[\w\s,-]{0,30}?\bonly\b|"
    r"\b(?:restricted|limited|confined)\s+to\s+(?:non[- ]?commercial|academic|research|educational|non[- ]?profit)\b|"
    # "commercial use requires a separate license": commerce is not granted here
    r"\bcommercial\s+(?:use|usage|purposes?|licen[cs]ing|applications?)\b[^.;]{0,120}?\brequires?\b[^.;]{0,40}?"
    r"\b(?:separate|written|prior|additional|commercial|explicit)\b|"
    r"商用利用(?:は)?(?:不可|禁止|できません|を禁止|を禁じ)|商用(?:目的)?での(?:利用|使用)(?:は|を)?(?:禁止|できません|不可|禁じ)|"
    r"(?:営利|商用)(?:目的)?(?:での|の)?(?:利用|使用)(?:は|を)?(?:禁止|できません|不可|禁じ|お断り|ご遠慮|認めません|認めていません)|"
    r"非営利(?:目的)?(?:に限|でのみ|のみ)|"
    # 「研究・教育の目的に限り」「学術研究目的に限って」: a purpose that leaves commerce out
    r"(?:研究|教育|学術|非営利)[^。、]{0,8}?(?:目的|用途)(?:に限|でのみ|のみ|であれば|の場合に限|"
    r"以外(?:で|に)の(?:利用|使用)(?:は|を)?(?:禁|でき|不可))|"
    # 「商用利用には別途許諾が必要です」: commerce is not granted here
    r"(?:商用|営利)(?:目的)?(?:での|の)?(?:利用|使用)(?:に|の場合)は?[^。]{0,10}?(?:別途|事前の?)[^。]{0,10}?(?:許諾|契約|許可|承諾)|"
    r"学術(?:目的|研究)(?:に限|でのみ|のみ)|"
    # free for some, paid for business: "use by a for-profit company requires a paid license", "if you
    # use it for a business, you need to buy a license", "commercial use requires a license agreement
    # with ...", 「企業での利用には有償ライセンスが必要」; free only for a non-commercial class of users
    r"\b(?:commercial|business|for-profit|corporate|enterprise)\b[^.;]{0,120}?\b(?:requires?|needs?|must\s+(?:buy|purchase|pay))\b"
    r"[^.;]{0,40}?\b(?:paid|purchased?|fee|subscription|licen[cs]e\s+(?:agreement|from|with))\b|"
    r"(?:\bif\s+you\s+use\s+(?:it|this|them)\s+)?\b(?:at\s+work|for\s+(?:a\s+|your\s+)?business|commercially|for\s+(?:a\s+)?profit)\b[^.;]{0,60}?\b(?:need|must|have)\s+to\s+"
    r"(?:buy|purchase|pay)\b|"
    r"\bfree\s+(?:of\s+charge\s+)?(?:to\s+use\s+)?for\s+(?:personal|private|non[- ]?commercial|non[- ]?profit|academic|educational|"
    r"hobby|student)\b(?![^.;]{0,40}\b(?:and|or)\s+commercial\b)|"
    r"\b(?:personal|private|non[- ]?commercial|non[- ]?profit|academic|educational)\s+use\b[^.;]{0,30}?\b(?:is|are)\s+free\b|"
    r"(?:企業|法人|業務|商用|営利)[^。]{0,20}?(?:利用|使用)[^。]{0,10}?(?:有償|有料)[^。]{0,12}?(?:ライセンス|契約|購入)", re.IGNORECASE)
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
# "or", and "or, if you prefer, under the terms of the": the licensee's choice either way
_OR = re.compile(r"^\s*[,、]?\s*(?:or|または|又は|もしくは|若しくは|and/or|/)\s*,?\s*"
                 r"(?:(?:if\s+you\s+(?:prefer|wish|like|choose)|at\s+your\s+(?:option|choice)|alternatively)\s*,?\s*)?"
                 r"(?:under\s+(?:the\s+terms\s+of\s+)?)?(?:the\s+)?$", re.IGNORECASE)
# "or (at your option) any later version" is a GNU license's own version clause, not dual licensing
# "Alternatively, this file may be distributed under ...": a second license offered beside the first
_DUAL = re.compile(r"\bdual(?:ly)?[- ]licen[cs](?:ed|ing|es?)\b|\byour\s+choice\s+of\b|デュアル\s*ライセンス|二重ライセンス|"
                   r"^\W*alternatively\b|"
                   r"ダブル\s*ライセンス|\beither\b(?!\s+version)|\bat\s+your\s+(?:option|choice)\b(?![)\s]*any\s+later)|\bchoose\s+(?:either|between)|"
                   r"いずれか|どちらか|選択でき(?!ません|ない)|選べ(?!ません|ない)|選んで|"
                   # 「A または B を選択して利用できます」: the choice given with the permission
                   r"選択して\s*(?:ご|お)?(?:利用|使用|使)", re.IGNORECASE)
_JA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_PARTS_NOUN = r"(?:files?|director(?:y|ies)|folders?|components?|parts?|modules?|paths?|sub-?director(?:y|ies)|packages?)"
_BY_PART = re.compile(r"\bdepending\s+on\s+(?:the\s+|each\s+)?" + _PARTS_NOUN + r"\b|\b(?:var(?:y|ies)|differs?)\s+(?:by|per|from)\s+"
                      r"(?:one\s+)?" + _PARTS_NOUN + r"\b|(?:ファイル|ディレクトリ|フォルダ|コンポーネント|部分|モジュール)"
                      r"(?:によって|により|ごとに|毎に)", re.IGNORECASE)
# a sentence that announces a list after it (「次の」「以下の」, "the following", a closing colon)
_LIST_LEAD = re.compile(r"次の|以下の|下記の|\bfollowing\b|\bbelow\b|[:：]\s*$", re.IGNORECASE)
# the one who picks is the author or depositor (a repository's rules, an upload form): a list of the
# licenses a work may be given, not a choice offered to the licensee
_AUTHOR_CHOOSES = re.compile(r"登録者|投稿者|著者|作成者|提供者|申請者|出品者|\b(?:authors?|depositors?|uploaders?|contributors?|"
                             r"submitters?|publishers?|creators?|owners?)\b", re.IGNORECASE)
CHOICE_LIST_REACH = 6  # lines after a choice's lead where the licenses it offers stand
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
                talk = bool(_TALK_HEADING.search(heading)) and not _STRONG_OWN.search(heading) \
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


_OWN_JA_STRONG = re.compile(r"(?<!日)(?<!資)(?<!基)(?<!見)(?<!絵)(?<!原)本(?!文|来|当|格|物|人|日|体|気|質|番|名|社員)|当(?!該)|この|これら|弊社|当社")


def _general_talk(sentence: str) -> bool:
    """Talk about licenses in general: a question, a note on other material, a how-to."""
    if "?" in sentence or "？" in sentence:
        return True
    talk = _JA_TALK if _JA.search(sentence) else _EN_TALK
    return bool(talk.search(sentence)) and not re.search(r"\bthis\b|\bthese\b|\bour\b|本|当|この(?!ライセンス)", sentence, re.I) \
        or bool(re.search(r"\b(?:CC|Creative\s+Commons)[\w\s-]*\s+(?:data|material|content|works?)\b", sentence))


# "Software licensed under GPL-3.0 must ...": a class of works as the subject, not this work.
_GENERIC_SUBJECT = re.compile(
    r"^\W*(?:any\s+|all\s+)?(?:software|code|works?|content|material|data|programs?|libraries|datasets?|"
    r"files|images|texts?|components?|dependencies|contributions?)\s+(?:that\s+(?:is|are)\s+|which\s+(?:is|are)\s+)?"
    r"(?:licensed|released|distributed|published|available|covered)\s+under", re.IGNORECASE)


# "Software under the GPL must ship its source": the same, with no verb, where a modal or a
# description follows the name ("Data under CC BY 4.0, code under MIT" is a grant, and stays one).
_GENERIC_UNDER = re.compile(r"^\W*(?:any\s+|all\s+)?(?:software|code|works?|content|material|data|programs?|libraries|"
                            r"datasets?|projects|files|images|texts?)\s+under\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)
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
        if not (_NONCOMMERCIAL.search(inner) or _ADDED_TERMS.search(inner)):
            continue
        lead, tail = sentence[max(0, q.start() - 30):q.start()], sentence[q.end():q.end() + 20]
        if _LABEL_TAIL.match(tail) or _LABEL_LEAD.search(lead):
            kinds.add("label")
        elif _QUOTE_REPORT_LEAD.search(lead) or _QUOTE_REPORT_TAIL.match(tail):
            outside = sentence[:q.start()] + sentence[q.end():]
            return not (_NONCOMMERCIAL.search(outside) or _ADDED_TERMS.search(outside))
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
_OWN_AMONG = re.compile(_STRONG_OWN.pattern + r"|\bours\b|\bincluding\s+(?:this|these|our)\b", re.IGNORECASE)


def _quantified_works(before: str) -> bool:
    """Whether the clause a license name ends sits in has a quantified class of works as subject."""
    before = before[-CLAUSE_REACH:]
    pattern, own = (_JA_QUANTIFIED_WORKS, _OWN_JA_STRONG) if _JA.search(before) else (_QUANTIFIED_WORKS, _OWN_AMONG)
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
    r"(?:(?:a|an|any|each|every)\s+(?:[\w-]+\s+){0,2}?" + _ANY_WORK + r"|(?:packages|projects|datasets|models|libraries|repositories|repos|files|entries|items|modules|crates|apps|uploads))"
    r"(?:['’]s\s+[\w-]+)?\s+(?:whose|that|which|with|without|tagged|marked|labell?ed|says?|reads?|declares?|states?|lists?)\b",
    re.IGNORECASE)


_OWN_TALK_NOUN = re.compile(r"\b(?:this|our)\s+(?:[\w-]+\s+)?(?:guide|overview|comparison|primer)\b", re.IGNORECASE)


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
    if _INDEFINITE_SUBJECT.search(before[-CLAUSE_REACH:]) and not _STRONG_OWN.search(before):
        return True
    if not before.strip(" -*•・>\"'“「") and _CLASS_AFTER.match(sentence[found[0].end:]) and \
            not (_STRONG_OWN.search(sentence) or re.search(r"\b(?:our|we)\b", sentence, re.IGNORECASE)):
        return True
    if reported(sentence, found) == "example" or any(_EXAMPLE_AFTER.match(sentence[m.end:]) for m in found):
        return True
    if _JA.search(sentence) and _definition(sentence, found):
        return True
    talk = _JA_TALK if _JA.search(sentence) else _EN_TALK
    # 「MIT または Apache-2.0 のいずれかを選択してご利用いただけます」: a sentence that opens with the
    # licenses it offers as a choice offers them to the licensee, as one with the work as subject does
    offered = bool(_JA.search(sentence) and _DUAL.search(sentence) and not before.strip(" -*•・>\"'“「"))
    if _JA.search(sentence) and (_STRONG_OWN.search(before) or offered):
        # 「本データセットには…適用されます」「本サイトのコンテンツについては…」: the work is the topic;
        # 「本クレートは A または B のいずれかを選択して」: a choice offered to the licensee, not advice
        talk = _JA_TALK_CHOICE if _DUAL.search(sentence) else _JA_TALK_OWN
        # 「ウィキペディアの記事とは異なり、本データは CC0 で提供します」: a cue before the work as
        # subject belongs to the clause about that other thing
        before = before[_STRONG_OWN.search(before).start():] if _STRONG_OWN.search(before) else before
    elif (own_clause := _OWN_CLAUSE_END.search(before)) and _WE.search(before):
        # "..., and like most of our lab's software it is distributed under the": the cue belongs to
        # the clause before the one whose subject (the work) the license is given to
        before = before[own_clause.start():]
    # 「解説文書（docs/）：CC BY 4.0」: a label naming a part of the work, whatever words its name has
    labelled = _JA.search(before) and re.fullmatch(r"[^:：。.!?？]{1,40}[:：]\s*", before)
    # "This guide is licensed under ...": a talk noun that names this work is the work, not a cue
    before = _OWN_TALK_NOUN.sub(" ", before)
    if not labelled and talk.search(before) or "?" in sentence or "？" in sentence:
        return True
    if _JA.search(sentence) and (_JA_TALK_CHOICE if _DUAL.search(sentence) and (_STRONG_OWN.search(before) or offered)
                                 else _JA_TALK_AVAILABLE if _STRONG_OWN.search(before)
                                 else _JA_TALK).search(sentence[found[-1].end:]):
        return True
    if _CLASS_OF_LICENSES.search(sentence[found[-1].end:]):
        return True  # "the GPL, AGPL or other copyleft licenses": a kind of license, named by examples
    if len({m.expression for m in found}) >= 3 and not _DUAL.search(sentence):
        return True  # a list of three or more licenses is a catalogue, not a grant
    return bool(_EN_TALK_AFTER.search(sentence[found[0].end:])) and not _EN_GRANT.search(before)


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
    if _JA.search(sentence):
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


# A grant withdrawn or refused: "no longer published under", "is not licensed under", 「…では提供されません」.
_NOT_GRANTED = re.compile(r"\b(?:no\s+longer|not|never|no\s+more|n't|ceased?\s+to\s+be)\b[^.;,]{0,40}?"
                          r"\b(?:licen[cs]ed|released|published|distributed|available|provided|offered|shipp?(?:ed)?|under)\b[^.;,]{0,30}$",
                          re.IGNORECASE)
_JA_NOT_GRANTED = re.compile(r"^\s*(?:ライセンス)?\s*(?:で|の(?:下|もと)で)\s*(?:は|も)?\s*(?:公開|提供|配布|頒布|リリース|ライセンス)\s*"
                             r"(?:され|し)?(?:ません|なくな|ない|なかった|ず)")
# Words that put a license in the work's past: "had been under", "originally released under",
# "until version 3", 「以前は」「かつては」「旧ライセンス」 (not 「以前から」「公開当初から」: since then,
# to now). A sentence that holds both a present and a past license states the present one
# ("licensed under X; previously it was under Y").
_HISTORY_MARK = (r"(?:\b(?:had\s+been|originally|formerly|previously|used\s+to\s+be|in\s+the\s+past|"
                 r"until\s+(?:v(?:ersion)?\s*)?\d[\w.]*|before\s+(?:v(?:ersion)?\s*)?\d[\w.]*)\b|"
                 r"以前(?!から)|かつて|旧(?:ライセンス|版|バージョン)|(?:バージョン|v)\s*\d[\w.]*\s*(?:まで|以前))")
_HISTORY = re.compile(_HISTORY_MARK, re.IGNORECASE)
# A license the work left: "we moved away from the GPL", "switched from", "dropped the", 「…から移行」
# (talk, wherever the sentence stands).
_LEFT_LICENSE = re.compile(r"\b(?:moved|moving|switched|switching|migrated|migrating|changed|converted|relicensed)\s+"
                           r"(?:\w+\s+){0,2}?(?:away\s+)?from\s+(?:the\s+|an?\s+)?$|"
                           r"\b(?:dropped|abandoned|left|replaced|ditched)\s+(?:the\s+|an?\s+|its\s+|our\s+)?$", re.IGNORECASE)
_JA_LEFT_LICENSE = re.compile(r"^\s*(?:ライセンス)?\s*(?:から)\s*(?:\S{0,12}?(?:へ|に))?\s*(?:移行|変更|切り替え|乗り換え)")
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


# A license that takes over later: "becomes available under", "converts to" (a Change License).
# "change" and "switch" only intransitive ("changes to the GPL"): "you may change this file under
# the MPL" is a grant to modify.
_LATER_LICENSE = re.compile(r"\b(?:becomes?|will\s+become)\s+(?:automatically\s+)?(?:\w+\s+){0,2}?(?:to|under|into)\s+"
                            r"(?:the\s+)?$|\b(?:converts?|will\s+convert|changes?|switch(?:es)?)\s+(?:automatically\s+)?"
                            r"(?:(?:its|the)\s+licen[cs]e\s+)?(?:to|into)\s+(?:the\s+)?$|"
                            r"\bChange\s+Licen[cs]e\b[^.;]{0,20}$|"
                            # ... or the one it had before: "used to be under", "was formerly licensed under"
                            r"\b(?:used\s+to\s+be|formerly|previously)\b[^.;]{0,40}$", re.IGNORECASE)
_HISTORY_BEFORE = re.compile(_HISTORY_MARK + r"[^.;,。、]{0,40}$", re.IGNORECASE)
# The license of the work's other releases, as the subject: "Existing releases remain available
# under", "Releases up to 3.9 stay under", 「旧バージョンは…」: what earlier versions had, not what
# this text grants (a relicensing notice that names the new license says so in a sentence of its own).
_OTHER_RELEASES = re.compile(
    r"\b(?:existing|earlier|older|previous|prior|past|legacy|former|old)\s+(?:releases?|versions?)\b[^.;]{0,60}$|"
    r"\b(?:releases?|versions?)\s+(?:up\s+to|before|prior\s+to|through|until|older\s+than|below)\s+(?:v(?:ersion)?\s*)?"
    r"\d[\w.]*[^.;]{0,60}$|"
    r"(?:旧|以前の|過去の|これまでの)\s*(?:バージョン|版|リリース)[^。]{0,40}$|"
    r"(?:バージョン|版|v)\s*\d[\w.]*\s*(?:まで|以前|より前)[^。]{0,40}$", re.IGNORECASE)
# Reported speech: "X announced that ...", "the vendor said that ...": what another party says of its work.
_NEWS_REPORT = re.compile(r"\b(?:announced|announces|announcing|said|says|stated|reported|confirmed|revealed|declared|"
                          r"claimed|told\s+\w+)\s+(?:\w+\s+){0,2}?that\b", re.IGNORECASE)
# 「…で公開したと発表した」「…と述べた」: the sentence reports what another party said; with no
# 当社/弊社/私たち (we) as the speaker it is news about another work.
_JA_NEWS_REPORT = re.compile(r"と(?:発表|述べ|明らかに|報じ|伝え|語っ|話し|話す|説明し|公表|発言|表明|コメントし)[^。、]{0,10}[。]?\s*$")
_WE = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
_JA_WE = re.compile(r"当社|弊社|私たち|私ども|我々|わたしたち|われわれ|当(?:チーム|研究室|プロジェクト)")


def _not_given(sentence: str, found: list[Mention]) -> str | None:
    """"talk" where the sentence withdraws or refuses the license ("no longer published under X",
    「X では提供されません」), "other_work" where it reports what another party announced of its
    own work ("the company announced that version 6 ships under X"); None otherwise."""
    before = sentence[:found[0].start]
    if _LATER_LICENSE.search(before[-80:]):
        return "talk"  # the license a release changes to later (BUSL's Change License), or had before
    if _LEFT_LICENSE.search(before[-60:]) or _JA.search(sentence) and _JA_LEFT_LICENSE.match(sentence[found[-1].end:]):
        return "talk"  # a license the work left ("we moved away from the GPL")
    if _HISTORY_BEFORE.search(before[-80:]) and all(_history(sentence, found, i) for i in range(len(found))):
        return "history"  # "originally released under X": with a present license beside it, that one is read
    if len(found) == 1 and _OTHER_RELEASES.search(before[-100:]):
        return "talk"  # the license other releases of the work keep
    if _NOT_GRANTED.search(before[-60:]) or _JA.search(sentence) and _JA_NOT_GRANTED.match(sentence[found[-1].end:]):
        return "talk"
    if _JA.search(sentence):
        return "other_work" if _JA_NEWS_REPORT.search(sentence) and not _JA_WE.search(sentence) else None
    said = _NEWS_REPORT.search(before)
    return "other_work" if said and not _OWN_EN.search(before[:said.start()]) else None


# A grant in French: the work as the subject («Ce logiciel», «Les données», «Ce jeu de données»),
# then a verb of publishing and «sous» right before the license («est distribué sous licence MIT»,
# «sont publiées sous Licence Ouverte 2.0»).
_FR_OWN = re.compile(r"^\W*(?:ce|cet|cette|ces|le\s+présent|la\s+présente|notre|nos|les|le|la|l['’])\s*(?:\w+\s+){0,3}?"
                     r"(?:logiciel|projet|code|programme|bibliothèque|données|jeu\s+de\s+données|corpus|modèle|œuvre|"
                     r"documentation|site|contenus?|dépôt|travail|fichiers?|photo(?:graphie)?s?|images?|cartes?|textes?|"
                     r"ressources?)\s+(?:est|sont|a|ont|sera|seront)\b",
                     re.IGNORECASE)  # the verb right after: «Le logiciel Foo est …» names another work
_FR_GRANT = re.compile(r"\b(?:distribuée?s?|publiée?s?|diffusée?s?|placée?s?|proposée?s?|disponibles?|mise?s?\s+à\s+"
                       r"disposition|fournie?s?|licenciée?s?)\s+(?:\w+\s+){0,2}?sous\s+(?:la\s+|les\s+termes\s+de\s+la\s+)?"
                       r"(?:licence\s+)?\W*$", re.IGNORECASE)


def _history(sentence: str, found: list[Mention], i: int) -> bool:
    """Whether mention `i` names a license the work had: a history word between it and the
    mention before it (or the sentence's start), or right after it ("GPL-3.0 until version 3")."""
    start = found[i - 1].end if i else 0
    end = found[i + 1].start if i + 1 < len(found) else len(sentence)
    clause, after = sentence[start:found[i].start], sentence[found[i].end:end]
    return bool(_HISTORY.search(clause) or re.match(r"[^.;,。、]{0,25}?" + _HISTORY_MARK, after, re.IGNORECASE))


# The license as the subject, the work as the object: "... applies to this repository", "... applies
# to all of the code in this project" (a license that "applies to derivatives" speaks of the license).
_APPLIES_TO_WORK = re.compile(r"^[\s,)]*(?:(?:licen[cs]e|terms)\s+)?(?:also\s+)?appl(?:y|ies)\s+to\s+(?:all\s+(?:of\s+)?|"
                              r"everything\s+in\s+|the\s+(?:whole|entire)\s+|every\s+)?(?:the\s+[\w-]+\s+in\s+)?"
                              r"(?:this|these|our)\s+(?!licen)[\w-]+", re.IGNORECASE)


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
    ja = bool(_JA.search(s.text))
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
        if short_file and (ja or len(before.split()) <= 3 or _OWN_EN.search(before) or _EN_GRANT.search(before)
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


def _role(s: _Sentence, before: str) -> str:
    before = before[-CLAUSE_REACH:]
    if s.in_upstream_section and not _OWN_AGAIN.search(before):
        return "upstream"
    ups = [m.end() for m in _UPSTREAM.finditer(before) if not _PARTS.match(m.group(0))]
    owns = [m.end() for m in _OWN_AGAIN.finditer(before)]
    if ups and (not owns or max(ups) > max(owns)):
        return "upstream"
    return "own"


# A folder of the repository as a statement's subject ("daemon/ is licensed under ..."), nested or
# named as a directory ("the src/codec/ directory:"): that part.
_FOLDER_SUBJECT = re.compile(r"(?:^|[\s(,])([\w.-]+/(?:[\w.-]+/)*)\s*(?:(?:directory|folder|tree)\s+)?(?:is|are|は|:|：)")


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
_LICENSE_WORD = re.compile(r"licen[cs]|\bGPL|\bCC[\s-]?BY|creative\s+commons|copyleft|ライセンス|著作権", re.IGNORECASE)
# "..., the company said.": the sentence reports what another party says
_SAID_AFTER = re.compile(r",\s*(?:[\w-]+\s+){0,4}?(?:said|says|stated|announced|reported|wrote|added)\W*$", re.IGNORECASE)
_CONTINUES = re.compile(r"\b(?:them|it)\b|^\W*(?:however|but|except\s+that|note\s+that|please\s+note)\b|"
                        r"^\W*(?:ただし|但し|なお|ただ、)", re.IGNORECASE)
_LICENSED_ADJECTIVE = re.compile(r"\b[\w.]+[- ]licen[cs]ed\s+(?:[\w-]+\s+){0,2}?[\w-]+", re.IGNORECASE)
_ROW = re.compile(r"^\s*licen[cs]e\s*\(([^)]*)\)\s*:", re.IGNORECASE)
# The first cell of a table row that names a part of this work: a path or file, or the rest of it.
_OWN_ROW = re.compile(r"/|\\|\*|\.\w{1,5}\b|^(?:this|our|the\s+rest|rest|everything|all|other|others|default|"
                      r"remaining|本|当|この|その他|それ以外|残り|全体|上記以外)"
                      # a dataset's splits are its parts ("train | CC BY 4.0", 「評価 | CC BY-NC 4.0」)
                      r"|^(?:train(?:ing)?|dev(?:elopment)?|valid(?:ation)?|test(?:ing)?|eval(?:uation)?|"
                      r"held[- ]?out|(?:\w+\s+)?splits?)\b|^(?:学習|訓練|検証|評価|テスト|開発)(?:用|データ|セット|分割)?",
                      re.IGNORECASE)
_AND = re.compile(r"^\s*(?:AND|&|\+|および|及び)\s*$")
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


def read(lines: list[Line], names: tuple[str, ...] = ()) -> tuple[list[Statement], list[Remark]]:
    """The statements that apply a license, and the remarks (talk, bare mentions, custom terms,
    restrictions) of these plain lines. A remark carries the role of its sentence: custom terms
    or a restriction in upstream or quoted material never change the work's own license. `names`
    are the work's own names besides its first heading (see `work_names`)."""
    names = work_names(lines, names)
    nonblank = [line for line in lines if line.text]
    size = sum(len(line.text.split()) if not _JA.search(line.text) else len(line.text) / 3 for line in nonblank)
    short_file = len(nonblank) <= 3 and size <= 25
    statements: list[Statement] = []
    remarks: list[Remark] = []
    bare: list[tuple[str, int, str, str]] = []  # (heading, line, text, expression) of lines that are a bare name
    unattached: list[Remark] = []  # restrictions with no subject of their own (kept where the work has a grant)
    if nonblank and (title := _title(nonblank[0])):
        statements.append(title)
    previous, previous_own, previous_excluded = None, False, False
    previous_reports = False  # the sentence before reports what another party announced
    previous_part = None  # the part of the work the sentence before named, where it named no license
    previous_no_secondary = False  # the sentence before refused Secondary Licenses
    granted, granted_before = False, False  # this sentence, the one before: granted a named license
    copy_lead, copying = None, None  # a how-to's lead (`_COPY_LEAD`), and the paragraph after it
    footers, footers_read = copyright_license_lines(lines), set()
    choice_lead = None  # a sentence offering a choice of the licenses listed after it
    for s in sentences(lines):
        if s.first_line == s.last_line and (footer := footers.get(s.first_line)) and not s.in_upstream_section:
            # "© 2023 Holder. Apache 2.0": the notice's line names the work's license (copyright_line.py),
            # under a guide's title too (the guide's own notice)
            if s.first_line not in footers_read:
                footers_read.add(s.first_line)
                statements.append(Statement(footer.expression, "grant", "third_party" if s.in_third_party_section
                                            else "own", None, s.first_line, s.last_line,
                                            next(line.text for line in lines if line.number == s.first_line),
                                            f"a copyright line naming a license: {footer.rule}", 0.9, footer.hint))
            continue
        found = with_choice_partners(s.text, mentions(s.text), bool(_DUAL.search(s.text)))
        if any(m.expression == NO_SUCH_VERSION for m in found):
            # "version 2.1 of the GNU General Public License": no GPL has it; a person reads it
            closest = next((m.hint for m in found if m.expression == NO_SUCH_VERSION and m.hint), None)
            remarks.append(Remark(s.first_line, s.text, "no_such_version", last_line=s.last_line, hint=closest))
            found = [m for m in found if m.expression != NO_SUCH_VERSION]
        copying = s if copy_lead and s.heading == copy_lead.heading and s.first_line > copy_lead.last_line and (
            copying is None or copying.last_line >= s.first_line - 1) else None
        copy_lead = s if _COPY_LEAD.search(s.text) and _COPY_VERB.search(s.text) else copy_lead if copying else None
        if copying and found:
            # the text a how-to says to copy into each file: an example to write
            remarks.append(Remark(s.first_line, s.text, "talk", last_line=s.last_line))
            continue
        adjacent = bool(previous and previous.last_line >= s.first_line - 1)
        granted_before, granted = granted, False
        refuses_secondary = refuses(s.text, [(m.start, m.end, m.expression.startswith(("GPL-", "LGPL-", "AGPL-")))
                                             for m in found], adjacent and previous_no_secondary)
        previous_no_secondary = refuses_secondary
        said = reported(s.text, found) if found else None
        sentence_role = "upstream" if said == "report" or s.in_third_party_section or _terms_quoted(s.text) or \
            s.in_upstream_section and not _OWN_AGAIN.search(s.text) else "own"
        terms: list[Remark] = []
        if _INBOUND.search(s.text):
            if found:
                remarks.append(Remark(s.first_line, s.text, "mention", last_line=s.last_line))
            continue
        # "either MIT or Apache 2.0 depending on the file", 「ファイルによって MIT または Apache-2.0」: each
        # license covers its own files, no choice for the licensee: both apply (AND)
        by_part = bool(_BY_PART.search(s.text))
        if _DUAL.search(s.text) and not by_part and not (found and _talk(s.text, found)):
            remarks.append(Remark(s.first_line, s.text, "choice", last_line=s.last_line))
        # 「次のいずれかのライセンスを選んで利用できます。」 / "under either of the following:" then a list
        listed_choice = bool(choice_lead and found and s.heading == choice_lead.heading
                             and s.first_line <= choice_lead.last_line + CHOICE_LIST_REACH)
        if not found:
            choice_lead = s if _DUAL.search(s.text) and _LIST_LEAD.search(s.text) and not _AUTHOR_CHOOSES.search(s.text) else \
                choice_lead if listed_choice else None
        # A restriction or a change of terms counts where it speaks of this work (or sits under
        # its License heading), not in a note about other people's licenses.
        # a sentence that goes on from the one before ("Selling them ... is not allowed", 「ただし、
        # 営利目的の利用はご遠慮ください」) speaks of the work the one before spoke of
        continued = bool(previous and previous.last_line >= s.first_line - 1 and previous_own and not found
                         and _CONTINUES.search(s.text))
        own_context = (bool(_OWN_EN.search(s.text) or _OWN_JA_STRONG.search(s.text) or s.in_license_section
                            or short_file or continued or names_the_work(s.text, names))
                       # the restriction's own words ("requires", "not allowed") are no talk cue, nor
                       # a rider's after the words that announce it ("with one added condition: you must ...")
                       and not _general_talk(_NONCOMMERCIAL.sub(" ", _before_rider(s.text)))) and said != "example" \
            and not (_NEWS_REPORT.search(s.text) or _SAID_AFTER.search(s.text))
        excluded_before = bool(previous and previous.last_line >= s.first_line - 1 and previous_excluded)
        # "X announced that ... . Version 6 will ship under ...": the next sentence of the paragraph,
        # with no work of ours in it, goes on reporting
        ours = bool(_STRONG_OWN.search(s.text) or _JA_WE.search(s.text) or _WE.search(s.text))
        goes_on_reporting = bool(previous and previous.last_line >= s.first_line - 1 and previous_reports) and not ours
        previous_reports = bool(_NEWS_REPORT.search(s.text) or _JA_NEWS_REPORT.search(s.text)) and not ours
        # "The figures in figures/ are the exception. They are released under ...": the part a
        # sentence named just before, for a sentence whose subject is a pronoun
        part_before = previous_part if previous and previous.last_line >= s.first_line - 1 else None
        previous_part = None if found else (_folder_scope(s.text) or _scope(s.text))
        previous, previous_own, previous_excluded = s, own_context, bool(_NOT_SHIPPED.search(s.text))
        if own_context and _NONCOMMERCIAL.search(s.text):
            terms.append(Remark(s.first_line, s.text, "restriction", last_line=s.last_line))
        elif _NONCOMMERCIAL.search(s.text) and said != "example" and not found and sentence_role == "own" and \
                not s.in_upstream_section and not _UPSTREAM.search(s.text) and \
                not _general_talk(_NONCOMMERCIAL.sub(" ", s.text)):
            # "Commercial use of the dataset requires a separate license", 「データセットの商用利用には
            # 別途契約が必要です」: no "this" or 本, no other work named, and no talk but the restriction's
            # own words ("requires"); it restricts the work where the text grants the work a license
            # (a news item or a FAQ alone never gets one)
            unattached.append(Remark(s.first_line, s.text, "restriction", last_line=s.last_line))
        if own_context and _COMMERCIAL_OK.search(s.text) and not _NONCOMMERCIAL.search(s.text):
            terms.append(Remark(s.first_line, s.text, "commercial_ok", last_line=s.last_line))
        # a sentence describing a named exception ("the Classpath exception lets you link ... under
        # your own license") adds permissions SPDX lists (exceptions.py), not custom terms
        if (own_context or _CLAUSE.search(s.text)) and _ADDED_TERMS.search(s.text) and not names_exception(s.text):
            terms.append(Remark(s.first_line, s.text, "custom", last_line=s.last_line))
        before_count = len(statements)
        try:
            if not found:
                loose = dedication(s.text) if sentence_role == "own" and not (
                    s.in_upstream_section or s.in_talk_section or _UPSTREAM.search(s.text)) else None
                if loose == "dedicated" and own_context:
                    statements.append(Statement(PUBLIC_DOMAIN, "grant", "own", _scope(s.text), s.first_line,
                                                s.last_line, s.text, "own words: put in the public domain, no "
                                                "dedication named", 0.9))
                    continue
                if loose == "hedged":
                    remarks.append(Remark(s.first_line, s.text, "hedged", last_line=s.last_line))
                    continue
                if loose == "items":
                    # the status of items the work includes or leaves out, not a dedication of the work
                    remarks.append(Remark(s.first_line, s.text, "other_work", last_line=s.last_line))
                    continue
                if _own_words_grant(s):
                    statements.append(Statement(ATTRIBUTION_ONLY, "own_words", "own", _scope(s.text), s.first_line,
                                                s.last_line, s.text, "own words: permission on condition of credit",
                                                0.9, "CC-BY-4.0"))
                    continue
                if _LICENSED_ADJECTIVE.search(s.text) and not _JA.search(s.text) and not _OWN_EN.search(s.text) \
                        and not s.in_license_section and not short_file:
                    # "Some forks keep the last Apache-licensed version alive": a license word that
                    # qualifies another work, no work of ours named; no ScanCode rule reads it as a grant
                    remarks.append(Remark(s.first_line, s.text, "other_work", last_line=s.last_line))
                    continue
                if ("?" in s.text or "？" in s.text) and _LICENSE_WORD.search(s.text):
                    # a question about licenses names none the reader knows ("Can I ship GPL-licensed
                    # code ...?"): still talk, so that no ScanCode notice rule reads it as a grant
                    remarks.append(Remark(s.first_line, s.text, "talk", last_line=s.last_line))
                continue
            refused = [m for m in found if m.expression.startswith("GPL-")] if refuses_secondary else []
            if refused:
                # "No Secondary Licenses: the GPL does not apply": the GPL is named to be ruled out
                remarks.append(Remark(s.first_line, s.text, "talk", last_line=s.last_line))
                found = [m for m in found if m not in refused]
                if not found:
                    continue
            secondary = [m for m in found if m.expression.startswith("GPL-")] if SECONDARY.search(s.text) else []
            for m in secondary:
                # EPL-2.0 section 3 and Exhibit A: the notice may name a GPL as a Secondary License,
                # under which the code is also offered (detect joins it to the EPL-2.0 with OR)
                statements.append(Statement(m.expression, "secondary", "own", None, s.first_line, s.last_line,
                                            s.text, f"a Secondary License named under EPL-2.0: {m.rule}"))
            found = [m for m in found if m not in secondary]
            if not found:
                continue
            shipped_not = _NOT_SHIPPED.search(s.text)
            not_shipped = shipped_not and shipped_not.start() < found[0].start or \
                excluded_before and _POINTS_BACK.search(s.text) and not _STRONG_OWN.search(s.text)
            other = found if not_shipped or _other_actor(s.text) and not _STRONG_OWN.search(s.text) else \
                [m for m in found if of_other_work(s.text, m)]
            if other:
                # the names said of another work are no evidence (nor may a ScanCode notice read them
                # there); in a sentence about two works, the names said of this one still are
                remarks.append(Remark(s.first_line, s.text, "other_work", last_line=s.last_line))
                found = [m for m in found if m not in other]
                if not found:
                    continue
            if goes_on_reporting:
                remarks.append(Remark(s.first_line, s.text, "other_work", last_line=s.last_line))
                continue
            # "the MIT License, a short license similar to the BSD license", "its scripts are based on
            # the BSD license template": a comparison said of something else than the work's terms
            described = [m for i, m in enumerate(found) if compares(s.text, m.start) and describes_a_license(
                s.text, m.start, found[i - 1].end if i else None, granted_before and adjacent)]
            if described:
                remarks.append(Remark(s.first_line, s.text, "mention", last_line=s.last_line))
                if any(changes_terms(s.text, m.start) for m in described):
                    # "It is modified from the MIT License to require ...": the license described is
                    # the work's, changed
                    terms.append(Remark(s.first_line, s.text, "custom", last_line=s.last_line))
                found = [m for m in found if m not in described]
                if not found:
                    continue
            if why := _not_given(s.text, found):
                remarks.append(Remark(s.first_line, s.text, why, last_line=s.last_line))
                terms = []
                continue
            if _talk(s.text, found) or s.in_talk_section and not _STRONG_OWN.search(s.text):
                remarks.append(Remark(s.first_line, s.text, "talk", last_line=s.last_line))
                terms = []  # "CC BY-NC 4.0 forbids commercial use": the license's terms, not the work's
                continue
            rest = s.text
            for m in reversed(found):
                rest = rest[:m.start] + rest[m.end:]
            if len(found) == 1 and len(rest.split()) <= 4 and not _scope(rest):
                bare.append((s.heading, s.first_line, s.text, found[0].expression))
            kind = _grant(s, found, short_file, names_the_work(s.text, names) or bool(
                granted_before and adjacent and _GRANTED_WORK_AGAIN.match(s.text)))
            if kind is None and listed_choice and len(rest.split()) <= 4 and len({m.expression for m in found}) == 1:
                kind = "grant"  # one side of the choice the sentence before offers
            if kind is None:
                remarks.append(Remark(s.first_line, s.text, set_aside(s, found, said), last_line=s.last_line))
                continue
            # "licensed under X; previously it was under Y": the past license is history, not a grant
            past = [m for i, m in enumerate(found) if len(found) > 1 and _history(s.text, found, i)]
            if past and len(past) < len(found):
                remarks.append(Remark(s.first_line, s.text, "history", last_line=s.last_line))
                found = [m for m in found if m not in past]
            row = _ROW.match(s.text)
            previous_end = 0
            joined: str | None = None
            for i, m in enumerate(found):
                clause = s.text[previous_end:m.start]
                if i and _OR.match(clause):
                    joined = "AND" if by_part else "OR"
                elif i and _AND.match(clause):
                    joined = "AND"
                before = s.text[:m.start]
                custom = compares(s.text, m.start) and of_terms(s.text, m.start) or _CUSTOM_AFTER.match(s.text[m.end:])
                expression, hint, rule = m.expression, None, f"{kind}: {m.rule}"
                if m.ambiguous:
                    hint = m.hint  # the closest ("BSD" is read as BSD-3-Clause by ScanCode and common usage)
                if custom:
                    expression, hint, rule = custom_id(m.expression), m.expression, f"custom terms based on: {m.rule}"
                scope = _except_scope(clause) or _scope(clause) or _folder_scope(clause) or \
                    (part_before if i == 0 and _PRONOUN_SUBJECT.match(s.text) else None)
                if row and not scope:
                    # a table row about one component or file: that part, not a rival reading
                    scope = f"row {row.group(1).split(',')[0].strip()}"
                if i and joined and len(statements) > before_count:
                    last = statements[-1]
                    statements[-1] = Statement(f"{last.expression} {joined} {expression}", last.kind, last.role,
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
                statements.append(Statement(expression, kind, role, scope, s.first_line, s.last_line,
                                            s.text, rule, 1.0 if kind in ("grant", "field") else 0.9, hint))
                previous_end = m.end
        finally:
            granted = any(not x.expression.startswith("LicenseRef-") for x in statements[before_count:])
            roles = {x.role for x in statements[before_count:]}
            role = "upstream" if roles and "own" not in roles else sentence_role
            remarks += [Remark(r.first_line, r.text, r.why, role, r.last_line) for r in terms]
    statements = _other_works(statements, {s.first_line for s in sentences(lines) if s.in_license_section},
                              {line.number: line.text for line in lines if _ROW.match(line.text)})
    # a heading that asks ("Can I relicense MIT code under the GPL?") names licenses to talk about
    remarks += [Remark(line.number, line.text, "talk", last_line=line.number) for line in lines
                if line.heading and line.text.rstrip().endswith(("?", "？")) and _LICENSE_WORD.search(line.text)]
    if any(x.role == "own" for x in statements):
        remarks += unattached
    # Three or more bare names under one heading, no choice offered: a list of licenses (the ones a
    # team accepts, the ones a tool supports), not the work's license.
    if not any(r.why == "choice" for r in remarks):
        for heading in {h for h, *_ in bare}:
            group = [(line, text) for h, line, text, expression in bare if h == heading]
            if len({expression for h, _, _, expression in bare if h == heading}) >= 3:
                lines_ = {line for line, _ in group}
                statements = [x for x in statements if x.first_line not in lines_ or x.scope]
                remarks = [r for r in remarks if r.first_line not in lines_] + [
                    Remark(line, text, "talk") for line, text in group]
    if record_kind(lines):
        return [], _all_talk(lines, statements, remarks)
    if record := record_lines(lines):
        # a memo before the work's License section: the memo's licenses are under discussion
        def inside(x: Statement | Remark) -> bool:
            return record[0] <= x.first_line <= record[1]

        remarks = [r for r in remarks if not inside(r)] + _all_talk(
            [line for line in lines if record[0] <= line.number <= record[1]],
            [x for x in statements if inside(x)], [r for r in remarks if inside(r)])
        statements = [x for x in statements if not inside(x)]
    statements, history = _present_wins(statements)
    statements, template = _template_license(lines, statements)
    return _rest_of_custom_terms(statements), remarks + history + template


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


# A relicensing announced: "Starting with 4.0, Lumen is licensed under ...", "as of version 2",
# "is now licensed under", "has been relicensed under", 「…以降は」「…から…に変更しました」.
_CHANGE = re.compile(r"^\W*(?:starting|beginning)\s+(?:with|from)\b|\bas\s+of\s+(?:v(?:ersion)?\s*\d|release|today|now)|"
                     r"\bfrom\s+(?:v(?:ersion)?\s*|release\s+)\d[\w.]*\s+(?:on|onwards?)\b|\b(?:is|are)\s+now\s+"
                     r"(?:licen[cs]ed|released|distributed|available)\b|\bre-?licen[cs]ed\s+(?:under|to|as)\b|"
                     r"以降[はも]?|に変更(?:しました|されました|します)", re.IGNORECASE)
# A license the work has had until the change: "Since its first release Lumen has been under",
# "was released under", 「これまで…で公開してきました」.
_UNTIL_NOW = re.compile(r"\b(?:has|have|had)\s+been\b|\b(?:was|were)\s+(?:\w+\s+){0,2}?(?:licen[cs]ed|released|"
                        r"distributed|published|available|under)\b|これまで|今まで|でした|していました", re.IGNORECASE)


def _present_wins(statements: list[Statement]) -> tuple[list[Statement], list[Remark]]:
    """Where the text announces a change of the work's license (`_CHANGE`), the work's own grants
    said in the perfect or the past (`_UNTIL_NOW`) are its history: the statements without them,
    and a "history" remark for each."""
    changed = [x for x in statements if x.role == "own" and x.kind == "grant" and _CHANGE.search(x.text)
               and not _UNTIL_NOW.search(x.text)]
    if not changed:
        return statements, []
    # a past grant may name the work as a source would ("For six years Harbor has been distributed
    # under ..." reads as quoted)
    # of the part that changed: "the code has been under MIT since 2019" stays beside new terms for the data
    past = [x for x in statements if x.kind in ("grant", "quoted") and x not in changed and _UNTIL_NOW.search(x.text)
            and x.expression not in {c.expression for c in changed} and x.scope in {c.scope for c in changed}]
    return ([x for x in statements if x not in past],
            [Remark(x.first_line, x.text, "history", last_line=x.last_line) for x in past])


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
    rider = _ADDED_TERMS.search(sentence)
    return sentence[:rider.start()] if rider else sentence


def _own_words_grant(s: _Sentence) -> bool:
    """A permission over this work, in the project's own words, whose one condition is credit."""
    if s.in_third_party_section or s.in_upstream_section or s.in_talk_section or _general_talk(s.text):
        return False
    ja = bool(_JA.search(s.text))
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
        parts = [c for c in components if _scope(c) and (len(c.split()) <= 2 or _JA.search(c)) or _OWN_ROW.search(c)]
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
    if len(found) != 1 or found[0].expression == NO_SUCH_VERSION:
        return None
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
