"""A labelled English corpus of synthetic business texts for scoring PII detection.

Every document is built from a template whose slots are filled by Faker (several English locales,
plus French and German phone numbers and IBANs as an international mix) and whose gold spans are
recorded while filling, so the labels are exact. Fillers that are *not* personal data (order and
invoice numbers, amounts, dates, SKUs, versions, ticket numbers) are interleaved on purpose: they
are what an over-eager recognizer masks.

The templates were written before the recognizers were tuned and were not changed afterwards, so
the corpus does not follow the recognizers. The recognizers use no Faker word list (no name,
street or company lists): a gazetteer taken from the generator would score itself.

    python bench/pii_corpus_en.py --short 2000 --long 500 --out corpus.jsonl   # {"id","text","spans"}
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import random
import re
from dataclasses import dataclass, field

from faker import Faker

# Gold types. The scorer maps each to the Presidio types that count as finding it.
GOLD_TYPES = ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "STREET_ADDRESS", "POSTAL_CODE", "ORGANIZATION",
              "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "US_SSN", "EMPLOYEE_ID", "CUSTOMER_ID")

_SLOT = re.compile(r"\{([A-Z_]+[0-9]?)\}")

# Short business texts. Upper-case slots are filled by `_Filler`; slots whose name starts with an
# underscore-free non-PII word (ORDER, AMOUNT, DATE, ...) are fillers that carry no gold span.
SHORT = [
    "Hi {FIRST}, thanks for your order {ORDER}. We will ship it to {ADDRESS_LINE} by {DATE}.",
    "Please call {PERSON} at {PHONE} about invoice {INVOICE} ({AMOUNT}).",
    "Customer {PERSON} ({EMAIL}) reported that the {PRODUCT} stopped syncing after update {VERSION}.",
    "Refund of {AMOUNT} issued to card {CARD} for {PERSON}, ticket {TICKET}.",
    "Wire {AMOUNT} to IBAN {IBAN}, beneficiary {PERSON}, reference {INVOICE}.",
    "Login failures from {IP} for user {EMAIL} between {TIME} and {TIME2} on {DATE}.",
    "Payroll update: {PERSON}, SSN {SSN}, employee ID {EMPLOYEE_ID}, start date {DATE}.",
    "{PERSON} from {ORG} asked for a quote on {QTY} units of {PRODUCT} (SKU {SKU}).",
    "Meeting with {ORG} moved to {DATE} at {TIME}; {PERSON} will join by phone ({PHONE}).",
    "Ship to: {PERSON}, {ADDRESS_LINE}. Order {ORDER}, {QTY} items, total {AMOUNT}.",
    "Our account manager {PERSON} can be reached on {PHONE} or {EMAIL}.",
    "Customer number {CUSTOMER_ID} ({ORG}) is overdue by {DAYS} days on invoice {INVOICE}.",
    "Dear {TITLE} {LAST}, your card ending in {CARD} was declined for {AMOUNT}.",
    "The VPN gateway {IP} dropped {PERCENT} of packets on {DATE}; contact {PERSON}.",
    "Contract signed between {ORG} and {ORG2} on {DATE}, value {AMOUNT}.",
    "{PERSON} (employee {EMPLOYEE_ID}) will cover the {PRODUCT} rollout, version {VERSION}.",
    "Please update the remittance address for {ORG} to {ADDRESS_LINE}.",
    "Chargeback on {CARD}: cardholder {PERSON}, merchant ref {TICKET}, amount {AMOUNT}.",
    "New supplier {ORG}: IBAN {IBAN}, contact {EMAIL}, phone {PHONE}.",
    "Server {IP} and backup {IP2} need patching before {DATE} (change {TICKET}).",
    "Tax form for {PERSON}, SSN {SSN}, mailed to {ADDRESS_LINE}.",
    "Call back {FIRST} on {PHONE} regarding order {ORDER}.",
    "Escalated by {PERSON} at {ORG}: {QTY} failed deliveries since {DATE}.",
    "Customer {CUSTOMER_ID} asked to change the billing e-mail to {EMAIL}.",
    "Visitor badge for {PERSON} of {ORG}, host {PERSON2}, arriving {DATE} {TIME}.",
    "Please send the signed NDA to {PERSON}, {ORG}, {ADDRESS_LINE}.",
    "Fraud alert: card {CARD} used from {IP} for {AMOUNT} at {TIME}.",
    "{PERSON} updated the direct debit to IBAN {IBAN} effective {DATE}.",
    "Reminder: {PERSON} ({PHONE}) owes {AMOUNT} on account {CUSTOMER_ID}.",
    "Applicant {PERSON}, born in {YEAR}, lives at {ADDRESS_LINE}; phone {PHONE}.",
]

# Paragraphs for long documents: several of these plus PII-free prose.
PARAGRAPHS = SHORT + [
    (
        "From: {PERSON} <{EMAIL}>\nTo: {PERSON2} <{EMAIL2}>\nSubject: {PRODUCT} renewal ({TICKET})\n\n"
        "Hi {FIRST2},\nfollowing our call on {DATE}, {ORG} would like to renew {QTY} seats of {PRODUCT}. "
        "Could you send the quote to the address below?\n\nBest regards,\n{PERSON}\n{JOB}, {ORG}\n"
        "{ADDRESS_BLOCK}\nTel. {PHONE}\n"
    ),
    (
        "Incident {TICKET} ({DATE} {TIME}): the load balancer at {IP} forwarded traffic for {IP2} after a "
        "configuration change by {PERSON}. {PERCENT} of requests failed for {DAYS} minutes. {PERSON2} rolled "
        "back to version {VERSION}. No customer data left the network."
    ),
    (
        "HR note, {DATE}: {PERSON} (employee {EMPLOYEE_ID}) moves to the {DEPARTMENT} team. New desk phone "
        "{PHONE}; home address on file: {ADDRESS_LINE}. Payroll needs SSN {SSN} re-verified."
    ),
    (
        "Accounts payable: invoice {INVOICE} from {ORG} for {AMOUNT} is approved. Pay to IBAN {IBAN} "
        "within {DAYS} days. Questions go to {PERSON} at {EMAIL} or {PHONE}."
    ),
    (
        "Customer call summary ({DATE}): {PERSON}, customer number {CUSTOMER_ID}, disputed a charge of "
        "{AMOUNT} on card {CARD}. Agent {PERSON2} opened case {TICKET} and promised an answer by {DATE2}."
    ),
]

PROSE = [
    "The team reviewed the quarterly roadmap and agreed to {BS} before the next release.",
    "Attendance at the workshop was high, and the feedback on the new dashboard was positive.",
    "Shipping times improved by {PERCENT} after the warehouse switched to the new carrier.",
    "The finance team will close the books on {DATE}; late expense reports go to the next cycle.",
    "Version {VERSION} fixes the export bug and adds a {CATCH} to the reporting module.",
    "We expect to {BS} and to reduce support tickets by {PERCENT} this quarter.",
    "Orders {ORDER} and {ORDER2} were merged into one shipment of {QTY} parcels.",
    "The steering committee approved a budget of {AMOUNT} for the migration.",
    "Please keep using ticket numbers such as {TICKET} in subject lines so that replies are threaded.",
    "Stock of SKU {SKU} is down to {QTY} units; the reorder point is {QTY2}.",
    "Our priority for {YEAR} is a {CATCH} that lets customers {BS}.",
    "The office will be closed on {DATE} for maintenance of the heating system.",
]

PRODUCTS = ["Ledger Pro", "SyncBox", "Invoicer", "FieldApp", "Data Vault", "Route Planner", "HelpDesk Plus"]
DEPARTMENTS = ["finance", "logistics", "customer success", "procurement", "platform", "sales operations"]
TITLES = ["Mr.", "Ms.", "Mrs.", "Dr.", "Mx."]
PHONE_LOCALES = ["en_US"] * 5 + ["en_GB"] * 3 + ["en_AU", "en_CA", "en_CA", "fr_FR", "de_DE", "en_IN"]
IBAN_LOCALES = ["en_GB", "de_DE", "fr_FR", "nl_NL", "es_ES", "it_IT"]
CARD_TYPES = ["visa16", "visa16", "mastercard", "mastercard", "amex", "discover", "jcb16", "jcb15",
              "diners", "visa19", "visa13", "maestro"]


@dataclass
class Doc:
    id: str
    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)  # (gold type, start, end)
    kind: str = "short"

    def as_json(self) -> dict:
        return {"id": self.id, "text": self.text, "kind": self.kind,
                "spans": [{"type": t, "start": s, "end": e} for t, s, e in self.spans]}


class _Filler:
    """Fills one slot: returns (text, [(gold type, start, end) relative to the text])."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.fakers = {loc: Faker(loc) for loc in sorted(set(PHONE_LOCALES + IBAN_LOCALES + ["en_US", "en_GB", "en_AU", "en_CA"]))}
        for i, f in enumerate(self.fakers.values()):
            f.seed_instance(seed * 1000 + i)
        self.en = [self.fakers[x] for x in ("en_US", "en_US", "en_US", "en_GB", "en_GB", "en_AU", "en_CA")]

    def fake(self) -> Faker:
        return self.rng.choice(self.en)

    # -- personal data -------------------------------------------------------------------------
    def person(self):
        f = self.fake()
        style = self.rng.random()
        if style < 0.7:
            name = f"{f.first_name()} {f.last_name()}"
        elif style < 0.85:
            name = f"{f.first_name()} {f.random_uppercase_letter()}. {f.last_name()}"
        else:
            name = f.name()  # may carry a prefix or suffix (Dr., Jr., MD)
        return name, [("PERSON", 0, len(name))]

    def email(self):
        f = self.fake()
        style = self.rng.random()
        if style < 0.5:
            value = f"{f.first_name()}.{f.last_name()}@{f.free_email_domain() if self.rng.random() < .4 else f.domain_name()}".lower()
        else:
            value = f.email()
        return value, [("EMAIL_ADDRESS", 0, len(value))]

    def phone(self):
        f = self.fakers[self.rng.choice(PHONE_LOCALES)]
        value = f.phone_number()
        if self.rng.random() < 0.12 and "x" not in value:
            value += self.rng.choice([" ext. ", " x", " ext ", " extension "]) + str(self.rng.randint(10, 9999))
        return value, [("PHONE_NUMBER", 0, len(value))]

    def card(self):
        f = self.fakers["en_US"]
        kind = self.rng.choice(CARD_TYPES)
        digits = f.credit_card_number(kind)
        style = self.rng.random()
        if style < 0.35:
            value = digits
        else:
            sep = " " if style < 0.7 else "-"
            groups = [4, 6, 5] if len(digits) == 15 and kind == "amex" else \
                [4, 6, 4] if len(digits) == 14 else [4] * (len(digits) // 4) + ([len(digits) % 4] if len(digits) % 4 else [])
            parts, i = [], 0
            for g in groups:
                parts.append(digits[i:i + g])
                i += g
            value = sep.join(parts)
        return value, [("CREDIT_CARD", 0, len(value))]

    def iban(self):
        value = self.fakers[self.rng.choice(IBAN_LOCALES)].iban()
        if self.rng.random() < 0.5:
            value = " ".join(value[i:i + 4] for i in range(0, len(value), 4))
        return value, [("IBAN_CODE", 0, len(value))]

    def ip(self):
        f = self.fakers["en_US"]
        r = self.rng.random()
        value = f.ipv4_private() if r < 0.35 else f.ipv4_public() if r < 0.7 else f.ipv6()
        if r >= 0.9:  # compressed IPv6 form (a run of zero groups written as "::")
            groups = value.split(":")
            groups[2:5] = ["0", "0", "0"]
            value = str(ipaddress.IPv6Address(":".join(groups)))
        return value, [("IP_ADDRESS", 0, len(value))]

    def ssn(self):
        value = self.fakers["en_US"].ssn()
        if self.rng.random() < 0.2:
            value = value.replace("-", " ")
        return value, [("US_SSN", 0, len(value))]

    def org(self):
        value = self.fake().company()
        return value, [("ORGANIZATION", 0, len(value))]

    def address_line(self):
        """One-line address: street, city, region and postal code; street and code labelled apart."""
        loc = self.rng.choice(["en_US", "en_US", "en_US", "en_GB", "en_AU", "en_CA"])
        f = self.fakers[loc]
        street = f.street_address()
        city = f.city()
        if loc == "en_GB":
            code = f.postcode()
            text = f"{street}, {city} {code}"
            spans = [("STREET_ADDRESS", 0, len(street) + 2 + len(city)),
                     ("POSTAL_CODE", len(text) - len(code), len(text))]
        else:
            region = f.state_abbr() if loc != "en_CA" else f.province_abbr()
            code = f.postcode()
            text = f"{street}, {city}, {region} {code}"
            spans = [("STREET_ADDRESS", 0, len(text) - len(code) - 1),
                     ("POSTAL_CODE", len(text) - len(code), len(text))]
        return text, spans

    def address_block(self):
        f = self.fakers[self.rng.choice(["en_US", "en_US", "en_GB"])]
        text = f.address()
        return text, [("STREET_ADDRESS", 0, len(text))]

    def employee_id(self):
        value = f"EMP-{self.rng.randint(100000, 999999)}"
        return value, [("EMPLOYEE_ID", 0, len(value))]

    def customer_id(self):
        value = f"CU-{self.rng.randint(1000, 9999)}-{self.rng.randint(1000, 9999)}"
        return value, [("CUSTOMER_ID", 0, len(value))]

    # -- not personal data --------------------------------------------------------------------
    def plain(self, slot: str) -> str:
        r, f = self.rng, self.fakers["en_US"]
        if slot.startswith("ORDER"):
            return r.choice([f"#{r.randint(100000, 9999999)}", f"SO-{r.randint(10000, 99999)}", str(r.randint(10**7, 10**9))])
        if slot == "INVOICE":
            return r.choice([f"INV-{r.randint(2019, 2025)}-{r.randint(1, 99999):05d}", f"{r.randint(100000, 999999)}"])
        if slot == "AMOUNT":
            return r.choice([f"${r.randint(10, 99999):,}.{r.randint(0, 99):02d}", f"EUR {r.randint(10, 50000):,}",
                             f"£{r.randint(5, 9999)}.{r.randint(0, 99):02d}"])
        if slot.startswith("DATE"):
            d = f.date_between(start_date="-2y", end_date="+1y")
            return r.choice([d.strftime("%B %d, %Y"), d.isoformat(), d.strftime("%d/%m/%Y"), d.strftime("%a %d %b")])
        if slot.startswith("TIME"):
            return f"{r.randint(0, 23):02d}:{r.choice(['00', '15', '30', '45'])}"
        if slot == "TICKET":
            return r.choice([f"#{r.randint(1000, 99999)}", f"CHG{r.randint(100000, 999999)}", f"INC-{r.randint(1000, 9999)}"])
        if slot == "SKU":
            return f"{r.choice('ABCDEFGH')}{r.randint(10, 99)}-{r.randint(1000, 9999)}"
        if slot.startswith("QTY") or slot == "DAYS":
            return str(r.randint(2, 480))
        if slot == "PERCENT":
            return f"{r.randint(1, 60)}%"
        if slot == "VERSION":
            return f"{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 9)}"
        if slot == "YEAR":
            return str(r.randint(1955, 2004))
        if slot == "PRODUCT":
            return r.choice(PRODUCTS)
        if slot == "DEPARTMENT":
            return r.choice(DEPARTMENTS)
        if slot == "TITLE":
            return r.choice(TITLES)
        if slot == "BS":
            return f.bs()
        if slot == "CATCH":
            return f.catch_phrase().lower()
        if slot == "JOB":
            return f.job()
        raise KeyError(slot)

    def fill(self, slot: str):
        base = slot.rstrip("0123456789")
        if base == "PERSON":
            return self.person()
        if base in ("FIRST", "LAST"):
            f = self.fake()
            v = f.first_name() if base == "FIRST" else f.last_name()
            return v, [("PERSON", 0, len(v))]
        handlers = {"EMAIL": self.email, "PHONE": self.phone, "CARD": self.card, "IBAN": self.iban,
                    "IP": self.ip, "SSN": self.ssn, "ORG": self.org, "ADDRESS_LINE": self.address_line,
                    "ADDRESS_BLOCK": self.address_block, "EMPLOYEE_ID": self.employee_id,
                    "CUSTOMER_ID": self.customer_id}
        if base in handlers:
            return handlers[base]()
        return self.plain(slot), []


def _render(template: str, filler: _Filler, offset: int = 0) -> tuple[str, list[tuple[str, int, int]]]:
    out, spans, pos = [], [], 0
    length = offset
    for m in _SLOT.finditer(template):
        lit = template[pos:m.start()]
        out.append(lit)
        length += len(lit)
        value, value_spans = filler.fill(m.group(1))
        spans.extend((t, length + s, length + e) for t, s, e in value_spans)
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), spans


