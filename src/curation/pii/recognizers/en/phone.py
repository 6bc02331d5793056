"""PHONE_NUMBER: international, national and North American numbers, with extensions (replaces Presidio's), or read out in words."""

from __future__ import annotations

import phonenumbers
import regex as re

from curation.pii.recognizers.en.credit_card import looks_like_card
from curation.pii.recognizers.en.scored import CASE_SENSITIVE, ScoredRecognizer
from curation.pii.recognizers.ja.my_number import my_number_check_ok

# Postal codes and codes by their label: "CEP 05435-001", "PIN 400050", "access code 552-019-338".
_CODE_LABEL_WORDS = "cep|zip|plz|postcode|pin|code"
# Words that label a number as something other than a phone: "Ref 089 / 1234 5678", "Invoice no.
# 4471 2290", "Batch 2024 0311 2287", "the account is 600-229-417", "RMA 2026-5531". Digit groups after
# them are references, not numbers to call. The references are one list: the business labels add
# words that name a thing rather than its reference, the "is" test below adds identity labels.
_REFERENCE_WORDS = ("ref|reference|order|invoice|inv|batch|serial|lot|case|ticket|po|account|acct|contract|policy"
                    "|claim|tracking|shipment|booking|sku|rma")
_BUSINESS_LABELS = _REFERENCE_WORDS + "|total|item|part|model|version|file|job|project"
NUMBER_LABELS = (_BUSINESS_LABELS +
                 # Identity, tax and registry numbers that share a phone's digit count and grouping:
                 # "SIN: 046 454 286", "NIF 509 882 417", "RUT 14.332.871-5", "Iqama/ID no. 1088443217",
                 # in the languages of the countries that issue them ("Fødselsnummer: 170391…",
                 # "Personnummer", "Kadıköy V.D. 18700…": the Turkish tax office), and a post-office box
                 # with its code ("P.O. Box 48211-00100").
                 "|id|identity|passport|licence|license|medicare|nhs|insurance|member|membership|tax|vat|gst|abn|acn"
                 "|ein|tin|nif|nit|rut|cpf|cnpj|sin|siret|iqama|aadhaar|registration|reg|company|awb|waybill|parcel"
                 "|nip|regon|krs|kvk|bsn|pesel|mrn|patient"
                 "|fødselsnummer|fodselsnummer|personnummer|personnr|cpr|hetu|ahv|dni|nie|cnp|oib|egn|amka|ppsn|vkn"
                 r"|v\.d"
                 "|build|agreement|grant|receipt|transaction|txn|voucher|permit|certificate|plate|vin|"
                 + _CODE_LABEL_WORDS)
# Nor after " / " in general: the second half of "089 / 1234 5678" read alone (the German
# area-code slash form is matched from its area code), "Chapter 4 / 0123 4567 8901", "Model X / 2023
# 1105 0930". The slash separates two numbers only after a bracket or an e-mail address ("+48 12 634
# 80 19 (home) / 693-114-287"), a contact word ("mobile / 612-555-0198"), or a whole number when the
# second starts as a whole number does, with "+" or a trunk 0 ("0421 889 304 / 0412 555 019").
# So is a number written with its "+" after a name ("Attn: Lim Wei / +65 6862 4410"); after a
# section or model code ("Section 12 / +44 …") it is what the code cites.
# After a name ("Attn: Maria Santos / 0917 552 3318") a national number whole (trunk 0, area code,
# one or two groups, 10 or 11 digits) is the person's line: a code or chapter ends in a capital or
# a digit ("Model X / 2023 1105 0930"), and no reference is grouped that way.
# Words that name a phone line, the one source of truth for the tests below (a slash after one,
# a colon glued to one, one before a reference label). Then the words that say which line it is.
PHONE_WORDS = ("tel", "telephone", "phone", "mobile", "mob", "cell", "fax", "call", "dial", "whatsapp", "hotline",
               "helpline", "landline")
