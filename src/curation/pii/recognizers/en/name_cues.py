"""Lower-case words a strong cue marks as a person's name although they are also common words ("my sister grace")."""

from __future__ import annotations

import regex as re

from spacy.lang.en.stop_words import STOP_WORDS

from curation.pii.address_words import KIN
from curation.pii.spans import CUE_WORDS, HANDLE_BODY
from curation.pii.truecase import FREE_AFTER, FREE_BEFORE, LETTER, LETTERS, capitalised_words, name_like_words

# Truecasing leaves in lower case the names that are words more often than names (grace, hope,
# mark, rose): NER then never sees them. Where the words around one say it names a person, it is
# capitalised in the truecased copy all the same, and NER decides; only a PERSON it finds there is
# kept. Measured (bench/pii_quality.py, masked / over-masked, before -> after): WNUT-17 half 1
# 0.7503 / 0.0305 -> 0.7511 / 0.0305; heldout1 social_en 0.6687 / 0.0169 -> 0.6781 / 0.0169
# (PERSON 0.636 -> 0.654); half 2 (confirming) unchanged, 0.7604 / 0.0478: no cue fires there.
# The cues:
# - a kinship or address word before it ("my sister grace", "nana rose", "happy birthday florence");
ADDRESS = r"happy\s+birthday|happy\s+bday|hbd|congrats|congratulations|thank\s+you|thanks|miss\s+you|love\s+you"
# - a verb of speech after it, the word opening its clause ("lmao hope just said", "then mark told us");
SPEECH = ("said|says|told|tells|asked|asks|replied|replies|texted|texts|tweeted|messaged|dmed|wrote|yelled"
          "|shouted|screamed|whispered|laughed|goes")
ADVERB = "just|also|then|literally|finally|even|always|never|actually|still"
CLAUSE_START = (r"(?:^|(?<=[.!?,;:\n(\"'“]\s?)"
                r"|(?<=\b(?:and|but|so|then|lol|lmao|omg|when|cos|cause|because)\s))")
# - a name truecasing capitalised beside it in a coordination ("jess and mark", "bri, kat and
#   nessa"), or "me" or "i" ("me and mark");
# - the same word elsewhere in the document with a capital, not opening a sentence, or as a part
#   of an @handle ("@diggy_simmons ... diggy should follow me").
_WORD = rf"{FREE_BEFORE}{LETTER}{{2,}}{FREE_AFTER}"  # a word of two letters or more, on its own
_KIN_BEFORE = re.compile(rf"\b(?i:(?:{KIN})|{ADDRESS})\s+(?P<w>{_WORD})\b")
# Kinship words alone, where the cue alone must say person (word_cued_names): after an address
# ("happy birthday gorgeous girl") comes a term of endearment as often as a name.
_KIN_ONLY_BEFORE = re.compile(rf"\b(?i:{KIN})\s+(?P<w>{_WORD})\b")
_SPEECH_AFTER = re.compile(rf"{CLAUSE_START}(?P<w>{_WORD})\s+(?:(?i:{ADVERB})\s+)?(?i:{SPEECH})\b")
_WITH_ME = re.compile(rf"\b(?:(?P<w>{_WORD})\s+(?:and|n|&)\s+(?i:i|me)\b"
                      rf"|\b(?i:me|i)\s+(?:and|n|&)\s+(?P<v>{_WORD})\b)")
# - "w/" (with) or "ft."/"feat." (featuring) before it ("gym w/ jo", "new track ft. nia storm"): posts
#   shorten the preposition that names company and guests;
_COMPANY_BEFORE = re.compile(rf"(?<![\w/])(?:w/|(?i:ft|feat)\.?\s)\s*(?P<w>{_WORD})")
# The same, the name opening its clause ("grace and i are", not "no english translation and I feel"):
# where the cue alone must say person (word_cued_names).
_OPENING_WITH_ME = re.compile(rf"{CLAUSE_START}(?P<w>{_WORD})\s+(?:and|n|&)\s+(?i:i|me)\b"
                              rf"|\b(?i:me|i)\s+(?:and|n|&)\s+(?P<v>{_WORD})\b")
