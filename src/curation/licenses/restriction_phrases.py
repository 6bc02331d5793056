"""The words that restrict or change a license's terms.

A non-commercial limit, commerce allowed expressly, added clauses, a license "based on" another.
"""

from __future__ import annotations

import re



# After a name, terms said to be like the license, not the license ("CC0 相当", 「CC BY 互換の利用規約」):
# the author's own terms, whose closest license is the one named.
CUSTOM_AFTER = re.compile(r"^\s*(?:ライセンス)?\s*(?:相当|互換|ライク|並み|-?like\b|-?equivalent\b)", re.IGNORECASE)

ADDED_TERMS = re.compile(
    r"\bwith\s+the\s+following\s+(?:exceptions?|modifications?|additional|additions?|restrictions?|changes?|amendments?)"
    r"|\badditional\s+(?:terms|restrictions?|conditions?|clauses?)\b|\bexcept\s+that\b|\bCommons\s+Clause\b"
    r"|\bmodified\s+(?:version\s+of\s+)?(?:the|this|our)\s+(?:licen[cs]e|terms)\b|\bwith\s+(?:an?\s+|one\s+|two\s+|\d+\s+)?(?:added|additional|extra|new)\s+(?:restrictions?|clauses?|conditions?|sections?|terms)\b"
    # 「そのアプリケーション独自のライセンス」 is another thing's own license (an LGPL's linking permission);
    # 「本プロジェクト独自のライセンス」「独自ライセンス」 the work's own terms
    r"|追加(?:の)?(?:条項|条件|制限)|(?:以下|次)の(?:変更|制限|条件|条項)を(?:加え|追加)|(?<![ァ-ヶー])独自(?:の)?(?:ライセンス|利用規約|規約)|(?:本|当|弊社|当社)[^。、]{0,12}?独自(?:の)?(?:ライセンス|利用規約|規約)|改変した(?:ライセンス|規約)",
    re.IGNORECASE)

COMMERCIAL_OK = re.compile(
    r"\bfree\s+for\s+commercial\s+use\b|\bcommercial\s+use\s+(?:is\s+)?(?:permitted|allowed|ok)\b|"
    r"\bmay\s+be\s+used\s+commercially\b|商用利用(?:も|は)?(?:可|可能|できます|OK)|商用可", re.IGNORECASE)

# Riders that exist to change a license whatever the sentence around them says.
CLAUSE = re.compile(r"\bCommons\s+Clause\b", re.IGNORECASE)

# A service sold beside the work (support, hosting, an SLA, training, a course seat): paying for it
# is not a limit on using the work.
_SERVICE = (r"\b(?:support|hosting|hosted|SLA|service[- ]level|consulting|consultancy|training|courses?|seats?\s+in|"
            r"onboarding|maintenance\s+contract|priority\s+(?:support|help)|helpdesk|help\s+desk)\b")
_NO_SERVICE = r"(?:(?!" + _SERVICE + r")[^.;])"
_NOT_FOR_SERVICE = r"(?!" + _NO_SERVICE + r"{0,30}?" + _SERVICE + ")"
_JA_SERVICE = r"サポート|ホスティング|保守|研修|講座|トレーニング|コンサル|サービス"
# The subject of a free-for-some sentence, read from the sentence's start: not a hosted thing, not
# something shipped or bundled with the work, not another vendor's product ("Acme's editor").
_WORK_SUBJECT = (r"(?:(?!\b(?:hosted|hosting|demo|service|services|SaaS|cloud|tier|plan|ship|ships|shipped|bundled?|"
                 r"bundles|included|third[- ]party|vendors?)\b|\b[A-Z][\w-]*'s\s)[^.;!?\n]){0,120}?")
# "... and of course you may also use it in any commercial product": commerce allowed later in the sentence
_NO_COMMERCE_LATER = (r"(?![^.;!?]{0,200}?(?:\b(?:and|or)\s+commercial\b|\b(?:may|can|are\s+free\s+to|is\s+(?:also\s+)?"
                      r"(?:allowed|permitted)\s+to)\s+(?:also\s+)?(?:use|be\s+used)\b[^.;!?]{0,40}?\bcommercial|"
                      r"\bcommercial\s+use\s+(?:is\s+)?(?:also\s+)?(?:permitted|allowed|welcome|fine|ok)\b))")

