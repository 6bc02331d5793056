"""EMAIL_ADDRESS: RFC 5322 dot-atom addresses and their spelled-out forms (replaces Presidio's EmailRecognizer)."""

from __future__ import annotations

import regex as re

from curation.pii.recognizers.en.scored import CASE_SENSITIVE, ScoredRecognizer

_LOCAL = r"[\w!#$%&'*+/=?^`{|}~\-]+(?:\.[\w!#$%&'*+/=?^`{|}~\-]+)*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
_TLD = r"[A-Za-z]{2,24}(?![\w\-])"
# Spelled-out separators, as people write an address to keep it from harvesters: "(at)", "[at]",
# " at "; "(dot)", " dot ". A bracketed "at" is never prose, so its domain may keep plain dots;
# a bare " at " is ("we met at booking.com"), so it counts only with a spelled "dot" before the
# top-level domain ("jan dot kowal at onet dot pl").
_DOT_WORD = r"(?:\ ?[(\[{](?i:dot)[)\]}]\ ?|\ (?i:dot)\ )"
_AT_BRACKET = r"\ ?[(\[{<](?i:at)[)\]}>]\ ?"
_SPELLED_LOCAL = rf"[\w+\-]+(?:(?:\.|{_DOT_WORD})[\w+\-]+)*"
_ADDRESS = rf"{_LOCAL}@\ ?(?:{_LABEL}\.)+{_TLD}"  # "@ " too: a space typed after the at sign
_BRACKETED = rf"{_SPELLED_LOCAL}{_AT_BRACKET}(?:{_LABEL}(?:\.|{_DOT_WORD}))+{_TLD}"
# Nor when the domain is a determiner: "look at this dot com bubble".
_NOT_DETERMINER = r"(?!(?i:the|this|that|a|an|my|our|your|his|her|its|their|one)\ )"
_WORDED = rf"{_SPELLED_LOCAL}\ (?i:at)\ {_NOT_DETERMINER}(?:{_LABEL}(?:\.|{_DOT_WORD}))*{_LABEL}{_DOT_WORD}{_TLD}"
# Cheap test for a text that may hold one of the forms: most texts hold none.
_HINT = re.compile(r"@|(?i:[(\[{<]at[)\]}>]|\bdot\b)")


class CurationEmailRecognizer(ScoredRecognizer):
    """RFC 5322 "dot-atom" addresses with an alphabetic top-level domain, and the same addresses
    with "at" and "dot" spelled out. Presidio's recognizer tried its long pattern at every word and
    looked each match up in the public suffix list: 1 ms per document, the single most expensive
    recognizer; texts with neither "@" nor a spelled separator are skipped outright."""

    ENTITY = "EMAIL_ADDRESS"
    NAME = "CurationEmailRecognizer"
    REGEX = rf"(?<![\w.%+\-!#$&'*/=?^`{{|}}~])(?:{_ADDRESS}|{_BRACKETED}|{_WORDED})"
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    CONTEXT = ("email", "e-mail", "mail", "address", "contact")

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        return super().analyze(text, entities, nlp_artifacts, regex_flags) if _HINT.search(text) else []

    def score(self, value: str) -> float | None:
        # A spelled-out form is a likely address, not a certain one ("look at this dot com").
        return 1.0 if "@" in value else 0.6
