"""Generate the bundled demo corpus in data/samples/ (deterministic: same bytes on every run).

Every value that looks personal is fake (Faker with a fixed seed, example.* domains, US numbers
in the fictional 555-01xx block, UK numbers in Ofcom's drama range 020 7946 0xxx). Each person
name, e-mail address and phone number written into any document - quarantined sources included -
is recorded in data/samples_planted.json so tests can check that none of them survives
anonymization. "other" holds the remaining planted identifiers (a Luhn-valid card number, an IP
address, street addresses, Japanese postal codes).

The sources also exercise the pipeline's edge cases on purpose:
  support_tickets_en/  JSONL with exactly one truncated (malformed) line in the middle
  meeting_notes_en/    .md/.txt/.html (script/style/title must not be ingested), one .txt that is
                       a byte-identical copy of another, and a binary scan_0001.pdf
  emails_ja/           Japanese business mail, inquiries and minutes
  crm_export/          CSV (text_field: body) and Parquet
  hf_faq/              a Hugging Face `datasets` folder written with save_to_disk
  partner_nc/          CC-BY-NC-4.0: denied (non-commercial)
  scraped_unknown/     no SOURCE.yaml at all: denied (no license evidence)
  forum_sharealike/    CC-BY-SA-4.0: held for steward review
  shared_drive_en/     what a company's shared drive holds: PDF (text and scanned), a PNG, DOCX,
                       XLSX, PPTX, an e-mail with attachments, a ZIP, a CP1252 text file; authors
                       and e-mail senders are planted names (metadata must never be stored)
  shared_drive_ja/     the same in Japanese, with Shift_JIS (CP932), EUC-JP, ISO-2022-JP and
                       UTF-16 text files and an ISO-2022-JP e-mail

Run `python scripts/make_samples.py` to wipe and rewrite data/samples and data/samples_planted.json.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
import shutil
from pathlib import Path

from faker import Faker

SEED = 1234
ROOT = Path(__file__).resolve().parents[1]
KIND = {"name": "person_names", "jname": "person_names", "email": "emails", "role": "emails",
        "us": "phones", "usd": "phones", "usi": "phones", "uk": "phones", "jtel": "phones",
        "jmob": "phones", "card": "other", "ip": "other", "uaddr": "other", "addr": "other",
        "zip": "other"}
AREA = ["212", "415", "312", "617", "206", "303", "512", "404"]


class Planter:
    """Invents fake values on demand, never repeating one, and records those that are planted."""

    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.en, self.ja = Faker("en_US"), Faker("ja_JP")
        self.en.seed_instance(SEED)
        self.ja.seed_instance(SEED)
        self.planted: dict[str, list[str]] = {"emails": [], "person_names": [], "phones": [],
                                              "other": []}
        self.used: set = set()
        self.texts: list[str] = []

    def unique(self, make):
        while (value := make()) in self.used:
            pass
        self.used.add(value)
        return value

    def person(self, lang: str) -> tuple[str, str, str, str]:
        """(family, given, family romanized, given romanized) of a new person."""
        if lang == "ja":
            def make():
                return self.ja.last_name_pair(), self.ja.first_name_pair()
            (fam, _, fam_r), (giv, _, giv_r) = self.unique(make)
            return fam, giv, fam_r, giv_r
        giv, fam = self.unique(lambda: (self.en.first_name(), self.en.last_name()))
        return fam, giv, re.sub(r"[^A-Za-z]", "", fam), re.sub(r"[^A-Za-z]", "", giv)

    def value(self, kind: str, person, lang: str) -> str:
        r, d = self.rng, lambda n: "".join(str(self.rng.randint(0, 9)) for _ in range(n))
        fam, giv, fam_r, giv_r = person
        domain = "example.jp" if lang == "ja" else ["example.com", "example.org"][len(fam) % 2]
        mail = f"{giv_r}.{fam_r}@{domain}".lower()  # numbered only when that address is taken
        make = {
            "name": lambda: f"{fam} {giv}" if lang == "ja" else f"{giv} {fam}",
            "jname": lambda: f"{fam}{giv}",
            "email": lambda: mail if mail not in self.used else mail.replace("@", f"{d(2)}@"),
            "role": lambda: r.choice(["support", "privacy", "billing"]) + "@example.org",
            "us": lambda: f"({r.choice(AREA)}) 555-01{d(2)}",
            "usd": lambda: f"{r.choice(AREA)}-555-01{d(2)}",
            "usi": lambda: f"+1 {r.choice(AREA)} 555 01{d(2)}",
            "uk": lambda: f"+44 20 7946 0{d(3)}",
            "jtel": lambda: f"{r.choice(['03', '06'])}-{r.randint(3, 6)}{d(3)}-{d(4)}",
            "jmob": lambda: f"{r.choice(['090', '080', '070'])}-{r.randint(1, 9)}{d(3)}-{d(4)}",
            "card": lambda: " ".join(re.findall("....", self.en.credit_card_number("visa16"))),
            "ip": lambda: f"198.51.100.{r.randint(2, 254)}",
            "uaddr": lambda: self.en.street_address() + ", " + self.en.city() + ", "
                             + self.en.state_abbr() + " " + self.en.zipcode(),
            "addr": lambda: self.ja.address().replace("\n", " ").split(" ")[0],
            "zip": lambda: self.ja.zipcode(),
            "company": lambda: (self.ja if lang == "ja" else self.en).company(),
        }[kind]
        value = make() if kind in ("name", "jname", "role") else self.unique(make)
        if kind in KIND and value not in self.planted[KIND[kind]]:
            self.planted[KIND[kind]].append(value)
        return value

    def fill(self, template: str, lang: str = "en") -> str:
        """Format one document. Keys are <kind><n> (kinds: KIND, plus `company`); `{name1}`,
        `{jname1}` (Japanese, no space) and `{email1}` belong to person 1; other keys are fresh."""
        people: dict[str, tuple] = {}
        values: dict[str, str] = {}
        for key in dict.fromkeys(re.findall(r"{(\w+)}", template)):
            kind, n = re.fullmatch(r"([a-z]+)(\d*)", key).groups()
            if n not in people and kind in ("name", "jname", "email"):
                people[n] = self.person(lang)
            values[key] = self.value(kind, people.get(n, ("", "", "", "")), lang)
        self.texts.append(text := template.format(**values))
        return text


TICKETS = [  # (customer_tier, text); the malformed line goes in after the fifth ticket
    ("pro", "Hi, this is {name1}. Since yesterday's update I can't log in to the dashboard: the page "
     "just reloads after I enter my password. My account e-mail is {email1}. Please call me back "
     "at {us1} if you need more details. Thanks!"),
    ("enterprise", "I was charged twice for the March invoice. The card on file is {card}, please "
     "refund one of the two charges as soon as possible. You can reach me at {email1} or on "
     "{uk1}. Regards, {name1}"),
    ("enterprise", "Our API requests from {ip} started returning HTTP 429 this morning although we "
     "are well below our monthly quota. Could someone check the rate limiter for our tenant? "
     "Contact: {name1}, {email1}, {usd1}."),
    ("free", "Hello support team, I'm {name1}, the admin of our workspace. The CSV export stops at "
     "10,000 rows, but we have nearly 40,000 records. Is there a way to export everything at "
     "once? Best, {name1} ({usi1})"),
    ("pro", "The password reset e-mails never reach {email1}. I checked the spam folder twice. My "
     "colleague {name2} ({email2}) has the same problem. Could you check whether our domain is "
     "blocked by your mail provider?"),
    ("free", "We would love to see a dark mode in the mobile app. Several people on my team work "
     "late shifts and the bright screen is hard on the eyes. Happy to test a beta version. "
     "{name1}, {email1}"),
    ("enterprise", "Please update our billing address to {uaddr}. From now on the invoices should "
     "be addressed to {name1}, Finance Department. Phone for billing questions: {us1}."),
    ("pro", "This is the third time I am writing about the sync failure between the calendar and "
     "the CRM. Meetings created after Monday are missing. Please escalate this to an engineer; "
     "I am available at {uk1} between 9:00 and 17:00 GMT. {name1}"),
    ("free", "I'd like to cancel my subscription at the end of the current billing period. Please "
     "send the confirmation to {email1}. Thanks for the good service over the last two years. "
     "{name1}"),
    ("enterprise", "{name1} will take over as the main contact for our account, effective next "
     "week. Please copy {email1} on all future notices and remove {name2} ({email2}) from the "
     "distribution list. The new direct line is {usd1}."),
    ("pro", "Attachments larger than 20 MB fail to upload with 'Network error', even on a wired "
     "connection. Tested in Chrome and Firefox; browser logs are attached. Reporter: {name1} "
     "<{email1}>, {usi1}."),
]
MALFORMED = "Hello, my name is {name1} and the mobile app crashes every time I open the"

NOTES = {
    "weekly_sync_2024-03-04.md": "# Weekly sync, 2024-03-04\n\nAttendees: {name1} ({email1}), "
    "{name2} ({email2}), {name3}\n\n- The Q1 release is on track; the remaining blocker is the SSO "
    "setup for two enterprise tenants.\n- {name2} drafts the migration guide by Friday.\n"
    "- Action: {name3} confirms the staging freeze date with QA.\n",
    "product_review_2024-03-11.md": "# Product review, 2024-03-11\n\nPresent: {name1}, {name2}, "
    "{name3}. Notes by {name1} ({email1}).\n\nThe team reviewed the new onboarding checklist. "
    "Completion rose from 41% to 58% in the pilot group. {name2} asked for a version without the "
    "video step for low-bandwidth users. Decision: ship it to all new workspaces on 25 March.\n",
    "retro_sprint_14.md": "# Sprint 14 retrospective\n\nFacilitator: {name1}\n\n**Went well:** "
    "the flaky integration tests were fixed and the build is green again.\n**To improve:** too "
    "many late scope changes; reviews waited more than two days on average.\n**Actions:** {name2} "
    "sets up a review rota; questions to {email2}.\n",
    "budget_planning_q2.md": "# Q2 budget planning\n\nAttendees: {name1} (Finance), {name2} "
    "(Engineering), {name3} (Marketing)\n\nCloud spend is 12% over forecast, mostly from idle GPU "
    "instances; {name2} will add auto-shutdown rules. Marketing asked for an extra 15k for the "
    "Berlin trade fair, approved pending the final quote. Send receipts to {name1}, {email1}, or "
    "call {usd1}.\n",
    "standup_2024-03-05.txt": "Daily stand-up, 5 March 2024\nAttendees: {name1}, {name2}, "
    "{name3}\n\n{name1}: finished the invoice PDF fix, starting on the export timeout.\n{name2}: "
    "blocked on access to the staging database, asked IT via {email2}.\n{name3}: on support "
    "rotation today, reachable at {us3}.\n",
    "customer_call_renewal.txt": "Call notes: {company} renewal, 12 March 2024\nParticipants: "
    "{name1} (customer, {email1}, {usi1}), {name2} (account manager)\n\nThe customer is happy "
    "with uptime but wants SAML login before renewing. {name2} promised a roadmap update by the "
    "end of the month and a 10% discount for a two-year term.\n",
    "vendor_onboarding.txt": "Vendor onboarding meeting\n\nWe met {name1} and {name2} from "
    "{company} to agree on the data processing terms. They will send the signed DPA and their "
    "security questionnaire by 20 March. Primary contact: {name1}, {email1}, {uk1}. Our side: "
    "{name3} ({email3}).\n",
    "offsite_logistics.txt": "Offsite logistics, April\n\nThe venue is booked for 40 people in "
    "Lisbon, 16-18 April. {name1} handles travel bookings: send passport names and arrival times "
    "to {email1} by 1 April. Dietary requirements go to {name2} ({email2}). Emergency number "
    "during the trip: {usi2}.\n",
}
HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: sans-serif; color: #222; }}
.banner {{ display: none; background: url("banner.png"); }}
</style>
<script>
window.analyticsQueue = window.analyticsQueue || [];
analyticsQueue.push({{ event: "page_view", page: "{slug}" }});
</script>
</head>
<body>
<h1>{title}</h1>
{body}
</body>
</html>
"""
HTML_PAGES = {
    "all_hands_2024-04.html": ("All-hands meeting, April 2024", "<p>Hosted by {name1}. Revenue "
     "grew 9% quarter over quarter and churn fell below 3% for the first time.</p>\n<p>Questions "
     "about the new travel policy go to {name2} at <a href=\"mailto:{email2}\">{email2}</a>.</p>"),
    "release_review_2024-04.html": ("Release review, version 4.2", "<p>Attendees: {name1}, "
     "{name2}.</p>\n<ul><li>Search indexing is 30% faster after the schema change.</li><li>Two "
     "regressions in the export dialog remain open.</li></ul>\n<p>Release manager: {name1}, "
     "{email1}, {us1}.</p>"),
}
MAILS_JA = {
    "mitsumori_irai.txt": "件名：業務用ノートPCのお見積もりのお願い\n\n{company}\n営業部 {name1}様\n\n"
    "いつもお世話になっております。{company2}総務部の{name2}です。\n来月入社予定の社員向けに、業務用ノートPCを"
    "15台購入する予定です。\nつきましては、今週金曜日までにお見積もりをお送りいただけますでしょうか。\n"
    "ご不明な点は、{email2}または{jtel2}までご連絡ください。\n\nよろしくお願いいたします。\n{name2}\n",
    "toiawase_haisou.txt": "件名：注文品の配送状況について\n\nご担当者様\n\n3月5日に注文した商品"
    "（注文番号：A-20240305-118）がまだ届いておりません。\nお手数ですが配送状況をご確認のうえ、"
    "お届け予定日を教えていただけますと幸いです。\n\nお届け先：〒{zip} {addr}\n連絡先：{jmob1}"
    "（平日10時〜18時）\n\n{name1}\n",
    "gijiroku_hanbai_senryaku.txt": "議事録：第2四半期 販売戦略会議\n日時：2024年4月8日（月）"
    "14:00〜15:30\n出席者：{name1}、{name2}、{name3}\n\n1. 前四半期の売上は目標比104%で着地した。\n"
    "2. 関西エリアの新規代理店開拓は{name2}が担当する。\n3. 次回会議までに{name3}が販促予算案を作成し、"
    "{email3}から関係者に共有する。\n\n以上\n",
    "mensetsu_annai.txt": "件名：一次面接日程のご案内\n\n{name1}様\n\nこのたびは弊社の中途採用に"
    "ご応募いただき、誠にありがとうございます。\n一次面接を4月15日（月）13時より、本社会議室にて実施いたします。"
    "\n所在地：〒{zip} {addr}\nご都合が悪い場合は、人事部 {name2}（{email2}、{jtel2}）までお知らせください。"
    "\n\n{company}\n人事部 {name2}\n",
    "seikyusho_saihakko.txt": "件名：請求書再発行のお願い\n\n{company}\n経理部 御中\n\n"
    "お世話になっております。{company2}の{name1}です。\n3月分の請求書の宛名に誤りがございましたので、"
    "再発行をお願いできますでしょうか。\n正しい宛名は「{company2} 経理部 {name1}」です。\n"
    "お手数ですが、PDFを{email1}宛にお送りいただけますと助かります。\n",
    "shogai_houkoku.txt": "件名：【障害報告】社内ポータルへのログイン不具合について\n\n各位\n\n"
    "本日9時20分頃から、社内ポータルにログインできない障害が発生しておりました。\n原因は認証サーバーの"
    "証明書更新漏れで、10時05分に復旧しております。\n再発防止策として、証明書の有効期限を自動で監視する"
    "仕組みを導入します。\nお問い合わせは情報システム部 {name1}（{email1}／{jmob1}）までお願いいたします。\n",
    "uchiawase_chousei.txt": "件名：次回お打ち合わせ日程のご相談\n\n{company}\n{name1}様\n\n"
    "先日はお忙しいところお時間をいただき、ありがとうございました。\n新サービスの導入について、次回の"
    "お打ち合わせを下記のいずれかでお願いできますでしょうか。\n・4月10日（水）15時〜\n・4月11日（木）"
    "10時〜\nオンラインでの実施も可能です。\n\n{company2}\n{name2}\nメール：{email2}　携帯：{jmob2}\n",
    "gijiroku_kaihatsu_teirei.txt": "議事録：開発定例（第23回）\n出席者：{jname1}、{jname2}、"
    "{name3}\n\n・決済機能のリリース日は4月22日に決定した。\n・負荷試験で応答遅延が見つかったため、"
    "{jname2}が原因を調査し、来週中に報告する。\n・次回は4月17日（水）に開催する。議事録担当は"
    "{name3}（{email3}）。\n",
    "tenjikai_orei.txt": "件名：展示会ご来場のお礼\n\n{company}\n{name1}様\n\n先日は弊社ブースに"
    "お立ち寄りいただき、誠にありがとうございました。\nご関心をお寄せいただいた在庫管理システムの"
    "資料を添付いたします。\nデモのご要望がございましたら、{email2}までお気軽にお申し付けください。\n\n"
    "{company2}\n営業部 {name2}\nTEL：{jtel2}\n",
    "jusho_henkou.txt": "件名：登録住所変更のお願い\n\n会員番号 M-48213 の{name1}です。\n転居に伴い、"
    "登録住所の変更をお願いいたします。\n\n新住所：〒{zip} {addr}\n電話番号：{jtel1}\n携帯電話："
    "{jmob1}\n\n変更手続きが完了しましたら、{email1}までご連絡いただけますと幸いです。\n",
}
CRM_NOTES = [
    ("NA", "Spoke with {name1} about extending the pilot; they want 20 more seats from May. "
     "Sent the revised quote and asked for a decision by the end of the month. Follow up at "
     "{email1}."),
    ("NA", "{name1} ({usd1}) complained about slow support response times during the outage last "
     "week. Offered a one-month service credit, which was accepted."),
    ("EMEA", "Renewal meeting with {name1} and {name2} went well. They asked for a three-year term "
     "with annual payments. Send the updated order form to {email2}."),
    ("EMEA", "Webinar lead: {name1}, head of operations at {company}. Interested in the analytics "
     "add-on and prefers to be contacted by phone on {uk1}."),
    ("APAC", "Billing contact changed to {name1} <{email1}>. The previous contact, {name2}, has "
     "left the company; remove them from all mailing lists."),
    ("EMEA", "Customer asked whether their data can be hosted in the EU only. Forwarded the "
     "question to legal; {name1} ({email1}) will reply by Friday."),
]
CRM_HISTORY = [
    "2023-11-02: First contact with {name1} at a trade fair in Chicago. Interested in replacing "
    "their spreadsheet-based inventory process. Card exchanged: {email1}, {us1}.",
    "2023-12-14: Demo for {name1} and three colleagues. Main concerns were data migration and "
    "user training. Agreed on a 30-day trial starting in January.",
    "2024-01-20: Trial check-in call with {name1} ({usi1}). Usage is high in the warehouse team, "
    "low in finance. Scheduled a training session for the finance users.",
    "2024-02-28: Contract signed by {name1}, CFO. Onboarding handed over to {name2} "
    "({email2}); kickoff planned for the first week of March.",
    "2024-03-15: Quarterly review with {name1}. Satisfaction is good overall; they asked about "
    "an API for their ERP system and a sandbox account. Product team informed.",
]
FAQ = [
    "How do I reset my password? Open the login page and choose 'Forgot password'. A reset link "
    "that is valid for 30 minutes is sent to your registered address. If it does not arrive "
    "within a few minutes, write to {role1}.",
    "Can I export my data? Yes. Workspace admins can export all records as CSV or JSON from "
    "Settings > Data. Exports larger than 1 GB are split into several files and delivered as "
    "download links that expire after seven days.",
    "How is my personal data protected? All data is encrypted in transit and at rest, and access "
    "is logged. Our data protection officer, {name1}, can be reached at {email1} for any "
    "request about your personal data.",
    "Which payment methods do you accept? We accept major credit cards and bank transfer for "
    "annual plans. Invoices are issued in USD or EUR. For questions about an invoice, please "
    "contact {role1}.",
    "Do you offer discounts for non-profit organisations? Yes, registered non-profits and "
    "schools receive 40% off all paid plans. Apply from the billing page and attach proof of "
    "your status; we usually answer within three business days.",
]
OTHERS = {  # source -> {file name: template}
    "partner_nc": {
        "partner_brief_northwind.txt": "Partner brief: joint go-to-market for the retail segment. "
        "{company} will co-host two webinars in Q2 and share lead lists under the partner "
        "agreement. Partner lead: {name1} ({email1}, {usd1}).\n",
        "partner_pricing_2024.txt": "Partner price list 2024, confidential. Resellers receive 25% "
        "off list price for the first 100 seats and 30% above that. Questions about deal "
        "registration go to {name1} at {email1}.\n",
        "partner_case_study.txt": "Case study draft: how {company} cut onboarding time by half. "
        "Interview with {name1}, IT director, conducted by {name2} on 4 March. Approval pending "
        "from the partner's legal team; contact {uk1}.\n",
    },
    "scraped_unknown": {
        "page_0001.txt": "Contact us: our sales team answers within one business day. For "
        "partnership requests write to {name1} at {email1} or call {us1}. Office hours are "
        "Monday to Friday, 9 to 5.\n",
        "page_0002.txt": "Team page. {name1} founded the company in 2015 after ten years in "
        "logistics. {name2} leads engineering and previously built routing software for "
        "delivery fleets. Press enquiries: {email2}.\n",
    },
    "forum_sharealike": {
        "thread_0412.txt": "Re: Export stops at 10,000 rows. I hit the same limit last month. "
        "The workaround is to filter by date and export each quarter separately, then merge the "
        "files. Posted by {name1}; feel free to mail me at {email1} if you get stuck.\n",
        "thread_0588.txt": "Tip: dark mode in the mobile app. Until it ships, the system-wide "
        "inverted colours setting works surprisingly well on both platforms. Thanks to {name1} "
        "for pointing this out in the last community call.\n",
    },
}
SOURCES = {  # source -> (license, owner, purpose, language, extra SOURCE.yaml lines)
    "support_tickets_en": ("Apache-2.0", "Customer Support", "support assistant training", "en", ""),
    "meeting_notes_en": ("CC-BY-4.0", "Operations", "internal summarisation model", "en", ""),
    "emails_ja": ("CC-BY-4.0", "営業本部", "日本語業務メールの要約モデル", "ja", ""),
    "crm_export": ("MIT", "Sales Operations", "CRM note classification", "en", "text_field: body\n"),
    "hf_faq": ("CC0-1.0", "Documentation Team", "FAQ answering", "en", ""),
    "partner_nc": ("CC-BY-NC-4.0", "Partner Management", "partner content reuse", "en", ""),
    "forum_sharealike": ("CC-BY-SA-4.0", "Community Team", "community answer mining", "en", ""),
    "shared_drive_en": ("CC-BY-4.0", "Operations", "internal document assistant", "en", ""),
    "shared_drive_ja": ("CC-BY-4.0", "総務部", "社内文書アシスタント", "ja", ""),
}
PART = "\x1e"  # separates the parts of one document's template: one set of people for all parts
FIXED_TIME = (2025, 1, 1, 0, 0, 0)

