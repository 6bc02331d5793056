"""Build the held-out PII gold files from their hand-marked sources, and validate them.

Each `<name>.src.txt` holds documents with inline labels:
  `[[TYPE|value]]`  a labelled span (goes to `spans`),
  `[[~TYPE|value]]` a span a labeller would leave alone or is unsure of (goes to `ignored_spans`).
Business sources hold one document per `### <id>` block; social and wiki sources hold one document a
line (lines starting with `#` are comments). Output: `<name>.jsonl` next to the source, in the gold
format of /work/shared/corpora/README.md.

Run: `python tests/pii_cases/heldout1/build.py` (exits non-zero and names file, document and reason on
the first invalid label).
"""

from __future__ import annotations

import ipaddress
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

LABELLED_TYPES = {
    "PERSON", "LOCATION", "ORGANIZATION", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE",
    "US_SSN", "IP_ADDRESS", "US_PASSPORT", "STREET_ADDRESS", "POSTAL_CODE", "DATE_OF_BIRTH",
}
# Ignored spans may also carry the kinds a policy never masks.
IGNORED_TYPES = LABELLED_TYPES | {"PRODUCT", "EVENT", "WORK", "ID_NUMBER"}

MARK = re.compile(r"\[\[(~?)([A-Z_]+)\|([^\[\]|]+)\]\]")

# source file -> (output file, document layout, id prefix)
SOURCES = {
    "business_en.src.txt": ("business_en.jsonl", "blocks", "biz"),
    "social_en.src.txt": ("social_en.jsonl", "lines", "soc"),
    "wiki_ja.src.txt": ("wiki_ja.jsonl", "lines", "ja"),
}
BUSINESS_LENGTH = (300, 2500)


class LabelError(ValueError):
    """A marked-up document whose labels are malformed or whose identifiers fail their checksum."""


def luhn_ok(digits: str) -> bool:
    """True when the digit string passes the Luhn check used by payment cards."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def iban_ok(iban: str) -> bool:
    """True when the IBAN (spaces removed) passes the ISO 13616 mod-97 check."""
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def check_value(kind: str, value: str) -> str | None:
    """Return why an identifier value is invalid, or None when it is fine."""
    if kind == "CREDIT_CARD":
        digits = re.sub(r"[ -]", "", value)
        if not digits.isdigit() or not 13 <= len(digits) <= 19:
            return "card is not 13-19 digits"
        if not luhn_ok(digits):
            return "card fails Luhn"
    elif kind == "IBAN_CODE":
        compact = value.replace(" ", "")
        if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", compact) or not iban_ok(compact):
            return "IBAN fails mod-97"
    elif kind == "US_SSN":
        m = re.fullmatch(r"(\d{3})[- ]?(\d{2})[- ]?(\d{4})", value)
        if not m or m.group(1) in {"000", "666"} or m.group(1)[0] == "9" or m.group(2) == "00" or m.group(3) == "0000":
            return "not a well-formed SSN"
    elif kind == "IP_ADDRESS":
        try:
            ipaddress.ip_address(value)
        except ValueError:
            return "not an IP address"
    if value != value.strip():
        return "span has surrounding whitespace"
    return None


def parse_document(marked: str, where: str) -> tuple[str, list[dict], list[dict]]:
    """Strip the inline markup; return plain text, labelled spans and ignored spans with offsets."""
    text_parts: list[str] = []
    spans: list[dict] = []
    ignored: list[dict] = []
    pos = 0  # position in the plain text
    last = 0  # position in the marked text
    for m in MARK.finditer(marked):
        text_parts.append(marked[last:m.start()])
        pos += m.start() - last
        tilde, kind, value = m.groups()
        allowed = IGNORED_TYPES if tilde else LABELLED_TYPES
        if kind not in allowed:
            raise LabelError(f"{where}: unknown type {kind!r}")
        reason = None if tilde else check_value(kind, value)
        if reason:
            raise LabelError(f"{where}: {kind} {reason}")
        span = {"type": kind, "start": pos, "end": pos + len(value), "value": value}
        (ignored if tilde else spans).append(span)
        text_parts.append(value)
        pos += len(value)
        last = m.end()
    text_parts.append(marked[last:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        raise LabelError(f"{where}: unbalanced or malformed markup left in text")
    for span in spans + ignored:
        assert text[span["start"]:span["end"]] == span["value"]
    return text, spans, ignored


def split_documents(source: str, layout: str, prefix: str) -> list[tuple[str, str]]:
    """Split a source file into (id, marked text) pairs according to its layout."""
    docs: list[tuple[str, str]] = []
    if layout == "lines":
        for line in source.splitlines():
            if line.strip() and not line.startswith("#"):
                docs.append((f"{prefix}-{len(docs) + 1:03d}", line.strip()))
        return docs
    current_id, lines = None, []
    for line in source.splitlines() + ["### end-of-file"]:
        if line.startswith("### "):
            if current_id is not None:
                docs.append((current_id, "\n".join(lines).strip("\n")))
            current_id, lines = f"{prefix}-{line[4:].strip()}", []
        else:
            lines.append(line)
    return docs


def build(src_name: str) -> Counter:
    """Build one gold file from its source; return counts of labelled and ignored types."""
    out_name, layout, prefix = SOURCES[src_name]
    src_path = HERE / src_name
    counts: Counter = Counter()
    seen_ids: set[str] = set()
    rows = []
    for doc_id, marked in split_documents(src_path.read_text(encoding="utf-8"), layout, prefix):
        where = f"{src_name}: {doc_id}"
        if doc_id in seen_ids:
            raise LabelError(f"{where}: duplicate id")
        seen_ids.add(doc_id)
        text, spans, ignored = parse_document(marked, where)
        if layout == "blocks" and not BUSINESS_LENGTH[0] <= len(text) <= BUSINESS_LENGTH[1]:
            raise LabelError(f"{where}: {len(text)} characters, outside {BUSINESS_LENGTH}")
        rows.append({"id": doc_id, "text": text, "spans": spans, "ignored_spans": ignored})
        counts["documents"] += 1
        counts.update(s["type"] for s in spans)
        counts.update("~" + s["type"] for s in ignored)
    with open(HERE / out_name, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return counts


def main() -> int:
    for src_name in SOURCES:
        if not (HERE / src_name).exists():
            continue
        try:
            counts = build(src_name)
        except LabelError as err:
            print(err, file=sys.stderr)
            return 1
        summary = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
        print(f"{SOURCES[src_name][0]}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
