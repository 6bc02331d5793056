"""How much personal data the PII stage masks on documents a person labelled (`curation pii evaluate`).

Gold JSONL, one document a line (the format of the shared labelled corpora):
`{"id", "text", "spans": [{"type", "start", "end", ...}], "ignored_spans": [...]}`, character
offsets into `text`, and optionally "language" (en, ja) where the analyzer should not guess it. `spans` are what must be masked; `ignored_spans` are labelled but not personal
data here (products, events): their characters give neither credit nor penalty.

Scoring is by characters, because a mask protects characters, not labels:
- recall per gold type: the share of that type's characters inside some detected span of any
  type (a name masked as <LOCATION> is still protected), and type-exact recall (inside a span of
  the same type, or an accepted equivalent: a street address found as LOCATION);
- masked: the share of all gold-PII characters masked, with a bootstrap 95% confidence interval
  over documents (documents, not characters, are what a company samples and labels);
- over-masked: the share of the other characters (neither gold nor ignored) masked;
- precision per detected type: the share of its characters (ignored ones left out) that are gold
  PII of any type, and of an accepted type;
- worst misses per gold type: (doc id, start, end, type, characters left unmasked). Offsets and
  types only: an evaluation report must not become a list of the personal data it found missing.
"""

from __future__ import annotations

import json
import stat
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

# Detected types that count as the same type as a gold type (type-exact recall and precision):
# curation masks street addresses and postal codes as LOCATION, a birth date may come as a date.
EQUIVALENT = {
    "STREET_ADDRESS": {"LOCATION"}, "POSTAL_CODE": {"LOCATION"}, "ADDRESS": {"LOCATION"},
    "JP_POSTAL_CODE": {"LOCATION"}, "DATE_OF_BIRTH": {"DATE_TIME"},
}
CONFIDENCE = 0.95
RESAMPLES = 1000
BLOCK = 100  # bootstrap draws held in memory at once


class LabelledFileError(ValueError):
    """A labelled file that cannot be scored; the message names the file, the line and the reason."""


@dataclass(frozen=True)
class Span:
    type: str
    start: int
    end: int


@dataclass(frozen=True)
class LabelledDoc:
    id: str
    text: str
    spans: tuple[Span, ...]
    ignored: tuple[Span, ...] = ()
    language: str | None = None  # optional "language" field of the line


def _spans(path: Path, n: int, row: dict, key: str, text: str) -> tuple[Span, ...]:
    raw = row.get(key, [])
    if not isinstance(raw, list):
        raise LabelledFileError(f"{path}: line {n}: '{key}' must be a list")
    out = []
    for k, s in enumerate(raw, 1):
        where = f"{path}: line {n}: {key} #{k}"
        if not isinstance(s, dict) or not isinstance(s.get("type"), str) or not s["type"]:
            raise LabelledFileError(f"{where} needs a non-empty string 'type'")
        start, end = s.get("start"), s.get("end")
        if type(start) is not int or type(end) is not int:
            raise LabelledFileError(f"{where} needs integer 'start' and 'end'")
        if not 0 <= start < end <= len(text):
            raise LabelledFileError(f"{where}: offsets {start}..{end} out of range for a text of "
                                    f"{len(text)} characters")
        # The value itself is never repeated in a message: it is the personal data.
        if "value" in s and s["value"] != text[start:end]:
            raise LabelledFileError(f"{where}: 'value' is not the text at offsets {start}..{end}")
        out.append(Span(s["type"], start, end))
    return tuple(out)


