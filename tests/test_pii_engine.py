"""The analyzer engine as the policy configures it: YAML recognizers, allow/deny lists, NER clean-up,
the fast path against Presidio's own AnalyzerEngine.analyze, and identifiers Presidio handles for us."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT

from curation.pii import Anonymizer
from curation.pii.assembly import engine_for
from curation.pii.text_view import squeeze_spaces
from curation.policy import PolicyError, load_policy

SAMPLES = [
    "Please call Margaret Holloway at +44 20 7946 0958 or write to margaret.holloway@example.com.",
    "Refund of $9,919.83 issued to card 3541-3511-9609-9680 for Alice Ellis, ticket CHG152836.",
    "Wire EUR 40,127 to IBAN DE22 1294 8005 3703 8667 02, beneficiary Justin Jones, ref 769681.",
    "Login failures from 2001:db8:85a3::8a2e:370:7334 and 10.0.4.17 for user ops@example.org.",
    "Payroll: Alyssa Walsh, SSN 569-74-1842, employee ID EMP-819700, customer CU-1234-5678.",
    "Ship to 565 Mcdonald Neck Apt. 386, Lake Lisa, HI 35799 for Garcia LLC by Friday.",
]


def types_found(anonymizer, text: str) -> dict[str, list[str]]:
    (out,) = anonymizer.anonymize([text], "en")
    found: dict[str, list[str]] = {}
    for e in out.entities:
        found.setdefault(e.type, []).append(text[e.start:e.end])
    return found


def test_yaml_recognizers_of_the_default_policy_are_loaded(policy, anonymizer):
    assert [p.rsplit("/", 1)[-1] for p in policy.pii.recognizers] == ["company_ids.yaml"]
    found = types_found(anonymizer, SAMPLES[4])
    assert found["EMPLOYEE_ID"] == ["EMP-819700"] and found["CUSTOMER_ID"] == ["CU-1234-5678"]


def test_a_new_yaml_recognizer_file_is_picked_up_with_its_operator(tmp_path):
    shutil.copytree(ROOT / "policies", tmp_path / "policies")
    (tmp_path / "policies" / "recognizers" / "projects.yaml").write_text(
        "recognizers:\n"
        "  - name: ProjectCodeRecognizer\n"
        "    supported_entity: PROJECT_CODE\n"
        "    supported_language: en\n"
        "    patterns: [{name: project, regex: '\\bPRJ-[A-Z]{3}\\d{2}\\b', score: 0.9}]\n")
    path = tmp_path / "policies" / "default.yaml"
    path.write_text(path.read_text().replace("  operators:\n", "  operators:\n    PROJECT_CODE: {type: redact}\n"))
    anonymizer = Anonymizer(load_policy(path).pii)
    (out,) = anonymizer.anonymize(["Budget for PRJ-ABC12 approved."], "en")
    assert out.text == "Budget for  approved." and out.counts == {"PROJECT_CODE": 1}


def test_operator_for_a_type_no_recognizer_emits_is_refused(tmp_path):
    shutil.copytree(ROOT / "policies", tmp_path / "policies")
    path = tmp_path / "policies" / "default.yaml"
    path.write_text(path.read_text().replace("  operators:\n", "  operators:\n    PROJECT_KODE: {type: redact}\n"))
    with pytest.raises(PolicyError, match="PROJECT_KODE"):
        load_policy(path)


def test_fast_path_finds_what_presidio_analyzer_engine_finds(policy, anonymizer):
    engine = engine_for("en", policy.pii)
    ours = engine.analyze(SAMPLES, batch_size=4)
    for text, mine in zip(SAMPLES, ours, strict=True):
        artifacts = engine.nlp_engine.process_text(text, "en")
        theirs = engine.analyzer.analyze(text, "en", entities=engine.entities, nlp_artifacts=artifacts,
                                         score_threshold=engine.threshold, allow_list=engine.allow_list)
        key = lambda rs: sorted((r.entity_type, r.start, r.end, round(r.score, 6)) for r in rs)
        assert key(mine) == key(theirs), text


@pytest.mark.parametrize("text,entity,value", [
    (SAMPLES[2], "IBAN_CODE", "DE22 1294 8005 3703 8667 02"),     # after the word "IBAN"
    (SAMPLES[3], "IP_ADDRESS", "2001:db8:85a3::8a2e:370:7334"),   # IPv6, compressed
    (SAMPLES[3], "IP_ADDRESS", "10.0.4.17"),
    (SAMPLES[4], "US_SSN", "569-74-1842"),
    (SAMPLES[1], "CREDIT_CARD", "3541-3511-9609-9680"),
    (SAMPLES[5], "LOCATION", "565 Mcdonald Neck Apt. 386, Lake Lisa, HI"),   # the ZIP is a span of its own
    (SAMPLES[5], "ORGANIZATION", "Garcia LLC"),
])
def test_identifiers_are_found_as_their_type(anonymizer, text, entity, value):
    assert value in types_found(anonymizer, text).get(entity, [])


def test_allow_list_keeps_business_abbreviations_and_deny_list_masks_code_names(policy):
    pii = policy.pii.model_copy(update={"deny_lists": {"PERSON": ["Bluebird"]}})
    anonymizer = Anonymizer(pii)
    (out,) = anonymizer.anonymize(["The NDA for project Bluebird goes to the CFO."], "en")
    assert out.text == "The NDA for project <PERSON> goes to the CFO."


def test_ner_spans_lose_cue_words_codes_and_line_breaks(anonymizer):
    found = types_found(anonymizer, "Customer Curtis Clements reported it.\nBest regards,\nJonathan Richards\nCytogeneticist")
    assert "Curtis Clements" in found["PERSON"] and "Jonathan Richards" in found["PERSON"]
    assert not any("Customer" in v or "\n" in v for vs in found.values() for v in vs)
    assert "ORGANIZATION" not in types_found(anonymizer, "Order SO-74329 shipped with SKU E54-7919.")


def test_double_spaces_do_not_split_a_name():
    text, offsets = squeeze_spaces("Yesterday Margaret  Holloway\t\tcalled.")
    assert text == "Yesterday Margaret Holloway called."
    assert offsets[text.index("Holloway")] == "Yesterday Margaret  Holloway".index("Holloway")


def test_name_with_a_double_space_is_masked_whole(anonymizer):
    (out,) = anonymizer.anonymize(["Yesterday Margaret  Holloway phoned again."], "en")
    assert out.text == "Yesterday <PERSON> phoned again."


def test_residual_scan_ignores_placeholders_and_pseudonyms(anonymizer):
    texts = ["Contact <PERSON> at <EMAIL_ADDRESS>, card <CREDIT_CARD>.", "Ask <PERSON_7f3a9c01> on <PHONE_NUMBER_0a1b2c3d>.",
             "Contact <PERSON> at left.over@example.com or +44 20 7946 0958."]
    assert anonymizer.residual_entities(texts, "en") == [{}, {}, {"EMAIL_ADDRESS": 1, "PHONE_NUMBER": 1}]
    assert anonymizer.residual_counts(texts, "en") == [0, 0, 2]


def test_worker_processes_give_the_same_results_in_order(policy):
    parallel = Anonymizer(policy.pii.model_copy(update={"processes": 2, "parallel_min_docs": 2}))
    try:
        texts = SAMPLES * 2
        assert [r.text for r in parallel.anonymize(texts, "en")] == \
            [r.text for r in Anonymizer(policy.pii).anonymize(texts, "en")]
    finally:
        parallel.close()


def test_small_batches_go_to_the_workers_once_the_run_has_seen_enough_work(policy):
    """One file per document gives batches of a few documents: after `parallel_after_chars` of work
    (Japanese weighted by its NER cost) the workers start and take every later batch."""
    pii = policy.pii.model_copy(update={"processes": 2, "parallel_min_docs": 2000, "parallel_after_chars": 600})
    anonymizer = Anonymizer(pii)
    try:
        small = ["Call Jane Roe at (212) 555-0143 about the invoice."] * 4  # 4 x 51 characters
        anonymizer.anonymize(small, "en")
        assert anonymizer._pool is None  # 204 characters: not worth starting workers
        anonymizer.anonymize(small, "en")
        anonymizer.anonymize(small, "en")
        assert anonymizer._pool is not None  # 612 characters seen: the workers took this batch
        assert anonymizer._use_workers(4) and not anonymizer._use_workers(3)  # fewer than 2 per worker
        out = anonymizer.anonymize(small, "en")
        assert [r.text for r in out] == [r.text for r in Anonymizer(policy.pii).anonymize(small, "en")]
    finally:
        anonymizer.close()
    japanese = Anonymizer(pii)
    japanese.anonymize(["田中さんに連絡してください。"] * 2, "ja")  # 30 characters, weighted 24x: 720
    assert japanese._use_workers(4)
    assert not Anonymizer(pii.model_copy(update={"processes": 1}))._use_workers(5000)


def test_a_started_batch_is_answered_by_the_workers_while_the_caller_goes_on(policy):
    """anonymize_later hands a batch to the started workers and returns; the caller's other work
    (the ingest's previous commit) runs meanwhile, and the result is what one process gives."""
    pii = policy.pii.model_copy(update={"processes": 2, "parallel_min_docs": 2000, "parallel_after_chars": 10**9})
    anonymizer = Anonymizer(pii)
    try:
        assert anonymizer._pool is None and anonymizer.start_workers()
        submitted, submit = [], anonymizer._pool.submit
        anonymizer._pool.submit = lambda language, chunks: submitted.append(len(chunks)) or submit(language, chunks)
        waiting = anonymizer.anonymize_later(SAMPLES, "en")  # a small batch: the workers run already
        assert submitted  # handed to the workers before anybody waited for it
        out = waiting()
        assert [r.text for r in out] == [r.text for r in Anonymizer(policy.pii).anonymize(SAMPLES, "en")]
        assert anonymizer.residual_entities([r.text for r in out], "en") == [r.residual for r in out]
    finally:
        anonymizer.close()
    single = Anonymizer(pii.model_copy(update={"processes": 1}))
    assert not single.start_workers() and single._pool is None


def test_closing_the_workers_with_a_batch_in_flight_stops_them_and_later_work_starts_new_ones(policy):
    """A run that fails while the workers anonymize its next batch closes them at once (no stop
    message between two halves of a batch); the anonymizer starts new workers for later work."""
    pii = policy.pii.model_copy(update={"processes": 2, "parallel_min_docs": 2, "parallel_after_chars": 10**9})
    anonymizer = Anonymizer(pii)
    try:
        in_flight = anonymizer.anonymize_later(SAMPLES * 20, "en")
        procs = list(anonymizer._pool.procs)
        anonymizer.close()
        assert all(p.poll() is not None for p in procs)  # stopped, not left running
        try:
            assert len(in_flight()) == len(SAMPLES) * 20  # it had finished before the close
        except RuntimeError as exc:
            assert "stopped while a batch was in flight" in str(exc)
        again = anonymizer.anonymize(SAMPLES * 2, "en")
        assert anonymizer._pool is not None and anonymizer._pool.procs  # new workers
        assert [r.text for r in again] == [r.text for r in Anonymizer(policy.pii).anonymize(SAMPLES * 2, "en")]
    finally:
        anonymizer.close()


def test_char_limited_batches_keep_order_and_limits():
    from curation.pii.batching import char_limited_batches

    texts = ["a" * 3000, "b" * 10, "c" * 5000, "d" * 9000, "e" * 10, "f" * 10, "g" * 10]
    groups = char_limited_batches(texts, 2, 8000)
    assert [t for g in groups for t in g] == texts
    assert all(len(g) <= 2 for g in groups)
    assert all(sum(map(len, g)) <= 8000 or len(g) == 1 for g in groups)
    assert ["d" * 9000] in groups  # longer than the budget: alone
    assert char_limited_batches(texts, 64, None) == [texts]


@pytest.mark.parametrize("text,name", [
    ("omg just met amy schumer at the airport", "amy schumer"),   # a name in lower case is a name
    ("Janice called about the invoice.", "Janice"),               # begins like "Jan", is no month
    ("Mary arrived late again.", "Mary"),
])
def test_ner_names_that_look_like_lower_case_words_or_months_are_kept(anonymizer, text, name):
    assert name not in anonymizer.anonymize([text], "en")[0].text


def test_whole_month_and_weekday_names_are_not_names(anonymizer):
    found = types_found(anonymizer, "See you Monday, the report is due in March.")
    assert not any(v in ("Monday", "March") for vs in found.values() for v in vs)


def test_a_handle_ner_calls_a_person_is_kept_and_retweet_marks_are_not_organisations(policy):
    from curation.pii.spans import clean_entity

    nlp = engine_for("en", policy.pii).nlp_engine.nlp["en"]
    doc = nlp("RT thanks")
    from spacy.tokens import Span

    assert clean_entity(Span(doc, 0, 1, label="ORGANIZATION")) is None
    doc = nlp("@amyschumer you were great")
    assert clean_entity(Span(doc, 0, 1, label="PERSON")).end_char == len("@amyschumer")
    kept = clean_entity(Span(doc, 0, 1, label="ORGANIZATION"))  # pii.handles: entity keeps the account
    assert (kept.label_, kept.end_char) == ("ORGANIZATION", len("@amyschumer"))
    assert clean_entity(Span(doc, 0, 1, label="ORGANIZATION"), keep_accounts=False) is None


@pytest.mark.parametrize("text", [
    "Her My Number is 1234 5678 9018.",        # check digit 8 is right
    "Individual number 123456789018 on file.",
])
def test_a_valid_my_number_in_english_text_is_an_identification_code_not_a_phone(anonymizer, text):
    (out,) = anonymizer.anonymize([text], "en")
    assert out.counts == {"JP_MY_NUMBER": 1}


def test_twelve_digits_with_a_wrong_check_digit_stay_what_they_were(anonymizer):
    (out,) = anonymizer.anonymize(["Order 1234 5678 9019 shipped."], "en")
    assert "JP_MY_NUMBER" not in out.counts


def test_a_link_ends_a_name(policy):
    from spacy.tokens import Span

    from curation.pii.spans import clean_entity

    nlp = engine_for("en", policy.pii).nlp_engine.nlp["en"]
    doc = nlp("Acme http://bit.ly/x1 news")
    assert clean_entity(Span(doc, 0, 2, label="ORGANIZATION")).end_char == len("Acme")


@pytest.mark.parametrize("language, text", [
    ("en", "Call  Margaret\tHolloway at 555-0100.\n\nShe lives in Leeds."),
    ("ja", "担当の田中太郎さんに連絡してください。" * 500),  # longer than a piece: read in pieces and joined
])
def test_the_text_remembered_for_a_doc_is_the_text_spacy_keeps(policy, language, text):
    nlp_engine = engine_for(language, policy.pii).nlp_engine
    for _, artifacts in nlp_engine.process_batch([text, text[:40]], language, batch_size=8):
        doc = artifacts.tokens
        assert doc.user_data["curation_text"] == doc.text
