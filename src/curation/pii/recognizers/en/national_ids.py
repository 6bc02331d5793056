"""Personal national identity numbers (UK NHS and NI, Spanish DNI/NIE, Aadhaar, PESEL, ...): Presidio's recognizers behind a label gate.

Presidio ships a recognizer, with its checksum, for each of these numbers; what it lacks for
business text is restraint: a checksum alone turns a score of 0.01 into 1.0, and one 9- to
12-digit number in ten passes a mod-10 or mod-11 check, so order numbers, phones and amounts
would be masked as Aadhaar or TFN numbers. Here a number counts only right after its name, in
English or in the country's own words ("NHS number:", "NIE", "Steuer-ID", "주민등록번호"), as a
sentence, a form row or a JSON key writes it ("N.I.F.:", "DNI n°", "nhs_number", "taxId"), or in a
table column headed by that name; after a name, a value printed in groups ("12.345.678-Z") is
joined before Presidio's checksum sees it. The Italian codice fiscale, whose 16-character shape and check
letter cannot be an ordinary code, counts without one. Company identifiers (ABN, GSTIN, VAT, UEN,
Handelsregister) are not personal data and are not loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.metadata import version

import regex

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer import predefined_recognizers

from curation.pii.pattern_runner import run_patterns
from curation.pii.recognizers.en.national_id_labels import WORD_END, WORD_START, LabelGate, labels_pattern
from curation.pii.recognizers.en.table_columns import columns_of
from curation.pii.text_memo import once_per_text

# The recognizers used here, by their names in presidio_analyzer.predefined_recognizers; CaSin and
# DeTaxId exist only since 2.2.362 (pyproject.toml pins presidio-analyzer>=2.2.366).
_PRESIDIO_NAMES = ("AuMedicareRecognizer", "AuTfnRecognizer", "CaSinRecognizer", "DeTaxIdRecognizer",
                   "EsNieRecognizer", "EsNifRecognizer", "FiPersonalIdentityCodeRecognizer", "InAadhaarRecognizer",
                   "InPanRecognizer", "ItFiscalCodeRecognizer", "KrRrnRecognizer", "NhsRecognizer",
                   "PlPeselRecognizer", "SgFinRecognizer", "UkNinoRecognizer")


def presidio_recognizers(names=_PRESIDIO_NAMES, module=predefined_recognizers) -> dict[str, type]:
    """Presidio's recognizer classes by name. Raises ImportError, in one line naming the missing
    classes and the installed version, where the installed presidio-analyzer lacks any: an older
    install would otherwise break every masking run at import, far from the cause."""
    missing = [name for name in names if not hasattr(module, name)]
    if missing:
        raise ImportError(f"presidio-analyzer {version('presidio-analyzer')} has no {', '.join(missing)}: "
                          "curation needs presidio-analyzer>=2.2.366 (pyproject.toml)")
    return {name: getattr(module, name) for name in names}


_P = presidio_recognizers()

# Score of a number found after its label: above the residual re-scan's threshold, so one left raw
# in anonymized text (its label is still there) is caught again.
LABELLED_SCORE = 0.85
# What may stand between a label and its value: punctuation of a form row, a sentence or a JSON
# key, and the few words that name a number ("NHS number is", "Aadhaar card no.", "PESEL nr",
# "DNI n° / nº / núm."); the degree sign is no letter, so "n°" has no end of word to test.
_FILLER_TOKEN = (rf"(?:[\s:#|=/().,'\"\-–_]|{WORD_START}(?:numbers?|no|num|núm|numero|número|nr|nº|id|code|card|"
                 rf"is|was|reads){WORD_END}|{WORD_START}n°)")
_FILLER = rf"{_FILLER_TOKEN}{{0,8}}(?:\n[^\S\n]*)?\Z"
_NEIGHBOUR = re.compile(r"[A-Za-z0-9]")  # a value glued to a longer code is part of that code
_WINDOW = 80  # characters before a value where its label is looked for
# A value written with separators ("12.345.678-Z", "86 095 742 719", "RSS MRA 85T10 A562S"):
# letters and digits with one dot, space or hyphen between runs, on one line.
_SEPARATED = re.compile(r"[A-Za-z0-9]+(?:[. \-][A-Za-z0-9]+){1,7}")
_RUN = re.compile(r"[A-Za-z0-9]+")
# A codice fiscale without its label: six letters, then year, month letter and day (regex's
# look-behind makes this scan a few times cheaper than the full pattern over every text).
_FISCAL_SHAPE = regex.compile(r"(?<=[A-Za-z]{6})\d\d[A-EHLMPR-Ta-ehlmpr-t]\d\d")


@dataclass(frozen=True)
class NationalId:
    """One national identifier: Presidio's recognizer for it, the names written before it (in any
    case; a space, hyphen or underscore inside one may be any of them or absent, a camelCase
    step too; a short one may have a dot after each letter), a cheap test a text must pass
    for a value to count without a name (None: the name is required), and a shape the value
    must also have (uppercased) to be a person's."""

    recognizer: type
    labels: tuple[str, ...]
    unlabelled: regex.Pattern | None = None
    personal_shape: str | None = None


