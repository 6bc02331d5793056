"""Issue 22: mechanisms found missing by the fourth held-out set (heldout4), each tested on text
written for this test (not the held-out files): who a license is said of (a Japanese attributive
clause, material copied from elsewhere, a table that compares licenses, a question), which part a
restriction speaks of, non-commercial wording, `license: other`, a rider after a full text."""

import sys
from pathlib import Path

import pytest

from curation import licenses

sys.path.insert(0, str(Path(__file__).parent / "license_cases"))
from wrappers import reference_text  # noqa: E402


def detect(text):
    return licenses.detect_text(text)


# ---- who the license is said of ---------------------------------------------------------------
@pytest.mark.parametrize("text", [
    # a Japanese grant verb in the attributive form qualifies the noun after it: reported news
    "昨年、Apache-2.0 で配布されているライブラリに深刻な脆弱性が見つかりました。\n",
    # a table whose cells judge each license compares licenses; it licenses no part of the work
    "| License | Attribution needed | Derivatives |\n|---|---|---|\n| CC BY 4.0 | ✓ | ✓ |\n"
    "| CC BY-ND 4.0 | ✓ | ✗ |\n| CC0 1.0 | ✗ | ✓ |\n",
    # a question about licenses whose name the reader does not know as a mention
    "## FAQ\n\nIs it OK to link GPL-licensed libraries from a closed app?\n\nUsually not; ask counsel.\n",
])
def test_text_about_other_works_or_licenses_grants_nothing(text):
    assert detect(text).expression == "NOASSERTION"


def test_an_attributive_grant_about_this_work_still_counts():
    assert detect("本ライブラリは Apache-2.0 で配布されているソフトウェアです。\n").expression == "Apache-2.0"


def test_a_part_table_still_licenses_its_parts():
    text = "| Part | License |\n|---|---|\n| code | MIT |\n| data | CC BY 4.0 |\n"
    assert detect(text).expression == "MIT AND CC-BY-4.0"


def test_a_work_named_between_a_link_and_the_license_is_the_subject():
    text = ("(https://creativecommons.org/licenses/by-sa/4.0/) この写真集は CC BY-SA 4.0 "
            "(https://creativecommons.org/licenses/by-sa/4.0/) の下で提供しています。\n")
    assert detect(text).expression == "CC-BY-SA-4.0"


def test_material_copied_from_a_source_carries_that_source_s_license_as_upstream():
    text = ("---\nlicense: cc-by-4.0\n---\n\n# photo-captions\n\n## Licensing\n\n"
            "The captions were reproduced from a museum archive, whose captions are published under "
            "CC BY-SA 4.0.\n")
    found = detect(text)
    assert found.conflict  # the upstream share-alike duty the card's own license lacks
    assert found.expression == "CC-BY-SA-4.0"


# ---- non-commercial wording ------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("You may use these recordings for non-commercial teaching.\n", "LicenseRef-Custom-NonCommercial"),
    ("All commercial usage of this dataset, whether direct or through derived models, is prohibited.\n",
     "LicenseRef-Custom-NonCommercial"),
    ("This corpus is released under CC BY 4.0 with an additional condition: it must not be used to build "
     "products sold for commercial gain.\n", "LicenseRef-Custom-CC-BY-4.0-NonCommercial"),
    ("本コーパスは教育目的に限り利用できます。\n", "LicenseRef-Custom-NonCommercial"),
    ("このデータの商用での利用はご遠慮ください。\n", "LicenseRef-Custom-NonCommercial"),
])
def test_a_non_commercial_condition_in_own_words_is_a_duty(text, expected):
    assert detect(text).expression == expected


def test_a_card_with_license_other_takes_its_terms_from_the_prose():
    text = "---\nlicense: other\n---\n\n# transcripts\n\nThese transcripts may be used for academic research only.\n"
    assert detect(text).expression == "LicenseRef-Custom-NonCommercial"


# ---- which part a restriction speaks of ------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # the restriction restates the checkpoints' own NC license; the code's MIT is untouched
    ("## Licence\n\n| Part | Licence |\n|---|---|\n| code | MIT |\n| checkpoints | CC BY-NC 4.0 |\n\n"
     "The checkpoints are for non-commercial use only.\n", "MIT AND CC-BY-NC-4.0"),
    # a part no statement covers: that part's own terms, the duty kept
    ("## License\n\nThe code is MIT licensed.\n\nThe data may be used for non-commercial purposes only.\n",
     "MIT AND LicenseRef-Custom-NonCommercial"),
    # no part named: the whole work's license changes
    ("## License\n\nThis project is MIT licensed.\n\nIt may not be used for commercial purposes.\n",
     "LicenseRef-Custom-MIT-NonCommercial"),
])
def test_a_restriction_changes_the_part_it_names(text, expected):
    assert detect(text).expression == expected


