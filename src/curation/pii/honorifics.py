"""Japanese honorifics and titles that follow a name, and where the name before them ends."""

from __future__ import annotations

import re

# Honorifics and titles that follow a name: the name is PII, the word after it is not.
HONORIFICS = ("様", "さま", "さん", "サン", "君", "くん", "ちゃん", "殿", "氏", "先生", "先輩",
              "社長", "副社長", "会長", "専務", "常務", "取締役", "部長", "副部長", "次長", "課長",
              "係長", "主任", "室長", "所長", "支店長", "店長", "工場長", "局長", "本部長", "課長代理",
              "教授", "准教授", "講師", "博士", "医師", "弁護士", "税理士", "議員", "代表", "御中",
              "選手", "監督")

_TRAILING_HONORIFIC = re.compile("[ 　]?(?:" + "|".join(sorted(map(re.escape, HONORIFICS), key=len, reverse=True))
                                 + ")[ 　]*$")


def name_end(span: str) -> int:
    """Where the name in a PERSON span ends: before a trailing honorific or title ("高橋様" → 2,
    "大和田支店長" → 3), or len(span) when there is none or nothing would be left of the name.
    For NER spans that swallowed the honorific: trimming them keeps the honorific unmasked."""
    m = _TRAILING_HONORIFIC.search(span)
    return m.start() if m and m.start() > 0 else len(span)
