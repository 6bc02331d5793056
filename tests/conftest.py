"""Shared fixtures: a throwaway workspace (CURATION_HOME) with the project's policies."""

from __future__ import annotations

import os
import shutil
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
