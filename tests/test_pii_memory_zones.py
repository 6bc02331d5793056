"""spaCy memory zones: one per analysis by default; in a PII worker process one kept open across
tasks and cycled after a character budget, with a bounded vocabulary and identical results."""

from __future__ import annotations

import os
from pathlib import Path

BUDGET = 3_000  # characters per kept zone in these tests: a few calls' worth
CALLS = 24


def made_up_texts(call: int) -> list[str]:
    """Texts of words no model has seen (each call its own), around a name and an e-mail address."""
    return [f"Report zq{call}x{i}a zq{call}x{i}b zq{call}x{i}c for Margaret Holloway, "
            f"mail margaret.holloway@example.com, filed under kv{call}w{i} and pl{call}y{i}." for i in range(6)]


def new_words(call: int) -> set[str]:
    return {w for t in made_up_texts(call) for w in t.replace(",", " ").replace(".", " ").split()
            if any(c.isdigit() for c in w)}


def zone_task(payload, anonymizer):
    """Run in a worker process (pickled by name): anonymize `texts` after setting the kept zone's
    budget, and report the size of the English pipeline's string store afterwards."""
    from curation.pii.memory_zones import ZONES

    budget, texts = payload
    kept_before = ZONES.budget
    ZONES.keep_open(budget)
    out = anonymizer.anonymize_in_process(texts, "en")
    nlp = anonymizer._engine("en").nlp_engine.nlp["en"]
    return kept_before, len(nlp.vocab.strings), out


def en_pipeline(policy):
    from curation.pii.assembly import engine_for

    return engine_for("en", policy.pii).nlp_engine.nlp["en"]


def test_a_kept_zone_lives_across_calls_and_is_cycled_after_its_budget(policy, anonymizer):
    from curation.pii.memory_zones import ZONES

    nlp = en_pipeline(policy)
    per_call = [anonymizer.anonymize_in_process(made_up_texts(c), "en") for c in range(CALLS)]
    start = len(nlp.vocab.strings)
    assert not any(w in nlp.vocab.strings for w in new_words(0))  # a zone per call frees its words
    sizes = []
    ZONES.keep_open(BUDGET)
    try:
        kept = []
        for c in range(CALLS):
            kept.append(anonymizer.anonymize_in_process(made_up_texts(c), "en"))
            sizes.append(len(nlp.vocab.strings))
            if c == 1:  # the first call's words outlive it: the zone is still open
                assert all(w in nlp.vocab.strings for w in new_words(0))
    finally:
        ZONES.close()
    assert kept == per_call
    unbounded = len(set().union(*map(new_words, range(CALLS))))
    assert max(sizes) - start < unbounded / 3  # without zones the store would hold every new word
    assert len(nlp.vocab.strings) == start and ZONES.budget is None


def test_a_worker_keeps_its_zone_bounded_and_answers_as_this_process_does(policy, anonymizer, monkeypatch):
    from curation.pii.worker_pool import WorkerPool

    # The worker imports this module to run zone_task.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")]))
    pool = WorkerPool(1, policy.pii.model_dump_json())
    try:
        replies = pool.submit_calls(zone_task, [(BUDGET, made_up_texts(c)) for c in range(CALLS)]).result()
    finally:
        pool.close()
    assert replies[0][0] is not None  # the worker keeps a zone open from its start
    sizes = [size for _, size, _ in replies]
    unbounded = len(set().union(*map(new_words, range(CALLS))))
    assert max(sizes) - min(sizes) < unbounded / 3
    assert [out for *_, out in replies] == [anonymizer.anonymize_in_process(made_up_texts(c), "en")
                                            for c in range(CALLS)]
