"""PHONE_NUMBER read out digit by digit in words, as call transcripts write it ("five oh nine, five five five")."""

from __future__ import annotations

import regex as re

from curation.pii.recognizers.en.scored import ScoredRecognizer

_DIGITS = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9}
_REPEATS = {"double": 2, "triple": 3}
_DIGIT = rf"(?:(?:double|triple)\ )?(?:{'|'.join(_DIGITS)})"
# One digit word after another, joined by a space, a comma or a hyphen. The run is bounded (20
# words): a longer one is no phone number, and the bound keeps a page of digit words linear.
_RUN = rf"\b(?i:{_DIGIT}(?:(?:,\ ?|\ |-){_DIGIT}){{6,19}})\b"
_WORD = re.compile(rf"(?i:(?:(double|triple)\ )?({'|'.join(_DIGITS)}))")


def spoken_digits(value: str) -> list[int]:
    """The digits a run of digit words spells, "double"/"triple" written out ("double zero" → 0, 0)."""
    digits: list[int] = []
    for repeat, word in _WORD.findall(value):
        digits.extend([_DIGITS[word.lower()]] * _REPEATS.get(repeat.lower(), 1))
    return digits


class SpokenPhoneRecognizer(ScoredRecognizer):
    """Seven to fifteen digits read out as words ("five oh nine, five five five, oh one nine two",
    "zero seven seven double zero…"). Digit patterns never see them: a caller spells the number
    and the transcript keeps the words. "Oh" for zero, "double"/"triple", or comma-separated
    groups are how a number is read, not how anything is counted, so such a run is taken alone;
    a plain run of digit words needs a context word ("number", "call") before it, and a run that
    counts up or down ("one two three four five six seven") is refused."""

    ENTITY = "PHONE_NUMBER"
    NAME = "SpokenPhoneRecognizer"
    REGEX = _RUN
    START = r"(?=(?i:[zotfsend]))"  # the first letters of the digit words and of double/triple
    CONTEXT = ("phone", "telephone", "call", "number", "mobile", "cell", "reach", "dial", "contact", "callback")
    _READ_OUT = re.compile(r"(?i:\boh\b|double|triple|\w,\ ?\w+[\ -]\w)")

    def score(self, value: str) -> float | None:
        digits = spoken_digits(value)
        if not 7 <= len(digits) <= 15:
            return None
        steps = {b - a for a, b in zip(digits, digits[1:])}
        if steps in ({1}, {-1}):
            return None  # counting, not a number
        return 0.5 if self._READ_OUT.search(value) else 0.3
