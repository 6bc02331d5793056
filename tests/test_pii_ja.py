"""Japanese recognizers on the real GiNZA engine: each identifier found in half- and full-width
forms, offsets into the original text, checksums and labels that keep look-alikes out."""

from __future__ import annotations

import pytest

from curation.pii.assembly import engine_for
from curation.pii.honorifics import name_end
from curation.pii.language import detect_language, detect_language_with_confidence
from curation.pii.recognizers.ja import JpDateOfBirthRecognizer, JpDateRecognizer
from curation.policy import PiiPolicy

ENTITIES = ["PERSON", "ORGANIZATION", "EMAIL_ADDRESS", "PHONE_NUMBER", "LOCATION", "DATE_TIME", "JP_MY_NUMBER",
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


@pytest.mark.parametrize("number", ["+81-800-990-8385", "+81-90-1234-5678", "＋８１－３－１２３４－５６７８"])
def test_international_form_counts_digits_without_the_country_code(engine, number):
    assert found(engine, f"連絡先：{number}", "PHONE_NUMBER") == [number]


def test_phone_with_wrong_digit_count_is_not_a_phone(engine):
    assert found(engine, "お電話は03-1234-56789までお願いします。", "PHONE_NUMBER") == []


@pytest.mark.parametrize("text,code", [
    ("〒100-0005 東京都千代田区", "100-0005"), ("〒１００－０００５", "１００－０００５"),
    ("郵便番号：1000005", "1000005"), ("郵便番号 １０００００５", "１０００００５"),
])
def test_postal_codes_with_mark_or_label(engine, text, code):
    assert found(engine, text, "JP_POSTAL_CODE") == [code]


@pytest.mark.parametrize("text,code", [("ご住所：472-5953\n三重県津市", "472-5953"),
                                      ("所在地：４７２５９５３　大阪府大阪市北区", "４７２５９５３")])
def test_postal_code_without_mark_in_front_of_an_address(engine, text, code):
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


def test_my_number_check_digit_follows_the_cabinet_order(engine):
    # 番号法施行令 第8条: Qn = n + 1 for n <= 6 (n counted from the right), n - 5 above; for 12345678901
    # the check digit is 8. The weight of the 6th digit (7, not 1) is what an off-by-one gets wrong.
    assert found(engine, "受付票 123456789018 を確認", "JP_MY_NUMBER") == ["123456789018"]
    assert found(engine, "受付票 １２３４ ５６７８ ９０１８ を確認", "JP_MY_NUMBER") == ["１２３４ ５６７８ ９０１８"]
    assert found(engine, "受付票 123456789010 を確認", "JP_MY_NUMBER") == []
    assert found(engine, "受付票 482917305620 を確認", "JP_MY_NUMBER") == ["482917305620"]


@pytest.mark.parametrize("text,number", [("マイナンバー：123456789010", "123456789010"),
                                         ("マイナンバーは 4829 1730 5628 で登録済み", "4829 1730 5628"),
                                         ("個人番号 １２３４－５６７８－９０１０", "１２３４－５６７８－９０１０")])
def test_my_number_after_its_label_is_found_even_with_a_wrong_check_digit(engine, text, number):
    assert found(engine, text, "JP_MY_NUMBER") == [number]


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
               "マイナンバー：123456789018　運転免許証番号：123456789012　旅券番号：TK1234567\n"
               "振込先：みずほ銀行 渋谷支店 普通 1234567\n法人番号：7000012050002\n担当：田中部長、佐藤課長")


def test_application_form_is_anonymized_under_the_default_policy(anonymizer):
    (result,) = anonymizer.anonymize([APPLICATION], "ja")
    for raw in ("山田太郎", "100-0005", "丸の内1丁目2番3号", "丸の内ビル", "０３－１２３４", "090-1234-5678", "ｙａｍａｄａ",
                "123456789018", "123456789012", "TK1234567", "1234567", "7000012050002", "田中", "佐藤"):
        assert raw not in result.text, raw
    assert "様" in result.text and "部長" in result.text and "課長" in result.text
    for entity in ("JP_MY_NUMBER", "JP_DRIVER_LICENSE", "JP_PASSPORT", "JP_BANK_ACCOUNT", "JP_CORPORATE_NUMBER",
                   "JP_POSTAL_CODE", "EMAIL_ADDRESS"):
        assert result.counts[entity] == 1, entity
    assert result.counts["PHONE_NUMBER"] == 2


