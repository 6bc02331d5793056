"""Known personal data (RawDocument.known_pii: an e-mail's header names and addresses) is masked
wherever it occurs in the document's text, with the policy's operator, counted, on every path
the PII step takes (in process, worker processes, chunks sent to a task runner)."""

from __future__ import annotations

import pickle

from presidio_analyzer import RecognizerResult
from tests_helpers import TICKETS_EN, all_text_under

from curation.pii.known import known_spans, with_known
from scripts.sample_files.mail import write_eml

JANE = (("PERSON", "Jane Doe"), ("EMAIL_ADDRESS", "jane.doe@example.com"))
TARO = (("PERSON", "Tanaka Taro"), ("PERSON", "田中 太郎"), ("EMAIL_ADDRESS", "t.tanaka@example.jp"))


def found(text: str, known, allowed=frozenset()) -> list[tuple[str, str]]:
    return sorted({(text[r.start:r.end], r.entity_type) for r in known_spans(text, known, allowed)})


# ---- matching rules (no models) ---------------------------------------------------------------
def test_a_latin_name_part_is_found_where_it_is_written_capitalised():
    assert found("Dear Taro, TANAKA here.", TARO) == [("TANAKA", "PERSON"), ("Taro", "PERSON")]
    assert found("the taro root and tanaka", TARO) == []  # lower case: a word more often than a name


def test_japanese_name_parts_are_found_exactly_before_honorifics():
    assert found("田中様、お世話になっております。", TARO) == [("田中", "PERSON")]
    assert ("田中太郎", "PERSON") in found("担当は田中太郎です。", TARO)
    assert found("Taroさんへ", TARO) == [("Taro", "PERSON")]  # kana next to a Latin name is no word character
    assert found("Thanks, Tanaka-san.", TARO) == [("Tanaka", "PERSON")]


def test_a_value_is_not_found_inside_another_word_or_address():
    assert found("Janet and Doebler met at jane.doe.archive@example.org and x.Jane", JANE) == []
    assert found("Regards, Jane.", JANE) == [("Jane", "PERSON")]


def test_a_quoted_reply_line_is_masked_as_one_name_and_one_address():
    text = "On Mon, Jane Doe <jane.doe@example.com> wrote:"
    assert [(text[r.start:r.end], r.entity_type) for r in with_known(text, [], JANE)] == [
        ("Jane Doe", "PERSON"), ("jane.doe@example.com", "EMAIL_ADDRESS")]


def test_whole_names_match_in_either_order_and_with_any_spacing():
    assert ("Doe  Jane", "PERSON") in found("Signed: Doe  Jane", JANE)
    assert ("田中　太郎", "PERSON") in found("田中　太郎より", TARO)


def test_generic_words_of_a_display_name_are_masked_only_as_the_whole_name():
    known = (("PERSON", "ACME Customer Support"),)
    assert ("ACME Customer Support", "PERSON") in found("Contact ACME Customer Support.", known)
    assert found("Customer Support answers in a day.", known) == []


def test_an_address_is_found_whole_and_by_a_local_part_with_a_separator():
    assert found("Write to Jane.Doe@Example.com or ping jane.doe on chat.", JANE) == [
        ("Jane.Doe@Example.com", "EMAIL_ADDRESS"), ("jane.doe", "EMAIL_ADDRESS")]
    assert found("Ask info or the sales team.", (("EMAIL_ADDRESS", "info@example.com"),)) == []


def test_full_width_letters_and_hidden_characters_do_not_hide_a_value():
    text = "Ｊａｎｅ　Ｄｏｅ and Ja\u200bne"
    assert {value for value, _ in found(text, JANE)} == {"Ja\u200bne", "Ｊａｎｅ", "Ｊａｎｅ\u3000Ｄｏｅ", "Ｄｏｅ"}


def test_allow_listed_values_are_not_masked():
    assert found("Ask HR Team or HR.", (("PERSON", "HR Team"),), frozenset({"HR Team"})) == []


def test_a_known_span_inside_a_longer_analyzer_span_is_dropped_and_wins_an_equal_one():
    text = "Mail jane.doe@example.com, Jane Doe said."
    analyzer = [RecognizerResult("EMAIL_ADDRESS", 5, 25, 1.0), RecognizerResult("LOCATION", 27, 35, 0.6)]
    merged = with_known(text, analyzer, JANE)
    assert [(text[r.start:r.end], r.entity_type) for r in merged] == [
        ("jane.doe@example.com", "EMAIL_ADDRESS"), ("Jane Doe", "PERSON")]


# ---- the PII step with the default policy's models -------------------------------------------
EN_MAIL = ("Quarterly figures\n\nHi Bob,\n\nthe figures are attached. Call me if anything is unclear.\n\n"
           "Regards, Jane\n-- \njane.doe | Finance")
