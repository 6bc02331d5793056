"""ORGANIZATION: names ending in a legal form, partnership names."""

from __future__ import annotations

import regex as re

from curation.pii.recognizers.en.scored import CASE_SENSITIVE, ScoredRecognizer
from curation.pii.recognizers.en.shapes import HYPHEN_WORDS, NOT_NAMES
from curation.pii.recognizers.en.shapes import WORD as _WORD
from curation.pii.role_shapes import names_role_before_company
from curation.pii.spans import DATE_WORD
from curation.pii.truecase import common_words

LEGAL_FORMS = (r"Inc|Incorporated|LLC|L\.L\.C\.|Ltd|Limited|PLC|plc|LLP|LP|Corp|Corporation|Co|Company|GmbH|AG|"
               r"S\.A\.|SA|SAS|BV|B\.V\.|NV|Pty|Group|Holdings|Partners|and\ Sons|&\ Sons|Associates|Trust|"
               r"Foundation|Bank|Capital|Ventures|Industries|Solutions|Systems|Technologies|Consulting|Logistics")
_LEGAL_FORM_END = re.compile(rf"(?:{LEGAL_FORMS})\.?$")
# Legal forms of companies abroad, as their registers write them ("Pražská Strojírna s.r.o.",
# "Kowalczyk Logistyka Sp. z o.o.", "Plásticos del Bajío, S.A. de C.V.", "Table Bay Holdings (Pty)
# Ltd"): a name that ends in one is a company's whatever its words. Longer forms first.
FOREIGN_FORMS = (r"S\.A\.\ de\ C\.V\.|S\.\ de\ R\.L\.(?:\ de\ C\.V\.)?|Sp\.\ z\ o\.o\.|Sp\.\ j\.|Co\.,\ Ltd\.?|"
                 r"\(Pty\)\ Ltd\.?|Pty\.?\ Ltd\.?|Pte\.?\ Ltd\.?|Sdn\.?\ Bhd\.?|GmbH\ &\ Co\.\ KG|"
                 r"S\.p\.A\.|S\.r\.l\.|S\.R\.L\.|S\.A\.R\.L\.|S\.A\.S\.|S\.L\.U?\.|S\.A\.|N\.V\.|B\.V\.|"
                 r"s\.r\.o\.|a\.s\.|spol\.\ s\ r\.o\.|d\.o\.o\.|A\.Ş\.|K\.K\.|e\.V\.|Ltda\.?|Lda\.?|Kft\.?|Zrt\.?|"
                 r"SARL|SpA|Srl|SRL|GmbH|ApS|A/S|ASA|AB|Oy|Oyj|OÜ|UAB|SIA|BVBA|KG|AŞ|TOV|LLC|Ltd\.?|Limited|PLC|Plc|Inc\.?")
_FOREIGN_FORM_END = re.compile(rf"(?:{FOREIGN_FORMS})$")
# A word of a company's name in any Latin script, and the small words names are joined with
# ("Puerto de Cartagena", "Friends of the Delta", "Oliveira & Prado").
_MIXED_WORD = r"\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?"
_ANY_WORD = _MIXED_WORD + r"|\p{Lu}{2,5}"  # an acronym inside a name, never first (shouted lines)
_JOINERS = r"de|del|da|do|dos|das|di|du|la|le|van|von|der|den|of|the|y|e|&|and"


