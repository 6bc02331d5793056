"""Views of a text that detection reads instead of it, with where each of their characters came from."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import regex

_SPACE_RUN = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")


def _substitute(text: str, pattern: re.Pattern, replacement: str) -> tuple[str, list[int], list[int]]:
    """The text with each match of `pattern` made `replacement` (one character), and where each
    character of the result came from: (result, start offsets, end offsets) in `text`."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        out.append(text[pos:m.start()])
        starts.extend(range(pos, m.start()))
        ends.extend(range(pos + 1, m.start() + 1))
        out.append(replacement)
        starts.append(m.start())
        ends.append(m.end())
        pos = m.end()
    out.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return "".join(out), starts, ends


def squeeze_spaces(text: str) -> tuple[str, list[int] | None]:
    """The text with runs of spaces and tabs made one space, for NER: spaCy turns a double space
    into a token of its own, and the model then sees "Margaret  Holloway" as two names or one
    (measured: the first name went unmasked). Returns (text for spaCy, original offset of each of
    its characters), or (text, None) when nothing changed."""
    if not _SPACE_RUN.search(text):
        return text, None
    squeezed, starts, _ = _substitute(text, _SPACE_RUN, " ")
    return squeezed, starts


# Format characters (Unicode Cf: zero-width space and joiners, word joiner, BOM, soft hyphen,
# bidirectional controls): invisible, so they can hide an identifier from every pattern and model.
_FORMAT = regex.compile(r"\p{Cf}")
_CLUSTER = regex.compile(r"\X", regex.DOTALL)  # a character with its combining marks
# Cyrillic and Greek letters drawn like Latin ones ("jоhn@exаmple.com" with Cyrillic о and а).
CONFUSABLES = str.maketrans(
    "аеорсухіјѕԁԛԝһӏАВЕКМНОРСТХІЈЅ" "αονρτυχιΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdqwhlABEKMHOPCTXIJS" "aovptuxiABEZHIKMNOPTYX")
_CONFUSABLE = regex.compile("[" + "".join(chr(c) for c in CONFUSABLES) + "]")
# A word or address (letters, digits, @ . _ + -) that mixes Latin letters with look-alikes: only
# there are look-alikes folded, so Russian or Greek text is read as it is.
_MIXED_WORD = regex.compile(r"[\w@.+\-]*(?:[A-Za-z][\w@.+\-]*" + _CONFUSABLE.pattern + "|"
                            + _CONFUSABLE.pattern + r"[\w@.+\-]*[A-Za-z])[\w@.+\-]*")


# A scan's OCR reads a digit as the letter drawn like it: O for 0, l or I for 1 ("020-62O 4418",
# "2O457 Hamburg", "Keizersgracht 3l2"). Inside a run of digits and those letters alone, with at least
# two digits, the letters are digits: a word has other letters, and one digit beside one such letter
# ("3l", "O1") could as well be a unit or a code, unless it is one group of a grouped number: a
# group of digits stands one space, dot or hyphen before or after it ("O2O 7946 O958", "+44 (0) 2O
# 7946 0958"). A lower-case o stays: after NFKC it is the ordinal indicator of "22º andar", "1º piso".
# One character for one, so offsets stay.
_OCR_DIGITS = str.maketrans("OlI", "011")
_OCR_HINT = regex.compile(r"\d[OlI]|[OlI]\d")
_OCR_NUMBER = regex.compile(r"(?<![\w])(?:(?=[OlI]*+\d[OlI]*+\d)|(?=[OlI]*+\d)(?:(?<=\d[ .\-])|(?=[\dOlI]++[ .\-]\d)))"
                            r"[\dOlI]*[OlI][\dOlI]*(?![\w])")


def with_ocr_digits(text: str) -> str:
    """The text with the letters OCR reads for digits made digits inside numbers (see
    _OCR_NUMBER), one character for one: offsets into `text` stay right."""
    if not _OCR_HINT.search(text):
        return text
    return _OCR_NUMBER.sub(lambda m: m.group().translate(_OCR_DIGITS), text)


def ocr_damaged_number(word: str) -> bool:
    """Whether `word` is a number OCR wrote with a letter for a digit ("l059", "2O23"): NER reads
    it unfolded (for_ner), so a name's span may run into it."""
    return bool(_OCR_HINT.search(word)) and _OCR_NUMBER.fullmatch(word) is not None


@dataclass(frozen=True)
class OffsetMap:
    """Where each character of a view came from: `starts[i]:ends[i]` in the original text (a run
    of characters for one that NFKC made of several, hidden characters included)."""

    starts: list[int]
    ends: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original characters behind view characters start:end (end > start)."""
        return self.starts[start], self.ends[end - 1]


# Windows (CRLF) and old Mac (CR) line ends: the address-block patterns read a line end as "\n",
# and `curation pii scan` reads files as they are (ingest normalises line ends, scan does not).
_CR = re.compile(r"\r\n?")


def _unix_line_ends(text: str) -> tuple[str, OffsetMap]:
    """The text with each CRLF or CR made one "\n" (mapped back to the whole line end)."""
    view, starts, ends = _substitute(text, _CR, "\n")
    return view, OffsetMap(starts, ends)


def normalized_view(text: str) -> tuple[str, OffsetMap | None]:
    """The text the pattern recognizers read: NFKC (full-width digits and letters, ligatures,
    circled numbers), format characters removed, Cyrillic/Greek look-alikes folded to Latin inside
    words that also hold Latin letters, CRLF and CR line ends made "\n", letters OCR read for
    digits inside numbers made digits. Returns (view, map back to `text`), or (text, None) when
    nothing changes."""
    view, offsets = unicode_view(text)
    return with_ocr_digits(view), offsets


# A quoted parameter value of a calendar or contact record (ORGANIZER;CN="Katrin Obermeier":mailto:…):
# the tokenizer glues each quote to the field beside it, and NER then reads no name.
_QUOTED_PARAMETER = regex.compile(r'(?<=;[A-Z][A-Z-]*=)"([^"\n]{1,80})"(?=[:;])')


def for_ner(view: str) -> str:
    """What NER reads of a unicode_view: no OCR digit fold (it would turn a name's letters beside
    a damaged number into digits for the model too: "ID: l0l Il 2O23 Ilkka Lindqvist"), and the
    quotes around a record's parameter value made spaces. One character for one, so the view's
    offsets stay right."""
    if '="' not in view:
        return view
    return _QUOTED_PARAMETER.sub(lambda m: f" {m[1]} ", view)


def unicode_view(text: str) -> tuple[str, OffsetMap | None]:
    """normalized_view without the OCR digit fold: what both NER (for_ner) and the patterns
    (with_ocr_digits) start from."""
    if text.isascii() or (unicodedata.is_normalized("NFKC", text) and not _FORMAT.search(text)
                          and not _CONFUSABLE.search(text)):
        return _unix_line_ends(text) if "\r" in text else (text, None)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _CLUSTER.finditer(text):
        chunk = _FORMAT.sub("", m.group())
        if not chunk:
            continue
        chunk = unicodedata.normalize("NFKC", chunk)
        if "\r" in chunk:  # CRLF is one cluster
            chunk = _CR.sub("\n", chunk)
        out.append(chunk)
        starts.extend([m.start()] * len(chunk))
        ends.extend([m.end()] * len(chunk))
    view = "".join(out)
    if _CONFUSABLE.search(view):  # a one-to-one replacement: offsets stay
        view = _MIXED_WORD.sub(lambda w: w.group().translate(CONFUSABLES), view)
    if view == text:
        return text, None
    return view, OffsetMap(starts, ends)
