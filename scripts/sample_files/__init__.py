"""Builders of sample input files, for tests and scripts/make_samples.py."""
