"""Issue 22, heldout13's misses as general mechanisms, each tested on text written for this test (other
wordings, English and Japanese, other licenses of the same kind): mail threads, memos, minutes and
稟議書 that discuss licenses grant none; a page's <link rel="license"> is evidence; "or, if you
prefer," keeps a choice; national open-data licences read by their names."""

import pytest

from curation import licenses
from curation.licenses.deliberation import record_kind
from curation.licenses.names import mentions, model_terms
from curation.licenses.scancode_terms import custom_terms_id
from curation.licenses.text import clean


def detect(text):
    return licenses.detect_text(text)


# ---- 1: talk inside correspondence and deliberation records is no grant ------------------------
_MAIL = """From: Kenji Mori <kenji@example.org>
Sent: Wednesday, 3 September 2025 10:04
To: OSS office <oss@example.org>
Subject: RE: licence for the routing library

Hi,

We would like to release the routing library under the MIT License so partners can embed it.
Would Apache License 2.0 be safer because of its patent grant? Please advise.

> From: OSS office
> The GPL-3.0 option is off the table for the SDK.
"""

_MEMO = """MEMORANDUM

To: Engineering leads
From: Open Source Program Office
Date: 12 May 2025
Re: Licence for the telemetry SDK

We propose that the telemetry SDK be released under the Apache License, Version 2.0. The
alternative, the GNU Affero General Public License version 3, was rejected because customers run it
as a service. Please comment by Friday.
"""

_MINUTES = """# Meeting notes: data release sync

Attendees: Aiko, Bram, Chen
Date: 2025-06-02

- Agreed to publish the speech subset under CC BY 4.0 once consent forms are checked.
- Bram asked whether CC BY-NC 4.0 would be safer for the interview recordings; open.
"""

_RINGI_JA = """# 稟議書：データセット公開の件

申請者：佐藤
申請部署：研究開発部
承認者：法務部長

## 申請内容

社内で作成した対話コーパスを CC BY-SA 4.0 で公開したい。
代替案として CC BY 4.0 も検討したが、改変版の共有を求めるため CC BY-SA 4.0 を選ぶ。
"""

_MINUTES_JA = """# 議事録：OSS ライセンス方針会議

日時：2025年7月1日　出席者：開発部、法務部
議題：SDK の公開ライセンス

- SDK は MIT ライセンスで公開する案が出た。
- GPL v3 は顧客の組み込みに支障があるため採用しない。
"""


@pytest.mark.parametrize("text, kind", [(_MAIL, "mail"), (_MEMO, "record"), (_MINUTES, "record"),
                                        (_RINGI_JA, "record"), (_MINUTES_JA, "record")])
def test_a_mail_a_memo_minutes_and_a_ringisho_are_records_of_deliberation(text, kind):
    assert record_kind(clean(text)) == kind


@pytest.mark.parametrize("text", [_MAIL, _MEMO, _MINUTES, _RINGI_JA, _MINUTES_JA])
def test_licenses_proposed_or_weighed_in_such_a_record_are_no_grant(text):
    found = detect(text)
    assert found.expression == "NOASSERTION"
    assert any("talks about licenses" in line for line in found.explain())


@pytest.mark.parametrize("text", [
    # a dataset OF minutes is a dataset: its title names what it holds, its own grant stands
    "# 議事録要約データ\n\n社内会議の議事録を要約したデータです。\n\n要約文は CC BY 4.0 で公開します。\n",
    # a tool named after minutes is a tool
    "# Meeting Minutes Generator\n\nDate: 2025-01-01\n\nThis project is licensed under the MIT License.\n",
    # a README with an author and date line but no record's title
    "# tidy-geo\n\nAuthor: Lena\nDate: 2025-02-03\n\nReleased under the Apache License 2.0.\n",
])
def test_a_work_whose_title_or_fields_only_resemble_a_record_keeps_its_grant(text):
    assert record_kind(clean(text)) is None
    assert detect(text).expression != "NOASSERTION"