def load_labelled(path: str | Path) -> list[LabelledDoc]:
    """Read a gold JSONL file. Raises LabelledFileError naming the file (and line) for a missing
    or unreadable file, a line that is not a JSON object, a missing key, a duplicate id, offsets out
    of range or a `value` that does not match the text, and for a file with no document."""
    path = Path(path)
    try:
        st = path.stat()
    except OSError as exc:
        raise LabelledFileError(f"{path}: cannot read labelled file ({exc.strerror or exc})") from exc
    if not stat.S_ISREG(st.st_mode):  # open() on a FIFO would wait for a writer
        raise LabelledFileError(f"{path}: not a regular file")
    docs: list[LabelledDoc] = []
    seen: set[str] = set()
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except (ValueError, RecursionError) as exc:
                    reason = exc.msg if isinstance(exc, json.JSONDecodeError) else type(exc).__name__
                    raise LabelledFileError(f"{path}: line {n} is not valid JSON ({reason})") from None
                if not isinstance(row, dict):
                    raise LabelledFileError(f"{path}: line {n} is not a JSON object")
                text, doc_id = row.get("text"), row.get("id")
                if not isinstance(text, str):
                    raise LabelledFileError(f"{path}: line {n} has no string 'text'")
                if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
                    raise LabelledFileError(f"{path}: line {n} has no string 'id'")
                doc_id = str(doc_id)
                if doc_id in seen:
                    raise LabelledFileError(f"{path}: line {n}: id '{doc_id}' appears twice")
                seen.add(doc_id)
                language = row.get("language")
                docs.append(LabelledDoc(doc_id, text, _spans(path, n, row, "spans", text),
                                        _spans(path, n, row, "ignored_spans", text),
                                        language if isinstance(language, str) else None))
    except UnicodeDecodeError as exc:
        raise LabelledFileError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    if not docs:
        raise LabelledFileError(f"{path}: no labelled documents in the file")
    return docs


# ---- scoring ------------------------------------------------------------------------------------

@dataclass
class Ratio:
    """num / den, with a bootstrap confidence interval over documents where one was computed."""

    num: int
    den: int
    low: float | None = None
    high: float | None = None

    @property
    def value(self) -> float | None:
        return self.num / self.den if self.den else None

    def to_dict(self) -> dict:
        d = {"value": None if self.value is None else round(self.value, 4), "num": self.num, "den": self.den}
        if self.low is not None:
            d["ci95"] = [round(self.low, 4), round(self.high, 4)]
        return d


@dataclass
class TypeRecall:
    type: str
    spans: int
    spans_touched: int  # gold spans with at least one character masked
    masked: Ratio  # characters masked by a span of any type
    exact: Ratio  # characters masked by a span of this (or an equivalent) type


@dataclass
class TypePrecision:
    type: str  # detected type
    detections: int
    in_gold: Ratio  # its characters that are gold PII of any type
    exact: Ratio  # ... of a gold type this type counts for


@dataclass(frozen=True)
class Miss:
    doc_id: str
    start: int
    end: int
    type: str
    unmasked: int  # characters of the span left unmasked


@dataclass
class Evaluation:
    documents: int
    masked: Ratio  # gold-PII characters masked (any type), CI over documents
    over_masked: Ratio  # other characters masked (ignored spans left out), CI over documents
    precision: Ratio  # detected characters that are gold PII
    recall: list[TypeRecall]
    precision_by_type: list[TypePrecision]
    worst_misses: dict[str, list[Miss]] = field(default_factory=dict)
    confidence: float = CONFIDENCE
    resamples: int = RESAMPLES

    def to_dict(self) -> dict:
        return {
            "documents": self.documents, "confidence": self.confidence, "resamples": self.resamples,
            "masked": self.masked.to_dict(), "over_masked": self.over_masked.to_dict(),
            "precision": self.precision.to_dict(),
            "recall": [{"type": r.type, "spans": r.spans, "spans_touched": r.spans_touched,
                        "masked": r.masked.to_dict(), "exact": r.exact.to_dict()} for r in self.recall],
            "precision_by_type": [{"type": p.type, "detections": p.detections, "in_gold": p.in_gold.to_dict(),
                                   "exact": p.exact.to_dict()} for p in self.precision_by_type],
            "worst_misses": {t: [asdict(m) for m in ms] for t, ms in self.worst_misses.items()},
        }


