"""Ingestion: inbox files → anonymized, license-classed documents → a version waiting for review.

The documents go to the catalog, and a dataset version is built from them. The one path the CLI
and the flows both call (pipeline.py).
"""
