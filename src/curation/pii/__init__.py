"""PII detection (Presidio analyzer over spaCy/GiNZA + pattern recognizers) and anonymization.

Names are imported on first use, so that `python -m curation.pii.worker` starts without loading
Presidio and spaCy before it has decided what they may import.
"""

from __future__ import annotations

__all__ = ["AnonymizedText", "Anonymizer", "detect_language"]


def __getattr__(name: str):
    if name in ("AnonymizedText", "Anonymizer"):
        from curation.pii.anonymize import AnonymizedText, Anonymizer

        return {"AnonymizedText": AnonymizedText, "Anonymizer": Anonymizer}[name]
    if name == "detect_language":
        from curation.pii.language import detect_language

        return detect_language
    raise AttributeError(f"module 'curation.pii' has no attribute '{name}'")
