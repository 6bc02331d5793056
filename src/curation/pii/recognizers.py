"""Recognizers added to Presidio's defaults: Japanese identifiers and, for Japanese text, the
language-neutral pattern recognizers that Presidio registers for English only.

Every pattern takes half-width and full-width digits and letters as they stand: offsets always
point into the original text; only checksums read a normalized copy of the matched value."""

from __future__ import annotations

import re

from presidio_analyzer import (
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    IbanRecognizer,
    IpRecognizer,
)

_FULLWIDTH = str.maketrans("０１２３４５６７８９－（）", "0123456789-()")

D = "[0-9０-９]"  # a digit, half- or full-width
ND = "(?<![0-9０-９])"  # not preceded by a digit
NF = "(?![0-9０-９])"  # not followed by a digit
H = "[-－‐−ー]"  # hyphens as typed in Japanese text (ー: the long-vowel mark, often used as one)
SEP = r"[\s:：#＃.．、]*"  # between a label and its value: 口座番号：1234567


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text.translate(_FULLWIDTH))


def _half(text: str) -> str:
    """Full-width ASCII (U+FF01–FF5E) folded to half-width; for validating a matched value only."""
    return "".join(chr(ord(c) - 0xFEE0) if "！" <= c <= "～" else c for c in text)


class MyNumberRecognizer(PatternRecognizer):
    """個人番号 (マイナンバー): 12 digits whose last is a check digit (番号法施行令 第8条):
    11 − (Σ Pn × Qn mod 11), 0 when that remainder is 0 or 1; Pn the n-th digit from the right
    (the check digit not counted), Qn = n + 1 for n ≤ 6 and n − 5 for 7 ≤ n ≤ 11."""

    def __init__(self):
        super().__init__(
            supported_entity="JP_MY_NUMBER", supported_language="ja",
            patterns=[Pattern("my_number", rf"{ND}{D}{{4}}[ -－]?{D}{{4}}[ -－]?{D}{{4}}{NF}", 0.3)],
            context=["マイナンバー", "個人番号", "番号"],
        )

    # A label naming another kind of number says what the number is, whatever its check digit
    # happens to be: one 12-digit order number in eleven passes the check.
    OTHER_LABEL = re.compile(r"(?:注文|受注|発注|請求|伝票|見積|受付|管理|問合せ|問い合わせ|会員|顧客|お客様|商品|製造|シリアル"
                             r"|追跡|配送|予約|契約|証券)(?:番号|No\.?|ＮＯ|№)[\s:：#＃.．]*$")

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags)
                if not self.OTHER_LABEL.search(text[max(0, r.start - 12):r.start])]

    def validate_result(self, pattern_text: str) -> bool:
        digits = _digits(pattern_text)
        if len(digits) != 12:
            return False
        body = [int(c) for c in digits[:11]][::-1]
        total = sum(d * (n + 1 if n <= 6 else n - 5) for n, d in enumerate(body, start=1))
        check = 0 if total % 11 <= 1 else 11 - total % 11
        return check == int(digits[11])


def _labelled_my_number() -> PatternRecognizer:
    # After its own label a 12-digit number is a My Number even when the check digit is wrong: a
    # mistyped 個人番号 is still someone's, and the label, not the checksum, says what it is.
    label = "(?:マイナンバー|個人番号)(?:カード)?(?:番号)?(?:[はがを]|{SEP})"
    return PatternRecognizer(
        supported_entity="JP_MY_NUMBER", supported_language="ja", name="JpLabelledMyNumberRecognizer",
        patterns=[Pattern("my_number_labelled",
                          rf"(?<={label.format(SEP=SEP)}{SEP}){D}{{4}}[ -－]?{D}{{4}}[ -－]?{D}{{4}}{NF}", 0.75)],
    )