def _accepts(gold_type: str, detected: str) -> bool:
    return detected == gold_type or detected in EQUIVALENT.get(gold_type, ())


def _chars(spans: Iterable[tuple[int, int]], n: int) -> set[int]:
    out: set[int] = set()
    for s, e in spans:
        out.update(range(max(0, s), min(n, e)))
    return out


def _as_span(p) -> Span:
    if isinstance(p, Mapping):
        return Span(str(p["type"]), int(p["start"]), int(p["end"]))
    return Span(str(p.type), int(p.start), int(p.end))


def _bootstrap(pairs: dict[str, tuple[list[int], list[int]]], resamples: int, seed: int,
               confidence: float) -> dict[str, tuple[float, float] | tuple[None, None]]:
    """Percentile intervals of sum(num)/sum(den) over documents drawn with replacement; every
    ratio is computed on the same draws. Draws are made in blocks, so that memory stays near
    BLOCK x documents numbers however many documents there are."""
    import numpy as np

    n = len(next(iter(pairs.values()))[0])
    rng = np.random.default_rng(seed)
    nums = {k: np.asarray(v[0], dtype=np.float64) for k, v in pairs.items()}
    dens = {k: np.asarray(v[1], dtype=np.float64) for k, v in pairs.items()}
    ratios: dict[str, list] = {k: [] for k in pairs}
    for done in range(0, resamples, BLOCK):
        weights = rng.multinomial(n, np.full(n, 1.0 / n), size=min(BLOCK, resamples - done)).astype(np.float64)
        for k in pairs:
            d = weights @ dens[k]
            ratios[k].append(np.divide(weights @ nums[k], d, out=np.full(len(d), np.nan), where=d > 0))
    q = [(1 - confidence) / 2 * 100, (1 + confidence) / 2 * 100]
    out: dict = {}
    for k, parts in ratios.items():
        r = np.concatenate(parts)
        if np.isnan(r).all():
            out[k] = (None, None)
            continue
        lo, hi = np.nanpercentile(r, q)
        out[k] = (float(lo), float(hi))
    return out