SHARED_DRIVE_EN = {
    "policy_memo.docx": PART.join([
        "{name1}",  # the document's author (core properties): metadata, never stored
        "Travel policy update, effective 1 May. Bookings above 2,000 USD need approval from {name2}. "
        "Send questions to {email2} or call {usd2}.",
        "Receipts are scanned and uploaded within 14 days; the finance team reconciles them monthly.",
        "Internal: Operations", "Owner: {name1}",
        "Please check the approval threshold with {name3} before publishing."]),
    "headcount.xlsx": PART.join([
        "{name1}", "Team\tLead\tFocus this quarter",
        "Platform\t{name2}\tMoving the build system to remote caching; questions to {email2}",
        "Data\t{name3}\tRefreshing the churn model and retiring two old dashboards (call {us3})",
        "Quarter\tHires\tBudget\tNote", "Q1\t3\t240000\tTwo backend engineers and one analyst",
        "Q2\t2\t180000\tHiring resumes in May after the freeze"]),
    "kickoff.pptx": PART.join([
        "{name1}", "Project kickoff: warehouse routing\nGoal: cut delivery delays by 20% this year",
        "Presenter {name2} introduces the team; contact {email2} for the slides.",
        "Timeline\nPilot in June, rollout in September across the three regions",
        "Ask {name3} ({us3}) about the budget line before the steering meeting."]),
    "vendor_thread.eml": PART.join([
        "{name1}", "{email1}", "{name2}", "{email2}", "Renewal of the support contract",
        "Hi {name2},\n\nthanks for the quote. We would like to renew the support contract for another "
        "year at the same service level. The signed order form is attached; the purchase order "
        "follows from procurement.\n\nRegards,\n{name1}\n{usi1}",
        "Order notes: the renewal covers 40 seats and two sandbox tenants. Billing contact is "
        "{name3} ({email3}); invoices in USD, net 30."]),
    "archive_2023.zip": PART.join([
        "# Offsite 2023 notes\n\nOrganised by {name1} ({email1}). The team agreed to move the "
        "quarterly planning to the first week of each quarter and to publish minutes within two days.",
        "Lessons learned from the 2023 migration: freeze schema changes two weeks before cutover, "
        "rehearse the rollback, and name one owner per service. Questions to {name2}, {uk2}."]),
    "quarterly_report.pdf": PART.join([
        "{name1}",  # the PDF's Author (Info dictionary): metadata, never stored
        "Quarterly operations report, Q1. Delivery delays fell from 7.1% to 5.4% after the routing "
        "pilot in the northern region. The pilot team was led by {name2}; questions go to {email2}.",
        "Outlook for Q2. The rollout continues in two more regions. Budget owner: {name3}, "
        "phone {usd3}. Risks: carrier capacity in June and the warehouse move in Osaka."]),
    "scanned_letter.pdf": PART.join([
        "{name1}",
        "Dear {name2}, we confirm the delivery of 40 pallets to the Denver warehouse on 12 May. "
        "Please call {us1} if the unloading slot changes. Kind regards, {name1}"]),
    "whiteboard.png": PART.join([
        "{name1}",  # EXIF Artist: metadata, never stored
        "Retro actions: shorten the review queue, pair on the flaky tests, ask {name2} about the "
        "staging budget."]),
    "legacy_notes_cp1252.txt": "Café meeting notes — the naïve forecast missed by 12%. {name1} "
    "(tel. {uk1}) will rework the model with the regional sales data before the next review.\n",
}
SHARED_DRIVE_JA = {
    "gijiroku.docx": PART.join([
        "{name1}",
        "営業会議議事録。出席者は{name2}、{name3}。次回の展示会は東京ビッグサイトで開催予定で、"
        "資料の準備は{name2}が担当する。問い合わせは{email2}まで。",
        "予算については来週までに再見積もりを行い、{name3}が取りまとめる。",
        "社外秘", "作成者 {name1}", "{name3}さん、見積もりの期限を確認してください。"]),
    "yosan.xlsx": PART.join([
        "{name1}", "部署\t担当者\t今期の重点",
        "営業部\t{name2}\t関西地区の新規顧客開拓。連絡先は{jtel2}",
        "開発部\t{name3}\t物流システムの性能改善と旧画面の廃止（{jmob3}）",
        "時期\t予算\t備考", "四月から六月\t1200000\t展示会の出展費用を含む",
        "七月から九月\t900000\t採用活動の再開に合わせて見直す"]),
    "teian.pptx": PART.join([
        "{name1}", "新物流システムの提案\n配送遅延を二割削減することを目標とする",
        "発表者は{name2}です。資料の送付先は{email2}です。",
        "スケジュール\n六月に試験運用、九月に全国展開",
        "予算の詳細は{name3}（{jtel3}）に確認してください。"]),
    "renraku.eml": PART.join([
        "{name1}", "{email1}", "{name2}", "{email2}", "打ち合わせ日程のご連絡",
        "{name2}様\n\nいつもお世話になっております。来週の打ち合わせは水曜日の午後二時から、"
        "本社三階の会議室で行います。資料を添付いたしますので、ご確認ください。\n\n{name1}\n{jtel1}",
        "添付資料：議題は新規案件の進め方と予算配分です。担当は{name3}です。"]),
    "hokokusho.pdf": PART.join([
        "{name1}",
        "第1四半期の業務報告。配送遅延率は7.1%から5.4%に改善した。試験運用の責任者は{name2}で、"
        "問い合わせは{email2}まで。",
        "第2四半期の見通し。さらに二つの地域で展開を進める。予算の責任者は{name3}（{jtel3}）である。"]),
    "scan_memo.png": PART.join([
        "{name1}",
        "業務連絡。来週の倉庫移転に伴い、出荷作業は水曜日から木曜日に変更します。"]),
    "kyu_shiryo_sjis.txt": "旧システムの移行計画。担当者は{name1}（{jtel1}）で、データ移行は来月末までに"
    "完了する予定である。問題があれば{email1}へ連絡すること。\n",
    "nippo_eucjp.txt": "日報。本日は顧客訪問を三件行った。{name1}様から新製品についての問い合わせがあり、"
    "後日資料を送付する。連絡先は{jmob1}。\n",
    "oshirase_jis.txt": "お知らせ。社内システムの保守作業のため、土曜日の午前中は利用できません。"
    "ご不明な点は{name1}までお問い合わせください。\n",
    "memo_utf16.txt": "メモ。来期の採用計画について、{name1}と{name2}で面接日程を調整する。"
    "候補者への連絡は{email1}から行う。\n",
}
ENCODINGS = {"legacy_notes_cp1252.txt": "cp1252", "kyu_shiryo_sjis.txt": "cp932", "nippo_eucjp.txt": "euc_jp",
             "oshirase_jis.txt": "iso2022_jp", "memo_utf16.txt": "utf_16_le"}


