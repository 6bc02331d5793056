"""Document features: lexicons (English and Japanese), Gopher repetition, non-text share, MinHash
near-duplicate clusters (datasketch) across batches through the catalog, storage without raw text."""

from __future__ import annotations

import uuid
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from test_bias import DATASET, balanced, english, fill, japanese

from curation.audit.log import AuditLog
from curation.catalog import Catalog
from curation.checks import quality
from curation.datasets import versions
from curation.policy import load_policy

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def policy():
    return load_policy(ROOT / "policies" / "default.yaml")


@pytest.fixture(scope="module")
def extractor(policy):
    return quality.extractor(policy)


def counts(extractor, text: str) -> dict:
    return dict(extractor.lexicon.counts(text))


def test_japanese_she_counts_as_female_not_as_he(extractor):
    assert counts(extractor, "彼女は来週から女性チームに加わる。") == {"gender_female": 2}
    assert counts(extractor, "彼は男性です。彼女は女性です。") == {"gender_male": 2, "gender_female": 2}


def test_japanese_words_that_merely_contain_a_term_count_nowhere(extractor):
    text = "彼岸の工夫で大丈夫。彼らは母国語の分母を確認した。カスタマーサポートはバカンス中。"
    assert counts(extractor, text) == {}


def test_english_terms_are_whole_words_case_insensitive(extractor):
    assert counts(extractor, "He said she would call Her Mother; the man thanked the woman.") == {
        "gender_male": 2, "gender_female": 4}
    # "ms" (milliseconds), "chink in the armour", "hell" and "kill the process" are not counted
    assert counts(extractor, "Latency fell to 200 ms, a chink in the armour; kill the process, what the hell") == {}
    assert counts(extractor, "Shell scripts, thesis, hero, mankind") == {}


def test_toxicity_categories_in_both_languages(extractor):
    assert counts(extractor, "You idiot. I'll  kill you. This is bullshit!") == {
        "insult": 1, "threat": 1, "profanity": 1}
    assert counts(extractor, "このバカ、死ね。") == {"insult": 1, "threat": 1}
    assert counts(extractor, "ばかりではなく、ところすでに完了。") == {}  # hiragana inside ordinary words


def test_demographic_categories(extractor):
    found = counts(extractor, "Elderly customers and teenagers from the Japanese and Brazilian offices "
                              "met at the church. 高齢者と外国人の方、仏教の行事。")
    assert found == {"age": 3, "nationality": 3, "religion": 2}