# Their short and foreign forms on labels ("ph#…", "Tlf.", "Telefon:", "GSM:"), the other
# list every test below takes beside PHONE_WORDS.
PHONE_ABBREVIATIONS = ("ph", "tlf", "telefon", "gsm")
_PHONE_LABELS = "|".join((*PHONE_WORDS, *PHONE_ABBREVIATIONS))
_LINE_WORDS = ("home", "office", "work", "desk", "private", "business", "direct", "contact", "me", "us")
_CONTACT_WORDS = "|".join((*PHONE_WORDS, *_LINE_WORDS))
# A word before " / " that labels a reference, not a name ("Order ref / 0123 456789", "Kundennr /
# 0161 …"): a number label, or a word that ends in a number's own abbreviation (German "-nr",
# "-nummer"). A German mobile's one 7-digit group follows a name ("Frau Weber / 0171 2345678").
_NOT_A_NAME_BEFORE_SLASH = rf"(?:{NUMBER_LABELS})|\w*(?:nr|nummer|number)"
_SEPARATED_BY_SLASH = (rf"(?<=[)\]]\ ?/\ |@[\w.\-]{{1,60}}\.[A-Za-z]{{2,24}}\ ?/\ |\b(?i:{_CONTACT_WORDS})\.?:?\ ?/\ )"
                       r"|(?<=\d[\d\ .\-()]{5,20}\d\ ?/\ )(?=[+0])|(?<=(?:\+|\b0)\d[\d\ .\-()]{5,20}\d\ ?/\ )"
                       rf"|(?<=\p{{Ll}}\ /\ )(?<!\b(?i:{_NOT_A_NAME_BEFORE_SLASH})\.?\ /\ )"
                       r"(?:(?=0[1-9]\d{1,3}(?:[\ \-]\d{3,7}){1,2}(?![\d\-]|\ \d))(?=(?:\d[\ \-]?){9,10}\d(?!\d))|(?=\+\d))")
# Nor is a number a phone when it continues a code of letters and digits ("parcel 1Z 8F4 27Y 03
# 5512 9940"): the two groups before it, joined by one space, each hold a capital and a digit. One
# such group is a unit or a postcode's half ("Flat 2A 07700 900123", "Support 24H 0800 123 4567"),
# and two that make a postcode ("Leeds LS1 4AP 0113 496 0000", "D16 X2P8") end an address line.
_CODE_GROUP = r"(?=[A-Z\d]{0,5}[A-Z])(?=[A-Z\d]{0,5}\d)[A-Z\d]{2,6}"
_POSTCODE = (r"(?:[A-Z]{1,2}\d[A-Z\d]?\ \d[A-Z]{2}|[A-Z]\d[A-Z]\ \d[A-Z]\d"
             r"|[AC-FHKNPRTV-Y]\d[\dW]\ [\dAC-FHKNPRTV-Y]{4})\ ")
_NOT_AFTER_CODE = (rf"(?:(?<!/\ )|{_SEPARATED_BY_SLASH})"
                   rf"(?<!\b(?!{_POSTCODE}){_CODE_GROUP}\ {_CODE_GROUP}\ )")
# A label glued to a number by a colon or "#" is a contact label ("Tel.:0161 496 0066", "M:07700
# 900123", "ph#4155550173", a vCard's "TEL;WORK;VOICE:(111) 555-1212"); "ISBN:0306406152" and
# "UPC:0 12345 67890 5" are codes.
_GLUED_LABELS = rf"{_CONTACT_WORDS}|{'|'.join(PHONE_ABBREVIATIONS)}|t|m|f|p|cel|voice|pager|pref"
# An extension belongs to its number: with it the number reaches one person's desk, not a
# switchboard ("ext. 214", "x214", ", ext. 12", "(ext 44)", "extn 12", "#214", German "Durchwahl
# -214", "DW 214"), and so does what a dial string or a tel: link writes for one: a pause before
# it ("+14155550173p22", "…0173,,22") or RFC 3966's ";ext=22".
_EXTENSION = (r"(?:,?\ ?(?i:x|ext\.?|extn\.?|extension|durchwahl|dw\.?)\ ?:?\ ?-?\d{1,6}"
              r"|\ ?\((?i:x|ext\.?|extn\.?|extension)\ ?:?\ ?\d{1,6}\)|\ \#\ ?\d{1,6}|;ext=\d{1,6}|(?:,{2,}|[pw])\d{1,6})")

