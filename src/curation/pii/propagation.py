"""A name found once in a document is masked wherever else it stands, and beside its coordinated peers.

A name joined to a found one by "vs", "and", "or", "&" or an arrow ("Sabalenka vs Gauff", "between
Keswick and Ambleside", "Bozeman → Yellowstone") names the same kind of thing: NER reads the first
and often not the second, a word it has not seen.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from curation.pii.role_shapes import FUNCTION_WORDS, JOB_NOUNS, UNIT_ENDS
from curation.pii.spans import CUE_WORDS, NAME_TYPES, NerEntity
from curation.pii.truecase import LETTER, capitalised_words, common_words


def _values(entity: NerEntity, text: str) -> list[str]:
    """The strings that stand for `entity` elsewhere: its whole text and, for a person named in
    several words, each capitalised word of the name ("Whitcombe" of "Joss Whitcombe")."""
    value = text[entity.start_char:entity.end_char]
    values = [value]
    words = value.split()
    if entity.label_ == "PERSON" and len(words) > 1:
        # A name word that is also a function word ("Will" of "Will Turner": "Will the team
        # meet?") is not propagated alone.
        values += [w for w in words if len(w) >= 3 and _name_word(w)
                   and w.lower() not in CUE_WORDS and w.lower() not in STOP_WORDS]
    return values


def _name_word(word: str) -> bool:
    """Whether `word` is a capitalised name word, or capitalised words joined by hyphens
    ("Farraday-Lowe": a double-barrelled surname stands alone as often as a plain one)."""
    return all(len(p) >= 2 and p[0].isupper() and p[1:].islower() and p.isalpha() for p in word.split("-"))


def propagate(entities: list[NerEntity], text: str) -> list[NerEntity]:
    """`entities` and, for each name among them (person, place, organisation), its other
    whole-word occurrences in `text` with the same spelling, under the same type (a person's
    surname or given name alone included): NER reads each mention in its own context and misses
    some ("Joss Whitcombe is back. Whitcombe missed u"), and a reader who sees one mention masked
    and the other not learns the name."""
    covered = bytearray(len(text) + 1)  # 1 where an entity already stands: one look per match
    for e in entities:
        covered[e.start_char:e.end_char] = b"\x01" * (e.end_char - e.start_char)
    out = list(entities)
    seen: set[str] = set()
    for e in entities:
        if e.label_ not in NAME_TYPES:
            continue
        for value in _values(e, text):
            if value in seen or len(value) < 3:
                continue
            seen.add(value)
            for start, end in _whole_words(text, value):
                if any(covered[start:end]):
                    continue
                out.append(NerEntity(e.label_, start, end))
                covered[start:end] = b"\x01" * (end - start)
    return out


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _whole_words(text: str, value: str):
    """(start, end) of each occurrence of `value` in `text` with no word character either side
    (str.find, not a regular expression compiled per name: that was 10% of the English stage)."""
    start = text.find(value)
    while start != -1:
        end = start + len(value)
        if (start == 0 or not _word_char(text[start - 1])) and (end == len(text) or not _word_char(text[end])):
            yield start, end
        start = text.find(value, start + 1)


# "vs"/"v." between rivals, "and"/"or"/"&" between peers, an arrow between stops of a route; spaces
# around it (a slash or a dash without them joins words of one name: "Leeds/Bradford", "Rolls-Royce").
_COORDINATOR = r"[ \t]+(?:vs\.?|v\.|versus|and|or|&|→|->)[ \t]+"
_AFTER = re.compile(_COORDINATOR, re.IGNORECASE)
_BEFORE = re.compile(_COORDINATOR + r"$", re.IGNORECASE)
_WORD = rf"{LETTER}+(?:['’]{LETTER}+)*"
_RUN_AFTER = re.compile(rf"{_WORD}(?: {_WORD})*")
_RUN_BEFORE = re.compile(rf"{_WORD}(?: {_WORD})*$")
# Departments, units and jobs: capitalised in business text, never a name's peer.
_ROLE_WORDS = FUNCTION_WORDS | JOB_NOUNS | UNIT_ENDS
# Steps along a chain of coordinated names: a route or a list is rarely longer, and the bound
# keeps a page of "A and B and C …" linear.
_CHAIN_STEPS = 8
_REACH = 60  # characters before a name searched for a coordinator and its peer


def _peer_word(word: str, lower_case: bool) -> bool:
    """Whether `word` can be a name coordinated with a found one: capitalised (not shouted) and no
    common or function word ("Gauff", not "Me", "Due", "Reading"); after a name written in lower
    case, a word in lower case that is usually written capitalised ("york" after "leeds and").
    A department or a job is no one's peer ("Lena Fischer and Procurement agreed")."""
    lower = word.lower()
    if lower in STOP_WORDS or lower in common_words() or len(word) < 2 or lower in _ROLE_WORDS:
        return False
    if lower_case:
        return word.islower() and lower in capitalised_words()
    return word[0].isupper() and not word.isupper()