@pytest.mark.parametrize("text,date", [("生年月日：昭和60年4月1日", "昭和60年4月1日"), ("生年月日 H2.3.4", "H2.3.4"),
                                       ("誕生日は１９８５／０４／０１です", "１９８５／０４／０１"),
                                       ("生年月日（西暦）：1985-04-01", "1985-04-01"),
                                       ("井上（昭和18年生まれ）", "昭和18年"), ("1985年3月生まれの方", "1985年3月")])
def test_birth_dates_after_their_label_or_before_umare(text, date):
    results = JpDateOfBirthRecognizer().analyze(text, ["DATE_OF_BIRTH"])
    assert [text[r.start:r.end] for r in results] == [date]


def test_business_dates_are_not_birth_dates():
    text = "会議は2024年5月10日、申込日：令和6年5月1日、納期 2024/06/30。"
    assert JpDateOfBirthRecognizer().analyze(text, ["DATE_OF_BIRTH"]) == []


@pytest.mark.parametrize("text,org", [("佐々木食品合同会社の西村です。", "佐々木食品合同会社"),
                                      ("発行元：合同会社青木印刷（登録番号", "合同会社青木印刷"),
                                      ("㈱ABCシステムズ様", "㈱ABCシステムズ"),
                                      ("一般社団法人日本データ協会に加入", "一般社団法人日本データ協会")])
def test_organisation_by_its_legal_form(engine, text, org):
    assert org in found(engine, text, "ORGANIZATION")


@pytest.mark.parametrize("text,name", [("フリガナ：タナカ ミノル", "タナカ ミノル"), ("口座名義：ヤマダ　タロウ", "ヤマダ　タロウ"),
                                       ("氏名：松田 陽子（マツダ ヨウコ）", "マツダ ヨウコ")])
def test_katakana_names_where_forms_put_them(engine, text, name):
    assert name in found(engine, text, "PERSON")


def test_katakana_words_without_a_label_are_not_names(engine):
    assert found(engine, "新しいサービス（クラウド サーバー）を導入", "PERSON") == []


@pytest.mark.parametrize("text,name", [("山田太郎様、お世話になっております。", "山田太郎"),
                                       ("本件は大和田支店長が承認しました。", "大和田")])
def test_ner_person_span_ends_before_the_honorific(engine, text, name):
    artifacts = engine.nlp_engine.process_text(text, "ja")
    spans = [text[e.start_char:e.end_char] for e in artifacts.entities if e.label_ == "PERSON"]
    assert name in spans and not any(s.endswith(("様", "支店長")) for s in spans)


def test_form_labels_are_not_names(engine):
    text = "郵便番号\n123-4567"
    artifacts = engine.nlp_engine.process_text(text, "ja")
    assert [text[e.start_char:e.end_char] for e in artifacts.entities if e.label_ == "PERSON"] == []


def test_department_and_document_words_are_not_organisations(engine):
    text = "議事録\n情報システム部と購買部の定例会"
    assert found(engine, text, "ORGANIZATION") == []


@pytest.mark.parametrize("text,name", [("氏名：林 花子\n", "林 花子"), ("確認日：5月1日　確認者：石川", "石川"),
                                       ("司会：村上課長　記録：森", "村上"), ("担当：岡田 学（090-1234-5678）", "岡田 学")])
def test_names_after_form_labels_that_ask_for_a_person(engine, text, name):
    assert name in found(engine, text, "PERSON")


def test_a_department_after_a_person_label_is_not_a_name(engine):
    assert found(engine, "担当：営業部", "PERSON") == []


@pytest.mark.parametrize("text,name", [("林様\n\nいつもお世話になっております。", "林"), ("山田 太郎 様\n", "山田 太郎")])
def test_addressee_line_is_a_name(engine, text, name):
    assert name in found(engine, text, "PERSON")


