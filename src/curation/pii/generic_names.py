"""Name spans of business text that name no one: codes, currencies, card brands, identifier labels, document titles.

NER trained on news reads the furniture of business documents as organisations, people or places:
a SKU ("HX-2210-BK"), a currency beside an amount ("NOK 3,620"), the brand of a card ("Visa ending
7204"), the label of an identifier ("CNPJ 14.572.338/0001-90", "AWB 7734 2210"), a document's
title ("ACCESS REQUEST", "Tenancy Agreement"). None of them identifies anyone; the identifier or
amount beside them is found (or left) by its own recognizer. `names_nothing` tells them apart;
`without_trailing_code` cuts a code NER glued to the end of a name ("ACCESS REQUEST AR-22917"),
`without_document_nouns` a document noun glued to a person's name ("JANE DOE CONTRACT").
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from curation.pii.doc_text import doc_text
from curation.pii.role_shapes import FUNCTION_WORDS, JOB_NOUNS
from curation.pii.truecase import capitalised_words, common_words, name_like_words

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
# The label of an identifier, a document or a code, written before its value ("CNPJ 14.572...", "CHI
# 2810614471", "AWB 7734 2210", "PLZ 80687", "MAC 3C:52:..."): the value names someone, the label
# no one. A closed list, not any acronym before a digit: names and companies in capitals stand there
# as often ("Patient: JONES 12/03/1980", "Contact ANNA 07700 900123", "OXFAM 0300 200 1300", "BMW 320i").
# A year after a label is a date, not a value ("IBM 2024 results").
IDENTIFIER_LABELS = frozenset("""
SSN SIN NIN NINO NI UTR PAYE TIN EIN ITIN VAT GST HST PST QST ABN ACN TFN CRN IRD BSN NIF NIE DNI CIF CPF CNPJ RUT RFC
CURP PESEL NIP REGON KVK SIRET SIREN EORI DUNS LEI UEN NRIC FIN HKID PAN TAN GSTIN UAN EPF UPI IFSC MICR BSB ABA IBAN
BIC SWIFT CLABE NHS CHI IHI MRN NPI DEA OHIP URN UCR REF INV ACCT DOB PNR AWB HAWB MAWB CMR BOL POD SKU UPC EAN GTIN
ISBN ISSN HS IMEI IMSI ICCID MEID VIN MAC IP PIN CVV OTP PLZ ZIP CEP NPA
NIT RUC CUIT CUIL RIF CRC CRM OAB CREA IELTS TOEFL TOEIC GMAT
FTP SFTP FTPS SSH VPN RDP SMTP IMAP DNS NTP LDAP HTTP HTTPS
""".split()) | CURRENCY_CODES  # noqa: SIM905  (the last line: protocols, before the address they reach)
# An IBAN written in groups of four ("NL98 PVJM 3279 4861 99"): its letter groups are the bank's
# code inside the number, not a name; the number is found whole by its own recognizer.
_GROUPED_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: [A-Z0-9]{1,4}){3,8}\b")
_IDENTIFIER_AFTER = re.compile(r"[ \u00a0]*(?:[:#]|(?i:no\.?|nr\.?|n°|nº))?[ \u00a0]*(?!(?:19|20)\d\d\b)[\w:./-]*\d")
# The nouns a document's title is built on, in English and in the languages business mail most
# often mixes in: a title made of common words and one of these names a kind of document.
DOCUMENT_NOUNS = frozenset("""invoice receipt statement report request form notice agreement contract declaration
itinerary application letter summary minutes claim quote quotation order certificate confirmation reminder schedule
checklist referral registration proposal memo memorandum manifest voucher estimate lease tenancy warranty complaint
questionnaire survey assessment payslip timesheet appraisal booking reservation folio waybill agenda newsletter
factuur rechnung fattura factura facture nota rapport devis recibo quittung angebot bestellung lieferschein pedido
orçamento cotización presupuesto contrato vertrag contrat contratto""".split())  # noqa: SIM905
# The legal forms and collective words a company's name ends in: a document noun beside one is part
# of the company's name ("The Rental Agreement Company"), not a title.
COMPANY_FORMS = frozenset("""company co ltd limited llc llp lp inc incorporated corp corporation plc gmbh ag kg bv nv sa
sas sarl srl spa pty kk oy ab group holdings partners partnership associates trust foundation bank agency""".split())  # noqa: SIM905


def names_nothing(tokens, label: str, ner_end: int = 0) -> bool:
    """Whether a name span's tokens (English text) are a code, a currency beside an amount, a card
    scheme beside a card, an identifier's label or a document's title. `ner_end`: where NER's span
    ended before clean-up trimmed it ("PURCHASE ORDER" -> "PURCHASE"): a word cut off is still NER's."""
    text = doc_text(tokens[0].doc)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    value = text[start:end]
    if _CODE_WORD.fullmatch(value) or _inside_grouped_iban(text, start, end) or _inside_code_word(text, start, end):
        return True
    if value in CURRENCY_CODES and (_AMOUNT_AFTER.match(text, end) or _AMOUNT_BEFORE.search(text[max(0, start - 3):start])):
        return True
    words = value.split()
    while len(words) > 1 and words[-1].lower() in _CARD_WORDS:
        words = words[:-1]
    if " ".join(words).lower() in CARD_BRANDS and (value.split()[-1].lower() == "ending" or _CARD_AFTER.match(text, end)):
        return True
    # Never a person's span: NER's PERSON before a number is a name in capitals before its phone or birth date.
    if label in ("ORGANIZATION", "NRP") and value in IDENTIFIER_LABELS and _IDENTIFIER_AFTER.match(text, end):
        return True
    if label == "ORGANIZATION" and _form_label(text, start, end, value):
        return True
    # The word after the span counts only for an organisation, or when it was in NER's span: "the
    # Bill Gates memo" is someone's memo.
    after = _NEXT_WORD.match(text, end)
    glued = bool(after) and after.end() <= ner_end
    next_word = after.group(1).lower() if after and (glued or label == "ORGANIZATION") else ""
    return _document_title(value, next_word, any_heading=label != "PERSON", next_inside=glued)


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
_WORDS = re.compile(r"[^\W\d_][^\W\d_'’-]*")
# The rest of a form line's label after a span: up to two more words, then a colon (not a link's).
_LABEL_REST = re.compile(r"(?:[ \t]+[^\W\d_]+){0,2}[ \t]*:(?!//)")