# ---- a rider after a full license text ---------------------------------------------------------
def test_a_restricting_sentence_after_a_license_text_makes_it_custom():
    text = reference_text("mit").replace("<year>", "2025") + \
        "\n\nThe Software must not be used in any system that decides who is hired.\n"
    found = detect(text)
    assert found.expression == "LicenseRef-Custom-MIT"
    assert found.hint == "MIT"


def test_a_neutral_sentence_after_a_license_text_changes_nothing():
    text = reference_text("mit") + "\n\nQuestions about this project go to the issue tracker.\n"
    assert detect(text).expression == "MIT"


# ---- found by a tuning batch of probes written in this session (not held out) ---------------
@pytest.mark.parametrize("text, expected", [
    # a version in parentheses after the name (a ScanCode notice rule this reader missed)
    ("This library is published as LGPL (version 3 or later).\n", "LGPL-3.0-or-later"),
    ("Licensed under the Apache License (Version 2.0).\n", "Apache-2.0"),
    # with the work as topic, 「…で利用可能です」 is the grant
    ("本辞書データは CC BY-SA 4.0 ライセンスで利用可能です。\n", "CC-BY-SA-4.0"),
    # permission given to the reader over the work, the license named after it
    ("You are welcome to copy and adapt these maps for any purpose, provided you credit us (CC BY 4.0).\n",
     "CC-BY-4.0"),
    ("We share these transcripts for research. Please do not use them commercially.\n",
     "LicenseRef-Custom-NonCommercial"),
    # model licenses with use restrictions named in prose: custom terms a person reads
    ("The checkpoints are released under the CreativeML OpenRAIL-M license.\n",
     "LicenseRef-Custom-CreativeML-OpenRAIL-M"),
    ("These weights are distributed under the Llama 2 Community License Agreement.\n",
     "LicenseRef-Custom-scancode-llama-2-license-2023"),
])
def test_more_ways_of_applying_a_license(text, expected):
    assert detect(text).expression == expected


@pytest.mark.parametrize("text", [
    "CC BY-SA 4.0 は改変も商用利用も可能です。\n",  # the license is the topic: its description
    "OpenRAIL licenses restrict harmful uses of a model.\n",
])
def test_a_license_described_is_still_talk(text):
    assert detect(text).expression == "NOASSERTION"


@pytest.mark.parametrize("text, expected", [
    # pictures and recordings are a part of their own: a conjunction, not a conflict
    ("The transcripts are released under CC BY 4.0, while the audio recordings are licensed under "
     "CC BY-NC 4.0.\n", "CC-BY-4.0 AND CC-BY-NC-4.0"),
    ("本データのテキストは CC BY 4.0 で提供しますが、写真は CC BY-NC 4.0 で提供します。\n", "CC-BY-4.0 AND CC-BY-NC-4.0"),
])
def test_media_inside_a_dataset_is_a_part(text, expected):
    found = detect(text)
    assert found.expression == expected
    assert not found.conflict


def test_an_image_card_whose_prose_disagrees_with_its_header_is_still_a_conflict():
    text = "---\nlicense: cc-by-4.0\n---\n\n# flowers\n\nThe images are licensed under CC BY-SA 4.0.\n"
    found = detect(text)
    assert found.conflict and found.expression == "CC-BY-SA-4.0"


@pytest.mark.parametrize("text", [
    "Access to this corpus is limited to academic research.\n",
    "本コーパスは学術用途に限り利用を許諾します。\n",
    "本データは教育目的であれば無償で利用できます。\n",
    "このデータの商用利用には別途契約が必要です。\n",
])
def test_purpose_limits_are_non_commercial_terms(text):
    assert detect(text).expression == "LicenseRef-Custom-NonCommercial"


def test_a_table_of_other_works_licenses_is_not_this_works_license():
    text = ("# eval-harness\n\n| Benchmark | License | Items |\n|---|---|---|\n| HellaSwag | MIT | 10k |\n"
            "| ARC | CC BY-SA 4.0 | 7k |\n\nScores are averaged over three seeds.\n")
    assert detect(text).expression == "NOASSERTION"


def test_a_table_with_one_row_naming_a_part_of_the_work_licenses_the_parts():
    text = "| Component | License |\n|---|---|\n| tokenizer | Apache-2.0 |\n| corpus | CC BY-SA 4.0 |\n"
    assert detect(text).expression == "Apache-2.0 AND CC-BY-SA-4.0"


