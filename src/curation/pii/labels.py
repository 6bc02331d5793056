"""Which Presidio entity type each spaCy (OntoNotes) or GiNZA (extended named entity) label stands for."""

from __future__ import annotations

# spaCy (OntoNotes) labels → Presidio entity types. ORG is kept: organization names identify.
EN_LABELS = {
    "PERSON": "PERSON", "PER": "PERSON", "NORP": "NRP", "FAC": "LOCATION", "LOC": "LOCATION",
    "GPE": "LOCATION", "ORG": "ORGANIZATION", "DATE": "DATE_TIME", "TIME": "DATE_TIME",
}
# GiNZA (Sekine's extended named entities) labels → Presidio entity types; without this mapping
# Presidio maps nothing from GiNZA.
JA_LABELS = {
    "Person": "PERSON",
    "Province": "LOCATION", "City": "LOCATION", "County": "LOCATION", "Country": "LOCATION",
    "GPE_Other": "LOCATION", "Location_Other": "LOCATION", "Address_Other": "LOCATION",
    "Postal_Address": "LOCATION", "Facility_Other": "LOCATION", "Station": "LOCATION",
    "Company": "ORGANIZATION", "Corporation_Other": "ORGANIZATION", "Organization_Other": "ORGANIZATION",
    "Company_Group": "ORGANIZATION", "Political_Organization_Other": "ORGANIZATION",
    "School": "ORGANIZATION", "Government": "ORGANIZATION",
    "Date": "DATE_TIME", "Time": "DATE_TIME", "Era": "DATE_TIME",
}
IGNORED = ["CARDINAL", "EVENT", "LANGUAGE", "LAW", "MONEY", "ORDINAL", "PERCENT", "PRODUCT",
           "QUANTITY", "WORK_OF_ART"]


def labels_for(language: str) -> dict[str, str]:
    """The label map of `language`'s models."""
    return JA_LABELS if language == "ja" else EN_LABELS
