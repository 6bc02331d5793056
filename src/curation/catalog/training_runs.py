"""Training runs: plan, attempts, outcome."""

from __future__ import annotations

import json

from curation.catalog.schema import now


class TrainingRunQueries:
    def start_training(self, run_id: str, version_id: str, base_model: str) -> None:
        with self.connect() as con:
            con.execute("INSERT INTO training_runs (run_id, version_id, status, base_model, started_at) "
                        "VALUES (?, ?, 'running', ?, ?)", [run_id, version_id, base_model, now()])

    def finish_training(self, run_id: str, status: str, record: dict | None = None,
                        output_dir: str | None = None, error: str | None = None) -> None:
        record = record or {}
        with self.connect() as con:
            con.execute(
                """UPDATE training_runs SET status = ?, base_model_sha256 = ?, device = ?, record = ?,
                   output_dir = ?, error = ?, finished_at = ? WHERE run_id = ?""",
                [status, record.get("base_model_sha256"), record.get("device"), json.dumps(record, default=str),
                 output_dir, error, now(), run_id])

    def training_runs(self, version_id: str | None = None) -> list[dict]:
        if version_id:
            return self._rows("SELECT * FROM training_runs WHERE version_id = ? ORDER BY started_at", [version_id])
        return self._rows("SELECT * FROM training_runs ORDER BY started_at")

    def plan_training(self, run_id: str, output_dir: str, params: dict) -> None:
        """Record where a started run writes and the hyperparameters it must be resumed with."""
        with self.connect() as con:
            con.execute("UPDATE training_runs SET output_dir = ?, params = ?, attempts = 1 WHERE run_id = ?",
                        [output_dir, json.dumps(params, default=str), run_id])

    def training_run(self, run_id: str) -> dict | None:
        """One training run by id or unique id prefix; None when no run (or several) match."""
        rows = self._rows("SELECT * FROM training_runs WHERE starts_with(run_id, ?)", [run_id])
        return rows[0] if len(rows) == 1 else None

    def restart_training(self, run_id: str) -> int:
        """Mark an interrupted or failed run as running again; returns its attempt number."""
        with self.connect() as con:
            con.execute("""UPDATE training_runs SET status = 'running', error = NULL, finished_at = NULL,
                           attempts = coalesce(attempts, 1) + 1 WHERE run_id = ?""", [run_id])
            return int(con.execute("SELECT attempts FROM training_runs WHERE run_id = ?", [run_id]).fetchone()[0])
