"""Presidio's spaCy NLP engine over NER-only pipelines, several models pooled, spans cleaned."""

from __future__ import annotations

import itertools
import warnings

from presidio_analyzer.nlp_engine import (
    NerModelConfiguration,
    NlpArtifacts,
    SpacyNlpEngine,
)
from spacy.tokens import Doc

from curation.pii.batching import (
    BATCH_CHARS,
    DEFAULT_PIECE_CHARS,
    PIECE_CHARS,
    SNIPPETS_PER_BATCH,
    char_limited_batches,
    pieces,
)
from curation.pii.column_gaps import column_gaps, split_at_table_gaps, within
from curation.pii.doc_text import doc_text, remember_text
from curation.pii.labels import IGNORED, PROPER_NOUN_ONLY
from curation.pii.nlp_models import load_ner_pipeline
from curation.pii.pooling import admitted, capitalised_share, open_segments, whole_documents
from curation.pii.propagation import coordinated, propagate
from curation.pii.record_cells import record_cells
from curation.pii.record_columns import column_names
from curation.pii.spans import NerEntity, clean_entity, looks_named
from curation.pii.text_view import squeeze_spaces


class CurationNlpEngine(SpacyNlpEngine):
    """spaCy engine over NER-only pipelines; the first model's entities are kept, a later model's
    where pooling.admitted finds evidence for them: more recall at the cost of one more NER pass.
    Lemmas for context words become lower-cased token texts (no lemmatizer runs)."""

    def __init__(self, language: str, model_names: list[str], labels: dict[str, str], pooling: str = "gated"):
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
        self.keep_accounts = True  # organisation-read handles kept (policy pii.handles != person)
        # Where a later model reads (policy pii.pooling): around open capitalised words, or everything.
        self.segments = whole_documents if pooling == "whole" else open_segments

    def load(self) -> None:
        pipelines = [load_ner_pipeline(name) for name in self.model_names]
        self.nlp = {self.language: pipelines[0]}
        self.extra = pipelines[1:]

    def process_batch(self, texts, language, batch_size=1, n_process=1, as_tuples=False):
        texts = [str(t) for t in texts]
        squeezed = [squeeze_spaces(record_cells(t)) for t in texts]
        max_chars = PIECE_CHARS.get(language, DEFAULT_PIECE_CHARS)
        split = [pieces(s, max_chars) for s, _ in squeezed]
        groups = char_limited_batches([p for ps in split for p in ps], batch_size, BATCH_CHARS.get(language))
        docs = [remember_text(doc, text) for doc, (text, _) in zip(
            _joined(split, itertools.chain.from_iterable(self.nlp[language].pipe(g, batch_size=len(g))
                                                         for g in groups)), squeezed, strict=True)]
        for doc, text, (_, offsets) in zip(docs, texts, squeezed, strict=True):
            if offsets is not None:
                doc.user_data.update(column_gaps(record_cells(text), offsets))
        found = [self._entities(doc) for doc in docs]
        if self.extra:
            self._pool(docs, found, batch_size)
        for text, (_, offsets), doc, entities in zip(texts, squeezed, docs, found, strict=True):
            yield text, self.artifacts(doc, entities, offsets, text)

    def process_text(self, text, language):
        return next(iter(self.process_batch([text], language)))[1]

    def _entities(self, doc, shift: int = 0) -> list[NerEntity]:
        """`doc`'s name and date entities under Presidio's types, cleaned (spans.clean_entity), at
        offsets `shift` characters further on."""
        ents = [e for e in split_at_table_gaps(doc.ents) if e.label_ not in PROPER_NOUN_ONLY or looks_named(e)]
        ents, _ = self._get_updated_entities(ents, [0.0] * len(ents))
        cleaned = (clean_entity(ent, self.allowed, self.keep_accounts) for ent in ents)
        return [NerEntity(e.label_, e.start_char + shift, e.end_char + shift) for e in cleaned if e is not None]

    def _pool(self, docs, found: list[list[NerEntity]], batch_size: int) -> None:
        """Add to `found` the later models' entities that pooling.admitted accepts. A later model
        reads only the sentences where it can change the answer (pooling.open_segments): on
        business text that is a small part of each document, and a second NER pass over all of it
        halved the stage's throughput."""
        texts = [doc_text(doc) for doc in docs]
        segments = [(i, start, end) for i, (text, first) in enumerate(zip(texts, found, strict=True))
                    for start, end in self.segments(text, first)]
        if not segments:
            return
        shares = [capitalised_share(text) for text in texts]
        per_batch = batch_size if self.segments is whole_documents else SNIPPETS_PER_BATCH
        for nlp in self.extra:
            snippets = (texts[i][start:end] for i, start, end in segments)
            added: list[list[NerEntity]] = [[] for _ in docs]
            for (i, start, end), snippet_doc in zip(segments, nlp.pipe(snippets, batch_size=per_batch), strict=True):
                remember_text(snippet_doc, texts[i][start:end])
                snippet_doc.user_data.update(within(docs[i].user_data, start, end))
                added[i] += [e for e in self._entities(snippet_doc, start)
                             if admitted(e, texts[i], found[i], shares[i])]
            for entities, more in zip(found, added, strict=True):
                entities += more

    def artifacts(self, doc, found: list[NerEntity], offsets=None, text: str | None = None):
        """Presidio's NLP artifacts for `doc` and the entities `found` in it; `offsets[i]`: where
        character i of the text spaCy saw lies in the original `text` (None when they are the same).
        Given `text`, a table's name columns are completed in it (record_columns)."""
        if self.language != "ja":  # whole words need spaces between words; Japanese has none
            seen = doc_text(doc)
            found = propagate(coordinated(found, seen), seen)
        if offsets is not None:
            found = [NerEntity(e.label_, offsets[e.start_char], offsets[e.end_char - 1] + 1) for e in found]
        if text is not None and self.language != "ja":
            found = column_names(found, text)
        scores = [self.ner_model_configuration.default_score] * len(found)
        # No lemma or offset lists: PrecedingWordsEnhancer reads the few tokens it needs from
        # the Doc itself, and nothing else here uses them (building them was 10% of the stage).
        art = NlpArtifacts(entities=found, tokens=doc, tokens_indices=[], lemmas=[], nlp_engine=None,
                           language=self.language, scores=scores)
        art.nlp_engine = self
        art.offsets = offsets
        return art


def _joined(split: list[list[str]], piece_docs):
    """One Doc per text from the Docs of its pieces (a text of one piece keeps its Doc)."""
    piece_docs = iter(piece_docs)
    for text_pieces in split:
        docs = [next(piece_docs) for _ in text_pieces]
        if len(docs) == 1:
            yield docs[0]
            continue
        with warnings.catch_warnings():  # W102: GiNZA's per-token user data is not carried over (nothing here reads it)
            warnings.filterwarnings("ignore", message=r"\[W102\]")
            yield Doc.from_docs(docs, ensure_whitespace=False)
