"""Known personal data: values a reader knows are personal, found wherever they occur in the text.

Such values (an e-mail's header names and addresses) become spans the document's operators then
replace.

The values come from `RawDocument.known_pii`; they live in memory only and are never logged.
Matching (in the text's normalized view, text_view.normalized_view, so full-width letters and
hidden characters do not hide a value; spans cover the original characters):

- A value in a spaced script (Latin, Cyrillic, ...) matches as whole words, case-insensitively: not
  next to a letter or digit of such a script, nor glued into an address or domain ("@", or one of
  . + _ before another word character). A hyphen separates ("Tanaka-san", "Jane-Marie"). Kana and
  kanji around it are not word characters: "Taroさん" and "メールはtaro@example.jpまで" match.
- A value holding kana, kanji or hangul matches exactly, wherever it occurs: Japanese has no
  spaces between words.
- PERSON: the whole name, its parts separated by any spacing, and for a two-part name in either
  order ("Tanaka Taro", "Taro Tanaka", "田中太郎"). Then each part alone: a kana/kanji part of 2 or
  more characters, without a trailing honorific ("田中" in "田中様"); a Latin part of 3 or more
  letters that is not in GENERIC_WORDS, only where it is written with a capital ("Dear Taro,",
  "TARO"; not "taro": in lower case a name part is more often a word, "will", "mark", "rose"). A
  one-word name follows the part rule.
- EMAIL_ADDRESS: the whole address; its local part alone where it is 4 or more characters and
  holds a separator or digit ("jane.doe", "t_tanaka2"), not a bare word ("info", "jane": role
  words, or the PERSON rule's business).
- A span whose text is on the policy's allow list is not masked.

`with_known` adds the spans to an analyzer's results: a known span inside an analyzer span of its
type, or inside a longer one, is dropped (the analyzer already masks those characters: "Jane" in
"Jane.Doe@example.com"); the rest are merged as the mixed-script merge does (mixed.merge): known
spans have score 1.0, so they win overlaps (a name NER called a LOCATION becomes a PERSON), and
an analyzer span that only partly overlaps one keeps its parts outside it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from presidio_analyzer import RecognizerResult

from curation.pii.honorifics import name_end
from curation.pii.mixed import merge
from curation.pii.text_view import normalized_view

KnownPii = tuple[tuple[str, str], ...]

# Words of display names that are not names ("ACME Customer Support", "株式会社 山田商事 総務部"):
# the whole display name is still masked, its generic parts alone are not.
GENERIC_WORDS = frozenset({
    "and", "the", "for", "via", "from", "team", "support", "service", "services", "customer", "customers",
    "info", "information", "admin", "administrator", "sales", "office", "department", "dept", "desk", "help",
    "helpdesk", "contact", "notification", "notifications", "newsletter", "noreply", "no-reply", "mailer",
    "daemon", "system", "inc", "ltd", "llc", "corp", "corporation", "company", "group", "mrs", "prof",
    "株式会社", "有限会社", "合同会社", "事務局", "担当", "窓口", "総務部", "営業部", "人事部", "お客様",
})
_CJK = re.compile(r"[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff66-\uff9f]")
# A word character of a spaced script: \w without kana, kanji and hangul.
_W = r"[^\W\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff66-\uff9f]"
# Checked after a match: a pattern that starts with a look-behind is tried at every position.
_LEFT = re.compile(rf"(?<!{_W})(?<!@)(?<!{_W}[.+_])")
_RIGHT = rf"(?!{_W})(?!@)(?![.+_]{_W})"
_PART_SPLIT = re.compile(r"[\s,/()（）・·「」\"']+")
_LOCAL_WITH_SEPARATOR = re.compile(r"(?=.*[._+\-0-9]).{4,}")


def _norm(value: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", value).split())


def _pattern(words: list[str], cjk: bool, capitalised: bool = False) -> tuple[str, str, bool]:
    """(a word the text must hold, case-folded; the expression: `words` in order with any spacing
    between them, ending a word unless `cjk` (known_spans checks its start); capitalised only)."""
    body = (r"[\s\u3000]*" if cjk else r"[\s\u3000]+").join(map(re.escape, words))
    return max(words, key=len).casefold(), body if cjk else body + _RIGHT, capitalised


def patterns(entity_type: str, value: str) -> list[tuple[str, str, bool]]:
    """(needle, regular expression, capitalised only) for one known value, whole forms first."""
    value = _norm(value)
    out: list[tuple[str, str, bool]] = []
    if entity_type == "EMAIL_ADDRESS":
        out.append(_pattern([value], False))
        local = value.partition("@")[0]
        if "@" in value and _LOCAL_WITH_SEPARATOR.fullmatch(local):
            out.append(_pattern([local], False))
        return out
    parts = [p.strip(".") for p in _PART_SPLIT.split(value) if p.strip(".")]
    cjk = bool(_CJK.search(value))
    if len(parts) > 1:
        out.append(_pattern(parts, cjk))
        if len(parts) == 2:
            out.append(_pattern(parts[::-1], cjk))
    elif entity_type != "PERSON" and value:  # another type of value: the whole value only
        out.append(_pattern([value], cjk))
    if entity_type == "PERSON":
        for part in dict.fromkeys(parts):
            if part.casefold() in GENERIC_WORDS:
                continue
            if _CJK.search(part):
                part = part[:name_end(part)]
                if len(part) >= 2 and part not in GENERIC_WORDS:
                    out.append(_pattern([part], True))
            elif sum(c.isalpha() for c in part) >= 3:
                out.append(_pattern([part], False, capitalised=True))
    return out


def known_spans(text: str, known: Iterable[tuple[str, str]], allowed: frozenset[str] = frozenset()
                ) -> list[RecognizerResult]:
    """Spans of `text` (score 1.0) where the known values occur, by the rules above; may overlap."""
    view, offsets = normalized_view(text)
    folded = view.casefold()
    out: list[RecognizerResult] = []
    for entity_type, value in known:
        if not isinstance(value, str) or not value.strip():
            continue
        cjk = bool(_CJK.search(value))
        for needle, pattern, capitalised in patterns(entity_type, value):
            if needle not in folded:  # most values are absent from most texts: skip the expression
                continue
            for m in re.finditer(pattern, view, re.IGNORECASE):
                if (m.start() == m.end() or (capitalised and not m.group()[0].isupper())
                        or not (cjk or _LEFT.match(view, m.start()))):
                    continue
                start, end = offsets.span(*m.span()) if offsets else m.span()
                if text[start:end] not in allowed:
                    out.append(RecognizerResult(entity_type, start, end, 1.0))
    return out


def with_known(text: str, results: list[RecognizerResult], known: Iterable[tuple[str, str]],
               allowed: frozenset[str] = frozenset()) -> list[RecognizerResult]:
    """An analyzer's `results` for `text` with the known values' spans added (see the module's doc)."""
    spans = [k for k in known_spans(text, known, allowed)
             if not any(r.start <= k.start and k.end <= r.end
                        and (r.entity_type == k.entity_type or r.end - r.start > k.end - k.start) for r in results)]
    return merge(results, spans, text) if spans else results
