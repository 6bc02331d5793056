"""The result of reading a text for its license: the `Detection`, and the lines it explains itself in.

`Detection.explain` gives a reviewer the evidence line by line, with the remarks (talk that was not
counted, custom terms, restrictions) in words; NOTHING is the answer where no license was found.
"""

from __future__ import annotations

from dataclasses import dataclass

from curation.licenses import statements as st
from curation.licenses.names import VERSION_NOT_STATED


NOASSERTION = "NOASSERTION"


@dataclass(frozen=True)
class Detection:
    """What was found: a normalized SPDX expression (or NOASSERTION), a score in [0, 1], the
    detector that found it (spdx_tag | header | statement | scancode | combined | none), what
    matched (rule ids), the statements that are the evidence, the remarks (talk that was not
    counted, custom terms, restrictions), whether two statements conflict, and for custom terms
    the SPDX license they are based on."""

    expression: str
    score: float
    detector: str
    matched: tuple[str, ...] = ()
    statements: tuple[st.Statement, ...] = ()
    remarks: tuple[st.Remark, ...] = ()
    conflict: bool = False
    readings: tuple[str, ...] = ()  # in a conflict: each reading (`scope/role: expression`)
    hint: str | None = None
    unread: str | None = None  # the middle of a long text that was not read, said for a reviewer

    @property
    def found(self) -> bool:
        return self.expression != NOASSERTION

    @property
    def versionless(self) -> bool:
        """Whether a license of the answer was named without its version (read as its latest)."""
        return any(VERSION_NOT_STATED in s.rule and s.expression in self.expression for s in self.statements)

    def explain(self) -> list[str]:
        """The evidence as lines a reviewer reads: where, what it says, which rule."""
        out = [f"{s.where()}: \"{_short(s.text)}\" -> {s.expression} ({s.kind}; {s.rule}"
               + (f"; scope {s.scope}" if s.scope else "") + ("; upstream material" if s.role == "upstream" else "")
               + ("; a third-party component, not the work" if s.role == "third_party" else "")
               + (f"; closest SPDX license {s.hint}" if s.hint else "") + ")" for s in self.statements]
        out += [f"line {r.first_line}: \"{_short(r.text)}\" -> "
                + (_UPSTREAM_REMARK.get(r.why, _REMARK[r.why]) if r.role != "own" else _REMARK[r.why])
                + (f"; closest listed version {r.hint}" if r.hint else "")
                for r in self.remarks]
        if self.conflict:
            out.append("conflict: " + "; ".join(self.readings))
        if self.hint:
            out.append(f"custom terms: closest SPDX license {self.hint}; a person must read them")
        if self.unread:
            out.append(self.unread)
        return out


_REMARK = {"talk": "not counted: talks about licenses, grants none",
           "mention": "not counted: names a license without applying it to the work",
           "other_work": "not counted: the license of another work the text speaks of",
           "custom": "custom terms: the license is changed or added to",
           "restriction": "restriction: non-commercial use only",
           "choice": "a choice between licenses (the licensee picks one)",
           "commercial_ok": "says commercial use is allowed",
           "hedged": "not counted: says public domain with a hedge, dedicates nothing a reviewer can sign",
           "example": "not counted: an example in a code block, not the work's statement",
           "no_such_version": "not counted: names a version the license never had (never published), or no version "
                              "where the license has several; a person reads it"}
_UPSTREAM_REMARK = {"custom": "not counted: changes upstream or quoted terms, not the work's",
                    "restriction": "not counted: a restriction on upstream or quoted material, not the work",
                    "commercial_ok": "not counted: said of upstream or quoted material"}


def _short(text: str, n: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


NOTHING = Detection(NOASSERTION, 0.0, "none")
