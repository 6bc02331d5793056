"""Presidio's anonymizer, in n log n: its rule for overlapping results applied here, its operators called on short pieces of the text.

`AnonymizerEngine.anonymize` resolves overlapping results (same-type intersections merged, a
result inside another dropped, equal spans decided by score, then by position, same-type results
with only spaces between them joined) and then rebuilds the whole output string once per result:
on a 200 KB table with thousands of name spans the rebuilding and its list removals grow with
the square of the text. `anonymize_text` applies the same rule in one sorted sweep per step,
then cuts the text where no result spans the cut and lets Presidio's own operator step
(`EngineBase._operate`) replace the results of each piece, which has no conflict left to resolve.
tests/test_pii_overlaps.py checks the output is identical to Presidio's on random overlapping
results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Presidio's test for "only spaces between two results of a type" (anonymizer_engine.py), kept as
# written: `$` also matches before a final newline.
_SPACES_ONLY = re.compile(r"^( )+$")
PIECE_RESULTS = 32  # results per call of the operator step: the output string it rebuilds stays short


@dataclass(slots=True)
class Span:
    """One result being resolved; `rank` is its place in Presidio's order after the merge step."""

    entity_type: str
    start: int
    end: int
    score: float
    rank: int = 0


def resolve_overlaps(text: str, results) -> list[Span]:
    """`results` (anything with entity_type, start, end, score) as Presidio's anonymizer resolves
    them with its default strategy (MERGE_SIMILAR_OR_CONTAINED), in its order; results of
    different types that only partly overlap stay, as they do there."""
    spans = sorted((Span(r.entity_type, r.start, r.end, r.score) for r in results), key=lambda s: (s.start, s.end))
    return _merge_separated_by_spaces(text, _drop_contained(_merge_same_type(spans)))


def _merge_same_type(spans: list[Span]) -> list[Span]:
    """Intersecting results of one type become one: the union of their spans, the highest score,
    the place of the last one absorbed. "Intersecting" is Presidio's `intersects() != 0`, at least
    one shared character: touching results and a zero-length result inside another stay apart,
    and the zero-length one becomes the result the next is compared with, as there."""
    by_type: dict[str, list[Span]] = {}
    for rank, span in enumerate(spans):
        span.rank = rank
        by_type.setdefault(span.entity_type, []).append(span)
    kept = []
    for same in by_type.values():  # each already in (start, end) order
        current = same[0]
        for span in same[1:]:
            if not _shares_a_character(current, span):
                kept.append(current)
                current = span
                continue
            current.end = max(current.end, span.end)
            current.score = max(current.score, span.score)
            current.rank = max(current.rank, span.rank)
        kept.append(current)
    kept.sort(key=lambda s: s.rank)
    return kept


def _shares_a_character(current: Span, span: Span) -> bool:
    """Presidio's `current.intersects(span) != 0` (recognizer_result.py) for `span` starting at or
    after `current`."""
    return min(current.end, span.end) > span.start


def _drop_contained(spans: list[Span]) -> list[Span]:
    """Without every result inside another; of results with equal spans the highest score stays,
    the later one on a tie."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, -spans[i].end))
    dropped: set[int] = set()
    largest_end = None
    i = 0
    while i < len(order):
        first = spans[order[i]]
        j = i
        while j < len(order) and spans[order[j]].start == first.start and spans[order[j]].end == first.end:
            j += 1
        group = order[i:j]
        if largest_end is not None and largest_end >= first.end:
            dropped.update(group)
        else:
            survivor = max(group, key=lambda k: (spans[k].score, k))
            dropped.update(k for k in group if k != survivor)
            largest_end = first.end
        i = j
    return [s for k, s in enumerate(spans) if k not in dropped]


def _merge_separated_by_spaces(text: str, spans: list[Span]) -> list[Span]:
    """Consecutive results of one type with only spaces between them become one, which keeps the
    later one's score."""
    out: list[Span] = []
    for span in spans:
        if out and out[-1].entity_type == span.entity_type and _SPACES_ONLY.search(text[out[-1].end:span.start]):
            span.start = out.pop().start
        out.append(span)
    return out


def anonymize_text(engine, text: str, results, operators: dict) -> tuple[str, list[str]]:
    """What `engine.anonymize(text, results, operators).text` gives, and the type of each result
    replaced, without its quadratic steps. `engine`: a presidio_anonymizer AnonymizerEngine;
    `operators`: its OperatorConfig per type, with a DEFAULT."""
    from presidio_anonymizer.entities import RecognizerResult
    from presidio_anonymizer.operators import OperatorType

    spans = resolve_overlaps(text, results)
    out, types = [], []
    for lo, hi, piece in _pieces(spans, len(text)):
        # Positional, as DeanonymizeEngine calls it: a renamed keyword would vanish silently into
        # `_operate`'s **operator_kwargs, while the order is what both of Presidio's engines rely on.
        entities = [RecognizerResult(s.entity_type, s.start - lo, s.end - lo, s.score) for s in piece]
        done = engine._operate(text[lo:hi], entities, operators, OperatorType.Anonymize)
        out.append(done.text)
        types.extend(item.entity_type for item in done.items)
    return "".join(out), types


def _pieces(spans: list[Span], length: int):
    """(start, end, spans) pieces covering the text in order, each cut where no span reaches
    across, with about PIECE_RESULTS spans each."""
    ordered = sorted(spans, key=lambda s: s.start)
    lo, reach, piece = 0, 0, []
    for span in ordered:
        if len(piece) >= PIECE_RESULTS and span.start >= reach:
            yield lo, reach, piece
            lo, piece = reach, []
        piece.append(span)
        reach = max(reach, span.end)
    yield lo, length, piece
