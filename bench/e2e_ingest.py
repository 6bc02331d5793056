"""A cold ingest end to end against the NER floor (issue 20): how far is the pipeline from the
speed of its models, and where does the time of the flow's own process go?

Builds an inbox (seeded Faker text): 5,000 English documents of 300-3,000 characters in five
sources, one format each (txt and md: a document per file; jsonl, csv, parquet: 50 records per
file), and 500 Japanese documents (jsonl). Then, in this process:

1. a cold ingest with the default policy, as `curation ingest` runs it (`pipeline.ingest_and_build`:
   models load during the run; the version build and its checks are timed apart), each stage timed
   by wrapping the functions the ingest calls (nothing in the library changes);
2. the NER-only floor: each language's first spaCy/GiNZA NER pipeline in the policy (loaded as the
   analyzer loads it; the one that reads every document: a pooled second model reads only the
   stretches it can change, so its cost is the stage's own) over the same texts with `nlp.pipe`,
   one process, loading not counted.

`serial_ms_per_doc` is the time per document the ingest spends outside the per-document work
(ingest/doc_work.py: language, license decision, filters, PII, features), i.e. reading, the
catalog lookups (known doc_ids, near-duplicates), claims, clusters, commits and audit: the part
that does not spread over PII workers or a cluster however many there are. With the workers,
that work overlaps the next batch's per-document work (run.py), so it costs wall time only where
it is longer; the work row is then the time this process waited for the workers.

The PII workers are accounted for from this process (WorkerLog: their message functions are
wrapped, their CPU read from /proc at each reply): idle worker time at the start, between tasks
and after each worker's last task; CPU per document by language against the floor's; start-up
and model loading; bytes and pickling time of the tasks and results.

    python bench/e2e_ingest.py --scale 0.1          # 500 + 50 documents: a quick run
    python bench/e2e_ingest.py                      # 5,000 + 500
    python bench/e2e_ingest.py --scale 0.1 --in-process   # PII on one core: the baseline

Last line: `docs_per_s=… floor_docs_per_s=… ratio_to_floor=… serial_ms_per_doc=… peak_rss_mib=…`.
"""

from __future__ import annotations

import argparse
import csv
import inspect
import json
import os
import random
import resource
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RECORDS_PER_FILE = 50
# The stage that spreads over workers (ingest/doc_work.py); everything else is serial_ms_per_doc.
WORK = "per-document work (language, license, PII, features)"
FORMATS = ("txt", "md", "jsonl", "csv", "parquet")


def english_text(fake, rnd: random.Random) -> str:
    """300-3,000 characters of business prose with names, e-mail addresses, phone numbers, places."""
    target, parts = rnd.randint(300, 3000), []
    while sum(len(p) + 1 for p in parts) < target:
        parts.append(rnd.choice((
            lambda: fake.paragraph(nb_sentences=3),
            lambda: f"Please contact {fake.name()} at {fake.email()} or {fake.phone_number()}.",
            lambda: f"The meeting with {fake.name()} of {fake.company()} moved to {fake.city()}.",
            lambda: f"Shipping address: {fake.street_address()}, {fake.city()}.",
        ))())
    return " ".join(parts)[:target]


def japanese_text(fake, rnd: random.Random) -> str:
    target, parts = rnd.randint(300, 3000) // 3, []  # a Japanese character carries about 3 English ones
    while sum(len(p) for p in parts) < target:
        parts.append(rnd.choice((
            lambda: fake.text(max_nb_chars=120).replace("\n", ""),
            lambda: f"担当の{fake.name()}さん（{fake.phone_number()}）に連絡してください。",
            lambda: f"送付先は{fake.address()}です。",
        ))())
    return "".join(parts)[:max(target, 100)]


