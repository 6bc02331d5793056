"""Inline-markup parser and span checks shared by the hand-written held-out PII sets.

A source file holds documents with inline labels:
  `[[TYPE|value]]`  a labelled span (goes to `spans`),
  `[[~TYPE|value]]` a span a scorer should neither credit nor penalise (goes to `ignored_spans`:
                    products, works, events, non-US identifiers, cases the writer was unsure of).
Layouts: `blocks` (one document per `### <id>` block, business text) or `lines` (one document a
line, `\\n` inside a line is a line break). Lines starting with `% ` are comments (heldout1: `#`).
Gold rows: `{"id","text","spans":[{"type","start","end","value"}],"ignored_spans":[...]}` with
character offsets, as in /work/shared/corpora/README.md.

The sets differ in layout, ids, limits and strictness; each difference is a field of `Register`,
so every set's `build.py` is a list of registers and a call to `build`.
Any bad document raises `MarkupError` whose message is one line naming the file, the line and the
reason, so a build script can print it and stop.
"""

from __future__ import annotations

import ipaddress
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

LABELLED_TYPES = frozenset({
    "PERSON", "LOCATION", "ORGANIZATION", "STREET_ADDRESS", "POSTAL_CODE", "EMAIL_ADDRESS",
    "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS", "US_PASSPORT", "DATE_OF_BIRTH",
})
# heldout2 and heldout3 label only these in social posts and Japanese sentences.
SOCIAL_TYPES = frozenset({
    "PERSON", "LOCATION", "ORGANIZATION", "EMAIL_ADDRESS", "PHONE_NUMBER", "IP_ADDRESS",
})
# An ignored span may carry these or a labelled type: that is how an unsure case is written down.
IGNORED_ONLY_TYPES = frozenset({"PRODUCT", "WORK", "EVENT", "ID_NUMBER", "OTHER"})

MARK = re.compile(r"\[\[(~?)([A-Z_]+)\|([^\[\]|]*)\]\]")
# A name never starts or ends with these (ASCII and Japanese); a closing full stop may end a
# legal name ("Co., Ltd."), so "." is allowed.
BAD_EDGE = frozenset(" \t\n\"'“”‘’,;:!?()[]") | frozenset("\u3000、。，．「」『』（）【】・！？：；")
# heldout1 was written when only surrounding white space was checked.
SPACE_EDGE = frozenset(" \t\n")
# A PERSON span is the name alone: titles and honorifics stay outside it.
TITLE_BEFORE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Herr|Herrn|Frau|Mme|Mlle|Lic|Ing|Dipl\.-Ing|Engr|Sig|Mtra)\b\.?\s", re.I)
HONORIFIC_AFTER = ("さん", "様", "氏", "選手", "教授", "監督", "首相", "会長", "-san")
SHOUTED_WORD = re.compile(r"\b[A-Z]{3,}\b")
JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


class MarkupError(ValueError):
    """A document in a source file breaks the markup or labelling rules."""


@dataclass(frozen=True)
class Register:
    """One source file: its layout, where its documents go and the limits they must keep.

    The defaults are today's rules; older sets override the fields where they were written
    under other ones, so that their gold files stay as they are.
    """

    name: str
    output: str
    layout: Literal["blocks", "lines"]
    min_chars: int
    max_chars: int
    id_stem: str = ""  # ids are `<id_stem>-<NNN or block id>`; empty means `<prefix>-<name>`
    comment: str = "% "  # a line starting with this is a comment
    labelled_types: frozenset[str] = LABELLED_TYPES
    bad_edge: frozenset[str] = BAD_EDGE



# The registers of a blind set written under today's rules (heldout4 on): business documents,
# Japanese encyclopedic sentences and social posts in four registers. Order fixes the ids and the
# order of the output files; a register whose source is absent is skipped.
CURRENT_REGISTERS = (
    Register("business_en", "business_en.jsonl", "blocks", 300, 2500),
    Register("wiki_ja", "wiki_ja.jsonl", "lines", 30, 150),
    Register("sentence", "social_en.jsonl", "lines", 20, 280),
    Register("lower", "social_en.jsonl", "lines", 20, 280),
    Register("shout", "social_en.jsonl", "lines", 20, 280),
    Register("title", "social_en.jsonl", "lines", 20, 280),
)

