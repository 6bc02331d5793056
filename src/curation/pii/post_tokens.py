"""What a token of a post is: an @handle, a word opening a sentence, a word common in English."""

from __future__ import annotations

import re

from curation.pii.truecase import LETTER, common_words

# A social-media handle (@amyschumer, @jordan.hayes): a name, whatever its letters and digits;
# Instagram and Mastodon allow dots inside one (a dot at the end is the sentence's). The name cues
# and the handle recognizer read handles by it too.
HANDLE_BODY = rf"@\w*{LETTER}\w*(?:\.\w+)*"
_HANDLE = re.compile(HANDLE_BODY)


def _common_word(lower: str) -> bool:
    """Whether a word (in lower case) is a frequent one written in lower case at least as often as
    capitalised (truecase.common_words), so a capital on it says only that it opens a sentence or
    is shouted ("Great", "PROUD", "Hope you're well"), not that it names anyone. A word the table
    hardly knows may be a name ("Mochi waffles!")."""
    return lower in common_words()


def _opens_sentence(t) -> bool:
    """Whether token t is the first word of its text or follows an end of sentence, a line break,
    a colon or a handle."""
    if t.i == 0:
        return True
    before = t.doc[t.i - 1]
    return before.text in (".", "!", "?", ":") or "\n" in before.text or _HANDLE.fullmatch(before.text) is not None
