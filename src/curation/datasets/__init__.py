"""Dataset versions and what is written about them.

Build, verify and review (versions.py), the dataset card (card.py), the HTML report (report.py,
with charts.py and check_outcomes.py), the compliance report (compliance.py) and the APPI
statement (appi.py).
"""
