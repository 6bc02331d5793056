"""Structured identifiers written the way people write them (issue 17): phones in each country's
convention or read out in words, a second phone after a slash, e-mail addresses with "at" and "dot"
spelled out or spaces around the at sign, and an IBAN after its label whose check digits fail."""

from __future__ import annotations

import pytest

from curation.pii.recognizers.en import (
    CurationEmailRecognizer,
    CurationPhoneRecognizer,
    LabelledIbanRecognizer,
    SpokenPhoneRecognizer,
)
from tests_helpers import found

@pytest.mark.parametrize("text,numbers", [
    ("Billing: cuentas@ferreteria.com.ar / +54 (11) 4312-5566", ["+54 (11) 4312-5566"]),
    ("Tel +33 1 45 22 10 09 (office) / 06 12 34 56 78 (mobile)", ["+33 1 45 22 10 09", "06 12 34 56 78"]),
    ("Phones: 0421 889 304 / 0412 555 019", ["0421 889 304", "0412 555 019"]),
    ("reach me on (desk) / 612-555-0198", ["612-555-0198"]),
])
def test_a_number_after_a_slash_that_separates_two_contacts_is_a_phone(text, numbers):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == numbers


@pytest.mark.parametrize("text,numbers", [
    ("Phone: 089 / 12 34 56, thanks", ["089 / 12 34 56"]),  # German area-code slash: one number
    ("Ref 089 / 1234 5678 was closed.", []),
    ("see page 12 / 2024 0311 2287", []),                    # digits / digits: not a second number
])
def test_the_half_after_digits_and_a_slash_is_not_read_alone(text, numbers):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == numbers


@pytest.mark.parametrize("text,numbers", [
    ("Chapter 4 / 0123 4567 8901 references", []),       # a short number before the slash: no phone
    ("Model X / 2023 1105 0930", []),                     # a plain word before the slash
    ("Section 12 / +44 20 7946 0958 is cited", []),
    ("mobile / 0612 345 678, office 020 123 4567", ["0612 345 678", "020 123 4567"]),  # a contact word
    ("Fax: 030 1234 5678 / 030 1234 5679", ["030 1234 5678", "030 1234 5679"]),        # a whole number
    ("ping me / 0800 123 4567 is the hotline", ["0800 123 4567"]),
])
def test_a_slash_separates_two_numbers_only_after_a_contact(text, numbers):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == numbers


@pytest.mark.parametrize("text,address", [
    ("Email: anna dot berg at posteo dot de", "anna dot berg at posteo dot de"),
    ("write to j.moreau [at] laposte [dot] net please", "j.moreau [at] laposte [dot] net"),
    ("contact: r_singh(at)shaw.ca", "r_singh(at)shaw.ca"),
    ("my mail: kim {at} naver {dot} com", "kim {at} naver {dot} com"),
    ("reach Ola.Nordmann AT telenor DOT no today", "Ola.Nordmann AT telenor DOT no"),
    ("the mail is pablo.ruiz@ yahoo.es, thanks", "pablo.ruiz@ yahoo.es"),
])
def test_spelled_out_addresses_are_emails(text, address):
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == [address]


@pytest.mark.parametrize("text", [
    "we met at booking.com last year",      # a bare "at" needs a spelled "dot" before the domain
    "look at this dot com bubble",          # a determiner is no domain
    "arrived at 5 dot 30",                  # a top-level domain is letters
    "thanks @jane.doe for the tip",         # a handle: nothing glued before the at sign
    "see you at the office tomorrow",
])
def test_prose_with_at_and_dot_is_no_email(text):
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == []


@pytest.mark.parametrize("text,address", [
    ("Email: jane.o'neil at gmail dot com", "jane.o'neil at gmail dot com"),      # apostrophe
    ("reply to jane.doe [at] gmail [.] com", "jane.doe [at] gmail [.] com"),      # bracketed plain dot
    ("mail j.doe at mail dot example.com", "j.doe at mail dot example.com"),      # whole, not half
    ("contact: jane dot doe at gmail.com", "jane dot doe at gmail.com"),          # domain kept whole
    ("write to li dot wei at qq dot com", "li dot wei at qq dot com"),
    ("jane dot doe at gmail dot co dot uk", "jane dot doe at gmail dot co dot uk"),   # two spelled dots
    ("m.kowalski AT wp DOT pl", "m.kowalski AT wp DOT pl"),                      # a dotted local part
    ("jane dot doe at gmail.com", "jane dot doe at gmail.com"),                  # a spelled dot before "at"
])
def test_every_spelled_out_shape_is_masked_whole(text, address):
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == [address]


@pytest.mark.parametrize("text", [
    "Sales went up at Amazon dot com last quarter",   # a bare "at" without a context word
    "I work at Google dot com now",
    "We arrived at noon dot and left at two",         # "and" is no top-level domain
    "Email me when we meet at noon dot and not later",
    "the meeting at Kasse dot Kasse went well",
])
def test_a_bare_at_in_prose_is_no_email(text):
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == []


@pytest.mark.parametrize("text", ["a dot " * 8500, "a(dot)" * 8500, "so dot dot dot " * 3400, "a dot b at " * 4600])
def test_a_long_chain_of_spelled_dots_without_an_address_yields_nothing(text):
    # 50 KB of "x dot x dot ..." used to be retried from every word (minutes); now linear.
    assert CurationEmailRecognizer().analyze(text, ["EMAIL_ADDRESS"]) == []


@pytest.mark.parametrize("text,iban", [
    ("IBAN: CH80 0076 2011 6238 5295\nAmount: CHF 100", "CH80 0076 2011 6238 5295"),  # a digit short
    ("Our IBAN no. GB29 NWBK 6016 1331 9268 2 is new", "GB29 NWBK 6016 1331 9268 2"),  # check fails
    ("IBAN DE44500105175407324931", "DE44500105175407324931"),
    ("iban: DE44 5001 0517 5407 3249 31", "DE44 5001 0517 5407 3249 31"),   # label in lower case
    ("IBAN - FR14 2004 1010 0505 0001 3M02 606, BIC PSSTFRPPXXX", "FR14 2004 1010 0505 0001 3M02 606"),
    ("Iban: PL61 10901 01400 00071 21981 2874", "PL61 10901 01400 00071 21981 2874"),  # groups of five
])
def test_an_iban_shaped_value_after_its_label_is_an_iban_even_if_its_check_fails(text, iban):
    assert found(LabelledIbanRecognizer(), "IBAN_CODE", text) == [iban]


@pytest.mark.parametrize("text", ["IBAN: see attached", "IBAN format AB12", "SKU AB12 3456 7890 1234 shipped",
                                  "Libiano AB12 3456 7890 1234", "IBAN " + "AB12" + " ABCD" * 40])
def test_no_iban_without_its_label_and_shape(text):
    assert found(LabelledIbanRecognizer(), "IBAN_CODE", text) == []


