"""Worker processes for the PII stage.

Each worker is a fresh interpreter (`python -m curation.pii.workers`) that receives the policy, builds
its own Anonymizer and then anonymizes the batches it is sent; messages are length-prefixed
pickles over its stdin/stdout. A fresh interpreter rather than multiprocessing's spawn, because
spawn first re-imports the parent's main module (the CLI, a Prefect runner), and because here the
worker can refuse torch/transformers before anything imports them: thinc and Presidio import them
when present, though spaCy's CNN models run on numpy. That halves a worker's memory (measured
≈ 380 MiB with en_core_web_md against ≈ 700-870 MiB), which is what keeps two workers and their
parent under 2 GiB.
"""

from __future__ import annotations

import importlib.abc
import pickle
import queue
import struct
import subprocess
import sys
import threading

HEAVY = ("torch", "transformers", "tensorflow", "jax", "flax")


class _RefuseHeavyImports(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in HEAVY:
            raise ImportError(f"{name} is not loaded in PII workers (spaCy's models run on numpy)")


def _send(stream, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack("<Q", len(data)))
    stream.write(data)
    stream.flush()


def _read_exactly(stream, n: int) -> bytes:
    chunks, left = [], n
    while left:
        chunk = stream.read(left)
        if not chunk:
            raise EOFError("stream closed")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _recv(stream):
    (n,) = struct.unpack("<Q", _read_exactly(stream, 8))
    return pickle.loads(_read_exactly(stream, n))


class WorkerPool:
    """`n` worker processes for one policy; `map` keeps the order of the batches it is given."""

    def __init__(self, n: int, policy_json: str):
        self.procs = [subprocess.Popen([sys.executable, "-m", "curation.pii.workers"],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE) for _ in range(n)]
        for proc in self.procs:
            _send(proc.stdin, policy_json)

    def map(self, language: str, batches: list[list[str]]) -> list:
        results: list = [None] * len(batches)
        todo: queue.Queue = queue.Queue()
        for item in enumerate(batches):
            todo.put(item)
        errors: list[str] = []

        def drive(proc) -> None:
            while not errors:
                try:
                    i, batch = todo.get_nowait()
                except queue.Empty:
                    return
                try:
                    _send(proc.stdin, (language, batch))
                    status, payload = _recv(proc.stdout)
                except (EOFError, BrokenPipeError, OSError) as exc:
                    errors.append(f"PII worker {proc.pid} exited ({exc}); its messages are on stderr")
                    return
                if status != "ok":
                    errors.append(f"PII worker {proc.pid}: {payload}")
                    return
                results[i] = payload

        threads = [threading.Thread(target=drive, args=(p,), daemon=True) for p in self.procs]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            self.close()
            raise RuntimeError(errors[0])
        return results

    def close(self) -> None:
        for proc in self.procs:
            try:
                _send(proc.stdin, None)
                proc.stdin.close()
            except (BrokenPipeError, OSError, ValueError):
                pass
        for proc in self.procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.procs = []


def main() -> None:
    sys.meta_path.insert(0, _RefuseHeavyImports())
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a library's print must not corrupt the message stream
    policy_json = _recv(inp)
    from curation.pii.anonymize import Anonymizer
    from curation.policy import PiiPolicy

    anonymizer = Anonymizer(PiiPolicy.model_validate_json(policy_json))
    while True:
        try:
            message = _recv(inp)
        except EOFError:
            return
        if message is None:
            return
        language, texts = message
        try:
            _send(out, ("ok", anonymizer._anonymize_here(texts, language)))
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which stops the run
            _send(out, ("error", f"{type(exc).__name__}: {exc}"))


if __name__ == "__main__":
    main()
