"""Where a Japanese name ends: relational nouns, particles, titles and phrases that end in 市 stay
out of PERSON, LOCATION and ORGANIZATION spans (sentences written for these tests)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from curation.pii.assembly import engine_for
from curation.pii.honorifics import name_end
from curation.pii.recognizers.ja import JpAddressRecognizer
from curation.pii.recognizers.ja.proper_noun import relational_at
from curation.pii.spans import clean_entity
from curation.policy import PiiPolicy

NAMES = ("PERSON", "ORGANIZATION", "LOCATION")


@pytest.fixture(scope="module")
def engine():
    return engine_for("ja", PiiPolicy(entities=[*NAMES, "DATE_TIME"], models={"ja": "ja_ginza"}, recognizers=[]))


def names(engine, text: str) -> list[str]:
    """Every name span the engine reports in `text`."""
    (results,) = engine.analyze([text], batch_size=8)
    return [text[r.start:r.end] for r in sorted(results, key=lambda r: r.start) if r.entity_type in NAMES]


@pytest.mark.parametrize("text,place,relational", [
    ("彼は福岡出身の歌手として知られる。", "福岡", "出身"),
    ("彼女は熊本生まれの作家だ。", "熊本", "生まれ"),
    ("琵琶湖は日本最大の湖である。", "日本", "最大"),
])
def test_a_place_does_not_grow_over_a_relational_noun(engine, text, place, relational):
    found = names(engine, text)
    assert place in found
    assert not any(relational in name for name in found)


def test_a_place_still_grows_over_its_own_head_noun(engine):
    assert "静岡鉄道" in names(engine, "静岡鉄道の車両が新しくなった。")


def test_relational_shapes_are_read_across_two_tokens(engine):
    doc = engine.nlp_engine.nlp["ja"]("九州北部と岩手県沿岸部と東京都知事")
    at = {t.text: relational_at(list(doc), t.i) for t in doc}
    assert at["北部"] and at["沿岸"] and (at.get("知事") or at.get("都知事"))
    assert not at["九州"] and not at["と"]


def test_a_trailing_particle_is_trimmed_off_a_name(engine):
    text = "国際連合の本部がある。"
    doc = engine.nlp_engine.nlp["ja"](text)
    ent = clean_entity(Span(doc, 0, 2, label="ORGANIZATION"))  # 国際連合 + の
    assert text[ent.start_char:ent.end_char] == "国際連合"


def test_a_katakana_ke_that_sudachi_calls_a_particle_stays_in_the_name(engine):
    text = "小倉ヶ浜道路を走った。"
    doc = engine.nlp_engine.nlp["ja"](text)
    ent = clean_entity(Span(doc, 0, 2, label="LOCATION"))  # 小倉 + ヶ (助詞-格助詞)
    assert text[ent.start_char:ent.end_char] == "小倉ヶ"


def test_a_phrase_ending_in_shi_after_a_prefecture_is_no_address():
    recognizer = JpAddressRecognizer()
    text = "岩手県沿岸部の都市を訪ねた。"
    assert [text[r.start:r.end] for r in recognizer.analyze(text, ["LOCATION"])] == []
    text = "本社は岩手県宮古市にある。"
    assert "岩手県宮古市" in [text[r.start:r.end] for r in recognizer.analyze(text, ["LOCATION"])]


@pytest.mark.parametrize("span,name", [("坂本選手", "坂本"), ("山崎監督", "山崎")])
def test_athletes_and_managers_titles_are_outside_the_name(span, name):
    assert span[:name_end(span)] == name
