"""PERSON: a capitalised name after a salutation, title, sign-off or "call", or before an e-mail address.

Under the policy setting pii.handles: all, every social-media handle (@name) as well (HandleRecognizer).
"""

from __future__ import annotations

from collections import Counter

import regex as re
from presidio_analyzer import RecognizerResult

from curation.pii.recognizers.en.person_fields import field_names
from curation.pii.recognizers.en.scored import CASE_SENSITIVE, ScoredRecognizer
from curation.pii.recognizers.en.shapes import NOT_NAMES
from curation.pii.recognizers.en.shapes import WORD as _WORD
from curation.pii.role_shapes import names_role_or_unit, speaks_as_role
from curation.pii.spans import HANDLE_BODY


class CurationPersonRecognizer(ScoredRecognizer):
    """A capitalised name after a salutation, a title, a sign-off or "call", or before an e-mail
    address in angle brackets. Each alternative starts with its literal cue, so the scan is cheap."""

    ENTITY = "PERSON"
    NAME = "CurationPersonRecognizer"
    _NAME = rf"{_WORD}(?:\ [A-Z]\.)?(?:\ {_WORD})?"
    REGEX = rf"""
        \b(?:Dear|Hi|Hello|Hey|Attn:?|Attention:?|Thanks|Thank\ you|Cc:?)\ (?:(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\ )?
            (?P<greeted>{_NAME})(?=[,:!\n]|\ (?:and|at|on|from|\()|$)
      | \b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Madam|Miss)\.?\ (?P<titled>{_WORD}(?:\ {_WORD})?)
      | (?:regards|Regards|Sincerely|sincerely|faithfully|Cheers|Best|Thanks|thanks|wishes|Yours\ truly|Warmly|
         Respectfully),\n\n?(?P<signed>(?:[A-Z]\.\ )?{_NAME}(?:\ {_WORD})?)
      | \b(?:[Cc]all|[Cc]all\ back|[Aa]sk|[Rr]emind)\ (?P<called>{_WORD}(?:\ {_WORD})?)(?=\ (?:on|at)\b)
    """
    FLAGS = CASE_SENSITIVE | re.VERBOSE
    _GROUPS = ("greeted", "titled", "signed", "called")
    # "Jane Roe <jane@example.com>": tried only where the text has "<" and "@".
    _MAILED = re.compile(rf"\b{_NAME}(?=\ <[^<>@\s]+@)", CASE_SENSITIVE)

    # A chat line's speaker after its time stamp ("[10:02] Ana Lima:", "12/03/26, 09:14 - Ana Lima:",
    # "[12/03/26, 09:14:33] Ana Lima:"): NER reads a name after digits and a dash as part of the
    # stamp; the stamp says a person speaks.
    _SPEAKER = re.compile(rf"^(?P<bracket>\[)?(?P<date>\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}},?\ )?\[?"
                          rf"\d{{1,2}}(?P<separator>[:.])\d{{2}}(?:[:.]\d{{2}})?(?:\ ?[AaPp]\.?[Mm]\.?)?(?P<closed>\])?"
                          rf"(?:\ -|\ )\ ?(?P<speaker>{_WORD}(?:\ {_WORD}){{0,2}}):",
                          CASE_SENSITIVE | re.MULTILINE)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        found = []
        if "<" in text and "@" in text:
            found += [m.span() for m in self._MAILED.finditer(text) if self.score(m.group())]
        if ":" in text:
            found += [span for m in _chat_lines(self._SPEAKER.finditer(text)) if (span := _speaker(m, self.score))]
        found += field_names(text)
        for start, end in found:
            results.append(RecognizerResult("PERSON", start, end, 0.6, recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return results

    def span(self, match) -> tuple[int, int]:
        for name in self._GROUPS:
            if match.group(name) is not None:
                return match.span(name)
        return match.span()

    def score(self, value: str) -> float | None:
        # A unit or a role signs as often as a person ("Sincerely,\nParticipant Services", "Dear Hiring
        # Manager"); a job title is made of title modifiers only, so "Dear Grace Planner" stays a name.
        return None if value.split()[0] in NOT_NAMES or names_role_or_unit(value.split()) else 0.6


def _chat_lines(matches) -> list:
    """The speaker lines that make a chat. A stamp in brackets or with a date is a chat export's;
    a bare time before "Words:" is as often an agenda ("09:00 Opening Remarks: welcome") and a
    number with a dot a section or a price ("4.12 Access Control:", "1.50 Paper Towels:"), so
    bare times count only where several lines have them and a speaker speaks twice."""
    matches = list(matches)
    stamped = [m for m in matches if m.group("bracket") or m.group("closed") or m.group("date")]
    bare = [m for m in matches if m not in stamped and m.group("separator") == ":"]
    speakers = Counter(m.group("speaker") for m in bare)
    return stamped + (bare if len(bare) >= 2 and speakers.most_common(1)[0][1] >= 2 else [])


def _speaker(match, score) -> tuple[int, int] | None:
    """The span of a chat line's speaker without a role word before the name, or None when only
    roles speak ("Bot:", "Customer:") or `score` refuses the name."""
    start, end = match.span("speaker")
    words = match.group("speaker").split(" ")
    while words and speaks_as_role(words[0]):
        start += len(words.pop(0)) + 1
    return (start, end) if words and score(" ".join(words)) else None


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