# An extension raises the score of a number whole enough to reach a switchboard (a national number
# with its area code has 8 digits or more). A shorter group with "#2" or "x4" after it is a part
# or product code and its variant or quantity ("Hinge 0113 496 #12"); a phone word still makes a
# short number with its extension one ("Tel: 555-0148 #12").
_WHOLE_NUMBER_DIGITS = 8

# The label test runs on the text before each match (see `analyze`): a reference label, its "no."
# and an "is": "Invoice no. 4471 2290", "the account is 600-229-417".
_LABEL_BEFORE = re.compile(rf"\b(?P<label>{NUMBER_LABELS})\.?(?:\ ?(?P<no>no|nr|number|\#)\.?)?"
                           r"(?:\ (?P<verb>is|was))?[:\ ]{1,3}$", re.IGNORECASE)
_LABEL_WINDOW = 40
# "is" makes a reference of what follows only after a reference's own name ("the account is …"); a
# noun such as company, registration or patient is what the number is for ("The helpline for
# membership is 0800 123 4567"), unless "number" names it ("patient number is 4471 2290").
_REFERENCE_LABELS = re.compile(_REFERENCE_WORDS + "|id|passport|iban|vat|tax|awb|" + _CODE_LABEL_WORDS, re.IGNORECASE)
# A postal code, PIN or access code is short: a national number with its trunk 0 after such a label
# is not one ("PIN: 020 7946 0958").
_CODE_LABELS = re.compile(_CODE_LABEL_WORDS, re.IGNORECASE)
_LONGEST_CODE = 9
# A business label alone ("Booking: 020 7946 0958 (Mrs Patel)") is as often the line to call as the
# reference: a number with a trunk 0, grouped as a national number is (area code, then one or two
# groups, 10 or 11 digits), stays a phone unless "no.", "number", "#" or "is" makes it the reference.
# Identity labels are left out: their numbers share that grouping ("NHS 012 345 6789").
# A reference label names the digits after it even bare ("Ref 020 7946 0958"), but only as the
# label of a field: at the start of a line or part (after a comma, colon, bar, bracket or full
# stop). Inside a sentence ("To place an order: …", "Questions about your invoice: …", "Track your
# order: …") a word before it makes it the thing the line is for; a phone word before it, the line.
# "Order" and "invoice" are also what one calls about: they name the digits only glued to them
# ("Invoice 07700 900123 was paid."), not over a colon ("Order: 0161 496 0066" is the order line).
_BARE_BUSINESS_LABEL = re.compile(_BUSINESS_LABELS, re.IGNORECASE)
_NAMES_ITS_DIGITS = re.compile(r"ref|reference|order|invoice|inv|po|serial|sku|tracking", re.IGNORECASE)
_NAMES_ITS_DIGITS_GLUED = re.compile(r"order|invoice", re.IGNORECASE)
_FIELD_START = re.compile(r"(?:^|[\n,;:|(\[•·]|\.\ )[ \t]*$")
_NATIONAL_GROUPING = re.compile(r"\(?0[1-9]\d{1,3}\)?(?:[\ \-]\d{3,6}){1,2}")
_NATIONAL_DIGITS = (10, 11)
# A verb of calling or a phone word just before a number makes it the line to call ("call
# 9845066231", "ring me on 07700900123", "ph#4155550173"). Presidio's context step cannot see these:
# spaCy lists "call" among its stop words, and a label glued by "#" is one token with its number.
# "Ring", "text" and "reach" are verbs of calling only with the person after them ("reach me at";
# "sales reach 1 200 000" is a sum).
_CALL_CUE_BEFORE = re.compile(rf"(?:\b(?i:{_PHONE_LABELS})\b\.?"
                              r"|\b(?i:ring|text|txt|reach)\ (?i:me|us|him|her|them)\b)"
                              r"(?:\ (?i:me|us|him|her|them|on|at|to|for|back)){0,2}\ ?[:\#@]?\ ?$")