@pytest.mark.parametrize("text,numbers", [
    ("Call (212) 555-0147 or +1 212 555 0147", ["(212) 555-0147", "+1 212 555 0147"]),           # US
    ("Tel 0113 496 0321, +44 (0)113 496 0321", ["0113 496 0321", "+44 (0)113 496 0321"]),         # UK
    ("Tel 040 87654321, 0221/9876543, +49 (0)40 8765 4321",
     ["040 87654321", "0221/9876543", "+49 (0)40 8765 4321"]),                                  # DE
    ("Tél. 04 91 22 33 44, portable 07.81.22.33.44", ["04 91 22 33 44", "07.81.22.33.44"]),       # FR
    ("Tel. 011 4567 8901, cell. +39 333 222 1111", ["011 4567 8901", "+39 333 222 1111"]),        # IT
    ("Teléfono 934 567 812, móvil +34 699 12 34 56", ["934 567 812", "+34 699 12 34 56"]),        # ES
    ("Tel 010-444 5566, mobiel 06-87654321", ["010-444 5566", "06-87654321"]),                    # NL
    ("Tel 09 332 44 55, GSM +32 496 11 22 33", ["09 332 44 55", "+32 496 11 22 33"]),             # BE
    ("Tel 031 555 66 77, +41 31 555 66 77", ["031 555 66 77", "+41 31 555 66 77"]),              # CH
    ("Tel 031-765 43 21, mobil 073-444 55 66", ["031-765 43 21", "073-444 55 66"]),               # SE
    ("kom. +48 512 345 678, 512-345-678", ["+48 512 345 678", "512-345-678"]),                    # PL
    ("TEL 06-6543-2109, 080-9876-5432", ["06-6543-2109", "080-9876-5432"]),                       # JP
    ("Tel 031-765-4321, 010-9876-5432", ["031-765-4321", "010-9876-5432"]),                       # KR
    ("Tel 021 6543 2100, +86 139 1234 5678", ["021 6543 2100", "+86 139 1234 5678"]),             # CN
    ("Mobile 99887 66554, +91 99887 66554, 044-2345 6789",
     ["99887 66554", "+91 99887 66554", "044-2345 6789"]),                                       # IN
    ("Ph (03) 9123 4567, 0423 456 789", ["(03) 9123 4567", "0423 456 789"]),                      # AU
    ("Tel (31) 3456-7890, +55 31 99876-5432", ["(31) 3456-7890", "+55 31 99876-5432"]),           # BR
    ("Tel 33 3456 7890, 81 8765 4321", ["33 3456 7890", "81 8765 4321"]),                         # MX
    ("cell 073 456 7890, +27 11 456 7890", ["073 456 7890", "+27 11 456 7890"]),                  # ZA
    ("Phone: 0812 345 6789, +234 812 345 6789", ["0812 345 6789", "+234 812 345 6789"]),          # NG
    ("Mobile 0733 456 789, +254 733 456 789", ["0733 456 789", "+254 733 456 789"]),              # KE
    ("Tel 02 654 3210, 055 987 6543", ["02 654 3210", "055 987 6543"]),                           # AE
    ("Tel 8123 4567, +65 8123 4567", ["8123 4567", "+65 8123 4567"]),                             # SG
    ("Тел 8 (812) 765-43-21, +7 812 765-43-21", ["8 (812) 765-43-21", "+7 812 765-43-21"]),       # RU
    ("Phone 021 432 876, 086 765 4321", ["021 432 876", "086 765 4321"]),                         # IE
])
def test_phone_numbers_written_in_each_countrys_own_convention_are_phones(text, numbers):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == numbers


@pytest.mark.parametrize("text,number", [
    ("Contact on file: +966 55 123 4567", "+966 55 123 4567"),
    ("Account manager (see file): +44 161 496 0321", "+44 161 496 0321"),
    ("Policy holder reachable at order desk: (+34) 912 345 678", "(+34) 912 345 678"),
])
def test_a_number_written_with_its_country_code_is_a_phone_whatever_label_precedes_it(text, number):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == [number]


@pytest.mark.parametrize("text", [
    "SIN: 130 692 544 on file",                     # Canadian social insurance number
    "NIF 245 117 903",                              # Portuguese tax number
    "RUT 12.345.678-5, firma",                      # Chilean tax id
    "NIT: 900.123.456-7",                           # Colombian tax id
    "Iqama/ID no. 2198765432 issued in Jeddah",
    "Medicare 3345 66721 1",
    "Your consignment AWB 157-23456781 is held",
    "Version 3.2.1 (build 20250314.2)",
    "VAT no. 0123 4567 89",
    "Passport 5123 4567 8",
    "São Paulo – SP, CEP 01452-000",                # a postal code after its label
    "Your access code is 441-208-317.",
    "NIP: 521-301-72-18",                           # Polish tax number
    "Patient: A. Rao   MRN 00581129",               # medical record number
    "Complaint log entry 2025-07-0142",             # a reference that starts with a year and month
])
def test_identity_tax_and_registry_numbers_after_their_label_are_no_phones(text):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == []


@pytest.mark.parametrize("text,numbers", [
    ("parcel 1Z 9W2 44X 02 7788 1234 left at the door", []),     # a tracking code's last groups
    ("code AB12 C3 0161 496 0321 expired", []),
    ("Flat 2B, phone 0161 496 0321", ["0161 496 0321"]),          # a comma ends the code
    ("Mobile 0161 496 0321", ["0161 496 0321"]),                   # a word of letters only
])
def test_a_number_continuing_a_code_of_letters_and_digits_is_no_phone(text, numbers):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == numbers


@pytest.mark.parametrize("text,number", [
    ("Caller: two oh six, five five five, oh one four three.", "two oh six, five five five, oh one four three"),
    ("my mobile is zero seven nine double four one two three four five six",
     "zero seven nine double four one two three four five six"),
    ("it's oh-four-one-two, three-three-three, nine-eight-seven", "oh-four-one-two, three-three-three, nine-eight-seven"),
])
def test_a_number_read_out_digit_by_digit_is_a_phone(text, number):
    assert found(SpokenPhoneRecognizer(), "PHONE_NUMBER", text) == [number]


@pytest.mark.parametrize("text", [
    "Count with me: one two three four five six seven eight.",   # counting
    "nine eight seven six five four three two one, lift-off",
    "Oh, one more thing: two of the nine boxes were late.",       # digit words in prose
    "one two five",                                               # too few digits
    "one " * 12500,                                               # 50 KB of digit words: no number
])
def test_digit_words_that_are_not_a_number_read_out_are_no_phone(text):
    assert found(SpokenPhoneRecognizer(), "PHONE_NUMBER", text) == []


@pytest.mark.parametrize("text", ["1Z " * 16700, "12 " * 16700, "ID no. 12 " * 5000, "+1 " * 16700, "AB1 2 " * 8300])
def test_a_long_line_of_repeated_tokens_yields_no_phone(text):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == []


@pytest.mark.parametrize("text,address", [
    ("write to jane.doe @ gmail.com today", "jane.doe @ gmail.com"),     # spaces around the at sign
    ("email me: jane.doe at gmail.com", "jane.doe at gmail.com"),        # a mail word right before
    ("E-mail: orders at fabrik-nord.de", "orders at fabrik-nord.de"),
])
def test_an_address_with_spaces_or_a_plain_at_after_a_mail_word_is_an_email(text, address):
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == [address]


@pytest.mark.parametrize("text", [
    "we met jane.doe at gmail.com yesterday",           # no mail word before it
    "Contact Sam at booking.com for the rooms",         # "contact" is no mail word
    "The team at example.com, per the email, agreed",   # the mail word after it
])
def test_a_plain_at_without_a_mail_word_right_before_it_is_no_email(text):
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == []


@pytest.mark.parametrize("text,address", [
    ("you can reach her at a.nowak@firma-logistyka.pl or by phone", "a.nowak@firma-logistyka.pl"),
    ("Email the chair at ingrid.berg@telia.com.", "ingrid.berg@telia.com"),
])
def test_an_address_after_at_in_prose_is_masked_whole_not_read_as_a_spelled_at(text, address):
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == [address]


@pytest.mark.parametrize("text,numbers", [
    ("Phone:+44 20 7946 0321", ["+44 20 7946 0321"]),
    ("Tel.:0161 496 0321, Mob:07700 900456", ["0161 496 0321", "07700 900456"]),
    ("tel:+441614960321", ["+441614960321"]),
])
def test_a_number_glued_to_its_label_by_a_colon_is_a_phone(text, numbers):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == numbers


@pytest.mark.parametrize("text", ["ratio 1:2345678", "at 12:0161 496 0321", "https://host.example.com:8080/x"])
def test_a_number_after_digits_and_a_colon_is_no_phone(text):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == []



