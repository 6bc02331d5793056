"""Where a curation installation keeps its state: one root folder.

Everything hangs off `CURATION_HOME` (default: the current directory), so tests and demos can use
their own.

Opening a workspace makes the process's umask 077 (curation.permissions): the catalog, the audit
log, reports, shards and models it creates are owner-only whatever umask the process started with."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from curation.audit.log import AuditLog
from curation.audit.signing import Signer, default_key_dir
from curation.catalog import Catalog
from curation.permissions import make_private, private_dir, private_umask


@dataclass(frozen=True)
class Workspace:
    root: Path

    def __post_init__(self) -> None:
        private_umask()

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

    @property
    def pinned_key_path(self) -> Path:
        """The audit public key `audit verify` and `doctor` trust, written by `curation audit
        export-key`: neither in the key folder (whose key must match it) nor in audit_logs/."""
        return self.root / "data" / "audit_pinned_key.pem"

    def private_paths(self) -> list[Path]:
        """What must be owner-only: catalog, audit log, dataset versions, models, reports."""
        data = self.root / "data"
        return [*sorted(data.glob("catalog.duckdb*")), self.audit_dir, self.datasets, self.models, self.reports]

    def catalog(self) -> Catalog:
        existed = self.catalog_path.exists()
        catalog = Catalog(self.catalog_path)
        if not existed:
            for path in self.catalog_path.parent.glob(self.catalog_path.name + "*"):
                make_private(path)
        return catalog

    @property
    def key_dir(self) -> Path:
        """Signing keys: outside audit_logs/ (CURATION_KEY_DIR or ~/.config/curation/keys)."""
        return default_key_dir()

    def lineage(self):
        from curation.audit.lineage import Lineage

        return Lineage(self.audit_dir / "lineage.jsonl")

    def audit(self) -> AuditLog:
        return AuditLog(private_dir(self.audit_dir), signer=Signer(self.key_dir))