def build_inbox(inbox: Path, scale: float, seed: int) -> dict[str, list[str]]:
    """The inbox's sources; returns the texts by language."""
    from faker import Faker

    rnd = random.Random(seed)
    en, ja = Faker("en_US"), Faker("ja_JP")
    en.seed_instance(seed)
    ja.seed_instance(seed + 1)
    n_en, n_ja = round(5000 * scale), round(500 * scale)
    texts = {"en": [english_text(en, rnd) for _ in range(n_en)], "ja": [japanese_text(ja, rnd) for _ in range(n_ja)]}
    per_format = {fmt: texts["en"][i::len(FORMATS)] for i, fmt in enumerate(FORMATS)}
    for fmt, docs in [*per_format.items(), ("ja", texts["ja"])]:
        folder = inbox / f"src_{fmt}"
        folder.mkdir(parents=True)
        language = "ja" if fmt == "ja" else "en"
        (folder / "SOURCE.yaml").write_text(f"license: CC-BY-4.0\nlanguage: {language}\nowner: bench\n")
        if fmt in ("txt", "md"):
            for i, text in enumerate(docs):
                (folder / f"doc-{i:05d}.{fmt}").write_text(f"# Note {i}\n\n{text}\n" if fmt == "md" else text)
            continue
        for k in range(0, len(docs), RECORDS_PER_FILE):
            part, name = docs[k:k + RECORDS_PER_FILE], folder / f"part-{k // RECORDS_PER_FILE:04d}"
            if fmt in ("jsonl", "ja"):
                name.with_suffix(".jsonl").write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n"
                                                              for t in part))
            elif fmt == "csv":
                with name.with_suffix(".csv").open("w", newline="") as fh:
                    writer = csv.writer(fh)
                    writer.writerow(["id", "text"])
                    writer.writerows(enumerate(part))
            else:
                import pyarrow as pa
                import pyarrow.parquet as pq

                pq.write_table(pa.table({"id": list(range(len(part))), "text": part}), name.with_suffix(".parquet"))
    return texts


