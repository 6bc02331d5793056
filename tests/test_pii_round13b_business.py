"""Round 13b (issue 17): the rows of an SQL dump read under its column list, passport columns of
rosters, IBANs without a label that only their mod-97 check vouches for, and XML elements that
name an address part or a birth date. Each case is written in this file's own words."""

from __future__ import annotations

from curation.pii.recognizers.en import (
    AddressColumnRecognizer,
    AddressFieldRecognizer,
    CurationPostalCodeRecognizer,
    DateOfBirthColumnRecognizer,
    Hl7FieldRecognizer,
    LabelledIbanRecognizer,
    UsPassportColumnRecognizer,
    XmlFieldRecognizer,
)
from curation.pii.recognizers.en.table_columns import columns_of

SQL = ("INSERT INTO staff (id, name, zip, dob) VALUES\n"
       "(1, 'Oona Pike', '02139', '1981-05-06'),\n"
       "(2, 'Rafe Lund', '60614', '1975-11-23'),\n"
       "(3, 'Ines Faro', '94110', '1993-02-14');\n")


def values(recognizer, text: str, entity: str) -> list[str]:
    return [text[r.start:r.end] for r in recognizer.analyze(text, [entity])]


def test_an_sql_insert_column_list_heads_the_values_of_its_rows():
    headers = {text: header for text, header in
               ((SQL[start:end], header) for start, end, header in columns_of(SQL).cells())}
    assert headers["02139"] == "zip" and headers["1993-02-14"] == "dob" and headers["Oona Pike"] == "name"


def test_birth_dates_of_every_row_of_an_sql_dump_are_found():
    assert values(DateOfBirthColumnRecognizer(), SQL, "DATE_OF_BIRTH") == ["1981-05-06", "1975-11-23", "1993-02-14"]


def test_postcodes_of_an_sql_dump_with_quoted_column_names_are_found():
    text = ("INSERT INTO `club` (`no`, `postcode`, `town`) VALUES\n"
            "(7, '4051', 'Basel'),\n(8, '8004', 'Zurich');\n")
    assert values(AddressColumnRecognizer(), text, "LOCATION") == ["4051", "Basel", "8004", "Zurich"]


def test_a_parenthesised_list_in_prose_is_no_sql_row():
    text = "We visited three sites (Leeds, York, Hull) and two more (Bath, Wells, Bristol) last week."
    assert values(DateOfBirthColumnRecognizer(), text, "DATE_OF_BIRTH") == []
    assert columns_of(text).header_of(text.index("York"), text.index("York") + 4) is None


def test_us_passport_shaped_cells_of_a_passport_column_are_us_passports():
    text = ("name;passport_no;country\nLena Frost;A12893475;US\nKofi Mensah;G7731902;GH\n"
            "Ruth Ames;611208453;US\n")
    assert values(UsPassportColumnRecognizer(), text, "US_PASSPORT") == ["A12893475", "611208453"]


def test_nine_digit_cells_of_another_column_are_not_passports():
    text = "order;invoice;country\n1;611208453;US\n2;611208454;US\n"
    assert values(UsPassportColumnRecognizer(), text, "US_PASSPORT") == []


def test_an_unlabelled_iban_one_group_short_is_found_by_its_check_digits():
    # IL62 0108 0000 0009 9999 999 is Israel's 23 characters; one digit fewer still passes mod-97.
    text = "Kindly wire the deposit to IL39 0108 0012 3456 7890 12 by Thursday."
    assert values(LabelledIbanRecognizer(), text, "IBAN_CODE") == ["IL39 0108 0012 3456 7890 12"]


def test_an_unlabelled_grouped_code_failing_mod_97_is_no_iban():
    text = "Kindly wire the deposit to IL38 0108 0012 3456 7890 12 by Thursday."
    assert values(LabelledIbanRecognizer(), text, "IBAN_CODE") == []


def test_an_unlabelled_grouped_code_of_no_iban_country_is_no_iban():
    text = "Serial numbers: ZZ56 3705 0199 1234 5678 901 and the next batch."
    assert values(LabelledIbanRecognizer(), text, "IBAN_CODE") == []


def test_iso_20022_address_elements_are_places():
    text = ("<PstlAdr><StrtNm>Kanalgatan</StrtNm><BldgNb>9B</BldgNb><PstCd>211 45</PstCd>"
            "<TwnNm>Malmo</TwnNm><Ctry>SE</Ctry></PstlAdr>")
    assert values(XmlFieldRecognizer(), text, "LOCATION") == ["Kanalgatan", "9B", "211 45", "Malmo"]


