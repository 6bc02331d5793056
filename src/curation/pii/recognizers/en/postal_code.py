"""LOCATION: postal codes in address position, alone (ZIP after a state, UK, Irish) or with their town (Mumbai 400050)."""

from __future__ import annotations

import regex as re

from curation.pii.recognizers.en.address_parts import NUMBERED_THING, POSTAL_TOWN, TOWN_POSTAL
from curation.pii.recognizers.en.scored import CASE_SENSITIVE, ScoredRecognizer

# A code where its shape or its place says what it is, with no town needed.
_ALONE = r"""
    (?<=,\ [A-Z]{2}\ )\d{5}(?:-\d{4})?\b                                       # , CA 94105
  | (?<=\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\ )\d{4}\b                           # AU states
  | \b(?:[A-Z]{1,2}[0-9][A-Z0-9]?\ [0-9][A-Z]{2}|[A-Z][0-9][A-Z]\ ?[0-9][A-Z][0-9])\b   # UK, CA
  | \b[AC-FHKNPRTV-Y][0-9][0-9W]\ (?=[0-9]{0,3}[AC-FHKNPRTV-Y])(?=[AC-FHKNPRTV-Y]{0,3}[0-9])
    [0-9AC-FHKNPRTV-Y]{4}(?![\w-])                                            # IE Eircode: D16 X2P8
  | (?<=\b(?i:zip(?:\ ?code)?|post(?:al)?\ ?code|PLZ|CEP|c[oó]digo\ postal|code\ postal)[\ :\#.]{1,3})
    (?:\d{4}\ ?[A-Z]{2}|\d{5}-\d{3}|\d{3,6}(?:-\d{3,4})?|[A-Z]{1,2}-\d{4,5})(?![\w-])   # zip code 76400
"""
# The end of an address part: a comma, a bar, the end of the line, or the end of a sentence.
_PART_END = r"(?=[ \t]*(?:[,;)|·]|\n|$)|\.(?:[ \t]*(?:\n|$)|[ \t]+[A-Z][a-z]))"
# Where an address part starts: a line, or after a comma, a middle dot or a table bar ("Am Sandtorkai
# 48 · 20457 Hamburg", "| 0364 Oslo |"). Not after a colon: "Qty: 2500 Units." is a quantity.
_PART_START = r"(?<=^[ \t]*|[,·|][ \t]{1,2})"
# A postal code beside its town, as an address part of its own: code first (20457 Hamburg) or town
# first (Riyadh 12214; New Delhi – 110016, an Indian PIN after a dash).
_PAIR = rf"""{_PART_START}(?:
    {POSTAL_TOWN}{_PART_END}
  | (?!{NUMBERED_THING})(?:{TOWN_POSTAL}{_PART_END}|(?P<p>[A-Z]\w+(?:\ [A-Z]\w+)?)[ \t][–—][ \t](?P<c>\d{{6}})(?![\w-]))
)"""
# The word beside the code that makes a pair no town and code: a recent year ("2024 Annual Report"),
# a numbered thing or building ("Building 7120", "Transit 00011", "PURCHASE ORDER PO-88120"), a
# postal-code label read as a town ("CEP 04118-020"), a quantity ("2500 Units").
_YEAR = re.compile(r"(?:19[5-9]|20[0-3])\d")
_NOT_A_TOWN = re.compile(rf"(?:.*\ )?(?i:{NUMBERED_THING}|(?:Building|Bldg|House|Plot|Block|Blk|Villa|Flat|Apartment"
                         r"|Office|Tower|Street|Road|Lane|Avenue|Km|Highway|Route|Exit|Terminal|Platform|Hall|Dock"
                         r"|Transit|Routing|Branch|Sort|Institution|Code|Pin|Customer|Member|Client|Flight|Train|Seat"
                         r"|CEP|CP|C\.P\.|PLZ|Zip|Postcode|Units?|Pieces?|Boxes|Pallets?|Cartons?|Bottles?|Items?))")
# A country letter before a code (D-80331, CH-3018) is one of these; "PO-88120" is an order number.
_COUNTRY_PREFIX = re.compile(r"(?:A|B|CH|CZ|D|DK|E|F|FI|GR|H|HR|I|IS|L|LT|LV|N|NL|P|PL|S|SI|SK)-\ ?\d")
_ALONE_RE = re.compile(_ALONE, CASE_SENSITIVE | re.VERBOSE)


class CurationPostalCodeRecognizer(ScoredRecognizer):
    """Postal codes in address position: US ZIP after a state code, UK, Canadian and Irish codes,
    any country's code after its label (zip code 76400, postal code 1234 AB, CEP 76317-066), and
    a postal code next to its town as an address part of its own: "10115 Berlin" or "Mumbai
    400050" on a line or between commas, where no street line was found above it (a street
    without a type word, a building name). Town and code are reported one span each."""

    ENTITY = "LOCATION"
    NAME = "CurationPostalCodeRecognizer"
    REGEX = rf"(?P<pair>{_PAIR})|{_ALONE}"
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    START = r"(?=[\dA-ZÀ-ÖØ-ÞĀ-Ž])"  # every alternative starts with a digit or a capital
    CONTEXT = ("zip", "postcode", "postal", "address")

    def pieces(self, match, start: int, end: int) -> list[tuple[int, int]]:
        if match.group("pair") is None:
            return [(start, end)]
        # A code of its own shape or place (SW1A 1AA, TX 78701) is taken alone, as without a town;
        # the pair adds the codes that only their town makes codes (Riyadh 12214, 0168 Oslo). A
        # refused pair may hold such a code too ("Oldham Road, Rochdale OL16 4NW").
        alone = [m.span() for m in _ALONE_RE.finditer(match.string, start, end)]
        if alone or not self._is_pair(match):
            return alone
        # Each town, region and code alone (groups p and c): the separators between them stay text.
        return sorted(span for span in match.spans("p") + match.spans("c") if span[1] > span[0])

    @staticmethod
    def _is_pair(match) -> bool:
        code_start, code_end = match.span("c")
        code = match.group("c")
        beside = [p for (s, e), p in zip(match.spans("p"), match.captures("p"), strict=True)
                  if e <= code_start and not match.string[e:code_start].strip(" \t-–—,/") or s >= code_end
                  and not match.string[code_end:s].strip(" \t")]
        return not (_YEAR.fullmatch(code) or any(_NOT_A_TOWN.fullmatch(p) for p in beside)
                    or (code[0].isalpha() and not code[0].isdigit() and "-" in code and not _COUNTRY_PREFIX.match(code)))

    def score(self, value: str) -> float | None:
        return 0.6
