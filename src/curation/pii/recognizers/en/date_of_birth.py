"""DATE_OF_BIRTH in English text: a date after a birth-date label (Date of birth: 14/03/1986)."""

from __future__ import annotations

import regex as re

from curation.pii.recognizers.en.scored import ScoredRecognizer

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DATE = (rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:\d{{4}}|\d{{2}})"              # 14/03/1986, 3.14.86
         rf"|{_YEAR}[/.\-]\d{{1,2}}[/.\-]\d{{1,2}}"                            # 1986-03-14
         rf"|{_DAY}(?:\s+of)?[\s\-]+{_MONTH}[\s\-,]+{_YEAR}"                   # 14 March 1986, 14-Mar-1986
         rf"|{_MONTH}\s+{_DAY},?\s+{_YEAR})")                                  # March 14, 1986
# The label names the date: a form's field ("Date of birth:", "DOB", "D.O.B.") or prose ("born
# on", "was born"). What follows it may be a colon, a dash, "is", "on".
_LABEL = (r"(?i:\b(?:date\s+of\s+birth|birth\s*date|birthday|d\.?\s?o\.?\s?b\.?|born(?:\s+on)?)"
          r"(?:\s*\([^)\n]{0,20}\))?)[ \t]*(?:[:\-–—=]|\bis\b|\bon\b)?[ \t]*(?:\n[ \t]*)?")


class EnDateOfBirthRecognizer(ScoredRecognizer):
    """A date right after a birth-date label, in the usual English and international layouts
    (day-month-year, month-day-year, ISO, month names). Other dates describe the business
    (invoices, meetings, deadlines) and are not masked; a birth date, with a name, identifies a
    person, so the policy lists DATE_OF_BIRTH. Impossible dates are refused."""

    ENTITY = "DATE_OF_BIRTH"
    NAME = "EnDateOfBirthRecognizer"
    REGEX = rf"{_LABEL}(?P<date>{_DATE})(?![\w/.\-]\d)"
    FLAGS = re.MULTILINE
    CONTEXT = ()

    def span(self, match) -> tuple[int, int]:
        return match.span("date")

    def score(self, value: str) -> float | None:
        numbers = [int(n) for n in re.findall(r"\d+", value)]
        if len(numbers) == 3:
            a, b, c = numbers
            if a > 31:  # ISO: year first
                return 0.85 if 1 <= b <= 12 and 1 <= c <= 31 else None
            # day/month or month/day: one of the two readings must be a date
            return 0.85 if (1 <= b <= 12 and 1 <= a <= 31) or (1 <= a <= 12 and 1 <= b <= 31) else None
        return 0.85 if numbers and 1 <= numbers[0] <= 31 else None
