"""Where an ingest run is: its stage and counts so far, for the CLI's bar and the flow's artifact.

Counts and stage names only, never a path or a text: a progress line goes to logs and to the
Prefect UI.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

STAGES = ("looking for new files", "reading", "anonymizing", "committing", "checks and version", "done")


@dataclass
class IngestProgress:
    stage: str = STAGES[0]
    files_done: int = 0
    files_total: int = 0
    outcomes: Counter = field(default_factory=Counter)  # accepted / license_review / duplicate / quarantined

    @property
    def documents(self) -> int:
        return sum(self.outcomes.values())

    @property
    def percent(self) -> float:
        """Files done out of the new files found; the checks and build count as the last 5%."""
        if self.stage == "done":
            return 100.0
        share = self.files_done / self.files_total if self.files_total else 1.0
        return round(95.0 * share if self.stage != "checks and version" else 95.0, 1)

    def line(self) -> str:
        o = self.outcomes
        return (f"{self.stage}: {self.files_done}/{self.files_total} new files, {self.documents} items "
                f"(accepted {o['accepted']}, held for license review {o['license_review']}, "
                f"duplicate {o['duplicate']}, quarantined {o['quarantined']})")


# Called with the run's progress at every stage boundary of every batch (a copy: keep it if needed).
ProgressCallback = Callable[[IngestProgress], None]