def write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def generate(out_dir: Path) -> dict:
    """Write the demo corpus under out_dir and return the planted values by kind."""
    import datasets
    import pyarrow as pa
    import pyarrow.parquet as pq

    out, p = Path(out_dir), Planter()
    for source, (lic, owner, purpose, lang, extra) in SOURCES.items():
        write(out / source / "SOURCE.yaml", f"license: {lic}\nowner: {owner}\n"
              f"purpose: \"{purpose}\"\nlanguage: {lang}\n{extra}")

    lines = [{"text": p.fill(text), "customer_tier": tier} for tier, text in TICKETS]
    lines.insert(5, None)  # the malformed line: an object cut off in the middle of its text
    lines = ['{"id": "T-1006", "text": "' + p.fill(MALFORMED) if line is None else json.dumps(
        {"id": f"T-{1001 + i}", **line}, ensure_ascii=False) for i, line in enumerate(lines)]
    write(out / "support_tickets_en" / "tickets.jsonl", "\n".join(lines) + "\n")

    notes = out / "meeting_notes_en"
    for name, template in NOTES.items():
        write(notes / name, p.fill(template))
    shutil.copyfile(notes / "standup_2024-03-05.txt", notes / "standup_2024-03-05_copy.txt")
    for name, (title, body) in HTML_PAGES.items():
        write(notes / name, HTML.format(title=title, slug=name[:-5], body=p.fill(body)))
    scan = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + p.rng.randbytes(400))
    scan[40:44] = b"\x00\xff\x00\xfe"  # NUL bytes and bytes that are never valid UTF-8
    write(notes / "scan_0001.pdf", bytes(scan))

    for name, template in MAILS_JA.items():
        write(out / "emails_ja" / name, p.fill(template, "ja"))

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["note_id", "body", "region"])
    writer.writerows([f"N-{201 + i}", p.fill(t), region] for i, (region, t) in enumerate(CRM_NOTES))
    write(out / "crm_export" / "notes.csv", buf.getvalue())
    pq.write_table(pa.table({"id": [f"H-{301 + i}" for i in range(len(CRM_HISTORY))],
                             "body": [p.fill(t) for t in CRM_HISTORY]}),
                   out / "crm_export" / "history.parquet")

    datasets.disable_progress_bars()
    faq = datasets.Dataset.from_dict(
        {"text": [p.fill(t) for t in FAQ], "id": [f"faq-{i + 1}" for i in range(len(FAQ))]},
        info=datasets.DatasetInfo(description="Product FAQ answers", license="CC0-1.0"))
    faq.save_to_disk(str(out / "hf_faq" / "faq_dataset"))

    for source, files in OTHERS.items():
        for name, template in files.items():
            write(out / source / name, p.fill(template))

    shared_drive(out / "shared_drive_en", p, SHARED_DRIVE_EN, "en")
    shared_drive(out / "shared_drive_ja", p, SHARED_DRIVE_JA, "ja")

    missing = [v for vs in p.planted.values() for v in vs if not any(v in t for t in p.texts)]
    assert not missing, f"recorded but not planted: {missing}"
    return p.planted


