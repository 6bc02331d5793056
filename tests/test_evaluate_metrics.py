"""The evaluation's metrics on hand-made cases: what exact match forgives, chrF and ROUGE-L in
English and Japanese, paired bootstrap intervals, and the probe's rules on planted values (no
models, no spaCy: a stand-in analyzer)."""

from __future__ import annotations

import json
import math
from types import SimpleNamespace

import numpy as np
import pytest

from curation.sources.source_yaml import SourceYamlError, read_source_yaml
from curation.training import metrics
from curation.training.errors import TrainingError
from curation.training.tasks import answer_of, read_eval_set
from curation.training.privacy_probe import Canary, TrainingText, canaries_in, redact_canaries, scan, verbatim_share


def test_exact_match_ignores_case_width_spacing_and_final_punctuation():
    assert metrics.exact_match("  Tokyo.", "tokyo") == 1.0
    assert metrics.exact_match("ＡＢＣ　株式会社", "ABC 株式会社") == 1.0
    assert metrics.exact_match("ありがとうございました。", "ありがとうございました") == 1.0
    assert metrics.exact_match("ab", "a b") == 0.0


def test_chrf_is_100_for_identical_text_and_0_for_nothing_shared():
    assert metrics.chrf("The invoice is attached", "The invoice is attached") == pytest.approx(100)
    assert metrics.chrf("xyz", "abc") == 0.0
    assert metrics.chrf("", "abc") == 0.0


def test_chrf_scores_japanese_without_word_splitting():
    partial = metrics.chrf("東京の会議室", "東京都の大会議室")
    assert 0 < partial < 100


def test_rouge_l_f_measure_on_an_english_prefix():
    # LCS 3 of 3 predicted and 4 reference tokens: P 1, R 3/4, F 6/7.
    assert metrics.rouge_l("the cat sat", "The cat sat down") == pytest.approx(600 / 7)


def test_rouge_l_counts_japanese_characters_as_tokens():
    # rouge-score's own tokenizer drops every Japanese character and would score 0.
    assert metrics.rouge_l("東京の会議室", "東京都の会議室") == pytest.approx(1200 / 13)
    assert metrics.tokens("会議は3F-Aで") == ["会", "議", "は", "3f", "a", "で"]


def test_score_items_scores_every_pair_with_every_metric():
    scores = metrics.score_items(["yes", "東京"], ["yes", "大阪"])
    assert set(scores) == {"exact_match", "chrf", "rouge_l"}
    assert scores["exact_match"] == [100.0, 0.0]
    with pytest.raises(ValueError):
        metrics.score_items(["a"], ["a", "b"])


def test_paired_bootstrap_of_identical_models_differs_by_exactly_zero():
    scores = [0, 10, 50, 80, 100, 30]
    p = metrics.paired_bootstrap(scores, scores, samples=200, seed=1)
    assert p.difference.value == 0 and p.difference.low == 0 and p.difference.high == 0
    assert p.base.low <= p.base.value <= p.base.high and p.n == 6


def test_paired_bootstrap_interval_holds_the_mean_and_is_reproducible():
    rng = np.random.default_rng(0)
    base, tuned = rng.uniform(0, 50, 40).tolist(), rng.uniform(30, 80, 40).tolist()
    a = metrics.paired_bootstrap(base, tuned, samples=500, seed=3)
    b = metrics.paired_bootstrap(base, tuned, samples=500, seed=3)
    assert a == b
    assert a.difference.low <= a.difference.value <= a.difference.high
    assert a.difference.value == pytest.approx(np.mean(tuned) - np.mean(base))
    assert a.difference.low > 0  # tuned is better on every draw's mean here


def test_paired_difference_is_tighter_than_the_unpaired_spread_when_items_vary_together():
    base = [0, 20, 40, 60, 80, 100] * 3
    tuned = [b + 5 for b in base]  # every item 5 points better
    p = metrics.paired_bootstrap(base, tuned, samples=300, seed=0)
    assert p.difference.low == pytest.approx(5) and p.difference.high == pytest.approx(5)
    assert p.base.high - p.base.low > 10


def test_perplexity_bootstrap_is_over_documents_of_summed_loss():
    ln4, ln2 = math.log(4), math.log(2)
    base_nll, base_tok = [10 * ln4, 30 * ln4], [10, 30]  # perplexity 4 on every document
    tuned_nll, tuned_tok = [10 * ln2, 30 * ln2], [10, 30]  # perplexity 2
    p = metrics.paired_bootstrap_ratio(base_nll, base_tok, tuned_nll, tuned_tok, transform=np.exp,
                                       samples=100, seed=0)
    assert p.base.value == pytest.approx(4) and p.tuned.value == pytest.approx(2)
    assert p.difference.value == pytest.approx(-2) and p.difference.high == pytest.approx(-2)


