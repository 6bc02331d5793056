"""Throughput of the PII stage against naive Presidio and against spaCy alone, in one script.

On the documents of bench/pii_corpus_en.py (2,000 short + 500 long by default), with the model
the policy names for English, or with `--language ja` on bench/pii_corpus_ja.py (800 short + 200
long) with the policy's Japanese model (GiNZA):

  (a) naive: Presidio's AnalyzerEngine with its default recognizers and the full spaCy pipeline,
      `analyze()` + `AnonymizerEngine.anonymize()` one document at a time. Japanese: Presidio has
      no Japanese recognizer and maps no GiNZA label, so the naive baseline is what its documented
      API gives with the least work that finds anything: the full GiNZA pipeline
      (`NlpEngineProvider`, GiNZA's labels mapped as curation maps them), Presidio's
      SpacyRecognizer plus curation's Japanese recognizers registered as they are, one
      document at a time;
  (b) floor: spaCy `nlp.pipe` with only the components curation needs (NER alone: the model's
      NER embeds tokens itself), nothing else, with the policy's first model: the one that reads
      every document. A pooled second model reads only the stretches it can change (pii/pooling.py),
      so its cost counts as the stage's own, and the ratio stays comparable with md-only figures;
  (c) curation: `Anonymizer(policy.pii).anonymize()`, the stage ingest runs, residual re-scan
      included, in process and with worker processes (`--processes`, or what the policy uses).

Models are loaded and worker processes started before the clock starts. The modes take turns on
slices of 500 documents, so that a shared machine's load falls on all of them alike. Then, for peak memory,
(c) runs over `--rss-docs` freshly generated documents (100,000 by default; none for Japanese, where GiNZA's
rate makes that a run of hours) in chunks, as ingest
streams them, and the peak resident memory of the process and its workers together is reported.

The last line is `speedup_vs_naive=<a> ratio_to_spacy_floor=<b>` (documents per second, curation
over naive and over the floor) for what the policy does with a batch this size (the default policy:
one worker process per CPU for batches of 2,000 or more). The lines before it give both the
in-process and the `--processes` figures.

    python bench/pii_throughput.py                                   # the issue's sizes
    python bench/pii_throughput.py --short 400 --long 100 --naive-docs 200 --rss-docs 5000
    python bench/pii_throughput.py --language ja --naive-docs 200
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pii_corpus_en
import pii_corpus_ja

ROOT = Path(__file__).resolve().parents[1]


class PeakRss:
    """Samples the resident memory of this process plus its children every 0.1 s."""

    def __init__(self):
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for p in [me, *me.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(0.1)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def load() -> str:
    a, b, c = os.getloadavg()
    return f"{a:.2f} {b:.2f} {c:.2f}"


CORPORA = {"en": pii_corpus_en, "ja": pii_corpus_ja}
SIZES = {"en": (2000, 500, 100_000), "ja": (800, 200, 0)}  # short, long, rss-docs


def build_corpus(n_short: int, n_long: int, seed: int, language: str = "en"):
    return CORPORA[language].build_corpus(n_short, n_long, seed)


def naive_runner(model: str, language: str = "en"):
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    from curation.pii.assembly import offline_tldextract
    from curation.pii.labels import IGNORED, ja_labels

    offline_tldextract()
    config = {"nlp_engine_name": "spacy", "models": [{"lang_code": language, "model_name": model}]}
    if language == "ja":
        from presidio_analyzer.predefined_recognizers import SpacyRecognizer

        from curation.pii.recognizers import japanese_recognizers

        config["ner_model_configuration"] = {"model_to_presidio_entity_mapping": ja_labels(),
                                             "labels_to_ignore": IGNORED, "low_score_entity_names": []}
        registry = RecognizerRegistry(supported_languages=["ja"])
        registry.add_recognizer(SpacyRecognizer(supported_language="ja",
                                                supported_entities=sorted(set(ja_labels().values()))))
        for recognizer in japanese_recognizers():
            registry.add_recognizer(recognizer)
        nlp = NlpEngineProvider(nlp_configuration=config).create_engine()
        analyzer = AnalyzerEngine(nlp_engine=nlp, registry=registry, supported_languages=["ja"])
    else:
        nlp = NlpEngineProvider(nlp_configuration=config).create_engine()
        analyzer = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
    anonymizer = AnonymizerEngine()

    def run(texts):
        for text in texts:
            anonymizer.anonymize(text=text, analyzer_results=analyzer.analyze(text=text, language=language))
    return run


def rss_only(n_docs: int, processes: int, policy_path: str, seed: int, language: str = "en") -> None:
    """Stream `n_docs` new documents through the stage; print docs, docs/s, chars/s, peak MiB, load."""
    import logging

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    from curation.pii import Anonymizer
    from curation.policy import load_policy

    policy = load_policy(policy_path).pii
    stream = Anonymizer(policy.model_copy(update={"processes": processes, "parallel_min_docs": 1}))
    stream.anonymize([d.text for d in build_corpus(40, 10, seed + 999, language)], language)  # load / start workers
    done, chars, busy = 0, 0, 0.0
    with PeakRss() as rss:
        for i in itertools.count(1):
            if done >= n_docs:
                break
            n = min(2500, n_docs - done)
            chunk = [d.text for d in build_corpus(n * 4 // 5, n - n * 4 // 5, seed + i, language)]
            t0 = time.perf_counter()
            stream.anonymize(chunk, language)
            busy += time.perf_counter() - t0
            done += len(chunk)
            chars += sum(map(len, chunk))
            if i % 8 == 0:
                print(f"  {done} docs, {done / busy:.1f} docs/s, peak RSS so far {rss.peak / 2**20:.0f} MiB "
                      f"(load {load()})", flush=True)
    stream.close()
    print(f"{done}\t{done / busy:.1f}\t{chars / busy:.0f}\t{rss.peak / 2**20:.0f}\t{load()}")


def main() -> None:
    ap = argparse.ArgumentParser(description="PII stage throughput: naive Presidio vs spaCy floor vs curation.")
    ap.add_argument("--language", choices=sorted(CORPORA), default="en")
    ap.add_argument("--short", type=int, default=None, help="default 2,000 (en), 800 (ja)")
    ap.add_argument("--long", type=int, default=None, help="default 500 (en), 200 (ja)")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--naive-docs", type=int, default=0,
                    help="time naive Presidio on an evenly spread subset of this size (0: all documents)")
    ap.add_argument("--processes", type=int, default=2,
                    help="also time this many worker processes (0 or 1: only what the policy chooses)")
    ap.add_argument("--rss-docs", type=int, default=None,
                    help="documents for the peak-memory run (0: skip; default 100,000 en, 0 ja)")
    ap.add_argument("--slice", type=int, default=500, help="documents per turn of each mode")
    ap.add_argument("--policy", default=str(ROOT / "policies" / "default.yaml"))
    ap.add_argument("--rss-only", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    lang = args.language
    args.short = SIZES[lang][0] if args.short is None else args.short
    args.long = SIZES[lang][1] if args.long is None else args.long
    args.rss_docs = SIZES[lang][2] if args.rss_docs is None else args.rss_docs
    if args.rss_only:
        rss_only(args.rss_only, args.processes, args.policy, args.seed, lang)
        return

    import logging

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    from curation.pii import Anonymizer
    from curation.pii.nlp_models import load_ner_pipeline, resolve_model
    from curation.policy import load_policy

    policy = load_policy(args.policy).pii
    models = policy.models[lang]
    models = [models] if isinstance(models, str) else list(models)
    docs = build_corpus(args.short, args.long, args.seed, lang)
    texts = [d.text for d in docs]
    n_naive = args.naive_docs or len(texts)
    naive_texts = texts[::max(1, len(texts) // n_naive)][:n_naive] if n_naive < len(texts) else texts
    print(f"corpus ({lang}): {args.short} short + {args.long} long = {len(texts)} documents, "
          f"{sum(map(len, texts)) / len(texts):.0f} characters on average; model(s) {models}; "
          f"{os.cpu_count()} CPUs; load {load()}", flush=True)

    rows: list = []
    # The machine is shared: the modes take turns on slices of the corpus, so that a burst of
    # someone else's load falls on all of them alike; each mode's time is summed over its turns.
    policy_workers = Anonymizer(policy)._workers() if len(texts) >= policy.parallel_min_docs else 1
    n_par = max(args.processes, policy_workers)
    print("loading: (a) naive Presidio (full spaCy pipeline, default recognizers); "
          "(b) spaCy with the NER component only; (c) curation's stage in process"
          + (f" and with {n_par} worker processes" if n_par > 1 else ""), flush=True)
    naive = naive_runner(resolve_model(models[0]), lang)
    # own copy, not the stage's (see (b) above), with spaCy's own decoding loop: plain spaCy
    pipes = [load_ner_pipeline.__wrapped__(models[0], stock_decoding=True)]
    single = Anonymizer(policy.model_copy(update={"processes": 1}))
    warm = [d.text for d in build_corpus(40, 10, args.seed + 999, lang)]  # warm-up on other documents
    naive(warm[:5])

    def floor(ts):
        for p in pipes:
            for _ in p.pipe(ts, batch_size=policy.batch_size):
                pass
    floor(warm)
    single.anonymize(warm, lang)
    modes = {"naive": naive, "floor": floor, "curation1": lambda ts: single.anonymize(ts, lang)}
    labels = {"naive": "naive analyze+anonymize" + (f" (subset of {n_naive})" if n_naive < len(texts) else ""),
              "floor": "spaCy nlp.pipe floor (NER only)", "curation1": "curation, in process"}
    par = None
    if n_par > 1:
        par = Anonymizer(policy.model_copy(update={"processes": n_par, "parallel_min_docs": 1}))
        t0 = time.perf_counter()
        par.anonymize(warm, lang)  # starts the workers and loads their models
        print(f"  {n_par} workers started in {time.perf_counter() - t0:.1f} s", flush=True)
        modes["curationN"] = lambda ts: par.anonymize(ts, lang)
        labels["curationN"] = f"curation, {n_par} worker processes"
    print(f"  floor components: {[p.pipe_names for p in pipes]}", flush=True)
    spent = {m: 0.0 for m in modes}
    done: dict[str, list] = {m: [] for m in modes}
    naive_set = set(naive_texts) if n_naive < len(texts) else None
    with PeakRss() as rss:
        for i in range(0, len(texts), args.slice):
            part = texts[i:i + args.slice]
            for mode, fn in modes.items():
                todo = [t for t in part if naive_set is None or t in naive_set] if mode == "naive" else part
                if not todo:
                    continue
                t0 = time.perf_counter()
                fn(todo)
                spent[mode] += time.perf_counter() - t0
                done[mode].extend(todo)
            print(f"  {i + len(part)} / {len(texts)} documents (load {load()})", flush=True)
    rates = {}
    for mode in modes:
        rates[mode] = len(done[mode]) / spent[mode]
        rows.append((labels[mode], len(done[mode]), rates[mode], sum(map(len, done[mode])) / spent[mode],
                     rss.peak / 2**20, load()))
    if par is not None:
        par.close()
    naive_rate, floor_rate = rates["naive"], rates["floor"]
    curation = {1: rates["curation1"]} | ({n_par: rates["curationN"]} if par is not None else {})
    curation_rate = curation[policy_workers]
    chosen = policy_workers
    if args.rss_docs:
        # A fresh process, so that its peak memory is the stage's alone.
        import subprocess

        procs = max(args.processes, chosen, 1)
        print(f"(d) curation on {args.rss_docs} freshly generated documents, {procs} process(es), streamed "
              "in batches of 2,500, in a fresh process", flush=True)
        out = subprocess.run([sys.executable, __file__, "--rss-only", str(args.rss_docs), "--processes", str(procs),
                              "--policy", args.policy, "--seed", str(args.seed), "--language", lang],
                             check=True, capture_output=True, text=True).stdout
        print(out, end="", flush=True)
        n, rate, crate, peak, ld = out.strip().splitlines()[-1].split("\t")
        rows.append((f"curation, {procs} process(es), streamed", int(n), float(rate), float(crate), float(peak), ld))

    print(f"\n{'mode':<44}{'docs':>8}{'docs/s':>9}{'chars/s':>10}{'peak RSS MiB':>14}  load (1/5/15 min)")
    for label, n, rate, crate, peak, ld in rows:
        print(f"{label:<44}{n:>8}{rate:>9.1f}{crate:>10.0f}{peak:>14.0f}  {ld}")
    for n, rate in sorted(curation.items()):
        print(f"curation with {n} process(es): {rate / naive_rate:.2f}x naive, {rate / floor_rate:.2f}x the spaCy floor")
    print(f"\nspeedup_vs_naive={curation_rate / naive_rate:.2f} ratio_to_spacy_floor={curation_rate / floor_rate:.2f}"
          f"  (the policy's choice now: {chosen} process(es))")


if __name__ == "__main__":
    main()
