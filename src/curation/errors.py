"""The library's plain-language errors: what the CLI and the flows show as one line, no traceback.

Each names the file, version or key at fault and the reason; anything else is a bug and keeps
its traceback.
"""

from __future__ import annotations


def plain_errors() -> tuple[type[BaseException], ...]:
    """Imported on call: the CLI starts without loading every part of the library."""
    from curation.catalog.connection import CatalogSessionError
    from curation.checks.quality import LexiconError
    from curation.checks.suites import ChecksError
    from curation.datasets.names import DatasetNameError
    from curation.datasets.versions import VersionError
    from curation.ingest.doc_work import DocumentWorkError
    from curation.ingest.outcomes import AccountingError
    from curation.locking import LockTimeout
    from curation.pii.evaluate import LabelledFileError
    from curation.pii.worker_pool import WorkerError
    from curation.policy import PolicyError
    from curation.sources.source_yaml import SourceYamlError
    from curation.stewardship.overrides import OverrideError
    from curation.stewardship.retraction import RetractionError
    from curation.stewardship.sources import SourceError
    from curation.training.errors import TrainingError

    return (PolicyError, VersionError, DatasetNameError, ChecksError, AccountingError, SourceYamlError, LexiconError, LockTimeout,
            LabelledFileError, OverrideError, RetractionError, SourceError, TrainingError, FileNotFoundError,
            DocumentWorkError, WorkerError, CatalogSessionError)