# ---- after the one run of heldout5 (its misses' mechanisms; texts written for these tests) ---------
@pytest.mark.parametrize("text, expected", [
    # a possessive in the subject ("the library's code") still names this work's part
    ("The library's Python code is distributed under the GNU LGPL v3.\n", "LGPL-3.0-only"),
    # the FSF translations' 「またはそれ以降」 is "or any later version"
    ("本プログラムは GNU 一般公衆利用許諾書 バージョン 3、もしくは（あなたの選択により）それ以降のバージョンの下で配布します。\n",
     "GPL-3.0-or-later"),
    ("本ライブラリは LGPL バージョン 2.1 またはそれ以降で配布します。\n", "LGPL-2.1-or-later"),
    # "for any non-commercial purpose" is a non-commercial condition
    ("Permission to use this software for any non-commercial purpose is hereby granted under the MIT license.\n",
     "LicenseRef-Custom-MIT-NonCommercial"),
])
def test_possessives_japanese_later_versions_and_any_non_commercial_purpose(text, expected):
    assert detect(text).expression == expected


def test_a_license_described_by_its_full_name_is_talk():
    text = "The Apache License lets you add a patent grant, while the MIT License is shorter.\n"
    assert detect(text).expression == "NOASSERTION"


def test_a_rider_after_a_permission_notice_without_its_disclaimer_makes_it_custom():
    # ScanCode files the MIT grant without its warranty paragraph as a notice rule, not a full text
    grant = reference_text("mit").split("THE SOFTWARE IS PROVIDED")[0].rstrip()
    found = detect(grant + "\n\nThe Software shall not be resold as part of a paid service.\n")
    assert found.expression == "LicenseRef-Custom-MIT"


def test_a_restriction_under_a_new_heading_is_no_rider_of_the_license_above():
    text = ("# proj\n\nLicensed under the Apache License, Version 2.0 (the \"License\");\nyou may not use this file "
            "except in compliance with the License.\nYou may obtain a copy of the License at\n\n"
            "    http://www.apache.org/licenses/LICENSE-2.0\n\n## Contributing\n\nYou must not submit code you did not write.\n")
    assert detect(text).expression == "Apache-2.0"


# ---- issue 22, fourth round (wt-lic2): the open kinds of the README's "Left alone" and the probes
# of tests/license_cases/tuning2; texts written for these tests --------------------------------------
def test_a_contributor_agreement_licenses_nothing_to_users():
    # ScanCode's CLA category (a CLA, the DCO) binds contributors; it is no license of the work
    assert detect("# Contributor License Agreement\n\nPlease sign it before your first pull request.\n"
                  ).expression == "NOASSERTION"


@pytest.mark.parametrize("text, expected", [
    # a license name as the adjective of another work ("against a GPL-3.0 codebase")
    ("The tool was tested against a GPL-3.0 codebase and is itself MIT licensed.\n", "MIT"),
    ("Our evaluation runs with a CC BY-NC 4.0 benchmark; the harness itself is released under the "
     "Apache License 2.0.\n", "Apache-2.0"),
    # 「…で公開されている他社の SDK と異なり、本データは…」: the cue and the attributive belong to the other clause
    ("MIT で公開されている他社の SDK と異なり、本データは CC BY 4.0 で提供します。\n", "CC-BY-4.0"),
    # a named actor other than us releases its own work: news
    ("Yesterday the startup open-sourced its speech model under the MIT License.\n", "NOASSERTION"),
    ("Google has released their dataset under CC BY 4.0.\n", "NOASSERTION"),
    ("The lab's earlier checkpoints were licensed under CC BY-NC 4.0.\n", "NOASSERTION"),
    # this work's own release, in the third person, stays a grant
    ("The project releases its code under the Apache License 2.0.\n", "Apache-2.0"),
    ("Acme releases its corpus under CC BY 4.0.\n", "CC-BY-4.0"),
    # a short file that reports news names no license of its own ("MIT" alone still does)
    ("The company was sued for violating the MIT License.\n", "NOASSERTION"),
    ("MIT\n", "MIT"),
    # comparison vocabulary (差異, 相違) is talk
    ("GPL-3.0 と MPL-2.0 の差異はコピーレフトの範囲にあります。\n", "NOASSERTION"),
])
def test_which_work_a_license_is_said_of(text, expected):
    assert detect(text).expression == expected


def test_material_a_work_is_derived_from_keeps_its_duty():
    # "derived from a ... collection" is upstream, never another work to ignore: the SA duty stays
    found = detect("This corpus was derived from a CC BY-SA 4.0 collection and is released under CC BY 4.0.\n")
    assert "CC-BY-SA-4.0" in found.expression


