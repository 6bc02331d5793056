"""Japanese recognizers, one identifier per module; Presidio 2.2.366 has none of its own."""

from __future__ import annotations

from curation.pii.recognizers.ja.address import JpAddressRecognizer
from curation.pii.recognizers.ja.addressee import JpAddresseeRecognizer
from curation.pii.recognizers.ja.bank_account import JpBankAccountRecognizer
from curation.pii.recognizers.ja.corporate_number import CorporateNumberRecognizer
from curation.pii.recognizers.ja.dates import JpDateOfBirthRecognizer, JpDateRecognizer
from curation.pii.recognizers.ja.driver_license import JpDriverLicenseRecognizer
from curation.pii.recognizers.ja.email import JpEmailRecognizer
from curation.pii.recognizers.ja.honorific_name import JpHonorificNameRecognizer
from curation.pii.recognizers.ja.kana_name import JpKanaNameRecognizer
from curation.pii.recognizers.ja.labelled_name import JpLabelledNameRecognizer
from curation.pii.recognizers.ja.my_number import (
           JpLabelledMyNumberRecognizer,
           MyNumberRecognizer,
)
from curation.pii.recognizers.ja.organization import JpLegalFormOrganizationRecognizer
from curation.pii.recognizers.ja.passport import JpPassportRecognizer
from curation.pii.recognizers.ja.phone import JpPhoneRecognizer
from curation.pii.recognizers.ja.postal_code import JpPostalCodeRecognizer
from curation.pii.recognizers.ja.proper_noun import JpProperNounRecognizer

__all__ = ["RECOGNIZERS", "CorporateNumberRecognizer", "JpAddressRecognizer", "JpAddresseeRecognizer",
           "JpBankAccountRecognizer", "JpDateOfBirthRecognizer", "JpDateRecognizer", "JpDriverLicenseRecognizer",
           "JpEmailRecognizer", "JpHonorificNameRecognizer", "JpKanaNameRecognizer", "JpLabelledMyNumberRecognizer",
           "JpLabelledNameRecognizer", "JpLegalFormOrganizationRecognizer", "JpPassportRecognizer",
           "JpPhoneRecognizer", "JpPostalCodeRecognizer", "JpProperNounRecognizer", "MyNumberRecognizer"]

RECOGNIZERS = (JpPhoneRecognizer, JpPostalCodeRecognizer, JpEmailRecognizer, MyNumberRecognizer,
               JpLabelledMyNumberRecognizer, CorporateNumberRecognizer, JpBankAccountRecognizer,
               JpDriverLicenseRecognizer, JpPassportRecognizer, JpDateRecognizer, JpDateOfBirthRecognizer,
               JpAddressRecognizer, JpLegalFormOrganizationRecognizer, JpKanaNameRecognizer,
               JpLabelledNameRecognizer, JpAddresseeRecognizer, JpHonorificNameRecognizer,
               JpProperNounRecognizer)
