"""LOCATION: postal codes in address position, alone (ZIP after a state, UK, Irish) or with their town (Mumbai 400050)."""

from __future__ import annotations

import regex as re

from presidio_analyzer import RecognizerResult

from curation.pii.recognizers.en.address_parts import NUMBERED_THING, POSTAL_TOWN, TOWN_POSTAL
from curation.pii.recognizers.en.scored import CASE_SENSITIVE, ScoredRecognizer

# An Eircode starts with one of the 139 routing keys An Post publishes (the closed list): "N95 4PK5
# masks" and "Error E12 3F4A" have the shape and no real key.
_EIRCODE_ROUTING_KEYS = (
    "A41 A42 A45 A63 A67 A75 A81 A82 A83 A84 A85 A86 A91 A92 A94 A96 A98 C15 D01 D02 D03 D04 D05 D06 D07 D08 "
    "D09 D10 D11 D12 D13 D14 D15 D16 D17 D18 D20 D22 D24 D6W E21 E25 E32 E34 E41 E45 E53 E91 F12 F23 F26 F28 "
    "F31 F35 F42 F45 F52 F56 F91 F92 F93 F94 H12 H14 H16 H18 H23 H53 H54 H62 H65 H71 H91 K32 K34 K36 K45 K56 "
    "K67 K78 N37 N39 N41 N91 P12 P14 P17 P24 P25 P31 P32 P36 P43 P47 P51 P56 P61 P67 P72 P75 P81 P85 R14 R21 "
    "R32 R35 R42 R45 R51 R56 R93 R95 T12 T23 T34 T45 T56 V14 V15 V23 V31 V35 V42 V92 V93 V94 V95 W12 W23 W34 "
    "W91 X35 X42 X91 Y14 Y21 Y25 Y34 Y35")
