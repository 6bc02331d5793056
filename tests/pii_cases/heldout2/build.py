"""Build the hand-written blind social set `social_en.jsonl` from its marked-up sources.

In:  `<register>.src.txt` files beside this script, one post a line. Markup:
     `[[TYPE|name]]` a PII span (goes to `spans`), `[[~TYPE|name]]` a span a scorer should
     neither credit nor penalise (goes to `ignored_spans`: products, works, events, unsure cases).
     `\\n` inside a post is a line break (group chats); lines starting with `% ` are comments.
Out: `social_en.jsonl`, one `{"id","text","spans","ignored_spans"}` a line, character offsets.
Run: `python tests/pii_cases/heldout2/build.py` (add `--check` to validate without writing).
Any bad post stops the build with one line naming the file, the line and the reason.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Order fixes the ids and the order of the output file.
REGISTERS = ("sentence", "lower", "shout", "title")
PII_TYPES = {"PERSON", "LOCATION", "ORGANIZATION", "EMAIL_ADDRESS", "PHONE_NUMBER", "IP_ADDRESS"}
# Ignored spans may also carry a PII type: that is how an unsure case is written down.
IGNORED_TYPES = PII_TYPES | {"PRODUCT", "WORK", "EVENT", "OTHER"}
MARK = re.compile(r"\[\[(~?)([A-Z_]+)\|([^\[\]|]*)\]\]")
# A name never starts or ends with these; a possessive 's stays outside the span.
BAD_EDGE = set(" \t\n\"'“”‘’,;:!?()")
MIN_CHARS, MAX_CHARS = 20, 280


class SourceError(ValueError):
    """A post in a source file breaks the markup or labelling rules."""


def parse_post(marked: str) -> tuple[str, list[dict], list[dict]]:
    """Strip the markup from one post; return its text, spans and ignored spans with offsets."""
    marked = marked.replace("\\n", "\n")
    parts: list[str] = []
    spans: list[dict] = []
    ignored: list[dict] = []
    pos = 0
    length = 0
    for match in MARK.finditer(marked):
        before = marked[pos:match.start()]
        parts.append(before)
        length += len(before)
        tilde, kind, value = match.groups()
        if not value.strip():
            raise SourceError(f"empty span of type {kind}")
        # A phone number may open with its area code in brackets: "(555) 013-4472".
        first_ok = kind == "PHONE_NUMBER" and value[0] == "("
        if (value[0] in BAD_EDGE and not first_ok) or value[-1] in BAD_EDGE:
            raise SourceError(f"span {kind} starts or ends with space or punctuation")
        if value.endswith(("'s", "’s")) and kind not in ("ORGANIZATION", "LOCATION"):
            raise SourceError(f"span {kind} holds a possessive 's")
        allowed = IGNORED_TYPES if tilde else PII_TYPES
        if kind not in allowed:
            raise SourceError(f"unknown type {kind} (allowed: {sorted(allowed)})")
        span = {"type": kind, "start": length, "end": length + len(value), "value": value}
        (ignored if tilde else spans).append(span)
        parts.append(value)
        length += len(value)
        pos = match.end()
    parts.append(marked[pos:])
    text = "".join(parts)
    if "[[" in text or "]]" in text:
        raise SourceError("nested or unclosed markup")
    if not MIN_CHARS <= len(text) <= MAX_CHARS:
        raise SourceError(f"{len(text)} characters, outside {MIN_CHARS}-{MAX_CHARS}")
    for span in spans + ignored:
        assert text[span["start"]:span["end"]] == span["value"]
    return text, spans, ignored


# Each register file keeps to its register, so the counts in the README stay true.
SHOUTED_WORD = re.compile(r"\b[A-Z]{3,}\b")


def register_problem(register: str, text: str) -> str | None:
    """Say why a post does not fit its register file, or None when it fits."""
    if register == "lower" and text != text.lower():
        return "upper-case letter in the lower-case register"
    if register == "shout" and not SHOUTED_WORD.search(text):
        return "no SHOUTED word in the shout register"
    return None


def read_register(register: str) -> list[dict]:
    """Read one `<register>.src.txt` into gold documents with ids `h2-<register>-NNN`."""
    path = HERE / f"{register}.src.txt"
    docs = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("% "):
            continue
        try:
            text, spans, ignored = parse_post(line.strip())
            problem = register_problem(register, text)
            if problem:
                raise SourceError(problem)
        except SourceError as err:
            raise SystemExit(f"{path.name}:{lineno}: {err}") from None
        docs.append({"id": f"h2-{register}-{len(docs) + 1:03d}", "text": text,
                     "spans": spans, "ignored_spans": ignored})
    return docs


def main(argv: list[str]) -> None:
    docs = [doc for register in REGISTERS for doc in read_register(register)]
    seen: dict[str, str] = {}
    for doc in docs:
        if doc["text"] in seen:
            raise SystemExit(f"{doc['id']}: same text as {seen[doc['text']]}")
        seen[doc["text"]] = doc["id"]
    if "--check" not in argv:
        with open(HERE / "social_en.jsonl", "w", encoding="utf-8") as out:
            for doc in docs:
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    per_register = Counter(doc["id"].split("-")[1] for doc in docs)
    per_type = Counter(s["type"] for doc in docs for s in doc["spans"])
    per_ignored = Counter(s["type"] for doc in docs for s in doc["ignored_spans"])
    without = sum(1 for doc in docs if not doc["spans"])
    print(f"{len(docs)} posts; per register {dict(per_register)}; posts without PII {without}")
    print(f"spans {dict(per_type)}")
    print(f"ignored {dict(per_ignored)}")


if __name__ == "__main__":
    main(sys.argv[1:])