def test_a_mail_quoted_further_down_a_readme_does_not_make_it_a_mail():
    text = ("# relay\n\nA mail relay.\n\n## License\n\nMIT License.\n\n" + "Some usage notes.\n\n" * 8
            + "## Example message\n\nFrom: a@example.org\nSubject: hello\n")
    assert record_kind(clean(text)) is None
    assert detect(text).expression == "MIT"


# ---- 2: <link rel="license"> in a page's head is evidence ----------------------------------------
def _page(head_link, footer):
    return (f"<html><head><title>Archive</title>{head_link}</head><body><h1>Archive</h1>"
            f"<p>Scans of old maps.</p><footer><p>{footer}</p></footer></body></html>")


def test_a_head_license_link_that_disagrees_with_the_footer_is_a_conflict_read_the_stricter_way():
    found = detect(_page('<link href="https://creativecommons.org/licenses/by-sa/4.0/" rel="license">',
                         "The maps are licensed under CC BY 4.0."))
    assert found.conflict
    assert found.expression == "CC-BY-SA-4.0"


def test_a_head_license_link_alone_is_the_pages_license():
    found = detect(_page("<link rel='license' href='https://creativecommons.org/licenses/by-nd/4.0/'>",
                         "&copy; 2025 the map society"))
    assert found.expression == "CC-BY-ND-4.0"


def test_a_head_license_link_that_agrees_with_the_footer_raises_no_conflict():
    found = detect(_page('<link rel="license" href="https://creativecommons.org/licenses/by/4.0/">',
                         "Licensed under Creative Commons Attribution 4.0 International."))
    assert found.expression == "CC-BY-4.0" and not found.conflict


def test_other_head_links_are_no_license_evidence():
    found = detect(_page('<link rel="stylesheet" href="https://creativecommons.org/licenses/by-nc/4.0/x.css">',
                         "Licensed under CC BY 4.0."))
    assert found.expression == "CC-BY-4.0"


# ---- 3: "or, if you prefer," keeps the choice -----------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("You may use this file under the Apache License, Version 2.0, or, at your option, under the terms of the "
     "Mozilla Public License 2.0.", "Apache-2.0 OR MPL-2.0"),
    ("This library may be copied under the GNU General Public License as published by the Free Software "
     "Foundation, version 2 of that license, or, if you wish, under the MIT License.", "GPL-2.0-only OR MIT"),
    ("Distribute it under the terms of the Eclipse Public License 2.0 or, alternatively, the GNU Lesser "
     "General Public License as published by the Free Software Foundation, either version 3 of the License "
     "or (at your option) any later version.", "EPL-2.0 OR LGPL-3.0-or-later"),
])
def test_a_choice_offered_with_a_preference_phrase_stays_a_choice(text, expected):
    assert detect(text).expression == expected


@pytest.mark.parametrize("sentence, expected", [
    ("modify it under the GNU Lesser General Public License as published by the Free Software Foundation, "
     "either version 2.1 of that license or (at your option) any later version", "LGPL-2.1-or-later"),
    ("under the GNU Affero General Public License as published by the Free Software Foundation; version 3 of "
     "the license", "AGPL-3.0-only"),
    ("under the GNU General Public License, as published by the Free Software Foundation, version 2",
     "GPL-2.0-only"),
])
def test_a_gnu_version_said_after_the_foundation_is_read(sentence, expected):
    assert [m.expression for m in mentions(sentence)] == [expected]


# ---- 4: national open-data licences by their names ------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("published under the Licence Ouverte / Open Licence version 2.0", "etalab-2.0"),
    ("données diffusées sous « Licence Ouverte » v2.0 (Etalab)", "etalab-2.0"),
    ("reuse under the Etalab Open Licence 2.0", "etalab-2.0"),
    ("contains public sector information licensed under the Open Government Licence v3.0", "OGL-UK-3.0"),
    ("英国オープンガバメントライセンス 3.0 に基づく", "OGL-UK-3.0"),
    ("Datenlizenz Deutschland – Namensnennung – Version 2.0", "DL-DE-BY-2.0"),
    ("under the Data licence Germany - attribution - version 2.0", "DL-DE-BY-2.0"),
    ("Lizenz: dl-de/zero-2-0", "DL-DE-ZERO-2.0"),
    ("Norsk lisens for offentlige data (NLOD) 2.0", "NLOD-2.0"),
    ("made available under the Norwegian Licence for Open Government Data (NLOD) 1.0", "NLOD-1.0"),
])
def test_a_national_open_data_licence_is_read_by_its_name(sentence, expected):
    assert [m.expression for m in mentions(sentence)] == [expected]


