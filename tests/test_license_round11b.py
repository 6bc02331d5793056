"""Issue 22, the classes tuning7 left open (wt-lic24), each tested on text written for this test in
other wordings (English, Japanese, French, German): a sentence the statement reader set aside (another
party's work, a license the work left or had) is not read again by ScanCode's notice rules; a past
license beside the present one is history, and a relicensing announcement answers the new license;
grants worded as permissions ("may be redistributed under"), as what applies ("X applies to"), as a
choice 「…を選択して利用できます」 and German "-Lizenz" names are read."""

from curation import licenses


def detect(text):
    return licenses.detect_text(text)


# ---- 1: a sentence the reader judged does not come back through the notice rules ------------------
def test_french_sentence_about_another_program_is_no_grant():
    text = ("# Journal technique\n\nNous comparons deux bibliothèques de cartographie pour le service.\n\n"
            "La bibliothèque Zephyr est publiée sous licence AGPL v3, ce qui complique son usage chez nous.\n"
            "Nous retenons donc une autre piste.\n")
    assert detect(text).expression == "NOASSERTION"


def test_their_component_licensed_is_another_work():
    text = ("# Build notes\n\nThe uploader talks to the storage vendor through a small client.\n"
            "Their client library is MIT licensed, which made vendoring painless.\n")
    assert detect(text).expression == "NOASSERTION"


def test_license_the_project_left_is_talk():
    text = ("# Retrospective\n\nLast spring we switched away from the GNU Lesser General Public License "
            "version 2.1 after long debates.\nThe port to Go took three months.\n")
    assert detect(text).expression == "NOASSERTION"
    ja = "# 振り返り\n\n昨年、私たちは GPL-2.0 から移行しました。\n移植には三か月かかりました。Go で書き直し、テストも増やしました。\n"
    assert detect(ja).expression == "NOASSERTION"


def test_unjudged_notice_line_is_still_read():
    text = ("# Tern\n\nA parser.\n\nLicensed under the Apache License, Version 2.0 (the \"License\"); you may not "
            "use this file except in compliance with the License.\n")
    assert detect(text).expression == "Apache-2.0"


# ---- 2: the present license wins over the past one ---------------------------------------------
def test_previous_license_in_the_same_sentence_is_history():
    text = ("# Sextant\n\nNavigation helpers.\n\n## License\n\n"
            "Sextant is released under the Mozilla Public License 2.0; it was formerly under the GPL-2.0.\n")
    found = detect(text)
    assert found.expression == "MPL-2.0"
    assert any(r.why == "history" for r in found.remarks)


def test_past_license_is_said_in_the_explanation():
    from curation.licenses.evidence import not_counted

    text = ("# Sextant\n\nNavigation helpers.\n\n## License\n\n"
            "Sextant is released under the Mozilla Public License 2.0; it was formerly under the GPL-2.0.\n")
    assert "a license the work had before: line(s) 7" in not_counted(detect(text))


def test_license_until_a_version_is_history_in_japanese():
    ja = "# Sextant\n\n航法ライブラリです。\n\n## ライセンス\n\n本ライブラリは BSD-2-Clause で提供します。以前は LGPL-3.0 で配布していました。\n"
    assert detect(ja).expression == "BSD-2-Clause"


def test_since_first_release_is_the_present():
    ja = "# Sextant\n\n航法データです。\n\nこのデータは、2015 年の公開当初から CC BY 4.0 の下で提供しています。\n"
    assert detect(ja).expression == "CC-BY-4.0"
    ja = "# Sextant\n\n航法データです。\n\nこのデータは以前から ODbL 1.0 で公開しています。\n"
    assert detect(ja).expression == "ODbL-1.0"


def test_possessive_inside_the_works_subject_is_the_work():
    text = ("# Shore Birds\n\nA photo collection.\n\nThe photographs and their captions are licensed under the "
            "Creative Commons Attribution 4.0 International License.\n")
    assert detect(text).expression == "CC-BY-4.0"


def test_relicensing_announcement_answers_the_new_license():
    text = ("# Harbor moves to MIT\n\nFor six years Harbor has been distributed under the GNU General Public "
            "License, version 2. After asking every contributor, we decided to change that.\n\n"
            "Starting with Harbor 5.0, out this week, Harbor is licensed under the MIT License.\n")
    assert detect(text).expression == "MIT"


def test_original_license_beside_the_present_one_is_history():
    text = ("# Gull\n\nA seabird census toolkit.\n\n"
            "This dataset was originally released under CC BY-SA 4.0 and is now dedicated under CC0 1.0.\n")
    assert detect(text).expression == "CC0-1.0"


def test_a_change_for_one_part_leaves_the_other_parts_license():
    text = ("# Gull\n\nA seabird census toolkit.\n\nStarting with version 2, the data files are released under CC0 1.0.\n"
            "The code has been licensed under the MIT License since 2019.\n")
    assert "MIT" in detect(text).expression


