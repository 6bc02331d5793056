"""Dataset versions and what is written about them: build, verify and review (versions.py), the
card and the HTML report (report.py), the compliance report (compliance.py) and the APPI
statement (appi.py)."""
