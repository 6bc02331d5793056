"""Dataset-level bias and quality metrics: a balanced corpus passes, each skew fails exactly its
expectation, and a skewed corpus blocks its version with the results stored per run.

Documents go into a real catalog (DuckDB) the way the ingest stage writes them (commit_batch, with
features from quality.annotate: real datasketch MinHash/LSH), without Presidio: the texts hold no
personal data, and the checks only read what the catalog holds.
"""

from __future__ import annotations

import hashlib
import json
import random
import uuid
from pathlib import Path

import pandas as pd
import pytest

from curation.checks import bias

from curation.datasets import versions

from curation.checks import quality
from curation.audit.log import AuditLog
from curation.catalog import Catalog
from curation.policy import Bounds, load_policy
from curation.documents import CleanDocument, ItemOutcome

ROOT = Path(__file__).resolve().parents[1]
DATASET = "corpus"
# Neutral business words: none is in a toxicity or demographic lexicon.
WORDS = ("invoice report server export schedule customer account release budget meeting project "
         "deadline update ticket backlog review module database query index cache latency storage "
         "quota plan team office printer network access password login session page button screen "
         "mobile desktop version patch build deploy pipeline metric dashboard chart table column row "
         "file folder upload download backup restore archive contract vendor partner price order "
         "shipment delivery warehouse stock supplier payment refund currency tax audit policy "
         "training course workshop agenda minutes summary action owner status risk issue bug fix "
         "test coverage design sketch draft proposal approval request feedback survey result target "
         "quarter month week morning afternoon evening calendar invite room floor building parking").split()
KANJI = "会議資料予算計画報告確認連絡担当期限変更対応顧客契約請求発注納品在庫倉庫出荷送付検討共有作成修正提出承認"


def english(i: int, n_words: int = 100, male: int = 1, female: int = 1, extra: str = "") -> str:
    rng = random.Random(i)
    words = [rng.choice(WORDS) for _ in range(n_words)]
    return " ".join(words[:50]) + " " + " he" * male + " she" * female + " " + " ".join(words[50:]) + extra


def japanese(i: int, male: int = 1, female: int = 1) -> str:
    rng = random.Random(10_000 + i)
    return "".join(rng.choice(KANJI) for _ in range(120)) + "彼は" * male + "彼女は" * female + "。"


def doc(text: str, source: str, language: str) -> dict:
    return {"text": text, "source": source, "language": language}


def balanced() -> list[dict]:
    """40 documents: four sources of ten, 30 English + 10 Japanese, he/she and 彼/彼女 alike."""
    docs = [doc(english(i), ["crm", "wiki", "mail", "notes"][i % 4], "en") for i in range(30)]
    docs += [doc(japanese(i), ["crm", "wiki", "mail", "notes"][(30 + i) % 4], "ja") for i in range(10)]
    return docs


def policy_for_tests():
    """The default policy with a declared language mix (en 50-90 %, ja 10-50 %)."""
    policy = load_policy(ROOT / "policies" / "default.yaml")
    checks = policy.checks.model_copy(update={"language_mix": {"en": Bounds(min=0.5, max=0.9),
                                                               "ja": Bounds(min=0.1, max=0.5)}})
    return policy.model_copy(update={"checks": checks})


def fill(catalog: Catalog, docs: list[dict], policy, quarantined: dict[str, int] | None = None,
         dataset: str = DATASET, pii: dict[str, int] | None = None) -> list[str]:
    """Write `docs` (and `quarantined` items by reason) as one ingest batch; returns the doc_ids.
    `pii`: entity type -> count, recorded against the first document."""
    run_id = uuid.uuid4().hex
    catalog.start_run(run_id, dataset, "inbox", policy.digest)
    rows = []
    for i, d in enumerate(docs):
        doc_id = hashlib.sha256(d["text"].encode()).hexdigest()
        rows.append({"doc_id": doc_id, "text_anonymized": d["text"], "language_confidence": None})
    quality.annotate(rows, policy, catalog, dataset)
    documents = [CleanDocument(doc_id=r["doc_id"], source=d["source"], path=f"{d['source']}/{i}.txt", record=None,
                               language=d["language"], language_confidence=None, text_anonymized=d["text"],
                               pii_counts={}, residual={}, license_expression="MIT", license_evidence="test",
                               license_class="allow", license_reason="license_allowed", n_chars=len(d["text"]),
                               n_tokens=len(d["text"].split()), dup_key=r["doc_id"], features=r["features"])
                 for i, (d, r) in enumerate(zip(docs, rows, strict=True))]
    if documents:
        documents[0].pii_counts = dict(pii or {})
    items = [ItemOutcome(d.source, d.path, None, "accepted", "license_allowed", "ok", d.doc_id) for d in documents]
    n = 0
    for reason, count in (quarantined or {}).items():
        for _ in range(count):
            n += 1
            items.append(ItemOutcome("scraped", f"scraped/q{n}.txt", None, "quarantined", reason, "held back",
                                     f"q{n:04d}"))
    catalog.commit_batch(run_id, dataset, [], items, documents)
    return [r["doc_id"] for r in rows]