def test_perfect_tense_grant_without_a_change_is_current():
    text = "# Harbor\n\nA port scheduler.\n\nSince 2019 this project has been licensed under the MIT License.\n"
    assert detect(text).expression == "MIT"


# ---- 3: grants in other shapes ------------------------------------------------------------------
_INTRO = "# Kite\n\nA kite flight simulator with wind models and a small renderer.\nIt runs on Linux and macOS.\n\n"
_INTRO_JA = "# Kite\n\n凧の飛行シミュレータです。風のモデルと小さな描画器を含みます。\nLinux と macOS で動きます。\n\n"
_INTRO_DE = "# Kite\n\nEin Flugsimulator für Drachen mit Windmodellen und einem kleinen Renderer.\nEr läuft unter Linux und macOS.\n\n"


def test_act_permitted_under_a_license_is_a_grant():
    found = detect(_INTRO + "## Notes\n\nCopying and redistribution are allowed under the ISC License.\n")
    assert (found.expression, found.detector) == ("ISC", "grant")


def test_pronoun_may_be_redistributed_is_a_grant():
    found = detect(_INTRO + "It may be freely redistributed under the terms of the Zlib License.\n")
    assert found.expression == "Zlib"


def test_license_applying_to_the_repository_is_a_grant():
    assert detect(_INTRO + "The Mozilla Public License 2.0 applies to everything in this repository.\n").expression == "MPL-2.0"


def test_license_applying_to_derivatives_is_talk():
    text = _INTRO + "Note that the GPL-3.0 applies to derivative works of GPL code.\n"
    assert detect(text).expression == "NOASSERTION"


def test_japanese_choice_without_izureka_is_a_choice():
    found = detect(_INTRO_JA + "本ソフトウェアは ISC ライセンスまたは Apache License 2.0 を選択して利用できます。\n")
    assert found.expression == "ISC OR Apache-2.0"


def test_japanese_use_under_license_please():
    assert detect(_INTRO_JA + "本ツールは Zlib ライセンスの下でご利用ください。\n").expression == "Zlib"


def test_german_lizenz_names_are_read():
    assert detect(_INTRO_DE + "## Lizenz\n\nDieses Projekt steht unter der ISC-Lizenz.\n").expression == "ISC"
    assert detect(_INTRO_DE + "Der Quellcode ist lizenziert unter der Apache-Lizenz 2.0.\n").expression == "Apache-2.0"


def test_german_sentence_about_another_library_is_no_grant():
    text = _INTRO_DE + "Viele Bibliotheken stehen unter der GPL-3.0-Lizenz, daher prüfen wir jede Abhängigkeit.\n"
    assert detect(text).expression == "NOASSERTION"


# ---- 4: a record before the work's License section ---------------------------------------------
_NOTES = ("# Meeting notes - data release\n\nAttendees: Ana, Bo, Chen\nAgenda: license of the survey data\n\n"
          "Draft wording from Bo: \"This dataset is released under CC BY-NC 4.0.\" Chen objected to the NC clause.\n"
          "Decision: drop NC.\n\n")
_NOTES_JA = ("# 議事録：データ公開\n\n出席者：佐藤、鈴木\n議題：公開条件\n\n案：本データセットは CC BY-NC 4.0 で提供します。\n"
             "鈴木さんから非営利条件は外すべきとの意見があり、外すことにした。\n\n")


def test_minutes_before_a_license_section_stay_talk_and_the_section_counts():
    found = detect(_NOTES + "## License\n\nThe survey dataset is licensed under CC BY 4.0.\n")
    assert found.expression == "CC-BY-4.0"
    assert any(r.why == "talk" and "BY-NC" in r.text for r in found.remarks)
    assert detect(_NOTES_JA + "## ライセンス\n\n本データセットは CC BY 4.0 で提供します。\n").expression == "CC-BY-4.0"


def test_minutes_alone_stay_talk():
    assert detect(_NOTES).expression == "NOASSERTION"


# ---- a policy document's template license -----------------------------------------------------
def test_code_of_conduct_template_license_is_no_grant():
    text = ("# Contributor Code of Conduct\n\nBe kind. Report problems to the maintainers at conduct@heron.example.\n\n"
            "## Credits\n\nThis document is adapted from the Contributor Covenant, version 2.0. The Contributor "
            "Covenant is released under the Creative Commons Attribution 4.0 International license.\n")
    assert detect(text).expression == "NOASSERTION"


def test_code_of_conduct_with_its_own_license_keeps_it():
    text = ("# Code of Conduct\n\nBe kind.\n\n## License\n\nThis Code of Conduct is licensed under the "
            "Creative Commons Attribution-ShareAlike 4.0 International license.\n")
    assert detect(text).expression == "CC-BY-SA-4.0"


def test_adapted_material_in_a_readme_keeps_its_upstream_license():
    text = ("# Heron QA\n\nQuestions about wading birds.\n\nThe passages are adapted from Wikipedia. Wikipedia text "
            "is available under the Creative Commons Attribution-ShareAlike 4.0 License.\n")
    assert detect(text).expression == "CC-BY-SA-4.0"