NATIONAL_IDS = (
    NationalId(_P["NhsRecognizer"], ("nhs", "national health service")),
    NationalId(_P["UkNinoRecognizer"], ("national insurance", "nino", "ni")),
    NationalId(_P["EsNifRecognizer"], ("dni", "nif", "documento nacional de identidad")),
    NationalId(_P["EsNieRecognizer"], ("nie", "numero de identidad de extranjero",
                                       "número de identidad de extranjero")),
    NationalId(_P["ItFiscalCodeRecognizer"], ("codice fiscale", "cf", "fiscal code"), unlabelled=_FISCAL_SHAPE),
    NationalId(_P["InAadhaarRecognizer"], ("aadhaar", "aadhar", "uidai")),
    # The fourth letter of a PAN says who holds it: P a person (C a company, F a firm, ...).
    NationalId(_P["InPanRecognizer"], ("pan", "permanent account number"), personal_shape=r"[A-Z]{3}P[A-Z][0-9]{4}[A-Z]"),
    NationalId(_P["SgFinRecognizer"], ("nric", "fin", "ic")),
    NationalId(_P["AuTfnRecognizer"], ("tfn", "tax file number")),
    NationalId(_P["AuMedicareRecognizer"], ("medicare",)),
    NationalId(_P["KrRrnRecognizer"], ("rrn", "resident registration number", "주민등록번호", "주민번호")),
    NationalId(_P["PlPeselRecognizer"], ("pesel",)),
    NationalId(_P["FiPersonalIdentityCodeRecognizer"], ("hetu", "henkilötunnus", "personbeteckning",
                                                        "personal identity code")),
    NationalId(_P["CaSinRecognizer"], ("sin", "social insurance number", "nas")),
    NationalId(_P["DeTaxIdRecognizer"], ("steuer-id", "steuer-idnr", "steueridentifikationsnummer", "idnr",
                                         "tax id", "tax identification number")),
)

# One scan per text for the labels of every identifier (national_id_labels.py).
_LABEL_GATE = LabelGate([(spec, spec.labels) for spec in NATIONAL_IDS])


@once_per_text
def _named(text: str) -> frozenset[NationalId]:
    """The identifiers whose label stands somewhere in `text`, found once per text and thread for
    all the recognizers (see `_LABEL_GATE`)."""
    return _LABEL_GATE.named(text)


class LabelledIdRecognizer(EntityRecognizer):
    """Presidio's recognizer for one national identifier (its patterns, checksum and context
    words), keeping a value only after the identifier's name (unless `NationalId.unlabelled`
    allows it) and, where given, of the personal shape. A kept value scores LABELLED_SCORE, or
    1.0 where Presidio's checksum passed."""

    def __init__(self, spec: NationalId, supported_language: str = "en"):
        self.inner = spec.recognizer(supported_language=supported_language)
        self._spec = spec
        label = labels_pattern(spec.labels)
        self._label_before = re.compile(label + _FILLER, re.IGNORECASE)
        self._label_then = re.compile(rf"{label}{_FILLER_TOKEN}{{0,8}}", re.IGNORECASE)
        self._unlabelled = spec.unlabelled
        self._shape = re.compile(spec.personal_shape) if spec.personal_shape else None
        super().__init__(supported_entities=list(self.inner.supported_entities),
                         name=f"Labelled{self.inner.name}", supported_language=supported_language,
                         context=list(self.inner.context or []))

    def load(self) -> None:
        """Nothing to load: the patterns are the inner recognizer's."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        # Most texts name no identifier: one scan for all labels saves running every pattern.
        named = self._spec in _named(text)
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
            elif named and self._under_label(text, r):
                r.score = max(r.score, LABELLED_SCORE)
            elif not unlabelled:
                continue
            out.append(r)
        if named:
            out += self._separated_after_labels(text, {r.start for r in out})
        return out

    def _under_label(self, text: str, result) -> bool:
        """Whether `result` fills a table cell whose column header is this identifier's label
        ("| Name | PESEL |", "nhs_number,dob"): a phone or amount column has no such header."""
        header = columns_of(text).header_of(result.start, result.end)
        return bool(header) and bool(self._label_before.search(header))

    def _separated_after_labels(self, text: str, found: set[int]) -> list[RecognizerResult]:
        """Values right after a label written with dots, spaces or hyphens between their parts:
        the parts joined, the longest join that Presidio's patterns and checksum accept as a whole,
        its span in `text`. Only after a label: without one, digits in groups are phones and sums."""
        out = []
        for label in self._label_then.finditer(text):
            value = _SEPARATED.match(text, label.end())
            if not value or value.start() in found or (value.start() and _NEIGHBOUR.match(text, value.start() - 1)):
                continue
            runs = [run.span() for run in _RUN.finditer(text, value.start(), value.end())]
            for count in range(len(runs), 1, -1):
                joined = "".join(text[start:end] for start, end in runs[:count])
                whole = [r for r in run_patterns(self.inner, joined) if r.start == 0 and r.end == len(joined)]
                if whole and (self._shape is None or self._shape.fullmatch(joined.upper())):
                    out.append(RecognizerResult(whole[0].entity_type, runs[0][0], runs[count - 1][1],
                                                max(whole[0].score, LABELLED_SCORE), whole[0].recognition_metadata))
                    break
        return out


def national_id_recognizers(supported_language: str = "en") -> list[LabelledIdRecognizer]:
    """Fresh label-gated recognizers for every personal national identifier in NATIONAL_IDS."""
    return [LabelledIdRecognizer(spec, supported_language) for spec in NATIONAL_IDS]


NATIONAL_ID_TYPES = tuple(spec.recognizer(supported_language="en").supported_entities[0] for spec in NATIONAL_IDS)