class Stages:
    """Wall time spent inside wrapped functions, by stage; an inner stage's time is taken out of
    the stage it runs in, so the stages add up to the time they cover."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._stack: list[str] = []

    @contextmanager
    def stage(self, name: str):
        outer = self._stack[-1] if self._stack else None
        self._stack.append(name)
        start = time.perf_counter()
        try:
            yield
        finally:
            spent = time.perf_counter() - start
            self._stack.pop()
            self.seconds[name] += spent
            self.calls[name] += 1
            if outer:
                self.seconds[outer] -= spent

    def wrap(self, owner, attr: str, name: str) -> None:
        static = isinstance(inspect.getattr_static(owner, attr), staticmethod)
        original = getattr(owner, attr)

        def timed(*args, **kwargs):
            with self.stage(name):
                result = original(*args, **kwargs)
                # a generator (discover, read_unit) works when iterated: iterate it here
                return list(result) if isinstance(result, Iterator) else result

        setattr(owner, attr, staticmethod(timed) if static else timed)


class WorkerLog:
    """What the flow process sees of its PII worker processes, by wrapping the message functions
    of curation.pii.worker_pool (nothing in the library changes): each task's send and reply
    times, the worker's CPU time (/proc) at each reply, the bytes and pickling time of every
    message, and the languages of a task's documents."""

    def __init__(self):
        self.started: dict[int, float] = {}  # pid -> when its process was started
        self.tasks: list[dict] = []  # per task, in reply order
        self.pickle_s = 0.0  # pickling and unpickling in this process
        self.bytes_out = self.bytes_in = 0
        self._pid: dict[int, int] = {}  # id(pipe) -> pid
        self._sent: dict[int, dict] = {}  # pid -> the task in flight

    def install(self) -> None:
        import pickle
        import struct

        from curation.pii import worker_pool
        from curation.pii.worker_messages import _read_exactly as read_exactly

        log, init = self, worker_pool.WorkerPool.__init__

        def pool_init(pool, *args, **kwargs):
            start = time.perf_counter()
            init(pool, *args, **kwargs)
            for proc in pool.procs:
                log.started[proc.pid] = start
                log._pid[id(proc.stdin)] = log._pid[id(proc.stdout)] = proc.pid

        def send(stream, obj) -> None:
            t0 = time.perf_counter()
            data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
            log.pickle_s += time.perf_counter() - t0
            pid = log._pid.get(id(stream))
            if pid is not None and isinstance(obj, tuple) and callable(obj[0]):
                log.bytes_out += len(data)
                log._sent[pid] = {"pid": pid, "sent": time.perf_counter(), "bytes": len(data),
                                  "languages": _languages(obj[1])}
            stream.write(struct.pack("<Q", len(data)))
            stream.write(data)
            stream.flush()

        def recv(stream):
            (size,) = struct.unpack("<Q", read_exactly(stream, 8))
            data = read_exactly(stream, size)
            replied = time.perf_counter()
            obj = pickle.loads(data)
            log.pickle_s += time.perf_counter() - replied
            pid = log._pid.get(id(stream))
            if pid in log._sent:
                task = log._sent.pop(pid)
                log.bytes_in += len(data)
                log.tasks.append(task | {"replied": replied, "cpu": _cpu_seconds(pid)})
            return obj

        worker_pool.WorkerPool.__init__ = pool_init
        worker_pool.send, worker_pool.recv = send, recv

    def report(self, run_start: float, floor_ms: dict[str, float], load_s: dict[str, float]) -> None:
        """Print the workers' start, busy and idle time, their CPU per document by language (least
        squares over their tasks; a worker's first task holds its start-up, a later first task of
        a language that language's engine load, `load_s`, measured in this process) and the IPC."""
        import numpy as np

        if not self.tasks:
            print("PII workers: none ran (the work stayed in the flow process)")
            return
        by_pid: dict[int, list[dict]] = defaultdict(list)
        for task in self.tasks:
            by_pid[task["pid"]].append(task)
        languages = sorted({lang for t in self.tasks for lang in t["languages"]})
        end = max(t["replied"] for t in self.tasks)
        rows, cpus, firsts = [], [], []  # per later task: documents per language, CPU s; first tasks apart
        idle_start = idle_gaps = idle_tail = busy = 0.0
        for tasks in by_pid.values():
            idle_start += tasks[0]["sent"] - run_start
            idle_tail += end - tasks[-1]["replied"]
            cpu_before, loaded = 0.0, set()
            for k, task in enumerate(tasks):
                busy += task["replied"] - task["sent"]
                if k:
                    idle_gaps += task["sent"] - tasks[k - 1]["replied"]
                cpu, cpu_before = task["cpu"] - cpu_before, task["cpu"]
                docs = [task["languages"].get(lang, 0) for lang in languages]
                new = set(task["languages"]) - loaded
                loaded |= new
                if k == 0:
                    firsts.append((docs, cpu))
                    continue
                rows.append(docs)
                cpus.append(cpu - sum(load_s.get(lang, 0.0) for lang in new))
        n, span = len(by_pid), end - run_start
        first_reply = min(t["replied"] for t in self.tasks)
        first_sent = min(t["sent"] for t in self.tasks) - min(self.started.values())
        print(f"PII workers: {n}, {len(self.tasks)} tasks; run start to last reply {span:.1f} s = "
              f"{n * span:.1f} worker-s: busy {busy:.1f}, idle before the first task {idle_start:.1f}, "
              f"between tasks {idle_gaps:.1f}, after its last task {idle_tail:.1f}; workers started "
              f"{min(self.started.values()) - run_start:.1f} s after the run start, their first task "
              f"{first_sent:.1f} s after that (the flow's own work their start-up overlaps), first reply "
              f"{first_reply - run_start:.1f} s after the run start")
        per_doc = np.linalg.lstsq(np.array(rows, dtype=float), np.array(cpus), rcond=None)[0] \
            if rows else np.full(len(languages), np.nan)
        print(f"{'worker CPU per document':<26} {'docs':>6} {'ms/doc':>8} {'floor':>8} {'excess':>8}")
        for lang, sec in zip(languages, per_doc, strict=True):
            docs = sum(t["languages"].get(lang, 0) for t in self.tasks)
            floor = floor_ms.get(lang, float("nan"))
            print(f"{lang:<26} {docs:6d} {sec * 1000:8.1f} {floor:8.1f} {sec * 1000 - floor:8.1f}")
        startup = [cpu - float(np.dot(docs, per_doc)) for docs, cpu in firsts]
        print(f"worker start-up (imports, key, first engine) beyond its first task's documents: "
              f"{sum(startup) / len(startup):.1f} CPU s per worker; an engine's load, measured in this process: "
              + ", ".join(f"{lang} {sec:.1f} CPU s" for lang, sec in sorted(load_s.items())))
        print(f"IPC: {self.bytes_out / 2**20:.1f} MiB of tasks out, {self.bytes_in / 2**20:.1f} MiB of results in, "
              f"{self.pickle_s:.2f} s pickling in this process")


