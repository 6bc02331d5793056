"""An output folder holds one run: its plan, checkpoints while it trains, and a lock so that one process trains into it at a time."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

from curation.permissions import private_dir
from curation.training.errors import TrainingError

PLAN_FILE = "run_plan.json"
CHECKPOINTS = "checkpoints"
_CHECKPOINT_DIR = re.compile(r"^checkpoint-(\d+)$")
# Settings that do not change the weights a run ends with: a resumed run may differ in them.
NOT_IN_PLAN = ("save_steps", "keep_checkpoints")


def last_checkpoint(output_dir: Path) -> Path | None:
    """The newest complete checkpoint under output_dir/checkpoints, or None.

    The Trainer writes trainer_state.json last, so a folder without a readable one (the process
    died while saving) is skipped and the previous checkpoint is used.
    """
    folder = Path(output_dir) / CHECKPOINTS
    if not folder.is_dir():
        return None
    found = sorted(((int(m.group(1)), p) for p in folder.iterdir()
                    if p.is_dir() and (m := _CHECKPOINT_DIR.match(p.name))), reverse=True)
    for step, path in found:
        with contextlib.suppress(OSError, ValueError):
            if json.loads((path / "trainer_state.json").read_text())["global_step"] == step:
                return path
    return None


def checkpoint_step(path: Path | None) -> int | None:
    return int(_CHECKPOINT_DIR.match(path.name).group(1)) if path else None


@contextlib.contextmanager
def output_lock(output_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on output_dir while a run writes there; the OS drops it if the process
    dies (even by SIGKILL), so a stale lock never blocks a resume."""
    import fcntl

    # An existing folder too: it will hold weights trained on personal data, whatever its mode was.
    private_dir(output_dir)
    with (output_dir / ".lock").open("a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise TrainingError(f"{output_dir}: another process is training into this folder") from None
        fh.truncate(0)
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def is_locked(output_dir: Path) -> bool:
    """True while some process holds output_lock on output_dir."""
    try:
        with output_lock(Path(output_dir)):
            return False
    except TrainingError:
        return True


# ---- models --------------------------------------------------------------------------------------


def check_plan(output_dir: Path, plan: dict, *, resuming: bool) -> None:
    """Write output_dir/run_plan.json, or, when resuming, refuse checkpoints made from another plan."""
    path = output_dir / PLAN_FILE
    plan = json.loads(json.dumps(plan, sort_keys=True))  # the form it takes on disk
    if resuming and path.exists():
        before = json.loads(path.read_text(encoding="utf-8"))
        changed = sorted(k for k in plan if plan[k] != before.get(k))
        if changed:
            names = {"base_model_sha256": "base model", "data_sha256": "data", "hyperparameters": "hyperparameters"}
            raise TrainingError(f"{output_dir}: cannot resume, its checkpoints were made with different "
                                f"{' and '.join(names.get(k, k) for k in changed)}")
    path.write_text(json.dumps(plan, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def drop_checkpoints_after(output_dir: Path, step: int) -> None:
    """Remove checkpoint folders newer than the one resumed from (half-written by a killed run)."""
    for path in (output_dir / CHECKPOINTS).iterdir():
        if (m := _CHECKPOINT_DIR.match(path.name)) and int(m.group(1)) > step:
            shutil.rmtree(path)
