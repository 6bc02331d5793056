"""Personal national identity numbers: masked after their name, left alone without it or with a bad checksum."""

from __future__ import annotations

import pytest

from curation.pii.assembly import engine_for
from curation.pii.recognizers.en.national_ids import NATIONAL_ID_TYPES, national_id_recognizers

# (type, label as a form or a sentence writes it, a value whose checksum holds, one whose does not)
IDS = [
    ("UK_NHS", "NHS number", "943 476 5919", "943 476 5918"),
    ("UK_NINO", "National Insurance number", "AB 12 34 56 C", None),
    ("ES_NIF", "DNI", "12345678Z", "12345678A"),
    ("ES_NIE", "NIE", "X1234567L", "X1234567A"),
    ("IT_FISCAL_CODE", "codice fiscale", "RSSMRA85T10A562S", None),
    ("IN_AADHAAR", "Aadhaar", "2345 6789 0124", "2345 6789 0123"),
    ("IN_PAN", "PAN", "ABCPE1234F", None),
    ("SG_NRIC_FIN", "NRIC", "S1234567D", None),
    ("AU_TFN", "Tax File Number", "123 456 782", "123 456 781"),
    ("AU_MEDICARE", "Medicare card", "2123 45670 1", "2123 45671 1"),
    ("KR_RRN", "주민등록번호", "900101-1234568", None),
    ("PL_PESEL", "PESEL", "44051401458", "44051401459"),
    ("FI_PERSONAL_IDENTITY_CODE", "henkilötunnus", "131052-308T", "131052-308U"),
    ("CA_SIN", "Social Insurance Number", "130 692 544", "130 692 545"),
    ("DE_TAX_ID", "Steuer-ID", "86095742719", "86095742718"),
]
# Values that are only digits: without their name they are order numbers, phones or amounts.
DIGITS_ONLY = [(kind, value) for kind, _, value, _ in IDS if value.replace(" ", "").replace("-", "").isdigit()]


def _masked(anonymizer, text: str):
    [out] = anonymizer.anonymize([text], "en")
    return out


def test_every_type_is_served_by_the_english_engine(policy):
    engine = engine_for("en", policy.pii)
    assert set(NATIONAL_ID_TYPES) <= set(engine.entities)
    assert set(NATIONAL_ID_TYPES) <= set(engine.pattern_entities)  # the residual re-scan looks for them too


@pytest.mark.parametrize(("kind", "label", "value", "_bad"), IDS, ids=[i[0] for i in IDS])
def test_an_id_after_its_label_in_a_sentence_is_masked(anonymizer, kind, label, value, _bad):
    out = _masked(anonymizer, f"For the onboarding file, her {label} is {value} and the start date is Monday.")
    assert value not in out.text
    assert out.counts.get(kind) == 1


@pytest.mark.parametrize(("kind", "label", "value", "_bad"), IDS, ids=[i[0] for i in IDS])
def test_an_id_in_a_form_row_is_masked(anonymizer, kind, label, value, _bad):
    out = _masked(anonymizer, f"Employee record\n| {label} | {value} |\n| Department | Finance |")
    assert value not in out.text
    assert kind in out.counts


@pytest.mark.parametrize(("kind", "value"), DIGITS_ONLY, ids=[k for k, _ in DIGITS_ONLY])
def test_the_same_digits_without_a_label_stay(anonymizer, kind, value):
    for text in (f"Order {value} shipped on Monday with two pallets.",
                 f"Total due: {value} EUR, payable within thirty days.",
                 f"Reference {value} is quoted on the delivery note."):
        out = _masked(anonymizer, text)
        assert kind not in out.counts, text


@pytest.mark.parametrize(("kind", "label", "bad"), [(k, lab, b) for k, lab, _, b in IDS if b],
                         ids=[k for k, _, _, b in IDS if b])
def test_a_labelled_value_whose_checksum_fails_stays(anonymizer, kind, label, bad):
    assert kind not in _masked(anonymizer, f"Her {label} is {bad}, as written on the form.").counts


def test_a_company_pan_is_not_a_personal_id():
    [pan] = [r for r in national_id_recognizers() if r.supported_entities == ["IN_PAN"]]
    assert pan.analyze("PAN: ABCPE1234F", None) and not pan.analyze("PAN: ABCCE1234F", None)  # C: a company


def test_a_label_further_back_than_its_value_s_phrase_does_not_count(anonymizer):
    out = _masked(anonymizer, "The NHS trust confirmed order 943 476 5919 for the ward.")
    assert "UK_NHS" not in out.counts


def test_a_raw_labelled_id_left_in_anonymized_text_is_found_by_the_residual_scan(anonymizer):
    residual = anonymizer.residual_entities(["<PERSON>'s NHS number: 943 476 5919, PESEL 44051401458"], "en")
    assert residual == [{"PL_PESEL": 1, "UK_NHS": 1}]


def test_the_japanese_engine_runs_none_of_them(policy):
    engine = engine_for("ja", policy.pii)
    assert not set(NATIONAL_ID_TYPES) & set(engine.entities)
    assert not [r for r in engine.recognizers if r.name.startswith("Labelled")]


def test_a_presidio_without_a_recognizer_fails_at_import_in_one_line(monkeypatch):
    from presidio_analyzer import predefined_recognizers

    from curation.pii.recognizers.en.national_ids import presidio_recognizers

    monkeypatch.delattr(predefined_recognizers, "CaSinRecognizer")  # as in presidio-analyzer 2.2.360
    with pytest.raises(ImportError) as failure:
        presidio_recognizers()
    message = str(failure.value)
    assert "CaSinRecognizer" in message and ">=2.2.366" in message and "\n" not in message


