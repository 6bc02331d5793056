"""History against the present: a license the work had is no grant of this text.

Nor is one it left, one it will change to, or one another party announced; where a text announces
a change of license, the present wins.
"""

from __future__ import annotations

import re

from curation.licenses.findings import Remark, Statement
from curation.licenses.grant_phrases import JA_SCRIPT, _JA_WE, _OWN_EN
from curation.licenses.names import Mention


# A grant withdrawn or refused: "no longer published under", "is not licensed under", 「…では提供されません」.
_NOT_GRANTED = re.compile(r"\b(?:no\s+longer|not|never|no\s+more|n't|ceased?\s+to\s+be)\b[^.;,]{0,40}?"
                          r"\b(?:licen[cs]ed|released|published|distributed|available|provided|offered|shipp?(?:ed)?|under)\b[^.;,]{0,30}$",
                          re.IGNORECASE)

_JA_NOT_GRANTED = re.compile(r"^\s*(?:ライセンス)?\s*(?:で|の(?:下|もと)で)\s*(?:は|も)?\s*(?:公開|提供|配布|頒布|リリース|ライセンス)\s*"
                             r"(?:され|し)?(?:ません|なくな|ない|なかった|ず)")

# The words that say a license was the work's before (shared by _HISTORY_MARK, and by _LATER_LICENSE
# for the license a release had before it changed): one list, so the two never drift apart
_PAST_WORDS = r"formerly|previously|used\s+to\s+be"
# Words that put a license in the work's past: "had been under", "originally released under",
# "until version 3", 「以前は」「かつては」「旧ライセンス」 (not 「以前から」「公開当初から」: since then,
# to now). A sentence that holds both a present and a past license states the present one
# ("licensed under X; previously it was under Y").
_HISTORY_MARK = (r"(?:\b(?:had\s+been|originally|" + _PAST_WORDS + r"|in\s+the\s+past|"
                 r"until\s+(?:v(?:ersion)?\s*)?\d[\w.]*|before\s+(?:v(?:ersion)?\s*)?\d[\w.]*)\b|"
                 r"以前(?!から)|かつて|旧(?:ライセンス|版|バージョン)|(?:バージョン|v)\s*\d[\w.]*\s*(?:まで|以前))")

_HISTORY = re.compile(_HISTORY_MARK, re.IGNORECASE)

# A license the work left: "we moved away from the GPL", "switched from", "dropped the", 「…から移行」
# (talk, wherever the sentence stands).
_LEFT_LICENSE = re.compile(r"\b(?:moved|moving|switched|switching|migrated|migrating|changed|converted|relicensed)\s+"
                           r"(?:\w+\s+){0,2}?(?:away\s+)?from\s+(?:the\s+|an?\s+)?$|"
                           r"\b(?:dropped|abandoned|left|replaced|ditched)\s+(?:the\s+|an?\s+|its\s+|our\s+)?$", re.IGNORECASE)

_JA_LEFT_LICENSE = re.compile(r"^\s*(?:ライセンス)?\s*(?:から)\s*(?:\S{0,12}?(?:へ|に))?\s*(?:移行|変更|切り替え|乗り換え)")

# A license that takes over later: "becomes available under", "converts to" (a Change License).
# "change" and "switch" only intransitive ("changes to the GPL"): "you may change this file under
# the MPL" is a grant to modify.
_LATER_LICENSE = re.compile(r"\b(?:becomes?|will\s+become)\s+(?:automatically\s+)?(?:\w+\s+){0,2}?(?:to|under|into)\s+"
                            r"(?:the\s+)?$|\b(?:converts?|will\s+convert|changes?|switch(?:es)?)\s+(?:automatically\s+)?"
                            r"(?:(?:its|the)\s+licen[cs]e\s+)?(?:to|into)\s+(?:the\s+)?$|"
                            r"\bChange\s+Licen[cs]e\b[^.;]{0,20}$|"
                            # ... or the one it had before: "used to be under", "was formerly licensed under"
                            r"\b(?:" + _PAST_WORDS + r")\b[^.;]{0,40}$", re.IGNORECASE)

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

def _not_given(sentence: str, found: list[Mention]) -> str | None:
    """"talk" where the sentence withdraws or refuses the license ("no longer published under X",
    「X では提供されません」), "other_work" where it reports what another party announced of its
    own work ("the company announced that version 6 ships under X"); None otherwise."""
    before = sentence[:found[0].start]
    if _LATER_LICENSE.search(before[-80:]):
        return "talk"  # the license a release changes to later (BUSL's Change License), or had before
    if _LEFT_LICENSE.search(before[-60:]) or JA_SCRIPT.search(sentence) and _JA_LEFT_LICENSE.match(sentence[found[-1].end:]):
        return "talk"  # a license the work left ("we moved away from the GPL")
    if _HISTORY_BEFORE.search(before[-80:]) and all(_history(sentence, found, i) for i in range(len(found))):
        return "history"  # "originally released under X": with a present license beside it, that one is read
    if len(found) == 1 and _OTHER_RELEASES.search(before[-100:]):
        return "talk"  # the license other releases of the work keep
    if _NOT_GRANTED.search(before[-60:]) or JA_SCRIPT.search(sentence) and _JA_NOT_GRANTED.match(sentence[found[-1].end:]):
        return "talk"
    if JA_SCRIPT.search(sentence):
        return "other_work" if _JA_NEWS_REPORT.search(sentence) and not _JA_WE.search(sentence) else None
    said = _NEWS_REPORT.search(before)
    return "other_work" if said and not _OWN_EN.search(before[:said.start()]) else None

def _history(sentence: str, found: list[Mention], i: int) -> bool:
    """Whether mention `i` names a license the work had: a history word between it and the
    mention before it (or the sentence's start), or right after it ("GPL-3.0 until version 3")."""
    start = found[i - 1].end if i else 0
    end = found[i + 1].start if i + 1 < len(found) else len(sentence)
    clause, after = sentence[start:found[i].start], sentence[found[i].end:end]
    return bool(_HISTORY.search(clause) or re.match(r"[^.;,。、]{0,25}?" + _HISTORY_MARK, after, re.IGNORECASE))

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