_CUE_WINDOW = 30
_CUED_SCORE = 0.45
# A phone word before the label says whose number it is: "The phone number for registration is …",
# "Fax company 020 …", "Call the company: 020 …". No other number stands between them.
_PHONE_WORD_BEFORE = re.compile(rf"\b(?i:{'|'.join(PHONE_WORDS)})\b[^\d]{{0,30}}$")
# A number written with its "+" country code is a phone whatever label stands before it ("Contact
# on file: +971 50 418 7729"): references and identity numbers are never written so. Amounts are
# ("Total +12 500 000 EUR").
_AMOUNT_BEFORE = re.compile(r"\b(?i:total|subtotal|amount|sum|price|cost|balance|budget|revenue|value|fee|net|gross"
                            r"|profit|loss|change|delta)\b[:\ ]{1,3}$")
_CURRENCY_AFTER = re.compile(r"\ ?(?:[€$£¥₹%]|(?:EUR|USD|GBP|CHF|JPY|CNY|INR|AUD|CAD|SEK|NOK|DKK|PLN|CZK|HUF|RUB"
                             r"|BRL|MXN|ZAR|AED|SAR|SGD|HKD|NZD|TRY|KRW|bn|m|k)\b)")


# A post-office box with its postal code ("P.O. Box 48211-00100", Kenya): the box's number, a dash,
# the code. Only that shape after a postal-box phrase is refused: "Box" alone is also a locker's or
# a form's label ("Box: 07700 900123"), and a whole number after a box ("PO Box 0161 496 0001")
# is a phone written after the address.
_POSTAL_BOX_BEFORE = re.compile(r"\b(?i:(?:p\.?\ ?o\.?|post\ office)\ box|private\ bag|postfach|apartado"
                                r"|caixa\ postal)\.?[:\ ]{1,3}$")
_BOX_WITH_CODE = re.compile(r"\d{1,6}-\d{5}")
# A "+" number glued to a field's name by ":" or "=" ("msg:+3.1415926535", "build:+20240105123456")
# is a phone only after a phone word or a vCard's type ("TEL;TYPE=WORK,VOICE:+48 …", "phone=+41 …"),
# or when its country code and length make one (phonenumbers); never with a decimal point.
_FIELD_NAME_BEFORE = re.compile(r"([^\W\d_]+)[:=]$")
_VCARD_TYPES = frozenset({"tel", "voice", "cell", "fax", "pager", "text", "work", "home", "pref", "msg"})
_DECIMAL = re.compile(r"\+?\d+\.\d+")
# "<noun> no." / "nr." / "number" / "Nº" before the digits says whose number they are: a
# customer's, a meter's, an organisation's, a quotation's ("Customer no.: 300 812 447", "Org. nr.
# 921 447 380", "PRESUPUESTO Nº 2026-1183"), whatever the noun. Unless the noun names the line or
# which of someone's lines it is ("Phone no.", "Best number:", "my other number", "Emergency
# number"): those words are closed classes, the nouns of things that have numbers are not.
_NUMBER_WORD_BEFORE = re.compile(r"(?:\b(?P<noun>[^\W\d_]{2,})\.?\ )?(?:\b(?P<word>no|nr|number)\b\.?|(?<!\w)(?:n[º°]|№))"
                                 r"\ ?[:\-]?\ ?$", re.IGNORECASE)
