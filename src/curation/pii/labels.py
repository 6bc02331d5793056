"""Which Presidio entity type each spaCy (OntoNotes) or GiNZA (extended named entity) label stands for."""

from __future__ import annotations

from functools import lru_cache

# spaCy (OntoNotes) labels → Presidio entity types. ORG is kept: organization names identify.
EN_LABELS = {
    "PERSON": "PERSON", "PER": "PERSON", "NORP": "NRP", "FAC": "LOCATION", "LOC": "LOCATION",
    "GPE": "LOCATION", "ORG": "ORGANIZATION", "DATE": "DATE_TIME", "TIME": "DATE_TIME",
}
# The entity types a name stands for (a person, a place, an organisation), not a date or a nationality.
NAME_ENTITIES = ("PERSON", "LOCATION", "ORGANIZATION")
IGNORED = ["CARDINAL", "EVENT", "LANGUAGE", "LAW", "MONEY", "ORDINAL", "PERCENT", "PRODUCT",
           "QUANTITY", "WORK_OF_ART"]

# GiNZA tags Sekine's extended named entities (~200 labels); GiNZA's own table maps them to
# OntoNotes (ginza.ene_ontonotes_mapper), and through it every place (GPE, LOC, FAC: 66 labels)
# becomes LOCATION and every organisation (ORG: 20) ORGANIZATION. Exceptions:
JA_OVERRIDES = {
    # NORP holds parties and international bodies beside nationalities and religions: the former
    # are organisations (stockmark labels them 政治的組織名), the latter not personal data.
    "Political_Organization": "ORGANIZATION", "Political_Organization_Other": "ORGANIZATION",
    "Political_Party": "ORGANIZATION", "International_Organization": "ORGANIZATION",
    # Schools are organisations that identify where someone studies or works.
    "School": "ORGANIZATION",
    # "God" stays PERSON as in GiNZA's table: on stockmark it fired on places (厚木高校, アメリカ大陸).
    # Non-personal labels whose spans often hold a name stay unmapped: the name inside them is taken
    # by its Sudachi tags (recognizers/ja/proper_noun.py), the rest of the span is not personal data.
    # Whole spans, on top of that, on stockmark's first half (masked / over-masked): Position_Vocation
    # +0.016 / +0.027 (アメリカ大統領), Product_Other +0.012 / +0.006, Dish +0.005 / +0.002, Earthquake
    # +0.003 / +0.0003 (東日本大震災: an event, and frequent in business text), Car +0.003 / +0.0002.
}
# Labels kept only for a span holding a proper noun in Sudachi's dictionary or a katakana word: parts of a facility
# and other facilities are mostly common nouns in business text (大会議室, 3階, 本店: 108 false
# hits in 250 synthetic documents), mostly names in encyclopaedic text (幕張メッセ, 二俣城,
# 十条製紙釧路工場: 21 of 24 such spans with a proper noun were gold in stockmark's first 800
# sentences, 7 of 17 without one).
PROPER_NOUN_ONLY = frozenset({"Facility_Part", "GOE_Other"})
_ONTONOTES_TO_PRESIDIO = {"PERSON": "PERSON", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION",
                          "ORG": "ORGANIZATION", "DATE": "DATE_TIME", "TIME": "DATE_TIME"}


@lru_cache(maxsize=1)
def ja_labels() -> dict[str, str]:
    """GiNZA's labels → Presidio entity types (without this mapping Presidio maps nothing from GiNZA)."""
    from ginza.ene_ontonotes_mapper import ENE_ONTONOTES_MAPPING

    out = {ene: _ONTONOTES_TO_PRESIDIO[onto] for ene, onto in ENE_ONTONOTES_MAPPING.items()
           if onto in _ONTONOTES_TO_PRESIDIO}
    for label, entity in JA_OVERRIDES.items():
        if entity is None:
            out.pop(label, None)
        else:
            out[label] = entity
    return out


def labels_for(language: str) -> dict[str, str]:
    """The label map of `language`'s models."""
    return ja_labels() if language == "ja" else EN_LABELS
