"""A gold JSONL corpus of international business English, written without Faker, for PII tuning.

Issue 17: a held-out corpus of business English with international addresses, phones, cards and
IBANs scored far below the project's own synthetic bench, whose formats come from Faker and were
known while the rules were written. This generator writes the formats from national conventions
instead (UPU postal address layouts per country, national phone numbering, card and IBAN print
forms), with its own small vocabularies of street, city and company words per country, embedded in
business prose (invoices, signatures, shipping notices, tickets, HR letters, onboarding forms,
meeting notes) next to non-PII look-alikes (order numbers, amounts, dates, SKUs, versions, room
and statute numbers) that a recognizer must leave alone.

Templates come in two groups: tune on group A with seed 1, check on group B with seed 2, so a rule
fitted to one group's wording does not score itself. Output is the gold format of
../shared/corpora/README.md; street lines are STREET_ADDRESS and postal codes POSTAL_CODE (both
count as LOCATION in curation.pii.evaluate), cities, regions and countries LOCATION.

    python bench/pii_corpus_business.py --group A --seed 1 --docs 600 --out /tmp/biz_A.jsonl
    python bench/pii_corpus_business.py --group B --seed 2 --docs 600 --out /tmp/biz_B.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import string
from dataclasses import dataclass, field

import phonenumbers

Seg = tuple[str, str | None]  # (text, gold type or None)


@dataclass
class Doc:
    """Text under construction with its gold spans recorded as pieces are appended."""

    parts: list[str] = field(default_factory=list)
    spans: list[dict] = field(default_factory=list)
    n: int = 0

    def t(self, s: str) -> Doc:
        self.parts.append(s)
        self.n += len(s)
        return self

    def p(self, typ: str | None, s: str) -> Doc:
        if typ and s:
            self.spans.append({"type": typ, "start": self.n, "end": self.n + len(s), "value": s,
                               "source_type": typ})
        return self.t(s)

    def segs(self, segs: list[Seg]) -> Doc:
        for s, typ in segs:
            self.p(typ, s)
        return self

    def text(self) -> str:
        return "".join(self.parts)


# ---- people and organisations -------------------------------------------------------------------

FIRST = {
    "de": ["Katrin", "Jürgen", "Lukas", "Anneliese", "Matthias", "Sabine", "Florian", "Henrike"],
    "nl": ["Joost", "Marieke", "Sander", "Femke", "Pieter", "Anouk"],
    "fr": ["Élodie", "Benoît", "Camille", "Thierry", "Sandrine", "Étienne"],
    "es": ["Lucía", "Álvaro", "Carmen", "Javier", "Nerea", "Iñigo"],
    "it": ["Giulia", "Lorenzo", "Chiara", "Matteo", "Francesca", "Davide"],
    "pt": ["João", "Beatriz", "Rafael", "Mariana", "Thiago", "Larissa"],
    "en": ["Margaret", "Oliver", "Priya", "Connor", "Hannah", "Desmond", "Tamsin", "Wesley", "Gwen"],
    "in": ["Ananya", "Rohit", "Kavitha", "Siddharth", "Meenakshi", "Arjun"],
    "sg": ["Wei Ling", "Jun Hao", "Hui Min", "Kumaravel", "Nurul"],
    "jp": ["Haruka", "Takeshi", "Yuki", "Kenta", "Naoko", "Shota"],
    "pl": ["Agnieszka", "Tomasz", "Magdalena", "Krzysztof"],
    "se": ["Linnea", "Oskar", "Ingrid", "Gustav"],
}
LAST = {
    "de": ["Hoffmann", "Brandtner", "Kessler", "Wegener", "Lindqvist-Maier", "Oberholzer", "Falkenrath"],
    "nl": ["de Vries", "Bakker", "van der Meulen", "Visser", "Smits", "Jansen"],
    "fr": ["Lefèvre", "Moreau", "Garnier", "Dubois-Perrin", "Rousseau", "Chevalier"],
    "es": ["García Ortega", "Fernández", "Ruiz", "Etxeberria", "Morales", "Navarro"],
    "it": ["Bianchi", "Ferraro", "Esposito", "Colombo", "Ricci", "De Luca"],
    "pt": ["Carvalho", "Pereira", "Oliveira Santos", "Almeida", "Ferreira", "Costa"],
    "en": ["Whitfield", "O'Sullivan", "Patel", "Hargreaves", "McAllister", "Okafor", "Brennan", "Ashworth"],
    "in": ["Raghavan", "Iyer", "Deshpande", "Chatterjee", "Nair", "Malhotra"],
    "sg": ["Tan", "Lim", "Goh", "Rajaratnam", "binte Ismail"],
    "jp": ["Takahashi", "Yamamoto", "Nakamura", "Kobayashi", "Watanabe", "Fujita"],
    "pl": ["Kowalczyk", "Wiśniewski", "Zielińska", "Nowak"],
    "se": ["Lindgren", "Bergström", "Holmqvist", "Sandberg"],
}
ORG_STEM = ["Brightwell", "Nordhafen", "Castelmare", "Solvia", "Tidewater", "Kestrel", "Altamira", "Veldhoven",
            "Bluepeak", "Harrowgate", "Lumenis", "Oakridge", "Marlow & Finch", "Sakura Koki", "Quintal",
            "Westerland", "Greyfield", "Pinecrest", "Arvani", "Montclair"]
ORG_MID = ["Logistics", "Consulting", "Medical Systems", "Packaging", "Analytics", "Foods", "Engineering",
           "Textiles", "Software", "Trading", "Freight", "Components"]
ORG_SUFFIX = {"de": ["GmbH", "AG", "GmbH & Co. KG"], "at": ["GmbH"], "ch": ["AG", "SA"], "nl": ["B.V.", "N.V."],
              "be": ["NV", "SRL"], "fr": ["SAS", "SARL", "S.A."], "es": ["S.L.", "S.A."], "it": ["S.p.A.", "S.r.l."],
              "pt": ["Lda.", "S.A."], "br": ["Ltda.", "S.A."], "uk": ["Ltd", "PLC", "LLP"], "ie": ["Ltd", "DAC"],
              "us": ["Inc.", "LLC", "Corp."], "ca": ["Inc.", "Ltd."], "au": ["Pty Ltd"], "nz": ["Limited"],
              "in": ["Pvt. Ltd.", "Private Limited", "LLP"], "sg": ["Pte. Ltd."], "jp": ["K.K.", "Co., Ltd."],
              "mx": ["S.A. de C.V."], "pl": ["sp. z o.o."], "se": ["AB"]}


# ---- addresses by country ------------------------------------------------------------------------
# Each returns (lines, city line parts known) as lists of segments; the renderers join lines with
# ", " (inline) or newlines (blocks). Vocabularies are this file's own, a few words per country.

def _ord(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _num(r: random.Random, lo=1, hi=240) -> str:
    n = str(r.randint(lo, hi))
    return n + (r.choice("ab") if r.random() < 0.1 else "")


DE_STREET = ["Linden", "Wingert", "Mühlbach", "Eichendorff", "Kastanien", "Rosen", "Schiller", "Hafen", "Birken"]
DE_TYPE = ["straße", "str.", "weg", "allee", "ring", "gasse", "damm", "platz"]
DE_CITY = [("München", "80", 331, 999), ("Berlin", "10", 115, 999), ("Hamburg", "2", 95, 2769),
           ("Köln", "50", 667, 999), ("Leipzig", "04", 103, 357), ("Stuttgart", "70", 173, 629),
           ("Frankfurt am Main", "60", 311, 599), ("Dresden", "01", 67, 328)]
CH_CITY = [("Zürich", "80", 1, 99), ("Basel", "40", 1, 59), ("Bern", "30", 0, 30), ("Lausanne", "10", 3, 18)]
AT_CITY = [("Wien", "1", 10, 230), ("Graz", "80", 10, 60), ("Linz", "40", 20, 40), ("Salzburg", "50", 20, 30)]


def addr_de(r: random.Random, country: str = "de") -> list[list[Seg]]:
    if country == "de":
        city, pre, lo, hi = r.choice(DE_CITY)
        pc = pre + str(r.randint(lo, hi)).zfill(5 - len(pre))
    elif country == "at":
        city, pre, lo, hi = r.choice(AT_CITY)
        pc = pre + str(r.randint(lo, hi)).zfill(4 - len(pre))
    else:
        city, pre, lo, hi = r.choice(CH_CITY)
        pc = pre + str(r.randint(lo, hi)).zfill(4 - len(pre))
    kind = r.random()
    ty = r.choice(DE_TYPE)
    if country == "ch":
        ty = ty.replace("ß", "ss")
    if kind < 0.15:
        street = f"Am {r.choice(DE_STREET)}{r.choice(['hof', 'berg', 'graben'])} {_num(r)}"
    elif kind < 0.3:
        street = f"{r.choice(DE_STREET)}{ty} {_num(r)}/{r.randint(1, 9)}" if country == "at" \
            else f"{r.choice(['Alte', 'Neue', 'Obere'])} {r.choice(DE_STREET)}{ty.replace('str.', 'straße')} {_num(r)}"
    else:
        street = f"{r.choice(DE_STREET)}{ty} {_num(r)}"
    lines: list[list[Seg]] = []
    if r.random() < 0.12:
        lines.append([(f"Postfach {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)}", "STREET_ADDRESS")])
    else:
        lines.append([(street, "STREET_ADDRESS")])
    pfx = {"de": "D-", "at": "A-", "ch": "CH-"}[country] if r.random() < 0.15 else ""
    lines.append([(pfx + pc, "POSTAL_CODE"), (" ", None), (city, "LOCATION")])
    return lines


NL_STREET = ["Keizers", "Heren", "Prinsen", "Linde", "Vondel", "Molen", "Beuken", "Zeeburger"]
NL_TYPE = ["gracht", "straat", "laan", "weg", "plein", "kade", "singel"]
NL_CITY = [("Amsterdam", 1011, 1109), ("Rotterdam", 3011, 3089), ("Utrecht", 3511, 3585), ("Eindhoven", 5611, 5658),
           ("Den Haag", 2511, 2597)]


def addr_nl(r: random.Random) -> list[list[Seg]]:
    city, lo, hi = r.choice(NL_CITY)
    pc = f"{r.randint(lo, hi)}{' ' if r.random() < 0.8 else ''}{r.choice('ABCDEHJKLMNPRSTVWXZ')}{r.choice('ABCDEHJKLMNPRSTVWXZ')}"
    n = _num(r) + (f"-{r.choice(['I', 'II', 'H', '2'])}" if r.random() < 0.2 else "")
    return [[(f"{r.choice(NL_STREET)}{r.choice(NL_TYPE)} {n}", "STREET_ADDRESS")],
            [(pc, "POSTAL_CODE"), ("  " if r.random() < 0.3 else " ", None), (city, "LOCATION")]]


BE_CITY = [("Bruxelles", 1000, 1210), ("Antwerpen", 2000, 2060), ("Gent", 9000, 9052), ("Liège", 4000, 4032)]


def addr_be(r: random.Random) -> list[list[Seg]]:
    city, lo, hi = r.choice(BE_CITY)
    street = r.choice([f"Rue de la {r.choice(['Loi', 'Montagne', 'Régence'])} {_num(r)}",
                       f"{r.choice(['Meir', 'Kouter', 'Veldstraat', 'Avenue Louise'])} {_num(r)}",
                       f"Boulevard {r.choice(['Anspach', 'du Souverain'])} {_num(r)}, bte {r.randint(1, 40)}"])
    return [[(street, "STREET_ADDRESS")], [(str(r.randint(lo, hi)), "POSTAL_CODE"), (" ", None), (city, "LOCATION")]]


FR_NAME = ["de la Paix", "Victor Hugo", "des Lilas", "du Faubourg Saint-Antoine", "Jean Jaurès", "de la République",
           "des Tanneurs", "Gambetta"]
FR_TYPE = ["rue", "avenue", "boulevard", "place", "allée", "quai", "impasse", "chemin"]
FR_CITY = [("Paris", "750", 1, 20), ("Lyon", "6900", 1, 9), ("Marseille", "130", 1, 16), ("Toulouse", "310", 0, 0),
           ("Nantes", "440", 0, 0), ("Lille", "590", 0, 0), ("Bordeaux", "330", 0, 0)]


def addr_fr(r: random.Random) -> list[list[Seg]]:
    city, pre, lo, hi = r.choice(FR_CITY)
    pc = pre + str(r.randint(lo, hi)).zfill(5 - len(pre)) if hi else pre + "00"
    ty = r.choice(FR_TYPE)
    if r.random() < 0.3:
        ty = ty.capitalize()
    num = f"{r.randint(1, 180)}{r.choice(['', '', '', ' bis', ' ter'])}"
    lines: list[list[Seg]] = []
    if r.random() < 0.15:
        lines.append([(r.choice(["Bâtiment B", "Escalier 3", f"{r.randint(2, 7)}e étage"]), "STREET_ADDRESS")])
    lines.append([(f"{num}{',' if r.random() < 0.2 else ''} {ty} {r.choice(FR_NAME)}", "STREET_ADDRESS")])
    if r.random() < 0.1:
        lines.append([(f"BP {r.randint(10, 999)}", "STREET_ADDRESS")])
    cedex = " CEDEX" if r.random() < 0.1 else ""
    lines.append([(pc, "POSTAL_CODE"), (" ", None), (city.upper() if r.random() < 0.4 else city, "LOCATION")]
                 + ([(cedex, None)] if cedex else []))
    return lines


ES_NAME = ["Alcalá", "Mayor", "Serrano", "Gran Vía", "de la Castellana", "Diagonal", "del Prado", "Colón"]
ES_CITY = [("Madrid", "280", 1, 55), ("Barcelona", "080", 1, 42), ("Valencia", "460", 1, 26), ("Sevilla", "410", 1, 20),
           ("Bilbao", "480", 1, 15)]


def addr_es(r: random.Random) -> list[list[Seg]]:
    city, pre, lo, hi = r.choice(ES_CITY)
    pc = pre + str(r.randint(lo, hi)).zfill(2)
    ty = r.choice(["Calle", "C/", "Avenida", "Av.", "Paseo", "Plaza", "Carrer"])
    floor = r.choice(["", "", f", {r.randint(1, 9)}º {r.choice(['izq.', 'dcha.', 'A', 'B'])}", f", planta {r.randint(1, 12)}"])
    return [[(f"{ty} {r.choice(ES_NAME)}{',' if r.random() < 0.4 else ''} {r.randint(1, 220)}{floor}", "STREET_ADDRESS")],
            [(pc, "POSTAL_CODE"), (" ", None), (city, "LOCATION")]]


IT_NAME = ["Roma", "Garibaldi", "Dante Alighieri", "dei Mille", "Vittorio Emanuele II", "della Repubblica", "Manzoni",
           "San Gallo"]
IT_CITY = [("Roma", "001", 18, 99, "RM"), ("Milano", "201", 21, 62, "MI"), ("Torino", "101", 21, 56, "TO"),
           ("Napoli", "801", 21, 47, "NA"), ("Bologna", "401", 21, 41, "BO"), ("Firenze", "501", 21, 45, "FI")]


def addr_it(r: random.Random) -> list[list[Seg]]:
    city, pre, lo, hi, prov = r.choice(IT_CITY)
    pc = pre[:2] + str(r.randint(lo, hi)).zfill(3)
    ty = r.choice(["Via", "Viale", "Corso", "Piazza", "Largo", "V.le"])
    city_seg: list[Seg] = [(pc, "POSTAL_CODE"), (" ", None), (city, "LOCATION")]
    if r.random() < 0.6:
        city_seg += [(" (", None), (prov, "LOCATION"), (")", None)] if r.random() < 0.5 else [(" ", None), (prov, "LOCATION")]
    return [[(f"{ty} {r.choice(IT_NAME)}{',' if r.random() < 0.4 else ''} {_num(r)}", "STREET_ADDRESS")], city_seg]


PT_NAME = ["Augusta", "da Liberdade", "Diadema", "das Flores", "Santa Catarina", "do Ouvidor", "Paulista", "Oscar Freire",
           "Haddock Lobo", "Sete de Setembro"]
PT_CITY = [("Lisboa", 1000, 1990), ("Porto", 4000, 4369), ("Braga", 4700, 4719), ("Coimbra", 3000, 3049)]
BR_CITY = [("São Paulo", "SP", "01", "05"), ("Rio de Janeiro", "RJ", "20", "22"), ("Belo Horizonte", "MG", "30", "31"),
           ("Curitiba", "PR", "80", "81"), ("Porto Alegre", "RS", "90", "91"), ("Diadema", "SP", "09", "09")]


def addr_pt(r: random.Random) -> list[list[Seg]]:
    city, lo, hi = r.choice(PT_CITY)
    pc = f"{r.randint(lo, hi)}-{r.randint(0, 999):03d}"
    ty = r.choice(["Rua", "Avenida", "Av.", "Largo", "Travessa", "Praça"])
    floor = r.choice(["", "", f", {r.randint(1, 8)}.º {r.choice(['Esq.', 'Dto.', 'A'])}"])
    return [[(f"{ty} {r.choice(PT_NAME[:6])}{',' if r.random() < 0.3 else ''} {r.randint(1, 400)}{floor}", "STREET_ADDRESS")],
            [(pc, "POSTAL_CODE"), (" ", None), (city, "LOCATION")]]


def addr_br(r: random.Random) -> list[list[Seg]]:
    city, uf, a, b = r.choice(BR_CITY)
    cep = f"{r.randint(int(a), int(b)):02d}{r.randint(0, 999):03d}-{r.randint(0, 999):03d}"
    ty = r.choice(["Rua", "Avenida", "Av.", "Alameda", "R."])
    num = str(r.randint(10, 4200))
    street = f"{ty} {r.choice(PT_NAME)}{r.choice([' ', ', ', ', nº '])}{num}"
    if r.random() < 0.3:
        street += r.choice([f", sala {r.randint(101, 1808)}", f", conj. {r.randint(11, 92)}", f" - {r.randint(1, 20)}º andar"])
    lines = [[(street, "STREET_ADDRESS")]]
    if r.random() < 0.5:
        lines.append([(r.choice(["Bela Vista", "Jardins", "Centro", "Pinheiros", "Savassi", "Botafogo"]), "LOCATION")])
    cep_first = r.random() < 0.3
    if cep_first:
        lines.append([("CEP ", None), (cep, "POSTAL_CODE"), (" ", None), (city, "LOCATION"), (" - ", None), (uf, "LOCATION")])
    else:
        lines.append([(city, "LOCATION"), (" - " if r.random() < 0.6 else "/", None), (uf, "LOCATION"), (", ", None),
                      (cep, "POSTAL_CODE")])
    return lines


UK_STREET = ["Kingsway", "Baker Street", "Harrow Road", "Market Lane", "Wellington Crescent", "Station Approach",
             "Chapel Walk", "Oakfield Close", "Victoria Terrace", "Albion Mews"]
UK_CITY = [("London", ["SW1A", "EC1A", "W1T", "N7", "SE15", "E14"]), ("Manchester", ["M1", "M14", "M60"]),
           ("Birmingham", ["B33", "B1", "B15"]), ("Leeds", ["LS1", "LS6"]), ("Glasgow", ["G2", "G12"]),
           ("Cardiff", ["CF10", "CF24"]), ("Croydon", ["CR0", "CR2"]), ("Doncaster", ["DN55", "DN1"])]


def _uk_inward(r: random.Random) -> str:
    return f"{r.randint(0, 9)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}"


def addr_uk(r: random.Random) -> list[list[Seg]]:
    city, outs = r.choice(UK_CITY)
    pc = f"{r.choice(outs)} {_uk_inward(r)}"
    lines: list[list[Seg]] = []
    if r.random() < 0.3:
        lines.append([(r.choice([f"Flat {r.randint(1, 40)}", f"Unit {r.randint(1, 20)}", f"Apartment {r.randint(1, 90)}",
                                 "Ground Floor", f"{r.choice(['Carlton', 'Mercer', 'Abbey'])} House"]), "STREET_ADDRESS")])
    lines.append([(f"{_num(r, 1, 310)}{'B' if r.random() < 0.05 else ''} {r.choice(UK_STREET)}", "STREET_ADDRESS")])
    if r.random() < 0.1:
        lines[-1] = [(f"PO Box {r.randint(100, 9999)}", "STREET_ADDRESS")]
    lines.append([(city.upper() if r.random() < 0.3 else city, "LOCATION")])
    lines.append([(pc, "POSTAL_CODE")])
    return lines


def addr_ie(r: random.Random) -> list[list[Seg]]:
    eir = f"{r.choice(['D02', 'D04', 'T12', 'H91', 'V94'])} {r.choice('ACDEFHKNPRTVWXY')}{r.randint(100, 999)}"
    return [[(f"{r.randint(1, 90)} {r.choice(['Merrion Square', 'Grand Canal Street Upper', 'Patrick Street', 'Shop Street'])}",
              "STREET_ADDRESS")], [(r.choice(["Dublin 2", "Cork", "Galway", "Limerick"]), "LOCATION")],
            [(eir, "POSTAL_CODE")]]


US_STREET = ["Maple", "Lakeview", "Cedar Ridge", "Pennsylvania", "Mission", "Congress", "Peachtree", "Sycamore"]
US_TYPE = ["Street", "St.", "Avenue", "Ave", "Boulevard", "Blvd.", "Road", "Rd", "Drive", "Dr.", "Lane", "Parkway", "Way", "Court"]
US_CITY = [("Austin", "TX", 787), ("Seattle", "WA", 981), ("Denver", "CO", 802), ("Columbus", "OH", 432),
           ("San Francisco", "CA", 941), ("Boston", "MA", "021"), ("Atlanta", "GA", 303), ("Fort Worth", "TX", 761)]


def addr_us(r: random.Random) -> list[list[Seg]]:
    city, st, z3 = r.choice(US_CITY)
    zc = f"{z3}{r.randint(1, 99):02d}" + (f"-{r.randint(1, 9999):04d}" if r.random() < 0.2 else "")
    d = r.choice(["", "", "", "N ", "S ", "W ", "East "])
    post = r.choice(["", "", "", " NW", " SE"])
    street = f"{r.randint(1, 19999)} {d}{r.choice(US_STREET)} {r.choice(US_TYPE)}{post}"
    unit = r.choice(["", "", f"Suite {r.randint(100, 2400)}", f"Apt. {r.randint(1, 40)}{r.choice('ABCD')}",
                     f"Ste {r.randint(100, 900)}", f"Floor {r.randint(2, 40)}", f"#{r.randint(100, 999)}"])
    lines: list[list[Seg]] = [[(street, "STREET_ADDRESS")]]
    if r.random() < 0.1:
        lines = [[(f"P.O. Box {r.randint(10, 99999)}", "STREET_ADDRESS")]]
    if unit:
        if r.random() < 0.5:
            lines.append([(unit, "STREET_ADDRESS")])
        else:
            lines[0] = [(lines[0][0][0] + ", " + unit, "STREET_ADDRESS")]
    lines.append([(city, "LOCATION"), (", " if r.random() < 0.8 else " ", None), (st, "LOCATION"),
                  (" " if r.random() < 0.8 else "  ", None), (zc, "POSTAL_CODE")])
    return lines


CA_CITY = [("Toronto", "ON", "M5V"), ("Vancouver", "BC", "V6B"), ("Montréal", "QC", "H3B"), ("Calgary", "AB", "T2P"),
           ("Ottawa", "ON", "K1P")]


def addr_ca(r: random.Random) -> list[list[Seg]]:
    city, prov, fsa = r.choice(CA_CITY)
    pc = f"{fsa} {r.randint(0, 9)}{r.choice('ABCEGHJKLMNPRSTVWXYZ')}{r.randint(0, 9)}"
    street = f"{r.randint(1, 2500)} {r.choice(['Front', 'King', 'Bay', 'Granville', 'Sainte-Catherine', 'Wellington'])} " \
             f"{r.choice(['Street West', 'St W', 'Street', 'Avenue', 'Rue'])}"
    lines: list[list[Seg]] = []
    style = r.random()
    if style < 0.4:
        lines.append([(f"Suite {r.randint(100, 3400)}", "STREET_ADDRESS")])
        lines.append([(street, "STREET_ADDRESS")])
    elif style < 0.6:
        lines.append([(f"{r.randint(100, 3400)}-{street}", "STREET_ADDRESS")])
    else:
        lines.append([(street, "STREET_ADDRESS")])
    lines.append([(city, "LOCATION"), (" " if r.random() < 0.5 else ", ", None), (prov, "LOCATION"), ("  ", None), (pc, "POSTAL_CODE")])
    return lines


AU_CITY = [("Sydney", "NSW", 2000, 2234), ("Melbourne", "VIC", 3000, 3207), ("Brisbane", "QLD", 4000, 4179),
           ("Perth", "WA", 6000, 6199), ("Adelaide", "SA", 5000, 5199)]


def addr_au(r: random.Random) -> list[list[Seg]]:
    city, st, lo, hi = r.choice(AU_CITY)
    street = f"{r.randint(1, 600)} {r.choice(['George', 'Collins', 'Queen', 'Adelaide', 'Hay', 'Flinders'])} " \
             f"{r.choice(['Street', 'St', 'Lane', 'Terrace', 'Parade', 'Road'])}"
    lines: list[list[Seg]] = []
    u = r.random()
    if u < 0.35:
        lines.append([(f"Level {r.randint(2, 50)}", "STREET_ADDRESS")])
    elif u < 0.55:
        street = f"Unit {r.randint(1, 30)}/{street}" if r.random() < 0.5 else f"{r.randint(1, 30)}/{street}"
    if r.random() < 0.1:
        street = f"GPO Box {r.randint(100, 9999)}"
    lines.append([(street, "STREET_ADDRESS")])
    lines.append([(city.upper() if r.random() < 0.5 else city, "LOCATION"), (" ", None), (st, "LOCATION"), (" ", None),
                  (str(r.randint(lo, hi)), "POSTAL_CODE")])
    return lines


def addr_nz(r: random.Random) -> list[list[Seg]]:
    city, lo = r.choice([("Auckland", 1010), ("Wellington", 6011), ("Christchurch", 8011)])
    lines: list[list[Seg]] = []
    if r.random() < 0.4:
        lines.append([(f"Level {r.randint(1, 30)}", "STREET_ADDRESS")])
    lines.append([(f"{r.randint(1, 300)} {r.choice(['Shortland', 'Lambton', 'Victoria', 'Cashel'])} "
                   f"{r.choice(['Street', 'Quay', 'Road'])}", "STREET_ADDRESS")])
    if r.random() < 0.4:
        lines.append([(r.choice(["Te Aro", "Ponsonby", "Riccarton"]), "LOCATION")])
    lines.append([(city, "LOCATION"), (" ", None), (str(lo + r.randint(0, 60)), "POSTAL_CODE")])
    return lines


IN_CITY = [("Bengaluru", "Karnataka", 560001, 560100), ("Mumbai", "Maharashtra", 400001, 400104),
           ("Gurugram", "Haryana", 122001, 122018), ("Chennai", "Tamil Nadu", 600001, 600119),
           ("Pune", "Maharashtra", 411001, 411062), ("Hyderabad", "Telangana", 500001, 500096)]


def addr_in(r: random.Random) -> list[list[Seg]]:
    city, state, lo, hi = r.choice(IN_CITY)
    pin = str(r.randint(lo, hi))
    if r.random() < 0.2:
        pin = pin[:3] + " " + pin[3:]
    lines: list[list[Seg]] = []
    first = r.choice([f"Flat {r.randint(101, 1204)}, {r.choice(['Sai Krupa', 'Prestige Lakeside', 'Green Glen'])} Apartments",
                      f"Plot No. {r.randint(1, 300)}", f"No. {r.randint(1, 90)}, {_ord(r.randint(1, 20))} Cross",
                      f"{_ord(r.randint(2, 9))} Floor, {r.choice(['Brigade', 'Raheja', 'DLF'])} Tower"])
    lines.append([(first, "STREET_ADDRESS")])
    lines.append([(r.choice([f"{_ord(r.randint(1, 80))} Main Road", f"Sector {r.randint(1, 70)}", "MG Road",
                             f"{r.choice(['Link', 'Ring', 'Residency'])} Road"]), "STREET_ADDRESS")])
    lines.append([(r.choice(["Indiranagar", "Andheri East", "Koramangala", "Hitech City", "Baner", "T. Nagar"]), "LOCATION")])
    sep = r.choice([" - ", " ", ", "])
    lines.append([(city, "LOCATION"), (sep, None), (pin, "POSTAL_CODE")] if r.random() < 0.5 else
                 [(city, "LOCATION"), (", ", None), (state, "LOCATION"), (sep, None), (pin, "POSTAL_CODE")])
    return lines


def addr_sg(r: random.Random) -> list[list[Seg]]:
    pc = f"{r.choice(['01', '07', '05', '23', '56', '46', '38'])}{r.randint(0, 9999):04d}"
    unit = f"#{r.randint(1, 40):02d}-{r.randint(1, 120):02d}"
    if r.random() < 0.5:
        lines = [[(f"{r.randint(1, 200)} {r.choice(['Anson Road', 'Robinson Road', 'Cecil Street', 'Orchard Road'])}", "STREET_ADDRESS")],
                 [(f"{unit} {r.choice(['International Plaza', 'Tower One', 'Shaw Centre'])}", "STREET_ADDRESS")]]
    else:
        lines = [[(f"Blk {r.randint(100, 999)} {r.choice(['Ang Mo Kio', 'Tampines', 'Bedok North'])} Avenue {r.randint(1, 10)}",
                   "STREET_ADDRESS")], [(unit, "STREET_ADDRESS")]]
    lines.append([("Singapore", "LOCATION"), (" ", None), (pc, "POSTAL_CODE")])
    return lines


JP_WARD = [("Chiyoda-ku", "Tokyo", "100"), ("Minato-ku", "Tokyo", "105"), ("Shibuya-ku", "Tokyo", "150"),
           ("Kita-ku", "Osaka", "530"), ("Naka-ku", "Nagoya", "460"), ("Chuo-ku", "Fukuoka", "810")]


def addr_jp(r: random.Random) -> list[list[Seg]]:
    ward, city, pre = r.choice(JP_WARD)
    pc = f"{pre}-{r.randint(1, 9999):04d}"
    block = f"{r.randint(1, 9)}-{r.randint(1, 30)}-{r.randint(1, 25)}"
    town = r.choice(["Marunouchi", "Dogenzaka", "Toranomon", "Umeda", "Sakae", "Tenjin", "Nishi-Shinjuku"])
    lines: list[list[Seg]] = []
    if r.random() < 0.3:
        lines.append([(f"{r.choice(['Sumitomo', 'Kasumigaseki', 'Mark City'])} Building {r.randint(2, 40)}F", "STREET_ADDRESS")])
    lines.append([(f"{block} {town}", "STREET_ADDRESS")])
    lines.append([(ward, "LOCATION"), (", " if r.random() < 0.7 else " ", None), (city, "LOCATION"),
                  (" " if r.random() < 0.7 else ", ", None), (pc, "POSTAL_CODE")])
    return lines


def addr_mx(r: random.Random) -> list[list[Seg]]:
    city, pre = r.choice([("Querétaro", "76"), ("Ciudad de México", "06"), ("Guadalajara", "44"), ("Monterrey", "64")])
    pc = f"{pre}{r.randint(0, 999):03d}"
    return [[(f"{r.choice(['Av.', 'Calle', 'Blvd.'])} {r.choice(['Constituyentes', 'Reforma', 'Juárez', 'Hidalgo'])} "
              f"{r.randint(1, 2000)}", "STREET_ADDRESS")],
            [("Col. ", None), (r.choice(["Centro", "Juárez", "Del Valle"]), "LOCATION")],
            [("C.P. ", None), (pc, "POSTAL_CODE"), (" ", None), (city, "LOCATION")]]


def addr_pl(r: random.Random) -> list[list[Seg]]:
    city, pre = r.choice([("Warszawa", "0"), ("Kraków", "3"), ("Wrocław", "5"), ("Gdańsk", "8")])
    pc = f"{pre}{r.randint(0, 9)}-{r.randint(0, 999):03d}"
    return [[(f"ul. {r.choice(['Marszałkowska', 'Długa', 'Piękna', 'Floriańska'])} {r.randint(1, 150)}"
              f"{'/' + str(r.randint(1, 90)) if r.random() < 0.5 else ''}", "STREET_ADDRESS")],
            [(pc, "POSTAL_CODE"), (" ", None), (city, "LOCATION")]]


def addr_se(r: random.Random) -> list[list[Seg]]:
    city, pre = r.choice([("Stockholm", "11"), ("Göteborg", "41"), ("Malmö", "21"), ("Uppsala", "75")])
    pc = f"{pre}{r.randint(1, 9)} {r.randint(10, 99)}"
    street = f"{r.choice(['Drottninggatan', 'Kungsgatan', 'Sveavägen', 'Linnégatan', 'Hornsgatan'])} {r.randint(1, 120)}"
    return [[(street, "STREET_ADDRESS")], [(pc, "POSTAL_CODE"), (" ", None), (city, "LOCATION")]]


COUNTRIES = {
    # code: (address fn, country name, phone region, name pool)
    "de": (lambda r: addr_de(r, "de"), "Germany", "DE", "de"), "at": (lambda r: addr_de(r, "at"), "Austria", "AT", "de"),
    "ch": (lambda r: addr_de(r, "ch"), "Switzerland", "CH", "de"), "nl": (addr_nl, "The Netherlands", "NL", "nl"),
    "be": (addr_be, "Belgium", "BE", "fr"), "fr": (addr_fr, "France", "FR", "fr"), "es": (addr_es, "Spain", "ES", "es"),
    "it": (addr_it, "Italy", "IT", "it"), "pt": (addr_pt, "Portugal", "PT", "pt"), "br": (addr_br, "Brazil", "BR", "pt"),
    "uk": (addr_uk, "United Kingdom", "GB", "en"), "ie": (addr_ie, "Ireland", "IE", "en"), "us": (addr_us, "USA", "US", "en"),
    "ca": (addr_ca, "Canada", "CA", "en"), "au": (addr_au, "Australia", "AU", "en"), "nz": (addr_nz, "New Zealand", "NZ", "en"),
    "in": (addr_in, "India", "IN", "in"), "sg": (addr_sg, "Singapore", "SG", "sg"), "jp": (addr_jp, "Japan", "JP", "jp"),
    "mx": (addr_mx, "Mexico", "MX", "es"), "pl": (addr_pl, "Poland", "PL", "pl"), "se": (addr_se, "Sweden", "SE", "se"),
}


# ---- phones, cards, IBANs, SSNs, IPs --------------------------------------------------------------

# National significant number shapes: (leading digits choices, total national length).
PHONE_NSN = {"DE": (["30", "89", "40", "69", "221", "151", "170", "176"], 10, 11), "AT": (["1", "316", "664", "676"], 9, 10),
             "CH": (["44", "61", "31", "21", "79", "78"], 9, 9), "NL": (["20", "10", "30", "6"], 9, 9),
             "BE": (["2", "3", "9", "475"], 8, 9), "FR": (["1", "4", "6", "7"], 9, 9), "ES": (["91", "93", "6"], 9, 9),
             "IT": (["06", "02", "347", "333"], 9, 10), "PT": (["21", "22", "91", "93"], 9, 9), "BR": (["11", "21", "31"], 10, 11),
             "GB": (["20", "161", "121", "113", "7700", "7911"], 10, 10), "IE": (["1", "21", "87"], 9, 9),
             "US": (["415", "512", "206", "303", "617", "404", "212", "312"], 10, 10), "CA": (["416", "604", "514", "403"], 10, 10),
             "AU": (["2", "3", "7", "4"], 9, 9), "NZ": (["9", "4", "21"], 8, 9), "IN": (["80", "22", "98", "99", "124"], 10, 10),
             "SG": (["6", "8", "9"], 8, 8), "JP": (["3", "6", "90", "80"], 9, 10), "MX": (["55", "442", "33"], 10, 10),
             "PL": (["22", "12", "50", "60"], 9, 9), "SE": (["8", "31", "70"], 9, 9)}


def _phone(r: random.Random, region: str) -> str:
    pre, lo, hi = PHONE_NSN[region]
    for _ in range(200):
        p = r.choice(pre)
        n = p + "".join(r.choice(string.digits) for _ in range(r.randint(lo, hi) - len(p)))
        if region in ("US", "CA"):
            n = n[:3] + str(r.randint(2, 9)) + n[4:]
        try:
            num = phonenumbers.parse(n if n.startswith("0") and region == "IT" else n, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num):
            break
    style = r.random()
    if style < 0.35:
        s = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    elif style < 0.65:
        s = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)
    elif style < 0.75:
        s = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    else:
        # Hand-written variants: dots, dashes, "(0)" trunk in an international number.
        intl = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        nat = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)
        cc = str(num.country_code)
        if region in ("DE", "AT", "CH", "GB", "NL", "BE") and r.random() < 0.5:
            s = intl.replace(f"+{cc} ", f"+{cc} (0)", 1)
        elif region in ("US", "CA"):
            d = phonenumbers.national_significant_number(num)
            s = r.choice([f"{d[:3]}.{d[3:6]}.{d[6:]}", f"{d[:3]}-{d[3:6]}-{d[6:]}", f"1-{d[:3]}-{d[3:6]}-{d[6:]}",
                          f"+1 ({d[:3]}) {d[3:6]}-{d[6:]}"])
        elif region == "FR":
            s = nat.replace(" ", ".")
        else:
            s = intl.replace(" ", "-") if r.random() < 0.5 else nat.replace(" ", "-")
    if r.random() < 0.12:
        # A German/Austrian direct dial is written as a "-NN" suffix (Durchwahl).
        s += r.choice([f" ext. {r.randint(10, 9999)}", f" x{r.randint(100, 999)}", f" ext {r.randint(1, 99)}"]
                      + ([f"-{r.randint(10, 299)}"] * 3 if region in ("DE", "AT") else []))
    return s


def _luhn_complete(digits: str) -> str:
    total = 0
    for i, d in enumerate(reversed(digits + "0")):
        v = int(d)
        if i % 2 == 1:
            v = v * 2 - 9 if v > 4 else v * 2
        total += v
    return digits + str((10 - total % 10) % 10)


def _card(r: random.Random) -> str:
    kind = r.choice(["visa", "visa", "mc", "mc", "amex", "disc"])
    if kind == "amex":
        d = _luhn_complete(r.choice(["34", "37"]) + "".join(r.choice(string.digits) for _ in range(12)))
        return r.choice([f"{d[:4]} {d[4:10]} {d[10:]}", f"{d[:4]}-{d[4:10]}-{d[10:]}", d])
    pre = {"visa": "4", "mc": str(r.randint(51, 55)), "disc": "6011"}[kind]
    d = _luhn_complete(pre + "".join(r.choice(string.digits) for _ in range(15 - len(pre))))
    return r.choice([" ".join(d[i:i + 4] for i in range(0, 16, 4)), "-".join(d[i:i + 4] for i in range(0, 16, 4)), d, d,
                     " ".join(d[i:i + 4] for i in range(0, 16, 4))])


IBAN_BBAN = {"DE": "n18", "FR": "n10c11n2", "NL": "a4n10", "GB": "a4n14", "ES": "n20", "IT": "a1n10c12", "CH": "n5c12",
             "AT": "n16", "BE": "n12", "PT": "n21", "PL": "n24", "SE": "n20", "IE": "a4n14", "BR": "n23a1c1"}


def _iban(r: random.Random, cc: str) -> str:
    spec = IBAN_BBAN.get(cc, "n18")
    bban, i = "", 0
    while i < len(spec):
        kind = spec[i]
        j = i + 1
        while j < len(spec) and spec[j].isdigit():
            j += 1
        n = int(spec[i + 1:j])
        pool = {"n": string.digits, "a": string.ascii_uppercase, "c": string.digits + string.ascii_uppercase}[kind]
        bban += "".join(r.choice(pool) for _ in range(n))
        i = j
    rearranged = bban + cc + "00"
    check = 98 - int("".join(str(int(ch, 36)) for ch in rearranged)) % 97
    iban = f"{cc}{check:02d}{bban}"
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)) if r.random() < 0.6 else iban


def _ssn(r: random.Random) -> str:
    area = r.choice([x for x in range(1, 900) if x != 666])
    s = f"{area:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
    return s if r.random() < 0.8 else s.replace("-", " ")


def _ip(r: random.Random) -> str:
    if r.random() < 0.7:
        return ".".join(str(x) for x in [r.choice([10, 172, 192, 81, 203, 62, 145]), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)])
    groups = [f"{r.randint(0, 65535):x}" for _ in range(8)]
    groups[0] = r.choice(["2001", "2a02", "fe80", "2600"])
    if r.random() < 0.6:
        return ":".join(groups[:3]) + "::" + ":".join(groups[6:])
    return ":".join(groups)


# ---- non-PII look-alikes --------------------------------------------------------------------------

def lookalike(r: random.Random) -> str:
    return r.choice([
        f"PO-{r.randint(2019, 2026)}-{r.randint(10000, 999999)}", f"INV-{r.randint(1000000, 9999999)}",
        f"order #{r.randint(100000, 9999999)}", f"SKU {r.randint(1000, 9999)}-{r.choice(['BX', 'TR', 'LG'])}-{r.randint(10, 999)}",
        f"v{r.randint(1, 12)}.{r.randint(0, 30)}.{r.randint(0, 99)}", f"Room {r.randint(1, 9)}.{r.randint(1, 40):02d}",
        f"Section {r.randint(100, 2000)}.{r.randint(1, 200)}", f"Art. {r.randint(5, 99)}({r.randint(1, 9)}) GDPR",
        f"EUR {r.randint(1, 99)},{r.randint(100, 999)}.{r.randint(0, 99):02d}", f"USD {r.randint(100, 99999):,}.00",
        f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.{r.randint(2023, 2026)}", f"{r.randint(2023, 2026)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
        f"ticket {r.randint(10000, 99999)}", f"ISO {r.choice(['9001', '27001', '14001'])}:{r.choice(['2015', '2022'])}",
        f"batch {r.randint(100, 999)}/{r.randint(10, 99)}", f"{r.randint(2, 500)} units", f"{r.randint(1, 99)}%",
        f"tracking number 1Z{r.randint(100, 999)}{r.choice(['AA', 'X7'])}{r.randint(10000000000, 99999999999)}",
        f"case {r.randint(2024, 2026)}/{r.randint(1000, 9999)}", f"{r.randint(8, 17)}:{r.choice(['00', '15', '30', '45'])}",
        f"gate {r.randint(1, 60)}", f"pallet {r.randint(1, 40)} of {r.randint(40, 80)}", f"cost centre {r.randint(4000, 4999)}",
        f"GL account {r.randint(100000, 999999)}", f"HS code {r.randint(1000, 9999)}.{r.randint(10, 99)}",
    ])


def a_date(r: random.Random) -> str:
    """A date in one of the common business forms: not personal data unless it is a birth date."""
    m = r.choice(["January", "March", "May", "July", "September", "November", "Feb", "Oct"])
    return r.choice([f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.{r.randint(2023, 2026)}",
                     f"{r.randint(2023, 2026)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
                     f"{r.randint(1, 28)} {m} {r.randint(2023, 2026)}", f"{m} {r.randint(1, 28)}, {r.randint(2023, 2026)}",
                     f"{r.randint(1, 12)}/{r.randint(1, 28)}/{r.randint(2023, 2026)}"])


# ---- entities for one document ---------------------------------------------------------------------

@dataclass
class Party:
    """One person with a company, an address and contact details in one country."""

    first: str
    last: str
    org: str
    domain: str
    country: str
    country_name: str
    region: str
    address: list[list[Seg]]
    phone: str
    mobile: str
    title: str


TITLES = ["Accounts Payable Manager", "Head of Procurement", "Customer Success Lead", "Senior Buyer", "HR Business Partner",
          "Logistics Coordinator", "Finance Director", "Office Manager", "Operations Analyst"]


def party(r: random.Random, country: str | None = None) -> Party:
    cc = country or r.choice(list(COUNTRIES))
    fn, cname, region, pool = COUNTRIES[cc]
    first, last = r.choice(FIRST[pool]), r.choice(LAST[pool])
    stem = r.choice(ORG_STEM)
    org = f"{stem} {r.choice(ORG_MID)} {r.choice(ORG_SUFFIX[cc])}" if r.random() < 0.7 else f"{stem} {r.choice(ORG_SUFFIX[cc])}"
    tld = {"uk": "co.uk", "us": "com", "au": "com.au", "br": "com.br", "in": "co.in", "jp": "co.jp", "sg": "com.sg",
           "nz": "co.nz", "mx": "com.mx"}.get(cc, cc)
    domain = stem.lower().replace(" & ", "").replace(" ", "") + "." + tld
    return Party(first, last, org, domain, cc, cname, region, fn(r), _phone(r, region), _phone(r, region), r.choice(TITLES))


def _ascii(s: str) -> str:
    table = str.maketrans("äöüßéèêëáàâíóôõúçñãÉÁÖÜ'øåłśńż", "aousееeeaaaiooouncaEAOU-oalsnz".replace("е", "e"))
    return s.translate(table).lower().replace(" ", "")


def email_of(r: random.Random, p: Party) -> str:
    f, l = _ascii(p.first), _ascii(p.last)
    return r.choice([f"{f}.{l}", f"{f[0]}.{l}", f"{f}{l[0]}", f"{l}.{f}", f"{f}_{l}"]) + "@" + p.domain


def add_name(d: Doc, r: random.Random, p: Party, formal: bool = False) -> None:
    if formal and r.random() < 0.5:
        d.t(r.choice(["Mr. ", "Ms. ", "Dr. ", "Mrs. "])).p("PERSON", p.last)
    else:
        d.p("PERSON", f"{p.first} {p.last}")


def add_address(d: Doc, r: random.Random, p: Party, block: bool, indent: str = "", country: bool | None = None,
                org_line: bool = False, person_line: bool = False) -> None:
    lines = [list(x) for x in p.address]
    if country is None:
        country = r.random() < 0.5
    if country:
        lines.append([(p.country_name.upper() if block and r.random() < 0.3 else p.country_name, "LOCATION")])
    if org_line:
        lines.insert(0, [(p.org, "ORGANIZATION")])
    if person_line:
        lines.insert(0, [("c/o " if r.random() < 0.3 else "", None), (f"{p.first} {p.last}", "PERSON")])
    for i, line in enumerate(lines):
        if i:
            d.t("\n" + indent if block else r.choice([", ", ", ", " "]) if line[0][1] != "POSTAL_CODE" or not block else ", ")
        elif block:
            d.t(indent)
        d.segs(line)


# ---- templates: group A (tuning) and group B (checking) ------------------------------------------------

def t_invoice(r: random.Random) -> Doc:
    seller, buyer = party(r), party(r)
    d = Doc()
    d.t("INVOICE ").t(f"INV-{r.randint(1000000, 9999999)}\n\n").t("From:\n")
    add_address(d, r, seller, block=True, org_line=True, country=True)
    d.t("\nVAT ID: ").t(f"{seller.region}{r.randint(100000000, 999999999)}\n\nBill to:\n")
    add_address(d, r, buyer, block=True, org_line=True, person_line=r.random() < 0.6)
    d.t(f"\n\nInvoice date: {a_date(r)}\nYour reference: {lookalike(r)}\n\n")
    for _ in range(r.randint(1, 3)):
        d.t(f"{r.randint(1, 40)} x {lookalike(r)}  {r.randint(10, 999)}.{r.randint(0, 99):02d}\n")
    d.t(f"Total due: EUR {r.randint(100, 90000):,}.{r.randint(0, 99):02d}\n\nPlease transfer to IBAN ")
    d.p("IBAN_CODE", _iban(r, seller.region if seller.region in IBAN_BBAN else "DE"))
    d.t(f" (BIC {r.choice(['DEUTDEFF', 'INGBNL2A', 'BNPAFRPP', 'COBADEFFXXX'])}) within 30 days, quoting {lookalike(r)}.\n")
    d.t("Questions: ").p("EMAIL_ADDRESS", email_of(r, seller)).t(" or ").p("PHONE_NUMBER", seller.phone).t(".\n")
    return d


def t_signature(r: random.Random) -> Doc:
    p, q = party(r), party(r)
    d = Doc()
    d.t(r.choice(["Hi ", "Dear ", "Hello "])).p("PERSON", q.first).t(",\n\n")
    d.t(r.choice([f"Attached is the revised quote for {lookalike(r)}. ", f"We moved the call to {lookalike(r)}. ",
                  f"The shipment for {lookalike(r)} left our warehouse today. "]))
    d.t(r.choice(["Let me know if anything is missing.", "Happy to discuss on Thursday.", "Thanks for your patience."]))
    d.t(f"\n\n{r.choice(['Best regards', 'Kind regards', 'Cheers', 'Mit freundlichen Grüßen', 'Cordialement'])},\n")
    d.p("PERSON", f"{p.first} {p.last}").t(f"\n{p.title}\n").p("ORGANIZATION", p.org).t("\n")
    add_address(d, r, p, block=r.random() < 0.6)
    d.t("\n")
    labels = r.choice([("T: ", "M: "), ("Tel. ", "Mobile: "), ("Phone: ", "Cell: "), ("Office ", "Mob. "), ("", "")])
    d.t(labels[0]).p("PHONE_NUMBER", p.phone)
    d.t(" | " if r.random() < 0.5 else "\n").t(labels[1]).p("PHONE_NUMBER", p.mobile).t("\n")
    d.t(r.choice(["E: ", "Email: ", ""])).p("EMAIL_ADDRESS", email_of(r, p)).t(f"\nwww.{p.domain}\n")
    return d


def t_shipping(r: random.Random) -> Doc:
    p = party(r)
    d = Doc()
    d.t(f"Shipping notice for {lookalike(r)}\n\nYour parcel ({lookalike(r)}) is on its way to:\n\n")
    add_address(d, r, p, block=True, indent=r.choice(["", "    "]), person_line=True)
    d.t(f"\n\nExpected delivery: {a_date(r)}. Contents: {lookalike(r)}, {lookalike(r)}.\n")
    d.t("If nobody is home, the courier will call ").p("PHONE_NUMBER", p.mobile).t(" or leave a note. ")
    d.t("Delivery issues? Reply to this message or write to ").p("EMAIL_ADDRESS", email_of(r, p)).t(".\n")
    if r.random() < 0.5:
        o = party(r, p.country)
        d.t("Return address: ").p("ORGANIZATION", o.org).t(", ")
        add_address(d, r, o, block=False)
        d.t(".\n")
    return d


def t_ticket(r: random.Random) -> Doc:
    p = party(r)
    d = Doc()
    d.t(f"Ticket {lookalike(r)} - priority {r.choice(['P1', 'P2', 'P3'])}\nReporter: ")
    d.p("PERSON", f"{p.first} {p.last}").t(" <").p("EMAIL_ADDRESS", email_of(r, p)).t(">\n")
    d.t(f"Customer reports that the portal ({lookalike(r)}) rejects logins from ").p("IP_ADDRESS", _ip(r))
    d.t(f" since {a_date(r)}. Card on file ending ").t(str(r.randint(1000, 9999))).t(" was charged twice: ")
    d.p("CREDIT_CARD", _card(r)).t(f", amount {lookalike(r)}.")
    if r.random() < 0.5:
        d.t(" Identity verified with SSN ").p("US_SSN", _ssn(r)).t(".")
    d.t("\n")
    d.t("Callback number: ").p("PHONE_NUMBER", p.phone).t(". Shipping address on the account: ")
    add_address(d, r, p, block=False)
    d.t(f".\nAgent note: reproduced on {a_date(r)}; escalated to tier 2. Server ").p("IP_ADDRESS", _ip(r))
    d.t(f" logged the error at {lookalike(r)}.\n")
    return d


def t_hr_letter(r: random.Random) -> Doc:
    p = party(r)
    emp = party(r, p.country)
    d = Doc()
    d.p("ORGANIZATION", p.org).t("\n")
    add_address(d, r, p, block=True)
    d.t(f"\n\n{lookalike(r)}\n\n")
    add_address(d, r, emp, block=True, person_line=True, country=False)
    d.t("\n\nDear ")
    add_name(d, r, emp, formal=True)
    d.t(f",\n\nWe are pleased to confirm your appointment as {emp.title} from {a_date(r)}, based at our office at ")
    add_address(d, r, p, block=False, country=False)
    d.t(". Your salary will be paid monthly into the account ").p("IBAN_CODE", _iban(r, emp.region if emp.region in IBAN_BBAN else "GB"))
    d.t(". For payroll in the United States we hold your Social Security number ").p("US_SSN", _ssn(r))
    d.t(f" under {lookalike(r)}.\nPlease contact ").p("PERSON", f"{p.first} {p.last}").t(" (").p("PHONE_NUMBER", p.phone)
    d.t(", ").p("EMAIL_ADDRESS", email_of(r, p)).t(") with any questions.\n\nYours sincerely,\n").p("PERSON", f"{p.first} {p.last}")
    d.t(f"\n{p.title}\n")
    return d


def t_vendor_form(r: random.Random) -> Doc:
    p = party(r)
    d = Doc()
    d.t(f"Vendor onboarding form ({lookalike(r)})\n\nLegal name: ").p("ORGANIZATION", p.org).t("\nRegistered address: ")
    add_address(d, r, p, block=False, country=True)
    d.t("\nStreet: ").segs(p.address[0])
    pc_line = [s for line in p.address for s in line if s[1] == "POSTAL_CODE"]
    if pc_line:
        d.t(r.choice(["\nZIP / postal code: ", "\nzip code ", "\nPostcode: "])).p("POSTAL_CODE", pc_line[0][0])
    d.t("\nContact person: ").p("PERSON", f"{p.first} {p.last}").t(f", {p.title}\nPhone: ").p("PHONE_NUMBER", p.phone)
    d.t("\nE-mail: ").p("EMAIL_ADDRESS", email_of(r, p)).t("\nBank account (IBAN): ")
    d.p("IBAN_CODE", _iban(r, p.region if p.region in IBAN_BBAN else "NL"))
    d.t(f"\nPayment terms: {r.randint(14, 60)} days net; {lookalike(r)}\nCorporate card for expenses: ").p("CREDIT_CARD", _card(r))
    d.t(f"\nWhitelisted IP for SFTP: ").p("IP_ADDRESS", _ip(r)).t(f"\nApproved under {lookalike(r)}.\n")
    return d


def t_meeting(r: random.Random) -> Doc:
    a, b, c = party(r), party(r), party(r)
    d = Doc()
    d.t(f"Meeting notes - {a_date(r)}, {lookalike(r)}\nAttendees: ").p("PERSON", f"{a.first} {a.last}").t(" (")
    d.p("ORGANIZATION", a.org).t("), ").p("PERSON", f"{b.first} {b.last}").t(", ").p("PERSON", f"{c.first} {c.last}")
    d.t(f"\n\n1. Warehouse move: the new site is ")
    add_address(d, r, b, block=False)
    d.t(f"; keys handed over on {a_date(r)}. ").p("PERSON", b.first).t(" will update the carrier, reachable on ")
    d.p("PHONE_NUMBER", b.mobile).t(".\n2. Budget: ").t(f"{lookalike(r)} approved, {lookalike(r)} deferred.\n")
    d.t(f"3. Samples go to ").p("PERSON", f"{c.first} {c.last}").t(" at ")
    add_address(d, r, c, block=False, country=True)
    d.t(f" before {a_date(r)}.\n4. IT: VPN gateway moved to ").p("IP_ADDRESS", _ip(r)).t(f"; release {lookalike(r)}.\n")
    d.t("Action: ").p("PERSON", a.first).t(" to send the draft to ").p("EMAIL_ADDRESS", email_of(r, b)).t(".\n")
    return d


def t_payment_request(r: random.Random) -> Doc:
    p = party(r)
    d = Doc()
    d.t(f"Subject: Change of bank details - {lookalike(r)}\n\nHello team,\n\nPlease update the payee record for ")
    d.p("ORGANIZATION", p.org).t(" (").p("PERSON", f"{p.first} {p.last}").t(f"). Old account: ")
    d.p("IBAN_CODE", _iban(r, "DE")).t("; new account: ").p("IBAN_CODE", _iban(r, p.region if p.region in IBAN_BBAN else "FR"))
    d.t(f". Confirmed by phone on {a_date(r)} with the number we hold on file, ").p("PHONE_NUMBER", p.phone)
    d.t(". The refund of ").t(f"{lookalike(r)} goes back to card ").p("CREDIT_CARD", _card(r))
    d.t(". Their remittance address remains\n\n")
    add_address(d, r, p, block=True, org_line=True)
    d.t(f"\n\nApproved per {lookalike(r)}.\n")
    return d


GROUPS = {"A": [t_invoice, t_signature, t_shipping, t_ticket], "B": [t_hr_letter, t_vendor_form, t_meeting, t_payment_request]}


def generate(group: str, seed: int, n: int) -> list[dict]:
    r = random.Random(seed)
    out = []
    for i in range(n):
        d = GROUPS[group][i % len(GROUPS[group])](r)
        text = d.text()
        for s in d.spans:
            assert text[s["start"]:s["end"]] == s["value"], s
        out.append({"id": f"biz-{group}{seed}-{i:05d}", "text": text, "spans": d.spans, "ignored_spans": [], "language": "en"})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--group", choices=sorted(GROUPS), default="A")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    with open(args.out, "w", encoding="utf-8") as f:
        for row in generate(args.group, args.seed, args.docs):
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