# Other languages' phone labels in English business text ("Tél. n°", "Handy Nr.", "HP no:"): the
# recognizer's context words, and nouns that name the line before a number word.
FOREIGN_PHONE_LABELS = ("tél", "teléfono", "telefone", "telefono", "handy", "celular", "sími", "puh", "puhelin",
                        "telefoon", "mobiel", "móvil", "movil", "mobil", "cel", "tlm", "telemóvel", "τηλ", "тел",
                        "телефон", "telp", "hp", "natel")
# A preposition of reaching before "number" is no noun that owns it ("text Jane on number 07700 …");
# "registered under number 71829034" is a register's number, so only on, at and via.
_LINE_NOUNS = frozenset((*PHONE_WORDS, *PHONE_ABBREVIATIONS, *FOREIGN_PHONE_LABELS, *_LINE_WORDS,
                         *"""cellular handphone residence line person on at via""".split(),
                         *"""best other alternative alternate alt
main emergency daytime evening night mobile cellphone new old same this that the a my your his her our their its
whose which toll free freephone switchboard reception support service care helpdesk callback sms text whatsapp
signal viber telegram local international backup second primary personal pager voicemail enquiries inquiries
enquiry inquiry sales any correct wrong right valid preferred kin""".split()))


def _names_whose_number(before: str) -> bool:
    """Whether `before` (the text before a number) ends in a noun and its number word that make
    the digits that thing's number (see _NUMBER_WORD_BEFORE). A bare "No." or "Number:" names
    nothing; a bare "Nº" is a document's own number ("NOTA FISCAL — Nº 00004218")."""
    m = _NUMBER_WORD_BEFORE.search(before)
    if m is None or (m["noun"] is None and m["word"]):
        return False
    return (m["noun"] is None or m["noun"].lower() not in _LINE_NOUNS) and not _PHONE_WORD_BEFORE.search(before, 0, m.start())


# A ZIP+4 after a state code ("Savannah, GA 31405-2217") is the postal code of an address line.
_ZIP_PLUS_FOUR = re.compile(r"\d{5}-\d{4}")
_STATE_BEFORE = re.compile(r"(?:^|[,\n]\ ?|\ )[A-Z]{2}\ $")


def labelled_otherwise(text: str, start: int, end: int) -> bool:
    """Whether the number at text[start:end] is labelled as something other than a phone: a
    reference or identity number, a short code, a ZIP+4 after its state, or (written with "+") an
    amount."""
    before = text[max(0, start - _LABEL_WINDOW):start]
    if _ZIP_PLUS_FOUR.fullmatch(text, start, end) and _STATE_BEFORE.search(before):
        return True
    if _BOX_WITH_CODE.fullmatch(text, start, end) and _POSTAL_BOX_BEFORE.search(before):
        return True
    if text[start:end].lstrip("(").startswith("+"):
        return bool(_AMOUNT_BEFORE.search(before) or _CURRENCY_AFTER.match(text, end)
                    or _glued_to_another_field(text, start, end, before))
    if _names_whose_number(before):
        return True
    label = _LABEL_BEFORE.search(before)
    if label is None:
        return False
    if label["verb"] and not (label["no"] or _REFERENCE_LABELS.fullmatch(label["label"])):
        return False
    digits = sum(c.isdigit() for c in text[start:end])
    if _CODE_LABELS.fullmatch(label["label"]) and digits > _LONGEST_CODE:
        return False
    if (not (label["no"] or label["verb"]) and _BARE_BUSINESS_LABEL.fullmatch(label["label"])
            and not _names_a_reference_field(before, label)
            and _NATIONAL_GROUPING.fullmatch(text, start, end) and digits in _NATIONAL_DIGITS):
        return False
    return not _PHONE_WORD_BEFORE.search(before, 0, label.start())


