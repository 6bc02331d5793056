"""A work put in the public domain in its author's own words, no dedication named.

"I release this into the public domain", "They're public domain", 「本データはパブリックドメインとして公開します」.

No license is named, but the author gives up the rights: a reviewer signs it as ScanCode's
`public-domain` (PUBLIC_DOMAIN), what ScanCode's own notice rules answer for such lines. Where the
text names a dedication (CC0 1.0, the Unlicense, PDDL) that one is the answer (detect). A hedged
statement ("consider it public domain, more or less", 「ほぼパブリックドメインのようなもの」)
waives nothing a reviewer can sign: no evidence (NOASSERTION, a person asks), as a text that only
says 「著作権フリー」; so is public domain said of items the work includes or leaves out (「収録した
古典作品はパブリックドメインです」, "images that are in the public domain are excluded"). Whether
the sentence speaks of this work is the statement reader's question.
"""

from __future__ import annotations

import re

PUBLIC_DOMAIN = "LicenseRef-scancode-public-domain"
# The dedications that put a work in the public domain by name: with one of them in the text, the
# loose words are that dedication's.
NAMED_DEDICATIONS = ("CC0-1.0", "Unlicense", "PDDL-1.0")

_EN_ACT = re.compile(
    r"\b(?:release[sd]?|releasing|dedicate[sd]?|dedicating|place[sd]?|placing|put(?:ting)?|give[sn]?|gave|giving|"
    r"contribute[sd]?|hand(?:ed)?|donate[sd]?|surrender(?:ed)?)\b[^.;!?]{0,60}?\b(?:in|into|to)\s+the\s+public\s+domain\b",
    re.IGNORECASE)
_EN_STATE = re.compile(
    r"\b(?:is|are|'re|’re|'s|’s|be|remains?|stays?)\s+(?:now\s+|hereby\s+|entirely\s+|fully\s+)?(?:in\s+the\s+)?"
    r"public[- ]domain\b(?!\s+(?:data|works?|texts?|images?|material|sources?|content|books?|recordings?|photos?))",
    re.IGNORECASE)
_JA = re.compile(r"パブリック\s*[・･]?\s*ドメイン\s*(?:[（(][^）)]{0,30}[）)]\s*)?"
                 r"(?:と\s*(?:し|な)|に\s*(?:提供|献呈|帰属|置|し|捧げ|供し|なり)|で(?:す|あり|公開|提供|配布)|として)")
_JA_ACT = re.compile(r"パブリック\s*[・･]?\s*ドメイン\s*(?:[（(][^）)]{0,30}[）)]\s*)?"
                     r"(?:と\s*し|に\s*(?:提供|献呈|置|捧げ|供し)|で(?:公開|提供|配布)|として)")
# Public domain said of items the work includes or leaves out, not of the work: "Images that are
# in the public domain are excluded", "the bundled classics are public domain", 「収録した古典作品は
# パブリックドメインです」. Their status is no dedication of the work (only a stated act is).
_ITEMS_EN = re.compile(
    r"\b(?:that|which|who)\s+(?:are|is|were|was)\s+(?:now\s+|already\s+|still\s+)?(?:in\s+the\s+)?public[- ]domain\b|"
    r"\b(?:included|bundled|collected|reproduced|quoted|compiled|contained|featured|digiti[sz]ed|scanned|transcribed|"
    r"third[- ]party)\s+(?:[\w'’-]+\s+){0,3}?(?:works?|texts?|images?|items?|books?|classics|materials?|photos?|"
    r"photographs?|recordings?|files?|content|novels?|poems?|paintings?|songs?|sources?)\b|"
    r"\b(?:works?|texts?|images?|items?|books?|classics|materials?|photos?|recordings?|novels?|poems?|paintings?)\s+"
    r"(?:we\s+)?(?:included|bundled|collected|reproduced|quoted|contained|featured|digiti[sz]ed|transcribed)\b",
    re.IGNORECASE)
_ITEMS_JA = re.compile(r"収録|同梱|翻刻|底本|の(?:うち|中で)")
# Words of leaving out or taking in, which say the same of items ("public-domain images are
# excluded", 「パブリックドメインの画像は除外」) unless the sentence's subject is the work itself
# ("This dataset, with all personal names removed, is in the public domain", 「本データセット（注釈を
# 含め）はパブリックドメインです」).
_LEFT_OUT = re.compile(r"\b(?:exclud\w*|omit\w*|removed|left\s+out|filtered\s+out|dropped|skipped)\b|"
                       r"含まれ|含め|掲載|引用|転載|除外|除き|除いて|除く|対象外|含みません|含んでいません", re.IGNORECASE)
_WORK_SUBJECT = re.compile(
    r"^\W*(?:(?:this|our|the)\s+(?:entire\s+|whole\s+)?(?:dataset|data\s+set|corpus|work|data|project|repository|"
    r"repo|code|model|collection|software|library)\b(?!['’]s)|(?:本|この|当)(?:データ|作品|コーパス|リポジトリ|ソフトウェア|"
    r"モデル|プロジェクト))", re.IGNORECASE)
_NAMED = re.compile(r"public[- ]domain|パブリック\s*[・･]?\s*ドメイン", re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:more\s+or\s+less|sort\s+of|kind\s+of|pretty\s+much|basically|practically|effectively|"
                    r"essentially|as\s+good\s+as|almost|nearly|quasi|consider(?:ed)?\s+(?:it|this|them|these)|"
                    r"treat(?:ed)?\s+(?:it|this|them|these)\s+as)\b"
                    r"|ほぼ|ほとんど|実質的?に?|事実上|のような|みたいな|扱い|と考えて|とみなして|同然|同様", re.IGNORECASE)
_NOT = re.compile(r"\b(?:not|never|no\s+longer|isn['’]t|aren['’]t|won['’]t)\b|ではありません|ではない|ではなく|しません",
                  re.IGNORECASE)
_TALK = re.compile(r"\b(?:what|whether|unlike|means?|meaning|differs?|difference|versus)\b|\?|？|とは|違い",
                   re.IGNORECASE)


def dedication(sentence: str) -> str | None:
    """"dedicated" where the sentence puts something in the public domain without hedging,
    "hedged" where it does so with a hedge, "items" where it says so only of items the work
    includes or leaves out, None where it says neither (or denies it, or asks)."""
    if not _NAMED.search(sentence) or _NOT.search(sentence) or _TALK.search(sentence):
        return None
    if _HEDGE.search(sentence):
        return "hedged"  # "treat it as public domain, more or less": any wording, the hedge decides
    if _EN_ACT.search(sentence) or _JA_ACT.search(sentence):
        return "dedicated"
    if _EN_STATE.search(sentence) or _JA.search(sentence):
        if _ITEMS_EN.search(sentence) or _ITEMS_JA.search(sentence):
            return "items"
        return "items" if _LEFT_OUT.search(sentence) and not _WORK_SUBJECT.search(sentence) else "dedicated"
    return None