def _form_label(text: str, start: int, end: int, value: str) -> bool:
    """Whether an organisation's span is the label of a form's line, in English or not ("Fecha de
    compra: 15/08/2025", "Workstation IP reservation: 10.0.0.7", "NRIC: S…"): it opens its line, a
    colon closes the label within two more words, and its words are a label's. One word is when it
    is a label word (below) not usually written capitalised as a company's name is ("Vodafone: 0800
    …" in a list of contacts); a word of no list is a name ("Northwind: 12 units"). Several
    words are a label's when each is a label word (_label_word) or they are written in sentence
    case (a capital, then lower-case words); a word outside them makes a name ("Northwind
    Traders: 12 units")."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or not _LABEL_REST.match(text, end):
        return False
    words = _WORDS.findall(value)
    if len(words) == 1:  # a word of its own ("Northwind: 12 units") is a company's name
        return _label_word(words[0]) and words[0].lower() not in capitalised_words()
    return all(_label_word(w) for w in words) or all(w.islower() or w in IDENTIFIER_LABELS for w in words[1:])


def _label_word(word: str) -> bool:
    """Whether `word` is one a form's label is made of: common, a business function or a job
    ("Account Approver"), an identifier's label, or a word written in lower case nearly as often
    as capitalised (a noun of a language that capitalises its nouns: "Kontakt", "Adresse")."""
    lower = word.lower()
    return (lower in common_words() or lower in FUNCTION_WORDS or lower in JOB_NOUNS
            or word.upper() in IDENTIFIER_LABELS or lower in name_like_words())


def _inside_code_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is glued by - / . to the rest of a code ("KFF" of "KFF-NZ-448120")."""
    if end >= len(text) or text[end] not in "-/.":
        return False
    m = re.compile(r"\S*").match(text, end)
    return bool(_CODE_WORD.fullmatch(text[start:m.end()].rstrip(".,;:)")))


