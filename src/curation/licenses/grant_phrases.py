"""The words that apply a license to the work.

Grant verbs and permissions (English, Japanese, French), and the work as a subject ("this
dataset", 本データ, «Ce logiciel»).
"""

from __future__ import annotations

import re



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

_OWN_EN = re.compile(
    # a possessive may stand in the subject ("the toolkit's source code")
    r"\b(?:this|these|our|its|the|all(?:\s+the)?)\s+(?:[\w'’-]+\s+){0,3}?(?:work|works|dataset|datasets|data|corpus|"
    r"corpora|repository|repo|project|software|code|library|package|model|models|weights|documentation|docs|documents?|"
    r"contents?|site|website|page|text|texts|materials?|files?|annotations?|images?|translations?|collection|"
    r"benchmark|resources?|release|program|book|articles?|records|notes|card|scripts?|examples|source|"
    # a part of the work named by its kind: a dataset's column or split, a guide, its pictures
    r"columns?|fields?|splits?|subsets?|guide|handbook|manual|tutorials?|charts?|figures?|illustrations?|drawings?|"
    r"screenshots?|photos?|photographs?|recordings?|labels?|summaries|questions|answers)\b"
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
    r"|^\W*(?:(?:starting|beginning)\s+(?:with|from)|from|since|as\s+of)\s+[^,]{1,40},\s*(?:[^,]{1,30},\s*)?(?:the\s+)?[\w.-]+\s+"
    r"(?:as\s+a\s+whole\s+|itself\s+|in\s+its\s+entirety\s+)?(?:is|are)\s+"
    r"(?:now\s+)?(?:licen[cs]ed|released|distributed|available|provided|published)\b"
    # a folder of this repository named as the subject ("The fonts (font/, svg/) are under ...",
    # "the src/codec/ directory")
    r"|(?:^|[\s(,])`?[\w.-]+/(?:[\w.-]+/)*`?(?=[\s,)]|$)",
    re.IGNORECASE)

_OWN_JA = re.compile(r"(?<!日)(?<!資)(?<!基)(?<!見)(?<!絵)(?<!原)本(?!文|来|当|格|物|人|日|体|気|質|番|名|社員)|当(?!該)|この(?!ライセンス)|これら|こちら|弊社|当社|私たち|我々|以下の|すべての|全ての|"
                     r"(?:ライセンス|利用条件|利用規約)\s*(?:は|[:：])|"
                     r"(?:コード|プログラム|ソフトウェア|スクリプト|ツール|データ(?:セット)?|ドキュメント|モデル|重み|画像|"
                     r"ファイル|コンテンツ|テキスト|コーパス|リポジトリ|プロジェクト|ライブラリ|記事|本文|音声|写真)"
                     r"(?:\s*[（(][^)）]*[)）])?\s*(?:は|も|を|について)")

_OWN_JA_STRONG = re.compile(r"(?<!日)(?<!資)(?<!基)(?<!見)(?<!絵)(?<!原)本(?!文|来|当|格|物|人|日|体|気|質|番|名|社員)|当(?!該)|この|これら|弊社|当社")

_WE = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)

_JA_WE = re.compile(r"当社|弊社|私たち|私ども|我々|わたしたち|われわれ|当(?:チーム|研究室|プロジェクト)")

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

# The license as the subject, the work as the object: "... applies to this repository", "... applies
# to all of the code in this project" (a license that "applies to derivatives" speaks of the license).
_APPLIES_TO_WORK = re.compile(r"^[\s,)]*(?:(?:licen[cs]e|terms)\s+)?(?:also\s+)?appl(?:y|ies)\s+to\s+(?:all\s+(?:of\s+)?|"
                              r"everything\s+in\s+|the\s+(?:whole|entire)\s+|every\s+)?(?:the\s+[\w-]+\s+in\s+)?"
                              r"(?:this|these|our)\s+(?!licen)[\w-]+", re.IGNORECASE)

# the work as a sentence's subject ("this dataset", "our code", 「本」「当社」): its own license, not talk
STRONG_OWN = re.compile(
    r"\b(?:this|these|our)\s+(?!licen)(?:[\w-]+\s+){0,2}?(?:dataset|data|corpus|repository|repo|project|software|code|"
    r"library|package|model|weights|work|site|website|tool|documentation|guide|handbook|book)\b|\bwe\s+(?:\w+\s+)?(?:release|license|"
    r"distribute|provide|publish|share)|(?<!日)(?<!資)(?<!基)(?<!見)(?<!絵)(?<!原)本(?!文|来|当|格|物|人|日|体|気|質|番|名|社員)|当(?!該)|この(?!ライセンス)|これら|弊社|当社|私たち|我々", re.IGNORECASE)

# a sentence in Japanese (kana or kanji): read with the Japanese phrase lists
JA_SCRIPT = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

# works of a kind in the plural ("packages", "datasets", "uploads"): as a subject, any works, not this one
# (talk.py's indefinite subject, choice_words.py's author-chooses list)
WORKS_OF_A_KIND = r"(?:packages|projects|datasets|models|libraries|repositories|repos|files|entries|items|modules|crates|apps|uploads)"
