"""DATE_OF_BIRTH in English text: a date after a birth-date label (Date of birth: 14/03/1986)."""

from __future__ import annotations

import calendar

import regex as re

from curation.pii.recognizers.en.scored import ScoredRecognizer

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
_MONTHS = tuple(name[:3] for name in _MONTH_NAMES)  # what `score` reads a month by
# Each month whole or by its first three letters ("Jan", "June"), and "Sept".
_MONTH = rf"(?i:{'|'.join(name[:3] + (f'(?:{name[3:]})?' if name[3:] else '') for name in _MONTH_NAMES)}|Sept)\.?"
_DAY = r"(?:[0-3]?\d)(?i:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DATE = (rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:\d{{4}}|\d{{2}})"              # 14/03/1986, 3.14.86
         rf"|{_YEAR}[/.\-]\d{{1,2}}[/.\-]\d{{1,2}}"                            # 1986-03-14
         rf"|{_DAY}(?:\s+of)?[ \t\-]{{1,3}}{_MONTH}[ \t\-,]{{1,3}}(?:{_YEAR}|\d\d)"  # 14 March 1986, 14-Mar-86
         rf"|{_MONTH}[ \t]{{1,3}}{_DAY},?[ \t]{{1,3}}{_YEAR})")                  # March 14, 1986
# "The company was born on 1 March 2015": a thing's founding date, not a person's birth date. The
# subject is a determiner, at most two modifiers and a noun for something that is not a person,
# right before "(was) born"; a determiner after "of", "for"... makes that noun a complement ("the
# founder of the company was born on ..." is a person's birth date). A negative lookbehind before
# "born", within one line (a profile's "Member, the club" line above "Born on" is no subject).
_THING = (r"company|firm|business|brand|startup|start-up|project|band|group|app|idea|product|shop|store"
          r"|website|site|blog|channel|podcast|show|series|club|team|charity|label|studio|restaurant|venture"
          r"|organi[sz]ation|platform|initiative|game|magazine|newsletter|concept|movement|festival")
_NOT_A_PERSON = (r"(?<!(?<!\b(?i:of|for|from|at|with|in|by|behind|about)[ \t]{1,3})"
                 r"\b(?i:the|our|this|that|my|their|its|his|her|your|a|an)[ \t]{1,3}"
                 r"(?:(?!(?i:of|for|from|at|with|in|by|about)\b)[\w-]{1,20}[ \t]{1,3}){0,2}"
                 rf"(?i:{_THING})s?(?:[ \t]{{1,3}}(?i:was|were|is|got|had[ \t]{{1,3}}been|has[ \t]{{1,3}}been))?[ \t]{{1,3}})")
_WEEKDAY = r"(?:(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?[ \t]{1,3})?"
# The label names the date: a form's field ("Date of birth:", "DOB", "D.O.B."), a data key
# ("date_of_birth": ), or prose ("born on the", "date of birth was"). Bounded runs of blanks: an
# unbounded pair of them is quadratic on a long run of spaces.
_LABEL = (r"(?i:\b(?:date[\s_]{1,3}of[\s_]{1,3}birth|birth[\s_]{0,3}date|birthday|d\.?\s?o\.?\s?b\.?"
          rf"|{_NOT_A_PERSON}born(?:\s{{1,3}}on)?(?:\s{{1,3}}the)?)(?:\s{{0,3}}\([^)\n]{{0,20}}\))?)"
          r"[\"']?[ \t]{0,8}(?:[:\-–—=]|\bis\b|\bwas\b|\bon\b)?[ \t]{0,8}[\"']?(?:\n[ \t]{0,8}){0,2}")


class EnDateOfBirthRecognizer(ScoredRecognizer):
    """A date right after a birth-date label, in the usual English and international layouts
    (day-month-year, month-day-year, ISO, month names in any case, a weekday before it). Other
    dates describe the business (invoices, meetings, deadlines) and are not masked; a birth date,
    with a name, identifies a person, so the policy lists DATE_OF_BIRTH. Dates that do not exist
    are refused. A time may follow ("1986-03-14T10:30"): the date is still masked whole."""

    ENTITY = "DATE_OF_BIRTH"
    NAME = "EnDateOfBirthRecognizer"
    REGEX = rf"{_LABEL}{_WEEKDAY}(?P<date>{_DATE})(?![/.\-]?\d)"
    FLAGS = re.MULTILINE
    CONTEXT = ()

    def span(self, match) -> tuple[int, int]:
        return match.span("date")

    def score(self, value: str) -> float | None:
        numbers = [int(n) for n in re.findall(r"\d+", value)]
        month_name = re.search(r"[A-Za-z]{3}", re.sub(r"(?i)(?<=\d)(?:st|nd|rd|th)|\bof\b", "", value))
        if month_name:
            day, year = numbers
            year = year if year > 99 else 2000 + year  # the same leap years as 19xx, but 1900
            month = _MONTHS.index(month_name.group().lower()) + 1
            return 0.85 if _exists(year, month, day) else None
        a, b, c = numbers
        if a > 31:  # ISO: year first
            return 0.85 if _exists(a, b, c) else None
        year = c if c > 99 else 1900 + c
        # day/month or month/day: one of the two readings must be a date
        return 0.85 if _exists(year, b, a) or _exists(year, a, b) else None


def _exists(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]