EN_KNOWN = (*JANE, ("PERSON", "Bob Stone"), ("EMAIL_ADDRESS", "bob.stone@example.org"))


def test_header_names_in_the_body_and_signature_are_masked_and_counted(anonymizer):
    (plain,) = anonymizer.anonymize([EN_MAIL], "en")
    (out,) = anonymizer.anonymize([EN_MAIL], "en", [EN_KNOWN])
    for value in ("Jane", "Bob", "jane.doe"):
        assert value not in out.text
    assert "Regards, <PERSON>" in out.text and "<EMAIL_ADDRESS> | Finance" in out.text
    assert out.counts["EMAIL_ADDRESS"] == 1 and out.counts["PERSON"] >= 2
    assert sum(out.counts.values()) > sum(plain.counts.values())


def test_japanese_header_name_is_masked_before_the_honorific(anonymizer):
    text = "田中様\n\nお世話になっております。資料をお送りします。\n\n佐藤"
    (out,) = anonymizer.anonymize([text], "ja", [(*TARO, ("PERSON", "佐藤 花子"))])
    assert out.text.startswith("<PERSON>様") and "田中" not in out.text and "佐藤" not in out.text
    assert out.counts["PERSON"] == 2


def test_known_values_ride_in_work_units_sent_to_a_task_runner(policy):
    from curation import licenses
    from curation.documents import RawDocument, SourceInfo
    from curation.ingest import doc_work

    mail = RawDocument("mail", "mail/m.eml", 0, EN_MAIL, known_pii=EN_KNOWN)
    plain = RawDocument("mail", "mail/n.eml", 0, "No names here at all, only a note about the delivery schedule.")
    unit = doc_work.WorkUnit((mail, plain), dict.fromkeys((mail.path, plain.path), SourceInfo("mail", license="MIT")),
                             licenses.rules_for(policy), policy, None)
    assert "bob.stone@example.org" not in repr(unit)  # known values: not in a task runner's log
    first, second = doc_work.run_task(pickle.loads(pickle.dumps(unit)))
    assert "Jane" not in first.text_anonymized and "jane.doe" not in first.text_anonymized
    assert second.text_anonymized == plain.text


def test_known_values_reach_the_pii_worker_processes(policy):
    from curation.pii import Anonymizer
    from curation.pii.worker_pool import WorkerPool

    pii = policy.pii.model_copy(update={"processes": 2, "parallel_min_docs": 2})
    anonymizer = Anonymizer(pii)
    anonymizer._pool = WorkerPool(1, pii.model_dump_json())  # one process is enough to cross the pipe
    try:
        out, other = anonymizer.anonymize([EN_MAIL, "No names here at all."], "en", [EN_KNOWN, ()])
    finally:
        anonymizer.close()
    assert "Jane" not in out.text and "jane.doe" not in out.text and out.counts["EMAIL_ADDRESS"] == 1
    assert other.text == "No names here at all."


def test_ingest_of_an_inbox_with_mail_stores_no_header_name_or_address(workspace):
    from curation.ingest import pipeline
    from curation.policy import load_policy

    inbox = workspace.root / "inbox"
    mail = inbox / "mail"
    mail.mkdir(parents=True)
    (mail / "SOURCE.yaml").write_text("license: MIT\nowner: Finance\npurpose: correspondence\n")
    body = EN_MAIL.split("\n\n", 1)[1]
    write_eml(mail / "figures.eml", ("Jane Doe", "jane.doe@example.com"), [("Bob Stone", "bob.stone@example.org")],
              "Quarterly figures", body,
              attachments=[("notes.txt", b"Notes from Jane for Bob Stone: the export runs nightly now.")])
    write_eml(mail / "会議.eml", ("田中 太郎", "t.tanaka@example.jp"), [("佐藤 花子", "hanako.sato@example.jp")],
              "会議資料の送付", "佐藤様\n\nお世話になっております。会議の資料を添付いたします。\nご確認ください。\n\n田中",
              charset="iso-2022-jp")
    (mail / "tickets.jsonl").write_text("".join(f'{{"text": "{t}"}}\n' for t in TICKETS_EN[:4]))

    result = pipeline.ingest_and_build(workspace, inbox, "mail", load_policy(workspace.default_policy))

    items = workspace.catalog().run_items(result.summary.run_id)
    assert sum(1 for i in items if i["outcome"] == "accepted") == 7, items
    assert "attachment 1 (.txt)" in {i["provenance"] for i in items}
    stored = all_text_under(workspace.root / "data") + all_text_under(workspace.root / "audit_logs")
    for value in ("Jane", "Bob", "Stone", "jane.doe", "bob.stone", "figures.eml", "notes.txt",
                  "田中", "佐藤", "花子", "t.tanaka", "hanako", "会議.eml"):
        assert value not in stored, value
    assert "Quarterly figures" in stored and "<PERSON>様" in stored  # subjects and bodies are text
