"""Where a curation installation keeps its state. Everything hangs off one root folder
(`CURATION_HOME`, default: the current directory), so tests and demos can use their own."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from curation.audit.log import AuditLog
from curation.catalog import Catalog
from curation.audit.signing import Signer, default_key_dir


@dataclass(frozen=True)
class Workspace:
    root: Path

    @classmethod
    def from_env(cls) -> Workspace:
        return cls(Path(os.environ.get("CURATION_HOME", ".")).resolve())

    @property
    def catalog_path(self) -> Path:
        return self.root / "data" / "catalog.duckdb"

    @property
    def inbox(self) -> Path:
        return self.root / "data" / "inbox"

    @property
    def datasets(self) -> Path:
        return self.root / "data" / "datasets"

    @property
    def models(self) -> Path:
        return self.root / "data" / "models"

    @property
    def reports(self) -> Path:
        return self.root / "data" / "reports"

    @property
    def audit_dir(self) -> Path:
        return self.root / "audit_logs"

    @property
    def default_policy(self) -> Path:
        return self.root / "policies" / "default.yaml"

    def catalog(self) -> Catalog:
        return Catalog(self.catalog_path)

    @property
    def key_dir(self) -> Path:
        """Signing keys: outside audit_logs/ (CURATION_KEY_DIR or ~/.config/curation/keys)."""
        return default_key_dir()

    def lineage(self):
        from curation.audit.lineage import Lineage

        return Lineage(self.audit_dir / "lineage.jsonl")

    def audit(self) -> AuditLog:
        return AuditLog(self.audit_dir, signer=Signer(self.key_dir))
