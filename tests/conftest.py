"""Shared fixtures: a throwaway workspace (CURATION_HOME) with the project's policies."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("DO_NOT_TRACK", "1")

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"


def make_workspace(path: Path) -> Path:
    shutil.copytree(ROOT / "policies", path / "policies")
    (path / "data").mkdir()
    (path / "audit_logs").mkdir()
    return path


@contextmanager
def workspace_env(root: Path):
    """CURATION_HOME and CURATION_KEY_DIR pointed at `root` for the duration (module fixtures)."""
    from curation.workspace import Workspace

    env = {"CURATION_HOME": str(root), "CURATION_KEY_DIR": str(root.parent / "keys")}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        yield Workspace(root)
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    from curation.workspace import Workspace

    root = make_workspace(tmp_path / "ws")
    monkeypatch.setenv("CURATION_HOME", str(root))
    monkeypatch.setenv("CURATION_KEY_DIR", str(tmp_path / "keys"))
    return Workspace(root)


@pytest.fixture(scope="session")
def policy():
    from curation.policy import load_policy

    return load_policy(ROOT / "policies" / "default.yaml")


@pytest.fixture(scope="session")
def anonymizer(policy):
    from curation.pii import Anonymizer

    return Anonymizer(policy.pii)
