"""Presidio analyzer engines, one per language, built lazily (a spaCy model loads in seconds)."""

from __future__ import annotations

import logging
from functools import lru_cache

from curation.pii.recognizers import japanese_recognizers, language_neutral_recognizers

# spaCy (OntoNotes) labels → Presidio entity types. ORG is kept: organization names identify.
EN_LABELS = {
    "PERSON": "PERSON", "PER": "PERSON", "NORP": "NRP", "FAC": "LOCATION", "LOC": "LOCATION",
    "GPE": "LOCATION", "ORG": "ORGANIZATION", "DATE": "DATE_TIME", "TIME": "DATE_TIME",
}
# GiNZA (Sekine's extended named entities) labels → Presidio entity types; without this mapping
# Presidio maps nothing from GiNZA.
JA_LABELS = {
    "Person": "PERSON",
    "Province": "LOCATION", "City": "LOCATION", "County": "LOCATION", "Country": "LOCATION",
    "GPE_Other": "LOCATION", "Location_Other": "LOCATION", "Address_Other": "LOCATION",
    "Postal_Address": "LOCATION", "Facility_Other": "LOCATION", "Station": "LOCATION",
    "Company": "ORGANIZATION", "Corporation_Other": "ORGANIZATION", "Organization_Other": "ORGANIZATION",
    "Company_Group": "ORGANIZATION", "Political_Organization_Other": "ORGANIZATION",
    "School": "ORGANIZATION", "Government": "ORGANIZATION",
    "Date": "DATE_TIME", "Time": "DATE_TIME", "Era": "DATE_TIME",
}
IGNORED = ["CARDINAL", "EVENT", "LANGUAGE", "LAW", "MONEY", "ORDINAL", "PERCENT", "PRODUCT",
           "QUANTITY", "WORK_OF_ART"]


def _offline_tldextract() -> None:
    """Presidio's e-mail recognizer uses tldextract, which fetches the public suffix list from
    the internet on first use; point it at the snapshot bundled with the package instead."""
    import tldextract.tldextract as tld

    tld.TLD_EXTRACTOR = tld.TLDExtract(suffix_list_urls=())


@lru_cache(maxsize=4)
def analyzer_for(language: str, model_name: str):
    """An AnalyzerEngine for one language, over the given spaCy model name or folder."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import SpacyRecognizer

    _offline_tldextract()
    # GiNZA emits ~200 extended labels; Presidio warns once per unmapped one. Unmapped labels are
    # filtered out by the policy's entity list anyway.
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    labels = JA_LABELS if language == "ja" else EN_LABELS
    config = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": language, "model_name": model_name}],
        "ner_model_configuration": {
            "model_to_presidio_entity_mapping": labels,
            "labels_to_ignore": IGNORED,
            "low_score_entity_names": [],
        },
    }
    nlp_engine = NlpEngineProvider(nlp_configuration=config).create_engine()
    registry = RecognizerRegistry(supported_languages=[language])
    if language == "en":
        registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    else:
        registry.add_recognizer(SpacyRecognizer(supported_language=language,
                                                supported_entities=sorted(set(labels.values()))))
        for recognizer in japanese_recognizers():
            registry.add_recognizer(recognizer)
    for recognizer in language_neutral_recognizers(language):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=[language])