class CorporateNumberRecognizer(PatternRecognizer):
    """法人番号: 13 digits, the first a check digit over the other 12 (法人番号の指定等に関する省令
    第2条): 9 − (Σ Pn × Qn mod 9), Pn the n-th digit from the right, Qn 1 for odd n, 2 for even.
    Also as the 適格請求書 registration number (T + 13 digits)."""

    def __init__(self):
        super().__init__(
            supported_entity="JP_CORPORATE_NUMBER", supported_language="ja",
            patterns=[Pattern("corporate_number",
                              rf"(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ])[TＴ]?{D}[ -－]?{D}{{4}}[ -－]?{D}{{4}}[ -－]?{D}{{4}}{NF}",
                              0.3)],
            context=["法人番号", "登録番号", "インボイス"],
        )

    def validate_result(self, pattern_text: str) -> bool:
        digits = _digits(pattern_text)
        if len(digits) != 13:
            return False
        base = [int(c) for c in digits[1:]][::-1]
        total = sum(d * (1 if n % 2 else 2) for n, d in enumerate(base, start=1))
        return int(digits[0]) == 9 - total % 9


class _DigitCountRecognizer(PatternRecognizer):
    """A pattern recognizer that drops matches whose digit count is not one of `counts`."""

    def __init__(self, counts: tuple[int, ...], **kwargs):
        super().__init__(**kwargs)
        self.counts = counts

    def invalidate_result(self, pattern_text: str) -> bool:
        digits = _digits(pattern_text)
        if pattern_text[:1] in "+＋" and digits.startswith("81"):  # +81-3-...: the trunk 0 dropped
            digits = "0" + digits[2:]
        return len(digits) not in self.counts


def _phone() -> PatternRecognizer:
    # Japanese numbers have 10 digits (fixed: 03-1234-5678, 0466-12-3456; 0120-123-456) or 11
    # (mobile 090/080/070, IP 050, 0800-123-4567); the digit count is checked after the match.
    lead = "[0０]"
    return _DigitCountRecognizer(
        counts=(10, 11),
        supported_entity="PHONE_NUMBER", supported_language="ja", name="JpPhoneRecognizer",
        patterns=[
            # 03-1234-5678, 03 1234 5678, 03(1234)5678
            Pattern("jp_phone_hyphen", rf"{ND}{lead}{D}{{1,4}}(?:{H}|[ 　]|[(（]){D}{{1,4}}(?:{H}|[ 　]|[)）]){D}{{3,4}}{NF}", 0.6),
            # (03)1234-5678, （０３）１２３４－５６７８
            Pattern("jp_phone_bracket", rf"[(（]{lead}{D}{{1,4}}[)）][ 　]?{D}{{1,4}}{H}?{D}{{3,4}}{NF}", 0.6),
            Pattern("jp_phone_plain", rf"{ND}{lead}{D}{{9,10}}{NF}", 0.4),
            # No leading 0 (as Faker's ja_JP provider writes them, or a trunk prefix dropped):
            # only next to a context word.
            Pattern("jp_phone_no_prefix", rf"{ND}[1-9１-９]{D}{H}{D}{{4}}{H}{D}{{4}}{NF}", 0.1),
            Pattern("jp_phone_intl", rf"[+＋][8８][1１][-－ ]?{D}{{1,4}}[-－ ]?{D}{{1,4}}[-－ ]?{D}{{3,4}}{NF}", 0.6),
        ],
        context=["電話", "電話番号", "TEL", "Tel", "tel", "携帯", "連絡先", "FAX", "ファックス", "☎"],
    )


def _postal() -> PatternRecognizer:
    return PatternRecognizer(
        supported_entity="JP_POSTAL_CODE", supported_language="ja", name="JpPostalCodeRecognizer",
        patterns=[
            Pattern("jp_postal_mark", rf"(?<=〒[ 　]?){D}{{3}}{H}?{D}{{4}}{NF}", 0.8),
            Pattern("jp_postal_label", rf"(?<=郵便番号{SEP}){D}{{3}}{H}?{D}{{4}}{NF}", 0.8),
            Pattern("jp_postal_plain", rf"{ND}{D}{{3}}[-－]{D}{{4}}{NF}", 0.2),
            # A code on its own in front of an address: 123-4567 東京都..., 1234567\n大阪府...
            Pattern("jp_postal_before_address", rf"{ND}{D}{{3}}{H}?{D}{{4}}(?=[ 　\t\n]*{_PREF})", 0.6),
            Pattern("jp_postal_digits", rf"{ND}{D}{{7}}{NF}", 0.05),
        ],
        context=["郵便番号", "郵便", "〒", "住所", "所在地"],
    )


