"""Batched analyze + anonymize. The policy picks the entity types, threshold and operators."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from curation.pii.engines import analyzer_for
from curation.policy import PiiPolicy

PLACEHOLDER = re.compile(r"<[A-Z_]+>")
# Types found by NER models. On anonymized text their hits are mostly placeholders' neighbours
# ("IP" in "IP <IP_ADDRESS>"), so the residual re-scan counts only pattern-based identifiers,
# where a hit means a real identifier survived.
NER_TYPES = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "NRP", "DATE_TIME"})


@dataclass(frozen=True)
class Entity:
    type: str
    start: int
    end: int
    score: float


@dataclass
class AnonymizedText:
    text: str
    counts: dict[str, int]
    entities: list[Entity] = field(default_factory=list)  # offsets into the original text


class Anonymizer:
    """Wraps one Presidio AnonymizerEngine and per-language analyzers, configured by the policy."""

    def __init__(self, policy: PiiPolicy):
        from presidio_anonymizer import AnonymizerEngine
        from presidio_anonymizer.entities import OperatorConfig

        self.policy = policy
        self.engine = AnonymizerEngine()
        self.operators = {"DEFAULT": OperatorConfig(policy.default_operator.type,
                                                    policy.default_operator.presidio_params())}
        for entity, op in policy.operators.items():
            self.operators[entity] = OperatorConfig(op.type, op.presidio_params())

    def _analyze(self, texts: Sequence[str], language: str) -> list[list]:
        from presidio_analyzer import BatchAnalyzerEngine

        if language not in self.policy.models:
            raise ValueError(f"no spaCy model configured for language '{language}' (policy pii.models)")
        engine = analyzer_for(language, self.policy.models[language])
        # Ask only for types this language has recognizers for (US_SSN has none in Japanese).
        entities = sorted(set(self.policy.entities) & set(engine.get_supported_entities(language)))
        batch = BatchAnalyzerEngine(analyzer_engine=engine)
        return list(batch.analyze_iterator(
            list(texts), language=language, batch_size=self.policy.batch_size,
            entities=entities, score_threshold=self.policy.score_threshold,
        ))

    def anonymize(self, texts: Sequence[str], language: str) -> list[AnonymizedText]:
        """Anonymize a batch of texts of one language; counts are of entities actually replaced."""
        out = []
        for text, results in zip(texts, self._analyze(texts, language), strict=True):
            result = self.engine.anonymize(text=text, analyzer_results=results, operators=self.operators)
            counts = Counter(item.entity_type for item in result.items)
            entities = [Entity(r.entity_type, r.start, r.end, round(float(r.score), 4)) for r in results]
            out.append(AnonymizedText(result.text, dict(sorted(counts.items())), sorted(entities, key=lambda e: e.start)))
        return out

    def residual_counts(self, anonymized: Sequence[str], language: str) -> list[int]:
        """Pattern-based identifiers still found in anonymized text, outside our placeholders."""
        counts = []
        for text, results in zip(anonymized, self._analyze(anonymized, language), strict=True):
            spans = [m.span() for m in PLACEHOLDER.finditer(text)]
            counts.append(sum(1 for r in results
                              if r.entity_type not in NER_TYPES
                              and not any(s <= r.start and r.end <= e for s, e in spans)))
        return counts