def shared_drive(folder: Path, p: Planter, templates: dict[str, str], lang: str) -> None:
    """The formats a company's shared drive holds, written with the libraries that read them."""
    import sys

    sys.path.insert(0, str(ROOT))
    from scripts.sample_files import archive, encodings, mail, office, pdf

    for name, template in templates.items():
        parts = p.fill(template, lang).split(PART)
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name in ENCODINGS:
            encodings.write_text(path, parts[0], ENCODINGS[name])
        elif name.endswith(".pdf") and name.startswith("scanned"):
            author, *pages = parts
            pdf.write_scanned_pdf(path, pages, lang, author=author)
        elif name.endswith(".pdf"):
            author, *pages = parts
            pdf.write_pdf(path, pages, lang, author=author)
        elif name.endswith(".png"):
            artist, text = parts
            pdf.write_image(path, text, lang, artist=artist)
        elif name.endswith(".docx"):
            author, body, second, header, footer, comment = parts
            office.write_docx(path, [body, second], table=[["Item", "Owner"], ["Draft", "Operations"]],
                              header=header, footer=footer, comment=comment, author=author, last_modified_by=author)
        elif name.endswith(".xlsx"):
            author, *rows = parts
            sheets = [[r.split("\t") for r in rows[:3]], [r.split("\t") for r in rows[3:]]]
            office.write_xlsx(path, sheets, author=author, last_modified_by=author)
        elif name.endswith(".pptx"):
            author, title1, notes1, title2, notes2 = parts
            office.write_pptx(path, [(title1, notes1), (title2, notes2)], author=author, last_modified_by=author)
        elif name.endswith(".eml"):
            sender, sender_mail, to, to_mail, subject, body, attachment = parts
            charset = "iso-2022-jp" if lang == "ja" else "utf-8"
            mail.write_eml(path, (sender, sender_mail), [(to, to_mail)], subject, body,
                           attachments=[("notes.txt", attachment)], charset=charset)
        elif name.endswith(".zip"):
            minutes, lessons = parts
            archive.write_zip(path, {"offsite/minutes.md": minutes.encode(), "lessons_learned.txt": lessons.encode(),
                                     "tools/export.bin": bytes(range(256))})
        if path.suffix in (".docx", ".xlsx", ".pptx", ".zip"):
            fixed_zip_times(path)


def fixed_zip_times(path: Path) -> None:
    """Rewrite a ZIP (Office files are ZIPs) with fixed member times and document dates, so that
    the samples are the same bytes on every run."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2025-01-01T00:00:00Z", data)
            data = re.sub(rb'(w:date=")[^"]*', rb"\g<1>2025-01-01T00:00:00Z", data)  # comment times
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME)
            fixed.compress_type, fixed.external_attr, fixed.create_system = (
                zipfile.ZIP_DEFLATED, info.external_attr, info.create_system)
            target.writestr(fixed, data)


if __name__ == "__main__":
    target = ROOT / "data" / "samples"
    shutil.rmtree(target, ignore_errors=True)
    planted = generate(target)
    (ROOT / "data" / "samples_planted.json").write_text(
        json.dumps(planted, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {target} and data/samples_planted.json:",
          ", ".join(f"{len(v)} {k}" for k, v in planted.items()))