def _languages(unit) -> dict[str, int]:
    """Documents of a WorkUnit per declared source language."""
    out: dict[str, int] = defaultdict(int)
    for doc in getattr(unit, "documents", ()):
        out[getattr(unit.sources.get(doc.path), "language", None) or "?"] += 1
    return dict(out)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def instrument(stages: Stages) -> None:
    """Time the ingest's steps by wrapping what `curation.ingest.run` calls."""
    from curation import licenses
    from curation.audit import outbox
    from curation.catalog import Catalog
    from curation.checks import quality
    from curation.datasets import versions
    from curation.ingest import fan_out, pipeline, run, steps

    for owner, attr, name in (
            (pipeline, "discover", "discover (hash every file)"),
            (run, "read_unit", "read (formats, normalize, doc_id)"),
            (licenses, "rules_for", "license rules (stewards' overrides)"),
            (Catalog, "license_overrides", "license rules (stewards' overrides)"),
            (steps.DropKnown, "run", "duplicates: known and claimed (rest)"),
            (steps.DropRepeated, "run", "duplicates: known and claimed (rest)"),
            (Catalog, "known_doc_ids", "known doc_id lookup"),
            (fan_out.FanOut, "start", WORK),
            (run.BatchStep, "collect", WORK),  # waiting for it
            (quality.FeatureExtractor, "cluster", "near-duplicate clusters (in-batch LSH)"),
            (Catalog, "near_dup_candidates", "near-duplicate lookup"),
            (Catalog, "commit_batch", "catalog commit (documents, items, PII counts)"),
            (Catalog, "_to_outbox", "catalog commit: audit outbox rows"),
            (Catalog, "insert_features", "catalog commit: features and band rows"),
            (outbox, "deliver", "audit log (outbox delivery)"),
            (versions, "build_version", "version build and checks")):
        stages.wrap(owner, attr, name)


