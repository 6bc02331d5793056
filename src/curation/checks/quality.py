"""Document features, computed in one pass per document, and near-duplicate clusters.

Features describe the anonymized text, the text a dataset version ships and a model is trained
on; raw text is never needed, so documents ingested before a feature existed can be backfilled
from the catalog. Per document: word tokens and lines; Gopher repetition ratios (duplicate lines,
most frequent 2-4-gram, duplicated 5-10-grams, as shares of the characters; Rae et al. 2021); the
share of non-text characters; lexicon hits (profanity, insult, threat, identity attack) and
demographic term counts (gendered, age, nationality/ethnicity, religion) from policies/lexicons;
a MinHash signature (datasketch) and its LSH band keys.

Near-duplicates: a batch's documents are matched against each other with datasketch's
MinHashLSH, and against the dataset's earlier documents through the band keys stored in the
catalog (an LSH index that survives between runs); a candidate counts when the signatures'
estimated Jaccard similarity reaches the policy's threshold. A document joins the cluster of its
most similar earlier document, or starts its own (cluster id = its doc_id).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import yaml

if TYPE_CHECKING:
    from curation.catalog import Catalog
    from curation.policy import Policy, QualityPolicy

TOXICITY = ("profanity", "insult", "threat", "identity_attack")
DEMOGRAPHIC = ("gender_male", "gender_female", "age", "nationality", "religion")
CATEGORIES = TOXICITY + DEMOGRAPHIC
LSH_WEIGHTS = (0.2, 0.8)  # datasketch MinHashLSH (false positive, false negative) weights
TOP_NGRAMS = (2, 3, 4)
DUP_NGRAMS = (5, 6, 7, 8, 9, 10)
# Feature columns of the catalog's `features` table, in order (doc_id and the MinHash aside).
COLUMNS = (
    "language_confidence", "n_words", "n_lines", "dup_line_frac", "dup_line_char_frac",
    *(f"top_{n}gram_char_frac" for n in TOP_NGRAMS), *(f"dup_{n}gram_char_frac" for n in DUP_NGRAMS),
    "non_text_share", *(f"{c}_hits" for c in TOXICITY), *(f"{c}_terms" for c in DEMOGRAPHIC),
    "near_dup_cluster", "near_dup_of", "near_dup_similarity",
)

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
# A CJK character is one token (Japanese has no spaces); elsewhere a run of letters and digits.
_TOKEN = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")
# Letters, digits, spaces and ordinary punctuation (Latin and Japanese) count as text.
_NON_TEXT = re.compile(r"[^\w\s.,;:!?'\"()\[\]\-–—/&%€$¥£、。・「」『』（）【】！？：；…〜ー－％＆]")


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and the key."""


_LEX_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_HAS_CJK = re.compile(rf"[{_CJK}]")


def _words(text: str) -> list[str]:
    return [t.replace("’", "'") for t in _LEX_TOKEN.findall(text.lower())]


@dataclass(frozen=True)
class Lexicon:
    """Compiled term lists. `word` terms match whole words (case-insensitive; multi-word terms
    on consecutive words, longest first), `substring` terms anywhere (Japanese: longest term at a
    position wins). Terms in `ignore` are matched like the others and counted nowhere."""

    files: tuple[str, ...]
    single: dict[str, str]  # one-word term -> category
    multi: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> (words, category), longest first
    substring: re.Pattern | None
    category_of: dict[str, str]  # substring term -> category

    def counts(self, text: str) -> Counter:
        found: Counter = Counter()
        words = _words(text)
        i = 0
        while i < len(words):
            for terms, category in self.multi.get(words[i], ()):
                if tuple(words[i:i + len(terms)]) == terms:
                    found[category] += 1
                    i += len(terms)
                    break
            else:
                if (category := self.single.get(words[i])) is not None:
                    found[category] += 1
                i += 1
        if self.substring is not None and _HAS_CJK.search(text):
            for m in self.substring.finditer(text):
                found[self.category_of[m.group(0)]] += 1
        found.pop("ignore", None)
        return found