def test_the_answer_is_the_first_sentence_of_the_first_line():
    assert answer_of(" <EMAIL_ADDRESS>. Thanks for") == "<EMAIL_ADDRESS>."
    assert answer_of("ありがとうございました。次回は") == "ありがとうございました。"
    assert answer_of("version 4.2 ships\nnext line") == "version 4.2 ships"


def test_eval_set_errors_name_the_file_and_line(tmp_path):
    path = tmp_path / "tasks.jsonl"
    path.write_text(json.dumps({"prompt": "a", "reference": "b"}) + "\n" + json.dumps({"prompt": "a"}) + "\n")
    with pytest.raises(TrainingError, match=r"tasks.jsonl:2: needs non-empty string keys"):
        read_eval_set(path, 10)
    path.write_text("{not json\n")
    with pytest.raises(TrainingError, match=r"tasks.jsonl:1: not JSON"):
        read_eval_set(path, 10)


# ---- the probe's rules -------------------------------------------------------------------------


def test_canaries_are_found_and_redacted_by_hash():
    c = Canary.of("zebra-lantern-quartz", "memos")
    assert c.n_chars == 20 and "zebra" not in json.dumps(c.__dict__)
    assert canaries_in("the code is zebra-lantern-quartz, keep it", [c]) == [c]
    assert canaries_in("the code is zebra-lantern-quart", [c]) == []
    assert redact_canaries("a zebra-lantern-quartz b", [c]) == "a <CANARY> b"


def test_a_value_is_in_the_training_text_only_as_a_whole_word():
    training = TrainingText(["Demo for <PERSON> and Dee Lee", "担当は田中様です"])
    assert "Dee Lee" in training and "田中" in training
    assert "De" not in training and "Lee Dee" not in training


class _StandInAnalyzer:
    """Flags every capitalised word of the form Xxxxx as a PERSON: enough to plant values."""

    def anonymize(self, texts, language):
        import re

        out = []
        for text in texts:
            spans = [m.span() for m in re.finditer(r"(?<![<\w])[A-Z][a-z]+(?![\w>])", text)]
            masked = text
            for start, end in reversed(spans):
                masked = masked[:start] + "<PERSON>" + masked[end:]
            entities = [SimpleNamespace(type="PERSON", start=s, end=e, score=0.85) for s, e in spans]
            out.append(SimpleNamespace(text=masked, entities=entities))
        return out


def test_probe_fails_on_a_value_the_model_took_from_the_training_text():
    training = TrainingText(["Please call Okonkwo about the <PERSON> invoice."])
    generations = ["call Okonkwo now", "call Zyxwv now", "ask <PERSON> now"]
    result = scan(generations, ["en"] * 3, _StandInAnalyzer(), training, [], where="probe",
                  doc_ids=["d1", "d2", "d3"])
    assert result.leaks == 1
    assert result.counts_by_type() == {"PERSON": 2}  # the placeholder is not a finding
    assert result.counts_by_type(in_training_data=True) == {"PERSON": 1}
    assert [f.doc_id for f in result.findings if f.in_training_data] == ["d1"]
    assert result.anonymized[0] == "call <PERSON> now"


def test_probe_fails_on_a_reproduced_canary_and_stores_no_clear_value():
    c = Canary.of("zebra-lantern-quartz", "memos")
    result = scan(["the code is zebra-lantern-quartz"], ["en"], _StandInAnalyzer(), TrainingText([]), [c],
                  where="task")
    assert result.leaks == 1 and result.canary_hits == [(c, "task", None)]
    assert "zebra" not in result.anonymized[0]


def test_verbatim_share_counts_probes_continued_word_for_word():
    assert verbatim_share([[1, 2, 3, 9], [4, 5]], [[1, 2, 3], [4, 6]]) == 0.5


def test_source_yaml_canaries_are_a_list_of_strings(tmp_path):
    (tmp_path / "SOURCE.yaml").write_text("license: MIT\ncanaries: [zebra-lantern-quartz, '合言葉はみかん']\n")
    info = read_source_yaml(tmp_path)
    assert info.canaries == ("zebra-lantern-quartz", "合言葉はみかん")
    assert "zebra" not in repr(info)
    (tmp_path / "SOURCE.yaml").write_text("license: MIT\ncanaries: zebra\n")
    with pytest.raises(SourceYamlError, match="'canaries' must be a list of non-empty strings"):
        read_source_yaml(tmp_path)