def score(docs: Sequence[LabelledDoc], predictions: Mapping[str, Iterable], *, worst: int = 10,
          resamples: int = RESAMPLES, seed: int = 0, confidence: float = CONFIDENCE) -> Evaluation:
    """Score detections against gold documents.

    `predictions` maps a document id to its detected spans: objects with `type`, `start`, `end`
    (curation's Entity, Presidio's RecognizerResult) or dicts with those keys; a document with no
    entry had nothing detected. Returns an Evaluation; `worst` misses are kept per gold type, the
    spans with most characters left unmasked first. CIs: percentile bootstrap, `resamples` draws
    of the documents, seeded (the same input gives the same interval)."""
    gold_types = sorted({s.type for d in docs for s in d.spans})
    per_doc: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([0] * len(docs), [0] * len(docs)))
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    span_n: dict[str, int] = defaultdict(int)
    span_touched: dict[str, int] = defaultdict(int)
    detections: dict[str, int] = defaultdict(int)
    misses: dict[str, list[Miss]] = defaultdict(list)

    def add(key: str, i: int, num: int, den: int) -> None:
        nums, dens = per_doc[key]
        nums[i] += num
        dens[i] += den
        totals[key][0] += num
        totals[key][1] += den

    for i, doc in enumerate(docs):
        n = len(doc.text)
        preds = [_as_span(p) for p in predictions.get(doc.id, ())]
        masked = _chars(((p.start, p.end) for p in preds), n)
        gold = _chars(((s.start, s.end) for s in doc.spans), n)
        ignored = _chars(((s.start, s.end) for s in doc.ignored), n) - gold
        add("masked", i, len(gold & masked), len(gold))
        other = n - len(gold) - len(ignored)
        add("over_masked", i, len(masked - gold - ignored), other)
        add("precision", i, len(masked & gold), len(masked - ignored))
        for t in {s.type for s in doc.spans}:
            chars = _chars(((s.start, s.end) for s in doc.spans if s.type == t), n)
            exact = _chars(((p.start, p.end) for p in preds if _accepts(t, p.type)), n)
            add(f"recall:{t}", i, len(chars & masked), len(chars))
            add(f"exact:{t}", i, len(chars & exact), len(chars))
        for s in doc.spans:
            span_n[s.type] += 1
            left = sum(1 for c in range(s.start, s.end) if c not in masked)
            span_touched[s.type] += left < s.end - s.start
            if left:
                misses[s.type].append(Miss(doc.id, s.start, s.end, s.type, left))
        for t in {p.type for p in preds}:
            mine = [p for p in preds if p.type == t]
            detections[t] += len(mine)
            chars = _chars(((p.start, p.end) for p in mine), n) - ignored
            ok = _chars(((s.start, s.end) for s in doc.spans if _accepts(s.type, t)), n)
            add(f"prec:{t}", i, len(chars & gold), len(chars))
            add(f"prec_exact:{t}", i, len(chars & ok), len(chars))

    ci = _bootstrap({k: per_doc[k] for k in ("masked", "over_masked")}
                    | {f"recall:{t}": per_doc[f"recall:{t}"] for t in gold_types},
                    resamples, seed, confidence) if docs else {}

    def ratio(key: str, with_ci: bool = False) -> Ratio:
        num, den = totals.get(key, (0, 0))
        lo, hi = ci.get(key, (None, None)) if with_ci else (None, None)
        return Ratio(num, den, lo, hi)

    recall = [TypeRecall(t, span_n[t], span_touched[t], ratio(f"recall:{t}", True), ratio(f"exact:{t}"))
              for t in gold_types]
    precision = [TypePrecision(t, detections[t], ratio(f"prec:{t}"), ratio(f"prec_exact:{t}"))
                 for t in sorted(detections)]
    worst_misses = {t: sorted(ms, key=lambda m: (-m.unmasked, m.doc_id, m.start))[:worst]
                    for t, ms in sorted(misses.items())} if worst else {}
    return Evaluation(len(docs), ratio("masked", True), ratio("over_masked", True), ratio("precision"),
                      recall, precision, worst_misses, confidence, resamples)


# ---- running the policy's analyzer --------------------------------------------------------------

def predict(docs: Sequence[LabelledDoc], policy, language: str = "auto", chunk: int = 512) -> dict[str, list]:
    """Entities the policy's Anonymizer (the one ingest uses) finds in each document, by id.
    `language`: en, ja, or auto (a document's own "language" field, else detected, as ingest does)."""
    from curation.pii import Anonymizer, detect_language

    languages = [language if language != "auto" else d.language or detect_language(d.text) for d in docs]
    unknown = sorted(set(languages) - set(policy.models))
    if unknown:
        raise ValueError(f"documents in language(s) {unknown}, but the policy has spaCy models (pii.models) "
                         f"only for {sorted(policy.models)}")
    anonymizer = Anonymizer(policy)
    # Chunks large enough for the policy's worker processes to pay off, as `curation pii scan` does.
    chunk = max(chunk, policy.parallel_min_docs) if policy.processes != 1 else chunk
    out: dict[str, list] = {}
    try:
        for k in range(0, len(docs), chunk):
            part, langs = docs[k:k + chunk], languages[k:k + chunk]
            for lang in sorted(set(langs)):
                idx = [i for i, x in enumerate(langs) if x == lang]
                results = anonymizer.anonymize([part[i].text for i in idx], lang)
                for i, res in zip(idx, results, strict=True):
                    out[part[i].id] = list(res.entities)
    finally:
        anonymizer.close()
    return out


def evaluate_file(path: str | Path, policy, language: str = "auto", worst: int = 10) -> Evaluation:
    """Load a labelled file, run the policy's analyzer over it and score the result."""
    docs = load_labelled(path)
    return score(docs, predict(docs, policy, language), worst=worst)