def _inside_grouped_iban(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside an IBAN written in groups ("NL98 PVJM 3279 4861 99")."""
    low = max(0, start - 40)
    return any(m.start() + low <= start and end <= m.end() + low for m in _GROUPED_IBAN.finditer(text[low:end + 40]))


def _document_title(value: str, next_word: str, any_heading: bool = True, next_inside: bool = False) -> bool:
    """Whether `value` is a document's title: a document noun in it or right after it, and the rest
    common words of English or function words of any language; in capitals (a heading, and when
    `any_heading`), with a document noun in it (or after it, when `next_inside`: NER's), the rest may
    be any words, as a heading's other words are the document's subject ("NOTA FISCAL DE SERVIÇOS
    ELETRÔNICA", "ASSURED SHORTHOLD TENANCY AGREEMENT"). A company's form makes it a company's name
    ("The Rental Agreement Company")."""
    words = [w.lower() for w in _WORDS.findall(value)]
    if not words or any(w in COMPANY_FORMS for w in words):
        return False
    inside = any(w in DOCUMENT_NOUNS for w in words) or (next_inside and next_word in DOCUMENT_NOUNS)
    if not (inside or next_word in DOCUMENT_NOUNS):
        return False
    # Only the noun after it says "document": two capitalised words before it are as often a
    # person's or a company's name made of common words ("the Mark Wood report"), unless they are
    # all words of a company's functions ("the Customer Success report").
    if not inside and len(words) > 1 and all(w[:1].isupper() for w in _WORDS.findall(value)) \
            and not all(w in FUNCTION_WORDS for w in words):
        return False
    if any_heading and inside and value.isupper() and len(value) > 3:
        return True
    return all(_generic(w) for w in words)


def _generic(word: str) -> bool:
    """Whether a lower-case word is a document noun, a common word of English or a function word."""
    return word in DOCUMENT_NOUNS or word in common_words() or word in STOP_WORDS or word in FUNCTION_WORDS


def without_document_nouns(tokens, label: str) -> list:
    """`tokens` without the document nouns that open or end them, when a name is left ("JANE DOE
    CONTRACT" -> "JANE DOE", "REPORT ON MARIA GARCIA" -> "MARIA GARCIA"): the name is someone's,
    the noun names their document. Whole when only generic words would be left ("Rental Agreement",
    "ACCESS REQUEST"): that is a title, for names_nothing to judge. A heading in capitals that NER
    calls a place or an organisation is left whole too: its other words are its subject."""
    if any(t.lower_ in COMPANY_FORMS for t in tokens):
        return tokens  # "The Rental Agreement Company": the noun is part of the company's name
    if label != "PERSON" and doc_text(tokens[0].doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)].isupper():
        return tokens
    cut = list(tokens)
    while cut and (cut[-1].lower_ in DOCUMENT_NOUNS  # "Sompo Insurance — Notice of Claim": the company
                   or (len(cut) < len(tokens) and (cut[-1].is_stop or not cut[-1].is_alpha))):
        cut.pop()
    opened = 0  # a person's only: a company's name may open with such a noun ("Invoice Finance Ltd")
    while label == "PERSON" and opened < len(cut) and (cut[opened].lower_ in DOCUMENT_NOUNS
                                 or (opened and (cut[opened].is_stop or not cut[opened].is_alpha))):
        opened += 1
    cut = cut[opened:]
    if not cut or len(cut) == len(tokens) or all(_generic(t.lower_) for t in cut if t.is_alpha):
        return tokens
    return cut


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
