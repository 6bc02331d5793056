"""Worker processes for large PII batches, seen from the parent: start, hand out batches in order, stop.

Each worker is a fresh interpreter (`python -m curation.pii.worker`, see worker.py) that receives
the policy, builds its own Anonymizer and then anonymizes the batches it is sent.
"""

from __future__ import annotations

import queue
import subprocess
import sys
import threading

from curation.pii.worker_messages import recv, send


class WorkerPool:
    """`n` worker processes for one policy; `map` keeps the order of the batches it is given."""

    def __init__(self, n: int, policy_json: str):
        self.procs = [subprocess.Popen([sys.executable, "-m", "curation.pii.worker"],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE) for _ in range(n)]
        for proc in self.procs:
            send(proc.stdin, policy_json)

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
                    send(proc.stdin, (language, batch))
                    status, payload = recv(proc.stdout)
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
