"""PERSON: the names a form field, a list of people or an "approved by" gives, where NER reads a name without a sentence around it."""

from __future__ import annotations

import regex as re

from curation.pii.recognizers.en.organization import FOREIGN_FORMS, LEGAL_FORMS
from curation.pii.recognizers.en.shapes import NOT_NAMES
from curation.pii.role_shapes import HONORIFICS, names_role_or_unit
from curation.pii.truecase import common_words

# Fields whose value is a person's name, as forms, bookings, manifests, CRM notes and minutes write
# them: "Applicant: …", "Full name: …", "Passenger: …", "Attendees: A (X), B (Y)", "Bill to: A & B".
# A field that may hold a company (payee, beneficiary, supplier, contact, assigned to) is not one.
_FIELDS = ("name|full name|surname|last name|family name|first names?|given names?|other names|forenames?"
           "|applicant|passenger|traveller|traveler|driver|guide|patient|insured|policyholder|employee|tenant"
           "|owner|reviewer|approver|signatory|witness|emergency contact|next of kin|contact person|agent"
           "|attendees|participants|apologies|present|bill to")
# Verbs whose "by" names who did it: "approved by Giorgia Fabbri", "opened by Nikola Jovanović".
_BY_VERBS = ("approved|signed|prepared|reviewed|opened|raised|reported|submitted|requested|authori[sz]ed|checked"
             "|written|logged|created")
# A name's word in any script's capitals ("Zsófia", "Owusu-Ansah", "al-Rashid"), an initial ("J."),
# or a particle between two such words ("van der", "de la", "bin").
_UPPER_WORD = r"\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*"
_NAME_WORD = rf"(?:{_UPPER_WORD}|\p{{Lu}}\.|(?:al|el)-{_UPPER_WORD})"
_PARTICLE = r"(?:van|von|der|den|de|del|della|la|le|da|das|dos|du|di|ten|ter|bin|ibn|bint|binti|al|el)"
_NAME = rf"{_NAME_WORD}(?:\ (?:{_PARTICLE}\ ){{0,2}}{_NAME_WORD}){{0,5}}"
# A field starts a line, or follows a gap of spaces or a bar in a one-line form ("Driver: A   Guide: B").
_FIELD = re.compile(rf"(?:^|\ \ |\|\ ?|\t)(?i:(?P<label>{_FIELDS}))(?:\ \([^()\n]{{1,30}}\))?:[ \t]+(?=\p{{Lu}})"
                    rf"|\b(?:{_BY_VERBS})\ by\ (?=\p{{Lu}})", re.MULTILINE)
# One name of a field's value, then what may part it from the next: a role in brackets, a comma,
# "and" or "&"; a list label takes every name, another field only those joined by "and" or "&".
_ONE = re.compile(rf"(?P<name>{_NAME})(?![\p{{L}}\d@])(?:\ \([^()\n]{{1,40}}\))?(?P<sep>,\ |\ and\ |\ &\ |;\ )?")
_LISTS = frozenset({"attendees", "participants", "apologies", "present"})
# A value that ends in a legal form, or has one after it, is the company a bill-to, owner or
# policyholder field may also hold ("Owner: Acme Ltd", "Bill to: Nordlicht Verlag AG").
_LEGAL_FORM = re.compile(rf"(?:{LEGAL_FORMS})\.?")
_LEGAL_FORM_AFTER = re.compile(rf",?\ (?:{FOREIGN_FORMS}|{LEGAL_FORMS})(?![\p{{L}}\d])")
# A field's value ends where its cell does: a line end, a comma, a bracket, a gap, a bar or a
# joined name. A value that runs on in lower case is a sentence a speaker says ("AGENT: I've …").
_VALUE_END = re.compile(r"[ \t]*(?:$|[,;|(]|\t|\ \ |&|and\ |\.\ *$)", re.MULTILINE)
# Months and days after "by" are a deadline ("closed by July"), not who closed it.
_CALENDAR = frozenset("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday""".split())


def field_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each person's name that a field, a list of people or an "X by" gives in
    `text`: capitalised words (particles between them), not a role or unit ("Owner: Finance Team"),
    a one-word value not a common word ("Driver: Available")."""
    spans = []
    for field in _FIELD.finditer(text):
        listed = (field["label"] or "").lower() in _LISTS
        at = field.end()
        while (one := _ONE.match(text, at)) is not None:
            start, end = _without_honorifics(text, *one.span("name"))
            ends = field["label"] is None or _VALUE_END.match(text, one.end("name"))
            if start < end and ends and not _LEGAL_FORM_AFTER.match(text, end) and _is_name(text[start:end]):
                spans.append((start, end))
            sep = one["sep"] or ""
            if not sep or (not listed and sep.strip() not in ("and", "&")):
                break
            at = one.end()
    return spans


def _without_honorifics(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a value's name after the last honorific in it ("Principal Ms Niamh Byrne",
    "Ms Chloe Reeves"): the title and any rank before it are no part of the name."""
    words = text[start:end].split(" ")
    titled = [i for i, w in enumerate(words) if w.rstrip(".").lower() in HONORIFICS]
    if not titled:
        return start, end
    return start + len(" ".join(words[:titled[-1] + 1])) + 1, end


def _is_name(value: str) -> bool:
    """Whether a field's capitalised value is a person's name, not a role, unit, company or word."""
    words = value.split()
    if words[0] in NOT_NAMES or names_role_or_unit(words) or _LEGAL_FORM.fullmatch(words[-1]):
        return False
    return len(words) > 1 or (value.lower() not in common_words() and value.lower() not in _CALENDAR)