def _glued_to_another_field(text: str, start: int, end: int, before: str) -> bool:
    """Whether a "+" number glued to a field's name by ":" or "=" is that field's value, not a
    phone: a decimal, or after a name that is no phone word nor vCard type, a number whose country
    code is none or whose length no number of that country has."""
    field = _FIELD_NAME_BEFORE.search(before)
    if field is None:
        return False
    name = field[1].lower()
    phone_label = name in PHONE_WORDS or bool(re.fullmatch(_GLUED_LABELS, name))
    if _DECIMAL.fullmatch(text, start, end):
        return not phone_label  # "Phone:+1.4155552671" is how WHOIS records write one
    if phone_label or name in _VCARD_TYPES:
        return False
    try:
        number = phonenumbers.parse(text[start:end])
    except phonenumbers.NumberParseException:
        return True
    # Possible, not valid: fictional ranges ("+44 7700 900123") are written as real numbers are.
    return (phonenumbers.region_code_for_country_code(number.country_code) == "ZZ"
            or phonenumbers.is_possible_number_with_reason(number) != phonenumbers.ValidationResult.IS_POSSIBLE)


def _names_a_reference_field(before: str, label) -> bool:
    """Whether a bare business label (no "no.", no "is") names the digits after it as a reference
    field: a reference label that starts a field, glued to the digits for "order" and "invoice"."""
    if not _NAMES_ITS_DIGITS.fullmatch(label["label"]) or not _FIELD_START.search(before, 0, label.start()):
        return False
    return not (_NAMES_ITS_DIGITS_GLUED.fullmatch(label["label"]) and ":" in before[label.end("label"):])


