"""Japanese nouns that take a place or an organisation as their complement and so end its name."""

from __future__ import annotations

import re

# Relational nouns: a place or a body named before them is their complement, not their head
# (福岡出身 "from Fukuoka", 大阪周辺 "around Osaka", トヨタ傘下 "under Toyota"). The compound after
# a name is the name's own head (清水寺, トヨタ自動車); a relational noun says where or whose, so the
# name ends before it. Three kinds: origin and residence (出身, 在住), position and extent (周辺,
# 沖, 内), affiliation (傘下, 系列); and the titles of an office over a place (知事, 市長, 大使),
# which head a person, not the place.
RELATIONAL_NOUNS = frozenset("出身 生まれ 育ち 在住 在籍 出生 周辺 付近 近郊 一帯 全域 郊外 側 沖 上空 内 外 傘下 系列 "
                             "知事 市長 町長 村長 区長 大使 領事".split())
# Open classes of the same kind: a superlative (日本最大, 九州最古) ranks things within the place, and
# a part named by direction or zone (東部, 北西部, 沿岸部) is a region of it, not its name; Sudachi
# reads 東京都知事 as 東京 + 都知事, the governor's title with its kind of prefecture.
_RELATIONAL_SHAPES = re.compile(r"最.+|[東西南北中]+部|(?:沿岸|中心|内陸|山間)部|[都道府県]知事")


def relational_at(tokens, j: int) -> bool:
    """Whether the compound noun at tokens[j] is a relational noun (RELATIONAL_NOUNS) or of a
    relational shape; Sudachi may split the shape (東 + 部, 沿岸 + 部), so two tokens are read too."""
    text = tokens[j].text
    if text in RELATIONAL_NOUNS or _RELATIONAL_SHAPES.fullmatch(text):
        return True
    return j + 1 < len(tokens) and bool(_RELATIONAL_SHAPES.fullmatch(text + tokens[j + 1].text)) \
        and not tokens[j].whitespace_