_EIRCODE_ROUTING_KEY = f"(?:{'|'.join(_EIRCODE_ROUTING_KEYS.split())})"
# A code where its shape or its place says what it is, with no town needed.
_ALONE = r"""
    (?<=,\ [A-Z]{2}\ )\d{5}(?:-\d{4})?\b                                       # , CA 94105
  | (?<=\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\ )\d{4}\b                           # AU states
  | \b(?:[A-Z]{1,2}[0-9][A-Z0-9]?\ [0-9][A-Z]{2}|[A-Z][0-9][A-Z]\ ?[0-9][A-Z][0-9])\b   # UK, CA
  | (?<=\b(?i:zip(?:\ ?code)?|post(?:al)?\ ?code|PLZ|CEP|c[oó]digo\ postal|code\ postal)[\ :\#.]{1,3})
    (?:\d{4}\ ?[A-Z]{2}|\d{5}-\d{3}|\d{3,6}(?:-\d{3,4})?|[A-Z]{1,2}-\d{4,5})(?![\w-])   # zip code 76400
""" + rf"""
  | \b{_EIRCODE_ROUTING_KEY}\ (?=[0-9]{{0,3}}[AC-FHKNPRTV-Y])(?=[AC-FHKNPRTV-Y]{{0,3}}[0-9])
    [0-9AC-FHKNPRTV-Y]{{4}}(?![\w-])                                          # IE Eircode: D16 X2P8
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
# A capitalised word beside a number is as often a field and its value ("Port 8080", "Employee
# 40213", "12000 Downloads") as a town and its code: the pair is a place only where something else
# says so. NER reads the word as a place, or another address part stands beside the pair: a street
# line on its line or the two before (a name and a house number of at most three digits, a number
# and a name, a street, building or address word: "Am Sandtorkai 48, 20457 Hamburg"), or a region or
# country after it (", Saudi Arabia").
_PAIR_SCORE, _PLACE_SCORE = 0.3, 0.6
_PLACE_ENTITY = "LOCATION"
_STREET_PART = re.compile(r"[ \t]*(?:\d{1,5}[A-Za-z]?\ [^\W\d]{2,}.*|.*[^\W\d]{2,}\.?\ \d{1,3}[A-Za-z]?(?:[-/]\d{1,3})?"
                          r"|.*\b(?i:P\.?\ ?O\.?\ Box|Box|Street|St|Road|Rd|Avenue|Ave|Lane|Way|Drive|Boulevard|Blvd"
                          r"|Building|Bldg|Tower|Block|Floor|Suite|Unit|House|Flat|Apartment|Plot|Villa|Address|Addr)\b.*)[ \t]*")
_PART_SEPARATOR = re.compile(r"[,·|]")
_STREET_WINDOW, _LINES_BEFORE = 120, 3  # a landmark line may stand between ("Near Trinity Metro Station")
_REGION_AFTER = re.compile(r"(?:[ \t]*,[ \t]?|[ \t]*\n[ \t]*)[A-Z][^\W\d]+(?:\ [A-Z][^\W\d]+){0,2}[ \t]*(?:\n|$|\.)")
# A country's capital beside the code is a place without a street line: "Riyadh 12214", "Doha
# 24321" (Saudi, Gulf and other five-digit codes that have no shape of their own). National capitals
# in their English names; "Kuwait City" and "Mexico City" with their second word.
_CAPITALS = (
    "Abu Dhabi|Abuja|Accra|Addis Ababa|Algiers|Amman|Amsterdam|Andorra la Vella|Ankara|Antananarivo|Apia|Ashgabat"
    "|Asmara|Astana|Asuncion|Athens|Baghdad|Baku|Bamako|Bangkok|Bangui|Banjul|Basseterre|Beijing|Beirut|Belgrade"
    "|Belmopan|Berlin|Bern|Bishkek|Bissau|Bogota|Brasilia|Bratislava|Brazzaville|Bridgetown|Brussels|Bucharest"
    "|Budapest|Buenos Aires|Bujumbura|Cairo|Canberra|Caracas|Castries|Chisinau|Colombo|Conakry|Copenhagen|Dakar"
    "|Damascus|Dhaka|Dili|Djibouti|Dodoma|Doha|Dublin|Dushanbe|Freetown|Gaborone|Georgetown|Guatemala City|Hanoi"
    "|Harare|Havana|Helsinki|Honiara|Islamabad|Jakarta|Jerusalem|Juba|Kabul|Kampala|Kathmandu|Khartoum|Kigali"
    "|Kingston|Kinshasa|Kuala Lumpur|Kuwait City|Kyiv|Kiev|La Paz|Libreville|Lilongwe|Lima|Lisbon|Ljubljana|Lome"
    "|London|Luanda|Lusaka|Luxembourg|Madrid|Majuro|Malabo|Male|Managua|Manama|Manila|Maputo|Maseru|Mbabane"
    "|Mexico City|Minsk|Mogadishu|Monaco|Monrovia|Montevideo|Moroni|Moscow|Muscat|Nairobi|Nassau|Naypyidaw"
    "|New Delhi|Niamey|Nicosia|Nouakchott|Nuku'alofa|Oslo|Ottawa|Ouagadougou|Palikir|Panama City|Paramaribo|Paris"
    "|Phnom Penh|Podgorica|Port Louis|Port Moresby|Port of Spain|Porto-Novo|Prague|Praia|Pretoria|Pyongyang|Quito"
    "|Rabat|Reykjavik|Riga|Riyadh|Rome|Roseau|San Jose|San Marino|San Salvador|Sanaa|Santiago|Santo Domingo"
    "|Sao Tome|Sarajevo|Seoul|Singapore|Skopje|Sofia|Stockholm|Suva|Taipei|Tallinn|Tarawa|Tashkent|Tbilisi"
    "|Tegucigalpa|Tehran|Thimphu|Tirana|Tokyo|Tripoli|Tunis|Ulaanbaatar|Vaduz|Valletta|Victoria|Vienna|Vientiane"
    "|Vilnius|Warsaw|Washington|Wellington|Windhoek|Yaounde|Yerevan|Zagreb")
_CAPITAL = re.compile(rf"(?:{_CAPITALS})")
# A code of its own shape is reported alone (LS1 4AP), but where NER reads the code into a name or
# an organisation ("Leeds LS1 4AP" as a person), that name would hide it (a span inside another
# is dropped, whatever its score): then the parts of the pair under that name are reported, above
# the score of a name. A date or number read over the code ("OR 97702") changes nothing.
_NAME_ENTITIES = ("PERSON", "ORGANIZATION")
_STRUCTURED_SCORE = 0.86


class CurationPostalCodeRecognizer(ScoredRecognizer):
    """Postal codes in address position: US ZIP after a state code, UK, Canadian and Irish codes,
    any country's code after its label (zip code 76400, postal code 1234 AB, CEP 76317-066), and
    a postal code next to its town as an address part of its own: "10115 Berlin" or "Mumbai
    400050" on a line or between commas, where no street line was found above it (a street
    without a type word, a building name). Town and code are reported one span each, or one
    together where only spaces separate them."""

    ENTITY = "LOCATION"
    NAME = "CurationPostalCodeRecognizer"
    REGEX = rf"(?P<pair>{_PAIR})|{_ALONE}"
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    START = r"(?=[\dA-ZÀ-ÖØ-ÞĀ-Ž])"  # every alternative starts with a digit or a capital
    CONTEXT = ("zip", "postcode", "postal", "address")

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if not results:
            return results
        entities = getattr(nlp_artifacts, "entities", None) or ()
        places = [(e.start_char, e.end_char) for e in entities if e.label_ == _PLACE_ENTITY]
        names = [(e.start_char, e.end_char) for e in entities if e.label_ in _NAME_ENTITIES]
        whole_pairs: list[RecognizerResult] = []
        # Each pair again, whole: its pieces are decided together, from the pair's own ends. The
        # results come in the order of the matches, so one pass over both keeps a page of pairs linear.
        ordered = iter(results)
        result = next(ordered, None)
        for match in self._regex.finditer(text):
            start, end = match.span()
            while result is not None and result.start < start:
                result = next(ordered, None)
            if match.group("pair") is None:
                continue
            if _ALONE_RE.search(text, start, end):
                score = None  # a code of its own shape needs no place beside it
                whole_pairs.extend(self._parts_under_name(match, names))
            else:
                placed = (any(s < end and start < e for s, e in places) or self._street_before(text, start)
                          or _REGION_AFTER.match(text, end) or self._capital_beside(match))
                score = None if placed else _PAIR_SCORE
            while result is not None and result.end <= end:
                if score is not None:
                    result.score = score
                result = next(ordered, None)
        return results + whole_pairs

    def _parts_under_name(self, match, names: list[tuple[int, int]]) -> list[RecognizerResult]:
        """The parts of a pair (town, code) under a name span that holds its code, scored above the
        name (see _STRUCTURED_SCORE); none where no name holds the code."""
        code_start, code_end = match.span("c")
        holding = [(s, e) for s, e in names if s <= code_start and code_end <= e]
        if not holding or not self._is_pair(match):
            return []
        meta = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        return [RecognizerResult(self.ENTITY, s, e, _STRUCTURED_SCORE, dict(meta)) for s, e in self._pair_spans(match)
                if any(s < name_end and name_start < e for name_start, name_end in holding)]

    @staticmethod
    def _capital_beside(match) -> bool:
        """Whether a town beside the pair's code is a country's capital."""
        return any(_CAPITAL.fullmatch(town) for town in match.captures("p"))

    @staticmethod
    def _street_before(text: str, start: int) -> bool:
        """Whether a part of the pair's own line, or of the two lines before it, is a street line."""
        lines = text[max(0, start - _STREET_WINDOW):start].rstrip(" \t,").split("\n")[-_LINES_BEFORE:]
        return any(_STREET_PART.fullmatch(part) for line in lines for part in _PART_SEPARATOR.split(line))

    def pieces(self, match, start: int, end: int) -> list[tuple[int, int]]:
        if match.group("pair") is None:
            return [(start, end)]
        # A code of its own shape or place (SW1A 1AA, TX 78701) is taken alone, as without a town;
        # the pair adds the codes that only their town makes codes (Riyadh 12214, 0168 Oslo). A
        # refused pair may hold such a code too ("Oldham Road, Rochdale OL16 4NW").
        alone = [m.span() for m in _ALONE_RE.finditer(match.string, start, end)]
        if alone or not self._is_pair(match):
            return alone
        return self._pair_spans(match)

    @staticmethod
    def _pair_spans(match) -> list[tuple[int, int]]:
        """The town, region and code of a pair, one span each or joined where only spaces separate them."""
        # Each town, region and code alone (groups p and c): the separators between them stay text.
        # Only spaces between two of them make one span ("20457 Hamburg"): half the results, and
        # Presidio's merge of results with spaces between is quadratic in their number.
        spans: list[list[int]] = []
        for s, e in sorted(span for span in match.spans("p") + match.spans("c") if span[1] > span[0]):
            if spans and not match.string[spans[-1][1]:s].strip(" \t"):
                spans[-1][1] = e
            else:
                spans.append([s, e])
        return [(s, e) for s, e in spans]

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
        return _PLACE_SCORE  # a pair with no place beside it is lowered in `analyze`