class CurationPhoneRecognizer(ScoredRecognizer):
    """International (+CC / 00CC, "(0)" trunk), national with area codes in parentheses,
    dotted/dashed/spaced groups, extensions (x123, ext. 123). Presidio's phonenumbers-based
    recognizer missed non-US formats and extensions, and was half the recognizer time."""

    ENTITY = "PHONE_NUMBER"
    NAME = "CurationPhoneRecognizer"
    # Not inside a code; "Tel.:0161…" glued to its label; a "+" number glued to any field's name
    # ("TEL;TYPE=WORK,VOICE:+48 58 …" in a vCard, "phone=+41 44 …" in a query string): no time,
    # code or reference is written with "+".
    REGEX = _NOT_AFTER_CODE + rf"(?:(?<![\w+\#/@.:-])|(?<=\b(?i:{_GLUED_LABELS})\.?[:\#])|(?<=[:=])(?=\+\d))" + r"""
        (?<!\d[ .-])(?<![A-Z0-9]{4}\ )                      # not inside an IBAN or digit run
        (?:
            (?:\+|\b00)\d{1,3}[ .-]?(?:\(0\)[ .-]?)?          # +44, 0044, optional (0) trunk
            (?:\d{1,5}\ ?/\ ?(?=\d))?                           # +49 (0) 30 / 12 34 56 (DE)
          | \(\+\d{1,3}\)\ ?                                 # (+34) 912 345 678
          | \b[18][ .-]?(?=\(\d{3,4}\))                       # 1 (786) ... (US), 8 (495) ... (RU)
        )?
        (?:\((?:0\ )?\d{1,5}\)[ .-]?|\b0\ ?\d{2,4}\ ?/\ ?(?=\d))?      # (020), (0 30); 089 / 12 34 56, 0 89 / … (DE)
        (?:\d(?:\ \d){6,14}+                                 # one digit at a time: 0 2 0 7 9 4 6 …
          | \d++(?:[ .-]\d++){0,5})                            # digit groups, one separator each
        (?:""" + _EXTENSION + r""")?                             # extension
        (?![ .-]?\d)(?![\w@:])                               # not a time (07:30) or e-mail
    """
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    START = r"(?=[+(\d])"  # a number starts with "+", "(" or a digit: its lookbehinds only run there
    # Whole words (no lemmatizer runs): inflected forms are listed.
    CONTEXT = (*PHONE_WORDS, "phones", "phoned", "calls", "called", "calling", "reach", "reached", "contact",
               "number", "sms", "text", "ring",
               # Abbreviations and other languages' labels in English business text.
               *PHONE_ABBREVIATIONS, *FOREIGN_PHONE_LABELS)
    # A date has a month of 1-12 and a day of 1-31 (01.54.80.61.43 is a French number, not a date).
    _DATE = re.compile(r"\d{4}[-./](?:0?[1-9]|1[0-2])[-./](?:0?[1-9]|[12]\d|3[01])(?!\d)"
                       r"|(?:0?[1-9]|[12]\d|3[01])[-./](?:0?[1-9]|[12]\d|3[01])[-./](?:\d{4}|\d{2})(?!\d)")
    # A reference that starts with a year and a month: "entry 2024-11-0087", "2026/03/1142".
    _DATED_REFERENCE = re.compile(r"(?:19|20)\d\d[-./](?:0[1-9]|1[0-2])[-./]\d{3,}")
    _IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
    # Codes grouped as no country groups its numbers: a Korean business registration number
    # (220-81-62517, 3-2-5) and a customs tariff (HS) code (3303.00.10: a heading, then pairs after
    # dots); a number with its trunk 0 is still a phone.
    _GROUPED_CODE = re.compile(r"[1-9]\d{2}-\d{2}-\d{5}|[1-9]\d{3}\.\d{2}\.\d{2}(?:\.\d{2})?")
    _SSN = re.compile(r"\d{3}[- ]\d{2}[- ]\d{4}")
    _EXT = re.compile(_EXTENSION + "$")
    _SEPARATORS = re.compile(r"[ .\-()/]+")
    # German and Austrian direct dial (Durchwahl): the extension written after a dash in a number
    # grouped by spaces, +49 89 12345-67 (a card grouped by dashes has no space).
    _DIRECT_DIAL = re.compile(r"(?<=\ \d{3,}+)-\d{1,4}$")

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = [result for result in super().analyze(text, entities, nlp_artifacts, regex_flags)
                   if not labelled_otherwise(text, result.start, result.end)]
        for result in results:
            if result.score < _CUED_SCORE and _CALL_CUE_BEFORE.search(text, max(0, result.start - _CUE_WINDOW), result.start):
                result.score = _CUED_SCORE
        return results

    def score(self, value: str) -> float | None:
        score = self._score(value)
        if score is None and (dial := self._DIRECT_DIAL.search(value)) is not None and not looks_like_card(value):
            score = self._score(value[:dial.start()])
        return score

    def _score(self, value: str) -> float | None:
        ext = self._EXT.search(value)
        number = value[:ext.start()] if ext else value
        digits = sum(c.isdigit() for c in number)
        international = number.lstrip("(").startswith(("+", "00"))
        groups = [g for g in self._SEPARATORS.split(number.strip("+()")) if g]
        if ((self._DATE.match(number) and len(groups) <= 4) or self._DATED_REFERENCE.fullmatch(number)
                or self._IPV4.fullmatch(number) or self._SSN.fullmatch(number) or self._GROUPED_CODE.fullmatch(number)):
            return None
        if international:
            if not 8 <= digits <= 15:
                return None
            return 0.75 if len(number) > 4 else None
        if not 7 <= digits <= 12:
            return None
        if looks_like_card(number):
            return None
        lengths = [len(g) for g in groups]
        if lengths in ([12], [4, 4, 4]) and my_number_check_ok(number):
            # One such number in ten passes the マイナンバー check digit (EnMyNumberRecognizer): a
            # phone only after a phone word ("Emergency phone: 0157 3388 2104"), so below the threshold.
            return 0.3
        if len(groups) == digits:
            # One digit a group, as a form's boxes and OCR of them write a number: a row of single
            # digits is as often scores or seats ("3 4 5 2 1 0 7"), so only a phone word makes it one.
            score = 0.3
        elif "(" in number:
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
        if ext and digits >= _WHOLE_NUMBER_DIGITS:
            score += 0.15
        return min(score, 0.9)


