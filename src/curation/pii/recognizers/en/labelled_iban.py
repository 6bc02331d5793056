"""IBAN_CODE after its label whose check digits or length fail: a mistyped IBAN is still an account number."""

from __future__ import annotations

import regex as re
from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers.generic.iban_patterns import regex_per_country

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

    # The same label before a value grouped as no bank groups it ("GB29 NWBK 601613 31926819"): the
    # groups of up to eight letters and digits after it, the longest run of them that passes the
    # mod-97 check as one IBAN. The check, not the shape, tells where the IBAN ends ("… BIC NWBKGB2L").
    _LABEL_THEN = re.compile(r"\b(?i:iban)(?:\ ?(?i:no|nr|number|code|\#)\.?)?(?:\ ?[:\-–]\ ?|\ {1,3})"
                             r"(?=[A-Z]{2}\d{2})")
    _GROUPS = re.compile(r"[A-Z0-9]{1,8}(?:\ [A-Z0-9]{1,8}){0,9}(?![\w-])")
    _GROUP = re.compile(r"[A-Z0-9]+")
    CHECKED_SCORE = 0.85

    # Without the label: a value grouped by fours as banks print an IBAN, of a country that has
    # IBANs, whose mod-97 check holds, though a group is missing or one too many ("account IL39
    # 0108 0012 3456 7890 12"), which Presidio's per-country length refuses. The check is the
    # label here: a part or order code of that shape passes it once in 97.
    _GROUPED = re.compile(r"\b(?P<cc>[A-Z]{2})\d{2}(?:\ [A-Z0-9]{4}){3,7}(?:\ [A-Z0-9]{1,3})?(?![\w-])"
                          r"(?!\ [A-Z0-9]{1,4}(?![\w-]))")

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        labelled = "iban" in text.lower()
        results = super().analyze(text, entities, nlp_artifacts, regex_flags) if labelled else []
        taken = {r.start for r in results}
        spans = [self._checked_run(text, label.end()) for label in self._LABEL_THEN.finditer(text)
                 if label.end() not in taken] if labelled else []
        spans += [value.span() for value in self._GROUPED.finditer(text)
                  if value.start() not in taken and value.group("cc") in IBAN_COUNTRIES
                  and iban_check_ok(value.group().replace(" ", ""))]
        for span in dict.fromkeys(s for s in spans if s is not None):
            results.append(RecognizerResult(self.ENTITY, *span, self.CHECKED_SCORE, recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return results

    def _checked_run(self, text: str, start: int) -> tuple[int, int] | None:
        """(start, end) of the longest run of groups at `start` that is one IBAN by mod-97, or None."""
        run = self._GROUPS.match(text, start)
        if run is None:
            return None
        groups = [g.span() for g in self._GROUP.finditer(text, start, run.end())]
        for count in range(len(groups), 1, -1):
            value = "".join(text[a:b] for a, b in groups[:count])
            if 15 <= len(value) <= 34 and iban_check_ok(value):
                return start, groups[count - 1][1]
        return None

    def score(self, value: str) -> float | None:
        return 0.6 if 14 <= len(self._ALNUM.findall(value)) <= 34 else None


# The countries of the IBAN registry (ISO 13616) that Presidio's IbanRecognizer knows.
IBAN_COUNTRIES = frozenset(regex_per_country)


def iban_check_ok(value: str) -> bool:
    """Whether `value` (letters and digits, no spaces) passes the IBAN's ISO 13616 mod-97 check."""
    moved = value[4:] + value[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1
