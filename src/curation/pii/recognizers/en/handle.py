"""PERSON: every social-media handle (@name), for the policy setting pii.handles: all."""

from __future__ import annotations

from curation.pii.recognizers.en.scored import ScoredRecognizer
from curation.pii.spans import HANDLE_BODY


class HandleRecognizer(ScoredRecognizer):
    """An @handle, whatever NER makes of it: on platforms whose accounts are people's (a forum,
    a support desk, a staff chat), an account name identifies its holder as a name does. Not an
    e-mail address's "@" (a word character or a dot before it), nor a trailing full stop."""

    ENTITY = "PERSON"
    NAME = "HandleRecognizer"
    REGEX = rf"(?<![\w.@]){HANDLE_BODY}"

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        return super().analyze(text, entities, nlp_artifacts, regex_flags) if "@" in text else []

    def score(self, value: str) -> float | None:
        return 0.6  # NER's own PERSON (0.85) keeps its type where both read the handle
