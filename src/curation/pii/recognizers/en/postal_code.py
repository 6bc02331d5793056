"""LOCATION: postal codes in address position, alone (ZIP after a state, UK, Irish) or with their town (Mumbai 400050)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import regex as re

from presidio_analyzer import RecognizerResult

from curation.pii.recognizers.en.address_parts import NUMBERED_THING, POSTAL_LABEL_WORDS, POSTAL_TOWN, TOWN_POSTAL
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
# The postal-code labels (address_parts.POSTAL_LABEL_WORDS), a space or dot in them written as any
# separator ("postal_code", "zip-code", "C. P."), longest first; a form's field may name the town
# with the code ("Postcode and town:", "Zip code/City", "Code postal et ville :").
_LABEL_WORDS = "|".join("".join(r"[\ _-]?" if ch == " " else r"\.\ ?" if ch == "." else re.escape(ch) for ch in word)
                        for word in sorted(POSTAL_LABEL_WORDS, key=len, reverse=True))
_AND_TOWN = (r"(?:[\ ]?(?:and|&|/|et|und|y|e|\+)[\ ]?(?i:city|town|place|locality|ville|localité|ort|stadt|ciudad"
             r"|città|cidade|poblaci[oó]n))?")
_LABEL_GATE = re.compile(rf"(?i:{_LABEL_WORDS})")
# A code where its shape or its place says what it is, with no town needed: each alternative with,
# where one is given, a test a text must pass for the alternative to match anywhere in it (see
# CurationPostalCodeRecognizer.regex_for).
_ALONE_PARTS: tuple[tuple[str, re.Pattern | None], ...] = (
    (r"""(?<=,\ [A-Z]{2}\ )\d{5}(?:-\d{4})?\b                                     # , CA 94105
""", None),
    (r"""(?<=\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\ )\d{4}\b                         # AU states
""", re.compile(r"(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT) \d")),
    (r"""\b(?:[A-Z]{1,2}[0-9][A-Z0-9]?\ [0-9][A-Z]{2}|[A-Z][0-9][A-Z]\ ?[0-9][A-Z][0-9])\b   # UK, CA