def luhn_ok(digits: str) -> bool:
    """True when the digit string passes the Luhn check used by payment cards."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def iban_ok(compact: str) -> bool:
    """True when a compact IBAN (no spaces) passes the ISO 13616 mod-97 check."""
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def identifier_problem(kind: str, value: str) -> str | None:
    """Say why an identifier's value is invalid for its type, or None when it is fine."""
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
        if not m or m.group(1) in {"000", "666"} or m.group(1)[0] == "9" or m.group(2) == "00" \
                or m.group(3) == "0000":
            return "not a well-formed SSN"
    elif kind == "IP_ADDRESS":
        try:
            ipaddress.ip_address(value)
        except ValueError:
            return "not an IP address"
    return None


def edge_problem(kind: str, value: str, bad_edge: frozenset[str] = BAD_EDGE) -> str | None:
    """Say why a span's edges are wrong (space, punctuation, possessive), or None when clean."""
    # A phone number may open with its area code in brackets: "(555) 013-4472".
    first_ok = kind == "PHONE_NUMBER" and value[0] == "("
    if (value[0] in bad_edge and not first_ok) or value[-1] in bad_edge:
        return f"span {kind} {value[:1]!r}…{value[-1:]!r} starts or ends with space or punctuation"
    if value.endswith(("'s", "’s")) and kind == "PERSON":
        return "PERSON span holds a possessive 's"
    if kind == "PERSON" and (TITLE_BEFORE.match(value) or value.endswith(HONORIFIC_AFTER)):
        return "PERSON span holds a title or honorific"
    return None


def parse_marked(marked: str, register: Register | None = None) -> tuple[str, list[dict], list[dict]]:
    """Strip the markup from one document; return its text, spans and ignored spans with offsets.

    `register` supplies the allowed types and the edge rule; without one, today's rules apply.
    """
    labelled = register.labelled_types if register else LABELLED_TYPES
    bad_edge = register.bad_edge if register else BAD_EDGE
    parts: list[str] = []
    spans: list[dict] = []
    ignored: list[dict] = []
    pos = length = 0
    for match in MARK.finditer(marked):
        before = marked[pos:match.start()]
        parts.append(before)
        length += len(before)
        tilde, kind, value = match.groups()
        if not value.strip():
            raise MarkupError(f"empty span of type {kind}")
        allowed = labelled | IGNORED_ONLY_TYPES if tilde else labelled
        if kind not in allowed:
            raise MarkupError(f"unknown type {kind} (allowed: {', '.join(sorted(allowed))})")
        problem = edge_problem(kind, value, bad_edge) or (
            None if tilde else identifier_problem(kind, value))
        if problem:
            raise MarkupError(problem)
        span = {"type": kind, "start": length, "end": length + len(value), "value": value}
        (ignored if tilde else spans).append(span)
        parts.append(value)
        length += len(value)
        pos = match.end()
    parts.append(marked[pos:])
    text = "".join(parts)
    if "[[" in text or "]]" in text:
        raise MarkupError("nested, empty or unclosed markup")
    for span in spans + ignored:
        assert text[span["start"]:span["end"]] == span["value"]
    return text, spans, ignored


def register_problem(register: Register, text: str) -> str | None:
    """Say why a document does not fit its register (length, case, script), or None when it fits."""
    if not register.min_chars <= len(text) <= register.max_chars:
        return f"{len(text)} characters, outside {register.min_chars}-{register.max_chars}"
    if register.name == "lower" and text != text.lower():
        return "upper-case letter in the lower-case register"
    if register.name == "shout" and not SHOUTED_WORD.search(text):
        return "no SHOUTED word in the shout register"
    if register.name.endswith("_ja") and not JAPANESE_SCRIPT.search(text):
        return "no Japanese character in a Japanese register"
    return None


