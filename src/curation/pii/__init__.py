"""PII detection (Presidio analyzer over spaCy/GiNZA + pattern recognizers) and anonymization."""

from curation.pii.anonymize import AnonymizedText, Anonymizer
from curation.pii.language import detect_language

__all__ = ["AnonymizedText", "Anonymizer", "detect_language"]