def load_lexicon(files: list[Path]) -> Lexicon:
    """Read lexicon files: `{language, match: word|substring, categories: {category: [terms]}}`."""
    word_terms: dict[tuple[str, ...], str] = {}
    sub_terms: dict[str, str] = {}
    for file in files:
        try:
            doc = yaml.safe_load(Path(file).read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise LexiconError(f"{file}: cannot read lexicon: {exc}") from exc
        if not isinstance(doc, dict) or not isinstance(doc.get("categories"), dict):
            raise LexiconError(f"{file}: expected a mapping with 'language', 'match' and 'categories'")
        match = doc.get("match", "word")
        if match not in ("word", "substring"):
            raise LexiconError(f"{file}: key 'match' is {match!r}; allowed: word, substring")
        for category, listed in doc["categories"].items():
            if category not in CATEGORIES + ("ignore",):
                raise LexiconError(f"{file}: category {category!r}; allowed: {', '.join(CATEGORIES)}, ignore")
            for term in listed or []:
                if not isinstance(term, str) or not term.strip():
                    raise LexiconError(f"{file}: category {category!r} holds a non-text term {term!r}")
                table, key = (word_terms, tuple(_words(term))) if match == "word" else (sub_terms, term)
                if not key:
                    raise LexiconError(f"{file}: term {term!r} has no word in it")
                if table.get(key, category) != category:
                    raise LexiconError(f"{file}: term {term!r} is in {category!r} and {table[key]!r}")
                table[key] = category
    multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for terms, category in sorted(word_terms.items(), key=lambda kv: -len(kv[0])):
        if len(terms) > 1:
            multi.setdefault(terms[0], []).append((terms, category))
    substring = re.compile("|".join(re.escape(t) for t in sorted(sub_terms, key=lambda t: (-len(t), t)))) \
        if sub_terms else None
    return Lexicon(tuple(str(f) for f in files), {t[0]: c for t, c in word_terms.items() if len(t) == 1},
                   {k: tuple(v) for k, v in multi.items()}, substring, sub_terms)


def _find_duplicates(items: list[str]) -> tuple[int, int]:
    seen: set[str] = set()
    n = chars = 0
    for item in items:
        if item in seen:
            n += 1
            chars += len(item)
        else:
            seen.add(item)
    return n, chars


def _gram_hashes(ids: np.ndarray, n: int) -> np.ndarray:
    """64-bit polynomial hash of every n-gram of token ids (collisions: ~L^2/2^64, negligible)."""
    h = np.zeros(len(ids) - n + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(n):
            h = h * np.uint64(1_000_003) + ids[k:len(ids) - n + 1 + k]
    return h


def _covered_chars(starts: np.ndarray, n: int, lengths: np.ndarray) -> int:
    """Characters of the tokens covered by n-grams starting at `starts` (overlaps counted once)."""
    if not len(starts):
        return 0
    edges = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.add.at(edges, starts, 1)
    np.add.at(edges, starts + n, -1)
    return int(lengths[np.cumsum(edges[:-1]) > 0].sum())


def repetition(text: str, words: list[str]) -> dict[str, float]:
    """Gopher repetition ratios (Rae et al. 2021), as shares of the text's characters. Lines: share
    of lines (and of characters) that repeat an earlier line. Top n-gram (n = 2-4): characters
    covered by the occurrences of the most frequent n-gram, when it occurs more than once.
    Duplicated n-grams (n = 5-10): characters covered by the occurrences of n-grams that occurred
    before (first occurrences and overlaps not counted twice). Characters are those of the tokens."""
    total = max(len(text), 1)
    lines = [line for line in (s.strip() for s in text.split("\n")) if line]
    dup_lines, dup_line_chars = _find_duplicates(lines)
    out = {"dup_line_frac": dup_lines / max(len(lines), 1), "dup_line_char_frac": dup_line_chars / total}
    vocab: dict[str, int] = {}
    ids = np.fromiter((vocab.setdefault(w, len(vocab) + 1) for w in words), dtype=np.uint64, count=len(words))
    lengths = np.fromiter((len(w) for w in words), dtype=np.int64, count=len(words))
    repeats = True  # whether an n-gram of the last size measured occurred twice
    for n in TOP_NGRAMS + DUP_NGRAMS:
        name = f"top_{n}gram_char_frac" if n in TOP_NGRAMS else f"dup_{n}gram_char_frac"
        # An n-gram that occurs twice starts with an (n-1)-gram that occurs twice: once no
        # 5-gram repeats, no longer one does (most texts; six sorts saved per document).
        if len(words) < n + 1 or (n in DUP_NGRAMS and not repeats):
            out[name] = 0.0
            continue
        _, first, inverse, counts = np.unique(_gram_hashes(ids, n), return_index=True, return_inverse=True,
                                              return_counts=True)
        if n in TOP_NGRAMS:
            best = counts.max()
            tied = np.flatnonzero(counts == best)[:16]  # ties: the best-covering of the first few
            top = max((_covered_chars(np.flatnonzero(inverse == g), n, lengths) for g in tied),
                      default=0) if best > 1 else 0
            out[name] = top / total
        else:
            repeated = np.flatnonzero(first[inverse] < np.arange(len(inverse)))
            out[name] = _covered_chars(repeated, n, lengths) / total
            repeats = len(repeated) > 0
    return out


@dataclass
class Signature:
    doc_id: str
    hashvalues: np.ndarray  # uint32, one per permutation
    bands: list[int]  # one signed 64-bit key per LSH band


class FeatureExtractor:
    """Computes a document's features; built once per policy (lexicons compiled, LSH banding
    chosen by datasketch for the threshold)."""

    def __init__(self, quality: QualityPolicy, lexicon: Lexicon):
        from datasketch import LeanMinHash, MinHash, MinHashLSH

        self.policy = quality
        self.lexicon = lexicon
        self.threshold = quality.near_duplicate_threshold
        self.num_perm = quality.minhash_permutations
        self._MinHashLSH, self._LeanMinHash = MinHashLSH, LeanMinHash
        # Candidates are verified against the signatures, so a false candidate costs one comparison
        # while a missed one leaves a duplicate in the set: weigh misses 4x when datasketch picks
        # the bands (threshold 0.8, 128 permutations: 12 bands of 10 rows instead of 9 of 13;
        # a pair at similarity 0.85 becomes a candidate with probability 0.93 instead of 0.69).
        self.lsh_weights = LSH_WEIGHTS
        lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm, weights=LSH_WEIGHTS)
        self.hashranges = lsh.hashranges
        self.lsh_params = (lsh.b, lsh.r)  # datasketch's search for them costs ~20 ms: once, here
        # crc32 of each shingle; datasketch's affine32 scheme pre-mixes it (MurmurHash3 finalizer).
        self._template = MinHash(num_perm=self.num_perm, seed=1, hashfunc=int)

    def minhash(self, words: list[str], text: str):
        k = self.policy.shingle_size
        lowered = [w.lower() for w in words]
        shingles = ["\x1f".join(lowered[i:i + k]) for i in range(max(len(lowered) - k + 1, 1))] or [text]
        m = self._template.copy()
        m.update_batch([zlib.crc32(s.encode("utf-8")) for s in shingles])
        return m

    def band_keys(self, hashvalues: np.ndarray) -> list[int]:
        return [int.from_bytes(hashlib.blake2b(hashvalues[a:b].tobytes(), digest_size=8).digest(), "little",
                               signed=True) for a, b in self.hashranges]

    def features(self, doc_id: str, text: str) -> tuple[dict, object]:
        """(feature row without near-duplicate fields, datasketch MinHash) of one document."""
        words = _TOKEN.findall(text)
        row: dict = {"doc_id": doc_id, "language_confidence": None, "n_words": len(words),
                     "n_lines": sum(1 for line in text.split("\n") if line.strip())}
        row.update(repetition(text, words))
        row["non_text_share"] = len(_NON_TEXT.findall(text)) / max(len(text), 1)
        hits = self.lexicon.counts(text)
        row.update({f"{c}_hits": hits.get(c, 0) for c in TOXICITY})
        row.update({f"{c}_terms": hits.get(c, 0) for c in DEMOGRAPHIC})
        return row, self.minhash(words, text)

    def document_row(self, doc_id: str, text: str, language_confidence: float | None) -> dict:
        """A document's feature row without its near-duplicate fields, with its MinHash signature
        (`minhash`, uint32 bytes) and LSH band keys (`bands`): a function of the text alone, so it
        is computed wherever the document is anonymized (ingest/doc_work.py)."""
        row, m = self.features(doc_id, text)
        row["language_confidence"] = language_confidence
        row["minhash"] = m.hashvalues.astype(np.uint32).tobytes()
        row["bands"] = self.band_keys(m.hashvalues)
        return row

    def annotate(self, documents: list[dict], catalog: Catalog | None = None, dataset: str | None = None) -> None:
        """Set `doc["features"]` on each catalog document row (computed from `text_anonymized`),
        near-duplicate cluster included; earlier documents of `dataset` come from `catalog`."""
        rows = [self.document_row(d["doc_id"], d["text_anonymized"] or "", d.get("language_confidence"))
                for d in documents]
        self.cluster(rows, catalog, dataset)
        for doc, row in zip(documents, rows, strict=True):
            doc["features"] = row

    def cluster(self, rows: list[dict], catalog: Catalog | None = None, dataset: str | None = None) -> None:
        """Set the near-duplicate fields of feature rows (document_row's), in their order: against
        the dataset's earlier documents in `catalog` and the rows before them. Needs the catalog
        and the batch's order, so it runs in the ingest's own process."""
        if not rows:
            return
        # The signature as datasketch computed it (uint64 values below 2**32): the batch's LSH
        # hashes the array's bytes, so its dtype must not change between insert and query.
        sigs = [Signature(row["doc_id"], np.frombuffer(row["minhash"], dtype=np.uint32).astype(np.uint64),
                          row["bands"]) for row in rows]
        earlier = catalog.near_dup_candidates(dataset, [(i, k) for s in sigs for i, k in enumerate(s.bands)]) \
            if catalog is not None and dataset is not None else []
        by_band: dict[tuple[int, int], list[dict]] = {}
        for cand in earlier:
            by_band.setdefault((cand["band"], cand["bucket"]), []).append(cand)
        batch_lsh = self._MinHashLSH(threshold=self.threshold, num_perm=self.num_perm, params=self.lsh_params)
        in_batch: dict[str, tuple[np.ndarray, str]] = {}  # doc_id -> (hashvalues, cluster)
        for row, sig in zip(rows, sigs, strict=True):
            m = self._LeanMinHash(seed=1, hashvalues=sig.hashvalues, scheme=self._template.scheme)
            candidates: dict[str, tuple[np.ndarray, str]] = {}
            for band, key in enumerate(sig.bands):
                for cand in by_band.get((band, key), []):
                    if cand["doc_id"] != sig.doc_id:
                        candidates[cand["doc_id"]] = (np.frombuffer(cand["minhash"], dtype=np.uint32),
                                                      cand["near_dup_cluster"] or cand["doc_id"])
            for key in batch_lsh.query(m):
                candidates[key] = in_batch[key]
            best = max(((self.similarity(sig.hashvalues, hv), other, cluster)
                        for other, (hv, cluster) in candidates.items()), default=None,
                       key=lambda t: (t[0], t[1]))
            if best and best[0] >= self.threshold:
                row.update(near_dup_cluster=best[2], near_dup_of=best[1], near_dup_similarity=round(best[0], 4))
            else:
                row.update(near_dup_cluster=sig.doc_id, near_dup_of=None, near_dup_similarity=None)
            if sig.doc_id not in in_batch:
                batch_lsh.insert(sig.doc_id, m, check_duplication=False)
                in_batch[sig.doc_id] = (sig.hashvalues, row["near_dup_cluster"])

    @staticmethod
    def similarity(a: np.ndarray, b: np.ndarray) -> float:
        """Estimated Jaccard similarity of two signatures (as datasketch's MinHash.jaccard)."""
        return float(np.count_nonzero(a == b)) / len(a)


@lru_cache(maxsize=8)
def _extractor(quality_json: str, files: tuple[tuple[str, float], ...]) -> FeatureExtractor:
    from curation.policy import QualityPolicy

    return FeatureExtractor(QualityPolicy.model_validate_json(quality_json),
                            load_lexicon([Path(f) for f, _ in files]))


def extractor(policy: Policy) -> FeatureExtractor:
    """The extractor for a policy, cached while the policy and its lexicon files are unchanged;
    lexicon paths are relative to the policy file."""
    try:
        files = policy.quality.lexicon_files(policy.source_file)
    except ValueError as exc:
        raise LexiconError(f"{policy.source_file or 'policy'}: {exc}") from None
    return _extractor(policy.quality.model_dump_json(), tuple((str(f), f.stat().st_mtime) for f in files))


def annotate(documents: list[dict], policy: Policy, catalog: Catalog | None = None,
             dataset: str | None = None) -> None:
    """Ingest stage: features (near-duplicate clusters included) for a batch of catalog rows."""
    extractor(policy).annotate(documents, catalog, dataset)


def backfill(catalog: Catalog, dataset: str, policy: Policy, batch: int = 2000) -> int:
    """Compute features for the dataset's documents that have none (ingested before features
    existed), from their anonymized text; returns how many were added."""
    done = 0
    while rows := catalog.documents_without_features(dataset, batch):
        annotate(rows, policy, catalog, dataset)
        catalog.add_features(dataset, [r["features"] for r in rows])
        done += len(rows)
    return done