def test_lexicon_file_errors_name_the_file_and_the_allowed_values(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("language: en\nmatch: word\ncategories:\n  slurs: [x]\n")
    with pytest.raises(quality.LexiconError, match="bad.yaml.*'slurs'.*profanity"):
        quality.load_lexicon([bad])
    bad.write_text("language: en\nmatch: fuzzy\ncategories: {}\n")
    with pytest.raises(quality.LexiconError, match="bad.yaml.*'fuzzy'.*word, substring"):
        quality.load_lexicon([bad])
    bad.write_text("language: en\ncategories:\n  insult: [moron]\n  profanity: [moron]\n")
    with pytest.raises(quality.LexiconError, match="'moron' is in"):
        quality.load_lexicon([bad])


def test_repeated_lines_and_ngrams_follow_the_gopher_ratios(extractor):
    text = "status: ok\nstatus: ok\nstatus: ok\nall good\n"
    row, _ = extractor.features("d", text)
    assert row["n_lines"] == 4
    assert row["dup_line_frac"] == pytest.approx(2 / 4)
    assert row["dup_line_char_frac"] == pytest.approx(len("status: ok") * 2 / len(text))
    spam, _ = extractor.features("s", "buy now " * 40)
    assert spam["top_2gram_char_frac"] == pytest.approx(240 / 320)  # "buy now" covers every word: 240 letters
    assert all(0 <= spam[f"top_{n}gram_char_frac"] <= 1 for n in (2, 3, 4))
    assert spam["dup_5gram_char_frac"] > 0.5
    prose, _ = extractor.features("p", english(1))
    assert prose["dup_line_frac"] == 0 and prose["top_2gram_char_frac"] < 0.2 and prose["dup_10gram_char_frac"] == 0


def test_duplicated_ngrams_of_every_size_are_counted_when_shorter_ones_repeat():
    """Sizes above 5 are measured only while the size below repeats (a repeated 7-gram holds a
    repeated 5-gram and 6-gram); a passage repeated once shows at every size up to its length."""
    from curation.checks.quality import repetition

    passage = "alpha beta gamma delta epsilon zeta eta"  # 7 words, 33 letters
    text = f"{passage} theta iota kappa {passage}"
    row = repetition(text, text.split())
    for n in (5, 6, 7):
        assert row[f"dup_{n}gram_char_frac"] == pytest.approx(33 / len(text)), n  # the second copy
    assert row["dup_8gram_char_frac"] == row["dup_10gram_char_frac"] == 0
    unique = " ".join(f"w{i}" for i in range(40))
    assert all(repetition(unique, unique.split())[f"dup_{n}gram_char_frac"] == 0 for n in range(5, 11))


def test_japanese_repetition_counts_characters_as_tokens(extractor):
    row, _ = extractor.features("j", "会議の資料を送付します。" * 10)
    assert row["n_words"] == 110  # 11 CJK characters x 10 (。 is punctuation)
    assert row["dup_10gram_char_frac"] == pytest.approx(99 / 120)  # every character after the first copy


def test_markup_raises_the_non_text_share(extractor):
    clean, _ = extractor.features("c", "The export finished at 10:30, (as planned); next run: Monday!")
    noisy, _ = extractor.features("n", "<div>{{x}}</div> ### *** ||| @@@ ^^^ ~~~ <br/> ==> $$$")
    assert clean["non_text_share"] == 0
    assert noisy["non_text_share"] > 0.5


def test_near_duplicates_share_a_cluster_and_distinct_documents_do_not(extractor):
    a = english(1)
    rows = [{"doc_id": "a", "text_anonymized": a},
            {"doc_id": "b", "text_anonymized": a.replace(a.split()[3], "zebra", 1)},
            {"doc_id": "c", "text_anonymized": english(2)},
            {"doc_id": "d", "text_anonymized": japanese(1)}]
    extractor.annotate(rows)
    f = {r["doc_id"]: r["features"] for r in rows}
    assert f["a"]["near_dup_cluster"] == "a" and f["a"]["near_dup_of"] is None
    assert f["b"]["near_dup_cluster"] == "a" and f["b"]["near_dup_of"] == "a"
    assert f["b"]["near_dup_similarity"] >= 0.8
    assert f["c"]["near_dup_cluster"] == "c" and f["d"]["near_dup_cluster"] == "d"
    assert len(f["a"]["bands"]) == len(extractor.hashranges) and len(f["a"]["minhash"]) == 4 * 128


def test_near_duplicate_of_an_earlier_run_is_found_through_the_catalog(tmp_path, policy):
    catalog = Catalog(tmp_path / "c.duckdb")
    first = fill(catalog, balanced()[:10], policy)
    original = balanced()[3]["text"]
    later = fill(catalog, [{"text": original.replace(original.split()[5], "zebra", 1), "source": "crm",
                            "language": "en"}], policy)
    frame = catalog.feature_frame(DATASET).set_index("doc_id")
    assert frame.loc[later[0], "near_dup_of"] == first[3]
    assert frame.loc[later[0], "near_dup_cluster"] == first[3]
    # a retracted original is no longer a candidate
    catalog.retract(uuid.uuid4().hex, [first[7]], "test", "steward")
    text7 = balanced()[7]["text"]
    again = fill(catalog, [{"text": text7.replace(text7.split()[5], "zebra", 1), "source": "crm",
                            "language": "en"}], policy)
    assert pd.isna(catalog.feature_frame(DATASET).set_index("doc_id").loc[again[0], "near_dup_of"])


def test_features_are_stored_without_any_text_and_reruns_add_nothing(tmp_path, policy):
    catalog = Catalog(tmp_path / "c.duckdb")
    docs = balanced()[:5]
    fill(catalog, docs, policy)
    with duckdb.connect(str(catalog.path), read_only=True) as con:
        columns = con.execute("SELECT column_name, data_type FROM information_schema.columns "
                              "WHERE table_name IN ('features', 'lsh_bands')").fetchall()
        n_bands = con.execute("SELECT count(*) FROM lsh_bands").fetchone()[0]
        stored = " ".join(str(v) for row in con.execute("SELECT * EXCLUDE (minhash) FROM features").fetchall()
                          for v in row)
    text_columns = {name for name, kind in columns if kind == "VARCHAR"}
    assert text_columns == {"doc_id", "near_dup_cluster", "near_dup_of", "dataset"}  # ids and names only
    assert not any(w in stored for w in docs[0]["text"].split()[:20])
    fill(catalog, docs, policy)  # the same documents again (a rerun): ON CONFLICT keeps one row each
    with duckdb.connect(str(catalog.path), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM lsh_bands").fetchone()[0] == n_bands
        assert con.execute("SELECT count(*) FROM features").fetchone()[0] == 5


def test_documents_ingested_before_features_existed_are_backfilled_at_build(tmp_path, policy):
    catalog = Catalog(tmp_path / "c.duckdb")
    ids = fill(catalog, balanced()[:6], policy)
    with duckdb.connect(str(catalog.path)) as con:  # as a catalog written before this feature
        con.execute("DELETE FROM features")
        con.execute("DELETE FROM lsh_bands")
    result = versions.build_version(catalog, DATASET, policy, tmp_path / "datasets", AuditLog(tmp_path / "audit"))
    outcome = {o.name: o for o in result.outcomes}["features_present"]
    assert outcome.success and result.status == "pending_review"
    assert catalog.feature_frame(DATASET)["non_text_share"].notna().sum() == len(ids)


def test_language_confidence_from_detection_is_kept_and_otherwise_empty(extractor):
    rows = [{"doc_id": "a", "text_anonymized": english(1), "language_confidence": 0.93},
            {"doc_id": "b", "text_anonymized": english(2)}]
    extractor.annotate(rows)
    assert rows[0]["features"]["language_confidence"] == 0.93
    assert rows[1]["features"]["language_confidence"] is None
