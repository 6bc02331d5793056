"""Prefect flows: thin wiring of the stages in `curation` (the same functions the CLI calls)."""