def _email() -> PatternRecognizer:
    # Presidio's e-mail pattern relies on \b, which never fires between kana/kanji and ASCII
    # ("メールはa@b.jpまで"): bound the address by ASCII characters instead. Full-width addresses
    # (ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ) are typed by some input methods: found as well.
    local = "A-Za-z0-9._%+\\-Ａ-Ｚａ-ｚ０-９．＿％＋－"
    label = "A-Za-z0-9\\-Ａ-Ｚａ-ｚ０-９－"
    return PatternRecognizer(
        supported_entity="EMAIL_ADDRESS", supported_language="ja", name="JpEmailRecognizer",
        patterns=[Pattern("email_ascii_bounded",
                          rf"(?<![{local}])[{local}]+[@＠](?:[{label}]+[.．])+[A-Za-zＡ-Ｚａ-ｚ]{{2,}}(?![{label}])",
                          0.8)],
    )


def _bank_account() -> PatternRecognizer:
    # An account number is 7 digits and means nothing without its label (普通 1234567,
    # 口座番号：1234567); ゆうちょ銀行 uses 記号 (5 digits) and 番号 (8 digits).
    label = "(?:口座番号|口座|普通預金|当座預金|貯蓄預金|普通|当座|預金)"
    return PatternRecognizer(
        supported_entity="JP_BANK_ACCOUNT", supported_language="ja", name="JpBankAccountRecognizer",
        patterns=[
            Pattern("jp_account_labelled", rf"(?<={label}(?:口座)?(?:番号)?{SEP}(?:No|NO|№)?{SEP}){D}{{7}}{NF}", 0.7),
            Pattern("jp_yucho", rf"{ND}1{D}{{3}}0{H}{D}{{7,8}}{NF}|(?<=記号{SEP}){D}{{5}}[\s　、,]*番号{SEP}{D}{{7,8}}{NF}", 0.6),
            Pattern("jp_account_digits", rf"{ND}{D}{{7}}{NF}", 0.05),
        ],
        context=["口座", "口座番号", "普通", "当座", "預金", "振込", "振込先", "支店", "銀行"],
    )


def _driver_license() -> PatternRecognizer:
    # 12 digits, printed 第 123456789012 号; no published check digit, so a label is required.
    label = "(?:運転免許証番号|免許証番号|運転免許証|運転免許|免許番号|免許証)"
    return PatternRecognizer(
        supported_entity="JP_DRIVER_LICENSE", supported_language="ja", name="JpDriverLicenseRecognizer",
        patterns=[
            Pattern("jp_license_labelled", rf"(?<={label}(?:番号)?{SEP}(?:第[ 　]?)?){D}{{12}}{NF}", 0.75),
            Pattern("jp_license_dai_go", rf"(?<=第[ 　]?){D}{{12}}(?=[ 　]?号)", 0.5),
        ],
        context=["免許", "免許証", "運転免許証", "免許証番号"],
    )


def _passport() -> PatternRecognizer:
    # Japanese passports: two capital letters and seven digits (TK1234567).
    number = rf"[A-ZＡ-Ｚ]{{2}}{D}{{7}}{NF}"
    return PatternRecognizer(
        supported_entity="JP_PASSPORT", supported_language="ja", name="JpPassportRecognizer",
        patterns=[
            Pattern("jp_passport_labelled", rf"(?<=(?:旅券|パスポート)(?:番号|No\.?)?{SEP}){number}", 0.75),
            Pattern("jp_passport", rf"(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９]){number}", 0.3),
        ],
        context=["旅券", "パスポート", "旅券番号", "パスポート番号", "passport"],
    )


_ERA = "(?:明治|大正|昭和|平成|令和)"
_ERA_ABBR = "[MTSHRＭＴＳＨＲ]"


