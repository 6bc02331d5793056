"""The recognizers curation adds to Presidio's, per language: `en/`, `ja/`, and policy YAML files."""

from __future__ import annotations


def english_recognizers(handles: str = "entity") -> list:
    """Fresh instances of curation's English recognizers (recognizers/en/); with handles "all"
    (policy pii.handles), every @handle is a PERSON too; national identity numbers behind their
    label gate (en/national_ids.py)."""
    from curation.pii.recognizers.en import RECOGNIZERS
    from curation.pii.recognizers.en.national_ids import national_id_recognizers
    from curation.pii.recognizers.en.person import HandleRecognizer

    return [cls() for cls in RECOGNIZERS] + national_id_recognizers() + \
        ([HandleRecognizer()] if handles == "all" else [])


def japanese_recognizers() -> list:
    """Fresh instances of curation's Japanese recognizers (recognizers/ja/)."""
    from curation.pii.recognizers.ja import RECOGNIZERS

    return [cls() for cls in RECOGNIZERS]


def language_neutral_recognizers(language: str) -> list:
    """Language-neutral recognizers (cards, IP addresses, IBANs) that Presidio registers for
    English only, for `language`."""
    if language == "en":
        return []
    from presidio_analyzer.predefined_recognizers import IbanRecognizer, IpRecognizer

    from curation.pii.recognizers.ja.credit_card import JaCardRecognizer

    # Presidio's card pattern starts at \b, which never fires after kanji (カード番号4111…).
    return [JaCardRecognizer(language), IpRecognizer(supported_language=language),
            IbanRecognizer(supported_language=language)]
