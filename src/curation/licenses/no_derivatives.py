"""Own terms that forbid distributing changed versions of the work: its no-derivatives duty.

A README's terms of use in the author's own words (a Japanese フリーソフト's 利用条件, a tool's
"Terms") often grant use and redistribution free of charge and forbid one thing: handing on a
modified version (「改変したものの配布は禁止します」, "You may not distribute modified versions").
No SPDX license is named, so the terms are custom, and the duty is the one Creative Commons calls
NoDerivatives; the project names such terms after their duty, as it names an own non-commercial
limit (`LicenseRef-Custom-NonCommercial`): `LicenseRef-Custom-NoDerivatives`.

A sentence counts where it speaks of the work's own terms: under a heading for them (License,
Terms, 利用条件, 利用規約 ...) or with the work as its subject (本ソフト, "this software"); a sentence
that names a license is that license's (CC BY-ND says the same of itself), and one that asks or
explains ("Can I ...?", 「〜とは」) is talk.
"""

from __future__ import annotations

import re

from curation.licenses import statements as st
from curation.licenses.names import mentions
from curation.licenses.text import Line

NO_DERIVATIVES = "LicenseRef-Custom-NoDerivatives"

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


def forbidding_lines(lines: list[Line]) -> list[st._Sentence]:
    """The sentences of the work's own terms that forbid distributing a modified version."""
    out = []
    for s in st.sentences(lines):
        if not _FORBIDS.search(s.text) or _TALK.search(s.text) or mentions(s.text):
            continue
        if s.in_upstream_section or s.in_third_party_section or s.in_talk_section:
            continue
        if s.in_license_section or _OWN_SUBJECT.search(s.text):
            out.append(s)
    return out