# Labels as people write them: a sign or abbreviation for "number", dots between the letters, JSON
# keys in snake_case or camelCase.
WRITTEN_LABELS = [
    ("ES_NIF", "DNI n° 12345678Z"),
    ("ES_NIF", "DNI nº 12345678Z"),
    ("ES_NIF", "DNI núm. 12345678Z"),
    ("ES_NIF", "N.I.F.: 12345678Z"),
    ("ES_NIE", "Titular con N.I.E. X1234567L desde 2019."),
    ("CA_SIN", "Employee S.I.N. 130 692 544 on file."),
    ("UK_NHS", "Your N.H.S. number is 943 476 5919."),
    ("UK_NHS", '{"nhs_number": "9434765919", "ward": "4B"}'),
    ("UK_NHS", '{"nhsNumber": "9434765919"}'),
    ("UK_NHS", '{"patientNHSNumber": "9434765919"}'),
    ("DE_TAX_ID", '{"tax_id": "86095742719"}'),
    ("DE_TAX_ID", "taxId=86095742719"),
]


@pytest.mark.parametrize(("kind", "text"), WRITTEN_LABELS, ids=[t for _, t in WRITTEN_LABELS])
def test_an_id_after_its_label_as_people_write_it_is_masked(anonymizer, kind, text):
    out = _masked(anonymizer, text)
    assert out.counts.get(kind) == 1, out.text


# Values printed with dots, spaces or hyphens between their parts, after their label.
SEPARATED = [
    ("ES_NIF", "NIF: 12.345.678-Z", "12.345.678-Z"),
    ("ES_NIE", "N.I.E. X-1234567-L", "X-1234567-L"),
    ("DE_TAX_ID", "Steuer-ID 86 095 742 719", "86 095 742 719"),
    ("IN_PAN", "PAN ABCPE 1234 F", "ABCPE 1234 F"),
    ("IT_FISCAL_CODE", "Codice Fiscale: RSS MRA 85T10 A562S", "RSS MRA 85T10 A562S"),
]


@pytest.mark.parametrize(("kind", "text", "value"), SEPARATED, ids=[k for k, _, _ in SEPARATED])
def test_a_labelled_value_written_in_groups_is_masked_whole(anonymizer, kind, text, value):
    out = _masked(anonymizer, f"For the onboarding file: {text}, and the start date is Monday.")
    assert out.counts.get(kind) == 1
    assert not any(part in out.text for part in value.replace(".", " ").replace("-", " ").split() if len(part) > 1)


def test_the_groups_end_where_the_checksum_holds():
    [nhs] = [r for r in national_id_recognizers() if r.supported_entities == ["UK_NHS"]]
    text = "NHS number 943.476.5919 01632 960 001"
    assert [(r.start, r.end) for r in nhs.analyze(text, None)] == [(11, 23)]


@pytest.mark.parametrize("text", [
    "Steuer-ID 86 095 742 718",  # the checksum fails
    "Order 86 095 742 719 shipped on Monday.",  # no label
    "SIN-free total: 130 692 544 EUR",  # "SIN" inside a longer word
    "PAN ABCCE 1234 F",  # a company's PAN
    "The NHS trust confirmed order 943.476.5919 for the ward.",  # the label is not before the value
])
def test_groups_without_a_label_or_a_valid_checksum_stay(text):
    assert not [r for recognizer in national_id_recognizers() for r in recognizer.analyze(text, None)]


def test_recognizers_used_from_several_threads_each_see_their_own_text():
    import sys
    import threading

    [nhs] = [r for r in national_id_recognizers() if r.supported_entities == ["UK_NHS"]]
    misses, barrier = [], threading.Barrier(4)

    def ask(labelled: bool) -> None:
        barrier.wait()
        for i in range(1500):
            text = "".join(["NHS number 943 476 5919", " " * (i % 3)] if labelled else ["plain words", str(i)])
            if bool(nhs.analyze(text, None)) != labelled:
                misses.append(text)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        threads = [threading.Thread(target=ask, args=(n % 2 == 0,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert not misses


# A table names the number once, in its header; every cell of that column is one.
TABLES = [
    ("PL_PESEL", "| Name | PESEL |\n|---|---|\n| Jan Kowalski | 44051401458 |\n| Anna Nowak | 02070803628 |", 2),
    ("PL_PESEL", "| PESEL |\n|:---:|\n| 44051401458 |", 1),
    ("UK_NHS", "nhs_number,dob\n9434765919,1980-01-01\n4505577104,1975-05-05", 2),
    ("UK_NHS", "name;NHS number;ward\r\nJ. Smith;943 476 5919;4B\r\n", 1),
    ("UK_NHS", "surname\tnhsNumber\nSmith\t\"943 476 5919\"", 1),
]


@pytest.mark.parametrize(("kind", "table", "count"), TABLES, ids=[t.split("\n")[0] for _, t, _ in TABLES])
def test_an_id_in_a_column_headed_by_its_label_is_masked(anonymizer, kind, table, count):
    out = _masked(anonymizer, table)
    assert out.counts.get(kind) == count, out.text


@pytest.mark.parametrize("table", [
    "| Name | Phone | Amount |\n|---|---|---|\n| Jan | 943 476 5919 | 44051401458 |",  # no label in the header
    "order,total,note\n9434765919,44051401458,NHS number pending",  # the label is a cell, not the header
    "| NHS number | Ward |\n|---|---|\n| 4B | 943 476 5919 |",  # the value sits under another header
    "| NHS number | Ward |\n\nOrder 943 476 5919 shipped.",  # the table ended before the value
    "| NHS number | Ward |\n|---|---|\n| see 943 476 5919 | 4B |",  # the cell holds more than the value
])
def test_a_value_outside_its_label_s_column_is_not_labelled(table):
    assert not [r for recognizer in national_id_recognizers() for r in recognizer.analyze(table, None)]
