"""Japanese recognizers on the real GiNZA engine: each identifier found in half- and full-width
forms, offsets into the original text, checksums and labels that keep look-alikes out."""

from __future__ import annotations

import pytest

from curation.pii.engines import engine_for
from curation.pii.language import detect_language, detect_language_with_confidence
from curation.pii.recognizers import JpDateRecognizer, name_end
from curation.policy import PiiPolicy

ENTITIES = ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "LOCATION", "DATE_TIME", "JP_MY_NUMBER",
            "JP_POSTAL_CODE", "JP_CORPORATE_NUMBER", "JP_BANK_ACCOUNT", "JP_DRIVER_LICENSE", "JP_PASSPORT"]


@pytest.fixture(scope="module")
def engine():
    return engine_for("ja", PiiPolicy(entities=ENTITIES, models={"ja": "ja_ginza"}, recognizers=[]))


def found(engine, text: str, entity: str) -> list[str]:
    """The substrings of `text` (taken by the results' offsets) that the engine reports as `entity`."""
    (results,) = engine.analyze([text], batch_size=8)
    return [text[r.start:r.end] for r in sorted(results, key=lambda r: r.start) if r.entity_type == entity]


@pytest.mark.parametrize("number", [
    "03-1234-5678", "0466-12-3456", "090-1234-5678", "08012345678", "0120-123-456", "0800-123-4567",
    "(03)1234-5678", "03(1234)5678", "０３－１２３４－５６７８", "（０３）１２３４－５６７８", "０９０１２３４５６７８",
    "+81-3-1234-5678",
])
def test_phone_numbers_in_every_written_form(engine, number):
    assert found(engine, f"お電話は{number}までお願いします。", "PHONE_NUMBER") == [number]


def test_phone_with_wrong_digit_count_is_not_a_phone(engine):
    assert found(engine, "お電話は03-1234-56789までお願いします。", "PHONE_NUMBER") == []


@pytest.mark.parametrize("text,code", [
    ("〒100-0005 東京都千代田区", "100-0005"), ("〒１００－０００５", "１００－０００５"),
    ("郵便番号：1000005", "1000005"), ("郵便番号 １０００００５", "１０００００５"),
])
def test_postal_codes_with_mark_or_label(engine, text, code):
    assert found(engine, text, "JP_POSTAL_CODE") == [code]


def test_seven_digits_without_postal_context_are_not_a_postal_code(engine):
    assert found(engine, "在庫は1000005個です。", "JP_POSTAL_CODE") == []


@pytest.mark.parametrize("address", [
    "東京都千代田区丸の内1丁目2番3号",
    "大阪府大阪市北区梅田３－１－１",
    "神奈川県横浜市中区山下町1-2-3 横浜ビル5階",
    "北海道札幌市中央区北1条西2丁目1番地",
    "群馬県長生郡一宮町四区町34丁目13番1号 ハイツ氏家404",
])
def test_addresses_from_prefecture_to_block_and_building(engine, address):
    text = f"住所は{address}です。"
    spans = found(engine, text, "LOCATION")
    assert address in spans, spans


def test_address_offsets_point_into_full_width_original(engine):
    text = "送付先：東京都港区芝公園４丁目２番８号　東京タワービル３階までお送りください。"
    (results,) = engine.analyze([text], batch_size=8)
    spans = [text[r.start:r.end] for r in results if r.entity_type == "LOCATION"]
    assert "東京都港区芝公園４丁目２番８号　東京タワービル３階" in spans


def test_address_stops_before_the_sentence_goes_on(engine):
    text = "本社は東京都千代田区丸の内1丁目2番3号丸の内ビル5階です。"
    assert "東京都千代田区丸の内1丁目2番3号丸の内ビル5階" in found(engine, text, "LOCATION")


def test_my_number_with_valid_check_digit_only(engine):
    assert found(engine, "マイナンバー：123456789010", "JP_MY_NUMBER") == ["123456789010"]
    assert found(engine, "マイナンバー：１２３４ ５６７８ ９０１０", "JP_MY_NUMBER") == ["１２３４ ５６７８ ９０１０"]
    assert found(engine, "マイナンバー：123456789018", "JP_MY_NUMBER") == []


def test_corporate_number_with_valid_check_digit_only(engine):
    # 7000012050002: 国税庁's own 法人番号.
    assert found(engine, "法人番号 7000012050002 の会社", "JP_CORPORATE_NUMBER") == ["7000012050002"]
    assert found(engine, "登録番号 T7000012050002", "JP_CORPORATE_NUMBER") == ["T7000012050002"]
    assert found(engine, "法人番号 ７００００１２０５０００２", "JP_CORPORATE_NUMBER") == ["７００００１２０５０００２"]
    assert found(engine, "法人番号 6000012050002 の会社", "JP_CORPORATE_NUMBER") == []


@pytest.mark.parametrize("text,account", [
    ("振込先：みずほ銀行 渋谷支店 普通 1234567", "1234567"),
    ("口座番号：１２３４５６７", "１２３４５６７"),
    ("三菱UFJ銀行 新宿支店 当座預金 7654321 へお振込みください", "7654321"),
])
def test_bank_account_numbers_after_their_label(engine, text, account):
    assert found(engine, text, "JP_BANK_ACCOUNT") == [account]