class JpDateRecognizer(PatternRecognizer):
    """Dates in 和暦 (昭和60年4月1日, 令和元年5月1日, H2.3.4) and 西暦 (1985年4月1日, 1985/4/1,
    2024-04-01); impossible months and days are dropped."""

    def __init__(self, entity: str = "DATE_TIME", name: str = "JpDateRecognizer", patterns=None, context=None):
        y, m, d = f"{D}{{1,2}}", f"{D}{{1,2}}", f"{D}{{1,2}}"
        dot = "[./／.．]"
        super().__init__(
            supported_entity=entity, supported_language="ja", name=name,
            patterns=patterns or [
                Pattern("jp_era_kanji", rf"{_ERA}[ 　]?(?:元|{y})年[ 　]?{m}月(?:[ 　]?{d}日)?", 0.6),
                Pattern("jp_era_abbr", rf"(?<![A-Za-zＡ-Ｚａ-ｚ]){_ERA_ABBR}{y}{dot}{m}{dot}{d}{NF}", 0.5),
                Pattern("jp_western_kanji", rf"{ND}{D}{{4}}年[ 　]?{m}月(?:[ 　]?{d}日)?", 0.6),
                Pattern("jp_western_numeric", rf"{ND}{D}{{4}}[/／\-－.．]{m}[/／\-－.．]{d}{NF}", 0.5),
            ],
            context=["生年月日", "誕生日", "日付", "年月日"] if context is None else context,
        )

    def invalidate_result(self, pattern_text: str) -> bool:
        numbers = [int(n) for n in re.findall(r"\d+", _half(pattern_text))]
        if "元年" in pattern_text:
            numbers.insert(0, 1)
        if len(numbers) < 2:
            return not (numbers and self.supported_entities[0] == "DATE_OF_BIRTH")  # 昭和18年生まれ
        month = numbers[1]
        day = numbers[2] if len(numbers) > 2 else 1
        return not (1 <= month <= 12 and 1 <= day <= 31)


def _date_of_birth() -> PatternRecognizer:
    """DATE_OF_BIRTH: a date after a birth-date label (生年月日：昭和60年4月1日, 誕生日 1985/4/1) or
    before 生まれ (昭和18年生まれ; a year alone counts there). Other dates describe the business
    (meetings, orders, deadlines) and are not personal data."""
    y, m, d = f"{D}{{1,2}}", f"{D}{{1,2}}", f"{D}{{1,2}}"
    sep = "[/／\\-－.．]"
    full_date = (f"(?:{_ERA}[ 　]?(?:元|{y})年[ 　]?{m}月[ 　]?{d}日"
                 f"|(?<![A-Za-zＡ-Ｚａ-ｚ]){_ERA_ABBR}{y}[./／.．]{m}[./／.．]{d}{NF}"
                 f"|{ND}{D}{{4}}年[ 　]?{m}月[ 　]?{d}日|{ND}{D}{{4}}{sep}{m}{sep}{d}{NF})")
    year_month = f"(?:{_ERA}[ 　]?(?:元|{y})年(?:[ 　]?{m}月(?:[ 　]?{d}日)?)?|{ND}{D}{{4}}年(?:[ 　]?{m}月(?:[ 　]?{d}日)?)?)"
    label = "(?:生年月日|誕生日|出生日|生年)(?:[（(][^）)\\n]{0,8}[）)])?"
    return JpDateRecognizer(
        entity="DATE_OF_BIRTH", name="JpDateOfBirthRecognizer",
        patterns=[Pattern("jp_birth_labelled", f"(?<={label}[はがを]?{SEP}){full_date}", 0.85),
                  Pattern("jp_birth_umare", f"{year_month}(?=[ 　]?(?:生まれ|生)(?![一-龥]))", 0.75)],
        context=[])


# Legal forms of Japanese organisations (会社法, 一般法人法, ...), written before or after the name.
_LEGAL_FORM = ("(?:株式会社|有限会社|合同会社|合資会社|合名会社|相互会社|(?:一般|公益)(?:社団|財団)法人|社会福祉法人"
               "|医療法人(?:社団|財団)?|学校法人|宗教法人|特定非営利活動法人|NPO法人|独立行政法人|国立大学法人"
               "|[(（][株有][)）]|㈱|㈲)")
_ORG_NAME = "[一-龥々〆ァ-ヶーA-Za-zＡ-Ｚａ-ｚ0-9０-９&＆・]"