""", None),
    (rf"""(?<=\b(?i:{_LABEL_WORDS}){_AND_TOWN}
       (?:[\ :\#.]{{1,3}}|["']?[\ ]?[:=][\ ]?["']?|>|\][\ \t]{{1,40}}))   # as a field name too: "postal_code": "…", <PostalCode>…, [Postal Code]   …
    (?:\d{{4}}\ ?[A-Z]{{2}}|\d{{5}}-\d{{3}}|\d{{3}}\ \d{{2}}(?![\w-])|\d{{2}}-\d{{3}}|\d{{3,6}}(?:-\d{{3,4}})?|[A-Z]{{1,2}}-\d{{4,5}})(?![\w-])   # zip code 76400
    (?<!C\.\ ?P\.[\ :\#.]{{1,3}}(?:19|20)\d\d)   # "del C.P. 1995": the penal code's year
""", _LABEL_GATE),
    (r"""(?<=\b(?i:zip(?:\ ?code)?|post(?:al)?\ ?code)\?[ \t]*\n[^\n]{0,40}?:[ \t]{1,2})   # a chat's answer to "ZIP?"
    (?:\d{5}(?:-\d{4})?|\d{4}\ ?[A-Z]{2}|[A-Z]{1,2}[0-9][A-Z0-9]?\ [0-9][A-Z]{2})
    (?=(?:[ \t]+[A-ZÀ-Þ][^\W\d]+(?:[\ -][A-ZÀ-Þ][^\W\d]+)?)?[ \t]*(?:\n|$))              # … "50667 Köln"
""", re.compile(r"(?i:zip|code)\?")),
    (rf"""\b{_EIRCODE_ROUTING_KEY}\ (?=[0-9]{{0,3}}[AC-FHKNPRTV-Y])(?=[AC-FHKNPRTV-Y]{{0,3}}[0-9])
    [0-9AC-FHKNPRTV-Y]{{4}}(?![\w-])                                          # IE Eircode: D16 X2P8
""", re.compile(r"[A-Z][0-9][0-9W] [0-9A-Z]{4}")),
)
_ALONE = "\n  | ".join(part for part, _ in _ALONE_PARTS)
# The end of an address part: a comma, a bar, the end of the line, or the end of a sentence.
# A "$" before a capital or a digit: the next line of an LDAP postalAddress (see _PART_START).
_PART_END = r"(?=[ \t]*(?:[,;)|·]|\n|$)|\$(?=[A-Z\d])|\.(?:[ \t]*(?:\n|$)|[ \t]+[A-Z][a-z]))"
# Where an address part starts: a line, or after a comma, a middle dot or a table bar ("Am Sandtorkai
# 48 · 20457 Hamburg", "| 0364 Oslo |"). Not after a colon: "Qty: 2500 Units." is a quantity; but
# after an address label's colon ("Address: Plovdiv 4000, …"). After a directory's "$" too, the line
# break of an LDAP postalAddress (RFC 4517: "14 Main Rd$Pune 411038"), and after a slash between
# spaces, which puts a district before its town on one line ("Bornova / İzmir 35100").
_PART_START = (r"(?<=^[ \t]*|[,·|][ \t]{1,2}|\$|[ \t]/[ \t]"
               r"|^[ \t]*(?i:address|addr\.?|adresse|dirección|indirizzo|endereço)[ \t]{0,3}:[ \t]{1,3})")
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
_NEXT_PART = re.compile(r"[ \t]*,[ \t]?([^\n,;]+)")
_STREET_WINDOW, _LINES_BEFORE = 120, 3  # a landmark line may stand between ("Near Trinity Metro Station")
_REGION_AFTER = re.compile(r"(?:[ \t]*,[ \t]?|[ \t]*\n[ \t]*)[A-Z][^\W\d]+(?:\ (?:(?:of|and|the)\ )?[A-Z][^\W\d]+){0,3}"
                           r"[ \t]*(?:\n|$|\.)")  # a region or country: "Republic of Korea"
# A country's capital beside the code is a place without a street line ("Riyadh 12214", "Doha
# 24321": Gulf and other codes with no shape of their own), but only with a code of its country's
# shape: digit count, format, and the capital's own first digits where the country numbers by
# region (Paris 75008, Berlin 10115); "Sofia 4512" is no Bulgarian code. Capitals whose country has
# no postal codes (Kingston, Georgetown, Victoria) are not listed, nor those whose codes have a
# shape of their own (London, Ottawa, Dublin). English names; each entry "Capital=code shape".
_CAPITAL_CODES = {capital: re.compile(shape) for capital, shape in (
    entry.strip().split("=", 1) for entry in r"""
Abu Dhabi=\d{4,6}; Abuja=9\d{5}; Addis Ababa=1\d{3}; Algiers=16\d{3}; Amman=11\d{3};
Amsterdam=10\d\d\ ?[A-Z]{2}; Andorra la Vella=AD\ ?5\d\d; Ankara=06\d{3}; Antananarivo=1\d\d;
Ashgabat=744\d{3}; Astana=01\d{4}; Asuncion=1\d{3}(?:\d\d)?; Athens=1\d\d\ ?\d\d; Baghdad=10\d{3};
Baku=(?:AZ\ ?)?1\d{3}; Bangkok=10\d{3}; Beijing=10\d{4}; Beirut=\d{4}(?:\ \d{4})?; Belgrade=11\d{3};
Berlin=1[0-4]\d{3}; Bern=30\d\d; Bishkek=720\d{3}; Bogota=11\d{4}; Brasilia=7\d{4}-?\d{3};
Bratislava=8\d\d\ ?\d\d; Brussels=1\d{3}; Bucharest=0\d{5}; Budapest=1\d{3};
Buenos Aires=(?:C\ ?)?1\d{3}(?:[A-Z]{3})?; Cairo=1\d{4}; Canberra=2[56]\d\d; Caracas=10\d\d;
Chisinau=(?:MD-?)?20\d\d; Copenhagen=[12]\d{3}; Dakar=1\d{4}; Dhaka=1\d{3}; Dodoma=41\d{3}; Doha=\d{4,5};
Dushanbe=734\d{3}; Guatemala City=01\d{3}; Hanoi=1\d{4,5}; Havana=10\d{3}; Helsinki=00\d{3}; Islamabad=44\d{3};
Jakarta=1\d{4}; Jerusalem=9\d{4}(?:\d\d)?; Kabul=10\d\d; Kathmandu=44\d{3}; Khartoum=1\d{4};
Kuala Lumpur=5\d{4}; Kuwait City=\d{5}; Kyiv=0[1-4]\d{3}; Kiev=0[1-4]\d{3}; Ljubljana=1\d{3};
Lisbon=1\d{3}-\d{3}; Luxembourg=(?:L-)?\d{4}; Madrid=28\d{3}; Managua=1\d{4}; Manama=\d{3,4}; Manila=1\d{3};
Maputo=11\d\d; Mexico City=(?:0\d|1[0-6])\d{3}; Minsk=220\d{3}; Montevideo=11\d{3}; Moscow=1[0-4]\d{4};
Muscat=1\d\d; Nairobi=00\d{3}; Naypyidaw=15\d{3}; New Delhi=110\d{3}; Nicosia=1\d{3}; Oslo=0\d{3};
Phnom Penh=1\d{4}; Podgorica=81\d{3}; Port Louis=11\d{3}; Prague=1\d\d\ ?\d\d; Pretoria=0\d{3}; Quito=17\d{4};
Rabat=10\d{3}; Reykjavik=1\d\d; Riga=(?:LV-?)?10\d\d; Riyadh=1\d{4}; Rome=001\d\d; San Jose=10\d{3};
San Marino=4789\d; San Salvador=1101; Santo Domingo=10\d{3}; Sarajevo=71\d{3}; Seoul=0\d{4}; Singapore=\d{6};
Skopje=10\d\d; Stockholm=1\d\d\ ?\d\d; Taipei=1\d\d(?:\d\d)?; Tallinn=1\d{4}; Tashkent=100\d{3};
Tbilisi=01\d\d; Tegucigalpa=11\d{3}; Tirana=10\d\d; Tokyo=1\d\d-?\d{4}; Tunis=1\d{3}; Ulaanbaatar=1\d{4};
Vaduz=94\d\d; Valletta=[A-Z]{3}\ ?\d{4}; Vienna=1\d{3}; Vientiane=01\d{3}; Vilnius=(?:LT-)?0\d{4};
Warsaw=0\d-\d{3}; Yerevan=00\d\d; Zagreb=10\d{3}; Colombo=0?\d{4,5}; Lima=15\d{3}; Male=20\d{3}; Paris=75\d{3};
Santiago=\d{7}; Sofia=1\d{3}; Washington=20\d{3}; Wellington=6\d{3}""".split(";"))}
# A three-digit code is too short to stand as a code beside any town ("Room 106", "101 Dalmatians"):
# only beside a capital whose country's codes have three digits ("Taipei City 106", "Reykjavík 101"),
# the capitals taken from the table above by their code shape. "City" after a capital is its name too.
_THREE_DIGIT_CAPITALS = sorted(c for c, shape in _CAPITAL_CODES.items()
                               if any(shape.fullmatch(f"{d}00") or shape.fullmatch(f"{d}01") for d in range(10)))
_CAPITAL_SHORT_PAIR = (rf"{_PART_START}(?P<p>(?:{'|'.join(_THREE_DIGIT_CAPITALS)})(?:\ City)?)[ \t](?P<c>\d{{3}})"
                       rf"(?![\w-]){_PART_END}")
# Capitals that are also common words or given names ("Male 20500" in a table, "Sofia 1200", "Paris
# 75000" the person) count only after a postal or address label just before ("Address:\nMale 20026").
_WORD_CAPITALS = frozenset({"Colombo", "Lima", "Male", "Paris", "Santiago", "Sofia", "Washington", "Wellington"})
_ADDRESS_LABEL_BEFORE = re.compile(r"(?i:\b(?:address|addr|postcode|postal\ code|zip|city|town|p\.?\ ?o\.?\ box)\b)")
_LABEL_WINDOW = 60
# A year has the shape of many four-digit codes ("Paris 1924", "Berlin 1989"): with the capital as the
# only evidence, a number a year could be is no code.
_YEAR_SHAPED = re.compile(r"1[89]\d\d|20\d\d")
# A code of its own shape is reported alone (LS1 4AP), but where NER reads the code into a name or
# an organisation ("Leeds LS1 4AP" as a person), that name would hide it (a span inside another
# is dropped, whatever its score): then the parts of the pair under that name are reported, above
# the score of a name. A date or number read over the code ("OR 97702") changes nothing.
_NAME_ENTITIES = ("PERSON", "ORGANIZATION")
_STRUCTURED_SCORE = 0.86
_NAME_REACH = 200  # the longest name span looked for before a pair
_NAME_AND_TOWN_SPACES = 2  # "Anna Kowalski Leeds": a given name, a surname, a town


def _last_word_start(text: str, start: int, end: int) -> int:
    """Where the last space-separated word of text[start:end] starts."""
    return max(start, text.rfind(" ", start, end) + 1)


def _regex_text(alone: str) -> str:
    """The recognizer's regex with `alone` as its lone-code alternatives."""
    return rf"(?P<pair>{_PAIR}|{_CAPITAL_SHORT_PAIR})|{alone}"


class CurationPostalCodeRecognizer(ScoredRecognizer):
    """Postal codes in address position: US ZIP after a state code, UK, Canadian and Irish codes,
    any country's code after its label (zip code 76400, postal code 1234 AB, CEP 76317-066), and
    a postal code next to its town as an address part of its own: "10115 Berlin" or "Mumbai
    400050" on a line or between commas, where no street line was found above it (a street
    without a type word, a building name). Town and code are reported one span each, or one
    together where only spaces separate them."""

    ENTITY = "LOCATION"
    NAME = "CurationPostalCodeRecognizer"
    REGEX = _regex_text(_ALONE)
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    START = r"(?=[\dA-ZÀ-ÖØ-ÞĀ-Ž])"  # every alternative starts with a digit or a capital
    CONTEXT = ("zip", "postcode", "postal", "address")
    # The regex without the lone-code alternatives a text cannot match (their lookbehinds, tried at
    # every digit and capital, were half of this recognizer's time), by which of them can.
    _WITHOUT: dict[tuple[bool, ...], re.Pattern] = {}

    def regex_for(self, text: str):
        # Same matches: an alternative left out matches nowhere in `text`, so it never was the
        # first to match at a position.
        can = tuple(gate is None or gate.search(text) is not None for _, gate in _ALONE_PARTS)
        if all(can):
            return self._regex
        if can not in self._WITHOUT:
            alone = "\n  | ".join(part for (part, _), kept in zip(_ALONE_PARTS, can, strict=True) if kept)
            self._WITHOUT[can] = re.compile(f"{self.START}(?:{_regex_text(alone)})", self.FLAGS)
        return self._WITHOUT[can]

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        matches = list(self.regex_for(text).finditer(text))
        results = self.results_of(text, matches)
        if not results:
            return results
        entities = getattr(nlp_artifacts, "entities", None) or ()
        places = [(e.start_char, e.end_char) for e in entities if e.label_ == _PLACE_ENTITY]
        names = sorted((e.start_char, e.end_char) for e in entities if e.label_ in _NAME_ENTITIES)
        whole_pairs: list[RecognizerResult] = []
        # Each pair again, whole: its pieces are decided together, from the pair's own ends. The
        # results come in the order of the matches, so one pass over both keeps a page of pairs linear.
        ordered = iter(results)
        result = next(ordered, None)
        for match in matches:
            start, end = match.span()
            while result is not None and result.start < start:
                result = next(ordered, None)
            if match.group("pair") is None:
                continue
            if _ALONE_RE.search(text, start, end):
                score = None  # a code of its own shape needs no place beside it
                whole_pairs.extend(self._parts_under_name(match, names)
                                   or (self._town_before_code(match, names) if nlp_artifacts is not None else []))
            else:
                placed = (any(s < end and start < e for s, e in places) or self._street_before(text, start)
                          or self._street_after(text, end) or _REGION_AFTER.match(text, end)
                          or self._capital_beside(match))
                score = None if placed else _PAIR_SCORE
            while result is not None and result.end <= end:
                if score is not None:
                    result.score = score
                result = next(ordered, None)
        return results + whole_pairs

    def _parts_under_name(self, match, names: list[tuple[int, int]]) -> list[RecognizerResult]:
        """The parts of a pair (town, code) under a name span that holds its code, scored above the
        name (see _STRUCTURED_SCORE); none where no name holds the code. `names` are sorted."""
        code_start, code_end = match.span("c")
        # Only the names that start a little before the pair can hold it or end in its town: a page
        # of pairs and names stays linear.
        first, last = bisect_left(names, (match.start() - _NAME_REACH,)), bisect_right(names, (code_start, len(match.string)))
        near = names[first:last]
        holding = [(s, e) for s, e in near if s <= code_start and code_end <= e]
        if not holding or not self._is_pair(match):
            return []
        meta = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        towns = [self._town_after_names(match.string, s, e, near, holding) for s, e in match.spans("p")]
        return [RecognizerResult(self.ENTITY, s, e, _STRUCTURED_SCORE, dict(meta))
                for s, e in self._pair_spans(match, towns)
                if any(s < name_end and name_start < e for name_start, name_end in holding)]

    def _town_before_code(self, match, names: list[tuple[int, int]]) -> list[RecognizerResult]:
        """The town (and region) of a pair whose code has its own shape (Bristol BS1 4DJ), where no name
        holds the code: the code alone is its own result (`pieces`), and the town before it is an
        address part by that code, whether NER reads a place there or not. A name NER ends inside the
        town words stays the name's ("Tom Baker Bristol BS1 4DJ"); without NER (a pattern re-scan)
        where a name ends is unknown, and the code is reported alone."""
        if not self._is_pair(match):
            return []
        first = bisect_left(names, (match.start() - _NAME_REACH,))
        near = names[first:bisect_right(names, (match.start("c"), len(match.string)))]
        # A name read over the town words, to their end ("Grace Lim Exeter"), holds them as a name
        # holding the code does: the town is the last word.
        towns = [self._town_after_names(match.string, s, e, near, [n for n in near if n[0] <= s < n[1]])
                 for s, e in match.spans("p")]
        meta = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        # The towns alone: the code is its own result already, and the space before it stays text,
        # as between the parts of an address (address_pieces).
        return [RecognizerResult(self.ENTITY, s, e, _PLACE_SCORE, dict(meta)) for s, e in towns if e > s]

    @staticmethod
    def _town_after_names(text: str, start: int, end: int, near: list[tuple[int, int]],
                          holding: list[tuple[int, int]]) -> tuple[int, int]:
        """The town of a pair without the person's name the town words may start with: after a name
        NER ends inside them ("Jane Smith" in "Jane Smith Leeds LS1 4AP"), or, under one name read
        over three words or more and the code ("Anna Kowalski Leeds LS2 9JT"), the last word only;
        the name stays the name's. Two words under a name may be one town ("Milton Keynes")."""
        name_ends = [e for s, e in near if start < e < end]
        if name_ends:
            start = max(name_ends)
            return start + len(text[start:end]) - len(text[start:end].lstrip()), end
        if any(s <= start for s, _ in holding) and text.count(" ", start, end) >= _NAME_AND_TOWN_SPACES:
            return _last_word_start(text, start, end), end
        return start, end

    @staticmethod
    def _capital_beside(match) -> bool:
        """Whether a town beside the pair's code is a country's capital and the code has the shape of
        that country's codes; a capital that is also a word or name only after an address label."""
        code = match.group("c")
        if _YEAR_SHAPED.fullmatch(code):
            return False
        for town in match.captures("p"):
            shape = _CAPITAL_CODES.get(town) or _CAPITAL_CODES.get(town.removesuffix(" City"))
            if shape is None or not shape.fullmatch(code):
                continue
            if town not in _WORD_CAPITALS or _ADDRESS_LABEL_BEFORE.search(
                    match.string, max(0, match.start() - _LABEL_WINDOW), match.start()):
                return True
        return False

    @staticmethod
    def _street_before(text: str, start: int) -> bool:
        """Whether a part of the pair's own line, or of the two lines before it, is a street line."""
        lines = text[max(0, start - _STREET_WINDOW):start].rstrip(" \t,").split("\n")[-_LINES_BEFORE:]
        return any(_STREET_PART.fullmatch(part) for line in lines for part in _PART_SEPARATOR.split(line))

    @staticmethod
    def _street_after(text: str, end: int) -> bool:
        """Whether the part after the pair, on its line, is a street line: Hungarian order puts the
        code and town first (1117 Budapest, Október huszonharmadika utca 18.)."""
        after = _NEXT_PART.match(text, end)
        return bool(after) and bool(_STREET_PART.fullmatch(after.group(1).rstrip(" \t.")))

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
    def _pair_spans(match, towns: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
        """The town, region and code of a pair (the towns given, else group p's), one span each or
        joined where only spaces separate them."""
        # Each town, region and code alone (groups p and c): the separators between them stay text.
        # Only spaces between two of them make one span ("20457 Hamburg"): half the results, and
        # Presidio's merge of results with spaces between is quadratic in their number.
        spans: list[list[int]] = []
        towns = match.spans("p") if towns is None else towns
        for s, e in sorted(span for span in towns + match.spans("c") if span[1] > span[0]):
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
