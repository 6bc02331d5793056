"""Worker processes for large PII batches, seen from the parent: start, hand out batches in order, stop.

Each worker is a fresh interpreter (`python -m curation.pii.worker`, see worker.py) that receives
the policy, builds its own Anonymizer and then anonymizes the batches it is sent.
"""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
from collections.abc import Callable

from curation.pii.worker_messages import recv, send


class WorkerError(RuntimeError):
    """A worker process failed or died: one line naming the worker and the reason it reported."""


class WorkerPool:
    """`n` worker processes for one policy; `map` keeps the order of the batches it is given."""

    def __init__(self, n: int, policy_json: str):
        self.procs = [subprocess.Popen([sys.executable, "-m", "curation.pii.worker"],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE) for _ in range(n)]
        for proc in self.procs:
            send(proc.stdin, policy_json)
        self.in_flight: PendingBatches | None = None

    def map(self, language: str, batches: list[list[str]]) -> list:
        return self.submit(language, batches).result()

    def submit(self, language: str, batches: list) -> PendingBatches:
        """Hand `batches` to the workers and return at once; `result()` waits for them. The
        caller's thread is free meanwhile (the ingest commits the previous batch then). One
        submission at a time: a worker answers its messages in order."""
        return self._submit([(language, batch) for batch in batches])

    def submit_calls(self, task: Callable, payloads: list) -> PendingBatches:
        """As `submit`, for calls `task(payload, the worker's Anonymizer)` (see worker.py)."""
        return self._submit([(task, payload) for payload in payloads])

    def _submit(self, messages: list) -> PendingBatches:
        if not self.procs:
            raise RuntimeError("PII worker pool is closed")
        self.in_flight = PendingBatches(self, messages)
        return self.in_flight

    def close(self) -> None:
        """Stop the workers: after their current batch, or at once when a submission is still in
        flight (its caller failed: its pipes must not carry a stop message between two halves of
        a batch, and its result is not wanted)."""
        pending, self.in_flight = self.in_flight, None
        if pending is not None and any(t.is_alive() for t in pending.threads):
            pending.errors.append("PII workers stopped while a batch was in flight")
            for proc in self.procs:
                proc.kill()
            for t in pending.threads:
                t.join()
        for proc in self.procs:
            try:
                send(proc.stdin, None)
                proc.stdin.close()
            except (BrokenPipeError, OSError, ValueError):
                pass
        for proc in self.procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.procs = []


class PendingBatches:
    """Batches being anonymized by a WorkerPool's processes, one driver thread per worker (the
    threads only move messages through pipes); `result()` returns them in their order."""

    def __init__(self, pool: WorkerPool, messages: list):
        self.pool = pool
        self.results: list = [None] * len(messages)
        self.errors: list[str] = []
        todo: queue.Queue = queue.Queue()
        for item in enumerate(messages):
            todo.put(item)
        self.threads = [threading.Thread(target=self._drive, args=(p, todo), daemon=True) for p in pool.procs]
        for t in self.threads:
            t.start()

    def _drive(self, proc, todo: queue.Queue) -> None:
        while not self.errors:
            try:
                i, message = todo.get_nowait()
            except queue.Empty:
                return
            try:
                send(proc.stdin, message)
                status, payload = recv(proc.stdout)
            except (EOFError, BrokenPipeError, OSError, ValueError) as exc:  # ValueError: pipe closed
                self.errors.append(f"PII worker {proc.pid} exited ({exc}); its messages are on stderr")
                return
            except Exception as exc:  # noqa: BLE001 - e.g. a result that does not unpickle: stop the run, never a hole
                self.errors.append(f"PII worker {proc.pid}: its reply could not be read ({type(exc).__name__})")
                return
            if status != "ok":
                self.errors.append(f"PII worker {proc.pid}: {payload}")
                return
            self.results[i] = payload

    def result(self) -> list:
        for t in self.threads:
            t.join()
        if self.pool.in_flight is self:
            self.pool.in_flight = None
        if self.errors:
            self.pool.close()
            raise WorkerError(self.errors[0])
        return self.results
