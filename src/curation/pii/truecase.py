"""Truecasing: each word of a text written without capitals gets the case it most often has in English.

Mayhew et al. 2019 ("ner and pos when nothing is capitalized"): NER trained on cased text reads
names by their capitals, so a lower-case post shows it none ("saw kev in brooklyn"). Giving
each word its usual case ("saw Kev in Brooklyn") lets the cased model read it. Only letter case
changes and a word whose case change would change its length is left alone, so every character
keeps its place and offsets found in the truecased view are the text's. Names that are common
words more often than names (grace, will, hope, mark) stay in lower case: out of its reach.

The case statistics are spacy-lookups-data's English `lexeme_prob` table (MIT; case-sensitive log
probabilities of 1 M forms, counted on Reddit comments). The table itself takes 220 MB and 2 s to
load, so a compact part of it is derived once (`python -m curation.pii.truecase`) into
truecase_words.py: the forms whose capitalised spelling beats the lower-case one by MARGIN or more
(89,737 forms, 0.75 MB). That module is imported only when a worker first meets a lower-case
stretch: 0.04 s and +15 MB peak RSS (resource.getrusage), against 0.4 GB for a worker's models.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


# Natural-log probability a capitalised form must beat the lower-case form by. Counts include
# sentence-initial capitals, which inflate interjections and common words ("hey" +0.89, "king"
# +0.46, "rose" +0.24), while names and places win by more (john +2.90, amy +2.77, cardiff +2.86,
# kev +1.47); 1.0 keeps the former out. WNUT-17's first half (baseline 0.7333 masked, 0.0287
# over-masked; lower-case stretches only, before contractions were left out), margin 0.5 / 1.0 /
# 1.5 / 2.0: masked 0.7483 / 0.7458 / 0.7431 / 0.7403,
# over-masked 0.0301 / 0.0298 / 0.0296 / 0.0293 (many of the others are names WNUT leaves
# unlabelled: jim, cody, savannah).
MARGIN = 1.0
# Names that are also words: capitalised at least e^NAME_LIKE_GAIN as often as written in lower
# case, and seen capitalised at NAME_LIKE_FLOOR or more (rare forms are typos and usernames):
# where a cue marks one as a name (recognizers/en/name_cues.py), it is capitalised after all.
NAME_LIKE_GAIN = -2.0
NAME_LIKE_FLOOR = -17.0
# Common words: written in lower case at least as often as capitalised, and frequent (log
# probability COMMON_FLOOR or more: 19,511 lower-case forms reach it). A capital on one says only
# that it opens a sentence or is shouted ("Great game", "SO PROUD"); a rarer word may be a name
# the table hardly knows ("Mochi", "Eyeopener").
COMMON_FLOOR = -14.0
# The table's own log probability for a form it has not seen.
OOV_PROB = -20.5020294189
# A letter of any script: a word character that is neither a digit nor an underscore.
LETTER = r"[^\W\d_]"
LETTERS = re.compile(rf"{LETTER}+")
# What stands either side of a word written on its own, not part of a handle, a hashtag, a code
# ("m25"), a link or an address ("a@b.com"). The name cues read words so too.
FREE_BEFORE = r"(?<![@#\w./])"
FREE_AFTER = r"(?![\w@/]|\.\w)"
# Letters with apostrophes inside ("don't", "O'Brien"): the words whose first capitals pooling counts.
APOSTROPHE_WORD = re.compile(rf"{LETTER}[^\W\d_']*")
# A word: letters, with what follows an apostrophe ("don't", "kev's"), on its own (FREE_BEFORE).
WORD = re.compile(rf"{FREE_BEFORE}{LETTER}+(?:['’]{LETTER}+)*{FREE_AFTER}")
# A possessive: the name before it is looked up ("kev's" as "kev"); any other apostrophe makes a
# contraction, never a name ("don't" is not "Don't").
_POSSESSIVE_ENDS = ("'s", "’s")


@lru_cache(maxsize=1)
def capitalised_words() -> frozenset[str]:
    """Lower-case forms of the words usually written with a capital (from truecase_words)."""
    from curation.pii import truecase_words

    return frozenset(truecase_words.TITLE.split())


@lru_cache(maxsize=1)
def name_like_words() -> frozenset[str]:
    """Lower-case forms of the words written capitalised nearly as often as not (derive_name_like)."""
    from curation.pii import truecase_words

    return frozenset(truecase_words.NAME_LIKE.split())


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Frequent words written in lower case at least as often as capitalised (from truecase_words)."""
    from curation.pii import truecase_words

    return frozenset(truecase_words.COMMON.split())


