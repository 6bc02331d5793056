"""Ingestion: inbox files → anonymized, license-classed documents in the catalog → a dataset
version waiting for review. The one path the CLI and the flows both call (pipeline.py)."""
