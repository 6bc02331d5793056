"""The names of national identity numbers as people write them, and one scan per text that says which stand in it.

Fifteen recognizers (national_ids.py) each need to know whether their identifier's name is in a
text before they try its patterns, and almost no text names any: the question is asked once per
text, for all of them, by `LabelGate.named`. A first pass runs over the lower-cased text with
every label as a plain alternation (no look-around: the regex engine skips ahead on the labels'
first letters); only where it hits ("fin" in "final", "sin" in "since") is the exact label regex,
word edges and camelCase steps included, tried at that place. A text with no exact hit names no
identifier; one with a hit is read per identifier.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# Where a word starts or ends: not next to another letter, or at a camelCase step ("nhsNumber",
# "NHSNumber", "taxId"), so that a JSON key or a variable name counts as its words.
_CAMEL = r"(?-i:(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z]))"
WORD_START = rf"(?:(?<![^\W\d_])|{_CAMEL})"
WORD_END = rf"(?:(?![^\W\d_])|{_CAMEL})"
_ACRONYM = re.compile(r"[a-z]{2,5}")  # a label that may be written with a dot after each letter
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Letters that IGNORECASE matches to a label's letter but str.lower() leaves apart (dotless ı for
# i, long ſ for s): a text holding one is read by the exact regex alone.
_FOLDED_APART = frozenset("ıſ")


def label_regex(label: str) -> str:
    """A label as people write it: its words with a space, hyphen, underscore or nothing between
    them, and a short one-word label also with a dot after each letter ("N.I.F.")."""
    if _ACRONYM.fullmatch(label):
        return "".join(rf"{re.escape(letter)}\.?" for letter in label)
    return r"[\s\-_]?".join(re.escape(part) for part in re.split(r"[\s\-]+", label))


def labels_pattern(labels: Iterable[str]) -> str:
    """One regex (to compile with IGNORECASE) for any of `labels` as a whole word or camelCase part."""
    return rf"{WORD_START}(?:{'|'.join(map(label_regex, labels))}){WORD_END}"


def _by_first_letter(labels: Iterable[str]) -> str:
    """The labels' regexes as one alternation grouped by first letter ("n(?:hs|ie|…)|d(?:ni|…)"):
    the regex engine then tries each letter's few labels, not all of them, where one starts."""
    rests: dict[str, list[str]] = {}
    for label in labels:
        first = re.escape(label[0])
        rests.setdefault(first, []).append(label_regex(label)[len(first):])
    return "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in rests.items())


class LabelGate:
    """Which of several identifiers, each with its labels, are named in a text."""

    def __init__(self, labels_by_id: Sequence[tuple[object, Sequence[str]]]):
        self._exact = [(key, re.compile(labels_pattern(labels), re.IGNORECASE)) for key, labels in labels_by_id]
        every = [label for _, labels in labels_by_id for label in labels]
        self._any = re.compile(labels_pattern(every), re.IGNORECASE)
        self._loose = re.compile(_by_first_letter(label.lower() for label in every))

    def named(self, text: str) -> frozenset:
        """The keys of the identifiers one of whose labels stands in `text` as their exact regex
        reads it; the same answer as trying every exact regex on the whole text."""
        if not self._any_label(text):
            return frozenset()
        return frozenset(key for key, exact in self._exact if exact.search(text))

    def _any_label(self, text: str) -> bool:
        lower = text.lower()
        if not text.isascii() and (len(lower) != len(text) or not _FOLDED_APART.isdisjoint(lower)):
            return self._any.search(text) is not None  # lower-casing moved the offsets or split a fold
        for hit in self._loose.finditer(lower):
            # A label may also start inside a hit the scan stepped over ("nIC": "ni", then "IC").
            for at in range(hit.start(), hit.end()):
                if at and text[at - 1].isalpha() and text[at] not in _UPPER:
                    continue  # inside a word, and no camelCase step: no word starts here
                if self._any.match(text, at):
                    return True
        return False
