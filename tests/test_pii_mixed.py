"""Mixed English/Japanese documents: both analyzers' findings, merged into spans that do not overlap."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from presidio_analyzer import RecognizerResult

from curation.ingest import pipeline
from curation.pii.mixed import foreign_runs, merge
from curation.policy import load_policy

from tests_helpers import all_text_under

JA_MAIL = ("お世話になっております。John Smith様からの件で、Acme Corporationの担当者 Mary Johnson さんに"
           "ご連絡ください。メール: john.smith@example.com、資料は https://example.com/docs にあります。")
EN_NOTE = "Please send the contract to 田中太郎 at our 東京都港区芝公園4-2-8 office; his colleague 佐藤 花子 will sign."


def spans_do_not_overlap(entities) -> bool:
    ordered = sorted((e.start, e.end) for e in entities)
    return all(a_end <= b_start for (_, a_end), (b_start, _) in zip(ordered, ordered[1:]))


def test_english_names_in_japanese_text_are_masked(anonymizer):
    out = anonymizer.anonymize([JA_MAIL], "ja")[0]
    for value in ("John", "Smith", "Mary Johnson", "Acme", "john.smith@example.com"):
        assert value not in out.text, out.text
    assert "様からの件で" in out.text and "さんにご連絡ください" in out.text  # honorifics and text kept
    found = {JA_MAIL[e.start:e.end]: e.type for e in out.entities}  # offsets into the original
    assert found["John Smith"] == "PERSON" and found["Mary Johnson"] == "PERSON"
    assert spans_do_not_overlap(out.entities)


def test_japanese_names_and_address_in_english_text_are_masked(anonymizer):
    out = anonymizer.anonymize([EN_NOTE], "en")[0]
    for value in ("田中", "太郎", "港区", "芝公園", "佐藤", "花子"):
        assert value not in out.text, out.text
    assert out.text.startswith("Please send the contract to <PERSON> at our <LOCATION> office")
    assert spans_do_not_overlap(out.entities)


def test_text_in_one_script_gets_no_second_analyzer():
    assert foreign_runs("Dear Ms Roe, the invoice is attached.", "en") == []
    assert foreign_runs("山田さん、資料を送ります。URL: https://example.com/a", "ja") == []
    assert foreign_runs("担当: Mary Johnson (Acme)", "ja") == [(4, 23)]


def test_merge_keeps_the_stronger_span_and_cuts_the_other():
    text = "ab John Smith Acme Corp cd"
    person = RecognizerResult("PERSON", 3, 13, 0.85)
    org = RecognizerResult("ORGANIZATION", 8, 23, 0.6)  # overlaps "Smith"
    inside = RecognizerResult("LOCATION", 4, 7, 0.5)  # within the person
    merged = merge([person], [org, inside], text)
    assert [(r.entity_type, text[r.start:r.end]) for r in merged] == [("PERSON", "John Smith"),
                                                                       ("ORGANIZATION", " Acme Corp")]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12), st.floats(0.3, 1.0), st.booleans()), max_size=12))
def test_merge_never_overlaps_and_loses_no_character(spans):
    text = "abcdefghij" * 6
    own = [RecognizerResult("PERSON", s, min(s + n, len(text)), sc) for s, n, sc, mine in spans if mine]
    other = [RecognizerResult("LOCATION", s, min(s + n, len(text)), sc) for s, n, sc, mine in spans if not mine]
    merged = merge(own, other, text)
    assert spans_do_not_overlap(merged)
    covered = {i for r in merged for i in range(r.start, r.end)}
    assert covered == {i for r in own + other for i in range(r.start, r.end)}


def test_ingest_stores_a_mixed_document_without_either_languages_names(workspace):
    src = workspace.root / "inbox" / "mail"
    src.mkdir(parents=True)
    (src / "SOURCE.yaml").write_text("license: LicenseRef-Internal\nowner: 営業部\npurpose: mail\n")
    (src / "m.jsonl").write_text("\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in (JA_MAIL, EN_NOTE))
                                 + "\n", encoding="utf-8")
    result = pipeline.ingest_and_build(workspace, workspace.root / "inbox", "mail",
                                       load_policy(workspace.default_policy))
    assert result.summary.outcomes["accepted"] == 2
    frame = workspace.catalog().feature_frame("mail")  # language and its confidence, per document
    assert sorted(frame["language"]) == ["en", "ja"]
    assert frame["language_confidence"].between(0.5, 1.0).all()
    stored = all_text_under(workspace.catalog_path) + all_text_under(workspace.datasets)
    assert "<PERSON>" in stored
    for value in ("John Smith", "Mary Johnson", "田中太郎", "佐藤 花子", "john.smith@example.com"):
        assert value not in stored, value
