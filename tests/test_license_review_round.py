"""Findings of the review of the license round, as behaviour (texts written for these tests)."""

from __future__ import annotations

from curation.licenses.detect import detect_text


def test_deeply_nested_json_is_no_record_and_no_crash():
    # json.loads raises RecursionError, not ValueError: one such document stopped an ingest run
    found = detect_text('{"license": "see below", "metadata": ' + "[" * 1000 + "]" * 1000 + "}", document=True)
    assert found.expression == "NOASSERTION"


def test_a_cited_dataset_s_datacite_rights_quoted_in_a_readme_are_that_dataset_s():
    readme = ("# Tidepool Counts\n\nTidepool Counts is licensed under the MIT License.\n\nThe photos come from "
              "another deposit, whose DataCite record reads:\n\n```xml\n<resource>\n  <rightsList>\n"
              "    <rights rightsURI=\"https://creativecommons.org/licenses/by-nc-nd/4.0/\">CC BY-NC-ND 4.0</rights>\n"
              "  </rightsList>\n</resource>\n```\n")
    found = detect_text(readme)
    assert found.expression == "MIT" and not found.conflict


def test_a_citation_whose_title_only_contains_the_work_s_name_is_another_work_s():
    readme = ("# Prairie\n\nPrairie is a corpus of farm reports. It is licensed under the MIT License.\n\n"
              "Please also cite the QA benchmark built on an earlier crawl:\n\n```bibtex\n@inproceedings{roe2021,\n"
              "  title = {Prairie QA: Questions over Farm Reports},\n  note = {Released under CC BY-NC 4.0},\n}\n```\n")
    assert detect_text(readme).expression == "MIT"


def test_a_citation_titled_with_the_name_and_a_subtitle_is_the_work_s_own():
    readme = ("# Prairie\n\nFarm reports from three counties.\n\n## Citation\n\n```bibtex\n@dataset{roe2022,\n"
              "  title = {Prairie: A Corpus of Farm Reports},\n  note = {License: CC BY-NC 4.0},\n}\n```\n")
    assert detect_text(readme).expression == "CC-BY-NC-4.0"


def test_the_stored_evidence_says_when_a_long_file_was_read_only_in_part():
    from curation.licenses.evidence import text_pieces

    filler = "".join(f"- {i}: fixed the parser for case {i} and updated the docs.\n" for i in range(3000))
    found = detect_text("## License\n\nThis project is licensed under the MIT License.\n\n" + filler * 2)
    assert found.expression == "MIT" and found.unread
    stored = " ".join(p.describe() for p in text_pieces("license_file", found, "x/README.md"))
    assert "not read" in stored


def test_a_deeply_nested_manifest_or_json_ld_block_is_no_crash():
    nested = "[" * 1000 + "]" * 1000
    assert detect_text('{"name": "x", "licenses": ' + nested + "}").expression == "NOASSERTION"
    page = ('<html><head><script type="application/ld+json">{"@type": "Dataset", "license": ' + nested
            + '}</script></head><body><p>Data</p><div>x</div></body></html>')
    assert detect_text(page).expression == "NOASSERTION"


def test_a_python_file_s_docstring_notice_is_read_though_its_first_line_looks_like_a_heading():
    # "# -*- coding ..." made the file markdown, and the docstring's indented lines a code block
    source = ('# -*- coding: utf-8 -*-\n"""\n    tidekit.core\n    ~~~~~~~~~~~~\n\n    Core helpers.\n\n'
              '    :copyright: (c) 2021 by Ada Roe.\n    :license: BSD-3-Clause, see LICENSE for more details.\n"""\n')
    assert detect_text(source, document=True).expression == "BSD-3-Clause"
    script = "#!/usr/bin/env python3\n# Tidy the tide tables.\n\n    # SPDX-License-Identifier: MIT\n"
    assert detect_text(script, document=True).expression == "MIT"


def test_a_readme_s_indented_example_is_still_an_example():
    readme = ("# tidekit\n\nSet the license in your manifest, for example:\n\n    license = \"GPL-2.0-only\"\n\n"
              "## License\n\ntidekit is licensed under the MIT License.\n")
    assert detect_text(readme).expression == "MIT"