def _organization() -> PatternRecognizer:
    """ORGANIZATION by legal form: 株式会社山田製作所, 山田水産有限会社, ㈱ABC. The name is the run of
    kanji, katakana and Latin letters next to the legal form (hiragana, punctuation and spaces end it)."""
    return _NameRecognizer(
        supported_entity="ORGANIZATION", supported_language="ja", name="JpLegalFormOrganizationRecognizer",
        patterns=[Pattern("jp_org_prefix", f"{_LEGAL_FORM}[ 　]?{_ORG_NAME}{{1,20}}", 0.6),
                  Pattern("jp_org_suffix", f"{_ORG_NAME}{{1,20}}[ 　]?{_LEGAL_FORM}", 0.6)],
    )


def _labelled_name() -> PatternRecognizer:
    """PERSON for a name in kanji after a form label that asks for a person (氏名：林 花子,
    担当：岡田, 確認者：石川): up to 6 kanji, optionally a space and a given name in kanji or kana.
    The label must be followed by a colon or a space (担当者, 氏名欄 are words, not labels); a
    department after such a label (担当：営業部) is not a name."""
    label = ("(?:氏名|お名前|名前|担当者?|ご担当者様?|代表者|申請者|申込者|確認者|記録|司会|作成者|差出人|承認者|"
             "記入者|責任者|緊急連絡先)(?:[（(][^）)\n]{0,6}[）)])?")
    return _NameRecognizer(
        supported_entity="PERSON", supported_language="ja", name="JpLabelledNameRecognizer",
        patterns=[Pattern("jp_name_labelled",
                          f"(?<={label}(?:[ 　]*[:：][ 　]*|[ 　]+))[一-龥々]{{1,6}}(?:[ 　][一-龥々ぁ-んァ-ヶー]{{1,5}})?"
                          "(?<![部課室係])(?![一-龥々ぁ-んァ-ヶー]|[ 　]*[：:])", 0.6)],
    )


