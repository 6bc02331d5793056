"""The recognizers curation adds to Presidio's, per language: `en/`, `ja/`, and policy YAML files."""

from __future__ import annotations


def english_recognizers() -> list:
    """Fresh instances of curation's English recognizers (recognizers/en/)."""
    from curation.pii.recognizers.en import RECOGNIZERS

    return [cls() for cls in RECOGNIZERS]


def japanese_recognizers() -> list:
    """Fresh instances of curation's Japanese recognizers (recognizers/ja/)."""
    from curation.pii.recognizers.ja import RECOGNIZERS

    return [cls() for cls in RECOGNIZERS]


def language_neutral_recognizers(language: str) -> list:
    """Presidio's language-neutral recognizers it registers for English only, for `language`."""
    if language == "en":
        return []
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        IbanRecognizer,
        IpRecognizer,
    )

    return [cls(supported_language=language) for cls in (CreditCardRecognizer, IpRecognizer, IbanRecognizer)]