def usual_case(word: str) -> str:
    """`word` capitalised when that is its usual case ("Cardiff" for "cardiff" or "CARDIFF", "Kev's"
    for "kev's"), else as written; a word whose case change would change its length stays as
    written too."""
    lower = word.lower()
    stem = lower[:-2] if lower.endswith(_POSSESSIVE_ENDS) else lower  # a plain suffix test, not a regex per word
    cased = lower[0].upper() + lower[1:] if stem in capitalised_words() else word
    return cased if len(cased) == len(word) else word


def truecased(text: str) -> tuple[str, list[tuple[int, int]]]:
    """`text` with each word written in lower case or in capitals capitalised where that is its
    usual case (usual_case), and (start, end) of those words: the same length, every character in
    its place. Words written with an initial capital keep the writer's case. All-capitals
    spellings are not restored: in text without capitals they raise acronyms out of words ("op",
    "xxxxx"), which NER then reads as names."""
    out = list(text)
    raised: list[tuple[int, int]] = []
    for m in WORD.finditer(text):
        word = m.group()
        if not (word.islower() or (word.isupper() and len(word) > 1)):
            continue
        cased = usual_case(word)
        if cased != word:
            out[m.start():m.end()] = cased
            raised.append(m.span())
    return "".join(out), raised


@dataclass(frozen=True)
class Neighbour:
    """A word in lower case one space from a raised word (`partner`), that may be the other part
    of its name: after it, the surname slot ("tom hardy"); before it, the first word of a place
    ("stoke newington")."""

    span: tuple[int, int]
    partner: tuple[int, int]
    after: bool


def name_neighbours(view: str, raised: list[tuple[int, int]]) -> list[Neighbour]:
    """The words in lower case of `view` (a truecased text) one space from a raised word that are
    a name as often as a word and no common word (name_like_words, not common_words): candidates
    for a name of several words whose other part is also a word ("taylor swift", "stoke
    newington": "Taylor swift" read as the person Taylor). A word that opens its sentence is no
    candidate before a raised word: its capitals in the case statistics come from the sentences it
    opens ("wow", "yay", "congrats"), not from names. Whether a candidate is capitalised is for
    the parse of the view to say (caseless_name: a verb, or a place's neighbour, is not)."""
    words = [m.span() for m in WORD.finditer(view)]
    raised_set = set(raised)
    out = []
    for i, span in enumerate(words):
        word = view[span[0]:span[1]]
        if span in raised_set or not word.islower() or word not in name_like_words() or word in common_words():
            continue
        if i > 0 and words[i - 1] in raised_set and view[words[i - 1][1]:span[0]] == " ":
            out.append(Neighbour(span, words[i - 1], after=True))
        elif (i + 1 < len(words) and words[i + 1] in raised_set and view[span[1]:words[i + 1][0]] == " "
              and not _opens_sentence(view, span[0])):
            out.append(Neighbour(span, words[i + 1], after=False))
    return out


def _opens_sentence(view: str, start: int) -> bool:
    """Whether the word at `start` of `view` is the first of its sentence: nothing but spaces and
    sentence ends before it on its line."""
    before = view[:start].rstrip(" \t")
    return before == "" or before[-1] in "\n.!?"


def derive(margin: float = MARGIN) -> list[str]:
    """From spacy-lookups-data's `lexeme_prob`: the lower-case forms of the words whose capitalised
    spelling is the most likely and beats the lower-case one by `margin` or more. A form the table
    lacks counts at OOV_PROB."""
    return sorted(lower for lower, gain, _ in _capitalised_forms() if gain >= margin)


