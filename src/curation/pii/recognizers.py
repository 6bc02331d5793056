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
    """個人番号 (マイナンバー): 12 digits whose last is a check digit (番号法施行令 第8条)."""

    def __init__(self):
        super().__init__(
            supported_entity="JP_MY_NUMBER", supported_language="ja",
            patterns=[Pattern("my_number", rf"{ND}{D}{{4}}[ -－]?{D}{{4}}[ -－]?{D}{{4}}{NF}", 0.3)],
            context=["マイナンバー", "個人番号", "番号"],
        )

    def validate_result(self, pattern_text: str) -> bool:
        digits = _digits(pattern_text)
        if len(digits) != 12:
            return False
        body = [int(c) for c in digits[:11]][::-1]
        total = sum(d * (n + 1 if n <= 5 else n - 5) for n, d in enumerate(body, start=1))
        check = 0 if total % 11 <= 1 else 11 - total % 11
        return check == int(digits[11])


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
        return len(_digits(pattern_text)) not in self.counts


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

    def __init__(self):
        y, m, d = f"{D}{{1,2}}", f"{D}{{1,2}}", f"{D}{{1,2}}"
        dot = "[./／.．]"
        super().__init__(
            supported_entity="DATE_TIME", supported_language="ja", name="JpDateRecognizer",
            patterns=[
                Pattern("jp_era_kanji", rf"{_ERA}[ 　]?(?:元|{y})年[ 　]?{m}月(?:[ 　]?{d}日)?", 0.6),
                Pattern("jp_era_abbr", rf"(?<![A-Za-zＡ-Ｚａ-ｚ]){_ERA_ABBR}{y}{dot}{m}{dot}{d}{NF}", 0.5),
                Pattern("jp_western_kanji", rf"{ND}{D}{{4}}年[ 　]?{m}月(?:[ 　]?{d}日)?", 0.6),
                Pattern("jp_western_numeric", rf"{ND}{D}{{4}}[/／\-－.．]{m}[/／\-－.．]{d}{NF}", 0.5),
            ],
            context=["生年月日", "誕生日", "日付", "年月日"],
        )

    def invalidate_result(self, pattern_text: str) -> bool:
        numbers = [int(n) for n in re.findall(r"\d+", _half(pattern_text))]
        if "元年" in pattern_text:
            numbers.insert(0, 1)
        if len(numbers) < 2:
            return True
        month = numbers[1]
        day = numbers[2] if len(numbers) > 2 else 1
        return not (1 <= month <= 12 and 1 <= day <= 31)


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
              "教授", "准教授", "講師", "博士", "医師", "弁護士", "税理士", "議員", "代表")


_TRAILING_HONORIFIC = re.compile("[ 　]?(?:" + "|".join(sorted(map(re.escape, HONORIFICS), key=len, reverse=True))
                                 + ")[ 　]*$")


def name_end(span: str) -> int:
    """Where the name in a PERSON span ends: before a trailing honorific or title ("高橋様" → 2,
    "大和田支店長" → 3), or len(span) when there is none or nothing would be left of the name.
    For NER spans that swallowed the honorific: trimming them keeps the honorific unmasked."""
    m = _TRAILING_HONORIFIC.search(span)
    return m.start() if m and m.start() > 0 else len(span)


class HonorificNameRecognizer(EntityRecognizer):
    """PERSON for a name written before an honorific or title (山田太郎様, 山田さん, 田中部長):
    the tokens Sudachi tags 名詞-固有名詞-人名 (or a 固有名詞 directly before 様/さん/氏/殿) that
    end right where the honorific begins. The span is the name alone, so the honorific stays.
    Needs the NLP artifacts' tokens (GiNZA); without them (the residual re-scan) it finds nothing."""

    NAME_TAG = "名詞-固有名詞-人名"
    PROPER_TAG = "名詞-固有名詞-一般"
    STRICT = ("様", "さま", "さん", "殿", "氏")

    def __init__(self):
        super().__init__(supported_entities=["PERSON"], supported_language="ja",
                         name="JpHonorificNameRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        doc = getattr(nlp_artifacts, "tokens", None)
        if doc is None or "PERSON" not in entities or not hasattr(doc, "__iter__"):
            return []
        offsets = getattr(nlp_artifacts, "offsets", None)
        results = []
        tokens = list(doc)
        i = 0
        while i < len(tokens):
            if not tokens[i].tag_.startswith((self.NAME_TAG, self.PROPER_TAG)):
                i += 1
                continue
            j = i
            while j < len(tokens) and tokens[j].tag_.startswith(self.NAME_TAG) and not tokens[j].whitespace_:
                j += 1
            if j == i:  # a proper noun that is not a name: only before the strictest honorifics
                j = i + 1
                names = False
            else:
                names = True
            start, end = tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1].text)
            following = doc.text[end:end + 5]
            allowed = HONORIFICS if names else self.STRICT
            if following.startswith(allowed):
                if offsets is not None:
                    start, end = offsets[start], offsets[end - 1] + 1
                results.append(RecognizerResult("PERSON", start, end, 0.85 if names else 0.6,
                                                recognition_metadata={
                                                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
            i = max(j, i + 1)
        return results


def japanese_recognizers() -> list:
    return [_phone(), _postal(), _email(), MyNumberRecognizer(), CorporateNumberRecognizer(),
            _bank_account(), _driver_license(), _passport(), JpDateRecognizer(), _address(),
            HonorificNameRecognizer()]


def language_neutral_recognizers(language: str) -> list:
    if language == "en":
        return []
    return [cls(supported_language=language) for cls in
            (CreditCardRecognizer, IpRecognizer, IbanRecognizer)]
