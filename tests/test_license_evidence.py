"""License evidence for a document: the order of the pieces, folder files, dataset cards, conflicts."""

import pytest

from curation import licenses
from curation.documents import RawDocument
from curation.sources.source_yaml import read_source_yaml

APACHE_NOTICE = "Licensed under the Apache License, Version 2.0 (the \"License\");\n"


@pytest.fixture(scope="session")
def rules(policy):
    return licenses.rules_for(policy)


def source(tmp_path, yaml_text=None, files=None):
    folder = tmp_path / "inbox" / "src"
    folder.mkdir(parents=True)
    if yaml_text is not None:
        (folder / "SOURCE.yaml").write_text(yaml_text, encoding="utf-8")
    for name, text in (files or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return read_source_yaml(folder)


def doc(text="A note about the quarterly planning meeting.", path="src/a.txt", **metadata):
    return RawDocument("src", path, 0, text, metadata)


def test_each_kind_of_evidence_is_found_in_order(tmp_path, rules):
    info = source(tmp_path, "license: CC-BY-4.0\n", {
        "LICENSE": APACHE_NOTICE,
        "README.md": "---\nlicense: cc-by-4.0\n---\n# Notes\n"})
    kinds = [p.kind for p in licenses.gather(doc(
        "SPDX-License-Identifier: CC-BY-4.0\nThis work is licensed under a Creative Commons Attribution "
        "4.0 International License.", license="CC-BY-4.0"), info, 0.8)]
    assert kinds == ["metadata", "spdx_tag", "document_text", "license_file", "source_yaml", "hf_card"]


def test_first_piece_names_the_license_when_all_agree(tmp_path, rules):
    info = source(tmp_path, "license: Apache-2.0\n", {"LICENSE": APACHE_NOTICE})
    decision = licenses.decide(doc(), info, rules)
    assert (decision.expression, decision.evidence.split(":")[0], decision.license_class) == (
        "Apache-2.0", "license_file", "allow")
    assert "also: SOURCE.yaml license: Apache-2.0" in decision.message


def test_license_file_alone_is_evidence(tmp_path, rules):
    info = source(tmp_path, None, {"COPYING": APACHE_NOTICE})
    decision = licenses.decide(doc(), info, rules)
    assert (decision.expression, decision.evidence.split(":")[0]) == ("Apache-2.0", "license_file")


def test_conflicting_evidence_goes_to_review_with_both_pieces(tmp_path, rules):
    info = source(tmp_path, "license: MIT\n")
    decision = licenses.decide(doc(license="CC-BY-4.0"), info, rules)
    assert (decision.license_class, decision.reason) == ("review", "license_conflict")
    assert decision.evidence == "conflict: metadata=CC-BY-4.0; source_yaml=MIT"
    assert "CC-BY-4.0" in decision.message and "MIT" in decision.message


def test_conflict_between_an_allowed_and_a_denied_license_is_reviewed_not_allowed(tmp_path, rules):
    info = source(tmp_path, "license: MIT\n")
    decision = licenses.decide(doc(license="CC-BY-NC-4.0"), info, rules)
    assert decision.license_class == "review" and "(deny)" in decision.message


def test_conflict_where_every_reading_is_denied_stays_denied(tmp_path, rules):
    info = source(tmp_path, "license: CC-BY-NC-SA-4.0\n")
    decision = licenses.decide(doc(license="CC-BY-NC-4.0"), info, rules)
    assert (decision.license_class, decision.reason) == ("deny", "license_conflict")


def test_notice_in_the_text_conflicting_with_source_yaml_is_reviewed(tmp_path, rules):
    info = source(tmp_path, "license: CC-BY-4.0\n")
    text = ("Partner brief.\nThis work is licensed under a Creative Commons Attribution-NonCommercial 4.0 "
            "International License.")
    decision = licenses.decide(doc(text), info, rules)
    assert decision.license_class == "review"
    assert decision.evidence == "conflict: document_text=CC-BY-NC-4.0; source_yaml=CC-BY-4.0"


def test_nearest_license_file_governs_its_subfolder(tmp_path, rules):
    info = source(tmp_path, None, {"LICENSE": "SPDX-License-Identifier: MIT\n", "vendor/LICENSE": APACHE_NOTICE,
                                   "vendor/b.txt": "x"})
    assert licenses.decide(doc(path="src/vendor/b.txt"), info, rules).expression == "Apache-2.0"
    assert licenses.decide(doc(path="src/a.txt"), info, rules).expression == "MIT"


def test_dataset_card_license_maps_hugging_face_ids(tmp_path, rules):
    info = source(tmp_path, None, {"faq/README.md": "---\nlicense: odc-by\npretty_name: FAQ\n---\n# FAQ\n",
                                   "faq/state.json": "{}"})
    decision = licenses.decide(doc(path="src/faq"), info, rules)
    assert (decision.expression, decision.evidence.split(":")[0], decision.license_class) == (
        "ODC-By-1.0", "hf_card", "allow")


def test_dataset_card_license_other_is_an_unknown_license(tmp_path, rules):
    info = source(tmp_path, None, {"README.md": "---\nlicense: other\n---\n"})
    decision = licenses.decide(doc(), info, rules)
    assert (decision.expression, decision.license_class, decision.reason) == (
        "LicenseRef-HF-other", "deny", "license_unknown")


def test_document_that_talks_about_a_license_does_not_conflict(tmp_path, rules):
    info = source(tmp_path, "license: MIT\n")
    text = "Legal asked whether we may reuse GPL code; the answer is no, and CC BY-SA 4.0 content is out too."
    decision = licenses.decide(doc(text), info, rules)
    assert (decision.evidence.split(":")[0], decision.license_class) == ("source_yaml", "allow")


def test_invalid_source_yaml_license_beside_a_valid_metadata_license_is_a_conflict(tmp_path, rules):
    info = source(tmp_path, "license: MIT-ish\n")
    decision = licenses.decide(doc(license="MIT"), info, rules)
    assert decision.reason == "license_conflict" and "not a valid SPDX expression" in decision.message


def test_the_decision_names_the_file_lines_and_rule_that_are_its_evidence(tmp_path, rules):
    info = source(tmp_path, None, {"README.md": "# Notes\n\n## License\n\nThis corpus is released under CC BY 4.0.\n"})
    decision = licenses.decide(doc(), info, rules)
    assert decision.expression == "CC-BY-4.0"
    assert decision.evidence.startswith("license_file: src/README.md (line 5 grant: ")


def test_a_license_file_linked_from_outside_the_inbox_is_not_evidence(tmp_path):
    from curation.documents import RawDocument, SourceInfo
    from curation.licenses.evidence import folder_evidence

    outside = tmp_path / "outside" / "LICENSE"
    outside.parent.mkdir()
    outside.write_text("MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy")
    source = tmp_path / "inbox" / "notes"
    source.mkdir(parents=True)
    (source / "LICENSE").symlink_to(outside)
    (source / "a.txt").write_text("A note.")
    doc = RawDocument("notes", "notes/a.txt", 0, "A note.")
    assert folder_evidence(doc, SourceInfo("notes", folder=str(source)), 0.8) == []
    (source / "LICENSE").unlink()
    (source / "LICENSE").write_text(outside.read_text())
    assert [e.expression for e in folder_evidence(doc, SourceInfo("notes", folder=str(source)), 0.8)] == ["MIT"]


def test_the_evidence_lists_every_statement_and_the_lines_not_counted(tmp_path, rules):
    readme = ("# Notes\n\nMIT and Apache-2.0 are both popular licenses, which one is better?\n\n"
              "The code is licensed under the MIT License, except the vendor/ folder, which is under the ISC "
              "License. The documentation is licensed under CC BY 4.0. The model weights are licensed under "
              "CC BY-SA 4.0. The sample data is licensed under CC0 1.0.\n")
    info = source(tmp_path, None, {"README.md": readme})
    evidence = licenses.decide(doc(), info, rules).evidence
    assert evidence.count(" grant: ") == 5  # not only the first four
    assert "not counted, talk about licenses: line(s) 3" in evidence
