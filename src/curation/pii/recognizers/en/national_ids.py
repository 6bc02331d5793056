"""Personal national identity numbers (UK NHS and NI, Spanish DNI/NIE, Aadhaar, PESEL, ...): Presidio's recognizers behind a label gate.

Presidio ships a recognizer, with its checksum, for each of these numbers; what it lacks for
business text is restraint: a checksum alone turns a score of 0.01 into 1.0, and one 9- to
12-digit number in ten passes a mod-10 or mod-11 check, so order numbers, phones and amounts
would be masked as Aadhaar or TFN numbers. Here a number counts only right after its name, in
English or in the country's own words ("NHS number:", "NIE", "Steuer-ID", "주민등록번호"), as a
sentence or a form row writes it; the Italian codice fiscale, whose 16-character shape and check
letter cannot be an ordinary code, counts without one. Company identifiers (ABN, GSTIN, VAT, UEN,
Handelsregister) are not personal data and are not loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import (
    AuMedicareRecognizer,
    AuTfnRecognizer,
    CaSinRecognizer,
    DeTaxIdRecognizer,
    EsNieRecognizer,
    EsNifRecognizer,
    FiPersonalIdentityCodeRecognizer,
    InAadhaarRecognizer,
    InPanRecognizer,
    ItFiscalCodeRecognizer,
    KrRrnRecognizer,
    NhsRecognizer,
    PlPeselRecognizer,
    SgFinRecognizer,
    UkNinoRecognizer,
)

from curation.pii.pattern_runner import run_patterns

# Score of a number found after its label: above the residual re-scan's threshold, so one left raw
# in anonymized text (its label is still there) is caught again.
LABELLED_SCORE = 0.85
# What may stand between a label and its value: punctuation of a form row or a sentence, and the
# few words that name a number ("NHS number is", "Aadhaar card no.", "PESEL nr").
_FILLER = (r"(?:[\s:#|=/().,'\"\-–]|\b(?:numbers?|no|num|nr|n°|id|code|card|is|was|reads)\b){0,8}"
           r"(?:\n[^\S\n]*)?\Z")
_NEIGHBOUR = re.compile(r"[A-Za-z0-9]")  # a value glued to a longer code is part of that code
_WINDOW = 80  # characters before a value where its label is looked for


@dataclass(frozen=True)
class NationalId:
    """One national identifier: Presidio's recognizer for it, the names written before it
    (regex alternatives, matched case-insensitively), whether a value counts without one, and a
    shape the value must also have (uppercased, separators kept) to be a person's."""

    recognizer: type
    labels: tuple[str, ...]
    needs_label: bool = True
    personal_shape: str | None = None


NATIONAL_IDS = (
    NationalId(NhsRecognizer, ("nhs", "national health service")),
    NationalId(UkNinoRecognizer, ("national insurance", "nino", "ni")),
    NationalId(EsNifRecognizer, ("dni", "nif", "documento nacional de identidad")),
    NationalId(EsNieRecognizer, ("nie", "n\\.i\\.e\\.", "n[uú]mero de identidad de extranjero")),
    NationalId(ItFiscalCodeRecognizer, ("codice fiscale", "c\\.f\\.", "cf", "fiscal code"), needs_label=False),
    NationalId(InAadhaarRecognizer, ("aadhaar", "aadhar", "uidai")),
    # The fourth letter of a PAN says who holds it: P a person (C a company, F a firm, ...).
    NationalId(InPanRecognizer, ("pan", "permanent account number"), personal_shape=r"[A-Z]{3}P[A-Z][0-9]{4}[A-Z]"),
    NationalId(SgFinRecognizer, ("nric", "fin", "ic")),
    NationalId(AuTfnRecognizer, ("tfn", "tax file number")),
    NationalId(AuMedicareRecognizer, ("medicare",)),
    NationalId(KrRrnRecognizer, ("rrn", "resident registration number", "주민등록번호", "주민번호")),
    NationalId(PlPeselRecognizer, ("pesel",)),
    NationalId(FiPersonalIdentityCodeRecognizer, ("hetu", "henkilötunnus", "personbeteckning",
                                                  "personal identity code")),
    NationalId(CaSinRecognizer, ("sin", "social insurance number", "nas", "num[ée]ro d'assurance sociale")),
    NationalId(DeTaxIdRecognizer, ("steuer-?id(?:nr)?", "steueridentifikationsnummer", "steuer-?idnr", "idnr",
                                   "tax id", "tax identification number")),
)


class LabelledIdRecognizer(EntityRecognizer):
    """Presidio's recognizer for one national identifier (its patterns, checksum and context
    words), keeping a value only after the identifier's name (unless `NationalId.needs_label` is
    off) and, where given, of the personal shape. A kept value scores LABELLED_SCORE, or 1.0 where
    Presidio's checksum passed."""

    def __init__(self, spec: NationalId, supported_language: str = "en"):
        self.inner = spec.recognizer(supported_language=supported_language)
        names = "|".join(spec.labels)
        self.needs_label = spec.needs_label
        self._label_anywhere = re.compile(rf"(?<![^\W\d_])(?:{names})(?![^\W\d_])", re.IGNORECASE)
        self._label_before = re.compile(rf"(?<![^\W\d_])(?:{names})(?![^\W\d_]){_FILLER}", re.IGNORECASE)
        self._shape = re.compile(spec.personal_shape) if spec.personal_shape else None
        super().__init__(supported_entities=list(self.inner.supported_entities),
                         name=f"Labelled{self.inner.name}", supported_language=supported_language,
                         context=list(self.inner.context or []))

    def load(self) -> None:
        """Nothing to load: the patterns are the inner recognizer's."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        # Most texts name no identifier: one scan for a label saves running every pattern.
        if self.needs_label and not self._label_anywhere.search(text):
            return []
        out = []
        for r in run_patterns(self.inner, text):
            value = text[r.start:r.end]
            if (r.start and _NEIGHBOUR.match(text, r.start - 1)) or _NEIGHBOUR.match(text, r.end):
                continue
            if self._shape is not None and not self._shape.fullmatch(value.upper()):
                continue
            if self._label_before.search(text[max(0, r.start - _WINDOW):r.start]):
                r.score = max(r.score, LABELLED_SCORE)
            elif self.needs_label:
                continue
            out.append(r)
        return out


def national_id_recognizers(supported_language: str = "en") -> list[LabelledIdRecognizer]:
    """Fresh label-gated recognizers for every personal national identifier in NATIONAL_IDS."""
    return [LabelledIdRecognizer(spec, supported_language) for spec in NATIONAL_IDS]


NATIONAL_ID_TYPES = tuple(spec.recognizer(supported_language="en").supported_entities[0] for spec in NATIONAL_IDS)