@pytest.mark.parametrize("text, expected", [
    # a restriction with no "this"/"our" and no other work named restricts the work that has a grant
    ("Licensed under CC BY 4.0.\n\nCommercial usage of the corpus requires prior written permission.\n",
     "LicenseRef-Custom-CC-BY-4.0-NonCommercial"),
    ("# tool\n\nライセンス: MIT\n\nソフトウェアの商用利用には事前の許諾が必要です。\n", "LicenseRef-Custom-MIT-NonCommercial"),
    # alone (no grant in the text: news, a FAQ) it creates no license
    ("Commercial use of the model requires a separate license, the company said.\n", "NOASSERTION"),
])
def test_a_restriction_without_a_subject_of_its_own(text, expected):
    assert detect(text).expression == expected


@pytest.mark.parametrize("text, expected", [
    # read as the current version (as ScanCode's notice rules read them), the duty kept
    ("The recordings are shared under CC BY-NC-ND.\n", "CC-BY-NC-ND-4.0"),
    ("本コーパスは CC BY-NC-SA で公開します。\n", "CC-BY-NC-SA-4.0"),
    ("本データはクリエイティブ・コモンズ 表示-継承 ライセンスで提供します。\n", "CC-BY-SA-4.0"),
    # the version stated elsewhere explains the version-less name: one license, no conflict
    ("Licensed under CC BY-SA.\n\nFull terms: CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/).\n",
     "CC-BY-SA-3.0"),
    # a version after element words no pattern spells is no version-less name (ScanCode reads it)
    ("This work is licensed under the Creative Commons Attribution-Noncommercial-Share Alike 3.0 Unported "
     "License.\n", "CC-BY-NC-SA-3.0"),
    # a major version after an explicit "v" is that version
    ("This dataset is released under CC BY-NC v4.\n", "CC-BY-NC-4.0"),
    ("CC BY-SA is a copyleft license for creative works.\n", "NOASSERTION"),
])
def test_a_version_less_creative_commons_name_keeps_its_duties(text, expected):
    found = detect(text)
    assert found.expression == expected and not found.conflict


def test_a_version_less_name_says_so_in_its_evidence():
    found = detect("The data is released under CC BY-NC.\n")
    assert found.expression == "CC-BY-NC-4.0" and any("version not stated" in r for r in found.matched)


@pytest.mark.parametrize("text, expected", [
    # a permission in own words whose one condition is credit: custom terms closest to CC BY 4.0
    ("Anyone may copy and adapt this glossary, as long as the source is credited.\n", "LicenseRef-Custom-CC-BY-4.0"),
    ("本資料は、著作者名を表示していただければ自由に利用できます。\n", "LicenseRef-Custom-CC-BY-4.0"),
    # beside a named license it is that license's summary
    ("This glossary is licensed under CC BY 4.0: you may copy and adapt it as long as you credit us.\n", "CC-BY-4.0"),
    # a request to cite is no permission
    ("If you use this glossary, please cite our paper.\n", "NOASSERTION"),
])
def test_an_own_words_grant_that_asks_only_for_credit(text, expected):
    assert detect(text).expression == expected


@pytest.mark.parametrize("text, expected", [
    # the License section's table, nothing else stating the license: the work's own components
    ("# wordgrid\n\n## License\n\n| Part | License |\n|---|---|\n| Renderer | BSD-3-Clause |\n| Fonts | OFL-1.1 |\n",
     "BSD-3-Clause AND OFL-1.1"),
    # with the work's license stated in the section, a table of named things lists other works
    ("# wordgrid\n\n## License\n\nThis tool is MIT licensed.\n\n| Dependency | License |\n|---|---|\n"
     "| Click | BSD-3-Clause |\n| Rich | Apache-2.0 |\n", "MIT"),
])
def test_a_license_sections_table_names_the_works_components(text, expected):
    assert detect(text).expression == expected


@pytest.mark.parametrize("text, expected", [
    # a GNU license without its version: "any version ever published", so the first one or later
    ("This program is licensed under the GPL.\n", "GPL-1.0-or-later"),
    ("本ソフトウェアは GPL で配布します。\n", "GPL-1.0-or-later"),
    ("The library is released under the GNU Lesser General Public License.\n", "LGPL-2.1-or-later"),
    # the version said apart from the name is the notice's, not a version-less name
    ("This program is free software; you can redistribute it under the terms of the GNU General Public "
     "License as published by the Free Software Foundation; either version 2 of the License, or (at your "
     "option) any later version.\n", "GPL-2.0-or-later"),
    # talk about the GPL stays talk, with or without a verb before "under"
    ("The GPL is a copyleft license.\n", "NOASSERTION"),
    ("Software under the GPL must ship its source.\n", "NOASSERTION"),
    ("Data under CC BY 4.0, code under MIT.\n", "CC-BY-4.0 AND MIT"),
])
def test_a_version_less_gnu_name_keeps_the_copyleft(text, expected):
    assert detect(text).expression == expected