def ner_floor(texts: dict[str, list[str]], policy) -> dict[str, tuple[float, float]]:
    """Per language, (seconds, CPU seconds) of its first NER pipeline alone over `texts`, models loaded first."""
    from curation.pii.nlp_models import load_ner_pipeline

    out = {}
    for language, docs in texts.items():
        models = policy.pii.models[language]
        # spaCy's own decoding loop: the floor is plain spaCy, not the stage's faster decoder.
        nlp = load_ner_pipeline(models if isinstance(models, str) else models[0], stock_decoding=True)
        start, cpu = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(docs, batch_size=policy.pii.batch_size):
            pass
        out[language] = (time.perf_counter() - start, time.process_time() - cpu)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="share of 5,000 + 500 documents")
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--keep", type=Path, help="keep the workspace in this folder")
    ap.add_argument("--in-process", action="store_true",
                    help="PII in the flow's process only (pii.processes: 1), the baseline for the worker processes")
    args = ap.parse_args()

    base = args.keep or Path(tempfile.mkdtemp(prefix="curation-bench-e2e-"))
    root = base / "ws"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(ROOT / "policies", root / "policies")
    (root / "audit_logs").mkdir(parents=True)
    (root / "data").mkdir()
    os.environ.update({"CURATION_HOME": str(root), "CURATION_KEY_DIR": str(base / "keys"), "HF_HUB_OFFLINE": "1"})
    inbox = root / "data" / "inbox"
    texts = build_inbox(inbox, args.scale, args.seed)
    n_docs = sum(len(v) for v in texts.values())
    print(f"inbox: {len(texts['en'])} English documents in {len(FORMATS)} sources ({', '.join(FORMATS)}), "
          f"{len(texts['ja'])} Japanese (jsonl); {sum(1 for p in inbox.rglob('*') if p.is_file())} files; "
          f"load average {os.getloadavg()[0]:.2f}")

    from curation.ingest import pipeline
    from curation.policy import load_policy
    from curation.workspace import Workspace

    policy = load_policy(root / "policies" / "default.yaml")
    if args.in_process:
        policy = policy.model_copy(update={"pii": policy.pii.model_copy(update={"processes": 1})})
    stages = Stages()
    instrument(stages)
    workers = WorkerLog()
    workers.install()
    start = time.perf_counter()
    with stages.stage("other (start, finish, accounting, lineage, connections)"):
        result = pipeline.ingest_and_build(Workspace(root), inbox, "bench", policy)
    total = time.perf_counter() - start
    build = stages.seconds["version build and checks"]
    ingest_s = total - build
    pii = stages.seconds[WORK]
    print(f"cold ingest: {ingest_s:.1f} s for {n_docs} documents, then the version build {build:.1f} s; "
          f"outcomes {dict(result.summary.outcomes)}; load average {os.getloadavg()[0]:.2f}")
    print(f"{'stage (wall time in the flow process)':<48} {'s':>8} {'ms/doc':>8} {'share':>6}")
    for name, seconds in sorted(stages.seconds.items(), key=lambda kv: -kv[1]):
        if name != "version build and checks":
            print(f"{name:<48} {seconds:8.2f} {seconds * 1000 / n_docs:8.2f} {seconds / ingest_s:6.1%}")
    serial_ms = (ingest_s - pii) * 1000 / n_docs
    print(f"{'outside the per-document work (serial)':<48} {ingest_s - pii:8.2f} {serial_ms:8.2f} "
          f"{(ingest_s - pii) / ingest_s:6.1%}")

    import sys

    from curation.pii.nlp_models import load_ner_pipeline

    # What the flow process itself loaded for the run: models and license index are the workers' job.
    print(f"flow process before the floor: {load_ner_pipeline.cache_info().currsize} NER pipelines loaded, "
          f"ScanCode {'imported' if 'licensedcode' in sys.modules else 'not imported'}")
    from curation.pii.assembly import engine_for

    load_s = {}
    for language in texts:  # what a worker loads for a language: its pipelines and recognizers
        cpu = time.process_time()
        engine_for(language, policy.pii)
        load_s[language] = time.process_time() - cpu
    floor = ner_floor(texts, policy)
    floor_s, floor_n = sum(s for s, _ in floor.values()), n_docs
    print(f"NER floor: {floor_n} documents in {floor_s:.1f} s (spaCy/GiNZA nlp.pipe, one process, loading "
          f"not counted; " + ", ".join(f"{lang} {cpu * 1000 / len(texts[lang]):.1f} CPU ms/doc"
                                        for lang, (_, cpu) in floor.items() if texts[lang])
          + f"); load average {os.getloadavg()[0]:.2f}")
    workers.report(start, {lang: cpu * 1000 / len(texts[lang]) for lang, (_, cpu) in floor.items() if texts[lang]},
                   load_s)
    self_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: this process {self_mib:,.0f} MiB, largest PII worker process {children_mib:,.0f} MiB")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    docs_per_s, floor_per_s = n_docs / ingest_s, floor_n / floor_s
    print(f"docs_per_s={docs_per_s:.1f} floor_docs_per_s={floor_per_s:.1f} ratio_to_floor={docs_per_s / floor_per_s:.3f} "
          f"serial_ms_per_doc={serial_ms:.2f} peak_rss_mib={self_mib + children_mib:.0f}")


if __name__ == "__main__":
    main()
