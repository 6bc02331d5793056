"""Name spans of business text that name no one: codes, currencies, card brands, identifier labels, document titles.

NER trained on news reads the furniture of business documents as organisations, people or places:
a SKU ("HX-2210-BK"), a currency beside an amount ("NOK 3,620"), the brand of a card ("Visa ending
7204"), the label of an identifier ("CNPJ 14.572.338/0001-90", "AWB 7734 2210"), a document's
title ("ACCESS REQUEST", "Tenancy Agreement"). None of them identifies anyone; the identifier or
amount beside them is found (or left) by its own recognizer. `names_nothing` tells them apart;
`without_trailing_code` cuts a code NER glued to the end of a name ("ACCESS REQUEST AR-22917").
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from curation.pii.doc_text import doc_text
from curation.pii.role_shapes import FUNCTION_WORDS
from curation.pii.truecase import common_words

# A reference, product or part code written as one word: capitals and digits joined by - / . or
# glued, holding a digit and a separator or three digits ("HX-2210-BK", "AR-22917", "E0712").
# The few names with a digit are short and have no separator ("3M", "B52s") or lower case ("7-Eleven").
_CODE_WORD = re.compile(r"(?=[A-Z0-9./-]*\d)(?=.*[-/.]|(?:\D*\d){3})[A-Z0-9]+(?:[-/.][A-Z0-9]+)*-?")
# ISO 4217 codes of the currencies business mail quotes most; a code counts only beside an amount.
CURRENCY_CODES = frozenset("""EUR USD GBP CHF JPY CNY INR AUD CAD SEK NOK DKK PLN CZK HUF RUB BRL MXN ZAR AED SAR SGD
HKD NZD TRY KRW THB IDR MYR PHP VND ILS EGP NGN KES QAR KWD BHD OMR COP CLP ARS PEN TWD RON BGN ISK UAH""".split())  # noqa: SIM905
_AMOUNT_AFTER = re.compile(r"[ \u00a0]?[-+]?\d")
_AMOUNT_BEFORE = re.compile(r"\d[ \u00a0]?$")
# Card schemes: named beside a card ("Visa ending 7204", "Amex card ending 1008", "Mastercard 5500 ..."), the
# scheme says how someone paid, not who (the labelling rules ignore them).
CARD_BRANDS = frozenset({"visa", "mastercard", "master card", "amex", "american express", "discover", "jcb",
                         "diners", "diners club", "maestro", "unionpay", "union pay", "rupay"})
# Only beside a card's number or its end: "a $100 Visa card" names the company (WNUT-17 labels it).
_CARD_WORDS = frozenset({"card", "ending", "debit", "credit"})
_CARD_AFTER = re.compile(r"(?i:[ \u00a0]+(?:credit|debit))?(?i:[ \u00a0]+card)?[ \u00a0]*"
                         r"(?:(?i:ending|ends|no\b|number|\#)|\d|[•*xX]{2})")
# An acronym before an identifier is the identifier's label ("CNPJ 14.572...", "CHI 2810614471",
# "AWB 7734 2210", "PLZ 80687", "MAC 3C:52:..."): the value after it holds a digit. A year after an
# acronym is a date, not an identifier ("IBM 2024 results"). Two capitals, or an Australian state,
# before a code are a region before its postcode ("IL 60625", "QC H2X 1Y4", "NSW 2034"), whatever
# type NER gives them.
_ACRONYM = re.compile(r"(?!(?:NSW|VIC|QLD|TAS|ACT)$)[A-Z]{3,5}")
_IDENTIFIER_AFTER = re.compile(r"[ \u00a0]*(?:[:#]|(?i:no\.?|nr\.?|n°|nº))?[ \u00a0]*(?!(?:19|20)\d\d\b)[\w:./-]*\d")
# The nouns a document's title is built on, in English and in the languages business mail most
# often mixes in: a title made of common words and one of these names a kind of document.
DOCUMENT_NOUNS = frozenset("""invoice receipt statement report request form notice agreement contract declaration
itinerary application letter summary minutes claim quote quotation order certificate confirmation reminder schedule
checklist referral registration proposal memo memorandum manifest voucher estimate lease tenancy warranty complaint
questionnaire survey assessment payslip timesheet appraisal booking reservation folio waybill agenda newsletter
factuur rechnung fattura factura facture nota rapport devis recibo quittung angebot bestellung lieferschein pedido
orçamento cotización presupuesto contrato vertrag contrat contratto""".split())  # noqa: SIM905


def names_nothing(tokens, label: str) -> bool:
    """Whether a name span's tokens (English text) are a code, a currency beside an amount, a card
    scheme beside a card, an identifier's label or a document's title. A place's acronym before a
    code is a region before its postcode, no label."""
    text = doc_text(tokens[0].doc)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    value = text[start:end]
    if _CODE_WORD.fullmatch(value):
        return True
    if value in CURRENCY_CODES and (_AMOUNT_AFTER.match(text, end) or _AMOUNT_BEFORE.search(text[max(0, start - 3):start])):
        return True
    words = value.split()
    while len(words) > 1 and words[-1].lower() in _CARD_WORDS:
        words = words[:-1]
    if " ".join(words).lower() in CARD_BRANDS and (value.split()[-1].lower() == "ending" or _CARD_AFTER.match(text, end)):
        return True
    if label != "LOCATION" and _ACRONYM.fullmatch(value) and _IDENTIFIER_AFTER.match(text, end):
        return True
    return _document_title(value, _next_word(text, end))


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
_WORDS = re.compile(r"[^\W\d_][^\W\d_'’-]*")


def _next_word(text: str, end: int) -> str:
    """The word after text[:end], in lower case ("" at the end or after a line break)."""
    m = _NEXT_WORD.match(text, end)
    return m.group(1).lower() if m else ""


def _document_title(value: str, next_word: str) -> bool:
    """Whether `value` is a document's title: a document noun in it or right after it, and the rest
    common words of English or function words of any language; in capitals (a heading), the rest
    may be any words, as a heading's other words are the document's subject ("NOTA FISCAL DE
    SERVIÇOS ELETRÔNICA", "ASSURED SHORTHOLD TENANCY AGREEMENT")."""
    words = [w.lower() for w in _WORDS.findall(value)]
    if not words or not (any(w in DOCUMENT_NOUNS for w in words) or next_word in DOCUMENT_NOUNS):
        return False
    if value.isupper() and len(value) > 3:
        return True
    return all(w in DOCUMENT_NOUNS or w in common_words() or w in STOP_WORDS or w in FUNCTION_WORDS for w in words)


def without_trailing_code(tokens) -> list:
    """`tokens` without the code that ends them ("ACCESS REQUEST AR-22917" -> "ACCESS REQUEST"):
    the last whitespace-separated word, when it is a code (_CODE_WORD) and words stand before it."""
    text = doc_text(tokens[0].doc)
    cut = len(tokens)
    while cut > 1 and not tokens[cut - 2].whitespace_:
        cut -= 1  # back to the first token of the last word
    if cut > 1:
        last = text[tokens[cut - 1].idx:tokens[-1].idx + len(tokens[-1].text)]
        if _CODE_WORD.fullmatch(last):
            return tokens[:cut - 1]
    return tokens
