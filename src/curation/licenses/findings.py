"""What a reading of a text finds: Statements and Remarks.

A Statement is a license applied to the work, to upstream material or to a third-party part of it;
a Remark a sentence set aside, and why.
"""

from __future__ import annotations

from dataclasses import dataclass



@dataclass(frozen=True)
class Statement:
    """One piece of evidence inside a text.

    kind: header | spdx_tag | license_text | notice | grant | field | heading | short_file;
    role: own (the work) | upstream (material the work came from);
    scope: code | data | docs | model | None (the whole work);
    rule: the pattern or ScanCode rule behind it; hint: for a LicenseRef-Custom-, the SPDX
    license the terms are based on."""

    expression: str
    kind: str
    role: str
    scope: str | None
    first_line: int
    last_line: int
    text: str
    rule: str
    score: float = 1.0
    hint: str | None = None

    def where(self) -> str:
        return f"line {self.first_line}" + (f"-{self.last_line}" if self.last_line != self.first_line else "")

@dataclass(frozen=True)
class Remark:
    """A sentence that names a license and was not counted, or that changes the terms."""

    first_line: int
    text: str
    why: str  # talk | mention | other_work | history | custom | restriction | choice | commercial_ok | third_party
    role: str = "own"  # own | upstream: a remark in upstream or quoted material never changes the work's terms
    last_line: int = 0
    hint: str | None = None  # no_such_version: the one version the list holds, for the reviewer
