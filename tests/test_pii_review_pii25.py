"""Names made of common words stay masked beside the shapes that name no one (table headers, job
titles, document nouns), and those shapes stay unmasked (review of round pii25; sentences written
for these tests)."""

from __future__ import annotations

import pytest


def _masked(anonymizer, text: str) -> str:
    return anonymizer.anonymize_in_process([text], "en")[0].text


@pytest.mark.parametrize(("text", "name"), [
    # A later table cell of common words is a second person, not a header.
    ("Owner   Backup\nHelen Carter   Grace Bell\nOwen Fletcher   Mark Wood\n", "Mark Wood"),
    ("Leeds   Priya Natarajan   Will Young\n", "Will Young"),
    ("Depot\tDriver\tRelief\nYork\tDaniel Okafor\tRose Hill\n", "Rose Hill"),
    # A common word before a grade word is a given name, not part of a job title.
    ("Please call Mark Field Engineer before noon.", "Mark"),
    ("Joy Shift Supervisor approved the rota yesterday.", "Joy Shift"),
    ("Please call Grace Ward Nurse about the results.", "Grace Ward"),
    ("Grace Day Nurse covered the early shift.", "Grace Day"),
    # NER's organisation before a document noun: a name of common words, not a title.
    ("See the Will Young memo below.", "Will Young"),
    ("I liked the Grace Hill proposal.", "Grace Hill"),
    ("Did you read the Mark Wood report on pricing?", "Mark Wood"),
])
def test_names_of_common_words_are_masked(anonymizer, text, name):
    assert name not in _masked(anonymizer, text)


@pytest.mark.parametrize(("text", "kept"), [
    # Header and role cells of a table.
    ("Manager:\tHelen Carter\tCover:\tOwen Pryce\n", "Cover:"),
    ("Karen Lindqvist   Site Lead   020 7946 0123\n", "Site Lead"),
    # Job titles graded before the trade word.
    ("Our Senior Reservoir Engineer reviewed the well logs.", "Senior Reservoir Engineer"),
    ("The Night Manager locks the doors at ten.", "Night Manager"),
    # Document titles of a company's function words or one common word.
    ("Attach the Customer Success report to the ticket.", "Customer Success report"),
    ("The Annual report is due in March.", "Annual report"),
])
def test_headers_roles_and_titles_stay_unmasked(anonymizer, text, kept):
    assert kept in _masked(anonymizer, text)


def test_people_beside_header_cells_stay_masked(anonymizer):
    out = _masked(anonymizer, "Manager:\tHelen Carter\tCover:\tOwen Pryce\nKaren Lindqvist   Site Lead\n")
    assert "Helen Carter" not in out and "Owen Pryce" not in out and "Lindqvist" not in out