@pytest.mark.parametrize("text,account", [("ゆうちょ銀行 記号 12340 番号 12345678", "12340 番号 12345678"),
                                          ("ゆうちょ 12340-12345678", "12340-12345678")])
def test_yucho_kigo_bango(engine, text, account):
    assert found(engine, text, "JP_BANK_ACCOUNT") == [account]


def test_seven_digits_without_bank_context_are_not_an_account(engine):
    assert found(engine, "受注番号は1234567です。", "JP_BANK_ACCOUNT") == []


def test_driver_license_numbers_labelled_or_printed_dai_go(engine):
    assert found(engine, "運転免許証番号：123456789012", "JP_DRIVER_LICENSE") == ["123456789012"]
    assert found(engine, "免許証 第 １２３４５６７８９０１２ 号", "JP_DRIVER_LICENSE") == ["１２３４５６７８９０１２"]
    assert found(engine, "注文番号：123456789012", "JP_DRIVER_LICENSE") == []


def test_passport_numbers(engine):
    assert found(engine, "旅券番号：TK1234567", "JP_PASSPORT") == ["TK1234567"]
    assert found(engine, "パスポート番号 ＴＫ１２３４５６７", "JP_PASSPORT") == ["ＴＫ１２３４５６７"]
    assert found(engine, "型番TK1234567の部品", "JP_PASSPORT") == []


@pytest.mark.parametrize("address", ["yamada.taro@example.co.jp", "ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ"])
def test_email_between_japanese_characters(engine, address):
    assert found(engine, f"メールは{address}までお願いします。", "EMAIL_ADDRESS") == [address]


@pytest.mark.parametrize("date", ["昭和60年4月1日", "令和元年5月1日", "平成２年３月４日", "H2.3.4",
                                  "1985年4月1日", "1985/04/01", "２０２４－０４－０１"])
def test_dates_in_wareki_and_seireki(engine, date):
    assert date in found(engine, f"生年月日：{date}", "DATE_TIME")


def test_impossible_date_is_not_a_date():
    assert JpDateRecognizer().analyze("型番 2024/13/45、昭和60年13月1日", ["DATE_TIME"]) == []


@pytest.mark.parametrize("text,name,honorific", [
    ("山田太郎様、お世話になっております。", "山田太郎", "様"),
    ("山田さんにご連絡ください。", "山田", "さん"),
    ("本件は田中部長が承認しました。", "田中", "部長"),
    ("佐藤課長に確認済みです。", "佐藤", "課長"),
])
def test_name_before_honorific_is_found_without_the_honorific(engine, text, name, honorific):
    spans = found(engine, text, "PERSON")
    assert name in spans
    start = text.index(name)
    assert text[start + len(name):].startswith(honorific)
    assert not any(honorific in s for s in spans)


@pytest.mark.parametrize("text,name", [("伊藤社長が来社されます。", "伊藤"), ("中村氏の講演", "中村"),
                                       ("須藤課長代理に確認", "須藤"), ("長谷川くんが担当", "長谷川")])
def test_surname_before_title_is_a_name_even_where_ner_misses_it(engine, text, name):
    spans = found(engine, text, "PERSON")
    assert spans == [name]


@pytest.mark.parametrize("span,name", [("高橋様", "高橋"), ("大和田支店長", "大和田"), ("山田 太郎 様", "山田 太郎"),
                                       ("鈴木一郎", "鈴木一郎"), ("様", "様")])
def test_name_end_trims_a_trailing_honorific_from_a_ner_span(span, name):
    assert span[:name_end(span)] == name


def test_common_nouns_before_sama_are_not_names(engine):
    assert found(engine, "お客様各位、担当者様へ。", "PERSON") == []


def test_detect_language_keeps_its_signature_and_reports_confidence():
    assert detect_language("山田太郎様、お問い合わせありがとうございます。") == "ja"
    assert detect_language("Please send the invoice by Friday.") == "en"
    lang, confidence = detect_language_with_confidence("会議は明日の10時からです。")
    assert lang == "ja" and 0.5 < confidence <= 1.0


APPLICATION = ("【申込書】氏名：山田太郎様\n〒100-0005 東京都千代田区丸の内1丁目2番3号 丸の内ビル5階\n"
               "電話：０３－１２３４－５６７８　携帯：090-1234-5678\nメール：ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ\n"
               "マイナンバー：123456789010　運転免許証番号：123456789012　旅券番号：TK1234567\n"
               "振込先：みずほ銀行 渋谷支店 普通 1234567\n法人番号：7000012050002\n担当：田中部長、佐藤課長")


def test_application_form_is_anonymized_under_the_default_policy(anonymizer):
    (result,) = anonymizer.anonymize([APPLICATION], "ja")
    for raw in ("山田太郎", "100-0005", "丸の内1丁目2番3号", "丸の内ビル", "０３－１２３４", "090-1234-5678", "ｙａｍａｄａ",
                "123456789010", "123456789012", "TK1234567", "1234567", "7000012050002", "田中", "佐藤"):
        assert raw not in result.text, raw
    assert "様" in result.text and "部長" in result.text and "課長" in result.text
    for entity in ("JP_MY_NUMBER", "JP_DRIVER_LICENSE", "JP_PASSPORT", "JP_BANK_ACCOUNT", "JP_CORPORATE_NUMBER",
                   "JP_POSTAL_CODE", "EMAIL_ADDRESS"):
        assert result.counts[entity] == 1, entity
    assert result.counts["PHONE_NUMBER"] == 2