NONCOMMERCIAL = re.compile(
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
    r"非(?:営利|商用)(?:目的)?(?:に限|でのみ|のみ)|"
    # "You may use these sprites in non-commercial games only", 「非営利のゲームでのみ使用できます」: the
    # reader's use allowed in non-commercial works of a kind only (a permission to use, not a release
    # by someone "for non-commercial evaluation only", which heldout8 showed is a part's source)
    r"(?<!\bfor\s)\b(?:use|used|using)\b[^.;]{0,60}?\b(?:in|for|on|with)\s+non[- ]?commercial\s+(?:[\w-]+\s+){0,2}?only\b|"
    r"非(?:営利|商用)の[^。、]{1,10}?(?:でのみ|に限り|に限って|のみ)(?:[^。]{0,6}?(?:使用|利用|使え|使う))|"
    # 「研究・教育の目的に限り」「学術研究目的に限って」: a purpose that leaves commerce out
    r"(?:研究|教育|学術|非営利)[^。、]{0,8}?(?:目的|用途)(?:に限|でのみ|のみ|であれば|の場合に限|"
    r"以外(?:で|に)の(?:利用|使用)(?:は|を)?(?:禁|でき|不可))|"
    # 「商用利用には別途許諾が必要です」: commerce is not granted here
    r"(?:商用|営利)(?:目的)?(?:での|の)?(?:利用|使用)(?:に|の場合)は?[^。]{0,10}?(?:別途|事前の?)[^。]{0,10}?(?:許諾|契約|許可|承諾)|"
    r"学術(?:目的|研究)(?:に限|でのみ|のみ)|"
    # free for some, paid for business: "use by a for-profit company requires a paid license", "if you
    # use it for a business, you need to buy a license", "commercial use requires a license agreement
    # with ...", 「企業での利用には有償ライセンスが必要」; free only for a non-commercial class of users
    # (what is paid for must be the use, not a service sold beside the work: "commercial support
    # requires a paid subscription", "enterprise hosting needs a paid plan" keep the work's license)
    r"\b(?:commercial|business|for-profit|corporate|enterprise)\b" + _NO_SERVICE + r"{0,120}?\b(?:requires?|needs?|must\s+(?:buy|purchase|pay))\b"
    + _NO_SERVICE + r"{0,40}?\b(?:paid|purchased?|fee|subscription|licen[cs]e\s+(?:agreement|from|with))\b" + _NOT_FOR_SERVICE + "|"
    r"(?:\bif\s+you\s+use\s+(?:it|this|them)\s+)?\b(?:at\s+work|for\s+(?:a\s+|your\s+)?business|commercially|for\s+(?:a\s+)?profit)\b"
    + _NO_SERVICE + r"{0,60}?\b(?:need|must|have)\s+to\s+(?:buy|purchase|pay)\b" + _NOT_FOR_SERVICE + "|"
    # free for some: only where the sentence's subject is the work (not a hosted demo, a font it
    # ships, another vendor's product) and nothing in the sentence allows commerce after all
    r"(?:^|(?<=[.;!?:])|(?<=\n))" + _WORK_SUBJECT + r"\bfree\s+(?:of\s+charge\s+)?(?:to\s+use\s+)?for\s+(?:personal|private|"
    r"non[- ]?commercial|non[- ]?profit|academic|educational|hobby|student)\b" + _NO_COMMERCE_LATER + "|"
    r"\b(?:personal|private|non[- ]?commercial|non[- ]?profit|academic|educational)\s+use\b[^.;]{0,30}?\b(?:is|are)\s+free\b" + _NO_COMMERCE_LATER + "|"
    r"(?:企業|法人|業務|商用|営利)[^。]{0,20}?(?:利用|使用)[^。]{0,10}?(?:有償|有料)(?:(?!" + _JA_SERVICE + r")[^。]){0,12}?(?:ライセンス|契約|購入)", re.IGNORECASE)


# A limit someone else states or that the sentence denies is no condition of the work: reported
# words ("A reviewer wrote that people should use it in non-commercial games only"), a contrast
# ("Unlike many packs that ..., this one has no such limit"), other works in general ("Most sprite
# packs let you use them in non-commercial games only")
NOT_A_CONDITION = re.compile(
    r"\b(?:wrote|writes|said|says|claimed|claims|suggested|suggests|thinks|thought|argued|argues)\s+(?:that\b|people\b)|"
    r"\bno\s+such\s+(?:limit|limitation|restriction|condition|requirement)s?\b|"
    r"\bnot\s+a\s+(?:condition|requirement|restriction|term)\b|^\W*unlike\b|"
    r"^\W*(?:most|many|some|several|other|lots\s+of)\s+(?:[\w-]+\s+){0,2}?(?:packs?|assets?|projects?|libraries|"
    r"licen[cs]es|sites?|tools?|fonts?|games?|datasets?|models?|vendors?|creators?)\b", re.IGNORECASE)
