"""Folders that will hold models or evaluations are owner-only even when they existed before with a
looser mode (a `finetune --output DIR` the user made, an umask of 022)."""

from __future__ import annotations

import os
import stat

from curation.training.checkpoints import output_lock


def test_an_existing_output_folder_is_tightened_to_owner_only(tmp_path):
    out = tmp_path / "model"
    out.mkdir(mode=0o755)
    os.chmod(out, 0o755)  # whatever the test process's umask
    with output_lock(out):
        pass
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o700


def test_a_new_output_folder_is_owner_only_under_a_loose_umask(tmp_path):
    old = os.umask(0o022)
    try:
        with output_lock(tmp_path / "a" / "model"):
            pass
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "a" / "model").st_mode) == 0o700


def test_an_evaluation_tightens_the_run_folder_and_its_evaluations_folder(tmp_path):
    from types import SimpleNamespace

    from curation.training.evaluation import _write

    run = tmp_path / "model"
    (run / "evaluations").mkdir(parents=True)
    for folder in (run, run / "evaluations"):
        os.chmod(folder, 0o755)
    out = run / "evaluations" / "e1"
    _write(out, SimpleNamespace(to_json=lambda: "{}"), [], [], [], [], [], {}, {})
    assert {stat.S_IMODE(os.stat(f).st_mode) for f in (run, run / "evaluations", out)} == {0o700}
