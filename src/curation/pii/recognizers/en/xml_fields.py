"""LOCATION and DATE_OF_BIRTH: the text of an XML element whose name names an address part or a birth date.

<PstCd>72764</PstCd>, <city>Gent</city>, <birthDate>1969-08-23</birthDate>: the element's name is
the value's label, as a column header is a cell's.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import EntityRecognizer, RecognizerResult

from curation.pii.recognizers.en.address_columns import field_of, has_field_shape
from curation.pii.recognizers.en.date_of_birth import DATE, EnDateOfBirthRecognizer
from curation.pii.recognizers.en.date_of_birth_columns import names_birth_date

_SCORE = 0.6
_DOB_SCORE = 0.85
# An element on one line with text only inside, its closing tag the same name (a namespace prefix
# aside): the element's name is the value's label, as a column header is a cell's.
_ELEMENT = re.compile(r"<(?:[\w.\-]+:)?([A-Za-z][\w.\-]*)(?:\s[^<>\n]*)?>[ \t]*([^<>\n]{1,80}?)[ \t]*"
                      r"</(?:[\w.\-]+:)?\1>")
# ISO 20022 payment messages (pain, camt, pacs) abbreviate their element names; spelled out, they
# are the words a table header would use.
_ISO_20022 = {"pstcd": "postal code", "strtnm": "street name", "twnnm": "town name", "bldgnb": "building number",
              "bldgnm": "building name", "adrline": "address line", "dstrctnm": "district name",
              "twnlctnnm": "town location name", "ctrysubdvsn": "state", "birthdt": "birth date",
              "cityofbirth": "city of birth"}
# A house number has its own element in those messages and in many schemas ("<houseNumber>").
_NUMBER_NAMES = frozenset({("building", "number"), ("house", "number"), ("house", "no"), ("street", "number")})
_NUMBER = re.compile(r"\d{1,5}[A-Za-z]?(?:[\-/]\d{1,5}[A-Za-z]?)?")
# A region is a place too in an address record; XML writes it as its own element.
_REGIONS = frozenset({"state", "province", "region", "county"})
_DATE_VALUE = re.compile(DATE)
_CASE_CHANGE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_WORDS = re.compile(r"[\s_\-.]+")
# Only a text with an element of one of these names is read.
_ANY_NAME = re.compile(r"(?i:pstcd|strtnm|twnnm|bldgnb|adrline|birth|postal|post_?code|zip|street|city|town"
                       r"|state|province|house|building)[\w.\-]*>")


def _words(name: str) -> tuple[str, ...]:
    name = _ISO_20022.get(name.lower(), name)
    return tuple(w for w in _WORDS.split(_CASE_CHANGE.sub(" ", name).lower()) if w)


class XmlFieldRecognizer(EntityRecognizer):
    """The postcode, street, house number, town and region of an XML address, and a birth date,
    by their element's name: alone in its element, a postcode or a number has no label beside it."""

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=["LOCATION", "DATE_OF_BIRTH"], name="XmlFieldRecognizer",
                         supported_language=supported_language)
        self._dates = EnDateOfBirthRecognizer(supported_language)

    def load(self) -> None:
        """Nothing to load."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if "</" not in text or not _ANY_NAME.search(text):
            return []
        meta = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        out = []
        for element in _ELEMENT.finditer(text):
            entity = self._entity(_words(element.group(1)), element.group(2))
            if entity is not None and entity[0] in entities:
                out.append(RecognizerResult(entity[0], element.start(2), element.end(2), entity[1], dict(meta)))
        return out

    def _entity(self, words: tuple[str, ...], value: str) -> tuple[str, float] | None:
        """(entity, score) of an element named by `words` holding `value`, None for other elements."""
        if names_birth_date(" ".join(words)):
            dated = _DATE_VALUE.fullmatch(value) and self._dates.score(value)
            return ("DATE_OF_BIRTH", _DOB_SCORE) if dated else None
        if words in _NUMBER_NAMES:
            return ("LOCATION", _SCORE) if _NUMBER.fullmatch(value) else None
        field = "town" if len(words) == 1 and words[0] in _REGIONS else field_of(" ".join(words))
        # A street's own element may hold its name alone ("<StrtNm>Oudegracht</StrtNm>"), one word
        # that a table's address column would not be sure of.
        named = has_field_shape(field, value) or (field == "street" and has_field_shape("town", value))
        return ("LOCATION", _SCORE) if named else None