@pytest.mark.parametrize("text", ["皆様\nいつもお世話になっております。", "ご担当者様\nお問い合わせの件"])
def test_collective_addressees_are_not_names(engine, text):
    assert found(engine, text, "PERSON") == []


@pytest.mark.parametrize("text,name", [("開発部 林 桃子\n〒100-0005", "林 桃子"), ("経理部の長谷川　香織です。", "長谷川　香織"),
                                       ("4月12日付で岡田部長が着任されます。", "岡田"), ("はい、田中です。", "田中")])
def test_family_and_given_names_by_their_dictionary_tags(engine, text, name):
    assert name in found(engine, text, "PERSON")


def test_common_words_before_desu_are_not_names(engine):
    assert found(engine, "本日の議題です。", "PERSON") == []


@pytest.mark.parametrize("label", ["注文番号：", "受付番号 ", "請求番号"])
def test_twelve_digits_under_another_numbers_label_are_not_a_my_number(engine, label):
    # 123456789018 passes the check digit; the label says it is an order number.
    assert found(engine, f"{label}123456789018 の件", "JP_MY_NUMBER") == []


def test_letters_of_a_model_number_are_not_an_organisation(engine):
    assert found(engine, "新製品（型番KX-1234A）の発売日", "ORGANIZATION") == []


def test_default_policy_masks_birth_dates_but_not_business_dates(anonymizer):
    text = "氏名：山田太郎\n生年月日：昭和60年4月1日\n申込日：2024年5月10日"
    out = anonymizer.anonymize([text], "ja")[0]
    assert "昭和60年4月1日" not in out.text and "<DATE_OF_BIRTH>" in out.text
    assert "2024年5月10日" in out.text  # the date of the application describes the business


@pytest.mark.parametrize("label,entity", [
    ("Domestic_Region", "LOCATION"), ("Continental_Region", "LOCATION"), ("Worship_Place", "LOCATION"),
    ("Museum", "LOCATION"), ("Sports_Team", "ORGANIZATION"), ("Pro_Sports_Organization", "ORGANIZATION"),
    ("Political_Party", "ORGANIZATION"), ("Company", "ORGANIZATION"), ("Person", "PERSON"),
])
def test_every_ginza_place_and_organisation_label_is_mapped(label, entity):
    from curation.pii.labels import ja_labels

    assert ja_labels()[label] == entity


def test_nationalities_and_religions_are_not_personal_data():
    from curation.pii.labels import ja_labels

    assert "Nationality" not in ja_labels() and "Religion" not in ja_labels()


def test_rooms_and_floors_are_not_locations(engine):
    assert found(engine, "会議は本店3階の大会議室で行います。", "LOCATION") == []


@pytest.mark.parametrize("text,name", [
    ("国王ルイ・フィリップは退位した。", "ルイ・フィリップ"),                    # one Sudachi token with a middle dot
    ("1968年に発売されたヒューレット・パッカードの計算機。", "ヒューレット・パッカード"),
])
def test_names_joined_by_a_middle_dot_are_kept(engine, text, name):
    (results,) = engine.analyze([text], batch_size=8)
    assert any(text[r.start:r.end] == name for r in results)


# Sudachi proper nouns GiNZA's NER leaves out (recognizers/ja/proper_noun.py).

def test_proper_noun_ginza_tags_nothing_is_masked(engine):
    assert "旭化成" in found(engine, "旭化成の社長は福井市の工場を視察した。", "ORGANIZATION")


def test_proper_noun_inside_a_non_personal_entity_is_masked(engine):
    # GiNZA calls the team a piece of clothing; Sudachi's dictionary has it as a proper noun.
    text = "長野県出身の野球選手で、東北楽天ゴールデンイーグルスに所属する。"
    assert "東北楽天ゴールデンイーグルス" in found(engine, text, "ORGANIZATION")


@pytest.mark.parametrize("text,name", [("静岡鉄道の車両が新しくなった。", "静岡鉄道"),
                                       ("大分県警が捜査している。", "大分県警")])
def test_a_place_grows_to_the_compound_noun_it_heads(engine, text, name):
    assert name in found(engine, text, "LOCATION")


