"""Checks on documents and datasets: features, bias metrics and the suites that judge them.

Per-document quality features and near-duplicates (quality.py), dataset-level bias metrics
(bias.py), and the Great Expectations suites that judge them (suites.py).
"""