# Issue 17 (pii21): a mail word a few words before the "at" that takes a plain " at " address.
@pytest.mark.parametrize("text,address", [
    ("For quotes email the sales team at quotes at brightpath.io", "quotes at brightpath.io"),
    ("Please e-mail our support desk at help at fabrik-nord.de today", "help at fabrik-nord.de"),
])
def test_a_plain_at_address_after_a_mail_word_and_its_addressee_is_an_email(text, address):
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == [address]


@pytest.mark.parametrize("text", [
    "Meet the sales team at quotes at brightpath.io",             # no mail word
    "We emailed the sales team at quotes at brightpath.io",       # "emailed" tells of a mail, not where to write
    "Email us. The sales team at quotes at brightpath.io",        # the mail word ends its sentence
    "email the very large regional sales team at quotes at brightpath.io",  # too many words between
])
def test_a_plain_at_address_without_a_mail_word_in_its_clause_is_no_email(text):
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == []


# Each word of the mail and contact tuples does what its test says (one source for all four).
@pytest.mark.parametrize("text,address", [
    ("mail to orders at fabrik-nord.de", "orders at fabrik-nord.de"),           # mail word right before
    ("E-mail address: orders at fabrik-nord.de", "orders at fabrik-nord.de"),
    ("メール: orders at fabrik-nord.de", "orders at fabrik-nord.de"),
    ("contact: sarah @ greenfieldco.com", "sarah @ greenfieldco.com"),           # spaced @ after a contact word
    ("reach us at sarah @ greenfieldco.com", "sarah @ greenfieldco.com"),
    ("tel 07700 900123, john.carter at acmeltd.com", "john.carter at acmeltd.com"),  # address-like local part
    ("reached via the list, jane dot doe at gmail dot com", "jane dot doe at gmail dot com"),
])
def test_each_mail_and_contact_word_lets_its_address_form_through(text, address):
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == [address]


@pytest.mark.parametrize("text", [
    "contact orders at fabrik-nord.de",            # a contact word is no mail word for the plain form
    "tel: sarah @ greenfieldco.com",               # nor "tel" for the spaced @
])
def test_a_contact_word_is_no_mail_word_for_the_plain_forms(text):
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == []


# A reference, order or invoice label names its digits: no phone unless a phone word says so.
@pytest.mark.parametrize("text", ["Ref 020 7946 0958", "Order 0161 496 0066", "Invoice 07700 900123 was paid.",
                                  "PO 020 7946 0958"])
def test_a_national_number_after_a_reference_label_is_no_phone(text):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == []


@pytest.mark.parametrize("text,numbers", [
    ("Phone the order line: Ref 020 7946 0958", ["020 7946 0958"]),   # a phone word before the label
    ("To order: 0800 123 4567", ["0800 123 4567"]),                  # "to order" is the verb
    ("Booking: 020 7946 0958 (Mrs Patel)", ["020 7946 0958"]),       # other business labels unchanged
    ("Whatsapp / 07700 900123", ["07700 900123"]),                    # a phone word before a slash
    ("landline reference 020 7946 0958", ["020 7946 0958"]),          # landline is a phone word
])
def test_a_phone_word_keeps_a_labelled_number_a_phone(text, numbers):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == numbers


# An extension is part of the number: with it, the number reaches one person's desk.
@pytest.mark.parametrize("text,number", [
    ("Call 0113 496 0000 ext. 214 for support.", "0113 496 0000 ext. 214"),
    ("Call 0113 496 0000 x214 for support.", "0113 496 0000 x214"),
    ("Tel. +49 89 12345 Durchwahl -214", "+49 89 12345 Durchwahl -214"),
    ("Tel. +49 89 12345 DW 214", "+49 89 12345 DW 214"),
])
def test_an_extension_is_masked_with_its_number(text, number):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == [number]


@pytest.mark.parametrize("text", ["Durchwahl -214 " * 3400, "email the team at x at " * 2200, "Ref 020 7946 " * 4000])
def test_a_long_line_of_repeated_label_tokens_yields_nothing(text):
    assert found(CurationPhoneRecognizer(), "PHONE_NUMBER", text) == []
    assert found(CurationEmailRecognizer(), "EMAIL_ADDRESS", text) == []
