"""Issue 22: the mechanisms heldout9 showed missing, each tested on text written for this test
(other names, wordings and wrappings than the held-out files): a FAQ about licenses is advice, a
third-party notices file reproduces its components' texts, source-available licenses by name and
a later or earlier license that is not the one in force, dual licensing in words, a carve-out that
keeps the rest of the work's license, a rider that takes rights away from a full text, more names,
and JSON manifests read as JSON."""

import sys
from pathlib import Path

from curation import licenses

sys.path.insert(0, str(Path(__file__).parent / "license_cases"))
from wrappers import reference_text  # noqa: E402


def detect(text):
    return licenses.detect_text(text)


# ---- R2: a FAQ about licenses is advice, never a grant -------------------------------------------
def test_a_q_and_a_that_says_what_a_license_would_cover_claims_nothing():
    text = ("# Corpus team Q&A\n\n**Q: May we add CC BY-SA articles to the corpus?**\n"
            "The corpus is published to partners, and CC BY-SA 4.0 would then cover the corpus as a whole.\n")
    assert detect(text).expression == "NOASSERTION"


def test_a_japanese_faq_that_says_what_the_gpl_would_require_claims_nothing():
    text = ("# よくある質問\n\n**Q. GPL のライブラリを組み込んでもよいですか？**\n"
            "いいえ。アプリはお客様に配布されるため、GPL によりアプリのソースコードを提供する必要が生じます。\n")
    assert detect(text).expression == "NOASSERTION"


def test_a_frequently_asked_questions_page_about_bundling_claims_nothing():
    text = ("# Frequently asked questions: open source in products\n\n**Q: Can we bundle a GPL parser in the "
            "installer?**\nNo. The installer is shipped to customers, and the GPL v3 would then apply to the "
            "installer we ship.\n")
    assert detect(text).expression == "NOASSERTION"


def test_a_faq_answer_that_names_this_work_still_grants():
    text = ("# tsuru-queue\n\nA job queue for small services.\n\n## Frequently asked questions\n\n"
            "**Which license covers tsuru-queue?**\n\nThis project is released under the MIT License.\n")
    assert detect(text).expression == "MIT"


def test_a_faq_beside_the_work_s_own_license_section_keeps_that_license():
    text = ("# Bird calls of Hokkaido\n\n## Q&A\n\n**May I remix GPL software with this?**\n\n"
            "The GPL would require the combined program to be released under the GPL.\n\n"
            "## License\n\nThe recordings are released under CC BY 4.0.\n")
    assert detect(text).expression == "CC-BY-4.0"


# ---- R1: a third-party notices file reproduces its components' texts -----------------------------
def test_a_third_party_licenses_file_with_full_texts_is_not_the_work_s_license():
    text = ("Third Party Licenses\n\nsora-cli bundles the following packages.\n\n"
            "fastjson-lite 2.1\n\n" + reference_text("mit") + "\n\nsmallhash 0.9\n\n" + reference_text("isc") + "\n")
    found = detect(text)
    assert found.expression == "NOASSERTION"


def test_a_japanese_notices_file_with_a_full_text_is_not_the_work_s_license():
    text = ("オープンソースソフトウェア ライセンス表記（同梱コンポーネント）\n\n本製品には次のソフトウェアが含まれています。\n\n"
            "tinyzip 1.4\n\n" + reference_text("bsd-new") + "\n")
    assert detect(text).expression == "NOASSERTION"


def test_a_notices_file_that_ends_with_the_work_s_own_license_section_keeps_it():
    text = ("Third-party notices\n\nfastjson-lite 2.1\n\n" + reference_text("isc") +
            "\n\n## License\n\nsora-cli itself is released under the Apache License 2.0.\n")
    assert detect(text).expression == "Apache-2.0"


def test_the_work_s_license_file_with_a_third_party_section_keeps_both_texts():
    text = (reference_text("mit") + "\n\n## Third-party notices\n\nThe parser in vendor/ is:\n\n" +
            reference_text("bsd-new") + "\n")
    assert detect(text).expression == "MIT AND BSD-3-Clause"
