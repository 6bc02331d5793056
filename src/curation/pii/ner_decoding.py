"""spaCy's greedy NER decoded step by step with the GIL held: the same entities, a quarter of GiNZA's NER time.

Why: spaCy 3.8's greedy decoder (`Parser._parseC`) releases the GIL for the whole loop, and every
move-validity check (`TransitionSystem.set_valid`, one per move, per token) reads the state through
`StateC.B()`, which the shipped build compiles with a `PyGILState_Ensure`/`Release` pair. Without
the GIL each pair takes and drops it (mutex and condition variable): GiNZA's NER has 189 labels,
758 moves, and spent ≈ 400 µs a token there, 85 % of its time in pthread mutex calls (perf, 200
documents of bench/pii_corpus_ja.py). With the GIL held, the pair only reads a thread-local.
spaCy's own Python-level step API (`model.predict(docs)` → a step model whose `predict(states)`
scores the states, `Parser.transition_states` applies the best valid move) runs the same
arithmetic and the same C move checks, but under the GIL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.util import minibatch

FACTORY = "curation_ner_holding_gil"


class NerHoldingGil:
    """A spaCy `ner` component whose greedy decoding runs with the GIL held; everything else
    (labels, model, moves, set_annotations) is the wrapped component's."""

    def __init__(self, ner) -> None:
        self.ner = ner
        self.name = ner.name

    def __getattr__(self, attr: str):
        # Only for what this class lacks; never for dunders or `ner` itself, which copy and pickle
        # look up before __init__ has run (forwarding those would recurse).
        if attr.startswith("__") or attr == "ner":
            raise AttributeError(attr)
        return getattr(self.ner, attr)

    def predict(self, docs) -> list:
        """The final parse states of `docs` (as `ner.predict`), decoded one step at a time."""
        ner = self.ner
        if ner.cfg["beam_width"] != 1 or not any(len(doc) for doc in docs):
            return ner.predict(docs)
        ner._ensure_labels_are_added(docs)  # as ner.greedy_parse: labels of preset entities
        states = ner.moves.init_batch(docs)
        step_model = ner.model.predict(docs)
        unfinished = [state for state in states if not state.is_final()]
        while unfinished:
            unfinished = ner.transition_states(unfinished, step_model.predict(unfinished))
        step_model.clear_memory()
        return states

    def __call__(self, doc):
        return next(self.pipe([doc], batch_size=1))

    def pipe(self, docs: Iterable, *, batch_size: int = 256) -> Iterator:
        """`docs` with their entities set, in order; batched as `Parser.pipe` batches them (sorted
        by length, sub-batches of a quarter), so that the same states are decoded together."""
        error_handler = self.ner.get_error_handler()
        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            try:
                by_length = sorted(batch, key=len)
                for sub_batch in minibatch(by_length, size=max(batch_size // 4, 2)):
                    sub_batch = list(sub_batch)
                    self.ner.set_annotations(sub_batch, self.predict(sub_batch))
                yield from batch
            except Exception as e:
                error_handler(self.name, self.ner, batch, e)


@Language.factory(FACTORY, default_config={"source": "ner"})
def _make_ner_holding_gil(nlp: Language, name: str, source: str) -> NerHoldingGil:
    return NerHoldingGil(nlp.get_pipe(source))


def hold_gil_in_ner(nlp: Language) -> Language:
    """`nlp` with its `ner` component replaced, under the same name, by one that decodes with the
    GIL held (NerHoldingGil); returns `nlp`."""
    nlp.add_pipe(FACTORY, name="ner_holding_gil", after="ner")
    nlp.remove_pipe("ner")
    nlp.rename_pipe("ner_holding_gil", "ner")
    return nlp
