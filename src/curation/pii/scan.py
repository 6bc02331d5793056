"""`curation pii scan`: JSONL in, detected entities and anonymized text out (a stable contract)."""

from __future__ import annotations

import json
from pathlib import Path

from curation.pii.anonymize import Anonymizer
from curation.pii.language import detect_language
from curation.policy import PiiPolicy

CHUNK = 512


def scan_jsonl(src: Path, dst: Path, policy: PiiPolicy, language: str = "auto") -> int:
    """Read {"id","text"} lines, write {"id","language","entities","text_anonymized"} lines in order."""
    anonymizer = Anonymizer(policy)
    # Chunks large enough for the worker processes to pay off, when the policy has them.
    chunk = max(CHUNK, policy.parallel_min_docs) if policy.processes != 1 else CHUNK
    n = 0
    with open(src, encoding="utf-8") as fin, open(dst, "w", encoding="utf-8") as fout:
        while True:
            rows = [json.loads(line) for _, line in zip(range(chunk), fin, strict=False) if line.strip()]
            if not rows:
                break
            langs = [language if language != "auto" else detect_language(r["text"]) for r in rows]
            results: dict[int, object] = {}
            for lang in sorted(set(langs)):
                idx = [i for i, x in enumerate(langs) if x == lang]
                for i, res in zip(idx, anonymizer.anonymize([rows[i]["text"] for i in idx], lang), strict=True):
                    results[i] = res
            for i, row in enumerate(rows):
                res = results[i]
                fout.write(json.dumps({
                    "id": row.get("id"), "language": langs[i],
                    "entities": [{"type": e.type, "start": e.start, "end": e.end, "score": e.score}
                                 for e in res.entities],
                    "text_anonymized": res.text}, ensure_ascii=False) + "\n")
                n += 1
    anonymizer.close()
    return n
