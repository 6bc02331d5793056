"""The catalog: the only code that speaks SQL. One DuckDB file holds everything but raw text.

Writes for one batch of input files happen in one transaction keyed by (file path, file digest)
and doc_id, so a rerun after a crash redoes exactly the batches that did not commit. The queries
are grouped by area, one module each; `Catalog` is all of them over one connection.
"""

from curation.catalog.canaries import CanaryQueries
from curation.catalog.connection import CatalogConnection
from curation.catalog.documents import DocumentQueries
from curation.catalog.evaluations import EvaluationQueries
from curation.catalog.ingest_runs import IngestRunQueries
from curation.catalog.licenses import LicenseQueries
from curation.catalog.outbox import OutboxQueries
from curation.catalog.schema import now
from curation.catalog.training_runs import TrainingRunQueries
from curation.catalog.versions import VersionQueries


class Catalog(IngestRunQueries, DocumentQueries, VersionQueries, TrainingRunQueries, EvaluationQueries, LicenseQueries,
              OutboxQueries, CanaryQueries, CatalogConnection):
    """The catalog of one installation (`data/catalog.duckdb`)."""


__all__ = ["Catalog", "now"]
