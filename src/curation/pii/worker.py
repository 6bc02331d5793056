"""A PII worker process (`python -m curation.pii.worker`): builds an Anonymizer, answers batches and tasks that use it.

A fresh interpreter rather than multiprocessing's spawn, because spawn first re-imports the
parent's main module (the CLI, a Prefect runner), and because here the worker can refuse
torch/transformers before anything imports them: thinc and Presidio import them when present,
though spaCy's CNN models run on numpy. That halves a worker's memory (measured ≈ 380 MiB with
en_core_web_md against ≈ 700-870 MiB), which is what keeps two workers and their parent under 2 GiB.
"""

from __future__ import annotations

import importlib.abc
import sys

from curation.pii.worker_messages import recv, send

HEAVY = ("torch", "transformers", "tensorflow", "jax", "flax")


class _RefuseHeavyImports(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in HEAVY:
            raise ImportError(f"{name} is not loaded in PII workers (spaCy's models run on numpy)")


def main() -> None:
    sys.meta_path.insert(0, _RefuseHeavyImports())
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a library's print must not corrupt the message stream
    policy_json = recv(inp)
    from curation.pii.anonymize import Anonymizer
    from curation.pii.memory_zones import ZONES
    from curation.policy import PiiPolicy

    anonymizer = Anonymizer(PiiPolicy.model_validate_json(policy_json))
    # Only PiiEngine.analyze uses this process's pipelines, and no Doc outlives a call: one zone
    # can stay open across tasks, so the tokenizer cache and lexemes live on (memory_zones.py).
    ZONES.keep_open()
    try:
        _serve(inp, out, anonymizer)
    finally:
        ZONES.close()


def _serve(inp, out, anonymizer) -> None:
    """Answer the parent's messages until it sends None or closes the pipe."""
    while True:
        try:
            message = recv(inp)
        except EOFError:
            return
        if message is None:
            return
        head, payload = message
        try:
            if callable(head):  # a module-level task given this worker's Anonymizer (the ingest's per-document work)
                send(out, ("ok", head(payload, anonymizer)))
                continue
            texts, known = payload  # known: values known to be personal data, per text, or None
            send(out, ("ok", anonymizer.anonymize_in_process(texts, head, known)))
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which stops the run
            send(out, ("error", _reported(exc)))


def _reported(exc: Exception) -> str:
    """What the parent is told of a failure: the message of the project's own errors, which name
    files and reasons only; of any other exception its type alone, since a library's message
    may quote the document text it failed on."""
    own = type(exc).__module__.startswith("curation.")
    return f"{type(exc).__name__}: {exc}" if own else f"{type(exc).__name__} (message withheld: it may quote a document)"


if __name__ == "__main__":
    main()