def run(tmp_path, docs, quarantined=None, policy=None):
    """The metrics of `docs` read back from a catalog (the path build_version takes)."""
    policy = policy or policy_for_tests()
    catalog = Catalog(tmp_path / f"{uuid.uuid4().hex}.duckdb")
    ids = fill(catalog, docs, policy, quarantined)
    outcomes, table = bias.check_catalog(catalog, DATASET, catalog.feature_frame(DATASET), policy)
    return {o.name: o for o in outcomes}, table, ids


def run_frame(docs, quarantined=None, policy=None):
    """The same metrics over a frame built in memory (features from quality.annotate, no catalog)."""
    policy = policy or policy_for_tests()
    rows = [{"doc_id": hashlib.sha256(d["text"].encode()).hexdigest(), "text_anonymized": d["text"], **d}
            for d in docs]
    quality.annotate(rows, policy)
    frame = pd.DataFrame([{"doc_id": r["doc_id"], "source": r["source"], "language": r["language"],
                           **{k: v for k, v in r["features"].items() if k not in ("minhash", "bands")}}
                          for r in rows])
    quarantined = quarantined or {}
    ledger = [{"reason": k, "n": n, "doc_ids": []} for k, n in quarantined.items()]
    outcomes, table = bias.check(frame, policy, len(docs) + sum(quarantined.values()), ledger)
    return {o.name: o for o in outcomes}, table, [r["doc_id"] for r in rows]


def failing(outcomes) -> set[str]:
    return {n for n, o in outcomes.items() if not o.success}


def test_balanced_corpus_passes_every_dataset_expectation(tmp_path):
    outcomes, table, _ = run(tmp_path, balanced(), {"license_missing": 2})
    assert failing(outcomes) == set(), [o.message for o in outcomes.values()]
    assert all(o.exception is None for o in outcomes.values())
    assert set(outcomes) == {"gendered_term_ratio", "source_share", "language_mix_min", "language_mix_max",
                             "toxicity_rate", "near_duplicate_rate", "quarantine_share"}
    values = table.set_index("metric_id")
    assert values.loc["female_term_share:all", "female_term_share"] == 0.5
    assert values.loc["source_share:crm", "source_share"] == 0.25
    assert values.loc["language_share:ja", "language_share"] == 0.25
    assert values.loc["near_duplicate_rate:all", "near_duplicate_rate"] == 0.0
    assert values.loc["quarantine_share:license_missing", "quarantine_share"] == pytest.approx(2 / 42)


def _male_only(docs):
    return [doc(english(i, male=2, female=0) if d["language"] == "en" else japanese(i, male=2, female=0),
                d["source"], d["language"]) for i, d in enumerate(docs)]


def _one_source(docs):
    return [doc(d["text"], "crm" if i < 36 else "wiki", d["language"]) for i, d in enumerate(docs)]


def _few_japanese(docs):
    return [d for d in docs if d["language"] == "en"] + [d for d in docs if d["language"] == "ja"][:2]


def _undeclared_language(docs):
    return docs + [doc(english(500 + i), "notes", "de") for i in range(2)]


def _toxic(docs):
    return [doc(english(i, extra=" what an idiot" if i < 2 else ""), d["source"], d["language"])
            if d["language"] == "en" else d for i, d in enumerate(docs)]


def _many_quarantined(docs):
    return docs  # the skew is in the ledger: 50 more items quarantined for one reason


def _near_duplicates(docs):
    copies = [doc(d["text"].replace(d["text"].split()[3], "zebra", 1), d["source"], d["language"])
              for d in docs[2:10]]
    return docs + copies


