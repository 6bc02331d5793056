"""The one writer of a version's HTML report, for the CLI (`curation report`) and the flows alike."""

from __future__ import annotations

from pathlib import Path

from curation.catalog import Catalog
from curation.datasets import versions
from curation.datasets.report import write_html_report


def version_manifest(version: dict) -> dict:
    """The version's manifest, verified against its shards; a revoked version's shards were
    purged, so its manifest is read as the record of what it was."""
    if version["status"] == "revoked":
        return versions.read_manifest(Path(version["path"]))
    return versions.verify_version(Path(version["path"]))


def write_version_report(catalog: Catalog, version_id: str, out: Path) -> Path:
    """Write the self-contained HTML report of a version (id or unique prefix) to `out`."""
    v = versions.resolve(catalog, version_id)
    return write_html_report(out, catalog, version=v, manifest=version_manifest(v),
                             card_markdown=(Path(v["path"]) / "README.md").read_text(encoding="utf-8"),
                             expectations=catalog.expectations(v["check_run_id"]),
                             reviews=catalog.reviews(v["version_id"]),
                             training_runs=catalog.training_runs(v["version_id"]))