def split_source(path: Path, register: Register) -> list[tuple[int, str, str | None]]:
    """Split a source file into (line number, marked text, block id or None) per document."""
    docs: list[tuple[int, str, str | None]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    comment = register.comment
    if register.layout == "lines":
        for lineno, line in enumerate(lines, 1):
            if line.strip() and not line.startswith(comment):
                docs.append((lineno, line.strip().replace("\\n", "\n"), None))
        return docs
    block_id, start, body = None, 0, []
    for lineno, line in enumerate(lines + ["### end-of-file"], 1):
        if line.startswith("### "):
            if block_id is not None:
                docs.append((start, "\n".join(body).strip("\n"), block_id))
            block_id, start, body = line[4:].strip(), lineno, []
        elif block_id is None and line.strip() and not line.startswith(comment):
            raise MarkupError(f"{path.name}:{lineno}: text before the first '### <id>' line")
        elif not line.startswith(comment):
            body.append(line)
    return docs


def read_register(directory: Path, register: Register, prefix: str,
                  seen_texts: dict[str, str] | None = None) -> list[dict]:
    """Read `<register>.src.txt` into gold rows with ids `<prefix>-<register>-<NNN or block id>`.

    `seen_texts` maps every text read so far to the line it came from; pass one dict to all the
    registers of a set so that a text copied between its files is caught too.
    """
    path = directory / f"{register.name}.src.txt"
    stem = register.id_stem or f"{prefix}-{register.name}"
    seen_texts = {} if seen_texts is None else seen_texts
    rows: list[dict] = []
    seen_ids: set[str] = set()
    for lineno, marked, block_id in split_source(path, register):
        doc_id = f"{stem}-{block_id or f'{len(rows) + 1:03d}'}"
        where = f"{path.name}:{lineno}"
        try:
            if doc_id in seen_ids:
                raise MarkupError(f"duplicate id {doc_id}")
            text, spans, ignored = parse_marked(marked, register)
            problem = register_problem(register, text)
            if problem:
                raise MarkupError(problem)
            if text in seen_texts:
                raise MarkupError(f"same text as {seen_texts[text]}")
        except MarkupError as err:
            block = f" (block {block_id})" if block_id else ""
            raise MarkupError(f"{where}{block}: {err}") from None
        seen_ids.add(doc_id)
        seen_texts[text] = where
        rows.append({"id": doc_id, "text": text, "spans": spans, "ignored_spans": ignored})
    return rows


def build(directory: Path, registers: Sequence[Register], prefix: str, argv: list[str]) -> int:
    """Build a set: read each register whose source is present, write its gold file, print counts.

    With `--check` in `argv` nothing is written. Returns the exit status: 1, with the one-line
    reason on stderr, when a document is bad.
    """
    outputs: dict[str, dict[str, list[dict]]] = {}
    seen_texts: dict[str, str] = {}
    try:
        for register in registers:
            if (directory / f"{register.name}.src.txt").exists():
                rows = read_register(directory, register, prefix, seen_texts)
                outputs.setdefault(register.output, {})[register.name] = rows
    except MarkupError as err:
        print(err, file=sys.stderr)
        return 1
    for name, by_register in outputs.items():
        rows = [row for part in by_register.values() for row in part]
        if "--check" not in argv:
            write_jsonl(directory / name, rows)
        print(summary(name, rows))
        if len(by_register) > 1:
            for register, part in by_register.items():
                spans = Counter(s["type"] for row in part for s in row["spans"])
                print(f"  {register}: {len(part)} documents, spans {dict(spans.most_common())}")
    return 0


def write_jsonl(path: Path, rows: list[dict]) -> None:
    """Write gold rows, one JSON object a line, keeping non-ASCII text readable."""
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def summary(name: str, rows: list[dict]) -> str:
    """Counts for a README: documents, lengths, spans and ignored spans per type."""
    sizes = [len(row["text"]) for row in rows]
    spans = Counter(s["type"] for row in rows for s in row["spans"])
    ignored = Counter(s["type"] for row in rows for s in row["ignored_spans"])
    return "\n".join([
        f"{name}: {len(rows)} documents, {min(sizes)}-{max(sizes)} characters (mean "
        f"{sum(sizes) / len(sizes):.0f}); without a span {sum(1 for r in rows if not r['spans'])}",
        f"  spans {dict(spans.most_common())}",
        f"  ignored {dict(ignored.most_common())}",
    ])