@pytest.mark.parametrize("sentence", [
    "under the Open Government Licence – Canada 2.0",  # Canada's licence, not the UK's
    "under the Licence Ouverte",  # no version: 1.0 and 2.0 differ
    "the Norsk lisens for offentlige data",
])
def test_a_national_licence_without_its_version_or_of_another_country_is_not_read_as_one(sentence):
    assert not any(m.expression in ("etalab-2.0", "OGL-UK-2.0", "OGL-UK-3.0", "NLOD-1.0", "NLOD-2.0")
                   for m in mentions(sentence))


@pytest.mark.parametrize("text, expected", [
    ("## Licence\n\nThe counts are released under the Open Government Licence v3.0.\n", "OGL-UK-3.0"),
    ("## ライセンス\n\n本データは Licence Ouverte 2.0（Etalab）で提供します。\n", "etalab-2.0"),
    ("## License\n\nThe tables are licensed under the Datenlizenz Deutschland – Namensnennung – Version 2.0.\n",
     "DL-DE-BY-2.0"),
])
def test_a_dataset_released_under_a_national_licence_is_that_licence(text, expected):
    assert detect(text).expression == expected


# ---- 6: a card's named terms written out in the card are custom terms a person reads ---------------
def _card(name, body):
    return f"---\nlicense: other\nlicense_name: {name}\n---\n\n{body}"


@pytest.mark.parametrize("body", [
    "# Harbour sounds\n\nRecordings of ships.\n\n## License\n\nFree for research and commercial use. The recordings "
    "may not be used to identify the people whose voices can be heard.\n",
    "# 方言コーパス\n\n各地の方言の朗読です。\n\n## 利用条件\n\n研究・商用を問わず利用できます。話者の声を再現するモデルの作成は禁止します。\n",
])
def test_a_license_name_whose_terms_the_card_writes_out_is_custom_terms_of_that_name(body):
    found = detect(_card("harbour-terms", body))
    assert found.expression == "LicenseRef-Custom-harbour-terms"


def test_a_license_name_whose_card_only_points_to_its_terms_stays_that_name():
    body = "# Harbour sounds\n\nRecordings of ships.\n\n## License\n\nReleased under the Harbour Terms; see TERMS.md.\n"
    assert detect(_card("harbour-terms", body)).expression == "LicenseRef-harbour-terms"


def test_terms_outside_a_license_section_do_not_make_the_name_custom():
    body = "# Harbour sounds\n\n## Usage\n\nYou must not play the files louder than 80 dB.\n"
    assert detect(_card("harbour-terms", body)).expression == "LicenseRef-harbour-terms"


# ---- 6: ScanCode's id of a named model or community license is custom terms -----------------------
@pytest.mark.parametrize("key, expected", [
    ("LicenseRef-scancode-stability-ai-community-2024", "LicenseRef-Custom-scancode-stability-ai-community-2024"),
    ("LicenseRef-scancode-nvidia-open-model-2025-04-28", "LicenseRef-Custom-scancode-nvidia-open-model-2025-04-28"),
    # a non-commercial one keeps its duty
    ("LicenseRef-scancode-stability-ai-nc-2023-12-06",
     "LicenseRef-Custom-scancode-stability-ai-nc-2023-12-06-NonCommercial"),
])
def test_scancodes_id_of_a_license_with_terms_of_its_own_is_custom_terms(key, expected):
    assert model_terms(key) == expected


