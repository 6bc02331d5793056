"""Only a kept copy claims a text: a copy refused before PII (its source's license denied) must not
make a copy from an allowed source a duplicate of nothing (that copy would be lost for good: its
file is recorded as read)."""

import pytest

from curation.ingest import pipeline, run
from curation.policy import load_policy

TEXT = "The quarterly maintenance window moves to the first Sunday of each month, from two to four."


def inbox_with_two_copies(root):
    inbox = root / "inbox"
    for name, license in (("a_partner", "CC-BY-NC-4.0"), ("b_tickets", "MIT")):  # the denied copy first
        (inbox / name).mkdir(parents=True)
        (inbox / name / "SOURCE.yaml").write_text(f"license: {license}\n")
        (inbox / name / "note.txt").write_text(TEXT)
    return inbox


@pytest.mark.parametrize("files_per_batch", [64, 1], ids=["same batch", "later batch"])
def test_a_copy_from_an_allowed_source_is_kept_when_the_first_was_refused(workspace, monkeypatch, files_per_batch):
    monkeypatch.setattr(run, "FILES_PER_BATCH", files_per_batch)
    inbox = inbox_with_two_copies(workspace.root)
    summary = pipeline.ingest_and_build(workspace, inbox, "notes", load_policy(workspace.default_policy)).summary
    assert summary.outcomes == {"quarantined": 1, "accepted": 1}
    rows = workspace.catalog()._rows("SELECT source, outcome, reason FROM ingest_items ORDER BY source")
    assert [(r["source"], r["outcome"]) for r in rows] == [("a_partner", "quarantined"), ("b_tickets", "accepted")]


def test_a_second_kept_copy_is_still_a_duplicate(workspace):
    inbox = inbox_with_two_copies(workspace.root)
    (inbox / "b_tickets" / "again.txt").write_text(TEXT)
    summary = pipeline.ingest_and_build(workspace, inbox, "notes", load_policy(workspace.default_policy)).summary
    assert summary.outcomes == {"quarantined": 1, "accepted": 1, "duplicate": 1}
