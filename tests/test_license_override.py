"""A steward's license override: audited, applied to held documents at once and to quarantined
files on the next ingest, shown on the dataset card; the version's license duties."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from curation.ingest import pipeline
from curation.audit.log import verify
from curation.cli import app
from curation.policy import load_policy
from curation.sources.files import file_digest
from curation.documents import CleanDocument, ItemOutcome

from tests_helpers import TICKETS_EN

PARTNER = "Northwind partner brief: the joint launch moves to the second quarter of next year."
FORUM = "A forum answer explaining how to configure the export scheduler for nightly runs."


@pytest.fixture
def inbox(workspace):
    root = workspace.root / "inbox"
    for name, license, files in [
        ("tickets", "Apache-2.0", {"t.jsonl": "\n".join(json.dumps({"text": t}) for t in TICKETS_EN[:4]) + "\n"}),
        ("partner", "CC-BY-NC-4.0", {"brief.txt": PARTNER}),
        ("forum", "CC-BY-SA-4.0", {"post.txt": FORUM}),
    ]:
        (root / name).mkdir(parents=True)
        (root / name / "SOURCE.yaml").write_text(f"license: {license}\nowner: {name.title()} Team\n")
        for file, text in files.items():
            (root / name / file).write_text(text)
    return root


def build(workspace, inbox):
    return pipeline.ingest_and_build(workspace, inbox, "mixed", load_policy(workspace.default_policy))


def override(*args):
    return CliRunner().invoke(app, ["license", "override", *args], env={"COLUMNS": "200"})


def quarantined_partner_file(workspace, inbox):
    """The catalog state an ingest leaves for a non-commercial source: its file read, its one
    document quarantined for its license (the text is not kept)."""
    catalog = workspace.catalog()
    catalog.upsert_source("partner", "CC-BY-NC-4.0", "Partner Team", None, "en")
    catalog.commit_batch("run-0", "mixed", [("partner/brief.txt", file_digest(inbox / "partner" / "brief.txt"),
                                             "partner", 1)],
                         [ItemOutcome("partner", "partner/brief.txt", 0, "quarantined", "license_noncommercial", "nc")],
                         [], [])


def test_override_is_audited_used_by_the_next_ingest_and_shown_on_the_card(workspace, inbox):
    quarantined_partner_file(workspace, inbox)
    contract = "LicenseRef-Northwind-Contract-2024"
    result = override("partner", contract, "--reviewer", "Dana", "--reason", "Contract 2024-17 grants training use")
    assert result.exit_code == 0, result.output
    assert "1 file(s) to be read again" in result.output

    records = [json.loads(line) for line in (workspace.audit_dir / "audit.jsonl").read_text().splitlines()]
    (record,) = [r for r in records if r["event"] == "license.override"]
    assert (record["subject"], record["actor"], record["data"]["expression"]) == ("partner", "Dana", contract)
    assert record["data"]["license_class"] == "allow" and verify(workspace.audit_dir).ok

    after = build(workspace, inbox)
    partner = [i for i in workspace.catalog().run_items(after.summary.run_id) if i["source"] == "partner"]
    assert [(i["outcome"], i["reason"]) for i in partner] == [("accepted", "license_override")]
    version = workspace.datasets / "mixed" / after.build.version_id
    card = (version / "README.md").read_text(encoding="utf-8")
    assert "### Steward license decisions" in card
    assert f"partner: `{contract}` recorded by Dana" in card and "Contract 2024-17" in card
    attribution = (version / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "## tickets" in attribution and "Tickets Team" in attribution and "Apache-2.0" in attribution


def held_forum_document(catalog):
    """The catalog state an ingest leaves for a share-alike source: one document held for review."""
    catalog.upsert_source("forum", "CC-BY-SA-4.0", "Community Team", None, "en")
    catalog.commit_batch("run-1", "mixed", [("forum/post.txt", "d1", "forum", 1)],
                         [ItemOutcome("forum", "forum/post.txt", 0, "license_review", "license_sharealike", "held",
                                      "doc-1")],
                         [CleanDocument(doc_id="doc-1", source="forum", path="forum/post.txt", record=0, language="en",
                                        language_confidence=1.0, text_anonymized=FORUM, pii_counts={}, residual={},
                                        license_expression="CC-BY-SA-4.0", license_evidence="source_yaml",
                                        license_class="review", license_reason="license_sharealike",
                                        n_chars=len(FORUM), n_tokens=12, dup_key="k")], [])


def test_override_of_a_known_license_keeps_its_policy_class(workspace):
    held_forum_document(workspace.catalog())
    result = override("forum", "CC-BY-NC-SA-4.0", "--reviewer", "Dana", "--reason", "the forum's real terms")
    assert result.exit_code == 0, result.output
    assert "classed 'deny' (license_noncommercial); 1 document(s) updated" in result.output
    assert workspace.catalog().held_for_review("mixed") == []


def test_override_with_a_contract_releases_held_documents_at_once(workspace):
    held_forum_document(workspace.catalog())
    result = override("forum", "LicenseRef-Forum-Contract", "--reviewer", "Dana", "--reason", "signed 2024-05")
    assert result.exit_code == 0, result.output
    assert workspace.catalog().feature_frame("mixed")["doc_id"].tolist() == ["doc-1"]


@pytest.mark.parametrize("args, message", [
    (["nowhere", "MIT", "--reviewer", "Dana", "--reason", "x"], "source 'nowhere' not found"),
    (["forum", "MIT AND", "--reviewer", "Dana", "--reason", "x"], "not a valid SPDX expression"),
    (["forum", "MIT", "--reviewer", " ", "--reason", "x"], "reviewer name is required"),
    (["forum", "MIT", "--reviewer", "Dana", "--reason", ""], "reason is required"),
])
def test_bad_override_is_refused_with_a_reason(workspace, args, message):
    held_forum_document(workspace.catalog())
    result = override(*args)
    assert result.exit_code == 1 and message in result.output
