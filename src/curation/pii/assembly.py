"""Building a language's PiiEngine from the policy: NLP engine, recognizer registry, entity types.

What makes the engines fast (bench/README.md has the figures):
- spaCy runs only the NER component (nlp_models.py);
- texts go through `nlp.pipe` in batches (nlp_engine.py, batching.py);
- Presidio's phone recognizer (phonenumbers, half of all recognizer time) and its context
  enhancer (a deep copy of every result list) are replaced by cheaper, better ones
  (recognizers/en/phone.py, context.py); plain pattern recognizers run a faster loop
  (pattern_runner.py);
- only the recognizers for the policy's entity types run.
An engine is built once per process and policy settings: a spaCy model loads in seconds.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from curation.pii.context import PrecedingWordsEnhancer
from curation.pii.engine import PiiEngine
from curation.pii.labels import labels_for
from curation.pii.nlp_engine import CurationNlpEngine
from curation.pii.recognizers import (
    english_recognizers,
    japanese_recognizers,
    language_neutral_recognizers,
)
from curation.pii.recognizers.from_yaml import load_yaml_recognizers
from curation.policy import PiiPolicy

# Presidio recognizers that ours replace (see recognizers/en/; NHS numbers: national_ids.py, behind a label).
REPLACED = ("PhoneRecognizer", "CreditCardRecognizer", "EmailRecognizer", "NhsRecognizer")
# Presidio recognizers re-added with their own (case-sensitive) regex flags: the registry's
# IGNORECASE let the IBAN pattern start inside the word "IBAN" and swallow the real number.
CASE_SENSITIVE = ("IbanRecognizer",)
NER_RECOGNIZER = "SpacyRecognizer"
# The policy settings an engine depends on; operators, key and process count do not rebuild it.
ENGINE_FIELDS = {"models", "pooling", "entities", "recognizers", "score_threshold", "allow_list", "deny_lists", "handles"}


def offline_tldextract() -> None:
    """Presidio's e-mail and URL recognizers use tldextract, which fetches the public suffix list
    from the internet on first use; point it at the snapshot bundled with the package instead."""
    import tldextract.tldextract as tld

    tld.TLD_EXTRACTOR = tld.TLDExtract(suffix_list_urls=())


def engine_for(language: str, policy: PiiPolicy) -> PiiEngine:
    """The engine for `language` under `policy`, built once per process and settings."""
    return _engine(language, policy.model_dump_json(include=ENGINE_FIELDS))


@lru_cache(maxsize=8)
def _engine(language: str, policy_json: str) -> PiiEngine:
    from presidio_analyzer import AnalyzerEngine, PatternRecognizer, RecognizerRegistry
    from presidio_analyzer.predefined_recognizers import IbanRecognizer, SpacyRecognizer

    policy = PiiPolicy.model_validate_json(policy_json)  # only ENGINE_FIELDS set; the rest default
    if language not in policy.models:
        raise ValueError(f"no spaCy model configured for language '{language}' (policy pii.models)")
    offline_tldextract()
    # GiNZA emits ~200 extended labels; Presidio warns once per unmapped one. Unmapped labels are
    # filtered out by the policy's entity list anyway.
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    labels = labels_for(language)
    models = policy.models[language]
    nlp_engine = CurationNlpEngine(language, [models] if isinstance(models, str) else list(models), labels,
                                  pooling=policy.pooling)
    nlp_engine.load()
    nlp_engine.allowed = frozenset(policy.allow_list)
    nlp_engine.keep_accounts = policy.handles != "person"

    registry = RecognizerRegistry(supported_languages=[language])
    if language == "en":
        registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
        for name in REPLACED + CASE_SENSITIVE:
            registry.remove_recognizer(name, language="en")
        registry.add_recognizer(IbanRecognizer(supported_language="en"))
        for recognizer in english_recognizers(policy.handles):
            registry.add_recognizer(recognizer)
    else:
        registry.add_recognizer(SpacyRecognizer(supported_language=language,
                                                supported_entities=sorted(set(labels.values()))))
        for recognizer in japanese_recognizers():
            registry.add_recognizer(recognizer)
    for recognizer in language_neutral_recognizers(language):
        registry.add_recognizer(recognizer)
    custom = load_yaml_recognizers(policy.recognizers, language)
    for recognizer in custom:
        registry.add_recognizer(recognizer)
    for entity, values in sorted(policy.deny_lists.items()):
        if values:
            registry.add_recognizer(PatternRecognizer(supported_entity=entity, supported_language=language,
                                                      name=f"PolicyDenyList_{entity}", deny_list=values))

    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=[language],
                              context_aware_enhancer=PrecedingWordsEnhancer())
    supported = set(analyzer.get_supported_entities(language))
    wanted = set(policy.entities) | {r.supported_entities[0] for r in custom} | \
        {e for e, v in policy.deny_lists.items() if v}
    entities = sorted(wanted & supported)
    recognizers = registry.get_recognizers(language=language, entities=entities)
    patterns = [r for r in recognizers if r.name != NER_RECOGNIZER]
    pattern_entities = sorted({e for r in patterns for e in r.supported_entities} & set(entities))
    return PiiEngine(language, analyzer, nlp_engine, entities, recognizers, pattern_entities, patterns,
                     policy.score_threshold, list(policy.allow_list))