def assemble(filler, short: list[str], paragraphs: list[str], prose: list[str], n_short: int, n_long: int,
             seed: int, long_min_chars: int, paragraph_share: float) -> list[Doc]:
    """`n_short` one-template texts and `n_long` texts of at least `long_min_chars` characters made
    of paragraphs (share `paragraph_share`) and PII-free prose; shared by the English and
    Japanese corpora."""
    rng = random.Random(seed + 1)
    docs = []
    for i in range(n_short):
        text, spans = _render(short[i % len(short)] if i < len(short) else rng.choice(short), filler)
        docs.append(Doc(f"s{i:06d}", text, spans, "short"))
    for i in range(n_long):
        parts: list[str] = []
        spans: list[tuple[str, int, int]] = []
        size = 0
        while size < long_min_chars:
            template = rng.choice(paragraphs) if rng.random() < paragraph_share else rng.choice(prose)
            offset = size + (2 if parts else 0)
            text, s = _render(template, filler, offset)
            parts.append(text)
            spans.extend(s)
            size = offset + len(text)
        docs.append(Doc(f"l{i:06d}", "\n\n".join(parts), spans, "long"))
    for d in docs:  # the labels must point at the values they label
        assert all(0 <= s < e <= len(d.text) for _, s, e in d.spans), d.id
    return docs


def build_corpus(n_short: int = 2000, n_long: int = 500, seed: int = 20240601,
                 long_min_chars: int = 2000) -> list[Doc]:
    """`n_short` one-template texts and `n_long` texts of at least `long_min_chars` characters."""
    return assemble(_Filler(seed), SHORT, PARAGRAPHS, PROSE, n_short, n_long, seed, long_min_chars, 0.55)


def write_corpus_cli(description: str, build, short: int, long: int) -> None:
    """`--short/--long/--seed/--out`: write the corpus as JSONL (id, text, spans, kind)."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--short", type=int, default=short)
    ap.add_argument("--long", type=int, default=long)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(d.as_json(), ensure_ascii=False) + "\n" for d in build(args.short, args.long, args.seed))


def main() -> None:
    write_corpus_cli(__doc__.splitlines()[0], build_corpus, 2000, 500)


if __name__ == "__main__":
    main()