# Numbers read out in words: the digit words, "double"/"triple" before one.
_DIGITS = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9}
_REPEATS = {"double": 2, "triple": 3}
_DIGIT = rf"(?:(?:double|triple)[\ -])?(?:{'|'.join(_DIGITS)})"
# One digit word after another, joined by a space, a comma or a hyphen, or by a full stop or a line
# break: a transcript writes the groups as it hears them ("four one five. five five five.") and
# breaks its lines anywhere ("oh seven nine\ndouble four, …"). The run is bounded (20 words): a
# longer one is no phone number, and the bound keeps a page of digit words linear. "Oh" is a zero
# before another digit word ("oh-four-one-two…") and between them, not at the end ("…seven, oh" is
# an exclamation) nor before another "oh" at the start ("oh oh oh…" is a song).
_JOIN = r"(?:[,.]?\ ?\n[ \t]*|,\ ?|\.\ |\ |-)"
_RUN = rf"\b(?i:(?!oh{_JOIN}oh\b){_DIGIT}(?:{_JOIN}{_DIGIT}){{6,19}})(?<!\b(?i:oh))\b"
_WORD = re.compile(rf"(?i:(?:(double|triple)[\ -])?({'|'.join(_DIGITS)}))")


def spoken_digits(value: str) -> list[int]:
    """The digits a run of digit words spells, "double"/"triple" written out ("double zero" → 0, 0)."""
    digits: list[int] = []
    for repeat, word in _WORD.findall(value):
        digits.extend([_DIGITS[word.lower()]] * _REPEATS.get(repeat.lower(), 1))
    return digits


class SpokenPhoneRecognizer(ScoredRecognizer):
    """Seven to fifteen digits read out as words ("five oh nine, five five five, oh one nine two",
    "zero seven seven double zero…"). Digit patterns never see them: a caller spells the number
    and the transcript keeps the words. "Oh" for zero, "double"/"triple", or comma-separated
    groups are how a number is read, not how anything is counted, so such a run is taken alone;
    a plain run of digit words needs a context word ("number", "call") before it, and a run that
    counts up or down ("one two three four five six seven") is refused."""

    ENTITY = "PHONE_NUMBER"
    NAME = "SpokenPhoneRecognizer"
    REGEX = _RUN
    START = r"\b(?=(?i:[zotfsend]))"  # a word starting as a digit word or double/triple does
    CONTEXT = ("phone", "telephone", "call", "number", "mobile", "cell", "reach", "dial", "contact", "callback")
    _READ_OUT = re.compile(r"(?i:\boh\b|double|triple|\w[,.]\ ?\w+[\ -]\w)")
    _SPOKEN_ZERO_OR_REPEAT = re.compile(r"(?i:\boh\b|double|triple)")
    _COMMA = re.compile(r"[,.]?\ ?\n[ \t]*|,\ ?|\.\ ")  # where a group read out ends
    _FEWEST_DISTINCT = 2

    def score(self, value: str) -> float | None:
        digits = spoken_digits(value)
        if not 7 <= len(digits) <= 15:
            return None
        steps = {b - a for a, b in zip(digits, digits[1:])}
        if steps in ({1}, {-1}) or len(set(digits)) <= self._FEWEST_DISTINCT:
            return None  # counting or chanting ("five five five five, …"), not a number
        # Groups of two words each are scores and pairs ("six four, three six, seven five"): the
        # comma form is how a number is read only with a longer group; else a context word decides.
        groups = self._COMMA.split(value)
        if all(len(group.split()) <= 2 for group in groups) and not self._SPOKEN_ZERO_OR_REPEAT.search(value):
            return 0.3
        return 0.5 if self._READ_OUT.search(value) else 0.3
