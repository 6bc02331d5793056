"""The one label scan in front of the fifteen national-id recognizers (national_id_labels.py): it
says, once per text, which identifiers are named, with the same answer as each exact label regex."""

from __future__ import annotations

import re
import sys

import pytest

from curation.pii.recognizers.en.national_id_labels import _FOLDED_APART, LabelGate, labels_pattern
from curation.pii.recognizers.en.national_ids import NATIONAL_IDS, national_id_recognizers

GATE = LabelGate([(spec.recognizer.__name__, spec.labels) for spec in NATIONAL_IDS])
EXACT = {spec.recognizer.__name__: re.compile(labels_pattern(spec.labels), re.IGNORECASE) for spec in NATIONAL_IDS}


def exact_answer(text: str) -> frozenset:
    return frozenset(name for name, pattern in EXACT.items() if pattern.search(text))


@pytest.mark.parametrize("text", [
    "The final invoice was sent since Monday; nice music at the public event.",   # labels inside words
    "Her NHS number is 943 476 5919.",
    "patientNhsNumber=9434765919",                     # camelCase step
    "NHSNumber: 9434765919",                           # capitals, then a capitalised word
    "nIC 123",                                         # a label starting inside the scan's previous hit
    "D.N.I. 12345678Z and N.I.E X1234567L",            # dotted, with and without the last dot
    "1nhs 2pesel _sin",                                # a digit or underscore before a label
    "Codice\tFiscale: RSSMRA85T10A562S",
    "주민등록번호 900101-1234568",
    "İstanbul office, Steuer-ID 86095742719",          # lower-casing changes the length
    "ſin: 046 454 286",                                 # a long s, which IGNORECASE reads as s
    "Henkilötunnus 131052-308T",
    "",
])
def test_the_gate_names_the_same_ids_as_every_exact_label_regex(text):
    assert GATE.named(text) == exact_answer(text)


def test_a_text_without_any_label_names_no_id():
    assert GATE.named("Order 4471 2290 shipped to the Leeds depot on Friday.") == frozenset()


def test_the_gate_agrees_with_the_exact_regexes_on_every_heldout_business_text():
    import json
    from pathlib import Path

    root = Path(__file__).parent / "pii_cases"
    texts = [json.loads(line)["text"] for path in sorted(root.glob("heldout[1-8]/business_en.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert texts
    assert all(GATE.named(t) == exact_answer(t) for t in texts)


def test_only_the_listed_letters_fold_to_a_label_letter_apart_from_lower_casing():
    # Every character IGNORECASE matches to a letter of some label either lower-cases to that
    # letter or is one of the few the gate sends to the exact regex (_FOLDED_APART).
    letters = {c for spec in NATIONAL_IDS for label in spec.labels for c in label.lower() if c.isalpha()}
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    for letter in letters:
        for c in set(re.findall(re.escape(letter), every, re.IGNORECASE)):
            assert c.lower() == letter or len(c.lower()) != 1 or c in _FOLDED_APART, (letter, c)


def test_a_dotted_label_without_its_last_dot_names_its_id():
    # "D.N.I" is read by the label regex as "D.N.I."; the old word gate refused it.
    [nif] = [r for r in national_id_recognizers() if r.name == "LabelledEsNifRecognizer"]
    text = "D.N.I 12345678Z"
    assert [text[r.start:r.end] for r in nif.analyze(text, None)] == ["12345678Z"]
