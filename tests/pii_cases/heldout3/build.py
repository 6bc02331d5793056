"""Build the third blind PII set (English social posts, Japanese encyclopedic sentences).

In:  `<register>.src.txt` files beside this script, one document a line. Markup:
     `[[TYPE|name]]` a PII span (goes to `spans`), `[[~TYPE|name]]` a span a scorer should
     neither credit nor penalise (goes to `ignored_spans`: products, works, events, unsure cases).
     `\\n` inside a line is a line break (group chats); lines starting with `% ` are comments.
Out: `social_en.jsonl` (registers sentence, lower, shout, title) and `wiki_ja.jsonl` (register
     wiki_ja), one `{"id","text","spans","ignored_spans"}` a line, character offsets.
Run: `python tests/pii_cases/heldout3/build.py` (add `--check` to validate without writing).
Any bad line stops the build with one line naming the file, the line and the reason.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The markup and its span checks are heldout2's, reused so that both sets follow one format.
_SPEC = importlib.util.spec_from_file_location("heldout2_build", HERE.parent / "heldout2" / "build.py")
HELDOUT2 = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(HELDOUT2)
# Japanese punctuation heldout2 does not know; a span never starts or ends with it either.
WIDE_EDGE = set("\u3000、。，．「」『』（）【】・！？：；")


@dataclass(frozen=True)
class Register:
    """One source file: where its documents go and the limits its lines must keep."""

    name: str
    output: str
    min_chars: int
    max_chars: int


# Order fixes the ids and the order of the output files.
REGISTERS = (
    Register("sentence", "social_en.jsonl", 20, 280),
    Register("lower", "social_en.jsonl", 20, 280),
    Register("shout", "social_en.jsonl", 20, 280),
    Register("title", "social_en.jsonl", 20, 280),
    Register("wiki_ja", "wiki_ja.jsonl", 30, 150),
)


class SourceError(ValueError):
    """A line in a source file breaks the markup or labelling rules."""


def parse_line(marked: str, register: Register) -> tuple[str, list[dict], list[dict]]:
    """Strip the markup from one line; return its text, spans and ignored spans with offsets."""
    text, spans, ignored = HELDOUT2.parse_post(marked)
    for span in spans + ignored:
        if span["value"][0] in WIDE_EDGE or span["value"][-1] in WIDE_EDGE:
            raise SourceError(f"span {span['type']} starts or ends with Japanese punctuation")
    if not register.min_chars <= len(text) <= register.max_chars:
        raise SourceError(f"{len(text)} characters, outside {register.min_chars}-{register.max_chars}")
    problem = HELDOUT2.register_problem(register.name, text) or japanese_problem(register.name, text)
    if problem:
        raise SourceError(problem)
    return text, spans, ignored


def japanese_problem(register: str, text: str) -> str | None:
    """Say why a line does not belong in the Japanese register, or None when it does."""
    if register == "wiki_ja" and not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text):
        return "no Japanese character in the Japanese register"
    return None


def read_register(register: Register) -> list[dict]:
    """Read one `<register>.src.txt` into gold documents with ids `h3-<register>-NNN`."""
    path = HERE / f"{register.name}.src.txt"
    docs = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("% "):
            continue
        try:
            text, spans, ignored = parse_line(line.strip(), register)
        except ValueError as err:  # heldout2's SourceError or ours
            raise SystemExit(f"{path.name}:{lineno}: {err}") from None
        docs.append({"id": f"h3-{register.name}-{len(docs) + 1:03d}", "text": text,
                     "spans": spans, "ignored_spans": ignored})
    return docs


def summary(name: str, docs: list[dict]) -> str:
    """Counts for the README: documents per register, spans and ignored spans per type."""
    per_register = Counter(doc["id"].rsplit("-", 1)[0][3:] for doc in docs)
    lines = [f"{name}: {len(docs)} documents; per register {dict(per_register)}; "
             f"without PII {sum(1 for doc in docs if not doc['spans'])}"]
    for register in per_register:
        part = [doc for doc in docs if doc["id"].rsplit("-", 1)[0][3:] == register]
        lines.append(f"  {register} spans {dict(Counter(s['type'] for d in part for s in d['spans']))}")
    lines.append(f"  spans {dict(Counter(s['type'] for d in docs for s in d['spans']))}")
    lines.append(f"  ignored {dict(Counter(s['type'] for d in docs for s in d['ignored_spans']))}")
    sizes = [len(doc["text"]) for doc in docs]
    lines.append(f"  characters {min(sizes)}-{max(sizes)}, mean {sum(sizes) / len(sizes):.0f}")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    outputs: dict[str, list[dict]] = {}
    seen: dict[str, str] = {}
    for register in REGISTERS:
        for doc in read_register(register):
            if doc["text"] in seen:
                raise SystemExit(f"{doc['id']}: same text as {seen[doc['text']]}")
            seen[doc["text"]] = doc["id"]
            outputs.setdefault(register.output, []).append(doc)
    for name, docs in outputs.items():
        if "--check" not in argv:
            with open(HERE / name, "w", encoding="utf-8") as out:
                for doc in docs:
                    out.write(json.dumps(doc, ensure_ascii=False) + "\n")
        print(summary(name, docs))


if __name__ == "__main__":
    main(sys.argv[1:])
