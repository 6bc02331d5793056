"""How far past its head or tail window a long text is read, where a license text runs across the cut.

A long text is read at its head and tail only (detect.FILE_HEAD, FILE_TAIL). A license text that
starts in the head window and runs past its end (a 50 KB contributor list, then the GPL-3.0), or
starts before the tail window, would be read with a gap, and a gap reads as words removed: custom
terms. Where license words reach the cut and a license's title stands before it, the window is
widened to that license's reference text from its title on, plus some slack: bounded by the
reference text's length, so every input still ends in bounded time.
"""

from __future__ import annotations

import re
from functools import lru_cache

from curation.licenses.copies import HEAD_CHARS, HEAD_LINES, reference_words
from curation.licenses.names import mentions

# How far before a cut a license's title may stand: the longest common license texts (an LGPL-3.0
# with the GPL-3.0, a GPL page in HTML) are under 45 KB.
TITLE_BACK = 48_000
# The characters on each side of a cut that must hold license words for a text to run across it.
PROBE = 2_000
# Above the reference text's words joined by single spaces: its punctuation, indentation, line
# breaks and a copy's own names, in characters.
SLACK_SHARE, SLACK_CHARS = 0.15, 2_000

# Texts read on in a row (an LGPL-3.0 with the GPL-3.0 appended after it is two).
CHAINED_MAX = 3

_LICENSE_WORDS = re.compile(r"licen[cs]|copyright|warrant|redistribut|permission", re.IGNORECASE)
# a title: a short line that names a license, no sentence (a dot only inside a version: "2.0")
_TITLE_LINE = re.compile(r"^(?:[^\n.]|\.(?=\d)){0,100}\b(?:licen[cs]e|agreement)\b(?:[^\n.]|\.(?=\d)){0,60}$",
                         re.IGNORECASE | re.MULTILINE)
# A title starts a copy where the text after it has a run of this many of the reference's words in
# a row (a log line that names a license is followed by none)
RUN_WORDS, AFTER_TITLE = 8, 2_000
# The title-like lines before a cut that are read (the nearest first): one license text holds up
# to 22 of them (the AGPL-3.0's), a chain of CHAINED_MAX texts under 64
TITLES_MAX = 64


def _reference_chars(license_id: str) -> int:
    words = reference_words(license_id)
    return len(" ".join(words)) if words else 0


@lru_cache(maxsize=64)
def _runs(license_id: str) -> frozenset[tuple[str, ...]]:
    words = reference_words(license_id)
    return frozenset(tuple(words[i:i + RUN_WORDS]) for i in range(len(words) - RUN_WORDS + 1))


def _copy_follows(text: str, at: int, license_id: str) -> bool:
    words = re.findall(r"[a-z0-9]+", text[at:at + AFTER_TITLE].lower())
    runs = _runs(license_id)
    return any(tuple(words[i:i + RUN_WORDS]) in runs for i in range(len(words) - RUN_WORDS + 1))


def _last_title(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(position, reference length in characters) of the last license title in text[start:end]:
    a short line naming a license whose reference text is known (with the next lines, where a title
    breaks before its version: "GNU GENERAL PUBLIC LICENSE" / "Version 3, 29 June 2007"). Read from
    the cut backwards, the TITLES_MAX title-like lines nearest to it, each distinct one named once:
    a stretch of thousands of them (a log that names a license on every line) is no license text."""
    end = text.rfind("\n", start, end)  # whole lines only: a line cut at `end` is no title
    titles = [line for line in _TITLE_LINE.finditer(text, start, max(end, start)) if len(line.group(0).split()) <= 10]
    named_in: dict[str, list[str]] = {}
    for line in reversed(titles[-TITLES_MAX:]):
        head = " ".join(text[line.start():line.start() + HEAD_CHARS].split("\n")[:HEAD_LINES])[:HEAD_CHARS]
        if head not in named_in:
            named_in[head] = [n for n in dict.fromkeys(m.expression for m in mentions(head) if not m.ambiguous)
                              if _reference_chars(n)]
        length = max((_reference_chars(n) for n in named_in[head] if _copy_follows(text, line.start(), n)), default=0)
        if length:
            return line.start(), length
    return None


def _reach(length: int) -> int:
    return int(length * (1 + SLACK_SHARE)) + SLACK_CHARS


def widened(text: str, head: int, tail: int) -> tuple[int, int]:
    """`head` and `tail` widened so that a license text cut by the window is read whole: to the
    end of a text whose title stands in the head window, from the title of a text that reaches into
    the tail window; again where that end or title falls inside another license text, up to
    CHAINED_MAX texts. Each step grows a side by at most a reference text's length and the slack."""
    for _ in range(CHAINED_MAX):
        if len(text) <= head + tail or not _LICENSE_WORDS.search(text, head - PROBE, head):
            break
        title = _last_title(text, max(0, head - TITLE_BACK), head)
        if not title or title[0] + _reach(title[1]) <= head:
            break
        head = title[0] + _reach(title[1])  # past the cut by less than the reference text
    for _ in range(CHAINED_MAX):
        start = len(text) - tail
        if len(text) <= head + tail or not _LICENSE_WORDS.search(text, start, start + PROBE):
            break
        title = _last_title(text, max(head, start - TITLE_BACK), start)
        if not title or title[0] + _reach(title[1]) <= start:
            break
        tail = len(text) - title[0] + SLACK_CHARS
    return head, tail
