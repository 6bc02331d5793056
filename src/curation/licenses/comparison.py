"""Whether a comparison ("similar to MIT", "based on the BSD license") describes the work's own terms.

"Terms similar to the MIT license" or "our license is based on BSD-3-Clause" are the author's own
terms, whose closest license is the one named (custom terms). The same words said of something
else are no terms at all: of a license the sentence has just named ("the MIT License, a short
license similar to the BSD license"), of that license through a pronoun in the sentence after its
grant ("MIT. It is similar to the BSD license"), or of a part that is no license ("its build
scripts are based on the BSD license template", "our parser is based on MIT-licensed code").
"""

from __future__ import annotations

import re

# The phrase that compares, right before the license's name (English; Japanese says it after the name)
COMPARED = re.compile(
    r"\b(?:based\s+on|derived\s+from|adapted\s+from|modified\s+(?:version\s+of|from)|modification\s+of|variant\s+of|"
    r"modelled\s+on|modeled\s+on|inspired\s+by|equivalent\s+to|similar\s+to|akin\s+to)\s+(?:the\s+|a\s+)?$"
    r"|(?:を|に)\s*(?:ベース|基|もと|元)\s*(?:に|と)(?:し(?:た|て))?\s*$|を改変し(?:た|て)\s*$|に準じ(?:た|て)\s*$",
    re.IGNORECASE)
# What the work's own terms are called, or the verbs that put the work under them
_TERMS = re.compile(
    r"\b(?:licen[cs](?:e[sd]?|ing)|terms|conditions|eula|agreement|released|distributed|available|provided|published|"
    r"offered|under)\b|ライセンス|規約|条件|条項|許諾|提供|公開|配布", re.IGNORECASE)
# The words between a license's name and a comparison that make the comparison describe that license:
# an apposition ("MIT License, a short license similar to") or its predicate ("MIT License is similar to")
_DESCRIBES_NAMED = re.compile(r"^\W*(?:licen[cs]e\b)?\s*(?:[,(\u2013\u2014-]|(?:which|that)\s+(?:is|was)\b|(?:is|was)\b)",
                              re.IGNORECASE)
# Words that turn a description back into the work's own terms ("..., and our terms are based on")
_OWN_TERMS = re.compile(r"\b(?:our|own|custom|these|this\s+(?:work|project|dataset|software))\b|独自|本|当", re.IGNORECASE)
# Words after the compared name that say what was changed ("modified from the MIT License to require
# ...", "based on BSD-2-Clause by adding ...", "a variant of Apache-2.0 without the patent grant"):
# a license is never a changed copy of another, so what is changed is the work's own terms. An
# exception a license is named with ("GPL v2 with the Classpath exception") is part of its name.
_CHANGED = re.compile(r"^(?:[^.;。]|\.(?=\w))*?(?:\b(?:with(?!\s+(?:the\s+|an?\s+)?[\w\s]{2,30}?\bexceptions?\b)|without|add(?:s|ed|ing)?|"
                      r"except|plus|requir(?:e|es|ed|ing)|forbid(?:s|den|ding)?|prohibit(?:s|ed|ing)?|modifi(?:ed|cations?))\b|"
                      r"加え|追加|除い|禁止|必要)", re.IGNORECASE)
_LIKENESS = re.compile(r"\b(?:similar|akin|equivalent)\s+to|\binspired\s+by|に準じ", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:it|this|that)\s+(?:is|was)\b|^\W*(?:それ|これ)(?:は|も)", re.IGNORECASE)


def compares(text: str, start: int) -> bool:
    """Whether a comparison phrase stands right before the license name that starts at `start`."""
    return bool(COMPARED.search(text[max(0, start - 40):start]))


def changes_terms(text: str, start: int) -> bool:
    """Whether the words after the compared name at `start` say what was changed: the license a
    comparison describes is then the work's, changed (custom terms, never the license as named)."""
    phrase = COMPARED.search(text[max(0, start - 40):start])
    # "similar to the MIT License but adds a patent grant" compares two licenses; only a license
    # made from another ("modified from", "a variant of", "based on") is changed by what follows
    return bool(phrase and not _LIKENESS.search(phrase.group()) and _CHANGED.match(text[start:]))


def describes_a_license(text: str, start: int, named_before: int | None, after_grant: bool) -> bool:
    """Whether the comparison before the license name at `start` describes a license named just
    before (no terms of the work, and no evidence of any license).
    `named_before`: where the license name before it in the sentence ends (None where none);
    `after_grant`: the sentence before granted a named license (its pronoun names that license;
    else the pronoun stands for the terms the sentence before announced: "Kite is under the Kite
    License. It is based on the MIT license": custom terms)."""
    lead = _lead(text, start)
    if named_before is not None:
        between = lead[named_before:]
        if _DESCRIBES_NAMED.match(between) and not _OWN_TERMS.search(between):
            return True
    # "It is based on ...": the license the sentence before granted; without one, the terms it spoke of
    return bool(_PRONOUN_SUBJECT.match(lead)) and after_grant


def of_terms(text: str, start: int) -> bool:
    """Whether what is compared is terms ("terms similar to", "our license is based on", "licensed
    under a license modelled on"), not a part that is no license ("its build scripts are based on
    the BSD license template", "derived from a CC BY-SA 4.0 collection": the material keeps its
    license's duty)."""
    lead = _lead(text, start)
    return bool(_TERMS.search(lead) or _PRONOUN_SUBJECT.match(lead))


def _lead(text: str, start: int) -> str:
    """The sentence up to the comparison phrase before the name at `start`."""
    phrase = COMPARED.search(text[max(0, start - 40):start])
    return text[:max(0, start - 40) + phrase.start()] if phrase else text[:start]
