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

import regex

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
_WORD = re.compile(r"[^\W\d_]+")
# A codice fiscale without its label: six letters, then year, month letter and day (regex's
# look-behind makes this scan a few times cheaper than the full pattern over every text).
_FISCAL_SHAPE = regex.compile(r"(?<=[A-Za-z]{6})\d\d[A-EHLMPR-Ta-ehlmpr-t]\d\d")


@dataclass(frozen=True)
class NationalId:
    """One national identifier: Presidio's recognizer for it, the names written before it (in any
    case; a space or hyphen inside one may be either or absent), a cheap test a text must pass
    for a value to count without a name (None: the name is required), and a shape the value
    must also have (uppercased) to be a person's."""

    recognizer: type
    labels: tuple[str, ...]
    unlabelled: regex.Pattern | None = None
    personal_shape: str | None = None


NATIONAL_IDS = (
    NationalId(NhsRecognizer, ("nhs", "national health service")),
    NationalId(UkNinoRecognizer, ("national insurance", "nino", "ni")),
    NationalId(EsNifRecognizer, ("dni", "nif", "documento nacional de identidad")),
    NationalId(EsNieRecognizer, ("nie", "n.i.e.", "numero de identidad de extranjero",
                                 "número de identidad de extranjero")),
    NationalId(ItFiscalCodeRecognizer, ("codice fiscale", "c.f.", "cf", "fiscal code"), unlabelled=_FISCAL_SHAPE),
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
    NationalId(CaSinRecognizer, ("sin", "social insurance number", "nas")),
    NationalId(DeTaxIdRecognizer, ("steuer-id", "steuer-idnr", "steueridentifikationsnummer", "idnr", "tax id",
                                   "tax identification number")),
)

_last_text: list = [None, frozenset()]  # every recognizer asks about the same text in turn


def _words(text: str) -> frozenset[str]:
    """The lower-cased words of `text`, computed once for all the recognizers."""
    if _last_text[0] is not text:
        _last_text[:] = [text, frozenset(_WORD.findall(text.lower()))]
    return _last_text[1]


def _label_regex(label: str) -> str:
    return r"[\s\-]?".join(re.escape(part) for part in re.split(r"[\s\-]+", label))


class LabelledIdRecognizer(EntityRecognizer):
    """Presidio's recognizer for one national identifier (its patterns, checksum and context
    words), keeping a value only after the identifier's name (unless `NationalId.unlabelled`
    allows it) and, where given, of the personal shape. A kept value scores LABELLED_SCORE, or
    1.0 where Presidio's checksum passed."""

    def __init__(self, spec: NationalId, supported_language: str = "en"):
        self.inner = spec.recognizer(supported_language=supported_language)
        names = "|".join(map(_label_regex, spec.labels))
        self._label_words = [frozenset(_WORD.findall(label.lower())) for label in spec.labels]
        self._label_before = re.compile(rf"(?<![^\W\d_])(?:{names})(?![^\W\d_]){_FILLER}", re.IGNORECASE)
        self._unlabelled = spec.unlabelled
        self._shape = re.compile(spec.personal_shape) if spec.personal_shape else None
        super().__init__(supported_entities=list(self.inner.supported_entities),
                         name=f"Labelled{self.inner.name}", supported_language=supported_language,
                         context=list(self.inner.context or []))

    def load(self) -> None:
        """Nothing to load: the patterns are the inner recognizer's."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        # Most texts name no identifier: a look at their words saves running every pattern.
        words = _words(text)
        named = any(label <= words for label in self._label_words)
        unlabelled = self._unlabelled is not None and bool(self._unlabelled.search(text))
        if not (named or unlabelled):
            return []
        out = []
        for r in run_patterns(self.inner, text):
            value = text[r.start:r.end]
            if (r.start and _NEIGHBOUR.match(text, r.start - 1)) or _NEIGHBOUR.match(text, r.end):
                continue
            if self._shape is not None and not self._shape.fullmatch(value.upper()):
                continue
            if named and self._label_before.search(text[max(0, r.start - _WINDOW):r.start]):
                r.score = max(r.score, LABELLED_SCORE)
            elif not unlabelled:
                continue
            out.append(r)
        return out


def national_id_recognizers(supported_language: str = "en") -> list[LabelledIdRecognizer]:
    """Fresh label-gated recognizers for every personal national identifier in NATIONAL_IDS."""
    return [LabelledIdRecognizer(spec, supported_language) for spec in NATIONAL_IDS]


NATIONAL_ID_TYPES = tuple(spec.recognizer(supported_language="en").supported_entities[0] for spec in NATIONAL_IDS)
