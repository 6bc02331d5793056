"""Issue 22, tuning7's misses as general mechanisms, each tested on text written for this test (other
wordings, other licenses of the same kind, English, Japanese and French): the license of a work's other
releases, a component's license named in a table row, a collection of Debian copyright files and a
license naming a kind of work (「GPL のプログラムは」) grant nothing; a governing law or court added
after or inside a license's text, an added condition that opens with "neither ... nor" and 「次の条件を
追加」 make custom terms; a .csproj, a Gradle POM, a man page's LICENSE section and a French grant are
read."""

from pathlib import Path

from curation import licenses



def detect(text):
    return licenses.detect_text(text)


def _reference(key: str) -> str:
    """ScanCode's reference text of a license, without its YAML front matter."""
    from licensedcode.models import licenses_data_dir

    return Path(licenses_data_dir, f"{key}.LICENSE").read_text(encoding="utf-8").split("---\n", 2)[2].strip() + "\n"


# ---- 1: the license of other releases, or of a component, is not the work's ----------------------
def test_older_releases_license_is_no_grant():
    text = ("# Changes in Orrery 7\n\nThe project's terms will be announced with the final release.\n\n"
            "Versions prior to 6.2 were published under the BSD 3-Clause License and may still be used on those terms.\n")
    assert detect(text).expression == "NOASSERTION"
    ja = "# 配布について\n\nバージョン 2.4 以前は MIT ライセンスで配布していました。新しい条件は後日お知らせします。\n"
    assert detect(ja).expression == "NOASSERTION"


def test_current_release_license_still_read():
    text = "# Orrery\n\nThis library is licensed under the BSD 3-Clause License.\n"
    assert detect(text).expression == "BSD-3-Clause"


def test_component_row_in_a_review_ticket_is_no_grant():
    text = ("## Review REQ-77: use of a charting package\n\n| Field | Value |\n|---|---|\n| Package | plotkit 4.2 |\n"
            "| Declared license | MPL-2.0 |\n| Decision | approved, keep files unmodified |\n\n"
            "Our product stays closed source; the package's files keep their own notices.\n")
    assert detect(text).expression == "NOASSERTION"


def test_collection_of_debian_copyright_files_is_no_grant():
    def dep5(name: str, lic: str) -> str:
        return (f"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: {name}\n\n"
                f"Files: *\nCopyright: 2010-2024 The {name} authors\nLicense: {lic}\n\n")
    text = dep5("libfoo", "Apache-2.0") + dep5("libbar", "GPL-3+") + dep5("libbaz", "Expat")
    assert detect(text).expression == "NOASSERTION"
    # one package's own copyright file still names its license
    assert detect(dep5("libfoo", "Apache-2.0")).expression == "Apache-2.0"


def test_japanese_license_naming_a_kind_of_work_is_no_grant():
    text = ("# 確認テスト\n\n正しいものに○をつけなさい。\n\n"
            "1. Apache License 2.0 のライブラリは、特許の許諾を含む。\n2. CC BY-SA 4.0 の画像は、誰でも自由に利用できる。\n")
    assert detect(text).expression == "NOASSERTION"


# ---- 2: terms changed in new ways are custom ------------------------------------------------------
def test_governing_law_after_a_license_text_is_custom():
    text = ("Copyright (c) 2026 Tern Labs\n\n" + _reference("bsd-simplified") +
            "\nThis agreement is governed by the laws of the State of Victoria, Australia.\n")
    assert detect(text).expression == "LicenseRef-Custom-BSD-2-Clause"


def test_unchanged_license_text_with_a_plain_note_after_it_stays():
    text = "Copyright (c) 2026 Tern Labs\n\n" + _reference("bsd-simplified") + "\nQuestions: legal@tern.example\n"
    assert detect(text).expression == "BSD-2-Clause"


def test_venue_changed_inside_a_license_text_is_custom():
    import re

    mpl = _reference("mpl-2.0")
    changed = re.sub(r"courts of\s+a jurisdiction where the defendant maintains its principal\s+place of business",
                     "courts of Geneva,\nSwitzerland", mpl)
    assert changed != mpl
    assert detect(changed).expression == "LicenseRef-Custom-MPL-2.0"
    assert detect(mpl).expression == "MPL-2.0"


def test_added_condition_opening_with_neither_is_custom():
    isc = _reference("bsd-new")
    at = isc.index("THIS SOFTWARE IS PROVIDED")
    text = ("Copyright (c) 2025 Kite Works\n\n" + isc[:at] +
            "Neither the software nor any part of it may be embedded in products sold to armed forces.\n\n" + isc[at:])
    assert detect(text).expression == "LicenseRef-Custom-BSD-3-Clause"


def test_japanese_conditions_added_to_a_named_license_are_custom():
    text = ("# Hoshi Icons\n\n## ライセンス\n\n本アイコン集は Apache License 2.0 に準じますが、以下の条項を追加します。\n\n"
            "- アイコンを単体で販売しないこと。\n")
    assert detect(text).expression == "LicenseRef-Custom-Apache-2.0"


# ---- 3: grants in new shapes -----------------------------------------------------------------------
def test_csproj_package_license_expression():
    text = ("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <PackageId>Sora.Http</PackageId>\n"
            "    <PackageLicenseExpression>Apache-2.0 OR MIT</PackageLicenseExpression>\n  </PropertyGroup>\n</Project>\n")
    assert detect(text).expression == "Apache-2.0 OR MIT"


def test_gradle_groovy_pom_license():
    text = ("publishing {\n  publications {\n    mavenJava(MavenPublication) {\n      pom {\n        licenses {\n"
            "          license {\n            name = 'BSD 3-Clause License'\n            url = 'https://opensource.org/license/bsd-3-clause'\n"
            "          }\n        }\n      }\n    }\n  }\n}\n")
    assert detect(text).expression == "BSD-3-Clause"


def test_gradle_pom_with_two_licenses_is_not_guessed():
    text = ("pom {\n  licenses {\n    license { name.set(\"MIT License\") }\n"
            "    license { name.set(\"GNU General Public License v3.0\") }\n  }\n}\n")
    assert detect(text).expression != "MIT"


def test_man_page_copying_section():
    text = (".TH KARI 1\n.SH NAME\nkari \\- split audio files\n.SH COPYING\n"
            "kari is released under the MIT License.\n.SH AUTHOR\nAko Ueda\n")
    assert detect(text).expression == "MIT"


def test_french_grant_outside_a_license_section():
    text = "# Photothèque\n\n## Réutilisation\n\nLes photographies sont mises à disposition sous la Licence Ouverte 2.0 d'Etalab.\n"
    assert detect(text).expression == "etalab-2.0"


def test_mit_with_a_clause_added_is_closest_to_mit_not_json():
    mit = _reference("mit")
    cond = "included in all copies or substantial portions of the Software."
    assert cond in mit
    text = "Copyright (c) 2026 Wren Audio\n\n" + mit.replace(
        cond, cond + "\n\nThe Software shall not be used in gambling machines or betting services.")
    assert detect(text).expression == "LicenseRef-Custom-MIT"


def test_a_files_own_license_tag_is_still_read():
    # the tag is the file's own field, not an inventory's row about a component
    assert detect("name 'kumo'\nversion '1.0.0'\nlicense 'MIT'\n").expression == "MIT"
