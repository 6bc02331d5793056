"""English (and language-neutral) recognizers that replace or add to Presidio's predefined ones.

Each is a Presidio `PatternRecognizer`: one compiled regex finds candidates, a small function
scores or refuses each (checksum, digit count, shape), and Presidio's context enhancer raises the
score when a context word precedes the match. They were written against formats, not against a
corpus: no name, street or company lists are used.

- phone numbers: international (+CC / 00CC, "(0)" trunk), national with area codes in
  parentheses, dotted/dashed/spaced groups, extensions (x123, ext. 123). Presidio's
  phonenumbers-based recognizer missed non-US formats and extensions, and was half the
  recognizer time;
- payment cards: 12–19 digits, plain or grouped by spaces or dashes, Luhn-valid *and* with an
  issuer prefix (Presidio's pattern missed 2-series Mastercard, 15-digit JCB, 19-digit Visa);
- street addresses (US/CA/AU/UK shapes, military APO/FPO), postal codes (US ZIP after a state,
  UK, Canadian), organisation names by legal-form suffix, person names after a salutation,
  title or sign-off.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import (
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)

CASE_SENSITIVE = re.DOTALL | re.MULTILINE


class _ScoredRecognizer(PatternRecognizer):
    """A pattern recognizer whose score comes from `score(match_text)` (None refuses the match).

    One regex pass per text and no per-match explanation objects: this runs on every document.
    """

    REGEX = ""
    FLAGS = CASE_SENSITIVE

    def __init__(self, supported_entity: str, name: str, context: list[str], language: str = "en"):
        super().__init__(supported_entity=supported_entity, name=name, supported_language=language,
                         patterns=[Pattern(name, ("(?x)" if self.FLAGS & re.VERBOSE else "") + self.REGEX, 0.5)],
                         context=context,
                         global_regex_flags=self.FLAGS)
        self._regex = re.compile(self.REGEX, self.FLAGS)

    def score(self, value: str) -> float | None:  # pragma: no cover - abstract
        raise NotImplementedError

    def span(self, match) -> tuple[int, int]:
        return match.span()

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None, regex_flags=None) -> list[RecognizerResult]:
        results = []
        meta = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        for m in self._regex.finditer(text):
            start, end = self.span(m)
            score = self.score(text[start:end])
            if score:
                results.append(RecognizerResult(self.supported_entities[0], start, end, score,
                                                recognition_metadata=dict(meta)))
        return results


# ---- e-mail addresses ------------------------------------------------------------------------

class CurationEmailRecognizer(_ScoredRecognizer):
    """RFC 5322 "dot-atom" addresses with an alphabetic top-level domain. Presidio's recognizer
    tried its long pattern at every word and looked each match up in the public suffix list: 1 ms
    per document, the single most expensive recognizer; texts without "@" are skipped outright."""

    REGEX = (r"(?<![\w.%+\-!#$&'*/=?^`{|}~])[\w!#$%&'*+/=?^`{|}~\-]+(?:\.[\w!#$%&'*+/=?^`{|}~\-]+)*"
             r"@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w\-])")
    CONTEXT = ("email", "e-mail", "mail", "address", "contact")

    def __init__(self, language: str = "en"):
        super().__init__("EMAIL_ADDRESS", "CurationEmailRecognizer", list(self.CONTEXT), language)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        return super().analyze(text, entities, nlp_artifacts, regex_flags) if "@" in text else []

    def score(self, value: str) -> float | None:
        return 1.0


# ---- phone numbers ---------------------------------------------------------------------------

class CurationPhoneRecognizer(_ScoredRecognizer):
    REGEX = r"""
        (?<![\w+\#/@.:-])(?<!\d[ .-])(?<![A-Z0-9]{4}\ )       # not inside a code, IBAN or digit run
        (?:
            (?:\+|\b00)\d{1,3}[ .-]?(?:\(0\)[ .-]?)?          # +44, 0044, optional (0) trunk
          | \b1[ .-]?(?=\(\d{3}\))                            # 1 (786) ...
        )?
        (?:\(\d{1,5}\)[ .-]?)?                                # (020), (0161)
        \d++(?:[ .-]\d++){0,5}                                # digit groups, one separator each
        (?:\ ?(?i:x|ext\.?|extension)\ ?\d{1,6})?             # extension
        (?![ .-]?\d)(?![\w@:])                               # not a time (07:30) or e-mail
    """
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    # Whole words (no lemmatizer runs): inflected forms are listed.
    CONTEXT = ("phone", "phones", "phoned", "telephone", "tel", "call", "calls", "called", "calling", "mobile",
               "cell", "fax", "dial", "reach", "reached", "contact", "number", "whatsapp", "sms", "text",
               "hotline", "landline", "ring")
    _DATE = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")
    _IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
    _SSN = re.compile(r"\d{3}[- ]\d{2}[- ]\d{4}")
    _EXT = re.compile(r"\ ?(?i:x|ext\.?|extension)\ ?\d{1,6}$")
    _SEPARATORS = re.compile(r"[ .\-()]+")

    def __init__(self, language: str = "en"):
        super().__init__("PHONE_NUMBER", "CurationPhoneRecognizer", list(self.CONTEXT), language)

    def score(self, value: str) -> float | None:
        ext = self._EXT.search(value)
        number = value[:ext.start()] if ext else value
        digits = sum(c.isdigit() for c in number)
        if self._DATE.match(number) or self._IPV4.fullmatch(number) or self._SSN.fullmatch(number):
            return None
        international = number.startswith(("+", "00"))
        groups = [g for g in self._SEPARATORS.split(number.strip("+()")) if g]
        if international:
            if not 8 <= digits <= 15:
                return None
            return 0.75 if len(number) > 4 else None
        if not 7 <= digits <= 12:
            return None
        if _looks_like_card(number):
            return None
        if "(" in number:
            score = 0.65
        elif len(groups) == 1:  # plain digit run: a national number starts with its trunk 0 or 1
            score = 0.4 if digits in (10, 11) and number[0] in "01" else 0.3 if digits == 10 else 0.2
        elif [len(g) for g in groups] == [3, 3, 4] or ([len(g) for g in groups] == [1, 3, 3, 4] and groups[0] == "1"):
            score = 0.6  # North American (1-)555-123-4567 / 555.123.4567 / 555 123 4567
        elif number[0] == "0" and digits >= 9:
            score = 0.55  # national trunk prefix: 0161 496 0066, 04 15 39 15 00
        elif digits >= 8:
            score = 0.4  # grouped national numbers: 1496 8283, 02 4177 7631
        else:
            score = 0.35
        if ext:
            score += 0.15
        return min(score, 0.9)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = ord(c) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


# Issuer prefixes: the major networks start with 2-6 (Mastercard 2-series, Amex/Diners/JCB 3,
# Visa 4, Mastercard/Maestro 5, Discover/UnionPay/Maestro 6); 1800 and 2131 are old 15-digit JCB,
# 0604 an old UK Maestro range.
_IIN = re.compile(r"[2-6]|1800|2131|0604")


def _looks_like_card(number: str) -> bool:
    digits = "".join(c for c in number if c.isdigit())
    return 12 <= len(digits) <= 19 and bool(_IIN.match(digits)) and luhn_ok(digits)


class CurationCardRecognizer(_ScoredRecognizer):
    REGEX = r"(?<![\w.,/-])(?<!\d[ -])\d{4}(?:([ -]?)\d{2,6})(?:\1\d{1,6}){0,4}(?![\w-]|[ -]\d)"
    CONTEXT = ("card", "credit", "debit", "visa", "mastercard", "amex", "cc", "payment", "cardholder")

    def __init__(self, language: str = "en"):
        super().__init__("CREDIT_CARD", "CurationCreditCardRecognizer", list(self.CONTEXT), language)

    def score(self, value: str) -> float | None:
        digits = value.replace(" ", "").replace("-", "")
        if not 12 <= len(digits) <= 19 or not _IIN.match(digits) or not luhn_ok(digits):
            return None
        if len(set(digits)) == 1:
            return None
        return 1.0


# ---- addresses and postal codes ---------------------------------------------------------------

# USPS Publication 28 street suffixes (C1) and common British/Australian ones.
STREET_SUFFIXES = (
    "Alley|Aly|Annex|Arcade|Avenue|Ave|Bayou|Beach|Bend|Bluffs?|Bottom|Boulevard|Blvd|Branch|Bridge|Brooks?|Burgs?|"
    "Bypass|Camp|Canyon|Cape|Causeway|Centers?|Centre|Circles?|Cir|Cliffs?|Close|Club|Common|Corners?|Course|Courts?|"
    "Ct|Coves?|Creek|Crescent|Cres|Crest|Crossing|Crossroad|Curve|Dale|Dam|Divide|Drives?|Dr|Estates?|Expressway|"
    "Extensions?|Falls?|Ferry|Fields?|Flats?|Fords?|Forest|Forges?|Forks?|Fort|Freeway|Gardens?|Gateway|Glens?|Greens?|"
    "Groves?|Harbors?|Haven|Heights|Highway|Hwy|Hills?|Hollow|Inlet|Islands?|Isle|Junctions?|Keys?|Knolls?|Lakes?|"
    "Land|Landing|Lane|Ln|Light|Lights|Loaf|Locks?|Lodge|Loop|Mall|Manors?|Meadows?|Mews|Mills?|Mission|Motorway|"
    "Mount|Mountains?|Neck|Orchard|Oval|Overpass|Parade|Park|Parks|Parkways?|Pass|Passage|Path|Pike|Pines?|Place|Pl|"
    "Plains?|Plaza|Points?|Ports?|Prairie|Promenade|Radial|Ramp|Ranch|Rapids?|Rest|Ridges?|Rise|River|Road|Roads|Rd|"
    "Route|Row|Rue|Run|Shoals?|Shores?|Skyway|Springs?|Spurs?|Square|Squares|Sq|Station|Stravenue|Stream|Street|"
    "Streets|St|Summit|Terrace|Tce|Throughway|Trace|Track|Trafficway|Trail|Trailer|Tunnel|Turnpike|Underpass|Unions?|"
    "Valleys?|Viaduct|Views?|Villages?|Ville|Vista|Walks?|Wall|Way|Ways|Wells?|Wharf|Wood|Wynd|Yard|Corso|Esplanade|"
    "Grove|Hill|Gate|Gardens|Green|Lawn|Drove|Broadway|Boardwalk|Concourse|Cove|Cross|Glade|Ridge|Nook|Strand")
_WORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
_UNIT = r"(?:,?\ (?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Floor|Fl\.?|Room|Rm\.?|Bldg\.?|Building|\#)\ ?[\w-]{1,6})"
_PLACE = rf"(?:(?:St\.|Mt\.|Fort|Port|New|North|South|East|West|Lake|Saint)\ )?{_WORD}(?:\ {_WORD}){{0,2}}"
_REGION = r"(?:[A-Z]{2,3}|[A-Z][a-z]+(?:\ [A-Z][a-z]+)?)"
_POSTAL = (r"(?:\d{5}(?:-\d{4})?|[A-Z][0-9][A-Z]\ ?[0-9][A-Z][0-9]|\d{4}"
           r"|(?:[A-Z]{1,2}[0-9][A-Z0-9]?\ ?[0-9][A-Z]{2}))")


class CurationAddressRecognizer(_ScoredRecognizer):
    """House number + street name + street suffix (+ unit) (+ city, region, postal code)."""

    REGEX = rf"""
        (?:
            (?:(?:Flat|Studio|Unit|Apartment|Suite|Level)\ [\w-]{{1,6}}[,\n ]\ ?)?   # UK/AU flat or level
            \b\d{{1,6}}[A-Za-z]?\ (?:{_WORD}\ ){{1,3}}(?:{STREET_SUFFIXES})\b\.?{_UNIT}?
          | (?:Flat|Studio|Apartment)\ [\w-]{{1,6}}\n{_WORD}(?:\ {_WORD})?\ (?:{STREET_SUFFIXES})\b   # UK, no number
          | (?:PSC|Unit|CMR)\ \d{{3,5}},?\ Box\ \d{{3,5}}                           # US military
          | (?:USNS|USNV|USS|USCGC)\ {_WORD}
        )
        (?:(?:,\ |\n){_PLACE}(?:,?\ {_REGION})?(?:,?[ \n]{_POSTAL})?)?                # city, region, code
        (?:\n?(?:APO|FPO|DPO)\ (?:AA|AE|AP)\ \d{{5}})?
    """
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    CONTEXT = ("address", "street", "ship", "mail", "live", "lives", "located", "deliver", "remittance")

    def __init__(self, language: str = "en"):
        super().__init__("LOCATION", "CurationStreetAddressRecognizer", list(self.CONTEXT), language)

    def score(self, value: str) -> float | None:
        return 0.7 if "\n" in value or "," in value else 0.6


class CurationPostalCodeRecognizer(_ScoredRecognizer):
    """Postal codes in address position: US ZIP after a state code, UK and Canadian codes."""

    REGEX = r"""
        (?<=,\ [A-Z]{2}\ )\d{5}(?:-\d{4})?\b                                 # , CA 94105
      | (?<=\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\ )\d{4}\b                     # AU states
      | \b(?:[A-Z]{1,2}[0-9][A-Z0-9]?\ [0-9][A-Z]{2}|[A-Z][0-9][A-Z]\ ?[0-9][A-Z][0-9])\b  # UK, CA
    """
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    CONTEXT = ("zip", "postcode", "postal", "address")

    def __init__(self, language: str = "en"):
        super().__init__("LOCATION", "CurationPostalCodeRecognizer", list(self.CONTEXT), language)

    def score(self, value: str) -> float | None:
        return 0.6


# ---- organisations and people -------------------------------------------------------------------

LEGAL_FORMS = (r"Inc|Incorporated|LLC|L\.L\.C\.|Ltd|Limited|PLC|plc|LLP|LP|Corp|Corporation|Co|Company|GmbH|AG|"
               r"S\.A\.|SA|SAS|BV|B\.V\.|NV|Pty|Group|Holdings|Partners|and\ Sons|&\ Sons|Associates|Trust|"
               r"Foundation|Bank|Capital|Ventures|Industries|Solutions|Systems|Technologies|Consulting|Logistics")


class CurationOrganizationRecognizer(_ScoredRecognizer):
    """Names ending in a legal form ("Garcia LLC", "Avery, Stephens and Wallace", "Smith & Sons")."""

    REGEX = rf"""
        \b(?:{_WORD}(?:,\ |\ |\ &\ |\ and\ )){{0,3}}{_WORD},?\ (?:{LEGAL_FORMS})\b\.?
      | \b{_WORD},\ {_WORD},?\ (?:and|&)\ {_WORD}\b                           # partnership names
      | (?<=\b(?:of|at|from|with|for)\ )[A-Z][a-z]{{2,}}-[A-Z][a-z]{{2,}}\b    # Smith-Jones after "at"
    """
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    CONTEXT = ("company", "supplier", "vendor", "customer", "client", "firm", "contract", "from", "at")

    def __init__(self, language: str = "en"):
        super().__init__("ORGANIZATION", "CurationOrganizationRecognizer", list(self.CONTEXT), language)

    def score(self, value: str) -> float | None:
        first = value.split()[0].strip(",")
        if first in _NOT_NAMES or value.split("-")[0] in _HYPHEN_WORDS:
            return None
        return 0.6 if " " in value else 0.45


class CurationPersonRecognizer(_ScoredRecognizer):
    """A capitalised name after a salutation, a title, a sign-off or "call", or before an e-mail
    address in angle brackets. Each alternative starts with its literal cue, so the scan is cheap."""

    _NAME = rf"{_WORD}(?:\ [A-Z]\.)?(?:\ {_WORD})?"
    REGEX = rf"""
        \b(?:Dear|Hi|Hello|Hey|Attn:?|Attention:?|Thanks|Thank\ you|Cc:?)\ (?:(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\ )?
            (?P<greeted>{_NAME})(?=[,:!\n]|\ (?:and|at|on|from|\()|$)
      | \b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Madam|Miss)\.?\ (?P<titled>{_WORD}(?:\ {_WORD})?)
      | (?:regards|Regards|Sincerely|Cheers|Best|Thanks|wishes|Yours\ truly),\n(?P<signed>{_NAME}(?:\ {_WORD})?)
      | \b(?:[Cc]all|[Cc]all\ back|[Aa]sk|[Rr]emind)\ (?P<called>{_WORD}(?:\ {_WORD})?)(?=\ (?:on|at)\b)
    """
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    _GROUPS = ("greeted", "titled", "signed", "called")
    # "Jane Roe <jane@example.com>": tried only where the text has "<" and "@".
    _MAILED = re.compile(rf"\b{_NAME}(?=\ <[^<>@\s]+@)", CASE_SENSITIVE)

    def __init__(self, language: str = "en"):
        super().__init__("PERSON", "CurationPersonRecognizer", [], language)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if "<" in text and "@" in text:
            for m in self._MAILED.finditer(text):
                if self.score(m.group()):
                    results.append(RecognizerResult("PERSON", m.start(), m.end(), 0.6, recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return results

    def span(self, match) -> tuple[int, int]:
        for name in self._GROUPS:
            if match.group(name) is not None:
                return match.span(name)
        return match.span()

    def score(self, value: str) -> float | None:
        return None if value.split()[0] in _NOT_NAMES else 0.6


# Capitalised words that start sentences and headings, not names.
_NOT_NAMES = frozenset("""The This That These Those Our Your Their His Her Its We You They I It A An All Any Each Every Some
No Not And Or But If When While Please Thanks Thank Team Customer Customers Support Sales Finance
Accounts Payroll Order Orders Invoice Meeting Contract Server Incident Reminder New Hi Hello Dear
Regards Best Subject From To Cc Re Fwd Ship Tax Fraud Refund Wire Login Payment Visitor Applicant
Escalated Call""".split())  # noqa: SIM905


# First halves of capitalised hyphenated words that are not names.
_HYPHEN_WORDS = frozenset("""Follow Check Self Non Co Pre Post Re Multi Cross Wi Part Full Long Short High Low Real Open Anti
Well Sign Log Set Add Plug Roll Start Drop Pick Walk Stand Write Built Front Back Top End Mid Year
Month Day Week Time Face Hands Cost Risk Data User Client Customer""".split())  # noqa: SIM905


def english_recognizers() -> list[EntityRecognizer]:
    return [CurationEmailRecognizer(), CurationPhoneRecognizer(), CurationCardRecognizer(), CurationAddressRecognizer(),
            CurationPostalCodeRecognizer(), CurationOrganizationRecognizer(), CurationPersonRecognizer()]
