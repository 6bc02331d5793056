"""DATE_OF_BIRTH: the date cells of a table column whose header names a birth date (dob, birth_date)."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from curation.pii.recognizers.en.date_of_birth import DATE, EnDateOfBirthRecognizer
from curation.pii.recognizers.en.table_columns import columns_of

_SCORE = 0.85
# A header's words, lower-cased, split at "_", "-", ".", "/", spaces and a lower-to-upper case change
# ("birth_date", "DateOfBirth", "D.O.B."), that name a birth date, in English and the languages of
# date_of_birth's labels.
_HEADERS = frozenset({
    ("dob",), ("d", "o", "b"), ("birthdate",), ("birthday",), ("birth", "date"), ("date", "of", "birth"),
    ("born",), ("geburtsdatum",), ("date", "de", "naissance"), ("fecha", "de", "nacimiento"),
    ("data", "di", "nascita"), ("data", "de", "nascimento"), ("geboortedatum",), ("födelsedatum",),
    ("fødselsdato",), ("dateofbirth",), ("birth", "dt"), ("bday",), ("b", "day"),
})
_LONGEST_NAME = max(map(len, _HEADERS))
# A header's note in parentheses is its format, not its name: "DOB (dd/mm/yyyy)".
_NOTE = re.compile(r"\([^()]*\)")
_CASE_CHANGE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SEPARATORS = re.compile(r"[\s_\-./]+")
# Only a text holding one of these can have such a header: most texts are skipped before any table is read.
_ANY_HEADER = re.compile(r"(?i:dob|d\.o\.b|birth|born|b-?day|geburt|naissance|nacimiento|nascita|nascimento|geboorte"
                         r"|födelse|fødsel)")
# 1 January 1900 is a database's placeholder for an unknown date (a dummy or test row), no one's birth.
_PLACEHOLDER = re.compile(r"1900-0?1-0?1|0?1[/.\-]0?1[/.\-]1900")
_DATE_CELL = re.compile(rf"[ \t]*({DATE})[ \t]*")


def names_birth_date(header: str) -> bool:
    """Whether a column header names a birth date ("DOB", "birth_date", "DateOfBirth", "customer_dob")."""
    words = tuple(w for w in _SEPARATORS.split(_CASE_CHANGE.sub(" ", _NOTE.sub(" ", header)).lower().strip()) if w)
    # The name may stand among other words of the header: "customer_dob", "Patient Date of Birth".
    return any(words[i:i + n] in _HEADERS for n in range(1, _LONGEST_NAME + 1) for i in range(len(words) - n + 1))


class DateOfBirthColumnRecognizer(EntityRecognizer):
    """The cells of a birth-date column that hold a date that exists (an export of staff or
    customers: "emp_no;surname;dob"). The date alone has no label beside it; the header is one."""

    ENTITY = "DATE_OF_BIRTH"

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=[self.ENTITY], name="DateOfBirthColumnRecognizer",
                         supported_language=supported_language)
        self._dates = EnDateOfBirthRecognizer(supported_language)

    def load(self) -> None:
        """Nothing to load."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if not _ANY_HEADER.search(text):
            return []
        meta = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        out = []
        for start, end, header in columns_of(text).cells():
            cell = _DATE_CELL.fullmatch(text, start, end)
            if (cell and names_birth_date(header) and not _PLACEHOLDER.fullmatch(cell.group(1))
                    and self._dates.score(cell.group(1))):
                out.append(RecognizerResult(self.ENTITY, cell.start(1), cell.end(1), _SCORE, dict(meta)))
        return out
