"""Own terms that forbid handing on the work: changed versions of it, or the material itself.

A README's terms of use in the author's own words (a Japanese フリーソフト's 利用条件, a material site's
ご利用にあたって, an asset store item's terms) often grant use free of charge and forbid one way of
handing the work on: a modified version (「改変したものの配布は禁止します」, "You may not distribute
modified versions"), or the material as such (「素材そのものの再配布・販売は禁止」, "the assets may not be
resold on their own"). No SPDX license is named, so the terms are custom, named after their duty as
the project names an own non-commercial limit (`LicenseRef-Custom-NonCommercial`):
`LicenseRef-Custom-NoDerivatives` (the duty Creative Commons calls NoDerivatives) and
`LicenseRef-Custom-NoRedistribution`.

A sentence counts where it speaks of the work's own terms: under a heading for them (License,
Terms, 利用条件, 利用規約 ...) or with the work as its subject (本ソフト, "this software"); a sentence
that names a license is that license's (CC BY-ND says the same of itself), and one that asks or
explains ("Can I ...?", 「〜とは」) is talk. A list of uses after a lead that forbids them
(「次の使い方は禁止です。」, "The following is not allowed:") forbids each item.
"""

from __future__ import annotations

import re

from curation.licenses import statements as st
from curation.licenses.names import mentions
from curation.licenses.text import Line

NO_DERIVATIVES = "LicenseRef-Custom-NoDerivatives"
NO_REDISTRIBUTION = "LicenseRef-Custom-NoRedistribution"

_JA_CHANGED = r"(?:改変|改造|加工|修正|変更)"
_JA_HAND_ON = r"(?:再)?(?:配布|頒布|公開|転載|譲渡|販売)"
_JA_FORBIDDEN = r"(?:禁止|禁じ|できません|出来ません|不可|しないで|ご遠慮|認めません|認めておりません|お断り)"
_FORBIDS = re.compile(
    # 「改変したもの（改変版）を配布することは禁止します」「改変物の再配布はできません」「改造しての再配布は不可」
    rf"{_JA_CHANGED}[^。]{{0,20}}?{_JA_HAND_ON}[^。]{{0,15}}?{_JA_FORBIDDEN}"
    # "you may not distribute modified versions", "redistribution of altered copies is prohibited",
    # "modified versions must not be distributed"
    r"|\b(?:may|must|shall|can)\s*not\s+(?:re)?(?:distribute|share|publish|sell)\s+(?:any\s+)?"
    r"(?:modified|altered|changed|derivative)\s+(?:versions?|copies|works?|forms?)"
    r"|\b(?:re)?distribution\s+of\s+(?:any\s+)?(?:modified|altered|changed)\s+(?:versions?|copies|forms?)\s+"
    r"(?:\w+\s+){0,2}(?:is|are)\s+(?:not\s+(?:permitted|allowed)|prohibited|forbidden)"
    r"|\b(?:modified|altered|changed)\s+(?:versions?|copies)\s+(?:\w+\s+){0,3}(?:may|must|shall|can)\s*not\s+be\s+"
    r"(?:re)?(?:distributed|shared|published|sold)", re.IGNORECASE)
_OWN_SUBJECT = re.compile(r"(?<![日資基見絵原])本(?:ソフト|ツール|アプリ|プログラム|作品|素材|データ|アセット|フォント|ゲーム)|当(?:ソフト|ツール)"
                          r"|\bthis\s+(?:software|program|tool|app|application|font|game|work|package)\b", re.IGNORECASE)
_TALK = re.compile(r"[?？]|(?<!こ)とは|場合があります|ことが多い|\bfor\s+example\b|\bsuch\s+as\b|例えば|たとえば", re.IGNORECASE)


# 「素材の再配布・販売は禁止」「アセット単体での再配布・再販売はできません」, "the icons may not be
# redistributed or resold", "You may not resell the assets on their own"
# (selling alone, 「販売」, is a commercial limit, read as non-commercial terms elsewhere: not here)
_JA_REDISTRIBUTE = r"(?:再配布|再販売|再販|転売)"
_FORBIDS_AS_SUCH = re.compile(
    rf"{_JA_REDISTRIBUTE}[^。]{{0,15}}?{_JA_FORBIDDEN}"
    r"|\b(?:may|must|shall|can)\s*not\s+(?:be\s+)?(?:re-?distribut|resell|resold|re-?sold)\w*"
    r"|\b(?:re-?distribution|resale|reselling)\b[^.]{0,40}?\b(?:is|are)\s+(?:not\s+(?:permitted|allowed)|prohibited|forbidden)",
    re.IGNORECASE)
# a lead that forbids the uses listed after it
_FORBIDDING_LEAD = re.compile(rf"(?:次の|以下の)[^。]{{0,20}}?{_JA_FORBIDDEN}"
                              r"|\bthe\s+following\b[^.]{0,30}?\b(?:(?:is|are)\s+not\s+(?:permitted|allowed)|"
                              r"(?:is|are)\s+(?:prohibited|forbidden)|may\s+not)\b", re.IGNORECASE)
_REDISTRIBUTE_ITEM = re.compile(rf"{_JA_REDISTRIBUTE}|\b(?:re-?distribut\w*|resell\w*|resale)\b", re.IGNORECASE)
LIST_REACH = 6  # lines after a forbidding lead where the uses it forbids stand


def _own_terms(s) -> bool:
    if not (s.in_license_section or _OWN_SUBJECT.search(s.text)):
        return False
    return not (s.in_upstream_section or s.in_third_party_section or s.in_talk_section or _TALK.search(s.text)
                or mentions(s.text))


def forbidding_lines(lines: list[Line]) -> list[tuple[str, st._Sentence]]:
    """The sentences of the work's own terms that forbid handing it on, each with the custom id of
    what it forbids (NO_DERIVATIVES or NO_REDISTRIBUTION)."""
    out = []
    lead = None
    for s in st.sentences(lines):
        listed = lead is not None and s.heading == lead.heading and s.first_line <= lead.last_line + LIST_REACH
        if _FORBIDS.search(s.text) and _own_terms(s):
            out.append((NO_DERIVATIVES, s))
        elif (_FORBIDS_AS_SUCH.search(s.text) or listed and _REDISTRIBUTE_ITEM.search(s.text)) and _own_terms(s):
            out.append((NO_REDISTRIBUTION, s))
        if _FORBIDDING_LEAD.search(s.text) and _own_terms(s):
            lead = s
    return out
