"""The review of round twelve's license rules (issue 22): a service sold beside the work is no limit on
the work, free-for-some wording counts only about the work itself, a copyright line counts as the
work's footer only where it is the work's own, a quoted or templated ISC sentence is no grant, the
work's own files sorted by their headers are a scope of its grant, works in general picking their
license is no choice offered, and own non-commercial terms keep their no-redistribution duty in
view. Each text is written for this test."""

from curation import licenses


def detect(text):
    return licenses.detect_text(text)


# ---- 1: paid support, hosting, training are services, not limits on the work ------------------------
def test_paid_priority_support_for_companies_keeps_the_bsd_grant():
    text = ("# Parser\n\nDistributed under the BSD 3-Clause License.\n\n"
            "Corporate customers who want priority support need a paid subscription.\n")
    assert detect(text).expression == "BSD-3-Clause"


def test_managed_hosting_for_businesses_at_a_fee_keeps_the_mit_grant():
    text = ("# Board\n\nThe code is available under the MIT License.\n\n"
            "Business teams that need managed hosting must pay a monthly fee.\n")
    assert detect(text).expression == "MIT"


def test_japanese_paid_maintenance_contract_for_companies_keeps_the_apache_grant():
    text = ("# ツール\n\n本ソフトウェアは Apache License 2.0 の下で公開しています。\n\n"
            "企業での利用向けに有償の保守契約もご提供しています。\n")
    assert detect(text).expression == "Apache-2.0"


def test_commercial_use_that_needs_a_paid_license_is_still_non_commercial():
    text = ("# Grapher\n\nGrapher is free for personal use. Commercial use requires a paid license from "
            "the author.\n")
    assert "NonCommercial" in detect(text).expression


# ---- 2: free for some, only about the work, and only where no commerce is allowed after ----------------
def test_a_hosted_playground_free_for_schools_keeps_the_mit_grant():
    text = ("# Notebook\n\nThis project is released under the MIT License.\n\n"
            "The hosted playground is free for educational institutions.\n")
    assert detect(text).expression == "MIT"


def test_an_icon_set_the_app_bundles_free_for_personal_use_keeps_the_apps_grant():
    text = ("# Viewer\n\nLicensed under the Apache License 2.0.\n\n## Credits\n\n"
            "The icon set bundled with the viewer is free for personal use.\n")
    assert detect(text).expression == "Apache-2.0"


def test_another_vendors_product_free_for_students_is_not_the_works_license():
    text = ("# Survey of diagram tools\n\nWe tried several editors. "
            "Globex's modeller is free for students, but companies must buy a license.\n")
    assert detect(text).expression == "NOASSERTION"


def test_free_for_research_then_commerce_allowed_in_the_same_sentence_is_not_non_commercial():
    text = ("# Solver\n\nThis solver is free for academic work, and you can also use it in a "
            "commercial setting without asking.\n")
    assert "NonCommercial" not in detect(text).expression


# ---- 3: a copyright line is the work's footer only where it is the work's own ----------------------------
def test_two_copyright_lines_naming_one_license_are_a_credits_list():
    text = ("# Packaging\n\nShipped inside the wheel:\n\n"
            "(c) 2012 Initech - MIT\n(c) 2017 Hooli - MIT\n")
    assert detect(text).expression == "NOASSERTION"


def test_a_copyright_line_in_a_release_entry_is_not_the_works_footer():
    text = ("# History\n\n## 2.4.1\n- Upgraded the bundled YAML reader.\n\n"
            "Copyright 2019 Umbrella contributors - MIT\n")
    assert detect(text).expression == "NOASSERTION"


def test_a_single_footer_copyright_line_still_states_the_license():
    text = "# Garden log\n\nNotes from my allotment.\n\n© 2024 Priya Natarajan · Apache 2.0\n"
    assert detect(text).expression == "Apache-2.0"


# ---- 4: ISC's permission quoted is no grant; own NC terms after it keep their duty -----------------------
_ISC = ("Permission to use, copy, modify, and/or distribute this software for any purpose with or without fee "
        "is hereby granted, provided that the above copyright notice and this permission notice appear in all "
        "copies.")


def test_isc_permission_quoted_in_a_discussion_is_not_the_works_license():
    text = (f"# Short licenses compared\n\nHere is what the ISC text says:\n\n> {_ISC}\n\n"
            "Note how it folds MIT's list of rights into four verbs.\n")
    assert detect(text).expression == "NOASSERTION"


def test_isc_permission_then_an_own_non_commercial_limit_keeps_the_limit():
    text = (f"Copyright (c) 2023 Kim Lee\n\n{_ISC}\n\n"
            "You may not use this software for commercial purposes without a separate agreement.\n")
    assert "NonCommercial" in detect(text).expression


# ---- 5: the work's own files sorted by their headers --------------------------------------------------
def test_any_file_without_a_header_of_its_own_is_under_the_stated_license():
    text = "# Kit\n\nAny file without a license header of its own is distributed under the BSD 2-Clause License.\n"
    assert detect(text).expression == "BSD-2-Clause"


def test_a_header_of_its_own_then_all_other_files_names_the_works_license():
    text = "# Kit\n\nA directory with a license file of its own keeps it; all other files are Apache-2.0 licensed.\n"
    assert detect(text).expression == "Apache-2.0"


def test_an_indefinite_package_whose_metadata_names_a_license_is_still_talk():
    text = "# Index help\n\nA package whose manifest says Apache-2.0 is shown under Apache-2.0.\n"
    assert detect(text).expression == "NOASSERTION"


# ---- 6: works in general picking their license ---------------------------------------------------------
def test_a_registry_rule_listing_licenses_uploads_may_use_is_not_a_choice():
    text = ("# Upload policy\n\nDatasets uploaded to this hub can use either of the following licenses:\n\n"
            "- CC-BY-4.0\n- CC0-1.0\n")
    assert detect(text).expression == "NOASSERTION"


def test_a_choice_lead_of_our_own_then_its_list_is_still_a_choice():
    text = ("# Lib\n\nThis library is available under either of the following licenses, at your option:\n\n"
            "- MIT\n- Apache-2.0\n")
    assert detect(text).expression == "MIT OR Apache-2.0"


# ---- 7: the no-redistribution duty stays in view beside a non-commercial limit -------------------------
def test_non_commercial_own_terms_that_forbid_redistribution_name_that_duty_for_the_reviewer():
    text = ("# Textures\n\n## Terms\n\nThese textures may be used for non-commercial purposes only.\n\n"
            "You may not redistribute the textures themselves.\n")
    result = detect(text)
    assert "NonCommercial" in result.expression and (
        "NoRedistribution" in result.expression or any("redistribut" in s.rule for s in result.statements))


def test_non_commercial_terms_and_a_generic_proprietary_notice_still_name_the_redistribution_duty():
    text = ("# Tiles\n\n## Terms\n\nThese tiles are for non-commercial use only.\n\n"
            "The tiles may not be redistributed or resold.\n")
    result = detect(text)
    assert result.expression == "LicenseRef-Custom-NonCommercial"
    assert any("redistribut" in s.rule for s in result.statements)


def test_japanese_hishouyou_ni_kagiri_is_a_non_commercial_limit():
    text = "# 効果音集\n\n## 利用規約\n\n非商用に限りご自由にお使いください。効果音の再配布はご遠慮ください。\n"
    assert "NonCommercial" in detect(text).expression
