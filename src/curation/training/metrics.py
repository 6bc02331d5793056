"""Task metrics per item (exact match, chrF, ROUGE-L) and paired bootstrap intervals.

The scores come from sacrebleu (chrF) and rouge-score (ROUGE-L); this module only decides how text
is compared. chrF counts character n-grams, so it needs no word splitting and works for Japanese as
it is. rouge-score's own tokenizer keeps only [a-z0-9] and scores every Japanese pair 0, so ROUGE-L
gets a tokenizer here: Latin-script words as rouge-score splits them, and each CJK character (kanji,
kana) as one token — the usual character-level ROUGE for Japanese without a morphological analyzer.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

# One token: a run of Latin letters/digits, or a single CJK ideograph / kana / full-width character.
_TOKEN = re.compile(r"[a-z0-9]+|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")


def normalize(text: str) -> str:
    """What exact match compares: NFKC (full-width and half-width forms alike), case-folded,
    whitespace collapsed, trailing punctuation of either script dropped."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = " ".join(text.split())
    return text.rstrip(" .。!！?？、,")


def tokens(text: str) -> list[str]:
    """ROUGE tokens of `text`: lower-cased Latin words and single CJK characters, in order."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


class _Tokenizer:  # the interface rouge-score expects
    def tokenize(self, text: str) -> list[str]:
        return tokens(text)


_rouge = None


def exact_match(prediction: str, reference: str) -> float:
    """1.0 when the two are equal after `normalize`, else 0.0."""
    return float(normalize(prediction) == normalize(reference))


def chrf(prediction: str, reference: str) -> float:
    """Sentence chrF (sacrebleu defaults: character 6-grams, beta 2), 0-100."""
    from sacrebleu.metrics import CHRF

    return float(CHRF().sentence_score(prediction, [reference]).score)


def rouge_l(prediction: str, reference: str) -> float:
    """ROUGE-L F-measure (rouge-score) over `tokens`, 0-100."""
    global _rouge
    if _rouge is None:
        from rouge_score import rouge_scorer

        _rouge = rouge_scorer.RougeScorer(["rougeL"], tokenizer=_Tokenizer())
    return float(_rouge.score(reference, prediction)["rougeL"].fmeasure) * 100


TASK_METRICS: dict[str, Callable[[str, str], float]] = {
    "exact_match": lambda p, r: exact_match(p, r) * 100,  # percent, like the others
    "chrf": chrf,
    "rouge_l": rouge_l,
}


def score_items(predictions: Sequence[str], references: Sequence[str]) -> dict[str, list[float]]:
    """Per metric, one score per (prediction, reference) pair, each 0-100."""
    if len(predictions) != len(references):
        raise ValueError(f"{len(predictions)} predictions for {len(references)} references")
    return {name: [fn(p, r) for p, r in zip(predictions, references, strict=True)]
            for name, fn in TASK_METRICS.items()}


# ---- bootstrap ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Interval:
    value: float
    low: float
    high: float

    def to_dict(self) -> dict[str, float]:
        return {"value": _round(self.value), "low": _round(self.low), "high": _round(self.high)}


@dataclass(frozen=True)
class Paired:
    """A metric for the base and the fine-tuned model on the same items, and tuned − base."""

    base: Interval
    tuned: Interval
    difference: Interval
    n: int

    def to_dict(self) -> dict:
        return {"base": self.base.to_dict(), "tuned": self.tuned.to_dict(),
                "difference": self.difference.to_dict(), "n": self.n}


def _round(x: float) -> float | None:
    return None if x is None or not math.isfinite(x) else round(float(x), 4)


def _draws(n: int, samples: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, n, size=(samples, n))


def _interval(value: float, draws: np.ndarray, level: float) -> Interval:
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(draws, [tail, 100 - tail])
    return Interval(float(value), float(low), float(high))


def paired_bootstrap(base: Sequence[float], tuned: Sequence[float], *, samples: int = 1000, seed: int = 0,
                     level: float = 0.95) -> Paired:
    """Means of per-item scores of two models on the same items, with percentile bootstrap
    intervals; the same resampled items for both, so the difference's interval is paired."""
    return paired_bootstrap_ratio(base, [1.0] * len(base), tuned, [1.0] * len(tuned), samples=samples,
                                  seed=seed, level=level)


def paired_bootstrap_ratio(base_num: Sequence[float], base_den: Sequence[float], tuned_num: Sequence[float],
                           tuned_den: Sequence[float], *, transform: Callable[[np.ndarray], np.ndarray] | None = None,
                           samples: int = 1000, seed: int = 0, level: float = 0.95) -> Paired:
    """Like paired_bootstrap for a ratio of sums over items, e.g. perplexity = exp(Σ nll / Σ tokens)
    with transform=np.exp: items (documents) are resampled, not tokens, since tokens of one
    document are not independent."""
    arrays = [np.asarray(a, dtype=float) for a in (base_num, base_den, tuned_num, tuned_den)]
    n = len(arrays[0])
    if n == 0 or any(len(a) != n for a in arrays):
        raise ValueError("paired bootstrap needs the same, non-zero number of items for both models")
    f = transform or (lambda x: x)

    def stat(num, den, idx=None):
        if idx is None:
            return f(num.sum() / den.sum())
        return f(num[idx].sum(axis=1) / den[idx].sum(axis=1))

    idx = _draws(n, samples, seed)
    b, t = stat(arrays[0], arrays[1]), stat(arrays[2], arrays[3])
    b_draws, t_draws = stat(arrays[0], arrays[1], idx), stat(arrays[2], arrays[3], idx)
    return Paired(_interval(b, b_draws, level), _interval(t, t_draws, level),
                  _interval(t - b, t_draws - b_draws, level), n)
