"""Crash points for the crash-safety tests (failpoints, as in etcd or TiKV).

With `CURATION_CRASH_AT=N` in the environment, the process kills itself with SIGKILL at the
N-th crash point it passes, so a test can stop a run at every stage boundary and check that a
rerun ends in exactly the state an uninterrupted run reaches. Unset, a crash point costs one
environment lookup.
"""

from __future__ import annotations

import os
import signal

_passed = 0


def crash_point(name: str) -> None:
    """`name` documents the boundary; only the running count decides where the kill happens."""
    global _passed
    target = os.environ.get("CURATION_CRASH_AT")
    if target is None:
        return
    _passed += 1
    if _passed == int(target):
        os.kill(os.getpid(), signal.SIGKILL)
