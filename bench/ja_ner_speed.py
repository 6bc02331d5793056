"""Japanese NER speed: GiNZA's NER-only pipeline with spaCy's own greedy loop against the stage's
(pii/ner_decoding.py: the same loop stepped with the GIL held), on a fixed generated corpus.

The two pipelines take turns on slices of the corpus and are timed in CPU seconds of this process
(time.process_time), so that load from other processes on a shared machine falls on both alike.
Their entities are compared document by document; a difference fails the run.

    python bench/ja_ner_speed.py --short 160 --long 40
    ... last line: stock_docs_per_s=5.30 held_gil_docs_per_s=10.50 speedup=1.98
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]


def entities(nlp, texts: list[str], batch_size: int) -> tuple[list, float]:
    """Each text's entities (start, end, label) and the CPU seconds `nlp` took to find them."""
    start = time.process_time()
    found = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=batch_size)]
    return found, time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--short", type=int, default=160)
    ap.add_argument("--long", type=int, default=40)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--slice", type=int, default=50, help="documents per turn of each pipeline")
    ap.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size (the policy's default)")
    ap.add_argument("--model", default="ja_ginza")
    args = ap.parse_args()

    from pii_corpus_ja import build_corpus

    from curation.pii.nlp_models import load_ner_pipeline

    texts = [doc.text for doc in build_corpus(args.short, args.long, args.seed)]
    pipelines = {"stock": load_ner_pipeline(args.model, stock_decoding=True), "held_gil": load_ner_pipeline(args.model)}
    warm = [doc.text for doc in build_corpus(10, 2, args.seed + 999)]
    for nlp in pipelines.values():
        entities(nlp, warm, args.batch_size)
    print(f"{len(texts)} documents, {sum(map(len, texts))} characters; model {args.model}; "
          f"batch size {args.batch_size}; slices of {args.slice}", flush=True)
    seconds = dict.fromkeys(pipelines, 0.0)
    differing = 0
    for turn, start in enumerate(range(0, len(texts), args.slice)):
        part = texts[start:start + args.slice]
        order = list(pipelines) if turn % 2 == 0 else list(reversed(pipelines))
        found = {}
        for name in order:
            found[name], spent = entities(pipelines[name], part, args.batch_size)
            seconds[name] += spent
        differing += sum(a != b for a, b in zip(found["stock"], found["held_gil"], strict=True))
    for name, spent in seconds.items():
        print(f"  {name}: {spent:.2f} CPU s, {len(texts) / spent:.2f} docs/s", flush=True)
    print(f"  documents whose entities differ: {differing}")
    stock, held = (len(texts) / seconds[name] for name in ("stock", "held_gil"))
    print(f"stock_docs_per_s={stock:.2f} held_gil_docs_per_s={held:.2f} speedup={held / stock:.2f}")
    if differing:
        sys.exit(f"ja_ner_speed: {differing} documents' entities differ between the two loops")


if __name__ == "__main__":
    main()
