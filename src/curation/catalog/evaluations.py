"""Model evaluations (`curation evaluate`): one row per evaluation of a training run."""

from __future__ import annotations

import json

from curation.catalog.schema import now


class EvaluationQueries:
    def record_evaluation(self, eval_id: str, run_id: str, version_id: str, status: str, result: dict) -> None:
        with self.connect() as con:
            con.execute("INSERT INTO evaluations (eval_id, run_id, version_id, status, result, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        [eval_id, run_id, version_id, status, json.dumps(result, default=str), now()])

    def evaluations(self, *, version_id: str | None = None, run_id: str | None = None) -> list[dict]:
        """Evaluations, oldest first, of one version's runs or of one run; `result` parsed."""
        rows = self._rows("SELECT * FROM evaluations WHERE (? IS NULL OR version_id = ?) "
                          "AND (? IS NULL OR run_id = ?) ORDER BY created_at",
                          [version_id, version_id, run_id, run_id])
        for row in rows:
            row["result"] = json.loads(row["result"])
        return rows
