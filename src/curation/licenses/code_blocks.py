"""Code blocks in a README or a card: an example, or the work's own citation.

A fenced block (``` or ~~~) or, in markdown, an indented one holds code, a manifest snippet, a
command or a citation. The licenses it names are an example to copy (`license = MIT` in a
packaging how-to, a BibTeX entry showing which fields to fill), not this work's statement, unless
  - the block sits in the work's License section (a notice quoted as a block there is the notice), or
  - it is the work's own citation: a BibTeX entry or a CITATION.cff block whose title names the
    work (its first heading, a card's `pretty_name`). Its license fields (`license`, `rights`,
    `copyright`, and a `note` or `howpublished` that names a license) are then the work's and are
    read as `License: <value>` fields; its other fields (authors, title) are no evidence.
The citation of another work (a title that is not this work's) speaks of that work.
"""

from __future__ import annotations

import dataclasses
import re

from curation.licenses import statements as st
from curation.licenses.names import mentions
from curation.licenses.text import Line

_ENTRY = re.compile(r"^\s*@\w+\s*[{(]|^\s*cff-version\s*:", re.IGNORECASE)
_BIBTEX_FIELD = re.compile(r"^\s*(?P<key>\w+)\s*=\s*[{\"]+(?P<value>.*?)[}\"]*\s*,?\s*$")
_CFF_FIELD = re.compile(r"^\s*(?P<key>title|license|licen[cs]e-url|copyright)\s*:\s*[\"']?(?P<value>.*?)[\"']?\s*$",
                        re.IGNORECASE)
_LICENSE_KEYS = {"license", "licence", "rights", "copyright", "license-url", "licence-url"}
_NOTE_KEYS = {"note", "annote", "howpublished", "addendum"}


def _blocks(lines: list[Line]) -> list[tuple[int, int]]:
    """(first, last) indexes of each run of code lines."""
    out, start = [], None
    for i, line in enumerate(lines + [Line(0, "")]):
        if line.code and start is None:
            start = i
        elif not line.code and start is not None:
            out.append((start, i - 1))
            start = None
    return out


def _field(text: str) -> tuple[str, str] | None:
    m = _BIBTEX_FIELD.match(text) or _CFF_FIELD.match(text)
    return (m["key"].lower(), m["value"].strip()) if m else None


def _names_work(title: str, names: tuple[str, ...]) -> bool:
    """Whether a citation's title is this work's: the name itself, or the name then a subtitle
    ("Prairie: A Corpus of Farm Reports"), a year or a version ("Alpine Lichen Survey 2015-2020"). A title that only contains the name ("Prairie QA", a
    benchmark built on it; "Dataset" in any title) names another work."""
    title = re.sub(r"[{}\s]+", " ", title).strip().lower()
    for name in names:
        name = re.sub(r"\s+", " ", name).strip().lower()
        if name and re.match(re.escape(name) + r"(?:\s*$|\s*[:\u2014\u2013-]\s|\s+\(?v?\d)", title):
            return True
    return False


def _example_blocks(lines: list[Line]) -> list[tuple[int, int]]:
    """The code blocks outside the work's License section: a notice quoted as a block in the
    License section is the notice itself."""
    heading, headings = "", {}
    for i, line in enumerate(lines):
        if line.heading:
            heading = line.text
        headings[i] = heading
    return [(first, last) for first, last in _blocks(lines) if not st._LICENSE_HEADING.search(headings[first])]


def example_lines(lines: list[Line]) -> set[int]:
    """The numbers of the lines in code blocks outside the License section. An SPDX tag there is
    an example of a header to copy (a REUSE how-to), not this document's tag; read_blocks still
    reads the work's own citation in such a block."""
    return {lines[i].number for first, last in _example_blocks(lines) for i in range(first, last + 1)}


def read_blocks(lines: list[Line], given: tuple[str, ...] = ()) -> tuple[list[Line], list[st.Remark]]:
    """The lines as the statement reader should read them (example blocks blank, the work's own
    citation reduced to its license fields), and a remark for each block whose license names were
    not counted."""
    names = st.work_names(lines, given)
    out = list(lines)
    remarks: list[st.Remark] = []
    for first, last in _example_blocks(lines):
        block = lines[first:last + 1]
        named = [line for line in block if line.text and mentions(line.text)]
        fields = [(i, f) for i in range(first, last + 1) if (f := _field(lines[i].text))]
        title = next((value for _, (key, value) in fields if key == "title"), "")
        citation = any(_ENTRY.match(line.text) for line in block)
        own = citation and bool(title) and _names_work(title, names)
        for i in range(first, last + 1):
            out[i] = dataclasses.replace(lines[i], text="")
        if own:
            for i, (key, value) in fields:
                if key in _LICENSE_KEYS or key in _NOTE_KEYS and mentions(value):
                    out[i] = dataclasses.replace(lines[i], text=f"License: {value} (this work)")
            continue
        if named:
            why = "other_work" if citation and title else "example"
            remarks.append(st.Remark(named[0].number, " ".join(line.text for line in named), why,
                                     last_line=named[-1].number))
    return out, remarks