class CurationOrganizationRecognizer(ScoredRecognizer):
    """Names ending in a legal form ("Garcia LLC", "Avery, Stephens and Wallace", "Smith & Sons")."""

    ENTITY = "ORGANIZATION"
    NAME = "CurationOrganizationRecognizer"
    REGEX = rf"""
        (?<![\p{{L}}\p{{N}}])(?:{_MIXED_WORD})(?:\ (?:(?:{_JOINERS})\ )?(?:{_ANY_WORD})){{0,4}},?\ (?:{FOREIGN_FORMS})
        (?![\p{{L}}\p{{N}}])                                                 # forms abroad, any script's letters
      | \b(?:{_WORD}(?:,\ |\ |\ &\ |\ and\ )){{0,3}}{_WORD},?\ (?:{LEGAL_FORMS})\b\.?
      | \b{_WORD},\ {_WORD},?\ (?:and|&)\ {_WORD}\b                           # partnership names
      | (?<=\b(?:of|at|from|with|for)\ )[A-Z][a-z]{{2,}}-[A-Z][a-z]{{2,}}\b    # Smith-Jones after "at"
    """
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    START = r"(?=\p{Lu})"  # every alternative starts with a capitalised word
    CONTEXT = ("company", "supplier", "vendor", "customer", "client", "firm", "contract", "from", "at")

    def span(self, match) -> tuple[int, int]:
        """The match without the role or unit written before a comma in front of the company
        ("Senior Associate, Kilele Audit Partners", "Procurement, Alpenfoods GmbH"), and what comes
        before the role: the signer's, not the company's name."""
        start, end = match.span()
        parts = match.group().split(", ")
        roles = [i for i, part in enumerate(parts[:-1]) if names_role_before_company(part.split())]
        if roles:  # a person's surname may come first: "Carvalho, Partner, Tavora Legal LLP"
            start += sum(len(part) + 2 for part in parts[:roles[-1] + 1])
        return start, end

    def score(self, value: str) -> float | None:
        first = value.split()[0].strip(",")
        if first in NOT_NAMES or value.split("-")[0] in HYPHEN_WORDS:
            return None
        if _common_words_listed(value) or _short_form_after_plain_words(value):
            return None
        return 0.6 if " " in value else 0.45


# Legal forms of two or three capitals, also units, grades and abbreviations ("Net Weight KG",
# "Experiment AB", "Pension SA"): after them a name needs a company's shape.
_SHORT_FORM = re.compile(r"(?:,?\ )(?:AB|AG|KG|SA|NV|BV|LP|Oy|ASA|SIA|UAB|TOV|OÜ|AŞ|ApS)\.?$")
# Words that begin a sentence or a phrase, never a company's name ("In Sweden AB means ...").
_PHRASE_WORDS = frozenset("in on at for of to by as from with into about under over per via if when where "
                          "since after before than so such one".split())


def _short_form_after_plain_words(value: str) -> bool:
    """Whether `value` ends in a short legal form after words no company name is made of: a
    function word first, or common words only ("Net Weight KG", "Experiment AB"). A name of
    one word not common ("Nordhamn AB") or with one such word ("Volvo Cars AB") stays."""
    form = _SHORT_FORM.search(value)
    if form is None:
        return False
    words = re.findall(r"[\p{L}'’-]+", value[:form.start()])
    return (not words or words[0].lower() in _PHRASE_WORDS
            or all(w.lower() in common_words() for w in words))


# Words of a schedule's or a headline's list beside the weekdays and months of DATE_WORD.
_DAY_WORDS = frozenset("yesterday today tonight tomorrow morning afternoon evening night weekend week".split())


def _common_words_listed(value: str) -> bool:
    """Whether a partnership-shaped match (no legal form at its end) is a list of days: common
    words or days only, one of them a day ("Yesterday, Today and Tomorrow", "Monday, Tuesday and
    More"), a headline's or a schedule's list. Surnames are often common words ("Brown, Green and
    Black", "Price, Hunter and Ward"), so a list of common words without a day stays a partnership
    (found by review: dropping every common-word list lost those). WNUT-17 half 1: 55 over-masked
    characters, none of a name, were such lists (over-masked 0.0420 -> 0.0416; before the day rule)."""
    if _LEGAL_FORM_END.search(value) or _FOREIGN_FORM_END.search(value):
        return False
    words = [w for w in re.findall(r"[A-Za-z'’-]+", value) if w != "and"]
    days = [w for w in words if DATE_WORD.fullmatch(w) or w.lower() in _DAY_WORDS]
    return bool(days) and all(w.lower() in common_words() or w in days for w in words)