class _NameRecognizer(PatternRecognizer):
    """A pattern recognizer for names whose matches lose a trailing honorific or title (村上課長 → 村上)."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        out = []
        for r in super().analyze(text, entities, nlp_artifacts, regex_flags):
            span = text[r.start:r.end]
            end = name_end(span)
            if end < len(span):
                r.end = r.start + len(span[:end].rstrip())
            out.append(r)
        return out


def _kana_name() -> PatternRecognizer:
    """PERSON for a name in katakana where forms put one: after フリガナ / カナ / 口座名義, or in
    brackets right after a name in kanji (山田 太郎（ヤマダ タロウ）)."""
    kana = "[ァ-ヶー]+(?:[ 　][ァ-ヶー]+)?"
    label = "(?:フリガナ|ふりがな|氏名カナ|カナ氏名|カナ|口座名義人?|名義人?)(?:[（(]カナ[）)])?"
    return PatternRecognizer(
        supported_entity="PERSON", supported_language="ja", name="JpKanaNameRecognizer",
        patterns=[Pattern("jp_kana_labelled", f"(?<={label}{SEP}){kana}(?![ァ-ヶー])", 0.7),
                  Pattern("jp_kana_after_name", "(?<=[一-龥々][ 　]?[一-龥々]{0,4}[（(])[ァ-ヶー]+[ 　][ァ-ヶー]+(?=[）)])",
                          0.6)],
    )


_PREF = "(?:東京都|北海道|(?:京都|大阪)府|(?:神奈川|和歌山|鹿児島)県|[一-龥]{2}県)"
_MUNI = "(?:[一-龥ぁ-んァ-ヶー々ヶ]{1,7}?(?:市|区|町|村|郡)){1,3}"
# 丸の内, 梅田; 札幌の 北1条西 (条 blocks carry a number before the 丁目)
_TOWN = f"[一-龥ぁ-んァ-ヶー々ヶA-ZＡ-Ｚ]{{0,16}}?(?:{D}+条[東西南北]?)?"
_NUM = f"(?:{D}+|[一二三四五六七八九十]+)"
# 1丁目2番3号, 1丁目2番地3, 1-2-3, １－２－３, 5番地
_BLOCK = (f"(?:{_NUM}丁目[ 　]?{D}+(?:番地?|{H})[ 　]?(?:{D}+号?)?|{D}+{H}{D}+(?:{H}{D}+){{0,2}}"
          f"|{D}+番地?(?:[ 　]?{D}+号?)?|{_NUM}丁目)")
_BUILDING_WORD = ("(?:ビルディング|ビル|マンション|ハイツ|タワー|レジデンス|コーポ|アパート|荘|プラザ|ヒルズ|ハウス"
                  "|コート|パレス|センター|パーク|メゾン|シャトー|ヴィラ|テラス|ガーデン|ハイム|キャッスル|シティ|アーバン"
                  "|クレスト|シャルム|ハイム|グランデ|レジデンス)")
# A building after the block: after a space, a name ending in a room number (クレスト土呂部917,
# ハイツ氏家404号室); with or without a space, a run holding a building word within its first 20
# characters (丸の内ビル5階), without hiragana but の, so "横浜ビル5階です" stops before です.
_BUILDING = (f"(?:[ 　][一-龥ぁ-んァ-ヶー々A-Za-zＡ-Ｚａ-ｚ・]{{1,20}}{D}{{1,5}}(?:階|F|Ｆ|号室)?(?!{D})"
             f"|[ 　]?(?=[^\\s。、，,]{{0,20}}{_BUILDING_WORD})"
             f"[一-龥ァ-ヶー々のA-Za-zＡ-Ｚａ-ｚ0-9０-９・]{{1,30}}(?:階|F|Ｆ|号室)?)?")


def _address() -> PatternRecognizer:
    return PatternRecognizer(
        supported_entity="LOCATION", supported_language="ja", name="JpAddressRecognizer",
        patterns=[
            Pattern("jp_address_full", f"{_PREF}{_MUNI}{_TOWN}{_BLOCK}{_BUILDING}", 0.85),
            Pattern("jp_address_city", f"(?<![一-龥]){_MUNI}{_TOWN}{_BLOCK}{_BUILDING}", 0.6),
            Pattern("jp_address_pref_city", f"{_PREF}{_MUNI}", 0.5),
        ],
        context=["住所", "所在地", "現住所", "本社"],
    )


# Honorifics and titles that follow a name: the name is PII, the word after it is not.
HONORIFICS = ("様", "さま", "さん", "サン", "君", "くん", "ちゃん", "殿", "氏", "先生", "先輩",
              "社長", "副社長", "会長", "専務", "常務", "取締役", "部長", "副部長", "次長", "課長",
              "係長", "主任", "室長", "所長", "支店長", "店長", "工場長", "局長", "本部長", "課長代理",
              "教授", "准教授", "講師", "博士", "医師", "弁護士", "税理士", "議員", "代表", "御中")


_TRAILING_HONORIFIC = re.compile("[ 　]?(?:" + "|".join(sorted(map(re.escape, HONORIFICS), key=len, reverse=True))
                                 + ")[ 　]*$")


def doc_text(doc) -> str:
    """`doc.text`, built once per Doc: spaCy joins every token on each access, which made reading
    it per entity quadratic in a long document."""
    text = doc.user_data.get("curation_text")
    if text is None:
        text = doc.user_data["curation_text"] = doc.text
    return text


def name_end(span: str) -> int:
    """Where the name in a PERSON span ends: before a trailing honorific or title ("高橋様" → 2,
    "大和田支店長" → 3), or len(span) when there is none or nothing would be left of the name.
    For NER spans that swallowed the honorific: trimming them keeps the honorific unmasked."""
    m = _TRAILING_HONORIFIC.search(span)
    return m.start() if m and m.start() > 0 else len(span)


class HonorificNameRecognizer(EntityRecognizer):
    """PERSON from Sudachi's part-of-speech tags (its dictionary, not a list of names):

    - a run of tokens tagged 名詞-固有名詞-人名 right before an honorific or title (山田太郎様,
      山田さん, 田中部長) or before です / と申します (営業部の田中です);
    - a family name and a given name (人名-姓, then 人名-名, one space between them or none),
      wherever they stand (開発部 林 桃子);
    - a place-name token (岡田 is also a place) before an honorific or a title that is not a
      place's own (支店長, 所長 ...), and any other proper noun before 様/さん/氏/殿 only.

    The span is the name alone, so the honorific stays. Needs the NLP artifacts' tokens (GiNZA);
    without them (the residual re-scan) it finds nothing."""

    NAME_TAG = "名詞-固有名詞-人名"
    FAMILY_TAG = "名詞-固有名詞-人名-姓"
    GIVEN_TAG = "名詞-固有名詞-人名-名"
    PLACE_TAG = "名詞-固有名詞-地名"
    PROPER_TAG = "名詞-固有名詞-一般"
    STRICT = ("様", "さま", "さん", "殿", "氏")
    SELF = ("です", "と申します", "と申します", "でございます")
    PLACE_TITLES = ("支店長", "店長", "所長", "工場長", "局長", "本部長", "室長", "議員", "代表")

    def __init__(self):
        super().__init__(supported_entities=["PERSON"], supported_language="ja",
                         name="JpHonorificNameRecognizer")

    def load(self) -> None:
        pass

    def _name_run(self, tokens, i: int) -> int:
        """End (exclusive) of the run of 人名 tokens from i; one space only between 姓 and 名."""
        j = i
        while j < len(tokens) and tokens[j].tag_.startswith(self.NAME_TAG):
            j += 1
            nxt = j + 1 if j < len(tokens) and tokens[j].text == "　" else j
            gap = tokens[j - 1].whitespace_ or (tokens[j].text if nxt > j else "")
            if gap:
                if gap in (" ", "　") and tokens[j - 1].tag_.startswith(self.FAMILY_TAG) and nxt < len(tokens) \
                        and tokens[nxt].tag_.startswith(self.GIVEN_TAG):
                    j = nxt
                    continue
                break
        return j

    def analyze(self, text, entities, nlp_artifacts=None):
        doc = getattr(nlp_artifacts, "tokens", None)
        if doc is None or "PERSON" not in entities or not hasattr(doc, "__iter__"):
            return []
        offsets = getattr(nlp_artifacts, "offsets", None)
        results = []
        tokens = list(doc)
        place_titles = tuple(h for h in HONORIFICS if h not in self.PLACE_TITLES)
        i = 0
        while i < len(tokens):
            tag = tokens[i].tag_
            if not tag.startswith(("名詞-固有名詞-人名", self.PROPER_TAG, self.PLACE_TAG)):
                i += 1
                continue
            j = self._name_run(tokens, i)
            names = j > i
            if not names:
                j = i + 1
            start, end = tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1].text)
            following = doc_text(doc)[end:end + 6].lstrip(" ")
            run_tags = [t.tag_ for t in tokens[i:j]]
            if names and following.startswith(HONORIFICS + self.SELF):
                score = 0.85
            elif names and any(t.startswith(self.FAMILY_TAG) for t in run_tags) \
                    and any(t.startswith(self.GIVEN_TAG) for t in run_tags):
                score = 0.7
            elif not names and (tag.startswith(self.PLACE_TAG) and following.startswith(place_titles)
                                or tag.startswith(self.PROPER_TAG) and following.startswith(self.STRICT)):
                score = 0.6
            else:
                i = max(j, i + 1)
                continue
            if offsets is not None:
                start, end = offsets[start], offsets[end - 1] + 1
            results.append(RecognizerResult("PERSON", start, end, score, recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
            i = max(j, i + 1)
        return results


def _addressee() -> PatternRecognizer:
    """PERSON for the addressee line of a letter or an e-mail: a line holding only a name and 様 /
    さん / 殿 (林様, 山田 太郎 様). Collective addressees (皆様, 担当者様, 各位) are not names."""
    return PatternRecognizer(
        supported_entity="PERSON", supported_language="ja", name="JpAddresseeRecognizer",
        patterns=[Pattern("jp_addressee_line",
                          "(?<=^[ 　]*)[一-龥々]{1,4}(?:[ 　][一-龥々ぁ-んァ-ヶー]{1,5})?(?<![皆者位員方同])"
                          "(?=[ 　]?(?:様|さま|さん|殿)[ 　]*$)", 0.6)],
    )


def japanese_recognizers() -> list:
    return [_phone(), _postal(), _email(), MyNumberRecognizer(), _labelled_my_number(), CorporateNumberRecognizer(),
            _bank_account(), _driver_license(), _passport(), JpDateRecognizer(), _date_of_birth(), _address(),
            _organization(), _kana_name(), _labelled_name(), _addressee(), HonorificNameRecognizer()]


def language_neutral_recognizers(language: str) -> list:
    if language == "en":
        return []
    return [cls(supported_language=language) for cls in
            (CreditCardRecognizer, IpRecognizer, IbanRecognizer)]
