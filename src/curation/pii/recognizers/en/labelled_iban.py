"""IBAN_CODE after its label whose check digits or length fail: a mistyped IBAN is still an account number."""

from __future__ import annotations

import regex as re

from curation.pii.recognizers.en.scored import ScoredRecognizer


class LabelledIbanRecognizer(ScoredRecognizer):
    """An IBAN-shaped value right after the word IBAN ("IBAN: CH80 0076 2011 6238 5295"): two
    capital letters, two check digits, then 10 to 30 letters and digits, grouped by fours or not.
    Presidio's IbanRecognizer (which still runs) keeps only values whose mod-97 check and
    per-country length hold; a value one digit short or with a slip in it is refused there, yet
    the label says what it is and it still leads to the person's account. Without the label the
    shape alone is too common (part and order codes), so nothing else is taken."""

    ENTITY = "IBAN_CODE"
    NAME = "LabelledIbanRecognizer"
    # The label in any case ("iban:", "Iban"), then a colon, a dash or spaces ("IBAN - DE44 …");
    # the value ungrouped or grouped by fours or by fives. Each grouping is bounded and must end the
    # run (a further group of four or five refuses the match), so a long run is not cut; nothing backtracks.
    REGEX = (r"(?<=\b(?i:iban)(?:\ ?(?i:no|nr|number|code|\#)\.?)?(?:\ ?[:\-–]\ ?|\ {1,3}))"
             r"[A-Z]{2}\d{2}(?:[A-Z0-9]{10,30}|(?:\ [A-Z0-9]{4}){2,7}(?:\ [A-Z0-9]{1,3})?"
             r"|(?:\ [A-Z0-9]{5}){2,6}(?:\ [A-Z0-9]{1,4})?)(?![\w-])(?!\ [A-Z0-9]{4,5}(?![\w-]))")
    START = r"(?=[A-Z]{2}\d{2})"
    _ALNUM = re.compile(r"[A-Z0-9]")

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        return super().analyze(text, entities, nlp_artifacts, regex_flags) if "iban" in text.lower() else []

    def score(self, value: str) -> float | None:
        return 0.6 if 14 <= len(self._ALNUM.findall(value)) <= 34 else None