def test_a_birth_date_element_is_a_date_of_birth_and_another_date_element_is_not():
    text = "<person><dateOfBirth>1966-03-30</dateOfBirth><hired>2019-09-01</hired></person>"
    assert values(XmlFieldRecognizer(), text, "DATE_OF_BIRTH") == ["1966-03-30"]


def test_an_element_that_names_an_email_address_is_no_place():
    text = "<contact><emailAddress>desk@example.org</emailAddress><city>Ghent</city></contact>"
    assert values(XmlFieldRecognizer(), text, "LOCATION") == ["Ghent"]


HL7 = ("MSH|^~\\&|INTAKE|CLINIC|EHR|HOSP|202605041200||ADT^A04|Q-1|P|2.4\n"
       "PID|1||PT-30551^^^CL||Brandvold^Signe^M||19700215|F|||17 Fjord Lane^^Tromso^^9008^NOR\n"
       "NK1|1|Brandvold^Arne|SPO|17 Fjord Lane^^Tromso^^9008\n"
       "OBX|1|NM|GLU^Glucose||19700215|mg/dL\n")


def test_an_hl7_patient_segment_gives_names_birth_date_and_address_by_field_number():
    found = {(r.entity_type, HL7[r.start:r.end]) for r in Hl7FieldRecognizer().analyze(
        HL7, ["PERSON", "DATE_OF_BIRTH", "LOCATION"])}
    assert {("PERSON", "Brandvold"), ("PERSON", "Signe"), ("DATE_OF_BIRTH", "19700215"),
            ("LOCATION", "17 Fjord Lane"), ("LOCATION", "Tromso"), ("LOCATION", "9008"),
            ("PERSON", "Arne")} <= found


def test_a_birth_shaped_value_of_another_hl7_segment_or_the_country_code_is_not_taken():
    found = [(r.entity_type, r.start) for r in Hl7FieldRecognizer().analyze(HL7, ["DATE_OF_BIRTH", "LOCATION"])]
    assert ("DATE_OF_BIRTH", HL7.index("19700215|mg")) not in found
    assert ("LOCATION", HL7.index("NOR")) not in found


def test_bar_separated_lines_without_an_hl7_header_are_not_read_as_hl7():
    assert Hl7FieldRecognizer().analyze(HL7.split("\n", 1)[1], ["DATE_OF_BIRTH"]) == []


def test_a_postcode_after_a_bracketed_label_in_an_aligned_form_is_found():
    text = "b. [Holder]          Aoki Ren\nc. [Zip Code]        060-0806\n"
    assert values(CurationPostalCodeRecognizer(), text, "LOCATION") == ["060-0806"]


def test_a_town_after_a_bracketed_city_label_is_found():
    text = "[Name] Ole Brun\n[City]   Stavanger\n"
    assert values(AddressFieldRecognizer(), text, "LOCATION") == ["Stavanger"]


def test_a_town_and_postcode_after_an_ldap_postal_address_dollar_line_break_are_found():
    text = "postalAddress: 9 Lake View Road$Kandy 20000$Sri Lanka\n"
    assert values(CurationPostalCodeRecognizer(), text, "LOCATION") == ["Kandy 20000"]


def test_a_town_and_postcode_after_a_district_and_a_spaced_slash_are_found():
    text = "Yenişehir Mah. 41. Sok. No: 3\nÇankaya / Ankara 06420\n"
    assert values(CurationPostalCodeRecognizer(), text, "LOCATION") == ["Ankara 06420"]


def test_a_town_and_postcode_right_after_an_address_label_are_found():
    text = "Address: Varna 9002, bul. Primorski 40\n"
    assert values(CurationPostalCodeRecognizer(), text, "LOCATION") == ["Varna 9002"]


def test_a_quantity_after_another_label_is_still_no_postcode():
    text = "Quantity: Boxes 2400, pallets 3\n"
    assert values(CurationPostalCodeRecognizer(), text, "LOCATION") == []


def test_a_dummy_rows_zero_postcode_and_1900_birth_date_are_no_personal_data():
    text = ("INSERT INTO users (id, zip, dob) VALUES\n(1, '30301', '1984-06-02'),\n"
            "(2, '00000', '1900-01-01');\n")
    assert values(AddressColumnRecognizer(), text, "LOCATION") == ["30301"]
    assert values(DateOfBirthColumnRecognizer(), text, "DATE_OF_BIRTH") == ["1984-06-02"]
