"""What a steward or operator does after the fact.

Retract documents (retraction.py), allow a source held for license review (sources.py), decide a
source's license (overrides.py), check an installation's health (doctor.py), scrub what older
catalogs still hold (scrub.py).
"""
