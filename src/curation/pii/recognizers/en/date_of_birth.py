"""DATE_OF_BIRTH in English text: a date after a birth-date label (Date of birth: 14/03/1986)."""

from __future__ import annotations

import calendar

import regex as re

from curation.pii.recognizers.en.scored import ScoredRecognizer

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
# The months in the languages of the labels below (German, French, Spanish, Italian, Portuguese,
# Dutch, Swedish), each by the number it is: a form filled in abroad writes "17 avril 1994".
_FOREIGN_MONTHS = {
    "januar": 1, "janvier": 1, "enero": 1, "gennaio": 1, "janeiro": 1, "januari": 1,
    "februar": 2, "février": 2, "fevrier": 2, "febrero": 2, "febbraio": 2, "fevereiro": 2, "februari": 2,
    "märz": 3, "maerz": 3, "mars": 3, "marzo": 3, "março": 3, "maart": 3,
    "avril": 4, "abril": 4, "aprile": 4,
    "mai": 5, "mayo": 5, "maggio": 5, "maio": 5, "mei": 5, "maj": 5,
    "juni": 6, "juin": 6, "junio": 6, "giugno": 6, "junho": 6,
    "juli": 7, "juillet": 7, "julio": 7, "luglio": 7, "julho": 7,
    "august": 8, "août": 8, "aout": 8, "agosto": 8, "augustus": 8, "augusti": 8,
    "septembre": 9, "septiembre": 9, "settembre": 9, "setembro": 9,
    "oktober": 10, "octobre": 10, "octubre": 10, "ottobre": 10, "outubro": 10,
    "novembre": 11, "noviembre": 11, "novembro": 11,
    "dezember": 12, "décembre": 12, "decembre": 12, "diciembre": 12, "dicembre": 12, "dezembro": 12,
}
_MONTHS = tuple(name[:3] for name in _MONTH_NAMES)  # what `score` reads an English month by
# Every month name above, English and foreign, whole: a word that is a date, not a place or a name.
MONTH_WORDS = frozenset(_MONTH_NAMES) | frozenset(_FOREIGN_MONTHS)
# Each month whole or by its first three letters ("Jan", "June"), and "Sept"; then the foreign ones whole.
_MONTH = (rf"(?i:{'|'.join(sorted(_FOREIGN_MONTHS, key=len, reverse=True))}(?!\w)"
          rf"|{'|'.join(name[:3] + (f'(?:{name[3:]})?' if name[3:] else '') for name in _MONTH_NAMES)}|Sept)\.?")
_DAY = r"(?:[0-3]?\d)(?i:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
DATE = (rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:\d{{4}}|\d{{2}})"              # 14/03/1986, 3.14.86
         rf"|{_YEAR}[/.\-]\d{{1,2}}[/.\-]\d{{1,2}}"                            # 1986-03-14
         rf"|{_DAY}\.?(?:\s+(?:of|de))?[ \t\-]{{1,3}}{_MONTH}(?:[ \t]+de)?[ \t\-,]{{1,3}}(?:{_YEAR}|\d\d)"  # 14 March 1986, 14-Mar-86, 7. März 1984, 9 de marzo de 1996
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
# Labels in the languages of the forms English business text quotes: Geburtsdatum, geb. am, né(e) le,
# date de naissance, fecha de nacimiento, data di nascita, nato/a il, data de nascimento, nascido em,
# geboortedatum, geboren op, född, födelsedatum, fødselsdato, født.
_FOREIGN_LABEL = (r"geburtsdatum|geb\.(?:[ \t]am)?|geboren(?:[ \t](?:am|op))?|n[ée]e?[ \t]le|date[ \t]de[ \t]naissance"
                  r"|fecha[ \t]de[ \t]nacimiento|f\.[ \t]?nac\.|nacid[oa][ \t]el|data[ \t]di[ \t]nascita"
                  r"|nat[oa](?=[ \t]+(?:a|il)[ \t])"
                  r"|data[ \t]de[ \t]nascimento|nascid[oa][ \t]em|geboortedatum|född|födelsedatum|fødselsdato|født")
# A birthplace may stand between the label and the date: "Born: Pisa, 12/12/1985", "nato a Treviso il".
_PLACE = r"(?:(?:in|at|a|à)[ \t]+)?[A-ZÀ-Þ][\w'’-]+(?:[ \t][A-ZÀ-Þ][\w'’-]+)?(?:,[ \t]*|[ \t]+(?i:on|il|le|el|am|op)[ \t]+)"
# "bday"/"b-day" is a chat's and a vCard's birthday (BDAY:1990-05-21, RFC 6350).
_LABEL = (r"(?i:\b(?:date[\s_]{1,3}of[\s_]{1,3}birth|birth[\s_]{0,3}date|birthday|b-?day|d\.?\s?o\.?\s?b\.?"
          rf"|{_FOREIGN_LABEL}|{_NOT_A_PERSON}born(?:\s{{1,3}}on)?(?:\s{{1,3}}the)?)(?:\s{{0,3}}\([^)\n]{{0,40}}\))?)"
          r"(?:[ \t]{1,3}(?:is|was|has[ \t]been)[ \t]{1,3}(?:recorded|given|shown|listed|stated|entered|written|registered)"
          r"(?:\s{1,3}[\w']+){0,4}?\s{1,3}(?=as\b))?"   # "date of birth is recorded on her account as"
          r"[\"']?[ \t]{0,8}(?:[:\-–—=]|\bis\b|\bwas\b|\bon\b|\bas\b)?[ \t]{0,8}[\"']?(?:\n[ \t]{0,8}){0,2}"
          rf"(?:(?<=[:\s]){_PLACE})?\(?(?i:the[ \t]+)?")


class EnDateOfBirthRecognizer(ScoredRecognizer):
    """A date right after a birth-date label, in the usual English and international layouts
    (day-month-year, month-day-year, ISO, month names in any case, a weekday before it). Other
    dates describe the business (invoices, meetings, deadlines) and are not masked; a birth date,
    with a name, identifies a person, so the policy lists DATE_OF_BIRTH. Dates that do not exist
    are refused. A time may follow ("1986-03-14T10:30"): the date is still masked whole."""

    ENTITY = "DATE_OF_BIRTH"
    NAME = "EnDateOfBirthRecognizer"
    REGEX = rf"{_LABEL}{_WEEKDAY}(?P<date>{DATE})(?![/.\-]?\d)"
    FLAGS = re.MULTILINE
    CONTEXT = ()

    def span(self, match) -> tuple[int, int]:
        return match.span("date")

    def score(self, value: str) -> float | None:
        numbers = [int(n) for n in re.findall(r"\d+", value)]
        # The month's word, once ordinal endings and the joining "of"/"de" are gone ("3rd of May").
        month_name = re.search(r"[^\W\d_]{3,}", re.sub(r"(?i)(?<=\d)(?:st|nd|rd|th)|\b(?:of|de)\b", "", value))
        if month_name:
            day, year = numbers
            year = year if year > 99 else 2000 + year  # the same leap years as 19xx, but 1900
            word = month_name.group().lower()
            month = _FOREIGN_MONTHS.get(word) or _MONTHS.index(word[:3]) + 1
            return 0.85 if _exists(year, month, day) else None
        a, b, c = numbers
        if a > 31:  # ISO: year first
            return 0.85 if _exists(a, b, c) else None
        year = c if c > 99 else 1900 + c
        # day/month or month/day: one of the two readings must be a date
        return 0.85 if _exists(year, b, a) or _exists(year, a, b) else None


def _exists(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]