def derive_name_like(margin: float = MARGIN) -> list[str]:
    """The lower-case forms of the words written capitalised nearly as often as not (by NAME_LIKE_GAIN
    up to `margin`), and seen capitalised at NAME_LIKE_FLOOR or more: names that are also words
    (grace, hope, mark). Sentence openings alone give a common word about e^-3 as many capitals
    (said -5.1, went -3.4, face -3.6, recovering -3.2)."""
    return sorted(lower for lower, gain, p in _capitalised_forms()
                  if NAME_LIKE_GAIN <= gain < margin and p >= NAME_LIKE_FLOOR)


def derive_common(floor: float = COMMON_FLOOR) -> list[str]:
    """The lower-case forms of letters only that the table gives `floor` or more and whose
    capitalised spelling is no more likely: the common words (COMMON_FLOOR)."""
    prob = _lexeme_prob()
    return sorted(form for form, p in prob.items()
                  if p >= floor and form.islower() and LETTERS.fullmatch(form)
                  and prob.get(form[0].upper() + form[1:], OOV_PROB) <= p)


@lru_cache(maxsize=1)
def _lexeme_prob() -> dict[str, float]:
    """spacy-lookups-data's English `lexeme_prob` table: log probability by form."""
    import gzip
    import json
    from pathlib import Path

    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path, "rt", encoding="utf8") as f:
        return json.load(f)


@lru_cache(maxsize=1)
def _capitalised_forms() -> list[tuple[str, float, float]]:
    """(lower-case form, log-probability gain of its capitalised spelling over it, log probability
    of the capitalised spelling) for each capitalised word of the table that is no contraction
    and is at least as likely as its all-capitals spelling."""
    from spacy.lang.en.tokenizer_exceptions import TOKENIZER_EXCEPTIONS

    prob = _lexeme_prob()
    out = []
    for form, p in prob.items():
        lower = form.lower()
        if form == lower or form != lower[0].upper() + lower[1:] or not LETTERS.fullmatch(form):
            continue
        if len(TOKENIZER_EXCEPTIONS.get(lower, ())) > 1 or _apostrophe_dropped(lower, TOKENIZER_EXCEPTIONS):
            continue  # a contraction without its apostrophe ("dont", "thats", "im"): never a name
        caps = prob.get(lower.upper(), OOV_PROB) if len(form) > 1 else OOV_PROB  # "I" is both
        if p >= caps:
            out.append((lower, p - prob.get(lower, OOV_PROB), p))
    return out


def _apostrophe_dropped(word: str, exceptions: dict) -> bool:
    """Whether `word` is a contraction spaCy splits, written without its apostrophe, that spaCy does
    not list that way because the spelling is also a word: "lets" for "let's". Its capital comes
    from the sentences it opens ("Lets go": +5.75 in the table), and in business text, where it is
    the verb ("a tool that lets customers ..."), it made the caseless reading read 109 of the 112
    sentences it read in bench/pii_throughput.py's corpus (600 + 150 documents), for nothing."""
    return any(len(exceptions.get(f"{word[:i]}'{word[i:]}", ())) > 1 for i in range(1, len(word)))


def _write_words(margin: float = MARGIN) -> None:
    """Write truecase_words.py beside this module (derive and derive_name_like at `margin`,
    derive_common): a line of words each, as generated data, not code to read."""
    from pathlib import Path

    Path(__file__).with_name("truecase_words.py").write_text(
        '"""Generated data: lower-case forms of English words usually written capitalised (TITLE), '
        'or nearly as often.\n\n'
        f'Written by `python -m curation.pii.truecase` (truecase.derive and derive_name_like, margin {margin}; '
        'derive_common: COMMON,\nthe common words) from spacy-lookups-data\'s English lexeme_prob table (MIT). '
        'Do not edit."""\n\n'
        f'TITLE = "{" ".join(derive(margin))}"\n'
        f'NAME_LIKE = "{" ".join(derive_name_like(margin))}"\n'
        f'COMMON = "{" ".join(derive_common())}"\n', encoding="utf8")


if __name__ == "__main__":
    import sys

    _write_words(float(sys.argv[1]) if len(sys.argv) > 1 else MARGIN)
