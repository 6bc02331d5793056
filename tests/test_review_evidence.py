"""What a steward reviews: a sample of anonymized records per source with placeholders marked,
items left out by reason, and the changes since the last approved version; nothing raw."""

from __future__ import annotations

import json

from curation.datasets import review_evidence, versions
from curation.ingest import pipeline
from curation.policy import load_policy
from tests_helpers import TICKETS_EN


def ingest(workspace, texts: list[str], name: str = "t.jsonl"):
    src = workspace.root / "inbox" / "tickets"
    src.mkdir(parents=True, exist_ok=True)
    (src / "SOURCE.yaml").write_text("license: MIT\nlanguage: en\n")
    (src / name).write_text("\n".join(json.dumps({"text": t}) for t in texts) + "\n{broken\n")
    build = pipeline.ingest_and_build(workspace, workspace.root / "inbox", "tickets",
                                      load_policy(workspace.default_policy)).build
    return workspace.catalog().version(build.version_id)


def test_first_version_shows_a_marked_sample_and_what_was_left_out(workspace):
    version = ingest(workspace, TICKETS_EN[:6])
    evidence = review_evidence.gather(workspace.catalog(), version, per_source=2)
    assert evidence.previous is None and len(evidence.samples) == 2
    assert evidence.quarantined == {"malformed_json": 1}
    text = review_evidence.to_markdown(evidence)
    assert "everything is new" in text and "- malformed_json: 1" in text
    assert "`<PERSON" in text or "`<EMAIL_ADDRESS" in text  # placeholders shown as code, not as HTML tags
    for raw in ("Alice", "@example"):  # the people and addresses of TICKETS_EN stay anonymized
        assert all(raw not in s.excerpt for s in evidence.samples)


def test_the_next_version_is_compared_with_the_last_approved_one(workspace):
    first = ingest(workspace, TICKETS_EN[:6])
    versions.decide(workspace.catalog(), workspace.audit(), first["version_id"], "approve", "Dana", "ok")
    second = ingest(workspace, TICKETS_EN[6:8], name="more.jsonl")
    evidence = review_evidence.gather(workspace.catalog(), second)
    assert evidence.previous == first["version_id"]
    assert (evidence.added, evidence.removed) == (2, 0)
    assert evidence.sources == {"tickets": (6, 8)} and evidence.licenses == {"MIT": (6, 8)}
    lines = "\n".join(review_evidence.changes_markdown(evidence))
    assert "2 document(s) added, 0 removed" in lines and "| tickets | 6 → 8 (+2) |" in lines


def test_markdown_of_an_excerpt_escapes_its_text_and_codes_the_placeholders():
    assert review_evidence.marked("Hi <PERSON_3fa2c1>, see *this* | <b>x</b>") == \
        "Hi `<PERSON_3fa2c1>`, see \\*this\\* \\| \\<b\\>x\\</b\\>"
