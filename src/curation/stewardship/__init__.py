"""What a steward or operator does after the fact: retract documents (retraction.py), decide a
source's license (overrides.py), check an installation's health (doctor.py)."""
