"""English recognizers that replace or add to Presidio's predefined ones, one identifier per module.

Each is a Presidio `PatternRecognizer`: one compiled regex finds candidates, a small function
scores or refuses each (checksum, digit count, shape), and Presidio's context enhancer raises the
score when a context word precedes the match. They were written against formats, not against a
corpus: no name, street or company lists are used.
"""

from __future__ import annotations

from curation.pii.recognizers.en.address_columns import AddressColumnRecognizer
from curation.pii.recognizers.en.address_fields import AddressFieldRecognizer
from curation.pii.recognizers.en.birthplace import BirthplaceRecognizer
from curation.pii.recognizers.en.caseless_name import CaselessNameRecognizer
from curation.pii.recognizers.en.credit_card import CurationCardRecognizer, luhn_ok
from curation.pii.recognizers.en.date_of_birth import EnDateOfBirthRecognizer
from curation.pii.recognizers.en.date_of_birth_columns import DateOfBirthColumnRecognizer
from curation.pii.recognizers.en.email import CurationEmailRecognizer
from curation.pii.recognizers.en.hl7_fields import Hl7FieldRecognizer
from curation.pii.recognizers.en.intl_address import CurationIntlAddressRecognizer
from curation.pii.recognizers.en.labelled_iban import LabelledIbanRecognizer
from curation.pii.recognizers.en.my_number import EnMyNumberRecognizer
from curation.pii.recognizers.en.organization import CurationOrganizationRecognizer
from curation.pii.recognizers.en.person import CurationPersonRecognizer
from curation.pii.recognizers.en.phone import CurationPhoneRecognizer, SpokenPhoneRecognizer
from curation.pii.recognizers.en.phone_forms import MessagingLinkPhoneRecognizer, VanityPhoneRecognizer
from curation.pii.recognizers.en.postal_code import CurationPostalCodeRecognizer
from curation.pii.recognizers.en.street_address import CurationAddressRecognizer
from curation.pii.recognizers.en.team import SportsTeamRecognizer
from curation.pii.recognizers.en.us_passport import UsPassportColumnRecognizer, UsPassportLabelRecognizer
from curation.pii.recognizers.en.xml_fields import XmlFieldRecognizer

__all__ = [
           "RECOGNIZERS",
           "AddressColumnRecognizer",
           "AddressFieldRecognizer",
           "BirthplaceRecognizer",
           "CaselessNameRecognizer",
           "CurationAddressRecognizer",
           "CurationCardRecognizer",
           "CurationEmailRecognizer", "CurationIntlAddressRecognizer",
           "CurationOrganizationRecognizer",
           "CurationPersonRecognizer",
           "SportsTeamRecognizer",
           "CurationPhoneRecognizer",
           "CurationPostalCodeRecognizer",
           "DateOfBirthColumnRecognizer",
           "EnDateOfBirthRecognizer",
           "Hl7FieldRecognizer",
           "LabelledIbanRecognizer",
           "MessagingLinkPhoneRecognizer",
           "SpokenPhoneRecognizer",
           "UsPassportColumnRecognizer",
           "UsPassportLabelRecognizer",
           "VanityPhoneRecognizer",
           "XmlFieldRecognizer",
           "luhn_ok",
]

RECOGNIZERS = (CurationEmailRecognizer, CurationPhoneRecognizer, CurationCardRecognizer, CurationAddressRecognizer,
               CurationPostalCodeRecognizer, CurationOrganizationRecognizer, CurationPersonRecognizer,
               EnMyNumberRecognizer, CurationIntlAddressRecognizer, CaselessNameRecognizer, EnDateOfBirthRecognizer,
               LabelledIbanRecognizer, SpokenPhoneRecognizer, VanityPhoneRecognizer, MessagingLinkPhoneRecognizer,
               AddressColumnRecognizer, DateOfBirthColumnRecognizer, UsPassportLabelRecognizer,
               BirthplaceRecognizer, AddressFieldRecognizer, XmlFieldRecognizer,
               UsPassportColumnRecognizer, Hl7FieldRecognizer, SportsTeamRecognizer)
