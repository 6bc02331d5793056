"""A labelled Japanese corpus of synthetic business texts for scoring PII detection.

Four kinds of business document, filled by Faker's `ja_JP` provider (names, kana names,
companies, addresses, e-mail addresses) and by generators written from the formats of the
identifiers themselves (phone numbers from the numbering plan, check-digit-valid マイナンバー and
法人番号, 7-digit account numbers, 12-digit driver's licence numbers, passport numbers):

- e-mails: 宛名 + 様, body, 署名 (会社名・部署・氏名・〒住所・電話・メール);
- 議事録: 出席者 with さん / 部長 / 課長, decisions naming people;
- 問い合わせ: 氏名, フリガナ, 住所, 電話, 生年月日 (和暦 or 西暦), the question;
- 申込書: 氏名, フリガナ, 〒住所, 電話, マイナンバー, 運転免許証番号, 旅券番号, 振込先
  (銀行・支店・口座番号・口座名義), 法人番号.

Formats vary: hyphens, brackets, spaces, none; full-width and half-width digits; 〒 or 郵便番号 or
neither; names with or without the space between family and given name. Short documents (one
template) and long ones (several paragraphs and PII-free prose, at least 2,000 characters).

Gold spans are recorded while filling, so they are exact. A name's honorific or title (様, さん,
部長) is not part of its gold span: it is not personal data, and it may stay in the output.

Which dates are personal data: a birth date (生年月日, 誕生日, ... 生まれ) identifies a person with
their name or address and is what 個人情報 rules and HIPAA-style de-identification remove; the
dates of meetings, orders, deadlines and documents describe the business, not a person, and are
non-PII fillers here (masking them counts as over-masking). Gold type DATE_OF_BIRTH.

Not personal data, mixed in on purpose: order and invoice numbers (some of 7 or 12 digits, like
an account or a licence number), amounts, business dates and times, model numbers, room numbers,
departments, job titles, bank and branch names, product names.

The templates were written before the recognizers were tuned and were not changed afterwards.
The recognizers use no Faker word list (names, towns, companies): the corpus must not be able to
score itself. Faker's own ja_JP phone numbers are not used: a quarter of them have no leading 0
("62-3286-0129"), which no Japanese number has.

    python bench/pii_corpus_ja.py --short 800 --long 200 --out corpus.jsonl   # {"id","text","spans"}
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

from faker import Faker

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pii_corpus_en import (  # record, slot filling, assembly
    Doc,
    _render,
    assemble,
    write_corpus_cli,
)

# Gold types. The scorer maps each to the Presidio types that count as finding it.
GOLD_TYPES = ("PERSON", "ORGANIZATION", "EMAIL_ADDRESS", "PHONE_NUMBER", "ADDRESS", "JP_POSTAL_CODE",
              "JP_MY_NUMBER", "JP_CORPORATE_NUMBER", "JP_BANK_ACCOUNT", "JP_DRIVER_LICENSE", "JP_PASSPORT",
              "DATE_OF_BIRTH")

SIGNATURES = [
    "――――――――――――\n{ORG}\n{DEPT} {PERSON}\n〒{POSTAL} {ADDRESS}\nTEL：{PHONE}　FAX：{PHONE2}\nE-mail：{EMAIL}",
    "--\n{ORG} {DEPT}\n{JOB} {PERSON}\n{POSTAL_ADDRESS}\nTel {PHONE} / Mail {EMAIL}",
    "＊＊＊＊＊＊＊＊＊＊\n{PERSON}（{ORG}）\n電話：{PHONE}\nメール：{EMAIL}\n＊＊＊＊＊＊＊＊＊＊",
]

SHORT = [
    # e-mails
    ("{LAST}様\n\nいつもお世話になっております。{ORG}の{LAST2}です。\n{DATE}の打ち合わせ資料をお送りします。"
     "ご確認のほどよろしくお願いいたします。\n\n{SIGNATURE}"),
    ("{ORG}\n{DEPT} {PERSON}様\n\nお見積り（見積番号{ORDER}）の件でご連絡いたしました。"
     "金額は{AMOUNT}（税込）です。\n\n{SIGNATURE}"),
    ("{PERSON}様\n\nご注文（注文番号：{ORDER}）の商品を{DATE}に発送いたしました。"
     "お届け先：{POSTAL_ADDRESS}\nご不明な点は{PHONE}までお問い合わせください。"),
    ("{LAST}さん\n\nお疲れさまです。{LAST2}です。\n{PRODUCT}の件、{DATE}{TIME}から{ROOM}で打ち合わせをお願いします。"
     "資料は{LAST3}課長に確認済みです。"),
    ("各位\n\n{DEPT}の{PERSON}です。{DATE}付で{LAST}部長が着任されます。"
     "ご挨拶は{TIME}から{ROOM}にて行います。"),
    ("{ORG} 御中\n\n請求書番号{ORDER}（{AMOUNT}）のお支払い期限は{DATE}です。"
     "担当：{PERSON}（{PHONE}、{EMAIL}）"),
    # 議事録
    ("【議事録】{DATE} {TIME}〜 {ROOM}\n出席者：{LAST}部長、{LAST2}課長、{PERSON}さん、{LAST3}さん\n"
     "議題：{PRODUCT}の導入スケジュール\n決定事項：{LAST2}課長が{DATE2}までに見積書（{ORDER}）を作成する。"),
    ("議事録（{DATE}）\n参加：{ORG} {PERSON}様、当社 {LAST}主任\n"
     "内容：契約更新（{AMOUNT}）について合意。次回は{DATE2}、{ROOM}。"),
    ("定例会議メモ {DATE}\n司会：{LAST}課長　記録：{PERSON}\n"
     "・{PRODUCT}の不具合（管理番号{TICKET}）は{LAST2}さんが対応中\n・在庫{QTY}個、発注点{QTY2}個"),
    # 問い合わせ
    ("お問い合わせ\nお名前：{PERSON}\nフリガナ：{KANA}\nご住所：{POSTAL_ADDRESS}\nお電話番号：{PHONE}\n"
     "生年月日：{BIRTH}\n内容：注文番号{ORDER}の商品がまだ届いていません。"),
    ("お客様の声（受付番号{TICKET}）\n氏名：{PERSON}　電話：{PHONE}\nメール：{EMAIL}\n"
     "{PRODUCT}の使い方について教えてください。{DATE}購入、型番{MODEL}。"),
    ("【お問い合わせフォーム】\n会社名：{ORG}\n部署：{DEPT}\nご担当者様：{PERSON}\n"
     "所在地：{POSTAL_ADDRESS}\nTEL：{PHONE}\nご用件：{PRODUCT}を{QTY}台購入したい。"),
    ("{PERSON}（{BIRTH_SHORT}生まれ）から電話あり。{ADDRESS}への転居に伴い住所変更をご希望。"
     "折り返し先 {PHONE}。"),
    # 申込書
    ("【申込書】\n氏名：{PERSON}\nフリガナ：{KANA}\n生年月日：{BIRTH}\n住所：{POSTAL_ADDRESS}\n"
     "電話番号：{PHONE}\nマイナンバー：{MYNUMBER}\n申込日：{DATE}"),
    ("口座振替依頼書\nお名前：{PERSON}\n振込先：{BANK} {BRANCH}支店 {ACCOUNT_TYPE} {ACCOUNT}\n"
     "口座名義：{KANA}\n引落金額：{AMOUNT}（毎月{DAY}日）"),
    ("本人確認書類\n氏名：{PERSON}\n運転免許証番号：{LICENSE}\n旅券番号：{PASSPORT}\n"
     "確認日：{DATE}　確認者：{LAST}"),
    ("法人申込書\n法人名：{ORG}\n法人番号：{CORP}\n代表者：{PERSON}\n本店所在地：{POSTAL_ADDRESS}\n"
     "電話：{PHONE}\n申込プラン：{PRODUCT}（{AMOUNT}／月）"),
    ("会員登録申込書\n氏名：{PERSON}（{KANA}）\n生年月日：{BIRTH}\n〒{POSTAL}\n{ADDRESS}\n"
     "携帯：{PHONE}\nE-mail：{EMAIL}\n個人番号：{MYNUMBER}"),
    ("適格請求書\n発行元：{ORG}（登録番号：{INVOICE_NO}）\n請求番号：{ORDER}\n合計：{AMOUNT}\n"
     "振込先：{BANK} {BRANCH}支店 {ACCOUNT_TYPE} {ACCOUNT}"),
    ("渡航手続き申請\n申請者：{PERSON}\n旅券番号：{PASSPORT}\n生年月日：{BIRTH}\n"
     "緊急連絡先：{PERSON2}（{PHONE}）"),
]

PARAGRAPHS = SHORT + [
    ("先日は{ORG}の{PERSON}様にご来社いただき、ありがとうございました。{PRODUCT}の導入に向けて、"
     "{DATE}までに社内で検討いたします。ご質問は{LAST}（{EMAIL}）までお寄せください。"),
    ("{LAST}課長より、{DEPT}の予算（{AMOUNT}）について説明があった。{LAST2}部長は{DATE}の役員会で"
     "承認を得る方針。{PERSON}さんは取引先の{ORG}と調整する。"),
    ("お客様{PERSON}様（{PHONE}）より、{ADDRESS}宛ての配送が遅れているとのご連絡がありました。"
     "伝票番号{ORDER}、出荷日{DATE}。{LAST}さんが確認し、折り返しご連絡します。"),
]

PROSE = [
    "今期の売上は前年同期比{PERCENT}増となり、特に{PRODUCT}の販売が好調でした。",
    "来月から新しい経費精算システムを導入します。申請は{DATE}までに各部署でまとめてください。",
    "システムのバージョン{VERSION}では、帳票出力の不具合が修正されました。",
    "在庫管理の見直しにより、欠品率は{PERCENT}まで下がりました。引き続き改善を進めます。",
    "年末年始の営業日は{DATE}から{DATE2}までお休みとなります。ご了承ください。",
    "会議室の予約は社内ポータルから行ってください。{ROOM}は{TIME}以降も利用できます。",
    "品質向上のため、出荷前検査の項目を{QTY}項目に増やしました。",
    "新製品{PRODUCT}（型番{MODEL}）の発売日は{DATE}の予定です。",
    "本資料は社外秘です。取り扱いには十分ご注意ください。",
    "アンケートの回答率は{PERCENT}で、前回より改善しました。自由記述欄には多くのご意見をいただきました。",
    "受注番号{ORDER}と{ORDER2}は一括して出荷します。梱包数は{QTY}個です。",
    "次回の定例会は{DATE}の{TIME}からです。議題がある方は前日までにお知らせください。",
]

DEPTS = ["営業部", "総務部", "経理部", "人事部", "開発部", "営業企画課", "カスタマーサポート部", "購買部", "情報システム部"]
JOBS = ["部長", "課長", "主任", "係長", "マネージャー", "担当"]
PRODUCTS = ["勤怠管理クラウド", "在庫ナビ", "経費精算Pro", "受発注システム", "データ連携基盤", "顧客管理ツール"]
ROOMS = ["第1会議室", "第2会議室", "大会議室", "応接室A", "オンライン会議", "3階会議室"]
BANKS = ["みずほ銀行", "三菱UFJ銀行", "三井住友銀行", "りそな銀行", "横浜銀行", "千葉銀行", "静岡銀行", "福岡銀行"]
ACCOUNT_TYPES = ["普通", "当座", "普通預金", "口座番号", "普通 口座番号"]
HYPHENS = ["-", "-", "-", "－", "‐"]
_FULL = str.maketrans("0123456789-()ABCDEFGHIJKLMNOPQRSTUVWXYZ/.", "０１２３４５６７８９－（）ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ／．")
# 和暦: era name, abbreviation, first day.
ERAS = [("令和", "R", dt.date(2019, 5, 1)), ("平成", "H", dt.date(1989, 1, 8)), ("昭和", "S", dt.date(1926, 12, 25))]


def full(text: str) -> str:
    """Half-width digits, capitals and punctuation as typed in full width."""
    return text.translate(_FULL)


def my_number_check(body: str) -> str:
    """Check digit of a マイナンバー over its first 11 digits."""
    digits = [int(c) for c in body][::-1]
    total = sum(d * (n + 1 if n <= 6 else n - 5) for n, d in enumerate(digits, start=1))
    return str(0 if total % 11 <= 1 else 11 - total % 11)


def corporate_check(body: str) -> str:
    """Check digit (the first digit) of a 法人番号 over its other 12 digits."""
    digits = [int(c) for c in body][::-1]
    total = sum(d * (1 if n % 2 else 2) for n, d in enumerate(digits, start=1))
    return str(9 - total % 9)


class _Filler:
    """Fills one slot: returns (text, [(gold type, start, end) relative to the text])."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.f = Faker("ja_JP")
        self.f.seed_instance(seed)

    def width(self, text: str, p: float = 0.2) -> str:
        return full(text) if self.rng.random() < p else text

    # -- personal data -------------------------------------------------------------------------
    def person(self):
        last, first = self.f.last_name(), self.f.first_name()
        sep = self.rng.choice([" ", " ", "　", ""])
        name = f"{last}{sep}{first}"
        return name, [("PERSON", 0, len(name))]

    def kana(self):
        name = self.f.kana_name()
        if self.rng.random() < 0.3:
            name = name.replace(" ", "　")
        return name, [("PERSON", 0, len(name))]

    def phone(self):
        r = self.rng
        kind = r.random()
        if kind < 0.3:  # mobile / IP phone: 090-1234-5678
            groups = [r.choice(["090", "080", "070", "050"]), f"{r.randint(0, 9999):04d}", f"{r.randint(0, 9999):04d}"]
        elif kind < 0.45:  # Tokyo / Osaka: 03-1234-5678
            groups = [r.choice(["03", "06"]), f"{r.randint(1000, 9999)}", f"{r.randint(0, 9999):04d}"]
        elif kind < 0.6:  # three-digit area code: 045-123-4567
            groups = [f"0{r.randint(11, 99)}", f"{r.randint(200, 999)}", f"{r.randint(0, 9999):04d}"]
        elif kind < 0.75:  # four-digit area code: 0466-12-3456
            groups = [f"0{r.randint(120, 999)}" if r.random() < 0.5 else f"0{r.randint(1000, 9999)}"[:4],
                      f"{r.randint(10, 99)}", f"{r.randint(0, 9999):04d}"]
        elif kind < 0.9:  # toll free: 0120-123-456, 0800-123-4567
            groups = ["0120", f"{r.randint(100, 999)}", f"{r.randint(100, 999)}"] if r.random() < 0.6 else \
                ["0800", f"{r.randint(100, 999)}", f"{r.randint(0, 9999):04d}"]
        else:  # five-digit area code: 01267-2-3456
            groups = [f"0{r.randint(1000, 9999)}", f"{r.randint(0, 9)}", f"{r.randint(0, 9999):04d}"]
        style = r.random()
        if style < 0.5:
            value = r.choice(HYPHENS).join(groups)
        elif style < 0.65:
            value = "".join(groups)
        elif style < 0.75:
            value = f"({groups[0]}){groups[1]}-{groups[2]}"
        elif style < 0.85:
            value = f"{groups[0]}({groups[1]}){groups[2]}"
        elif style < 0.93:
            value = " ".join(groups)
        else:
            value = f"+81-{groups[0][1:]}-{groups[1]}-{groups[2]}"
        value = self.width(value, 0.25)
        return value, [("PHONE_NUMBER", 0, len(value))]

    def email(self):
        f, r = self.f, self.rng
        style = r.random()
        if style < 0.4:
            value = f.email()
        elif style < 0.8:
            first, last = f.first_romanized_name().lower(), f.last_romanized_name().lower()
            value = f"{r.choice([f'{first}.{last}', f'{last}.{first}', f'{first[0]}-{last}', f'{last}{r.randint(1, 99)}'])}" \
                    f"@{r.choice([f.domain_name(), 'example.co.jp', f.free_email_domain()])}"
        else:
            value = f.free_email()
        if r.random() < 0.05:
            value = value.translate(str.maketrans({c: chr(ord(c) + 0xFEE0) for c in
                                                    "abcdefghijklmnopqrstuvwxyz0123456789.@-_"}))
        return value, [("EMAIL_ADDRESS", 0, len(value))]

    def org(self):
        value = self.f.company()
        return value, [("ORGANIZATION", 0, len(value))]

    def postal(self):
        code = self.f.zipcode()  # 123-4567
        if self.rng.random() < 0.25:
            code = code.replace("-", "")
        code = self.width(code, 0.2)
        return code, [("JP_POSTAL_CODE", 0, len(code))]

    def address(self):
        f, r = self.f, self.rng
        style = r.random()
        if style < 0.5:
            value = f.address()
        else:
            block = r.choice([f"{f.chome()}{f.ban()}{f.gou()}",
                              f"{r.randint(1, 9)}-{r.randint(1, 40)}-{r.randint(1, 30)}",
                              f"{r.randint(1, 9)}丁目{r.randint(1, 40)}-{r.randint(1, 30)}",
                              f"{r.randint(1, 2000)}番地"])
            value = f"{f.prefecture()}{f.city()}{f.town()}{self.width(block, 0.3)}"
            if r.random() < 0.4:
                value += r.choice([" ", "　", ""]) + f"{f.building_name()}{r.randint(101, 1205)}" + r.choice(["", "号室"])
        return value, [("ADDRESS", 0, len(value))]

    def postal_address(self):
        code, _ = self.postal()
        addr, _ = self.address()
        lead = self.rng.choice(["〒", "〒", "〒 ", "郵便番号 ", ""])
        if not lead:  # a bare code is only read as one at the start of an address line
            code = code if "-" in code or "－" in code else f"{code[:3]}-{code[3:]}"
        sep = self.rng.choice([" ", "　", "\n"])
        text = f"{lead}{code}{sep}{addr}"
        start = len(lead)
        return text, [("JP_POSTAL_CODE", start, start + len(code)),
                      ("ADDRESS", start + len(code) + len(sep), len(text))]

    def birth(self, short: bool = False):
        r = self.rng
        d = self.f.date_of_birth(minimum_age=18, maximum_age=90)
        era = next((e for e in ERAS if d >= e[2]), ERAS[-1])
        year = d.year - era[2].year + 1
        y = "元" if year == 1 else str(year)
        if short:
            value = r.choice([f"{d.year}年", f"{era[0]}{y}年", f"{d.year}年{d.month}月"])
        else:
            value = r.choice([f"{era[0]}{y}年{d.month}月{d.day}日", f"{d.year}年{d.month}月{d.day}日",
                              f"{d.year}/{d.month:02d}/{d.day:02d}", f"{era[1]}{year}.{d.month}.{d.day}",
                              f"{d.year}-{d.month:02d}-{d.day:02d}", f"{era[0]}{y}年{d.month:02d}月{d.day:02d}日"])
        value = self.width(value, 0.2)
        return value, [("DATE_OF_BIRTH", 0, len(value))]

    def my_number(self):
        body = "".join(str(self.rng.randint(0, 9)) for _ in range(11))
        digits = body + my_number_check(body)
        style = self.rng.random()
        value = digits if style < 0.5 else " ".join((digits[:4], digits[4:8], digits[8:])) if style < 0.75 \
            else "-".join((digits[:4], digits[4:8], digits[8:]))
        value = self.width(value, 0.25)
        return value, [("JP_MY_NUMBER", 0, len(value))]

    def corporate_number(self, invoice: bool = False):
        body = "".join(str(self.rng.randint(0, 9)) for _ in range(12))
        value = ("T" if invoice else "") + corporate_check(body) + body
        value = self.width(value, 0.15)
        return value, [("JP_CORPORATE_NUMBER", 0, len(value))]

    def account(self):
        value = self.width(f"{self.rng.randint(0, 9999999):07d}", 0.2)
        return value, [("JP_BANK_ACCOUNT", 0, len(value))]

    def license(self):
        digits = f"{self.rng.choice([10, 11, 12, 13, 20, 30, 40, 45, 50, 62])}{self.rng.randint(0, 10**10 - 1):010d}"
        value = self.width(digits, 0.2)
        if self.rng.random() < 0.3:
            return f"第{value}号", [("JP_DRIVER_LICENSE", 1, 1 + len(value))]
        return value, [("JP_DRIVER_LICENSE", 0, len(value))]

    def passport(self):
        letters = self.rng.choice(["TK", "TR", "TZ", "MU", "MZ", "TH", "RE"])
        value = self.width(f"{letters}{self.rng.randint(0, 9999999):07d}", 0.2)
        return value, [("JP_PASSPORT", 0, len(value))]

    # -- not personal data --------------------------------------------------------------------
    def plain(self, slot: str) -> str:
        r, f = self.rng, self.f
        if slot.startswith("ORDER"):
            return r.choice([f"ORD-{r.randint(10000, 99999)}", f"{r.randint(10**6, 10**7 - 1)}",
                             f"{r.randint(10**11, 10**12 - 1)}", f"A{r.randint(1000, 9999)}-{r.randint(10, 99)}",
                             f"{r.randint(2019, 2025)}-{r.randint(1, 9999):04d}"])
        if slot == "AMOUNT":
            return r.choice([f"{r.randint(1, 9999) * 100:,}円", f"¥{r.randint(1, 99999) * 10:,}", f"{r.randint(1, 500)}万円"])
        if slot.startswith("DATE"):
            d = f.date_between(start_date="-2y", end_date="+1y")
            era_year = d.year - 2018
            return r.choice([f"{d.year}年{d.month}月{d.day}日", f"{d.month}月{d.day}日", f"{d.month}/{d.day}",
                             f"令和{era_year}年{d.month}月{d.day}日", f"{d.year}/{d.month:02d}/{d.day:02d}",
                             f"{d.month}月{d.day}日（{'月火水木金土日'[d.weekday()]}）"])
        if slot == "TIME":
            return r.choice([f"{r.randint(9, 18)}時", f"{r.randint(9, 18)}:{r.choice(['00', '30'])}",
                             f"午後{r.randint(1, 5)}時"])
        if slot == "TICKET":
            return r.choice([f"#{r.randint(1000, 99999)}", f"INC-{r.randint(1000, 9999)}", f"Q{r.randint(100000, 999999)}"])
        if slot == "MODEL":
            return f"{r.choice(['KX', 'TS', 'AB', 'NP'])}-{r.randint(100, 9999)}{r.choice(['', 'A', 'B', 'S'])}"
        if slot.startswith("QTY"):
            return str(r.randint(2, 480))
        if slot == "DAY":
            return str(r.choice([5, 10, 15, 20, 25, 27]))
        if slot == "PERCENT":
            return f"{r.randint(1, 60)}％" if r.random() < 0.5 else f"{r.randint(1, 60)}%"
        if slot == "VERSION":
            return f"{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 9)}"
        if slot == "PRODUCT":
            return r.choice(PRODUCTS)
        if slot == "DEPT":
            return r.choice(DEPTS)
        if slot == "JOB":
            return r.choice(JOBS)
        if slot == "ROOM":
            return r.choice(ROOMS)
        if slot == "BANK":
            return r.choice(BANKS)
        if slot == "BRANCH":
            return r.choice(["本店", "駅前", "中央", "東口", "北", "南", "新宿", "梅田", "栄", "天神"]) \
                if r.random() < 0.5 else f.town()
        if slot == "ACCOUNT_TYPE":
            return r.choice(ACCOUNT_TYPES)
        raise KeyError(slot)

    def fill(self, slot: str):
        base = slot.rstrip("0123456789")
        if base in ("PERSON",):
            return self.person()
        if base in ("LAST", "FIRST"):
            v = self.f.last_name() if base == "LAST" else self.f.first_name()
            return v, [("PERSON", 0, len(v))]
        if base == "SIGNATURE":
            return _render(self.rng.choice(SIGNATURES), self)
        handlers = {"KANA": self.kana, "PHONE": self.phone, "EMAIL": self.email, "ORG": self.org,
                    "POSTAL": self.postal, "ADDRESS": self.address, "POSTAL_ADDRESS": self.postal_address,
                    "BIRTH": self.birth, "BIRTH_SHORT": lambda: self.birth(short=True),
                    "MYNUMBER": self.my_number, "CORP": self.corporate_number,
                    "INVOICE_NO": lambda: self.corporate_number(invoice=True), "ACCOUNT": self.account,
                    "LICENSE": self.license, "PASSPORT": self.passport}
        if base in handlers:
            return handlers[base]()
        return self.plain(slot), []


def build_corpus(n_short: int = 800, n_long: int = 200, seed: int = 20240601,
                 long_min_chars: int = 2000) -> list[Doc]:
    """`n_short` one-template texts and `n_long` texts of at least `long_min_chars` characters."""
    docs = assemble(_Filler(seed), SHORT, PARAGRAPHS, PROSE, n_short, n_long, seed, long_min_chars, 0.5)
    for d in docs:  # no label starts or ends on a space
        assert all(d.text[s:e].strip() == d.text[s:e] for _, s, e in d.spans), d.id
    return docs


def main() -> None:
    write_corpus_cli(__doc__.splitlines()[0], build_corpus, 800, 200)


if __name__ == "__main__":
    main()