SKEWS = [
    (_male_only, None, {"gendered_term_ratio"}),
    (_one_source, None, {"source_share"}),
    (_few_japanese, None, {"language_mix_min", "language_mix_max"}),  # shares sum to 1: both ends move
    (_undeclared_language, None, {"language_mix_max"}),
    (_toxic, None, {"toxicity_rate"}),
    (_near_duplicates, None, {"near_duplicate_rate"}),
    (_many_quarantined, {"license_noncommercial": 50}, {"quarantine_share"}),
]


@pytest.mark.parametrize("skew, quarantined, expected", SKEWS, ids=[s[0].__name__.strip("_") for s in SKEWS])
def test_each_skew_fails_exactly_its_expectation(skew, quarantined, expected):
    outcomes, _, _ = run_frame(skew(balanced()), quarantined)
    assert failing(outcomes) == expected, {n: o.message for n, o in outcomes.items() if not o.success}


def test_failed_metric_names_the_documents_behind_it():
    docs = _near_duplicates(_toxic(balanced()))
    outcomes, _, ids = run_frame(docs)
    toxic = outcomes["toxicity_rate"]
    assert sorted(toxic.unexpected_doc_ids) == sorted(ids[:2])  # the two documents with "idiot"
    assert toxic.severity == "critical" and toxic.bounds == {"min_value": None, "max_value": 0.01}
    assert "toxic documents 4.2% (2 of 48 documents" in toxic.message and "at most 1.0%" in toxic.message
    near = outcomes["near_duplicate_rate"]
    assert sorted(near.unexpected_doc_ids) == sorted(ids[40:48])  # the copies, not their originals
    (row,) = near.observed["rows"]
    assert row["value"] == pytest.approx(8 / 48, abs=1e-6) and not row["passed"] and row["max"] == 0.1


def test_gendered_terms_below_the_evidence_floor_are_not_judged():
    docs = [doc(english(i, male=1 if i < 5 else 0, female=0), "crm" if i % 2 else "wiki", "en") for i in range(30)]
    docs += [doc(japanese(i, male=0, female=0), "crm" if i % 2 else "wiki", "ja") for i in range(10)]
    outcomes, table, _ = run_frame(docs)
    o = outcomes["gendered_term_ratio"]
    assert o.success and "not judged" in o.message and "fewer than 20" in o.message
    assert table.set_index("metric_id")["female_term_share"].isna().all()


def test_quarantine_bound_per_reason_overrides_the_default(tmp_path):
    policy = policy_for_tests()
    strict = policy.checks.model_copy(update={"max_quarantine_share": {"default": 0.5, "residual_pii": 0.01}})
    policy = policy.model_copy(update={"checks": strict})
    outcomes, _, _ = run(tmp_path, balanced(), {"residual_pii": 2, "license_missing": 2}, policy)
    o = outcomes["quarantine_share"]
    assert not o.success
    bad = [r for r in o.observed["rows"] if not r["passed"]]
    assert [r["key"] for r in bad] == ["residual_pii"] and bad[0]["max"] == 0.01
    assert o.bounds["by_key"]["license_missing"]["max_value"] == 0.5
    assert sorted(o.unexpected_doc_ids) == ["q0001", "q0002"]


def test_skewed_corpus_blocks_its_version_and_the_results_are_stored(tmp_path):
    policy = policy_for_tests()
    catalog = Catalog(tmp_path / "catalog.duckdb")
    docs = _near_duplicates(_toxic(_one_source(_male_only(balanced()))))
    ids = fill(catalog, docs, policy, {"license_noncommercial": 60})
    audit = AuditLog(tmp_path / "audit")
    result = versions.build_version(catalog, DATASET, policy, tmp_path / "datasets", audit)
    failed = {o.name for o in result.outcomes if not o.success}
    assert failed == {"gendered_term_ratio", "source_share", "toxicity_rate", "near_duplicate_rate",
                      "quarantine_share"}
    assert result.status == "blocked" and result.version_id is None
    assert [o.name for o in result.outcomes if not o.success and o.severity == "critical"] == ["toxicity_rate"]
    stored = {r["expectation"]: r for r in catalog.expectations(result.check_run_id)}
    assert {n for n, r in stored.items() if not r["success"]} == failed
    tox = stored["toxicity_rate"]
    assert tox["severity"] == "critical" and json.loads(tox["bounds"])["max_value"] == 0.01
    assert sorted(json.loads(tox["unexpected_doc_ids"])) == sorted(ids[:2])
    assert json.loads(tox["observed"])["rows"][0]["value"] > 0.01
    assert stored["has_documents"]["success"]  # the per-document suite ran in the same check run