def test_era_names_in_a_date_are_not_names(engine):
    text = "営業部の会議は昭和の終わりに始まった。"
    assert [r for t in ("PERSON", "ORGANIZATION", "LOCATION") for r in found(engine, text, t)] == []


def test_a_persons_name_does_not_grow_over_a_title(engine):
    assert found(engine, "彼は山崎監督のもとでプレーした。", "PERSON") == ["山崎"]
    assert found(engine, "大阪支店の会議に出た。", "LOCATION") == ["大阪"]


def test_foreign_name_joined_by_middle_dots_is_one_name(engine):
    # GiNZA tags ジョン・フィッツジェラルド and ケネディ apart; the dot between them is the name's too.
    assert "ジョン・フィッツジェラルド・ケネディ" in found(engine, "ジョン・フィッツジェラルド・ケネディは大統領だった。", "PERSON")


def test_katakana_terms_joined_by_middle_dots_are_not_names(engine):
    text = "データ・サイエンス・チームを作った。"
    assert [r for t in ("PERSON", "ORGANIZATION", "LOCATION") for r in found(engine, text, t)] == []


def test_katakana_word_not_in_sudachis_dictionary_is_a_name(engine):
    text = "祖父はクレンツァーハイムの近くに住んでいた。"
    assert "クレンツァーハイム" in [r for t in ("PERSON", "ORGANIZATION", "LOCATION") for r in found(engine, text, t)]


def test_katakana_words_in_the_dictionary_are_not_names(engine):
    text = "コンピューターのソフトウェアを更新した。"
    assert [r for t in ("PERSON", "ORGANIZATION", "LOCATION") for r in found(engine, text, t)] == []


def test_a_chain_with_a_given_name_in_it_is_a_person():
    from curation.pii.nlp_models import load_ner_pipeline
    from curation.pii.recognizers.ja.proper_noun import _kind, is_name

    doc = load_ner_pipeline("ja_ginza")("その曲はマイケル・ドルヴァネクが書いた。")
    named = [t for t in doc if t.text in ("マイケル", "ドルヴァネク")]
    assert all(is_name(t) for t in named)  # a given name in the dictionary, a word it does not have
    assert _kind(named, any_person=True) == "PERSON"
    assert _kind(named) == "ORGANIZATION"


def test_a_text_past_sudachis_byte_limit_is_read_in_pieces_to_its_end(engine):
    # Sudachi refuses more than 49,149 bytes at once: a long contract stopped the whole run.
    sentence = "担当は山田花子です。"
    text = sentence * 1800 + "最後の担当は佐藤一郎です。"
    assert len(text.encode()) > 49_149
    names = found(engine, text, "PERSON")
    assert names.count("山田花子") == 1800 and names[-1] == "佐藤一郎"


def test_pieces_end_at_a_sentence_end_and_join_back_to_the_text():
    from curation.pii.batching import pieces

    text = ("一文目です。" * 3 + "\n") * 40 + "あ" * 50
    parts = pieces(text, 100)
    assert "".join(parts) == text
    assert all(len(p) <= 100 for p in parts)
    assert all(p.endswith(("。", "\n")) for p in parts[:-1])
    assert pieces("あ" * 250, 100) == ["あ" * 100, "あ" * 100, "あ" * 50]  # no sentence end: cut at the limit


@pytest.mark.parametrize("text,name,entity", [
    ("藤堂隊に従って本戦では戦った。", "藤堂隊", "ORGANIZATION"),               # a troop named after its leader
    ("彼は中村学園高校を卒業した。", "中村学園高校", "LOCATION"),               # a school GiNZA reads as a person
])
def test_a_person_followed_by_the_head_noun_of_a_group_or_a_place_names_that_group_or_place(engine, text, name,
                                                                                        entity):
    assert name in found(engine, text, entity)


def test_a_title_after_a_person_is_no_head_noun(engine):
    text = "田中部長と打ち合わせをした。"
    assert not any("部長" in v for t in ("ORGANIZATION", "LOCATION", "PERSON") for v in found(engine, text, t))