def _name_words(words: list[str], lower_case: bool) -> int:
    """How many of `words`, from the first on, are name words (_peer_word)."""
    n = 0
    while n < len(words) and _peer_word(words[n], lower_case):
        n += 1
    return n


def _joins_word(c: str) -> bool:
    """Whether character `c` beside a run of words makes it part of a longer token."""
    return c.isalnum() or c in "_@-'’"


def _peer_after(text: str, end: int, lower_case: bool) -> tuple[int, int] | None:
    """(start, end) of the name words after a coordinator that follows `end`, or None."""
    m = _AFTER.match(text, end)
    run = m and _RUN_AFTER.match(text, m.end())
    if not run:
        return None
    words = run.group().split(" ")
    n = _name_words(words, lower_case)
    stop = run.start() + sum(len(w) for w in words[:n]) + n - 1
    if n == 0 or (n == len(words) and _joins_word(text[stop:stop + 1] or " ")):
        return None
    return run.start(), stop


def _peer_before(text: str, start: int, lower_case: bool) -> tuple[int, int] | None:
    """(start, end) of the name words before a coordinator that precedes `start`, or None."""
    low = max(0, start - _REACH)
    m = _BEFORE.search(text, low, start)
    run = m and _RUN_BEFORE.search(text, low, m.start())
    if not run:
        return None
    words = run.group().split(" ")[::-1]
    n = _name_words(words, lower_case)
    first = run.end() - (sum(len(w) for w in words[:n]) + n - 1)
    if n == 0 or (n == len(words) and (first == low > 0 or _joins_word(text[first - 1:first] or " "))):
        return None  # no name word, or the run cut by the window or part of a longer token
    return first, run.end()


def coordinated(entities: list[NerEntity], text: str) -> list[NerEntity]:
    """`entities` and, for each person, place or organisation among them, the name coordinated
    with it ("Sabalenka vs Gauff", "Keswick and Ambleside", "Tesco or Aldi") under the same type,
    where no entity stands there yet: a peer NER left unread. A peer found has its own peers, along
    a chain ("Oslo → Tromsø → Svalbard"), for at most _CHAIN_STEPS steps."""
    covered = bytearray(len(text) + 1)
    for e in entities:
        covered[e.start_char:e.end_char] = b"\x01" * (e.end_char - e.start_char)
    out = list(entities)
    pending = [e for e in entities if e.label_ in {"PERSON", "LOCATION", "ORGANIZATION"}]
    for _ in range(_CHAIN_STEPS):
        found = []
        for e in pending:
            lower_case = text[e.start_char:e.end_char].islower()
            for peer in (_peer_after(text, e.end_char, lower_case), _peer_before(text, e.start_char, lower_case)):
                if peer is None or any(covered[peer[0]:peer[1]]):
                    continue
                found.append(NerEntity(e.label_, *peer))
                covered[peer[0]:peer[1]] = b"\x01" * (peer[1] - peer[0])
        if not found:
            break
        out += found
        pending = found
    return out