@pytest.mark.parametrize("key", ["LicenseRef-scancode-public-domain", "LicenseRef-scancode-proprietary-license",
                                 "LicenseRef-scancode-commons-clause", "LicenseRef-scancode-unknown",
                                 "LicenseRef-scancode-other-permissive", "LicenseRef-acme-terms"])
def test_public_domain_commercial_unstated_and_other_ids_stay_as_named(key):
    assert custom_terms_id(key) is None
    assert model_terms(key) == key


# ---- 5: a right taken out of a grant; a full text states no "or later"; the rest of custom terms ----
def _reference(key):
    from licensedcode.cache import get_licenses_db
    return get_licenses_db()[key].text


def _without(text, words):
    import re
    changed = re.sub(words, "", text, count=1)
    assert changed != text
    return changed


@pytest.mark.parametrize("key, removed, expected", [
    ("mit", r"\s*merge,", "LicenseRef-Custom-MIT"),
    ("mit", r"\s*publish,", "LicenseRef-Custom-MIT"),
    ("isc", r"\s*modify,", "LicenseRef-Custom-ISC"),
])
def test_a_license_text_with_a_granted_right_taken_out_is_custom_terms(key, removed, expected):
    text = "Copyright (c) 2024 Hoshizora Labs\n\n" + _without(_reference(key), removed)
    found = detect(text)
    assert found.expression == expected
    assert any("a granted right removed" in line for line in found.explain())


@pytest.mark.parametrize("key, expected", [("mit", "MIT"), ("isc", "ISC")])
def test_the_same_text_with_its_rights_whole_is_the_license(key, expected):
    assert detect("Copyright (c) 2024 Hoshizora Labs\n\n" + _reference(key)).expression == expected


def _gnu_text_without_preamble(key):
    """The title, version and copyright lines, then the terms: no preamble, no "How to Apply"
    appendix (whose sample notice says "or later")."""
    text = _reference(key)
    end = text.index("END OF TERMS AND CONDITIONS") + len("END OF TERMS AND CONDITIONS")
    return text[:text.index("Preamble")] + text[text.index("TERMS AND CONDITIONS"):end]


@pytest.mark.parametrize("key, expected", [("lgpl-2.1", "LGPL-2.1-only"), ("gpl-2.0", "GPL-2.0-only"),
                                           ("gpl-3.0", "GPL-3.0-only"), ("agpl-3.0", "AGPL-3.0-only")])
def test_a_gnu_text_without_its_preamble_and_appendix_states_no_or_later(key, expected):
    # neither its version-less title nor its own section on revised versions is a notice choosing later
    assert detect(_gnu_text_without_preamble(key)).expression == expected


def test_a_gnu_text_under_a_notice_that_says_later_is_or_later():
    notice = ("This library is free software; you can redistribute it and/or modify it under the terms of the\n"
              "GNU Lesser General Public License as published by the Free Software Foundation; either version 2.1\n"
              "of the License, or (at your option) any later version.\n\n")
    assert detect(notice.replace("Lesser ", "").replace("2.1", "3") + _gnu_text_without_preamble("gpl-3.0")
                  ).expression == "GPL-3.0-or-later"


@pytest.mark.parametrize("text, expected", [
    ("## License\n\nThis software is provided under the Apache License 2.0 with the following changes:\n\n"
     "- Section 3 (Grant of Patent License) does not apply.\n"
     "- Except as changed above, the terms of the Apache License 2.0 apply unchanged.\n",
     "LicenseRef-Custom-Apache-2.0"),
    ("## ライセンス\n\n本ソフトウェアは MIT ライセンスに以下の変更を加えた条件で提供します。\n\n"
     "- 軍事目的での利用を禁止します。\n- 上記以外は MIT ライセンスと同じです。\n", "LicenseRef-Custom-MIT"),
])
def test_the_unchanged_rest_of_custom_terms_is_no_second_license(text, expected):
    assert detect(text).expression == expected


def test_a_carve_out_of_a_folder_is_still_a_part_under_its_own_license():
    text = "## License\n\nMIT License, except the data/ folder, which is under CC BY 4.0.\n"
    assert detect(text).expression == "MIT AND CC-BY-4.0"