_COORDINATED = re.compile(rf"\b(?P<a>{_WORD})\s*(?:,|\s(?:and|n|&))\s+(?P<b>{_WORD})\b")
_ANY_WORD = re.compile(_WORD)
# The words any cue but a coordination with a name or a twin needs ("sister", "said", "me"): most
# sentences hold none, and a set lookup of their words spares them every pattern.
_ANCHORS = frozenset(f"{KIN}|{SPEECH}|happy|hbd|congrats|congratulations|thank|thanks|miss|love|me|i|w|ft|feat".split("|"))
_HANDLE = re.compile(rf"(?<![\w@]){HANDLE_BODY}")
# A capitalised word alone after a lower-case word: not opening a sentence, not part of a longer
# name ("in New York" says nothing of "new").
_CAPITALISED_TWIN = re.compile(r"(?<=[a-z,] )([A-Z][a-z]+)\b(?![ -]?[A-Z])")
# Words that never name anyone here: function words (STOP_WORDS: "i", "and", "will"), form and
# address cue words (spans.CUE_WORDS), and the cue words themselves ("my mum said").
_NOT_A_NAME = (STOP_WORDS | CUE_WORDS | frozenset(f"{KIN}|{SPEECH}|{ADVERB}".split("|"))
               | {"lol", "lmao", "omg", "haha", "birthday", "bday"})


def twins(document: str) -> frozenset[str]:
    """Lower-case forms of the words `document` writes with a capital not opening a sentence, and
    of the parts of its @handles (split at underscores and dots: "@jordan.hayes"): where the same
    word is written in lower case, it is a name."""
    words = {m.group(1).lower() for m in _CAPITALISED_TWIN.finditer(document)}
    parts = {h.lower() for m in _HANDLE.finditer(document) for h in re.split(r"[_.]+", m.group()[1:])}
    return frozenset(words | parts)


def cued_names(view: str, raised: list[tuple[int, int]], twin_words: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) in `view` (a truecased stretch, offsets as written) of the lower-case words a
    cue marks as a person's name (see the cues above), not already among `raised` (the words
    truecasing capitalised), in order. `twin_words`: twins() of the whole document."""
    taken = set(raised)
    words = set(LETTERS.findall(view.lower()))
    found = _word_cued(view, words, _KIN_BEFORE, _WITH_ME)
    if raised:
        for m in _COORDINATED.finditer(view, overlapped=True):  # "bri, kat and nessa"
            if m.span("a") in taken:
                found.add(m.span("b"))
            elif m.span("b") in taken:
                found.add(m.span("a"))
    if not twin_words.isdisjoint(words):
        found.update(m.span() for m in _ANY_WORD.finditer(view) if m.group() in twin_words)
    return sorted(span for span in found if span not in taken and _could_be_a_name(view[span[0]:span[1]]))


def word_cued_names(view: str, raised: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) in `view` of the lower-case words the cue words around them mark as a person's
    name (kinship words, speech verbs, "me and", "w/", "ft."), not among `raised`: the
    cues that say person by themselves, unlike a coordination or a twin, which only say "a name
    like the other one" ("tom & becca, bottomless mimosas")."""
    taken = set(raised)
    found = _word_cued(view, set(LETTERS.findall(view.lower())), _KIN_ONLY_BEFORE, _OPENING_WITH_ME)
    # A word a hyphen joins to the next is part of a compound ("his grandma mid-scene", heldout3).
    return sorted(span for span in found if span not in taken and view[span[1]:span[1] + 1] != "-"
                  and _could_be_a_name(view[span[0]:span[1]]))


def _word_cued(view: str, words: set[str], before, with_me) -> set[tuple[int, int]]:
    """The spans the cue words mark (word_cued_names), unfiltered; `words`: the view's words,
    `before`: the pattern of the kinship (and address) words before a name, `with_me`: that of
    "X and i" / "me and X"."""
    found: set[tuple[int, int]] = set()
    if not _ANCHORS.isdisjoint(words):
        for m in before.finditer(view):
            found.add(m.span("w"))
        for m in _SPEECH_AFTER.finditer(view):
            found.add(m.span("w"))
        for m in with_me.finditer(view):
            found.add(m.span("w") if m.group("w") else m.span("v"))
        for m in _COMPANY_BEFORE.finditer(view):
            found.add(m.span("w"))
    return found


def _could_be_a_name(word: str) -> bool:
    """Whether a cue may capitalise `word`: written in lower case, no function or cue word, and
    capitalised in English text nearly as often as not (truecase.name_like_words: grace, hope, mark;
    a verb after "my dad" or "nana", capitalised only where it opens a sentence, is not: without
    this, WNUT-17 half 1 read "my dad lest", "my mommy cookin", "the wife recovering" as names).
    A capital that changes the word's length ("ß") would move every offset after it."""
    return (word.islower() and word not in _NOT_A_NAME and len(word[0].upper()) == 1
            and (word in name_like_words() or word in capitalised_words()))
