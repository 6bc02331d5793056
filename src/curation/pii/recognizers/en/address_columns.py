"""LOCATION: the cells of a table column whose header names an address field (street, postcode, city).

A vendor or customer export writes an address over several columns ("street\tpostcode\tcity"):
a postcode alone in its cell has no town beside it ("170 00", "01001", "101") and a street no
street word ("Komunardů 894/32"), so the address patterns cannot tell them from numbers and
names; the header can. A cell counts only where its value has the field's shape: a postcode a
short code with a digit, a street letters with a house number or several words, a town letters.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from curation.pii.recognizers.en.address_parts import POSTAL_LABEL_WORDS
from curation.pii.recognizers.en.table_columns import columns_of

_SCORE = 0.6
# The words of a header that name each field, lower-cased: a header is split into words at "_",
# "-", ".", "/", spaces, a lower-to-upper case change and a letter-digit change ("street_name",
# "zip5", "cityName", "ZIP/Postal Code", "Billing Address"), and names the field of its first
# word found here. Short words that are also parts of common words (CP, CAP, Ort) are left out:
# the scan for them would run over most texts (so is "c.p.", which a header's words never hold).
_FIELD_WORDS = {
    "postal": tuple(w for w in POSTAL_LABEL_WORDS if " " not in w and "." not in w),
    "street": ("street", "streetaddress", "address", "addr", "straße", "strasse", "adresse",
               "dirección", "direccion", "indirizzo", "endereço"),
    "town": ("city", "town", "locality", "suburb", "stadt", "ville", "ciudad", "città", "cidade",
             "municipality"),
}
_FIELD_OF = {word: field for field, words in _FIELD_WORDS.items() for word in words}
# Two-word names whose words alone name no field ("Postal Address" is a street's).
_FIELD_PAIRS = {tuple(w.split()): "postal" for w in POSTAL_LABEL_WORDS if " " in w}
# A header with one of these words names no place: "Email Address", "IP address", "wallet address".
_NOT_PLACES = frozenset("email e mail ip mac web url wallet btc eth crypto hash host server memory "
                        "ipv4 ipv6 website".split())
# A header is a few words ("Billing Street Address 2"); a longer first cell is a sentence that
# happens to stand above a comma ("The new address for the note is Hardturmstrasse 161, ...").
_HEADER_WORDS_AT_MOST = 4
_CASE_CHANGE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_HEADER_SPACES = re.compile(r"[\s_\-./]+")


def field_of(header: str) -> str | None:
    """The address field ("postal", "street", "town") a column header names, None for others.
    The first field word wins: "Postcode/City" heads postcodes."""
    words = _HEADER_SPACES.split(_CASE_CHANGE.sub(" ", header).lower().strip())
    if len(words) > _HEADER_WORDS_AT_MOST or any(w in _NOT_PLACES for w in words):
        return None
    for i, word in enumerate(words):
        if word in _FIELD_OF:
            return _FIELD_OF[word]
        if tuple(words[i:i + 2]) in _FIELD_PAIRS:
            return _FIELD_PAIRS[tuple(words[i:i + 2])]
    return None


# A quick test before the table is read: some field word stands in the text as the start of a word
# with a cell delimiter after it on its line. A plain scan finds the shortest beginnings of
# those words (grouped by first letter: the engine tries a letter's few, not all), then each place
# found is looked at; a look-behind at every position would cost more than the table.
_FIRST_WORDS = frozenset([*_FIELD_OF, *(pair[0] for pair in _FIELD_PAIRS)])
_BEGINNINGS = sorted(w for w in _FIRST_WORDS if not any(w != v and w.startswith(v) for v in _FIRST_WORDS))
_ANY_NAME = re.compile("|".join(
    f"{re.escape(first)}(?:{'|'.join(re.escape(w[1:]) for w in _BEGINNINGS if w[0] == first)})"
    for first in sorted({w[0] for w in _BEGINNINGS})))
_WORD = re.compile(r"[^\W\d_]+")
_DELIMITER_AFTER = re.compile(r"[^\n\t|;,]{0,20}[\t|;,]")
_FIRST_WORD_TUPLE = tuple(_FIRST_WORDS)


def _may_head_a_column(lower: str) -> bool:
    for hit in _ANY_NAME.finditer(lower):
        start = hit.start()
        if start and lower[start - 1].isalpha():
            continue
        word = _WORD.match(lower, start)
        if word[0].startswith(_FIRST_WORD_TUPLE) and _DELIMITER_AFTER.match(lower, word.end()):
            return True
    return False


# The shape of each field's value.
_SHAPES = {
    "postal": re.compile(r"(?=[^\d]{0,4}\d)[A-Za-z0-9](?:[A-Za-z0-9]|[ \-](?=[A-Za-z0-9])){1,9}"),
    "street": re.compile(r"(?=.*[^\W\d_]{2})(?:.*\d.*|\S+(?:\s+\S+)+)"),
    "town": re.compile(r"[^\W\d_][^\W_]*(?:[ \-'.][^\W_]+){0,4}\.?"),
}
_LONGEST = {"postal": 10, "street": 80, "town": 40}
# One digit repeated ("00000", "99999") fills a required field of a test or dummy row.
_FILLER = re.compile(r"(\d)\1+")
_NO_VALUE = frozenset({"n/a", "na", "none", "null", "tbd", "unknown", "-", "–", "same", "see above"})


class AddressColumnRecognizer(EntityRecognizer):
    """The street, postcode and town cells of tables headed by those fields' names."""

    ENTITY = "LOCATION"

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=[self.ENTITY], name="AddressColumnRecognizer",
                         supported_language=supported_language)

    def load(self) -> None:
        """Nothing to load."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if not _may_head_a_column(text.lower()):
            return []
        meta = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        out = []
        for start, end, header in columns_of(text).cells():
            if has_field_shape(field_of(header), text[start:end]):
                out.append(RecognizerResult(self.ENTITY, start, end, _SCORE, dict(meta)))
        return out


def has_field_shape(field: str | None, value: str) -> bool:
    """Whether `value` has the shape of the address `field` ("postal", "street", "town"); False
    for no field, an empty marker ("n/a") or a value too long for the field."""
    return (field is not None and len(value) <= _LONGEST[field] and value.lower() not in _NO_VALUE
            and not _FILLER.fullmatch(value) and _SHAPES[field].fullmatch(value) is not None)
